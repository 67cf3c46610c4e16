"""The people an article names, and who a pronoun stands for: one reading for the quote and the
claim finders, so a speaker and a claimant written "she" resolve alike.

People are PERSON entities outside quote marks, and proper names the small model leaves
untagged that are the subject of a verb ("Governor Ana Lindqvist visited ..."). A pronoun
stands for the last person named before it, preferring one who was the subject of a recent
sentence ("Ada Moss met Ben Roe. She said ..." is Moss); "it" and "its" for the last
organisation; plural and first- or second-person pronouns stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from storyfuse import limits
from storyfuse.extract.names import (
    ABBREVIATIONS,
    COURTESY_GENDERS,
    FIRM_NOUNS,
    ORG_WORDS,
    ROLE_WORDS,
    a_member_for,
    an_officer_for,
    first_name_gender,
)
from storyfuse.extract.nlp import countries_and_states, place_names, text_of
from storyfuse.extract.quotes_marks import Marked, find_marked
from storyfuse.extract.quotes_verbs import QUOTE_VERBS

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
ORG_PRONOUNS = frozenset({"it"})
# Possessive pronouns that stand for someone the article names: "Her campaign", "his office".
OWNER_PRONOUNS = frozenset({"his", "her", "its"})
# pronouns that stand for no one person or organisation here
UNRESOLVED_PRONOUNS = frozenset({"they", "them", "their", "we", "i", "you", "our", "my", "your"})
FIRST_PERSON = frozenset({"i", "me", "my"})
# Whether a personal pronoun stands for a man or a woman.
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# A courtesy title before a surname: "Mr. Sanders", "Mrs. Clinton", "Ms. Nwanguma".
# "Mr. O'Brien", "Mrs. Clinton’s": the surname without a possessive ending
_TITLES = "|".join(title.capitalize() for title in COURTESY_GENDERS)  # "Mr|Mrs|Ms|Miss"
_COURTESY = re.compile(rf"\b({_TITLES})\.? ([A-Z](?:[\w-]|['’](?![sS]\b))*\w)")
_COURTESY_BEFORE = re.compile(rf"\b({_TITLES})\.? $")  # right before a name
# The labels of an interview transcript's question and answer lines ("Q: ...", "A: ..."), and
# the lines they open.
QUESTION_LABELS = frozenset({"Q", "QUESTION"})
ANSWER_LABELS = frozenset({"A", "ANSWER"})
QUESTION_LINE = re.compile(rf"^(?:{'|'.join(QUESTION_LABELS)}):\s", re.MULTILINE)
_ANSWER_LINE = re.compile(rf"^(?:{'|'.join(ANSWER_LABELS)}):\s", re.MULTILINE)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# How many sentences back a pronoun looks for a person who was a subject.
PRONOUN_REACH = 2
# Characters at most between a quotation's last word and a pronoun after it (",” she said").
CLOSING_GAP = 4
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."})
# Words by which an article names a body it has named before: "the company said", "the group
# wrote".
_BODY_NOUNS = """
    company firm corporation group organization organisation foundation agency network airline
    bank union charity association institute institution university college museum newspaper
    magazine committee commission council party league club outlet broadcaster tabloid
    publication website channel concern giant
