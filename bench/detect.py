"""Detection time on a git repository of 100,000 notes against the same on 100 notes.

Each repository is built with `git fast-import`: one commit holding every note, then one commit
adding a single note. The state already knows the first commit and holds one record per note, as
after a run at that commit. Measured for the second commit, best of `--repeat`:

  detection   source scan (`git diff` since the known commit, read what changed), parse, detect,
              with the state already in memory, notes.check_uncommitted off
  + status    the same with notes.check_uncommitted on (the default): one `git status`, which
              stats every file of the work tree
  state load  reading the state file and indexing it (paths, meeting dates)
  whole run   `digest run` with the feed but without the web archive and the digests feed
              (paths.site, paths.issues_feed), which re-render every published note

The new note shares its meeting date with ten others (ten teams meet that day), so the identity
check reads those ten notes in both repositories. Goal: detection ratio ≤ 1.5.

    .venv/bin/python bench/detect.py [--notes 100000] [--small 100] [--repeat 7]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from digest.changes import detect, fingerprint
from digest.config import Config, NotesConfig, PathsConfig
from digest.pipeline import RunOptions, _reader, open_notes, parse_files, run
from digest.state import NoteRecord, SourceMark, State, load_state, save_state

FIRST_DAY = date(1990, 1, 1)
WORDS = [
    *("release", "build", "network", "storage", "docs", "security", "cache", "solver"),
    *("driver", "packet", "journal", "snapshot", "tutorial", "website", "audit", "patch"),
    *("changelog", "milestone", "regression", "benchmark"),
]
NOW = datetime(2025, 1, 1, tzinfo=UTC)


def note_text(serial: int) -> tuple[str, str, str]:
    """(path, meeting date, text) of the note numbered `serial`: ten notes per meeting day."""
    day = (FIRST_DAY + timedelta(days=serial // 10)).isoformat()
    team = f"team-{serial % 1000:03d}"
    topics = [WORDS[(serial * 7 + k * 3) % len(WORDS)] for k in range(6)]
    text = (
        f"---\ndate: {day}\n---\n\n# {team} weekly call\n\nAttendees: Ada, Brian, Chloe\n\n"
        f"## Notes\n\nWe went through {', '.join(topics)} for note {serial}. Ada will look at "
        f"the {topics[0]} work before the next call; Brian agreed to follow up on {topics[1]} "
        f"and {topics[2]} with the {team} maintainers. We decided to ship item {serial} once "
        f"the {topics[3]} review is done and the {topics[4]} numbers are in.\n"
    )
    return f"teams/{team}/{serial:06d}.md", day, text


def build_repository(folder: Path, count: int) -> tuple[str, str]:
    """A work tree with `count` notes in one commit, then one more note; the two commit ids."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    chunks: list[bytes] = []
    for serial in range(count + 1):
        data = note_text(serial)[2].encode()
        chunks.append(b"blob\nmark :%d\ndata %d\n%s\n" % (serial + 1, len(data), data))
    for number, serials in enumerate((range(count), range(count, count + 1)), start=1):
        stamp = 1_700_000_000 + number
        chunks.append(
            b"commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0000\n"
            b"data 7\ncommit%d\n" % (stamp, number)
        )
        chunks += [b"M 100644 :%d %s\n" % (s + 1, note_text(s)[0].encode()) for s in serials]
        chunks.append(b"\n")
    subprocess.run(
        ["git", "-C", str(folder), "fast-import", "--quiet"], input=b"".join(chunks), check=True
    )
    subprocess.run(["git", "-C", str(folder), "checkout", "-q", "-f", "main"], check=True)
    revs = subprocess.run(
        ["git", "-C", str(folder), "rev-list", "--reverse", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return revs[0], revs[1]


def state_after_first_commit(folder: Path, count: int, revision: str) -> State:
    """What a run at the first commit would have saved: every note published."""
    stamp = NOW.isoformat()
    notes = {}
    for serial in range(count):
        path, day, text = note_text(serial)
        note_id = day if serial % 10 == 0 else f"{day}-{serial:06d}"
        body = text.split("---\n", 2)[2]
        notes[note_id] = NoteRecord(
            id=note_id,
            paths=(path,),
            date=day,
            title=f"team-{serial % 1000:03d} weekly call",
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            fingerprint=fingerprint(body),
            status="published",
            first_seen=stamp,
            published=stamp,
            digest="0" * 64,
        )
    mark = SourceMark("git", str(folder.resolve()), NotesConfig().glob, revision=revision)
    return State(notes=notes, source=mark)


@dataclass(frozen=True)
class Figures:
    notes: int
    detection: float
    with_status: float
    load: float
    run: float


def best(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` timed calls, after one untimed call to warm the caches."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(count: int, repeat: int, scratch: Path) -> Figures:
    folder = scratch / f"notes-{count}"
    first, _second = build_repository(folder, count)
    config = Config(
        notes=NotesConfig(path=folder, check_uncommitted=False),
        paths=PathsConfig(
            state=scratch / f"state-{count}.json",
            outbox=scratch / f"outbox-{count}",
            feed=scratch / f"feed-{count}.atom",
            calendar=scratch / f"calls-{count}.ics",
            issues_feed=None,
            site=None,
        ),
    )
    checking = replace(config, notes=replace(config.notes, check_uncommitted=True))
    saved = scratch / f"state-{count}.saved.json"
    save_state(saved, state_after_first_commit(folder, count, first))
    state = load_state(saved)
    _ = state.index

    def load() -> None:
        _ = load_state(saved).index

    def detection(config: Config = config) -> None:
        source = open_notes(config, state)
        scan = source.scan(first)
        assert not scan.complete and len(scan.files) == 1, scan
        parsed, failures = parse_files(scan.files)
        found = detect(
            scan,
            parsed,
            frozenset(failures),
            state.notes,
            now=NOW.isoformat(),
            min_words=config.notes.min_words,
            lookup=_reader(source),
            index=state.index,
        )
        assert [c.kind for c in found.changes] == ["new"], found.changes

    def whole_run() -> None:
        shutil.copyfile(saved, config.paths.state)
        shutil.rmtree(config.paths.outbox, ignore_errors=True)
        report = run(config, RunOptions(now=NOW + timedelta(days=1), deliver=False))
        assert len(report.new) == 1 and len(report.messages) == 1, report

    return Figures(
        count,
        detection=best(repeat, detection),
        with_status=best(repeat, lambda: detection(checking)),
        load=best(repeat, load),
        run=best(1, whole_run),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as tmp:
        small = measure(args.small, args.repeat, Path(tmp))
        print(f"{small.notes} notes measured; building {args.notes:,}...", flush=True)
        large = measure(args.notes, args.repeat, Path(tmp))
    print(f"{'':>22}{small.notes:>12,} notes{large.notes:>12,} notes{'ratio':>11}")
    rows = [
        ("detection", small.detection, large.detection),
        ("detection + status", small.with_status, large.with_status),
        ("state load", small.load, large.load),
        ("detection + load", small.detection + small.load, large.detection + large.load),
        ("whole run", small.run, large.run),
    ]
    for name, a, b in rows:
        print(f"{name:>22}{a * 1000:>15.1f} ms{b * 1000:>15.1f} ms{b / a:>10.2f}x")
    ratio = large.detection / small.detection
    print(f"goal: detection ratio ≤ 1.5 — {'met' if ratio <= 1.5 else 'NOT met'} ({ratio:.2f})")


if __name__ == "__main__":
    main()
