"""Score extraction against the gold labels: P/R/F1 per field, every miss and false alarm.

usage: python bench/eval.py [GOLD_DIR] [--shared DIR] [--corpus DIR|BUNDLE] [--summary]
The same as `digest eval`; kept so the figures can be produced without installing the package.
The MirageOS corpus is cloned from SHARED/corpus/mirage-weekly.bundle unless --corpus names a
checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.evaluate import evaluate_gold, find_shared, format_report, gold_roots  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold"))
    ap.add_argument("--shared", default=os.environ.get("DIGEST_SHARED") or find_shared(ROOT))
    ap.add_argument("--corpus", default=None, help="a checkout or bundle of mirage-weekly")
    ap.add_argument("--summary", action="store_true", help="figures only")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        roots = gold_roots(Path(args.gold), Path(args.shared) if args.shared else None,
                           Path(args.corpus) if args.corpus else None, Path(tmp))
        report = evaluate_gold(Path(args.gold), roots)
    print(format_report(report, details=not args.summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