"""
BODY_NOUNS = frozenset(_BODY_NOUNS.split())
# Of those, the words for a business, which the business news writes with what it does and
# where it is: "the Dallas oil and gas concern", "the Menlo Park, Calif., company".
COMPANY_NOUNS = frozenset({"company", "firm", "corporation", "concern", "giant"})
# Of those, the words for a body of any kind
ANY_BODY = frozenset({"group", "organization", "organisation"})
# What may follow "the company" ("the company, which ..., said"): clauses, appositions.
_BODY_EXTRAS = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj"})
# Documents whose writer "it" speaks for in the sentence after: "X wrote in the affidavit. It
# continued: ..."
DOCUMENTS = frozenset({"affidavit", "report", "letter", "memo", "complaint", "filing", "lawsuit"})
# What a body or a person puts out, which "it" may then speak for ("they put out a statement.
# “…,” it says").
ISSUED_DOCUMENTS = DOCUMENTS | {"statement", "release", "notice"}
ISSUING_VERBS = frozenset({"put", "issue", "release", "send", "publish", "post", "file", "sign"})
# Bodies and documents, either of which "it" may go on speaking for ("the newspaper admitted")
_SPEAKING_THINGS = BODY_NOUNS | DOCUMENTS
# How many sentences back "the company" looks for the body it stands for.
BODY_REACH = 3
# What a body says things in: "the company said in a statement".
_SAID_IN = frozenset({"statement", "release", "email", "post", "website", "blog", "interview"})

# Words for findings and statements a body compiles or issues: "data compiled by the Gun
# Violence Archive" are the archive's, as "figures from the health ministry" are the ministry's
# and "remarks made by Pfizer CEO Albert Bourla" Bourla's.
FINDING_NOUNS = frozenset(
    {
        "data", "datum", "figure", "statistic", "number", "record", "report", "study", "survey",
        "analysis", "estimate", "count", "tally", "poll", "research", "review", "audit",
        "projection", "forecast", "assessment", "calculation", "investigation",
        "remark", "comment", "statement", "release", "letter", "filing", "document", "memo",
    }
)  # fmt: skip
# Labels of names that can compile or issue a finding.
AUTHOR_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
# Participles that name a finding's author with "by": "compiled by", "released by"; not
# "reported by" or "obtained by" (a newspaper that reported or obtained someone's remarks).
AUTHORING = frozenset(
    {
        "compile", "release", "publish", "issue", "make", "conduct", "prepare", "produce",
        "write", "author", "file", "collect", "gather", "send", "sign", "post", "provide",
        "commission", "carry", "attribute",
    }
)  # fmt: skip


def finding_author(head: Token) -> Token | None:
    """Who compiled or issued a finding or statement a phrase names, when it says so with "by"
    or "from" and names them or a body: "data compiled by the Gun Violence Archive", "figures
    from the health ministry", "a press release from the company", "the most recent data
    available from the FBI", "a statement attributed to Trump", "a projection by the
    consulting firm Oxford Economics" (the name), "an analysis of election data by Crowdpac";
    None for "data from last year" or "a letter sent to Sen. Ada Moss"."""
    if head.lemma_.lower() not in FINDING_NOUNS or head.ent_type_:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            # "an analysis of election data by Crowdpac": the author of what is analysed
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i > head.i:
                    author = finding_author(obj)
                    if author is not None:
                        return author
            continue
        if child.dep_ == "prep":
            ways = [child]
        elif (child.dep_ == "acl" and child.lemma_.lower() in AUTHORING) or (
            child.dep_ == "amod" and child.lower_ == "available"
        ):  # "compiled by", "available from"
            ways = [c for c in child.children if c.dep_ in ("agent", "prep")]
        else:
            continue
        for way in ways:
            attributed = child.lemma_.lower() == "attribute" and way.lower_ == "to"
            if way.lower_ not in ("by", "from") and not attributed:
                continue
            for obj in way.children:
                if obj.dep_ != "pobj":
                    continue
                # "a projection by the consulting firm Oxford Economics": the firm's name
                named = [
                    c for c in obj.children if c.dep_ == "appos" and c.ent_type_ in AUTHOR_LABELS
                ]
                if named and obj.pos_ == "NOUN":
                    return named[0]
                if obj.ent_type_ in AUTHOR_LABELS or obj.lower_ in ORG_WORDS:
                    return obj
    return None


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str
    subject: bool = False  # the subject of its clause (or in apposition to it)
    main: bool = False  # ... and that clause is the sentence's own, not one reported in it


def strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "’s")) else name


def quote_mask(doc: Doc, marked: Sequence[Marked]) -> list[bool]:
    """For each token, whether it lies inside quote marks."""
    inside = [False] * len(doc)
    for m in marked:
        for a, b in m.segments:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None:
                inside[span.start : span.end] = [True] * len(span)
    return inside


def sentence_index(doc: Doc) -> dict[int, int]:
    """Each token's sentence number."""
    out: dict[int, int] = {}
    for s_i, sent in enumerate(doc.sents):
        limits.check()
        out.update(dict.fromkeys(range(sent.start, sent.end), s_i))
    return out


