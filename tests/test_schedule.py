"""Scheduling rules: a weekly send window in a time zone; runs outside it hold new notes."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from digest.cli import app
from digest.config import Config, load_config
from digest.errors import ConfigError
from digest.pipeline import RunOptions, run
from digest.schedule import decide, window

from .conftest import REPO, SmtpServer, free_port

THURSDAY_LONDON = {
    "mode": "scheduled",
    "timezone": "Europe/London",
    "send_days": ("thu",),
    "send_time": "09:00",
    "window_hours": 6.0,
}
EXTRA_NOTE = """---
date: 2026-11-24
---
# Lantern community call, 24 November 2026

Attendees: Ada, Brian, Chidi

We looked at the lamp firmware release. The build on the old boards fails because the
flash image grew past the partition size. We decided to drop the debug symbols from the
release image and keep them in a separate archive for the crash reporter. Brian will
change the build script and check the image size on every board before Friday.
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def config_for(tmp_path: Path, **schedule: object) -> Config:
    return load_config(
        None,
        env={},
        cwd=tmp_path,
        overrides={
            "notes": {"path": tmp_path / "notes", "glob": ("*.md", "*.txt")},
            "paths": {
                "state": tmp_path / "state.json",
                "outbox": tmp_path / "outbox",
                "feed": tmp_path / "public" / "feed.atom",
            },
            "schedule": schedule,
        },
    )


def test_window_opens_thursday_nine_london_time_in_winter_and_summer(tmp_path: Path) -> None:
    win = window(config_for(tmp_path, **THURSDAY_LONDON))
    # Winter: London is UTC+0. Thursday 19 November 2026.
    assert not decide(win, at("2026-11-19T08:59:59+00:00"), None).due
    assert decide(win, at("2026-11-19T09:00:00+00:00"), None).due
    assert decide(win, at("2026-11-19T14:59:00+00:00"), None).due
    late = decide(win, at("2026-11-19T15:00:00+00:00"), None)
    assert not late.due and late.next_window == at("2026-11-26T09:00:00+00:00")
    assert "Thu 26 Nov 2026 09:00 GMT" in late.reason
    # Summer: London is UTC+1, so the window opens at 08:00 UTC. Thursday 2 July 2026.
    assert not decide(win, at("2026-07-02T07:59:00+00:00"), None).due
    assert decide(win, at("2026-07-02T08:00:00+00:00"), None).due
    # Another day of the week is never in the window.
    held = decide(win, at("2026-11-17T09:30:00+00:00"), None)
    assert not held.due and held.next_window == at("2026-11-19T09:00:00+00:00")


def test_one_digest_per_window(tmp_path: Path) -> None:
    win = window(config_for(tmp_path, **THURSDAY_LONDON))
    sent_this_window = at("2026-11-19T09:05:00+00:00")
    again = decide(win, at("2026-11-19T11:00:00+00:00"), sent_this_window)
    assert not again.due and "already went out" in again.reason
    last_week = at("2026-11-12T09:05:00+00:00")
    assert decide(win, at("2026-11-19T11:00:00+00:00"), last_week).due


def test_immediate_is_always_due(tmp_path: Path) -> None:
    win = window(config_for(tmp_path))
    assert decide(win, at("2026-11-17T03:00:00+00:00"), at("2026-11-17T02:00:00+00:00")).due


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ({**THURSDAY_LONDON, "timezone": "Europe/Lundon"}, "not a known time zone"),
        ({**THURSDAY_LONDON, "send_days": ("thursday", "someday")}, "'someday' is not a day"),
        ({**THURSDAY_LONDON, "send_time": "9am"}, "is not HH:MM"),
        ({**THURSDAY_LONDON, "send_time": "24:00"}, "is not HH:MM"),
        ({**THURSDAY_LONDON, "window_hours": 0.0}, "out of range"),
        ({"mode": "scheduled"}, 'mode = "scheduled" with send_days = []'),
        ({"send_days": ("thu",)}, 'mode = "immediate" with send_days'),
    ],
)
def test_bad_schedule_is_a_config_error(
    tmp_path: Path, schedule: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)) as caught:
        window(config_for(tmp_path, **schedule))
    assert caught.value.hint


def test_schedule_from_toml_and_environment(tmp_path: Path) -> None:
    toml = tmp_path / "digest.toml"
    toml.write_text(
        '[schedule]\nmode = "scheduled"\ntimezone = "Europe/London"\nsend_days = ["thu"]\n'
    )
    config = load_config(toml, env={"DIGEST_SCHEDULE_SEND_TIME": "10:30"}, cwd=tmp_path)
    win = window(config)
    assert decide(win, at("2026-11-19T10:30:00+00:00"), None).due
    assert not decide(win, at("2026-11-19T10:29:00+00:00"), None).due


