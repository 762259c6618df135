"""`digest ci`: one unattended run on a CI runner whose disk is thrown away afterwards.

    restore state → run → persist state → job summary → exit code

A CI job starts from a fresh checkout, so what the next run must know is
kept on a branch of the notes repository (`--state-branch digest-state`):
the state file and what the outbox holds besides its sent/ and failed/
archive (queued messages and their bookkeeping), as one commit by a bot. The
two travel together, so a digest that was queued but not delivered (SMTP
down) is still queued on the next run, which retries it; a digest that went
out is recorded as published, so it is not composed again. The branch is
written with git plumbing (a private index, `commit-tree`, a plain push),
never touching the checked-out notes; a push that is not a fast-forward
fails loudly instead of overwriting a newer state.
"""

from __future__ import annotations

import logging
import os
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config
from .errors import ConfigError, DeliveryError, DigestError, NoteError, StateError
from .parse import one_line
from .pipeline import RunOptions, RunReport, run
from .state import write_atomic

log = logging.getLogger(__name__)

BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
STATE_NAME = "state.json"
OUTBOX_FOLDER = "outbox"


@dataclass(frozen=True)
class StateBranch:
    """The state file and pending outbox, kept as the tip commit of one branch of `remote`."""

    repo: Path
    branch: str
    remote: str = "origin"

    @property
    def ref(self) -> str:
        return f"refs/digest/{self.branch}"

    def _git(
        self, *args: str, data: bytes | None = None, env: Mapping[str, str] | None = None
    ) -> bytes:
        done = subprocess.run(
            ["git", "-C", str(self.repo), *args],
            input=data,
            capture_output=True,
            env={**os.environ, **(env or {})},
            check=False,
        )
        if done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise StateError(
                f"git {args[0]} failed: {lines[-1] if lines else done.returncode}",
                path=self.repo,
                hint=f"the state is kept on branch {self.branch!r} of remote {self.remote!r}; "
                "the job needs permission to push to it (contents: write)",
            )
        return done.stdout

    def restore(self, config: Config) -> str | None:
        """Copy the state file and pending messages from the branch; its tip, None when new."""
        listed = subprocess.run(
            [
                "git",
                "-C",
                str(self.repo),
                "ls-remote",
                "--exit-code",
                self.remote,
                f"refs/heads/{self.branch}",
            ],
            capture_output=True,
            check=False,
        )
        if listed.returncode == 2:
            log.info("no branch %s on %s yet: first run", self.branch, self.remote)
            return None
        if listed.returncode != 0:
            raise StateError(
                f"cannot reach remote {self.remote!r}: "
                + listed.stderr.decode("utf-8", "replace").strip(),
                path=self.repo,
                hint="without the saved state digest would mail every note again; fix access",
            )
        self._git("fetch", "-q", "--no-tags", self.remote, f"+refs/heads/{self.branch}:{self.ref}")
        tip = self._git("rev-parse", "--verify", f"{self.ref}^{{commit}}").decode().strip()
        listing = self._git("ls-tree", "-r", "-z", "--name-only", tip).split(b"\0")
        names = [n.decode("utf-8", "surrogateescape") for n in listing if n]
        # A queued .eml marks its job pending, so it is written after the files beside it.
        for name in sorted(names, key=lambda n: (n.endswith(".eml"), n)):
            folder, _, filename = name.rpartition("/")
            if name == STATE_NAME:
                target = config.paths.state
            elif folder == OUTBOX_FOLDER and not filename.startswith("."):
                target = config.paths.outbox / filename
            else:
                continue
            write_atomic(target, self._git("cat-file", "blob", f"{tip}:{name}"))
        log.info("restored state from %s %s at %s", self.remote, self.branch, tip[:12])
        return tip

    def persist(self, config: Config, parent: str | None, message: str) -> str | None:
        """Commit the state file and pending messages on top of `parent`, push; None: no change."""
        files = {}
        if config.paths.state.is_file():
            files[STATE_NAME] = config.paths.state.read_bytes()
        for path in pending_files(config.paths.outbox):
            files[f"{OUTBOX_FOLDER}/{path.name}"] = path.read_bytes()
        with tempfile.TemporaryDirectory(prefix="digest-index-") as scratch:
            index = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
            for name, data in sorted(files.items()):
                blob = self._git("hash-object", "-w", "--stdin", data=data).decode().strip()
                self._git(
                    "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=index
                )
            tree = self._git("write-tree", env=index).decode().strip()
        if parent is not None:
            if self._git("rev-parse", f"{parent}^{{tree}}").decode().strip() == tree:
                return None
        elif not files:
            return None
        bot = {
            "GIT_AUTHOR_NAME": BOT_NAME,
            "GIT_AUTHOR_EMAIL": BOT_EMAIL,
            "GIT_COMMITTER_NAME": BOT_NAME,
            "GIT_COMMITTER_EMAIL": BOT_EMAIL,
        }
        parents = ["-p", parent] if parent else []
        commit = self._git("commit-tree", tree, *parents, "-m", message, env=bot).decode().strip()
        self._git("push", "-q", self.remote, f"{commit}:refs/heads/{self.branch}")
        log.info("pushed state to %s %s at %s", self.remote, self.branch, commit[:12])
        return commit


