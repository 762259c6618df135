"""The calendar of calls (.ics) that calendar apps subscribe to."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar

from .conftest import run_digest

NEXT_NOTE = """# Lantern community call

*19 March 2026*

Attendees: Priya Raman (chair), Lena Vogel

We went through the gallery proposal on the forum. Agreed: the gallery ships with
the 0.5 release, and plugins need a licence field in their manifest. Lena will
add the licence check to the registry validation before the release.

Next call: Thursday 2 April 2026, 16:00 UTC.
"""


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["version"] == "2.0" and calendar.get("prodid")
    found = {}
    for event in calendar.walk("VEVENT"):
        for required in ("uid", "dtstamp", "dtstart", "summary"):
            assert event.get(required) is not None, required
        found[str(event["uid"])] = event
    return found


def test_calendar_lists_each_announced_call_once_with_stable_uids(example_project: Path) -> None:
    first = run_digest("run", "--now", "2026-03-06T08:00:00Z", cwd=example_project)
    assert first.returncode == 0, first.stderr
    ics = example_project / "public" / "calls.ics"
    before = events(ics)
    assert sorted(before) == [
        f"call-{d}@calls.lantern.example.org"
        for d in ("2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05", "2026-03-19")
    ]
    timed = before["call-2026-01-22@calls.lantern.example.org"]
    assert timed.decoded("dtstart") == datetime(2026, 1, 22, 16, 0, tzinfo=UTC)
    upcoming = before["call-2026-03-19@calls.lantern.example.org"]
    assert upcoming.decoded("dtstart") == date(2026, 3, 19)
    assert str(upcoming["summary"]) == "Lantern community call"
    assert str(upcoming["url"]) == "https://lantern.example.org/digest/notes/2026-03-05.html"
    assert upcoming.decoded("dtstamp") <= datetime(2026, 3, 6, 8, 0, tzinfo=UTC)

    (example_project / "examples" / "notes" / "2026-03-19.md").write_text(NEXT_NOTE)
    second = run_digest("run", "--now", "2026-03-20T08:00:00Z", cwd=example_project)
    assert second.returncode == 0, second.stderr
    after = events(ics)
    assert set(after) == set(before) | {"call-2026-04-02@calls.lantern.example.org"}
    for uid, event in before.items():
        assert after[uid].to_ical() == event.to_ical(), "a known call keeps its event as it was"
    assert after["call-2026-04-02@calls.lantern.example.org"].decoded("dtstart") == datetime(
        2026, 4, 2, 16, 0, tzinfo=UTC
    )
