"""Extraction on crafted worst cases: does its time grow with the note, or faster?

usage: python bench/extract_worst.py [--size BYTES] [--only NAME]

Each case repeats one pattern the rules react to (speaker lines, "we should", chains of
names, markers, brackets …) to `--size` characters, once as one long line and once one word
per line, and times `extract` on it at half the size and at the full size. It prints the
seconds at the full size and the growth ratio: about 2 is linear, about 4 is quadratic. The
ratio is measured in the same run, so it holds on a busy machine; the seconds say how long a
hostile note of that size holds up a run.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.extract import extract  # noqa: E402
from digest.models import NoteFile  # noqa: E402
from digest.parse import parse_note  # noqa: E402

# name → the unit repeated to fill the note (a markdown note unless SUFFIXES says otherwise)
CASES: dict[str, str] = {
    "name lists": "Anil, Bob and Carl Dave/Eve & Fay ",
    "joined names": "AnilBob ",
    "capitalised words": "Alpha Beta Gamma Delta ",
    "apostrophes": "O'Neil-Smith's.Jr ",
    "owner chains": "Anil will Bob will Carl will ",
    "owner-to clauses": ". Anil to . Bob to ",
    "speaker lines": "Anil: ",
    "plans": "we should we will we ",
    "wishes": "that having being doing ",
    "votes": "motion ",
    "next-call cues": "next meeting next call next ",
    "parenthesised owners": "(Anil will (",
    "hashes": "#",
    "brackets": "[",
    "angle brackets": "<",
    "list dashes": "- ",
    "table pipes": "| a ",
    "fractions": "1/2 ",
    "one long word": "x",
    "action items": "- ACTION: Anil to write it\n",
    "decision items": "- DECISION: we ship it\n",
    "plain-text items": "- item number one here\n",
    "html list": "<li>Anil will fix it</li>",
    "org todo headlines": "* TODO [#A] Write it :anil:\n",
    "org description items": "- Anil :: tag =:anil:=\n",
    "dotted attendees": "Present: " + "a." * 5000 + " x@y.z\n",
    "registers": "OKAFOR, Grace (Chair) McALLISTER, Fr Declan\n",
    "whatsapp lines": "24/02/2026, 19:28 - Dave Pemberton: I'll do it\n",
    "capital labels": "\nAGENDA\n1. item\n",
    "arrow lines": "-> Anil: write it\n→ Bob: ",
    "handles with names": "@rkapoor (Rhea Kapoor), @m ",
}
SUFFIXES = {"plain-text items": ".txt", "html list": ".html", "org todo headlines": ".org",
            "org description items": ".org", "registers": ".txt", "whatsapp lines": ".txt",
            "capital labels": ".txt"}


def note_of(unit: str, size: int, one_word_per_line: bool) -> bytes:
    text = (unit * (size // len(unit) + 1))[:size]
    if one_word_per_line:
        text = text.replace(" ", "\n")
    return ("# 2015-01-01\n\n" + text).encode()


def seconds(data: bytes, suffix: str = ".md") -> float:
    note = parse_note(NoteFile("2015-01-01" + suffix, data))
    start = time.process_time()
    extract(note)
    return time.process_time() - start


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=200_000, help="characters at the full size")
    ap.add_argument("--only", help="run the cases whose name contains this")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)  # hostile notes draw warnings; only the times matter
    worst = (0.0, "")
    print(f"{'case':24} {'layout':6} {'seconds':>8} {'growth':>7}  (x2 size: 2 = linear)")
    for name, unit in CASES.items():
        if args.only and args.only not in name:
            continue
        for per_line in (False, True):
            suffix = SUFFIXES.get(name, ".md")
            half = seconds(note_of(unit, args.size // 2, per_line), suffix)
            full = seconds(note_of(unit, args.size, per_line), suffix)
            growth = full / half if half > 0.005 else float("nan")
            layout = "lines" if per_line else "line"
            print(f"{name:24} {layout:6} {full:8.3f} {growth:7.1f}", flush=True)
            worst = max(worst, (full, f"{name} ({layout})"))
    print(f"slowest at {args.size:,} characters: {worst[1]}, {worst[0]:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
