"""Canonical names for one story: the people, organisations and places, however written.

The story's mentions (entities, quote speakers, claimants) go into
``storyfuse.extract.names.NameIndex``, which decides that "Putin", "Vladimir Putin" and "the
Russian president" are one person. Fuse only asks it: every part that groups by a name (figures by
claimant, quotes by speaker, entities) goes through the same ``Names`` of the story.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from storyfuse.extract.names import (
    DESCRIBED_BODIES,
    LEGAL_FORMS,
    a_state_after,
    dateline_credit,
    initials,
    without_base,
)
from storyfuse.extract.nlp import STORM
from storyfuse.extract.people import CLOSING_GAP
from storyfuse.fuse.units import StoryArticles, Unit, leans_on_context, names_somebody
from storyfuse.model import Analysis

log = logging.getLogger(__name__)

# text, label or None, the sentence it occurs in; for a name as written (an entity), also the
# article and character offset where it is written
Mention = tuple[str, str | None, str] | tuple[str, str | None, str, tuple[str, int]]

# "(HUR)", "(GUR/HUR)" as a brief shows several, ", or GUR"
_ACRONYM = re.compile(
    r"\(([A-Z][A-Za-z]{1,9}(?:/[A-Z][A-Za-z]{1,9})*)\)|,\s+or\s+([A-Z]{2,10})\b"
)
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
# A source phrase that names no one ("No Republicans voted for it", "Neither company would
# comment"): the words it negates are no name of its own.
_NEGATED = re.compile(r"^(?:no|none|neither|nobody)\b", re.IGNORECASE)
# A last word that ends with the dot of an abbreviation: dotted initials or a name's suffix.
_ABBREVIATED = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros)\.)$")
# "<long name> (HUR)" / "<long name>, or GUR": a text defining a short form
_DEFINITION = re.compile(r"([^,;:.()\n]{3,80}?)\s*(?:\(([A-Z]{2,10})\)|,\s+or\s+([A-Z]{2,10})\b)")
# words that end the clause before a name ("said the ...", "according to ..."); "of", "and", "for"
# and "the" occur inside names and do not
_CLAUSE_START = re.compile(
    r"^.*\b(?:said|says|say|told|by|that|to|from|as|with|when|while|at|in|on|meanwhile)\s+",
    re.IGNORECASE,
)
DEFINITION_WORDS = 7
# a time's possessive before what a short form stands for, capitalised at a sentence's start:
# "Next year's cost-of-living adjustment, or COLA" defines no name
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TIME_OWNER = re.compile(
    rf"^(?:(?:next|last|this)\s+(?:year|week|month)|today|yesterday|tomorrow|{_WEEKDAY})['’]s\s+",
    re.IGNORECASE,
)
# ... and a day after the clause's "on": "said on Wednesday its newly developed intercontinental
# ballistic missile (ICBM)"
_DAY_FIRST = re.compile(rf"^(?:{_WEEKDAY}|today|yesterday|tomorrow)\b,?\s*", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")


def tidy(name: str) -> str:
    """A name as displayed: one line, no leading article, no possessive, no place a body is
    based in, no outer punctuation, no quote mark left without its partner ('the "Pose" actor'
    is 'Pose actor', not 'Pose" actor'; "the ``Atomic Dog''" is "Atomic Dog")."""
    joined = " ".join(name.split())
    name = joined.strip(" ,.;:\"'`“”‘’")
    if joined.rstrip(" ,;:\"'`“”‘’").endswith(".") and _ABBREVIATED.search(name + "."):
        name += "."  # the dot of an abbreviation: "Washington, D.C.", "Ada Moss Jr."
    name = without_base(_POSSESSIVE.sub("", _LEADING.sub("", name)))
    return _balanced_marks(name.strip(" \"'`“”‘"))


def _balanced_marks(name: str) -> str:
    """The name without quote marks that do not pair up ("’" is also an apostrophe, so only an
    opening "‘" without a "’" after it is dropped)."""
    if name.count('"') % 2:
        name = name.replace('"', "")
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")
    if name.count("‘") > name.count("’"):
        name = name.replace("‘", "")
    if name.count("``") != name.count("''"):  # ``…'', as older archives write quote marks
        name = name.replace("``", "").replace("''", "")
    return " ".join(name.split())


@dataclass
class Names:
    """The story's name index, with the surface form kept when the index does not know a name.

    ``definitions`` maps a short form to the long names the story's texts spell it out as
    ("HUR" -> {"Ukraine's Defense Intelligence Directorate", ...}).
    """

    index: Any | None = None
    definitions: dict[str, set[str]] = field(default_factory=dict)
    # the canonical names of the story's people of two words or more ("Ada Moss")
    people: frozenset[str] = frozenset()
    # a storm's names ("Harvey", "Tropical Storm Harvey", "Hurricane Harvey") -> the one shown
    storms: dict[str, str] = field(default_factory=dict)
    # every part asks for the same few names thousands of times (alignment: per sentence pair)
    _known: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    def canonical(self, name: str | None) -> str | None:
        if not name or not name.strip():
            return None
        if name not in self._known:
            storm = self.storms.get(tidy(name))
            if storm:
                self._known[name] = storm
                return storm
            found = self.index.canonical(name) if self.index is not None else None
            canonical = tidy(found) if found else tidy(name)
            self._known[name] = self._described_person(canonical) or canonical
        return self._known[name]

    def _described_person(self, name: str) -> str | None:
        """The person a name ends with when a descriptor comes before it: "the board's chief
        planner Ada Moss", "Chief executive Ada Moss" are Ada Moss. The descriptor's last word is
        lower case: a capitalised word before a name may be part of the name ("Anna Ada Moss")."""
        if name in self.people:
            return None
        words = name.split()
        for person in sorted(self.people, key=lambda p: -len(p.split())):
            size = len(person.split())
            if len(words) > size and words[-size:] == person.split() and words[-size - 1][:1].islower():
                return person
        return None

    def is_person(self, name: str) -> bool:
        return self.index is not None and self.index.is_person(name)

    def aliases(self, canonical: str) -> tuple[str, ...]:
        if self.index is None:
            return ()
        try:
            found = self.index.aliases(canonical)
        except KeyError:
            return ()
        return tuple(sorted({tidy(a) for a in found or () if tidy(a) != canonical}))

    def short_forms(self, name: str) -> set[str]:
        """The short forms a name has in this story: its own, or one defined for a like name."""
        out = acronyms(name)
        long_form = _long_form(name)
        if long_form:
            for short, longs in self.definitions.items():
                if any(_alike(long_form, other) for other in longs):
                    out.add(short)
        return out

    def display(self, name: str) -> str:
        """A name as written, with the short form the story uses for it: "Ukrainian Defense
        Intelligence Directorate (GUR/HUR)". A short form alone is shown with the long name the
        story spells it out as, when it spells it one way: "NIS" is "National Intelligence
        Service (NIS)", in the wording of the story's canonical name for it if it has one."""
        name = tidy(name)
        longs = self.definitions.get(name, set())
        if len(longs) == 1 or (longs and all(_alike(a, b) for a in longs for b in longs)):
            known = self.canonical(name)
            if known is not None and known != name and name in acronyms(known):
                return known  # the story's own name for it, as its entities list shows it
            long_form = max(longs, key=lambda n: (len(n.split()), n))
            return f"{long_form} ({'/'.join(sorted(self.short_forms(long_form) | {name}))})"
        own = acronyms(name)
        if own:
            # "X (HUR)", where the story also calls X "GUR": "X (GUR/HUR)"
            more = self.short_forms(name) - own
            if more and name.endswith(")") and _long_form(name):
                return f"{_long_form(name)} ({'/'.join(sorted(own | more))})"
            return name
        shorts = sorted(self.short_forms(name))
        return f"{name} ({'/'.join(shorts)})" if shorts else name


