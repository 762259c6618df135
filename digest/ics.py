"""The next call as an iCalendar VEVENT, shared by the email attachment and the .ics feed.

One rule for the UID — the list id and the call's date — means the same call
announced by two digests, or by a digest and the calendar feed, is one event
that calendars update instead of duplicating. With a time the event starts
then (in its own zone when named, else `mail.timezone`); without one it is an
all-day event that does not block the day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from .models import NextCall

CALL_LENGTH = timedelta(hours=1)  # notes rarely say; an hour is what most calls take
PRODID = "-//digest//meeting notes digest//EN"

# Abbreviations notes use, as fixed offsets (hours). IST is taken as India's, the
# commonest in notes; a zone written as an IANA name ("Europe/Dublin") is exact.
_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11,
    "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7,
}  # fmt: skip
_OFFSET = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$")


def zone_of(name: str | None) -> tzinfo | None:
    """A time zone from how a note or the config writes it; None when not understood."""
    if not name:
        return None
    text = name.strip()
    if text.upper() in _ABBREVIATIONS:
        hours = _ABBREVIATIONS[text.upper()]
        return UTC if hours == 0 else timezone(timedelta(hours=hours), text.upper())
    if m := _OFFSET.match(text.upper()):
        sign = -1 if m.group(1) == "-" else 1
        offset = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        if offset >= timedelta(hours=15):
            return None
        return UTC if not offset else timezone(sign * offset)
    if "/" in text:
        try:
            return ZoneInfo(text)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None


def call_start(call: NextCall, default_zone: str | None = None) -> datetime | None:
    """When the call starts, as an aware datetime; None when the note gives no time."""
    if call.time is None:
        return None
    zone = zone_of(call.timezone) or zone_of(default_zone) or UTC
    return datetime.combine(call.date, call.time, tzinfo=zone)


def call_uid(list_id: str, day: date) -> str:
    """Stable per list and day: a later announcement of the same call replaces the earlier."""
    return f"call-{day.isoformat()}@{list_id}"


def next_call_event(
    call: NextCall,
    *,
    list_id: str,
    summary: str,
    stamp: datetime,
    default_zone: str | None = None,
    url: str | None = None,
    description: str = "",
) -> icalendar.Event:
    """One VEVENT for a call; `stamp` (the digest's clock) keeps the output deterministic."""
    event = icalendar.Event()
    event.add("uid", call_uid(list_id, call.date))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("summary", summary)
    start = call_start(call, default_zone)
    if start is None:
        event.add("dtstart", call.date)
        event.add("dtend", call.date + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        if not isinstance(start.tzinfo, ZoneInfo):
            start = start.astimezone(UTC)  # fixed offsets have no VTIMEZONE: say it in UTC
        event.add("dtstart", start)
        event.add("dtend", start + CALL_LENGTH)
    text = "\n\n".join(p for p in (description, call.text.strip()) if p)
    if text:
        event.add("description", text)
    if url:
        event.add("url", url)
    return event


def calendar_bytes(
    events: Iterable[icalendar.Event], *, name: str, method: str | None = "PUBLISH"
) -> bytes:
    """A VCALENDAR holding `events`, with the VTIMEZONEs their named zones need."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    cal.add("x-wr-calname", name)
    for event in sorted(events, key=lambda e: str(e["uid"])):
        cal.add_component(event)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data
