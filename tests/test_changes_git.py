"""Change detection against real git histories made in a temporary folder.

Each test builds the history one case of issue 3 describes (stubs filled later, a note at two
paths, deletions, renames with edits, out-of-order adds, merges, force-pushes, shallow clones) and
runs the pipeline in-process after each step, with the state kept between runs.
"""

from __future__ import annotations

import email
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import feedparser
import pytest

from digest.config import Config, NotesConfig, PathsConfig
from digest.errors import FirstRunError
from digest.pipeline import RunOptions, RunReport, run
from digest.sources import GitSource, PathFilter
from digest.state import load_state

from .conftest import GIT_ENV, git

TOPICS = {
    "build": "compiler toolchain linker cache solver opam switch dune rules artefacts "
    "bytecode native flambda cross arm64 riscv bootstrap sandbox lockfile vendoring pins",
    "network": "tcp stack checksum offload packet driver netfront ring buffer latency "
    "throughput congestion window retransmit arp dhcp ipv6 multicast mtu fragmentation",
    "storage": "block device filesystem journal sector alignment qcow image snapshot "
    "fsck metadata inode extent btree compaction durability flush barrier trim",
    "release": "changelog tag tarball announcement milestone blockers regression bisect "
    "candidate freeze backport semver deprecation packaging signing mirrors upload",
    "docs": "tutorial website examples wording diagrams screenshots navigation search "
    "glossary typography translation accessibility sitemap redirects anchors sidebar",
    "security": "tls certificate entropy audit disclosure advisory patch embargo "
    "fuzzing sanitizer cve threat model rotation revocation pinning hardening",
}


def note(
    day: str, topic: str, *, extra: str = "", front_matter: str = "", title: str = "Weekly call"
) -> str:
    """A note with enough distinct words to be published, on one topic."""
    words = TOPICS[topic]
    body = (
        f"# {title} {day}\n\n"
        f"Attendees: Ada, Brian, Chloe\n\n"
        f"## Agenda\n\n- {topic}\n\n"
        f"## Notes\n\n"
        f"We talked about the {topic} work: {words}. "
        f"Ada reported progress on {words.split()[0]} and {words.split()[1]}; "
        f"Brian agreed to look at {words.split()[2]} before the next call. "
        f"We decided to keep the {words.split()[3]} plan as it is and revisit "
        f"{words.split()[4]} next month once {words.split()[5]} lands.\n"
        f"{extra}"
    )
    return f"---\n{front_matter}---\n\n{body}" if front_matter else body


STUB = "# Weekly call {day}\n\n## Agenda\n\n- build times\n- release planning\n\nAttendees: Ada\n"


class Notes:
    """A git repository of notes plus a digest work folder; `run()` is one scheduled run."""

    def __init__(self, root: Path, work: Path, *, init: bool = True) -> None:
        self.root = root
        self.work = work
        self.step = 0
        self.config = Config(
            notes=NotesConfig(path=root),
            paths=PathsConfig(
                state=work / "state.json", outbox=work / "outbox", feed=work / "feed.atom"
            ),
        )
        if init:
            root.mkdir(parents=True)
            git(root, "init", "-q", "-b", "main")

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        git(self.root, "add", path)

    def commit(self, message: str) -> str:
        git(self.root, "commit", "-q", "-m", message)
        return git(self.root, "rev-parse", "HEAD").strip()

    def now(self) -> datetime:
        return datetime(2024, 1, 1, tzinfo=UTC) + timedelta(weeks=self.step)

    def run(self, **options: bool) -> RunReport:
        self.step += 1
        return run(self.config, RunOptions(now=self.now(), **options))

    def outbox(self) -> list[Path]:
        return sorted((self.work / "outbox").glob("*.eml"))


@pytest.fixture
def notes(tmp_path: Path) -> Notes:
    return Notes(tmp_path / "notes", tmp_path / "work")


def dates(report: RunReport, kind: str = "new") -> list[str]:
    return [n.date for n in getattr(report, kind)]


