"""Requests a reader or a script may send that the pages must answer sensibly: out-of-range
numbers, bad parameters, HEAD, names with accented capitals."""

from __future__ import annotations

import dataclasses
import time

import lxml.html
import pytest
import sqlalchemy as sa
from tests.web.conftest import TestClient
from tests.web.records import analysis, corpus
from tests.web.test_store_catalog import _fake_fuse

from storyfuse.store import Store, schema
from storyfuse.web import MemoryCatalog, create_app
from storyfuse.web.catalog import StoryQuery
from storyfuse.web.queries import StoreCatalog


@pytest.fixture
def store_client(db_url):
    """The app over a real database holding the hand-written articles (briefs not fused)."""
    catalog = StoreCatalog.open(db_url)
    catalog.store.add_analyses(corpus().articles)
    yield TestClient(create_app(catalog))
    catalog.close()


@pytest.mark.parametrize(
    "url",
    ["/?page=99999999999999999999", "/api/stories?offset=99999999999999999999"],
)
def test_a_page_or_offset_beyond_any_database_integer_is_refused_not_a_server_error(
    store_client, url
):
    response = store_client.get(url)
    assert response.status_code == 422


@pytest.mark.parametrize("url", ["/?page=0", "/?page=two", "/?page=99999999999999999999"])
def test_a_bad_parameter_on_a_page_is_told_on_an_html_page(client, url):
    """A reader who edits the address bar gets the site's error page saying what is wrong,
    not the API's JSON; the API keeps its JSON answer."""
    response = client.get(url)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    doc = lxml.html.fromstring(response.text)
    message = doc.cssselect("p.error")[0].text_content()
    assert message.startswith("page: ")
    assert client.get("/api/stories?offset=-1").json()["detail"][0]["loc"] == ["query", "offset"]


@pytest.mark.parametrize(
    "url", ["/", "/?q=rebuild", "/stories/s-bridge", "/articles/bridge-a", "/entities/Ana Ruiz",
            "/upload", "/api/stories", "/api/stories/s-bridge", "/api/search?q=rebuild"],
)
def test_head_answers_as_get_does_without_the_body(client, url):
    """Link checkers and `curl -I` ask with HEAD: same status and headers as GET, no body."""
    got = client.get(url)
    head = client.head(url)
    assert (head.status_code, got.status_code) == (200, 200)
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == str(len(got.content))
    assert "content-security-policy" in head.headers


def test_head_of_an_unknown_story_is_a_404(client):
    assert client.head("/stories/no-such-story").status_code == 404
    assert client.head("/api/articles/no-such-article").status_code == 404


def test_a_name_with_accented_capitals_is_found_as_written(db_url):
    """SQLite's own lower() folds only ASCII: a name folded by Python ("žofia novák") never
    equalled the database's fold of the stored one ("Žofia novák"), so her page was a 404 and
    the entity filter matched nothing; a name typed in another case was not found."""
    text = "Governor Žofia Novák said \u201cNobody is missing.\u201d The water is falling."
    article = analysis(
        "dam-a", text, title="Dam breach", outlet="Valley News", published="2031-04-12",
        speaker="Žofia Novák", quote="Nobody is missing.",
    )
    catalog = StoreCatalog.open(db_url)
    try:
        catalog.store.add_analyses([article])
        view = catalog.entity("Žofia Novák")
        assert view is not None
        assert [(i.kind, i.article_id) for i in view.items] == [("quote", "dam-a")]
        assert [m["article_id"] for m in view.mentions] == ["dam-a"]
        # lower() folds every letter on both databases
        assert catalog.entity("ŽOFIA NOVÁK") is not None
        assert catalog.entity("žofia novák") is not None
        assert catalog.stories(StoryQuery(entity="Žofia Novák"))[1] == 1
        client = TestClient(create_app(catalog))
        assert client.get("/entities/Žofia Novák").status_code == 200
    finally:
        catalog.close()


def test_the_article_legend_counts_in_singular_and_plural(client):
    doc = lxml.html.fromstring(client.get("/articles/bridge-a").text)
    assert doc.cssselect("p.legend .muted")[0].text_content() == (
        "1 quote · 1 claim · 1 date · 1 entity"
    )
    doc = lxml.html.fromstring(client.get("/articles/orchard").text)
    assert doc.cssselect("p.legend .muted")[0].text_content() == (
        "0 quotes · 1 claim · 0 dates · 0 entities"
    )


