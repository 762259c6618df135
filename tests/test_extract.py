"""Extraction rules, one at a time, on synthetic notes in several formats."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time

import pytest

from digest.dates import find_dates, find_time
from digest.extract import extract
from digest.extract_blocks import github_links, scan
from digest.models import Action, DigestEntry, Extraction, Note, NoteFile, Person
from digest.parse import parse_note
from digest.people import UNASSIGNED, Roster, actions_by_person, parse_attendee_text


def note(body: str, day: date = date(2015, 9, 30), fmt: str = "markdown") -> Note:
    return Note(path="n.md", title="Weekly", date=day, body=body, format=fmt,  # type: ignore[arg-type]
                content_hash="x")


ATTENDEES = ("Attendees: Amir Chaudhry (chair), Thomas Gazagnaire, David Kaloper, Thomas Leonard,\n"
             "Anil Madhavapeddy, Dave Scott and Richard (Mort) Mortier\n\n")


# -- next call -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "meeting", "expected"),
    [
        ("The next call is scheduled for **Wednesday, 14th October**.", date(2015, 9, 30),
         date(2015, 10, 14)),
        ("- Next call will take place on the 22nd, but Anil is away.", date(2014, 7, 8),
         date(2014, 7, 22)),
        ("The next call is scheduled for Wednesday, 14th January.", date(2014, 12, 10),
         date(2015, 1, 14)),
        ("Next meeting: in two weeks.", date(2020, 3, 2), date(2020, 3, 16)),
        ("Our next meeting is two weeks from now.", date(2020, 3, 2), date(2020, 3, 16)),
        ("Next call: [2023-08-15](https://example.org/cal).", date(2023, 8, 1), date(2023, 8, 15)),
        ("Next meeting: 8/15 at 10am PT.", date(2023, 8, 1), date(2023, 8, 15)),
        ("We meet again on 2023-08-15.", date(2023, 8, 1), date(2023, 8, 15)),
        ("The next call is on\n**16th\nMarch**.", date(2016, 3, 2), date(2016, 3, 16)),
        ("No call next week (7th May), but we resume the call on the 14th May.",
         date(2013, 4, 30), date(2013, 5, 14)),
        ("Plan for next week's call: discuss FRP.", date(2013, 4, 16), date(2013, 4, 23)),
        ("Next sync is Aug 3rd, 2021 at 16:00 UTC.", date(2021, 7, 20), date(2021, 8, 3)),
        ("Next handover: Thu 26/03 15:00 UTC (Mags → Femi).", date(2026, 3, 19),
         date(2026, 3, 26)),
        ("Next walk-through: June 30th, same link.", date(2026, 6, 16), date(2026, 6, 30)),
        ("Next planning: in two weeks, same room.", date(2026, 3, 4), date(2026, 3, 18)),
        ("Open actions will be checked at the next review on 16 September.", date(2025, 9, 2),
         date(2025, 9, 16)),
        ("We're going to meet on Monday to check the checklist.", date(2026, 5, 14),
         date(2026, 5, 18)),
        ("**Prochain point : mardi 21 juillet, 10h.**", date(2026, 7, 9), date(2026, 7, 21)),
        ("**Volgend overleg:** dinsdag 16 juni, 10:00.", date(2026, 6, 3), date(2026, 6, 16)),
        ("Otherwise next committee is Tue 10th March in the clubhouse.", date(2026, 2, 24),
         date(2026, 3, 10)),
        ("- **Next telco: Thursday 23 April 2026, 10:00 CET**", date(2026, 3, 26),
         date(2026, 4, 23)),
        ("Thu, Jun 4 — skipped (team offsite).\nNext 1:1: **Thu, Jun 11, 2026**, 10:00.",
         date(2026, 5, 28), date(2026, 6, 11)),
        ("## 次回\n\n2/11 (水) は祝日のため休み. 次回は 2/18 (水) 10:00.", date(2026, 2, 4),
         date(2026, 2, 18)),
        ("Nästa styrelsemöte hålls tisdag 11 augusti kl. 18.30. Inget möte i juli.",
         date(2026, 6, 9), date(2026, 8, 11)),
        ("Next M&M: in four weeks - Wednesday 19 August 2026, 13:00.", date(2026, 7, 22),
         date(2026, 8, 19)),
        ("**Follow-up:** Tue, Oct 27, 2026 2:00 PM — pilot kickoff prep.", date(2026, 10, 13),
         date(2026, 10, 27)),
        ("Follow-up call with Gwen and Hari booked for Thursday 10 September at 2pm.",
         date(2026, 8, 27), date(2026, 9, 10)),
        ("**Rapat berikutnya:** Senin, 9 November 2026, jam 10.00 WIB.", date(2026, 10, 26),
         date(2026, 11, 9)),
        ("nxt meeting: the 13th, 9:30, as usual", date(2026, 10, 6), date(2026, 10, 13)),
        ("Okay, let's wrap up then. Same slot in two weeks? That's the 3rd.", date(2026, 10, 20),
         date(2026, 11, 3)),
        ("felipe away next week so skip the 1st. next one thurs 8 oct, ingrid scribes",
         date(2026, 9, 24), date(2026, 10, 8)),
        ("Next sync - we're skipping the 26th. Back on Wed 2 Sept, same time.", date(2026, 8, 19),
         date(2026, 9, 2)),
        ("next time: same BBB room, Tue 4 Aug 18:00 CEST", date(2026, 7, 7), date(2026, 8, 4)),
        ("## Next\n\nRelease sync again in two weeks, same time.", date(2026, 7, 23),
         date(2026, 8, 6)),
        ("**PC call 2:** Thursday 10 September, same time.", date(2026, 9, 3), date(2026, 9, 10)),
        ("ok that's it. same time next week, posting the agenda tonight", date(2026, 11, 10),
         date(2026, 11, 17)),
    ],
)
def test_next_call_sentences(text: str, meeting: date, expected: date) -> None:
    got = extract(note(text, meeting)).next_call
    assert got is not None and got.date == expected


@pytest.mark.parametrize("text", [
    "The next call is scheduled for **NEXT YEAR!**",
    "Next meeting: TBD",
    "Date of the next meeting is to be decided.",
    "MirageOS Hackathon next week! The deadline is 14th October.",
    "This will be on the agenda for the next call.",
    "The next review of the draft is due on 16 September.",
    "Next release: 16 September.",
])
def test_next_call_absent(text: str) -> None:
    assert extract(note(text)).next_call is None


@pytest.mark.parametrize(("body", "expected", "at", "zone"), [
    ("## Next Infra Meeting 2023-08-15\n\nBring coffee.\n", date(2023, 8, 15), None, None),
    ("## Date for next meeting\n\n[23rd November, 14:00-15:30 UTC]\n", date(2023, 11, 23),
     time(14, 0), "UTC"),
    ("### Next meeting\n\nThursday 5 October 2023, 3pm Europe/Berlin\n", date(2023, 10, 5),
     time(15, 0), "Europe/Berlin"),
])
def test_next_call_headings(body: str, expected: date, at: time | None, zone: str | None) -> None:
    got = extract(note("Deadline for talks is 2nd October.\n\n" + body, date(2023, 8, 1))).next_call
    assert got is not None
    assert (got.date, got.time, got.timezone) == (expected, at, zone)


def test_weekday_that_contradicts_the_date_keeps_the_date_with_a_warning() -> None:
    ext = extract(note("Next call: Tuesday, 14th October.", date(2015, 9, 30)))
    assert ext.next_call is not None and ext.next_call.date == date(2015, 10, 14)
    assert any("Tuesday" in w for w in ext.warnings)


def test_wrong_header_date_is_reported_not_trusted() -> None:
    """A note dated after the call it announces (copied header): the date stays, with a warning."""
    ext = extract(note("Next call: 2015-10-14 at 16:00 UTC.", date(2015, 10, 28)))
    assert ext.next_call is not None and ext.next_call.date == date(2015, 10, 14)
    assert ext.next_call.time == time(16, 0)
    assert any("not after the meeting" in w for w in ext.warnings)


@pytest.mark.parametrize(("text", "expected"), [
    ("Next meeting: 2015/10/14", date(2015, 10, 14)),
    ("Next meeting: 14.10.2015", date(2015, 10, 14)),
    ("Next meeting: 10/14/2015", date(2015, 10, 14)),  # m/d: the only reading that exists
    ("Next meeting: Oct 14", date(2015, 10, 14)),
    ("Next meeting in a fortnight.", date(2015, 10, 14)),
    ("We'll meet again next Wednesday.", date(2015, 10, 7)),
])
def test_next_call_date_styles(text: str, expected: date) -> None:
    got = extract(note(text, date(2015, 9, 30))).next_call
    assert got is not None and got.date == expected


def test_find_dates_kinds() -> None:
    kinds = [m.kind for m in find_dates("on 2015-10-14, 14 Oct, the 3rd, next Friday, in 2 weeks",
                                        date(2015, 9, 30))]
    assert kinds == ["absolute", "day-month", "day", "weekday", "relative"]


# -- attendees and people --------------------------------------------------------------------

def test_attendees_with_chair_alias_and_remarks() -> None:
    people = parse_attendee_text(
        "Amir Chaudhry (chair), Richard (Mort) Mortier, Magnus Skjegstad (with guests from "
        "Wanda and Bella), Hannes DavidK and Jim")
    assert [p.name for p in people] == ["Amir Chaudhry", "Richard Mortier", "Magnus Skjegstad",
                                        "Hannes", "DavidK", "Jim"]
    assert people[0].chair and people[1].aliases == ("Mort",)


@pytest.mark.parametrize(("short", "full"), [
    ("ThomasG", "Thomas Gazagnaire"), ("DavidK", "David Kaloper"), ("Anil", "Anil Madhavapeddy"),
    ("Amir", "Amir Chaudhry"), ("TL", "Thomas Leonard"), ("Mort", "Richard Mortier"),
    ("Dave", "Dave Scott"), ("Thomas L", "Thomas Leonard"),
    ("Thomas", "Thomas"),  # two Thomases: left as written
    ("Gabriel", "Gabriel"),  # unknown: as written
])
def test_roster_resolution(short: str, full: str) -> None:
    roster = Roster(parse_attendee_text(ATTENDEES.split(":", 1)[1]))
    assert roster.resolve(short) == full


def test_attendees_in_note_mark_the_chair() -> None:
    ext = extract(note(ATTENDEES))
    assert Person("Amir Chaudhry", chair=True) in ext.attendees
    assert len(ext.attendees) == 7


# -- actions ---------------------------------------------------------------------------------

def owners_tasks(body: str) -> list[tuple[str | None, str]]:
    return [(a.owner, a.task) for a in extract(note(ATTENDEES + body)).actions]


def test_name_will() -> None:
    assert owners_tasks("DavidK will look at this and release when ready.") == [
        ("David Kaloper", "look at this and release when ready")]


def test_two_owners_in_one_sentence() -> None:
    got = owners_tasks("Julian will file a bug for startinfo and Anil will look at cloudinit.")
    assert [o for o, _ in got] == ["Julian", "Anil Madhavapeddy"]


def test_paren_owner_takes_the_task_before_it() -> None:
    got = owners_tasks("Someone also needs to review and test the patch (Anil will do this).")
    assert got == [("Anil Madhavapeddy", "review and test the patch")]


def test_unowned_action() -> None:
    got = owners_tasks("There are Travis issues, which someone needs to take a closer look at.")
    assert got == [(None, "take a closer look at")]


def test_invitation_is_not_an_action() -> None:
    assert owners_tasks("If anyone is interested in a project, please email the list.") == []


def test_elided_subject_and_pronoun() -> None:
    got = owners_tasks("Amir got his site working. Will file a bug about mirage run.\n\n"
                       "Mort found the trace. He'll email the list with links.")
    assert got == [("Amir Chaudhry", "file a bug about mirage run"),
                   ("Richard Mortier", "email the list with links")]


def test_speaker_prefix_and_leading_adverb_are_not_owners() -> None:
    got = owners_tasks("Anil: Going to wait until tuntap is stable.\n\n"
                       "Also, Dave should check vg for similar code.\n\n"
                       "Waiting to hear back from upstream.\n")
    assert got == [("Anil Madhavapeddy", "wait until tuntap is stable"),
                   ("Dave Scott", "check vg for similar code")]


def test_pronoun_task_names_its_topic() -> None:
    """'Anil will write this' says nothing on its own in a digest; the topic says what 'this' is."""
    got = owners_tasks("#### Blog posts\n\n**End-of-year review** — Status update. "
                       "Anil will write this.\n\n#### Irmin\n\nMort will consider that.\n")
    assert got == [("Anil Madhavapeddy", "write this (End-of-year review)"),
                   ("Richard Mortier", "consider that (Irmin)")]


def test_instruction_is_an_unowned_action() -> None:
    """A sentence that is an instruction ("Invite X to advise.") is a task nobody has taken yet;
    the same verb as a noun ("Email from Anil …") or a question is not."""
    assert owners_tasks("Invite Daniel Bunzli to advise.") == [
        (None, "Invite Daniel Bunzli to advise")]
    assert owners_tasks("Email from Anil about the release was well received.") == []
    assert owners_tasks("Ask the list about ARM boards?") == []


def test_pronoun_task_names_the_sentence_before() -> None:
    """'follow up with him' says whom with the sentence before it, in the same paragraph or in
    the list item before; the section heading comes first, as the wider topic."""
    got = owners_tasks("## Irmin\n\nThe IMAP server Greg wrote may need updating. "
                       "Anil will follow up with him.\n\n## Logging\n\n"
                       "- Would be good to integrate with Functoria.\n- Mort intends to do that.\n")
    assert got == [
        ("Anil Madhavapeddy",
         "follow up with him (Irmin; The IMAP server Greg wrote may need updating)"),
        ("Richard Mortier", "do that (Logging; Would be good to integrate with Functoria)")]


def test_next_week_section_is_a_list_of_actions() -> None:
    got = owners_tasks("## Next week:\n\n* Figure out the SSL options for 1.0.\n"
                       "* Mort to book a room\n\n## Plans for the coming month\n\n- Ship 2.7\n")
    assert got == [(None, "Figure out the SSL options for 1.0"),
                   ("Richard Mortier", "book a room"), (None, "Ship 2.7")]


def test_transcript_speaker_owns_i_and_elided_need() -> None:
    got = owners_tasks("Dave: I'll send some links to the updated spec.\n\n"
                       "Amir: This should be ok now. Just need to look at the glyphs issue.\n")
    assert got == [("Dave Scott", "send some links to the updated spec"),
                   ("Amir Chaudhry", "look at the glyphs issue")]


def test_relative_clause_owner_and_pronoun_in_the_same_sentence() -> None:
    got = owners_tasks("This is waiting on DavidK, who has to review and merge the TLS patches.\n\n"
                       "Mort joined late. Anil mentioned that he'd write up instructions.\n\n"
                       "ThomasL will have a look at power management.\n")
    assert got == [("David Kaloper", "review and merge the TLS patches"),
                   ("Anil Madhavapeddy", "write up instructions"),
                   ("Thomas Leonard", "have a look at power management")]


def test_thing_subject_is_not_an_elided_owner() -> None:
    assert owners_tasks("Mort tested the build.\n\nThis has an extra MB and will detect "
                        "stack overflow.\n") == []


def test_each_speaker_turn_in_a_paragraph_has_its_own_speaker() -> None:
    got = owners_tasks("Anil: nothing needs the old hardware.\nDave: I'll send links to the spec.\n"
                       "Amir: Hello World in Erlang is slow. Will start comparisons with Erlang.\n")
    assert got == [("Dave Scott", "send links to the spec"),
                   ("Amir Chaudhry", "start comparisons with Erlang")]


def test_speaker_after_a_bold_topic_lead() -> None:
    got = owners_tasks("**ARM** - *Thomas L*: Held up by a bug. Will be looking at performance.\n")
    assert got == [("Thomas Leonard", "be looking at performance")]


def test_ambiguous_name_settled_only_by_the_paragraph() -> None:
    """Two Thomases attend: 'Thomas' is left as written unless the paragraph names one of them."""
    got = owners_tasks("ThomasL is porting to ARM. Thomas will have a look at the race.\n\n"
                       "Thomas will give a talk in France.\n")
    assert got == [("Thomas Leonard", "have a look at the race"),
                   ("Thomas", "give a talk in France")]


def test_pronoun_prefers_an_attendee_over_other_capitalised_words() -> None:
    got = owners_tasks("Mort mentioned Magpie. This is one of the things Magpie did and he'll "
                       "email the list.\n\nGiven the work, ThomasG is busy. He'll find time.\n")
    assert got == [("Richard Mortier", "email the list"),
                   ("Thomas Gazagnaire", "find time")]


def test_hedged_suggestion_is_not_an_action_and_bare_verb_takes_its_object() -> None:
    got = owners_tasks("Maybe Anil should use MiniOS for now.\n\n"
                       "Aside from that, a draft blog post is ready (Amir will review).\n")
    assert got == [("Amir Chaudhry", "review (a draft blog post is ready)")]


def test_this_refers_to_the_clause_joined_before_the_owner() -> None:
    got = owners_tasks("#### Summary\n\nPower management came up at OSCON and ThomasL will have "
                       "a look at this in due course.\n")
    assert got == [("Thomas Leonard",
                    "have a look at this in due course (Power management came up at OSCON)")]


def test_bracket_bullets_anywhere() -> None:
    got = owners_tasks("## Misc\n\n- [Anil]: update the docs\n- [Dave]: cut the release\n")
    assert got == [("Anil Madhavapeddy", "update the docs"), ("Dave Scott", "cut the release")]


def test_action_items_section_forms() -> None:
    got = owners_tasks("## Action Items\n\n- ThomasG: review the mli files\n- Mort to book a room\n"
                       "- Write the blog post (Amir)\n- Someone should check CI\n")
    assert got == [("Thomas Gazagnaire", "review the mli files"),
                   ("Richard Mortier", "book a room"),
                   ("Amir Chaudhry", "Write the blog post"), (None, "check CI")]


def test_numbered_markers() -> None:
    ext = extract(note(ATTENDEES + "ACTION 60.2: Anil to send the draft.\n\n"
                       "#action DavidK release nocrypto\n\nDECISION 60.1: Use ISC licences.\n"))
    assert ("Anil Madhavapeddy", "send the draft") in [(a.owner, a.task) for a in ext.actions]
    assert [d.text for d in ext.decisions] == ["Use ISC licences."]


def test_marker_with_a_bare_name_before_the_task() -> None:
    """MeetBot style: '#action nick does X', 'ACTION: Name task' with no 'will' or 'to'."""
    ext = extract(note(ATTENDEES + "ACTION: Anil publish the release notes.\n\n"
                       "#action DavidK release nocrypto\n\nACTION: Update the wiki.\n"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Anil Madhavapeddy", "publish the release notes"),
        ("David Kaloper", "release nocrypto"),
        (None, "Update the wiki"),
    ]


def test_an_open_question_is_not_a_task() -> None:
    ext = extract(note(ATTENDEES + "Anil proposed writing down how maintainers are added. "
                       "Should we require two sponsors? Opinions differed.\n"))
    assert ext.actions == ()


def test_action_table_and_status_table() -> None:
    body = ("| Owner | Action | Due |\n|---|---|---|\n| Anil | Release 2.7 | Friday |\n\n"
            "## Previous actions\n\n| Owner | Action | Status |\n|---|---|---|\n"
            "| Dave | Fix CI | done |\n")
    assert owners_tasks(body) == [("Anil Madhavapeddy", "Release 2.7")]


def test_actions_by_person_groups_unassigned_last() -> None:
    n = note("")
    ext = Extraction(actions=(Action("Anil", "a"), Action(None, "b"), Action("Amir, Anil", "c")))
    groups = actions_by_person([DigestEntry("1", n, ext)])
    assert list(groups) == ["Amir", "Anil", UNASSIGNED]
    assert [a.task for _, a in groups["Anil"]] == ["a", "c"]


# -- decisions -------------------------------------------------------------------------------

def decisions(body: str) -> list[str]:
    return [d.text for d in extract(note(ATTENDEES + body)).decisions]


@pytest.mark.parametrize("sentence", [
    "We decided to decouple the release from the announcement.",
    "Discussion and decision that we should move to 4.02 support only.",
    "Folks should switch to ppx extensions instead.",
    "Consensus was to keep the call on Wednesdays.",
    "#agreed drop support for 4.01",
    "RESOLUTION: publish the notes weekly",
    "The proposal passed by unanimous consent.",
    "In any case, we should keep publishing release notes.",
    "Wednesday suits most people, so we'll switch the call day accordingly.",
    "Could take the existing type, which everyone thinks is the simplest.",
    "This will be a 2.7 release (not a 3.0).",
    "After the release, ocamlfind will be the default.",
])
def test_decision_cues(sentence: str) -> None:
    assert len(decisions(sentence)) == 1


@pytest.mark.parametrize("sentence", [
    "Should we switch to ppx?",
    "We still need to decide what to do.",
    "Last time we decided to drop 4.01.",
    "Perhaps we should deal with each of these separately.",
    "Anil pointed out that we should make the ARM work easier to try.",
    "There was some discussion on the conventions we might follow going forward.",
    "Amir would rather stick with the current schedule.",
    "This came about as we will soon release functoria.",
    "Anil: we should be looking at service-level hot reload.",
    "It was also a question of whether we should have one package per module.",
    "It will be a bit of work to port.",
    "Will this be a 2.7 release?",
])
def test_not_decisions(sentence: str) -> None:
    assert decisions(sentence) == []


def test_decision_spelled_out_and_confirmed_stays_one() -> None:
    body = ("We decided to decouple the release elements. Practically speaking, this means "
            "libraries first, then blog posts.\n\nWe should move to 4.02 only. No objections.\n")
    assert decisions(body) == [
        "We decided to decouple the release elements. Practically speaking, this means "
        "libraries first, then blog posts.",
        "We should move to 4.02 only."]


def test_long_confirmation_and_agreed_to_task() -> None:
    body = ("Decision that we should move to 4.02 only (i.e. drop 4.01). No strong objections to "
            "this in the last few weeks.\n\nJeremy agreed to take a look at the review post.\n")
    assert decisions(body) == ["Decision that we should move to 4.02 only (i.e. drop 4.01)."]


def test_decision_about_this_names_its_topic() -> None:
    assert decisions("#### 4.02.1 support\n\nThere are improvements, so we should work on this.\n"
                     ) == ["There are improvements, so we should work on this. (4.02.1 support)"]


def test_decision_about_this_names_the_sentence_before() -> None:
    body = ("- Lots of good things coming in OCaml 4.02.0. We should work on this once it's "
            "actually released, likely in late September.\n")
    assert decisions(body) == [
        "We should work on this once it's actually released, likely in late September. "
        "(Lots of good things coming in OCaml 4.02.0)"]


def test_plan_in_an_action_items_section_is_a_decision() -> None:
    body = ("## Action items\n\nWe're going to aim to stabilise everything for two weeks.\n\n"
            "- Anil to try out libvirt\n")
    ext = extract(note(ATTENDEES + body))
    assert [d.text for d in ext.decisions] == [
        "We're going to aim to stabilise everything for two weeks."]
    assert [(a.owner, a.task) for a in ext.actions] == [("Anil Madhavapeddy", "try out libvirt")]


def test_decisions_sections_and_tables() -> None:
    body = ("## Decisions Made\n\n| # | Decision | Rationale |\n|---|---|---|\n"
            "| 1 | Adopt Alpine images | small |\n\n## Decisions\n\n- Release 2.7 next week\n\n"
            "## Review of previous decisions\n\n- We agreed to use opam 1.2\n")
    assert decisions(body) == ["Adopt Alpine images", "Release 2.7 next week"]


# -- agenda, topics, links -------------------------------------------------------------------

def test_agenda_topics_and_links() -> None:
    body = ("### Agenda\n\n* Functoria\n* Irmin\n\n### Notes\n\n#### Functoria ####\n\n"
            "See [mirage/mirage#441][] and dbuenzli/cmdliner@e82fd02 and <https://x.org/a>.\n\n"
            "[mirage/mirage#441]: https://github.com/mirage/mirage/pull/441\n")
    ext = extract(note(body))
    assert ext.agenda == ("Functoria", "Irmin")
    assert ext.topics == ("Functoria",)
    urls = {link.url for link in ext.links}
    assert urls == {"https://github.com/mirage/mirage/pull/441",
                    "https://github.com/dbuenzli/cmdliner/commit/e82fd02", "https://x.org/a"}


def test_github_shorthand() -> None:
    assert [x.url for x in github_links("see mirage/irmin#263")] == [
        "https://github.com/mirage/irmin/issues/263"]


def test_plain_text_seed_shape() -> None:
    body = ("Mirage OS Logo\n\nWeekly\nBy Amir Chaudhry - 2015-09-30\n\n\n"
            "  • Functoria\n  • Irmin\n\n"
            "Attendees: Amir Chaudhry (chair), Anil Madhavapeddy\n\n\nFunctoria\n\n"
            "Anil will review the patch.\n")
    ext = extract(note(body, fmt="text"))
    assert ext.agenda == ("Functoria", "Irmin")
    assert "Functoria" in ext.topics
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Anil Madhavapeddy", "review the patch (Functoria)")]  # which patch: its topic


def test_a_plain_text_note_keeps_the_lines_above_its_first_date() -> None:
    """Only a site's chrome (short lines, no sentences) goes before a plain-text note's dated
    title line: a chat export's first messages, and a short note whose first date is the
    next call, keep everything above it."""
    chat = ("12/03/2026, 19:02 - Messages are end-to-end encrypted. Nobody outside can read "
            "them.\n12/03/2026, 19:03 - Ines Okoro: Evening. I'll chase the hall booking "
            "tomorrow.\n12/03/2026, 19:04 - Ben Hale: Ok 👍\n")
    ext = extract(parse_note(NoteFile("2026-03-12-chat.txt", chat.encode())))
    assert [(a.owner, a.task) for a in ext.actions] == [("Ines Okoro",
                                                         "chase the hall booking tomorrow")]
    short = ("Garden group\n\nThe shed roof is fixed. Ben will order the compost.\n\n"
             "Next meeting: Thursday 19 March 2026\nInes brings the seed list.\n")
    ext = extract(parse_note(NoteFile("2026-03-12-garden.txt", short.encode())))
    assert [(a.owner, a.task) for a in ext.actions][:1] == [("Ben", "order the compost")]
    assert ext.next_call is not None and ext.next_call.date == date(2026, 3, 19)


def test_a_hard_line_break_is_not_part_of_a_name() -> None:
    """DokuWiki's "\\\\" and markdown's "\\" at a line's end break the line, nothing more."""
    body = ("**Present:** Marta Kowal, Pille Saar \\\\\n**Minutes:** Marta\\\n\n"
            "Pille will rework board 3.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Marta Kowal", "Pille Saar"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Pille Saar", "rework board 3")]


def test_a_wish_with_no_owner_is_an_unowned_task() -> None:
    """'It would be great if people could …', a gerund that 'would be helpful' and 'the next
    step is to …' name a task nobody has taken; 'it would be good to …' alone is an opinion."""
    got = owners_tasks("It would be great if people could review each other's posts.\n\n"
                       "Adding a FAQ to the README would be helpful.\n\n"
                       "The next step is to split the tracing code into its own library.\n\n"
                       "It would be good to have faster builds.\n")
    assert got == [(None, "review each other's posts"), (None, "Adding a FAQ to the README"),
                   (None, "split the tracing code into its own library")]


def test_a_proposal_taken_up_names_its_owner_but_an_idea_does_not() -> None:
    got = owners_tasks("It was proposed that we continue this discussion on the list.\n\n"
                       "Amir suggested that Dave submit a page to the site.\n\n"
                       "Anil proposed writing down how maintainers are added.\n")
    assert got == [(None, "continue this discussion on the list"),
                   ("Dave Scott", "submit a page to the site")]


def test_elided_subject_with_can_and_will_need_to() -> None:
    got = owners_tasks("Mort has a Cubieboard and can take a look at the ARM instructions.\n\n"
                       "Amir is demoing at FOSDEM. Will need to get the wifi bridge working.\n\n"
                       "The build is green and can send packets.\n")
    assert got == [("Richard Mortier", "take a look at the ARM instructions"),
                   ("Amir Chaudhry", "get the wifi bridge working")]


def test_task_stops_where_another_persons_clause_starts() -> None:
    got = owners_tasks("Dave will introduce the students to the list and Anil is writing a post.\n")
    assert got == [("Dave Scott", "introduce the students to the list")]


def test_relative_clause_gives_the_pronoun_task_its_object() -> None:
    got = owners_tasks("Mort has notes that he'll write up when he gets a chance.\n")
    assert got == [("Richard Mortier", "write up notes when he gets a chance")]


def test_vague_thing_is_named_by_its_earlier_mention() -> None:
    got = owners_tasks("Dave: The glyphs break in the Canvas backend.\n\n"
                       "Anil: Graphs look good.\n\nDave: Just need to look at the glyphs thing.\n")
    assert got == [("Dave Scott", "look at the glyphs thing (Dave: The glyphs break in the "
                                  "Canvas backend)")]


def test_task_of_this_says_what_this_is() -> None:
    got = owners_tasks("We talked about V1 and V2 and the FLOW conventions. "
                       "All of this should be written down.\n")
    assert got == [(None, "All of this should be written down (We talked about V1 and V2 and "
                          "the FLOW conventions)")]


def test_a_request_to_someone_is_their_task_but_boilerplate_is_not() -> None:
    got = owners_tasks("Whoever releases next, please take notes as you go.\n\n"
                       "Dave, please send the slides to the list.\n\n"
                       "Please add any agenda items you wish to discuss in advance.\n")
    assert got == [(None, "take notes as you go (Whoever releases next)"),
                   ("Dave Scott", "send the slides to the list")]


def test_next_step_after_an_owners_task_is_its_own_task() -> None:
    got = owners_tasks("ThomasL will write a blog post about the diagrams and the next step is "
                       "to make tracing a separate library.\n")
    assert got == [("Thomas Leonard", "write a blog post about the diagrams"),
                   (None, "make tracing a separate library")]


def test_task_list_items_with_handles_and_check_boxes() -> None:
    got = owners_tasks("## Action Items\n\n- [ ] @dave cut the release candidate\n"
                       "- [x] Update the banner (@amir)\n- Write the guide — @newcomer\n\n"
                       "AI: @anil update the CI matrix.\n")
    assert got == [("Dave Scott", "cut the release candidate"),  # "[x] …": ticked, so done
                   ("@newcomer", "Write the guide"),
                   ("Anil Madhavapeddy", "update the CI matrix")]


def test_attendee_paragraph_stops_at_the_next_label() -> None:
    ext = extract(note("**Present:** Maria Lopez, Kenji Tanaka\n**Regrets:** Sam Fisher\n"
                       "**Chair:** Maria Lopez\n\nKenji will cut the release.\n"))
    assert [(p.name, p.chair) for p in ext.attendees] == [("Maria Lopez", True),
                                                          ("Kenji Tanaka", False)]


def test_irc_log_lines_are_turns_and_meetbot_commands_are_markers() -> None:
    ext = extract(note("Attendees: rhea_k, jmarsh, linwei\n\n"
                       "<jmarsh> the eu mirror ran out of disk again\n"
                       "<rhea_k> we should move it to the new storage cluster\n"
                       "#agreed Move the EU mirror to the new cluster\n"
                       "#action jmarsh to write the migration runbook\n"
                       "<linwei> I'll pair with jmarsh on the runbook\n", fmt="text"))
    assert [d.text for d in ext.decisions] == ["Move the EU mirror to the new cluster"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("jmarsh", "write the migration runbook"), ("linwei", "pair with jmarsh on the runbook")]


def test_a_date_the_note_cancels_is_not_the_next_call() -> None:
    ext = extract(note("Next meeting will be on Wednesday 10 January 2024 at 15:00 UTC "
                       "(no meeting on the 27th).\n", day=date(2023, 12, 13)))
    assert ext.next_call is not None and ext.next_call.date == date(2024, 1, 10)


def test_agreed_to_after_a_decision_is_a_decision_of_its_own() -> None:
    ext = extract(note("Ana: people asked to move the call earlier.\n\nBen: no objections from "
                       "me. Agreed to move the call to 14:00 UTC.\n"))
    assert ext.decisions[-1].text == "Agreed to move the call to 14:00 UTC."


def test_outcome_lines_and_label_items_governing_nested_items() -> None:
    ext = extract(note(ATTENDEES + "### Snapshots\n\n- Anil walked through the plan.\n"
                       "- Outcome: target GA for 1.29.\n- AIs:\n  - Dave: update the KEP\n"
                       "  - Amir to review the test plan\n- The demo went well.\n"))
    assert [d.text for d in ext.decisions] == ["target GA for 1.29."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dave Scott", "update the KEP"), ("Amir Chaudhry", "review the test plan")]


def test_an_ambiguous_name_is_not_settled_by_a_later_mention() -> None:
    got = [(a.owner, a.task) for a in extract(note(
        "Present: Olga Petrov, Tom Baker, Tom Reyes\n\n"
        "Tom will look at the leak. TomB will cut the release.\n")).actions]
    assert got == [("Tom", "look at the leak"), ("Tom Baker", "cut the release")]


def test_a_title_date_that_is_not_the_notes_date_is_reported() -> None:
    wrong = Note(path="2023-12-06.md", title="Dev call — Wednesday 7 December 2023",
                 date=date(2023, 12, 6), body="Nothing new.\n", format="markdown",
                 content_hash="x")
    assert extract(wrong).warnings == (
        "the title says 'Wednesday 7 December 2023' but the note is dated 2023-12-06; "
        "kept 2023-12-06",)
    assert extract(replace(wrong, title="Dev call — 6 December 2023")).warnings == ()


@pytest.mark.parametrize("text", [
    "The motion to adopt the new logo carried 5-0.",
    "Poll: 7 in favour, 2 against; the RFC is accepted.",
    "Vote: approve the budget — 4 yes, 0 no, 1 abstain.",
    "Approved: the travel grant for Dave.",
    "The board approved the 2024 budget.",
    "We are going with option B.",
])
def test_vote_results_and_approvals_are_decisions(text: str) -> None:
    assert len(extract(note(ATTENDEES + text + "\n")).decisions) == 1


@pytest.mark.parametrize("text", ["The PR was accepted upstream.", "Dave is against the change."])
def test_acceptance_of_a_patch_or_an_opinion_is_not_a_decision(text: str) -> None:
    assert extract(note(ATTENDEES + text + "\n")).decisions == ()


def test_rust_style_triage_reviewer_table_and_everyone_please() -> None:
    ext = extract(note("## Attendees\n\n- Team: Ingrid Solberg, Tariq Mahmoud\n"
                       "- Others: Ben Okafor\n- Regrets: Sunita Rao\n\n## Open PRs\n\n"
                       "| PR | Title | Reviewer |\n|----|-------|----------|\n"
                       "| #13210 | Speed up index decompression | Ingrid |\n"
                       "| #13175 | Docs: env vars | (unassigned) |\n\n"
                       "Ingrid asked for a volunteer for #13175; Ben offered to review it.\n\n"
                       "The guide draft is ready. Everyone please read it before next time.\n\n"
                       "Ben says this overlaps the rustflags RFC. "
                       "It would be good if someone compared the two proposals.\n\n"
                       "We'll meet again in two weeks.\n"))
    assert [p.name for p in ext.attendees] == ["Ingrid Solberg", "Tariq Mahmoud", "Ben Okafor"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Ingrid Solberg", "review #13210 Speed up index decompression"),
        (None, "review #13175 Docs: env vars"),
        ("Ben Okafor", "review it (Ingrid asked for a volunteer for #13175)"),
        (None, "read it before next time (Open PRs; The guide draft is ready)"),
        (None, "compared the two proposals (Open PRs; Ben says this overlaps the rustflags RFC)")]
    assert ext.decisions == ()


MEETBOT_SUMMARY = """\
Meeting summary
---------------
* Mirrors  (nadiak, 16:03:41)
  * ACTION: bertil to move the eu-west mirror  (nadiak, 16:09:55)
  * AGREED: stop building i686 packages  (nadiak, 16:19:48)
  * ACTION: mhalloran and nadiak prepare the key checklist  (nadiak, 16:29:02)

Action Items, by person
-----------------------
* bertil
  * bertil to move the eu-west mirror
* **UNASSIGNED**
  * someone to check the other mirrors

People Present (lines said)
---------------------------
* nadiak (48)
* bertil (22)
* mhalloran (12)
"""


def test_meetbot_summary_owners_by_nick_and_by_person_section() -> None:
    ext = extract(note(MEETBOT_SUMMARY, fmt="text"))
    assert [p.name for p in ext.attendees] == ["nadiak", "bertil", "mhalloran"]
    assert [d.text for d in ext.decisions] == ["stop building i686 packages"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("bertil", "move the eu-west mirror"), ("mhalloran, nadiak", "prepare the key checklist"),
        (None, "check the other mirrors")]


def test_w3c_summary_of_action_items_and_done_items() -> None:
    ext = extract(note(ATTENDEES + "Summary of Action Items\n\n"
                       "   [NEW] ACTION: Dave to draft the spec text\n"
                       "   [NEW] ACTION: Anil to write tests\n"
                       "   [DONE] ACTION: Amir to book the room\n\n"
                       "Action items from 28 August:\n\n- Mort to bump the version — **done**\n",
                       fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dave Scott", "draft the spec text"), ("Anil Madhavapeddy", "write tests")]


IRC_LOG = """\
16:00:02 <kestrel> #startmeeting Release team
16:00:02 <bot> Useful Commands: #action #agreed #help #info #idea #link #topic.
16:00:07 <kestrel> #chair kestrel
16:00:10 <kestrel> #topic roll call
16:00:14 <rvanwyk> Rutger van Wyk here
16:00:15 <mnakamura> .hello2 Mariko Nakamura
16:00:22 <kestrel> Kestrel (Kate Strelnikova), chairing
16:01:02 <kestrel> #topic beta status
16:01:52 <mnakamura> two regressions are the same bug, I have a fix locally
16:02:20 <kestrel> #action mnakamura to land the theme loader fix before beta 3
16:03:40 <kestrel> #agreed the release stays on September 12
"""


def test_irc_roll_call_gives_nicks_their_names() -> None:
    ext = extract(note(IRC_LOG, day=date(2024, 8, 22), fmt="text"))
    assert [(p.name, p.chair) for p in ext.attendees] == [
        ("Rutger van Wyk", False), ("Mariko Nakamura", False), ("Kate Strelnikova", True)]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Mariko Nakamura", "land the theme loader fix before beta 3")]
    assert [d.text for d in ext.decisions] == ["the release stays on September 12"]


def test_timestamped_transcript_turns() -> None:
    ext = extract(note(
        "Present: Dana Whitfield, Rohan Bhatt, Chen Wei\n\n"
        "[00:08:10] Rohan Bhatt: Yes, I'll write the gRPC migration notes.\n"
        "[00:09:02] Dana Whitfield: Question seven in the survey draft is a leading question.\n"
        "[00:09:30] Chen Wei: Thanks, I'll fix that one.\n"
        "[00:10:00] Rohan Bhatt: I'd support that.\n"
        "[00:17:42] Dana Whitfield: Okay, that's settled then, 0.9 drops Python 3.8.\n"
        "[00:17:50] Chen Wei: Agreed.\n"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Rohan Bhatt", "write the gRPC migration notes"),
        ("Chen Wei", "fix that one (Question seven in the survey draft is a leading question)")]
    assert [d.text for d in ext.decisions] == [
        "Dana Whitfield: Okay, that's settled then, 0.9 drops Python 3.8."]


def test_a_resolution_and_its_vote_line_are_one_decision() -> None:
    ext = extract(note("**Resolved:** the board adopts the revised trademark policy.\n"
                       "(5 in favour, 0 against, 0 abstentions)\n\n"
                       "The minutes of 14 March were approved unanimously.\n\n"
                       "No decision; Ngozi to bring numbers to the next sync.\n\n"
                       "→ We will move the nightly batch to the read replica.\n"))
    assert [(d.text, d.rule) for d in ext.decisions] == [
        ("the board adopts the revised trademark policy.", "marker"),
        ("→ We will move the nightly batch to the read replica.", "cue")]


def test_attendees_from_front_matter_and_board_style_lines() -> None:
    front = Note(path="n.md", title="Sync", date=date(2024, 10, 15),
                 body="Elif to write the plan.\n", format="markdown", content_hash="x",
                 front_matter={"attendees": ["Cormac Byrne", "Elif Yilmaz"],
                               "facilitator": "Elif Yilmaz"})
    ext = extract(front)
    assert [(p.name, p.chair) for p in ext.attendees] == [("Cormac Byrne", False),
                                                          ("Elif Yilmaz", True)]
    assert [(a.owner, a.task) for a in ext.actions] == [("Elif Yilmaz", "write the plan")]
    board = extract(note("Directors present: Ruth Abernathy (President, chair), Kofi Mensah\n"
                         "Also present: Devin Shaw (community manager)\n\nQuorum confirmed.\n"))
    assert [(p.name, p.chair) for p in board.attendees] == [
        ("Ruth Abernathy", True), ("Kofi Mensah", False), ("Devin Shaw", False)]
    scribe = extract(note("Attendees\n\n   Present\n          Kirsten Morel, Hiroshi Tanabe\n\n"
                          "   Regrets\n          Tomasz Wrona\n\n   Chair\n          Kirsten Morel"
                          "\n\n   Scribe\n          Hiroshi Tanabe\n", fmt="text"))
    assert [(p.name, p.chair) for p in scribe.attendees] == [("Kirsten Morel", True),
                                                             ("Hiroshi Tanabe", False)]


def test_the_same_task_said_twice_is_one_action() -> None:
    got = owners_tasks("Dave to write up the two versioning behaviours for the list.\n\n"
                       "Summary of Action Items\n\n"
                       "   [NEW] ACTION: Dave to write up the two versioning behaviours\n")
    assert [owner for owner, _ in got] == ["Dave Scott"]


def test_action_list_under_a_label_line_and_a_review_subsection() -> None:
    got = owners_tasks("Actions:\n- Update the draft with the 3:1 requirement (Amir)\n"
                       "- Rewrite the test matrix page — Dave\n\n## Review of last week\n\n"
                       "Action items from 28 August:\n\n- Anil to ask about rate limits — "
                       "carried over\n")
    assert got == [("Amir Chaudhry", "Update the draft with the 3:1 requirement"),
                   ("Dave Scott", "Rewrite the test matrix page")]


@pytest.mark.parametrize(("text", "expected"), [
    ("AI-1: Dave to fix the build.", [("Dave Scott", "fix the build")]),
    ("[ACTION] Amir: book the venue.", [("Amir Chaudhry", "book the venue")]),
    ("TODO(dave): migrate the CI.", [("Dave Scott", "migrate the CI")]),
    ("ACTION 12.3 (Anil): publish the minutes", [("Anil Madhavapeddy", "publish the minutes")]),
    ("@dave will handle the release notes.", [("Dave Scott", "handle the release notes")]),
    ("Next steps: Amir drafts the RFC; Dave reviews.",
     [("Amir Chaudhry", "drafts the RFC"), ("Dave Scott", "reviews")]),
    ("## Action Items\n\n- [ ] Update the FAQ @anil", [("Anil Madhavapeddy", "Update the FAQ")]),
    ("Actions: none this week.", []),
])
def test_action_marker_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert owners_tasks(text + "\n") == expected


@pytest.mark.parametrize("text", ["Decision: TBD", "Decisions: none.", "Decision: to be decided."])
def test_a_decision_marker_with_nothing_decided_is_no_decision(text: str) -> None:
    assert extract(note(text + "\n")).decisions == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("## Action items\n- [ ] @Dave Scott update the roadmap",
     [("Dave Scott", "update the roadmap")]),
    ("Dave took the action to update the docs.", [("Dave Scott", "update the docs")]),
    ("Action on Amir to follow up with legal.", [("Amir Chaudhry", "follow up with legal")]),
    ("Anil is to send the invitation.", [("Anil Madhavapeddy", "send the invitation")]),
    ("Goal is to make the drivers compile on both UNIX and Xen.", []),
])
def test_more_ways_to_give_someone_a_task(text: str, expected: list[tuple[str, str]]) -> None:
    assert owners_tasks(text + "\n") == expected


@pytest.mark.parametrize("text", [
    "### Outcomes\n\n- The API freeze moves to June.",
    "NOW, THEREFORE, BE IT RESOLVED, that Amir be appointed chair of the project.",
])
def test_outcome_sections_and_board_resolutions_are_decisions(text: str) -> None:
    assert len(extract(note(ATTENDEES + text + "\n")).decisions) == 1


def test_google_docs_style_note() -> None:
    """Name chips pasted without commas, a bare "Action items" line over a task list."""
    ext = extract(note("Attendees: Alice Moreau Bob Chen Carla Diaz\n\nNotes\n\n"
                       "- Alice showed the roadmap; nobody objected to dropping the app.\n\n"
                       "Action items\n\n- [ ] Alice Moreau - update the roadmap doc\n"
                       "- [ ] Bob Chen - find out why the CI bill doubled\n"))
    assert [p.name for p in ext.attendees] == ["Alice Moreau", "Bob Chen", "Carla Diaz"]
    assert len(ext.decisions) == 1
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Alice Moreau", "update the roadmap doc"),
        ("Bob Chen", "find out why the CI bill doubled")]


def test_a_gerund_wish_after_that_and_not_a_preposition() -> None:
    got = owners_tasks("Regarding the skeleton, we suggested that adding a FAQ to its README "
                       "would be helpful.\n")
    assert got == [(None, "adding a FAQ to its README")]


TRANSCRIPTS = {
    "otter": "Amir Chaudhry  0:03\nSo the first thing is the release.\n\n"
             "Dave Scott  0:15\nI'll cut the release candidate tomorrow.\n",
    "teams": "[10:02 AM] Amir Chaudhry\nSo the first thing is the release.\n\n"
             "[10:03 AM] Dave Scott\nI'll cut the release candidate tomorrow.\n",
    "webvtt": "WEBVTT\n\n1\n00:00:05.000 --> 00:00:09.000\nAmir Chaudhry: So, the release.\n\n"
              "2\n00:00:10.000 --> 00:00:14.000\nDave Scott: I'll cut the release candidate "
              "tomorrow.\n",
    "rev": "Amir Chaudhry (00:00:03): So the first thing is the release.\n"
           "Dave Scott (00:00:15): I'll cut the release candidate tomorrow.\n",
    "webvtt voice tags": "WEBVTT\n\n1\n00:00:05.000 --> 00:00:09.000\n<v Amir Chaudhry>So, the "
                         "release.</v>\n\n2\n00:00:10.000 --> 00:00:14.000\n<v Dave Scott>I'll cut "
                         "the release candidate tomorrow.\n",
}


@pytest.mark.parametrize("style", sorted(TRANSCRIPTS))
def test_transcript_tools_speakers_own_their_promises(style: str) -> None:
    assert owners_tasks(TRANSCRIPTS[style]) == [
        ("Dave Scott", "cut the release candidate tomorrow")]


def test_emoji_check_boxes_owner_lines_and_honorifics() -> None:
    ext = extract(note("Attendees: Alice Moreau, Bob Chen, Dr. Jane Smith\n\n### Action items\n\n"
                       "⬜ Alice: update the docs\n✅ Bob: fix the build\n\n## Next steps\n\n"
                       "- Review the ethics form\n  Owner: Jane\n  Due: Friday\n"))
    assert [(a.owner, a.task) for a in ext.actions] == [  # "✅ Bob: …" is ticked: done
        ("Alice Moreau", "update the docs"), ("Jane Smith", "Review the ethics form")]


@pytest.mark.parametrize(("text", "decided"), [
    ("Approved by the TSC: the new governance document.", True),
    ("LGTM from the SIG leads, so the KEP is approved.", True),
    ("The RFC was rejected.", True),
    ("Amir agreed with Dave that the tests are slow.", False),
])
def test_approvals_by_a_body_and_one_persons_agreement(text: str, decided: bool) -> None:
    assert bool(extract(note(ATTENDEES + text + "\n")).decisions) is decided


def test_two_promises_in_one_turn_and_a_conclusion_after_a_speaker() -> None:
    ext = extract(note("Present: Rohan Bhatt, Dana Whitfield\n\n"
                       "[00:08:10] Rohan Bhatt: Yes, I'll write the migration notes, and I'll "
                       "fix that error message.\n"
                       "[00:21:07] Dana Whitfield: Great, then we keep the plugin hooks frozen "
                       "until 1.0.\n\nThe lag is fine.\n"
                       "→ We will move the batch to the replica.\n"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Rohan Bhatt", "write the migration notes"), ("Rohan Bhatt", "fix that error message")]
    assert [d.text for d in ext.decisions] == [
        "Dana Whitfield: Great, then we keep the plugin hooks frozen until 1.0.",
        "→ We will move the batch to the replica."]


def test_the_leading_words_of_a_longer_name_are_that_person() -> None:
    roster = Roster(parse_attendee_text("Wen Jie Lim, Cormac Byrne"))
    assert roster.match("Wen Jie") == "Wen Jie Lim"


# -- names in other alphabets ----------------------------------------------------------------

def test_owners_whose_names_start_with_accented_or_non_latin_capitals() -> None:
    body = ("Attendees: Łukasz Nowak, Émile Durand, Ömer Yılmaz, Søren Lund, Ζωή Παππά\n\n"
            "Łukasz will update the release checklist. Émile to review the TLS patch.\n"
            "Ömer will send the survey to the list. Ζωή will draft the Greek translation.\n")
    got = {(a.owner, a.task) for a in extract(note(body)).actions}
    assert got == {("Łukasz Nowak", "update the release checklist"),
                   ("Émile Durand", "review the TLS patch"),
                   ("Ömer Yılmaz", "send the survey to the list"),
                   ("Ζωή Παππά", "draft the Greek translation")}


def test_a_sentence_starting_with_an_accented_capital_is_a_new_sentence() -> None:
    body = "Attendees: Émile Durand\n\nThe demo went well. Émile will write it up.\n"
    [action] = extract(note(body)).actions
    assert action.owner == "Émile Durand" and action.context == "Émile will write it up."


# -- a short decision and the sentence before it ---------------------------------------------

def test_a_short_decision_that_says_what_it_decides_stands_alone() -> None:
    body = "Ömer will send the survey. We decided to drop Python 3.9 support.\n"
    [decision] = extract(note(body)).decisions
    assert decision.text == "We decided to drop Python 3.9 support."


def test_a_bare_confirmation_still_carries_the_sentence_it_confirms() -> None:
    body = "Amir proposed moving the call to Thursdays. No objections.\n"
    [decision] = extract(note(body)).decisions
    assert decision.text == "Amir proposed moving the call to Thursdays. No objections."


# -- offers, assignments and plans in other wordings -----------------------------------------

PRESENT = "Present: Hiroshi Tanaka, Fatima Al-Sayed, Lars Berg, Maya Cohen\n\n"


def test_i_can_with_a_task_verb_is_an_offer_but_he_can_or_so_i_can_is_not() -> None:
    body = PRESENT + ("Hiroshi: I can take the release notes this time.\n\n"
                      "Maya: Just let Lars know so that he can add it to the calendar.\n\n"
                      "Lars: I need the logs so I can check the timings.\n")
    got = [(a.owner, a.task) for a in extract(note(body)).actions]
    assert got == [("Hiroshi Tanaka", "take the release notes this time")]


def test_an_offer_restated_in_full_a_turn_later_is_one_action() -> None:
    body = PRESENT + ("Maya: Fatima, could you run the benchmark?\n"
                      "Fatima: Yes, I can take that.\n"
                      "Fatima: I'll benchmark the cache on the big monorepo.\n")
    got = [(a.owner, a.task) for a in extract(note(body)).actions]
    assert got == [("Fatima Al-Sayed", "benchmark the cache on the big monorepo")]


@pytest.mark.parametrize("sentence", [
    "Assigned to Fatima: the version switcher styling.",
    "The version switcher styling is assigned to Fatima.",
    "- Fatima → the version switcher styling",
    "ACTION: Fatima -> the version switcher styling",
])
def test_assignments_and_arrows_name_the_owner(sentence: str) -> None:
    [action] = extract(note(PRESENT + sentence + "\n")).actions
    assert action.owner == "Fatima Al-Sayed"
    assert action.task.lower() == "the version switcher styling"


def test_lets_with_a_plan_is_a_decision_but_lets_see_is_not() -> None:
    body = ("Let's ship versioned docs with the 3.2 release. Let's see how the beta goes.\n"
            "Let's discuss the translations next time.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Let's ship versioned docs with the 3.2 release."]


def test_a_proposal_the_room_disagreed_with_is_not_a_task() -> None:
    body = PRESENT + ("Lars suggested we drop the nightly builds; Maya disagreed.\n\n"
                      "Lars suggested we move the docs to the main repo.\n")
    assert [a.task for a in extract(note(body)).actions] == ["move the docs to the main repo"]


# -- motions and their results ---------------------------------------------------------------

def test_a_motion_and_its_result_in_a_later_sentence_are_one_decision() -> None:
    body = ("Motion by Councillor Li, seconded by Councillor Ruiz, to approve the agenda. "
            "Carried 6-0.\n\n"
            "Motion by Councillor Li, seconded by Councillor Ruiz, to award the roof contract to "
            "Harrow Roofing for $212,400. Carried 6-0.\n\n"
            "Motion by Councillor Ruiz to extend the pool hours. After discussion, the motion "
            "failed 2-4.\n\n"
            "Approved: ____________________\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "award the roof contract to Harrow Roofing for $212,400 (carried 6-0)",
        "extend the pool hours (failed 2-4)"]


def test_a_motion_recorded_as_fields_is_one_decision_with_its_result() -> None:
    """An AsciiDoc (or any) field table, "Moved | Seconded | Text | Result": the text is the
    motion, with its result, whether the result is a sentence later or in the same one."""
    body = ('.Motion 11-A\n[cols="1,4"]\n|===\n|Moved |`@ana`\n|Seconded |`@ben`\n'
            "|Text |Raise the day pass from £5 to £6. Members pay nothing.\n"
            "|Result |*Passed* 4–1\n|===\n\n"
            '.Motion 11-B\n[cols="1,4"]\n|===\n|Moved |`@ben`\n|Seconded |`@ana`\n'
            "|Text |Buy a second kiln (quoted £2,100 incl. VAT).\n|Result |*Failed* 1–3\n|===\n")
    assert decisions(body) == ["Raise the day pass from £5 to £6 (passed 4–1)",
                               "Buy a second kiln (quoted £2,100 incl. VAT) (failed 1–3)"]


def test_a_ticked_item_that_says_it_was_settled_is_a_decision() -> None:
    """"✔ Decided: …" and "✔ We're going with …" mark what was agreed; "✔ sent the invoice"
    is a task done, and "- [ ] …" a task to do."""
    body = ("Tonight:\n\n✔ We're going with the agency carer, three mornings a week.\n"
            "✔ Decided: Mum doesn't drive until the physio says she can.\n"
            "✔ Sent the invoice to the agency.\n☐ Tom – ring the agency on Monday\n")
    assert decisions(body) == [
        "We're going with the agency carer, three mornings a week.",
        "Mum doesn't drive until the physio says she can."]


def test_nobody_argued_settles_the_sentence_before_it() -> None:
    assert decisions("Gwen: **We lead Saturday's paper with the library cuts.** Nobody "
                     "argued.\n") == [
        "We lead Saturday's paper with the library cuts. Nobody argued."]


def test_a_named_item_with_a_verb_to_do_is_a_task_in_any_section() -> None:
    """"☐ Tom – ring the agency", "- Bex: book the flights": a name, then an imperative, is
    that person's task wherever the list is; "- Bex: booked the flights" reports, and the same
    items under a review of the last call's actions are not news."""
    body = ("Carers\n\n☐ Tom – ring the agency on Monday to confirm the start date\n"
            "- Bex: book her flights for Christmas\n- Bex: booked the train already\n\n"
            "Previous actions (from the 2 May call):\n\n- Tom: fix the gate hinge\n")
    assert owners_tasks(body) == [
        ("Tom", "ring the agency on Monday to confirm the start date"),
        ("Bex", "book her flights for Christmas")]


def test_a_numbered_title_in_title_case_heads_its_section() -> None:
    """"9. Review Outstanding Action Items", a blank line, then the items: a review, not
    news; the same numbered line in sentence case is an item."""
    body = ("8. Budget\n\n   The board agreed the budget.\n\n9. Review Outstanding Action "
            "Items\n\n    * Mei-Lin: draft the questionnaire\n      Status: in progress.\n")
    ext = extract(note(body, fmt="text"))
    assert ext.actions == ()
    assert "9. Review Outstanding Action Items" in ext.topics


def test_polish_attendees_with_nicknames_between_the_names() -> None:
    body = ("**Obecni:** Magdalena (Magda) Wiśniewska, Aleksandra (Ola) Zając, Piotr "
            "Dąbrowski\n\nOla: build 2.4 for TestFlight by Friday.\n")
    ext = extract(note(body))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Magdalena Wiśniewska", ("Magda",)), ("Aleksandra Zając", ("Ola",)),
        ("Piotr Dąbrowski", ())]


def test_a_note_typed_in_lower_case_names_owners_in_lower_case() -> None:
    """A note typed on a phone writes names in lower case: "-> kwame: cost the dish" is
    Kwame's; "-> me: …" and "-> note: …" name nobody, and in a note typed with capitals a
    lower-case word before a colon is no name."""
    lines = ("duck is off the menu. lamb replaces it from the 8th.\n"
             "-> kwame: cost the lamb dish by fri\n-> me: order 2 cases of lamb\n"
             "-> note: check the walk-in seal\nfryer is fine again.\n"
             "deep clean sunday, everyone stays 1hr.\n")
    assert owners_tasks(lines) == [("Kwame", "cost the lamb dish by fri")]
    capitals = lines.replace("duck", "Duck").replace("fryer", "Fryer").replace("deep", "Deep")
    assert owners_tasks(capitals) == []


def test_a_review_heading_in_another_language_and_an_agendas_carried_over_items() -> None:
    """"Repaso de la semana pasada" reviews last week: its "Joana: release notes → hecho"
    is not a task; an agenda's "Carried over" lists items of this call's agenda."""
    body = ("## Agenda\n\n* Release\n* Carried over\n  - zeroing out memory\n\n"
            "## Repaso de la semana pasada\n\n- Joana: release notes 4.12 → hecho\n")
    ext = extract(note(body))
    assert ext.actions == ()
    assert ext.agenda == ("Release", "Carried over", "zeroing out memory")


def test_a_proposal_item_heading_is_not_an_owner() -> None:
    body = PRESENT + "b. Proposal to extend summer pool hours\n"
    assert extract(note(body)).actions == ()


# -- IRC meetings recorded with MeetBot ------------------------------------------------------

IRC = ("[19:00] <chair> #startmeeting infra\n"
       "[19:00] <chair> #topic roll call\n"
       "[19:01] <chair> Anke Bremer\n"
       "[19:01] <nandos> Fernando Souza\n"
       "[19:01] <tash> Natasha Ivanova\n"
       "[19:01] <zhiyuan> Zhao Zhiyuan\n"
       "[19:02] <nandos> I'll file bugs with patches against all four\n"
       "[19:03] <chair> #action nandos to file bugs with patches for the four rdeps\n"
       "[19:04] <chair> #action tash to package chartlet, zhiyuan to review and sponsor\n"
       "[19:05] <chair> #endmeeting\n"
       "[19:06] <tash> will do, I'll read the packaging guide tonight\n")


def test_a_promise_the_chair_records_with_action_is_one_action_and_chat_after_endmeeting_none(
) -> None:
    got = [(a.owner, a.task) for a in extract(note(IRC, fmt="text")).actions]
    assert got == [("Fernando Souza", "file bugs with patches for the four rdeps"),
                   ("Natasha Ivanova", "package chartlet"),
                   ("Zhao Zhiyuan", "review and sponsor")]


# -- attendee lists in header blocks and prose -----------------------------------------------

@pytest.mark.parametrize(("header", "names", "chair"), [
    ("Meeting ID: 845 2210 7736\nChairs: Ingrid Halvorsen\nParticipants: Ingrid Halvorsen, "
     "Liang Wei, Ole Sørensen\n", ["Ingrid Halvorsen", "Liang Wei", "Ole Sørensen"],
     "Ingrid Halvorsen"),
    ("Minutes follow. We met on the usual call as usual. Present: Björn Lindahl, Katarzyna "
     "\"Kasia\" Nowak, Emeka Obi. Apologies: Ilse.\n",
     ["Björn Lindahl", "Katarzyna Nowak", "Emeka Obi"], None),
    ("Created by: Rahel Tesfaye\nParticipants: @Rahel Tesfaye @Aroha Ngata @Sun-woo Lim\n"
     "Tags: tokens\n", ["Rahel Tesfaye", "Aroha Ngata", "Sun-woo Lim"], None),
    ("**Date:** 2 April 2025 · **Facilitator:** Mariana Duarte · **Board:** retro tool\n\n"
     "**Team:** Mariana Duarte (SM), Kofi Boateng, Hiroshi Tanaka (\"Hiro\")\n",
     ["Mariana Duarte", "Kofi Boateng", "Hiroshi Tanaka"], "Mariana Duarte"),
    ("Participants (from the Meetecho roster, 31 in total), among them:\n  Yusuf Demir, "
     "Fiona MacLeod\n", ["Yusuf Demir", "Fiona MacLeod"], None),
])
def test_attendees_from_header_blocks_prose_and_mention_chips(
        header: str, names: list[str], chair: str | None) -> None:
    got = extract(note(header + "\nSome discussion.\n")).attendees
    assert [p.name for p in got] == names
    assert [p.name for p in got if p.chair] == ([chair] if chair else [])


def test_first_names_nicknames_and_quoted_aliases_resolve_against_such_lists() -> None:
    body = ("Meeting ID: 1\nParticipants: Liang Wei, Katarzyna \"Kasia\" Nowak, "
            "Hiroshi Tanaka (\"Hiro\")\n\n"
            "Liang will roll out the new sequence. Kasia will draft SECURITY.md. "
            "Hiro will chase platform about staging.\n")
    assert [a.owner for a in extract(note(body)).actions] == [
        "Liang Wei", "Katarzyna Nowak", "Hiroshi Tanaka"]


def test_a_team_line_naming_a_team_is_not_an_attendee_list() -> None:
    assert extract(note("Team: Platform\n\nSome discussion.\n")).attendees == ()


def test_board_minutes_roll_call_headings_and_bare_check_box_action_items() -> None:
    body = ("2. Roll Call\n\n    Directors Present:\n\n        Ayodele Bankole (chair)\n"
            "        Siobhan O'Rourke\n\n    Executive Officers Present:\n\n"
            "        Priya Sundaram (Secretary)\n        Jonah Feldman (Treasurer)\n\n"
            "3. Minutes from previous meetings\n\n"
            "    Published minutes can be found on the web site.\n\n"
            "Action Items\n============\n\n"
            "[ ] Siobhan: keep the board posted on the vendor's reply\n"
            "[ ] Priya: update the roster with the new chair\n")
    got = extract(note(body, fmt="text"))
    assert [(p.name, p.chair) for p in got.attendees] == [
        ("Ayodele Bankole", True), ("Siobhan O'Rourke", False), ("Priya Sundaram", False),
        ("Jonah Feldman", False)]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Siobhan O'Rourke", "keep the board posted on the vendor's reply"),
        ("Priya Sundaram", "update the roster with the new chair")]


def test_confluence_participants_label_on_its_own_line_and_goals_that_are_not_tasks() -> None:
    body = ("Participants\n  @Ravi Chandrasekhar\n  @Ewa Kowalczyk\n\nGoals\n"
            "  * Decide on the key store for the ledger\n\n"
            "Action items\n  * @Ravi Chandrasekhar write the ADR for the key store\n")
    got = extract(note(body, fmt="text"))
    assert [p.name for p in got.attendees] == ["Ravi Chandrasekhar", "Ewa Kowalczyk"]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Ravi Chandrasekhar", "write the ADR for the key store")]


def test_three_word_names_own_tasks_but_the_person_asked_does_not() -> None:
    body = ("Participants: Ana Beatriz Costa, Pablo Iglesias Romero, Anil Madhavapeddy\n\n"
            "Action items\n- Ana Beatriz Costa – set up the CI job for the Postman collection\n"
            "- Pablo Iglesias Romero to write RELEASING.md\n\n"
            "Notes\n\nAsk Anil to review the schedule. Invite Pablo Iglesias Romero to advise.\n")
    got = [(a.owner, a.task) for a in extract(note(body)).actions]
    assert got[:2] == [("Ana Beatriz Costa", "set up the CI job for the Postman collection"),
                       ("Pablo Iglesias Romero", "write RELEASING.md")]
    assert all(owner is None for owner, _ in got[2:])


def test_minutes_roll_call_with_titles_wrapped_lines_and_staff_after_absent() -> None:
    body = ("Present: Mayor Teresa Okwuosa; Councillors Gerald Fitzpatrick, Arjun Mehta.\n"
            "Absent: none.\n"
            "Staff present: Town Manager Samuel Achterberg; Town Clerk Brenda Kowalski; Public\n"
            "Works Director Ines Carvalho.\n\n"
            "The Town Clerk will publish the ordinance within 30 days.\n")
    got = extract(note(body))
    assert [p.name for p in got.attendees] == [
        "Teresa Okwuosa", "Gerald Fitzpatrick", "Arjun Mehta", "Samuel Achterberg",
        "Brenda Kowalski", "Ines Carvalho"]
    assert [a.owner for a in got.actions] == ["Brenda Kowalski"]


def test_attendee_names_wrapped_across_lines_stay_whole() -> None:
    body = "*Attendees:* Thomas Gazagnaire, Jon\nLudlam, David Scott\n\nSome discussion.\n"
    assert [p.name for p in extract(note(body)).attendees] == [
        "Thomas Gazagnaire", "Jon Ludlam", "David Scott"]


def test_items_owned_by_several_handles_or_by_a_name_with_a_remark() -> None:
    body = ("Present: Adaeze Nwosu (@adaeze), Sofía Gutiérrez (@sofiag), Tariq Haddad\n\n"
            "## Action items\n- @adaeze, @sofiag: draft the annual report\n"
            "- Tariq (not on the council): publish the schedule\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Adaeze Nwosu, Sofía Gutiérrez", "draft the annual report"),
        ("Tariq Haddad", "publish the schedule")]


def test_a_stand_up_persons_today_line_is_their_tasks_but_yesterday_and_status_are_not() -> None:
    body = ("Present: Leilani Kahale, Mateo Rossi, Svetlana Morozova (@sveta)\n\n"
            "## Leilani\n\n- **Yesterday:** finished the Apple Pay button, PR #2231 is up.\n"
            "- **Today:** address review comments on #2231; then write the release notes.\n"
            "- **Blockers:** none.\n\n"
            "## Svetlana (@sveta)\n\n- **Today:** continue on the migration; dashboards for the "
            "test; load test on staging\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Leilani Kahale", "address review comments on #2231"),
        ("Leilani Kahale", "write the release notes"),
        ("Svetlana Morozova", "load test on staging")]


