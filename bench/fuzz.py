"""Fuzz parse, extract and note rendering with generated and mutated notes.

usage: python bench/fuzz.py [--count N] [--seed S] [--shared DIR] [--timeout SECONDS] [--save DIR]
                            [--no-render]

Inputs are mutations of real notes (the MirageOS notes, read from a clone of
../shared/corpus/mirage-weekly.bundle made at run time, the ../shared seeds and
our example notes) — byte flips, truncation, line shuffles, injected markdown,
HTML and YAML, other encodings and line ends — and generated ones (random bytes
and text, deeply nested markdown, hostile front matter). Each goes through
`parse_note`, then `extract` and `note_html`. A `NoteError` is the right answer
to a bad note; any other exception, or an input that runs longer than the
per-input timeout (a hang), is a crash. Prints "N inputs, C crashes, slowest X ms"
and the slowest input relative to the median unmutated note (same run).

One process on purpose: the machine is shared, and a per-input timer
(SIGALRM, which the regex engine honours) is enough to catch hangs.
"""

from __future__ import annotations

import argparse
import codecs
import logging
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from digest.errors import NoteError  # noqa: E402
from digest.extract import extract  # noqa: E402
from digest.models import NoteFile  # noqa: E402
from digest.parse import parse_note  # noqa: E402
from digest.render import note_html  # noqa: E402

# Snippets a hostile or careless note may hold; injected at random lines.
SNIPPETS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<!-- never closed",
    "<style>body{display:none}</style>",
    "<iframe src=//evil.example></iframe>",
    "```\nunclosed fence",
    "| a | b |\n|---|---|\n| " + "x | " * 200,
    "###### ",
    "!!! ",
    "> " * 200 + "quote",
    "- " * 200 + "item",
    "1. " * 200 + "item",
    "*" * 500,
    "_" * 500,
    "`" * 500,
    "[" * 500 + "]" * 500,
    "<" * 500,
    "http://" + "a." * 300 + "example",
    "Action: " + "Alice " * 300,
    "ACTION Bob: " + "write it " * 200,
    "Decision: " + "we agreed " * 200,
    "Attendees: " + ", ".join(f"Person{i} Name{i}" for i in range(300)),
    "Attendees:" + " " * 2000 + ":",
    "Next call: 30th February 2016 at 25:99 UTC",
    "Next meeting: Sept 31, 2015",
    "Next call 9999-12-31, then 0001-01-01",
    "Date: 2015-13-45",
    "Alan Turing will " * 100,
    "Ab Cd, " * 400 + "will do it",
    "He will " * 300,
    "we agreed " + "that " * 1000,
    "By x" + " " * 3000 + "- 2015-09-30",
    "Weekly Meeting: 2015-09-30" + " " * 3000,
    "\u202e\u2066\u200b\ufeff\u0000\u001b[31m",
    "\u2028\u2029\x85\x0b\x0c\x1c",
    "e\u0301" * 300,
    "\ud800",
    "---\ntitle: [unclosed\n---",
    "date: !!python/object/apply:os.system ['true']",
)

FRONT_MATTERS: tuple[str, ...] = (
    "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
    "---\ntitle: !!python/object/apply:os.system ['true']\n---\n",
    "---\ndate: !!python/name:os.system\n---\n",
    "---\nfoo: !custom tag\n---\n",
    "---\ndate: 2015-02-30\n---\n",
    "---\ndate: 30th February 2015\ntitle: x\n---\n",
    "---\ndate: 99999-01-01\n---\n",
    "---\n" + "[" * 5000 + "\n---\n",
    "---\n" + "".join("  " * i + "k:\n" for i in range(200)) + "---\n",
    "---\n- a list\n- not a mapping\n---\n",
    "---\njust a string\n---\n",
    "---\n: : :\n---\n",
    "---\ntitle: unclosed\n",
    "---\n? [unhashable, key]\n: value\n---\n",
    "---\nx: " + "9" * 5000 + "\n---\n",
    "---\ntitle: " + "long " * 5000 + "\n---\n",
    "---\nauthor: {name: [1, 2]}\ntitle: 42\ndate: 2015-09-30T10:00:00+99:00\n---\n",
    "---\r\ntitle: crlf\r\ndate: 2015-09-30\r\n---\r\n",
    "---\n\ttabs: are not yaml indentation\n---\n",
)

NAMES: tuple[str, ...] = (
    "2015-09-30.md",
    "data/weekly/2014-11-12.md",
    "notes/2016-03-02.txt",
    "minutes.md",
    "archive/2015-09-30.html",
    "2015-02-30.md",
    "weird ../../name 2015-09-30.md",
    "ünïcödé/2015-09-30.markdown",
    "README",
    "a" * 300 + "2015-09-30.md",
)


@dataclass
class Crash:
    label: str
    error: str
    data: bytes
    path: str


@dataclass
class FuzzResult:
    inputs: int = 0
    crashes: list[Crash] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)
    slowest_ms: float = 0.0
    slowest_label: str = ""
    baseline_median_ms: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.inputs} inputs, {len(self.crashes)} crashes, "
            f"slowest {self.slowest_ms:.0f} ms"
        )


