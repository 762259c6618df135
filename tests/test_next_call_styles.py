"""The "Next call" field on small notes in the many ways projects write it.

Each row is a short note of our own (invented projects) with its meeting date and the call a
reader should be told about: the date, and the time and zone where the note states them (or
None when the note says the call is not set, or names no call at all). The notes go through
the real path, `parse_note(NoteFile(...))` then `extract`, so front matter, markdown markup and
plain text are read as the pipeline reads them. Dates are resolved against the meeting: a day
and month without a year is the first such day after it, a weekday the first such weekday
after it; "3/4" with no year is whichever reading comes first after the meeting (dates.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import pytest

from digest.extract import extract
from digest.models import Extraction, NoteFile
from digest.parse import parse_note

TUE = date(2025, 2, 25)  # most rows: a Tuesday call; the usual next one is 2025-03-04


@dataclass(frozen=True)
class Row:
    name: str
    body: str
    expected: date | None
    at: time | None = None  # checked only when given
    zone: str | None = None  # checked only when given
    meeting: date = TUE
    suffix: str = ".md"
    front: str = ""  # YAML front matter lines, without the fences
    warns: str | None = None  # a word one of the warnings must contain


ROWS = [
    # -- the issue's own list --------------------------------------------------------------
    Row("weekday, ordinal day and month", "The next call is scheduled for **Wednesday, 14th "
        "October**.", date(2015, 10, 14), meeting=date(2015, 9, 30)),
    Row("day only", "- Next call will take place on the 22nd, but Ana is away.",
        date(2014, 7, 22), meeting=date(2014, 7, 8)),
    Row("December note naming January", "Next meeting: Thursday 8 January.",
        date(2015, 1, 8), meeting=date(2014, 12, 10)),
    Row("weekday contradicting the date", "Next call: Monday, 14th October.",
        date(2015, 10, 14), meeting=date(2015, 9, 30), warns="Monday"),
    Row("weekday contradicting an ISO date", "Next call: Monday 2025-03-04.",
        date(2025, 3, 4), warns="Monday"),
    Row("next year", "The next call is scheduled for **NEXT YEAR!**", None),
    Row("TBD", "Next meeting: TBD", None),
    Row("to be decided", "Date of the next meeting is to be decided.", None),
    Row("in two weeks", "Next call in two weeks.", date(2025, 3, 11)),
    Row("two weeks from now", "Our next sync is two weeks from now.", date(2025, 3, 11)),
    Row("fortnight", "We meet again in a fortnight.", date(2025, 3, 11)),
    Row("same time next week", "Next call: same time next week.", date(2025, 3, 4)),
    Row("next Tuesday (Thursday note)", "Next meeting next Tuesday.", date(2025, 3, 4),
        meeting=date(2025, 2, 27)),
    Row("Tuesday after next", "Next call: Tuesday after next.", date(2025, 3, 11)),
    Row("Thursday next week", "The next call is Thursday next week.", date(2025, 3, 6)),
    Row("heading Next meeting", "## Next meeting\n\n4 March 2025, 16:00 UTC\n",
        date(2025, 3, 4), time(16, 0), "UTC"),
    Row("heading Date for next meeting", "## Date for next meeting\n\nTuesday 4 March\n",
        date(2025, 3, 4)),
    Row("heading with team and date", "## Next Infra Meeting 2023-08-15\n\nBring coffee.\n",
        date(2023, 8, 15), meeting=date(2023, 8, 1)),
    Row("bracketed day, month and range", "## Next meeting\n\n[23rd November, 14:00-15:30 UTC]\n",
        date(2023, 11, 23), time(14, 0), "UTC", meeting=date(2023, 11, 9)),
    Row("bold date", "Next call: **2025-03-04**", date(2025, 3, 4)),
    Row("bold label", "**Next meeting:** 4 March", date(2025, 3, 4)),
    Row("italic date", "The next call is on _March 4th_.", date(2025, 3, 4)),
    Row("link around the date", "Next call: [March 4](https://cal.example.org/ev/91).",
        date(2025, 3, 4)),
    Row("date split across lines", "The next call will be on Tuesday\n4 March at 16:00 UTC.",
        date(2025, 3, 4), time(16, 0), "UTC"),
    Row("label and date on two lines", "**Next call:**\n2025-03-04", date(2025, 3, 4)),
    # -- date styles -------------------------------------------------------------------------
    Row("ISO", "Next call: 2025-03-04", date(2025, 3, 4)),
    Row("ISO with slashes", "Next call: 2025/03/04", date(2025, 3, 4)),
    Row("ISO date-time with Z", "Next call: 2025-03-04T16:00Z", date(2025, 3, 4), time(16, 0),
        "UTC"),
    Row("March 4th", "Next meeting: March 4th", date(2025, 3, 4)),
    Row("4 March 2025", "Next meeting: 4 March 2025", date(2025, 3, 4)),
    Row("4th of March", "Next meeting: 4th of March", date(2025, 3, 4)),
    Row("the 4th of March", "Next call on the 4th of March.", date(2025, 3, 4)),
    Row("Mar. 4", "## Next meeting\n\nMar. 4\n", date(2025, 3, 4)),
    Row("March 4, 2025", "Next meeting: March 4, 2025", date(2025, 3, 4)),
    Row("Tue, Mar 4 2025", "Next meeting: Tue, Mar 4 2025", date(2025, 3, 4)),
    Row("4-Mar-2025", "Next meeting: 4-Mar-2025", date(2025, 3, 4)),
    Row("European dotted", "Next meeting: 04.03.2025", date(2025, 3, 4)),
    Row("European dotted, two-digit year", "Next meeting: 04.03.25", date(2025, 3, 4)),
    Row("European dotted, no year", "Next meeting: 4.3.", date(2025, 3, 4)),
    Row("European dotted, day-first though the other reading is nearer",
        "Next meeting (four weeks, holidays): 05.06.2025", date(2025, 6, 5),
        meeting=date(2025, 5, 8)),
    Row("US slashed, no year", "Next call: 3/4", date(2025, 3, 4)),
    Row("slashed, day over 12", "Next call: 18/3", date(2025, 3, 18)),
    Row("US slashed with year", "Next call: 03/18/2025", date(2025, 3, 18)),
    Row("day only with ordinal and weekday", "Next call will be on Tuesday the 4th.",
        date(2025, 3, 4)),
    Row("this Thursday", "Next call: this Thursday.", date(2025, 2, 27)),
    Row("tomorrow", "Next call: tomorrow, same time.", date(2025, 2, 26)),
    Row("in 3 weeks", "We'll meet again in 3 weeks.", date(2025, 3, 18)),
    Row("in one month", "Next call in one month.", date(2025, 3, 25)),
    # -- times and zones -------------------------------------------------------------------
    Row("weekday and time, no date", "Next call: Thursday 4pm CET.", date(2025, 2, 27),
        time(16, 0), "CET"),
    Row("16:00 UTC", "Next call: 4 March, 16:00 UTC", date(2025, 3, 4), time(16, 0), "UTC"),
    Row("4 pm ET", "Next call: March 4th at 4 pm ET", date(2025, 3, 4), time(16, 0),
        "America/New_York"),
    Row("10am PT", "Next meeting: March 4 at 10am PT", date(2025, 3, 4), time(10, 0),
        "America/Los_Angeles"),
    Row("14h00 CET", "Next meeting: 4 March, 14h00 CET", date(2025, 3, 4),
        time(14, 0), "CET"),
    Row("noon", "Next call: 4 March at noon UTC", date(2025, 3, 4), time(12, 0), "UTC"),
    Row("time before the date", "The next call is at 16:00 UTC on 2025-03-04.",
        date(2025, 3, 4), time(16, 0), "UTC"),
    Row("en-dash range", "Next call on 4 March, 14:00–15:00 CET", date(2025, 3, 4),
        time(14, 0), "CET"),
    Row("12-hour with PM and zone", "Next call: 4 March 2025, 4:00 PM UTC", date(2025, 3, 4),
        time(16, 0), "UTC"),
    Row("at-sign", "Next call: 4 March 2025 @ 16:00 UTC", date(2025, 3, 4), time(16, 0), "UTC"),
    Row("IANA zone", "Next call: 4 March 2025 16:00 Europe/Paris", date(2025, 3, 4),
        time(16, 0), "Europe/Paris"),
    Row("UTC offset", "Next call: 4 March 2025 at 16:00 UTC+1", date(2025, 3, 4), time(16, 0),
        "UTC+1"),
    Row("two zones: the first", "Next call: Tuesday 4 March, 11am EST / 4pm GMT",
        date(2025, 3, 4), time(11, 0), "EST"),
    Row("date and time as fields", "## Next meeting\n\n- Date: 2025-03-04\n- Time: 16:00 UTC\n"
        "- Where: the usual room\n", date(2025, 3, 4), time(16, 0), "UTC"),
    Row("org-mode timestamp", "Next meeting: <2025-04-02 Wed 15:00>", date(2025, 4, 2),
        time(15, 0), meeting=date(2025, 3, 19)),
    Row("iCalendar lines", "## Next meeting\n\n```\nBEGIN:VEVENT\nDTSTART:20250402T150000Z\n"
        "END:VEVENT\n```\n", date(2025, 4, 2), time(15, 0), "UTC", meeting=date(2025, 3, 19)),
    Row("hour range with one pm", "Next meeting: March 4th, 4–5pm EST", date(2025, 3, 4),
        time(16, 0), "EST"),
    Row("minutes range with one pm", "**Next meeting:** Tuesday, March 4, 2025 · 4:00 – 5:00pm",
        date(2025, 3, 4), time(16, 0)),
    Row("zone in brackets", "Next meeting: Tuesday 4 March at 16:00 (UTC)", date(2025, 3, 4),
        time(16, 0), "UTC"),
    Row("hour with h, no minutes", "Next call 4 March 16h CET", date(2025, 3, 4), time(16, 0),
        "CET"),
    Row("three zones: the first", "Next call: Tuesday, March 4 at 9am PST / 12pm EST / 5pm UTC",
        date(2025, 3, 4), time(9, 0), "PST"),
    Row("AM and IST", "Next meeting will be held on 4th March 2025 at 10:30 AM IST",
        date(2025, 3, 4), time(10, 30), "IST"),
    Row("four-digit time", "Next call: 11 March at 1600 UTC", date(2025, 3, 11), time(16, 0),
        "UTC"),
    Row("US zone by name", "Next call: 11 March at 5 p.m. Pacific", date(2025, 3, 11),
        time(17, 0), "America/Los_Angeles"),
    # -- cancellations and changes ---------------------------------------------------------
    Row("cancelled then the next", "Next meeting: 2025-04-02 (cancelled) → 2025-04-16",
        date(2025, 4, 16), meeting=date(2025, 3, 19)),
    Row("no meeting on the 27th", "No meeting on the 27th; next one on 10 Jan.",
        date(2026, 1, 10), meeting=date(2025, 12, 17)),
    Row("no call next week", "No call next week. Next call: 2025-03-11.", date(2025, 3, 11)),
    Row("the board next meets", "## Next meeting\n\nThe board next meets on **Tue 11 March**."
        "\n\nDates to keep in mind: the beta branches Wed 5 March; the CFP closes 30 March.",
        date(2025, 3, 11)),
    Row("we next meet", "Thanks all. We next meet on 11 March, after the beta on the 5th.",
        date(2025, 3, 11)),
    Row("another routine's next one", "Reminder: we always do the fire drill on the first "
        "Monday of the month. Next one is the 3rd. So, same time in two weeks, that's Tuesday "
        "the 11th of March.", date(2025, 3, 11)),
    Row("moved to", "The next call moved to 11 March.", date(2025, 3, 11)),
    Row("rescheduled from … to …", "Next call rescheduled from 4 March to 11 March.",
        date(2025, 3, 11)),
    Row("the call on X is cancelled; next on Y", "The call on 4 March is cancelled; the next "
        "call is on 11 March.", date(2025, 3, 11)),
    # -- other notes' shapes ---------------------------------------------------------------
    Row("plain text note", "Next meeting: 4 March\n", date(2025, 3, 4), suffix=".txt"),
    Row("table row", "| Item | Value |\n|---|---|\n| Next meeting | 2025-03-04 |\n",
        date(2025, 3, 4)),
    Row("front matter", "Discussed the roadmap.", date(2025, 3, 4),
        front="next_meeting: 2025-03-04"),
    Row("reconvene", "Let's reconvene on 4 March.", date(2025, 3, 4)),
    Row("em dash", "Next call — 4 March", date(2025, 3, 4)),
    Row("emoji label", "📅 Next call: 2025-03-04", date(2025, 3, 4)),
    Row("relative and absolute agree", "Next call in 2 weeks (2025-03-11).", date(2025, 3, 11)),
    Row("first weekday of a month", "Next meeting: first Tuesday of April.", date(2025, 4, 1)),
    Row("last weekday of the month", "Next meeting: last Friday of the month.",
        date(2025, 3, 28), meeting=date(2025, 3, 4)),
    Row("two dates sharing a month", "The next two calls are on 4 and 11 March.",
        date(2025, 3, 4)),
    Row("talk again", "We'll talk again on 11 March.", date(2025, 3, 11)),
    Row("see you", "See you all on 11 March!", date(2025, 3, 11)),
    Row("board wording", "The next regular meeting of the board will be held on March 11, 2025.",
        date(2025, 3, 11)),
    Row("adjourned then next", "Meeting adjourned at 17:05. Next meeting 11 March 2025.",
        date(2025, 3, 11)),
    Row("setext heading", "Next meeting\n============\n\n2025-03-11, 15:00 UTC\n",
        date(2025, 3, 11), time(15, 0), "UTC"),
    Row("upper case", "NEXT MEETING: 11 MARCH 2025", date(2025, 3, 11)),
    Row("not the one announced", "Our next call is 4 March, not 11 March as announced.",
        date(2025, 3, 4)),
    Row("cancelled, so", "Next call: 4 March was cancelled, so 11 March.", date(2025, 3, 11)),
    Row("postponed to", "Next call — postponed to 11 March", date(2025, 3, 11)),
    # -- distractors -------------------------------------------------------------------------
    Row("deadline before the call", "Patches due 2025-03-20. Next call: 2025-03-11.",
        date(2025, 3, 11)),
    Row("deadline only", "Patches are due 2025-03-20, before the next call.", None),
    Row("release date", "Release 2.1.3 is planned for 2025-04-01; next call on 2025-03-11.",
        date(2025, 3, 11)),
    Row("conference", "See you at the conference on 12 May. Next call: 11 March.",
        date(2025, 3, 11)),
    Row("hackathon next week", "The hackathon is next week! Sign up by 2025-03-01.", None),
    Row("review of last meeting", "## Review of last meeting (2025-02-18)\n\nAll done.\n\n"
        "## Next meeting\n\n2025-03-11\n", date(2025, 3, 11)),
    Row("URL date before the date", "Next call (agenda at "
        "https://wiki.example.org/2025/02/18/): 11 March", date(2025, 3, 11)),
    Row("date only in a link target", "Next call: [calendar](https://cal.example.org/2025-04-01)",
        None),
    Row("OCaml version", "Next call we will look at OCaml 4.02.0 support.", None),
    Row("dotted version number", "Next call: try release 1.10.12 first.", None),
    Row("version at sentence end", "In the next call we test the upgrade to 4.3.", None),
    Row("next release", "Next release: 2025-04-01.", None),
    Row("next steps", "Next steps: ship 2.1.3 on 2025-03-20.", None),
    Row("the next one, not a call", "We closed the bug in the meeting; the next one is due "
        "2025-03-20.", None),
    Row("a time in the sentence before", "Stand-up moved to 10:00. Next call: 4 March.",
        date(2025, 3, 4)),
    Row("deadline table row", "| Task | Due |\n|---|---|\n| Slides ready before the next "
        "meeting | 2025-03-03 |\n", None),
    Row("the call after next", "The call after next is on 2025-03-18; the next call is "
        "2025-03-11.", date(2025, 3, 11)),
    Row("a numbered capital title, a blank line, then the date",
        "Minutes\n\n6. ANY OTHER BUSINESS\n\n    None.\n\n7. NEXT CALL\n\n    Thursday, 6 March "
        "2025, 15:00 UTC. The chair posts the agenda by 27 February.\n", date(2025, 3, 6),
        at=time(15, 0), suffix=".txt"),
    Row("same time next week, and a weekday for something else", "That's all. Same time next "
        "week, I'll send the agenda on Sunday.", date(2025, 3, 4)),
    Row("the first call of a new series", "**First fortnightly check-in:** Thu 6 Mar, same slot.",
        date(2025, 3, 6)),
    Row("a misspelt weekday", "nxt meeting: thrusday 6th, 9:30 as usual", date(2025, 3, 6),
        at=time(9, 30)),
    Row("a plain-text title between rules", "Minutes of the board\n\n-------------\n9. DATE OF "
        "NEXT MEETING\n-------------\nFinance committee: Tuesday 4 March 2025, 5pm.\n\nThe next "
        "meeting of the board will be held on Tuesday 18 March 2025 at 6pm.\n",
        date(2025, 3, 18), at=time(18, 0), suffix=".txt"),
    Row("an AsciiDoc heading, the first weekday of a month", "= Board minutes\n\n== Next "
        "meeting\n\nFirst Wednesday of April, 19:30, upstairs.\n", date(2025, 4, 2),
        at=time(19, 30), suffix=".txt"),
    Row("a weekday's short form alone", "Next call: Wed 8pm (9pm for Sam).", date(2025, 2, 26),
        at=time(20, 0)),
    Row("an abbreviated meeting, the first Sunday of a month", "Water back on 3/3, the council "
        "says.\n\nNEXT MTG → 1st Sun in March, 11am, by the shed", date(2025, 3, 2),
        at=time(11, 0)),
    Row("same time on a weekday", "Anything else? No? Same time Thursday, everyone.",
        date(2025, 2, 27)),
    Row("a running doc's block for the next meeting", "## 📅 Tue 11 Mar 2025 — NEXT (Monday 10th "
        "is a holiday)\n\n**Agenda:**\n\n## 📅 Tue 25 Feb 2025\n\nWe agreed to stop the ads.\n",
        date(2025, 3, 11)),
    Row("a weekday before a dotted day and month", "* **Next meeting: Thu 6.3., 10:00, lab 2**",
        date(2025, 3, 6), at=time(10, 0), suffix=".txt"),
    Row("next week skipped by its date", "Next sync: we usually meet on Tuesdays but half of "
        "us are away next week, so we're skipping the 4th. Back on Tue 11 March.",
        date(2025, 3, 11)),
    # -- other languages (a bonus) --------------------------------------------------------
    Row("German", "Das nächste Treffen ist am 26.03.", date(2025, 3, 26)),
    Row("French", "Prochaine réunion : 2 avril", date(2025, 4, 2)),
    Row("Hindi in Latin letters", "*Agli MC meeting:* 9 tareekh, Ravivaar, subah 11 baje.",
        date(2025, 3, 9)),
    Row("Polish", "**Następne spotkanie:** poniedziałek 3 marca, 10:00 (11.03 nie ma "
        "spotkania)", date(2025, 3, 3), at=time(10, 0)),
    Row("a transcript's day said in words", "So the next one is the fourteenth of January, same "
        "time.\n", date(2026, 1, 14), meeting=date(2025, 12, 10), suffix=".txt"),
    Row("a weekday and a day in words", "Next call on Wednesday the seventeenth.\n",
        date(2025, 12, 17), meeting=date(2025, 12, 10)),
    Row("a dated next-meeting heading over a hack night in its text",
        "### Next Steering Meeting 2024-03-19\nSame room, 6:30pm. Hack night is next Tuesday "
        "(3/12) as usual.\n", date(2024, 3, 19), meeting=date(2024, 3, 5)),
    Row("moved to another day, the usual one named first",
        "## Next call\n\nNormally in two weeks, but Tuesday the 11th is a holiday, so we moved "
        "it to Wednesday 12 March, 17:00 UTC.\n", date(2025, 3, 12), time(17, 0), "UTC"),
    Row("meeting again on a day of the month instead",
        "The 4th is release day, so we're meeting again on the 6th instead, same time.\n",
        date(2025, 3, 6)),
]


def _extract(row: Row) -> Extraction:
    front = f"---\n{row.front}\n---\n" if row.front else ""
    data = f"{front}# Weekly sync\n\n{row.body}\n".encode()
    return extract(parse_note(NoteFile(f"notes/{row.meeting.isoformat()}{row.suffix}", data)))


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_next_call_style(row: Row) -> None:
    ext = _extract(row)
    call = ext.next_call
    if row.expected is None:
        assert call is None, call
        return
    assert call is not None
    assert call.date == row.expected
    if row.at is not None:
        assert call.time == row.at
    if row.zone is not None:
        assert call.timezone == row.zone
    if row.warns is not None:
        assert any(row.warns in w for w in ext.warnings), ext.warnings


def test_names_are_unique() -> None:
    assert len({r.name for r in ROWS}) == len(ROWS)
