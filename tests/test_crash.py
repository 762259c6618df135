"""Acceptance: `digest send` to 10,000 recipients, SIGKILLed at 20 random moments.

A real SMTP server (aiosmtpd, in its own process) appends every recipient it
accepts to a file before it answers 250. After each kill `digest send` is
started again. Every recipient must get the digest; a recipient may get it
twice only if its message was in flight when a kill came: at most one per
connection, so at most K per kill.

Run directly, this file is that server: `python tests/test_crash.py PORT FILE`.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

RECIPIENTS = 10_000
KILLS = 20
CONNECTIONS = 4


def serve(port: int, accepted: Path) -> None:
    """An SMTP server that records each accepted recipient (one write, before the 250)."""
    from aiosmtpd.controller import Controller

    fd = os.open(accepted, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    class Recorder:
        async def handle_EHLO(
            self, server: object, session: object, envelope: object, hostname: str,
            responses: list[str],
        ) -> list[str]:
            session.host_name = hostname  # type: ignore[attr-defined]
            return [*responses[:-1], "250-PIPELINING", responses[-1]]

        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            os.write(fd, "".join(f"{r}\n" for r in envelope.rcpt_tos).encode())  # type: ignore[attr-defined]
            return "250 2.0.0 queued"

    controller = Controller(Recorder(), hostname="127.0.0.1", port=port)
    controller.start()
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


def _wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError("the SMTP server process did not start")


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for _ in handle)
    except FileNotFoundError:
        return 0


@pytest.mark.timeout(240)
def test_sigkill_at_20_moments_loses_nothing_and_duplicates_only_in_flight(
    tmp_path: Path,
) -> None:
    from digest.outbox import Outbox
    from tests.conftest import free_port
    from tests.test_deliver import addresses, queue

    accepted = tmp_path / "accepted.txt"
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, str(port), str(accepted)])
    try:
        _wait_for_port(port)
        outbox = Outbox(tmp_path / "outbox")
        to = addresses(RECIPIENTS)
        queue(outbox, "digest-crash", to, size=1000)
        command = [sys.executable, "-m", "digest", "send", "--outbox", str(outbox.root),
                   "--smtp", f"127.0.0.1:{port}"]
        env = {**os.environ, "DIGEST_SMTP_CONNECTIONS": str(CONNECTIONS)}
        chance = random.Random()
        kills = runs = 0
        while True:
            runs += 1
            before = _lines(accepted)
            send = subprocess.Popen(command, env=env, cwd=tmp_path,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if kills < KILLS:
                while send.poll() is None and _lines(accepted) == before:
                    time.sleep(0.01)  # wait until it is sending, then pick a moment
                time.sleep(chance.uniform(0.0, 0.25))
                if send.poll() is None:
                    send.send_signal(signal.SIGKILL)
                    kills += 1
            out, err = send.communicate(timeout=120)
            if send.returncode == 0 and kills >= KILLS:
                break
            assert send.returncode in (0, -signal.SIGKILL), err.decode()
            assert runs < KILLS + 10, "the send never finished"
    finally:
        server.terminate()
        server.wait(timeout=30)

    counts = Counter(accepted.read_text().split())
    missing = [a for a in to if counts[a] == 0]
    duplicates = sum(n - 1 for n in counts.values())
    print(
        f"\ncrash test: {RECIPIENTS} recipients, {kills} SIGKILLs, {runs} runs, "
        f"K={CONNECTIONS}: {len(counts)} received, {len(missing)} missing, "
        f"{duplicates} duplicates (bound {kills * CONNECTIONS}), "
        f"most copies of one message {max(counts.values())}"
    )
    assert not missing
    assert set(counts) == set(to)
    assert duplicates <= kills * CONNECTIONS
    assert out.decode().startswith("Delivery: ")
    assert not list(outbox.root.glob("*.eml")) and (outbox.sent_dir / "digest-crash.eml").exists()


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]))
