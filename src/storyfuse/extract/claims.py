"""Numeric claims: a quantity of something, who asserts it, and when.

For each sentence of the parsed article, ``numbers.find_numbers`` finds the numbers as written;
this module then decides, from the parse around each number,

1. whether it is a quantity at all: years, dates, times of day, durations, ages, ordinals,
   designations ("Boeing 787", "Article 4"), scores ("a 5-4 decision"), ratios ("eight of 10"),
   multipliers ("three times the rate"), phone numbers ("911 calls") and footnote marks are
   not;
2. ranges: "10,000 to 12,000", "between 10 and 12", "$40-50 billion" become one claim with an
   ``upper``; "from 0.9 to 1.2 percent" after a verb of change, or a descending pair
   ("46 percent to 42 percent"), stays two claims;
3. the thing counted (``unit``, a singular lemma): a currency sign or "%" first, then the noun
   the number modifies ("12,000 North Korean troops" -> troop; "a 10-point lead" -> point;
   "three of its commanders" -> commander), then "the number of X ... is N" -> X, then the unit
   of the number just before it in the same sentence ("10 judges rather than 11"). A number with
   no thing counted is not reported;
4. the qualifier written before it ("nearly", "at least", "up to" ...) or after it ("or more"),
   normalised to six values;
5. the claimant: the speaker of the quotation that contains the number (from ``find_quotes``),
   else the subject of a reporting verb that governs it ("X said", "said X", "X estimated that"),
   else "according to X"; a pronoun resolves to the last person (or organisation, for "it")
   named before it;
6. the date: the nearest normalised time expression of the number's clause, else of its
   sentence; never one that says what the number counts from ("since 2000").

The annotation guidelines in ``eval/gold/claims/GUIDELINES.md`` define each of these; the
evaluation ``eval/claims.py`` measures them against hand-annotated articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from storyfuse import limits
from storyfuse.clean.clutter import title_cased
from storyfuse.extract.names import ROLE_WORDS
from storyfuse.extract.nlp import POSSESSIVE_ENDINGS, cut_clause, left_conjunct, nlp, text_of
from storyfuse.extract.numbers import RATE_WORDS, NumberMention, find_numbers, is_share, scaled
from storyfuse.extract.people import (
    FINDING_NOUNS,
    OWNER_PRONOUNS,
    People,
    a_time_phrase,
    finding_author,
)
from storyfuse.extract.quotes import appointed, one_of_a_list
from storyfuse.extract.quotes_verbs import RELATIVE_PRONOUNS, claims_lives
from storyfuse.extract.times import MONTHS
from storyfuse.model import Claim, Quote, TimeMention

# The qualifier vocabulary: what a reader needs to compare two figures ("nearly 12,000" vs
# "at least 10,000"). Written forms, lowercased, mapped to the normalised value.
QUALIFIERS_BEFORE = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "~": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "not quite": "nearly",
    "just shy of": "nearly",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "past": "more than",
    "beyond": "more than",
    "exceeding": "more than",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
}
# Qualifiers that are also prepositions or adjectives ("the past nine years", "over the wall").
PREPOSITION_QUALIFIERS = frozenset({"over", "past", "under", "above", "below", "beyond"})
QUALIFIERS_AFTER = {
    "or more": "at least",
    "and more": "at least",
    "or higher": "at least",
    "or less": "up to",
    "or fewer": "up to",
    "or lower": "up to",
    "or so": "about",
}

# Verbs whose subject asserts the content they govern. Belief and feeling verbs are left out: a
# figure is claimed by whoever says, reports, estimates or finds it.
REPORTING_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "note",
        "claim",
        "announce",
        "report",
        "estimate",
        "confirm",
        "write",
        "tweet",
        "post",
        "state",
        "declare",
        "reveal",
        "disclose",
        "show",
        "find",
        "indicate",
        "suggest",
        "predict",
        "expect",
        "forecast",
        "project",
        "calculate",
        "count",
        "argue",
        "insist",
        "warn",
        "testify",
        "acknowledge",
        "admit",
        "cite",
        "allege",
        "assert",
        "maintain",
        "conclude",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "put",
        "record",
        "list",
        "tally",
        "put",
        "peg",
    ]
)
# Of those, the verbs that report a figure only where they put it "at": "officials put the toll
# at 500", but not "puts the virus on track to kill 58,000".
AT_REPORTING_VERBS = frozenset({"put", "peg"})
# Of those, the verbs that report a clause but not their object: "added that 5,000 were hired"
# reports, "Employers added 255,000 jobs" does something, and so reports nothing in a clause the
# parse hangs on it ("The economy added 379,000 jobs and unemployment ticked down to 6.2%").
CLAUSE_REPORTING_VERBS = frozenset({"add"})
# Cues of an attribution, besides the reporting verbs, whose source gives the figures inside it:
# a point made ("The candidate pointed out that Sen. Ted Cruz (who has 231 delegates) must win
# 58 percent"), a forecast ("Home Depot sees sales growth of 1.8 percent") or a proposal or
# demand ("Clinton wants to sign up 5 million people", "threatened to impose a 35 percent tax"),
# and words one "was quoted as saying" ("..., killing 10 people, officials were quoted as saying").
CLAIMING_CUES = frozenset(
    {"point", "see", "anticipate", "propose", "call", "want", "plan", "promise", "pledge"}
    | {"vow", "threaten", "demand", "seek", "urge", "aim", "quote"}
)
# How a reporting verb governs what it reports: a clause, an object, a conjoined clause.
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "conj", "parataxis", "attr", "oprd"})
# How a time expression hangs on a noun it describes ("the 2020 candidate").
DESCRIBING_DEPS = frozenset({"nummod", "compound", "amod", "nmod"})
# Nouns for people, the roles of titles and a few more: a year before them describes the person.
PERSON_NOUNS = ROLE_WORDS | frozenset(
    {"candidate", "hopeful", "contender", "winner", "champion", "graduate"}
)
# Nouns whose owner asserts the figure: "the IMF's estimate ... at 3.1 percent".
ESTIMATE_NOUNS = frozenset(
    [
        "forecast",
        "estimate",
        "projection",
        "prediction",
        "guidance",
        "outlook",
        "count",
        "tally",
        "calculation",
    ]
)
# Verbs of change, after which "from X to Y" is two values, not a range.
CHANGE_VERBS = frozenset(
    [
        "rise",
        "fall",
        "increase",
        "decrease",
        "grow",
        "drop",
        "decline",
        "climb",
        "jump",
        "surge",
        "soar",
        "plunge",
        "slip",
        "edge",
        "go",
        "move",
        "raise",
        "cut",
        "lower",
        "reduce",
        "boost",
        "expand",
        "shrink",
        "slide",
        "sink",
        "tumble",
        "dip",
        "gain",
        "lose",
        "swell",
    ]
)
TIME_UNITS = frozenset(
    [
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "weekend",
        "weekday",
        "weeknight",
        "month",
        "year",
        "decade",
        "century",
        "night",
        "fortnight",
        "millennium",
    ]
)
TIME_ENTITIES = frozenset(["DATE", "TIME"])
# Nouns that name a count without saying what is counted: "the number of X is N" counts X.
COUNT_NOUNS = frozenset(["number", "total", "count", "tally", "toll", "sum", "figure"])
# Entity types whose numbers are part of a name, not a quantity.
NAME_ENTITIES = frozenset({"LAW", "PRODUCT", "FAC", "ORG", "WORK_OF_ART", "EVENT"})
UNIT_LEMMAS = {
    "people": "person", "%": "percent", "per": "percent", "pct": "percent",
    "taxes": "tax",  # the lemmatizer's "taxis"
}  # fmt: skip
PRONOUNS = frozenset(
    ["he", "she", "him", "her", "his", "it", "its", "they", "them", "their", "we", "i", "you"]
)
_AGE_AFTER = re.compile(
    r"^\s?[-–]?\s?(?:years?|yrs?)[-– ]old|^\s*(?:or|and) (?:older|over|above|younger)"
)
# Emergency telephone numbers before what they name: "911 calls", "a 999 call handler".
EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})
_EMERGENCY_AFTER = re.compile(
    r"^[-\s]?(?:calls?|callers?|call-takers?|dispatch\w*|operators?|emergenc\w*|lines?|"
    r"centers?|centres?|systems?|services?|handlers?|hotlines?)\b",
    re.IGNORECASE,
)

# A list's item number: "1. " before a capital, opening a line or a sentence or after a colon
# ("here are five things that stood out: 1. Impeachment hearings ...").
# A street name after a house number: "86 Gansevoort St.", "131 West 23rd Street"; not one
# that names the kind of things counted ("30 Main Street shops")
_STREET_AFTER = re.compile(
    r"(?: [A-Z0-9][\w'’.-]*){1,3} (?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Drive"
    r"|Place|Parkway|Pkwy|Court|Terrace|Highway|Hwy)\b(?!\.? [A-Za-z]+s\b)"
)
_ITEM_NUMBER_AFTER = re.compile(r"^[.)] [A-Z]")
_ITEM_NUMBER_BEFORE = re.compile(r"(?:^|[\n:.;]) *$")


@dataclass
class _Item:
    """A number on its way to becoming a claim."""

    number: NumberMention
    tokens: Span
    upper: float | None = None
    start: int = 0
    end: int = 0
    unit: str | None = None
    unit_token: Token | None = None


def find_claims(
    doc: Doc,
    *,
    quotes: Sequence[Quote],
    times: Sequence[TimeMention],
    published: str | None,
    people: People | None = None,
) -> list[Claim]:
    """The numeric claims of one parsed article, in text order (``people``: the quote finder's
    reading of who the article names, made here when not given)."""
    people = people or People.of(doc)
    claims: list[Claim] = []
    whole = text_of(doc)
    for sent in doc.sents:
        limits.check()
        text = whole[sent.start_char : sent.end_char]  # sent.text, without re-joining tokens
        if not any(map(str.isdigit, text)) and not any(
            t.like_num or t.lower_ == "dozen" for t in sent
        ):
            continue
        claims.extend(_sentence_claims(sent, quotes, times, published, people))
    return claims


def _sentence_claims(
    sent: Span,
    quotes: Sequence[Quote],
    times: Sequence[TimeMention],
    published: str | None,
    people: People,
) -> list[Claim]:
    doc = sent.doc
    numbers = find_numbers(sent)
    items: list[_Item] = []
    for number in numbers:
        tokens = doc.char_span(number.start, number.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            continue
        items.append(_Item(number, tokens, number.upper, number.start, number.end))
    items = _drop_pairs(items, sent)
    items = _join_ranges(items, sent)
    kept: list[_Item] = []
    previous: _Item | None = None
    for item in items:
        if _not_a_quantity(item, sent, times):
            continue
        _find_unit(item, sent, previous)
        _speed_unit(item)
        _magnitude_unit(item)
        _temperature_unit(item)
        if item.unit is None or item.unit in TIME_UNITS or _is_multiplier(item):
            continue
        if _is_kind_of_contest(item):
            continue
        if _is_designation(item) or _own_pair(item):
            continue
        if _is_consensus_forecast(item) or _is_zero_of_a_mass(item):
            continue
        kept.append(item)
        previous = item
    text = sent.text.strip()
    claims = []
    for item in kept:
        claims.append(
            Claim(
                text=text,
                value=item.number.value,
                unit=item.unit or "",
                start=item.start,
                end=item.end,
                qualifier=_qualifier(item, sent),
                claimant=_claimant(item, sent, quotes, people),
                date=_date(item, sent, times, published),
                number_text=text_of(doc)[item.start : item.end],
                upper=item.upper,
                thing=_with_rate(_thing(item) or _share_of(item) or _money_of(item), item),
            )
        )
    return claims


# --- which numbers are quantities ------------------------------------------------------------


def _drop_pairs(items: list[_Item], sent: Span) -> list[_Item]:
    """Remove ratios ("eight of 10", "one in five") and designations after a count ("400 737")."""
    doc = sent.doc
    drop: set[int] = set()
    for k in range(len(items) - 1):
        a, b = items[k], items[k + 1]
        gap = text_of(doc)[a.end : b.start].strip().lower()
        bare = not (a.number.currency or a.number.percent or b.number.currency or b.number.scaled)
        if gap in {"of", "in", "out of"} and bare and b.number.value <= 100:
            drop.update({k, k + 1})  # "eight of 10 voters", "one in five"
        elif gap == "" and not b.number.currency and not b.number.percent:
            drop.add(k + 1)  # "400 737 Max jets": the second number names the model
        elif gap in {"to", "-to-"} and _a_tally(a, b, sent):
            drop.update({k, k + 1})  # "The vote was 285 to 120.", "the six-to-three decision"
    return [it for k, it in enumerate(items) if k not in drop]


# Nouns a tally is the score of, in the singular: "a 5 to 4 ruling", "the six-to-three decision"
# ("212,205 to 210,424 votes" counts votes)
TALLY_NOUNS = frozenset({"decision", "ruling", "vote", "verdict", "majority", "split", "margin"})


def _a_tally(a: _Item, b: _Item, sent: Span) -> bool:
    """Whether "A to B" is a tally of two sides, as "285-120" is ("The vote was 285 to 120",
    "The Senate voted 52 to 48 to confirm him", "a 5 to 4 ruling"): two plain numbers, the
    second no greater, no change ("from 30 to 20", "by 30 to 126") and nothing counted after
    either but what the tally decided."""
    doc = sent.doc
    plain = all(not (n.currency or n.percent or n.scaled) for n in (a.number, b.number))
    after = [doc[i] for i in (a.tokens.end, b.tokens.end) if i < sent.end]
    return (
        plain
        and b.number.value <= a.number.value
        and not any(i.tokens.root.ent_type_ in TIME_ENTITIES for i in (a, b))  # "of 2008 to 60"
        and _word_before(a, sent) not in {"from", "by"}
        and not any(
            t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.lower_ not in TALLY_NOUNS  # not "votes"
            for t in after
        )
    )


def _join_ranges(items: list[_Item], sent: Span) -> list[_Item]:
    """Merge "X to Y", "X-Y" and "between X and Y" into one item with an upper bound."""
    doc = sent.doc
    out: list[_Item] = []
    k = 0
    while k < len(items):
        a = items[k]
        if k + 1 < len(items) and a.upper is None:
            b = items[k + 1]
            if _is_range(a, b, sent):
                number = a.number
                value = _range_start(a, b)
                merged = replace(
                    number,
                    value=value,
                    end=b.end,
                    currency=number.currency or b.number.currency,
                    percent=number.percent or b.number.percent,
                )
                # "$3bn - 12,000" is two figures: a range's upper bound is above its value
                if value < b.number.value:
                    tokens = doc.char_span(a.start, b.end, alignment_mode="expand")
                    out.append(_Item(merged, tokens or b.tokens, b.number.value, a.start, b.end))
                    k += 2
                    continue
        out.append(a)
        k += 1
    return out


def _is_range(a: _Item, b: _Item, sent: Span) -> bool:
    doc = sent.doc
    gap = text_of(doc)[a.end : b.start].strip().lower()
    if a.number.currency and b.number.currency and a.number.currency != b.number.currency:
        return False
    if (a.number.percent and not b.number.percent) or (a.number.currency and b.number.percent):
        return False  # "rose 3.5 percent to $27.2 billion", "rose 4% to 700,000 homes"
    if b.number.value <= _range_start(a, b):
        return False  # descending or equal: a comparison or a score, not a range
    if _a_day_of_month(a.tokens.root) and b.tokens.root.ent_type_ not in TIME_ENTITIES:
        return False  # "the quarter ended Sept. 30 to $747.8 million": a day, then the figure
    before = _word_before(a, sent)
    if gap in {"to", "-", "–", "—"}:
        if before == "by":
            return False  # "down by 30 to 126"
        if a.number.percent and b.number.percent and _a_poll_score(a, sent):
            return False  # "found Trump far behind Biden 38% to 55%": each one's share
        # "rose from 0.90 percent to 1.23 percent" is a change, not a range.
        return not (before == "from" and any(t.lemma_ in CHANGE_VERBS for t in sent))
    return gap == "and" and before == "between"


_MONTH_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s+$", re.IGNORECASE
)


def _a_day_of_month(number: Token) -> bool:
    """Whether a number is the day of a date written with its month before it ("Sept. 30")."""
    before = text_of(number.doc)[max(0, number.idx - 12) : number.idx]
    return number.ent_type_ in TIME_ENTITIES and bool(_MONTH_BEFORE.search(before))


# a range's bottom written without the top's scale is at least this share of the top: "between
# $582,029 and $1.56 million" ("rose 30 to 1.2 million" is no range)
RANGE_SPAN = 100


def _range_start(a: _Item, b: _Item) -> float:
    """The value of a range's bottom ``a`` beside its top ``b``: with the top's scale when it
    has none of its own and that keeps it below the top ("10 to 12 million"), else as written
    when within ``RANGE_SPAN`` of the top ("between $582,029 and $1.56 million")."""
    if a.number.scaled:
        return a.number.value
    with_scale = scaled(a.number.value, b.number.scale)  # unscaled, its own scale is 1
    if with_scale < b.number.value or a.number.value * RANGE_SPAN < b.number.value:
        return with_scale
    return a.number.value


# words that make two shares after them the scores of two sides, not a range
_SCORE_WORDS = frozenset({"behind", "ahead", "versus", "vs", "vs."})
_SCORE_VERBS = frozenset({"trail", "lead", "beat"})


def _a_poll_score(item: _Item, sent: Span) -> bool:
    before = sent.doc[sent.start : item.tokens.start]
    return any(
        t.lower_ in _SCORE_WORDS or (t.pos_ == "VERB" and t.lemma_ in _SCORE_VERBS) for t in before
    )


def _word_before(item: _Item, sent: Span) -> str:
    """The word before a number, skipping a qualifier ("between about 10 and 12")."""
    i = item.tokens.start - 1
    while i >= sent.start and sent.doc[i].lower_ in {"about", "around", "roughly", "some"}:
        i -= 1
    return sent.doc[i].lower_ if i >= sent.start else ""


# A prefix hyphened to a number word, making a word of its own: "sub-zero".
_PREFIXED = re.compile(r"\b(?:sub|non|near)-$", re.IGNORECASE)
# A count of digits written as a hyphened adjective: "six-figure", "seven-digit".
_DIGITS_AFTER = re.compile(r"[-–](?:figure|digit)\b", re.IGNORECASE)
# ... and as a noun after a spelled count of five or more ("ran into six figures"); not people
# ("two figures who have long imagined themselves")
_DIGITS_NOUN_AFTER = re.compile(r" (?:figures|digits)\b(?! who\b)", re.IGNORECASE)

# The number of an index's name, perhaps hyphened to what it counts: "the 30-share index", "the
# Standard & Poor's 500-stock index", "the Nasdaq 100 Index"
_INDEX_AFTER = re.compile(r"(?:[-–](?:share|stock|issue)s?)? (?:index|average)\b", re.IGNORECASE)
# ... and a list's name in capitals after its number: "the FBI's 10 Most Wanted List"
_LIST_NAME_AFTER = re.compile(r"(?: [A-Z][a-z]+){1,3} List\b")


def _not_a_quantity(item: _Item, sent: Span, times: Sequence[TimeMention]) -> bool:
    number, tokens, doc = item.number, item.tokens, sent.doc
    text = text_of(doc)
    money_or_share = bool(number.currency or number.percent)
    before_char = text[item.start - 1 : item.start] if item.start else ""
    before2 = text[max(0, item.start - 2) : item.start]
    prev = doc[tokens.start - 1] if tokens.start > sent.start else None
    after = text[item.end : item.end + 20]
    if item.upper is not None and item.upper <= number.value and number.upper is not None:
        return True  # "a 5-4 decision", "787-9": a score or a model, not a range
    if number.spelled and number.value == 1 and not number.scaled:
        return True  # "one source said": the indefinite sense, not a count
    if number.spelled and number.text.lower() in {
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
    }:
        return True  # "several thousand", "a few million": no definite value
    if before_char in {"[", "#"} or before2 in {" -", " +", "(-", "(+"}:
        return True  # footnote marks, hashtags, signed changes in tables
    if _DIGITS_AFTER.match(after) or (
        number.spelled and number.value >= 5 and _DIGITS_NOUN_AFTER.match(after)
    ):
        # "the six-figure reward", "double-digit growth", "fees ran into six figures": a size,
        # no count
        return True
    if _PREFIXED.search(text, max(0, item.start - 8), item.start):
        return True  # "sub-zero temperatures": a word of its own
    if not number.spelled and "," not in number.text and not number.scaled:
        digits = re.sub(r"\D", "", number.text)
        if len(digits) >= 7 and "." not in number.text:
            return True  # ids, tweet numbers
        if (
            not money_or_share
            and number.value.is_integer()
            and 1000 <= number.value <= 2100
            and not _followed_by_plural(item, sent)
        ):
            return True  # a year
    if not money_or_share:
        if any(t.ent_type_ in {"DATE", "TIME"} for t in tokens) and not _counts_things(item):
            return True
        if any(tm.start < item.end and item.start < tm.end for tm in times):
            return True
        if prev is not None and prev.lower_ in _NAMING_BEFORE:
            return True
        if (
            prev is not None
            and prev.text == "."
            and prev.i > sent.start
            and doc[prev.i - 1].lower_ + "." in _NAMING_BEFORE
        ):
            return True  # "the No. 3 spot" with the stop a token of its own
        if (
            prev is not None
            and prev.lower_ == "of"
            and prev.i > sent.start
            and doc[prev.i - 1].lower_ in {"age", "ages"}
        ):
            return True  # "between the ages of 18 and 48"
        if _listed_after(item, sent) in _NAMING_BEFORE:
            return True  # "two girls, ages 13 and 15": 15 is an age as 13 is
        if _AGE_AFTER.match(after):
            return True
        if (
            not number.spelled
            and _ITEM_NUMBER_AFTER.match(after)
            and _ITEM_NUMBER_BEFORE.search(text[max(0, item.start - 3) : item.start])
        ):
            return True  # "... stood out: 1. Impeachment hearings": a list's item number
        if not number.spelled and number.value.is_integer() and _STREET_AFTER.match(
            text, item.end, item.end + 60
        ):
            return True  # "a space at 86 Gansevoort St.": an address
        if _INDEX_AFTER.match(after) or _LIST_NAME_AFTER.match(text, item.end, item.end + 40):
            # "the 30-share index", "the Nasdaq 100 Index", "the FBI's 10 Most Wanted List":
            # an index's or a list's name
            return True
        if number.text in EMERGENCY_NUMBERS and _EMERGENCY_AFTER.match(after):
            return True  # "began receiving 911 calls": a telephone number, not a count
        if _is_appositive_age(item, sent) or _an_age_at_death(item):
            return True
        if _counts_a_list(item):
            return True
        root = tokens.root
        if root.dep_ == "nummod" and root.head.i < root.i and root.head.pos_ in {"NOUN", "PROPN"}:
            return True  # "Article 4", "Room 101": a number after its noun names it
        if any(t.ent_type_ in NAME_ENTITIES for t in tokens):
            return True  # "S&P 500", "Boeing 787", "Apollo 11"
        if _a_named_number(item, sent):
            return True  # "Group of Seven leaders", "the Group of 20 nations", "the Big Three"
        if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper():
            nxt = doc[tokens.end] if tokens.end < sent.end else None
            if nxt is None or nxt.tag_ not in {"NNS", "NNPS"}:
                return True  # "Article 4", "Patriot 125", "Boeing 787"
            if _LETTERS_ABBREVIATED.match(prev.text) and prev.ent_type_ not in PLACE_ENTITIES:
                return True  # "H.R. 748 repeals ...": a bill's number, the verb tagged a noun
            if prev.i > sent.start and doc[prev.i - 1].like_num:
                return True  # a model's name before its noun: "their Boeing 737 Max 8 planes"
        if (
            prev is not None
            and prev.lower_ in ("'s", "’s")
            and prev.i > sent.start
            and doc[prev.i - 1].pos_ == "PROPN"
            and tokens.end < sent.end
            and doc[tokens.end].tag_ in ("NN", "NNP")
        ):
            return True  # "the Standard & Poor's 500 index": a name's number before its noun
    return any(t.like_url or "@" in t.text for t in tokens)


def _a_named_number(item: _Item, sent: Span) -> bool:
    """A number that is part of a name: spelled with a capital inside a sentence not written
    in title case ("the Group of Seven nations summit", "the Big Three automakers"), or written
    in figures after "of" and a name's capitalised word ("the Group of 20 nations")."""
    first = item.tokens[0]
    if first.i == sent.start or (item.number.spelled and not first.is_title):
        return False
    before = sent.doc[first.i - 1]
    if not before.is_alpha or before.is_upper:
        return False  # a new start after a colon, a dash, a quote mark or a headline in capitals
    words = [t for t in sent if t.is_alpha and len(t) > 3 and t.pos_ != "PROPN" and t != first]
    if not words or sum(t.is_title for t in words) * 2 > len(words):
        return False  # a headline in title case ("Trump Meets Seven Leaders")
    if item.number.spelled:
        return True
    return (
        before.lower_ == "of"
        and item.number.value < 100  # "the Poll of 1,033 adults" counts
        and before.i > sent.start
        and sent.doc[before.i - 1].is_title
        and sent.doc[before.i - 1].i > sent.start
    )