def test_a_story_stored_without_its_brief_is_fused_once_the_list_shows_it(db_url, monkeypatch):
    """`storyfuse ingest` run while the server is up leaves new stories without a brief: the
    list said "conflicts: …" (being computed) for good, as nothing computed them until someone
    opened each story. The list now has them fused in the background."""
    monkeypatch.setattr("storyfuse.fuse.fuse", _fake_fuse)
    catalog = StoreCatalog.open(db_url)
    try:
        client = TestClient(create_app(catalog))
        assert "No stories" in client.get("/").text
        with Store.open(db_url) as other:  # another process's ingest
            other.add_analyses(corpus().articles)
        catalog._version = None  # the revision is re-read at most once a second
        assert client.get("/").text.count("conflicts: …") == 2
        deadline = time.monotonic() + 20
        while "conflicts: …" in client.get("/").text:
            assert time.monotonic() < deadline, "the briefs were never fused"
            time.sleep(0.2)
        with catalog.engine.connect() as conn:
            pending = conn.execute(
                sa.select(sa.func.count()).where(schema.stories.c.brief.is_(None))
            ).scalar_one()
        assert pending == 0
        assert "1 conflict" in client.get("/").text
    finally:
        catalog.close()


def test_a_search_with_more_matches_than_shown_says_so_and_shows_more(client):
    """The page listed the first 30 matches and said nothing of the rest."""
    every = client.get("/api/search", params={"q": "rebuild"}).json()["hits"]
    assert len(every) > 2
    doc = lxml.html.fromstring(client.get("/", params={"q": "rebuild", "hits": 2}).text)
    assert len(doc.cssselect("li.hit")) == 2
    note = doc.cssselect("section.hits p.more")[0]
    assert note.text_content().startswith("The first 2 matches are shown.")
    link = note.cssselect("a")[0].get("href")
    more = lxml.html.fromstring(client.get(link).text)
    assert len(more.cssselect("li.hit")) == len(every)
    assert not more.cssselect("section.hits p.more")


def test_a_search_of_blanks_lists_every_story_as_an_empty_one_does(client):
    listed = lxml.html.fromstring(client.get("/").text).cssselect("li.story-row")
    doc = lxml.html.fromstring(client.get("/", params={"q": "   "}).text)
    assert doc.cssselect("h1")[0].text_content() == "Stories"
    assert len(doc.cssselect("li.story-row")) == len(listed) == 2


@pytest.mark.parametrize(
    ("source", "said"),
    [("text", "2031-03-04 (date from the text)"), ("inferred", "2031-03-04 (date inferred)"),
     ("given", "2031-03-04 (date given with the input)"), ("metadata", "2031-03-04 ·")],
)
def test_an_article_page_says_where_its_date_came_from_in_words(source, said):
    """It read "(date from given)" for a date a JSONL record gave."""
    brief = corpus()
    first = brief.articles[0]
    article = dataclasses.replace(first.article, published_from=source)
    brief = dataclasses.replace(
        brief, articles=(dataclasses.replace(first, article=article), *brief.articles[1:])
    )
    client = TestClient(create_app(MemoryCatalog(brief)))
    doc = lxml.html.fromstring(client.get("/articles/bridge-a").text)
    line = " ".join(doc.cssselect("article p.muted")[0].text_content().split())
    assert said in line


def test_an_untitled_article_is_named_alike_in_its_heading_and_the_browser_tab():
    """The tab showed the article's id ("004_407a2f97c9f46f2f · storyfuse") beside a heading
    naming it by its opening words."""
    brief = corpus()
    first = brief.articles[0]
    article = dataclasses.replace(first.article, title=None)
    brief = dataclasses.replace(
        brief, articles=(dataclasses.replace(first, article=article), *brief.articles[1:])
    )
    client = TestClient(create_app(MemoryCatalog(brief)))
    doc = lxml.html.fromstring(client.get("/articles/bridge-a").text)
    heading = doc.cssselect("h1")[0].text_content()
    assert "The Harbour Bridge reopens" in heading
    assert doc.findtext(".//title") == f"{heading} · storyfuse"


def test_a_later_page_of_stories_says_which_it_shows_and_links_back(catalog, monkeypatch):
    """Page 2 looked like page 1 with fewer stories and no way back; a page past the end said
    "No stories yet. Upload articles"."""
    from storyfuse.web import app as app_module

    monkeypatch.setattr(app_module, "PAGE_SIZE", 1)
    client = TestClient(create_app(catalog))

    def page(n: int):
        doc = lxml.html.fromstring(client.get("/", params={"page": n, "outlet": ""}).text)
        count = " ".join(doc.cssselect("p.count")[0].text_content().split())
        links = {a.text_content(): a.get("href") for a in doc.cssselect("p.pages a")}
        return doc, count, links

    doc, count, links = page(1)
    assert count == "2 stories, newest first; 1–1 shown."
    assert set(links) == {"More stories"}
    doc, count, links = page(2)
    assert count == "2 stories, newest first; 2–2 shown."
    assert links == {"Previous stories": "/?page=1"}
    doc, count, links = page(3)
    assert "yet" not in doc.cssselect("li.empty")[0].text_content()
    assert doc.cssselect("li.empty a")[0].get("href") == "/"


