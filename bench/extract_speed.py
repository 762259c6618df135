"""Extraction speed: notes per second over the MirageOS notes, on one core.

usage: python bench/extract_speed.py [--corpus DIR] [--rounds N] [--against REV]
Parses the notes once, then times `extract` alone over all of them, N rounds; prints the best
(CPU time of this process, so other work on the machine counts less).
The machine is shared, so it also times a reference in the same run, markdown-it-py tokenising
the same bodies (what a CommonMark parser alone costs), and prints the ratio of the two.

It then records every call `extract` makes into the infrastructure (extract_blocks: scan,
clean_inline, sentences, github_links, bare_urls; dates: find_dates, find_time; people:
parse_attendee_text, Roster) and replays them alone, to print each one's share of `extract`:
what is left is the rules in extract.py. With `--against REV` (a git revision of this
repository) the same calls are also replayed through that revision's modules, loaded in this
process, to print how much faster (or slower) the infrastructure has become, and whether
every answer is still the same.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from markdown_it import MarkdownIt  # noqa: E402

import digest.extract as extract_module  # noqa: E402
from digest import dates, extract_blocks, people  # noqa: E402
from digest.evaluate import checkout_corpus, find_shared  # noqa: E402
from digest.extract import extract  # noqa: E402
from digest.models import Note, NoteFile, Person  # noqa: E402
from digest.parse import parse_note  # noqa: E402

# the infrastructure extract.py imports, by the module that defines it
INFRA = {
    "extract_blocks": ("scan", "clean_inline", "sentences", "github_links", "bare_urls"),
    "dates": ("find_dates", "find_time"),
    "people": ("parse_attendee_text",),
}
BLOCKS = ("scan", "clean_inline", "sentences")  # the share the issue asks for
ROSTER_METHODS = ("match", "resolve", "candidates", "known", "match_handle")


@dataclass
class Calls:
    """What one pass of extract over the notes asked of the infrastructure, in order."""

    functions: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = field(
        default_factory=dict)
    # Roster(attendees, others, mentioned) and the (method, name) questions asked of it
    rosters: list[tuple[list[Person], list[str], list[Person], list[tuple[str, str]]]] = field(
        default_factory=list)


def record(notes: list[Note]) -> Calls:
    """Run extract over the notes with the infrastructure wrapped to log its arguments."""
    calls = Calls()
    saved = {name: getattr(extract_module, name)
             for names in INFRA.values() for name in (*names, "Roster")}

    def logged(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        log = calls.functions.setdefault(name, [])

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # clean_inline appends to its `links` argument: replay it with a fresh list
            log.append((tuple([] if isinstance(a, list) else a for a in args), kwargs))
            return real(*args, **kwargs)
        return wrapper

    class LoggedRoster:
        def __init__(self, attendees: Any, others: Any = (), mentioned: Any = None) -> None:
            # the note's other full names: found here, once, and replayed as found
            attendees, others = list(attendees), list(others)
            mentioned = list(mentioned()) if mentioned else []
            self._real = people.Roster(attendees, others, partial(list, mentioned))
            self._asked: list[tuple[str, str]] = []
            calls.rosters.append((attendees, others, mentioned, self._asked))

        def __getattr__(self, method: str) -> Callable[[str], Any]:
            real = getattr(self._real, method)

            def ask(name: str) -> Any:
                self._asked.append((method, name))
                return real(name)
            return ask

    try:
        for names in INFRA.values():
            for name in names:
                setattr(extract_module, name, logged(name, saved[name]))
        setattr(extract_module, "Roster", LoggedRoster)  # noqa: B010 (a stand-in, on purpose)
        for note in notes:
            extract(note)
    finally:
        for name, real in saved.items():
            setattr(extract_module, name, real)
    assert all(m in ROSTER_METHODS for *_, asked in calls.rosters for m, _ in asked)
    return calls


def replay(calls: Calls, modules: dict[str, types.ModuleType]) -> dict[str, list[str]]:
    """Every recorded call again, through `modules`; the answers as repr() (classes differ)."""
    out: dict[str, list[str]] = {}
    for module, names in INFRA.items():
        for name in names:
            function = getattr(modules[module], name)
            out[name] = [repr(function(*[[] if type(a) is list else a for a in args], **kwargs))
                         for args, kwargs in calls.functions.get(name, [])]
    roster_answers: list[str] = []
    for attendees, others, mentioned, asked in calls.rosters:
        roster = modules["people"].Roster(attendees, others, partial(list, mentioned))
        roster_answers.extend(repr(getattr(roster, m)(n)) for m, n in asked)
    out["Roster"] = roster_answers
    return out


def time_calls(calls: Calls, versions: list[dict[str, types.ModuleType]],
               rounds: int) -> list[dict[str, float]]:
    """Best CPU seconds of `rounds` replays per function (Roster: built, then asked), for
    each version of the modules; the versions take turns, so load on the machine hits all."""

    def runner(function: Callable[..., Any],
               log: list[tuple[tuple[Any, ...], dict[str, Any]]]) -> Callable[[], None]:
        def run() -> None:
            for args, kwargs in log:
                if args and type(args[-1]) is list:  # clean_inline's links: a fresh list
                    function(*args[:-1], [], **kwargs)
                else:
                    function(*args, **kwargs)
        return run

    def roster_runner(cls: type[people.Roster]) -> Callable[[], None]:
        def run() -> None:
            for attendees, others, mentioned, asked in calls.rosters:
                roster = cls(attendees, others, partial(list, mentioned))
                for method, name in asked:
                    getattr(roster, method)(name)
        return run

    runs: list[dict[str, Callable[[], None]]] = []
    for modules in versions:
        version_runs = {name: runner(getattr(modules[module], name), calls.functions.get(name, []))
                        for module, names in INFRA.items() for name in names}
        version_runs["Roster"] = roster_runner(modules["people"].Roster)
        runs.append(version_runs)
    best: list[dict[str, float]] = [{} for _ in versions]
    for _ in range(rounds):
        for version_runs, version_best in zip(runs, best, strict=True):
            for name, run in version_runs.items():
                start = time.process_time()
                run()
                took = time.process_time() - start
                version_best[name] = min(version_best.get(name, float("inf")), took)
    return best


def load_revision(rev: str) -> dict[str, types.ModuleType]:
    """The infrastructure modules as they were at `rev`, imported under private names."""
    modules = {}
    for module in INFRA:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{rev}:digest/{module}.py"],
                                capture_output=True, text=True, check=True).stdout
        mod = types.ModuleType(f"digest._at_{module}")
        mod.__package__ = "digest"  # its `from .models import …` resolve against the package
        sys.modules[mod.__name__] = mod  # dataclasses look their module up by name
        exec(compile(source, f"{rev}:digest/{module}.py", "exec"), mod.__dict__)
        modules[module] = mod
    return modules


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=None, help="a checkout or bundle of mirage-weekly")
    ap.add_argument("--shared", default=os.environ.get("DIGEST_SHARED") or find_shared(ROOT))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--against", metavar="REV",
                    help="also replay the infrastructure calls through this git revision")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        corpus = checkout_corpus(
            Path(args.corpus) if args.corpus
            else Path(args.shared) / "corpus" / "mirage-weekly.bundle", Path(tmp))
        paths = sorted((corpus / "data" / "weekly").glob("*.md"))
        notes = [parse_note(NoteFile(p.name, p.read_bytes())) for p in paths]
    md = MarkdownIt("commonmark")

    def best_of(work: Callable[[Note], object]) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            start = time.process_time()
            for note in notes:
                work(note)
            best = min(best, time.process_time() - start)
        return best

    took = best_of(extract)
    reference = best_of(lambda note: md.parse(note.body))
    print(f"{len(notes)} notes, best of {args.rounds}: extract {took * 1000:.1f} ms, "
          f"{len(notes) / took:,.0f} notes/s (one core); markdown-it-py parse alone "
          f"{len(notes) / reference:,.0f} notes/s; extract is {reference / took:.2f}x its speed")

    calls = record(notes)
    current = {"extract_blocks": extract_blocks, "dates": dates, "people": people}
    before = load_revision(args.against) if args.against else None
    # a replay is short (a few ms per function): more rounds, for a steadier best on a busy machine
    spent, *earlier = time_calls(calls, [current, *([before] if before else [])],
                                 4 * args.rounds)
    blocks = sum(spent[name] for name in BLOCKS)
    infra = sum(spent.values())
    print(f"infrastructure share of extract: scan + clean_inline + sentences "
          f"{blocks * 1000:.1f} ms ({blocks / took:.0%}); with links, dates and people "
          f"{infra * 1000:.1f} ms ({infra / took:.0%}); the rules in extract.py the rest, "
          f"{(took - infra) * 1000:.1f} ms ({1 - infra / took:.0%})")
    counts = {name: len(log) for name, log in calls.functions.items()}
    counts["Roster"] = len(calls.rosters)
    print("  " + " · ".join(f"{name} {seconds * 1000:.1f} ms ({counts.get(name, 0)} calls)"
                            for name, seconds in spent.items()))
    if before is not None:
        differ = {name: sum(a != b for a, b in zip(old, new, strict=True))
                  for (name, old), new in zip(replay(calls, before).items(),
                                              replay(calls, current).values(), strict=True)}
        then = earlier[0]
        then_blocks = sum(then[name] for name in BLOCKS)
        print(f"against {args.against}, the same calls in this process: scan + clean_inline + "
              f"sentences {then_blocks * 1000:.1f} → {blocks * 1000:.1f} ms "
              f"({then_blocks / blocks:.2f}x faster); all of it {sum(then.values()) * 1000:.1f} "
              f"→ {infra * 1000:.1f} ms ({sum(then.values()) / infra:.2f}x faster)")
        print("  " + " · ".join(f"{name} {then[name] / spent[name]:.2f}x" for name in spent))
        changed = {name: n for name, n in differ.items() if n}
        print(f"  answers: {sum(len(v) for v in calls.functions.values())} calls and "
              f"{sum(len(a) for *_, a in calls.rosters)} roster questions, "
              + (f"DIFFERENT: {changed}" if changed else "all identical"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
