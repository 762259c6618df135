"""Helpers for the robustness tests: a hang guard and a note-through-the-core check."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from digest.errors import NoteError
from digest.extract import extract
from digest.models import Extraction, Note, NoteFile
from digest.parse import parse_note
from digest.render import note_html


class Hang(Exception):
    pass


@contextmanager
def no_hang(seconds: float = 20.0) -> Iterator[None]:
    """Fail (instead of waiting forever) when the block runs past `seconds`.

    A hang guard, not a speed target: the limits are many times what the work
    takes. SIGALRM reaches Python code and the regex engine alike.
    """

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise Hang(f"still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def through_core(path: str, data: bytes) -> tuple[Note, Extraction, str] | NoteError:
    """parse → extract → note_html, as a run does; a NoteError is a valid answer, returned."""
    try:
        note = parse_note(NoteFile(path, data))
    except NoteError as exc:
        assert exc.path == path, "a note error names the file"
        assert str(exc).startswith(path)
        return exc
    return note, extract(note), note_html(note)
