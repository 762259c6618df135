"""Bad notes: every input either becomes a note or a NoteError naming the file; never a hang.

Property tests (hypothesis) throw arbitrary bytes and text at parse → extract →
note_html; the named cases pin what a demanding user expects of each kind of
bad input (encodings, line ends, hostile YAML, impossible dates, huge and deeply
nested notes, regex traps).
"""

from __future__ import annotations

import codecs
import json
import logging
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from digest.cli import app
from digest.errors import NoteError
from digest.extract import extract
from digest.models import Note, NoteFile
from digest.parse import MAX_NOTE_BYTES, MAX_TITLE_CHARS, parse_note
from digest.render import note_html

from .helpers import no_hang, through_core

GOOD_BODY = """# Weekly call 2015-09-30

Attendees: Ada Lovelace, Alan Turing

We agreed to ship the release on Friday. Alan will write the release notes.

Next call: 14 October 2015.
"""

PATHS = st.sampled_from(
    ["2015-09-30.md", "notes/2015-09-30.txt", "minutes.md", "a/b.html", "2015-02-30.md"]
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def note(data: bytes, path: str = "2015-09-30.md") -> Note:
    return parse_note(NoteFile(path, data))


def refusal(data: bytes, path: str = "2015-09-30.md") -> NoteError:
    with pytest.raises(NoteError) as info:
        parse_note(NoteFile(path, data))
    assert info.value.path == path
    return info.value


# -- properties ------------------------------------------------------------------------------


@FUZZ
@given(path=PATHS, data=st.binary(max_size=4096))
def test_any_bytes_give_a_note_or_a_note_error(path: str, data: bytes) -> None:
    with no_hang():
        through_core(path, data)


@FUZZ
@given(path=PATHS, text=st.text(max_size=3000))
def test_any_text_gives_a_note_or_a_note_error(path: str, text: str) -> None:
    with no_hang():
        result = through_core(path, text.encode("utf-8", "surrogatepass"))
    if not isinstance(result, NoteError):
        parsed, _extraction, _html = result
        assert "\n" not in parsed.title and len(parsed.title) <= MAX_TITLE_CHARS


@FUZZ
@given(front=st.text(max_size=500), body=st.text(max_size=500))
def test_any_front_matter_gives_a_note_or_a_note_error(front: str, body: str) -> None:
    data = f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")
    with no_hang():
        through_core("2015-09-30.md", data)


@FUZZ
@given(
    lines=st.lists(
        st.sampled_from(
            ["- a", "  - b", "> q", "# H", "| a | b |", "|---|---|", "```", "<!--", "-->",
             "Action: Ada to test", "Alan will fix it.", "[x](javascript:alert(1))",
             "<script>alert(1)</script>", "**bold", "Next call: 30th February", "", "---"]
        ),
        max_size=200,
    )
)
def test_any_arrangement_of_markdown_pieces_extracts(lines: list[str]) -> None:
    with no_hang():
        result = through_core("2015-09-30.md", "\n".join(["# Call", *lines]).encode())
    assert not isinstance(result, NoteError), "a dated file with any markdown body is a note"


# -- size, nesting and regex traps -----------------------------------------------------------


def test_a_50_mb_note_is_refused_before_any_work() -> None:
    data = b"# 2015-09-30\n" + b"x" * (50 * 1024 * 1024)
    with no_hang(5):
        error = refusal(data)
    assert "52,428,813 bytes, more than the 1,000,000" in str(error)
    assert error.hint and "notes.exclude" in error.hint


def test_a_note_just_under_the_limit_is_read(shared_dir: Path) -> None:
    seed = sorted((shared_dir / "seeds").glob("*.txt"))[0].read_bytes()
    data = (seed * (MAX_NOTE_BYTES // len(seed) + 1))[: MAX_NOTE_BYTES - 1]
    with no_hang(60):
        result = through_core("2015-09-30.txt", data)
    assert not isinstance(result, NoteError)
    assert result[1].actions, "the repeated seed still yields its actions"


@pytest.mark.parametrize(
    "body",
    [
        "".join("  " * i + "- item\n" for i in range(700)),  # 700 deep is already 490 kB
        ">" * 10_000 + " deep quote\n",
        "- " * 10_000 + "deep list\n",
        "> - " * 5_000 + "quote in list in quote\n",
        "[" * 10_000 + "x" + "](y)" * 10_000 + "\n",
        "*" * 10_000 + "x" + "*" * 10_000 + "\n",
        "<div>" * 10_000 + "x\n",
    ],
    ids=["indented-list", "quote", "list", "quote-list", "links", "emphasis", "html"],
)
def test_markdown_nested_10000_deep_is_read(body: str) -> None:
    with no_hang():
        result = through_core("2015-09-30.md", f"# Deep 2015-09-30\n\n{body}".encode())
    assert not isinstance(result, NoteError)


@pytest.mark.parametrize(
    "unit",
    [
        "By x" + " " * 50 + "\n",  # parse: the author line
        "<title>",  # parse: the HTML title
        "<!--",
        "[",
        "[a](",
        "**a ",
        "<http://",
        "Ab Cd, ",  # owner/verb rule: a run of names
        "Ab Cd, " * 40 + "will ",
        "Attendees: Ada" + " " * 5_000 + "x\n",  # the attendee list splitter
    ],
)
def test_regex_traps_stay_linear(unit: str) -> None:
    """Inputs that made a regex backtrack quadratically (found by bench/fuzz.py)."""
    data = ("# 2015-09-30\n\n" + unit * (100_000 // len(unit))).encode()
    for path in ("2015-09-30.md", "2015-09-30.html", "2015-09-30.txt"):
        with no_hang():
            through_core(path, data)


# -- encodings and line ends -----------------------------------------------------------------


def test_latin1_note_is_read_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    data = "# Café réunion 2015-09-30\n\nRené will write the naïve plan.\n".encode("latin-1")
    with caplog.at_level(logging.WARNING, logger="digest"):
        parsed = note(data)
    assert parsed.title == "Café réunion 2015-09-30"
    assert "René will write the naïve plan." in parsed.body
    assert "2015-09-30.md:1: not valid UTF-8; read as Windows-1252" in caplog.text


def test_windows_1252_quotes_and_dashes_survive() -> None:
    data = "# Call 2015-09-30\n\n“Ship it” – we agreed. Zoë owes €5.\n".encode("cp1252")
    assert "“Ship it” – we agreed. Zoë owes €5." in note(data).body


def test_bytes_cp1252_leaves_undefined_fall_back_to_latin1() -> None:
    parsed = note(b"# Call 2015-09-30\n\nodd \x81\x8d\x8f\x90\x9d bytes\n")
    assert "odd \x81\x8d\x8f\x90\x9d bytes" in parsed.body


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-32"),
        lambda t: codecs.BOM_UTF8 + t.encode(),
        lambda t: t.replace("\n", "\r\n").encode(),
        lambda t: t.replace("\n", "\r").encode(),
        lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32", "utf-8-bom", "crlf", "cr", "utf-16-crlf"],
)
def test_other_encodings_and_line_ends_read_like_utf8(encode: object) -> None:
    text = "---\ntitle: Réunion\ndate: 2015-09-30\n---\n" + GOOD_BODY
    reference = note(text.encode())
    parsed = note(encode(text))  # type: ignore[operator]
    assert (parsed.title, parsed.date, parsed.body, parsed.body_line) == (
        reference.title, reference.date, reference.body, reference.body_line
    )
    assert extract(parsed) == extract(reference)


def test_broken_utf16_is_a_clear_error() -> None:
    error = refusal(codecs.BOM_UTF16_LE + "# 2015-09-30".encode("utf-16-le") + b"\x00\xd8")
    assert "UTF-16 byte order mark but is not valid UTF-16" in str(error)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        b"\x7fELF\x02\x01\x01" + bytes(2000),
        b"PK\x03\x04" + bytes(range(1, 32)) * 100,
    ],
    ids=["png", "elf", "zip-without-nul"],
)
def test_binary_files_are_refused(data: bytes) -> None:
    assert "looks like a binary file" in str(refusal(data))


# -- hostile and broken front matter ---------------------------------------------------------

BILLION_LAUGHS = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
"""


def test_yaml_alias_bomb_is_refused() -> None:
    with no_hang(5):
        error = refusal((BILLION_LAUGHS + GOOD_BODY).encode())
    assert "front matter is not valid YAML: aliases (*name) are not allowed" in str(error)
    assert error.line == 3, "points at the first alias"


def test_yaml_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    front = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n"
    error = refusal((front + GOOD_BODY).encode())
    assert "could not determine a constructor for the tag" in str(error)
    assert "python/object/apply:os.system" in str(error)
    assert error.line == 2
    assert not marker.exists()


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("foo: !custom x", "could not determine a constructor for the tag '!custom'"),
        ("date: 2015-02-30", "cannot be read: day is out of range for month"),
        ("title: [unclosed", "front matter is not valid YAML"),
        ("- a\n- list", "front matter must be a mapping"),
        ("just text", "front matter must be a mapping"),
        ("x: " + "[" * 10_000, "front matter is not valid YAML"),
        ("a:\n" + "".join("  " * i + "k:\n" for i in range(1, 100)), "nested more than 32"),
        ("x: " + "9" * 5000, "cannot be read: Exceeds the limit"),
        ("notes: " + "long " * 30_000, "more than the 100,000 digest reads"),
    ],
    ids=["unknown-tag", "30-february", "unclosed", "list", "scalar", "deep-flow", "deep-block",
         "huge-int", "huge"],
)
def test_broken_front_matter_is_a_clear_error(front: str, message: str) -> None:
    with no_hang(10):
        error = refusal(f"---\n{front}\n---\n{GOOD_BODY}".encode())
    assert message in str(error)
    assert str(error).startswith("2015-09-30.md:")
    assert error.hint


def test_unclosed_front_matter_names_the_fix() -> None:
    error = refusal(b"---\ntitle: x\n\n# Call\n")
    assert str(error) == (
        "2015-09-30.md:1: front matter starts with '---' but never ends "
        "(close it with a line holding only '---')"
    )


# -- dates and titles ------------------------------------------------------------------------


@pytest.mark.parametrize(("title", "expected"), [
    ("Meeting summary for Platform weekly (03/12/2024)", date(2024, 3, 12)),  # a US tool: M/D
    ("Platform weekly 25/12/2024", date(2024, 12, 25)),  # only one reading is a date
    ("Plattform-Treffen 12.03.2024", date(2024, 3, 12)),  # dots: day first
])
def test_numeric_title_dates(title: str, expected: date) -> None:
    note = parse_note(NoteFile("minutes.txt", f"{title}\n\nWe agreed.\n".encode()))
    assert note.date == expected


def test_30th_february_is_named_in_the_error() -> None:
    error = refusal(b"# Weekly call, 30th February 2015\n\nWe agreed.\n", path="minutes.md")
    assert "no meeting date found ('30th February 2015' is not a calendar date)" in str(error)


@pytest.mark.parametrize(
    "line",
    ["Next call: 30th February 2016", "Next call: Feb 30, 2016", "Next call 2016-02-30 25:99",
     "Next call: 9999-12-31", "Next call: 0001-01-01", "Next call on Monday 31st June"],
)
def test_impossible_next_call_dates_give_a_sane_result(line: str) -> None:
    result = through_core("2015-09-30.md", f"# Call\n\nWe agreed.\n\n{line}\n".encode())
    assert not isinstance(result, NoteError)
    next_call = result[1].next_call
    assert next_call is None or next_call.date.year in (2015, 2016, 9999, 1)


def test_title_is_one_short_line() -> None:
    title = '"' + "word " * 500 + '\\r\\n\\tmore"'  # YAML escapes: CR, LF and tab
    parsed = note(f"---\ntitle: {title}\n---\n{GOOD_BODY}".encode())
    assert len(parsed.title) == MAX_TITLE_CHARS and parsed.title.endswith("…")
    assert "\n" not in parsed.title and "\r" not in parsed.title


def test_control_characters_never_reach_the_title() -> None:
    parsed = note(b"# Call\x1b[31m \x07evil\x0bheader 2015-09-30\n\nbody\n")
    assert all(ch.isprintable() for ch in parsed.title)


def test_empty_and_whitespace_notes() -> None:
    assert note(b"").title == "2015-09-30"
    assert "no meeting date found" in str(refusal(b"  \n\n", path="minutes.md"))
    empty = note(b"\n")
    assert extract(empty).actions == () and note_html(empty) == ""


def test_a_rule_at_the_top_is_not_front_matter() -> None:
    parsed = note(b"---\n\nWe agreed to ship.\n")
    assert parsed.front_matter == {} and parsed.body.startswith("---")


def test_extract_command_refuses_a_huge_file_in_one_line_and_reads_the_rest(
    tmp_path: Path,
) -> None:
    big = tmp_path / "2015-09-30.md"
    big.write_bytes(b"x" * 50_000_000)
    good = tmp_path / "2015-10-01.md"
    good.write_text(GOOD_BODY)
    result = CliRunner().invoke(app, ["extract", str(big), str(good), "--json"])
    assert result.exit_code == 4
    assert result.stderr.strip() == (
        f"digest: note error: {big}: note is 50,000,000 bytes, more than the 1,000,000 digest "
        "reads (split it or exclude it with notes.exclude)"
    )
    assert [item["path"] for item in json.loads(result.stdout)] == [str(good)]
