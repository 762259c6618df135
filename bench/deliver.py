"""Delivery throughput against Postfix's smtp-sink, with smtp-source as the reference.

usage: python bench/deliver.py [--messages N] [--connections K] [--memory-recipients N]

Starts `smtp-sink -u nobody 127.0.0.1:PORT 1024`, then in the same run:
  1. smtp-source -d -s K -m N -l 6000: what a C client gets from this sink on this machine;
  2. digest's delivery: N personalised ~6 KB messages (To, Message-ID and unsubscribe token
     spliced into one serialised digest) over K connections, for each journal fsync policy;
  3. peak memory (max RSS) of `digest send` to --memory-recipients recipients.
Prints the rates and ratios; the goal is ≥ 0.6 of smtp-source, and < 200 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.config import SmtpConfig, load_config  # noqa: E402
from digest.deliver import deliver  # noqa: E402
from digest.models import Digest  # noqa: E402
from digest.outbox import Outbox  # noqa: E402
from digest.recipients import PLACEHOLDER_TOKEN, Recipient, compose_template, rcpt_id  # noqa: E402
from digest.render import RenderedDigest  # noqa: E402

SINK = shutil.which("smtp-sink") or "/usr/sbin/smtp-sink"
SOURCE = shutil.which("smtp-source") or "/usr/sbin/smtp-source"
SIZE = 6000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit("smtp-sink did not start")


def template() -> tuple[bytes, str]:
    """A real compose() of a ~6 KB digest with an unsubscribe link per recipient."""
    config = load_config(
        None,
        env={},
        overrides={
            "mail": {
                "sender": "Digest <digest@example.org>",
                "unsubscribe_url": f"https://example.org/unsubscribe/{PLACEHOLDER_TOKEN}",
            }
        },
    )
    digest = Digest(
        id="5eed" * 16, volume=1, number=1, created=datetime(2026, 1, 1, tzinfo=UTC), entries=()
    )
    line = "Decided: ship the release candidate on Thursday; Anil to tag it.\n"
    text = line * ((SIZE - 1500) // 2 // len(line)) + f"Unsubscribe: https://example.org/u/{PLACEHOLDER_TOKEN}\n"
    html = "<p>" + text.replace("\n", "</p>\n<p>") + "</p>"
    data = compose_template(config, digest, RenderedDigest("Weekly digest", html, text))
    return data, digest.id


def queue(root: Path, count: int) -> Outbox:
    data, digest_id = template()
    outbox = Outbox(root)
    outbox.queue(
        "digest-bench",
        data,
        digest_id=digest_id,
        sender="digest@example.org",
        recipients=(
            Recipient(a, a, rcpt_id("token", a))
            for a in (f"reader{n}@example.net" for n in range(count))
        ),
    )
    return outbox


def smtp_source(port: int, n: int, k: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [SOURCE, "-d", "-s", str(k), "-m", str(n), "-l", str(SIZE), f"127.0.0.1:{port}"],
        check=True,
    )
    return n / (time.perf_counter() - start)


def ours(port: int, n: int, k: int, sync: int, folder: Path) -> tuple[float, int]:
    outbox = queue(folder, n)
    size = len(outbox.jobs()[0].path.read_bytes())
    config = SmtpConfig(host="127.0.0.1", port=port, connections=k, timeout=60, journal_sync=sync)
    start = time.perf_counter()
    report = deliver(outbox, config)
    rate = report.delivered / (time.perf_counter() - start)
    assert report.delivered == n, report
    shutil.rmtree(folder)
    return rate, size


def peak_memory(port: int, recipients: int, k: int, folder: Path) -> None:
    start = time.perf_counter()
    outbox = queue(folder, recipients)
    queued = time.perf_counter() - start
    env = {**os.environ, "DIGEST_SMTP_CONNECTIONS": str(k)}
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "digest", "send", "--outbox", str(outbox.root),
         "--smtp", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.PIPE,
    )
    out = child.stdout.read().decode().strip() if child.stdout else ""
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    print(f"digest send to {recipients:,} recipients: queued in {queued:.1f} s, sent in "
          f"{elapsed:.1f} s ({recipients / elapsed:,.0f} msg/s); peak memory "
          f"{usage.ru_maxrss / 1024:.0f} MB (goal < 200 MB); exit {status >> 8}: {out}")


SYNC_POLICIES = {
    16: "default journal_sync=16 (fsync every 16, at most 32 unsynced)",
    1: "journal_sync=1 (fsync per acceptance, group commit)",
    0: "journal_sync=0 (fsync at the end)",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=20_000)
    ap.add_argument("--connections", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=2, help="interleaved; the best of each counts")
    ap.add_argument("--memory-recipients", type=int, default=100_000)
    args = ap.parse_args()
    if not os.access(SINK, os.X_OK) or not os.access(SOURCE, os.X_OK):
        raise SystemExit("needs Postfix's smtp-sink and smtp-source (Debian package postfix)")
    n, k = args.messages, args.connections
    port = free_port()
    sink = subprocess.Popen([SINK, "-u", "nobody", f"127.0.0.1:{port}", "1024"])
    try:
        wait_for(port)
        reference = 0.0
        best = dict.fromkeys(SYNC_POLICIES, 0.0)
        size = 0
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(args.rounds):
                reference = max(reference, smtp_source(port, n, k))
                for sync in SYNC_POLICIES:
                    rate, size = ours(port, n, k, sync, Path(tmp) / "outbox")
                    best[sync] = max(best[sync], rate)
            print(f"smtp-source: {n} messages of {SIZE} bytes, {k} connections: "
                  f"{reference:,.0f} msg/s (best of {args.rounds})")
            for sync, label in SYNC_POLICIES.items():
                print(f"digest, {label}: {n} personalised messages of {size} bytes, "
                      f"{k} connections: {best[sync]:,.0f} msg/s, "
                      f"ratio {best[sync] / reference:.2f} (goal 0.6)")
            if args.memory_recipients:
                peak_memory(port, args.memory_recipients, k, Path(tmp) / "outbox-memory")
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
