"""The cleaner and the extractors under odd article text: a sane Analysis or a clear InputError.

``pipeline.analyze_document`` (clean, then extract) gets generated articles: prose in several
scripts, quotes balanced and not, numbers written every way ("1,5 million", "10 000", "twelve
thousand"), impossible dates ("31 February"), zero-width characters, and plain random text.
For each input, within a time budget:

- the result is an ``Analysis``, or an ``InputError`` (the per-file Problem); nothing else;
- every span indexes the cleaned text: a sentence's, entity's and time mention's text is
  exactly ``text[start:end]``; quotes and claims lie inside the text;
- numbers are finite; every calendar date given as a value exists (no 2024-02-31).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import time

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.robustness.fuzzkit import FUZZ, fuzzed

from storyfuse import limits
from storyfuse.model import Analysis, Document, InputError
from storyfuse.pipeline import analyze_document

ANALYSIS_SECONDS = 30.0  # per document, model loading included

NAMES = st.sampled_from(
    ["Vladimir Putin", "Kim Jong Un", "Volodymyr Zelensky", "Ana Ruiz", "the ministry",
     "Ukraine's military intelligence (HUR)", "a spokesperson", "He", "She", "They",
     "Олександр Сирський", "習近平", "محمد", "O'Neill", "Jean-Luc Picard", "AP"]
)  # fmt: skip
NUMBERS = st.sampled_from(
    ["1,5 million", "10 000", "12,000", "nearly 12,000", "about 3", "at least 40", "up to 1.5bn",
     "twelve thousand", "three", "a dozen", "1.000.000", "10 000 000 000 000 000 000 000",
     "1e308", "9" * 400, "0", "-5", "½", "3½", "٣", "१०", "10–12", "10,000 to 12,000", "$5",
     "5%", "50 percent", "1/3", "0.0001", "1 000,5", "nan", "inf", "Infinity", "１２", "XII",
     "a million", "billions", "100,00", ",5", "5,", "1,2,3", "10-15,000"]
)  # fmt: skip
THINGS = st.sampled_from(
    ["troops", "soldiers", "officers", "people", "dollars", "tonnes", "percent", "km", "", "%"]
)
DATES = st.sampled_from(
    ["30 Feb 2024", "29 February 2024", "Oct. 27-28", "on Thursday", "last week", "early October",
     "by December", "99 October", "0 January", "the 32nd of May", "13/13/2024", "2024-13-01",
     "year 0", "10000 BC", "9999-12-31", "0001-01-01", "Q5 2024", "week 54", "yesterday",
     "tomorrow", "in 3000 years", "24:61", "25 o'clock", "June 18-19", "19-18 June",
     "summer 2024", "the 1990s", "1999-2001", "Feb. 28-31", "Oct. 30-32", "31 Feb.",
     "31 February", "February 31", "Feb. 30", "31 April", "June 31", "2024-02-30",
     "2023-02-29", "2024-04-31"]
)  # fmt: skip
IMPOSSIBLE_DATES = ["31 February", "February 31", "30 February", "Feb. 30", "31 April", "June 31"]
IMPOSSIBLE_ISO = ["2024-02-30", "2023-02-29", "2024-04-31"]
QUOTES = st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」"])
NOISE = st.sampled_from(
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\x0c",
     "\u2028", "\u2029", "\u00a0", "\u3000", "\t", "\n", "\n\n", " ", "e\u0301", "👍🏽", "🇺🇦"]
)  # fmt: skip
WORDS = st.sampled_from(
    ["the", "bridge", "reopened", "said", "told", "according to", "Київ", "Москва", "東京",
     "العربية", "עברית", "İstanbul", "straße", "and", "of", "signed", "treaty", "in", "on", "a"]
)  # fmt: skip


def _sentence(parts: list[str]) -> str:
    return " ".join(p for p in parts if p).strip()


SENTENCE = st.one_of(
    st.tuples(NAMES, NUMBERS, THINGS, DATES).map(
        lambda t: f"{t[0]} said {t[1]} {t[2]} were killed {t[3]}."
    ),
    st.tuples(QUOTES, st.lists(WORDS, max_size=12), QUOTES, NAMES).map(
        lambda t: f"{t[0]}{_sentence(t[1])}{t[2]}, {t[3]} said."
    ),
    st.tuples(NAMES, QUOTES, st.lists(WORDS, max_size=12), QUOTES).map(
        lambda t: f"{t[0]}: {t[1]}{_sentence(t[2])}{t[3]}"
    ),
    st.tuples(DATES, NUMBERS, THINGS).map(lambda t: f"On {t[0]}, {t[1]} {t[2]} arrived."),
    st.lists(st.one_of(WORDS, NAMES, NUMBERS, DATES, QUOTES, NOISE), max_size=25).map(" ".join),
    st.text(max_size=80),
)
ARTICLE = st.lists(
    st.tuples(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), NOISE),
    min_size=1,
    max_size=8,
).map(lambda paras: "\n\n".join(p + n for p, n in paras))
PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from(
        ["2024-10-26", "2024-02-29", "2000-01-01", "1970-01-01", "0001-01-01", "9999-12-31"]
    ),
)

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _document(text: str, published: str | None, *, from_html: bool = False) -> Document:
    return Document(
        id="fuzz",
        path="fuzz.txt",
        format="html" if from_html else "text",
        body=text,
        content_hash="0" * 64,
        title=None,
        published=published,
        published_from="given" if published else None,
        from_html=from_html,
    )


def _analyze(document: Document) -> Analysis | None:
    started = time.monotonic()
    try:
        with limits.deadline(ANALYSIS_SECONDS, document.path):
            return analyze_document(document)
    except limits.TimeBudgetExceeded:
        raise
    except InputError as exc:
        assert exc.reason.strip()
        return None
    finally:
        took = time.monotonic() - started
        assert took < ANALYSIS_SECONDS, f"analysis took {took:.1f} s"


def _check_date(value: str) -> None:
    """A date value, where it is a calendar date or month, must exist."""
    if m := ISO_DATE.match(value):
        dt.date(int(m[1]), int(m[2]), int(m[3]))  # raises ValueError for 2024-02-31
    elif m := ISO_MONTH.match(value):
        assert 1 <= int(m[2]) <= 12, value


def _check(analysis: Analysis) -> None:
    text = analysis.article.text
    n = len(text)
    for s in analysis.sentences:
        assert 0 <= s.start <= s.end <= n and text[s.start : s.end] == s.text, s
    for e in analysis.entities:
        assert 0 <= e.start < e.end <= n and text[e.start : e.end] == e.text, e
    for t in analysis.times:
        assert 0 <= t.start < t.end <= n and text[t.start : t.end] == t.text, t
        for value in (t.value, t.end_value):
            if value is not None and t.kind == "DATE":
                try:
                    _check_date(value)
                except ValueError as exc:
                    raise AssertionError(
                        f"{t.text!r} normalised to a date that does not exist: {value}"
                    ) from exc
    for q in analysis.quotes:
        assert 0 <= q.start <= q.end <= n, q
        if q.speaker_start is not None:
            assert q.speaker_end is not None and 0 <= q.speaker_start <= q.speaker_end <= n, q
    for c in analysis.claims:
        assert 0 <= c.start < c.end <= n, c
        assert math.isfinite(c.value), c
        assert c.upper is None or math.isfinite(c.upper), c
        if c.date is not None:
            _check_date(c.date)


@FUZZ
@given(text=ARTICLE, published=PUBLISHED, from_html=st.booleans())
@example(text='"' * 50, published=None, from_html=False)
@example(text="“" + "”“".join(["Yes."] * 40) + "”", published="2024-10-26", from_html=False)
@example(text="\u200b" * 100, published=None, from_html=False)
def test_generated_articles(text: str, published: str | None, from_html: bool) -> None:
    fuzzed("analyze: generated articles")
    analysis = _analyze(_document(text, published, from_html=from_html))
    if analysis is not None:
        _check(analysis)


ALL_QUOTES = (
    "“We will not give up,” he said. “Not today.” “Not tomorrow.”\n\n"
    '"The bridge is open," Ana Ruiz said. "It is safe," she added.\n\n'
    "« Nous restons », a-t-il dit. „Wir bleiben“, sagte sie. ‘Quiet,’ he said.\n\n"
    "“An unclosed quote that runs on and on without ever ending\n\n"
    '"' * 3
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("all quotes", ALL_QUOTES),
        ("comma decimal", "Officials said 1,5 million people fled and 10 000 troops moved in."),
        ("impossible dates with a year", "Talks resume on 30 Feb 2025 or 31 April 2026."),
        ("mixed scripts", "Президент Zelensky said 東京 talks «продолжатся» on Thursday. مرحبا"),
        ("zero width", "The bri\u200bdge re\u200dopened on Thurs\u2060day, the may\u00ador said."),
        ("huge number", "The ministry said " + "9" * 500 + " troops were deployed."),
        ("right-to-left override", "He said \u202e.sdrawkcab si siht\u202c on Monday."),
        ("one long word", "x" * 50_000),
        ("many short lines", "\n".join(["Yes."] * 5_000)),
        ("no spaces", "Thebridgereopened." * 2_000),
    ],
)
def test_named_articles(name: str, text: str) -> None:
    fuzzed("analyze: named cases")
    analysis = _analyze(_document(text, "2024-10-26"))
    if analysis is not None:
        _check(analysis)


def _long_text(chars: int) -> str:
    """Varied prose (so no line is dropped as repeated clutter) of at least ``chars`` chars."""
    words = [
        "council",
        "bridge",
        "river",
        "harbour",
        "minister",
        "troops",
        "week",
        "report",
        "city",
        "said",
        "repairs",
    ]
    paragraphs, size, i = [], 0, 0
    while size < chars:
        picked = [words[(i * 7 + k * k) % len(words)] for k in range(12)]
        paragraph = f"On day {i} the " + " ".join(picked) + f" and {i * 37 % 1000} more."
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("from_html", [True, False])
def test_too_long_article_is_refused_quickly(from_html: bool) -> None:
    """An article over the extractor's size limit is refused, not parsed for minutes."""
    from storyfuse.extract.nlp import MAX_CHARS

    fuzzed("analyze: named cases")
    text = _long_text(MAX_CHARS + 50_000)
    started = time.monotonic()
    with pytest.raises(InputError, match="limit"), limits.deadline(ANALYSIS_SECONDS, "long.txt"):
        analyze_document(_document(text, None, from_html=from_html))
    assert time.monotonic() - started < ANALYSIS_SECONDS