class People:
    """The people and organisations of one parse, for naming speakers and resolving pronouns."""

    @classmethod
    def of(cls, doc: Doc) -> People:
        """Read from the parse, with its quote marks and sentences."""
        marked = find_marked(text_of(doc))
        return cls(doc, marked, quote_mask(doc, marked), sentence_index(doc))

    def __init__(
        self,
        doc: Doc,
        marked: Sequence[Marked],
        in_quote: Sequence[bool],
        sent_of: Mapping[int, int],
    ) -> None:
        self.doc = doc
        self.marked = marked  # the quote marks, and which tokens and sentences are where
        self.in_quote = in_quote
        self.sent_of = sent_of
        # the last words of the names the model tags a person: "Trump" of "Donald Trump"
        self.tagged_surnames = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON")
        self.persons = _named_people(doc, in_quote, self.tagged_surnames)
        self._opened: dict[int, int] | None = None  # see ``_opened_at``
        self._gender_of: dict[str, str | None] | None = None  # see ``_genders``
        self._said_gender_of: dict[str, str | None] | None = None  # see ``_said_genders``
        self._kin: dict[str, str | None] | None = None  # see ``_own_gender``
        self._interviewee: tuple[str | None] | None = None  # see ``interviewee``
        self._answers: list[tuple[int, int]] | None = None  # see ``in_answer``
        self._told: list[int] | None = None  # see ``_narrative``
        self._sentences: list[Span] | None = None  # see ``_pair_before``
        self.orgs = [
            e for e in doc.ents if e.label_ == "ORG" and not all(in_quote[t.i] for t in e)
        ]

    def fullest(self, name: str, before: int, gender: str | None = None) -> str:
        """A one-word person name (or Mr./Ms. + surname) grown to the longest person name in the
        article ending with that surname, of the ``gender`` given if any (a "he" that stands
        for "Clinton" beside Bill and Hillary Clinton is Bill); the name as given when there is
        none or several."""
        parts = name.split()
        if parts and parts[0].lower().rstrip(".") + "." in HONORIFICS:
            parts = parts[1:]
        if len(parts) != 1:
            return name
        surname = parts[0]
        fuller = {
            p.name
            for p in self.persons
            if " " in p.name and p.name.split()[-1] == surname and p.start < before + 10_000
        }
        if not fuller:
            return name
        if gender is not None:
            own = {p.name: self._gender_of_person(p, {}) for p in self.persons if p.name in fuller}
            fuller = {f for f in fuller if own[f] == gender} or fuller
        longest = max(fuller, key=len)
        # Only when every fuller form agrees (one person with that surname).
        if all(f in longest for f in fuller):
            return longest
        return name

    def interviewee(self) -> str | None:
        """Who an interview transcript's answers ("A: ...") are by: in a text with question and
        answer lines, where a question speaks to someone ("you"), the person named most often
        before the first question (the first of them on a tie), in the fullest form of their
        name; None otherwise. An explainer's questions ("Q: Did Moss break the rules?") are
        the outlet's own, and so are its answers."""
        if self._interviewee is None:
            self._interviewee = (self._find_interviewee(),)
        return self._interviewee[0]

    def in_answer(self, char: int) -> bool:
        """Whether a character is in a transcript's answer: from an "A:" line to the next
        question."""
        return self.answer_end(char) is not None

    def answer_end(self, char: int) -> int | None:
        """Where the transcript's answer a character is in ends (the next question, or the end
        of the text); None outside answers."""
        if self._answers is None:
            text = text_of(self.doc)
            questions = [m.start() for m in QUESTION_LINE.finditer(text)]
            self._answers = [
                (m.start(), min((q for q in questions if q > m.start()), default=len(text)))
                for m in _ANSWER_LINE.finditer(text)
            ]
        return next((b for a, b in self._answers if a <= char < b), None)

    def _find_interviewee(self) -> str | None:
        text = text_of(self.doc)
        question = QUESTION_LINE.search(text)
        if question is None or _ANSWER_LINE.search(text, question.end()) is None:
            return None
        asked = (text[m.end() : text.find("\n", m.end())] for m in QUESTION_LINE.finditer(text))
        if not any(_SECOND_PERSON.search(line) for line in asked):
            return None
        counts: dict[str, int] = {}
        for p in self.persons:
            if p.start >= question.start():
                break
            surname = p.name.split()[-1]
            counts[surname] = counts.get(surname, 0) + 1
        if not counts:
            return None
        surname = max(counts, key=lambda s: counts[s])  # the first of the most named
        name = self.fullest(surname, question.start())
        return name if " " in name else None

    def resolve_at(self, char: int) -> str:
        """``resolve`` for the pronoun that starts at a character offset."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.resolve(span[0]) if span is not None and len(span) else ""

    def resolve(self, pron: Token) -> str:
        """Who a pronoun (or possessive pronoun) stands for; the pronoun itself when no one."""
        low = pron.lower_
        if low in FIRST_PERSON and self.in_answer(pron.idx):
            return self.interviewee() or pron.text  # "I" in an interview's answer
        if low == "they":
            return self._pair_before(pron) or pron.text
        if low in UNRESOLVED_PRONOUNS:
            return pron.text
        if low in ORG_PRONOUNS or low == "its":
            read = self._read_before(pron)
            if read is not None:
                return read
            orgs = [e for e in self.orgs if e.end_char <= pron.idx]
            document = self._document_before(pron, orgs[-1].end if orgs else 0)
            if document is not None:
                return document
            issued = self._issued_before(pron, orgs[-1].end if orgs else 0)
            if issued is not None:
                return issued
            body = self._body_speaking_before(pron, orgs[-1].end if orgs else 0)
            if body is not None:
                return body
            return orgs[-1].text if orgs else pron.text
        gender = _PRONOUN_GENDER.get(low)
        known = self._genders()
        # a speaker does not speak of themself by name: "“Mr. Floyd died from a low level of
        # oxygen,” he said" is not Floyd's
        spoken_of = self._named_in_quote(pron)
        while True:
            last = self._last_person(pron, gender, known, spoken_of)
            if last is None:
                return pron.text
            # The same pronoun as a main-clause subject, after that person (or anywhere in
            # reach when the person is no main subject), carries its own person on: in
            # "Varga spoke. He was angry. He said Vik had ... “...,” he added", the last "he"
            # is the "He" before it, and so Varga.
            chained = self._chained(pron, last.end if last.main else 0, self._told_from(pron))
            if chained is None:
                if a_member_for(last.name):  # "The California Democrat ... she said"
                    return self._described_at(last.start) or last.name
                return self._titled(self.fullest(last.name, last.start, gender), last.start)
            pron = chained

    def _last_person(
        self,
        at: Token,
        gender: str | None,
        known: Mapping[str, str | None],
        spoken_of: set[str],
        description: bool = False,
    ) -> Person | None:
        """The person a pronoun or a description at ``at`` stands for: the last named before
        it, of the ``gender`` given if any, preferring one who was the subject of a recent
        sentence: in "Ada Moss met Ben Roe. She said ..." the pronoun continues the subject;
        and among those, the subject of a sentence's own clause to one of a clause it reports
        ("Varga told reporters that Vik had signed. ... he said" is Varga)."""
        previous = [
            p
            for p in self.persons
            if p.end <= at.idx
            and (gender is None or self._gender_of_person(p, known) in (None, gender))
            and p.name.split()[-1] not in spoken_of
            and not (description and a_member_for(p.name))
        ]
        if not previous:
            return None
        s_now = self._told_from(at)
        recent = [
            p for p in previous if p.subject and s_now - self._sent_at(p.start) <= PRONOUN_REACH
        ]
        main = [p for p in recent if p.main]
        return main[-1] if main else recent[-1] if recent else previous[-1]

    def _described_at(self, char: int) -> str | None:
        """``described`` for the description whose name starts at a character offset."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span[0]
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head  # "California" of "California Democrat"
        return self.described(head)

    def described(self, head: Token, subject: bool = False) -> str | None:
        """Who a party's member for a state stands for ("US lawmaker Katie Hill has resigned.
        The California Democrat said ..."): the person a "he" or "she" there would be, when
        named within the sentences a pronoun looks back over (with ``subject``, only one who
        was the subject of a sentence there); None otherwise."""
        last = self._last_person(head, None, {}, set(), description=True)
        if last is None or self._told_from(head) - self._sent_at(last.start) > PRONOUN_REACH:
            return None
        if subject and not last.subject:
            return None
        return self._titled(self.fullest(last.name, last.start), last.start)

    def officer_named(self, head: Token) -> str | None:
        """The person the article titled with the office and state a state officer's
        description names ("Wisconsin Gov. Scott Walker" for "the Wisconsin governor"), the last
        one before it; None when it titled no one so."""
        words = [w.lower_ for w in head.doc[head.left_edge.i : head.i + 1]]
        words = [w for w in words if w not in ("the", "former")]
        office, state = words[-1], " ".join(words[:-1])
        forms = [office] + [f"{a}." for a, full in ABBREVIATIONS.items() if full == office]
        titled = re.compile(rf"\b{re.escape(state)}\s+(?:{'|'.join(map(re.escape, forms))})\s*$")
        text = text_of(self.doc).lower()
        for p in reversed(self.persons):
            if p.end <= head.idx and titled.search(text[max(0, p.start - 40) : p.start]):
                return self.fullest(p.name, p.start)
        return None

    def _pair_before(self, pron: Token) -> str | None:
        """Who "they" stands for when a recent sentence's subject is people named and joined by
        "and" ("Bill and Melinda Gates said on Monday ... “…,” they wrote"): the people as the
        subject writes them; None for any other "they" (officials, a group, a body)."""
        s_now = self._told_from(pron)
        if self._sentences is None:
            self._sentences = list(self.doc.sents)  # once a document, not at each "they"
        for sent in reversed(self._sentences[max(0, s_now - PRONOUN_REACH) : s_now + 1]):
            if sent.start >= pron.i or sent.end > pron.i or self.in_quote[sent.root.i]:
                continue  # the pronoun's own sentence, or the quotation it speaks
            for subject in (c for c in sent.root.children if c.dep_ == "nsubj"):
                together = named_together(subject)
                if together is not None:
                    return together
            return None  # the sentence before tells of someone else
        return None

    def _gender_of_person(self, p: Person, known: Mapping[str, str | None]) -> str | None:
        """A person's gender as the mention writes it: by their own first name ("Marion
        Wakeman" beside her brother Derek), unless the article says otherwise of the surname
        ("Lindsey Graham ... Graham said he"), or by the courtesy title before a surname ("Mr.
        Trump" beside Ivana Trump); else by their surname (``_genders``)."""
        words = p.name.split()
        if len(words) > 1:
            own = self._own_gender(p.name)
            said = self._said_genders().get(words[-1])
            if own is not None and said is not None and own != said:
                return None
            if own is not None or said is not None:
                return own or said
        else:
            title = self._title_before(p.start)
            if title is not None:
                return COURTESY_GENDERS[title.group(1).lower()]
        return known.get(words[-1])

    def _titled(self, name: str, start: int) -> str:
        """A surname alone with the courtesy title written before it ("Mrs. Clinton", where the
        name is the surname "Clinton"): the title tells which of two people of one surname it
        is, where "Clinton" alone does not."""
        if " " in name:
            return name
        m = self._title_before(start)
        return m.group(0) + name if m else name

    def _title_before(self, start: int) -> re.Match[str] | None:
        """The courtesy title written right before the name at ``start``, if any."""
        return _COURTESY_BEFORE.search(text_of(self.doc)[max(0, start - 6) : start])

    def _named_in_quote(self, pron: Token) -> set[str]:
        """The words of people's names in the quotation a pronoun speaks: the quoted words right
        before it ("“...,” he said") or right after its verb ("he said: “...”")."""
        out: set[str] = set()
        runs = [range(pron.i - 1, -1, -1)]
        if pron.head.i > pron.i:
            runs.append(range(pron.head.i + 1, len(self.doc)))
        for run in runs:
            seen_quote = False
            for i in run:
                t = self.doc[i]
                if self.in_quote[i]:
                    seen_quote = True
                    if t.ent_type_ == "PERSON":
                        out.add(t.text)  # not "Trump" of "Trump Tower"
                elif not (t.is_punct or t.is_space) or seen_quote:
                    break
        return out

    def owner_of(self, pron: Token) -> str | None:
        """Who a possessive pronoun ("his office", "her campaign") stands for; None when it
        stands for no one the article names."""
        owner = self.resolve(pron)
        return None if owner.lower() == pron.lower_ else owner

    def _document_before(self, pron: Token, after: int) -> str | None:
        """What "it" speaks for when the sentence before names a document later than any
        body: "Bujnowski wrote in the affidavit. It continued: “…”" is the affidavit's, and so
        its writer's; None when there is none."""
        if pron.dep_ != "nsubj" or self.in_quote[pron.i]:
            return None
        noun = self._document_noun_before(pron, after)
        if noun is None:
            return None
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB":
            # "X wrote in the affidavit"
            writers = [
                c
                for c in noun.head.head.children
                if c.dep_ == "nsubj" and (c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN")
            ]
            if writers:
                return self.fullest(writers[0].text, writers[0].idx)
        return None

    def _read_before(self, pron: Token) -> str | None:
        """What "it read" stands for: the document the sentence before names, whatever body
        that sentence names after it ("A coalition of groups sent a letter urging Congress to
        act. “…,” it read." is the letter's); None when there is none."""
        if pron.dep_ != "nsubj" or pron.head.lemma_.lower() != "read" or self.in_quote[pron.i]:
            return None
        if any(c.dep_ == "dobj" for c in pron.head.children):
            return None  # "it read the statement aloud": a reader
        noun = self._document_noun_before(pron, 0)
        return f"the {noun.lower_}" if noun is not None else None

    def _document_noun_before(
        self, pron: Token, after: int, documents: frozenset[str] = DOCUMENTS
    ) -> Token | None:
        """The last document noun outside quotes in the sentence before ``pron``'s ("letter",
        "affidavit"), none before token ``after``."""
        return next(
            (
                t
                for t in self._sentence_before(pron, after)
                if t.pos_ == "NOUN" and t.lemma_.lower() in documents and not self.in_quote[t.i]
            ),
            None,
        )

    def _issued_before(self, pron: Token, after: int) -> str | None:
        """Who put out the statement or document the sentence before names, when "it" then
        speaks: "Now they have put out another statement. “…,” it says" is theirs, not that
        of a body named before the statement; a pronoun as far as it resolves. None when that
        sentence issues no document or names no issuer."""
        if pron.dep_ != "nsubj" or self.in_quote[pron.i]:
            return None
        noun = self._document_noun_before(pron, after, ISSUED_DOCUMENTS)
        if noun is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ISSUING_VERBS:
            return None
        issuers = [c for c in noun.head.children if c.dep_ == "nsubj"]
        if not issuers:
            return None
        issuer = issuers[0]
        if issuer.pos_ == "PRON" and issuer.lower_ not in ("it", "which", "who", "that"):
            return self.resolve(issuer)
        if issuer.ent_type_ in ("PERSON", "ORG") or issuer.pos_ == "PROPN":
            return self.fullest(issuer.text, issuer.idx)
        return None

    def _body_speaking_before(self, pron: Token, after: int) -> str | None:
        """What "it" speaks for when the sentence before has a body or a document speak, later
        than any body named: "“…,” the newspaper admitted. “…,” it added" is the newspaper's,
        not the Electoral College's named before; None when there is none."""
        if pron.dep_ != "nsubj" or pron.head.lemma_.lower() not in QUOTE_VERBS:
            return None
        for t in self._sentence_before(pron, after):
            if (
                t.dep_ == "nsubj"
                and t.pos_ == "NOUN"
                and t.lemma_.lower() in _SPEAKING_THINGS
                and t.head.lemma_.lower() in QUOTE_VERBS
                and not self.in_quote[t.i]
            ):
                named = self.body_named(t)
                if named is not None:
                    return named
                return self.doc[t.left_edge.i : t.i + 1].text
        return None

    def _sentence_before(self, pron: Token, after: int) -> Iterator[Token]:
        """The words of the sentence before ``pron``'s, past any break between paragraphs (the
        parse makes one a sentence of its own), from the last back, none before token
        ``after``."""
        s_now = self.sent_of[pron.i]
        before = None
        for i in range(pron.i - 1, after - 1, -1):
            t = self.doc[i]
            if t.is_space or self.sent_of[i] == s_now:
                continue
            before = self.sent_of[i] if before is None else before
            if self.sent_of[i] != before:
                return
            yield t

    def body_named(self, head: Token) -> str | None:
        """The body "the company" or "the group" stands for (``head`` is the noun, with "the"
        and no other word but a clause or an apposition after it), among the organisations
        named outside quote marks in the sentences before (``BODY_REACH``): the
        last one whose name ends in that word ("the foundation": "the Trayvon Martin
        Foundation"), else the last one that was a source, the subject of its clause or what
        a report is "according to" ("The Trayvon Martin Foundation did not ..., telling Fox
        35 ... . “...,” the group said" is the foundation's), and whose name ends in no other
        such word; a company's noun further back, the one body the article has named, when it
        was a source; None when there is none."""
        if not (
            head.lower_ in BODY_NOUNS
            and not head.ent_type_
            and [
                c.lower_
                for c in head.children
                if c.dep_ not in _BODY_EXTRAS
                and not _a_kind_word(c, head)
                and not _where_it_said(c)
                and not (_by_the_author(head) and a_time_phrase(c))
            ]
            == ["the"]
        ):
            return None  # "the group's leader", "a group of voters", "the Clinton campaign"
        s_now = self.sent_of[head.i]
        before = [
            e
            for e in self.orgs
            if e.end_char <= head.idx
            and not any(t.tag_.startswith("VB") for t in e)  # a headline read as a name
            and e.text not in place_names()  # a town tagged a body ("Ferguson had 115 ...")
            and not self._cut_from_a_name(e)
        ]
        near = [e for e in before if s_now - self.sent_of[e.start] <= BODY_REACH]
        word = head.lemma_.lower()
        named = [e for e in near if e[-1].lemma_.lower() == word]
        # with no body a source, one that owns a subject ("Moderna’s vaccine was 95% effective,
        # the company said")
        sources = [e for e in near if _a_source(e.root)] or [
            e for e in near if _a_source(e.root, owner=True)
        ]
        if word not in ANY_BODY:
            # a body whose name says it is another kind is not this one: "the agency" is no
            # "Senate Judiciary Committee" ("the group" may be a foundation)
            sources = [e for e in sources if e[-1].lemma_.lower() not in BODY_NOUNS]
        last = (named or sources)[-1:]
        if not last and word in COMPANY_NOUNS and len({e.text for e in before}) == 1:
            # the one body the article has named, however far back, when it was a source or a
            # subject ("Microsoft has said ... . The patch ... . “...,” said the company")
            last = [e for e in before if _a_source(e.root)][-1:]
        return last[0].text if last else None

    def _cut_from_a_name(self, e: Span) -> bool:
        """A body tagged in the first words of a longer name, the rest left untagged: "House"
        of "the conservative House Freedom Caucus"."""
        return e.end < len(self.doc) and self.doc[e.end].pos_ == "PROPN" and self.doc[e.end].is_title

    def _chained(self, pron: Token, after: int, s_now: int) -> Token | None:
        """The last pronoun of the same word before ``pron`` and after character ``after``
        that is the subject of its sentence's own clause, outside quote marks, within the
        sentences a pronoun looks back over, counting only those with words outside quote
        marks: a speaker's own sentences quoted in between do not move the narrative on."""
        told = self._narrative()
        for t in reversed(self.doc[: pron.i]):
            if t.idx < after or told[s_now] - told[self.sent_of[t.i]] > PRONOUN_REACH:
                return None
            if (
                t.lower_ == pron.lower_
                and t.dep_ in ("nsubj", "nsubjpass")
                and not self.in_quote[t.i]
                and _main_clause(t.head)
            ):
                return t
        return None

    def _narrative(self) -> list[int]:
        """For each sentence, how many sentences up to it have a word outside quote marks."""
        if self._told is None:
            told, count = [], 0
            for sent in self.doc.sents:
                if any(not self.in_quote[t.i] for t in sent if not (t.is_punct or t.is_space)):
                    count += 1
                told.append(count)
            self._told = told
        return self._told

    def _genders(self) -> dict[str, str | None]:
        """Surnames the article writes with a courtesy title ("Mrs. Clinton", "Mr. Sanders") or
        whose reported speech has a "he" or "she" for its subject ("Sarah Palin said she ...")
        and whether that makes them a man or a woman (``_said_genders``); else the gender of
        the first name of the surname's one full name (``names.first_name_gender``: "Brett
        Kavanaugh"). Not a surname given both, nor one that two people of the article share
        ("Phyllis Schlafly" and her son John)."""
        if self._gender_of is None:
            said = self._said_genders()
            self._gender_of = dict(said)
            full: dict[str, set[str]] = {}
            for p in self.persons:
                words = p.name.split()
                if len(words) > 1:
                    full.setdefault(words[-1], set()).add(p.name)
            for surname, names in full.items():
                longest = max(names, key=len)
                if len(names) > 1 and not all(n in longest for n in names):
                    self._gender_of[surname] = None
                    continue
                own = self._own_gender(longest)
                if own is not None and said.get(surname, own) != own:
                    self._gender_of[surname] = None  # "Lindsey Graham ... Graham said he"
                elif own is not None:
                    self._gender_of[surname] = own
        return self._gender_of

    def _own_gender(self, name: str) -> str | None:
        """A full name's gender by its first name, else by a word of kin the article writes
        beside it ("her son, filmmaker Charlie McDowell")."""
        own = _first_name_gender(name.split())
        if own is None:
            if self._kin is None:
                self._kin = _kin_genders(self.doc)
            own = self._kin.get(name)
        return own

    def _said_genders(self) -> dict[str, str | None]:
        """The genders the article itself gives surnames: by a courtesy title or by the
        pronoun of the speaker's reported speech (see ``_genders``)."""
        if self._said_gender_of is None:
            self._said_gender_of = {}
            for m in _COURTESY.finditer(text_of(self.doc)):
                gender = COURTESY_GENDERS[m.group(1).lower()]
                surname = m.group(2)
                seen = self._said_gender_of.get(surname, gender)
                self._said_gender_of[surname] = gender if seen == gender else None
            for surname, said in _reported_genders(self.doc, self.in_quote).items():
                seen = self._said_gender_of.get(surname, said)
                self._said_gender_of[surname] = said if seen == said else None
        return self._said_gender_of

    def _told_from(self, pron: Token) -> int:
        """The sentence a pronoun is read from: its own, or, right after a quotation of several
        sentences ("“How many times ...? In Tulsa, ...? ...,” she said"), the sentence the
        quotation opens in, where the narrative left off (the speaker's own words do not move
        it on)."""
        own = self.sent_of[pron.i]
        opened = self._opened_at()
        for at in range(pron.idx, pron.idx - CLOSING_GAP - 1, -1):
            if at in opened:
                return min(own, self._sent_at(opened[at]))
        return own

    def _opened_at(self) -> dict[int, int]:
        """Where each closed quotation opens, by where it ends: read once, not at each pronoun."""
        if self._opened is None:
            self._opened = {}
            for m in self.marked:
                if m.closed:
                    self._opened.setdefault(m.end, m.start)
        return self._opened

    def _sent_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.sent_of[span[0].i] if span is not None and len(span) else 0


def _where_it_said(prep: Token) -> bool:
    """ "in a statement", "on its website": where a body said something, which the parse may
    hang on the body's noun ("the company in a statement")."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "on") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _SAID_IN for o in prep.children
    )


def _by_the_author(noun: Token) -> bool:
    """Whether a noun names who made a finding: "a survey by the organization"."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "by"
        and noun.head.head.lemma_.lower() in FINDING_NOUNS
    )


