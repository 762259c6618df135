"""Score extraction against hand-written gold labels.

`evaluate(pairs)` is pure: it takes (gold, extraction) pairs and returns an
`EvalReport` with precision, recall and F1 per field, plus every miss and every
false alarm. Matching is lenient: a prediction matches a label when enough of
the label's content words appear in it (so a paraphrase counts), one to one.

Fields: `next_call` (a date per note; null labels count as right when nothing
is predicted), `decisions`, `actions`, `actions+owner` (task and owner equal)
and `actions:task-only`. An extracted action is read as a reader of the digest
sees it, its task with the sentence it came from (`Action.context`), but the
task itself must carry at least two of the label's content words (all of them
for a one-word label), so a long sentence cannot match on its own;
`actions:task-only` scores the task with no context at all.

`load_gold(gold_dir)` reads the YAML labels; `evaluate_gold(gold_dir,
roots)` parses and extracts the labelled notes and scores them. A label's
`source` names its note in ../shared (`seeds/x.txt`), in the MirageOS corpus
(`corpus:data/weekly/x.md`) or beside the label file (`local:notes/x.md`).
"""

from __future__ import annotations

import logging
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .errors import SourceError
from .models import Extraction, NoteFile
from .parse import one_line
from .people import OWNER_SEPARATOR

log = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.5  # share of a label's content words a prediction must contain

