"""The extraction infrastructure gives the same answers as it did before it was made fast.

`scan`, `clean_inline`, `sentences`, `github_links`, `bare_urls` (extract_blocks), `find_dates`,
`find_time` (dates), `parse_attendee_text` and `Roster` (people) are run over the MirageOS notes,
the seeds, our example notes and 3,000 fuzz inputs made by bench/fuzz.py, with inputs chosen
here (not by the rules in extract.py, which change on their own). Every input's outputs are
hashed and compared with tests/data/extract_infra.txt, written from the code before the speed
work; only hashes are kept, so none of the notes' text lands in the repository.
`DIGEST_REGEN=1 pytest tests/test_extract_equivalence.py` rewrites the file after an intended
change of behaviour.
"""

from __future__ import annotations

import functools
import hashlib
import os
import random
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from digest.dates import find_dates, find_time
from digest.errors import NoteError
from digest.extract_blocks import bare_urls, clean_inline, github_links, scan, sentences
from digest.models import Link, Note, NoteFile, Person
from digest.parse import one_line, parse_note
from digest.people import Roster, parse_attendee_text

from .conftest import REPO
from .robustness.helpers import bench_fuzz

GOLDEN = REPO / "tests" / "data" / "extract_infra.txt"
REGEN = os.environ.get("DIGEST_REGEN") == "1"
FUZZ_INPUTS = 3000
FUZZ_SEED = 4

_ATTENDEE_LINE = re.compile(r"(?i)^\W*(?:attendees|attending|present|participants)\W*:(.*)", re.S)
_NAME_QUERY = re.compile(r"[@\[]?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’-]*)?[\]:,]?")


def infra_outputs(note: Note) -> Iterator[str]:
    """repr() of everything the infrastructure answers for one note, in a fixed order."""
    doc = scan(note.body, note.body_line, plain_text=note.format == "text")
    yield repr(doc)
    links: list[Link] = []
    texts = [clean_inline(b.text, doc.refs, links) for b in doc.blocks]
    yield repr(texts)
    yield repr(links)
    attendees: list[Person] = []
    for block, text in zip(doc.blocks, texts, strict=True):
        yield repr([clean_inline(cell, doc.refs) for cell in block.cells])
        yield repr((github_links(text), bare_urls(text)))
        yield repr(parse_attendee_text(text))
        heading = doc.blocks[block.section].text.lower() if block.section >= 0 else ""
        if m := _ATTENDEE_LINE.match(text):
            attendees.extend(parse_attendee_text(m.group(1)))
        elif "attend" in heading or "present" in heading:
            attendees.extend(parse_attendee_text(text))
        yield dates_in(one_line(text), note.date)
        split = sentences(text, block.line)
        yield repr(split)
        for sentence, _ in split:
            yield dates_in(one_line(sentence), note.date)
    roster = Roster(attendees, [note.author] if note.author else [])
    for query in sorted({q for text in texts for q in _NAME_QUERY.findall(text)}):
        yield repr((query, roster.match(query), roster.resolve(query),
                    roster.candidates(query), roster.known(query)))


@functools.lru_cache(maxsize=100_000)
def dates_in(text: str, meeting: date) -> str:
    """The fuzz inputs repeat most sentences of the notes they mutate: each is read once."""
    return repr((find_dates(text, meeting), find_time(text)))


def fingerprint(path: str, data: bytes) -> str:
    try:
        note = parse_note(NoteFile(path, data))
    except NoteError as exc:
        text = f"refused {exc.message}"
    else:
        text = "\n".join(infra_outputs(note))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def all_inputs(mirage: Path, shared: Path) -> Iterator[tuple[str, str, bytes]]:
    """(key, path, data): the real notes, then the fuzz inputs."""
    for folder, pattern in ((mirage / "data" / "weekly", "*.md"), (shared / "seeds", "*.txt"),
                            (REPO / "examples" / "notes", "*.*")):
        for p in sorted(folder.glob(pattern)):
            yield f"{folder.name}/{p.name}", p.name, p.read_bytes()
    fuzz = bench_fuzz()
    corpus = fuzz.load_corpus(mirage, shared / "seeds")
    rng = random.Random(FUZZ_SEED)
    for index in range(FUZZ_INPUTS):
        _label, path, data = fuzz.make_input(rng, corpus)
        yield f"fuzz/{index:04}", path, data


def load_golden() -> dict[str, str]:
    return dict(line.split(" ", 1) for line in GOLDEN.read_text().splitlines())


@pytest.mark.timeout(600)
def test_infrastructure_answers_as_before(mirage_origin: Path, shared_dir: Path) -> None:
    got = {key: fingerprint(path, data) for key, path, data in all_inputs(mirage_origin,
                                                                             shared_dir)}
    assert sum(key.startswith("weekly/") for key in got) == 51
    assert sum(key.startswith("fuzz/") for key in got) == FUZZ_INPUTS
    if REGEN:
        GOLDEN.write_text("".join(f"{k} {v}\n" for k, v in got.items()))
    expected = load_golden()
    changed = sorted(k for k in expected.keys() | got.keys() if expected.get(k) != got.get(k))
    assert changed == [], (
        f"{len(changed)} of {len(got)} inputs answer differently, first {changed[:10]}; if the "
        "change is intended: DIGEST_REGEN=1 pytest tests/test_extract_equivalence.py")
