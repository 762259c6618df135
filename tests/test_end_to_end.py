"""The foundation's acceptance: README command 1 on the example notes, seeds, MirageOS end to end.
"""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

import feedparser
from typer.testing import CliRunner

from digest.cli import app

from .conftest import SmtpServer, git, run_digest

NEW_NOTE = """---
updated: 2024-11-20
author:
  name: Test Chair
subject: 'Weekly Meeting: 2024-11-20'
---

### Agenda ###

- Unikernel build times
- Release planning

Attendees: Ada Lovelace (chair), Alan Turing, Grace Hopper

### Notes ###

#### Unikernel build times ####

Build times have doubled since the last release because the dependency solver
now runs twice. We agreed to cache the solver result in the build directory.
Alan will write the cache patch and measure the gain on the CI machines.

#### Release planning ####

The release is blocked on two open bugs in the network stack. Grace to triage
both bugs and report back on the mailing list before the next call.

The next call is scheduled for Wednesday, 4th December.
"""


def _files(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_example_run_writes_one_digest_and_a_feed_then_nothing(example_project: Path) -> None:
    first = run_digest("run", "--json", cwd=example_project)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert [n["date"] for n in report["new"]] == [
        "2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05"
    ]
    assert len(report["messages"]) == 1 and report["sent"] == 0
    eml = Path(report["messages"][0])
    assert eml.parent == example_project / "outbox" and eml.suffix == ".eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Lantern community call" in text and "Next call: Thursday 19 March 2026" in text
    assert message["Subject"] == (
        "Lantern community call digest: 5 new notes (8 Jan – 5 Mar 2026)"
    )

    feed = feedparser.parse(Path(report["feed"]).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == 5

    before = _files(example_project)
    second = run_digest("run", "--json", cwd=example_project)
    assert second.returncode == 0, second.stderr
    again = json.loads(second.stdout)
    assert again["new"] == [] and again["messages"] == []
    assert _files(example_project) == before, "a run with nothing new must write nothing"
    human = run_digest("run", cwd=example_project)
    assert "Nothing new." in human.stdout


def test_extract_seeds_next_call(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    result = CliRunner().invoke(app, ["extract", *map(str, seeds), "--json"])
    assert result.exit_code == 0, result.output
    by_seed = {Path(item["path"]).name[:3]: item for item in json.loads(result.stdout)}
    assert (by_seed["001"]["date"], by_seed["001"]["next_call"]) == ("2014-11-12", "2014-12-10")
    assert (by_seed["000"]["date"], by_seed["000"]["next_call"]) == ("2015-09-30", "2015-10-14")
    assert (by_seed["002"]["date"], by_seed["002"]["next_call"]) == ("2016-03-02", "2016-03-16")
    for item in by_seed.values():
        assert set(item) >= {"path", "title", "date", "attendees", "agenda", "decisions",
                             "actions", "next_call"}
        assert all(isinstance(name, str) for name in item["attendees"])
        assert all(set(a) >= {"owner", "task"} for a in item["actions"])


def test_mirage_baseline_then_one_new_note_is_delivered(
    mirage_repo: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    work = tmp_path / "run"
    work.mkdir()
    baseline = run_digest("run", "--notes", str(mirage_repo), "--glob", "data/weekly/*.md",
                          "--baseline", "--json", cwd=work)
    assert baseline.returncode == 0, baseline.stderr
    report = json.loads(baseline.stdout)
    assert report["baseline"] is True and report["messages"] == [] and report["sent"] == 0
    state = json.loads((work / ".digest" / "state.json").read_text())
    assert len(state["notes"]) == 51
    assert {r["status"] for r in state["notes"].values()} == {"baseline"}
    assert not list((work / "outbox").glob("*.eml"))

    (mirage_repo / "data" / "weekly" / "2024-11-20.md").write_text(NEW_NOTE)
    git(mirage_repo, "add", "data/weekly/2024-11-20.md")
    git(mirage_repo, "commit", "-q", "-m", "add minutes for 2024-11-20")

    sent = run_digest("run", "--smtp", smtp_server.address, "--to", "list@example.org",
                      "--json", cwd=work)
    assert sent.returncode == 0, sent.stderr
    report = json.loads(sent.stdout)
    assert [n["date"] for n in report["new"]] == ["2024-11-20"]
    assert report["sent"] == 1
    assert len(smtp_server.messages) == 1
    received = smtp_server.messages[0]
    assert received.rcpt_tos == ["list@example.org"]
    message = email.message_from_bytes(received.data, policy=policy.default)
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Weekly Meeting: 2024-11-20" in text
    assert "2015" not in message["Subject"] and "1 new note" in message["Subject"]
    assert "Alan Turing: write the cache patch" in " ".join(text.split())
    assert "Next call: Wednesday 4 December 2024" in text

    again = run_digest("run", "--smtp", smtp_server.address, "--to", "list@example.org",
                       "--json", cwd=work)
    assert json.loads(again.stdout)["new"] == []
    assert len(smtp_server.messages) == 1, "a second run must not send again"
