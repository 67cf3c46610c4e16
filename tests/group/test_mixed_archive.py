"""The mixed archive of eval/grouping.py: 88 news pages of the same few days of November 2019
(through ingest, clean and extract, as ``storyfuse analyze`` reads them) plus the five seeds."""

from __future__ import annotations

import pytest
from eval.common import data_dir
from eval.grouping import SAME_EVENT_PAGES, mixed_archive


@pytest.fixture(scope="module")
def archive() -> dict:
    try:
        data_dir("article-extraction")
    except FileNotFoundError as missing:
        pytest.skip(str(missing))
    return mixed_archive()


def test_every_page_is_grouped(archive: dict) -> None:
    assert archive["pages"] == 88
    assert (
        archive["pages analysed by the pipeline"] + archive["pages grouped from their true body"]
        == archive["pages"]
    )


def test_the_seeds_form_one_story_of_their_own(archive: dict) -> None:
    assert archive["seeds in one story"]
    assert archive["pages joined to the seed story"] == []


def test_no_two_pages_about_different_events_share_a_story(archive: dict) -> None:
    assert archive["different-event page pairs sharing a story"] == []


def test_pages_about_one_event_are_grouped(archive: dict) -> None:
    # Keeping every page alone would pass the test above: most same-event pairs must join.
    pairs = sum(len(g) * (len(g) - 1) // 2 for g in SAME_EVENT_PAGES)
    assert archive["same-event page pairs (annotated)"] == pairs
    assert archive["same-event page pairs sharing a story"] >= 0.75 * pairs
