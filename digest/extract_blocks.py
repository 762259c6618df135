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

import operator
import re
from dataclasses import dataclass, field

from .letters import UPPER
from .models import Link

HEADING, PARA, ITEM, ROW = "heading", "para", "item", "row"
# first characters of the lines that may be something other than paragraph text
_MARKERS = frozenset("#![|=-*+•·▪◦‣☐☑☒⬜✅✔:(")

# (?=[ \t]|$): the heading text ends only where a space or the end follows, so the lazy (.*?)
# is not tried against the rest of the line at every character (same matches)
_ATX = re.compile(
    r"^ {0,3}(#{1,6})[ \t]+(.*?)(?=[ \t]|$)(?:[ \t]+#+)?[ \t]*$|^ {0,3}(#{1,6})[ \t]*$")
_WIKI = re.compile(r"^\s*(!{2,})\s*(.*?)\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-{2,})\s*$")
# "- item", "1. item", "☐ item", a bare check box "[ ] item" (plain-text task lists), and the
# lettered sub-items of minutes ("(a) 23/01873/HH — rear extension", "(ii) …", "b) …")
_BULLET = re.compile(
    r"^(\s*)([-*+•·▪◦‣☐☑☒⬜✅✔]\ufe0f?|\d{1,3}[.)]|\[[ xX]\]|\((?:[a-zA-Z]|[ivx]{2,4}|\d{1,3})\)"
    r"|[a-z]\))\s+"
    r"(\[[ xX]\]\s+|[☐☑☒⬜✅✔]\ufe0f?\s+)?(.*)$")
# a check box that is ticked: the item is done ("- [x] ship it", "☑ send the survey")
_TICKED = frozenset("xX☑☒✅✔")
# (a remark may follow a bold name: a stand-up's "**Hugo** (remote, joined at 09:38):")
_BOLD_LINE = re.compile(
    r"^\s*(?:\*\*|__)([^*_]{1,80}?)(?::\s*)?(?:\*\*|__)(\s*\([^()\n]{1,60}\))?\s*:?\s*$")
# what a bold line with a remark after it must hold to head a section: a name ("**Hugo**"),
# not a label ("**Consensus on the call** (to be confirmed):" leads the items under it)
_BOLD_NAME = re.compile(rf"[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*){{0,2}}")
_LABEL_LINE = re.compile(r"^\s*([A-Z][\w /&'-]{1,50}):\s*$")
_TABLE = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_REF_LABEL = re.compile(r" {0,3}\[([^\]]+)\]:")  # a link reference definition's start
_COMMENT = re.compile(r"<!--(?:(?!<!--).)*?-->", re.S)
# A sentence ends at . ! or ? before a capital, digit, @, # or an arrow; not at the dot of
# "e.g.", "etc.", "approx." or an initial ("J. Smith", but "Ifeoma pushed for C. We went with
# B."), told apart by one look-behind per length, in the same pass (the same answers as
# checking each dot afterwards, at a third of the cost).
_NOT_ABBREV = (r"(?i:(?:(?<!\b[A-Z]\.)"
               r"|(?=\s+[\"'(*_]*(?-i:We|I|It|The|This|That|They|No|So|Then)\s))"
               r"(?<!\b(?:cf|vs|ie|eg)\.)(?<!\b(?:e\.g|i\.e|c\.f|etc)\.)"
               r"(?<!\bincl\.)(?<!\bapprox\.)(?<!\b(?:mr|ms|dr|st|jr|sr)\.)"
               # titles: "once Ms. Delgado sends", "Rev. Lusk"
               r"(?<!\b(?:mrs|rev)\.)(?<!\b(?:cllr|prof)\.)"
               # a month ("Next meeting: Mar. 4"); not "may." (a word) nor "sept." (four letters)
               r"(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.(?=\s+\d)))")
# group 1: the sentence's last characters; an arrow opens a conclusion ("→ We will …")
_END_TAIL = rf"[\"')\]*_]*)\s+(?=[\"'(\[*_]*[{UPPER}0-9@#→⇒])"
_SENTENCE_END = re.compile(rf"([.!?]{_NOT_ABBREV}{_END_TAIL}")
# the same where a text has no ! or ?: starting with a literal, the engine skips from dot to dot
_SENTENCE_END_DOT = re.compile(rf"(\.{_NOT_ABBREV}{_END_TAIL}")
# A minutes marker at the start of a line opens a sentence, whatever the line before ends with:
# "3. Budget 2026\n   RESOLVED: the budget is adopted" holds a resolution, not a title's tail.
_MARKER_LINE = re.compile(r"\n[ \t]*(?=(?:ACTION|DECISION|RESOLUTION|RESOLVED|AGREED|DECIDED"
                          r"|OUTCOME|TODO)\b|(?:Action|Decision|Resolution|Resolved|Agreed"
                          r"|Decided|Outcome)(?:\s+[\w.-]*\d[\w.-]*)?\s*:)")
