"""Configuration: `digest.toml`, then `DIGEST_*` environment variables, then flags.

Each TOML table maps to one frozen dataclass below; the loader reads the
field types, so adding a setting is adding a field. Environment variables
are named `DIGEST_<TABLE>_<KEY>` (`DIGEST_SMTP_HOST`). Secrets are read from
the environment only: a password in the file is refused.

Relative paths in the file are relative to the file's folder; relative
paths from flags and the environment are relative to the working directory.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from .errors import ConfigError

DEFAULT_CONFIG_NAME = "digest.toml"
PASSWORD_ENV = "DIGEST_SMTP_PASSWORD"
DKIM_KEY_ENV = "DIGEST_DKIM_KEY"
SECRET_ENV = "DIGEST_SECRET"  # signs subscribe, confirm and unsubscribe links


@dataclass(frozen=True)
class NotesConfig:
    """Where the notes are and which files count as notes."""

    path: Path | None = None  # a folder or a git work tree
    glob: tuple[str, ...] = ("**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.org",
                             "**/*.adoc")
    exclude: tuple[str, ...] = (
        "**/README*",
        "**/CONTRIBUTING*",
        "**/LICENSE*",
        "**/CHANGELOG*",
        "**/_template*",
        "**/TEMPLATE*",
    )
    source: Literal["auto", "git", "folder"] = "auto"
    # Link to a note on the web; {path}, {stem} and {date} are filled in.
    url: str | None = None
    # A note is published once it has this many words outside headings and
    # the agenda; until then it is a stub and stays pending.
    min_words: int = 40
    # Git source: name notes that are written but not committed yet. One
    # `git status` of the notes folder: about 0.3-0.8 s per 100,000 files.
    check_uncommitted: bool = True
    # List published notes edited substantively (their words changed, not
    # just front matter, layout or link targets) at the end of the next digest.
    list_corrections: bool = False


@dataclass(frozen=True)
class MailConfig:
    """Who the digest is from and to, and how it is labelled."""

    list_name: str = "Meeting notes"
    list_id: str | None = None  # RFC 2919 List-Id, e.g. "weekly.example.org"
    sender: str = "digest@localhost"
    to: tuple[str, ...] = ()
    reply_to: str | None = None
    archive_url: str | None = None
    unsubscribe_url: str | None = None  # https URL (RFC 8058 one-click when set)
    unsubscribe_mailto: str | None = None
    timezone: str = "UTC"
    # With no state yet, a run publishes at most this many notes; more needs
    # --baseline (mark them as already published) or --publish-all.
    first_run_limit: int = 10
    # HTML parts longer than this switch to the short form (Gmail clips ~102 KB).
    html_size_limit: int = 100_000


@dataclass(frozen=True)
class SmtpConfig:
    """The relay digest hands mail to. No host: messages stay in the outbox."""

    host: str | None = None
    port: int = 25
    security: Literal["plain", "starttls", "tls"] = "plain"
    username: str | None = None
    password: str | None = None  # only from DIGEST_SMTP_PASSWORD
    timeout: float = 30.0  # seconds to wait for a connection or a reply
    ca_file: Path | None = None  # PEM file of CAs to trust (a relay with a private CA)
    connections: int = 4  # persistent connections sending in parallel
    rate: float = 0.0  # at most this many messages per second (0: no limit)
    hourly_limit: int = 0  # at most this many messages in any hour (0: no limit)
    retries: int = 3  # tries again after a 4xx or a lost connection, then leaves it pending
    retry_delay: float = 2.0  # seconds before the first retry; doubles each time, with jitter
    max_errors: int = 10  # stop after this many errors in a row; the rest stays pending
    # The journal records each acceptance at once, so a killed process re-sends at
    # most the messages in flight. Against an OS crash or power cut it is fsynced:
    # 1 = each acceptance is on disk before that connection sends again (connections
    # share one fsync; about 0.6 of smtp-source's rate); N = an fsync every N
    # acceptances, not waited for, sending pausing while 2N are unsynced (an OS crash
    # re-sends at most 2N; about the full rate); 0 = at the end.
    journal_sync: int = 16


@dataclass(frozen=True)
class DkimConfig:
    """Optional DKIM signing; on when selector, domain and a key (file or env) are all given."""

    selector: str | None = None
    domain: str | None = None  # the d= domain; usually the sender's
    key_file: Path | None = None  # PEM (RSA) or base64 raw key (ed25519); or DIGEST_DKIM_KEY
    key: str | None = None  # only from DIGEST_DKIM_KEY, never from the file
    algorithm: Literal["rsa-sha256", "ed25519-sha256"] = "rsa-sha256"

    @property
    def enabled(self) -> bool:
        return bool(self.selector and self.domain and (self.key_file or self.key))


@dataclass(frozen=True)
class FeedConfig:
    """The Atom feed."""

    url: str | None = None  # where the feed is published (its rel="self")
    site_url: str | None = None  # rel="alternate"
    title: str | None = None  # defaults to the list name
    entries: int = 50
    author: str | None = None


@dataclass(frozen=True)
class PathsConfig:
    """Files digest writes. State is kept apart from configuration."""

    state: Path = Path(".digest/state.json")
    outbox: Path = Path("outbox")
    feed: Path = Path("public/feed.atom")
    calendar: Path | None = Path("public/calls.ics")  # next calls, for calendar subscriptions
    issues_feed: Path | None = Path("public/digests.atom")  # one Atom entry per digest
    site: Path | None = Path("public")  # the web archive (empty: none)
    templates: Path | None = None  # a folder whose templates override the built-in ones


@dataclass(frozen=True)
class ScheduleConfig:
    """When digests go out (rules in digest/schedule.py)."""

    # "immediate": any run that finds something new sends it; "scheduled": only a run in a
    # send window does, the others leave new notes waiting for it.
    mode: Literal["immediate", "scheduled"] = "immediate"
    timezone: str | None = None  # IANA name; default: mail.timezone
    send_days: tuple[str, ...] = ()  # e.g. ("thu",)
    send_time: str = "09:00"  # local time the window opens
    window_hours: float = 12.0  # how long it stays open (CI cron runs late or skips)


@dataclass(frozen=True)
class SubscribersConfig:
    """The project's own subscriber list (`digest subscribers`, `digest serve`)."""

    enabled: bool = False  # `digest run` also mails the confirmed subscribers
    # Default: $XDG_DATA_HOME/digest/<list id>/subscribers.db, outside any repository.
    path: Path | None = None
    base_url: str | None = None  # where `digest serve` is reached, e.g. https://example.org/digest
    confirm_hours: float = 48.0  # confirm links expire; unsubscribe links never do (RFC 8058)
    max_bounces: int = 3  # permanent failures before an address is marked bounced
    subscribe_per_address: int = 3  # subscribe requests allowed per address per rate_window
    subscribe_per_client: int = 10  # ... and per client IP address
    rate_window: float = 3600.0  # seconds
    host: str = "127.0.0.1"  # `digest serve` listens here (put a TLS proxy in front)
    port: int = 8000
    secret: str | None = None  # only from DIGEST_SECRET