def test_a_capitalised_task_verb_at_the_start_of_a_marker_is_not_an_owner() -> None:
    [action] = extract(note("ACTION: Make the figures consistent\n")).actions
    assert (action.owner, action.task) == (None, "Make the figures consistent")


def test_procedural_lets_and_open_questions_are_not_decisions() -> None:
    body = ("Ok, we're over time, let's do AOB quickly. The board discussed whether the project "
            "should move to the attic.\n")
    assert extract(note(body)).decisions == ()


def test_a_confirmation_that_points_back_carries_the_sentence_it_confirms() -> None:
    body = ("Emeka proposed dropping Python 3.9 in 2.4. No objections to dropping it in 2.4, so "
            "that's decided.\n")
    [decision] = extract(note(body)).decisions
    assert decision.text.startswith("Emeka proposed dropping Python 3.9 in 2.4.")


def test_what_the_room_says_before_the_chairs_agreed_is_that_decision() -> None:
    body = ("[19:40] <nandos> agreed, a mail first, then downgrade after a month if no answer\n"
            "[19:41] <bremer> #agreed mail inactive members first, downgrade after a month\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "mail inactive members first, downgrade after a month"]


def test_an_item_whose_status_is_done_is_not_an_action() -> None:
    body = ("Attendees: Tomasz Wierzbicki, Priya Sundaram\n\n## Action items\n\n"
            "- Tomasz: ask the Orchard PMC whether they want to retire\n"
            "  Status: done, the PMC replied.\n"
            "- Priya: update the roster with the new chair\n")
    assert [a.owner for a in extract(note(body)).actions] == ["Priya Sundaram"]


@pytest.mark.parametrize(("sentence", "owner", "task"), [
    ("Mayor Okwuosa asked the Town Manager to obtain quotes for a parking study.",
     "Samuel Achterberg", "obtain quotes for a parking study"),
    ("Public Works was directed to complete the installation before school starts.",
     "Public Works", "complete the installation before school starts"),
    ("Councillor Mehta asked staff to report back on lifeguard recruitment.",
     None, "report back on lifeguard recruitment"),
])
def test_the_one_asked_or_directed_to_do_something_owns_it(
        sentence: str, owner: str | None, task: str) -> None:
    body = "Staff present: Town Manager Samuel Achterberg; Town Clerk Brenda Kowalski\n\n"
    [action] = extract(note(body + sentence + "\n")).actions
    assert (action.owner, action.task) == (owner, task)


def test_asked_for_something_is_a_request_without_an_owner_to_name() -> None:
    body = "Users asked for a changelog that is easier to skim. Reviewers asked for the hooks to "
    assert extract(note(body + "follow the verb-noun style.\n")).actions == ()


def test_the_same_persons_task_restated_shorter_in_a_summary_is_one_action() -> None:
    body = ("Participants: Yusuf Demir, Fiona MacLeod\n\nYusuf to publish -05 with the "
            "client-reported idle text before the cut-off.\n\n## Action items\n\n"
            "- Yusuf Demir: publish -05 of presence-model with client-reported idle\n")
    assert len(extract(note(body)).actions) == 1


def test_german_labels_and_markers_in_a_mixed_language_note() -> None:
    body = ("**Teilnehmer:** Jürgen Hoffmann (Moderation), Selin Yıldız, "
            "Florian „Flo“ Brandstätter\n**Entschuldigt:** Wolfgang Reiter\n\n"
            "## 1. Rückblick / offene Punkte vom 26.02.\n\n- Selin: Zertifikate erneuert\n\n"
            "## 2. Upgrade\n\n- **Beschluss:** Das Upgrade erfolgt erst nach dem Go-Live.\n"
            "- ToDo (Flo): die zwei Helm Charts anpassen.\n")
    got = extract(note(body))
    assert [(p.name, p.chair) for p in got.attendees] == [
        ("Jürgen Hoffmann", True), ("Selin Yıldız", False), ("Florian Brandstätter", False)]
    assert [d.text for d in got.decisions] == ["Das Upgrade erfolgt erst nach dem Go-Live."]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Florian Brandstätter", "die zwei Helm Charts anpassen")]


@pytest.mark.parametrize(("text", "meeting", "expected"), [
    ("Nächstes Treffen: 26.03., gleiche Zeit (10:00).", date(2025, 3, 12), date(2025, 3, 26)),
    ("The next meeting is on Mar. 4 at noon. Then more.", date(2025, 2, 18), date(2025, 3, 4)),
])
def test_next_call_after_a_foreign_label_or_a_month_abbreviation(
        text: str, meeting: date, expected: date) -> None:
    got = extract(note(text, meeting)).next_call
    assert got is not None and got.date == expected


@pytest.mark.parametrize(("text", "meeting", "expected"), [
    ("## Next stand-up\n\nNo stand-ups 23 Dec – 3 Jan. First stand-up of 2025: Tuesday 7 "
     "January, 09:30.", date(2024, 12, 18), date(2025, 1, 7)),
    ("Next interim: in two weeks, same time (14:00 UTC).", date(2025, 2, 19), date(2025, 3, 5)),
    ("The team will meet again next Thursday at the usual time.", date(2025, 2, 27),
     date(2025, 3, 6)),
    ("Next: Wed Jun 11 · 10:30 – 11:00am (Europe/Berlin)", date(2025, 5, 28), date(2025, 6, 11)),
    ("## Next retro\n\nThe retro on 16 April falls on the offsite and is cancelled; we'll do "
     "both sprints on Wednesday 30 April, 14:00.", date(2025, 4, 2), date(2025, 4, 30)),
])
def test_next_call_for_other_kinds_of_meeting_and_calendar_lines(
        text: str, meeting: date, expected: date) -> None:
    got = extract(note(text, meeting)).next_call
    assert got is not None and got.date == expected


def test_thousands_of_identical_items_are_one_and_take_linear_time() -> None:
    """Guarded by counting, not timing: the same task 5,000 times is kept once (a pairwise
    comparison of all of them was quadratic: 23 s for a 1 MB note)."""
    got = extract(note("- ACTION: Anil to write it\n" * 5000 + "- DECISION: we ship it\n" * 5000))
    assert len(got.actions) == 1 and len(got.decisions) == 1


def test_a_header_blocks_chairs_line_marks_the_chairs_who_own_what_the_chairs_will_do() -> None:
    body = ("Chairs: Ingrid Halvorsen, Babajide Okafor\n"
            "Participants: Ingrid Halvorsen, Babajide Okafor, Yusuf Demir\n\n"
            "Chairs will send the calendar invitation for the next interim.\n")
    got = extract(note(body))
    assert [p.name for p in got.attendees if p.chair] == ["Ingrid Halvorsen", "Babajide Okafor"]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Ingrid Halvorsen, Babajide Okafor", "send the calendar invitation for the next interim")]


def test_a_task_for_the_whole_group_is_unowned_but_standing_advice_is_not_a_task() -> None:
    body = ("Anil: we all need to be looking over the installation instructions and check they "
            "work.\n\nEveryone should keep an eye out for unusual cstruct bugs.\n")
    got = [(a.owner, a.task) for a in extract(note(ATTENDEES + body)).actions]
    assert got == [(None, "be looking over the installation instructions and check they work")]


def test_ticked_check_boxes_are_done_not_open_actions() -> None:
    body = ("Attendees: Alice Moreau, Bob Chen\n\n## Action items\n\n- [x] Alice: do X\n"
            "- [ ] Bob: do Y\n- ✅ Alice: ship Z\n☑ Bob: send the survey\n☐ Bob: book the room\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Bob Chen", "do Y"), ("Bob Chen", "book the room")]