# The body's pairs, which "their own two feet" or "my own two eyes" count in a figure of speech
PAIRED_PARTS = frozenset({"foot", "hand", "eye", "ear", "leg", "arm"})


def _own_pair(item: _Item) -> bool:
    """ "stand on their own two feet", "saw it with my own two eyes": one's own pair of the
    body's parts is said, not counted."""
    tok, first = item.unit_token, item.tokens.start
    return (
        item.number.value == 2
        and first > 0
        and item.tokens.doc[first - 1].lower_ == "own"
        and tok is not None
        and tok.lemma_.lower() in PAIRED_PARTS
    )


# Capital letters with full stops ("H.R.", "S."), which a number after names: no place ("U.S.")
_LETTERS_ABBREVIATED = re.compile(r"(?:[A-Z]\.)+$")
PLACE_ENTITIES = frozenset({"GPE", "LOC", "NORP"})
# words after which a number is an age or a designation, not a count
_NAMING_BEFORE = frozenset(
    # "phase three study", "a Category 4 hurricane", "stage 4 cancer": a stage's number
    {"aged", "age", "ages", "no.", "number", "#", "phase", "stage", "category", "tier", "level"}
)


def _listed_after(item: _Item, sent: Span) -> str:
    """The word before the list of numbers the item ends ("ages" in "ages 13 and 15"), lower
    case; "" when the item is not the second or later number of a list."""
    doc = sent.doc
    i = item.tokens.start - 1
    while i >= sent.start and (doc[i].like_num or doc[i].lower_ in {",", "and", "or"}):
        i -= 1
    listed = any(doc[j].like_num for j in range(i + 1, item.tokens.start))
    return doc[i].lower_ if listed and i >= sent.start else ""


