"""The web archive: pages on disk, opened by headless Chromium, and stable across idle runs."""

from __future__ import annotations

import functools
import html.parser
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

from digest.site import page_name, shift_headings

from .conftest import CHROMIUM, CHROMIUM_FLAGS, git, run_digest

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # git-ignored; screenshots to look at
NOW = "2026-03-06T08:00:00+00:00"


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def example_site(example_project: Path) -> Path:
    done = run_digest("run", "--json", "--now", NOW, cwd=example_project)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    site = example_project / "public"
    assert (example_project / report["site"]).resolve() == site.resolve()
    assert (example_project / report["calendar"]).resolve() == (site / "calls.ics").resolve()
    return site


@pytest.fixture
def served(example_site: Path) -> Iterator[str]:
    """The site folder over HTTP on 127.0.0.1, as GitHub Pages would serve it."""
    handler = functools.partial(QuietHandler, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib declares it as a plain class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".atom": "application/atom+xml",
        ".ics": "text/calendar",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class Outline(html.parser.HTMLParser):
    """Collects what accessibility checks need from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))


def outline(page: Path) -> Outline:
    parser = Outline()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_site_has_index_digest_and_note_pages_with_autodiscovery(example_site: Path) -> None:
    names = sorted(str(p.relative_to(example_site)) for p in example_site.rglob("*.html"))
    assert names == [
        "index.html",
        "issues/vol-1-issue-1.html",
        *(f"notes/2026-{d}.html" for d in ("01-08", "01-22", "02-05", "02-19", "03-05")),
    ]
    for name in names:
        page = outline(example_site / name)
        tags = [t for t, _ in page.tags]
        assert ("html", {"lang": "en"}) in page.tags
        assert {"header", "nav", "main", "footer"} <= set(tags), name
        assert "script" not in tags, name
        links = [a for t, a in page.tags if t == "link" and a.get("rel") == "alternate"]
        prefix = "../" if "/" in name else ""
        assert [(a["type"], a["href"]) for a in links] == [
            ("application/atom+xml", f"{prefix}feed.atom"),
            ("application/atom+xml", f"{prefix}digests.atom"),
            ("text/calendar", f"{prefix}calls.ics"),
        ], name
        assert page.headings[0] == 1 and page.headings.count(1) == 1, name
        jumps = [b - a for a, b in zip(page.headings, page.headings[1:], strict=False)]
        assert max(jumps) <= 1, f"{name}: heading levels skip ({page.headings})"
    index = (example_site / "index.html").read_text()
    assert index.index("Lantern community call, 5th February") > index.index(
        "Lantern community call</a>"
    ), "notes are listed newest first"
    assert 'href="issues/vol-1-issue-1.html"' in index


def test_idle_run_rewrites_nothing(example_project: Path, example_site: Path) -> None:
    before = _files(example_site)
    again = run_digest("run", "--json", "--now", "2026-03-06T09:30:00+00:00", cwd=example_project)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["new"] == []
    site = run_digest("site", "--now", "2026-03-07T10:00:00+00:00", cwd=example_project)
    assert site.returncode == 0, site.stderr
    assert _files(example_site) == before, "same state and notes: same bytes, same mtimes"


def test_note_ids_cannot_escape_the_notes_folder() -> None:
    for hostile in ("../../etc/passwd", "..", "", "a/b", "CON", "2015-10-14/../x", "ümlaut"):
        name = page_name(hostile)
        assert "/" not in name and not name.startswith(".") and name.endswith(".html")
        assert set(name[: -len(".html")]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert page_name("2015-10-14") == "2015-10-14.html"
    assert page_name("a/b") != page_name("a-b") != page_name("A-B")


def test_note_headings_are_renumbered_under_the_page_outline() -> None:
    assert shift_headings("<h4>A</h4><h5>B</h5>", top=3) == "<h3>A</h3><h4>B</h4>"
    assert shift_headings("<h1>A</h1><h3>B</h3>", top=3) == "<h3>A</h3><h4>B</h4>"
    deep = "<h1>A</h1><h2>B</h2><h5>C</h5>"
    assert shift_headings(deep, top=5) == "<h5>A</h5><h6>B</h6><h6>C</h6>"
    assert shift_headings("<p>no headings</p>") == "<p>no headings</p>"


def test_site_from_a_git_history_keeps_one_page_per_note(mirage_repo: Path, tmp_path: Path) -> None:
    """Baseline over the MirageOS history, then one new note: 52 note pages and one digest."""
    work = tmp_path / "run"
    work.mkdir()
    base = run_digest("run", "--notes", str(mirage_repo), "--glob", "data/weekly/*.md",
                      "--baseline", "--now", "2026-03-01T00:00:00+00:00", cwd=work)
    assert base.returncode == 0, base.stderr
    (mirage_repo / "data" / "weekly" / "2024-11-20.md").write_text(
        "# Weekly call 2024-11-20\n\nWe agreed to cache the solver result in the build "
        "directory, because build times doubled. Alan will write the cache patch and measure "
        "the gain on the CI machines; Grace to triage both network bugs.\n\n"
        "The next call is scheduled for Wednesday, 4th December.\n"
    )
    baseline_feed = feedparser.parse((work / "public" / "feed.atom").read_bytes())
    assert baseline_feed.bozo == 0 and len(baseline_feed.entries) == 50
    for entry in baseline_feed.entries:  # baselined notes are dated by their meeting day
        assert entry.published == f"{entry.id.rsplit('/', 1)[1]}T00:00:00+00:00"
    git(mirage_repo, "add", ".")
    git(mirage_repo, "commit", "-q", "-m", "add minutes for 2024-11-20")
    done = run_digest("run", "--now", "2026-03-02T00:00:00+00:00", cwd=work)
    assert done.returncode == 0, done.stderr
    site = work / "public"
    assert len(list((site / "notes").glob("*.html"))) == 52
    assert [p.name for p in (site / "issues").iterdir()] == ["vol-1-issue-1.html"]
    feed = feedparser.parse((site / "feed.atom").read_bytes())
    assert feed.entries[0].id.endswith(":notes/2024-11-20")
    assert feed.entries[0].published == "2026-03-02T00:00:00+00:00"
    assert feed.entries[1].id.endswith(":notes/2016-03-02")
    issue = (site / "issues" / "vol-1-issue-1.html").read_text()
    assert "Weekly call 2024-11-20" in issue and 'href="../notes/2024-11-20.html"' in issue


SCROLL_OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
PAGES = ("index.html", "issues/vol-1-issue-1.html", "notes/2026-03-05.html")
# The lowest WCAG contrast ratio between any visible text and the background behind it.
WORST_CONTRAST = """() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(",").map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const behind = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  let worst = { ratio: 21, text: "" };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || el.closest(".skip")) continue;
    const a = lum(parse(getComputedStyle(el).color)), b = lum(behind(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < worst.ratio) worst = { ratio, text: node.textContent.trim().slice(0, 40) };
  }
  return worst;
}"""


def watch(page: Any, problems: list[str]) -> None:
    """Record console errors and warnings, script errors and failed requests."""

    def console(message: Any) -> None:
        if message.type in ("error", "warning"):
            problems.append(f"console {message.type}: {message.text}")

    def response(reply: Any) -> None:
        if reply.status >= 400:
            problems.append(f"HTTP {reply.status}: {reply.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("response", response)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")
def test_pages_open_in_chromium_without_errors(served: str) -> None:
    """Desktop, phone and dark phone; screenshots go to tests/artifacts/ (or $DIGEST_ARTIFACTS).

    Checked on each page: no console errors or failed requests, no sideways
    scrolling, one h1, no scripts, and WCAG AA contrast (4.5:1) for all text.
    """
    playwright = pytest.importorskip("playwright.sync_api")
    out = Path(os.environ.get("DIGEST_ARTIFACTS", ARTIFACTS))
    out.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            for width, scheme, label in (
                (1280, "light", "desktop"),
                (375, "light", "phone"),
                (375, "dark", "phone-dark"),
            ):
                page = browser.new_page(
                    viewport={"width": width, "height": 800}, color_scheme=scheme
                )
                watch(page, problems)
                for name in PAGES:
                    page.goto(served + name, wait_until="load")
                    shot = out / f"site-{name.replace('/', '_').removesuffix('.html')}-{label}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000
                    assert page.evaluate(SCROLL_OVERFLOW) <= 0, f"{name} scrolls at {width}px"
                    assert page.locator("main h1").count() == 1
                    assert page.evaluate("document.scripts.length") == 0
                    worst = page.evaluate(WORST_CONTRAST)
                    assert worst["ratio"] >= 4.5, f"{name} ({scheme}): low contrast {worst}"
                page.close()
        finally:
            browser.close()
    assert problems == []