@pytest.mark.parametrize(("header", "names"), [
    ("In the huddle: Sebastián Ortega, Yuki Tanaka, Grace Mwangi\n",
     ["Sebastián Ortega", "Yuki Tanaka", "Grace Mwangi"]),
    ("**Asistentes:** Valentina Ruiz (coordina), Diego Castillo, Camila \"Cami\" Herrera\n",
     ["Valentina Ruiz", "Diego Castillo", "Camila Herrera"]),
    ("Organizer: Rahul\nInvited: Siobhán Gallagher; Rahul Chatterjee; Aziz Karimov\n"
     "Attended: Siobhán Gallagher; Rahul Chatterjee\n", ["Siobhán Gallagher", "Rahul Chatterjee"]),
    ("| | |\n|---|---|\n| **Date** | 2 September 2025 |\n| **Attendees** | Olumide Bankole, "
     "Saoirse Byrne |\n", ["Olumide Bankole", "Saoirse Byrne"]),
    ("Present on the call were Kofi Mensah, who is running the event, Svetlana Ivanova from the "
     "university, Rafael \"Rafa\" Domínguez and Bea Santos, who took these notes.\n",
     ["Kofi Mensah", "Svetlana Ivanova", "Rafael Domínguez", "Bea Santos"]),
])
def test_attendees_in_chat_recaps_tables_other_languages_and_prose(
        header: str, names: list[str]) -> None:
    assert [p.name for p in extract(note(header + "\nSome discussion.\n")).attendees] == names


@pytest.mark.parametrize(("text", "meeting", "expected"), [
    ("## Action items from last call\n\n- ~~Publish the roadmap~~ (done)\n\n---\n\n"
     "**Next community call: Thursday, July 10, 17:00 UTC** (the second Thursday).",
     date(2025, 6, 26), date(2025, 7, 10)),
    ("**Próxima reunión:** miércoles 3 de septiembre, 10:00 (la coordina Diego).",
     date(2025, 8, 20), date(2025, 9, 3)),
    ("Prossima riunione: 3 settembre.", date(2025, 8, 20), date(2025, 9, 3)),
    ("Next platform weekly: [[2025-11-17]] (the 10th is a holiday, skipping it)",
     date(2025, 11, 3), date(2025, 11, 17)),
])
def test_next_call_after_a_rule_in_other_languages_and_for_a_weekly(
        text: str, meeting: date, expected: date) -> None:
    got = extract(note(text, meeting)).next_call
    assert got is not None and got.date == expected


def test_a_weekly_release_is_not_a_meeting() -> None:
    assert extract(note("The next weekly release is on 14 March.", date(2025, 3, 4))).next_call \
        is None


def test_a_date_in_brackets_is_a_side_remark_when_the_text_gives_one() -> None:
    text = ("Next meeting\n------------\n\nIn two weeks, same time. (Rukmini is travelling on the "
            "29th, so the one after that may move.)")
    got = extract(note(text, date(2025, 10, 1))).next_call
    assert got is not None and got.date == date(2025, 10, 15)


def test_a_matrix_export_reads_like_an_irc_log_with_a_roll_call_in_chat() -> None:
    body = ("[16:00] @noor:matrix.org: ok let's start. Roll call please\n"
            "[16:00] @noor:matrix.org: Noor Haddad, chairing\n"
            "[16:00] @bjarne:tile.chat: Bjarne Solberg\n"
            "[16:01] @mei:tile.chat: Mei Lin Tan\n"
            "[16:02] @noor:matrix.org: first item, the release\n"
            "[16:03] @mei:tile.chat: I'll open the issue tonight\n"
            "[16:04] @noor:matrix.org: ACTION: Bjarne to tag and publish 0.9.0-rc1\n")
    got = extract(note(body, fmt="text"))
    assert [p.name for p in got.attendees] == ["Noor Haddad", "Bjarne Solberg", "Mei Lin Tan"]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Mei Lin Tan", "open the issue tonight"),
        ("Bjarne Solberg", "tag and publish 0.9.0-rc1")]


def test_wiki_links_are_their_text_and_me_is_no_attendee() -> None:
    body = ("Attendees: [[Farah Siddiqui]], [[Matteo Russo|Matteo]], me\n\n"
            "Matteo will draft the [[Q4 roadmap]].\n")
    got = extract(note(body))
    assert [p.name for p in got.attendees] == ["Farah Siddiqui", "Matteo"]
    assert [(a.owner, a.task) for a in got.actions] == [("Matteo", "draft the Q4 roadmap")]


def test_a_teams_recap_with_its_attendees_in_the_header_and_assigned_to_lines() -> None:
    body = ("Meeting: Payroll go-live review\nInvited: Rahul Chatterjee; Helga Johansson\n"
            "Attended: Rahul Chatterjee; Helga Johansson\n\n"
            "Follow-up tasks\n ☐ Investigate the RTI test failures\n"
            "     Assigned to: Rahul Chatterjee\n"
            " ☐ Finish the remaining articles\n     Assigned to: (none)\n")
    got = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Rahul Chatterjee", "Investigate the RTI test failures"),
        (None, "Finish the remaining articles")]


def test_a_nickname_in_a_prose_attendee_list_answers_for_the_person() -> None:
    body = ("Present on the call were Kofi Mensah and Rafael \"Rafa\" Domínguez.\n\n"
            "Rafa said he would call the bakeries this week.\n")
    [action] = extract(note(body)).actions
    assert action.owner == "Rafael Domínguez"


def test_what_someone_will_not_or_no_longer_do_is_not_their_task() -> None:
    body = ("Attendees: Kofi Mensah, Aiko Suzuki\n\nKofi will not be able to review the PR. "
            "Aiko won't take the notes this time. Aiko will no longer maintain the bot.\n")
    assert extract(note(body)).actions == ()


# -- owners the attendee list does not name --------------------------------------------------

def test_a_first_name_resolves_to_the_one_full_name_the_note_writes_elsewhere() -> None:
    body = ("Hey all, notes from today. Tomasz Wierzbicki walked us through the sync bug and "
            'Luca "Lu" Bernardi showed the opt-out numbers; Priya Raghunathan and Priya Shah '
            "joined late.\n\nTomasz will write the conflict banner. Lu is going to pull the "
            "numbers per notification type. Priya will draft the store listing. Open the "
            "Open Collective page first, says Ngozi.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Tomasz Wierzbicki", "write the conflict banner"),
        ("Luca Bernardi", "pull the numbers per notification type"),
        ("Priya", "draft the store listing"),  # two Priyas: left as written, never guessed
    ]


def test_a_name_the_note_also_writes_in_lower_case_is_not_a_mentioned_person() -> None:
    body = ("We moved the Release Date again; the release date is now firm.\n\n"
            "Release will happen on Friday. Mateo will tag it.\n")
    ext = extract(note(body))
    assert [a.owner for a in ext.actions] == ["Mateo"]


def test_handles_with_the_full_name_after_them_and_shared_or_struck_tasks() -> None:
    body = ("Present: @rkapoor (Rhea Kapoor), @mvdberg (Maarten van den Berg), @sipho (Sipho "
            "Dlamini), @zhou.min (Zhou Min)\n\n"
            "### Follow-ups from the 5 August sync\n\n- @sipho to restructure the docs — still "
            "open\n\n### Helm chart v3\n\n- ~~@zhou.min to set up the Renovate bot~~ merged\n"
            "- [ ] @mvdberg to write the upgrade notes\n"
            "- [ ] @zhou.min and @sipho to gather failure logs for a week\n\n"
            "Idea from @sipho to move it to a nightly job; nobody liked it.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Rhea Kapoor", "Maarten van den Berg",
                                               "Sipho Dlamini", "Zhou Min"]
    assert [(a.owner, a.task) for a in ext.actions] == [  # a short task carries its topic
        ("Maarten van den Berg", "write the upgrade notes (Helm chart v3)"),
        ("Zhou Min, Sipho Dlamini", "gather failure logs for a week")]


def test_a_table_owner_of_question_marks_is_nobody_and_plus_joins_owners() -> None:
    body = ("Attendees: Ines Carvalho, Dmitri Volkov\n\n## Plan\n\n| Who | What | When |\n"
            "|---|---|---|\n| ??? | triage the untriaged issues | Fri |\n"
            "| Ines + Dmitri | pair on the lint regression | Mon |\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        (None, "triage the untriaged issues"),
        ("Ines Carvalho, Dmitri Volkov", "pair on the lint regression")]


def test_an_email_reply_quoting_the_minutes_reads_the_quoted_lines() -> None:
    body = ("Hi all, one correction inline.\n\nOn Tue, Renata Vukovic wrote:\n> Attendees:\n"
            ">   Renata Vukovic <renata.vukovic@example.org> (product, notes)\n"
            ">   chloe.dumont@example.org (Android)\n>\n> 1. What we fix first\n>\n"
            "> Decision: we adopt WCAG 2.2 AA as the target.\n"
            ">   → Chloe: add content descriptions to the icon buttons\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == ["Renata Vukovic", "Chloe Dumont"]
    assert [d.text for d in ext.decisions] == ["we adopt WCAG 2.2 AA as the target."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Chloe Dumont", "add content descriptions to the icon buttons")]


def test_a_fenced_code_block_is_neither_headings_nor_tasks() -> None:
    body = ("Attendees: Khoa Tran, Lucía Ortega\n\n## Model\n\n```python\n"
            "# TODO(bjorn): remove once merged\nscores.save()\n```\n\n## Housekeeping\n\n"
            "- Khoa is off 13–17 April.\n")
    ext = extract(note(body))
    assert ext.topics == ("Model", "Housekeeping")
    assert ext.actions == ()


def test_registers_titles_and_initials_legends_name_the_attendees() -> None:
    register = ("PRESENT\n  OKAFOR, Grace (Chair)\n  McALLISTER, Fr Declan (Parish Priest)\n"
                "  KOWALCZYK, Tadeusz (Treasurer)\n\n"
                "Fr Declan to speak to the Knights. Mr Kowalczyk will arrange a glazier.\n")
    ext = extract(note(register, fmt="text"))
    assert [(p.name, p.chair) for p in ext.attendees] == [
        ("Grace Okafor", True), ("Declan McAllister", False), ("Tadeusz Kowalczyk", False)]
    assert [a.owner for a in ext.actions] == ["Declan McAllister", "Tadeusz Kowalczyk"]
    guests = extract(note("Guests: Mr Tomasz Wilk (Head Teacher), Prof. Chen Meiling\n\n"
                          "Mr Wilk to send the letter to the treasurer.\n"))
    assert [p.name for p in guests.attendees] == ["Tomasz Wilk", "Chen Meiling"]
    assert [a.owner for a in guests.actions] == ["Tomasz Wilk"]
    legend = extract(note("AB = Aiko Brandt (HW lead)\nJB = Jonas Bergqvist (firmware)\n\n"
                          "## Actions\n\n- JB to check the UART pinmux\n- AB & JB: order "
                          "two thermocouples\n"))
    assert [(a.owner, a.task) for a in legend.actions] == [
        ("Jonas Bergqvist", "check the UART pinmux"),
        ("Aiko Brandt, Jonas Bergqvist", "order two thermocouples")]


def test_capital_labels_of_a_plain_text_note_are_its_sections() -> None:
    body = ("BUILD SYNC 9 DEC\n(notes: Kofi)\n\nLAST TIME\n-> Vikram: cache eviction fix  DONE\n\n"
            "DECIDED\nwe keep the remote cache on the current bucket until Q1\n\n"
            "ACTIONS\n-> Vikram: write the quarantine bot\n-> someone: update the onboarding doc\n"
            "\nThe bot was discussed at length.\n-> Agreed: the bot pings the owner\n")
    ext = extract(note(body, day=date(2025, 12, 9), fmt="text"))
    assert ext.topics == ("LAST TIME", "DECIDED", "ACTIONS")
    assert [d.text for d in ext.decisions] == [  # an arrow before "Agreed:" is no task
        "we keep the remote cache on the current bucket until Q1",
        "The bot was discussed at length. -> Agreed: the bot pings the owner"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Vikram", "write the quarantine bot"), (None, "update the onboarding doc")]


@pytest.mark.parametrize("sentence", [
    "The committee landed on three research chapters plus a synthesis.",
    "Final call on the site-4 core: leave it out of chapter 3.",
    "Also settled: the launch date stays 1 September.",
    "Going with imgproxy on our own server: cheaper.",
    "The revert goes into 2.4.1 and we backport it, that was decided too.",
    "A suggestion to add a dog show was not taken up; the field is too small.",
    "The committee also approved a reduced rate for registered charities.",
    "Après discussion : on part sur une 1.3 sans le nouveau scheduler.",
    "Validé : on coupe les tests GPU de la CI en attendant.",
    "Deliberação: as aulas de terça passam a ser gravadas.",
    "Ficou decidido que os notebooks vão em comodato para alunos sem computador.",
    "Styrelsen beslutade att köpa ett nytt laserrör för högst 8 000 kr.",
    "Beslut: kursen genomförs även om inte alla platser fylls.",
    "決定: ポイント交換 screen は 3.10 に回す.",
    "Working party on the 21st it is then.",
    "**✅ CONSENTED** — move boiler servicing to Thermaflow from 1 October.",
    "Client instructs us to propose a 10-year term with a break at year 5.",
    "Si decide di rilasciare comunque il 22 ottobre.",
    "Keputusan: untuk November, 30% budget Instagram dipindah ke TikTok Ads.",
    "Disepakati: voucher 12.12 maksimal diskon 40%.",
    "- [D] drop the nightly staging refresh job, nobody uses it",
    "Result: the Windows tests run nightly instead of on every PR.",
    "exclude /changelog from the search index (decided).",
    "everyone ok with it, jsonl it is.",
    "desided we move the spare parts stock over the weekend, not during the week",
    "also agred to stop offering free return shipping from 1 nov",
    "→ Accept, with shepherding.",
    "-> Chief authorized the Tanker 1 repair at Valley Truck up to $4,000.",
])
def test_more_ways_minutes_say_something_was_decided(sentence: str) -> None:
    marker = sentence.startswith(("Also settled:", "Validé :", "Deliberação:", "Beslut:", "決定:",
                                  "**✅ CONSENTED** —", "Keputusan:", "Disepakati:", "- [D] ",
                                  "Result:"))
    assert [d.text for d in extract(note(sentence + "\n")).decisions] == [
        re.split(r": | — |\] ", sentence, maxsplit=1)[1] if marker else sentence]


@pytest.mark.parametrize("sentence", [
    "Everyone likes the idea. Decision postponed until after the retrain.",
    "Eleanor suggested borrowing someone from the platform team but nothing was decided.",
    "Rafa quer testar aulas aos sábados — ficou para a próxima reunião, nada decidido.",
    "Frågan diskuterades. Inget beslut fattades.",
    "As agreed, the committee meets on WhatsApp tonight.",
    "1.2 The note of the meeting of 4 June was agreed without amendment.",
    "It isn't a 1:1 decision; Noor will raise it at the team meeting.",
    "Agenda consented as proposed.",
    "**Not ready for consent.** The proposal needs a price first.",
    "Belum ada keputusan. Kevin akan siapkan analisa fraud lengkap.",
])
def test_a_decision_put_off_is_not_a_decision(sentence: str) -> None:
    assert extract(note(sentence + "\n")).decisions == ()


def test_a_calendar_invite_names_the_attendees_and_handles_name_them_too() -> None:
    body = ("--- pasted from the invite ---\nOrganizer: Lena Halvorsen <lena@example.org>\n"
            'Accepted: Lena Halvorsen; Wojciech "Wojtek" Zieliński; Teodora Ilić\n'
            "Tentative: Sunniva Berg\nDeclined: Fiona Castellanos (on leave)\n--- end ---\n\n"
            "[WEB-80] Image CDN\n    assignee: @wzielinski\n\n"
            "- Wojtek volunteered to make a card for load testing.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Lena Halvorsen", "Wojciech Zieliński", "Teodora Ilić", "Sunniva Berg"]
    assert ext.decisions == ()  # "Accepted:" answers the invite, it accepts no proposal
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Wojciech Zieliński", "make a card for load testing")]
    assert [a.owner for a in extract(note(
        "Attendees: Lena Halvorsen, Teodora Ilić, Tea Ilves\n\n- [ ] @lhalvorsen to book the "
        "room\n- [ ] @teodora to send the map\n- [ ] @ti to check it\n")).actions] == [
        "Lena Halvorsen", "Teodora Ilić", "@ti"]  # "ti": Teodora Ilić or Tea Ilves, not guessed


def test_numbered_and_timed_points_of_a_plain_text_note_are_its_topics() -> None:
    body = ("ST BRENDAN'S HALL COMMITTEE\nMinutes of 12 May\n\n1. Opening prayer and welcome\n"
            "Fr Declan opened with a prayer.\n\n7:05 pm  Matters arising\nThe window is fixed.\n\n"
            "2. Hire rates\nIt was agreed to raise the hire rate to £20 an hour.\n"
            "- Rosaleen to write to the regular groups.\n")
    ext = extract(note(body, fmt="text"))
    assert ext.topics == ("1. Opening prayer and welcome", "7:05 pm Matters arising",
                          "2. Hire rates")
    assert ext.agenda == ()  # no attendee list: its items are not an implicit agenda
    assert [a.task for a in ext.actions] == ["write to the regular groups"]


def test_a_persons_sub_heading_in_a_handover_owns_the_tasks_under_it() -> None:
    body = ("With us today were Dmitri Sokolov (outgoing primary), Haruto Ishikawa (database SRE) "
            "and our manager.\n\n## Handover items\n\n### Dmitri\n- Finish the incident timeline "
            "before Monday.\n\n### Haruto\n- Add the missing index in a maintenance window.\n\n"
            "### Anyone\n- Fix the broken dashboard panel.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Dmitri Sokolov", "Haruto Ishikawa"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dmitri Sokolov", "Finish the incident timeline before Monday"),
        ("Haruto Ishikawa", "Add the missing index in a maintenance window"),
        (None, "Fix the broken dashboard panel")]


def test_zulip_mentions_after_assigned_and_a_french_review_of_last_weeks_actions() -> None:
    body = ("Attendees: Nguyen Thi Lan, Kwame Asante, Sigrun Eriksdottir\n\n"
            "## 1. Retour sur les actions de la semaine dernière\n- KA : renouveler le domaine "
            "→ fait\n\n## 2. Retries\nLan wants to own this. assigned: @**Nguyen Thi Lan** — "
            "write a short design doc\n\n- assigned: @**Kwame Asante** @**Sigrun Eriksdottir** "
            "— renew the certificate\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Nguyen Thi Lan", "write a short design doc"),
        ("Kwame Asante, Sigrun Eriksdottir", "renew the certificate")]


def test_a_country_is_no_owner_and_a_struck_out_table_row_is_no_task() -> None:
    body = ("Attendees: Marek Dvořák, Siobhán Gallagher\n\nIreland will launch two weeks after the "
            "UK. Siobhán will follow up with payroll.\n\n## Actions\n\n| # | Action | Owner |\n"
            "|---|---|---|\n| ~~8~~ | ~~Raise registry retention to 50~~ | Marek Dvořák |\n"
            "| 9 | Exempt pinned images from the GC job | Marek Dvořák |\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Siobhán Gallagher", "follow up with payroll"),
        ("Marek Dvořák", "Exempt pinned images from the GC job")]


def test_a_table_of_names_and_teams_is_the_attendee_list() -> None:
    body = ("| Name | Team |\n|---|---|\n| Lucía Fernández Ortega | Data science (presenting) |\n"
            "| Tran Minh Khoa | ML platform |\n\nKhoa will add a freshness check. Lucía will "
            "send an invite.\n\n| Who | What |\n|---|---|\n| Lucía | retrain the model |\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Lucía Fernández Ortega", "Tran Minh Khoa"]
    assert [a.owner for a in ext.actions] == [
        "Tran Minh Khoa", "Lucía Fernández Ortega", "Lucía Fernández Ortega"]


def test_a_capital_label_governs_the_block_under_it_not_the_rest_of_the_note() -> None:
    body = ("UMOJA GROUP\nMINUTES OF THE MEETING OF 18TH JANUARY 2026\n\nAGENDA\n"
            "1. Opening prayer\n2. Loans\n\nMIN 02/01/2026: LOANS\nAfter discussion it was "
            "agreed to give Faith a loan of KSh 50,000.\nEsther will draft a loan application "
            "form.\n\n"
            "MIN 03/01/2026: A.O.B.\nSomeone has to renew the certificate; who goes was not "
            "agreed.\n")
    ext = extract(note(body, day=date(2026, 1, 18), fmt="text"))
    assert ext.agenda == ("Opening prayer", "Loans")
    assert [d.text for d in ext.decisions] == [
        "After discussion it was agreed to give Faith a loan of KSh 50,000."]
    assert [a.task for a in ext.actions] == [
        "draft a loan application form", "renew the certificate"]


def test_an_arrow_item_is_a_task_when_owned_and_a_sentence_naming_the_topic_is_a_referent() -> None:
    body = ("Attendees: Sam Adebayo, Sato Kenji\n\n## Marketing\n\n- → **決定**: 3.10 に回す.\n"
            "- → Sam: book the photographer\n- Poster reprint discussed. Decision: no reprint; "
            "the marketing budget goes into two boosted social posts. Sam will set them up.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Sam Adebayo", "book the photographer"),
        ("Sam Adebayo", "set them up (Marketing; Decision: no reprint; the marketing budget goes "
                        "into two boosted social posts)")]


def test_a_whatsapp_export_reads_as_a_transcript() -> None:
    body = ("24/02/2026, 19:28 - Dave Pemberton: Evening all. Item 1: the boiler quote is £2,340.\n"
            "24/02/2026, 19:36 - Priya Shah: Agree. I'll fill in the grant form this week\n"
            "24/02/2026, 19:37 - Dave Pemberton: Ok so we go ahead with Hadley Heating at £2,340.\n"
            "[24/02/2026, 19:39:02] Tom Ainsworth: I'll send round a sign-up sheet\n")
    ext = extract(note(body, day=date(2026, 2, 24), fmt="text"))
    assert [d.text for d in ext.decisions] == [
        "Dave Pemberton: Ok so we go ahead with Hadley Heating at £2,340."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Priya Shah", "fill in the grant form this week"),
        ("Tom Ainsworth", "send round a sign-up sheet")]


def test_offices_and_organisations_name_their_holders() -> None:
    body = ("UMOJA GROUP\n\nMEMBERS PRESENT\n1. Grace Wanjiru Kamau - Chairlady\n"
            "2. Mary Njeri Mwangi - Treasurer"
            "\n3. Faith Chebet Kirui\n\nThe treasurer will send each member her statement. The "
            "chairlady and Faith will visit the plot.\n\nACTION 7: Secretariat (Lottie Barnes) to "
            "circulate the terms of reference.\nACTION 8: Owner to be confirmed - review the risk "
            "register.\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Mary Njeri Mwangi", "send each member her statement"),
        ("Grace Wanjiru Kamau, Faith Chebet Kirui", "visit the plot"),
        ("Lottie Barnes", "circulate the terms of reference"),
        (None, "review the risk register")]
    table = "| Who | What |\n|---|---|\n| DTL (Jonas) | find a second supplier |\n"
    assert [(a.owner, a.task) for a in extract(note(table)).actions] == [
        ("Jonas", "find a second supplier")]


def test_attendees_grouped_by_organisation_by_partner_or_written_in_two_scripts() -> None:
    grouped = ("Chair:      Fiona McAllister\n\nAttendees:\n    DfT:            Fiona McAllister "
               "(Chair)\n                    Owen Pritchard (Programme Manager)\n"
               "    Transport for the North:   Graham Hulme\n\nOwen to escalate the risk.\n")
    assert [p.name for p in extract(note(grouped, fmt="text")).attendees] == [
        "Fiona McAllister", "Owen Pritchard", "Graham Hulme"]
    partners = ("| Partner | Attendees |\n|---|---|\n| UNILOR | Chiara Benedetti (PC), Paolo "
                "Ferrante |\n| AQS (SME) | apologies |\n")
    assert [p.name for p in extract(note(partners)).attendees] == [
        "Chiara Benedetti", "Paolo Ferrante"]
    japanese = ("- 参加者: 佐藤 健太 Sato Kenta (PM), 伊藤 彩 Ito Aya (design)\n\n"
                "- Ito-san to revise the onboarding by next week.\n")
    ext = extract(note(japanese))
    assert [p.name for p in ext.attendees] == ["Sato Kenta", "Ito Aya"]
    assert [a.owner for a in ext.actions] == ["Ito Aya"]
    swedish = "**Närvarande:** Karin Lundqvist (ordförande), Erik Johansson (kassör)\n"
    assert [(p.name, p.chair) for p in extract(note(swedish)).attendees] == [
        ("Karin Lundqvist", True), ("Erik Johansson", False)]


def test_a_name_with_the_crew_a_task_in_capitals_an_arrow_before_a_name_and_an_order() -> None:
    body = ("Attendees: Felix Ortega, Nadia Bashir, Imogen Tate, Callum Reid\n\n"
            "- The tower is too heavy. Felix and the crew will rebuild the top in ply.\n"
            "- Haze needs notice. NADIA TO EMAIL THE VENUE'S TECHNICAL MANAGER BY FRIDAY.\n"
            "- Otto needs the cut list.\n  -> Imogen to send the cut list to Otto by Thursday.\n"
            "- Radio mics: we need 8. Decided to hire 2 more from StageHire. Callum to place the "
            "order.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Felix Ortega", "rebuild the top in ply"),
        ("Nadia Bashir", "email the venue's technical manager by friday"),
        ("Imogen Tate", "send the cut list to Otto by Thursday"),
        ("Callum Reid", "place the order (Decided to hire 2 more from StageHire)")]


def test_a_motions_table_gives_each_motion_with_its_result() -> None:
    body = ("## Motions\n\n| # | Motion | Moved | Seconded | Result |\n|---|---|---|---|---|\n"
            "| 3 | Approve the minutes of 9 September | Kim | Obi | Carried |\n"
            "| 4 | Sign the 3-year lease for the warehouse | van der Merwe | Kim | Carried 5-1 |\n"
            "| 6 | Open a second distribution day on Saturdays | Farouk | Obi | Failed 2-4 |\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Sign the 3-year lease for the warehouse (carried 5-1)",
        "Open a second distribution day on Saturdays (failed 2-4)"]


def test_a_plain_text_notes_numbered_heading_in_capitals_over_an_indented_line() -> None:
    body = ("Minutes of progress meeting 14.\n\n14.7    AOB\n        None.\n\n"
            "14.8    DATE OF NEXT MEETING\n        Progress Meeting No. 15: Tuesday 8 September "
            "2026 at 10:00 on site.\n")
    ext = extract(note(body, day=date(2026, 8, 11), fmt="text"))
    assert ext.next_call is not None and ext.next_call.date == date(2026, 9, 8)
    assert ext.topics == ("14.7 AOB", "14.8 DATE OF NEXT MEETING")


def test_action_tags_of_a_legend_and_dokuwiki_todos_are_tasks() -> None:
    body = ("legend: [D] decided · [A name] action\n\n- [A dario] write the rollback script\n"
            "- [A dario, kemi] pair on batching the backfill\n\n"
            "  * <todo @mkowal>calibrate the boards</todo>\n"
            "  * <todo>ask Daniel about the BLE screen</todo>\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("dario", "write the rollback script"), ("dario, kemi", "pair on batching the backfill"),
        ("mkowal", "calibrate the boards"), (None, "ask Daniel about the BLE screen")]


def test_ppl_lists_dri_lines_and_handles_cut_from_a_name() -> None:
    body = ("ppl: Kemi Adeyinka, Dario Ferrante, Marta Kowalska, Jun Park\n\n"
            "- [A dario] write the rollback script\n"
            "- <todo @mkowal>calibrate the boards</todo>\n\n"
            "## Follow-ups\n\n- DRI: Jun — fix ORC-2291 by Tuesday noon\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Dario Ferrante", "write the rollback script"), ("Marta Kowalska", "calibrate the boards"),
        ("Jun Park", "fix ORC-2291 by Tuesday noon")]


def test_an_auto_transcripts_numbered_speakers_are_named_by_its_legend() -> None:
    body = ("> Auto-transcript. Speaker 1 = Ilse Verbruggen, Speaker 2 = Bogdan Petrescu.\n\n"
            "[00:08:35] Speaker 2: I can write the converter. It's a hundred lines.\n"
            "[00:22:50] Speaker 1: I'll put a help-wanted issue up and ask on the forum.\n"
            "[00:23:10] Speaker 3: Sounds good.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Bogdan Petrescu", "write the converter"),
        ("Ilse Verbruggen", "put a help-wanted issue up and ask on the forum")]


def test_a_transcripts_speaker_key_on_lines_of_its_own_names_who_was_there() -> None:
    body = ("Speakers:\n"
            "Speaker 1 - Odile Marchand, coordinator at Rue Verte (chairs the call)\n"
            "Speaker 2 – Tadeusz \"Tad\" Wrona, volunteer developer\n"
            "Speaker 3 is Amaru Quispe\n\n"
            "[00:03:10] Speaker 1: Tad, could you look at the export?\n\n"
            "[00:03:30] Speaker 2: Sure, I can do that this week.\n\n"
            "[00:04:00] Speaker 3: And I will write the release notes.\n")
    extraction = extract(note(body, fmt="text"))
    assert [(p.name, p.aliases) for p in extraction.attendees] == [
        ("Odile Marchand", ("Coordinator",)), ("Tadeusz Wrona", ("Tad",)), ("Amaru Quispe", ())]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Tadeusz Wrona", "look at the export"), ("Amaru Quispe", "write the release notes")]


def test_initials_an_action_word_and_a_handle_before_a_verb_name_the_owner() -> None:
    body = ("M&M MINUTES\n\n   ACTION  Audit CT-to-theatre times for all emergency laparotomies\n"
            "           Lead: Dr Callum Fraser     Timescale: October meeting\n\n"
            "14.2.3  HB to put up additional signage at the Mill Lane entrance.\n\n"
            "-> RW to write the first two assessments over half term  (ACTION RW)\n\n"
            "CI to run nightly from now on.\n\n"
            "- [ ] @majal cut rc1 once #1873 is merged\n- @majal thanks for the notes\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Callum Fraser", "Audit CT-to-theatre times for all emergency laparotomies"),
        ("HB", "put up additional signage at the Mill Lane entrance"),
        ("RW", "write the first two assessments over half term"),
        ("@majal", "cut rc1 once #1873 is merged")]


def test_numbered_action_points_with_the_owners_organisation() -> None:
    body = ("Attendees: Chiara Benedetti, Jonas Kjær\n\n"
            "AP 17.1 — DTL (Jonas) to circulate the D2.3 draft for internal review by 10/04.\n\n"
            "AP 17.2 — UNILOR (Chiara) prepares the AMD-2 request for the partners.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Jonas Kjær", "circulate the D2.3 draft for internal review by 10/04"),
        ("Chiara Benedetti", "prepares the AMD-2 request for the partners")]