def acronyms(name: str) -> set[str]:
    """Short forms a name spells out for itself: "Intelligence Directorate (HUR)", "..., or GUR"."""
    out: set[str] = set()
    for match in _ACRONYM.finditer(name):
        out.update((match[1] or match[2]).upper().split("/"))
    stripped = tidy(name)
    if re.fullmatch(r"[A-Z]{2,10}", stripped):
        out.add(stripped)
    return out


def definitions_in(texts: Iterable[str]) -> dict[str, set[str]]:
    """Short forms the texts define, with the long names they stand for."""
    out: dict[str, set[str]] = {}
    for text in texts:
        for match in _DEFINITION.finditer(text):
            if match[2] and dateline_credit(text, match.start(2) - 1, match.end(2) + 1):
                continue  # "SALT LAKE CITY (AP) —" credits a wire service
            long_form = _TIME_OWNER.sub("", _CLAUSE_START.sub("", match[1]).strip())
            short = match[2] or match[3]
            words = long_form.split()[-DEFINITION_WORDS:]
            spelled = _spelling_end(words, short)
            if spelled is not None:
                words = spelled
            else:
                words = _DAY_FIRST.sub("", " ".join(words)).split()
                while words and not words[0][:1].isupper():
                    words = words[1:]
            if a_state_after(short, " ".join(words)):
                continue  # "Rep. Steve Cohen (TN)": the state a member sits for
            if len(words) >= 2:
                out.setdefault(short, set()).add(tidy(" ".join(words)))
    return out