class InputTimeout(Exception):
    """One input ran past the per-input timer: a hang."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise InputTimeout(f"no result after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the corpus ------------------------------------------------------------------------------


def clone_mirage(shared: Path, into: Path) -> Path:
    """A work tree of the MirageOS notes, cloned from the bundle in ../shared."""
    target = into / "mirage-weekly"
    bundle = shared / "corpus" / "mirage-weekly.bundle"
    subprocess.run(["git", "clone", "-q", str(bundle), str(target)], check=True)
    return target


def load_corpus(mirage: Path | None, seeds: Path | None) -> list[NoteFile]:
    """Real notes to mutate: MirageOS weekly notes, the seeds, and our example notes."""
    files: list[Path] = []
    if mirage is not None:
        files += sorted((mirage / "data" / "weekly").glob("*.md"))
    if seeds is not None:
        files += sorted(seeds.glob("*.txt"))
    files += sorted((ROOT / "examples" / "notes").glob("*.*"))
    return [NoteFile(p.name, p.read_bytes()) for p in files]


# -- mutations -------------------------------------------------------------------------------

Mutation = Callable[[random.Random, bytes], bytes]


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randint(0, len(data))]


def shuffle_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    start = rng.randrange(len(lines))
    window = lines[start : start + rng.randint(2, 40)]
    rng.shuffle(window)
    return b"\n".join(lines[:start] + window + lines[start + len(window) :])


def drop_or_repeat_lines(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    if rng.random() < 0.5:
        del lines[i : i + rng.randint(1, 10)]
    else:
        lines[i:i] = [lines[i]] * rng.randint(2, 200)
    return b"\n".join(lines)


def inject_snippet(rng: random.Random, data: bytes) -> bytes:
    lines = data.split(b"\n")
    snippet = rng.choice(SNIPPETS).encode("utf-8", "surrogatepass")
    lines.insert(rng.randrange(len(lines) + 1), snippet)
    return b"\n".join(lines)


def inject_inline(rng: random.Random, data: bytes) -> bytes:
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(SNIPPETS).encode("utf-8", "surrogatepass") + data[at:]


def prepend_front_matter(rng: random.Random, data: bytes) -> bytes:
    body = data
    if body.startswith(b"---\n"):
        end = body.find(b"\n---", 4)
        body = body[end + 4 :] if end >= 0 else body
    return rng.choice(FRONT_MATTERS).encode() + body


def reencode(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    choice = rng.randrange(7)
    if choice == 0:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if choice == 1:
        return text.encode("utf-16")[: rng.randint(0, len(text) * 2)]  # odd length, cut pairs
    if choice == 2:
        return text.encode("cp1252", "replace")
    if choice == 3:
        return text.encode("latin-1", "replace")
    if choice == 4:
        return data.replace(b"\n", b"\r\n")
    if choice == 5:
        return data.replace(b"\n", b"\r")
    return codecs.BOM_UTF8 + data


def splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


def grow(rng: random.Random, data: bytes) -> bytes:
    """Repeat the note up to ~150 KB: big, but within what parse accepts."""
    return data * rng.randint(2, max(2, 150_000 // max(1, len(data))))


MUTATIONS: tuple[tuple[str, Mutation], ...] = (
    ("flip", flip_bytes),
    ("truncate", truncate),
    ("shuffle", shuffle_lines),
    ("lines", drop_or_repeat_lines),
    ("snippet", inject_snippet),
    ("inline", inject_inline),
    ("front-matter", prepend_front_matter),
    ("encoding", reencode),
)


# -- generated inputs ------------------------------------------------------------------------

_ALPHABETS = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789",
    " \n\n\t-*#>|`[]()!:.,;'\"<>&=_~",
    "äöüßéèçñøåæœ",
    "日本語中文한국어",
    "ابجدעברית\u200f\u202e",
    "\u0000\u0001\u001b\u007f\u0085\u2028\u2029\ufeff\ufffe",
)


def generated(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(6)
    if kind == 0:
        return "random-bytes", rng.randbytes(rng.randint(0, 4096))
    if kind == 1:
        alphabet = "".join(rng.sample(_ALPHABETS, rng.randint(1, len(_ALPHABETS))))
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
        return "random-text", text.encode("utf-8", "surrogatepass")
    if kind == 2:
        depth = rng.choice((100, 1_000, 10_000))
        shape = rng.randrange(4)
        if shape == 0:
            body = "".join("  " * i + "- item\n" for i in range(min(depth, 2_000)))
        elif shape == 1:
            body = ">" * depth + " deep quote\n"
        elif shape == 2:
            body = "- " * depth + "deep list\n"
        else:
            body = "[" * depth + "link" + "](x)" * depth + "\n"
        return f"nested-{depth}", f"# 2015-09-30\n\n{body}".encode()
    if kind == 3:
        front = rng.choice(FRONT_MATTERS)
        return "front-matter", (front + "# Weekly call 2015-09-30\n\nAgreed to ship.\n").encode()
    if kind == 4:
        line = rng.choice(SNIPPETS)
        return "long-line", ("2015-09-30 " + line * rng.randint(1, 50)).encode(
            "utf-8", "surrogatepass"
        )
    return "empty-ish", rng.choice((b"", b"\n", b"---\n", b"---\n---\n", b"\xef\xbb\xbf", b" "))


def make_input(rng: random.Random, corpus: list[NoteFile]) -> tuple[str, str, bytes]:
    """(label, path, data) for one fuzz input."""
    if not corpus or rng.random() < 0.2:
        label, data = generated(rng)
        return label, rng.choice(NAMES), data
    base = rng.choice(corpus)
    data = base.data
    labels = []
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.08:
            data, name = splice(rng, data, rng.choice(corpus).data), "splice"
        elif rng.random() < 0.03:
            data, name = grow(rng, data), "grow"
        else:
            name, mutation = rng.choice(MUTATIONS)
            data = mutation(rng, data)
        labels.append(name)
    path = base.path if rng.random() < 0.7 else rng.choice(NAMES)
    return f"{base.path}+{'+'.join(labels)}", path, data


# -- the run ---------------------------------------------------------------------------------


def check_one(path: str, data: bytes, *, render: bool = True) -> str | None:
    """Run one input through parse, extract (and note_html); the NoteError message, or None."""
    try:
        note = parse_note(NoteFile(path, data))
    except NoteError as exc:
        return exc.message
    extract(note)
    if render:
        note_html(note)
    return None


def _timed(path: str, data: bytes, render: bool) -> float:
    start = time.perf_counter()
    check_one(path, data, render=render)
    return (time.perf_counter() - start) * 1000


def run_fuzz(
    count: int,
    corpus: list[NoteFile],
    *,
    seed: int = 0,
    timeout: float = 10.0,
    render: bool = True,
    progress: Callable[[FuzzResult], None] | None = None,
) -> FuzzResult:
    """Fuzz `count` inputs; deterministic for a given seed and corpus.

    `render=False` leaves out `note_html` (markdown-it and nh3, a third of the time).
    """
    rng = random.Random(seed)
    result = FuzzResult()
    baseline = [_timed(f.path, f.data, render) for f in corpus]
    result.baseline_median_ms = statistics.median(baseline) if baseline else 0.0
    for index in range(count):
        label, path, data = make_input(rng, corpus)
        start = time.perf_counter()
        try:
            with time_limit(timeout):
                refusal = check_one(path, data, render=render)
        except Exception as exc:  # everything but NoteError is a crash, hangs included
            error = "".join(traceback.format_exception_only(exc)).strip()
            where = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
            if where:
                error += f" at {where[0].filename}:{where[0].lineno}"
            result.crashes.append(Crash(f"#{index} {label}", error, data, path))
        else:
            if refusal is not None:
                result.refused[refusal.split(":")[0][:60]] += 1
        elapsed = (time.perf_counter() - start) * 1000
        if elapsed > result.slowest_ms:
            result.slowest_ms, result.slowest_label = elapsed, f"#{index} {label} ({len(data):,} B)"
        result.inputs += 1
        if progress and (index + 1) % 1000 == 0:
            progress(result)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--timeout", type=float, default=10.0, help="per-input limit in seconds")
    ap.add_argument("--save", type=Path, help="write crashing inputs to this folder")
    ap.add_argument("--no-render", action="store_true", help="parse and extract only")
    args = ap.parse_args()
    logging.getLogger("digest").addHandler(logging.NullHandler())  # the encoding warnings
    with tempfile.TemporaryDirectory() as tmp:
        mirage = clone_mirage(args.shared, Path(tmp))
        corpus = load_corpus(mirage, args.shared / "seeds")
    started = time.perf_counter()
    result = run_fuzz(
        args.count,
        corpus,
        seed=args.seed,
        timeout=args.timeout,
        render=not args.no_render,
        progress=lambda r: print(f"  {r.summary()}", file=sys.stderr, flush=True),
    )
    wall = time.perf_counter() - started
    print(result.summary())
    print(f"corpus: {len(corpus)} notes; median unmutated note {result.baseline_median_ms:.1f} ms")
    print(
        f"slowest: {result.slowest_label}, "
        f"{result.slowest_ms / max(result.baseline_median_ms, 1e-6):.0f}× the median note"
    )
    print(f"wall {wall:.0f} s, {result.inputs / wall:.0f} inputs/s")
    print(f"refused with a NoteError: {sum(result.refused.values())}")
    for message, n in result.refused.most_common(8):
        print(f"  {n:6}  {message}")
    for crash in result.crashes[:20]:
        print(f"CRASH {crash.label} path={crash.path!r}: {crash.error}")
    if args.save and result.crashes:
        args.save.mkdir(parents=True, exist_ok=True)
        for n, crash in enumerate(result.crashes):
            (args.save / f"crash-{n:04}.bin").write_bytes(crash.data)
    return 1 if result.crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
