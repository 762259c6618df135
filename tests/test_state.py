"""The state file: never silently reset, never half written, never used by two runs at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from digest.errors import StateError
from digest.state import (
    MIGRATIONS,
    STATE_VERSION,
    NoteRecord,
    SourceMark,
    State,
    load_state,
    save_state,
)

from .conftest import run_digest


def sample_state() -> State:
    record = NoteRecord(
        id="2024-01-10",
        paths=("notes/2024-01-10.md",),
        date="2024-01-10",
        title="Weekly call",
        content_hash="ab" * 32,
        fingerprint="cd" * 16,
        status="published",
        first_seen="2024-01-10T12:00:00+00:00",
        published="2024-01-10T12:00:00+00:00",
    )
    return State(
        notes={record.id: record},
        source=SourceMark(kind="git", root="/srv/notes", glob=("**/*.md",), revision="f" * 40),
        exists=True,
    )


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    save_state(path, sample_state())
    assert load_state(path) == sample_state()
    assert json.loads(path.read_text())["version"] == STATE_VERSION


def test_missing_file_is_a_first_run(tmp_path: Path) -> None:
    state = load_state(tmp_path / "state.json")
    assert not state.exists and state.notes == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": 1, "notes": {', "not valid JSON"),
        ("[]", "no version number"),
        ('{"version": 1, "notes": {"x": {"id": "x"}}}', "damaged"),
        (f'{{"version": {STATE_VERSION + 1}, "notes": {{}}}}', "upgrade digest"),
        (b"\xff\xfe\x00garbage", "cannot read"),
    ],
)
def test_damaged_state_is_an_error_and_is_left_alone(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "state.json"
    data = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(data)
    with pytest.raises(StateError) as caught:
        load_state(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == data, "never reset or rewritten"


def test_unreadable_state_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.mkdir()  # a folder where the file should be: reading fails even for root
    with pytest.raises(StateError, match="cannot read state file"):
        load_state(path)


def test_run_with_a_corrupt_state_stops_with_exit_6(tmp_path: Path, example_project: Path) -> None:
    state = example_project / ".digest" / "state.json"
    state.parent.mkdir()
    state.write_text("{ not json")
    done = run_digest("run", "--json", cwd=example_project)
    assert done.returncode == 6
    assert "state error" in done.stderr and "not valid JSON" in done.stderr
    assert state.read_text() == "{ not json"
    assert not (example_project / "outbox").exists(), "nothing was sent"


def test_older_version_is_upgraded_by_the_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fabricated version 0 (notes as a list) goes through MIGRATIONS[0] to today's shape."""
    path = tmp_path / "state.json"
    save_state(path, sample_state())
    current = json.loads(path.read_text())
    older = {**current, "version": 0, "notes": list(current["notes"].values())}
    path.write_text(json.dumps(older))

    def upgrade(data: dict[str, object]) -> dict[str, object]:
        notes = data["notes"]
        assert isinstance(notes, list)
        return {**data, "version": 1, "notes": {n["id"]: n for n in notes}}

    chain = {0: upgrade, **{v: f for v, f in MIGRATIONS.items() if v >= 1}}
    monkeypatch.setattr("digest.state.MIGRATIONS", chain)
    assert load_state(path) == sample_state()
    assert json.loads(path.read_text())["version"] == 0, "loading alone never rewrites the file"

    monkeypatch.setattr("digest.state.MIGRATIONS", {})
    with pytest.raises(StateError, match="no upgrade from state version 0"):
        load_state(path)


ATOMIC_FAILURE = textwrap.dedent(
    """
    import resource, signal, sys
    from pathlib import Path
    from digest.errors import StateError
    from digest.state import write_atomic

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    try:
        write_atomic(Path(sys.argv[1]), b"x" * 100_000)
    except StateError as exc:
        print(exc)
    """
)


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    """A real failure (file size limit) half way: the old state stays, no temp file is left."""
    path = tmp_path / "state.json"
    path.write_text('{"version": 1}')
    done = subprocess.run(
        [sys.executable, "-c", ATOMIC_FAILURE, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "cannot write state.json" in done.stdout and "nothing was changed" in done.stdout
    assert path.read_text() == '{"version": 1}'
    assert os.listdir(tmp_path) == ["state.json"]


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from digest.state import run_lock

    with run_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        sys.stdin.read()
    """
)


def test_second_run_fails_clearly_while_the_first_holds_the_lock(example_project: Path) -> None:
    state = example_project / ".digest" / "state.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(state)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        blocked = run_digest("run", "--json", cwd=example_project)
        assert blocked.returncode == 6
        assert "another digest run is in progress" in blocked.stderr
        assert not state.exists() and not (example_project / "outbox").exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    done = run_digest("run", "--json", cwd=example_project)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["new"]) == 5
