"""Fuse on a second made-up story (tests/fixtures/fuse/harbour.json), lexical embedder."""

from __future__ import annotations

import pytest
from tests.fuse.builders import lexical_embedder, load

from storyfuse.fuse import fuse
from storyfuse.fuse.names import Names, definitions_in
from storyfuse.fuse.units import anchored_times
from storyfuse.model import StoryBrief


@pytest.fixture(scope="module")
def brief() -> StoryBrief:
    story, analyses = load("harbour")
    return fuse(story, analyses, embedder=lexical_embedder)


def test_one_count_in_aligned_sentences_is_one_figure_despite_unit_and_unnamed_claimant(brief):
    forty = [
        f for f in brief.figures if f.value == 40 and "tide" in f.sources and "wave" in f.sources
    ]
    assert len(forty) == 1
    figure = forty[0]
    # the named party wins over "Local reports", shown with the short form the story defines
    assert figure.claimant == "Saltmere Coast Guard (SCG)"
    # "40 already" is part of another sentence and another statement: not the same figure
    assert not any("already" in t.text for t in figure.texts)


def test_a_whole_and_its_part_in_one_sentence_are_no_conflict(brief):
    assert not [c for c in brief.conflicts if c.kind == "number"]


def test_a_name_swapped_between_outlets_is_a_who_conflict(brief):
    who = [c for c in brief.conflicts if c.kind == "who"]
    assert len(who) == 1
    assert {v.value for v in who[0].variants} == {"Ilse Brandt", "Oskar Lind"}
    assert {v.sources for v in who[0].variants} == {("tide",), ("wave",)}


def test_off_topic_dated_sentence_is_not_on_the_timeline(brief):
    assert not any("tulip" in e.text for e in brief.timeline)
    closing = [e for e in brief.timeline if e.date == "2030-04-29"]
    assert closing and {"tide", "wave"} <= set(closing[0].sources)


def test_a_date_without_year_in_an_undated_article_takes_the_story_year():
    _, analyses = load("harbour")
    undated = analyses["undated"]
    assert undated.times[0].value is None
    (mention,) = anchored_times(undated, "2030-05-02")
    assert mention.value == "2030-04-29"
    assert anchored_times(analyses["tide"], "2030-05-02") == analyses["tide"].times


def test_short_forms_defined_in_the_story():
    found = definitions_in(
        [
            "Ukraine's Defense Intelligence Directorate (HUR) said so.",
            "Troops arrived, said the Ukrainian Defense Intelligence Directorate, or GUR.",
        ]
    )
    assert found == {
        "HUR": {"Ukraine's Defense Intelligence Directorate"},
        "GUR": {"Ukrainian Defense Intelligence Directorate"},
    }
    names = Names(definitions=found)
    assert names.short_forms("Ukrainian Defense Intelligence Directorate") == {"GUR", "HUR"}
    assert names.display("Ukraine's military intelligence") == "Ukraine's military intelligence"
    # a short form alone is shown with the long name it stands for
    assert names.display("GUR") == "Ukrainian Defense Intelligence Directorate (GUR/HUR)"
    assert names.display("the HUR") == "Ukraine's Defense Intelligence Directorate (GUR/HUR)"
    # a name given with one of its short forms is shown with all of them
    assert (
        names.display("Ukrainian Defense Intelligence Directorate (HUR)")
        == "Ukrainian Defense Intelligence Directorate (GUR/HUR)"
    )
    assert names.display("Ukrainian Defense Intelligence Directorate (GUR/HUR)") == (
        "Ukrainian Defense Intelligence Directorate (GUR/HUR)"
    )
    # ... only when the story spells it out one way
    both = Names(definitions={"PCA": {"Port Control Authority", "Pacific Cycling Association"}})
    assert both.display("PCA") == "PCA"
    # a long name of two words, spelled out once, is one way too
    assert Names(definitions={"ISA": {"Irrigation Service"}}).display("ISA") == "Irrigation Service (ISA)"


def test_a_state_code_after_a_name_defines_no_short_form():
    found = definitions_in(
        [
            "“It is a mistake,” Democratic Rep. Steve Cohen (TN) told CNN.",
            "Voters in New York (NY) and the Harbour Safety Board (HSB) agreed.",
        ]
    )
    assert found == {"NY": {"New York"}, "HSB": {"Harbour Safety Board"}}


def test_a_short_form_stands_for_the_words_that_spell_it():
    found = definitions_in(
        [
            # the end of a run that spells it, past the words before
            "Norland and the Tarn-led Harbour Defence Forces (HDF) agreed.",
            # in lower case too
            "The agency's chief harbour master (CHM) resigned.",
            # a day after "on" is no part of a name, nor are the words in lower case after it
            "Norland said on Wednesday its newly built sea wall (NSWB) will hold.",
            "Tarn said on Monday the Harbour Safety Board (HSB) had met.",
            # a name beginning with a day's name spells its short form whole
            "Monday Night Ferries (MNF) sailed on.",
        ]
    )
    assert found == {
        "HDF": {"Harbour Defence Forces"},
        "CHM": {"chief harbour master"},
        "HSB": {"Harbour Safety Board"},
        "MNF": {"Monday Night Ferries"},
    }


def test_a_times_possessive_before_a_short_form_defines_no_name():
    found = definitions_in(
        [
            "Next year's cost-of-living adjustment, or COLA, will be 5.9%.",
            "Tuesday's Harbour Safety Board (HSB) meeting ran late.",
        ]
    )
    assert found == {"HSB": {"Harbour Safety Board"}}
