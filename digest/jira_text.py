"""A Jira issue (or Confluence page) exported as text, in the wiki markup it was written in.

Teams that run their meetings in Jira keep the minutes in an issue's description, under the
issue's fields ("Resolution:  Done"): "h2. Attendees", "[~pnair] Priya Nair", "||Action||Owner||"
tables, "{panel:title=Outcome}" boxes, "{color:red}Rejected.{color}", status icons such as "(/)"
and "(x)", dates as "23/Jun/15", and the comments below it ("Comment by Samir Haddad [ 09/Jun/15
5:02 PM ]"). Here the fields go, a mention is the person's handle, a table is a markdown table, a
panel's title labels its text ("Outcome: …"), colours and icons go, a date is "23 Jun 2015", and
a comment's first line is said by its author ("Samir Haddad: …"), as a transcript's turn is.
Headings ("h2.") are read by the rules already (Textile writes them the same way).
"""

from __future__ import annotations

import re

_HINT = re.compile(r"(?m)^\|\|[^\n]*\|\|[ \t]*$|\[~[\w.-]+\]|\{panel[:}]")
_MENTION_NAMED = re.compile(r"\[~(?P<handle>[\w.-]+)\][ \t]+(?P<name>[A-Z][\w'’-]+(?:[ \t]"
                            r"[A-Z][\w'’-]+){1,2})")
_MENTION = re.compile(r"\[~(?P<handle>[\w.-]+)\]")
_PANEL = re.compile(r"(?m)^\{panel(?::title=(?P<title>[^|}\n]*)[^}\n]*)?\}[ \t]*$")
_FORMATTING = re.compile(r"\{(?:color(?::[^}\n]*)?|noformat|quote)\}")
_ICON = re.compile(r"\((?:/|x|!|i|\?|on|off|\*[rgby]?|y|n|\+|-)\)[ \t]*")
_HEADER_ROW = re.compile(r"^[ \t]*\|\|(?P<cells>.*?)\|\|[ \t]*$")
# the issue's fields above its description ("Resolution:   Done   Votes:  0"): the tracker's
_ISSUE_FIELD = re.compile(r"^(?:Status|Project|Component/s|Affects Version/s|Fix Version/s|Type"
                          r"|Priority|Reporter|Assignee|Resolution|Votes|Watchers|Labels"
                          r"|Remaining Estimate|Time Spent|Original Estimate|Environment"
                          r"|Sprint|Epic Link):[ \t]")
# Jira's dates: "23/Jun/15" is 23 June 2015
_JIRA_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
                        r"|Nov|Dec)/(?P<year>\d{2})\b")
_COMMENT_BY = re.compile(r"^Comment by (?P<who>[^\[\n]{2,60}?)[ \t]*\[[^\]\n]*\][ \t]*$")


def looks_like_jira(text: str) -> bool:
    """A plain-text note in Jira's markup: a "||header||" row, a "[~user]" mention, a panel."""
    return _HINT.search(text) is not None


def jira_to_text(text: str) -> tuple[str, list[int]]:
    """The note as the markdown-like text the rules read, with the line of the original each
    of its lines came from (a table's header gains the line markdown puts under it)."""
    out: list[str] = []
    origin: list[int] = []
    author = ""  # a comment's author, for its first line
    for number, line in enumerate(text.split("\n")):
        if _ISSUE_FIELD.match(line):
            line = ""
        elif comment := _COMMENT_BY.match(line):
            author = comment["who"].strip()
            out.append("")
            origin.append(number)
            continue
        line = _MENTION.sub(r"@\g<handle>", _MENTION_NAMED.sub(r"\g<name> (@\g<handle>)", line))
        line = _ICON.sub("", _FORMATTING.sub("", line))
        if "/" in line:
            line = _JIRA_DATE.sub(r"\g<day> \g<month> 20\g<year>", line)
        if panel := _PANEL.match(line):  # "{panel:title=Outcome}": a label; "{panel}" ends it
            line = f"{panel['title'].strip()}:" if panel["title"] else ""
        if author and line.strip():
            line, author = f"{author}: {line.lstrip()}", ""
        if header := _HEADER_ROW.match(line):
            cells = [cell.strip() for cell in header["cells"].split("||")]
            out.extend(("| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)))
            origin.extend((number, number))
            continue
        out.append(line)
        origin.append(number)
    return "\n".join(out), origin
