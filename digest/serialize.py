"""Extraction → JSON-ready dicts, for `digest extract --json` and the evaluation.

The documented keys (path, title, date, attendees, agenda, decisions,
actions, next_call) keep their shape; other Extraction fields are added
as they are, so new extraction features appear without changing this file.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from typing import Any

from .models import Extraction, Note


def plain(value: Any) -> Any:
    """Dataclasses, tuples and dates → JSON types."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def note_json(note: Note, extraction: Extraction) -> dict[str, Any]:
    data: dict[str, Any] = {
        "path": note.path,
        "title": note.title,
        "date": note.date.isoformat(),
        "author": note.author,
    }
    extra = plain(extraction)
    data["attendees"] = [p.name for p in extraction.attendees]
    data["chair"] = [p.name for p in extraction.attendees if p.chair]
    data["people"] = extra.pop("attendees")
    data["agenda"] = extra.pop("agenda")
    data["decisions"] = extra.pop("decisions")
    data["actions"] = extra.pop("actions")
    next_call = extra.pop("next_call")
    data["next_call"] = next_call["date"] if next_call else None
    data["next_call_detail"] = next_call
    data.update(extra)
    return data
