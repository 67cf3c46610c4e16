"""One canonical name per person and organisation within a story.

``NameIndex.build`` reads the mentions gathered from a story's articles — (surface text, spaCy
label or None, the sentence it came from) — and groups the ones that name the same thing:

* titles are split from names ("Russian President Vladimir Putin" → role "Russian President",
  name "Vladimir Putin"), and the role, seen alone ("the Russian president"), then names that
  person when only one person in the story holds it; appositions in the sentences ("Ada Moss,
  the city's mayor,") teach roles the same way;
* a surname alone ("Putin") is the full name when one person in the story has that surname;
  spelling variants of a name ("Zelensky" / "Zelenskyy") are matched with rapidfuzz;
* an acronym in parentheses or after ", or" links a long form to it ("Ukraine's Defense
  Intelligence Directorate (HUR)", "the Defense Intelligence Directorate, or GUR"); acronyms
  that differ by one transliterated letter (H/G, K/C, V/W, Y/J/I) name the same body; long forms
  that differ only by spelling, an owner written as a possessive or an adjective ("Ukraine's" /
  "Ukrainian"), or a generic head word ("service", "agency") are the same.

The canonical name of a group is its most complete proper name: for a person the longest name
without a title ("Vladimir Putin"); for an organisation its most used long form followed by its
acronym in parentheses ("Ukraine's military intelligence (HUR)"), or the acronym alone when no
long form was seen. Names the index has not seen are returned cleaned but otherwise unchanged.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from nicknames import NickNamer
from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from storyfuse.clean.clutter import dateline_alone, dateline_length


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make a title or a role, not a name: "President", "Defense Minister", "spokesman".
ROLE_WORDS = _words(
    """
    president vice prime minister premier chancellor secretary spokesman spokeswoman
    spokesperson press official officials general gen lieutenant colonel col major maj captain
    capt admiral adm commander chief head director deputy governor gov senator sen
    representative rep congressman congresswoman mayor ambassador envoy king queen prince
    princess emperor pope leader chairman chairwoman chair ceo founder judge justice attorney
    prosecutor sheriff lawmaker mp mep speaker dr mr mrs ms sir lord lady president-elect
    foreign defense defence interior finance state commissioner coordinator adviser advisor
    analyst minister-president supreme nominee front-runner frontrunner runner dean host anchor
    diplomat quarterback coach businessman businesswoman manager editor columnist correspondent
    treasurer superintendent supt councilman councilwoman lt atty sgt sergeant inspector
    rev reverend pastor rabbi imam bishop archbishop cardinal insider reporter pollster
    strategist economist professor prof detective det corporal cpl pres insp cmdr sens reps gens
    sgts vp parliamentarian ag officer counsel senators clerk recorder assessor auditor
    comptroller coroner
    """
)
# Words that say what a company or a person is, written before the name at the start of a
# sentence as a title is ("Drugmaker Merck said", "Rapper Kanye West"), but no part of the name.
# Words ending in "maker" count too ("Chipmaker Nvidia"). Words that are also surnames or name
# words ("Singer", "Carrier", "Giant") are left out.
DESCRIPTIONS = _words(
    """
    retailer insurer lender broadcaster conglomerate startup automaker rapper actor actress
    comedian billionaire entrepreneur novelist filmmaker songwriter journalist columnist
    commentator
    """
)
DESCRIPTION_SUFFIX = "maker"


def a_description(word: str) -> bool:
    """Whether ``word`` says what a company or person is ("Drugmaker", "Rapper")."""
    low = word.lower()
    return low in DESCRIPTIONS or (low.endswith(DESCRIPTION_SUFFIX) and low != DESCRIPTION_SUFFIX)


# Nouns for a person, written before a name as its description ("his girlfriend Diamond
# Reynolds", "black motorist Philando Castile"): the name is that person's, whatever the model
# tags it. Words a company may be described by ("partner", "owner") are left out.
PEOPLE_NOUNS = _words(
    """
    girlfriend boyfriend wife husband mother father son daughter brother sister uncle aunt
    cousin nephew niece grandmother grandfather grandson granddaughter widow widower fiancee
    fiancée fiance fiancé stepson stepdaughter stepfather stepmother motorist man woman boy girl
    teen teenager toddler student victim suspect nurse soldier veteran actress actor rapper
    comedian novelist songwriter filmmaker researcher journalist columnist commentator
    """
)
# Nouns for a company before its name: "consulting firm Merritt Hawkins" is no person. Not
# "manufacturer", which describes people too ("manufacturer Ron Johnson was elected").
FIRM_NOUNS = _words(
    """
    firm company corporation startup start-up consultancy retailer lender insurer bank
    conglomerate automaker carmaker drugmaker chipmaker
    """
)
# Abbreviated titles and the words they stand for: "Gov. Ada Moss" is "the governor".
ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "lt": "lieutenant",
    "gen": "general",
    "atty": "attorney",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "supt": "superintendent",
    "prof": "professor",
    "rev": "reverend",
    "pres": "president",
    "det": "detective",
    "cpl": "corporal",
    "insp": "inspector",
    "cmdr": "commander",
    "vp": "vice president",
    # plural titles before a list of names: "Sens. Cruz and Rubio"
    "sens": "senator",
    "reps": "representative",
    "gens": "general",
    "sgts": "sergeant",
}
# Party words written before a person's full name as a title is ("Democrat Doug Jones").
PARTY_WORDS = _words("republican republicans democrat democratic gop independent libertarian")
# ... those that name one member ("Democrat Biden"), not a party ("Democratic Party")
PARTY_MEMBERS = _words("republican democrat")
# The words that carry a role; the others in ROLE_WORDS only qualify one ("Defense Minister").
ROLE_HEADS = ROLE_WORDS - _words(
    "vice prime foreign defense defence interior finance state deputy press supreme"
)
# Generic head words of organisation names: "the intelligence service" is "the intelligence".
ORG_HEADS = _words("service agency directorate department office ministry committee council bureau")
# Head words of a region's name: "the Kursk region" is "Kursk Oblast". Words that also end
# other places' names ("Orange County", "Czech Republic", "Washington state") are left out.
PLACE_HEADS = _words("region oblast province krai governorate prefecture raion okrug voivodeship")
# The legal forms that end companies' names ("Norton Co.", "Acme Corp.", "Reed International
# PLC", "Montedison S.p.A.").
LEGAL_FORMS = _words("inc corp corporation co cos ltd llc plc ag sa spa nv bv gmbh lp llp")
# The last words of companies' and funds' names, which no person's name ends with: a name the
# tagger calls a person's ("Purdue Pharma") is the company's.
COMPANY_WORDS = LEGAL_FORMS | _words(
    """
    airlines airways lines fund pharma pharmaceuticals holdings industries company
    technologies motors therapeutics biosciences biotech laboratories labs economics
    analytics productions studios pictures entertainment
    """
)
# The last words of bodies' names, which no person's name ends with either ("Saint Paul Police").
BODY_LAST_WORDS = COMPANY_WORDS | ORG_HEADS | _words(
    "police university institute foundation association federation commission center centre"
    " media network coalition pac"
)
# Words that make a name an organisation's, not a person's.
ORG_WORDS = ORG_HEADS | _words(
    """
    intelligence commission party army forces force guard court parliament government
    administration university institute center centre company corporation bank group union
    organization organisation association foundation news times post network fleet command
    house senate congress pentagon kremlin police media league federation alliance coalition
    authority board club
    """
) | COMPANY_WORDS
# Lower-case words inside a proper name ("Ministry of Defence", "Banco de la Nación", the "s"
# of a possessive).
NAME_JOINING = frozenset({"of", "for", "and", "the", "on", "in", "de", "s", "y", "del", "la"})
# Kinds of body a speaker or claimant may be written as ("the fund said"; see
# ``fuse.names.described_body``).
DESCRIBED_BODIES = ORG_HEADS | _words(
    """
    fund bank company firm union commission court government administration campaign party
    police army military board institute organization organisation authority association
    federation foundation university network
    """
)
# A country's own services and rulers, which a text calls "the Army" or "the Government" while it
# names another's ("George Washington's Continental Army ... I joined the Army")
_OWN_SERVICES = _words("army military police government administration")
# Head words of a body inside another: "Norvik" is not "Norvik School of Law".
PART_HEADS = ORG_HEADS | _words(
    """
    school college faculty police division unit board court institute center centre museum
    library hospital campaign foundation fund
    """
)
# Last words by which a newspaper is called alone: "the Times", "the Post".
PRESS_WORDS = _words("times post journal tribune herald globe chronicle gazette telegraph")
# Of those, the ones that are people's surnames too ("Emily Post", "Nick Herald").
SURNAME_PRESS_WORDS = _words("post herald globe times")
# ... and the ones that are nobody's name: "Chronicle", "Tribune".
NEWSPAPER_ONLY_WORDS = PRESS_WORDS - SURNAME_PRESS_WORDS
# Letters that transliterations of the same name swap (Cyrillic Г as H or G, and so on).
TRANSLITERATION = [frozenset(p) for p in ("HG", "KC", "VW", "YJ", "YI", "XH")]

_DETERMINERS = ("the ", "a ", "an ")
_POSSESSIVES = frozenset({"her", "his", "its", "their", "our", "my", "your"})
_ACRONYM = r"[A-Z][A-Z0-9]{1,6}"
_PAREN = re.compile(rf"\(\s*({_ACRONYM})\s*\)")
_OR_ACRONYM = re.compile(rf",\s*or\s+({_ACRONYM})\b")
# marks that open a quotation or a bracket, glued to the word after them
_OPENING = "“\"‘'(["
# the capital of the United States with its district, which the tagger takes for two places
_CAPITAL = re.compile(r"\bWashington,?\s+D\.?C\b")
# a first name alone, "and", a full name: "Bill and Melinda Gates"
_COUPLE = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) ([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\b")
# what follows the wire service's credit in a dateline: "NEW YORK (AP) — ...", or the dash ends
# the text when the parser made the dateline a sentence of its own; the wires of the 1990s wrote
# the dash as an underscore ("BAGHDAD, Iraq (AP)_ ...")
_DASH_AFTER = re.compile(r"\s*(?:—|–|--?|_)(?:\s|$)")
_CONNECTORS = frozenset({"of", "for", "and", "on", "the", "de", "du", "des", "la", "le"})
# Generational suffixes written after a surname: "Patrick Lee Jr.", "Henry Ford II".
SUFFIXES = _words("jr sr ii iii iv")
_SUFFIX_COMMA = re.compile(r",\s*(?=(?:jr|sr|ii|iii|iv)$)")
# Initials written apart, to be written together: "h r mcmaster" (from "H. R. McMaster") is
# "hr mcmaster" (from "H.R. McMaster").
_SPACED_INITIAL = re.compile(r"\b([a-z]) (?=[a-z]\b)")
# An elided particle written apart from the surname: "O' Rourke", "D' Souza".
_SPACED_ELISION = re.compile(r"\b([a-z])' (?=[a-z])")
# Lower-case words inside a person's name: "Bill de Blasio", "Ludwig van Beethoven".
NAME_PARTICLES = _words("de van von der den da di du la le del della dos das bin ibn al el ter ten")
# Those that open a surname written alone ("De Blasio", "Van Hollen"); not "Al", "Le" or "Di",
# which are also first names.
SURNAME_PARTICLES = NAME_PARTICLES - _words("da di la le al el")
# Verbs that open an inverted attribution: 'Said Ada Moss, "..."' tags "Said Ada Moss".
_REPORTING = re.compile(r"(?:Said|Says|Added|Asked|Wrote|Replied)\s+(?=[A-Z])")


# Where a body is based, written before its name: "Washington-based", "Kyiv-based" (not a name's
# own "Faith-Based")
_BASED = re.compile(r"^[A-Z][\w.']*(?:[ -][A-Z][\w.']*)*-based\s+(?=[A-Z])")


def without_base(name: str) -> str:
    """A body's name without where it is based: "Washington-based IMF" is "IMF"."""
    return _BASED.sub("", name)


# A body's short form in brackets after its name, which the tagger may take into the name:
# "Department of Homeland Security (DHS)" (the short form is a name of its own, and the story's
# name for the body shows it: ``NameIndex._best_name``)
_OWN_SHORT_FORM = re.compile(r"(?<=\S)\s+\([A-Z][A-Za-z&]*[A-Z]\)$")


def clean(name: str) -> str:
    """A name as written, tidied: straight apostrophes, no edge punctuation, no leading
    article, no place it is based in, no possessive ending."""
    lines = [line for line in name.splitlines() if line.strip()]
    # a mention run over a line break ("X.\n\nSouth Korea") is the part on its last line
    s = " ".join((lines[-1] if lines else "").replace("’", "'").replace("‘", "'").split())
    s = _OWN_SHORT_FORM.sub("", s)
    # keep the final dot of an abbreviation ("U.S."), drop other edge punctuation
    s = s.strip(" \"“”',;:()[]—–-")
    if s.endswith(".") and s[:-1].count(".") == 0:
        s = s.rstrip(".")
    s = s.lstrip(".")
    low = s.lower()
    for det in _DETERMINERS:
        if low.startswith(det):
            s = s[len(det) :]
            break
    else:
        # "her Justice Department": an owner in lower case, no part of the name ("Our
        # Revolution" is one)
        first, _, rest = s.partition(" ")
        if first in _POSSESSIVES and rest[:1].isupper():
            s = rest
    s = without_base(s)
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    return s.strip()


