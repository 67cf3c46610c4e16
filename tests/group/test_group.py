import datetime as dt
import zlib
from dataclasses import replace

import numpy as np
from tests.group.builders import syndicated_copy

from storyfuse.group import (
    ArticleFeatures,
    GroupConfig,
    StoryIndex,
    features_of,
    group,
    group_features,
)
from storyfuse.group.index import length_gain
from storyfuse.model import Analysis


def story_of(stories, article_id):
    return next(s for s in stories if article_id in s.article_ids)


def test_same_event_articles_join_and_unrelated_ones_split(flood, chess, unrelated) -> None:
    stories = group([*flood, *chess, unrelated])
    memberships = sorted(sorted(s.article_ids) for s in stories)
    assert memberships == [
        ["bank-1"],
        ["chess-1", "chess-2"],
        ["flood-1", "flood-2", "flood-3"],
    ]


def test_adding_an_unrelated_article_changes_nothing_in_the_first_story(flood, unrelated) -> None:
    before = group(flood)
    after = group([*flood, unrelated])
    assert len(before) == 1
    assert story_of(after, "flood-1") == before[0]
    assert len(after) == 2


def test_grouping_is_independent_of_input_order(flood, chess, unrelated) -> None:
    articles = [*flood, *chess, unrelated]
    assert group(articles) == group(list(reversed(articles)))


def test_syndicated_copy_is_a_duplicate_of_the_earlier_article(flood, chess) -> None:
    copy = syndicated_copy(flood[0], "flood-1-wire", "2024-03-05")
    stories = group([*flood, copy, *chess])
    flood_story = story_of(stories, "flood-1")
    assert "flood-1-wire" in flood_story.article_ids
    assert flood_story.duplicates == {"flood-1-wire": "flood-1"}
    assert story_of(stories, "chess-1").duplicates == {}


def test_articles_far_apart_in_time_do_not_join(flood) -> None:
    late = [
        replace(a, article=replace(a.article, id=a.id + "-next-year", published="2025-03-05"))
        for a in flood[1:]
    ]
    stories = group([flood[0], *late])
    assert story_of(stories, "flood-1") != story_of(stories, "flood-2-next-year")


def test_online_index_matches_batch_and_consolidation_merges(flood, chess) -> None:
    articles: list[Analysis] = [*flood, *chess]
    features = features_of(articles)
    index = StoryIndex()
    ids = [index.add(f) for f in features]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    index.consolidate()
    assert index.stories() == group(articles)


def test_consolidation_merges_stories_that_were_kept_apart(flood) -> None:
    features = features_of(flood)
    # Nothing may join at first: each article starts a story; a lower merge threshold then
    # lets consolidation bring them together.
    index = StoryIndex(GroupConfig(join_threshold=2.0, merge_threshold=0.2))
    for f in features:
        index.add(f)
    assert len(index.stories()) == 3
    index.consolidate()
    assert [sorted(s.article_ids) for s in index.stories()] == [["flood-1", "flood-2", "flood-3"]]


def test_consolidation_splits_members_that_do_not_fit(flood, unrelated) -> None:
    features = features_of([*flood, unrelated])
    # everything joins the first story
    index = StoryIndex(GroupConfig(join_threshold=-1.0, people_apart=False))
    for f in features:
        index.add(f)
    assert len(index.stories()) == 1
    index.config = GroupConfig()
    index.consolidate()
    assert sorted(sorted(s.article_ids) for s in index.stories()) == [
        ["bank-1"],
        ["flood-1", "flood-2", "flood-3"],
    ]


def test_restore_rebuilds_the_same_stories(flood, chess) -> None:
    articles = [*flood, *chess]
    features = features_of(articles)
    stories = group(articles)
    story_key = {a: s.id for s in stories for a in s.article_ids}
    index = StoryIndex()
    for f in features:
        index.restore(f, story_key[f.id])
    assert index.stories() == stories


def test_the_same_text_a_year_later_is_not_a_copy_in_the_story(flood) -> None:
    original = flood[0]
    rerun = replace(
        original, article=replace(original.article, id="flood-1-rerun", published="2025-03-04")
    )
    stories = group([original, rerun])
    assert len(stories) == 2
    assert all(s.duplicates == {} for s in stories)


