"""The next call as iCalendar: stable UIDs, timed or all-day, zones as notes write them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from digest.ics import calendar_bytes, call_start, call_uid, next_call_event, zone_of
from digest.models import NextCall

STAMP = datetime(2016, 3, 16, 9, 0, tzinfo=UTC)


def _event(call: NextCall, **kw: object) -> icalendar.Event:
    data = calendar_bytes(
        [next_call_event(call, list_id="calls.example.org", summary="Call", stamp=STAMP, **kw)],  # type: ignore[arg-type]
        name="Calls",
    )
    cal = icalendar.Calendar.from_ical(data)
    assert cal["method"] == "PUBLISH"
    (event,) = cal.walk("VEVENT")
    return event


def test_uid_depends_on_list_and_day_only() -> None:
    a = _event(NextCall(date(2016, 3, 23)))
    b = _event(NextCall(date(2016, 3, 23), time(16, 0), "UTC", text="Next call 23rd at 16:00"))
    assert a["uid"] == b["uid"] == call_uid("calls.example.org", date(2016, 3, 23))
    assert _event(NextCall(date(2016, 3, 30)))["uid"] != a["uid"]


def test_without_a_time_the_call_is_an_all_day_event_that_blocks_nothing() -> None:
    event = _event(NextCall(date(2016, 3, 23)))
    assert event.decoded("dtstart") == date(2016, 3, 23)
    assert event.decoded("dtend") == date(2016, 3, 24)
    assert event["transp"] == "TRANSPARENT"
    assert event.decoded("dtstamp") == STAMP


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("UTC", datetime(2016, 3, 23, 16, 0, tzinfo=UTC)),
        ("CET", datetime(2016, 3, 23, 15, 0, tzinfo=UTC)),
        ("UTC+2", datetime(2016, 3, 23, 14, 0, tzinfo=UTC)),
        ("Europe/London", datetime(2016, 3, 23, 16, 0, tzinfo=ZoneInfo("Europe/London"))),
    ],
)
def test_a_timed_call_starts_at_that_instant(zone: str, expected: datetime) -> None:
    event = _event(NextCall(date(2016, 3, 23), time(16, 0), zone))
    start = event.decoded("dtstart")
    assert start == expected
    assert event.decoded("dtend") - start == timedelta(hours=1)


def test_named_zones_carry_their_vtimezone() -> None:
    call = NextCall(date(2026, 7, 1), time(9, 30), "Europe/London")
    data = calendar_bytes(
        [next_call_event(call, list_id="x.example.org", summary="Call", stamp=STAMP)], name="X"
    )
    assert b"DTSTART;TZID=Europe/London:20260701T093000" in data
    assert b"BEGIN:VTIMEZONE" in data


def test_a_time_without_zone_uses_the_default_and_unknown_zones_are_not_guessed() -> None:
    call = NextCall(date(2016, 3, 23), time(16, 0))
    assert call_start(call, "Europe/Paris") == datetime(
        2016, 3, 23, 16, 0, tzinfo=ZoneInfo("Europe/Paris")
    )
    assert zone_of("Mars/Olympus") is None and zone_of("XYZT") is None and zone_of("+25") is None
    assert call_start(NextCall(date(2016, 3, 23)), "UTC") is None


def test_same_input_same_bytes() -> None:
    call = NextCall(date(2016, 3, 23), time(16, 0), "UTC")
    make = lambda: calendar_bytes(  # noqa: E731
        [next_call_event(call, list_id="x.example.org", summary="Call", stamp=STAMP)], name="X"
    )
    assert make() == make()
