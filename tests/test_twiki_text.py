"""TWiki and Foswiki topics: headings, WikiNames, tables and the ActionTracker's actions."""

from __future__ import annotations

from digest.extract import extract
from digest.models import NoteFile
from digest.parse import parse_note
from digest.twiki_text import twiki_to_text

TOPIC = """%META:TOPICINFO{author="IrisValk" date="1224005941" format="1.1" version="1.2"}%
---+!! Detector weekly -- 3 March 2009

%TOC%

---++ Present

   * [[Main.IrisValk][Iris Valk]] (convener, minutes)
   * [[Main.OwenTreharne][Owen Treharne]] (cooling)

---++ Actions from last week

| *Who* | *What* | *Status* |
| Main.OwenTreharne | leak test | %Y% done |

---++ 1. Cooling

   * *Decision:* the loop runs at 18 C.%BR%

%ACTION{who="Main.OwenTreharne" due="10-Mar-2009"}% Write the cooling procedure %ENDACTION%
%ACTION{who="Main.IrisValk" due="1-Mar-2009" state="closed"}% Book the room %ENDACTION%
"""


def test_headings_links_tables_and_actions_become_markdown_with_their_lines() -> None:
    text, origin = twiki_to_text(TOPIC)
    lines = text.split("\n")
    assert "## Present" in lines and "%TOC%" not in text and "%META" not in text
    assert "   * Iris Valk (convener, minutes)" in lines
    header = lines.index("| Who | What | Status |")
    assert lines[header + 1] == "|---|---|---|" and origin[header] == origin[header + 1]
    assert "| Owen Treharne | leak test |  done |" in lines
    assert "- TODO(Owen Treharne): Write the cooling procedure (by 10-Mar-2009)" in lines
    assert "Book the room" not in text  # (a closed action is done)


def test_a_topics_minutes_give_its_people_decision_and_open_action() -> None:
    extraction = extract(parse_note(NoteFile("2009-03-03-detector-weekly.txt", TOPIC.encode())))
    assert [p.name for p in extraction.attendees] == ["Iris Valk", "Owen Treharne"]
    assert [d.text for d in extraction.decisions] == ["the loop runs at 18 C."]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Owen Treharne", "Write the cooling procedure (by 10-Mar-2009)")]
