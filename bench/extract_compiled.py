"""Extraction speed compiled with mypyc, against the same code interpreted.

usage: python bench/extract_compiled.py [--rounds N] [--build DIR]
The speed goal (2,000 notes/s) is out of reach of the interpreter: extract_speed.py shows the
infrastructure alone near it. This measures what compiling the extraction modules as they are
would give, before anyone rewrites them for a compiler. It copies the package to DIR (a
temporary folder unless given), compiles extract, extract_blocks, people and dates (what
extract runs; a few minutes, with a C compiler and Python's headers), then
times `extract` over the 51 MirageOS notes in child processes, interpreted and compiled in
turn, one core, and checks that both give the same extractions.

mypyc trusts the declared types at run time. typeshed declares `re.Match.group` as
`str | Any`, which mypyc checks as `str`, yet an optional group is None: the copy is compiled
against a typeshed whose `re` returns Any there, which is what the code relies on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPILED = ("extract", "extract_blocks", "people", "dates")


@dataclass(frozen=True)
class Timing:
    """One child's best round, and a hash of what extract answered, to compare the two."""

    module: str
    notes: int
    seconds: float
    answers: str


def build(where: Path) -> None:
    """Copy the package into `where` and compile COMPILED there, in place."""
    import mypy

    shutil.copytree(ROOT / "digest", where / "digest", ignore=shutil.ignore_patterns(
        "__pycache__"))
    typeshed = where / "typeshed"
    shutil.copytree(Path(mypy.__file__).parent / "typeshed", typeshed)
    re_stub = typeshed / "stdlib" / "re.pyi"
    re_stub.write_text(re_stub.read_text().replace("AnyStr | MaybeNone", "Any")
                       .replace("str | MaybeNone", "Any").replace("bytes | MaybeNone", "Any"))
    untyped = [module for override in tomllib.loads((ROOT / "pyproject.toml").read_text())
               ["tool"]["mypy"]["overrides"] for module in override["module"]]
    (where / "mypy.ini").write_text(
        f"[mypy]\npython_version = 3.11\ncustom_typeshed_dir = {typeshed}\n"
        f"[mypy-{','.join(untyped)}]\nignore_missing_imports = True\n")
    sources = [f"digest/{name}.py" for name in COMPILED]
    (where / "setup.py").write_text(
        "from setuptools import setup\nfrom mypyc.build import mypycify\n"
        f"setup(name='digest_compiled', ext_modules=mypycify({sources!r}, opt_level='3'))\n")
    done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=where,
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"mypyc failed:\n{(done.stdout + done.stderr)[-3000:]}")


def measure(rounds: int, shared: str) -> Timing:
    """Time extract over the MirageOS notes with the `digest` on sys.path (run in a child)."""
    import hashlib

    import digest.extract
    from digest.evaluate import checkout_corpus
    from digest.models import NoteFile
    from digest.parse import parse_note

    with tempfile.TemporaryDirectory() as tmp:
        corpus = checkout_corpus(Path(shared) / "corpus" / "mirage-weekly.bundle", Path(tmp))
        notes = [parse_note(NoteFile(p.name, p.read_bytes()))
                 for p in sorted((corpus / "data" / "weekly").glob("*.md"))]
    answers = hashlib.sha256(repr([digest.extract.extract(n) for n in notes]).encode())
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for note in notes:
            digest.extract.extract(note)
        best = min(best, time.process_time() - start)
    return Timing(str(digest.extract.__file__), len(notes), best, answers.hexdigest())


def run_child(code: Path, rounds: int, shared: str) -> Timing:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, __file__, "--measure", "--rounds", str(rounds),
                           "--shared", shared], env=env, cwd=code, capture_output=True,
                          text=True, check=True)
    return Timing(**json.loads(done.stdout))


def main() -> int:
    from digest.evaluate import find_shared

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--build", type=Path, help="build here (kept; reused if already built)")
    ap.add_argument("--shared", default=os.environ.get("DIGEST_SHARED") or find_shared(ROOT))
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, children too
    if args.measure:
        print(json.dumps(asdict(measure(args.rounds, args.shared))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        where = args.build or Path(tmp)
        if not list((where / "digest").glob("extract.*.so")):
            started = time.monotonic()
            build(where)
            print(f"compiled {', '.join(COMPILED)} with mypyc in "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr)
        # alternate the two, three times each, so a busy spell on the machine hits both
        runs = [(name, run_child(code, args.rounds, str(args.shared)))
                for _ in range(3) for name, code in (("interpreted", ROOT), ("compiled", where))]
    best = {name: min(r.seconds for n, r in runs if n == name)
            for name in ("interpreted", "compiled")}
    same = len({r.answers for _, r in runs}) == 1
    for name, run in runs:
        if run.module.endswith(".py") != (name == "interpreted"):
            sys.exit(f"the {name} run imported {run.module}")
    notes = runs[0][1].notes
    for name, seconds in best.items():
        print(f"{name}: {notes} notes in {seconds * 1000:.1f} ms, {notes / seconds:,.0f} notes/s")
    print(f"compiled / interpreted: {best['interpreted'] / best['compiled']:.2f}x; "
          f"same extractions: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
