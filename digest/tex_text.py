"""A LaTeX note (minutes kept on Overleaf) as the markdown-like text extraction reads.

Only the markup minutes use is translated: sectioning commands become headings, `\\item`
becomes a list item, `\\textbf{…}`-style commands leave their text, `\\\\` ends a line, the
environments' own lines and `%` comments go. Anything else is left as written.
"""

from __future__ import annotations

import re

_SECTION = re.compile(r"^\s*\\(?P<subs>(?:sub)*)section\*?\{(?P<title>[^{}]*)\}\s*$")
_ENVIRONMENT = re.compile(r"^\s*\\(?:begin|end)\{[^{}]*\}(?:\[[^\]]*\])?\s*$")
_ITEM = re.compile(r"^(?P<indent>\s*)\\item(?:\[[^\]]*\])?\s*")
_STYLE = re.compile(r"\\(?:textbf|textit|emph|texttt|underline|textsc|url|mbox)\{([^{}]*)\}")
_COMMENT = re.compile(r"(?<!\\)%.*$")
_SPACES = re.compile(r"\\[ ,;:!]|~")  # "Prof.\ Ingrid", "40\,TB", "Fig.~2"
_ESCAPED = re.compile(r"\\([%&$#_{}])")
# a layout command with no argument ("\medskip", "\noindent"): no text of its own
_BARE_COMMAND = re.compile(r"\\[a-zA-Z]+\*?(?![a-zA-Z{\[])\s*")


def tex_to_text(tex: str) -> str:
    """Headings, items and plain text from the LaTeX of a set of minutes."""
    out = []
    for line in tex.split("\n"):
        line = _COMMENT.sub("", line)
        if _ENVIRONMENT.match(line):
            continue
        if heading := _SECTION.match(line):
            depth = 2 + len(heading.group("subs")) // 3
            out.append("#" * depth + " " + heading.group("title").strip())
            continue
        line = _ITEM.sub(lambda m: m.group("indent") + "- ", line, count=1)
        line = _BARE_COMMAND.sub("", line)
        for _ in range(3):  # nested styles: \textbf{\emph{…}}
            line = _STYLE.sub(r"\1", line)
        line = _SPACES.sub(" ", line).replace("\\\\", "").replace("--", "–")
        out.append(_ESCAPED.sub(r"\1", line).rstrip())
    return "\n".join(out)