def _counts_a_list(item: _Item) -> bool:
    """ "Arden and Bellmoor, two of the county's poorest towns": a number set off by a comma
    after a list, counting the list's own members, restates it and is not a figure anyone
    claims."""
    root = item.tokens.root
    doc = root.doc
    if root.dep_ not in {"appos", "conj"} or doc[item.tokens.start - 1].text != ",":
        return False
    top = root.head
    while top.dep_ in {"appos", "conj"} and top.head.i < top.i:
        top = top.head
    members = [
        t
        for t in top.subtree
        if t.i < root.i
        and t.pos_ in {"NOUN", "PROPN"}
        and (t is top or t.dep_ in {"appos", "conj"} and t.head.pos_ in {"NOUN", "PROPN"})
    ]
    return len(members) > 1 and item.number.value == len(members)


def _counts_things(item: _Item) -> bool:
    """The number modifies a plural noun that is no unit of time, whatever the recogniser
    tagged it: "Between 10 and 15 people died" (tagged a date), "sent 40 ... boats"."""
    root = item.tokens.root
    if root.dep_ == "conj" and root.head.dep_ == "nummod":
        root = root.head  # "10 and 15 people": 15 is joined to the 10 that counts them
    noun = root.head
    return (
        root.dep_ == "nummod"
        and noun.i > root.i
        and noun.tag_ in {"NNS", "NNPS"}
        and unit_lemma(noun) not in TIME_UNITS
    )


def _followed_by_plural(item: _Item, sent: Span) -> bool:
    end = item.tokens.end
    return end < sent.end and sent.doc[end].tag_ in {"NNS", "NNPS"}


def _is_appositive_age(item: _Item, sent: Span) -> bool:
    """ "Webb, 51, of Fort Worth": a small number set off by commas right after a name."""
    doc, tokens = sent.doc, item.tokens
    if item.number.value >= 120 or tokens.start - 2 < sent.start or tokens.end >= sent.end:
        return False
    comma, name = doc[tokens.start - 1], doc[tokens.start - 2]
    return comma.text == "," and name.pos_ == "PROPN" and doc[tokens.end].text in {",", ")", ";"}


def _an_age_at_death(item: _Item) -> bool:
    """ "Ross Perot is dead at 89", "died at 89": the age someone died at, no count."""
    root = item.tokens.root
    at = root.head
    if root.dep_ != "pobj" or at.lower_ != "at" or item.number.value >= 120:
        return False
    verb = at.head  # "died at 89", or "is" with "dead" beside "at 89"
    said = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    return any(t.lemma_.lower() in {"die", "dead", "death"} for t in said)


def _is_multiplier(item: _Item) -> bool:
    """ "three times the rate", "10 times higher": a ratio, not a count of times."""
    doc = item.tokens.doc
    after = item.tokens.end
    tok = doc[after] if after < len(doc) and doc[after].lower_ == "times" else item.unit_token
    if tok is None or tok.lemma_ != "time":
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and (
        nxt.pos_ == "DET" or nxt.tag_ in {"JJR", "RBR"} or nxt.lower_ in {"as", "more", "less"}
    )


def _is_kind_of_contest(item: _Item) -> bool:
    """ "a four-way contest", "a two-way race": the number of sides names the kind of contest;
    read as a figure it counted "way"."""
    tok = item.unit_token
    if tok is None or tok.lemma_.lower() != "way" or tok.i < 1:
        return False
    return tok.doc[tok.i - 1].text in {"-", "–"}


# Who forecasts, and what they do: "the 8.3 million economists polled by Refinitiv had
# predicted" is their forecast, not a count of economists.
FORECASTERS = frozenset({"economist", "analyst", "forecaster", "expert", "strategist"})
FORECAST_VERBS = frozenset(
    {"expect", "predict", "forecast", "estimate", "anticipate", "project"}
)


def _is_consensus_forecast(item: _Item) -> bool:
    """The number is what the forecasters expected, their verb left without an object of its
    own ("the 150,000 economists had expected"); "five analysts expect a cut" counts them."""
    tok = item.unit_token
    if tok is None or tok.lemma_.lower() not in FORECASTERS:
        return False
    verb = tok.head
    if (
        tok.dep_ == "nsubj"
        and verb.lemma_.lower() in FORECAST_VERBS
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children)
    ):
        return True
    return _forecast_ends_clause(tok)


def _forecast_ends_clause(forecasters: Token) -> bool:
    """ "far more than the 8.3 million economists polled by Refinitiv had predicted —": the
    words after the forecasters end at a verb of forecasting before a stop or a dash, where
    the parse made them no subject of it."""
    doc = forecasters.doc
    end = min(forecasters.i + 8, forecasters.sent.end)
    for word in doc[forecasters.i + 1 : end]:
        if word.is_punct:
            return False
        if word.lemma_.lower() in FORECAST_VERBS and word.tag_ in ("VBD", "VBN"):
            return word.i + 1 >= len(doc) or doc[word.i + 1].is_punct
    return False


def _is_zero_of_a_mass(item: _Item) -> bool:
    """ "zero evidence", "zero tolerance", an effect of "about zero": none of something no one
    counts says there is none, it is no figure; "zero deaths" and "zero percent" are."""
    tok = item.unit_token
    number = item.number
    if number.value != 0 or not number.spelled or number.currency or number.percent:
        return False
    return tok is not None and tok.tag_ == "NN" and not is_share(tok.lemma_)


# Nouns hyphened to a number that rank or class what they describe, and count nothing
RATING_WORDS = frozenset({"star", "stars"})


# Labels of names after which a number is no part of the name: "In Michigan 3 people died".
_NAMES_BEFORE_A_COUNT = frozenset({"GPE", "LOC", "PERSON", "NORP", "DATE", "TIME"})


def _is_designation(item: _Item) -> bool:
    """ "its popular 737 Max jet": a number inside a singular noun phrase names, not counts;
    "Nasdaq 100 futures": a number written after a name is part of it."""
    tok = item.unit_token
    number = item.number
    if tok is None or number.currency or number.percent or item.upper is not None:
        return False
    if item.unit == "magnitude":
        return False  # "a 6.2 quake" measures the quake
    doc = tok.doc
    name = doc[item.tokens.start - 1] if item.tokens.start > 0 else None
    if (
        name is not None
        and not number.spelled
        and number.value.is_integer()
        and "." not in number.text
        and name.pos_ == "PROPN"
        and name.text[:1].isupper()
        and name.whitespace_ == " "
        and name.head.i == item.tokens.root.head.i  # both on the noun: "Nasdaq 100 futures"
        and name.ent_type_ not in _NAMES_BEFORE_A_COUNT
        and name.lower_.rstrip(".") not in MONTHS
        and name.lower_.rstrip(".") not in ROLE_WORDS
    ):
        return True
    if text_of(doc)[item.end : item.end + 1] in {"-", "–"}:
        if tok.lower_ in RATING_WORDS:
            return True  # "a four-star general", "a five-star hotel": a rank or a class
        # "a 46-page report" measures; "the 16-inch MacBook Pro" (or "the 15-inch 2016 MacBook
        # Pro") names a model.
        j = tok.i + 1
        while j < len(doc) and j <= tok.i + 2 and doc[j].like_num:
            j += 1
        nxt = doc[j] if j < len(doc) else None
        return nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
    if number.value == 1 or tok.tag_ not in {"NN", "NNP"}:
        return False
    # "737 Max jet": a name between the number and a singular noun
    after = doc[item.tokens.end] if item.tokens.end < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.head is tok and after.i < tok.i:
        return True
    # "its popular 737 Max jet", "the embattled 737 Max jet": a determiner before the number
    # (past describing words), a singular noun after it.
    i = item.tokens.start - 1
    while i >= 0 and (doc[i].pos_ in {"ADJ", "ADV"} or doc[i].tag_ in {"VBN", "VBG"}):
        i -= 1
    prev = doc[i] if i >= 0 else None
    return (
        prev is not None
        and (prev.pos_ == "DET" or prev.tag_ == "PRP$")
        and prev.lower_ not in {"another", "some", "all"}
    )


# --- what is counted -------------------------------------------------------------------------


def unit_lemma(tok: Token) -> str:
    """The unit a counted noun names: its lemma, read as a common noun, with "people" as
    "person" and "%" as "percent"."""
    low = tok.lower_
    if low in UNIT_LEMMAS:
        return UNIT_LEMMAS[low]
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lemma == low and low.endswith("s") and tok.tag_ in {"NNS", "NNPS"}:
        lemma = _noun_lemma(tok)
    return UNIT_LEMMAS.get(lemma, lemma)


def _noun_lemma(tok: Token) -> str:
    """The lemma of a word read as a common noun ("Democrats" -> democrat)."""
    pipe = nlp().get_pipe("lemmatizer")
    single = Doc(tok.doc.vocab, words=[tok.lower_], pos=["NOUN"])
    forms = pipe.rule_lemmatize(single[0])  # type: ignore[attr-defined]
    return str(forms[0]) if forms else tok.lower_


def _find_unit(item: _Item, sent: Span, previous: _Item | None) -> None:
    number = item.number
    if number.percent:
        item.unit = "percent"
        return
    if number.currency:
        item.unit = number.currency
        return
    doc = sent.doc
    tokens = item.tokens
    # "a 10-point lead", "a 46-page report": the noun glued to the number by a hyphen.
    if text_of(doc)[item.end : item.end + 1] in {"-", "–"} and tokens.end + 1 < sent.end:
        glued = doc[tokens.end + 1] if doc[tokens.end].text in {"-", "–"} else None
        # ("three-and-a-half", "Three-in-five", "40-something": no function word is counted)
        if (
            glued is not None
            and glued.idx == item.end + 1
            and glued.is_alpha
            and glued.pos_ not in _FUNCTION_WORDS
        ):
            if glued.lower_ == "year" and _AGE_AFTER.match(text_of(doc)[item.end :]):
                item.unit = None
                return
            if len(glued.text) == 1 and glued.text.isupper():
                item.unit = None  # a name of a kind, no count: "3-D printable guns", "4-H"
                return
            measure = doc[glued.i + 2] if glued.i + 2 < sent.end else None
            if (
                glued.lower_ in ("square", "cubic")
                and measure is not None
                and doc[glued.i + 1].text in {"-", "–"}
                and not glued.whitespace_
                and not doc[glued.i + 1].whitespace_
                and measure.is_alpha
            ):
                # "a 150,000-square-foot center": square feet, the measure after the hyphen
                item.unit = f"{glued.lower_} {unit_lemma(measure)}"
                item.unit_token = measure
                return
            if glued.lower_ == "strong":
                # "a 3,000-strong force": the force is what numbers 3,000
                head = glued.head
                held = head.pos_ == "NOUN" and head.i > glued.i
                item.unit, item.unit_token = (unit_lemma(head), head) if held else (None, None)
                return
            if (
                glued.lower_.endswith("ed")
                and glued.tag_ in ("VBN", "VBD", "JJ")
                and not glued.like_num
            ):
                item.unit = None  # an adjective, no count: "a two-tiered system", "three-pronged"
                return
            item.unit, item.unit_token = unit_lemma(glued), glued
            return
    noun = _counted_noun(item, sent)
    if noun is not None and not _a_word(noun):
        return  # a table's "|", a stray "." the parse made the noun: what is counted is unread
    if noun is not None:
        noun = _before_a_name(_hyphened_on(noun), item)
        item.unit, item.unit_token = unit_lemma(noun), noun
        return
    noun = (
        _number_of(item, sent)
        or _copula_attribute(item)
        or _amount_subject(item)
        or _changed_thing(item)
    )
    if noun is not None and _a_word(noun):
        item.unit, item.unit_token = unit_lemma(noun), noun
        return
    if (
        previous is not None
        and previous.unit not in {"percent", None}
        and not previous.number.currency
        and not _level_left(item, previous)
        and not _a_change(item)
        and not _subject_of_a_clause_on(item, previous)
        and not _a_record(item, sent)
        and (tokens.start - previous.tokens.end <= 12 or _participle_object(item, previous))
    ):
        item.unit, item.unit_token = previous.unit, previous.unit_token
        whole = _whole_of_part(previous.unit_token)
        if whole is not None:
            # "killed 259 people, including 12 Americans, and injured more than 5,500": the
            # whole the part belongs to, not the part
            item.unit, item.unit_token = unit_lemma(whole), whole


def _before_a_name(noun: Token, item: _Item) -> Token:
    """The plural a count is of, where the parse ran it into a person's name after it and made
    the name the noun ("two of the five Republicans House Minority Leader Kevin McCarthy had
    tapped": Republicans)."""
    if noun.ent_type_ != "PERSON":
        return noun
    between = noun.doc[item.tokens.end : noun.i]
    plurals = [t for t in between if t.tag_ in ("NNS", "NNPS") and t.ent_type_ != "PERSON"]
    return plurals[0] if plurals else noun


def _whole_of_part(noun: Token | None) -> Token | None:
    """The noun a part is of, when ``noun`` is counted after "including" ("259 people,
    including 12 Americans"): the people."""
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "including":
        return None
    whole = noun.head.head
    return whole if whole.pos_ == "NOUN" and whole.i < noun.i else None


def _a_number_in(words: Span) -> bool:
    """Whether another number stands among ``words`` ("176 hp 2.5-liter ... engine")."""
    return any(t.like_num for t in words)