def _spelling_end(words: list[str], short: str) -> list[str] | None:
    """The last words whose first letters spell a short form, connecting words aside, in
    whatever case: "Turkey and the Kurdish-led Syrian Democratic Forces (SDF)" defines "Syrian
    Democratic Forces", "the agency's chief harbour master (CHM)" "chief harbour master"; None
    when no end spells it ("Ukraine's military intelligence (HUR)", or ICBM's "intercontinental
    ballistic missile", which spells it by more than first letters)."""
    for k in range(len(words) - 2, -1, -1):
        if initials(" ".join(words[k:]), lower_too=True) == short.upper():
            return words[k:]
    return None


def _long_form(name: str) -> str:
    return tidy(_ACRONYM.sub("", name)).strip(" ,")


def _alike(a: str, b: str) -> bool:
    """Nearly the same words, word endings aside, for names of three words or more."""
    if min(len(a.split()), len(b.split())) < 3:
        return False
    return fuzz.token_sort_ratio(_stems(a), _stems(b)) >= 85


def same_party(a: str | None, b: str | None, names: Names) -> bool:
    """Whether two written claimants name the same party.

    The name index decides first; what it leaves apart is joined only on evidence in the story's
    own words: a shared short form, spelled out by the name itself ("... (HUR)") or defined for a
    name like it elsewhere in the story, or nearly the same words apart from word endings
    ("Ukrainian Defense Intelligence Directorate" / "Ukraine's Defense Intelligence Directorate").
    """
    if a is None or b is None:
        return a is None and b is None
    if names.canonical(a) == names.canonical(b):
        return True
    if names.short_forms(a) & names.short_forms(b):
        return True
    return _alike(_long_form(a), _long_form(b))


def _stems(name: str) -> str:
    # crude stems so that "Ukraine's" and "Ukrainian" compare equal in word order-free matching
    return " ".join(w.lower()[:5] for w in re.findall(r"[A-Za-z]+", name) if w.lower() != "s")


# "the fund", "South Korea's top intelligence agency": an optional "the", an optional place with
# its possessive, then lower-case words ending in a kind of body
_DESCRIPTION = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?P<place>[A-Z][\w.\- ]*?)['’]s\s+|(?:country|nation)['’]s\s+)?"
    r"(?P<rest>[a-z][a-z\- ]*)$"
)
# A company's kind ("the firm").
COMPANY_WORDS = frozenset({"company", "firm"})
# Words that rank a body rather than say which one it is: "the country's top agency".
_RANK_WORDS = frozenset(
    {"top", "main", "chief", "leading", "senior", "principal", "highest", "own", "powerful", "new"}
)


