"""What is new since the last run: pure comparison of a scan with the saved state.

Identity rule. A note is known by an id made from its meeting date (a
suffix is added when two different notes share a date). A file at a path
the state already knows is that note. A file at a new path is an existing
note when it has the same meeting date and either
  - its normalised body is similar (simhash of word 3-grams within
    `SIMILAR_BITS` of 64 bits): the same note at a second path, or moved and
    lightly edited (front matter added, links rewritten), or
  - the note's old path disappeared in this same change: a move, whatever
    the edits.
Otherwise it is a new note. Limits: two different meetings on one date whose
texts are near-identical are taken as one note; a note whose date changes and
that moves in the same change is taken as a new note.

Stub rule. A note with fewer than `min_words` words outside headings, the
agenda and the attendee list is a stub: it is recorded as pending and
published on the first run that sees it filled in.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from .models import Note, Scan
from .state import NoteRecord

SIMILAR_BITS = 12
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s|!!)|^\s*={3,}\s*$|^\s*-{3,}\s*$")
_AGENDA_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}|!!+)?\s*agenda\b", re.IGNORECASE)
_ATTENDEES = re.compile(r"^\s*(?:attendees|present|participants)\s*:", re.IGNORECASE)

ChangeKind = Literal["new", "stub", "updated", "moved", "alias", "deleted", "filled"]


@dataclass(frozen=True)
class Change:
    kind: ChangeKind
    note_id: str
    path: str
    note: Note | None = None
    previous_path: str | None = None
    substantive: bool = True


@dataclass(frozen=True)
class Detection:
    changes: tuple[Change, ...]
    notes: Mapping[str, NoteRecord]  # state after this run; new notes still "pending"

    def of_kind(self, *kinds: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind in kinds)

    @property
    def to_publish(self) -> tuple[Change, ...]:
        """New notes with content, and stubs filled in since they were first seen."""
        return self.of_kind("new", "filled")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def fingerprint(body: str) -> str:
    """64-bit simhash of word 3-grams: close for near-identical texts, far otherwise."""
    tokens = words(body)
    grams = [" ".join(tokens[i : i + 3]) for i in range(max(1, len(tokens) - 2))]
    weights = [0] * 64
    for gram in grams:
        value = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    result = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return f"{result:016x}"


def distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def content_words(note: Note) -> int:
    """Words outside headings, the agenda section and the attendee list."""
    count = 0
    in_agenda = False
    for line in note.body.splitlines():
        if _AGENDA_HEADING.match(line) and len(line.split()) <= 4:
            in_agenda = True
            continue
        if _HEADING.match(line):
            in_agenda = False
            continue
        if in_agenda or _ATTENDEES.match(line):
            continue
        count += len(words(line))
    return count


def detect(
    scan: Scan,
    parsed: Mapping[str, Note],
    unreadable: frozenset[str],
    known: Mapping[str, NoteRecord],
    *,
    now: str,
    min_words: int,
) -> Detection:
    """Compare what the source saw with the saved records.

    `parsed` maps path → Note for files that parsed; `unreadable` holds the
    scanned paths that did not (they are neither new nor gone).
    """
    records = dict(known)
    path_index = {p: r.id for r in records.values() if r.status != "deleted" for p in r.paths}
    seen = set(parsed) | unreadable
    gone = set(scan.removed) - seen
    if scan.complete:
        gone |= {p for p in path_index if p not in seen}
    changes: list[Change] = []
    fresh: list[tuple[str, Note, str]] = []

    for path in sorted(parsed):
        note = parsed[path]
        print_ = fingerprint(note.body)
        if path not in path_index:
            fresh.append((path, note, print_))
            continue
        record = records[path_index[path]]
        if record.content_hash == note.content_hash:
            continue
        substantive = distance(print_, record.fingerprint) > 0
        stub = content_words(note) < min_words
        if record.status == "pending" and not stub:
            kind: ChangeKind = "filled"
        else:
            kind = "updated"
        records[record.id] = replace(
            record,
            content_hash=note.content_hash,
            fingerprint=print_,
            title=note.title,
            updated=now if substantive and record.published else record.updated,
        )
        changes.append(Change(kind, record.id, path, note, substantive=substantive))

    for path, note, print_ in fresh:
        match = _same_note(note, print_, records, gone)
        if match is None:
            note_id = _new_id(note, path, records)
            stub = content_words(note) < min_words
            records[note_id] = NoteRecord(
                id=note_id,
                paths=(path,),
                date=note.date.isoformat(),
                title=note.title,
                content_hash=note.content_hash,
                fingerprint=print_,
                status="pending",
                first_seen=now,
            )
            changes.append(Change("stub" if stub else "new", note_id, path, note))
            continue
        moved_from = [p for p in match.paths if p in gone]
        kept = tuple(p for p in match.paths if p not in gone)
        status = match.status
        if status == "deleted":
            status = "published" if match.published else "pending"
        substantive = distance(print_, match.fingerprint) > 0
        records[match.id] = replace(
            match,
            paths=(*kept, path) if kept else (path,),
            status=status,
            content_hash=note.content_hash if not kept else match.content_hash,
            fingerprint=print_ if not kept else match.fingerprint,
            updated=now if substantive and not kept and match.published else match.updated,
        )
        gone.difference_update(moved_from)
        if kept:
            changes.append(Change("alias", match.id, path, note, previous_path=kept[0],
                                  substantive=False))
        else:
            changes.append(Change("moved", match.id, path, note,
                                  previous_path=moved_from[0] if moved_from else None,
                                  substantive=substantive))

    for path in sorted(gone):
        note_id = path_index.get(path)
        if note_id is None:
            continue
        record = records[note_id]
        remaining = tuple(p for p in record.paths if p != path)
        if remaining:
            records[note_id] = replace(record, paths=remaining)
            continue
        records[note_id] = replace(record, status="deleted")
        changes.append(Change("deleted", note_id, path, None))

    return Detection(changes=tuple(changes), notes=records)


def _same_note(
    note: Note, print_: str, records: Mapping[str, NoteRecord], gone: set[str]
) -> NoteRecord | None:
    same_day = [r for r in records.values() if r.date == note.date.isoformat()]
    moved = [r for r in same_day if r.paths and all(p in gone for p in r.paths)]
    similar = sorted(
        (distance(print_, r.fingerprint), r.id, r)
        for r in same_day
        if distance(print_, r.fingerprint) <= SIMILAR_BITS
    )
    if similar:
        return similar[0][2]
    return moved[0] if len(moved) == 1 else None


def _new_id(note: Note, path: str, records: Mapping[str, NoteRecord]) -> str:
    base = note.date.isoformat()
    if base not in records:
        return base
    stem = re.sub(r"[^a-z0-9]+", "-", path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()).strip("-")
    candidate = f"{base}-{stem}" if stem and stem != base else f"{base}-2"
    number = 2
    while candidate in records:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
