"""Upper- and lower-case letters of the scripts people's names are written in with case.

Python's `re` has no `\\p{Lu}`, and `[A-Z]` leaves out Łukasz, Émile, Ömer and Zoë: these are
character-class bodies (use them inside `[...]`) for Latin (with every accented form), Greek,
Cyrillic and Armenian letters. Scripts without case (CJK, Arabic, Hebrew …) have no capitalised
names to find, so no class can help with them.
"""

from __future__ import annotations

import re

# the blocks of scripts with case: Basic Latin to Armenian, then Latin and Greek Extended
_CASED_BLOCKS = (*range(0x0041, 0x0590), *range(0x1E00, 0x2000))


def _class_body(letters: list[str]) -> str:
    """'A-Z' style ranges for sorted `letters`, escaped for use inside a character class."""
    ranges: list[tuple[str, str]] = []
    for letter in letters:
        if ranges and ord(letter) == ord(ranges[-1][1]) + 1:
            ranges[-1] = (ranges[-1][0], letter)
        else:
            ranges.append((letter, letter))
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}"
                   for a, b in ranges)


UPPER = _class_body([chr(c) for c in _CASED_BLOCKS if chr(c).isupper() or chr(c).istitle()])
LOWER = _class_body([chr(c) for c in _CASED_BLOCKS if chr(c).islower()])
