"""The `digest` command: parse flags, set up logging, call the library, print the report.

Exit codes: 0 done; 1 unexpected error (a bug); 2 bad usage; 3 config;
4 some notes could not be read (the rest went out); 5 notes source;
6 state or lock; 7 outbox; 8 delivery (messages stay queued); 9 template;
10 first run needs --baseline or --publish-all; 11 subscriber store;
12 feed or site not written.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
import tempfile
import webbrowser
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .ci import run_ci, summary_markdown
from .config import Config, load_config
from .deliver import DeliveryReport, Progress
from .errors import ConfigError, DeliveryError, DigestError, NoteError
from .evaluate import evaluate_gold, find_shared, format_report, gold_roots, report_json
from .extract import extract
from .models import NoteFile
from .parse import parse_note
from .pipeline import RunOptions, RunReport, preview, rebuild_feed, rebuild_site, run, send
from .serialize import note_json
from .subscribers import (
    Status,
    SubscriberError,
    normalize_address,
    open_store,
    read_bounces,
)

app = typer.Typer(
    name="digest",
    help="Turn meeting notes into a digest email and an Atom feed.\n\n"
    "Reads notes from a folder or git repository, finds the ones that are new since the last "
    "run, extracts decisions, action items and the next call, queues one digest email in the "
    "outbox, sends it when SMTP is configured, and writes an Atom feed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Config file. Default: ./digest.toml when it exists.",
        show_default=False,
    ),
]
NotesOpt = Annotated[
    Path | None,
    typer.Option(
        "--notes",
        help="Notes folder or git work tree (default: [notes] path, or the "
        "folder the last run used).",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob",
        help="Which files are notes, relative to --notes; repeatable. "
        "Default: all .md/.markdown/.txt/.html files.",
        show_default=False,
    ),
]
StateOpt = Annotated[
    Path | None,
    typer.Option("--state", help="State file. Default: .digest/state.json.", show_default=False),
]
OutboxOpt = Annotated[
    Path | None,
    typer.Option("--outbox", help="Outbox folder. Default: outbox/.", show_default=False),
]
FeedOpt = Annotated[
    Path | None,
    typer.Option("--feed", help="Atom feed file. Default: public/feed.atom.", show_default=False),
]
SmtpOpt = Annotated[
    str | None,
    typer.Option(
        "--smtp",
        help="SMTP server as HOST:PORT (plain SMTP unless smtp.security says "
        "otherwise). Without one, messages wait in the outbox.",
        show_default=False,
    ),
]
ToOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--to",
        help="Recipient address (e.g. the project's mailing list); repeatable.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout.")]
VerboseOpt = Annotated[
    int,
    typer.Option(
        "--verbose", "-v", count=True, help="Log what is done (-v), or everything (-vv), on stderr."
    ),
]
NowOpt = Annotated[
    str | None,
    typer.Option("--now", hidden=True, help="Pretend the time is this ISO timestamp (tests)."),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"digest {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn meeting notes into a digest email and an Atom feed."""


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("digest")
    root.handlers[:] = [handler]
    root.setLevel(level)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn DigestError into one line on stderr and its exit code."""
    try:
        yield
    except DigestError as exc:
        typer.echo(f"digest: {exc.kind} error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def _now(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--now {value!r} is not an ISO timestamp") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _smtp(value: str | None) -> dict[str, Any]:
    if value is None:
        return {}
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ConfigError(
            f"--smtp {value!r} is not HOST:PORT", hint="for example --smtp 127.0.0.1:25"
        )
    return {"host": host, "port": int(port)}


def _config(
    config: Path | None,
    *,
    notes: Path | None = None,
    glob: list[str] | None = None,
    state: Path | None = None,
    outbox: Path | None = None,
    feed: Path | None = None,
    smtp: str | None = None,
    to: list[str] | None = None,
) -> Config:
    return load_config(
        config,
        overrides={
            "notes": {"path": notes, "glob": tuple(glob) if glob else None},
            "paths": {"state": state, "outbox": outbox, "feed": feed},
            "smtp": _smtp(smtp),
            "mail": {"to": tuple(to) if to else None},
        },
    )


PROGRESS_FROM = 50  # smaller sends finish before a bar would say anything


@contextmanager
def _progress_bar() -> Iterator[Progress | None]:
    """A rich progress bar on stderr for big sends, fed by delivery's progress callback."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task: list[Any] = []

    def update(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if not task:
            bar.start()
            task.append(bar.add_task("Sending", total=total))
        bar.update(task[0], completed=done)

    try:
        yield update
    finally:
        bar.stop()


def _delivery_line(d: DeliveryReport) -> str:
    return (
        f"Delivery: {d.delivered} delivered, {d.deferred} deferred, "
        f"{d.failed} failed, {d.suppressed} suppressed"
    )


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _shown(path: str) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _describe_run(report: RunReport) -> list[str]:
    lines = list(report.remarks)
    if report.baseline:
        lines.append(
            f"Baseline: recorded {len(report.new)} notes as already published; nothing was queued."
        )
    elif report.new:
        lines.append(f"New: {len(report.new)} {'note' if len(report.new) == 1 else 'notes'}")
        lines += [f"  {n.date}  {n.title}  ({n.path})" for n in report.new]
    elif report.held:
        reason = report.schedule.reason if report.schedule else "not in the send window"
        lines.append(f"Held: {len(report.held)} new notes; {reason}")
        lines += [f"  {n.date}  {n.title}  ({n.path})" for n in report.held]
    else:
        lines.append("Nothing new.")
    for label, items in (
        ("Edited", report.updated),
        ("Moved", report.moved),
        ("Deleted", report.deleted),
        ("Waiting for content (stub)", report.stubs),
    ):
        if items:
            lines.append(f"{label}: " + ", ".join(f"{n.date} ({n.path})" for n in items))
    if report.issue:
        lines.append(
            f"Queued Vol {report.issue.volume}, Issue {report.issue.number}: "
            + ", ".join(map(_shown, report.messages))
        )
    elif report.messages:
        lines.append("Would queue: " + ", ".join(map(_shown, report.messages)))
    if report.delivery:
        lines.append(_delivery_line(report.delivery))
    if report.delivery_error:
        lines.append(f"Delivery failed: {report.delivery_error}")
    if report.feed:
        lines.append(f"Feed: {_shown(report.feed)}")
    if report.site:
        lines.append(f"Site: {_shown(report.site)}")
    if report.dry_run:
        lines.append("Dry run: nothing was written or sent.")
    lines += [f"Error: {e}" for e in report.errors]
    return lines


@app.command("run")
def run_command(
    config: ConfigOpt = None,
    notes: NotesOpt = None,
    glob: GlobOpt = None,
    state: StateOpt = None,
    outbox: OutboxOpt = None,
    feed: FeedOpt = None,
    smtp: SmtpOpt = None,
    to: ToOpt = None,
    baseline: Annotated[
        bool,
        typer.Option(
            "--baseline",
            help="Record every current note as "
            "already published and send nothing (first run over "
            "an existing archive).",
        ),
    ] = False,
    publish_all: Annotated[
        bool,
        typer.Option(
            "--publish-all",
            help="Let a first run put more than mail.first_run_limit notes in one digest.",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would happen; write and send nothing.")
    ] = False,
    no_send: Annotated[
        bool, typer.Option("--no-send", help="Queue messages but do not connect to SMTP.")
    ] = False,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Find new notes, queue one digest email, send it, update the feed.

    The first run with no state publishes at most mail.first_run_limit notes (10); over an
    existing archive use --baseline once, then every later run mails only what is new.
    """
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(
            config, notes=notes, glob=glob, state=state, outbox=outbox, feed=feed, smtp=smtp, to=to
        )
        with _progress_bar() as progress:
            report = run(
                cfg,
                RunOptions(
                    now=_now(now),
                    baseline=baseline,
                    publish_all=publish_all,
                    dry_run=dry_run,
                    deliver=not no_send,
                    progress=progress,
                ),
            )
    if as_json:
        _print_json(report.to_json())
    else:
        for line in _describe_run(report):
            typer.echo(line)
    if report.delivery_error or (report.delivery and report.delivery.deferred):
        raise typer.Exit(DeliveryError.exit_code)
    if report.errors:
        raise typer.Exit(NoteError.exit_code)


@app.command("extract")
def extract_command(
    paths: Annotated[list[Path], typer.Argument(help="Note files to read.", show_default=False)],
    as_json: JsonOpt = False,
) -> None:
    """Show what digest extracts from notes: attendees, agenda, decisions, actions, next call."""
    results = []
    failed = False
    for path in paths:
        try:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise DigestError(f"cannot read: {exc.strerror}", path=path) from None
            note = parse_note(NoteFile(str(path), data))
            results.append(note_json(note, extract(note)))
        except DigestError as exc:
            typer.echo(f"digest: {exc.kind} error: {exc}", err=True)
            failed = True
    if as_json:
        _print_json(results)
    else:
        for item in results:
            typer.echo(f"{item['path']}: {item['title']} ({item['date']})")
            if item["attendees"]:
                typer.echo("  attendees: " + ", ".join(item["attendees"]))
            for d in item["decisions"]:
                typer.echo(f"  decision: {d['text']}")
            for a in item["actions"]:
                typer.echo(f"  action: [{a['owner'] or 'unassigned'}] {a['task']}")
            typer.echo(f"  next call: {item['next_call'] or 'not found'}")
    if failed:
        raise typer.Exit(NoteError.exit_code)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Folder of gold label files (tests/gold).",
                                         show_default=False)],
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", help="Checkout or git bundle of the labelled corpus (default: "
        "SHARED/corpus/mirage-weekly.bundle).", show_default=False)] = None,
    shared: Annotated[Path | None, typer.Option(
        "--shared", help="The shared folder the labels name seeds in (default: $DIGEST_SHARED, "
        "else a 'shared' folder beside GOLD or one of its parents).", show_default=False)] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Figures only.")] = False,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = 0,
) -> None:
    """Score extraction against hand-written labels: P/R/F1 per field, misses, false alarms."""
    _setup_logging(verbose)
    with _user_errors():
        shared_dir = shared or _env_path("DIGEST_SHARED") or find_shared(gold)
        with tempfile.TemporaryDirectory(prefix="digest-eval-") as scratch:
            roots = gold_roots(gold, shared_dir, corpus, Path(scratch))
            report = evaluate_gold(gold, roots)
    if as_json:
        _print_json(report_json(report))
    else:
        typer.echo(format_report(report, details=not summary))


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


@app.command("feed")
def feed_command(
    config: ConfigOpt = None,
    notes: NotesOpt = None,
    state: StateOpt = None,
    feed: FeedOpt = None,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Rebuild the Atom feeds and the calendar from the saved state (sends nothing)."""
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(config, notes=notes, state=state, feed=feed)
        path = rebuild_feed(cfg, _now(now))
    typer.echo(f"Feed: {path}")


@app.command("site")
def site_command(
    config: ConfigOpt = None,
    notes: NotesOpt = None,
    state: StateOpt = None,
    feed: FeedOpt = None,
    site: Annotated[
        Path | None,
        typer.Option(
            "--site", help="Folder for the web archive. Default: public/.", show_default=False
        ),
    ] = None,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Write the web archive (index, one page per digest and per note), the feed and calendar."""
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(config, notes=notes, state=state, feed=feed)
        if site is not None:
            cfg = replace(cfg, paths=replace(cfg.paths, site=site))
        published = rebuild_site(cfg, _now(now))
    typer.echo(f"Site: {published.site}")
    typer.echo(f"Feed: {published.feed}")
    if published.calendar:
        typer.echo(f"Calendar: {published.calendar}")


@app.command("preview")
def preview_command(
    config: ConfigOpt = None,
    notes: NotesOpt = None,
    glob: GlobOpt = None,
    state: StateOpt = None,
    out: Annotated[
        Path, typer.Option("--out", help="Folder for digest.html, digest.txt and next-call.ics.")
    ] = Path("preview"),
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the HTML in a web browser.")
    ] = False,
    publish_all: Annotated[
        bool,
        typer.Option("--publish-all", help="Preview a first digest over mail.first_run_limit."),
    ] = False,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Write the next digest's HTML and text to a folder; sends nothing and changes no state."""
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(config, notes=notes, glob=glob, state=state)
        written = preview(cfg, _now(now), out, publish_all=publish_all)
    if not written:
        typer.echo("Nothing new: the next digest would be empty.")
        return
    for path in written:
        typer.echo(f"Wrote {path}")
    if open_browser:
        webbrowser.open(written[0].resolve().as_uri())


@app.command("send")
def send_command(
    config: ConfigOpt = None,
    outbox: OutboxOpt = None,
    smtp: SmtpOpt = None,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Deliver every message waiting in the outbox (password from DIGEST_SMTP_PASSWORD).

    Resumes where an interrupted send stopped; exits with 8 when messages stay queued.
    """
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(config, outbox=outbox, smtp=smtp)
        with _progress_bar() as progress:
            report = send(cfg, _now(now), progress)
    if as_json:
        _print_json(dataclasses.asdict(report))
    else:
        typer.echo(_delivery_line(report))
    if report.deferred:
        raise typer.Exit(DeliveryError.exit_code)


@app.command("ci")
def ci_command(
    config: ConfigOpt = None,
    notes: NotesOpt = None,
    glob: GlobOpt = None,
    state: StateOpt = None,
    outbox: OutboxOpt = None,
    feed: FeedOpt = None,
    smtp: SmtpOpt = None,
    to: ToOpt = None,
    state_branch: Annotated[
        str | None,
        typer.Option(
            "--state-branch",
            help="Keep the state file and undelivered messages on this branch of the notes "
            "repository's origin: restored before the run, pushed after it (by a bot commit).",
            show_default=False,
        ),
    ] = None,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help="Append the job summary (markdown) to this file. Default: $GITHUB_STEP_SUMMARY.",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        bool,
        typer.Option("--baseline", help="First run over an existing archive: send nothing."),
    ] = False,
    as_json: JsonOpt = False,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """One unattended run for a CI schedule: restore state, run, save state, write a summary.

    The notes are --notes, else [notes] path, else the current directory (the checkout).

    Exits non-zero when a person should look (delivery failed or deferred: the messages stay
    queued on the state branch and the next run retries them).
    """
    _setup_logging(verbose)
    with _user_errors():
        cfg = _config(
            config, notes=notes, glob=glob, state=state, outbox=outbox, feed=feed, smtp=smtp, to=to
        )
        if cfg.notes.path is None:  # a CI job runs in the checkout of the notes repository
            cfg = dataclasses.replace(cfg, notes=dataclasses.replace(cfg.notes, path=Path.cwd()))
        result = run_ci(cfg, RunOptions(now=_now(now), baseline=baseline), state_branch)
    target = summary or (
        Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None
    )
    if target is not None:
        try:
            with target.open("a", encoding="utf-8") as handle:
                handle.write(summary_markdown(result))
        except OSError as exc:
            typer.echo(f"digest: cannot write the job summary {target}: {exc.strerror}", err=True)
    if result.report is not None:
        if as_json:
            _print_json(result.report.to_json() | {"ci": list(result.notes)})
        else:
            for line in [*_describe_run(result.report), *result.notes]:
                typer.echo(line)
    if result.error is not None:
        typer.echo(f"digest: {result.error.kind} error: {result.error}", err=True)
    if result.problem and os.environ.get("GITHUB_ACTIONS") == "true":
        # A workflow command: GitHub shows it as an error annotation on the run.
        typer.echo(f"::error title=digest::{result.problem[1]}")
    raise typer.Exit(result.exit_code)


subscribers_app = typer.Typer(
    name="subscribers",
    help="The project's own subscriber list (SQLite, outside the repository).\n\n"
    "Addresses added here are confirmed; people who subscribe through `digest serve` confirm "
    "by mail first. `digest run` mails confirmed subscribers when subscribers.enabled = true.",
    no_args_is_help=True,
)
app.add_typer(subscribers_app)

StatusOpt = Annotated[
    Status | None,
    typer.Option("--status", help="Only addresses with this status.", show_default=False),
]


@subscribers_app.command("add")
def subscribers_add(
    addresses: Annotated[list[str], typer.Argument(help="Addresses to add as confirmed.")],
    config: ConfigOpt = None,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Add addresses as confirmed subscribers (you vouch for their consent)."""
    _setup_logging(verbose)
    with _user_errors():
        normal = [normalize_address(a) for a in addresses]  # all valid, or nothing changes
        with open_store(_config(config)) as store:
            added = sum(store.add(address, _now(now)) for address in normal)
    typer.echo(f"Added {added}; {len(normal) - added} already listed.")


@subscribers_app.command("remove")
def subscribers_remove(
    addresses: Annotated[list[str], typer.Argument(help="Addresses to forget.")],
    config: ConfigOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Delete addresses from the store entirely (to unsubscribe and keep a record, use serve)."""
    _setup_logging(verbose)
    with _user_errors():
        normal = [normalize_address(a) for a in addresses]
        with open_store(_config(config)) as store:
            removed = sum(store.remove(address) for address in normal)
    typer.echo(f"Removed {removed}; {len(normal) - removed} were not listed.")


@subscribers_app.command("list")
def subscribers_list(
    config: ConfigOpt = None, status: StatusOpt = None, as_json: JsonOpt = False
) -> None:
    """Show subscribers with status, dates and bounce count, sorted by address."""
    with _user_errors(), open_store(_config(config)) as store:
        members = store.members(status)
        counts = store.counts()
    if as_json:
        _print_json([dataclasses.asdict(m) for m in members])
        return
    for m in members:
        typer.echo(f"{m.address}\t{m.status}\t{m.updated}\tbounces={m.bounces}")
    typer.echo(", ".join(f"{n} {s}" for s, n in counts.items()), err=True)


@subscribers_app.command("import")
def subscribers_import(
    csv_file: Annotated[
        Path, typer.Argument(help="CSV with an address (or email) column, or one per line.")
    ],
    config: ConfigOpt = None,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Add every address of a CSV file as confirmed, in one transaction.

    Addresses already listed keep their status: an import never re-subscribes someone who
    unsubscribed or bounced. Invalid lines are reported by line number and skipped.
    """
    _setup_logging(verbose)
    with _user_errors():
        try:
            handle = csv_file.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise SubscriberError(f"cannot read: {exc.strerror}", path=csv_file) from None
        with handle, open_store(_config(config)) as store:
            report = store.import_csv(handle, _now(now))
    typer.echo(
        f"Added {report.added}; {report.present} already listed; {len(report.invalid)} invalid."
    )
    for problem in report.invalid[:20]:
        typer.echo(f"{csv_file}: {problem}", err=True)
    if report.invalid:
        raise typer.Exit(NoteError.exit_code)


@subscribers_app.command("export")
def subscribers_export(config: ConfigOpt = None, status: StatusOpt = None) -> None:
    """Write the list as CSV on stdout (address, status, dates, bounces)."""
    with _user_errors(), open_store(_config(config)) as store:
        store.export_csv(sys.stdout, status)


@subscribers_app.command("bounces")
def subscribers_bounces(
    mailbox_path: Annotated[
        Path, typer.Argument(help="Maildir folder or mbox file holding bounce reports.")
    ],
    config: ConfigOpt = None,
    verbose: VerboseOpt = 0,
    now: NowOpt = None,
) -> None:
    """Count permanent failures from delivery status notifications (RFC 3464) in a mailbox.

    Each report counts once, however often the mailbox is read; subscribers.max_bounces
    failures mark an address bounced (no more mail).
    """
    _setup_logging(verbose)
    with _user_errors(), open_store(_config(config)) as store:
        found = read_bounces(store, mailbox_path, _now(now))
    typer.echo(
        f"Reports: {found['reports']}; bounces counted: {found['counted']}; "
        f"now bounced: {found['bounced']}."
    )


@app.command("serve")
def serve_command(
    config: ConfigOpt = None,
    host: Annotated[
        str | None, typer.Option("--host", help="Default: subscribers.host.", show_default=False)
    ] = None,
    port: Annotated[
        int | None, typer.Option("--port", help="Default: subscribers.port.", show_default=False)
    ] = None,
    smtp: SmtpOpt = None,
    verbose: VerboseOpt = 0,
) -> None:
    """Serve the subscribe form, confirm links, one-click unsubscribe and /health.

    Needs DIGEST_SECRET (signs the links), subscribers.base_url (its public address, behind a
    TLS proxy) and SMTP for the confirmation mail. Install with pip install 'digest\\[web]'.
    """
    _setup_logging(verbose)
    with _user_errors():
        try:
            from .web import serve
        except ImportError as exc:
            raise ConfigError(
                f"digest serve needs the web extra ({exc.name} is missing)",
                hint="pip install 'digest[web]'",
            ) from None
        cfg = load_config(
            config, overrides={"smtp": _smtp(smtp), "subscribers": {"host": host, "port": port}}
        )
        serve(cfg, clock=lambda: datetime.now(UTC))


def main() -> None:
    app()
