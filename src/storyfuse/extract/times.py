"""Time expressions, found by patterns and normalised against the publication date.

Detection and normalisation are separate steps, as in rule-based taggers such as HeidelTime:
ordered patterns find candidate spans (the longest wins where they overlap), then each span is
normalised on its own. Calendar text ("Oct. 24", "Oct, 18, 2024", "March 1999", "yesterday")
is parsed by dateparser with the publication date as ``RELATIVE_BASE``; dateparser's
``search_dates`` on whole sentences misfires, so it is only ever given a detected span.
What dateparser cannot know is decided here: which year a year-less date falls in (the one
nearest the publication date, or the past / future one when the sentence's tense says so),
which week a bare weekday means (the most recent one, unless the sentence speaks of the future),
and the granularity of the value (a day, a month, an ISO week, a year, a quarter).
Expressions that point back ("that year", "the next day", a clock time with no day) count from
the time the text last named, as HeidelTime does for news.

Values follow TIMEX3: ``2024-10-24``, ``2024-10``, ``2024-W43``, ``2024-W43-WE``, ``2024``,
``2024-Q3``, ``2024-SU``, ``199`` (the 1990s), ``2024-10-24T15:00``, ``2024-10-24TMO`` ("this
morning"), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``; durations ``P3D``, ``PT5H``, ``PXY``;
sets ``P1D``, ``XXXX-WXX-4``. "Friday night" is valued as the day, since timelines work in days.
Without a publication date only absolute expressions get a value. Accuracy is measured by
``eval/tempeval.py`` on TempEval-3.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from storyfuse import limits
from storyfuse.extract.regex_prefixes import prefixes
from storyfuse.extract.times_calendar import (
    SEASONS,
    add_months,
    duration_value,
    is_valid_date,
    iso_week,
    number_of,
    parse_span,
    pick_year,
    quarter_of,
    season,
    shifted,
    weekday_date,
)
from storyfuse.extract.times_tense import tense_around, tense_before
from storyfuse.model import TimeMention

# --- vocabulary -----------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SET_ADVERBS = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
}  # fmt: skip
REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF", "in the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
}  # fmt: skip
# TIMEX3 modifiers for the words that open a qualified expression.
MODS = {
    "early": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
    "late": "END", "end": "END", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "under": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS",
}  # fmt: skip
MONTH_LEAD_WORDS = {
    "in", "of", "since", "until", "till", "by", "from", "to", "through", "during", "before",
    "after", "for", "and", "or", "between", "mid", "the", "early", "late", "throughout",
}  # fmt: skip
# What follows a month's name that is an event's: "the March on Washington", "the March for
# Our Lives" (not "the March 3 vote", "the May meeting").
_EVENT_AFTER = re.compile(r"\s+(?:on|for|of|to)\s+[A-Z]")
# --- pattern pieces -------------------------------------------------------------------------

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?i:morning|afternoon|evening|night)"
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred)"
)
_NUM = (
    rf"(?i:\d+(?:\.\d+)?|{_NUMWORD}(?:[- ]{_NUMWORD})*|a couple of|a few|a number of|several|"
    r"few|many|numerous|an?)"
)
_UNIT = (
    r"(?i:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century)"
)
_UNITS = (
    r"(?i:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
)
_QUAL = (
    r"(?i:about|around|roughly|approximately|some|nearly|almost|under|less than|fewer than|"
    r"more than|over|at least|at most|up to|no more than|within|just|only)"
)
_MOD_PREFIX = (
    r"(?P<mod>(?i:early|late|mid)(?:-|\s+)|(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+)"
)
_REL = r"(?i:last|this|next|the\s+coming|the\s+following|the\s+previous|this\s+past)"


@dataclass(frozen=True)
class _Norm:
    value: str | None
    kind: str = "DATE"
    mod: str | None = None
    end_value: str | None = None
    floating: bool = False  # a clock time with no day of its own: it takes the day in focus
    # "that year", "the next day": (unit, shift) from the time the text last named, not from
    # the publication date
    anaphoric: tuple[str, int] | None = None


@dataclass(frozen=True)
class _Context:
    text: str
    anchor: dt.date | None  # the publication date
    tense_here: str | None  # "past" / "future" / None: the tense around the span


_Handler = Callable[[re.Match[str], _Context], _Norm | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    handler: _Handler
    starts_words: bool  # matches only where a word starts (see ``_starts_words``)


_RULES: list[_Rule] = []
# Every pattern is anchored on word boundaries so "Mayor" or "1998s" never match.
_WORD_START = r"(?<![\w$£€#-])"
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _starts_words(pattern: re.Pattern[str]) -> bool:
    """Whether the word-start check that opens a rule's pattern guards all of it: not when the
    pattern is an alternation at its top level, where it guards the first branch only (the
    "set" rule finds "per Tuesday" in "Super Tuesday"). Read with the standard library's own
    regex parser, which is internal to Python: where it is missing, every rule is taken as
    unguarded and scans the text itself (the same matches, more slowly)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        return _parser.parse(pattern.pattern).data[0][0] is _constants.ASSERT_NOT
    except (ImportError, AttributeError, IndexError):
        return False


def _rule(name: str, pattern: str) -> Callable[[_Handler], _Handler]:
    compiled = re.compile(rf"{_WORD_START}{pattern}(?![\w-])")

    def register(handler: _Handler) -> _Handler:
        _RULES.append(_Rule(name, compiled, handler, _starts_words(compiled)))
        return handler

    return register


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    word = re.sub(r"\s+", " ", word.strip(" -").lower())
    word = re.sub(r"^the |( of)$", "", word)
    return MODS.get(word)