def test_plain_text_sections_of_what_was_settled_who_does_what_and_what_was_not_decided() -> None:
    body = ("GARDEN CO-OP CALL\n\nWHAT WE SETTLED\n- the seed swap is Saturday Dec 5 at the "
            "library\n\nWHO'S DOING WHAT\n- Mara: book the library room\n\nNOT DECIDED YET\n"
            "- a tool-share membership fee\n")
    ext = extract(note(body, day=date(2026, 11, 12), fmt="text"))
    assert [d.text for d in ext.decisions] == ["the seed swap is Saturday Dec 5 at the library"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Mara", "book the library room")]


def test_a_minutes_marker_on_a_line_of_its_own_opens_a_sentence() -> None:
    body = ("Present: Ann Lee, Bo Kim\n\n3. Budget 2026\n"
            "   RESOLVED: the committee adopts the 2026 budget as circulated\n"
            "   ACTION 3.1: BK to publish the budget on the wiki.\n")
    ext = extract(note(body, fmt="text"))
    assert [d.text for d in ext.decisions] == ["the committee adopts the 2026 budget as circulated"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Bo Kim", "publish the budget on the wiki")]


def test_an_owner_field_names_a_role_a_person_in_brackets_two_people_or_nobody() -> None:
    body = ("Chair:    Mr Tobias Achterberg\n\n"
            "Attendance (23 signed the register; full list held by the governance office)\n"
            "  Surgeons:   Tobias Achterberg (Chair), Helen Oduya,\n"
            "              Alice Whitfield\n"
            "  Anaesthetics:  Dr Lindiwe Mbeki (Consultant)\n"
            "  Nursing:   Kwabena Asare (Surgical Matron)\n"
            "  Trainees:  Priya Venkatesan and others on register\n\n"
            "   ACTION  Write an escalation flowchart\n"
            "           Lead: Dr Mbeki with Dr Venkatesan   Timescale: 4 weeks\n"
            "   ACTION  Email the rule to all trainees\n"
            "           Lead: Chair                         Timescale: this week\n"
            "   ACTION  Brief the nursing teams\n"
            "           Lead: Matron (Kwabena Asare)        Timescale: before 3 August\n"
            "   ACTION  Ask the EPR team for a drain total\n"
            "           Lead: to be confirmed - nobody from IT was present\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Tobias Achterberg", "Helen Oduya", "Alice Whitfield", "Lindiwe Mbeki", "Kwabena Asare",
        "Priya Venkatesan"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Lindiwe Mbeki, Priya Venkatesan", "Write an escalation flowchart"),
        ("Tobias Achterberg", "Email the rule to all trainees"),
        ("Kwabena Asare", "Brief the nursing teams"),
        (None, "Ask the EPR team for a drain total")]


def test_note_app_tags_double_hyphen_markers_and_outlook_names() -> None:
    body = ("Participants\nWatanabe, Kenji (Systems Librarian); Fournier, Renée (County IT); "
            "Bell, Marcus\n(Circulation Manager); Dana Kowalczyk (vendor)\n\nNotes\n"
            "  [Question] Can the vendor fix the failed records?\n"
            "  [Important] Decided: no patron data leaves the county until the DPA is signed.\n"
            "  [To Do] Dana to send the list of failed records by Friday\n"
            "  [To Do] Renée to chase county counsel about the DPA this week\n"
            "  AGREED (Kenji / Marcus): orphan items are dropped.\n"
            "  Discussion: block booking needs the director's sign-off,\n"
            "  it can't be decided here. Not agreed today.\n"
            "  ACTION -- Marcus: write the loan rules mapping sheet.\n"
            "  Kenji thinks the vendor will be slow and will take weeks at best.\n")
    ext = extract(note(body, day=date(2026, 10, 27), fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Kenji Watanabe", "Renée Fournier", "Marcus Bell", "Dana Kowalczyk"]
    assert [d.text for d in ext.decisions] == [
        "no patron data leaves the county until the DPA is signed.", "orphan items are dropped."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dana Kowalczyk", "send the list of failed records by Friday"),
        ("Renée Fournier", "chase county counsel about the DPA this week"),
        ("Marcus Bell", "write the loan rules mapping sheet")]


def test_a_ships_daily_meeting_its_ranks_review_presenters_and_24_hour_times() -> None:
    body = ("DAILY SCIENCE MEETING\n\nChief Scientist:  Dr Ngaio Whitcombe\n"
            "Co-Chief:         Dr Felix Andrade\n"
            "Present:          Capt. Arne Solheim (Master); Hamish Doyle (moorings); "
            "Oskar Bergqvist (Bosun)\n\n"
            "YESTERDAY'S ACTIONS\n  - Winch wire re-terminated (Bosun) -- done.\n\n"
            "1. WEATHER / SHIP  (Capt. Solheim)\n"
            "   A low passes south of us Thursday.\n"
            "   Bosun to have the deck crew and the A-frame rigged and ready by 0500.\n"
            "   Hamish and Felix will run the recovery on deck tomorrow.\n\n"
            "NEXT SCIENCE MEETING: Wed 04 Nov, 1930 ship time, main lab.\n")
    ext = extract(note(body, day=date(2026, 11, 3), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Arne Solheim", "Hamish Doyle", "Oskar Bergqvist"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Oskar Bergqvist", "have the deck crew and the A-frame rigged and ready by 0500"),
        ("Hamish Doyle, Felix Andrade", "run the recovery on deck tomorrow")]
    assert ext.next_call is not None and ext.next_call.date == date(2026, 11, 4)


def test_four_digits_after_a_date_are_its_year_unless_they_can_only_be_a_time() -> None:
    meeting = date(2026, 11, 3)
    assert [d.date for d in find_dates("Wed 04 Nov, 1930 ship time", meeting)][-1] == \
        date(2026, 11, 4)
    assert [d.date for d in find_dates("released on 14 March 2015", meeting)] == [
        date(2015, 3, 14)]
    assert [d.date for d in find_dates("Oct 3, 1999", meeting)] == [date(1999, 10, 3)]
    assert find_time("Wed 04 Nov, 1930 ship time") == (time(19, 30), None)
    assert find_time("Monday 1900 hrs, station 2") == (time(19, 0), None)
    assert find_time("at 1400 UTC") == (time(14, 0), "UTC")
    assert find_time("2300 people came") == (None, None)


def test_a_standards_telecon_motions_results_and_a_column_table_of_action_items() -> None:
    body = ("Chair:    Hiroko Tanabe\n\n"
            "2. AGENDA\n\n    The agenda as modified was approved by unanimous consent.\n\n"
            "5. COMMENT RESOLUTION ON D1.3 (letter ballot LB-41)\n\n"
            "5.1 Guard time\n    Sigrid presented a proposed resolution of REJECTED: it breaks "
            "compatibility.\n"
            "    PROPOSED RESOLUTION for CIDs 112, 118: REVISED. Change the default guard time "
            "to 320 us.\n      Moved: Kwabena Owusu      Seconded: Elif Karaca\n"
            "      Result: Y 13 / N 3 / A 5.  Motion passes.\n\n"
            "5.3 Editorial CIDs\n    Motion: Approve the editorial resolutions.\n"
            "      Moved: Priyanka Raghunathan      Seconded: Bastien Lemaire\n"
            "      Result: approved by unanimous consent.\n\n"
            "ACTION ITEMS\n"
            "    AI-0908-1  Kwabena Owusu         300 us guard-time simulation, results to the\n"
            "                                     reflector\n"
            "    AI-0908-2  Hiroko Tanabe         agenda for 22 Sept by 15 Sept\n")
    ext = extract(note(body, day=date(2026, 9, 8), fmt="text"))
    assert [d.text for d in ext.decisions] == [
        "REVISED. Change the default guard time to 320 us (passes)",
        "Approve the editorial resolutions (approved by unanimous consent)"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Kwabena Owusu", "300 us guard-time simulation, results to the reflector"),
        ("Hiroko Tanabe", "agenda for 22 Sept by 15 Sept")]


def test_name_chips_before_a_dash_a_quoted_nickname_and_what_a_next_steps_list_is_not() -> None:
    body = ("**People:** Ruth Okonkwo, Jonas Brandt, Mei-Ling Chua, Devendra Rao (\"Dev\", "
            "from Data, guest)\n\n## Next steps\n\n"
            "- [ ] @Jonas Brandt — onboarding checklist on for 100% of new trials\n"
            "- [ ] @Mei-Ling Chua + @Devendra Rao — churn baseline and draft O3 KRs\n"
            "- [ ] ??? — add a weekly confidence column to the growth dashboard\n"
            "- ❌ Mei-Ling — churn survey to small clinics (dropped, low response)\n\n"
            "Dev will pull the churn numbers.\n\nThe board meeting is on 12 Nov.\n")
    ext = extract(note(body, day=date(2026, 9, 29)))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Jonas Brandt", "onboarding checklist on for 100% of new trials"),
        ("Mei-Ling Chua, Devendra Rao", "churn baseline and draft O3 KRs"),
        (None, "add a weekly confidence column to the growth dashboard"),
        ("Devendra Rao", "pull the churn numbers")]


def test_a_thread_of_fediverse_posts_reads_without_its_chrome() -> None:
    body = ("Quillmark @quillmark@tooters.example\nOct 14, 2026, 18:12 · Public\n"
            "Notes from today's community call. 1/9\n\n"
            "On the call: @tamsin (Tamsin Greaves, maintainer), @lrv (Laura\nRuiz Vidal), "
            "@yuki_t, and two first-timers 👋\n↩ 4   🔁 12   ⭐ 31\n\n"
            "--------------------------------------------------------------------------------\n"
            "Quillmark @quillmark@tooters.example\nOct 14, 2026, 18:13 · Unlisted\n"
            "2/9 📦 3.0 release: decided — rc1 goes out Wed Oct 21. @lrv will cut rc1 on the "
            "21st.\n↩ 1   🔁 3   ⭐ 14\n\n"
            "3/9 PDF backends: long debate. Where we landed: the LaTeX backend stays for 3.0.\n")
    ext = extract(note(body, day=date(2026, 10, 14), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Tamsin Greaves", "Laura Ruiz Vidal", "@yuki_t"]
    assert [d.text for d in ext.decisions] == [
        "📦 3.0 release: decided — rc1 goes out Wed Oct 21.",
        "Where we landed: the LaTeX backend stays for 3.0."]
    assert [(a.owner, a.task) for a in ext.actions] == [("Laura Ruiz Vidal", "cut rc1 on the 21st")]


def test_front_matter_attendees_as_handle_and_name_maps() -> None:
    front = Note(path="n.md", title="WG call", date=date(2025, 5, 8),
                 body="- KwameO to draft the charter.\n- @jlind will open the issue.\n",
                 format="markdown", content_hash="x",
                 front_matter={"chair": "kowusu",
                               "attendees": [{"handle": "kowusu", "name": "Kwame Owusu"},
                                             {"name": "Ines Duarte"}],
                               "guests": [{"github": "@jlind", "name": "Johan Lind"}]})
    ext = extract(front)
    assert [(p.name, p.chair, p.aliases) for p in ext.attendees] == [
        ("Kwame Owusu", True, ("kowusu",)), ("Ines Duarte", False, ()),
        ("Johan Lind", False, ("jlind",))]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Kwame Owusu", "draft the charter"), ("Johan Lind", "open the issue")]


def test_a_full_date_beats_the_usual_weekday_in_the_same_next_call_line() -> None:
    body = "## Next call\n\nBack to our usual Wednesday slot,\n21 May 2025, 15:00 UTC.\n"
    ext = extract(note(body, day=date(2025, 5, 8)))
    assert ext.next_call is not None and ext.next_call.date == date(2025, 5, 21)
    assert ext.actions == ()  # "Back to our usual …" is nobody's task


def test_days_said_in_words_keep_their_place_and_small_ones_need_a_month_or_weekday() -> None:
    meeting = date(2025, 12, 10)
    [day] = find_dates("So the next one is the fourteenth of January, same time.", meeting)
    assert (day.date, day.start, day.end) == (date(2026, 1, 14), 19, 44)
    assert [(m.date, m.time) for m in find_dates("Friday the third at 10:00", meeting)] == [
        (date(2026, 4, 3), time(10, 0))]  # as "Friday the 3rd": the next Friday that is a 3rd
    assert find_dates("We covered the third item and the twentieth anniversary.", meeting) == []


def test_a_verdict_is_a_decision_and_bare_initials_take_the_name_written_elsewhere() -> None:
    body = ("- **Triage lead:** Yusuf Demir (YD)\n- **Present:** YD, Léa Garnier (LG), "
            "Rajesh Iyer (RI)\n\n### GSR-1 — token endpoint\n\n**Verdict:** needs info.\n\n"
            "### GSR-2\n\nNot triaged today. YD and RI will look at it together this week.\n")
    ext = extract(note(body, day=date(2026, 6, 30)))
    assert [p.name for p in ext.attendees] == ["Yusuf Demir", "Léa Garnier", "Rajesh Iyer"]
    assert [d.text for d in ext.decisions] == ["needs info. (GSR-1 — token endpoint)"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Yusuf Demir, Rajesh Iyer", "look at it together this week")]
    assert parse_attendee_text("LI, Wei; OKAFOR, Grace")[0].name == "Wei Li"  # a surname still


def test_a_running_agenda_is_read_as_the_meeting_of_its_date() -> None:
    body = ("# SIG Lifecycle — running agenda\n\n**Chairs:** Maren Solberg\n\n"
            "Newest meeting at the top.\n\n"
            "## Oct 19, 2023\n\n**Agenda:**\n- [RaviS] handover: status\n\n---\n\n"
            "## Oct 5, 2023\n\n**Attendees:**\n- Maren Solberg (Fjordline) @msolberg\n"
            "- Jae-won Park @jwpark\n- Babajide Ogun\n- Ravi Subramanian\n\n**Agenda:**\n\n"
            "- [RaviS] SIG annual report due Nov 30\n"
            "  - AI: RaviS and MarenS to draft it\n"
            "- [Jae-won] Flaky e2e test\n"
            "  - AI: Jae-won + Babajide to pair on it next week\n"
            "  - Agreed: if it is not fixed by Oct 19, we quarantine the test.\n\n"
            "## Sep 21, 2023\n\n**Attendees:** Maren Solberg, Tomás Rinaldi\n\n**Agenda:**\n"
            "- [TomásR] planning\n  - AI: TomásR to update the tracking sheet\n"
            "- Next meeting Oct 5.\n")
    ext = extract(note(body, day=date(2023, 10, 5)))
    assert [p.name for p in ext.attendees] == [
        "Maren Solberg", "Jae-won Park", "Babajide Ogun", "Ravi Subramanian"]
    assert [(a.owner, a.task, a.context) for a in ext.actions] == [
        ("Ravi Subramanian, Maren Solberg", "draft it ([RaviS] SIG annual report due Nov 30)",
         "RaviS and MarenS to draft it"),
        ("Jae-won Park, Babajide Ogun", "pair on it next week ([Jae-won] Flaky e2e test)",
         "Jae-won + Babajide to pair on it next week")]
    assert [d.text for d in ext.decisions] == [
        "if it is not fixed by Oct 19, we quarantine the test."]
    assert ext.next_call is not None and ext.next_call.date == date(2023, 10, 19)
    assert ext.agenda[0] == "[RaviS] SIG annual report due Nov 30"


def test_discussion_table_notes_are_read_and_a_table_restating_a_decision_counts_once() -> None:
    body = ("| | |\n|---|---|\n"
            "| **Participants** | @Oliver Brandt @Freya Lindholm @Sunita Rao |\n\n"
            "## Discussion items\n\n| Time | Item | Who | Notes |\n|---|---|---|---|\n"
            "| 10 min | On-call load | @Freya Lindholm | 41 pages in January. Decision: keep the "
            "alert but raise it to 90% for 15 minutes. |\n"
            "| 5 min | Cost report | @Oliver Brandt | AWS bill up 14%. Sunita will dig into the "
            "NAT gateway traffic and report back. |\n\n"
            "## Decisions Made\n\n| Decision | Owner |\n|---|---|\n"
            "| Logging-node disk alert stays, raised to 90% for 15 min | @Freya Lindholm |\n")
    ext = extract(note(body, day=date(2025, 2, 6)))
    assert [d.text for d in ext.decisions] == [
        "keep the alert but raise it to 90% for 15 minutes."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Sunita Rao", "dig into the NAT gateway traffic and report back")]


def test_otter_transcript_speakers_and_same_time_weeks_from_now() -> None:
    body = ("Lumen community call\nTue, Jun 10, 2025 4:02PM • 48:51\n\nSPEAKERS\n"
            "Rosa Delgado, Tariq Aziz, Speaker 3\n\nRosa Delgado  00:19\nOkay, let's start.\n\n"
            "Tariq Aziz  07:11\nI'll cut RC one on Thursday.\n\n"
            "Rosa Delgado  47:12\nGood. Same time two weeks from now, then. Bye!\n")
    ext = extract(note(body, day=date(2025, 6, 10), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Rosa Delgado", "Tariq Aziz"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Tariq Aziz", "cut RC one on Thursday")]
    assert ext.next_call is not None and ext.next_call.date == date(2025, 6, 24)


def test_an_action_summary_table_restating_a_marker_counts_once() -> None:
    body = ("Present: Femi Adebayo, Paulo Menezes\n\nACTION 7.6 (Femi, Paulo): Transfer the "
            "test-suite repository to the IMD organisation and set up CI on it.\n\n"
            "## Actions\n\n| # | Owner | Action |\n|---|---|---|\n"
            "| 7.6 | Femi, Paulo | Move test-suite repository to the IMD org, CI |\n")
    ext = extract(note(body, day=date(2023, 2, 14)))
    assert [(a.owner, a.rule) for a in ext.actions] == [
        ("Femi Adebayo, Paulo Menezes", "marker")]


def test_attendance_sub_lists_with_labels_and_the_header_lines_after_them() -> None:
    body = ("- Attendance:\n  - Team members: @vkelso, @tomohiro\n"
            "  - Contributors / others: @pbraun\n- Chair: @tomohiro\n- Minutes: @vkelso\n\n"
            "## Notes\n\n@pbraun will start the crater run.\n")
    ext = extract(note(body, day=date(2024, 11, 19)))
    assert [(p.name, p.chair) for p in ext.attendees] == [
        ("@vkelso", False), ("@tomohiro", True), ("@pbraun", False)]
    assert [(a.owner, a.task) for a in ext.actions] == [("@pbraun", "start the crater run")]


def test_a_decision_too_short_to_say_what_carries_its_topic_but_not_a_marker_label() -> None:
    body = ("## MCPs\n\n- Stabilise remap-cwd-prefix (compiler-team#812)\n"
            "  - FCP finished last week.\n  - Decided: go ahead.\n\n"
            "### GSR-2026-033 — scanner report\n\n**Verdict:** not a vulnerability.\n\n"
            "## Votes\n\n**Decision:** ____\n")
    ext = extract(note(body, day=date(2024, 11, 19)))
    assert [d.text for d in ext.decisions] == [
        "go ahead. (Stabilise remap-cwd-prefix (compiler-team#812))",
        "not a vulnerability. (GSR-2026-033 — scanner report)"]


def test_an_arrow_after_a_word_that_is_nobody_is_a_metric_not_a_task() -> None:
    body = ("Attendees: Clara Meinhardt, Sven Aalto, Lakshmi Narayanan\n\n## Metrics\n\n"
            "- Trial → paid: 9.4% (flat)\n- Sven → ship the onboarding flow\n"
            "- Lakshmi -> keep digging on the parser issue\n")
    ext = extract(note(body, day=date(2024, 5, 27)))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Sven Aalto", "ship the onboarding flow"),
        ("Lakshmi Narayanan", "keep digging on the parser issue")]


@pytest.mark.parametrize("label", ["not there", "Couldn't make it"])
def test_a_label_line_in_lower_case_or_with_an_apostrophe_ends_the_attendee_list(
        label: str) -> None:
    body = (f"Attendees: Kwame Asante, Sigrun Eriksdottir\n{label}: Elif Demirci\n\n"
            "Kwame will renew the domain.\n")
    ext = extract(note(body, day=date(2026, 2, 5)))
    assert [p.name for p in ext.attendees] == ["Kwame Asante", "Sigrun Eriksdottir"]
    assert [a.owner for a in ext.actions] == ["Kwame Asante"]


def test_a_register_laid_out_in_columns_keeps_names_apart_from_roles() -> None:
    got = parse_attendee_text(
        "  Mr Colin Ashdown (CA)        Co-opted governor, Chair\n"
        "  Ms Fiona McAteer (FM)        Headteacher\n"
        "  Mr Tariq Aziz (TA)           Parent governor (appointed December 2025)\n"
        "  Mary Njeri Mwangi     - Treasurer\n")
    assert [(p.name, p.chair, p.aliases) for p in got] == [
        ("Colin Ashdown", True, ("CA",)), ("Fiona McAteer", False, ("FM",)),
        ("Tariq Aziz", False, ("TA",)), ("Mary Njeri Mwangi", False, ("Treasurer",))]


def test_a_task_in_the_present_tense_after_a_named_owner() -> None:
    body = ("- **Present:** Léa Garnier (LG), Bea Santos (BS), Bjarne Holm\n\n## Reports\n\n"
            "**Verdict:** needs info.\n→ LG asks the reporter for the version and the config.\n\n"
            "- BS updates SECURITY.md and the security page.\n"
            "- BjarneH merges governance#58 and announces the change on the blog.\n"
            "- Lakshmi thinks the parser has a second bug.\n- BS replies to the list.\n\n"
            "Everyone was in favour. Bjarne starts the vote thread today. Bjarne proposes a "
            "new date.\n")
    ext = extract(note(body, day=date(2026, 6, 30)))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Léa Garnier", "ask the reporter for the version and the config"),
        ("Bea Santos", "update SECURITY.md and the security page"),
        ("Bjarne Holm", "merge governance#58 and announces the change on the blog"),
        ("Bea Santos", "reply to the list"), ("Bjarne Holm", "start the vote thread today")]


@pytest.mark.parametrize("sentence", [
    "The SC has provisionally accepted WEP 640.",
    "The committee rejected the proposal to move the meeting.",
    "The PMC has approved the new release manager."])
def test_a_body_accepting_or_rejecting_is_a_decision(sentence: str) -> None:
    assert [d.text for d in extract(note(f"{sentence}\n")).decisions] == [sentence]


def test_the_items_after_a_paragraph_saying_what_was_agreed_are_the_decisions() -> None:
    body = ("Attendees: Hugo Lefebvre, Mwangi Kariuki\n\n## Release\n\n"
            "**Consensus on the call** (to be confirmed on dev@):\n"
            "- RC1 is cut only after QUILL-2231 is merged.\n- 3.2 drops Java 8.\n\n"
            "We agreed on the following:\n- the site moves to a static generator\n\n"
            "Other news.\n\n- the CMS licence ends in May\n")
    ext = extract(note(body, day=date(2024, 1, 17)))
    assert [d.text for d in ext.decisions] == [
        "RC1 is cut only after QUILL-2231 is merged.", "3.2 drops Java 8.",
        "the site moves to a static generator"]
    assert [p.name for p in ext.attendees] == ["Hugo Lefebvre", "Mwangi Kariuki"]


def test_a_sign_in_sheet_of_name_affiliation_and_handle() -> None:
    body = ("## Sign-in 🖊️\nName / affiliation / GitHub — add yourself\n\n"
            "- Maja Lindholm / Lund University / @majal\n"
            "- Lise Aarøe / Norwegian Mapping Cooperative / @laaroe (first call, hi 👋)\n\n"
            "## Release\n\n- [ ] @majal cut rc1 once #1873 is merged\n")
    ext = extract(note(body, day=date(2026, 9, 16)))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Maja Lindholm", ("majal",)), ("Lise Aarøe", ("laaroe",))]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Maja Lindholm", "cut rc1 once #1873 is merged")]


def test_a_marked_decision_to_approve_the_minutes_is_procedural() -> None:
    body = ("DECISION 7.2: The minutes of meeting 6 (17 January 2023) were approved as "
            "circulated.\n\nDECISION 7.3: Fare capping is out of scope for 1.0.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Fare capping is out of scope for 1.0."]


def test_a_reply_that_only_agrees_is_not_a_decision_of_its_own() -> None:
    body = ("Rosa Delgado: So the WCAG ratio stays the default and APCA is an opt-in. "
            "Objections?\n\nMei Lin Tan: Agreed, in the output and in the docs.\n\n"
            "Tariq Aziz: Yes, agreed.\n\nRosa Delgado: Agreed to ship on Friday.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Rosa Delgado: Agreed to ship on Friday."]


def test_a_heading_that_names_the_kind_of_text_is_no_topic() -> None:
    body = ("## Transcript\n\nSomeone has to fix that before the v3 cutoff.\n")
    ext = extract(note(body))
    assert [(a.owner, a.task) for a in ext.actions] == [
        (None, "fix that before the v3 cutoff")]
    assert ext.topics == ()


def test_who_else_spoke_is_an_attendee_list() -> None:
    body = ("**Hosted by** @amara_n (Amara Nwosu) · **notes** @j.lindqvist\n"
            "**Also speaking:** @parisa (Parisa Moradi), @cvaldez (Carlos Valdez)\n\n"
            "### Release\n\n@cvaldez will publish the migration guide.\n")
    ext = extract(note(body, day=date(2025, 6, 26)))
    assert [p.name for p in ext.attendees] == ["Parisa Moradi", "Carlos Valdez"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Carlos Valdez", "publish the migration guide")]


def test_a_rank_before_a_surname_names_the_officer() -> None:
    roster = Roster(parse_attendee_text(
        "Chief Dale Horvath; Deputy Chief Ines Varga; Capt. Roy Abernathy"), [], lambda: "")
    assert [roster.resolve(n) for n in ("Deputy Varga", "Capt. Abernathy", "Chief Horvath")] == [
        "Ines Varga", "Roy Abernathy", "Dale Horvath"]


def test_a_roster_table_handle_column_and_common_diminutives_name_the_owner() -> None:
    body = ("## Attendees\n\n| Name | GitHub | Affiliation |\n|---|---|---|\n"
            "| Katarzyna Nowak | @knowak | maintainer |\n"
            "| Declan Moore | @dmoore-dev | first call |\n\n## Notes\n\n"
            "Kasia will review it tomorrow. @dmoore-dev to attach a minimal "
            "reproduction.\n")
    ext = extract(note(body, day=date(2024, 2, 20)))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Katarzyna Nowak", ("knowak",)), ("Declan Moore", ("dmoore-dev",))]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Katarzyna Nowak", "review it tomorrow"),
        ("Declan Moore", "attach a minimal reproduction")]


def test_a_discussion_about_whether_something_should_be_done_is_no_task() -> None:
    body = ("**Incident review format.** Short discussion about whether post-incident reviews "
            "should be written within 48 hours.\n\nThe runbook should be updated by Friday.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        (None, "The runbook should be updated by Friday")]


def test_an_action_items_list_restating_the_discussion_counts_each_task_once() -> None:
    body = ("Attendees: Lena Hoffmann, Arjun Pillai\n\n## Notes\n\nArjun will pause the 19 legacy "
            "DAGs and announce when they get deleted.\n\n## Action items\n\n"
            "- [ ] Pause the 19 legacy DAGs and announce the deletion date (Arjun)\n"
            "- [ ] Update the on-call handbook (Lena)\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Arjun Pillai", "pause the 19 legacy DAGs and announce when they get deleted"),
        ("Lena Hoffmann", "Update the on-call handbook")]


def test_a_whos_here_list_of_handles_names_the_owners_of_handle_tasks() -> None:
    body = ("## 👋 Who's here (add yourself)\n\n- Juniper Hale (@juni)\n"
            "- Beatriz Nunes (@bia) — 1st call!\n- Marcus Feld (@mfeld)\n\n## Data\n\n"
            "- We need to credit the council somewhere → @juni adds an attribution line.\n\n"
            "## Todos\n\n- [ ] @mfeld + @bia fix README docker steps for ARM Macs\n"
            "- [ ] ??? label good-first-issues\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Juniper Hale", "Beatriz Nunes", "Marcus Feld"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Juniper Hale", "add an attribution line"),
        ("Marcus Feld, Beatriz Nunes", "fix README docker steps for ARM Macs"),
        (None, "label good-first-issues")]


def test_a_handle_list_with_names_after_a_dash_maps_each_handle() -> None:
    people = parse_attendee_text("@oadewale — Oyelaran Adewale\n@peterz — Peter Zwolinski "
                                 "(PeterZ in chat)")
    assert [(p.name, p.aliases) for p in people] == [
        ("Oyelaran Adewale", ("oadewale",)), ("Peter Zwolinski", ("peterz",))]


def test_name_chips_run_together_past_sixty_characters_are_still_read_as_pairs() -> None:
    people = parse_attendee_text("Rosa Lindqvist Tunde Afolabi Mei Chen Grzegorz Wiśniewski "
                                 "Amara Diallo Nils Brekke")
    assert len(people) == 6 and people[3].name == "Grzegorz Wiśniewski"
    roster = Roster(people, [], lambda: "")
    assert roster.resolve("Greg") == "Grzegorz Wiśniewski"


def test_a_container_fence_and_bold_across_lines_leave_no_markup_in_a_decision() -> None:
    body = (":::success\n**Decided:** winter sprint on 7–8 Dec, online.\n:::\n\n"
            "- After some discussion the call agreed: **4.0 ships on 15 September, without\n"
            "  strict mode.** The flag stays in main.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "winter sprint on 7–8 Dec, online.",
        "After some discussion the call agreed: 4.0 ships on 15 September, without strict mode."]


def test_asking_whether_is_a_question_and_a_legend_in_columns_names_each_initial() -> None:
    body = ("  YH = Yusuf Hassan                     KB = Kezia Boateng\n\n"
            "Attendees: Dariusz Zielinski (@darekz), Yusuf, Kezia\n\n"
            "- @darekz asks whether we should have a #help channel.\n"
            "- water butts: need 2 more → YH asks at Pardoe's for 2 old barrels\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Yusuf Hassan", "ask at Pardoe's for 2 old barrels")]


def test_a_marker_in_brackets_is_a_reference_and_nicks_lead_a_marked_action() -> None:
    body = ("## Attendees\n\n- Thomas Grenier (ThomasG)\n- Hiroshi Tanabe (hiro)\n"
            "- Luca Ferrante (lferrante)\n\n## Notes\n\n"
            "ACTION 37.5: ThomasG and hiro to investigate the flake together (hiro volunteered,\n"
            "ThomasG will pair with him).\n\n"
            "ACTION 37.6: lferrante to write up the MSRV policy (replaces\nACTION 36.4).\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Thomas Grenier, Hiroshi Tanabe", "investigate the flake together (hiro volunteered, "
                                           "ThomasG will pair with him)"),
        ("Luca Ferrante", "write up the MSRV policy (replaces ACTION 36.4)")]


def test_a_lower_case_nick_in_brackets_is_an_alias_only_when_made_from_the_name() -> None:
    people = parse_attendee_text("Hiroshi Tanabe (hiro), Ana Lima (remote), "
                                 "Richard (mort) Mortier (secretary)")
    assert [(p.name, p.aliases) for p in people] == [
        ("Hiroshi Tanabe", ("hiro",)), ("Ana Lima", ()),
        ("Richard Mortier", ("mort", "Secretary"))]  # (the office is kept beside the nick)


def test_a_header_label_that_lists_no_one_ends_the_attendee_list() -> None:
    body = ("**Date:** 12 May 2026\n**Attendees:** Gabriel Ortiz, Marta Ruiz (QA)\n"
            "**Board:** PAY sprint 41 → 42\n\n## Notes\n\nMarta will update the QA checklist.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Gabriel Ortiz", "Marta Ruiz"]
    assert [a.owner for a in ext.actions] == ["Marta Ruiz"]


def test_a_closing_action_list_abbreviating_a_persons_task_counts_it_once() -> None:
    body = ("**Present:** Joon-ho Park, Esther Mbeki\n\n## Mirrors\n\n"
            "- Joon-ho will write to the mirror admins' list to explain the new rule before it "
            "goes live.\n\n## Action Items\n\n"
            "- **Joon-ho** — email the mirror admins about the 24 h rule\n"
            "- **Esther** — sign the backup contract\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Joon-ho Park", "write to the mirror admins' list to explain the new rule before it "
                         "goes live"),
        ("Esther Mbeki", "sign the backup contract")]


def test_a_closing_list_that_says_more_than_the_sentence_gives_the_tasks_words() -> None:
    body = ("Attendees: Greta Holm, Ivo Sand, Pia Lund\n\n## Autumn fair\n\n"
            "Greta will book the upstairs hall for the 3rd and 4th. Ivo will order the banners.\n\n"
            "## Rota\n\nPia will ask again on the forum.\n\n## Action items\n\n"
            "- Greta: book the upstairs hall on Mill Lane for 3–4 October\n"
            "- Ivo: banners and flyers; the float\n"
            "- Pia: ask on the forum for stall volunteers\n")
    assert owned(body) == [
        ("Greta Holm", "book the upstairs hall on Mill Lane for 3–4 October"),
        ("Ivo Sand", "order the banners"),
        ("Pia Lund", "ask on the forum for stall volunteers"),
        ("Ivo Sand", "banners and flyers; the float")]


def test_a_proposal_put_to_the_call_is_the_decision_a_later_decided_then_settles() -> None:
    body = ("Participants: Noor Haddad, Chiara Lombardi, yuki-n (she/her)\n\n"
            "Noor Haddad  26:16\nOkay. So proposal: in three point oh, the v1 plugin API is "
            "declared stable. Objections?\n\n"
            "Chiara Lombardi  28:00\nNone from me. I can do the startup validation once the "
            "schema exists.\n\n"
            "Noor Haddad  28:24\nDecided then. And the RC?\n\n"
            "yuki-n (she/her)  29:52\nI'll cut it on Thursday.\n\n"
            "Noor Haddad  30:10\nSo RC one on Thursday, the final on the nineteenth. Decided.\n")
    ext = extract(note(body, fmt="text"))
    assert [(d.text, d.rule) for d in ext.decisions] == [
        ("in three point oh, the v1 plugin API is declared stable", "settled"),
        ("RC one on Thursday, the final on the nineteenth", "settled")]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Chiara Lombardi", "do the startup validation once the schema exists"),
        ("yuki-n", "cut it on Thursday (And the RC?)")]


def test_one_attendee_a_line_with_a_role_after_a_dash_may_have_a_comma_in_the_role() -> None:
    people = parse_attendee_text('  Ines Barros - captain\n  Paul Kerr ("Kerrsy") - secretary, '
                                 'taking notes\n  Ada Obi - treasurer')
    assert [(p.name, p.aliases) for p in people] == [
        ("Ines Barros", ()), ("Paul Kerr", ("Kerrsy", "secretary")), ("Ada Obi", ("treasurer",))]


def test_a_list_item_of_one_person_keeps_its_role_whole_and_its_initials_and_chair() -> None:
    def people(item: str) -> list[tuple[str, tuple[str, ...], bool]]:
        return [(p.name, p.aliases, p.chair) for p in parse_attendee_text(item)]

    assert people("Tomasz Bielski -- licensing and SDK (TB)") == [
        ("Tomasz Bielski", ("TB",), False)]
    assert people("Greet Janssens — QA and Docs") == [("Greet Janssens", (), False)]
    assert people("Aino Virtanen -- release manager, notes (AV)") == [
        ("Aino Virtanen", ("AV",), False)]
    assert people("Aino Virtanen (AV) — UPW, WP3 lead, chair") == [("Aino Virtanen", ("AV",), True)]
    # (a team before the dash, or a second person after it, is not one person's role)
    assert [p[0] for p in people("Ann Lee - chair, Bo Chen - secretary")] == ["Ann Lee", "Bo Chen"]


def test_a_capitals_label_with_a_date_in_brackets_ends_the_review_above_it() -> None:
    body = ("Present:\n  Ines Barros - captain\n  Paul Kerr (\"Kerrsy\") - secretary\n\n"
            "LAST TIME\n- Kerrsy chased the council. Still waiting.\n\n"
            "GALA (Sat 14th June)\n - Ines will book the marquee.\n"
            " - Kerrsy is going to print the posters.\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Ines Barros", "book the marquee"), ("Paul Kerr", "print the posters")]


def test_an_in_attendance_line_after_a_wrapped_list_starts_a_new_name() -> None:
    body = ("Present:  Joan Kerr (Chair), Amir Said (Secretary),\n"
            "          Siobhan Dunne, Gareth Price\n"
            "In attendance:  Mr Daniel Hall (Headteacher), for item 4\n"
            "Apologies:  Ruth Ferris\n\n"
            "1. FAIR\nThe Chair and the Secretary will sign the mandate. Gareth will ask the "
            "caretaker.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Joan Kerr", "Amir Said", "Siobhan Dunne", "Gareth Price", "Daniel Hall"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Joan Kerr, Amir Said", "sign the mandate"), ("Gareth Price", "ask the caretaker")]


def test_a_statement_put_to_the_call_is_settled_by_the_askers_none_or_summary() -> None:
    body = ("Participants: Rana Aziz (host), Tom Ekberg, Lea Marx\n\n"
            "[00:01:00] Rana Aziz: Okay, so: pin the parser to 2.3 until the fix lands. "
            "Objections?\n\n"
            "[00:01:05] Rana Aziz: None. Next, the docs.\n\n"
            "[00:02:00] Rana Aziz: A separate repo for the plugins, with a nightly build. "
            "Does anyone disagree?\n\n"
            "[00:02:09] Lea Marx: No, with the nightly build I'm happy.\n\n"
            "[00:02:12] Rana Aziz: Good, decided.\n\n"
            "[00:03:00] Tom Ekberg: I'd say the beta on the 9th.\n\n"
            "[00:03:04] Rana Aziz: Does the 9th work for everyone?\n\n"
            "[00:03:06] Lea Marx: Works for me.\n\n"
            "[00:03:08] Rana Aziz: Great, so the beta ships on the 9th of May.\n\n"
            "[00:04:00] Rana Aziz: Should we move the call? Does that work for everyone?\n\n"
            "[00:04:05] Rana Aziz: Let's look at the budget first.\n\n"
            "[00:04:30] Rana Aziz: So the budget is fine for this quarter.\n")
    assert [(d.text, d.rule) for d in extract(note(body, fmt="text")).decisions] == [
        ("pin the parser to 2.3 until the fix lands", "settled"),
        ("A separate repo for the plugins, with a nightly build", "settled"),
        ("the beta ships on the 9th of May", "settled")]


def test_a_who_label_and_a_guest_label_list_the_attendees() -> None:
    body = ("**Date:** Thursday, 11 December 2025 · 14:00 GMT\n"
            "**Who:** Ellen Ash (PM), Raj Kale (EM, notes), Marco Ricci\n(backend)\n"
            "**Guest:** Oisín Kelly (customer success)\n\n## Actions\n\n"
            "- [ ] Oisín → send Marco the affected accounts\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Ellen Ash", "Raj Kale", "Marco Ricci",
                                               "Oisín Kelly"]
    assert [a.owner for a in ext.actions] == ["Oisín Kelly"]


def test_a_table_under_a_who_label_gives_a_name_a_row() -> None:
    body = ("**When:** Sat 28 March, on Discord\n**Who:**\n\n| Player | Plays | |\n|---|---|---|\n"
            "| Kemal Arslan | — | DM |\n"
            "| Laila Haddad | Corvo | bard |\n\n## Plans\n\n"
            "Laila needs to send her character sheet to Kemal before the session.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Kemal Arslan", "Laila Haddad"]
    assert [a.owner for a in ext.actions] == ["Laila Haddad"]


def test_prose_that_settles_without_the_usual_cue_words_is_a_decision() -> None:
    body = ("Final answer on the closure: the office is shut from 24 December.\n\n"
            "Grace approved the budget for three new laptops.\n\n"
            "Harvest is the way forward for time tracking.\n\n"
            "Going ahead with the party on Friday 19 December.\n\n"
            "We're dropping the Pentire site from the campaign.\n\n"
            "Everyone was happy to use the online booking system.\n\n"
            "So the plan is now: loyalty points move to sprint 42.\n\n"
            "I am happy to review it. It is, I checked yesterday.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Final answer on the closure: the office is shut from 24 December.",
        "Grace approved the budget for three new laptops.",
        "Harvest is the way forward for time tracking.",
        "Going ahead with the party on Friday 19 December.",
        "We're dropping the Pentire site from the campaign.",
        "Everyone was happy to use the online booking system.",
        "So the plan is now: loyalty points move to sprint 42."]


def test_a_question_that_says_what_it_puts_is_settled_by_the_askers_done() -> None:
    body = ("Priya Natesan   24:16\nAny objections to ramping the address form to fifty "
            "percent tomorrow?\n\n"
            "Gideon Wolfe   24:34\nNo.\n\n"
            "Rafael Mendes   24:56\nIt is, I checked yesterday.\n\n"
            "Priya Natesan   25:10\nDone. Rafa, you'll flip the flag in the morning?\n\n"
            "Gideon Wolfe   26:00\nSo, the proposal is we drop the old API in 3.0. Any objections?"
            "\n\nGideon Wolfe   26:20\n...\n\n"
            "Rafael Mendes   26:30\nNo.\n\n"
            "Gideon Wolfe   26:40\nOkay, done.\n")
    ext = extract(note(body, fmt="text"))
    assert [(d.text, d.rule) for d in ext.decisions] == [
        ("ramping the address form to fifty percent tomorrow", "settled"),
        ("we drop the old API in 3.0", "settled")]
    # no attendee list: the speakers of the turns are who came
    assert [p.name for p in ext.attendees] == ["Priya Natesan", "Gideon Wolfe", "Rafael Mendes"]


def test_a_meeting_tools_own_lines_are_not_section_titles() -> None:
    body = ("Checkout sync\nSeptember 24, 2024\n46m 51s\n\nPriya Natesan started transcription\n\n"
            "Priya Natesan   0:22\nSomeone should look at the flaky test.\n\n"
            "Gideon Wolfe   0:40\nI'll have a go at it.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        (None, "look at the flaky test"),
        ("Gideon Wolfe", "have a go at it (Someone should look at the flaky test)")]


def test_a_task_asked_of_someone_by_name_is_theirs_when_they_say_yes() -> None:
    body = ("Participants: Ayla Kaya (host), Pavel Horak, Felipe Duarte, Ama Osei, "
            "Rafael Mendes\n\n"
            "[00:05:36] Ayla Kaya: And Felipe, could you open an issue first with a sketch of "
            "the API?\n\n"
            "[00:05:43] Felipe Duarte: Yes, I'll write that up.\n\n"
            "[00:06:58] Ayla Kaya: Pavel, could you cut the 1.5.3 as well?\n\n"
            "[00:07:07] Pavel Horak: Yeah. Same day as rc1, why not.\n\n"
            "[00:08:00] Ayla Kaya: Ama, can you and Rafa pair on the error states?\n\n"
            "[00:08:09] Ama Osei: Sure.\n\n"
            "[00:09:00] Ayla Kaya: Felipe, could you also write the release notes?\n\n"
            "[00:09:05] Felipe Duarte: No, sorry, not this week.\n")
    assert [(a.owner, a.task, a.rule) for a in extract(note(body, fmt="text")).actions] == [
        ("Felipe Duarte", "open an issue first with a sketch of the API", "pronoun"),
        ("Pavel Horak", "cut the 1.5.3 as well", "taken-on"),
        ("Ama Osei, Rafael Mendes", "pair on the error states", "taken-on")]


def test_a_name_may_be_the_start_or_the_end_of_an_attendees_first_name() -> None:
    body = ("Attendees: William Smith, Rafael Mendes, Oluwaseun Adeyemi, Priti Shah\n\n"
            "Rafa will flip the flag. Priti asked whether the claim had gone in. Seun said it "
            "had not, and that he would submit it by the end of October.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Rafael Mendes", "flip the flag"),
        ("Oluwaseun Adeyemi", "submit it by the end of October (Priti asked whether the claim "
                              "had gone in)")]