# Bracket, emphasis and comment patterns never span another opener: "[[[[…",
# "**a **a …" or "<!--<!--…" would otherwise make each opener scan to the end of
# the text (quadratic).

# Patterns that may start with several characters say so as a branch ("!\[|\[", not "!?\[") or
# match their first character before looking behind it: the regex engine then skips ahead to
# that character instead of trying the pattern at every position (same matches, 2-4x faster).
_LINK_TAIL = r"([^\[\]]*)\]\(\s*<?([^)\s>\[]+)>?(?:\s+\"[^\"]*\")?\s*\)"
_REF_TAIL = r"([^\[\]]+)\]\[([^\[\]]*)\]"
_INLINE_LINK = re.compile(rf"(?:!\[|\[){_LINK_TAIL}")
_REF_LINK = re.compile(rf"(?:!\[|\[){_REF_TAIL}")
# the same without images, for texts without "![" (most): they start with a literal "["
_INLINE_LINK_NO_IMAGE = re.compile(rf"\[{_LINK_TAIL}")
_REF_LINK_NO_IMAGE = re.compile(rf"\[{_REF_TAIL}")
_SHORT_REF = re.compile(r"\[([^\[\]]+)\](?![(\[:])")
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
# starts with the literal "h" (the look-behind checks the character before it), so the regex
# engine jumps from "h" to "h" instead of trying the look-behind at every character
_BARE_URL = re.compile(r"(h(?<![(<\"'=\w/]h)ttps?://[^\s<>)\]\"']+[^\s<>)\]\"'.,;:!?])")
_GITHUB_REF = re.compile(
    r"(?<![\w/.@-])([A-Za-z0-9][\w.-]{0,38})/([\w.-]{1,100}?)(?:#(\d+)|@([0-9a-f]{7,40}))\b"
)
# what every _GITHUB_REF match holds, found without trying _GITHUB_REF at every letter
_GITHUB_HINT = re.compile(r"/(?<=[\w.-]/)[\w.-]{1,100}?(?:#\d|@[0-9a-f]{7})")
# emphasis, one pattern per marker: each runs only when its marker is in the text, which
# costs a third of one alternation of all three tried at every position; strong emphasis may
# wrap onto the block's next line ("**4.0 ships …\nmoves to 4.1.**"), never past the next marker
_STRONG_EMPH = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1", re.S)
# the same for a text with only one of the markers, starting with a literal the engine skips to
_STRONG_STARS = re.compile(r"(\*\*)(?=\S)((?:(?!\1).)+?)(?<=\S)\1", re.S)
_STRONG_UNDERSCORES = re.compile(r"(__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1", re.S)
_STAR_EMPH = re.compile(r"\*(?<![\w*]\*)(?=\S)([^*\n]+?)(?<=\S)\*(?!\w)")
_UNDERSCORE_EMPH = re.compile(r"_(?<![\w_]_)(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
# a match's group 1 or 2, in C: re's own "\1" template costs a Python call per match
_GROUP1, _GROUP2 = operator.itemgetter(1), operator.itemgetter(2)
_CODE = re.compile(r"`+([^`]*)`+")
_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


@dataclass(slots=True)
class Block:
    kind: str
    text: str  # raw markdown of the block (lines joined with "\n")
    line: int  # 1-based line in the file
    level: int = 0  # heading level (7 for pseudo-headings); indent for items
    cells: tuple[str, ...] = ()  # table rows
    header: tuple[str, ...] = ()  # table rows: the header cells
    section: int = -1  # index of the governing heading block, -1 before any
    ticked: bool = False  # items: a ticked check box ("- [x] …", "☑ …"): done


@dataclass
class Document:
    blocks: list[Block]
    refs: dict[str, str] = field(default_factory=dict)  # link reference definitions


def blank_lines(m: re.Match[str]) -> str:
    """A match's text as the blank lines it spans, so the line numbers after it stay right."""
    return "\n" * m.group(0).count("\n")


def scan(body: str, first_line: int = 1, plain_text: bool = False) -> Document:
    """Body → blocks, each with the line where it starts."""
    if "<!--" in body:
        body = _COMMENT.sub(blank_lines, body)
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
            if item is not None or para:
                flush()
            header = ()
            prev_blank = True
            continue
        c = stripped[0]
        if c not in _MARKERS and not c.isdigit() and stripped[1:2] != ")":
            # most lines: none of the block patterns below can match; a paragraph's or an
            # item's next line goes straight in (a paragraph never has an open item before it)
            if (para or item is not None) and c.isupper() and len(stripped) <= 30 \
                    and _labels_list_below(lines, i):
                # "• … self-hosted\nNot decided\n• PG12 upgrade date": a label between two
                # lists (a pinned chat summary's), not the item's last words
                flush()
                blocks.append(Block(PARA, stripped, first_line + i))
                prev_blank = False
                continue
            if para:
                para.append(line)
                continue
            if item is not None and not prev_blank:
                item.text += "\n" + stripped
                continue
        elif c == "#" and (m := _ATX.match(line)):
            flush()
            level = len(m.group(1) or m.group(3))
            blocks.append(Block(HEADING, (m.group(2) or "").strip(), first_line + i, level))
            prev_blank = False
            continue
        elif c == ":" and stripped.startswith(":::"):
            # a container's fence (HackMD's ":::success", Docusaurus' ":::note"): it frames the
            # blocks inside, as a blank line would, and says nothing itself
            flush()
            header = ()
            prev_blank = True
            continue
        elif c == "!" and stripped.startswith("!!") and (m := _WIKI.match(line)):
            flush()
            blocks.append(Block(HEADING, m.group(2), first_line + i, min(len(m.group(1)) - 1, 6)))
            prev_blank = False
            continue
        elif c == "[" and "]:" in stripped and (ref := _ref_definition(line)):
            flush()
            refs[_ref_key(ref[0])] = ref[1]
            continue
        elif c == "|" and _TABLE.match(line):
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
        elif c in "=-" and len(para) == 1 and item is None and (m := _SETEXT.match(line)):
            text = para[0].strip()
            para = []
            blocks.append(Block(HEADING, text, first_line + para_start,
                                1 if m.group(1).startswith("=") else 2))
            prev_blank = False
            continue
        elif (c in "-*+•·▪◦‣☐☑☒⬜✅✔" or c.isdigit() or (c == "[" and stripped[2:3] == "]")
              or ((c == "(" or stripped[1:2] == ")")
                  and _opens_lettered_item(lines, i, prev_blank or not (para or item)))) \
                and (m := _BULLET.match(line)):
            if c == "*" and _BOLD_LINE.match(line) and prev_blank:
                pass  # "**Heading**" rather than a bullet
            else:
                flush()
                boxes = m.group(2) + (m.group(3) or "")
                item = Block(ITEM, m.group(4), first_line + i, len(m.group(1).expandtabs(4)),
                             ticked=not _TICKED.isdisjoint(boxes))
                prev_blank = False
                continue
        if prev_blank and not para and item is None:
            nxt_blank = i + 1 >= n or not lines[i + 1].strip()
            if stripped[:2] in ("**", "__") and (m := _BOLD_LINE.match(line)) \
                    and (not m.group(2) or _BOLD_NAME.fullmatch(m.group(1).strip())):
                blocks.append(Block(HEADING, m.group(1).strip() + (m.group(2) or ""),
                                    first_line + i, 7))
                prev_blank = False
                continue
            if nxt_blank and stripped[-1] == ":" and (m := _LABEL_LINE.match(line)) \
                    and len(m.group(1).split()) <= 5:
                blocks.append(Block(HEADING, m.group(1).strip(), first_line + i, 7))
                prev_blank = False
                continue
            if plain_text and nxt_blank and _looks_like_title(stripped):
                blocks.append(Block(HEADING, stripped, first_line + i, 3))
                prev_blank = False
                continue
            if plain_text and not nxt_blank and first_line + i > 1 \
                    and _CAPS_LABEL.fullmatch(stripped):
                # "DECIDED" / "AGENDA" over the lines it labels: a label for the block under it
                blocks.append(Block(HEADING, stripped, first_line + i, 7))
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


# a label a list hangs under, without the blank line or colon: "Decided", "Not decided"
_GLUED_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,2}:?")
# the words a line wrapped in mid-phrase ends with
_WRAPPED_BEFORE = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or",
                             "the", "to", "with"})


