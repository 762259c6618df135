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

import jinja2
import nh3
from markdown_it import MarkdownIt

from .config import Config
from .errors import TemplateError
from .models import Digest, DigestEntry, Note

_BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
_SOURCE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_WIKI_HEADING = re.compile(r"^(!{2,})\s*(.*)$", re.MULTILINE)
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@dataclass(frozen=True)
class RenderedDigest:
    subject: str
    html: str
    text: str


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
    return f"{config.mail.list_name} digest: {count} new {noun} ({span})"


def date_range(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if first.year != last.year:
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day}–{last.day} {last:%b %Y}"


def long_date(value: date) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def wrap(text: str, width: int = 72, indent: str = "", first: str | None = None) -> str:
    """Wrap one paragraph for a terminal mail client; `first` prefixes the first line."""
    return textwrap.fill(
        " ".join(str(text).split()),
        width=width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def entry_context(entry: DigestEntry) -> dict[str, Any]:
    note, ex = entry.note, entry.extraction
    return {
        "id": entry.note_id,
        "anchor": "note-" + re.sub(r"[^a-z0-9-]", "-", entry.note_id.lower()),
        "title": note.title,
        "date": note.date,
        "url": entry.url,
        "path": note.path,
        "author": note.author,
        "attendees": [{"name": p.name, "chair": p.chair} for p in ex.attendees],
        "agenda": list(ex.agenda),
        "decisions": [d.text for d in ex.decisions],
        "actions": [{"owner": a.owner, "task": a.task} for a in ex.actions],
        "next_call": ex.next_call.date if ex.next_call else None,
    }


def digest_context(config: Config, digest: Digest) -> dict[str, Any]:
    """Everything the templates may use; HTML and text render from this same dict."""
    entries = [entry_context(e) for e in digest.entries]
    upcoming = [e.extraction.next_call.date for e in digest.entries if e.extraction.next_call]
    return {
        "list_name": config.mail.list_name,
        "subject": subject_line(config, digest),
        "volume": digest.volume,
        "number": digest.number,
        "created": digest.created,
        "entries": entries,
        "decision_count": sum(len(e["decisions"]) for e in entries),
        "action_count": sum(len(e["actions"]) for e in entries),
        "next_call": max(upcoming) if upcoming else None,
        "archive_url": config.mail.archive_url,
        "feed_url": config.feed.url,
        "unsubscribe_url": config.mail.unsubscribe_url,
        "unsubscribe_mailto": config.mail.unsubscribe_mailto,
    }


def render_digest(config: Config, digest: Digest) -> RenderedDigest:
    env = environment(config)
    context = digest_context(config, digest)
    return RenderedDigest(
        subject=context["subject"],
        html=render_template(env, "digest.html", context),
        text=render_template(env, "digest.txt", context),
    )


def note_html(note: Note) -> str:
    """The whole note as safe HTML: markdown rendered with raw HTML escaped, then sanitised."""
    if note.format == "markdown":
        rendered = _MARKDOWN.render(
            _WIKI_HEADING.sub(lambda m: "#" * len(m.group(1)) + " " + m.group(2), note.body)
        )
    elif note.format == "html":
        rendered = note.body
    else:
        paragraphs = [p for p in re.split(r"\n\s*\n", note.body) if p.strip()]
        rendered = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in paragraphs)
    return nh3.clean(
        rendered, url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer"
    )
