"""Hostile notes: markup inert in mail, feed and site; no header injection; no path traversal.

Checks our own bytes (the .eml's HTML part, the raw Atom XML, the site's
pages), not what a sanitising reader such as feedparser would show.
"""

from __future__ import annotations

import email
import json
import re
import shutil
import xml.etree.ElementTree as ET
from email import policy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from digest.cli import app

from ..conftest import REPO, run_digest

ATOM = "{http://www.w3.org/2005/Atom}"

HOSTILE_NOTE = """---
date: 2026-03-19
title: "Call <script>alert('title')</script>\\r\\nBcc: evil@attacker.example"
author:
  name: "Mallory\\r\\nX-Injected: yes <img src=x onerror=alert('author')>"
---

# Call <script>alert('heading')</script>

Attendees: Ada <img src=x onerror=alert('attendee')>, Alan Turing

<script>alert('raw')</script>
<iframe src="https://evil.example/frame"></iframe>
<style>body { display: none }</style>
<a href="javascript:alert('link')" onclick="alert('click')">click me</a>
<img src="x" onerror="alert('img')">
<svg onload="alert('svg')"><script>alert('svg')</script></svg>
<object data="evil.swf"></object><embed src="evil.swf">
<form action="https://evil.example"><input name="q"></form>
<meta http-equiv="refresh" content="0;url=https://evil.example">

We agreed to ship [the build](javascript:alert('md')) and [this](JaVaScRiPt:alert('case'))
and [that](  javascript:alert('space')) and ![pic](javascript:alert('image')) on Friday.
Alan will fix <b onmouseover="alert('action')">the parser</b> before the release.
Decision: use <script>alert('decision')</script> nowhere.

Next call: 2 April 2026.
"""

BAD_TAGS = {"script", "iframe", "style", "object", "embed", "form", "input", "meta", "svg",
            "frame", "frameset", "applet", "base", "link"}


class _Markup(HTMLParser):
    """Every element and attribute of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_inert(html: str, where: str, *, allowed: frozenset[str] = frozenset()) -> None:
    """No active element, no event handler, no script URL; the note's text is still there."""
    parser = _Markup()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag not in BAD_TAGS - allowed, f"{where}: <{tag}> from a note"
        for name, value in attrs:
            assert not name.lower().startswith("on"), f"{where}: <{tag} {name}=…>"
            assert "evil.example" not in (value or ""), f"{where}: <{tag} {name}={value!r}>"
            squeezed = "".join((value or "").split()).lower()
            assert not squeezed.startswith(("javascript:", "vbscript:", "data:text/html")), (
                f"{where}: <{tag} {name}={value!r}>"
            )
    for marker in ("alert('raw')", "alert('decision')"):
        assert f"<script>{marker}" not in html


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "notes")
    (project / "notes" / "2026-03-19.md").write_text(HOSTILE_NOTE)
    return project


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    project = _project(tmp_path_factory.mktemp("hostile"))
    done = run_digest("run", "--notes", "notes", "--to", "list@example.org", "--json",
                      cwd=project)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert "2026-03-19" in [n["date"] for n in report["new"]]
    return project, report


def _template_tags() -> frozenset[str]:
    """Elements our own mail template writes (<meta charset>, <style>): fine, not from a note."""
    source = (REPO / "templates" / "digest.html").read_text()
    return frozenset(m.lower() for m in re.findall(r"<([A-Za-z][\w-]*)", source))


