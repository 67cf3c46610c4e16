"""The first few characters a regular expression's matches can start with, read from the
standard library's own regex parser: where a set of patterns cannot match at all can then be
told from a few characters of text, without trying each pattern there.

``prefixes(pattern, n)`` gives strings of at most ``n`` characters, lower-cased: every match of
the pattern starts with one of them, once lower-cased, wherever the text's first ``n``
characters are ASCII (text with other characters is left to the pattern itself: case folding
outside ASCII has exceptions such as "ſ" matching "s"). A prefix shorter than ``n`` is a match
that may end there. Where something can follow that the reading does not follow (``\\w``, a
negated set, a back-reference), a prefix ends early, which only lets more text through.

The parser (``re._parser``) is internal to Python; where it is missing or reads a pattern
differently, ``prefixes`` gives None and callers try their patterns everywhere, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_ASCII = [chr(i) for i in range(128)]
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_WIDEST_RANGE = 1000  # a set wider than this is read as any character
_SPACE = frozenset(c for c in _ASCII if re.match(r"\s", c))
_DIGIT = frozenset(c for c in _ASCII if re.match(r"\d", c))

# A partial match: its text so far, and whether the pattern goes on after it in a way that is
# still read (True) or not (False: anything may follow).
_Partial = tuple[str, bool]


def prefixes(pattern: str, n: int) -> frozenset[str] | None:
    """The lower-cased prefixes (at most ``n`` characters) of every match of ``pattern``, or
    None when the standard library's parser cannot be read."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        reader = _Reader(_constants, n)
        return frozenset(text for text, _ in reader.sequence(_parser.parse(pattern).data))
    except (ImportError, AttributeError, re.error, TypeError, ValueError):
        return None


class _Reader:
    def __init__(self, c: Any, n: int) -> None:
        self.c = c
        self.n = n

    def sequence(
        self, items: Iterable[tuple[Any, Any]], start: Iterable[_Partial] = (("", True),)
    ) -> set[_Partial]:
        current = set(start)
        for op, av in items:
            element = self.element(op, av)
            following: set[_Partial] = set()
            for text, goes_on in current:
                if not goes_on:
                    following.add((text, False))
                    continue
                for more, more_goes_on in element:
                    joined = text + more
                    if len(joined) >= self.n:
                        following.add((joined[: self.n], False))
                    else:
                        following.add((joined, more_goes_on))
            current = following
        return current

    def element(self, op: Any, av: Any) -> set[_Partial]:
        c = self.c
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return {("", True)}  # zero width
        if op in (c.LITERAL, c.IN):
            chars = self.chars(op, av)
            return {("", False)} if chars is None else {(ch, True) for ch in chars}
        if op is c.BRANCH:
            out: set[_Partial] = set()
            for alternative in av[1]:
                out |= self.sequence(alternative.data)
            return out
        if op is c.SUBPATTERN:
            return self.sequence(av[3].data)
        if op is getattr(c, "ATOMIC_GROUP", None):
            return self.sequence(av.data)
        repeats = tuple(getattr(c, name, None) for name in _REPEATS)
        if op in repeats:
            low, high, body = av
            out = set()
            current: set[_Partial] = {("", True)}
            # after n + 1 repetitions every partial match is n characters long or has ended
            for count in range(min(high, max(low, self.n + 1)) + 1):
                if count >= low:
                    out |= current
                current = self.sequence(body.data, current)
            return out
        return {("", False)}  # anything: a wildcard, a back-reference, a conditional ...

    def chars(self, op: Any, av: Any) -> set[str] | None:
        """The lower-cased characters one literal or set matches; None for any character."""
        c = self.c
        if op is c.LITERAL:
            return _lowered([chr(av)])
        out: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                found = _lowered([chr(value)])
            elif kind is c.RANGE and value[1] - value[0] < _WIDEST_RANGE:
                found = _lowered(chr(k) for k in range(value[0], value[1] + 1))
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                found = set(_DIGIT)
            elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                found = set(_SPACE)
            else:  # a negated set, a word class ...
                return None
            if found is None:
                return None
            out |= found
        return out


def _lowered(chars: Iterable[str]) -> set[str] | None:
    """The characters lower-cased; None when one of them folds otherwise than it lower-cases
    (the Kelvin sign and "k"), which a case-insensitive pattern would match."""
    out = set()
    for ch in chars:
        low = ch.lower()
        if low != ch.casefold():
            return None
        out.add(low)
    return out