def test_a_short_lead_gains_lexical_weight_and_a_long_one_does_not(flood, short_chess) -> None:
    config = GroupConfig(length_pivot=30, max_length_gain=1.6)
    report = flood[0].article
    long_report = replace(
        flood[0], article=replace(report, text=" ".join(a.article.text for a in flood))
    )
    long_lead, short_lead = features_of([long_report, short_chess[1]])
    assert sum(1 for t in long_lead.terms if not t.startswith("e:")) >= 30
    assert length_gain(long_lead.terms, config) == 1.0
    words = sum(1 for t in short_lead.terms if not t.startswith("e:"))
    assert words < 30 / 1.6
    assert length_gain(short_lead.terms, config) == 1.6  # capped
    assert length_gain(short_lead.terms, replace(config, max_length_gain=10.0)) == 30 / words
    assert length_gain(short_lead.terms, replace(config, length_pivot=0)) == 1.0


def test_two_short_reports_of_one_event_join_through_the_length_gain(
    flood, unrelated, short_chess
) -> None:
    # One sentence each: they share the winner's name, the tournament and little else.
    features = features_of([*flood, unrelated, *short_chess])
    with_gain = group_features(features, GroupConfig())
    assert ["chess-short-1", "chess-short-2"] in [sorted(s.article_ids) for s in with_gain]
    without = group_features(features, GroupConfig(length_pivot=0))
    assert story_of(without, "chess-short-1") != story_of(without, "chess-short-2")
    # the flood reports keep their story, the bank report its own
    assert story_of(with_gain, "flood-1") == story_of(without, "flood-1")
    assert story_of(with_gain, "bank-1") == story_of(without, "bank-1")


def test_stories_each_named_for_someone_the_other_never_mentions_do_not_merge(
    short_chess, other_winner
) -> None:
    features = features_of([*short_chess, other_winner])
    # Nothing joins online; consolidation may merge anything, single articles included.
    loose = GroupConfig(join_threshold=2.0, merge_threshold=0.2, names_min_articles=1)
    stories = group_features(features, replace(loose, names_share=1.0))
    # Okafor's two reports share his name; the other winner's report never names him, and
    # his first report never names the other winner.
    assert sorted(sorted(s.article_ids) for s in stories) == [
        ["chess-other-winner"],
        ["chess-short-1", "chess-short-2"],
    ]
    unchecked = group_features(features, replace(loose, names_min_articles=10**6))
    assert len(unchecked) == 1


# Joins anything online; no consolidation change.
JOIN_ANYTHING = GroupConfig(join_threshold=0.0, merge_threshold=2.0, split_threshold=-1.0)


def _other_final(day: str):
    """Another player's win of the same tournament, in the same words."""
    from tests.group.conftest import make_analysis

    return make_analysis(
        "chess-other-final",
        day,
        "",
        "Pavel Hruska won the Valdora Open on Sunday, beating Ivo Berg in the last round.",
    )


def test_an_article_led_by_people_the_story_never_names_does_not_join_it(short_chess) -> None:
    """The same kind of event with other people: Okafor beating Lindqvist, and Hruska beating
    Berg, share every other word. An article whose lead names people no member of the story
    mentions does not join a story whose every member's lead names people it never mentions."""
    from tests.group.conftest import make_analysis

    other = _other_final("2024-03-04")
    online = JOIN_ANYTHING
    stories = group_features(features_of([short_chess[0], other]), online)
    assert sorted(sorted(s.article_ids) for s in stories) == [
        ["chess-other-final"],
        ["chess-short-1"],
    ]
    # a report that names one of the story's people joins it
    rematch = make_analysis(
        "chess-rematch",
        "2024-03-04",
        "",
        "Pavel Hruska, who lost to Tunde Okafor at the Valdora Open on Sunday, asked for a rematch.",
    )
    stories = group_features(features_of([short_chess[0], rematch]), online)
    assert len(stories) == 1


def _results(*rows: tuple[str, str]):
    from tests.group.conftest import make_analysis

    return [make_analysis(article_id, "2024-10-25", "", text) for article_id, text in rows]