def test_mail_html_part_is_inert(hostile_run: tuple[Path, dict[str, Any]]) -> None:
    project, report = hostile_run
    message = email.message_from_bytes(
        (project / report["messages"][0]).read_bytes(), policy=policy.default
    )
    html_part = message.get_body(("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert_inert(html, "mail", allowed=_template_tags())
    assert "body { display: none }" not in html, "a note's CSS never reaches the mail"
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Call" in text


def test_mail_headers_carry_no_injection(hostile_run: tuple[Path, dict[str, Any]]) -> None:
    project, report = hostile_run
    raw = (project / report["messages"][0]).read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
    names = [line.split(b":", 1)[0].lower() for line in head.splitlines()
             if line and not line[:1].isspace()]
    assert b"bcc" not in names and b"x-injected" not in names, names
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message.get_all("Subject") and len(message.get_all("Subject")) == 1
    assert "\n" not in str(message["Subject"]) and "\r" not in str(message["Subject"])


def test_atom_content_is_inert_in_our_raw_xml(hostile_run: tuple[Path, dict[str, Any]]) -> None:
    project, report = hostile_run
    raw = (project / report["feed"]).read_bytes()
    root = ET.fromstring(raw)  # well-formed: nothing in a note broke out of the XML
    entries = root.findall(f"{ATOM}entry")
    hostile = [e for e in entries if "2026-03-19" in (e.findtext(f"{ATOM}id") or "")]
    assert len(hostile) == 1
    entry = hostile[0]
    for element in entry.iter():
        if element.get("type") == "html":  # type="text" content is shown as text anyway
            assert_inert(element.text or "", f"feed <{element.tag}>")
    for link in entry.iter(f"{ATOM}link"):
        assert not link.get("href", "").lower().startswith("javascript:")
    assert b"<script" not in raw, "markup in the feed is escaped, never raw"


def test_site_pages_are_inert(hostile_run: tuple[Path, dict[str, Any]]) -> None:
    project, report = hostile_run
    site = Path(report.get("site") or project / "public")
    if not site.is_absolute():
        site = project / site
    pages = sorted(site.rglob("*.html"))
    if not pages:
        pytest.skip("no site written by this version")
    for page in pages:
        assert_inert(page.read_text(), str(page.relative_to(site)),
                     allowed=frozenset({"style", "link", "meta"}))


def test_header_injection_through_config_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = CliRunner().invoke(app, ["run", "--notes", str(project / "notes"), "--state",
                                      str(tmp_path / "s.json"), "--outbox",
                                      str(tmp_path / "outbox"), "--to",
                                      "list@example.org\r\nBcc: evil@attacker.example"])
    assert result.exit_code == 3, result.output
    assert "is not an email address" in result.stderr
    assert not list((tmp_path / "outbox").glob("*.eml"))
    result = CliRunner().invoke(
        app, ["run", "--notes", str(project / "notes"), "--state", str(tmp_path / "s2.json"),
              "--outbox", str(tmp_path / "outbox2"), "--to", "list@example.org"],
        env={"DIGEST_MAIL_SENDER": "digest@example.org\nBcc: evil@attacker.example"},
    )
    assert result.exit_code == 3, result.output
    assert not list((tmp_path / "outbox2").glob("*.eml"))


def test_list_name_and_ids_cannot_add_headers(tmp_path: Path) -> None:
    project = _project(tmp_path)
    result = CliRunner().invoke(
        app, ["run", "--notes", str(project / "notes"), "--state", str(tmp_path / "s.json"),
              "--outbox", str(tmp_path / "outbox"), "--to", "list@example.org",
              "--feed", str(tmp_path / "feed.atom"), "--json"],
        env={"DIGEST_MAIL_LIST_NAME": "Lantern\r\nBcc: evil@attacker.example",
             "DIGEST_MAIL_LIST_ID": "lantern.example.org>\r\nX-Injected: yes",
             "DIGEST_MAIL_ARCHIVE_URL": "https://example.org/\r\nX-Archive-Injected: yes",
             "DIGEST_PATHS_SITE": str(tmp_path / "site")},
    )
    assert result.exit_code == 0, result.output
    emls = list((tmp_path / "outbox").glob("*.eml"))
    assert len(emls) == 1
    for eml in emls:
        message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        assert message["Bcc"] is None and message["X-Injected"] is None
        assert message["X-Archive-Injected"] is None
        for name, value in message.items():
            assert "\n" not in str(value) and "\r" not in str(value), name


NASTY_NAMES = [
    "..md",
    "...md",
    "..\\..\\2026-04-01.md",
    "-rf 2026-04-02.md",
    "2026-04-03 %2e%2e%2f.md",
    "a\nb 2026-04-04.md",
    "<script> 2026-04-05.md",
    "ünï 2026-04-06.md",
]


def test_note_names_cannot_escape_outbox_or_site(tmp_path: Path) -> None:
    root = tmp_path / "root"
    project = root / "project"
    shutil.copytree(REPO / "examples" / "notes", project / "notes" / "sub")
    for n, name in enumerate(NASTY_NAMES):
        body = HOSTILE_NOTE.replace("2026-03-19", f"2026-04-{n + 10:02}")
        (project / "notes" / "sub" / name).write_text(body)
    before = {p for p in root.rglob("*")}
    done = run_digest("run", "--notes", "notes", "--to", "list@example.org", "--json",
                      "--publish-all", cwd=project)
    assert done.returncode in (0, 4), done.stderr
    report = json.loads(done.stdout)
    assert len(report["new"]) >= 5
    written = {p for p in root.rglob("*")} - before
    allowed = [project / "outbox", project / "public", project / ".digest"]
    for path in written:
        assert any(path == a or a in path.parents for a in allowed), path
    for page in (project / "public").rglob("*"):
        assert ".." not in page.relative_to(project / "public").parts
        assert "\n" not in page.name and "<" not in page.name
