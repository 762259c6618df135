"""The notes repository in odd states: git missing, not a repository, detached, shallow, rewritten.

Each either works (and says what it decided) or fails with exit 5 and one line
naming the fix; a failed run leaves the state as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from ..conftest import GIT_ENV, REPO, git, run_digest

NOTE = """---
date: {day}
title: Weekly call {day}
---

Attendees: Ada Lovelace, Alan Turing

We agreed to cut the release on Friday because the build is green again and the
last blocking bug was fixed. Alan will write the release notes and Ada will tag
the release and announce it on the mailing list before the next call.
"""


def _run(work: Path, notes: Path, *extra: str, env: dict[str, str] | None = None) -> Any:
    done = run_digest("run", "--notes", str(notes), "--glob", "**/*.md", "--json", *extra,
                      cwd=work, env=env)
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done.stderr


def _commit_note(repo: Path, day: str) -> str:
    path = repo / "data" / "weekly" / f"{day}.md"
    path.write_text(NOTE.format(day=day))
    git(repo, "add", str(path))
    git(repo, "commit", "-q", "-m", f"minutes of {day}")
    return git(repo, "rev-parse", "HEAD").strip()


def _state(work: Path) -> bytes:
    return (work / ".digest" / "state.json").read_bytes()


def _work(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    return work


def test_git_missing_is_a_source_error_not_a_folder_read(mirage_repo: Path, tmp_path: Path) -> None:
    """Read as a folder, a work tree would give uncommitted notes too: refuse instead."""
    work = _work(tmp_path)
    code, _, stderr = _run(work, mirage_repo, "--baseline")
    assert code == 0, stderr
    before = _state(work)
    no_git = tmp_path / "bin"
    no_git.mkdir()
    code, report, stderr = _run(work, mirage_repo, env={"PATH": str(no_git)})
    assert code == 5 and report is None
    assert stderr.strip() == (
        f"digest: source error: {mirage_repo}: the notes are in a git repository but git is not "
        'installed (install git, or set notes.source = "folder" to read the files on disk)'
    )
    assert _state(work) == before


def test_not_a_repository_when_git_is_asked_for(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(REPO / "examples" / "notes", notes)
    work = _work(tmp_path)
    code, _, stderr = _run(work, notes, env={"DIGEST_NOTES_SOURCE": "git"})
    assert code == 5
    assert stderr.strip() == (
        f"digest: source error: {notes}: not a git repository (notes.source is git) "
        '(commit the notes to git, or set notes.source = "folder")'
    )
    assert not (work / ".digest" / "state.json").exists()


def test_detached_head_is_read_at_head(mirage_repo: Path, tmp_path: Path) -> None:
    work = _work(tmp_path)
    first = _commit_note(mirage_repo, "2030-01-09")
    second = _commit_note(mirage_repo, "2030-01-16")
    git(mirage_repo, "checkout", "-q", "--detach", first)
    code, report, stderr = _run(work, mirage_repo, "--baseline")
    assert code == 0 and len(report["new"]) == 52, stderr
    git(mirage_repo, "checkout", "-q", "--detach", second)
    code, report, stderr = _run(work, mirage_repo)
    assert code == 0, stderr
    assert [n["date"] for n in report["new"]] == ["2030-01-16"]
    code, report, _ = _run(work, mirage_repo)
    assert code == 0 and report["new"] == []


def test_shallow_clone_works_and_a_missing_last_commit_is_said(
    mirage_origin: Path, tmp_path: Path
) -> None:
    origin = tmp_path / "origin"
    subprocess.run(["git", "clone", "-q", str(mirage_origin), str(origin)], check=True)
    old_head = git(origin, "rev-parse", "HEAD").strip()
    _commit_note(origin, "2030-02-06")

    clone = tmp_path / "clone"
    work = _work(tmp_path)
    # A full clone at the old head is baselined; then the same folder becomes a
    # shallow clone of the new head, which lacks the commit the state names.
    subprocess.run(["git", "clone", "-q", str(origin), str(clone)], check=True)
    git(clone, "checkout", "-q", "--detach", old_head)
    code, report, stderr = _run(work, clone, "--baseline")
    assert code == 0 and len(report["new"]) == 51, stderr
    shutil.rmtree(clone)
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)],
        check=True, env={**os.environ, **GIT_ENV},
    )
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"

    code, report, stderr = _run(work, clone)
    assert code == 0, stderr
    assert [n["date"] for n in report["new"]] == ["2030-02-06"], "nothing mailed twice"
    assert any(f"last processed commit {old_head[:12]} is not in the repository (the clone is "
               "shallow)" in r for r in report["remarks"]), report["remarks"]
    code, report, _ = _run(work, clone)
    assert code == 0 and report["new"] == []


def test_force_push_that_drops_the_last_processed_commit(
    mirage_repo: Path, tmp_path: Path
) -> None:
    work = _work(tmp_path)
    code, _, stderr = _run(work, mirage_repo, "--baseline")
    assert code == 0, stderr
    dropped = _commit_note(mirage_repo, "2030-03-06")
    code, report, stderr = _run(work, mirage_repo)
    assert code == 0 and [n["date"] for n in report["new"]] == ["2030-03-06"], stderr

    git(mirage_repo, "reset", "-q", "--hard", "HEAD~1")
    _commit_note(mirage_repo, "2030-03-13")
    git(mirage_repo, "reflog", "expire", "--expire=now", "--all")
    git(mirage_repo, "gc", "-q", "--prune=now")
    assert subprocess.run(["git", "-C", str(mirage_repo), "cat-file", "-e", dropped],
                          capture_output=True, check=False).returncode != 0

    code, report, stderr = _run(work, mirage_repo)
    assert code == 0, stderr
    assert [n["date"] for n in report["new"]] == ["2030-03-13"]
    assert [n["date"] for n in report["deleted"]] == ["2030-03-06"]
    assert any(f"last processed commit {dropped[:12]} is not in the repository (history was "
               "rewritten (force-push?))" in r for r in report["remarks"]), report["remarks"]
    code, report, _ = _run(work, mirage_repo)
    assert code == 0 and report["new"] == []
