"""The words a regular expression cannot match without, to skip it on texts that lack them all.

Most sentences hold none of the words a rule's pattern needs, and a search that fails costs
as much as one that succeeds (the engine tries the pattern at every word). `required_words`
reads a pattern's parse tree and returns words one of which is in every match: a literal run
("decided"), the union of an alternation's ("we will|we shall" → {"will", "shall"}), a
repeated item's (`(?:x)+`); the rarest such set is kept. Testing them first (`folded(text)` holds
none → no match) cannot change a result, and the words follow the pattern when it is edited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import ahocorasick

# words so common that a set holding one lets almost every sentence through (and endings)
_COMMON = frozenset("""a about after all also an and any are as at be been but by can could
    did do does for from get go had has have he her his how i if in into is it its just like
    make may might more most must new no not now of on one only or other our out over s said
    say see she should so some such than that the their them then there these they this time
    to up very was way we well were what when which who will with would you your
    ed ing ly""".split())  # noqa: SIM905
_COMMON_PIECES = frozenset(w[i:j] for w in _COMMON for i in range(len(w))
                           for j in range(i + 1, len(w) + 1))
DIGITS = tuple("0123456789")  # `\d`: every decimal digit reads as one of these in `folded`

# the letters re.IGNORECASE reads as an ASCII one that str.lower() leaves apart ("ſ" as "s")
_IGNORECASE_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def folded(text: str, low: str) -> str:
    """`text` lower-cased as re.IGNORECASE reads it (`low` is text.lower()), every decimal
    digit as an ASCII one: an ASCII word missing from it is missing from every match of a
    pattern that `required_words` says needs it (`low` alone would miss "ſ" read as "s")."""
    if low.isascii():
        return low
    return _OTHER_DIGIT.sub("0", text.translate(_IGNORECASE_ASCII).lower())


def required_words(pattern: re.Pattern[str], sentences: bool = False) -> tuple[str, ...]:
    """Words (lower case, ASCII) one of which `folded` holds wherever `pattern` matches; ()
    when there are none. `sentences`: the texts' only whitespace is single spaces (a sentence
    from `extract_blocks.sentences`), so `\\s+` reads as " " inside a word ("is to")."""
    need = _sequence(_parser.parse(pattern.pattern, pattern.flags), sentences)
    return tuple(sorted(_smallest(need))) if need else ()


class PatternGates:
    """Which of several patterns a text may match, from one Aho-Corasick pass over it for the
    words each needs: bit i of `bits(text)` is clear only when pattern i cannot match."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], sentences: bool = False) -> None:
        self.words = [required_words(p, sentences) for p in patterns]
        self._always = sum(1 << i for i, words in enumerate(self.words) if not words)
        bits: dict[str, int] = {}
        for i, words in enumerate(self.words):
            for word in words:
                bits[word] = bits.get(word, 0) | 1 << i
        self._automaton = ahocorasick.Automaton()
        for word, bit in bits.items():
            self._automaton.add_word(word, bit)
        if bits:
            self._automaton.make_automaton()

    def bits(self, text: str) -> int:
        found = self._always
        if len(self._automaton):
            for _end, bits in self._automaton.iter(folded(text, text.lower())):
                found |= bits
        return found


def _rarity(need: frozenset[str]) -> tuple[int, int, int]:
    """How few texts `need` lets through, to keep the best set: a word's length, up to a few
    letters, says how rare it is (a piece of a common word is as common); past them the smaller
    set wins (each word costs the automaton time), then the one with longer words."""
    return min(_word_rarity(w) for w in need), -len(need), min(map(len, need))


def _word_rarity(word: str) -> int:
    """Its letters outside common words, and one for each space ("will be" is rarer than
    "will", not as rare as "useful"), up to 5."""
    parts = word.split()
    rare = sum(0 if p in _COMMON_PIECES else len(p) for p in parts)
    return min(rare + len(parts) - 1, 5) if parts else 0


def _smallest(need: frozenset[str]) -> frozenset[str]:
    """`need` without the words that hold another of its words ("decided to" and "decided")."""
    return frozenset(w for w in need if not any(v != w and v in w for v in need))


