"""Atom feed (RFC 4287) with feedgen: one entry per published note, newest first.

Deterministic: ids are `tag:` URIs from the note's identity (its id, which
survives moves and edits), timestamps come from the state (never from the
clock), entries are added in an explicit order, and the feed's `updated` is
its newest entry's. `now` only caps dates (a feed never claims the future).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from urllib.parse import quote, urljoin, urlsplit

from feedgen.feed import FeedGenerator
from lxml import etree

from . import __version__
from .compose import parse_address
from .config import Config
from .ics import calendar_bytes, next_call_event
from .models import DigestEntry
from .parse import one_line
from .render import long_date, note_html
from .state import NoteRecord

SUMMARY_DECISIONS = 2  # decisions quoted in an entry's summary; the rest are counted
SUMMARY_WIDTH = 160  # characters per quoted decision
ATOM_NS = "http://www.w3.org/2005/Atom"
_NAMES_A_CALL = re.compile(r"\b(?:call|meeting|sync|standup|stand-up)s?$", re.IGNORECASE)


@dataclass(frozen=True)
class ArchivedNote:
    """A published note with what a run knows about it: its record and its extraction."""

    record: NoteRecord
    entry: DigestEntry


@dataclass(frozen=True)
class FeedItem:
    note_id: str
    title: str
    date: str  # meeting date, ISO
    published: datetime
    updated: datetime
    summary: str
    content_html: str
    url: str | None = None  # the note at its source
    page_url: str | None = None  # the note's page in the web archive
    author: str | None = None


def authority(config: Config) -> str:
    """The domain that owns the tag: ids; taken from the feed URL, list id or sender."""
    for candidate in (config.feed.url, config.feed.site_url, config.mail.archive_url):
        if candidate and (host := urlsplit(candidate).hostname):
            return host
    if config.mail.list_id:
        return config.mail.list_id
    return config.mail.sender.rsplit("@", 1)[-1].strip(">") or "digest.invalid"


def entry_id(config: Config, note_id: str, meeting_date: str) -> str:
    """Same note id → same entry id, whatever its path, title or text."""
    return f"tag:{authority(config)},{meeting_date}:notes/{quote(note_id, safe='-._~')}"


def site_base(config: Config) -> str | None:
    """The web archive's public address (with a trailing slash), when one is configured."""
    base = config.feed.site_url or config.mail.archive_url
    if not base:
        return None
    return base if base.endswith("/") else base + "/"


def self_url(config: Config) -> str:
    """Where the feed lives: feed.url, else beside the archive, else its bare file name."""
    if config.feed.url:
        return config.feed.url
    return published_url(config, config.paths.feed.name)


def published_url(config: Config, name: str) -> str:
    """A file published beside the archive: its address there, else its bare name."""
    base = site_base(config)
    return urljoin(base, name) if base else name


def aware(value: str) -> datetime:
    """A state timestamp as a timezone-aware datetime (naive ones are UTC)."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def entry_summary(entry: DigestEntry) -> str:
    """Decisions and the next call in a line or two."""
    ex = entry.extraction
    parts = []
    quoted = [_shorten(one_line(d.text)) for d in ex.decisions[:SUMMARY_DECISIONS]]
    if quoted:
        more = len(ex.decisions) - len(quoted)
        parts.append(
            "Decided: " + "; ".join(quoted) + (f" (and {more} more)" if more else "") + "."
        )
    else:
        parts.append("No decisions recorded.")
    if ex.actions:
        parts.append(f"{len(ex.actions)} action {'item' if len(ex.actions) == 1 else 'items'}.")
    if ex.next_call:
        parts.append(f"Next call: {long_date(ex.next_call.date)}.")
    return " ".join(parts)


def _shorten(text: str) -> str:
    text = text.rstrip(".")
    if len(text) <= SUMMARY_WIDTH:
        return text
    return text[: SUMMARY_WIDTH - 1].rsplit(" ", 1)[0] + "…"


def published_at(record: NoteRecord, meeting: date) -> datetime:
    """When digest published the note.

    A baselined note (the archive digest found on its first run) counts as
    published on its meeting day instead, so a reader does not see fifty notes
    "from today".
    """
    recorded = aware(record.published or record.first_seen)
    if record.status == "baseline":
        return min(datetime.combine(meeting, time(0), tzinfo=UTC), recorded)
    return recorded


def feed_item(archived: ArchivedNote, page_url: str | None) -> FeedItem:
    """One note as a feed entry; `updated` is its last substantive change."""
    record, entry = archived.record, archived.entry
    published = published_at(record, entry.note.date)
    updated = max(aware(record.updated), published) if record.updated else published
    return FeedItem(
        note_id=record.id,
        title=entry.note.title,
        date=record.date,
        published=published,
        updated=updated,
        summary=entry_summary(entry),
        content_html=note_html(entry.note),
        url=entry.url,
        page_url=page_url,
        author=entry.note.author,
    )


def feed_title(config: Config) -> str:
    return one_line(config.feed.title or config.mail.list_name)


def new_feed(
    config: Config, *, feed_id: str, title: str, subtitle: str, self_href: str
) -> FeedGenerator:
    """A feed's head: what both feeds (notes and digests) share."""
    fg = FeedGenerator()
    fg.id(feed_id)
    fg.title(title)
    fg.subtitle(subtitle)
    fg.author({"name": one_line(config.feed.author or config.mail.list_name)})
    fg.generator("digest", version=__version__)
    fg.link(href=self_href, rel="self", type="application/atom+xml")
    if base := site_base(config):
        fg.link(href=base, rel="alternate", type="text/html")
    return fg


