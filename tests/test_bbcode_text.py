"""Forum threads in BBCode: the minutes in the first post, corrections and promises in replies."""

from __future__ import annotations

from digest.bbcode_text import bbcode_to_text
from digest.extract import extract
from digest.models import NoteFile
from digest.parse import parse_note

THREAD = """Kestle Rowing Club Forum
Board index » Club business » Committee

Committee meeting Mon 8th March - minutes

Post  by rowan_k » Tue Mar 09, 2010 8:02 pm

[b]Present:[/b]
[list]
[*]Ada Quarrie (Chair) - [i]ada_q[/i] on here
[*]Rowan Kettle (Secretary) - [i]rowan_k[/i]
[*]Idris Moel (Boats) - [i]idris77[/i]
[/list]

[b]1. Boats[/b]
The coxed four needs a new rigger.
[color=#0000BF][b]AGREED: buy a new rigger for the four, up to £120.[/b][/color]
[list]
[*]Idris will order the rigger from [url=http://example.org/shop]the usual shop[/url].
[/list]

Post  by idris77 » Tue Mar 09, 2010 9:15 pm

[quote="rowan_k"]Idris will order the rigger[/quote]
Yes, I'll also fit it on Saturday.
"""


def test_tags_lists_links_and_quotes_become_markdown_and_replies_become_turns() -> None:
    text = bbcode_to_text(THREAD)
    lines = text.split("\n")
    assert len(lines) == len(THREAD.split("\n"))
    assert "- Ada Quarrie (Chair) - *ada_q* on here" in lines
    assert "**AGREED: buy a new rigger for the four, up to £120.**" in lines
    assert "- Idris will order the rigger from [the usual shop](http://example.org/shop)." in lines
    assert "[quote" not in text and "idris77: Yes, I'll also fit it on Saturday." in lines


def test_a_forum_threads_minutes_name_handles_and_the_replies_promise() -> None:
    extraction = extract(parse_note(NoteFile("2010-03-08-committee.txt", THREAD.encode())))
    assert [(p.name, p.aliases) for p in extraction.attendees] == [
        ("Ada Quarrie", ("ada_q",)), ("Rowan Kettle", ("Secretary", "rowan_k")),
        ("Idris Moel", ("Boats", "idris77"))]
    assert [d.text for d in extraction.decisions] == [
        "buy a new rigger for the four, up to £120."]
    assert [(a.owner, a.task.split(" (")[0]) for a in extraction.actions] == [
        ("Idris Moel", "order the rigger from the usual shop"),
        ("Idris Moel", "fit it on Saturday")]
