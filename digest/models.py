"""Plain values passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses, so the core can be
tested without a disk, a git binary or an SMTP server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal

NoteFormat = Literal["markdown", "text", "html"]


@dataclass(frozen=True)
class NoteFile:
    """The raw bytes of one note, as a source found them."""

    path: str  # POSIX path relative to the notes root
    data: bytes

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Scan:
    """What a source saw on this run.

    `complete` scans list every note; incremental ones (a git source that
    knows the last processed commit) list only the files changed since
    `base`, and name the paths that disappeared in `removed`.
    """

    files: tuple[NoteFile, ...]
    removed: tuple[str, ...] = ()
    complete: bool = True
    revision: str | None = None
    base: str | None = None
    remarks: tuple[str, ...] = ()  # what the source decided, for the run report


@dataclass(frozen=True)
class Note:
    """A parsed note: metadata plus the body text that extraction reads."""

    path: str
    title: str
    date: date
    body: str  # without front matter; markdown or plain text
    format: NoteFormat
    content_hash: str
    author: str | None = None
    front_matter: Mapping[str, Any] = field(default_factory=dict)
    body_line: int = 1  # line of the file where `body` starts, for messages


@dataclass(frozen=True)
class Person:
    name: str
    chair: bool = False
    aliases: tuple[str, ...] = ()  # other names the note uses, e.g. "Mort" for Richard Mortier


@dataclass(frozen=True)
class Decision:
    text: str
    line: int | None = None
    rule: str = ""  # which extraction rule found it, for explanations and tests


@dataclass(frozen=True)
class Action:
    owner: str | None  # None: nobody was named (kept, shown as unassigned)
    task: str
    line: int | None = None
    owner_text: str | None = None  # the owner as the note wrote it ("ThomasG")
    rule: str = ""  # which extraction rule found it
    context: str = ""  # the sentence it came from, for readers who want more than the task


@dataclass(frozen=True)
class NextCall:
    date: date
    time: time | None = None
    timezone: str | None = None  # IANA name or a UTC offset such as "UTC"
    text: str = ""  # the sentence it came from
    line: int | None = None


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Extraction:
    """What readers need from one note."""

    attendees: tuple[Person, ...] = ()
    agenda: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    next_call: NextCall | None = None
    links: tuple[Link, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DigestEntry:
    """One note as it appears in a digest and in the feed."""

    note_id: str
    note: Note
    extraction: Extraction
    url: str | None = None  # where readers find the full note


@dataclass(frozen=True)
class Correction:
    """A published note edited substantively since the previous digest (notes.list_corrections)."""

    note_id: str
    title: str
    date: date
    url: str | None = None


@dataclass(frozen=True)
class Digest:
    """One issue of the newsletter: the notes that are new on this run."""

    id: str  # stable for the same set of notes, so a re-run is recognisable
    volume: int
    number: int
    created: datetime
    entries: tuple[DigestEntry, ...]  # sorted by meeting date, then id
    corrections: tuple[Correction, ...] = ()  # sorted by meeting date, then id

    @property
    def first_date(self) -> date:
        return self.entries[0].note.date

    @property
    def last_date(self) -> date:
        return self.entries[-1].note.date
