"""Text → Note: decode, split off YAML front matter, find the title and meeting date.

Three shapes of note are understood: markdown with YAML front matter,
markdown without it (the date only in the file name), and plain text as a
web page shows it (site chrome first, then "Weekly Meeting: 2015-09-30").
The meeting date comes from, in order: front matter (`date`, `updated`),
the file name, the title, then the first lines of the body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

import yaml

from .errors import NoteError
from .models import Note, NoteFile, NoteFormat

MAX_NOTE_BYTES = 5_000_000
FRONT_MATTER_KEYS_FOR_DATE = ("date", "meeting_date", "updated", "published")
FRONT_MATTER_KEYS_FOR_TITLE = ("title", "subject")

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = "|".join(m[:3] + f"(?:{m[3:]})?" if len(m) > 3 else m for m in _MONTHS)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$|^\s*!!+\s*(.*?)\s*$")
_BY_LINE = re.compile(r"^\s*By\s+(.+?)\s+-\s+\d{4}-\d{2}-\d{2}\s*$")


def decode(file: NoteFile) -> str:
    """Bytes → text with Unix line ends; UTF-8 (with or without BOM) or UTF-16 with BOM."""
    data = file.data
    if len(data) > MAX_NOTE_BYTES:
        raise NoteError(
            f"note is {len(data):,} bytes, more than the {MAX_NOTE_BYTES:,} digest reads",
            path=file.path,
            hint="split it or exclude it with notes.exclude",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise NoteError(
                "not valid UTF-8", path=file.path, line=line, hint="save the note as UTF-8"
            ) from None
    if "\x00" in text:
        raise NoteError(
            "looks like a binary file, not a note",
            path=file.path,
            hint="exclude it with notes.exclude",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line where the body starts)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = re.search(r"^(---|\.\.\.)\s*$", text[4:], re.MULTILINE)
    if end is None:
        raise NoteError(
            "front matter starts with '---' but never ends",
            path=path,
            line=1,
            hint="close it with a line holding only '---'",
        )
    raw = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].lstrip("\n")
    body_line = text[: len(text) - len(body)].count("\n") + 1
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise NoteError(
            f"front matter is not valid YAML: {problem}",
            path=path,
            line=line,
            hint="fix the YAML between the '---' lines",
        ) from None
    if not isinstance(data, dict):
        raise NoteError("front matter must be a mapping of keys to values", path=path, line=2)
    return data, body, body_line


def parse_note(file: NoteFile) -> Note:
    """Parse one file; raise NoteError (naming the file) when it cannot be a note."""
    text = decode(file)
    fmt = _format_of(file.path)
    front, body, body_line = (
        split_front_matter(text, file.path) if fmt == "markdown" else ({}, text, 1)
    )
    title = _title(front, body, fmt, file.path)
    meeting = _meeting_date(front, file.path, title, body)
    if meeting is None:
        raise NoteError(
            "no meeting date found",
            path=file.path,
            hint="name the file YYYY-MM-DD.md or add 'date: YYYY-MM-DD' front matter",
        )
    return Note(
        path=file.path,
        title=title,
        date=meeting,
        body=body,
        format=fmt,
        content_hash=file.content_hash,
        author=_author(front, body),
        front_matter=front,
        body_line=body_line,
    )


def _format_of(path: str) -> NoteFormat:
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in {".md", ".markdown", ".mdown"}:
        return "markdown"
    if suffix in {".html", ".htm"}:
        return "html"
    return "text"


def _title(front: Mapping[str, Any], body: str, fmt: NoteFormat, path: str) -> str:
    for key in FRONT_MATTER_KEYS_FOR_TITLE:
        value = front.get(key)
        if isinstance(value, str) and value.strip():
            return one_line(value)
    lines = [line.strip() for line in body.splitlines()[:40] if line.strip()]
    if fmt == "html":
        match = re.search(r"<title>(.*?)</title>|<h1[^>]*>(.*?)</h1>", body, re.I | re.S)
        if match:
            return one_line(re.sub(r"<[^>]+>", "", match.group(1) or match.group(2)))
    if fmt == "text":
        # Text copied from a web page starts with site chrome: prefer the first
        # line that carries a date, as "Weekly Meeting: 2015-09-30" does.
        for line in lines[:12]:
            if _find_date(line) is not None and not _BY_LINE.match(line):
                return one_line(line)
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2) or heading.group(3) or ""
            if text.strip(" #!"):
                return one_line(text.strip(" #!"))
            continue
        return one_line(line)
    return PurePosixPath(path).stem


def _meeting_date(front: Mapping[str, Any], path: str, title: str, body: str) -> date | None:
    for key in FRONT_MATTER_KEYS_FOR_DATE:
        value = front.get(key)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and (found := _find_date(value)):
            return found
    for candidate in (PurePosixPath(path).name, title, "\n".join(body.splitlines()[:15])):
        if found := _find_date(candidate):
            return found
    return None


def _find_date(text: str) -> date | None:
    """The first calendar date written as 2015-09-30, 30th September 2015 or Sept 30, 2015."""
    candidates: list[tuple[int, date]] = []
    for m in _ISO_DATE.finditer(text):
        if d := _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            candidates.append((m.start(), d))
            break
    for m in _DAY_MONTH_YEAR.finditer(text):
        if d := _safe_date(int(m.group(3)), _month_number(m.group(2)), int(m.group(1))):
            candidates.append((m.start(), d))
            break
    for m in _MONTH_DAY_YEAR.finditer(text):
        if d := _safe_date(int(m.group(3)), _month_number(m.group(1)), int(m.group(2))):
            candidates.append((m.start(), d))
            break
    return min(candidates)[1] if candidates else None


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _author(front: Mapping[str, Any], body: str) -> str | None:
    author = front.get("author")
    if isinstance(author, Mapping):
        author = author.get("name")
    if isinstance(author, str) and author.strip():
        return one_line(author)
    for line in body.splitlines()[:12]:
        if m := _BY_LINE.match(line):
            return one_line(m.group(1))
    return None


def one_line(text: str) -> str:
    """Collapse whitespace and drop control characters (titles end up in headers)."""
    text = str(text)
    joined = " ".join(text.split())
    if joined.isprintable():  # the common case, without a per-character pass
        return joined
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())
