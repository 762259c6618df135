"""When a digest may go out: every run ("immediate"), or only in a weekly send window.

A run outside the window still reads the notes and reports what waits, but
it queues nothing and leaves the state as it was, so the run in the window
finds the same notes again: nothing is lost between windows, whatever the
source (a git diff from the last processed commit, or content hashes).

A window opens at `send_time` on each of `send_days`, in `timezone`, and
stays open `window_hours`: scheduled CI runs start late or are skipped, so
the first run in the window sends. At most one digest goes out per window.
Pure: the clock is passed in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .config import Config
from .errors import ConfigError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"(\d{1,2}):(\d{2})\Z")


@dataclass(frozen=True)
class Window:
    """The parsed [schedule] table; `days` empty means "immediate"."""

    zone: ZoneInfo
    days: frozenset[int]  # date.weekday() numbers
    at: time
    length: timedelta


@dataclass(frozen=True)
class Decision:
    due: bool
    reason: str  # one line for the report and the job summary
    next_window: datetime | None = None  # when held: when the next window opens (UTC)


def window(config: Config) -> Window:
    """Check the [schedule] table; errors name the setting and how to fix it."""
    schedule = config.schedule
    where = config.source_file
    name = schedule.timezone or config.mail.timezone
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"schedule.timezone {name!r} is not a known time zone",
            hint='use an IANA name such as "Europe/London"; if that fails too, the system lacks '
            "its time zone database (Debian: apt install tzdata; anywhere: pip install tzdata)",
            path=where,
        ) from None
    days = []
    for day in schedule.send_days:
        key = day.strip().lower()[:3]
        if key not in DAYS:
            raise ConfigError(
                f"schedule.send_days: {day!r} is not a day",
                hint="use mon, tue, wed, thu, fri, sat, sun",
                path=where,
            )
        days.append(DAYS.index(key))
    if (schedule.mode == "scheduled") != bool(days):
        raise ConfigError(
            f'schedule.mode = "{schedule.mode}" with send_days = {list(schedule.send_days)}',
            hint='set mode = "scheduled" and send_days (e.g. ["thu"]), '
            'or mode = "immediate" and no send_days',
            path=where,
        )
    match = _TIME.match(schedule.send_time.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ConfigError(
            f"schedule.send_time {schedule.send_time!r} is not HH:MM",
            hint='for example send_time = "09:00"',
            path=where,
        )
    if not 0 < schedule.window_hours <= 24 * 7:
        raise ConfigError(
            f"schedule.window_hours = {schedule.window_hours} is out of range",
            hint="give a number of hours between 0 and 168",
            path=where,
        )
    return Window(
        zone=zone,
        days=frozenset(days),
        at=time(int(match[1]), int(match[2])),
        length=timedelta(hours=schedule.window_hours),
    )


def _opening(day: date, win: Window) -> datetime:
    return datetime.combine(day, win.at, tzinfo=win.zone).astimezone(UTC)


def decide(win: Window, now: datetime, last_digest: datetime | None) -> Decision:
    """May this run queue a digest? `last_digest` is when the previous one was queued."""
    if not win.days:
        return Decision(True, "sends as soon as a note appears (mode immediate)")
    now = now.astimezone(UTC)
    today = now.astimezone(win.zone).date()
    openings = [
        _opening(today + timedelta(days=offset), win)
        for offset in range(-8, 9)
        if (today + timedelta(days=offset)).weekday() in win.days
    ]
    current = max((o for o in openings if o <= now), default=None)
    following = min(o for o in openings if o > now)
    shown = following.astimezone(win.zone).strftime("%a %d %b %Y %H:%M %Z")
    if current is None or now >= current + win.length:
        return Decision(False, f"outside the send window; waits until {shown}", following)
    if last_digest is not None and last_digest.astimezone(UTC) >= current:
        return Decision(
            False, f"this window's digest already went out; waits until {shown}", following
        )
    opened = current.astimezone(win.zone).strftime("%a %d %b %Y %H:%M %Z")
    return Decision(True, f"in the send window that opened {opened}")
