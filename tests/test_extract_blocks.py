"""The shortcuts taken for speed answer as the plain regular expressions they stand for.

Each reference below is the specification the fast code must equal; they are compared on
random lines made of the characters that matter (spaces of all kinds, brackets, quotes, #).
"""

from __future__ import annotations

import random
import re

from digest import dates
from digest.extract_blocks import _ATX, _ref_definition, sentences

REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?\s*$")
ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
CHARS = (" ", " ", "\t", "[", "]", ":", "<", ">", '"', "'", "(", ")", "a", "b", "/", ".", "#",
         "\u00a0", "\r", "\x0b", "\u2003")


def random_tail(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 14)))


def test_reference_definitions_read_as_the_regex() -> None:
    rng = random.Random(7)
    for _ in range(30_000):
        line = (rng.choice(("", " ", "   ", "    ", "\t"))
                + rng.choice(("[", "[a]:", "[a b]: ", "[x]:<", "")) + random_tail(rng))
        m = REF_DEF.match(line)
        assert _ref_definition(line) == (m.group(1, 2) if m else None), repr(line)
    assert _ref_definition('[mirage]: <https://mirage.io/> "MirageOS"') == (
        "mirage", "https://mirage.io/")


def test_atx_headings_read_as_the_regex() -> None:
    rng = random.Random(8)
    for _ in range(30_000):
        line = rng.choice(("", " ", "   ", "    ")) + "#" * rng.randint(1, 7) + random_tail(rng)
        m, reference = _ATX.match(line), ATX.match(line)
        assert (m and m.groups()) == (reference and reference.groups()), repr(line)


def test_the_date_guard_never_changes_a_match() -> None:
    """_DATE_START only turns away positions where no alternative of _DATE can match."""
    unguarded = re.compile(dates._DATE.pattern.replace(dates._DATE_START, "", 1),
                           dates._DATE.flags)
    assert unguarded.pattern != dates._DATE.pattern
    text_words = (
        "a an one two three four five six seven eight acoupleof coupleof afew couple of few "
        "in within after day days week weeks month months from now today later time "
        "fortnight next this coming following tomorrow the of on at Monday mon Tue tues "
        "Thursday fri sat sunday jan february mar april may june jul aug sept october nov "
        "dec 1 12 14th 22nd 2015 2015-10-14 14.10.2015 10/14/15 , . : ( TUESDAY NEXT IN A "
        "ſat ıN \u212a 16:00 3pm x decided monitor month hour end 4th sundays an")
    words = text_words.split(" ")
    rng = random.Random(9)
    for _ in range(20_000):
        text = "".join(rng.choice(words) + rng.choice((" ", ", ", ".", "\n", "-", ""))
                       for _ in range(rng.randint(1, 8)))
        text = text.upper() if rng.random() < 0.3 else text
        assert [m.groupdict() | {"": m.span()} for m in dates._DATE.finditer(text)] == \
            [m.groupdict() | {"": m.span()} for m in unguarded.finditer(text)], repr(text)


def test_sentences_keep_abbreviations_and_lines() -> None:
    text = "We met e.g. on Monday. J. Smith will\nreview it! Approx. ten people came? Yes."
    assert sentences(text, 10) == [
        ("We met e.g. on Monday.", 10),
        ("J. Smith will review it!", 10),
        ("Approx. ten people came?", 11),
        ("Yes.", 11),
    ]


def test_a_minutes_marker_at_a_lines_start_opens_a_sentence_however_many_there_are() -> None:
    assert sentences("Budget 2026\n   RESOLVED: the budget is adopted\nACTION 3.1: BK to publish "
                     "it.\nmore text", 5) == [
        ("Budget 2026", 5), ("RESOLVED: the budget is adopted", 6),
        ("ACTION 3.1: BK to publish it. more text", 7)]
    many = sentences("x\nTODO y\n" * 20_000, 1)  # no recursion, and each piece on its line
    assert len(many) == 20_001 and many[-1] == ("TODO y", 40_000)


def test_a_run_on_sentence_is_cut_into_pieces_at_spaces() -> None:
    text = "Alpha Beta Gamma Delta " * 40
    pieces = sentences(text, 3)
    assert " ".join(p for p, _ in pieces) == text.strip()
    assert all(len(p) <= 300 and line == 3 for p, line in pieces) and len(pieces) == 4