def pending_files(outbox: Path) -> list[Path]:
    """What the outbox holds at its top level: queued messages and their bookkeeping.

    `sent/` and `failed/` are the archive, not needed to resume; whatever else the outbox
    keeps beside its queued messages (recipient lists, journals, suppressions) is.
    """
    if not outbox.is_dir():
        return []
    return sorted(p for p in outbox.iterdir() if p.is_file() and not p.name.startswith("."))


@dataclass(frozen=True)
class CiResult:
    report: RunReport | None
    error: DigestError | None = None
    notes: tuple[str, ...] = ()  # what restore and persist did, for the summary

    @property
    def problem(self) -> tuple[int, str] | None:
        """Exit code and one line, whenever a person should look: delivery, bad notes, errors."""
        if self.error is not None:
            return self.error.exit_code, f"{self.error.kind} error: {self.error}"
        assert self.report is not None
        report, delivery = self.report, self.report.delivery
        if report.delivery_error:
            return DeliveryError.exit_code, f"delivery failed: {report.delivery_error}"
        if delivery and (delivery.deferred or delivery.failed):
            return DeliveryError.exit_code, (
                f"delivery: {delivery.deferred} messages deferred (retried next run), "
                f"{delivery.failed} refused for good"
            )
        if report.errors:
            return NoteError.exit_code, f"{len(report.errors)} notes could not be read"
        return None

    @property
    def exit_code(self) -> int:
        return self.problem[0] if self.problem else 0


def run_ci(config: Config, options: RunOptions, state_branch: str | None) -> CiResult:
    """Restore, run, and persist whatever the run left on disk, even when it failed half-way."""
    if state_branch is None:
        try:
            return CiResult(run(config, options))
        except DigestError as exc:
            return CiResult(None, exc)
    if config.notes.path is None:
        return CiResult(
            None, ConfigError("--state-branch needs the notes repository", hint="pass --notes PATH")
        )
    store = StateBranch(config.notes.path, state_branch)
    notes: list[str] = []
    try:
        tip = store.restore(config)
    except DigestError as exc:  # never run without the saved state: it would mail everything
        return CiResult(None, exc)
    notes.append(
        f"state restored from branch `{state_branch}` ({tip[:12]})"
        if tip
        else f"no branch `{state_branch}` yet: first run"
    )
    report: RunReport | None = None
    error: DigestError | None = None
    try:
        report = run(config, options)
    except DigestError as exc:
        error = exc
    try:
        pushed = store.persist(config, tip, f"digest state after {options.now.isoformat()}")
        notes.append(
            f"state saved to branch `{state_branch}` ({pushed[:12]})"
            if pushed
            else "state unchanged: nothing pushed"
        )
    except DigestError as exc:
        notes.append(f"state NOT saved: {exc}")
        error = error or exc
    return CiResult(report, error, tuple(notes))


def _cell(text: str) -> str:
    """Markdown text on one line; a `|` would end a table cell."""
    return one_line(text).replace("|", "\\|")


def summary_markdown(result: CiResult) -> str:
    """The job summary, from the same `--json` report that `digest run --json` prints."""
    if result.report is None:
        assert result.error is not None
        lines = [
            "## digest: failed",
            "",
            f"**{result.error.kind} error** (exit {result.exit_code}): {_cell(str(result.error))}",
            "",
            *[f"- {n}" for n in result.notes],
        ]
        return "\n".join(lines).rstrip() + "\n"
    report: dict[str, Any] = result.report.to_json()
    delivery = report["delivery"]
    new, held = report["new"], report["held"]
    if report["baseline"]:
        headline = f"baseline: {len(new)} notes recorded as already published"
    elif new:
        headline = f"{len(new)} new {'note' if len(new) == 1 else 'notes'} queued"
    elif held:
        headline = f"{len(held)} new {'note' if len(held) == 1 else 'notes'} held for the window"
    else:
        headline = "nothing new"
    lines = [f"## digest: {headline}, {report['sent']} sent", ""]
    if result.problem:
        code, line = result.problem
        lines += [f"**Needs attention** (exit {code}): {_cell(line)}", ""]
    for title, items in (("New", new), ("Held for the send window", held)):
        if items:
            lines += [f"### {title}", "", "| date | title | file |", "|---|---|---|"]
            lines += [
                f"| {n['date']} | {_cell(n['title'])} | `{_cell(n['path'])}` |" for n in items
            ]
            lines.append("")
    if report["schedule"]:
        lines += [f"Schedule: {_cell(report['schedule']['reason'])}.", ""]
    lines += [
        "### Delivery",
        "",
        f"{delivery['delivered']} delivered, {delivery['deferred']} deferred (retried next run), "
        f"{delivery['failed']} refused, {delivery['suppressed']} suppressed.",
        "",
    ]
    if delivery["error"]:
        lines += [f"**Delivery failed:** {_cell(delivery['error'])}", ""]
    for title, items in (
        ("Errors", report["errors"]),
        ("Edited", [f"{n['date']} {n['path']}" for n in report["updated"]]),
        ("Waiting for content", [f"{n['date']} {n['path']}" for n in report["stubs"]]),
        ("Remarks", report["remarks"]),
        ("Run", list(result.notes)),
    ):
        if items:
            lines += [f"### {title}", "", *[f"- {_cell(i)}" for i in items], ""]
    return "\n".join(lines).rstrip() + "\n"
