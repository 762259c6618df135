"""Helpers for the robustness tests: a hang guard and a note-through-the-core check."""

from __future__ import annotations

import importlib.util
import sys
from contextlib import AbstractContextManager
from types import ModuleType

from digest.errors import NoteError
from digest.extract import extract
from digest.models import Extraction, Note, NoteFile
from digest.parse import parse_note
from digest.render import note_html

from ..conftest import REPO


def bench_fuzz() -> ModuleType:
    """bench/fuzz.py as a module (a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("bench_fuzz", REPO / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


_FUZZ = bench_fuzz()
# The bench's per-input hang guard: a guard, not a speed target; SIGALRM reaches the regex
# engine too.
Hang = _FUZZ.InputTimeout


def no_hang(seconds: float = 20.0) -> AbstractContextManager[None]:
    """Fail (instead of waiting forever) when the block runs past `seconds`."""
    return _FUZZ.time_limit(seconds)  # type: ignore[no-any-return]


def through_core(path: str, data: bytes) -> tuple[Note, Extraction, str] | NoteError:
    """parse → extract → note_html, as a run does; a NoteError is a valid answer, returned."""
    try:
        note = parse_note(NoteFile(path, data))
    except NoteError as exc:
        assert exc.path == path, "a note error names the file"
        assert str(exc).startswith(path)
        return exc
    return note, extract(note), note_html(note)