def test_notes_found_outside_the_window_wait_for_it_and_nothing_is_lost(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples" / "notes", tmp_path / "notes")
    config = config_for(tmp_path, **THURSDAY_LONDON)
    state = tmp_path / "state.json"

    tuesday = run(config, RunOptions(now=at("2026-11-17T09:30:00+00:00")))
    assert [n.date for n in tuesday.held] == [
        "2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05"
    ]
    assert tuesday.new == () and tuesday.messages == () and tuesday.stubs == ()
    assert tuesday.to_json()["schedule"] == {
        "due": False,
        "reason": "outside the send window; waits until Thu 19 Nov 2026 09:00 GMT",
        "next_window": "2026-11-19T09:00:00+00:00",
    }
    assert not state.exists(), "a held run leaves the state as it was"
    assert not list((tmp_path / "outbox").glob("*.eml"))
    again = run(config, RunOptions(now=at("2026-11-18T23:59:00+00:00")))
    assert len(again.held) == 5, "held notes are found again by the next run"

    thursday = run(config, RunOptions(now=at("2026-11-19T09:01:00+00:00")))
    assert len(thursday.new) == 5 and thursday.held == ()
    assert len(thursday.messages) == 1 and thursday.to_json()["schedule"]["due"] is True

    (tmp_path / "notes" / "2026-11-24.md").write_text(EXTRA_NOTE)
    same_window = run(config, RunOptions(now=at("2026-11-19T11:00:00+00:00")))
    assert [n.date for n in same_window.held] == ["2026-11-24"]
    assert same_window.messages == ()
    saturday = run(config, RunOptions(now=at("2026-11-21T12:00:00+00:00")))
    assert [n.date for n in saturday.held] == ["2026-11-24"]

    next_thursday = run(config, RunOptions(now=at("2026-11-26T09:00:00+00:00")))
    assert [n.date for n in next_thursday.new] == ["2026-11-24"]
    assert len(next_thursday.messages) == 1
    assert run(config, RunOptions(now=at("2026-11-26T10:00:00+00:00"))).held == ()
    assert len(list((tmp_path / "outbox").glob("*.eml"))) == 2


def test_baseline_is_not_held(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples" / "notes", tmp_path / "notes")
    config = config_for(tmp_path, **THURSDAY_LONDON)
    report = run(config, RunOptions(now=at("2026-11-17T09:30:00+00:00"), baseline=True))
    assert len(report.new) == 5 and report.held == ()
    assert (tmp_path / "state.json").exists()


def test_ci_run_outside_the_window_reports_what_waits(tmp_path: Path, monkeypatch: Any) -> None:
    shutil.copytree(REPO / "examples" / "notes", tmp_path / "notes")
    (tmp_path / "digest.toml").write_text(
        '[notes]\npath = "notes"\n[schedule]\nmode = "scheduled"\ntimezone = "Europe/London"\n'
        'send_days = ["thu"]\n'
    )
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    args = ["ci", "--summary", str(summary), "--now", "2026-11-21T12:00:00+00:00"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Held: 5 new notes; outside the send window; waits until Thu 26 Nov 2026 09:00 GMT" in (
        result.output
    )
    text = summary.read_text()
    assert text.startswith("## digest: 5 new notes held for the window, 0 sent\n")
    assert "| 2026-03-05 | Lantern community call | `2026-03-05.md` |" in text
    assert not (tmp_path / ".digest" / "state.json").exists()


def test_a_run_outside_the_window_still_retries_what_is_queued(
    tmp_path: Path, smtp_server: SmtpServer
) -> None:
    shutil.copytree(REPO / "examples" / "notes", tmp_path / "notes")
    config = config_for(tmp_path, **THURSDAY_LONDON)
    down = replace(config, smtp=replace(config.smtp, host="127.0.0.1", port=free_port()))
    thursday = run(down, RunOptions(now=at("2026-11-19T09:30:00+00:00")))
    assert len(thursday.new) == 5 and thursday.delivery_error

    (tmp_path / "notes" / "2026-11-24.md").write_text(EXTRA_NOTE)
    up = replace(config, smtp=replace(config.smtp, host=smtp_server.host, port=smtp_server.port))
    tuesday = run(up, RunOptions(now=at("2026-11-24T18:00:00+00:00")))
    assert [n.date for n in tuesday.held] == ["2026-11-24"]
    assert tuesday.delivery is not None and tuesday.delivery.delivered == 1
    assert len(smtp_server.messages) == 1, "Thursday's digest, not the held note"
