"""The project's own subscriber list: one SQLite file outside the repository.

Each address has a status — pending (asked, not yet confirmed), confirmed,
unsubscribed, bounced — with timestamps and a bounce count. Only confirmed
addresses get mail. The schema is versioned with `PRAGMA user_version`;
`MIGRATIONS` lists the steps, applied in order, in one transaction each.

Addresses are stored in one canonical form: the local part exactly as given
(it is the receiving server's to interpret; `Ada` and `ada` may be two
people), the domain lower-cased and IDNA-encoded. Logs name an address only
by `address_hash`, never in clear.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import mailbox
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from email.message import Message
from email.utils import parseaddr
from pathlib import Path
from typing import IO, Literal

import email_validator

from .compose import parse_address
from .config import Config
from .errors import ConfigError, DigestError
from .recipients import PLACEHOLDER_TOKEN
from .tokens import check_secret, sign

log = logging.getLogger(__name__)

Status = Literal["pending", "confirmed", "unsubscribed", "bounced"]
STATUSES: tuple[Status, ...] = ("pending", "confirmed", "unsubscribed", "bounced")
EXPORT_FIELDS = ("address", "status", "created", "updated", "confirmed", "bounces", "last_bounce")


class SubscriberError(DigestError):
    """The subscriber store cannot be opened or was asked something impossible."""

    exit_code = 11
    kind = "subscribers"


class AddressError(SubscriberError):
    """An address is malformed or an attempt to smuggle headers."""

    exit_code = 2
    kind = "address"


@dataclass(frozen=True)
class Subscriber:
    address: str
    status: Status
    created: str
    updated: str
    confirmed: str | None
    bounces: int
    last_bounce: str | None


@dataclass(frozen=True)
class ImportReport:
    added: int
    present: int  # already in the store; their status is left alone
    invalid: tuple[str, ...]  # "line N: reason", without the address


def address_hash(address: str) -> str:
    """A short stable name for an address in logs (not a secret: a pseudonym)."""
    return hashlib.sha256(address.encode()).hexdigest()[:12]


def normalize_address(text: str) -> str:
    """The canonical form of one bare address, or AddressError.

    email-validator does the RFC 5321/5322 and IDNA 2008 work (no DNS).
    Quoted local parts, display names, comments and any control character
    are refused: they are how header injection and look-alike tricks start.
    """
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise AddressError(
            "an address must be one line without control characters",
            hint="write it as name@example.org",
        )
    try:
        valid = email_validator.validate_email(
            text.strip(),
            check_deliverability=False,
            allow_quoted_local=False,
            allow_display_name=False,
            allow_domain_literal=False,
            allow_smtputf8=False,  # digest does not send SMTPUTF8 (see digest.recipients)
        )
    except email_validator.EmailNotValidError as exc:
        raise AddressError(
            f"not an email address: {exc}", hint="write it as name@example.org"
        ) from None
    return f"{valid.local_part}@{valid.ascii_domain}"


MIGRATIONS: tuple[str, ...] = (
    # 1: the list itself.
    """
    CREATE TABLE subscribers (
        address TEXT PRIMARY KEY,
        status TEXT NOT NULL
            CHECK (status IN ('pending', 'confirmed', 'unsubscribed', 'bounced')),
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        confirmed TEXT,
        bounces INTEGER NOT NULL DEFAULT 0,
        last_bounce TEXT
    ) WITHOUT ROWID;
    CREATE INDEX subscribers_status ON subscribers (status, address);
    """,
    # 2: DSN messages already counted, so reading a mailbox twice counts nothing twice.
    """
    CREATE TABLE seen_reports (
        key TEXT PRIMARY KEY,
        seen TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
)

_COLUMNS = "address, status, created, updated, confirmed, bounces, last_bounce"


