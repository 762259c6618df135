"""HTML notes are read as text with their structure: MeetBot summaries, tables, nesting."""

from __future__ import annotations

from digest.extract import extract
from digest.html_text import html_to_text
from digest.models import NoteFile
from digest.parse import parse_note

MEETBOT = """<!DOCTYPE html><html><head><title>#glacier: team meeting</title>
<style>body { font-family: sans-serif; }</style></head><body>
<h1>#glacier: team meeting</h1>
<h3>Meeting summary</h3>
<ol>
  <li><b class="TOPIC">RC1 blockers</b> <a href="log.html#l-44">(tkaur, 15:09:58)</a>
  <ol>
    <li><i class="AGREED">bug 2099 is an RC1 blocker</i>
        <a href="log.html#l-60">(tkaur, 15:16:42)</a></li>
    <li><i class="ACTION">fjansen to propose a fix for bug 2099 by Monday</i>
        <a href="log.html#l-62">(tkaur, 15:16:58)</a></li>
    <li><i class="INFO">next meeting 29 April, 15:00 UTC</i></li>
  </ol></li>
</ol>
<h3>People present (lines said)</h3>
<ul><li>tkaur (40)</li><li>fjansen (12)</li></ul>
</body></html>
"""


def test_a_meetbot_summary_reads_as_markers_under_headings() -> None:
    text = html_to_text(MEETBOT)
    assert "body {" not in text  # the style sheet is not text
    assert "### Meeting summary" in text
    assert "  - AGREED: bug 2099 is an RC1 blocker (tkaur, 15:16:42)" in text.split("\n")
    got = extract(parse_note(NoteFile("2025-04-15-glacier.html", MEETBOT.encode())))
    assert [d.text for d in got.decisions] == ["bug 2099 is an RC1 blocker"]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("fjansen", "propose a fix for bug 2099 by Monday")]
    assert got.next_call is not None and str(got.next_call.date) == "2025-04-29"


def test_tables_become_rows_and_inline_markup_disappears() -> None:
    html = ("<table><tr><th>Action</th><th>Owner</th></tr><tr><td>Ship <b>it</b></td>"
            "<td>Ana</td></tr></table><p>Done.</p>")
    assert html_to_text(html) == "| Action | Owner |\n| Ship it | Ana |\n\nDone.\n"


def test_deep_nesting_and_non_html_do_not_break_it() -> None:
    assert html_to_text("<div>" * 200 + "deep" + "</div>" * 200).strip() == "deep"
    assert isinstance(html_to_text("<div>" * 50_000 + "x"), str)  # libxml2 stops at its limit
    assert html_to_text("") == ""
    assert html_to_text("just words, no tags").strip() == "just words, no tags"
