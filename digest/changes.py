"""What is new since the last run: pure comparison of a scan with the saved state.

Identity rule. A note is known by an id made from its meeting date (a
suffix is added when two different notes share a date). A file at a path
the state already knows is that note. A file at a new path is an existing
note with the same meeting date when
  1. that note's text is still at another path and the two texts are the
     same note by `same_text` (word-set Jaccard >= `SIMILAR` and >= `CONTAINED`
     of the smaller word set in the larger): the same note kept at two paths;
  2. that note's old path disappeared in this same change: a move or rename,
     whatever the edits (the 2022 MirageOS move also added front matter);
  3. that note was deleted earlier: it is back, not new.
When several notes of one date moved in the same change, the one with the
same file name, then the same title, is taken. Otherwise it is a new note.
Limits: a second, different meeting on the date of a deleted note is taken
as that note coming back (never mailed, shown as moved); a note whose
meeting date changes in the same change as its move is taken as new, and so
are notes of one date that move together and share file name and title.

Stub rule. A note with fewer than `min_words` words outside headings, the
agenda and the attendee list is a stub: it is recorded as pending and
published on the first run that sees it filled in.
"""

from __future__ import annotations

import hashlib
import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal, cast

from .models import Note, Scan
from .parse import words
from .state import NoteRecord, RecordIndex

SIMILAR = 0.45  # Jaccard index of the two word sets
CONTAINED = 0.75  # share of the smaller word set found in the larger one
_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s|!!)|^\s*={3,}\s*$|^\s*-{3,}\s*$")
_AGENDA_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}|!!+)?\s*agenda\b", re.IGNORECASE)
_ATTENDEES = re.compile(r"^\s*(?:attendees|present|participants)\s*:", re.IGNORECASE)
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s[^)]*)?\)|<?\b[a-z][a-z+.-]*://[^\s>)]*>?", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")

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
    known: Mapping[str, NoteRecord]  # the records before this run
    changed: Mapping[str, NoteRecord]  # records added or changed by this run

    @cached_property
    def notes(self) -> dict[str, NoteRecord]:
        """State after this run; new notes still "pending"."""
        return {**self.known, **self.changed}

    def of_kind(self, *kinds: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind in kinds)

    @property
    def to_publish(self) -> tuple[Change, ...]:
        """New notes with content, and stubs filled in since they were first seen."""
        return self.of_kind("new", "filled")


def fingerprint(body: str) -> str:
    """Hash of the words a reader reads: equal when only layout, case, punctuation or link
    targets changed (an http → https rewrite is not a substantive edit)."""
    readable = _LINK_TARGET.sub("", body)
    return hashlib.sha256(" ".join(words(readable)).encode()).hexdigest()[:32]


def same_text(a: str, b: str) -> float | None:
    """The Jaccard index when two texts are copies of one note (one perhaps a draft), else None.

    Jaccard alone cannot tell a reworked copy (the MirageOS note of 2013-04-16 kept at two
    paths: 0.56) from two different notes written on one template (about 0.47); the share of
    the smaller text found in the larger one can (0.84 against 0.64). Requiring both keeps a
    short stub from matching a long note that happens to contain its few words.
    """
    first, second = set(words(a)), set(words(b))
    if not first or not second:
        return 1.0 if first == second else None
    shared = len(first & second)
    jaccard = shared / len(first | second)
    if jaccard >= SIMILAR and shared / min(len(first), len(second)) >= CONTAINED:
        return jaccard
    return None


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
        if in_agenda and (not line.strip() or _BULLET.match(line)):
            continue
        in_agenda = False
        if _ATTENDEES.match(line):
            continue
        count += len(words(line))
    return count


Lookup = Callable[[Sequence[str]], Mapping[str, Note]]