class SubscriberStore:
    """The subscriber list in one SQLite file; every change is one transaction."""

    def __init__(self, path: Path, *, max_bounces: int = 3) -> None:
        self.path = path
        self.max_bounces = max_bounces
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Personal data: readable by the owner only, from the first byte.
            os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 5000")
            self._db.execute("PRAGMA journal_mode = WAL")  # `digest serve` and runs side by side
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise SubscriberError(
                f"cannot open subscriber store: {exc}",
                path=path,
                hint="check subscribers.path and the folder's permissions",
            ) from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SubscriberStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise SubscriberError(
                f"subscriber store schema {version} is newer than this digest knows "
                f"({len(MIGRATIONS)})",
                path=self.path,
                hint="upgrade digest",
            )
        for number in range(version, len(MIGRATIONS)):
            with self._transaction() as db:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")
            log.info("subscriber store %s migrated to schema %d", self.path, number + 1)

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def get(self, address: str) -> Subscriber | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM subscribers WHERE address = ?", (address,)
        ).fetchone()
        return Subscriber(*row) if row else None

    def members(self, status: Status | None = None) -> list[Subscriber]:
        if status is None:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM subscribers ORDER BY address")
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM subscribers WHERE status = ? ORDER BY address", (status,)
            )
        return [Subscriber(*row) for row in rows]

    def confirmed(self) -> list[str]:
        """Who gets the digest, sorted."""
        rows = self._db.execute(
            "SELECT address FROM subscribers WHERE status = 'confirmed' ORDER BY address"
        )
        return [row[0] for row in rows]

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT status, count(*) FROM subscribers GROUP BY status")
        found: dict[str, int] = dict(rows.fetchall())
        return {status: found.get(status, 0) for status in STATUSES}

    def add(self, address: str, now: datetime) -> bool:
        """An operator adds someone as confirmed; False (and no change) when already listed."""
        stamp = now.isoformat()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO subscribers (address, status, created, updated, confirmed) "
                "VALUES (?, 'confirmed', ?, ?, ?) ON CONFLICT (address) DO NOTHING",
                (address, stamp, stamp, stamp),
            )
        added = cursor.rowcount == 1
        log.info("subscriber %s %s", address_hash(address), "added" if added else "already listed")
        return added

    def remove(self, address: str) -> bool:
        """Forget an address entirely (erasure); False when it was not there."""
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM subscribers WHERE address = ?", (address,))
        log.info("subscriber %s removed", address_hash(address))
        return cursor.rowcount == 1

    def request(self, address: str, now: datetime) -> bool:
        """Someone asks to subscribe; True when a confirmation mail should go out.

        A confirmed address stays as it is (no mail, and the web page says the
        same thing either way, so the form does not reveal who is subscribed).
        """
        stamp = now.isoformat()
        with self._transaction() as db:
            row = db.execute(
                "SELECT status FROM subscribers WHERE address = ?", (address,)
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO subscribers (address, status, created, updated) "
                    "VALUES (?, 'pending', ?, ?)",
                    (address, stamp, stamp),
                )
            elif row[0] != "confirmed":
                db.execute(
                    "UPDATE subscribers SET status = 'pending', updated = ? WHERE address = ?",
                    (stamp, address),
                )
        log.info("subscriber %s requested", address_hash(address))
        return row is None or row[0] != "confirmed"

    def confirm(self, address: str, now: datetime) -> bool:
        """Pending → confirmed; confirming twice is harmless. False when there is nothing to
        confirm (unknown, unsubscribed or bounced since: an old link must not undo that)."""
        stamp = now.isoformat()
        with self._transaction() as db:
            row = db.execute(
                "SELECT status FROM subscribers WHERE address = ?", (address,)
            ).fetchone()
            if row is None or row[0] not in ("pending", "confirmed"):
                return False
            if row[0] == "pending":
                db.execute(
                    "UPDATE subscribers SET status = 'confirmed', updated = ?, confirmed = ?, "
                    "bounces = 0, last_bounce = NULL WHERE address = ?",
                    (stamp, stamp, address),
                )
        log.info("subscriber %s confirmed", address_hash(address))
        return True

    def unsubscribe(self, address: str, now: datetime) -> bool:
        """Stop mail to an address; False when it was not on the list. Repeating is harmless."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE subscribers SET status = 'unsubscribed', updated = ? "
                "WHERE address = ? AND status != 'unsubscribed'",
                (now.isoformat(), address),
            )
            known = cursor.rowcount == 1 or (
                db.execute("SELECT 1 FROM subscribers WHERE address = ?", (address,)).fetchone()
                is not None
            )
        if known:
            log.info("subscriber %s unsubscribed", address_hash(address))
        return known

    def record_bounce(
        self, address: str, now: datetime, *, key: str | None = None
    ) -> Status | None:
        """Count a permanent failure; at `max_bounces` the address is marked bounced.

        `key` names the report (a DSN's Message-ID and recipient) so the same
        report read twice counts once. Returns the new status, or None when
        the address is not a subscriber (e.g. mail.to) or the report was seen.
        """
        stamp = now.isoformat()
        try:
            normal = normalize_address(address)
        except AddressError:
            return None
        with self._transaction() as db:
            if key is not None:
                seen = db.execute(
                    "INSERT INTO seen_reports (key, seen) VALUES (?, ?) "
                    "ON CONFLICT (key) DO NOTHING",
                    (key, stamp),
                )
                if seen.rowcount == 0:
                    return None
            row = db.execute(
                "UPDATE subscribers SET bounces = bounces + 1, last_bounce = ?, updated = ?, "
                "status = CASE WHEN status = 'confirmed' AND bounces + 1 >= ? "
                "THEN 'bounced' ELSE status END "
                "WHERE address = ? RETURNING status, bounces",
                (stamp, stamp, self.max_bounces, normal),
            ).fetchone()
        if row is None:
            return None
        log.info("subscriber %s bounce %d (%s)", address_hash(normal), row[1], row[0])
        return row[0]  # type: ignore[no-any-return]

    def import_rows(self, rows: Iterable[tuple[int, str]], now: datetime) -> ImportReport:
        """Add (line, address) pairs as confirmed in one transaction; never re-subscribes
        someone who unsubscribed or bounced."""
        stamp = now.isoformat()
        valid: dict[str, None] = {}
        invalid: list[str] = []
        for line, raw in rows:
            try:
                valid[normalize_address(raw)] = None
            except AddressError as exc:
                invalid.append(f"line {line}: {exc.message}")
        with self._transaction() as db:
            before = db.total_changes
            db.executemany(
                "INSERT INTO subscribers (address, status, created, updated, confirmed) "
                "VALUES (?, 'confirmed', ?, ?, ?) ON CONFLICT (address) DO NOTHING",
                ((address, stamp, stamp, stamp) for address in valid),
            )
            added = db.total_changes - before
        log.info(
            "imported %d subscribers (%d already listed, %d invalid)",
            added,
            len(valid) - added,
            len(invalid),
        )
        return ImportReport(added, len(valid) - added, tuple(invalid))

    def import_csv(self, handle: IO[str], now: datetime) -> ImportReport:
        """CSV with an `address` (or `email`) column, or addresses in the first column."""
        return self.import_rows(csv_addresses(handle), now)

    def export_csv(self, handle: IO[str], status: Status | None = None) -> int:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(EXPORT_FIELDS)
        subscribers = self.members(status)
        for s in subscribers:
            writer.writerow(
                (
                    s.address,
                    s.status,
                    s.created,
                    s.updated,
                    s.confirmed or "",
                    s.bounces,
                    s.last_bounce or "",
                )
            )
        return len(subscribers)


def csv_addresses(handle: IO[str]) -> Iterator[tuple[int, str]]:
    """(line number, address) from a CSV: an `address`/`email` column if the first row
    names one, otherwise the first column of every row."""
    reader = csv.reader(handle)
    column = 0
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        if reader.line_num == 1 and not any("@" in cell for cell in row):
            names = [cell.strip().lower() for cell in row]
            column = next(
                (names.index(n) for n in ("address", "email", "e-mail", "mail") if n in names), 0
            )
            continue
        yield reader.line_num, row[column] if column < len(row) else ""


def failed_recipients(report: Message) -> list[str]:
    """Recipients a DSN (RFC 3464 multipart/report; report-type=delivery-status) says failed
    permanently (Action: failed, Status 5.x.x)."""
    if report.get_content_type() != "multipart/report":
        return []
    if report.get_param("report-type", "").lower() != "delivery-status":  # type: ignore[union-attr]
        return []
    failed = []
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        blocks = part.get_payload()
        if not isinstance(blocks, list):
            continue
        # The first block is about the message, the others one per recipient.
        for fields in (b for b in blocks[1:] if isinstance(b, Message)):
            action = str(fields.get("Action", "")).strip().lower()
            status = str(fields.get("Status", "")).strip()
            recipient = str(fields.get("Final-Recipient") or fields.get("Original-Recipient") or "")
            kind, _, value = recipient.partition(";")
            if action == "failed" and status.startswith("5") and kind.strip().lower() == "rfc822":
                failed.append(parseaddr(value.strip())[1] or value.strip())
    return failed


def open_mailbox(path: Path) -> mailbox.Mailbox[mailbox.Message]:
    """A Maildir (a folder with cur/ and new/) or an mbox file."""
    if path.is_dir():
        return mailbox.Maildir(path, create=False)
    if path.is_file():
        return mailbox.mbox(path, create=False)
    raise SubscriberError("no such mailbox", path=path, hint="give a Maildir folder or mbox file")


def read_bounces(store: SubscriberStore, path: Path, now: datetime) -> dict[str, int]:
    """Count every permanent failure reported by DSNs in a mailbox; reports seen before are
    skipped. Returns how many reports were read, counted, and addresses now bounced."""
    box = open_mailbox(path)
    reports = counted = bounced = 0
    try:
        for key, message in sorted(box.items(), key=lambda item: str(item[0])):
            failed = failed_recipients(message)
            if not failed:
                continue
            reports += 1
            ident = str(message.get("Message-ID") or f"{path.name}:{key}").strip()
            for recipient in sorted(set(failed)):
                report_key = hashlib.sha256(f"{ident}\0{recipient}".encode()).hexdigest()
                status = store.record_bounce(recipient, now, key=report_key)
                if status is not None:
                    counted += 1
                    bounced += status == "bounced"
    finally:
        box.close()
    return {"reports": reports, "counted": counted, "bounced": bounced}


def store_path(config: Config) -> Path:
    """subscribers.path, or `$XDG_DATA_HOME/digest/<list id>/subscribers.db`: one file per
    list, outside any repository (a state folder beside the notes could be committed)."""
    if config.subscribers.path is not None:
        path = config.subscribers.path
    else:
        sender = parse_address(config.mail.sender, setting="mail.sender")
        list_id = config.mail.list_id or f"digest.{sender.domain}"
        safe = "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in list_id)
        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(data_home) / "digest" / safe / "subscribers.db"
    notes = config.notes.path
    if notes is not None and path.resolve().is_relative_to(notes.resolve()):
        raise ConfigError(
            f"subscribers.path {path} is inside the notes folder {notes}",
            hint="keep subscriber addresses out of the repository: choose a path outside it",
        )
    return path


def open_store(config: Config) -> SubscriberStore:
    return SubscriberStore(store_path(config), max_bounces=config.subscribers.max_bounces)


def base_url(config: Config) -> str:
    url = config.subscribers.base_url
    if not url or not url.startswith(("https://", "http://")):
        raise ConfigError(
            "subscribers.base_url is missing or not an http(s) URL",
            hint="set it to the address `digest serve` is reached at, "
            "e.g. https://example.org/digest",
        )
    return url.rstrip("/")


def signing_key(config: Config) -> bytes:
    return check_secret(config.subscribers.secret)


def unsubscribe_url(config: Config, key: bytes, address: str) -> str:
    """The subscriber's own RFC 8058 one-click link; it never expires."""
    return f"{base_url(config)}/unsubscribe/{sign(key, 'unsubscribe', address)}"


def confirm_url(config: Config, key: bytes, address: str, now: datetime) -> str:
    return f"{base_url(config)}/confirm/{sign(key, 'confirm', address, issued=now)}"


def with_unsubscribe_links(config: Config) -> Config:
    """With [subscribers] enabled, the config digests are composed with: the unsubscribe URL
    carries the token placeholder each recipient's own token replaces (digest.recipients).
    Checks base_url and the secret, so a run stops before it writes anything."""
    if not config.subscribers.enabled:
        return config
    signing_key(config)
    url = f"{base_url(config)}/unsubscribe/{PLACEHOLDER_TOKEN}"
    return replace(config, mail=replace(config.mail, unsubscribe_url=url))


@dataclass(frozen=True)
class SubscriberRecipients:
    """The store as `digest run` sees it (a digest.recipients.RecipientSource and TokenSource):
    confirmed addresses, a signed unsubscribe token each, and bounces counted at `now`.
    The store is opened per call, so nothing stays open across a long delivery."""

    config: Config
    now: datetime

    def confirmed(self) -> list[str]:
        with open_store(self.config) as store:
            return store.confirmed()

    def record_bounce(self, address: str) -> None:
        with open_store(self.config) as store:
            store.record_bounce(address, self.now)

    def unsubscribe_token(self, address: str) -> str:
        return sign(signing_key(self.config), "unsubscribe", normalize_address(address))