def _labels_list_below(lines: list[str], i: int) -> bool:
    """Whether line `i`, glued below a list item or a paragraph, is a short label for the list
    that starts right under it: its first line is a bullet, the line above does not break off
    mid-phrase ("… assigned to" wrapped onto "Anil"), and it is not indented as a wrap is."""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    above = lines[i - 1].rstrip()
    return (below.lstrip()[:1] in "-*+•·▪◦‣☐☑☒⬜✅✔" and bool(below.strip())
            and lines[i][:1] != " " and above[-1:] not in (",", "-")
            and above[above.rfind(" ") + 1:].lower() not in _WRAPPED_BEFORE
            and _GLUED_LABEL.fullmatch(lines[i].rstrip()) is not None
            and _BULLET.match(below) is not None)


def _opens_lettered_item(lines: list[str], i: int, fresh: bool) -> bool:
    """Whether "(b) …" on line `i` opens an item, or goes on a sentence wrapped before it ("we
    can (1) collect thoughts … and\n(2) filter that list"): after a blank line, a finished
    sentence or a title in capitals ("23/104 PLANNING\n   (a) 23/01873/HH — …"); `fresh` when
    no paragraph or item is open."""
    if fresh:
        return True
    before = lines[i - 1].rstrip()
    return before[-1:] in (".", ":", ";", "!", "?") or before.isupper()