def test_i_in_notes_without_speakers_is_whoever_took_the_notes() -> None:
    signed = ("Present:\n  Hamish Bell - captain\n  Fiona Carr (\"Fi\") - secretary, taking these "
              "notes\n\nSUBS\nThe rise was agreed.\n\n"
              "I'll type these up and put them on the noticeboard. - Fi\n")
    assert [(a.owner, a.task) for a in extract(note(signed, fmt="text")).actions] == [
        ("Fiona Carr", "type these up and put them on the noticeboard (SUBS; The rise was "
                       "agreed)")]
    marked = ("**Attendees:** Grace Whit (MD), Orla Kenny (office manager, notes)\n\n"
              "## Tracking\n\n- I'll write a one-page how-to for the team.\n")
    assert [(a.owner, a.task) for a in extract(note(marked)).actions] == [
        ("Orla Kenny", "write a one-page how-to for the team")]
    unsigned = "**Attendees:** Grace Whit, Orla Kenny\n\n- I'll write a how-to for the team.\n"
    assert extract(note(unsigned)).actions == ()


def test_a_task_done_with_someone_or_by_x_and_i_is_theirs_together() -> None:
    body = ("Present:  Helen Marsh (Chair), Graham Whit (Secretary), Becky Lowe, Tom Ash\n\n"
            "The Secretary will write the application together with the Chair. Becky will speak "
            "with Tom about the van. Tom will prepare the budget with Becky. Graham will replace "
            "the form with the new one.\n")
    assert [a.owner for a in extract(note(body, fmt="text")).actions] == [
        "Graham Whit, Helen Marsh", "Becky Lowe", "Tom Ash, Becky Lowe", "Graham Whit"]
    spoken = ("Participants: Hanne Solberg, Freya Mac\n\n"
              "[00:01:00] Hanne Solberg: Freya, will you write the process with me?\n\n"
              "[00:01:10] Freya Mac: Sure. Hanne and I can do a first draft next week.\n")
    assert [(a.owner, a.task) for a in extract(note(spoken, fmt="text")).actions] == [
        ("Hanne Solberg, Freya Mac", "do a first draft next week")]


def test_a_proposal_in_prose_is_what_a_later_nobody_objected_agrees_to() -> None:
    body = ("SUBS\n\nRobbo proposed a £5/month rise for full members from September. Juniors "
            "stay the same. Nobody objected, so that's agreed.\n\n"
            "POLICY\n\nPriti presented the revised policy, which now covers online lessons. "
            "There were no objections and the Board approved the revised policy.\n\n"
            "BOAT\n\nVote: Janousek 5, Empacher 1, Kofi abstained. So it's the Janousek, as long "
            "as Owen is happy with it.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "Robbo proposed a £5/month rise for full members from September. Juniors stay the same. "
        "Nobody objected, so that's agreed.",
        "Priti presented the revised policy, which now covers online lessons. There were no "
        "objections and the Board approved the revised policy.",
        "Janousek 5, Empacher 1, Kofi abstained. So it's the Janousek, as long as Owen is happy "
        "with it. (BOAT)"]


def test_an_attendee_with_a_nick_and_an_office_answers_to_both() -> None:
    people = parse_attendee_text('Devendra "Dev" Patel (Secretary), Jo Kinsella (Fixtures '
                                 'Secretary)')
    assert [(p.name, p.aliases) for p in people] == [
        ("Devendra Patel", ("Dev", "Secretary")), ("Jo Kinsella", ("Fixtures Secretary",))]
    body = ('Present: Geoff Marsh (Chair), Devendra "Dev" Patel (Secretary), Jo Kinsella '
            '(Fixtures Secretary)\n\nThe Secretary will circulate these minutes by the weekend. '
            'Dev will book the nets.\n')
    assert [a.owner for a in extract(note(body, fmt="text")).actions] == [
        "Devendra Patel", "Devendra Patel"]


def test_it_before_a_time_is_still_the_thing_talked_about() -> None:
    body = ("4. REPORT\n\nThe hedgehog isolation unit is full most days. Becky will order it "
            "this week.\n")
    assert [a.task for a in extract(note(body, fmt="text")).actions] == [
        "order it this week (The hedgehog isolation unit is full most days)"]


def test_guests_after_the_members_and_three_named_roles_under_any_label_are_attendees() -> None:
    body = ("**TSC members present:** Marguerite Oyel (moyel), Teodor Bal (tbal)\n\n"
            "**Guests:** Vikram Pill (vpill, release team)\n\n"
            "| # | Who | Action |\n|---|---|---|\n| 31.3 | vpill | Publish the schedule |\n")
    assert [a.owner for a in extract(note(body)).actions] == ["Vikram Pill"]
    lab = ("**8 July 2025**, seminar room\n\n**Lab:** Eszter Varg (PI), Priya Nata (postdoc), "
           "Tom Whit (PhD),\nHyun-woo Park (lab manager)\n\n**Away:** Lars Ek (fieldwork)\n\n"
           "## Chambers\n\nHyun-woo to order a replacement sensor. GN left the meeting at "
           "6.40pm.\n")
    ext = extract(note(lab))
    assert [p.name for p in ext.attendees] == ["Eszter Varg", "Priya Nata", "Tom Whit",
                                               "Hyun-woo Park"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Hyun-woo Park", "order a replacement sensor")]


def test_a_quoted_promise_is_the_quoted_persons_and_a_pic_field_names_the_owner() -> None:
    body = ('**Who:** Raj Kale (EM, notes), Oisin Kelly, Zoe Lam, Ngozi Eze\n\n## Dates\n\n'
            'Zoe asked who would update the article. Oisin: "I\'ll do it once it ships."\n\n'
            '- docs need a line about log_timezone (Ngozi: "I\'ll do that one")\n')
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Oisin Kelly", "do it once it ships (Dates; Zoe asked who would update the article)"),
        ("Ngozi Eze", "do that one (docs need a line about log_timezone)")]
    pic = ("Attendees: Ratna Dewi, Wulan Sari\n\n## Action items\n\n"
           "- Finalise the co-funding contracts — PIC: Ratna, deadline 6 Nov.\n"
           "- Key visual and banner 12.12 — PIC: Wulan, first draft 9 Nov.\n")
    assert [(a.owner, a.task) for a in extract(note(pic)).actions] == [
        ("Ratna Dewi", "Finalise the co-funding contracts"),
        ("Wulan Sari", "Key visual and banner 12.12")]


def test_numbered_action_points_and_bracketed_handles_name_their_owners() -> None:
    body = ("**Attendees:** Jens Sørensen (JSø), Emma Young (EY), Paulo Costa (PC)\n\n## Notes\n\n"
            "AP-14 (JSø, EY, PC): draft the deliverable report by 30 Nov.\n\n"
            "AI-generated content may be inaccurate.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Jens Sørensen, Emma Young, Paulo Costa", "draft the deliverable report by 30 Nov")]
    handles = ("| Name | GitHub |\n|---|---|\n| Kieran Walsh | @kwalsh-dev |\n"
               "| Nadia Rahimi | @nrahimi |\n\n## Actions\n\n- [@kwalsh-dev]: review #1420\n"
               "- [@kwalsh-dev, @nrahimi]: plan the sprint\n- [@someone-else]: fix CI\n")
    assert [(a.owner, a.task) for a in extract(note(handles)).actions] == [
        ("Kieran Walsh", "review #1420"), ("Kieran Walsh, Nadia Rahimi", "plan the sprint"),
        ("@someone-else", "fix CI")]


def test_one_persons_agreement_and_a_decision_only_mentioned_are_not_decisions() -> None:
    body = ("Bartek agreed that conflict resolution is the hard part.\n\n"
            "Dana will brief her on the offline decision.\n\n"
            "This has been discussed before but we still need to make a decision.\n\n"
            "We agreed that reports go to a private list.\n\n"
            "The board agreed that the fee stays at £5.\n\n"
            "Decision: the AGM moves to March.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "We agreed that reports go to a private list.",
        "The board agreed that the fee stays at £5.", "the AGM moves to March."]


def test_next_month_for_a_group_that_meets_on_a_weekday_of_the_month_is_that_day() -> None:
    body = ("Monthly, first Wednesday of the month, 16:00 UTC.\n\n## Notes\n\n"
            "Next: same time next month.\n")
    assert extract(note(body, day=date(2025, 11, 5))).next_call.date == date(2025, 12, 3)
    plain = "## Notes\n\nNext: same time next month.\n"
    assert extract(note(plain, day=date(2025, 11, 5))).next_call.date == date(2025, 12, 5)


def test_an_owner_slot_in_brackets_that_names_nobody_is_not_part_of_the_task() -> None:
    body = ("## Action items\n\n- [ ] (unassigned) — VS Code extension update for v4\n"
            "- [?]: invigilate the catch-up, Thu 27th P2\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        (None, "VS Code extension update for v4"), (None, "invigilate the catch-up, Thu 27th P2")]


def test_a_second_person_named_as_well_shares_the_task() -> None:
    body = ("Attendees: Kenji Arakawa, Zainab Yusuf, Owen Gall\n\n## Actions\n\n"
            "- Kenji offered to review -05 in detail; Zainab as well.\n"
            "- Owen will fix the build, and the docs too.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Kenji Arakawa, Zainab Yusuf", "review -05 in detail"),
        ("Owen Gall", "fix the build, and the docs too")]


def test_a_preference_is_not_a_task() -> None:
    body = ("Attendees: Marcus Boateng\n\nMarcus said numbers are strong. He would prefer to "
            "split the under-11s into two groups. He'd rather keep Fridays.\n")
    assert extract(note(body)).actions == ()


def test_a_short_task_said_again_in_fuller_words_is_one_task_in_those_words() -> None:
    body = ("| Name | GitHub |\n|---|---|\n| Kieran Walsh | @kwalsh-dev |\n"
            "| Sun Lim | @sunlim |\n\n## Notes\n\n"
            "@kwalsh-dev will review #1420 tomorrow. Sun writes the guide.\n\n"
            "(The 16th is skipped because of the board meeting.)\n\n"
            "## Action items\n\n- [ ] @kwalsh-dev review #1420\n"
            "- [ ] @sunlim write the \"reattach detached instances\" guide\n\n"
            "IRC log: `meetings/2024-04-09.log.html`\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Kieran Walsh", "review #1420 tomorrow"),
        ("Sun Lim", "write the \"reattach detached instances\" guide")]


def test_me_and_someone_is_the_speaker_and_them() -> None:
    body = ("Participants: Ana Ruiz, Joon-ho Park\n\n"
            "[00:01:00] Ana Ruiz: Me and Joon-ho will go up Friday at dusk and test the lamp.\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Ana Ruiz, Joon-ho Park", "go up Friday at dusk and test the lamp")]


def test_a_chat_name_before_the_full_name_it_stands_for_is_that_person() -> None:
    body = ("**On the call:** LenaK (Lena Kowalczyk, chair), TomasR (Tomás Reyes,\n"
            "treasurer), Bea (Beatriz Ortega), OD (Oskar Dahl)\n\n"
            "- LenaK will book the hall.\n- TomasR to pay the deposit.\n"
            "- OD to print the badges.\n")
    ext = extract(note(body))
    assert [(p.name, p.chair) for p in ext.attendees] == [
        ("Lena Kowalczyk", True), ("Tomás Reyes", False), ("Beatriz Ortega", False),
        ("Oskar Dahl", False)]
    assert [a.owner for a in ext.actions] == ["Lena Kowalczyk", "Tomás Reyes", "Oskar Dahl"]


def test_a_word_before_a_bracketed_name_it_is_not_made_from_stays_apart() -> None:
    body = ("Present: Mira Sand (Board), Ifeoma Obi (Obi Fenn Partnership)\n\n"
            "Mira will send the minutes.\n")
    assert [p.name for p in extract(note(body)).attendees] == ["Mira Sand", "Ifeoma Obi"]


def test_a_code_in_a_registers_last_column_is_an_alias_when_one_person_has_it() -> None:
    body = ("Present:\n"
            "  Petra Lund        Lund Design, Architect                 LD\n"
            "  Omar Haddad       Haddad Build, Site Manager             HB\n"
            "  Sean Ryan         Haddad Build, Contracts Manager        HB\n\n"
            "LD to issue the revised door schedule.\nHB to send the revised programme.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == ["Petra Lund", "Omar Haddad", "Sean Ryan"]
    assert [a.owner for a in ext.actions] == ["Petra Lund", "HB"]  # two people have HB


def test_a_who_column_of_a_triage_table_is_not_an_attendee_list() -> None:
    text = ("---\nattendees:\n  - Ilse Brandvold\n  - Tariq Osei-Bonsu\n---\n\n"
            "| Issue | Title | Verdict | Who |\n|---|---|---|---|\n"
            "| #88 | Leak on reload | IN | Ilse |\n| #91 | Docs | OUT | — |\n\n"
            "Ilse will add a regression test.\n")
    ext = extract(parse_note(NoteFile("2025-03-04-triage.md", text.encode())))
    assert [p.name for p in ext.attendees] == ["Ilse Brandvold", "Tariq Osei-Bonsu"]
    assert [(a.owner, a.task) for a in ext.actions] == [  # (#91 is left out of the release)
        ("Ilse Brandvold", "Leak on reload"), ("Ilse Brandvold", "add a regression test")]


def test_a_named_person_and_a_verb_in_the_present_under_an_actions_heading_is_their_task() -> None:
    body = ("Hosted by Wren Adair. Panel: Josefa Lindqvist (tool share), Kwabena Mensah.\n\n"
            "## Who's doing what\n\n- Josefa orders the new padlocks before the workday\n"
            "- Cek kapasitas gudang sebelum acara\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Josefa Lindqvist", "orders the new padlocks before the workday"),
        (None, "Cek kapasitas gudang sebelum acara")]


def test_a_zoom_transcript_names_its_speakers_in_brackets_before_the_time() -> None:
    body = ("Participants: Ilka Brandt (host), Conrad Okafor, Dorota Kwiatek\n\n"
            "[Ilka Brandt] 19:02:10\nCon, can you book the room for July since you know the"
            " caretaker?\n\n"
            "[Conrad Okafor] 19:02:31\nWill do. I'll copy Dorota in on the invoice.\n\n"
            "[Ilka Brandt] 19:03:05\nConrad and Dorota, can you two redo the sign-up form?\n\n"
            "[Dorota Kwiatek] 19:03:20\nYep.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task, a.rule) for a in ext.actions] == [
        ("Conrad Okafor", "copy Dorota in on the invoice", "pronoun"),
        ("Conrad Okafor", "book the room for July since you know the caretaker", "taken-on"),
        ("Conrad Okafor, Dorota Kwiatek", "redo the sign-up form", "taken-on")]


def test_a_motion_with_mover_seconder_and_vote_on_lines_of_their_own_is_one_decision() -> None:
    body = ("MOTION: To approve the agenda and the minutes of the March meeting.\n"
            "Moved: Okafor. Seconded: Lind. Carried unanimously.\n\n"
            "MOTION: To raise the tutor stipend to $25 an hour from July.\n"
            "Moved: Lind. Seconded: Baptiste.\n"
            "Vote: 5 in favor, 1 opposed (Okafor). Motion carried.\n\n"
            "MOTION: To nominate the candidate for election at the annual meeting.\n"
            "After discussion, the motion was tabled until May.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "raise the tutor stipend to $25 an hour from July (carried)"]


def test_a_people_heading_lists_who_came_and_their_first_name_handles_resolve() -> None:
    body = ("**People**\n\n- Halima Quist — product manager\n- Bruno Feld — iOS\n\n"
            "## Next steps\n\n- @Halima — check the retention period with compliance\n"
            "- @Bruno + @Halima — deep-link handoff from the verification email\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Halima Quist", "Bruno Feld"]
    assert [a.owner for a in ext.actions] == ["Halima Quist", "Bruno Feld, Halima Quist"]


def test_help_from_someone_shares_a_task_and_sharing_a_result_with_them_does_not() -> None:
    body = ("Attendees: Kwame Aboagye, Tobias Lind, Ben Achter (\"Benji\"), Gus Almada, "
            "Amara Oke, Rosa Dell\n\n"
            "Kwame offered to take #1207, with help from Tobias since it touches the C code.\n\n"
            "Gus will pair with Benji on the deep-link handoff.\n\n"
            "Amara will draft the report and share it with Rosa next week.\n")
    assert [a.owner for a in extract(note(body)).actions] == [
        "Kwame Aboagye, Tobias Lind", "Gus Almada, Ben Achter", "Amara Oke"]


def test_an_office_after_a_comma_is_the_persons_and_a_bracketed_remark_ends_a_label() -> None:
    body = ("Directors present: Harald Jenner (President), Dana Quill (Treasurer), Amara Nwe,\n"
            "Philippa Grade\nDirectors absent (excused): Rosa Dell\n"
            "Staff present: Lorna Bapst, Executive Director (ED)\n\n"
            "The ED will bring a proposal for a second site to the January meeting.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Harald Jenner", "Dana Quill", "Amara Nwe", "Philippa Grade", "Lorna Bapst"]
    assert [a.owner for a in ext.actions] == ["Lorna Bapst"]


def test_a_trackers_title_column_with_an_assignee_is_a_task_unless_it_is_done_or_reviewed() -> None:
    body = ("Attendees: Gus Almada, Mira Dumas, Ben Achter\n\n"
            "## Last cycle\n\n| Issue | Title | Assignee | Status |\n|---|---|---|---|\n"
            "| KY-398 | Address lookup v2 | Mira | Done |\n\n"
            "## This cycle\n\n| Issue | Title | Assignee | Est |\n|---|---|---|---|\n"
            "| KY-421 | NFC chip read on iOS | @Gus | 5 |\n"
            "| KY-430 | Analytics events for the NFC step | *Unassigned* | 2 |\n\n"
            "## Reviews\n\n| PR | Title | Reviewer |\n|---|---|---|\n"
            "| #210 | Speed up decompression | Ben |\n")
    assert owners_tasks(body) == [("Gus Almada", "NFC chip read on iOS"),
                                  (None, "Analytics events for the NFC step"),
                                  ("Ben Achter", "review #210 Speed up decompression")]


def test_a_role_after_a_dash_ending_in_its_acronym_and_an_office_in_brackets_name_holders() -> None:
    body = ("**Members present**\n\n- Dr Yasmin Hadley — Departmental Safety Officer (DSO)\n"
            "- Gwen Pike — Technical Services Manager (TSM)\n\n"
            "**In attendance:** Rhona Tavish (School Administrator, Secretary to the committee),"
            " Richard (rich) Morten (clerk and finance officer)\n\n"
            "The DSO will circulate the labelling rule to all group leaders.\n\n"
            "The Secretary was asked to set up a booking page for the training.\n\n"
            "The Clerk will write to both groups to confirm the grants.\n")
    ext = extract(note(body))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Yasmin Hadley", ("DSO", "Departmental Safety Officer")),
        ("Gwen Pike", ("TSM", "Technical Services Manager")),
        ("Rhona Tavish", ("Secretary", "School Administrator")),
        ("Richard Morten", ("rich", "Clerk"))]
    assert [a.owner for a in ext.actions] == ["Yasmin Hadley", "Rhona Tavish", "Richard Morten"]


def test_chairs_presenters_panels_and_slashed_guest_labels_name_who_came() -> None:
    body = ("**Chairs:** Ingrid Solvik (IS), Marcus Oyelade (MO)\n"
            "**Presenting:** Maya Ferro (ADR-0047)\n"
            "**Crit panel:** Aroha Ngati (research), Bilal Chowdry (PM)\n"
            "**RFC authors / guests:** Siddharth Rau (Logistics Core, RFC-041)\n\n"
            "- IS + MO — email the reviewers who are behind\n"
            "- Siddharth to update RFC-041 with the migration phases\n")
    ext = extract(note(body))
    assert [(p.name, p.chair, p.aliases) for p in ext.attendees] == [
        ("Maya Ferro", False, ()), ("Aroha Ngati", False, ()), ("Bilal Chowdry", False, ("PM",)),
        ("Siddharth Rau", False, ()), ("Ingrid Solvik", True, ("IS",)),
        ("Marcus Oyelade", True, ("MO",))]
    assert [a.owner for a in ext.actions][-1] == "Siddharth Rau"


def test_a_chair_line_of_a_listed_attendee_adds_no_one() -> None:
    body = ("Chair:    Mr Tobias Achter, Consultant Colorectal Surgeon, Governance Lead\n\n"
            "Present:  Tobias Achter (Chair), Helen Odu, Rafael Castel\n")
    assert [p.name for p in extract(note(body, fmt="text")).attendees] == [
        "Tobias Achter", "Helen Odu", "Rafael Castel"]


def test_a_column_of_initials_before_the_names_gives_each_their_initials() -> None:
    body = ("Present:\n  AK  Amira Khalil - team lead (Band 8a)\n"
            "  JT  Jonah Threlfall - Band 7, clinical specialist\n"
            "  PV  Dr Priti Verma - GPwSI MSK (first 15 min only)\n"
            "Off: Kerry Doyle (annual leave)\n\n"
            "AK to find out from HR whether the Saturday clinics can run.\n"
            "JT asked PV to remind the practice leads.\n")
    ext = extract(note(body, fmt="text"))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Amira Khalil", ("AK",)), ("Jonah Threlfall", ("JT",)), ("Priti Verma", ("PV",))]
    assert [a.owner for a in ext.actions] == ["Amira Khalil", "Priti Verma"]


def test_a_handle_opening_a_sentence_is_who_the_next_pronoun_means() -> None:
    body = ("**Present:** @tessj (Tessa Jovan), @r-dela (Rémi Delacour — first time, welcome!)\n\n"
            "Small fix, the flag is read too late. @r-dela said he'd like to take it, so it's "
            "assigned to him. He'll ping Tessa if he gets stuck.\n")
    ext = extract(note(body))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Tessa Jovan", ("tessj",)), ("Rémi Delacour", ("r-dela",))]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Rémi Delacour", "ping Tessa if he gets stuck")]


def test_the_chairman_is_the_attendee_marked_as_chair() -> None:
    body = ("PRESENT:  Cllr Patricia Greenhill (Chairman), Cllr Dennis Okafor, Cllr Aisha Rahim\n"
            "IN ATTENDANCE:  Mrs Joanne Pyke (Clerk)\n\n"
            "The Chairman, Cllr Okafor and the Clerk will meet in October to prepare the budget.\n")
    assert [a.owner for a in extract(note(body, fmt="text")).actions] == [
        "Patricia Greenhill, Dennis Okafor, Joanne Pyke"]


def test_lettered_sub_items_of_minutes_are_items_not_one_paragraph() -> None:
    body = ("24/12 PLANNING\n"
            "    (a) 24/00417/HH — garden room, 9 Quarry Lane.\n"
            "        RESOLVED: that the Council makes no objection to application 24/00417/HH.\n"
            "    (b) 24/00452/FUL — three houses on land off Well Street.\n"
            "        It was resolved to object to application 24/00452/FUL on flood risk grounds.\n"
            "\nWe can (1) gather the comments first and\n(2) agree a reply next month.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "that the Council makes no objection to application 24/00417/HH.",
        "It was resolved to object to application 24/00452/FUL on flood risk grounds."]
    # "(2)" after an unfinished line goes on the sentence: it is no item
    assert [b.kind for b in scan(body, plain_text=True).blocks][-1:] == ["para"]


