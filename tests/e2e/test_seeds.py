"""Acceptance on the bundled example: what a reader of the seed brief must find in it.

The example is five outlets' reports of one event. These checks read the brief the way a
reader would; nothing in the code knows about these files.
"""

from __future__ import annotations

import re

from tests.e2e.conftest import REPO


def _story(brief: dict) -> dict:
    assert len(brief["stories"]) == 1, [s["article_ids"] for s in brief["stories"]]
    return brief["stories"][0]


def test_all_five_seeds_are_one_story(seeds_brief):
    assert len(_story(seeds_brief)["article_ids"]) == 5


def test_images_remark_is_one_quote_with_five_renderings(seeds_brief):
    groups = [
        q for q in _story(seeds_brief)["quotes"]
        if any(re.search(r"images are a serious", v["text"], re.IGNORECASE) for v in q["variants"])
    ]
    assert len(groups) == 1, groups
    group = groups[0]
    assert "Putin" in (group["speaker"] or "")
    sources = {s for v in group["variants"] for s in v["sources"]}
    assert len(sources) == 5, group


def test_twelve_thousand_troops_is_one_figure_from_hur_backed_by_four(seeds_brief):
    figures = [f for f in _story(seeds_brief)["figures"] if f["value"] == 12000 and f["unit"] in ("troop", "soldier")]
    assert len(figures) == 1, figures
    figure = figures[0]
    assert len(set(figure["sources"])) == 4
    assert "HUR" in (figure["claimant"] or "") or "intelligence" in (figure["claimant"] or "").lower()


def test_other_troop_figures_keep_their_claimants(seeds_brief):
    values = {f["value"] for f in _story(seeds_brief)["figures"] if f["unit"] in ("troop", "soldier")}
    assert {1500, 3000, 12000} <= values


def test_treaty_signing_date_conflict(seeds_brief):
    conflicts = _story(seeds_brief)["conflicts"]
    dated = [
        c for c in conflicts
        if {"2024-06-18", "2024-06-19"} <= {v["value"][:10] for v in c["variants"]}
    ]
    assert dated, [c["about"] for c in conflicts]


def test_no_2025_item_reaches_the_timeline(seeds_brief):
    timeline = _story(seeds_brief)["timeline"]
    assert timeline
    assert not [t for t in timeline if t["date"].startswith("2025")]


def test_every_summary_sentence_cites_a_source(seeds_brief):
    story = _story(seeds_brief)
    assert 3 <= len(story["summary"]) <= 10
    ids = set(story["article_ids"])
    for sentence in story["summary"]:
        assert sentence["sources"] and set(sentence["sources"]) <= ids


def test_clutter_is_removed_with_reasons(seeds_brief):
    for article in seeds_brief["articles"]:
        assert "Skip to content" not in article["text"]
        assert "News Feed" not in article["text"]
        for removed in article["removed"]:
            assert removed["reason"].strip()


def test_publication_dates_are_recovered(seeds_brief):
    dated = [a for a in seeds_brief["articles"] if a["published"]]
    assert len(dated) >= 3
    for article in dated:
        assert article["published"].startswith("2024-10")
        assert article["published_from"] in ("metadata", "text", "inferred", "given")


def test_the_readme_excerpt_is_what_the_demo_prints(seeds_markdown):
    """Every line of the README's demo excerpt, in order, except the "…" lines that stand for
    what it leaves out."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("<!-- demo-excerpt:start -->")[1].split("<!-- demo-excerpt:end -->")[0]
    wanted = [
        line for line in excerpt.strip().strip("`").removeprefix("markdown").splitlines()
        if line.strip() and not re.fullmatch(r"\s*[-|] ….*", line)
    ]
    assert len(wanted) > 20
    lines = iter(seeds_markdown.splitlines())
    for line in wanted:
        assert any(line == got for got in lines), f"not in the demo's brief.md, in order: {line}"