def test_a_company_s_legal_form_is_read_with_its_dots_too() -> None:
    from storyfuse.group.features import company_core

    assert company_core(["norton", "co"]) == ["norton"]
    assert company_core(["montedison", "s", "p", "a"]) == ["montedison"]  # "S.p.A."
    assert company_core(["erbamont", "n", "v"]) == ["erbamont"]  # "N.V."
    assert company_core(["u", "s"]) == [] and company_core(["norton"]) == []


def test_a_persons_surname_key_is_the_word_before_a_suffix() -> None:
    """"Anthony Varga III" is known by "varga" after, and leads about him by it."""
    from storyfuse.group.features import entity_keys
    from storyfuse.group.index import lead_people
    from storyfuse.model import Entity

    keys = entity_keys([Entity("Anthony Varga III", "PERSON", 0, 17)])
    assert keys == {"anthony varga iii", "varga"}
    assert entity_keys([Entity("Henry Ford II", "PERSON", 0, 13)]) == {"henry ford ii", "ford"}
    assert entity_keys([Entity("Ada Moss", "PERSON", 0, 8)]) == {"ada moss", "moss"}
    terms = {"anthony": 1, "varga": 1, "iii": 1, **{f"e:{k}": 1 for k in keys}}
    assert lead_people(terms) == {"e:varga"}


def test_two_companies_results_in_the_same_words_are_two_stories() -> None:
    """Each report leads with its company by its name with a legal form, which the other
    never mentions; they share every other word. A third report naming one of the companies
    joins it."""
    reports = _results(
        ("halvor", "Halvor Co. said net income for the third quarter fell 6% to $20.6 million."),
        ("brisco", "Brisco Holdings Inc. said net income for the third quarter fell 6%."),
    )
    online = group_features(features_of(reports), JOIN_ANYTHING)
    assert sorted(sorted(s.article_ids) for s in online) == [["brisco"], ["halvor"]]
    loose = GroupConfig(join_threshold=2.0, merge_threshold=0.0, names_min_articles=10**6)
    merged = group_features(features_of(reports), loose)
    assert sorted(sorted(s.article_ids) for s in merged) == [["brisco"], ["halvor"]]
    assert len(group_features(features_of(reports), replace(loose, companies_apart=False))) == 1
    more = _results(("halvor-2", "Halvor said net income for the third quarter fell 8%."))
    stories = group_features(features_of([*reports, *more]), JOIN_ANYTHING)
    assert sorted(sorted(s.article_ids) for s in stories) == [["brisco"], ["halvor", "halvor-2"]]


def test_a_member_whose_lead_names_no_one_does_not_open_the_story_to_other_people(
    short_chess,
) -> None:
    """Okafor's story holds three reports led by his full name and one that names no one in
    full; a report led by another winner still starts its own story. When every member that
    names no one turns the rule off (``unled_share=0``), it joins."""
    from tests.group.conftest import make_analysis

    reports = [
        short_chess[0],
        make_analysis(
            "chess-3",
            "2024-03-04",
            "",
            "Tunde Okafor, 24, said after his win at the Valdora Open on Sunday that he would "
            "defend the title.",
        ),
        make_analysis(
            "chess-4",
            "2024-03-05",
            "",
            "Organisers of the Valdora Open praised Tunde Okafor's last-round win on Sunday.",
        ),
        make_analysis(
            "chess-unled",
            "2024-03-04",  # in the story before the other winner's report arrives
            "",
            "The Valdora Open ended on Sunday with a last-round win for the tournament's top seed.",
        ),
    ]
    other = _other_final("2024-03-05")
    online = JOIN_ANYTHING
    features = features_of([*reports, other])
    stories = group_features(features, online)
    assert story_of(stories, "chess-other-final") != story_of(stories, "chess-unled")
    assert len({story_of(stories, r.id).id for r in reports}) == 1
    stories = group_features(features, replace(online, unled_share=0.0))
    assert len(stories) == 1


