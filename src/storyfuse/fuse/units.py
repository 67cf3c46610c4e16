"""What every part of fuse works on: the story's articles, cut into sentence units.

A unit is one sentence of one article, with the entities, numbers and time mentions inside it.
Copies (``Story.duplicates``) are left out here, once, so that no part counts a copy as extra
support.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

import numpy as np

from storyfuse.clean.clutter import dateline_alone, dateline_length
from storyfuse.extract.nlp import TITLE_TOKENS, place_names
from storyfuse.extract.people import QUESTION_LINE
from storyfuse.extract.quotes_marks import find_marked
from storyfuse.model import Analysis, Entity, Quote, Story, TimeMention

# texts -> L2-normalised rows, one per text
Embedder = Callable[[Sequence[str]], np.ndarray]
T = TypeVar("T")

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
# sentences shorter than this carry no statement of their own (bylines, section heads, credits)
MIN_WORDS = 6


@dataclass(frozen=True)
class Unit:
    article_id: str
    index: int  # position of the sentence in its article
    position: float  # index / number of sentences: 0 = lead, 1 = last
    text: str
    start: int
    end: int
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeMention, ...] = ()

    @property
    def numbers(self) -> frozenset[str]:
        return numbers_in(self.text)


@dataclass
class StoryArticles:
    """The story's analyses (copies left out) and their units, in story order."""

    story: Story
    analyses: list[Analysis]
    units: list[Unit]
    embed: Embedder
    _cache: dict[str, np.ndarray] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict)

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.analyses]

    def analysis_of(self, article_id: str) -> Analysis | None:
        """The analysis of one of the story's articles (None for a copy left out)."""
        return next((a for a in self.analyses if a.id == article_id), None)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Embeddings for texts, each text embedded once per story."""
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, row in zip(missing, self.embed(missing), strict=True):
                self._cache[text] = np.asarray(row, dtype=np.float32)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """What ``compute`` gives, computed once per story (parts several steps share)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[no-any-return]

    def published_days(self) -> dict[str, date | None]:
        """Each article's publication day, None when it has none (read once per story)."""
        return self.once(
            "published days", lambda: {a.id: parse_day(a.article.published) for a in self.analyses}
        )

    def published(self) -> list[date]:
        """The publication days the story's articles have, in story order."""
        return [day for day in self.published_days().values() if day is not None]


def cosines(vectors: np.ndarray) -> np.ndarray:
    """Cosines of every two unit rows: exactly symmetric, with ones on the diagonal.

    A matrix product gives [i, j] and [j, i] summed in different orders, a last-digit apart, and
    a row times itself a last digit off one: the two members of a pair would then never tie, and
    which one stands for the pair would turn on rounding noise instead of the stated tie-break.
    """
    product = np.clip(vectors @ vectors.T, -1.0, 1.0)
    upper = np.triu(product, k=1)
    out = upper + upper.T
    np.fill_diagonal(out, 1.0)
    return out


