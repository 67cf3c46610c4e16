"""Quotations and their speakers, read from the spaCy parse of an article.

Two kinds of quotation are found, in text order:

* direct quotes, by their quote marks (``quotes_marks``: “…”, "…", ‘…’, ''…'', and quotes
  running over paragraphs). The speaker comes from ``according to X`` in the quote's sentence
  (``“…,” the judge said, according to the Post`` — the source the words come through), a
  reporting verb next to the quote (``X said``, ``said X``, ``X said: “…”``, ``X told Y``,
  ``“…,” X said.`` as its own sentence; for a verb inside another report, ``X said Y told Z
  “…”``, the outer report's speaker), a name and a colon (``X: “…”``), the subject of a clause
  ending in a colon (``X was blunt: “…”``, also from the paragraph before), a signature line
  after the quote paragraph (``- X.``), or — when the quote's sentence has none — the
  attribution of the sentence or quote paragraph just before it. A quote that continues one
  utterance after its attribution (``“A,” he said. “B.”``, also after a long attribution and
  into the next paragraph) is one Quote whose ``text`` joins the parts with " … ", whose
  ``start``/``end`` span them all and whose ``parts`` give each; so are quoted fragments one
  verb governs (``called it “a” and “b”``). Short quoted phrases with no speaker (titles,
  scare quotes) are left out, and so are quoted phrases inside reported speech, which the
  reported speech carries.
* reported (indirect) speech and stances, by the reporting verbs of ``quotes_verbs``: a verb
  governing a clause (``X said (that) …``, ``…, X added.``, ``The plan, she said, will fail``,
  ``As X reported, …``), a "to" clause (``X vowed to …``), an object (``X praised Y``) or a
  prepositional object (``X called for …``); stance adjectives (``X is supportive of Y``);
  ``according to X, …``; what a poll found (``In a CNN poll, …``); headline lines ``X: text``.
  What is reported stays in the paragraph of its verb.
* the long tail the lists leave out — stances, wishes and findings ("X backs Y", "his criticism
  of Y", "the poll found ...") — by the learned cues of ``quotes_cues``: every other word with a
  complement that could be reported content is scored by a logistic regression fitted on
  PolNeAR train, and the best complement of each accepted word is kept unless the lists already
  cover it or it sits inside another attribution.

Each quote's ``speaker_start``/``speaker_end`` is the mention in the text that names the speaker
(the pronoun itself for ``he said``, the relative pronoun for ``…, who said``; with a short
relative clause set off by commas and a possessive ending, as PolNeAR marks them, but without a
participle clause set off by commas, a time phrase, a leading "even", a floating "both" or a
dateline; when the parse gives a reporting verb no subject, the noun phrase right before it);
``speaker`` is
that mention's name at its most complete form nearby: pronouns resolve to the last named person
(preferring one who was the subject of a recent sentence), a relative pronoun to the phrase it
hangs on, a surname to the fuller name used in the article, a role with a name in apposition to
the name, and a role alone ("the Russian president") stays as written — ``names.NameIndex``
resolves it within the story. Quotes reported with a passive participle ("Asked about X, ...")
have no speaker: the subject was asked, it did not ask.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from storyfuse import limits
from storyfuse.clean.clutter import dateline_length
from storyfuse.clean.lines import TITLE_SMALL_WORDS
from storyfuse.extract.names import (
    DESCRIBED_BODIES,
    ORG_WORDS,
    ROLE_WORDS,
    TITLE_QUALIFIERS,
    a_description,
    first_name_gender,
)
from storyfuse.extract.nlp import (
    BODY_NOUNS_AFTER,
    DATELINE_DASHES,
    PEOPLE_NOUNS,
    SAYING_FORMS_BEFORE_NAME,
    TITLE_TOKENS,
    cut_clause,
    dateline_dash,
    left_conjunct,
    national_capitals,
    place_names,
    text_of,
)
from storyfuse.extract.people import (
    ANSWER_LABELS,
    FIRST_PERSON,
    ORG_PRONOUNS,
    OWNER_PRONOUNS,
    PERSONAL_PRONOUNS,
    People,
    a_party_member,
    a_state_officer,
    a_time_phrase,
    finding_author,
    named_together,
    strip_possessive,
)
from storyfuse.extract.quotes_cues import Candidate, cue_model
from storyfuse.extract.quotes_filter import keep_likely
from storyfuse.extract.quotes_marks import DOUBLED, Marked
from storyfuse.extract.quotes_verbs import (
    ADDRESSEE_VERBS,
    BARE_QUOTE_VERBS,
    CLAUSE_VERBS,
    OBJECT_VERBS,
    PREP_VERBS,
    PRO_CLAUSE_VERBS,
    QUOTE_VERBS,
    RELATIVE_PRONOUNS,
    RELAYED_VERBS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    TO_VERBS,
    claims_lives,
)
from storyfuse.model import Quote

# SPEECH_VERBS is read by other stages (fuse.conflicts) from here.
__all__ = ["SPEECH_VERBS", "find_quotes"]

# bodies named after a person, who is not the one speaking for them: "the Trump administration"
NAMED_BODIES = frozenset(
    {"administration", "campaign", "government", "team", "camp", "family", "foundation", "regime"}
)
# the most words a show's or a work's name in quote marks has ("Tucker Carlson Tonight")
TITLE_WORDS_MAX = 6
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A clause's own subject, or the word that opens it ("that"): a finite clause with neither is a
# predicate without a subject.
OWN_SUBJECT_DEPS = SUBJECT_DEPS | {"expl", "mark"}
# Parts of a subject phrase left out of the speaker's name (kept in its mention span).
NAME_DROP_DEPS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj", "prep"})
# Nouns for a source left unnamed, whose phrase says which one spoke ("a person with knowledge
# of the matter", "a spokesman for the ministry"), and the prepositions that say it.
SOURCE_NOUNS = frozenset(
    {
        "person", "people", "source", "official", "spokesman", "spokeswoman", "spokesperson",
        "aide", "adviser", "advisor", "executive", "diplomat", "analyst", "insider", "staffer",
        "employee", "officer", "lawmaker", "lawyer", "attorney", "representative", "member",
    }
)  # fmt: skip
SOURCE_PREPOSITIONS = frozenset({"with", "for", "at", "from", "in"})
SOURCE_DESCRIPTION_TOKENS = 10
# What a verb of saying governs that tells what was said, or to whom ("said Y would fail",
# "told Y that ...").
REPORTED_DEPS = frozenset({"ccomp", "dobj", "dative"})
# Links from a clause up to a verb that reports it ("X said [that] Y told Z ...").
NESTING_DEPS = frozenset({"ccomp", "xcomp", "acomp"})
# The longest participle's phrase set off by commas between a speaker and the verb ("a
# detective, speaking on condition of anonymity, said").
ASIDE_WORDS = 8
# Parts of a subject phrase left out of the speaker's mention.
MENTION_DROP_DEPS = frozenset({"relcl", "acl", "advcl"})
# Objects that say nothing by themselves ("she mentioned something", "he criticized it").
# the entity labels of an amount, which a speaker's apposition may be parsed onto
AMOUNT_ENTITIES = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
# The roles the parse gives a speaker's phrase after its verb ("“…,” added a party official").
_AFTER_VERB = frozenset({"dobj", "nsubj", "attr", "npadvmod"})
VAGUE_OBJECTS = frozenset({"it", "that", "this", "what", "which", "something", "anything"})
# Of those, the ones that stand for something said before ("Democrats opposed it", "she
# rejected that"): what a listed stance verb takes, as PolNeAR marks it.
ANAPHORIC_OBJECTS = frozenset({"it", "that", "this"})
# Reporting verbs of thought rather than speech: a participle of these ("..., believing
# that ...") is the reported clause's own, not a second report.
THINKING_VERBS = frozenset(
    {"believe", "think", "know", "hope", "expect", "fear", "worry", "find", "learn", "realize",
     "realise", "discover", "wonder", "guess", "imagine", "envision", "suspect", "doubt",
     "recognize", "recognise"}
)  # fmt: skip
# Links from a verb without a subject to the verb or adjective that has it ("X, saying",
# "X said and added", "X is right to note").
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "acomp"})
# Words opening a subject that are not part of who speaks ("Even Republicans said"); other
# adverbs are ("About one in five say").
FOCUS_WORDS = frozenset({"even", "but", "and", "so", "also", "yet"})
# Punctuation that may close a quoted passage inside its marks.
EDGE_PUNCTUATION = ".,;:!?'’”\"…"
# What may lie between two pieces of one partly quoted report (``_Finder._join_parts``).
_JOINING_GAP = re.compile(r"[\s\"“”‘’'.,]*")
# A paragraph in which the outlet corrects itself ("CORRECTION: An earlier version of this story
# incorrectly indicated that ..."): no one's words, whatever its sentences look like. (An
# editor's note may retell what others said, and is read as any paragraph.)
_CORRECTION = re.compile(r"^[ \t]*corrections?[ \t]*:", re.IGNORECASE | re.MULTILINE)
# Reported speech running into a quotation: a space and the opening mark.
_OPENING_GAP = re.compile(r"\s*[\"“]")
# What may stand between a quotation's last word and its closing mark.
_CLOSING_TAIL = re.compile(r"[.,!?]?")
# The end of a sentence inside what the parser took for one: a full stop (not an initial's or a
# title's), perhaps a closing mark, and a space.
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St))(?<!\bMrs)[.!?][”’'\"]*\s")
# A quoted line of its own with this many words (at least, at most), each capitalised but the
# small words of titles, is a section heading, not a quotation going on from the paragraph before.
HEADING_WORDS = (3, 8)
# At most this many words of these parts of speech before a quotation lead on from the
# sentence before ("Now, “…”", "But “…”").
LEAD_WORDS = 2
LEAD_POS = frozenset({"ADV", "CCONJ", "INTJ"})
QUOTE_MARK_TOKENS = frozenset({"“", "”", '"', "‘", "’", "'", "''", "``"})
# Of those, the ones that only close a quotation (straight marks are told apart by their tag).
CLOSING_MARKS = frozenset({"”", "’", "''"})
# The longest phrase before a verb read as its speaker when the parse gives none.
PHRASE_WORDS = 16
FLOATING_QUANTIFIERS = frozenset({"both", "all", "each", "alike"})
# Relative clauses up to this many tokens stay in a speaker's mention ("Ada Moss, who runs
# the gym,"); PolNeAR's annotators mostly leave longer ones out.
RELATIVE_CLAUSE_TOKENS = 14
# Two quotes are one utterance when an attribution of at most this many words, in the same
# paragraph or at the end of the one before, separates them.
CONTINUATION_WORDS = 40
# Words that take a part of the people an "of" phrase names: "Most of the residents said"
PART_WORDS = frozenset({"half", "some", "most", "many", "all", "none", "few", "several", "both"})
# the most words a sentence after a quote may have that only says who spoke it, named and
# described ("He Jianxiong, the former executive director ..., said at a Nov. 6 event ...")
BARE_ATTRIBUTION_WORDS = 30
# the verbs such a sentence says it with: nothing but saying ("endorsed" is a report of its own)
SAYING_VERBS = frozenset({"say", "add", "write", "explain", "continue", "reply", "respond"})
# ... and those whose reported words or listener ``REPORTED_DEPS`` hold ("told Y that ...").
REPORTING_TO = SAYING_VERBS | {"tell"}
# ... and those by which a body reports what a statement of its own then quotes
BODY_REPORTS = SAYING_VERBS | {"announce"}
# ... and the verbs that say something themselves, not only report it
DIRECT_SAYING = SAYING_VERBS | {"call", "tell"}
# ... and those a name's participle may be: "Murphy, the head of the PAC, tweeted"
REDUCED_SAYING_VERBS = SAYING_VERBS | {"tweet", "post"}
# Nouns by which a sentence announces the utterance the next paragraph quotes: "He then had a
# question for the crowd."
ANNOUNCING_NOUNS = frozenset({"question", "message", "answer", "reply", "warning", "plea"})
# Words that open a clause of its own, whose verb reports nothing outside it.
SUBORDINATORS = frozenset({"that", "whether", "if"})
# Words that open a line before a colon without naming who speaks ("Update: ...").
COLON_LABELS_NOT_SPEAKERS = frozenset(
    {"update", "note", "photo", "video", "related", "source", "sources", "byline", "editor",
     "correction", "disclosure", "watch", "read", "listen", "see", "also", "more", "twitter",
     "facebook", "email", "tags", "topics", "warning", "caption", "credit", "date", "location",
     "breaking", "exclusive", "developing", "alert", "look", "boom", "wow", "opinion",
     "analysis", "explainer", "factbox", "live"}
)  # fmt: skip
# The entities that name who speaks: in a phrase before a colon ("Trump aide: ..."), as the
# subject a predicate noun describes ("Roe is a lawyer who said ..."), as a document's owner
# ("Matze's statement read").
NAMING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# the most words of a name that opens a headline before its verb ("Florida Gov. Ron DeSantis")
HEADLINE_NAME_WORDS = 5
# Nouns that say only that someone spoke, and the participles that then say who ("a person
# identified as a senior administration official").
VAGUE_PEOPLE = frozenset({"person", "individual", "someone", "man", "woman"})
IDENTIFYING = frozenset({"identify", "describe"})
# What someone says, as a noun: "this statement by X:" credits X with the quote after the colon.
SPEECH_NOUNS = frozenset(
    {
        "statement", "remark", "comment", "word", "speech", "tweet", "post", "message", "answer",
        "response", "reply", "quote", "claim", "assertion", "announcement", "warning", "testimony",
    }
)  # fmt: skip
# Verbs by which someone makes or issues one of those: "made the comments", "issued a statement".
SPEECH_MAKING_VERBS = frozenset({"make", "issue"})
# The cue of a speaker the sentence before tells of (``_Finder._narrated_speaker``): no word.
NARRATED = ""
# Quoted phrases up to this many words need an attributable speaker to count as quotes.
SCARE_QUOTE_WORDS = 5
# An "according to" report is another speaker's report that it holds when that report's
# speaker and content fill this share of its content or more (with a verb of ``RELAYED_VERBS``).
TOLD_THROUGH = 0.8
# "you know", "I mean", "you see" set off by commas: a speaker's filler, no report
FILLERS = frozenset({("you", "know"), ("i", "mean"), ("you", "see"), ("i", "guess")})
# Participles that give a noun its name: a quotation after one is a title, not speech.
NAMING_PARTICIPLES = frozenset({"called", "titled", "entitled", "named", "dubbed", "nicknamed"})
# Documents that speak for whoever issued them: "“...,” the statement said".
DOCUMENT_NOUNS = frozenset(
    {"statement", "ad", "advert", "letter", "email", "memo", "release", "lawsuit", "suit",
     "complaint", "petition", "filing", "motion", "tweet"}
)  # fmt: skip
# Documents whose words a quote opening with its verb gives ("The resolution “expresses ...”").
SPEAKING_DOCUMENTS = DOCUMENT_NOUNS | {"resolution", "report", "ruling", "opinion", "declaration"}
# Prepositions that set a noun's stance or report as the circumstance of a clause, not as its
# subject's: "despite complaints that ...", "amid concern that ...", "after revelations that".
CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"after", "amid", "amidst", "despite", "following", "before", "since", "notwithstanding"}
)
# Reports whose authors a clause they are met in does not name: "..., with reports that ...".
REPORT_NOUNS = frozenset({"report", "rumor", "rumour", "word", "news", "speculation"})
# Prepositions of where or when something was said ("said in a statement", "during a news
# conference", "at a rally", "on CNN"), whose noun the parse may give the clause reported.
SETTING_PREPOSITIONS = frozenset({"in", "during", "at", "on"})
# Nouns whose that-clause tells what they hold ("reports that ...", "claims that ...").
CONTENT_NOUNS = REPORT_NOUNS | {
    "claim", "allegation", "accusation", "charge", "suggestion", "assertion", "notion", "idea",
    "fact", "concern", "fear", "question", "belief", "view", "argument", "promise", "pledge",
}
# Conjunctions opening a clause of time, cause or contrast, never one of reported speech.
ADVERBIAL_MARKS = frozenset(
    {"as", "while", "when", "because", "before", "after", "since", "until", "although",
     "though", "once"}
)
# How many sentences back "the statement" looks for who issued it.
DOCUMENT_REACH = 3
# Kinds of work whose name follows them in quote marks: "on the podcast “Here’s the Thing.”"
WORK_NOUNS = frozenset(
    {
        "podcast", "show", "program", "programme", "series", "documentary", "film", "movie",
        "book", "memoir", "novel", "album", "song", "column", "segment", "episode", "newsletter",
        "blog", "play", "musical",
    }
)  # fmt: skip
# Verbs of performing a work, whose title in quote marks is no one's words: "an encore to perform
# “Takin’ It to the Streets”", "sang “Harbour Lights”".
PERFORMING_VERBS = frozenset({"perform", "sing", "play", "record", "cover"})


def _stance_participle(verb: Token) -> bool:
    """A stance the parse made a passive verb, held by its subject and done by nobody named:
    "Protesters were frustrated that ...", "X is convinced that ..." (but "X was convinced
    by Y" names who convinced)."""
    return (
        verb.tag_ == "VBN"
        and verb.lower_ in STANCE_ADJECTIVES
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _according_objects(to: Token) -> list[Token]:
    """Who "according to" names: the object of "to", or the noun after a word the parse made
    a verb ("according to show insiders": "show" a verb and "insiders" its object)."""
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if objs:
        return objs
    verbs = [c for c in to.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    return [c for v in verbs for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]


def _first_set(a: int | None, b: int | None) -> int | None:
    return a if a is not None else b


def _heading(line: str) -> bool:
    """A line written as a section heading: a few words, each capitalised but the small ones
    ("'Coal Isn't the Villain.'")."""
    return _capitalised(line, *HEADING_WORDS)


_LEADING_NUMBER = re.compile(r"\d+\s+")


def _capitalised(text: str, fewest: int, most: int) -> bool:
    """Whether ``text`` is ``fewest`` to ``most`` words, each capitalised but the small ones, as
    a heading or a title is written ("Fox & Friends")."""
    words = [w.strip(EDGE_PUNCTUATION + "“‘") for w in text.split()]
    words = [w for w in words if any(c.isalnum() for c in w)]  # not "&" nor a dash
    return fewest <= len(words) <= most and all(
        w[0].isupper() or w in TITLE_SMALL_WORDS for w in words
    )


def _a_mark(token: Token) -> bool:
    """A punctuation mark that does not belong to the words before it: not the "%" of
    "fell 5%", which the tokenizer splits from its number and counts as punctuation."""
    return token.is_punct and token.text != "%"


def _from_or_by(noun: Token) -> Token | None:
    """Whom a noun is from: the object of its "from" or "by" ("criticism from Clinton", "an
    endorsement by the paper", "A lesson from Loretta Lynch")."""
    return next(
        (
            o
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in ("from", "by")
            for o in p.children
            if o.dep_ == "pobj"
        ),
        None,
    )


def _apostrophe_after(word: Token) -> bool:
    """Whether a plural's possessive apostrophe follows ``word``, which the parse may have
    tagged a closing quote mark: "ABC News' “This Week”"."""
    nxt = word.nbor() if word.i + 1 < len(word.doc) else None
    return (
        nxt is not None
        and nxt.text in ("'", "’")
        and not word.whitespace_
        and word.text[-1:] in ("s", "S")
    )


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering a character range; None when it holds no token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) > 0 else None


@dataclass(frozen=True)
class _Attribution:
    """Who said something and with which cue, as found in the parse."""

    cue: str
    cue_token: int | None  # token index of the cue head
    mention: Span | None  # the words naming the speaker in the text
    speaker: str | None
    # who reports the speaker's words ("“…,” X said, according to the Post"): its words, name
    via: Span | None = None
    via_name: str | None = None


def find_quotes(doc: Doc, people: People | None = None) -> list[Quote]:
    """Direct and indirect quotations of ``doc`` with their speakers, in text order
    (``people``: who the article names, read once for this and the claims)."""
    finder = _Finder(doc, people)
    text = text_of(doc)
    return keep_likely(doc, [q for q in finder.run() if not _before_its_colon(q, text)])


def _before_its_colon(quote: Quote, text: str) -> bool:
    """Whether an indirect quotation is the sentence before a colon and its cue comes after it
    ("It is on social issues that they lean left: 42% say they're liberal"): what the colon
    opens says, not what comes before it."""
    if quote.direct or quote.cue_start is None or quote.cue_start <= quote.end:
        return False
    return text[quote.end : quote.cue_start].lstrip(" \"”’'").startswith(":")


def _a_name(token: Token) -> bool:
    """Whether a word is a name: a proper noun, or a word of an entity."""
    return token.pos_ == "PROPN" or bool(token.ent_type_)


def _an_untagged_name(head: Token, owner: Token) -> bool:
    """A person's name of proper nouns the model left untagged after a named owner: "The New
    Republic's Jeet Heer"; not a body's ("China's Foreign Ministry")."""
    return (
        head.pos_ == "PROPN"
        and not head.ent_type_
        and bool(owner.ent_type_)
        and head.lower_ not in ORG_WORDS
        and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_ for c in head.children
        )
    )


def _saying_before_a_name(verb: Token) -> bool:
    """A verb of saying that opens its sentence, capitalised, before the speaker's name ("Said
    Ellis: “…”", "Replied spokesman Ben Roe, “…”")."""
    return bool(verb.is_sent_start) and verb.is_title and verb.lower_ in SAYING_FORMS_BEFORE_NAME


def _conditional(clause: Token) -> bool:
    """A clause that says on what condition ("if those who oppose it are worried about ..."):
    what its subject would do, within the clause of the one who says it."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children
    )


def _quoted_as_saying(verb: Token) -> bool:
    """ "was quoted (by AP) as saying": "quote", which reports only quoted words, reports a
    clause when it is "as saying" them ("..., officials were quoted by AP as saying")."""
    return verb.lemma_.lower() == "quote" and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_.lower() == "say" for g in c.children)
        for c in verb.children
    )


def _quote_verb(verb: Token) -> Token | None:
    """The "quoted" of a report "quoted ... as saying", from ``verb`` "quoted" or its "saying";
    None for any other verb."""
    quote = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.lemma_.lower() == "say":
        quote = verb.head.head
    return quote if _quoted_as_saying(quote) else None


def _quoted_one(verb: Token) -> Token | None:
    """The one a report "quoted ... as saying" (``verb`` "quoted" or "saying"), when named as
    its object: "the governor" of "AP quoted the governor as saying"; None otherwise."""
    quote = _quote_verb(verb)
    if quote is None:
        return None
    return next((c for c in quote.children if c.dep_ == "dobj"), None)


def _quoting(verb: Token) -> Token | None:
    """Who quoted someone "as saying" (``verb`` "quoted" or its "saying"): AP of "AP quoted
    the governor as saying" and of "the governor was quoted by AP as saying"; None when not
    named, or for any other verb."""
    quote = _quote_verb(verb)
    if quote is None:
        return None
    if any(c.dep_ == "dobj" for c in quote.children):  # "AP quoted the governor as saying"
        return next((c for c in quote.children if c.dep_ == "nsubj"), None)
    return next(
        (o for a in quote.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"),
        None,
    )


def _after_a_preposition(verb: Token) -> bool:
    """A participle that is the object of "before", "after" or "while" ("before suggesting")."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in ("before", "after", "while")
    )


def _done_to(verb: Token) -> bool:
    """A verb that reports only a quote itself, in the passive: something done to its subject
    ("deserved to be fired “for the terrible job he did”", "was shot"), no report. ("was quoted
    as saying" still reports: "quote" is a verb of speech, no bare quote verb.)"""
    return verb.lemma_.lower() in BARE_QUOTE_VERBS and any(
        c.dep_ == "auxpass" for c in verb.children
    )


# Verbs that report only with their preposition: "decided against", "vouched for"
_PREP_ONLY_VERBS = frozenset(PREP_VERBS) - CLAUSE_VERBS - TO_VERBS - OBJECT_VERBS - BARE_QUOTE_VERBS


def _without_its_preposition(verb: Token) -> bool:
    """A verb that reports only with its preposition, in the passive without it: "since so
    many cases were decided by 5-to-4 votes" reports nothing ("decided against" does)."""
    low = verb.lemma_.lower()
    return (
        low in _PREP_ONLY_VERBS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "prep" and c.lower_ in PREP_VERBS[low] for c in verb.children)
    )


def _past_of_a_present_clause(verb: Token) -> Token | None:
    """For a verb in the past the parse coordinated with one in the present inside a clause on
    a noun ("pressed Biden on reports that he is considering Klobuchar ... and told him ..."):
    the verb in the past that governs the noun, whose subject the two verbs in the past share.
    None where the tenses agree or no such verb governs the clause."""
    first = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or first.dep_ not in ("acl", "relcl", "ccomp"):
        return None
    auxiliaries = {c.lower_ for c in first.children if c.dep_ == "aux"}
    if first.dep_ == "ccomp":
        # "Paul said Rubio's plan would give money to immigrants, and called him ...": a verb
        # in the past after a clause reported with "would" is the reporter's
        if "would" not in auxiliaries:
            return None
    elif first.tag_ not in ("VBZ", "VBP") and not auxiliaries & {"is", "are", "am"}:
        return None
    return next((a for a in first.ancestors if a.pos_ == "VERB" and a.tag_ == "VBD"), None)


