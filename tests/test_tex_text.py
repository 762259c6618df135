"""LaTeX minutes: sections are headings, items are list items, styles leave their text."""

from __future__ import annotations

from datetime import date

from digest.extract import extract
from digest.models import NoteFile
from digest.parse import parse_note
from digest.tex_text import tex_to_text

TEX = r"""% compiled from the shared Overleaf
\section*{Lab meeting, 17 September 2025}

\textbf{Present:} Prof.\ Ingrid Halvorsen (PI, chair), Lucía Fernández (PhD),
Arjun Mehta (PhD)\\
\textbf{Apologies:} Tobias Richter (fieldwork)

\subsection*{2. Paper submissions}
\begin{itemize}
  \item Reviews back from \emph{Ecology Letters}: 40\,TB of runs -- a week of compute.
        \textbf{Agreed:} add the null model comparison rather than rebut.
  \item Lucía to draft the response letter by 8 October.
\end{itemize}

\medskip
\noindent\textbf{Next meeting:} Wednesday 1 October, 10:00.
"""


def test_latex_markup_becomes_headings_items_and_text() -> None:
    text = tex_to_text(TEX)
    assert "## Lab meeting, 17 September 2025" in text
    assert "### 2. Paper submissions" in text
    assert "  - Reviews back from Ecology Letters: 40 TB of runs – a week of compute." in text
    assert "\\" not in text and "%" not in text


def test_latex_minutes_give_attendees_decisions_actions_and_the_next_call() -> None:
    note = parse_note(NoteFile("2025-09-17-lab.tex", TEX.encode()))
    assert note.title == "Lab meeting, 17 September 2025"
    got = extract(note)
    assert [(p.name, p.chair) for p in got.attendees] == [
        ("Ingrid Halvorsen", True), ("Lucía Fernández", False), ("Arjun Mehta", False)]
    assert [d.text for d in got.decisions] == [
        "add the null model comparison rather than rebut."]
    assert [(a.owner, a.task) for a in got.actions] == [
        ("Lucía Fernández", "draft the response letter by 8 October")]
    assert got.next_call is not None and got.next_call.date == date(2025, 10, 1)
