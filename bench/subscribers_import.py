"""Import 100,000 subscribers from CSV into a fresh store and print the time.

Reference, measured in the same run: the same rows inserted one statement and one transaction
each (what a naive loop would do, on the first 2,000 rows, scaled). Usage:

    .venv/bin/python bench/subscribers_import.py [COUNT]
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from digest.subscribers import SubscriberStore, normalize_address

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rows = "".join(f"user.{i}@Example{i % 500}.org\n" for i in range(count))
    text = "address\n" + rows
    with tempfile.TemporaryDirectory() as tmp:
        store = SubscriberStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = store.import_csv(io.StringIO(text), NOW)
        elapsed = time.perf_counter() - start
        again_start = time.perf_counter()
        again = store.import_csv(io.StringIO(text), NOW)
        again_elapsed = time.perf_counter() - again_start
        store.close()
        start = time.perf_counter()
        for i in range(count):
            normalize_address(f"user.{i}@Example{i % 500}.org")
        validation = time.perf_counter() - start

        sample = 2_000
        naive = SubscriberStore(Path(tmp) / "naive.db")
        start = time.perf_counter()
        for i in range(sample):
            naive.add(normalize_address(f"user.{i}@Example{i % 500}.org"), NOW)
        naive_elapsed = (time.perf_counter() - start) * count / sample
        naive.close()
    print(
        f"import {count:,} addresses: {elapsed:.2f} s ({count / elapsed:,.0f}/s), "
        f"added {report.added:,}"
    )
    print(f"import again (all present): {again_elapsed:.2f} s, added {again.added}")
    print(f"of which address validation (email-validator) alone: {validation:.2f} s "
          f"({validation / elapsed:.0%} of the first import)")
    print(
        f"reference, one transaction per row (estimated from {sample:,}): "
        f"{naive_elapsed:.1f} s; executemany is {naive_elapsed / elapsed:.0f}x faster"
    )


if __name__ == "__main__":
    main()
