"""`digest run` with [subscribers]: who gets the digest, their own unsubscribe link, bounces."""

from __future__ import annotations

import email
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from pathlib import Path

import pytest

from digest.config import Config, load_config
from digest.pipeline import RunOptions, run, send
from digest.subscribers import open_store
from digest.tokens import check_secret, verify

from .conftest import RecordingHandler, SmtpServer, running_smtp

SECRET = "run test secret, long enough"
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


class RefusingHandler(RecordingHandler):
    """Accepts mail, except for addresses at gone.example.org: 550 at RCPT (a hard bounce)."""

    async def handle_RCPT(
        self, server: object, session: object, envelope: object, address: str, options: object
    ) -> str:
        if address.endswith("@gone.example.org"):  # worded as Postfix does: it names the address
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)  # type: ignore[attr-defined]
        return "250 OK"


@pytest.fixture
def refusing_smtp() -> Iterator[SmtpServer]:
    with running_smtp(RefusingHandler()) as server:
        yield server


def configure(project: Path, smtp: SmtpServer, **subscribers: object) -> Config:
    return load_config(
        project / "digest.toml",
        env={"DIGEST_SECRET": SECRET},
        overrides={
            "smtp": {"host": smtp.host, "port": smtp.port},
            "subscribers": {
                "enabled": True,
                "path": project.parent / "data" / "subscribers.db",
                "base_url": "https://lists.example.org/lantern/",
                "max_bounces": 1,
                **subscribers,
            },
        },
    )


def test_confirmed_subscribers_get_their_own_one_click_link(
    example_project: Path, refusing_smtp: SmtpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="digest")
    config = configure(example_project, refusing_smtp)
    with open_store(config) as store:
        store.add("ada@example.org", NOW)
        store.add("lantern-dev@lists.example.org", NOW)  # also in mail.to: one message, the list's
        store.add("bob@gone.example.org", NOW)
        store.request("pending@example.org", NOW)
        store.add("left@example.org", NOW)
        store.unsubscribe("left@example.org", NOW)
    report = run(config, RunOptions(now=NOW))
    assert report.delivery is not None and report.delivery.delivered == 2
    received = {m.rcpt_tos[0]: m for m in refusing_smtp.messages}
    assert sorted(received) == ["ada@example.org", "lantern-dev@lists.example.org"]
    key = check_secret(SECRET)
    tokens = {}
    for address, message in received.items():
        mail = email.message_from_bytes(message.data, policy=policy.default)
        assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        links = [p.strip(" <>") for p in str(mail["List-Unsubscribe"]).split(",")]
        assert links[0].startswith("https://lists.example.org/lantern/unsubscribe/")
        assert links[1].startswith("mailto:lantern-dev-leave@lists.example.org")
        assert links[0] in mail.get_body(("html",)).get_content()  # type: ignore[union-attr]
        tokens[address] = links[0].rsplit("/", 1)[1]
    assert verify(key, tokens["ada@example.org"], "unsubscribe", now=NOW).subject == (
        "ada@example.org"
    )
    assert tokens["lantern-dev@lists.example.org"] == ""  # mail.to: the list's copy, no token
    with open_store(config) as store:
        gone = store.get("bob@gone.example.org")
    assert gone is not None and gone.status == "bounced" and gone.bounces == 1
    # Privacy: at INFO level no subscriber address is logged, not even a server's echo of it.
    for address in ("ada@example.org", "bob@gone.example.org", "pending@", "left@"):
        assert address not in caplog.text


def test_bounced_address_gets_no_more_mail_and_send_counts_too(
    example_project: Path, refusing_smtp: SmtpServer
) -> None:
    config = configure(example_project, refusing_smtp, max_bounces=2)
    with open_store(config) as store:
        store.add("carol@gone.example.org", NOW)
    run(config, RunOptions(now=NOW, deliver=False))
    assert refusing_smtp.messages == []
    send(config, NOW)  # `digest send` records the 5xx as well
    with open_store(config) as store:
        assert store.get("carol@gone.example.org").bounces == 1  # type: ignore[union-attr]
        assert store.confirmed() == ["carol@gone.example.org"]  # one of two bounces


def test_without_base_url_or_secret_the_run_says_what_is_missing(
    example_project: Path, refusing_smtp: SmtpServer
) -> None:
    from digest.errors import ConfigError
    from digest.tokens import TokenError

    with pytest.raises(ConfigError, match="base_url"):
        run(configure(example_project, refusing_smtp, base_url=""), RunOptions(now=NOW))
    config = load_config(
        example_project / "digest.toml",
        env={},
        overrides={
            "subscribers": {
                "enabled": True,
                "path": example_project.parent / "s.db",
                "base_url": "https://lists.example.org",
            }
        },
    )
    with pytest.raises(TokenError, match="DIGEST_SECRET"):
        run(config, RunOptions(now=NOW))
    assert not (example_project / ".digest").exists()  # refused before anything was written