def _ref_definition(line: str) -> tuple[str, str] | None:
    """`[label]: <url> "title"` → (label, url), read as the regular expression in
    tests/test_extract_blocks.py reads it, without its lazy URL pattern, which is tried against
    the rest of the line at every character (4 µs a line)."""
    m = _REF_LABEL.match(line)
    if m is None:
        return None
    rest = line[m.end():].lstrip()
    if not rest:
        return None
    start = 1 if rest[0] == "<" and rest[1:2] and not rest[1].isspace() else 0
    url = rest[start:].split(None, 1)[0]
    title = rest[start + len(url):].lstrip()
    if title and title[0] not in "\"'(":
        return None
    return m.group(1), url[:-1] if len(url) > 1 and url[-1] == ">" else url


def _looks_like_title(line: str) -> bool:
    if len(line) > 70 or line[-1] in ".,;:?" or not (line[0].isupper() or line[0].isdigit()):
        return False
    if _TOOL_EVENT.search(line) or not _WORD.search(line):
        return False  # "Priya Natarajan started transcription", "46m 51s": not titles
    words = line.split()
    return len(words) <= 9 and "://" not in line and ", " not in line and ": " not in line


_WORD = re.compile(r"[^\W\d_]{3}")
# a meeting tool's line about the call itself, in a transcript
_TOOL_EVENT = re.compile(r"\s(?:started|stopped)\s+(?:transcription|recording)$"
                         r"|\s(?:joined|left)\s+the\s+(?:meeting|call)$")
# a plain-text note's label in capitals: "DECIDED", "LAST TIME", "MIN 03/01/2026: MATTERS ARISING",
# "REGATTA (Sat 14th June)"
_CAPS_LABEL = re.compile(r"[A-Z][A-Z0-9 &/'’:.,()-]{1,59}(?:\([^()\n]{1,40}\))?")
_THEMATIC_BREAK = re.compile(r"\s{0,3}([-*_])(?:\s*\1){2,}\s*")


def _assign_sections(blocks: list[Block]) -> None:
    """Each block's governing heading; a rule ("---") closes them all: what follows it (a
    sign-off, "Next call: …") is not the last section's."""
    stack: list[int] = []  # indices of open headings
    for index, block in enumerate(blocks):
        if block.kind == PARA and block.text[:1] in "-*_" and _THEMATIC_BREAK.fullmatch(block.text):
            stack.clear()
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
        text = _ESCAPE.sub(_GROUP1, text)
    if "[[" in text:  # a wiki link (Obsidian, Logseq, MediaWiki): "[[Farah Siddiqui]]"
        text = _WIKI_LINK.sub(lambda m: m.group(2) or m.group(1), text)
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
            text = (_INLINE_LINK if "![" in text else _INLINE_LINK_NO_IMAGE).sub(inline, text)
        if "][" in text:  # "![" again: a link's text ending in "!" may make one
            text = (_REF_LINK if "![" in text else _REF_LINK_NO_IMAGE).sub(ref, text)
        if refs:
            text = _SHORT_REF.sub(short, text)
    if "<http" in text:
        def auto(m: re.Match[str]) -> str:
            if links is not None:
                links.append(Link(text=m.group(1), url=m.group(1)))
            return m.group(1)
        text = _AUTOLINK.sub(auto, text)
    if "`" in text:
        text = _CODE.sub(_GROUP1, text)
    if "*" in text or "_" in text:
        text = _strip_emphasis(text)
    return text


