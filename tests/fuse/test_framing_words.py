"""Framing reads the content words extraction kept as it would tag them itself."""

from __future__ import annotations

import dataclasses
import importlib

import numpy as np
import pytest

from storyfuse.model import Story


def test_framing_from_kept_words_equals_framing_from_tagging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storyfuse import extract
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Article

    framing = importlib.import_module("storyfuse.fuse.framing")
    texts = {
        "a": "The reckless plan was pushed through by the council. Critics called it a brutal "
        "attack on small shops, and residents were furious about the new taxes.",
        "b": "The council approved a modest plan for the harbour. Officials praised the careful "
        "budget and said the new taxes were fair to local shops.",
    }
    analyses = {
        aid: extract.extract(
            Article(id=aid, path=aid, format="text", text=text, content_hash=aid, title=aid)
        )
        for aid, text in texts.items()
    }
    assert all(a.words for a in analyses.values())
    assert {w.pos for a in analyses.values() for w in a.words} <= {"NOUN", "ADJ", "ADV"}
    untagged = {aid: dataclasses.replace(a, words=()) for aid, a in analyses.items()}
    story = Story(id="s", article_ids=("a", "b"))

    def cues(by_id: dict) -> list[tuple[str, ...]]:
        framing.clear_cache()
        articles = story_articles(story, by_id, lambda texts: np.ones((len(texts), 1)))
        return [f.cues for f in framing.framing(articles)]

    tagged = cues(untagged)

    def no_tagging(texts: list[str]) -> list:
        raise AssertionError(f"tagged again: {texts}")

    monkeypatch.setattr(framing, "_lemmas_of", no_tagging)
    kept = cues(analyses)
    assert kept == tagged
    assert any(c.startswith(("distinctive:", "loaded:")) for article in kept for c in article)


def test_loaded_words_are_strong_judgements_not_everyday_evaluative_words() -> None:
    """"good", "true" and "best" carry a strong valence in VADER's lexicon, as "reckless" and
    "disastrous" do, but any writing uses them: only the rarer ones say how an outlet tells it."""
    from storyfuse.fuse.framing import loaded_words

    words = {
        "a": [
            ("good", "good", "ADJ"),
            ("true", "true", "ADJ"),
            ("best", "best", "ADJ"),
            ("reckless", "reckless", "ADJ"),
            ("disastrous", "disastrous", "ADJ"),
        ],
        "b": [("plan", "plan", "NOUN"), ("modest", "modest", "ADJ")],
    }
    assert loaded_words(words) == {"a": ["reckless", "disastrous"], "b": []}


def test_units_of_time_are_not_distinctive_word_choice():
    from storyfuse.fuse.framing import distinctive_terms

    def nouns(*words: str) -> list[tuple[str, str, str]]:
        return [(w, w, "NOUN") for w in words]

    terms = distinctive_terms(
        {
            "a": nouns("week", "week", "month", "blockade", "harbour"),
            "b": nouns("harbour", "ferry", "strike"),
            "c": nouns("harbour", "ferry", "union"),
        }
    )
    assert terms["a"] == ["blockade"]  # "last week", "this month": when, not how
    assert "strike" in terms["b"] and "union" in terms["c"]


def test_a_headline_negation_is_kept_on_its_verb_not_listed_as_one() -> None:
    from storyfuse.fuse.framing import headline_cues

    cues = headline_cues("Biden to Tell Putin U.S. Won’t ‘Stand By’ on Human Rights Abuses")
    assert "headline: not stand" in cues
    assert not any("n’t" in c or "n't" in c for c in cues)


def test_a_name_the_tagger_took_for_a_verb_is_no_headline_verb() -> None:
    from storyfuse.fuse.framing import headline_cues

    headline = "Trump to allow imports of African elephant trophies"
    assert "headline: trump" in headline_cues(headline)  # as the tagger reads it
    cues = headline_cues(headline, frozenset({"Donald", "Trump"}))
    assert "headline: trump" not in cues
    assert "headline: allow" in cues