# --- rules: absolute dates ------------------------------------------------------------------


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _calendar(span: str, ctx: _Context, month: int, day: int | None, year: int | None) -> str:
    """A calendar date parsed by dateparser, its year chosen when the text leaves it out.

    ``month``, ``day`` and ``year`` are the pattern's reading, the fallback where dateparser
    reads nothing or something else (it can take "May 5" in "May 5,000" apart differently).
    """
    parsed = parse_span(span, ctx.anchor)
    if parsed is not None and parsed[0].month == month and (day is None or parsed[0].day == day):
        month, day = parsed[0].month, parsed[0].day if day is not None else None
        if year is not None:
            year = parsed[0].year
    if year is None:
        if ctx.anchor is None:
            raise _NoValue
        year = pick_year(month, day, ctx.anchor, ctx.tense_here)
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as error:
        raise _NoValue from error


class _NoValue(Exception):
    """The span is a time expression, but it cannot be normalised (no anchor, bad date)."""


@_rule("weekday_date", (
    rf"{_WEEKDAY},?\s+(?P<m>{_MONTH})\s*,?\s*(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
    r"(?!\s*(?:%|percent|:\d|,\d|\.\d))"
))  # fmt: skip
@_rule("range", (
    rf"(?P<m>{_MONTH})\s*(?P<d>{_DAY})\s*(?:-|–|—|to|through|until)\s*(?:(?P<m2>{_MONTH})\s*)?"
    rf"(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
))  # fmt: skip
@_rule("month_day_year", rf"(?P<m>{_MONTH})\s*,?\s*(?P<d>{_DAY})(?:,\s*|\s+)(?P<y>{_YEAR})")
@_rule("day_month_year", rf"(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})")
@_rule("month_day", rf"(?P<m>{_MONTH})\s*,?\s*(?P<d>{_DAY})(?!\s*(?:%|percent|:\d|,\d|\.\d))")
@_rule("day_month", rf"(?:the\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH_FULL})")
def _day_date(match: re.Match[str], ctx: _Context) -> _Norm | None:
    groups = match.groupdict()
    month, day = _month_of(groups["m"]), _day_of(groups["d"])
    year = int(groups["y"]) if groups.get("y") else None
    span = f"{groups['m']} {day}" + (f", {year}" if year else "")
    value = _calendar(span, ctx, month, day, year)
    end_value = None
    if groups.get("d2"):
        month2 = _month_of(groups["m2"]) if groups.get("m2") else month
        year2 = int(value[:4]) + (1 if month2 < month else 0)
        try:
            end_value = dt.date(year2, month2, _day_of(groups["d2"])).isoformat()
        except ValueError:
            end_value = None
        if end_value is not None and end_value < value:
            end_value = None
    return _Norm(value, end_value=end_value)


@_rule("iso_date", r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])")
def _iso_date(match: re.Match[str], ctx: _Context) -> _Norm | None:
    try:  # "2024-02-30" looks like a date but is none
        return _Norm(dt.date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat())
    except ValueError:
        return None


@_rule(
    "numeric_date", r"(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d|\d\d)"
)
def _numeric_date(match: re.Match[str], ctx: _Context) -> _Norm | None:
    parsed = parse_span(match.group(0), None)  # dateparser settles the month/day order
    return _Norm(parsed[0].isoformat()) if parsed else None