def test_stub_is_published_when_filled_in_weeks_later(notes: Notes) -> None:
    notes.write("2024-03-06.md", note("2024-03-06", "build"))
    notes.write("2024-03-20.md", STUB.format(day="2024-03-20"))
    notes.commit("minutes of 6 March, agenda for 20 March")
    first = notes.run()
    assert dates(first) == ["2024-03-06"] and dates(first, "stubs") == ["2024-03-20"]

    notes.write("2024-03-13.md", note("2024-03-13", "docs"))
    notes.commit("minutes of 13 March")
    second = notes.run()
    assert dates(second) == ["2024-03-13"] and dates(second, "stubs") == []

    notes.write("2024-03-20.md", note("2024-03-20", "release"))
    notes.commit("fill in 20 March")
    filled = notes.run()
    assert dates(filled) == ["2024-03-20"], "published when it has content"
    record = load_state(notes.config.paths.state).notes["2024-03-20"]
    assert record.status == "published" and record.published == notes.now().isoformat()
    assert len(notes.outbox()) == 3
    assert dates(notes.run()) == []


def test_stub_moved_and_filled_in_one_commit_is_published(notes: Notes) -> None:
    notes.write("drafts/2024-11-06.md", STUB.format(day="2024-11-06"))
    notes.commit("agenda for 6 November")
    assert dates(notes.run(), "stubs") == ["2024-11-06"]
    (notes.root / "weekly").mkdir()
    git(notes.root, "mv", "drafts/2024-11-06.md", "weekly/2024-11-06.md")
    notes.write("weekly/2024-11-06.md", note("2024-11-06", "storage"))
    notes.commit("minutes of 6 November, out of drafts")
    report = notes.run()
    assert [(n.id, n.path) for n in report.new] == [("2024-11-06", "weekly/2024-11-06.md")]
    assert report.moved == () and len(report.messages) == 1
    assert dates(notes.run()) == []


def test_stub_threshold_is_configurable(notes: Notes) -> None:
    notes.write("2024-03-20.md", STUB.format(day="2024-03-20"))
    notes.commit("agenda")
    notes.config = replace(notes.config, notes=replace(notes.config.notes, min_words=0))
    assert dates(notes.run()) == ["2024-03-20"]


def test_same_note_at_two_paths_is_one_note(notes: Notes) -> None:
    notes.write("files/weekly/2024-01-10.md", note("2024-01-10", "network"))
    notes.commit("first copy")
    assert dates(notes.run()) == ["2024-01-10"]

    notes.write("wiki/weekly/2024-01-10.md", note("2024-01-10", "network", extra="Typo fixed.\n"))
    notes.commit("second copy, slightly edited")
    second = notes.run()
    assert dates(second) == [] and second.messages == ()
    assert [m.path for m in second.moved] == ["wiki/weekly/2024-01-10.md"]
    record = load_state(notes.config.paths.state).notes["2024-01-10"]
    assert record.paths == ("files/weekly/2024-01-10.md", "wiki/weekly/2024-01-10.md")

    git(notes.root, "rm", "-q", "files/weekly/2024-01-10.md")
    notes.commit("drop the old copy")
    third = notes.run()
    assert third.new == () and third.deleted == (), "the note is still there at its other path"
    assert load_state(notes.config.paths.state).notes["2024-01-10"].paths == (
        "wiki/weekly/2024-01-10.md",
    )
    # The surviving copy is not reported as edited just because the first path went away.
    assert notes.run().updated == ()
    assert len(notes.outbox()) == 1


def test_different_note_on_the_same_date_is_new(notes: Notes) -> None:
    notes.write("team-a/2024-01-10.md", note("2024-01-10", "network"))
    notes.commit("team a")
    notes.run()
    notes.write("team-b/2024-01-10.md", note("2024-01-10", "storage"))
    notes.commit("team b, same day")
    report = notes.run()
    assert [n.path for n in report.new] == ["team-b/2024-01-10.md"]
    assert report.new[0].id != "2024-01-10"


