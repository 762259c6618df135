"""Extraction speed: notes per second over the MirageOS notes, on one core.

usage: python bench/extract_speed.py [--corpus DIR] [--rounds N]
Parses the notes once, then times `extract` alone over all of them, N rounds; prints the best.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.extract import extract  # noqa: E402
from digest.models import NoteFile  # noqa: E402
from digest.parse import parse_note  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "mirage-weekly"
        if not args.corpus:
            bundle = Path(args.shared) / "corpus" / "mirage-weekly.bundle"
            subprocess.run(["git", "clone", "-q", str(bundle), str(corpus)], check=True)
        paths = sorted((corpus / "data" / "weekly").glob("*.md"))
        notes = [parse_note(NoteFile(p.name, p.read_bytes())) for p in paths]
    best = float("inf")
    for _ in range(args.rounds):
        start = time.perf_counter()
        for note in notes:
            extract(note)
        best = min(best, time.perf_counter() - start)
    print(f"{len(notes)} notes, best of {args.rounds}: {best * 1000:.1f} ms, "
          f"{len(notes) / best:,.0f} notes/s (one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