def a_time_phrase(child: Token) -> bool:
    """A time phrase attached to a name: "on Monday", "last week", "four years ago", or a
    name's possessive of a time: "Sunday's Washington Post" ("Friday's ruling" stays)."""
    if child.dep_ in ("npadvmod", "advmod") and child.ent_type_ in ("DATE", "TIME"):
        return True
    if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
        return child.head.ent_type_ not in ("", "DATE", "TIME")
    if child.dep_ != "prep" or child.lower_ not in ("on", "in", "at", "during"):
        return False
    objs = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objs) and objs[0].ent_type_ in ("DATE", "TIME")


def _a_kind_word(word: Token, head: Token) -> bool:
    """A lower-case adjective before a body's noun that says what kind of body it is: "the
    conservative publication", "the conservative-leaning newspaper" (not "the Clinton
    campaign", nor a noun: "the police union" is no union named before it). A company's noun
    also takes what the company does and where it is: "the Dallas oil and gas concern", "the
    Menlo Park, Calif., company", "the New York-based company", "the consumer-products
    company" (not "the Trump company")."""
    if word.i > head.i:
        return False
    if word.dep_ == "amod" and word.is_lower and word.is_alpha and not word.ent_type_:
        return True
    if head.lower_ not in COMPANY_NOUNS or word.dep_ not in ("amod", "compound", "nmod"):
        return False
    return all(
        t.ent_type_ in ("GPE", "LOC", "NORP")
        or (not t.ent_type_ and (t.is_lower or t.is_punct))
        for t in word.subtree
    )


