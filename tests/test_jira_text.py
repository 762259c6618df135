"""Jira's wiki markup: minutes kept in an issue, with its fields, tables, panels and comments."""

from __future__ import annotations

from digest.extract import extract
from digest.jira_text import jira_to_text
from digest.models import NoteFile
from digest.parse import parse_note

ISSUE = """[OPS-88] Change board 2016-03-01 Created: 01/Mar/16  Updated: 02/Mar/16

Status:                 Closed
Resolution:             Done                    Votes:          0

 Description

h2. Attendees
* [~akovacs] Anna Kovacs - chair
* [~bdiallo] Bakary Diallo - Network
* [~lhughes] Lena Hughes - Database

h2. Changes reviewed
||Change||Summary||Outcome||
|CHG-101|Router firmware 9.1|(x) *Rejected* - no rollback plan|
|CHG-102|Certificate renewal, web portal|(/) *Approved* as a standard change|
|CHG-103|Disk swap on DB2|(i) Reviewed after the fact. Noted.|

h3. CHG-101
{color:red}Rejected.{color}
* [~bdiallo] to write a rollback plan and resubmit for 15/Mar/16.

Comment by Lena Hughes [ 01/Mar/16 4:10 PM ]
[~akovacs] small correction: I'll run the restore test, not Bakary.
"""


def test_fields_mentions_tables_and_comments_become_markdown_with_their_lines() -> None:
    text, line_of = jira_to_text(ISSUE)
    lines = text.split("\n")
    assert "Resolution:" not in text and "(x)" not in text and "{color" not in text
    assert "* Anna Kovacs (@akovacs) - chair" in lines
    header = lines.index("| Change | Summary | Outcome |")
    assert lines[header + 1] == "|---|---|---|"
    assert line_of[header] == line_of[header + 1] == ISSUE.split("\n").index(
        "||Change||Summary||Outcome||")
    assert "* @bdiallo to write a rollback plan and resubmit for 15 Mar 2016." in lines
    assert "Lena Hughes: @akovacs small correction: I'll run the restore test, not Bakary." in lines


def test_an_issues_minutes_give_its_outcomes_tasks_and_a_comments_promise() -> None:
    extraction = extract(parse_note(NoteFile("2016-03-01-change-board.txt", ISSUE.encode())))
    assert [(p.name, p.aliases) for p in extraction.attendees][:2] == [
        ("Anna Kovacs", ("akovacs", "chair")), ("Bakary Diallo", ("bdiallo",))]
    assert [d.text for d in extraction.decisions] == [
        "Router firmware 9.1: Rejected - no rollback plan",
        "Certificate renewal, web portal: Approved as a standard change"]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Bakary Diallo", "write a rollback plan and resubmit for 15 Mar 2016"),
        ("Lena Hughes", "run the restore test, not Bakary")]