def detect(
    scan: Scan,
    parsed: Mapping[str, Note],
    unreadable: frozenset[str],
    known: Mapping[str, NoteRecord],
    *,
    now: str,
    min_words: int,
    lookup: Lookup,
    index: RecordIndex | None = None,
) -> Detection:
    """Compare what the source saw with the saved records.

    `parsed` maps path → Note for files that parsed; `unreadable` holds the
    scanned paths that did not (they are neither new nor gone). `lookup`
    reads the current notes at known paths the scan did not include, all in
    one call. `index` is `known`'s path and date index when the caller
    already has it (the state builds it once); the work done here is then
    proportional to the changes, not to the number of known notes.
    """
    changed: dict[str, NoteRecord] = {}
    # Writes land in `changed`; `known` is only read, never copied (it may hold 100,000 notes).
    records = ChainMap(changed, cast("MutableMapping[str, NoteRecord]", known))
    index = index or RecordIndex.of(known)
    path_index = index.paths
    seen = set(parsed) | unreadable
    gone = set(scan.removed) - seen
    if scan.complete:
        gone |= {p for p in path_index if p not in seen}
    added_on: dict[str, list[str]] = {}  # meeting date → ids of notes new in this run
    read_before: dict[str, Note | None] = {}

    def current(paths: Iterable[str]) -> dict[str, Note]:
        """The current note at each path (parsed now, or read through `lookup`)."""
        paths = list(paths)
        wanted = [p for p in paths if p not in parsed and p not in read_before]
        if wanted:
            found = lookup(sorted(set(wanted)))
            read_before.update({p: found.get(p) for p in wanted})
        notes = {p: parsed.get(p) or read_before.get(p) for p in paths}
        return {p: n for p, n in notes.items() if n is not None}

    def same_day(day: str) -> list[NoteRecord]:
        ids = [*index.dates.get(day, ()), *added_on.get(day, ())]
        return sorted((records[i] for i in ids), key=lambda r: r.id)

    changes: list[Change] = []
    fresh: list[tuple[str, Note]] = []
    for path in sorted(parsed):
        note = parsed[path]
        if path not in path_index:
            fresh.append((path, note))
            continue
        record = records[path_index[path]]
        if record.content_hash == note.content_hash or path != record.paths[0]:
            continue  # unchanged, or a second copy: the first path speaks for the note
        text = fingerprint(note.body)
        substantive = text != record.fingerprint
        kind: ChangeKind = "updated"
        if record.status == "pending" and content_words(note) >= min_words:
            kind = "filled"
        records[record.id] = replace(
            record,
            content_hash=note.content_hash,
            fingerprint=text,
            title=note.title,
            updated=now if substantive and record.published else record.updated,
        )
        changes.append(Change(kind, record.id, path, note, substantive=substantive))

    # Read every same-day note a new file might be a copy of, in one go.
    current(
        p
        for day in sorted({n.date.isoformat() for _, n in fresh})
        for r in same_day(day)
        if r.status != "deleted"
        for p in r.paths
        if p not in gone
    )
    for path, note in fresh:
        text = fingerprint(note.body)
        match, how = _same_note(note, same_day(note.date.isoformat()), gone, current)
        if match is None:
            note_id = _new_id(note, path, records)
            records[note_id] = NoteRecord(
                id=note_id,
                paths=(path,),
                date=note.date.isoformat(),
                title=note.title,
                content_hash=note.content_hash,
                fingerprint=text,
                status="pending",
                first_seen=now,
            )
            added_on.setdefault(note.date.isoformat(), []).append(note_id)
            stub = content_words(note) < min_words
            changes.append(Change("stub" if stub else "new", note_id, path, note))
            continue
        if how == "alias":
            records[match.id] = replace(match, paths=(*match.paths, path))
            changes.append(
                Change(
                    "alias", match.id, path, note, previous_path=match.paths[0], substantive=False
                )
            )
            continue
        previous = match.paths[0] if match.paths else None
        gone.difference_update(match.paths)
        substantive = text != match.fingerprint
        status = match.status
        if status == "deleted":
            status = "published" if match.published else "pending"
        records[match.id] = replace(
            match,
            paths=(path,),
            status=status,
            content_hash=note.content_hash,
            fingerprint=text,
            title=note.title,
            updated=now if substantive and match.published else match.updated,
        )
        # A stub that moves and is filled in the same change is published now, not never.
        filled = status == "pending" and content_words(note) >= min_words
        changes.append(
            Change(
                "filled" if filled else "moved",
                match.id,
                path,
                note,
                previous_path=previous,
                substantive=substantive,
            )
        )

    for path in sorted(gone):
        gone_id = path_index.get(path)
        if gone_id is None or path not in records[gone_id].paths:
            continue
        record = records[gone_id]
        remaining = tuple(p for p in record.paths if p != path)
        if not remaining:
            records[gone_id] = replace(record, status="deleted")
            changes.append(Change("deleted", gone_id, path, None))
            continue
        records[gone_id] = replace(record, paths=remaining)
        if path == record.paths[0] and (survivor := current([remaining[0]]).get(remaining[0])):
            # The copy that stays speaks for the note now; it was known already, so no change.
            records[gone_id] = replace(
                records[gone_id],
                content_hash=survivor.content_hash,
                fingerprint=fingerprint(survivor.body),
            )

    return Detection(tuple(changes), known, changed)


def _same_note(
    note: Note,
    same_day: Sequence[NoteRecord],
    gone: set[str],
    current: Callable[[Iterable[str]], Mapping[str, Note]],
) -> tuple[NoteRecord | None, str]:
    """Which known note of the same meeting date a file at a new path is (rule above)."""
    best: tuple[float, NoteRecord] | None = None
    for record in same_day:
        if record.status == "deleted":
            continue
        for other in current(p for p in record.paths if p not in gone).values():
            score = same_text(note.body, other.body)
            if score is not None and (best is None or score > best[0]):
                best = (score, record)
    if best is not None:
        return best[1], "alias"
    moved = [
        r for r in same_day if r.status != "deleted" and r.paths and all(p in gone for p in r.paths)
    ]
    if len(moved) > 1:  # several notes of this date moved at once: tell them apart
        name = note.path.rsplit("/", 1)[-1]
        moved = [r for r in moved if any(p.rsplit("/", 1)[-1] == name for p in r.paths)] or moved
        moved = [r for r in moved if r.title == note.title] or moved
    if len(moved) == 1:
        return moved[0], "moved"
    deleted = [r for r in same_day if r.status == "deleted"]
    if len(deleted) == 1:
        return deleted[0], "moved"
    return None, "new"


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
