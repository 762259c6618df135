"""The subscriber store: addresses, statuses, migrations, CSV import/export, bounces, CLI."""

from __future__ import annotations

import io
import mailbox
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage, Message
from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app
from digest.config import load_config
from digest.errors import ConfigError
from digest.subscribers import (
    MIGRATIONS,
    AddressError,
    SubscriberError,
    SubscriberStore,
    failed_recipients,
    normalize_address,
    read_bounces,
    store_path,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> SubscriberStore:
    return SubscriberStore(tmp_path / "data" / "subscribers.db", max_bounces=2)


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("Ada.Lovelace@Example.ORG", "Ada.Lovelace@example.org"),  # local part kept as given
        ("  ada+digest@example.org ", "ada+digest@example.org"),
        ("ada@Bücher.example", "ada@xn--bcher-kva.example"),  # IDNA, one form for both
        ("ada@xn--bcher-kva.example", "ada@xn--bcher-kva.example"),
    ],
)
def test_normalisation_only_touches_the_domain(given: str, canonical: str) -> None:
    assert normalize_address(given) == canonical


@pytest.mark.parametrize(
    "given",
    [
        "",
        "ada",
        "ada@",
        "@example.org",
        "ada@localhost",
        "ada@example.org\r\nBcc: eve@example.org",
        "ada@example.org\nSubject: hi",
        "ada@example.org%0d%0aBcc:eve@example.org",
        '"ada@evil.example"@example.org',
        '"a b"@example.org',
        "Ada <ada@example.org>",
        "ada@example.org, eve@example.org",
        "ada@[127.0.0.1]",
        "ada(comment)@example.org",
        "ada@example.org\x00",
        "a" * 250 + "@example.org",
        "josé@example.org",  # needs SMTPUTF8, which digest does not send
    ],
)
def test_malformed_addresses_and_injection_are_refused(given: str) -> None:
    with pytest.raises(AddressError) as info:
        normalize_address(given)
    assert info.value.hint == "write it as name@example.org"


def test_lifecycle_subscribe_confirm_unsubscribe(store: SubscriberStore) -> None:
    ada = "ada@example.org"
    assert store.request(ada, NOW) is True
    assert store.get(ada).status == "pending"  # type: ignore[union-attr]
    assert store.confirmed() == []
    assert store.confirm(ada, NOW) is True
    assert store.confirm(ada, NOW + timedelta(minutes=1)) is True  # twice: harmless
    member = store.get(ada)
    assert (
        member is not None and member.status == "confirmed" and member.confirmed == NOW.isoformat()
    )
    assert store.request(ada, NOW) is False  # already confirmed: no second mail
    assert store.confirmed() == [ada]
    assert store.unsubscribe(ada, NOW) is True
    assert store.unsubscribe(ada, NOW) is True
    assert store.confirm(ada, NOW) is False  # an old confirm link does not undo unsubscribing
    assert store.get(ada).status == "unsubscribed"  # type: ignore[union-attr]
    assert store.unsubscribe("bob@example.org", NOW) is False
    assert store.get("bob@example.org") is None
    assert store.request(ada, NOW) is True  # subscribing again asks for confirmation again
    assert store.get(ada).status == "pending"  # type: ignore[union-attr]


def test_store_file_is_private_and_versioned(store: SubscriberStore) -> None:
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.schema_version == len(MIGRATIONS)


def test_old_schema_is_migrated_and_newer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO subscribers (address, status, created, updated) "
        "VALUES ('ada@example.org', 'confirmed', 'x', 'x')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with SubscriberStore(path) as store:
        assert store.schema_version == 2
        assert store.confirmed() == ["ada@example.org"]
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with pytest.raises(SubscriberError, match="newer"):
        SubscriberStore(path)


def test_import_is_one_transaction_and_never_resubscribes(store: SubscriberStore) -> None:
    store.add("gone@example.org", NOW)
    store.unsubscribe("gone@example.org", NOW)
    csv_text = (
        "name,email\n"
        "Ada,Ada@Example.org\n"
        "Bad,not-an-address\n"
        "Gone,gone@example.org\n"
        "Dup,ada@example.org\n"  # same domain, different local-part case: a different mailbox
        'Eve,"eve@example.org\nBcc: x@example.org"\n'
    )
    report = store.import_csv(io.StringIO(csv_text), NOW)
    assert report.added == 2 and report.present == 1
    assert [p.split(":")[0] for p in report.invalid] == ["line 3", "line 7"]
    assert not any("not-an-address" in p or "eve@" in p for p in report.invalid)
    assert store.get("gone@example.org").status == "unsubscribed"  # type: ignore[union-attr]
    assert store.confirmed() == ["Ada@example.org", "ada@example.org"]
    out = io.StringIO()
    assert store.export_csv(out) == 3
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("address,status") and lines[1].startswith(
        "Ada@example.org,confirmed"
    )


def test_bounces_mark_an_address_bounced(store: SubscriberStore) -> None:
    store.add("ada@example.org", NOW)
    assert store.record_bounce("ada@example.org", NOW) == "confirmed"
    assert store.record_bounce("Ada@EXAMPLE.org", NOW) is None  # another mailbox, not listed
    assert store.record_bounce("ada@example.org", NOW) == "bounced"
    assert store.confirmed() == []
    assert store.record_bounce("list@example.org", NOW) is None  # mail.to, not a subscriber