def _proper(name: str) -> bool:
    """Whether every word of ``name`` but its joining words is capitalised, as in a proper name."""
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in NAME_JOINING]
    return bool(words) and all(w[0].isupper() for w in words)


def without_accents(name: str) -> str:
    """``name`` with its letters' accents dropped ("Moïse" -> "Moise")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A nickname written in quotes inside a person's name: I. Lewis “Scooter” Libby.
_NICKNAME = re.compile(
    r"(?<=\w\.|\w\s)\s*[\"“']([A-Z][\w.-]*(?: [A-Z][\w.-]*)?)[\"”']\s+(?=[A-Z])"
)


def nickname_of(name: str) -> str | None:
    """The nickname a name gives in quotes ("Scooter" of I. Lewis “Scooter” Libby)."""
    m = _NICKNAME.search(clean(name))
    return m.group(1) if m else None


def key_of(name: str) -> str:
    """The comparison key of a name: cleaned, lowercase, accents, possessives, dots and a
    quoted nickname dropped, initials written together (outlets that write "Jovenel Moïse" and
    "Jovenel Moise", or "H.R. McMaster" and "H. R. McMaster", name one person)."""
    s = without_accents(_NICKNAME.sub(" ", clean(name))).lower()
    s = _SPACED_ELISION.sub(r"\1'", s)  # "Beto O’ Rourke" is "Beto O’Rourke"
    s = s.replace("'s ", " ").replace("' ", " ").replace(".", "").replace("-", " ")
    s = _SUFFIX_COMMA.sub(" ", s)  # "Donald Trump, Jr." is "Donald Trump Jr."
    return _SPACED_INITIAL.sub(r"\1", " ".join(s.split()))


def is_acronym(name: str) -> bool:
    return re.fullmatch(_ACRONYM, clean(name).replace(".", "")) is not None


# Last words of the names of a party's gatherings, no person's: "Democratic National Convention"
# is no title before "National Convention".
GATHERINGS = _words("convention caucus conference")
# Last words of a law's name: "the American Rescue Plan Act", "the First Amendment".
LAWS = ("Act", "Amendment")


def split_title(name: str) -> tuple[str, str]:
    """("Russian President", "Vladimir Putin") from "Russian President Vladimir Putin".

    The title is everything up to the last role word that is followed by a capitalised
    name; ("", name) when there is no title.
    """
    words = clean(name).split()
    cut = -1
    for i, w in enumerate(words[:-1]):
        after = words[i + 1 :]
        if (_a_role_word(w) or _describing(w, i)) and (
            after[0][:1].isupper()
            or (after[0] in NAME_PARTICLES and len(after) > 1 and after[1][:1].isupper())
        ):
            cut = i  # "Mayor Bill de Blasio", "Mayor de Blasio", "actor Tom Hanks"
        elif i > 0 and cut == i - 1 and w.lower() in TITLE_QUALIFIERS:
            cut = i  # a qualifier after the title: "Law Professor Emeritus Alan Dershowitz"
        elif w.lower() in PARTY_WORDS and len(words) - i >= 3:
            cut = i  # a party before a full name: "Republican Roy Moore", "House Republican
            # Thomas Massie"
        elif w.lower() in PARTY_MEMBERS and i == len(words) - 2 and w[:1].isupper():
            cut = i  # a party's member before a surname, as the wires write: "Republican Trump"
        elif i > 0 and w.isalpha() and w.isupper() and 2 <= len(w) <= 4 and len(words) - i > 2:
            cut = i  # an abbreviated position before a full name: "Harbor DL Ada Moss"
    if cut < 0:
        cut = _office_of_a_body(words)
    if cut < 0:
        return "", " ".join(words)
    rest = words[cut + 1 :]
    # a surname that is a role word too, after a first name: "Rep. Peter T. King"
    named = rest[:-1] if len(rest) >= 2 and first_name_gender(rest[0]) is not None else rest
    if (
        not rest
        or len(rest) > 4
        or any(w.lower().rstrip(".") in ROLE_WORDS | ORG_WORDS | GATHERINGS for w in named)
        or not rest[-1][:1].isupper()
        or not all(_capitalised(w) or w in NAME_PARTICLES for w in rest)
        or all(w.lower().rstrip(".") in SUFFIXES for w in rest)
        or rest[-1] in LAWS
    ):
        # not a person's name after the title: "Defense Intelligence Directorate", "National
        # Defense Authorization Act", or only the suffix of a name ending in a role word:
        # "Martin Luther King Jr."
        return "", " ".join(words)
    return " ".join(words[: cut + 1]), " ".join(rest)


def _office_of_a_body(words: list[str]) -> int:
    """Where a title naming an office of a body ends, before the full name after it: "Ousted
    Secretary of Veterans Affairs David Shulkin", "Assistant Chief of Police Deanna Nollette"
    (the name opening with a first name); -1 when there is none."""
    if "of" not in words[1:-2]:
        return -1
    of = words.index("of", 1)
    if words[of - 1].lower() not in ROLE_WORDS:
        return -1
    for j in range(of + 2, len(words) - 1):
        rest = words[j:]
        if (
            len(rest) <= 3
            and all(_capitalised(w) for w in rest)
            and words[j - 1].lower() not in STOP_WORDS  # the body's name ends there, not "for"
            and not any(w.endswith(",") for w in words[:j])  # "Tanden, head of ..."
            and rest[0].lower() not in ROLE_WORDS
            and first_name_gender(rest[0]) is not None
        ):
            return j - 1
    return -1


def _a_role_word(word: str) -> bool:
    """A role word, or roles joined by hyphens ("Secretary-Treasurer")."""
    low = word.lower().rstrip(".")
    return low in ROLE_WORDS or ("-" in low and all(p in ROLE_WORDS for p in low.split("-")))


def _describing(word: str, i: int) -> bool:
    """Whether a word before a name says what the person is ("actor Tom Hanks", "motorist
    Philando Castile"): a noun for a person, in lower case, or opening the mention when it is
    no name word too ("Rapper Kanye West", not "Son Heung-min"). A company's description
    ("Drugmaker Merck") makes no person."""
    low = word.lower()
    return low in PEOPLE_NOUNS and (word.islower() or (i == 0 and low in DESCRIPTIONS))


def _capitalised(word: str) -> bool:
    """A name word, a nickname in quote marks among them ("Randolph “Tex” Alles")."""
    return word.lstrip("\"“'‘")[:1].isupper()


def _first_name(words: list[str]) -> str:
    """The first name of a person's name words, past a leading initial ("i lewis libby")."""
    return words[1] if len(words) > 2 and len(words[0]) == 1 else words[0]


def name_words(key: str) -> list[str]:
    """The words of a person's name key without a generational suffix: "ada moss jr" → ["ada",
    "moss"]."""
    words = key.split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words if words and words[-1] not in SUFFIXES else []


def suffix_of(key: str) -> str:
    words = key.split()
    return words[-1] if len(words) > 1 and words[-1] in SUFFIXES else ""


def looks_personal(name: str) -> bool:
    """Two to four capitalised words, none of them a role, an organisation word or a
    connector, nor ending in a newspaper's word: the shape of a person's name ("Ruben
    Brekelmans", "Kim Jong Un")."""
    words = clean(name).split()
    if not 2 <= len(words) <= 4:
        return False
    if words[-1].lower() in NEWSPAPER_ONLY_WORDS:
        return False  # a newspaper: "San Francisco Chronicle"
    if _counted(words[0]):
        return False  # some of a group: "Two Democrats", "Several Republicans"
    if an_entourage(name):
        return False
    for w in words:
        bare = w.lower().rstrip(".")
        if not w[:1].isupper() or w.isupper() and len(w) > 2:
            return False
        if not all(ch.isalpha() or ch in ".-'" for ch in w):
            return False  # digits, or a list: "Big Machine, Braun"
        if bare in ROLE_WORDS or bare in ORG_WORDS or bare in _CONNECTORS:
            return False
    return True


# Words that count or quantify the people of a group, written before it: "Both Democrats".
_QUANTIFIERS = frozenset(
    {"both", "several", "many", "some", "all", "most", "few", "dozens", "hundreds", "thousands"}
)


def _counted(word: str) -> bool:
    """Whether a capitalised first word counts what follows: "Two", "Several"."""
    # imported here: numbers imports nlp, which imports this module
    from storyfuse.extract.numbers import parse_number

    return word.lower() in _QUANTIFIERS or parse_number(word, language="en") is not None


# "Team Obama" names the people around Obama, a body, whatever the model tags it.
_ENTOURAGE = "team"


def an_entourage(name: str) -> bool:
    """Whether a name is a team named after a person ("Team Obama")."""
    words = key_of(name).split()
    return len(words) >= 2 and words[0] == _ENTOURAGE


def role_key(name: str) -> str:
    """The key of a role with its abbreviations written out, and the place or body it is of
    written first: "Vermont Sen." → "vermont senator", "the governor of South Dakota" → "south
    dakota governor"."""
    words = [ABBREVIATIONS.get(w, w) for w in key_of(name).split()]
    if "to" in words[1:-1] and words[words.index("to") - 1] in ROLE_HEADS:
        # "China's ambassador to Britain" → "china britain ambassador": the place the role is
        # to before the role, as "of" below ("China's ambassador" is the same head, less one
        # place); not "the nominee to replace Scalia"
        from storyfuse.extract.nlp import verb_words  # (nlp reads names' word lists)

        cut = words.index("to")
        to = words[cut + 1 :]
        if (
            1 <= len(to) <= 3
            and to[0] not in verb_words()
            and not any(w in ROLE_WORDS or w in NAME_JOINING for w in to)
        ):
            words = words[: cut - 1] + to + [words[cut - 1]]
    if "of" in words:
        cut = words.index("of")
        role, of = words[:cut], words[cut + 1 :]
        if (
            role
            and all(w in ROLE_WORDS for w in role)
            and 1 <= len(of) <= 3
            and not any(w in ROLE_WORDS or w in NAME_JOINING for w in of)
        ):
            words = of + role
    return " ".join(words)


# a role of a year: "2012 Republican presidential nominee" (not a count: "2 senators")
_YEAR_FIRST = re.compile(r"(?:1[89]|20)\d\d\s+\D")


# A party member for a U.S. state: "(R-Ky.)", "D-N.Y.", "Kentucky Republican"
_PARTY_OF = {"R": "Republican", "D": "Democrat", "I": "Independent"}
_PARTY_LETTER = r"[RDI]"
_STATE = r"[A-Z][A-Za-z.]{1,12}(?: [A-Z][a-z.]{1,10})?"
_STATE_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_MEMBER = r"Republican|Democrat|Independent"
_MEMBERS = frozenset(party.lower() for party in _PARTY_OF.values())


def _members_for(
    roles: Sequence[tuple[str, str]], states_of: dict[str, set[str]]
) -> list[tuple[str, str]]:
    """A party's member for a state, from a person's roles that give the state ("Florida
    senator", "senator of Florida") or the state written after the name (``states_of``:
    "Senator Marco Rubio of Florida"), and those that give the party ("Republican", "Republican
    presidential candidate"): "florida republican" for Marco Rubio."""
    states: dict[str, set[str]] = defaultdict(set, {k: set(v) for k, v in states_of.items()})
    parties: dict[str, set[str]] = defaultdict(set)
    for rk, pk in roles:
        words = rk.split()
        for size in (2, 1):
            if len(words) > size and " ".join(words[:size]) in _states_lower():
                states[pk].add(" ".join(words[:size]))
                break
        party = _PARTY_WORDS.get(words[0]) if words else None
        if party:
            parties[pk].add(party)
    return [
        (f"{state} {party}", pk)
        for pk in states.keys() & parties.keys()
        for state in states[pk]
        for party in parties[pk]
    ]


# The words that open a role by a party, to the party's member
_PARTY_WORDS = {
    "republican": "republican", "gop": "republican", "democrat": "democrat",
    "democratic": "democrat", "independent": "independent",
}  # fmt: skip


def a_member_for(name: str) -> bool:
    """Whether a description is of a party's member for a U.S. state: "the Kentucky
    Republican", "the New York Democrat"."""
    return _for_a_state(name, _MEMBERS)


# Offices a U.S. state's people are named by when news has just named them: "the former
# Massachusetts governor", "the Vermont senator".
STATE_OFFICES = _words("governor senator congressman congresswoman lawmaker legislator")


def an_officer_for(name: str) -> bool:
    """Whether a description is of an officer for a U.S. state, serving or former: "the former
    Massachusetts governor", "the Vermont senator" (not "the governor", nor "the senator from
    Vermont", a phrase news uses to name the person too)."""
    return _for_a_state(name, STATE_OFFICES, former=True)


def _for_a_state(name: str, heads: frozenset[str], former: bool = False) -> bool:
    """Whether a description is a U.S. state's name before one of ``heads``, after "the" and,
    with ``former``, "former"."""
    words = clean(name).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    if former and words and words[0] == "former":
        words = words[1:]
    return len(words) >= 2 and words[-1] in heads and " ".join(words[:-1]) in _states_lower()


@functools.cache
def _states_lower() -> frozenset[str]:
    return frozenset(name.lower() for name in _state_codes().values())


def is_role(name: str) -> bool:
    """A description by role ("the Russian president", "Ukraine's defence minister", "the
    president of the Farm Bureau"); a name whose head is a body's word is the body's ("Justice
    Department")."""
    words = key_of(name).split()
    head = words[: words.index("of")] if "of" in words else words
    return (
        bool(words)
        and any(w in ROLE_HEADS for w in words)
        and not (head and head[-1] in ORG_HEADS)
        and (not name[:1].isdigit() or bool(_YEAR_FIRST.match(name)))
    )


@functools.cache
def _nicknamer() -> NickNamer:
    return NickNamer()


def usual_nickname(short: str, full: str) -> bool:
    """Whether a first name (lower case) is listed as a nickname of another: "joe" of
    "joseph", "chuck" of "charles", "bill" of "william", by the hand-curated list of the
    ``nicknames`` package (two nicknames of one name are not: "joe" / "jody")."""
    return short in _nicknamer().nicknames_of(full)


def _nicknamed(a: str, b: str) -> bool:
    """Whether one of two first names (lower case) is the other's usual nickname."""
    return a != b and (usual_nickname(a, b) or usual_nickname(b, a))


def _short_form(a: str, b: str) -> bool:
    """A first name and the short form that starts it: "Pat" / "Patrick", "Chris" /
    "Christopher" (not an initial: "P." is any name with a P)."""
    short, full = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return len(short) >= 3 and len(full) > len(short) and full.startswith(short)


def _initial_of(a: list[str], b: list[str]) -> bool:
    """Whether name words ``a`` are an initial and a surname and ``b`` a first name starting
    with that initial: "F. McKenzie" / "Frank McKenzie" (the one such first name in the story
    decides; "F." alone is any name with an F)."""
    return len(a) == 2 and len(a[0]) == 1 and len(b[0]) > 1 and b[0].startswith(a[0])


# Party words that may make a role more specific: "the Republican senator".
_PARTIES = _words("republican democratic democrat gop conservative labour liberal socialist green")


def _place_or_party(role: str, held: set[str]) -> bool:
    """Whether what ``role`` adds to the words ``held`` names a place the gazetteer knows
    ("South Carolina") or a party."""
    extra = [w for w in role.split() if w not in held]
    phrase = " ".join(extra)
    return 1 <= len(extra) <= 3 and (
        phrase in _place_names_lower() or all(w in _PARTIES for w in extra)
    )


@functools.cache
def _place_names_lower() -> frozenset[str]:
    return frozenset(_place_names_by_lower())


@functools.cache
def _place_names_by_lower() -> dict[str, str]:
    from storyfuse.extract.nlp import place_names

    return {n.lower(): n for n in sorted(place_names())}


# Capitals of fewer letters are taken for an acronym even where a place has that name ("NIS",
# "UN" and "PA" are towns too).
CAPITALS_MIN_LETTERS = 5


def _in_capitals(surface: str) -> bool:
    """A name written in capitals that is no acronym: a dateline's or a headline's "WASHINGTON",
    "NEW YORK" (a word of capitals alone may be one: "NATO", "NASA")."""
    return surface.isupper() and (
        len(surface.split()) > 1
        or (len(surface) >= CAPITALS_MIN_LETTERS and surface.lower() in _place_names_by_lower())
    )


def written_form(surfaces: Counter[str]) -> str:
    """The form a name is shown in: the one the story writes most, but not in capitals where it
    also writes the name in mixed case, and a place written in capitals alone in the case of its
    gazetteer name ("WASHINGTON (AP) —" is Washington)."""
    mixed = [s for s in surfaces if not _in_capitals(s)]
    best = max(mixed or surfaces, key=lambda s: surfaces[s])
    return _place_names_by_lower().get(best.lower(), best) if _in_capitals(best) else best


@functools.cache
def _us_state_abbreviations() -> dict[str, str]:
    """U.S. states' AP-style abbreviations, with and without their final dot ("Fla.", "Fla",
    "N.J."), as written, each to its state's key (``us``). Written as given, so that "L.A."
    is not "La." (Louisiana). A state whose name is also a country's capital (Washington) is
    left out: a story's "Washington" is more often the capital. "Ga." is Georgia all the
    same."""
    import us

    from storyfuse.extract.nlp import national_capitals

    seats = {key_of(name) for name in national_capitals()}
    out: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        full = key_of(state.name)
        if full in seats:
            continue
        if state.ap_abbr and key_of(state.ap_abbr) != full:
            out[state.ap_abbr] = out[state.ap_abbr.removesuffix(".")] = full
    return out


@functools.cache
def _state_codes() -> dict[str, str]:
    """U.S. states' postal codes, to their names ("TN": "Tennessee")."""
    import us

    return {state.abbr: state.name for state in us.states.STATES}


def a_state_after(short: str, long_form: str) -> bool:
    """Whether a short form in brackets after a name is a U.S. state's postal code, not the
    name's own short form ("Rep. Steve Cohen (TN)"; "Tennessee (TN)" defines it)."""
    state = _state_codes().get(short)
    return state is not None and long_form.strip() != state


@functools.cache
def _state_names() -> dict[str, str]:
    """Each U.S. state's AP abbreviation as ``_us_state_abbreviations`` reads them, to the
    state's name as written ("Ky." and "Ky" to "Kentucky"). "D.C." stays as news writes it."""
    import us

    written = {key_of(state.name): state.name for state in us.states.STATES_AND_TERRITORIES}
    written.pop(key_of(us.states.DC.name), None)
    return {
        abbr: written[full]
        for abbr, full in _us_state_abbreviations().items()
        if full in written
    }


def _indefinite_role(name: str) -> bool:
    """A role written with an indefinite article ("a spokesman", "an aide"): it brings in
    someone, it does not name a holder the story knows."""
    return name.strip(" \"“”'").lower().startswith(("a ", "an ")) and is_role(name)


def _transliterated(a: str, b: str) -> bool:
    """Two acronyms that differ in one letter, the pair a known transliteration swap."""
    if len(a) != len(b) or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in TRANSLITERATION


def _a_company_ag(name: str, label: str | None) -> bool:
    """Whether a name ending in "AG" is a company's ("Bayer AG", tagged a body), not an
    attorney general's ("Texas AG")."""
    words = name.split()
    if label != "ORG" or len(words) < 2 or words[-1] != "AG":
        return False
    titles = ROLE_WORDS | TITLE_QUALIFIERS
    if any(w.lower().rstrip(".") in titles for w in words[:-1]):
        return False  # "Acting AG", "Deputy AG", "Former AG"
    from storyfuse.extract.nlp import place_names

    return " ".join(words[:-1]) not in place_names()


def without_legal_forms(words: list[str]) -> list[str]:
    """A company name's words without the legal forms that end it: "norton co" -> "norton",
    "ada holdings co ltd" -> "ada holdings"."""
    end = len(words)
    while end > 1 and words[end - 1] in LEGAL_FORMS:
        end -= 1
    return words[:end]


def _without_last_part(name: str) -> str:
    """A body's name without a last word joined by "and", which its acronym may leave out
    ("Centers for Disease Control and Prevention" is the "CDC"); "" when it has no such part
    or too little is left."""
    head, joined, tail = name.rpartition(" and ")
    if not joined or " " in tail.strip() or len(head.split()) < 3:
        return ""
    return head


def initials(name: str, lower_too: bool = False) -> str | None:
    """The acronym that a name of two or more capitalised words spells ("United States of
    America" → "USA"; connecting words skipped), or None; with ``lower_too``, of words in
    lower case too ("intercontinental ballistic missile" → "ICBM")."""
    words = [w for w in clean(name).replace("-", " ").split() if w.lower() not in _CONNECTORS]
    if len(words) < 2 or not all(
        (lower_too or w[:1].isupper()) and w[1:2].islower() for w in words
    ):
        return None
    return "".join(w[0] for w in words).upper()


_OWNER = r"[A-Z][\w.&-]*'s"
_ARTICLE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s")


_POSSESSIVE = re.compile(r"\w['’]s\s+[A-Z]")
# a website's address, written in lower case: "norvikrecords.com", "www.norvik-records.co.uk"
_WEBSITE = re.compile(r"(?:www\.)?([a-z0-9][a-z0-9-]*[a-z0-9])(?:\.[a-z]{2,6}){1,2}")
# Times the tagger labels a name an organisation (and never a person) that keep it one when it
# also speaks and reads like a person's name ("Exxon Mobil said").
ORG_TAGGED = 3
# ... and how often a one-word name no full name ends with, as often as a person
ORG_TAGGED_ALONE = 2
# Times an article writes a surname alone before the full name that stop them being linked.
SURNAME_BEFORE = 3
# words that make a role one held no longer: "the former governor" is not "the governor"
_PAST_HOLDERS = _words("former ex late then outgoing")
# words that qualify a title before it without being part of a name: "former President X"
TITLE_QUALIFIERS = _words("former then ex late acting interim outgoing incoming emeritus")
# Words that put a body in relation to something else rather than describe it: "a deal with
# Norvik Records", "the owner of Norvik Records".
_RELATING = _words(
    """
    of for and or with without to by from in on at as about against than like including into
    between among versus vs via over under after before nor but who which that whose
    """
)


@functools.lru_cache(maxsize=4096)
def _mention_pattern(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(surface)}\b")


def _titles_before(text: str, surface: str) -> list[str]:
    """The titles written right before a name in a sentence, qualifiers included: "Gov." in
    "if Gov. Ada Moss signs", "Norland Sen." in "Norland Sen. Ada Moss", "former President" in
    "met former President Ada Moss"."""
    out = []
    for m in _mention_pattern(surface).finditer(text):
        words = text[: m.start()].split()[-5:]
        if not text[: m.start()].endswith((" ", "\n")):
            continue
        title: list[str] = []
        titles = ROLE_WORDS | ABBREVIATIONS.keys()
        # "China's ambassador to Britain Liu Xiaming": a role to a place, then the name
        if (
            len(words) >= 3
            and words[-2].lower() == "to"
            and words[-1][:1].isupper()
            and words[-3].lower() in ROLE_HEADS
        ):
            title = words[-2:]
            words = words[:-2]
        while words and words[-1].lower().rstrip(".") in titles:
            title.insert(0, words.pop())
        if words and words[-1].lstrip(_OPENING).lower().rstrip(".") in titles:
            # a title opening a quotation or a bracket: "“Gov. Ada Moss, blink twice!”"
            title.insert(0, words.pop().lstrip(_OPENING))
            words = []
        if not any(w.lower().rstrip(".") in ROLE_HEADS | ABBREVIATIONS.keys() for w in title):
            continue
        qualifiers = 0
        while words and qualifiers < 2:
            w = words[-1]
            if w.lower() in TITLE_QUALIFIERS or (
                w[:1].isupper() and w[-1:].isalnum() and w.lower() not in ("the", "a", "an")
            ):
                title.insert(0, words.pop())
                qualifiers += 1
            else:
                break
        out.append(" ".join(title))
    return out


@functools.lru_cache(maxsize=4096)
def _apposition_patterns(surface: str) -> tuple[re.Pattern[str], ...]:
    """Roles written beside a name: "Ada Moss, the city's mayor," / "Ada Moss, Tarnby's mayor,"
    after it, "the city's mayor, Ada Moss" / "Tarnby's mayor, Ada Moss" before it."""
    s = re.escape(surface)
    return (
        re.compile(rf"{s},\s+((?:the|a|an)\s+[^,.;()]{{3,90}}?)\s*[,.;]"),
        re.compile(rf"{s},\s+({_OWNER}\s+[^,.;()]{{2,60}}?)\s*[,.;]"),
        re.compile(rf"((?:[Tt]he|[Aa]n?)\s+[^,.;()]{{3,60}}?),\s+{s}\b"),
        re.compile(rf"({_OWNER}\s+[^,.;()]{{2,60}}?),\s+{s}\b"),
    )


def _nearest_role(text: str) -> str | None:
    """The shortest role that ends ``text`` and starts at an article: "the Russian president" in
    "the talk shows to defend his praise of the Russian president", and "the dean of the law
    school" (where "the law school" is no role)."""
    for m in reversed(list(_ARTICLE.finditer(text))):
        if is_role(text[m.start() :]):
            return text[m.start() :]
    return None


def _long_form_before(text: str, end: int) -> str | None:
    """The name written just before an acronym: from an owner's possessive ("Ukraine's
    military intelligence") or a run of capitalised words ("the Defense Intelligence
    Directorate")."""
    head = text[:end]
    clause = re.split(r"[.;:!?—–\n]|,\s", head)[-1]
    words = clause.split()[-8:]
    if not words:
        return None
    owners = [i for i, w in enumerate(words) if re.search(r"['’]s$", w) and w[:1].isupper()]
    if owners and owners[-1] == len(words) - 1:
        # the owner itself, its short form after its possessive: "the Centers for Disease
        # Control and Prevention's (CDC) weekly reports"
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    elif owners:
        return " ".join(words[owners[-1] :])
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (run and w.lower() in _CONNECTORS):
            run.insert(0, w)
        else:
            break
    while run and run[0].lower() in _CONNECTORS:
        run.pop(0)
    return " ".join(run) if run else None


def _spelled_part(long_form: str | None, acronym: str) -> str | None:
    """The end of a long form that the acronym spells, past a word in lower case or an owner's
    possessive, when the whole does not spell it: "Turkey and the Kurdish-led Syrian Democratic
    Forces (SDF)" defines "Syrian Democratic Forces", "Obama's Trans-Pacific Partnership (TPP)"
    "Trans-Pacific Partnership". A name of capitalised words is kept whole ("Santa Clara Valley
    Transportation Authority (VTA)", "South Korean National Intelligence Service (NIS)")."""
    if long_form is None or initials(long_form) == acronym:
        return long_form
    words = long_form.split()
    for k in range(len(words) - 1, 0, -1):
        if initials(" ".join(words[k:])) != acronym or words[k].lower() in _CONNECTORS:
            continue
        if any(w[:1].islower() or re.search(r"['’]s$", w) for w in words[:k]):
            return " ".join(words[k:])
        break
    return long_form


# Words that open a description of a body written before its name: "her former label, X".
_OPENERS = _words("the her his its their our")
_RELATIVES = _words("that which who")


def _apposed_description(chunk: str) -> str | None:
    """The description a chunk ends with, written before a body's name in apposition: from
    the last word that opens one (an article, a possessive pronoun or an owner's possessive),
    at least two words, lower case up to a relative pronoun and holding no role ("her former
    record label", "Tarn's parent company", "the company that runs the awards", not "the
    awards" there, "the label's chief executive" nor "its positions on trade"; "the company"
    alone says not which)."""
    words = chunk.split()
    opens = [
        i
        for i, w in enumerate(words)
        if w in _OPENERS or w.lower() == "the" or (re.fullmatch(r"[A-Z][\w&.-]*'s", w) is not None)
    ]
    for i in reversed(opens):
        # inside a relative clause: the description starts before it
        relative = [j for j in range(i) if words[j].lower() in _RELATIVES]
        if relative and any(o < relative[-1] for o in opens):
            continue
        rest = words[i + 1 :]
        cut = next((j for j, w in enumerate(rest) if w in _RELATIVES), len(rest))
        head = rest[:cut]
        # one word is enough with an owner or a clause that says which ("the company that")
        specific = words[i].endswith("'s") or cut < len(rest)
        if len(head) < (1 if specific else 2) or len(rest) < 2:
            return None
        if not all(
            re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w)
            and not set(w.split("-")) & (ROLE_WORDS | _RELATING)
            for w in head
        ):
            return None  # a role, or a relation to something else: "its positions on trade"
        return " ".join(words[i:])
    return None


