"""The figure charts as a browser draws them (Debian's Chromium via Playwright)."""

from __future__ import annotations

import dataclasses

from tests.web.browser import browser_context, chromium_path, live_server
from tests.web.records import corpus

from storyfuse.model import Cited, Figure
from storyfuse.web import MemoryCatalog, create_app


def test_a_figure_axis_of_counts_never_shows_negative_ticks(tmp_path):
    """The scale's padding (room for the dots at the edges) stretched the domain below zero and
    "nice" rounded it to a tick: an axis of cubic metres read "−2M, 0M, 2M, …"."""
    chromium_path()
    brief = corpus()
    bridge = dataclasses.replace(
        brief.stories[0],
        figures=(
            Figure(14_000_000.0, "metre", "water authority", ("bridge-a",),
                   texts=(Cited("The reservoir held 14 million cubic metres.", ("bridge-a",)),)),
            Figure(11_000_000.0, "metre", "regional authority", ("bridge-b",),
                   texts=(Cited("The reservoir held 11 million cubic metres.", ("bridge-b",)),)),
        ),
    )
    brief = dataclasses.replace(brief, stories=(bridge, *brief.stories[1:]))
    app = create_app(MemoryCatalog(brief))
    with live_server(app) as base, browser_context(tmp_path / "profile") as context:
        page = context.new_page()
        page.set_viewport_size({"width": 1200, "height": 900})
        page.goto(base + "/stories/s-bridge")
        page.wait_for_selector("#figures figure.chart.rendered, figure.chart.rendered")
        labels = page.locator("figure.chart.rendered .role-axis-label text").all_text_contents()
    ticks = [t for t in labels if any(ch.isdigit() for ch in t)]
    assert ticks, labels
    assert not [t for t in ticks if t.startswith(("−", "-"))], ticks


def test_a_figure_axis_reads_zero_as_zero(tmp_path):
    """The SI prefix of the other ticks was put on zero too: "0M, 2M, 4M" and "0k, 1k"."""
    chromium_path()
    brief = corpus()
    bridge = dataclasses.replace(
        brief.stories[0],
        figures=(
            Figure(4500.0, "worker", "union", ("bridge-a",)),
            Figure(3000.0, "worker", None, ("bridge-b",)),
        ),
    )
    brief = dataclasses.replace(brief, stories=(bridge, *brief.stories[1:]))
    with live_server(create_app(MemoryCatalog(brief))) as base, browser_context(
        tmp_path / "profile"
    ) as context:
        page = context.new_page()
        page.set_viewport_size({"width": 1200, "height": 900})
        page.goto(base + "/stories/s-bridge")
        page.wait_for_selector("figure.chart.rendered")
        labels = page.locator("figure.chart.rendered .role-axis-label text").all_text_contents()
    assert "0" in labels, labels
    assert "0k" not in labels and "1k" in labels, labels