_WORD = re.compile(r"[a-z0-9][a-z0-9+.'_-]*[a-z0-9+]|[a-z0-9]")
_STOP = frozenset(
    """a an the and or but of to in on at for by with from as is are was were be been being it its
    this that these those we our us they their them he his him she her i you your will would
    should could can may might must shall do does did done have has had not no so if then than
    also just very more most some any all each which who whom what when where why how there here
    up down out over about into onto off again once too own same s re ll ve d m t e g eg ie etc
    get got""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class GoldAction:
    owner: str | None
    task: str


@dataclass(frozen=True)
class GoldNote:
    source: str  # "corpus:data/weekly/2014-07-08.md" or "seeds/000_x.txt"
    meeting_date: date | None
    next_call: date | None
    decisions: tuple[str, ...] = ()
    actions: tuple[GoldAction, ...] = ()
    label_file: str = ""


@dataclass(frozen=True)
class Miss:
    source: str
    text: str


@dataclass
class FieldScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[Miss] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EvalReport:
    notes: int
    fields: dict[str, FieldScore]
    next_call_correct: int = 0  # notes whose next call (or its absence) is right

    @property
    def next_call_accuracy(self) -> float:
        return self.next_call_correct / self.notes if self.notes else 1.0


def words(text: str) -> frozenset[str]:
    """Content words, lower-cased, with a light suffix stemming."""
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.strip("'.")
        if w.endswith("'s"):
            w = w[:-2]
        if not w or w in _STOP:
            continue
        out.add(_stem(w))
    return frozenset(out)


def _stem(w: str) -> str:
    """serve/serving/served → serv, merge/merging → merg, posts → post."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:-1] if len(w) > 4 and w.endswith("e") else w


def similarity(label: str, prediction: str) -> float:
    """Share of the label's content words found in the prediction (0..1)."""
    g, p = words(label), words(prediction)
    if not g:
        return 0.0
    common = len(g & p)
    if common < min(2, len(g)):
        return 0.0
    return common / len(g)


def task_similarity(label: str, task: str, context: str) -> float:
    """Like `similarity` over task + context, but the task alone must overlap the label."""
    g = words(label)
    if len(g & words(task)) < min(2, len(g)):
        return 0.0
    return similarity(label, f"{task} {context}")


def same_owner(gold: str | None, predicted: str | None) -> bool:
    def names(x: str | None) -> frozenset[str]:
        if not x:
            return frozenset()
        parts = OWNER_SEPARATOR.split(x)
        return frozenset(" ".join(p.lower().split()) for p in parts if p.strip())

    return names(gold) == names(predicted)


def _match(
    labels: Sequence[str],
    predictions: Sequence[str],
    compatible: Callable[[int, int], bool] = lambda i, j: True,
    score: Callable[[int, int], float] | None = None,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, best pairs first."""
    scored = []
    for i, label in enumerate(labels):
        for j, pred in enumerate(predictions):
            if not compatible(i, j):
                continue
            s = score(i, j) if score else similarity(label, pred)
            if s >= MATCH_THRESHOLD:
                scored.append((s, -i, -j, i, j))
    scored.sort(reverse=True)
    used_l: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _s, _ni, _nj, i, j in scored:
        if i in used_l or j in used_p:
            continue
        used_l.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def _score_lists(
    score: FieldScore,
    source: str,
    labels: Sequence[str],
    predictions: Sequence[str],
    compatible: Callable[[int, int], bool] = lambda i, j: True,
    show_label: Callable[[int], str] | None = None,
    show_pred: Callable[[int], str] | None = None,
    score_pair: Callable[[int, int], float] | None = None,
) -> None:
    pairs = _match(labels, predictions, compatible, score_pair)
    score.tp += len(pairs)
    matched_l = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    for i, label in enumerate(labels):
        if i not in matched_l:
            score.fn += 1
            score.misses.append(Miss(source, show_label(i) if show_label else label))
    for j, pred in enumerate(predictions):
        if j not in matched_p:
            score.fp += 1
            score.false_alarms.append(Miss(source, show_pred(j) if show_pred else pred))


def evaluate(pairs: Iterable[tuple[GoldNote, Extraction]]) -> EvalReport:
    """Score extractions against their gold labels (pure)."""
    fields = {name: FieldScore(name) for name in (
        "next_call", "decisions", "actions", "actions+owner", "actions:task-only")}
    notes = 0
    correct = 0
    for gold, ext in pairs:
        notes += 1
        src = gold.source
        predicted = ext.next_call.date if ext.next_call else None
        nc = fields["next_call"]
        if predicted == gold.next_call:
            correct += 1
            if predicted is not None:
                nc.tp += 1
        else:
            if predicted is not None:
                nc.fp += 1
                nc.false_alarms.append(Miss(src, f"{predicted} (expected {gold.next_call})"))
            if gold.next_call is not None:
                nc.fn += 1
                nc.misses.append(Miss(src, f"{gold.next_call} (got {predicted})"))
        _score_lists(fields["decisions"], src, gold.decisions,
                     [d.text for d in ext.decisions])
        tasks = [a.task for a in gold.actions]
        ptasks = [a.task for a in ext.actions]
        pcontext = [a.context for a in ext.actions]

        def in_context(i: int, j: int, t: list[str] = tasks, p: list[str] = ptasks,
                       c: list[str] = pcontext) -> float:
            return task_similarity(t[i], p[j], c[j])

        def shown(j: int, e: Extraction = ext) -> str:
            a = e.actions[j]
            return f"[{a.owner}] {a.task}" + (f"  «{a.context}»" if a.context != a.task else "")

        _score_lists(fields["actions"], src, tasks, ptasks, score_pair=in_context,
                     show_pred=shown)
        gowners = [a.owner for a in gold.actions]
        powners = [a.owner for a in ext.actions]
        _score_lists(
            fields["actions+owner"], src, tasks, ptasks, score_pair=in_context,
            compatible=lambda i, j, g=gowners, p=powners: same_owner(g[i], p[j]),  # type: ignore[misc]
            show_label=lambda i, g=gowners, t=tasks: f"[{g[i]}] {t[i]}",  # type: ignore[misc]
            show_pred=shown,
        )
        _score_lists(fields["actions:task-only"], src, tasks, ptasks)
    return EvalReport(notes=notes, fields=fields, next_call_correct=correct)


def format_report(report: EvalReport, details: bool = True) -> str:
    """Plain-text table of P/R/F1 per field, then misses and false alarms."""
    lines = [f"{report.notes} notes; next call right on {report.next_call_correct}/"
             f"{report.notes} ({report.next_call_accuracy:.0%})", "",
             f"{'field':<19}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for s in report.fields.values():
        lines.append(f"{s.name:<19}{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}"
                     f"{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    if details:
        for s in report.fields.values():
            if ":" in s.name:
                continue  # a variant of a field listed above: same items, other matching
            for title, items in (("misses", s.misses), ("false alarms", s.false_alarms)):
                if items:
                    lines += ["", f"## {s.name}: {title} ({len(items)})"]
                    lines += [f"- {m.source}: {m.text}" for m in items]
    return "\n".join(lines)


def report_json(report: EvalReport) -> dict[str, Any]:
    """The report as JSON types, for `digest eval --json`."""
    def items(xs: list[Miss]) -> list[dict[str, str]]:
        return [{"source": m.source, "text": m.text} for m in xs]

    return {
        "notes": report.notes,
        "next_call_correct": report.next_call_correct,
        "fields": {
            s.name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                     "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn,
                     "misses": items(s.misses), "false_alarms": items(s.false_alarms)}
            for s in report.fields.values()
        },
    }


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _label(value: Any, path: Path) -> str:
    if not isinstance(value, str):
        raise SourceError(f"label {value!r} is not a string", path=path,
                          hint="quote labels that contain ': ' so YAML keeps them as text")
    return value


def load_gold(gold_dir: Path) -> list[GoldNote]:
    """Read every *.yaml label file under gold_dir (sorted by path)."""
    notes = []
    paths = sorted(gold_dir.rglob("*.yaml"))
    if not paths:
        raise SourceError("no gold labels (*.yaml) found", path=gold_dir,
                          hint="pass the folder of label files, e.g. tests/gold")
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise SourceError(f"not valid YAML: {one_line(str(exc))}", path=path,
                              hint="see tests/gold/README.md for the format") from None
        actions = tuple(
            GoldAction(owner=a.get("owner") or None, task=_label(a["task"], path))
            for a in data.get("actions") or ()
        )
        notes.append(GoldNote(
            source=str(data["source"]),
            meeting_date=_as_date(data.get("meeting_date")),
            next_call=_as_date(data.get("next_call")),
            decisions=tuple(_label(d, path) for d in data.get("decisions") or ()),
            actions=actions,
            label_file=str(path),
        ))
    return notes


def resolve_source(source: str, roots: Mapping[str, Path], label_dir: Path | None = None) -> Path:
    """'corpus:data/x.md' → roots['corpus']/data/x.md; 'seeds/x.txt' → roots['shared']/seeds/x;
    'local:notes/x.md' → notes/x.md beside the label file (our own notes, kept in the repo)."""
    prefix, sep, rest = source.partition(":")
    if sep and prefix == "local" and label_dir is not None:
        return label_dir / rest
    if sep and prefix in roots:
        return roots[prefix] / rest
    return roots["shared"] / source


def roots_needed(notes: Iterable[GoldNote]) -> frozenset[str]:
    """The roots ("shared", "corpus") the labels' sources need; `local:` notes need none."""
    needed = set()
    for note in notes:
        prefix, sep, _rest = note.source.partition(":")
        if sep and prefix == "local":
            continue
        needed.add("corpus" if sep and prefix == "corpus" else "shared")
    return frozenset(needed)


def find_shared(start: Path) -> Path | None:
    """The `shared` folder beside `start` or beside one of its parents (../shared)."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "shared").is_dir():
            return folder / "shared"
    return None


def checkout_corpus(corpus: Path, scratch: Path) -> Path:
    """A work tree of the labelled corpus: `corpus` itself, or a clone when it is a bundle."""
    if corpus.is_dir():
        return corpus
    target = scratch / corpus.stem
    log.info("cloning %s into %s", corpus, target)
    done = subprocess.run(["git", "clone", "-q", str(corpus), str(target)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SourceError(f"cannot clone the corpus: {one_line(done.stderr)}", path=corpus,
                          hint="pass --corpus a checkout or a git bundle of the notes")
    return target


def gold_roots(
    gold_dir: Path, shared: Path | None, corpus: Path | None, scratch: Path
) -> dict[str, Path]:
    """The roots the labels under gold_dir need: ../shared, and a work tree of the corpus
    (`corpus`, else SHARED/corpus/mirage-weekly.bundle, cloned into scratch)."""
    needed = roots_needed(load_gold(gold_dir))
    roots: dict[str, Path] = {}
    if not needed:
        return roots  # only local: notes, kept beside their labels
    if shared is None:
        raise SourceError("cannot find the shared folder the labels name notes in",
                          path=gold_dir, hint="pass --shared DIR (../shared)")
    roots["shared"] = shared
    if "corpus" in needed:
        roots["corpus"] = checkout_corpus(
            corpus or shared / "corpus" / "mirage-weekly.bundle", scratch)
    return roots


def evaluate_gold(gold_dir: Path, roots: Mapping[str, Path]) -> EvalReport:
    """Load the labels, parse and extract each labelled note, and score.

    roots: {"shared": ../shared, "corpus": a checkout of the MirageOS bundle}, as far as
    `roots_needed` asks for them; `local:` sources are read beside their label file.
    """
    from .extract import extract
    from .parse import parse_note

    pairs = []
    for gold in load_gold(gold_dir):
        path = resolve_source(gold.source, roots, Path(gold.label_file).parent)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read the labelled note {gold.source}: {exc.strerror}",
                              path=path, hint="pass --shared (../shared) and --corpus "
                              "(a checkout or the .bundle of the MirageOS notes)") from None
        note = parse_note(NoteFile(path=path.name, data=data))
        pairs.append((gold, extract(note)))
    return evaluate(pairs)
