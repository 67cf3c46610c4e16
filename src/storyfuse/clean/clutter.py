"""Find the article in text copied from a web page, and say why every other line goes.

The approach, in order (each step measured by ``eval/plaintext_clean.py``):

1. Line shape: each line is prose (many words, many function words of the page's language,
   punctuated), a short full sentence, a short line (headings, labels), or clutter with a named
   reason (site furniture, a bare time, a photo credit, a dateline, an author bio, a repeated
   line, a link listed under a "Related stories" heading).
2. Lists of items: short lines of one repeated shape ("8:06 AM", "2 days ago", "Rating: 12
   Votes") head the entries of a news feed or a comment thread; they cut the page hard.
3. The article body is the stretch of lines where prose outweighs everything else (the
   maximum-sum run of per-line weights, as in Finn et al.'s Body Text Extraction), widened by a
   full sentence at either edge. When that stretch opens the text and no title is known, a
   short single sentence on the first line is the headline, not the body's first paragraph
   (corpora that end every headline with a full stop).
4. Topic: a long block of prose outside that stretch (an article split by an advert or a
   newsletter box) joins it when it shares vocabulary with the body (TF-IDF cosine), unless a
   list of items lies between them.
5. Inside the body, short lines stay (sub-headings, one-line paragraphs) unless they are clutter.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import sklearn
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyfuse import limits
from storyfuse.clean.lines import (
    BIO,
    BYLINE,
    CREDIT_LETTERS,
    TITLE_SMALL_WORDS,
    Line,
    normalise,
)

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

# Weights of the body search: prose counts by its length (capped so one huge line does not
# swallow a page), everything else costs a little, clutter costs more.
PROSE_CAP = 40
SHORT_COST = 6.0
CLUTTER_COST = 12.0
SEPARATOR_COST = 60.0
# A short full sentence ("The phone goes on sale next week.") weighs this much per word: neutral,
# so it neither starts a body nor breaks one; at most this many join at each edge of the body.
SENTENCE_WEIGHT = 0.0
# Longest first line, in words, taken for the headline when the body would otherwise open with
# it: 98.9 % of PolNeAR's 924 headlines have at most this many (96.3 % at most 15); a text
# without its headline loses a first paragraph of one sentence this short (26.7 % of PolNeAR's
# first paragraphs below the headline, 24.8 % at 15).
HEADLINE_WORDS = 17
# A lede opening with its dateline ("WASHINGTON (AP) — ", "PARIS - ") is the body's.
_DATELINE_OPENER = re.compile(r"^[A-Z][A-Z .,/'’-]+(?:\([A-Za-z ]+\))?\s*[—–-]\s")
# A dateline with the day and the wire's credit: "WASHINGTON, Aug. 19 (UPI) — ", "HAVANA,
# August 7 (Xinhua) -- ".
_DATED_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}, "
    r"(?:[A-Z][a-z]{2,4}\.?|January|February|March|April|August|September|October|November"
    r"|December) \d{1,2}"
    r"(?: ?\([A-Za-z ]{1,20}\))? ?(?:—|–|―|--?|_) ?(?=[A-Z\"“‘'])"
)
# The dateline a lede opens with, up to the text after its dash: a place in capitals (or places
# parted by slashes: "BEIJING/HONG KONG (Reuters) - "), perhaps its country or state, perhaps the
# wire's credit ("WASHINGTON (AP) — ", "KYIV, Ukraine (AP) — ").
# Or, with the credit, a place in capitalised words or none, and the dash perhaps left out:
# "Washington (CNN) - ", "(CNN) - ", "(CNN)Less than three months ...". The wires of the 1990s
# wrote the dash as an underscore: "NAIROBI, Kenya (AP) _ ".
DATELINE = re.compile(
    r"(?:(?:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3}"
    r"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?(?: ?\([A-Za-z ]{1,20}\))?"
    r"|(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})? ?)?"
    r"\([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]*){0,2}\))"
    r" ?(?:—|–|―|--?|_) ?"
    r"|(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} )?\([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]*){0,2}\))"
    r"(?=[A-Z\"“‘'])"
)


# A credit in capitals after a place of up to three words, with neither a dash nor a comma
# after it: "Washington (CNN) President Donald Trump signed ..." (``lines.unglue_credit`` puts
# that space back where a page had dropped it). It is no credit when it may stand for the words
# before it ("Central Intelligence Agency (CIA) Director John Brennan said").
_SPACED_CREDIT = re.compile(
    rf"(?:([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}}) )?\(({CREDIT_LETTERS})\) (?=[A-Z\"“‘'])"
)


# A credit in parentheses opening the text, one capitalised word, then a dash: "(Reuters) - ".
_BARE_CREDIT = re.compile(r"\([A-Z][a-z]+\) ?(?:—|–|―|--?) ?$")


def dateline_length(text: str) -> int:
    """How many characters of ``text`` a dateline opens it with (0 if none): "WASHINGTON (AP)
    — ", "PHILADELPHIA ― " (a horizontal bar), "PHILADELPHIA, July 25 (UPI) — ",
    "Washington (CNN) ", "(Reuters) - "."""
    m = DATELINE.match(text) or _DATED_DATELINE.match(text)
    if m and sum(ch.isupper() for ch in m.group()) >= 3:
        return m.end()
    if m and _BARE_CREDIT.match(m.group()):
        return m.end()  # a wire's credit alone before its dash: "(Reuters) - "
    spaced = _SPACED_CREDIT.match(text)
    if spaced and (spaced[1] is None or spaced[1][0] != spaced[2][0]):
        return spaced.end()
    return 0


def dateline_alone(text: str) -> bool:
    """Whether ``text`` is only a dateline, its lede set apart from it ("CAPE TOWN, South Africa
    (AP) --", "WASHINGTON _"): read as it would be before the lede's first word."""
    return dateline_length(text + " A") >= len(text)


# A full stop ending a word (not an initial, "U.S." or a title such as "Gov.") before a capital.
_SENTENCE_BREAK = re.compile(
    r"\b(?!(?:Mrs?|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Jr|Sr|St|Mt|Ft|vs|No)\.)\w*[a-z]{2}[.!?]"
    r"['’\"”]?\s+[A-Z]"
)
EDGE_SENTENCES = 1
# Lines between two heads of listed items (comments, feed entries) at most.
MAX_ITEM_LINES = 12
UNRELATED = "a section about something else (shares no vocabulary with the article)"
# "Editor's note: ..." opening a line: a note on the article (an update, a correction) or an
# outlet's standing note appended to every article on a subject.
EDITORS_NOTE = re.compile(r"\s*editor['’]?s['’]? note\s*:", re.IGNORECASE)
# The labels a news archive's export sets between an article's parts, each on a line of its own
# in capitals ("ABSTRACT." before the indexer's summary, "FULL TEXT." before the article).
ARCHIVE_LABEL = re.compile(r"\s*(?:ABSTRACT|FULL TEXT|CORRECTION APPENDED)\s*[.:]?\s*$")
# A trailing section whose TF-IDF cosine to the body before it is below this is another story.
UNRELATED_SIMILARITY = 0.08
# A body with this many sections (a heading and prose) before a last one is written in
# sections, and the last is one more of them ("John Kasich." after "Ted Cruz."), not another
# story.
SECTIONED = 2
# Item separators inside the body that make it a run of items itself (a live blog).
STREAM_SEPARATORS = 2
LISTED = "part of a list of other items (news feed, comments), not this article"
_DIGITS = re.compile(r"\d+")
# Headings that introduce a list of links to other pages.
LIST_HEADING = re.compile(
    r"\b(related|recommended|trending|more (news|stories|from|on|in)|most (read|popular|viewed|shared)"
    r"|top (stories|news)|editors'? picks|other (topics|stories|news)|you (may|might) (also )?like"
    r"|read (more|next|also)|see also|latest (news|stories|headlines)|further reading|also on)\b",
    re.IGNORECASE,
)
# Lines under a furniture heading up to this length are taken as the links it lists.
LISTED_LINK_WORDS = 15
# An extra block outside the body must be this long (in words) and this close in topic.
EXTRA_BLOCK_WORDS = 25
EXTRA_BLOCK_SIMILARITY = 0.12
MAX_EXTRA_BLOCKS = 30


_THREAD = threading.local()


def _tfidf() -> TfidfVectorizer:
    """This thread's TF-IDF vectorizer, refitted on each use (a fit starts afresh). A new
    vectorizer would check its stop-word list against its tokenizer again on each fit, a
    tokenisation of 318 words every time."""
    vectorizer: TfidfVectorizer | None = getattr(_THREAD, "tfidf", None)
    if vectorizer is None:
        vectorizer = _THREAD.tfidf = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    return vectorizer


def _tfidf_matrix(texts: Sequence[str]) -> csr_matrix:
    """The TF-IDF rows of ``texts``, fitted on them. sklearn's checks of the vectorizer's
    settings (fixed above) and of the counts (finite) are skipped: on a page's few lines they
    cost a quarter of the fit. Raises ValueError when the texts hold only stop words."""
    with sklearn.config_context(skip_parameter_validation=True, assume_finite=True):
        return _tfidf().fit_transform(texts)


@dataclass(frozen=True)
class Decision:
    """What to do with one line: keep it (reason None) or remove it for a reason."""

    line: Line
    reason: str | None = None

    @property
    def kept(self) -> bool:
        return self.reason is None


# Words of reported speech, which a note on the author has none of: "Jamal Simmons is a
# Democratic consultant and a CNN contributor ... Simmons, an Obama supporter, said he saw ..."
# is the article's.
REPORTED = re.compile(r"\b(?:said|says|told)\b")


def line_clutter_reason(line: Line) -> str | None:
    """A reason why this line, on its own, is page clutter (None when it may be article text)."""
    if line.n_words == 0:
        return "no words (symbols or decoration)"
    if line.is_time_only:
        return "a bare time or duration (audio/video player or live-feed residue)"
    if line.has_credit and line.n_words <= 70:
        return "photo caption or credit"
    if (
        BIO.match(line.text)
        and line.n_words <= 80
        and not line.text.startswith("By ")
        and not REPORTED.search(line.text)
    ):
        return "author bio"
    if EDITORS_NOTE.match(line.text):
        return "editor's note (about the article or the outlet, not the story it reports)"
    if ARCHIVE_LABEL.match(line.text):
        return "a news archive's label for a part of the article (ABSTRACT, FULL TEXT)"
    if line.n_words <= 15 and line.is_dateline:
        return "dateline"
    hits = line.ui_hits
    if hits and not line.is_prose:
        return "site furniture (navigation, sharing, subscription or advertising text)"
    if hits >= 2 and hits * 8 >= line.n_words:
        return "site furniture (navigation, sharing, subscription or advertising text)"
    return None


REPEATED_TITLE = "headline (repeated title)"
REPEATED_LINE = "repeated line"

# How many lines a repeated title may be broken over, and how far down the text it may start.
TITLE_LINES_MAX = 3
TITLE_BROKEN_WITHIN = 5


def title_lines(lines: Sequence[Line], title_key: str) -> list[int]:
    """The lines that repeat the title: any line that is the title, and near the top, a run of
    lines that is the title broken over them ("Clinton takes Pa., Md. and Del.; most delegates
    locked up;" | "Sanders wins R.I., vows to press on to next primary.")."""
    out = [i for i, line in enumerate(lines) if line.key == title_key]
    for i in range(min(TITLE_BROKEN_WITHIN, len(lines))):
        for n in range(2, TITLE_LINES_MAX + 1):
            run = lines[i : i + n]
            if len(run) == n and " ".join(line.key for line in run) == title_key:
                out.extend(range(i, i + n))
    return sorted(set(out))


def classify(lines: Sequence[Line], title: str | None = None) -> list[Decision]:
    """Keep or remove each line of a pasted page; every removal carries its reason."""
    if not lines:
        return []
    reasons: list[str | None] = [line_clutter_reason(line) for line in lines]
    _mark_repeats(lines, reasons)
    _mark_captions_after_credits(lines, reasons)
    _mark_listed_links(lines, reasons)
    title_key = normalise(title) if title else None
    if title_key:
        for i in title_lines(lines, title_key):
            if reasons[i] is None:
                reasons[i] = REPEATED_TITLE

    limits.check()
    prose = [line.is_prose and reasons[i] is None for i, line in enumerate(lines)]
    weights = [_weight(line, prose[i], reasons[i]) for i, line in enumerate(lines)]
    separators = _item_separators(lines, prose)
    for i in separators:
        weights[i] = -SEPARATOR_COST
    limits.check()
    start, end = _max_run(weights)
    if start > end:  # no prose at all: keep what is not clutter, but for a headline on top
        top = title_key is None and len(lines) > 1 and reasons[0] is None
        if top and _headline_shaped(lines[0], *lines[1:3]):
            reasons[0] = _outside_reason(lines[0], before=True)
        return headline_as_body([Decision(line, reasons[i]) for i, line in enumerate(lines)])

    # A full sentence right at the body's edge belongs to it (a short opening or closing line).
    for _ in range(EDGE_SENTENCES):
        if start > 0 and reasons[start - 1] is None and lines[start - 1].is_sentence:
            start -= 1
        if end + 1 < len(lines) and reasons[end + 1] is None and lines[end + 1].is_sentence:
            end += 1
    if start == 0 and len(lines) > 1 and title_key is None:
        # a label between the headline and the text ("ABSTRACT.", "LETTERS.") goes with it
        label = len(lines) > 2 and _label(lines[1])
        following = lines[2:4] if label else lines[1:3]
        if following and _headline_shaped(lines[0], *following):
            start = 2 if label else 1
            # the run may have ended at the headline, the text below it being no prose (a lede
            # cut off before its full stop)
            end = max(end, start)
    end, off_topic = _trim_unrelated_tail(lines, prose, reasons, start, end)
    similarity = _topic_similarity(lines, prose, start, end)
    in_body = [start <= i <= end for i in range(len(lines))]
    # A body that is itself a run of items (a live blog's time-stamped entries) does not end
    # where the items go on: its items before and after are judged by their topic alone.
    stream = sum(1 for i in separators if start < i < end) >= STREAM_SEPARATORS
    if stream:
        separators = set()
    # Blocks outside the body that are long and on topic belong to it (an article split by a
    # large advert or a box of links).
    for block in _blocks(weights, start, end):
        between = range(block[-1] + 1, start) if block[0] < start else range(end + 1, block[0])
        if any(i in separators for i in between):
            continue  # beyond a list of items (comments, a news feed): not this article
        words = sum(lines[i].n_words for i in block if prose[i])
        sims = [similarity[i] for i in block if prose[i]]
        if words >= EXTRA_BLOCK_WORDS and sims and float(np.mean(sims)) >= EXTRA_BLOCK_SIMILARITY:
            for i in block:
                in_body[i] = True

    # Past the first list head after the body (or before the last one ahead of it), lines
    # belong to the list.
    list_after = min((k for k in separators if k > end), default=len(lines))
    list_before = max((k for k in separators if k < start), default=-1)
    decisions = []
    for i, line in enumerate(lines):
        limits.check()
        reason = reasons[i]
        if reason is None and not in_body[i]:
            listed = list_after < i or (i < start and i <= list_before)
            if i in off_topic:
                reason = UNRELATED
            else:
                reason = LISTED if listed else _outside_reason(line, i < start)
        decisions.append(Decision(line, reason))
    return headline_as_body(decisions)


def headline_as_body(decisions: list[Decision]) -> list[Decision]:
    """The decisions, but when nothing is kept and the body was only its headline said again
    (a brief whose one sentence is also its title), that sentence kept as the body."""
    if any(d.kept for d in decisions):
        return decisions
    repeats = [i for i, d in enumerate(decisions) if d.reason in (REPEATED_LINE, REPEATED_TITLE)]
    if not repeats:
        return decisions
    out = list(decisions)
    out[repeats[-1]] = Decision(decisions[repeats[-1]].line, None)
    return out


def _trim_unrelated_tail(
    lines: Sequence[Line],
    prose: Sequence[bool],
    reasons: Sequence[str | None],
    start: int,
    end: int,
) -> tuple[int, set[int]]:
    """Cut sections at the end of the body that share no vocabulary with the rest of it.

    The body is split at its headings (short lines that are not sentences). From the last
    section backwards, a section whose prose has a TF-IDF cosine below ``UNRELATED_SIMILARITY``
    to the body before it is another story that ran on (a news feed, a promo), not this one;
    unless ``SECTIONED`` sections come before it, where the body is written in sections (a
    column's last part, a rundown's last candidate) that each may use words of their own.
    """
    cuts = [
        i
        for i in range(start + 1, end + 1)
        if reasons[i] is None and not prose[i] and not lines[i].is_sentence
    ]
    if not cuts:
        return end, set()
    removed: set[int] = set()
    sections = [
        c for c, after in zip(cuts, [*cuts[1:], end + 1]) if any(prose[i] for i in range(c, after))
    ]
    for cut in reversed(cuts):
        if sum(1 for c in sections if c < cut) >= SECTIONED:
            break
        head = [i for i in range(start, cut) if prose[i]]
        tail = [i for i in range(cut, end + 1) if prose[i]]
        if len(head) < 2 or not tail:
            break
        head_words = sum(lines[i].n_words for i in head)
        if head_words < 2 * sum(lines[i].n_words for i in tail):
            break  # only a small tail can be cut: the body is the bulk
        similarity = _block_similarity(lines, head, tail)
        if similarity >= UNRELATED_SIMILARITY:
            break
        removed.update(range(cut, end + 1))
        end = cut - 1
    return end, removed


def _block_similarity(lines: Sequence[Line], head: Sequence[int], tail: Sequence[int]) -> float:
    """TF-IDF cosine between two groups of lines (IDF over the lines of both)."""
    texts = [lines[i].text for i in head] + [lines[i].text for i in tail]
    try:
        matrix = _tfidf_matrix(texts)
    except ValueError:
        return 1.0
    a = np.asarray(matrix[: len(head)].sum(axis=0)).ravel()
    b = np.asarray(matrix[len(head) :].sum(axis=0)).ravel()
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0


def _item_separators(lines: Sequence[Line], prose: Sequence[bool]) -> set[int]:
    """Short lines of one repeated shape: the heads of listed items (comments, feeds).

    "2 days ago at 07:52 am", "8:06 AM", "Rating: 12 Votes": with digits folded, the same short
    line three times or more marks a list of separate items, never one article's flow.
    """
    shapes: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if not prose[i] and 0 < line.n_words <= 10 and any(c.isdigit() for c in line.text):
            shape = "<time>" if line.is_time_only else _DIGITS.sub("0", line.key)
            shapes.setdefault(shape, []).append(i)
    separators: set[int] = set()
    for found in shapes.values():
        # Items of one list sit close together; a lone "0:00" far away is not one of them.
        run = [found[0]]
        for i in found[1:] + [len(lines) + MAX_ITEM_LINES + 1]:
            if i - run[-1] <= MAX_ITEM_LINES:
                run.append(i)
                continue
            if len(run) >= 3:
                separators.update(run)
            run = [i]
    return separators


def _weight(line: Line, is_prose: bool, reason: str | None) -> float:
    if reason is not None:
        return -CLUTTER_COST
    if is_prose:
        return float(min(line.n_words, PROSE_CAP))
    if line.is_sentence:
        return SENTENCE_WEIGHT * line.n_words
    return -SHORT_COST


def _max_run(weights: Sequence[float]) -> tuple[int, int]:
    """The maximum-sum contiguous run of weights (Kadane); (0, -1) when all are negative."""
    best, best_start, best_end = 0.0, 0, -1
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = w, i
        else:
            total += w
        if total > best:
            best, best_start, best_end = total, start, i
    return best_start, best_end


def _blocks(weights: Sequence[float], start: int, end: int) -> list[list[int]]:
    """Positive-sum runs outside [start, end], found the same way as the body."""
    found: list[list[int]] = []
    for lo, hi in ((0, start), (end + 1, len(weights))):
        segment = list(weights[lo:hi])
        for _ in range(MAX_EXTRA_BLOCKS):
            if not any(w > 0 for w in segment):
                break
            s, e = _max_run(segment)
            if s > e:
                break
            found.append(list(range(lo + s, lo + e + 1)))
            for k in range(s, e + 1):
                segment[k] = -1e9  # taken
    return found


def _topic_similarity(
    lines: Sequence[Line], prose: Sequence[bool], start: int, end: int
) -> list[float]:
    """Each line's TF-IDF cosine to the body's other prose (leave-one-out inside the body)."""
    n = len(lines)
    body = [i for i in range(start, end + 1) if prose[i]]
    if len(body) < 2:
        return [1.0] * n
    try:
        matrix = _tfidf_matrix([line.text for line in lines])
    except ValueError:  # nothing but stop words
        return [1.0] * n
    centroid = np.asarray(matrix[body].sum(axis=0)).ravel()
    dots = np.asarray(matrix @ centroid).ravel()  # row . centroid
    row_sq = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()  # |row|^2 (1 or 0)
    in_body = np.zeros(n, dtype=bool)
    in_body[body] = True
    # Leave-one-out for body lines: row . (C - row) and |C - row|.
    loo_dots = np.where(in_body, dots - row_sq, dots)
    c_sq = float(centroid @ centroid)
    loo_norms = np.sqrt(np.maximum(np.where(in_body, c_sq - 2 * dots + row_sq, c_sq), 0.0))
    denom = loo_norms * np.sqrt(row_sq)
    sims = np.divide(loo_dots, denom, out=np.zeros(n), where=denom > 0)
    return [float(x) for x in sims]


def _headline_shaped(line: Line, after: Line, then: Line | None = None) -> bool:
    """A first line that reads as a headline even though it ends like a sentence: a few words,
    one sentence, no dateline opening a lede, no colon or comma leading into what follows; above
    running text or a line at least twice as long, or closed by a semicolon (a headline above
    its standfirst), or above a standfirst of one sentence that running text follows ("Calif.
    may raise minimum wage to $15 by 2022." / "Plan would create huge experiment in ..." / the
    article). Two short sentences in a row with nothing longer after them are a short text, not
    a headline and its article. A line in title case (``title_cased``), or closed by a stop an
    archive added (``APPENDED_STOP``), is a headline of up to ``TITLE_CASE_HEADLINE_WORDS``
    words, of one sentence or more; so is a line of up to ``SUMMED_UP_HEADLINE_WORDS`` that the
    line below tells again (``_summed_up_below``)."""
    text = line.text
    if _DATELINE_OPENER.match(text) or text.endswith((":", ",")):
        return False
    if DATELINE.match(after.text) or _DATED_DATELINE.match(after.text):
        # above a lede that opens with its dateline, where the article begins ("Virginian
        # could make history. Again." over "NEWPORT NEWS, Va. - In a tradition ...")
        return 3 <= line.n_words <= TITLE_CASE_HEADLINE_WORDS
    if title_cased(text) or APPENDED_STOP.search(text):
        # headline style, whatever its length or sentences ("Republicans Finally Confirmed A
        # Judge. Is This Obama's Last One?"), or closed by a stop only archives add
        return 3 <= line.n_words <= TITLE_CASE_HEADLINE_WORDS
    if 3 <= line.n_words <= SUMMED_UP_HEADLINE_WORDS and _summed_up_below(line, after):
        return True  # one sentence or two, told again at length by the text below
    return (
        3 <= line.n_words <= HEADLINE_WORDS
        and not _SENTENCE_BREAK.search(text)
        and (
            after.is_prose
            or after.n_words >= 2 * line.n_words
            or text.endswith(";")
            or _standfirst(after, then, line.n_words)
        )
    )


# A full stop added after the line's own closing mark, as archives that end every headline with
# one do ("Here's how..", "Why now?.", "... (to put it mildly).'."): no sentence ends so (one
# ending in a bracket does: "... Sen. Bernie Sanders (I-Vt.).").
APPENDED_STOP = re.compile(r"[.?!…][\"'”’]*\.$")
# Share of a first line's content words that the line below repeats, from which a line of up to
# SUMMED_UP_HEADLINE_WORDS is that text's headline. The lede tells a headline again: half its
# content words or more come back in it in 663 of 900 NeuS articles and in 336 of 701 PolNeAR
# articles of three paragraphs or more. A lede's first paragraph shares that much with its
# second in 7 of those 701, each over 25 words long.
SUMMED_UP_SHARE = 0.5
SUMMED_UP_MIN_WORDS = 2
SUMMED_UP_HEADLINE_WORDS = 24


def _summed_up_below(line: Line, after: Line) -> bool:
    """Whether a short line's content words come back in the longer line below it: "Florida
    students walk out of classes, embark on 10-mile walk to site of last week's school
    shooting." over "Approximately 20 students from West Boca Raton High School, Fla., staged a
    walk-out during school Tuesday and have embarked on a 10-mile walk to ... the site of the
    Feb. 14 massacre." Words match on their first five letters ("embark", "embarked")."""
    if after.n_words <= line.n_words:
        return False
    own = _content_stems(line)
    if not own:
        return False
    shared = len(own & _content_stems(after))
    return shared >= SUMMED_UP_MIN_WORDS and shared >= SUMMED_UP_SHARE * len(own)


def _content_stems(line: Line) -> set[str]:
    words = (re.sub(r"['’]s$", "", w.lower()) for w in line.words)
    return {w[:5] for w in words if len(w) > 2 and w not in ENGLISH_STOP_WORDS}


def _standfirst(line: Line, then: Line | None, headline_words: int) -> bool:
    """A line of one sentence under a headline, above the running text: a few words more than
    the headline at most, and a paragraph of prose after it at least twice the headline's."""
    return (
        then is not None
        and 3 <= line.n_words <= 2 * HEADLINE_WORDS
        and not _SENTENCE_BREAK.search(line.text)
        and not _DATELINE_OPENER.match(line.text)
        and then.is_prose
        and then.n_words >= 2 * headline_words
    )


# headline writers often leave "is" in lower case too
_HEADLINE_SMALL_WORDS = TITLE_SMALL_WORDS | {"is"}
TITLE_CASE_SHARE = 0.8
TITLE_CASE_HEADLINE_WORDS = 30


def _label(line: Line) -> bool:
    """A one- or two-word label line: "ABSTRACT.", "LETTERS.", "Full text:"."""
    words = line.text.rstrip(".:").split()
    return 1 <= len(words) <= 2 and all(w.isalpha() for w in words) and words[0][0].isupper()


def title_cased(text: str) -> bool:
    """Whether a line is written in headline style, nearly every word capitalised ("Clinton Cash
    Debunks Hillary: Only 'One or Two Instances' where Donations 'Slipped through the
    Cracks.'"): no paragraph of running text is."""
    words = [w.strip("\"'“”‘’,:;()!?.") for w in text.split()]
    words = [w for w in words if w[:1].isalpha() and w.lower() not in _HEADLINE_SMALL_WORDS]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 4 and capitalised >= TITLE_CASE_SHARE * len(words)


def _outside_reason(line: Line, before: bool) -> str:
    if before:
        if BYLINE.match(line.text):
            return "byline"
        if line.is_dateline and line.n_words <= 15:
            return "dateline"
        return "headline or page header before the article body"
    return "after the article body (related links, footer or other items)"


def _mark_listed_links(lines: Sequence[Line], reasons: list[str | None]) -> None:
    """Short lines right under a furniture heading ("Related stories") are the links it lists."""
    k = 0
    while k < len(lines):
        heading = lines[k]
        if reasons[k] is None or heading.n_words > 5 or not LIST_HEADING.search(heading.text):
            k += 1
            continue
        k += 1
        while k < len(lines) and lines[k].n_words <= LISTED_LINK_WORDS:
            if reasons[k] is None:
                reasons[k] = f"listed under {heading.text!r} (links to other pages)"
            k += 1


# A bare photo credit has at most this many words ("Handout/Reuters.", "POOL New/Reuters.").
BARE_CREDIT_WORDS = 4
CAPTION_WORDS_MAX = 45
# What a photo's caption says and running text seldom does: who is on which side, and what the
# people pictured are doing, in the present tense.
CAPTION_CUE = re.compile(
    r"\((?:left|right|center|centre|top|bottom|front|back|L|R|C)\)"
    r"|\b(?:holds|hold|poses|pose|speaks|waves|wave|gestures|arrives|attends|listens|looks on"
    r"|stands|stand|sits|walks|is seen|are seen|pictured)\b"
)


def _mark_captions_after_credits(lines: Sequence[Line], reasons: list[str | None]) -> None:
    """The line right after a bare photo credit is that photo's caption when it reads like
    one: "POOL New/Reuters." | "Sanford police officer Timothy Smith holds up the gun ...",
    "Handout/Reuters." | "George Zimmerman (left) shot and killed Trayvon Martin (right) ..."."""
    for i in range(1, len(lines)):
        credit = lines[i - 1]
        if (
            reasons[i] is None
            and reasons[i - 1] == "photo caption or credit"
            and credit.n_words <= BARE_CREDIT_WORDS
            and lines[i].n_words <= CAPTION_WORDS_MAX
            and CAPTION_CUE.search(lines[i].text)
        ):
            reasons[i] = "photo caption or credit"


def _mark_repeats(lines: Sequence[Line], reasons: list[str | None]) -> None:
    """Repeated lines: navigation and promos repeat whole; captions repeat as alt text."""
    counts = Counter(line.key for line in lines if line.key)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        key = line.key
        if not key:
            continue
        if counts[key] > 1 and reasons[i] is None:
            if not line.is_prose:
                reasons[i] = "repeated on the page (navigation, promo or headline)"
            elif key in seen:
                reasons[i] = REPEATED_LINE
        seen.add(key)
    # A line contained in a neighbouring caption is that caption's other copy.
    for i, line in enumerate(lines):
        if reasons[i] is not None or line.n_words < 6:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and reasons[j] == "photo caption or credit":
                other = lines[j].key
                if line.key in other or other in line.key:
                    reasons[i] = "photo caption or credit"
                    break