def described_body(
    written: str | None, analysis: Analysis, before: int, names: Names, story: StoryArticles
) -> str | None:
    """The organisation a speaker or claimant written as a description of a body stands for.

    - "the <kind>": the one body of that kind the article named before offset ``before`` ("the
      fund" after "the International Monetary Fund", "the ministry" after "Ukraine's Defence
      Ministry", "the company" after "Acme Corp.");
    - "the <words> <kind>": the one body the article named before with those words, whatever
      its kind ("the intelligence agency", or "the country's intelligence agency", after "the
      National Intelligence Service");
    - "<place>'s <words> <kind>": the one body named anywhere in the story with that place and
      those words ("South Korea's top intelligence agency" for "South Korea's National
      Intelligence Service"); the place says which country's.

    Ranking words ("top", "main") say nothing of which body. None when no body, or several,
    fit."""
    found = _DESCRIPTION.match(" ".join((written or "").split()))
    if found is None:
        return None
    *words, kind = _WORD.findall(found["rest"])
    if kind not in DESCRIBED_BODIES:
        return None
    content = [w for w in words if w not in _RANK_WORDS]
    place = _WORD.findall((found["place"] or "").lower())
    if any(len(w) < 3 for w in place):
        return None  # "U.S.'s": letters too short to find the place by
    if place:
        named = [e for a in story.analyses for e in a.entities]
    else:
        named = [e for e in analysis.entities if e.end <= before]

    def fits(name_words: list[str]) -> bool:
        # "the company" after "Acme Corp.": a company's legal form names its kind
        company = kind in COMPANY_WORDS and bool(name_words) and name_words[-1] in LEGAL_FORMS
        if not content and kind not in name_words and not company:
            return False
        return all(any(n.startswith(w) for n in name_words) for w in content + place)

    bodies = set()
    for entity in named:
        if entity.label != "ORG":
            continue
        name = names.canonical(entity.text) or tidy(entity.text)
        if fits(_WORD.findall(f"{entity.text} {name}".lower())):
            bodies.add(name)
    return bodies.pop() if len(bodies) == 1 else None


def mentions_of(story: StoryArticles) -> list[Mention]:
    """Every name the story's articles use, with its label and sentence."""
    out: list[Mention] = []
    for analysis in story.analyses:
        aid = analysis.article.id
        for entity in analysis.entities:
            where = (aid, entity.start)
            out.append((entity.text, entity.label, _sentence_around(analysis, entity.start), where))
        for quote in analysis.quotes:
            if quote.speaker and not _NEGATED.match(quote.speaker):
                # no label: a speaker may be a person, a role ("the Russian president") or an
                # organisation, and the index tells them apart. No place: a speaker's name is
                # the fullest the article gives, not always the words written there.
                out.append((quote.speaker, None, _sentence_around(analysis, quote.start)))
        for claim in analysis.claims:
            if claim.claimant and not _NEGATED.match(claim.claimant):
                out.append((claim.claimant, None, claim.text))
    return out


def build_names(story: StoryArticles) -> Names:
    """The story's name index (identity names when the index cannot be built)."""
    mentions = mentions_of(story)
    index = _build_index(mentions)
    people: set[str] = set()
    if index is not None:
        for text, label, *_ in mentions:
            if label == "PERSON" and index.is_person(text):
                canonical = tidy(index.canonical(text) or text)
                if len(canonical.split()) >= 2:
                    people.add(canonical)
    return Names(
        index=index,
        definitions=definitions_in(a.article.text for a in story.analyses),
        people=frozenset(people),
        storms=storms_of(mentions),
    )


