"""Minutes pasted from a spreadsheet (tab-separated) → the markdown extraction reads.

A block of rows with three or more cells becomes a pipe table whose first row is the header
("Agenda item | Decision / outcome | Action | Responsible"), so the table rules find its
decisions and owners; a block of two-cell rows becomes "Key: value" lines ("Chair: Sunita
Gurung", "Next meeting: 03/11/2026"). A quoted cell may span lines, as spreadsheets write it.
Returns the text and, for each of its lines, the line of the original it came from, so what
is found still points at the right line.
"""

from __future__ import annotations


def tsv_to_markdown(text: str) -> tuple[str, list[int]]:
    lines = text.split("\n")
    out: list[str] = []
    origin: list[int] = []
    i = 0
    while i < len(lines):
        block: list[tuple[int, list[str]]] = []
        while i < len(lines) and "\t" in lines[i] and _is_row(lines[i]):
            start, row = i, lines[i]
            while row.count('"') % 2 and i + 1 < len(lines):  # a quoted cell goes on
                i += 1
                row += " " + lines[i].strip()
            cells = [c.strip().strip('"').strip() for c in row.split("\t")]
            while cells and not cells[-1]:
                cells.pop()
            block.append((start, cells))
            i += 1
        if block:
            _emit(block, out, origin)
            continue
        out.append(lines[i] if lines[i].strip() else "")
        origin.append(i)
        i += 1
    return "\n".join(out), origin


def _is_row(line: str) -> bool:
    """Two cells with something in them; "\t•\tWe agreed …" is a document's indented bullet."""
    filled = [c for c in line.split("\t") if c.strip() and c.strip() not in _BULLETS]
    return len(filled) >= 2 or (len(filled) == 1 and not line.startswith("\t"))


_BULLETS = frozenset("•◦▪‣·-*o")


def _emit(block: list[tuple[int, list[str]]], out: list[str], origin: list[int]) -> None:
    if all(len(cells) <= 2 for _, cells in block):
        for start, cells in block:
            out.append(": ".join(cells))
            origin.append(start)
        return
    width = max(len(cells) for _, cells in block)
    for n, (start, cells) in enumerate(block):
        if len(cells) <= 1:  # "Sheet: Actions 2026-08": a line of its own, not a row
            out.append(cells[0] if cells else "")
            origin.append(start)
            continue
        cells = cells + [""] * (width - len(cells))
        out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        origin.append(start)
        if n == 0 or len(block[n - 1][1]) <= 1:  # the first row of a table is its header
            out.append("|" + "---|" * width)
            origin.append(start)
