"""The digest message: structure, headers, the text part in a terminal, calendar, short form."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest

from digest.extract import extract
from digest.parse import parse_note
from digest.pipeline import make_digest
from digest.state import IssueRecord

from .conftest import run_digest
from .email_helpers import build, example_config, example_files, overlong_lines, parse


def test_structure_is_mixed_alternative_plus_calendar_and_never_multipart_digest() -> None:
    rendered, data = build(example_config(), example_files())
    message = parse(data)
    assert message.get_content_type() == "multipart/mixed"
    alternative, calendar = message.iter_parts()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert calendar.get_content_type() == "text/calendar"
    assert calendar.get_param("method") == "PUBLISH"
    assert calendar.get_content_disposition() == "attachment"
    assert calendar.get_filename() == "next-call.ics"
    assert b"multipart/digest" not in data

    cal = icalendar.Calendar.from_ical(calendar.get_payload(decode=True))
    (event,) = cal.walk("VEVENT")
    assert str(event["uid"]) == "call-2026-03-19@calls.lantern.example.org"
    assert event.decoded("dtstart") == date(2026, 3, 19)  # the note gives no time: all day
    assert rendered.calendar is not None


def test_a_call_with_a_time_is_announced_with_it_and_attached_as_timed_event() -> None:
    rendered, data = build(
        example_config(), example_files("2026-01-08.md"), now=datetime(2026, 1, 9, tzinfo=UTC)
    )
    assert "Next call: Thursday 22 January 2026, 16:00\u00a0UTC" in rendered.text
    assert "Thursday 22 January 2026, 16:00&nbsp;UTC" in rendered.html
    calendar = next(p for p in parse(data).walk() if p.get_content_type() == "text/calendar")
    (event,) = icalendar.Calendar.from_ical(calendar.get_payload(decode=True)).walk("VEVENT")
    assert str(event["uid"]) == "call-2026-01-22@calls.lantern.example.org"
    assert event.decoded("dtstart") == datetime(2026, 1, 22, 16, 0, tzinfo=UTC)


def test_a_call_in_the_past_is_shown_but_not_attached() -> None:
    rendered, data = build(example_config(), example_files(), now=datetime(2026, 4, 1, tzinfo=UTC))
    message = parse(data)
    assert message.get_content_type() == "multipart/alternative"
    assert rendered.calendar is None
    assert "Next call: Thursday 19 March 2026\n" in rendered.text
    assert "next-call.ics" not in rendered.text + rendered.html


def test_summary_first_then_contents_notes_people_and_footer() -> None:
    files = example_files()
    rendered, _data = build(
        example_config(unsubscribe_url="https://lantern.example.org/unsubscribe"), files
    )
    text = rendered.text
    extractions = [extract(parse_note(f)) for f in files]
    decisions = sum(len(e.decisions) for e in extractions)
    actions = sum(len(e.actions) for e in extractions)
    order = [
        "Lantern community call\nVol 1, Issue 1 · Friday 6 March 2026",
        f"5 new notes, {decisions} decisions, {actions} action items.",
        "Next call: Thursday 19 March 2026",
        "In this digest",
        "Attendees: Priya Raman (chair)",
        "Decisions\n  - We agreed to ship 0.4",
        "Full note: https://lantern.example.org/notes/2026-01-08.html",
        "Action items by person",
        "\nUnassigned\n",
        "Unsubscribe: https://lantern.example.org/unsubscribe",
        "Archive: https://lantern.example.org/digest/",
        "Atom feed: https://lantern.example.org/digest/feed.atom",
    ]
    positions = [text.find(item) for item in order]
    assert -1 not in positions, [o for o, p in zip(order, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    people = text[text.index("Action items by person") :]
    names = re.findall(r"^(\S[^\n]*)$", people.split("\n-- \n")[0], re.MULTILINE)[2:]
    assert names[-1] == "Unassigned" and names[:-1] == sorted(names[:-1], key=str.lower)
    html = rendered.html
    summary = html.index('<span class="stat-label"')
    assert html.index("Vol 1, Issue 1") < summary < html.index(">Next call<")
    assert html.index(">Next call<") < html.index("In this digest")
    assert html.index("In this digest") < html.index("Action items by person")


def test_text_part_is_wrapped_at_72_columns_except_unbreakable_urls() -> None:
    rendered, _data = build(example_config(), example_files())
    assert overlong_lines(rendered.text) == []
    assert any(len(line) > 72 for line in rendered.text.splitlines())  # a URL line is kept whole


def test_html_has_inlined_css_dark_mode_and_nothing_remote_or_active() -> None:
    rendered, _data = build(example_config(), example_files())
    html = rendered.html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "@media (prefers-color-scheme: dark)" in html
    assert 'class="card" style="' in html  # rules were inlined
    lowered = html.lower()
    for banned in ("<script", "<img", "<link", "<iframe", "javascript:", "src="):
        assert banned not in lowered


def test_headers() -> None:
    config = example_config(unsubscribe_url="https://lantern.example.org/unsubscribe?list=dev")
    _rendered, data = build(config, example_files())
    message = parse(data)
    assert message["From"] == "Lantern digest <digest@lantern.example.org>"
    assert message["To"] == "lantern-dev@lists.example.org"
    assert message["Date"] == "Fri, 06 Mar 2026 08:00:00 +0000"
    assert message["List-Id"] == "Lantern community call <calls.lantern.example.org>"
    assert message["List-Unsubscribe"] == (
        "<https://lantern.example.org/unsubscribe?list=dev>, "
        "<mailto:lantern-dev-leave@lists.example.org?subject=unsubscribe>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Archive"] == "<https://lantern.example.org/digest/>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Precedence"] == "list"
    assert re.fullmatch(r"<[0-9a-f]{8}\.[0-9a-f]{24}@lantern\.example\.org>",
                        message["Message-ID"])


@pytest.mark.parametrize("url", [None, "http://lantern.example.org/unsubscribe"])
def test_one_click_post_only_with_an_https_url(url: str | None) -> None:
    _rendered, data = build(example_config(unsubscribe_url=url), example_files("2026-03-05.md"))
    message = parse(data)
    assert message["List-Unsubscribe-Post"] is None
    assert "mailto:lantern-dev-leave@lists.example.org" in message["List-Unsubscribe"]


def test_non_ascii_list_name_is_rfc2047_encoded_and_reads_back() -> None:
    name = "Réunion hebdo — Café Ωmega"
    rendered, data = build(example_config(list_name=name), example_files("2026-03-05.md"))
    head = data.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    assert b"=?utf-8?" in head
    message = parse(data)
    assert message["Subject"] == rendered.subject == (
        f"{name} digest: 1 new note (5 Mar 2026)"
    )
    assert message["List-Id"] == f"{name} <calls.lantern.example.org>"
    raw_list_id = re.search(rb"^List-Id:(.*?)\r\n(?!\s)", head, re.MULTILINE | re.DOTALL)
    assert raw_list_id and raw_list_id.group(1).rstrip().endswith(b"<calls.lantern.example.org>")


def test_message_id_is_stable_per_digest_and_recipient_and_only_headers_differ() -> None:
    config = example_config(unsubscribe_url="https://lantern.example.org/unsubscribe")
    files = example_files()
    _r, a1 = build(config, files, recipient="ann@example.org")
    _r, a2 = build(config, files, recipient="ann@example.org")
    _r, b = build(config, files, recipient="Bob <bob@example.org>")
    assert a1 == a2
    ma, mb = parse(a1), parse(b)
    assert ma["Message-ID"] != mb["Message-ID"]
    # Everything but To and Message-ID is shared, so delivery can serialise once and splice.
    differing = [line for line in set(a1.split(b"\r\n")) ^ set(b.split(b"\r\n"))]
    assert all(line.startswith((b"To:", b"Message-ID:")) for line in differing), differing
    # The body's unsubscribe link is verbatim, once per part.
    for part in ("text/plain", "text/html"):
        body = next(p for p in ma.walk() if p.get_content_type() == part).get_payload()
        assert body.count("https://lantern.example.org/unsubscribe") == 1


def test_short_form_when_the_html_is_over_the_limit() -> None:
    full, _data = build(example_config(), example_files())
    short, data = build(example_config(html_size_limit=len(full.html) - 1), example_files())
    assert short.short and not full.short
    assert len(short.html) < len(full.html)
    assert "too long to show in full" in short.html
    assert "Read the full note" in short.html
    assert re.search(r"\d+ decisions?, \d+ action items? · next call Thursday 22 January 2026",
                     short.html)
    assert "Action items by person" not in short.html
    assert short.text == full.text  # the text part is never clipped by clients
    assert parse(data).get_body(("html",)) is not None


def test_run_output_says_when_the_short_form_was_sent(example_project: Path) -> None:
    done = run_digest(
        "run", "--json", "--dry-run", "--now", "2026-03-06T08:00:00+00:00",
        cwd=example_project, env={"DIGEST_MAIL_HTML_SIZE_LIMIT": "1000"},
    )
    assert done.returncode == 0, done.stderr
    remarks = json.loads(done.stdout)["remarks"]
    assert any("short form" in r and "1,000" in r for r in remarks), remarks


def test_a_volume_per_year_and_issues_counted_within_it() -> None:
    files = example_files("2026-03-05.md")
    _r, data = build(example_config(), files)
    assert "Vol 1, Issue 1" in parse(data).get_body(("plain",)).get_content()  # type: ignore[union-attr]
    issues = (
        IssueRecord("a", 1, 1, "2025-05-01T08:00:00+00:00", ()),
        IssueRecord("b", 1, 2, "2025-11-01T08:00:00+00:00", ()),
    )
    now = datetime(2026, 3, 6, 8, tzinfo=UTC)
    assert (make_digest([], issues, now).volume, make_digest([], issues, now).number) == (2, 1)
    later = (*issues, IssueRecord("c", 2, 1, "2026-01-01T08:00:00+00:00", ()))
    assert (make_digest([], later, now).volume, make_digest([], later, now).number) == (2, 2)


def test_preview_writes_html_and_text_and_changes_nothing(example_project: Path) -> None:
    out = example_project / "preview-here"
    done = run_digest(
        "preview", "--out", str(out), "--now", "2026-03-06T08:00:00+00:00", cwd=example_project
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["digest.html", "digest.txt", "next-call.ics"]
    assert "Vol 1, Issue 1" in (out / "digest.txt").read_text()
    assert not (example_project / ".digest" / "state.json").exists()
    assert not list((example_project / "outbox").glob("*.eml")) if (
        example_project / "outbox"
    ).exists() else True
    assert not (example_project / "public").exists()
    # and the real run afterwards still sees all five notes as new
    run = run_digest("run", "--json", "--now", "2026-03-06T08:00:00+00:00", cwd=example_project)
    assert len(json.loads(run.stdout)["new"]) == 5
