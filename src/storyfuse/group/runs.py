"""Grouping cut into runs of consecutive days, each run on its own worker, then stitched.

The online pass (``batch_index``: every article in date order, then one consolidation) is one
sequential process: ~1 ms an article at 100,000 articles. For a larger batch the articles are
cut, in date order, into runs of about equal size, never inside a day; each run is grouped on
its own (``group_run``, on any engine's workers) with the document frequencies of the whole
batch (``Frequencies``), so a word weighs the same in every run.

An article joins only stories within ``window_days`` of its date, so only the stories near a
cut can belong together across it: the stitch (``stitch``) puts those back in one index as
they are (``StoryIndex.restore``: no scoring), links an article on the later side of a cut to
the earlier article it copies (MinHash, as the online pass does: a copy and its original become
one story), and merges the stories that match (``StoryIndex.merge``, the consolidation's merge,
with its threshold and its rule on defining names). The other stories are the runs' own.

What may differ from one pass over everything: a story that continues past a cut is two stories
until the stitch joins them, which it does only when the two halves together pass the merge
threshold (in the one pass each article of the second half needed to pass the join threshold
against the story so far); a run's consolidation, searching fewer stories for each story's
nearest, merges a little more; an undated article is grouped with the last run (one pass
compares it with every story). ``bench/grouping.py`` (``--runs-n``) measures the agreement
with one pass.
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from storyfuse.group.features import ArticleFeatures, GroupInput, as_input, features_of
from storyfuse.group.index import GroupConfig, StoryIndex, batch_index, group_features
from storyfuse.model import Analysis, Story

T = TypeVar("T")
R = TypeVar("R")
# Fewest articles a run is given: a smaller batch is grouped in one pass. bench/grouping.py: two
# runs of 20,000 on two workers took 26 s against 36 s in one pass (smaller runs not measured).
RUN_ARTICLES = 20_000
# Articles whose features (embedding, words, MinHash) one task computes.
FEATURE_BATCH = 2_000

Mapper = Callable[[Callable[[T], R], Sequence[T]], list[R]]


@dataclass(frozen=True)
class Frequencies:
    """Document frequencies counted over a whole batch, for an index holding part of it."""

    df: Counter[str]
    articles: int

    @classmethod
    def of(cls, features: Iterable[ArticleFeatures]) -> Frequencies:
        df: Counter[str] = Counter()
        n = 0
        for f in features:
            df.update(iter(f.terms))  # one count per term
            n += 1
        return cls(df, n)


def run_count(articles: int, workers: int) -> int:
    """How many runs a batch is cut into: one per worker, each of at least ``RUN_ARTICLES``."""
    return max(1, min(workers, articles // RUN_ARTICLES))


def time_runs(features: Sequence[ArticleFeatures], runs: int) -> list[list[ArticleFeatures]]:
    """The articles in date order (then id), cut into at most ``runs`` runs of about equal size,
    each cut moved to the nearer start of a day; undated articles go with the last run."""
    dated = sorted((f for f in features if f.day is not None), key=lambda f: (f.day, f.id))
    undated = sorted((f for f in features if f.day is None), key=lambda f: f.id)
    starts = [i for i in range(1, len(dated)) if dated[i].day != dated[i - 1].day]
    cuts = [0]
    for k in range(1, runs):
        target = k * len(dated) / runs
        later = [i for i in starts if i > cuts[-1]]
        if later:
            cuts.append(min(later, key=lambda i: (abs(i - target), i)))
    cuts.append(len(dated))
    out = [dated[a:b] for a, b in itertools.pairwise(cuts) if b > a] or [[]]
    out[-1] = out[-1] + undated
    return out


def group_run(
    features: list[ArticleFeatures], config: GroupConfig, frequencies: Frequencies
) -> list[Story]:
    """One run's stories (a worker's task): ``batch_index`` with the whole batch's frequencies."""
    index = batch_index(features, config, frequencies=frequencies.df, articles=frequencies.articles)
    return index.stories()


