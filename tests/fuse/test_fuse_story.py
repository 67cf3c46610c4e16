"""The fuse stage on a made-up story told by four outlets (tests/fixtures/fuse/valdoria.json).

A deterministic lexical embedder stands in for the sentence model, so these run in well under a
second; test_fuse_real_model.py runs the real one.
"""

from __future__ import annotations

import pytest
from tests.fuse.builders import lexical_embedder, load

from storyfuse.fuse import fuse
from storyfuse.model import StoryBrief


@pytest.fixture(scope="module")
def brief() -> StoryBrief:
    story, analyses = load("valdoria")
    return fuse(story, analyses, embedder=lexical_embedder)


def test_figure_backed_by_several_articles_with_differently_written_claimants(brief):
    troops = [f for f in brief.figures if f.unit == "troop" and f.value == 4000]
    assert len(troops) == 1
    figure = troops[0]
    # "Kestrel's Defence Intelligence Agency (KDIA)", "the Kestrel Defence Intelligence Agency"
    # and "KDIA" are one claimant; the copy of the Herald adds no support
    assert figure.sources == ("herald", "ledger", "post")
    assert set(figure.qualifier.split(" / ")) == {"nearly", "about", "approximately"}
    # each qualifier with the outlet that writes it
    assert {(q.text, q.sources) for q in figure.qualifiers} == {
        ("nearly", ("herald",)), ("about", ("ledger",)), ("approximately", ("post",))
    }
    assert figure.date == "2031-03-11"
    assert {c.sources[0] for c in figure.texts} == {"herald", "ledger", "post"}


def test_figures_of_other_values_or_things_stay_separate(brief):
    keys = {(f.value, f.unit) for f in brief.figures}
    assert (6000.0, "troop") in keys
    assert (2500.0, "refugee") in keys
    refugees = next(f for f in brief.figures if f.unit == "refugee")
    assert refugees.claimant == "United Nations"


def test_date_conflict_for_one_event_dated_differently(brief):
    dates = [c for c in brief.conflicts if c.kind == "date"]
    assert len(dates) == 1
    variants = {v.value: v.sources for v in dates[0].variants}
    assert variants == {"2031-03-03": ("herald", "post"), "2031-03-04": ("ledger",)}
    assert "accord" in dates[0].about


def test_number_conflict_shows_claimant_and_date_on_each_variant(brief):
    numbers = [c for c in brief.conflicts if c.kind == "number"]
    assert len(numbers) == 1
    values = [v.value for v in numbers[0].variants]
    assert values[0].startswith("4,000 (") and "2031-03-11" in values[0]
    assert values[1].startswith("6,000 (") and "KDIA" in values[1]
    assert numbers[0].variants[0].sources == ("herald", "ledger", "post")
    # the refugees counted by the UN answer another question
    assert not any("2,500" in v.value for v in numbers[0].variants)


def test_quote_renderings_in_different_translations_are_one_utterance(brief):
    assert len(brief.quotes) == 1
    group = brief.quotes[0]
    assert group.speaker == "Mara Ilves"
    # identical renderings merge their sources; the other translation is its own variant
    assert [v.sources for v in group.variants] == [("herald", "post"), ("ledger",)]


def test_timeline_drops_items_far_outside_the_story_and_is_in_date_order(brief):
    dates = [e.date for e in brief.timeline]
    assert not any(d.startswith("2032") for d in dates)
    assert dates == sorted(dates)
    closing = [e for e in brief.timeline if e.date == "2031-03-10"]
    assert len(closing) == 1 and closing[0].sources == ("herald", "ledger")


def test_facts_count_distinct_articles_and_never_count_a_conflicting_sentence(brief):
    top = brief.facts[0]
    assert "4,000" in top.text
    assert top.support == 3 and set(top.sources) == {"herald", "ledger", "post"}
    for fact in brief.facts:
        assert "herald-copy" not in fact.sources
        # the Ledger dates the signing March 4: it supports no "March 3" statement
        if "March 3" in fact.text:
            assert "ledger" not in fact.sources


def test_summary_cites_every_article_that_states_each_sentence(brief):
    assert 3 <= len(brief.summary) <= 8
    assert all(s.sources for s in brief.summary)
    troops = [s for s in brief.summary if "4,000" in s.text]
    assert troops and set(troops[0].sources) == {"herald", "ledger", "post"}
    for sentence in brief.summary:
        if '"' in sentence.text:
            assert "Mara Ilves" in sentence.text  # no quotation without its speaker


def test_entities_framing_title_and_duplicates(brief):
    names = {e.name: e for e in brief.entities}
    assert names["Valdoria"].label == "GPE"
    assert names["Valdoria"].sources == ("herald", "ledger", "post", "courier")
    assert [f.article_id for f in brief.framing] == ["herald", "ledger", "post", "courier"]
    herald = brief.framing[0]
    assert herald.headline == "Valdoria masses troops on Kestrel border"
    assert "headline: mass" in herald.cues
    assert "loaded: reckless" in herald.cues
    assert any(c.startswith("distinctive: ") for c in herald.cues)
    assert brief.title in {f.headline for f in brief.framing}
    assert brief.duplicates == {"herald-copy": "herald"}
    assert brief.article_ids[-1] == "herald-copy"