@dataclass(frozen=True)
class Config:
    notes: NotesConfig = field(default_factory=NotesConfig)
    mail: MailConfig = field(default_factory=MailConfig)
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    dkim: DkimConfig = field(default_factory=DkimConfig)
    feed: FeedConfig = field(default_factory=FeedConfig)
    paths: PathsConfig = field(default_factory=PathsConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    subscribers: SubscribersConfig = field(default_factory=SubscribersConfig)
    source_file: Path | None = None  # the digest.toml this came from, if any


SECTIONS: dict[str, type] = {
    "notes": NotesConfig,
    "mail": MailConfig,
    "smtp": SmtpConfig,
    "dkim": DkimConfig,
    "feed": FeedConfig,
    "paths": PathsConfig,
    "schedule": ScheduleConfig,
    "subscribers": SubscribersConfig,
}
# Secrets come from these environment variables only, never from the file.
SECRETS = {("smtp", "password"): PASSWORD_ENV, ("subscribers", "secret"): SECRET_ENV}

Overrides = Mapping[str, Mapping[str, Any]]


def load_config(
    path: Path | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Overrides | None = None,
    cwd: Path | None = None,
) -> Config:
    """Build the configuration from a file (optional), the environment and flags.

    `path=None` uses `./digest.toml` when it exists. `overrides` holds flag
    values as `{"table": {"key": value}}`; None values are ignored.
    """
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    if path is None and (cwd / DEFAULT_CONFIG_NAME).is_file():
        path = cwd / DEFAULT_CONFIG_NAME
    layers: list[tuple[dict[str, dict[str, Any]], Path, str]] = []
    if path is not None:
        layers.append((_read_toml(path), path.resolve().parent, str(path)))
    layers.append((_from_env(env), cwd, "environment"))
    if overrides:
        flags = {t: {k: v for k, v in kv.items() if v is not None} for t, kv in overrides.items()}
        layers.append((flags, cwd, "command line"))

    sections: dict[str, Any] = {}
    for table, cls in SECTIONS.items():
        values: dict[str, Any] = {}
        for data, base, origin in layers:
            for key, raw in data.get(table, {}).items():
                values[key] = _coerce(cls, table, key, raw, base, origin, path)
        sections[table] = cls(**values)
    for (table, key), name in SECRETS.items():
        if env.get(name):
            sections[table] = dataclasses.replace(sections[table], **{key: env[name]})
    return Config(**sections, source_file=path)


def _read_toml(path: Path) -> dict[str, dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path=path, hint="check --config") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 puts the place only in the message: "… (at line 3, column 7)".
        where = re.search(r" \(at line (\d+), column \d+\)| \(at end of document\)", str(exc))
        line = int(where[1]) if where and where[1] else len(text.splitlines()) or 1
        message = str(exc)[: where.start()] if where else str(exc)
        raise ConfigError(
            f"invalid TOML: {message}",
            path=path,
            line=line,
            hint="see https://toml.io; strings need quotes, tables are written [name]",
        ) from None
    for table, value in data.items():
        if table not in SECTIONS or not isinstance(value, dict):
            raise ConfigError(
                f"unknown table [{table}]",
                path=path,
                line=_line_of(text, rf"^\s*\[{re.escape(table)}\]"),
                hint=f"known tables: {', '.join(sorted(SECTIONS))}",
            )
    for (table, key), name in SECRETS.items():
        if key in data.get(table, {}):
            raise ConfigError(
                f"{table}.{key} must not be written in the config file",
                path=path,
                line=_line_of(text, rf"^\s*{key}\s*="),
                hint=f"remove it and set the {name} environment variable",
            )
    if "key" in data.get("dkim", {}):
        raise ConfigError(
            "dkim.key must not be written in the config file",
            path=path,
            line=_line_of(text, r"^\s*key\s*="),
            hint=f"use dkim.key_file, or set the {DKIM_KEY_ENV} environment variable",
        )
    return data


def _from_env(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for table, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            name = f"DIGEST_{table.upper()}_{f.name.upper()}"
            if name in env and (table, f.name) not in SECRETS:
                found.setdefault(table, {})[f.name] = env[name]
    return found


def _coerce(
    cls: type,
    table: str,
    key: str,
    raw: Any,
    base: Path,
    origin: str,
    config_path: Path | None,
) -> Any:
    """Check one value against the field's type, converting strings from env and flags."""
    hints = typing.get_type_hints(cls)
    where: dict[str, Any] = {"path": origin}
    if origin != "environment" and origin != "command line" and config_path is not None:
        where = {"path": config_path, "line": _line_in_file(config_path, key)}
    if key not in hints:
        known = ", ".join(f.name for f in dataclasses.fields(cls))
        raise ConfigError(
            f"unknown setting {table}.{key}", hint=f"known in [{table}]: {known}", **where
        )
    expected = hints[key]
    try:
        return _convert(expected, raw, base)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"{table}.{key} = {raw!r} is not {_describe(expected)}: {exc}", **where
        ) from None


def _convert(expected: Any, raw: Any, base: Path) -> Any:
    origin = get_origin(expected)
    args = get_args(expected)
    if origin in (Union, types.UnionType):
        if (raw is None or raw == "") and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], raw, base)
    if origin is Literal:
        if raw not in args:
            raise ValueError(f"choose one of {', '.join(map(str, args))}")
        return raw
    if origin is tuple:
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.split(",") if part.strip()]
        if not isinstance(raw, list | tuple):
            raise TypeError("expected a list")
        return tuple(_convert(args[0], item, base) for item in raw)
    if expected is Path:
        if not isinstance(raw, str | Path):
            raise TypeError("expected a path")
        p = Path(raw).expanduser()
        return p if p.is_absolute() else base / p
    if expected is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.lower() in {
            "1",
            "true",
            "yes",
            "on",
            "0",
            "false",
            "no",
            "off",
        }:
            return raw.lower() in {"1", "true", "yes", "on"}
        raise ValueError("expected true or false")
    if expected is int:
        if isinstance(raw, bool | float):  # int(25.5) would quietly give 25
            raise TypeError("expected a whole number")
        return int(raw)
    if expected is float:
        if isinstance(raw, bool):
            raise TypeError("expected a number")
        return float(raw)
    if expected is str:
        if not isinstance(raw, str):
            raise TypeError("expected a string")
        return raw
    raise TypeError(f"unsupported setting type {expected}")


def _describe(expected: Any) -> str:
    origin = get_origin(expected)
    if origin is Literal:
        return "one of " + ", ".join(map(str, get_args(expected)))
    if origin is tuple:
        return "a list"
    if origin in (Union, types.UnionType):
        return _describe(next(a for a in get_args(expected) if a is not type(None)))
    return {int: "a whole number", float: "a number", bool: "true or false", Path: "a path"}.get(
        expected, "a string"
    )


def _line_of(text: str, pattern: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(pattern, line):
            return number
    return None


def _line_in_file(path: Path, key: str) -> int | None:
    try:
        return _line_of(path.read_text(encoding="utf-8"), rf"^\s*{re.escape(key)}\s*=")
    except OSError:
        return None