def _strip_emphasis(text: str) -> str:
    """`**a**`, `*a*`, `_a_` → a; twice, for nested emphasis (`**_a_**`)."""
    for _ in range(2):
        changed = 0
        stars, underscores = "**" in text, "__" in text
        if stars or underscores:
            strong = (_STRONG_EMPH if stars and underscores
                      else _STRONG_STARS if stars else _STRONG_UNDERSCORES)
            text, n = strong.subn(_GROUP2, text)
            changed += n
        if "*" in text:
            text, n = _STAR_EMPH.subn(_GROUP1, text)
            changed += n
        if "_" in text:
            text, n = _UNDERSCORE_EMPH.subn(_GROUP1, text)
            changed += n
        if not changed:
            break
    return text


def _plain(text: str) -> str:
    if "`" in text:
        text = _CODE.sub(_GROUP1, text)
    return " ".join(text.replace("*", "").split())


def github_links(text: str) -> list[Link]:
    """`org/repo#N` and `org/repo@sha` → GitHub URLs."""
    out: list[Link] = []
    if "/" not in text or ("#" not in text and "@" not in text) or not _GITHUB_HINT.search(text):
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
    """Split cleaned block text into (sentence, line) pairs; lines joined by spaces. A minutes
    marker at a line's start ("RESOLVED:", "ACTION 3.1:") opens a sentence, unless a bracket
    before it is still open."""
    if "\n" not in text or not (marks := [m.span() for m in _MARKER_LINE.finditer(text)]):
        return _sentences(text, line)
    out: list[tuple[str, int]] = []
    start = 0
    open_brackets, counted = 0, 0  # "(" less ")" in text[start:counted]
    for begin, end in [*marks, (len(text), len(text))]:
        open_brackets += text.count("(", counted, begin) - text.count(")", counted, begin)
        counted = begin
        if open_brackets > 0 and begin < len(text):
            continue  # "(replaces\nACTION 36.4)": a marker in brackets is a reference
        out.extend(_sentences(text[start:begin], line))
        line += text.count("\n", start, end)  # counted piece by piece: linear
        start = end
        open_brackets = 0
    return out


def _sentences(text: str, line: int) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    if "." not in text and "!" not in text and "?" not in text:
        if joined := _words(text):
            _add_pieces(out, joined, line)
        return out
    pos = 0
    counted, newlines = 0, 0  # "\n" in text[:counted], counted as the pieces move on
    multiline = "\n" in text
    ends = _SENTENCE_END if "!" in text or "?" in text else _SENTENCE_END_DOT
    for m in ends.finditer(text):
        end = m.end()
        if multiline:
            newlines += text.count("\n", counted, pos)
            counted = pos
        piece = _words(text[pos : m.end(1)])
        if len(piece) <= MAX_SENTENCE_CHARS:
            out.append((piece, line + newlines))
        else:
            _add_pieces(out, piece, line + newlines)
        pos = end
    if rest := _words(text[pos:]):
        if multiline:
            newlines += text.count("\n", counted, pos)
        _add_pieces(out, rest, line + newlines)
    return out


def _words(text: str) -> str:
    """`" ".join(text.split())`, without splitting the common text whose words are apart by one
    space or newline: other whitespace is unprintable, so a printable `flat` has none."""
    flat = text.replace("\n", " ")
    if flat.isprintable() and "  " not in flat and flat[:1] != " " and flat[-1:] != " ":
        return flat
    return " ".join(text.split())


# The sentence rules backtrack over runs of names: a run-on "sentence" is read in
# pieces of at most this many characters, so the work per note stays linear.
MAX_SENTENCE_CHARS = 300


def _add_pieces(out: list[tuple[str, int]], sentence: str, line: int) -> None:
    """Append `sentence` (not empty), cut at spaces into pieces of MAX_SENTENCE_CHARS at most."""
    start, end = 0, len(sentence)  # an index, not a shrinking copy: linear in the sentence
    while end - start > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        out.append((sentence[start:cut], line))
        start = cut
        while start < end and sentence[start].isspace():
            start += 1
    if start < end:
        out.append((sentence[start:], line))
