"""The language an article is written in: read from its text by py3langid (the identifier
trafilatura uses, its model shipped in the package), else the one its page declares.

storyfuse reads quotes, figures, dates and names with English rules and an English model; on
an article in another language they only misread it ("Der" a person, a German quotation mark
the start of a quote). Such an article is kept, shown, grouped and cited by its sentences, and
those finders are not run on it (``extract``); its source line says which language it is in.

Calibrated on the evaluation corpora. Of their 2,341 English texts (article-extraction's English
pages, PolNeAR, NeuS, ECB+, TempEval-3, the seeds), none is taken for another language: the
identifier gives another language only to two headline-length ECB+ texts, below 0.25, and 130
texts, 129 of them ECB+ headlines, are too short to tell and count as English. Of the nine
article-extraction pages in other languages (Korean, Portuguese, Italian, Indonesian, Russian,
German), eight get theirs at 0.89 or more; one Indonesian page gets Indonesian at 0.79 and
Malay at 0.21, English at next to nothing. A language the identifier gives 0.5 or more, where
it gives English less than 1 %, is therefore taken as well: no English text of those corpora
gets another language at all.
"""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_PROBABILITY = 0.8
# ... or this, when English is given less than MAX_ENGLISH (two near languages share the rest)
MIN_PROBABILITY_NOT_ENGLISH = 0.5
MAX_ENGLISH = 0.01
MIN_LETTERS = 100  # a headline or a caption is too short to tell
SAMPLE_CHARS = 1500  # the opening of the text is enough, and keeps long articles cheap


@functools.cache
def identifier() -> LanguageIdentifier:
    """The identifier, its model read once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identified(text: str) -> str | None:
    """The text's language (ISO 639 code) when the identifier is sure of it, or sure that the
    text is not English and gives that language the most, else None."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    language, probability = identifier().classify(sample)
    if probability >= MIN_PROBABILITY:
        return str(language)
    if probability >= MIN_PROBABILITY_NOT_ENGLISH and language != "en":
        english = dict(identifier().rank(sample)).get("en", 0.0)
        return str(language) if english < MAX_ENGLISH else None
    return None


def declared(tag: str | None) -> str | None:
    """A page's language tag as its primary language: "en-US" -> "en"."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def language_of(text: str, tag: str | None = None) -> str | None:
    """The language the text is in: identified from the text, else the page's declared one."""
    return identified(text) or declared(tag)