def _a_word(noun: Token) -> bool:
    """Whether a token the parse made a noun has a letter: a table's "|" (NOUN) counts nothing
    ("| Larry Ogunjobi | 63 | 85% |")."""
    return any(ch.isalpha() for ch in noun.text)


# A team's or a player's record in brackets after the name: "the Huskies (4-7, 3-4)".
_RECORD_PAIR = r"\d{1,3}[-–]\d{1,3}(?:[-–]\d{1,3})?"
_RECORD = re.compile(rf"\({_RECORD_PAIR}(?:,\s*{_RECORD_PAIR})*\)")


def _a_record(item: _Item, sent: Span) -> bool:
    """Whether the number is in a record of wins and losses written in brackets after a name
    ("snapped an 11-game losing streak to the Huskies (4-7, 3-4)"): no more of the count
    before it."""
    text = text_of(sent.doc)
    for match in _RECORD.finditer(text, max(0, item.start - 12), min(len(text), item.end + 12)):
        if match.start() < item.start < match.end():
            before = text[: match.start()].rstrip().split()
            return bool(before) and before[-1][:1].isupper()
    return False


def _subject_of_a_clause_on(item: _Item, previous: _Item) -> bool:
    """ "six Pennsylvania dioceses, where at least 1,000 were sexually assaulted": a bare number
    that is the subject of a "where" or "when" clause on the noun before counts no more of
    that noun (one "of whom" does: "300 workers, of whom 40 were fired")."""
    root = item.tokens.root
    verb = root.head
    return (
        root.dep_ in ("nsubj", "nsubjpass")
        and verb.dep_ == "relcl"
        and previous.unit_token is not None
        and verb.head.i == previous.unit_token.i
        and any(c.lower_ in ("where", "when") for c in verb.children if c.dep_ == "advmod")
    )


# A distance an hour is a speed: "150 miles an hour", "150-mile-an-hour winds"
SPEED_UNITS = {"mile": "mph", "kilometer": "km/h", "kilometre": "km/h"}
_AN_HOUR = re.compile(r"[\s-]+(?:an|a|per)[\s-]+hour\b", re.IGNORECASE)
# ... written between a number and the noun it is parsed onto: "110 mile-per-hour winds"
_SPEED_BEFORE = re.compile(
    r"[\s-]*(mile|kilometer|kilometre)s?[\s-]+(?:an|a|per)[\s-]+hour[\s-]*$", re.IGNORECASE
)


# "magnitude" before a number: the size of an earthquake, no count of it.
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[- ]$", re.IGNORECASE)


# ... or a number right before one earthquake: "after 6.2 earthquake strikes Italy"
_AN_EARTHQUAKE_AFTER = re.compile(
    r" (?:earthquake|quake|temblor|tremor|aftershock)\b", re.IGNORECASE
)


def _magnitude_unit(item: _Item) -> None:
    """ "A magnitude 7.1 earthquake" is of magnitude 7.1, as "a 7.1-magnitude earthquake" is
    (the tokenizer gives that one its unit), and as "6.2 earthquake" is: not 7.1 or 6.2
    earthquakes."""
    text = text_of(item.tokens.doc)
    if _MAGNITUDE_BEFORE.search(text, max(0, item.start - 10), item.start) or (
        not item.number.spelled and _AN_EARTHQUAKE_AFTER.match(text, item.end)
    ):
        item.unit = "magnitude"


# A temperature's scale after a number: "99 Fahrenheit", "2 degrees Celsius", "37 °C"
# (a letter alone only after "°" or "degrees")
_TEMPERATURE_AFTER = re.compile(
    r"\s*(?:°\s*|degrees?\s+)?(Fahrenheit|Celsius|centigrade)\b|\s*(?:°\s*|degrees?\s+)([FC])\b",
    re.IGNORECASE,
)


def _temperature_unit(item: _Item) -> None:
    """ "temperatures have risen to around 99 Fahrenheit (37 Celsius)" are temperatures, in
    degrees of their scale: no count of the noun the parse hangs the number on."""
    found = _TEMPERATURE_AFTER.match(text_of(item.tokens.doc), item.end)
    if found is None:
        return
    scale = next(g for g in found.groups() if g)
    item.unit = "°F" if scale[0].lower() == "f" else "°C"
    item.unit_token = None


def _speed_unit(item: _Item) -> None:
    """A count of miles or kilometres an hour is a speed, in "mph" or "km/h", as "150 mph"
    is: no distance."""
    word = item.unit_token
    if word is None:
        return
    doc = word.doc
    between = _SPEED_BEFORE.match(text_of(doc)[item.end : word.idx])
    if between is not None:
        # "110 mile-per-hour winds" with the number on the winds: a speed of the winds
        item.unit = SPEED_UNITS[between.group(1).lower()]
        return
    if item.unit not in SPEED_UNITS:
        return
    hour = _AN_HOUR.match(text_of(doc), word.idx + len(word.text))
    if hour is None:
        return
    item.unit = SPEED_UNITS[item.unit]
    nxt = next((t.i for t in doc[word.i : word.i + 6] if t.idx >= hour.end()), len(doc))
    # "150-mile-an-hour winds", "150 mile-an-hour winds": the winds are what is measured
    hyphened = text_of(doc)[item.end : word.idx] in {"-", "–"} or "-" in hour.group()
    if hyphened and nxt < len(doc) and doc[nxt].pos_ == "NOUN":
        item.unit_token = doc[nxt]


def _a_change(item: _Item) -> bool:
    """Whether a bare number is the size of a change written as a noun ("fell to 3,734,000, a
    decrease of 16,000"): no count of what changed, as "fell by 16,000" is none."""
    root = item.tokens.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.pos_ == "NOUN"
        and root.head.head.lemma_.lower() in CHANGE_NOUNS
    )


# Nouns of change whose "of" phrase gives its size: "a decrease of 16,000"
CHANGE_NOUNS = frozenset(
    {"increase", "decrease", "rise", "fall", "drop", "decline", "gain", "loss", "jump", "dip",
     "climb", "surge", "slide", "cut", "reduction"}
)  # fmt: skip


def _level_left(item: _Item, previous: _Item) -> bool:
    """Whether ``item`` is the level that ``previous`` changed from, of a level that changes of
    itself ("claims fell to 473,000 last week from 507,000 a week earlier"): a count of another
    time, no figure of the story (see ``_changed_thing``)."""
    root, before = item.tokens.root, previous.tokens.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "from"
        and before.dep_ == "pobj"
        and before.head.lower_ in ("to", "at")
        and root.head.head.i == before.head.head.i
        and before.head.head.lemma_ in LEVEL_VERBS
    )


def _noun_tagged_a_verb(token: Token) -> bool:
    """ "150,000 coronavirus antibody tests": a plural noun the tagger read as a verb in its
    third person ("tests" VBZ), which the parse still makes a noun's object or subject."""
    return token.tag_ == "VBZ" and token.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}


def _participle_object(item: _Item, previous: _Item) -> bool:
    """A bare number as the object of a participle clause on the verb of the count before it,
    which goes on counting the same, however long the words between: "shot three people in
    Kenosha, Wisconsin, with an AR-15-style rifle, killing two"."""
    root = item.tokens.root
    participle = root.head
    return (
        root.dep_ == "dobj"
        and participle.tag_ == "VBG"
        and participle.dep_ in {"advcl", "xcomp"}
        and previous.unit_token is not None
        and previous.unit_token.head.i == participle.head.i
    )


def _counted_noun(item: _Item, sent: Span) -> Token | None:
    """The noun a number counts: the head it modifies, or the noun phrase right after it."""
    doc = sent.doc
    tokens = item.tokens
    end = tokens.end
    if end >= sent.end:
        return None
    nxt = doc[end]
    # "30 of Boeing's jets", "three of its commanders": the object of "of".
    if nxt.lower_ == "of" and end + 1 < sent.end and not doc[end + 1].like_num:
        objects = [c for c in nxt.children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
            return objects[0]
        return None
    root = tokens.root
    head = root.head
    if _misread_verb(tokens):
        return None
    if (
        root.dep_ in {"nummod", "quantmod"}
        and head.i >= end
        and (
            head.pos_ == "NOUN"
            # "two Bradley Fighting Vehicles", "250,000 Iowans"; not a headline's capitals
            or (head.tag_ == "NNPS" and not title_cased(sent.text))
            or _noun_tagged_a_verb(head)
        )
        # up to seven words between, or nine where no other number stands among them ("two
        # low-profile former Republican National Committee data strategists", not "a 176 hp
        # 2.5-liter four-cylinder gas engine")
        and (head.i - end < 8 or (head.i - end < 10 and not _a_number_in(doc[end : head.i])))
        and not any(t.pos_ == "DET" for t in doc[end : head.i])
    ):
        while head.head.i > head.i and (
            (head.dep_ == "compound" and head.head.pos_ == "NOUN")
            # "four freshman Democratic lawmakers": a singular noun that only qualifies a plural
            # (not "1 cup sweet peppers", a measure of them)
            or (
                head.dep_ == "nmod"
                and head.tag_ == "NN"
                and head.head.tag_ == "NNS"
                and item.number.value != 1
            )
        ):
            head = head.head
        if (
            head.dep_ == "poss"
            and head.tag_ == "NN"
            and item.number.value != 1
            and head.head.pos_ == "NOUN"
            and head.head.i > head.i
        ):
            # "two Los Angeles County sheriff's deputies": no two sheriff, but two deputies
            head = head.head
        if head.tag_ == "NN" and item.number.value != 1:
            # "four minority, progressive Democratic congresswomen": the parse made the first
            # of the words before the plural the noun, and the plural its apposition
            head = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "appos"
                    and c.tag_ == "NNS"
                    and c.left_edge.i == head.i + 2
                    and doc[head.i + 1].text == ","
                ),
                head,
            )
        return head
    # The run of modifiers and nouns after the number; the head is its last common noun, or
    # the syntactic head of the number when that lies inside the run.
    run: list[Token] = []
    j = end
    while j < sent.end and len(run) < 7:
        tok = doc[j]
        if _a_time_after(tok, root):
            break  # "claims fell to 498,000 last week": the week is when, not what
        if tok.pos_ in {"ADJ", "NOUN", "PROPN"} or tok.text in {"-", "–"} and run:
            run.append(tok)
        elif tok.pos_ == "NUM" and j + 1 < sent.end and doc[j + 1].pos_ in {"PROPN", "NOUN"}:
            run.append(tok)  # "400 737 Max jets"
        elif tok.pos_ == "ADV" and tok.dep_ == "advmod" and tok.head.pos_ == "ADJ":
            run.append(tok)  # "two relatively smaller organisations"
        elif tok.tag_ in {"VBN", "VBG"} and tok.dep_ == "amod":
            run.append(tok)  # "200 injured people"
        elif tok.is_quote and j + 1 < sent.end and doc[j + 1].pos_ in {"NOUN", "ADJ"}:
            pass  # 'the four "loopholes"'
        elif tok.is_quote and run:
            pass
        else:
            break
        j += 1
    nouns = [t for t in run if t.pos_ in {"NOUN", "PROPN"}]
    if not nouns:
        return None
    if head in nouns and head.pos_ == "NOUN":
        # Go to the head of a compound inside the run ("service members").
        while head.dep_ == "compound" and head.head in nouns:
            head = head.head
        return head
    common = [t for t in nouns if t.pos_ == "NOUN"]
    if common:
        last = common[0]
        for t in common[1:]:
            if t.i == last.i + 1 or all(
                doc[x].pos_ in {"ADJ", "NOUN", "PROPN"} for x in range(last.i, t.i)
            ):
                last = t
            else:
                break
        return last
    # Only proper nouns: a plural one is counted ("Two Democrats"), a singular one is a name.
    plural = [t for t in nouns if t.tag_ == "NNPS"]
    return plural[-1] if plural else None


def _hyphened_on(noun: Token) -> Token:
    """The last word of a hyphened noun the tokenizer split after its first part ("14
    co-sponsors" read as "co", "-", "sponsors"): the noun counted."""
    doc = noun.doc
    while (
        noun.i + 2 < len(doc)
        and not noun.whitespace_
        and doc[noun.i + 1].text in {"-", "–"}
        and not doc[noun.i + 1].whitespace_
        and doc[noun.i + 2].is_alpha
        and doc[noun.i + 2].pos_ in {"NOUN", "PROPN"}
    ):
        noun = doc[noun.i + 2]
    return noun


def _a_time_after(tok: Token, number: Token) -> bool:
    """A word of a date or time written after a number and not part of its phrase: the time
    of the figure ("fell to 498,000 last week", "rose to 45 this morning"), where "500 days"
    and "45 minutes" are the number's own time (in its entity, found as time units)."""
    return tok.ent_type_ in TIME_ENTITIES and number.ent_type_ not in TIME_ENTITIES


def _misread_verb(tokens: Span) -> bool:
    """Whether "the" and the number are the subject of a verb the parse took for an
    adjective, and the verb's object for the sentence's root noun: "The two traded barbs"
    counts no barbs; "the two" are people named before."""
    doc = tokens.doc
    if tokens.start == 0 or tokens.end >= len(doc) or doc[tokens.start - 1].lower_ != "the":
        return False
    verb = doc[tokens.end]
    noun = verb.head
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "amod"
        and noun.dep_ == "ROOT"
        and noun.pos_ == "NOUN"
        and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in noun.sent)
    )