def test_notes_of_one_date_moved_together_keep_their_identities(notes: Notes) -> None:
    notes.write("teams/a/2024-01-10.md", note("2024-01-10", "network", title="Team A call"))
    notes.write("teams/b/2024-01-10.md", note("2024-01-10", "storage", title="Team B call"))
    notes.commit("two teams, one day")
    ids = {n.path: n.id for n in notes.run().new}
    (notes.root / "archive").mkdir()
    git(notes.root, "mv", "teams/a", "archive/a")
    git(notes.root, "mv", "teams/b", "archive/b")
    notes.commit("archive both")
    report = notes.run()
    assert report.new == () and report.deleted == () and report.messages == ()
    assert {m.path: m.id for m in report.moved} == {
        "archive/a/2024-01-10.md": ids["teams/a/2024-01-10.md"],
        "archive/b/2024-01-10.md": ids["teams/b/2024-01-10.md"],
    }


def test_deletion_is_recorded_and_never_mailed(notes: Notes) -> None:
    notes.write("2024-02-07.md", note("2024-02-07", "storage"))
    notes.write("2024-02-14.md", note("2024-02-14", "release"))
    notes.commit("two notes")
    notes.run()
    git(notes.root, "rm", "-q", "2024-02-07.md")
    notes.commit("remove a note")
    report = notes.run()
    assert dates(report, "deleted") == ["2024-02-07"]
    assert report.new == () and report.messages == ()
    state = load_state(notes.config.paths.state)
    assert state.notes["2024-02-07"].status == "deleted"
    assert len(notes.outbox()) == 1

    notes.write("2024-02-07.md", note("2024-02-07", "storage"))
    notes.commit("restore it")
    back = notes.run()
    assert back.new == () and back.messages == (), "a note that comes back is not new"
    assert load_state(notes.config.paths.state).notes["2024-02-07"].status == "published"


def test_rename_and_edit_in_one_commit_is_a_move(notes: Notes) -> None:
    notes.write("tmpl/wiki/weekly/2024-04-03.md", note("2024-04-03", "security"))
    notes.commit("note")
    notes.run()
    (notes.root / "data" / "weekly").mkdir(parents=True)
    git(notes.root, "mv", "tmpl/wiki/weekly/2024-04-03.md", "data/weekly/2024-04-03.md")
    notes.write(
        "data/weekly/2024-04-03.md",
        note(
            "2024-04-03",
            "security",
            front_matter="updated: 2024-04-03\nsubject: Weekly call\n",
            extra="Chloe will write the advisory.\n",
        ),
    )
    notes.commit("move to data/ and add front matter")
    report = notes.run()
    assert report.new == () and report.deleted == () and report.messages == ()
    assert [(m.id, m.path) for m in report.moved] == [("2024-04-03", "data/weekly/2024-04-03.md")]


def test_out_of_order_adds_and_several_in_one_commit(notes: Notes) -> None:
    notes.write("2015-11-11.md", note("2015-11-11", "build"))
    notes.commit("the later meeting first")
    assert dates(notes.run()) == ["2015-11-11"]
    notes.write("2015-10-14.md", note("2015-10-14", "network"))
    notes.write("2015-10-28.md", note("2015-10-28", "storage"))
    notes.write("2015-12-02.md", note("2015-12-02", "docs"))
    notes.commit("the earlier ones, and the next")
    report = notes.run()
    assert dates(report) == ["2015-10-14", "2015-10-28", "2015-12-02"]
    assert len(report.messages) == 1 and report.issue is not None
    assert len(report.issue.notes) == 3