def storms_of(mentions: Iterable[Mention]) -> dict[str, str]:
    """One name for each storm the story names, however it is written: a storm is upgraded
    and downgraded as it goes ("Tropical Storm Harvey", "Hurricane Harvey"), and an article
    that names its kind once, or never, calls it by its name alone ("Harvey", which the tagger
    may take for a person). Shown as its most written full name (on a tie, the first in
    alphabetical order)."""
    written: dict[str, Counter[str]] = {}
    for text, label, *_ in mentions:
        name = tidy(text)
        if label == "EVENT" and STORM.fullmatch(name):
            written.setdefault(name.split()[-1], Counter())[name] += 1
    out: dict[str, str] = {}
    for bare, forms in written.items():
        shown = min(forms, key=lambda form: (-forms[form], form))
        out.update({form: shown for form in [bare, *forms]})
    return out


def _build_index(mentions: Iterable[Mention]) -> Any | None:
    from storyfuse.extract.names import NameIndex

    try:
        return NameIndex.build(list(mentions))
    except Exception:  # a name index that fails must not take the story's brief down with it
        log.exception("the story's name index could not be built; names are kept as written")
        return None


def _sentence_around(analysis: Analysis, offset: int) -> str:
    for sentence in analysis.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return ""


# The pronouns a sentence may name its speaker by; the name is added after them.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they"})
OPENING_CHARS = 48  # where the pronoun a sentence opens with ends, at the latest


def speaker_named(unit: Unit, story: StoryArticles) -> str:
    """A sentence as it is shown alone (a fact, a timeline event), with the name of a speaker
    it does not name added in brackets, as an editor would. Read away from the sentence before
    it, a pronoun names nobody, and a quotation alone is nobody's:

    - the pronoun the sentence opens with: "On Friday, he [Vladimir Putin] told ...";
    - the pronoun right after a quotation: "“It needs to be intolerable,” she [Hillary
      Clinton] said." A pronoun elsewhere mostly stands for a name earlier in the sentence;
    - a sentence that is only a quotation, its speaker named in another sentence: "“In Tulsa,
      an unarmed man ...” [Hillary Clinton]".

    Only when the article's quote finder found the speaker's full name, and the sentence does
    not hold it already."""
    analysis = story.analysis_of(unit.article_id)
    if analysis is None:
        return unit.text
    text = analysis.article.text
    opening = leans_on_context(unit.text)
    for quote in sorted(analysis.quotes, key=lambda q: (q.speaker_start or -1, q.start)):
        start, end = quote.speaker_start, quote.speaker_end
        if start is None or end is None or not unit.start <= start < end <= unit.end:
            continue
        if text[start:end].strip().lower() not in _SPEAKER_PRONOUNS:
            continue
        name = _full_name(quote.speaker, unit.text)
        if name is None:
            continue
        # the unit's text is the article's with its white space collapsed
        at = len(" ".join(text[unit.start : end].split()))
        closes = quote.direct and 0 <= start - quote.end <= CLOSING_GAP
        if not closes and not (opening and at <= OPENING_CHARS):
            continue
        # after a contraction the pronoun opens: "She’ll [Ann Lee]", not "She [Ann Lee]’ll"
        while at < len(unit.text) and (unit.text[at].isalpha() or unit.text[at] in "’'"):
            at += 1
        return f"{unit.text[:at]} [{name}]{unit.text[at:]}"
    if unit.text[:1] in "“\"":
        for quote in analysis.quotes:
            inside = quote.start < unit.end and unit.start < quote.end
            elsewhere = quote.speaker_start is not None and not (
                unit.start <= quote.speaker_start < unit.end
            )
            name = _full_name(quote.speaker, unit.text)
            if quote.direct and inside and elsewhere and name is not None:
                return f"{unit.text} [{name}]"
    return unit.text


def _full_name(speaker: str | None, sentence: str) -> str | None:
    """A speaker's name to add to a sentence: a full name (a surname alone may be two people's)
    that the sentence does not hold."""
    words = (speaker or "").split()
    if not names_somebody(speaker) or len(words) < 2 or not words[0][:1].isupper():
        return None
    return None if words[-1] in sentence else " ".join(words)