# Words of the noun phrase before the counted noun that belong in "what is counted".
_THING_MODIFIERS = frozenset(["compound", "amod", "nmod", "advmod", "npadvmod", "punct"])
_THING_WORDS = frozenset(["ADJ", "NOUN", "PROPN", "ADV", "VERB"])


def _past_the_count(noun: Token) -> int:
    """Where a counted noun's phrase ends: after the noun, or after the count it names the kind
    of ("the death toll rose to 335" counts the toll, not "death")."""
    end = noun.i + 1
    if noun.dep_ == "compound" and noun.head.i == end and noun.head.lemma_ in COUNT_NOUNS:
        end += 1
    return end


def _thing(item: _Item) -> str | None:
    """What a number counts, in the text's words: the counted noun with the modifiers before it
    ("five coastal training grounds" -> "coastal training grounds") and, after it, an "of"
    phrase that says what the noun measures ("40 meters of fishing line"). Determiners,
    possessives and the number itself are left out."""
    noun = item.unit_token
    if noun is None or item.number.percent or item.number.currency:
        return None
    doc = noun.doc
    number = range(item.tokens.start, item.tokens.end)
    start = noun.i
    while start - 1 >= noun.sent.start and (start - 1) not in number:
        tok = doc[start - 1]
        if (
            tok.text in {"-", "–"}
            and not tok.whitespace_
            and start - 2 >= noun.sent.start
            and (start - 2) not in number
            and doc[start - 2].is_alpha
            and doc[start - 2].pos_ not in _FUNCTION_WORDS
            and not doc[start - 2].whitespace_
        ):
            start -= 2  # the first part of a hyphened noun split by the tokenizer: "co-sponsors"
            continue
        if tok.i - 2 in number and doc[tok.i - 1].text in {"-", "–"}:
            break  # a word glued to the count is no part of what it counts: "3,000-strong"
        # a number glued to the hyphen of a modifier is part of it: "four-week average"
        hyphened = not tok.whitespace_ and doc[tok.i + 1].text in {"-", "–"}
        if tok.head.i < start or tok.head.i > noun.i:
            break
        if tok.dep_ not in _THING_MODIFIERS and not hyphened:
            break
        if tok.ent_type_ == "CARDINAL" and not hyphened:
            break  # another count: "among 19" of "the dozen emails" counts emails
        if tok.pos_ not in _THING_WORDS and tok.text not in {"-", "–"} and not hyphened:
            break
        if start >= 2 and f"{doc[start - 2].lower_} {tok.lower_}" in QUALIFIERS_AFTER:
            break  # "800 or more active duty troops": "or more" qualifies the number
        start -= 1
    # (but a number hyphened to the modifier after it: "650 18-hole golf courses"; not one
    # hyphened to the noun itself, its own count: "15.4" of "16-inches instead of 15.4")
    while (
        start < noun.i
        and not doc[start].is_alpha
        and not (_hyphened_number(doc[start]) and start + 2 < noun.i)
    ):
        start += 1
    end = _past_the_count(noun)
    of = doc[end] if end < noun.sent.end else None
    if of is not None and of.lower_ == "of" and of.head.i == noun.i:
        objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
        if objects:
            obj = objects[0]
            phrase = doc[of.i + 1 : obj.i + 1]
            if obj.i - of.i <= 4 and all(t.is_alpha or t.text in {"-", "–"} for t in phrase):
                end = obj.i + 1
    words = doc[start:end].text
    first = doc[start]
    opens_line = start == noun.sent.start or "\n" in doc[start - 1].text_with_ws
    # a common noun capitalised as the line's first word ("Worker filings rose"; the tagger
    # may call it a proper noun, but the recogniser names nothing there)
    common = first.pos_ != "PROPN" or (not first.ent_type_ and first is not noun)
    if opens_line and common and first.is_title:
        words = words[:1].lower() + words[1:]
    return words


def _hyphened_number(tok: Token) -> bool:
    """A number in digits glued by a hyphen to the word after it: the "18" of "18-hole"."""
    doc = tok.doc
    return (
        tok.like_num
        and not tok.whitespace_
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text in {"-", "–"}
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].is_alpha
    )


# Parts of speech no count is of: "three-and-a-half", "Three-in-five", "40-something"
_FUNCTION_WORDS = frozenset({"CCONJ", "SCONJ", "DET", "ADP", "PART", "PRON", "AUX"})
# Comparatives that say only that an amount differs: "25 percent more than Bush" is of what
# went before, no adjective's degree
_COMPARED_AMOUNTS = frozenset({"more", "less", "fewer"})
# the verbs' dependents a share is the measure of: "the jobless rate dropped to 3.5%", "Turnout
# reached 67 percent", "raised its key rate by 0.25 percentage points"
_SHARE_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
# Verbs of one contestant's lead over another, whose shares are each contestant's
_CONTEST_VERBS = frozenset(["lead", "beat", "defeat", "top", "trail", "edge", "outpoll", "best"])
_SHARE_OF_VERB = frozenset(["dobj", "attr", "npadvmod", "oprd", "acomp"])
# A change measured against the period before: "month over month", "year-on-year"
_PERIOD_OVER_PERIOD = re.compile(
    r"(day|week|month|quarter|year)[\s-]+(?:over|on|to)[\s-]+\1\b", re.IGNORECASE
)


