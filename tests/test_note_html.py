"""The whole note as HTML (feed content, archive pages): safe and as readers see it on the web."""

from __future__ import annotations

from datetime import date

from digest.models import Note
from digest.render import note_html


def _note(body: str) -> Note:
    return Note(path="n.md", title="t", date=date(2026, 1, 8), body=body, format="markdown",
                content_hash="x")


def test_html_comments_are_dropped_not_shown_as_text() -> None:
    html = note_html(_note("Before <!-- hidden\nremark --> after\n\n<!-- never closed"))
    assert "hidden" not in html and "never closed" not in html and "&lt;!--" not in html
    assert "Before" in html and "after" in html


def test_wiki_headings_and_raw_html_are_safe() -> None:
    html = note_html(_note("!! Agenda\n\n<script>alert(1)</script> [x](javascript:alert(1))"))
    assert "<h2>Agenda</h2>" in html
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html  # shown as text, inert