def test_approving_the_minutes_is_procedural_even_as_a_resolution() -> None:
    body = ("RESOLVED: that the minutes of the meeting held on 9 May 2024 be approved as a correct "
            "record and signed by the Chairman.\n\n"
            "RESOLVED: that a grant of £250 be awarded to the Youth Club.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "that a grant of £250 be awarded to the Youth Club."]


def test_what_a_decisions_section_leaves_unsettled_is_no_decision() -> None:
    body = ("## Decisions\n\n"
            "- RFC-12 accepted: the export job moves to the queue service.\n\n"
            "RFC-15 deferred (no decision).\n\n"
            "## Notes\n\n"
            "Members agreed the fence is rotten, but nobody could get a quote; the matter "
            "remains open.\n"
            "That changes what we just agreed about the refund object.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "RFC-12 accepted: the export job moves to the queue service."]


def test_a_vote_after_a_prose_proposal_decides_the_proposal() -> None:
    body = ("Dev said subs have to go up. He proposed subs go from £90 to £105 for next season.\n"
            "Vote: 7 for, 2 against (Ola, worried about cost). Carried.\n\n"
            "Cllr Ward proposed the purchase of a solar speed sign, seconded by Cllr Hale. On a "
            "vote, 5 in favour and 1 against, the motion carried.\n"
            "RESOLVED: that the Council buy a solar speed sign at £2,900 from reserves.\n")
    assert [(d.text, d.rule) for d in extract(note(body, fmt="text")).decisions] == [
        ("subs go from £90 to £105 for next season (carried)", "motion"),
        # the resolution says in full what the vote just before it carried
        ("that the Council buy a solar speed sign at £2,900 from reserves.", "marker")]


def test_a_chosen_option_says_what_the_option_is() -> None:
    body = ("## Kit\n\n"
            "  Option A - stay with Sportline, bulk orders twice a year\n"
            "  Option B - move to ShirtHub, parents order online and pay directly\n\n"
            "Final call from Dee: we're going with option B.\n\n"
            "## Loader\n\n"
            "The PR lists two options: (a) keep the parser as-is, (b) use the strict schema and "
            "keep our own date handling. Tess said (a) breaks old dates. Option (b) it is.\n\n"
            "## Flaky tests\n\nOptions:\n\n1. delete them;\n2. quarantine them in a nightly job "
            "and fix them\n   next sprint;\n\nKai said deleting hides a race. We're going with"
            " option 2.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Final call from Dee: we're going with option B. (option B: move to ShirtHub, parents "
        "order online and pay directly)",
        "Tess said (a) breaks old dates. Option (b) it is. (option b: use the strict schema and "
        "keep our own date handling)",
        "Kai said deleting hides a race. We're going with option 2. (option 2: quarantine them in "
        "a nightly job and fix them next sprint)"]


def test_a_vote_in_a_later_paragraph_settles_the_proposal_before_it() -> None:
    body = ("The CEO proposed creating a second post of kiln technician. Seconded by Ana Ruiz.\n\n"
            "The motion was carried, 3 in favour and 1 against.\n\n"
            "Colin put forward renting a second freezer for £12 a month. Amara said the general "
            "fund covers it. No objections, so approved.\n\n"
            "Maja proposed a merge freeze over the holidays.\n\n"
            "The macOS jobs have failed on 6 of the last 20 runs.\n")  # (no vote)
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "creating a second post of kiln technician (carried)",
        "Colin put forward renting a second freezer for £12 a month. Amara said the general fund "
        "covers it. No objections, so approved."]


def test_decisions_left_for_later_or_taken_before_are_not_this_meetings() -> None:
    body = ("It was agreed to leave this decision until the June meeting.\n"
            "Last month we agreed to try the new sign-in sheet.\n"
            "Stan says the drivers could manage Mondays, but nothing's been agreed.\n"
            "I agreed to hand over the minute books to Priya by the end of May.\n"
            "We agreed to open on Tuesday 23rd December.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "We agreed to open on Tuesday 23rd December."]


def owned(body: str, fmt: str = "markdown") -> list[tuple[str | None, str]]:
    return [(a.owner, a.task) for a in extract(note(body, fmt=fmt)).actions]


def test_a_stand_up_reads_each_persons_plan_as_their_tasks() -> None:
    body = ("🗓️ **Mon 3 Mar 2025** · 10:00\n"
            "👥 **Team:** Mara Quist (lead) · Bo Lindahl (notes today) · Ceri\n"
            "Vance · Dov Amsel\n\n"
            "**Mara** (in the office):\n"
            "- Today: 1:1s all day.\n"
            "- Next: I'll send the hiring plan to finance by Friday.\n\n"
            "**Ceri** (remote, joined late):\n"
            "- Today: on call until noon. Handing over to Dov, then sleep.\n"
            "- Next: write the backfill script, then book a slot with the DBAs. Then update the "
            "runbook.\n\n"
            "**Dov** (remote):\n"
            "- Today: they're mostly done.\n"
            "- Next: once the tests pass, I'll also tag the release.\n\n"
            "Kept going after: Mara said she'd think about it.\n\n"
            "_— Bo_\n")
    ex = extract(note(body))
    assert [p.name for p in ex.attendees] == ["Mara Quist", "Bo Lindahl", "Ceri Vance",
                                              "Dov Amsel"]
    assert owned(body) == [
        ("Mara Quist", "send the hiring plan to finance by Friday"),
        ("Ceri Vance", "write the backfill script"),
        ("Ceri Vance", "book a slot with the DBAs"),
        ("Ceri Vance", "update the runbook"),
        ("Dov Amsel", "tag the release")]


def test_me_in_notes_is_whoever_takes_them() -> None:
    header = ("**Present:** Ines Roth (chair); Olu Bamidele; Kit Farrow (Office Manager,\n"
              "minutes)\n\n")
    body = ("Ines asked me to book the hall for June.\n"
            "I agreed to hand over the keys to Olu by Friday.\n")
    assert owned(header + body) == [("Kit Farrow", "book the hall for June"),
                                    ("Kit Farrow", "hand over the keys to Olu by Friday")]
    signed = "Present: Ines Roth, Olu Bamidele, Kit Farrow\n\n" + body + "\n_Notes: Kit_\n"
    assert [owner for owner, _ in owned(signed)] == ["Kit Farrow", "Kit Farrow"]


def test_offices_in_the_attendee_list_name_people() -> None:
    body = ("PRESENT:\n"
            "  Ruth Abara        Chief Executive (CEO)\n"
            "  Lee Tran          Finance Director (FD)\n"
            "  Sol Petit         Company Secretary\n"
            "  Oluwaseun Bello (@seun-b, \"Seun\")\n"
            "  PCSO Jan Kowal\n\n"
            "The FD will circulate the revised budget before the end of March.\n"
            "Chair asked the Company Secretary to file the annual return.\n"
            "@seun-b will find a venue for the summer social.\n"
            "PCSO Kowal reported six bike thefts since June. He offered to run a bike-marking "
            "stall.\n")
    assert owned(body, fmt="text") == [
        ("Lee Tran", "circulate the revised budget before the end of March"),
        ("Sol Petit", "file the annual return"),
        ("Oluwaseun Bello", "find a venue for the summer social"),
        ("Jan Kowal", "run a bike-marking stall")]


def test_header_lists_of_who_came_in_other_words() -> None:
    minutes = ("Officers and committee present:\n  Rhian Dale (Chair)\n  Tom Ashby (Treasurer)\n\n"
               "Also present: 12 residents, including Ama Osei and Piet Vos.\n")
    assert [p.name for p in extract(note(minutes, fmt="text")).attendees] == [
        "Rhian Dale", "Tom Ashby", "Ama Osei", "Piet Vos"]
    zoom = ("Zoom meeting transcript\nTopic: Allotments committee\n"
            "Participants (3): Gale Ross (host), Fred Ibe, Nia P (iPhone)\n"
            "Recording saved to the shared drive. Transcript lightly tidied by Gale.\n\n"
            "Gale Ross: Who can sort the water butts?\n"
            "Nia P (iPhone): I'll order two water butts tomorrow.\n"
            "Fred Ibe: Thanks.\n")
    ex = extract(note(zoom, fmt="text"))
    assert [p.name for p in ex.attendees] == ["Gale Ross", "Fred Ibe", "Nia P"]
    assert [(a.owner, a.task) for a in ex.actions] == [("Nia P", "order two water butts tomorrow")]


def test_one_person_a_line_with_a_dash_role_that_holds_brackets() -> None:
    people = parse_attendee_text(
        "  Ula Brandt - Director\n"
        "  Tom Reyes - Deputy Stage Manager (DSM), writing these notes\n"
        "  Ada \"Addy\" Lutz - Marketing & front of house\n"
        "  Ben Okafor-Hale - Producer (also the treasurer)\n")
    assert [(p.name, p.aliases) for p in people] == [
        ("Ula Brandt", ("Director",)), ("Tom Reyes", ("DSM", "Deputy Stage Manager")),
        ("Ada Lutz", ("Addy",)), ("Ben Okafor-Hale", ())]
    assert [p.name for p in parse_attendee_text("@raf — Rafael Okoro-Smith (judging)")] == [
        "Rafael Okoro-Smith"]


def test_matters_arising_and_what_had_been_done_are_not_new_tasks() -> None:
    body = ("Present: Hal Voss (chair), Ivy Sol, Jo Corr, Kit Bell (notes)\n\n"
            "## 1. Minutes of 14 June and matters arising\n\n"
            "- Ivy to chase the keys — still open.\n\n"
            "## 2. Teaching\n\n"
            "Hal said she'd asked, and the answer was no. Jo said students he'd talked to were "
            "keen.\n"
            "For the open day: I'll set up the sign-up form.\n")
    assert owned(body) == [("Kit Bell", "set up the sign-up form")]


def test_a_stand_up_section_of_someone_away_and_plans_joined_by_and() -> None:
    body = ("**Here:** Ana Lutz, Ben Ode\n**Out:** Sofía Marsh (PTO until Monday)\n\n"
            "**Ana:**\n- Next: I'll move the refunds job this week, and write a backfill "
            "runbook.\n\n"
            "**Sofía** (async, PTO):\n- Next: when I'm back I'll review the model results.\n\n"
            "### Ben\n- Shadow Mags on the first page.\n")
    assert owned(body) == [
        ("Ana Lutz", "move the refunds job this week"), ("Ana Lutz", "write a backfill runbook"),
        ("Sofía Marsh", "review the model results")]


def test_a_decisions_list_leaves_out_procedure_and_what_was_left_open() -> None:
    body = ("## Summary of decisions\n\n"
            "1. Approve the minutes of 3 May\n"
            "2. Move the tile server to the new host\n"
            "3. Dark mode: not decided, back to the design group\n"
            "4. Renew the domain for five years if there is no agreement on a new name\n\n"
            "## 4. Naming\n\n"
            "Ola: fine. No resolution today; we come back to it in June.\n")
    assert decisions(body) == ["Move the tile server to the new host",
                               "Renew the domain for five years if there is no agreement on a "
                               "new name"]


def test_a_choice_after_a_lettered_option_is_one_decision_with_its_summary() -> None:
    body = ("## Reminders\n\nThree options:\n\n"
            "- **A.** text messages through a provider\n"
            "- **B.** push and email from our own service\n\n"
            "Rui pushed for A. We will go with B. No texts this quarter.\n\n"
            "## Decisions\n\n"
            "- Reminders: option B, our own service\n")
    assert decisions(body) == [  # (the summary's words, the most explicit, are kept)
        "Reminders: option B, our own service (option B: push and email from our own service)"]
    # "for A." ends a sentence: "A." is not an initial before "We"
    assert decisions(body.partition("## Decisions")[0]) == [
        "We will go with B. No texts this quarter. (option B: push and email from our own "
        "service)"]
    table = ("Outcome: we're going with option B. The bus moves to Kafka.\n\n"
             "| # | Decision |\n|---|---|\n"
             "| D-1 | Option B: bus on Kafka, nothing new on Rabbit |\n")
    assert decisions(table) == ["Option B: bus on Kafka, nothing new on Rabbit"]


@pytest.mark.parametrize("sentence", [
    "It was resolved not to renew the subscription to the walking network.",
    "Mo Diaz was elected Treasurer.",
    "The following were elected unopposed: Chair - Ana Lutz; Secretary - Ben Ode.",
    "The meeting went with the cheaper supplier.",
    "Signed off by everyone — the theme this quarter is fewer missed shifts.",
    "Landed on: last-touch for Q3 reporting, so we can decide on multi-touch in Q4.",
])
def test_decisions_taken_by_resolution_election_or_sign_off(sentence: str) -> None:
    assert decisions(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "We'll decide next time, after Ola has talked to the customers.",
    "Ana declared an interest as a supplier; members agreed it did not affect any item.",
    "Minibus 3: the trustees agreed in September to replace it from reserves.",
    "Tariq thought we should run a track session. Several people agreed it would be nice.",
    "If no maintainer objects during the comment period, it is accepted by lazy consensus.",
    "A special resolution needs two thirds of those voting.",
    "22 of 36 is 61%, so the special resolution was not passed.",
    "Approved without objection: April minutes, committee reports.",
    "The County Council has decided to cut the transport grant by 15% from April.",
    "Update: the ethics committee approved the amendment yesterday!",
    "The Data Platform team decided at their planning to retire the CSV export.",
    "Vote: 3 for, 3 against. It goes to the AGM as a motion instead.",
    "On being put to the vote: 2 for, 4 against.",
    "2 for, 2 against, 1 abstention: the motion fails and the branch date stays 24 April.",
    "Upstream LLVM has decided to remove the legacy pass manager in LLVM 19.",
    "This was decided by the Foundation in January for every project it hosts.",
    "The department has decided to keep hybrid teaching for the autumn term.",
    "The Diocese has decided that parishes must charge outside groups for heating.",
    "IH thinks the story is not strong enough without the sorption data. SA agreed.",
    "Rosa Delgado, who was excused tonight, has agreed by email to draft the revised policy.",
    "Kasia to post the consultation link on our socials once the draft is agreed.",
    "The secretary will email round a few dates once the decision is known.",
])
def test_not_decisions_deferrals_interests_views_rules_and_other_bodies(sentence: str) -> None:
    assert decisions(sentence) == []


def test_another_bodys_decision_is_not_one_of_the_group_that_names_itself() -> None:
    body = "The Parish Council resolved to buy a new bench for the green."
    own = extract(replace(note(body), title="Upper Hatch Parish Council")).decisions
    assert [d.text for d in own] == [body]
    assert extract(note(body)).decisions == ()


def test_motions_with_movers_in_brackets_or_proposed_by_and_tabled_rows() -> None:
    body = ("**Motion** (Vance / Hadid): reinstate the monthly member day from August.\n"
            "Vote: 3 for, 4 against. Motion fails.\n\n"
            "Motion 2, proposed by Gary Price and seconded by Lena Voss: that the club "
            "affiliate every member to the county association.\n"
            "  For 11, against 24, abstentions 3. The motion was lost.\n\n"
            "| # | Decision | Vote |\n|---|---|---|\n"
            "| 1 | Up to $18,000 from reserves for the freezer | 6–1 |\n"
            "| — | Bylaws Art. IV (board size) | tabled to August |\n")
    assert decisions(body) == [
        "reinstate the monthly member day from August (fails)",
        "the club affiliate every member to the county association (lost)",
        "Up to $18,000 from reserves for the freezer"]


def test_initials_in_a_remark_and_the_people_emoji_name_the_owners() -> None:
    assert [(p.name, p.aliases) for p in parse_attendee_text(
        "Owen Castro (OC, EM\nScheduling), Ama Sarpong (AS, Data), Bo Lind (AWS, guest)")] == [
        ("Owen Castro", ("OC",)), ("Ama Sarpong", ("AS",)), ("Bo Lind", ())]
    body = ("# Q3 planning\n\n📅 Tue 24 June 2025 · 11:00\n"
            "👥 Nadia Pell (NP, Head of Product), Owen Castro (OC, EM Scheduling)\n\n"
            "Leadership froze hiring, so Q3 has to fit the team we have.\n\n"
            "## Follow-ups\n\n- [ ] OC — reminders tech spec by Fri 4 July\n"
            "- [ ] NP — WAL replay profiling (carried from 10 June)\n")
    assert owned(body) == [("Owen Castro", "reminders tech spec by Fri 4 July")]


def test_votes_that_name_their_proposal_only_before_them() -> None:
    body = ("a) 24/00412/HOU - 3 Mill Row - single-storey rear extension.\n"
            "   RESOLVED: no objection.\n\n"
            "Cllr Ray then proposed a smaller rise, to £33 a year for a full plot. This was "
            "seconded by the Chair.\n5 for, 1 against. RESOLVED accordingly.\n\n"
            "Ann Mehta proposed that the fare rise from £3.00 to £3.50 from 1 April. On a vote, "
            "4 were in favour and 2 against. The proposal was carried.\n\n"
            "Marcus brought two dates:\n\n- Option A: Friday 9 May\n- Option B: Saturday 17 May\n\n"
            "Members voted by show of hands for Option B.\n\n"
            "The updated lone working policy was signed off by the trustees.\n")
    assert decisions(body) == [
        "24/00412/HOU - 3 Mill Row - single-storey rear extension: no objection.",
        "a smaller rise, to £33 a year for a full plot (resolved accordingly)",
        "the fare rise from £3.00 to £3.50 from 1 April (carried)",
        "Members voted by show of hands for Option B. (option B: Saturday 17 May)",
        "The updated lone working policy was signed off by the trustees."]


def test_a_plain_text_table_of_actions_in_columns_under_who_what_by() -> None:
    body = ("Present: Mal Reid (Chair), Sandra Kim, Anj Mehta, Pete Lusk\n\n"
            "SUMMARY OF ACTIONS\n\n"
            "Who             What                                       By\n"
            "Sandra          Draft the volunteer driver advert          15 Dec\n"
            "Anj             Update the budget for the fare rise        Jan mtg\n"
            "?               Charity register - trustee details         -\n"
            "Pete            Safeguarding training (carried)            end Jan\n")
    assert owned(body, fmt="text") == [
        ("Sandra Kim", "Draft the volunteer driver advert (by 15 Dec)"),
        ("Anj Mehta", "Update the budget for the fare rise (by Jan mtg)"),
        (None, "Charity register - trustee details")]


def test_requests_views_and_titles_are_not_tasks_or_sentence_ends() -> None:
    body = ("Attendees: Ann Birt, Carla Medeiros, Pat Farrant, Tam Rhodes\n\n"
            "Pat Farrant asked residents not to leave tools in vans overnight.\n"
            "Cllr Birt felt the Club should first apply to the District fund.\n"
            "A member asked the board to bring back the member day.\n"
            "Tam will pay the bus company once Ms. Delgado sends the invoice.\n")
    assert owned(body) == [("Tam Rhodes", "pay the bus company once Ms. Delgado sends the invoice")]


def test_an_action_item_review_and_open_tracker_items_are_not_new_tasks() -> None:
    body = ("Present: Jo Kern (chair), Ruth Abel, Sergio Alva\n\n"
            "### 2. Action item review\n\n"
            "Jo: ACTION-41, Ruth to draft the glossary.\n\n"
            "Ruth: done, it's in PR #63, merged on Monday.\n\n"
            "### 11. Summary of action items\n\n"
            "1. [NEW] ACTION: Ruth to update the glossary\n"
            "2. [OPEN] ACTION-43: Sergio to contact the tagging folks\n")
    assert owned(body) == [("Ruth Abel", "update the glossary")]


def test_a_choice_by_its_place_or_bracketed_letter_says_what_was_chosen() -> None:
    assert decisions("Priya: Right. Let's go with the second option then. Hosted fields, and no "
                     "hotfix in the meantime. Everyone okay with that?") == [
        "Let's go with the second option then. Hosted fields, and no hotfix in the meantime."]
    body = ("Three ways to structure it:\n\n- **(a)** S3 only\n- **(b)** a generic store trait\n\n"
            "Raj worried. After some back and forth: we will go with (b).\n")
    assert decisions(body) == [
        "After some back and forth: we will go with (b). (option b: a generic store trait)"]


def test_one_persons_yes_is_not_a_decision() -> None:
    body = ("Present: Stu Hale, Fiona Marr\n\n"
            "Stu asked Fiona to upload the gas certificates before the contract starts, and she "
            "agreed.\n\nThe secretary will send a card (budget £40, agreed by Treasurer).\n\n"
            "The budget was agreed by the board.\n")
    assert decisions(body) == ["The budget was agreed by the board."]
    assert owned(body)[0] == ("Fiona Marr",
                              "upload the gas certificates before the contract starts")


def test_a_closing_list_restating_a_task_said_under_its_topic_is_one_task() -> None:
    body = ("Present: Hanna Lind (chair), Liam Carr, Ben Ode\n\n"
            "## 4. RFC 0030 — query planner rewrite\n\n"
            "No activity from the author since April. Hanna will email Piet to ask whether he "
            "still plans to work on it.\n\n"
            "## 5. Facilities\n\n"
            "- Ben: the prep room sink is leaking again. Someone needs to log it with the site "
            "team; Liam said he'd do it.\n\n"
            "## Action items\n\n"
            "- [Hanna]: email Piet about RFC 0030\n"
            "- [Liam]: log the prep room sink with the site team\n")
    assert [(owner, task.partition(" (")[0]) for owner, task in owned(body)] == [
        ("Hanna Lind", "email Piet to ask whether he still plans to work on it"),
        ("Liam Carr", "log the prep room sink with the site team")]


def test_has_agreed_to_is_a_task_of_the_one_who_agreed() -> None:
    body = ("Attendees: Jon Ludlam, Anil Mad\n\n"
            "JonL has agreed to add vchan support to the conduit library.\n\n"
            "Someone should look at the TLS patch. Anil has agreed to this and will review it.\n")
    assert decisions(body) == []
    assert owned(body)[0] == ("Jon Ludlam", "add vchan support to the conduit library")


def test_two_offices_joined_by_and_the_name_both_holders_and_a_body_is_nobody() -> None:
    body = ("Present: Maren Holt (Chief Executive, CEO), Idris Vale (Operations Director), "
            "Bea Lunn (Treasurer)\n\n## Hiring\n"
            "The CEO and the Operations Director will draw up the job description.\n"
            "The Treasurer and the CEO will meet the auditor before March.\n"
            "The Board will review the pay bands.\n")
    ext = extract(note(body))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Maren Holt, Idris Vale", "draw up the job description"),
        ("Bea Lunn, Maren Holt", "meet the auditor before March")]


def test_an_office_named_director_of_or_head_of_is_the_person_who_holds_it() -> None:
    body = ("**Present:** Dr Ama Boateng (Director of Graduate Studies); Lev Orlov (Head of "
            "Sales); Rui Pinto\n\n## Studies\n"
            "The Director of Graduate Studies will update the handbook.\n"
            "The Head of Sales and Rui will write the brochure.\n")
    ext = extract(note(body))
    assert [p.aliases for p in ext.attendees] == [
        ("Director of Graduate Studies",), ("Head of Sales",), ()]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Ama Boateng", "update the handbook"), ("Lev Orlov, Rui Pinto", "write the brochure")]


def test_a_teams_transcript_with_no_blank_lines_is_read_turn_by_turn_last_name_first() -> None:
    body = ("Review-20241212_100212-Meeting Recording\n\n"
            "Marsh, Petra   0:24\nMorning all. Can everyone hear me?\n"
            "Obi, Femi (Northgate Digital)   1:08\nYes. I'll send the statement of work to "
            "procurement before Christmas.\n"
            "Marsh, Petra   1:39\nGreat. Okay, so we're going with CivicPay for the renewals "
            "then.\n"
            "Lund, Kari   2:02\nI'll book the test tablets for next week.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == ["Petra Marsh", "Femi Obi", "Kari Lund"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Femi Obi", "send the statement of work to procurement before Christmas"),
        ("Kari Lund", "book the test tablets for next week")]
    assert [d.text for d in ext.decisions] == [
        "Okay, so we're going with CivicPay for the renewals then."]


@pytest.mark.parametrize("reply", [
    "Sure, we'll do it.", "Good question, we'll come back to it.",
    "Okay, we'll keep it on the list, it's not for January.", "We'll all bring our own gloves.",
    "We'll know by mid-October.", "This is the one I need a decision on today."])
def test_a_reply_or_a_fact_in_the_first_person_plural_is_not_a_decision(reply: str) -> None:
    body = f"Present: Ann Lee, Bob Roe\n\n## Budget\n\nAnn Lee: Can we have it?\n\n{reply}\n"
    assert extract(note(body)).decisions == ()


def test_a_yes_to_a_question_takes_the_task_asked_when_the_question_says_more() -> None:
    body = ("Dana Cole  27:56\nWen, can you pull the no-show numbers for the three pilot "
            "clinics?\n\nWen Zhao  28:41\nYep. I'll put them in the pilot doc.\n\n"
            "Dana Cole  29:10\nKofi, can you close 2210 with a comment explaining this?\n\n"
            "Kofi Mensah  29:30\nSure, I'll do that today. And I can start on the schema.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Wen Zhao", "pull the no-show numbers for the three pilot clinics"),
        ("Kofi Mensah", "close 2210 with a comment explaining this"),
        ("Kofi Mensah", "start on the schema")]


def test_a_task_that_only_says_something_is_told_by_the_sentence_before() -> None:
    body = ("Present: Ana Lima, Bo Chen\n\nA short post to introduce the new docs site would "
            "be useful. Ana will put something together before the next call.\n")
    [action] = extract(note(body)).actions
    assert action.task.startswith("put something together before the next call (A short post")


@pytest.mark.parametrize(("said", "expected"), [
    ("No meeting on the 26th, obviously. Next one's after the holidays, the 9th of January, "
     "same time.", date(2025, 1, 9)),
    ("The next one is on the 9th of January.", date(2025, 1, 9)),
    ("I'll send the notes round. Let's regroup a week today, same time.", date(2024, 12, 19)),
    ("When's the next one? The jam eats next week. I'll put a poll in #general for the next "
     "call date.", None)])
def test_a_next_call_said_aloud(said: str, expected: date | None) -> None:
    ext = extract(note(f"Notes\n\n## AOB\n\n{said}\n", day=date(2024, 12, 12)))
    assert (ext.next_call.date if ext.next_call else None) == expected


def test_a_poll_for_the_next_call_date_leaves_it_unset_whatever_dates_are_near() -> None:
    body = ("Notes\n\n**next call**\n\nrook: when's the next one? the jam eats next week\n"
            "rook: ok i'll put a poll in #general for the next call date\n")
    assert extract(note(body, day=date(2023, 6, 6))).next_call is None


def test_can_you_take_that_gives_the_task_nobody_had_to_whoever_says_yes() -> None:
    body = ("[00:20:46] Ines Roa: The reserve pages are empty. Someone needs to write the short "
            "descriptions for the eleven reserves. Can you take that, Ruth?\n"
            "[00:21:56] Ruth Ash: Yeah, sure. By the end of next week?\n"
            "[00:22:40] Ines Roa: Nobody for the iPad test then. Okay, I'll leave it on the "
            "board.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Ruth Ash", "write the short descriptions for the eleven reserves")]


def test_an_office_said_short_names_its_holder_and_a_deputy_is_told_apart() -> None:
    body = ("Present:\n  Prof. Ada Nwosu        Director of Graduate Research (Chair)\n"
            "  Dr Cal Reid            Deputy Director of Graduate Research\n"
            "  Lorna Beattie          Graduate Research Administrator (Secretary)\n\n"
            "The PGR Director will write to all supervisors.\n"
            "The Deputy Director will check with Estates.\n"
            "The PGR Administrator will update the handbook.\n")
    ext = extract(note(body, fmt="text"))
    assert [(p.name, p.chair, p.aliases) for p in ext.attendees] == [
        ("Ada Nwosu", True, ("Director of Graduate Research",)),
        ("Cal Reid", False, ("Deputy Director of Graduate Research",)),
        ("Lorna Beattie", False, ("Secretary", "Graduate Research Administrator"))]
    assert [a.owner for a in ext.actions] == ["Ada Nwosu", "Cal Reid", "Lorna Beattie"]


def test_a_feeling_a_record_approved_and_a_tag_question_are_not_read_as_news() -> None:
    body = ("Attendees: Aziz Karimov, Bob Roe\n\n## Minutes\n\nThe minutes of the October "
            "meeting were read. Agreed as a true record.\n\n## Fireworks\n\nNo fireworks this "
            "year. Aziz said he'd miss them. I'll miss the next call myself.\n\n"
            "Aziz Karimov: Bob, you'll do the invoice for phase one after the submission, right?"
            "\n\nBob Roe: Yes.\n")
    ext = extract(note(body))
    assert ext.decisions == ()
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Bob Roe", "do the invoice for phase one after the submission")]


def test_let_me_check_and_get_back_to_you_is_a_promise_and_let_me_share_is_not() -> None:
    body = ("Attendees: Kofi Asare, Bea Roe\n\n## Door\n\nKofi Asare: Let me check what the "
            "landlord allows and get back to you all.\n\nBea Roe: Let me share my screen.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Kofi Asare", "check what the landlord allows and get back to you all")]


def test_a_guest_from_an_organisation_and_a_nickname_given_in_prose_beside_the_list() -> None:
    people = parse_attendee_text(
        "Maya Lind (community), Philippa Oduya (maintainer), and Grace Ng from Ferrow Labs, "
        "who joined for the first time. Philippa is Pip to everyone, so she's Pip below.")
    assert [(p.name, p.aliases) for p in people] == [
        ("Maya Lind", ()), ("Philippa Oduya", ("Pip",)), ("Grace Ng", ())]


def test_a_chat_typed_in_lower_case_names_its_speakers_by_their_handles() -> None:
    body = ("in call: rook (Ravi Oke), moth (Hana Sand), dunk (Duncan Fell)\n\n**bugs**\n\n"
            "dunk: the big one is the save file\n"
            "rook: that has to be fixed before anything goes public\n"
            "dunk: leave it with me\n"
            "moth: i'll make the demo trailer, first cut by end of july\n"
            "rook: right, that's settled, blue capsule goes on the store page\n")
    ext = extract(note(body, day=date(2023, 6, 6)))
    assert [(p.name, p.aliases) for p in ext.attendees] == [
        ("Ravi Oke", ("rook",)), ("Hana Sand", ("moth",)), ("Duncan Fell", ("dunk",))]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Duncan Fell", "that has to be fixed before anything goes public (bugs)"),
        ("Hana Sand", "make the demo trailer, first cut by end of july")]
    assert [d.text for d in ext.decisions] == [
        "Ravi Oke: right, that's settled, blue capsule goes on the store page"]


@pytest.mark.parametrize(("said", "expected"), [
    ("Leona Marsh: Right, that's settled. Harbour and Kelso for the pilot, from 7 April.",
     "Leona Marsh: Right, that's settled. Harbour and Kelso for the pilot, from 7 April."),
    ("rook: so the plan is the demo ends after level 2. we tease level 3 at the end",
     "rook: so the plan is the demo ends after level 2. we tease level 3 at the end"),
    ("rook: ok we'll stop doing nightly builds to itch. one build a week, fridays",
     "rook: ok we'll stop doing nightly builds to itch. one build a week, fridays")])
def test_a_plan_said_aloud_and_a_settlement_with_what_it_settles_after_it(
        said: str, expected: str) -> None:
    body = f"Attendees: Leona Marsh, rook\n\n## Pilot\n\n{said}\n"
    assert [d.text for d in extract(note(body)).decisions] == [expected]


def test_i_ll_take_that_before_the_task_in_full_or_after_a_task_nobody_had_is_one_task() -> None:
    body = ("Priya Natesan   30:00\nSomebody has to write the spec and own it.\n\n"
            "Priya Natesan   30:15\nCan you own that, Sinead?\n\n"
            "Sinead Byrne   30:24\nYep, sure.\n\n"
            "Priya Natesan   31:00\nAnd the strings need pulling out. Isla?\n\n"
            "Isla Lachance   31:10\nYep, I'll take that. I'll pull the strings out of the build "
            "for the translators.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Sinead Byrne", "write the spec and own it"),
        ("Isla Lachance", "pull the strings out of the build for the translators")]


def test_the_faculty_or_a_town_council_deciding_is_news_not_the_meeting_s_decision() -> None:
    body = ("School PGR Committee\n\n## Funding\n\nThe Faculty has decided to reduce the "
            "conference allowance to 400 pounds.\n\nThe town council has confirmed its grant — "
            "they decided at their September meeting.\n\nThe committee agreed to keep the "
            "poster allowance.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "The committee agreed to keep the poster allowance."]


def test_does_anyone_disagree_with_a_proposal_then_that_s_agreed_decides_the_proposal() -> None:
    body = ("[Nadia Haddad] 19:32:23\nDoes anyone disagree with: the mini-conf stays free, plus "
            "an optional supporter\nticket?\n\n[Yetunde Afolabi] 19:32:52\nNo, sounds good.\n\n"
            "[Nadia Haddad] 19:33:09\nOkay, that's agreed.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "the mini-conf stays free, plus an optional supporter ticket"]


def test_who_wrote_the_minutes_under_a_decisions_list_is_not_a_decision() -> None:
    body = ("## Resolutions\n\n1. Publish the explainer as a draft report by July\n\n"
            "Minutes formatted by the scribe from the IRC log.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Publish the explainer as a draft report by July"]


def test_an_unnamed_otter_speaker_answering_a_named_request_is_the_one_asked() -> None:
    body = ("Leona Marsh  27:56\nTomas, can you pull the no-show numbers for the pilot clinics?"
            "\nSpeaker 5  28:41\nYep. I'll put them in the pilot doc.\n"
            "Leona Marsh  29:00\nGreat.\nSpeaker 6  29:10\nI'll take the minutes next time.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Tomas", "pull the no-show numbers for the pilot clinics")]


def test_an_inline_option_with_a_sign_before_its_words_is_what_option_2_means() -> None:
    body = ("## Prices\n\nCarys laid out three options: (1) absorb it, (2) +6% on wholesale from "
            "1 April, (3) +6% on everything now.\nAbena: \"Okay, so we're going with option 2 "
            "then.\"\n")
    [decision] = extract(note(body)).decisions
    assert decision.text.endswith("(option 2: +6% on wholesale from 1 April)")


def test_a_parent_body_named_in_the_title_still_decides_for_itself_when_its_noun_is_not() -> None:
    body = ("# OpenTrail Route Exchange WG — Call 42\n\n## News\n\nThe OpenTrail board has "
            "approved funding for a plugfest in May.\n\n## Schema\n\nThe proposed resolution "
            "was withdrawn. Resolution not adopted.\n\nRESOLVED: the schema moves to 0.9.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "the schema moves to 0.9."]


def test_lower_case_nicks_in_the_attendee_list_own_the_tasks_they_open() -> None:
    body = ("Present: Marek Král (mkral), Aoife Brennan (aoifeb), Dmitri Volkov (dvolkov)\n\n"
            "## Signing key\n\n* dvolkov will post the announcement to the list this week.\n"
            "* -> mkral: new keyring with both keys, in stable before the 15th\n"
            "* The mirror admins need to hear about the new key too. Not assigned.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dmitri Volkov", "post the announcement to the list this week"),
        ("Marek Král", "new keyring with both keys, in stable before the 15th")]


def test_a_nick_that_is_also_a_word_stays_a_word_where_no_one_acts() -> None:
    body = ("in call: rook (Ravi Okoro), kit (Kit Amari), moth (Hana Sorensen)\n\n"
            "rook: someone should update the press kit, the screenshots are old\n"
            "kit: (scribe: moth will cut the trailer by friday)\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        (None, "update the press kit, the screenshots are old"),
        ("Hana Sorensen", "cut the trailer by friday")]


def test_textile_headings_of_a_redmine_page_are_headings() -> None:
    body = ("h1. Packaging team meeting, 2025-06-24\n\nh2. AOB\n\n* The CfP closes 31/07.\n\n"
            "h2. Next meeting\n\nTue 08/07, 18:00 UTC, same channel.\n")
    parsed = parse_note(NoteFile("2025-06-24.txt", body.encode()))
    assert parsed.title == "Packaging team meeting, 2025-06-24"
    ext = extract(parsed)
    assert ext.next_call is not None and ext.next_call.date == date(2025, 7, 8)
    assert ext.topics[-2:] == ("AOB", "Next meeting")


def test_someone_who_adopts_an_orphaned_package_owes_it() -> None:
    body = "Present: Luis Pinheiro, Dmitri Volkov\n\n## Orphans\n\n* Luis adopts pngcheck.\n"
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Luis Pinheiro", "adopt pngcheck")]


def test_a_numbered_decision_marker_takes_the_sentences_that_go_on_in_its_paragraph() -> None:
    body = ("DECISION 58.1: Sapphire is the last cycle with Python 2.7 jobs. They become "
            "non-voting at\nmilestone 2 and are removed at the start of Topaz.\n\n"
            "DECISION 58.2: the PTG is virtual. Dmitri will book the slots.\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "Sapphire is the last cycle with Python 2.7 jobs. They become non-voting at milestone 2 "
        "and are removed at the start of Topaz.", "the PTG is virtual."]


def test_an_initial_and_the_start_of_the_surname_is_a_nick() -> None:
    body = ("**Present:** Tomasz Wierzbicki (twierz), Dmitri Sokolov (dsok)\n\n"
            "ACTION 58.1a (dsok): send the end-of-support notice to the lists.\n")
    ext = extract(note(body))
    assert [p.aliases for p in ext.attendees] == [("twierz",), ("dsok",)]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dmitri Sokolov", "send the end-of-support notice to the lists")]


def test_a_request_put_to_us_by_others_is_no_task_of_its_own() -> None:
    body = ("Present: Ferhat Demir, Rajesh Menon\n\nThe council's tree team asked us to move "
            "the compost bays before then. Ferhat and Rajesh will move the bays on Sunday.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Ferhat Demir, Rajesh Menon", "move the bays on Sunday")]


def test_rows_rejected_done_or_carried_are_not_this_calls_decisions_or_tasks() -> None:
    body = ("Attendees: Keith Donnelly (KD), Priyanka Rao (PR)\n\n## Decisions Made\n\n"
            "| # | Decision | Status |\n|---|---|---|\n"
            "| D1 | Retries move into the queue | ✅ Agreed |\n"
            "| D2 | Backoff inside the worker | ❌ Rejected |\n\n## Action Items\n\n"
            "| Owner | Action | Status |\n|---|---|---|\n| PR | Rotate the sandbox keys | Done |\n"
            "| KD | Fix the flaky tests | Carried |\n| KD | Build the refund DLQ | New |\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == ["Retries move into the queue"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Keith Donnelly", "Build the refund DLQ")]


def test_a_scribes_timed_log_keeps_its_markers_and_its_scribe() -> None:
    body = ("**Chair:** @mkowal (Magda Kowal)\n**Scribe:** @gfour (Gaelle Fournier)\n"
            "**Present:**\n- @tbui (Thi Bui)\n\n---\n\n14:04 **Action points from 9 September**\n"
            "- AP-2 — @tbui: merge the CRS examples — carried, waiting on #142.\n\n"
            "14:06 **Identifiers**\nThi: two options in the issue.\n"
            "14:19 [DECISION] Identifiers are URIs.\n14:20 AP-3 — @tbui: update section 7.\n"
            "14:49 AP-6 — @gfour: start a thread on the list.\n")
    ext = extract(note(body))
    assert "Gaelle Fournier" in [p.name for p in ext.attendees]
    assert [d.text for d in ext.decisions] == ["Identifiers are URIs."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Thi Bui", "update section 7"), ("Gaelle Fournier", "start a thread on the list")]


def test_a_time_of_day_that_opens_a_line_stays() -> None:
    body = ("## Next meeting\n\nTue 5 March\n15:00 UTC, same channel.\n\n10:00 coffee\n"
            "10:30 talks\n11:00 lunch\n")
    call = extract(note(body, day=date(2024, 2, 20))).next_call
    assert call is not None and (call.date, call.time) == (date(2024, 3, 5), time(15, 0))


SPOKEN = ("Participants: Nadia Brightwater (host), Rafael Quintero, Lukas Feld, Tamsin Okoro\n\n"
          "[00:13:32] Nadia Brightwater: Okay. So the proposal is: we ship 2.0 on the 28th, with "
          "the old engine behind a flag.\n[00:13:48] Nadia Brightwater: Anyone against?\n"
          "[00:13:52] Rafael Quintero: Not against.\n[00:14:00] Tamsin Okoro: No, go for it.\n"
          "[00:14:08] Nadia Brightwater: Okay, that's what we'll do.\n"
          "[00:16:40] Nadia Brightwater: Does anyone object to making Node 14 the minimum?\n"
          "[00:16:50] Nadia Brightwater: Going once...\n"
          "[00:16:55] Nadia Brightwater: Nope? Okay. Node 14 minimum.\n"
          "[00:18:25] Lukas Feld: I'd let the sitemap fix slip.\n"
          "[00:18:31] Nadia Brightwater: Fine, the sitemap fix goes to 2.0.1 then.\n"
          "[00:41:35] Nadia Brightwater: So: we move the chat to Matrix and keep Gitter bridged "
          "for a few months. Objections?\n[00:41:48] Lukas Feld: None.\n"
          "[00:41:58] Nadia Brightwater: Okay, we'll move to Matrix.\n")


def test_a_chair_settles_a_proposal_by_saying_it_again_or_that_we_will_do_it() -> None:
    assert [d.text for d in extract(note(SPOKEN, fmt="text")).decisions] == [
        "we ship 2.0 on the 28th, with the old engine behind a flag",
        "making Node 14 the minimum",
        "Nadia Brightwater: Fine, the sitemap fix goes to 2.0.1 then.",
        "we move the chat to Matrix and keep Gitter bridged for a few months"]


@pytest.mark.parametrize("said", [
    "Of course it is.", "Great, because otherwise I'd have no idea which plugin it is.",
    "Leave it as it is.", "That's fine, we'll cope.", "Okay, it stays a maybe then.",
    "Right, the 14th is fine then."])
def test_replies_that_only_sound_settled_are_no_decisions(said: str) -> None:
    body = f"Participants: Ana Lima, Bo Chen\n\nAna Lima: {said}\n"
    assert extract(note(body, fmt="text")).decisions == ()


@pytest.mark.parametrize("said", ["Everyone ok with it, jsonl it is.", "Option B it is then.",
                                  "ok tryouts it is."])
def test_a_choice_said_as_it_is_is_a_decision(said: str) -> None:
    body = f"Participants: Ana Lima, Bo Chen\n\nAna Lima: {said}\n"
    assert len(extract(note(body, fmt="text")).decisions) == 1


def test_a_decision_register_numbers_its_decisions_and_reviews_the_last_meetings() -> None:
    body = ("Attending: Gus Whitford (chair), Kofi Boateng\n\n"
            "Decision numbers continue the 2025 series (the last was D-2025-06 in July).\n\n"
            "1. NOTES OF THE JULY MEETING AND FOLLOW-UP\n\nThe July notes were agreed.\n"
            "- Jingle refresh (Kofi): not done yet, carried.\n\n2. WINTER SCHEDULE\n\n"
            "D-2025-07: The Sunday slot goes to the youth show from January.\n"
            "The folk show's last broadcast will be Sunday 21 December.\n\n"
            "D-2025-08: From November we log local content hours every week.\n\n"
            "Gus reminded everyone that the rule agreed in 2023 still stands.\n")
    ext = extract(note(body, day=date(2025, 10, 15), fmt="text"))
    assert [d.text for d in ext.decisions] == [
        "The Sunday slot goes to the youth show from January. The folk show's last broadcast "
        "will be Sunday 21 December.", "From November we log local content hours every week."]
    assert ext.actions == ()


def test_a_bare_next_call_said_in_a_call_takes_the_date_the_next_turns_give() -> None:
    body = ("Participants: Ana Lima, Bo Chen\n\n[00:40:02] Bo Chen: The release is on the 28th.\n"
            "[00:47:43] Ana Lima: Okay, I think we're at time. Next call.\n"
            "[00:47:51] Ana Lima: We're every two weeks, so that would be the first of July.\n"
            "[00:47:56] Bo Chen: The first is fine.\n")
    call = extract(note(body, day=date(2021, 6, 17), fmt="text")).next_call
    assert call is not None and call.date == date(2021, 7, 1)


def test_a_to_do_list_of_bracketed_owners_restates_the_tasks_said_above_it() -> None:
    body = ("Present: Rajesh Menon (Raj), Bev Okonjo\n\n7. COMPOST TOILET\n\nNo decision "
            "tonight on the compost toilet. Raj will find out whether the National Lottery Awards "
            "for All grant would cover it, and we will come back to it in April.\n\nTO DO\n"
            "- [Raj]: find out if Awards for All covers a compost toilet\n"
            "- [Bev]: buy the padlock for the shed\n")
    assert [(a.owner, a.rule) for a in extract(note(body, fmt="text")).actions] == [
        ("Rajesh Menon", "owner-verb"), ("Bev Okonjo", "bracket-item")]


def test_a_decision_logs_rows_from_earlier_meetings_and_an_fyi_are_not_this_calls() -> None:
    body = ("**Date:** Tue 23 Jan 2024\n**Attendees:** Hana Novak (HN), Corey Whitlock (CW)\n\n"
            "## Decision log\n\n| Date | ID | Decision |\n|---|---|---|\n"
            "| 2024-01-16 | DL-41 | dbt 1.7 in prod |\n| 2024-01-30 | DL-45 | Auto-suspend dev "
            "warehouses after 5 minutes |\n\n## Follow-ups\n\n- Corey: invite the analysts to the "
            "demo\n\nFYI: January close runs Wed 31 Jan to Fri 2 Feb. Q1 planning review is Thu "
            "1 Feb.\n")
    ext = extract(note(body, day=date(2024, 1, 30)))
    assert [d.text for d in ext.decisions] == ["Auto-suspend dev warehouses after 5 minutes"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Corey Whitlock", "invite the analysts to the demo")]
    assert ext.warnings == ("the date line says 'Tue 23 Jan 2024' but the note is dated "
                            "2024-01-30; kept 2024-01-30",)


def test_a_short_outcome_cell_says_what_its_row_is_about() -> None:
    body = ("## Proposed schedule\n\n| Milestone | Proposed | Outcome |\n|---|---|---|\n"
            "| Feature freeze | Aug 3 | kept |\n| GA | Aug 24 | moved to Aug 31 |\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Feature freeze Aug 3: kept", "GA Aug 24: moved to Aug 31"]


def test_x_and_i_typed_in_lower_case_is_both_and_naming_oneself_is_one() -> None:
    body = ("in call: rook (Ravi Okoro), wren (Wren Takahashi), moth (Hana Sorensen)\n\n"
            "rook: wren and i will prep the pitch deck tomorrow night.\n"
            "moth: Hana and I will cut the trailer.\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Wren Takahashi, Ravi Okoro", "prep the pitch deck tomorrow night"),
        ("Hana Sorensen", "cut the trailer")]


def test_an_action_items_line_that_only_replies_is_no_task() -> None:
    body = ("Action Items\n[ ] Tobias Engel to design the SMS templates.\n"
            "[ ] Rafael Duarte: Sounds good.\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Tobias Engel", "design the SMS templates")]


@pytest.mark.parametrize(("body", "names"), [
    ("**Voting members present:** Mbali Dlamini (chair), Cormac Fitzgerald\n"
     "**Also present (non-voting):** Elif Demir (program manager), Sam Okafor\n",
     ["Mbali Dlamini", "Cormac Fitzgerald", "Elif Demir", "Sam Okafor"]),
    ("Present (PMC):  Teodora Ilieva (teodora), Wren Castellano (wren)\n"
     "Present (committer, invited for item 2): Ahmed Farouk (afarouk)\n",
     ["Teodora Ilieva", "Wren Castellano", "Ahmed Farouk"])])