def test_document_far_too_long_is_refused_before_cleaning() -> None:
    fuzzed("analyze: named cases")
    text = _long_text(limits.MAX_DOCUMENT_CHARS + 1)
    started = time.monotonic()
    with pytest.raises(InputError, match="limit for one article"):
        analyze_document(_document(text, None))
    assert time.monotonic() - started < 1.0  # refused before any cleaning work


@pytest.mark.parametrize("date", IMPOSSIBLE_DATES)
def test_impossible_day_month_costs_nothing(date: str) -> None:
    fuzzed("analyze: named cases")
    text = f"The treaty was signed on {date}, officials said. Talks went on for a week."
    analysis = _analyze(_document(text, "2024-10-26"))
    assert analysis is not None
    _check(analysis)


@pytest.mark.parametrize("date", IMPOSSIBLE_ISO)
def test_impossible_iso_date_is_not_a_value(date: str) -> None:
    fuzzed("analyze: named cases")
    analysis = _analyze(_document(f"The vote is set for {date}, officials said.", "2024-10-26"))
    assert analysis is not None
    _check(analysis)


@pytest.mark.parametrize(
    ("published", "phrase"), [("9999-12-31", "tomorrow"), ("0001-01-01", "last week")]
)
def test_publication_date_at_the_calendar_edge(published: str, phrase: str) -> None:
    fuzzed("analyze: named cases")
    analysis = _analyze(_document(f"The council met {phrase}, officials said.", published))
    assert analysis is not None
    _check(analysis)
