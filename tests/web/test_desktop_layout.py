"""How the stories page lays out on a desktop screen, in a real browser."""

from __future__ import annotations

from tests.web.browser import browser_context, chromium_path, live_server
from tests.web.records import corpus

from storyfuse.web import MemoryCatalog, create_app


def test_the_filter_boxes_line_up(tmp_path):
    """The outlet list, the entity box and the date boxes were each of their own height, so
    their captions sat at three different heights."""
    chromium_path()
    with live_server(create_app(MemoryCatalog(corpus()))) as base, browser_context(
        tmp_path / "profile", viewport={"width": 1200, "height": 900}
    ) as context:
        page = context.new_page()
        page.goto(base + "/")
        controls = page.locator("form.filters label > select, form.filters label > input")
        boxes = [controls.nth(i).bounding_box() for i in range(controls.count())]
        captions = page.evaluate(
            "[...document.querySelectorAll('form.filters label')]"
            ".map(l => { const r = document.createRange(); r.selectNodeContents(l.firstChild);"
            " return r.getBoundingClientRect().top; })"
        )
    assert len(boxes) == 4
    assert max(b["height"] for b in boxes) - min(b["height"] for b in boxes) < 1, boxes
    assert max(captions) - min(captions) < 1, captions
