"""Stage 4, group: articles into stories, and near-duplicate copies within them.

``group(analyses)`` is the batch entry point; ``StoryIndex`` the online one it is built on
(``storyfuse ingest`` keeps one per database); ``runs.group_in_runs`` cuts a large batch into
runs of consecutive days for an engine's workers and stitches their stories. Anything with an id, a text, a date and entities
can be grouped through ``group_inputs``: the evaluation uses it on corpora that were not fully
analysed, through the same code.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyfuse.group.features import ArticleFeatures, GroupInput, features_of
from storyfuse.group.index import GroupConfig, StoryIndex, group_features, story_id_of
from storyfuse.model import Analysis, Story


def group_inputs(
    items: Sequence[GroupInput | Analysis],
    config: GroupConfig | None = None,
    model: str = "static",
) -> list[Story]:
    return group_features(features_of(items, model=model), config)


def group(analyses: Sequence[Analysis]) -> list[Story]:
    """Group analysed articles into stories (deterministic; ids stable under unrelated additions)."""
    return group_inputs(analyses)


__all__ = [
    "ArticleFeatures",
    "GroupConfig",
    "GroupInput",
    "StoryIndex",
    "features_of",
    "group",
    "group_features",
    "group_inputs",
    "story_id_of",
]