def _sequence(items: list[tuple[object, object]], sentences: bool) -> frozenset[str] | None:
    """What a sequence of items needs: the best of what any one of them needs, and of the
    texts a stretch of items with few possible texts may match ("agenda", or
    "(?:has|have) to" → {"has to", "have to"} where "has" alone would let most through)."""
    best: frozenset[str] | None = None
    best_rarity = (-1, 0, 0)
    run: list[set[str]] = []  # the texts of each item since the last one with too many

    def consider(need: frozenset[str] | None) -> None:
        nonlocal best, best_rarity
        if need and (rarity := _rarity(need)) > best_rarity:
            best, best_rarity = need, rarity

    def end_run() -> None:
        # the stretches that start and end at a word's edge (its pieces are no rarer)
        edges = [i for i in range(len(run) + 1)
                 if i in (0, len(run)) or not (_letter(run[i - 1]) and _letter(run[i]))]
        for start in edges[:-1]:
            texts = {""}
            for end in range(start + 1, min(len(run), start + _MAX_ITEMS) + 1):
                if len(texts) * len(run[end - 1]) > _MAX_TEXTS:
                    break
                texts = {a + b for a in texts for b in run[end - 1]}
                if end not in edges:
                    continue
                pieces = [t if t.isascii() else _stable_piece(t) for t in texts]
                if all(p.strip() for p in pieces):
                    consider(frozenset(pieces))
        run.clear()

    for op, av in items:
        texts = _texts(op, av, sentences)
        if texts is not None:
            run.append(texts)
        else:
            end_run()
        # an item's own needs (of each branch of an alternation, say) stand on their own too
        if op is sre.SUBPATTERN:
            consider(_sequence(av[-1], sentences))  # type: ignore[index]
        elif op is sre.ATOMIC_GROUP:
            consider(_sequence(av, sentences))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) \
                and av[0] >= 1:  # type: ignore[index]
            consider(_sequence(av[2], sentences))  # type: ignore[index]
        elif op is sre.BRANCH:
            branches = [_sequence(b, sentences) for b in av[1]]  # type: ignore[index]
            if all(branches):
                consider(_smallest(frozenset().union(*branches)))  # type: ignore[arg-type]
        elif op is sre.IN and av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)]:
            consider(frozenset(DIGITS))
        # anything else (a class, an anchor, a look-around, a back-reference) needs nothing
    end_run()
    return best


def _stable_piece(text: str) -> str:
    """The longest piece of `text` that `folded` keeps as it is wherever the pattern matches
    it: ASCII, and characters without case ("次回"); a letter with case ("é", "σ") may be
    matched by one that folds otherwise ("ς")."""
    stable = "".join(c if c.isascii() or (c.lower() == c == c.upper() and not c.isdecimal())
                     else "\0" for c in text)
    return max(stable.split("\0"), key=len)


_MAX_TEXTS = 64  # how many texts a run of items may stand for before it is cut
_MAX_ITEMS = 16  # how many items (mostly letters) a word of a run may span


def _letter(texts: set[str]) -> bool:
    return all(len(t) == 1 and t.isalnum() for t in texts)


def _texts(op: object, av: object, sentences: bool) -> set[str] | None:
    """Every text (lower case) an item may match, when they are few: a literal, a class of one
    letter's cases ("[Ww]"), an alternation or group of such, an optional one ("s?"), and in a
    sentence a run of spaces (" "); None for the rest."""
    if op is sre.LITERAL:
        return {chr(av).lower()}  # type: ignore[arg-type]
    if op is sre.IN and av and all(o is sre.LITERAL for o, _ in av):  # type: ignore[attr-defined]
        chars = {chr(c).lower() for _, c in av}  # type: ignore[attr-defined]
        return chars if len(chars) == 1 else None
    if sentences and ((op, av) == _SPACE or (op is sre.MAX_REPEAT and av[0] >= 1  # type: ignore[index]
                                             and list(av[2]) == [_SPACE])):  # type: ignore[index]
        return {" "}
    if op is sre.SUBPATTERN:
        return _sequence_texts(av[-1], sentences)  # type: ignore[index]
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            texts = _sequence_texts(branch, sentences)
            if texts is None or len(out) + len(texts) > _MAX_TEXTS:
                return None
            out |= texts
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] == (0, 1):  # type: ignore[index]
        texts = _sequence_texts(av[2], sentences)  # type: ignore[index]
        return None if texts is None else texts | {""}
    return None


def _sequence_texts(items: list[tuple[object, object]], sentences: bool) -> set[str] | None:
    out = {""}
    for op, av in items:
        texts = _texts(op, av, sentences)
        if texts is None or len(out) * len(texts) > _MAX_TEXTS:
            return None
        out = {a + b for a in out for b in texts}
    return out


_SPACE = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])  # `\s`
