"""The outbox as a durable queue, and splicing recipients into the digest's bytes."""

from __future__ import annotations

import email
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest

from digest.compose import message_id
from digest.config import load_config
from digest.errors import OutboxError
from digest.models import Digest
from digest.outbox import Outbox
from digest.recipients import (
    PLACEHOLDER_TOKEN,
    ListRecipients,
    Recipient,
    RecipientSource,
    Template,
    collect,
    compose_template,
)
from digest.render import RenderedDigest
from tests.test_deliver import SENDER, addresses, queue, template


def test_queue_is_idempotent_and_keeps_addresses_out_of_file_names(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    path = queue(outbox, "digest-1", addresses(3))
    again, written = outbox.queue(
        "digest-1", b"other", digest_id="x", sender=SENDER, recipients=iter(())
    )
    assert (again, written) == (path, False)
    (job,) = outbox.jobs()
    assert (job.name, job.count, job.sender) == ("digest-1", 3, SENDER)
    assert [r.address for _, r in outbox.recipients(job)] == addresses(3)
    assert not any("@" in p.name for p in outbox.root.rglob("*"))
    with pytest.raises(OutboxError):
        outbox.queue("../escape", b"", digest_id="x", sender=SENDER, recipients=())


def test_journal_survives_a_torn_last_line_and_completes_the_job(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", addresses(3))
    (job,) = outbox.jobs()
    with outbox.journal(job) as journal:
        journal.record("D", 0)
        journal.record("F", 2)
    with (outbox.root / "job.journal").open("ab") as handle:
        handle.write(b"D 1")  # a write cut short: no newline, not counted
    assert outbox.done(job) == {0, 2}
    outbox.complete(job)
    assert outbox.jobs() == []
    assert sorted(p.name for p in outbox.sent_dir.iterdir()) == [
        "job.eml", "job.journal", "job.json", "job.rcpt"
    ]
    _again, written = outbox.queue("job", b"", digest_id="x", sender=SENDER, recipients=())
    assert not written, "a sent digest is never queued again"


def test_long_token_in_quoted_printable_is_refolded_and_decodes_exactly() -> None:
    token = "t" + "Ab9_-" * 30
    data = Template(template(size=2000)).splice(
        Recipient("a@example.org", "A <a@example.org>", token), "d" * 64
    )
    _head, _, body = data.partition(b"\r\n\r\n")
    assert all(len(line) <= 78 for line in body.split(b"\r\n"))  # as the email package writes
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["To"] == "A <a@example.org>"
    assert f"u?t={token}\r\n" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert f"u?t={token}'" in message.get_body(("html",)).get_content()  # type: ignore[union-attr]


def test_template_from_compose_splices_to_what_compose_would_write(tmp_path: Path) -> None:
    config = load_config(
        None,
        env={},
        cwd=tmp_path,
        overrides={"mail": {"sender": "Digest <d@example.org>",
                            "unsubscribe_url": f"https://example.org/u/{PLACEHOLDER_TOKEN}"}},
    )
    digest = Digest(id="ab" * 32, volume=1, number=2, created=datetime(2026, 1, 1, tzinfo=UTC),
                    entries=())
    rendered = RenderedDigest(subject="Digest", html="<p>hi</p>", text="hi\n")
    (recipient,) = collect([ListRecipients(("Ann Example <ann@example.org>",))])
    data = Template(compose_template(config, digest, rendered)).splice(
        Recipient(recipient.address, recipient.to, "tok"), digest.id
    )
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["To"] == "Ann Example <ann@example.org>"
    assert message["Message-ID"] == message_id(digest, "ann@example.org", "example.org")
    assert message["List-Unsubscribe"] == "<https://example.org/u/tok>"


class Store:
    """What digest/subscribers.py provides: confirmed addresses, bounces, tokens."""

    def __init__(self) -> None:
        self.bounced: list[str] = []

    def confirmed(self) -> list[str]:
        return ["b@example.org", "A@example.org", "c@example.org"]

    def record_bounce(self, address: str) -> None:
        self.bounced.append(address)

    def unsubscribe_token(self, address: str) -> str:
        return f"signed-{address.split('@')[0]}"


def test_recipient_sources_are_merged_once_each_with_tokens() -> None:
    store = Store()
    assert isinstance(store, RecipientSource)
    merged = list(collect([ListRecipients(("a@example.org",)), store]))
    assert [(r.address, r.token) for r in merged] == [
        ("a@example.org", ""), ("b@example.org", "signed-b"), ("c@example.org", "signed-c")
    ]
    with pytest.raises(OutboxError):
        list(collect([ListRecipients(("ü@exämple.org",))]))