@functools.lru_cache(maxsize=65536)
def numbers_in(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def counts(unit: Unit) -> frozenset[str]:
    """The numbers a sentence gives, leaving out the digits of its dates ("on June 3")."""
    text = unit.text
    for mention in unit.times:
        written = " ".join(mention.text.split())
        if written:
            text = text.replace(written, " ")
    return numbers_in(text)


def words(text: str) -> list[str]:
    return [w.lower().removesuffix("'s") for w in _WORD.findall(text)]


def finished(text: str) -> bool:
    """Whether a sentence ends as a sentence does, not cut off at a word, inside brackets
    ("... and Ron Wyden (D–Ore.", where an archive cut a lead) nor at the title before a name
    ("... will be up for grabs on Tuesday as Sens.")."""
    return (
        bool(text)
        and text[-1] in '.!"”’)'
        and text.count("(") <= text.count(")")
        and text.rsplit(maxsplit=1)[-1] not in TITLE_TOKENS
    )


# The labels some outlets open a paragraph with, as signposts of their house style ("Why it
# matters: ...", "Driving the news: ...", "EXCLUSIVE — ..."): no part of what the sentence says.
_LABEL = re.compile(
    r"^(?:why it matters|the big picture|big picture|driving the news|between the lines"
    r"|(?:the )?bottom line|what'?s next|what to watch|what we'?re watching|go deeper"
    r"|(?:the )?backstory|background|context|flashback|(?:by )?the numbers|yes,? but"
    r"|the other side|reality check|(?:the )?state of play|where it stands|of note|zoom (?:in|out)"
    r"|the intrigue|the catch|the fine print|worth noting|for the record|catch up quick"
    r"|our thought bubble|be smart|what (?:they|he|she|we)'?(?:re|'s|s)? saying|threat level"
    r"|what happened|what'?s happening|(?:the )?details"
    r"|exclusive|breaking(?: news)?|update[ds]?|analysis)"
    r"\s*(?::|—|–|--)\s*(?=(?-i:[A-Z0-9“\"‘']))",
    re.IGNORECASE,
)


def without_label(text: str) -> str:
    """A sentence without the signpost label an outlet opens it with: "Why it matters: It's one
    of the most aggressive measures ..." is "It's one of ..."."""
    match = _LABEL.match(text)
    return text[match.end() :] if match else text


def stops_mid_sentence(unit: Unit, story: StoryArticles) -> bool:
    """Whether the sentence is its article's last and stops mid-sentence, at a word or inside
    brackets (a feed's excerpt, a truncated lead)."""
    analysis = story.analysis_of(unit.article_id)
    return (
        analysis is not None
        and not finished(unit.text)
        and not analysis.article.text[unit.end :].strip()
    )


def is_statement(text: str) -> bool:
    """A sentence that says something: long enough and mostly words (not a byline or credit,
    nor an interviewer's question)."""
    tokens = text.split()
    if len(tokens) < MIN_WORDS or QUESTION_LINE.match(text):
        return False
    wordlike = sum(1 for t in tokens if _WORD.search(t))
    return wordlike / len(tokens) >= 0.7


def parse_day(value: str | None) -> date | None:
    """The first day an ISO value covers (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www), or None."""
    if not value:
        return None
    text = value[:10]
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        if re.fullmatch(r"\d{4}-\d{2}", value[:7]) and len(value) == 7:
            return date.fromisoformat(value + "-01")
        match = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if match:
            return date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def precision(value: str | None) -> str | None:
    """day | week | month | year for an ISO value, None when it is not one."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None


_MONTH_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?", re.IGNORECASE
)


def anchored_times(analysis: Analysis, story_date: str | None) -> tuple[TimeMention, ...]:
    """The article's time mentions, with calendar dates that lack a year ("June 18", "Oct. 23")
    given one from the story's time when the article has no publication date of its own.

    Articles of one story are published within days of each other, so the year of a month-day
    date is safe to take from the story; weekday and relative expressions ("on Thursday", "last
    week") depend on the very day and stay unresolved.
    """
    if analysis.article.published or story_date is None:
        return analysis.times
    if not any(t.value is None and _MONTH_NAME.search(t.text) for t in analysis.times):
        return analysis.times
    from storyfuse.extract.times import find_times

    again = {(t.start, t.end): t.value for t in find_times(analysis.article.text, story_date)}
    out = []
    for mention in analysis.times:
        value = again.get((mention.start, mention.end))
        if mention.value is None and value and _MONTH_NAME.search(mention.text):
            mention = replace(mention, value=value)
        out.append(mention)
    return tuple(out)


def story_articles(
    story: Story, analyses: Mapping[str, Analysis], embed: Embedder
) -> StoryArticles:
    """The story's analyses without copies, each cut into sentence units."""
    present = [a for a in story.article_ids if a in analyses]
    kept = [analyses[a] for a in present if a not in story.duplicates]
    dates = [a.article.published[:10] for a in kept if a.article.published]
    story_date = max(dates) if dates else None
    units: list[Unit] = []
    for analysis in kept:
        times = anchored_times(analysis, story_date)
        pieces = list(_pieces(analysis))
        for i, (start, end) in enumerate(pieces):
            units.append(
                Unit(
                    article_id=analysis.id,
                    index=i,
                    position=i / max(1, len(pieces) - 1),
                    text=" ".join(analysis.article.text[start:end].split()),
                    start=start,
                    end=end,
                    entities=tuple(
                        e for e in analysis.entities if e.start >= start and e.end <= end
                    ),
                    times=tuple(t for t in times if t.start >= start and t.end <= end),
                )
            )
    return StoryArticles(story=story, analyses=kept, units=units, embed=embed)


# A quotation is kept in one unit up to this many characters.
QUOTE_UNIT_CHARS = 700


# A dateline in title case, a place (perhaps with its state or country) and a dash: "Washington
# — As lawmakers ...", "Kansas City, Mo. — ...", "Doha, Qatar - US officials ..."
# (``clean.clutter.dateline_length`` reads those in capitals or with a wire's credit).
_TITLE_CASE_DATELINE = re.compile(
    r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
    r" (?:—|–|―|--?) (?=[A-Z\"“])"
)


def _placed_dateline(text: str) -> int:
    """How many characters a title-case dateline opens ``text`` with, when its place is a place
    (``nlp.place_names``), not a person or a heading ("Trump — ..."); 0 if none."""
    m = _TITLE_CASE_DATELINE.match(text)
    return m.end() if m is not None and m.group(1) in place_names() else 0


def _pieces(analysis: Analysis) -> Iterator[tuple[int, int]]:
    """The article's sentences as [start, end) spans, cut at line breaks: a paragraph break ends a
    sentence even where the sentence splitter ran a dateline or a caption into the next one,
    and the lede's dateline is left out.
    A sentence that opens a quotation runs on to the sentence that closes it, in the next
    paragraph too when that opens with a quote mark (the news convention; see
    ``extract.quotes_marks``): "“Images are a serious thing. If there are images, then they
    reflect something.”" is one statement, and its second sentence alone has no speaker."""
    text = analysis.article.text
    spans = []
    for sentence in analysis.sentences:
        for line in re.finditer(r"[^\n]+", text[sentence.start : sentence.end]):
            start = sentence.start + line.start() + (len(line[0]) - len(line[0].lstrip()))
            end = sentence.start + line.end() - (len(line[0]) - len(line[0].rstrip()))
            if end > start:
                spans.append((start, end))
    if spans:
        # the lede's dateline ("WASHINGTON (AP) — ") is where the report was filed, not what it
        # says: a summary or a timeline quotes the sentence without it
        start, end = spans[0]
        cut = dateline_length(text[start:end]) or _placed_dateline(text[start:end])
        if 0 < cut < end - start:
            spans[0] = (start + cut, end)
        elif len(spans) > 1 and dateline_alone(text[start:end]):
            spans = spans[1:]  # the dateline set apart from its lede ("WASHINGTON _")
    passages = [m for m in find_marked(text) if m.closed]
    k = 0
    while k < len(spans):
        start, end = spans[k]
        k += 1
        while k < len(spans) and spans[k][1] - start <= QUOTE_UNIT_CHARS:
            # where the quotations opened in this unit close (their closing mark at ``end``)
            reach = max((m.end for m in passages if start <= m.start < end), default=-1)
            if spans[k][0] > reach:
                break
            end = spans[k][1]
            k += 1
        yield start, end


# Qualifiers, as ``extract.claims`` normalises them, that put the count on one side of the value:
# a floor ("at least 50", "more than 50") or a ceiling ("up to 50", "nearly 50"). Conflicts
# read "nearly" as approximate instead (``conflicts.APPROXIMATE``): whether two figures can both
# be right is another question than whether two claims state one figure.
FLOOR_QUALIFIERS = frozenset({"at least", "more than"})
CEILING_QUALIFIERS = frozenset({"up to", "less than", "nearly"})


def bounds(qualifier: str | None) -> frozenset[str]:
    """The sides a qualifier (or several joined by " / ") puts the count on: "floor",
    "ceiling", both or none."""
    written = {q.strip().lower() for q in (qualifier or "").split("/")}
    directions = (("floor", FLOOR_QUALIFIERS), ("ceiling", CEILING_QUALIFIERS))
    return frozenset(direction for direction, words in directions if written & words)


def source_order(ids: Sequence[str], order: Sequence[str]) -> tuple[str, ...]:
    """Distinct article ids in story order."""
    rank = {a: i for i, a in enumerate(order)}
    return tuple(sorted(set(ids), key=lambda a: (rank.get(a, len(rank)), a)))


# "..., he added.", "..., she said on Tuesday.": a closing attribution to a pronoun
_PRONOUN_SAID = re.compile(
    r",[”\"’']?\s+(?:he|she|they|it|we)\s+(?:\w+ly\s+)?"
    r"(?:said|says|added|adds|noted|notes|wrote|writes|told|tells|explained|argued|warned)"
    r"\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_OPENING_PRONOUN = re.compile(r"^(?:[^,]{0,40},\s*)?(?:he|she|they|it|this|that)\b", re.IGNORECASE)


_QUOTE_MARK = re.compile(r"[\"“”]|(?:^|\s)[‘'](?=\w)")
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}


def unattributed_quotation(unit: Unit, story: StoryArticles) -> bool:
    """Whether a sentence carries a quotation whose speaker it does not name: read alone (a
    summary's sentence, a fact's wording), its words would be nobody's, or the outlet's. "he
    said" names nobody out of context; a question put to someone ("Asked about ...") is not
    the quotation."""
    analysis = story.analysis_of(unit.article_id)
    if analysis is not None and _said_unnamed(unit, analysis.quotes):
        return True
    if analysis is not None and any(
        q.direct and any(start <= unit.start and unit.end <= end for start, end in q.spans())
        for q in analysis.quotes
    ):
        # a sentence inside a quotation that others open and close ("“A. B. C,” she said":
        # B has no marks of its own) is the speaker's, named nowhere in it
        return True
    if not _QUOTE_MARK.search(unit.text):
        return False
    if analysis is None:
        return False
    quotes = [q for q in analysis.quotes if q.start < unit.end and q.end > unit.start]
    marked = [q for q in quotes if q.direct]
    if not marked:
        return not quotes and not any(e.label in _NAMED for e in unit.entities)
    text = analysis.article.text
    for quote in marked:
        if not quote.speaker or not quote.speaker.split():
            return True
        if quote.speaker.split()[-1] in unit.text:
            continue
        start, end = quote.speaker_start, quote.speaker_end
        if start is None or end is None or not unit.start <= start < unit.end:
            return True
        if text[start:end].strip().lower() in _PRONOUNS:
            return True
    return False


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}


# Speakers that name nobody out of their sentence: pronouns the article did not resolve to a
# name, quantifiers ("some said"), and the answer label of an interview transcript ("A: ...").
NAMES_NOBODY = frozenset(
    {
        "he", "she", "they", "them", "it", "we", "i", "you", "him", "her", "us", "who", "that",
        "which", "those", "these", "some", "many", "most", "others", "other", "one", "both",
        "all", "someone", "somebody", "anyone", "everyone", "everybody", "no one", "nobody",
        "each", "either", "neither", "few", "several", "a", "q",
        # possessives the article did not resolve ("Its ban on ...", "his support for ...")
        "its", "his", "their", "my", "our", "your",
    }
)  # fmt: skip


def names_somebody(speaker: str | None) -> bool:
    return bool(speaker) and " ".join(str(speaker).lower().split()) not in NAMES_NOBODY


def _said_unnamed(unit: Unit, quotes: Sequence[Quote]) -> bool:
    """Whether a sentence is inside words credited by a colon ("Q: ...", an interview's
    answer, "Smith: ...") to someone it does not name."""
    for q in quotes:
        if q.cue != ":" or not (q.start <= (unit.start + unit.end) // 2 < q.end):
            continue
        if not names_somebody(q.speaker) or str(q.speaker).split()[-1] not in unit.text:
            return True
    return False


def unbalanced_quotes(text: str) -> bool:
    """Whether a sentence opens a quotation that goes on in the next sentence, or closes one
    that began before it: read alone, its quotation marks do not pair up."""
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


def leans_on_context(text: str) -> bool:
    """Whether a sentence's subject is a pronoun ("On Friday, he told..."), or a pronoun is who
    it says said it ("..., he added."), so that it cannot be read away from the sentence
    before it."""
    return bool(_OPENING_PRONOUN.match(text.strip("\"“‘' ")) or _PRONOUN_SAID.search(text))
