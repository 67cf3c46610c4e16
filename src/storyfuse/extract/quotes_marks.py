"""Quoted passages found by their quote marks, on the plain text.

Handles curly double quotes (“…”), straight double quotes ("…"), doubled apostrophes standing
for double quotes (the plain-text rendering some archives give: ''…'', also ``…''), and single
quotes (‘…’ and '…') where they are used as quote marks rather than apostrophes. A straight
double mark faces the way its place says: before a word after a space it opens, after a word or
punctuation before a space it closes (and opens nothing where the opening mark was lost), and
elsewhere it toggles. A passage that is still open at the end of a paragraph continues when the
next paragraph opens with a quote mark (the news convention for quotes that run over several
paragraphs); otherwise it ends with its paragraph.

A paragraph that opens with a quote mark and a speaker's label in capitals ('"WALLACE: Let's
start ...') is a line of a transcript, set in quote marks as a whole: its opening mark quotes
the exchange, and the label says who speaks (the quote finder reads it as a colon line). It
neither continues the passage before it nor opens one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPEN_DOUBLE = "“"
CLOSE_DOUBLE = "”"
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
# Two apostrophes for a double quote mark, as some plain-text archives render quotes.
DOUBLED = "''"

_PARAGRAPH = re.compile(r"[^\n]+")
# Every character a quote mark can start with; the others need no look.
_MARK_CHARS = re.compile("[\"'`“”‘’″]")
# A double prime after a letter, typed for a closing mark ("Randolph “Tex″ Alles"); after a
# digit it is inches.
DOUBLE_PRIME = "″"
# Feet and inches before a double mark ("5’4”", "6'2\""): the mark is the inches
_FEET_AND_INCHES = re.compile(r"\b\d[’'′]\d{1,2}$")
# a transcript line's opening: a quote mark, then a speaker's label in capitals and a colon
# ("WALLACE:", "SEN. GRAHAM:")
_TRANSCRIPT_LINE = re.compile(r"\s*(?:''|``|[“\"])(?=[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}: )")


@dataclass(frozen=True)
class Marked:
    """A quoted passage: ``start``/``end`` bound the content inside the marks.

    ``segments`` are the per-paragraph content ranges (one for a passage within a paragraph).
    ``closed`` is False when the passage ended at a paragraph end without a closing mark.
    """

    start: int
    end: int
    segments: tuple[tuple[int, int], ...]
    closed: bool = True

    def text_of(self, text: str) -> str:
        return "\n".join(text[a:b] for a, b in self.segments)


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens_single(text: str, i: int) -> bool:
    """A single quote opens a passage when it starts a word after a space or a bracket, not
    the possessive of an abbreviation ("Intel Corp.'s", "the U.S.’s")."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before == "." and after == "s" and not _is_word(text[i + 2 : i + 3] or " "):
        return False
    return not _is_word(before) and before not in "’'" and (_is_word(after) or after in '“"')


def _closes_single(text: str, i: int) -> bool:
    """A single quote closes a passage when it ends a word or punctuation and no word follows.

    "don't" and "Ukraine’s" keep their apostrophes because a letter follows them.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word(after)


def _opens_word(text: str, i: int, start: int, end: int) -> bool:
    """Whether the mark at ``i`` stands before a word after a space, a bracket or the start of
    its paragraph: where a passage opens, whatever way the mark faces."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    # an invisible mark of writing direction before it is no word ("\u202a”Sorry Sarah, ...”")
    unseen = unicodedata.category(before) == "Cf"
    return (before.isspace() or before in "([" or unseen) and after.isalnum()


def _closes_only(text: str, i: int, start: int, end: int) -> bool:
    """Whether the mark at ``i`` can only close: it follows a word or punctuation (not a
    bracket) and a space or the paragraph's end follows it."""
    if i == start:
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and before not in "([{" and after.isspace()


def _doubled(text: str, i: int) -> bool:
    """Two apostrophes (or two backticks) at ``i`` standing for one double quote mark. In a run
    of three apostrophes the pair is the outer mark: the last two after a word or punctuation
    (a single quote closing inside a double one), the first two otherwise."""
    pair = text[i : i + 2]
    if pair not in (DOUBLED, "``"):
        return False
    if pair == DOUBLED and text[i + 2 : i + 3] == "'":
        before = text[i - 1] if i > 0 else " "
        return before.isspace() or before in "([{"
    return True