def test_changes_are_the_stories_touched_since_the_last_call(flood, chess) -> None:
    """``changes`` gives the stories an add changed, once: a new article changes its own story
    and no other, so a store rewrites only that one."""
    index = StoryIndex()
    first = features_of(flood[:2] + chess)
    index.observe(first)
    for f in first:
        index.add(f)
    assert sorted(s.article_ids for s in index.changes()) == sorted(
        s.article_ids for s in index.stories()
    )
    assert index.changes() == []
    [late] = features_of(flood[2:3])
    index.add(late)
    [changed] = index.changes()
    assert late.id in changed.article_ids
    assert changed == next(s for s in index.stories() if late.id in s.article_ids)
    index.remove(late.id)
    assert [s.article_ids for s in index.changes()] == [tuple(a.id for a in flood[:2])]


def test_document_frequency_counts_each_article_once_per_term(flood) -> None:
    """A term said three times in one lead is still one document; an article observed twice
    (by its terms, as a store counts those it no longer holds) counts once."""
    [f] = features_of(flood[:1])
    repeated = dict(f.terms, tamber=3)
    index = StoryIndex()
    index.observe_terms([(f.id, repeated), (f.id, repeated), ("other", {"tamber": 5})])
    assert index._df["tamber"] == 2


def _title_defences():
    """One champion's two title defences, against two challengers, reported in the same words:
    every report names the champion, each names one challenger and none names both."""
    from tests.group.conftest import make_analysis

    rows = [
        ("defence-a-1", "Tunde Okafor beat Mira Lindqvist on Sunday to keep the Valdora title."),
        ("defence-a-2", "Mira Lindqvist lost the Valdora Open final to Tunde Okafor on Sunday."),
        ("defence-b-1", "Champion Tunde Okafor kept his Valdora Open title, beating Ivo Berg."),
        ("defence-b-2", "In the final of the Valdora Open, Ivo Berg resigned to Tunde Okafor."),
    ]
    return [make_analysis(article_id, "2024-03-04", "", text) for article_id, text in rows]


def test_a_story_of_two_camps_of_people_is_split_in_consolidation() -> None:
    """Joined one article at a time (every report shares the champion, so no rule keeps them
    apart on arrival), the two defences are one story until consolidation finds two people
    each named by half the leads and never named together, and splits it by them."""
    features = features_of(_title_defences())
    stories = group_features(features, JOIN_ANYTHING)
    assert sorted(sorted(s.article_ids) for s in stories) == [
        ["defence-a-1", "defence-a-2"],
        ["defence-b-1", "defence-b-2"],
    ]
    unsplit = group_features(features, replace(JOIN_ANYTHING, camps_min_articles=10**6))
    assert len(unsplit) == 1


def test_a_story_whose_reports_name_both_people_somewhere_is_not_split() -> None:
    """One report naming both challengers (a preview of the next defence) shows that the two
    names belong to one story's telling, and the story stays whole."""
    from tests.group.conftest import make_analysis

    both = make_analysis(
        "defence-preview",
        "2024-03-04",
        "",
        "Tunde Okafor, who beat Mira Lindqvist, will face Ivo Berg at the Valdora Open.",
    )
    stories = group_features(features_of([*_title_defences(), both]), JOIN_ANYTHING)
    assert len(stories) == 1


def test_a_split_story_does_not_merge_again_when_consolidated_twice() -> None:
    features = features_of(_title_defences())
    index = StoryIndex(JOIN_ANYTHING)
    for f in features:
        index.add(f)
    assert len(index.stories()) == 1
    index.consolidate()
    first = index.stories()
    index.consolidate()
    assert index.stories() == first
    assert len(first) == 2


def _pointing(article_id: str, *direction: float) -> ArticleFeatures:
    """An article known only by its embedding (no words, no names), so that every score is the
    cosine of two directions; each article its own text (no copies)."""
    vector = np.array(direction, dtype=np.float64)
    rng = np.random.default_rng(zlib.crc32(article_id.encode()))
    signature = rng.integers(0, 2**32, size=64, dtype=np.uint64)
    return ArticleFeatures(
        id=article_id,
        vector=vector / np.linalg.norm(vector),
        terms={},
        day=dt.date(2024, 3, 4).toordinal(),
        signature=signature,
    )


# Scores are cosines of the embeddings alone; nothing is merged or split off.
BY_EMBEDDING = GroupConfig(
    embedding_weight=1.0, join_threshold=0.5, merge_threshold=2.0, split_threshold=-1.0
)


