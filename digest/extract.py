"""Note → Extraction: attendees, agenda, topics, decisions, action items, next call.

First version: line and sentence rules over the note body. Every rule is a
small function so each can be tested and replaced on its own.
"""

from __future__ import annotations

import re
from datetime import date

from .models import Action, Decision, Extraction, NextCall, Note, Person
from .parse import one_line

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$|^\s*!!+\s*(.*?)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(.*)$")
_ATTENDEES = re.compile(r"^\s*(?:attendees|present|participants)\s*:\s*(.*)$", re.IGNORECASE)
_NEXT_CALL_CUE = re.compile(r"\bnext\s+(?:call|meeting)\b", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\b", re.IGNORECASE)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECISION_CUE = re.compile(
    r"\b(?:we\s+decided|decided\s+to|decision\s+to|decision:|agreed|consensus\s+(?:was|is)"
    r"|we\s+will\s+move\s+to|should\s+switch\s+to|no\s+objections?|unanimous)\b"
    r"|#agreed|^\s*RESOLUTION:",
    re.IGNORECASE,
)
_ACTION_MARKER = re.compile(r"^\s*(?:#action|ACTION:)\s*(.*)$", re.IGNORECASE)
_OWNER_WILL = re.compile(r"\b([A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?)\s+will\s+(?!be\b)(.+)")
_PAREN_WILL = re.compile(r"\(([A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+)?)\s+will\s+([^)]*)\)")
_UNOWNED = re.compile(r"\b(?:someone|somebody)\s+(?:needs\s+to|should|will\s+need\s+to)\s+(.+)", re.I)
_NOT_NAMES = {"We", "It", "This", "That", "There", "They", "He", "She", "Which", "Who", "I", "You"}


def extract(note: Note) -> Extraction:
    lines = note.body.splitlines()
    attendees = _attendees(lines)
    return Extraction(
        attendees=attendees,
        agenda=_agenda(lines),
        topics=_topics(lines),
        decisions=_decisions(lines, note.body_line),
        actions=_actions(lines, note.body_line, attendees),
        next_call=_next_call(lines, note.date, note.body_line),
    )


def _attendees(lines: list[str]) -> tuple[Person, ...]:
    for index, line in enumerate(lines):
        match = _ATTENDEES.match(line)
        if not match:
            continue
        text = match.group(1)
        for more in lines[index + 1 :]:
            if not more.strip() or _HEADING.match(more) or _BULLET.match(more):
                break
            text += " " + more.strip()
        names = re.split(r",|\band\b", text)
        people = []
        for raw in names:
            name = one_line(raw).strip(" .")
            if not name:
                continue
            chair = "(chair)" in name.lower()
            name = re.sub(r"\s*\(chair\)", "", name, flags=re.IGNORECASE).strip()
            if name:
                people.append(Person(name=name, chair=chair))
        return tuple(people)
    return ()


def _agenda(lines: list[str]) -> tuple[str, ...]:
    items: list[str] = []
    in_agenda = False
    for line in lines:
        heading = _HEADING.match(line)
        if heading or line.strip().lower().rstrip(":") == "agenda":
            title = (heading.group(1) or heading.group(2) or "") if heading else "agenda"
            in_agenda = title.strip(" #!:").lower() == "agenda"
            continue
        if in_agenda:
            bullet = _BULLET.match(line)
            if bullet:
                items.append(one_line(bullet.group(1)))
            elif _ATTENDEES.match(line):
                break
    return tuple(items)


def _topics(lines: list[str]) -> tuple[str, ...]:
    skip = {"agenda", "notes", "attendees"}
    topics = []
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            text = one_line((heading.group(1) or heading.group(2) or "").strip(" #!"))
            if text and text.lower() not in skip:
                topics.append(text)
    return tuple(topics)


def _sentences(lines: list[str], first_line: int) -> list[tuple[str, int]]:
    """Split the body into (sentence, line number) pairs, paragraph by paragraph."""
    out: list[tuple[str, int]] = []
    paragraph: list[str] = []
    start = 0

    def flush() -> None:
        if paragraph:
            text = " ".join(part.strip() for part in paragraph)
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text):
                if sentence.strip():
                    out.append((sentence.strip(), first_line + start))
            paragraph.clear()

    for index, line in enumerate(lines):
        if not line.strip() or _HEADING.match(line) or _BULLET.match(line):
            flush()
            start = index
            bullet = _BULLET.match(line)
            if bullet:
                paragraph.append(bullet.group(1))
            continue
        if not paragraph:
            start = index
        paragraph.append(line)
    flush()
    return out


def _decisions(lines: list[str], first_line: int) -> tuple[Decision, ...]:
    found = []
    for sentence, line in _sentences(lines, first_line):
        if sentence.rstrip().endswith("?"):
            continue
        if _DECISION_CUE.search(sentence):
            found.append(Decision(text=one_line(sentence), line=line))
    return tuple(found)


def _actions(lines: list[str], first_line: int, attendees: tuple[Person, ...]) -> tuple[Action, ...]:
    found: list[Action] = []
    for sentence, line in _sentences(lines, first_line):
        if marker := _ACTION_MARKER.match(sentence):
            owner, _, task = marker.group(1).partition(" ")
            found.append(Action(owner=_resolve(owner, attendees), task=one_line(task), line=line))
            continue
        if paren := _PAREN_WILL.search(sentence):
            owner = _resolve(paren.group(1), attendees)
            task = sentence[: paren.start()].strip()
            found.append(Action(owner=owner, task=one_line(f"{paren.group(2)}: {task}"), line=line))
            continue
        if will := _OWNER_WILL.search(sentence):
            name = will.group(1)
            if name.split()[0] not in _NOT_NAMES:
                found.append(Action(owner=_resolve(name, attendees), task=one_line(will.group(2)), line=line))
                continue
        if unowned := _UNOWNED.search(sentence):
            found.append(Action(owner=None, task=one_line(unowned.group(1)), line=line))
    return tuple(found)


def _resolve(name: str, attendees: tuple[Person, ...]) -> str:
    """Map a short name ("Anil", "ThomasG") to one attendee's full name, if exactly one fits."""
    name = name.strip(" :[]")
    first, initial = name, ""
    split = re.match(r"^([A-Z][a-z]+)([A-Z])$", name)
    if split:
        first, initial = split.groups()
    matches = [
        p.name
        for p in attendees
        if p.name.split()[0] == first
        and (not initial or (len(p.name.split()) > 1 and p.name.split()[-1].startswith(initial)))
    ]
    exact = [p.name for p in attendees if p.name == name]
    if exact:
        return exact[0]
    return matches[0] if len(matches) == 1 else name


def _next_call(lines: list[str], meeting: date, first_line: int) -> NextCall | None:
    for sentence, line in _sentences(lines, first_line):
        if not _NEXT_CALL_CUE.search(sentence):
            continue
        when = _resolve_date(sentence, meeting)
        if when is not None:
            return NextCall(date=when, text=one_line(sentence), line=line)
    return None


def _resolve_date(text: str, meeting: date) -> date | None:
    """The first date in `text`, with the year taken from the meeting (the first such day after it)."""
    if iso := _ISO.search(text):
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    day_month = _DAY_MONTH.search(text)
    month_day = _MONTH_DAY.search(text)
    if day_month:
        day, month = int(day_month.group(1)), _month(day_month.group(2))
    elif month_day:
        day, month = int(month_day.group(2)), _month(month_day.group(1))
    else:
        return None
    for year in (meeting.year, meeting.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate > meeting:
            return candidate
    return None


def _month(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].lower()) + 1