def _marks_in(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """(position, role, width) of quote marks in one paragraph: role is open/close/toggle per
    kind, width the mark's length in characters."""
    marks: list[tuple[int, str, int]] = []
    i = start
    while (found := _MARK_CHARS.search(text, i, end)) is not None:
        i = found.start()
        ch = text[i]
        if i + 1 < end and _doubled(text, i):
            marks.append((i, "od" if ch == "`" else "td", 2))
            i += 2
            continue
        if ch in (CLOSE_DOUBLE, '"') and _FEET_AND_INCHES.search(text, max(start, i - 6), i):
            i += 1  # "a 5’4” mass of dead energy": the inches of a height, no quote mark
            continue
        if ch == OPEN_DOUBLE and _closes_only(text, i, start, end):
            # an opening mark typed where a passage closes ('... health consequences,“ the
            # Secretary said') closes it
            marks.append((i, "cd", 1))
        elif ch == OPEN_DOUBLE or (ch == CLOSE_DOUBLE and _opens_word(text, i, start, end)):
            # a closing mark typed where a passage opens ("”Fear. I am truly afraid ...” ―
            # a reader"; Nordic print sets ” on both sides) opens it
            marks.append((i, "od", 1))
        elif ch == CLOSE_DOUBLE or (ch == DOUBLE_PRIME and i > start and text[i - 1].isalpha()):
            marks.append((i, "cd", 1))
        elif ch == '"' and _closes_only(text, i, start, end):
            # after a word or punctuation and before a space: a passage ends here, whether its
            # opening mark was typed or not ('We'll be looking at that," Trump said')
            marks.append((i, "cd", 1))
        elif ch == '"' and _opens_word(text, i, start, end):
            marks.append((i, "od", 1))
        elif ch == '"':
            marks.append((i, "td", 1))
        elif ch in (OPEN_SINGLE, "'") and _opens_single(text, i):
            marks.append((i, "os", 1))
        elif ch in (CLOSE_SINGLE, "'") and _closes_single(text, i):
            marks.append((i, "cs", 1))
        i += 1
    return marks


def _double_spans(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Double-quoted ranges (content only) of one paragraph, and the start of an unclosed one."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    nested = 0  # double quotes opened inside the open passage, still to close
    marks = _marks_in(text, start, end)
    for k, (i, role, width) in enumerate(marks):
        if role == "od" or (role == "td" and open_at is None):
            if open_at is None:
                open_at = i + width
            elif role == "od" and _closed_twice(marks[k + 1 :]):
                # a double quote inside a double quote ("“... what he calls “hell” than live
                # in ...” ― a reader"): its closing mark is not the passage's
                nested += 1
            elif role == "od" and text[open_at:i].rstrip()[-1:] in (".", "?", "!"):
                # a mark opening a sentence inside an open passage: the passage's closing mark
                # was lost ('"... against you. "How do you feel about that?" Colbert asked.'),
                # or the break before a paragraph that goes on with the quotation ("``... the
                # truth. ``We believe ...''", where a text's paragraphs were run together); one
                # passage ends and another begins
                spans.append((open_at, len(text[:i].rstrip())))
                open_at = i + width
        elif role in ("cd", "td") and open_at is not None:
            if nested and role == "cd":
                nested -= 1
                continue
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
    return spans, open_at


def _closed_twice(marks: list[tuple[int, str, int]]) -> bool:
    """Whether two closing double marks follow before another opening one: an inner quote's
    and the passage's."""
    closing = 0
    for _, role, _ in marks:
        if role == "od":
            return False
        if role == "cd":
            closing += 1
            if closing == 2:
                return True
    return False


def _single_spans(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Single-quoted ranges of one paragraph outside double-quoted ones (nested ones belong
    to the outer quote)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, role, _ in _marks_in(text, start, end):
        if any(a - 2 <= i <= b for a, b in taken):
            continue
        if role == "os" and open_at is None:
            open_at = i + 1
        elif role == "cs" and open_at is not None:
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
    return spans


def _starts_with_open_mark(text: str, start: int, end: int) -> int | None:
    stripped = text[start:end].lstrip()
    at = start + (len(text[start:end]) - len(stripped))
    if stripped[:2] in (DOUBLED, "``"):
        return at + 2
    if stripped[:1] in (OPEN_DOUBLE, '"') or (
        stripped[:1] == CLOSE_DOUBLE and stripped[1:2].isalnum()
    ):
        return at + 1
    return None


# Words an unclosed passage at the very end of a text needs to be a quotation (``find_marked``).
CUT_SHORT_WORDS = 3


def find_marked(text: str) -> list[Marked]:
    """All quoted passages of ``text`` in order of position."""
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    found: list[Marked] = []
    carry: list[tuple[int, int]] | None = None  # segments of a passage open across paragraphs
    for p_start, p_end in paragraphs:
        scan_from = p_start
        transcript = _TRANSCRIPT_LINE.match(text, p_start, p_end)
        if transcript is not None:
            if carry is not None:
                found.append(_marked(carry, closed=False))
                carry = None
            scan_from = transcript.end()
        elif carry is not None:
            cont = _starts_with_open_mark(text, p_start, p_end)
            if cont is None:
                # The open passage was not continued: it ended with its paragraph.
                found.append(_marked(carry, closed=False))
                carry = None
            else:
                spans, open_at = _double_spans(text, cont, p_end)
                # The first closing mark in this paragraph ends the continued passage; marks
                # after it are scanned as usual.
                closing = _first_close(text, cont, p_end)
                if closing is None:
                    carry.append((cont, _trim_end(text, cont, p_end)))
                    continue
                close, width = closing
                carry.append((cont, close))
                found.append(_marked(carry, closed=True))
                carry = None
                scan_from = close + width
        spans, open_at = _double_spans(text, scan_from, p_end)
        singles = _single_spans(text, scan_from, p_end, spans)
        for a, b in sorted(spans + singles):
            found.append(_marked([(a, b)], closed=True))
        if open_at is not None:
            carry = [(open_at, _trim_end(text, open_at, p_end))]
    if carry is not None and (
        len(carry) > 1 or len(text[carry[0][0] : carry[0][1]].split()) >= CUT_SHORT_WORDS
    ):
        # a passage still open where the text ends; one of a word or two is what was left of
        # a text cut short ("... the Sanders campaign said. “Sen."), no quotation
        found.append(_marked(carry, closed=False))
    return [m for m in found if text[m.start : m.end].strip()]


def _first_close(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The position and width of the first closing double mark."""
    for i, role, width in _marks_in(text, start, end):
        if role in ("cd", "td"):
            return i, width
    return None


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _marked(segments: list[tuple[int, int]], closed: bool) -> Marked:
    return Marked(
        start=segments[0][0], end=segments[-1][1], segments=tuple(segments), closed=closed
    )