def test_attendee_labels_with_a_remark_in_brackets_end_the_names_before_them(
        body: str, names: list[str]) -> None:
    assert [p.name for p in extract(note(body, fmt="text")).attendees] == names


def test_an_e_mails_wrapped_attendee_list_and_its_review_of_the_last_calls_ais() -> None:
    body = ("Hi all,\n\nPresent: Ines Carvalho (writing this), Tobias\nLindqvist, Yuki Tanabe, "
            "and Dmitri\nSokolov for the first half hour.\n\nAIs from the 1 Sept call:\n"
            "- Tobias: move CI to GitHub Actions. Done, merged Thursday.\n\nAIs:\n"
            "- Dmitri: dig into the Windows wheel failure.\n")
    ext = extract(note(body, day=date(2020, 9, 15), fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Ines Carvalho", "Tobias Lindqvist", "Yuki Tanabe", "Dmitri Sokolov"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dmitri Sokolov", "dig into the Windows wheel failure")]


def test_name_chips_pasted_as_text_are_attendees_and_owners() -> None:
    body = ("Attendees: Grace Whitaker  Idris Bello  Mei-Lin Zhou  Beatrix Novak\n\n"
            "Action items\n\n☐ @Mei-Lin Zhou draft the festival poster\n"
            "☐ @Beatrix Novak @Idris Bello draft the festival budget\n"
            "☑ @Grace Whitaker send thank-you cards\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Grace Whitaker", "Idris Bello", "Mei-Lin Zhou", "Beatrix Novak"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Mei-Lin Zhou", "draft the festival poster"),
        ("Beatrix Novak, Idris Bello", "draft the festival budget")]


def test_a_pasted_recap_with_a_note_on_the_names_its_assistant_misheard() -> None:
    body = ("> Pasted by Ruth Abernethy. On the call: Ruth Abernethy (ops), Siobhán Kearney,\n"
            "> Marek Wójcik and Kofi Mensah. The assistant got some names wrong: \"Shivon\" is "
            "Siobhán,\n> \"Mark Voychek\" is Marek, and \"Speaker 2\"\n> is Kofi.\n\n"
            "## Next steps\n\n- Shivon will add a banner to the shop.\n"
            "- Mark Voychek will book the forklift hire.\n"
            "- Speaker 2 will measure the loading bay door.\n")
    ext = extract(note(body))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Siobhán Kearney", "add a banner to the shop"),
        ("Marek Wójcik", "book the forklift hire"),
        ("Kofi Mensah", "measure the loading bay door")]


def test_a_sprints_outcomes_are_its_results_not_decisions() -> None:
    body = ("**Sprint 14 outcomes**\n- 9 of 11 stories were completed.\n\n**Go-live**\n"
            "- The team agreed not to ship the widget in the launch release.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "The team agreed not to ship the widget in the launch release."]


def test_a_word_processor_minutes_template_in_two_columns_with_wrapped_action_rows() -> None:
    body = ("Garden Club committee                                  MINUTES\n\n"
            "Facilitator           Oona Reilly (OR)\n"
            "Note taker            Piet de Vries (PV)\n"
            "Attendees             Oona Reilly (OR), Piet de Vries (PV),\n"
            "                      Kwabena Asante (KA)\n\n"
            "10 minutes          Seed swap                                   Oona Reilly\n\n"
            "Discussion          The hall is booked twice in March. KA thought the\n"
            "                    library would be quieter.\n\n"
            "Conclusions         The seed swap moves to the library on 9 March.\n\n"
            "Action items                                    Person responsible   Deadline\n"
            "Ask the library for the small room and tell the\n"
            "hall we no longer need it                       KA                   1 Mar\n"
            "Print the posters                               PV, OR               5 Mar\n"
            "Find a second table                             TBC                  -\n\n"
            "15 minutes          Compost bins                                Piet de Vries\n\n"
            "Discussion          No conclusion on a third bin; back next time.\n\n"
            "Conclusions         As above.\n")
    extraction = extract(note(body, fmt="text"))
    assert [d.text for d in extraction.decisions] == [
        "The seed swap moves to the library on 9 March."]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Kwabena Asante",
         "Ask the library for the small room and tell the hall we no longer need it (by 1 Mar)"),
        ("Piet de Vries, Oona Reilly", "Print the posters (by 5 Mar)"),
        (None, "Find a second table")]
    assert extraction.actions[0].line == 17  # (the line with its owner)


def test_agm_minutes_taken_out_of_a_pdf_with_page_furniture_and_a_closing_summary() -> None:
    footer = "HARBOUR ROWING CLUB - AGM 3 May 2019 - draft minutes                Page {} of 2"
    header = "HARBOUR ROWING CLUB                                 DRAFT - for approval in 2020"
    body = (f"{header}\n\nPresent: 31 members, including Iona Baird (Chair), Tomas Weller\n"
            "(Secretary) and Ruth Okoye (Treasurer).\n\n"
            "1.   ACCOUNTS\n"
            "     The Treasurer presented the accounts. Members who have agreed to it get\n"
            "     them by email.\n"
            "     RESOLVED THAT the accounts for 2018 be received and adopted.\n"
            "     Proposed: Mr K. Dunne        Seconded: Mrs A. Roe        Carried unanimously.\n\n"
            f"{footer.format(1)}\n\n{header}\n\n"
            "2.   SPECIAL RESOLUTION – AMENDMENT OF THE CONSTITUTION OF THE CLUB\n"
            "     The Secretary explained the change to the quorum, which has been cir-\n"
            "     culated with the notice.\n"
            "     RESOLVED, as a special resolution, THAT the quorum be reduced to fifteen.\n"
            "     Proposed: Dr O. Pryce\n"
            "     For 28, Against 2. Carried.\n"
            "     The Secretary will ﬁle the new constitution with the league.\n\n"
            "SUMMARY OF RESOLUTIONS\n\n"
            "     1      Accounts 2018                   Ordinary     Carried (unan.)\n"
            "     2      Quorum of fifteen               Special      Carried 28-2\n\n"
            f"{footer.format(2)}\n")
    extraction = extract(note(body, date(2019, 5, 3), fmt="text"))
    assert [d.text for d in extraction.decisions] == [
        "RESOLVED THAT the accounts for 2018 be received and adopted.",
        "RESOLVED THAT the quorum be reduced to fifteen."]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Tomas Weller", "file the new constitution with the league")]


def test_a_slide_decks_date_slide_and_next_meeting_slide_are_not_a_running_document() -> None:
    body = ("# Reading group\n## 7 May 2024\n\n---\n\n# Who's here\n\n- Mei Tanaka (chairing)\n"
            "- Jonas Berg\n\n---\n\n# Room\n\n- The library closes in June — the faculty's "
            "decision, not ours\n- **Agreed: we move to room 4.12 from June.**\n\n---\n\n"
            "# Actions\n\n- Jonas — book room 4.12 for June\n\n---\n\n"
            "# Next meeting\n\n## Tuesday\n## 21 May\n")
    extraction = extract(note(body, date(2024, 5, 7)))
    assert [d.text for d in extraction.decisions] == ["we move to room 4.12 from June."]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Jonas Berg", "book room 4.12 for June")]
    assert extraction.next_call is not None and extraction.next_call.date == date(2024, 5, 21)


def test_a_saved_skype_chat_names_its_speakers_handles_events_and_quoted_replies() -> None:
    body = ("Conversation: Larch studio weekly\n"
            "Saved from Skype by Ines Moreau, 02/03/2011 (jo.k is Joanna Kerr)\n\n"
            "[02/03/2011 09:00:10] Ines Moreau: morning, shall we start?\n"
            "[02/03/2011 09:00:30] Piotr Nowak: morning\n"
            "[02/03/2011 09:00:41] Aled Price: hi all\n"
            "[02/03/2011 09:01:05] Ines Moreau: can someone update the price list?\n"
            "[02/03/2011 09:01:20] *** Joanna Kerr has joined ***\n"
            "[02/03/2011 09:01:40] jo.k: I'll fix the contact form today\n"
            "[02/03/2011 09:02:10] Piotr Nowak: [02/03/2011 09:01:05] Ines Moreau: can someone "
            "update the price list?\n\n<<< I'll update it by Friday\n"
            "[02/03/2011 09:02:40] Aled Price: fine\n"
            "[02/03/2011 09:03:00] Aled Price: bye\n")
    extraction = extract(note(body, date(2011, 3, 2), fmt="text"))
    assert [(p.name, p.aliases) for p in extraction.attendees] == [
        ("Ines Moreau", ()), ("Piotr Nowak", ()), ("Aled Price", ()), ("Joanna Kerr", ("jo.k",))]
    assert [(a.owner, a.task.split(" (")[0]) for a in extraction.actions] == [
        ("Joanna Kerr", "fix the contact form today"), ("Piotr Nowak", "update it by Friday")]


def test_standards_plenary_notes_with_abbreviations_and_conclusion_lists() -> None:
    body = ("**Attendees:**\n\n| Name | Abbreviation | Organization |\n|---|---|---|\n"
            "| Hilde Varga | HVA | Eastlight (chair) |\n| Bruno Mattei | BMI | Corvid Labs |\n"
            "| Sana Qureshi | SQI | Invited Expert |\n\n"
            "## Proposal: Range Types for Stage 2\n\n"
            "HVA: Any objections? None.\n\n#### Conclusion/Resolution\n\n"
            "- Range Types advance to Stage 2.\n"
            "- SQI will write the conformance tests before the next meeting.\n"
            "- If anyone wants to co-champion, contact BMI.\n"
            "- The test harness needs a maintainer; nobody volunteered.\n\n"
            "BMI: I might ask for Stage 3 in March, but I won't promise that.\n\n"
            "## Proposal: Lazy Joins\n\nHVA: I'm not hearing consensus.\n")
    extraction = extract(note(body, date(2019, 11, 20)))
    assert [(p.name, p.aliases, p.chair) for p in extraction.attendees] == [
        ("Hilde Varga", ("HVA",), True), ("Bruno Mattei", ("BMI",), False),
        ("Sana Qureshi", ("SQI",), False)]
    assert [d.text for d in extraction.decisions] == ["Range Types advance to Stage 2."]
    assert [(a.owner, a.task) for a in extraction.actions] == [
        ("Sana Qureshi", "write the conformance tests before the next meeting")]


def test_a_telegram_chat_copied_out_is_read_as_turns_with_its_summary_of_who_came() -> None:
    body = ("Ferry Tiles - dev chat (Telegram), copied by Ines\n\n"
            "Ines Cabral, [03.02.22 19:00]\nHi all, let's go. Who's here?\n\n"
            "Rui P, [03.02.22 19:01]\nhere\n\n"
            "Ines Cabral, [03.02.22 19:02]\nRui, can you look at the crash on Android 12?\n\n"
            "Rui P, [03.02.22 19:03]\nyes, I'll fix the Android 12 crash this week\n\n"
            "Tomé 🌊, [03.02.22 19:04]\nI'll write the store notice\n\n"
            "Ines Cabral, [03.02.22 19:10]\nWe talked about this for weeks, let's just vote\n\n"
            "Ines Cabral, [03.02.22 19:30]\nPresent: Ines Cabral, Rui Pereira, Tomé Faria "
            "(notes). Lia Matos (Lia) absent.\n")
    extraction = extract(note(body, date(2022, 2, 3), fmt="text"))
    assert [p.name for p in extraction.attendees] == ["Ines Cabral", "Rui Pereira", "Tomé Faria"]
    assert extraction.decisions == ()
    assert [(a.owner, a.task.split(" (")[0]) for a in extraction.actions] == [
        ("Rui Pereira", "fix the Android 12 crash this week"),
        ("Tomé Faria", "write the store notice")]


def test_a_pull_request_that_adds_the_minutes_is_read_from_its_diff() -> None:
    body = ("Add minutes for the 2026-02-02 call #41\n\n**nadia-k** commented on Feb 2\n\n"
            "Minutes below, merging tomorrow.\n\n```diff\n+# Bramble call 2026-02-02\n+\n"
            "+## Attendees\n+\n+- Nadia Kowal (@nadia-k)\n+- Oren Levi (@olevi)\n+\n"
            "+## Release\n+\n+**Decision:** 2.0 ships on 10 February.\n+\n"
            "+- @olevi will tag the release.\n```\n")
    extraction = extract(note(body, date(2026, 2, 2)))
    assert [d.text for d in extraction.decisions] == ["2.0 ships on 10 February."]
    assert [(a.owner, a.task) for a in extraction.actions] == [("Oren Levi", "tag the release")]


def test_who_joins_late_reads_later_or_keeps_the_notes_has_no_task() -> None:
    body = ("Attendees: Nina Ruud, Oskar Berg, Pia Lund\n\n"
            "Nina: Oskar said he'll join a bit late. I'll take notes as usual.\n"
            "Pia: I'll save the chat as the notes. Pia is away, she'll read it later.\n"
            "Oskar: I'll fix the login page this week.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Oskar Berg", "fix the login page this week")]


def test_next_and_the_name_the_title_gives_the_meeting_is_the_next_call() -> None:
    body = ("Attendees: Ann Lee, Bo Chen\n\nNo CAB on 16 June (Ann on leave). "
            "Next CAB *23 June 2015* 14:00, room 2.14.\n")
    cab = parse_note(NoteFile("2015-06-09-cab.md", f"# CAB meeting 2015-06-09\n\n{body}".encode()))
    other = parse_note(NoteFile("2015-06-09-ops.md", f"# Ops notes\n\n{body}".encode()))
    assert (call := extract(cab).next_call) is not None and call.date == date(2015, 6, 23)
    assert extract(other).next_call is None


def test_a_reply_that_promises_nothing_and_a_follow_up_already_done_are_no_tasks() -> None:
    body = ("Attendees: Nina Ruud, Oskar Berg\n\n"
            "Oskar: still stuck on the report. I'll keep at it.\n"
            "Nina: ok, I'll survive. I'll just say \"spring\". I'll stop the recording.\n\n"
            "## Follow-up tasks\n\n- Oskar merged #12 in the call, so that follow-up is already "
            "done.\n- Nina will email the venue.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Nina Ruud", "email the venue")]


def test_a_reminder_in_a_list_of_follow_ups_is_no_task() -> None:
    body = ("Attendees: Nina Ruud\n\n## Follow-up tasks\n\n"
            "- Reminder: the building closes from 23 December, nothing new there.\n"
            "- FYI: the CFP closes on 31 March.\n- Nina will book the room.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Nina Ruud", "book the room")]


def test_a_plain_text_list_of_tasks_by_nick_in_a_column() -> None:
    body = ("Present (PMC):  Kenji Mori (kmori), Anders Holm (aholm, taking notes)\n\nACTIONS\n"
            "  kmori     - release cadence paragraph for the board report\n"
            "  ?         - committee page / DOAP update\n"
            "  aholm     - post the item 2 summary to dev@\n")
    assert [(a.owner, a.task) for a in extract(note(body, fmt="text")).actions] == [
        ("Kenji Mori", "release cadence paragraph for the board report"),
        (None, "committee page / DOAP update"), ("Anders Holm", "post the item 2 summary to dev@")]


def test_a_copilot_style_recap_with_name_chips_and_a_disclaimer() -> None:
    body = ("Invited: Zainab Qureshi; Beatriz Moura; Oskar Lindgren; Callum Reid\n\n"
            "## Meeting notes\n\n- @Zainab Qureshi will make the switch and @Beatriz Moura will "
            "test it with the 200 addresses.\n\n## Follow-up tasks\n\n"
            "- Fix the two contrast failures (@Oskar Lindgren, @Callum Reid)\n"
            "- Sprint 15 runs to Wednesday 28 May.\n"
            "- *You should check these notes for accuracy. They were generated automatically.*\n")
    assert [(a.owner, a.task) for a in extract(note(body, day=date(2025, 5, 15))).actions] == [
        ("Zainab Qureshi", "make the switch"),
        ("Beatriz Moura", "test it with the 200 addresses (Zainab Qureshi will make the switch)"),
        ("Oskar Lindgren, Callum Reid", "Fix the two contrast failures")]


def test_we_are_keeping_a_thing_as_it_is_is_a_decision_but_not_an_eye_on_it() -> None:
    body = ("## Discount\n\n- Pieter proposed cutting the annual discount to 15%.\n"
            "- We're keeping the annual discount at 20%, no change.\n"
            "- We're keeping an eye on churn.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "We're keeping the annual discount at 20%, no change."]


def test_a_comment_in_an_issue_thread_promises_for_its_author() -> None:
    body = ("Attendees: @rhiannon-d (Rhiannon Davies), @adeyemi (Adeyemi Ogunleye)\n\n---\n\n"
            "**adeyemi** commented on Aug 29, 2023\n\nI'll take the codemod, with a PR up by "
            "the end of next week.\n\n---\n\n**rhiannon-d** commented on Aug 30, 2023\n\n"
            "Thanks all. I'll post in Discussions once we have a date.\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Adeyemi Ogunleye", "take the codemod, with a PR up by the end of next week"),
        ("Rhiannon Davies", "post in Discussions once we have a date")]


@pytest.mark.parametrize("said", [
    "So the agenda's in the doc, I'll paste the link in the chat.", "I'll share my screen.",
    "I'll leave it open and we'll come back to it.", "Oh right, yes. I'll add that at the end."])
def test_what_is_done_on_the_call_itself_is_no_task(said: str) -> None:
    body = f"Participants: Ana Lima, Bo Chen\n\n[00:01:02] Ana Lima: {said}\n"
    assert extract(note(body, fmt="text")).actions == ()


def test_an_items_owner_in_brackets_with_its_due_date() -> None:
    body = ("Attendees: Rosalind Achebe, Teodor Vasile\n\n## Next steps\n\n"
            "- update the help article for Android 9 (Rosalind, due Fri)\n"
            "- roll out variant B (Teodor; by 13 Mar)\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Rosalind Achebe", "update the help article for Android 9"),
        ("Teodor Vasile", "roll out variant B")]


def test_a_marker_with_its_owner_in_brackets_in_an_action_items_list() -> None:
    body = ("**Attendees:** Ana Lima (AL), Bo Chen, Dev Patel\n\nAI(AL): send the invite.\n\n"
            "## Action Items\n\n- TODO(dev): fix the CI\n- AI(AL): book the room\n"
            "- ACTION 12.4 (Dev Patel): order the laptops\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Ana Lima", "send the invite"), ("Dev Patel", "fix the CI"),
        ("Ana Lima", "book the room"), ("Dev Patel", "order the laptops")]


@pytest.mark.parametrize(("said", "decided"), [
    ("We're not going to support IE11 any more.", True),
    ("We won't renew the lease.", True),
    ("The board approved the budget last month.", False),
    ("Agreed to run it the same way as last year.", True)])
def test_decisions_not_to_and_decisions_taken_before(said: str, decided: bool) -> None:
    assert bool(extract(note(f"## Notes\n\n- {said}\n")).decisions) is decided


def test_a_line_handing_a_list_to_someone_makes_its_items_their_tasks() -> None:
    body = ("Attendees: Priya Raman (chair), Bram de Vries, Tomasz Nowak, Lena Fischer\n\n"
            "## PR 412: new install guide\n\n"
            "| Field | Value |\n|---|---|\n| Presenter | Lena Fischer |\n\n"
            "Asked of the author:\n- split the troubleshooting part into its own page\n\n"
            "For Priya:\n- check whether the licence note needs legal sign-off\n\n"
            "Bram's to-dos:\n- migrate the glossary to the wiki\n\n"
            "## Archive\n\nFor reference:\n- the old guide lives in the archive\n")
    assert owned(body) == [
        ("Lena Fischer", "split the troubleshooting part into its own page"),
        ("Priya Raman", "check whether the licence note needs legal sign-off"),
        ("Bram de Vries", "migrate the glossary to the wiki")]


def test_a_request_to_a_handle_answered_in_the_next_comment_is_the_handles_task() -> None:
    body = ("Attendees: @ines-v (Inês Vidal), @bram-dev (Bram de Vries)\n\n---\n\n"
            "**ines-v** commented on Mar 4, 2025\n\n"
            "We did not settle the search engine. @bram-dev, could you benchmark Pagefind on "
            "our docs before then?\n\n---\n\n"
            "**bram-dev** commented on Mar 5, 2025\n\n@ines-v sure, will do.\n")
    assert owned(body) == [("Bram de Vries", "benchmark Pagefind on our docs before then")]


def test_a_speaker_with_a_three_word_name_or_a_particle_is_the_speaker() -> None:
    body = ("Attendees: Fatima Zahra Idrissi, Bram de Vries\n\n"
            "Fatima Zahra Idrissi: I'll own the service desk side of the pilot.\n"
            "Bram de Vries: Will do, today.\n")
    assert owned(body, fmt="text") == [
        ("Fatima Zahra Idrissi", "own the service desk side of the pilot")]


def test_an_open_question_does_not_swallow_the_task_a_closing_list_restates() -> None:
    body = ("Attendees: Ana Ruiz, Ben Ode\n\n## Story hour\n\n"
            "- Ana: attendance has dropped. Should we move story hour to Saturday mornings?\n"
            "- Ben isn't sure the Saturday rota can cover it. Ana will look at the rota first.\n"
            "\n## Action items\n\n- Ana: look at the Saturday rota for story hour\n")
    assert owned(body) == [("Ana Ruiz", "look at the Saturday rota for story hour")]


def test_a_closing_list_naming_what_a_pointing_task_is_about_is_the_same_task() -> None:
    body = ("Attendees: Kenji Mori, Ahmed Farouk, Wen Li\n\n## Report\n\n"
            "The board asked us to explain our release cadence. Kenji will write that paragraph "
            "for the report.\n\n## Release\n\nAhmed will fix the third file today. Wen will "
            "review PR 12.\n\n## Action items\n\n"
            "- Kenji: release cadence paragraph for the board report\n"
            "- Ahmed: licence header in the third test file\n"
            "- Wen: review PR 13\n")
    assert [task for _, task in owned(body)] == [
        "release cadence paragraph for the board report",
        "licence header in the third test file", "review PR 12", "review PR 13"]


def test_a_title_naming_the_meeting_a_decision_review_does_not_make_every_line_a_decision() -> None:
    body = ("# Decision review — Billing squad — 2023-08-22\n\n"
            "Purpose: close as many open entries in the log as we can.\n\n"
            "## 1. Invoices\n\n- The pilot ran three weeks without incidents.\n"
            "- **Agreed:** PDF invoices go to all merchants on 12 Sept.\n"
            "- The proposal is to extend the refund window to 60 days.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "PDF invoices go to all merchants on 12 Sept."]


def test_a_decisions_list_restating_a_decision_said_above_in_other_words_counts_once() -> None:
    body = ("## Vector tiles\n\nAgreed: the vector tile reader goes into 1.0 once it is in its "
            "own PR; the vector tile writer stays behind the experimental flag.\n\n"
            "## Decisions\n\n- #412: reader in 1.0 once split out, writer behind the "
            "experimental flag\n- pin GDAL 2.2 in CI until 1.0\n")
    assert decisions(body) == [
        "the vector tile reader goes into 1.0 once it is in its own PR; the vector tile writer "
        "stays behind the experimental flag.", "pin GDAL 2.2 in CI until 1.0"]


def test_a_heading_handing_its_section_to_someone_and_lines_that_are_no_ones_task() -> None:
    body = ("Attendees: Priya Natarajan, Helen Marchetti\n\n## Reading group\n\n"
            "Need to decide who runs it over the summer. Back to it next time.\n\n"
            "Helen said she would strongly prefer a hired tenor.\n\n"
            "## For Priya:\n\n- review Jonas's camera-ready before the 10th\n"
            "- share the annotation guidelines with Chen\n")
    assert owned(body) == [
        ("Priya Natarajan", "review Jonas's camera-ready before the 10th"),
        ("Priya Natarajan", "share the annotation guidelines with Chen")]


def test_the_clerk_is_the_town_clerk_in_attendance_and_a_bare_installation_says_of_what() -> None:
    body = ("PRESENT: Cllr Roger Bell (Chair), Cllr Sian Hughes\n"
            "IN ATTENDANCE: Mrs Janet Pryce (Town Clerk), Jo Kim (Fixtures Secretary), "
            "Mr Keith Atherton (Grounds Manager)\n\n"
            "It was RESOLVED to install two dog bins on Mill Lane. The Grounds Manager will "
            "arrange the installation. The Clerk will notify plot holders of the 2020 rents.\n")
    assert owned(body, fmt="text") == [
        ("Keith Atherton", "arrange the installation (It was RESOLVED to install two dog bins "
                           "on Mill Lane)"),
        ("Janet Pryce", "notify plot holders of the 2020 rents")]


def test_a_teams_transcript_turn_under_the_speakers_name_alone_on_a_line() -> None:
    body = ("Participants: Kwame Asante (chairing), Dorothy Flanagan, Maria Gonzalez\n\n"
            "0:01:07 Kwame Asante\nOK, so no fresh dairy from November. Dorothy, can you sort "
            "the signs?\n\n0:01:11 Dorothy Flanagan\nI'll put signs up at both drop-off points "
            "this week.\n\n0:03:01 Maria Gonzalez\nDid we agree on the hamper numbers? I'm not "
            "sure we actually agreed it.\n\n0:03:40 Kwame Asante\nGood to hear.\n")
    ext = extract(note(body, fmt="text"))
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dorothy Flanagan", "put signs up at both drop-off points this week")]
    assert ext.decisions == ()


def test_a_handles_role_stays_and_a_guests_remark_names_the_author() -> None:
    attendees = parse_attendee_text(
        "@hokonkwo (Hana Okonkwo, chairing), @bram (Bram de Vries), @akul (Aarav Kulkarni), "
        "author of #412, pablo polvorin")
    assert [(p.name, p.chair) for p in attendees] == [
        ("Hana Okonkwo", True), ("Bram de Vries", False), ("Aarav Kulkarni", False),
        ("pablo polvorin", False)]
    body = ("On the call: @hokonkwo (Hana Okonkwo, chairing), @bram (Bram de Vries), "
            "@akul (Aarav Kulkarni), author of #412\n\n## Vector tiles (#412)\n\n"
            "Asked of the author:\n\n- split #412 into a reader PR and a writer PR\n")
    assert owned(body) == [("Aarav Kulkarni", "split #412 into a reader PR and a writer PR")]


def test_scribe_minutes_with_lower_case_nicks_and_label_lines_over_the_names() -> None:
    body = ("                   Open Data Group\n                    07 Mar 2019\n\n"
            "Attendees\n\n   Present\n          Olga_Berg, Piet_Jansen, Rosa_Lind,\n"
            "          Sami_Koski\n   Regrets\n          Uma_Rao\n   Chair\n          Olga_Berg\n"
            "   Scribe\n          Piet_Jansen\n\nAgenda and minutes\n\n"
            "   olga: rosa, could you check that the validator accepts the new table\n"
            "   before we merge the PR?\n   <rosa> on it\n"
            "   sami: Piet and I will draft the enum levels so people can see\n"
            "   them concretely\n   ACTION: sami and piet to draft the occupancy enum levels\n\n"
            "   olga: the chair will create the repository and move the files over\n"
            "   olga: Rosa, please report back what the lawyers say\n"
            "   ACTION: rosa to report back on the lawyers' view of CC0\n")
    ext = extract(note(body, date(2019, 3, 7), fmt="text"))
    assert [(p.name, p.chair) for p in ext.attendees] == [
        ("Olga Berg", True), ("Piet Jansen", False), ("Rosa Lind", False), ("Sami Koski", False)]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Rosa Lind", "check that the validator accepts the new table before we merge the PR"),
        ("Sami Koski, Piet Jansen", "draft the occupancy enum levels"),
        ("Olga Berg", "create the repository and move the files over"),
        ("Rosa Lind", "report back on the lawyers' view of CC0")]


def test_a_pinned_chat_summary_with_labels_glued_to_its_lists() -> None:
    body = ("In the call: Ines Moreau (@ines), Kofi Boateng (@kofi), Lea Brandt (@lea)\n\n"
            "**ines** 11:40 📌 _pinned_\n**Recap**\nDecided\n"
            "• nightly builds move to the new runners from Monday\n"
            "• the beta stays behind the flag until the audit is done\nNot decided\n"
            "• whether to drop the 32-bit installer\nActions\n"
            "• @kofi @lea migrate the nightly jobs\n• @ines book the audit slot\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "nightly builds move to the new runners from Monday",
        "the beta stays behind the flag until the audit is done"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Kofi Boateng, Lea Brandt", "migrate the nightly jobs"),
        ("Ines Moreau", "book the audit slot")]


def test_a_list_item_wrapped_onto_a_short_line_keeps_it() -> None:
    body = "Actions:\n\n- review the parser patch, assigned to\nAnil\n- tag the release\n"
    assert [a.task for a in extract(note(body)).actions] == [
        "review the parser patch, assigned to Anil", "tag the release"]


def test_a_lower_case_chat_settles_the_rule_put_to_it() -> None:
    body = ("In the call: Ines Moreau (@ines), Kofi Boateng (@kofi), Lea Brandt (@lea)\n\n"
            "**ines** 10:12\nproposal: any flaky test that fails twice in a week is "
            "quarantined until someone fixes it. objections?\n\n**kofi** 10:12\nnone\n\n"
            "**ines** 10:13\nagreed then. someone needs to add the quarantine job to CI\n\n"
            "**ines** 10:14\n@lea could you check which tests failed twice last week?\n\n"
            "**lea** 10:14\non it\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "any flaky test that fails twice in a week is quarantined until someone fixes it"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        (None, "add the quarantine job to CI"),
        ("Lea Brandt", "check which tests failed twice last week")]


