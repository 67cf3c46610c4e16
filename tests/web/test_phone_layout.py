"""How story pages lay out on a phone, in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

import pytest
from tests.web.browser import browser_context, chromium_path, live_server
from tests.web.records import corpus

from storyfuse.web import MemoryCatalog, create_app

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(tmp_path_factory):
    chromium_path()
    folder = tmp_path_factory.mktemp("phone")
    with live_server(create_app(MemoryCatalog(corpus()))) as base, browser_context(
        folder / "profile", viewport=PHONE
    ) as context:
        yield base, context


def test_the_who_reports_what_statements_stay_readable_on_a_phone(phone):
    """The outlet columns kept their width and squeezed the statements to a word or two a
    line; the statement column keeps a readable width and the table scrolls sideways in its
    own box, not the page."""
    base, context = phone
    page = context.new_page()
    page.goto(base + "/stories/s-bridge")
    cell = page.locator("table.matrix tbody tr td").first
    assert cell.bounding_box()["width"] >= 176  # 11rem at the phone's 16px
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
