"""`digest ci`, the workflow's one entry point, as the scheduled job runs it.

Every run starts from a fresh shallow clone (what actions/checkout gives), as a CI runner
does; the state and the undelivered messages live only on the `digest-state` branch of the
notes repository between runs.
"""

from __future__ import annotations

import email
import json
import os
import shutil
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from .conftest import REPO, SmtpServer, free_port, git, run_digest
from .test_schedule import EXTRA_NOTE
from .test_workflows import entry_point_steps, load

BRANCH = "digest-state"


@pytest.fixture
def origin(tmp_path: Path) -> Path:
    """A bare notes repository with our example notes under data/weekly/, MirageOS-style."""
    work = tmp_path / "author"
    (work / "data").mkdir(parents=True)
    shutil.copytree(REPO / "examples" / "notes", work / "data" / "weekly")
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "data")
    git(work, "commit", "-q", "-m", "minutes so far")
    bare = tmp_path / "notes.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    return bare


def shallow_clone(origin: Path, target: Path) -> Path:
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(target)], check=True
    )
    assert git(target, "rev-parse", "--is-shallow-repository").strip() == "true"
    return target


def ci(checkout: Path, smtp: str, *extra: str) -> tuple[int, dict[str, object], str]:
    """Run the entry point as digest.yml does: in the checkout, state kept on a branch."""
    summary = checkout.parent / f"{checkout.name}-summary.md"
    done = run_digest(
        "ci",
        "--notes",
        ".",
        "--glob",
        "data/weekly/*.md",
        "--smtp",
        smtp,
        "--to",
        "list@example.org",
        "--state-branch",
        BRANCH,
        "--summary",
        str(summary),
        "--json",
        *extra,
        cwd=checkout,
        env={"GITHUB_STEP_SUMMARY": ""},
    )
    report = json.loads(done.stdout) if done.stdout.strip() else {}
    return done.returncode, report, summary.read_text() + done.stderr


def on_branch(origin: Path, path: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(origin), "show", f"{BRANCH}:{path}"], capture_output=True, check=True
    ).stdout


def branch_files(origin: Path) -> list[str]:
    return git(origin, "ls-tree", "-r", "--name-only", BRANCH).split()