def named_together(subject: Token) -> str | None:
    """People a subject names and joins by "and" ("Bill and Melinda Gates", "Cruz, Trump and
    Rubio"), as written; None for any other subject."""
    words = list(subject.subtree)
    named = sum(t.ent_iob_ == "B" and t.ent_type_ == "PERSON" for t in words)
    if (
        named >= 2
        and any(t.lower_ == "and" for t in words)
        and all(t.ent_type_ == "PERSON" or t.lower_ in ("and", ",") for t in words)
    ):
        return text_of(subject.doc)[words[0].idx : words[-1].idx + len(words[-1])]
    return None


def _first_name_gender(words: Sequence[str]) -> str | None:
    """The gender of a full name's first name; none of a title ("Dr. Ada Moss", "Judge ...")
    or a function word the model ran into a name ("Neither Cruz")."""
    first = words[0].lower()
    if first in HONORIFICS or first in ROLE_WORDS or first in STOP_WORDS:
        return None
    return first_name_gender(words[0])


def _a_source(root: Token, owner: bool = False) -> bool:
    """A name that is the subject of its clause, or part of one ("the Twitter spokesman"),
    what something is "according to", or where something said or counted is from ("data
    available from the FBI"); with ``owner``, also the owner of a subject ("Moderna’s
    vaccine")."""
    links = ("compound", "poss") if owner else ("compound",)
    while root.dep_ in links and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    # "according to the FBI", "data from the FBI", "a statement from the company"
    if (prep.lower_ == "to" and prep.head.lower_ == "according") or (
        prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "ADJ")
    ):
        return True
    # who made a finding: "The poll, released on Wednesday by the Public Policy Institute"
    return prep.lower_ == "by" and any(
        (author := finding_author(noun)) is not None and author.i == root.i
        for noun in (prep.head, prep.head.head)
    )


