"""A TWiki or Foswiki topic's source, as the markdown-like text extraction reads.

Physics collaborations and other old wiki users keep their minutes as wiki topics: "---++
Present" headings, "[[Main.MiriamOkonjo][Miriam Okonjo]]" links, bare WikiNames
("Main.HelgaStrand"), "| *Who* | *What* |" tables, "%META:…%" lines and "%TOC%", "%BR%", "%Y%"
variables, and the ActionTracker plugin's "%ACTION{who="Main.PerLindgren" due="28-Oct-2008"
state="open"}% task %ENDACTION%". Here a heading is a markdown heading, a link its text, a
WikiName the person's name, a table a markdown table, the variables go, and an open action is
the marker the rules know ("- TODO(Per Lindgren): task (by 28-Oct-2008)"); a closed one is
done and goes.
"""

from __future__ import annotations

import re

_HINT = re.compile(r"(?m)^---\++|%META:|%ACTION\{|\[\[Main\.")
_HEADING = re.compile(r"^---(?P<level>\++)(?:!!)?[ \t]*(?P<title>\S.*)$")
_META = re.compile(r"^%META:[^\n]*%[ \t]*$")
_ACTION = re.compile(r"%ACTION\{(?P<args>[^}]*)\}%[ \t]*(?P<task>.*?)[ \t]*(?:%ENDACTION%|$)")
_ARG = re.compile(r"(?P<key>\w+)=\"(?P<value>[^\"]*)\"")
_LINK = re.compile(r"\[\[(?:[\w.]+)\]\[(?P<text>[^\]]+)\]\]|\[\[(?:\w+\.)?(?P<topic>[^\]]+)\]\]")
_WIKI_NAME = re.compile(r"\bMain\.(?P<name>[A-Z][a-z]+(?:[A-Z][a-z]+)+)\b")
_VARIABLE = re.compile(r"%[A-Z][A-Z0-9_]*(?:\{[^}\n]*\})?%")
_BOLD_CELL = re.compile(r"\|[ \t]*\*(?P<text>[^*|]+)\*[ \t]*(?=\|)")


def looks_like_twiki(text: str) -> bool:
    """A note in TWiki's markup: two of its headings, META lines, actions or Main links."""
    return len(_HINT.findall(text)) >= 2


def twiki_to_text(text: str) -> tuple[str, list[int]]:
    """The topic as markdown-like text, with the line of the original each line came from (a
    table's first row gains the line markdown puts under it)."""
    out: list[str] = []
    origin: list[int] = []
    in_table = False
    for number, line in enumerate(text.split("\n")):
        if _META.match(line):
            line = ""
        elif heading := _HEADING.match(line):
            line = f"{'#' * len(heading['level'])} {heading['title']}"
        line = _ACTION.sub(_action_as_marker, line)
        line = _WIKI_NAME.sub(lambda m: _spaced(m["name"]), _LINK.sub(_link_text, line))
        line = _VARIABLE.sub("", line)
        table_row = line.lstrip()[:1] == "|"
        out.append(_BOLD_CELL.sub(r"| \g<text> ", line) if table_row and not in_table else line)
        origin.append(number)
        if table_row and not in_table:  # the header row: markdown's line under it
            out.append("|" + "---|" * max(line.count("|") - 1, 1))
            origin.append(number)
        in_table = table_row
    return "\n".join(out), origin


def _action_as_marker(m: re.Match[str]) -> str:
    args = {a["key"]: a["value"] for a in _ARG.finditer(m["args"])}
    if args.get("state", "open").lower() in ("closed", "done"):
        return ""
    owners = ", ".join(_spaced(who.strip().removeprefix("Main."))
                       for who in args.get("who", "").split(",") if who.strip())
    due = f" (by {args['due']})" if args.get("due") else ""
    return f"- TODO({owners}): {m['task']}{due}" if owners else f"- TODO: {m['task']}{due}"


def _link_text(m: re.Match[str]) -> str:
    return m["text"] or _spaced(m["topic"])


def _spaced(wiki_name: str) -> str:
    """ "MiriamOkonjo" as "Miriam Okonjo"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", wiki_name)
