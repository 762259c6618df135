"""One bad note never stops a run: reported (exit 4), kept pending, published once fixed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ..conftest import REPO, git, run_digest

BAD_NOTES = {
    "alias-bomb": b"---\na: &a [x, x]\nb: [*a, *a]\n---\n# Call\n",
    "python-tag": b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n# Call\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "30-february": b"---\ndate: 2026-02-30\n---\n# Call\n",
    "huge": b"x" * 1_000_001,
}

BAD_NAMES = {kind: f"2026-04-{day:02}.md" for day, kind in enumerate(sorted(BAD_NOTES), 1)}


def fixed_note(day: str) -> bytes:
    return f"""---
date: {day}
title: Lantern community call
---

# Lantern community call

Attendees: Ada Lovelace, Alan Turing, Grace Hopper

We agreed to move the release to April because the indexer still loses entries
when the disk fills up. Alan will write a regression test for the indexer and
Grace will review the storage patch before the next call. Ada will draft the
release announcement and circulate it on the mailing list this week.
""".encode()


def _project(tmp_path: Path, *, as_git: bool) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "notes")
    shutil.copy(REPO / "digest.toml", project / "digest.toml")
    if as_git:
        git(project / "notes", "init", "-q")
        git(project / "notes", "add", ".")
        git(project / "notes", "commit", "-q", "-m", "notes")
    return project


def _run(project: Path) -> tuple[int, dict[str, Any], str]:
    done = run_digest("run", "--notes", "notes", "--json", cwd=project)
    return done.returncode, json.loads(done.stdout), done.stderr


def _write(project: Path, files: dict[str, bytes], *, as_git: bool) -> None:
    for name, data in files.items():
        (project / "notes" / name).write_bytes(data)
    if as_git:
        git(project / "notes", "add", ".")
        git(project / "notes", "commit", "-q", "-m", "write notes")


@pytest.mark.parametrize("as_git", [False, True], ids=["folder", "git"])
def test_bad_notes_are_reported_kept_pending_and_published_once_fixed(
    tmp_path: Path, as_git: bool
) -> None:
    """Five kinds of bad note beside the five good examples, on a folder and on git."""
    project = _project(tmp_path, as_git=as_git)
    _write(project, {BAD_NAMES[k]: data for k, data in BAD_NOTES.items()}, as_git=as_git)

    code, report, stderr = _run(project)
    assert code == 4, stderr
    assert sorted(n["date"] for n in report["new"]) == [
        "2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05"
    ], "the good notes went out"
    assert len(report["messages"]) == 1
    errors = dict(zip(sorted(BAD_NAMES.values()), sorted(report["errors"]), strict=True))
    for name, error in errors.items():
        assert error.startswith(name + ":"), error
    assert "aliases (*name) are not allowed" in errors[BAD_NAMES["alias-bomb"]]
    assert "looks like a binary file" in errors[BAD_NAMES["binary"]]
    assert "day is out of range for month" in errors[BAD_NAMES["30-february"]]
    assert "more than the 1,000,000 digest reads" in errors[BAD_NAMES["huge"]]
    assert "python/object/apply" in errors[BAD_NAMES["python-tag"]]
    state = json.loads((project / ".digest" / "state.json").read_text())
    assert sorted(state["failed"]) == sorted(BAD_NAMES.values())

    again_code, again, _ = _run(project)
    assert again_code == 4 and again["new"] == [] and again["messages"] == []
    assert len(again["errors"]) == len(BAD_NOTES), "still reported on the next run"

    _write(project, {name: fixed_note(name[:10]) for name in BAD_NAMES.values()}, as_git=as_git)
    fixed_code, fixed, stderr = _run(project)
    assert fixed_code == 0, stderr
    assert sorted(n["date"] for n in fixed["new"]) == sorted(n[:10] for n in BAD_NAMES.values())
    assert fixed["errors"] == [] and len(fixed["messages"]) == 1
    state = json.loads((project / ".digest" / "state.json").read_text())
    assert state["failed"] == {}

    last_code, last, _ = _run(project)
    assert last_code == 0 and last["new"] == [] and last["messages"] == []