def _reported_genders(doc: Doc, in_quote: Sequence[bool]) -> dict[str, str | None]:
    """Surnames the article's reported speech gives a gender: "Sarah Palin said she would
    ...", where the subject of what a named person said is "he" or "she". Such a pronoun is
    nearly always the speaker ("Palin said he ..." speaks of someone else, and is rarer); a
    surname with both is left without a gender."""
    votes: dict[str, set[str]] = {}
    for t in doc:
        gender = _PRONOUN_GENDER.get(t.lower_)
        if gender is None or t.dep_ != "nsubj" or in_quote[t.i]:
            continue
        clause = t.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in QUOTE_VERBS:
            continue
        for speaker in verb.children:  # the surname: the last word of the name, its head
            if speaker.dep_ == "nsubj" and speaker.ent_type_ == "PERSON":
                votes.setdefault(speaker.text, set()).add(gender)
    return {surname: next(iter(g)) if len(g) == 1 else None for surname, g in votes.items()}


# Kin by gender: "Steenburgen's son, filmmaker Charlie McDowell" is a man.
_MEN_KIN = "son husband brother father grandson grandfather nephew uncle boyfriend stepson widower"
_WOMEN_KIN = "daughter wife sister mother granddaughter grandmother niece aunt girlfriend widow"
_KIN_GENDERS = {
    **{word: "m" for word in _MEN_KIN.split()},
    **{word: "f" for word in _WOMEN_KIN.split()},
}
# How a word before a name may hang on it: "son" of "Steenburgen's son, filmmaker Charlie McDowell"
_BEFORE_A_NAME = frozenset({"compound", "nmod", "appos", "amod"})


