"""AsciiDoc notes: settings dropped, hard-break paragraphs as lists, tables with a header as
markdown tables, headerless label tables as written."""

from __future__ import annotations

from digest.adoc_text import adoc_to_text
from digest.extract import extract
from digest.models import NoteFile
from digest.parse import parse_note

ADOC = """= Quillon 3.1 planning sync
Maren Tvedt <maren@quillon.example>
:toc: macro
:icons: font

// kept at wiki/planning/sync.adoc

== Attendees

[%hardbreaks]
Maren Tvedt -- release lead, notes (MT)
Osei Boateng -- docs and packaging (OB)
Regrets: Lucie Vasseur

== Previous actions

* [line-through]#OB: rebuild the docs site# -- done.

== Plugin API

.Motion 3.1-A
[cols="1,4"]
|===
|Moved |MT
|Seconded |OB
|Text |Freeze the plugin API for 3.1.
|Result |Carried 2-0
|===

== Action items

[cols="1,4,1",options="header"]
|===
|Who |What |When
|OB |Package the 3.1 beta for Flathub |Friday
|MT + OB |Write the upgrade notes |before beta
|===
"""


def test_settings_go_hard_breaks_list_and_header_tables_become_markdown_line_for_line() -> None:
    text = adoc_to_text(ADOC)
    lines = text.split("\n")
    assert len(lines) == len(ADOC.split("\n"))  # (so every line keeps its number)
    assert ":toc:" not in text and "// kept" not in text and "[cols" not in text
    assert lines[7] == "## Attendees"
    assert lines[10:13] == ["- Maren Tvedt -- release lead, notes (MT)",
                            "- Osei Boateng -- docs and packaging (OB)", "- Regrets: Lucie Vasseur"]
    assert "* ~~OB: rebuild the docs site~~ -- done." in lines
    assert "|Result |Carried 2-0" in lines  # a table of labels stays as it was
    start = lines.index("| Who | What | When |")
    assert lines[start + 1:start + 4] == [
        "|---|---|---|", "| OB | Package the 3.1 beta for Flathub | Friday |",
        "| MT + OB | Write the upgrade notes | before beta |"]


def test_an_asciidoc_note_names_its_people_by_initials_and_reads_its_action_table() -> None:
    for name in ("2024-05-02-sync.adoc", "2024-05-02-sync.txt"):  # (the .txt by its markup)
        extraction = extract(parse_note(NoteFile(name, ADOC.encode())))
        assert [(p.name, p.aliases) for p in extraction.attendees] == [
            ("Maren Tvedt", ("MT",)), ("Osei Boateng", ("OB",))]
        assert [(a.owner, a.task) for a in extraction.actions] == [
            ("Osei Boateng", "Package the 3.1 beta for Flathub"),
            ("Maren Tvedt, Osei Boateng", "Write the upgrade notes")]
        assert [d.text for d in extraction.decisions] == [
            "Freeze the plugin API for 3.1 (carried 2-0)"]