def _share_of(item: _Item) -> str | None:
    """What a percentage or a number of points measures, in the text's words: the noun it
    qualifies ("a 13 percent increase"), its "of" phrase ("63 percent of voters"), or what the
    verb it completes is said of ("the jobless rate dropped to 3.5%", "unemployment declined to a
    fresh low of 3.5%"): the object when the verb has one besides the share, else the subject."""
    if item.unit is None or not is_share(item.unit):
        return None
    word = item.unit_token or item.tokens.root
    of = next((c for c in word.children if c.lower_ == "of" and c.dep_ == "prep"), None)
    if of is not None:
        objects = [c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if not objects:
            return None
        return _noun_phrase(_owned_after_title(objects[0], objects[1:]), word)
    period = word.head
    if word.dep_ == "compound" and _PERIOD_OVER_PERIOD.match(text_of(word.doc), period.idx):
        # "energy prices climbed 1.5% month over month": the periods say what the change is
        # against, and the share is of what the verb is said of, as "climbed 1.5%" is
        word = period
    elif word.dep_ in ("compound", "amod", "nmod") and word.head.pos_ == "NOUN":
        return _noun_phrase(word.head, word)
    owner = next((c for c in word.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PROPN":
        return _noun_phrase(owner, word)  # "to Sanders' 35.8%": the share is Sanders's
    if owner is not None and owner.pos_ == "PRON":
        return None  # "51 percent to her 35 percent": whose, not what of
    adjective = word.head
    if word.dep_ == "npadvmod" and adjective.pos_ == "ADJ" and adjective.i > word.i:
        noun = adjective.head
        if adjective.dep_ == "amod" and noun.pos_ == "NOUN" and noun.i > adjective.i:
            return _noun_phrase(noun, word)  # "a 30 percent effective tax rate"
        if adjective.tag_ in ("JJR", "RBR") and adjective.lower_ not in _COMPARED_AMOUNTS:
            # "The S&P 500 was 2% higher": a change of what the verb is said of
            verb = adjective.head
            subjects = [c for c in verb.children if c.dep_ in _SHARE_SUBJECTS]
            if verb.pos_ in ("VERB", "AUX") and subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(subjects[0], word)
            return None
        if adjective.lower_ not in _COMPARED_AMOUNTS:
            return adjective.text  # the degree of an adjective: "90% effective", "72% white"
    # "a fresh five-decade low of 3.5%": the share is the noun's, and the noun the verb's
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.pos_ in ("NOUN", "ADJ"):
        word = word.head.head
    if word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.head.pos_ in ("VERB", "AUX"):
        verb = word.head.head
    elif word.dep_ in _SHARE_OF_VERB and word.head.pos_ in ("VERB", "AUX"):
        verb = word.head
    else:
        return None
    if verb.lemma_.lower() == "have":
        return None  # "the Trump campaign has 25 percent": whose share, not what of
    # the other share of a pair is no object of this one ("won 59.5% of the vote to ... 35.8%")
    objects = [
        c for c in verb.children if c.dep_ == "dobj" and c.i != word.i and not _a_share_word(c)
    ]
    subjects = [c for c in verb.children if c.dep_ in _SHARE_SUBJECTS]
    rival = objects[0] if objects and objects[0].pos_ == "PROPN" else None
    if rival is None:
        # "Clinton led Trump 47 percent to 39 percent": the parse may hang the rival on the
        # first share, the verb's object
        rival = next(
            (
                g
                for share in verb.children
                if share.dep_ == "dobj" and _a_share_word(share)
                for g in share.children
                if g.dep_ in ("nmod", "compound") and g.pos_ == "PROPN" and g.i < share.i
            ),
            None,
        )
    after_to = item.tokens.start > 0 and word.doc[item.tokens.start - 1].lower_ == "to"
    contest = verb.lemma_.lower() in _CONTEST_VERBS and not any(
        c.dep_ == "prt" for c in verb.children
    )  # "edged up its forecast ... to 4.2 percent" is a change
    if contest and (rival is not None or after_to):
        # "Biden led Sanders with 59.5% to 35.8%", "would beat Trump 46 to 40 percent": the
        # first share the leader's, the one after "to" the other's
        if after_to:
            return _noun_phrase(rival, word) if rival is not None else None
        leader = subjects[0] if subjects and subjects[0].pos_ == "PROPN" else None
        return _noun_phrase(leader, word) if leader is not None else None
    for noun in (*objects, *subjects):
        if noun.pos_ in ("NOUN", "PROPN") and not noun.like_num:
            return _noun_phrase(noun, word)
    return None


def _owned_after_title(noun: Token, others: Sequence[Token]) -> Token:
    """The noun a title's holder owns right after the title, where the parse made the title
    the object and the owned noun another object or its apposition: "35 percent of presumptive
    nominee Joe Biden's campaign" is of the campaign."""
    for owned in (*others, *noun.children):
        if owned.dep_ in ("pobj", "appos") and any(
            c.dep_ == "poss" and c.left_edge.i == noun.i + 1 for c in owned.children
        ):
            return owned
    return noun


# Nouns that measure an amount instead of saying what it is: "a total of $675,000", "a low of
# $1 billion", "in excess of $80,000", "three-quarters of the $59 million"; what the money is
# lies further out, if anywhere ("net worth dropped to a low of $1 billion").
AMOUNT_MEASURES = frozenset(
    {"total", "sum", "amount", "excess", "range", "low", "high", "half", "quarter", "third",
     "three-quarters", "two-thirds", "equivalent", "mark", "value", "level", "target", "chunk",
     "fraction", "portion", "share", "tune", "upwards", "maximum", "minimum", "average"}
)  # fmt: skip
# A rate written between an amount and its noun: "$12-an-hour workers", "$6,000 GNP/capita",
# "a $400-million-a-year business": the noun is what is paid or earned at that rate.
_RATE_BETWEEN = re.compile(r"\b(?:an?|per)\b|/", re.IGNORECASE)


def _money_of(item: _Item) -> str | None:
    """What a sum of money is, in the text's words: the noun it qualifies ("a $1.3 trillion
    package"), the noun it is "of" ("revenue of $2 billion", "a loss of $3 million"), or the
    subject of a verb that gives its level ("net income slipped 5% to $141.9 million", "sales
    totaled $3 billion", "the cost is $5 million"). Not the subject of any other verb: "the
    company paid $3 million" says who paid, not what the money is."""
    if not item.number.currency:
        return None
    word = item.tokens.root
    doc = word.doc
    head = word.head
    if word.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN":
        if head.i < word.i or _RATE_BETWEEN.search(text_of(doc)[item.end : head.idx]):
            return None
        if head.lower_ == "worth":  # "$3 million worth of new ads"
            return _of_object(head, word)
        return _what_money(head, word, item)
    spent = _spent_on(word)
    if spent is not None:  # "$45 billion in rental assistance"
        return _what_money(spent, word, item)
    for _ in range(2):  # "dropped to a low of about $1 billion": past the measure
        if word.dep_ == "pobj" and head.lower_ in _OF_AMOUNT and head.head.pos_ == "NOUN":
            if head.head.lemma_.lower() not in AMOUNT_MEASURES:
                return _what_money(_bound_noun(head), word, item)
            word = head.head
            head = word.head
    if (
        word.dep_ == "pobj"
        and (head.lower_ in LEVEL_PREPOSITIONS or head.lower_ == "from")
        and head.head.lemma_ in LEVEL_VERBS
    ):
        verb = head.head  # also the level it changed from: "... from $90.5 million"
    elif word.dep_ in ("dobj", "attr") and head.lemma_ in AMOUNT_VERBS | {"be"}:
        verb = head
    else:
        return None
    # what a verb of change raised or cut, when it has an object: "The agency increased the
    # cost of online applications from $640 to $1,160" (the agency is who raised it)
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i < word.i]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    nouns = objects or subjects
    return _what_money(nouns[0], word, item) if nouns else None


# Prepositions between a noun and the sum it has: "revenue of $2 billion", "earnings beyond $10
# million", "incomes over $250,000"
_OF_AMOUNT = frozenset({"of", "beyond", "above", "over", "under", "below"})
_WHERE_TRADED = frozenset({"trading", "trade", "session", "market"})


def _bound_noun(prep: Token) -> Token:
    """The noun a sum bounds: the one the parse hung "above" or "over" on, or the noun right
    before the preposition when the parse hung it further back ("a 52% tax rate on incomes
    above $29,000" bounds the incomes)."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    if prep.lower_ != "of" and before is not None and before.pos_ == "NOUN":
        return before
    return prep.head


def _spent_on(amount: Token) -> Token | None:
    """The bare noun after "in" that says what a sum is in: "$45 billion in rental assistance",
    "$1 million in loans"; not a time, a place or a thing with a determiner ("$5 million in
    2020", "in Texas", "in the bank")."""
    prep = next((c for c in amount.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    if prep is None:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if (
        noun is None
        or noun.pos_ != "NOUN"
        or noun.ent_type_
        or noun.lemma_.lower() in TIME_UNITS | _WHERE_TRADED
        or any(c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" for c in noun.children)
    ):
        return None  # nor where it was traded: "closed at $30.25 in composite trading"
    return noun


def _what_money(noun: Token, amount: Token, item: _Item) -> str | None:
    """The noun's phrase, unless the noun only measures the amount or names its currency."""
    lemma = noun.lemma_.lower()
    if lemma in AMOUNT_MEASURES or lemma == item.unit or is_share(lemma) or not noun.is_alpha:
        return None
    return _noun_phrase(noun, amount)


def _of_object(noun: Token, amount: Token) -> str | None:
    objects = [
        c
        for of in noun.children
        if of.lower_ == "of"
        for c in of.children
        if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")
    ]
    return _noun_phrase(objects[0], amount) if objects else None


# Words after "a year", "a week" that make it a time, not a rate: "a year earlier", "a week ago"
_TIME_AFTER = frozenset({"earlier", "ago", "before", "later", "after", "since"})


def _with_rate(thing: str | None, item: _Item) -> str | None:
    """What a number counts, with the rate written after it: "$1.35 a share", "16 pence a
    share", "300 people a day", "$42.46 a barrel" of Brent crude ("Brent crude, a barrel"); a
    sum alone would read as the whole amount. Not after a percentage ("rose 3% a year")."""
    if item.number.percent:
        return thing
    doc = item.tokens.doc
    j = item.tokens.end
    if item.unit_token is not None and item.unit_token.i == j:
        j += 1  # "16 pence a share": after the counted noun
    if j + 3 < len(doc) and doc[j].tag_ == "HYPH" and doc[j + 2].tag_ == "HYPH":
        # "a $32-a-share tender offer": the rate written into a modifier
        j, hyphened = j + 1, True
    else:
        hyphened = False
    if j + 1 >= len(doc) or doc[j].lower_ not in RATE_WORDS:
        return thing
    noun = doc[j + 2] if hyphened else doc[j + 1]
    after = doc[j + 2] if j + 2 < len(doc) and not hyphened else None
    if noun.pos_ != "NOUN" or (
        after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in _TIME_AFTER)
    ):
        return thing  # "$388.5 million a year earlier" is no rate
    rate = f"{doc[j].lower_} {noun.lower_}"
    if thing is None:
        return rate
    return f"{thing} {rate}" if item.unit_token is not None else f"{thing}, {rate}"


def _a_share_word(token: Token) -> bool:
    """A percent sign or word, a number of percent or of points: another share, or the
    change of one ("dropped eight percentage points to 14 percent")."""
    return token.ent_type_ == "PERCENT" or unit_lemma(token) in ("percent", "point")


_TIME_BEFORE = frozenset({"last", "next", "this", "past", "previous"})


def _a_time_run_in(tok: Token) -> bool:
    """A time the parse ran into a noun as its modifier: "Last year premiums went up by 7.5
    percent" (the premiums, last year)."""
    return tok.lemma_.lower() in TIME_UNITS and any(
        c.lower_ in _TIME_BEFORE for c in tok.children if c.i < tok.i
    )


def _noun_phrase(noun: Token, share: Token) -> str:
    """A noun with the modifiers written before it ("jobless rate"), without determiners,
    possessives or the share itself, and a short "of" phrase after it ("shares of Tarn Corp")."""
    doc = noun.doc
    start = noun.i
    while start - 1 >= noun.sent.start and start - 1 != share.i:
        tok = doc[start - 1]
        if tok.head.i != noun.i and not (start <= tok.head.i < noun.i):
            break
        # the hyphen inside a modifier: "full-time staff"
        hyphen = (
            tok.text in ("-", "–")
            and start - 2 >= noun.sent.start
            and not tok.whitespace_
            and not doc[start - 2].whitespace_
        )
        if not hyphen and (tok.dep_ not in ("compound", "amod", "nmod") or not tok.is_alpha):
            break
        if _a_time_run_in(tok):
            break
        start -= 1
    if doc[start].text in ("-", "–"):
        start -= 1  # the whole hyphened modifier: "technology-heavy Nasdaq Composite"
    end = _past_the_count(noun)
    of = doc[end] if end < noun.sent.end else None
    if of is not None and of.lower_ == "of" and of.head.i == noun.i:
        objects = [c for c in of.children if c.dep_ == "pobj"]
        phrase = doc[of.i + 1 : objects[0].i + 1] if objects else None
        if phrase is not None and len(phrase) <= 3 and all(t.is_alpha for t in phrase):
            end = objects[0].i + 1
    words = doc[start:end].text
    first = doc[start]
    # a common noun capitalised as a sentence's first word: "Inflation was 2.1 percent"
    if first.is_sent_start and first.is_title and not first.ent_type_:
        words = words[:1].lower() + words[1:]
    return words


def _number_of(item: _Item, sent: Span) -> Token | None:
    """ "The number of North Korean soldiers ... is around 12,000": the noun after "number of"."""
    root = item.tokens.root
    if root.dep_ not in {"attr", "pobj", "dobj", "acomp", "npadvmod", "oprd", "ROOT", "appos"}:
        return None
    verb = root.head if root.dep_ != "pobj" else root.head.head
    # a clause whose subject is another noun counts that: "the smallest number of people to
    # apply ... since 2020, and the first time claims have dipped below 300,000"
    other_subject = any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} for c in verb.children
    )
    for tok in sent:
        if tok.lemma_ in COUNT_NOUNS and tok.i < item.tokens.start:
            if other_subject and tok.head.i != verb.i:
                continue
            for of in tok.children:
                if of.lower_ == "of":
                    objects = [c for c in of.children if c.dep_ == "pobj"]
                    if objects and objects[0].pos_ in {"NOUN", "PROPN"}:
                        return objects[0]
    # "The air quality index is 218": the subject of the copula, when it is a noun.
    if verb.lemma_ == "be":
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        if subjects and subjects[0].lemma_ not in COUNT_NOUNS and not _owner_alone(subjects[0]):
            return subjects[0]
    return None


def _owner_alone(noun: Token) -> bool:
    """A subject that is an owner whose noun is left out: "Clinton's count was 699.57. Sanders’
    was 695.49" (the parse reads the name as a plural noun); what it counts is not the owner."""
    doc = noun.doc
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return after is not None and after.lower_ in POSSESSIVE_ENDINGS and not noun.whitespace_


# Verbs that say what amount their subject came to: "claims totaled 419,000", "the death toll
# nearing 225,000"
AMOUNT_VERBS = frozenset(
    {"total", "reach", "top", "exceed", "surpass", "number", "near", "approach", "hit", "cross",
     "pass"}
)  # fmt: skip
# Verbs of change whose phrase of ``LEVEL_PREPOSITIONS`` gives the amount reached: "claims rose
# to 419,000"
LEVEL_VERBS = frozenset(
    {"rise", "climb", "jump", "fall", "drop", "increase", "grow", "stand", "decrease",
     "decline", "surge", "soar", "plunge", "slip", "edge", "slide", "sink", "tumble", "dip",
     "swell", "shrink", "close", "end", "finish", "settle"}
)  # fmt: skip
# The prepositions that give the level a verb of change reached: "rose to 419,000", "stood at
# 50", "fell below one million", "climbed past $1 billion"
LEVEL_PREPOSITIONS = frozenset({"to", "at", "below", "above", "under", "over", "past"})
# Plural nouns whose amount is a level, not a count of them: "temperatures reached 40"
LEVEL_NOUNS = frozenset(
    {"temperature", "price", "rate", "yield", "level", "score", "rating", "odd", "stock",
     "share", "index", "market", "cost", "wage", "salary", "sale", "earning", "profit",
     "revenue", "value", "reading", "poll", "number", "figure"}
)  # fmt: skip


def _amount_subject(item: _Item) -> Token | None:
    """ "Initial jobless claims totaled 419,000", "the death toll rose to 50": the plural noun
    (or the toll's noun) whose amount the verb gives."""
    root = item.tokens.root
    if root.dep_ == "dobj" and root.head.lemma_ in AMOUNT_VERBS:
        verb = root.head
    elif (
        root.dep_ == "pobj"
        and (root.head.lower_ in LEVEL_PREPOSITIONS or _level_after_change(root))
        and root.head.head.lemma_ in LEVEL_VERBS
    ):
        verb = root.head.head
    else:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ == "NNS" and subject.lemma_.lower() not in LEVEL_NOUNS:
        return subject
    if subject.lemma_ == "toll":
        kinds = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        return kinds[0] if kinds else None
    if subject.tag_ == "NN" and subject.lemma_.lower() in MEASURE_SUBJECTS:
        return subject  # "the four-week average rose to 723,750"
    return None


# Singular nouns whose amount a verb of change gives as a figure of their own: "the four-week
# average rose to 723,750", "the tally climbed to 4,100"
MEASURE_SUBJECTS = frozenset({"average", "median", "total", "tally", "count"})


def _level_after_change(root: Token) -> bool:
    """ "fell by 5,000 to 210,000": the parse may make the change and "to" modifiers of the
    level, the object of "by"; the level is the number after "to"."""
    return root.head.lower_ == "by" and any(
        c.dep_ == "quantmod" and c.lower_ == "to" and c.i < root.i for c in root.children
    )


def _changed_thing(item: _Item) -> Token | None:
    """ "cut its troops from 5,200 to 3,000", "drawing down its forces from 5,200 to 3,000",
    "forces will be cut from 5,200 to 3,000": bare numbers of a change someone makes from one
    amount to another count the plural noun the verb changes (its object, or its passive
    subject). Not a level that changes of itself ("claims fell to 473,000 from 507,000 a week
    earlier"): its starting amount is a count of another week, which figures would set against
    the new one as two answers to one question."""
    root = item.tokens.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("from", "to"):
        return None
    if prep.lower_ == "to" and prep.head.lower_ == "from":
        prep = prep.head
    verb = prep.head
    if verb.dep_ == "prt":
        verb = verb.head  # the parse may hang "to" on the particle: "was revised up to 728,000"
    particle = any(c.dep_ == "prt" for c in verb.children)  # "draw down", "scale back"
    if verb.pos_ != "VERB" or not (verb.lemma_ in CHANGE_VERBS or particle):
        return None
    for dep in ("dobj", "nsubjpass"):
        nouns = [c for c in verb.children if c.dep_ == dep]
        if nouns:
            noun = nouns[0]
            plural = noun.tag_ == "NNS" and noun.lemma_.lower() not in LEVEL_NOUNS
            return noun if plural else None
    return None


def _copula_attribute(item: _Item) -> Token | None:
    """ "Six of the victims were Asian and seven were women": a number on its own as the
    subject of "be" counts the plural noun it is said to be (seven women), not the noun an
    earlier count named."""
    root = item.tokens.root
    doc = root.doc
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        verb = root.head
    elif item.tokens.end < len(doc) and doc[item.tokens.end].lemma_ == "be":
        verb = doc[item.tokens.end]  # the parser may join the number to what comes before
    else:
        return None
    attributes = [c for c in verb.children if c.dep_ == "attr" and c.tag_ == "NNS"]
    return attributes[0] if attributes else None


# --- qualifier --------------------------------------------------------------------------------


def _qualifier(item: _Item, sent: Span) -> str | None:
    doc = sent.doc
    words: list[str] = []
    i = item.tokens.start - 1
    while i >= sent.start and len(words) < 4:
        tok = doc[i]
        if tok.is_punct and tok.text != "~":
            break
        words.insert(0, tok.lower_)
        i -= 1
    # Let an article sit between a qualifier and its number ("past the $1 billion mark",
    # "up to a $250,000 fine").
    skipped = 0
    if words and words[-1] in {"the", "a", "an"}:
        words, skipped = words[:-1], 1
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase not in QUALIFIERS_BEFORE:
                continue
            if phrase == "up to" and _changed_up(item.tokens.start - 3 - skipped, sent):
                continue  # "ticking up to 49%": the level reached, not a bound
            if n == 1:
                # "in the past nine elections": an adjective after a determiner, not a bound.
                word = doc[item.tokens.start - 1 - skipped]
                before = doc[word.i - 1] if word.i > sent.start else None
                # ("the approximately 12,000 troops" keeps its adverb.)
                after_det = before is not None and before.pos_ == "DET"
                if word.lower_ in PREPOSITION_QUALIFIERS and (word.pos_ == "ADJ" or after_det):
                    continue
                # "an increase over the $1.1 trillion proposed": a noun compared with that
                # amount, which the number gives exactly
                compared = skipped and before is not None and before.pos_ == "NOUN"
                if word.lower_ in PREPOSITION_QUALIFIERS and compared:
                    continue
                # "granted under the $2 trillion CARES Act": the preposition is of the name
                # the amount describes, which shares its article; "below the 2 percent that
                # NATO requires": of the amount a clause defines, which the number gives exactly
                root = item.tokens.root
                named = root.head
                if (
                    skipped
                    and word.lower_ in PREPOSITION_QUALIFIERS
                    and (
                        (named.pos_ == "PROPN" and doc[item.tokens.start - 1].head.i == named.i)
                        or any(c.dep_ == "relcl" for c in root.children)
                    )
                ):
                    continue
                # "suing California over three state statutes": what a dispute is about
                near = [before, *list(word.ancestors)[:3]] if before is not None else []
                if word.lower_ == "over" and any(t.lemma_ in DISPUTES for t in near):
                    continue
            return QUALIFIERS_BEFORE[phrase]
    if item.number.plus:
        return "more than"  # "40-plus thousand new cases", "40,000-plus"
    for end in (item.end, item.unit_token.idx + len(item.unit_token) if item.unit_token else None):
        if end is None:
            continue
        following = " ".join(text_of(doc)[end : end + 12].split()[:2]).lower().strip(",.;")
        if following in QUALIFIERS_AFTER:
            return QUALIFIERS_AFTER[following]
    return None


# Words of a dispute or a worry, by lemma ("suing" is "sue", "odds" is "odd"), after which
# "over" gives what it is about, not a bound: "suing California over three state statutes",
# "at odds over two bills".
DISPUTES = frozenset(
    {"sue", "fight", "clash", "argue", "dispute", "battle", "spar", "feud", "quarrel", "split",
     "divide", "wrangle", "disagree", "odd", "row", "tension", "concern", "worry", "anger",
     "outrage", "fury", "controversy", "standoff", "impasse", "lawsuit", "suit"}
)  # fmt: skip


# Verbs that go up to a level themselves ("ticked up to 49%", "inched up to"); "raise up to
# $12.9bn" and "increase up to" bound what is raised.
UP_VERBS = frozenset(
    {"tick", "inch", "creep", "go", "move", "climb", "rise", "jump", "shoot", "edge", "spike",
     "rocket", "surge", "soar", "swell", "revise", "ratchet", "bump", "mark"}
)  # fmt: skip


def _changed_up(i: int, sent: Span) -> bool:
    """The word at ``i``, before "up to", is a verb of change: "ticking up to 49%" reaches a
    level, where "faces up to 20 years" and "could cost up to $5 million" bound one."""
    if i < sent.start:
        return False
    verb = sent.doc[i]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in UP_VERBS


# --- claimant ---------------------------------------------------------------------------------


def _claimant(item: _Item, sent: Span, quotes: Sequence[Quote], people: People) -> str | None:
    containing = [
        q
        for q in quotes
        if q.speaker
        and not (q.speaker.lower() in RELATIVE_PRONOUNS and not q.speaker.isupper())  # not WHO
        and not _hearsay(q)
        and _asserts(q, sent.doc)
        and q.start <= item.start
        and item.end <= q.end
    ]
    if containing:
        quote = min(containing, key=lambda q: q.end - q.start)
        speaker = quote.speaker or ""
        if _speaks_as_a_share(quote, sent.doc):
            return None  # "Seventeen percent of respondents said ..., compared with 10 percent"
        if speaker.lower() in PRONOUNS:
            at = quote.speaker_start if quote.speaker_start is not None else quote.start
            return people.resolve_at(at) or speaker
        return speaker
    source = _reporting_source(item, sent)
    if source is None:
        source = _according_to(item, sent)
    if source is None:
        source = _estimate_owner(item)
    if source is None or _a_share(source):
        return None
    text = _phrase(source)
    if text.lower() in PRONOUNS:
        return people.resolve(source[0])
    # "the company", "the Dallas oil and gas concern" (not "a spokesman for the company")
    whole = len(source) >= 2 and source[0].i == source[-1].left_edge.i
    body = people.body_named(source[-1]) if whole else None
    if body is not None:
        return body  # "the company said"
    first = text.split(" ", 1)
    if len(first) == 2 and first[0].lower() in OWNER_PRONOUNS:
        # "His office" -> "Holcomb's office": name the owner the pronoun stands for.
        owner = people.owner_of(source[0])
        if owner is not None:
            return f"{owner}'s {first[1]}"
    return text or None


def _speaks_as_a_share(quote: Quote, doc: Doc) -> bool:
    """Whether a quote's speaker is written as a share of people ("Seventeen percent of
    respondents said"): a figure of its own, not anyone's claim."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return False
    span = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and _a_share(list(span))


def _a_share(phrase: list[Token]) -> bool:
    """Whether a source phrase is a share of something, which tells no one's figures: "With
    over 90 percent of the vote now counted, the party looks to have won 32 seats"."""
    inside = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
    # ... or a count of people by their number alone ("39 have said they support Sanders",
    # "Nine in 10 voters say"), or a share's number without its sign ("26% say", the parse
    # heading the phrase with "%"); not "one of the former prosecutors", a person
    if not heads:
        return False
    head = heads[0]
    counted = head.like_num and not any(c.lower_ == "of" for c in head.children)
    return head.lower_ in ("percent", "%", "percentage") or counted


def _asserts(quote: Quote, doc: Doc) -> bool:
    """Whether an attribution makes its source the claimant of the figures inside it: a
    quotation in quote marks, "according to", a statement named by a noun ("his comment about
    47 percent"), or a verb that reports, estimates or proposes ("X said", "X sees growth of 1.8
    percent", "X proposed 500 million solar panels"). The quote finder also takes stances and
    actions as attributions ("West Virginia ... supporting Dukakis by five points over Bush in
    1988 as one of only 10 states he won", "More people voted for Trump than for Clinton in two
    states"): their subject did something, and gave none of the figures."""
    if quote.direct or quote.cue_start is None or quote.cue_end is None:
        return True
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if cue is None or len(cue) == 0:
        return True
    head = cue[0]
    if head.lower_ == "according" or head.pos_ in {"NOUN", "PROPN"}:
        return True
    if head.lemma_ == "see" and (
        head.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    ):
        return False  # "The United States has seen more than 250,000 deaths": lived through
    return _reporting(head) or head.lemma_ in CLAIMING_CUES


def _reporting(verb: Token) -> bool:
    """A reporting verb (``REPORTING_VERBS``). "Put" and "peg" report with "at", or with no
    other place to put something ("Initial estimates put the tally ... at 55,000", where the
    parse hangs "at" elsewhere), but not in "put $100 million into the fund", "put up $5
    million", "put the two candidates ahead of their rivals"; "count" not in "count on"; "claim"
    not of lives ("the bombings claimed at least 217 lives")."""
    if claims_lives(verb):
        return False
    if verb.lemma_ in AT_REPORTING_VERBS:
        places = [
            c
            for c in verb.children
            if c.dep_ in ("prep", "prt")
            or (c.dep_ == "advmod" and any(g.dep_ == "prep" for g in c.children))
        ]
        # ... "at" a figure: "put the issue of immigration at the center of this year's
        # campaign" reports nothing, wherever the parse hangs its "at"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        ats = [
            t
            for c in places + objects
            for t in c.subtree
            if t.lower_ == "at" and t.dep_ == "prep"
        ]
        if ats:
            return any(t.like_num for at in ats for t in at.subtree)
        # no place: an "at" the parse hung elsewhere after the verb ("at least" is no place)
        return not places and any(
            t.lower_ == "at" and t.dep_ == "prep" for t in verb.doc[verb.i + 1 : verb.sent.end]
        )
    if verb.lemma_ == "count":
        # counting on someone relies on them: "the bid is counting on the state to put him
        # back in contention with its 125 delegates"
        deps = {(c.dep_, c.lower_) for c in verb.children}
        relied = {("prep", "on"), ("prep", "upon")} & deps
        return not relied or any(dep == "dobj" for dep, _ in deps)
    return verb.lemma_ in REPORTING_VERBS


def _hearsay(quote: Quote) -> bool:
    """An attribution cued by an adverb ("The troops are reportedly training 5,000 recruits"):
    it says that someone unnamed reports the clause, so its subject claims none of its numbers."""
    cue = (quote.cue or "").lower()
    return bool(cue) and " " not in cue and cue.endswith("ly")


def _reporting_source(item: _Item, sent: Span) -> list[Token] | None:
    """The subject of a reporting verb that governs the number ("X said", "said X", "X found")."""
    root = item.tokens.root
    inside = set(range(item.tokens.start, item.tokens.end))
    # 1. A reporting verb among the number's syntactic ancestors, reached through what it
    #    reports (its clause or object), not through an adjunct: in "X wrote the song after
    #    the death of a man who was shot 41 times", X does not claim the 41.
    child = root
    for verb in root.ancestors:
        reported = (
            _reports(child)
            and not (verb.lemma_ in CLAUSE_REPORTING_VERBS and _has_object(verb))
            and not (child.dep_ == "ccomp" and child == cut_clause(verb))
            and not _own_conjunct(child, verb)
        ) or (verb.lemma_ in AT_REPORTING_VERBS and child.dep_ == "prep" and child.lower_ == "at")
        if _reporting(verb) and verb.pos_ in {"VERB", "AUX"} and reported:
            subject = _subject(verb)
            if subject is not None and not inside & {t.i for t in subject}:
                return subject
        child = verb
    # 2. A reporting verb after the number, set off by a comma, that the parse did not connect
    #    to it ("X has sent 12,000 troops, Y said." parsed with "said" as a conjunct). One the
    #    parse does govern it from was read above: through an adjunct it claims nothing ("In
    #    each of the five states, about half of voters say ..."), but for a margin ("By
    #    58%-33%, those surveyed said ...").
    governing = _governing_but_by_margin(root)
    for verb in sent:
        if not _reporting(verb) or verb.pos_ != "VERB" or verb.i in governing:
            continue
        if verb.dep_ not in {"ROOT", "conj"} or verb.i < item.tokens.end:
            continue
        subject = _subject(verb) or _phrase_before(verb, sent)
        if subject is None or inside & {t.i for t in subject}:
            continue
        first = min(verb.i, subject[0].i)
        if first > sent.start and sent.doc[first - 1].text == ",":
            return subject
    return None


def _own_conjunct(child: Token, verb: Token) -> bool:
    """A clause joined to a verb of reporting used for something else, with a subject of its
    own: "The economy added 1.4 million jobs and claims fell below one million" (the economy
    reports no claims)."""
    return (
        child.dep_ == "conj"
        and any(c.dep_ == "nsubj" for c in child.children)
        and (
            not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
            or verb.lemma_ in EXPECTING_VERBS
        )
    )


# Verbs of expecting and holding a view: a clause joined to one by "and", with a subject of its
# own, is the writer's, not more of the view ("Analysts had expected Consolidated to post a
# slim profit, and the company's stock was down 25 cents"; "Democrats insist the tide is
# turning — and the Senate is ... after the deaths of 49 people"), where one joined to a verb
# of saying or finding may go on with what was said or found ("A survey shows a 62%-32%
# divide, and ...: 34% strongly agree").
EXPECTING_VERBS = frozenset(
    {"expect", "anticipate", "forecast", "predict", "project", "hope", "fear", "believe",
     "think", "insist", "argue", "warn"}
)  # fmt: skip


def _governing_but_by_margin(number: Token) -> set[int]:
    """The words a number hangs on, but for one it hangs on through "by" ("By 58%-33%, those
    surveyed said")."""
    out = set()
    child = number
    for ancestor in number.ancestors:
        if not (child.lower_ == "by" and child.dep_ in {"prep", "agent"}):
            out.add(ancestor.i)
        child = ancestor
    return out


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _reports(child: Token) -> bool:
    """Whether a reporting verb's dependent is what it reports: a clause or object, or an
    infinitive or participle hanging off it ("announced plans to give $15 million"), but not
    an adverbial clause with its own conjunction ("as the scenarios failed") or a preposition."""
    if child.dep_ in COMPLEMENT_DEPS:
        return True
    return child.dep_ == "advcl" and not any(c.dep_ == "mark" for c in child.children)


def _subject(verb: Token) -> list[Token] | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.dep_ != "expl":
            if child.dep_ == "nsubjpass":
                if appointed(verb, child):
                    return None  # "No nominee has been confirmed by the Senate": no report
                agents = [c for c in verb.children if c.dep_ == "agent"]
                objects = [o for a in agents for o in a.children if o.dep_ == "pobj"]
                return list(objects[0].subtree) if objects else None
            picked = one_of_a_list(child)  # "Texas and Florida, the last of which reported"
            if picked is not None:
                return list(picked.doc[picked.left_edge.i : picked.i + 1])
            if child.lower_ in RELATIVE_PRONOUNS and not child.text.isupper():
                # "the police department, which reported ...": the noun the clause describes.
                if verb.dep_ == "relcl":
                    return [t for t in verb.head.subtree if t.i < verb.left_edge.i]
                before = (
                    child.i - 1 if child.i and child.doc[child.i - 1].text != "," else child.i - 2
                )
                for chunk in child.doc.noun_chunks:
                    if chunk.end - 1 == before:
                        return list(chunk)
                return None
            return list(child.subtree)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        # "The agency monitored the port and said that ...": coordinated verbs share the first
        # one's subject.
        return _subject(verb.head)
    first = left_conjunct(verb)  # the same, parsed as "said" reporting "monitored"
    return _subject(first) if first is not None else None


def _phrase_before(verb: Token, sent: Span) -> list[Token] | None:
    """The noun phrase between the last comma and a reporting verb (", Ukraine's HUR said")."""
    doc = sent.doc
    i = verb.i - 1
    toks: list[Token] = []
    while i >= sent.start and doc[i].text != ",":
        toks.insert(0, doc[i])
        i -= 1
    if not toks or len(toks) > 12 or i < sent.start:
        return None
    if not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in toks):
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in toks):
        return None
    return toks


