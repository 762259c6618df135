"""Shared fixtures: the ../shared material, real git repositories, a real SMTP server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIGEST_SHARED", REPO.parent / "shared"))
# Debian's chromium, as the browser tests launch it: no sandbox as root, and none of the
# background connections this machine's closed network would refuse.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Author",
    "GIT_AUTHOR_EMAIL": "author@example.org",
    "GIT_COMMITTER_NAME": "Test Author",
    "GIT_COMMITTER_EMAIL": "author@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": str(REPO / "tests"),  # no user git config leaks in
}


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds and the MirageOS bundle); required."""
    if not (SHARED / "corpus" / "mirage-weekly.bundle").is_file():
        pytest.fail(f"{SHARED} is missing: the tests need ../shared beside the repository")
    return SHARED


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
        check=False,
    )
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {done.stderr}")
    return done.stdout


@pytest.fixture(scope="session")
def mirage_origin(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One clone of the bundle per session; tests clone from it (cheap, local)."""
    target = tmp_path_factory.mktemp("origin") / "mirage-weekly"
    subprocess.run(
        ["git", "clone", "-q", str(shared_dir / "corpus" / "mirage-weekly.bundle"), str(target)],
        check=True,
    )
    return target


@pytest.fixture
def mirage_repo(mirage_origin: Path, tmp_path: Path) -> Path:
    """A fresh work tree of the MirageOS notes history that the test may change."""
    target = tmp_path / "mirage-weekly"
    subprocess.run(["git", "clone", "-q", str(mirage_origin), str(target)], check=True)
    return target


@dataclass
class ReceivedMessage:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class RecordingHandler:
    messages: list[ReceivedMessage] = field(default_factory=list)

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.messages.append(
            ReceivedMessage(
                envelope.mail_from,  # type: ignore[attr-defined]
                list(envelope.rcpt_tos),  # type: ignore[attr-defined]
                bytes(envelope.original_content or envelope.content),  # type: ignore[attr-defined]
            )
        )
        return "250 OK"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def messages(self) -> list[ReceivedMessage]:
        return self.handler.messages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_smtp(handler: RecordingHandler) -> Iterator[SmtpServer]:
    """Serve `handler` with a real aiosmtpd on a free 127.0.0.1 port for the block."""
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, handler)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real aiosmtpd server on 127.0.0.1 that records what it accepts."""
    with running_smtp(RecordingHandler()) as server:
        yield server


@pytest.fixture
def cli() -> CliRunner:
    return CliRunner()


def run_digest(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed `digest` command as a user would, in a subprocess."""
    return subprocess.run(
        [sys.executable, "-m", "digest", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=300,
    )


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """The bundled example notes and digest.toml, copied to a scratch folder (not a git repo)."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "examples" / "notes")
    shutil.copy(REPO / "digest.toml", project / "digest.toml")
    return project
