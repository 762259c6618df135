"""Minutes pasted from a spreadsheet: tab-separated rows read as tables and "Key: value"."""

from __future__ import annotations

from datetime import date

from digest.extract import extract
from digest.models import Note
from digest.tsv_text import tsv_to_markdown

SHEET = (
    "Programme meeting\t\t\t\t\n"
    "\t\t\t\t\n"
    "Date\t29/09/2026 (Tue)\t\t\t\n"
    "Chair\tSunita Gurung (Programme Manager)\t\t\t\n"
    "Present\tSunita Gurung; Bikash Thapa (Engineer); Pooja Rai (Finance)\t\t\t\n"
    "\t\t\t\t\n"
    "#\tAgenda item\tDecision / outcome\tAction\tResponsible\tStatus\n"
    "1\tWater quality\tRepair the doser before any further testing\t\"Get the doser repaired\n"
    "Re-test the tapstands\"\tBikash\tOpen\n"
    "2\tBudget\t\tDraft the realignment request\tPooja + Sunita\tOpen\n"
    "\t\t\t\t\n"
    "Next meeting\t03/11/2026 (Tue), Gorkha office\t\t\t\n"
)


def test_rows_become_a_table_key_value_lines_and_keep_their_line_numbers() -> None:
    text, line_of = tsv_to_markdown(SHEET)
    lines = text.split("\n")
    assert lines[2:5] == ["Date: 29/09/2026 (Tue)", "Chair: Sunita Gurung (Programme Manager)",
                          "Present: Sunita Gurung; Bikash Thapa (Engineer); Pooja Rai (Finance)"]
    assert lines[6] == "| # | Agenda item | Decision / outcome | Action | Responsible | Status |"
    assert lines[7] == "|---|---|---|---|---|---|"
    assert lines[8].startswith("| 1 | Water quality |") and "Re-test the tapstands" in lines[8]
    assert [line_of[i] for i in (6, 7, 8, 9)] == [6, 6, 7, 9]  # the quoted cell spans 7-8


def test_a_spreadsheet_paste_gives_decisions_owned_actions_and_the_next_meeting() -> None:
    note = Note(path="n.txt", title="Programme meeting", date=date(2026, 9, 29), body=SHEET,
                format="text", content_hash="x")  # type: ignore[arg-type]
    ext = extract(note)
    assert [p.name for p in ext.attendees] == ["Sunita Gurung", "Bikash Thapa", "Pooja Rai"]
    assert [d.text for d in ext.decisions] == ["Repair the doser before any further testing"]
    assert [(a.owner, a.task, a.line) for a in ext.actions] == [
        ("Bikash Thapa", "Get the doser repaired Re-test the tapstands", 8),
        ("Pooja Rai, Sunita Gurung", "Draft the realignment request", 10)]
    assert ext.next_call is not None and ext.next_call.date == date(2026, 11, 3)


def test_a_documents_tab_indented_bullets_are_not_a_table() -> None:
    bullets = "Notes\n\n\t•\tWe agreed to ship it.\n\t•\tAna will write the post.\n"
    assert tsv_to_markdown(bullets)[0] == bullets.rstrip("\n") + "\n"
