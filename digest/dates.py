"""Find and resolve the dates a meeting note writes for its next call.

`find_dates(text, meeting)` returns every date expression in `text`, resolved to
an absolute date against the meeting date:

- full dates: 2015-10-14, 2015/10/14, 14th October 2015, Oct 14, 2015, 14-Oct-2015, 14 octobre,
  14.10.2015 (dots are day.month, the European order), 10/14/2015 (slashes: the reading
  nearest the meeting), iCalendar's 20151014T160000Z
- day and month: "Wednesday, 14th October", "October 14th", "14 Oct", "14.10." → the first
  such day after the meeting (a December note naming January means next year)
- day only: "on the 22nd" → the first 22nd after the meeting
- weekday only: "next Wednesday", "on Thursday" → the first such day after it; "Thursday
  next week" → the Thursday of the following calendar week; "Tuesday after next" → a week on
- a weekday of a month: "first Tuesday of April", "last Friday of the month" → the first
  such day after the meeting
- relative: "in two weeks", "two weeks from now", "next week", "in a month"

A weekday that contradicts the date is kept as a `conflict` for a warning.
Times ("14:00-15:30", "3pm", "4–5pm", "14h00", "16h", "noon", "T16:00Z") and zones ("UTC",
"Europe/London", "UTC+2", "ET" → America/New_York) are read from the text right after the date.
Not dates: numbers in URLs, version numbers such as 1.10.12 (a two-digit year more than a
year from the meeting) or "4.3." after anything but a colon, "on" or a weekday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # French and German names, as "2 avril" and "26. März" write them (day first)
    "fév": 2, "fev": 2, "mär": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7, "juni": 6, "juli": 7,
    "aoû": 8, "aou": 8, "okt": 10, "déc": 12, "dez": 12,
    # Spanish, Portuguese and Italian names, written in full ("3 de septiembre", "3 settembre")
    "ene": 1, "abr": 4, "ago": 8, "seti": 9, "sete": 9, "sett": 9, "out": 10, "ott": 10,
    "dic": 12, "gen": 1, "mag": 5, "giu": 6, "lug": 7, "març": 3, "maj": 5, "des": 12,
    # Polish, as a date writes them ("2 listopada"; "marca" and "maja" read as "mar", "maj")
    "sty": 1, "lut": 2, "kwi": 4, "cze": 6, "lip": 7, "sie": 8, "wrz": 9, "paź": 10, "paz": 10,
    "lis": 11, "gru": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
            "tus": 1, "wen": 2, "thr": 3}  # the usual misspellings: "tusday", "wensday"
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "a couple of": 2, "couple of": 2, "a few": 3,
}

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
          r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
          r"|janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t"
          r"|d[ée]c(?:embre)?|januar|februar|m[äa]rz|juni|juli|okt(?:ober)?|dez(?:ember)?"
          r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
          r"|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
          r"|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
          # Swedish, Danish and Norwegian ("11 augusti", "3. maj", "1. desember")
          r"|januari|februari|marts|maj|augusti|desember"
          # Polish ("2 listopada", "14 lutego")
          r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia"
          r"|pa[zź]dziernika|listopada|grudnia)")
_WDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
         r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?|tusday|wen(?:d?s|ne?s)day|th(?:u?r|ru)sday"
         r"|thurday)")
_WDAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# a weekday's short form alone ("Next call: Wed 8pm"), capitalised: "sat", "sun" and "wed" are words
_WDAY_SHORT = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
_ORD = r"(?:st|nd|rd|th)"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|a couple of|couple of|a few|\d{1,2})"

# Every alternative of _DATE starts at a word boundary with a digit or one of these words (the
# first letters of a month, a weekday, "the", a number, a relative word; spaces in _NUM vanish
# in a verbose pattern): checked first, it turns most positions away at once instead of trying
# each alternative there (5x faster).
_DATE_START = r"""\b(?=\d|a(?:pr|ug|fter\s|n?\s|coupleof\s|few\s)|co(?:upleof|ming)\s|dec|eight\s
    |f(?:ri|eb|ive\s|our(?:th)?\s|ollowing\s|irst\s)|in\s|j(?:an|u[nl])|last\s|m(?:on|a[ry])
    |n(?:ov|ext\s)|o(?:ct|ne\s)|s(?:at|un|ep|ix\s|even\s|econd\s)
    |t(?:ue|us|hu|hr|he\s|wo\s|hree\s|hird\s|his\s|omorrow)|w(?:ed|en|ithin\s))"""
_DATE = re.compile(
    rf"""{_DATE_START}(?:
    (?P<iso>\b(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})(?:\b|(?=T\d)))
    | (?P<ics>\b(?P<cy>\d{{4}})(?P<cm>\d{{2}})(?P<cd>\d{{2}})T(?P<ch>\d{{2}})(?P<cmi>\d{{2}})
          (?:\d{{2}})?(?P<cz>Z)?\b)
    | (?P<num>(?<![\w.])(?P<na>\d{{1,2}})(?P<ns>[./])(?P<nb>\d{{1,2}})[./](?P<nc>\d{{4}}|\d{{2}})
          (?!\w|\.\d))
    | (?P<dm>(?<![\w.])(?P<dd>\d{{1,2}})\.(?P<dmo>\d{{1,2}})\.(?![\w.]))
    | (?P<md>(?<![\d./])(?P<ma>\d{{1,2}})/(?P<mb>\d{{1,2}})(?![\d/]|\.\d))
    | (?P<dmy>(?:\b(?P<wd1>{_WDAY})\.?,?\s+)?(?:\bthe\s+)?\b(?P<d1>\d{{1,2}}){_ORD}?
          (?:\s+(?:and|&)\s+\d{{1,2}}{_ORD}?)?(?:\s+(?:(?:of|de|di)\s+)?|-)(?P<m1>{_MONTH})\b\.?(?:(?:,?\s+|-)(?P<y1>\d{{4}})\b)?)
    | (?P<mdy>(?:\b(?P<wd2>{_WDAY})\.?,?\s+)?\b(?P<m2>{_MONTH})\.?\s+(?:the\s+)?
          (?P<d2>\d{{1,2}}){_ORD}?\b(?!:)(?:,?\s+(?P<y2>\d{{4}})\b)?)
    | (?P<day>(?:\b(?P<wd3>{_WDAY})\.?,?\s+)?\bthe\s+(?P<d3>\d{{1,2}}){_ORD}\b
          | \b(?P<wd4>{_WDAY})\.?,?\s+(?:the\s+)?(?P<d4>\d{{1,2}}){_ORD}\b
          | \b(?P<d5>\d{{1,2}})\s+ta+ree?kh\b)  # Hindi written in Latin letters: "5 tareekh"
    | (?P<nth>\b(?P<nth_n>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?P<wd10>{_WDAY})\.?
          \s+(?:of|in)\s+(?:(?P<m3>{_MONTH})|(?P<nth_next>next\s+)?(?:the|each|every)?\s*month)\b)
    | (?P<wnext>\bnext\s+week(?:['’]s)?\s+(?:on\s+)?(?P<wd6>{_WDAY_FULL})\b
          | \b(?P<wd8>{_WDAY_FULL})\s+(?:(?:of\s+)?next\s+week|(?P<after>after)\s+next)\b)
    | (?P<rel>\b(?:in|within|after)\s+(?P<rn>{_NUM})\s+(?P<ru>day|week|month)s?\b
          | \b(?P<rn2>{_NUM})\s+(?P<ru2>day|week|month)s?\s+(?:from\s+(?:now|today)|later|time)\b
          | \b(?:in\s+)?a\s+fortnight\b(?P<fortnight>)
          | \ba\s+week\s+(?:today|tonight)\b(?P<week_today>)  # British: seven days from now
          | \bnext\s+(?P<ru3>week|month)(?:'s|’s)?\b
          | \b(?P<tomorrow>tomorrow)\b)
    | (?P<wday>\b(?:(?P<wrel>next|this|coming|following)\s+)?(?P<wd5>{_WDAY_FULL}|{_WDAY_SHORT})\b
          (?!\s*\d(?!\d?\s*[ap]\.?m\b|\d?[:.h]\d\d(?![.\d]))))
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# what follows a 24-hour time written as four digits: "1400 UTC", "1930 hrs", "0800 ship time"
_FOUR_DIGIT_CLOCK_END = r"(?:UTC|GMT|Z|hrs?|hours|ship\s+time)\b"
_TIME = re.compile(
    r"""[\s,]*(?:at\s+|@\s*|from\s+|T(?=\d))?
    (?:(?P<noon>[Nn]oon|[Mm]idday)
       |(?P<mh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*""" + _FOUR_DIGIT_CLOCK_END + r""")
       |(?P<h>\d{1,2})(?:[:.h](?P<mi>\d{2})|(?P<hh>h)(?!\w))?\s*(?P<ap>[aApP]\.?[mM]\.?)?
        (?:\s*(?:-|–|to|until)\s*(?P<h2>\d{1,2})(?:[:.]\d{2})?\s*(?P<ap2>[aApP]\.?[mM]\.?)?)?)
    \s*\(?(?P<tz>(?:UTC|GMT)\s?[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?!\d)|UTC|GMT|Z\b|[ECMP]T\b
        |[A-Z]{2,4}T\b|BST|CEST|CET|IST|[A-Z][a-z]+/[A-Z][A-Za-z_]+|[+-]\d{1,2}(?::?\d{2})?
        |(?:Eastern|Central|Mountain|Pacific)\b)?
    """,
    re.VERBOSE,
)
# Zones written as a letter or a region's generic name, as the zone calendars understand:
# "Z" is UTC; "ET" follows New York's summer time, which a fixed "EST" would not.
_ZONE_NAMES = {"Z": "UTC", "ET": "America/New_York", "CT": "America/Chicago",
               "MT": "America/Denver", "PT": "America/Los_Angeles",
               "Eastern": "America/New_York", "Central": "America/Chicago",
               "Mountain": "America/Denver", "Pacific": "America/Los_Angeles"}
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: date
    kind: str  # "absolute" (year given), "day-month", "day", "weekday", "relative"
    conflict: str | None = None  # "Tuesday" when the text says Tuesday but the date is not
    time: time | None = None
    timezone: str | None = None


def _month(name: str) -> int:
    low = name.lower()
    return MONTHS.get(low[:4]) or MONTHS[low[:3]]


def _weekday(name: str | None) -> int | None:
    return WEEKDAYS[name[:3].lower()] if name else None


def _clock_not_year(digits: str, meeting: date) -> bool:
    """Whether four digits after a date are a 24-hour time ("1930") rather than its year:
    they read as a time, and as a year before 1980 or over ten years after the meeting."""
    return int(digits[:2]) < 24 and int(digits[2:]) < 60 \
        and not 1980 <= int(digits) <= meeting.year + 10


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def next_day_month(meeting: date, month: int, day: int) -> date | None:
    """The first `day` of `month` strictly after the meeting."""
    for year in (meeting.year, meeting.year + 1, meeting.year + 2):
        d = _safe(year, month, day)
        if d is not None and d > meeting:
            return d
    return None


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the end of a shorter month (Jan 31 + 1 → Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (day.day, 30, 29, 28):
        if (d := _safe(year, month, min(day.day, last))) is not None:
            return d
    raise AssertionError("every month has a 28th")


def next_day(meeting: date, day: int) -> date | None:
    """The first `day` of a month strictly after the meeting."""
    first = meeting.replace(day=1)
    for k in range(0, 13):
        month_start = add_months(first, k)
        d = _safe(month_start.year, month_start.month, day)
        if d is not None and d > meeting:
            return d
    return None


def next_weekday(meeting: date, weekday: int) -> date:
    """The first `weekday` (0 = Monday) strictly after the meeting."""
    return meeting + timedelta(days=(weekday - meeting.weekday() - 1) % 7 + 1)


def _count(text: str) -> int:
    text = " ".join(text.lower().split())
    return int(text) if text.isdigit() else NUMBERS.get(text, 1)


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth")
_ORDINAL_DAYS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)} | {
    f"twenty{sep}{word}": 20 + n for n, word in enumerate(_ORDINAL_WORDS[:9], 1)
    for sep in ("-", " ")} | {"thirtieth": 30, "thirty-first": 31, "thirty first": 31}
# a day said in words, as a transcript writes it: "the fourteenth of January", "Wednesday the
# seventeenth"; "the first" or "the third" alone is too often something else ("the first item")
SPOKEN_DAY = (rf"(?:twenty[- ](?:{'|'.join(_ORDINAL_WORDS[:9])})|thirty[- ]first|thirtieth"
              rf"|{'|'.join(_ORDINAL_WORDS)})\b")
_SPOKEN_DAY = re.compile(
    rf"\b(?P<wd>{_WDAY_FULL}\s+)?the\s+(?P<ord>{SPOKEN_DAY})(?P<of>\s+of\s+{_MONTH}\b)?"
    r"(?!\s+(?:anniversary|birthday|century|edition|floor|times?|item|point|place|version"
    r"|release|round|meeting|call|session)\b)",  # "the twentieth anniversary": a count
    re.IGNORECASE)


def _spoken_days(text: str) -> str:
    """`text` with days said in words written as numbers ("the 14th      of January"), padded
    so that every position in it stays where it was."""
    def number(m: re.Match[str]) -> str:
        day = _ORDINAL_DAYS[m["ord"].lower()]
        if day <= 10 and not (m["wd"] or m["of"]):
            return m.group(0)
        suffix = "th" if 10 <= day <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        digits = f"{day}{suffix}"
        return m.group(0)[: m.start("ord") - m.start()] + digits.ljust(len(m["ord"])) \
            + m.group(0)[m.end("ord") - m.start():]
    return _SPOKEN_DAY.sub(number, text)


def find_dates(text: str, meeting: date) -> list[DateMention]:
    """Every date expression in `text`, resolved against the meeting date."""
    found: list[DateMention] = []
    if "th" in text and ("the " in text or "The " in text):
        text = _spoken_days(text)
    urls = [m.span() for m in _URL.finditer(text)] if "://" in text or "www." in text else []
    for m in _DATE.finditer(text):
        if urls and any(a <= m.start() < b for a, b in urls):
            continue  # a wiki page or calendar link named by a date is not a date written
        g = m.groupdict()
        when: date | None = None
        kind = "absolute"
        wd: str | None = None
        at: time | None = None
        tz: str | None = None
        if g["iso"]:
            when, wd = _safe(int(g["iy"]), int(g["im"]), int(g["id"])), _weekday_before(text, m)
        elif g["ics"]:  # DTSTART:20250402T150000Z
            when = _safe(int(g["cy"]), int(g["cm"]), int(g["cd"]))
            hour, minute = int(g["ch"]), int(g["cmi"])
            at = time(hour, minute) if hour < 24 and minute < 60 else None
            tz = "UTC" if g["cz"] else None
        elif g["num"]:
            when = _numeric(int(g["na"]), int(g["nb"]), g["nc"], meeting, g["ns"] == ".")
        elif g["dm"]:  # "26.03." with no year: day.month, the first after the meeting
            kind = "day-month"
            wd = _weekday_before(text, m)
            if wd or _DAY_MONTH_LEAD.search(text, max(0, m.start() - 4), m.start()):
                when = next_day_month(meeting, int(g["dmo"]), int(g["dd"]))
        elif g["md"]:  # "8/15" or "15/8": the reading that comes first after the meeting
            kind = "day-month"
            a, b = int(g["ma"]), int(g["mb"])
            readings = [d for d in (next_day_month(meeting, a, b) if a <= 12 else None,
                                    next_day_month(meeting, b, a) if b <= 12 else None) if d]
            when = min(readings) if readings else None
        elif g["dmy"] or g["mdy"]:
            if g["dmy"]:
                day, month, year, wd = int(g["d1"]), _month(g["m1"]), g["y1"], g["wd1"]
            else:
                day, month, year, wd = int(g["d2"]), _month(g["m2"]), g["y2"], g["wd2"]
            if year and _clock_not_year(year, meeting):
                year = None  # "Wed 04 Nov, 1930 ship time": a 24-hour time, not the year 1930
            if year:
                when = _safe(int(year), month, day)
            else:
                kind = "day-month"
                when = next_day_month(meeting, month, day)
        elif g["day"]:
            kind = "day"
            day = int(g["d3"] or g["d4"] or g["d5"])
            wd = g["wd3"] or g["wd4"]
            when = next_day(meeting, day)
            wanted = _weekday(wd)
            if when is not None and wanted is not None and when.weekday() != wanted:
                # "Tuesday the 5th": prefer the first 5th that is a Tuesday, within a year
                probe = when
                for _ in range(12):
                    nxt = next_day(probe, day)
                    if nxt is None:
                        break
                    probe = nxt
                    if probe.weekday() == wanted:
                        when = probe
                        wd = None
                        break
        elif g["nth"]:  # "first Tuesday of April", "last Friday of the month"
            kind = "day-month" if g["m3"] else "weekday"
            nth = _NTH[g["nth_n"][:2].lower()]
            when = _nth_weekday_after(meeting, _weekday(g["wd10"]) or 0, nth,
                                      _month(g["m3"]) if g["m3"] else None, bool(g["nth_next"]))
        elif g["wnext"]:
            kind = "weekday"
            if g["after"]:  # "Tuesday after next": the Tuesday a week after the coming one
                when = next_weekday(meeting, _weekday(g["wd8"]) or 0) + timedelta(days=7)
            else:  # "Thursday next week": in the calendar week after the meeting's
                monday = meeting + timedelta(days=7 - meeting.weekday())
                when = monday + timedelta(days=_weekday(g["wd6"] or g["wd8"]) or 0)
        elif g["rel"]:
            kind = "relative"
            if g["tomorrow"]:
                when = meeting + timedelta(days=1)
            elif g["fortnight"] is not None:
                when = meeting + timedelta(days=14)
            elif g["week_today"] is not None:
                when = meeting + timedelta(days=7)
            elif g["ru3"]:
                unit, n = g["ru3"].lower(), 1
                when = meeting + timedelta(days=7) if unit == "week" else add_months(meeting, 1)
            else:
                unit = (g["ru"] or g["ru2"]).lower()
                n = _count(g["rn"] or g["rn2"])
                when = (meeting + timedelta(days=n) if unit == "day"
                        else meeting + timedelta(days=7 * n) if unit == "week"
                        else add_months(meeting, n))
        elif g["wday"]:
            kind = "weekday"
            when = next_weekday(meeting, _weekday(g["wd5"]) or 0)
        if when is None:
            continue
        conflict = None
        if wd and kind != "weekday" and when.weekday() != _weekday(wd):
            conflict = wd
        if at is None:
            at, tz = _time_after(text, m.end())
        found.append(DateMention(m.start(), m.end(), when, kind, conflict, at, tz))
    return found


# "Tuesday 2025-03-04", "Do., 26.03.": the weekday written just before a numeric date
_WEEKDAY_BEFORE = re.compile(rf"\b({_WDAY})\.?,?\s+$", re.IGNORECASE)
# "4.3." is a date only after a label or a preposition ("Next meeting: 4.3.", "am 26.03."),
# not in "the upgrade to 4.3." (a version at a sentence's end)
_DAY_MONTH_LEAD = re.compile(r"(?::|\b(?:on|am|le))\s?$", re.IGNORECASE)


def _weekday_before(text: str, m: re.Match[str]) -> str | None:
    if m.start() < 4 or not text[m.start() - 1].isspace():
        return None
    before = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return before.group(1) if before else None


_NTH = {"fi": 1, "1s": 1, "se": 2, "2n": 2, "th": 3, "3r": 3, "fo": 4, "4t": 4, "la": -1}


def _nth_weekday_after(meeting: date, weekday: int, n: int, month: int | None,
                       next_month: bool) -> date | None:
    """The `n`th (-1: last) `weekday` of `month` (or of a month, "of the month") after the
    meeting; "of next month" starts looking in the month after the meeting's."""
    first = meeting.replace(day=1)
    for k in range(1 if next_month else 0, 25):
        start = add_months(first, k)
        if month is not None and start.month != month:
            continue
        if n > 0:
            day = start + timedelta(days=(weekday - start.weekday()) % 7 + 7 * (n - 1))
        else:
            last = add_months(start, 1) - timedelta(days=1)
            day = last - timedelta(days=(last.weekday() - weekday) % 7)
        if day.month == start.month and day > meeting:
            return day
    return None


def _hour(hour: int, ap: str | None) -> int:
    """A 12-hour clock's hour on the 24-hour clock ("4" "pm" → 16, "12" "am" → 0)."""
    ap = (ap or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        return hour + 12
    if ap == "am" and hour == 12:
        return 0
    return hour


def _numeric(a: int, b: int, y: str, meeting: date, dotted: bool) -> date | None:
    year = int(y) if len(y) == 4 else 2000 + int(y)
    if len(y) == 2 and abs(year - meeting.year) > 1:
        return None  # "release 1.10.12": a version number, not a date thirteen years ago
    if dotted and (d := _safe(year, b, a)) is not None:
        return d  # "04.03.2025": dots are the European day.month.year
    options = [d for d in (_safe(year, b, a), _safe(year, a, b)) if d is not None]
    if not options:
        return None
    # d/m or m/d: the reading nearest the meeting wins
    return min(options, key=lambda d: abs((d - meeting).days))


def _time_after(text: str, pos: int) -> tuple[time | None, str | None]:
    m = _TIME.match(text, pos, min(len(text), pos + 40))
    if not m:
        return None, None
    if m.group("noon"):
        hour, minute = 12, 0
    elif m.group("mh"):  # "1600 UTC": four digits only with a zone after them
        hour, minute = int(m.group("mh")), int(m.group("mm"))
    elif not (m.group("mi") or m.group("ap") or m.group("hh") or m.group("ap2")):
        return None, None
    else:
        hour, minute = _hour(int(m.group("h")), m.group("ap")), int(m.group("mi") or 0)
        if not m.group("ap") and m.group("ap2"):  # "4–5pm": the range's am/pm is the start's
            end = _hour(int(m.group("h2")), m.group("ap2"))
            hour = hour if _hour(hour, m.group("ap2")) > end else _hour(hour, m.group("ap2"))
    if hour > 23 or minute > 59:
        return None, None
    tz = m.group("tz")
    return time(hour, minute), (_ZONE_NAMES.get(tz.strip(), tz.strip()) if tz else None)


_ANY_TIME = re.compile(r"(?<![\d:])(?:\d{1,2}(?::\d{2}|h\d{2}\b|\s*[ap]\.?m\.?\b)"
                       rf"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*{_FOUR_DIGIT_CLOCK_END}))",
                       re.IGNORECASE)
_NOON = re.compile(r"\b(?:noon|midday)\b", re.IGNORECASE)


def find_time(text: str) -> tuple[time | None, str | None]:
    """The first time of day written in `text` ("at 16:00 UTC", "3pm", "noon"), with its zone."""
    m = _ANY_TIME.search(text)
    if m is None and ("oon" in text or "idday" in text):
        m = _NOON.search(text)
    if m is None:
        return None, None
    return _time_after(text, m.start())
