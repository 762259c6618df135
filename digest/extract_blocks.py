"""Split a note body into blocks (headings, paragraphs, list items, table rows).

A small line scanner rather than a full CommonMark parser: extraction needs
only block structure, the line each block starts on and link targets, and it
must run at thousands of notes per second (markdown-it-py takes ~2.5 ms for
a 6 kB note; this takes a fraction of that). It understands ATX (`##`),
setext and wiki (`!!`) headings, bold-only and "Label:" lines used as headings,
short title lines in plain text, `-`/`*`/`+`/`•`/`1.` lists with continuation
lines, pipe tables, HTML comments and link reference definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .models import Link

HEADING, PARA, ITEM, ROW = "heading", "para", "item", "row"

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
_WIKI = re.compile(r"^\s*(!{2,})\s*(.*?)\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+•·▪◦‣]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)([^*_]{1,80}?)(?::\s*)?(?:\*\*|__)\s*:?\s*$")
_LABEL_LINE = re.compile(r"^\s*([A-Z][\w /&'-]{1,50}):\s*$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?\s*$")
_COMMENT = re.compile(r"<!--(?:(?!<!--).)*?-->", re.S)
_SENTENCE_END = re.compile(r"[.!?][\"')\]*_]*\s+(?=[\"'(\[*_]*[A-Z0-9@#])")
# Bracket, emphasis and comment patterns never span another opener: "[[[[…",
# "**a **a …" or "<!--<!--…" would otherwise make each opener scan to the end of
# the text (quadratic).
_ABBREV = re.compile(r"(?:\b(?:e\.g|i\.e|cf|vs|c\.f|ie|eg|etc|approx|incl)|\b[A-Z])\.$", re.I)

_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\(\s*<?([^)\s>\[]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REF_LINK = re.compile(r"!?\[([^\[\]]+)\]\[([^\[\]]*)\]")
_SHORT_REF = re.compile(r"\[([^\[\]]+)\](?![(\[:])")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_BARE_URL = re.compile(r"(?<![(<\"'=\w/])(https?://[^\s<>)\]\"']+[^\s<>)\]\"'.,;:!?])")
_GITHUB_REF = re.compile(
    r"(?<![\w/.@-])([A-Za-z0-9][\w.-]{0,38})/([\w.-]{1,100}?)(?:#(\d+)|@([0-9a-f]{7,40}))\b"
)
# emphasis, one pattern per marker: each runs only when its marker is in the text, which
# costs a third of one alternation of all three tried at every position
_STRONG_EMPH = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_STAR_EMPH = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
_UNDERSCORE_EMPH = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


@dataclass
class Block:
    kind: str
    text: str  # raw markdown of the block (lines joined with "\n")
    line: int  # 1-based line in the file
    level: int = 0  # heading level (7 for pseudo-headings); indent for items
    cells: tuple[str, ...] = ()  # table rows
    header: tuple[str, ...] = ()  # table rows: the header cells
    section: int = -1  # index of the governing heading block, -1 before any


@dataclass
class Document:
    blocks: list[Block]
    refs: dict[str, str] = field(default_factory=dict)  # link reference definitions


def _blank_comment(m: re.Match[str]) -> str:
    return "\n" * m.group(0).count("\n")


def scan(body: str, first_line: int = 1, plain_text: bool = False) -> Document:
    """Body → blocks, each with the line where it starts."""
    if "<!--" in body:
        body = _COMMENT.sub(_blank_comment, body)
    lines = body.split("\n")
    blocks: list[Block] = []
    refs: dict[str, str] = {}
    para: list[str] = []
    para_start = 0
    item: Block | None = None
    header: tuple[str, ...] = ()
    prev_blank = True

    def flush() -> None:
        nonlocal para, item
        if item is not None:
            blocks.append(item)
            item = None
        if para:
            blocks.append(Block(PARA, "\n".join(para), first_line + para_start))
            para = []

    n = len(lines)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            flush()
            header = ()
            prev_blank = True
            continue
        c = stripped[0]
        if c == "#" and (m := _ATX.match(line)):
            flush()
            level = len(m.group(1) or m.group(3))
            blocks.append(Block(HEADING, (m.group(2) or "").strip(), first_line + i, level))
            prev_blank = False
            continue
        if c == "!" and stripped.startswith("!!") and (m := _WIKI.match(line)):
            flush()
            blocks.append(Block(HEADING, m.group(2), first_line + i, min(len(m.group(1)) - 1, 6)))
            prev_blank = False
            continue
        if c == "[" and "]:" in stripped and (m := _REF_DEF.match(line)):
            flush()
            refs[_ref_key(m.group(1))] = m.group(2)
            continue
        if c == "|" and _TABLE.match(line):
            flush()
            if _TABLE_SEP.match(line):
                continue
            cells = tuple(cell.strip() for cell in stripped.strip("|").split("|"))
            nxt = lines[i + 1] if i + 1 < n else ""
            if not header and _TABLE_SEP.match(nxt):
                header = cells
                continue
            blocks.append(Block(ROW, " | ".join(cells), first_line + i, cells=cells,
                                header=header))
            prev_blank = False
            continue
        if c in "=-" and len(para) == 1 and item is None and (m := _SETEXT.match(line)):
            text = para[0].strip()
            para = []
            blocks.append(Block(HEADING, text, first_line + para_start,
                                1 if m.group(1).startswith("=") else 2))
            prev_blank = False
            continue
        if (c in "-*+•·▪◦‣" or c.isdigit()) and (m := _BULLET.match(line)):
            if c == "*" and _BOLD_LINE.match(line) and prev_blank:
                pass  # "**Heading**" rather than a bullet
            else:
                flush()
                item = Block(ITEM, m.group(2), first_line + i, len(m.group(1).expandtabs(4)))
                prev_blank = False
                continue
        if prev_blank and not para and item is None:
            nxt_blank = i + 1 >= n or not lines[i + 1].strip()
            if m := _BOLD_LINE.match(line):
                blocks.append(Block(HEADING, m.group(1).strip(), first_line + i, 7))
                prev_blank = False
                continue
            if nxt_blank and (m := _LABEL_LINE.match(line)) and len(m.group(1).split()) <= 5:
                blocks.append(Block(HEADING, m.group(1).strip(), first_line + i, 7))
                prev_blank = False
                continue
            if plain_text and nxt_blank and _looks_like_title(stripped):
                blocks.append(Block(HEADING, stripped, first_line + i, 3))
                prev_blank = False
                continue
        if item is not None:
            if prev_blank:
                flush()
            else:
                item.text += "\n" + stripped
                continue
        if not para:
            para_start = i
        para.append(line)
        prev_blank = False
    flush()
    _assign_sections(blocks)
    return Document(blocks, refs)


def _looks_like_title(line: str) -> bool:
    if len(line) > 70 or line[-1] in ".,;:?" or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    return len(words) <= 9 and "://" not in line and ", " not in line and ": " not in line


def _assign_sections(blocks: list[Block]) -> None:
    stack: list[int] = []  # indices of open headings
    for index, block in enumerate(blocks):
        if block.kind == HEADING:
            while stack and blocks[stack[-1]].level >= block.level:
                stack.pop()
            block.section = stack[-1] if stack else -1
            stack.append(index)
        else:
            block.section = stack[-1] if stack else -1


def _ref_key(label: str) -> str:
    return " ".join(label.lower().split())


def clean_inline(text: str, refs: dict[str, str], links: list[Link] | None = None) -> str:
    """Markdown inline markup → plain text; links found are appended to `links`."""
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "[" in text:
        def inline(m: re.Match[str]) -> str:
            if links is not None and not m.group(0).startswith("!"):
                links.append(Link(text=_plain(m.group(1)) or m.group(2), url=m.group(2)))
            return m.group(1)

        def ref(m: re.Match[str]) -> str:
            key = _ref_key(m.group(2) or m.group(1))
            url = refs.get(key)
            if url is None:
                return m.group(0)
            if links is not None and not m.group(0).startswith("!"):
                links.append(Link(text=_plain(m.group(1)), url=url))
            return m.group(1)

        def short(m: re.Match[str]) -> str:
            url = refs.get(_ref_key(m.group(1)))
            if url is None:
                return m.group(0)
            if links is not None:
                links.append(Link(text=_plain(m.group(1)), url=url))
            return m.group(1)

        if "](" in text:
            text = _INLINE_LINK.sub(inline, text)
        if "][" in text:
            text = _REF_LINK.sub(ref, text)
        if refs:
            text = _SHORT_REF.sub(short, text)
    if "<http" in text:
        def auto(m: re.Match[str]) -> str:
            if links is not None:
                links.append(Link(text=m.group(1), url=m.group(1)))
            return m.group(1)
        text = _AUTOLINK.sub(auto, text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text or "_" in text:
        text = _strip_emphasis(text)
    return text


def _strip_emphasis(text: str) -> str:
    """`**a**`, `*a*`, `_a_` → a; twice, for nested emphasis (`**_a_**`)."""
    for _ in range(2):
        changed = 0
        if "**" in text or "__" in text:
            text, n = _STRONG_EMPH.subn(r"\2", text)
            changed += n
        if "*" in text:
            text, n = _STAR_EMPH.subn(r"\1", text)
            changed += n
        if "_" in text:
            text, n = _UNDERSCORE_EMPH.subn(r"\1", text)
            changed += n
        if not changed:
            break
    return text


def _plain(text: str) -> str:
    return " ".join(_CODE.sub(r"\1", text).replace("*", "").split())


def github_links(text: str) -> list[Link]:
    """`org/repo#N` and `org/repo@sha` → GitHub URLs."""
    out: list[Link] = []
    if "#" not in text and "@" not in text:
        return out
    for m in _GITHUB_REF.finditer(text):
        org, repo, num, sha = m.groups()
        if num:
            out.append(Link(text=m.group(0), url=f"https://github.com/{org}/{repo}/issues/{num}"))
        else:
            out.append(Link(text=m.group(0), url=f"https://github.com/{org}/{repo}/commit/{sha}"))
    return out


def bare_urls(text: str) -> list[Link]:
    if "http" not in text:
        return []
    return [Link(text=m.group(1), url=m.group(1)) for m in _BARE_URL.finditer(text)]


def sentences(text: str, line: int) -> list[tuple[str, int]]:
    """Split cleaned block text into (sentence, line) pairs; lines joined by spaces."""
    return [(piece, n) for sentence, n in _sentences(text, line) for piece in _pieces(sentence)]


# The sentence rules backtrack over runs of names: a run-on "sentence" is read in
# pieces of at most this many characters, so the work per note stays linear.
MAX_SENTENCE_CHARS = 300


def _pieces(sentence: str) -> list[str]:
    out = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        out.append(sentence[:cut])
        sentence = sentence[cut:].lstrip()
    return [*out, sentence] if sentence else out


def _sentences(text: str, line: int) -> list[tuple[str, int]]:
    out = []
    pos = 0
    if "." not in text and "!" not in text and "?" not in text:
        return [(" ".join(text.split()), line)] if text.strip() else []
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _ABBREV.search(text, max(0, m.start() - 6), m.start() + 1):
            continue
        piece = text[pos : m.end()]
        if piece.strip():
            out.append((" ".join(piece.split()), line + text.count("\n", 0, pos)))
        pos = m.end()
    rest = text[pos:]
    if rest.strip():
        out.append((" ".join(rest.split()), line + text.count("\n", 0, pos)))
    return out
