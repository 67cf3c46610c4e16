"""Grouping in runs of consecutive days (``group.runs``): what each worker gets, and the stitch
that joins stories across the cut between two runs."""

from dataclasses import replace

from tests.group.builders import syndicated_copy

from storyfuse.group import GroupConfig, StoryIndex, features_of, group_features
from storyfuse.group.index import batch_index
from storyfuse.group.runs import Frequencies, group_in_runs, run_count, time_runs


def _members(stories) -> list[list[str]]:
    return sorted(sorted(s.article_ids) for s in stories)


def _dated(features, days: list[int | None]):
    return [replace(f, id=f"a{k:02d}", day=d) for k, (f, d) in enumerate(zip(features, days))]


def test_runs_are_cut_between_days_with_undated_articles_last(flood, chess) -> None:
    base = features_of([*flood, *chess])
    days = [1, 1, 1, 2, 2, 2, 2, 3, 5, None]
    features = _dated(base * 2, days)
    runs = time_runs(features, 3)
    assert [[f.day for f in run] for run in runs] == [[1, 1, 1], [2, 2, 2, 2], [3, 5, None]]
    # never more runs than there are days to cut between
    assert len(time_runs(_dated(base, [4] * len(base)), 3)) == 1
    assert run_count(articles=70_000, workers=8) == 3
    assert run_count(articles=5_000, workers=8) == 1


def test_one_run_is_the_one_pass_grouping(flood, chess, unrelated) -> None:
    features = features_of([*flood, *chess, unrelated])
    assert group_in_runs(features, runs=1) == group_features(features)


def test_a_run_weighs_words_by_the_whole_batch(flood, chess, unrelated) -> None:
    features = features_of([*flood, *chess, unrelated])
    whole = StoryIndex()
    whole.observe(features)
    run = batch_index(features[:2], frequencies=Frequencies.of(features).df, articles=6)
    assert run.seen == whole.seen == 6
    assert run._lexical(features[0].terms) == whole._lexical(features[0].terms)


def test_stories_cut_between_two_runs_are_stitched_back(flood, chess, unrelated) -> None:
    # Sunday's articles in one run, Monday's in the other: both events cross the cut.
    features = features_of([*flood, *chess, unrelated])
    runs = time_runs(features, 2)
    assert len(runs) == 2 and {f.id for f in runs[0]} >= {"flood-1", "chess-1"}
    assert {f.id for f in runs[1]} >= {"flood-2", "chess-2"}
    assert _members(group_in_runs(features, runs=2)) == _members(group_features(features))


def test_a_copy_of_an_article_in_an_earlier_run_is_found_by_the_stitch(flood, chess) -> None:
    copy = syndicated_copy(flood[0], "flood-1-wire", "2024-03-05")
    features = features_of([*flood, copy, *chess])
    runs = time_runs(features, 2)
    assert "flood-1" in {f.id for f in runs[0]} and "flood-1-wire" in {f.id for f in runs[1]}
    stories = group_in_runs(features, runs=2)
    [flood_story] = [s for s in stories if "flood-1" in s.article_ids]
    assert flood_story.duplicates == {"flood-1-wire": "flood-1"}
    assert stories == group_features(features)


def test_a_story_far_from_the_cut_is_left_as_its_run_made_it(flood, chess) -> None:
    features = features_of([*flood, *chess])
    late = [replace(f, id=f"late-{f.id}", day=f.day + 60) for f in features]
    config = GroupConfig()
    stories = group_in_runs([*features, *late], config, runs=2)
    assert _members(stories) == _members(group_features([*features, *late], config))
    assert any(all(a.startswith("late-flood") for a in s.article_ids) for s in stories)