def test_two_runs_on_fresh_shallow_clones_deliver_once(
    origin: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    first_clone = shallow_clone(origin, tmp_path / "run1")
    code, report, summary = ci(first_clone, smtp_server.address)
    assert code == 0, summary
    assert [n["date"] for n in report["new"]] == [
        "2026-01-08",
        "2026-01-22",
        "2026-02-05",
        "2026-03-05",
    ]
    assert report["sent"] == 1 and len(smtp_server.messages) == 1
    assert "## digest: 4 new notes queued, 1 sent" in summary
    assert f"no branch `{BRANCH}` yet: first run" in summary
    # What the workflow persists is exactly the state this run left behind.
    persisted = on_branch(origin, "state.json")
    assert persisted == (first_clone / ".digest" / "state.json").read_bytes()
    assert branch_files(origin) == ["state.json"], "nothing left to deliver"
    author = git(origin, "log", "-1", "--format=%an <%ae>", BRANCH).strip()
    assert author == "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>"

    second_clone = shallow_clone(origin, tmp_path / "run2")
    code, report, summary = ci(second_clone, smtp_server.address)
    assert code == 0, summary
    assert report["new"] == [] and report["sent"] == 0
    assert len(smtp_server.messages) == 1, "the second run must not send again"
    assert "## digest: nothing new, 0 sent" in summary
    assert "state restored from branch" in summary
    # The next run read the persisted state: same notes, same issue, nothing re-published.
    read_back = json.loads((second_clone / ".digest" / "state.json").read_text())
    assert read_back["notes"] == json.loads(persisted)["notes"]
    assert read_back["issues"] == json.loads(persisted)["issues"]


def test_failed_delivery_fails_the_job_and_the_next_run_retries_it(
    origin: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    code, _report, summary = ci(shallow_clone(origin, tmp_path / "run1"), smtp_server.address)
    assert code == 0, summary

    author = tmp_path / "author"
    (author / "data" / "weekly" / "2026-11-24.md").write_text(EXTRA_NOTE)
    git(author, "add", "data")
    git(author, "commit", "-q", "-m", "minutes of 24 November")
    git(author, "push", "-q", str(origin), "main")

    nobody = f"127.0.0.1:{free_port()}"  # SMTP relay down
    code, report, summary = ci(shallow_clone(origin, tmp_path / "run2"), nobody)
    assert code == 8, summary
    assert [n["date"] for n in report["new"]] == ["2026-11-24"] and report["sent"] == 0
    assert "**Needs attention** (exit 8): delivery failed: " in summary
    kept = [f for f in branch_files(origin) if f.startswith("outbox/")]
    pending = [f for f in kept if f.endswith(".eml")]
    assert len(pending) == 1, "the queued digest is kept"
    job = pending[0].removesuffix(".eml")
    assert {f"{job}.rcpt", f"{job}.journal"} <= set(kept), "with what resuming it needs"

    code, report, summary = ci(shallow_clone(origin, tmp_path / "run3"), smtp_server.address)
    assert code == 0, summary
    assert report["new"] == [] and report["sent"] == 1
    assert len(smtp_server.messages) == 2
    retried = email.message_from_bytes(smtp_server.messages[1].data, policy=policy.default)
    assert "1 new note" in retried["Subject"]
    assert git(origin, "show", f"{BRANCH}~1:{pending[0]}"), "kept in the branch's history"
    assert branch_files(origin) == ["state.json"], "delivered: no longer pending"

    code, report, summary = ci(shallow_clone(origin, tmp_path / "run4"), smtp_server.address)
    assert (code, report["sent"], len(smtp_server.messages)) == (0, 0, 2), summary


def test_unreachable_state_branch_stops_before_anything_is_sent(
    origin: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    checkout = shallow_clone(origin, tmp_path / "run1")
    git(checkout, "remote", "set-url", "origin", str(tmp_path / "gone.git"))
    code, report, summary = ci(checkout, smtp_server.address)
    assert code == 6 and report == {}
    assert "## digest: failed" in summary and "cannot reach remote 'origin'" in summary
    assert smtp_server.messages == []
    assert not (checkout / ".digest" / "state.json").exists()


def run_step(step: dict[str, object], cwd: Path, env: dict[str, str]) -> str:
    """Run a workflow step's script as the runner does (bash -e -o pipefail), `digest` on PATH."""
    path = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", str(step["run"])],
        cwd=cwd,
        env={
            **os.environ,
            "PATH": path,
            "GITHUB_STEP_SUMMARY": str(cwd.parent / "summary.md"),
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return (cwd.parent / "summary.md").read_text()


def test_the_action_script_runs_digest_ci_with_its_inputs(
    origin: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    (step,) = entry_point_steps(load(REPO / "action.yml"))
    inputs = {
        "NOTES": ".",
        "GLOB": "data/weekly/*.md",
        "CONFIG": "",
        "STATE_BRANCH": BRANCH,
        "BASELINE": "false",
        "TO": "list@example.org, other@example.org",
        "SMTP_HOST": smtp_server.host,
        "SMTP_PORT": str(smtp_server.port),
        "SMTP_SECURITY": "plain",
        "SMTP_USERNAME": "",
        "DIGEST_SMTP_PASSWORD": "",
    }
    summary = run_step(step, shallow_clone(origin, tmp_path / "run1"), inputs)
    assert "## digest: 4 new notes queued, 2 sent" in summary
    assert sorted(r for m in smtp_server.messages for r in m.rcpt_tos) == [
        "list@example.org",
        "other@example.org",
    ]
    assert branch_files(origin) == ["state.json"]
    summary = run_step(step, shallow_clone(origin, tmp_path / "run2"), inputs)
    assert "## digest: nothing new, 0 sent" in summary and len(smtp_server.messages) == 2


def test_the_digest_workflow_step_runs_on_this_repositorys_config(
    smtp_server: SmtpServer, tmp_path: Path
) -> None:
    """digest.yml's own command, in a checkout of a repository laid out like this one."""
    author = tmp_path / "author"
    shutil.copytree(REPO / "examples" / "notes", author / "examples" / "notes")
    shutil.copy(REPO / "digest.toml", author / "digest.toml")
    git(author, "init", "-q", "-b", "main")
    git(author, "add", ".")
    git(author, "commit", "-q", "-m", "notes and config")
    bare = tmp_path / "repo.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(author), str(bare)], check=True)
    workflow = load(REPO / ".github" / "workflows" / "digest.yml")
    (step,) = entry_point_steps(workflow)
    (upload,) = [
        s for s in workflow["jobs"]["digest"]["steps"] if "upload-pages" in s.get("uses", "")
    ]
    env = {
        "BASELINE": "",
        "DIGEST_SMTP_HOST": smtp_server.host,
        "DIGEST_SMTP_PORT": str(smtp_server.port),
        "DIGEST_SMTP_SECURITY": "plain",
        "DIGEST_SMTP_USERNAME": "",
        "DIGEST_SMTP_PASSWORD": "",
    }
    summary = run_step(step, shallow_clone(bare, tmp_path / "checkout"), env)
    assert "## digest: 5 new notes queued, 1 sent" in summary
    assert "state saved to branch `digest-state`" in summary
    assert smtp_server.messages[0].rcpt_tos == ["lantern-dev@lists.example.org"]
    published = {p.name for p in (tmp_path / "checkout" / upload["with"]["path"]).iterdir()}
    assert {"feed.atom", "calls.ics", "index.html"} <= published, "what Pages serves"


def test_the_digest_workflow_baseline_input_sends_nothing(
    origin: Path, smtp_server: SmtpServer, tmp_path: Path
) -> None:
    """workflow_dispatch with baseline: true, as the first run over an existing archive."""
    (tmp_path / "author" / "digest.toml").write_text('[notes]\nglob = ["data/weekly/*.md"]\n')
    git(tmp_path / "author", "add", "digest.toml")
    git(tmp_path / "author", "commit", "-q", "-m", "digest config")
    git(tmp_path / "author", "push", "-q", str(origin), "main")
    (step,) = entry_point_steps(load(REPO / ".github" / "workflows" / "digest.yml"))
    env = {"DIGEST_SMTP_HOST": smtp_server.host, "DIGEST_SMTP_PORT": str(smtp_server.port)}
    summary = run_step(step, shallow_clone(origin, tmp_path / "run1"), {**env, "BASELINE": "true"})
    assert "## digest: baseline: 4 notes recorded as already published, 0 sent" in summary
    summary = run_step(step, shallow_clone(origin, tmp_path / "run2"), {**env, "BASELINE": ""})
    assert "## digest: nothing new, 0 sent" in summary and smtp_server.messages == []