@_rule(
    "month_rel_year", rf"{_MOD_PREFIX}?(?P<m>{_MONTH_FULL})\s+(?P<rel>(?i:this|last|next))\s+year"
)
def _month_rel_year(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
    return _Norm(f"{year:04d}-{_month_of(match['m']):02d}", mod=_mod(match["mod"]))


@_rule("month_year", rf"{_MOD_PREFIX}?(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})")
@_rule(
    "month",
    rf"{_MOD_PREFIX}?(?:(?P<rel>(?i:last|next|this|the\s+previous|this\s+past))\s+)?"
    rf"(?P<m>{_MONTH_FULL})",
)
def _month(match: re.Match[str], ctx: _Context) -> _Norm | None:
    groups = match.groupdict()
    name = groups["m"]
    if not groups.get("y") and not groups.get("mod") and not groups.get("rel"):
        before = ctx.text[max(0, match.start() - 12) : match.start()].split()
        previous = before[-1].lower() if before else ""
        # A bare month name is a month only after a preposition or an article: "in May",
        # "the October vote", not "Theresa May" or "they march".
        if previous not in MONTH_LEAD_WORDS:
            return None
        # "the March on Washington", "the March for Our Lives": an event's name
        if previous == "the" and _EVENT_AFTER.match(ctx.text, match.end()):
            return None
    month = _month_of(name)
    mod = _mod(groups.get("mod"))
    if groups.get("y"):
        return _Norm(f"{int(groups['y']):04d}-{month:02d}", mod=mod)
    if ctx.anchor is None:
        raise _NoValue
    rel = (groups.get("rel") or "").lower().split()[-1:] or [None]
    tense = {"last": "past", "previous": "past", "past": "past", "next": "future"}.get(
        rel[0] or "", ctx.tense_here
    )
    year = pick_year(month, None, ctx.anchor, tense)
    if rel[0] in ("last", "previous", "past"):
        # "last May" is the latest May before last month: the month just gone is "last month"
        year = ctx.anchor.year
        while year * 12 + month > ctx.anchor.year * 12 + ctx.anchor.month - 2:
            year -= 1
    return _Norm(f"{year:04d}-{month:02d}", mod=mod)


@_rule(
    "year",
    rf"{_MOD_PREFIX}?(?:(?i:fiscal|calendar|the\s+year)\s+|(?P<prepost>(?i:pre|"
    rf"post))-)?(?P<y>{_YEAR})(?:(?:-|–|/)(?P<y2>\d\d(?:\d\d)?))?(?!\s*(?:%|"
    r"percent))",
)
def _year(match: re.Match[str], ctx: _Context) -> _Norm | None:
    before = ctx.text[max(0, match.start() - 10) : match.start()]
    after = ctx.text[match.end() : match.end() + 12]
    # Counts and codes that look like years: "No. 1990", "1,998", "2000 troops" is left in
    # (news style writes counts over 999 with a comma), "1998.5", "1998 to 2000 people".
    if re.search(r"(?:No\.\s*|#\s*|\d[,.])$", before) or re.match(r"[.,]\d", after):
        return None
    # A year decades ahead is a count or a score ("a total score of 2072") unless a preposition
    # of time puts it there ("by 2070", "in 2050"); years long past are named bare ("the 1968
    # Olympics")
    if (
        ctx.anchor is not None
        and not match["prepost"]
        and int(match["y"]) - ctx.anchor.year > FAR_YEARS
        and not re.search(r"\b(?:in|by|until|till|before|after|since|from|to|through)\s+$", before)
    ):
        return None
    mod = {"pre": "BEFORE", "post": "AFTER"}.get((match["prepost"] or "").lower())
    return _Norm(match["y"], mod=mod or _mod(match.groupdict().get("mod")))


FAR_YEARS = 30


@_rule("decade", rf"(?:(?i:the)\s+)?{_MOD_PREFIX}?(?P<y>(?:1[6-9]|20)\d0)'?s")
@_rule("decade_short", rf"(?:(?i:the)\s+)?{_MOD_PREFIX}?['‘’](?P<y>\d0)s")
def _decade(match: re.Match[str], ctx: _Context) -> _Norm | None:
    digits = match["y"]
    if len(digits) == 2:  # '90s: the century nearest the anchor, or the 20th
        century = 19 if ctx.anchor is None or int(digits) > ctx.anchor.year % 100 else 20
        digits = f"{century}{digits}"
    return _Norm(digits[:3], mod=_mod(match.groupdict().get("mod")))


@_rule("century", r"(?:(?i:the)\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+(?i:century)")
def _century(match: re.Match[str], ctx: _Context) -> _Norm | None:
    return _Norm(f"{int(match['n']) - 1:02d}")  # the 20th century is "19"


@_rule(
    "holiday",
    r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|"
    r"Eve))?|Thanksgiving(?:\s+Day)?|Independence\s+Day|Labor\s+Day|"
    r"Memorial\s+Day|Election\s+Day|Valentine's\s+Day|Halloween)",
)
def _holiday(match: re.Match[str], ctx: _Context) -> _Norm | None:
    name = re.sub(r"\s+", " ", match["h"])
    if ctx.anchor is None:
        raise _NoValue
    fixed = {
        "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
        "New Year's": (1, 1), "New Year's Day": (1, 1), "New Year's Eve": (12, 31),
        "Independence Day": (7, 4), "Valentine's Day": (2, 14), "Halloween": (10, 31),
    }  # fmt: skip
    if name in fixed:
        month, day = fixed[name]
        year = pick_year(month, day, ctx.anchor, ctx.tense_here)
        return _Norm(dt.date(year, month, day).isoformat())
    # Floating holidays: the nth (or last) weekday of a month.
    month, weekday, nth = {"Thanksgiving": (11, 3, 4), "Thanksgiving Day": (11, 3, 4),
                           "Labor Day": (9, 0, 1), "Memorial Day": (5, 0, -1),
                           "Election Day": (11, 0, 1)}[name]  # fmt: skip
    year = pick_year(month, 15, ctx.anchor, ctx.tense_here)
    days = [dt.date(year, month, d) for d in range(1, 32) if is_valid_date(year, month, d)]
    when = [d for d in days if d.weekday() == weekday][nth - 1 if nth > 0 else -1]
    if name == "Election Day":  # the Tuesday after the first Monday of November
        when += dt.timedelta(days=1)
    return _Norm(when.isoformat())


# --- rules: dates relative to the publication date ------------------------------------------


# A noun's "of" just before "tomorrow": "the cars of tomorrow".
_OF_TOMORROW = re.compile(r"[a-z]\s+of\s+$")


@_rule(
    "deictic",
    r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    rf"yesterday|today|tomorrow|tonight))(?:\s+(?P<part>{_PART}))?",
)
def _deictic(match: re.Match[str], ctx: _Context) -> _Norm | None:
    word = re.sub(r"\s+", " ", match["w"].lower())
    if word == "today" and match["w"][0] == "T" and _after_name(ctx.text, match.start()):
        return None  # a title such as "USA Today"
    if word == "tomorrow" and _OF_TOMORROW.search(ctx.text[max(0, match.start() - 40) : match.start()]) and not (
        ctx.text.startswith(("'s", "’s"), match.end())
    ):
        return None  # the future in general: "the people of tomorrow" (not "tomorrow's game")
    if ctx.anchor is None:
        raise _NoValue
    shift = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0,
             "tomorrow": 1, "the day after tomorrow": 2}[word]  # fmt: skip
    parsed = parse_span(word, ctx.anchor) if word in ("yesterday", "today", "tomorrow") else None
    day = parsed[0] if parsed else ctx.anchor + dt.timedelta(days=shift)
    # "yesterday morning", "tonight": news dates the event by its day, as TimeBank's gold does.
    return _Norm(day.isoformat())


