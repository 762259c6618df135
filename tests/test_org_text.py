"""Org-mode notes: TODO headlines and their tags are action items and owners."""

from __future__ import annotations

from datetime import date

from digest.extract import extract
from digest.models import NoteFile
from digest.org_text import org_to_text
from digest.parse import parse_note

ORG = """#+TITLE: Research group — planning meeting
#+DATE: <2025-04-07 Mon>
#+TODO: TODO WAITING | DONE CANCELLED

* Attendees
- Rhoda Mbeki :: chair, tag =:rhoda:=
- Seo-yeon Han (visiting) :: tag =:seoyeon:=
- Eitan Shapiro :: tag =:eitan:=

* Carried over
** DONE Rerun the ablation with the fixed tokenizer                     :eitan:
   CLOSED: [2025-03-30 Sun 21:14]

* Retrieval project
- Decided: merge the sharding prototype behind a flag.
** TODO [#A] Merge the index sharding prototype behind a flag    :seoyeon:
   SCHEDULED: <2025-04-14 Mon>
** TODO Make the figures consistent
** TODO Review the merge request                                 :eitan:rhoda:

* Next meeting
  <2025-04-22 Tue 15:00-16:00>
"""


def test_org_headlines_settings_and_planning_lines_read_as_markdown() -> None:
    text = org_to_text(ORG)
    assert "#+" not in text and "SCHEDULED" not in text and "Rerun the ablation" not in text
    assert "- TODO(seoyeon): Merge the index sharding prototype behind a flag" in text
    assert "- Rhoda Mbeki (@rhoda) (chair)" in text
    assert "  2025-04-22 Tue 15:00-16:00" in text


def test_org_note_todo_tags_own_the_tasks_and_the_next_meeting_is_found() -> None:
    note = parse_note(NoteFile("2025-04-07-planning.org", ORG.encode()))
    assert note.title == "Research group — planning meeting"
    got = extract(note)
    assert [(p.name, p.chair) for p in got.attendees] == [
        ("Rhoda Mbeki", True), ("Seo-yeon Han", False), ("Eitan Shapiro", False)]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Seo-yeon Han", "Merge the index sharding prototype behind a flag"),
        (None, "Make the figures consistent"),
        ("Eitan Shapiro, Rhoda Mbeki", "Review the merge request")]
    assert [d.text for d in got.decisions] == ["merge the sharding prototype behind a flag."]
    assert got.next_call is not None and got.next_call.date == date(2025, 4, 22)


def test_top_level_todo_headlines_with_tags_nobody_lists_keep_the_tag_as_owner() -> None:
    org = "#+DATE: <2015-09-30 Wed>\n* TODO Write the report :anil:\n* TODO Book the room\n"
    got = extract(parse_note(NoteFile("2015-09-30-n.org", org.encode())))
    assert [(a.owner, a.task) for a in got.actions] == [
        ("anil", "Write the report"), (None, "Book the room")]
    assert got.agenda == ()