class _Groups:
    """Union-find over name keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, k: str) -> None:
        self.parent.setdefault(k, k)

    def find(self, k: str) -> str:
        self.add(k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def members(self) -> dict[str, list[str]]:
        """The keys of each group, by the group's root."""
        out: dict[str, list[str]] = defaultdict(list)
        for k in list(self.parent):
            out[self.find(k)].append(k)
        return out


def dateline_credit(
    text: str, start: int, end: int, is_place: Callable[[str], bool] = lambda _: False
) -> bool:
    """Whether "(AP)" at ``start:end`` credits a wire service in a dateline ("NEW YORK (AP)
    —", "Kyiv, Ukraine (CNN) —") rather than defining a short form: it opens its line after a
    place's name written in capitals (or one ``is_place`` knows), and a dash follows it. Without
    the dash, it opens a dateline as ``dateline_length`` reads one ("Washington (CNN) President
    Donald Trump signed ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start].strip()
    if not head or len(head.split()) > 6:
        return False
    if not text[end:].strip():
        # the sentence splitter set the dateline apart from its lede ("Washington (CNN)"): it
        # reads as it would before the lede's first word
        return dateline_alone(text[line_start:end])
    if not _DASH_AFTER.match(text, end):
        return dateline_length(text[line_start : end + 2]) >= end - line_start
    # the place in capitals, perhaps with its country or state after a comma ("AKCAKALE,
    # Turkey (AP) —"), or a place the story knows
    letters = [ch for ch in head.split(",")[0] if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return True
    return is_place(head.split(",")[0])


# A country written before the name of a body of its government: "US Department of Labor".
COUNTRY_PREFIXES = (("united", "states"), ("united", "kingdom"), ("us",), ("uk",))


def _without_country(words: list[str]) -> list[str]:
    for prefix in COUNTRY_PREFIXES:
        if tuple(words[: len(prefix)]) == prefix and len(words) > len(prefix) + 1:
            return words[len(prefix) :]
    return words


# Titles that say how a person is addressed, not what office they hold.
HONORIFICS = _words("mr mrs ms miss dr sir dame rev reverend prof")
# The courtesy titles among them, and the gender each gives the surname after it.
COURTESY_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
# A first name's gender is the one nomquamgender's reference data gives it with the package's
# own default certainty (a share of women at most 0.1 or at least 0.9), from at least
# ``GENDER_MIN_COUNTS`` people (the package's own minimum for its taxonomy).
GENDER_CERTAINTY = 0.1
GENDER_MIN_COUNTS = 10
# ... and how often a first name is counted there to be a common one
COMMON_FIRST_NAME = 1000
# An entry of its data file: "name": [sources, counts, share of women, ...]
_GENDER_ENTRY = re.compile(r'"([^"\\]+)": \[\d+, (\d+), ([\d.]+)')


@functools.lru_cache(maxsize=1)
def _first_name_data() -> tuple[dict[str, str], frozenset[str]]:
    """First names and their gender, "m" or "f", where the reference data is that certain, and
    of those the ones it counts ``COMMON_FIRST_NAME`` times or more. Read from the package's
    data file (its version is pinned) entry by entry rather than parsed whole: the file holds
    720,000 names (about 240 MB once parsed) for the 155,000 kept (13 MB)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or spec.origin is None:
        return {}, frozenset()
    data = (Path(spec.origin).parent / "name_data.json").read_text(encoding="utf-8")
    out = {}
    common = set()
    for m in _GENDER_ENTRY.finditer(data):
        count = int(m.group(2))
        if count >= GENDER_MIN_COUNTS:
            share = float(m.group(3))
            if share <= GENDER_CERTAINTY:
                out[m.group(1)] = "m"
            elif share >= 1 - GENDER_CERTAINTY:
                out[m.group(1)] = "f"
            if m.group(1) in out and count >= COMMON_FIRST_NAME:
                common.add(m.group(1))
    return out, frozenset(common)


