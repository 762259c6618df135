"""Digest → subject, HTML and text, from one jinja2 context.

Templates come from the top-level `templates/` folder (shipped inside the
wheel as `digest/templates`), and a folder named in the config can override
any of them. Undefined names fail loudly (StrictUndefined); HTML templates
autoescape, so note text can never inject markup.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import css_inline
import jinja2
import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

from .config import Config
from .errors import TemplateError
from .ics import calendar_bytes, next_call_event
from .models import Digest, DigestEntry, NextCall, Note
from .parse import one_line
from .people import UNASSIGNED, actions_by_person

_BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
_SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_WIKI_HEADING = re.compile(r"^(!{2,})\s*(.*)$", re.MULTILINE)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@dataclass(frozen=True)
class RenderedDigest:
    """One digest, rendered once for every recipient (recipient-specific parts live in compose)."""

    subject: str
    html: str
    text: str
    calendar: bytes | None = None  # the next call as text/calendar, when it is still ahead
    short: bool = False  # the HTML was too long and the short form was rendered instead


def template_dirs(config: Config) -> list[Path]:
    builtin = _BUILTIN_TEMPLATES if _BUILTIN_TEMPLATES.is_dir() else _SOURCE_TEMPLATES
    dirs = [builtin]
    if config.paths.templates is not None:
        dirs.insert(0, config.paths.templates)
    return dirs


def environment(config: Config) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs(config)]),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "xml"), default_for_string=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["wrap"] = wrap
    env.filters["longdate"] = long_date
    env.filters["shortdate"] = short_date
    env.filters["inline"] = inline_html
    env.filters["plural"] = plural
    return env


def render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        raise TemplateError(
            f"template {name} not found", hint="check paths.templates in digest.toml"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", path=exc.filename or name, line=exc.lineno
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"template uses something the digest does not have: {exc.message}",
            path=name,
            hint="see the context documented in templates/README.md",
        ) from None


def subject_line(config: Config, digest: Digest) -> str:
    count = len(digest.entries)
    noun = "note" if count == 1 else "notes"
    span = date_range(digest.first_date, digest.last_date)
    return one_line(f"{config.mail.list_name} digest: {count} new {noun} ({span})")


def date_range(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if first.year != last.year:
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day}–{last.day} {last:%b %Y}"


def short_date(value: date, year: bool = False) -> str:
    """"8 Jan" or "8 Jan 2026", with no-break spaces so wrapping never splits it."""
    return f"{value.day}\u00a0{value:%b}" + (f"\u00a0{value:%Y}" if year else "")


def long_date(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def wrap(text: str, width: int = 72, indent: str = "", first: str | None = None) -> str:
    """Wrap one paragraph for a terminal mail client; `first` prefixes the first line."""
    return textwrap.fill(
        _SPACES.sub(" ", str(text)).strip(),  # only ASCII whitespace: no-break spaces hold
        width=width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def inline_html(text: str) -> Markup:
    """One line of note text as safe HTML: inline markdown (links, code, emphasis), sanitised."""
    rendered = _MARKDOWN.renderInline(str(text))
    return Markup(
        nh3.clean(
            rendered,
            tags={"a", "code", "em", "strong"},
            attributes={"a": {"href"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )


def plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def call_context(call: NextCall, default_zone: str) -> dict[str, Any]:
    """A call as templates show it: "Thursday 19 March 2026, 16:00 UTC" or the date alone."""
    when = long_date(call.date)
    if call.time is not None:
        zone = call.timezone or default_zone
        when += f", {call.time:%H:%M}\u00a0{zone}"
    return {"date": call.date, "time": call.time, "timezone": call.timezone, "when": when}


def entry_context(entry: DigestEntry, default_zone: str = "UTC") -> dict[str, Any]:
    note, ex = entry.note, entry.extraction
    return {
        "id": entry.note_id,
        "anchor": anchor(entry),
        "title": one_line(note.title),
        "date": note.date,
        "url": entry.url,
        "path": note.path,
        "author": note.author,
        "attendees": [{"name": one_line(p.name), "chair": p.chair} for p in ex.attendees],
        "agenda": list(ex.agenda),
        "decisions": [d.text for d in ex.decisions],
        "actions": [{"owner": a.owner, "task": a.task} for a in ex.actions],
        "next_call": ex.next_call.date if ex.next_call else None,
        "call": call_context(ex.next_call, default_zone) if ex.next_call else None,
    }


def anchor(entry: DigestEntry) -> str:
    return "note-" + re.sub(r"[^a-z0-9-]", "-", entry.note_id.lower())


def next_call(digest: Digest) -> tuple[DigestEntry, NextCall] | None:
    """The call the digest announces: the latest next-call date any of its notes gives."""
    calls = [(e.extraction.next_call.date, i) for i, e in enumerate(digest.entries)
             if e.extraction.next_call]
    if not calls:
        return None
    entry = digest.entries[max(calls)[1]]
    assert entry.extraction.next_call is not None
    return entry, entry.extraction.next_call


def people_context(digest: Digest) -> list[dict[str, Any]]:
    """Action items by person across the digest; the unowned group comes last."""
    return [
        {
            "name": "Unassigned" if name == UNASSIGNED else one_line(name),
            "unassigned": name == UNASSIGNED,
            "actions": [
                {"task": a.task, "note": one_line(e.note.title), "date": e.note.date,
                 "anchor": anchor(e)}
                for e, a in items
            ],
        }
        for name, items in actions_by_person(digest.entries).items()
    ]


def digest_context(config: Config, digest: Digest, *, short: bool = False) -> dict[str, Any]:
    """Everything the templates may use; HTML and text render from this same dict.

    Documented in templates/README.md. `short` asks for the short form (per note: title,
    counts and link), used when the full HTML would be clipped by mail clients.
    """
    zone = config.mail.timezone
    entries = [entry_context(e, zone) for e in digest.entries]
    call = next_call(digest)
    return {
        "list_name": one_line(config.mail.list_name),
        "subject": subject_line(config, digest),
        "volume": digest.volume,
        "number": digest.number,
        "created": digest.created,
        "entries": entries,
        "decision_count": sum(len(e["decisions"]) for e in entries),
        "action_count": sum(len(e["actions"]) for e in entries),
        "next_call": call[1].date if call else None,
        "call": call_context(call[1], zone) if call else None,
        "calendar": calendar_wanted(digest),
        "people": people_context(digest),
        "short": short,
        "corrections": [
            {"title": c.title, "date": c.date, "url": c.url} for c in digest.corrections
        ],
        "archive_url": config.mail.archive_url,
        "feed_url": config.feed.url,
        "unsubscribe_url": config.mail.unsubscribe_url,
        "unsubscribe_mailto": config.mail.unsubscribe_mailto,
        "footer_links": footer_links(config),
    }


def footer_links(config: Config) -> list[dict[str, str]]:
    """Unsubscribe, archive, feed. The unsubscribe URL appears once per part, verbatim, so
    delivery can splice a per-recipient link into the serialised message."""
    links = []
    if config.mail.unsubscribe_url:
        links.append({"label": "Unsubscribe", "url": config.mail.unsubscribe_url})
    elif config.mail.unsubscribe_mailto:
        mailto = f"mailto:{config.mail.unsubscribe_mailto}?subject=unsubscribe"
        links.append({"label": "Unsubscribe", "url": mailto})
    if config.mail.archive_url:
        links.append({"label": "Archive", "url": config.mail.archive_url})
    if config.feed.url:
        links.append({"label": "Atom feed", "url": config.feed.url})
    return links


def calendar_wanted(digest: Digest) -> bool:
    """Attach the next call only while it is ahead: a past event in a calendar is noise."""
    call = next_call(digest)
    return call is not None and call[1].date >= digest.created.date()


def list_id(config: Config) -> str:
    """The RFC 2919 list id: configured, else derived from the sender's domain."""
    if config.mail.list_id:
        return one_line(config.mail.list_id)
    sender = config.mail.sender.rpartition("@")[2].strip(" >")
    return f"digest.{one_line(sender) or 'localhost'}"


