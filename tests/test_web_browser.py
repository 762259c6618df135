"""Acceptance: a person subscribes in a real browser, confirms by mail, gets the digest,
unsubscribes with one click from the digest's List-Unsubscribe header, and gets no more.

Headless Debian chromium driven by Playwright; `digest serve`'s app under uvicorn on a free
port; a real aiosmtpd server; `digest run` as a subprocess, at INFO level, whose logs, outbox
file names, state and feed must not contain the address.
"""

from __future__ import annotations

import email
import re
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from digest.config import load_config
from digest.web import server

from .conftest import CHROMIUM, CHROMIUM_FLAGS, SmtpServer, free_port, run_digest

SECRET = "browser test secret, long enough"
ADDRESS = "Ada.Lovelace+digest@Example.ORG"
STORED = "Ada.Lovelace+digest@example.org"
NOTE = """---
title: Lantern community call
date: 2026-03-19
---

# Lantern community call, 19 March 2026

Attendees: Ada Lovelace, Alan Turing, Grace Hopper

## Release

We decided to ship the lamp firmware release on Friday after the last bug fix lands.
Alan will tag the release and write the announcement for the mailing list.
Grace to check the build farm before the tag and report any broken targets.

Next call: Thursday 2 April 2026.
"""


@pytest.fixture
def project(
    example_project: Path, smtp_server: SmtpServer, tmp_path: Path
) -> Iterator[dict[str, str]]:
    """The example project with [subscribers] on, its store in a data folder outside it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    store = tmp_path / "data" / "subscribers.db"
    config = example_project / "digest.toml"
    config.write_text(
        config.read_text()
        + f'\n[smtp]\nhost = "{smtp_server.host}"\nport = {smtp_server.port}\n'
        + f'\n[subscribers]\nenabled = true\npath = "{store}"\nbase_url = "{base}"\nport = {port}\n'
    )
    env = {"DIGEST_SECRET": SECRET}
    cfg = load_config(config, env=env)
    uv = server(cfg, clock=lambda: datetime.now(UTC))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield {"base": base, "secret": SECRET, **env}
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


def _messages_to(smtp_server: SmtpServer, address: str) -> list[EmailMessage]:
    return [
        email.message_from_bytes(m.data, policy=policy.default)  # type: ignore[misc]
        for m in smtp_server.messages
        if address in m.rcpt_tos
    ]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_subscribe_confirm_receive_unsubscribe_in_a_browser(
    project: dict[str, str], example_project: Path, smtp_server: SmtpServer
) -> None:
    from playwright.sync_api import sync_playwright

    env = {"DIGEST_SECRET": project["secret"]}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=CHROMIUM_FLAGS,
        )
        try:
            page = browser.new_page(java_script_enabled=False)  # the pages need none
            page.goto(project["base"] + "/")
            page.get_by_label("Your email address").fill(ADDRESS)
            page.get_by_role("button", name="Subscribe").click()
            assert "Check your inbox" in page.content()

            (confirmation,) = _messages_to(smtp_server, STORED)
            body = confirmation.get_body(("plain",)).get_content()  # type: ignore[union-attr]
            link = re.search(r"http://127\.0\.0\.1:\d+/confirm/\S+", body)
            assert link, body
            page.goto(link.group(0))
            page.get_by_role("button", name="Confirm subscription").click()
            assert "will receive the Lantern community call digest" in page.content()
        finally:
            browser.close()

    first = run_digest("run", "-v", cwd=example_project, env=env)
    assert first.returncode == 0, first.stderr
    (digest,) = [m for m in _messages_to(smtp_server, STORED) if "digest" in str(m["Subject"])]
    assert "lantern-dev@lists.example.org" not in str(digest["To"])  # one message per person
    header = str(digest["List-Unsubscribe"])
    url = re.search(r"<(http[^>]+/unsubscribe/[^>]+)>", header)
    assert url, header
    text = digest.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert url.group(1) in text  # the body links to the same personal page

    # Privacy: at INFO level the address is in no log line, file name, state or feed.
    for needle in (STORED, STORED.lower(), "Ada.Lovelace"):
        assert needle not in first.stderr and needle not in first.stdout
        for path in (example_project / ".digest", example_project / "public"):
            for file in path.rglob("*"):
                assert needle not in file.name
                assert not file.is_file() or needle.encode() not in file.read_bytes(), file
        assert all(needle not in p.name for p in (example_project / "outbox").rglob("*"))

    # RFC 8058 one-click, as a mail client does it: POST the body, no cookie, no redirect.
    request = urllib.request.Request(
        url.group(1),
        data=b"List-Unsubscribe=One-Click",
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200 and response.url == url.group(1)

    (example_project / "examples" / "notes" / "2026-03-19.md").write_text(NOTE)
    before = len(smtp_server.messages)
    second = run_digest("run", cwd=example_project, env=env)
    assert second.returncode == 0, second.stderr
    assert "New: 1 note" in second.stdout
    new = smtp_server.messages[before:]
    assert [m.rcpt_tos for m in new] == [["lantern-dev@lists.example.org"]]
