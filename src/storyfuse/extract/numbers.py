"""Numbers as written in news text: where they are and what value they have.

Two readers, one per way of writing a number:

* digits, by a regular expression over the text, because the tokenizer splits them
  inconsistently ("$1billion", "HK$3.5", "12.9bn" stay one token; "$40-50 billion" becomes four):
  separators ("12,000"), decimals, a currency sign or code before ("$", "£", "€", "Rs"), a
  scale word or suffix after, hyphenated too ("1.5 million", "$2bn", "Rs 24 lakh",
  "$137-million"), a percent sign or word, and a dash range written inside the number
  ("$40-50 billion", "10-15");
* words, from the spaCy tokens, valued by ``number-parser`` ("twelve thousand", "Twenty-nine",
  "two billion"); "dozen" multiplies what precedes it ("a dozen", "two dozen"), which
  number-parser does not cover.

A ``NumberMention`` is only a number; whether it is a claim (and of what) is decided in
``claims.py`` from its context.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

import number_parser  # type: ignore[import-untyped]
from spacy.tokens import Doc, Span

from storyfuse.extract.nlp import text_of

# Scale words and suffixes after a number. Single letters only count after a currency sign
# ("$5m", "$1B"), where they cannot be a unit of length or mass.
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
LETTER_SCALES = {"k", "m", "b"}

# Currency signs and codes written before a number, and the unit (singular lemma) they count.
CURRENCIES = {
    "$": "dollar",
    "us$": "dollar",
    "hk$": "dollar",
    "a$": "dollar",
    "c$": "dollar",
    "nz$": "dollar",
    "s$": "dollar",
    "usd": "dollar",
    "£": "pound",
    "gbp": "pound",
    "€": "euro",
    "eur": "euro",
    "¥": "yen",
    "₹": "rupee",
    "rs": "rupee",
    "rs.": "rupee",
    "inr": "rupee",
}

# The units money is counted in ("dollar", "euro", ...).
MONEY_UNITS = frozenset(CURRENCIES.values())
# The words a rate written after a number starts with: "$1.35 a share", "90 people a day",
# "$50 per ton" (claims keep it in what a figure counts; the report shows it after the unit).
RATE_WORDS = frozenset({"a", "an", "per"})

# Units of a share or a score ("44 percent", "a 5-point lead"): their values fall in a small
# range, so two articles giving the same one may well be speaking of different things.
SHARE_UNITS = frozenset({"percent", "per cent", "percentage point", "point", "basis point"})


def is_share(unit: str) -> bool:
    return unit.lower().removesuffix("s") in SHARE_UNITS

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"(?:(?:US|HK|A|C|NZ|S)?\$|£|€|¥|₹|Rs\.?|INR|USD|GBP|EUR)\s?"
NUMBER_RE = re.compile(
    rf"""
    (?<![\w.$£€¥₹/:#@])(?<!\w-)(?<!\d,)   # not inside a word, id, date, time or handle
    (?P<cur>{_CURRENCY})?
    (?P<num>{_DIGITS})(?!,\d)               # nor a number grouped wrongly ("275,00")
    (?P<frac>\s[1-9]\d?/(?:2|3|4|8|16|32)(?![\d/])|[½⅓⅔¼¾⅛⅜⅝⅞])?   # "6 3/8%", "2½"
    (?:\s?[-–]\s?(?P<cur2>{_CURRENCY})?(?P<num2>{_DIGITS})(?!,\d))?   # "40-50", "$40-$50"
    (?P<plus>[-–]plus\b)?                   # "40-plus thousand": more than that
    (?P<scale>(?:\s?|[-–])(?i:hundred|thousand|lakhs?|million|crores?|billion|trillion)\b
       |(?i:mn|bn|tn|[mbk])\b)?
    (?P<plus2>[-–]plus\b)?                  # "40,000-plus", "$1 million-plus"
    (?P<pct>\s?(?:%|(?i:percent|per\s?cent|pct)\b))?
    """,
    re.VERBOSE,
)

# Words that are numbers for spaCy's ``like_num`` but are not cardinal quantities.
_NOT_CARDINAL = {"first", "second", "third", "fourth", "fifth", "half", "quarter"}
_PERCENT_WORDS = {"percent", "%", "pct"}
# Denominators of fractions written in words, after a numerator of two or more ("two-thirds")
# and after one ("one-third").
_FRACTIONS_PLURAL = frozenset(
    {"halves", "thirds", "quarters", "fourths", "fifths", "sixths", "eighths", "tenths"}
)
_FRACTIONS_SINGULAR = frozenset({"third", "quarter", "fourth", "fifth", "sixth", "tenth"})


@dataclass(frozen=True)
class NumberMention:
    """A number in the text: ``start``/``end`` index the article text; ``text`` is as written."""

    start: int
    end: int
    text: str
    value: float
    upper: float | None = None  # the top of a range written as one number ("40-50")
    currency: str | None = None  # unit from a currency sign before the number
    percent: bool = False
    spelled: bool = False
    scaled: bool = False  # a scale word or suffix applied ("million", "bn")
    scale: float = 1.0  # that scale's factor, so a range's bottom can share it ("10 to 12 million")
    plus: bool = False  # written "-plus": more than the value ("40-plus thousand", "40,000-plus")


def _float(digits: str) -> float:
    return float(digits.replace(",", ""))


# Fractions written as one character ("2½ percent").
_FRACTION_CHARACTERS = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4}
_FRACTION_CHARACTERS.update({"⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8})


def _fraction(written: str | None) -> float:
    """The value of the fraction of a mixed number ("3/8" of "6 3/8"), 0 when there is none
    or it is not a proper fraction ("5/4")."""
    if not written:
        return 0.0
    written = written.strip()
    if written in _FRACTION_CHARACTERS:
        return _FRACTION_CHARACTERS[written]
    top, bottom = (int(x) for x in written.split("/"))
    return top / bottom if top < bottom else 0.0


# Scale words a value of a million or more is written with, when they give it exactly.
SCALE_WORDS = ((Decimal(10**12), "trillion"), (Decimal(10**9), "billion"), (Decimal(10**6), "million"))


def _digits(value: float | Decimal) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{float(value):,}"


def _scaled_parts(value: float) -> tuple[str, str]:
    """A value as digits and a scale word: ("6.6", "million"), ("12,000", "") below a million
    or when the word would round it (6,612,345 stays in digits)."""
    exact = Decimal(repr(float(value)))
    for size, word in SCALE_WORDS:
        if abs(exact) >= size:
            part = exact / size
            if part == part.quantize(Decimal("0.001")):
                return _digits(part.normalize()), word
            break
    return _digits(value), ""


def written(value: float) -> str:
    """A value as news writes it: "12,000", "8.3", "1,234.5" (no stray ".0"), "6.6 million",
    "2.3 trillion" (a currency is the figure's unit, shown beside it)."""
    digits, word = _scaled_parts(value)
    return f"{digits} {word}" if word else digits


def amount(value: float, upper: float | None = None, unit: str | None = None) -> str:
    """A figure as read: "12,000", or a range "10,000–12,000", "2.5–3.5", "10–12 million".
    A sum of money with cents is written with both digits, as money is: "66.50" and "1.50",
    where the number alone reads "66.5"; whole sums, sums in eighths ("4.375"), sums of a
    million or more ("1.5 million") and ranges as other figures."""
    if upper is None:
        if unit in MONEY_UNITS and _in_cents(value):
            return f"{value:,.2f}"
        return written(value)
    (low, low_word), (high, high_word) = _scaled_parts(value), _scaled_parts(upper)
    if low_word and low_word == high_word:
        return f"{low}–{high} {high_word}"
    return f"{written(value)}–{written(upper)}"


def _in_cents(value: float) -> bool:
    return value != int(value) and value < 1_000_000 and round(value, 2) == value


def scaled(number: float, scale: float) -> float:
    """``number`` times a scale, in decimal as it is written: 8.3 million is 8,300,000, where
    binary floating point gives 8,300,000.000000001, a value "8,300,000" elsewhere does not
    equal and that would print with its stray digits."""
    return float(Decimal(repr(number)) * Decimal(repr(scale)))


_SCORE_AFTER = re.compile(r"[-–]to[-–]\d")


def _digit_mentions(text: str, offset: int) -> list[NumberMention]:
    found: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        end = m.end()
        after = text[end : end + 2]
        # A number glued to letters or digits is an ordinal, a model name or a code ("14th",
        # "4G", "6am"); followed by "-<digit>" it is a phone number or a code, by "-to-<digit>"
        # a vote's or a game's score ("the 5-to-4 order").
        plus = m.group("plus") or m.group("plus2")
        bare = not m.group("scale") and not m.group("pct") and not plus
        if bare and (after[:1].isalnum() or re.match(r"[-–:/]\d", after)):
            continue
        if bare and _SCORE_AFTER.match(text, end):
            continue
        # "$137-million", "a 10-million-dollar fine": the hyphen joins the scale to the number
        scale_word = (m.group("scale") or "").strip().lstrip("-–").lower()
        currency_text = (m.group("cur") or m.group("cur2") or "").strip().lower()
        if scale_word in LETTER_SCALES and not currency_text:
            continue
        scale = SCALES.get(scale_word, 1.0)
        value = scaled(_float(m.group("num")) + _fraction(m.group("frac")), scale)
        upper = scaled(_float(m.group("num2")), scale) if m.group("num2") else None
        found.append(
            NumberMention(
                start=offset + m.start(),
                end=offset + end,
                text=m.group(0),
                value=value,
                upper=upper,
                currency=CURRENCIES.get(currency_text) if currency_text else None,
                percent=bool(m.group("pct")),
                scaled=bool(scale_word),
                scale=scale,
                plus=bool(plus),
            )
        )
    return found


def _is_number_word(token_text: str, like_num: bool) -> bool:
    low = token_text.lower()
    if low == "dozen":
        return True
    return like_num and token_text.isalpha() and low not in _NOT_CARDINAL


def _word_mentions(span: Span, taken: list[tuple[int, int]]) -> list[NumberMention]:
    """Runs of number words ("twelve thousand", "Twenty-nine", "a dozen", "two dozen")."""
    doc = span.doc
    found: list[NumberMention] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        if not _is_number_word(tok.text, tok.like_num) or any(s <= tok.idx < e for s, e in taken):
            i += 1
            continue
        first = i
        # "a dozen", "a hundred", "a million": the article stands for one.
        if (
            first > span.start
            and doc[first - 1].lower_ in {"a", "an"}
            and tok.lower_ in {"dozen", "hundred", "thousand", "million", "billion"}
        ):
            first -= 1
        j = i + 1
        while j < span.end:
            nxt = doc[j]
            if _is_number_word(nxt.text, nxt.like_num):
                j += 1
            elif (
                nxt.text in {"-", "–"}
                and j + 1 < span.end
                and not doc[j - 1].whitespace_
                and not nxt.whitespace_
                and _is_number_word(doc[j + 1].text, doc[j + 1].like_num)
            ):
                j += 2
            else:
                break
        words = [t.text for t in doc[first:j]]
        value = _words_value(words)
        half = _and_a_half(doc, j, span.end)
        if value is not None and half:
            # "three-and-a-half minute video"; a half dozen is six; a scale after the half
            # scales both ("one and a half million")
            value, j = value + (6.0 if words[-1].lower() == "dozen" else 0.5), j + half
            after = doc[j].lower_ if j < span.end else ""
            if after in _WORD_SCALES:
                value, j = scaled(value, SCALES[after]), j + 1
                words.append(after)
        i = j
        if value is None:
            continue
        start, end = doc[first].idx, doc[j - 1].idx + len(doc[j - 1].text)
        percent = False
        if _fraction_after(doc, j, value):
            # "two-thirds of voters": a share, which is no count (as "half" and "a third"
            # are not; eval/gold/claims/GUIDELINES.md), not two of something called "thirds"
            continue
        if _decade_after(doc, j):
            continue  # "in the nineteen-eighties": a decade, no nineteen of anything
        if _word_before(doc, first, span.start):
            continue  # "high-five", "a pick-six", "the top-two primary": no count
        if j < len(doc) and doc[j].lower_ in _PERCENT_WORDS:
            percent, end = True, doc[j].idx + len(doc[j].text)
        elif j + 1 < len(doc) and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent":
            percent, end = True, doc[j + 1].idx + len(doc[j + 1].text)
        found.append(
            NumberMention(
                start=start,
                end=end,
                text=text_of(doc)[start:end],
                value=value,
                percent=percent,
                spelled=True,
                scaled=len([w for w in words if w.isalpha()]) > 1,
            )
        )
    return found


_WORD_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


def _and_a_half(doc: Doc, j: int, end: int) -> int:
    """How many tokens from ``j`` write "and a half" after a number ("three-and-a-half",
    "two and a half"); 0 when they do not."""
    words = [t.lower_ for t in doc[j : min(j + 6, end)]]
    if words[:6] == ["-", "and", "-", "a", "-", "half"]:
        return 6
    if words[:3] == ["and", "a", "half"]:
        return 3
    return 0


def _fraction_after(doc: Doc, j: int, value: float) -> bool:
    """Whether the number that ends before token ``j`` is the numerator of a fraction written
    in words: "two-thirds", "three quarters of", "one-fifth"; not "three quarters later" (of a
    game), a count with no "of" or hyphen."""
    hyphen = j < len(doc) and doc[j].text in {"-", "–"} and not doc[j].whitespace_
    k = j + 1 if hyphen else j
    if k >= len(doc) or (not hyphen and (k + 1 >= len(doc) or doc[k + 1].lower_ != "of")):
        return False
    word = doc[k].lower_
    return (word in _FRACTIONS_PLURAL and value >= 2) or (word in _FRACTIONS_SINGULAR and value == 1)


# Decades and centuries written in words after a century's number: "nineteen-eighties",
# "eighteen-hundreds"
_DECADES = frozenset(
    {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
     "nineties", "hundreds"}
)  # fmt: skip


def _decade_after(doc: Doc, j: int) -> bool:
    """Whether the number words that end before token ``j`` are glued by a hyphen to a
    decade's word ("nineteen-eighties"): a time, no count."""
    return (
        j + 1 < len(doc)
        and doc[j].text in {"-", "–"}
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
        and doc[j + 1].lower_ in _DECADES
    )


def _word_before(doc: Doc, first: int, start: int) -> bool:
    """Whether the number words that start at token ``first`` are glued by a hyphen to a word
    before them that is no number ("high-five", "pick-six", "top-two"), as part of that word;
    not the word between the numbers of a ratio or a score ("one-in-five", "six-to-three")."""
    return (
        first - 2 >= start
        and doc[first - 1].text in {"-", "–"}
        and not doc[first - 2].whitespace_
        and not doc[first - 1].whitespace_
        and doc[first - 2].is_alpha
        and doc[first - 2].lower_ not in _RATIO_WORDS
        and not _is_number_word(doc[first - 2].text, doc[first - 2].like_num)
    )


# The words between the two numbers of a ratio or a score written with hyphens: "one-in-five",
# "six-to-three", "two-for-one", "one-on-one", "two-by-four".
_RATIO_WORDS = frozenset({"in", "of", "out", "to", "for", "on", "by", "and", "or"})


@functools.lru_cache(maxsize=4096)
def parse_number(text: str, language: str | None = None) -> int | float | None:
    """``number_parser.parse_number``, remembered: it rebuilds its word tables on every call
    (about half a millisecond), and news repeats its number words. None where it fails on a
    character it takes for a digit ("¼": ``int()`` refuses it)."""
    try:
        value: int | float | None = number_parser.parse_number(text, language=language)
    except ValueError:
        return None
    return value


def _words_value(words: list[str]) -> float | None:
    """The value of a run of number words; "dozen" multiplies what precedes it by twelve."""
    text = "".join(w if w in {"-", "–"} else f" {w}" for w in words).strip()
    low = [w.lower() for w in words]
    if "dozen" in low:
        at = low.index("dozen")
        before = [w for w in words[:at] if w.lower() not in {"a", "an"}]
        base = _words_value(before) if before else 1.0
        return None if base is None else base * 12
    if low and low[0] in {"a", "an"}:
        rest = parse_number(" ".join(words[1:]), language="en")
        return None if rest is None else float(rest)
    parsed = parse_number(text, language="en")
    return None if parsed is None else float(parsed)


def find_numbers(span: Span) -> list[NumberMention]:
    """Every number written in ``span`` (a sentence of a parsed article), in text order."""
    digits = _digit_mentions(span.text, span.start_char)
    taken = [(m.start, m.end) for m in digits]
    words = _word_mentions(span, taken)
    return sorted(digits + words, key=lambda m: m.start)