def _clauses_on_a_noun_after(verb: Token) -> list[Token]:
    """ "said in a statement that the truck was carrying arms", "said during a news conference
    that ...", "said on CNN that ...": the parse may hang the clause reported on the noun of
    the preposition after the verb, as a clause on that noun. A clause opened by the
    conjunction "that" (not the relative pronoun) with a subject of its own is what was said,
    as a ``ccomp`` of the verb would be; not one on a noun a that-clause tells the content of
    ("commented on reports that ...": the reports'). So on the noun of whom it was told ("told
    a meeting of island leaders that few people understood ...")."""
    out = []
    addressee = verb.lemma_.lower() in ADDRESSEE_VERBS
    for host in verb.children:
        if host.i < verb.i:
            continue
        setting = host.dep_ == "prep" and host.lower_ in SETTING_PREPOSITIONS
        if not (setting or (addressee and host.dep_ in ("dobj", "dative"))):
            continue  # "responded to accusations that ...": the accusations are what is said
        for c in host.subtree:
            if (
                c.dep_ in ("acl", "relcl")
                and c.head.lemma_.lower() not in CONTENT_NOUNS
                and c.pos_ in ("VERB", "AUX")
                and any(
                    m.dep_ == "mark"
                    and m.lower_ == "that"
                    # the parse may tag it a relative pronoun while making it the marker
                    and (m.tag_ == "IN" or not setting)
                    for m in c.children
                )
                and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            ):
                out.append(c)
    return out


# Prepositions of an occasion a report is made on: "said after the vote", "told reporters
# during a visit", "wrote in a statement".
OCCASION_PREPS = frozenset({"after", "before", "during", "following", "at", "in"})


def _a_clause_of_its_own(verb: Token) -> bool:
    """Whether a verb heads a clause of its own, joined to the one before by "and" or "but",
    which says nothing of that one: "... have lived here for three months, and though they speak
    barely a word of English, their smiles said a lot"."""
    return any(c.dep_ == "cc" and verb.head.i < c.i < verb.i for c in verb.head.children)


def _an_adverbial_clause(clause: Token) -> bool:
    """ "“…,” he said as some in the crowd booed": the parse may give the verb a clause of
    time, cause or contrast as what it reports; a clause opened by "as", "while", "because" ...
    tells when or why it was said."""
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS for c in clause.children)


def _a_predicate_without_subject(tokens: list[Token]) -> bool:
    """Whether words, after a "but" or "and" (theirs or the last of the phrase before them),
    open on a verb with no subject of its own: a predicate of the phrase before them ("three
    sources who spoke to Fox News but were not authorized to speak"). A finite verb alone is
    not enough: the parse may have run the clause's subject into the phrase before ("According
    to the FBI summary, Mills and another aide asked ...")."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return False
    if words[0].lower_ in ("but", "and"):
        words = words[1:]
    else:
        before = words[0].i - 1
        while before > 0 and words[0].doc[before].is_space:
            before -= 1  # a no-break space the parse makes a token
        if before < 0 or words[0].doc[before].lower_ not in ("but", "and"):
            return False
    if not words or words[0].tag_ not in ("VBD", "VBZ", "VBP", "MD"):
        return False
    verb = words[0].head if words[0].dep_ in ("aux", "auxpass") else words[0]
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


# What finds what people think, by the "in" of a sentence's verb: "In a CNN poll, ..."
POLL_NOUNS = frozenset({"poll", "survey", "study"})


def _a_poll(noun: Token) -> bool:
    """A poll, survey or study, or an average of polls ("the RealClearPolitics average of
    polls")."""
    if noun.lemma_.lower() in POLL_NOUNS:
        return True
    return noun.lemma_.lower() == "average" and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.lemma_.lower() in POLL_NOUNS for g in c.children)
        for c in noun.children
    )


def _past_title(subject: Token) -> Token:
    """The subject unless it is an abbreviated title the parse made the head, with the name
    after it as its apposition ("Rep. Alexandria Ocasio-Cortez (D-NY) tweeted"): the name."""
    if subject.text not in TITLE_TOKENS:
        return subject
    names = [c for c in subject.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return names[0] if names else subject


def _asked_of_the_speaker(verb: Token) -> bool:
    """ "..., when asked how ties would fare": a question put to the one who speaks, with no
    subject of its own, asks nothing of theirs."""
    return (
        verb.lemma_.lower() == "ask"
        and verb.dep_ == "advcl"
        and any(c.lower_ in ("when", "after", "once", "if") for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _filler(verb: Token) -> bool:
    """A filler set off by commas in speech ("The plan, you know, will fail"): a subject and a
    verb of ``FILLERS`` with nothing else of their own."""
    doc = verb.doc
    children = [c for c in verb.children if not c.is_punct]
    if len(children) != 1 or children[0].dep_ != "nsubj" or children[0].i != verb.i - 1:
        return False
    if (children[0].lower_, verb.lemma_.lower()) not in FILLERS:
        return False
    before, after = verb.i - 2, verb.i + 1
    return before >= 0 and after < len(doc) and doc[before].text == "," and doc[after].text == ","


def _only_qualifies(compound: Token, head: Token) -> bool:
    """Whether a compound before a common noun only says whose the noun is: "Clinton defenders
    argue", "The Trump administration is planning to ...", "an Obama adviser said", "an Obama
    campaign aide" ("a Trump statement said" is his)."""
    if head.tag_ == "NNS" or head.lower_ in NAMED_BODIES:
        return True
    return (
        head.tag_ == "NN"
        and (_a_name(compound) or compound.lower_ in NAMED_BODIES)
        and head.lower_ not in DOCUMENT_NOUNS
    )


# Nouns for people in a group, who may be brought to say something ("urged voters to reject").
GROUP_NOUNS = frozenset(
    {
        "voter", "candidate", "expert", "member", "supporter", "delegate", "superdelegate",
        "liberal", "conservative", "critic", "activist", "resident", "citizen", "people",
        "american", "worker", "leader", "fan", "opponent", "rival", "colleague",
    }
)  # fmt: skip
_PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})


def _an_agent(noun: Token) -> bool:
    """Whether a noun can be someone who speaks or acts: a name, a personal pronoun, a person's
    role, a group of people or a body ("Schumer's office"); not a thing ("an expletive")."""
    if noun.ent_type_ in NAMING_LABELS:
        return True
    if noun.pos_ == "PRON":
        return noun.lower_ in _PERSONAL_PRONOUNS
    lemma = noun.lemma_.lower()
    listed = (ROLE_WORDS, PEOPLE_NOUNS, GROUP_NOUNS, DESCRIBED_BODIES)
    return any(lemma in words for words in listed)


def _a_role(head: Token) -> bool:
    """A speaker named by a common noun, not a name: "the former secretary (of state)"."""
    return head.pos_ == "NOUN" and not head.ent_type_


def _a_part_of(head: Token) -> bool:
    """A word that takes a part of the people named after it: "75 percent (of Republicans)",
    "Half (of the voters)", "Some (of the senators)"."""
    return head.ent_type_ == "PERCENT" or head.lower_ in PART_WORDS


def _named_owner(tokens: Iterable[Token]) -> Token | None:
    """The possessive among ``tokens`` that names a document's owner: a name or a pronoun
    ("Matze's statement", "his letter"); not "the campaign's statement", "Thursday's memo"."""
    return next(
        (
            t
            for t in tokens
            if t.dep_ == "poss" and (t.ent_type_ in NAMING_LABELS or t.lower_ in OWNER_PRONOUNS)
        ),
        None,
    )


def _an_organisation_described(child: Token, head: Token) -> bool:
    """A common noun in lower case before an organisation's name, outside it, says what the
    organisation is: "according to affiliate WTOP", "state media KCNA" name the station and
    the agency (an untagged name in capitals is taken for an organisation's)."""
    return (
        child.dep_ == "compound"
        and child.i < head.i
        and child.tag_ in ("NN", "NNS")
        and child.is_lower
        and child.ent_iob_ == "O"
        and head.pos_ == "PROPN"
        and (head.ent_type_ in ("ORG", "NORP", "FAC") or (not head.ent_type_ and head.is_upper))
    )


def _source_description(head: Token) -> list[Token]:
    """What says which unnamed source spoke, right after a noun for one ("a person with
    knowledge of the matter", "two people briefed on the talks", "a spokesman for the finance
    ministry", "analysts at the bank"): a phrase on "with", "for", "at", "from" or "in", or a
    participle with a phrase of its own, of at most ``SOURCE_DESCRIPTION_TOKENS`` words, with no
    comma, quote mark or coordination, and not a document it was said in; none for a name or a
    pronoun. (``_Finder._name_of`` leaves out a phrase that names a person.)"""
    if head.pos_ != "NOUN" or head.ent_type_ or head.lemma_.lower() not in SOURCE_NOUNS:
        return []
    out = []
    for child in head.children:
        if child.i <= head.i or child.left_edge.i != head.i + 1:
            continue
        phrase = list(child.subtree)
        if len(phrase) > SOURCE_DESCRIPTION_TOKENS or any(
            (t.is_punct and t.text not in ("-", "–", ".")) or t.dep_ == "cc" for t in phrase
        ):
            continue
        if any(o.lemma_.lower() in DOCUMENT_NOUNS for o in child.children if o.dep_ == "pobj"):
            continue  # where it was said: "the family's lawyers in a court filing"
        if (child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS) or (
            child.dep_ == "acl"
            and child.tag_ in ("VBN", "VBG", "VBD")  # "briefed" may be tagged a past tense
            and any(c.dep_ == "prep" for c in child.children)
        ):
            out.append(child)
    return out


def one_of_a_list(head: Token) -> Token | None:
    """The item a partitive over a relative pronoun picks from the list before its comma: "the
    last of which" (or "the latter of whom") the list's last item, "the first of which" (or
    "the former") its first."""
    if head.lower_ not in ("first", "last", "former", "latter"):
        return None
    if not any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.lower_ in ("which", "whom") for o in c.children)
        for c in head.children
    ):
        return None
    i = head.left_edge.i - 1
    if i < 1 or head.doc[i].text != ",":
        return None
    item = head.doc[i - 1]
    if item.dep_ != "conj" and not any(c.dep_ == "conj" for c in item.children):
        return None  # no list before the comma
    if head.lower_ in ("last", "latter"):
        return item
    return _chain_start(item, "conj")


def _chain_start(token: Token, *deps: str) -> Token:
    """The first of the words the parse chains to the one before by ``deps``: "Ann Lee, a nurse
    and a Democrat" from "Democrat" by "conj" is "nurse", by "conj" and "appos" "Lee"."""
    while token.dep_ in deps and token.head.i < token.i:
        token = token.head
    return token


def _a_time_phrase(token: Token) -> bool:
    """Words on a verb or noun that say when, how or how often ("Tuesday", "on Monday",
    "again", "angrily"): an adverb, a noun used as one, or a preposition before a date or time."""
    if token.dep_ in ("npadvmod", "advmod"):
        return True
    return token.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
    )


def _relative_clause_of(pronoun: Token) -> Token | None:
    """The relative clause a relative pronoun opens, also through a second clause the parse
    joins to the first ("Roe, whose bill failed but who said ..."), when the first opens with a
    relative pronoun of the same kind: not "Roe, who backed the bill that failed and who said
    ...", parsed as joined to "failed"."""
    if pronoun.lower_ not in RELATIVE_PRONOUNS:
        return None
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        first = clause.head.left_edge.lower_
        if first not in RELATIVE_PRONOUNS | {"whose"}:
            break
        if first.startswith("who") != pronoun.lower_.startswith("who"):
            break
        clause = clause.head
    return clause if clause.dep_ == "relcl" else None


def _described_subject(noun: Token) -> Token:
    """The named subject a predicate common noun describes ("Roe is a lawyer and writer": Roe,
    for either noun), or the person a description is set beside ("Maria Roe, a lawyer,": Roe);
    the noun itself otherwise (and for a name: "The main barrier is Roe")."""
    described = _chain_start(noun, "conj")  # "a nurse and a Democrat who ..."
    apposed = described.dep_ == "appos"
    person = _chain_start(described, "appos")
    # "Ann Lee, the club's director, who said ...", "Ann Lee, a nurse and a Democrat who said
    # ...": Ann Lee; not one of "Lee and Roe, nurses who ..."
    singular = noun.tag_ != "NNS" and noun.ent_type_ in ("", "NORP")
    if apposed and singular and person.ent_type_ == "PERSON":
        return person
    if noun.ent_type_:
        return noun
    first = _chain_start(noun, "conj", "appos")  # "a liar, xenophobe and bully who ..."
    if first.dep_ != "attr" or first.head.lemma_ != "be":
        return noun
    verb = first.head
    while True:
        # "X incites violence and is a liar": the subject of the verb the copula is joined to
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            named = subject.pos_ == "PROPN" or subject.ent_type_ in NAMING_LABELS
            return subject if named else noun
        if verb.dep_ != "conj":
            return noun
        verb = verb.head


