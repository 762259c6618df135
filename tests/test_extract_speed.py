"""The shortcuts taken in digest/extract.py for speed give what the slow, plain code gives.

A rule's regular expression is only run when the sentence holds one of a few words (a "gate"):
each gate here is checked to be a necessary condition of its pattern, on every sentence of the
MirageOS notes, the seeds, our examples and the gold sets' notes, and on sentences written to
match with the letters re.IGNORECASE reads as ASCII ones ("ſ" as "s"), which str.lower() leaves
as they are. When a rule's pattern gains an alternative, its gate must gain the words that
alternative needs: this test fails on the first text here that the new alternative matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import NamedTuple

import pytest

from digest.extract import (
    _DECISION_STRONG,
    _DIGIT,
    _DONE,
    _DONE_WORDS,
    _HINT_NEXT,
    _HINT_OWNER_VERB,
    _NEED_PASSIVE,
    _NEED_STRONG,
    _NEED_WE_TODO,
    _NEED_WISH,
    _NEXT_CUE,
    _OWNER_ACTION,
    _PASSIVE_TODO,
    _WE_TODO,
    _WISH,
    _action_with,
    _folded,
)
from digest.extract_blocks import clean_inline, scan, sentences
from digest.models import Action, NoteFile
from digest.parse import parse_note

from .conftest import REPO


class Gate(NamedTuple):
    pattern: re.Pattern[str]
    words: tuple[str, ...]  # one of them is in every match
    folded: bool  # read in the text as IGNORECASE reads it (else in str.lower(): a pattern
    # without IGNORECASE)
    blocks: bool = False  # it reads whole blocks (else sentences, whose only space is " ")
    digit: bool = False  # a digit will also do


GATES = [
    Gate(_OWNER_ACTION, _HINT_OWNER_VERB, folded=False),
    Gate(_WISH, _NEED_WISH, folded=True),
    Gate(_PASSIVE_TODO, _NEED_PASSIVE, folded=True),
    Gate(_WE_TODO, _NEED_WE_TODO, folded=True),
    Gate(_NEXT_CUE, _HINT_NEXT, folded=True),
    Gate(_DONE, _DONE_WORDS, folded=True, blocks=True),
    Gate(_DECISION_STRONG, _NEED_STRONG, folded=True, digit=True),
]
# each matches its pattern with a word of the gate written with a letter str.lower() keeps
TRICKY = [
    "It would be uſeful if someone could update the docs.",
    "The next ſteps are to write the post.",
    "The installer ſhould be tested on Windows.",
    "We must aſk Anil about the logo.",
    "We should ınvıte Daniel.",
    "Great to ſee you on Monday.",
    "Let's reſume the call on Monday.",
    "- review the patch (finiſhed)",
    "Status: cloſed",
    "We should İnvite Daniel.",
    "There was conſenſus on the name.",
    "Great, ſo we'll uſe Jekyll.",
]


# and a few forms no note above has
EXTRA = ["~~Write the release notes~~"]


def gate_holds(gate: Gate, text: str, folded: bool) -> bool:
    seen = _folded(text, text.lower()) if folded else text.lower()
    return any(word in seen for word in gate.words) \
        or (gate.digit and _DIGIT.search(text) is not None)


def note_texts(shared_dir: Path, mirage_origin: Path) -> Iterator[tuple[bool, str]]:
    """(whether it is a whole block, text) for every block and sentence of the notes."""
    paths = [*sorted((mirage_origin / "data" / "weekly").glob("*.md")),
             *sorted((shared_dir / "seeds").glob("*")),
             *sorted((REPO / "examples" / "notes").glob("*.*")),
             *sorted(REPO.glob("tests/gold*/notes/*.*"))]
    for path in paths:
        note = parse_note(NoteFile(path.name, path.read_bytes()))
        doc = scan(note.body, note.body_line, plain_text=note.format == "text")
        for block in doc.blocks:
            text = clean_inline(block.text, doc.refs)
            yield True, text
            yield from ((False, sentence) for sentence, _ in sentences(text, block.line))


def test_every_gate_is_a_necessary_condition_of_its_pattern(shared_dir: Path,
                                                            mirage_origin: Path) -> None:
    texts = [*note_texts(shared_dir, mirage_origin),
             *((block, t) for t in TRICKY + EXTRA for block in (True, False))]
    for gate in GATES:
        matched = [text for block, text in texts
                   if block == gate.blocks and gate.pattern.search(text)]
        assert matched  # the pattern is put to the test
        assert [t for t in matched if not gate_holds(gate, t, gate.folded)] == []


@pytest.mark.parametrize("text", TRICKY)
def test_the_tricky_sentences_need_the_folded_text(text: str) -> None:
    """Each matches a gated pattern although its lower-cased text lacks the gate's word."""
    assert any(gate.pattern.search(text) and not gate_holds(gate, text, folded=False)
               for gate in GATES if gate.folded)


def test_folded_reads_as_ignorecase_does() -> None:
    ascii_letter = re.compile("[a-z]", re.I)
    others = [c for c in map(chr, range(128, 0x110000)) if ascii_letter.fullmatch(c)]
    assert others  # "ſ", "ı", "İ", the Kelvin sign
    for c in others:
        folded = _folded(c, c.lower())
        assert folded.isascii() and re.fullmatch(folded, c, re.I), c


def test_action_with_is_dataclasses_replace() -> None:
    action = Action("Anil Madhavapeddy", "write the post", 12, "Anil", "owner-verb", "Anil will …")
    assert all(getattr(action, f.name) != f.default for f in fields(Action))  # every field set
    assert _action_with(action, context="said") == replace(action, context="said")
    assert _action_with(action, task="post it") == replace(action, task="post it")
    assert _action_with(action, "post it", "said") == replace(action, task="post it",
                                                               context="said")
