"""An Org-mode note as the markdown-like text extraction reads.

Emacs users keep meeting notes in Org: "* Heading", "** TODO [#A] Task  :alice:bob:",
"- term :: description", "<2025-04-22 Tue 15:00>". An open TODO headline becomes the marker
the rules know, its tags its owners ("TODO(alice, bob): Task"); DONE and CANCELLED headlines
are the record of work finished, not news, and are left out; "#+KEYWORD:" lines are settings
and "SCHEDULED:" lines say when, not what.
"""

from __future__ import annotations

import re

_SETTING = re.compile(r"^#\+\w+:.*$")
_HEADLINE = re.compile(
    r"^(?P<stars>\*+)\s+(?:(?P<keyword>TODO|NEXT|STARTED|WAITING|HOLD|DONE|CANCELL?ED)\s+)?"
    r"(?:\[#[A-Z0-9]\]\s+)?(?P<title>.*?)(?:\s+(?P<tags>:[\w@#%:-]+:))?\s*$")
_OPEN = frozenset({"TODO", "NEXT", "STARTED"})
_FINISHED = frozenset({"DONE", "CANCELED", "CANCELLED"})
# a headline's planning line ("SCHEDULED: <…>", "DEADLINE: <…>", "CLOSED: […]"): when, not what
_PLANNING = re.compile(r"^\s*(?:SCHEDULED|DEADLINE|CLOSED):\s*[<\[].*$")
# "<2025-04-22 Tue 15:00-16:00>", "[2025-03-30 Sun 21:14]": the date as plain text
_TIMESTAMP = re.compile(r"[<\[](\d{4}-\d{2}-\d{2}(?:\s+[A-Za-z]{2,3}\.?)?(?:\s+[\d:]+(?:-[\d:]+)?)?"
                        r"(?:\s+[+.-]+\d+[hdwmy])*)[>\]]")
# "- Rhoda Mbeki :: chair, tag =:rhoda:=": a description list item
_DESCRIPTION = re.compile(r"^(?P<lead>\s*[-+]\s+)(?P<term>.+?)\s+::\s*(?P<text>.*)$")
_TAG_NOTE = re.compile(r",?\s*tag\s+=?:(?P<tag>[\w@-]+):=?")


def org_to_text(org: str) -> str:
    """Headlines as headings or TODO markers, description items as 'term (text)'."""
    out = []
    finished = False  # the body of a DONE headline goes with it
    for line in org.split("\n"):
        if _SETTING.match(line) or _PLANNING.match(line):
            continue
        line = _TIMESTAMP.sub(r"\1", line)
        if heading := _HEADLINE.match(line):
            keyword, title = heading.group("keyword"), heading.group("title")
            finished = keyword in _FINISHED
            if finished:
                continue
            owners = ", ".join(t for t in (heading.group("tags") or "").split(":") if t)
            if keyword in _OPEN:
                out.append(f"- TODO({owners}): {title}" if owners else f"- TODO: {title}")
            else:
                level = min(len(heading.group("stars")), 6)
                out.append("#" * level + " " + (f"{keyword} {title}" if keyword else title))
            continue
        if finished:
            continue
        if item := _DESCRIPTION.match(line):
            text = item.group("text")
            tag = _TAG_NOTE.search(text)
            handle = f" (@{tag.group('tag')})" if tag else ""
            text = _TAG_NOTE.sub("", text).strip(" ,")
            remark = f" ({text})" if text else ""
            line = f"{item.group('lead')}{item.group('term')}{handle}{remark}"
        out.append(line)
    return "\n".join(out)