def test_an_article_that_joined_before_its_own_event_had_a_story_moves_to_it() -> None:
    """The report of event B arrives while only event A has a story, and it is close enough to
    join A (cosine 0.6); B's next reports fit A too little (mean 0.27) and start their own
    story, which the first report fits better (0.8): consolidation moves it there."""
    a_story = [_pointing("a-1", 1, 0, 0), _pointing("a-2", 1, 0, 0)]
    early = _pointing("b-early", 0.6, 0.8, 0)
    b_story = [_pointing("b-1", 0, 1, 0), _pointing("b-2", 0, 1, 0)]
    index = StoryIndex(BY_EMBEDDING)
    for f in [*a_story, early, *b_story]:
        index.add(f)
    assert sorted(sorted(s.article_ids) for s in index.stories()) == [
        ["a-1", "a-2", "b-early"],
        ["b-1", "b-2"],
    ]
    index.consolidate()
    assert sorted(sorted(s.article_ids) for s in index.stories()) == [
        ["a-1", "a-2"],
        ["b-1", "b-2", "b-early"],
    ]
    unmoved = group_features([*a_story, early, *b_story], replace(BY_EMBEDDING, relocate_rounds=0))
    assert len(story_of(unmoved, "b-early").article_ids) == 3


def test_a_member_does_not_move_to_a_story_below_the_join_threshold() -> None:
    """Fitting another story better is not enough: the score there must pass the join
    threshold, as it would have had to on arrival (0.45 fits B better than 0.3 fits A)."""
    placed = {
        "A": [
            _pointing("a-1", 1, 0, 0),
            _pointing("a-2", 1, 0, 0),
            _pointing("loose", 0.3, 0.45, 0.84),
        ],
        "B": [_pointing("b-1", 0, 1, 0), _pointing("b-2", 0, 1, 0)],
    }

    def story_of_loose(config: GroupConfig) -> list[str]:
        index = StoryIndex(config)
        for key, features in placed.items():
            for f in features:
                index.restore(f, key)
        index.consolidate()
        return sorted(story_of(index.stories(), "loose").article_ids)

    assert story_of_loose(BY_EMBEDDING) == ["a-1", "a-2", "loose"]
    assert story_of_loose(replace(BY_EMBEDDING, join_threshold=0.4)) == ["b-1", "b-2", "loose"]


def _naming(article_id: str, direction: tuple[float, ...], *names: str) -> ArticleFeatures:
    """``_pointing`` with the names its lead gives: a full name brings its surname's key and
    words, as ``features.entity_keys`` makes them; a surname alone only its own."""
    f = _pointing(article_id, *direction)
    terms: dict[str, int] = {}
    for name in names:
        words = name.lower().split()
        terms.update({f"e:{name.lower()}": 1, f"e:{words[-1]}": 1, **dict.fromkeys(words, 1)})
    return replace(f, terms=terms)


def test_an_article_left_alone_joins_the_story_of_the_person_it_names() -> None:
    """A short follow-up that names only "Moss" scores 0.35 against the four reports that lead
    with Ada Moss: below the join threshold, above the split one. It joins them; one that
    names no one stays alone, and so does one whose person other articles name more often
    than the story does."""
    story = [_naming(f"moss-{k}", (1, 0, 0), "Ada Moss") for k in range(4)]
    config = replace(BY_EMBEDDING, split_threshold=0.2)

    def alone_after(extra: list[ArticleFeatures], cfg: GroupConfig = config) -> bool:
        stories = group_features([*story, *extra], cfg)
        return len(story_of(stories, extra[0].id).article_ids) == 1

    follow_up = _naming("follow-up", (0.35, 0.94, 0), "Moss")
    assert not alone_after([follow_up])
    assert alone_after([follow_up], replace(config, adopt_alone=False))
    assert alone_after([_naming("no-one", (0.35, 0.94, 0))])
    assert alone_after([_naming("too-far", (0.15, 0.99, 0), "Moss")])  # below the split one
    elsewhere = [_naming(f"other-{k}", (0, 0, 1), "Ada Moss") for k in range(5)]
    assert alone_after([follow_up, *elsewhere])
