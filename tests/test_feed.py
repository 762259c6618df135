"""The Atom feed as feed readers and the W3C feed validator see it."""

from __future__ import annotations

import html.parser
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser

from digest.models import NoteFile
from digest.parse import parse_note

from .conftest import git, run_digest

# RFC 4151: tag:authority,date:specific
TAG_URI = re.compile(
    r"^tag:(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|[^@\s]+@[a-z0-9.-]+),"
    r"\d{4}(?:-\d{2}(?:-\d{2})?)?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
MIRAGE_ENV = {
    "DIGEST_FEED_URL": "https://mirage.example.org/weekly/feed.atom",
    "DIGEST_FEED_SITE_URL": "https://mirage.example.org/weekly/",
    "DIGEST_FEED_ENTRIES": "60",
    "DIGEST_NOTES_URL": "https://github.com/mirage/mirage-www/blob/master/{path}",
}


class Balanced(html.parser.HTMLParser):
    """Well-formed HTML: every element closed, in order; nothing active inside."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "iframe", "object"):
            self.errors.append(f"<{tag}> in content")
        self.errors += [f"{tag} has {name}=" for name, _ in attrs if name.startswith("on")]
        self.errors += [
            f"{tag} links to {value}"
            for name, value in attrs
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:")
        ]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def close(self) -> None:
        super().close()
        if self.stack:
            self.errors.append(f"unclosed {self.stack}")


def assert_valid_atom(data: bytes, now: datetime) -> Any:
    """What the W3C feed validator checks, asserted; returns the parsed feed."""
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    head = feed.feed
    assert head.get("id") and TAG_URI.match(head.id), head.get("id")
    assert head.get("title") and head.get("subtitle") and head.get("updated")
    assert head.get("generator") == "digest"
    rels = {link.rel: link for link in head.links}
    assert "self" in rels and rels["self"].type == "application/atom+xml"
    assert head.get("author") or all(e.get("author") for e in feed.entries)
    updated = datetime.fromisoformat(head.updated)
    assert updated <= now
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids), "entry ids are unique"
    for entry in feed.entries:
        assert TAG_URI.match(entry.id), entry.id
        assert entry.get("title") and entry.get("summary")
        published = datetime.fromisoformat(entry.published)
        entry_updated = datetime.fromisoformat(entry.updated)
        assert published <= entry_updated <= now, entry.id
        assert entry_updated <= updated
        alternates = [link for link in entry.links if link.rel == "alternate"]
        assert len({(a.get("type"), a.get("hreflang")) for a in alternates}) == len(alternates)
        [content] = entry.content
        assert content.type == "text/html"
        checker = Balanced()
        checker.feed(content.value)
        checker.close()
        assert checker.errors == [], (entry.id, checker.errors)
    stamps = [datetime.fromisoformat(e.published) for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True), "newest first"
    return feed


def test_example_feed_is_valid_and_links_archive_and_source(example_project: Path) -> None:
    now = datetime(2026, 3, 6, 8, 0, tzinfo=UTC)
    done = run_digest("run", "--json", "--now", now.isoformat(), cwd=example_project)
    assert done.returncode == 0, done.stderr
    data = (example_project / "public" / "feed.atom").read_bytes()
    feed = assert_valid_atom(data, now)
    head = feed.feed
    assert head.title == "Lantern community call"
    assert {(link.rel, link.href) for link in head.links} == {
        ("self", "https://lantern.example.org/digest/feed.atom"),
        ("alternate", "https://lantern.example.org/digest/"),
    }
    assert [e.id for e in feed.entries] == [
        f"tag:lantern.example.org,{d}:notes/{d}"
        for d in ("2026-03-05", "2026-02-19", "2026-02-05", "2026-01-22", "2026-01-08")
    ]
    latest = feed.entries[0]
    assert latest.title == "Lantern community call"
    assert latest.published == "2026-03-06T08:00:00+00:00"
    assert latest.summary.startswith("Decided: ")
    assert latest.summary.endswith(" action items. Next call: Thursday 19 March 2026.")
    assert {(link.rel, link.href) for link in latest.links} == {
        ("alternate", "https://lantern.example.org/digest/notes/2026-03-05.html"),
        ("related", "https://lantern.example.org/notes/2026-03-05.html"),
    }
    assert "Plugin gallery design" in latest.content[0].value


def test_digests_feed_has_one_entry_per_digest(example_project: Path) -> None:
    notes = example_project / "examples" / "notes"
    later = sorted(notes.glob("2026-0[23]*"))
    held = {p: p.read_bytes() for p in later}
    for path in later:
        path.unlink()
    first = datetime(2026, 1, 23, 9, 0, tzinfo=UTC)
    assert run_digest("run", "--now", first.isoformat(), cwd=example_project).returncode == 0
    for path, data in held.items():
        path.write_bytes(data)
    now = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    assert run_digest("run", "--now", now.isoformat(), cwd=example_project).returncode == 0
    feed = assert_valid_atom((example_project / "public" / "digests.atom").read_bytes(), now)
    assert feed.feed.title == "Lantern community call: digests"
    assert [e.title for e in feed.entries] == [
        "Vol 1, Issue 2: 3 notes (5 Feb – 5 Mar 2026)",
        "Vol 1, Issue 1: 2 notes (8–22 Jan 2026)",
    ]
    assert [e.published for e in feed.entries] == [now.isoformat(), first.isoformat()]
    assert [e.link for e in feed.entries] == [
        "https://lantern.example.org/digest/issues/vol-1-issue-2.html",
        "https://lantern.example.org/digest/issues/vol-1-issue-1.html",
    ]
    newest = feed.entries[0]
    assert re.fullmatch(
        r"\d+ decisions?, \d+ action items?\. Next call: Thursday 19 March 2026\.", newest.summary
    ), newest.summary
    assert 'href="https://lantern.example.org/digest/notes/2026-03-05.html"' in (
        newest.content[0].value
    )


def test_feed_is_the_same_bytes_whatever_the_clock(example_project: Path) -> None:
    feed = example_project / "public" / "feed.atom"
    assert run_digest("run", "--now", "2026-03-06T08:00:00Z", cwd=example_project).returncode == 0
    first = feed.read_bytes()
    stamp = feed.stat().st_mtime_ns
    assert run_digest("feed", "--now", "2027-01-01T00:00:00Z", cwd=example_project).returncode == 0
    assert feed.read_bytes() == first and feed.stat().st_mtime_ns == stamp


def test_hostile_note_content_is_inert_in_the_feed(example_project: Path) -> None:
    (example_project / "examples" / "notes" / "2026-03-19.md").write_text(
        "# Call of 19 March 2026\n\n<script>alert(1)</script>\n\n"
        '<img src=x onerror="alert(2)"> [click](javascript:alert(3)) <b>unclosed\n\n'
        "We agreed to stop putting scripts into notes, and everyone will review the "
        "sanitiser settings before the next call, which is on 2 April.\n"
    )
    now = datetime(2026, 3, 20, tzinfo=UTC)
    done = run_digest("run", "--now", now.isoformat(), cwd=example_project)
    assert done.returncode == 0, done.stderr
    feed = assert_valid_atom((example_project / "public" / "feed.atom").read_bytes(), now)
    assert "<script" not in feed.entries[0].content[0].value


def test_mirage_entries_keep_their_ids_through_the_2022_move(
    mirage_repo: Path, tmp_path: Path
) -> None:
    """Replay the history around the move: tmpl/wiki/weekly → data/weekly plus front matter."""
    work = tmp_path / "run"
    work.mkdir()

    def run_at(commit: str, when: str, *flags: str) -> Any:
        git(mirage_repo, "checkout", "-q", commit)
        done = run_digest("run", "--notes", str(mirage_repo), "--glob", "**/weekly/*.md",
                          "--json", "--now", when, *flags, cwd=work, env=MIRAGE_ENV)
        assert done.returncode == 0, done.stderr
        feed = (work / "public" / "feed.atom").read_bytes()
        return json.loads(done.stdout), assert_valid_atom(feed, datetime.fromisoformat(when))

    report, before = run_at("123d78b", "2019-04-17T12:00:00+00:00", "--publish-all")
    assert len(report["new"]) == 51 and len(before.entries) == 51
    moved, _ = run_at("6dfa405", "2022-01-27T12:00:00+00:00")
    assert moved["new"] == [] and len(moved["moved"]) == 51
    run_at("997bf97", "2022-01-28T12:00:00+00:00")
    final_report, after = run_at("50d317f", "2024-10-15T12:00:00+00:00")
    assert final_report["new"] == []

    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    by_id = {e.id: e for e in after.entries}
    for entry in before.entries:
        date = entry.id.rsplit("/", 1)[1]
        assert entry.id == f"tag:mirage.example.org,{date}:notes/{date}"
        moved_entry = by_id[entry.id]
        assert moved_entry.published == entry.published == "2019-04-17T12:00:00+00:00"
        path = f"data/weekly/{date}.md"
        note = parse_note(NoteFile(path, (mirage_repo / path).read_bytes()))
        assert moved_entry.title == note.title
        links = {link.rel: link.href for link in moved_entry.links}
        assert links == {
            "alternate": f"https://mirage.example.org/weekly/notes/{date}.html",
            "related": f"https://github.com/mirage/mirage-www/blob/master/{path}",
        }
    assert after.entries[0].id.endswith("2016-03-02")
    edited = [e for e in after.entries if e.updated != e.published]
    assert edited, "the 2022 and 2024 edits show as updates"
    assert by_id["tag:mirage.example.org,2015-10-14:notes/2015-10-14"].title == (
        "Weekly Meeting: 2015-10-14"
    )