def _estimate_owner(item: _Item) -> list[Token] | None:
    """ "its forecast ... to 4.2 percent", "the IMF's estimate ... at 3.1 percent": the owner."""
    for node in [item.tokens.root, *item.tokens.root.ancestors]:
        for noun in [node, *node.children]:
            if noun.lemma_ in ESTIMATE_NOUNS or noun.lower_ in ESTIMATE_NOUNS:
                owners = [c for c in noun.children if c.dep_ == "poss"]
                if not owners:
                    continue
                owner = owners[0]
                if owner.lower_ in PRONOUNS:
                    # "The central bank kept its forecast": "its" is the clause's subject.
                    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
                    if subjects and subjects[0].lower_ not in PRONOUNS:
                        return list(subjects[0].subtree)
                return list(owner.subtree)
        if node.dep_ in {"ROOT", "relcl", "ccomp"}:
            break
    return None


def _according_to(item: _Item, sent: Span) -> list[Token] | None:
    for tok in sent:
        if tok.lower_ == "according":
            nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if nxt is None or nxt.lower_ != "to":
                continue
            objects = [c for c in nxt.children if c.dep_ == "pobj"]
            if objects:
                # "according to data compiled by Johns Hopkins University": the university
                author = finding_author(objects[0])
                source = author or objects[0]
                # "according to a report Wednesday": the report, not its day
                dated = {t.i for c in source.children if a_time_phrase(c) for t in c.subtree}
                phrase = [t for t in source.subtree if t.i not in dated]
                if not {t.i for t in phrase} & set(range(item.tokens.start, item.tokens.end)):
                    return phrase
    return None


