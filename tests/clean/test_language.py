"""An article's language: from its text, else its page's tag; another language than English
keeps its sentences and skips the English finders."""

from __future__ import annotations

import hashlib

import pytest

from storyfuse import pipeline
from storyfuse.clean import clean
from storyfuse.clean.language import declared, identified, language_of
from storyfuse.extract import nlp
from storyfuse.model import Brief, Document, reads_english
from storyfuse.render import render
from storyfuse.render.view import build_view

GERMAN = (
    "Der Stadtrat von Harwick teilte am Freitag mit, dass die Brücke über den Tamber bis zum "
    "Winter geschlossen bleibt. „Wir wissen, wie wichtig die Brücke ist“, sagte Bürgermeisterin "
    "Ana Ruiz am Donnerstag. Nach Angaben der Verwaltung seien mindestens 1.500 Pendler betroffen.\n\n"
    "Die Reparatur soll rund drei Millionen Euro kosten."
)
PORTUGUESE = (
    "A câmara municipal de Harwick anunciou na sexta-feira que a ponte sobre o rio Tamber ficará "
    "fechada até o inverno. Segundo a prefeitura, pelo menos 1.500 pessoas que trabalham na "
    "cidade vizinha serão afetadas pela decisão."
)
ENGLISH = (
    "The Harwick council said on Friday that the bridge over the Tamber will stay closed until "
    "winter. At least 1,500 commuters are affected, according to the town's figures."
)


def _document(doc_id: str, body: str, language: str | None = None) -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        format="text",
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        language=language,
    )


def test_the_text_tells_its_language_when_it_is_long_enough() -> None:
    assert identified(GERMAN) == "de"
    assert identified(PORTUGUESE) == "pt"
    assert identified(ENGLISH) == "en"
    assert identified("Brücke bleibt geschlossen") is None  # a headline is too short to tell


def test_a_text_surely_not_english_takes_the_language_given_it_most() -> None:
    """Indonesian and Malay share the identifier's belief (0.79 / 0.21); English has none."""
    indonesian = (
        "Jangan terlalu membenci satu kaum. Kita harus berlaku adil kepada semua orang, walaupun "
        "kita tidak suka kepada mereka. Biasa saja dalam mencintai dan membenci, supaya kita tidak "
        "binasa karena perasaan kita sendiri."
    )
    assert identified(indonesian) == "id"


def test_a_page_tag_counts_only_when_the_text_cannot_tell() -> None:
    assert declared("en-US") == "en" and declared("pt_BR") == "pt" and declared("") is None
    assert declared("x-klingon-1") is None
    assert language_of(ENGLISH, "de") == "en"  # a site's template tag does not overrule
    assert language_of("Brücke bleibt geschlossen", "de-DE") == "de"
    assert language_of("Bridge stays shut", None) is None
    assert reads_english(None) and reads_english("en") and not reads_english("de")


def test_an_article_in_another_language_keeps_its_sentences_and_nothing_english_reads() -> None:
    article = clean(_document("de1", GERMAN))
    assert article.language == "de"
    (analysis,) = pipeline.analyze_batch([_document("de1", GERMAN)])
    first = GERMAN.split(" „")[0]
    assert [s.text for s in analysis.sentences] == [
        first,
        "„Wir wissen, wie wichtig die Brücke ist“, sagte Bürgermeisterin Ana Ruiz am Donnerstag.",
        "Nach Angaben der Verwaltung seien mindestens 1.500 Pendler betroffen.",
        "Die Reparatur soll rund drei Millionen Euro kosten.",
    ]
    assert all(analysis.article.text[s.start : s.end] == s.text for s in analysis.sentences)
    assert (analysis.entities, analysis.quotes, analysis.claims, analysis.times) == ((), (), (), ())
    assert analysis.words == ()


def test_a_batch_parses_only_its_english_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    parse_many = nlp.parse_many

    def spy(texts):
        parsed.extend(texts)
        return parse_many(texts)

    monkeypatch.setattr(nlp, "parse_many", spy)
    docs = [_document("de1", GERMAN), _document("en1", ENGLISH), _document("en2", ENGLISH + " ")]
    analyses = pipeline.analyze_batch(docs)
    assert [a.article.language for a in analyses] == ["de", "en", "en"]
    assert len(parsed) == 2 and not any("Brücke" in t for t in parsed)
    assert analyses[1].entities and analyses[1].claims


def test_a_source_in_another_language_says_so() -> None:
    analyses, _ = pipeline.analyze_documents([_document("de1", GERMAN), _document("en1", ENGLISH)])
    brief = Brief(articles=tuple(analyses), stories=tuple(pipeline.fuse_stories(analyses)))
    md = render(brief, "md")
    assert "in de: not read for quotes, figures, dates or names" in md
    sources = {s["id"]: s for story in build_view(brief)["stories"] for s in story["sources"]}
    assert sources["en1"]["language_note"] is None
    html = render(brief, "html")
    assert "in de: not read for quotes, figures, dates or names" in html