def build_feed(config: Config, items: list[FeedItem], now: datetime) -> bytes:
    """Serialise the newest `feed.entries` items, newest first.

    An empty feed is dated `now`; otherwise the same items give the same bytes
    whatever the clock says, as long as no item is dated after `now`.
    """
    ordered = sorted(items, key=lambda i: (i.published, i.date, i.note_id), reverse=True)
    ordered = ordered[: config.feed.entries]
    fg = new_feed(
        config,
        feed_id=f"tag:{authority(config)},2000:feed",
        title=feed_title(config),
        subtitle=f"Decisions, action items and next calls from {one_line(config.mail.list_name)}",
        self_href=self_url(config),
    )
    fg.updated(min(max((i.updated for i in ordered), default=now), now))
    for item in ordered:
        published = min(item.published, now)
        fe = fg.add_entry(order="append")
        fe.id(entry_id(config, item.note_id, item.date))
        fe.title(one_line(item.title))
        fe.published(published)
        fe.updated(min(max(item.updated, published), now))
        fe.summary(item.summary)
        fe.content(item.content_html, type="html")
        if item.author:
            fe.author({"name": one_line(item.author)})
    return with_entry_links(fg.atom_str(pretty=False), [_entry_links(i) for i in ordered])


def _entry_links(item: FeedItem) -> list[dict[str, str]]:
    """One alternate per type (RFC 4287 4.2.7.2): the archive page when there is one,
    the note at its source otherwise (then `related`)."""
    links = []
    if item.page_url:
        links.append({"href": item.page_url, "rel": "alternate", "type": "text/html"})
    if item.url:
        links.append({"href": item.url, "rel": "related" if item.page_url else "alternate"})
    return links


def with_entry_links(data: bytes, links: list[list[dict[str, str]]]) -> bytes:
    """Add the entries' links after feedgen: feedgen 1.0 drops `rel` and `type` from
    entry links (a shadowed variable in FeedEntry.atom_entry), which turns two
    links into two `alternate`s, an invalid feed."""
    root = etree.fromstring(data)
    entries = root.findall(f"{{{ATOM_NS}}}entry")
    for element, entry_links in zip(entries, links, strict=True):
        for attributes in entry_links:
            etree.SubElement(element, f"{{{ATOM_NS}}}link", attributes)
    serialised: bytes = etree.tostring(
        root, pretty_print=True, xml_declaration=True, encoding="UTF-8"
    )
    return serialised


def calendar_list_id(config: Config) -> str:
    """The list id the mail's calendar attachment uses too, so both name a call alike."""
    if config.mail.list_id:
        return config.mail.list_id
    return f"digest.{parse_address(config.mail.sender, setting='mail.sender').domain}"


def build_calendar(
    config: Config, notes: Iterable[ArchivedNote], page_url: Callable[[str], str | None]
) -> bytes:
    """An iCalendar file of the calls the published notes announce, one event per day.

    Past calls stay in the file: a subscribed calendar keeps them, as it would
    for a meeting series. When two notes announce the same day, the newer note
    (by meeting date) describes the event. DTSTAMP is the announcing note's
    publication time, so the bytes depend on the state alone.
    """
    announced: dict[date, ArchivedNote] = {}
    for archived in sorted(notes, key=lambda n: (n.record.date, n.record.id)):
        call = archived.entry.extraction.next_call
        if call is not None:
            announced[call.date] = archived
    name = one_line(config.mail.list_name)
    summary = name if _NAMES_A_CALL.search(name) else f"{name} call"
    events = []
    for _day, archived in sorted(announced.items()):
        call = archived.entry.extraction.next_call
        assert call is not None
        events.append(
            next_call_event(
                call,
                list_id=calendar_list_id(config),
                summary=summary,
                stamp=published_at(archived.record, archived.entry.note.date),
                default_zone=config.mail.timezone,
                url=page_url(archived.record.id) or archived.entry.url,
                description=f"Announced in the notes of {long_date(archived.entry.note.date)}: "
                f"{one_line(archived.entry.note.title)}.",
            )
        )
    return calendar_bytes(events, name=name)
