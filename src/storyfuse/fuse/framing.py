"""Framing: how each outlet presents the story, as short cues beside its headline.

A cue is a short string ``"<kind>: <words>"``:

- ``headline: <verb>`` — what the headline says happened, as its verbs (lemmatised, with a
  negation kept: "not deny"). "Putin acknowledges ..." and "Putin responds ..." frame one remark
  differently.
- ``distinctive: <term>`` — the words this article uses that the story's other articles do not:
  the top TF-IDF terms (lemmas of nouns and adjectives; names are entities, not word choice) of
  the article, fitted over the story's articles, among terms no more than half of the articles
  use. The units time is counted in ("day", "week", "month": ``UNIT_CODES``) are left out too:
  one article writing "last week" where another writes "on Oct. 17" dates, it does not frame.
- ``loaded: <word>`` — evaluative words the article uses and the other articles do not:
  adjectives and adverbs with a strong valence in the VADER sentiment lexicon that are not
  everyday words. "good", "true", "best", "dead" or "safe" have a strong valence too, but every
  kind of writing uses them, so one article using them and another not says little about how
  it tells the story; "reckless", "brutal" or "disastrous" do. Everyday means a Zipf frequency
  of ``EVERYDAY_ZIPF`` or more in wordfreq's English lists (about once in 100,000 words: "good"
  6.1, "dead" 5.2, "worst" 4.9, "reckless" 3.8).
"""

from __future__ import annotations

import functools

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from spacy.tokens import Token

from storyfuse.clean.lines import TITLE_SMALL_WORDS
from storyfuse.extract.times_calendar import UNIT_CODES
from storyfuse.fuse.events import parse_sentence, parse_sentences
from storyfuse.fuse.units import StoryArticles
from storyfuse.model import Framing
from storyfuse.recent import Recent

DISTINCTIVE_TERMS = 4
LOADED_WORDS = 4
# the entities whose words are names, not the headline's verbs
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
LOADED_VALENCE = 1.5  # |mean valence| in VADER's lexicon (-4 .. 4) for a word to count as loaded
EVERYDAY_ZIPF = 5.0  # wordfreq's Zipf scale: log10 of occurrences per billion words


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_EDGE_PUNCTUATION = "'\"‘’“”:;,.?!()[]"


def sentence_case(headline: str, names: frozenset[str] = frozenset()) -> str:
    """A headline in title case with its capitalised words after the first in lower case, but
    for the words of ``names``; any other headline as it is. The tagger reads a title-case word
    as a name: in "Kurds Accuse Turkey of Violating Truce as Shelling Continues in Syria" it
    found no verb."""
    words = headline.split()
    cores = [w.strip(_EDGE_PUNCTUATION) for w in words[1:]]
    # title case may leave its short words in lower case ("Fighting Flares in Syria")
    content = [c for c in cores if c[:1].isalpha() and c.lower() not in TITLE_SMALL_WORDS]
    if len(content) < 3 or not all(c[0].isupper() for c in content):
        return headline
    out = words[:1]
    for word, core in zip(words[1:], cores, strict=True):
        # "Cease-Fire" is lowered, "U.S.", "NASA", "McConnell" and the names are kept
        if core[:1].isupper() and core[1:].replace("-", "").islower() and core not in names:
            word = word.replace(core, core.lower(), 1)
        out.append(word)
    return " ".join(out)


def _subject_as_pronoun(headline: str, names: frozenset[str]) -> str:
    """A headline that opens with a name and a verb in its third person, with "It" for the
    name: after a name the tagger reads "disbands" or "sides" as a plural noun ("Trump disbands
    business councils" gave no verb, "It disbands business councils" gives "disband")."""
    words = headline.split()
    lead = 0
    while lead < len(words) and words[lead] in names:
        lead += 1
    if not (0 < lead < len(words) and words[lead].islower() and words[lead].endswith("s")):
        return headline
    # not where the word is the subject or in it: "Hong Kong demonstrators defy lockdowns",
    # "US appeals court lets Texas resume ban"
    at = len(" ".join(words[:lead])) + 1
    word = next((t for t in parse_sentence(headline) if t.idx == at), None)
    if word is None or any(t.dep_ in _SUBJECTS for t in (word, *word.ancestors)):
        return headline
    return " ".join(["It", *words[lead:]])


def headline_cues(headline: str, names: frozenset[str] = frozenset()) -> list[str]:
    """The headline's verbs; a word of ``names`` (the words of the story's named entities, as
    written) is none, however the tagger read it ("Trump to allow imports ..." is no "trump").
    A headline in title case is read in sentence case."""
    doc = parse_sentence(_subject_as_pronoun(sentence_case(headline, names), names))
    out = []
    for token in doc:
        # "be", "have", "do" carry no stance of their own, nor do their contractions, whose
        # lemma the tagger may miss ("If She’s A Rapist" gave "’s")
        if token.lemma_.lower() in ("be", "have", "do") or token.text[:1] in ("'", "’"):
            continue
        if token.is_title and token.text in names:
            continue
        # a participle as an adjective says what something is, not what happened ("Embattled
        # Gov. Northam"); a quotation mark the tagger took for a verb is no word
        if token.dep_ == "amod" or not any(ch.isalpha() for ch in token.lemma_):
            continue
        if _a_numbers_suffix(token):
            continue  # "pledges 500m more doses": the "m" of "500m" tagged a verb
        if _before_a_hyphen(token):
            continue  # "calls neo-Nazis criminals": the "neo" of "neo-Nazis" tagged a verb
        # the negation is read off the verb it belongs to ("Won’t" tags "n’t" a verb)
        if token.pos_ == "VERB" and token.dep_ != "neg":
            negated = any(c.dep_ == "neg" for c in token.children)
            out.append(f"headline: {'not ' if negated else ''}{token.lemma_.lower()}")
    return list(dict.fromkeys(out))