def dsn(recipient: str, status: str = "5.1.1", action: str = "failed", ident: str = "1") -> Message:
    """A delivery status notification as an MTA writes it (RFC 3464)."""
    msg = EmailMessage()
    msg["From"] = "MAILER-DAEMON@mx.example.org"
    msg["To"] = "digest@example.org"
    msg["Subject"] = "Undelivered Mail Returned to Sender"
    msg["Message-ID"] = f"<dsn-{ident}@mx.example.org>"
    msg.set_content("Your message could not be delivered.")
    msg.make_mixed()
    status_part = Message()
    status_part.set_type("message/delivery-status")
    per_message = Message()
    per_message["Reporting-MTA"] = "dns; mx.example.org"
    per_recipient = Message()
    per_recipient["Final-Recipient"] = f"rfc822; {recipient}"
    per_recipient["Action"] = action
    per_recipient["Status"] = status
    status_part.set_payload([per_message, per_recipient])
    msg.attach(status_part)
    msg.set_type("multipart/report")
    msg.set_param("report-type", "delivery-status")
    return msg


def test_dsn_parsing_counts_permanent_failures_only() -> None:
    assert failed_recipients(dsn("ada@example.org")) == ["ada@example.org"]
    assert failed_recipients(dsn("ada@example.org", status="4.2.2", action="delayed")) == []
    plain = EmailMessage()
    plain.set_content("hello")
    assert failed_recipients(plain) == []


@pytest.mark.parametrize("kind", ["maildir", "mbox"])
def test_bounce_mailbox_is_counted_once(store: SubscriberStore, tmp_path: Path, kind: str) -> None:
    store.add("ada@example.org", NOW)
    store.add("bob@example.org", NOW)
    path = tmp_path / kind
    box: mailbox.Mailbox[mailbox.Message]
    box = mailbox.Maildir(path) if kind == "maildir" else mailbox.mbox(path)
    for message in (
        dsn("ada@example.org", ident="1"),
        dsn("ada@example.org", ident="2"),
        dsn("bob@example.org", ident="3", status="4.4.1", action="delayed"),
    ):
        box.add(message)
    box.close()
    assert read_bounces(store, path, NOW) == {"reports": 2, "counted": 2, "bounced": 1}
    assert read_bounces(store, path, NOW) == {"reports": 2, "counted": 0, "bounced": 0}
    assert store.get("ada@example.org").status == "bounced"  # type: ignore[union-attr]
    assert store.get("bob@example.org").bounces == 0  # type: ignore[union-attr]


def test_store_path_defaults_outside_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    config = load_config(None, env={}, cwd=tmp_path)
    assert store_path(config) == tmp_path / "xdg" / "digest" / "digest.localhost" / "subscribers.db"
    inside = load_config(
        None,
        env={},
        cwd=tmp_path,
        overrides={"notes": {"path": tmp_path}, "subscribers": {"path": tmp_path / "s.db"}},
    )
    with pytest.raises(ConfigError, match="inside the notes folder"):
        store_path(inside)


def test_secret_in_the_config_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "digest.toml").write_text('[subscribers]\nsecret = "x"\n')
    with pytest.raises(ConfigError, match="DIGEST_SECRET"):
        load_config(None, env={}, cwd=tmp_path)
    config = load_config(None, env={"DIGEST_SECRET": "s" * 20}, cwd=tmp_path / "..")
    assert config.subscribers.secret == "s" * 20


def test_cli_add_list_import_export_remove(tmp_path: Path, cli: CliRunner) -> None:
    db = tmp_path / "subs.db"
    (tmp_path / "digest.toml").write_text(f'[subscribers]\npath = "{db}"\n')
    conf = ["--config", str(tmp_path / "digest.toml")]
    result = cli.invoke(app, ["subscribers", "add", "Ada@Example.org", *conf])
    assert result.exit_code == 0 and "Added 1" in result.stdout
    bad = cli.invoke(app, ["subscribers", "add", "x@example.org\r\nBcc: y@example.org", *conf])
    assert bad.exit_code == 2 and "address error" in bad.stderr
    (tmp_path / "in.csv").write_text("address\nbob@example.org\nnope\n")
    imported = cli.invoke(app, ["subscribers", "import", str(tmp_path / "in.csv"), *conf])
    assert imported.exit_code == 4 and "Added 1" in imported.stdout and "line 3" in imported.stderr
    listed = cli.invoke(app, ["subscribers", "list", "--status", "confirmed", *conf])
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [
        "Ada@example.org",
        "bob@example.org",
    ]
    removed = cli.invoke(app, ["subscribers", "remove", "bob@example.org", *conf])
    assert "Removed 1" in removed.stdout
    exported = cli.invoke(app, ["subscribers", "export", *conf])
    assert exported.stdout.splitlines()[1:] and "bob@" not in exported.stdout


def test_cli_bounces_reads_a_mailbox(tmp_path: Path, cli: CliRunner) -> None:
    db = tmp_path / "subs.db"
    (tmp_path / "digest.toml").write_text(f'[subscribers]\npath = "{db}"\nmax_bounces = 1\n')
    conf = ["--config", str(tmp_path / "digest.toml")]
    cli.invoke(app, ["subscribers", "add", "ada@example.org", *conf])
    box = mailbox.mbox(tmp_path / "bounces.mbox")
    box.add(dsn("ada@example.org"))
    box.close()
    result = cli.invoke(app, ["subscribers", "bounces", str(tmp_path / "bounces.mbox"), *conf])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "Reports: 1; bounces counted: 1; now bounced: 1."
    missing = cli.invoke(app, ["subscribers", "bounces", str(tmp_path / "nope"), *conf])
    assert missing.exit_code == 11 and "no such mailbox" in missing.stderr