def _first_name_genders() -> dict[str, str]:
    return _first_name_data()[0]


def common_first_name(first: str) -> bool:
    """Whether a word is a first name the reference data counts often ("Bill", "Melinda"; not
    "Obama", which it holds 30 times)."""
    return without_accents(first).lower().rstrip(".") in _first_name_data()[1]


def _first_names(words: Sequence[str]) -> bool:
    """Whether the words before a name are a first name and perhaps more: the first a first
    name the reference data knows the gender of, no role, and none of them a function word
    ("Even Donald Trump", "Victoria at Sandy Hook")."""
    return (
        bool(words)
        and words[0] not in ROLE_WORDS
        and first_name_gender(words[0]) is not None
        and not any(w in STOP_WORDS for w in words)
    )


def first_name_gender(first: str) -> str | None:
    """"m" or "f" for a first name the reference data is certain of ("Hillary": "f"), else
    None (an initial, "Kim", "Pat", a name it does not hold)."""
    return _first_name_genders().get(without_accents(first).lower().rstrip("."))


# Roles that say where someone stands in a race, not an office they hold: a senator is also a
# front-runner ("Senator Elizabeth Warren" ... "Once thought of as a front-runner, Warren").
STANDINGS = _words("front-runner frontrunner runner nominee")


def _offices_held(roles: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each person key's offices, as the head words of the roles written before the name
    ("president" of "former President", "lady" of "first lady"); honorifics and standings
    left out."""
    held: dict[str, set[str]] = defaultdict(set)
    for role, person in roles:
        words = role.split()
        if words and words[-1] in ROLE_WORDS and words[-1] not in HONORIFICS | STANDINGS:
            held[person].add(SAME_OFFICE.get(words[-1], words[-1]))
    return held


# Words for one office: "Congressman Wright" is "Rep. Ron Wright".
SAME_OFFICE = {"congressman": "representative", "congresswoman": "representative"}


def _other_offices(a: set[str], b: set[str]) -> bool:
    """Both names hold offices and none in common: two people ("President Biden" and "first
    lady Jill Biden")."""
    return bool(a and b and not a & b)


# Labels of names that are never a person's, whatever a sentence says of them.
NOT_A_PERSON = frozenset({"GPE", "LOC", "NORP", "EVENT", "FAC", "PRODUCT", "LAW"})


def _said_of_a_person(surface: str) -> re.Pattern[str]:
    """What a sentence writes of a person right after the name ("Trump, who", "Trump said he"),
    or a person's title right before it ("President Trump's campaign")."""
    name = re.escape(surface)
    return re.compile(
        rf"\b{name}(?:,\s+who\b|\s+(?:said|says|told|added)\s+(?:that\s+)?(?:he|she)\b)"
        rf"|\b{_PERSON_TITLE}\s+{name}\b(?!\s+[A-Z])"
    )


# Titles that only a person's name follows
_PERSON_TITLE = (
    r"(?:President|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?"
    r"|Judge|Justice|Gen\.|General|Chancellor|Pope|King|Queen|Prince|Princess)"
)


# Labels that keep a name that speaks from being taken for a person's: a place (a government
# speaking: "Kyiv said"), an event (a storm "threatening" a coast).
NOT_SPEAKING = frozenset({"GPE", "EVENT"})


class NameIndex:
    """Canonical names for the people and organisations of one story."""

    def __init__(self) -> None:
        self._groups = _Groups()
        self._surfaces: dict[str, Counter[str]] = defaultdict(Counter)  # key -> surface counts
        self._kind: dict[str, str] = {}  # key -> "person" | "org" | "role" | "acronym" | "other"
        self._acronym_of: dict[str, str] = {}  # long-form key -> acronym
        self._canonical: dict[str, str] = {}  # group root -> canonical name
        self._members: dict[str, list[str]] = defaultdict(list)
        self._by_canonical: dict[str, str] = {}  # canonical name -> group root
        self._labels: dict[str, Counter[str]] = defaultdict(Counter)  # key -> spaCy labels
        self._holders: dict[str, set[str]] = defaultdict(set)  # role key -> person keys
        self._initialism: set[str] = set()  # acronym keys linked by their initials only
        self._people: set[str] = set()  # group roots holding a person's name
        self._with_the: set[str] = set()  # keys of names written after "the" ("the Fed")
        # key -> article -> where in it the key is written (the mentions that say where)
        self._at: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        # key -> (article, sentence) where a mention that says where is written
        self._sentences: dict[str, set[tuple[str, str]]] = defaultdict(set)
        # description key -> (as written, the body keys it is written before in apposition)
        self._descriptions: dict[str, tuple[str, set[str]]] = {}
        self._nicknames: dict[str, set[str]] = defaultdict(set)  # key -> quoted nicknames
        self._capital_written = False  # a sentence writes "Washington, D.C."
        # a courtesy title and surname -> (the surname's key, the title's gender): "mrs clinton"
        # -> ("clinton", "f"), linked by ``_link_courtesy``
        self._courtesy: dict[str, tuple[str, str]] = {}
        # a first name written alone before "and" and a full name -> its full name ("Bill" of
        # "Bill and Melinda Gates" -> "Bill Gates")
        self._couples: dict[str, str] = {}
        # person key -> U.S. states written after the name ("Senator Marco Rubio of Florida")
        self._states_of: dict[str, set[str]] = defaultdict(set)

    # --- building -----------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        mentions: Iterable[
            tuple[str, str | None, str] | tuple[str, str | None, str, tuple[str, int]]
        ],
    ) -> NameIndex:
        """The index of a story's mentions: (surface, spaCy label or None, sentence), and
        optionally where the surface is written (article, character offset), which lets a
        surname written before a full name in the same article stay apart from it."""
        index = cls()
        roles: list[tuple[str, str]] = []  # (role key, person name key)
        contexts: list[str] = []
        for mention in mentions:
            surface, label, context = mention[0], mention[1], mention[2]
            if not surface or not clean(surface):
                continue
            verb = _REPORTING.match(clean(surface))
            where = mention[3] if len(mention) > 3 else None  # type: ignore[misc]
            if verb and label in (None, "PERSON") and context.lstrip(" \"“'‘").startswith(surface):
                # 'Said Ada Moss, "..."': the name is what follows the verb
                k = index._see(surface, label, roles, where, context)
                index._kind[k] = "titled"
                index._groups.union(index._see(clean(surface)[verb.end() :], label, roles), k)
            else:
                index._see(surface, label, roles, where, context)
            if context:
                contexts.append(context)
        index._lone_organisations(roles)
        index._promote_people()
        for context in dict.fromkeys(contexts):
            index._read_context(context, roles)
        index._link_names(roles)
        index._link_roles(roles)
        index._link_orgs()
        index._link_descriptions()
        index._link_written_bodies()
        index._choose_canonical()
        return index

    def _lone_organisations(self, roles: Sequence[tuple[str, str]]) -> None:
        """A one-word name tagged an organisation ``ORG_TAGGED_ALONE`` times or more and more
        often than a person, which no full name of the story ends with and no title is written
        before, is an organisation ("Politico" tagged a person once, an organisation twice),
        not the person one tag made it; on a tie it stays a person ("Trump’s attorney general"
        tagged an organisation twice, "President Trump" a person twice)."""
        titled = {person for _, person in roles}
        surnames = {
            name_words(k)[-1]
            for k, kind in self._kind.items()
            if kind == "person" and len(name_words(k)) >= 2
        }
        for k, kind in list(self._kind.items()):
            labels = self._labels[k]
            if (
                kind == "person"
                and " " not in k
                and labels["ORG"] >= ORG_TAGGED_ALONE
                and labels["ORG"] > labels["PERSON"]
                and k not in surnames
                and k not in titled
            ):
                self._kind[k] = "org"

    def _introduced_after(self, surname: str, fulls: Sequence[str]) -> bool:
        """Whether an article writes the surname alone ``SURNAME_BEFORE`` times or more before
        it first writes any of the full names. News names a person in full at first mention,
        so there the surname is someone else ("Mr. Obama" ten times, then "the first lady,
        Michelle Obama"); a standfirst or an abstract may use the surname once or twice first."""
        named: dict[str, int] = {}
        for full in fulls:
            for article, places in self._at.get(full, {}).items():
                named[article] = min(places + [named[article]] if article in named else places)
        return any(
            article in named and sum(at < named[article] for at in places) >= SURNAME_BEFORE
            for article, places in self._at.get(surname, {}).items()
        )

    def _of_one_family(self, surname: str, fulls: list[str]) -> list[str]:
        """Of one name written with and without generational suffixes ("Donald Trump",
        "Donald Trump Jr."), the one a surname alone means: the one without a suffix, as
        news writes "Trump Jr." for the son; else the one the article introduced first
        ("Brent Bozell III" before "his father, Brent Bozell, Jr."). Other names: all."""
        if len({tuple(name_words(f)) for f in fulls}) != 1:
            return fulls
        plain = [f for f in fulls if not suffix_of(f)]
        if plain:
            return plain
        for article in self._at.get(surname, {}):
            written = [(min(self._at[f][article]), f) for f in fulls if self._at[f].get(article)]
            if written:
                return [min(written)[1]]
        return fulls

    def _hyphened_alone(self, k: str) -> bool:
        """Whether a key is only ever written as one hyphened word ("Mark-Viverito"): a
        surname alone, though its key has two words."""
        return all(" " not in s and "-" in s for s in self._surfaces[k])

    def _beside(self, a: str, b: str) -> bool:
        """Whether one sentence writes both keys, each as a name of its own."""
        return bool(self._sentences.get(a, set()) & self._sentences.get(b, set()))

    def _in_one_article(self, a: str, b: str) -> bool:
        """Whether one article writes both keys."""
        return bool(self._at.get(a, {}).keys() & self._at.get(b, {}).keys())

    def _see(
        self,
        surface: str,
        label: str | None,
        roles: list[tuple[str, str]],
        where: tuple[str, int] | None = None,
        context: str = "",
    ) -> str:
        """The key of a mention's name, recorded with its kind (and ``where`` it is written, in
        which sentence ``context``, under the person's own key too for a titled name: "Mr.
        Obama" is "obama" there)."""
        name = clean(surface)
        k = key_of(name)
        if surface.lstrip(" \"“'‘").lower().startswith("the "):
            self._with_the.add(k)
        if where is not None:
            self._at[k][where[0]].append(where[1])
            if context:
                self._sentences[k].add((where[0], context))
        self._groups.add(k)
        self._surfaces[k][name] += 1
        self._labels[k][label or ""] += 1
        nickname = nickname_of(name)
        if nickname:
            self._nicknames[k].add(key_of(nickname))
        if is_acronym(name):
            self._kind.setdefault(k, "acronym")
            return k
        title, person = split_title(name)
        if title and (label in (None, "PERSON")) and len(person.split()) >= 1:
            pk = key_of(person)
            if where is not None and pk != k:
                self._at[pk][where[0]].append(where[1])
                if context:
                    self._sentences[pk].add((where[0], context))
            self._groups.add(pk)
            self._surfaces[pk][person] += 1
            self._kind[pk] = "person"
            courtesy = COURTESY_GENDERS.get(title.lower().rstrip("."))
            if courtesy and len(person.split()) == 1:
                self._courtesy[k] = (pk, courtesy)
            else:
                self._groups.union(pk, k)
            self._kind[k] = "titled"
            roles.append((role_key(title), pk))
            return k
        if label == "PERSON" and k.split()[-1] not in COMPANY_WORDS and not an_entourage(k):
            self._kind[k] = "person"
        elif label == "PERSON":
            self._kind.setdefault(k, "org")  # "Purdue Pharma" (PERSON)
        elif (
            (is_role(name) or a_member_for(name))
            and label in (None, "PERSON", "ORG", "NORP")
            and not _a_company_ag(name, label)
        ):
            self._kind.setdefault(k, "role")
        elif label in ("ORG", "GPE", "NORP", "FAC"):
            self._kind.setdefault(k, "org")
        else:
            self._kind.setdefault(k, "other")
        return k

    def _an_organisation(self, k: str) -> bool:
        """Whether the name of key ``k`` is tagged an organisation ``ORG_TAGGED`` times or more,
        and never a person."""
        labels = self._labels.get(k)
        return labels is not None and labels["ORG"] >= ORG_TAGGED and "PERSON" not in labels

    def _promote_people(self) -> None:
        """A name that speaks (a quote speaker or claimant, given without a label) and reads
        like a person's ("Ruben Brekelmans") is a person, whatever the entity tagger said of
        it elsewhere; one ever tagged as a place or an event ("Tropical Storm Harvey is
        threatening ..."), or ever written after "the" ("the Federal Reserve announced"), is
        not."""
        for k, kind in list(self._kind.items()):
            labels = self._labels[k]
            if kind not in ("org", "other") or "" not in labels or labels.keys() & NOT_SPEAKING:
                continue
            if k in self._with_the:
                continue
            if self._an_organisation(k):
                continue  # "Exxon Mobil" said ..., tagged an organisation time and again
            if any(self._an_organisation(key_of(f.split()[-1])) for f in self._surfaces[k]):
                continue  # "Drugmaker Merck" said ..., where "Merck" alone is the company
            if any(looks_personal(surface) for surface in self._surfaces[k]):
                self._kind[k] = "person"
        # a surname the model tagged an organisation, that a sentence says is someone ("Trump,
        # who ...", "Trump said he ..."): a body is a "which", and says what "it" will do
        for k, kind in list(self._kind.items()):
            labels = self._labels[k]
            if kind not in ("org", "other") or " " in k or k in self._with_the:
                continue
            if labels.keys() & NOT_A_PERSON:
                continue
            patterns = [_said_of_a_person(surface) for surface in self._surfaces[k]]
            if any(p.search(context) for p in patterns for _, context in self._sentences[k]):
                self._kind[k] = "person"
        # "Harbour TV Ada Moss", "Fox News Ada Moss": a body the story names or whose name ends
        # with an organisation's word, then a person's name
        bodies = {k for k in self._kind if self._tagged_body(k)}
        # surnames seen alone as a person or a speaker ("Moss said")
        alone = {
            k for k in self._kind if " " not in k and self._labels[k].keys() & {"PERSON", ""}
        }
        for k, kind in list(self._kind.items()):
            if kind not in ("org", "other"):
                continue
            for surface in list(self._surfaces[k]):
                words = surface.split()
                for size in (2, 3):
                    body, person = words[:-size], " ".join(words[-size:])
                    if not body or not looks_personal(person) or key_of(person).split()[-1] not in alone:
                        continue
                    bk = key_of(" ".join(body))
                    if bk in bodies or (
                        len(body) >= 2
                        and bk.split()[-1] in ORG_WORDS
                        and all(w[:1].isupper() for w in body)
                    ):
                        self._groups.add(bk)
                        self._surfaces[bk][" ".join(body)] += 1
                        self._labels[bk]["ORG"] += 1
                        self._kind.setdefault(bk, "org")
                        pk = key_of(person)
                        self._groups.add(pk)
                        self._surfaces[pk][person] += 1
                        self._kind[pk] = "person"
                        self._kind[k] = "titled"
                        self._groups.union(pk, k)
                        break
        # "Tarn Rovik" tagged ORG, where "Rovik" alone is tagged a person: the surname makes the
        # full name a person's
        # (or speaks alone: "added Moss")
        surnames = {
            k
            for k, kind in self._kind.items()
            if " " not in k
            and (kind == "person" or "" in self._labels[k])
            and not self._an_organisation(k)  # "Merck said", tagged an organisation elsewhere
        }
        for k, kind in list(self._kind.items()):
            labels = self._labels[k]
            if kind != "org" or labels.keys() - {"ORG", ""}:
                continue
            words = name_words(k)
            if len(words) >= 2 and words[-1] in surnames and any(
                looks_personal(surface) for surface in self._surfaces[k]
            ):
                self._kind[k] = "person"
            elif self._hyphened_alone(k) and any(
                len(name_words(p)) > len(words) and name_words(p)[-len(words) :] == words
                for p, other in self._kind.items()
                if other == "person"
            ):
                # "Ocasio-Cortez" tagged an organisation, in a story that names "Alexandria
                # Ocasio-Cortez": the hyphened surname alone is hers
                self._kind[k] = "person"

    def _read_context(self, context: str, roles: list[tuple[str, str]]) -> None:
        """Acronym definitions and appositions in one sentence."""
        text = context.replace("’", "'")
        for m in list(_PAREN.finditer(text)) + list(_OR_ACRONYM.finditer(text)):
            acronym = m.group(1)
            long_form = _spelled_part(_long_form_before(text, m.start()), acronym)
            if not long_form or is_acronym(long_form) or len(long_form) <= len(acronym):
                continue
            if m.re is _PAREN and self._is_dateline(text, m.start(), m.end()):
                continue
            if a_state_after(acronym, long_form):
                continue  # "Rep. Steve Cohen (TN)": the state a member sits for
            lk, ak = self._see(long_form, "ORG", roles), key_of(acronym)
            self._groups.add(ak)
            self._surfaces[ak][acronym] += 1
            self._kind[ak] = "acronym"
            self._kind[lk] = "org"
            self._acronym_of[lk] = acronym
            self._groups.union(ak, lk)
        self._read_body_appositions(text)
        self._read_couples(text, roles)
        self._capital_written = self._capital_written or bool(_CAPITAL.search(text))
        # "Ada Moss, the city's mayor," and "the city's mayor, Ada Moss,"
        people = [k for k, kind in self._kind.items() if kind == "person"]
        for pk in people:
            for surface in self._surfaces[pk]:
                if surface not in text:
                    continue
                self._read_member_for(text, surface, pk, roles)
                after, owned, before, owner_before = (
                    p.search(text) for p in _apposition_patterns(surface)
                )
                after_role = after.group(1) if after else None
                if after_role and len(after_role) > 60:
                    # "the former governor and agency administrator": the first of the roles
                    after_role = after_role.split(" and ")[0]
                    after_role = after_role if len(after_role) <= 60 else None
                found_roles = [r for r in (after_role, owned and owned.group(1)) if r]
                if owner_before and not re.search(
                    r"\b(?:[Tt]he|[Aa]n?)\s|'s\s", owner_before.group(1).split(None, 1)[1]
                ):
                    found_roles.append(owner_before.group(1))
                for title in _titles_before(text, surface):
                    # "Gov. Ada Moss": the title as written teaches the role
                    roles.append((role_key(title), pk))
                if before:
                    found_roles.append(_nearest_role(before.group(1)))
                for role in found_roles:
                    if role and is_role(role):
                        rk = key_of(role)
                        self._groups.add(rk)
                        self._surfaces[rk][clean(role)] += 1
                        self._kind.setdefault(rk, "role")
                        roles.append((role_key(role), pk))

    def _read_member_for(
        self, text: str, surface: str, pk: str, roles: list[tuple[str, str]]
    ) -> None:
        """A person's party and state, as a sentence writes them beside the name ("Sen. Rand
        Paul (R-Ky.)", "Paul, R-Ky.,", "Kentucky Republican Rand Paul", "Paul, a Kentucky
        Republican,"): a role, so that "the Kentucky Republican" is the one person of the story
        it fits; and a state written after the name ("Senator Marco Rubio of Florida")."""
        name = re.escape(surface)
        tagged = rf"\b{name}\b,?\s*\(?({_PARTY_LETTER})[-–]\s?({_STATE})"
        for m in re.finditer(tagged, text):
            code = m.group(2).rstrip(",)")
            state = _state_names().get(code) or _state_codes().get(code)
            if state:
                roles.append((role_key(f"{state} {_PARTY_OF[m.group(1)]}"), pk))
        before = rf"({_STATE_NAME}) ({_MEMBER}) {name}\b"
        after = rf"{name}, an? ({_STATE_NAME}) ({_MEMBER})\b"
        for m in re.finditer(rf"\b(?:{before}|{after})", text):
            state, party = (m.group(1), m.group(2)) if m.group(1) else m.group(3, 4)
            if state.lower() in _states_lower():
                roles.append((role_key(f"{state} {party}"), pk))
        for m in re.finditer(rf"\b{name} of ({_STATE_NAME})\b", text):
            if m.group(1).lower() in _states_lower():
                self._states_of[pk].add(m.group(1).lower())

    def _read_couples(self, text: str, roles: list[tuple[str, str]]) -> None:
        """ "Bill and Melinda Gates": a man's or a woman's first name written alone before
        "and" and the full name of someone of the other gender shares that person's surname, so
        "Bill" is "Bill Gates" (or "Bill Clinton" beside "Bill and Hillary Clinton"). Not a
        surname of the story's people or one written after a title, though the first-name data
        knows it ("Sanders and Nancy Pelosi": Sanders is Bernie Sanders)."""
        for m in _COUPLE.finditer(text):
            first, other, surname = m.groups()
            fk, sk = key_of(first), key_of(surname)
            genders = {first_name_gender(first), first_name_gender(other)}
            if (
                self._kind.get(fk) != "person"
                or self._kind.get(key_of(f"{other} {surname}")) != "person"
                or genders != {"m", "f"}
                or not common_first_name(first)
                or any(person == fk for _, person in roles)
                or any(
                    kind == "person"
                    and len(words := name_words(k)) >= 2
                    # a surname of the story's people, or the first name of one of another
                    # surname ("Hillary and Tim Kaine" beside "Hillary Clinton")
                    and (words[-1] == fk or (words[0] == fk and words[-1] != sk))
                    for k, kind in self._kind.items()
                )
            ):
                continue
            full = f"{first} {surname}"
            if self._kind.get(key_of(full)) == "person":
                self._groups.union(fk, key_of(full))  # the full name the story writes
            else:
                # the name it stands for, shown as the first name's, but no full name written:
                # "Clinton" alone stays Hillary Clinton's beside "Bill and Hillary Clinton"
                self._couples[fk] = full

    def _read_body_appositions(self, text: str) -> None:
        """Descriptions written before a body's name in apposition: "her former record label,
        Norvik Records)", "Tarn's parent company, The Brenn Company,", "The company that runs
        the awards, Vik Productions,"."""
        for k in list(self._kind):
            if not self._tagged_body(k):
                continue
            for surface in self._surfaces[k]:
                if surface not in text:
                    continue
                pattern = (
                    rf"([^,.;:()\n]{{3,90}}),\s+(?:[Tt]he\s+)?{re.escape(surface)}\s*([,)])"
                    r"([^,.;:()\n]*)"
                )
                for m in re.finditer(pattern, text):
                    if m.group(2) == "," and re.search(r"(?:^|\s)(?:and|or)\s", m.group(3)):
                        continue  # a list: "X's positions on trade, Social Security, the ..."
                    description = _apposed_description(m.group(1))
                    if description:
                        dk = key_of(description)
                        self._descriptions.setdefault(dk, (description, set()))[1].add(k)

    def _link_descriptions(self) -> None:
        """A description written before one body only (in apposition) names that body."""
        for dk, (written, bodies) in self._descriptions.items():
            roots = {self._groups.find(b) for b in bodies}
            if len(roots) != 1 or dk in self._kind:
                continue
            self._groups.add(dk)
            self._surfaces[dk][written] += 1
            self._kind[dk] = "described"
            self._groups.union(roots.pop(), dk)

    def _is_dateline(self, text: str, start: int, end: int) -> bool:
        return dateline_credit(
            text, start, end, lambda place: "GPE" in self._labels.get(key_of(place), ())
        )

    def _link_names(self, roles: Sequence[tuple[str, str]] = ()) -> None:
        """Surnames and spelling variants of person names."""
        people = [k for k, kind in self._kind.items() if kind == "person" and name_words(k)]
        held = _offices_held(roles)
        # "Mark-Viverito" and "De Blasio" alone are surnames, though their keys have two words
        surnames_alone = {
            k
            for k in people
            if k.split()[0] in SURNAME_PARTICLES
            or self._hyphened_alone(k)
        }
        full = [k for k in people if len(name_words(k)) >= 2 and k not in surnames_alone]
        shortened: dict[str, set[str]] = defaultdict(set)  # "pat carlineo" -> longer first names
        for i, a in enumerate(full):
            for b in full[i + 1 :]:
                wa, wb = name_words(a), name_words(b)
                if suffix_of(a) != suffix_of(b) and (
                    (suffix_of(a) and suffix_of(b))
                    or (self._in_one_article(a, b) and not _nicknamed(wa[0], wb[0]))
                ):
                    # "Ada Moss Jr." and "Ada Moss Sr." are two people, and so are "Donald
                    # Trump" and "Donald Trump Jr." when one article names both: a report
                    # names its person in full once, suffix and all, and by surname after;
                    # not "Joe Biden" beside "Joseph R. Biden Jr.": a son is named as his father
                    continue
                if suffix_of(a) != suffix_of(b) and self._beside(
                    wa[-1], a if suffix_of(a) else b
                ):
                    # "Trump and his allies ..., including Trump's son, Donald Trump Jr.": an
                    # article that writes the surname alone beside the suffixed name tells the
                    # two apart, and "Donald Trump" of another article is the father
                    continue
                if fuzz.ratio(wa[-1], wb[-1]) < 88:
                    continue
                fa, fb = _first_name(wa), _first_name(wb)
                if fuzz.ratio(fa, fb) >= 80 or fa in self._nicknames[b] or fb in self._nicknames[a]:
                    # "Lewis Libby", "I. Lewis Libby" and, by his nickname, "Scooter Libby"
                    self._groups.union(a, b)
                elif _short_form(wa[0], wb[0]) or _initial_of(wa, wb) or _initial_of(wb, wa):
                    short, long = (a, b) if len(wa[0]) < len(wb[0]) else (b, a)
                    shortened[short].add(name_words(long)[0])
                elif usual_nickname(wa[0], wb[0]):
                    # "Joe Biden" and "Joseph R. Biden", "Chuck Schumer" and "Charles E. Schumer"
                    shortened[a].add(name_words(b)[0])
                elif usual_nickname(wb[0], wa[0]):
                    shortened[b].add(name_words(a)[0])
        # "Pat Carlineo" is "Patrick W. Carlineo Jr.", "F. McKenzie" "Frank McKenzie" and "Joe
        # Biden" "Joseph R. Biden" when one first name of the story starts so or is so
        # nicknamed ("Sam" beside "Samuel" and "Samantha" is neither)
        for short, longer in shortened.items():
            if len(longer) != 1:
                continue
            first, surname = next(iter(longer)), name_words(short)[-1]
            owners = {
                self._groups.find(f)
                for f in full
                if name_words(f)[0] == first and fuzz.ratio(name_words(f)[-1], surname) >= 88
            }
            if len(owners) == 1:  # not "Patrick Moss Jr." and "Patrick Moss Sr."
                self._groups.union(short, owners.pop())
        # "Ray Roseberry" is "Floyd Ray Roseberry", a person known by his middle name, and
        # "Wasserman Schultz" is "Debbie Wasserman Schultz", when one full name of the story
        # ends so and opens with a first name (not "Billionaire Donald Trump")
        for a in full:
            words = name_words(a)
            owners = {
                self._groups.find(b)
                for b in full
                if len(name_words(b)) > len(words)
                and name_words(b)[-len(words) :] == words
                and _first_names(name_words(b)[: -len(words)])
            }
            if len(owners) == 1 and suffix_of(a) == "":
                self._groups.union(owners.pop(), a)
        for k in surnames_alone:
            words = name_words(k)
            fulls = [f for f in full if name_words(f)[-len(words) :] == words]
            owners = {self._groups.find(f) for f in fulls if len(name_words(f)) > len(words)}
            if len(owners) == 1 and not self._introduced_after(k, fulls):
                self._groups.union(owners.pop(), k)
        for k in people:
            if len(name_words(k)) == 1:
                surname = name_words(k)[0]
                fulls = [f for f in full if name_words(f)[-1] == surname]
                if suffix_of(k):  # "Trump Jr." is the one "Donald Trump Jr."
                    fulls = [f for f in fulls if suffix_of(f) == suffix_of(k)]
                if not fulls:
                    fulls = [
                        f
                        for f in full
                        if fuzz.ratio(name_words(f)[-1], surname) >= 88 and len(surname) >= 4
                    ]
                if not suffix_of(k):
                    # "after Trump and Donald Trump Jr. mocked the story": the surname alone,
                    # written beside the son's full name in one sentence, is someone else
                    fulls = [f for f in fulls if not (suffix_of(f) and self._beside(k, f))]
                owners = {self._groups.find(f) for f in fulls}
                if len(owners) > 1:
                    owners = {self._groups.find(f) for f in self._of_one_family(k, fulls)}
                if len(owners) > 1 and held[k]:
                    # "President Trump" is the one of "President Donald Trump" and "first lady
                    # Melania Trump" who holds that office
                    fulls = [f for f in fulls if held[k] & held[f]]
                    owners = {self._groups.find(f) for f in fulls}
                if any(_other_offices(held[k], held[f]) for f in fulls):
                    # "President Biden" is not the "first lady Jill Biden" of the same story
                    continue
                if len(owners) == 1 and not self._introduced_after(k, fulls):
                    self._groups.union(owners.pop(), k)
        self._link_courtesy(full)
        # a first name alone ("Ada") is the one person of the story who has it, when it is no
        # one's surname; also when the tagger took it for a place or a body ("Trayvon" as GPE),
        # unless a gazetteer knows such a place ("Jordan", "Chelsea")
        from storyfuse.extract.nlp import place_names

        surnames = {name_words(f)[-1] for f in full}
        by_first: dict[str, list[str]] = defaultdict(list)
        for f in full:
            written = self._surfaces[f]
            if (
                len(name_words(f)) <= 3
                and any(looks_personal(surface) for surface in written)
                and not any(w.isupper() for surface in written for w in surface.split())
            ):
                by_first[name_words(f)[0]].append(f)
        for k, kind in list(self._kind.items()):
            if k not in by_first or k in surnames or kind not in ("person", "other", "org"):
                continue
            if self._labels[k].keys() - {"PERSON", ""} and any(
                surface in place_names() or surface.isupper() for surface in self._surfaces[k]
            ):
                continue
            owners = {self._groups.find(f) for f in by_first[k]}
            if len(owners) == 1 and self._groups.find(k) not in owners:
                self._groups.union(owners.pop(), k)
        # "Republican Ada Moss" is Ada Moss
        for k in people:
            described = self._described(k)
            if described is not None:
                self._groups.union(described, k)
        # a one-word name the tagger took for something else ("Brekelmans" as NORP) that is
        # the surname of exactly one person in the story; one tagged as a place only when it
        # also speaks (a quote's speaker or a claimant: "Kasich said") or no gazetteer knows
        # such a place
        for k, kind in list(self._kind.items()):
            labels = self._labels[k]
            if kind not in ("other", "org") or len(k.split()) != 1:
                continue
            if (
                "GPE" in labels
                and "" not in labels
                and any(surface in place_names() for surface in self._surfaces[k])
            ):
                continue
            owners = {self._groups.find(f) for f in full if name_words(f)[-1] == k}
            if len(owners) == 1:
                self._groups.union(owners.pop(), k)

    def _link_courtesy(self, full: Sequence[str]) -> None:
        """A surname after a courtesy title ("Mr. Clinton", "Mrs. Clinton") is the person the
        surname alone is, when that person's first name does not give the other gender. Else,
        among the people the story names in full with that surname, it is the one whose first
        name does not ("Mrs. Clinton" is Hillary Clinton beside Bill Clinton, though the surname
        alone is his as the story's "President Clinton"); when that is no one ("Mrs. Moss"
        beside Ben Moss alone) or several, it is the surname alone if that is no one named in
        full, else the title and surname stay a name of their own."""
        for k, (surname, gender) in self._courtesy.items():
            genders: dict[str, set[str | None]] = defaultdict(set)  # owner -> first names' genders
            fulls: dict[str, list[str]] = defaultdict(list)
            for f in full:
                if name_words(f)[-1] == surname and len(name_words(f)) >= 2:
                    genders[self._groups.find(f)].add(first_name_gender(name_words(f)[0]))
                    fulls[self._groups.find(f)].append(f)
            other = "f" if gender == "m" else "m"
            fits = [owner for owner, given in genders.items() if other not in given]
            alone = self._groups.find(surname)
            if not genders or alone in fits:
                self._groups.union(alone, k)
            elif len(fits) == 1 and not self._introduced_after(surname, fulls[fits[0]]):
                # not the son "Humayun Khan", named in full after "Mr. Khan" six times
                self._groups.union(fits[0], k)
            elif alone not in genders:  # the surname alone is no one the story names in full
                self._groups.union(alone, k)

    def _link_roles(self, roles: list[tuple[str, str]]) -> None:
        """A role held by exactly one person in the story names that person."""
        for rk, pk in roles + _members_for(roles, self._states_of):
            self._holders[rk].add(pk)
        for k, kind in list(self._kind.items()):
            if kind != "role":
                continue
            holder = self._holder_of(k)
            if holder is not None:
                self._groups.union(holder, k)

    def _holder_of(self, key: str) -> str | None:
        """The one person in the story who holds a role (exactly or nearly as written)."""
        key = role_key(key)
        matches: set[str] = set()
        for rk, people in self._holders.items():
            if rk == key or fuzz.ratio(rk, key) >= 90:
                matches |= {self._groups.find(p) for p in people}
        if not matches and not a_member_for(key):
            # (a party's member for a state is the one whose party and state the story writes)
            # "the senator" for the one person held to be "Vermont senator", and "the Vermont
            # senator" for the one held to be a senator: the same head, one more specific by a
            # place or a party ("the NY1 representative" is not "Rep. X"); a former governor is
            # not "the governor"
            words = set(key.split())
            for rk, people in self._holders.items():
                held = set(rk.split())
                extra = words - held  # what the role seen alone adds: a place, a party
                if (
                    rk.split()[-1:] == key.split()[-1:]
                    and (words <= held or (held <= words and _place_or_party(key, held)))
                    and not extra & NAME_JOINING
                    and not (words ^ held) & _PAST_HOLDERS
                ):
                    matches |= {self._groups.find(p) for p in people}
        return matches.pop() if len(matches) == 1 else None

    def _link_orgs(self) -> None:
        """Acronym transliterations, acronyms of the initials of one long form, and long-form
        variants."""
        acronyms = [k for k, kind in self._kind.items() if kind == "acronym"]
        states = _state_codes()
        for i, a in enumerate(acronyms):
            for b in acronyms[i + 1 :]:
                if _transliterated(a.upper(), b.upper()) and not (
                    a.upper() in states and b.upper() in states  # "N.Y." and "N.J.", two states
                ):
                    self._groups.union(a, b)
        # "U.S." and "United States", "EU" and "European Union": an acronym that no sentence
        # defines is the long form whose capitalised words it spells, when exactly one place or
        # body of the story does (two candidates leave it as written).
        spelled: dict[str, set[str]] = defaultdict(set)
        for k, kind in self._kind.items():
            if kind == "org" and self._labels[k].keys() & {"ORG", "GPE", "FAC"}:
                for surface in self._surfaces[k]:
                    for letters in (initials(surface), initials(_without_last_part(surface))):
                        if letters:
                            spelled[letters].add(k)
        defined = {key_of(acronym) for acronym in self._acronym_of.values()}
        for a in acronyms:
            if a in defined:
                continue
            owners = spelled.get(a.upper().replace(" ", ""), set())
            roots = {self._groups.find(k) for k in owners}
            if len(roots) == 1 and self._groups.find(a) not in roots:
                self._groups.union(roots.pop(), a)
                self._initialism.add(a)
        orgs = [k for k, kind in self._kind.items() if kind == "org" and len(k) >= 6]
        for i, a in enumerate(orgs):
            for b in orgs[i + 1 :]:
                if self._same_org(a, b):
                    self._groups.union(a, b)
        # "Main Directorate of Intelligence" is "Ukraine's Main Directorate of Intelligence"
        # (and "School of Law" "Tarnby University School of Law")
        # when the story has that one owner for it; with "Russian" and "Ukrainian" versions of
        # a name, the bare name stays apart
        owned: dict[str, set[str]] = defaultdict(set)
        # a speaker or claimant with a possessive owner ("the state's Department of Social
        # Services") owns the name too; the spaCy entity is only the name
        possessed = [
            k
            for k, kind in self._kind.items()
            if kind == "other" and any(_POSSESSIVE.search(f) for f in self._surfaces[k])
        ]
        for k in [*orgs, *possessed]:
            words = k.split()
            # an owner of one to three words before a name of three words or more
            for cut in range(1, min(3, len(words) - 3) + 1):
                owned[" ".join(words[cut:])].add(k)
        for k in orgs:
            owners = {self._groups.find(o) for o in owned.get(k, ())}
            if len(owners) == 1:
                self._groups.union(owners.pop(), k)
        self._link_short_orgs()
        self._link_generic_heads()
        self._link_outlets()
        self._link_state_abbreviations()

    def _link_outlets(self) -> None:
        """ "Norvik" is "Norvik News" when that is the one name of the story that extends it,
        and "Norvik" is neither a place the gazetteer knows ("Kyiv" is not "Kyiv News"), nor an
        acronym ("NBC" is a network, "NBC News" its news division), nor a person's name. A
        newspaper's word ("Herald", "Post") is left out: papers are named after places, which
        a gazetteer of cities of 15,000 people or more does not all hold ("Tarnby Herald")."""
        from storyfuse.extract.nlp import place_names

        surnames = {
            name_words(k)[-1]
            for k, kind in self._kind.items()
            if kind == "person" and len(name_words(k)) > 1
        }
        for b in list(self._kind):
            words = b.split()
            if not self._tagged_body(b) or len(words) != 2:
                continue
            short, outlet = words
            if outlet != "news" or self._kind.get(short) not in ("org", "other"):
                continue
            written = self._surfaces[short]
            if (
                short in surnames
                or not all(w[:1].isupper() and not w.isupper() for w in written)
                or any(w in place_names() for w in written)
                or any(k != b and k.split()[0] == short for k in self._kind if " " in k)
            ):
                continue
            self._groups.union(b, short)

    def _link_state_abbreviations(self) -> None:
        """ "Fla." is "Florida" and "Calif." "California": a place written as a U.S. state's AP
        abbreviation is the state, when the story also names the state in full. (Postal codes
        are left: "LA" is as often Los Angeles as Louisiana.)"""
        states = _us_state_abbreviations()
        for k, kind in self._kind.items():
            if kind not in ("org", "acronym") or "GPE" not in self._labels[k]:
                continue
            full = {states[s] for s in self._surfaces[k] if s in states}
            if len(full) == 1 and (state := full.pop()) in self._kind:
                self._groups.union(state, k)
        # "Washington, D.C.", tagged as two places: "D.C." is the city "Washington" names
        capital = key_of("Washington")
        if self._capital_written and "GPE" in self._labels.get(capital, {}):
            for short in ("D.C.", "DC"):
                if "GPE" in self._labels.get(key_of(short), {}):
                    self._groups.union(capital, key_of(short))

    def _link_short_orgs(self) -> None:
        """ "Norvik" is "Norvik Energi" or "The Norvik Group", and "the Times" is "the Vesna
        Times", when exactly one body of the story has a longer name that starts with it (one
        or two more words, none of them naming a part: "Norvik School") or, for a newspaper,
        ends with it."""
        self._link_legal_forms()
        bodies = [
            k
            for k in self._kind
            if self._tagged_body(k) and k not in self._acronym_of
        ]
        people = {self._groups.find(k) for k, kind in self._kind.items() if kind == "person"}
        # the names of the story's companies without their legal forms ("montedison" of
        # "montedison spa")
        legal_cores = set()
        for o in self._kind:
            core = without_legal_forms(o.split())
            if len(core) < len(o.split()):
                legal_cores.add(tuple(core))
        # the groups of people named in full
        named = {
            self._groups.find(k)
            for k, kind in self._kind.items()
            if kind == "person" and len(name_words(k)) > 1
        }
        for k, kind in list(self._kind.items()):
            words = k.split()
            if kind in ("acronym", "role", "titled") or not 1 <= len(words) <= 2:
                continue
            labels = self._labels[k]
            places = sum(n for label, n in labels.items() if label in ("GPE", "LOC", "NORP", "FAC"))
            written = self._surfaces[k]
            if places * 2 >= sum(labels.values()) or not any(s[:1].isupper() for s in written):
                continue  # mostly a place: "Vesna City" is not "Vesna City Harbour Trust"
            if self._groups.find(k) in named:
                continue  # a person's surname, however the tagger labelled it
            if tuple(words) in legal_cores:
                continue  # "Montedison" is "Montedison S.p.A.", not "Montedison Acquisition N.V."
            found = set()
            for b in bodies:
                long = without_legal_forms(b.split())  # "Ada Investment Group Inc." is "Ada"
                extra = long[len(words) :]
                if long[: len(words)] == words and 1 <= len(extra) <= 2:
                    # a newspaper or a body named after a city is not that city: "Kyiv Post"
                    if not any(w in PART_HEADS | PRESS_WORDS for w in extra) and not (
                        self._a_city(k)
                    ):
                        found.add(self._groups.find(b))
                elif len(words) == 1 < len(long) and long[-1] == words[0] in PRESS_WORDS:
                    found.add(self._groups.find(b))
            found -= people
            if len(found) == 1 and self._groups.find(k) not in found:
                self._groups.union(found.pop(), k)
                self._kind[k] = "org"  # "Tarn" tagged a person is the Tarn Group's name

    def _link_generic_heads(self) -> None:
        """ "the Fund" is the International Monetary Fund and "the Bureau" the Federal Bureau of
        Investigation: a body's kind, capitalised and written after "the", is the one body of
        the story whose name that word heads."""
        heads: dict[str, set[str]] = defaultdict(set)
        for b in self._kind:
            words = b.split()
            if len(words) >= 2 and self._tagged_body(b):
                head = words[: words.index("of")] if "of" in words else words
                if head:
                    heads[head[-1]].add(self._groups.find(b))
        for k in list(self._kind):
            if k not in DESCRIBED_BODIES - _OWN_SERVICES or not heads.get(k):
                continue
            written = [f for f in self._surfaces[k] if f[:1].isupper()]
            after_the = any(
                re.search(rf"\b[Tt]he {re.escape(f)}\b", context)
                for _, context in self._sentences[k]
                for f in written
            )
            found = heads[k] - {self._groups.find(k)}
            if after_the and len(found) == 1 and len(heads[k]) == 1:
                self._groups.union(found.pop(), k)
                self._kind[k] = "described"  # never the body's name: "Fund" is no name

    def _link_legal_forms(self) -> None:
        """ "Norton" is "Norton Co." and "Di Giorgio" "Di Giorgio Corp.": a name that is a
        company's name without its legal form is the company, however the tagger labelled it
        (a person, a place), unless it is tagged a place a gazetteer knows ("Texas" beside
        "Texas Co.") or the story gives it a title, a role or a full name ("Charles Schwab, the
        founder of Charles Schwab Corp.")."""
        from storyfuse.extract.nlp import place_names

        companies: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for k, kind in self._kind.items():
            words = k.split()
            core = without_legal_forms(words)
            if kind == "org" and core and len(core) < len(words):
                companies[tuple(core)].add(self._groups.find(k))
        if not companies:
            return
        members = self._groups.members()
        for k, kind in list(self._kind.items()):
            found = companies.get(tuple(k.split()), set())
            if len(found) != 1 or kind in ("acronym", "role", "titled"):
                continue
            group = self._groups.find(k)
            if group in found:
                continue
            if self._labels[k].keys() & {"GPE", "LOC"} and any(
                s in place_names() for s in self._surfaces[k]
            ):
                continue
            if any(o != k and o in self._kind and self._kind[o] != "org" for o in members[group]):
                continue  # "Mr. Schwab", "Charles Schwab, the founder": someone
            self._groups.union(found.pop(), k)
            self._kind[k] = "org"

    def _a_city(self, k: str) -> bool:
        """Whether a name is a large city's ("Kyiv" tagged ORG in "Kyiv said")."""
        from storyfuse.extract.nlp import large_cities

        return any(surface in large_cities() for surface in self._surfaces[k])

    @staticmethod
    def _same_org(a: str, b: str) -> bool:
        if fuzz.ratio(a, b) >= 90:
            return True
        wa, wb = a.split(), b.split()
        # a country's name before the body's own name: "U.S. Supreme Court", "Supreme Court"
        if _without_country(wa) == wb or _without_country(wb) == wa:
            return True
        # the same words in another order: "House Committee on Oversight and Reform" and
        # "House Oversight and Reform Committee", "Department of Homeland Security" and
        # "Homeland Security Department"; of two words, one a body's head ("Labor Department",
        # "Department of Labor")
        # ("US Department of Labor" too: a country's name before a body of its government)
        content_a = sorted(w for w in _without_country(wa) if w not in NAME_JOINING)
        if content_a == sorted(w for w in _without_country(wb) if w not in NAME_JOINING) and (
            len(content_a) >= 3 or (len(content_a) == 2 and set(content_a) & ORG_HEADS)
        ):
            return True
        short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        extra = long[len(short) :]
        if len(wa) == len(wb) >= 2 and wa[:-1] == wb[:-1]:
            return wa[-1] in PLACE_HEADS and wb[-1] in PLACE_HEADS  # "X region", "X Oblast"
        return (
            len(short) >= 2
            and long[: len(short)] == short
            and len(extra) == 1
            and extra[0] in ORG_HEADS
        )

    def _choose_canonical(self) -> None:
        for root, keys in self._groups.members().items():
            if any(self._kind.get(k) == "person" for k in keys):
                self._people.add(root)
            self._canonical[root] = self._spelled_out_state(keys) or self._best_name(keys)
            alone = [k for k in keys if self._kind.get(k) == "person"]
            if len(alone) == 1 and alone[0] in self._couples:
                self._canonical[root] = self._couples[alone[0]]
            self._by_canonical.setdefault(self._canonical[root], root)
            for k in keys:
                self._members[root].extend(self._surfaces[k])

    def _spelled_out_state(self, keys: list[str]) -> str | None:
        """A place written only as a U.S. state's AP abbreviation, or as it and the state's
        name, is shown as the state: "Ky." of "Mitch McConnell, R-Ky." is Kentucky, and so is
        "Calif." beside "California"."""
        states = _state_names()
        full = set(states.values())
        names = {
            states.get(surface) or (surface if surface in full else None)
            for k in keys
            if "GPE" in self._labels[k]
            for surface in self._surfaces[k]
        }
        return names.pop() if len(names) == 1 and None not in names else None

    def _best_name(self, keys: list[str]) -> str:
        def count(k: str) -> int:
            return sum(self._surfaces[k].values())

        def surface(k: str) -> str:
            return written_form(self._surfaces[k]) if self._surfaces[k] else k

        people = [k for k in keys if self._kind.get(k) == "person"]
        if people:
            best = max(people, key=lambda k: (len(k.split()), count(k), len(k)))
            return surface(best)
        # an acronym no sentence defines ("U.S.") leaves the long form its name
        acronyms = [k for k in keys if self._kind.get(k) == "acronym" and k not in self._initialism]
        longs = [k for k in keys if self._kind.get(k) == "org"]
        if acronyms:
            acronym = surface(max(acronyms, key=count))
            if longs:
                # a proper name before a description: "Ukrainian Defense Intelligence
                # Directorate (HUR)", not "Ukraine's military intelligence (HUR)"
                long = surface(
                    max(longs, key=lambda k: (_proper(surface(k)), count(k), -len(k)))
                )
                return f"{long} ({acronym})"
            return acronym
        names = [
            k
            for k in keys
            if self._kind.get(k) not in ("role", "described") and k not in self._initialism
        ] or keys
        # a place or body rather than its adjective: "North Korea", not "North Korean"
        proper = [
            k
            for k in names
            if not self._labels[k] or self._labels[k].most_common(1)[0][0] != "NORP"
        ]
        return self._without_personal_owner(
            surface(max(proper or names, key=lambda k: (count(k), len(k))))
        )

    def _without_personal_owner(self, name: str) -> str:
        """A body's name without a person's possessive written before it: "Braun's Ithaca
        Holdings" is shown "Ithaca Holdings" when Braun is one of the story's people (not
        "Ukraine's military intelligence", nor "McDonald's" with no McDonald)."""
        owner, sep, rest = name.replace("’", "'").partition("'s ")
        if not sep or len(rest.split()) < 2 or not _proper(rest) or not _proper(owner):
            return name
        people = [k for k, kind in self._kind.items() if kind == "person"]
        root = self._lookup(owner)
        known = root is not None and root in {self._groups.find(k) for k in people}
        # or the surname of one person of the story: "Braun" of "Scooter Braun"
        surname = key_of(owner)
        owners = {self._groups.find(k) for k in people if name_words(k)[-1:] == [surname]}
        return rest if known or len(owners) == 1 else name

    # --- lookups --------------------------------------------------------------------------

    def _lookup(self, name: str) -> str | None:
        # a name that is a group's own key is that group's, though another group is shown by
        # the same words ("Justice Department" for "the Biden's Justice Department")
        k = key_of(name)
        if k in self._groups.parent:
            return self._groups.find(k)
        if name in self._by_canonical:
            return self._by_canonical[name]
        title, person = split_title(name)
        if title and key_of(person) in self._groups.parent:
            return self._groups.find(key_of(person))
        if len(k) >= 6:
            near = process.extractOne(
                k, list(self._groups.parent), scorer=fuzz.ratio, score_cutoff=92
            )
            if near is not None:
                return self._groups.find(near[0])
        described = self._described(k)
        if described is not None:
            return self._groups.find(described)
        body = self._written_body(name)
        if body is not None:
            return self._groups.find(body)
        if is_role(name):
            return self._holder_of(k)
        return None

    def _described(self, k: str) -> str | None:
        """The full name of a person that ``k`` ends with after a descriptor the story uses as a
        group's, a place's or a body's name, or a role word: "republican ada moss", "harbor
        quarterback ada moss". A capitalised word the story does not know may be part of the
        name ("anna ada moss")."""
        words = k.split()
        for i in range(1, len(words) - 1):
            rest = " ".join(words[i:])
            if self._kind.get(rest) != "person" or len(name_words(rest)) < 2:
                continue
            if all(self._descriptor(w) for w in words[:i]):
                return rest
        return None

    def _tagged_body(self, k: str) -> bool:
        """Whether a name is an organisation's that the tagger labelled one at least once."""
        return self._kind.get(k) == "org" and "ORG" in self._labels[k]

    def _written_body(self, name: str, written: bool = False) -> str | None:
        """The body of the story a name is another way of writing (see the rules below). A
        name the story writes itself (``written``) is not taken for a body that adds a place
        or an owner to it: "Democratic Party", written so, is as often the national party as
        the "Alabama Democratic Party" the story also names, and "Coast Guard" another
        country's than "Norland's Coast Guard"."""
        return (
            self._described_body(name)
            or self._owned_body(name)
            or self._website(name)
            or self._abbreviated_body(name)
            or (None if written else self._placed_body(name))
            or self._qualified_body(key_of(name))
            or self._possessed_body(name, written)
        )

    def _link_written_bodies(self) -> None:
        """The same rules for the names the story's mentions write, so that a speaker or a
        claimant written so ("her former label Norvik Records said") joins the body, as the
        name asked of the index does. A name that is a person's or a role's is left."""
        groups: Counter[str] = Counter(self._groups.find(k) for k in self._kind)
        for k, kind in list(self._kind.items()):
            if kind in ("person", "titled", "acronym") or groups[self._groups.find(k)] > 1:
                continue
            for surface in list(self._surfaces[k]):
                body = self._written_body(surface, written=True)
                if body is not None and self._groups.find(body) != self._groups.find(k):
                    self._groups.union(body, k)
                    self._kind[k] = "described"  # the body's own name stays its name
                    break

    def _described_body(self, name: str) -> str | None:
        """The body a name ends with after lower-case words that describe it: "her former label
        Norvik Records", "private equity giant The Tarn Group" are the bodies the story names
        so. The description may not hold a role ("director Norvik Records" is someone) or a
        word that relates the body to something else ("a dispute with Norvik Records")."""
        words = clean(name).split()
        start = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
        before = words[:start]
        if before and before[-1] == "the":
            before = before[:-1]
        if not before or not all(
            re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w)
            and not set(w.split("-")) & (ROLE_WORDS | _RELATING)
            for w in before
        ):
            return None
        k = key_of(" ".join(words[start:]))
        if self._tagged_body(k):
            return k
        return None

    def _owned_body(self, name: str) -> str | None:
        """A body written with its owner's possessive ("Tarnby's School of Shipping") is the
        body the story names so without it when one of that body's names starts with the owner
        ("Tarnby University School of Shipping")."""
        owner, sep, rest = clean(name).partition("'s ")
        if not sep or not _proper(owner) or not rest[:1].isupper():
            return None
        k, ok = key_of(rest), key_of(owner)
        if self._kind.get(k) not in ("org", "acronym") or "ORG" not in self._labels[k]:
            return None
        root = self._groups.find(k)
        if any(
            m.startswith(ok + " ") and self._kind.get(m) == "org"
            for m in self._groups.parent
            if self._groups.find(m) == root
        ):
            return k
        return None

    def _website(self, name: str) -> str | None:
        """A website's address ("norvikrecords.com", "www.norvik-records.org") is the one body
        of the story whose name's words, run together, it spells before its domain ending."""
        found = _WEBSITE.fullmatch(name.strip())
        if found is None:
            return None
        spelled = found[1].replace("-", "")
        bodies = {
            self._groups.find(k)
            for k in self._kind
            if self._tagged_body(k) and "".join(w for w in k.split() if w != "the") == spelled
        }
        return bodies.pop() if len(bodies) == 1 else None

    def _abbreviated_body(self, name: str) -> str | None:
        """A body whose last words are written as their initials ("Tarnby P.D.", "Norvik
        F.C.") is the one body of the story named with the same first words and words with
        those initials ("Tarnby Police Department")."""
        *first, last = clean(name).split() or [""]
        if not first or not re.fullmatch(r"(?:[A-Z]\.){2,}", last):
            return None
        letters = last.replace(".", "")
        bodies = set()
        for k in self._kind:
            if not self._tagged_body(k):
                continue
            for surface in self._surfaces[k]:
                words = surface.split()
                rest = " ".join(words[len(first) :])
                if words[: len(first)] == first and initials(rest) == letters:
                    bodies.add(self._groups.find(k))
        return bodies.pop() if len(bodies) == 1 else None

    def _placed_body(self, name: str) -> str | None:
        """A proper name of two words or more written without the place that starts the name
        the story gives it ("Argus Courier" for "Tarnby Argus Courier") is that name, when one
        name of the story fits; a person's name is not."""
        from storyfuse.extract.nlp import place_names

        words = clean(name).split()
        if len(words) < 2 or not _proper(name) or is_acronym(name):
            return None
        found = set()
        for k, kind in self._kind.items():
            if kind in ("person", "titled") or self._labels[k].keys() & {"PERSON", "GPE"}:
                continue
            for surface in self._surfaces[k]:
                place = surface.split()[: -len(words)]
                if (
                    place
                    and surface.split()[-len(words) :] == words
                    and " ".join(place) in place_names()
                ):
                    found.add(self._groups.find(k))
        found -= {self._groups.find(k) for k, kind in self._kind.items() if kind == "person"}
        return found.pop() if len(found) == 1 else None

    def _qualified_body(self, k: str) -> str | None:
        """A body's name followed by what it serves ("Tarnby Attorney's Office for the Northern
        District") is the body the story names by the first part, when that ends in a body's
        head word ("office", "department") and is no person's. Not with "of", which starts
        other bodies' names ("State Department of Health" is not the State Department)."""
        words = k.split()
        for i in range(2, len(words) - 1):
            if words[i] != "for":
                continue
            head = " ".join(words[:i])
            if words[i - 1] in ORG_HEADS and head in self._kind and not self._people_in(head):
                return head
        return None

    def _possessed_body(self, name: str, as_written: bool = False) -> str | None:
        """The one body the story writes with an owner's possessive ("Vik's Tarn Holdings"),
        asked without the owner ("Tarn Holdings") or as the owner's kind of body ("Ola Vik's
        company", the owner the same person or body however written)."""
        written = clean(name)
        owner, sep, rest = written.partition("'s ")
        kind = rest in DESCRIBED_BODIES  # "company", "firm", "agency"
        if sep and not kind:
            return None
        if not sep and (as_written or len(written.split()) < 2 or not _proper(written)):
            return None
        owners = self._lookup(owner) if kind else None
        if kind and owners is None:
            return None
        found = set()
        for k in self._kind:
            if not self._tagged_body(k):
                continue
            for surface in self._surfaces[k]:
                other, has, body = surface.partition("'s ")
                if not has or not _proper(other) or not _proper(body):
                    continue
                if (kind and self._lookup(other) == owners) or (not kind and body == written):
                    found.add(self._groups.find(k))
        return found.pop() if len(found) == 1 else None

    def _people_in(self, k: str) -> bool:
        root = self._groups.find(k)
        return any(
            self._kind.get(m) in ("person", "titled") and self._groups.find(m) == root
            for m in self._groups.parent
        )

    def _descriptor(self, word: str) -> bool:
        if word in ROLE_WORDS or word in ABBREVIATIONS:
            return True
        labels = self._labels.get(word)
        return (
            labels is not None
            and self._kind.get(word) not in ("person", None)
            and bool(labels.keys() & {"NORP", "GPE", "ORG"})
        )

    def canonical(self, name: str | None) -> str | None:
        """The story's canonical name for ``name``; the cleaned name when it is unknown."""
        if name is None or not clean(name):
            return None
        if _indefinite_role(name):
            return clean(name)  # "a NY1 representative" is someone, not the representative
        root = self._lookup(name)
        if root is None:
            return clean(name)
        return self._canonical.get(root, clean(name))

    def is_person(self, name: str) -> bool:
        """Whether ``name`` is one of the story's people (however the tagger labelled it)."""
        return self._lookup(name) in self._people

    def aliases(self, canonical: str) -> list[str]:
        """Every form of the name seen in the story, most frequent first."""
        root = self._lookup(canonical)
        if root is None:
            return []
        counts: Counter[str] = Counter()
        for k in self._groups.parent:
            if self._groups.find(k) == root:
                counts.update(self._surfaces[k])
        return [name for name, _ in counts.most_common()]