def _before_a_hyphen(token: Token) -> bool:
    """Whether the token is the first part of a hyphenated word ("neo-Nazis", "anti-war")."""
    doc = token.doc
    return not token.whitespace_ and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"


def _a_numbers_suffix(token: Token) -> bool:
    """Whether the token is written onto the number before it ("500m", "3bn")."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.like_num and not before.whitespace_


# verbs are left out: the distinctive ones of a story are mostly plain reporting (add, come)
_CONTENT = ("NOUN", "ADJ")
# loaded words are judgements: adjectives and adverbs ("reckless", "brutally"); a noun's valence
# in a sentiment lexicon ("agreement", "weapons") is mostly the topic's, not the outlet's
_EVALUATIVE = ("ADJ", "ADV")


Lemmas = list[tuple[str, str, str]]
# the content words of articles analysed before extraction kept them, tagged again here: kept
# for the articles of recent briefs (with the strings interned, about 30 KB an article)
_LEMMAS: Recent[str, Lemmas] = Recent(1000)


def clear_cache() -> None:
    _LEMMAS.clear()


def _content_lemmas(story: StoryArticles) -> dict[str, Lemmas]:
    """Per article, its content words as (lemma, lower-case form, part of speech): as extraction
    kept them, or tagged again for an analysis that has none."""
    untagged = [a.article.text for a in story.analyses if not a.words]
    tagged = dict(zip(untagged, _LEMMAS.many(untagged, _lemmas_of), strict=True))
    return {
        a.id: [(w.lemma, w.text, w.pos) for w in a.words] if a.words else list(tagged[a.article.text])
        for a in story.analyses
    }


def _lemmas_of(texts: list[str]) -> list[Lemmas]:
    from storyfuse.extract.nlp import TAGGING, nlp, words_of

    pipeline = nlp()
    # tags and lemmas are all this needs: the parser and the entity recogniser stay off
    skip = [name for name in pipeline.pipe_names if name not in TAGGING]
    return [
        [(w.lemma, w.text, w.pos) for w in words_of(doc)]
        for doc in pipeline.pipe(texts, disable=skip)
    ]

def distinctive_terms(
    lemmas: dict[str, list[tuple[str, str, str]]], surnames: frozenset[str] = frozenset()
) -> dict[str, list[str]]:
    """``surnames``: the lower-case words of people's names, which the tagger may read as
    common nouns ("Keisha Lance Bottoms" gave "bottom")."""
    if len(lemmas) < 2:
        return {}
    ids = list(lemmas)
    vectorizer = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True)
    matrix = vectorizer.fit_transform(
        [
            [
                lemma
                for lemma, text, pos in lemmas[a]
                if pos in _CONTENT and lemma not in UNIT_CODES and text not in surnames
            ]
            for a in ids
        ]
    )
    terms = np.array(vectorizer.get_feature_names_out())
    in_articles = np.asarray((matrix > 0).sum(axis=0)).ravel()
    out = {}
    for row, aid in enumerate(ids):
        weights = matrix[row].toarray().ravel()
        # terms most of the other articles also use say what the story is, not how it is told
        weights[in_articles > max(1, len(ids) // 2)] = 0
        top = np.argsort(-weights, kind="stable")[:DISTINCTIVE_TERMS]
        out[aid] = [str(terms[k]) for k in top if weights[k] > 0]
    return out


@functools.cache
def _valence() -> dict[str, float]:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return {}
    return dict(SentimentIntensityAnalyzer().lexicon)


@functools.cache
def _everyday(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= EVERYDAY_ZIPF


def loaded_words(lemmas: dict[str, list[tuple[str, str, str]]]) -> dict[str, list[str]]:
    lexicon = _valence()
    used = {
        aid: list(
            dict.fromkeys(
                w
                for _, w, pos in words
                if pos in _EVALUATIVE
                and abs(lexicon.get(w, 0.0)) >= LOADED_VALENCE
                and not _everyday(w)
            )
        )
        for aid, words in lemmas.items()
    }
    out = {}
    for aid, words in used.items():
        others = {w for other, ws in used.items() if other != aid for w in ws}
        out[aid] = [w for w in words if w not in others][:LOADED_WORDS]
    return out


def _name_words(story: StoryArticles, labels: frozenset[str]) -> frozenset[str]:
    """The capitalised words of the story's entities of ``labels``."""
    return frozenset(
        word
        for a in story.analyses
        for e in a.entities
        if e.label in labels
        for word in e.text.split()
        if word[:1].isupper()
    )


def framing(story: StoryArticles) -> list[Framing]:
    lemmas = _content_lemmas(story)
    people = frozenset(word.lower() for word in _name_words(story, frozenset({"PERSON"})))
    distinctive = distinctive_terms(lemmas, people)
    loaded = loaded_words(lemmas)
    out = []
    names = _name_words(story, NAME_LABELS)
    # the headlines as read, in two batches: reading a headline's opening name needs its parse
    cased = [
        sentence_case(" ".join(a.article.title.split()), names)
        for a in story.analyses
        if a.article.title
    ]
    parse_sentences(cased)
    parse_sentences(_subject_as_pronoun(h, names) for h in cased)
    for analysis in story.analyses:
        headline = " ".join(analysis.article.title.split()) if analysis.article.title else None
        cues = headline_cues(headline, names) if headline else []
        cues += [f"distinctive: {t}" for t in distinctive.get(analysis.id, [])]
        cues += [f"loaded: {w}" for w in loaded.get(analysis.id, [])]
        out.append(Framing(article_id=analysis.id, headline=headline, cues=tuple(cues)))
    return out
