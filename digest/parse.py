"""Text → Note: decode, split off YAML front matter, find the title and meeting date.

Three shapes of note are understood: markdown with YAML front matter,
markdown without it (the date only in the file name), and plain text as a
web page shows it (site chrome first, then "Weekly Meeting: 2015-09-30").
The meeting date comes from, in order: front matter (`date`, `updated`),
the file name, the title, then the first lines of the body.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

import yaml

from .errors import NoteError
from .models import Note, NoteFile, NoteFormat

log = logging.getLogger(__name__)

# Bounds on the work one note can cause: the regular expressions below see
# at most HEAD_LINES lines of at most MAX_LINE_CHARS characters, YAML sees
# at most MAX_FRONT_MATTER_CHARS nested at most MAX_YAML_DEPTH deep, and a
# title is cut to MAX_TITLE_CHARS (it ends up in a mail header).
MAX_NOTE_BYTES = 1_000_000
MAX_FRONT_MATTER_CHARS = 100_000
MAX_YAML_DEPTH = 32
MAX_LINE_CHARS = 1_000
MAX_TITLE_CHARS = 200
HEAD_LINES = 40
# A decoded note with more control characters than this share is a binary file.
MAX_CONTROL_SHARE = 0.05
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
# "03/12/2024" (a US tool's title: month first when both could be), "12.03.2024" (day first)
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d/.])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$|^\s*!!+\s*(.*?)\s*$")
_BY_LINE = re.compile(r"^\s*By\s+(.+?)\s+-\s+\d{4}-\d{2}-\d{2}\s*$")


def decode(file: NoteFile) -> str:
    """Bytes → text with Unix line ends.

    UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM. A note that is
    not valid UTF-8 is read as Windows-1252 (Latin-1 for the five bytes that
    code page leaves undefined) with a warning: old notes saved by Windows
    editors then still go out, and nothing is guessed beyond that.
    """
    data = file.data
    if len(data) > MAX_NOTE_BYTES:
        raise NoteError(
            f"note is {len(data):,} bytes, more than the {MAX_NOTE_BYTES:,} digest reads",
            path=file.path,
            hint="split it or exclude it with notes.exclude",
        )
    text = _decode_text(data, file.path)
    if _looks_binary(text):
        raise NoteError(
            "looks like a binary file, not a note",
            path=file.path,
            hint="exclude it with notes.exclude",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _decode_text(data: bytes, path: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise NoteError(
                    f"starts with a {codec.upper()} byte order mark but is not valid "
                    f"{codec.upper()} (byte {exc.start:,})",
                    path=path,
                    hint="save the note as UTF-8",
                ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
    log.warning(
        "%s:%d: not valid UTF-8; read as Windows-1252 (save the note as UTF-8 to silence this)",
        path,
        line,
    )
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > MAX_CONTROL_SHARE * len(sample)


class _FrontMatterLoader(yaml.SafeLoader):
    """safe_load that also refuses aliases and deep nesting.

    `yaml.safe_load` builds no objects from tags, but it does expand aliases,
    so a few lines of anchors (a "billion laughs") become a structure too big
    to walk; front matter never needs them.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", self._mark()
            )
        if self.depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"nested more than {MAX_YAML_DEPTH} levels deep",
                self._mark(),
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def _mark(self) -> yaml.Mark:
        return self.peek_event().start_mark  # type: ignore[no-untyped-call,no-any-return]