def stitch(
    runs: Sequence[Sequence[ArticleFeatures]],
    stories: Sequence[Sequence[Story]],
    config: GroupConfig,
    frequencies: Frequencies,
) -> list[Story]:
    """The runs' stories joined across the cuts between runs (see the module's note)."""
    by_id = {f.id: f for run in runs for f in run}
    cut_days = [run[0].day for run in runs[1:] if run and run[0].day is not None]
    w = config.window_days
    run_of = {f.id: k for k, run in enumerate(runs) for f in run}

    def at_a_cut(story: Story) -> bool:
        days = [d for a in story.article_ids if (d := by_id[a].day) is not None]
        if len(days) < len(story.article_ids):
            return True  # an undated member may belong with any story
        lo, hi = min(days), max(days)
        return any(hi >= c - w and lo < c + w for c in cut_days)

    kept: list[Story] = []
    near: list[Story] = []
    for run_stories in stories:
        for story in run_stories:
            (near if at_a_cut(story) else kept).append(story)
    index = StoryIndex(config)
    index.count(frequencies.df, frequencies.articles)
    for story in near:
        for article_id in story.article_ids:
            index.restore(by_id[article_id], story.id, story.duplicates.get(article_id))
    for copy, original in _copies_across(index, near, by_id, run_of):
        index.join_copy(copy, original)
    index.merge()
    return sorted(kept + index.stories(), key=_story_order)


def _copies_across(
    index: StoryIndex,
    near: Sequence[Story],
    by_id: dict[str, ArticleFeatures],
    run_of: dict[str, int],
) -> list[tuple[str, str]]:
    """(copy, original) for each article that copies an article of an earlier run (no run could
    see both): ``StoryIndex.find_original`` among the earlier runs' articles."""
    found = []
    for story in near:
        for article_id in story.article_ids:
            if article_id in story.duplicates:
                continue  # already a copy within its run
            earlier = functools.partial(_before, run_of, run_of[article_id])
            original = index.find_original(by_id[article_id], among=earlier)
            if original is not None:
                found.append((article_id, original))
    return found


def _before(run_of: dict[str, int], run: int, article_id: str) -> bool:
    return run_of[article_id] < run


def _story_order(story: Story) -> tuple[int, str]:
    return (-len(story.article_ids), story.id)


def group_in_runs(
    features: Sequence[ArticleFeatures],
    config: GroupConfig | None = None,
    runs: int = 1,
    map_: Mapper | None = None,
) -> list[Story]:
    """Stories of ``features`` grouped in ``runs`` runs, the runs mapped by ``map_`` (a worker
    pool's or a cluster's map; this process's by default), then stitched. One run is
    ``batch_index``, exactly."""
    config = config or GroupConfig()
    parts = time_runs(features, runs)
    if len(parts) < 2:
        return group_features(features, config)
    frequencies = Frequencies.of(features)
    task = functools.partial(group_run, config=config, frequencies=frequencies)
    stories = (map_ or _map)(task, parts)
    return stitch(parts, stories, config, frequencies)


def _map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [fn(x) for x in items]


def group_on_workers(
    items: Sequence[GroupInput | Analysis],
    workers: int,
    map_: Mapper,
    config: GroupConfig | None = None,
    runs: int | None = None,
) -> list[Story]:
    """Group a batch on an engine's ``workers`` (``map_`` runs tasks on them): the features in
    tasks of ``FEATURE_BATCH`` articles, then ``runs`` runs (by default one per worker, each
    of at least ``RUN_ARTICLES``). One run is the one-pass grouping, in this process."""
    runs = run_count(len(items), workers) if runs is None else runs
    if runs < 2:
        return group_features(features_of(items), config)
    # what the workers need of an analysis, not the whole of it
    inputs = [as_input(x) if isinstance(x, Analysis) else x for x in items]
    chunks = [inputs[k : k + FEATURE_BATCH] for k in range(0, len(inputs), FEATURE_BATCH)]
    features = [f for chunk in map_(features_of, chunks) for f in chunk]
    return group_in_runs(features, config, runs, map_)
