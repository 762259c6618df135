"""The stages of a run, in order, and the one function that chains them.

    sources → parse → changes → extract → (schedule) → render → compose → outbox → (state)
    → deliver → feed

Outside the send window (digest/schedule.py) new notes are held: nothing is
queued and the state is left as it was, so the next run finds them again.
The feed step also writes the calendar of next calls and the web archive.

Ordering is what makes "never twice, never missed" hold: messages are
queued (fsynced) before the state records the notes as published, and the
state is saved before any SMTP traffic. A crash before the state is saved
re-creates the same messages under the same outbox names, which the outbox
ignores; a crash during delivery leaves the rest pending for `digest send`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from .changes import Change, detect
from .compose import CALENDAR_FILENAME, parse_address
from .config import Config
from .deliver import DeliveryReport, Progress, deliver
from .dkim import signer
from .errors import ConfigError, DeliveryError, DigestError, FirstRunError, NoteError, SourceError
from .extract import extract
from .feed import ArchivedNote, FeedItem, aware, build_calendar, build_feed, feed_item
from .models import Correction, Digest, DigestEntry, Note, NoteFile, Scan
from .outbox import Outbox
from .parse import parse_note
from .recipients import (
    ListRecipients,
    RecipientSource,
    collect,
    compose_template,
    report_bounce,
)
from .render import RenderedDigest, render_digest
from .schedule import Decision, decide, window
from .site import build_digests_feed, build_site, note_page_url, write_if_changed, write_site
from .sources import PathFilter, Source, open_source
from .state import (
    FailedNote,
    IssueRecord,
    NoteRecord,
    SourceMark,
    State,
    load_state,
    run_lock,
    save_state,
    write_atomic,
)
from .subscribers import SubscriberRecipients, with_unsubscribe_links

log = logging.getLogger(__name__)

STAGES = (
    "sources",  # read the notes folder or git repository → Scan
    "parse",  # bytes → Note; failures are reported and retried next run
    "changes",  # Scan + state → new, edited, moved, deleted, stub
    "extract",  # Note → decisions, actions, attendees, next call
    "schedule",  # outside the send window: hold new notes, leave the state as it was
    "render",  # Digest → subject, HTML, text (jinja2)
    "compose",  # → RFC 5322 bytes, once, for a placeholder recipient
    "outbox",  # queue the digest and its recipient list durably; then the state is saved
    "deliver",  # SMTP, when configured: one spliced message per recipient
    "feed",  # Atom feed, calendar of next calls and web archive, from the state
)


@dataclass(frozen=True)
class RunOptions:
    now: datetime
    baseline: bool = False  # record every current note as published, send nothing
    publish_all: bool = False  # allow a first run to publish more than first_run_limit notes
    dry_run: bool = False  # compute everything, write nothing, send nothing
    deliver: bool = True  # send the outbox when SMTP is configured
    progress: Progress | None = None  # told how far delivery is, for a progress bar


@dataclass(frozen=True)
class NoteSummary:
    id: str
    path: str
    date: str
    title: str


@dataclass(frozen=True)
class RunReport:
    new: tuple[NoteSummary, ...] = ()
    updated: tuple[NoteSummary, ...] = ()
    moved: tuple[NoteSummary, ...] = ()
    deleted: tuple[NoteSummary, ...] = ()
    stubs: tuple[NoteSummary, ...] = ()
    errors: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    delivery: DeliveryReport | None = None
    delivery_error: str | None = None
    feed: str | None = None
    calendar: str | None = None
    site: str | None = None
    remarks: tuple[str, ...] = ()
    baseline: bool = False
    dry_run: bool = False
    issue: IssueRecord | None = None
    held: tuple[NoteSummary, ...] = ()  # new notes waiting for the send window
    schedule: Decision | None = None
    rendered: RenderedDigest | None = None  # the digest as rendered (for `digest preview`)

    def to_json(self) -> dict[str, Any]:
        """The `--json` report; keys documented in README (stable interface)."""

        def notes(items: tuple[NoteSummary, ...]) -> list[dict[str, str]]:
            return [dataclasses.asdict(n) for n in items]

        delivery = self.delivery or DeliveryReport()
        return {
            "new": notes(self.new),
            "updated": notes(self.updated),
            "moved": notes(self.moved),
            "deleted": notes(self.deleted),
            "stubs": notes(self.stubs),
            "errors": list(self.errors),
            "messages": list(self.messages),
            "sent": delivery.delivered,
            "delivery": dataclasses.asdict(delivery) | {"error": self.delivery_error},
            "feed": self.feed,
            "calendar": self.calendar,
            "site": self.site,
            "issue": dataclasses.asdict(self.issue) if self.issue else None,
            "remarks": list(self.remarks),
            "held": notes(self.held),
            "schedule": {
                "due": self.schedule.due,
                "reason": self.schedule.reason,
                "next_window": _iso(self.schedule.next_window),
            }
            if self.schedule
            else None,
            "baseline": self.baseline,
            "dry_run": self.dry_run,
        }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def notes_location(config: Config, state: State) -> tuple[Path, tuple[str, ...]]:
    """The notes folder: from config/flags, else the one the last run used."""
    if config.notes.path is not None:
        return config.notes.path, config.notes.glob
    if state.source is not None:
        return Path(state.source.root), state.source.glob
    raise SourceError(
        "no notes folder given", hint="pass --notes PATH or set [notes] path in digest.toml"
    )


def open_notes(config: Config, state: State) -> Source:
    root, globs = notes_location(config, state)
    return open_source(
        root.resolve(),
        PathFilter(globs, config.notes.exclude),
        config.notes.source,
        check_uncommitted=config.notes.check_uncommitted,
    )


def parse_files(files: Iterable[NoteFile]) -> tuple[dict[str, Note], dict[str, NoteError]]:
    parsed: dict[str, Note] = {}
    failures: dict[str, NoteError] = {}
    for file in files:
        try:
            parsed[file.path] = parse_note(file)
        except NoteError as exc:
            failures[file.path] = exc
            log.warning("%s", exc)
    return parsed, failures


def note_url(config: Config, note: Note) -> str | None:
    return _url_at(config, note.path, note.date.isoformat())


def _url_at(config: Config, path: str, meeting_date: str) -> str | None:
    if not config.notes.url:
        return None
    return config.notes.url.format(path=path, stem=PurePosixPath(path).stem, date=meeting_date)


def corrections(
    config: Config,
    records: Mapping[str, NoteRecord],
    issues: tuple[IssueRecord, ...],
    digest: Digest,
) -> tuple[Correction, ...]:
    """Published notes whose words changed since the previous digest (notes.list_corrections)."""
    since = aware(issues[-1].created) if issues else None
    carried = {e.note_id for e in digest.entries}
    edited = [
        r
        for r in records.values()
        if r.status in ("published", "baseline")
        and r.updated
        and r.paths
        and r.id not in carried
        and (since is None or aware(r.updated) > since)
    ]
    return tuple(
        Correction(r.id, r.title, date.fromisoformat(r.date), _url_at(config, r.paths[0], r.date))
        for r in sorted(edited, key=lambda r: (r.date, r.id))
    )


def recipients(config: Config) -> tuple[str, ...]:
    return config.mail.to or (config.mail.sender,)


def recipient_sources(config: Config, now: datetime) -> list[RecipientSource]:
    """Who gets the digest: the configured addresses, then, with [subscribers] enabled, the
    confirmed subscribers (each with their own unsubscribe token; bounces are counted)."""
    if not config.subscribers.enabled:
        return [ListRecipients(recipients(config))]
    return [ListRecipients(config.mail.to), SubscriberRecipients(config, now)]


def make_digest(
    entries: list[DigestEntry], issues: tuple[IssueRecord, ...], now: datetime
) -> Digest:
    """Number the issue: a volume per year since the first digest, issues counted per volume."""
    ids = "\n".join(sorted(e.note_id for e in entries))
    digest_id = hashlib.sha256(ids.encode()).hexdigest()
    first_year = int(issues[0].created[:4]) if issues else now.year
    volume = now.year - first_year + 1
    number = sum(1 for i in issues if i.volume == volume) + 1
    ordered = tuple(sorted(entries, key=lambda e: (e.note.date, e.note_id)))
    return Digest(id=digest_id, volume=volume, number=number, created=now, entries=ordered)


def outbox_name(digest: Digest) -> str:
    """Derived from the digest only: queuing it again (a run repeated after a crash) is a no-op."""
    return f"digest-{digest.id[:16]}"


def _summary(note_id: str, note: Note | None, record: NoteRecord | None, path: str) -> NoteSummary:
    if note is not None:
        return NoteSummary(note_id, note.path, note.date.isoformat(), note.title)
    assert record is not None
    return NoteSummary(note_id, path, record.date, record.title)


def run(config: Config, options: RunOptions) -> RunReport:
    """One scheduled run: find new notes, queue one digest, save state, deliver, write the feed."""
    send_window = window(config)
    mail_config = with_unsubscribe_links(config)  # checks base_url and the secret before any write
    with run_lock(config.paths.state):
        state = load_state(config.paths.state)
        source = open_notes(config, state)
        mark = _source_mark(config, state, source)
        previous = state.source
        since = previous.revision if previous and replace(previous, revision=None) == mark else None
        scan = source.scan(since)
        scan = _with_retries(scan, source, state)
        parsed, failures = parse_files(scan.files)
        now_iso = options.now.isoformat()
        detection = detect(
            scan,
            parsed,
            frozenset(failures),
            state.notes,
            now=now_iso,
            min_words=config.notes.min_words,
            lookup=_reader(source),
            index=state.index,
        )
        records = dict(detection.notes)
        to_publish = list(detection.to_publish)
        if (
            not state.exists
            and not options.baseline
            and not options.publish_all
            and len(to_publish) > config.mail.first_run_limit
        ):
            raise FirstRunError(
                f"first run: {len(to_publish)} notes found and nothing published yet",
                path=str(source.root),
                hint="run with --baseline to record them as already published (sends nothing), "
                "or --publish-all to put them all in one digest",
            )
        entries = _extract_all(config, to_publish, records, state, failures)
        failed = _failed_notes(state, scan, parsed, failures)
        last = datetime.fromisoformat(state.issues[-1].created) if state.issues else None
        decision = decide(send_window, options.now, last)
        held: list[DigestEntry] = []
        if entries and not options.baseline and not decision.due:
            held, entries = entries, []

        issue = None
        rendered = None
        messages: list[str] = []
        if entries:
            if options.baseline:
                for entry in entries:
                    records[entry.note_id] = replace(
                        records[entry.note_id], status="baseline", published=now_iso
                    )
            else:
                digest = make_digest(entries, state.issues, options.now)
                if config.notes.list_corrections:
                    digest = replace(
                        digest, corrections=corrections(config, records, state.issues, digest)
                    )
                rendered = render_digest(mail_config, digest)
                outbox = Outbox(config.paths.outbox)
                template = compose_template(mail_config, digest, rendered)
                name = outbox_name(digest)
                if options.dry_run:
                    messages.append(str(outbox.root / f"{name}.eml"))
                else:
                    path, _written = outbox.queue(
                        name,
                        template,
                        digest_id=digest.id,
                        sender=parse_address(config.mail.sender, setting="mail.sender").addr_spec,
                        recipients=collect(recipient_sources(config, options.now)),
                    )
                    messages.append(str(path))
                issue = IssueRecord(
                    digest.id,
                    digest.volume,
                    digest.number,
                    now_iso,
                    tuple(e.note_id for e in digest.entries),
                )
                for entry in entries:
                    records[entry.note_id] = replace(
                        records[entry.note_id],
                        status="published",
                        published=now_iso,
                        digest=digest.id,
                    )

        new_state = State(
            notes=records,
            failed=failed,
            issues=state.issues + ((issue,) if issue else ()),
            source=replace(mark, revision=scan.revision),
            exists=True,
        )
        if held:  # state left as it was: the run in the send window finds these notes again
            new_state = state
        elif not options.dry_run and (new_state != state or not state.exists):
            save_state(config.paths.state, new_state)

        published = None
        if not options.dry_run:
            published = publish(
                config, new_state, source, {e.note_id: e for e in entries}, options.now
            )

        delivery, delivery_error = None, None
        if config.smtp.host and options.deliver and not options.dry_run:
            try:
                delivery = send(config, options.now, options.progress)
            except DeliveryError as exc:
                delivery_error = str(exc)

    changes = detection.changes
    offered_ids = {e.note_id for e in entries + held}
    remarks = list(scan.remarks)
    if entries and not config.mail.to and not options.baseline:
        remarks.append(f"no recipients configured (mail.to): addressed to {config.mail.sender}")
    if rendered is not None and rendered.short:
        remarks.append(
            f"the full HTML digest was over mail.html_size_limit ({config.mail.html_size_limit:,}"
            " bytes; Gmail clips at about 102 KB): sent the short form, with links to each note"
        )
    if entries and not config.smtp.host and not options.baseline and not options.dry_run:
        remarks.append(f"no SMTP server configured: messages wait in {config.paths.outbox}")

    def summaries(selected: Iterable[Change]) -> tuple[NoteSummary, ...]:
        return tuple(_summary(c.note_id, c.note, records.get(c.note_id), c.path) for c in selected)

    return RunReport(
        new=_entry_summaries(entries),
        updated=summaries(c for c in changes if c.kind == "updated"),
        moved=summaries(c for c in changes if c.kind in ("moved", "alias")),
        deleted=summaries(c for c in changes if c.kind == "deleted"),
        stubs=summaries(
            c
            for c in changes
            if c.kind == "stub"
            or (
                c.kind in ("new", "filled")
                and c.note_id not in offered_ids
                and c.path not in failed
            )
        ),
        errors=tuple(str(f) for f in failures.values())
        + tuple(
            f"{f.path}: {f.message} (still failing)" for p, f in failed.items() if p not in failures
        ),
        messages=tuple(messages),
        delivery=delivery,
        delivery_error=delivery_error,
        feed=str(published.feed) if published else None,
        calendar=str(published.calendar) if published and published.calendar else None,
        site=str(published.site) if published and published.site else None,
        remarks=tuple(remarks),
        baseline=options.baseline,
        dry_run=options.dry_run,
        issue=issue,
        held=_entry_summaries(held),
        schedule=decision,
        rendered=rendered,
    )


def _entry_summaries(entries: Iterable[DigestEntry]) -> tuple[NoteSummary, ...]:
    ordered = sorted(entries, key=lambda e: (e.note.date, e.note_id))
    return tuple(_summary(e.note_id, e.note, None, e.note.path) for e in ordered)


def _source_mark(config: Config, state: State, source: Source) -> SourceMark:
    _root, globs = notes_location(config, state)
    return SourceMark(kind=source.kind, root=str(source.root), glob=tuple(globs))  # type: ignore[arg-type]


def _reader(source: Source) -> Callable[[Sequence[str]], Mapping[str, Note]]:
    """Parse the current notes at paths the scan did not include (for identity checks)."""

    def read(paths: Sequence[str]) -> Mapping[str, Note]:
        parsed, _failures = parse_files(source.read(paths))
        return parsed

    return read


def _with_retries(scan: Scan, source: Source, state: State) -> Scan:
    """An incremental scan also re-reads notes that failed before, so a fix is noticed."""
    if scan.complete or not state.failed:
        return scan
    scanned = {f.path for f in scan.files} | set(scan.removed)
    retry = source.read(p for p in sorted(state.failed) if p not in scanned)
    return replace(scan, files=scan.files + tuple(retry))


def _extract_all(
    config: Config,
    changes: list[Change],
    records: dict[str, NoteRecord],
    state: State,
    failures: dict[str, NoteError],
) -> list[DigestEntry]:
    """Extract each note to publish; a note whose extraction fails stays unpublished."""
    entries = []
    for change in changes:
        assert change.note is not None
        try:
            extraction = extract(change.note)
        except Exception as exc:  # a bug on one odd note must not stop the run
            log.exception("extraction failed for %s", change.path)
            failures[change.path] = NoteError(
                f"extraction failed: {exc!r}",
                path=change.path,
                hint="please report this note as a bug",
            )
            previous = state.notes.get(change.note_id)
            if previous is None:
                records.pop(change.note_id, None)
            else:
                records[change.note_id] = previous
            continue
        entries.append(
            DigestEntry(change.note_id, change.note, extraction, note_url(config, change.note))
        )
    return entries


def _failed_notes(
    state: State, scan: Scan, parsed: Mapping[str, Note], failures: Mapping[str, NoteError]
) -> dict[str, FailedNote]:
    failed = dict(state.failed)
    scanned = {f.path: f for f in scan.files}
    for path in list(failed):
        if path in parsed or path in scan.removed or (scan.complete and path not in scanned):
            del failed[path]
    for path, error in failures.items():
        file = scanned.get(path)
        failed[path] = FailedNote(
            path=path, content_hash=file.content_hash if file else "", message=error.message
        )
    return failed


def archive_notes(
    config: Config,
    state: State,
    source: Source,
    fresh: Mapping[str, DigestEntry],
    limit: int | None = None,
) -> list[ArchivedNote]:
    """Published notes, newest first, re-read from the source when this run did not parse them."""
    published = [
        r
        for r in state.notes.values()
        if r.status in ("published", "baseline") and r.published and r.paths
    ]
    published.sort(key=lambda r: (r.published or "", r.date, r.id), reverse=True)
    chosen = published[:limit] if limit is not None else published
    missing = [r.paths[0] for r in chosen if r.id not in fresh]
    by_path: dict[str, Note] = {}
    if missing:
        parsed, _failures = parse_files(source.read(missing))
        by_path = dict(parsed)
    notes = []
    for record in chosen:
        if record.id in fresh:
            entry = fresh[record.id]
        elif record.paths[0] in by_path:
            note = by_path[record.paths[0]]
            try:
                entry = DigestEntry(record.id, note, extract(note), note_url(config, note))
            except Exception:  # same rule as the run: one odd note never breaks the feed
                log.exception("extraction failed for %s; left out of the feed", note.path)
                continue
        else:
            continue
        notes.append(ArchivedNote(record, entry))
    return notes


def feed_items(config: Config, notes: Iterable[ArchivedNote]) -> list[FeedItem]:
    return [feed_item(n, note_page_url(config, n.record.id)) for n in notes]


@dataclass(frozen=True)
class Published:
    """What `publish` wrote (or found already up to date)."""

    feed: Path
    calendar: Path | None
    site: Path | None


def publish(
    config: Config,
    state: State,
    source: Source,
    fresh: Mapping[str, DigestEntry],
    now: datetime,
    *,
    site: bool = True,
) -> Published:
    """Write the feed, the calendar and (when configured) the web archive.

    Each file is written only when its bytes change, so an idle run touches
    nothing. The outputs depend on the state and the notes alone: `now` only
    stands in for "last changed" while nothing was ever published.
    """
    site_root = config.paths.site if site else None
    everything = site_root is not None or config.paths.issues_feed is not None
    notes = archive_notes(config, state, source, fresh, None if everything else config.feed.entries)
    recent = notes[: config.feed.entries]
    as_of = min(_last_change(state) or now, now)
    if write_if_changed(config.paths.feed, build_feed(config, feed_items(config, recent), as_of)):
        log.info("wrote feed %s", config.paths.feed)
    if config.paths.issues_feed is not None:
        digests = build_digests_feed(config, notes, state.issues, as_of)
        if write_if_changed(config.paths.issues_feed, digests):
            log.info("wrote digests feed %s", config.paths.issues_feed)
    if config.paths.calendar is not None:
        calendar = build_calendar(config, recent, lambda i: note_page_url(config, i))
        if write_if_changed(config.paths.calendar, calendar):
            log.info("wrote calendar %s", config.paths.calendar)
    if site_root is not None:
        write_site(site_root, build_site(config, notes, state.issues))
    return Published(config.paths.feed, config.paths.calendar, site_root)


def _last_change(state: State) -> datetime | None:
    stamps = [i.created for i in state.issues]
    for record in state.notes.values():
        stamps += [s for s in (record.first_seen, record.published, record.updated) if s]
    return max((aware(s) for s in stamps), default=None)


def rebuild_feed(config: Config, now: datetime) -> Path:
    """`digest feed`: write the feed and calendar from the saved state alone."""
    state = load_state(config.paths.state)
    return publish(config, state, open_notes(config, state), {}, now, site=False).feed


def rebuild_site(config: Config, now: datetime) -> Published:
    """`digest site`: write the web archive, with the feed and calendar it links to."""
    if config.paths.site is None:
        raise ConfigError(
            "no site folder configured", hint="set [paths] site in digest.toml or pass --site DIR"
        )
    state = load_state(config.paths.state)
    return publish(config, state, open_notes(config, state), {}, now)


def preview(config: Config, now: datetime, out: Path, *, publish_all: bool = False) -> list[Path]:
    """`digest preview`: the next digest's HTML, text and calendar in `out`, whatever the send
    window; a dry run, so no state, outbox or feed changes and nothing is sent. Empty when
    there is nothing new."""
    anytime = replace(config, schedule=replace(config.schedule, send_days=()))  # not held back
    report = run(anytime, RunOptions(now=now, publish_all=publish_all, dry_run=True, deliver=False))
    if report.rendered is None:
        return []
    files = {
        "digest.html": report.rendered.html.encode(),
        "digest.txt": report.rendered.text.encode(),
    }
    if report.rendered.calendar is not None:
        files[CALENDAR_FILENAME] = report.rendered.calendar
    written = []
    for name, data in files.items():
        write_atomic(out / name, data, error=DigestError)
        written.append(out / name)
    log.info("wrote preview to %s", out)
    return written


def send(config: Config, now: datetime, progress: Progress | None = None) -> DeliveryReport:
    """`digest send`: deliver whatever the outbox holds; `now` dates bounces."""
    return deliver(
        Outbox(config.paths.outbox),
        config.smtp,
        sign=signer(config.dkim),
        on_bounce=report_bounce(recipient_sources(config, now)),
        progress=progress,
    )
