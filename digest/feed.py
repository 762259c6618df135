"""Atom feed (RFC 4287) with feedgen: one entry per published note, newest first.

Deterministic: ids are `tag:` URIs from the note's identity, timestamps
come from the state (never from the clock), entries are added in an explicit
order, and the feed's `updated` is its newest entry's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from . import __version__
from .config import Config
from .parse import one_line


@dataclass(frozen=True)
class FeedItem:
    note_id: str
    title: str
    date: str  # meeting date, ISO
    published: datetime
    updated: datetime
    summary: str
    content_html: str
    url: str | None = None
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
    return f"tag:{authority(config)},{meeting_date}:notes/{note_id}"


def build_feed(config: Config, items: list[FeedItem], now: datetime) -> bytes:
    """Serialise the newest `feed.entries` items; `now` is used only for an empty feed."""
    ordered = sorted(items, key=lambda i: (i.published, i.date, i.note_id), reverse=True)
    ordered = ordered[: config.feed.entries]
    fg = FeedGenerator()
    fg.id(f"tag:{authority(config)},2000:feed")
    fg.title(config.feed.title or f"{config.mail.list_name}")
    fg.subtitle(f"Decisions, action items and next calls from {config.mail.list_name}")
    fg.author({"name": config.feed.author or config.mail.list_name})
    fg.generator("digest", version=__version__)
    if config.feed.url:
        fg.link(href=config.feed.url, rel="self", type="application/atom+xml")
    if config.feed.site_url or config.mail.archive_url:
        fg.link(
            href=config.feed.site_url or config.mail.archive_url, rel="alternate", type="text/html"
        )
    fg.updated(max((i.updated for i in ordered), default=now))
    for item in ordered:
        fe = fg.add_entry(order="append")
        fe.id(entry_id(config, item.note_id, item.date))
        fe.title(one_line(item.title))
        fe.published(item.published)
        fe.updated(max(item.updated, item.published))
        fe.summary(item.summary)
        fe.content(item.content_html, type="html")
        if item.url:
            fe.link(href=item.url, rel="alternate", type="text/html")
        if item.author:
            fe.author({"name": one_line(item.author)})
    return fg.atom_str(pretty=True)  # type: ignore[no-any-return]
