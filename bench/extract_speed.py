"""Extraction speed: notes per second over the MirageOS notes, on one core.

usage: python bench/extract_speed.py [--corpus DIR] [--rounds N]
Parses the notes once, then times `extract` alone over all of them, N rounds; prints the best
(CPU time of this process, so other work on the machine counts less).
The machine is shared, so it also times a reference in the same run, markdown-it-py tokenising
the same bodies (what a CommonMark parser alone costs), and prints the ratio of the two.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from markdown_it import MarkdownIt  # noqa: E402

from digest.evaluate import checkout_corpus, find_shared  # noqa: E402
from digest.extract import extract  # noqa: E402
from digest.models import Note, NoteFile  # noqa: E402
from digest.parse import parse_note  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=None, help="a checkout or bundle of mirage-weekly")
    ap.add_argument("--shared", default=os.environ.get("DIGEST_SHARED") or find_shared(ROOT))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        corpus = checkout_corpus(
            Path(args.corpus) if args.corpus
            else Path(args.shared) / "corpus" / "mirage-weekly.bundle", Path(tmp))
        paths = sorted((corpus / "data" / "weekly").glob("*.md"))
        notes = [parse_note(NoteFile(p.name, p.read_bytes())) for p in paths]
    md = MarkdownIt("commonmark")

    def best_of(work: Callable[[Note], object]) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            start = time.process_time()
            for note in notes:
                work(note)
            best = min(best, time.process_time() - start)
        return best

    took = best_of(extract)
    reference = best_of(lambda note: md.parse(note.body))
    print(f"{len(notes)} notes, best of {args.rounds}: extract {took * 1000:.1f} ms, "
          f"{len(notes) / took:,.0f} notes/s (one core); markdown-it-py parse alone "
          f"{len(notes) / reference:,.0f} notes/s; extract is {reference / took:.2f}x its speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
