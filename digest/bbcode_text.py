"""A forum thread in BBCode (phpBB, vBulletin, SMF), as the markdown-like text the rules read.

Clubs and societies post their minutes on their forum: "[b]Present:[/b]", "[list][*]Geoff
Hartley (Chair)[/list]", "[color=green]Done[/color]", replies that quote a line of the minutes
("[quote="starhopper"]Bill to ring the insurers …[/quote]") to correct it, each post under "Post
by dobsonian_tom » Wed Feb 24, 2010 10:40 pm". Here bold is bold, a list item is one, colours,
sizes and the like go, links are links, a quote goes (it repeats what was posted before), and
the first line of each reply is said by its author ("dobsonian_tom: Yep, I'll ring them …"), as a
transcript's turn is. Lines keep their numbers.
"""

from __future__ import annotations

import re

_HINT = re.compile(r"\[(?:b|i|list|\*|quote|color=[^\]\n]*|size=\d+|url[=\]])\]?", re.I)
_QUOTE = re.compile(r"\[quote(?:=[^\]\n]*)?\].*?\[/quote\]", re.I | re.S)
_ITEM_AT_START = re.compile(r"(?m)^[ \t]*\[\*\][ \t]*")
_ITEM = re.compile(r"[ \t]*\[\*\][ \t]*")
_LINK = re.compile(r"\[url=(?P<href>[^\]\s]+)\](?P<text>.*?)\[/url\]", re.I)
_BARE_LINK = re.compile(r"\[url\](?P<href>[^\[\s]+)\[/url\]", re.I)
_BOLD = re.compile(r"\[b\](?P<text>.*?)\[/b\]", re.I | re.S)
_ITALIC = re.compile(r"\[i\](?P<text>.*?)\[/i\]", re.I | re.S)
_IMAGE = re.compile(r"\[img\][^\[]*\[/img\]", re.I)
_TAG = re.compile(r"\[/?(?:list(?:=\w+)?|u|s|color(?:=[^\]\n]*)?|size(?:=[^\]\n]*)?"
                  r"|font(?:=[^\]\n]*)?|center|left|right|code|spoiler)\]", re.I)
_POST_HEADER = re.compile(r"(?m)^Post[ \t]+by[ \t]+(?P<who>\S+)[ \t]+»[^\n]*$")


def looks_like_bbcode(text: str) -> bool:
    """A note holding BBCode: three or more of its tags."""
    return len(_HINT.findall(text)) >= 3


def bbcode_to_text(text: str) -> str:
    """The thread as markdown-like text, line for line (a list item inside a line starts a
    line of its own)."""
    text = _QUOTE.sub(lambda m: "\n" * m[0].count("\n"), text)
    text = _LINK.sub(r"[\g<text>](\g<href>)", _BARE_LINK.sub(r"\g<href>", _IMAGE.sub("", text)))
    text = _BOLD.sub(r"**\g<text>**", text)
    text = _ITALIC.sub(r"*\g<text>*", text)
    text = _TAG.sub("", text)
    text = _ITEM.sub("\n- ", _ITEM_AT_START.sub("- ", text))
    return _replies_as_turns(text)


def _replies_as_turns(text: str) -> str:
    """Each reply's first line said by its author; the first post (the minutes) as posted."""
    headers = list(_POST_HEADER.finditer(text))
    if len(headers) < 2:
        return text
    out, at = [text[:headers[1].start()]], headers[1].start()
    for header in headers[1:]:
        out.append(text[at:header.start()])
        rest = text[header.end():]
        first = re.search(r"\S", rest)
        if first is None:
            at = header.end()
            continue
        start = header.end() + first.start()
        out.append(text[header.start():start] + f"{header['who']}: ")
        at = start
    out.append(text[at:])
    return "".join(out)
