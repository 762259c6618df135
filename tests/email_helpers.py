"""Build digest messages from note files with a fixed clock, for the email tests."""

from __future__ import annotations

import dataclasses
import email
import hashlib
import os
import re
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from digest.compose import compose
from digest.config import Config, load_config
from digest.extract import extract
from digest.models import DigestEntry, NoteFile
from digest.parse import parse_note
from digest.pipeline import make_digest, note_url
from digest.render import RenderedDigest, render_digest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "email"
EXAMPLES = REPO / "examples" / "notes"
REGEN = os.environ.get("DIGEST_REGEN") == "1"
CLOCK = datetime(2026, 3, 6, 8, 0, tzinfo=UTC)


def example_config(**mail: Any) -> Config:
    """The repository's digest.toml (the Lantern example), no environment, mail overrides."""
    config = load_config(REPO / "digest.toml", env={})
    return dataclasses.replace(config, mail=dataclasses.replace(config.mail, **mail))


def build(
    config: Config, files: list[NoteFile], now: datetime = CLOCK, recipient: str | None = None
) -> tuple[RenderedDigest, bytes]:
    entries = []
    for file in files:
        note = parse_note(file)
        entries.append(DigestEntry(f"id-{note.date}", note, extract(note), note_url(config, note)))
    digest = make_digest(entries, (), now)
    rendered = render_digest(config, digest)
    to = recipient or (config.mail.to[0] if config.mail.to else config.mail.sender)
    return rendered, compose(config, digest, rendered, to)


def example_files(*names: str) -> list[NoteFile]:
    chosen = names or tuple(sorted(p.name for p in EXAMPLES.iterdir()))
    return [NoteFile(name, (EXAMPLES / name).read_bytes()) for name in chosen]


URL = re.compile(r"(?:https?|mailto):\S+")


def overlong_lines(text: str, width: int = 72) -> list[str]:
    """Lines over `width` columns that are not long only because of an unbreakable URL."""
    return [
        line for line in text.splitlines()
        if len(line) > width and (not URL.search(line) or len(URL.sub("", line)) > width)
    ]


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def structure(data: bytes) -> dict[str, Any]:
    """What a reader of the message sees, without the note text: headers, parts, sizes."""
    message = parse(data)
    parts = []
    for part in message.walk():
        item: dict[str, Any] = {"type": part.get_content_type()}
        if not part.is_multipart():
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            item["lines"] = payload.count(b"\n")
            item["bytes"] = len(payload)
            item["encoding"] = part["Content-Transfer-Encoding"]
            if part.get_filename():
                item["filename"] = part.get_filename()
        parts.append(item)
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "headers": {k: str(v).strip() for k, v in message.items()},
        "parts": parts,
    }