def _phrase(tokens: list[Token]) -> str:
    """A source phrase as written, cut before an apposition or relative clause after a comma;
    not at the commas of a city and its state before a noun ("a spokesman for the Menlo Park,
    Calif., company")."""
    out: list[Token] = []
    depth = 0
    in_place = False
    for i, tok in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth -= 1
        elif tok.text == "," and after is not None and _city_and_state(out, after):
            in_place = True
        elif tok.text == "," and in_place and after is not None and _noun_goes_on(after):
            in_place = False
        elif tok.text in {",", "—", "–", "--"} and depth == 0 and out:
            break
        out.append(tok)
    while out and (out[-1].is_punct and out[-1].text != ")"):
        out.pop()
    if not out:
        return ""
    doc = out[0].doc
    return text_of(doc)[out[0].idx : out[-1].idx + len(out[-1].text)]


def _city_and_state(before: list[Token], after: Token) -> bool:
    """Whether a comma parts a place from the state or country after it ("Menlo Park, Calif.")."""
    return bool(before) and before[-1].ent_type_ == "GPE" and after.ent_type_ == "GPE"


def _noun_goes_on(after: Token) -> bool:
    """Whether the words after a place's closing comma go on with the phrase's noun ("...,
    Calif., company"), not a clause or an apposition ("..., Texas, who ...")."""
    return after.is_lower and after.is_alpha and after.lower_ not in RELATIVE_PRONOUNS


# --- date -------------------------------------------------------------------------------------


def _date(
    item: _Item, sent: Span, times: Sequence[TimeMention], published: str | None
) -> str | None:
    """The date of a claim: a time expression of the number's own clause when there is one
    ("10,000 troops by December, including 3,000 sent this month": 3,000 is this month's),
    else the nearest one in the sentence (the date it was said: "..., X said on Tuesday").
    Within a rank, a time in the number's own conjunct, then the nearest, wins. In an article
    without a publication date, a relative date still wins where it is the nearest, and leaves
    the claim undated: in "200 million doses this year and 300 million in the first half of
    2022", 200 million is not 2022's."""
    doc = sent.doc
    own = _own_clauses(item.tokens.root)
    best: tuple[int, bool, int, bool, str | None] | None = None
    times = [tm for tm in times if sent.start_char <= tm.start and tm.end <= sent.end_char]
    in_times = {t.i for t in sent if any(tm.start <= t.idx < tm.end for tm in times)}
    for tm in times:
        if tm.value is None and (published is not None or tm.kind != "DATE"):
            continue  # with a publication date, what stays unplaced refers back ("that year")
        value = tm.value
        if value == "PRESENT_REF":
            value = published
        if value is not None and not re.match(r"\d{4}", value):
            continue
        span = doc.char_span(tm.start, tm.end, alignment_mode="expand")
        rank = OTHER_CLAUSE
        if span is not None and len(span) > 0:
            if _starting_point(span.root, item.tokens.root) or _describes(span.root):
                continue
            if _dates_a_baseline(span, item.tokens.root, in_times):
                continue
            if _in_a_name(span.root):
                continue
            verb = _clause_verb(span.root)
            if _describes_another(verb, item, own) and _YEAR_OR_MONTH.fullmatch(value or ""):
                continue  # "Robey Warshaw, a firm founded in 2014, is advising on a $104 ..."
            rank = own.get(verb.i, OTHER_CLAUSE)
        gap = tm.start - item.end if tm.start >= item.end else item.start - tm.end
        # as near before as after: the time after is the number's ("from $666 billion in
        # fiscal year 2017 to $779 billion in 2018")
        candidate = (rank, _across_and(item, tm, sent), gap, tm.start < item.start, value)
        if best is None or candidate[:4] < best[:4]:
            best = candidate
    return best[4] if best else None


# A year or a month: the time of background ("founded in 2014"). A day in such a clause is more
# often the news itself, whatever the parse hangs it on ("a crowd celebrating Bastille Day on
# Thursday night, killing at least 80 people").
_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")


def _describes_another(verb: Token, item: _Item, own: dict[int, int]) -> bool:
    """Whether a time's clause describes something other than the number and the participants
    of its clause ("Robey Warshaw, a firm founded in 2014, is advising on a $104 billion sale",
    "Madoff, who was arrested in 2008"): when that happened, not when the number holds. The
    clause of a participant dates it ("The ban that passed in 1993 garnered 56 votes", "70% of
    the ads reserved in December"), a finding's its figures ("a poll released Monday found 28
    percent"), and a clause holding the number is its own ("Trump, who in 2012 added two more
    courses")."""
    noun = verb.head
    number = item.tokens.root
    if (
        verb.dep_ not in ("relcl", "acl")
        or verb.i in own
        or noun.lemma_.lower() in FINDING_NOUNS
        or verb.left_edge.i <= number.i <= verb.right_edge.i
    ):
        return False
    if _set_off(verb):
        return True  # "COVID-19, which emerged in China in late 2019, has killed 3.34 million"
    clause = _clause_verb(number)
    participants = {number.i} | {
        c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
    }
    # up from the described noun to a participant, through its phrase only (not an apposition)
    while noun.i not in participants and noun.dep_ in ("pobj", "prep", "compound", "amod"):
        noun = noun.head
    return noun.i not in participants


def _set_off(verb: Token) -> bool:
    """Whether a relative clause is set off by a comma and opens on "which" or "who": it tells
    something more of a noun already named (background), where "The ban that passed in 1993"
    says which ban."""
    first = verb.left_edge
    return (
        verb.dep_ == "relcl"
        and first.lower_ in ("which", "who")
        and first.i > 0
        and verb.doc[first.i - 1].text == ","
    )


def _across_and(item: _Item, tm: TimeMention, sent: Span) -> bool:
    """Whether "and", "or", "but" or a semicolon stands between a number and a time: then the
    time is another conjunct's ("200 million doses this year and 300 million in 2022")."""
    lo, hi = (item.end, tm.start) if tm.start >= item.end else (tm.end, item.start)
    return any((t.dep_ == "cc" or t.text == ";") and lo <= t.idx < hi for t in sent)


# Names that may hold a year: a law's, an event's, a body's or a work's.
NAMED_BY_YEAR = frozenset({"LAW", "EVENT", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"})
# Names of times of the year a year after them dates ("Christmas 2019", "Summer 2021").
_SEASONS_AND_HOLIDAYS = frozenset(
    {"spring", "summer", "fall", "autumn", "winter", "christmas", "easter", "thanksgiving"}
)


def _in_a_name(time: Token) -> bool:
    """Whether a time expression is part of a name: "the Bipartisan Background Checks Act of
    2021" dates no count in its sentence."""
    if time.ent_type_ in NAMED_BY_YEAR:
        return True
    head = time.head
    if (
        time.dep_ == "nummod"
        and head.i == time.i - 1
        and head.pos_ == "PROPN"
        and head.is_title
        and head.lower_.rstrip(".") not in MONTHS
        and head.lower_ not in _SEASONS_AND_HOLIDAYS
    ):
        return True  # a year after a name: "Tokyo 2020 will host ...", "the Russell 2000 index"
    prep = time.head
    return time.dep_ == "pobj" and prep.lower_ == "of" and prep.head.ent_type_ in NAMED_BY_YEAR


def _describes(time: Token) -> bool:
    """Whether a time expression is part of a description of a person or of a name, not when
    a number holds: "possible 2020 Democratic presidential candidate Michael Bloomberg is giving
    $1.8 billion", "The 1776 Commission released a 45-page report"."""
    if time.dep_ not in DESCRIBING_DEPS:
        return False
    if time.head.tag_ in ("NNP", "NNPS") and time.i < time.head.i:
        return True
    noun = time.head
    while True:
        if noun.ent_type_ == "PERSON" or noun.lower_ in PERSON_NOUNS:
            return True
        if noun.dep_ not in ("compound", "appos") or noun.head.pos_ not in ("NOUN", "PROPN"):
            return False
        noun = noun.head


def _starting_point(time: Token, number: Token) -> bool:
    """Whether a time expression is what something is counted from, not when the number
    holds: "the highest number since the agency began keeping track in 2000", "up 40% since
    January", "13,000 troops remain, 18 years after Washington invaded the country in the wake
    of the September 11, 2001 attacks". It hangs on "since", or on "after" or "before" with a
    span of time to it (or its clause is one they open), and the number does not: in "prices
    doubled after 3,000 troops arrived in May", May dates the 3,000."""
    for token in (time, *time.ancestors):
        if _since(token) or any(c.dep_ == "mark" and _since(c) for c in token.children):
            return not (token.i == number.i or token.is_ancestor(number))
    return False


# Words that introduce the figure a number is compared with: "down from $32.3 million",
# "compared with $6.2 million", "against 87 cents".
BASELINE_WORDS = frozenset({"from", "versus", "vs", "vs.", "against"})


def _dates_a_baseline(time: Span, number: Token, time_tokens: set[int]) -> bool:
    """Whether a time expression dates the figure a number is compared with, not the number:
    "net was $7.4 million, or 22 cents a share, down from $32.3 million, or 86 cents a share,
    a year ago", "a 13% increase from last year's $1.55 billion", "a loss of $5.1 million,
    compared with a year-earlier loss of $6.2 million". It hangs on such a comparison, whose
    phrase holds a figure (not a time: "up 19 points from 2012", "from Sept. 14 to
    Thursday"; nor a figure of something else: "emails from the account ... with 275 more"),
    and the number is no figure compared with ("Sanders is up from 37 percent in January and
    Clinton down from 49 percent")."""
    if _compared(number, time_tokens) is not None:
        return False
    baseline = _compared(time.root, time_tokens)
    return baseline is not None and not (
        baseline.i == number.i or baseline.is_ancestor(number)
    )


def _compared(token: Token, time_tokens: set[int]) -> Token | None:
    """The word of a comparison above a token ("from", "compared", "against") whose figure
    the token belongs to, if any."""
    for head in token.ancestors:
        if head.lemma_ == "compare":
            figures = [t for t in head.subtree if t.i not in time_tokens]
        elif head.lower_ in BASELINE_WORDS and (head.lower_ != "from" or _changed_from(head)):
            objects = [c for c in head.children if c.dep_ == "pobj"]
            figures = [
                t
                for o in objects
                for t in (o, *o.children)
                if t.i not in time_tokens and (t is o or t.dep_ in ("nummod", "quantmod"))
            ]
        else:
            continue
        if any(t.like_num or t.tag_ == "$" for t in figures):
            return head
        return None
    return None


def _changed_from(word: Token) -> bool:
    """Whether "from" starts what something changed from: "up from", "down from", "rose ...
    from", "a 13% increase from" (not "5 of those hits were from two players")."""
    head = word.head
    return head.lower_ in ("up", "down", "off") or head.lemma_ in CHANGE_VERBS | CHANGE_NOUNS


def _since(token: Token) -> bool:
    """ "since", or "after" or "before" a span of time ("18 years after", "weeks before")."""
    if token.lower_ == "since":
        return True
    if token.lower_ not in ("after", "before"):
        return False
    spans = (token, token.head) if token.dep_ == "mark" else (token,)
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS for t in spans for c in t.children
    )


def _clause_verb(token: Token) -> Token:
    """The verb whose clause holds ``token`` (the sentence root when none is above it); a
    verb used as a preposition ("including", "following") is not a clause of its own."""
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ == "prep") and token.head.i != token.i:
        token = token.head
    return token


OTHER_CLAUSE = 2  # the rank of a time expression outside the number's clauses


def _own_clauses(number: Token) -> dict[int, int]:
    """The clauses that speak of a number, most specific first (rank 0): those describing what
    it counts ("900 workers who were hired this month"), then the clause it is in."""
    own: dict[int, int] = {}
    for token in (number, number.head):
        own.update((c.i, 0) for c in token.children if c.dep_ in ("relcl", "acl"))
    own.setdefault(_clause_verb(number).i, 1)
    return own
