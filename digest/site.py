"""The web archive: a static site of every digest and every published note.

Pages render from the same jinja2 context as the email (`digest_context`,
`entry_context`), with templates under `templates/site/`. Links inside the
site are relative, so it works at any address (GitHub Pages project sites
live under a sub-path). Note ids never reach the file system unchecked:
`page_name` turns an id into a safe file name. Files are only rewritten when
their bytes change, so an idle run leaves every mtime alone.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from .config import Config
from .errors import PublishError
from .feed import (
    ArchivedNote,
    authority,
    aware,
    feed_title,
    new_feed,
    published_url,
    site_base,
    with_entry_links,
)
from .models import Digest
from .parse import one_line
from .render import (
    date_range,
    digest_context,
    entry_context,
    environment,
    long_date,
    note_html,
    render_template,
)
from .state import IssueRecord, write_atomic

log = logging.getLogger(__name__)

NOTES_DIR = "notes"
ISSUES_DIR = "issues"
_UNSAFE = re.compile(r"[^a-z0-9-]+")
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def page_name(note_id: str) -> str:
    """A file name for a note page: `[a-z0-9-]` only, so no id can climb out of notes/.

    An id that had to be changed gets a short hash of the original, so two
    ids that clean up alike still get two pages.
    """
    slug = _UNSAFE.sub("-", note_id.lower()).strip("-")
    if slug != note_id or not slug:
        slug = f"{slug or 'note'}-{hashlib.sha256(note_id.encode()).hexdigest()[:8]}"
    return f"{slug}.html"


def issue_page_name(issue: IssueRecord) -> str:
    return f"vol-{issue.volume}-issue-{issue.number}.html"


def issue_title(issue: IssueRecord) -> str:
    return f"Vol {issue.volume}, Issue {issue.number}"


def archived_digests(
    notes: Iterable[ArchivedNote], issues: Iterable[IssueRecord]
) -> list[tuple[IssueRecord, Digest]]:
    """Each digest sent so far with the notes it carried that can still be read, newest first."""
    by_id = {n.record.id: n.entry for n in notes}
    found = []
    for issue in sorted(issues, key=lambda i: (i.created, i.volume, i.number), reverse=True):
        entries = sorted(
            (by_id[n] for n in issue.notes if n in by_id), key=lambda e: (e.note.date, e.note_id)
        )
        if entries:
            found.append(
                (
                    issue,
                    Digest(
                        id=issue.id,
                        volume=issue.volume,
                        number=issue.number,
                        created=aware(issue.created),
                        entries=tuple(entries),
                    ),
                )
            )
    return found


def issue_page_url(config: Config, issue: IssueRecord) -> str | None:
    base = site_base(config)
    if config.paths.site is None or base is None:
        return None
    return urljoin(base, f"{ISSUES_DIR}/{issue_page_name(issue)}")


def note_page_url(config: Config, note_id: str) -> str | None:
    """The public address of a note's page, for the feed; None without a site or its URL."""
    base = site_base(config)
    if config.paths.site is None or base is None:
        return None
    return urljoin(base, f"{NOTES_DIR}/{page_name(note_id)}")


def _published_href(config: Config, path: Path | None, url: str | None) -> str | None:
    """A link from the site root to a file digest writes: relative when it lies inside the site."""
    if path is None:
        return None
    assert config.paths.site is not None
    try:
        return path.resolve().relative_to(config.paths.site.resolve()).as_posix()
    except ValueError:
        return url


def shift_headings(html: str, top: int = 2) -> str:
    """Renumber a note's headings from `top` down, one level per level the note uses.

    Notes skip levels (`#` then `###`) and start at any level; on a page they
    sit under its own h1/h2, so the outline stays in order for screen readers.
    """
    used = sorted({int(m.group(2)) for m in _HEADING_TAG.finditer(html)})
    level = {old: min(top + rank, 6) for rank, old in enumerate(used)}
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{level[int(m.group(2))]}", html)


