"""People in a note: the attendee list, and short names resolved to full ones.

`parse_attendee_text` reads "Amir Chaudhry (chair), Thomas Gazagnaire and Anil"
into `Person` values (also registers' "OKAFOR, Grace", e-mail addresses,
"@rkapoor (Rhea Kapoor)", titles and "- Treasurer" offices). A `Roster`
resolves how notes refer to people — "ThomasG", "DavidK", "TG", "Anil", "Dave",
"Mort", "Thomas L", "Mr Wilk", "Sato-san", "@wzielinski" — to one attendee's
full name when exactly one fits, else to the one full name the note writes
elsewhere ("Tomasz" → "Tomasz Wierzbicki"), and leaves the name as written
when none or several do (ambiguity is reported, never guessed).

`actions_by_person(entries)` groups a digest's action items by owner, with the
unowned ones under `UNASSIGNED` (MeetBot's "Action items, by person").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from .letters import LOWER, UPPER
from .models import Action, DigestEntry, Person

UNASSIGNED = "UNASSIGNED"
# between the owners of a shared task: "Dave, Mort", "Ines + Dmitri", "JB & amina", "A and B"
OWNER_SEPARATOR = re.compile(r"\s*(?:,|/|&|\+|\band\b)\s*")

# Common short forms of first names, both ways: each diminutive, then the names it is short for
_NICKNAMES = {
    "dave": "david", "jon": "jonathan", "mike": "michael", "tom": "thomas", "dan": "daniel",
    "rich": "richard", "rick": "richard", "nick": "nicholas", "nik": "nikolaos",
    "chris": "christopher", "sam": "samuel", "alex": "alexander", "ben": "benjamin",
    "matt": "matthew", "steve": "stephen", "jim": "james", "bob": "robert", "rob": "robert",
    "bill": "william", "will": "william", "andy": "andrew", "pete": "peter",
    "greg": "gregory grzegorz", "tim": "timothy", "jeff": "jeffrey", "joe": "joseph",
    "kate": "katherine",
    "liz": "elizabeth", "jen": "jennifer", "ed": "edward", "tony": "anthony", "max": "maximilian",
    "beth": "elizabeth", "becky": "rebecca", "maggie": "margaret", "jess": "jessica",
    "sue": "susan", "nate": "nathan", "zach": "zachary", "fred": "frederick",
    "charlie": "charles", "gabi": "gabriela", "mo": "mohammed",
    # Polish and Russian diminutives: "Kasia" is Katarzyna, "Dima" Dmitri
    "kasia": "katarzyna", "gosia": "małgorzata", "basia": "barbara", "kuba": "jakub",
    "tomek": "tomasz", "wojtek": "wojciech", "bartek": "bartłomiej", "dima": "dmitri",
    "misha": "mikhail", "katya": "ekaterina",
}
_SAME_FIRST: dict[str, set[str]] = {}
for _short, _longs in _NICKNAMES.items():
    for _long in _longs.split():
        _SAME_FIRST.setdefault(_short, set()).add(_long)
        _SAME_FIRST.setdefault(_long, set()).add(_short)

_PAREN = re.compile(r"\(([^()]*)\)")
# no \s* around: quadratic on long blank runs; "@Rahel Tesfaye @Aroha Ngata" are mention chips
_SPLIT = re.compile(rf",|;|\band\b|&|\n|\s(?=@[{UPPER}])|\s·\s")
# the gap between two name chips a document pastes as text: "Grace Whitaker  Idris Bello"
_CHIP_GAPS = re.compile(rf"(?<=[{LOWER}])[ \t]{{2}}(?=[{UPPER}])")
_WRAPPED = re.compile(r"(?<![,;.\n])[ \t]*\n(?=[ \t]*\S)(?![ \t]*[-*•])")  # not after a separator
# "Philippa is Pip to everyone", said beside the list of who came
_CALLED_IN_PROSE = re.compile(rf"\b([{UPPER}][{LOWER}]+)\s+is\s+([{UPPER}][{LOWER}]+)\s+to\s+"
                              r"every(?:one|body)\b")
# "Grace Ng from Ferrow Labs": the name, then where they are from
_FROM_ORG = re.compile(rf"[{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+){{1,2}}"
                       rf"(?=\s+from\s+(?:the\s+)?[{UPPER}])")
# 'Katarzyna "Kasia" Nowak': the quoted word is what people call her
_QUOTED_ALIAS = re.compile(rf"\s[\"“‘'„«]\s?([{UPPER}][\w-]+)\s?[\"”’'“»]\s")
# ThomasG, JonL, DavidK
_CAMEL_INITIAL = re.compile(rf"^([{UPPER}][{LOWER}]+)([{UPPER}][{LOWER}]?)$")
_INITIAL_LAST = re.compile(rf"^([{UPPER}])([{UPPER}][{LOWER}]{{2,}})$")  # DBuenzli
_NOT_A_NAME = re.compile(r"^(?:others?|guests?|everyone|all|n/?a|none|\?+|etc\.?|me|myself|us"
                         r"|apologies|regrets|absent|excused)"
                         r"(?-i:\s+[a-z][a-z\s-]*)?$"  # "others on the register"
                         # "two first-timers 👋", "a few guests"
                         r"|^(?:a\s+(?:few|couple)|two|three|four|five|six|several|some|many|\d+)"
                         r"(?-i:\s+[a-z])"
                         # a transcript's unnamed voice: Otter's "Speaker 6"
                         r"|^(?:speaker|participant|guest|unknown)\s*\d+$"
                         # a remark after a name's comma: "Mr Daniel Hale (Head), for item 4"
                         r"|^(?-i:(?:for|from|until|till|after|before|during|left|joined|arrived"
                         r"|who|which|whose|so)"
                         r"\s+\S)", re.I)
# the role a remark after a name's comma gives its guest: "Aarav Kulkarni, author of #412"
_REMARK_ROLES = frozenset({"author", "presenter", "proposer", "submitter", "editor", "reporter"})
_ALIAS = re.compile(rf"[{UPPER}][^\W\d]+(?:['-][^\W\d]+)*")  # "(Mort)"; not "(ADR-0047)"
# a role in a person's remark, which the minutes then name them by: "Finance Director",
# "Chief Executive", "Company Secretary", "Head of Sales", "Director of Postgraduate Research";
# with it, its acronym ("FD", "CEO")
_OFFICE_WORDS = ("Director", "Officer", "Secretary", "Manager", "Executive", "Administrator",
                 "Controller", "Engineer", "Clerk", "Treasurer", "President")
_ROLE_PHRASE = re.compile(
    rf"(?:[{UPPER}][\w-]+\s+){{0,2}}(?:(?:{'|'.join(_OFFICE_WORDS)})|(?:Head|Director|Dean)"
    rf"(?=\s+of\s))(?:\s+of\s+[{UPPER}][\w-]+(?:\s+[{UPPER}][\w-]+){{0,2}})?")
_ACRONYM = re.compile(rf"[{UPPER}]{{2,4}}")
_QUOTED_NICK = re.compile(rf"[\"“‘']([{UPPER}][\w'-]+)[\"”’']?")  # (its end quote may be gone)
_QUOTED_LEAD = re.compile(rf"^[\"“‘']([{UPPER}][\w'-]+)[\"”’'],")  # '"Dev", from Data'
_POSSESSIVE = re.compile(r"['’]s$")
_CHAIR_WORDS = frozenset({"chair", "chairing", "chairperson", "chairlady", "chairman",
                          "chairwoman", "facilitator", "facilitating", "host", "lead",
                          "moderation", "vorsitz", "ordförande", "presidente", "présidente",
                          "président", "anime"})
# offices minutes name people by ("the treasurer will …"), one holder each
ROLES = frozenset({"chair", "chairperson", "chairlady", "chairman", "chairwoman", "secretary",
                   "treasurer", "president", "clerk", "convenor", "facilitator", "scribe",
                   "secretariat", "coordinator"})
# "Priya Raman — chair", "Ana Costa - facilitating": the role after a dash
# ("— Co-supervisor", "— 1st call!")
_DASH = re.compile(r"\s+[—–-]+\s+")
_ROLE_AND = re.compile(r"\s*&\s*|\s+and\s+")  # "Marketing & front of house": one role
_DASH_ROLE = re.compile(rf"{_DASH.pattern}(?P<role>[^\W_][\w ,/&'’-]{{1,39}}?)[.!]?$")
# titles written before a name: "Dr. Jane Smith", "Mr Wilk", "Fr Declan", "Prof. Chen Meiling"
_TITLES = ("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx", "Sir", "Dame", "Rev", "Fr", "Cllr", "Father",
           "Sister", "Brother")
HONORIFICS = frozenset(t.lower() for t in _TITLES)
_TITLE = rf"(?:{'|'.join(_TITLES)})\.?"
# a title before a full name is not part of it
_HONORIFIC_LEAD = re.compile(rf"^{_TITLE}\s+(?=[{UPPER}]\S*\s+[{UPPER}])")
# "OKAFOR, Grace (Chair)", "McALLISTER, Fr Declan": a register's surname first, in capitals
_SURNAME_FIRST = re.compile(  # (two capitals with no vowel, "YD, Léa Garnier", are initials)
    rf"(?m)^(?P<lead>[ \t]*(?:[-*•][ \t]+)?)(?!(?-i:[B-DF-HJ-NP-TV-Z]{{2}}),)"
    rf"(?P<surname>(?:Mc|Mac|O['’])?[{UPPER}]{{2,}}"
    rf"(?:[-'’ ][{UPPER}]{{2,}})*),[ \t]*(?:{_TITLE}[ \t]+)?"
    rf"(?P<given>[{UPPER}][{LOWER}]+(?:[ -][{UPPER}][{LOWER}]+)*)")
HANDLE = r"[A-Za-z][\w.-]*\w"  # a chat or GitHub handle, after its "@"
_HANDLE = re.compile(rf"@({HANDLE})")  # a chat or GitHub handle after a name
_HONORIFIC_SUFFIX = re.compile(r"-(?:san|sama|kun|chan|sensei|senpai|ssi|nim)$", re.I)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")  # kana, kanji, hangul
# the lower-case words a surname may start with: "van den Berg", "da Silva", "bin Said"
NAME_PARTICLE = re.compile(r"van|von|de|der|den|da|di|del|du|la|le|ter|bin|ibn")
_PARTICLES = rf"(?:(?:{NAME_PARTICLE.pattern})[ \t]+){{0,3}}"
# a name in brackets after a handle or a short name: two to four words, "Laura Ruiz Vidal"
# (a word may hold capitals after its first: "Okoro-Smith", "O'Neill", "McAllister")
_NAME_WORD = rf"[{UPPER}][{LOWER}'’-]+(?:[{UPPER}][{LOWER}'’-]+)*"
_NAMES_2_TO_4 = rf"{_NAME_WORD}(?:[ \t]+{_PARTICLES}{_NAME_WORD}){{1,3}}"
# a full name written anywhere in a note: "Tomasz Wierzbicki", 'Luca "Lu" Bernardi',
# "Maarten van den Berg", "Noor Al-Sayed", "Eilidh MacLeod", "Jae-won Park"
FULL_NAME = re.compile(
    rf"(?<![\w@#/.'’-])(?P<first>[{UPPER}][{LOWER}]+(?:-[{UPPER}{LOWER}][{LOWER}]+)?)"
    rf"(?:[ \t]+[\"“](?P<nick>[{UPPER}][\w-]+)[\"”])?[ \t]+"
    rf"(?P<last>{_PARTICLES}[{UPPER}][{LOWER}]*(?:['’-]?[{UPPER}][{LOWER}]+)*)(?![\w@'’-])")
# "@lrv (Laura Ruiz Vidal)", "@tamsin (Tamsin Greaves, maintainer)": two to four names
_HANDLE_BEFORE_NAME = re.compile(
    rf"@(?P<handle>{HANDLE})[ \t]*\((?P<name>{_NAMES_2_TO_4})(?P<role>(?:,|\s+[—–-]\s)[^()]*)?\)")
# "@oadewale — Oyelaran Adewale": a list of handles, each with the name it stands for
_HANDLE_DASH_NAME = re.compile(
    rf"(?<!\S)@(?P<handle>{HANDLE})[ \t]+[—–:-][ \t]+(?P<name>{_NAMES_2_TO_4})")
# "RuthA (Ruth Adeyemi, chair)", "JunO (Jun Ozawa)": the short name a team uses (its chat
# name), then the full name it stands for
_NICK_BEFORE_NAME = re.compile(
    rf"(?m)(?P<lead>(?:^|[,;:]|\band\b)[ \t*•-]*)"  # a list item's start: not "Obi (Obi Fenn …)"
    rf"(?P<nick>[{UPPER}a-z][\w.-]*\w)[ \t]*\((?P<name>{_NAMES_2_TO_4})(?P<role>,[^()]*)?\)")
_HANDLE_AFTER_NAME = re.compile(rf"(?<=\w)[ \t]+@({HANDLE})$")
# an e-mail address, in angle brackets after a name or alone
# (not inside a run of word characters and dots: "a.a.a…" is read once, not once a dot)
_EMAIL = re.compile(
    r"(?P<angle><)?(?<![\w.+-])(?P<local>[\w.+-]+)@[\w-]+(?:\.[\w-]+)+\b(?(angle)>)")


# Outlook's "Watanabe, Kenji (Systems Librarian); Fournier, Renée": family name, comma, given
# name, each person ended by a semicolon (read only where two or more are written so)
_SURNAME_COMMA_GIVEN = re.compile(
    rf"(?<![\w'’-])(?P<surname>[{UPPER}][{LOWER}'’]+(?:[ -][{UPPER}][{LOWER}'’]+)?),[ \t]+"
    rf"(?P<given>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)"
    r"(?=[ \t\n]*(?:\([^()]*\)[ \t]*)?(?:;|$))")


# a register laid out in columns: "Mr Colin Ashdown (CA)        Co-opted governor, Chair"
_ROLE_COLUMN = re.compile(rf"(?m)^(?P<name>[ \t]*[{UPPER}][^\n:,;]*?[^\s:,;])(?:[ \t]{{3,}}|\t+)"
                          r"(?P<role>[^\s–—-][^\n]*?)[ \t]*$")  # ("Name   - Treasurer": a role)


# "  AK  Amira Khalid - team lead (Band 8a)": a column of initials before each name, the role
# after it (its brackets go, so the role is read whole)
_INITIALS_COLUMN = re.compile(
    rf"(?m)^[ \t]*(?P<initials>[{UPPER}]{{2,3}})[ \t]{{2,}}(?P<name>(?:{_TITLE}\s+)?"
    # (a nickname in quotes inside: 'SH  Stanislav "Stan" Horak')
    rf"[{UPPER}][^\s,()]*(?:[ \t]+(?:[\"“][^\"”\n]{{1,20}}[\"”]|[{UPPER}][^\s,()]*)){{1,3}})"
    r"(?P<rest>[^\n]*)$")


_NAME_WORDS_BEFORE = re.compile(rf"([{UPPER}])[\w'’-]*\s+([{UPPER}])[\w'’-]*"
                                rf"(?:\s+([{UPPER}])[\w'’-]*)?\s*$")


def _initials_before(text: str, end: int) -> tuple[str, ...]:
    """The initials of the two or three capitalised words just before `end` ("OC" and, for
    "Ana Lima Soto", "ALS" and "LS")."""
    if not (m := _NAME_WORDS_BEFORE.search(text, max(0, end - 60), end)):
        return ()
    letters = [c for c in m.groups() if c]
    return ("".join(letters), "".join(letters[-2:]), letters[0] + letters[-1])


def _roles_in(remark: str) -> list[str]:
    """The offices a bracketed remark names: "Director of Postgraduate Research, Chair" →
    ["Director of Postgraduate Research"]."""
    roles = [role for part in remark.split(",") if _ROLE_PHRASE.fullmatch(role := part.strip())]
    # ("Town Clerk" is also "the Clerk" the minutes speak of; a "Fixtures Secretary" is not
    # "the Secretary")
    return roles + [last for role in roles if " " in role
                    and (words := role.split())[0].lower().rstrip(".") in _PLACE_OF_OFFICE
                    and (last := words[-1]).lower() in ROLES]


_PLACE_OF_OFFICE = frozenset({"town", "parish", "city", "county", "district", "club", "society",
                              "hon", "honorary", "council", "school"})


def _role_marks(roles: Iterable[str]) -> str:
    """Roles marked as more aliases for the name before them (\x04 each, \x05 between words)."""
    return "".join(f" \x04{role.replace(' ', chr(5))}" for role in roles) + " "


def _initials_after_name(m: re.Match[str]) -> str:
    return f"{m['name']} ({m['initials']}){_PAREN.sub('', m['rest'])}"


_SLASH_FIELDS_HANDLE = re.compile(r"(?m)^(?P<name>[^/\n]*?\S)[ \t]+/[ \t]+"
                                  rf"(?:[^/\n]*?[ \t]+/[ \t]+)?@(?P<handle>{HANDLE})")


# the last column of a register, a code the minutes' action column uses: "… Architect   KA"
_CODE_COLUMN = re.compile(rf"(?:[ \t]{{2,}}|\t)(?P<code>[{UPPER}]{{2,4}})$")


def _role_in_brackets(m: re.Match[str]) -> str:
    """A role column read as the remark it is: "Name (Co-opted governor, Chair)"; a code in a
    last column of its own is an alias ("Clare Penhaligon … Administrator   KA": "KA to …")."""
    role, code = m.group("role"), ""
    if found := _CODE_COLUMN.search(role):
        role, code = role[: found.start()], f" ({found['code']})"
    role = role.replace("(", ", ").replace(")", "")
    return f"{m.group('name')} ({role},){code}"  # (the comma: "Headteacher" alone is no nick)


def _given_name_first(m: re.Match[str]) -> str:
    """'McALLISTER, Fr Declan' → 'Declan McAllister'."""
    surname = m.group("surname")
    prefix = next((p for p in ("Mc", "Mac", "O'", "O’") if surname.startswith(p)
                   and surname[len(p):].isupper()), "")
    rest = "-".join(part.capitalize() for part in surname[len(prefix):].split("-"))
    return f"{m.group('lead')}{m.group('given')} {prefix}{rest}"


def _name_of_address(m: re.Match[str]) -> str:
    """"<…>" after a name goes; a bare "chloe.dumont@…" reads as "Chloe Dumont", "seun@…" as
    "seun" (its handle)."""
    if m.group("angle"):
        return ""
    parts = re.split(r"[._]", m.group("local"))
    if len(parts) == 2 and all(p.isalpha() and len(p) > 1 for p in parts):
        return " ".join(p.capitalize() for p in parts)
    return m.group("local")


def _name_before_handle(m: re.Match[str]) -> str:
    """"@hokonkwo (Hana Okonkwo, chairing)" is "Hana Okonkwo (@hokonkwo) (chairing)": the role
    stays, so the chair is still the chair."""
    role = (m.group("role") or "").lstrip(",—–- ").strip()
    return f"{m.group('name')} (@{m.group('handle')})" + (f" ({role})" if role else "")


def _name_before_nick(m: re.Match[str]) -> str:
    """The full name first, its short name and role after in brackets, when the short name is
    made from the full one ("RuthA", "RA" for Ruth Adeyemi, "Bea" for Beatriz Ortega); else
    `m` unchanged ("Board (Ruth Adeyemi)" is no name for her)."""
    nick, name = m.group("nick"), m.group("name")
    role = f" ({m.group('role')[1:].strip()})" if m.group("role") else ""
    entry, short = Roster._entry(name), _plain(nick)
    if short not in _handle_forms(entry) \
            and short != "".join(_plain(p)[:1] for p in name.split() if p[:1].isupper()) \
            and not (len(short) >= 3 and _plain(entry.first).startswith(short)):
        if nick.islower() and len(_NICK_BEFORE_NAME.findall(m.string)) >= 2:
            # a chat's list, "rook (Ravi Okoro), moth (Hana Sørensen)": names people chose
            return f"{m.group('lead')}{name} (@{nick}){role}"
        return m.group(0)
    return f"{m.group('lead')}{name} ({nick}){role}"


# a nick in lower case after a name: "Hiroshi Tanabe (hiro)", "Luca Ferrante (lferrante)"
_LOWER_NICK = re.compile(r"[a-z][a-z0-9_.-]{2,23}")


# a remark in words after a full name, on when or how they came: "for the first half hour",
# "from 17:20", "until the break", "via phone"
_TWO_NAME_WORDS = re.compile(rf"[{UPPER}][{LOWER}'’-]+(?:\s+[{UPPER}][{LOWER}'’-]+)+")
_TIME_REMARK = re.compile(rf"(?<=[{LOWER}])\s+(?:for\s+the\s+(?:first|last)\b|from\s+\d|until\b"
                          r"|till\b|via\b|after\s+the\b|since\b).*$")


def nick_of(nick: str, name: str) -> bool:
    """Whether `nick` is made from `name` (a first name's start, a surname inside it), not a
    remark such as "(remote)" or "(notes)"."""
    parts = [_plain(part) for part in name.split()]
    if len(nick) >= 4 and len(parts) >= 2 and nick[0] == parts[0][:1] \
            and any(part.startswith(nick[1:]) for part in parts[1:]):
        return True  # an initial and the surname's start: "dsok" for Dmitri Sokolov
    return any(len(part) >= 3 and (part.startswith(nick[:3]) or (len(part) >= 4 and part in nick))
               for part in parts)  # "mkral" for Marek Král


def _take_marked(raw: str, mark: str) -> tuple[str, list[str]]:
    """`raw` without the words `paren` marked with `mark` (an alias, a nick), and those words."""
    words = []
    while mark in raw:
        before, _, after = raw.partition(mark)
        word, _, rest = after.partition(" ")
        raw = before + " " + rest
        words.append(word)
    return raw, words


def _norm(s: str) -> str:
    return " ".join(s.lower().replace(".", " ").split())


_UNDERSCORED_NAME = re.compile(rf"(?<![\w@])([{UPPER}][{LOWER}]+)_(?=[{UPPER}][{LOWER}])")


def _with_dash_role(name: str, role: str) -> str:
    """ "Bettina Saarinen -- release manager, notes (BS)" as "Bettina Saarinen - release
    manager (BS)": one role (its "and" joins two parts of it), the initials at its end, and
    whether it says chair ("UPW, WP3 lead, chair")."""
    first, *more = role.split(",")
    if more and (initials := _TRAILING_INITIALS.search(role)) and "(" not in first:
        first = f"{first} {initials[0]}"
    chair = " (chair)" if any(part.strip().lower() in _CHAIR_WORDS for part in more) else ""
    return f"{name}{chair} - {_ROLE_AND.sub(' / ', first)}"


_TRAILING_INITIALS = re.compile(rf"\([{UPPER}]{{2,4}}\)$")


def _named_in_full(short: str, full: str) -> tuple[Person, ...]:
    """A transcript's legend of speakers, "Sade - Folasade "Sade" Adeyemi", "Greta - Greta
    Lindqvist (chair)": the full name after the dash, the name before it an alias of it."""
    if " " in short.strip() or not _FULL_NAME_LEAD.match(full) \
            or short.strip().lower() not in full.lower():
        return ()
    named = parse_attendee_text(full)
    if len(named) != 1:
        return ()
    person = named[0]
    alias = short.strip()
    return (person if alias in person.aliases or alias == person.name.split()[0]
            else Person(person.name, person.chair, (*person.aliases, alias)),)


# a forum name after a dash: "*dobsonian_tom*", "m31priya on here" (lower case, with a digit,
# an underscore or a dot in it, or "on here" after it)
_FORUM_HANDLE = re.compile(r"[*_]?(?P<handle>[a-z][a-z\d]*(?:[_.][a-z\d]+)+|[a-z]+\d+[a-z\d]*"
                           r"|[a-z][a-z\d]{2,}(?=[*_]?\s+on\s+here))[*_]?(?:\s+on\s+here)?")
_ABSENT_AFTER = re.compile(r"\.[ \t]+[^.,;\n]{1,80}?\b(?:absent|away|sends?\s+(?:her|his|their)?"
                           r"\s*apologies|apologies)\b[^\n]*$")
_FULL_NAME_LEAD = re.compile(rf"[{UPPER}][\w'’.-]+[ \t]+(?:[\"“][^\"”\n]{{1,20}}[\"”][ \t]+)?"
                             rf"[{UPPER}]")


def parse_attendee_text(text: str) -> tuple[Person, ...]:
    """"A (chair), B, C and D" → Persons; parenthesised remarks are dropped."""
    if "absent" in text or "away" in text or "apolog" in text:
        # "…, Marta Savchuk (notes). Lesia Hnatiuk (Lesya) absent.": who did not come
        text = _ABSENT_AFTER.sub("", text)
    if "_" in text:  # scribe.perl's "Ines_Caldeira"
        text = _UNDERSCORED_NAME.sub(r"\1 ", text)
    if "  " in text and len(_INITIALS_COLUMN.findall(text)) >= 2:
        text = _INITIALS_COLUMN.sub(_initials_after_name, text)
    if "\n" in text and (" -" in text or "—" in text or "–" in text) \
            and len(lines := [line.rstrip() for line in text.split("\n") if line.strip()]) >= 2 \
            and all(len(parts := _DASH.split(_PAREN.sub("", line).strip(), maxsplit=1)) == 2
                    and len(parts[0].split()) <= 5 and len(parts[1]) <= 60 for line in lines):
        # one person a line, each with a role that may hold a comma or a bracket: "Fiona
        # Carrick ("Fi") - secretary, taking these notes", "Wren Okonkwo - Deputy Stage Manager
        # (DSM), writing these notes" are neither wrapped into the next line nor cut at ","
        # (the role is kept, a "- Treasurer" is an alias; what follows its comma is a remark)
        return tuple(person for line in lines
                     for name, role in [_DASH.split(line.strip(), maxsplit=1)]
                     for person in (_named_in_full(name, role)
                                    or parse_attendee_text(_with_dash_role(name, role))))
    if "\n" not in text and (" -" in text or "—" in text or "–" in text) \
            and len(parts := _DASH.split(text.strip())) == 2 \
            and len(parts[0].split()) <= 4 and _FULL_NAME_LEAD.match(parts[0]) \
            and len(parts[1]) <= 60 and not _FULL_NAME_LEAD.search(_PAREN.sub("", parts[1])):
        # "Pavel Hruška -- licensing and SDK (PH)": one person and a role, whose "and" or ","
        # parts no one from it
        if named := _named_in_full(*parts):
            return named
        text = _with_dash_role(*parts)
    chair_marks: list[str] = []

    def paren(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if quoted := _QUOTED_LEAD.match(inner):  # 'Devendra Rao ("Dev", from Data, guest)'
            inner = quoted.group(1)
        inner = inner.strip("\"“”‘’'")  # 'Hiroshi Tanaka ("Hiro")'
        low = inner.lower()
        if any(part.strip() in _CHAIR_WORDS for part in low.split(",")):  # "(President, chair)"
            chair_marks.append("")
            # ("Director of Postgraduate Research, Chair": the office is still theirs)
            return " \x01chair" + _role_marks(_roles_in(inner))
        if _ALIAS.fullmatch(inner):
            return f" \x02{inner} "
        if office := next((first for part in low.split(",")
                           if (first := part.strip().partition(" ")[0]) in ROLES), None):
            # "(Clerk and Responsible Financial Officer)", "(…, Secretary to the committee)",
            # "Postgraduate Research Administrator (Secretary)"
            return f" \x02{office.capitalize()}" + _role_marks(_roles_in(inner))
        if handle := _HANDLE.fullmatch(inner):  # "Hana Kobayashi (@hanak)"
            return f" \x02{handle.group(1)} "
        parts = [part.strip() for part in inner.split(",")]
        # \x04 marks more aliases, kept beside the first (\x05 joins the words of one)
        if len(parts) == 2 and (at := _HANDLE.fullmatch(parts[0])) \
                and (quoted_nick := _QUOTED_NICK.fullmatch(parts[1])):
            return f" \x02{at.group(1)} \x04{quoted_nick.group(1)} "  # '(@tobi-a, "Tobi")'
        if roles := _roles_in(inner):
            # "(Finance Director, FD)", "(Company Secretary, minutes)": what minutes call them
            return _role_marks([*roles, *(part for part in parts if _ACRONYM.fullmatch(part))])
        if _ACRONYM.fullmatch(parts[0]) and parts[0] in _initials_before(m.string, m.start()):
            return f" \x04{parts[0]} "  # "Owen Castellanos (OC, EM Scheduling)"
        if (role := low.partition(" ")[0]) in _REMARK_ROLES and " of " in parts[0]:
            return f" \x04{role} "  # "(author of RFC 0042, item 3)": "the author" in the note
        # "(hiro)", "(vpillai, release team)": a nick, if made from the name (below)
        if _LOWER_NICK.fullmatch(nick := parts[0]):
            return f" \x03{nick} "
        return " "

    if "  " in text and "," not in text and len(_CHIP_GAPS.findall(text)) >= 2:
        text = _CHIP_GAPS.sub(", ", text)  # name chips pasted with two spaces between them
    if "   " in text or "\t" in text:
        text = _ROLE_COLUMN.sub(_role_in_brackets, text)
    if " / @" in text:  # a sign-in sheet's "Name / affiliation / @handle"
        text = _SLASH_FIELDS_HANDLE.sub(r"\g<name> (@\g<handle>)", text)
    if "," in text and (text[:1].isupper() or "\n" in text):
        text = _SURNAME_FIRST.sub(_given_name_first, text)
    if ";" in text and "," in text and len(_SURNAME_COMMA_GIVEN.findall(text)) >= 2:
        text = _SURNAME_COMMA_GIVEN.sub(r"\g<given> \g<surname>", text)
    if "@" in text and "." in text:  # "Arvid Lund <arvid.lund@x.example>", "chloe.dumont@x.org"
        text = _EMAIL.sub(_name_of_address, text)
    if "\n" in text and ("," in text or ";" in text or " · " in text) \
            and ("(" not in text or re.search(r"[,;·]", _PAREN.sub(" ", text))):
        # a list with separators wraps its lines anywhere: "…; Public Works\nDirector Ines …"
        text = _WRAPPED.sub(" ", text)
    if "@" in text and ("—" in text or "–" in text or " - " in text or ": " in text):
        text = _HANDLE_DASH_NAME.sub(r"\g<name> (@\g<handle>)", text)
    if "(" in text:  # "RuthA (Ruth Adeyemi, chair)" is "Ruth Adeyemi (RuthA) (chair)"
        text = _NICK_BEFORE_NAME.sub(_name_before_nick, text)
    if "@" in text and "(" in text:  # "@rkapoor (Rhea Kapoor)" is "Rhea Kapoor (@rkapoor)"
        text = _HANDLE_BEFORE_NAME.sub(_name_before_handle, text)
    if "(" in text:
        text = _PAREN.sub(paren, text)
    if "\"" in text or "“" in text or "'" in text or "‘" in text or "„" in text or "«" in text:
        text = _QUOTED_ALIAS.sub(lambda m: f" \x02{m.group(1)} ", text)
    people: list[Person] = []
    for raw in _SPLIT.split(text):
        chair = "\x01chair" in raw
        raw = raw.replace("\x01chair", " ")
        # (a bracketed alias first: "Yasmin Haddow — Safety Officer (DSO)" ends in a role)
        raw, marked = _take_marked(raw, "\x02") if "\x02" in raw else (raw, [])
        raw, roles = _take_marked(raw, "\x04") if "\x04" in raw else (raw, [])
        dash_role = None
        if ("—" in raw or "–" in raw or " -" in raw) and (dash := _DASH_ROLE.search(raw.rstrip())):
            chair = chair or any(w in _CHAIR_WORDS for w in dash.group("role").lower().split())
            raw = raw[: dash.start()]
            dash_role = dash.group("role").strip()
        alias = dash_role if dash_role and dash_role.lower() in ROLES else None  # "- Treasurer"
        if dash_role and not alias and _ROLE_PHRASE.fullmatch(dash_role):
            roles.append(dash_role)  # "Barnaby Fitch - Stage Manager (SM)"
        elif dash_role and (handle := _FORUM_HANDLE.fullmatch(dash_role)):
            roles.append(handle["handle"])  # "Tom Kirkby - *dobsonian_tom* on here"
        offices: list[str] = []  # an office held besides the alias: 'Devendra "Dev" Patel
        if marked:  # (Secretary)' is Dev, and the Secretary
            offices = [a for a in (*marked[1:], alias) if a and a.lower() in ROLES]
            alias = marked[0]
        raw, nicks = _take_marked(raw, "\x03") if "\x03" in raw else (raw, [])
        name = " ".join(raw.replace("*", " ").split()).strip(" .?:!")
        if name[:10].lower() == "including ":  # "23 residents, including Priya Lal and …"
            name = name[10:]
        if " from " in name and (just_name := _FROM_ORG.match(name)):
            name = just_name.group(0)  # "Grace Ng from Ferrow Labs": her organisation
        if name[:1] == "@" and name[1:2].isupper():  # a mention chip: "@Rahel Tesfaye"
            name = name[1:]
        if _CJK.search(name) and (latin := _CJK.sub(" ", name).split()):
            name = " ".join(latin)  # "佐藤 健太 Sato Kenta": the name the notes write in Latin
        if "@" in name and (after := _HANDLE_AFTER_NAME.search(name)):
            name, alias = name[: after.start()], alias or after.group(1)  # "Lin Qiao @linq"
        if " " in name and (remark := _TIME_REMARK.search(name)) \
                and _TWO_NAME_WORDS.fullmatch(name[: remark.start()]):
            name = name[: remark.start()]  # "Dmitri Sokolov for the first half hour"
        name, role = _without_role_title(name)
        if title := _HONORIFIC_LEAD.match(name):
            name = name[title.end():]
        if nicks and (not alias or alias.lower() in ROLES) \
                and (nick := next((n for n in nicks if nick_of(n, name)), None)):
            # "Richard (mort) Mortier (secretary)": the nick first, the office besides it
            offices, alias = [alias, *offices] if alias else offices, nick
        if role and not alias and not role.endswith("s"):
            alias = role  # "Town Clerk Brenda Kowalski": "the Town Clerk will …" is Brenda
        if not name or _NOT_A_NAME.match(name):
            continue
        tokens = name.split()
        if people and len(tokens) >= 2 and tokens[0].islower() \
                and not NAME_PARTICLE.fullmatch(tokens[0]) \
                and (tokens[0] in _REMARK_ROLES or len(tokens) > 3
                     or not all(t.isalpha() for t in tokens)):
            # "Aarav Kulkarni, author of #412": a remark on the name before, whose role word
            # is what the note then calls them ("Asked of the author:"); a name written in
            # lower case stays one ("pablo polvorin")
            if tokens[0] in _REMARK_ROLES:
                last = people[-1]
                people[-1] = Person(last.name, last.chair, (*last.aliases, tokens[0]))
            continue
        if people and len(tokens) >= 2 and all(t.lower() in _TITLE_WORDS for t in tokens):
            # "Lorraine Baptiste, Executive Director (ED)": the office of the name before
            last = people[-1]
            people[-1] = Person(last.name, last.chair or chair, tuple(dict.fromkeys(
                (*last.aliases, name, *(a for a in (alias, *offices) if a)))))
            continue
        # "Alice Moreau Bob Chen Carla Diaz": full names pasted without commas (a document's
        # name chips); only an even run of four or more capitalised words, read as pairs
        if len(tokens) >= 4 and len(tokens) % 2 == 0 and not alias \
                and all(t[:1].isupper() and t[1:].islower() and len(t) <= 30 for t in tokens):
            people.extend(Person(name=f"{tokens[i]} {tokens[i + 1]}", chair=chair and i == 0)
                          for i in range(0, len(tokens), 2))
            continue
        if len(name) > 60:
            continue
        # "Hannes DavidK": two people written without a comma
        if len(tokens) == 2 and _CAMEL_INITIAL.match(tokens[1]):
            people.append(Person(name=tokens[0]))
            people.append(Person(name=tokens[1], chair=chair))
            continue
        people.append(Person(name=name, chair=chair, aliases=tuple(dict.fromkeys(
            a for a in (alias, *offices, *(r.replace(chr(5), " ") for r in roles)) if a))))
    if " to every" in text and (called := dict(_CALLED_IN_PROSE.findall(text))):
        # "Philippa is Pip to everyone": what the rest of the notes call her
        people = [Person(p.name, p.chair, (*p.aliases, called[first]))
                  if (first := p.name.split()[0]) in called and called[first] not in p.aliases
                  else p for p in people]
    return tuple(people)


# the words of a title written before a name in minutes: "Mayor Teresa Okwuosa", "Town Clerk
# Brenda Kowalski", "Councillors Gerald Fitzpatrick", "Public Works Director Ines Carvalho"
_TITLE_WORDS = frozenset("""mayor deputy councillor councillors councilor councilors councilmember
    councilmembers alderman alderwoman commissioner commissioners town city county village
    manager clerk director officer finance public works treasurer secretary president vice
    chairman chairwoman chairperson superintendent attorney solicitor engineer planner chief
    executive capt captain lt lieutenant sgt sergeant cdr commander pc pcso constable inspector
    detective""".split())  # noqa: SIM905


def _without_role_title(name: str) -> tuple[str, str]:
    """('Brenda Kowalski', 'Town Clerk') for 'Town Clerk Brenda Kowalski'; a name of two words
    or fewer is left whole ("Director Smith" may be all the note says)."""
    tokens = name.split()
    cut = min(_leading(tokens, _TITLE_WORDS), max(0, len(tokens) - 2))
    return " ".join(tokens[cut:]), " ".join(tokens[:cut])


def _leading(tokens: Sequence[str], words: frozenset[str]) -> int:
    """How many of `tokens` at the start are `words` (compared in lower case, without a dot):
    the titles before a name ("Deputy Chief", "Dr.")."""
    count = 0
    while count < len(tokens) and tokens[count].lower().rstrip(".") in words:
        count += 1
    return count


# what may stand before a name the roster is asked about: "Mr Wilk", "Deputy Varga"
_LEADING_TITLES = HONORIFICS | _TITLE_WORDS


# three-letter words that start first names but stand for something else: "Sun" (Sunniva),
# "Mar" (Mariana), "All" (Allison), "The" (Theo)
_NOT_SHORT_NAMES = frozenset("""mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep
    oct nov dec the and but for not all any can did has had her his its our out was who why how
    new one two ten yes see per via let""".split())  # noqa: SIM905


class _Entry(NamedTuple):
    name: str
    tokens: tuple[str, ...]  # lower-cased
    first: str
    last: str
    initials: str
    aliases: tuple[str, ...]  # lower-cased


class _Tier:
    """One tier's names, indexed by each key a short name is looked up by (a dict lookup per
    question instead of a pass over the names); the lists are in the tier's order, unique."""

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        # each key's names as the keys of a dict (unique, in order, and found in constant time
        # however many attendees share a first name), then as lists
        exact: dict[str, dict[str, None]] = {}  # normalised full name, or the alias
        first_names: dict[str, dict[str, None]] = {}
        first_like: dict[str, dict[str, None]] = {}  # first name and its other forms
        last: dict[str, dict[str, None]] = {}
        for e in entries:
            name, first = e.name, e.first
            exact.setdefault(" ".join(e.tokens), {})[name] = None
            for alias in e.aliases:
                exact.setdefault(alias, {})[name] = None
            first_names.setdefault(first, {})[name] = None
            first_like.setdefault(first, {})[name] = None
            for other in _SAME_FIRST.get(first, ()):
                first_like.setdefault(other, {})[name] = None
            last.setdefault(e.last, {})[name] = None
        self.exact = {key: list(names) for key, names in exact.items()}
        self.first = {key: list(names) for key, names in first_names.items()}
        self.first_like = {key: list(names) for key, names in first_like.items()}
        self.last = {key: list(names) for key, names in last.items()}
        # each office alias by its head word: "director of postgraduate research" → ("director",
        # {}), "postgraduate research administrator" → ("administrator", {postgraduate, research})
        self.offices = [(words[-1], frozenset(words[:-1]), e.name) for e in entries
                        for alias in e.aliases
                        if (words := alias.partition(" of ")[0].split())
                        and words[-1] in _OFFICE_HEADS]
        self.lasts = "\n".join(e.last for e in entries)  # for a quick "no last name starts so"
        self.firsts = [(e.first, e.name) for e in entries if len(e.tokens) > 1]


class Roster:
    """Resolve short names against the attendees first, then other names the note gives."""

    def __init__(self, attendees: Iterable[Person], others: Iterable[str] = (),
                 mentioned: Callable[[], Iterable[Person]] | None = None) -> None:
        self._tiers: list[_Tier] = [
            self._people_tier(attendees),
            _Tier([self._entry(n) for n in others]),
        ]
        # full names written anywhere in the note ("Tomasz Wierzbicki" in a sentence): they
        # only complete a name the tiers above do not know, and never make a word a person;
        # found the first time they are needed (most names resolve without them)
        self._find_mentioned = mentioned
        self._mentioned: _Tier | None = None
        self._cache: dict[str, Sequence[str]] = {}  # each name's hits, read once

    @staticmethod
    def _entry(name: str, aliases: Sequence[str] = ()) -> _Entry:
        tokens = tuple(name.lower().replace(".", " ").split())  # _norm(name).split()
        if tokens and tokens[0] in HONORIFICS:  # "Dr. Jane Smith" is Jane
            tokens = tokens[min(_leading(tokens, HONORIFICS), max(0, len(tokens) - 2)):]
        return _Entry(name, tokens, tokens[0] if tokens else "",
                      tokens[-1] if len(tokens) > 1 else "", "".join([t[0] for t in tokens]),
                      tuple(a.lower() for a in aliases))

    def match(self, name: str) -> str | None:
        """The one full name `name` refers to, or None (unknown or ambiguous)."""
        hits = self._cached_hits(name)
        return hits[0] if len(hits) == 1 else None  # several: ambiguous, do not guess

    def _cached_hits(self, name: str) -> Sequence[str]:
        if (hits := self._cache.get(name)) is None:
            hits = self._cache[name] = self._hits(name)
        return hits

    def candidates(self, name: str) -> list[str]:
        """Every full name `name` may mean, from the first tier with any (several: ambiguous)."""
        return list(self._hits(name.strip(" []@:*_,.")))

    def resolve(self, name: str) -> str:
        """Full name when exactly one person fits, else the name as written."""
        clean = name.strip(" []@:*_,.")
        if "'" in clean or "’" in clean:
            clean = _POSSESSIVE.sub("", clean)
        if found := self.match(clean):
            if " " not in found and self._find_mentioned is not None \
                    and len(hits := self._hits(found, [self._mentioned_tier()])) == 1 \
                    and hits[0].partition(" ")[0] == found:
                return hits[0]  # "Present: Bram, Tove" and later "Bram Oosterhuis": in full
            return found
        if self._find_mentioned is not None and not self._cached_hits(clean) \
                and len(hits := self._hits(clean, [self._mentioned_tier()])) == 1:
            return hits[0]
        return clean

    def _mentioned_tier(self) -> _Tier:
        if self._mentioned is None:
            found = self._find_mentioned() if self._find_mentioned is not None else ()
            self._mentioned = self._people_tier(found)
        return self._mentioned

    @classmethod
    def _people_tier(cls, people: Iterable[Person]) -> _Tier:
        return _Tier([cls._entry(p.name, p.aliases) for p in people])

    def match_handle(self, handle: str) -> str | None:
        """The one attendee (else person the note names in full) a chat handle is made from:
        "wzielinski" → Wojciech Zieliński, "lenah" → Lena Halvorsen, "ana.costa" → Ana Costa
        (first name, initials and surname, without accents); None when none or several fit."""
        key = _plain(handle)
        if len(key) < 3:
            return None
        for tier in (self._tiers[0], self._mentioned_tier()):
            # (then the full names the note writes: "here: Dario, @fkaur" over "(= Dario
            # Conti, Farah Kaur)")
            fits = [e.name for e in tier.entries if len(e.tokens) > 1
                    and any(form == key or (len(key) >= 5 and form.startswith(key))
                            for form in _handle_forms(e))]  # "mkowal" for Marta Kowalska
            if fits:
                return fits[0] if len(set(fits)) == 1 else None
        return None

    def known(self, name: str) -> bool:
        return self.match(name.strip(" []@:*_,.")) is not None

    def _hits(self, name: str, tiers: Sequence[_Tier] = ()) -> Sequence[str]:
        """The names `name` may mean in the first tier (of the roster's, or `tiers`) with any;
        the name is read once."""
        low = _norm(name)
        toks = low.split()
        raw = name.strip()
        # "Mr Wilk", "Fr Declan", "Prof. Okonkwo", "Deputy Varga", "Capt. Abernathy" (but "Town
        # Clerk" is all title, and "Director of Studies" an office: the roster may know them)
        titles = _leading(toks, _LEADING_TITLES) if toks and toks[0] in _LEADING_TITLES else 0
        if 0 < titles < len(toks) and toks[titles] != "of":
            toks = toks[titles:]
            low, raw = " ".join(toks), raw.split(None, titles)[titles]
        if "-" in raw and (suffix := _HONORIFIC_SUFFIX.search(raw)):  # "Sato-san", "Ji-woo-ssi"
            raw = raw[: suffix.start()]
            low = _norm(raw)
            toks = low.split()
        one = len(toks) == 1
        camel = _CAMEL_INITIAL.match(raw) if one else None
        initial_last = _INITIAL_LAST.match(raw) if one else None
        for tier in tiers or self._tiers:
            if tier.entries and (hits := _tier_hits(tier, low, toks, raw, camel, initial_last)):
                return hits
        return ()


def _tier_hits(tier: _Tier, low: str, toks: list[str], raw: str, camel: re.Match[str] | None,
               initial_last: re.Match[str] | None) -> Sequence[str]:
    entries = tier.entries
    # (an alias is kept as written, dots and all: "gaz.l", which `low` reads as "gaz l")
    if (exact := tier.exact.get(low)) or ("." in raw and (exact := tier.exact.get(raw.lower()))):
        return exact
    if tier.offices and toks and toks[-1] in _OFFICE_HEADS and len(toks) <= 3:
        return _office_holder(tier, toks)
    if len(toks) == 1:
        t = toks[0]
        if first := tier.first.get(t):
            return first
        if camel:
            f, ini = camel.group(1).lower(), camel.group(2).lower()
            hits = [e.name for e in entries if _first_like(e.first, f) and e.last.startswith(ini)]
            if hits:
                return _unique(hits)
        if initial_last:
            f, last = initial_last.group(1).lower(), initial_last.group(2).lower()
            hits = [e.name for e in entries if e.first.startswith(f) and e.last == last]
            if hits:
                return _unique(hits)
        if raw.isupper() and 2 <= len(raw) <= 3:
            return _unique([e.name for e in entries if len(e.tokens) > 1 and e.initials == t])
        if nick := tier.first_like.get(t):
            return nick
        if lastname := tier.last.get(t):
            return lastname
        if len(t) >= 4 and t in tier.lasts:
            return _unique([e.name for e in entries if e.last.startswith(t)])
        if len(t) >= 3 and t not in _NOT_SHORT_NAMES:
            # "Rafa" for Rafael, "Seun" for Oluwaseun, "Con" for Connor: the start of a first
            # name, or its end when four letters or more ("Ian" in Julian is someone else)
            return _unique([name for first, name in tier.firsts if first != t
                            and (first.startswith(t) or (len(t) >= 4 and first.endswith(t)))])
        return ()
    if len(toks) == 2 and len(toks[1]) == 1:  # "Thomas L"
        return _unique([e.name for e in entries
                        if _first_like(e.first, toks[0]) and e.last.startswith(toks[1])])
    if len(toks) >= 2:  # "David Scott" vs attendee "Dave Scott"
        if hits := _unique([e.name for e in entries
                            if _first_like(e.first, toks[0]) and e.last == toks[-1]]):
            return hits
        # "Wen Jie" for "Wen Jie Lim": the leading words of a longer name
        return _unique([e.name for e in entries
                        if len(e.tokens) > len(toks) and list(e.tokens[: len(toks)]) == toks])
    return ()


# the last word of an office ("Deputy Director", "Research Administrator")
_OFFICE_HEADS = frozenset({*(w.lower() for w in _OFFICE_WORDS), "head", "dean", "lead",
                           "coordinator"})


def _office_holder(tier: _Tier, toks: list[str]) -> list[str]:
    """Who holds the office a short form names: "the Deputy Director" is the one whose office
    says "Deputy Director of …"; "the PGR Director" the Director of Postgraduate Research, not
    the Deputy (words the office has and the short form lacks rule it out); "the PGR
    Administrator" the only administrator there is. Several fit: ambiguous."""
    head, said = toks[-1], set(toks[:-1])
    offices = [(words, name) for office_head, words, name in tier.offices if office_head == head]
    fits = [(len(words & said), name) for words, name in offices if words <= said]
    if fits:
        best = max(score for score, _ in fits)
        return _unique([name for score, name in fits if score == best])
    return _unique([name for _, name in offices]) if len(toks) > 1 else []


def _plain(text: str) -> str:
    """Lower-case ASCII letters only: "Zieliński" → "zielinski", "ana.costa" → "anacosta"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


def _handle_forms(entry: _Entry) -> set[str]:
    first, last = _plain(entry.tokens[0]), _plain(entry.tokens[-1])
    return {first + last, first[:1] + last, first + last[:1], last + first[:1], last + first,
            _plain("".join(entry.tokens))}


def _first_like(a: str, b: str) -> bool:
    return a == b or b in _SAME_FIRST.get(a, ())


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def actions_by_person(
    entries: Iterable[DigestEntry],
) -> dict[str, list[tuple[DigestEntry, Action]]]:
    """Action items of a digest grouped by owner (sorted), unowned last under UNASSIGNED."""
    groups: dict[str, list[tuple[DigestEntry, Action]]] = {}
    for entry in entries:
        for action in entry.extraction.actions:
            owners = [o.strip() for o in OWNER_SEPARATOR.split(action.owner or "")
                      if o.strip()]
            for owner in owners or [UNASSIGNED]:
                groups.setdefault(owner, []).append((entry, action))
    ordered = {k: groups[k] for k in sorted(groups, key=str.lower) if k != UNASSIGNED}
    if UNASSIGNED in groups:
        ordered[UNASSIGNED] = groups[UNASSIGNED]
    return ordered