def test_merged_branch_publishes_its_notes_once(notes: Notes) -> None:
    notes.write("2015-09-30.md", note("2015-09-30", "build"))
    notes.commit("base")
    notes.run()
    git(notes.root, "checkout", "-q", "-b", "weekly")
    notes.write("2015-10-14.md", note("2015-10-14", "network"))
    notes.commit("branch: 14 Oct")
    notes.write("2015-10-28.md", note("2015-10-28", "storage"))
    notes.commit("branch: 28 Oct")
    git(notes.root, "checkout", "-q", "main")
    notes.write("2015-11-11.md", note("2015-11-11", "release"))
    notes.commit("main: 11 Nov")
    assert dates(notes.run()) == ["2015-11-11"]
    git(notes.root, "merge", "-q", "--no-ff", "-m", "Merge branch weekly", "weekly")
    merged = notes.run()
    assert dates(merged) == ["2015-10-14", "2015-10-28"]
    assert dates(notes.run()) == []
    assert len(notes.outbox()) == 3


def _clone(origin: Path, target: Path, *flags: str) -> None:
    subprocess.run(
        ["git", "clone", "-q", *flags, f"file://{origin}", str(target)],
        check=True,
        env={**GIT_ENV, "PATH": "/usr/bin:/bin"},
    )


def test_force_push_that_removes_the_last_processed_commit(tmp_path: Path) -> None:
    origin = Notes(tmp_path / "origin", tmp_path / "unused")
    origin.write("2024-05-01.md", note("2024-05-01", "build"))
    origin.commit("1 May")
    origin.write("2024-05-08.md", note("2024-05-08", "network"))
    origin.commit("8 May")
    clone = Notes(tmp_path / "clone", tmp_path / "work", init=False)
    _clone(origin.root, clone.root)
    assert dates(clone.run()) == ["2024-05-01", "2024-05-08"]
    processed = git(clone.root, "rev-parse", "HEAD").strip()

    # Upstream rewrites the last commit (amended) and adds another; the clone follows.
    git(origin.root, "reset", "-q", "--hard", "HEAD~1")
    origin.write("2024-05-08.md", note("2024-05-08", "network", extra="Amended.\n"))
    origin.commit("8 May, amended")
    origin.write("2024-05-15.md", note("2024-05-15", "storage"))
    origin.commit("15 May")
    git(clone.root, "fetch", "-q", "origin")
    git(clone.root, "reset", "-q", "--hard", "origin/main")
    git(clone.root, "reflog", "expire", "--expire=now", "--all")
    git(clone.root, "gc", "-q", "--prune=now")
    with pytest.raises(AssertionError):
        git(clone.root, "cat-file", "-e", f"{processed}^{{commit}}")

    report = clone.run()
    assert dates(report) == ["2024-05-15"], "only the really new note"
    assert any("history was rewritten" in r and processed[:12] in r for r in report.remarks)
    assert report.deleted == ()
    assert dates(clone.run()) == []


