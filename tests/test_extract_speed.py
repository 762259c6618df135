"""The shortcuts taken in digest/extract.py for speed give what the slow, plain code gives.

A rule's regular expression is only run when the sentence holds one of the words it needs (a
"gate"), read from the pattern by `digest.pattern_words.required_words`. Each gate here is
checked to be a necessary condition of its pattern on every block and sentence of the MirageOS
notes, the seeds, our examples and the gold sets' notes, and on sentences written with the
letters re.IGNORECASE reads as ASCII ones ("ſ" as "s"), which str.lower() leaves as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path

import pytest

from digest import extract as rules
from digest.extract import _action_with
from digest.extract_blocks import clean_inline, scan, sentences
from digest.models import Action, NoteFile
from digest.parse import parse_note
from digest.pattern_words import DIGITS, folded, required_words

from .conftest import REPO

# (pattern, its gate's words, whether it reads whole blocks rather than sentences)
GATES = [
    (rules._NEXT_CUE, rules._NEED_NEXT, False),
    (rules._OWNER_ACTION, rules._NEED_OWNER_ACTION, False),
    (rules._DECISION_STRONG, rules._NEED_STRONG, False),
    (rules._NOT_DECISION, rules._NEED_NOT_DECISION, False),
    (rules._WISH, rules._NEED_WISH, False),
    (rules._UNOWNED, rules._NEED_UNOWNED, False),
    (rules._AGENDA_TODO, rules._NEED_AGENDA_TODO, False),
    (rules._PASSIVE_TODO, rules._NEED_PASSIVE, False),
    (rules._WE_TODO, rules._NEED_WE_TODO, False),
    (rules._DONE, rules._DONE_NEEDS, True),
    *((pattern, words, True) for pattern, words in zip(
        [rules._SECTION_PREVIOUS, *(pattern for _, pattern in rules._SECTION_KINDS)],
        rules._SECTION_GATES.words, strict=True)),
]
# each matches a gated pattern with a needed word written with a letter str.lower() keeps
TRICKY = [
    "The plan ſhould be to ship it.",
    "The next ſteps are to write the post.",
    "The installer ſhould be teſted on Windows.",
    "We must aſk Anil about the logo.",
    "We should ınvıte Daniel.",
    "Great to ſee you on Monday.",
    "We'll meet agaın on 4 May.",  # the dotless ı that re.IGNORECASE reads as i
    "- review the patch (finiſhed)",
    "Statuſ: closed",
    "We should İnvite Daniel.",
    "There was conſenſus on the name.",
    "Carried ٥ in favour, ٢ against.",
    "Deciſions",
]


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


def holds(words: tuple[str, ...], text: str) -> bool:
    seen = folded(text, text.lower())
    return any(word in seen for word in words)


def test_every_gate_is_a_necessary_condition_of_its_pattern(shared_dir: Path,
                                                            mirage_origin: Path) -> None:
    texts = [*note_texts(shared_dir, mirage_origin),
             *((block, t) for t in TRICKY for block in (True, False))]
    for pattern, words, blocks in GATES:
        matched = [text for block, text in texts if block == blocks and pattern.search(text)]
        assert matched  # and is put to the test
        assert [t for t in matched if not holds(words, t)] == [], pattern.pattern[:60]


@pytest.mark.parametrize("text", TRICKY)
def test_the_tricky_sentences_need_the_folded_text(text: str) -> None:
    """Each matches a gated pattern whose words its str.lower() lacks."""
    assert any(pattern.search(text) and not any(w in text.lower() for w in words)
               for pattern, words, _ in GATES)


@pytest.mark.parametrize(
    ("pattern", "sentences", "words"),
    [
        (r"\bdecided\s+to\b", False, ("decided",)),
        (r"\bdecided\s+to\b", True, ("decided to",)),  # a sentence's only space is " "
        (r"we (?:will|shall) go", False, ("we shall go", "we will go")),
        (r"(?:has|have)\s+to\s+\w+", True, ("has to ", "have to ")),  # not "has", "to" alone
        (r"[Ww]ill\b", False, ("will",)),
        (r"\d+[-:]\d+", False, DIGITS),
        (r"colou?r", False, ("color", "colour")),
        (r"(?:a|)b", False, ("b",)),  # an empty alternative needs nothing
        (r"(?:xyz)?q", False, ("q",)),  # nor does an optional group
        (r"(?=next)\w+|x+", False, ()),  # nor a look-ahead: no word for the first branch
        (r"next\s*:", False, ("next",)),
        (r"(?i:NÄCHSTE)", False, ("chste",)),  # a non-ASCII letter may fold unlike the text's
        (r"décision|次回", False, ("cision", "次回")),  # a character without case folds as itself
        (r"(.)\1", False, ()),
    ])
def test_required_words(pattern: str, sentences: bool, words: tuple[str, ...]) -> None:
    assert required_words(re.compile(pattern), sentences) == tuple(sorted(words))


def test_folded_reads_as_ignorecase_does() -> None:
    ascii_letter = re.compile("[a-z]", re.I)
    others = [c for c in map(chr, range(128, 0x110000)) if ascii_letter.fullmatch(c)]
    assert others  # "ſ", "ı", "İ", the Kelvin sign
    for c in others:
        seen = folded(c, c.lower())
        assert seen.isascii() and re.fullmatch(seen, c, re.I), c
    assert folded("٣ ſee", "٣ ſee") == "0 see"  # any decimal digit reads as an ASCII one


def test_action_with_is_dataclasses_replace() -> None:
    action = Action("Anil Madhavapeddy", "write the post", 12, "Anil", "owner-verb", "Anil will …")
    assert all(getattr(action, f.name) != f.default for f in fields(Action))  # every field set
    assert _action_with(action, context="said") == replace(action, context="said")
    assert _action_with(action, task="post it") == replace(action, task="post it")
    assert _action_with(action, "post it", "said") == replace(action, task="post it",
                                                               context="said")