def build_site(
    config: Config, notes: Sequence[ArchivedNote], issues: Iterable[IssueRecord]
) -> dict[str, bytes]:
    """Every file of the site, by path relative to the site root (pure: no clock, no disk)."""
    env = environment(config)
    newest_first = sorted(notes, key=lambda n: (n.record.date, n.record.id), reverse=True)
    feed_url = config.feed.url
    calendar_url = None
    if (base := site_base(config)) and config.paths.calendar is not None:
        calendar_url = urljoin(base, config.paths.calendar.name)
    feed_href = _published_href(config, config.paths.feed, feed_url)
    calendar_href = _published_href(config, config.paths.calendar, calendar_url)
    digests_href = _published_href(config, config.paths.issues_feed, None)

    def common(root: str, title: str) -> dict[str, Any]:
        def link(href: str | None) -> str | None:
            return href if href is None or "://" in href else root + href

        return {
            "site_title": one_line(config.mail.list_name),
            "page_title": title,
            "root": root,
            "feed_href": link(feed_href),
            "calendar_href": link(calendar_href),
            "digests_href": link(digests_href),
        }

    def note_link(root: str, note_id: str) -> str:
        return f"{root}{NOTES_DIR}/{page_name(note_id)}"

    issue_pages: list[dict[str, Any]] = []
    files: dict[str, bytes] = {}
    issue_of: dict[str, IssueRecord] = {}
    for issue, digest in archived_digests(notes, issues):
        for entry in digest.entries:
            issue_of.setdefault(entry.note_id, issue)
        context = digest_context(config, digest)
        context["entries"] = [
            {**item, "page": note_link("../", item["id"])} for item in context["entries"]
        ]
        title = issue_title(issue)
        context |= common("../", title)
        href = f"{ISSUES_DIR}/{issue_page_name(issue)}"
        files[href] = render_template(env, "site/issue.html", context).encode()
        issue_pages.append(
            {
                "title": title,
                "href": href,
                "created": digest.created.date(),
                "entries": context["entries"],
                "decision_count": context["decision_count"],
                "action_count": context["action_count"],
            }
        )

    for position, archived in enumerate(newest_first):
        entry = archived.entry
        context = entry_context(entry) | common("../", one_line(entry.note.title))
        carried = issue_of.get(archived.record.id)
        newer = newest_first[position - 1] if position > 0 else None
        older = newest_first[position + 1] if position + 1 < len(newest_first) else None
        context |= {
            "body": Markup(shift_headings(note_html(entry.note), top=3)),  # sanitised by nh3
            "issue": (
                {
                    "title": issue_title(carried),
                    "href": f"../{ISSUES_DIR}/{issue_page_name(carried)}",
                }
                if carried
                else None
            ),
            "newer": _neighbour(newer, "../"),
            "older": _neighbour(older, "../"),
        }
        files[f"{NOTES_DIR}/{page_name(archived.record.id)}"] = render_template(
            env, "site/note.html", context
        ).encode()

    years: dict[int, list[dict[str, Any]]] = {}
    for archived in newest_first:
        item = entry_context(archived.entry)
        item["page"] = note_link("", archived.record.id)
        years.setdefault(item["date"].year, []).append(item)
    latest = None
    if newest_first:
        latest = entry_context(newest_first[0].entry)
        latest["page"] = note_link("", newest_first[0].record.id)
    index = common("", one_line(config.mail.list_name)) | {
        "issues": issue_pages,
        "years": sorted(years.items(), reverse=True),
        "note_count": len(newest_first),
        "latest": latest,
        "archive_url": site_base(config),
        "feed_url": feed_url,
    }
    files["index.html"] = render_template(env, "site/index.html", index).encode()
    files["style.css"] = render_template(env, "site/style.css", {}).encode()
    return files


def build_digests_feed(
    config: Config,
    notes: Sequence[ArchivedNote],
    issues: Iterable[IssueRecord],
    now: datetime,
) -> bytes:
    """The second feed: one entry per digest, as the list received it, newest first."""
    env = environment(config)
    assert config.paths.issues_feed is not None
    fg = new_feed(
        config,
        feed_id=f"tag:{authority(config)},2000:digests",
        title=f"{feed_title(config)}: digests",
        subtitle=f"Every digest of {one_line(config.mail.list_name)}, one entry per issue",
        self_href=published_url(config, config.paths.issues_feed.name),
    )
    chosen = archived_digests(notes, issues)[: config.feed.entries]
    fg.updated(min(max((d.created for _i, d in chosen), default=now), now))
    links = []
    for issue, digest in chosen:
        context = digest_context(config, digest)
        entries = [{**e, "page": note_page_url(config, e["id"])} for e in context["entries"]]
        created = min(digest.created, now)
        fe = fg.add_entry(order="append")
        fe.id(f"tag:{authority(config)},{created.date().isoformat()}:digests/{issue.id[:32]}")
        count = len(digest.entries)
        fe.title(
            f"{issue_title(issue)}: {count} {'note' if count == 1 else 'notes'} "
            f"({date_range(digest.first_date, digest.last_date)})"
        )
        fe.published(created)
        fe.updated(created)
        fe.summary(digest_summary(context))
        content = render_template(env, "site/digest_entries.html", {"entries": entries})
        fe.content(content, type="html")
        page = issue_page_url(config, issue)
        links.append([{"href": page, "rel": "alternate", "type": "text/html"}] if page else [])
    return with_entry_links(fg.atom_str(pretty=False), links)


def digest_summary(context: Mapping[str, Any]) -> str:
    decisions, actions = context["decision_count"], context["action_count"]
    text = (
        f"{decisions} {'decision' if decisions == 1 else 'decisions'}, "
        f"{actions} action {'item' if actions == 1 else 'items'}."
    )
    if context["next_call"]:
        text += f" Next call: {long_date(context['next_call'])}."
    return text


def _neighbour(archived: ArchivedNote | None, root: str) -> dict[str, Any] | None:
    if archived is None:
        return None
    return {
        "title": one_line(archived.entry.note.title),
        "date": archived.entry.note.date,
        "href": f"{root}{NOTES_DIR}/{page_name(archived.record.id)}",
    }


def write_if_changed(path: Path, data: bytes) -> bool:
    """Replace `path` atomically unless it already holds `data`; True when written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data, error=PublishError)
    return True


def write_site(root: Path, files: Mapping[str, bytes]) -> int:
    """Write the site's files under `root`; remove pages of notes and issues that are gone.

    Only files under notes/ and issues/ are ever removed: the rest of the
    folder (the feed, a CNAME file, anything the owner keeps there) is not ours.
    """
    written = 0
    for name, data in sorted(files.items()):
        path = root / name
        if write_if_changed(path, data):
            written += 1
    for folder in (NOTES_DIR, ISSUES_DIR):
        for stale in sorted((root / folder).glob("*.html")):
            if f"{folder}/{stale.name}" not in files:
                try:
                    stale.unlink()
                except OSError as exc:
                    raise PublishError(
                        f"cannot remove an old page: {exc.strerror}",
                        path=stale,
                        hint="fix the folder's permissions",
                    ) from None
                written += 1
    if written:
        log.info("wrote site %s (%d files changed)", root, written)
    return written