def _identified_as(head: Token) -> Token | None:
    """The description a vague noun is given: "A person identified as a senior administration
    official", "an individual described as a close adviser": the official, the adviser."""
    if head.lemma_.lower() not in VAGUE_PEOPLE:
        return None
    for acl in head.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in IDENTIFYING:
            for prep in acl.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _apposed_name(head: Token) -> Token | None:
    """The proper name set off by commas after a common noun that describes the source: "The
    city's largest charity, Hope Harbor, said", "President Trump’s signature vaccine effort,
    Operation Warp Speed, promised" (a person's name there is found among the article's
    people)."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    for c in head.children:
        if c.dep_ != "appos" or c.i < head.i or c.pos_ != "PROPN" or c.ent_type_ == "PERSON":
            continue
        words = list(c.subtree)
        opening = head.doc[words[0].i - 1] if words[0].i > 0 else None
        if (
            opening is not None
            and opening.text == ","
            and all(w.pos_ == "PROPN" and w.is_title for w in words)
        ):
            return c
    return None


def _described(amod: Token) -> bool:
    """An adjective that describes a person in a compound of its own, "17-year-old",
    "top-ranked": opening in lower case or a digit, with a hyphen or a digit."""
    words = [t.text for t in amod.subtree]
    written = "".join(words)
    return (
        words[0][:1].islower() or words[0][:1].isdigit()
    ) and ("-" in written or any(ch.isdigit() for ch in written))


def _an_indefinite_name(head: Token, title: Token | None = None) -> bool:
    """A person's name after "a" or "an", whose adjectives describe the person at that moment:
    "An irritated Biden then said", "a visibly angry Trump"; with ``title``, the word before the
    name the article is hung on ("A visibly emotional Judge Brett Kavanaugh")."""
    holder = head if title is None else title
    return head.ent_type_ == "PERSON" and head.is_title and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in holder.children
    )


def _a_numbered_group(head: Token, of: Token) -> bool:
    """A name of a group of nations by their number ("the Group of 7", "Group of 20 leaders"):
    the number is part of the name, which the parse leaves out of it."""
    return head.lower_ == "group" and head.text[:1].isupper() and any(
        c.dep_ == "pobj" and any(t.like_num for t in c.subtree) for c in of.children
    )


def _of_phrase(of: Token) -> list[Token]:
    """An "of" phrase that completes a role ("secretary of state", "early results of the exit
    poll"), without what its noun phrase goes on with ("... conducted by Edison Research")."""
    out: list[Token] = []
    for obj in of.children:
        if obj.dep_ != "pobj":
            continue
        if _a_list_of_names(obj):
            out.extend(obj.subtree)  # "the leaders of France, Germany, the US and UK"
            continue
        out.append(obj)
        for child in obj.children:
            if child.dep_ not in NAME_DROP_DEPS:
                out.extend(child.subtree)
    return [of, *out] if out else []


def _a_list_of_names(head: Token) -> bool:
    """Whether a name heads a list of names joined by "and" or "or" ("France, Germany, the US
    and UK"), with nothing else in it."""
    words = list(head.subtree)
    return (
        head.pos_ == "PROPN"
        and any(t.dep_ == "cc" and t.lower_ in ("and", "or") for t in words)
        and all(t.pos_ in ("PROPN", "DET", "CCONJ") or t.text == "," for t in words)
    )


def _a_roll_of_names(span: Span) -> bool:
    """Whether words are a roll of names, three or more set apart by commas and nothing else
    ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ..."): who is listed, not what is said."""
    names = 0
    for part in span.text.rstrip(" .").split(", "):
        words = part.split()
        if words and words[0] == "and":
            words = words[1:]
        if not 1 < len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        names += 1
    return names >= 3


# Verbs that, in the passive with a person for subject, appoint rather than report: "the
# nominee was confirmed by the Senate".
APPOINTING = frozenset({"confirm", "approve"})


def appointed(verb: Token, subject: Token) -> bool:
    """Whether a passive verb's subject is a person it appoints: "No nominee to the Supreme
    Court has ever been confirmed by the Senate" (not "The deaths were confirmed by police",
    nor "Al-Muteiri was confirmed as one of the passengers by the minister")."""
    return (
        verb.lemma_.lower() in APPOINTING
        and (
            subject.ent_type_ == "PERSON"
            or subject.lower_ in ("he", "she")
            or subject.lower_ in ROLE_WORDS
        )
        and not any(
            (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ in ("xcomp", "ccomp")
            for c in verb.children
        )
    )


def _pro_clause(verb: Token) -> list[Token] | None:
    """ "Neither side would say so", "Mook said as much in an interview": the words that
    stand for a clause said before, when the verb reports nothing else. Not "so far" or "so
    that", nor an amount ("said as much as 40 percent was wasted")."""
    lemma = verb.lemma_.lower()
    if lemma not in PRO_CLAUSE_VERBS or verb.pos_ != "VERB":
        return None
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") or (
            # what is reported, but not whom it was told ("told me so")
            c.dep_ == "dobj"
            and c.lower_ not in ("much", "so")
            and not (lemma in ADDRESSEE_VERBS and c.pos_ in ("PRON", "PROPN"))
        ):
            return None
    for c in verb.children:
        if c.i <= verb.i or c.dep_ not in ("advmod", "dobj"):
            continue
        # words before it, or "as" after it, make it a degree ("so far", "as much as $5")
        before = [k for k in c.children if k.i < c.i]
        after = c.nbor() if c.i + 1 < len(c.doc) else None
        if after is not None and after.lower_ in ("that", "as", "much", "many", "far"):
            continue
        if c.lower_ == "so" and not before:
            return [c]
        if c.lower_ == "much" and [(k.i, k.lower_) for k in before] == [(c.i - 1, "as")]:
            return [before[0], c]
    return None


def _reported_object(obj: Token) -> bool:
    """Whether a verb's object can be what is reported: not a word that says nothing by itself
    ("something"), unless it stands for something said before ("opposed it")."""
    return obj.lower_ not in VAGUE_OBJECTS or obj.lower_ in ANAPHORIC_OBJECTS


# Words the clause an "according to" phrase hangs on needs to be what was reported.
ACCORDING_CLAUSE_WORDS = 4

# The dashes a signature opens with ("- Bernie Sanders", "― Ana Ruiz": U+2015 in quote lists), and
# a signature after a quotation's closing mark, on its line: a dash, then a name (capitalised,
# checked with the name).
SIGNATURE_DASHES = "-—–―"
_BEFORE_SIGNATURE = " \u00a0”\"'’"  # spaces and the closing mark between a quotation and its dash
SIGNATURE = re.compile(
    f"[{_BEFORE_SIGNATURE}]*[{SIGNATURE_DASHES}]" + r"[ \u00a0]*[^\W\d_][^\n]{0,60}$"
)

# Quoted words before a speaker's name from which on they are a quotation, not part of the name.
QUOTED_IN_MENTION = 4


def _setting_off(dashes: list[int]) -> list[int]:
    """Of the dashes before a speaker's name, the one that sets off what goes before it: the
    last, when it closes no pair inside the phrase ("than Mr. Trump - 60 percent of voters";
    not "Trump's hard-edged - and increasingly personal - approach")."""
    return dashes[-1:] * (len(dashes) % 2)


class _Finder:
    def __init__(self, doc: Doc, people: People | None = None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.people = people or People.of(doc)
        self.marked = self.people.marked
        self.in_quote = self.people.in_quote
        self.sent_of = self.people.sent_of
        self.sents = list(doc.sents)
        # the tokens, made once: ``doc[i]`` builds a new Token object on every read
        self.tokens = list(doc)
        # the subjects on each quote's path of heads (``_in_a_subject``)
        self._path_subjects: dict[tuple[int, int], frozenset[int]] = {}
        # attribution found for each sentence, used for quotes that follow without their own
        self.sent_attr: dict[int, _Attribution] = {}
        self._speakers: dict[int, Token | None] = {}  # verb index -> ``_speaker_of`` it
        # verb index -> ``_speaker_in_a_clause`` of it (read for its speaker and its contents)
        self._misparsed: dict[int, tuple[Token, Token] | None] = {}
        # whether a relative clause reports on its own (``_relative_report``), by its verb
        self._relative_reports: dict[int, bool] = {}
        self._datelines: dict[int, int] = {}  # sentence -> where its dateline ends

    # --- helpers over the parse -----------------------------------------------------------

    def _dateline_end(self, t: Token) -> int:
        """Where the dateline that opens the sentence of ``t`` ends ("WASHINGTON (AP) — ",
        "Tarnby (CNN) - "), as a character offset; the sentence's start when it has none."""
        k = self.sent_of[t.i]
        if k not in self._datelines:
            sent = self.sents[k]
            self._datelines[k] = sent.start_char + dateline_length(sent.text)
        return self._datelines[k]

    @staticmethod
    def _line_break(t: Token) -> bool:
        """Whether a line ends in or after ``t``."""
        return "\n" in t.text or "\n" in t.whitespace_

    def _tokens(self, span: Span) -> list[Token]:
        """The tokens of a sentence or other span, from those made once for the parse."""
        return self.tokens[span.start : span.end]

    def _paragraph_bounds(self, char: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, char) + 1
        end = self.text.find("\n", char)
        return start, len(self.text) if end < 0 else end

    def _mention_span(self, head: Token) -> Span:
        """The words naming a speaker: the subject phrase with its appositions and relative
        clauses ("Ada Moss, who runs the gym,") but without participle clauses set off by commas
        ("Ada Moss, standing outside,"), within its line. A relative pronoun stays as the
        mention ("who"), as PolNeAR annotates it."""
        drop: set[int] = set()
        for child in head.children:
            # set off by a comma, a participle clause adds to the phrase ("Ada Moss, standing
            # outside,"); attached directly it defines it ("a poll released Thursday"). PolNeAR
            # keeps a relative clause ("Ada Moss, who runs the gym,") and a list ("members,
            # including Ada Moss,") in the mention.
            clause = child.dep_ in MENTION_DROP_DEPS or (
                child.pos_ == "VERB" and child.dep_ != "prep"
            )
            if clause and child.dep_ == "relcl" and self._relative(child):
                # ... a short one; a long one tells more than who spoke
                clause = len(list(child.subtree)) > RELATIVE_CLAUSE_TOKENS
            if clause and child.i > head.i and self._after_comma(child):
                drop.update(t.i for t in child.subtree)
            # when it was said is not who said it ("The campaign on Monday said")
            if child.i > head.i and a_time_phrase(child):
                drop.update(t.i for t in child.subtree)
            # "Even Republicans said": the focus word is not part of the name
            if (
                child.i < head.i
                and child.dep_ in ("advmod", "cc")
                and child.i == head.left_edge.i
                and child.lower_ in FOCUS_WORDS
            ):
                drop.add(child.i)
        tokens = sorted((t for t in head.subtree if t.i not in drop), key=lambda t: t.i)
        lo, hi = tokens[0].i, tokens[-1].i
        # the phrase ends where the first clause or time left out of it begins
        later = [i for i in drop if i > head.i]
        if later:
            hi = min(hi, min(later) - 1)
        # the mention ends with its line
        breaks = [t.i for t in self.tokens[head.i : hi + 1] if self._line_break(t)]
        if breaks:
            hi = breaks[0]
        # a timestamp, heading or dateline run into the sentence ("11 a.m.\n\nJeb Bush says",
        # "RENO, Nev. (AP) — Donald Trump says")
        for t in self.tokens[lo : head.i]:
            if self._line_break(t) or dateline_dash(t):
                lo = t.i + 1
        lo = self._after_quotation(lo, head)
        while lo < hi and (self.tokens[lo].is_punct or self.tokens[lo].is_space):
            lo += 1
        while hi > lo and (self.tokens[hi].is_punct or self.tokens[hi].is_space):
            hi -= 1
        # "Bush and Cruz both said": the floating quantifier is not part of the names
        if hi > head.i and self.tokens[hi].lower_ in FLOATING_QUANTIFIERS:
            hi -= 1
        span = self.doc[lo : hi + 1]
        unclosed = span.text.count("(") > span.text.count(")")
        if unclosed and hi + 1 < len(self.doc) and self.tokens[hi + 1].text == ")":
            hi += 1
        return self.doc[lo : hi + 1]

    def _after_quotation(self, lo: int, head: Token) -> int:
        """Where a speaker's phrase from ``lo`` to its head starts once a quotation the parse
        hung on the name is left out ("“We will find out,” Tulsa police Chief Ann Lee said",
        where "Tulsa", tagged a verb, carries the quotation); a quoted word or two stays part
        of it ("the “Pose” actor")."""
        if self.in_quote[head.i]:
            return lo
        quoted = [t.i for t in self.tokens[lo : head.i] if self.in_quote[t.i]]
        return quoted[-1] + 1 if len(quoted) >= QUOTED_IN_MENTION else lo

    @staticmethod
    def _relative(clause: Token) -> bool:
        """A relative clause opened by a relative pronoun ("who runs the gym")."""
        first = clause.left_edge
        return first.lower_ in ("who", "whose", "whom", "which")

    def _name_of(self, head: Token) -> str:
        """The speaker's name from a subject head: the phrase without appositions, clauses and
        prepositional tails, a surname grown to the fuller name used in the article."""
        if head.lower_ in PERSONAL_PRONOUNS or head.lower_ in ORG_PRONOUNS or head.lower_ == "they":
            return self.people.resolve(head)  # "they": the people a subject names together
        if head.lower_ in FIRST_PERSON and self.people.in_answer(head.idx):
            return self.people.resolve(head)  # "I" in an interview's answer
        officer = a_state_officer(head)
        if officer or a_party_member(head):
            # "The California Democrat said", "The former Massachusetts governor wrote": the
            # one the article titled so ("Wisconsin Gov. Scott Walker"), else the one named (for
            # an officer, the subject of a sentence just before)
            member = (self.people.officer_named(head) if officer else None) or (
                self.people.described(head, subject=officer)
            )
            if member is not None:
                return member
        clause = _relative_clause_of(head)
        if clause is not None:
            # "Maria Roe, who denied ...": the name the relative clause hangs on; "Roe is a
            # lawyer and writer who denied ...": the subject the noun describes
            return self._name_of(_described_subject(clause.head))
        picked = one_of_a_list(head)  # "Texas, Georgia and Florida, the last of which said"
        if picked is not None:
            return self._name_of(picked)
        together = named_together(head)  # "Bill and Melinda Gates said": both
        if together is not None:
            return together
        body = self.people.body_named(head)  # "the company said"
        if body is not None:
            return body
        issuer = self._document_owner(head)  # "the statement said"
        if issuer is None and head.lower_ in DOCUMENT_NOUNS:
            # "Matze's statement read", "his letter said": the owner's, when a name or a
            # pronoun ("the campaign's statement" and "Thursday's memo" stay as they are);
            # "a letter from Gabbard's lawyer reads": the one it is from
            issuer = _named_owner(head.children) or next(
                (
                    o
                    for p in head.children
                    if p.dep_ == "prep" and p.lower_ == "from"
                    for o in p.children
                    if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
                ),
                None,
            )
        if issuer is not None:
            issued_by = self._owner_name(issuer)
            if issued_by is not None:
                return issued_by
        author = finding_author(head)  # "data compiled by the Gun Violence Archive"
        if author is not None:
            return self._name_of(author)
        set_off = _apposed_name(head)  # "The city's largest charity, Hope Harbor, said"
        if set_off is not None:
            return self._name_of(set_off)
        identified = _identified_as(head)  # "a person identified as a senior official"
        if identified is not None:
            return self._name_of(identified)
        titled = self._titled_person_at_end(head) or self._named_after_title(head)
        if titled is not None:
            return titled
        keep = [head]
        named: list[Token] = []
        completes: list[Token] = []  # an "of" phrase that completes a role
        # "a person with knowledge of the talks"; not "a spokeswoman for Fiorina": the brief's
        # names would take a person's name in the phrase for the speaker
        persons = self.people.persons
        defining = [
            d
            for d in _source_description(head)
            if not any(p.start <= d.right_edge.idx and d.idx < p.end for p in persons)
        ]
        described = -1  # where a description before the name ends
        for child in head.children:
            if child.dep_ == "appos":
                named.extend(child.subtree)
            if child.dep_ == "prep" and child.lower_ == "of" and (
                _a_role(head)
                or head.like_num
                or _a_numbered_group(head, child)
                or _a_part_of(head)
            ):
                # "the former secretary of state"; a number of people: "Fifty of them"; "The
                # Group of 7 wealthy nations"; a part of them: "75 percent of Republicans",
                # "Most of the residents"
                completes.extend(_of_phrase(child))
                continue
            if child.dep_ in NAME_DROP_DEPS or a_time_phrase(child) or child in defining:
                continue  # nor when it was said: "Clinton defenders today argue"
            if (
                child.dep_ == "nummod"
                and child.i > head.i
                and child.like_num
                and head.ent_type_ == "PERSON"
            ):
                continue  # an age after the name: "Khizr Khan, 66, said"
            if (
                child.dep_ == "compound"
                and child.ent_type_ == "NORP"
                and child.tag_ == "NNPS"
                and head.ent_type_ == "PERSON"
                and child.ent_iob_ == "B"
            ):
                continue  # the party of a list of names: "Democrats Hillary Clinton, ..."
            if (
                child.dep_ == "amod"
                and child.i < head.i
                and head.tag_ == "NNP"
                and (_described(child) or _an_indefinite_name(head))
            ):
                # a description is no part of a name: "82-year-old Richard Viguerie", "An
                # irritated Biden" ("many Republicans", "former Rep. Ron Paul" stay)
                described = max(described, child.right_edge.i)
                continue
            if _an_organisation_described(child, head) or (
                child.lower_ in BODY_NOUNS_AFTER
                and child.is_lower
                and child.i < head.i
                and head.pos_ == "PROPN"
            ):
                # "the daily Granma": the kind of medium is no part of its name
                described = max(described, child.right_edge.i)
                continue
            if (
                child.dep_ == "compound"
                and child.is_sent_start
                and child.is_title
                and head.pos_ == "PROPN"
                and a_description(child.text)
            ):
                # what the company or person is, capitalised as the sentence's first word:
                # "Drugmaker Pfizer said", "Rapper Kanye West said" (the entities drop it too)
                described = max(described, child.right_edge.i)
                continue
            if child.dep_ == "compound" and _an_indefinite_name(head, child):
                # "A visibly emotional Judge Brett Kavanaugh", the article and the adjectives
                # hung on the title: a description of him at that moment
                for grandchild in child.children:
                    if (
                        grandchild.dep_ == "amod"
                        and grandchild.i < child.i
                        and grandchild.lower_ not in TITLE_QUALIFIERS  # "a former Judge ..."
                    ):
                        described = max(described, grandchild.right_edge.i)
            employer = child.dep_ == "poss" and child.ent_type_ != "PERSON"
            if employer and (head.ent_type_ == "PERSON" or _an_untagged_name(head, child)):
                continue  # the outlet a named person writes for: "Gallup’s Jeffrey M. Jones"
            keep.extend(child.subtree)
        if head.ent_type_ and head.ent_type_ != "PERSON":
            # a name that runs on through a preposition stays whole: "the Bank of England",
            # "the Department of Social Services" (not "a spokesman for the ministry")
            end = head.i + 1
            while end < len(self.tokens) and self.tokens[end].ent_iob_ == "I":
                end += 1
            keep.extend(self.tokens[head.i + 1 : end])
        # "the economist Lena Sato", "Tom Reyes, the engineer": the person's name, when the
        # phrase holds exactly one.
        if head.ent_type_ != "PERSON" and head.pos_ != "PROPN":
            # ... in the phrase's own line, after a dash that sets off what goes before ("than
            # Mr. Trump - 60 percent of voters said"), not one of a pair inside the phrase
            # ("Trump's hard-edged - and increasingly personal - approach")
            before = self.tokens[min(t.i for t in keep) : head.i]
            dashes = [t.i for t in before if dateline_dash(t)]
            cuts = [t.i for t in before if self._line_break(t)] + _setting_off(dashes)
            # a name that only qualifies a plural, a body or a person is not theirs
            qualifying = {
                t.i
                for c in head.children
                if c.dep_ == "compound" and c.i < head.i and _only_qualifies(c, head)
                for t in c.subtree
            }
            # nor is the owner's: "Donald Trump's lawyer", "Keith Lamont Scott's wife"
            owners = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
            chars = {
                t.idx
                for t in keep + named
                if t.i > max(cuts, default=-1) and t.i not in qualifying | owners
            }
            people = [p for p in self.people.persons if any(p.start <= c < p.end for c in chars)]
            if len(people) == 1:
                return self.people.fullest(people[0].name, head.idx)
            # ... or the one named in apposition to a role that names another: "California
            # Rep. Duncan Hunter’s chief of staff, Joe Kasper," is Joe Kasper
            apposed = {t.idx for t in named}
            people = [p for p in people if any(p.start <= c < p.end for c in apposed)]
            if len(people) == 1:
                return self.people.fullest(people[0].name, head.idx)
        # nothing after a comma that sets off what follows the name: "Mattie Thomas, 66, a
        # retired worker who lives in Lake City, about 25 miles south of Florence" (the parse
        # hung the distance on the name)
        comma = min(
            (c.i for c in head.children if c.i > head.i and c.dep_ == "punct" and c.text == ","),
            default=None,
        )
        # not in a list of names ("Bush, Christie, Ohio Gov. John Kasich and Sen. Rand Paul"),
        # however the parse chained it
        listed = comma is not None and any(
            t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN"
            for t in head.subtree
        )
        if comma is not None and not listed:
            keep = [t for t in keep if t.i < comma]
        # the people of a role's "of" phrase are not its speaker ("friends of Clinton"), nor
        # is a body or place in the phrase that says which source spoke ("a spokesman for the
        # Justice Department"): both join the name after the look-up above
        keep = keep + completes + [t for d in defining for t in d.subtree]
        # nor is a relative clause the parse hung inside the phrase: "one Democrat familiar
        # with the discussion, who added that ..."
        relative = {
            t.i
            for k in keep
            if k.dep_ == "relcl" and k.i > head.i and k.left_edge.tag_ in ("WP", "WP$", "WDT")
            for t in k.subtree
        }
        keep = [t for t in keep if t.i not in relative] or keep
        keep.sort(key=lambda t: t.i)
        lo, hi = max(self._after_quotation(keep[0].i, head), described + 1), keep[-1].i
        # not a wire's credit the parse ran into the subject: "(CNN) Israel announced ..."
        opened = self._dateline_end(head)
        if self.text[:opened].rstrip().endswith(")"):
            while lo < head.i and self.tokens[lo].idx < opened:
                lo += 1
        span = self.doc[lo : hi + 1]
        words = [t for t in span if not (t.is_punct and t.i in (lo, hi))]
        # only the line the name is on (a timestamp or dateline line may be parsed into it),
        # after a dash that sets off what goes before, not one of a pair inside the phrase
        dashes = [k for k, t in enumerate(words) if t.i < head.i and dateline_dash(t)]
        cuts = [k for k, t in enumerate(words) if t.i < head.i and self._line_break(t)]
        cuts = sorted(cuts + _setting_off(dashes))
        if cuts and cuts[-1] + 1 < len(words):
            words = words[cuts[-1] + 1 :]
        words = [t for t in words if not t.is_space]
        # a line break between two words is a space ("his friend\nMahamat Saleh Oumar")
        name = "".join(
            t.text + (" " if t.whitespace_ or self.tokens[min(t.i + 1, hi)].is_space else "")
            for t in words
        ).strip()
        if name.count("(") > name.count(")"):
            # "The World Health Organization (WHO" where the parse left the bracket out
            closing = hi + 1 < len(self.tokens) and self.tokens[hi + 1].text == ")"
            name = f"{name})" if closing else name[: name.rfind("(")].strip()
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if len(words) > 1 and words[0].lower_ in OWNER_PRONOUNS and words[0].dep_ == "poss":
            # "Her campaign" is Hillary Clinton's: the owner the pronoun stands for
            owner = self.people.owner_of(words[0])
            if owner is not None:
                return f"{owner}’s {name[len(words[0].text) :].strip()}"
        return self.people.fullest(name, head.idx)

    def _document_owner(self, head: Token) -> Token | None:
        """Who speaks through "the statement", "the ad" or "the letter" (``head`` the noun,
        with "the" alone): the one the sentences before (``DOCUMENT_REACH``) give as its
        author, at the last mention of such a document: the subject of the verb it is the
        object of ("the Holocaust Museum issued a statement", "Bernie Sanders is releasing a
        new 30-second ad"), the agent of its participle ("a statement issued by the Sanders
        campaign"), its owner ("Mobil contended in its letter") or the subject of the verb it
        is said in ("the US military said in a statement"); None when they give none."""
        if head.lower_ not in DOCUMENT_NOUNS or head.ent_type_:
            return None
        if [c.lower_ for c in head.children if c.dep_ not in NAME_DROP_DEPS] != ["the"]:
            return None
        s_now = self.sent_of[head.i]
        for t in reversed(self.tokens[: head.i]):
            if s_now - self.sent_of[t.i] > DOCUMENT_REACH:
                return None
            if t.lemma_.lower() != head.lemma_.lower() or t.pos_ != "NOUN" or self.in_quote[t.i]:
                continue
            owners = [c for c in t.children if c.dep_ == "poss"]
            for clause in (c for c in t.children if c.dep_ == "acl"):
                owners += [
                    o for a in clause.children if a.dep_ == "agent" for o in a.children
                    if o.dep_ == "pobj"
                ]
            if t.dep_ == "dobj":
                owners += [c for c in t.head.children if c.dep_ == "nsubj"]
            elif t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ == "VERB":
                # "the US military said in a statement"
                owners += [c for c in t.head.head.children if c.dep_ == "nsubj"]
            return owners[0] if owners else None  # the last such document's author, if given
        return None

    def _owner_name(self, owner: Token) -> str | None:
        """The name of a document's author: a possessive's name or the person it stands for
        ("Trump’s statement", "its letter"), or the subject's name; None for a pronoun that
        stands for no one named."""
        if owner.dep_ == "poss" and owner.lower_ in OWNER_PRONOUNS:
            return self.people.owner_of(owner)
        if owner.dep_ == "poss":
            ent = next((e for e in self.doc.ents if e.start <= owner.i < e.end), None)
            words = ent if ent is not None else self.doc[owner.i : owner.i + 1]
            return self.people.fullest(strip_possessive(words.text), owner.idx)
        name = self._name_of(owner)
        return None if name.lower() in PERSONAL_PRONOUNS | ORG_PRONOUNS else name

    def _titled_person_at_end(self, head: Token) -> str | None:
        """The person a subject phrase ends with after a title, where the parse made the body
        the title is of the head: "House Permanent Select Committee on Intelligence Chairman
        Adam B. Schiff said" (head "Committee", Schiff the object of "on")."""
        if head.pos_ != "PROPN" or head.ent_type_ not in ("ORG", "GPE", "NORP"):
            return None  # "an aide to President Obama" is the aide
        last = self.tokens[head.right_edge.i]
        if last.ent_type_ != "PERSON" or last.i <= head.i:
            return None
        start = last.i
        while start > head.i and self.tokens[start].ent_iob_ == "I":
            start -= 1
        title = self.tokens[start - 1]
        if start - 1 <= head.i or title.lower_.rstrip(".") not in ROLE_WORDS:
            return None
        if self.tokens[start - 2].pos_ != "PROPN":
            return None  # the title opens a phrase of its own: "... to Senator Ted Cruz"
        chars = range(self.tokens[start].idx, last.idx + len(last))
        people = [p for p in self.people.persons if p.start <= chars.start and chars[-1] < p.end]
        return self.people.fullest(people[0].name, head.idx) if len(people) == 1 else None

    def _named_after_title(self, head: Token) -> str | None:
        """The one person named after a title written as a name that heads the phrase: "Chief
        Justice of the United States John Roberts", "the district GOP Chairman Chuck Williams",
        "UMWA Director of Government Affairs Phil Smith"."""
        if head.pos_ != "PROPN" or head.lower_ not in ROLE_WORDS or head.ent_type_:
            return None
        people = [
            e
            for e in self.doc.ents
            if e.label_ == "PERSON" and e.start > head.i and e.end <= head.right_edge.i + 1
        ]
        return self.people.fullest(people[0].text, head.idx) if len(people) == 1 else None

    def _subject_of(self, verb: Token) -> Token | None:
        """The subject of a reporting verb, climbing through "and added", ", saying" and
        "X was quoted as saying" constructions."""
        quoted = _quoted_one(verb)
        if quoted is not None:
            return quoted  # "AP quoted the governor as saying": the governor
        node: Token | None = verb
        if self._coordinated_report(verb) or self._participle_report(verb):
            node = verb.head.head  # it shares the subject of the cue it is coordinated with
        for _ in range(4):
            if node is None:
                return None
            # "“Every amendment,” said Cruz": a subject inside the quote is the quote's own
            # the subject a coordinated verb shares may be passive ("X was forced into damage
            # control and said ...")
            # ... but one who is worried or convinced holds the stance ("X was convinced that")
            # ... and so does one who "was quoted (by Y) as saying", not Y
            passive = _stance_participle(verb) or verb.lemma_.lower() == "quote"
            own = ("nsubj", "nsubjpass") if passive else ("nsubj",)
            deps = own if node is verb else ("nsubj", "nsubjpass")
            subjects = [c for c in node.children if c.dep_ in deps]
            # a heading on a line of its own, parsed as a second subject ("Norway\n\nOn
            # Monday, Hansen told ..."), is not the one on the verb's line
            on_line = [c for c in subjects if "\n" not in self._between(c, node)]
            subjects = on_line or subjects
            # an owner the parse made a second subject ("Reuters’ Ada Lindqvist said", the
            # apostrophe read as punctuation): the name it owns speaks
            owned = [
                c
                for c in subjects[:-1]
                if c.i + 1 < len(self.tokens) and self.tokens[c.i + 1].text in ("’", "'")
            ]
            subjects = [c for c in subjects if c not in owned] or subjects
            # a label before a colon, parsed as a subject beside the one after it ("The state
            # of play: Timothy Klausutis asked ..."): the subject after the colon speaks
            labels = [
                c
                for c in subjects
                if c.right_edge.i + 1 < len(self.tokens)
                and self.tokens[c.right_edge.i + 1].text == ":"
                and any(o.i > c.right_edge.i + 1 for o in subjects)
            ]
            subjects = [c for c in subjects if c not in labels] or subjects
            # "ABC News reporter Will Steakin wrote": the parse made the first name a modal
            # and the role a subject of its own; the name speaks
            named = [
                c for c in subjects if c.i > 0 and self._first_name_as_aux(self.tokens[c.i - 1])
            ]
            subjects = named or subjects
            # "the deputy chief of criminal investigations for Indianapolis police Craig McCartt
            # said": the parse made the role, one person's, a subject apart from the name right
            # after it (not "Democratic presidential hopefuls former Maryland Gov. Martin
            # O'Malley and ... called")
            titled = [
                c
                for c in subjects
                if c.ent_type_ == "PERSON"
                and not any(t.dep_ == "cc" for t in c.subtree)
                and any(
                    o.tag_ == "NN"
                    and not o.ent_type_
                    and not any(t.dep_ == "cc" for t in o.children)
                    and o.right_edge.i + 1 == c.left_edge.i
                    for o in subjects
                )
            ]
            subjects = titled or subjects
            # a town's state the parse made a second subject ("in Berea, OH, after winning
            # Ohio, Gov. John Kasich said"): the person speaks, not the place
            if any(c.ent_type_ == "PERSON" for c in subjects):
                subjects = [c for c in subjects if c.ent_type_ not in ("GPE", "LOC")]
            outside = [c for c in subjects if not self.in_quote[c.i]]
            if subjects:
                subject = self._past_dateline((outside or subjects)[0], subjects)
                return self._past_amount(_past_title(subject))
            for child in node.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj
            first = left_conjunct(node)
            if first is not None:
                node = first  # "X monitored the port and, on Monday, said ...": X said
                continue
            if node.dep_ == "xcomp":
                # "prompting Schumer's office to slam Roberts": the object does what it is
                # brought to do ("used his speech to call for" is his)
                objects = [
                    c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i
                ]
                if objects and _an_agent(objects[-1]):
                    return objects[-1]
            outer = _past_of_a_present_clause(node)
            if outer is not None:
                node = outer  # "X pressed Biden on reports that he is considering ... and told"
                continue
            if node.dep_ in CLIMB_DEPS and node.head.i != node.i:
                climbed = node.head
                # "After blasting X, Beck said ...": through the preposition to its verb
                if (
                    node.dep_ == "pcomp"
                    and climbed.dep_ == "prep"
                    and climbed.head.i != climbed.i
                    and climbed.head.pos_ in ("VERB", "AUX")
                ):
                    climbed = climbed.head
                    # "He claimed the women “came from ...”, before suggesting": a verb quoted
                    # is what was said; the one who said it does the next thing
                    while (
                        self.in_quote[climbed.i]
                        and climbed.dep_ == "ccomp"
                        and climbed.head.i != climbed.i
                        and not self.in_quote[climbed.head.i]
                    ):
                        climbed = climbed.head
                node = climbed
                continue
            return None
        return None

    def _first_name_as_aux(self, t: Token) -> bool:
        """A capitalised modal inside its sentence right before a proper noun, that is a first
        name too: a first name the parse made a modal ("reporter Will Steakin wrote")."""
        return (
            t.dep_ == "aux"
            and t.tag_ == "MD"
            and t.is_title
            and first_name_gender(t.text) is not None
            and t.i > self.sents[self.sent_of[t.i]].start
            and t.i + 1 < len(self.tokens)
            and self.tokens[t.i + 1].pos_ == "PROPN"
        )

    @staticmethod
    def _past_amount(subject: Token) -> Token:
        """The subject unless it is an amount set off after the report, with the speaker as its
        apposition ("... 2,000 troops this month, roughly half of its presence, the top U.S.
        commander said"): then the speaker."""
        if not (subject.like_num or subject.ent_type_ in AMOUNT_ENTITIES):
            return subject
        for c in subject.rights:
            if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.lower_ in ROLE_WORDS):
                return c
        return subject

    def _past_dateline(self, subject: Token, subjects: list[Token]) -> Token:
        """The subject unless it is the lede's dateline, which the parse may make the subject
        with the name after its dash as its apposition or as a second subject ("Tarnby (CNN)
        - Dr. Ana Moss, the city's engineer, told ..."): then that name."""
        dash = next((c for c in subject.rights if dateline_dash(c)), None)
        if dash is None or dash.idx >= self._dateline_end(subject):
            return subject  # "Jo Sims — a teacher — said": no dateline
        after = [c for c in subjects if c.i > dash.i] + [
            c for c in subject.rights if c.i > dash.i and c.dep_ in ("appos", "conj")
        ]
        return min(after, key=lambda t: t.i) if after else subject

    def _between(self, a: Token, b: Token) -> str:
        """The text between two words."""
        first, last = (a, b) if a.i < b.i else (b, a)
        return self.text[first.idx + len(first.text) : last.idx]

    @staticmethod
    def _coordinated_report(t: Token) -> bool:
        """A reporting verb that the parse joins to the clause another one reports, where the
        sentence joins it to that verb: in "Moss said the plan was sound, and urged that it pass"
        "urged" has no subject and a clause of its own, so Moss urged; it is a second report,
        not part of what Moss said. (The parse cannot tell this from "Moss said the council met
        and agreed that it pass", where the council agreed; on PolNeAR train the first reading
        is the more common, and each is one attribution either way.) So in a "to" clause: in
        "Moss refuses to release her records or explain how ..." she refuses the one and does
        not explain the other, two reports ("seemed taken aback and mentioned" has none)."""
        head = t.head
        return (
            t.dep_ == "conj"
            and t.pos_ == "VERB"
            and t.lemma_.lower() in CLAUSE_VERBS
            and (
                (head.dep_ == "ccomp" and head.head.lemma_.lower() in CLAUSE_VERBS)
                or (
                    head.dep_ == "xcomp"
                    and head.head.lemma_.lower() in TO_VERBS
                    and any(c.lower_ == "to" for c in head.children)
                )
            )
            and head.head.i != head.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            and any(c.dep_ in ("ccomp", "xcomp") for c in t.children)
            # not one joined to a report with a subject of its own that the parse hangs on an
            # outer report after both: "Moss said she was honored, and vowed to ..., Fox News
            # is told" is Moss's vow
            and not (
                head.head.i > t.i
                and head.lemma_.lower() in CLAUSE_VERBS
                and any(c.dep_ == "nsubj" for c in head.children)
            )
        )

    def _participle_report(self, t: Token, anywhere: bool = False) -> bool:
        """A reporting participle set off by a comma at the end of the clause another verb
        reports ("Moss said the council was wrong, pointing to its own figures", also after a
        quotation closed after the comma: "called it “a shame,” pointing to ..."): the parse
        hangs it on the reported clause, where the sentence hangs it on the speaker's verb.
        With ``anywhere``, wherever the parse hangs it inside what is reported ("Moss said
        that is a “distortion,” describing the team as able", on the "is" of the reported
        clause; "Moss accused them of hiding the figures, pointing to ...", on "hiding")."""
        head = t.head
        return (
            t.dep_ == "advcl"
            and t.tag_ == "VBG"
            and t.lemma_.lower() in SPEECH_VERBS
            and t.i > head.i
            and (
                anywhere
                or (
                    head.dep_ == "ccomp"
                    and head.head.i != head.i
                    and head.head.lemma_.lower() in CLAUSE_VERBS
                )
            )
            and t.left_edge.i > 0
            and self._comma_before(t.left_edge.i)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
            and t.lemma_.lower() not in THINKING_VERBS
            and any(
                c.dep_ == "ccomp"
                or (c.dep_ == "prep" and c.lower_ in PREP_VERBS.get(t.lemma_.lower(), ()))
                for c in t.children
            )
        )

    def _comma_before(self, i: int) -> bool:
        """A comma right before the word at ``i``, or before the closing quote marks right
        before it (“a shame,” pointing)."""
        j = i - 1
        while j > 0 and self._is_quote_mark(j) and (
            self.tokens[j].text in CLOSING_MARKS or self.tokens[j].tag_ == "''"
        ):
            j -= 1
        return self.tokens[j].text == ","

    @staticmethod
    def _with_lost_subject(clause: Token, verb: Token) -> list[Token]:
        """The clause, with the subject the parse made the reporting verb's object ("voters said
        [life for the next generation] would be worse": a clause with no subject of its own,
        right after the object)."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return [clause]
        obj = next(
            (c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None
        )
        if obj is None:
            return [clause]
        # what lies between them may be the subject's own modifier, parsed as the verb's
        between = [
            c for c in verb.children if obj.i < c.i < clause.i and c.dep_ == "prep"
        ]
        covered = obj.right_edge.i + 1 + sum(len(list(c.subtree)) for c in between)
        if covered != clause.left_edge.i:
            return [clause]
        return [obj, *between, clause]

    def _contrasted_report(self, t: Token) -> bool:
        """A report of someone else set against the clause ("four in 10 said life would be
        worse, while nine in 10 said the economy favours the wealthy", "..., though the mayor
        said ...", "..., while doctors warned of an outbreak"): its own report."""
        return (
            t.dep_ == "advcl"
            and any(
                c.dep_ == "mark" and c.lower_ in ("while", "whereas", "though", "although")
                for c in t.children
            )
            and any(c.dep_ == "nsubj" for c in t.children)
            and (
                t.lemma_.lower() in CLAUSE_VERBS
                or (
                    t.pos_ == "VERB"
                    and t.lemma_.lower() in SPEECH_VERBS
                    and bool(self._complements(t))
                )
            )
        )

    def _relative_report(self, t: Token) -> bool:
        """A relative clause set off by a comma, with a reporting verb, a subject and something
        reported of its own ("the wall, which he said Mexico would pay for", "the senator from
        Ohio, who says the plan will fail", "the plan, which she called “a farce”"): a report
        of its own, by its subject, not part of what the clause around it reports. Not a
        clause that sets the scene ("an interview, in which she said ...", "the town, where
        ..."): PolNeAR keeps that in the content; nor one without a comma ("the number who
        said ..."), which it mostly keeps too."""
        if t.i not in self._relative_reports:
            first = t.left_edge
            self._relative_reports[t.i] = (
                t.dep_ == "relcl"
                and t.pos_ == "VERB"
                and t.lemma_.lower() in SPEECH_VERBS
                and not self.in_quote[t.i]
                and self._after_comma(t)
                and first.pos_ != "ADP"
                and first.lower_ not in ("where", "when")
                and any(c.dep_ == "nsubj" for c in t.children)
                and (
                    bool(self._complements(t))
                    or any(self.in_quote[w.i] for w in t.subtree if w.i > t.i)
                )
            )
        return self._relative_reports[t.i]

    def _speaker_of(self, verb: Token) -> Token | None:
        """The head of the phrase naming who speaks with a reporting verb, if any. Read once a
        verb: the verb lists, the learned cues and the nouns that hang on the verb all ask."""
        if verb.i not in self._speakers:
            self._speakers[verb.i] = self._find_speaker(verb)
        return self._speakers[verb.i]

    def _find_speaker(self, verb: Token) -> Token | None:
        subj = self._found_speaker(verb)
        if subj is not None and subj.dep_ == "expl":
            subj = None  # "there seem to be more Republicans who ...": no one
        named = self._named_right_before(verb)
        if named is None and subj is not None:
            return self._titled_member(subj, verb) or subj
        if named is None or (subj is not None and named in subj.subtree):
            return subj
        if subj is None and named.dep_ == "appos":
            # a name in apposition to its title ("Tulsa police Chief Chuck Jordan said"): the
            # whole phrase is read as the report's tail, the title with it
            return None
        return named

    def _found_speaker(self, verb: Token) -> Token | None:
        subj = self._postposed_subject(verb) or self._closing_speaker(verb)
        if subj is None and not self._participle_report(verb):
            subj = self._participle_subject(verb)
        subj = subj or self._subject_of(verb) or self._subject_in_a_clause(verb)
        if subj is None:
            after = self._speaker_clause_after(verb)
            subj = after[1] if after is not None else None
        if subj is not None:
            subj = self._last_line_of(subj)
            if subj.i < verb.i and self._timestamp(subj):
                # a timestamp line misparsed as the subject ("4:40 p.m.\n\nX says")
                subj = self._subject_by_position(verb)
        if subj is None:
            subj = self._reduced_speaker(verb)
        if subj is not None and self.in_quote[subj.i]:
            # the parse made the quote the subject and hung the speaker on it ("“Very good
            # reporter,” Trump, the front-runner, said"): the apposition between them
            subj = next(
                (
                    c
                    for c in subj.children
                    if c.dep_ == "appos" and not self.in_quote[c.i] and c.i < verb.i
                ),
                None,
            ) or self._subject_by_position(verb)
        elif subj is None:
            subj = self._subject_by_position(verb)
        if (
            subj is not None
            and subj.dep_ == "appos"
            and subj.ent_type_ != "PERSON"
            and subj.head.ent_type_ == "PERSON"
            and subj.head.i < subj.i
            and not self.in_quote[subj.head.i]
            and subj.right_edge.i + 1 < verb.i
            and self.tokens[subj.right_edge.i + 1].text == ","
            and subj.head.dep_ != "ROOT"  # "Beruff, a Scott ally, called ...": a misparse
        ):
            # "..., Raffensperger, a Republican, stated": the person, not the apposition set
            # off by commas between them and the verb
            subj = subj.head
        if subj is not None and subj.i > verb.i:
            subj = self._named_sibling(subj, verb)
        if subj is not None and subj.i < verb.i:
            subj = self._named_medium(subj, verb) or subj
        return subj

    def _named_medium(self, subj: Token, verb: Token) -> Token | None:
        """ "The state news agency Xinhua said", "The Communist Party daily Granma said": the
        name right after the kind of medium, up to the verb, speaks, not the kind or the party
        that owns it (the verb whose subject it is may be an earlier one, "compared ... and
        said")."""
        end = subj.head.i - 1 if subj.i < subj.head.i <= verb.i else verb.i - 1
        k = end
        while k > subj.left_edge.i and self.tokens[k].pos_ == "PROPN" and not self.in_quote[k]:
            k -= 1
        name = self.tokens[end]
        if k == end or self.tokens[k].lower_ not in BODY_NOUNS_AFTER:
            return None
        return name if subj.i <= name.i and subj.left_edge.i <= k else None

    def _titled_member(self, subj: Token, verb: Token) -> Token | None:
        """ "Australians for a Constitutional Monarchy executive director Kerry Jones said": a
        person named right before the verb, after a title, in the subject phrase of a body or
        a group whose name the parse broke up; that person speaks."""
        name = self.tokens[verb.i - 1] if verb.i > 0 else None
        if (
            not (subj.ent_type_ in ("NORP", "ORG") or subj.pos_ == "PROPN")
            or name is None
            or name.ent_type_ != "PERSON"
            or name.dep_ != "appos"
            or name.head.lower_ not in ROLE_WORDS
            or name.head.i > name.i
            or self.in_quote[name.i]
            or name not in subj.subtree
        ):
            return None
        return name

    def _named_right_before(self, verb: Token) -> Token | None:
        """ "..., Speaker of the House Rep. Paul Ryan (R-WI) said “…”": a person named right
        before a verb of saying that the parse gave no subject (hanging the name on a phrase
        before it); a party and state in brackets may stand between them."""
        if verb.lemma_.lower() not in SAYING_VERBS or verb.i == 0:
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        i = verb.i - 1
        if self.tokens[i].text == ")":
            while i > 0 and self.tokens[i].text != "(" and verb.i - i < 8:
                i -= 1
            i -= 1
        name = self.tokens[i] if i >= 0 else None
        if name is None or name.ent_type_ != "PERSON" or self.in_quote[name.i]:
            return None
        return name

    def _reduced_speaker(self, verb: Token) -> Token | None:
        """ "Murphy, the head of Right to Rise USA, tweeted on Friday": a verb of saying that
        the parse made a clause of the name before it (a participle), after the comma that
        closes the name's apposition. Not one with an agent ("a photo, tweeted by ...")."""
        head = verb.head
        if (
            verb.dep_ != "acl"
            or verb.tag_ == "VBG"  # "Trump called the troops, saying ...": read as a participle
            or verb.lemma_.lower() not in REDUCED_SAYING_VERBS
            or verb.i == 0
            or self.tokens[verb.i - 1].text != ","
            or head.i > verb.i
            or head.ent_type_ != "PERSON"
            or self.in_quote[head.i]
            or any(c.dep_ in ("agent", "auxpass") for c in verb.children)
        ):
            return None
        return head

    def _attribution(self, verb: Token, cue: str | None = None) -> _Attribution:
        subj = self._speaker_of(verb)
        if subj is None:
            phrase = self._phrase_before(verb)
            if phrase is not None:
                name = self.people.fullest(phrase.text, phrase.start_char)
                return _Attribution(cue or self._cue_text(verb), verb.i, phrase, name)
            return _Attribution(cue or self._cue_text(verb), verb.i, None, None)
        attr = _Attribution(
            cue or self._cue_text(verb), verb.i, self._mention_span(subj), self._name_of(subj)
        )
        reporter = _quoting(verb)
        if reporter is not None:
            # "AP quoted the governor as saying": the governor's words, through AP
            attr = replace(attr, via=self._mention_span(reporter), via_name=self._name_of(reporter))
        return attr

    def _phrase_before(self, verb: Token) -> Span | None:
        """The words naming the speaker of an active reporting verb the parse left without a
        subject: a plain noun phrase right before it, or an apposition the parse hung on an
        opening phrase."""
        return self._plain_phrase_before(verb) or self._apposition_before(verb)

    def _plain_phrase_before(self, verb: Token) -> Span | None:
        """For an active reporting verb the parse left without a subject ("On the economy,
        nearly two-thirds of Democratic voters said ..."): the noun phrase that runs from the
        last comma, line break or sentence start up to the verb, when it is one."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children
        ):
            return None
        sent = self.sents[self.sent_of[verb.i]]
        hi = verb.i - 1
        while hi >= sent.start and (
            self.tokens[hi].dep_ in ("aux", "neg", "advmod") and self.tokens[hi].head.i == verb.i
        ):
            hi -= 1
        # a time phrase between the speaker and the verb ("voters on Super Tuesday said")
        while hi >= sent.start and self.tokens[hi].ent_type_ in ("DATE", "TIME"):
            hi -= 1
        lo = hi
        while lo - 1 >= sent.start:
            prev = self.tokens[lo - 1]
            if prev.text in (",", ";", ":", "(", ")") or "\n" in prev.text or dateline_dash(prev):
                break
            if self.in_quote[prev.i] or self._is_quote_mark(prev.i):
                break
            lo -= 1
        if hi < sent.start or hi < lo or hi - lo + 1 > PHRASE_WORDS:
            return None
        words = self.doc[lo : hi + 1]
        if any(self.in_quote[t.i] for t in words):
            return None
        # a finite verb makes the phrase a clause; not a word of a name the tagger took for one
        # ("Tulsa police Chief Chuck Jordan said", "Tulsa" tagged VB)
        if any(
            t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") and not t.ent_type_
            for t in words
        ):
            return None
        last = words[-1]
        if last.pos_ not in ("NOUN", "PROPN", "PRON") or last.ent_type_ in ("DATE", "TIME"):
            return None
        if last.lower_ in ("it", "there", "this", "that", "which", "what"):
            return None
        if words[0].pos_ in ("ADP", "SCONJ", "CCONJ") and words[0].lower_ not in FOCUS_WORDS:
            return None
        while len(words) > 1 and words[0].lower_ in FOCUS_WORDS:
            words = words[1:]
        # a named person's workplace after the name is no part of who speaks: "researcher Allan
        # Liska at cybersecurity firm Recorded Future said"
        cut = next(
            (
                t.i
                for t in words[1:]
                if t.pos_ == "ADP"
                and self.tokens[t.i - 1].ent_type_ == "PERSON"
                and t.i + 1 <= words[-1].i
            ),
            None,
        )
        return self.doc[words[0].i : cut] if cut is not None else words

    def _apposition_before(self, verb: Token) -> Span | None:
        """ "In a letter to the board, Ada Moss, its chair, wrote ...", parsed with the speaker
        as an apposition to the object of the opening phrase: the appositions between the
        comma after that object and the comma before the verb."""
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in SUBJECT_DEPS or c.dep_ in ("auxpass", "expl") for c in verb.children
        ):
            return None
        hi = verb.i - 1
        while hi >= 1 and self.tokens[hi].dep_ in ("aux", "neg", "advmod"):
            hi -= 1
        if hi < 1 or self.tokens[hi].text != ",":
            return None
        last = hi - 1
        for a in self.tokens[self.sents[self.sent_of[verb.i]].start : last + 1]:
            head = a.head
            if a.dep_ != "appos" or head.i >= a.i or head.dep_ != "pobj":
                continue
            if not any(p.dep_ == "prep" and p.head.i == verb.i for p in head.ancestors):
                continue
            if a.left_edge.i < 1 or self.tokens[a.left_edge.i - 1].text != ",":
                continue
            appositions = [c for c in head.children if c.dep_ == "appos" and c.i >= a.i]
            if max(c.right_edge.i for c in appositions) != last:
                return None
            if a.pos_ not in ("PROPN", "NOUN") or self.in_quote[a.i]:
                return None
            return self.doc[a.left_edge.i : last + 1]
        return None

    @staticmethod
    def _timestamp(subj: Token) -> bool:
        """A time or a bare number parsed as a subject; not a share of people ("Two in three
        said", "About three in 10 said", "All five of the candidates")."""
        if subj.ent_type_ in ("TIME", "DATE"):
            return True
        return subj.like_num and not any(c.dep_ in ("prep", "quantmod") for c in subj.children)

    def _last_line_of(self, subj: Token) -> Token:
        """A subject phrase that runs over a line break (a timestamp line parsed into it:
        "12:15 p.m.\n\nPresident Barack Obama says") stands for its part on the last line."""
        tokens = sorted(subj.subtree, key=lambda t: t.i)
        breaks = [t.i for t in tokens if self._line_break(t)]
        if not breaks or breaks[-1] >= tokens[-1].i:
            return subj
        line = [t for t in tokens if t.i > breaks[-1] and not t.is_space]
        ids = {t.i for t in line}
        heads = [t for t in line if t.head.i not in ids or t.head.i == t.i]
        return heads[0] if heads and subj.i not in ids else subj

    def _clause_of_the_subject(self, verb: Token) -> Token | None:
        """ "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he
        and other rabbis were alarmed": the parse may make the speaker's phrase, with what is
        set off by commas after the name, a clause the verb reports ("rabbi" a verb), and give
        the verb no subject. When the verb also reports a clause after it with a subject of its
        own, the clause before it is the speaker's phrase if it opens the sentence on a noun
        phrase set off by a comma, or on a name ("Kasich jokingly offered the man a job, then
        says ..."): not what was said (``_subject_in_a_clause`` gives the speaker)."""
        found = self._speaker_in_a_clause(verb)
        return found[0] if found is not None else None

    def _subject_in_a_clause(self, verb: Token) -> Token | None:
        found = self._speaker_in_a_clause(verb)
        return found[1] if found is not None else None

    def _speaker_in_a_clause(self, verb: Token) -> tuple[Token, Token] | None:
        """(the clause, the head of the speaker's name) of ``_clause_of_the_subject``."""
        if verb.i not in self._misparsed:
            self._misparsed[verb.i] = self._find_speaker_in_a_clause(verb)
        return self._misparsed[verb.i]

    def _find_speaker_in_a_clause(self, verb: Token) -> tuple[Token, Token] | None:
        if verb.lemma_.lower() not in CLAUSE_VERBS or self.in_quote[verb.i]:
            return None
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not any(
            c.i > verb.i
            and not self.in_quote[c.i]
            and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
            for c in clauses
        ):
            return None
        sent = self.sents[self.sent_of[verb.i]]
        opening = next((t for t in self._tokens(sent) if not (t.is_punct or t.is_space)), None)
        before = [c for c in clauses if c.i < verb.i]
        if (
            opening is None
            or len(before) != 1
            or before[0].left_edge.i != opening.i
            or not any(t.text == "," for t in self.tokens[max(verb.i - 4, 0) : verb.i])
            or any(self.in_quote[t.i] for t in before[0].subtree)
        ):
            return None
        clause = before[0]
        chunk = next((c for c in self.doc.noun_chunks if c.start == opening.i), None)
        if chunk is None or chunk.root.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        if chunk.end < len(self.doc) and self.tokens[chunk.end].text == ",":
            return clause, chunk.root
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject == chunk.root and subject.pos_ == "PROPN":
            return clause, subject
        return None

    def _speaker_clause_after(self, verb: Token) -> tuple[Token, Token] | None:
        """(the clause, the head of the speaker's name) for "…, said a former spokesman for the
        ministry, Oleg Voloshyn, who ran in the bloc Mr. Manafort helped form": the parse may
        make the speaker's phrase after an inverted verb a clause it reports ("helped" its
        head), and give the verb no subject. A verb that reports a clause before it (or a
        quotation) and has no subject of its own is inverted; a clause opening right after it,
        with no subject or a comma before its head, is who speaks: the clause's subject when it
        opens the clause, else a name its head has for object ("said Oversight ranking Democrat
        Elijah Cummings", "ranking" its head), else the first person it names."""
        if verb.lemma_.lower() not in CLAUSE_VERBS or self.in_quote[verb.i]:
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        # inverted after what it reports: ", said", "," said"
        if verb.i == 0 or not (
            self.tokens[verb.i - 1].text == "," or self._is_quote_mark(verb.i - 1)
        ):
            return None
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        after = [c for c in clauses if c.left_edge.i == verb.i + 1 and not self.in_quote[c.i]]
        if not after or not any(c.i < verb.i for c in clauses):
            return None
        if self._speaker_in_a_clause(verb) is not None:
            return None  # the clause before is the speaker's phrase, the one after is said
        clause = after[0]
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and not any(
            t.text == "," for t in self.tokens[verb.i + 1 : clause.i]
        ):
            return None  # "..., said he would deport them": what is said, with its subject
        if subject is not None and subject.left_edge.i == clause.left_edge.i:
            return clause, subject
        named = next((c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
        if named is not None:
            return clause, named
        person = next(
            (
                e
                for e in self.doc.ents
                if e.label_ == "PERSON"
                and clause.left_edge.i <= e.start
                and e.end <= clause.right_edge.i + 1
            ),
            None,
        )
        return (clause, person.root) if person is not None else None

    def _subject_by_position(self, verb: Token) -> Token | None:
        """When the parse gives a reporting verb no subject (often around quotes): the name
        right before it after a closing quote ("“…,” Ramos, 58, told AFP"), or, for a
        participle ("…, telling the crowd"), the last subject before it in the sentence."""
        sent = self.sents[self.sent_of[verb.i]]
        i = verb.i - 1
        while i >= sent.start and (
            self.tokens[i].is_punct or self.tokens[i].is_space or self.tokens[i].like_num
        ):
            if self._is_quote_mark(i):
                if verb.tag_ == "VBG":
                    # "“…,” referencing the ...": a participle's speaker comes before the quote
                    return self._subject_before(verb, sent)
                return self._inverted_speaker(verb)
            i -= 1
        aside = self._participle_aside_before(i, sent)
        if aside is not None:
            i = aside
        if i >= sent.start and not self.in_quote[i]:
            t = self.tokens[i]
            while (
                t.dep_ in ("compound", "appos", "flat")
                and t.head.i != t.i
                and not self.in_quote[t.head.i]
                and not self._after_comma(t)
            ):
                t = t.head
            before = self.tokens[t.left_edge.i - 1] if t.left_edge.i > sent.start else None
            if before is None or before.is_punct:
                # a name, or any noun phrase set off by a comma (", officials said.")
                if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG"):
                    return t
                if t.is_title and before is not None and self._is_quote_mark(before.i):
                    # "“…,” Scully tweeted": a capitalised word after the quote is a name,
                    # whatever the tagger made of it (an adverb, for its "-ly")
                    return t
                if t.pos_ == "NOUN" and before is not None and before.text == ",":
                    return t
                if aside is not None and t.pos_ == "NOUN" and before is not None:
                    return t  # "“…,” a detective, speaking on condition of anonymity, said"
        if verb.tag_ == "VBG":
            return self._subject_before(verb, sent)
        return None

    def _participle_aside_before(self, i: int, sent: Span) -> int | None:
        """Where the words before a participle's phrase end, when the phrase ending at token
        ``i`` is set off by commas ("a detective, speaking on condition of anonymity, said"):
        the speaker is named before it. None for any other phrase."""
        k = i
        while k > sent.start and i - k < ASIDE_WORDS and self.tokens[k - 1].text != ",":
            k -= 1
        if k - 1 <= sent.start or self.tokens[k - 1].text != "," or self.tokens[k].tag_ != "VBG":
            return None
        if self.in_quote[k] or self.tokens[i + 1].text != ",":
            return None
        j = k - 2
        while j >= sent.start and (self.tokens[j].is_space or self.tokens[j].text == ","):
            j -= 1
        return j if j >= sent.start else None

    def _subject_before(self, verb: Token, sent: Span) -> Token | None:
        """The main subject before ``verb`` in its sentence, outside quotes."""
        subjects = [
            t
            for t in self._tokens(sent)
            if t.i < verb.i and t.dep_ == "nsubj" and not self.in_quote[t.i]
        ]
        return self._main_subject(verb, subjects)

    def _inverted_speaker(self, verb: Token) -> Token | None:
        """ "“…,” added a party official.": the speaker right after a reporting verb that follows
        a quote, whatever role the parse gave it (often the object)."""
        if verb.lemma_.lower() not in QUOTE_VERBS or verb.i + 1 >= len(self.doc):
            return None
        if any(c.dep_ == "oprd" for c in verb.children):
            # the verb names what its object is ("“…,” called CNN “fake news”")
            return None
        node = self.tokens[verb.i + 1]
        # up to the head of the phrase after the verb, which the parse may have hung on a
        # later verb ("“…,” said Ada Moss, a lawyer, who ...")
        while (
            node.head.i != node.i and node.head.i > verb.i and node.head.pos_ not in ("VERB", "AUX")
        ):
            node = node.head
        node = self._named_sibling(node, verb)
        report = self._outlet_report(node, verb)
        outlet = report[0] if report is not None else None
        if node.dep_ not in _AFTER_VERB and outlet is None:
            return None
        if node.head.i != verb.i:
            # the phrase must end its clause: no verb of its own follows before the sentence ends
            # but an outlet's report of it ("“…,” said Ada Moss, a lawyer, the Courier reported")
            for t in self.tokens[node.i + 1 :]:
                if t.text in (".", "..", "...", "!", "?", ";") or "\n" in t.text or t == outlet:
                    break
                if t.pos_ in ("VERB", "AUX") and node not in t.ancestors:
                    return None
        if self.in_quote[node.i] or node.lower_ in VAGUE_OBJECTS:
            return None
        if node.pos_ not in ("NOUN", "PROPN", "ADJ") and node.ent_type_ not in ("PERSON", "ORG"):
            return None
        return node

    def _named_sibling(self, node: Token, verb: Token) -> Token:
        """ "“…,” mused Blaze co-host Stu Burguiere.": a title the parse broke at its hyphen
        into a subject and an object of the verb ("co", "-") before the name; the name in the
        same run of words, hung on the verb too, is who speaks."""
        if node.ent_type_ == "PERSON" or node.head.i != verb.i:
            return node
        for t in self.tokens[node.i + 1 : node.i + 6]:
            if (t.is_punct and t.text != "-") or t.pos_ in ("VERB", "AUX") or self.in_quote[t.i]:
                break
            named = t.ent_type_ == "PERSON" or t.pos_ == "PROPN"
            if named and t.head.i == verb.i and t.dep_ in _AFTER_VERB:
                return t
        return node

    def _outlet_report(self, node: Token, verb: Token) -> tuple[Token, Span] | None:
        """ "“…,” said Ada Moss, who leads a hospital, Harbor Insider reported.": the parse hangs
        the name after the verb on the outlet's verb, which closes the sentence after the
        outlet's proper name set off by a comma (whether the parse made it the verb's subject or
        an apposition to the speaker ``node``); that verb and that name, or None. Not "“…,"
        said Robin Maynard, half joking"."""
        head = node.head
        if head.i <= node.i or head.lemma_.lower() not in QUOTE_VERBS or head.head.i != verb.i:
            return None
        after = self.tokens[head.i + 1] if head.i + 1 < len(self.tokens) else None
        if after is not None and after.text not in (".", "!", "?", ";"):
            return None
        j = head.i - 1
        while j > node.i and self.tokens[j].text != ",":
            j -= 1
        if j <= node.i or j + 1 >= head.i:
            return None
        name = self.doc[j + 1 : head.i]
        if name.root.pos_ != "PROPN" and name.root.ent_type_ not in ("ORG", "PERSON"):
            return None
        return head, name

    def _participle_subject(self, verb: Token) -> Token | None:
        """ "X, who denied the reports, calling them ...": a participle tacked on with a comma
        belongs to the nearest subject before it, wherever the parse attached it."""
        if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            return None
        if verb.i == 0 or self.tokens[verb.i - 1].text != ",":
            return None
        sent = self.sents[self.sent_of[verb.i]]
        subjects = [
            t
            for t in self._tokens(sent)
            if t.i < verb.i and t.dep_ in ("nsubj", "nsubjpass") and not self.in_quote[t.i]
        ]
        return self._main_subject(verb, subjects)

    @staticmethod
    def _main_subject(verb: Token, subjects: list[Token]) -> Token | None:
        """Of the subjects before a participle, the last one of a clause the participle hangs
        on ("Bush attacked Trump, with whom he clashed, calling him ..." is Bush's), else the
        last one; but a participle right after a clause that reports goes on with its speaker
        ("Ilse Brandt, who denied the reports, calling them ...", "..., said the agency,
        adding ...")."""
        if not subjects:
            return None
        # "X cited Article 4 of the treaty, which sets out ..., stating ...": a relative clause
        # about a thing ends before the participle, which goes on with the clause around it
        own = [t for t in subjects if not _Finder._thing_relative(t)] or subjects
        nearest = own[-1]
        if (
            nearest is subjects[-1]
            and nearest.head.lemma_.lower() in QUOTE_VERBS
            and _Finder._says_something(nearest.head)
        ):
            return nearest
        ancestors = {a.i for a in verb.ancestors}
        main = [t for t in own if t.head.i in ancestors]
        return main[-1] if main else nearest

    @staticmethod
    def _says_something(verb: Token) -> bool:
        """A verb of the report lists used with what it reports or whom it addresses, as a
        direct object or a clause ("denied the reports", "a charge that they denied",
        "interrupted her speech"); not alone or with "what" ("protesters who show up",
        "what they post online"), where the clause reports nothing."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
        return bool(objects) and not any(c.lower_ in ("what", "whatever") for c in objects)

    @staticmethod
    def _thing_relative(subj: Token) -> bool:
        """ "which" or "that" opening a relative clause about something that is not a named
        person, group or place ("the treaty, which ...")."""
        if subj.lower_ not in ("which", "that") or subj.head.dep_ != "relcl":
            return False
        noun = subj.head.head
        return noun.ent_type_ not in NAMING_LABELS and noun.pos_ != "PRON"

    def _after_comma(self, t: Token) -> bool:
        edge = t.left_edge.i
        return edge > 0 and self.tokens[edge - 1].text == ","

    def _postposed_subject(self, verb: Token) -> Token | None:
        """ "…, Ukraine's military intelligence (HUR) said." parsed with the verb joined to the
        reported clause and no subject of its own: the phrase between the comma and the verb."""
        if verb.dep_ not in ("conj", "parataxis") or verb.i < verb.head.i:
            return None
        if any(c.dep_ == "ccomp" for c in verb.children):
            return None
        if verb.lemma_.lower() not in ADDRESSEE_VERBS and any(
            c.dep_ == "dobj" and c.i > verb.i for c in verb.children
        ):
            # what the verb reports is its own object: "Texas, Georgia and Florida, the last of
            # which reported a shattering 15,300 new cases"; not whom it was told to
            return None
        if _a_clause_of_its_own(verb):
            return None
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        subj = own[0] if own else self._subject_by_position(verb)
        if subj is None or subj.i <= verb.head.i or not self._after_comma(subj):
            return None
        return subj

    def _a_statement_before(self, sent: Span, subj: Token) -> bool:
        """Whether the words of a sentence before its speaker's comma are a statement: one with
        a finite verb that does not open on what sets the scene ("When asked about it, she
        said." introduces what follows)."""
        words = [t for t in self._tokens(sent) if t.i < subj.i - 1 and not t.is_space]
        if not words or words[0].pos_ in ("ADP", "SCONJ") or words[0].tag_ in ("VBN", "VBG"):
            return False
        if words[0].lower_ in ("when", "asked", "then", "later", "afterward", "afterwards"):
            return False
        return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in words)

    def _closing_speaker(self, verb: Token) -> Token | None:
        """ "The plant is under pressure from imports, said its chief executive, John Roe." and
        "The web lets them reach others, she said.": a verb of saying after a comma, with its
        subject on either side, that ends its sentence attributes all before the comma, whatever
        the parse hangs it on (a verb joined to the clause, a clause of it, or the root that
        took the clause's subject for its own) when it gives it no clause to report."""
        if verb.lemma_.lower() not in SAYING_VERBS or verb.dep_ not in ("conj", "advcl", "ROOT"):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "cc") for c in verb.children):
            return None
        sent = self.sents[self.sent_of[verb.i]]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        after = [c for c in subjects if c.i > verb.i]
        if after and self.tokens[verb.i - 1].text == ",":
            subj = after[0]
        elif subjects and subjects[-1].i < verb.i:
            subj = subjects[-1]
            if not self._after_comma(subj) or subj.right_edge.i != verb.i - 1:
                return None
            if _a_clause_of_its_own(verb):
                return None
            if verb.dep_ == "ROOT" and not self._a_statement_before(sent, subj):
                return None
        else:
            return None
        # nothing after the verb but its speaker, when and where it spoke, and the full stop
        tail = {
            t.i
            for c in verb.children
            if c.i > verb.i
            and (
                c == subj
                or c.dep_ in ("prep", "advmod", "punct")
                or (c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"))
            )
            for t in c.subtree
        }
        rest = [t for t in self._tokens(sent) if t.i > verb.i and not t.is_space]
        if not rest or rest[-1].text not in (".", "!"):
            return None
        if not all(t.i in tail for t in rest[:-1]):
            return None
        return subj

    def _cue_text(self, verb: Token) -> str:
        """The reporting verb with its auxiliaries and particle: "has said", "pointed out"."""
        parts = [
            t
            for t in verb.children
            if t.dep_ in ("aux", "neg", "prt", "auxpass")
            and abs(t.i - verb.i) <= 3
            and not self._first_name_as_aux(t)
        ]
        parts.append(verb)
        parts.sort(key=lambda t: t.i)
        return " ".join(t.text for t in parts)

    def _according_to(self, sent: Span) -> tuple[Token, Token] | None:
        """(the "according" token, the head of its object) in a sentence, if any."""
        for t in self._tokens(sent):
            if (
                t.lower_ == "according"
                and t.i + 1 < len(self.doc)
                and self.tokens[t.i + 1].lower_ == "to"
            ):
                objs = _according_objects(self.tokens[t.i + 1])
                if objs:
                    return t, objs[0]
        return None

    # --- direct quotes ----------------------------------------------------------------------

    def _frame_tokens(self, m: Marked) -> list[Token]:
        """Tokens around a quote that can hold its attribution, within its paragraph and
        outside any quote: the rest of the sentence the quote opens in and of the sentence it
        closes in; when the quote closes its sentence, the next sentence too if it reads as an
        attribution tail ("he said.", "said Smith.")."""
        p_start, _ = self._paragraph_bounds(m.start)
        _, p_end = self._paragraph_bounds(max(m.start, m.end - 1))
        span = _char_span(self.doc, m.start, m.end)
        if span is None or len(span) == 0:
            return []
        s_first = self.sent_of[span[0].i]
        s_last = self.sent_of[span[-1].i]
        hi = self.sents[s_last].end
        nxt = hi
        while nxt < len(self.doc) and (self.tokens[nxt].is_punct or self.tokens[nxt].is_space):
            nxt += 1
        if nxt < len(self.doc) and self.tokens[nxt].idx < p_end:
            # "“…” he said." split off as its own sentence; a capitalised word starts a new one
            # unless it is the reporting verb itself ("“…” Said Smith" is rare).
            word = self.tokens[nxt]
            tail = self.sents[self.sent_of[nxt]]
            stopped = self.text[m.start : m.end].rstrip(" ’'\"”").endswith(".")
            if (
                word.is_lower
                # not a participle opening a sentence of its own ("Fearing more deaths, ...")
                or (word.lemma_.lower() in QUOTE_VERBS and word.pos_ == "VERB" and word.tag_ != "VBG")
                or self._bare_attribution(tail, after_a_stop=stopped)
            ):
                hi = tail.end
        lo = self.sents[s_first].start
        out = []
        for i in range(lo, hi):
            t = self.tokens[i]
            if self.in_quote[t.i] or t.idx < p_start or t.idx >= p_end:
                continue
            out.append(t)
        return out

    def _bare_attribution(self, sent: Span, after_a_stop: bool = False) -> bool:
        """A sentence that only says who spoke: a short one ("Putin said." / "Smith told
        AFP."), or one opening with a person's name that the reporting verb, its root, follows
        with nothing reported ("Ada Moss, the port's director, said at a Monday event."). After a
        quotation that ends with a full stop, a verb that reports nothing but a quote tells how
        others took it ("“...” The cabinet members laughed."), not who spoke."""
        words = [t for t in self._tokens(sent) if not (t.is_punct or t.is_space)]
        verbs = [t for t in words if t.lemma_.lower() in QUOTE_VERBS and t.pos_ == "VERB"]
        # a participle tacked on to the verb tells what else was said: "Clinton remarked,
        # alluding to the actor's latest role." only says who spoke the quote before it, as
        # "when asked how ..." only says what was put to them
        tacked = {
            t.i
            for v in verbs
            if (v.tag_ == "VBG" and v.dep_ == "advcl" and v.head in verbs and v.i > v.head.i)
            or _asked_of_the_speaker(v)
            for t in v.subtree
        }
        words = [t for t in words if t.i not in tacked]
        verbs = [t for t in verbs if t.i not in tacked]
        if len(verbs) != 1 or any(c.dep_ in ("ccomp", "xcomp") for c in verbs[0].children):
            return False
        if after_a_stop and verbs[0].lemma_.lower() in BARE_QUOTE_VERBS:
            return False
        objects = [c for c in verbs[0].children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if objects and verbs[0].lemma_.lower() not in ADDRESSEE_VERBS:
            return False  # it does something to a thing: "Wallace pressed the question."
        if 0 < len(words) <= 8:
            return True
        # "He Jianxiong, the former executive director for China at the IMF, said at a
        # Nov. 6 event ...": a named speaker, described, and where they said it
        verb = verbs[0]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        reduced = self._reduced_speaker(verb)
        if reduced is not None and reduced.dep_ == "ROOT":
            # "Murphy, the head of Right to Rise USA, tweeted on Friday."
            return len(words) <= BARE_ATTRIBUTION_WORDS and reduced.left_edge.i <= words[0].i
        # "Trump told Britain’s ITV television station in an interview aired on Monday.": whom
        # it was told to is no report of its own; nor whom a question was put to ("“Why?” Ada
        # Moss asked the mayor at the end of the meeting."), unless asked about or for more
        lemma = verb.lemma_.lower()
        addressed = lemma == "tell" or (
            lemma == "ask"
            and not any(c.dep_ == "prep" and c.lower_ in PREP_VERBS[lemma] for c in verb.children)
        )
        return (
            len(words) <= BARE_ATTRIBUTION_WORDS
            and verb.dep_ == "ROOT"
            and (lemma in SAYING_VERBS or addressed)
            and not any(
                c.dep_ == "conj" or (c.dep_ == "dobj" and not addressed) for c in verb.children
            )
            and len(subjects) == 1
            # a person, or a role the person's name is set beside ("The paper's chief
            # correspondent, Tom Lund, asked ...")
            and (
                subjects[0].ent_type_ == "PERSON"
                or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subjects[0].children)
            )
            and subjects[0].left_edge.i <= words[0].i  # the sentence opens with the speaker
        )

    def _linked(self, verb: Token, m: Marked, conjuncts: bool = True) -> bool:
        """A quoted phrase is governed by a verb when it lies in the verb's phrase and outside
        its subject (X called it “a disgrace”; not the “Never Trump” movement continues).
        Without ``conjuncts``, a clause joined to the verb's own by "and" is outside it."""
        span = _char_span(self.doc, m.start, m.end)
        if span is None:
            return False
        subtree = {t.i for t in verb.subtree}
        if not conjuncts:
            for c in verb.children:
                if c.dep_ == "conj":
                    subtree -= {t.i for t in c.subtree}
        subj = self._subject_of(verb)
        subject = {t.i for t in subj.subtree} if subj is not None else set()
        words = [t for t in span if not t.is_punct]
        return bool(words) and all(t.i in subtree and t.i not in subject for t in words)

    def _going_on_with(self, verb: Token) -> bool:
        """ "continue" with an object of its own outside the quote goes on with a thing, it
        reports no words: "directs the committees to continue their inquiry “into whether
        ...”" (the resolution's words, not the committees'), "continuing the “Trump miracle”"
        (an object whose phrase opens before the quote mark)."""
        return verb.lemma_.lower() == "continue" and any(
            c.dep_ in ("dobj", "xcomp") and not self.in_quote[c.left_edge.i]
            for c in verb.children
        )

    def _in_a_subject(self, verb: Token, m: Marked) -> bool:
        """Whether the verb lies in the subject of a clause the quote is part of, outside the
        quote: "if those who oppose returning him are worried about turning him over to “…”" is
        not what those opposing said. What a copula's subject says is ("The danger he sees is
        “…”", "What she said was “…”")."""
        key = (m.start, m.end)
        if key not in self._path_subjects:
            self._path_subjects[key] = self._subjects_on_path(m)
        return verb.i in self._path_subjects[key]

    def _subjects_on_path(self, m: Marked) -> frozenset[int]:
        """The tokens of the subjects, outside the quote, of the clauses on the quote's path of
        heads (``_in_a_subject``), read once a quote."""
        span = _char_span(self.doc, m.start, m.end)
        if span is None or len(span) == 0:
            return frozenset()
        inside = {t.i for t in span}
        found: set[int] = set()
        below = span[0]
        for head in span[0].ancestors:
            below, on_path = head, below
            if head.lemma_ == "be" and on_path.i in inside:
                continue  # the quote is what the copula's subject is
            for c in head.children:
                if c.dep_ not in SUBJECT_DEPS or c.i in inside:
                    continue
                subtree = {t.i for t in c.subtree}
                if not subtree & inside:
                    found |= subtree
        return frozenset(found)

    def _subordinate(self, verb: Token) -> bool:
        """Whether the verb heads a clause that "that", "whether" or "if" introduces, outside
        any quotation (the parse may take the last word of the quote before the verb for its
        "that": "... understand that,” Lasry told")."""
        return any(
            c.dep_ == "mark" and c.lower_ in SUBORDINATORS and not self.in_quote[c.i]
            for c in verb.children
        )

    def _attribute_direct(self, m: Marked) -> _Attribution | None:
        frame = self._frame_tokens(m)
        before = [t for t in frame if t.idx < m.start]
        after = [t for t in frame if t.idx >= m.end]
        # a whole utterance is no quoted phrase, with or without a verb ("“Very good reporter,
        # this guy,” Trump said")
        phrase = not self._utterance(m) and (
            len(self.text[m.start : m.end].split()) <= SCARE_QUOTE_WORDS
            or not self._sentence_like(m)
        )
        cues = [
            t
            for t in frame
            if t.lemma_.lower() in QUOTE_VERBS
            and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))
        ]
        # a verb in a clause of its own ("... that the inquiry would continue") reports only
        # what lies inside that clause, never a quote before or after it
        cues = [
            t
            for t in cues
            if (not phrase or self._linked(t, m))
            and (not self._subordinate(t) or self._linked(t, m, conjuncts=False))
            and not self._another_clause_between(t, m)
            and not _done_to(t)
            and not _without_its_preposition(t)
            and not self._going_on_with(t)
            and not self._in_a_subject(t, m)
        ]

        # "He claimed the women “…”, before suggesting they “go back”": a participle after a
        # preposition past the quote is the next thing said, when a cue before the quote says it
        if any(t.idx < m.start for t in cues):
            cues = [t for t in cues if not (t.idx >= m.end and _after_a_preposition(t))]

        # the cue nearest to the quote, preferring one right after it ("“…,” X said")
        def distance(t: Token) -> int:
            return t.idx - m.end if t.idx >= m.end else m.start - t.idx + 5

        cues.sort(key=distance)
        # "“…,” X said, according to the Post": X's words, which come to the reader through the
        # Post; with no one else named, the Post's
        acc = self._according_to_in(frame)
        for verb in cues:
            attr = self._attribution(verb)
            outer = self._outer_report(verb)
            if outer is not verb and verb.idx < m.start:
                wider = self._attribution(outer)
                attr = _Attribution(attr.cue, verb.i, wider.mention, wider.speaker)
            if attr.mention is not None:
                via = acc or self._outlet_via(verb)
                if via is not None:
                    return replace(attr, via=via.mention, via_name=via.speaker)
                return attr
        if acc is not None:
            return acc
        # "X: “…”" — a name or short phrase, then a colon, then the quote
        colon = self._colon_speaker([t for t in before if not t.is_space])
        if colon is not None:
            return colon
        inverted = self._inverted_comma_speaker([t for t in before if not t.is_space])
        if inverted is not None:
            return inverted
        if cues and not after:
            return self._attribution(cues[0])
        intro = self._colon_intro(m)
        if intro is None:
            intro = self._document_subject(m, before)
        if intro is None and not phrase:
            return self._tail_attribution(after) or self._signature_line(m)
        if intro is None:
            # a quoted phrase of the writer's sentence, then the document it is read from ("...
            # was “within the outside border of reasonable choices,” the opinion read."); not
            # any noun of saying ("... all the rest of the states.")
            tail = self._tail_attribution(after)
            return tail if tail is not None and tail.cue.lower() == "read" else None
        return intro

    def _document_subject(self, m: Marked, before: list[Token]) -> _Attribution | None:
        """ "The statement “calls on all parties to ...”": a quote that opens with its verb,
        after a document that is its subject; the document's words."""
        span = _char_span(self.doc, m.start, m.end)
        words = [t for t in before if not (t.is_punct or t.is_space)]
        if span is None or not words or span[0].tag_ not in ("VBZ", "VBD", "VBP"):
            return None
        subject = next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)
        if (
            subject is None
            or subject.lemma_.lower() not in SPEAKING_DOCUMENTS
            or any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in words)
        ):
            return None
        return self._narrated(subject)

    def _another_clause_between(self, verb: Token, m: Marked) -> bool:
        """Whether a verb that reports only a quote itself ("began", "fired back") is parted
        from the quote after it by a clause with a subject of its own: "The back-and-forth
        began hours earlier, when Schumer singled out the two justices: “…”" is Schumer's."""
        if verb.lemma_.lower() not in BARE_QUOTE_VERBS:
            return False
        if verb.idx >= m.start:
            return False
        for t in self.doc[verb.i + 1 :]:
            if t.idx >= m.start:
                return False
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i and not self.in_quote[t.i]:
                return True
        return False

    def _named_by(self, m: Marked) -> bool:
        """The quotation is a name a participle gives the noun before it: "His book, called
        “Forward: Notes on the Future of Our Democracy”", "a report titled “…”", or a title
        after a possessive, "on" or a kind of work ("the podcast “Here’s the Thing”"). What
        someone called something ("what he called the “grim milestone”") is theirs. So is a work's
        title after a verb of performing it ("to perform “Takin’ It to the Streets”")."""
        span = _char_span(self.doc, m.start, m.end)
        if span is None or len(span) == 0:
            return False
        i = span[0].i - 1
        while i >= 0 and (self.tokens[i].is_punct or self.tokens[i].is_space):
            i -= 1
        word = self.tokens[i] if i >= 0 else None
        if word is None:
            return False
        possessive = word.tag_ == "POS" or word.lower_ in ("'s", "’s") or _apostrophe_after(word)
        # who was told, when the parse made the quoted words the object of "told"
        told = word.lemma_ == "tell" and any(
            t.head.i == word.i and t.dep_ in ("dobj", "dative") for t in span
        )
        performed = word.pos_ == "VERB" and word.lemma_.lower() in PERFORMING_VERBS
        # "on Tuesday’s episode of “The Steve Harvey Morning Show,”": a work's part, of the work
        part_of = (
            word.lower_ == "of" and word.head.i < word.i and word.head.lemma_.lower() in WORK_NOUNS
        )
        named_before = (
            possessive
            or word.lower_ == "on"
            or word.lower_ in WORK_NOUNS
            or told
            or performed
            or part_of
        )
        if named_before and self._title_cased(m):
            # a show's name: told CNN’s “State of the Union”, on “Meet the Press”, on the
            # podcast “Here’s the Thing”, told “Fox & Friends”
            return True
        return word.lower_ in NAMING_PARTICIPLES and word.tag_ == "VBN" and word.dep_ == "acl"

    def _title_cased(self, m: Marked) -> bool:
        """A quotation of a few words, the first and each other but the small ones capitalised,
        as a title is; perhaps after a number ("60 Minutes")."""
        text = self.text[m.start : m.end].lstrip(EDGE_PUNCTUATION + "“‘")
        number = _LEADING_NUMBER.match(text)
        if number:
            text = text[number.end() :]
        return text[:1].isupper() and _capitalised(text, 1, TITLE_WORDS_MAX)

    def _signature_line(self, m: Marked) -> _Attribution | None:
        """A quote paragraph signed on the line after it, as transcripts and fact checks do:
        "“…”\n\n- Bernie Sanders." (the name up to the first comma or full stop), or after
        the closing mark on its own line, as collections of readers' words do: "“…” ― Ana
        Ruiz"."""
        line_start = self.text.rfind("\n", 0, m.start) + 1
        line_end = self.text.find("\n", m.end)
        rest = self.text[m.end : len(self.text) if line_end < 0 else line_end]
        if self.text[line_start : m.start].strip() in ("", *QUOTE_MARK_TOKENS) and SIGNATURE.match(
            rest
        ):
            nxt = m.end + len(rest) - len(rest.lstrip(_BEFORE_SIGNATURE))
        else:
            p_start, p_end = self._paragraph_bounds(max(m.start, m.end - 1))
            if self.text[p_start : m.start].strip() not in ("", *QUOTE_MARK_TOKENS):
                return None
            if len(self.text[m.end : p_end].strip()) > 3:
                return None
            nxt = self.text.find("\n", p_end)
            while 0 <= nxt < len(self.text) and self.text[nxt].isspace():
                nxt += 1
            if nxt < 0 or nxt >= len(self.text) or self.text[nxt] not in SIGNATURE_DASHES:
                return None
        line_end = self.text.find("\n", nxt)
        line = self.text[nxt : len(self.text) if line_end < 0 else line_end]
        name = line.lstrip(SIGNATURE_DASHES + " \u00a0").split(",")[0].strip().rstrip(".")
        if not name or len(name.split()) > 6 or not name[0].isupper():
            return None
        start = self.text.find(name, nxt)
        mention = self.doc.char_span(start, start + len(name), alignment_mode="expand")
        if mention is None or not any(t.pos_ == "PROPN" for t in mention):
            return None
        return _Attribution("-", mention.root.i, mention, self.people.fullest(name, start))

    def _outer_report(self, verb: Token) -> Token:
        """The outermost reporting verb whose reported clause holds ``verb``: in "Cruz said he
        is certain Rubio will continue to be “…”" or "prosecutors say he told an agent, “…”"
        the quote comes to the reader through the outer report, whose source is credited."""
        outer = verb
        # a verb in a clause of condition, or in a phrase within one ("if those who oppose it
        # are worried about ...") goes up from the condition
        node = next((a for a in [verb, *verb.ancestors][:5] if _conditional(a)), verb)
        for _ in range(5):
            # a clause joined to a reported one is reported too: "Axelrod said this was a
            # miscalculation and that she has learned her lesson: “…”"; not one that says
            # something itself ("He says he respects Clinton and calls her “…”")
            while (
                node.dep_ == "conj"
                and node.head.dep_ in NESTING_DEPS
                and node.head.i < node.i
                and node.lemma_.lower() not in DIRECT_SAYING
            ):
                node = node.head
            if not (node.dep_ in NESTING_DEPS or _conditional(node)) or node.head.i == node.i:
                break
            node = node.head
            if (
                node.lemma_.lower() in CLAUSE_VERBS
                and node.pos_ == "VERB"
                and not self.in_quote[node.i]
                and self._speaker_of(node) is not None
            ):
                outer = node
        return outer

    def _tail_attribution(self, after: list[Token]) -> _Attribution | None:
        """ "“…,” the editorial read." with the reporting verb tagged as a noun: a short
        phrase after the quote ending in a reporting word that closes the sentence."""
        words = [t for t in after if not t.is_space]
        while words and words[0].is_punct:
            words = words[1:]
        if len(words) < 3 or words[-1].text not in (".", "!", "?"):
            return None
        verb, phrase = words[-2], words[:-2]
        if verb.pos_ != "NOUN" or verb.lemma_.lower() not in QUOTE_VERBS or len(phrase) > 6:
            return None
        if phrase[0].pos_ not in ("DET", "PROPN", "PRON") or any(t.is_punct for t in phrase):
            return None
        mention = self.doc[phrase[0].i : phrase[-1].i + 1]
        name = self.people.fullest(mention.text, mention.start_char)
        if phrase[-1].lemma_.lower() in DOCUMENT_NOUNS:
            # "“…,” Matze's statement read.": the owner's words, as "Matze's statement said" are
            owner = _named_owner(phrase[:-1])
            owned_by = self._owner_name(owner) if owner is not None else None
            name = owned_by or name
        return _Attribution(verb.text, verb.i, mention, name)

    def _colon_intro(self, m: Marked) -> _Attribution | None:
        """A quote paragraph introduced by the paragraph before it ("X said in a statement:")."""
        p_start, _ = self._paragraph_bounds(m.start)
        if self.text[p_start : m.start].strip() not in ("", "“", '"', "''", "``"):
            return None
        head = self.text[:p_start].rstrip()
        if not head.endswith(":"):
            return None
        colon = self.doc.char_span(len(head) - 1, len(head), alignment_mode="expand")
        if colon is None:
            return None
        sent = self.sents[self.sent_of[colon[0].i]]
        credited = self._credited_statement([t for t in self._tokens(sent) if t.i < colon[0].i])
        if credited is not None:
            return credited
        for t in self._tokens(sent):
            if t.i < colon[0].i and t.lemma_.lower() in QUOTE_VERBS and not self.in_quote[t.i]:
                attr = self._attribution(t)
                if attr.mention is not None:
                    return attr
        return self._colon_speaker(
            [t for t in self._tokens(sent) if t.i <= colon[0].i and not t.is_space]
        )

    def _credited_statement(self, tokens: list[Token]) -> _Attribution | None:
        """The author of a statement a clause credits: "this statement by Trump", "a response
        from the ministry"; not where a speaker's verb holds the statement ("Moss said in a
        statement from the ministry": the verb's subject speaks)."""
        for t in tokens:
            if t.pos_ != "NOUN" or t.lemma_.lower() not in SPEECH_NOUNS or self.in_quote[t.i]:
                continue
            if t.dep_ == "pobj" and t.head.head.lemma_.lower() in QUOTE_VERBS:
                continue
            # the parser may hang "by Trump" on the verb whose object the statement is
            after = (
                [c for c in t.head.children if c.i == t.right_edge.i + 1] if t.dep_ == "dobj" else []
            )
            for prep in [*t.children, *after]:
                if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("by", "from"):
                    continue
                for author in prep.children:
                    if (
                        author.dep_ == "pobj"
                        and author.pos_ in ("PROPN", "NOUN")
                        and author.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
                    ):
                        return _Attribution(
                            ":", None, self._mention_span(author), self._name_of(author)
                        )
        return None

    def _colon_subject(self, before: list[Token]) -> _Attribution | None:
        """ "The board was clear in its findings: “…”" — the subject of the clause that a
        colon ends introduces the quote; but a statement credited in that clause ("how the
        site rated this statement by Trump:") is its author's."""
        credited = self._credited_statement(before)
        if credited is not None:
            return credited
        subjects = [
            t
            for t in before
            if t.dep_ in ("nsubj", "attr")
            and not self.in_quote[t.i]
            # nor "what" ("X broke down exactly what was wrong with it:")
            and t.lower_ not in ("it", "there", "this", "that", "here", "what")
            and (t.pos_ in ("PROPN", "PRON", "NOUN") or t.ent_type_ in ("PERSON", "ORG", "NORP"))
            # nor the subject of a "verb" that is an object, a noun misread ("singled out the
            # mayor's two Supreme Court picks:", "Court" the subject of "picks")
            and not (t.head.pos_ == "VERB" and t.head.dep_ in ("dobj", "pobj"))
        ]
        if not subjects:
            return None
        subj = subjects[-1]
        # "she is sure that ... will make his voice louder:": not a thing's subject in a clause
        # that a person's clause holds, but that person
        holders = [
            t
            for t in subjects
            if (t.pos_ in ("PROPN", "PRON") or t.ent_type_ == "PERSON")
            and (t.head == subj.head or t.head in subj.head.ancestors)
        ]
        if holders and subj.pos_ == "NOUN" and not subj.ent_type_:
            subj = holders[-1]
        if subj.pos_ == "NOUN" and not subj.ent_type_:
            # "The timing of the surge doesn't surprise pollster Daron Shaw: “…”": the person
            # the thing is done to
            persons = [c for c in subj.head.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
            subj = persons[0] if persons else subj
        return _Attribution(":", None, self._mention_span(subj), self._name_of(subj))

    def _colon_dateline(self, phrase: list[Token]) -> bool:
        """ "NEW DELHI: Their American dream shattered ...": a place in capitals opening the
        article before a colon is its dateline, no speaker: a place of several words, or a
        capital city; a town of one word may be a transcript's speaker ("MOSS: Well, ...")."""
        first = next((t for t in self.doc if not t.is_space), None)
        if not phrase or first is None or phrase[0].i != first.i:
            return False
        name = " ".join(t.text for t in phrase).title()
        return (
            all(t.is_upper or not t.is_alpha for t in phrase)
            and not any(t.ent_type_ == "PERSON" for t in phrase)
            and (name in national_capitals() if len(phrase) == 1 else name in place_names())
        )

    def _colon_speaker(
        self, before: list[Token], clause_subject: bool = True
    ) -> _Attribution | None:
        """ "Smith: ..." — a short name phrase and a colon open the sentence. With
        ``clause_subject``, also the subject of a clause that the colon ends ("The board was
        clear in its findings: “…”"); a line of plain text after such a clause is the writer's
        own ("The incentive was strong: bankers received bonuses.")."""
        while before and self._is_quote_mark(before[-1].i):
            before = before[:-1]
        if not before or before[-1].text != ":":
            return None
        # "HEADLINE - Jane Roe: “…”": the phrase after the last dash, not after a hyphen inside
        # a word ("expletive-laden")
        dashes = [
            k
            for k, t in enumerate(before)
            if t.text in DATELINE_DASHES or (t.text == "-" and self._spaced(t))
        ]
        if dashes:
            before = before[dashes[-1] + 1 :]
        byline = self._byline_before_colon(before[:-1])
        if byline is not None:
            return byline
        headline = self._headline_speaker(before[:-1])
        if headline is not None:
            return headline
        inverted = self._inverted_colon_speaker(before[:-1])
        if inverted is not None:
            return inverted
        if not 1 < len(before) <= 8:
            return self._colon_subject(before) if clause_subject else None
        phrase = before[:-1]
        if any(t.ent_type_ in ("TIME", "DATE", "CARDINAL") or t.like_num for t in phrase):
            return None
        if (
            len(phrase) == 2
            and phrase[0].lower_ in ("his", "her")
            and phrase[1].lemma_.lower() in ANNOUNCING_NOUNS
        ):
            # "His answer: “…”": the words of the one the pronoun stands for
            owner = self.people.owner_of(phrase[0])
            if owner is None:
                return None
            return _Attribution(":", None, self.doc[phrase[0].i : phrase[0].i + 1], owner)
        if self._colon_dateline(phrase):
            return None
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in phrase):
            return None
        if any(t.pos_ in ("VERB", "AUX") for t in phrase):
            return self._colon_subject(before) if clause_subject else None
        if len(phrase) >= 3 and not any(t.ent_type_ for t in phrase) and any(
            t.is_lower for t in phrase
        ):
            # a run-in subhead in title case, naming no one ("Little Relief for Refugees: ...")
            return None
        ids = {t.i for t in phrase}
        heads = [t for t in phrase if t.head.i not in ids or t.head.i == t.i] or phrase[-1:]
        span = self.doc[phrase[0].i : phrase[-1].i + 1]
        if (
            heads[0].pos_ == "NOUN"
            and not heads[0].is_upper
            and heads[0].lower_ not in ROLE_WORDS
            and not self._names_someone(phrase, heads[0])
        ):
            # a heading's common noun ("New Price Drop: ...") speaks only for someone it names
            # ("Trump aide: ..."); a transcript's label in capitals is a name ("JAKE TAPPER:")
            return None
        if (
            heads[0].ent_type_ not in NAMING_LABELS
            and heads[0].lower_ not in ROLE_WORDS
            and heads[0].lower_ not in PEOPLE_NOUNS
            and self._named_only_after_a_preposition(phrase, heads[0])
        ):
            # a thing about someone is not someone: "Another problem for Sanders: ...", "Big
            # Win For Bernie: ..." ("Spokesman for Clinton: ..." speaks); a thing from someone
            # is theirs: "A lesson from Loretta Lynch: ..."
            source = _from_or_by(heads[0])
            if source is None:
                return None
            return _Attribution(":", None, span, self._name_of(source))
        name = self._name_of(heads[0])
        if not set(re.split(r"[\s-]+", name)) & {t.text for t in phrase}:
            # the parse hung a name after the colon on the phrase's noun ("Price Drop: Apple
            # Watch Series 3 ..."): whoever speaks is named before the colon
            return None
        return _Attribution(":", None, span, name)

    def _byline_before_colon(self, phrase: list[Token]) -> _Attribution | None:
        """ "“Pop-up art show strives ...,” by DNAinfo's Eddie Small: “Curators of ...”": a
        digest's item, its headline in quote marks, then "by" and its writer before the colon
        that opens the excerpt; the writer speaks."""
        by = next((k for k in range(len(phrase) - 2, -1, -1) if phrase[k].lower_ == "by"), None)
        if by is None or by == 0 or not self._is_quote_mark(phrase[by - 1].i):
            return None
        name = phrase[by + 1 :]
        if len(name) > 8 or not all(t.pos_ in ("PROPN", "PART") or t.is_title for t in name):
            return None
        ids = {t.i for t in name}
        heads = [t for t in name if t.head.i not in ids or t.head.i == t.i]
        if len(heads) != 1:
            return None
        span = self.doc[name[0].i : name[-1].i + 1]
        return _Attribution(":", None, span, self._name_of(heads[0]))

    def _headline_speaker(self, phrase: list[Token]) -> _Attribution | None:
        """ "Trump slams Biden: “…”", "DeSantis fires back at Biden: “…”" — a headline's name
        and a verb of speech in the present tense before a colon, which the parse often reads
        as a noun phrase ("Trump slams", with "Biden" its apposition): the name speaks."""
        k = next((k for k, t in enumerate(phrase) if not t.text[:1].isupper()), len(phrase))
        if not 0 < k <= HEADLINE_NAME_WORDS or k == len(phrase):
            return None
        verb, names = phrase[k], phrase[:k]
        if verb.tag_ not in ("NNS", "VBZ") or not verb.lower_.endswith("s"):
            return None
        if verb.lower_[:-1] not in QUOTE_VERBS and verb.lemma_.lower() not in QUOTE_VERBS:
            return None
        if not (_a_name(names[-1]) or names[-1].pos_ == "NOUN"):
            return None  # "This means: ..."
        span = self.doc[names[0].i : names[-1].i + 1]
        return _Attribution(":", None, span, self.people.fullest(span.text, names[0].idx))

    def _inverted_colon_speaker(self, phrase: list[Token]) -> _Attribution | None:
        """ "Said Ellis: “…”" — a verb of saying opening the sentence, then the speaker's name
        and a colon (the parse makes the verb part of the name)."""
        if len(phrase) < 2 or not _saying_before_a_name(phrase[0]):
            return None
        names = phrase[1:]
        if len(names) > HEADLINE_NAME_WORDS or not all(_a_name(t) for t in names):
            return None
        return self._inverted(phrase[0], names)

    def _inverted(self, verb: Token, names: list[Token]) -> _Attribution:
        """The attribution of a verb of saying set before the speaker's name, ``names``."""
        span = self.doc[names[0].i : names[-1].i + 1]
        return _Attribution(verb.text, verb.i, span, self.people.fullest(span.text, span.start_char))

    def _inverted_comma_speaker(self, before: list[Token]) -> _Attribution | None:
        """ "Replied State Department spokesman Richard Boucher, “…”" — a verb of saying opening
        the sentence, then a person's name, perhaps after their title, and a comma (the parse
        makes the verb part of the name)."""
        while before and self._is_quote_mark(before[-1].i):
            before = before[:-1]
        if len(before) < 3 or before[-1].text != "," or len(before) > HEADLINE_NAME_WORDS + 5:
            return None
        verb, phrase = before[0], before[1:-1]
        if not _saying_before_a_name(verb):
            return None
        if not all(_a_name(t) or t.lower_ in ROLE_WORDS for t in phrase):
            return None
        name = len(phrase)
        while name > 0 and phrase[name - 1].ent_type_ == "PERSON":
            name -= 1
        if name == len(phrase):
            return None
        return self._inverted(verb, phrase[name:])

    def _spaced(self, t: Token) -> bool:
        """Whether a token stands apart from the words on either side of it."""
        return bool(t.whitespace_) and (t.i == 0 or bool(self.tokens[t.i - 1].whitespace_))

    @staticmethod
    def _names_someone(phrase: list[Token], head: Token) -> bool:
        """Whether a phrase before a colon holds a name: an entity of ``NAMING_LABELS``, but
        not one the model made of a heading's last word alone ("New Price Drop", with "Drop"
        tagged a person); a name alone may be read as a common noun ("Trump:")."""
        named = [t for t in phrase if t.ent_type_ in NAMING_LABELS]
        if not named:
            return False
        others = [t for t in phrase if t.i != head.i and t.is_alpha]
        return named != [head] or not any(t.text[:1].isupper() for t in others)

    @staticmethod
    def _named_only_after_a_preposition(phrase: list[Token], head: Token) -> bool:
        """Whether every name in a phrase before a colon lies in a prepositional phrase of its
        head ("problem for Sanders")."""
        named = [t for t in phrase if t.ent_type_ in NAMING_LABELS or t.pos_ == "PROPN"]
        named = [t for t in named if t.i != head.i]
        inside = {t.i for c in head.children if c.dep_ == "prep" for t in c.subtree}
        return bool(named) and all(t.i in inside for t in named)

    def _according_to_in(self, tokens: list[Token]) -> _Attribution | None:
        for t in tokens:
            if (
                t.lower_ == "according"
                and t.i + 1 < len(self.doc)
                and self.tokens[t.i + 1].lower_ == "to"
            ):
                objs = _according_objects(self.tokens[t.i + 1])
                if objs and not self.in_quote[objs[0].i]:
                    return _Attribution(
                        "according to", t.i, self._mention_span(objs[0]), self._name_of(objs[0])
                    )
        return None

    # --- the whole article ------------------------------------------------------------------

    def run(self) -> list[Quote]:
        direct = self._direct_quotes()
        indirect = self._indirect_quotes(direct)
        # A quoted phrase inside reported speech ("X argued that being American “is an
        # idea”") is part of that report, not an utterance of its own.
        direct = [d for d in direct if not any(self._within(d, q) for q in indirect)]
        quotes = direct + indirect
        quotes.sort(key=lambda q: (q.start, q.end))
        corrections = [
            (m.start(), self._paragraph_bounds(m.start())[1])
            for m in _CORRECTION.finditer(self.text)
        ]
        quotes = [q for q in quotes if not any(a <= q.start < b for a, b in corrections)]
        return self._join_parts(quotes)

    def _join_parts(self, quotes: list[Quote]) -> list[Quote]:
        """Two contents of one cue that touch, with only quote marks or a comma between them,
        are one report partly quoted ("told them that the laws “are set. And I think we have to
        leave it that way.”"): one content, reported speech. So is reported speech that runs
        on into a quotation of the same speaker ("said Democrats are to blame for focusing on
        “he said this, he tweeted that.”"), where the parse gives the quoted words a cue of
        their own. A joined content keeps the mark that closes its quotation."""
        out: list[Quote] = []
        for q in quotes:
            last = out[-1] if out else None
            if last is not None and self._joins(last, q):
                end = self._through_closing_mark(max(last.end, q.end))
                out[-1] = replace(
                    last,
                    text=self.text[last.start : end],
                    end=end,
                    parts=(),  # the text runs on from its start to its end
                    direct=False,
                    speaker_start=_first_set(last.speaker_start, q.speaker_start),
                    speaker_end=_first_set(last.speaker_end, q.speaker_end),
                )
                continue
            out.append(q)
        return out

    def _through_closing_mark(self, end: int) -> int:
        """``end``, or past the closing mark when it ends inside a quoted passage whose closing
        mark follows, at most a punctuation mark later (as the quote-mark reader found it)."""
        for passage in self.marked:
            if (
                passage.closed
                and passage.start < end <= passage.end
                and _CLOSING_TAIL.fullmatch(self.text[end : passage.end])
            ):
                doubled = self.text.startswith(DOUBLED, passage.end)  # '' for a double mark
                return passage.end + (len(DOUBLED) if doubled else 1)
        return end

    def _joins(self, last: Quote, q: Quote) -> bool:
        gap = self.text[last.end : q.start]
        if (
            q.cue_start is not None
            and q.cue_start == last.cue_start
            and q.speaker == last.speaker
            and (q.start < last.end or _JOINING_GAP.fullmatch(gap))
        ):
            return True
        return (
            not last.direct
            and q.direct
            and last.speaker_start is not None
            and q.speaker_start == last.speaker_start
            and _OPENING_GAP.fullmatch(gap) is not None
        )

    def _within(self, inner: Quote, outer: Quote) -> bool:
        """A quote lies within a longer one, leaving out the punctuation that closes it inside
        its marks (“a terrible mistake,” in a report that ends with the word)."""
        end = inner.end
        while end > inner.start and (
            self.text[end - 1].isspace() or self.text[end - 1] in EDGE_PUNCTUATION
        ):
            end -= 1
        return (
            outer.start <= inner.start
            and end <= outer.end
            and (outer.end - outer.start) > (end - inner.start)
        )

    def _direct_quotes(self) -> list[Quote]:
        quotes, cues = self._direct_parts()
        # Fragments one reporting verb governs ("called him a “loser,” a “liar” and a
        # “whiner”") are one quotation.
        out: list[Quote] = []
        last_cue: int | None = None
        for q, cue in zip(quotes, cues, strict=True):
            if (
                out
                and cue is not None
                and cue == last_cue
                and "\n" not in self.text[out[-1].end : q.start]
            ):
                first = out.pop()
                q = replace(
                    first,
                    text=f"{first.text.rstrip(' ,')} … {q.text}",
                    end=q.end,
                    parts=first.spans() + q.spans(),
                )
            out.append(q)
            last_cue = cue
        return out

    def _pronoun_after_a_role(
        self, attr: _Attribution, previous: tuple[Marked, _Attribution]
    ) -> _Attribution:
        """ "“…,” said a U.S. Embassy official, who refused to identify himself. “…,” he said":
        a "he" or "she" that stands for no one named speaks on for the unnamed speaker of the
        quote before, when no one is named between them."""
        before_m, before = previous
        mention = attr.mention
        if (
            mention is None
            or attr.speaker is None
            or attr.speaker.lower() not in ("he", "she")
            or before.mention is None
            or before.speaker is None
            or before.speaker.lower() in PERSONAL_PRONOUNS
            or any(t.ent_type_ == "PERSON" for t in before.mention)
            or self.text[before_m.end : mention.start_char].count("\n") > 2
        ):
            return attr
        between = self.doc.char_span(
            before.mention.end_char, mention.start_char, alignment_mode="expand"
        )
        if between is not None and any(t.ent_type_ == "PERSON" for t in between):
            return attr
        return replace(attr, speaker=before.speaker)

    def _direct_parts(self) -> tuple[list[Quote], list[int | None]]:
        out: list[Quote] = []
        cue_of: list[int | None] = []
        previous: tuple[Marked, _Attribution] | None = None
        for m in self.marked:
            if not self._clean(m) or self._named_by(m):
                continue  # marks around nothing but white space, or around a name
            attr = self._attribute_direct(m)
            if attr is not None and previous is not None:
                attr = self._pronoun_after_a_role(attr, previous)
            inherited = False
            # a signed quotation ("“…” ― Ana Ruiz") lends its signature to none after it
            if attr is None and not (previous is not None and previous[1].cue == "-"):
                attr = self._attribution_before(m, previous)
                # a speaker the sentence before tells of (``_narrated_speaker``) joins no parts
                inherited = attr is not None and attr.cue != NARRATED
            words = len(self.text[m.start : m.end].split())
            unattributed = attr is None or attr.speaker is None
            if unattributed and (words <= SCARE_QUOTE_WORDS or not self._sentence_like(m)):
                continue
            if (
                inherited
                and words <= SCARE_QUOTE_WORDS
                and not self._sentence_like(m)
                and not self._utterance(m)
            ):
                # a word the writer sets in quote marks to speak of it, after a quote ("“...
                # completed the transition,” X said. “Transition” is a reference to ..."): no
                # more of what was said
                continue
            # "“A,” he said. “B.”": the second part continues the first utterance.
            if inherited and previous is not None and out and self._continues(previous[0], m):
                first = out.pop()
                out.append(
                    replace(
                        first,
                        text=f"{first.text.rstrip(' ,')} … {self._clean(m)}",
                        end=m.end,
                        parts=first.spans() + ((m.start, m.end),),
                    )
                )
                if attr is not None:
                    # a third part continues the utterance too
                    previous = (m, attr)
                    self._remember(m, attr)
                continue
            out.append(self._quote(m, attr))
            cue_of.append(attr.cue_token if attr is not None and not inherited else None)
            if attr is not None:
                previous = (m, attr)
                self._remember(m, attr)
                if attr.cue_token is not None:
                    self.sent_attr[self.sent_of[attr.cue_token]] = attr
        return out, cue_of

    def _remember(self, m: Marked, attr: _Attribution) -> None:
        """The attribution of the sentences a quote ends in, for the quotes that follow."""
        for a, b in m.segments:
            span = _char_span(self.doc, a, b)
            if span is not None:
                self.sent_attr[self.sent_of[span[-1].i]] = attr

    def _clean(self, m: Marked) -> str:
        return " ".join(self.text[a:b].strip() for a, b in m.segments).strip()

    def _quote(self, m: Marked, attr: _Attribution | None) -> Quote:
        return Quote(
            text=self._clean(m), start=m.start, end=m.end, direct=True, **self._credit(attr)
        )

    def _utterance(self, m: Marked) -> bool:
        """A short quote that is a whole utterance, not a quoted phrase: it opens its sentence
        and closes with its own punctuation (“Is that all there is?” Trump said.)."""
        inside = self.text[m.start : m.end].rstrip()
        if not inside or inside[-1] not in "?!,." or not inside[0].isupper():
            return False
        p_start, _ = self._paragraph_bounds(m.start)
        span = _char_span(self.doc, m.start, m.end)
        if span is None:
            return False
        sent = self.sents[self.sent_of[span[0].i]]
        lead = self.text[max(p_start, sent.start_char) : m.start].strip()
        return lead in ("", *QUOTE_MARK_TOKENS)

    def _sentence_like(self, m: Marked) -> bool:
        """A quoted passage that is a sentence of its own (has a verb), not a quoted phrase."""
        span = _char_span(self.doc, m.start, m.end)
        return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)

    def _attribution_before(
        self, m: Marked, previous: tuple[Marked, _Attribution] | None
    ) -> _Attribution | None:
        """For a quote with no attribution of its own: the speaker of the sentence before it,
        when that sentence reported speech (or introduced the quote with a colon)."""
        span = _char_span(self.doc, m.start, m.end)
        if span is None or len(span) == 0:
            return None
        s_i = self.sent_of[span[0].i]
        p_start, p_end = self._paragraph_bounds(m.start)
        if self.text[p_start : m.start].strip() in ("", *QUOTE_MARK_TOKENS):
            if _heading(self.text[p_start:p_end]):
                return None  # a quoted section heading ("'All Bets Are Off.'") says nothing
            # a quote opening its paragraph goes on from the paragraph before, however the
            # parser split the sentences
            before = span[0].i - 1
            while before >= 0 and (
                self.tokens[before].idx >= p_start or self.tokens[before].is_space
            ):
                before -= 1
            if before >= 0 and self.sent_of[before] in self.sent_attr:
                return self.sent_attr[self.sent_of[before]]
        # the quote must open its sentence (allowing the opening mark and a leading adverb)
        first_words = [t for t in self.sents[s_i] if not (t.is_punct or t.is_space)]
        if first_words and first_words[0].i < span[0].i:
            # The parser may run the sentence before on into the quote ("…, said X, a minister
            # at the time. ''If I had …''"): that sentence ends at its full stop. After it, or
            # opening the sentence, an adverb or a conjunction may lead on to the quote ("Now,
            # ''…''", "But “…”").
            lead_start = first_words[0].idx
            stops = list(_SENTENCE_END.finditer(self.text, lead_start, m.start))
            after = stops[-1].end() if stops else lead_start
            lead = [t for t in first_words if after <= t.idx and t.i < span[0].i]
            if len(lead) > LEAD_WORDS or any(t.pos_ not in LEAD_POS for t in lead):
                return None
            if stops:
                return self.sent_attr.get(s_i)
        # the parser may make the opening mark a sentence of its own
        while (
            s_i > 0
            and self.sents[s_i - 1].start_char >= p_start
            and all(t.text in QUOTE_MARK_TOKENS for t in self.sents[s_i - 1])
        ):
            s_i -= 1
        if s_i - 1 in self.sent_attr:
            return self.sent_attr[s_i - 1]
        if s_i == 0:
            return None
        prev = self.sents[s_i - 1]
        words = [t for t in prev if not t.is_space]
        if words and words[-1].text == ":":
            for t in prev:
                if t.lemma_.lower() in QUOTE_VERBS and not self.in_quote[t.i]:
                    attr = self._attribution(t)
                    if attr.mention is not None:
                        return attr
        if prev.start_char >= p_start and self._utterance(m):
            return self._narrated_speaker(prev)
        if self._utterance(m):
            # ... or the paragraph before, announcing what is said: "He then had a question for
            # the crowd." | "“Who’s going to pay for it?”" (past the break the parse makes a
            # sentence of its own)
            k = s_i - 1
            while k > 0 and all(t.is_space for t in self.sents[k]):
                k -= 1
            told = self.sents[k]
            announced = any(
                t.pos_ == "NOUN"
                and t.lemma_.lower() in ANNOUNCING_NOUNS
                and not self.in_quote[t.i]
                for t in told
            )
            if announced and k not in self.sent_attr:
                return self._narrated_speaker(told)
        return None

    def _narrated_speaker(self, prev: Span) -> _Attribution | None:
        """A whole utterance after a sentence of its paragraph that tells what one person did,
        naming no one else ("The president shrugged his left shoulder. “Sure, I'm willing to
        do that.”"), or what a body said or announced: their words. No cue word."""
        if any(self.in_quote[t.i] for t in prev) or prev.root.pos_ not in ("VERB", "AUX"):
            return None
        if prev.text.lstrip().startswith("("):
            return None  # an aside: "“…,” said Bruce Turry. (He was not.) “…”"
        aside = self._aside_report(prev)
        if aside is not None:
            return aside
        subjects = [c for c in prev.root.children if c.dep_ == "nsubj"]
        if len(subjects) != 1:
            return None
        subject = subjects[0]
        if not (
            subject.ent_type_ == "PERSON"
            or subject.lower_ in ("he", "she")
            or (subject.pos_ == "NOUN" and subject.lower_ in ROLE_WORDS)
            # a surname the model leaves untagged here, a person's elsewhere ("Trump invited
            # reporters into the Oval Office ...")
            or (not subject.ent_type_ and self._a_surname(subject))
            # a body that reports something ("The Department of Health and Human Services
            # announced on Friday that it had partnered with CVS. “The partnership ...”")
            or (subject.ent_type_ == "ORG" and prev.root.lemma_.lower() in BODY_REPORTS)
        ):
            return None
        # another person, whose words they may be; but not one the subject reports of or to
        # ("Howard said Queen Elizabeth II is taking a great interest in the convention.
        # “She is, I can assure you, ...”" goes on with Howard's words), nor one the subject's
        # own phrase tells of ("McConnell, who excoriated Trump weeks ago, said he would back
        # him. “There's a lot to happen ...”")
        reported = (
            {t.i for c in prev.root.children if c.dep_ in REPORTED_DEPS for t in c.subtree}
            | {t.i for t in subject.subtree}
            if prev.root.lemma_.lower() in REPORTING_TO | BODY_REPORTS
            else set()
        )
        if any(
            e.label_ == "PERSON" and not e.start <= subject.i < e.end and e.root.i not in reported
            for e in prev.ents
        ):
            return None
        return self._narrated(subject)

    def _aside_report(self, prev: Span) -> _Attribution | None:
        """A sentence that a person's "X says" set between commas reports ("But this
        skittishness, Mr. Antolini says, is creating liquidity problems."): that person."""
        for verb in prev.root.children:
            if verb.dep_ != "parataxis" or verb.lemma_.lower() not in SAYING_VERBS:
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and (
                subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")
            ):
                return self._narrated(subject)
        return None

    def _narrated(self, subject: Token) -> _Attribution:
        """The attribution of a speaker a sentence tells of, with no cue word."""
        return _Attribution(NARRATED, None, self._mention_span(subject), self._name_of(subject))

    def _a_surname(self, token: Token) -> bool:
        """Whether a word ends a person's name the document tags elsewhere."""
        return token.text in self.people.tagged_surnames

    def _continues(self, first: Marked, second: Marked) -> bool:
        """True when only an attribution separates two quotes, within a paragraph or across
        one paragraph break (“A,” said X, a lawyer. / “B.”)."""
        between = self.text[first.end : second.start]
        return len(between.split()) <= CONTINUATION_WORDS and between.count("\n") <= 2

    # --- indirect speech --------------------------------------------------------------------

    def _indirect_quotes(self, direct: list[Quote]) -> list[Quote]:
        out: list[Quote] = []
        listed: set[int] = set()  # cue tokens the verb lists found
        for sent in self.sents:
            limits.check()
            for verb in self._tokens(sent):
                if self.in_quote[verb.i]:
                    continue
                if (
                    verb.pos_ == "ADJ" and verb.lower_ in STANCE_ADJECTIVES
                ) or _stance_participle(verb):
                    stance = self._stance(verb)
                    if stance is not None:
                        out.append(stance)
                        listed.add(verb.i)
                        continue
                    if verb.pos_ == "ADJ":
                        continue
                    # a participle without a subject in reach is read as a verb of reporting
                if verb.pos_ not in ("VERB", "AUX"):
                    continue
                contents = self._complements(verb)
                if not contents:
                    continue
                attr = self._attribution(verb)
                if self._passive_participle(verb):
                    # the subject was asked, it did not ask: what was asked, by nobody named
                    attr = _Attribution(attr.cue, verb.i, None, None)
                if attr.mention is None and verb.lemma_.lower() not in CLAUSE_VERBS:
                    continue
                out.extend(self._indirect(content, attr) for content in contents)
                listed.add(verb.i)
            out.extend(self._colon_quote(*colon) for colon in self._colon_lines(sent))
            poll = self._poll_finding(sent, listed)
            if poll is not None:
                out.append(poll)
            acc = self._according_to(sent)
            if acc is not None:
                according, obj = acc
                if self.in_quote[obj.i]:
                    continue
                content = self._according_content(sent, according, obj)
                if content is not None:
                    attr = _Attribution(
                        "according to", according.i, self._mention_span(obj), self._name_of(obj)
                    )
                    out.append(self._indirect(content, attr))
        found = self._drop_covered(out, direct)
        learned = self._learned_quotes(direct + found, listed)
        found = [q for q in found if not any(self._nested_in_saying(q, o) for o in learned)]
        found += learned
        return [
            q for q in found
            if not self._said_of(q, direct)
            and not self._a_quotes_report(q, direct)
            and not self._addressee(q, direct)
            and not self._speech_made(q)
        ]

    def _nested_in_saying(self, inner: Quote, outer: Quote) -> bool:
        """Whether ``inner``, cue and words, lies within the words of a learned report by a
        verb of saying ("Flynn says Trump 'absolutely right' in saying generals reduced to
        rubble", where "says" takes an object the verb lists do not read as a clause): part of
        that report, as a listed report nested in another one is."""
        if outer.cue_start is None or inner.cue_start is None:
            return False
        cue = _char_span(self.doc, outer.cue_start, outer.cue_start + 1)
        if cue is None or cue[0].lemma_.lower() not in RELAYED_VERBS:
            return False
        return (
            outer.start <= min(inner.start, inner.cue_start)
            and inner.end <= outer.end
            and outer.end - outer.start > inner.end - inner.start
        )

    def _poll_finding(self, sent: Span, listed: set[int]) -> Quote | None:
        """ "In a CNN poll released in January, Clinton held a 24-point lead over Obama": what
        a poll, a survey, a study or an average of polls found, by the "in" of the sentence's
        verb or of its object (also after them: "Trump leads Cruz by 9 points in the
        RealClearPolitics average of polls", "Cruz had a 10-point lead in a Register poll"),
        when no verb of the sentence reports anything. The poll is the source; its figures stay
        nobody's claim (``claims``), as the claims' guidelines have them."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or any(t.i in listed for t in self._tokens(sent)):
            return None
        # the verb's "in", or its object's ("had a 10-point lead in a Register poll")
        objects = [c for c in root.children if c.dep_ == "dobj"]
        for prep in [c for h in [root, *objects] for c in h.children]:
            if prep.dep_ != "prep" or prep.lower_ != "in" or self.in_quote[prep.i]:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or not _a_poll(obj):
                continue
            content = self._according_content(sent, prep, obj)
            if content is None:
                return None
            attr = _Attribution("in", prep.i, self._mention_span(obj), self._name_of(obj))
            return self._indirect(content, attr)
        return None

    # --- learned cues -----------------------------------------------------------------------

    def _cue_candidates(self, t: Token) -> list[Candidate]:
        """Every complement of a word outside quote marks that could hold what someone said,
        holds or wants (see ``quotes_cues``): a verb's clause, "to" clause, object,
        prepositional object, or passive subject; a noun's "that" clause, "to" clause or
        prepositional object; an adjective's clause or prepositional object; and, for "in" or
        "per" before a noun ("in a poll released Monday, ..."), the rest of the sentence."""
        if self.in_quote[t.i] or t.is_punct or t.is_space or claims_lives(t):
            return []
        out: list[Candidate] = []
        sent = self.sents[self.sent_of[t.i]]

        def add(
            kind: str,
            heads: list[Token],
            speaker: Token | None,
            min_words: int = 1,
            inside: bool = False,
        ) -> None:
            if not heads or any(self.in_quote[h.i] for h in heads):
                return
            content = self._content_span(heads, t, min_words=min_words, allow_inside=inside)
            if content is not None:
                out.append(Candidate(t, kind, content, speaker, sent))

        def take(kind: str, content: Span | None, speaker: Token | None) -> None:
            """A candidate whose content was found without ``add``'s checks: kept when found
            and outside quote marks."""
            if content is not None and not any(self.in_quote[w.i] for w in content):
                out.append(Candidate(t, kind, content, speaker, sent))

        def prep_objects(prep: Token) -> list[Token]:
            return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]

        # the children are listed only for the words whose complements are read (listing builds
        # a token object for each, and most words have no candidate)
        if t.pos_ == "VERB":
            children = list(t.children)
            if any(c.dep_ == "nsubjpass" and appointed(t, c) for c in children):
                return []  # a person confirmed in office: nothing is reported
            if _quoted_as_saying(t):
                return []  # "quoted the governor as saying": the rules read what was said
            speaker = self._modified_noun(t) or self._speaker_of(t)
            for c in children:
                if c.dep_ == "ccomp":
                    add("clause", [c], speaker, min_words=2)
                elif c.dep_ == "xcomp" and (
                    any(w.lower_ == "to" for w in c.children) or c.tag_ == "VBG"
                ):
                    objs = [o for o in children if o.dep_ == "dobj" and o.i < c.i]
                    add("to", objs + [c], speaker)
                elif (
                    c.dep_ == "dobj"
                    and c.i > t.i
                    and _reported_object(c)
                ):
                    extra = [
                        e
                        for e in children
                        if e.i > c.i and (e.dep_ in ("oprd", "xcomp") or e.dep_ == "prep")
                    ]
                    add("object", [c] + extra, speaker)
                elif c.dep_ == "prep" and c.i > t.i:
                    listed = PREP_VERBS.get(t.lemma_.lower())
                    if c.lower_ in ("at", "during") and listed and c.lower_ not in listed:
                        continue  # where or when it was asked: "asked Ada at the end of ..."
                    add(f"prep:{c.lower_}", prep_objects(c), speaker)
                elif c.dep_ == "nsubjpass" and c.i < t.i:
                    add("passive", [c], speaker)
                elif c.dep_ == "oprd" and c.i > t.i:
                    # "a group called Future45", "called it a disgrace": what something is named
                    add("name", [c], speaker)
            # "Voters seemed unmoved": how something appears, the whole clause the content
            subjects = [c for c in children if c.dep_ == "nsubj" and c.i < t.i]
            complements = [
                c for c in children if c.dep_ in ("acomp", "xcomp", "attr") and c.i > t.i
            ]
            if subjects and complements:
                # whose stance the clause describes: its subject ("Voters seemed unmoved")
                add(
                    "appearance",
                    [self._past_dateline(subjects[0], subjects), complements[0]],
                    speaker,
                    min_words=2,
                    inside=True,
                )
        elif t.pos_ == "ADV" and t.dep_ == "advmod" and t.lower_.endswith("ly"):
            # "The mayor reportedly plans to resign": the clause the adverb qualifies
            if t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i:
                content = self._content_span([t.head], t, min_words=2, allow_inside=True)
                take("adverb", content, self._speaker_of(t.head))
        elif t.pos_ == "NOUN":
            children = list(t.children)
            poss = [c for c in children if c.dep_ == "poss"]
            # "criticism from Clinton", "an endorsement by the paper"
            speaker = poss[0] if poss else _from_or_by(t)
            if speaker is None or speaker.lower_ in POSSESSIVE_PRONOUNS:
                # "Cruz expressed his desire to ...", "Trump defended the proposals": the subject
                # of the verb the noun hangs on
                verb = self._governing_verb(t)
                subject = self._speaker_of(verb) if verb is not None else None
                speaker = subject if subject is not None else speaker
            if speaker is None and t.dep_ == "ROOT":
                # a verb tagged as a noun ("Audit files show that ...", "Trump estimates that")
                subjects = [c for c in children if c.dep_ == "nsubj" and not self.in_quote[c.i]]
                names = [
                    c
                    for c in children
                    if c.dep_ == "compound" and c.i == t.i - 1 and c.ent_type_ in ("PERSON", "ORG")
                ]
                found = subjects or names
                speaker = found[0] if found else None
            # "a Clinton supporter", "Trump critics": the name before the noun
            named = [
                c
                for c in children
                if c.dep_ == "compound"
                and c.i < t.i
                and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG", "NORP"))
            ]
            if named:
                verb = t.head if t.dep_ == "attr" else None
                holder = self._speaker_of(verb) if verb is not None else speaker
                add("noun-name", named, holder)
            # "in Professor Lind's view, ...": the rest of the sentence
            if poss and t.dep_ == "pobj" and t.head.lower_ in ("in", "by", "to"):
                content = self._according_content(sent, t.head, t)
                take(f"frame-noun:{t.head.lower_}", content, poss[0])
            for c in children:
                if c.dep_ in ("acl", "ccomp") and c.i > t.i:
                    to = any(w.lower_ == "to" for w in c.children)
                    that = any(w.dep_ == "mark" for w in c.children)
                    if to or that:
                        add("noun-to" if to else "noun-clause", [c], speaker, min_words=2)
                elif c.dep_ == "prep" and c.i > t.i:
                    add(f"noun-prep:{c.lower_}", prep_objects(c), speaker)
        elif t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "oprd"):
            children = list(t.children)
            speaker = self._speaker_of(t)
            for c in children:
                if c.dep_ in ("ccomp", "xcomp") and c.i > t.i:
                    add("adj-clause", [c], speaker, min_words=2)
                elif c.dep_ == "prep" and c.i > t.i:
                    add(f"adj-prep:{c.lower_}", prep_objects(c), speaker)
        elif t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
            # "In a poll, 50 percent chose X", and, fronted, "For 40 percent of voters, taxes are
            # the top issue": whose view or finding the clause is
            if t.lower_ in ("in", "per"):
                kinds: tuple[str, ...] = ("NOUN", "PROPN")
            elif t.lower_ in ("for", "to", "among") and t.i < t.head.i:
                kinds = ("NOUN", "PROPN", "PRON")
            else:
                return out
            objs = [c for c in t.children if c.dep_ == "pobj" and c.pos_ in kinds]
            if objs:
                content = self._according_content(sent, t, objs[0])
                take(f"source-prep:{t.lower_}", content, objs[0])
        return out

    def _modified_noun(self, verb: Token) -> Token | None:
        """ "a group backing the governor", "placards supporting Sanders": a participle that
        modifies a noun speaks for that noun."""
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.i > verb.i:
            return None
        if noun.pos_ not in ("NOUN", "PROPN") or self.in_quote[noun.i]:
            return None
        return noun

    @staticmethod
    def _governing_verb(noun: Token) -> Token | None:
        """The verb a noun is the object of, directly or through prepositions, or the "be" it
        follows ("X was an early backer of Y"). None through a preposition of circumstance
        ("Despite complaints that he is a quixotic crusader, Mr. Sanders has found ...",
        "amid rising concern that ..."), and for a report met "with" ("reduced three towns to
        rubble ..., with reports that as many as 50 people were killed"): the verb's subject
        holds neither the complaints nor the reports. A pronoun owner still leads to it
        ("Despite his dislike for the establishment, Cruz is ...")."""
        node = noun
        owned = any(c.dep_ == "poss" for c in noun.children)
        for _ in range(3):
            if not owned and node.dep_ == "prep" and (
                node.lower_ in CIRCUMSTANCE_PREPOSITIONS
                or (node.lower_ == "with" and noun.lemma_.lower() in REPORT_NOUNS)
            ):
                return None
            if node.dep_ in ("dobj", "attr", "pobj", "prep") and node.head.i != node.i:
                attr = node.dep_ == "attr"
                node = node.head
                if node.pos_ == "VERB" or (attr and node.pos_ == "AUX"):
                    return node
            else:
                return None
        return None

    def _learned_quotes(self, found: list[Quote], listed: set[int]) -> list[Quote]:
        """Attributions the verb lists missed, decided by the learned cue model: the most
        probable complement of each accepted word, leaving out contents the lists already
        found and attributions nested inside another one (PolNeAR labels the outer one)."""
        model = cue_model()
        if model is None:
            return []
        scored: list[tuple[float, Candidate]] = []
        for sent in self.sents:
            limits.check()
            for t in self._tokens(sent):
                if t.i in listed:
                    continue
                best: tuple[float, Candidate] | None = None
                for c in self._cue_candidates(t):
                    prob = model.probability(c)
                    if prob >= model.threshold and (best is None or prob > best[0]):
                        best = (prob, c)
                if best is not None:
                    scored.append(best)
        taken = [(q.start, q.end) for q in found]
        cues: list[int] = []
        out: list[Quote] = []
        for _, c in sorted(scored, key=lambda pc: -pc[0]):
            lo, hi = c.content.start_char, c.content.end_char
            if any(a <= c.cue.idx < b for a, b in taken):
                continue
            if any(min(hi, b) - max(lo, a) >= 0.5 * (hi - lo) for a, b in taken):
                continue
            if any(lo <= idx < hi for idx in cues):
                continue
            mention = self._speaker_mention(c) if c.speaker is not None else None
            name = self._name_of(c.speaker) if c.speaker is not None else None
            if mention is None and c.cue.pos_ == "VERB":
                mention = self._phrase_before(c.cue)
                if mention is not None:
                    name = self.people.fullest(mention.text, mention.start_char)
            cue = self._cue_text(c.cue) if c.cue.pos_ == "VERB" else c.cue.text
            out.append(self._indirect(c.content, _Attribution(cue, c.cue.i, mention, name)))
            taken.append((lo, hi))
            cues.append(c.cue.idx)
        return out

    def _speaker_mention(self, c: Candidate) -> Span:
        """The words naming a learned cue's speaker, ending before the cue and its content when
        the cue modifies the speaker's own phrase ("Outside groups supporting the governor",
        "voters, who want him to stay,")."""
        assert c.speaker is not None
        span = self._mention_span(c.speaker)
        hi = span.end
        for first in (c.cue.i, c.content.start):
            if span.start <= c.speaker.i < first < hi:
                hi = first
        while hi > span.start + 1 and (
            self.tokens[hi - 1].is_punct or self.tokens[hi - 1].is_space
        ):
            hi -= 1
        return self.doc[span.start : hi]

    def _colon_lines(self, sent: Span) -> list[tuple[Span, _Attribution]]:
        """ "Smith: Taxes will rise" — headline or transcript lines with a speaker and a colon,
        one for each line that starts in the sentence (the parser may join a short "A:" line
        to the sentence before it), also after the quote mark that opens a transcript's line."""
        out = []
        for t in self._tokens(sent):
            # only a token that opens a line (a look at the character before it, not a search
            # back through the paragraph for every token)
            if t.is_space or (t.idx > 0 and self.text[t.idx - 1] != "\n"):
                continue
            if self._is_quote_mark(t.i) and t.i + 1 < len(self.tokens):
                # a transcript line set in quote marks ('"WALLACE: ...', see quotes_marks)
                t = self.tokens[t.i + 1]
            found = self._colon_line(t)
            if found is not None:
                out.append(found)
        return out

    def _colon_line(self, first: Token) -> tuple[Span, _Attribution] | None:
        """The line starting with ``first`` when it reads "Speaker: text"."""
        _, p_end = self._paragraph_bounds(first.idx)
        words = [t for t in self.tokens[first.i : first.i + 12] if t.idx < p_end and not t.is_space]
        colon = next((i for i, t in enumerate(words[:9]) if t.text == ":"), None)
        if colon is None or colon + 1 >= len(words):
            return None
        answer_end = None
        if colon == 1 and words[0].text in ANSWER_LABELS:
            # an interview's answer goes on over its paragraphs, up to the next question
            answer_end = self.people.answer_end(first.idx)
            p_end = max(p_end, answer_end or 0)
        rest = [t for t in self.tokens[words[colon].i + 1 :] if t.idx < p_end and not t.is_space]
        # a line that opens with a quote is a direct quote, found as such; quoted words inside
        # a headline ("Graham: Trump's ‘Hateful Rhetoric’ Hurts GOP") are part of it
        if not rest or self.in_quote[rest[0].i] or self._is_quote_mark(rest[0].i):
            return None
        # a transcript's label in capitals ("WALLACE:") is the speaker as written, before any
        # reading of it as a name the parse may have run into the line
        if self._colon_dateline(words[:colon]):
            return None
        label = self._colon_label(words[:colon]) if words[0].text.isupper() else None
        attr = (
            label
            or self._colon_speaker(words[: colon + 1], clause_subject=False)
            or self._colon_label(words[:colon])
        )
        if attr is None:
            return None
        content = self._content_span(rest, words[colon], min_words=2, whole=True, until=answer_end)
        if content is None or _a_roll_of_names(content):
            return None
        return content, attr

    def _colon_label(self, before: list[Token]) -> _Attribution | None:
        """ "Q: ...", "A: ...", "Poll: ...", "Insiders: ...": one capitalised word opening a
        line before a colon, as interview transcripts and headlines name who speaks."""
        if len(before) != 1:
            return None
        word = before[0]
        if not word.text[:1].isupper() or not word.is_alpha or word.pos_ in ("VERB", "AUX"):
            return None
        if word.ent_type_ in ("DATE", "TIME") or word.lower_ in COLON_LABELS_NOT_SPEAKERS:
            return None
        speaker = word.text
        if speaker in ANSWER_LABELS:
            # a transcript's answer is the interviewee's (the label stays the mention)
            speaker = self.people.interviewee() or speaker
        return _Attribution(":", None, self.doc[word.i : word.i + 1], speaker)

    @staticmethod
    def _passive_participle(verb: Token) -> bool:
        """ "Asked about the images, Putin said ...": the subject was asked, not asking (but
        "As reported by the paper, ..." names who reported)."""
        return (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "agent") for c in verb.children)
        )

    def _stance(self, adj: Token) -> Quote | None:
        """ "X is supportive of Y", "X was eager to ...", "X is confident that ...", "X was
        frustrated that ..." (the parse's passive verb)."""
        if adj.dep_ not in ("acomp", "amod", "oprd") and not _stance_participle(adj):
            return None
        complement = next(
            (
                c
                for c in adj.children
                if c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.i > adj.i)
            ),
            None,
        )
        if complement is None:
            return None
        heads = [c for c in complement.children if c.dep_ in ("pobj", "pcomp")]
        content = self._content_span(
            heads if complement.dep_ == "prep" else [complement], adj, min_words=1
        )
        if content is None:
            return None
        attr = self._attribution(adj)
        if attr.mention is None:
            return None
        cue = f"{adj.text} {complement.text}" if complement.dep_ == "prep" else adj.text
        return self._indirect(content, _Attribution(cue, adj.i, attr.mention, attr.speaker))

    def _complements(self, verb: Token) -> list[Span]:
        """What a reporting verb reports. A verb may govern two clauses ("“A,” X said, and
        B"), each its own report; a parenthetical verb ("The plan, she said, will fail")
        reports the sentence around it; a filler ("The plan, you know, will fail") reports
        nothing."""
        lemma = verb.lemma_.lower()
        if _filler(verb):
            return []
        if lemma in CLAUSE_VERBS or _quoted_as_saying(verb):
            # a clause headed inside quote marks is a direct quote, found as such
            first = left_conjunct(verb)  # a coordinated verb, not what was said
            cut = cut_clause(verb)  # nor a clause cut off before its preposition's object
            on_noun = _clauses_on_a_noun_after(verb)
            speakers = self._clause_of_the_subject(verb)  # the speaker's phrase, misparsed
            after = self._speaker_clause_after(verb)  # ... after an inverted verb
            clauses = [
                c
                for c in [*verb.children, *on_noun]
                if (
                    c.dep_ == "ccomp"
                    or self._relative_clause_complement(verb, c)
                    or c in on_noun
                    or (c.dep_ == "advcl" and self._occasion_before(c, verb) is not None)
                )
                and not self._quoted_clause(c)
                and not self._inverted_attribution(c, verb)
                and not self._outlet_clause(c, verb)
                and all(other is None or c.i != other.i for other in (first, cut))
                and c != speakers
                and (after is None or c != after[0])
                and not _an_adverbial_clause(c)
                and not self._subjectless_clause(c, verb)
            ]
            spans = [
                self._after_occasion(
                    self._content_span(self._with_lost_subject(c, verb), verb), c, verb
                )
                for c in clauses
            ]
            found = [sp for sp in spans if sp is not None]
            if found:
                return found
            if verb.dep_ == "parataxis" and not clauses:
                around = self._around(verb)
                if around is not None:
                    return [around]
            if (
                not clauses
                and verb.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
            ):
                # "As the newspaper reported, the deal fell through."; a sentence that quotes
                # some of its words is still the report ("As The Daily Caller reported, the
                # star “gave between $1,001 and $5,000” to the Clintons."), a quotation whole is
                # a direct quote, found as such
                inner = {t.i for t in verb.subtree}
                span = self._sentence_report(verb, lambda t: t.i not in inner)
                if span is not None:
                    return [span]
            subj = self._postposed_subject(verb)
            if subj is not None:
                start = self._mention_span(subj).start
                span = self._sentence_report(verb, lambda t: t.i < start, partly_quoted=False)
                if span is not None:
                    return [span]
            subj = self._closing_speaker(verb) if not clauses else None
            if subj is not None:
                end = min(self._mention_span(subj).start, verb.i)
                span = self._sentence_report(verb, lambda t: t.i < end)
                if span is not None:
                    return [span]
        if _quoted_as_saying(verb):
            return []  # "quoted the governor as saying that ...": "saying" reports, not "quoted"
        single = self._complement(verb)
        return [single] if single is not None else []

    def _sentence_report(
        self, verb: Token, keep: Callable[[Token], bool], partly_quoted: bool = True
    ) -> Span | None:
        """The words of the verb's sentence that ``keep`` selects, as what the verb reports:
        none when no word is left or the words are a quotation whole (a direct quote, found as
        such), nor, unless ``partly_quoted``, when any of them is quoted."""
        sent = self.sents[self.sent_of[verb.i]]
        words = [t for t in self._tokens(sent) if keep(t) and not t.is_space]
        if not words:
            return None
        if partly_quoted:
            if all(self.in_quote[t.i] or t.is_punct for t in words):
                return None
        elif any(self.in_quote[t.i] for t in words):
            return None
        return self._content_span(words, verb, whole=True)

    def _occasion_before(self, clause: Token, verb: Token) -> Token | None:
        """ "Trump said after the convention he would not accept ...": the occasion of the
        saying, between the verb (and whom it was told to) and the subject of what it reports,
        which the parse hangs on the clause (and may then take for a clause of time). The
        preposition, when it opens the clause right there and names an event, not a date."""
        prep = clause.left_edge
        if prep.dep_ != "prep" or prep.head != clause or prep.lower_ not in OCCASION_PREPS:
            return None
        if any(c.dep_ == "mark" for c in clause.children) or clause.i < verb.i:
            return None
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or objects[0].ent_type_ in ("DATE", "TIME") or objects[0].pos_ != "NOUN":
            return None
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if not subjects or subjects[0].left_edge.i != prep.right_edge.i + 1:
            return None
        if not (
            clause.tag_ in ("VBD", "VBZ", "VBP", "MD")
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP")
                   for c in clause.children)
        ):
            return None
        addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < prep.i]
        before = max([verb.i, *(c.right_edge.i for c in addressed)])
        return prep if prep.i == before + 1 else None

    def _after_occasion(self, span: Span | None, clause: Token, verb: Token) -> Span | None:
        """What a clause reports without the occasion of the saying before it
        (``_occasion_before``)."""
        prep = self._occasion_before(clause, verb) if span is not None else None
        if span is None or prep is None or span.start != prep.i:
            return span
        return self.doc[prep.right_edge.i + 1 : span.end]

    def _subjectless_clause(self, clause: Token, verb: Token) -> bool:
        """ "“…,” Jo Roe said in a statement issued an hour before the vote": the parse gives
        the verb a second clause after it, a finite verb with no subject (the statement's
        "issued"), beside the quotation it attributes. No clause of that shape reports
        anything; a clause whose subject the parse made the verb's object is one
        (``_with_lost_subject``)."""
        return (
            clause.i > verb.i
            and clause.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in OWN_SUBJECT_DEPS for c in clause.children)
            and self._with_lost_subject(clause, verb) == [clause]
            and any(
                c.dep_ == "ccomp" and c.i < verb.i and self._quoted_clause(c)
                for c in verb.children
            )
        )

    def _inverted_attribution(self, clause: Token, verb: Token) -> bool:
        """ "“We will win,” said Smith; “We will not,” said Jones": the parse may hang the first
        attribution on the second verb as what it reports. A reporting verb ahead of the verb,
        followed by its own subject, after a quotation of its own, attributes that quotation."""
        return (
            clause.i < verb.i
            and clause.lemma_.lower() in QUOTE_VERBS
            and any(c.dep_ == "nsubj" and c.i > clause.i for c in clause.children)
            and any(self.in_quote[t.i] for t in clause.subtree if t.i < clause.i)
        )

    def _outlet_via(self, verb: Token) -> _Attribution | None:
        """The outlet a quote comes through: Harbor Insider in "“…,” said Ada Moss, Harbor
        Insider reported." (``_outlet_report``)."""
        speaker = self._inverted_speaker(verb)
        report = self._outlet_report(speaker, verb) if speaker is not None else None
        if report is None:
            return None
        outlet, name = report
        return _Attribution(outlet.text, outlet.i, name, self._name_of(name.root))

    def _outlet_clause(self, clause: Token, verb: Token) -> bool:
        """ "“…,” said Ada Moss, a lawyer, the Courier reported.": the outlet's report the parse
        hangs on the verb holds the verb's own speaker (``_outlet_report``), not what is said."""
        speaker = self._inverted_speaker(verb)
        return speaker is not None and speaker.head == clause and speaker.i < clause.i

    @staticmethod
    def _relative_clause_complement(verb: Token, c: Token) -> bool:
        """ "the drawdown, which they say left a vacuum": in a relative clause the parse often
        takes the reported clause, a finite verb whose subject is the relative pronoun, for
        the reporting verb's open complement (xcomp); it is what is said."""
        return (
            verb.dep_ == "relcl" and c.dep_ == "xcomp" and c.tag_ in ("VBD", "VBZ", "VBP")
        )

    def _quoted_clause(self, head: Token) -> bool:
        """A clause that is a direct quote: its head is inside quote marks and so are all its
        words but a leading "that" ("said that “…”"), not a report that quotes some of its
        words (X said his position has “gotten bigger”)."""
        if not self.in_quote[head.i]:
            return False
        words = [
            t
            for t in head.subtree
            if not (t.is_punct or t.is_space or self.in_quote[t.i])
            and not (t.dep_ == "mark" and t.head.i == head.i)
        ]
        return not words

    def _around(self, verb: Token) -> Span | None:
        """The sentence around a parenthetical attribution, without it."""
        sent = self.sents[self.sent_of[verb.i]]
        subject = self._speaker_of(verb)
        # a clause the parse hung on the verb ahead of its speaker is the report's own ("If this
        # argument fails, Mr. Castañeda argues, there are other tools")
        opening = {
            t.i
            for c in verb.children
            if c.dep_ == "advcl" and subject is not None and c.i < subject.left_edge.i
            for t in c.subtree
        }
        inner = {t.i for t in verb.subtree} - opening
        rest = [t for t in self._tokens(sent) if t.i not in inner and not t.is_space]
        left = min(inner)
        before = [t for t in rest if t.i < left and not t.is_punct]
        if not before or self.in_quote[before[0].i]:
            # "indicates required": nothing reported ahead of the verb, so no parenthetical;
            # a quotation the attribution interrupts is a direct quote, found as such
            return None
        # the content ends with its last word: an attribution that ends the sentence is not
        # part of it, nor is a second report it carries ("..., Moss said, pointing to ...")
        last = max(t.i for t in rest if not _a_mark(t))
        rest = [t for t in rest if t.i <= last]
        return self._content_span(rest, verb, whole=True, allow_inside=True)

    def _complement(self, verb: Token) -> Span | None:
        """What a reporting verb reports: its clause, "to" clause, object or prepositional
        object, by the verb's kind (see the verb lists above)."""
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        if lemma in TO_VERBS:
            clause = next((c for c in children if c.dep_ == "xcomp"), None)
            # "vowed to ...", or a gerund: "lamented hosting ..."
            if clause is not None and (
                any(t.lower_ == "to" for t in clause.children) or clause.tag_ == "VBG"
            ):
                objs = [c for c in children if c.dep_ == "dobj" and c.i < clause.i]
                return self._content_span(objs + [clause], verb)
        pro = _pro_clause(verb)
        if pro is not None:
            return self._content_span(pro, verb, min_words=1, whole=True)
        if lemma == "say":
            obj = next((c for c in children if c.dep_ in ("dobj", "intj")), None)
            if (
                obj is not None
                and obj.i > verb.i
                and obj.lower_ not in ("it", "that", "this", "what")
                # "“…,” said Ada Moss, a lawyer": the speaker parsed as the object
                and not (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG"))
            ):
                return self._content_span([obj], verb, min_words=1)
        if lemma in OBJECT_VERBS and verb.pos_ == "VERB":
            obj = next((c for c in children if c.dep_ in ("dobj",)), None)
            if (
                obj is not None
                and obj.i > verb.i
                and _reported_object(obj)
            ):
                extra = [
                    c
                    for c in children
                    if c.i > obj.i
                    and (
                        c.dep_ in ("oprd", "xcomp")
                        or (c.dep_ == "prep" and c.lower_ in ("as", "for", "of"))
                    )
                ]
                return self._content_span([obj] + extra, verb, min_words=1)
        preps = PREP_VERBS.get(lemma)
        if preps:
            prep = next(
                (c for c in children if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i),
                None,
            )
            if prep is not None:
                objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objs:
                    return self._content_span(objs, verb, min_words=1)
            called = self._for_clause(verb, children) if "for" in preps else None
            if called is not None:
                return called
        return None

    def _for_clause(self, verb: Token, children: list[Token]) -> Span | None:
        """A "for ... to" clause the parse hangs on the verb with "for" as its marker ("X
        called for the mayor to resign"): what is called for, without the "for"."""
        for c in children:
            if c.dep_ != "advcl" or c.i < verb.i:
                continue
            mark = next((m for m in c.children if m.dep_ == "mark"), None)
            if mark is None or mark.lower_ != "for" or mark.i != c.left_edge.i:
                continue
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                continue
            tokens = [t for t in c.subtree if t.i != mark.i]
            return self._content_span(tokens, verb, whole=True)
        return None

    def _content_span(
        self,
        heads: list[Token],
        verb: Token,
        min_words: int = 2,
        whole: bool = False,
        allow_inside: bool = False,
        until: int | None = None,
    ) -> Span | None:
        tokens = sorted(
            heads if whole else (t for h in heads for t in h.subtree), key=lambda t: t.i
        )
        if not whole:
            # a second report joined to the clause ends what the first one reports
            cut = [
                c.left_edge.i
                for h in heads
                for c in h.children
                if self._coordinated_report(c)
                or self._contrasted_report(c)
                or self._participle_report(c)
                # "Paul said Rubio's plan would give money to immigrants, and called him ...":
                # a verb in the past after a clause reported with "would" is the reporter's
                or (h.dep_ == "ccomp" and _past_of_a_present_clause(c) == verb)
            ]
            # ... and so does a relative clause that reports on its own and ends it ("the
            # wall, which he said Mexico would pay for"), or a reporting participle that ends
            # it, wherever the parse hangs it ("..., pointing to its own figures")
            words = [t for t in tokens if not (t.is_punct or t.is_space)]
            cut += [
                t.left_edge.i
                for t in words
                if t.right_edge.i >= words[-1].i
                and (
                    (t.dep_ == "relcl" and self._relative_report(t))
                    or (
                        t.dep_ == "advcl"
                        and (
                            self._participle_report(t, anywhere=True)
                            or self._contrasted_report(t)
                        )
                    )
                )
            ]
            if cut:
                tokens = [t for t in tokens if t.i < min(cut)]
                while tokens and (tokens[-1].dep_ == "cc" or _a_mark(tokens[-1])):
                    tokens.pop()
        # what was reported stays in the paragraph of the reporting verb (or up to ``until``)
        p_start, p_end = self._paragraph_bounds(verb.idx)
        p_end = max(p_end, until or 0)
        tokens = [t for t in tokens if p_start <= t.idx < p_end and not t.is_space]
        if not tokens:
            return None
        # nor is the lede's dateline part of it ("BUENA PARK, Calif. - "): where it was filed
        filed = self._dateline_end(tokens[0])
        tokens = [t for t in tokens if t.idx >= filed]
        if not tokens:
            return None
        before = [t for t in tokens if t.i < verb.i]
        if before and (
            (verb.dep_ == "relcl" and all(t.lower_ in RELATIVE_PRONOUNS for t in before))
            or ([t.lower_ for t in before] == ["what"] and tokens[-1].i > verb.i)
        ):
            # "the wall, which he said Mexico would pay for": the relative pronoun the parse
            # puts in the reported clause stands for the noun the clause hangs on, not for
            # what was said. A "what" before the speaker ("amounting to what the senators said
            # was favouritism", "what Trump says his plan would do") is the report's first
            # word, parted from the rest by the speaker and the verb: the report is the rest
            tokens = [t for t in tokens if t.i > verb.i]
            if not tokens:
                return None
        lo, hi = tokens[0].i, tokens[-1].i
        if lo <= verb.i <= hi and not allow_inside:
            return None
        while lo < hi and (self.tokens[lo].is_punct or self.tokens[lo].is_space):
            # a quote mark opens the content only when its quote starts there
            if self._is_quote_mark(lo) and lo + 1 <= hi and self.in_quote[lo + 1]:
                break
            lo += 1
        while (
            hi > lo
            and (_a_mark(self.tokens[hi]) or self.tokens[hi].is_space)
            and not self._is_quote_mark(hi)
        ):
            hi -= 1
        # a bracket opened in what was reported closes in it ("on Thursday (local time)")
        inside = self.tokens[lo : hi + 1]
        opened = sum(t.text == "(" for t in inside) - sum(t.text == ")" for t in inside)
        if opened > 0 and hi + 1 < len(self.tokens) and self.tokens[hi + 1].text == ")":
            hi += 1
        span = self.doc[lo : hi + 1]
        if len([t for t in self._tokens(span) if not t.is_punct]) < min_words:
            return None
        return span

    def _is_quote_mark(self, i: int) -> bool:
        return self.tokens[i].text in QUOTE_MARK_TOKENS

    def _according_content(self, sent: Span, according: Token, obj: Token) -> Span | None:
        """The sentence minus the "according to X" phrase and the punctuation around it."""
        phrase = sorted(according.subtree, key=lambda t: t.i)
        p_lo, p_hi = phrase[0].i, max(phrase[-1].i, obj.right_edge.i)
        before = [t for t in self._tokens(sent) if t.i < p_lo and not t.is_space]
        after = [t for t in self._tokens(sent) if t.i > p_hi and not t.is_space]
        if _a_predicate_without_subject(after):
            # "..., according to three sources who spoke to Fox News but were not authorized to
            # speak": what follows the source tells of the source, not what it said
            after = []
        # the clause the phrase hangs on ("X rose, according to Y, more than ..."), unless it
        # is a word or two ("That's according to ...")
        head = according.head
        sides = [s for s in (before, after) if s and s[0].i <= head.i <= s[-1].i]
        if sides and sum(not t.is_punct for t in sides[0]) >= ACCORDING_CLAUSE_WORDS:
            side = sides[0]
        else:
            side = after if len(after) >= len(before) else before
        while side and side[0].is_punct and not self._is_quote_mark(side[0].i):
            side = side[1:]
        while side and _a_mark(side[-1]) and not self._is_quote_mark(side[-1].i):
            side = side[:-1]
        if len(side) < 2:
            return None
        return self.doc[side[0].i : side[-1].i + 1]

    def _colon_quote(self, content: Span, attr: _Attribution) -> Quote:
        """A line credited by a colon; an interview's answer, credited to the interviewee, is
        their words as said (a transcript), so a direct quotation."""
        quote = self._indirect(content, attr)
        label = attr.mention.text if attr.mention is not None else None
        if label in ANSWER_LABELS and attr.speaker not in ANSWER_LABELS:
            return replace(quote, direct=True)
        return quote

    def _indirect(self, content: Span, attr: _Attribution) -> Quote:
        # the quotation the report ends with closes after the parse's last word of it
        # ("preparing to “fight against us.”")
        end = self._through_closing_mark(content.end_char)
        return Quote(
            text=self.text[content.start_char : end],
            start=content.start_char,
            end=end,
            direct=False,
            **self._credit(attr),
        )

    def _credit(self, attr: _Attribution | None) -> dict[str, Any]:
        """A quote's fields that its attribution gives: the speaker, the cue and where each is
        written, and whom the words come through. The cue word's place only when it is a word
        of the text (not a colon or a signature's dash)."""
        if attr is None:
            return {"speaker": None}
        cue_start = cue_end = None
        if attr.cue_token is not None:
            token = self.tokens[attr.cue_token]
            if token.lower_ in attr.cue.lower().split():
                cue_start, cue_end = token.idx, token.idx + len(token.text)
        return {
            "speaker": attr.speaker,
            "cue": attr.cue or None,  # a speaker told of (``NARRATED``) is given by no cue
            "speaker_start": attr.mention.start_char if attr.mention is not None else None,
            "speaker_end": attr.mention.end_char if attr.mention is not None else None,
            "cue_start": cue_start,
            "cue_end": cue_end,
            "via": attr.via_name,
            "via_start": attr.via.start_char if attr.via is not None else None,
            "via_end": attr.via.end_char if attr.via is not None else None,
        }

    def _between_parts(self, q: Quote, direct: list[Quote]) -> bool:
        """An indirect content that lies outside quote marks, between the parts of a quote
        joined over its attribution ("“A,” she said, adding that B. “C.”"), with a cue of its
        own: a second report, not words the quote renders."""
        around = [d for d in direct if d.start < q.end and q.start < d.end]
        if q.cue_start is None or any(d.cue_start == q.cue_start for d in around):
            # the quote's own verb: what else it governs there is not a second report
            return False
        cue = _char_span(self.doc, q.cue_start, q.cue_start + 1)
        if cue is None or not any(self._hangs_on(cue[0], d) for d in around):
            return False
        span = _char_span(self.doc, q.start, q.end)
        if span is None:
            return False
        words = [t for t in self._tokens(span) if not (t.is_punct or t.is_space)]
        return bool(words) and not any(self.in_quote[t.i] for t in words)

    @staticmethod
    def _hangs_on(cue: Token, d: Quote) -> bool:
        """Whether a second report's verb hangs on the direct quote's verb ("she said, adding
        that ...") or is a relative clause on its speaker ("said Ann Lee, 31, a nurse, who said
        ...")."""
        if cue.head.idx == d.cue_start:
            return True
        cue = _chain_start(cue, "conj")  # "... whose district went for her but who said ..."
        if cue.dep_ != "relcl" or d.speaker_start is None or d.speaker_end is None:
            return False
        head = _chain_start(cue.head, "appos")
        return d.speaker_start <= head.idx < d.speaker_end

    def _told_through(self, inner: Quote, outer: Quote) -> bool:
        """Whether ``outer``, an "according to" report, is only what another speaker said,
        ``inner``: a verb of saying with a clause, its speaker and content filling the outer
        content ("The senator said the bill was dead, according to the Post"). Not what a
        poll shows or a person declined to do."""
        if (
            outer.cue != "according to"
            or inner is outer
            or inner.speaker_start is None
            or inner.speaker_end is None
            or inner.cue_start is None
            or inner.cue_end is None
            or outer.speaker_start is None
            or inner.via_start is not None
        ):
            return False
        lo, hi = min(inner.speaker_start, inner.start), max(inner.speaker_end, inner.end)
        if not (outer.start <= lo and hi <= outer.end):
            return False
        if hi - lo < TOLD_THROUGH * (outer.end - outer.start):
            return False
        cue = _char_span(self.doc, inner.cue_start, inner.cue_end)
        content = _char_span(self.doc, inner.start, inner.end)
        return (
            cue is not None
            and content is not None
            and cue.root.lemma_.lower() in RELAYED_VERBS
            and content[0].lower_ != "to"
            and content.root.pos_ in ("VERB", "AUX")
            and content.root.dep_ in ("ccomp", "parataxis")
        )

    def _cut_before_its_quote(self, q: Quote, direct: list[Quote]) -> Quote | None:
        """An indirect content that runs on into a direct quote another verb of its clause
        reports, up to that verb: "He says he respects Clinton and calls her “an extremely
        intelligent woman”" reports "he respects Clinton" (and "calls" the quote)."""
        for d in direct:
            if d.cue_start is None or d.start < q.start or not q.start <= d.cue_start < q.end:
                continue
            span = _char_span(self.doc, d.cue_start, d.cue_start + 1)
            if span is None or len(span) == 0 or span[0].dep_ not in ("conj", "advcl"):
                continue
            k = span[0].left_edge.i - 1
            while k >= 0 and (self.tokens[k].dep_ == "cc" or self.tokens[k].is_punct):
                k -= 1
            if k < 0:
                continue
            end = self.tokens[k].idx + len(self.tokens[k].text)
            if end <= q.start or len(self.text[q.start : end].split()) < 2:
                continue
            return replace(q, text=self.text[q.start : end], end=end)
        return None

    def _said_of(self, q: Quote, direct: list[Quote]) -> bool:
        """Whether ``q`` is only what a verb of saying, whose words are the direct quote before
        it, was said of or said while: "“…,” Lichtman said about McCain's effort to ...",
        "“…,” Maddow said, another reference to ...", "“…,” Clinton said answering a
        question". A clause there is a second report and stays."""
        if q.cue_start is None or not any(
            d.cue_start == q.cue_start and d.end <= q.cue_start < q.start for d in direct
        ):
            return False
        found = self._cue_and_content(q)
        if found is None or found[0].lemma_.lower() not in SAYING_VERBS:
            return False
        span = found[1]
        return span.root.tag_ == "VBG" or span.root.pos_ in ("NOUN", "PROPN", "PRON", "NUM")

    def _cue_and_content(self, q: Quote) -> tuple[Token, Span] | None:
        """A found content's cue word and words, as the parse has them."""
        if q.cue_start is None:
            return None
        cue = _char_span(self.doc, q.cue_start, q.cue_start + 1)
        span = _char_span(self.doc, q.start, q.end)
        return None if cue is None or span is None else (cue[0], span)

    def _speech_made(self, q: Quote) -> bool:
        """Whether ``q`` only names an utterance someone made or issued ("Trump made the
        comments Friday during a brief appearance", "issued a statement"): that something was
        said, not what (the words, if any, are quoted elsewhere). "made the claim that ..."
        stays."""
        found = self._cue_and_content(q)
        if found is None or found[0].lemma_.lower() not in SPEECH_MAKING_VERBS:
            return False
        cue, span = found
        root = span.root
        return (
            root.head == cue
            and root.lemma_.lower() in SPEECH_NOUNS
            and not any(t.pos_ in ("VERB", "AUX") for t in span)
        )

    def _addressee(self, q: Quote, direct: list[Quote]) -> bool:
        """Whether ``q`` is only whom its verb was said to ("“Why?” she asked him", "Todd
        asked the mogul", "emailed reporters"), not what was said: the words are the verb's
        object and name someone (any noun when the verb's words are a quote before it), the
        sentence ends with them ("urged them to leave", "warned China against ...", "asked him
        about ..." stay) and no quote is among them."""
        found = self._cue_and_content(q)
        if found is None or found[0].lemma_.lower() not in ADDRESSEE_VERBS:
            return False
        cue, span = found
        root = span.root
        if root.dep_ != "dobj" or root.head != cue:
            return False
        quoted = any(d.cue_start == cue.idx and d.end <= cue.idx for d in direct)
        if not (_an_agent(root) or quoted and root.pos_ in ("NOUN", "PROPN", "PRON")):
            return False
        if any(t.pos_ in ("VERB", "AUX") or self.in_quote[t.i] for t in span):
            return False
        if any(t.dep_ == "prep" and not _a_time_phrase(t) for t in span):
            return False  # "asked the mayor about the budget"
        # the sentence ends with them, but for when it was said ("emailed reporters Tuesday")
        when = [c for c in cue.children if c.i >= span.end and _a_time_phrase(c)]
        rest = [
            t
            for t in self._tokens(self.doc[span.end : root.sent.end])
            if not (t.is_punct or t.is_space)
        ]
        return all(any(w.is_ancestor(t) or w == t for w in when) for t in rest)

    def _a_quotes_report(self, q: Quote, direct: list[Quote]) -> bool:
        """Whether ``q`` is the speaker and verb of a direct quote before it, which the parse
        made what a later verb reports: "“You winning?” she said, but Kevin was drifting off
        again, and as Trump went on, Melanie said yes" gave Melanie "she said, but Kevin
        ...". Who reports that a source said something ("“…” Clinton asked, according to a
        transcript") is the source's report, and stays."""
        span = _char_span(self.doc, q.start, q.end)
        if span is None or q.cue == "according to":
            return False
        return any(
            d.cue_start == span.root.idx
            and d.speaker_start is not None
            and q.start <= d.speaker_start < q.end
            and d.end <= q.start
            for d in direct
        )

    def _drop_covered(self, indirect: list[Quote], direct: list[Quote]) -> list[Quote]:
        """Indirect contents that a direct quote already renders are left out; so are contents
        nested inside a larger indirect content."""
        kept: list[Quote] = []
        # a quote with no speaker of its own is part of the report around it
        direct = [d for d in direct if d.speaker_start is not None]
        for q in indirect:
            if q.cue == "according to" and any(
                d.via_start is not None and d.via_start == q.speaker_start and q.start <= d.end
                and d.start < q.end
                for d in direct
            ):
                continue  # the quote it holds, reported through the same source
            size = q.end - q.start
            covered = sum(max(0, min(q.end, d.end) - max(q.start, d.start)) for d in direct)
            if covered >= 0.5 * size and not self._between_parts(q, direct):
                cut = self._cut_before_its_quote(q, direct)
                if cut is not None:
                    kept.append(cut)
                continue
            kept.append(q)
        # "The senator said the bill was dead, according to the Post": the senator's report,
        # which the reader has through the Post, not the Post's report of a report
        through = {id(o): q for o in kept for q in kept if self._told_through(q, o)}
        out: list[Quote] = []
        for q in kept:
            inner = through.get(id(q))
            if inner is not None:
                q = replace(
                    inner, via=q.speaker, via_start=q.speaker_start, via_end=q.speaker_end
                )
            elif any(
                o is not q
                and o.start <= q.start
                and q.end <= o.end
                and (o.end - o.start) > (q.end - q.start)
                for o in kept
            ):
                continue
            out.append(q)
        return out
