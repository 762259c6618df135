"""Golden files of whole digest messages, with a fixed clock.

Our example notes (examples/notes, written here) are kept as full `.eml` goldens. The MirageOS
digest (the five notes added in the commit of 2016-03-16, read from ../shared at test time) is
other people's text, so only its SHA-256 and a structural summary (headers, part types, line
counts) are kept. `DIGEST_REGEN=1 pytest tests/test_email_golden.py` rewrites them after an
intended change (a template, extraction); review the diff before committing.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest.models import NoteFile

from .email_helpers import (
    DATA,
    REGEN,
    build,
    example_config,
    example_files,
    overlong_lines,
    structure,
)

MIRAGE_COMMIT_DAY = "2016-03-16"
REGEN_HINT = "if the change is intended: DIGEST_REGEN=1 pytest tests/test_email_golden.py"


def _check_eml(name: str, data: bytes) -> None:
    path = DATA / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"missing golden {path}; {REGEN_HINT}"
    expected = path.read_bytes()
    if data != expected:
        got, want = data.decode().splitlines(), expected.decode().splitlines()
        first = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), None)
        where = f"line {first + 1}: {got[first]!r} != {want[first]!r}" if first is not None else (
            f"{len(got)} lines != {len(want)} lines"
        )
        pytest.fail(f"{name} differs from its golden at {where}; {REGEN_HINT}")


def test_one_example_note_golden() -> None:
    _rendered, data = build(example_config(), example_files("2026-03-05.md"))
    _check_eml("example-one-note.eml", data)


def test_five_example_notes_golden() -> None:
    config = example_config(unsubscribe_url="https://lantern.example.org/unsubscribe")
    _rendered, data = build(config, example_files())
    _check_eml("example-five-notes.eml", data)


def mirage_files(repo: Path) -> list[NoteFile]:
    """The notes the 2016-03-16 commit added, as that commit has them."""
    log = subprocess.run(
        ["git", "-C", str(repo), "log", "--format=%H %ad", "--date=short", "--first-parent"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    (commit,) = [line.split()[0] for line in log if line.endswith(MIRAGE_COMMIT_DAY)]
    names = subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", "--diff-filter=A", f"{commit}^1", commit],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert len(names) == 5, names
    return [
        NoteFile(name, subprocess.run(
            ["git", "-C", str(repo), "show", f"{commit}:{name}"], capture_output=True, check=True
        ).stdout)
        for name in names
    ]


def test_mirage_five_notes_digest_matches_its_fingerprint(mirage_origin: Path) -> None:
    config = example_config(
        list_name="MirageOS weekly call",
        list_id="weekly.mirage.example.org",
        sender="MirageOS digest <digest@mirage.example.org>",
        to=("mirageos-devel@lists.example.org",),
        unsubscribe_url="https://mirage.example.org/unsubscribe",
        unsubscribe_mailto="mirageos-devel-leave@lists.example.org",
        archive_url="https://mirage.example.org/digest/",
    )
    config = dataclasses.replace(
        config,
        notes=dataclasses.replace(config.notes, url="https://mirage.example.org/{stem}"),
        feed=dataclasses.replace(config.feed, url="https://mirage.example.org/digest/feed.atom"),
    )
    clock = datetime(2016, 3, 16, 12, tzinfo=UTC)
    rendered, data = build(config, mirage_files(mirage_origin), clock)
    summary = structure(data)
    path = DATA / "mirage-2016-03-16.json"
    if REGEN:
        path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    expected = json.loads(path.read_text())
    # The structure first: its diff says what changed; the hash then pins every byte.
    assert summary["headers"] == expected["headers"], REGEN_HINT
    assert summary["parts"] == expected["parts"], REGEN_HINT
    assert summary["sha256"] == expected["sha256"], REGEN_HINT
    assert [p["type"] for p in summary["parts"]] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar"
    ]
    assert not rendered.short
    assert overlong_lines(rendered.text) == []
