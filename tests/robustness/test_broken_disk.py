"""Outbox, state and feed on a read-only or full disk: a clear error, its exit code, nothing lost.

Read-only is a real read-only bind mount (EROFS) and full is a real tmpfs
filled to its last block (ENOSPC) — see disks.py; chmod would not stop root.
"Nothing lost" means: the run that failed published nothing it could not
record, and the next run, once the disk is fixed, publishes every note exactly
once.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..conftest import REPO, run_digest
from .disks import fill, read_only, small_tmpfs

EXAMPLE_DATES = ["2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05"]


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "notes")
    return project


def _run(project: Path, state: Path, outbox: Path, feed: Path) -> tuple[int, Any, str]:
    done = run_digest(
        "run", "--notes", "notes", "--state", str(state), "--outbox", str(outbox),
        "--feed", str(feed), "--json", cwd=project,
    )
    report = json.loads(done.stdout) if done.stdout.strip() else None
    return done.returncode, report, done.stderr


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("digest: ")]
    assert len(lines) == 1, stderr
    return lines[0]


def _then_everything_goes_out_once(
    project: Path, state: Path, outbox: Path, feed: Path
) -> None:
    code, report, stderr = _run(project, state, outbox, feed)
    assert code == 0, stderr
    assert sorted(n["date"] for n in report["new"]) == EXAMPLE_DATES
    assert len(list(outbox.glob("*.eml"))) == 1
    code, report, stderr = _run(project, state, outbox, feed)
    assert code == 0 and report["new"] == [] and report["messages"] == [], stderr
    assert len(list(outbox.glob("*.eml"))) == 1


def test_outbox_on_a_full_disk(tmp_path: Path) -> None:
    project = _project(tmp_path)
    state, feed = tmp_path / "state" / "state.json", tmp_path / "public" / "feed.atom"
    with small_tmpfs(tmp_path / "disk") as disk:
        outbox = disk / "outbox"
        filler = fill(disk)
        code, report, stderr = _run(project, state, outbox, feed)
        assert code == 7, stderr
        line = _one_error_line(stderr)
        assert line.startswith(f"digest: outbox error: {outbox}")
        assert "the disk is full" in line and "free space or fix permissions" in line
        assert report is None
        assert not list(outbox.glob("*.eml")), "no half-written message"
        assert not state.exists(), "nothing recorded as published"

        filler.unlink()
        _then_everything_goes_out_once(project, state, outbox, feed)


def test_outbox_on_a_read_only_disk(tmp_path: Path) -> None:
    project = _project(tmp_path)
    state, feed = tmp_path / "state" / "state.json", tmp_path / "public" / "feed.atom"
    outbox = tmp_path / "outbox"
    with read_only(outbox):
        code, _report, stderr = _run(project, state, outbox, feed)
        assert code == 7, stderr
        line = _one_error_line(stderr)
        assert line.startswith(f"digest: outbox error: {outbox}/")
        assert "Read-only file system" in line
        assert not state.exists()
    _then_everything_goes_out_once(project, state, outbox, feed)


def test_state_on_a_read_only_disk(tmp_path: Path) -> None:
    project = _project(tmp_path)
    outbox, feed = tmp_path / "outbox", tmp_path / "public" / "feed.atom"
    state_dir = tmp_path / "state"
    state = state_dir / "state.json"
    with read_only(state_dir):
        code, _report, stderr = _run(project, state, outbox, feed)
        assert code == 6, stderr
        line = _one_error_line(stderr)
        assert line.startswith(f"digest: state error: {state_dir}/")
        assert "Read-only file system" in line
        assert not list(outbox.glob("*.eml")), "nothing queued without a lock"
    _then_everything_goes_out_once(project, state, outbox, feed)


def test_state_on_a_full_disk_after_the_message_was_queued(tmp_path: Path) -> None:
    """The outbox is written first; the state write fails; the next run queues nothing twice."""
    project = _project(tmp_path)
    outbox, feed = tmp_path / "outbox", tmp_path / "public" / "feed.atom"
    with small_tmpfs(tmp_path / "disk") as disk:
        state = disk / "state.json"
        filler = fill(disk)
        code, _report, stderr = _run(project, state, outbox, feed)
        assert code == 6, stderr
        line = _one_error_line(stderr)
        assert line.startswith(f"digest: state error: {state}: cannot write state.json: "
                               "the disk is full")
        assert not state.exists()
        queued = sorted(p.name for p in outbox.iterdir())
        assert len([n for n in queued if n.endswith(".eml")]) == 1, "the digest is kept"

        filler.unlink()
        _then_everything_goes_out_once(project, state, outbox, feed)
        assert sorted(p.name for p in outbox.iterdir() if p.is_file()) == queued


def test_feed_on_a_read_only_disk(tmp_path: Path) -> None:
    """The digest is queued and recorded before the feed; a feed that cannot be written says so."""
    project = _project(tmp_path)
    state, outbox = tmp_path / "state" / "state.json", tmp_path / "outbox"
    public = tmp_path / "public"
    feed = public / "feed.atom"
    with read_only(public):
        code, _report, stderr = _run(project, state, outbox, feed)
        assert code == 12, stderr
        line = _one_error_line(stderr)
        assert line.startswith(f"digest: publish error: {feed}: cannot write feed.atom: "
                               "Read-only file system")
        assert len(list(outbox.glob("*.eml"))) == 1
    code, report, stderr = _run(project, state, outbox, feed)
    assert code == 0 and report["new"] == [] and report["messages"] == [], stderr
    assert feed.is_file()


def test_parent_is_a_file(tmp_path: Path) -> None:
    """Without mount rights: an outbox whose parent is a regular file cannot be created."""
    project = _project(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    state, feed = tmp_path / "state" / "state.json", tmp_path / "public" / "feed.atom"
    code, _report, stderr = _run(project, state, blocker / "outbox", feed)
    assert code == 7, stderr
    assert "Not a directory" in _one_error_line(stderr)
    assert not state.exists()
    _then_everything_goes_out_once(project, state, tmp_path / "outbox", feed)