def _kin_genders(doc: Doc) -> dict[str, str | None]:
    """The genders the article gives people it names beside a word of kin ("her son,
    filmmaker Charlie McDowell", "Ada Moss, his widow,"), by the name as written; a name given
    both is given neither."""
    out: dict[str, str | None] = {}
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        root = e.root
        words = [c for c in root.children if c.dep_ == "appos" and c.i >= e.end]
        if root.dep_ == "appos":
            words.append(root.head)
        for t in root.subtree:
            if t.i >= e.start:
                break
            up = t
            while up.i != root.i and up.dep_ in _BEFORE_A_NAME and up.head.i > up.i:
                up = up.head
            if up.i == root.i:
                words.append(t)
        name = strip_possessive(e.text.rstrip(" '\"’”"))
        for word in words:
            gender = _KIN_GENDERS.get(word.lemma_.lower()) if word.pos_ == "NOUN" else None
            if gender is not None:
                out[name] = gender if out.get(name, gender) == gender else None
    return out


# A lawmaker's party and state as news writes them after the name: "R-Conn.", "D-N.Y.", "I-Vt."
_PARTY_AND_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]{0,5}$")


def _named_people(
    doc: Doc, in_quote: Sequence[bool], tagged_surnames: frozenset[str]
) -> list[Person]:
    """People named in the article outside quotes, in text order: PERSON entities, and proper
    names that are the subject of a verb and not tagged as another kind of entity (the small
    model misses many names: "Governor Ana Lindqvist visited ...")."""
    found: dict[int, Person] = {}
    companies = _company_first_words(doc)
    for e in doc.ents:
        if _PARTY_AND_STATE.match(e.text):
            continue  # "(R-Conn.)" after a lawmaker's name, tagged as a person
        if e.label_ == "PERSON" and e.text in companies:
            continue  # "Hewlett announced ..." after "Hewlett-Packard Co.": the company
        if e.label_ == "PERSON" and not all(in_quote[t.i] for t in e):
            root = e.root
            if _names_a_thing(root):
                continue  # "the White House James S. Brady briefing room"
            if root.dep_ == "appos":
                root = root.head
            misread = _subject_misread(root)
            found[e.start_char] = Person(
                e.start_char,
                e.end_char,
                strip_possessive(e.text.rstrip(" '\"’”")),
                subject=root.dep_ in ("nsubj", "nsubjpass") or misread,
                main=(root.dep_ in ("nsubj", "nsubjpass") and _main_clause(root.head)) or misread,
            )
    for t in doc:
        if t.dep_ not in ("nsubj", "appos") or in_quote[t.i]:
            continue
        if t.pos_ != "PROPN" and not (t.text in tagged_surnames and t.is_title):
            continue
        if t.ent_type_ == "PERSON":
            continue
        if t.ent_type_ and not _person_slot(t):
            continue
        words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
        if words[0].lower_ in FIRM_NOUNS and words[0].is_sent_start and len(words) > 1:
            continue  # "Drugmaker Halvorsen said": a company, its name tagged a body
        while len(words) > 1 and words[0].lower_.rstrip(".") in ROLE_WORDS:
            words = words[1:]
        if any(w.lower_ in ORG_WORDS or not w.text.istitle() for w in words):
            continue
        if (
            t.ent_type_ in ("GPE", "LOC")
            and " ".join(w.text for w in words) in countries_and_states()
            and t.text not in tagged_surnames
        ):
            continue  # a country in a verb's slot ("the United States would continue to be")
        # one word is a name where it is a surname the model tags a person elsewhere ("“…,”
        # Trump shot back", untagged)
        if (len(words) < 2 and t.text not in tagged_surnames) or any(
            found_start <= words[0].idx < p.end for found_start, p in found.items()
        ):
            continue
        start, end = words[0].idx, t.idx + len(t.text)
        if _PARTY_AND_STATE.match(text_of(doc)[start:end]):
            continue
        found[start] = Person(
            start, end, text_of(doc)[start:end], subject=True, main=_main_clause(t.head)
        )
    return [found[k] for k in sorted(found)]


