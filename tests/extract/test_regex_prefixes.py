"""The first characters a pattern's matches can start with (``regex_prefixes``), and the time
finder's cheap test of where its rules can match at all, which must find every place the
rules match."""

from __future__ import annotations

import random
import re

import pytest

from storyfuse.extract import times
from storyfuse.extract.regex_prefixes import prefixes

PATTERNS = [
    r"(?i:jan|feb)uary",
    r"(?<![\w-])(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+of\s+May",
    r"(?i:early|late)[-\s]+\d{4}s?",
    r"[A-Z]\w+day",
    r"a(?:\s+few)?\s+(?:days|weeks)",
    r"(?:'|’)\d\ds",
    r"(?i)k\w*",
    r"(?i)\u017ft",
    r"x*y",
]


def _matches_start_with_a_prefix(pattern: str, text: str, n: int) -> bool:
    found = prefixes(pattern, n)
    assert found is not None
    compiled = re.compile(pattern)
    for at in range(len(text)):
        match = compiled.match(text, at)
        window = text[at : at + n]
        if match and window.isascii() and not any(window.lower().startswith(p) for p in found):
            return False
    return True


def test_prefixes_of_simple_patterns() -> None:
    assert prefixes(r"(?i:jan|feb)uary", 3) == {"jan", "feb"}
    assert prefixes(r"(?:the\s+)?May", 2) == {"th", "ma"}
    assert prefixes(r"\d{4}", 2) == {f"{a}{b}" for a in "0123456789" for b in "0123456789"}
    # "\w" can be anything: the prefix ends before it
    assert prefixes(r"a\w+", 3) == {"a"}
    assert prefixes(r"x*y", 2) == {"y", "xy", "xx"}


def test_a_character_that_folds_otherwise_is_any_character() -> None:
    """The long s matches "s" and "S" case-insensitively, but lower-cases to itself: no
    prefix can tell."""
    assert prefixes("(?i)\u017f", 1) == {""}
    assert re.match("(?i)\u017f", "S")


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_match_starts_with_a_prefix(pattern: str) -> None:
    rng = random.Random(pattern)
    pieces = ["January", "jan", "the", "THE", " ", "\n", "12", "3rd", "of", "May", "early",
              "LATE", "-", "1990s", "a", "few", "days", "weeks", "'", "’", "90s", "Monday",
              "K", "\u212a", "kelvin", "st", "ST", "x", "y", "é"]  # fmt: skip
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert _matches_start_with_a_prefix(pattern, text, 3), text


def test_time_rules_are_tried_wherever_they_can_match() -> None:
    """``times._starts`` skips the places where no rule can start, and only those."""
    assert times._start_filter() is not None
    rng = random.Random(3)
    words = [
        "January", "Jan.", "the", "The", "THE", "last", "next", "early", "mid-2016", "1990s",
        "’90s", "'90s", "2016", "12", "3rd", "Monday", "mon.", "in", "spring", "ago", "a", "few",
        "days", "this", "year", "today", "tonight", "Christmas", "Labor", "Day", "fiscal", "2017",
        "Q3", "10:30", "a.m.", "said", "ſ", "İ", "é", "—", "–",
    ]  # fmt: skip
    anywhere = times._word_starts()
    for _ in range(300):
        text = " ".join(rng.choice(words) + rng.choice(["", ",", ".", "\n"]) for _ in range(30))
        assert times._starts(text) == [m.start() for m in anywhere.finditer(text)], text