def test_shallow_clone_falls_back_to_content_and_says_so(tmp_path: Path) -> None:
    origin = Notes(tmp_path / "origin", tmp_path / "unused")
    for day, topic in (("2024-06-05", "build"), ("2024-06-12", "docs")):
        origin.write(f"{day}.md", note(day, topic))
        origin.commit(day)
    ci = Notes(tmp_path / "ci" / "notes", tmp_path / "ci" / "work", init=False)
    _clone(origin.root, ci.root, "--depth", "1")
    assert git(ci.root, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert dates(ci.run()) == ["2024-06-05", "2024-06-12"]

    origin.write("2024-06-19.md", note("2024-06-19", "release"))
    origin.commit("2024-06-19")
    origin.write("2024-06-26.md", note("2024-06-26", "security"))
    origin.commit("2024-06-26")
    # The next CI job: a fresh shallow clone at the same place, the state kept as an artefact.
    subprocess.run(["rm", "-rf", str(ci.root)], check=True)
    _clone(origin.root, ci.root, "--depth", "1")
    report = ci.run()
    assert dates(report) == ["2024-06-19", "2024-06-26"]
    assert any("the clone is shallow" in r for r in report.remarks)
    assert report.deleted == () and report.updated == ()


def test_incremental_run_reads_only_the_changed_files(notes: Notes) -> None:
    """The state knows where the last run stopped: nothing else is read again."""
    for week in range(1, 21):
        day = f"2023-{(week - 1) // 4 + 1:02d}-{(week - 1) % 4 * 7 + 1:02d}"
        notes.write(f"{day}.md", note(day, list(TOPICS)[week % len(TOPICS)]))
    first = notes.commit("archive")
    notes.run(baseline=True)
    notes.write("2024-01-03.md", note("2024-01-03", "docs"))
    second = notes.commit("one more")
    source = GitSource(notes.root, PathFilter(notes.config.notes.glob))
    scan = source.scan(first)
    assert not scan.complete and scan.base == first and scan.revision == second
    assert [f.path for f in scan.files] == ["2024-01-03.md"]
    assert load_state(notes.config.paths.state).source.revision == first  # type: ignore[union-attr]
    assert dates(notes.run()) == ["2024-01-03"]


def _feed_updated(notes: Notes) -> dict[str, str]:
    feed = feedparser.parse(notes.config.paths.feed.read_bytes())
    assert feed.bozo == 0
    return {e.id.rsplit("/", 1)[-1]: e.updated for e in feed.entries}


def test_edits_after_publication_are_never_mailed_and_update_the_feed(notes: Notes) -> None:
    notes.write("2024-07-03.md", note("2024-07-03", "build"))
    notes.write("2024-07-10.md", note("2024-07-10", "network"))
    notes.commit("two notes")
    notes.run()
    before = _feed_updated(notes)

    notes.write("2024-07-03.md", note("2024-07-03", "build", extra="Brian found the bug.\n"))
    notes.commit("a substantive edit")
    edited = notes.run()
    assert edited.new == () and edited.messages == ()
    assert dates(edited, "updated") == ["2024-07-03"]
    after = _feed_updated(notes)
    assert after["2024-07-03"] != before["2024-07-03"]
    assert after["2024-07-03"].startswith(notes.now().date().isoformat())
    assert after["2024-07-10"] == before["2024-07-10"]

    # Front matter added, layout and case changed: the words a reader reads are the same.
    notes.write(
        "2024-07-10.md",
        note("2024-07-10", "network", front_matter="updated: 2024-07-10\n").replace(
            "Brian agreed", "brian  agreed"
        ),
    )
    notes.commit("front matter only")
    cosmetic = notes.run()
    assert cosmetic.new == () and cosmetic.messages == ()
    assert _feed_updated(notes)["2024-07-10"] == before["2024-07-10"]
    assert len(notes.outbox()) == 1


def test_failed_note_is_retried_on_every_run_until_fixed(notes: Notes) -> None:
    notes.write("2024-08-07.md", "---\ntitle: [unclosed\n---\n" + note("2024-08-07", "docs"))
    notes.commit("broken front matter")
    first = notes.run()
    assert first.new == () and len(first.errors) == 1 and "2024-08-07.md" in first.errors[0]

    notes.write("2024-08-14.md", note("2024-08-14", "build"))
    notes.commit("another note")
    second = notes.run()
    assert dates(second) == ["2024-08-14"]
    assert len(second.errors) == 1 and "2024-08-07.md" in second.errors[0]
    assert "still failing" not in second.errors[0], "read and parsed again, not just recalled"

    notes.write("2024-08-07.md", note("2024-08-07", "docs"))
    notes.commit("fix front matter")
    fixed = notes.run()
    assert dates(fixed) == ["2024-08-07"] and fixed.errors == ()
    assert load_state(notes.config.paths.state).failed == {}


def test_first_run_over_an_archive_needs_a_choice(notes: Notes) -> None:
    days = [f"2023-{m:02d}-01" for m in range(1, 13)]
    for day in days:
        notes.write(f"{day}.md", note(day, "release"))
    notes.commit("archive of twelve notes")
    with pytest.raises(FirstRunError) as caught:
        notes.run()
    assert "--baseline" in str(caught.value) and "--publish-all" in str(caught.value)
    assert not notes.config.paths.state.exists() and notes.outbox() == []

    baseline = notes.run(baseline=True)
    assert baseline.messages == () and baseline.baseline
    state = load_state(notes.config.paths.state)
    assert {r.status for r in state.notes.values()} == {"baseline"}
    notes.write("2024-01-01.md", note("2024-01-01", "docs"))
    notes.commit("new")
    assert dates(notes.run()) == ["2024-01-01"]


def test_publish_all_puts_an_archive_in_one_digest(notes: Notes) -> None:
    for m in range(1, 13):
        notes.write(f"2023-{m:02d}-01.md", note(f"2023-{m:02d}-01", "release"))
    notes.commit("archive")
    report = notes.run(publish_all=True)
    assert len(report.new) == 12 and len(report.messages) == 1


def test_small_first_run_publishes_without_a_flag(notes: Notes) -> None:
    notes.config = replace(notes.config, mail=replace(notes.config.mail, first_run_limit=2))
    notes.write("2023-01-01.md", note("2023-01-01", "release"))
    notes.write("2023-02-01.md", note("2023-02-01", "build"))
    notes.commit("two")
    assert len(notes.run().new) == 2


def _text_part(eml: Path) -> str:
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_corrections_are_listed_in_the_next_digest_when_asked(notes: Notes) -> None:
    notes.config = replace(
        notes.config, notes=replace(notes.config.notes, list_corrections=True)
    )
    notes.write("2024-09-04.md", note("2024-09-04", "build"))
    notes.write("2024-09-11.md", note("2024-09-11", "docs", extra="See [the site](http://a.org).\n"))
    notes.commit("two notes")
    notes.run()
    notes.write("2024-09-04.md", note("2024-09-04", "build", extra="Correction: Chloe, not Ada.\n"))
    notes.write("2024-09-11.md", note("2024-09-11", "docs", extra="See [the site](https://a.org).\n"))
    notes.commit("a real correction and a link rewrite")
    quiet = notes.run()
    assert quiet.messages == () and dates(quiet, "updated") == ["2024-09-04", "2024-09-11"]

    notes.write("2024-09-18.md", note("2024-09-18", "release"))
    notes.commit("next week")
    report = notes.run()
    assert dates(report) == ["2024-09-18"]
    text = _text_part(Path(report.messages[0]))
    listed = text.split("Corrections: edited since the last digest", 1)[1]
    assert "Weekly call 2024-09-04" in listed
    assert "2024-09-11" not in listed, "a link rewrite is not a substantive edit"
    message = email.message_from_bytes(Path(report.messages[0]).read_bytes(), policy=policy.default)
    html = message.get_body(("html",))
    assert html is not None and ">Corrections</h2>" in str(html.get_content())

    notes.write("2024-09-25.md", note("2024-09-25", "network"))
    notes.commit("week after")
    after = notes.run()
    assert "Corrections" not in _text_part(Path(after.messages[0])), "listed once"


def test_corrections_are_off_by_default(notes: Notes) -> None:
    notes.write("2024-09-04.md", note("2024-09-04", "build"))
    notes.commit("note")
    notes.run()
    notes.write("2024-09-04.md", note("2024-09-04", "build", extra="Correction: Chloe.\n"))
    notes.write("2024-09-11.md", note("2024-09-11", "docs"))
    notes.commit("edit and a new note")
    report = notes.run()
    assert "Corrections" not in _text_part(Path(report.messages[0]))


def test_uncommitted_notes_are_named_and_wait_for_a_commit(notes: Notes) -> None:
    notes.write("2024-10-02.md", note("2024-10-02", "build"))
    notes.commit("committed")
    (notes.root / "2024-10-09.md").write_text(note("2024-10-09", "docs"))
    report = notes.run()
    assert dates(report) == ["2024-10-02"]
    assert any("not committed" in r and "2024-10-09.md" in r for r in report.remarks)

    notes.config = replace(
        notes.config, notes=replace(notes.config.notes, check_uncommitted=False)
    )
    quiet = notes.run()
    assert quiet.new == () and not any("not committed" in r for r in quiet.remarks)
    git(notes.root, "add", "2024-10-09.md")
    notes.commit("now committed")
    assert dates(notes.run()) == ["2024-10-09"]
