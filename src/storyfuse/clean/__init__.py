"""Stage 2, clean: remove page clutter and complete the metadata. See ``clean``.

Plain text (what copying a web page gives) goes through the full clutter search in
``clutter.py``; a body already extracted from HTML by trafilatura is only trimmed at its edges
(repeated headline, leftover share or subscribe lines), so the extractor's work is not undone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyfuse import limits
from storyfuse.clean import metadata
from storyfuse.clean.clutter import (
    REPEATED_TITLE,
    TITLE_LINES_MAX,
    Decision,
    classify,
    headline_as_body,
    line_clutter_reason,
    title_lines,
)
from storyfuse.clean.language import language_of
from storyfuse.clean.lines import (
    Line,
    normalise,
    repair_apostrophes,
    repair_mojibake,
    split_lines,
    unglue_credit,
    without_link_notes,
    without_ticker_chips,
)
from storyfuse.model import Article, Document, Removed

__all__ = ["clean", "clean_text"]

# Longest line, in words, that the edge trimming of an extracted body takes for a promo.
EDGE_PROMO_WORDS = 30


def clean(document: Document) -> Article:
    """The article of a Document: clutter removed (each removal with its reason), metadata filled,
    and the language it is written in (``clean.language``).

    ``Article.text`` is the clean body, paragraphs joined by blank lines.
    """
    document = _repaired(document)
    lines = split_lines(document.body)
    limits.check()
    if document.from_html:
        decisions = trim_extracted(lines, document.title)
    else:
        decisions = classify(lines, title=document.title)
    limits.check()
    meta = metadata.complete(document, decisions)
    decisions = _without_author_note(decisions, meta.authors)
    text = "\n\n".join(d.line.text for d in decisions if d.kept)
    text = without_ticker_chips(without_link_notes(repair_apostrophes(text)))
    return Article(
        id=document.id,
        path=document.path,
        format=document.format,
        text=text,
        content_hash=document.content_hash,
        title=repair_apostrophes(meta.title) if meta.title else meta.title,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        published_from=meta.published_from,
        url=document.url,
        language=language_of(text, document.language),
        removed=tuple(Removed(d.line.text, d.reason) for d in decisions if d.reason),
    )


def _repaired(document: Document) -> Document:
    """The document with mojibake repaired in its body and title (``repair_mojibake``), and a
    space put back after a wire's credit glued to the lede (``unglue_credit``)."""
    body = unglue_credit(repair_mojibake(document.body))
    title = repair_mojibake(document.title) if document.title else document.title
    if body == document.body and title == document.title:
        return document
    return replace(document, body=body, title=title)


# The most words of a note on the author at the end of an article ("Aaron Kall is director of
# debate at the University of Michigan."), and how many of the last kept lines may be one.
AUTHOR_NOTE_WORDS = 50
AUTHOR_NOTE_LINES = 2


def _without_author_note(decisions: list[Decision], authors: Sequence[str]) -> list[Decision]:
    """The decisions with a note on one of the article's own authors among its last lines left
    out: a line that opens with the author's name and goes on to say who they are ("Aaron Kall
    is director of debate at the University of Michigan.", "Jane Smith, a former prosecutor,
    teaches law at ...")."""
    names = [re.escape(a) for a in authors if " " in a]  # a full name, not "AP" or "Staff"
    if not names:
        return decisions
    opening = re.compile(
        rf"(?:{'|'.join(names)})(?:,| (?:is|was|has|teaches|writes|covers|served|serves)\b)"
    )
    kept = [i for i, d in enumerate(decisions) if d.kept]
    out = list(decisions)
    for i in kept[-AUTHOR_NOTE_LINES:]:
        line = decisions[i].line
        if line.n_words <= AUTHOR_NOTE_WORDS and opening.match(line.text) and len(kept) > 1:
            out[i] = Decision(line, "author bio")
    return out


def clean_text(text: str, title: str | None = None) -> str:
    """Only the clean body of a pasted page (used by the evaluation)."""
    lines = split_lines(repair_mojibake(text))
    return "\n\n".join(d.line.text for d in classify(lines, title=title) if d.kept)


def trim_extracted(lines: Sequence[Line], title: str | None) -> list[Decision]:
    """Light cleaning of an extractor's output: the title line and clutter at the edges only."""
    reasons: list[str | None] = [None] * len(lines)
    title_key = normalise(title) if title else ""
    for i in title_lines(lines[: 3 + TITLE_LINES_MAX], title_key) if title_key else ():
        reasons[i] = REPEATED_TITLE
    # Leading and trailing runs of site furniture; the middle is the extractor's call (repeated
    # lines and short captions there are often real content: tables, recipes, galleries).
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for i in order:
            limits.check()
            if reasons[i] is not None:
                continue
            reason = line_clutter_reason(lines[i])
            if reason is None and lines[i].ui_hits and lines[i].n_words <= EDGE_PROMO_WORDS:
                # At the very edge, a sentence built around "follow us", "sign up", "share
                # this" is a promo even when it reads as prose.
                reason = "site furniture (a promo at the edge of the article)"
            if reason is None or not reason.startswith(("site furniture", "a bare time")):
                break
            reasons[i] = reason
    return headline_as_body([Decision(line, reasons[i]) for i, line in enumerate(lines)])
