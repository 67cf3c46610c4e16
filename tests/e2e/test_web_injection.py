"""Hostile article text in a real browser: nothing from the data runs, the CSP holds."""

from urllib.parse import quote

import pytest
from tests.web.browser import WATCH_SCRIPT, browser_context, live_server, screenshot
from tests.web.evil import EVIL_ID, PAYLOADS, evil_corpus

from storyfuse.web import MemoryCatalog, create_app


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    app = create_app(MemoryCatalog(evil_corpus()))
    with live_server(app) as base, browser_context(profile) as context:
        context.add_init_script(WATCH_SCRIPT)
        yield base, context


def test_payloads_do_not_run_anywhere(evil_site):
    base, context = evil_site
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    urls = [
        "/",
        "/?q=script",
        "/stories/" + quote(f"story-{PAYLOADS[0]}", safe=""),
        "/articles/" + quote(EVIL_ID, safe="") + "#s0",
        "/entities/" + quote(PAYLOADS[2], safe=""),
    ]
    for url in urls:
        page.goto(base + url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, url
        assert page.evaluate("document.querySelectorAll('iframe, img[onerror], svg[onload]').length") == 0
        # the charts still render: the payloads sit in their data as text
        charts = page.locator("figure.chart")
        if charts.count():
            page.wait_for_selector("figure.chart.rendered", timeout=10_000)
        assert page.evaluate("window.__csp") == [], url  # nothing even tried to break the policy
    screenshot(page, "injection-story")
    assert dialogs == [] and errors == []


def test_the_title_shows_the_payload_as_text(evil_site):
    base, context = evil_site
    page = context.new_page()
    page.goto(base + "/articles/" + quote(EVIL_ID, safe=""))
    title = page.locator("h1").inner_text()
    for payload in PAYLOADS[:7]:
        assert payload in title
    assert page.locator("a", has_text="original").count() == 0  # the javascript: URL is not a link
