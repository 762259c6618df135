"""SMTP down, TLS broken, password wrong: exit 8, a line naming what to fix, the queue kept.

Written against the CLI (`digest run --smtp`, `digest send`), so it holds
whatever delivery does inside. The last test runs a whole `digest run -vv` at
DEBUG against a real aiosmtpd with AUTH and greps everything logged for the
password and the recipients' addresses.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from ..conftest import REPO, RecordingHandler, free_port, run_digest

PASSWORD = "pw-9f3c1e77-do-not-log"
USERNAME = "digest-bot"
# A local relay that takes AUTH over plain SMTP, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
RECIPIENTS = ["ada.subscriber@example.org", "alan.subscriber@example.net"]


def _authenticator(
    server: object, session: object, envelope: object, mechanism: str, auth_data: object
) -> AuthResult:
    login = (getattr(auth_data, "login", None), getattr(auth_data, "password", None))
    return AuthResult(success=login == (USERNAME.encode(), PASSWORD.encode()), handled=False)


@pytest.fixture
def auth_server() -> Iterator[tuple[RecordingHandler, int]]:
    """A real aiosmtpd on 127.0.0.1 that requires AUTH (over plain SMTP, as a local relay)."""
    handler = RecordingHandler()
    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=_authenticator,
        auth_required=True, auth_require_tls=False,
    )
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "notes")
    return project


def _run(project: Path, port: int, *extra: str, env: dict[str, str] | None = None) -> Any:
    args = ["run", "--notes", "notes", "--smtp", f"127.0.0.1:{port}", "--json", *extra]
    for address in RECIPIENTS:
        args += ["--to", address]
    done = run_digest(*args, cwd=project, env={
        "DIGEST_SMTP_TIMEOUT": "5", "DIGEST_SMTP_RETRIES": "0", **(env or {})})
    return done.returncode, json.loads(done.stdout) if done.stdout.strip() else None, done


def _queued(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "outbox").glob("*.eml"))


def _published(project: Path) -> set[str]:
    state = json.loads((project / ".digest" / "state.json").read_text())
    return {r["date"] for r in state["notes"].values() if r["status"] == "published"}


def _delivers_once_when_fixed(
    project: Path, handler: RecordingHandler, port: int, queued: list[str]
) -> None:
    """`digest send` with the right settings delivers the kept queue; nothing is sent twice."""
    env = {"DIGEST_SMTP_USERNAME": USERNAME, "DIGEST_SMTP_PASSWORD": PASSWORD}
    done = run_digest("send", "--smtp", f"127.0.0.1:{port}", "--json", cwd=project, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["delivered"] == len(RECIPIENTS)
    assert sorted(r for m in handler.messages for r in m.rcpt_tos) == sorted(RECIPIENTS)
    assert sorted(p.name for p in (project / "outbox" / "sent").glob("*.eml")) == queued
    again = run_digest("run", "--notes", "notes", "--smtp", f"127.0.0.1:{port}", "--json",
                       cwd=project, env=env)
    assert again.returncode == 0 and json.loads(again.stdout)["new"] == []
    assert len(handler.messages) == len(RECIPIENTS)


def _failed_run_kept_everything(project: Path, code: int, report: Any, done: Any) -> list[str]:
    assert code == 8, done.stderr
    assert len(report["new"]) == 5 and report["sent"] == 0
    queued = _queued(project)
    assert len(queued) == 1, "the digest stays queued"
    assert _published(project) == {n["date"] for n in report["new"]}, "recorded as queued"
    assert PASSWORD not in done.stdout + done.stderr
    return queued


def test_smtp_unreachable(tmp_path: Path, auth_server: tuple[RecordingHandler, int]) -> None:
    project = _project(tmp_path)
    closed = free_port()
    code, report, done = _run(project, closed)
    queued = _failed_run_kept_everything(project, code, report, done)
    error = report["delivery"]["error"]
    assert f"127.0.0.1:{closed}" in error and "connect" in error.lower(), error
    handler, port = auth_server
    _delivers_once_when_fixed(project, handler, port, queued)


def test_tls_handshake_failure(tmp_path: Path, auth_server: tuple[RecordingHandler, int]) -> None:
    """security = tls against a server that speaks plain SMTP on that port."""
    handler, port = auth_server
    project = _project(tmp_path)
    code, report, done = _run(project, port, env={"DIGEST_SMTP_SECURITY": "tls"})
    queued = _failed_run_kept_everything(project, code, report, done)
    error = report["delivery"]["error"]
    assert "TLS" in error and f"127.0.0.1:{port}" in error, error
    assert not handler.messages
    _delivers_once_when_fixed(project, handler, port, queued)


def test_wrong_password(tmp_path: Path, auth_server: tuple[RecordingHandler, int]) -> None:
    handler, port = auth_server
    project = _project(tmp_path)
    env = {"DIGEST_SMTP_USERNAME": USERNAME, "DIGEST_SMTP_PASSWORD": "not-" + PASSWORD}
    code, report, done = _run(project, port, env=env)
    queued = _failed_run_kept_everything(project, code, report, done)
    error = report["delivery"]["error"]
    assert "login" in error.lower() and "DIGEST_SMTP_PASSWORD" in error, error
    assert "not-" + PASSWORD not in done.stdout + done.stderr
    assert not handler.messages
    _delivers_once_when_fixed(project, handler, port, queued)


def test_send_says_what_failed_in_one_line(tmp_path: Path) -> None:
    project = _project(tmp_path)
    code, _report, _done = _run(project, free_port(), "--no-send")
    assert code == 0
    closed = free_port()
    done = run_digest("send", "--smtp", f"127.0.0.1:{closed}", cwd=project,
                      env={"DIGEST_SMTP_TIMEOUT": "5"})
    assert done.returncode == 8
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("digest: delivery error: "), done.stderr
    assert f"127.0.0.1:{closed}" in lines[0]
    assert len(_queued(project)) == 1


def test_debug_log_of_a_whole_run_has_no_password_or_address(
    tmp_path: Path, auth_server: tuple[RecordingHandler, int]
) -> None:
    handler, port = auth_server
    project = _project(tmp_path)
    env = {"DIGEST_SMTP_USERNAME": USERNAME, "DIGEST_SMTP_PASSWORD": PASSWORD,
           "PYTHONASYNCIODEBUG": "1"}
    code, report, done = _run(project, port, "-vv", env=env)
    assert code == 0, done.stderr
    assert report["sent"] == len(RECIPIENTS) and len(handler.messages) == len(RECIPIENTS)
    log = done.stderr
    assert "DEBUG" in log and "INFO" in log, "the run logged at DEBUG"
    assert PASSWORD not in log
    for address in RECIPIENTS:
        local = address.split("@")[0]
        assert local not in log, f"{address} appears in the log"
    assert PASSWORD not in json.dumps(report)
