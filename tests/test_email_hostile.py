"""Note text is untrusted: hostile notes give inert mail and never an injected header."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from digest.compose import parse_address
from digest.errors import ConfigError
from digest.models import NoteFile
from digest.parse import parse_note
from digest.render import note_html

from .email_helpers import build, example_config, parse

HOSTILE = b"""---
title: "Plans\\r\\nBcc: victim@example.org\\r\\n\\r\\n<script>alert('title')</script>"
author: "Mallory\\r\\nX-Injected: yes"
date: 2026-03-05
---
# Call of 5 March 2026

Attendees: Mallory (chair), Eve <script>alert('attendee')</script>

We agreed to ship it <img src=x onerror=alert('img')> and [read this](javascript:alert('link')).

Decision: we will move to <a href="javascript:alert(3)" onclick="steal()">the new tracker</a>.

Mallory will review <script>document.cookie</script> the [patch](javascript:alert(2)) tonight.

Eve to send <iframe src="https://evil.example/"></iframe> the slides by Friday.

Next call will take place on the 19th at 16:00 UTC.
"""
EXPECTED_HEADERS = {
    "from", "to", "subject", "date", "message-id", "list-id", "list-unsubscribe", "list-archive",
    "auto-submitted", "precedence", "mime-version", "content-type",
}  # fmt: skip


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def _hostile_message(**mail: str) -> tuple[str, str, bytes]:
    config = example_config(**mail)  # type: ignore[arg-type]
    rendered, data = build(config, [NoteFile("hostile.md", HOSTILE)])
    return rendered.html, rendered.text, data


def test_no_header_is_injected_from_titles_authors_or_the_list_name() -> None:
    _html, _text, data = _hostile_message(list_name="Lantern\r\nBcc: all@example.org\x00\x1b[31m")
    head = data.split(b"\r\n\r\n", 1)[0]
    names = {line.split(b":", 1)[0].decode().lower() for line in head.split(b"\r\n")
             if line and not line[:1].isspace()}
    assert names == EXPECTED_HEADERS
    message = parse(data)
    assert message["Bcc"] is None and message["X-Injected"] is None
    assert message["List-Id"] == "Lantern Bcc: all@example.org [31m <calls.lantern.example.org>"
    assert all(ch.isprintable() for value in message.values() for ch in str(value))


def test_the_mime_structure_survives_a_title_with_crlf() -> None:
    _html, text, data = _hostile_message()
    message = parse(data)
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar"
    ]
    assert "Plans Bcc: victim@example.org <script>alert('title')</script>" in text  # inert text


def test_html_part_has_no_script_handler_or_javascript_link() -> None:
    html, _text, _data = _hostile_message()
    found = _Elements()
    found.feed(html)
    assert not {"script", "iframe", "img", "object", "embed"} & set(found.tags)
    assert not [k for k, _v in found.attrs if k.startswith("on")]
    assert not [v for _k, v in found.attrs if v.strip().lower().startswith("javascript:")]
    assert "&lt;script&gt;" in html  # shown as inert text, not dropped silently


def test_the_feed_html_of_a_hostile_note_is_sanitised_too() -> None:
    body = note_html(parse_note(NoteFile("hostile.md", HOSTILE)))
    found = _Elements()
    found.feed(body)
    assert "script" not in found.tags and "iframe" not in found.tags
    assert not [k for k, _v in found.attrs if k.startswith("on")]
    assert not [v for _k, v in found.attrs if v.strip().lower().startswith("javascript:")]


def test_author_with_crlf_is_one_line() -> None:
    note = parse_note(NoteFile("hostile.md", HOSTILE))
    assert note.author == "Mallory X-Injected: yes"


@pytest.mark.parametrize(
    "address",
    ["digest@example.org\r\nBcc: all@example.org", "not an address", "a@b@c", "<>", "Name <>"],
)
def test_addresses_are_validated(address: str) -> None:
    with pytest.raises(ConfigError):
        parse_address(address, setting="mail.to")
    with pytest.raises(ConfigError):
        build(example_config(), [NoteFile("hostile.md", HOSTILE)], recipient=address)
