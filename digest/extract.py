"""Note → Extraction: attendees, agenda, topics, decisions, action items, next call, links.

The body is split into blocks (`extract_blocks.scan`); each block belongs to a
section whose heading decides how it is read:

- agenda sections give agenda items and nothing else;
- "Decisions" sections (and tables with a Decision column) give one decision
  per item or row; "Action items" / "Next steps" sections (and tables with an
  Owner/Action column) one action per item or row;
- reviews of the previous call ("Previous actions", "Last meeting") give none;
- everything else is read sentence by sentence with the cue rules below.

Each rule is a named regular expression, so it can be tested on its own.
Owners are resolved against the attendees (`people.Roster`). The next call is
the best-supported date near "next call/meeting" wording (`dates.find_dates`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, cached_property, partial
from pathlib import PurePosixPath
from typing import Any, NamedTuple, TypeVar

import ahocorasick

from .adoc_text import adoc_to_text, looks_like_asciidoc
from .bbcode_text import bbcode_to_text, looks_like_bbcode
from .dates import MONTHS, SPOKEN_DAY, WEEKDAYS, DateMention, find_dates, find_time
from .extract_blocks import (
    HEADING,
    ITEM,
    PARA,
    ROW,
    Block,
    bare_urls,
    blank_lines,
    clean_inline,
    github_links,
    scan,
    sentences,
)
from .html_text import html_to_text
from .jira_text import jira_to_text, looks_like_jira
from .letters import LOWER, UPPER
from .models import Action, Decision, Extraction, Link, NextCall, Note, Person
from .org_text import org_to_text
from .parse import PROSE, front_matter_date, one_line, words
from .pattern_words import PatternGates, folded, required_words
from .people import (
    FULL_NAME,
    HANDLE,
    HONORIFICS,
    NAME_PARTICLE,
    OWNER_SEPARATOR,
    ROLES,
    Roster,
    nick_of,
    parse_attendee_text,
)
from .tex_text import tex_to_text
from .tsv_text import tsv_to_markdown
from .twiki_text import looks_like_twiki, twiki_to_text

# -- section kinds ---------------------------------------------------------------------------

# the words that label an attendee list, in a heading, a "Label:" line or a header block
_PRESENT_LABEL = (r"(?:attendees|attendance|present|participants|in\s+attendance|attended|guests?"
                  r"|presenting|presenters?|(?:crit\s+|review\s+)?panel"
                  r"|who|ppl|in\s+(?:the\s+)?(?:huddle|room|call)|on\s+the\s+call|teilnehmer(?:innen)?"
                  r"|teilnehmende|anwesend|présents?|asistentes|participantes|presentes|aanwezig"
                  r"|presenti|partecipanti|närvarande|deltagare|deltagere|til\s+stede|obecni|obecne"
                  r"|uczestnicy|参加者|出席者)")

# what a project calls its meeting: "next call", "next stand-up", "next interim", "next retro"
_MEETING = (r"(?:call|meeting|meet-?up|mtg|sync|session|telecon|teleconference|hangout"
            r"|stand-?up|check-?in|interim|retro(?:spective)?|huddle|catch-?up|jour\s+fixe|office\s+hours"
            r"|hand-?over|walk-?through|board\s+walk|planning(?!\s+(?:cycle|phase|period|doc))"
            r"|telco|1:1|one-on-one|1-on-1|committee(?:\s+meeting)?"
            r"|review(?!\s+(?:of|cycle|period|round|comments|process|date|deadline))"
            r"|(?:bi-?)?weekly|monthly)(?!\s+(?:release|report|build|update|newsletter|digest)\b)")

# a weekday, short or long: "Tue", "thurs", "Wednesday"
_WEEKDAY_WORD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"

AGENDA, DECISIONS, ACTIONS, PREVIOUS, ATTENDEES, NEXT, OTHER = (
    "agenda", "decisions", "actions", "previous", "attendees", "next", "other")

_SECTION_PREVIOUS = re.compile(
    r"\b(?:previous|last\s+(?:week|month|meeting|call|time|session|sync)|review\s+of"
    r"|carried\s+over|old\s+business|matters\s+arising"
    r"|(?:minutes|notes)\s+of\s+(?:the\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\s+(?:meeting|call)"  # "Notes of the July meeting and follow-up"
    r"|outstanding\s+actions|status\s+of\s+(?:previous\s+)?actions|from\s+last"
    r"|(?:actions?|action\s+(?:items|points)|ais?|decisions|follow-?ups?)\s+(?:from|of)\s+"
    r"(?!today|this)\w+"
    r"|for\s+the\s+record|yesterday['’]?s"
    r"|(?:outstanding|open)\s+action\s+items|review\s+(?:of\s+)?(?:outstanding|open|previous)\b"
    r"|(?:actions?|action\s+items?)\s+review"  # "### 2. Action item review"
    r"|rückblick|terugblik|retour\s+sur\s+les\s+actions|offene\s+punkte\s+(?:vom|aus)"
    # "Repaso de la semana pasada", "semana passada", "semaine dernière", "letzte Woche",
    # "Przegląd zadań z zeszłego tygodnia"
    r"|repaso|semana\s+pasada|semana\s+passada|semaine\s+derni[eè]re|letzte[nr]?\s+woche"
    r"|zesz[lł]ego\s+tygodnia|poprzedni\w*)\b",
    re.I)
_SECTION_KINDS = (
    (NEXT, re.compile(rf"\bnext\s+(?:\S+\s+){{0,2}}{_MEETING}\b|^\W*next(?:\s+time|\s+up)?\W*$"
                      # a running doc's block for the next meeting: "📅 Tue 26 May — NEXT"
                      r"|^(?=[^\n]*\d)[^\n]*[—–-]\s*next\s*(?:$|[(\[—–:])"
                      r"|\bdate\s+(?:for|of)\s+(?:the\s+)?next\b"
                      # German and French notes: "Nächstes Treffen", "Prochaine réunion"
                      r"|\bnächste[snr]?\s+(?:treffen|meeting|termin|sitzung|jour\s+fixe)\b"
                      r"|\bprochaine?\s+(?:réunion|séance|rencontre|point)\b"
                      r"|\bpr[óo]xim[ao]\s+(?:reuni[óo]n|reuni[ãa]o|sesi[óo]n)\b"
                      r"|\bprossim[ao]\s+(?:riunione|incontro)\b|\bvolgende?\s+(?:vergadering|overleg)\b"
                      r"|\bn[äa]sta\s+\w*m[öo]te\b|\b(?:rapat|pertemuan)\s+berikutnya\b|次回",
                      re.I)),
    # a meeting's "Goals" are what it is to discuss (Confluence), not tasks for afterwards
    # (not scribe.perl's first topic, "Agenda and minutes": approving them, with the talk)
    (AGENDA, re.compile(r"^\W*(?:agenda|topics|agenda\s+items|proposed\s+agenda)\b"
                        r"(?!\s*(?:and|&|\+)\s+(?:(?:the\s+)?minutes|notes|discussion))"
                        r"|^\W*(?:meeting\s+)?(?:goals|objectives)\W*$", re.I)),
    # "Attendees", "Present", "Directors Present", "Executive Officers Present", "Guests"
    (ATTENDEES, re.compile(r"^\W*(?:(?:people|also|[\w-]+(?:\s+[\w-]+)?)\s+)?"
                           rf"(?:{_PRESENT_LABEL}|people|who(?:['’]?s|\s+is|\s+was)?(?:\s+(?:here|there))?"
                           r"|sign-?\s?in(?:\s+sheet)?|roll\s*call)\W*"
                           r"(?:\([\w\s]*\)\W*)?$", re.I)),
    # (not an AGM's item "9. SPECIAL RESOLUTION – AMENDMENT OF THE ARTICLES": one motion's talk)
    (DECISIONS, re.compile(r"\b(?:decisions?|(?<!special\s)(?<!ordinary\s)resolutions?"
                           r"|agreements?|agreed|(?<!not\s)decided"
                           # (not "Sprint 14 outcomes", "Q3 outcomes": results reported)
                           r"|(?<!sprint\s)(?<!\d\s)(?<!quarter\s)(?<!release\s)outcomes?"
                           r"|what\s+we\s+settled"
                           r"|instructions\s+received"
                           r"|conclusions?|beschl(?:uss|üsse)|entscheidung(?:en)?|einigung"
                           r"|décisions?)\b", re.I)),
    (ACTIONS, re.compile(r"\b(?:action\s*items?|actions?|next\s+steps|to-?dos?|follow[- ]?ups?"
                         r"|who['’]?s\s+(?:doing|on)\s+what|who\s+does\s+what"
                         r"|hand-?over\s+(?:items|tasks)"
                         r"|tasks|assignments|action\s+points?|aufgaben|prochaines\s+étapes)\b"
                         r"|^\W*(?:(?:plans?\s+|goals?\s+)?(?:for\s+)?(?:next|this|the\s+coming)\s+"
                         r"(?:week|fortnight|month)|plans)\W*$", re.I)),
)

# -- attendees -------------------------------------------------------------------------------

# who spoke, in a summary or a transcript's header: "Also speaking:", "SPEAKERS"
_SPEAKERS_LABEL = r"(?:also\s+)?speak(?:ers|ing)"
_ATTENDEES = re.compile(  # (not "Consensus on the call:")
    rf"^\W{{0,4}}(?!(?:consensus|agreed|decided|decisions?)\b)"
    rf"(?:(?:[\w-]+\s+){{0,3}}{_PRESENT_LABEL}"
    # "Participants (from the Meetecho roster, 31 in total), among them:"
    r"(?:\s*\([^()\n]{0,80}\))?(?:,?\s+(?:among\s+them|including|were))?"
    # or the label on a line of its own, the names on the lines under it (Confluence; a
    # transcript's "SPEAKERS")
    rf"|people|{_SPEAKERS_LABEL}"
    # "There: me (chairing), Kai Brandt, …", "here: ines (chair), Dario, @fkaur": a list of
    # names, not a sentence, after it
    r"|(?:here|there)(?=\W{0,4}:\s*(?:(?i:me)\b|@|(?-i:[A-Z]|[a-z][\w.-]*\s*[(,]))[^\n]*,)"
    r")(?:\W{0,4}:[^\w@]{0,3}|[ \t]*\n)(.*)$", re.I | re.S)
_NAMED_LIST = re.compile(r"^\W{0,4}(?!(?:away|apologies|absent|regrets|excused|not\s+present)\b)"
                         r"[A-Za-z][\w ]{1,20}?\W{0,4}:\W{0,3}(.*)$", re.I | re.S)
# a second list of who came, after the first: "Guests:", "Also present:", "In attendance:",
# "RFC authors / guests:"
_MORE_ATTENDEES = re.compile(r"^\W{0,4}(?:[\w-]+\s*/\s*)?(?:guests?|also\s+present|in\s+attendance"
                             r"|observers|visitors|invited)\W{0,4}:", re.I)
# the attendee label further into a paragraph: on a later line of a header block ("Meeting ID:
# 845 …\nParticipants: A, B") or after a sentence ("… as usual. Present: A, B. Apologies: C.")
_ATTENDEES_INSIDE = re.compile(
    rf"\n(?=\W{{0,4}}(?:(?:[\w-]+\s+){{0,3}}{_PRESENT_LABEL}|people|{_SPEAKERS_LABEL}"
    r"|(?:here|there)(?=:\s*(?:(?i:me)\b|@|(?-i:[A-Z]))[^\n]*,))"
    r"(?:\s*\([^()\n]{0,40}\))?\W{0,4}:)"  # ("Participants (7):")
    r"|(?P<prose>(?<=[.;!?])[ \t]+)"
    r"(?=(?-i:Present|Attendees|Participants|Attendance|Attended|On\s+the\s+call)\s*:)", re.I)
# a header's list of the team, read as the attendees when there is no attendee list (two names
# at least: "Team: Platform" names a team, not its people)
_TEAM_LINE = re.compile(r"^(?:\W{0,4}(?:(?:core\s+)?team|members|team\s+members)\W{0,4}:"
                        r"|\s*👥\ufe0f?)\W{0,3}(.*)$", re.I | re.S)
# the same on a later line of a header block, after an emoji ("📅 **Tue 17 Sep 2024** · 09:30\n
# 🧑‍💻 **Team:** Aurelio Bianchi (EM) · Neha Kulkarni · Jonas\nLindqvist"), up to the next label;
# or after the people emoji alone ("👥 Nadia Petrova (NP, Head of Product), Owen …")
_TEAM_LINE_INSIDE = re.compile(
    r"\n(?:\W{0,8}(?:(?:core\s+)?team|members|team\s+members)\W{0,4}:|[ \t]*👥\ufe0f?)\W{0,3}"
    r"(?P<names>[^\n]*(?:\n(?![^\n:]{0,30}:)[^\n]*)*)", re.I)
_TAKER_LINE = re.compile(r"^\W{0,4}(?:scribe|note-?taker|minute-?taker|(?:notes|minutes)\s+by)"
                         r"\W{0,4}:\s*(.+)$", re.I)
_CHAIR_LINE = re.compile(r"^\W{0,4}(?:(?:co-?)?chairs?|chaired\s+by|facilitator|moderation|vorsitz)"
                         r"\W{0,4}:\s*(.+)$", re.I)

# -- decisions -------------------------------------------------------------------------------

_DECISION_MARKER = re.compile(
    r"^\W{0,3}(?:#(?:agreed?|decision|decided|resolved)\b"
    r"|\[(?:DECISION|RESOLUTION|RESOLVED|AGREED|DECIDED)\]\s*[:.–—-]?"  # "[DECISION] …"
    r"|D-\d{1,4}(?:[-.]\d{1,3})*\s*:"  # a decision's number in a register: "D-2025-07: …"
    # typed in a chat: "decided: pizza night …" (not a lower-case "agreed:", which chat
    # replies open with as often as records do)
    r"|(?:decided|decision|resolved)\s*:"
    r"|(?:DECISION|RESOLUTION|RESOLVED|AGREED"
    r"|DECIDED|Decision|Resolution|Resolved|Agreed|Decided|Beschluss|Einigung|Entscheidung"
    r"|Décision)(?:\s+#?[\w.-]*\d[\w.-]*)?"
    # "AGREED (Harriet / Omar): …", not "Decision (postponed): …"
    r"(?:\s*\((?!(?:postponed|deferred|pending|open|tb[cd])\b)[^()]{1,40}\))?\s*(?:--|[:.)–—-])"
    r"|(?:OUTCOME|CONCLUSIONS?|CONSENSUS|APPROVED|ADOPTED|ACCEPTED|VOTE|POLL|Outcome|Conclusions?"
    r"|Consensus|Approved|Adopted|Accepted|Vote|Poll|VERDICT|Verdict"
    # "Final call: …", "Also settled: …", French "Validé : …"
    r"|FINAL\s+CALL|Final\s+call|(?:Also\s+)?[Ss]ettled|SETTLED"
    r"|Validé|Décidé|Adopté|Acté"
    # Portuguese, Swedish and Japanese records: "Deliberação:", "Beslut:", "決定:"
    r"|Deliberação|Deliberado|Decisão|Decidido|Acordado|Aprovado|Beslut|Beslutat|決定"
    # Indonesian and Italian: "Keputusan:", "Disepakati:", "Deciso:"; "**Result:** …"
    r"|Keputusan|Disepakati|Deciso|Decisione|Result|RESULT)\s*:"
    # a tag for decisions: "- [D] drop the nightly job"
    r"|\[D\]"
    # sociocracy's "✅ CONSENTED — …"
    r"|\W{0,4}CONSENTED(?:\s+with\s+amendments?)?\W{0,4}[—–:-])"
    r"\W{0,3}(?P<text>.+)$", re.S)
# Each alternation below starts with "\b(?=\w)(?:": tried only at the start of a word, not at
# every character (2-3x faster than a "\b" in front of each alternative; same matches).
# a task kept where it was, not a plan: "Okay, we'll keep it on the list"
_KEEP_IT_ON = r"keep\s+(?:it|that|this|them)\s+on\b"
_DECISION_STRONG = re.compile(
    r"\b(?=\w)(?:(?:we|they|group|team|everyone|all|it\s+was)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:decided|agreed)\b|decided\s+(?:not\s+)?(?:to|that|on|against)\b"
    r"|decision\b(?!s|\s+(?:numbers?|log|register|records?|making|makers?|trees?|ids?)\b)|agreed\b"
    r"|general\s+agreement\b|agreement\s+(?:that|to|on)\b|consensus\b"
    r"|no\s+(?:strong\s+|major\s+|further\s+|real\s+)?objections?\b|unanimous"
    r"|(?:nobody|no\s*one|none)\s+(?:objected|disagreed|argued|minded|dissented)\b"
    r"|resolution\b|resolved,?\s+(?:not\s+)?(?:to|that)\b|conclusion\s*:|we\s+concluded\b"
    r"|(?:poll|vote)\s+(?:result|outcome)|settled?\s+on\b"
    # "voted to apply", "Members voted by show of hands for Option B"
    r"|voted(?:\s+by\s+(?:a\s+)?(?:show\s+of\s+hands|(?:secret\s+)?ballot))?"
    r"\s+(?:to|for|in\s+favou?r)\b"
    r"|it\s+was\s+felt\b|everyone\s+(?:agrees|thinks|is\s+happy)\b"
    r"|(?:that|it)(?:['’]s|\s+is)\s+settled\b|settled\s+then\b)"
    r"|^\W*(?:\w+\W+)?(?:so|then|ok(?:ay)?|great|good|alright|right)\W+(?:then\s+)?we(?:['’]ll|\s+will)?"
    rf"\s+(?:(?!{_KEEP_IT_ON})keep|go\s+with|ship|use|drop|stay\s+with"
    r"|stick\s+with|adopt|take)\b"  # (not "Okay, we'll keep it on the list")
    # a vote's result: "the motion carried 5-0", "7 in favour, 2 against", "the board approved"
    r"|\b(?=\w)(?:motion\b[^.;]{0,80}?\b(?:carried|passed|adopted|approved|accepted)\b"
    r"|\d+\s*(?:in\s+favou?r|for|yes|ayes|\+1s?)\b[^.;]{0,40}?\b\d+\s*(?:against|no|nays|-1s?)\b"
    r"|(?:board|committee|steering\s+council|council|tsc|sc|pmc|wg|working\s+group|sig"
    r"|core\s+team|panel)\s+(?:has\s+|have\s+)?(?:also\s+|unanimously\s+|formally\s+"
    r"|provisionally\s+|conditionally\s+)?(?:approved|adopted|accepted|ratified|endorsed|voted"
    r"|rejected|declined)\b"
    r"|(?:approved|adopted|accepted|ratified)\s+(?:by\s+(?:consensus|vote|acclamation|lazy"
    r"\s+consensus)|without\s+objection)\b"
    r"|(?:approved|adopted|accepted|ratified|rejected|signed\s+off)\s+by\s+(?:the\s+)?(?:board"
    r"|trustees|governors|members|meeting|panel|committee|council"
    r"|steering\s+council|tsc|sc|wg|sig|core\s+team|maintainers|directors)\b"
    r"|(?:rfc|kep|pep|proposal|motion|budget|policy|charter|amendment)\b[^.;]{0,40}?\b(?:is|was"
    r"|has\s+been|got)\s+(?:approved|accepted|adopted|ratified|rejected|declined)\b"
    r"|we\s*(?:['’]re|\s+are)\s+going\s+with\b|landed\s+on\b|(?:was|were)\s+decided\b"
    # "Oliver Fenwick was elected Treasurer.", "The meeting went with option B.", "Signed off
    # by everyone — …"
    r"|(?:was|were)\s+(?:duly\s+|re-?)?elected\b|elected\s+unopposed\b"
    r"|(?:we|meeting|group|team|committee|board|panel|room)\s+went\s+with\b"
    r"|signed\s+off\s+by\s+(?:everyone|everybody|all)\b"
    r"|(?:everyone|everybody|all)\s+signed\s+off\b"
    # "Where we landed: …", "3.0 release: decided — rc1 goes out …"
    r"|where\s+we\s+landed\b|(?:(?<=:\s)|(?<=:))(?:decided|agreed)\s*[—–:]"
    r"|(?:was|were)\s+not\s+taken\s+up\b|on\s+part\s+sur\b|final\s+call\s+on\b"
    r"|ficou\s+decidido\b|beslutade\s+att\b|beslöt\s+att\b|it\s+is\s+then\b"
    r"|we\s+(?:(?:will|['’]ll)\s+)?go\s+ahead\s+with\b|consented\b|si\s+decide\b|si\s+è\s+deciso\b"
    r"|authori[sz]ed\b"
    # "Final answer on the closure: …", "Harvest is the way forward", "Going ahead with the
    # party on …", "We're dropping Pentire", "Everyone was happy to push 4.18 back a week",
    # "so the plan is now: …", "Grace approved the budget for three replacements"
    r"|final\s+answer\b|is\s+the\s+way\s+forward\b|going\s+ahead\s+with\b"
    # "We're not going to support IE11 any more", "we won't renew the lease"
    r"|we\s*(?:(?:['’]re|\s+are)\s+not\s+going\s+to|\s+won['’]t|\s+will\s+not)\s+(?:support|ship|use"
    r"|accept|merge|release|renew|add|keep|hold|run|publish|adopt|pursue|fund|buy)\b"
    r"|we\s*(?:['’]re|\s+are)\s+(?:dropping|sticking\s+with|keeping(?!\s+(?:an\s+eye|track|tabs"
    r"|in\s+touch|(?:it|this|that|them)\s+(?:on|open|in\s+mind)|(?:you|everyone)\s+posted)\b))\b"
    r"|the\s+plan\s+is\s+now\b"
    r"|(?:everyone|everybody|all)\s+(?:was|were)\s+happy\s+(?:to|with)\b"
    r"|approved\s+the\s+(?:budget|spend|spending|purchase|payment|travel|trip|request|hire"
    r"|funding|cost|costs|expense|expenses)\b"
    r"|disepakati\b|instructs?\s+us\s+to\b|(?:client|customer|employer)\s+instructed\b"
    # "ingrid ok with moving the freeze (decided)", "everyone ok with it, jsonl it is"
    r"|everyone(?:['’]s|\s+(?:is|was))?\s+(?:ok(?:ay)?|fine)\s+with\b"
    # the usual misspellings: "desided we move …", "agred: …", "also agred to …"
    r"|desided\b|decdied\b|agred\b|aggreed\b|agreeed\b)|\((?:decided|agreed)\)|決定"
    r"|^\W*going\s+with\b"
    # a choice: "Option B it is.", "everyone ok with it, jsonl it is" (not "It is, I checked",
    # "Of course it is", "Leave it as it is", "… which of our plugins it is")
    r"|(?:^|[,;:—–]\s*|\b(?:ok(?:ay)?|so|right|alright|fine|great)\W+)\W*"
    r"(?:[\w.+#/()'’-]+\s+){1,3}(?<!\bas\s)(?<!what\s)(?<!how\s)(?<!where\s)(?<!which\s)"
    r"(?<!who\s)(?<!course\s)(?<!sure\s)(?<!yes\s)(?<!yeah\s)(?<!think\s)(?<!hope\s)"
    r"(?<!guess\s)(?<!know\s)it\s+is(?:\s+then)?(?=\s*(?:[.!,;]|$))"
    # the chair settling what was just asked: "Fine, the sitemap fix goes to 2.0.1 then."
    r"|^(?:[^:]{1,40}:\s+|(?:\[[\d:]+\]\s*)?<[^<>\s]{1,32}>\s+)?\W*(?:fine|ok(?:ay)?|right|alright"
    r"|good)\W+(?:so\W+)?"
    r"(?=\w)(?!(?:i|you|we|it|this|that|that['’]s|let['’]?s|time)\b)"
    r"[^?]{3,}?\b(?:goes|moves|stays|slips|ships|lands|waits|becomes|go|move|stay|ship|land|wait"
    r"|become|(?:is|are)(?!\s+(?:fine|ok"
    r"|okay|good|great|perfect|better|all)\b))\b[^?]{2,}?(?:\s+then\W*|\s*[✅✔☑]\W*)$"
    # a verdict after an arrow or a mark: "→ **Accept, with shepherding.**", "✅ approved, …"
    r"|^\s*(?:→|=>|->|✅|❌)\W*(?:accept(?:ed)?|reject(?:ed)?|approved?|declined)\b", re.I)
_DECISION_WEAK = re.compile(
    r"\b(?=\w)(?:we\s*(?:['’]ll|\s+will|\s+are\s+going\s+to|['’]re\s+going\s+to|\s+should|['’]re\s+planning"
    r"\s+to|\s+are\s+planning\s+to|\s+plan\s+to|['’]ll\s+try\s+and)\s+(?:also\s+|still\s+|first\s+)?"
    r"(?!be\s+able|need|have\s+to|see|think|consider|look\s+at|talk|probably|hopefully|ask|check"
    r"|invite|email|get\s+back|try\s+to\s+find"
    # replies and facts, not plans: "Sure, we'll do it", "Good question, we'll come back to
    # it", "Okay, we'll keep it on the list", "We'll all bring gloves" (each of us), "We'll
    # know by October"
    rf"|do\s+(?:it|that|this|so)\b|come\s+back\s+to|{_KEEP_IT_ON}"
    r"|all\b|know\b|cope\b|manage\b|survive\b|be\s+(?:fine|ok(?:ay)?|alright)\b)"
    # "Let's ship it with 3.2" (not "let's see", "let's discuss it next time")
    r"|let['’]s\s+(?!see|discuss|talk|think|wait|check|look|try|revisit|keep\s+an\s+eye|move\s+on"
    # ("Let's go." opens the meeting; "let's just vote" is how to decide, not what)
    r"|go\b(?!\s+(?:with|for|ahead))|(?:just\s+)?vote\b"
    r"|meet|reconvene|regroup|circle|follow|sync|chat|ask|hear|take\s+(?:this|it)|continue|get\s+started"
    r"|do\s+(?:aob|a\s+quick|the\s+rest|introductions)|wrap|skip|break|stop|end|close|adjourn"
    r"|call\s+it|go\s+(?:on|to)|move\s+to\s+(?:the\s+)?(?:next|aob|item|topic)"
    r"|start|begin|go\s+(?:through|over|around)|recap|review|not\b)"
    r"|the\s+plan\s+is\s+to\b|stick\s+(?:with|to)\b|should\s+(?:switch|move)\s+to\b"
    # "so the plan is the demo ends after level 2"
    r"|(?<=so\s)the\s+plan\s+is\s+(?:that\s+)?(?!to\b)(?=\w+\s+\w+\s+\w)"
    r"|will\s+(?:move|switch)\s+to\b|going\s+forward\b)"
    # a settled outcome stated as fact: "This will be a 2.7 release", "X will be the default"
    r"|^\W*(?:this|it|that)\s+will\s+be\s+(?:a|an|the)\s+(?!(?:good|great|nice|bit|lot|little"
    r"|problem|challenge|issue|question|way|case|first|start)\b)|\bwill\s+be\s+the\s+default\b",
    re.I)
# said of a question the meeting left unsettled: "no decision", "the matter remains open" (not
# a condition: "issue by 16 October if there is no agreement by then")
_LEFT_OPEN = (r"(?<!if\sthere\sis\s)no\s+(?:decision|agreement|consensus|resolution)\b"
              r"|(?:remains|left|still)\s+open\b")
# the one asked saying yes: "Stuart asked Fiona to upload the certificates, and she agreed"
_SHE_AGREED = r"\band\s+(?:she|he|they)\s+agreed"
# "Next decision review: Tue 5 Sept": when the group meets next
_NEXT_MEETING_LABEL = r"^\W*next\s+(?:[\w-]+\s+){0,2}(?:review|meeting|call|session|sync)\W*:"
# who moved and seconded what the meeting had just resolved, with the count: "Proposed: Mr K.
# Odell   Seconded: Mrs A. Birch   Carried unanimously.", "Proposed: Dr O." (not the motion's
# text: "Proposed: that the fee rises to £35")
_MOVER_RECORD = (r"^\W*(?:proposed|moved|proposer)(?:\s+by)?\s*:\s*"
                 r"(?:(?:mr|mrs|ms|miss|dr|prof|cllr)\.?\s+)?(?=[A-Z])(?:[A-Z]\.?\s*)?"
                 r"(?:[A-Z][\w'’-]+\s*){0,2}(?:(?:seconded|seconder|for|carried|votes?)\b|\W*$)")
_MOVED_BY = re.compile(_MOVER_RECORD, re.I)
_NOT_DECISION = re.compile(
    rf"^\W*previously\b|\breminded\b|\bstill\s+stands\b|{_MOVER_RECORD}"  # (a rule that stands)
    # "the cold room closes 10 April — the department's decision, not ours": another body's
    r"|\bdecision,?\s+not\s+(?:ours|mine)\b"
    # "I'm not hearing consensus": none
    r"|\b(?:not|n['’]t)\s+(?:hearing|seeing)\s+(?:a\s+)?(?:consensus|agreement)\b"
    # "email to members who have agreed to it": whose consent, not a decision
    r"|\bwho\s+(?:have|has|had)\s+(?:already\s+)?agreed\s+to\s+(?:it|this|that|them)\b"
    r"|\b(?=\w)(?:whether\b|need\s+(?:to\s+decide|a\s+decision)\b|to\s+be\s+decided\b|not\s+(?:yet\s+)?decided\b|undecided\b"
    r"|any\s+(?:firm\s+)?decisions\b|decide\s+(?:what|whether|how|when|if)\b"
    r"|(?:last|previous)\s+(?:time|week|call|meeting)\b|if\s+we\b"
    r"|(?:last|previous)\s+(?:month|year)\W+(?:\w+\s+){0,2}(?:agreed|decided)\b"
    # "The board approved the budget last month": decided before this meeting
    r"|\b(?:approved|agreed|decided|resolved|adopted)\b[^.;]{0,50}\b(?<!as\s)(?<!than\s)(?<!did\s)"
    r"(?:last|previous)\s+(?:week|month|year|meeting|time|call)\b"  # (not "the same as last year")
    # "It was agreed to leave this decision until June", "I agreed to hand over the books"
    r"|\b(?:leave|left|leaving)\s+(?:this|the|that|a|any|our)\s+decision\b|^\W*I\s+agreed\s+to\b"
    rf"|or\s+not\b|would\s+rather\b|prefers?\b|{_LEFT_OPEN}"
    r"|not\s+sure\s+(?:we|if|whether|that)\b"  # ("I'm not sure we actually agreed it")
    rf"|{_NEXT_MEETING_LABEL}"
    # "it was settled on IRC right after:", "We agreed on the following:": what leads to the
    # decisions below, not one
    r"|\b(?:settled|agreed|decided|resolved|concluded)\b[^:.;]{0,40}:\s*$"
    # a shared view, not a decision: "Everyone agreed that's a bus-factor problem", "Everyone
    # more or less agreed this is the weak spot", "They're a mess, everyone agrees."
    r"|\b(?:everyone|everybody|all\s+of\s+us|we\s+all)\s+(?:\w+\s+){0,3}?agree[sd]?\s+(?:that\s+)?"
    r"(?:this|that|they)(?:['’]s|['’]re|\s+(?:is|was|are|were))\b"  # (not "it is too late for")
    r"|(?<=,\s)(?:everyone|everybody)\s+agrees\W*$"
    # "Rohan asked for a straw poll: 5 in favour, 2 against": a show of views, not a vote
    r"|\bstraw\s*-?poll\b[^.;]*?\b\d+\s+(?:in\s+favou?r|for|yes)\b"
    # "Decision needed by 5 Sept for …": a decision still to take
    r"|decision\s+(?:is\s+|was\s+)?(?:postponed|deferred|delayed|pending|tabled|needed|required"
    r"|due)\b"
    # "Sol takes the decision to the General Circle" (another body takes it); "We agreed to meet
    # again on Monday" (the next call)
    r"|takes?\s+(?:the|this|that)\s+decision\s+to\b"
    r"|(?:agreed|decided)\s+to\s+(?:meet|reconvene|regroup|talk)\s+again\b"
    # "nothing for the council to decide", "we talked about it but we didn't agree"
    r"|nothing\s+(?:for\s+(?:\w+\s+){1,3})?to\s+decide\b"
    r"|(?:didn['’]t|did\s+not)\s+(?:want\s+to\s+)?(?:agree|decide)\b"
    r"|nothing(?:\s+was|\s+has\s+been|['’]s\s+been|\s+got)\s+(?:decided|agreed|settled)\b"
    r"|(?:was|were|is|has\s+been|resolution|motion|proposal)\s+not\s+(?:yet\s+)?(?:agreed|settled"
    r"|passed|carried|adopted)\b"
    # "Not agreed today.", "it can't be decided at ward level", "what the huddle agreed"
    r"|^\W*not\s+(?:yet\s+)?(?:agreed|decided|settled|approved)\b"
    r"|(?:can['’]?t|cannot|could\s*n['’]?o?t)\s+be\s+(?:decided|agreed|settled)\b"
    r"|\bwhat\s+(?:the\s+)?\w+\s+(?:just\s+|already\s+)?(?:agreed|decided|settled)\b(?!\s*:)"
    r"|nada\s+decidido\b|inget\s+beslut\b|belum\s+ada\s+keputusan\b"
    r"|(?:agenda|record|minutes)\b[^.;]{0,40}\bconsented\b|not\s+ready\s+for\s+consent\b"
    r"|proposed\s+resolution\b|\bagenda(?:\s+as\s+\w+)?\s+(?:was|is)\s+(?:\w+\s+)?approved\b"
    r"|(?:minutes|note\s+of\s+the\s+(?:last\s+|previous\s+)?meeting)\b[^.;]{0,60}\b(?:approved"
    r"|accepted|adopted|agreed|confirmed)\b|as\s+(?:previously\s+|already\s+)?agreed\b"
    r"|(?:isn['’]t|is\s+not|not)\s+(?:a|an|our)\s+(?:[\w:-]+\s+)?decision\b"
    r"|(?!(?:we|everyone|everybody|all|they|group|team|room)\b)\w+\s+agreed\s+with\b"
    r"|(?:approved|accepted|adopted)\b[^.;]{0,30}?\bminutes\b"
    r"|\bas\s+an?\s+(?:true|correct|accurate|fair)\s+record\b"  # "Agreed as a true record."
    # "We'll decide next time", "declared an interest", "the trustees agreed in September to …"
    # (an earlier meeting), "agreed it would be nice" (a view), "resolution proposed by …",
    # "If no maintainer objects during FCP, it is accepted" (how decisions are made)
    r"|(?<!so\s)we(?:['’]ll|\s+will|\s+can)\s+decide\b|decide\s+(?:next\s+time|later)\b"
    r"|\bdeclared\s+(?:an?\s+|that\b|(?:his|her|their)\s+interest)"
    r"|(?:agreed|decided|resolved)\s+(?:in|at)\s+(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b"
    r"|agreed\s+(?:that\s+)?(?:it|this|that)\s+would\s+be\b|resolution\s+proposed\b"
    r"|^\W*(?:if|unless)\s+(?:no|any|nobody|someone|anyone)\b"
    # "once the draft is agreed", "once the decision is known": a condition
    r"|\b(?:once|until|when)\s+(?:the\s+|a\s+|that\s+|this\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:is|are|has\s+been)\s+(?:agreed|decided|known|approved|settled)\b"
    # one person's yes: "Stuart asked Fiona to upload the certificates, and she agreed", "(budget
    # £40, agreed by Treasurer)"
    rf"|{_SHE_AGREED}\W*$|agreed\s+by\s+(?:the\s+)?(?:treasurer|chair"
    r"|chairman|chairwoman|chairperson|secretary|clerk|director|manager|head|ceo|cfo|cto)\b)", re.I)
# what a "Decisions" section says was left unsettled: "RFC-044 deferred (no decision)."
_UNSETTLED = re.compile(rf"\b(?:{_LEFT_OPEN}|(?:not\s+(?:yet\s+)?(?:decided|agreed|settled)"
                        r"|undecided|deferred|postponed|tabled|parked|waiting\s+(?:for|on))\b)"
                        r"|⏳", re.I)
# a marker's outcome that settled nothing: "**Outcome**: not ready; back to the author."
_NOT_READY = re.compile(
    r"\W*(?:not\s+(?:yet\s+)?(?:ready|decided|agreed|settled)|no\s+(?:decision|consensus"
    r"|outcome|result|agreement|conclusion)|undecided|deferred|postponed|tabled|parked|back\s+to\s+the\s+"
    r"(?:author|drawing\s+board)|needs?\s+more\s+(?:work|discussion|info|information)|revisit"
    r"|needs?\s+a\s+(?:design\s+)?(?:meeting|discussion)|declined|rejected|turned\s+down"
    r"|(?:to\s+be\s+)?continued?\s+(?:on|in)\s+the)\b", re.I)
# said right after what looked like a decision, that it was none: "No result.", "Not decided."
_NO_OUTCOME = re.compile(r"\W*(?:no\s+(?:result|decision|consensus|agreement|outcome)"
                         r"|not\s+(?:yet\s+)?(?:decided|agreed|settled|closed))\b[^.!?]*[.!]?$")
# hedges veto a plan ("Perhaps we should …") but not the room's agreement ("Could take the
# existing type, which everyone thinks is best")
_HEDGE = re.compile(r"^\W*(?:perhaps|maybe|possibly|might|could|would|what\s+if)\b", re.I)
_CONSENSUS = re.compile(r"\beveryone\b|\bconsensus\b|\bgeneral\s+agreement\b|\bunanimous", re.I)
# a plan ("we will", "we should") is the group's only as a main clause: at the start of the
# sentence, after a short opening phrase ("In any case, we should"), a heading-like label
# ("Change of call day: …") or "so"; not inside "Anil noted that we should …", "perhaps we
# should", "whether we should", "the procedure we should follow"
_PLAN_PREFIX = re.compile(
    r"^[\s→⇒>=*-]*(?:[^,:;]{0,40}[,:]\s*(?:and\s+|then\s+)?)?(?:(?:ok(?:ay)?|right|alright)\s+)?"
    r"(?:(?:and\s+)?(?:so|therefore|thus|hence)\s+)?$"
    r"|(?:[,;]|\bso|\btherefore|\bthus|\bhence|\bbut\s+first|\band\s+then)\s*$", re.I)
# (not an answer's "Yes: we'll tag rc1 on 2 September")
_SPEAKER_PREFIX = re.compile(rf"^\W*(?!(?:Yes|Yeah|Yep|OK|Okay|Right|So|Outcome|Result|Answer)\W)"
                             rf"[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)?\s*:\s*$")
_DISCUSSION = re.compile(r"^\W*(?:there\s+was\s+(?:some\s+|a\s+)?discussion|this\s+"
                         r"discussion|discussion\s+(?:of|about|on|around))\b", re.I)
_CONFIRMATION = re.compile(r"^\W*(?:(?:there\s+(?:were|was)\s+)?no\s+(?:\w+\s+)?objections?"
                           r"|(?:all|everyone)\s+agreed|(?:nobody|no\s+one)\s+objected"
                           r"|agreed\b|unanimous)", re.I)
# "Agreed to move the call to 14:00" states its own decision; "Agreed." confirms the last one
_AGREED_TO = re.compile(r"^\W*(?:(?:all|everyone)\s+)?agreed\s+(?:to|that|on)\s", re.I)
# "we decided to drop 3.9 support", "everyone agreed that …": the cue, then what was decided
_DECIDED_WHAT = re.compile(r"(?:[\w'’]+\s+){0,3}?(?:(?:decided|agreed|resolved|concluded|voted)"
                           r"\s+(?:to|that|on|against)\s+\S+\s+\S+"
                           r"|(?:settled|opted)\s+(?:on|for)\s+\w)", re.I)  # ("settled on CC0")
# a motion and, in a later sentence, its result: "Motion by Councillor Li, seconded by
# Councillor Ruiz, to award the contract to X. Carried 6-0." → "award the contract to X
# (carried 6-0)"; "… the motion failed 2-4" is decided too (not to do it)
_MOTION = re.compile(
    r"\b(?:motion|moved)\b(?:\s+by\s+[^,.;]{2,60}?)?(?:,?\s*(?:and\s+)?seconded\s+by\s+"
    r"[^,.;]{2,60}?)?,?\s+(?:to|that)\s+(?P<proposal>\S.*)"
    # a standards body's "Motion: Request Working Group 4 to approve …"
    r"|\b(?:motion|proposed\s+resolution\b[^:]{0,60})(?:\s*\([^()]{1,60}\))?\s*:\s*"
    r"(?P<proposal2>\S.*)"
    # a motion recorded as fields, "Motion 7-A | Moved | @grete | … | Text | Raise the fee …"
    r"|\b(?:motion|moved)\b[^.]{0,80}?\b(?:text|wording)\W{1,4}(?P<proposal3>\w.*)", re.I | re.S)
# a ticked item that opens by saying it was settled ("✔ Decided: Mum doesn't drive until …",
# "✔ We're going with the agency carer"): the tick marks a decision, not a task done
_SETTLED_LEAD = re.compile(
    r"\W*(?:decided|agreed|decision|consensus|resolved)\b|\W*we(?:['’]re|\s+are)\s+going\s+with\b",
    re.I)
# a motion's result given as a field after its text: "… | Result | Failed 1–3"
_RESULT_FIELD = re.compile(r"[\s|]+(?:result|outcome|vote)\s*[|:]\W*", re.I)
# how a vote went after its verdict: "unanimously", "5-1", "(6:0)"
_TALLY = r"\(?\d+\s*[-–:]\s*\d+\)?"
_VOTE_RESULT = re.compile(  # (not "the special resolution was not passed")
    r"(?<!not\s)\b(?:carried|passed|passes|failed|fails|fell|defeated|lost"
    r"|(?:resolved|agreed)\s+accordingly)\b"
    rf"(?:\s+unanimously|\s+{_TALLY})?"
    rf"|\b(?:approved|adopted)\s+(?:unanimously|{_TALLY}"
    r"|by\s+(?:unanimous\s+consent|acclamation|consensus))", re.I)
# what may stand before a bare verdict on the proposal before it: "Carried 6-0.", "It passed."
# (not "Both students passed.")
_VERDICT_LEAD = re.compile(r"\W*(?:(?:and|so|which|it|this|that)\W+)*(?:was\s+|has\s+)?$", re.I)
# what a verb is done to, which a vote's verdict has not: "passed his final evaluation"
_VERB_OBJECT = re.compile(r"\s+(?:his|her|their|its|our|my|your|the|a|an)\b", re.I)
# a vote's counts alone ("Vote: 5 in favour, 0 against, 1 abstention (Hamid …)."): what it
# was on is said elsewhere, or the motion logic gives it
_BARE_TALLY = re.compile(r"\W*\d+\s+(?:in\s+favou?r|for|yes|ayes?)\W+\d+\s+(?:opposed|against|no"
                         r"|nays?)(?:\W+\d+\s+(?:abstentions?|abstained|abstain))?\W*"
                         r"(?:\([^()]*\))?\W*", re.I)
# a vote's count with no verdict: "6 in favor, 0 opposed", "5 for, 1 against"
_FOR_AGAINST = re.compile(r"\b(?P<yes>\d+)\s+(?:in\s+favou?r|for|yes|ayes?)\b[^.;]{0,20}?\b"
                          r"(?P<no>\d+)\s+(?:opposed|against|no|nays?)\b", re.I)
# a vote that settled nothing: "3 for, 3 against.", "2 for, 4 against. The motion fell.", "…:
# the motion fails and the date stays"
_VOTE_LOST = re.compile(r"\b(?:motion|vote|proposal|amendment)\s+(?:fails|failed|fell|(?:was|is)\s+"
                        r"(?:lost|defeated|not\s+carried))\b|\bnot\s+carried\b", re.I)


def _lost_vote(text: str) -> bool:
    """Whether `text` reports a vote that was lost or tied, which decides nothing."""
    if _VOTE_LOST.search(text):
        return True
    tally = _FOR_AGAINST.search(text)
    return tally is not None and int(tally["yes"]) <= int(tally["no"])


_TO_LEAD = re.compile(r"^to\s+(?=[a-z])", re.I)  # "MOTION: To adopt the budget"
# a verdict that names nothing, whose subject is the sentence before: "RESOLVED: no objection."
_BARE_VERDICT = re.compile(r"\W*(?:no\s+objections?|objection|support(?:ed)?|approved?|refused"
                           r"|agreed|accepted|rejected|noted|yes|no)\W*$", re.I)
# the meeting's own business, not a decision readers need: agenda, minutes, adjourning
_PROCEDURAL = re.compile(  # (and "DECISION 7.2: The minutes of meeting 6 were approved …")
    r"^(?:approve|adopt|accept)\s+(?:the\s+)?(?:\w+\s+)?(?:agenda|minutes)\b|^adjourn|^recess"
    r"|^\W*(?:that\s+)?(?:the\s+)?(?:minutes|agenda|(?:(?!release)\w+\s+)?notes)\b[^.;]{0,60}?\b(?:were|was"
    r"|are|is|be)\s+"
    r"(?:\w+\s+)?"
    r"(?:approved|accepted|adopted|agreed|confirmed)\b"
    r"|^(?:go|move)\s+into\s+(?:closed|executive)|^receive\s+and\s+file|^suspend\s+the\s+rules",
    re.I)
# a reply that only agrees ("Rosa Delgado: Agreed, in the docs too.", "MARCUS: Yes, agreed."):
# the decision is what it agrees with, said before it
_ASSENT = re.compile(r"^(?:[^:\n]{1,40}:\s+)?(?:(?:yes|yeah|yep|ok(?:ay)?|sure|fine)\W+)?agreed"
                     r"\s*(?:[,.!]|$)(?:\s+\S+){0,7}\s*$", re.I)
# the word in a paragraph's last clause that makes it introduce a list of what was settled:
# "We agreed on the following:", "**Consensus on the call** (to be confirmed on dev@):"
_DECISION_LEAD = re.compile(r"(?<!\bno\s)(?<!\bnot\s)\b(?:consensus|agreed|decided|decisions"
                            r"|resolved)\b", re.I)
# an item of an agenda that records the meeting's outcome, not a topic: "AI: …", "Decision: …"
_AGENDA_NOTE = re.compile(r"^\W{0,3}(?:AI|ACTION|Action|DECISION|Decision|Decided|Agreed|AGREED"
                          r"|Consensus|Outcome|Resolution|RESOLUTION)\b\W{0,3}[:—–-]")
# a sentence spelling out the decision before it
_ELABORATION = re.compile(
    r"^\W*(?:(?:practically|concretely)\s+speaking,?\s+|in\s+practice,?\s+)?(?:this|that)\s+"
    r"means\b|^\W*(?:i\.e\.|in\s+other\s+words|specifically|concretely|actually,)"
    r"|^\W*so\s+it['’]s\s+(?:the\s+)?\w", re.I)  # "Vote: A 5, B 1. So it's the Janousek, …"

# -- actions ---------------------------------------------------------------------------------

# a capitalised word, possibly with inner ' . - ("O'Neil", "Dave.Scott"); possessive runs, so
# a failed match does not retry every shorter prefix of every capitalised word (the same
# names match: a name can only be followed by a verb at a run's end or before an apostrophe);
# in capitals even inside a pattern read case-blind ("with Benji on the handoff" names Benji)
_NAME = rf"(?-i:[{UPPER}]\w*+(?:['’.-]++\w++)*)"
# one or more names, each of up to three words ("Ana Beatriz Costa", an office: "the Head of
# Sales"), joined by "," "/" "&" "+" "and"
_NAMES = (rf"{_NAME}(?:\s+(?-i:of\s+)?{_NAME}){{0,2}}"
          rf"(?:\s*(?:,|/|&|\+|\band\b)\s*(?:the\s+)?{_NAME}(?:\s+(?-i:of\s+)?{_NAME}){{0,2}})*")
_ACTION_MARKER = re.compile(
    r"^\W{0,3}(?:\[(?:NEW|PENDING|CONTINUING|CONTINUED|IN\s+PROGRESS)\]\s*)?"
    r"(?:#action\b|\[(?:ACTION|TODO|AI)\]\s*[:.–—-]?|ACTION(?=\s+[A-Z][a-z])"
    r"|(?:ACTION|Action|AI|AP|TODO|To-?[Dd]o|Aufgabe)(?:\s+(?:ITEM|[Ii]tem|POINT|[Pp]oint))?"
    r"(?:[\s-]*#?[\w.-]*\d[\w.-]*)?(?:\s*\((?P<mwho>[^()]{1,40})\))?(?:\s*(?:--|[:.)–—])|\s+-)"
    r"|(?P<label>(?:Next\s+steps?|Follow[- ]?ups?|Actions|AIs|Action\s+(?:items|points))\s*:))"
    r"\s*(?P<text>.+)$", re.S)
# a past participle: after "she'd" it says what had been done ("she'd asked", "he'd talked to")
_PARTICIPLE = (r"(?:[a-z]+ed|been|done|gone|had|seen|got|taken|given|written|spoken|sent"
               r"|made|told|said|heard|found|left|met|known|thought|brought|bought)")
# "X can take a look", "I can write the notes": the verbs that make "can" an offer
_CAN_VERBS = (r"take|look|pick|write|help|share|sync|cut|dig|follow|send|prepare|review"
              r"|investigate|check|do\s+more|ask|add|draft|fix|start\s+on"
              r"|do\s+(?:the|a|an)\s+(?!call\b|meeting\b|time\b|slot\b)")
# a feeling or an absence, not a task: "Aziz said he'd miss them", "I'll miss the next call"
_NOT_A_TASK_VERB = (r"(?!(?:miss|love|prefer|hate|enjoy|rather"
                    r"|be\s+(?:sad|sorry))\b)")  # (but "she'd be happy to", "he'd like to": offers)
_VERB = (r"(?:\s*['’]ll\s+|\s+will\s+(?:also\s+|then\s+|now\s+|try\s+(?:and|to)\s+"
         r"|need\s+to\s+|have\s+to\s+)?"
         r"|\s+(?:is|are)\s+(?:also\s+)?going\s+to\s+|['’]s\s+going\s+to\s+"
         r"|\s+(?:is\s+|are\s+)?(?:plans?|planning|intends?|agreed|offered|volunteered|promised"
         r"|needs?|has|have)\s+to\s+|\s+should\s+(?:also\s+)?"
         # "JonL has agreed to add vchan support", "Rosa has agreed by email to draft …"
         r"|\s+ha(?:s|ve)\s+(?:agreed|promised)(?:\s+by\s+(?:email|phone))?"
         r"\s+to\s+(?!(?:this|that|it)\b)"  # (not "has agreed to this and will add …")
         rf"|\s+can\s+(?=(?:{_CAN_VERBS})\b)"
         r"|['’]s\s+(?:next\s+)?plan\s+is\s+to\s+"
         # "Cllr Hughes said that she and Cllr Doyle would walk …": the two of them
         rf"|\s+said\s+(?:that\s+)?(?:he|she|they)(?:\s+and\s+(?P<partner>{_NAME}(?:\s+{_NAME})?))?"
         rf"(?:['’]d(?!\s+{_PARTICIPLE}\b)|\s+would)\s+"
         rf"{_NOT_A_TASK_VERB}"
         r"|\s+(?:decided|offered)\s+to\s+|\s+took\s+(?:the\s+|an\s+)?action\s+to\s+"
         r"|\s+is\s+to\s+"
         r"|,?\s+who\s+(?:will|has\s+to|needs\s+to|is\s+going\s+to)\s+)")
# "Felix and the crew will rebuild the tower": Felix's task, the crew helping
_OWNER_ACTION = re.compile(rf"(?P<who>{_NAMES})(?:\s+and\s+(?:the\s+)?(?:crew|team|others"
                           rf"|volunteers|helpers))?(?P<verb>{_VERB})(?P<task>[a-z].*)")
# "@zhou.min and @sipho to gather the logs"; not "an idea from @sipho to move it"
_HANDLE_ACTION = re.compile(
    rf"(?:^|(?<=[\s(]))(?<!\bfrom\s)@(?P<who>{HANDLE}(?:\s*(?:,|&|\band\b)\s*@{HANDLE})*)"
    rf"(?:{_VERB}|\s+to\s+)(?P<task>[a-z].*)")
# another handle's task after a task: "…, and @jhaldane will port the OBJ importer"
_NEXT_HANDLE = re.compile(rf"[,;]?\s+(?:and|but|while)\s+(?=@{HANDLE}\s+(?:will|to|is\s+going\s+to"
                          r"|can|should|volunteered|offered|agreed)\b|@[\w.-]+['’]ll\b)")
# "<Name> to <task>" at the start of a sentence or clause: two patterns, as a leading "^|"
# alternative would keep the engine from skipping to the [;:.] that must start the clause
# "-> Imogen to …", "14.2.3  HB to put up the signage"
_OWNER_TO_BODY = (rf"\W{{0,3}}(?:\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\.?\s+)?(?P<who>{_NAMES})\s+to\s+"
                  r"(?P<task>[a-z].*)")
_OWNER_TO_FIRST = re.compile(_OWNER_TO_BODY)
_OWNER_TO = re.compile(rf"[;:.]\s+{_OWNER_TO_BODY}")
# a Decisions list's item that settles nothing: an open invitation ("If anyone wants to join as
# a co-champion, contact PHA"), a task nobody took ("The harness needs a maintainer; nobody
# volunteered")
_NOT_RESOLVED_ITEM = re.compile(
    r"^\W*(?:if|unless)\s+(?:any(?:one|body)|some(?:one|body))\b"
    r"|\b(?:needs?|requires?)\s+(?:an?\s+)?(?:new\s+)?(?:maintainer|owner|volunteer|champion)s?\b"
    r"|\b(?:nobody|no\s+one)\s+volunteered\b", re.I)
_OWNER_LEAD = re.compile(rf"^(?P<who>{_NAMES})\s+(?:will|shall|to)\s+(?!be\b)[a-z]")
_PRONOUN_ACTION = re.compile(
    r"\b(?P<pro>[Hh]e|[Ss]he|I|(?<=[Ll]et\s)me|(?<![(\w.])i(?=['’]ll\s|\s+will\s))\s*(?:['’]ll|\s+will|['’]s\s+going\s+to"
    r"|\s+is\s+going\s+to|['’]d|\s+would|['’]m\s+going\s+to|\s+am\s+going\s+to"
    # "Let me check what the landlord allows and get back to you": a promise to come back
    r"|(?<=me)(?=\s+[a-z][^.?!]{0,100}?\band\s+(?:get|come)\s+back\b)"
    rf"|\s+can(?=\s+(?:{_CAN_VERBS})\b)|\s+(?:agreed|offered|volunteered|promised)\s+to)"
    rf"\s+(?:also\s+)?{_NOT_A_TASK_VERB}(?P<task>[a-z].*)")
_FIRST_PERSON = ("I", "me", "i")  # ("dunk: i'll look at that": typed in a chat)
# "she'd asked", "he'd talked to": what had been done, not what will be
_HAD_DONE = re.compile(rf"['’]d\s+{_PARTICIPLE}\b")
# "I'd …", "I would …": a wish or an opinion, not a promise ("I agreed to …" is one)
_CONDITIONAL = re.compile(r"\s*(?:['’]d|would)\b")
_ELIDED_ACTION = re.compile(
    r"(?:^\W{0,2}(?:Also\s+|And\s+|Then\s+)?|\s(?:and|then|ready|[.;,])\s+(?:also\s+)?)"
    r"(?:[Ww]ill(?:\s+(?:need|have)\s+to)?|[Ii]s\s+going\s+to|[Gg]oing\s+to|[Pp]lans?\s+to"
    r"|[Pp]lanning\s+to|(?<=\s)[Cc]an(?=\s+(?:take|look|pick|write|help|share|prepare|review"
    r"|investigate|follow|dig)\b)"
    # (not "Need to decide whether we add a second contact": a question left open)
    r"|(?<![\w\s])\s*(?:[Jj]ust\s+|[Ss]till\s+)?(?:[Nn]eeds?\s+to(?!\s+decide\b)|[Ss]hould))\s+"
    r"(?:also\s+)?(?P<task>[a-z].*)")
# the sentence names its own subject, and it is not a person: "This … and will detect overflow"
_THING_SUBJECT = re.compile(r"^\W*(?:this|that|these|those|it|there|which|what|the|a|an)\b",
                            re.I)
_PAREN_OWNER = re.compile(
    rf"\((?P<who>{_NAMES})\s+(?:will|to|can|is\s+going\s+to)\s+(?P<task>[^)]*)\)")
_SOMEONE = r"(?:some(?:one|body)|anyone|anybody)"
# "Mayor Okwuosa asked the Town Manager to obtain quotes", "Public Works was directed to
# complete the installation": the one asked is the owner
_ASKED_TO = re.compile(
    r"\b(?:asked|requested|directed|instructed|tasked|charged)\s+"
    r"(?!(?:for|about|whether|if|how|what|why|when|that)\b)(?P<whom>(?:the\s+)?[^,.;:()]{2,40}?)"
    r"(?<!\bnot)\s+to\s+(?P<task>[a-z].*)"  # (not "asked residents not to leave tools …")
    r"|^\W*(?P<whom2>(?:the\s+)?[^,.;:()]{2,40}?)\s+(?:was|were|has\s+been|have\s+been|is|are)\s+"
    r"(?:asked|requested|directed|instructed|tasked|charged)\s+(?:with\s+|to\s+)(?P<task2>[a-z].*)")
# "Assigned to Fatima: the switcher styling", "The switcher styling is assigned to Fatima.",
# "Fatima → the switcher styling"
_ASSIGNED = re.compile(
    # "assigned: @**Kwame Asante** @**Sigrun Eriksdottir** — renew the domain" (Zulip mentions)
    rf"(?:^\W*|(?<=[.;]\s))(?:[Aa]ssigned(?:\s+to)?|[Aa]ssignee|[Oo]wner|DRI)\s*:?\s+@?"
    rf"(?P<who>{_NAMES}"
    rf"(?:\s+@{_NAMES})*)\s*[:,–—-]\s*(?P<task>\S.*)"
    rf"|^\W{{0,3}}@?(?P<who3>{_NAMES})\s*(?:→|⇒|->)\s*(?P<task3>[a-z].*)"
    # "-> Marek: new keyring in stable before the 15th": the arrow leads to who does it
    rf"|^\W{{0,3}}(?:→|⇒|->)\s*@?(?P<who4>{_NAMES}):\s+(?P<task4>\S.*)"
    rf"|^\W*(?P<task2>\S.*?)\s+(?:is|was|has\s+been|got)\s+(?:re)?assigned\s+to\s+@?"
    rf"(?P<who2>{_NAMES})\W*$")
_UNOWNED = re.compile(
    # ("someone with DNS access needs to …", "somebody from the infra team should …")
    rf"\b{_SOMEONE}\s+(?:(?:with|from|on|in)\s+(?:the\s+)?[\w@.-]+(?:\s+[\w@.-]+)?\s+(?:access\s+)?)?"
    r"(?:else\s+)?(?:also\s+)?(?:needs?\s+to|should"
    r"|could|would\s+be\s+able\s+to|would|must|has\s+to|will\s+need\s+to)\s+(?:also\s+)?"
    r"(?P<task>[a-z].*)"
    # a task for the whole group: "we all need to be looking over the install instructions"
    # ("everyone should keep an eye out" is standing advice, not a task)
    r"|\b(?:we\s+all|everyone|everybody|all\s+of\s+us)\s+(?:needs?\s+to|must|has\s+to)\s+"
    r"(?P<task3>(?!be\s+(?:aware|careful|happy|fine|ok|able)\b|feel\b|know\b)[a-z].*)"
    r"|\bneeds?\s+(?:someone|somebody|a\s+volunteer)\s+to\s+(?P<task2>.*)", re.I)
# the task's own "it" at its end: "bisect it", "look into them"
_IT_OBJECT = re.compile(r"\b(?:it|them)\W*$")
_INVITATION = re.compile(r"\bif\s+(?:anyone|anybody|someone|you)\s+(?!could\b|would\b)", re.I)
# a wish for a task nobody has taken: "It would be great if people could review each other's
# posts", "Adding a README would be helpful", "The next step is to …", "Plan should be to …"
# (not "it would be good to …" alone: notes use it for opinions as often as for tasks)
_WISH = re.compile(
    r"\b(?:it\s+)?(?:would|will|might)\s+be\s+(?:really\s+|very\s+)?(?:great|good|nice|helpful"
    r"|useful)\s+if\s+(?:some(?:one|body)|people|folks|everyone|we|you)\s+(?:(?:could|would|can"
    r"|all)\s+)?(?:also\s+)?(?P<task>[a-z].*)"
    r"|(?:^\W*|\bthat\s+)(?P<task2>(?!having|being|looking|getting|regarding|including|following|according"
    r"|considering|concerning|during|bring)[a-z]\w+ing\s.{6,}?)\s+(?:would|will|might)\s+be\s+(?:really\s+|very\s+)?"
    r"(?:great|good|nice|helpful|useful|worthwhile)\b"
    r"|\b(?:the\s+)?(?:next\s+steps?\s+(?:is|are|will\s+be)|plan\s+should\s+be)\s+to\s+"
    r"(?P<task3>[a-z].*)", re.I)
# a request addressed to someone: "Whoever releases next, please take notes", "Dave, please
# send the slides" (not the standing "Please add agenda items …" every note repeats)
_PLEASE = re.compile(
    rf"^\W{{0,2}}(?:(?P<whoever>whoever\s[^,;:]{{3,60}}|everyone|everybody|all|folks)"
    rf"|(?P<who>{_NAMES}))\s*[,:]?\s*please\s+"
    r"(?P<task>[a-z].*)", re.I)
# "It was proposed that we continue …", "Amir proposed putting together a wiki page", "…
# suggested that Hannes submit a page": a proposal the room took up
_PROPOSAL = re.compile(
    rf"\b(?:(?P<who>{_NAMES})\s+)?(?:proposed|suggested|recommended)\s+(?:that\s+)?"
    rf"(?:(?P<whom>we|{_NAMES})\s+)?(?:should\s+)?(?P<task>[a-z].*)")
# "…; Ana disagreed", "… but it was parked": the room did not take the proposal up
_DISSENT = re.compile(r"\b(?:disagreed|objected|opposed|rejected|declined|parked|deferred|vetoed"
                      r"|pushed\s+back|no\s+consensus|not\s+agreed|against\s+it)\b", re.I)
_PASSIVE_TODO = re.compile(
    r"\b(?:should|needs?\s+to|must|has\s+to|have\s+to)\s+(?:also\s+)?(?:still\s+)?be\s+"
    r"(?:checked|reviewed|updated|written|tested|fixed|merged|released|documented|added"
    r"|expanded|discussed|investigated|looked\s+at|followed\s+up|sorted|cleaned|filed)\b", re.I)
_AGENDA_TODO = re.compile(
    r"\b(?:add|put)\s+(?:this|it|that)\s+(?:on|to)\s+the\s+agenda|\bon\s+the\s+agenda\s+for\s+"
    r"(?:the\s+)?next|\bbring\s+(?:this|it)\s+up\s+(?:on|at|in)\s+the\s+next|\badd\s+to\s+agenda"
    r"|\b(?:discuss|check\s+on)\s+(?:this|it)\s+(?:at|on|in)\s+the\s+next\s+(?:call|meeting)"
    r"|\bmake\s+this\s+an\s+agenda\s+item|\bagenda\s+for\s+next\s+time", re.I)
_WE_TODO = re.compile(
    r"(?:^\W{0,2}|\bwe\s+)(?:should|need\s+to|must)\s+(?:also\s+)?(?:ask|invite|email|contact"
    r"|follow\s+up|send|remind|ping|check\s+(?:with|on|if|whether)|let\s+\w+\s+know)\b", re.I)
# a sentence that is an instruction: "Invite Daniel Bunzli to advise.", "Email the list about …"
_IMPERATIVE = re.compile(
    r"^\W{0,2}(?P<task>(?:invite|email|ask|send|ping|remind|submit"
    r"|follow\s+up\s+with|set\s+up|write\s+up|organi[sz]e)\s+(?!(?:on|of|from|for|about|is|was"
    r"|are|were|to|and|or)\b)[\w@].*)$", re.I)
_THIS_TASK = re.compile(r"^(?:do|handle|take|look\s+at|pick\s+up)\s+(?:this|that|it)\b", re.I)
_BAD_TASK = re.compile(
    r"^(?:be\b(?!\s+(?:working|looking|sending|writing|doing|making|preparing|organi[sz]ing"
    r"|reviewing|investigating|taking|bringing|posting|updating|setting|inviting|giving))"
    r"|hopefully\b|have\b(?!\s+a\s+(?:look|go|chat|think|word|crack|try|closer|proper)"
    # "have the deck crew … ready by 0500": seeing to it is a task
    r"|\s+(?:the|everything|someone|somebody)\s+[^.;]*\b(?:ready|done|rigged|set\s+up|in\s+place"
    r"|prepared|fixed|sorted)\b)|not\b"
    r"|never\b|no\s+longer\b|likely\b|probably\b|still\b|need\b|also\s+be\b|get\s+a\s+chance"
    r"|know\b|see\b|find\s+it\b|like\b|want\b|prefer\b|rather\b|love\b|hate\b|able\b"
    r"|(?:strongly|really|much)\s+(?:prefer|like|want)\b"  # ("she would strongly prefer …")
    r"|take\s+(?:a\s+while|some\s+time|time|long"
    r"|ages|(?:a\s+few\s+|several\s+|many\s+|\d+\s+)?(?:minutes|hours|days|weeks|months|years))\b"
    r"|happen\b|work\b(?!\s+(?:on|with|through|out)\b)|help\s+but\b"
    r"|do(?:\W+(?:today|tonight|tomorrow|now|asap|soon))?\W*$"  # ("Will do.", "Will do, today.")
    r"|(?:our|my|your|their|its|his|her)\b"  # "Back to our usual slot": not a task
    r"|stop\W*$"  # ("ok fair. let's think about it after 0.8, I'll stop")
    r"|think\s+(?:about\s+(?:it|this|that)|it\s+over)\b(?!\s+\w)"  # (a non-promise)
    # what is done on the call itself: "I'll share my screen", "paste the link in the chat",
    # "I'll leave it open", "I'll leave it unassigned then", "I'll add that at the end"
    r"|share\s+(?:my|the|his|her)\s+screen\b"
    r"|(?:paste|drop|put|post)\s+(?:the\s+|a\s+)?links?\s+(?:in|into)\s+(?:the\s+)?chat\b"
    r"|leave\s+(?:it|that|this)\s+(?:open|unassigned|unowned)\b|add\s+(?:that|it|this)\s+(?:at|to)\s+the\s+end\b"
    # and who comes and who keeps the record: "he'll join late", "she'll read later", "I'll
    # take notes", "I'll save the chat as the notes as usual"
    r"|join\s+(?:us\s+)?(?:a\s+bit\s+|a\s+little\s+)?late(?:r)?\b|read\s+(?:it\s+|this\s+)?later\b"
    r"|(?:take|keep)\s+(?:the\s+)?(?:notes|minutes)\b|save\s+the\s+chat\b"
    # and what is no task: "ok, I'll survive", "I'll keep at it", "I'll stop the recording",
    # "I'll just say 'summer'"
    r"|survive\b|keep\s+at\s+it\b|stop\s+(?:the\s+)?recording\b|just\s+say\b)",
    re.I)
_TRAILING_WORDS = (" and", " but", " so", " then", ", right")  # ("…, right?": a tag question)
_WHEN_THEN = re.compile(r"\b(?:before|until|till|by|from)\s+then$")  # a time, not a filler
_AGREED_TAIL = re.compile(rf",?\s+{_SHE_AGREED}$")
_ACTION_TAG_TAIL = re.compile(r"\s*\((?:ACTION|Action|action)\b[^()]*\)$")
# transcript clock times: "14:02", "[00:08:10] " before a speaker, "(00:01:02)" after one
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
_TIMESTAMP = rf"(?:\s*\[?{_CLOCK}\]?\s+)?"
_TIMESTAMP_LEAD = re.compile(rf"^\s*\[?{_CLOCK}\]?\s+")
# after a speaker's name: when they spoke, or what a call shows there ("Paddy N (iPhone): …")
_AFTER_SPEAKER = (rf"(?:\s*\((?:{_CLOCK}|iPhone|iPad|Android|phone|mobile|tablet|guest"
                r"|(?:she|he|they)/(?:her|him|them))\))?")
_SPEAKER_NAME = rf"{_NAME}(?:\s+(?:(?:{NAME_PARTICLE.pattern})\s+)?{_NAME}){{0,2}}"
_SPEAKER = re.compile(  # "Anil: …", "[00:08:10] Bob Chen: …", "Bob Chen (00:01:02): …"
    rf"^{_TIMESTAMP}\W{{0,2}}(?P<who>{_SPEAKER_NAME})\W{{0,2}}{_AFTER_SPEAKER}:\s+")
# a speaker's own line above what they said: Otter's "Bob Chen  0:15", Teams' "[10:03 AM] Bob
# Chen"; a timestamp on either side tells it from a short line of prose
_SPEAKER_HEADER = re.compile(
    rf"^(?:\[{_CLOCK}(?:\s*[AaPp]\.?[Mm]\.?)?\]\s+(?P<who>{_NAME}(?:\s+{_NAME}){{0,2}})"
    # "yuki-n (she/her)  29:52": a handle, and the pronouns the call shows after a name;
    # "[Nadia Haddad] 19:01:52": Zoom's saved transcript
    rf"|(?P<bracket>\[)?(?P<who2>{_NAME}(?:\s+{_NAME}){{0,2}}|[a-z][\w.-]{{1,30}}"
    r"|Speaker\s+\d{1,2})(?(bracket)\])"  # (Otter's "Speaker 5": a voice it could not name)
    rf"(?:[ \t]+\([a-z]+/[a-z]+\))?\s+\(?{_CLOCK}\)?"
    # Microsoft Teams: "Whitaker, Joanna   11:03", "Otieno, Sam (Ridgeline Digital)   2:22"
    rf"|(?P<last>{_NAME}),[ \t]+(?P<first>{_NAME}(?:[ \t]+{_NAME})?)(?:[ \t]+\([^()\n]{{1,40}}\))?"
    rf"[ \t]+{_CLOCK})[ \t]*\n")


def _header_name(header: re.Match[str]) -> str:
    """Who a _SPEAKER_HEADER names, first name first ("Whitaker, Joanna" → "Joanna Whitaker")."""
    if header["last"]:
        return f"{header['first']} {header['last']}"
    return header["who"] or header["who2"]


# a subtitle file's cue number and timing lines ("12", "00:00:05.000 --> 00:00:09.000")
_VOICE_TAG = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+([^<>\n]{1,80}?)[ \t]*>")
_CUE_LINES = re.compile(r"(?m)^(?:\d+|\d{1,2}:\d{2}:\d{2}[.,]\d{3}\s+-->\s+\S+.*|WEBVTT.*)$\n?")
_SPEAKER_AFTER_LEAD = re.compile(  # "ARM Integration - Thomas L: Held up by …"
    rf"^[^:\n]{{1,60}}?\s[-–—]\s+(?P<who>{_NAME}(?:\s+{_NAME})?)\s*:\s+")
# an IRC log line, "<jmarsh> we should …" or "[14:02] <jmarsh> …": the nick is the speaker
_IRC_PREFIX = rf"^[ \t]{{0,4}}(?:\[?{_CLOCK}\]?\s*)?<[ @+%]?"
_IRC_SPEAKER = re.compile(rf"{_IRC_PREFIX}(?P<who>[^<>\s]{{1,32}})>\s+")
# where a new turn starts in a transcript paragraph: "Anil: …", "<nick> …", "#agreed …"
_SPEAKER_LINE = re.compile(
    rf"(?m)^{_TIMESTAMP}\W{{0,2}}{_SPEAKER_NAME}\W{{0,2}}{_AFTER_SPEAKER}:\s"
    rf"|{_IRC_PREFIX}[^<>\s]{{1,32}}>\s"
    r"|^\s{0,2}#[a-z]+\b|^\s{0,4}\[[A-Z ]{3,12}\]\s+(?:ACTION|RESOLUTION)\b")
# a scribe's line for a speaker by their lower-case nick: "   ines: any objections?"
# (after a chat's time: "[18:07] tobi_a: i'll do it")
_NICK_LINE = re.compile(r"(?m)^[ \t]{0,4}(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?"
                        r"(?P<nick>[a-z][\w.-]{1,30}):[ \t]")
# the words of a next call's cues: every sentence rule's gate and the next-call rule's
_CALL_WORDS = (
    "next", "chste", "prochain", "see you", "see everyone", "xima", "ximo", "prossim", "volgend",
    "meet on", "meet next", "nästa", "次回", "berikut", "follow", "nxt", "same time", "same slot",
    "same place", "back on", "first ", "regroup", "spotkani", "zebrani", "posiedzeni", "agli ",
    "agle ")
# the words of a group settling something: in the gate, the decision words and the strong cues
_SETTLED_WORDS = (
    "decid", "decision", "agree", "consensus", "objection", "unanimous", "resol", "conclu",
    "settle", "felt", "objected", "argued", "minded", "dissent", "poll", "vote", "everyone",
    "motion", "favour", "favor", "approved", "adopted", "accepted", "ratified", "endorsed",
    "going with", "+1", "rejected", "declined", "landed", "taken up", "on part sur", "final call",
    "decidido", "besl", "決定", "it is then", "go ahead", "consent", "si decide", "deciso",
    "disepakati", "instruct", "it is", "(decided)", "(agreed)", "ok with", "okay with",
    "fine with", "desided", "decdied", "agred", "aggreed", "accept", "reject", "approve",
    "authori", "final answer", "way forward", "going ahead", "dropping", "keeping", "sticking",
    "not going to", "won't", "won’t", "will not", "happy to", "happy with", "plan is now",
    "elected", "went with", "signed off", " then.")
_REGISTER_NUMBERS = tuple(f"d-{digit}" for digit in range(10))  # "D-2025-07: …" (a decision's)
# a chat's conclusion ticked off: "ok, pg12 support is dropped in 0.8 then ✅"
_TICKED_THEN = ("then ✅", "then ✔", "then ☑")
_CUE_WORDS = (
    *_CALL_WORDS, *_SETTLED_WORDS, "will", "'ll", "’ll", "should", "can ", "plan", "going to",
    "need", "someone", "somebody", "anyone", "anybody", "agenda", "stick", "#", "action", "todo",
    "said", "intend", "offer", "volunteer", "must", "has to", "have to", " to ", "going forward",
    "reconvene", "resume", "meet again", "call", "meeting", "'d ", "’d ", "would", "please",
    "proposed", "suggested", "recommended", "put forward", "next step", "helpful", "useful", "ai:",
    "ai ", "ai(", "ap ", "ap-",
    "outcome", "then we", "so we", "let's", "let’s", "assign", "→", "⇒", "->", "beschl",
    "einigung", "entscheid", "décision", "aufgabe", "talk again", "speak again", "chat again",
    "beslut", "[d]", "result", "delibera", "decisão", "acordado", "aprovado", "keputusan",
    "validé", "acté", "verdict", *_REGISTER_NUMBERS, *_TICKED_THEN, "ok, ", "okay", "fine, ",
    "right, ", "alright", "✅", "✔", "☑")
_DECISION_WORDS = (
    *_SETTLED_WORDS, "we", "stick", "plan", "switch", "move to", "going forward", "will be ",
    "against", "let's", "let’s", "validé", "acté", "delibera", "[d]", "result", *_TICKED_THEN,
    "ok, ", "okay", "fine, ", "right, ", "alright", "✅", "✔", "☑")

# words each rule needs, checked on the lower-cased sentence before its regular expression runs
_HINT_NEXT = (
    *_CALL_WORDS, "again", "reconven", "resum", "reschedul", "following", "move the", "return")
_HINT_STRONG = (
    *_SETTLED_WORDS, "against", "settled", "then we", "so we", "okay", "great", "alright",
    # (a chair's "<ingrid> ok, pg12 support is dropped in 0.8 then")
    " ok, ", ">ok, ", "fine,", "ok, ", "right, ", "✅", "✔", "☑")
_HINT_WEAK = ("we'", "we’", "we '", "we ’", "we will", "we are", "we should", "we plan", "let's",
              "let’s",
              "plan is", "stick ", "switch to", "move to", "going forward", "will be ")
_HINT_OWNER_VERB = ("ll ", " to ", "should", "can ", "said")
_HINT_ELIDED = ("will", "going to", "plan", "need", "should", "can ")
_HINT_UNOWNED = ("someone", "somebody", "anyone", "anybody", "a volunteer", "we all", "everyone",
                 "everybody", "all of us")
_HINT_PRONOUN = ("he'", "he’", "he '", "he ’", "he will", "he would", "he is going", "i'", "i’",
                 "i '", "i ’", "i will", "i would", "i am going", "i can", "he can", "let me",
                 *(f"{who} {verb} to" for who in ("i", "he")
                   for verb in ("agreed", "offered", "volunteered", "promised")))
_HINT_WISH = ("would be", "will be", "might be", "step", "plan should")
_HINT_PROPOSAL = ("proposed", "suggested", "recommended", "put forward")
_HINT_AGENDA = ("agenda", "next")
_HINT_WE_TODO = ("should", "need", "must")
# the markers' words sit within a sentence's first characters ("DECISION 60.1:", "#action")
_HINT_DECISION_MARKER = ("#", "decisi", "resol", "agreed", "decided", "outcome", "conclusion",
                         "consensus", "approved", "adopted", "accepted", "vote", "poll", "beschl",
                         "einigung", "entscheid", "décision", "final call", "settled", "validé",
                         "décidé", "adopté", "acté", "delibera", "decisão", "decidido",
                         "acordado", "aprovado", "beslut", "決定", "keputusan", "disepakati",
                         "deciso", "decisione", "consented", "[d]", "result", "verdict",
                         *_REGISTER_NUMBERS)
_HINT_ACTION_MARKER = ("#", "action", "ai", "ap", "todo", "to-do", "next step", "follow",
                       "aufgabe")
_HINT_ASKING = ("asked", "requested", "directed", "instructed", "tasked", "charged")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


_HINT_FAMILIES = (
    _CUE_WORDS, _DECISION_WORDS, _HINT_NEXT, _HINT_STRONG, _HINT_WEAK, _HINT_OWNER_VERB,
    _HINT_ELIDED, _HINT_UNOWNED, _HINT_PRONOUN, _HINT_WISH, _HINT_PROPOSAL, _HINT_AGENDA,
    _HINT_WE_TODO, _HINT_DECISION_MARKER, _HINT_ACTION_MARKER, _HINT_ASKING)


def _bit(family: tuple[str, ...]) -> int:
    """The bit that says, in a sentence's `_cues`, that it holds a word of `family`."""
    return 1 << _HINT_FAMILIES.index(family)


# tested as `cues & _NEXT_BIT`: a bit test, not a call, as it is done ~15 times a sentence
_CUE_BIT, _DECISION_BIT, _NEXT_BIT = _bit(_CUE_WORDS), _bit(_DECISION_WORDS), _bit(_HINT_NEXT)
_STRONG_BIT, _WEAK_BIT = _bit(_HINT_STRONG), _bit(_HINT_WEAK)
_OWNER_VERB_BIT, _ELIDED_BIT = _bit(_HINT_OWNER_VERB), _bit(_HINT_ELIDED)
_UNOWNED_BIT, _PRONOUN_BIT = _bit(_HINT_UNOWNED), _bit(_HINT_PRONOUN)
_WISH_BIT, _PROPOSAL_BIT, _AGENDA_BIT = _bit(_HINT_WISH), _bit(_HINT_PROPOSAL), _bit(_HINT_AGENDA)
_WE_TODO_BIT, _ASKING_BIT = _bit(_HINT_WE_TODO), _bit(_HINT_ASKING)
_DECISION_MARKER_BIT = _bit(_HINT_DECISION_MARKER)
_ACTION_MARKER_BIT = _bit(_HINT_ACTION_MARKER)
_MARKER_BITS = _DECISION_MARKER_BIT | _ACTION_MARKER_BIT


def _hint_automaton() -> Any:
    """Every family's words (the hints' and the patterns' needs) in one Aho-Corasick
    automaton, each word carrying the bits of the families it belongs to."""
    bits: dict[str, int] = {}
    for i, family in enumerate(_HINT_FAMILIES + _NEED_FAMILIES):  # family i: bit i
        for word in family:
            bits[word] = bits.get(word, 0) | 1 << i
    automaton = ahocorasick.Automaton()
    for word, bit in bits.items():
        automaton.add_word(word, bit)
    automaton.make_automaton()
    return automaton


def _needs(text: str, low: str, cues: int) -> int:
    """The `_cues` of `text` as re.IGNORECASE reads it (`folded`), given `low` and its
    `cues`: the same for ASCII text. A need family's bit in them is exact."""
    return cues if low.isascii() else _cues(folded(text, low))


def _cues(low: str) -> int:
    """The families whose words `low` (a lower-cased sentence) holds, as bits: one pass of
    the automaton instead of a substring search per word per family (about 150 a sentence).
    A pattern that needs no word (an empty need family) has its bit set always."""
    found = _NEEDS_NOTHING
    for _end, bits in _HINTS.iter(low):
        found |= bits
    return found


_JOINED = re.compile(r"[,;]?\s(?:and|so)\s*$|;\s*$|\s\($", re.I)  # ("docs need X (Ngozi: …")
_CLAUSE_TAIL = re.compile(r"(?:\s+(?:and|so|but|then|which|that))+\s*$|^.*[.;:]\s+", re.I | re.S)
_BOLD_LEAD = re.compile(r"^(?:\*\*|__)([^*_\n]{2,80}?)(?:\*\*|__)")
# a task whose object is a pronoun ("write this", "follow up with him", "consider that")
_ANAPHORIC_TASK = re.compile(
    r"\b(?=\w)(?:(?:this|that|these|those|it|them|him|her)\b(?!\s+(?!(?:up|out|down|over|through|for"
    r"|with|when|soon|separately|again|as|in|into|on|onto|to|and|but|so|if|before|after|later|now"
    r"|once|too|also|off|back|around|away|first|further|more|properly|working|done|fixed|merged|released|sorted"
    r"|finished|ready|tested|reviewed|upstream(?:ed)?|next|today|tomorrow|tonight|this|by|at"
    r"|until|within|during|asap|anyway|later)\b)[a-z])"  # ("order it this week", "… by Friday")
    r"|(?:that|this|the)\s+one\b|both\W*$|the\s+(?:two|three|both)\b"
    r"|\b(?:send|give|tell|show|email|remind|ask)\s+(?:them|him)\b"  # "send them the link"
    r"|(?:that|this)\s+way\b"  # "rework the patch that way"
    r"|(?:thing|things|stuff)\b|something(?=\s+(?:out|together|up)\b|\W*$)"
    r"|a\s+(?:look|go|crack|try)$"
    r"|a\s+(?:go|crack|stab)\b(?!\s+(?:at|on|with)\b))", re.I)  # "have a go tomorrow"

# a short task whose object only its topic names: "write the patch", "review the PR"
_GENERIC_OBJECT = re.compile(
    r"^\w+(?:\s+\w+)?\s+(?:the|a|an)\s+(?:\w+\s+)?(?:patch|pr|fix|docs?|draft|change|proposal"
    r"|post|tests?|notes|slides|write-?up|rfc|plan|changelog|announcement|summary|order|booking"
    r"|quote|form|invite|invitation|room|installation|purchase|delivery|repairs?|paperwork"
    r"|payment|survey)\W*$", re.I)
# whom to ask, not what: "check with the contractor" after "Cllr Ng asked whether the lights
# could stay up until Twelfth Night."
_CONSULT_ONLY = re.compile(r"^(?:check|confirm|ask|consult|speak|talk|liaise|raise\s+it"
                           r"|follow\s+up)\s+(?:with|to)\s+(?:the\s+|our\s+)?\w+(?:\s+\w+)?\W*$",
                           re.I)
# a verb and a bare noun, no word to say which: "place the order", "send the invite"
_BARE_OBJECT = re.compile(r"^\w+(?:\s+\w+)?\s+(?:the|a|an)\s+\w+\W*$", re.I)
# a task stated of "this": "All of this should be written down", "These should be fixed"
_ANAPHORIC_SUBJECT = re.compile(r"^\W*(?:all\s+of\s+)?(?:this|that|these|those|it)\s+(?:should"
                                r"|needs?|must|has\s+to|have\s+to|will)\b", re.I)

# a decision about "this": "so we should work on this." says what only with its topic
_ANAPHORIC_END = re.compile(r"\b(?:on|with|to|for|about|do|of)\s+(?:this|that|it|these|them)"
                            r"\b(?:\W+\w+){0,12}\W*$", re.I)

# -- item forms ------------------------------------------------------------------------------

_ITEM_BRACKET = re.compile(rf"^\[(?P<who>{_NAMES})\]\s*[:–—-]?\s*(?P<task>.+)$", re.S)
# "Dave: send the slides", "Tariq (not on the council): publish …", "Mariana → run stand-ups"
_ITEM_COLON = re.compile(rf"^@?(?P<who>{_NAMES})(?:\s*\([^()]{{1,40}}\))?\s*(?::|\s->|\s[–—-]|[→⇒])"
                         r"\s*(?P<task>.+)$", re.S)
_ITEM_TO = re.compile(rf"^@?(?P<who>{_NAMES}(?:\s*\([^()]{{1,40}}\))?)\s+"
                      r"(?:to|will|should|['’]ll|must)\s+(?P<task>.+)$", re.S)
_ITEM_TRAILING = re.compile(
    rf"^(?P<task>.+?)\s*(?:[(\[]\s*(?:owner:\s*|assigned\s+to:?\s*)?@?(?P<who>{_NAMES})"
    # "- update the help article (Rosalind, due Fri)"
    r"\s*(?:[,;]\s*(?:due|by|before|until|deadline|eta)\b[^()\[\]]{0,30})?[)\]]"
    rf"|\s[–—-]+\s*@?(?P<who2>{_NAMES}))\s*\.?$"
    # "PIN-482 offline sync — Nomvula and Fergus together (Fergus on the API, …)", "PIN-466
    # export — Ilse V, again; she says …": the owners after a dash, a remark after them
    rf"|^(?P<task2>.+?)\s[–—]+\s*@?(?P<who3>{_NAMES})(?:\s+together)?"
    r"(?:\s*\((?!(?:carried|done|dropped|completed|closed)\b)[^()]*\)|,\s*again\b)?"
    r"(?:[;,]\s+(?:s?he|they|since|as|because)\b.*)?\s*\.?$", re.S)
# the fields an action's line may give after its owner: "Due: Friday", "Timescale: 4 weeks"
_LATER_FIELD = r"(?:due|deadline|by|when|status|priority|timescale|target|timeline)\s*:"
_ITEM_OWNER_FIELD = re.compile(  # (and the "PIC:", person in charge, of notes across Asia)
    rf"^(?P<task>.+?)[\s,;(—–-]*(?:owner|assigned\s+to|assignee|who|lead|pic)\s*:\s*"
    rf"(?P<who>{_NAMES})(?:\W*(?:{_LATER_FIELD}|(?:deadline|due)\b).*|[,;]\s*[^:]{{0,40}}|\W*)$",
    re.I | re.S)

# -- next call -------------------------------------------------------------------------------

_NEXT_CUE = re.compile(  # word-start alternatives grouped as in _DECISION_STRONG (speed)
    rf"\b(?=\w)(?:ne?xt\s+(?:[\w'’-]+\s+){{0,2}}?{_MEETING}s?\b"
    r"|(?:we['’]ll|will|we|let['’]s|shall|to)\s+meet\s+again\b|reconvene\b|regroup\b"
    # "The council next meets on Wed 8 May", "we next meet in June", "meets next on the 4th"
    r"|next\s+meets?\s+(?:on|in|at)\b|meets?\s+next\s+(?:on|in)\b"
    # "We're going to meet on Monday to check the checklist"
    r"|(?:we['’]re|we\s+are)\s+going\s+to\s+meet\s+(?:again\s+)?(?:on|next)\b"
    # "we're meeting again on the 14th instead"
    r"|(?:we['’]re|we\s+are|we['’]ll\s+be|we\s+will\s+be)\s+meeting\s+again\b"
    # "Follow-up call with Gwen booked for Thursday 10 September"
    r"|follow-?up\s+(?:call|meeting)\b[^.]{0,60}?\b(?:booked|scheduled|set|planned)\b"
    # "Same slot in two weeks?", after a skipped week "Back on Wed 2 Sept", "next one thurs 8 oct"
    r"|(?:sync|call|meeting|meet)\s+again\s+in\b|\b(?:call|meeting|sync)\s+(?:no\.?\s*)?\d{1,3}\s*:"
    # ("Same time Thursday, everyone"; "we're back on …", not "the water is back on 20/4")
    r"|same\s+(?:time|slot|place)\s+(?:in\b|next\b|(?:on\s+)?(?=(?:mon|tue|wed|thu|fri|sat|sun))"
    r"|\w+\s+weeks?\s+(?:from\s+(?:now|today)|later)\b)"
    r"|(?<!\w\s)(?<!\w\s\s)back\s+on\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|\d))"
    r"|(?<=['’]re\s|are\s)back\s+on\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|\d))"
    # "Next one's after the holidays, the 9th of January"
    r"|next\s+one(?:['’]s\s+|\s+)(?=(?:is\s+|will\s+be\s+)?(?:(?:after|in)\s+the\s+(?:holidays"
    r"|break|new\s+year|summer)\W+)?(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|\d"
    rf"|the\s+(?:\d|{SPOKEN_DAY}))))"
    # a calendar's "Next: Wed Jun 11 · 10:30", "Next M&M: …", "Follow-up: Tue, Oct 27" (only
    # with a date right after it, and not a release, deadline or other non-meeting)
    r"|^\W*(?:next(?:\s+(?!(?:release|version|steps?|deadline|milestone|sprint|payment"
    r"|deliverable|report|build|update|issue|newsletter|digest|due|target|goal|phase|event"
    r"|conference|hackathon|holiday|invoice|review\s+of)\b)[\w&/.-]+){0,2}|follow-?up"
    # a new series' "First monthly check-in: Tue 27 Oct"
    rf"|first\s+(?:[\w-]+\s+)?{_MEETING})\s*:"
    rf"(?=[^\n]{{0,40}}?\b(?:{_WEEKDAY_WORD}|\d|in\s|(?:jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))"
    r"|\b(?=\w)(?:(?:resume|reschedule|move)\s+the\s+(?:call|meeting)\b"
    r"|following\s+(?:call|meeting)\b|(?:call|meeting)\s+(?:will\s+)?(?:resume|return)s?\b"
    r"|(?:talk|speak|chat)\s+again\b|see\s+(?:you|everyone)(?:\s+all)?\s+(?:again\s+)?(?:on|next)\b"
    # "No meeting on the 27th; next one on 10 Jan": "one" is the call the skip named
    r"|(?:no\s+(?:call|meeting|sync)|cancel\w*)\b[^.]{0,60}?\bnext\s+one\b"
    # other languages' "next meeting" ("Nächstes Treffen", "prochaine réunion")
    r"|n[äa]chste[nrs]?\s+(?:treffen|sitzung|termin|besprechung|call|meeting)\b"
    r"|prochaine?\s+(?:r[ée]union|s[ée]ance|rencontre|call|meeting|point)\b"
    # Spanish, Portuguese, Italian, Dutch
    r"|pr[óo]xim[ao]\s+(?:reuni[óo]n|reuni[ãa]o|sesi[óo]n|llamada|chamada)\b"
    r"|prossim[ao]\s+(?:riunione|incontro|call)\b|volgende?\s+(?:vergadering|overleg|meeting)\b"
    # Swedish "nästa (styrelse)möte", Indonesian "rapat berikutnya", Japanese 次回 ("next time")
    r"|n[äa]sta\s+\w*m[öo]te\b|(?:rapat|pertemuan)\s+berikutnya\b"
    # Hindi written in Latin letters, "Agli MC meeting", "agli baithak"
    r"|agl[ie]\s+(?:\S+\s+)?(?:meeting|baithak|call)\b"
    # Polish "Następne spotkanie", "kolejne spotkanie"
    r"|(?:nast[eę]pne|kolejne)\s+(?:spotkanie|zebranie|posiedzenie)\b)|次回",
    re.I)
_STRONG_AFTER = re.compile(
    r"^[\s*_]*(?:is|will|:|—|–|-|scheduled|on|at|set|planned|date|takes?\s+place|\(|for)", re.I)
# a sentence about a routine that is not the call ("we always do the walk-round on the first
# Monday of the month"): the "Next one is the 3rd." after it is that routine's next one
_OTHER_ROUTINE = re.compile(rf"^(?!.*\b{_MEETING}).*\b(?:always|every|each|weekly|monthly"
                            r"|of\s+the\s+month)\b", re.I)
_NEXT_ONE = re.compile(r"next\s+one\b", re.I)
_NO_CALL = re.compile(rf"\bno\s+{_MEETING}s?\b|\bcancel(?:l?ed)?\b|\bskip"
                      # ("I'm away the week of the 26th")
                      r"|(?<=['’]m\s)away\b|(?<=\bam\s)away\b", re.I)
# what ends the stretch a "no call" or "cancelled" speaks about: "(cancelled) → 16 April",
# "is cancelled; the next call is on 11 March", "No call next week, but we resume on …"
_SKIP_ENDS = re.compile(
    r"[;→]|->|\b(?:but|so|then|instead)\b|\bresum|\bnext\s+(?:one|call|meeting|sync)\b", re.I)
# "moved from 4 March to 11 March": the date after "from" is the one given up
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_MOVED_TO = re.compile(r"\b(?:moved|moving|rescheduled|shifted|pushed|postponed|changed)"
                       r"(?:\s+(?:it|this|the\s+(?:call|meeting|sync)))?\s+(?:to|until)"
                       r"\s+(?:the\s+)?$", re.I)
_INSTEAD_AFTER = re.compile(r",?\s+instead\b", re.I)
_PAREN_ASIDE = re.compile(r"\([^()]*\)")
_NULL_MARK = re.compile(
    r"\b(?:TBD|TBA|TBC|to\s+be\s+(?:decided|determined|confirmed|announced|scheduled|arranged)"
    r"|not\s+(?:yet\s+)?(?:scheduled|decided|set|fixed|confirmed)|next\s+year|unknown|undecided)\b",
    re.I)
# "I'll put a poll in #general for the next call date": whatever dates are near, none is set
# ("send a poll for a date in the week of 21 Sept": the week the poll offers)
_DATE_POLL = re.compile(
    r"\b(?:poll|doodle)\b[^.]{0,30}\b(?:for\s+(?:(?:the\s+)?(?:next\s+)?(?:call|meeting)\s+(?:date"
    r"|time)|an?\s+(?:new\s+)?(?:date|time|slot)\b|the\s+weeks?\s+of\b)|between\b)", re.I)
_NOT_A_CALL_SENTENCE = re.compile(
    r"\b(?:by|before|until|at|on|in|for|during)\s+the\s+next\s+(?:call|meeting)"
    r"|\b(?:on|to|onto|for)\s+the\s+agenda\b|\bagenda\s+(?:for|of)\s+the\s+next\b", re.I)

# -- people heuristics -----------------------------------------------------------------------

_NOT_PEOPLE = frozenset(
    """a an the this that these those it its we our they there he she i you who which what
    when where why how someone somebody anyone anybody everyone everybody nobody people folks
    all each both some many most others other also then once still work need needs maybe perhaps
    back good great nice glad sorry left kept sent given taken up over down held
    please note notes next last first second new old one two three agenda action actions decision
    decisions discussion update updates status plan plans release releases meeting call calls
    team group project projects issue issues question questions answer idea ideas docs doc
    if and or but so as at on in for of to by with from into after before while since because
    yes no ok aob any tests test code users user mirage irmin monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october
    november december today tomorrow hopefully currently actually also again otherwise although
    however therefore thanks thank hello welcome everything nothing something anything lots
    wants invite suggestion happy holidays sounds seems looks just still now only even will
    would should could can must might shall outcome outcomes conclusion consensus resolution
    agreement result results summary vote votes poll approved adopted accepted goal goals aim
    aims challenge idea intention purpose point problem hope task job focus priority proposal
    proposals motion motions request requests report reports review reviews item items topic
    topics draft drafts minutes recommendation recommendations option options feedback
    staff board committee council trustees governors management leadership volunteers members
    beschluss beschlüsse einigung entscheidung aufgabe aufgaben protokoll teilnehmer moderation
    entschuldigt décision décisions participants présents validé décidé adopté acté settled
    deliberação deliberado decisão decidido acordado aprovado beslut beslutat owner keputusan
    disepakati deciso decisione consented reminder reminders announcement announcements
    europe asia africa america americas australia ireland england scotland wales britain france
    germany spain portugal italy netherlands belgium austria switzerland poland sweden norway
    denmark finland canada mexico brazil argentina chile india china japan korea singapore
    indonesia nigeria kenya egypt israel turkey ukraine russia greece romania hungary czechia
    """.split()  # noqa: SIM905
)
# a task's verb, capitalised at the start of an item, is no one's name: "TODO: Make the figures
# consistent" (names that are also verbs, Mark or Chase, are left out)
_TASK_VERBS = frozenset("""write make send prepare review update fix add check create set run test
    merge publish book schedule email investigate look follow share post file move remove
    document organise organize find get reply confirm finish start clean deploy release build
    talk pick collect propose coordinate discuss decide ping remind sync upload port announce
    register switch submit buy measure benchmark evaluate put issue approach walk provide cut
    tag audit ask request nominate draft prototype order ring phone call text bring print sign
    arrange install repair replace fit contact tell brief trim go cost""".split())  # noqa: SIM905
# the last word of a law's or an organisation's name, never a surname
_BODY_TAILS = frozenset({"act", "regulation", "directive", "foundation", "project", "committee",
                         "council", "board", "team", "group", "institute", "university",
                         "agency", "department", "ministry", "inc", "ltd", "gmbh", "association",
                         "society", "consortium", "alliance", "commission"})
# words that open a label, never a name: "Next Meeting:", "Nächstes Treffen:", "Prochaine réunion:"
_LABEL_OPENERS = frozenset({"next", "last", "previous", "nächstes", "nächste", "nächster",
                            "prochaine", "prochain"})
# verbs whose object is a person: "Invite/Ask/Remind Daniel to …" names who is asked, not who acts
_ADDRESSING_VERBS = frozenset(
    "invite ask remind tell email ping contact encourage thank let get have cc".split())  # noqa: SIM905
_PERSONISH = re.compile(rf"^[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]?)?$"
                        rf"|^[{UPPER}][{LOWER}]+\s[{UPPER}][{LOWER}]+$|^[{UPPER}]{{2}}$")
_CAPITALISED = re.compile(rf"[{UPPER}][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s$")
# capitalised words that open sentences and are never the subject ("Given the amount of work")
_SENTENCE_OPENERS = frozenset("""given hello world according regarding despite during
    following including considering unlike like besides""".split())  # noqa: SIM905
_HEADING_WORD = re.compile(r"[a-z][\w-]+")
_NOT_NAME_SUFFIX = re.compile(r"(?:ing|ed|ly|tion|ness|ment|ful|ous|ive|ible|able)$")


# an organisation or office with its person in brackets: "DTL (Jonas)", "Secretariat (Lottie)"
_ORG_PERSON = re.compile(r"^(?P<org>[\w&.-]+(?:\s+[\w&.-]+){0,2})\s*\((?P<who>[^()]{2,40})\)$")


# a chat log's nick, "<olga>" (not "@olga", which may be a team's handle: "@release")
_CHAT_NICK = re.compile(r"<[ @+%]?[\w.-]+(?::[\w.-]+)?>")


def _stands_alone(word: str, body: str) -> bool:
    """Whether `word` stands on its own somewhere in `body` (not inside "re-release")."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(body[at - 1])) \
                and (end == len(body) or not _is_word_char(body[end])):
            return True
        at = body.find(word, end)
    return False


_WORD_RUN = re.compile(r"[\w-]+")


def _mentioned_people(text: str) -> list[Person]:
    """The full names `text` writes, for resolving a first name the attendee list lacks. A
    word the note also writes in lower case ("Open Collective", "Release Date") is no name."""
    people = []
    standing = set(_WORD_RUN.findall(text))  # each word on its own, looked up once per name
    for m in FULL_NAME.finditer(text):
        if m.group("first").lower() in HONORIFICS:  # "Dr Felix Andrade": the name after "Dr"
            m = FULL_NAME.match(text, m.start("last")) or m
        first, last = m.group("first"), m.group("last")
        surname = last.split()[-1]
        if len(surname) < 2 or not any(c.islower() for c in surname):
            continue
        if surname.lower() in _BODY_TAILS:
            continue  # "Cyber Resilience Act", "Apache Software Foundation"
        if any(w in _NOT_PEOPLE or w in _TASK_VERBS or w in _LABEL_OPENERS or w in MONTHS
               or w in WEEKDAYS or w in _SENTENCE_OPENERS or w in standing
               for w in (first.lower(), surname.lower())):
            continue
        nick = m.group("nick")
        people.append(Person(f"{first} {last}", aliases=(nick,) if nick else ()))
    # 'Luca "Lu" Bernardi' and later "Lu Bernardi" are one person
    nicknamed = {f"{p.aliases[0]} {p.name.split()[-1]}" for p in people if p.aliases}
    unique: dict[str, Person] = {}
    for p in people:
        if p.name not in nicknamed:
            unique.setdefault(p.name, p)
    return list(unique.values())


# what minutes call the one who chairs: "the Chairman will …" is the attendee marked as chair
_CHAIR_OFFICES = ("chair", "chairman", "chairwoman", "chairperson", "chairlady")


# (and the chairs of a group that has two; a tuple of its own, which mypyc compiles, unlike a
# starred one in place: bench/extract_compiled.py)
_CHAIR_WORDS = (*_CHAIR_OFFICES, "chairs", "co-chairs")


def _is_chair_word(who: str) -> bool:
    return who.lower().removeprefix("the ").strip() in _CHAIR_WORDS


class _Request(NamedTuple):
    """A task asked of someone by name in a transcript, until they answer."""

    who: str  # as asked: "Pavel", "Rafa"
    task: str
    question: str  # with the sentence before it, which often says what the task is about
    asker: str


@dataclass
class _Ctx:
    note: Note
    roster: Roster
    refs: dict[str, str]
    body: str = ""
    attendees: tuple[Person, ...] = ()
    people: dict[str, bool] = field(default_factory=dict)  # is_person, cached per name
    paragraph: str = ""  # the text being read, to settle ambiguous names
    heading_words: frozenset[str] = frozenset()
    # whether the note is typed in lower case ("kwame: cost the dish" names Kwame), worked out
    # only when a rule asks
    lower_case: Callable[[], bool] = lambda: False
    # what "this"/"him" in an action may refer to, by id of the action: the sentence before
    # the action's; "" for a block's first sentence (then the block before, if a sibling)
    referents: dict[int, str] = field(default_factory=dict)
    # the chair's last summary of a proposal ("So proposal: in 3.0 the v1 API is stable", or the
    # statement before "Objections?"), which a later "Decided then." or "Okay, that's decided."
    # settles
    proposal: str = ""
    # who asked the call "Objections?" / "Does anyone disagree?" (None: nobody, "" in prose):
    # their "None." or "Great, so 1.6.0 on February 4th." in the next turn settles it
    asker: str | None = None
    # a task asked of one person by name ("Pavel, could you cut the 1.5.3 as well?"), which
    # that person's "Yeah." in their next turn takes on
    request: _Request | None = None
    motion: str = ""  # a motion put in the paragraph being read, until its result
    # the last proposal put in prose and its line, which a vote in a later paragraph settles
    # ("The CEO proposed creating a second technician post …\n\nThe motion was carried, 3-1.")
    last_proposal: tuple[str, int] | None = None
    # the line of a bare "Next call." said in a call, whose date the next few lines give
    call_topic: int | None = None
    # what speakers said lately, across turns (statements of six words or more, not replies):
    # the proposal a chair's "Okay, let's do that then." after "Anyone against? No?" takes
    said_lately: list[str] = field(default_factory=list)
    # the sentences read lately in this section, for what "it" in "I'll rewrite it" is when the
    # sentence before only points back as well ("Can you take that, Bethany?")
    recent: list[str] = field(default_factory=list)
    recent_section: int = -2

    @cached_property
    def chairs(self) -> list[str]:
        """The attendees marked as chairing, whom "the Chair(man)" and "the chairs" name."""
        return [p.name for p in self.attendees if p.chair]

    @cached_property
    def note_taker(self) -> str | None:
        """Who "I'll type these up" in notes without speakers is: the attendee who signs the
        notes ("— Orla" at the end, "I'll … - Fi") or is marked as taking them ("Orla
        Kennedy (office manager, notes)", "Notes: Raj"); read when first asked."""
        body = self.body
        if "\n--" in body[-400:]:  # a mail's signature block after "-- " is not the sign-off
            body = _MAIL_SIGNATURE.sub("", body[-400:])
        found = _SIGN_OFF.search(body[-300:]) or _TAKES_NOTES.search(self.body[:3000])
        who = found and (found["who"] or found.groupdict().get("who2"))
        if (mail := _MAIL_FROM.match(self.body)) and (
                not who or (" " not in who and mail["who"].split()[0] == who
                            and not self.roster.known(who))):
            # a summary sent to a list ("From: Olga Berg <…>"), signed "Olga" or not at all:
            # its sender wrote it, whether or not the list of who came names her
            return self.owners(mail["who"])
        return self.owners(who) if who else None

    def is_person(self, name: str) -> bool:
        name = name.strip(" []@:*_,.")
        known = self.people.get(name)
        if known is None:
            known = self.people[name] = self._is_person(name)
        return known

    def _is_person(self, name: str) -> bool:
        if not name:
            return False
        if self.roster.known(name):
            return True
        if "-" in name and " " not in name and name.lower() not in _NOT_PEOPLE \
                and _HYPHENATED_GIVEN_NAME.match(name) \
                and _fuller(name, full := self.roster.resolve(name)) \
                and full.split()[-1].lower() not in _BODY_TAILS:
            return True  # "Hyun-woo", when the note names Hyun-woo Baek in full
        if name.lower() in _NOT_PEOPLE or name.lower() in _TASK_VERBS \
                or not _PERSONISH.match(name):
            return False
        if _is_marker_label(name):
            return False  # "Verdict: needs info" is a record's label, not someone speaking
        if name.isupper():
            return False  # initials only count when the roster knows them
        tokens = name.split()
        if tokens[-1].lower() in _BODY_TAILS:
            return False  # "The Cyber Resilience Act will require SBOMs": no one's task
        first = tokens[0].lower()
        if first in _LABEL_OPENERS or (first in self.heading_words
                                       and not _fuller(name, self.roster.resolve(name))) \
                or self._written_in_lower_case(first):
            # "Release" when the note also says "release"; but a stand-up's "**Sofía** (PTO)"
            # heads her section, the "Sofía Navarro" the note names elsewhere
            return False
        # "Waiting", "Hoping", "Managed", "Recently", "Introduction" start sentences, not names
        return _NOT_NAME_SUFFIX.search(tokens[0]) is None

    def _written_in_lower_case(self, word: str) -> bool:
        """Whether the note writes `word` in lower case as a word (a chat log's "<olga>" is
        still her name)."""
        return _stands_alone(word, self._body_without_nicks)

    @cached_property
    def _body_without_nicks(self) -> str:
        return _CHAT_NICK.sub("", self.body) if "<" in self.body else self.body

    def handle_owner(self, handle: str) -> str:
        """'@kenji' → 'Kenji Tanaka' when one attendee fits; else the handle as written."""
        return self.roster.match(handle) or self.roster.match(handle.replace(".", " ")) \
            or self.roster.match_handle(handle) or "@" + handle

    def owners(self, who: str) -> str | None:
        """'Dave and Mort' → 'Dave Scott, Richard Mortier'; None unless every part is a person.
        "The chairs" are the attendees marked as chairs."""
        chairs = self.chairs
        if chairs and _is_chair_word(who):
            return ", ".join(chairs)
        if who.endswith(")") and (org := _ORG_PERSON.match(who)):
            # "DTL (Jonas)", "Secretariat (Lottie Barnes)": the person; "Tariq (not on the
            # council)": the name before the remark
            who = org["who"] if self.person_parts(org["who"]) else org["org"]
        parts = self.person_parts(who)
        if not parts and "_" in who:
            parts = self.person_parts(who.replace("_", " "))  # a scribe tool's "Chen_Yu"
        if not parts:
            return None
        return ", ".join(dict.fromkeys(  # "The Chair and the Secretary"
            name for part in parts
            for name in (chairs if chairs and _is_chair_word(part) else (self._resolve(part),))))

    def person_parts(self, who: str) -> list[str]:
        """The names in 'Also, Dave and Mort' as written (['Dave', 'Mort']); [] unless all are."""
        # ("The CEO and the Operations Director": the offices)
        parts = [p.removeprefix("the ").removeprefix("The ")
                 for p in OWNER_SEPARATOR.split(who.strip()) if p]
        while len(parts) > 1 and parts[0].lower() in _NOT_PEOPLE:
            parts = parts[1:]  # "Also, Anil"
        if not parts:
            return []
        # drop leading words that are not names ("Actually Dave"); "Invite Daniel Bunzli to
        # advise" is a request about Daniel, not his task
        first = parts[0].split()
        if len(first) > 1 and first[0].lower() in _ADDRESSING_VERBS:
            return []
        while len(first) > 1 and (first[0].lower() in _NOT_PEOPLE
                                  or not self.is_person(" ".join(first))):
            first = first[1:]
        parts[0] = " ".join(first)
        while parts and not self.is_person(parts[0]):
            parts = parts[1:]  # "… at OSCON and ThomasL will": the names that end the list
        if not parts or not all(self.is_person(p) for p in parts):
            return []
        return parts

    def _resolve(self, name: str) -> str:
        """Full name; an ambiguous one ("Thomas" with two Thomases present) is settled only by
        an unambiguous mention of one of them earlier in the same paragraph ("ThomasL is
        porting … Thomas will …"); "Tom will … TomB will …" stays "Tom"."""
        full = self.roster.resolve(name)
        clean = name.strip(" []@:*_,.")
        if full != clean or not self.paragraph:
            return full
        options = self.roster.candidates(name)
        if len(options) < 2:
            return full
        first = re.search(rf"(?<![\w'’-]){re.escape(clean)}(?![\w'’-])", self.paragraph)
        before = self.paragraph[: first.start()] if first else self.paragraph
        named = {self.roster.match(w) for w in _CAPITALISED.findall(before)}
        mentioned = [o for o in options if o in named]
        return mentioned[0] if len(mentioned) == 1 else full


# -- entry point -----------------------------------------------------------------------------


def extract(note: Note) -> Extraction:
    body, first_line = _strip_site_chrome(note)
    plain_text = note.format == "text"  # HTML, Org, LaTeX: read as the markdown they become
    if note.format == "html":
        body = html_to_text(body)
    elif convert := _AS_MARKDOWN.get(PurePosixPath(note.path).suffix.lower()):
        body, plain_text = convert(body), False
    elif plain_text and looks_like_asciidoc(body):
        body, plain_text = adoc_to_text(body), False
    converted: list[int] | None = None  # the lines of the note each converted line came from
    if plain_text and looks_like_twiki(body):
        (body, converted), plain_text = twiki_to_text(body), False
    body, line_of = _normalised(body, plain_text)
    if "ext" in body:
        body = _next_by_its_name(body, note.title)
    if converted is not None:
        line_of = converted if line_of is None else [converted[at] for at in line_of]
    doc = scan(body, first_line, plain_text=plain_text)
    if line_of is not None:
        for block in doc.blocks:
            block.line = first_line + line_of[block.line - first_line]
    blocks, upcoming = _this_meetings_blocks(doc.blocks, note.date)
    links: list[Link] = []
    texts = [_without_attribution(clean_inline(b.text, doc.refs, links)) for b in blocks]
    if "-->" in body:  # subtitles (WebVTT, SRT): drop the cue numbers and timings
        texts = [_CUE_LINES.sub("", t) if "-->" in t or t[:1].isdigit() else t for t in texts]
        # a voice tag names the speaker (Zoom's and Teams' exports): "<v Ana Lima>Okay" → "Ana
        # Lima: Okay"
        texts = [_VOICE_TAG.sub(r"\1: ", t).replace("</v>", "") if "<v" in t else t
                 for t in texts]
    kinds = _section_kinds(blocks, texts)

    attendees = _attendees(blocks, texts, kinds, note.front_matter, body) \
        or _chat_speakers(body, note.body)
    if "@" in body:  # a document's name chip as a sentence's subject: "@Zainab Qureshi will …"
        texts = [_CHIP_SUBJECT.sub(r"\g<name>", t) if "@" in t else t for t in texts]
    if offices := _offices(attendees):  # "The treasurer will …" → "Treasurer will …": a name
        the_office = re.compile(rf"\b[Tt]he\s+({'|'.join(offices)})\b", re.I)
        texts = [the_office.sub(lambda m: m.group(1).capitalize(), t) if "he " in t else t
                 for t in texts]
    if len(nicks := _chat_nicks(attendees)) >= 2 and not _IRC_SPEAKER.search(body):
        # "rook (Ravi Okoro)" in the list: "rook: …" over what he said is "Ravi Okoro: …", and
        # "dvolkov will post …" Dmitri Volkov's task (an IRC log's rules read its nicks as such)
        as_subject = re.compile(rf"(?m)(?P<lead>^[^\w\n]*|\b(?:and|so|then|but)\s+|[.;:(]\s*)"
                                rf"(?<![@\w])(?P<nick>{'|'.join(map(re.escape, nicks))})"
                                rf"(?=:\s|['’]ll\b|\s+(?:and|will|to|can|should|said|[a-z]+s)\b)")
        texts = [as_subject.sub(lambda m: m["lead"] + nicks[m["nick"]], t) for t in texts]
    others = [note.author] if note.author else []
    if mail := _MAIL_FROM.match(note.body):  # notes sent as a mail: "From: Olga Berg <…>"
        others.append(mail["who"])
    if " — " in note.body and _DISCORD_HINT.search(note.body):  # who posted in a Discord channel
        others.extend(dict.fromkeys(map(_discord_author, _DISCORD_HEADER.finditer(note.body))))
    roster = Roster(attendees, others, partial(_mentioned_people, "\n".join(texts)))
    heading_words = frozenset(_HEADING_WORD.findall(" ".join(
        t for b, t in zip(blocks, texts, strict=True) if b.kind == HEADING).lower()))
    ctx = _Ctx(note, roster, doc.refs, heading_words=heading_words, body=note.body,
               attendees=attendees, lower_case=cache(partial(_typed_in_lower_case, body)))

    agenda: list[str] = []
    topics: list[str] = []
    decisions: list[Decision] = []
    actions: list[Action] = []
    candidates: list[_CallCandidate] = list(upcoming)
    warnings: list[str] = []
    has_agenda_section = AGENDA in kinds
    first_attendee_line = _first_attendee_line(blocks)
    section_heading = ""  # a stand-up's "## Leilani": whose "Today:" follows
    heading_people: dict[str, str | None] = {}

    def speaker_section() -> str | None:
        """The attendee the current heading names, looked up in the roster only when a rule
        asks (few headings have tasks or a "Today:" line under them)."""
        if section_heading not in heading_people:
            heading_people[section_heading] = _heading_person(section_heading, ctx)
        return heading_people[section_heading]

    parents = _item_parents(blocks)
    agreed_list = False  # after "We agreed on the following:", its items are the decisions
    handed_to: tuple[str, int] | None = None  # "For Priya:": to whom the items under it go
    handed_sections: dict[int, str] = {}  # "## For Priya": the same, over a heading's section
    for index, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        kind = kinds[index]
        agreed_list = agreed_list and block.kind == ITEM
        if agreed_list:
            kind = DECISIONS
        if handed_to is not None and not (block.kind == ITEM and block.level > handed_to[1]):
            handed_to = None
        if block.kind == HEADING and kind == OTHER \
                and (owner := _handed_to(text.rstrip(" :") + ":", [], ctx)) is not None:
            handed_sections[index] = owner
        elif block.section in handed_sections:
            kind = ACTIONS
            handed_to = handed_to or (handed_sections[block.section], -1)
        if handed_to is not None:
            kind = ACTIONS
        elif block.kind in (PARA, ITEM) and text[-1:] == ":" \
                and kind not in (PREVIOUS, AGENDA, ATTENDEES) \
                and (owner := _handed_to(text, texts[block.section + 1 : index], ctx)) \
                is not None:
            handed_to = (owner, block.level if block.kind == ITEM else -1)
            continue
        links.extend(github_links(text))
        links.extend(bare_urls(text))
        if block.kind == HEADING:
            heading = one_line(text).strip(" #!:*")
            section_heading = heading
            if heading and _SECTION_KINDS[1][1].search(heading) is None \
                    and _SECTION_KINDS[2][1].search(heading) is None \
                    and heading.lower() not in _NOT_TOPICS:
                topics.append(heading)
            if kind == NEXT:  # "### Next Steering Meeting 2024-03-19": over what follows it
                candidates.extend(
                    replace(c, strength=4) if c.mention and c.mention.date > note.date else c
                    for c in _call_candidates(text, block.line, note.date, heading=True))
            continue
        if kind == ATTENDEES or ((":" in text or "\n" in text) and _ATTENDEES.match(text)) \
                or (":" in text and len(_INVITE_LINE.findall(text)) >= 2):
            continue
        if kind == AGENDA and not (block.kind == ITEM and _AGENDA_NOTE.match(text)):
            if block.kind == ITEM:
                agenda.append(one_line(text))
            if block.kind != ITEM or block.level == 0:
                continue
            # a running agenda's notes under its items ("  - AI: MarenS to update the KIP"):
            # read as the discussion they are
        if not has_agenda_section and plain_text and block.kind == ITEM \
                and block.section == -1 and index <= first_attendee_line:
            agenda.append(one_line(text))
            continue
        if kind == NEXT and not _SIGNED_OFF.match(text):
            candidates.extend(_call_candidates(text, block.line, note.date, heading=True))
        if kind == PREVIOUS:
            continue
        if block.kind == ROW:
            if kind != NEXT and _NEXT_CUE.search(text):  # "| Next meeting | 2025-03-04 |"
                candidates.extend(_call_candidates(text, block.line, note.date, heading=False))
            notes = _table_row(block, text, kind, ctx, decisions, actions)
            if not notes:
                continue
            text = notes  # a discussion table's notes: read as the prose they are
        if kind == DECISIONS and block.kind == ITEM:
            # (not "Approve the minutes of 1 June", nor "Second gateway: not decided")
            item = one_line(_strip_marker(text))
            if (owned := _OWNER_LEAD.match(item)) and ctx.owners(owned["who"]) and (
                    follow := _clause_actions(item, block.line, ctx, lambda: None, "", None)):
                actions.extend(follow)  # "LBT will add conformance tests …": a task, listed
                continue  # with what was resolved
            if not _PROCEDURAL.match(item) and not _UNSETTLED.search(item) \
                    and not _NOT_RESOLVED_ITEM.search(item):
                decisions.append(Decision(_without_follow_up(item, block.line, ctx, actions),
                                          block.line, "section"))
            continue
        if block.kind == ITEM and (block.ticked or _reports_done(text)) \
                and not (block.ticked and _SETTLED_LEAD.match(text)):
            continue  # "- [x] …", "- Tomasz: ask the PMC … Status: done": finished, not news
        if block.kind == ITEM and text[:2] == "→ " and kind != ACTIONS \
                and ((arrow := _item_action(text[2:], block.line, ctx, "arrow")).owner
                     or _NOBODY_LEAD.match(text[2:])):
            actions.append(arrow)  # "→ Renata: set up a call", in any section: a task
            continue
        if kind == ACTIONS and block.kind == ITEM:
            # MeetBot's "Action items, by person" lists each owner ("* bertil") over their tasks
            if "(" in text[:40] and (marked := _ACTION_MARKER.match(text)) and marked["mwho"]:
                actions.extend(_marker_actions(marked, block.line, ctx))  # "AI(AL): send …"
            elif not _is_owner_label(text, ctx):
                action = _item_action(text.removeprefix("→ "), block.line, ctx, "section")
                if action.owner is None and (person := (handed_to and handed_to[0])
                                             or speaker_section()):  # "### Dmitri" …
                    action = replace(action, owner=person)
                if not _REPLY_ONLY.fullmatch(action.task) and not _ASIDE_LINE.match(text) \
                        and not _WHEN_STATEMENT.match(text):
                    actions.append(action)  # (not "Sprint 15 runs to 28 May.", a disclaimer)
            continue
        if (plan := _TODAY.match(text)) and (speaker := speaker_section()):
            actions.extend(_plan_actions(plan.group("plan"), speaker, block.line))
            continue
        if block.kind == ITEM and (m := _ITEM_BRACKET.match(text)) \
                and (text[m.end("who") + 1:].lstrip()[:1] == ":"
                     or m.group("task").split(" ", 1)[0].lower() in _TASK_VERBS) \
                and (owner := ctx.owners(m.group("who"))):
            # "- [Dana]: plant stall", "- [Dana] book the room"; not a running doc's "- [Carlos]
            # worried about …", which says who spoke
            actions.append(Action(owner, _tidy_task(m.group("task")), block.line,
                                  m.group("who"), "bracket-item"))
            continue
        if block.kind == ITEM and (m := _ITEM_COLON.match(text)) \
                and m.group("task").split(" ", 1)[0].lower() in _TASK_VERBS \
                and (owner := ctx.owners(m.group("who"))):
            # "☐ Tom – ring the agency on Monday", "- Bex: book the flights", in any section: a
            # name, then a verb telling it what to do, is a task, not Tom saying something
            actions.append(Action(owner, _tidy_task(m.group("task")), block.line,
                                  m.group("who"), "named-item"))
            continue
        if block.kind == ITEM and (present := _present_task(text, block.line, ctx)):
            item_sentences = sentences(text, block.line)
            if len(item_sentences) == 1:
                actions.append(present)  # "- BjarneH merges governance#58 and announces it"
                continue
            # an item that says more: its first sentence's task, then the item read sentence
            # by sentence, below ("- Jonas moves to Montréal …. We agreed to move this meeting")
            if first := _present_task(item_sentences[0][0], block.line, ctx):
                actions.append(first)
        if block.kind == ITEM and text[:1] in "@[" and (m := _HANDLE_VERB_ITEM.match(text)) \
                and m.group("verb").lower() in _TASK_VERBS:  # "- [ ] @yhaddad look at #1873"
            actions.append(Action(ctx.handle_owner(m.group("who")), _tidy_task(m.group("task")),
                                  block.line, "@" + m.group("who"), "handle-item"))
            continue
        found, found_decisions = len(actions), len(decisions)
        ctx.paragraph, ctx.motion = text, ""
        opening = ""  # the turn before, for "I'll fix that one" in the next
        for turn_block, turn in _turns(block, text, ctx):
            opening = _sentence_rules(turn_block, turn, kind, ctx, decisions, actions,
                                      candidates, opening)
        if block.kind == PARA and index + 1 < len(blocks) and blocks[index + 1].kind == ITEM \
                and (lead := _decision_lead(text)):
            # "**Consensus on the call** (…):", "We agreed on the following:" says what the
            # items after it are
            if len(decisions) > found_decisions and decisions[-1].text.endswith(lead[-12:]):
                decisions.pop()
            agreed_list = True
        if len(actions) > found or len(decisions) > found_decisions:
            actions[found:] = [part for action in actions[found:]
                               for part in _each_owners_part(action, ctx)]
            topic = _topic(index, blocks, texts, parents[index])
            referents = [ctx.referents.get(id(a)) for a in actions[found:]]
            said = [ctx.referents.get(id(d)) for d in decisions[found_decisions:]]
            sibling = _sibling_text(index, blocks, texts) if "" in referents + said else ""
            referents = [_earlier_mention(a, ctx) or r for a, r in
                         zip(actions[found:], referents, strict=True)]
            actions[found:] = [_with_referent(a, sibling if r == "" else r or "", topic)
                               for a, r in zip(actions[found:], referents, strict=True)]
            decisions[found_decisions:] = [
                _with_decision_referent(d, sibling if r == "" else r or "", topic)
                for d, r in zip(decisions[found_decisions:], said, strict=True)]
            ctx.referents.clear()

    actions = [_with_partner(a, ctx) if a.owner and (" with " in a.task or " as well" in a.task
                                                     or " too" in a.task) else a
               for a in actions]
    warnings.extend(_title_date_warnings(note))
    next_call = _choose_call(_front_matter_call(note) + candidates, note.date, warnings)
    if next_call and "month" in next_call.text:
        next_call = _on_monthly_day(next_call, note)
    return Extraction(
        attendees=attendees,
        agenda=tuple(agenda),
        topics=tuple(topics),
        decisions=tuple(_dedupe_decisions([d for d in _before_markers(
                                           _with_options(_without_recap(decisions, blocks,
                                                                        texts), note))
                                           if not _says_nothing(d.text)
                                           and not _ASSENT.match(d.text)
                                           and not (("for" in d.text or "arried" in d.text
                                                     or "otion" in d.text)
                                                    and _lost_vote(d.text))])),
        actions=tuple(_dedupe_actions([
            a for a in actions if not _says_nothing(a.task) and not _PARKED.match(a.task)
            and not (("arried" in a.task or a.task[:1] == "[") and _CARRIED.search(a.task))
            and not _is_question(a)])),
        next_call=next_call,
        links=tuple(_dedupe_links(links)),
        warnings=tuple(warnings),
    )


# a closing table or list of what the meeting resolved, each already recorded where it was
# moved: "SUMMARY OF RESOLUTIONS", "Decisions summary"
_RECAP_HEADING = re.compile(r"^\W*(?:summary\s+of\s+(?:the\s+)?(?:resolutions|decisions|motions)"
                            r"|(?:resolutions|decisions|motions)\s+summary)\W*$", re.I)


def _without_recap(decisions: list[Decision], blocks: list[Block],
                   texts: list[str]) -> list[Decision]:
    """The decisions without those of a closing summary of them, when the meeting's own
    record came first (a summary that is the only record of them stays)."""
    for index, block in enumerate(blocks):
        if block.kind == HEADING and _RECAP_HEADING.match(texts[index]) \
                and any(d.line is not None and d.line < block.line for d in decisions):
            end = next((b.line for b in blocks[index + 1:]
                        if b.kind == HEADING and b.level <= block.level), None)
            decisions = [d for d in decisions if d.line is None or d.line < block.line
                         or (end is not None and d.line >= end)]
    return decisions


# that nobody objected, said of the decision a marker records next
_NOBODY_OBJECTED = re.compile(r"\bno\s+objections?\b|\b(?:nobody|no\s+one)\s+objected\b", re.I)


def _before_markers(decisions: list[Decision]) -> list[Decision]:
    """Without "Short discussion; no objections to moving them." when the next line is the
    decision's marker ("Decision: nominations open on 23 September"), which says what."""
    return [d for d, after in itertools.zip_longest(decisions, decisions[1:])
            if not (after is not None and d.rule == "cue" and after.rule == "marker"
                    and d.line is not None and after.line is not None
                    and 0 < after.line - d.line <= 2 and _NOBODY_OBJECTED.search(d.text))]


# a task nobody took, left where it was: "I'll leave it on the board", "keep it in the doc" (but
# "I'll put it on the board as up for grabs" posts it: a task)
_PARKED = re.compile(r"(?:leave|keep)\s+(?:it|that|this|them)\s+(?:on|in)\s+(?:the\s+)?"
                     r"(?:board|list|doc|backlog|parking\s+lot|wish\s*list)\b(?!['’])", re.I)
# a task the list marks as carried from an earlier meeting: old news, not a new action
# ("@raj — WAL replay profiling (carried from 29 June)", "Damp figures (carried)", a W3C
# tracker's "[OPEN] ACTION-43: …" beside this call's "[NEW] ACTION: …")
_CARRIED = re.compile(r"\(\s*carried(?:\s+(?:over|forward))?(?:\s+from\b[^)]*)?\s*\)"
                      r"|^\W*\[(?:open|carried|continued|ongoing)\]", re.I)


def _decision_lead(text: str) -> str | None:
    """The clause ending `text` with a colon when it says that what follows was settled."""
    tail = text.rstrip()
    if tail[-1:] != ":" or tail[-2:] == "::":
        return None
    clause = re.split(r"[.:\n]", tail[:-1])[-1] + ":"
    return clause if _DECISION_LEAD.search(clause) else None


def _this_meetings_blocks(blocks: list[Block], meeting: date) -> tuple[
        list[Block], list[_CallCandidate]]:
    """A running document ("newest meeting at the top": a heading per meeting, named by its
    date) read as the meeting of `meeting` alone: the blocks before the first dated heading
    and those under the meeting's own heading. The first dated heading after the meeting is
    the next call (its block is the agenda being gathered for it)."""
    maybe = [i for i, b in enumerate(blocks) if b.kind == HEADING and len(b.text) <= 60
             and any(c.isdigit() for c in b.text)]
    if len(maybe) < 2:
        return blocks, []  # (most notes: no dates are read from their headings at all)
    dated = [(i, when) for i in maybe if (when := _heading_date(blocks[i].text, meeting))]
    # (the meetings' headings are those at the level of the meeting's own: not a bold "2. Open
    # AIs from 2019-07-02" inside it)
    own_levels = {blocks[i].level for i, m in dated if m.date == meeting}
    if len(own_levels) != 1:
        return blocks, []
    own = next(i for i, m in dated if m.date == meeting)
    # (and under the same heading as the meeting's: a slide deck's "# Next group meeting" /
    # "## 16 March" is the next call, not another meeting of a running document)
    parent = _parent_heading(blocks, own)
    dated = [(i, m) for i, m in dated
             if blocks[i].level in own_levels and _parent_heading(blocks, i) == parent]
    if len(dated) < 2:
        return blocks, []
    level = blocks[dated[0][0]].level
    end = next((i for i, b in enumerate(blocks) if i > own and b.kind == HEADING
                and b.level <= level), len(blocks))
    kept = [i for i in range(len(blocks)) if i < dated[0][0] or own <= i < end]
    renumbered = {old: new for new, old in enumerate(kept)}
    for i in kept:
        blocks[i].section = renumbered.get(blocks[i].section, -1)
    later = [(m.date, i, m) for i, m in dated if m.date > meeting]
    upcoming = []
    if later:
        _, index, mention = min(later)
        upcoming.append(_CallCandidate(2, mention, one_line(blocks[index].text),
                                       blocks[index].line))
    return [blocks[i] for i in kept], upcoming


def _parent_heading(blocks: list[Block], index: int) -> int:
    """The heading above the heading at `index` (the nearest before it of a higher level; a
    rule between does not end it), or -1."""
    level = blocks[index].level
    return next((i for i in range(index - 1, -1, -1)
                 if blocks[i].kind == HEADING and blocks[i].level < level), -1)


def _heading_date(heading: str, meeting: date) -> DateMention | None:
    """The date a heading is named by ("Oct 5, 2023", "2023-10-05 meeting"), if it says
    little else."""
    text = one_line(heading).strip(" #*")
    mentions = [m for m in find_dates(text, meeting) if m.kind in ("absolute", "day-month")]
    if len(mentions) != 1:
        return None
    rest = text[: mentions[0].start] + text[mentions[0].end:]
    return mentions[0] if len(re.findall(r"[^\W\d_]+", rest)) <= 3 else None


def _offices(attendees: Sequence[Person]) -> list[str]:
    """The offices the attendee list names a holder for: "Mary Mwangi - Treasurer", the chair."""
    held = [a.lower() for p in attendees for a in p.aliases if a.lower() in ROLES]
    if any(p.chair for p in attendees):
        held.extend(_CHAIR_OFFICES)
    return sorted(set(held), key=len, reverse=True)  # "chairlady" before "chair"


# what the title calls the meeting: "CAB meeting 2015-06-09", "Board call", "Infra sync"
_MEETING_NAME = re.compile(r"\b(?!(?:The|This|Our|An?|Last|Next)\b)(?P<name>[A-Z][\w-]{1,20})"
                           r"[ \t]+(?:meeting|call|sync|session)\b")


def _next_by_its_name(body: str, title: str) -> str:
    """ "Next CAB 23/Jun" in the minutes of a "CAB meeting" as "Next CAB meeting …", the words
    the rules know."""
    names = {m["name"] for m in _MEETING_NAME.finditer(title)}
    if not names:
        return body
    return re.sub(rf"\b([Nn]ext|NEXT)[ \t]+({'|'.join(map(re.escape, sorted(names)))})\b"
                  r"(?![ \t]+(?:meeting|call|sync|session))", r"\1 \2 meeting", body)


def _normalised(body: str, plain_text: bool) -> tuple[str, list[int] | None]:
    """The note's own conventions rewritten, one step each, into the forms the rules read:
    chat exports as transcript turns, code and quoting removed, a spreadsheet paste as tables,
    plain-text numbered points as headings, arrows and tags as tasks. With the lines of the
    original each line came from, when a step changed how many there are."""
    if "Speaker " in body and (names := dict(_SPEAKER_LEGEND.findall(body)) | {
            m["n"]: _QUOTED_NICKNAME.sub("", m["name"])
            for m in _SPEAKER_KEY_LINE.finditer(body)}):
        # an auto-transcript's "Speaker 2:" under the host's "Speaker 2 = Bogdan"; a key's
        # lines name the whole person, and become the list of who was there
        body = _SPEAKER_KEY_LINE.sub(_speaker_key_as_attendee, body)
        body = _SPEAKER_NUMBER.sub(
            lambda m: (m["lead"] or "") + names[n] if (n := m["n"] or m["n2"]) in names else m[0],
            body)
    line_of: list[int] | None = None  # the lines of the note each line came from, if moved
    if plain_text and ("||" in body or "[~" in body or "{panel" in body) and looks_like_jira(body):
        body, line_of = jira_to_text(body)  # a Jira issue's minutes, in its wiki markup
    if "[/" in body and looks_like_bbcode(body):  # a forum thread's posts, in BBCode
        body = bbcode_to_text(body)
    if " commented " in body and _COMMENT_HEADER.search(body):  # a GitHub issue's thread
        body = _comments_as_turns(body)
    if plain_text and "/" in body and _WHATSAPP_LINE.search(body):  # a .txt chat export
        body = _CHAT_QUOTE_REPLY.sub(r"\g<who>: ", _CHAT_EVENT.sub("", body))
        body = _WHATSAPP_LINE.sub("", body)
    if " — " in body and _DISCORD_HINT.search(body):  # a Discord channel copied out
        body = _DISCORD_MESSAGE.sub(_discord_message_as_turns, body)
    if ", [" in body and _TELEGRAM_HEADER.search(body):  # a Telegram chat copied out
        body = _TELEGRAM_MESSAGE.sub(_discord_message_as_turns, body)
    if "🔁" in body or "· Unlisted" in body or "· Public" in body:
        # a thread of fediverse posts: each post's author, date and reaction counts go
        body = _POST_COUNTS.sub("", _POST_NUMBER.sub("", _POST_HEADER.sub("\n", body)))
    if "@" in body and _MATRIX_LINE.search(body):
        body = _MATRIX_LINE.sub(r"\g<lead><\g<nick>> ", body)
    if "<@" in body:  # a Matrix ID as the IRC line's nick: "<@kai:lumenpath.example> ok I'll …"
        body = _MATRIX_NICK.sub(r"\g<lead>\g<nick>>", body)
    if "#endmeeting" in body:
        body = _before_end_of_meeting(body)
    if "```" in body or "~~~" in body:
        body = _FENCED_CODE.sub(_code_as_blank_lines, body)
    if plain_text and body.count("\t") >= 6 and _TSV_ROW.search(body):
        body, pasted = tsv_to_markdown(body)  # a spreadsheet paste
        line_of = pasted if line_of is None else [line_of[at] for at in pasted]
    if "h1. " in body or "h2. " in body or "h3. " in body:  # Textile (Redmine's wiki)
        body = _TEXTILE_HEADING.sub(lambda m: "#" * int(m["level"]) + " ", body)
    if plain_text and _NUMBERED_TITLE.search(body):
        body = _NUMBERED_TITLE.sub(r"## \g<label>\n", body)
    if ":" in body and len(_CLOCK_LEAD.findall(body)) >= 3:
        # a scribe's timed log, "14:20 AP-3 — @tbui: update section 7": the time goes
        body = _CLOCK_LEAD.sub("", body)
    if "\\\n" in body:  # a hard line break, markdown's "\" or DokuWiki's "\\", ends a line
        body = _LINE_BREAK.sub("", body)
    if plain_text and ("=" in body or "--" in body) and _RULED_TITLE.search(body):
        body = _RULED_TITLE.sub(_as_heading, body)
    if plain_text and _NUMBERED_CAPS_TITLE.search(body):
        body = _NUMBERED_CAPS_TITLE.sub(r"## \g<label>\n", body)
    if "\n>" in body or body[:1] == ">":
        if _EARLIER_QUOTED.search(body):
            body = _EARLIER_QUOTED.sub(_quote_as_blank_lines, body)
        body = _QUOTED.sub("", body)
    if "→" in body or "->" in body or "⇒" in body:
        body = _ARROW_LINE.sub(r"\g<indent>- → ", body)
    if "[A " in body or "<todo" in body:  # "- [A dario] write …", DokuWiki's "<todo @mk>…</todo>"
        body = _TODO_TAG.sub(_as_todo, _ACTION_TAG.sub(r"\g<lead>TODO(\g<who>): ", body))
    if plain_text and "  -" in body and _NICK_DASH_TASKS.search(body):
        body = _NICK_DASH_TASK.sub(r"\g<indent>- \g<who>: \g<task>", body)
    if plain_text and "   " in body and _ID_NAME_TASK.search(body):
        body = _ID_NAME_TASK.sub(r"\g<indent>- \g<who>: \g<task>", body)
    if "esolution," in body:  # "RESOLVED, as a special resolution, THAT …": the kind goes
        body = _RESOLUTION_KIND.sub(r"\1 \2", body)
    if plain_text and len(footers := _PAGE_FOOTER.findall(body)) >= 2:
        body = _without_page_furniture(body, footers)  # text taken out of a PDF
    if "ﬁ" in body or "ﬂ" in body or "ﬀ" in body or "ﬃ" in body or "ﬄ" in body:
        body = body.translate(_LIGATURES)
    if plain_text and "   " in body:
        body = _COLUMN_ROWS.sub(_column_rows_as_items, body)
        if len(_TIMED_TOPIC.findall(body)) >= 2:  # "15 minutes    Laptop trolleys    D. Pryce"
            body = _TIMED_TOPIC.sub(_timed_topic_as_heading, body)
        if len(_LABEL_COLUMN.findall(body)) >= 3:  # "Conclusions         The group …"
            body = _LABEL_COLUMN.sub(r"\g<label>: \g<text>", body)
    if "] " in body and _NOTE_TAG.search(body):  # OneNote's "[To Do] Dana to send …"
        body = _NOTE_TAG.sub(_tag_as_item, body)
    return body, line_of


# MeetBot's "(nadiak, 16:09:55)" after each summary line: who typed it, not part of it
_ATTRIBUTION = re.compile(rf"\s*\((?:[\w.@|-]+,\s*)?{_CLOCK}\)\s*$")


def _without_attribution(text: str) -> str:
    return _ATTRIBUTION.sub("", text) if text.endswith(")") else text


# a header's "Date:" line: "**Date:** Tue 23 Jan 2024", "Meeting date: 5 March"
_DATE_LINE = re.compile(r"(?im)^\W{0,4}(?P<label>date|meeting\s+date|when)\W{0,4}:\W*"
                        r"(?P<when>[^\n]*\d[^\n]*)$")


def _title_date_warnings(note: Note) -> list[str]:
    """A title or a "Date:" line whose date is not the note's ("Wednesday 7 December" on a note
    filed as the 6th; a header left from last meeting's page), or whose weekday is wrong: the
    note's date stands, the reader is told."""
    out: list[str] = []
    if (given := front_matter_date(note.front_matter)) and given != note.date:
        out.append(f"the front matter says {given.isoformat()} but the file name and the note "
                   f"say {note.date.isoformat()}; kept {note.date.isoformat()}")
    if (header := _DATE_LINE.search(note.body[:600])) \
            and header["when"].strip(" *_") not in (note.title or ""):  # (the title warns below)
        out.extend(f"the {header['label'].lower()} line says {header['when'][m.start:m.end]!r} "
                   f"but the note is dated {note.date.isoformat()}; kept {note.date.isoformat()}"
                   for m in find_dates(header["when"], note.date)[:1]
                   if m.kind == "absolute" and m.date != note.date)
    if not note.title or not any(c.isdigit() for c in note.title):
        return out
    for m in find_dates(note.title, note.date):
        if m.kind != "absolute":
            continue
        if m.date != note.date:
            out.append(f"the title says {note.title[m.start:m.end]!r} but the note is dated "
                       f"{note.date.isoformat()}; kept {note.date.isoformat()}")
        elif m.conflict:
            out.append(f"the title says {m.conflict} but {m.date.isoformat()} is a "
                       f"{m.date.strftime('%A')}; kept the date")
    return out


# an item that reports a task as finished: "… — **done**", "(done)", "[DONE] ACTION: …"
# or struck through: "~~@zhou set up the bot~~ merged"
_DONE = re.compile(r"[—–(-]\W{0,3}(?:done|completed|finished|dropped)\b"
                   r"|^\W{0,3}\[(?:DONE|DROPPED)\]|^~~"
                   r"|\bstatus:\s*(?:done|completed|finished|closed)\b"
                   # "so that follow-up is already done"
                   r"|\b(?:is|are|was|were)\s+already\s+(?:done|finished|merged|closed)\b", re.I)
_DONE_NEEDS = required_words(_DONE)


def _reports_done(text: str) -> bool:
    """Whether _DONE is in `text`, not searched for in the many items without its words."""
    seen = folded(text, text.lower())
    return any(word in seen for word in _DONE_NEEDS) and _DONE.search(text) is not None


def _is_owner_label(text: str, ctx: _Ctx) -> bool:
    """A list item that is only a person's name, or UNASSIGNED, over their tasks (a nick, or
    the full name a roll call gave it: MeetBot's "* jkerr" reads "* Jamie Kerr")."""
    name = text.strip(" *_:")
    return name.upper() == "UNASSIGNED" or (
        (" " not in name or any(p.name == name for p in ctx.attendees))
        and ctx.roster.known(name))


def _first_attendee_line(blocks: list[Block]) -> int:
    """The index of the first attendee paragraph (a plain-text note's implicit agenda, its
    top-level items, ends there), or -1: without one, items are not read as an agenda."""
    return next((i for i, b in enumerate(blocks)
                 if b.kind == PARA and (_ATTENDEES.match(b.text.lstrip("*_ "))
                                        or _ATTENDEES_INSIDE.search(b.text))), -1)


# a stand-up's plan for the day under a person's heading: "**Today:** review #2231; then write
# the release notes" (not "Yesterday:", "Blockers:")
_TODAY = re.compile(r"^\W{0,4}(?:today|plan(?:s|ned)?(?:\s+for\s+today)?|next|to\s*-?\s*do"
                    r"|will\s+do)\W{0,4}:\W{0,3}(?P<plan>\S.*)$", re.I | re.S)
# clauses of a plan that carry on with work already under way, which is status, not a new task
_CARRYING_ON = re.compile(r"^(?:continue|keep|still|more|carry\s+on|finish(?:ing)?\s+up)\b", re.I)


# a line that hands the list under it to someone: "For Priya:", "Asked of the author:",
# "Actions for Tomasz:", "Bram's to-dos:", "Over to @lena:", "Sam to:"
_TASKS_FOR = re.compile(
    r"^\W{0,3}(?:(?:for|asked\s+of|asks?\s+(?:of|for)|over\s+to"
    r"|(?:actions?|action\s+items?|tasks?|to-?\s?dos?|next\s+steps?|follow[- ]?ups?)\s+for)"
    r"\s+(?P<who>[^:\n]{2,40}?)"
    r"|(?P<whose>[^:\n]{2,40}?)(?:['’]s\s+(?:actions?|action\s+items?|tasks?|to-?\s?dos?"
    r"|next\s+steps?)|\s+to(?:\s+do)?))\W{0,3}:$", re.I)
# whom a request may be put to without a name: "Asked of the author:"
_ROLE_HOLDER = re.compile(
    r"\b(?:author|presenter|proposer|champion|(?:submitted|proposed|presented|written)\s+by)"
    rf"\W{{0,4}}(?:[:|]|\bis\b)?[ \t*_|]*(?P<who>{_NAME}(?:[ \t]+{_NAME})?)", re.I)
_ASKED_ROLES = frozenset({"author", "authors", "editor", "editors", "submitter", "proposer",
                          "presenter", "presenters", "maintainers", "reporter"})


_NAME_LIST = re.compile(r"\s*(?:,|&|\+|\band\b)\s*")  # "Rui, Ana and Lee", "mhalloran & nadiak"


def _handed_to(text: str, section: list[str], ctx: _Ctx) -> str | None:
    """Whom a label line hands the list under it to: an attendee's full name (or several), ""
    for a role nobody in the note holds ("the author"), None when it is no such label ("For
    reference:"). A role is the person its `section` so far names for it ("| Presenter | Léa
    Fontaine |")."""
    if len(text) > 60 or not (m := _TASKS_FOR.match(text.strip(" *_"))):
        return None
    who = (m["who"] or m["whose"]).strip(" *_")
    if who.lower().removeprefix("the ") in _ASKED_ROLES:
        held = [found for t in section for h in _ROLE_HOLDER.finditer(t)
                if (found := ctx.roster.match(h["who"]))]
        return held[-1] if held else ctx.owners(who) or ""
    parts = _NAME_LIST.split(who)
    if not all(ctx.roster.known(part) or (part[:1] == "@" and ctx.roster.match_handle(part[1:]))
               or (_is_chair_word(part) and ctx.chairs) for part in parts):
        return None
    return ctx.owners(who.replace("@", ""))


def _heading_person(heading: str, ctx: _Ctx) -> str | None:
    """The attendee a short heading names ("Leilani", "Svetlana (@sveta)"), else None."""
    name = _PAREN_REMARK.sub("", heading).strip()
    if not name or len(name.split()) > 3:
        return None
    # (or someone away whose full name the note gives: "**Sofía** (async, PTO)")
    full = ctx.roster.resolve(name)
    return full if ctx.roster.known(name) or _fuller(name, full) else None


def _fuller(name: str, full: str) -> bool:
    """Whether `full` is `name` with more after it ("Sofía" → "Sofía Navarro"; not "Mags" →
    "Shadow Mags", a task's first words)."""
    return len(full) > len(name) and full.startswith(name + " ")


_PAREN_REMARK = re.compile(r"\s*\([^()]*\)")


# where a plan's clauses part: "…; then …", "…, then …", "…, and …", and its sentences
_PLAN_CLAUSES = re.compile(
    rf";\s*(?:then\s+)?|,?\s+then\s+|,\s+and\s+(?:also\s+)?(?=[a-z])|(?<=[.!?])\s+(?=[{UPPER}])")
# what a clause may say before its task: "Then", "once all 40 pass, I'll also"
_PLAN_LEAD = re.compile(r"^(?:then\s+)?(?:(?:once|when|after|as\s+soon\s+as)\s[^,]{1,60}?"
                        r"(?:,\s*|\s+(?=I['’]ll\s|I\s+will\s)))?"
                        r"(?:(?:I['’]ll|I\s+will|I['’]m\s+going\s+to|going\s+to)\s+(?:also\s+)?)?",
                        re.I)
# words that open a clause about a state, not a task: "on call from 12:00", "both incidents are
# already written up", "they're mostly the 3DS flows", "the alert thresholds with Neha"
_NOT_PLAN_OPENERS = frozenset("""on off in at with the a an both all mostly nothing no none
    they're it's that's we're i'm still back away""".split())  # noqa: SIM905


def _plan_actions(plan: str, owner: str, line: int) -> list[Action]:
    """'address review comments on #2231; then write the release notes' → one task each."""
    found = []
    for clause in _PLAN_CLAUSES.split(one_line(plan)):
        task = _tidy_task(_PLAN_LEAD.sub("", clause, count=1))
        first = task.split(" ", 1)[0]
        # a task starts with its verb: not "dashboards for the test", "1:1s", "sleep"
        if " " in task and first[:1].islower() and first.lower() not in _NOT_PLAN_OPENERS \
                and not (first.endswith("s") and not first.endswith("ss")) \
                and not _CARRYING_ON.match(task) and not _says_nothing(task):
            found.append(Action(owner, task, line, owner, "plan", context=one_line(plan)))
    return found


def _strip_site_chrome(note: Note) -> tuple[str, int]:
    """Plain text copied from a web page: drop the lines up to the title line, when they are
    a site's chrome (a logo's name, a menu) and not the note's own text."""
    if note.format != "text" or not note.title:
        return note.body, note.body_line
    lines = note.body.split("\n")
    for i, line in enumerate(lines[:20]):
        if line.strip() != note.title:
            if len(line) > 60 or PROSE.search(line):
                break
            continue
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or lines[j].strip().startswith("By ")):
            j += 1
            if j - i > 3:
                break
        return "\n".join(lines[j:]), note.body_line + j
    return note.body, note.body_line



# notes in other markup, by file suffix (HTML is a format of its own: parse reads its title)
_AS_MARKDOWN: dict[str, Callable[[str], str]] = {
    ".org": org_to_text, ".tex": tex_to_text, ".adoc": adoc_to_text, ".asciidoc": adoc_to_text}
# who an auto-transcript's numbered speakers are: "Speaker 1 = Ilse", "Speaker 4 is Tevita"
# a comment's header in an issue or discussion thread: "**adeyemi** commented on Aug 29, 2023"
_COMMENT_HEADER = re.compile(r"(?m)^[ \t]*\*\*@?(?P<who>[\w.-]{2,39})\*\*[ \t]+commented\b[^\n]*$")
_PROMISE = re.compile(r"\bI(?:['’]ll|\s+will|\s+can|['’]m\s+going\s+to)\b"
                      # or asks someone, or says yes to the asking: "@bram-dev, could you …?",
                      # "@lucia-fp sure, will do."
                      r"|(?i:@[\w.-]+,\s+(?:could|can|would|will)\s+you\b"
                      r"|\A\W*@[\w.-]+,?\s+(?:yes|yeah|yep|sure|will\s+do|on\s+it|ok(?:ay)?)\b)")
_PARAGRAPH_START = re.compile(r"\A(?=[ \t]*(?!\d{1,3}[.)]\s)[^\s>#|*-])")


def _comments_as_turns(body: str) -> str:
    """Each comment's paragraphs said by its author ("adeyemi: I'll take the codemod …"), as a
    transcript's turns are, up to the next comment or rule."""
    out, at = [], 0
    headers = list(_COMMENT_HEADER.finditer(body))
    for i, header in enumerate(headers):
        end = headers[i + 1].start() if i + 1 < len(headers) else len(body)
        if (rule := body.find("\n---", header.end(), end)) >= 0:
            end = rule
        out.append(body[at:header.end()])
        # (only a paragraph that promises, for whom "I" is, or asks: the others keep their
        # form)
        out.append("\n\n".join(_PARAGRAPH_START.sub(f"{header['who']}: ", part, count=1)
                               if _PROMISE.search(part) else part
                               for part in body[header.end():end].split("\n\n")))
        at = end
    out.append(body[at:])
    return "".join(out)


# a transcript's key on lines of their own: "Speaker 1 - Marisol Quintero, program coordinator
# (chairs the call)", "Speaker 5 – Frances "Fran" Delacroix": the whole name, and what follows it
_SPEAKER_KEY_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[-*•][ \t]+)?Speaker[ \t]+(?P<n>\d{{1,2}})[ \t]*(?:[-–—=]|is\b)[ \t]*"
    rf"(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+(?:\"[^\"\n]{{1,20}}\"|“[^”\n]{{1,20}}”"
    rf"|[{UPPER}][\w'’.-]*|(?:de|da|van|von|der|del|di|du|dos|le|la|bin|al)\b)){{0,4}})"
    rf"(?P<rest>[^\n]*)$")
_QUOTED_NICKNAME = re.compile(r"[ \t]+(?:\"[^\"\n]*\"|“[^”\n]*”)")
_SPEAKER_LEGEND = re.compile(  # (also 'and "Speaker 2"\nis Kofi', said of a pasted recap)
    rf"\bSpeaker[ \t]+(\d{{1,2}})[\"”]?[\s>]*(?:=|is\b)[ \t]*([{UPPER}][\w'’-]+)")
# where a numbered speaker is named: over a turn ("Speaker 2: …") or as a sentence's subject in a
# recap ("Speaker 2 will measure the door")
_SPEAKER_NUMBER = re.compile(
    r"(?m)^(?P<lead>[ \t]*(?:\[[\d:.]+\][ \t]*)?)Speaker[ \t]+(?P<n>\d{1,2})(?=[ \t]*:)"
    r"|\bSpeaker[ \t]+(?P<n2>\d{1,2})(?=[ \t]+(?!is\b)[a-z])")
# a WhatsApp export's date and time before each message ("24/02/2026, 19:28 - Dave Pemberton:
# …", "[24/02/2026, 19:28:05] Dave: …"): what is left is a transcript's "Name: …" turn
_WHATSAPP_LINE = re.compile(
    r"(?m)^\[?\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[APap]\.?[Mm]\.?)?\]?"
    r"[ \t]*(?:-[ \t]*)?(?=[^:\n]{1,40}:[ \t])")
# a saved chat's events ("[16/05/2012 10:15:03] *** Deepak Rao has joined ***"), and a reply
# quoting the message it answers (Skype's "Carys: [16/05/2012 10:05:33] Tom: can someone …?\n\n
# <<< I'll do them"): the reply is the turn
_CHAT_EVENT = re.compile(r"(?m)^\[[^\]\n]{8,30}\][ \t]*\*\*\*[^\n]*\*\*\*[ \t]*$")
_CHAT_QUOTE_REPLY = re.compile(r"(?m)^(?P<lead>\[[^\]\n]{8,30}\][ \t]*)(?P<who>[^:\n]{1,40}):[ \t]+"
                               r"\[[^\]\n]{8,30}\][^\n]*\n(?:[ \t]*\n)?<<<[ \t]*")
# a Discord message copied out of the channel: "Priya Chandrasekaran (pres) — 11/10/2026 7:10
# PM" (or "— Today at 7:10 PM") over its lines, up to a blank line
_DISCORD_HEADER = re.compile(
    r"(?m)^(?P<who>[^\s—:][^\n—:]{0,58}?)[ \t]+—[ \t]+"
    r"(?:\d{1,2}/\d{1,2}/\d{2,4},?|(?:Today|Yesterday)[ \t]+at)"
    r"[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*$")
_DISCORD_HINT = re.compile(r" — (?:\d{1,2}/\d{1,2}/\d{2,4}|Today at|Yesterday at)")
_DISCORD_MESSAGE = re.compile(_DISCORD_HEADER.pattern + r"\n(?P<said>(?:[ \t]*\S[^\n]*(?:\n|\Z))*)")
# a Telegram Desktop message copied out: "Oksana Melnyk, [19.09.21 18:00]" over its lines
_TELEGRAM_HEADER = re.compile(r"(?m)^(?P<who>[^\s,\[\]][^\n,\[\]]{0,40}?),[ \t]+\[\d{1,2}\.\d{1,2}"
                              r"\.\d{2,4}[ \t]+\d{1,2}:\d{2}(?::\d{2})?\][ \t]*$")
_TELEGRAM_MESSAGE = re.compile(_TELEGRAM_HEADER.pattern
                               + r"\n(?P<said>(?:[ \t]*\S[^\n]*(?:\n|\Z))*)")
_OWN_LINE = re.compile(r"^\s*(?:\*\*[^*\n]+\*\*\s*$|[-*•]\s)")  # a bold title, a list item


def _speaker_key_as_attendee(key: re.Match[str]) -> str:
    """ "Speaker 1 - Marisol Quintero, program coordinator (chairs the call)" as an attendee's
    line: "- Marisol Quintero (program coordinator, chairs the call)"."""
    rest = key["rest"].strip(" \t,;:-–—").replace("(", "").replace(")", "")
    return f"- {key['name']} ({rest})" if rest else f"- {key['name']}"


_NAME_DECORATION = re.compile(r"[ \t]*[^\w\s.'’()-]+[ \t]*$")


def _discord_author(header: re.Match[str]) -> str:
    """A Discord message's author without the remark after the name ("(pres)")."""
    # (and the emoji after it: Telegram's "Marta 🌲")
    return _NAME_DECORATION.sub("", re.sub(r"\s*\([^()]*\)\s*$", "", header["who"])).strip()


def _discord_message_as_turns(m: re.Match[str]) -> str:
    """A Discord message as transcript turns, one per line, each under its author's name (a
    remark after it, "(pres)", dropped); its bold title, its list items, a line that wraps the
    one before, one with a speaker of its own ("Grace: we can afford it") and a list of who
    came ("here: me, @Tobi, …") are left as they are. The header line goes blank."""
    who = _discord_author(m)
    lines, before = [], ""
    for line in m["said"].split("\n"):
        kept = not line.strip() or before.rstrip().endswith(",") or _OWN_LINE.match(line) \
            or _SPEAKER.match(line) or _ATTENDEES.match(line)
        lines.append(line if kept else f"{who}: {line.strip()}")
        before = line
    return "\n" + "\n".join(lines)


# a Matrix (Element) export's line, "[16:03] @bjarne:tile.chat: text": read as the IRC line
# "[16:03] <bjarne> text", so the chat rules (speakers, roll call, #agreed) apply to it
_MATRIX_LINE = re.compile(
    r"(?m)^(?P<lead>\s{0,2}(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?)@(?P<nick>[\w.=-]{1,32})"
    r":[\w-]+(?:\.[\w-]+)+:\s+")
_MATRIX_NICK = re.compile(rf"(?m)(?P<lead>{_IRC_PREFIX[1:]})@(?P<nick>[\w.=-]{{1,32}})"
                          r":[\w-]+(?:\.[\w-]+)+>")
# a fenced code block (a notebook's cell, a pasted log): code, not what the meeting said; its
# "# TODO(bjorn): …" is neither a heading nor an action item
_FENCED_CODE = re.compile(
    r"(?ms)^[ \t]{0,3}(?P<fence>```|~~~)[^\n]*\n.*?^[ \t]{0,3}(?P=fence)[ \t]*$")
# "→ Renata: set up a call", "-> vikram: write the bot": a line an arrow starts, owner first,
# is a task ("→ We will move the batch", "-> Agreed: add …" are conclusions)
_ARROW_LINE = re.compile(
    r"(?m)^(?P<indent>[ \t]*)(?:→|⇒|->|=>)[ \t]*(?=@?\w[\w.'’ +&-]{0,39}:[ \t])"
    r"(?!(?i:agreed|decided|decision|resolved|resolution|outcome|result|conclusion|consensus"
    r"|note|status)\b)")
# a row pasted from a spreadsheet: three cells or more, tab-separated
_TSV_ROW = re.compile(r"(?m)^[^\t\n]*\t[^\t\n]*\t")
# the time a scribe's log puts before a line ("14:19 [DECISION] …"), not a time of day the
# line is about ("15:00 UTC, same channel", "7:05 pm")
_CLOCK_LEAD = re.compile(rf"(?m)^{_CLOCK}[ \t]+(?![ap]\.?m\b|UTC\b|GMT\b|[A-Z]{{2,4}}T\b|[-–—<]|\d)"
                         r"(?=\S)")
# Textile's heading, as Redmine's wiki pages write them: "h2. Next meeting"
_TEXTILE_HEADING = re.compile(r"(?m)^h(?P<level>[1-6])\.[ \t]+(?=\S)")
# a plain-text note's numbered or timed agenda point over its minutes: "1. Opening and
# welcome", "7:05 pm  Matters arising" (not a list item that wraps onto an indented line)
_NUMBERED_TITLE = re.compile(
    r"(?<=\n\n)(?P<label>(?:\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)"
    # the title may name its presenter: "1. WEATHER / SHIP  (Capt. Solheim)"
    r"[ \t]+(?:[^\s.!?;:](?:[^\n.!?;:(]|(?<=\w)\.(?=\w)|\([^()\n]{1,30}\)){1,60}?"
    # (a title in capitals may be longer: "9. SPECIAL RESOLUTION – AMENDMENT OF THE ARTICLES …")
    r"|(?-i:[^\s.!?;:a-z][^\n.!?;:a-z]{60,90}?)))[ \t]*\n"
    r"(?=[^\s\d*•-]|[ \t]+[A-Z])",
    re.I)

_LINE_BREAK = re.compile(r"(?m)[ \t]*(?<!\\)\\{1,2}[ \t]*$")
# a plain-text title between rules ("-----\n13. DATE OF NEXT MEETING\n-----"), or AsciiDoc's
# and MediaWiki's "== Next meeting" ("== Next meeting ==")
_RULED_TITLE = re.compile(
    r"(?m)^[ \t]*(?P<rule>[-=*_~#])(?P=rule){4,}[ \t]*\n[ \t]*(?P<title>[^\n]{2,80}?)[ \t]*\n"
    r"[ \t]*(?P=rule){5,}[ \t]*$"
    r"|^={1,6}[ \t]+(?P<title2>[^=\n][^\n]{0,80}?)(?:[ \t]+=+)?[ \t]*$")



def _as_heading(m: re.Match[str]) -> str:
    """A ruled or `==` title as a markdown heading, on as many lines as it had."""
    return f"\n## {m['title']}\n" if m["title"] is not None else f"## {m['title2']}"


# "9. NEXT TELECONFERENCE" or "9. Review Outstanding Action Items", a blank line, then the
# item's text: a numbered title in capitals or in title case is a title even with a blank line
# after it (a sentence in a list is written neither way)
_NUMBERED_CAPS_TITLE = re.compile(
    r"(?<=\n\n)(?P<label>\d{1,2}[.)][ \t]+(?:[A-Z][A-Z0-9&/'’,-]*"
    r"(?:[ \t]+[A-Z0-9&/'’,(-][A-Z0-9&/'’,()-]*){0,7}"
    r"|[A-Z][a-z'’-]+(?:[ \t]+(?:[A-Z][A-Za-z'’-]*|of|and|for|the|to|on|in|&)){1,7}))"
    r"[ \t]*\n(?=[ \t]*\n)")


def _without_follow_up(decided: str, line: int, ctx: _Ctx, actions: list[Action]) -> str:
    """A decision as a Decisions list states it, without the task that follows it up ("…
    renamed in 3.0 (nobody objected. Anouk to add it to the migration guide)"), which goes to
    `actions`."""
    if " to " in decided and (then := _OWNER_TO.search(decided)) \
            and (owner := ctx.owners(then["who"])):
        decided, task = decided[:then.start() + 1], _tidy_task(then["task"])
        actions.append(_with_referent(Action(owner, task, line, then["who"], "owner-verb",
                                             decided), decided.split(" (")[0], ""))
    return decided


def _code_as_blank_lines(m: re.Match[str]) -> str:
    """A code block says nothing, unless it is a calendar entry (BEGIN:VEVENT …) for the call,
    a diff that adds the minutes, or a chat log pasted in to record what was said ("[21:47]
    <pjotr> so: IDLE in its own thread …?"), whose lines are read without their fences."""
    block = m.group(0)
    if "BEGIN:V" in block:
        return block
    lines = block.split("\n")[1:-1]
    added = [line for line in lines if line[:1] == "+" and line[:3] != "+++"]
    if len(added) >= 5 and len(added) >= 0.8 * sum(1 for line in lines if line.strip()):
        # a pull request that adds the minutes, shown as its diff: the lines it adds are the
        # note ("+## 3.0 release", "+**Decision:** …"), the diff's own lines go
        return "\n".join(("", *(line[1:] if line[:1] == "+" and line[:3] != "+++" else ""
                                 for line in lines), ""))
    # (a line indented further goes on with the message above it, or shows its reactions)
    said = [line for line in lines if line.strip() and line[:5].strip() and line[:1] != "\t"]
    if len(said) >= 2 and sum(_IRC_SPEAKER.match(line) is not None for line in said) \
            >= 0.75 * len(said):
        # (the fences' lines kept, blank, and so is a line of reactions: "👍 3  (tavi, …)")
        return "\n".join(("", *("" if _REACTIONS_LINE.match(line) else line for line in lines),
                           ""))
    return blank_lines(m)


_REACTIONS_LINE = re.compile(r"^\s+(?:[^\w\s()]{1,4}\s*\d+\s*\([^()\n]*\)\s*)+$")
# a tag a note's legend gives to action items: "- [A dario, kemi] pair on the backfill"
_ACTION_TAG = re.compile(
    r"(?m)^(?P<lead>[ \t]*[-*•]?[ \t]*)\[A[ \t]+(?P<who>[^\]\n]{1,40})\][ \t]*")
# DokuWiki's to-do plugin: "<todo @mkowal>calibrate the boards</todo>"
_TODO_TAG = re.compile(r"<todo(?:[ \t]+[@#]?(?P<who>[\w.-]+))?>(?P<task>[^<\n]{1,300})</todo>")


def _as_todo(m: re.Match[str]) -> str:
    return f"TODO({m['who']}): {m['task']}" if m["who"] else f"TODO: {m['task']}"


# a plain-text list of tasks by nick, the nicks in a column: "  kmori     - release paragraph"
_NICK_DASH = (r"^(?P<indent>[ \t]{0,4})(?P<who>[a-z][\w.-]{1,20}|\?+)[ \t]{2,}[-–—][ \t]+"
              r"(?P<task>\S.*)$")
_NICK_DASH_TASK = re.compile(_NICK_DASH, re.M)
_NICK_DASH_TASKS = re.compile(rf"(?:{_NICK_DASH}\n){{2}}", re.M)  # (a list: two lines at least)
# a plain-text table of numbered items in columns apart by runs of spaces, owner before task:
# "    AI-0908-2  Rafael Quiroga        submission text for CIDs 150-157" ("- Rafael Quiroga:
# submission text …"; its wrapped lines stay under it), "(carried) Thandiwe Mokoena   …"
_ID_NAME_TASK = re.compile(
    rf"(?m)^(?P<indent>[ \t]*)(?:[A-Z][\w.-]*\d[\w.-]*[ \t]{{2,}}|\d{{1,3}}[.)]?[ \t]{{2,}}"
    r"|\([a-z]+\)[ \t]+)"
    rf"(?P<who>[{UPPER}][\w'’-]+(?:[ \t][{UPPER}][\w'’-]+){{1,2}})[ \t]{{2,}}(?P<task>\S.*)$")


# a plain-text table of actions in columns apart by runs of spaces, under a header naming them:
# "Who             What                                  By\nMalcolm         Letter to …   19 Dec"
_COLUMN_WORDS = {"who": "who", "owner": "who", "owners": "who", "responsible": "who",
                 "lead": "who", "what": "what", "action": "what", "actions": "what", "task": "what",
                 "by": "when", "when": "when", "due": "when", "deadline": "when"}
_COLUMN_ROWS = re.compile(  # a header opening with a who or what column, the rows under it
    rf"(?im)^(?P<header>[ \t]*(?:{'|'.join(w for w, r in _COLUMN_WORDS.items() if r != 'when')})"
    # (a column's title may be two words: "Action items   Person responsible   Deadline")
    r"(?:[ \t]\w+)?(?:[ \t]{2,}\w+(?:[ \t]\w+)?){1,3}[ \t]*)\n(?P<rows>(?:[ \t]*\S[^\n]*\n?)+)")
_ACTIONS_TITLE = re.compile(r"(?i)actions?(?:[ \t]items?)?$")
_COLUMN_TITLE = re.compile(r"\S+(?:[ \t]\S+)*")  # a header's title, up to two spaces
_NO_OWNER = frozenset({"?", "??", "???", "-", "—", "tbc", "tbd", "n/a", "none"})


def _column_rows_as_items(m: re.Match[str]) -> str:
    """The rows under a "Who  What  By" header as "- Malcolm: Letter to … (by 19 Dec)" items,
    cut where the header's columns start, on the same lines (a task wrapped onto more lines is
    an item on the last, the others blank)."""
    header = m["header"]
    titles = list(_COLUMN_TITLE.finditer(header))
    starts = [title.start() for title in titles]
    # a title's role is its first word that has one ("Person responsible": who)
    roles = [next((_COLUMN_WORDS[w] for w in title[0].lower().split() if w in _COLUMN_WORDS),
                  None) for title in titles]
    if "who" not in roles or "what" not in roles or None in roles:
        return m[0]
    rows: list[str] = []
    wrapped: list[str] = []  # a task's first lines, wrapped before the line with its owner
    for line in m["rows"].rstrip("\n").split("\n"):
        if any(0 < at < len(line) and line[at - 1] != " " for at in starts):
            return m[0]  # not cut at the header's columns: not this table
        cells = {role: line[at:end].strip() for role, at, end
                 in zip(roles, starts, [*starts[1:], len(line)], strict=True)}
        if not any(text for role, text in cells.items() if role != "what"):
            wrapped.append(cells["what"])
            rows.append("")  # (the item goes on its owner's line, so the lines stay the same)
            continue
        what = " ".join([*wrapped, cells["what"]])
        wrapped = []
        who = "" if cells["who"].lower() in _NO_OWNER else f"{cells['who']}: "
        when = cells.get("when", "")
        due = f" (by {when})" if when and when.lower() not in _NO_OWNER else ""
        rows.append(f"- {who}{what}{due}")
    if wrapped:  # lines after the last owner: that task's text going on
        if not any(rows):
            return m[0]
        last = max(i for i, row in enumerate(rows) if row)
        rows[last] = f"{rows[last]} {' '.join(wrapped)}"
    # a header that names its rows ("Action items  Person responsible  Deadline") keeps that
    # name, as a label the rules know
    label = f"{titles[0][0]}:" if roles[0] == "what" and _ACTIONS_TITLE.match(titles[0][0]) else ""
    return label + "\n" + "\n".join(rows) + ("\n" if m[0].endswith("\n") else "")


_RESOLUTION_KIND = re.compile(r"(?i)\b(resolved),?\s+as\s+an?\s+(?:special|ordinary|extraordinary)"
                              r"\s+resolution,?\s+(that)\b")
# a page's footer in text taken out of a PDF: "SALTCOTE TRUST – AGM – draft    Page 3 of 4"
_PAGE_FOOTER = re.compile(r"(?mi)^[^\n]*\bpage[ \t]+\d{1,3}[ \t]*(?:of|/)[ \t]*\d{1,3}\b[^\n]*$")
# a word broken at a line's end, its rest on the next line: "offer them-\n     selves"
_BROKEN_WORD = re.compile(r"(?<=[a-z])-\n(?P<indent>[ \t]*)(?P<rest>[a-z]+)(?P<end>[,;.:]?)[ \t]*")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})


def _without_page_furniture(body: str, footers: list[str]) -> str:
    """A PDF's text without what each page repeats (its footer, and the header lines every page
    opens with), and with the words its lines broke joined: line for line."""
    lines = body.split("\n")
    counts = Counter(line.strip() for line in lines if len(line.strip()) >= 12)
    footer_lines = {line.strip() for line in footers}
    lines = ["" if line.strip() in footer_lines or (counts[line.strip()] >= 2
             and line.strip() == line.strip().upper()) or counts[line.strip()] >= len(footers)
             else line for line in lines]
    return _BROKEN_WORD.sub(r"\g<rest>\g<end>\n\g<indent>", "\n".join(lines))


# a form laid out in two columns, a label and its text (a word processor's minutes template):
# "Conclusions         Trolley booking moves …", "Note taker            Hanna Lindqvist" (the
# form's own labels only: a name or a topic spaced out from its text is not one)
_LABEL_COLUMN = re.compile(
    r"(?m)^(?P<label>(?:Discussion|Conclusions?|Decisions?|Outcomes?|Action\s+items|Actions"
    r"|Attendees|Present|Apologies|Absent|Observers|Facilitator|Chair|Note\s+taker|Minutes"
    r"|Timekeeper|Meeting\s+called\s+by|Type\s+of\s+meeting|Please\s+(?:read|bring)|Resources"
    r"|Special\s+notes|Notes|Summary|Agenda|Purpose|Location|Venue))[ \t]{3,}(?P<text>\S.*)$")
# an agenda topic with its time and presenter: "15 minutes          Laptop trolleys    David Pryce"
_TIMED_TOPIC = re.compile(r"(?m)^[ \t]*\d{1,3}[ \t]*(?:minutes|mins?)\.?[ \t]{2,}(?P<title>\S.*?)"
                          r"(?:[ \t]{3,}(?P<who>\S.*?))?[ \t]*$")


def _timed_topic_as_heading(m: re.Match[str]) -> str:
    return f"## {m['title']} ({m['who']})" if m["who"] else f"## {m['title']}"


def _tag_as_item(m: re.Match[str]) -> str:
    """A tagged line as a list item of its own, "[To Do]" as a TODO marker."""
    lead = m["lead"] if m["lead"].strip() else m["lead"] + "- "
    return lead + ("TODO: " if m["tag"][0] in "Tt" else "")


# a fediverse post's header ("Quillmark @quillmark@tooters.example\nOct 14, 2026, 18:13 ·
# Unlisted"), its place in the thread ("2/9 ") and its reactions ("↩ 1   🔁 3   ⭐ 14")
_POST_HEADER = re.compile(
    r"(?m)^[^\n@]{1,60}[ \t]@[\w.-]+@[\w.-]+[ \t]*\n[^\n·]{5,40}·[ \t]*"
    r"(?:Public|Unlisted|Followers[ -]only|Private|Direct|Quiet\s+public)[ \t]*$")
_POST_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,2}/\d{1,2}[ \t]+(?=\S)|[ \t]+\d{1,2}/\d{1,2}[ \t]*$")
_POST_COUNTS = re.compile(r"(?m)^[ \t]*(?:[↩🔁⭐♻️❤️💬][ \t]*\d+[ \t]*){2,}$")


# the tags of a note-taking app at a line's start: "[To Do]" is a task, "[Important] Decided:
# …" is what follows the tag ("[Question]", "[Idea]" and the rest say nothing the rules need)
_NOTE_TAG = re.compile(
    r"(?m)^(?P<lead>[ \t]*(?:[-*•][ \t]+)?)\[(?P<tag>To[ -]?[Dd]o|TO[ -]?DO|Important|Critical"
    r"|Question|Idea|Remember\s+for\s+later|Definition|Highlight)\][ \t]+")


# the "> " of an e-mail reply's quoted lines: the minutes are often what the reply quotes
_QUOTED = re.compile(r"(?m)^(?:[ \t]{0,3}>)+[ \t]?")
# lines quoted from earlier minutes, as the line before them says ("Previous minutes, for
# reference:", "From last call:"): old news, read as nothing
_EARLIER_QUOTED = re.compile(
    r"(?im)^[^\n>]*\b(?:previous|last\s+(?:week|time|call|meeting)['’s]*|earlier)\b[^\n>]{0,40}"
    r"(?:minutes|notes|call|meeting|reference)\b[^\n>]{0,30}:[ \t]*\n"
    r"(?P<quoted>(?:[ \t]{0,3}>[^\n]*(?:\n|\Z))+)")


def _quote_as_blank_lines(m: re.Match[str]) -> str:
    """Earlier minutes' quoted lines as blank lines (so line numbers stay the note's)."""
    return m.group(0)[: m.start("quoted") - m.start()] + "\n" * m.group("quoted").count("\n")


# "[20:21] <bremer> #endmeeting": what is said after it is chat, not the meeting
_END_OF_MEETING = re.compile(rf"(?m)^{_IRC_PREFIX}[^<>\s]{{1,32}}>\s+#endmeeting\b.*$"
                             r"|^\s{0,2}#endmeeting\b.*$")


def _before_end_of_meeting(body: str) -> str:
    """An IRC log up to its MeetBot "#endmeeting" line."""
    end = _END_OF_MEETING.search(body)
    return body[: end.end()] if end else body


def _section_kinds(blocks: list[Block], texts: list[str]) -> list[str]:
    kinds: list[str] = []
    pseudo_items = False
    label: tuple[str, int] | None = None  # a label item's kind and indent
    for index, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if block.kind == HEADING:
            # (not the note's title: "Decision review — Payments EU squad — 2023-08-22" names
            # the meeting, and its sections are not all decisions)
            own = _heading_kind(text)
            if own in (DECISIONS, ACTIONS) and index == 0 and len(text.split()) > 3:
                own = OTHER
            parent = kinds[block.section] if block.section >= 0 else OTHER
            # (a heading under "Next meeting" names it too: a slide's "## 16 March")
            kinds.append(PREVIOUS if parent == PREVIOUS else own if own != OTHER else
                         (parent if parent in (DECISIONS, ACTIONS) or (
                             parent == NEXT and any(c.isdigit() for c in text)) else OTHER))
            pseudo_items = False
            label = None
            continue
        kind = kinds[block.section] if block.section >= 0 else OTHER
        sec = blocks[block.section] if block.section >= 0 else None
        if sec is not None and sec.level == 7 and kind != OTHER:
            # a "Label:" or bold pseudo-heading governs the list right after it only
            if block.kind in (ITEM, ROW):
                pseudo_items = True
            elif pseudo_items or (kind != ATTENDEES and index - block.section > 1):
                kind = kinds[sec.section] if sec.section >= 0 else OTHER
        if block.kind == ITEM:
            if label is not None and block.level > label[1]:
                kind = label[0]  # "- AIs:" / "  - Luis: update the KEP"
            else:
                label_kind = _label_item_kind(text)
                if label_kind == PREVIOUS and kind == AGENDA:
                    label_kind = None  # an agenda's "Carried over" lists this call's items
                label = (label_kind, block.level) if label_kind is not None else None
        elif block.kind == PARA and "\n" not in text and len(text) <= 60:
            # "Actions:" or "Action items" on its own line right above the list it labels
            # ("Previous actions (from the 6 June call):")
            label_kind = _label_item_kind(_PAREN_REMARK.sub("", text))
            label = (label_kind, -1) if label_kind is not None else None
        else:
            label = None
        kinds.append(kind)
    return kinds


# a list item that is only a label for the items nested under it: "- AIs:", "- Decisions:"
_LABEL_ITEM = re.compile(r"^\W{0,3}(?P<label>[\w -]{2,24}?)\W{0,3}:?\W{0,3}$")


def _label_item_kind(text: str) -> str | None:
    if len(text) > 30 or not (m := _LABEL_ITEM.match(text)):
        return None
    label = m.group("label")
    if re.fullmatch(r"AIs?", label.strip()):
        return ACTIONS
    kind = _heading_kind(label)
    return kind if kind in (DECISIONS, ACTIONS, PREVIOUS) else None


def _heading_kind(text: str) -> str:
    may = _SECTION_GATES.bits(text)  # which patterns may match: most headings are none's
    if may & 1 and _SECTION_PREVIOUS.search(text):
        return PREVIOUS
    for i, (kind, pattern) in enumerate(_SECTION_KINDS, 1):
        if may >> i & 1 and pattern.search(text):
            return kind
    return OTHER


_SECTION_GATES = PatternGates([_SECTION_PREVIOUS, *(pattern for _, pattern in _SECTION_KINDS)])


# -- attendees -------------------------------------------------------------------------------


def _front_matter_people(front: Mapping[str, Any], chairs: set[str]) -> list[Person]:
    """`attendees: [A, B]` (or a string), `- {handle: mbertin, name: Mathilde Bertin}` maps,
    guests, and `chair:`/`facilitator:` in YAML front matter."""
    people: list[Person] = []
    for key in ("attendees", "participants", "present", "attendance", "guests"):
        value = front.get(key)
        if isinstance(value, str):
            people.extend(parse_attendee_text(value))
        elif isinstance(value, list):
            for item in value[:200]:
                if isinstance(item, str):
                    people.extend(parse_attendee_text(item.replace(",", " ")))
                elif isinstance(item, dict) and (person := _front_matter_person(item)):
                    people.append(person)
    for key in ("chair", "facilitator", "host"):
        if isinstance(front.get(key), str):
            chairs.add(one_line(front[key]).strip(" .").lower())
    return people


def _front_matter_person(item: Mapping[str, Any]) -> Person | None:
    """`{handle: mbertin, name: Mathilde Bertin}`: the name, with the handles as aliases."""
    name = next((item[k] for k in _FRONT_MATTER_NAME_KEYS if isinstance(item.get(k), str)), None)
    if not name or not name.strip():
        return None
    handles = tuple(one_line(item[k]).strip().lstrip("@") for k in _FRONT_MATTER_HANDLE_KEYS
                    if isinstance(item.get(k), str) and item[k].strip())
    return Person(one_line(name).strip(), aliases=handles)


_FRONT_MATTER_NAME_KEYS = ("name", "full_name", "fullname", "display_name")
_FRONT_MATTER_HANDLE_KEYS = ("handle", "github", "nick", "username", "login", "irc")


_ROLL_NAME = re.compile(
    r"^(?:\.hello2?\s+|\.fas\s+)?(?:[\w'’-]+\s+\((?P<paren>[^()]{3,60})\)"
    rf"|(?P<name>[{UPPER}][\w'’-]+"
    rf"(?:\s+(?:(?:van|von|de|der|den|da|di|le|la|du)\s+)?[{UPPER}][\w'’-]+)*))")


_ROLL_CALL_ASKED = re.compile(r"\broll\s*call\b", re.I)
# a meeting bot's answer to ".hello nick": "ppavlova: ppavlova 'Polina Pavlova' <ppavlova@…>"
_HELLO_ANSWER = re.compile(r"^[\w.-]+:\s+(?P<nick>[\w.-]+)\s+'(?P<name>[^'\n]{3,60})'\s+<")


# the notes' signature at their end: "— Orla", "I'll type these up … - Fi", "Notes by Raj Kale"
_SIGN_OFF = re.compile(
    rf"(?:^|[.!]\s)[ \t]*[*_]?(?:[-—–]+[ \t]*|(?i:notes|minutes)(?:\s+(?:taken\s+)?by|:)\s+"
    # or a first name alone on the last line, after a blank one ("See you next Tuesday.\n\nNadia")
    rf"|(?<=\n\n)(?=[{UPPER}]\w+[ \t]*\n?\Z))"
    rf"(?P<who>{_NAME}(?:[ \t]+{_NAME})?)[*_]?[ \t]*\n?\Z", re.M)
# a mail's signature block, "-- " alone on a line and what follows it
_MAIL_SIGNATURE = re.compile(r"\n--[ \t]?\n.*\Z", re.S)
# the sender of a mail the notes were sent as: "From: Nadia Haddad <nadia@…>"
_MAIL_FROM = re.compile(rf"\A\s*From:[ \t]+\"?(?P<who>{_NAME}(?:[ \t]+{_NAME}){{1,2}})\"?[ \t]+<")
# a person quoted in prose notes: 'Oisín: "I'll do it once it ships."', 'Ana said: "I'll …'
_QUOTED_SPEAKER = re.compile(rf"(?P<who>{_NAME})(?:\s+said)?:\s*[\"“]$")
_PARTNER_AND_I = re.compile(rf"(?P<who>{_NAME})\s+and\s+[Ii]$")  # ("wren and i", in a chat)
_SIGNED_TAIL = re.compile(rf"[.!]\s+[-—–]+\s*{_NAME}$")
# an attendee marked as taking the notes: "Orla Kennedy (office manager, notes)", "Fiona Carrick
# ("Fi") - secretary, taking these notes", "Notes: Raj Kale", "Scribe: @rk"
_TAKES_NOTES = re.compile(
    # (the name may end a line, its remark open the next: "Marta Oyelaran\n(Administrator,
    # minutes)")
    rf"(?P<who>{_NAME}(?:[ \t]+{_NAME}){{0,2}})\s?[ \t]*(?:\([^()\n]*\)[ \t]*)?"
    r"(?:\([^()]{0,60}\b(?:notes|note-?taker|minutes|scribe)"
    r"(?:\s+(?:this|today|for)\b[^()\n]{0,12})?\)|[-—–][^\n]*\b(?:taking|takes|writing)\s+(?:the\s+|these\s+)?notes\b)"
    # ("Scribe this week: Tomás (rota on the lab wiki).")
    rf"|(?:^\W*|(?<=[.;]\s))(?:notes|note-?taker|scribe|minutes)"
    r"(?:\s+by|\s+(?:this\s+week|today|this\s+time))?"
    rf"\W{{0,4}}:\W*(?P<who2>{_NAME})",
    re.M | re.I)
_NAME_WITH_REMARK = re.compile(rf"{_NAME}[ \t]+{_NAME}[ \t]+\(")
# _SPEAKER_HEADER at the start of any line of a note, to list a transcript's speakers
_SPEAKER_HEADER_LINE = re.compile(_SPEAKER_HEADER.pattern, re.M)
_CLOCK_LINE_END = re.compile(rf"{_CLOCK}[ \t]*\n")  # a turn's header line: "Lowe, Bethany   24:35"


_CHIP_SUBJECT = re.compile(
    rf"(?<![\w@])@(?P<name>[{UPPER}][\w'’-]+(?:[ \t][{UPPER}][\w'’-]+){{1,2}})"
    r"(?=\s+(?:will|to|can|should|is\s+going\s+to)\b|['’]ll\b)")
# a name the text got wrong, said to be an attendee's: '"Shivon" is Siobhán', '"Mark Voychek" is
# Marek' (a recap an assistant wrote, pasted with a note on whom it misheard)
_NAMED_ALIAS = re.compile(
    rf"[\"“](?P<alias>[{UPPER}][\w'’-]+(?:[ \t][{UPPER}][\w'’-]+)?)[\"”][\s>]+is[ \t]+"
    rf"(?P<name>[{UPPER}][\w'’-]+)")


def _with_aliases(attendees: tuple[Person, ...], said_as: list[tuple[str, str]]
                  ) -> tuple[Person, ...]:
    """`attendees`, each with the names `said_as` pairs with their first name (an alias given
    to a first name two attendees share is left out)."""
    added: dict[int, list[str]] = {}
    for alias, first in said_as:
        fits = [i for i, p in enumerate(attendees) if p.name.split()[:1] == [first]]
        if len(fits) == 1 and alias not in attendees[fits[0]].name:
            added.setdefault(fits[0], []).append(alias)
    return tuple(Person(p.name, p.chair, (*p.aliases, *added[i])) if i in added else p
                 for i, p in enumerate(attendees))


def _chat_nicks(attendees: Sequence[Person]) -> dict[str, str]:
    """Each attendee's chat name in lower case ("rook", "hanak") → their full name."""
    return {alias: person.name for person in attendees for alias in person.aliases
            if alias.islower() and " " not in alias}


def _transcript_speakers(body: str) -> list[Person]:
    """A transcript with no attendee list ("Priya Natarajan   0:22" over each turn): its
    speakers are who came, so that "Priya" is known even when a line such as "Priya Natarajan
    started transcription" makes her name look like a heading's word. Two speakers at least."""
    names = dict.fromkeys(name for m in _SPEAKER_HEADER_LINE.finditer(body)
                          if " " in (name := _header_name(m)))  # (full names, not handles)
    return [Person(name) for name in names] if len(names) >= 2 else []


def _irc_roll_call(body: str, chairs: set[str]) -> list[Person]:
    """An IRC meeting's roll call ("<mnakamura> .hello2 Mariko Nakamura", "<rvanwyk> Rutger van
    Wyk here", a bot's answer to ".hello ppavlova") gives each nick its full name; "#chair
    kestrel rvanwyk" names the chairs."""
    people: list[Person] = []
    in_roll_call = answered = False
    for line in body.split("\n"):
        m = _IRC_SPEAKER.match(line)
        if m is None:
            continue
        text = line[m.end():].strip()
        if text.startswith("#chair "):
            chairs.update(text[7:].lower().split())
        if text.startswith("#topic") or text.startswith("#roll"):
            in_roll_call = bool(re.search(r"roll\s*call|introductions|hellos?\b", text, re.I))
            continue
        if not in_roll_call and _ROLL_CALL_ASKED.search(text):  # "Roll call please" in chat
            in_roll_call, answered = True, False
            continue
        if (hello := _HELLO_ANSWER.match(text)) and " " in (full_name := hello["name"].strip()):
            people.append(Person(full_name, aliases=(hello["nick"],)))
            answered = True
            continue
        if (r := _ROLL_NAME.match(text)) \
                and " " in (name := (r.group("paren") or r.group("name") or "").strip()) \
                and (in_roll_call or text.startswith(".hello")
                     or nick_of(m.group("who").lower(), name)):
            # (and a guest's late "<lpratt> Lionel Pratt, quickrun maintainer": a name the
            # nick is made from)
            people.append(Person(name, aliases=(m.group("who"),)))
            answered = True
        elif answered and not text.startswith("#"):
            in_roll_call = False  # the first line that is not a name after the names
    return people


# a saved chat's turns under their authors' full names: "Tom Ashdown: morning all" (the
# timestamps already gone)
_FULL_NAME_TURN = re.compile(
    rf"(?m)^(?P<who>[{UPPER}][\w'’-]+(?:[ \t][{UPPER}][\w'’-]+){{1,2}}):[ \t]")
# who a handle in it is: "(gaz.l is Gareth Lloyd)"
_HANDLE_IS = re.compile(rf"\b(?P<handle>[a-z][\w.-]{{1,20}})\s+is\s+(?P<who>[{UPPER}][\w'’-]+"
                        rf"[ \t][{UPPER}][\w'’-]+)")


def _chat_speakers(body: str, whole: str) -> tuple[Person, ...]:
    """Who took part in a chat with no list of who came: the authors of two or more of its
    turns under a full name (three or more of them), and the handles the note (`whole`, with
    its header: "Saved from Skype by …") says are whose."""
    turns = Counter(m["who"] for m in _FULL_NAME_TURN.finditer(body))
    speakers = [who for who, count in turns.items() if count >= 2]
    if len(speakers) < 3:
        return ()
    handles: dict[str, list[str]] = {}
    for m in _HANDLE_IS.finditer(whole):
        handles.setdefault(m["who"], []).append(m["handle"])
    named = [*speakers, *(who for who in handles if who not in speakers)]
    return tuple(Person(who, aliases=tuple(handles.get(who, ()))) for who in named)


def _attendees(blocks: list[Block], texts: list[str], kinds: list[str],
               front: Mapping[str, Any], body: str = "") -> tuple[Person, ...]:
    people: list[Person] = []
    chairs: set[str] = set()
    chair_lines: list[str] = []  # "Chairs: …", "Facilitator: …" on a line of the header
    taker_lines: list[str] = []  # "Scribe: …", "Minutes: …" there: who took the notes came
    for index, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        if block.kind == HEADING:
            if text.strip(" #:").lower() == "speakers" and index + 1 < len(blocks) \
                    and blocks[index + 1].kind == PARA:  # Otter's "SPEAKERS" line, names under
                people.extend(parse_attendee_text(texts[index + 1]))
            continue
        if not people and index < 8 and block.kind == PARA and "\n" in text \
                and (m := _TEAM_LINE_INSIDE.search(text)) \
                and len(team := parse_attendee_text(m.group("names"))) >= 2:
            people.extend(team)
            continue
        if block.kind == PARA and " · " in text:  # "Date: 2 April · Facilitator: Mariana"
            text = text.replace(" · ", "\n")
        if index < 12 and block.kind == PARA and ":" in text:
            taker_lines.extend(m.group(1) for line in text.split("\n")
                               if (m := _TAKER_LINE.match(line)))
        if ":" in text and (m := _CHAIR_LINE.match(text)):
            chairs.update(_names_of(m.group(1)))
            chair_lines.append(m.group(1))
            continue
        if block.kind == PARA and "\n" in text and ":" in text:
            for line in text.split("\n"):  # "Chairs: …" on a line of a header block
                if m := _CHAIR_LINE.match(line):
                    chairs.update(_names_of(m.group(1)))
                    chair_lines.append(m.group(1))
        if block.kind == ROW and block.header and (column := _roster_column(block.header)) \
                is not None and column < len(block.cells):
            # a table of who came: "| Name | Team |", "| Partner | Attendees |", and a handle
            # column gives each name its handle ("| Declan Moore | @dmoore-dev |")
            named = [p for p in parse_attendee_text(block.cells[column])
                     if _could_be_a_name(p.name)]
            handle = next((block.cells[i].strip().lstrip("@") for i, h in enumerate(block.header)
                           if i < len(block.cells) and _HANDLE_HEADER.match(h)
                           and _BARE_HANDLE.fullmatch(block.cells[i].strip())), None)
            if handle and len(named) == 1:
                named = [Person(named[0].name, named[0].chair, (*named[0].aliases, handle))]
            if len(named) == 1 and not named[0].chair and any(
                    _CHAIR_REMARK.search(cell)
                    for i, cell in enumerate(block.cells) if i != column):
                named = [replace(named[0], chair=True)]  # "| Ingrid | IVH | Northgrid (chair) |"
            people.extend(named)
            continue
        if people and kinds[index] != ATTENDEES and not (
                block.kind == PARA and ":" in text[:40] and _MORE_ATTENDEES.match(text)):
            continue  # (but "**Guests:** Vikram Pillai (vpillai)" after the members adds them)
        if block.kind == PARA and "\n" in text and len(groups := _label_groups(text)) > 1:
            # scribe.perl's "Present\n   A, B\nRegrets\n   C\nChair\n   A" in one paragraph
            for group in groups:
                role, names = _attendee_label(group) or ("present", group)
                if role == "chair":
                    chairs.update(_names_of(names))
                elif role == "present":
                    people.extend(p for p in parse_attendee_text(names)
                                  if _could_be_a_name(p.name))
            continue
        if ":" in text and block.kind == PARA and not _ATTENDEES.match(text) \
                and (inner := _ATTENDEES_INSIDE.search(text)):
            text = text[inner.end():]
            if inner.group("prose"):  # "… as usual. Present: A, B. Apologies: C."
                text = re.split(r"[.;]\s", text, maxsplit=1)[0]
        if block.kind == ROW and " | " in text:  # "| **Attendees** | A, B, C |"
            label, _, rest = text.partition(" | ")
            text = f"{label}: {rest}" if _ATTENDEES.match(f"{label}:") else text
        if ":" in text and len(invite := _INVITE_LINE.findall(text)) >= 2:
            # a calendar invite's answers: who organised, accepted or might come
            people.extend(p for label, names in invite if label.lower()[:3] in ("org", "acc", "ten")
                          for p in parse_attendee_text(names))
            continue
        if "=" in text and len(legend := _INITIALS_LEGEND.findall(text)) >= 2:
            people.extend(Person(one_line(name).strip(), aliases=(initials,))
                          for initials, name in legend)  # "AB = Aiko Brandt (HW lead)"
            continue
        if "=" in text and "@" in text and len(handles := _HANDLE_LEGEND.findall(text)) >= 2:
            # a chat's "Who's who: `@ingrid:quillon.social` = Ingrid Solberg · …"
            people.extend(Person(p.name, p.chair, (*p.aliases, nick))
                          for nick, named in handles for p in parse_attendee_text(named)[:1])
            continue
        if not people and block.kind == PARA and (were := _PRESENT_WERE.match(text)):
            people.extend(_names_in_prose(were.group("names")))  # "Present on the call were …"
            continue
        if (":" in text or "\n" in text) and (m := _ATTENDEES.match(text)):
            rest = _until_next_label(m.group(1), chairs)
            if rest.strip():
                came = list(parse_attendee_text(rest))
                if text[:6].lower().lstrip(" *_-").startswith(("here", "there")):
                    # "there: chef (lorcan), kwame (grill), …" typed on a phone: "Kwame" (not
                    # the news after it: "…, @Sid. @Emre is sick")
                    came = [Person(p.name.capitalize(), p.chair, p.aliases)
                            if p.name.isalpha() and p.name.islower() else p for p in came
                            if _could_be_a_name(p.name)]
                people.extend(came)
                continue
            # "Attendees:" alone: the names follow in the next block(s)
            for nxt_block, nxt_text in zip(blocks[index + 1 : index + 40],
                                     texts[index + 1 : index + 40], strict=False):
                if nxt_block.kind == HEADING or (nxt_block.kind == PARA and people):
                    break
                if labelled := _attendee_label(nxt_text):  # "  - Team members: @a, @b"
                    role, nxt_text = labelled
                    if role == "chair":
                        chairs.update(_names_of(nxt_text))
                    if role != "present":
                        continue
                elif _LABEL_LINE.match(nxt_text):
                    break  # "- Minutes: @vkelso": the header goes on, the list is over
                elif nxt_block.kind == ITEM:
                    nxt_text = _without_affiliation(nxt_text)
                if nxt_block.kind == ROW and nxt_block.cells:
                    nxt_text = nxt_block.cells[0]  # "| Kemal Arslan | — | DM |": the name
                people.extend(parse_attendee_text(nxt_text))
                if nxt_block.kind == PARA:
                    break
            continue
        if not people and ":" in text and (m := _TEAM_LINE.match(text)) \
                and len(team := parse_attendee_text(_until_next_label(m.group(1), chairs))) >= 2:
            people.extend(team)  # "Team: Mariana Duarte (SM), Kofi Boateng, …" in the header
            continue
        if not people and index < 8 and block.kind == PARA and ":" in text \
                and (m := _NAMED_LIST.match(text)) \
                and len(_NAME_WITH_REMARK.findall(
                    listed := _until_next_label(m.group(1), chairs))) >= 3:
            # "**Lab:** Eszter Varga (PI), Priya Natarajan (postdoc), Tom Whitaker (PhD), …":
            # three full names with their roles under any label at the top are who came
            people.extend(parse_attendee_text(listed))
            continue
        if kinds[index] == ATTENDEES and block.kind in (ITEM, PARA) and len(people) < 200:
            if labelled := _attendee_label(text):
                # "- Team: A, B", "- Regrets: C"; scribe.perl's "Present\n   A, B"
                role, text = labelled
                if role == "chair":
                    chairs.update(_names_of(text))
                if role != "present":
                    continue
            elif block.kind == ITEM:
                text = _without_affiliation(text)
            people.extend(p for p in parse_attendee_text(text) if _could_be_a_name(p.name))
    if chair_lines or taker_lines:
        # who chaired or took the notes came, also when the list of those present leaves them
        # out: full names no one listed shares a first name with ("Chair: Mr Tobias Achterberg,
        # Consultant Surgeon" of a listed Tobias adds no one, the rest of its line his roles)
        firsts = {p.name.split()[0].lower() for p in people if p.name.strip()}
        for line in chair_lines + taker_lines:
            named = [p for p in parse_attendee_text(line) if len(p.name.split()) >= 2]
            if named and named[0].name.split()[0].lower() not in firsts:
                people.extend(p for p in named if p.name.split()[0].lower() not in firsts
                              and _could_be_a_name(p.name))
    people.extend(_front_matter_people(front, chairs))
    if "<" in body and ">" in body:
        people.extend(_irc_roll_call(body, chairs))
    if not people and ":" in body:
        people.extend(_transcript_speakers(body))
    if any(p.name.isupper() and len(p.name) <= 3 for p in people):
        people = [_named_initials(p, body) for p in people]
    if chairs:
        people = [Person(p.name, p.chair or p.name.lower() in chairs
                         or any(a.lower() in chairs for a in p.aliases), p.aliases)
                  for p in people]
    # a nick listed alone ("People Present: * jkerr") that a roll call gave a full name to is
    # that person, once
    seen: set[str] = {alias.lower() for p in people if " " in p.name for alias in p.aliases
                      if " " not in alias}
    unique = []
    for p in people:
        if p.name.lower() not in seen:
            seen.add(p.name.lower())
            unique.append(p)
    if ("\"" in body or "”" in body) and (said_as := _NAMED_ALIAS.findall(body)):
        return _with_aliases(tuple(unique), said_as)  # '"Shivon" is Siobhán'
    return tuple(unique)


# a label inside an attendee list, and who the names after it are: "- Team: A, B", "Also
# present: C", "Regrets: D", "Chair: A", scribe.perl's "Present" on a line of its own
_ROLE_LABEL = re.compile(
    rf"^\W{{0,4}}(?P<label>(?:[\w-]+(?:\s*/)?\s+){{0,2}}(?:{_PRESENT_LABEL}|people"
    r"|team|others|members|maintainers|staff|observers|visitors|invited|community|board"
    r"|committee|council|contributors|regrets|apologies|absent|excused|unable\s+to\s+attend"
    r"|chairs?|chaired\s+by|facilitator|scribes?"
    r"|teilnehmer(?:innen)?|teilnehmende|anwesend|entschuldigt|abwesend|moderation|vorsitz"
    r"|protokoll|présents?|excusés?|absents?|animation)"
    r"(?:\s*/\s*[\w-]+)?)(?:\s*\([\w\s,-]{1,40}\)\W{0,4}:\s*|\W{0,4}(?::\s*|\n))", re.I)
# (and "Contributors / others:", "Directors absent (excused):", "Also present (non-voting):",
# "Present (committer, invited for item 2):")
_ROLES = (("chair", re.compile(r"chair|facilitator|moderation|vorsitz|animation", re.I)),
          ("absent", re.compile(r"regrets|apologies|absent|excused|unable|scribe|entschuldigt"
                                r"|abwesend|protokoll|excusé", re.I)))
# any other "Label:" line ends an attendee paragraph
_LABEL_LINE = re.compile(  # ("Couldn't make it:", "Absent (excused):")
    r"^\W{0,4}[A-Za-z][\w '’/-]{1,24}?(?:\s*\([\w\s,-]{1,40}\))?\W{0,4}:")


# one attendee a list item, their organisation after a comma: "- Noor Haddad (chair), Google",
# "- Felix Braun, Red Hat" (not "- Anil, Thomas": first names, two people)
_NAME_THEN_AFFILIATION = re.compile(
    rf"^(?P<name>[{UPPER}][\w'’-]+(?:[ \t]+[{UPPER}][\w'’-]+){{1,3}}(?:[ \t]*\([^()\n]{{1,30}}\))?)"
    r"[ \t]*,[ \t]*[^,\n]{1,40}$")


def _without_affiliation(item: str) -> str:
    return m["name"] if "," in item and (m := _NAME_THEN_AFFILIATION.match(item.strip())) else item


def _label_groups(text: str) -> list[str]:
    """One piece per label alone on its line ("Regrets"), with the lines under it."""
    starts = [m.start() for m in _LABEL_ALONE.finditer(text)]
    if len(starts) < 2:
        return [text]
    return [text[begin:end].strip() for begin, end in zip([0, *starts], [*starts, len(text)],
                                                          strict=True) if text[begin:end].strip()]


_LABEL_ALONE = re.compile(r"(?m)^[ \t]*(?:present|regrets|apologies|absent|chairs?|scribes?"
                          r"|guests?|observers)[ \t]*$", re.I)


def _attendee_label(text: str) -> tuple[str, str] | None:
    """("present" | "chair" | "absent", the text after the label), or None without a label.
    A scribe is listed among those present, so their own line counts as "absent" here."""
    if (m := _ROLE_LABEL.match(text)) is None:
        return None
    role = next((r for r, pattern in _ROLES if pattern.search(m.group("label"))), "present")
    return role, text[m.end():]


_NAME_PARTICLES = frozenset(
    "van von de der den da di le la du del dos das bin ibn al el y".split())  # noqa: SIM905


# the first column of a table of who came, and the columns a table of tasks has instead
_ROSTER_HEADER = re.compile(r"^\W*(?:names?|attendees?|participants?|people|persons?|members?"
                            r"|who|present)\W*$", re.I)
# (a "Who" column beside these is who does each row's work: "| Issue | Title | Verdict | Who |")
_NOT_ROSTER_COLUMN = re.compile(r"\b(?:what|task|action|item|due|when|deadline|decision|status"
                                r"|owner|topic|notes?|issues?|title|verdict|ticket|pr|priority"
                                r"|milestone)\b", re.I)


_HANDLE_HEADER = re.compile(r"^\W*(?:github|gitlab|handle|user\s*name|username|nick|irc"
                            # a standards body's "| Name | Abbreviation | Organization |"
                            r"|login|matrix|slack|abbreviation|abbr\.?|initials)\W*$", re.I)
_BARE_HANDLE = re.compile(rf"@?{HANDLE}")
_CHAIR_REMARK = re.compile(r"\((?:co-?)?chair(?:ing|person)?\)", re.I)


def _roster_column(header: tuple[str, ...]) -> int | None:
    """The column of a table of who came that holds the names, if the table is one."""
    if any(_NOT_ROSTER_COLUMN.search(h) for h in header):
        return None
    return next((i for i, h in enumerate(header) if _ROSTER_HEADER.match(h)), None)


# the answers pasted from a calendar invite: "Organizer: A", "Accepted: B; C", "Declined: D"
_INVITE_LINE = re.compile(r"(?m)^\W{0,3}(organi[sz]er|accepted|tentative|declined)\s*:\s*(.+)$",
                          re.I)
# a chat handle and whose it is: "`@tavi:matrix.org` = Octavian "Tavi" Mureșan"
_HANDLE_LEGEND = re.compile(
    r"`?@(?P<nick>[\w.=-]{1,32})(?::[\w-]+(?:\.[\w-]+)+)?`?[ \t]*=[ \t]*"
    rf"(?P<name>[{UPPER}][\w'’-]+"
    rf"(?:[ \t]+(?:[\"“][^\"”\n]{{1,20}}[\"”]|[{UPPER}][\w'’-]+)){{1,3}})")
# a full name that initials stand for: "Aiko Brandt", "Jean-Luc Picard Smith"
# (words apart by one space or a hyphen: a wider gap is the next column)
_INITIALLED_NAME = rf"[{UPPER}][{LOWER}]+(?:(?:[ \t]?-[ \t]?|[ \t])[{UPPER}][\w'’-]+){{1,3}}"
# a legend of the initials the note goes on to use: "AB = Aiko Brandt (HW lead)", one a line
# or in columns ("YH = Yusuf Hassan          KB = Kezia Boateng")
_INITIALS_LEGEND = re.compile(
    rf"(?m)(?:^\W{{0,3}}|(?<=[ \t][ \t]))([{UPPER}]{{2,3}})[ \t]*=[ \t]*({_INITIALLED_NAME})")
# "Present on the call were Kofi Mensah, who is running the event, Svetlana Ivanova from the
# city, and Joao Lima, who took these notes."
_PRESENT_WERE = re.compile(
    r"^\W{0,3}(?:present|attending|in\s+attendance|on\s+the\s+call|joining\s+(?:us|the\s+call)"
    r"|with\s+us)"
    r"\b[^.:;]{0,30}?\s+(?:were|was)\s+(?P<names>[^.]+)", re.I)


def _named_initials(person: Person, body: str) -> Person:
    """"YD" in "Present: YD, Léa Garnier (LG)" is Yusuf Demir when the note writes "Yusuf Demir
    (YD)" elsewhere (a header's "Triage lead: Yusuf Demir (YD)")."""
    initials = person.name
    if not (initials.isupper() and 2 <= len(initials) <= 3 and initials.isalpha()):
        return person
    for m in re.finditer(rf"({_INITIALLED_NAME})[ \t]*\({re.escape(initials)}[),]", body):
        name = m.group(1)
        if "".join(w[0] for w in re.split(r"[ \t-]+", name)) == initials:
            return Person(name, person.chair, (initials, *person.aliases))
    return person


def _names_in_prose(text: str) -> list[Person]:
    """The names a sentence lists, each the capitalised words a comma or "and" piece starts
    with ("Svetlana Ivanova from the city" → Svetlana Ivanova; "who took notes" → none)."""
    people = []
    for piece in re.split(r",|;|\band\b", text):
        tokens = piece.split()
        name: list[str] = []
        nickname: tuple[str, ...] = ()
        for token in tokens[:5]:
            if name and token[:1] in "\"“„'‘«":
                nickname = (token.strip("\"“”„'‘’«» ,."),)  # Rafael "Rafa" Domínguez
                continue
            if not (token[:1].isupper() or (name and token in _NAME_PARTICLES)):
                break
            name.append(token.strip(".,"))
        if name and _could_be_a_name(" ".join(name)):
            people.append(Person(" ".join(name), aliases=nickname))
    return people


def _could_be_a_name(text: str) -> bool:
    """Whether a line under an attendees heading reads as a name or a nick ("bertil"), not as
    the next section's title ("3. Minutes from previous meetings", "Executive Officer Reports")."""
    if not any(c.isalpha() for c in text):  # a table's "---" or "—"
        return False
    tokens = text.split()
    return tokens[-1].lower() not in _NOT_PEOPLE and (len(tokens) == 1 or all(
        t[:1].isupper() or t in _NAME_PARTICLES or not t[:1].isalpha() for t in tokens))


def _names_nobody(text: str) -> bool:
    """Whether a label that may list people ("Board:") gives something else: "PAY sprint 41"."""
    found = parse_attendee_text(text)
    return bool(found) and not any(_could_be_a_name(p.name) for p in found)


def _names_of(text: str) -> set[str]:
    return {p.name.lower() for p in parse_attendee_text(text)}


# a line of prose under a header's list of names ("Recording saved to the shared drive.
# Transcript auto-generated."): a sentence opens it and ends in it
_PROSE_LINE = re.compile(
    rf"^\s*[{UPPER}][{LOWER}]+\s+[{LOWER}]{{2,}}\b.*\b[{LOWER}]{{4,}}\.(?:\s|$)")


# the surname a list wrapped onto a line of prose: "Sokolov for the first half hour."
_WRAPPED_SURNAME = re.compile(rf"[{UPPER}][{LOWER}'’-]+(?=\s+[{LOWER}])")


def _until_next_label(rest: str, chairs: set[str]) -> str:
    """The attendee names up to the next "Label:" line ("Also present:" and "Staff present:"
    lines go on the list, a "Chair:" line names the chair, "Regrets:" and the rest end it)."""
    lines = rest.split("\n")
    first = _ORG_GROUP.match(lines[0])  # "Attendees:\n  DfT:   Fiona McAllister (Chair)"
    groups = [[first.group("names") if first else lines[0]]]
    grouped = first is not None
    listing = True
    for line in lines[1:]:
        labelled = _attendee_label(line)
        if labelled and labelled[0] == "chair":
            chairs.update(_names_of(labelled[1]))
        elif labelled and labelled[0] == "present" and not _names_nobody(labelled[1]):
            # also after "Absent: none."; a blank line between, so the last name above is not
            # read as wrapping onto this one ("Gareth Pryce\nIn attendance: Mr Daniel Hale")
            groups[-1].extend(("", labelled[1]))
            listing = True
        elif not listing:
            continue
        elif not labelled and (org := _ORG_GROUP.match(line)) and org.group("indent"):
            groups.append([org.group("names")])  # "    DfT:     Fiona McAllister (Chair)"
            grouped = True
        elif labelled or _LABEL_LINE.match(line) or _PROSE_LINE.search(line):
            listing = False
            if not labelled and not _LABEL_LINE.match(line) and "," in (last := groups[-1][-1]) \
                    and last[-1:].isalpha() and len(re.split(r",|\band\b", last)[-1].split()) == 1 \
                    and (rest_of_name := _WRAPPED_SURNAME.match(line)):
                groups[-1].append(rest_of_name[0])  # "…, and Dmitri\nSokolov for the first hour."
        else:
            groups[-1].append(line)
    if not grouped:
        return "\n".join(groups[0])
    # each group on its own: a list with commas wraps its lines ("…, Rafael Castellano,\n
    # Alice Whitfield"), one without has a name a line
    return ",\n".join(" ".join(g).rstrip(" ,;") if any("," in line for line in g)
                      else ",\n".join(g) for g in groups)


# an indented line of an attendee list grouped by organisation: "    DfT:   Fiona McAllister"
_ORG_GROUP = re.compile(
    rf"^(?P<indent>[ \t]*)[^:\n]{{1,50}}:[ \t]+(?P<names>{FULL_NAME.pattern}.*)$")


# -- decisions and actions -------------------------------------------------------------------


def _strip_marker(text: str) -> str:
    m = _DECISION_MARKER.match(text) or _ACTION_MARKER.match(text)
    return m.group("text") if m else text


# "Action on Carla to follow up with legal" (IETF and board minutes)
_ACTION_ON = re.compile(
    rf"^(?:action|AI)\s+(?:on|for)\s+(?P<who>{_NAMES})\s*(?:to\b|:|[–—-])\s*(?P<task>\S.*)$",
    re.I | re.S)


_NICKS_TO = re.compile(r"(?P<who>[a-z][\w.-]*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[a-z][\w.-]*)*)"
                       r"\s+to\s+(?P<task>\S.*)", re.S)


# a task its writer took: "me - book the tank", "Me: room booking"
_MINE = re.compile(r"^(?:me\s*[-–—:]|(?P<i>I(?:['’]ll|\s+will)))\s*(?P<task>\S.*)$", re.I | re.S)


def _marker_actions(m: re.Match[str], line: int, ctx: _Ctx) -> list[Action]:
    """The actions after a marker: "ACTION 12.3 (Alice): publish", "TODO(bob): migrate CI";
    after a label, one per clause: "Next steps: Carla drafts the RFC; Bob reviews"."""
    text = m.group("text")
    parts = [text]
    if m.group("label") and ";" in text:
        parts = [p for p in re.split(r";\s+", text) if p.strip()]
    elif " to " in text and ("," in text or ";" in text) \
            and len(clauses := _owner_clauses(text, ctx)) > 1:
        # each clause read with the whole line, which says what "review and sponsor" is about
        return [_action_with(_item_action(part, line, ctx, "marker"), context=one_line(text))
                for part in clauses]
    if text[:1].islower() and (nicks := _NICKS_TO.match(text)) \
            and (owners := _nick_owners(nicks["who"], ctx)):
        # a scribe's "ACTION: beatriz and paul to draft the enum levels"
        return [Action(owners, _tidy_task(nicks["task"]), line, nicks["who"], "marker",
                       context=one_line(text))]
    who = m.group("mwho")
    if who and (owner := ctx.owners(who) or _nick_owners(who, ctx)
                or (who if _USERNAME_MARKER.match(m.group(0)) else None)):
        # the owner in brackets is the owner: "TODO(paulina): Write the related work section";
        # "TODO(bob):" names a user even when the attendee list does not
        return [Action(owner, _tidy_task(_strip_marker(one_line(part))), line, who, "marker",
                       context=one_line(part)) for part in parts]
    if text[:3].lower() in ("he ", "he'", "he’", "she") and (pm := _PRONOUN_ACTION.match(text)) \
            and pm["pro"].lower() in ("he", "she") and (at := ctx.paragraph.find(text)) > 0 \
            and (named := _last_person(ctx.paragraph[:at], ctx, known_only=True)):
        # "Stan tracked the resets to the wear-levelling task.\n AI: he'll add a regression
        # test": the person the line before names
        return [Action(ctx.owners(named), _tidy_task(pm["task"]), line, pm["pro"], "marker",
                       context=one_line(text))]
    return [_item_action(part, line, ctx, "marker") for part in parts]


def _action_with(action: Action, task: str | None = None, context: str | None = None) -> Action:
    """`dataclasses.replace(action, task=…, context=…)` at a third of its cost (it runs for
    every action found); tests/test_extract.py checks it keeps every field."""
    return Action(action.owner, action.task if task is None else task, action.line,
                  action.owner_text, action.rule, action.context if context is None else context)


# an "Action items" line that only replies, as an auto-summary writes one: "[ ] Rafael: Sounds
# good."
_REPLY_ONLY = re.compile(r"\W*(?:sounds\s+good|ok(?:ay)?|thanks?(?:\s+you)?|great|yes|yeah|yep|sure"
                         r"|agreed|cool|nice|perfect|noted|will\s+do|fine)\W*", re.I)


def _item_action(text: str, line: int, ctx: _Ctx, rule: str) -> Action:
    """An action written as a list item or after an ACTION marker: find its owner."""
    text = one_line(_strip_marker(text))
    return _action_with(_item_owner(text, line, ctx, rule), context=text)


# what an owner field says when it names nobody: "none", "TBD", "???", "—"
_NOBODY = r"(?:none|nobody|no\s+one|tbd|tbc|unassigned|n/?a|\?+|-+|—|–)"
_NOBODY_CELL = re.compile(rf"\W*{_NOBODY}\W*", re.I)
# "… Assigned to: (none)": an owner field that names nobody
_NOBODY_ASSIGNED = re.compile(
    rf"[\s,;(]*\b(?:owner|assigned\s+to|assignee)\s*:\s*\(?{_NOBODY}\)?\W*$", re.I)
_NOBODY_LEAD = re.compile(rf"^(?:[(\[]?(?:{_NOBODY}|someone|somebody|anyone)[)\]]?)\s*[:–—]\s+"
                          r"|^\?{2,}\s+"
                          r"|^owner\s+(?:to\s+be"
                          r"\s+(?:confirmed|decided|agreed)|tb[cd]|unknown)\s*[:–—-]\s+", re.I)
_OWNER_LABEL_LEAD = re.compile(r"^(?:DRI|[Oo]wner|[Aa]ssignee|[Aa]ssigned\s+to)\s*:\s*(?=[@\w])")
# "- [ ] task", "- [x] task": a task list's check box says nothing about the task
_CHECKBOX = re.compile(r"^\[[ xX✓✔]?\]\s*")
# "@kenji cut the release", "update the matrix (@olu)", "task — @priya": a handle names its owner
_HANDLE_LEAD = re.compile(rf"^@(?P<who>{HANDLE})\s*[:,–—-]?\s+(?P<task>\S.*)$", re.S)
# name chips ("@Full Name", as a document editor inserts them) before a dash or colon
_CHIP = rf"@[{UPPER}][\w'’-]+(?:[ \t][{UPPER}][\w'’-]+){{1,2}}"
_CHIPS_LEAD = re.compile(
    rf"^(?P<whos>{_CHIP}(?:(?:\s*(?:,|\+|&|\band\b)\s*|\s+){_CHIP})*)"
    r"(?:\s*(?:[:–—]|\s-)\s*|\s+(?=[a-z]))(?P<task>\S.*)$", re.S)  # ("@Ollie Ferreira confirm …")
# "@adaeze, @sofiag: draft the report", "@mfeld + @bia fix …", "@laran @mkowal token rotation
# script": a task shared by several handles
_HANDLES_LEAD = re.compile(
    rf"^(?P<whos>@{HANDLE}(?:(?:\s*(?:,|&|\+|\band\b)\s*|\s+)@{HANDLE})+)\s*[:–—-]?\s+"
    r"(?P<task>\S.*)$", re.S)
_CHIPS_TRAIL = re.compile(
    rf"^(?P<task>.+?)\s*\((?P<whos>{_CHIP}(?:\s*(?:,|&|\+|\band\b)\s*{_CHIP})*)\)$", re.S)
_HANDLE_TRAIL = re.compile(
    rf"^(?P<task>.+?)[\s,;]*(?:[(\[]\s*@(?P<who>{HANDLE})\s*[)\]]|(?:[–—-]+\s*|\s)@(?P<who2>"
    rf"{HANDLE}))\s*\.?$", re.S)


_BRACKETED_HANDLES = re.compile(
    rf"^\[(?P<whos>@{HANDLE}(?:\s*[,&+]\s*@{HANDLE})*)\]\s*[:–—-]?\s*(?P<task>\S.*)$", re.S)
_BRACKETED_NICK = re.compile(r"^\[(?P<who>[a-z][\w.-]{1,31})\]\s*[:–—-]?\s*(?P<task>\S.*)$", re.S)
# a task-list item that opens with its owner's handle and a verb: "[ ] @majal cut rc1 …"
_HANDLE_VERB_ITEM = re.compile(
    rf"^(?:\[ \]\s*)?@(?P<who>{HANDLE})\s+(?P<task>(?P<verb>[a-z]+)\b.*)$", re.S)


# an action point's owner and a verb in the present: "UNILOR (Chiara) prepares the request"
_MARKER_PRESENT = re.compile(
    rf"^(?P<who>{_NAMES}(?:\s*\([^()]{{1,40}}\))?)\s+(?P<task>[a-z]+s\b.*)$", re.S)


def _item_owner(text: str, line: int, ctx: _Ctx, rule: str) -> Action:
    text = _NOBODY_ASSIGNED.sub("", _CHECKBOX.sub("", text))
    if text[:3].lower() in ("me ", "me:", "me-", "me—", "me–", "i'l", "i’l", "i w") \
            and (mine := _MINE.match(text)) and (me := ctx.note_taker):
        # "AI: me - book the tank", "- Me: room booking", "- I'll write the test plan" in
        # notes their writer signs or is marked as taking
        return Action(me, _tidy_task(mine["task"]), line, "I" if mine["i"] else "me", rule)
    if text[:2] == "[@" and (bracketed := _BRACKETED_HANDLES.match(text)):
        text = f"{bracketed['whos']}: {bracketed['task']}"  # "[@kwalsh-dev]: review #1420"
    elif text[:1] == "[" and (bracketed := _BRACKETED_NICK.match(text)) \
            and _nick_owners(bracketed["who"], ctx):
        text = f"{bracketed['who']}: {bracketed['task']}"  # "AI: [jlee] update the KEP"
    if ":" in text[:14] or "—" in text[:14] or "–" in text[:14] or text[:5].lower() == "owner" \
            or text[:2] == "??":  # "??? label good-first-issues": the owner is not known
        text = _NOBODY_LEAD.sub("", text)  # "someone: update the doc", "Owner to be confirmed -"
        text = _OWNER_LABEL_LEAD.sub("", text)  # "DRI: Jun — fix the export"
    if text[:1] == "@" and (m := _CHIPS_LEAD.match(text)) \
            and (chips := _chip_owners(m["whos"], ctx)):
        # "@Mei-Ling Chua + @Devendra Rao — churn baseline": a document's name chips
        return Action(chips, _tidy_task(m.group("task")), line, m.group("whos"), rule)
    if text[:1] == "@" and (m := _HANDLES_LEAD.match(text)):
        handles = re.findall(rf"@({HANDLE})", m.group("whos"))
        return Action(", ".join(dict.fromkeys(ctx.handle_owner(h) for h in handles)),
                      _tidy_task(m.group("task")), line, m.group("whos"), rule)
    if text[-1:] == ")" and (m := _CHIPS_TRAIL.match(text)) \
            and (chips := _chip_owners(m["whos"], ctx)):
        # "Fix the contrast failures (@Oskar Lindgren, @Callum Reid)"
        return Action(chips, _tidy_task(m.group("task")), line, m.group("whos"), rule)
    if "@" in text and (m := _HANDLE_LEAD.match(text) or _HANDLE_TRAIL.match(text)):
        who = m.group("who") or m.groupdict().get("who2") or ""
        task = _TO_OR_WILL.sub("", m.group("task"))  # ("AI: @kfrost to flip the status")
        surname, _, rest = task.partition(" ")
        if m.re is _HANDLE_LEAD and surname[:1].isupper() and rest \
                and ctx.roster.known(f"{who} {surname}"):  # "@Alice Moreau update the roadmap"
            who, task = f"{who} {surname}", rest
        return Action(ctx.handle_owner(who), _tidy_task(task), line, "@" + who, rule)
    low = text.lower()
    tail = text.rstrip(" .")[-1:]
    for pattern in (_ITEM_BRACKET, _ITEM_OWNER_FIELD, _ITEM_TO, _ITEM_COLON, _ITEM_TRAILING):
        if pattern is _ITEM_OWNER_FIELD and not ("owner" in low or "assign" in low
                                                 or "who" in low or "lead:" in low
                                                 or "pic:" in low):
            continue
        if pattern is _ITEM_TRAILING and not (tail in ")]" or " -" in text or "–" in text
                                              or "—" in text):
            continue
        m = pattern.match(text)
        if not m:
            continue
        who = m.group("who") or m.groupdict().get("who2") or m.groupdict().get("who3") or ""
        task = m.group("task") or m.groupdict().get("task2") or ""
        if who and (owner := ctx.owners(who) or (pattern is _ITEM_TO
                                                 and _initials_owner(who, task))):
            return Action(owner, _tidy_task(task), line, who, rule)
    if ":" in text and (m := _OWNER_FIELD_ANY.match(text)):
        # "… Lead: Matron (Kwabena Asare)  Timescale: …", "Lead: Dr Mbeki with Dr Venkatesan"
        field = m.group("field").strip(" .;,")
        if _NOBODY_CELL.fullmatch(field) or _TO_BE_CONFIRMED.match(field):
            return Action(None, _tidy_task(m.group("task")), line, None, rule)
        owner = ctx.owners(_WITH.sub(", ", field)) or ctx.owners(field)
        if owner:
            return Action(owner, _tidy_task(m.group("task")), line, field, rule)
    if (lead := _NICK_LEAD.match(text)) and (owner := _nick_owners(lead.group("who"), ctx)):
        # "ThomasG and hiro to investigate … (ThomasG will pair with him)": nicks the attendee
        # list has, before a name found further on
        return Action(owner, _tidy_task(lead.group("task")), line, lead.group("who"), rule)
    if (m := _OWNER_ACTION.search(text)) and (owner := ctx.owners(m.group("who"))):
        return Action(owner, _tidy_task(m.group("task")), line, m.group("who"), rule)
    if rule in ("marker", "section") and (m := _MARKER_PRESENT.match(text)) \
            and (owner := ctx.owners(m["who"])) and (rule == "marker" or owner != m["who"]):
        # "AP 17.2 — UNILOR (Chiara) prepares the AMD-2 request": the action point's owner;
        # "• Naledi builds the hours form" under "Who's doing what", when the note names
        # Naledi in full (not "Cek kapasitas server …", Indonesian for "check")
        return Action(owner, _tidy_task(m.group("task")), line, m.group("who"), rule)
    if rule == "marker" and (m := _MARKER_NICK.match(text)) and (owner := ctx.owners(m["who"])):
        return Action(owner, _tidy_task(m.group("task")), line, m.group("who"), rule)
    if lead and (owner := _lower_case_owner(lead, ctx)):
        return Action(owner, _tidy_task(lead.group("task")), line, lead.group("who"), rule)
    if m := _SOMEONE_TO.match(text):
        return Action(None, _tidy_task(m.group("task")), line, None, rule)
    return Action(None, _tidy_task(text), line, None, rule)


def _chip_owners(chips: str, ctx: _Ctx) -> str | None:
    """The attendees a run of name chips names: "@Beatriz Novak @Idris Bello"."""
    return ctx.owners(", ".join(chip[1:] for chip in re.findall(_CHIP, chips)))


def _lower_case_owner(lead: re.Match[str], ctx: _Ctx) -> str | None:
    """'kwame: cost the lamb dish' in a note typed in lower case: the nick the roster does not
    know is a name as written, when it is one word, a colon follows and the task has a verb."""
    who, task = lead["who"], lead["task"]
    if not _LOWER_NAME.fullmatch(who) or lead["sep"] is None \
            or task.split(" ", 1)[0] not in _TASK_VERBS:
        return None
    if who in _NOT_PEOPLE or who in _NOT_LOWER_NAMES or who in _TASK_VERBS \
            or not ctx.lower_case():
        return None
    return who.capitalize()


# what opens a lower-case line as a name would, besides _NOT_PEOPLE and the task verbs
_NOT_LOWER_NAMES = frozenset("""me us todo fyi info reminder tip warning important tbd tbc chef
    boss""".split())  # noqa: SIM905
_LINE_START_LETTER = re.compile(r"(?m)^[^A-Za-z\n]*([A-Za-z])")


def _typed_in_lower_case(body: str) -> bool:
    """Whether most lines start in lower case: a note typed on a phone, where names are too."""
    starts = _LINE_START_LETTER.findall(body)
    return len(starts) >= 5 and sum(c.islower() for c in starts) >= 0.6 * len(starts)


# an owner field after the task, whatever it holds (resolved as a whole, then with "with" read
# as "and"), up to the next field: "Lead: Mortality lead (Mr Castellano)  Timescale: September"
_OWNER_FIELD_ANY = re.compile(
    r"^(?P<task>.+?)[\s,;(]*\b(?:owner|assigned\s+to|assignee|lead|responsible)\s*:\s*"
    rf"(?P<field>[^:]+?)[\s,;)]*(?:\b{_LATER_FIELD}.*)?$", re.I | re.S)
_WITH = re.compile(r"\s+(?:with|together\s+with|supported\s+by)\s+", re.I)
_TO_BE_CONFIRMED = re.compile(r"(?:to\s+be\s+(?:confirmed|decided|agreed|assigned)|tb[cd])\b",
                              re.I)


# MeetBot's "#action nick does X" / "ACTION: Kwame publish the notes": the name, then the task
_MARKER_NICK = re.compile(
    rf"^(?P<who>[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)?)\s+(?P<task>[a-z].*)$")


# "jmarsh to write the runbook", "rhea_k: check backups": a lower-case nick the attendee list has
_NICK_LEAD = re.compile(
    r"^@?(?P<who>[a-z][\w.-]{1,31}(?:\s*(?:,|\band\b|&|\+)\s*@?[A-Za-z][\w.-]{1,31})*"
    r"|[A-Z][\w.-]{1,31}(?:\s*(?:,|\band\b|&)\s*@?[A-Za-z][\w.-]{1,31})*"
    r"\s*(?:,|\band\b|&)\s*@?[a-z][\w.-]{1,31})"
    # (after a colon or a dash the task may open with a name: "emre — Homebrew packaging …")
    r"(?:\s+(?:to|will)|(?P<sep>\s*[:–—]|\s+-)|(?=\s+[a-z]+\s))\s+(?P<task>(?(sep)\w|[a-z]).*)$",
    re.S)
# a name typed in lower case: "kwame", "jean-luc"
_LOWER_NAME = re.compile(r"[a-z][a-z'’-]{2,20}")
# "someone to check the mirrors": a task put to nobody in particular
_SOMEONE_TO = re.compile(
    rf"^(?:{_SOMEONE}|a\s+volunteer)(?:\s+(?:with|from|who\s+has|on)\s[^,;]{{1,40}}?)?"
    r"\s+(?:to|should|needs\s+to|must)\s+(?P<task>\S.*)$", re.I | re.S)


# "TODO(bob):", the bracket right after the word: a user name by convention (not "ACTION 12.3
# (urgent):")
_USERNAME_MARKER = re.compile(r"^\W{0,3}(?:TODO|ToDo|AI|ACTION)\([\w.@, -]{1,40}\)")
# ", zhiyuan to review and sponsor": another owner's clause inside one marker
_NEXT_OWNER_TO = re.compile(r"[,;]\s+(?:and\s+)?(?P<who>@?[\w.'’-]+(?:\s+[\w.'’-]+)?)\s+to\s+\S")


def _owner_clauses(text: str, ctx: _Ctx) -> list[str]:
    """'natasha to package chartlet, zhiyuan to review and sponsor' → one part per owner."""
    cuts = [c.start() for c in _NEXT_OWNER_TO.finditer(text)
            if ctx.owners(c.group("who")) or _nick_owners(c.group("who"), ctx)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].lstrip(",; ").removeprefix("and ") for a, b in itertools.pairwise(bounds)]


def _each_owners_part(action: Action, ctx: _Ctx) -> list[Action]:
    """'Tariq to write the patch, Valentina to review it' → Tariq's task and Valentina's, her
    "it" pointing back at his."""
    if action.owner is None or " to " not in action.task \
            or ("," not in action.task and ";" not in action.task) \
            or len(clauses := _owner_clauses(action.task, ctx)) < 2:
        return [action]
    first = _action_with(action, task=clauses[0].rstrip(" ,;"))
    ctx.referents[id(first)] = ctx.referents.get(id(action), "")
    rest = [_action_with(_item_action(part, action.line or 0, ctx, action.rule),
                         context=action.context) for part in clauses[1:]]
    said = action.context.split(clauses[1], 1)[0].rstrip(" ,;") \
        if clauses[1] in action.context else clauses[0]
    for part in rest:
        ctx.referents[id(part)] = said
    return [first, *rest]


def _initials_owner(who: str, task: str) -> str | None:
    """'KA to write to the planning officer': initials the attendee list does not spell out own
    the task as written, when a task's verb follows ("CI to run nightly" is no one's, and "Q3
    has to fit the team" a quarter's)."""
    if who.isupper() and who.isalpha() and 2 <= len(who) <= 3 and who not in _NOT_INITIALS \
            and task.split(" ", 1)[0].lower() in _TASK_VERBS:
        return who
    return None


_NOT_INITIALS = frozenset("CI CD PR API UI UX EU UK US USA DB OS QA IT HR PM".split())  # noqa: SIM905


def _nick_owners(who: str, ctx: _Ctx) -> str | None:
    """'mhalloran and nadiak' → 'mhalloran, nadiak' when the attendee list has every nick."""
    nicks = [n.strip(" @") for n in _NAME_LIST.split(who) if n.strip()]
    owners = [ctx.roster.match(n) or ctx.roster.match_handle(n) for n in nicks]
    return ", ".join(o for o in owners if o) if all(owners) else None


def _is_question(action: Action) -> bool:
    """'Should we require two sponsors?' is an open question, not somebody's task."""
    return action.task.split(" (", 1)[0].rstrip().endswith("?")


def _tidy_task(task: str) -> str:
    task = one_line(task).rstrip(" ,;:(.")
    while task and ((task[-1] in "\"”" and task.count(task[-1]) + task.count("“") == 1)
                    or (task[-1] == ")" and task.count(")") > task.count("("))):
        task = task[:-1].rstrip(" ,;:(.")  # the end of a quotation (or bracket) it was said in
    if task[-12:].count(" ") and (signed := _SIGNED_TAIL.search(task)):
        task = task[: signed.start()]  # "type these up and post them. - Fi": signed, not a task
    if task.endswith(")") and (tag := _ACTION_TAG_TAIL.search(task)):
        task = task[: tag.start()]  # "… over half term  (ACTION RW)"
    for word in _TRAILING_WORDS:
        if task.endswith(word) and not (word == " then" and _WHEN_THEN.search(task)):
            task = task[: -len(word)].rstrip(" ,;:(")
    if task.endswith(" agreed") and (yes := _AGREED_TAIL.search(task)):
        task = task[: yes.start()]  # "upload the certificates, and she agreed"
    return task


# the status of a task just set: "Open", "New", "To do", "Not started"
_NEW_STATUS = re.compile(r"\W*(?:open|new|to\s*-?do|not\s+started|planned|pending)\W*", re.I)
# an action table's row that is not this call's new task: "Done", "Carried", "Closed"
_OLD_STATUS = re.compile(r"\W*(?:done|completed?|closed|finished|carried|cancell?ed|dropped)\b",
                         re.I)
# a triage verdict that leaves the issue out: "OUT → 2.9", "Won't fix", "Deferred"
_LEFT_OUT = re.compile(r"\W*(?:out|no|won'?t|wontfix|rejected|declined|deferred|dropped|later)\b",
                       re.I)
# a decision log's entry not taken yet: "🤔 Proposed", "❓ Open, decision needed by 5 Sept"
_NOT_YET_TAKEN = re.compile(r"\W*(?:proposed|open|pending|draft|under\s+(?:discussion|review)"
                            r"|in\s+discussion|to\s+be\s+decided|tb[cd])\b", re.I)
# a vote's result in a table cell: "Carried 5-1", "Failed 2-4", "Passed unanimously"
_VOTE_CELL = re.compile(r"(?:carried|passed|approved|adopted|agreed|failed|defeated|rejected|lost)"
                        rf"\b(?:\s+unanimously|\s+{_TALLY})?", re.I)


def _earlier_row(when: str, meeting: date) -> bool:
    """Whether a table's date cell puts its row before the meeting the note records."""
    return any(c.isdigit() for c in when) and any(
        m.date < meeting if m.kind == "absolute"
        # "15 Apr" in a log kept on 6 May: the April before (a date read forward lands a year
        # on; the same day or the week after may be today's or this week's)
        else m.kind == "day-month" and (m.date - meeting).days > 180
        and _year_before(m.date) < meeting
        # (its month in words: "6/5" may be either day first)
        and any(c.isalpha() for c in when[m.start:m.end])
        for m in find_dates(when, meeting))


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


# an outcome that opens with its verdict ("Approved as a standard change"), and one that only
# says the item was seen ("Reviewed after the fact. Noted.")
_VERDICT_FIRST = re.compile(r"^\W*(?:approved|rejected|accepted|declined|adopted|agreed|refused"
                            r"|passed|carried|denied)\b", re.I)
_ONLY_NOTED = re.compile(r"^\W*(?:noted|reviewed|for\s+information|fyi)\b", re.I)


def _table_row(block: Block, text: str, kind: str, ctx: _Ctx,
               decisions: list[Decision], actions: list[Action]) -> str | None:
    """Read one table row into `decisions` and `actions`; return the notes of a discussion
    table's row ("| Time | Item | Who | Notes |"), which the caller reads as prose."""
    header = [h.lower().strip(" *_") for h in block.header]
    cells = [one_line(clean_inline(c, ctx.refs)) for c in block.cells]
    if not any(cells) or all(c.lower() in {"", "-", "none", "n/a"} for c in cells):
        return None
    if len(cells) == 2 and not any(header) and _ROW_LABEL.fullmatch(cells[0]):
        # a table of labels and what they say, under an item: "| Outcome | … |", "| AI | @kfrost
        # to flip the status … |", read as "Outcome: …"
        return f"{cells[0]}: {cells[1]}" if cells[1] else None

    def col(*names: str) -> int | None:
        for i, h in enumerate(header):
            if any(re.search(rf"\b{n}\b", h) for n in names):
                return i
        return None

    decision_col = col("decision", "decisions", "resolution", "decided", "outcome", "agreement")
    owner_col = col("owner", "owners", "who", "assignee", "assigned to", "responsible", "person",
                    "lead", "by", "reviewer", "reviewers", "driver", "dri", "champion")
    review_col = col("reviewer", "reviewers")
    # "| Agenda item | Decision | Action |": the action column, before an item or what column
    task_col = col("action", "action item", "actions", "task", "todo", "to do", "next step",
                   "ai", "ais")
    notes_col = col("notes", "discussion", "minutes", "comments", "summary")
    if task_col is None and notes_col is not None and decision_col is None and kind != ACTIONS:
        # an agenda run as a table: "Who" presents the item, the notes say what came of it
        return cells[notes_col] if notes_col < len(cells) and cells[notes_col] else None
    if task_col is None:
        task_col = col("item", "what", "description")
    if task_col is None and review_col is None:
        task_col = col("title")  # "| Issue | Title | Assignee |": a tracker's issues, assigned
    status_col = col("status", "state", "done", "progress")
    verdict_col = col("verdict", "triage", "milestone")

    def cell(i: int | None) -> str:
        return cells[i] if i is not None and i < len(cells) else ""

    if decision_col is not None:
        # (not "| — | Bylaws Art. IV (board size) | tabled to August |")
        if cell(decision_col) and not any(_UNSETTLED.search(c) for i, c in enumerate(cells)
                                          if i != decision_col) \
                and not (status_col is not None and (_LEFT_OUT.match(cell(status_col)) or (
                    # (in a decision log; "Open" beside a task column is the task's)
                    task_col is None and _NOT_YET_TAKEN.match(cell(status_col))))) \
                and not _earlier_row(cell(col("date", "decided", "meeting")), ctx.note.date):
            # (not "| D2 | Backoff inside the worker | ❌ Rejected |", nor a decision log's row
            # from an earlier meeting: "| 2024-01-16 | DL-41 | dbt 1.7 in prod |")
            said = cell(decision_col)
            subject = next((at for name in ("summary", "subject", "title", "proposal", "item",
                                            "topic", "change") if (at := col(name)) is not None),
                           None)
            if "outcome" in header[decision_col] and (
                    len(said.split()) <= 4 or _VERDICT_FIRST.match(said)) and (what := cell(
                    subject) if subject not in (None, decision_col) and cell(subject) else " ".join(
                    c for i, c in enumerate(cells) if i != decision_col and c)):
                # "| GA | Aug 24 | moved to Aug 31 |": what was moved; "| SSL certificate
                # renewal | … | Approved as a standard change |": what was approved
                said = f"{what}: {said}"
            # (an outcome that only defers: "Deferred - security review not finished")
            verdict = cell(decision_col)
            if not (len(verdict.split()) <= 8 and _UNSETTLED.search(verdict)) \
                    and not _ONLY_NOTED.match(verdict):
                decisions.append(Decision(said, block.line, "table"))
        if task_col is None or owner_col is None:
            return None  # a decisions table; one with an action and an owner column goes on
    result_col = col("result", "vote", "disposition")
    if result_col is not None and (vote := _VOTE_CELL.match(cell(result_col))):
        # a motions table: "| 4 | Sign the lease | Kim | Obi | Carried 5-1 |"
        motion = max((c for i, c in enumerate(cells) if i != result_col), key=len, default="")
        if motion and not _PROCEDURAL.match(motion):
            decisions.append(Decision(f"{motion} ({vote.group(0).lower()})", block.line,
                                      "motion"))
        return None
    if task_col is None and review_col is not None and kind not in (DECISIONS, PREVIOUS):
        # "| #13210 | Speed up decompression | Ingrid |": a review someone owes
        what = " ".join(c for i, c in enumerate(cells) if i != review_col and c)
        who = cell(review_col)
        owner = ctx.owners(who) if who else None
        if what:
            actions.append(Action(owner, f"review {what}", block.line, who if owner else None,
                                  "table"))
        return None
    if task_col is not None and (owner_col is not None or kind == ACTIONS):
        if status_col is not None and (_OLD_STATUS.match(cell(status_col)) if kind == ACTIONS
                                       else not _NEW_STATUS.fullmatch(cell(status_col))):
            return None  # a status table, not new actions ("| Open |" is one just set); under
            # "Action items", the rows done or carried from an earlier call
        if verdict_col is not None and _LEFT_OUT.match(cell(verdict_col)):
            return None  # "| #1412 | Kerberos auth | OUT → 2.9 | — |": nobody works on it now
        task = cell(task_col)
        who = cell(owner_col)
        if _NOBODY_CELL.fullmatch(who):
            who = ""  # "| ??? | triage the issues |": nobody has it yet
        owner = ctx.owners(who) if who else None
        if task and not task.startswith("~~"):  # "| ~~Raise retention~~ | Marek |": struck out
            actions.append(Action(owner or (who or None), task, block.line, who or None, "table"))
        return None
    if kind == DECISIONS:
        decisions.append(Decision(max(cells, key=len), block.line, "table"))
    elif kind == ACTIONS:
        people = [c for c in cells if c and ctx.owners(c)]
        rest = [c for c in cells if c not in people]
        task = max(rest, key=len) if rest else ""
        if task:
            owner = ctx.owners(people[0]) if people else None
            actions.append(Action(owner, task, block.line, people[0] if people else None,
                                  "table"))
    return None


# a vote or assent with nothing else in it: "Both chairs +1, no objections", "all in favour"
_ASSENT_ONLY = re.compile(r"(?:(?:both\s+chairs|everyone|all|[\w ]{0,20})\s*\+1|no\s+objections?"
                          r"|(?:all\s+in\s+favou?r|unanimous(?:ly)?|approved|agreed|consensus)"
                          r"|[,;.\s])+", re.I)
_TO_OR_WILL = re.compile(r"^(?:to|will|shall|should)\s+(?=[a-z])")
# the label in a two-column table without a header: "Summary", "Outcome", "AI", "Decision"
_ROW_LABEL = re.compile(r"(?:summary|discussion|notes?|outcome|decisions?|decided|resolution"
                        r"|consensus|conclusion|result|ai|ais|action(?:\s+items?|s)?"
                        r"|next\s+steps?|follow-?ups?)", re.I)
# the words a chair opens a turn with, which say nothing themselves: "Okay, so …", "Great."
_FILLER = r"(?:okay|ok|alright|right|so|fine|good|great|then)\W+"
# a chair putting a proposal to the call: "So what I'm hearing is: we stay on YAML …", "Okay.
# So proposal: in three point oh, the plugin API is declared stable …"
_PROPOSAL_LEAD = re.compile(
    rf"^(?:{_FILLER})*(?:(?:what\s+I['’]?m\s+hearing\s+is|(?:the\s+|my\s+)?proposal)\s*[:,]"
    r"|(?:the\s+|my\s+)?proposal\s+is\b:?)\s*(?:that\s+)?(?P<proposal>\S.{10,})", re.I | re.S)
# a summary put to the call as a question, which a "settled then" answers
_SO_PUT = re.compile(r"^so\s*:\s*(?P<proposal>[^?]{10,}?)\s*\?$", re.I | re.S)
_FILLER_LEAD = re.compile(rf"^(?:{_FILLER})+", re.I)
# a question that puts what was just said to the call: "Objections?", "Anyone against?", "Does
# anyone think that's overkill?", "Does the fourth work for everyone?"
_CONSENT_QUESTION = re.compile(
    rf"^(?:{_FILLER})*(?:any\s+)?(?:objections?|(?:does\s+|is\s+)?any(?:one|body)\s+"
    r"(?:against|opposed|object|objects|disagree|disagrees|mind|think\s+that['’]s\s+\w+"
    r"|unhappy(?:\s+with\s+(?:that|this|it))?"  # "Anyone unhappy with that?"
    r"|(?:have|has|got)\s+(?:a\s+problem|an\s+issue)(?:\s+with\s+(?:that|this|it))?)"
    r"|(?:are\s+|is\s+)?(?:we|you|everyone|everybody|people)\s+(?:all\s+)?(?:ok|okay|happy|fine"
    r"|good)\s+with\s+(?:that|this)|does\s+(?:that|this|the\s+\w+)\s+work\s+for\s+"
    r"(?:everyone|everybody|you\s+all|all\s+of\s+you))\W*\?$", re.I)
# one person agreeing, which is their view: "Bartek agreed that conflict resolution is hard"
_ONE_AGREED = re.compile(
    r"^\W*(?!(?:The|Board|Committee|Council|Group|Team|Everyone|Everybody|All|Members|Trustees"
    r"|Governors|Directors|Panel|Staff|Parents|Maintainers|Reviewers|Partners|We|They|You|I"
    r"|Both|Most|Many|Some|People|Attendees)\b)"
    rf"{_NAME}(?:\s+{_NAME})?(?:,[^,]{{2,40}},)?\s+(?:also\s+|has\s+|had\s+)?agreed"
    # "SA agreed.", "Rosa, who was excused, has agreed by email to draft the policy" (her task)
    r"(?:\s+(?:that|with)\b|\W*$|\s+(?:by\s+(?:email|phone)\s+)?to\s+[a-z])")
# a decision only referred to: "Dana will brief her on the offline decision", "waiting on a
# decision from legal" (not "Decision: …", "the decision was to …")
_DECISION_MENTIONED = re.compile(
    r"\b(?:the|a|an|this|that|our|their|his|her|any|final)\s+(?:[\w-]+\s+)?(?:decision"
    r"|resolution)s?"
    r"(?!\s*(?:[:—–-]|was\b|is\b|to\b|made\b|taken\b|reached\b|that\b|on\b))", re.I)
# the question that says what it puts: "Any objections to ramping it to fifty percent tomorrow?"
_OBJECTIONS_TO = re.compile(
    rf"^(?:{_FILLER})*(?:(?:any\s+)?objections?\s+to|(?:does\s+)?any(?:one|body)\s+(?:disagree"
    rf"|object)\s+(?:with|to))\s*:?\s+(?P<what>[^?]{{8,}})\?$", re.I)
# the asker's answer to their own question when nobody objected: "None.", "Hearing none.",
# "Okay, done."
_NONE_HEARD = re.compile(rf"^(?:{_FILLER})*(?:none|hearing\s+none|no\s+objections?|nobody|no\s+one"
                         r"|done|(?:that|it)['’]s\s+(?:agreed|settled|decided)"
                         r"|that['’]s\s+what\s+we['’]ll\s+do)(?:\s+then)?\W*$",
                         re.I)


_ARROW = re.compile(r"[→⇒➡]|[-=]>")
# (a sentence with any cue of its own is news of its own)
_ANY_CUE_BITS = (_DECISION_BIT | _OWNER_VERB_BIT | _ELIDED_BIT | _UNOWNED_BIT | _PRONOUN_BIT
                 | _WISH_BIT | _WE_TODO_BIT | _NEXT_BIT)


def _says_more(sentence: str) -> bool:
    """Whether `sentence` only goes on with what was just recorded: no question, no speaker,
    no task for anyone, no marker of its own."""
    return sentence[-1:] != "?" and "@" not in sentence and not _speaker_match(sentence) \
        and not _OWNER_ACTION.search(sentence) and not _OWNER_TO_FIRST.match(sentence) \
        and not _PRONOUN_ACTION.search(sentence) and not _DECISION_MARKER.match(sentence) \
        and not _ACTION_MARKER.match(sentence)


def _go_on(decisions: list[Decision], at: int, sentence: str, ctx: _Ctx) -> None:
    """The decision at `at` with `sentence` added, which says more of it (its referent kept)."""
    old = decisions[at]
    decisions[at] = new = replace(old, text=f"{old.text} {one_line(sentence)}")
    if id(old) in ctx.referents:
        ctx.referents[id(new)] = ctx.referents.pop(id(old))


# the chair turning to the next call, its date said in the turns after: "Okay. Next call."
_BARE_NEXT_CALL = re.compile(rf"^(?:{_FILLER})*(?:and\s+)?(?:the\s+)?next\s+(?:call|meeting|sync"
                             r"|session)(?:\s+then)?\W*$", re.I)
# the asker waiting for answers: "Going once...", "Anyone?", "Nope?"
_STILL_ASKING = re.compile(rf"^(?:{_FILLER})*(?:going\s+(?:once|twice)|any(?:one|body)|nobody"
                           r"|no\s*one|nope|no|last\s+chance)\W*$", re.I)


def _echoes(sentence: str, proposal: str) -> bool:
    """Whether the asker, after the answers, says the proposal again in short ("Okay. Node 14
    minimum for 2.0.", "Okay, we'll move to Matrix."): most of what they say is in it."""
    if not proposal or sentence[-1:] == "?" or len(sentence.split()) > 12:
        return False
    said = frozenset(words(sentence)) - _STOP_WORDS - _FILLER_WORDS
    return len(said) >= 2 and len(said & frozenset(words(proposal))) >= 0.6 * len(said)


_FILLER_WORDS = frozenset({"okay", "ok", "alright", "right", "so", "fine", "good", "great",
                           "then", "yes", "yeah", "ll", "let", "s", "go", "going"})
# a task asked of someone named: "Pavel, could you cut the 1.5.3 as well?", "Rafa, you'll flip
# the flag in the morning?", "Can you take the minutes, Sam?", "Con and Tomás, can you two …?",
# "@theo could you pull the top 20 alerts?" (a chat mention needs no comma)
_REQUEST = re.compile(
    rf"^(?:{_FILLER})*(?:and\s+)?(?:(?:(?P<who>{_NAME}(?:\s+and\s+{_NAME})?|@?[\w.-]{{2,39}}),"
    r"|(?P<handle>@[\w.-]{2,39}))\s+(?:(?:could|can"
    r"|would|will)\s+you(?:\s+(?:two|both))?(?:\s+(?:please|also))?|you['’]ll"
    r"|are\s+you\s+(?:ok|okay|happy)\s+to)\s+(?P<task>[^?]{6,}?)"
    rf"|(?:could|can|would|will)\s+you\s+(?P<task2>[^?]{{6,}}?),\s+(?P<who2>{_NAME}))\s*\?$",
    re.I | re.S)
# the answer that takes it on: "Yeah.", "Sure, …", "Yes, I'll write that up."
# ("@lucia-fp sure, will do.", in an issue's comment)
# a reply that takes on the task nobody had: "I can do it.", "Sure, I'll take that.", "Me."
_VOLUNTEERS = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|sure|ok(?:ay)?|fine|oh)\W+)*(?:(?:i\s+can|i['’]ll|i\s+will|i\s+could"
    r"|let\s+me|happy\s+to)\s+(?:do|take|handle|own|grab|pick\s+up|sort|book)(?:\s+(?:it|that|this"
    r"|that\s+one|this\s+one))?(?:\s+on)?|me|i\s+can|i['’]ll\s+volunteer)\W*$")
_TAKEN_ON = re.compile(r"^\W*(?:@[\w.-]+,?\s+)?(?:yes|yeah|yep|yup|sure|of\s+course|ok(?:ay)?"
                       r"|will\s+do|can\s+do|no\s+problem|happy\s+to|absolutely|definitely|on\s+it)\b(?!\s+not\b)",
                       re.I)
# the asker's summary once the answers are in: "Great, so 1.6.0 on February 4th, rc1 on the 21st."
_SO_SUMMARY = re.compile(rf"^(?:{_FILLER})?so\W+(?P<what>[^?]{{12,}})$", re.I | re.S)
# what settles the proposal just put, said on its own: "Decided then.", "Okay, that's decided."
# (not a bare "Agreed.", which is one person's assent)
_SETTLED_BACK = re.compile(rf"^(?:{_FILLER})*"
                           r"(?:(?:that['’]s\s+|so\s+)?(?:decided|settled)(?:\s+then)?"
                           r"|(?:that['’]s|so)\s+agreed|agreed\s+then"
                           r"|(?:so\s+)?that['’]s\s+what\s+we['’]ll\s+do)\W*$")


# a proposal put in prose minutes ("Robbo proposed a £5 rise"; not "Anil proposed writing …",
# one person's idea, which _PROPOSAL reads as a task)
_PROSE_PROPOSAL = re.compile(r"\b(?:proposed|suggested)(?:\s*:\s*|\s+(?!by\b|\w+ing\b)(?=\w))"
                             r"|\bput\s+forward\s+(?!by\b)(?=\w)", re.I)
# what a proposal put in prose proposes, which a vote after it settles: "Cllr Ward proposed the
# purchase of a speed sign, seconded by Cllr Hale." → "the purchase of a speed sign"
_PROPOSED_WHAT = re.compile(r"\b(?:proposed|put\s+forward)(?:\s+by\s+[^:.;]{2,80}:)?\s*:?\s+"
                            r"(?:that\s+)?"
                            r"(?P<what>(?:[^.!?]|\.(?=\d))+?)"  # ("from £3.00 to £3.50")
                            r"(?:,?\s+(?:and\s+)?seconded\s+by\b[^.!?]*)?"
                            r"\s*(?:[.!?](?!\d)|$)", re.I)


# a settlement that does not say what it settles
# ("Okay, let's do that then.", "Sounds like we're agreed then.", said before what they settle)
_SETTLED_ONLY = re.compile(
    rf"^\W*(?:{_FILLER})*(?:(?:that|it)['’]s\s+settled|let['’]s\s+do\s+(?:that|it|this)"
    r"|(?:it\s+)?sounds\s+like\s+we['’]re\s+(?:all\s+)?agreed|we['’]re\s+(?:all\s+)?agreed)"
    r"(?:\s+then)?\W*$", re.I)
# a task that only points at the one said before it: "Can you take that, Ruth?"
_TAKE_THAT_WORDS = r"(?:take|do|own|handle|pick\s+up)\s+(?:that|this|it)(?:\s+one)?"
_TAKE_THAT = re.compile(rf"{_TAKE_THAT_WORDS}\W*$", re.I)
# a speaker taking on the task said just before, which nobody had: "Leave it with me."
_TAKEN_UP = re.compile(r"^\W*(?:(?:ok(?:ay)?|sure|yeah|yep|yes|fine)\W+)*(?:leave\s+it\s+with\s+me"
                       rf"|i['’]ll\s+{_TAKE_THAT_WORDS}|on\s+it)(?:\W*$|,\s)", re.I)


def _put_so_far(proposed: str, sentence: str) -> str:
    """A proposal made in prose ("Robbo proposed a £5 rise …") and up to three sentences after
    it, which a later "Nobody objected, so that's agreed." settles; "" while none is made."""
    return f"{proposed} {sentence}" if proposed and proposed.count(". ") < 3 else proposed


def _unnamed_answer(who: str, ctx: _Ctx) -> str | None:
    """Who a transcript's speaker is: Otter's unnamed "Speaker 5" answering "Wen, can you pull
    the numbers?" is Wen, and no one when nobody was asked."""
    if who[:8] != "Speaker " or not who[8:].isdigit():
        return who
    return ctx.request.who if ctx.request is not None else None


# a short reply that opens a chat message typed in lower case ("agreed then. someone needs to
# update the runbook", "ok. i'll take it"), and a short question that closes one ("… until
# someone fixes it. objections?")
_SHORT_REPLY = re.compile(r"([^\s.!?]+(?:\s+[^\s.!?]+){0,2}[.!])\s+(?=[a-z])")
_SHORT_QUESTION = re.compile(r"(?<=[.!])\s+([a-z][^\s.!?]*(?:\s+[^\s.!?]+){0,2}\?)$")


def _chat_pieces(sentence: str, said_from: int) -> list[str]:
    """`sentence` with its short opening replies and closing question apart, which a
    lower-case chat message runs on; the rest stays whole, as it goes on one thought ("so the
    plan is the demo ends after level 2. no level 3 in the demo."). What the speaker said
    starts at `said_from` (after "[21:49] <gwen> "), which stays with the first piece."""
    pieces: list[str] = []
    start = said_from
    while (reply := _SHORT_REPLY.match(sentence, start)) is not None:
        pieces.append(sentence[:reply.end(1)] if not pieces else reply[1])
        start = reply.end()
    rest = sentence[start:] if pieces else sentence
    if rest[-1:] == "?" and (question := _SHORT_QUESTION.search(rest)) is not None:
        pieces.extend((rest[:question.start()], question[1]))
    else:
        pieces.append(rest)
    return pieces


def _speaker_end(sentence: str, speaker: str) -> int:
    """Where what the speaker says starts in their turn's first sentence."""
    if sentence.startswith(f"{speaker}: "):
        return len(speaker) + 2
    return m.end() if (m := _speaker_match(sentence)) else 0


def _sentence_rules(block: Block, text: str, kind: str, ctx: _Ctx,
                    decisions: list[Decision], actions: list[Action],
                    candidates: list[_CallCandidate], opening: str = "") -> str:
    """Read `text` sentence by sentence; return its last sentence that says something (four
    words or more, not "Sure."), which the next transcript turn's "that one" may point at."""
    speaker = None
    if "\n" in text and (h := _SPEAKER_HEADER.match(text)) \
            and (who := _unnamed_answer(_header_name(h), ctx)) and ctx.is_person(who):
        speaker, text = who, f"{who}: {text[h.end():]}"  # read as "Bob Chen: I'll …"
    elif "\n" in text[:40] and " " in (first := text[: text.index("\n")]) \
            and any(first == person.name for person in ctx.attendees):
        # a transcript's turn under its speaker's full name alone on a line (Teams', with
        # its times taken off)
        speaker, text = first, f"{first}: {text[len(first) + 1:]}"
    elif (m := _speaker_match(text)) and (m.re is _IRC_SPEAKER or ctx.is_person(m.group("who"))):
        speaker = m.group("who")
    elif ":" in text[:36] and (m := _NICK_LINE.match(text)) \
            and (who := ctx.roster.match(m["nick"])):
        speaker, text = who, f"{who}: {text[m.end():]}"  # a scribe's "ines: …" for Ines Caldeira
    earlier: list[str] = []  # sentences before this one, for the subject of "Will …", "he will"
    read, last_named = 0, None  # how many of `earlier` `subject` has read; whom they named

    def subject() -> str | None:
        """Who the text is about: the speaker, else the last person a sentence so far named
        (each earlier sentence read once, however often this is asked)."""
        nonlocal read, last_named
        if speaker:
            return speaker
        for sentence in earlier[read:]:
            last_named = _subject(sentence, ctx) or last_named
        read = len(earlier)
        return last_named

    in_decisions = kind == DECISIONS and speaker is None  # (a turn there is one person's)
    in_actions = kind == ACTIONS
    previous = closing = latest = pending = ""
    motion = ctx.motion  # (a motion's "Moved: Quist." and "Vote: …" lines are turns of their own)
    asked = False  # this turn put a question to the call
    request, first_action = ctx.request, len(actions)
    chosen: int | None = None  # the decision just taken picks an option by its place or letter
    settling = False  # or it only says that something is settled ("Okay, let's do that then.")
    marked: int | None = None  # the decision a marker just recorded, which the paragraph goes on
    numbered = False  # whether its marker is numbered ("DECISION 58.1:")
    proposed = ""  # a proposal made in this paragraph ("Robbo proposed a £5 rise …"), and after
    said_in_turn = sentences(text, block.line)
    if block.section != ctx.recent_section:
        ctx.recent_section, ctx.recent = block.section, []
    if speaker is not None:
        said_in_turn = [(piece, line) for n, (sentence, line) in enumerate(said_in_turn)
                        for piece in _chat_pieces(sentence, _speaker_end(sentence, speaker)
                                                  if n == 0 else 0)]
    for sentence, line in said_in_turn:
        if sentence.isupper() and len(sentence) > 12:  # "NADIA TO EMAIL THE VENUE BY FRIDAY."
            sentence = sentence[0] + sentence[1:].lower()
        said = sentence  # with its speaker: "Anil: we should …" is one person's view
        if speaker and not earlier:
            if sentence.startswith(f"{speaker}: "):  # (a chat handle: "camille: agreed then.")
                sentence = sentence[len(speaker) + 2:]
            elif m := _speaker_match(sentence):
                sentence = sentence[m.end():]  # "Anil: Going to …" is about Anil
        if len(sentence.split()) >= 4:
            closing = sentence
            ctx.recent.append(sentence)
            if len(ctx.recent) > 16:
                del ctx.recent[:-8]
        latest = sentence
        if speaker is not None:
            if pending:
                _remember(pending, ctx)
            pending = sentence
        low = sentence.lower()
        if ctx.call_topic is not None:  # "Next call." … "so that would be the first of July."
            if line - ctx.call_topic > 8:
                ctx.call_topic = None
            elif dated := [c for c in _call_candidates(sentence, line, ctx.note.date, heading=True)
                           if c.mention is not None and c.mention.date > ctx.note.date]:
                candidates.extend(replace(c, strength=1) for c in dated)  # (said outright wins)
                ctx.call_topic = None
        elif len(low) < 40 and "next" in low and _BARE_NEXT_CALL.match(sentence):
            ctx.call_topic = line
        if speaker and actions and (unowned := actions[-1]).owner is None \
                and unowned.line is not None and 0 <= line - unowned.line <= 2 \
                and _TAKEN_UP.match(sentence) and (owner := ctx.owners(speaker)):
            # "that has to be fixed before anything goes public" "dunk: leave it with me"
            actions[-1] = replace(unowned, owner=owner, owner_text=speaker)
            earlier.append(sentence)
            previous = sentence
            continue
        if marked is not None:  # "DECISION 58.1: X is the last cycle. It is removed in Y."
            if speaker is None and _says_more(sentence) and (numbered or (
                    # (an unnumbered marker's paragraph may go on to a task or news: "→ LG
                    # asks the reporter …", "There is still no runbook and there should be")
                    not _ARROW.search(sentence) and not _cues(low) & _ANY_CUE_BITS
                    and len(decisions[marked].text) < 300)):
                _go_on(decisions, marked, sentence, ctx)
            else:
                marked = None
        if chosen is not None:  # "Let's go with the second option then." said just before
            at, chosen = chosen, None
            if sentence[-1:] != "?" and len(sentence.split()) >= 3 \
                    and not _cues(low) & (_DECISION_BIT | _OWNER_VERB_BIT | _PRONOUN_BIT):
                # "… Hosted fields, and no hotfix in the meantime.": what the choice is
                _go_on(decisions, at, sentence, ctx)
            elif settling and sentence[-1:] != "?" and len(sentence.split()) >= 3 \
                    and _says_more(sentence):
                # "Sounds like we're agreed then. One queue, a priority field, …": what is
                # agreed, said as the decision's own words (read once)
                _go_on(decisions, at, sentence, ctx)
                earlier.append(sentence)
                previous = sentence
                continue
        voted = False  # the sentence gives a motion's result: the motion is the decision
        result = None
        if ("propos" in low or "put forward" in low) and (put := _PROPOSED_WHAT.search(sentence)) \
                and not _MOVED_BY.match(sentence):
            ctx.last_proposal = one_line(put["what"]), line
        elif not motion and ctx.last_proposal and line - ctx.last_proposal[1] <= 8 \
                and (_FOR_AGAINST.search(sentence) or (
                    (verdict := _VOTE_RESULT.search(sentence)) is not None
                    and not _VERB_OBJECT.match(sentence, verdict.end())  # ("passed his exam")
                    and (any(w in low for w in ("motion", "vote", "proposal"))
                         or (("carried" in low or "passed" in low)
                             and _VERDICT_LEAD.match(sentence, 0, verdict.start()))))):
            # (a vote, not "the macOS jobs have failed on 6 of the last 20 runs")
            motion = ctx.last_proposal[0]  # "Mo proposed £160 subs. Vote: 6 for, 1 against."
            ctx.last_proposal = None
        if motion and (tally := _VOTE_RESULT.search(sentence)) and not _MOTION.search(sentence):
            result = tally  # "Carried 6-0." after "Motion by …, to install …"
        elif ("motion" in low or "moved" in low or "proposed" in low) \
                and (mm := _MOTION.search(sentence)) and not _MOVED_BY.match(sentence):
            motion = _TO_LEAD.sub("", one_line(mm.group("proposal") or mm.group("proposal2")
                                               or mm.group("proposal3")).rstrip(" ."))
            if (field := _RESULT_FIELD.search(motion)) \
                    and (tally := _VOTE_RESULT.search(motion, field.end())):
                # "… | Text | Buy a second laser cutter. | Result | Failed 1–3": all in one
                motion, result = motion[:field.start()].rstrip(" ."), tally
        elif motion and len(motion.split()) < 4 and not low.startswith("moved"):
            motion = f"{motion}. {sentence.rstrip(' .')}"  # "…: REVISED. Change the default …"
        elif motion and _FOR_AGAINST.search(sentence) and not _VOTE_RESULT.search(sentence):
            previous = sentence  # "Vote: 6 in favor, 0 opposed." before "Motion carried."
            earlier.append(sentence)
            continue
        if result is not None:
            if not _PROCEDURAL.match(motion):
                decisions.append(Decision(f"{motion} ({result.group(0).lower()})", line,
                                          "motion"))
            motion, voted = "", True
        if sentence[-1:] == "?" and speaker and (asking := _REQUEST.match(sentence)) \
                and (who := asking["who"] or asking["handle"] or asking["who2"]) \
                and all(ctx.is_person(one) for one in who.split(" and ")):
            ctx.request = _Request(who.lstrip("@"), one_line(asking["task"] or asking["task2"]),
                                   one_line(f"{previous} {sentence}") if len(previous.split()) >= 4
                                   and "?" not in previous[-5:] else sentence, speaker)
        if sentence[-1:] == "?" and ((put_in := _OBJECTIONS_TO.match(sentence))
                                     or _CONSENT_QUESTION.match(sentence)):
            if put_in:
                ctx.proposal = one_line(put_in["what"])
            elif len(previous.split()) >= 4 and "?" not in previous[-5:]:
                put = _PROPOSAL_LEAD.match(previous)  # "So the proposal is: …. Anyone against?"
                ctx.proposal = one_line(put["proposal"] if put else _FILLER_LEAD.sub(
                    "", previous).lstrip(" :")).rstrip(" .")
            ctx.asker, asked = speaker or "", True
            earlier.append(sentence)
            previous = sentence
            continue
        if ctx.asker == (speaker or "") and not asked and (settled := (
                ctx.proposal if _NONE_HEARD.match(sentence) or _echoes(sentence, ctx.proposal)
                else (summary := _SO_SUMMARY.match(sentence)) and one_line(summary["what"]))):
            decisions.append(Decision(settled.rstrip(" ."), line, "settled"))
            ctx.proposal, ctx.asker = "", None
            earlier.append(sentence)
            previous = sentence
            continue
        if ("propos" in low or "hearing" in low) and (put := _PROPOSAL_LEAD.match(sentence)):
            ctx.proposal = one_line(put["proposal"]).rstrip(" .")
        elif low[:2] == "so" and (put := _SO_PUT.match(sentence)):
            ctx.proposal = one_line(put["proposal"])  # "so: IDLE in its own thread, for 1.3?"
        elif len(low) < 40 and _SETTLED_BACK.match(low) and (settled := (
                _FILLER_LEAD.sub("", one_line(previous)).rstrip(" .")
                if len(previous.split()) >= 4 and "?" not in previous[-5:] else ctx.proposal)):
            # the statement just before ("So RC one Thursday, final on the 19th. Decided."),
            # else the proposal put to the call before the answers ("Objections?" … "Decided.")
            decisions.append(Decision(settled, line, "settled"))
            ctx.proposal, ctx.asker, previous = "", None, sentence
            earlier.append(sentence)
            continue
        cues = _cues(low)
        # a "Decisions" section's sentences are decisions, cue words or not ("[End of minutes]"
        # after the last one is not)
        if not ((in_decisions and sentence[:1] != "[") or cues & _CUE_BIT) \
                or (sentence[:1] == "[" and _DONE.match(sentence)):
            proposed = _put_so_far(proposed, sentence)
            earlier.append(sentence)
            previous = sentence
            continue
        needs = _needs(sentence, low, cues)
        next_cue = _NEXT_CUE.search(sentence) if needs & _NEED_NEXT_BIT else None
        if cues & _NEXT_BIT and next_cue and not (
                _NEXT_ONE.match(next_cue.group(0)) and _OTHER_ROUTINE.search(previous)):
            found = _call_candidates(sentence, line, ctx.note.date, heading=False, cue=next_cue)
            candidates.extend(found)
        # explicit markers
        head = _cues(low[:16]) if cues & _MARKER_BITS else 0
        if head & _DECISION_MARKER_BIT and (m := _DECISION_MARKER.match(sentence)):
            said = m.group("text")
            settled, _, rest = said.partition("; ")
            if rest and ctx.owners(rest.split(" ", 1)[0]) and (follow := _clause_actions(
                    rest, line, ctx, subject, previous, speaker)):
                # "**Outcome:** declined; Hanna will close it with a summary": what was
                # settled, then who follows it up
                actions.extend(_action_with(a, context=sentence) for a in follow)
                said = settled + "."
            if not _PROCEDURAL.match(said) \
                    and not _BARE_TALLY.fullmatch(said) \
                    and not _NOT_READY.match(said):  # procedural, counts only, or none
                if len(said.split()) <= 3 and len(previous.split()) >= 3 and _BARE_VERDICT.match(
                        said):  # "14 Orchard Close - rear extension. RESOLVED: no objection."
                    said = f"{previous.rstrip(' .:')}: {said}"
                if (arrow := _ARROW.search(said, 12)) is not None:
                    # "Both chairs +1, no objections → KEP-31 marked implementable": what the
                    # assent settled; "… SM already has. -> SM to send …": what was decided
                    said = said[arrow.end():].strip() if _ASSENT_ONLY.fullmatch(
                        said[: arrow.start()].strip()) else said[: arrow.start()].rstrip()
                decisions.append(Decision(one_line(said), line, "marker"))
                # the rest of its paragraph says more of it: a numbered record's "DECISION
                # 58.1: …", "**Decision:** we request 3 slots. X only gets one if …"
                marked, numbered = len(decisions) - 1, any(
                    c.isdigit() for c in sentence[: m.start("text")])
            previous = sentence
            continue
        if head & _ACTION_MARKER_BIT and (m := _ACTION_MARKER.match(sentence)):
            actions.extend(_marker_actions(m, line, ctx))
            previous = sentence
            continue
        if low.startswith(("action on", "action for", "ai on", "ai for")) \
                and (m := _ACTION_ON.match(sentence)) and (owner := ctx.owners(m.group("who"))):
            actions.append(Action(owner, _tidy_task(m.group("task")), line, m.group("who"),
                                  "marker"))
            previous = sentence
            continue
        if in_decisions:
            if not _UNSETTLED.search(sentence) and not _ASIDE_LINE.match(sentence):
                decisions.append(Decision(_without_follow_up(one_line(sentence), line, ctx,
                                                             actions), line, "section"))
            previous = sentence
            continue
        if in_actions and block.kind != PARA and not next_cue:
            if not _ASIDE_LINE.match(sentence):
                actions.append(_item_action(sentence, line, ctx, "section"))
            previous = sentence
            continue
        follows_decision = bool(previous) and bool(decisions) and (
            decisions[-1].text.endswith(said_before := one_line(previous))
            or said_before.endswith(decisions[-1].text))  # ("Vote: " before a marked tally)
        if follows_decision and len(low) < 48 and _NO_OUTCOME.match(low):
            decisions.pop()  # "Result: a 2, b 2, undecided 1. No result."
            previous = sentence
            continue
        if follows_decision and _ELABORATION.match(sentence):
            last = decisions[-1]
            decisions[-1] = Decision(f"{last.text} {one_line(sentence)}", last.line, last.rule)
            previous = sentence
            continue
        found_actions = _sentence_actions(sentence, low, cues, needs, line, ctx, subject,
                                          previous, speaker)
        if speaker and not earlier and first_action and len(low) < 40 \
                and _VOLUNTEERS.match(low) and (left := actions[first_action - 1]).owner is None \
                and left.line is not None and 0 < line - left.line <= 4:
            # "Someone should book the booth." … "I can do it.": the volunteer's
            actions[first_action - 1] = replace(left, owner=ctx.owners(speaker) or speaker,
                                                owner_text=speaker)
            found_actions = []
        for action in found_actions:
            action = _action_with(action, context=sentence)
            if previous or not earlier:
                # (past a short reply that opens the turn: "should do. i'll chase them
                # tomorrow" answers the turn before)
                referent = opening if speaker and opening \
                    and len(previous.split()) < 4 else previous or opening
                # (what "it" is, when the task's own first clause says it: not "book the
                # booth, we need it by Friday")
                ctx.referents[id(action)] = _antecedent(referent, ctx.recent) \
                    if speaker and referent and _points_back(referent) \
                    and _ANAPHORIC_TASK.search(action.task.split(", ", 1)[0]) else referent
            actions.append(action)
        decision = None
        if cues & _DECISION_BIT and not voted:
            if said is sentence:
                said_cues, said_needs, said_cue = cues, needs, next_cue
            else:  # "Anil: we should …"
                said_low = said.lower()
                said_cues = _cues(said_low)
                said_needs, said_cue = _needs(said, said_low, said_cues), _NEXT_CUE.search(said)
            decision = _sentence_decision(said, said_cues, said_needs, proposed or previous,
                                          bool(found_actions),
                                          sentence if sentence != said else "", said_cue)
        if decision and speaker and len(sentence.split()) <= 3 and _CONFIRMATION.match(sentence):
            decision = None  # "Chen Wei: Agreed." is one person's assent
        if decision and (pm := _ONE_PERSON_AGREED.match(said)) and ctx.is_person(pm["who"]):
            decision = None  # "Ömer agreed; Sun Yue is fine with it": views, not the call's
        if decision and (_another_bodys(decision, ctx.note.title)
                         or _named_party_decided(decision, ctx)):
            decision = None  # "The County Council has decided to cut the grant": news
        if decision and follows_decision and (decision != sentence
                                              or (_CONFIRMATION.match(sentence)
                                                  and not _AGREED_TO.match(sentence))):
            decision = None  # "No objections." confirming the decision just taken
        if decision:
            ctx.proposal = proposed = ""  # settled, or overtaken
            taken = Decision(decision, line, "cue")
            if previous or not earlier:
                ctx.referents[id(taken)] = _what_was_put(previous, ctx) if speaker else previous
            decisions.append(taken)
            if len(decision.split()) <= 10 and (
                    (("ption" in decision or "with" in decision)
                     and (_CHOSEN_OPTION.search(decision) or _ORDINAL_CHOICE.search(decision)))
                    or (not previous and _SETTLED_ONLY.search(sentence))):
                # the next sentence may say what was chosen, or what is settled when nothing
                # before it in the turn does: "Right, that's settled. Harbour, Northgate and
                # Kelso for the pilot."
                chosen, settling = len(decisions) - 1, not previous and bool(
                    _SETTLED_ONLY.search(sentence))
        elif in_actions and not found_actions and not next_cue \
                and not _WHEN_STATEMENT.match(sentence) and not _ASIDE_LINE.match(sentence) \
                and not (block.kind == PARA and _ABOUT_MEETINGS.search(sentence)):
            # prose in an action-items section: each sentence an action unless it is a plan,
            # or says when something is
            actions.append(_item_action(sentence, line, ctx, "section"))
        proposed = sentence if cues & _PROPOSAL_BIT and _PROSE_PROPOSAL.search(sentence) \
            else _put_so_far(proposed, sentence)
        earlier.append(sentence)
        previous = sentence
    if pending:
        _remember(pending, ctx)
    if ctx.asker == (speaker or "") and not asked and latest.strip(" .…") \
            and not _STILL_ASKING.match(latest):
        ctx.proposal, ctx.asker = "", None  # the asker has moved on: the question lapses
    if request and speaker and request is ctx.request and earlier \
            and ctx.owners(speaker) in (ctx.owners(request.who) or "").split(", "):
        ctx.request = None
        if _TAKEN_ON.match(earlier[0]):
            _take_on(request, speaker, " ".join(earlier[:2]), actions, first_action,
                     block.line, ctx)
    ctx.motion = motion
    return closing or latest


def _take_on(request: _Request, speaker: str, reply: str,
             actions: list[Action], first: int, line: int, ctx: _Ctx) -> None:
    """The person asked ("Pavel, could you cut the 1.5.3 as well?") said yes: the task asked is
    theirs (and their partner's: "Ama, can you and Rafa pair on …", "… with me?"); it also
    says what their own short "I'll write that up" is."""
    who, task, question, asker = request
    owner = ctx.owners(speaker)
    if _TAKE_THAT.match(task):
        if first and (left := actions[first - 1]).owner is None \
                and left.line is not None and 0 <= line - left.line <= 6:
            # "Someone needs to write the short descriptions … Can you take that, Ruth?" "Yeah,
            # sure.": the task nobody had is hers
            actions[first - 1] = replace(left, owner=owner, owner_text=speaker)
            return
        if any(owner in (a.owner or "").split(", ") for a in actions[first:]):
            return  # "Yeah, sure. I'll rewrite it and send it to Imran": the reply says what

    asked = (ctx.owners(who) or "").split(", ")  # "Con and Tomás, can you two …?": both
    asked_words = frozenset(words(task)) - _STOP_WORDS
    for index in range(first, len(actions)):
        action = actions[index]
        if owner in (action.owner or "").split(", "):  # (also "Hanne and I will …")
            if _ANAPHORIC_TASK.search(action.task) and len(action.task.split()) <= 6:
                # "I'll write that up", "I'll put them in the doc": what was asked, unless the
                # question said less
                if not _ANAPHORIC_TASK.search(task) \
                        or len(asked_words) > len(frozenset(words(action.task)) - _STOP_WORDS):
                    actions[index] = _action_with(action, task=_tidy_task(task),
                                                  context=f"{question} {action.context}")
                return
            if action.task.startswith("do ") \
                    or len(asked_words & frozenset(words(action.task))) >= 2:
                return  # the task asked, said again in the reply's words ("I can do a draft")
            # ("Will do. I'll copy Tomás in": a task of their own besides the one asked)
    owners = asked if len(asked) > 1 else [owner]
    if (partner := _AND_PARTNER.match(task)) and (also := ctx.owners(partner["who"])):
        owners.append(also)
        task = partner["task"]
    if _WITH_ME.search(task) and (also := ctx.owners(asker)):
        owners.append(also)
    actions.append(Action(", ".join(dict.fromkeys(o for o in owners if o)), _tidy_task(task),
                          line, who, "taken-on", f"{question} {one_line(reply)}"))


# "The Secretary will write the application together with the Chair": a task done with someone
# is theirs as well; "speak with", "check with", "replace it with" name no partner, and "Will
# work on this more with Jon" is Dave's, with help
_WITH_PARTNER = re.compile(
    r"^(?:co-)?(?:write|draft|prepare|run|organi[sz]e|plan|pair|build|set|do|lead|host"
    r"|design|test|put|present|investigate|look|fix|sort|produce|compile|create|develop|cover"
    r"|hold|deliver|review|rewrite|redo|edit|facilitate|handle|manage)\b[^.;]*?\b"
    rf"(?:together\s+|along\s+|jointly\s+)?with\s+(?P<who>(?:the\s+)?{_NAME}(?:\s+{_NAME})?)\b"
    # any task "with help from Tobias" is done with him
    rf"|^[^.;]*?\bwith\s+(?:some\s+)?help\s+from\s+(?P<helper>{_NAME}(?:\s+{_NAME})?)\b",
    re.I)


_ALSO_PARTNER = re.compile(
    rf"[;,]\s*(?:and\s+)?(?P<who>{_NAME}(?:\s+{_NAME})?)\s+(?:as\s+well|too)\W*$")


def _with_partner(action: Action, ctx: _Ctx) -> Action:
    if action.owner and (also := _ALSO_PARTNER.search(action.task)) \
            and ctx.is_person(also["who"]) and (partner := ctx.owners(also["who"])) \
            and partner not in action.owner.split(", "):  # "review -05 in detail; Zainab as well"
        return replace(action, owner=f"{action.owner}, {partner}",
                       task=action.task[: also.start()].rstrip(" ,;"))
    if action.owner and (m := _WITH_PARTNER.match(action.task)) \
            and not (m["who"] and _TOLD_WITH.search(action.task, 0, m.start("who"))) \
            and ctx.is_person((who := m["who"] or m["helper"]).removeprefix("the ")) \
            and (partner := ctx.owners(who)) and partner not in action.owner.split(", "):
        return replace(action, owner=f"{action.owner}, {partner}")
    return action


# "share it with Rosa", "check with Finance": whom a result goes to, not who helps make it
_TOLD_WITH = re.compile(r"\b(?:share|shares|sharing|send|discuss|check|talk|speak|confirm|raise"
                        r"|liaise|sync|catch|follow|email|meet|consult)\b", re.I)


# "… can you and Rafa pair on the error states?": the task is theirs together
_AND_PARTNER = re.compile(rf"^and\s+(?P<who>{_NAME})\s+(?P<task>\S.*)$", re.S)
_WITH_ME = re.compile(r"\bwith\s+me\b", re.I)


# prose under an action or decision list that is none: an aside in brackets ("(The 16th is
# skipped because of the board meeting.)"), where the log or the recording is ("IRC log: …"),
# who wrote the minutes ("Minutes formatted by the scribe from the IRC log.")
_ASIDE_LINE = re.compile(
    r"^\s*\([^()]*\)\W*$|^\W*(?:fyi|nb|n\.b\.|ps|p\.s\.)\b"  # "FYI: January close runs …"
    # an assistant's disclaimer: "You should check these notes for accuracy."
    r"|^.*\b(?:check\s+these\s+notes|generated\s+automatically|ai-generated"
    r"|may\s+contain\s+mistakes|may\s+be\s+(?:incorrect|inaccurate))\b"
    r"|^\W*(?:irc\s+|chat\s+|meeting\s+)?(?:logs?|recording|video|slides"
    r"|transcript)\s*:|^\W*(?:minutes|notes)\s+(?:formatted|taken|written|typed|recorded"
    rf"|compiled)\s+by\b|{_NEXT_MEETING_LABEL}", re.I)
# "The board meeting is on 12 Nov.", "First monthly check-in: Tue 27 Oct, same slot."
_WHEN_STATEMENT = re.compile(
    rf"^\W*(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:is|are|was|were|will\s+be|runs?|starts?|ends?)\s+"
    rf"(?:(?:on|from|at|to|until)\s+)?"
    rf"(?:{_WEEKDAY_WORD}|\d)|^[^:]{{1,40}}:\W*(?:{_WEEKDAY_WORD})\W+\d", re.I)


def _speaker_match(text: str) -> re.Match[str] | None:
    """'Anil: …', 'ARM - Thomas L: …' or '<anil> …' at the start of `text`."""
    if ":" in text[:80] and (m := _SPEAKER.match(text) or _SPEAKER_AFTER_LEAD.match(text)):
        return m
    return _IRC_SPEAKER.match(text) if "<" in text[:16] else None


def _turns(block: Block, text: str, ctx: _Ctx) -> list[tuple[Block, str]]:
    """A paragraph of transcript lines ("Anil: …" / "<dave> …" / "#agreed …", and a scribe's
    "ines: …" for an attendee) → one piece per turn."""
    if block.kind not in (PARA, ITEM) or "\n" not in text \
            or not (":" in text or "<" in text or "#" in text):
        return [(block, text)]
    if block.kind == ITEM:
        # a list item a turn follows with no blank line between (a chat message's "- lab key:
        # Tobi has it" then "Priya: ok that's it"): the item, then the turns, as paragraphs
        starts = [m.start() for m in _SPEAKER_LINE.finditer(text) if m.start() > 0]
        if not starts or (m := _speaker_match(text[starts[0]:])) is None \
                or not (m.re is _IRC_SPEAKER or ctx.roster.known(m["who"])):
            return [(block, text)]  # (not "RESOLVED: …", "Owner: Sam" under an item)
        return [(replace(block, text=text[:starts[0]]), text[:starts[0]]),
                *_turns(replace(block, kind=PARA, text=text[starts[0]:],
                                line=block.line + text.count("\n", 0, starts[0])),
                        text[starts[0]:], ctx)]
    starts = [m.start() for m in _SPEAKER_LINE.finditer(text)]
    if ":" in text:
        starts = sorted({*starts, *(m.start() for m in _NICK_LINE.finditer(text)
                                    if ctx.roster.match(m["nick"]))})
    if _CLOCK_LINE_END.search(text):  # turns with no blank line between them
        starts = sorted({*starts, *(m.start() for m in _SPEAKER_HEADER_LINE.finditer(text))})
    if len(starts) < 2:
        return [(block, text)]
    if starts[0] != 0:
        starts.insert(0, 0)
    pieces = []
    line, counted = block.line, 0
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        line += text.count("\n", counted, begin)  # from the turn before: linear, not quadratic
        counted = begin
        pieces.append((replace(block, text=text[begin:end], line=line), text[begin:end]))
    return pieces


def _topic(index: int, blocks: list[Block], texts: list[str], parent: int) -> str:
    """What a paragraph is about: its bold lead ("**Blog posts** — …"), the item a nested item
    is under (`parent`, from _item_parents), or its section heading."""
    block = blocks[index]
    if block.text.startswith(("**", "__")) and (m := _BOLD_LEAD.match(block.text)) \
            and not _is_marker_label(lead := one_line(m.group(1)).strip(" :.—–-")):
        return lead  # (not "**Verdict:**", which says what kind of line it is, not about what)
    # "- SIG annual report due Nov 30\n  - AI: …": a topic's short label, not a question or prose
    if parent >= 0 and len((text := texts[parent]).split()) <= 10 \
            and not text.rstrip().endswith("?"):
        return one_line(text)
    if block.section >= 0:
        heading = one_line(texts[block.section]).strip(" #!:*")
        if _SECTION_KINDS[4][1].search(heading) is None \
                and heading.lower() not in _NOT_TOPICS:  # not "Action items", "SPEAKERS"
            return heading
    return ""


# headings that say what kind of text follows, not what it is about (an Otter transcript's
# "SPEAKERS" and "SUMMARY KEYWORDS")
_NOT_TOPICS = frozenset({"notes", "minutes", "meeting notes", "speakers", "summary keywords",
                         "keywords", "transcript"})


def _item_parents(blocks: list[Block]) -> list[int]:
    """For each block, the item it is nested under in the same run of items of a section (the
    nearest before it with a smaller indent), or -1; one pass, however long the list."""
    parents: list[int] = []
    run: list[int] = []  # the items still open, indents increasing
    for index, block in enumerate(blocks):
        if block.kind != ITEM or (run and blocks[run[-1]].section != block.section):
            run = []
        while run and blocks[run[-1]].level >= block.level:
            run.pop()
        parents.append(run[-1] if run and block.level > 0 else -1)
        if block.kind == ITEM:
            run.append(index)
    return parents


_REFERENT_WORDS = 16  # enough of the sentence before to say what "this" is, not a paragraph


def _sibling_text(index: int, blocks: list[Block], texts: list[str]) -> str:
    """The last sentence of the block before `index` when both are items, or both paragraphs,
    of the same section ("- Would be good to integrate with Functoria." / "- Mindy intends to
    do that.")."""
    if index == 0:
        return ""
    block, before = blocks[index], blocks[index - 1]
    if before.kind != block.kind or before.section != block.section \
            or block.kind not in (ITEM, PARA) or _ATTENDEES.match(texts[index - 1]):
        return ""
    text = texts[index - 1]
    if "\n" in text and (header := _SPEAKER_HEADER.match(text)):
        text = text[header.end():]  # "Priya Natarajan   20:46\nCan you make it fit?"
    said = sentences(text, before.line)
    return said[-1][0] if said else ""


# "look at the glyphs thing": a vague noun whose word was said earlier in the note
_VAGUE_THING = re.compile(
    r"\bthe\s+(?!(?:whole|entire|same|other|first|last|next|only|main|big|small|new|old|one"
    r"|right|wrong|best|real)\b)(?P<word>[\w-]{3,})\s+(?:thing|stuff|business|bit)\b", re.I)


def _earlier_mention(action: Action, ctx: _Ctx) -> str | None:
    """The last sentence before the action's line that names what its vague noun is about
    ("Having some issues with glyphs in the Canvas backend" for "the glyphs thing")."""
    m = _VAGUE_THING.search(action.task)
    if m is None or action.line is None:
        return None
    word = re.compile(rf"\b{re.escape(m.group('word'))}\b", re.I)
    lines = ctx.body.split("\n")[: max(0, action.line - ctx.note.body_line)]
    for number in range(len(lines) - 1, -1, -1):
        if word.search(lines[number]):
            for said, _ in sentences(lines[number], number):
                if word.search(said) and said not in action.context:
                    return said
    return None


def _with_referent(action: Action, previous: str, topic: str) -> Action:
    """'Anil will write this.' → 'write this (MirageOS end-of-year review)': say what 'this' is,
    from the clause before the owner in the same sentence ("Power management came up and
    ThomasL will have a look at this"), else the sentence before ("The IMAP server might need
    updating. ThomasL will follow up with him."), else the paragraph's topic."""
    points_back = bool(_ANAPHORIC_TASK.search(action.task)
                       or _ANAPHORIC_SUBJECT.match(action.task))
    if not (points_back or len(action.task.split()) <= 2
            or _GENERIC_OBJECT.match(action.task) or _CONSULT_ONLY.match(action.task)):
        return action
    before = ""
    if action.owner_text and (at := action.context.find(action.owner_text)) > 0 \
            and _JOINED.search(action.context[:at]):  # "X came up and ThomasL will look at this"
        head = action.context[:at].rstrip(" ;")
        before = _CLAUSE_TAIL.sub("", head).strip(" ,;:-—–(")
    if not points_back and not _BARE_OBJECT.match(action.task):
        previous = ""  # a short task ("help", "write the TLS patch"): its topic is enough;
        # "place the order" says which order from the sentence before
    referent = before if len(before.split()) >= 3 else _referent(previous, topic)
    if referent and referent.lower() not in action.task.lower():
        return _action_with(action, task=f"{action.task} ({referent})")
    return action


def _is_marker_label(word: str) -> bool:
    """Whether `word` is a marker's label: "Verdict", "Decision", "Action", "Result"."""
    return bool(_DECISION_MARKER.match(f"{word}: x") or _ACTION_MARKER.match(f"{word}: x"))


def _with_decision_referent(decision: Decision, previous: str, topic: str) -> Decision:
    """'We should work on this once it is released.' → '… (OCaml 4.02.0; Lots of good things
    coming in OCaml 4.02.0 …)': like an action's "this", from the topic and sentence before."""
    # "Decided: go ahead.", "**beta-accepted**": too short to say what, without its topic
    says_what = len(decision.text.split()) > 3 and not _ANAPHORIC_END.search(decision.text)
    if says_what or (previous and previous in decision.text) or _says_nothing(decision.text) \
            or _ASSENT.match(decision.text):
        return decision  # "No objections." already carries the sentence before it
    referent = _referent(previous, topic)
    if referent and referent.lower() not in decision.text.lower():
        return Decision(f"{decision.text} ({referent})", decision.line, decision.rule)
    return decision


# a sentence that is about something said before it: "It's got the wrong date in it.", "Yeah,
# that's the one", "They're exactly the people who want it."
_POINTS_BACK = re.compile(
    r"^(?:(?:yeah|yes|yep|oh|and|but|well|okay|ok|right|so|um|uh)\W+)*(?:it|that|this|they|those|these)(?:\b(?!\s+(?:is|was)\s+(?:a|an|the)\s)"
    r"|['’](?:s|re)\b)", re.I)


def _points_back(said: str) -> bool:
    """Whether `said` only points back at what was said before it: a statement about "it", or
    a short question about it ("Can you take that, Bethany?")."""
    if len(said.split()) < 4:
        return True  # "Yeah, sure."
    short = len(said.split()) < 8
    if said[-1:] == "?":
        return short and bool(_ANAPHORIC_TASK.search(said))
    return bool(_POINTS_BACK.match(said) or (short and _ANAPHORIC_TASK.search(said)))


def _antecedent(near: str, recent: list[str]) -> str:
    """What a task's "it" is when the sentence before it points back too ("The confirmation
    email is still my old draft. It's got the wrong date in it. Can you take that, Bethany?
    Yeah, sure. I'll rewrite it."): the last of the few sentences before `near` that does not,
    with the statement after it; `near` itself when there is none."""
    at = len(recent) - 1 - recent[::-1].index(near) if near in recent else len(recent) - 1
    statement = ""  # the latest statement on the way back that says something of it
    for said in [near, *recent[max(0, at - 4):at][::-1]]:
        if not _points_back(said):
            return "; ".join(s.rstrip(" .") for s in (said, statement if statement != said else "")
                             if s)
        if not statement and said[-1:] != "?" and len(said.split()) >= 4:
            statement = said
    return near


def _referent(previous: str, topic: str) -> str:
    """What "this" points back to: the topic, then the sentence before cut to a few words
    (left out when it opens with the topic, a heading's repeat)."""
    previous = one_line(previous).rstrip(" .")
    if len(said := previous.split()) > _REFERENT_WORDS:
        previous = " ".join(said[:_REFERENT_WORDS]) + " …"
    if topic and previous.lower().startswith(topic.lower()):  # "End-of-year review — Status"
        previous = ""
    return "; ".join(filter(None, (topic, previous)))


_HANDLE_FIRST = re.compile(rf"@(?P<handle>{HANDLE})")


def _subject(sentence: str, ctx: _Ctx) -> str | None:
    """Who a sentence is about: a name among its first words, else an attendee it names."""
    if sentence[:1] == "@" and (lead := _HANDLE_FIRST.match(sentence)) \
            and (known := ctx.handle_owner(lead["handle"]))[:1] != "@":
        return known  # "@r-delacroix said he'd like to take it."
    maybe = None  # a capitalised word among the first that may be a name the list lacks
    for w in _CAPITALISED.findall(" ".join(sentence.split()[:4])):
        w = _POSSESSIVE.sub("", w)
        if ctx.roster.known(w):
            return w
        if maybe is None and ctx.is_person(w) and w.lower() not in _SENTENCE_OPENERS:
            maybe = w
    for m in _CAPITALISED.finditer(sentence):
        w = _POSSESSIVE.sub("", m.group(0))
        if ctx.roster.known(w):
            # "Customer webinar … — Efua and Parisa are doing it together, and will put the
            # slides together": an attendee named anywhere before an unknown opening word, and
            # both when the attendee named next is joined by "and"
            if (pair := _AND_NAME.match(sentence, m.end())) and ctx.roster.known(pair[1]):
                return f"{w} and {pair[1]}"
            return w
    return maybe


_AND_NAME = re.compile(rf"\s+and\s+({_NAME})\b")


# a decision some other body took, reported to the meeting: "The County Council has decided to
# cut the grant", "the ethics committee approved the amendment", "The OpenTrail board has
# approved funding" (the body named by a proper name or as a public one, and not the group whose
# notes these are: "The Parish Council resolved" in a parish council's minutes)
_OTHER_BODY = re.compile(
    r"\b(?:(?:the|our)\s+(?P<name>(?:[\w&'’-]+\s+){0,4}?)(?P<body>commission|council|centre"
    r"|center|district|committee|board|authority|university|school|department|ministry"
    r"|government|agency|trust|foundation|company|office|court|regulator|funder|bank|landlord"
    r"|federation|association|league|union|faculty|senate|diocese|team|group|maintainers"
    r"|developers|editors)\s+(?:has\s+|have\s+"
    r"|had\s+)?(?:now\s+|already\s+|formally\s+)?"
    r"(?:decided|resolved|approved|agreed|granted|rejected|refused|confirmed|ruled|voted)\b"
    # "This was decided by the Foundation in January", "Upstream LLVM has decided to …"
    r"|\b(?:decided|resolved|approved|agreed|ruled)\s+by\s+the\s+(?P<name2>(?:[\w&'’-]+\s+){0,4}?)"
    r"(?P<body2>commission|council|committee|board|authority|university|department|ministry"
    r"|government|agency|trust|foundation|regulator|funder|diocese|faculty|senate)\b"
    r"|\bupstream\s+(?:[\w.-]+\s+){1,2}(?:has\s+|have\s+)?(?:decided|agreed|voted)\b)",
    re.I)
# "… has confirmed its grant — they decided at their September meeting"
_THEIR_MEETING = re.compile(r"\bthey\s+(?:decided|agreed|voted|resolved)\s+(?:it\s+)?at\s+their\b",
                            re.I)
_PUBLIC_BODY = frozenset((
    "ethics", "school", "city", "county", "district", "state", "national", "regional", "federal",
    "university", "local", "government", "town"))
# bodies a meeting reports on by their noun alone ("The Faculty has decided"), never its own
# unless its title says so
_OUTSIDE_BODY = frozenset(("faculty", "senate", "university", "council", "government", "ministry",
                           "regulator", "funder", "bank", "landlord", "court", "department",
                           "foundation", "diocese"))
# bodies inside a project that other parts of it hear from: "the compiler team", "the code of
# conduct committee", "the docs maintainers"
_PART_OF_A_PROJECT = frozenset(("team", "committee", "group", "board", "maintainers",
                                "developers", "editors"))
_NOT_A_PART = frozenset(("whole", "entire", "full", "same", "wider", "extended", "project",
                         "our", "this", "new", "core", "meeting", "working", "leadership",
                         "management", "executive", "senior", "the", "a", "an"))
# the meeting's own decision in the same sentence: "…, so we agreed to appeal"
_OWN_DECISION = re.compile(r"\b(?:we|it\s+was|the\s+meeting|everyone|members)\s+(?:have\s+)?"
                           r"(?:also\s+)?(?:agreed|decided|resolved)\b"
                           # ("…; Halvard offered to be ours and nobody objected")
                           r"|\bnobody\s+objected\b|\bthat['’]s\s+what\s+we['’]ll\s+do\b", re.I)


# a given name of two parts, "Hyun-woo", "Jean-Luc", "Anne-Marie" (not "Follow-up", "Co-op")
_HYPHENATED_GIVEN_NAME = re.compile(rf"^(?!(?:co|pre|re|non|post|sign|follow|roll|check|set|drop"
                                    rf"|kick|hand|wrap|opt|log|sub|self|ex|anti|mid)-)"
                                    rf"[{UPPER}][{LOWER}]+-[{UPPER}{LOWER}][{LOWER}]+$", re.I)
_DECIDING_VERB = re.compile(r"decided|agreed|resolved|voted")
_THE_CHAIRS_WILL = re.compile(r"(?:^|[;,.]\s+|\band\s+)[Tt]he\s+(?:co-?)?chairs\s+(?:will|to"
                              # (not the furniture: "the chairs will be stacked")
                              r"|are\s+going\s+to)\s+(?!be\b|need\b|stay\b|go\b)(?P<task>[a-z].*)")
# one person siding with another: "Ömer agreed; …", "Kiri agreed with Bettina."
_ONE_PERSON_AGREED = re.compile(rf"^\W*(?P<who>{_NAME}(?:\s+{_NAME})?)\s+(?:also\s+)?agreed"
                                r"\s*(?:[;,.]|with\b|$)")
# a named party's decision in the news: "Tokio has decided to keep 1.x as an LTS line", "D3
# has decided to split itself into modules" (not "We have decided", nor an attendee's)
_NAMED_DECIDER = re.compile(
    rf"^\W*(?:(?:also|and|but|meanwhile|upstream),?\s+)?(?P<who>{_NAME}(?:\s+{_NAME}){{0,2}})\s+"
    # ("Homebrew's maintainers have decided …": a project's people)
    r"(?:(?<=['’]s\s)(?:maintainers|developers|team|board|folks|people|devs)\s+)?"
    r"(?:has|have)\s+(?:now\s+|already\s+|just\s+|finally\s+)?"
    r"(?:decided|agreed|voted|resolved|chosen|opted)\b", re.I)


_GROUP_WORDS = frozenset({"we", "everyone", "everybody", "all", "they", "i", "you", "it", "this",
                          "that", "both", "nobody", "someone", "somebody", "most", "many"})


def _named_party_decided(sentence: str, ctx: _Ctx) -> bool:
    """Whether `sentence` reports what a named party outside the meeting has decided: neither
    a person the note knows nor the project the notes are about."""
    if not (m := _NAMED_DECIDER.match(sentence)) or m["who"].lower() in _GROUP_WORDS:
        return False
    own = {w.lower() for w in re.findall(r"[\w&'’-]+", ctx.note.title)}
    return not ctx.roster.known(m["who"]) and not {w.lower() for w in m["who"].split()} <= own


def _another_bodys(sentence: str, title: str) -> bool:
    """Whether `sentence` reports another body's decision (see _OTHER_BODY)."""
    if _OWN_DECISION.search(sentence):
        return False
    m = _OTHER_BODY.search(sentence)
    if _THEIR_MEETING.search(sentence) or (m and "at their" in sentence[m.end():]):
        return True  # "… has confirmed its grant — they decided at their September meeting"
    if m is None:
        return False
    body = (m["body"] or m["body2"] or "").lower()
    if not body:
        return True  # upstream's
    name = (m["name"] if m["body"] else m["name2"]).split()
    own = {w.lower() for w in re.findall(r"[\w&'’-]+", title)}
    if not name:  # "The Faculty has decided …": another body, unless the note is the Faculty's
        return body in _OUTSIDE_BODY and body not in own
    if {w.lower() for w in name} <= own:
        # "the Parish Council resolved" in the Parish Council's minutes is theirs; "The
        # OpenTrail board has approved" in an OpenTrail working group's is the board's
        return body not in own
    return any(w[:1].isupper() or w.lower() in _PUBLIC_BODY for w in name) or (
        # "the compiler team decided", "the code of conduct committee has decided": a named
        # part of the project that is not this group (not "the whole team")
        body in _PART_OF_A_PROJECT and not {w.lower() for w in name} & _NOT_A_PART)


def _remember(said: str, ctx: _Ctx) -> None:
    """Keep `said` among what speakers said lately, if it states something."""
    if said[-1:] != "?" and len(said.split()) >= 6 and not _ASSENT_LEAD.match(said):
        ctx.said_lately = [*ctx.said_lately[-5:], said]


def _what_was_put(previous: str, ctx: _Ctx) -> str:
    """What a decision said in a turn ("Okay, let's do that then.") takes up: the sentence
    before it, unless that is a question, a reply or nothing ("Anyone against? ... No?", "I'm
    fine with that"); then the last proposal made lately ("I'd like us to freeze the v1 API
    …"), else the last statement."""
    if previous and previous[-1:] != "?" and len(previous.split()) >= 5 \
            and not _ASSENT_LEAD.match(previous):
        return previous
    lately = ctx.said_lately
    return next((said for said in reversed(lately) if _PUT_FORWARD.search(said)),
                lately[-1] if lately else previous)


# a reply that goes along with what was said: "I'm fine with that, as long as …", "+1"
_ASSENT_LEAD = re.compile(
    rf"^(?:{_FILLER})*(?:i['’]?m\s+(?:fine|ok|okay|happy)\s+with|fine\s+(?:by|with)\s+me|\+1"
    r"|sounds\s+(?:good|great|fine)|agreed|works\s+for\s+me|no\s+objections?|same\s+here)\b", re.I)
# a proposal put to the call: "I'd like us to …", "we should …", "I propose …", "how about …"
_PUT_FORWARD = re.compile(r"\b(?:i['’]?d\s+like\s+(?:us\s+)?to|we\s+should|i\s+(?:propose|suggest)"
                          r"|how\s+about|what\s+if\s+we|(?:my|the)\s+proposal|i\s+want\s+us\s+to)\b",
                          re.I)


# prose under "Next steps" about the meetings themselves: "No meeting next week (…).", "Last
# Tuesday slot before the move to Wednesdays."
# (not "Call the venue", "Book the room for the next meeting": tasks)
_ABOUT_MEETINGS = re.compile(
    r"^\W*(?:no|next|last|this)\s+(?:\w+\s+)?(?:meeting|call|sync|slot|stand-?up)s?\b", re.I)
# the chair running the meeting, not deciding anything
_RUNNING_THE_MEETING = re.compile(
    r"\blet['’]s\s+(?:just\s+)?(?:start|begin|get\s+(?:started|going)|kick\s+off|move\s+on"
    r"|wrap\s+(?:up|it\s+up)|call\s+it\s+a\s+day)\b|\bread\s+back\b"
    r"|\bagreed\s+on\s+what['’]?s\s+(?:been\s+)?written", re.I)


def _sentence_decision(sentence: str, cues: int, needs: int, previous: str, has_action: bool,
                       core: str, next_cue: re.Match[str] | None) -> str | None:
    """A decision stated in `sentence` (with its speaker, if any; `core` is it without);
    `cues` are its `_cues`, `needs` its `_needs`, `next_cue` its _NEXT_CUE."""
    if sentence.rstrip(" )*_").endswith("?") or sentence.count("#") >= 3:
        return None  # a question; a bot's list of commands ("#action #agreed #help")
    if "(" in sentence and sentence.partition("(")[0].isupper() and sentence[-1:] != ".":
        return None  # a title: "5. COMMENT RESOLUTION ON D1.3 (letter ballot LB-41)"
    if "otes" in sentence and _PROCEDURAL.match(sentence):
        return None  # "The July notes were agreed." (the minutes' own lines are read before)
    if ("let" in sentence or "read" in sentence or "written" in sentence) \
            and _RUNNING_THE_MEETING.search(sentence):
        return None  # "… so let's just start.", "let me read back what I have, so we're agreed"
    strong = None
    if cues & _STRONG_BIT and needs & _NEED_STRONG_BIT:
        # "Dana: Great, then we keep …" is read without "Dana:"
        strong = _DECISION_STRONG.search(sentence) or (
            _DECISION_STRONG.search(core) if core else None)
    weak = None if strong or not cues & _WEAK_BIT else _DECISION_WEAK.search(sentence)
    if not strong and not weak:
        return None
    if needs & _NEED_NOT_DECISION_BIT and _NOT_DECISION.search(sentence):
        return None
    if strong and not weak and (_ONE_AGREED.match(sentence) or (
            strong.group(0)[:8].lower() in ("decision", "resoluti")
            and _DECISION_MENTIONED.search(sentence))):
        return None  # "Bartek agreed that …" is his view; "brief her on the offline decision"
    if _HEDGE.match(sentence) and not (strong and _CONSENSUS.search(sentence)):
        return None
    if weak and (_DISCUSSION.match(sentence) or next_cue):
        return None  # "We'll meet again in two weeks" is the next call, not a decision
    if weak and weak.group(0)[:2].lower() in ("we", "le"):  # "we will …", "let's …"
        prefix = sentence[: weak.start()]
        if not _PLAN_PREFIX.search(prefix) or _SPEAKER_PREFIX.match(prefix):
            return None
    if has_action and (weak or (strong and re.match(r"(?:agreed|decided)\s+to",
                                                    sentence[strong.start():], re.I))):
        return None
    text = one_line(_TIMESTAMP_LEAD.sub("", sentence))
    if strong and previous and not _AGREED_TO.match(sentence) \
            and not _DECIDED_WHAT.match(strong.string, strong.start()) \
            and (len(text.split()) <= 8 or _ANAPHORIC_TASK.search(text)
                 or _CONFIRMATION.match(text)):
        # "No objections." and "The motion carried 5-0." confirm what came before, and so does
        # "No objections to dropping it in 2.4"; "We decided to drop 3.9 support." says what it
        # decides itself
        text = one_line(previous + " " + text)
    return text


# a task in the present tense after its owner, as minutes record them: "BS updates SECURITY.md",
# "→ OV opens a public issue"; only for people the note names (the verb's stem a task verb)
_PRESENT_TASK = re.compile(
    rf"^(?:(?:→|->|⇒)\s*)?(?P<who>{_NAMES}|@{HANDLE})\s+(?P<verb>[a-z]+s)\s+(?P<rest>[^\s?].*?)\.?$",
    re.S)
_ARROWS = ("→", "⇒", " -> ")
_MOVES_TO_PLACE = re.compile(rf"(?:to|back\s+to|house|away)\b(?:\s+[{UPPER}]|\W*$)")
_QUESTION_LEAD = re.compile(r"(?:whether|if|why|how|what|who|when|about)\b", re.I)
# each task verb's present tense, to its stem: "merges" → "merge", "replies" → "reply" (in the
# present tense "Amir proposes …", "Anil discusses …" tell the meeting, not a task)
_PRESENT_FORMS = {
    form: verb for verb in (_TASK_VERBS - {"propose", "discuss", "decide", "talk"}) | frozenset(
        "open close answer credit own lead handle take drive chase host invite reach "  # noqa: SIM905
        "adopt".split())
    for form in (verb + "s", verb + "es", verb[:-1] + "ies" if verb.endswith("y") else "")
    if form}


def _present_task(text: str, line: int, ctx: _Ctx) -> Action | None:
    """The task `text` records in the present tense, if it opens with its owner, or if an
    arrow leads to it ("We need to credit them → JH adds a line to the about page")."""
    said = text
    for arrow in _ARROWS:
        if (at := text.rfind(arrow)) > 0:
            text = text[at:]
            break
    words = text.lstrip("→⇒-> ").split(" ", 5)
    if _PRESENT_FORMS.keys().isdisjoint(words[1:5]) or not ctx.roster.known(words[0].rstrip(",")) \
            or (m := _PRESENT_TASK.match(text)) is None:
        return None  # (the cheap tests first: most sentences have no such verb near the start)
    stem = _PRESENT_FORMS.get(m["verb"])
    if stem == "ask" and _QUESTION_LEAD.match(m["rest"]):
        return None  # "@darekz asks whether we should have a #help channel": a question
    if stem == "move" and _MOVES_TO_PLACE.match(m["rest"]):
        return None  # "Jonas moves to Montréal in October": news of Jonas
    names = [n for n in OWNER_SEPARATOR.split(m["who"]) if n]
    if stem is None or not names or not all(ctx.roster.known(n) for n in names) \
            or (owner := ctx.owners(m["who"])) is None:
        return None
    return Action(owner, _tidy_task(f"{stem} {m['rest']}"), line, m["who"], "present-item",
                  context=one_line(said))


def _arrow_names_someone(who: str, task: str, ctx: _Ctx) -> bool:
    """"Mariana → run stand-ups" is a task; "Trial → paid: 9.4%" is a metric: the word before
    the arrow is a person the note names, or a verb telling them what to do follows it."""
    return ctx.roster.known(who) or ctx.roster.resolve(who) != who \
        or task.split(" ", 1)[0] in _TASK_VERBS


# the meeting itself, which a request from the floor is put to
_THE_MEETING = frozenset({"board", "committee", "council", "meeting", "panel", "trustees",
                          "group", "members", "us"})  # ("The council asked us to …")
# a view before "X should …": "felt the Club should", "thinks we should", "believed Ana should"
_VIEW_BEFORE = re.compile(r"\b(?:felt|feels|thought|thinks|believes?|believed|reckons?|argued)"
                          r"\s+(?:that\s+)?(?:the\s+)?$", re.I)


def _clause_actions(clause: str, line: int, ctx: _Ctx, subject: Callable[[], str | None],
                    previous: str, speaker: str | None) -> list[Action]:
    """The actions in a clause cut from a longer sentence ("…; Daniel will file the ticket")."""
    low = clause.lower()
    cues = _cues(low)
    return _sentence_actions(clause, low, cues, _needs(clause, low, cues), line, ctx, subject,
                             previous, speaker)


def _sentence_actions(sentence: str, low: str, cues: int, needs: int, line: int, ctx: _Ctx,
                      subject: Callable[[], str | None], previous: str,
                      speaker: str | None = None) -> list[Action]:
    """Actions in one sentence; `low` is it lower-cased, `cues` its `_cues` and `needs` those
    its `_needs`, for cheap checks before each rule."""
    found: list[Action] = []
    if (present := _present_task(sentence, line, ctx)):
        return [present]  # "→ LG asks the reporter for …", "Hugo starts the [VOTE] thread"
    if _HEDGE.match(sentence):
        return found  # "Maybe Wassim should use MiniOS for now": a suggestion
    # "(Anil will do this)"
    for m in _PAREN_OWNER.finditer(sentence) if "(" in low else ():
        owner = ctx.owners(m.group("who"))
        if not owner:
            continue
        task = m.group("task")
        if _THIS_TASK.match(task) or not task.strip():
            before = sentence[: m.start()]
            before = re.sub(r"^.*?\b(?:needs?\s+to|should|will)\s+", "", before)
            task = before
        elif len(task.split()) == 1:  # "a draft blog post is ready (Amir will review)"
            clause = re.split(r"[,;:]\s+", sentence[: m.start()])[-1].strip()
            task = f"{task} ({clause})" if clause else task
        found.append(Action(owner, _tidy_task(task), line, m.group("who"), "paren-owner"))
    if found:
        return found
    if cues & _ASKING_BIT and (ask := _ASKED_TO.search(sentence)) \
            and not sentence.rstrip(" )*_").endswith("?") and (whom := re.sub(
                r"^the\s+", "", ask.group("whom") or ask.group("whom2"), flags=re.I)).lower() \
            not in _THE_MEETING:  # ("A member asked the board to …": a request to the meeting)
        # "Hilary asked me to …": the speaker, or in notes the one taking them
        owner = ctx.owners(whom) if whom.lower() != "me" \
            else ctx.owners(speaker) if speaker else ctx.note_taker
        if owner is None and all(w[:1].isupper() for w in whom.split()):
            owner = whom  # a department or role the attendees do not name: "Public Works"
        return [Action(owner, _tidy_task(ask.group("task") or ask.group("task2")), line,
                       whom if owner else None, "asked")]
    if ("assign" in low or "→" in low or "⇒" in low or "->" in low or "dri:" in low) \
            and (am := _ASSIGNED.search(sentence)) \
            and not (am["who3"] and not _arrow_names_someone(am["who3"], am["task3"], ctx)) \
            and (owner := ctx.owners(who := re.sub(r"\s+@", ", ", am["who"] or "")
                                     or am["who2"] or am["who3"] or am["who4"])):
        return [Action(owner, _tidy_task(am["task"] or am["task2"] or am["task3"]
                                         or am["task4"]), line, who, "assigned")]
    if "@" in sentence and (hm := _HANDLE_ACTION.search(sentence)) \
            and not _BAD_TASK.match(hm.group("task")):  # "@bob will handle the notes"
        handled = []
        while hm is not None:
            # "@saskia_v volunteered to write the note, and @jhaldane will port the importer":
            # one task each
            task, rest = hm["task"], ""
            if (then := _NEXT_HANDLE.search(task)) is not None:
                task, rest = task[:then.start()], task[then.end():]
            handles = re.findall(rf"@({HANDLE})", "@" + hm.group("who"))
            handled.append(Action(", ".join(dict.fromkeys(ctx.handle_owner(h) for h in handles)),
                                  _tidy_task(task), line, "@" + hm.group("who"), "owner-verb"))
            hm = _HANDLE_ACTION.match(rest) if rest else None
        return handled
    if "chairs" in low and ctx.chairs and (cm := _THE_CHAIRS_WILL.search(sentence)):
        # "The chairs will update the milestone": the attendees marked as chairs ("…; Sunita
        # will send it": and who does the rest)
        task, _, rest = cm["task"].partition("; ")
        chairs = Action(ctx.owners("the chairs"), _tidy_task(task), line, "the chairs",
                        "owner-verb")
        return [chairs, *(_clause_actions(rest, line, ctx, subject, previous, speaker)
                          if rest else ())]
    matches = (_all_matches(_OWNER_ACTION, sentence)
               if cues & _OWNER_VERB_BIT and needs & _NEED_OWNER_ACTION_BIT else [])
    if " to " in low:
        matches += _all_matches(_OWNER_TO, sentence, _OWNER_TO_FIRST)
    matches.sort(key=lambda m: m.start())
    for i, m in enumerate(matches):
        if m.re is _OWNER_ACTION and "should" in m["verb"] \
                and _VIEW_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # "Cllr Birt felt the Club should first apply to …": a view
        if _DECIDING_VERB.search(m.groupdict().get("verb") or "") \
                and _another_bodys(sentence, ctx.note.title):
            continue  # "The Heathland Trust decided to feature us": theirs to do, not ours
        owner = ctx.owners(m.group("who")) or _initials_owner(m.group("who"), m.group("task"))
        if not owner:
            continue
        task = m.group("task")
        if i + 1 < len(matches):
            task = task[: max(0, matches[i + 1].start() - m.start("task"))]
        if _BAD_TASK.match(task) or not task.strip():
            continue
        if found and found[-1].line == line and m.start() < _end_of(found, sentence):
            continue
        who = m.group("who")
        if spoken := ctx.person_parts(who):  # "OSCON and ThomasL" → ThomasL ("the chairs": none)
            who = who[max(0, who.find(spoken[0])):]
        rest = ""
        if (cut := _NEXT_CLAUSE.search(task)) and (cut.group("who") is None
                                                   or ctx.is_person(cut.group("who"))):
            task, rest = task[: cut.start()], task[cut.start():]  # "… and Anil is writing …"
        if m.re is _OWNER_ACTION and m["partner"] and (partner := ctx.owners(m["partner"])) \
                and partner != owner:
            owner = f"{owner}, {partner}"
        if who[:7].lower() == "me and " and (partner := ctx.owners(who[7:])):
            # "Me and Joon-ho will go up Friday", said by Ana (in notes, by their writer)
            me = ctx.owners(speaker) if speaker else ctx.note_taker
            owner = f"{me}, {partner}" if me and me != partner else partner
        found.append(Action(owner, _tidy_task(task), line, who, "owner-verb"))
        if rest and (wm := _WISH.search(rest)):  # "… and the next step is to make it a library"
            found.append(Action(None, _tidy_task(next(t for t in wm.groups() if t)), line,
                                None, "wish"))
    if found:
        return found
    if cues & _PRONOUN_BIT and (pm := _PRONOUN_ACTION.search(sentence)) \
            and not _ability(pm, sentence) and not _HAD_DONE.match(sentence, pm.end("pro")):
        if pm.group("pro") in _FIRST_PERSON:
            # "I'll …" is a promise; "I'd support that" (I would) is an opinion
            modal = sentence[pm.end("pro"):pm.start("task")]
            quoted = _QUOTED_SPEAKER.search(sentence, 0, pm.start("pro")) if not speaker else None
            pro_owner = None if _CONDITIONAL.match(modal) \
                else speaker or (quoted["who"] if quoted and ctx.is_person(quoted["who"])
                                 # (not someone's words: "Kim: I'll …" with Kim unknown)
                                 else ctx.note_taker if _not_a_speaker(sentence[:pm.start()])
                                 else None)
        else:  # "Anil mentioned that he'd …": the last attendee named before, else anyone
            before = sentence[: pm.start()]
            pro_owner = (_last_person(before, ctx, known_only=True)
                         or _last_person(previous, ctx, known_only=True)
                         or _last_person(before, ctx) or _last_person(previous, ctx)
                         or subject())
        if pro_owner and not _BAD_TASK.match(pm.group("task")):
            owner = ctx.owners(pro_owner)
            if owner and pm.group("pro") in _FIRST_PERSON and " and i" in sentence.lower() \
                    and (with_i := _PARTNER_AND_I.search(sentence, 0, pm.start("pro") + 1)) \
                    and ctx.is_person(with_i["who"]) and (also := ctx.owners(with_i["who"])) \
                    and also != owner:
                owner = f"{also}, {owner}"  # "Hanne and I can do a first draft": both
            if owner:
                task = pm.group("task")
                if rel := _RELATIVE_OBJECT.search(sentence[: pm.start()]):
                    task = _with_object(task, rel.group("object"))
                if pm.group("pro") not in _FIRST_PERSON:
                    return [Action(owner, _tidy_task(task), line, pro_owner, "pronoun")]
                # "I'll write the notes, and I'll fix that error message": one each
                promises = [m for m in _all_matches(_PRONOUN_ACTION, sentence)
                            if m.group("pro") in _FIRST_PERSON
                            and not _CONDITIONAL.match(sentence, m.end("pro"), m.start("task"))]
                found = []
                for i, m in enumerate(promises):
                    part = task if i == 0 else m.group("task")
                    if i + 1 < len(promises):
                        part = part[: max(0, promises[i + 1].start() - m.start("task"))]
                    part = _tidy_task(part)
                    if part and not _BAD_TASK.match(part):
                        found.append(Action(owner, part, line, pro_owner, "pronoun"))
                return found
    if cues & _ELIDED_BIT and (em := _ELIDED_ACTION.search(sentence)) \
            and not _BAD_TASK.match(em.group("task")):
        if em.start() == 0:
            context = subject()
        elif _THING_SUBJECT.match(sentence):
            context = None
        else:
            context = _subject(sentence, ctx) or subject()
        owner = ctx.owners(context) if context else None
        if owner:
            return [Action(owner, _tidy_task(em.group("task")), line, context, "elided-subject")]
    if (im := _IMPERATIVE.match(sentence)) and not sentence.rstrip(" )*_").endswith("?"):
        return [Action(None, _tidy_task(im.group("task")), line, None, "imperative")]
    invitation = "if " in low and _INVITATION.search(sentence) is not None
    if "please" in low and (pl := _PLEASE.match(sentence)):
        named = pl.group("who")
        owner = ctx.owners(named) if named else None
        if owner or pl.group("whoever"):
            task = _tidy_task(pl.group("task"))
            if pl.group("whoever") and pl.group("whoever").lower().startswith("whoever"):
                task = f"{task} ({one_line(pl.group('whoever'))})"
            return [Action(owner, task, line, named if owner else None, "request")]
    if cues & _PROPOSAL_BIT and (pr := _PROPOSAL.search(sentence)) \
            and not sentence.rstrip(" )*_").endswith("?"):
        whom = pr.group("whom") or ""  # (a str, as `whom` is above: one type per name)
        task = pr.group("task")
        first = task.split(" ", 1)[0]
        # "Anil proposed writing down …" is one person's idea; "It was proposed that we …" and
        # "… suggested that Hannes submit …" put a task on someone
        if (whom or "that" in sentence[pr.start():pr.start("task")]) \
                and first.lower() not in _NOT_PEOPLE and not first.endswith("ing") \
                and not _DISSENT.search(task):
            named = whom if whom and whom.lower() != "we" else (
                None if whom else pr.group("who"))
            owner = ctx.owners(named) if named else None
            if not _BAD_TASK.match(task):
                return [Action(owner, _tidy_task(task), line, named if owner else None,
                               "proposal")]
    if cues & _WISH_BIT and needs & _NEED_WISH_BIT and (wm := _WISH.search(sentence)) \
            and not sentence.rstrip(" )*_").endswith("?") and not _HEDGE.match(sentence):
        task = next(t for t in wm.groups() if t)
        if not _BAD_TASK.match(task):
            return [Action(None, _tidy_task(task), line, None, "wish")]
    if cues & _UNOWNED_BIT and needs & _NEED_UNOWNED_BIT and (um := _UNOWNED.search(sentence)) \
            and not invitation:
        task = um.group("task") or um.group("task2") or um.group("task3") or ""
        if _THIS_TASK.match(task) and previous:
            task = previous
        elif um["task2"] and (it := _IT_OBJECT.search(task.partition(";")[0])) \
                and len(subject_said := sentence[:um.start()].strip(" ,")) > 8:
            # "The other one (folders … vanish) needs someone to bisect it; nobody had time":
            # what "it" is comes before
            task = f"{task[:it.start()]}{subject_said[0].lower()}{subject_said[1:]}"
        return [Action(None, _tidy_task(task.partition("; ")[0]), line, None, "someone")]
    if (cues & _AGENDA_BIT and needs & _NEED_AGENDA_TODO_BIT and _AGENDA_TODO.search(sentence)) \
            or (" be " in low and needs & _NEED_PASSIVE_BIT and _PASSIVE_TODO.search(sentence)) \
            or (cues & _WE_TODO_BIT and needs & _NEED_WE_TODO_BIT and _WE_TODO.search(sentence)):
        if sentence.rstrip().endswith("?") or invitation or "whether" in low:
            return []  # ("a discussion about whether reviews should be written": a question)
        who = _subject(sentence, ctx)
        owner = ctx.owners(who) if who else None
        return [Action(owner, _tidy_task(sentence), line, who, "todo")]
    return []


# another person's clause after a task: "… to the list and Anil is writing a blog post"
_NEXT_CLAUSE = re.compile(
    rf"[,;]?\s+(?:and|but|while|whereas)\s+(?:(?P<who>{_NAME})\s+(?:is|are|was|has|had|will"
    r"|would|can|could|should|did|does|also|then|[a-z]+(?:ed|s)\b)"
    r"|(?=(?:the\s+)?next\s+steps?\s+(?:is|are|will\s+be)\s+to\b))")


# "Mort has notes that he'll write up": the task's object is the noun before "that"
_RELATIVE_OBJECT = re.compile(
    r"\b(?:has|have|had|with|wrote|got)\s+(?P<object>(?:(?:some|a|an|the|his|her|their|few"
    r"|several)\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:that|which)\s*$", re.I)
_PARTICLE = re.compile(r"^(?P<verb>\w+(?:\s+(?:up|out|down|over|through|back))?)\b", re.I)


# "so that I can …", "if I can …": a condition or a purpose, not an offer
_SUBORDINATE_END = re.compile(r"\b(?:so(?:\s+that)?|if|when|whether|unless|until|once|because"
                              r"|in\s+case|maybe|perhaps)\W*$", re.I)


def _ability(m: re.Match[str], sentence: str) -> bool:
    """Whether a pronoun's "can" states ability ("so that he can add it") rather than an offer
    ("I can take the release notes"): only "I can", and not in a condition or purpose."""
    if " can" not in sentence[m.end("pro"):m.start("task")]:
        return False
    return m.group("pro") not in _FIRST_PERSON \
        or _SUBORDINATE_END.search(sentence, 0, m.start()) is not None


def _not_a_speaker(before: str) -> bool:
    """Whether the text before an "I'll" is no speaker's name: no colon ("Kim: I'll …"), or a
    label with words in lower case before it ("For the public vote: I'll set up the form")."""
    label, colon, _ = before.rpartition(":")
    return not colon or any(word[:1].islower() for word in label.split()[1:])


def _with_object(task: str, obj: str) -> str:
    """'write up when he gets a chance' + 'notes' → 'write up notes when he gets a chance'."""
    m = _PARTICLE.match(task)
    if not m or obj.lower() in task.lower():
        return task
    return f"{task[:m.end()]} {obj}{task[m.end():]}"


def _all_matches(pattern: re.Pattern[str], text: str,
                 at_start: re.Pattern[str] | None = None) -> list[re.Match[str]]:
    """Matches that may nest in each other's task ("A will x and B will y"); `at_start`, when
    given, is tried first at the start of `text`."""
    out = []
    pos = 0
    if at_start is not None and (m := at_start.match(text)) is not None:
        out.append(m)
        pos = m.start("task")
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start("task")
    return out


def _end_of(found: list[Action], sentence: str) -> int:
    last = found[-1].task
    pos = sentence.find(last[:30])
    return pos + len(last) if pos >= 0 else 0


def _last_person(sentence: str, ctx: _Ctx, known_only: bool = False) -> str | None:
    """The last attendee named in `sentence`, else the last word that may be a name."""
    known = maybe = None
    for w in _CAPITALISED.findall(sentence):
        w = _POSSESSIVE.sub("", w)
        if ctx.roster.known(w):
            known = w
        elif not known_only and ctx.is_person(w):
            maybe = w
    return known or maybe


_RULE_RANK = {"marker": 0, "table": 1, "section": 2}  # cue last: the least explicit


# the option a decision picks by its letter or number: "we're going with option B", "Option (b)
# it is.", "We're going with B.", "we'll go with (b)"
_CHOSEN_OPTION = re.compile(r"\b(?:option\s+\(?(?P<key>[a-z]|\d{1,2})\)?"
                            r"|go(?:ing)?\s+with\s+\(?(?P<bare>(?-i:[A-Z])|\d{1,2}|[a-z](?=\)))\)?)"
                            r"(?![\w(])", re.I)
_OPTION_MARKUP = re.compile(r"\*\*|__|[`\"“”]")
# what a list of options is introduced by: "Three options:", "Three ways to structure it"
_OPTIONS_WORD = re.compile(r"option|choices|alternatives|approaches|\bways\b", re.I)
# an option picked by its place: "Let's go with the second option then", "the second one"
_ORDINAL_CHOICE = re.compile(r"\bwith\s+(?:the\s+)?(?:first|second|third|fourth|last|former"
                             r"|latter)(?:\s+(?:one|option|choice))?\b", re.I)


def _option_laid_out(key: str, lines: list[str]) -> str | None:
    """What option `key` is, from the note's `lines` before the decision (nearest first): a line
    of its own ("Option B - switch to …", "- **Option A:** …", "2. quarantine them …", "(b) large
    planters …", continued on the lines under it), or a lettered option in a sentence ("two
    options: (a) use js-yaml as-is, (b) use it with the safe schema", "(2) +6% on wholesale")."""
    k = re.escape(key)
    laid_out = re.compile(rf"^(?P<indent>\s*)(?:[-*•+]\s+)?(?:\*\*|__)?(?P<word>option\s+)?"
                          rf"(?:\({k}\)|{k}\s*(?:\*\*|__)?\s*[.):—–-])\W*?(?P<what>\w.*)$", re.I)
    for i, line in enumerate(lines):
        if (m := laid_out.match(line)) and (m["word"] or any(
                _OPTIONS_WORD.search(earlier) for earlier in lines[i:i + 12])):
            what = [m["what"]]
            for more in reversed(lines[max(0, i - 4):i]):  # its wrapped lines ("   sprint;")
                if not more.strip() or len(more) - len(more.lstrip()) <= len(m["indent"]):
                    break
                what.append(more.strip())
            return _OPTION_MARKUP.sub("", one_line(" ".join(what))).strip(" .;,:")
        if f"({key}) " in line.lower() and (m := re.search(
                rf"(?<![\w(])(?<!option )\({k}\)\s+(?P<what>[\w+£$€]\S*[^()]*?)"
                r"(?=,?\s*(?:and\s+|or\s+)?\(\w\)|[.;]|$)",
                " ".join(lines[max(0, i - 2):i + 1][::-1]), re.I)):
            return one_line(m["what"]).rstrip(" .;,")
    return None


def _with_options(decisions: list[Decision], note: Note) -> list[Decision]:
    """A decision that picks "option B" says what B is, from where the note laid the options out
    just before it: "Final call from Gaz: we're going with option B (option B: switch to
    KitLocker with an online club shop)"."""
    out, lines = [], None
    for decision in decisions:
        if decision.line is not None and ("ption" in decision.text or "with" in decision.text) \
                and (chosen := _CHOSEN_OPTION.search(decision.text)):
            key = chosen["key"] or chosen["bare"]
            lines = note.body.split("\n") if lines is None else lines
            at = decision.line - note.body_line
            before = lines[max(0, at - 40):at + 1][::-1]  # nearest first, the decision's own too
            if (what := _option_laid_out(key, before)) \
                    and not set(words(what)) <= set(words(decision.text)):  # (not said already)
                decision = replace(decision, text=f"{decision.text} (option {key}: {what})")
        out.append(decision)
    return out


def _dedupe_decisions(items: list[Decision]) -> list[Decision]:
    """One decision per thing decided: "Resolved: X" and a vote line quoting it, a table row
    and the sentence saying the same, keep the most explicit (marker, table, section, cue);
    what the room said just before the chair's "#agreed …" is that decision, recorded."""
    items = [d for i, d in enumerate(items)
             if not (d.rule in ("cue", "motion", "settled")
                     and _restated(d, _markers_soon_after(d.line, items[i + 1 : i + 9])))]
    said = [frozenset(words(d.text)) - _STOP_WORDS for d in items]
    picked = [(m["key"] or m["bare"]).lower() if ("ption" in d.text or "with" in d.text)
              and (m := _CHOSEN_OPTION.search(d.text)) else None for d in items]
    drop: set[int] = set()
    best: dict[frozenset[str], int] = {}  # the same words exactly: one look-up, not a pass
    for k, d in enumerate(items):
        if (first := best.setdefault(said[k], k)) != k and said[k]:
            keep = first if _RULE_RANK.get(items[first].rule, 3) <= _RULE_RANK.get(d.rule, 3) else k
            drop.add(k if keep == first else first)
            best[said[k]] = keep
    for i, a in enumerate(items):
        for j in range(i + 1, min(len(items), i + 1 + _COMPARED)):
            if i in drop or j in drop or not said[i] or not said[j]:
                continue
            b = items[j]
            if _same_content(said[i], said[j]) \
                    or _summary_restates(a.rule, b.rule, said[i], said[j], _DECISION_SUMMARY_RULES):
                worse = j if _RULE_RANK.get(a.rule, 3) <= _RULE_RANK.get(b.rule, 3) else i
                drop.add(worse)
            elif picked[i] and picked[i] == picked[j] \
                    and (a.rule in _SUMMARY_RULES) != (b.rule in _SUMMARY_RULES):
                # "we're going with option B" and the summary's "Option B: bus on Kafka": the
                # one that says what B is
                drop.add(j if len(said[i]) >= len(said[j]) else i)
    return [d for k, d in enumerate(items) if k not in drop]


def _restated(said: Decision, markers: list[Decision]) -> bool:
    """Whether a marker just after `said` records it: "ok, let's do that" then "#agreed ship
    on Friday" is one decision; a decision of its own ("We're going with the agency carer",
    then "✔ Decided: Mum doesn't drive") shares none of the marker's words."""
    if not markers:
        return False
    content = frozenset(words(said.text)) - _STOP_WORDS
    # ("<nadia> ok, anyone against? ... no? then agreed": the asking, then "Agreed: …" says what)
    return len(content - _CONSENT_WORDS) < 4 \
        or any(content & (frozenset(words(m.text)) - _STOP_WORDS) for m in markers)


_CONSENT_WORDS = frozenset({"anyone", "anybody", "against", "objections", "objection", "agreed",
                            "decided", "settled", "none", "ok", "okay", "alright", "right",
                            "so", "fine", "good", "great", "then", "yes", "yeah"})
_STOP_WORDS = frozenset("""a an the and or but of to in on at for by with from as is are was were
    be it this that we they will would should can no not""".split())  # noqa: SIM905


# "Actions: none this week", "- N/A", "Decision: TBD", "Conclusions: As above.": an item that
# says there is none (or none of its own)
_NO_TASK = re.compile(
    r"^\W*(?:none|n/?a|nothing|no\s+(?:new\s+)?(?:actions?|action\s+items|tasks)|nil|-+"
    r"|(?:as|see)\s+above)\b\W*"
    r"(?:(?:this|for\s+this)\s+(?:week|time|call|meeting)|yet)?\W*$"
    # a reminder or a note for information in a list of tasks or decisions: "Reminder: all
    # deliverables are licensed CC-BY-4.0, nothing new there", "FYI: …"
    r"|^\W*(?:reminder|fyi|for\s+info(?:rmation)?|heads[- ]up)\s*:"
    # the minutes of who came and went: "ACTION: GN\nGN left the meeting at 6.40pm."
    r"|^(?:left|joined|arrived|departed)\s+(?:the\s+)?(?:meeting|call|room)\b", re.I)


def _says_nothing(text: str) -> bool:
    """'none', 'TBD', or a blank to fill in ('Approved: ______')."""
    return not any(c.isalnum() for c in text) or _NO_TASK.match(text) is not None \
        or _NULL_MARK.fullmatch(text.strip(" .!")) is not None


def _dedupe_actions(items: list[Action]) -> list[Action]:
    """One action per task: the same owner's task said twice ("ACTION: Dave to draft X" in the
    log and in the summary; the sentence and its marker) is kept once, the first time."""
    out: list[Action] = []
    kept: list[frozenset[str]] = []
    # with the referent: a closing list's "email Piet about RFC 0030" restates "Hanna will email
    # Piet to ask whether he still plans to work on it" said under "4. RFC 0030" (for one owner's
    # tasks: two tasks nobody owns may share a topic and still be two)
    told: list[frozenset[str]] = []
    by_owner: dict[str | None, list[int]] = {}  # where each owner's kept tasks are in `out`
    exact: set[tuple[str | None, frozenset[str]]] = set()
    for i, a in enumerate(items):
        if _offer_restated(a, items[i + 1] if i + 1 < len(items) else None) \
                or _recorded_by_marker(a, items[i + 1 : i + 9]):
            continue
        # without the referent appended in brackets (the task's own brackets stay)
        own = a.task.rsplit(" (", 1)[0] if a.task.endswith(")") else a.task
        content = frozenset(words(own)) - _STOP_WORDS
        # (a shared task's owners in any order: "Marta Kowalczyk, Oyelaran Adeyemi" from "Marta
        # and I will …", the other way round from the summary's "@laran @mkowal …")
        owners = ", ".join(sorted(a.owner.split(", "))) if a.owner and ", " in a.owner \
            else a.owner
        if (owners, content) in exact:
            continue
        with_referent = content if own is a.task or a.rule in _SUMMARY_RULES or a.owner is None \
            else frozenset(words(a.task)) - _STOP_WORDS
        theirs = by_owner.setdefault(owners, [])
        said_before = next((k for k in theirs[-_COMPARED:]
                            if not _numbered_apart(content, kept[k]) and (
                                _same_content(content, kept[k], a.owner is not None)
                            or _same_task(a, out[k], content, kept[k])
                            or _summary_restates(a.rule, out[k].rule, with_referent, told[k],
                                                 _SUMMARY_RULES, a.owner is not None)
                            or _list_names_it(a, out[k], content, kept[k]))), None)
        if said_before is not None:
            if (len(kept[said_before]) == 2 and content > kept[said_before]) or (
                    a.rule in _SUMMARY_RULES and _THIS_TASK.match(out[said_before].task)):
                # "Sun-woo writes the guide." and later "write the 'reattach' guide" ("Liam said
                # he'd do it" and the list's "log the prep room sink"): one task, kept where it
                # was first said, in the words that say which
                out[said_before], kept[said_before] = a, content
                told[said_before] = with_referent
            elif _list_says_more(a, out[said_before], content, kept[said_before]):
                out[said_before] = a  # (compared with later tasks in the words first said)
            continue
        exact.add((owners, content))
        theirs.append(len(out))
        out.append(a)
        kept.append(content)
        told.append(with_referent)
    return out


# a note states a few dozen decisions and tasks; a hostile one thousands: each is compared with
# this many before it at most, so the work stays linear
_COMPARED = 200


def _offer_restated(offer: Action, then: Action | None) -> bool:
    """'I can take that.' (or 'I'll take that.') followed, a turn or two later, by the same
    person's 'I'll benchmark the cache …': one task, said the second time in full (the question
    asked before the offer, "can you close 2210?", is not the offer)."""
    return then is not None and offer.rule == "pronoun" \
        and (" can " in offer.context.rpartition("?")[2]
             or _TAKE_THAT.match(offer.task.split(" (", 1)[0]) is not None) \
        and then.owner == offer.owner and offer.line is not None and then.line is not None \
        and 0 <= then.line - offer.line <= 2


_SAID_IN_PASSING = frozenset({"pronoun", "elided-subject", "owner-verb", "taken-on", "request"})


def _recorded_by_marker(said: Action, later: list[Action]) -> bool:
    """'<nandos> I'll file bugs …' and, a few lines on, the chair's '#action nandos to file bugs
    …': the marker is the record of the same promise."""
    return said.rule in _SAID_IN_PASSING and said.owner is not None \
        and any(_same_owners(b.owner, said.owner) for b in _markers_soon_after(said.line, later))


def _same_owners(one: str | None, other: str | None) -> bool:
    """'Piet Jansen, Sami Koski' and 'Sami Koski, Piet Jansen' are the same two owners."""
    return one == other or (one is not None and other is not None
                            and sorted(one.split(", ")) == sorted(other.split(", ")))


_Found = TypeVar("_Found", Action, Decision)


def _markers_soon_after(line: int | None, later: list[_Found]) -> list[_Found]:
    """The markers ("#action …", "#agreed …") among `later` within a few lines after `line`:
    a chair recording what the room has just said."""
    if line is None:
        return []
    return [b for b in later if b.rule == "marker" and b.line is not None
            and 0 <= b.line - line <= _MARKER_RESTATES_WITHIN]


_MARKER_RESTATES_WITHIN = 6  # lines: a chair types the #action right after the promise


def _same_task(a: Action, b: Action, a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """The same person's task in the prose and again, shorter, in the closing summary ("publish
    -05 with the idle text before the cut-off" / "publish -05 of presence-model with idle"): the
    same verb and most of the shorter one's words."""
    if a.owner is None or a.task.split(" ", 1)[0].lower() != b.task.split(" ", 1)[0].lower():
        return False
    small, large = sorted((a_words, b_words), key=len)
    return len(small) >= 3 and len(small & large) >= 0.6 * len(small)


# the rules that read a summary, which the notes often say again in a sentence: a table row
# (decisions and actions), an item of an "Action items" list (actions)
_DECISION_SUMMARY_RULES = frozenset({"table", "section"})
_SUMMARY_RULES = frozenset({"table", "section", "bracket-item"})


def _list_restating(listed: Action, said: Action) -> bool:
    """Whether `listed` is a closing list's owned item that may restate `said`, a task said in a
    sentence."""
    return listed.rule in _SUMMARY_RULES and said.rule not in _SUMMARY_RULES \
        and listed.owner is not None


def _list_says_more(listed: Action, said: Action, listed_words: frozenset[str],
                    said_words: frozenset[str]) -> bool:
    """A closing list's item that restates a task said in a sentence and adds what it was
    about ("Grace will book the upstairs room for the 24th and 25th", then "Grace: book the
    upstairs room at Broad Street for 24–25 Sep"): the list's words say more."""
    if not _list_restating(listed, said) or len(listed_words - said_words) < 2 \
            or ";" in listed.task:  # ("revenue mart tests; review Ana's PR": the list's bundle)
        return False
    if len(listed_words) <= len(said_words):
        return False
    if len(said_words) <= 4:  # "Greg will open the tickets for the move": the list says which
        return True
    listed_stems = {_ORDINAL_END.sub("", w) for w in listed_words}
    said_stems = {_ORDINAL_END.sub("", w) for w in said_words}
    return len(said_stems & listed_stems) >= 0.8 * len(said_stems)


def _list_names_it(listed: Action, said: Action, listed_words: frozenset[str],
                   said_words: frozenset[str]) -> bool:
    """A closing list's item that names what a person's short or pointing task said in a
    sentence is about ("Kenji will write that paragraph" and the list's "Kenji: release cadence
    paragraph for the board report"; "Wren will send them the details" and "send the details to
    the brand committee"): two of its few words."""
    if not _list_restating(listed, said) or listed.owner != said.owner:
        return False
    small = {w[:5] for w in said_words - _WHEN_WORDS}
    if len(small) > 3 and not _ANAPHORIC_TASK.search(said.task):
        return False
    large = {w[:5] for w in listed_words - _WHEN_WORDS}
    shared = len(small & large)
    return shared >= 2 and shared >= 0.5 * len(small)


def _numbered_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two tasks say the same but for their numbers, and share none ("review PR 12",
    "review PR 13"): two tasks."""
    a_numbered = {w for w in a if w[:1].isdigit()}
    b_numbered = {w for w in b if w[:1].isdigit()}
    if not a_numbered or not b_numbered or (a - a_numbered) != (b - b_numbered):
        return False
    return not {n for w in a_numbered for n in _DIGITS.findall(w)} \
        & {n for w in b_numbered for n in _DIGITS.findall(w)}


_DIGITS = re.compile(r"\d+")  # ("the 3rd and 4th" and "3–4 October" share their numbers)


# words that say when, not what: "fix the third file today"
_WHEN_WORDS = frozenset({"today", "tomorrow", "tonight", "week", "next", "now", "soon", "asap",
                         "first", "later", "monday", "tuesday", "wednesday", "thursday",
                         "friday", "weekend"})
_ORDINAL_END = re.compile(r"(?<=\d)(?:st|nd|rd|th)$")  # "the 24th" is "24 Sep"'s 24


def _summary_restates(rule_a: str, rule_b: str, a: frozenset[str], b: frozenset[str],
                      summary: frozenset[str], one_person: bool = False) -> bool:
    """Whether one of two items comes from a summary (by its rule) and says what the other, a
    sentence, says in other words ("Alert stays, raised to 90% for 15 min" and "keep the alert
    but raise it to 90% for 15 minutes"): most of the shorter one's word stems are in the
    longer one. For two tasks of `one_person` (named), three stems and two fifths will do: a
    closing list abbreviates ("email the mirror admins about the 24 h rule" for "write to the
    mirror admins' list to explain the new rule")."""
    if (rule_a in summary) == (rule_b in summary):
        return False
    small, large = sorted(({w[:5] for w in a}, {w[:5] for w in b}), key=len)
    shared = len(small & large)
    return len(small) >= 4 and (shared >= 0.6 * len(small)
                                or (one_person and shared >= 3 and shared >= 0.4 * len(small)))


def _same_content(a: frozenset[str], b: frozenset[str], owned: bool = False) -> bool:
    """Whether the shorter word set is (nearly) inside the longer: the same thing said twice
    (for one owner, two words are enough: "review #1420" after "… will review #1420 tomorrow")."""
    small, large = sorted((a, b), key=len)
    return small == large or (len(small) >= 3 and len(small & large) >= 0.8 * len(small)) \
        or (owned and len(small) == 2 and small <= large)


def _dedupe_links(items: list[Link]) -> list[Link]:
    seen_urls: set[str] = set()
    seen_texts: set[str] = set()
    out = []
    for link in items:
        if link.url in seen_urls or (link.text in seen_texts and "/" in link.text
                                     and ("#" in link.text or "@" in link.text)):
            continue
        seen_urls.add(link.url)
        seen_texts.add(link.text)
        out.append(link)
    return out


# -- next call -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CallCandidate:
    strength: int  # 4 the heading itself, 3 under it, 2 "next call is/on …", 1 other wording
    mention: DateMention | None  # None: the note says it is not set (TBD, next year)
    text: str
    line: int
    time_only: bool = False  # "- Time: 16:00 UTC" under a "Next meeting" heading, no date


# the minutes' sign-off, dated when written: "Minutes: Ruth Pemberton (Secretary), 21 April 2023"
_SIGNED_OFF = re.compile(r"\W*(?:minutes|notes|minuted|signed|approved|circulated|written|taken|"
                         r"prepared)(?:\s+(?:taken\s+)?by)?\s*[:—–-]", re.I)
# a next call said to be some time in a stretch, no day: "will be in early July", "in the
# autumn", "sometime next month"
_VAGUE_WHEN = re.compile(
    r"[^.;]{0,24}?\b(?:in\s+(?:(?:early|mid|late)[\s-]+)?(?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december|spring|summer|autumn|fall|winter|the\s+new"
    r"\s+year)|some\s*time\s+(?:next|in|later)|later\s+(?:this|in\s+the)\s+(?:month|year))\b",
    re.I)
_BARE_ORDINAL = re.compile(r"\W{0,3}(?:on\s+)?(?P<day>\d{1,2}(?:st|nd|rd|th)\b)", re.I)


def _call_candidates(text: str, line: int, meeting: date, heading: bool,
                     cue: re.Match[str] | None = None) -> list[_CallCandidate]:
    """The next call `text` may name; `cue` is the _NEXT_CUE the caller found in it, if any."""
    sentence = shown = one_line(text)
    if cue is None or cue.string != sentence:
        cue = _NEXT_CUE.search(sentence)
    if not heading and cue is None:
        return []
    if heading:
        strength = 3
    else:
        assert cue is not None
        strength = 2 if _STRONG_AFTER.match(sentence[cue.end():]) else 1
    if not heading and strength == 1 and _NOT_A_CALL_SENTENCE.search(sentence):
        strength = 0
    if _DATE_POLL.search(sentence):
        return [_CallCandidate(max(strength, 2), None, shown, line)]
    mentions = find_dates(sentence, meeting)
    if not mentions and cue is not None and (bare := _BARE_ORDINAL.match(sentence, cue.end())):
        # "next sync 19th same time": a bare ordinal right after the cue is "the 19th"
        sentence = f"{sentence[:bare.start('day')]}the {sentence[bare.start('day'):]}"
        mentions = find_dates(sentence, meeting)
    if len(mentions) > 1 and "(" in sentence:
        # "In two weeks, same time. (Rukmini is away on the 29th, …)": a date in brackets is a
        # side remark when the text outside them gives one
        asides = [(m.start(), m.end()) for m in _PAREN_ASIDE.finditer(sentence)]
        outside = [m for m in mentions if not any(a <= m.start < b for a, b in asides)]
        mentions = outside or mentions
    if mentions and (skips := list(_NO_CALL.finditer(sentence))):
        # "No call next week (7th May), but we resume on the 14th", "… on the 10th (no
        # meeting on the 27th)": the dates a "no call" is about are not the next call
        skipped = {m.date for m in mentions if any(_skipped(sentence, m, s) for s in skips)}
        # "… at a conference next week so we're skipping the 26th": next week is the 26th
        mentions = [m for m in mentions if m.date not in skipped]
        if not mentions:
            return []
    if len(mentions) > 1:
        mentions = [m for i, m in enumerate(mentions)
                    if i == len(mentions) - 1 or not _FROM_BEFORE.search(sentence, 0, m.start)]
    if len(mentions) > 1 and (moved := [
            m for m in mentions if _MOVED_TO.search(sentence, 0, m.start)
            or _INSTEAD_AFTER.match(sentence, m.end)]):
        # "Wednesday the 30th is the evening Bea travels, so we moved it to Tuesday 29
        # January": the date it moved to
        mentions = moved
    if mentions:
        cue_pos = cue.start() if cue else 0
        after = [m for m in mentions if m.start >= cue_pos]
        if not after and cue and _VAGUE_WHEN.match(sentence, cue.end()) \
                and "after" in sentence[max(0, mentions[-1].start - 48):mentions[-1].start]:
            # "… after the decision on 25 June, so the next meeting will be in early July"
            return [_CallCandidate(strength, None, shown, line)] \
                if strength >= 2 and _NULL_MARK.search(sentence) else []
        after = after or mentions
        if cue and (said := [m for m in after if m.kind == "relative"
                             and cue.start() <= m.start <= cue.end() + 1]):
            # "same time next week, I'll post the agenda sunday", "next week's call, …": the
            # cue's own "next week"
            return [_CallCandidate(strength, said[0], shown, line)]
        fixed = [m for m in after if m.kind != "relative"]
        # "Back to our usual Wednesday slot, 21 May 2025": the weekday alone only says which
        # day of the week; a date with its year in the same sentence says which one
        dated = [m for m in fixed if m.kind == "absolute"]
        pick = dated[0] if dated and fixed[0].kind == "weekday" else (fixed or after)[0]
        if strength == 0 and pick.kind == "relative":
            return []
        return [_CallCandidate(strength, pick, shown, line)]
    if _NULL_MARK.search(sentence) and strength >= 2:
        return [_CallCandidate(strength, None, shown, line)]
    if heading and find_time(sentence)[0] is not None:
        return [_CallCandidate(strength, None, shown, line, time_only=True)]
    return []


def _skipped(sentence: str, m: DateMention, skip: re.Match[str]) -> bool:
    """Whether the date `m` is the one a "no call" / "cancelled" speaks about: right after it,
    or (for "cancelled") right before it, with nothing between that turns to the next call."""
    if 0 <= m.start - skip.end() <= 25:
        return not _SKIP_ENDS.search(sentence, skip.end(), m.start)
    if skip.group(0)[0] in "cC" and 0 <= skip.start() - m.end <= 12:
        return not _SKIP_ENDS.search(sentence, m.end, skip.start())
    # "The retro on 16 April falls on the offsite and is cancelled": the same clause, no comma
    if skip.group(0)[0] in "cC" and 0 <= skip.start() - m.end <= 60:
        between = sentence[m.end:skip.start()]
        return "," not in between and not _SKIP_ENDS.search(between)
    return False


def _front_matter_call(note: Note) -> list[_CallCandidate]:
    """`next_meeting: 2025-03-04` (or next_call, next-call-date …) in the front matter."""
    out = []
    for key, value in note.front_matter.items():
        if not _FRONT_MATTER_NEXT.match(str(key)):
            continue
        text = value.isoformat() if isinstance(value, date) else str(value)
        out.extend(_call_candidates(text, 1, note.date, heading=True))
    return out


_FRONT_MATTER_NEXT = re.compile(r"^next[_ -]?(?:call|meeting|sync)(?:[_ -]?(?:date|at|on))?$",
                                re.I)


def _on_monthly_day(call: NextCall, note: Note) -> NextCall:
    """"Next: same time next month" in a group that meets "first Wednesday of the month": that
    Wednesday of the month the call falls in."""
    if rule := _MONTHLY_RULE.search(note.body):
        for m in find_dates(rule.group(0), note.date):
            if (m.date.year, m.date.month) == (call.date.year, call.date.month):
                return replace(call, date=m.date)
    return call


# when a group meets each month: "first Wednesday of the month", "last Friday of every month"
_MONTHLY_RULE = re.compile(
    r"\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day\s+of\s+(?:the|each|every)\s+month\b", re.I)


def _choose_call(candidates: list[_CallCandidate], meeting: date,
                 warnings: list[str]) -> NextCall | None:
    # (not the meeting's own day: a running doc's older meeting saying "Next meeting:" this one)
    usable = [c for c in candidates if c.strength > 0 and not c.time_only
              and not (c.mention is not None and c.mention.date == meeting)]
    if not usable:
        return None
    best = max(
        enumerate(usable),
        # (under a "Next meeting" heading, "The council next meets on …" wins over a line of
        # other dates after it)
        key=lambda ic: (ic[1].strength, _NEXT_CUE.search(ic[1].text) is not None,
                        ic[1].mention is not None and ic[1].mention.kind != "relative",
                        ic[0]),
    )[1]
    m = best.mention
    if m is None:
        return None
    if m.conflict:
        warnings.append(f"next call: the note says {m.conflict} but {m.date.isoformat()} is a "
                        f"{m.date.strftime('%A')}; kept the date (line {best.line})")
    if m.date <= meeting:
        warnings.append(f"next call {m.date.isoformat()} is not after the meeting "
                        f"({meeting.isoformat()}); check the note's date (line {best.line})")
    at, zone = m.time, m.timezone
    if at is None:
        at, zone = find_time(best.text[m.end:])
    if at is None:  # "at 16:00 UTC on 4 March"
        at, zone = find_time(best.text[max(0, m.start - 30):m.start])
    if at is None:  # "- Date: 4 March" then "- Time: 16:00 UTC" in the same section
        near = [c for c in candidates if c.time_only and c.strength == min(best.strength, 3)
                and 0 < c.line - best.line <= 5]
        if near:
            at, zone = find_time(near[0].text)
    return NextCall(date=m.date, time=at, timezone=zone, text=best.text, line=best.line)


# -- gates -----------------------------------------------------------------------------------

# The words without which each of these patterns cannot match (`required_words`, read from the
# pattern itself, so they follow its edits): a sentence whose `_needs` lack a pattern's family
# is not searched, which cannot change a result (tests/test_extract_speed.py).
_NEED_NEXT = required_words(_NEXT_CUE, sentences=True)
_NEED_OWNER_ACTION = required_words(_OWNER_ACTION, sentences=True)
_NEED_STRONG = required_words(_DECISION_STRONG, sentences=True)
_NEED_NOT_DECISION = required_words(_NOT_DECISION, sentences=True)
_NEED_WISH = required_words(_WISH, sentences=True)
_NEED_UNOWNED = required_words(_UNOWNED, sentences=True)
_NEED_AGENDA_TODO = required_words(_AGENDA_TODO, sentences=True)
_NEED_PASSIVE = required_words(_PASSIVE_TODO, sentences=True)
_NEED_WE_TODO = required_words(_WE_TODO, sentences=True)
_NEED_FAMILIES = (_NEED_NEXT, _NEED_OWNER_ACTION, _NEED_STRONG, _NEED_NOT_DECISION, _NEED_WISH,
                  _NEED_UNOWNED, _NEED_AGENDA_TODO, _NEED_PASSIVE, _NEED_WE_TODO)
# their bits follow the hint families'
(_NEED_NEXT_BIT, _NEED_OWNER_ACTION_BIT, _NEED_STRONG_BIT, _NEED_NOT_DECISION_BIT,
 _NEED_WISH_BIT, _NEED_UNOWNED_BIT, _NEED_AGENDA_TODO_BIT, _NEED_PASSIVE_BIT,
 _NEED_WE_TODO_BIT) = (1 << (len(_HINT_FAMILIES) + i) for i in range(len(_NEED_FAMILIES)))
_NEEDS_NOTHING = sum(1 << (len(_HINT_FAMILIES) + i) for i, f in enumerate(_NEED_FAMILIES) if not f)
_HINTS = _hint_automaton()