def calendar_attachment(config: Config, digest: Digest) -> bytes | None:
    """The next call as a METHOD:PUBLISH calendar, or None when there is none ahead."""
    call = next_call(digest)
    if call is None or not calendar_wanted(digest):
        return None
    entry, when = call
    event = next_call_event(
        when,
        list_id=list_id(config),
        summary=f"{one_line(config.mail.list_name)} call",
        stamp=digest.created,
        default_zone=config.mail.timezone,
        url=config.mail.archive_url or entry.url,
        description=f"Announced in the notes of {long_date(entry.note.date)}.",
    )
    return calendar_bytes([event], name=one_line(config.mail.list_name))


def inline_css(html_text: str) -> str:
    """Move <style> rules into style attributes (what most mail clients honour); keep
    @media rules (dark mode, narrow screens) in <style> for the clients that read them."""
    inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
    return str(inliner.inline(html_text))


def render_digest(config: Config, digest: Digest) -> RenderedDigest:
    """Render once for all recipients. When the HTML is over mail.html_size_limit (Gmail clips
    at about 102 KB) it is rendered in the short form; the text part always stays whole."""
    env = environment(config)
    context = digest_context(config, digest)
    text = render_template(env, "digest.txt", context)
    html_text = inline_css(render_template(env, "digest.html", context))
    short = len(html_text.encode()) > config.mail.html_size_limit
    if short:
        short_context = digest_context(config, digest, short=True)
        html_text = inline_css(render_template(env, "digest.html", short_context))
    return RenderedDigest(
        subject=context["subject"],
        html=html_text,
        text=text,
        calendar=calendar_attachment(config, digest),
        short=short,
    )


def note_html(note: Note) -> str:
    """The whole note as safe HTML: markdown rendered with raw HTML escaped, then sanitised."""
    if note.format == "markdown":
        # Comments are invisible where the note is published; escaped, they would show.
        body = _HTML_COMMENT.sub("", note.body)
        rendered = _MARKDOWN.render(
            _WIKI_HEADING.sub(lambda m: "#" * len(m.group(1)) + " " + m.group(2), body)
        )
    elif note.format == "html":
        rendered = note.body
    else:
        paragraphs = [p for p in re.split(r"\n\s*\n", note.body) if p.strip()]
        rendered = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in paragraphs)
    return nh3.clean(
        rendered, url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer"
    )
