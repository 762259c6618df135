"""The CI cut of bench/fuzz.py: 2,000 mutated and generated notes, no crash, no hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import bench_fuzz


@pytest.mark.timeout(180)
def test_two_thousand_fuzzed_notes_give_no_crash(mirage_origin: Path, shared_dir: Path) -> None:
    """Every input either parses and extracts, or is refused with a NoteError.

    Parse and extract only (note_html is left to the full bench); the per-input
    timer (10 s) catches hangs, it is not a speed target.
    """
    fuzz = bench_fuzz()
    corpus = fuzz.load_corpus(mirage_origin, shared_dir / "seeds")
    assert len(corpus) > 50
    result = fuzz.run_fuzz(2000, corpus, seed=1, timeout=10.0, render=False)
    print(result.summary())
    crashes = [f"{c.label} {c.path!r}: {c.error}" for c in result.crashes]
    assert crashes == []
    assert result.inputs == 2000
    assert sum(result.refused.values()) > 100, "the mutations should also produce bad notes"
