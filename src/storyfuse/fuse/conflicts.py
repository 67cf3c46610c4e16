"""Conflicts: one question that different articles answer differently.

Three kinds are looked for, each only where the articles clearly speak of the same thing:

- date: the same event dated differently ("signed the treaty on June 19" / "the June 18 pact").
  Two day-precise events of different articles are the same event when the things the dates
  belong to mean the same (embedding cosine of "the treaty" and "the mutual defense pact": the
  verb's object, or the dated noun phrase) and their sentences are related; for statements (said,
  told, announced) the thing is only "who said", so their whole sentences must align instead.
  Sentences that name people, none of them in common, speak of different events. Dates
  more than ``DATE_SPREAD_DAYS`` apart are not read as one event. When one article itself gives
  both dates for such phrases, they are two events, not a conflict; nor is a day given in a list
  or span with another ("on Monday and Tuesday") one date of an event, nor a forecast against a
  report (``Dated.expected``: "to be deployed on Oct. 27" / "arrived on Oct. 23").
- number: differing counts of the same thing. Answers are ``figures`` (a value from one claimant);
  two figures answer the same question when they count the same thing (one unit, a closed
  compound and its head, or words that mean the same as written: "troops" / "soldiers", by
  embedding, ``SAME_UNIT``), their dates fall in
  one window (``figures.DATE_WINDOW_DAYS``) and their sentences say the same about it: the
  sentences with numbers masked are alike (by embedding), or the count is the object or subject
  of one verb with the same places in both ("North Korea has sent 12,000 troops to Russia" /
  "1,500 North Korean troops had been sent to Russia", whatever else the sentences say about
  who confirmed it; with no place after the verb, the places the sentences name: "At least 63
  people were reported killed ... in central Italy" / "A strong earthquake in central Italy
  ..., with reports that as many as 50 people were killed"; "killed", "died" and "left ...
  dead" are one outcome). A figure joins a question when it asks the same as every answer so
  far, and a share or a score ("46 percent", "a 5-point lead") only in a near-paraphrase
  (``SAME_SHARE_QUESTION``): poll sentences read alike whichever poll and whoever holds the
  share; so does a sum of money (``SAME_MONEY_QUESTION``). A difference ("5,000 more", "another
  5.2 million"), a peak or a low, the level a change started from ("up from 7,120") or a
  count of one day ("3,865 deaths on Wednesday, the most in a single day") answers another
  question than a count (a total), and a count of those who tell the story
  ("four U.S. officials familiar with the matter said") answers none, nor does a count of what
  is only planned or possible answer one of what was done ("could soon be vaccinating 1.5
  million a day" / "1.3 million were inoculated on Thursday"), nor a toll one of what people
  did ("left 11 people dead" / "35,000 people have signed"). Values that are compatible
  (equal, overlapping ranges, a bound and a value within it: "at least 1,500" and 3,000, or
  approximate values within ``APPROX_TOLERANCE``) do not conflict, nor do the figures one
  article gives from one party,
  or credits at most one of (it lists counts, it does not disagree with itself), nor one
  party's figures that its reports say changed ("raised to", "rose to", "up from"). Two
  parties one article names disagree only about what one subject did, as written
  (``count_subject``: "North Korea has sent ..."), not each about its own ("it raised").
  Every variant carries its claimant and date: "12,000 (HUR, 2024-10-25)" against "3,000 (United
  States, 2024-10-23)" is shown as such, so the reader sees whether outlets disagree about what one
  party said, or parties disagree with each other. A value several claimants give is one variant
  naming them all ("1,500,000 (HUR / NIS)"): they agree. Figures lists each claimant's number
  whether or not it conflicts.
- who / where: aligned statements (``facts``) that are the same sentence but for one name: each
  names a person (or a place) the other does not, and with those two names taken out the rest of
  the two sentences is nearly word for word the same, and neither writes the other's name
  (a headline's "Biden To Pick ... Miguel Cardona" names both, one of them untagged). Anything
  looser mistakes metonymy ("North Korea" / "Pyongyang") and extra detail for disagreement.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from storyfuse.extract.claims import unit_lemma
from storyfuse.extract.nlp import place_within
from storyfuse.extract.numbers import (
    CURRENCIES,
    MONEY_UNITS,
    NumberMention,
    amount,
    find_numbers,
    is_share,
)
from storyfuse.extract.quotes_marks import find_marked
from storyfuse.extract.quotes_verbs import RELATIVE_PRONOUNS
from storyfuse.extract.times import MONTHS
from storyfuse.fuse.events import Dated, parse_sentence, parse_sentences, planned
from storyfuse.fuse.facts import Alignment
from storyfuse.fuse.figures import DATE_WINDOW_DAYS
from storyfuse.fuse.names import Names
from storyfuse.fuse.timeline import candidate_events, story_events
from storyfuse.fuse.units import StoryArticles, Unit, bounds, parse_day, source_order
from storyfuse.model import Conflict, Figure, Variant

DATE_SPREAD_DAYS = 31
# the dated things ("the treaty" / "the mutual defense pact") mean the same: MiniLM puts near
# synonyms of short noun phrases at 0.5-0.85 and unrelated ones below 0.4. Dates a day or two
# apart are the usual form of a misreported date (time zones, report day for event day), so
# there the things need to be less alike than for dates weeks apart.
SAME_THING = 0.6
SAME_THING_NEAR = 0.5
NEAR_DAYS = 2
# two verbs name one action ("signed" / "inked") at this cosine or above
SAME_ACTION = 0.6
# ... and their sentences are about related matters
RELATED_SENTENCE = 0.35
# for statements (said, told): the whole sentences say the same, and the days are near (one
# statement reported a day apart); statements days apart are statements made again
SAME_STATEMENT_SENTENCE = 0.8
SAME_QUESTION = 0.72
SAME_SHARE_QUESTION = 0.9
# on NeuS (2,759 stories), money conflicts at 0.72: 13, none real (eval/conflicts.py); at 0.85,
# 2 (a whole and its federal share; a sum raised within days and one raised later)
SAME_MONEY_QUESTION = 0.85
# two counted things are one when their words, as written, are this alike (MiniLM cosine, of
# the plural forms where the claims write them): "troops" / "soldiers" 0.89, "workers" /
# "employees" 0.85, "deaths" / "fatalities" 0.83, against "soldiers" / "officers" 0.55,
# "dollars" / "euros" 0.65, "migrants" / "refugees" 0.78, "votes" / "voters" 0.76 (and
# "vehicles" / "cars" 0.88, over); the figures' sentences must still say the same
SAME_UNIT = 0.82
APPROX_TOLERANCE = 0.1
# from here on a value is written in millions, billions or trillions ("$1.2 trillion")
SCALED = 1e6
APPROXIMATE = {
    "nearly",
    "about",
    "around",
    "approximately",
    "some",
    "roughly",
    "almost",
    "close to",
    "an estimated",
    "estimated",
    "more than",
    "over",
}
WHO_WHERE_ALIGNMENT = 0.75
SAME_WORDS_RATIO = 90
ROLE_LABELS = {"PERSON": "who", "GPE": "where", "LOC": "where", "FAC": "where"}


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """The reporting verbs the quote finder knows (say, tell, announce ...)."""
    from storyfuse.extract.quotes import SPEECH_VERBS

    return frozenset(SPEECH_VERBS)


# --- date ------------------------------------------------------------------------------------


def _same_dated_event(story: StoryArticles, a: Dated, b: Dated, speech: frozenset[str]) -> bool:
    """Whether two dated mentions speak of one event (see the module notes)."""
    if a.unit == b.unit or a.expected != b.expected:
        # a forecast and a report ("to be deployed on Oct. 27" / "arrived on Oct. 23") do not
        # answer one question
        return False
    sentences = story.vectors([a.unit.text, b.unit.text])
    sentence_cosine = float(sentences[0] @ sentences[1])
    near = abs((a.day - b.day).days) <= NEAR_DAYS
    if _different_people(a, b):
        return False
    if a.head in speech or b.head in speech or not a.head or not b.head:
        return near and sentence_cosine >= SAME_STATEMENT_SENTENCE
    if a.verbal and b.verbal and a.head != b.head:
        # two things done on two days ("first seen" / "addressed") are two events
        heads = story.vectors([a.head, b.head])
        if float(heads[0] @ heads[1]) < SAME_ACTION:
            return False
    things = story.vectors([a.thing, b.thing])
    threshold = SAME_THING_NEAR if near else SAME_THING
    return float(things[0] @ things[1]) >= threshold and sentence_cosine >= RELATED_SENTENCE


def _different_people(a: Dated, b: Dated) -> bool:
    """Both sentences name people, and not one in common: different actors, different events."""
    pa = {e.text.split()[-1] for e in a.unit.entities if e.label == "PERSON"}
    pb = {e.text.split()[-1] for e in b.unit.entities if e.label == "PERSON"}
    return bool(pa and pb and not pa & pb)


def _dated_differently(events: list[Dated]) -> list[Dated]:
    """The day events that another event dates differently, within ``DATE_SPREAD_DAYS``: only
    their dated things and head words are ever compared (every comparison below is between
    events of a candidate pair or of a group built from such pairs)."""
    return [
        e
        for e in events
        if any(
            o.value != e.value and abs((o.day - e.day).days) <= DATE_SPREAD_DAYS for o in events
        )
    ]


def _day_events(events: list[Dated]) -> list[Dated]:
    return [e for e in events if e.precision == "day" and not _listed(e) and not _as_of(e)]


_AS_OF = re.compile(r"\bas (?:of|at)\s*$", re.IGNORECASE)


def _as_of(event: Dated) -> bool:
    """A day a state held at, no event's date: "As of Wednesday, Clinton had 2,205 delegates"
    and "As of Wednesday, Clinton had 90% of the delegates needed", a week apart, are two
    counts, not two dates of one thing."""
    at = event.unit.text.find(event.mention)
    return at >= 0 and bool(_AS_OF.search(event.unit.text[:at]))


_LIST_JOINT = r"\s*(?:,|,?\s*and|,?\s*or|to|through|until|-|–)\s*"


def _listed(event: Dated) -> bool:
    """A day given in a list or a span with another ("on Monday and Tuesday", "from May 2 to
    May 5"): the event covers several days, and a report listing other days gives more days, not
    another date for it."""
    if event.end is not None:
        return True  # a span written as one expression: "May 13-22", "Oct. 27-28"
    mine = " ".join(event.mention.split())
    for other in event.unit.times:
        theirs = " ".join(other.text.split())
        if not theirs or theirs == mine or other.value == event.value:
            continue  # "on Monday, June 2" names one day twice
        for first, second in ((mine, theirs), (theirs, mine)):
            if re.search(re.escape(first) + _LIST_JOINT + re.escape(second), event.unit.text):
                return True
    return False


def date_texts(story: StoryArticles) -> list[str]:
    """The texts ``date_conflicts`` compares beyond the dated sentences: things and head words."""
    events = _dated_differently(_day_events(candidate_events(story)))
    return [t for e in events for t in (e.thing, e.head) if t]


def date_conflicts(story: StoryArticles) -> list[Conflict]:
    speech = _speech_verbs()
    events = _day_events(story_events(story))
    # one batch for every text the comparisons below need
    story.vectors(
        [e.unit.text for e in events]
        + [t for e in _dated_differently(events) for t in (e.thing, e.head) if t]
    )

    def same(a: Dated, b: Dated) -> bool:
        return _same_dated_event(story, a, b, speech)

    candidates: list[tuple[Dated, Dated]] = []
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if a.article_id == b.article_id or a.value == b.value:
                continue
            if abs((a.day - b.day).days) > DATE_SPREAD_DAYS:
                continue
            if same(a, b):
                candidates.append((a, b))

    # an article that dates such an event both ways speaks of two events
    def both_in_one(a: Dated, b: Dated) -> bool:
        return any(
            e.article_id == mine.article_id
            and e.value == other.value
            and e.unit != mine.unit
            and same(mine, e)
            for e in events
            for mine, other in ((a, b), (b, a))
        )

    pairs = [(a, b) for a, b in candidates if not both_in_one(a, b)]
    out = []
    for group in _complete_groups(pairs, same):
        # other articles giving one of the conflicting dates for the same event join as support
        for e in events:
            if (
                e not in group
                and any(e.value == g.value and e.article_id != g.article_id for g in group)
                and all(same(e, g) for g in group if g.article_id != e.article_id)
            ):
                group.append(e)
        by_value: dict[str, list[Dated]] = {}
        for e in group:
            by_value.setdefault(e.value, []).append(e)
        if len(by_value) < 2:
            continue
        variants = tuple(
            Variant(
                value=value,
                text=_best(story, items).unit.text,
                sources=source_order([e.article_id for e in items], story.ids),
            )
            for value, items in sorted(by_value.items())
        )
        verbal = [e.phrase for e in group if e.verbal] or [e.phrase for e in group]
        about = "date of: " + max(verbal, key=lambda p: len(p.split()))
        out.append(Conflict(about=about, variants=variants, kind="date"))
    return out


def _complete_groups(
    pairs: list[tuple[Dated, Dated]], same: Callable[[Dated, Dated], bool]
) -> list[list[Dated]]:
    """Groups in which every two events of different articles are the same event."""
    groups: list[list[Dated]] = []
    for a, b in pairs:
        placed = False
        for group in groups:
            members = [x for x in (a, b) if x not in group]
            if len(members) == 2:
                continue
            if all(same(m, g) for m in members for g in group if g.article_id != m.article_id):
                group.extend(members)
                placed = True
                break
        if not placed and not any(a in g and b in g for g in groups):
            groups.append([a, b])
    return groups


def _best(story: StoryArticles, items: list[Dated]) -> Dated:
    return min(items, key=lambda e: (story.ids.index(e.article_id), e.unit.index))


# --- number ----------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d[\d,.]*")


def _masked(text: str) -> str:
    return _DIGITS.sub("N", " ".join(text.split()))


def _approximate(qualifier: str | None) -> bool:
    return any(q.strip().lower() in APPROXIMATE for q in (qualifier or "").split("/"))


# qualifiers that make a figure a bound: "at least 1,500" is right if 12,000 is
LOWER_BOUNDS = {"at least", "more than"}
UPPER_BOUNDS = {"up to", "less than"}


def _bound(f: Figure) -> str | None:
    """ "lower" for "at least 1,500" or "more than 1,500", "upper" for "up to" or "less than";
    None for a value (or when the outlets' qualifiers mix both)."""
    qualifiers = {q.strip().lower() for q in (f.qualifier or "").split("/")}
    lower, upper = bool(qualifiers & LOWER_BOUNDS), bool(qualifiers & UPPER_BOUNDS)
    return "lower" if lower and not upper else "upper" if upper and not lower else None


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can both be right about one quantity. A bound holds a value within
    it ("at least 1,500" and 12,000); two bounds of one kind are two estimates of the bound
    ("up to 1.2 million" / "up to 1.5 million") and compare as values."""
    lo_a, hi_a = a.value, a.value if a.upper is None else a.upper
    lo_b, hi_b = b.value, b.value if b.upper is None else b.upper
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    bound_a, bound_b = _bound(a), _bound(b)
    if bound_a != bound_b:
        for bound, (lo, hi), (other_lo, other_hi) in (
            (bound_a, (lo_a, hi_a), (lo_b, hi_b)),
            (bound_b, (lo_b, hi_b), (lo_a, hi_a)),
        ):
            if bound == "lower" and other_hi >= lo:
                return True
            if bound == "upper" and other_lo <= hi:
                return True
    if _approximate(a.qualifier) or _approximate(b.qualifier):
        big = max(abs(a.value), abs(b.value)) or 1.0
        if abs(a.value - b.value) / big <= APPROX_TOLERANCE:
            return True
    return _rounds_to(a.value, b.value) or _rounds_to(b.value, a.value)


def _precision(value: float) -> tuple[int, float]:
    """How many significant digits a value is written with and the place of its last one,
    counting a million, billion or trillion as the unit they name: "$26.5 million" (3, 100,000),
    "$1 trillion" (1, 1e12), "2,500" (2, 100)."""
    scale = 1.0
    if abs(value) >= SCALED:
        scale = 10.0 ** (3 * int(math.log10(abs(value)) // 3))
    digits = Decimal(repr(value / scale)).normalize().as_tuple()
    exponent = digits.exponent if isinstance(digits.exponent, int) else 0
    return len(digits.digits), 10.0**exponent * scale


def _rounds_to(rounder: float, exact: float) -> bool:
    """Whether ``rounder``, an amount in millions or more written with fewer significant
    digits, is ``exact`` rounded: "$26 million" for $26.5 million, "$1 trillion" for $1.2
    trillion, "$2.3 trillion" for $2.25 trillion. Smaller numbers are written as counted:
    "11,500" and "12,000" troops disagree."""
    if min(abs(rounder), abs(exact)) < SCALED:
        return False
    digits, place = _precision(rounder)
    return digits < _precision(exact)[0] and abs(rounder - exact) <= place / 2 * (1 + 1e-9)


def _dates_close(a: Figure, b: Figure) -> bool:
    da, db = parse_day(a.date), parse_day(b.date)
    return da is None or db is None or abs((da - db).days) <= DATE_WINDOW_DAYS


# Closed compounds and their head count one thing ("3,400 dockworkers" / "2,100 workers"), unless
# the first part makes another measure or relation of it ("kilometer" / "meter", "grandchild").
MIN_HEAD = 4
MIN_MODIFIER = 3
NOT_MODIFIERS = (
    "kilo", "milli", "centi", "deci", "hecto", "mega", "giga", "micro", "nano", "tera",
    "grand", "great",
)  # fmt: skip


def same_thing(a: str, b: str) -> bool:
    """Whether two counted things (claim units) are one: the same word, or a closed compound
    and its head."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    modifier = long[: len(long) - len(short)]
    return (
        len(short) >= MIN_HEAD
        and len(modifier) >= MIN_MODIFIER
        and long.endswith(short)
        and not modifier.startswith(NOT_MODIFIERS)
    )


def figure_texts(story: StoryArticles) -> list[str]:
    """The texts ``number_conflicts`` compares: the sentences, numbers masked, of the claims
    that count a thing another claim of the story also counts (figures of different things are
    never compared; a figure's texts are the sentences of its claims)."""
    claims = [c for a in story.analyses for c in a.claims]
    units = sorted({c.unit for c in claims if c.unit})
    counted = Counter(c.unit for c in claims)
    shared = {u for u in units if counted[u] > 1 or any(u != v and same_thing(u, v) for v in units)}
    return [_masked(c.text) for c in claims if c.unit in shared]


def written_units(story: StoryArticles) -> dict[str, str]:
    """Each unit the story's claims count, as its first claim with the word writes it
    ("soldiers" in "soldiers of North Korea" for "soldier"): the word of the claim's phrase that
    is the unit or begins with all of it but its last letter, a few letters longer ("troops",
    "casualties", "children"); the unit itself when no phrase has one ("people" for "person")."""

    def compute() -> dict[str, str]:
        out: dict[str, str] = {}
        for claim in (c for a in story.analyses for c in a.claims):
            unit = claim.unit
            stem = unit[:-1] if len(unit) > 3 else unit
            words = re.findall(r"[\w'-]+", (claim.thing or "").lower())
            word = next(
                (w for w in words if w == unit or (w.startswith(stem) and len(w) <= len(unit) + 3)),
                None,
            )
            if out.get(unit, unit) == unit:
                out[unit] = word or unit
        return out

    return story.once("written units", compute)


def unit_texts(story: StoryArticles) -> list[str]:
    """The texts ``unit_synonyms`` compares: the written units, when there are two or more."""
    written = written_units(story)
    return sorted(set(written.values())) if len(written) > 1 else []


def unit_synonyms(story: StoryArticles, figures: list[Figure]) -> set[frozenset[str]]:
    """The pairs of different units that count one thing in this story: words alike as written
    (``SAME_UNIT``), or a closed compound and its head (``same_thing``)."""
    known = written_units(story)
    units = sorted({f.unit for f in figures})
    if len(units) < 2:
        return set()
    vectors = story.vectors([known.get(u, u) for u in units])
    similar = vectors @ vectors.T
    return {
        frozenset((units[i], units[j]))
        for i in range(len(units))
        for j in range(i + 1, len(units))
        if same_thing(units[i], units[j]) or similar[i, j] >= SAME_UNIT
    }


def _comparable(a: Figure, b: Figure, synonyms: set[frozenset[str]]) -> bool:
    """Whether two figures could answer one question: the same thing counted (one unit, or
    two in ``synonyms``), in one window of dates, and not read off one sentence (one sentence
    giving two counts of a thing, "10,000 by December, including 3,000 already sent", states a
    whole and a part, or a before and after; never a conflict), and both counts or both
    forecasts (``Figure.expected``). Whether both are counts as such or both sizes of another
    thing (``_glued``) is the caller's second test, made once per figure."""
    return (
        (a.unit == b.unit or frozenset((a.unit, b.unit)) in synonyms)
        and _dates_close(a, b)
        and not _same_sentence(a, b)
        and a.expected == b.expected
    )


def _glued(f: Figure) -> bool:
    """Whether a sentence of the figure writes its count glued to its noun by a hyphen, as the
    size of something else: "a 50-state poll", "a 10-point lead" (the poll's size answers no
    "how many states")."""
    glued = re.compile(rf"\b(?:\d[\d,.]*|[a-z]+)[-–]{re.escape(f.unit)}s?\b", re.IGNORECASE)
    return any(glued.search(t.text) for t in f.texts)


# what follows a count written as a difference: "5,000 more murders than the year before", "a
# million more cases in three weeks", "200 fewer jobs"
_MORE = r"\s+(?:more|fewer|less|additional|extra)\s+(?:[\w-]+\s+){0,2}?"
# or the count itself after "another": "another 5.2 million Americans filed last week"
_ANOTHER = re.compile(r"\b(?:another|an additional|an extra)\s+[$£€]?$", re.IGNORECASE)
# or a gap to another amount: "putting him $2 trillion away from the lowest number", "10 votes
# short of a majority"
_APART = re.compile(r"\s+(?:\w+\s+)?(?:away from|short of|shy of)\b", re.IGNORECASE)


# an approximation and a currency sign between a word and its count: "about $"
_APPROX = r"(?:(?:about|around|nearly|almost|roughly|more than|over)\s+)?[$£€]?"
# what comes before a count given as an extreme: "a peak of 904,000", "a record high of",
# "a low of about 200"
_EXTREME = re.compile(
    rf"\b(?:peak|high|low|record|maximum|minimum)\s+(?:of\s+)?{_APPROX}$", re.IGNORECASE
)
# what comes before a count given as the level a change started from: "up from 7,120",
# "rose from 6,121 incidents in 2016 to 7,314" (with a "to" and a figure after it)
_UP_FROM = re.compile(rf"\b(?:up|down)\s+from\s+{_APPROX}$", re.IGNORECASE)
_FROM = re.compile(rf"\bfrom\s+{_APPROX}$", re.IGNORECASE)
_TO_FIGURE = re.compile(r"[^.;]*?\bto\s+[$£€]?\d")
# a count of one day: "3,865 deaths on Wednesday, the highest number reported in a single day",
# "the daily death toll", "1.3 million shots a day" (not a total: "400,000 deaths since the
# pandemic began")
_ONE_DAY = re.compile(
    r"\b(?:in a single day|in one day|single-day|daily|a day|per day|"
    r"in (?:the )?(?:past |last )?24 hours)\b",
    re.IGNORECASE,
)
# a count of the year so far: "so far this year", "so far in 2019", "year to date", "since the
# start of the year", "in the fiscal year"
_YEAR_TO_DATE = re.compile(
    r"\b(?:so far (?:this|in|in the) (?:\d{4}|(?:fiscal |calendar )?year)|"
    r"year[- ]to[- ]date|since the (?:start|beginning) of (?:the|this) year|"
    r"(?:this|the) (?:fiscal|calendar) year)\b",
    re.IGNORECASE,
)


Written = list[tuple[str, NumberMention]]


def _written_numbers(f: Figure) -> Written:
    """Each sentence of the figure with each number in it, read as the claims read them; the
    sentences must have been parsed (``parse_sentences``)."""
    return [(t.text, m) for t in f.texts for m in find_numbers(parse_sentence(t.text)[:])]


def _extreme(f: Figure, written: Written) -> bool:
    """Whether a sentence of the figure gives its count as a peak or a low ("after reaching a
    peak of 904,000 in January"): that answers how high or low the count went, not how many
    there are ("373,000 last week"). ``written``: the figure's ``_written_numbers``."""
    return any(
        m.value == f.value and _EXTREME.search(text, 0, m.start) is not None
        for text, m in written
    )


def _earlier_level(f: Figure, written: Written) -> bool:
    """Whether a sentence of the figure gives its count as the level a change started from
    ("increased from 6,121 incidents in 2016 to 7,314 in 2019", "up from 7,120"): that answers
    how many there were before, not how many there are."""
    return any(
        m.value == f.value
        and (
            _UP_FROM.search(text, 0, m.start) is not None
            or (_FROM.search(text, 0, m.start) is not None and _TO_FIGURE.match(text, m.end))
        )
        for text, m in written
    )


def _difference(f: Figure, written: Written) -> bool:
    """Whether the figure's sentences count its thing as a difference ("5,000 more murders",
    "$2 trillion away from"): they answer another question than a count itself ("21,570
    homicides"). ``written``: the figure's ``_written_numbers``."""
    more = re.compile(rf"{_MORE}{re.escape(f.unit.lower()[:4])}", re.IGNORECASE)
    return any(
        more.match(text, m.end) is not None
        or (
            m.value == f.value
            and (
                _ANOTHER.search(text, 0, m.start) is not None
                or _APART.match(text, m.end) is not None
            )
        )
        for text, m in written
    )


def _part_of_a_breakdown(f: Figure, written: Written) -> bool:
    """Whether a sentence of the figure gives its count as one part of a breakdown by kind,
    beside another part of another kind ("two counts of murder and one count of manslaughter"):
    it answers how many of that kind, not how many in all ("all three counts")."""
    kind = re.compile(
        rf"\s+(?:[\w-]+\s+){{0,2}}?{re.escape(f.unit.lower())}s?\s+of\s+(\w+)", re.IGNORECASE
    )
    for text, m in written:
        if m.value != f.value or (own := kind.match(text, m.end)) is None:
            continue
        for text2, other in written:
            if text2 != text or other.start == m.start:
                continue
            between = text[min(m.end, other.end) : max(m.start, other.start)]
            part = kind.match(text, other.end)
            if part is not None and part[1].lower() != own[1].lower() and " and " in between:
                return True
    return False


def number_conflicts(story: StoryArticles, figures: list[Figure]) -> list[Conflict]:
    """Figures that answer one question with incompatible values (see the module notes)."""
    synonyms = unit_synonyms(story, figures)
    glued = [_glued(f) for f in figures]
    comparable = {
        (i, j)
        for i in range(len(figures))
        for j in range(i + 1, len(figures))
        if glued[i] == glued[j] and _comparable(figures[i], figures[j], synonyms)
    }
    # only the figures with something to be compared to need their sentences' vectors
    texts = {
        k: [_masked(t.text) for t in figures[k].texts] or [figures[k].unit]
        for k in sorted({k for pair in comparable for k in pair})
    }
    story.vectors([t for ts in texts.values() for t in ts])  # one batch
    vectors = {k: story.vectors(ts) for k, ts in texts.items()}

    # what each count's sentence says was done, on parses made in one batch
    parse_sentences(t.text for k in texts for t in figures[k].texts)
    events = {
        k: {e for t in figures[k].texts if (e := count_event(t.text, figures[k].unit))}
        for k in texts
    }
    subjects = {
        k: {count_subject(t.text, figures[k].unit) for t in figures[k].texts} - {None}
        for k in texts
    }
    outcomes = {
        k: {o for t in figures[k].texts if (o := count_outcome(t.text, figures[k].unit))}
        for k in texts
    }
    # each figure's sentences read for their numbers once, for both questions below
    written = {k: _written_numbers(figures[k]) for k in texts}
    differences = {k: _difference(figures[k], written[k]) for k in texts}
    parts = {k: _part_of_a_breakdown(figures[k], written[k]) for k in texts}
    # a peak or a low, or the level a change started from, answers another question than a
    # count itself ("a peak of 904,000 in January", "up from 7,120")
    extremes = {
        k: _extreme(figures[k], written[k]) or _earlier_level(figures[k], written[k])
        for k in texts
    }
    # a count of one day answers another question than a total ("3,865 deaths on Wednesday,
    # the highest number reported in a single day" / "at least 400,000 deaths")
    one_day = {k: any(_ONE_DAY.search(t.text) for t in figures[k].texts) for k in texts}
    months = {k: _months_named(story, figures[k]) for k in texts}
    to_date = {k: any(_YEAR_TO_DATE.search(t.text) for t in figures[k].texts) for k in texts}
    weeks = {k: _weeks_ended(figures[k]) for k in texts}
    speakers = {
        k: any(count_speakers(t.text, figures[k].unit) for t in figures[k].texts) for k in texts
    }
    # "planned" when every sentence of the figure counts what is only planned or possible,
    # "done" when none does (sentences that differ leave it open)
    mood: dict[int, str | None] = {}
    for k in texts:
        planned_in = {count_planned(t.text, figures[k].unit) for t in figures[k].texts}
        mood[k] = None if len(planned_in) != 1 else "planned" if True in planned_in else "done"

    def same_question(i: int, j: int) -> bool:
        if (min(i, j), max(i, j)) not in comparable:
            return False
        a, b = figures[i], figures[j]
        if differences[i] != differences[j]:
            return False  # a difference and a count answer two questions
        if extremes[i] != extremes[j]:
            return False  # "a peak of 904,000 in January" and "373,000 last week"
        if parts[i] != parts[j]:
            return False  # "two counts of murder and one of manslaughter" / "all three counts"
        if one_day[i] != one_day[j]:
            return False  # a day's count and a total
        if speakers[i] or speakers[j]:
            return False  # how many sources an outlet spoke to is no fact of the story
        if months[i] and months[j] and not months[i] & months[j]:
            return False  # "250,000 jobs in October" and "136,000 in September": two months
        if to_date[i] != to_date[j] and months[j if to_date[i] else i]:
            return False  # "a million arrests so far this year" and "200,000 in July"
        if weeks[i] and weeks[j] and not weeks[i] & weeks[j]:
            return False  # "in the week ended May 1" and "in the week ended May 8": two weeks
        if {mood[i], mood[j]} == {"planned", "done"}:
            return False  # what could or will be done against what was: a goal, not a count
        if _one_voice(a, b) and not compatible(a, b):
            return False  # one article's two counts from one voice count two things
        if _other_outcomes(outcomes[i], outcomes[j]):
            return False  # "left 11 people dead" / "35,000 people have signed": the dead
        # a share or a score ("46 percent") needs near-paraphrases: poll sentences read alike
        # whoever holds the share and whichever poll it is; so do sums of money, which one
        # story gives of many things (a deficit for a month and for four, a package and the
        # checks in it, one year's revenue and the next)
        alike = SAME_QUESTION
        if is_share(a.unit):
            alike = SAME_SHARE_QUESTION
        elif a.unit in MONEY_UNITS:
            alike = SAME_MONEY_QUESTION
        if _one_article(a, b) and not subjects[i] & subjects[j]:
            # two parties one article names answer one question only about one subject: "North
            # Korea has sent 12,000 troops", HUR said, and "North Korea has sent 3,000", the
            # United States said; not two campaigns each saying what "it raised in January", nor
            # "43 percent of all contributions" and "60 percent of Mrs. Clinton's"
            return False
        return float((vectors[i] @ vectors[j].T).max()) >= alike or bool(events[i] & events[j])

    # A figure answers a question when it asks the same as every answer so far, not as one of
    # them: poll shares ("46 percent to 42", "47 percent versus 44") would chain into one.
    questions: list[list[int]] = []
    for i in range(len(figures)):
        question = next((q for q in questions if all(same_question(i, k) for k in q)), None)
        if question is None:
            questions.append([i])
        else:
            question.append(i)
    out = []
    for question in questions:
        answers = [figures[k] for k in sorted(question)]
        if (
            # one voice's two counts never share a question (``same_question``)
            all(compatible(a, b) for a in answers for b in answers)
            or _updated(answers)
        ):
            continue
        # one variant per value, with every claimant who gives it: two parties giving the same
        # number are not in conflict with each other
        # ... and the same value as a floor and as a ceiling is two ("more than 50" / "as many
        # as 50"), as in ``figures``
        same_value: dict[tuple[float, float | None, frozenset[str]], list[Figure]] = {}
        for f in answers:
            same_value.setdefault((f.value, f.upper, bounds(f.qualifier)), []).append(f)
        variants = tuple(_number_variant(fs, story.ids) for fs in same_value.values())
        unit = min((f.unit for f in answers), key=len)  # the head ("worker", not "dockworker")
        asked = "how much" if unit in MONEY_UNITS else "how many"
        about = f"{asked} ({unit}): {_question(answers)}"
        out.append(Conflict(about=about, variants=variants, kind="number"))
    return out


_MONTH_VALUE = re.compile(r"^(?:\d{4}|X{4})-(\d\d)")


def _months_named(story: StoryArticles, figure: Figure) -> set[int]:
    """The months a figure's sentences name, resolved or not ("in September" of an undated
    article): counts for two different months answer two questions, however alike their
    sentences read."""
    texts = {" ".join(t.text.split()) for t in figure.texts}
    out: set[int] = set()
    for unit in story.units:
        if " ".join(unit.text.split()) not in texts:
            continue
        for mention in unit.times:
            m = _MONTH_VALUE.match(mention.value or "")
            if m:
                out.add(int(m.group(1)))
                continue
            words = [w.strip(".,").lower() for w in mention.text.split()]
            out |= {MONTHS[w] for w in words if w in MONTHS and w != "may"}
            if _MAY_DAY.search(mention.text):
                out.add(5)  # "may" is the month only before a day: "the week ended May 8th"
    return out


# a week named by the day it ended, as weekly statistics are: "in the week ended Aug. 29",
# "for the week ending March 27" (a period, not a day that a count was reported on)
_WEEK_ENDED = re.compile(
    r"\bweek (?:that )?end(?:ed|ing|s)(?: on)? (?P<month>[A-Z][a-z]{2,8})\.? "
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
)


def _weeks_ended(figure: Figure) -> set[tuple[int, int]]:
    """The weeks a figure's sentences count, by the month and day each ended on."""
    out = set()
    for text in figure.texts:
        for m in _WEEK_ENDED.finditer(text.text):
            month = MONTHS.get(m["month"].lower())
            if month is not None:
                out.add((month, int(m["day"])))
    return out


_MAY_DAY = re.compile(r"\bMay\s+\d{1,2}(?:st|nd|rd|th)?\b")


# a sentence that reports a figure as changed: "raised to 8 million", "rose to 14", "up from 40"
_CHANGED = re.compile(
    r"\b(?:rose|risen|raised|increased|climbed|jumped|grew|fell|dropped|declined|decreased|"
    r"revised|lowered|reduced|cut)\b(?:\s+\w+){0,3}?\s+to\b|\b(?:up|down)\s+from\b",
    re.IGNORECASE,
)


def _updated(answers: list[Figure]) -> bool:
    """One named party's figure that changed, where the report says it changed ("aid would be
    raised to 8 million crowns" after "5 million crowns"): an update, not a disagreement. Every
    two differing values must have such a sentence between them; figures of different parties
    always stay a conflict."""
    parties = {_party(f.claimant) for f in answers}
    if len(parties) != 1 or "" in parties:
        return False
    return all(
        any(_CHANGED.search(t.text) for f in (a, b) for t in f.texts)
        for a in answers
        for b in answers
        if a is not b and not compatible(a, b)
    )


def _one_voice(a: Figure, b: Figure) -> bool:
    """Two figures that one article gives from one party, or of which it credits at most one:
    the article lists different counts ("33 percent of white, 51 percent of black youths";
    "no one is on pace to get 1,237 delegates," Rubio says, and "with 107 delegates at stake,
    she will win at least 56"), it does not disagree with itself. Other articles giving one of
    the two as well do not make them disagree: "Americans have received 200 million
    vaccinations, double his goal of 100 million" is one article's two counts, however many
    outlets repeat the 200 million. The same figures from two articles only, or from two
    parties an article names, may disagree."""
    return (
        _one_article(a, b)
        and (
            _party(a.claimant) == _party(b.claimant)
            or not _party(a.claimant)
            or not _party(b.claimant)
        )
    )


def _one_article(a: Figure, b: Figure) -> bool:
    """Whether an article gives both figures."""
    return bool(set(a.sources) & set(b.sources))


def _party(claimant: str | None) -> str:
    return " ".join((claimant or "").lower().split())


def _same_sentence(a: Figure, b: Figure) -> bool:
    return any(
        x.text == y.text and set(x.sources) & set(y.sources) for x in a.texts for y in b.texts
    )


def _number_variant(figures: list[Figure], order: list[str]) -> Variant:
    """One value as the figures giving it say it: "1,500,000 (up to; HUR / NIS; 2024-10-25)"."""
    figure = max(figures, key=lambda f: len(f.sources))  # the first of the best supported
    value = amount(figure.value, figure.upper, figure.unit)

    def each(field: str) -> str:
        return " / ".join(dict.fromkeys(getattr(f, field) for f in figures if getattr(f, field)))

    details = [d for d in (each("qualifier"), each("claimant"), each("date")) if d]
    label = f"{value} ({'; '.join(details)})" if details else value
    text = figure.texts[0].text if figure.texts else label
    sources = source_order([a for f in figures for a in f.sources], order)
    return Variant(value=label, text=text, sources=sources)


def _question(figures: list[Figure]) -> str:
    """What is counted, as the best supported figure's sentence says it: "North Korea has sent
    troops to Russia" (the counting verb with its subject and places). The next figure's
    sentence is read when one cannot be read that way ("jewels worth $108 million" hangs the
    amount on no verb); the unit alone when none can."""
    for figure in sorted(figures, key=lambda f: -len(f.sources)):
        for text in figure.texts:
            phrase = count_phrase(text.text, figure.unit)
            if phrase:
                return phrase
    return figures[0].unit


# The signs and codes a sentence writes an amount of money with, by unit ("$" for dollar).
MONEY_SIGNS = {unit: {sign for sign, u in CURRENCIES.items() if u == unit} for unit in MONEY_UNITS}


def _counted(sentence: str, unit: str) -> tuple[Any, Any] | None:
    """The noun a sentence counts (the first naming the unit as claims read it, "people" for
    "person", or its sign: "$") and the word it hangs on, climbing over prepositions."""
    doc = parse_sentence(sentence)
    signs = MONEY_SIGNS.get(unit.lower(), set())
    nouns = [
        t
        for t in doc
        if (t.pos_ in ("NOUN", "PROPN") and unit_lemma(t) == unit.lower()) or t.lower_ in signs
    ]
    if not nouns:
        return None
    # the first that carries a number: "as people slept ..., with reports that as many as 50
    # people were killed" counts the second
    noun = next((t for t in nouns if any(c.like_num for c in t.children)), nouns[0])
    while noun.lower_ in signs and noun.head.like_num and noun.head.i != noun.i:
        noun = noun.head  # "$108 million": the amount is "million", the sign hangs on it
    verb = noun.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    return noun, verb


def count_event(sentence: str, unit: str) -> tuple[str, bool, frozenset[str]] | None:
    """What a sentence says happened to the things it counts: the verb they are the object or
    subject of, whether that is only planned or possible, and the places after it ("has sent
    ... to Russia": ("send", False, {"to russia"})), else the places the sentence names ("A
    powerful earthquake reportedly killed more than 50 people ... in Central Italy": ("kill",
    False, {"@italy"}), with the names a gazetteer knows). What was reported done is what was
    done ("were reported killed"). None when the count hangs on no verb, the verb is a
    statement's ("said"), or it names no place: "killed 12 people" and "killed 40 people" may
    well be two attacks."""
    found = _done_to(sentence, unit)
    if found is None:
        return None
    noun, verb = found
    lemma = _event_lemma(verb)
    places = frozenset(
        f"{child.lower_} {' '.join(t.lemma_.lower() for t in child.subtree if t.i != child.i)}"
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPOSITIONS
    )
    if not places:
        places = _named_places(noun.doc)
    if not places:
        return None
    return lemma, planned(verb), places


def _done_to(sentence: str, unit: str) -> tuple[Any, Any] | None:
    """The noun a sentence counts and the verb saying what was done to it or by it, when it is
    that verb's object or subject and the verb is no statement's; what was reported done is
    what was done ("were reported killed")."""
    found = _counted(sentence, unit)
    if found is None:
        return None
    noun, verb = found
    if verb.pos_ != "VERB" or noun.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return None
    if verb.lemma_.lower() in _speech_verbs():
        done = _reported_done(verb)
        if done is None or noun.dep_ != "nsubjpass":
            return None
        verb = done  # "At least 63 people were reported killed"
    if _event_lemma(verb) in _speech_verbs():
        return None
    return noun, verb


def count_outcome(sentence: str, unit: str) -> str | None:
    """What a sentence says was done to or by the things it counts, as ``count_event`` reads
    it but wherever it happened: "left 11 people dead" kill, "35,000 people have signed"
    sign."""
    found = _done_to(sentence, unit)
    return _event_lemma(found[1]) if found is not None else None


def _reported_done(verb: Any) -> Any:
    """What a reporting verb says was done, or None: "were reported killed": killed."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


# Words of one outcome: "killed 50 people", "50 people died", "left 49 people dead"; "wounded
# dozens", "left dozens injured".
OUTCOMES = {
    "kill": "kill", "die": "kill", "dead": "kill",
    "injure": "injure", "injured": "injure", "wound": "injure", "wounded": "injure",
}  # fmt: skip


def _other_outcomes(a: set[str], b: set[str]) -> bool:
    """Whether two counts' verbs say different things happened to them, one of them an
    outcome (killed, injured): the dead are counted apart from whatever else people did."""
    return bool(a and b and (a | b) & set(OUTCOMES.values()) and not a & b)


def _event_lemma(verb: Any) -> str:
    """A verb's lemma, with the words of one outcome as one ("left 49 people dead": kill)."""
    lemma = verb.lemma_.lower()
    if lemma == "leave":
        states = [c.lemma_.lower() for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp")]
        lemma = next((s for s in states if s in OUTCOMES), lemma)
    return OUTCOMES.get(lemma, lemma)


def _named_places(doc: Any) -> frozenset[str]:
    """The places a sentence names that the gazetteer knows (countries, U.S. states, cities),
    each marked as named rather than written after a preposition: "Central Italy" and "central
    Italy" are {"@italy"}."""
    from storyfuse.extract.nlp import place_names

    known = place_names()
    out = set()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        # the whole name, else its last word ("Central Italy": Italy)
        name = next((w for w in (ent.text, ent[-1].text) if w in known), None)
        if name is not None:
            out.add(f"@{name.lower()}")
    return frozenset(out)


def count_planned(sentence: str, unit: str) -> bool:
    """Whether what a sentence counts is only planned or possible: the verb it hangs on has
    "will", "could", "to" ... ("the nation could soon be vaccinating 1.5 million Americans a
    day", against "1.3 million Americans were inoculated on Thursday")."""
    found = _counted(sentence, unit)
    if found is None:
        return False
    # the clause's verb, however far up the counted phrase hangs ("Data of up to 1.2 million
    # patients may have been stolen")
    noun = found[0]
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and planned(verb)


def count_speakers(sentence: str, unit: str) -> bool:
    """Whether a sentence counts those who tell it: the count is the subject of a reporting
    verb ("four U.S. officials familiar with the matter said", "Three officials told Reuters").
    Two outlets' numbers of sources do not disagree about anything."""
    found = _counted(sentence, unit)
    if found is None:
        return False
    noun, verb = found
    return noun.dep_ == "nsubj" and verb.lemma_.lower() in _speech_verbs()


def count_subject(sentence: str, unit: str) -> str | None:
    """Who or what did what a sentence counts, as written (lower case, numbers left out): the
    subject of the verb the count hangs on ("North Korea has sent 12,000 troops": "north
    korea"), or the counted phrase when it is the subject itself ("43 percent of all
    contributions have come from women": "percent of all contributions"). None for a pronoun
    ("it raised $21 million"), whose party the sentence alone does not name, or no subject."""
    found = _counted(sentence, unit)
    if found is None:
        return None
    noun, verb = found
    if noun.dep_ in ("nsubj", "nsubjpass"):
        # the counted phrase up to its first comma, without the count and its qualifier
        count = {t.i for c in noun.children if c.dep_ == "nummod" for t in c.subtree}
        phrase = []
        for t in noun.subtree:
            if t.text == "," and t.i > noun.i:
                break
            phrase.append(t)
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        count, phrase = set(), _short_phrase(subjects[0])
    words = [t.lower_ for t in phrase if not (t.i in count or t.like_num or t.is_punct)]
    return " ".join(words) or None


def count_phrase(sentence: str, unit: str) -> str | None:
    """The question a count answers, in the sentence's words: who did what to the things
    counted, and where ("North Korea has sent troops to Russia"), without the count."""
    found = _counted(sentence, unit)
    if found is None:
        return None
    noun, verb = found
    # what the things counted are said to have undergone, when they hang on a preposition
    # ("the weekend ended with at least 150 people killed in shootings": "people killed")
    acl = [c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    if noun.dep_ == "ROOT" or verb.pos_ not in ("VERB", "AUX") or (noun.dep_ == "pobj" and acl):
        if not acl:
            return None
        verb, subject = acl[0], []
        tokens = [noun, verb]
    else:
        # a relative pronoun stands for a noun the parse may have hung it on wrongly ("a
        # gunman's rampage on two New Zealand mosques that killed 50 people"): left out
        subject = [
            c
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ not in RELATIVE_PRONOUNS
        ]
        tokens = [t for c in subject for t in _short_phrase(c)]
        tokens += [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
        tokens += [verb, noun]
        # the state the things are left in ("left 12 people dead"), what they are said to be
        # ("$1.5 trillion was the price tag")
        tokens += [c for c in verb.children if c.dep_ in ("oprd", "acomp") and c.i > noun.i]
        if verb.lemma_ == "be":
            tokens += [t for c in verb.children if c.dep_ == "attr" for t in _short_phrase(c)]
        done = _reported_done(verb) if verb.lemma_.lower() in _speech_verbs() else None
        if done is not None:
            tokens.append(done)  # "people were reported killed"
    if unit.lower() in MONEY_UNITS:
        # what the money is ("$13 billion in aid": "aid")
        tokens += [
            t
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "in"
            for c in prep.children
            if c.dep_ == "pobj" and not _not_place(c)
            for t in _short_phrase(c)
        ]
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.i > verb.i
            and child.lower_ in _PLACE_PREPOSITIONS
            # a place, not "in one of the biggest heists", "in less than 15 minutes" or another
            # count ("150 people killed in more than 400 shootings")
            and not any(c.dep_ == "pobj" and _not_place(c, noun) for c in child.children)
        ):
            tokens += list(child.subtree)[:5]
    from storyfuse.fuse.events import join_tokens

    # the count itself is what the question asks ("how many: undersea cables were damaged"); so
    # is an amount with its sign ("how much (dollar): robbers stole from the store")
    counts = {t.i for c in noun.children if c.dep_ == "nummod" for t in c.subtree}
    if unit.lower() in MONEY_UNITS:
        signs = MONEY_SIGNS.get(unit.lower(), set())
        counts |= {t.i for t in noun.subtree if t.like_num or t.i == noun.i or t.lower_ in signs}
    kept = list({t.i: t for t in tokens if not t.is_punct and t.i not in counts}.values())
    return join_tokens(kept) or None


def _not_place(noun: Any, counted: Any = None) -> bool:
    """Whether a preposition's object names no place: a number, a date or amount, or, beside
    the ``counted`` noun, another count ("killed in more than 400 shootings")."""
    if noun.pos_ == "NUM" or noun.ent_type_ in _NOT_PLACES:
        return True
    return counted is not None and noun.i != counted.i and any(c.dep_ == "nummod" for c in noun.children)


_NOT_PLACES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_PLACE_PREPOSITIONS = {"to", "from", "in", "into", "at", "near", "across", "inside"}
SUBJECT_WORDS = 6


def _short_phrase(head: Any) -> list[Any]:
    """A subject as a question can name it: the whole phrase when short, else the head noun with
    the words before it ("three undersea cables", not "three undersea cables between Italy and",
    which a cut after six words gave for "... between Italy and Egypt in the Mediterranean")."""
    phrase = list(head.subtree)
    if len(phrase) <= SUBJECT_WORDS:
        return phrase
    return [t for t in phrase if head.left_edge.i <= t.i <= head.i][-SUBJECT_WORDS:]


# --- who / where -----------------------------------------------------------------------------


def _without(text: str, name: str) -> str:
    return _key(text.replace(name, " "))


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _quoted(text: str, name: str) -> bool:
    """Whether ``name`` is written inside quotation marks in ``text`` (its first mention)."""
    at = text.find(name)
    return at >= 0 and any(m.start <= at < m.end for m in find_marked(text))


def _written(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name``, or the last word of a name of several ("Biden" for
    "Joe Biden"), as a word of its own and with its capitals."""
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in {name, name.split()[-1]})


def role_conflicts(story: StoryArticles, alignment: Alignment, names: Names) -> list[Conflict]:
    out = []
    for group in alignment.groups:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if alignment.similarity[a, b] < WHO_WHERE_ALIGNMENT:
                    continue
                conflict = _swapped_name(alignment.units[a], alignment.units[b], names)
                if conflict is not None:
                    out.append(conflict)
    return out


def _swapped_name(ua: Unit, ub: Unit, names: Names) -> Conflict | None:
    for label, kind in ROLE_LABELS.items():
        in_a = {e.text: names.canonical(e.text) for e in ua.entities if e.label == label}
        in_b = {e.text: names.canonical(e.text) for e in ub.entities if e.label == label}
        only_a = [t for t, c in in_a.items() if c not in in_b.values()]
        only_b = [t for t, c in in_b.items() if c not in in_a.values()]
        if len(only_a) != 1 or len(only_b) != 1:
            continue
        x, y = only_a[0], only_b[0]
        if x.lower() in y.lower() or y.lower() in x.lower():
            continue
        if kind == "where" and (place_within(x, y) or place_within(y, x)):
            continue  # "a bank in Athens" and "a bank in Greece": the city is in the country
        if _written(ub.text, x) or _written(ua.text, y):
            continue  # both name the person, one sentence once more untagged ("Biden To Pick")
        if _quoted(ua.text, x) or _quoted(ub.text, y):
            continue  # a name inside someone's words is what they said, not who did it
        if fuzz.ratio(_without(ua.text, x), _without(ub.text, y)) < SAME_WORDS_RATIO:
            continue
        return Conflict(
            about=f"{kind}: {_without(ua.text, x)}",
            variants=(
                Variant(value=in_a[x] or x, text=ua.text, sources=(ua.article_id,)),
                Variant(value=in_b[y] or y, text=ub.text, sources=(ub.article_id,)),
            ),
            kind=kind,
        )
    return None


def conflicts(
    story: StoryArticles, alignment: Alignment, names: Names, figures: list[Figure]
) -> list[Conflict]:
    return (
        date_conflicts(story)
        + number_conflicts(story, figures)
        + role_conflicts(story, alignment, names)
    )