def test_a_decision_still_to_take_or_not_taken_is_no_decision() -> None:
    body = ("Decision needed by 12 May on the hosting contract.\n\n"
            "Kofi: the board sets the budget; nothing for the working group to decide.\n\n"
            "We discussed the logo again, but we didn't agree.\n\n"
            "Need to decide whether we keep the forum. We agreed to archive the old wiki.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "We agreed to archive the old wiki."]
    assert extract(note(body)).actions == ()


def test_a_shared_task_said_again_with_its_owners_the_other_way_round_is_one() -> None:
    body = ("Attendees: Kofi Boateng (@kofi), Lea Brandt (@lea)\n\n"
            "Kofi: Lea and I will migrate the nightly jobs to the new runners.\n\n"
            "## Actions\n\n- @kofi @lea migrate the nightly jobs\n")
    assert owned(body) == [
        ("Lea Brandt, Kofi Boateng", "migrate the nightly jobs to the new runners")]


def test_a_proposal_settled_in_chat_then_recorded_by_a_marker_is_one_decision() -> None:
    body = ("[10:11] <ines> ok so: the docs no longer block the RC, they move to the final "
            "milestone. objections?\n"
            "[10:11] <ines> hearing none. AGREED: docs issues do not block the RC, moved to the "
            "final milestone\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "docs issues do not block the RC, moved to the final milestone"]


def test_a_decision_logs_proposed_and_open_rows_are_not_decided_yet() -> None:
    body = ("## Decision log\n\n| # | Decision | Status |\n|---|---|---|\n"
            "| D-7 | Move the docs to the new theme | ✅ Agreed |\n"
            "| D-8 | Drop the 32-bit builds | 🤔 Proposed |\n"
            "| D-9 | Price for the team plan | ❓ Open, decision needed by 3 June |\n\n"
            "**Next decision review:** Tue 3 June, 14:00.\n")
    ext = extract(note(body, date(2025, 5, 20)))
    assert [d.text for d in ext.decisions] == ["Move the docs to the new theme"]
    assert ext.next_call is not None and ext.next_call.date == date(2025, 6, 3)


def test_an_open_status_beside_a_task_column_is_the_tasks() -> None:
    body = ("| Item | Decision | Action | Owner | Status |\n|---|---|---|---|---|\n"
            "| Budget | Keep the grant as it is | Tell the donor | Rajendra | Open |\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == ["Keep the grant as it is"]


def test_a_poll_result_that_says_there_is_none_is_no_decision() -> None:
    body = ("Straw poll on the release month: (a) March, (b) May.\n"
            "Result: a 3, b 3, abstained 1. No result.\n\nWe agreed to cut rc1 on Friday.\n")
    assert [d.text for d in extract(note(body)).decisions] == ["We agreed to cut rc1 on Friday."]


def test_she_and_a_colleague_would_and_whom_to_check_with_after_a_question() -> None:
    body = ("PRESENT: Cllr Ruth Amis (Chair), Cllr Dev Kapoor, Cllr Nora Quint\n"
            "IN ATTENDANCE: Mr Ian Pole (Clerk)\n\n"
            "5. PLAY AREA\nCllr Amis said that she and Cllr Kapoor would inspect the swings "
            "before the spring. Cllr Quint asked whether the gate could be painted green. The "
            "Clerk will check with the supplier.\n")
    assert owned(body, fmt="text") == [
        ("Ruth Amis, Dev Kapoor", "inspect the swings before the spring"),
        ("Ian Pole", "check with the supplier (5. PLAY AREA; Cllr Quint asked whether the gate "
                     "could be painted green)")]


def test_a_guest_whose_remark_says_author_of_owns_what_is_asked_of_the_author() -> None:
    body = ("Attendees: Kofi Boateng (chair), Lea Brandt\n"
            "Guests: Mira Sato (author of RFC 0051, item 2)\n\n"
            "## 2. RFC 0051\n\nAsked of the author:\n\n- add a migration section\n"
            "- benchmark the new parser on the large corpus\n")
    assert owned(body) == [("Mira Sato", "add a migration section"),
                           ("Mira Sato", "benchmark the new parser on the large corpus")]


def test_anyone_unhappy_with_that_puts_the_suggestion_and_so_settles_it() -> None:
    body = ("Participants: Ada Kerr (chairing), Bo Lind, Cy Moss\n\n"
            "0:00:10 Bo Lind\nWe should close the hall at four in winter, the heating costs "
            "too much after that.\n\n0:00:20 Ada Kerr\nAnyone unhappy with that?\n\n"
            "0:00:22 Cy Moss\nNo, fine.\n\n"
            "0:00:25 Ada Kerr\nOK, so from November the hall closes at four.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "from November the hall closes at four"]


def test_a_first_name_attendee_the_note_names_in_full_elsewhere_owns_in_full() -> None:
    body = ("Present: Ines (chair), Kofi, Mira\n\n"
            "Real names, for the record: Ines Moreau, Kofi Boateng, Mira Sato.\n\n"
            "Kofi will tag the release. Poor Mira had no power all week; Mira will send the "
            "slides from the Berlin talk.\n")
    assert owned(body) == [("Kofi Boateng", "tag the release"),
                           ("Mira Sato", "send the slides from the Berlin talk")]


def test_what_a_named_party_outside_the_meeting_has_decided_is_news() -> None:
    body = ("Present: Ines Moreau, Kofi Boateng\n\n"
            "Tokio has decided to keep 1.x as an LTS line until mid-2022. "
            "Google has now decided to give smaller organisations fewer slots.\n\n"
            "Larkspur has decided to drop Python 2.5 in 0.5. We have decided to move the docs "
            "to Read the Docs.\n")
    own = replace(note(body), title="Larkspur dev call")  # (its own project's decision)
    assert [d.text for d in extract(own).decisions] == [
        "Larkspur has decided to drop Python 2.5 in 0.5.",
        "We have decided to move the docs to Read the Docs."]


def test_passed_his_exam_after_a_proposal_is_no_vote_on_it() -> None:
    body = ("Sol proposed moving the bug tracker to GitHub issues. No agreement on the call.\n\n"
            "Yusuf finished his project and passed his final evaluation.\n\n"
            "Kofi proposed a £5 rise in subs. The motion passed unanimously.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "a £5 rise in subs (passed unanimously)"]


def test_a_chat_log_pasted_in_a_code_fence_is_read_and_so_put_is_settled() -> None:
    body = ("Attendees: ines (Ines Moreau, chair), kofi (Kofi Boateng), mira (Mira Sato)\n\n"
            "It was settled on IRC after the call:\n\n```\n"
            "[21:47] <kofi> so: the cache goes behind a flag, off by default, for 2.1?\n"
            "[21:48] <mira> +1\n"
            "[21:49] <ines> settled then. kofi, can you rework the patch that way?\n"
            "[21:49] <kofi> yep, by the weekend\n```\n\n"
            "```\n# TODO(mira): not a task, code\nmake test\n```\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "the cache goes behind a flag, off by default, for 2.1"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Kofi Boateng", "rework the patch that way")]


def test_a_task_after_a_short_reply_points_back_to_the_turn_before() -> None:
    body = ("Attendees: dunk (Duncan Hale), rook (Ravi Okoro)\n\n"
            "dunk: does the devkit arrive before the jam?\n"
            "rook: should do. i'll chase them tomorrow\n")
    assert owned(body) == [
        ("Ravi Okoro", "chase them tomorrow (does the devkit arrive before the jam?)")]


def test_an_item_that_says_more_than_a_present_task_is_read_sentence_by_sentence() -> None:
    body = ("Attendees: Jonas Eklund, Mira Sato\n\n## AOB\n\n"
            "- Jonas moves to Montréal in October, and 15:00 UTC is 11:00 there. We agreed\n"
            "  to move this meeting to 16:00 UTC from October.\n"
            "- Mira fixes the login bug. The FAQ can wait.\n- Jonas merges the docs branch\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "We agreed to move this meeting to 16:00 UTC from October."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Mira Sato", "fix the login bug"), ("Jonas Eklund", "merge the docs branch")]


def test_an_answer_yes_before_a_plan_and_so_thats_what_well_do() -> None:
    body = ("Zainab asked whether we should do a release candidate first. Yes: we'll tag rc1 "
            "on 2 September.\n\nStrong opinions on both sides. After a while: no telemetry in "
            "1.0, and a survey instead. So that's what we'll do.\n\n"
            "Ferran: we should drop the old API.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Yes: we'll tag rc1 on 2 September.",
        "After a while: no telemetry in 1.0, and a survey instead"]


def test_settled_on_says_what_it_settles_without_the_sentence_before() -> None:
    body = ("Khronos has relicensed the sample models, so we can keep using them. For what we "
            "make ourselves, settled on CC0.\n\nNobody disagreed, but we didn't want to decide "
            "without knowing the hosting cost.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "For what we make ourselves, settled on CC0."]


def test_what_it_them_and_that_way_point_back_to() -> None:
    body = ("Attendees: Ines Moreau, Kofi Boateng\n\n## Releases\n\n"
            "The other regression (folders with long names vanish) needs someone to bisect it; "
            "nobody had time this week.\n\n"
            "We agreed that every point release gets a one-week release candidate first. "
            "Kofi will write that into RELEASING.md.\n\n"
            "Three volunteers' training has lapsed. Someone needs to send them the training "
            "link; no one took it.\n")
    assert owned(body) == [
        (None, "bisect the other regression (folders with long names vanish)"),
        ("Kofi Boateng", "write that into RELEASING.md (Releases; We agreed that every point "
                         "release gets a one-week release candidate first)"),
        (None, "send them the training link (Releases; Three volunteers' training has "
               "lapsed)")]


def test_a_lower_case_nick_after_so_owns_the_task() -> None:
    body = ("Attendees: gwen (Gwen Price, chair), mattias (Mattias Berg), rkd (Radhika Rao)\n\n"
            "No agreement on the call, so gwen will start a thread on the list. It is late, "
            "but rkd will merge the fix tonight.\n")
    assert owned(body) == [("Gwen Price", "start a thread on the list"),
                           ("Radhika Rao", "merge the fix tonight")]


def test_two_handles_tasks_in_one_sentence_and_a_handle_the_note_names_in_full() -> None:
    body = ("here: ines (chair), Dario, @fkaur, @jhaldane\n"
            "(= Inês Albuquerque, Dario Conti, Farah Kaur, Julia Haldane)\n\n"
            "@fkaur volunteered to write the migration note, and @jhaldane will port the OBJ "
            "importer to the plugin API.\n")
    assert owned(body) == [("Farah Kaur", "write the migration note"),
                           ("Julia Haldane", "port the OBJ importer to the plugin API")]


def test_a_follow_up_task_inside_a_decisions_item_is_a_task() -> None:
    body = ("Attendees: Anouk de Wit, Lea Brandt\n\n## Decisions\n\n"
            "- `legend.position` is renamed to `legend.placement` in 3.0 (nobody objected. "
            "Anouk to add it to the migration guide).\n- SVG is the default renderer.\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "legend.position is renamed to legend.placement in 3.0 (nobody objected.",
        "SVG is the default renderer."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Anouk de Wit", "add it to the migration guide (legend.position is renamed to "
                         "legend.placement in 3.0)")]


def test_a_law_or_an_organisation_named_like_a_person_owns_nothing() -> None:
    body = ("Attendees: Elodie Marchand, Kofi Boateng\n\n"
            "The Cyber Resilience Act will require SBOMs for our users' products. "
            "The Apache Software Foundation will announce the change. "
            "Elodie will write the SBOM page.\n")
    assert owned(body) == [("Elodie Marchand", "write the SBOM page")]


def test_a_shared_view_or_a_straw_poll_is_no_decision() -> None:
    body = ("Anders holds the only signing key. Everyone agreed that's a bus-factor problem.\n\n"
            "Everyone more or less agreed this is the weak spot. The old docs? They're a mess, "
            "everyone agrees.\n\nRohan asked for a straw poll: 5 in favour, 2 against.\n\n"
            "Everyone agreed it is too late for that in this release.\n")
    assert [d.text.split(" (")[0] for d in extract(note(body)).decisions] == [
        "Everyone agreed it is too late for that in this release."]


def test_the_asking_before_an_agreed_marker_is_not_a_second_decision() -> None:
    body = ("  <hoa> one week before each release would be enough for us\n"
            "  <nadia> ok, anyone against? ... no? then agreed\n\n"
            "Agreed: a docs string freeze one week before each release.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "a docs string freeze one week before each release."]


def test_a_vote_marker_with_only_its_counts_is_no_decision_of_its_own() -> None:
    body = ("## 3. Security policy\n\nWe agreed to adopt the security policy (draft v3).\n\n"
            "Vote: 5 in favour, 0 against, 1 abstention (Hamid wanted more time).\n\n"
            "Result: 4 for, 2 against, so the meetup moves to Leeds.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "We agreed to adopt the security policy (draft v3).",
        "4 for, 2 against, so the meetup moves to Leeds."]


def test_a_decision_taken_elsewhere_needed_later_or_the_next_meeting() -> None:
    body = ("Sol takes the decision to the General Circle because it is over the circle limit.\n\n"
            "Henrik is the contact over the closure, in case a decision is needed urgently.\n\n"
            "We agreed to meet again on Monday at the same time.\n\n"
            "We agreed to buy a second urn.\n")
    assert [d.text for d in extract(note(body)).decisions] == ["We agreed to buy a second urn."]


def test_a_summary_mailed_to_a_list_is_its_senders_and_matrix_nicks_are_speakers() -> None:
    body = ("From: Olga Berg <olga@fjord.example>\nSubject: [dev] Notes from today's meeting\n\n"
            "There: me (chairing), Paulo Reis, Wanjiru Kamau (Jiru), Tomasz Nowak\n\n"
            "  <@paulo:fjord.example> ok I'll take the checklist update, PR by Friday\n"
            "  <olga> thanks\n\n"
            "Jiru said she'd do the changelog as well. No decision on the logo. I'll write "
            "both options up on the list.\n\nSee you next Wednesday.\n\nOlga\n\n-- \n"
            "Olga Berg · dev team chair\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Paulo Reis", "Wanjiru Kamau", "Tomasz Nowak"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Paulo Reis", "take the checklist update, PR by Friday"),
        ("Wanjiru Kamau", "do the changelog as well"),
        ("Olga Berg", "write both options up on the list")]


def test_a_here_list_typed_in_lower_case_names_people_but_here_in_a_sentence_does_not() -> None:
    body = ("here: amara, felipe (notes), wen\n\nhere: we agreed to keep the bot, for now.\n\n"
            "- Felipe to rerun the benchmark\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == ["Amara", "Felipe", "Wen"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Felipe", "rerun the benchmark")]


def test_the_rest_of_a_decision_markers_paragraph_says_more_of_the_decision() -> None:
    body = ("**Decision:** we ask for 3 seats. Docs only gets one of them if a second mentor "
            "is found by 10 April.\n\n"
            "**Verdict:** valid, low severity. Fixed in the open, with no embargo.\n"
            "→ Lin opens a public issue for it.\n\n"
            "Decision: keep the alert at 90%. There is still no runbook and there should be.\n\n"
            "Agreed: Year 7 moves to the new scheme. -> RW to write the first test (ACTION RW)\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "we ask for 3 seats. Docs only gets one of them if a second mentor is found by "
        "10 April.",
        "valid, low severity. Fixed in the open, with no embargo.",
        "keep the alert at 90%.",
        "Year 7 moves to the new scheme."]


def test_a_discord_channel_copied_out_is_read_as_its_authors_turns() -> None:
    body = ("#core-sync — Fernhill Rovers\n\n"
            "Dana Whitlock (chair) — 03/02/2026 7:01 PM\n"
            "notes here as we go\n"
            "here: me, @Ravi Shah (treasurer), @Lena Vogt,\n"
            "@Ike Obi (kit). @Emre is away\n\n"
            "Dana Whitlock (chair) — 03/02/2026 7:20 PM\n"
            "**2. kit**\n"
            "Ravi: the budget can take it\n"
            "decided: new goal nets, up to $300\n"
            "- old nets: Ike keeps them for training\n"
            "ok that's it, I'll post the agenda on sunday\n\n"
            "Lena Vogt — 03/02/2026 7:31 PM\n"
            "i'll order the nets tomorrow\n")
    ext = extract(note(body, day=date(2026, 3, 2), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Ravi Shah", "Lena Vogt", "Ike Obi"]
    assert [d.text for d in ext.decisions] == ["new goal nets, up to $300"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Dana Whitlock", "post the agenda on sunday"),
        ("Lena Vogt", "order the nets tomorrow")]


def test_an_attendee_item_with_an_organisation_after_a_comma_is_one_person() -> None:
    body = ("**Attendees:**\n\n- Noor Haddad (chair), Google\n- Felix Braun, Red Hat\n"
            "- Others: Ben Okafor, Sunita Rao\n\nFelix will review the guide.\n")
    ext = extract(note(body))
    assert [p.name for p in ext.attendees] == [
        "Noor Haddad", "Felix Braun", "Ben Okafor", "Sunita Rao"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Felix Braun", "review the guide")]


def test_someone_with_access_or_from_a_team_owes_an_unowned_task() -> None:
    body = ("Someone with DNS access needs to repoint the mirror alias.\n\n"
            "Someone from the infra team should rotate the keys.\n")
    assert owned(body) == [(None, "repoint the mirror alias"), (None, "rotate the keys")]


def test_a_chairs_lets_do_that_after_the_asking_takes_up_the_proposal_made_before() -> None:
    body = ("[00:01:48] Piotr Zielinski: Yeah. I'd like us to freeze the v1 plugin API for the "
            "2.0 release.\n"
            "[00:02:30] Sade Okafor: I'm fine with that, as long as the flag is documented.\n"
            "[00:02:41] Gwen Arnott: Anyone against? ... No? Okay, let's do that then.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "Okay, let's do that then. (I'd like us to freeze the v1 plugin API for the 2.0 "
        "release)"]


def test_a_legend_of_speakers_and_an_initials_column_give_full_names() -> None:
    body = ("Speakers:\n  Greta    - Greta Lindqvist (chair)\n  Sade     - Folasade \"Sade\" "
            "Adeyemi\n\nPRESENT\n  SH  Stanislav \"Stan\" Horak\n  BL  Beatriz Lopes\n\n"
            "NOTES\n  Sade will push the release to the PPA.\n")
    ext = extract(note(body, fmt="text"))
    assert [p.name for p in ext.attendees] == [
        "Greta Lindqvist", "Folasade Adeyemi", "Stanislav Horak", "Beatriz Lopes"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Folasade Adeyemi", "push the release to the PPA")]


def test_an_action_marker_for_me_or_for_he_names_the_writer_or_the_one_just_named() -> None:
    body = ("PRESENT\n  RK  Ruairi Keane (chair)\n  BL  Beatriz Lopes (notes)\n"
            "  SH  Stanislav Horak\n\nFIRMWARE\n  Stanislav tracked the resets to the flash task.\n"
            "  AI: he'll add a regression test for it.\n  AI: me - book the test tank.\n\n"
            "NEXT MEETING\n  TBD - not next week. AI: me - send a poll for a date in the week "
            "of 21 Sept.\n")
    ext = extract(note(body, day=date(2026, 9, 8), fmt="text"))
    assert [(a.owner, a.task.split(" (")[0]) for a in ext.actions] == [
        ("Stanislav Horak", "add a regression test for it"),
        ("Beatriz Lopes", "book the test tank"),
        ("Beatriz Lopes", "send a poll for a date in the week of 21 Sept")]
    assert ext.next_call is None


def test_a_decision_logs_rows_dated_weeks_before_without_a_year_are_earlier_decisions() -> None:
    body = ("## Decision log\n\n| ID | Decision | Status | Date |\n|---|---|---|---|\n"
            "| D-11 | Two-week release train from 2.3 | Agreed | 15 Apr |\n"
            "| D-18 | New customers pay £12 a month | Agreed | 6 May |\n")
    assert [d.text for d in extract(note(body, day=date(2014, 5, 6))).decisions] == [
        "New customers pay £12 a month"]


def test_a_chairs_were_agreed_then_is_followed_by_what_is_agreed() -> None:
    body = ("[00:15:11] Sade: So what I'd like is one queue, with a priority field.\n"
            "[00:16:39] Marcus: No objection.\n"
            "[00:16:48] Greta: Sounds like we're agreed then. One queue, a priority field, "
            "zoom 0 to 8 high priority by default.\n")
    assert [d.text for d in extract(note(body, fmt="text")).decisions] == [
        "Greta: Sounds like we're agreed then. One queue, a priority field, zoom 0 to 8 high "
        "priority by default."]


def test_running_the_meeting_or_another_projects_people_deciding_is_no_decision() -> None:
    body = ("Dev said on IRC he'll be late, so let's just start.\n\n"
            "Okay, let me read back what I have, so we're all agreed on what's written down.\n\n"
            "Homebrew's maintainers have decided to bump formulae from tags anyway.\n\n"
            "We agreed to tag 4.1 in December.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "We agreed to tag 4.1 in December."]


def test_a_matrix_log_pasted_in_a_fence_with_wrapped_lines_and_reactions() -> None:
    body = ("Who's who: `@ines:bramble.social` = Ines Moreau ·\n"
            "`@tavi:matrix.org` = Octavian \"Tavi\" Popescu · `@bk:kde.org` = Beth Kaye\n\n"
            "```\n"
            "[18:08] @ines:bramble.social: postgres. proposal: 0.8 drops postgres 12. it's EOL\n"
            "        in november and the JSON path stuff needs 13\n"
            "           👍 3  (tavi, bk, ines)\n"
            "[18:09] @bk:kde.org: yes please\n"
            "[18:10] @ines:bramble.social: ok, pg12 support is dropped in 0.8 then ✅\n"
            "[18:10] @ines:bramble.social: someone needs to put that in the upgrade notes\n"
            "[18:11] @tavi:matrix.org: I'll do it, I'm in the upgrade notes anyway\n"
            "[18:14] @bk:kde.org: ok fair. let's think about sqlite after 0.8, I'll stop\n"
            "[18:32] @ines:bramble.social: next sync same time in two weeks, tuesday the 16th?\n"
            "```\n")
    ext = extract(note(body, day=date(2024, 7, 2)))
    assert [p.name for p in ext.attendees] == ["Ines Moreau", "Octavian Popescu", "Beth Kaye"]
    assert [d.text for d in ext.decisions] == ["<ines> ok, pg12 support is dropped in 0.8 then ✅"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Octavian Popescu", "put that in the upgrade notes")]
    assert ext.next_call is not None and ext.next_call.date == date(2024, 7, 16)


def test_whos_on_what_items_name_their_owners_after_a_dash_with_a_remark() -> None:
    body = ("Attendees: Kalani Akana, Fergus Doyle, Nomvula Zulu, Ilse Vandermeer (\"Ilse V\"), "
            "Hye-jin Lim (QA, notes)\n\n## Who's on what\n\n"
            "- PIN-482 offline sync — Nomvula and Fergus together (Fergus on the sync API)\n"
            "- PIN-466 export — Ilse V, again; she says she'll finish it this week\n"
            "- PIN-470 jingle — Fergus (carried from July)\n"
            "- I'll write the offline test plan and share it by Friday.\n")
    assert owned(body) == [
        ("Nomvula Zulu, Fergus Doyle", "PIN-482 offline sync"),
        ("Ilse Vandermeer", "PIN-466 export"),
        ("Hye-jin Lim", "write the offline test plan and share it by Friday")]


def test_the_president_in_the_list_and_plus_joined_nicks_own_their_tasks() -> None:
    body = ("People: Signe Dahl (President, chair), anjak (Anja Köhler), emre (Emre Yalçın)\n\n"
            "The President will announce the date to members by the end of June.\n\n"
            "## Actions\n\n- [ ] anjak + emre — docs build publishes on every tag\n"
            "- [ ] emre — Homebrew packaging steps into the guide\n")
    assert owned(body) == [
        ("Signe Dahl", "announce the date to members by the end of June"),
        ("Anja Köhler, Emre Yalçın", "docs build publishes on every tag"),
        ("Emre Yalçın", "Homebrew packaging steps into the guide")]


def test_a_scribe_named_after_a_sentence_is_who_me_is() -> None:
    body = ("Room 2.14. Scribe this week: Tomás (rota on the wiki).\n\n"
            "Here: Nkem Okafor (PI), Lukas Brenner, Tomás Velasco\n\n"
            "## Next steps\n\n- Lukas: cost per sample for the new kit\n"
            "- Me: room booking for Wednesdays from January\n")
    assert owned(body) == [("Lukas Brenner", "cost per sample for the new kit"),
                           ("Tomás Velasco", "room booking for Wednesdays from January")]


def test_a_pair_named_before_an_elided_will_share_the_task() -> None:
    body = ("Attendees: Efua Mensah, Parisa Tehrani, Bartosz Nowak\n\n"
            "- Customer webinar on the new export is Tuesday 20 May, 14:00 — Efua and Parisa are "
            "doing it together, and will put the slides together next week.\n")
    assert owned(body) == [("Efua Mensah, Parisa Tehrani", "put the slides together next week")]


def test_prose_about_the_meetings_under_next_steps_is_no_task() -> None:
    body = ("## Next steps\n\n- Lukas: cost per sample for the new kit\n\n"
            "No meeting next week (Nkem is away). Last Tuesday slot before the move to "
            "Wednesdays.\n")
    assert owned(body) == [("Lukas", "cost per sample for the new kit")]


def test_it_in_a_reply_reaches_back_past_a_question_that_only_points_back() -> None:
    # "Can you take that?" says nothing of what "it" is: the statement before it does
    body = ("Attendees: Greta Holm, Ravi Nair\n\n"
            "[00:04:10] Ravi Nair: The onboarding checklist still links the old wiki.\n"
            "[00:04:30] Ravi Nair: It also skips the VPN step.\n"
            "[00:04:51] Greta Holm: Can you take that, Ravi?\n"
            "[00:05:02] Ravi Nair: Yeah, sure. I'll rewrite it this week.\n")
    [action] = extract(note(body)).actions
    assert action.owner == "Ravi Nair"
    assert action.task.startswith("rewrite it this week (The onboarding checklist still links "
                                  "the old wiki; It also skips the VPN step")


def test_a_short_reply_about_it_is_passed_over_for_what_it_is() -> None:
    body = ("Attendees: Greta Holm, Ravi Nair\n\n"
            "[00:07:12] Greta Holm: Ravi, can the support team email the beta testers about "
            "the new login page?\n"
            "[00:07:40] Ravi Nair: Sure, we'll do it. I'll get something out Friday.\n")
    [action] = extract(note(body)).actions
    assert action.task == ("get something out Friday (Ravi, can the support team email the "
                           "beta testers about the new login page?; Sure, we'll …)")


def test_kick_it_off_points_back() -> None:
    body = ("Attendees: Greta Holm, Ravi Nair\n\n"
            "[00:10:00] Greta Holm: Ravi, you said you'd start the domain transfer, is that "
            "you doing it?\n"
            "[00:10:20] Ravi Nair: Yes, I'll kick it off this week.\n")
    [action] = extract(note(body)).actions
    assert action.task == ("kick it off this week (Ravi, you said you'd start the domain "
                           "transfer, is that you doing it?)")


def test_in_prose_a_pronoun_task_keeps_the_sentence_before() -> None:
    # (a written note has its topic heading; the walk back is for talk)
    body = ("## Docs\n\nThe install page is out of date. It still mentions Python 3.7. "
            "Anil will fix it.\n")
    [action] = extract(note(body)).actions
    assert action.task == "fix it (Docs; It still mentions Python 3.7)"


def test_two_owners_to_in_one_line_are_two_tasks() -> None:
    body = ("Attendees: Tariq Aziz, Valentina Greco\n\n"
            "Tariq to write the patch, Valentina to review it.\n\n"
            "- Valentina to tag 2.1, Tariq to announce it on the forum\n")
    assert owned(body) == [
        ("Tariq Aziz", "write the patch"),
        ("Valentina Greco", "review it (Tariq to write the patch)"),
        ("Valentina Greco", "tag 2.1"),
        ("Tariq Aziz", "announce it on the forum (Valentina to tag 2.1)")]


def test_a_lower_case_nick_in_brackets_or_before_a_dash_owns_the_marked_task() -> None:
    body = ("Attendees: Priya Raman, @jlee (Jin Lee), Tomasz Nowicki\n\n"
            "- AI: [jlee] update the KEP with the alternatives section\n"
            "- AI: tomasz - open a tracking issue for the flaky test\n")
    assert owned(body) == [("Jin Lee", "update the KEP with the alternatives section"),
                           ("Tomasz Nowicki", "open a tracking issue for the flaky test")]


def test_front_matter_from_last_meetings_template_gives_way_to_the_file_name_and_body() -> None:
    text = ("---\ntitle: Council meeting 58\ndate: 2023-04-26\n---\n\n"
            "Held on 10 May 2023 by video.\n\n## Next meeting\n\nIn two weeks.\n")
    stale = parse_note(NoteFile("minutes/2023-05-10.md", text.encode()))
    assert stale.date == date(2023, 5, 10)
    found = extract(stale)
    assert found.next_call is not None and found.next_call.date == date(2023, 5, 24)
    assert found.warnings == ("the front matter says 2023-04-26 but the file name and the note "
                              "say 2023-05-10; kept 2023-05-10",)
    # the body silent on it, front matter wins over the file name as before
    kept = parse_note(NoteFile("minutes/2023-05-10.md", text.replace("Held on 10 May 2023",
                                                                      "Held").encode()))
    assert kept.date == date(2023, 4, 26)


def test_a_rule_above_the_title_is_not_the_title() -> None:
    text = ("==========================\n#widgets: Widget SIG weekly\n"
            "==========================\n\nMeeting started by kroot at 16:00:12 UTC.\n")
    assert parse_note(NoteFile("2022-11-09-meetbot.txt", text.encode())).title \
        == "#widgets: Widget SIG weekly"


def test_passed_said_of_people_is_no_verdict_on_the_proposal_before() -> None:
    body = ("Grace proposed moving the docs to MkDocs. Li was worried about broken links.\n\n"
            "GSoC: both students passed. Nadia will write the blog post.\n\n"
            "Omar proposed a 2.4.1 with the font fix. Carried 5-0.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "a 2.4.1 with the font fix (carried 5-0)"]


def test_the_one_who_says_i_can_do_it_owns_the_task_nobody_had() -> None:
    body = ("Attendees: Hana Sato, Ade Okafor\n\n"
            "[00:02:10] Hana Sato: Someone should book the booth, we need it by the end of the "
            "month.\n"
            "[00:02:21] Ade Okafor: I can do it.\n"
            "[00:02:30] Hana Sato: Someone needs to update the logo too.\n"
            "[00:02:41] Ade Okafor: Not me, sorry.\n")
    assert owned(body) == [("Ade Okafor", "book the booth, we need it by the end of the month"),
                           (None, "update the logo too")]


def test_a_scribe_tools_underscored_name_is_the_attendee() -> None:
    body = ("Present: Ana_Lima, bkessler, Chen_Yu\n\n"
            "RESOLUTION: use semver for the schema namespace\n\n"
            "ACTION: Chen_Yu to write the versioning section of the spec\n")
    assert owned(body) == [("Chen Yu", "write the versioning section of the spec")]


def test_no_objections_just_before_the_decisions_marker_is_the_same_decision() -> None:
    body = ("### lumen#48211 Drop Windows 8.1\n\n"
            "* Carla summarized the thread. No objections in the issue for 30 days.\n"
            "* Decision: Windows 8.1 support is dropped starting with Lumen 21.\n\n"
            "### Release dates\n\n* No objections to moving 21.2 a week later.\n")
    assert [d.text for d in extract(note(body)).decisions] == [
        "Windows 8.1 support is dropped starting with Lumen 21.",
        "No objections to moving 21.2 a week later."]


def test_a_bare_ordinal_right_after_the_next_call_cue_is_that_day() -> None:
    found = extract(note("Present: Rosa Lind\n\nnext sync 19th same time\n",
                         day=date(2024, 6, 12))).next_call
    assert found is not None and (found.date, found.text) == (date(2024, 6, 19),
                                                              "next sync 19th same time")


def test_timestamped_chat_lines_by_nick_are_turns() -> None:
    body = ("Attendees: Rosa Lind (rosa), Tobi Adeyemi (tobi_a)\n\n"
            "[18:07] rosa: someone needs to update the homebrew formula after release\n"
            "[18:07] tobi_a: i'll do it, I have the tap\n")
    assert owned(body) == [("Tobi Adeyemi", "update the homebrew formula after release")]


def test_a_chats_ok_with_a_tick_or_then_settles_what_was_put() -> None:
    body = ("Present: Rosa Lind (rosa), Tobi Adeyemi (tobi_a)\n\n"
            "[18:02] rosa: 2.0 release date, I'd say June 26\n"
            "[18:03] tobi_a: works for me\n"
            "[18:04] rosa: ok 2.0 ships june 26 ✅\n\n"
            "[18:10] rosa: docs move to the new theme?\n"
            "[18:11] tobi_a: fine with me\n"
            "[18:12] rosa: ok, the docs move to the new theme after 2.0 then\n")
    assert [d.text for d in extract(note(body, day=date(2024, 6, 12))).decisions] == [
        "Rosa Lind: ok 2.0 ships june 26 ✅",
        "Rosa Lind: ok, the docs move to the new theme after 2.0 then"]


def test_a_marked_outcome_that_settled_nothing_is_no_decision() -> None:
    body = ("### impl Trait in associated types\n\n"
            "- **Outcome**: not ready; back to the author.\n\n"
            "### home_dir\n\n- **Resolution**: deprecate in 1.87.\n"
            "- Decision: deferred to the next meeting.\n")
    assert [d.text for d in extract(note(body)).decisions] == ["deprecate in 1.87. (home_dir)"]


def test_earlier_minutes_quoted_for_reference_are_not_this_calls() -> None:
    text = ("From: Petra Novak <petra@example.org>\nSubject: Minutes of the call on 2 October "
            "2019\n\nPresent: Petra Novak, Sam Iyer, Jonas Berg\n\n"
            "Previous minutes, for reference:\n> ACTION: Sam to update the release checklist.\n"
            "\nSam updated the checklist, done.\n\nJonas will send the announcement to the users "
            "list.\n")
    parsed = parse_note(NoteFile("2019-10-02.txt", text.encode()))
    assert parsed.title == "Minutes of the call on 2 October 2019"
    assert [(a.owner, a.task, a.line) for a in extract(parsed).actions] == [
        ("Jonas Berg", "send the announcement to the users list", 11)]
    # a reply that quotes the minutes themselves is still read
    reply = text.replace("Previous minutes, for reference:\n", "On Wed, Petra wrote:\n")
    assert len(extract(parse_note(NoteFile("2019-10-02.txt", reply.encode()))).actions) == 2


def test_a_poll_between_weeks_and_a_meeting_after_some_event_name_no_next_call() -> None:
    polled = ("## Next sync\n\nTBD — August is patchy. Priya will put a poll in Discussions for "
              "the week of the 8th or the 15th of September.\n")
    assert extract(note(polled, day=date(2025, 8, 6))).next_call is None
    vague = ("## Date of next meeting\n\nNot fixed. The committee would like to meet after the "
             "Cabinet decision on the café on 25 June, so the next meeting will be in early "
             "July.\n")
    assert extract(note(vague, day=date(2024, 5, 16))).next_call is None
    monthly = ("The committee meets on the second Tuesday of each month, so the next meeting will "
               "be held in June at 7.30pm.\n")
    found = extract(note(monthly, day=date(2026, 5, 12))).next_call
    assert found is not None and found.date == date(2026, 6, 9)


def test_the_minutes_sign_off_under_the_next_meeting_heading_is_no_call() -> None:
    body = ("## Date of next meeting\n\nThe next AGM will be in April 2024 (date to be "
            "announced).\n\nThe new committee will hold its first meeting on Wednesday 17 May at "
            "7.30pm.\n\nMinutes: Ruth Pemberton (outgoing Secretary), 21 April 2023\n")
    found = extract(note(body, day=date(2023, 4, 19))).next_call
    assert found is not None and found.date == date(2023, 5, 17)


def test_a_running_docs_bracketed_speaker_is_not_a_task_unless_a_verb_or_colon_follows() -> None:
    body = ("Attendees: Inga Holm, Bruno Salas, Keiko Mori\n\n"
            "- [Inga] Slow pipelines on the new runners\n"
            "  - [Bruno] worried that the cache is cold after every merge.\n"
            "  - [Keiko] benchmark the warm cache against the cold one before Friday.\n"
            "- [Bruno]: release checklist for 2.3\n")
    assert [(a.owner, a.task) for a in extract(note(body)).actions] == [
        ("Keiko Mori", "benchmark the warm cache against the cold one before Friday"),
        ("Bruno Salas", "release checklist for 2.3")]


def test_a_meeting_bots_hello_answers_name_the_nicks_its_summary_lists() -> None:
    log = ("Action Items, by person\n-----------------------\n* okaur\n"
           "  * okaur to rebuild the arm images\n* **UNASSIGNED**\n  * (none)\n\n"
           "People Present (lines said)\n---------------------------\n* bmeyer (30)\n"
           "* okaur (12)\n\n"
           "15:00:01 <bmeyer> #startmeeting Infra\n15:00:04 <bmeyer> .hello bmeyer\n"
           "15:00:05 <herald> bmeyer: bmeyer 'Berit Meyer' <bmeyer@example.org>\n"
           "15:00:09 <okaur> .hello okaur\n"
           "15:00:10 <herald> okaur: okaur 'Ojas Kaur' <okaur@example.org>\n"
           "15:02:30 <bmeyer> #action okaur to rebuild the arm images\n"
           "15:03:10 <bmeyer> nobody wants the docs one, I'll leave it unassigned then\n")
    ext = extract(note(log, day=date(2014, 3, 4), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Berit Meyer", "Ojas Kaur"]
    assert [(a.owner, a.task) for a in ext.actions] == [("Ojas Kaur", "rebuild the arm images")]


def test_another_part_of_the_project_deciding_is_news_not_this_groups_decision() -> None:
    body = ("Present: Ilse Brandt, Tomás Reyes\n\n"
            "The packaging team decided to drop the 32-bit installers in 4.0.\n\n"
            "Tomás reported that the security response committee has decided to publish "
            "advisories a week after the fix.\n\n"
            "The Larkspur Trust decided to fund two more sprints next year.\n\n"
            "The whole team agreed to move the release to 12 May.\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == [
        "The whole team agreed to move the release to 12 May."]
    assert ext.actions == ()


def test_triage_outcomes_that_turn_down_or_defer_are_no_decision_but_their_follow_up_is_a_task(
        ) -> None:
    body = ("- **Team present:** Noor Aziz (chair), Pavel Hruby, Ines Castro\n\n"
            "### Lint for unused results #88\n\n"
            "- Pavel thinks it fires too often.\n- Ines agreed; Noor is fine with dropping it.\n"
            "- **Outcome:** declined; Noor will close it with a short explanation.\n\n"
            "### Integer overflow checks #91\n\n"
            "- **Outcome:** needs a design meeting. Pavel to find a slot.\n\n"
            "### Raw string syntax #93\n\n"
            "- **Outcome:** accept, with the `r#` prefix; Ines will update the grammar.\n")
    ext = extract(note(body))
    assert [d.text for d in ext.decisions] == ["accept, with the r# prefix."]
    assert [(a.owner, a.task.split(" (")[0]) for a in ext.actions] == [
        ("Noor Aziz", "close it with a short explanation"), ("Pavel Hruby", "find a slot"),
        ("Ines Castro", "update the grammar")]


def test_the_chairs_a_hyphenated_first_name_and_left_to_the_editors() -> None:
    body = ("Chairs: Marit Olsen, Daniel Ruiz\n\n"
            "## 3. Key rotation draft (Ji-ho Park, 20 min)\n\n"
            "- Ji-ho Park: the list agreed on one-year keys.\n"
            "- Nobody felt strongly about the field name. Left to the authors.\n"
            "- Ji-ho will post -04 before the cut-off.\n"
            "- The chairs will request a security review; Daniel will file the ticket.\n")
    assert [(a.owner, a.task.split(" (")[0]) for a in extract(note(body)).actions] == [
        ("Ji-ho Park", "post -04 before the cut-off"),
        ("Marit Olsen, Daniel Ruiz", "request a security review"),
        ("Daniel Ruiz", "file the ticket")]


def test_an_irssi_log_marks_each_nick_with_a_space_or_a_mode_and_guests_name_themselves_late(
        ) -> None:
    log = ("20:00 < kbauer> #startmeeting\n20:00 < kbauer> #topic Roll call\n"
           "20:00 < kbauer> Katrin Bauer, chairing\n20:01 <@jnovak> Jana Novak\n"
           "20:01 < kbauer> guests, say who you are if you want to be in the minutes\n"
           "20:02 < pmoreau> Pascal Moreau, I maintain the fonts package\n"
           "20:05 < jnovak> the upstream editors already decided to rename the font family\n"
           "20:06 < pmoreau> I'll upload the renamed package next week\n"
           "20:07 < kbauer> #agreed the old name stays as a transitional package for one "
           "release\n")
    ext = extract(note(log, day=date(2011, 5, 4), fmt="text"))
    assert [p.name for p in ext.attendees] == ["Katrin Bauer", "Jana Novak", "Pascal Moreau"]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Pascal Moreau", "upload the renamed package next week")]
    assert [d.text for d in ext.decisions] == [
        "the old name stays as a transitional package for one release"]


def test_a_meetups_next_one_a_week_someone_is_away_and_an_older_meetings_next_date() -> None:
    meetups = ("We moved our meetups to the first Thursday of the month from now on. So next "
               "one is the first Thursday in June, same room, 7pm.\n")
    found = extract(note(meetups, day=date(2013, 5, 8))).next_call
    assert found is not None and found.date == date(2013, 6, 6)
    away = ("[00:41:10] Speaker 1: Okay. Next call. I'm away the week of the 20th, so let's find "
            "a date by email. I'll send a poll.\n")
    assert extract(note(away, day=date(2024, 5, 7), fmt="text")).next_call is None
    running_doc = ("## 2021-03-09\n\nNext meeting: no meeting on the 23rd (conference).\n\n"
                   "## 2021-02-23\n\nNext meeting: 2021-03-09\n")
    assert extract(note(running_doc, day=date(2021, 3, 9))).next_call is None


def test_a_running_docs_table_notes_label_rows_an_ai_table_and_an_assent_before_the_arrow(
        ) -> None:
    body = ("# SIG Storage notes\n\n## 2020-05-12\n\n| Name | Handle |\n|---|---|\n"
            "| Rhea Kaplan | @rkaplan |\n| Tom Osei | @tosei |\n\n"
            "**1. Open AIs from 2020-04-28**\n\n| AI | Owner | Status |\n|---|---|---|\n"
            "| Write the test plan | @tosei | done |\n\n**2. Snapshot API**\n\n| | |\n|---|---|\n"
            "| Summary | @rkaplan: reviews are in. |\n"
            "| Outcome | Both chairs +1, no objections → **snapshot API goes to beta in 1.9**. |\n"
            "| AI | @rkaplan to update the KEP status. |\n\n### AIs\n\n"
            "| AI | Owner | Due |\n|---|---|---|\n| Beta release note for snapshots | @tosei | "
            "Friday |\n\n## 2020-04-28\n\n- Agreed: meetings stay at 16:00 UTC.\n")
    ext = extract(note(body, day=date(2020, 5, 12)))
    assert [d.text for d in ext.decisions] == ["snapshot API goes to beta in 1.9."]
    assert [(a.owner, a.task) for a in ext.actions] == [
        ("Rhea Kaplan", "update the KEP status"),
        ("Tom Osei", "Beta release note for snapshots")]
