"""Dated events: each time mention of the story tied to its sentence and to the phrase it dates.

"signed the treaty on June 19" dates the signing; "the June 18 mutual defense pact" dates the pact.
The phrase is read off the dependency parse of the sentence: the date's head, climbing over the
preposition, and then that head's subject and object (for a verb) or its modifiers (for a noun).
The timeline merges events across articles; conflicts compare the phrases of differently dated
events.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from storyfuse.fuse.units import StoryArticles, Unit, parse_day, precision
from storyfuse.model import TimeMention
from storyfuse.recent import Recent

# a date names an event at day, week or month precision; a bare year ("since 1990", "the 2014
# coup") is background, not an event of the story
EVENT_PRECISIONS = ("day", "week", "month")
_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"dobj", "attr", "oprd", "xcomp", "ccomp", "agent"}
_NOUN_PARTS = {"compound", "amod", "nmod", "poss", "nummod"}
_PARTS_OF_DAY = {
    "night", "morning", "afternoon", "evening", "hour", "day", "dawn", "eve", "weekend", "midnight"
}
# what a verb event is about: its object, or the subject of a passive ("the treaty was signed")
_THINGS = {"dobj", "nsubjpass", "attr"}


@dataclass(frozen=True)
class Dated:
    article_id: str
    unit: Unit
    value: str  # ISO value of the time mention
    day: date  # the first day it covers
    precision: str  # day | week | month
    mention: str  # the time expression as written
    phrase: str  # the event the date is attached to
    thing: str  # what is dated: the verb's object, or the dated noun phrase
    head: str = ""  # lemma of the phrase's head word: sign, pact, say
    verbal: bool = False  # the date belongs to a verb ("signed on June 19"), not a noun
    # what had not happened when the article was written: a date after its publication date
    # ("to be deployed on Oct. 27-28" in an Oct. 25 report, "10,000 troops by December"); in an
    # undated article, a date whose verb is in the future or planned ("will meet on June 3")
    expected: bool = False
    end: str | None = None  # the last day of a range of days ("Oct. 27-28" -> 2024-10-28)


def dated_events(story: StoryArticles) -> list[Dated]:
    # one batch, of the sentences that date an event (a bare year or an unresolved "Friday" needs
    # no parse)
    parse_sentences(u.text for u in story.units if any(_event_time(t) for t in u.times))
    published = story.published_days()
    out = []
    for unit in story.units:
        written = published.get(unit.article_id)
        for mention in unit.times:
            kind = precision(mention.value)
            day = parse_day(mention.value)
            if kind not in EVENT_PRECISIONS or day is None or mention.value is None:
                continue
            start, end = mention.start - unit.start, mention.end - unit.start
            if since_a_record(unit.text, start) or in_a_since_clause(unit.text, start):
                continue
            words = event_phrase(unit.text, start, end)
            out.append(
                Dated(
                    article_id=unit.article_id,
                    unit=unit,
                    value=mention.value,
                    day=day,
                    precision=kind,
                    mention=mention.text,
                    phrase=words.phrase,
                    thing=words.thing,
                    head=words.head,
                    verbal=words.verbal,
                    expected=day > written if written is not None else words.planned,
                    end=mention.end_value if kind == "day" else None,
                )
            )
    return out


def _event_time(mention: TimeMention) -> bool:
    """A time mention that dates an event: a resolved day, week or month."""
    return precision(mention.value) in EVENT_PRECISIONS and parse_day(mention.value) is not None


class EventWords(NamedTuple):
    phrase: str  # the event: subject, verb, object ("Putin and Kim signed the treaty")
    thing: str  # what is dated: the object or the dated noun ("the treaty", "mutual defense pact")
    head: str  # lemma of the head word: sign, pact, say ("" when the date has no head)
    verbal: bool = False
    planned: bool = False  # the verb is in the future or planned: "will meet", "expected to go"
    verb: int | None = None  # the verb's token index in the sentence's parse, when verbal


# parses of recent sentences: a story's briefs, and the stories an article joins, parse the same
# dated sentences again
PARSES_KEPT = 4096
_PARSES: Recent[str, Any] = Recent(PARSES_KEPT)


def parse_sentences(sentences: Iterable[str]) -> list[Any]:
    """The parses of ``sentences``, in order; those not parsed before are parsed in one batch."""
    from storyfuse.extract.nlp import nlp

    return _PARSES.many(list(sentences), lambda missing: nlp().pipe(missing))


def parse_sentence(sentence: str) -> Any:
    return parse_sentences([sentence])[0]


def clear_parses() -> None:
    _PARSES.clear()


# words that make what comes before "since <date>" a record: "the lowest rate since December
# 1969", "the first time since June 2016", "a record high since ..."
_RECORD_WORDS = {"first", "record"}
_RECORD_TAGS = {"JJS", "RBS"}


def since_a_record(sentence: str, start: int) -> bool:
    """Whether the date at ``start`` is the reference of a record ("the lowest jobless rate since
    December 1969", "figures not seen since March 2020"): what is dated is not an event of the
    story but the last time something was so. "detained since Oct. 3" dates the detention,
    "Most residents have fled since" the flight, "He has not been seen since Oct. 3" the day he
    was last seen."""
    doc = parse_sentence(sentence)
    at = [t for t in doc if t.idx >= start]
    if not at or at[0].i == 0 or doc[at[0].i - 1].lower_ != "since":
        return False
    # back over the noun phrase before "since" ("Most residents have fled since" stops at the verb)
    for token in reversed(doc[: at[0].i - 1]):
        if token.pos_ == "VERB" and _a_level_not_seen(token):
            return True
        if (token.is_punct and token.text not in ("-", "–")) or token.pos_ in ("VERB", "AUX"):
            return False
        if token.tag_ in _RECORD_TAGS or token.lower_ in _RECORD_WORDS:
            return True
    return False


def _a_level_not_seen(verb: Any) -> bool:
    """A negated participle describing a noun: "(a level) not seen since ..."."""
    return verb.dep_ in ("acl", "relcl") and any(c.dep_ == "neg" for c in verb.children)


def in_a_since_clause(sentence: str, start: int) -> bool:
    """Whether the date at ``start`` dates the start of a span the sentence measures from, in a
    clause of its own: "the gains made since Trump was inaugurated on Jan. 20, 2017", "Prices
    have doubled since the war began in February": the sentence tells what happened since, not
    on that date. "detained since Oct. 3" (no clause) dates the detention."""
    doc = parse_sentence(sentence)
    at = [t for t in doc if t.idx >= start]
    if not at:
        return False
    return any(
        child.dep_ == "mark" and child.lower_ == "since"
        for verb in at[0].ancestors
        for child in verb.children
    )


def event_phrase(sentence: str, start: int, end: int) -> EventWords:
    """The words of ``sentence`` that the date at [start, end) belongs to, without the date."""
    whole = EventWords(sentence, sentence, "")
    doc = parse_sentence(sentence)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return whole
    inside = {t.i for t in span}
    head = span.root.head
    if head.i in inside:  # the date is the root of the sentence
        return whole
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    # "started on the night of May 2", "in the early hours of May 2": the part of the day is
    # when the verb happened, not the thing dated
    while (
        head.lemma_.lower() in _PARTS_OF_DAY
        and head.dep_ == "pobj"
        and head.head.pos_ == "ADP"
        and head.head.head.i != head.head.i
    ):
        head = head.head.head
    thing: list[Any] = []
    if head.pos_ in ("NOUN", "PROPN"):
        tokens = [t for t in head.lefts if t.dep_ in _NOUN_PARTS and t.i not in inside]
        tokens = [w for t in tokens for w in t.subtree if w.i not in inside] + [head]
        thing = tokens
    else:
        tokens = []
        for child in head.children:
            if child.dep_ in _SUBJECTS or child.dep_ in _OBJECTS or child.dep_ == "prt":
                tokens.extend(_chunk(child))
            if child.dep_ in _THINGS:
                thing.extend(_chunk(child))
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
            # "the accord, signed on March 3" / "the accord, which she signed on March 3": the
            # clause dates the noun it modifies
            noun = head.head
            thing = [w for t in noun.lefts if t.dep_ in _NOUN_PARTS for w in t.subtree] + [noun]
            tokens = thing + tokens
        tokens.append(head)
    phrase = _words(tokens, inside)
    if not phrase:
        return whole
    verbal = head.pos_ in ("VERB", "AUX")
    return EventWords(
        phrase,
        _words(thing, inside) or phrase,
        head.lemma_.lower(),
        verbal,
        verbal and planned(head),
        head.i if verbal else None,
    )


# a verb with one of these, or in the infinitive, tells what may or is to happen ("will send",
# "expected to dispatch", "are to be deployed"), not what happened
_NOT_DONE = {"will", "'ll", "shall", "would", "could", "may", "might", "can", "should", "must", "to"}


# a modal before the perfect tells what may have happened: "may have lost", "could have been"
_PAST_POSSIBLE = {"may", "might", "could", "would", "should", "must"}


def planned(verb: Any) -> bool:
    """Whether a parsed verb tells what is only planned or possible, not what happened ("may
    have lost it in September" is past)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "have" in auxes and auxes & _PAST_POSSIBLE:
        return False
    if auxes & _NOT_DONE == {"to"} and verb.dep_ == "advcl" and _done(verb.head):
        # the purpose of a past act is dated with the act: "sought warrants to investigate his
        # accounts in July 2017", "flew to Hanoi to meet him on Feb. 27", "had taken steps to
        # hide the details of his conversation in July 2017" ("agreed to meet on June 3", the
        # verb's complement, stays planned)
        return False
    return bool(auxes & _NOT_DONE)


# the auxiliaries of the perfect: "had taken", "has sought"
_PERFECT = frozenset({"had", "has", "have", "'d", "'s", "'ve"})


def _done(verb: Any) -> bool:
    """Whether a parsed verb tells what was done: in the past tense ("sought") or the perfect
    ("had taken", "has sought")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in _PERFECT for c in verb.children
    )


def _words(tokens: list[Any], inside: set[int]) -> str:
    kept = {t.i: t for t in tokens if t.i not in inside and not t.is_punct}
    return join_tokens(list(kept.values()))


def join_tokens(tokens: list[Any]) -> str:
    """Tokens in sentence order, spaced as the sentence spaces them ("the city's", not "the
    city 's"); a space where words were left out between them."""
    out: list[str] = []
    previous = None
    for token in sorted(tokens, key=lambda t: t.i):
        if previous is not None:
            out.append(previous.whitespace_ if token.i == previous.i + 1 else " ")
        out.append(token.text)
        previous = token
    return "".join(out).strip()


def _chunk(token: Any) -> list[Any]:
    """The token's noun phrase: its subtree, cut short at clauses so the phrase stays an event."""
    out = []
    for t in token.subtree:
        if t.dep_ in ("relcl", "acl", "advcl", "ccomp") and t.i != token.i:
            break
        out.append(t)
    return out[:8]