@pytest.mark.parametrize("url", ["/?since=last%20week", "/api/stories?until=31/03/2031"])
def test_a_date_filter_that_is_not_an_iso_date_is_refused_not_matched_as_text(client, url):
    """Dates compare as text: "last week" sorted after every date, so the list was empty with
    no word of why."""
    response = client.get(url)
    assert response.status_code == 422
    assert client.get("/?since=2031-03&until=2031-03-05").status_code == 200


def test_an_article_match_sets_its_headline_apart_from_its_text(db_url):
    """The database searches an article's headline and text as one; the excerpt ran them
    together ("…reopens Monday The Harbour Bridge reopens on Monday…")."""
    catalog = StoreCatalog.open(db_url)
    try:
        catalog.store.add_analyses(corpus().articles)
        hit = next(h for h in catalog.search("reopens") if h.article_id == "bridge-a")
        assert hit.kind == "article"
        assert hit.text.startswith("Harbour Bridge reopens Monday — The Harbour Bridge reopens")
    finally:
        catalog.close()


def test_a_brief_that_fails_to_fuse_is_not_tried_again_on_every_listing():
    """A story whose fusing raises would otherwise be fused again, in the background, each time
    the list is shown."""
    from storyfuse.web.app import _Warmer

    calls: list[list[str]] = []

    def warm(ids: list[str]) -> None:
        calls.append(ids)
        raise RuntimeError("cannot fuse")

    warmer = _Warmer(warm)
    for _ in range(3):
        warmer.request(["s-broken"])
        deadline = time.monotonic() + 5
        while warmer._thread is not None:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    assert calls == [["s-broken"]]


def test_a_search_longer_than_a_long_quotation_is_refused(client):
    """Thousands of words made the database's search take seconds of CPU per request."""
    from storyfuse.web.app import MAX_QUERY

    long = ("rebuild " * MAX_QUERY)[: MAX_QUERY + 1]
    assert client.get("/", params={"q": long}).status_code == 422
    assert client.get("/api/search", params={"q": long}).status_code == 422
    assert client.get("/api/stories", params={"q": long}).status_code == 422
    assert client.get("/", params={"q": long[:MAX_QUERY]}).status_code == 200
    doc = lxml.html.fromstring(client.get("/").text)
    assert doc.cssselect("header input[name=q]")[0].get("maxlength") == str(MAX_QUERY)


def test_a_copied_source_names_the_source_it_copies_by_its_number():
    """It said "copy of bridge-a", the article's internal id, beside sources numbered [1], [2]."""
    brief = corpus()
    bridge = dataclasses.replace(brief.stories[0], duplicates={"bridge-c": "bridge-a"})
    brief = dataclasses.replace(brief, stories=(bridge, *brief.stories[1:]))
    client = TestClient(create_app(MemoryCatalog(brief)))
    doc = lxml.html.fromstring(client.get("/stories/s-bridge").text)
    copy = doc.get_element_by_id("src-3")
    assert " ".join(copy.text_content().split()).endswith("copy of [1]")
    assert copy.cssselect("a")[-1].get("href") == "#src-1"
    assert client.get("/api/stories/s-bridge").json()["sources"][2]["copy_of"] == "bridge-a"


def test_a_story_s_sources_name_their_authors():
    brief = corpus()
    first = brief.articles[0]
    byline = dataclasses.replace(first.article, authors=("Ana Ruiz", "Lena Okafor"))
    brief = dataclasses.replace(
        brief, articles=(dataclasses.replace(first, article=byline), *brief.articles[1:])
    )
    client = TestClient(create_app(MemoryCatalog(brief)))
    story = next(s for s in brief.stories if first.article.id in s.article_ids)
    doc = lxml.html.fromstring(client.get(f"/stories/{story.id}").text)
    n = story.article_ids.index(first.article.id) + 1
    line = " ".join(doc.get_element_by_id(f"src-{n}").text_content().split())
    assert "by Ana Ruiz, Lena Okafor" in line
    others = [f"src-{k}" for k in range(1, len(story.article_ids) + 1) if k != n]
    assert all(" by " not in doc.get_element_by_id(i).text_content() for i in others)