def a_party_member(head: Token) -> bool:
    """Whether a subject is a party's member for a U.S. state, as news calls a lawmaker it has
    just named: "the California Democrat", "the moderate West Virginia Democrat"; not "a Nevada
    Democrat", one of many. What such a member owns speaks as the member ("the Nevada
    Democrat's biggest takeaway"), but a person they own does not ("the Arizona Republican's
    daughter, Meghan McCain")."""
    words = list(head.doc[head.left_edge.i : head.i + 1])
    if not words or words[0].lower_ != "the" or _another_person(head):
        return False
    return a_member_for(" ".join(w.text for w in words[1:] if not w.is_lower))


def a_state_officer(head: Token) -> bool:
    """Whether a subject is a U.S. state's officer, serving or former, as news calls a person it
    has just named: "Sen. Mitt Romney, Utah Republican, said ... The former Massachusetts
    governor shared his reaction"."""
    words = list(head.doc[head.left_edge.i : head.i + 1])
    if not words or words[0].lower_ != "the":
        return False
    return an_officer_for(" ".join(w.text for w in words))


def _another_person(head: Token) -> bool:
    """Whether a common noun is a person of its own: kin, a role, or one an apposition names."""
    return head.is_lower and (
        head.lower_ in _KIN_GENDERS
        or head.lower_ in ROLE_WORDS
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
    )


def _company_first_words(doc: Doc) -> frozenset[str]:
    """The first names of the document's bodies named for two people joined by a hyphen
    ("Hewlett" of "Hewlett-Packard Co."), that no person's full name it tags ends with: such a
    name alone names the body ("Hewlett announced ...")."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    words = {
        e[0].text
        for e in doc.ents
        if e.label_ == "ORG" and len(e) > 2 and e[1].text in ("-", "–") and not e[0].whitespace_
    }
    return frozenset(w for w in words if w.istitle() and w not in surnames)


# Things named after a person: "the James S. Brady briefing room", "the John F. Kennedy Center"
NAMED_THINGS = frozenset(
    {
        "room", "hall", "center", "centre", "building", "library", "airport", "bridge",
        "stadium", "arena", "prize", "award", "medal", "doctrine", "rule", "school",
        "institute", "museum", "memorial", "highway", "street", "avenue", "park",
    }
)  # fmt: skip


def _names_a_thing(root: Token) -> bool:
    """A person's full name that names the thing after it, a room or a prize ("the James S.
    Brady briefing room"): no mention of the person a pronoun may stand for."""
    head = root.head
    return (
        root.dep_ == "compound"
        and head.i > root.i
        and head.lemma_.lower() in NAMED_THINGS
        and root.i - root.left_edge.i >= 1
    )


def _subject_misread(name: Token) -> bool:
    """A name the parser made a sentence's root with its verb as a participle describing it:
    "President Trump named Amy Coney Barrett as his nominee" (``named`` an ``acl`` of Trump,
    with an object of its own) is Trump naming her, the subject of the sentence."""
    return name.dep_ == "ROOT" and any(
        c.dep_ == "acl"
        and c.i == name.i + 1
        and c.tag_ in ("VBD", "VBN")
        and any(o.dep_ == "dobj" for o in c.children)
        for c in name.children
    )


def _main_clause(verb: Token) -> bool:
    """Whether a verb heads its sentence's own clause (or one joined to it by "and"), not a
    clause reported or embedded in it."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _person_slot(t: Token) -> bool:
    """A proper name where only a person fits, whatever the entity tagger said: in apposition
    to a role ("the minister of defense, Ruben Brekelmans,") or the subject of a reporting
    verb."""
    if t.dep_ == "appos":
        return t.head.lemma_.lower() in ROLE_WORDS
    # an organisation that "reported" is an outlet ("Business Insider reported"), as tagged
    return t.head.lemma_.lower() in QUOTE_VERBS and not (
        t.ent_type_ == "ORG" and t.head.lemma_.lower() == "report"
    )