def test_a_contraction_is_no_headline_verb() -> None:
    from storyfuse.fuse.framing import headline_cues

    headline = "Sen. Ada Moss Pauses Tariff Rant To Ask Kurt Lind If She’s A Rapist"
    cues = headline_cues(headline, frozenset({"Ada", "Moss", "Kurt", "Lind"}))
    assert "headline: ask" in cues
    assert not any("’" in c or "'" in c for c in cues)


def test_a_numbers_suffix_the_tagger_took_for_a_verb_is_no_headline_verb() -> None:
    from storyfuse.fuse.framing import headline_cues

    cues = headline_cues("President Ada Moss pledges 500m more vaccine doses")
    assert "headline: pledge" in cues
    assert "headline: m" not in cues


def test_the_first_part_of_a_hyphenated_word_is_no_headline_verb() -> None:
    from storyfuse.fuse.framing import headline_cues

    cues = headline_cues("Under pressure, Moss calls neo-Nazis and KKK criminals")
    assert "headline: neo" not in cues
    assert "headline: call" in cues


def test_a_title_case_headline_is_read_in_sentence_case_but_for_its_names() -> None:
    from storyfuse.fuse.framing import headline_cues, sentence_case

    headline = "Kurds Accuse Turkey of Violating Truce as Shelling Continues in Syria"
    names = frozenset({"Turkey", "Syria"})
    assert sentence_case(headline, names) == (
        "Kurds accuse Turkey of violating truce as shelling continues in Syria"
    )
    cues = headline_cues(headline, names)
    assert {"headline: accuse", "headline: violate", "headline: continue"} <= set(cues)
    # acronyms and names in capitals stay; a headline in sentence case is left as it is
    assert sentence_case("NASA Delays Launch of U.S. Probe") == "NASA delays launch of U.S. probe"
    plain = "Pelosi asks Trump to postpone State of the Union"
    assert sentence_case(plain) == plain


def test_a_verb_after_the_headlines_opening_name_is_read_as_one() -> None:
    from storyfuse.fuse.framing import headline_cues

    # after a name the tagger reads "disbands" as a plural noun
    names = frozenset({"Trump", "Supreme", "Court", "Hong", "Kong"})
    assert "headline: disband" in headline_cues("Trump disbands business councils", names)
    assert "headline: side" in headline_cues("Supreme Court sides with police officers", names)
    # a plural noun that is the subject stays one
    cues = headline_cues("Hong Kong demonstrators defy lockdowns", names)
    assert "headline: defy" in cues
    assert "headline: demonstrator" not in cues


def test_a_participle_before_a_noun_is_no_headline_verb() -> None:
    from storyfuse.fuse.framing import headline_cues

    cues = headline_cues("Kerry faces calls to step down over leaked Iran tapes")
    assert "headline: face" in cues
    assert "headline: leak" not in cues


def test_framing_reads_the_storys_names_out_of_its_headlines() -> None:
    from storyfuse import extract
    from storyfuse.fuse.framing import framing
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Article

    text = "President Donald Trump said on Friday that imports of elephant trophies may resume."
    title = "Trump to allow imports of African elephant trophies"
    one = extract.extract(
        Article(id="a", path="a", format="text", text=text, content_hash="a", title=title)
    )
    story = story_articles(
        Story(id="s", article_ids=("a",)), {"a": one}, lambda texts: np.ones((len(texts), 1))
    )
    (cues,) = [f.cues for f in framing(story)]
    assert "headline: allow" in cues
    assert "headline: trump" not in cues


def test_the_words_of_a_persons_name_are_no_word_choice():
    # the tagger reads "Bottoms" as a common noun, whose lemma is "bottom"
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.framing import framing
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Ada Lance Bottoms told angry protesters to leave the square. Bottoms said so.",
        "b": "Protesters were told to leave the square on Sunday by the city.",
        "c": "The city cleared the square of protesters on Sunday evening.",
    }
    named = {"a": [["Ada Lance Bottoms", "PERSON"]]}
    built = {
        k: analysis({"id": k, "text": t, "entities": named.get(k, [])}) for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), built, lexical_embedder)
    cues = {f.article_id: f.cues for f in framing(story)}
    assert "distinctive: bottom" not in cues["a"]
    assert "distinctive: angry" in cues["a"]