_YAML_KEY = re.compile(r"[\w-]+[ \t]*:(?:[ \t]|$)", re.MULTILINE)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line where the body starts)."""
    if not text.startswith("---\n"):
        return {}, text, 1
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None and not _YAML_KEY.match(text[4:]):
        return {}, text, 1  # a markdown rule ("---") at the top, not front matter
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
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise NoteError(
            f"front matter is {len(raw):,} characters, more than the "
            f"{MAX_FRONT_MATTER_CHARS:,} digest reads",
            path=path,
            line=2,
            hint="front matter holds a few keys such as title and date; move the rest to the body",
        )
    return _load_yaml(raw, path), body, body_line


def _load_yaml(raw: str, path: str) -> dict[str, Any]:
    if not raw.strip():
        return {}
    try:
        data = yaml.load(raw, Loader=_FrontMatterLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise NoteError(
            f"front matter is not valid YAML: {one_line(problem)}",
            path=path,
            line=line,
            hint="fix the YAML between the '---' lines",
        ) from None
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and numbers with Python's own constructors:
        # `date: 2015-02-30` raises ValueError ("day is out of range for month").
        raise NoteError(
            f"front matter has a value that cannot be read: {one_line(str(exc))}",
            path=path,
            line=2,
            hint="check the dates and numbers between the '---' lines",
        ) from None
    if not isinstance(data, dict):
        raise NoteError(
            "front matter must be a mapping of keys to values",
            path=path,
            line=2,
            hint="write it as 'key: value' lines, e.g. 'date: 2015-09-30'",
        )
    return data


def parse_note(file: NoteFile) -> Note:
    """Parse one file; raise NoteError (naming the file) when it cannot be a note."""
    text = decode(file)
    fmt = _format_of(file.path)
    front, body, body_line = (
        split_front_matter(text, file.path) if fmt == "markdown" else ({}, text, 1)
    )
    head = _head_lines(body)
    title = _title(front, body, head, fmt, file.path)
    meeting = _meeting_date(front, file.path, title, head)
    if meeting is None:
        impossible = _impossible_date([file.path, title, *head[:15]])
        raise NoteError(
            f"no meeting date found ({impossible!r} is not a calendar date)"
            if impossible
            else "no meeting date found",
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
        author=_author(front, head),
        front_matter=front,
        body_line=body_line,
    )


def _head_lines(body: str) -> list[str]:
    """The first HEAD_LINES lines, each cut to MAX_LINE_CHARS: all that title and date need."""
    head = body[: HEAD_LINES * (MAX_LINE_CHARS + 1)].splitlines()[:HEAD_LINES]
    return [line[:MAX_LINE_CHARS] for line in head]


def _format_of(path: str) -> NoteFormat:
    suffix = PurePosixPath(path).suffix.lower()
    if suffix in {".md", ".markdown", ".mdown"}:
        return "markdown"
    if suffix in {".html", ".htm"}:
        return "html"
    return "text"


def _title(
    front: Mapping[str, Any], body: str, head: list[str], fmt: NoteFormat, path: str
) -> str:
    for key in FRONT_MATTER_KEYS_FOR_TITLE:
        value = front.get(key)
        if isinstance(value, str) and value.strip():
            return _short(value)
    lines = [line.strip() for line in head if line.strip()]
    if fmt == "html" and (found := _html_title(body)):
        return found
    for line in lines[:12]:  # Org-mode's "#+TITLE: Planning meeting", LaTeX's \section{…}
        if line[:8].upper() == "#+TITLE:" and line[8:].strip():
            return _short(line[8:].strip())
        if line[:4] == "h1. " and line[4:].strip():  # Textile's (Redmine's wiki pages)
            return _short(line[4:].strip())
        if (tex := _TEX_TITLE.match(line)) and tex.group(1).strip():
            return _short(tex.group(1).strip())
    if fmt == "text":
        # Text copied from a web page starts with site chrome: prefer the first
        # line that carries a date, as "Weekly Meeting: 2015-09-30" does.
        for line in lines[:12]:
            if _find_date(line) is not None and not _BY_LINE.match(line) \
                    and not PROSE.search(line):
                return _short(_MAIL_SUBJECT.sub("", line))  # (a mail's "Subject: Minutes …")
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2) or heading.group(3) or ""
            if text.strip(" #!"):
                return _short(text.strip(" #!"))
            continue
        if not any(ch.isalnum() for ch in line[:200]):
            continue  # a rule over the title ("=====" above MeetBot's), or "* * *"
        return _short(line)
    return _short(PurePosixPath(path).stem)


_MAIL_SUBJECT = re.compile(r"^subject:\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)*", re.I)
# a line that goes on after a full stop is prose ("Thursday, 6 March, 15:00. The chair posts
# the agenda by …"), not a page's title though it carries a date, nor a site's menu
PROSE = re.compile(r"[.!?]\s+[A-Z]")
_TEX_TITLE = re.compile(r"^\\(?:title|section\*?)\{([^{}]*)\}")
_HTML_OPEN = re.compile(r"<(title|h1)\b[^<>]{0,200}>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^<>]*>")


def _html_title(body: str) -> str | None:
    """The first <title> or <h1> near the top; plain string search, so linear in the input."""
    head = body[: HEAD_LINES * (MAX_LINE_CHARS + 1)]
    lowered = head.lower()
    for number, opening in enumerate(_HTML_OPEN.finditer(head)):
        if number >= 20:
            break
        close = lowered.find(f"</{opening.group(1).lower()}", opening.end())
        if close >= 0:
            return _short(_HTML_TAG.sub("", head[opening.end() : close]))
    return None


def _short(text: str) -> str:
    """One line, at most MAX_TITLE_CHARS characters (titles end up in mail headers)."""
    line = one_line(text[: MAX_TITLE_CHARS * 4])
    return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1].rstrip() + "…"


def front_matter_date(front: Mapping[str, Any]) -> date | None:
    """The meeting date the front matter gives (`date`, else `updated` …), if any."""
    for key in FRONT_MATTER_KEYS_FOR_DATE:
        value = front.get(key)
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and (found := _find_date(value[:MAX_LINE_CHARS])):
            return found
    return None


def _meeting_date(
    front: Mapping[str, Any], path: str, title: str, head: list[str]
) -> date | None:
    if given := front_matter_date(front):
        named = _find_date(PurePosixPath(path).name)
        if named and named != given and any(
                found == named for _, found, _ in _date_matches("\n".join(head[:15]))):
            return named  # front matter left from a template: the file name and body agree
        return given
    for candidate in (PurePosixPath(path).name, title, "\n".join(head[:15])):
        if found := _find_date(candidate):
            return found
    return None


def _date_matches(text: str) -> list[tuple[int, date | None, str]]:
    """(position, date or None when impossible, as written) for every date-shaped string."""
    found: list[tuple[int, date | None, str]] = []
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), _safe_date(int(m[1]), int(m[2]), int(m[3])), m[0]))
    for m in _DAY_MONTH_YEAR.finditer(text):
        found.append((m.start(), _safe_date(int(m[3]), _month_number(m[2]), int(m[1])), m[0]))
    for m in _MONTH_DAY_YEAR.finditer(text):
        found.append((m.start(), _safe_date(int(m[3]), _month_number(m[1]), int(m[2])), m[0]))
    for m in _NUMERIC_DATE.finditer(text):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        month_first = (m[2] == "/" and a <= 12) or b > 12
        found.append((m.start(), _safe_date(year, a, b) if month_first
                      else _safe_date(year, b, a), m[0]))
    return found


def _find_date(text: str) -> date | None:
    """The first calendar date written as 2015-09-30, 30th September 2015 or Sept 30, 2015."""
    dates = [(start, d) for start, d, _ in _date_matches(text) if d is not None]
    return min(dates)[1] if dates else None


def _impossible_date(texts: list[str]) -> str | None:
    """The first date-shaped string that is no calendar date ("30th February 2015")."""
    for text in texts:
        for _start, d, written in sorted(_date_matches(text)):
            if d is None:
                return written
    return None


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _author(front: Mapping[str, Any], head: list[str]) -> str | None:
    author = front.get("author")
    if isinstance(author, Mapping):
        author = author.get("name")
    if isinstance(author, str) and author.strip():
        return _short(author)
    for line in head[:12]:
        if m := _BY_LINE.match(line):
            return _short(m.group(1))
    return None


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased: what compares two texts by what a reader reads."""
    return _WORD.findall(text.lower())


def one_line(text: str) -> str:
    """Collapse whitespace and drop control characters (titles end up in headers)."""
    text = str(text)
    joined = " ".join(text.split())
    if joined.isprintable():  # the common case, without a per-character pass
        return joined
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())
