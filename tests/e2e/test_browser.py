"""The web app in a real browser: Debian's Chromium driven by Playwright, over a real database
filled by the real pipeline with the bundled seed articles.

Screenshots go to tests/e2e/screenshots/ (not committed).
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from tests.web.browser import WATCH_SCRIPT, browser_context, chromium_path, live_server, screenshot

from storyfuse import ingest, pipeline
from storyfuse.web import create_app
from storyfuse.web.queries import StoreCatalog

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"
UPLOAD = REPO / "tests" / "fixtures" / "web" / "ferry_strike.txt"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, browser context): the seeds analysed once into a SQLite store, served."""
    chromium_path()  # fail or skip before the slow analysis when there is no browser
    folder = tmp_path_factory.mktemp("web-db")
    catalog = StoreCatalog.open(f"sqlite:///{folder / 'stories.db'}")
    analyses, problems = pipeline.analyze_documents(ingest.read([str(SEEDS)]))
    assert len(analyses) == 5 and not problems
    catalog.add(analyses)  # groups, and fuses the briefs of the stories touched
    with live_server(create_app(catalog)) as base, browser_context(folder / "profile") as context:
        context.add_init_script(WATCH_SCRIPT)
        context.set_default_timeout(20_000)
        yield base, context
    catalog.close()


def _api(base: str, path: str) -> dict:
    response = httpx.get(base + path, timeout=30)
    response.raise_for_status()
    return response.json()


def _story_id(base: str) -> str:
    """The seed story: the one with the most articles (grouping is tested elsewhere)."""
    stories = _api(base, "/api/stories")["stories"]
    return max(stories, key=lambda s: s["articles"])["id"]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_stories_page_lists_the_seed_stories(site):
    base, context = site
    listed = _api(base, "/api/stories")["stories"]
    assert sum(s["articles"] for s in listed) == 5
    page = context.new_page()
    page.goto(base + "/")
    rows = page.locator(".story-row")
    assert rows.count() == len(listed)
    biggest = max(listed, key=lambda s: s["articles"])
    row = rows.filter(has=page.locator(f"a[href='/stories/{biggest['id']}']"))
    assert f"{biggest['articles']} articles" in row.locator(".story-meta").inner_text()
    screenshot(page, "stories")


def test_a_summary_citation_opens_the_source_sentence(site):
    base, context = site
    page = context.new_page()
    page.goto(base + "/")
    page.locator(f".story-title[href='/stories/{_story_id(base)}']").click()
    page.wait_for_url(re.compile(r"/stories/"))
    cite = page.locator("#summary a.cite").first
    href = cite.get_attribute("href")
    match = re.fullmatch(r"/articles/(.+)#s(\d+)", href or "")
    assert match, href
    article_id, n = match.group(1), int(match.group(2))
    expected = _api(base, f"/api/articles/{article_id}")["article"]["sentences"][n]["text"]
    cite.click()
    page.wait_for_url(re.compile(rf"/articles/.+#s{n}$"))
    target = page.locator(":target")
    assert _words(target.inner_text()) == _words(expected)
    # the sentence is highlighted and scrolled into view
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert page.evaluate("window.__csp") == []
    screenshot(page, "citation-target")


def test_story_page_shows_conflicts_charts_and_quote_variants(site):
    base, context = site
    page = context.new_page()
    page.goto(base + "/stories/" + _story_id(base))
    sections = page.locator("article.story > section").evaluate_all("els => els.map(e => e.id)")
    assert sections[0] == "conflicts", sections  # conflicts up front
    charts = page.locator("figure.chart")
    assert charts.count() >= 2  # figures and the timeline
    page.wait_for_function(
        "document.querySelectorAll('figure.chart.rendered').length"
        " == document.querySelectorAll('figure.chart').length"
    )
    assert page.locator("figure.chart.failed").count() == 0
    assert page.locator("figure.chart svg").count() == charts.count()
    # one utterance with several renderings, side by side, differences marked
    group = page.locator(".quote-group").first
    assert group.locator(".variant").count() >= 2
    assert page.locator("table.matrix td.cell").count() > 0
    assert page.evaluate("window.__csp") == []  # the charts run under the strict CSP
    screenshot(page, "story")
    for section in ("conflicts", "figures", "quotes", "timeline", "coverage"):
        page.locator(f"#{section}").screenshot(path=str(screenshot_dir() / f"story-{section}.png"))


def screenshot_dir() -> Path:
    from tests.web.browser import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def test_search_for_a_quote_and_open_it(site):
    base, context = site
    story = _api(base, "/api/stories/" + _story_id(base))
    shared = next(q for q in story["quotes"] if len(q["variants"]) > 1)
    words = re.findall(r"[\w’']+", shared["variants"][0]["text"])[:5]
    phrase = " ".join(words)
    page = context.new_page()
    page.goto(base + "/")
    page.fill("header input[name=q]", phrase)
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"\?q="))
    hit = page.locator(".hit-quote").filter(has_text=words[-1]).first
    assert all(w.lower() in hit.inner_text().lower() for w in words)
    screenshot(page, "search")
    hit.locator("a").first.click()
    page.wait_for_url(re.compile(r"/articles/.+#q\d+$"))
    sentence = page.locator(".sentence:has(.anchor:target)")
    assert sentence.count() == 1
    assert words[-1].lower() in sentence.inner_text().lower()
    screenshot(page, "search-target")


def test_article_page_highlights_and_folds_clutter(site):
    base, context = site
    article_id = _api(base, "/api/stories/" + _story_id(base))["sources"][0]["id"]
    page = context.new_page()
    page.goto(base + "/articles/" + article_id)
    assert page.locator(".article-text .quote").count() > 0
    assert page.locator(".article-text .ent").count() > 0
    removed = page.locator("details.removed")
    if removed.count():
        assert not removed.evaluate("e => e.open")
        removed.locator("summary").click()
        assert removed.locator(".reason").first.is_visible()
    screenshot(page, "article")


def test_a_speaker_page_lists_their_quotes(site):
    base, context = site
    page = context.new_page()
    page.goto(base + "/stories/" + _story_id(base))
    page.locator(".speaker-quotes h3 a").first.click()
    page.wait_for_url(re.compile(r"/entities/"))
    assert page.locator("ol.entity-items li").count() >= 1
    screenshot(page, "entity")


def test_pages_fit_a_phone_screen(site):
    base, context = site
    page = context.new_page()
    page.set_viewport_size(PHONE)
    for name, path in (("phone-stories", "/"), ("phone-story", "/stories/" + _story_id(base))):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= PHONE["width"] + 1, (path, overflow)
        screenshot(page, name)


def test_upload_a_file_and_see_it_processed(site):
    base, context = site
    before = _api(base, "/api/stories")["total"]
    page = context.new_page()
    page.goto(base + "/upload")
    page.set_input_files("#files", str(UPLOAD))
    page.click("form.upload button[type=submit]")
    page.wait_for_url(re.compile(r"/uploads/"))
    screenshot(page, "upload-progress")
    page.wait_for_selector("section.job[data-state=done]", timeout=240_000)
    assert "1 article(s) analysed" in page.locator("section.job .message").inner_text()
    screenshot(page, "upload-done")
    page.locator(".job-stories a").first.click()
    page.wait_for_url(re.compile(r"/stories/"))
    assert "ferry" in page.locator("h1").inner_text().lower()
    page.goto(base + "/")
    assert page.locator(".story-row").count() == before + 1  # the unrelated article: a new story
