"""Issue 3 acceptance: replay the real MirageOS history commit by commit, state kept between runs.

Every note must be published exactly once, in the run for the commit that added it, whether the
notes are read from the git work tree or from a plain copy of the files. The expected commit of
each note is computed from git itself, not written down by hand.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath

import pytest

from digest.config import Config, NotesConfig, PathsConfig
from digest.pipeline import RunOptions, RunReport, run
from digest.state import load_state

from .conftest import git, run_digest

START = datetime(2024, 1, 1, tzinfo=UTC)


def commits(repo: Path) -> list[str]:
    return git(repo, "rev-list", "--reverse", "HEAD").split()


def first_commit_of_each_date(repo: Path, revs: list[str]) -> dict[str, str]:
    """Meeting date → the first commit where a note file with that date exists (any path)."""
    first: dict[str, str] = {}
    for rev in revs:
        for name in git(repo, "ls-tree", "-r", "--name-only", rev).split():
            stem = PurePosixPath(name).stem
            if name.endswith(".md"):
                first.setdefault(stem, rev)
    return first


def config(notes: Path, work: Path, source: str) -> Config:
    return Config(
        notes=NotesConfig(path=notes, source=source),  # type: ignore[arg-type]
        paths=PathsConfig(
            state=work / "state.json", outbox=work / "outbox", feed=work / "feed.atom"
        ),
    )


def export(repo: Path, rev: str, folder: Path) -> None:
    """The files of one commit, without .git: what a plain folder of notes would hold."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    archive = git_bytes(repo, "archive", rev)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")


def git_bytes(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def replay(repo: Path, work: Path, source: str) -> Iterator[tuple[str, RunReport]]:
    """Run the pipeline once per commit, oldest first, as a scheduled job would."""
    notes = repo if source == "git" else work / "notes"
    cfg = config(notes, work, source)
    for number, rev in enumerate(commits(repo)):
        if source == "git":
            git(repo, "checkout", "-q", "--detach", rev)
        else:
            export(repo, rev, notes)
        yield rev, run(cfg, RunOptions(now=START + timedelta(days=number)))


@pytest.mark.parametrize("source", ["git", "folder"])
def test_replay_publishes_every_note_once_in_the_commit_that_added_it(
    mirage_repo: Path, tmp_path: Path, source: str
) -> None:
    revs = commits(mirage_repo)
    assert len(revs) == 57
    expected = first_commit_of_each_date(mirage_repo, revs)
    assert len(expected) == 51
    five_at_once = git(mirage_repo, "rev-parse", ":/pull request #441").strip()
    assert git(mirage_repo, "log", "-1", "--format=%ad", "--date=short", five_at_once).strip() == (
        "2016-03-16"
    )
    move = git(mirage_repo, "rev-parse", ":/Move articles to data/").strip()
    work = tmp_path / "work"
    work.mkdir()

    published: Counter[str] = Counter()
    for rev, report in replay(mirage_repo, work, source):
        dates = sorted(n.date for n in report.new)
        published.update(dates)
        wanted = sorted(d for d, first in expected.items() if first == rev)
        assert dates == wanted, f"commit {rev[:12]}"
        assert report.errors == ()
        # One digest per commit that adds notes, none for moves, renames and edits.
        assert len(report.messages) == (1 if wanted else 0), f"commit {rev[:12]}"
        if wanted:
            assert report.issue is not None and len(report.issue.notes) == len(wanted)
        if rev == five_at_once:
            assert len(dates) == 5 and len(report.messages) == 1
        if rev == move:  # tmpl/wiki/weekly → data/weekly, front matter added: 51 moves
            assert report.deleted == () and len(report.moved) == 51
            assert {PurePosixPath(m.path).parent.as_posix() for m in report.moved} == {
                "data/weekly"
            }

    assert sum(published.values()) == 51
    assert set(published.values()) == {1}, "a note was published twice"
    assert len(list((work / "outbox").glob("*.eml"))) == len(set(expected.values()))
    state = load_state(work / "state.json")
    assert sorted(r.date for r in state.notes.values() if r.status == "published") == sorted(
        expected
    )
    issued = [note for issue in state.issues for note in issue.notes]
    assert len(issued) == len(set(issued)) == 51


def test_replay_with_the_command_line_for_the_first_commits(
    mirage_repo: Path, tmp_path: Path
) -> None:
    """The same as a user would run it: `digest run --json` in a subprocess, state kept."""
    work = tmp_path / "work"
    work.mkdir()
    flags = ["--notes", str(mirage_repo), "--state", str(work / "state.json"),
             "--outbox", str(work / "outbox"), "--feed", str(work / "feed.atom"), "--json"]
    seen: list[list[str]] = []
    for rev in commits(mirage_repo)[:4]:
        git(mirage_repo, "checkout", "-q", "--detach", rev)
        done = run_digest("run", *flags, cwd=work)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        seen.append([n["date"] for n in report["new"]])
        assert len(report["messages"]) == (1 if report["new"] else 0)
    # files/weekly/2013-04-16, then the same note copied to tmpl/wiki/weekly (not new), then two.
    assert seen == [["2013-04-16"], [], ["2013-04-23"], ["2013-04-30"]]
