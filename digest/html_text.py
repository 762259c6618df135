"""An HTML note as the markdown-like text extraction reads: headings, list items, table rows.

Notes kept as HTML (MeetBot's and Confluence's exports, saved web pages) would otherwise reach
the rules as tags. lxml (already the feed's XML library) parses the page as a browser would,
however broken, and the tree is walked without recursion, so deep nesting costs nothing.
MeetBot marks each summary line with its command's class (`<i class="ACTION">`): it becomes
the marker the rules read in an IRC log ("ACTION: tkaur to email the list").
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({"p", "div", "section", "article", "header", "footer", "main", "aside",
                     "blockquote", "pre", "table", "tbody", "thead", "tr", "dl", "dt", "dd", "br",
                     "hr"})
_SKIPPED = frozenset({"script", "style", "head", "template", "noscript"})
_MEETBOT_MARKERS = {"ACTION": "ACTION: ", "AGREED": "AGREED: ", "IDEA": "IDEA: "}
_BLANKS = re.compile(r"[ \t\r\f\v]+")
_SPACES = re.compile(r"\s+")  # HTML's own line breaks are spaces, outside <pre>
_BLANK_LINES = re.compile(r"\n{3,}")


def html_to_text(html: str) -> str:
    """The page's text, one block per line: '# Heading', '- item', '| cell | cell |'."""
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html  # not HTML after all: read it as text
    out: list[str] = []
    depth = 0  # list nesting, for indented items
    skipping = 0  # inside <script>, <style>, <head>: levels deep
    preformatted = 0  # inside <pre>: line breaks are the text's own

    def text(value: str) -> str:
        return value if preformatted else _SPACES.sub(" ", value)
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in ("ul", "ol"):
                depth += 1
            elif tag == "pre":
                preformatted += 1
                out.append("\n")
            elif tag in _HEADINGS:
                out.append("\n\n" + "#" * _HEADINGS[tag] + " ")
            elif tag == "li":
                out.append("\n" + "  " * max(0, depth - 1) + "- ")
            elif tag == "tr":
                out.append("\n|")
            elif tag in ("td", "th"):
                out.append(" ")
            elif tag in _BLOCKS:
                out.append("\n")
            if marker := _MEETBOT_MARKERS.get(element.get("class") or ""):
                out.append(marker)
            if element.text and tag not in ("ul", "ol", "table", "tbody", "thead", "tr"):
                out.append(text(element.text))
            continue
        if skipping:  # the end of a skipped element: only its tail is the page's text
            skipping -= 1
            if not skipping and element.tail:
                out.append(text(element.tail))
            continue
        if tag in ("td", "th"):
            out.append(" |")
        elif tag in ("ul", "ol"):
            depth -= 1
        elif tag == "pre":
            preformatted -= 1
        if tag in _HEADINGS or tag in ("p", "table", "pre"):
            out.append("\n\n")
        if element.tail:
            out.append(text(element.tail))
    lines = []
    for line in "".join(out).split("\n"):
        indent = line[: len(line) - len(line.lstrip(" "))] if line.lstrip().startswith("- ") else ""
        lines.append(indent + _BLANKS.sub(" ", line).strip())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"
