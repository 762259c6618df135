"""An AsciiDoc note as the markdown-like text extraction reads.

Projects whose docs are AsciiDoc keep their meeting pages in it too: "= Title", ":toc:" settings,
"// comments", block attributes such as "[%hardbreaks]" or '[cols="1,4",options="header"]' on a
line of their own, "|===" tables with "|Who |What" cells, and "[line-through]#done#" for work
struck off. The lines of a "[%hardbreaks]" paragraph become a list; settings, comments and
attributes are dropped (each left as an empty line, so that the lines of the rest keep their
numbers); a table with a header row becomes a markdown table (one without, rows of labels such
as "|Moved |…" and "|Result |…", stays as written); struck-through text is struck through as
markdown writes it, "~~done~~"; and "== Topics" is "## Topics". Admonitions ("NOTE: …") already
read as they are.
"""

from __future__ import annotations

import re

# ":toc: macro", "// Page lives at …", "toc::[]", "[%hardbreaks]", '[cols="1,4,1"]', "[NOTE]"
_DROPPED = re.compile(r"^(?::!?[\w-]+!?:(?:[ \t].*)?|//(?!/).*|\w+::[^\s\[]*\[.*\]"
                      r"|\[(?:[%.#]?[\w-]+(?:[=,%.#][^\]]*)?|\"[^\]]*)\])[ \t]*$")
_TABLE_FENCE = re.compile(r"^[|!]={3,}[ \t]*$")
_HEADING = re.compile(r"^(={1,6})[ \t]+(\S.*?)(?:[ \t]+=+)?[ \t]*$")  # "== Topics"
_HARD_BREAKS = re.compile(r"^\[%hardbreaks\][ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*.]+|\d+\.)[ \t]")
_STRUCK = re.compile(r"\[line-through\]#([^#\n]+)#")
# the text as AsciiDoc that this module is for, when the file's name does not say so
_ASCIIDOC_HINT = re.compile(r"(?m)^(?:\|===[ \t]*$|\[%hardbreaks\][ \t]*$|:toc:)")


def looks_like_asciidoc(text: str) -> bool:
    """A plain-text note written in AsciiDoc (a table fence, a hard-breaks block, a :toc:)."""
    return bool(_ASCIIDOC_HINT.search(text))


def adoc_to_text(adoc: str) -> str:
    """The note with its settings dropped and its tables as markdown tables, line for line."""
    out: list[str] = []
    table: list[str] | None = None  # the cells read so far of a table being read
    columns = 0  # how many cells a row of it holds, from its first line
    opened_at = 0
    hard_breaks = False  # in a paragraph under "[%hardbreaks]": each of its lines a line
    attributes = ""  # the block attribute line last read: '[cols="1,4",options="header"]'
    header = False  # whether the table being read has a header row
    lines = adoc.split("\n")
    for at, line in enumerate(lines):
        if hard_breaks and line.strip():
            out.append(line if _LIST_ITEM.match(line) else f"- {line.strip()}")
            continue
        hard_breaks = _HARD_BREAKS.match(line) is not None
        if _TABLE_FENCE.match(line):
            if table is None:
                table, columns, opened_at = [], 0, len(out)
                # a header row: said by the attributes, or the first row has a blank line after it
                header = "header" in attributes or (
                    at + 2 < len(lines) and lines[at + 1].startswith("|")
                    and not lines[at + 2].strip())
                out.append("")
                continue
            if not header:  # rows of labels ("|Moved |@grete", "|Result |Passed 4-1"): as written
                out[opened_at:] = lines[opened_at:at + 1]
                table = None
                continue
            markdown = _markdown_table(_rows(table, columns))
            # the table in the lines it took (a row a line from its fence on, the rest empty;
            # it never needs more: a row is a line or more, and both fences are lines too)
            out[opened_at:] = markdown + [""] * (at + 1 - opened_at - len(markdown))
            table = None
            continue
        if table is not None:
            out.append("")
            cells = [cell.strip() for cell in line.split("|")[1:]] if line.lstrip()[:1] == "|" \
                else []
            if cells and not columns:
                columns = len(cells)
            if cells:
                table.extend(cells)
            elif line.strip() and table:  # a cell's text going on to the next line
                table[-1] = f"{table[-1]} {line.strip()}"
            continue
        if heading := _HEADING.match(line):
            out.append(f"{'#' * len(heading[1])} {heading[2]}")
            continue
        if _DROPPED.match(line):
            attributes = line
            out.append("")
            continue
        if line.strip():
            attributes = ""
        out.append(_STRUCK.sub(r"~~\1~~", line))
    if table is not None:  # a table never closed: its text as it was
        out[opened_at:] = lines[opened_at:]
    return "\n".join(out)


def _rows(cells: list[str], columns: int) -> list[list[str]]:
    """Cells read in order, in rows of `columns`."""
    width = columns or 1
    return [cells[i:i + width] for i in range(0, len(cells), width)]


def _markdown_table(rows: list[list[str]]) -> list[str]:
    """The rows as a markdown table, the first as its header."""
    if not rows:
        return []
    lines = [_markdown_row(rows[0]), "|" + "---|" * len(rows[0])]
    lines.extend(_markdown_row(row) for row in rows[1:])
    return lines


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(_STRUCK.sub(r"~~\1~~", c).replace("|", "\\|") for c in cells) + " |"
