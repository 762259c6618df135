"""Score extraction against the gold labels: P/R/F1 per field, every miss and false alarm.

usage: python bench/eval.py [GOLD_DIR] [--shared DIR] [--corpus DIR] [--summary]
The MirageOS corpus is cloned from ../shared/corpus/mirage-weekly.bundle unless --corpus names
a checkout.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.evaluate import evaluate_gold, format_report  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold"))
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--corpus", default=None, help="a checkout of mirage-weekly.bundle")
    ap.add_argument("--summary", action="store_true", help="figures only")
    args = ap.parse_args()
    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "mirage-weekly"
        if not args.corpus:
            subprocess.run(["git", "clone", "-q", str(shared / "corpus" / "mirage-weekly.bundle"),
                            str(corpus)], check=True)
        report = evaluate_gold(Path(args.gold), {"shared": shared, "corpus": corpus})
    print(format_report(report, details=not args.summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