@_rule("anaphoric", (
    r"(?:(?i:earlier|later|early|late)\s+(?:(?i:in|on)\s+)?)?"
    r"(?P<w>(?i:that|the\s+same|the\s+following|the\s+previous|the\s+preceding|the\s+next))"
    r"\s+(?P<u>(?i:day|morning|afternoon|evening|night|week|month|year))"
))  # fmt: skip
def _anaphoric(match: re.Match[str], ctx: _Context) -> _Norm | None:
    word, unit = match["w"].lower().split()[-1], match["u"].lower()
    if unit in DAY_PARTS:
        unit = "day"
    if word == "next" and unit != "day":
        return None  # "the next year" looks ahead from now: a duration, handled elsewhere
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(word, 0)
    return _Norm(None, anaphoric=(unit, shift))


@_rule(
    "day_part", rf"(?P<rel>(?i:this|last|early\s+this|late\s+last|late\s+this))\s+(?P<part>{_PART})"
)
def _day_part(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    rel = match["rel"].lower().split()[-1]
    day = ctx.anchor - dt.timedelta(days=1 if rel == "last" else 0)
    return _Norm(f"{day.isoformat()}T{DAY_PARTS[match['part'].lower()]}", kind="TIME")


@_rule(
    "weekday",
    r"(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|early|"
    rf"late))\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART}))?",
)
def _weekday(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    rel_words = (match["rel"] or "").lower().split()
    rel = (
        {"past": "last", "coming": "next", "this": "this"}.get(rel_words[-1], rel_words[-1])
        if rel_words
        else None
    )
    if rel in ("early", "late"):
        rel = None
    tense = ctx.tense_here
    if ctx.text.startswith(("'s", "’s"), match.end()):
        # "Wednesday's ruling": a weekday naming a thing is one that happened, unless the clause
        # that holds it speaks of the future ("Trump will use Monday's encounter"); what follows
        # is the thing's own clause ("Wednesday's ruling will be appealed")
        future = tense_before(ctx.text, match.start()) == "future"
        tense = "future" if future else "past"
    day = weekday_date(WEEKDAYS[match["wd"].lower()], ctx.anchor, rel, tense)
    # "Friday night" is dated by its day: timelines work in days, and TimeBank's gold mostly
    # values such spans as the day too.
    return _Norm(day.isoformat())


@_rule("clock", (
    r"(?:(?P<q>(?i:about|around|approximately|shortly\s+after|shortly\s+before|just\s+after|"
    r"just\s+before))\s+)?(?:(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|"
    r"p\.m\.?|am|pm))"
    r"|(?P<noon>(?i:noon|midday|midnight)))(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC))?"
    rf"(?:,?\s+(?P<day>(?:(?i:on)\s+)?{_WEEKDAY}|(?i:yesterday|today|tomorrow)))?"
))  # fmt: skip
def _clock(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if match["noon"] and match["noon"][0].isupper() and _after_name(ctx.text, match.start()):
        return None  # a title: "High Noon"
    if match["noon"]:
        hour, minute = (24, 0) if match["noon"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match["h"]) % 12, int(match["mi"] or 0)
        if match["ap"].lower().startswith("p"):
            hour += 12
    if ctx.anchor is None:
        raise _NoValue
    word = (match["day"] or "").lower().removeprefix("on").strip()  # "on Wednesday": the day
    if word in WEEKDAYS:
        day = weekday_date(WEEKDAYS[word], ctx.anchor, None, ctx.tense_here)
    else:
        day = ctx.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    return _Norm(f"{day.isoformat()}T{hour:02d}:{minute:02d}", kind="TIME",
                 mod=_mod(match["q"]), floating=not word)  # fmt: skip


@_rule(
    "relative_unit",
    r"(?P<mod>(?i:earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of|end\s+of)(?:\s+|-)(?:(?i:in|"
    rf"of)\s+)?)?(?P<rel>{_REL})\s+(?P<u>(?i:week|weekend|month|year|"
    r"quarter|decade|century|spring|summer|fall|autumn|winter))(?!\s+(?:of|"
    r"to)\b)",
)
def _relative_unit(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    rel = match["rel"].lower().split()[-1]
    amount = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    unit = match["u"].lower()
    mod_word = (match["mod"] or "").strip(" -").lower()
    mod = None if mod_word in ("earlier", "later") else _mod(mod_word)
    if unit in SEASONS:
        return _Norm(season(unit, ctx.anchor, amount), mod=mod)
    return _Norm(shifted(ctx.anchor, unit, amount), mod=mod)


@_rule(
    "season",
    r"(?P<mod>(?i:early|late|mid)(?:\s+|-))?(?P<the>(?i:the|in)\s+)?(?P<s>(?i:spring|"
    rf"summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?",
)
def _season_rule(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if not (match["y"] or match["the"] or match["mod"]):
        return None  # a bare "fall" is usually the verb
    if match["y"]:
        return _Norm(f"{match['y']}-{SEASONS[match['s'].lower()]}", mod=_mod(match["mod"]))
    if ctx.anchor is None:
        raise _NoValue
    tense = ctx.tense_here
    amount = -1 if tense == "past" else 1 if tense == "future" else 0
    code = SEASONS[match["s"].lower()]
    season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    if (
        amount == 0
        or (amount < 0 and season_month <= ctx.anchor.month)
        or (amount > 0 and season_month >= ctx.anchor.month)
    ):
        return _Norm(f"{ctx.anchor.year}-{code}", mod=_mod(match["mod"]))
    return _Norm(season(match["s"], ctx.anchor, amount), mod=_mod(match["mod"]))


@_rule("quarter", (
    rf"(?:(?i:the)\s+)?(?:(?P<y>{_YEAR})(?:'s)?\s+|(?P<this>(?i:this\s+year's|"
    r"last\s+year's|next\s+year's))\s+)?"
    r"(?:(?i:fiscal)\s+)?(?P<o>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final))(?:\s+|-)"
    r"(?:(?i:fiscal)\s+)?(?P<u>(?i:quarter|half))"
    rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<y2>{_YEAR}))?"
))  # fmt: skip
def _quarter_rule(match: re.Match[str], ctx: _Context) -> _Norm | None:
    ordinal = match["o"].lower()[:3]
    unit = match["u"].lower()
    count = 4 if unit == "quarter" else 2
    number = {"fir": 1, "1st": 1, "sec": 2, "2nd": 2, "thi": 3, "3rd": 3, "fou": 4, "4th": 4,
              "fin": count}[ordinal]  # fmt: skip
    if number > count:
        return None
    code = f"Q{number}" if unit == "quarter" else f"H{number}"
    year_text = match["y"] or match["y2"]
    if year_text:
        return _Norm(f"{year_text}-{code}")
    if ctx.anchor is None:
        raise _NoValue
    year = ctx.anchor.year
    this = (match["this"] or "").lower()
    if this.startswith("last"):
        year -= 1
    elif this.startswith("next"):
        year += 1
    elif not this:
        current = quarter_of(ctx.anchor) if unit == "quarter" else (ctx.anchor.month - 1) // 6 + 1
        # Reports speak of the latest such period: "the fourth quarter" in January is last year's.
        if number > current and ctx.tense_here != "future":
            year -= 1
    return _Norm(f"{year}-{code}")


@_rule(
    "this_period",
    r"(?P<w>(?i:the\s+(?:latest|current|same|recent)\s+quarter|the\s+quarter|"
    r"the\s+year-(?:earlier|ago)\s+(?:quarter|period)|a\s+year\s+(?:ago|"
    r"earlier)|year-(?:earlier|ago)))",
)
def _this_period(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    words = match["w"].lower()
    if "quarter" in words or "period" in words:
        back = 4 if ("earlier" in words or "ago" in words) else 0
        latest = (
            ctx.anchor.year * 4 + quarter_of(ctx.anchor) - 1 - (1 if "current" not in words else 0)
        )
        index = latest - back
        value = f"{index // 4}-Q{index % 4 + 1}"
        # "the year-ago quarter": the quarter in focus, a year back; "the quarter": the one in
        # focus, if the text has named one
        if back:
            return _Norm(value, anaphoric=("same", -1))
        return _Norm(value, anaphoric=("quarter", 0) if words == "the quarter" else None)
    # "a year earlier": the period in focus ("the third quarter", "Oct. 5"), a year back
    return _Norm(str(ctx.anchor.year - 1), anaphoric=("same", -1))


@_rule(
    "ago",
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})\s+(?P<u>{_UNIT}|{_UNITS})\s+(?P<dir>(?i:ago|"
    r"earlier|from\s+now|hence))",
)
def _ago(match: re.Match[str], ctx: _Context) -> _Norm | None:
    amount = number_of(match["n"])
    direction = -1 if match["dir"].lower() in ("ago", "earlier") else 1
    if amount is None:
        return _Norm("PAST_REF" if direction < 0 else "FUTURE_REF")
    if ctx.anchor is None or amount > 5000:
        raise _NoValue  # no anchor, or further back than a calendar value can say
    unit = match["u"].lower().rstrip("s")
    if unit in ("hour", "minute", "second"):
        return _Norm(ctx.anchor.isoformat(), mod=_mod(match["q"]))
    if unit.startswith(("decade", "centur")):  # "a decade ago" is a year, not a decade
        years = int(amount * (10 if unit.startswith("decade") else 100))
        return _Norm(str(ctx.anchor.year + direction * years), mod=_mod(match["q"]))
    return _Norm(shifted(ctx.anchor, unit, direction * int(amount)), mod=_mod(match["q"]))


@_rule(
    "ref",
    r"(?P<w>(?i:right\s+now|now|currently|at\s+present|nowadays|these\s+days|"
    r"at\s+the\s+moment|recently|lately|the\s+past|the\s+present|(?:the\s+)?(?:near|"
    r"distant)\s+future|the\s+future|(?<='s\s)future|(?<=in\s)future))",
)
def _ref(match: re.Match[str], ctx: _Context) -> _Norm | None:
    word = re.sub(r"\s+", " ", match["w"].lower())
    if word.endswith("future"):
        return _Norm("FUTURE_REF")
    return _Norm(REF_WORDS[word])


@_rule("weekend", r"(?P<rel>(?i:the|this|last|next|this\s+past|this\s+coming))\s+weekend")
def _weekend(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if ctx.anchor is None:
        raise _NoValue
    rel = match["rel"].lower().split()[-1]
    if rel == "the":
        rel = "next" if ctx.tense_here == "future" else "last"
    if ctx.anchor.weekday() >= 5 and rel in ("the", "this"):
        return _Norm(iso_week(ctx.anchor) + "-WE")
    if rel in ("next", "coming", "this"):
        return _Norm(iso_week(ctx.anchor + dt.timedelta(days=5 - ctx.anchor.weekday())) + "-WE")
    # the weekend just gone: the Saturday before the publication date
    saturday = ctx.anchor - dt.timedelta(days=(ctx.anchor.weekday() - 5) % 7 or 7)
    return _Norm(iso_week(saturday) + "-WE")


@_rule("this_year", (
    r"(?P<mod>(?i:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"the\s+rest\s+of|the\s+remainder\s+of|end\s+of)\s+)?"
    r"(?P<w>(?i:the|this|that|its|the\s+current|the\s+full|the\s+calendar))\s+"
    r"(?:(?i:fiscal|financial|calendar|full)\s+)?(?P<u>(?i:year|month|week))"
    r"|(?P<end>(?i:year-end|year's\s+end|month-end))"
))  # fmt: skip
def _this_year(match: re.Match[str], ctx: _Context) -> _Norm | None:
    mod: str | None = "END"
    if match["end"]:
        unit = "month" if match["end"].lower().startswith("month") else "year"
    else:
        unit, mod = match["u"].lower(), _mod(match["mod"])
        if match["w"].lower() == "its":
            return _Norm(None)  # "its fiscal year": a year of the company's, not the calendar's
        if match["w"].lower() == "the" and not match["mod"]:
            if unit != "year":
                return None  # "the week" / "the month" alone are too often not a date
            if re.match(r"\s+(?:before|after|earlier|later)\b", ctx.text[match.end() :]):
                return None  # "the year before": relative to a time named earlier
    if ctx.anchor is None:
        raise _NoValue
    return _Norm(shifted(ctx.anchor, unit, 0), mod=mod)


_SPELLED_YEAR = (
    r"(?P<c>(?i:nineteen|twenty))[\s-]+(?P<y>(?i:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?))"
    r"|(?P<k>(?i:(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten))?))"
)


@_rule("spelled_year", _SPELLED_YEAR)
def _spelled_year(match: re.Match[str], ctx: _Context) -> _Norm | None:
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower().split()
    if match["k"]:
        if not re.match(r"(?i)the\s+year", match["k"]) and not (
            before and before[-1] in ("in", "by", "since", "until")
        ):
            return None  # "two thousand" is mostly a count
        words = re.sub(r"(?i)the\s+year\s+|two\s+thousand|and", "", match["k"]).strip()
        return _Norm(str(2000 + int(number_of(words) or 0)))
    tail = number_of(match["y"].replace("-", " "))
    if tail is None:
        return None
    return _Norm(str((19 if match["c"].lower() == "nineteen" else 20) * 100 + int(tail)))


# --- rules: durations and sets --------------------------------------------------------------


@_rule("duration", (
    rf"(?:(?P<q>{_QUAL})\s+)?(?:(?P<the>(?i:the|a|an|its|their))\s+)?"
    r"(?:(?P<rel>(?i:past|last|next|first|previous|coming|final|following|latest|same|"
    r"initial|remaining|recent|additional|entire|whole))\s+)?"
    rf"(?P<n>{_NUM})(?P<half>\s+1/2|½)?(?:\s+(?:(?i:to|or|and)\s+)(?P<n2>{_NUM}))?(?:\s+|-)"
    r"(?:(?i:more|additional|consecutive|straight|full|long|trading|business|calendar)\s+)?"
    rf"(?P<u>{_UNITS}|{_UNIT})(?P<and>\s+and\s+a\s+half)?"
))  # fmt: skip
def _duration_rule(match: re.Match[str], ctx: _Context) -> _Norm | None:
    amount = number_of(match["n"])
    if (match["and"] or match["half"]) and amount is not None:
        amount += 0.5
    unit = match["u"]
    if unit[0].isupper() or (match["n"].lower() in ("a", "an") and unit.lower() == "second"):
        return None  # "60 Minutes" is a title; "a second" is mostly the ordinal
    before = ctx.text[max(0, match.start() - 25) : match.start()].lower()
    rate = re.search(r"(?:\d|million|billion|percent|%|twice|times|once)\W*$", before)
    if match["n"].lower() in ("a", "an") and not match["q"] and not match["rel"] and rate:
        # "$5 million a year", "twice a day": a rate, i.e. a set of times.
        return _Norm(duration_value(1, unit), kind="SET")
    # "a year-old", "two-thirds": not time
    after = ctx.text[match.end() : match.end() + 6]
    if after.startswith(("-old", " old")):
        return None
    return _Norm(duration_value(amount, unit), kind="DURATION", mod=_mod(match["q"]))


@_rule("vague_duration", (
    rf"(?:(?P<q>{_QUAL})\s+)?(?P<pre>(?i:the\s+)?(?i:past|last|next|coming|recent|previous|"
    r"following|ensuing|intervening)(?:\s+(?i:few|several|many|couple\s+of))?\s+"
    r"|(?i:in\s+)?(?i:a\s+few|few|several|many|some|numerous)\s+)"
    rf"(?P<u>{_UNITS})"
))  # fmt: skip
@_rule(
    "bare_units", r"(?:(?<=[Ff]or )|(?<=[Oo]ver ))(?P<u>(?i:years|months|weeks|decades|centuries))"
)
def _vague_duration(match: re.Match[str], ctx: _Context) -> _Norm | None:
    return _Norm(
        duration_value(None, match["u"]), kind="DURATION", mod=_mod(match.groupdict().get("q"))
    )


@_rule(
    "past_unit",
    r"(?P<pre>(?i:the\s+(?:past|last|next|coming|previous|following)))\s+(?P<u>(?i:week|"
    r"weekend|month|year|quarter|decade|century))",
)
def _past_unit(match: re.Match[str], ctx: _Context) -> _Norm | None:
    # "the past year" is a period of one year ending now; "last year" is a calendar year.
    return _Norm(duration_value(1, match["u"]), kind="DURATION")


@_rule(
    "set",
    r"(?P<adv>(?i:hourly|daily|nightly|weekly|biweekly|monthly|annually|"
    r"yearly))|(?P<each>(?i:every|each|per))\s+(?:(?i:other)\s+)?(?P<u>(?i:second|"
    r"minute|hour|day|night|week|weekend|month|quarter|year|decade)|"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))",
)
def _set(match: re.Match[str], ctx: _Context) -> _Norm | None:
    if match["adv"]:
        return _Norm(SET_ADVERBS[match["adv"].lower()], kind="SET")
    if match["wd"]:
        return _Norm(f"XXXX-WXX-{WEEKDAYS[match['wd'].lower()] + 1}", kind="SET")
    return _Norm(duration_value(1, match["u"]), kind="SET")


@_rule("weekday_set", r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s")
def _weekday_set(match: re.Match[str], ctx: _Context) -> _Norm | None:
    return _Norm(f"XXXX-WXX-{WEEKDAYS[match['wd'].lower()] + 1}", kind="SET")


# --- the public entry point -----------------------------------------------------------------


def _after_name(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a capitalised word inside a sentence."""
    match = re.search(r"([A-Za-z]+)([.!?:;\"“]?)\s+$", text[max(0, start - 30) : start])
    return bool(match and match.group(1)[0].isupper() and not match.group(2))


def _anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


@functools.cache
def _word_starts() -> re.Pattern[str]:
    """Where one of the rules that match only at word starts matches: the word-start check, then
    their patterns in one lookahead (groups unnamed, as rules share group names)."""
    bodies = [
        _GROUP_NAME.sub("(?:", rule.pattern.pattern[len(_WORD_START) :])
        for rule in _RULES
        if rule.starts_words
    ]
    return re.compile(_WORD_START + "(?=" + "|".join(f"(?:{body})" for body in bodies) + ")")


# How many characters of text tell where no word-start rule can match (``_start_filter``).
PREFIX_CHARS = 3


@functools.cache
def _start_filter() -> tuple[re.Pattern[str], dict[int, frozenset[str]]] | None:
    """Where ``_word_starts`` can match, told cheaply: the word starts whose first character
    can start a rule (or is not ASCII), and the lower-cased first ``PREFIX_CHARS`` characters
    that rules start with (``regex_prefixes``), by length. None when they cannot be read: then
    every word start is tried."""
    found: set[str] = set()
    for rule in _RULES:
        if not rule.starts_words:
            continue
        these = prefixes(rule.pattern.pattern, PREFIX_CHARS)
        if these is None or "" in these:
            return None
        found |= these
    firsts = {text[0] for text in found}
    firsts |= {ch.upper() for ch in firsts}
    places = re.compile(
        _WORD_START + "(?=[" + "".join(re.escape(ch) for ch in sorted(firsts)) + r"]|[^\x00-\x7f])"
    )
    by_length: dict[int, set[str]] = {}
    for text in found:
        by_length.setdefault(len(text), set()).add(text)
    return places, {n: frozenset(texts) for n, texts in sorted(by_length.items())}


def _starts(text: str) -> list[int]:
    """Where a word-start rule can match: ``_word_starts``, tried only where the first few
    characters allow (``_start_filter``); about three times faster than trying it at every
    word start, with the same positions."""
    anywhere = _word_starts()
    cheap = _start_filter()
    if cheap is None:
        return [match.start() for match in anywhere.finditer(text)]
    places, by_length = cheap
    out = []
    for place in places.finditer(text):
        at = place.start()
        window = text[at : at + PREFIX_CHARS]
        if window.isascii():
            low = window.lower()
            if not any(low[:n] in texts for n, texts in by_length.items()):
                continue
        if anywhere.match(text, at):
            out.append(at)
    return out


def _matches(rule: _Rule, text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """What ``rule.pattern.finditer(text)`` gives. A rule that matches only at word starts is
    tried only at ``starts``, the few places where such a rule matches (``_word_starts``): one
    scan of the text for all of them, where each one's own scan tries every character. No rule
    matches an empty string, so each match ends after it starts, as the next one starts."""
    if not rule.starts_words:
        yield from rule.pattern.finditer(text)
        return
    end = 0
    for start in starts:
        if start < end:
            continue
        match = rule.pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def find_times(text: str, published: str | None, *, durations: bool = False) -> list[TimeMention]:
    """Time expressions in ``text``, normalised against ``published`` (ISO date) when given.

    By default only points and periods on the calendar are returned (kinds DATE and TIME, plus
    the vague PRESENT_REF / PAST_REF / FUTURE_REF); ``durations=True`` adds DURATION ("three
    years" -> P3Y) and SET ("daily" -> P1D) expressions.
    """
    anchor = _anchor(published)
    candidates: list[tuple[int, int, int, _Rule, re.Match[str]]] = []
    starts = _starts(text)
    for order, rule in enumerate(_RULES):
        limits.check()
        for match in _matches(rule, text, starts):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), order, rule, match))
    # The longest span wins; among equals, the rule registered first.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    found: list[tuple[TimeMention, _Norm]] = []
    for start, end, _order, rule, match in candidates:
        limits.check()
        if any(start < e and s < end for s, e in taken):
            continue
        ctx = _Context(text, anchor, tense_around(text, start, end))
        try:
            norm = rule.handler(match, ctx)
        except (_NoValue, ValueError, OverflowError):
            norm = _Norm(None)  # a time expression all the same ("Feb. 30"), without a value
        if norm is None:
            continue
        taken.append((start, end))
        if not durations and norm.kind in ("DURATION", "SET"):
            continue
        mention = TimeMention(
            text=match.group(0),
            value=norm.value,
            start=start,
            end=end,
            kind=norm.kind,
            mod=norm.mod,
            end_value=norm.end_value,
        )
        found.append((mention, norm))
    found.sort(key=lambda f: f[0].start)
    return _resolve_references(found, text)


_CLOCK_TO_DAY = re.compile(r",?\s+(?i:on\s+)?")  # "at 2 a.m. on Oct. 3", "at noon, Oct. 3"


_CALENDAR_RE = re.compile(
    r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-(Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d))?(?:T.*)?"
)


_AGO = re.compile(r"(?i)\bago\b")


def _resolve_references(found: list[tuple[TimeMention, _Norm]], text: str) -> list[TimeMention]:
    """Expressions that point back to the time last named in the text.

    A clock time without a day ("at 10:35 a.m.") falls on the last day the text named, and
    "that year", "the next day", "the following month" count from the last time named at that
    granularity: reports name a time once and then refer back to it. Before any time is named
    the publication date stands for clock times, and the others are left without a value.
    This is the reference-time rule of HeidelTime's news setting. A clock time followed by its
    day ("at 2 a.m. on Oct. 3") takes that day.
    """
    out = []
    focus: re.Match[str] | None = None
    for i, (mention, norm) in enumerate(found):
        value = mention.value
        if norm.floating and value and (day := _day_after(found, i, focus, text)):
            out.append(replace(mention, value=day + value[value.index("T") :]))
            continue  # the day named next moves the focus, from where the clock found it
        elif norm.floating and focus and focus[3] and value and "T" in value:
            day = f"{focus[1]}-{focus[2]}-{focus[3]}"
            mention = replace(mention, value=day + value[value.index("T") :])
        elif norm.anaphoric and focus:
            moved = _from_focus(focus, *norm.anaphoric) or value
            # "a year ago" counts back from the publication at most: not from a plan the text
            # named for later ("its planned 2024 crewed moon shot. ... A year ago, NASA ...")
            if not (_AGO.search(mention.text) and value and moved and moved[:4] > value[:4]):
                mention = replace(mention, value=moved)
        if norm.anaphoric and norm.anaphoric[0] == "same":
            pass  # "a year earlier" compares with the time in focus; it does not move it
        elif mention.value and (calendar := _CALENDAR_RE.fullmatch(mention.value)):
            focus = calendar  # the time now in focus, "the next day" included
        out.append(mention)
    return out


def _day_after(
    found: list[tuple[TimeMention, _Norm]], i: int, focus: re.Match[str] | None, text: str
) -> str | None:
    """The day a clock time is given with, named just after it ("2 a.m. on Oct. 3")."""
    if i + 1 == len(found):
        return None
    after, norm = found[i + 1]
    if not _CLOCK_TO_DAY.fullmatch(text, found[i][0].end, after.start):
        return None
    value = after.value
    if norm.anaphoric and focus:  # "at 2 a.m. the next day", as it is resolved below
        value = _from_focus(focus, *norm.anaphoric) or value
    day = _CALENDAR_RE.fullmatch(value) if value else None
    return f"{day[1]}-{day[2]}-{day[3]}" if day and day[3] else None


def _from_focus(focus: re.Match[str], unit: str, shift: int) -> str | None:
    year, month, day, period = focus[1], focus[2], focus[3], focus[4]
    if unit == "same":  # the focus moved by ``shift`` years, at its own granularity
        moved = int(year) + shift
        if period:
            return f"{moved}-{period}"
        if day:
            last = 28 if month == "02" and day == "29" else int(day)
            return f"{moved}-{month}-{last:02d}"
        return f"{moved}-{month}" if month else str(moved)
    if unit == "quarter":
        return f"{year}-{period}" if period and period.startswith("Q") else None
    if unit == "year":
        return str(int(year) + shift)
    if unit == "month" and month:
        y, m = add_months(int(year), int(month), shift)
        return f"{y:04d}-{m:02d}"
    if unit in ("day", "week") and day:
        when = dt.date(int(year), int(month), int(day))
        if unit == "week":
            return iso_week(when + dt.timedelta(weeks=shift))
        return (when + dt.timedelta(days=shift)).isoformat()
    return None
