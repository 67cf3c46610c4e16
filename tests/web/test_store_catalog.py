"""The web app over a real story database (SQLite and PostgreSQL), as `storyfuse serve` runs it."""

from __future__ import annotations

import dataclasses

import lxml.html
import pytest
from tests.web.conftest import TestClient
from tests.web.records import analysis, corpus

from storyfuse.web import create_app
from storyfuse.web.catalog import StoryQuery
from storyfuse.web.queries import StoreCatalog


def _fake_fuse(story, analyses):
    """The hand-written brief of the story with these articles (fusing needs the models)."""
    for brief in corpus().stories:
        if set(brief.article_ids) == set(story.article_ids):
            return dataclasses.replace(brief, id=story.id, article_ids=story.article_ids)
    raise AssertionError(f"unexpected grouping: {story.article_ids}")




@pytest.fixture
def catalog(db_url, monkeypatch):
    monkeypatch.setattr("storyfuse.fuse.fuse", _fake_fuse)
    catalog = StoreCatalog.open(db_url)
    catalog.add(corpus().articles)
    yield catalog
    catalog.close()


def _ids(catalog):
    rows, _ = catalog.stories(StoryQuery())
    return {r.title: r.id for r in rows}


def test_story_list_newest_first_with_counts_and_conflicts(catalog):
    rows, total = catalog.stories(StoryQuery())
    assert total == 2
    assert [r.articles for r in rows] == [1, 3]  # the orchard story is the newer one
    bridge = rows[1]
    assert (bridge.outlets, bridge.first, bridge.last) == (3, "2031-03-04", "2031-03-05")
    assert bridge.conflicts == 1  # counted from the stored brief
    assert bridge.outlet_names == ["City Wire", "Daily Courier", "Evening Post"]


def test_story_list_filters(catalog):
    def titles(**kw):
        return [r.articles for r in catalog.stories(StoryQuery(**kw))[0]]

    assert titles(outlet="Evening Post") == [3]
    assert titles(entity="ANA RUIZ") == [3]
    assert titles(q="tonnes") == [1]
    assert titles(q="nothing-like-this") == []
    assert titles(since="2031-06-01") == [1]
    assert titles(until="2031-03-04") == [3]
    assert titles(since="2031-03-05", until="2031-03-05") == [3]
    assert catalog.stories(StoryQuery(limit=1, offset=1))[1] == 2


def test_search_hits_link_to_quotes_and_claims(catalog):
    hits = catalog.search("rebuild")
    quote = next(h for h in hits if h.kind == "quote")
    assert quote.fragment == "q0" and quote.who == "Ana Ruiz" and quote.outlet
    assert quote.direct is True
    reported = next(h for h in catalog.search("reopens") if h.kind == "quote")
    assert (reported.who, reported.direct) == ("The city", False)
    claim = next(h for h in catalog.search("tonnes") if h.kind == "claim")
    assert claim.fragment == "c0" and claim.who == "The growers' association"


def test_entity_gathers_quotes_and_claims_across_articles(catalog):
    view = catalog.entity("ana ruiz")
    assert [(i.kind, i.article_id, i.fragment) for i in view.items] == [
        ("quote", "bridge-a", "q0"),
        ("claim", "bridge-a", "c0"),
        ("quote", "bridge-b", "q0"),
    ]
    assert view.labels == ["PERSON"]
    assert [m["article_id"] for m in view.mentions] == ["bridge-a", "bridge-b"]
    assert catalog.entity("Nobody At All") is None


def test_entity_finds_quotes_and_claims_whose_speaker_carries_a_title(catalog):
    """Extraction keeps a speaker's title ("union secretary Ana Ruiz"); her page still lists
    them, and a longer name ending in hers ("Dana Ruiz") is someone else."""
    text = (
        "Dockers walked out on Friday. Union secretary Ana Ruiz said \u201cWe will not accept "
        "this offer.\u201d Union secretary Ana Ruiz put the strikers at 300 workers. "
        "Dana Ruiz said \u201cthe port stays open.\u201d"
    )
    titled = analysis(
        "docks-a", text, title="Dockers strike", outlet="City Wire", published="2031-05-01",
        speaker="union secretary Ana Ruiz", quote="We will not accept this offer.",
        claim=("300", 300.0, "worker", "union secretary Ana Ruiz"),
    )
    other = analysis(
        "docks-b", text, title="Port open", outlet="City Wire", published="2031-05-02",
        speaker="Dana Ruiz", quote="the port stays open.", claim=("300", 300.0, "worker", "Dana Ruiz"),
    )
    catalog.store.add_analyses([titled, other])
    view = catalog.entity("Ana Ruiz")
    found = [(i.kind, i.article_id) for i in view.items]
    assert ("quote", "docks-a") in found and ("claim", "docks-a") in found
    assert not any(article == "docks-b" for _kind, article in found)


def test_pages_over_the_database(catalog):
    client = TestClient(create_app(catalog))
    # the listing shows the brief's title (the lead article's is "Harbour Bridge reopens Monday")
    story_id = _ids(catalog)["Harbour Bridge reopens"]
    doc = lxml.html.fromstring(client.get(f"/stories/{story_id}").text)
    assert [a.get("href") for a in doc.cssselect("#summary a.cite")] == [
        "/articles/bridge-a#s0",
        "/articles/bridge-c#s2",
    ]
    article = lxml.html.fromstring(client.get("/articles/bridge-c").text)
    assert article.get_element_by_id("s2").text_content() == "Engineers inspected it twice."
    assert article.cssselect(".crumbs a")[0].get("href") == f"/stories/{story_id}"
    listing = lxml.html.fromstring(client.get("/", params={"q": "shall rebuild"}).text)
    assert listing.cssselect(".hit-quote a")[0].get("href") == "/articles/bridge-b#q0"
    assert client.get("/api/entities/Ana Ruiz").json()["stories"] == [
        {"id": story_id, "title": "Harbour Bridge reopens"}
    ]


def test_deleting_an_article_through_the_api(catalog):
    client = TestClient(create_app(catalog))
    version = catalog.version()
    assert client.delete("/api/articles/bridge-c").json() == {"deleted": "bridge-c"}
    assert catalog.version() != version
    assert client.get("/articles/bridge-c").status_code == 404
    assert client.delete("/api/articles/bridge-c").status_code == 404


def test_a_story_without_a_title_is_named_by_its_opening(db_url, monkeypatch):
    from storyfuse.model import Analysis, Article

    monkeypatch.setattr("storyfuse.fuse.fuse", _fake_fuse)
    catalog = StoreCatalog.open(db_url)
    text = "Volunteers planted four hundred oak saplings along the river path on Saturday morning."
    article = Article("untitled", "untitled.txt", "text", text, "h" * 64, published="2031-05-01")
    catalog.store.add_analyses([Analysis(article)])
    (row,), _ = catalog.stories(StoryQuery())
    catalog.close()
    assert row.title.startswith("Untitled: Volunteers planted four hundred oak saplings")


def test_briefs_not_computed_yet_are_found_counted_as_unknown_and_warmed(db_url, monkeypatch):
    """Stories stored without a brief (as `storyfuse ingest` leaves them) are what the
    background pass fuses, and the list shows their conflicts as not known yet, not as none."""
    import sqlalchemy as sa

    from storyfuse.store import Store, schema

    monkeypatch.setattr("storyfuse.fuse.fuse", _fake_fuse)
    with Store.open(db_url) as store:
        store.add_analyses(corpus().articles)
    catalog = StoreCatalog.open(db_url)
    try:
        with catalog.engine.connect() as conn:
            pending = conn.execute(
                sa.select(sa.func.count()).where(schema.stories.c.brief.is_(None))
            ).scalar_one()
        assert pending == 2
        assert [r.conflicts for r in catalog.stories(StoryQuery())[0]] == [None, None]
        assert catalog.warm() == 2
        assert [r.conflicts for r in catalog.stories(StoryQuery())[0]] == [0, 1]
    finally:
        catalog.close()


def test_an_upload_under_a_stored_id_lists_the_id_it_is_stored_under(catalog, monkeypatch):
    """Another file's article under a stored id is kept under an id of its own; the upload's
    job names that id, not the one the file was read with."""
    import time

    monkeypatch.setattr(catalog, "warm", lambda story_ids: None)  # no brief for this story

    from tests.web.test_security import _fake_analyse

    from storyfuse.web.uploads import UploadQueue

    queue = UploadQueue(catalog.add, analyse=_fake_analyse, identify=catalog.identify)
    try:
        job = queue.submit([("bridge-a.txt", b"A different article. Its file has a stored name.")])
        deadline = time.monotonic() + 60
        while not job.done and time.monotonic() < deadline:
            time.sleep(0.05)
        assert job.state == "done", job.message
        (stored,) = job.article_ids
        assert stored != "bridge-a" and stored.startswith("bridge-a-")
        assert set(catalog.store.analyses([stored, "bridge-a"])) == {stored, "bridge-a"}
    finally:
        queue.close()


def test_search_finds_what_a_name_said_and_wrote(catalog):
    """A quote or claim is found by its speaker or claimant, and an article by its outlet,
    though the passage itself does not name them."""
    by_ruiz = {(h.kind, h.article_id) for h in catalog.search("Ruiz")}
    assert {("quote", "bridge-a"), ("quote", "bridge-b"), ("claim", "bridge-a")} <= by_ruiz
    assert {(h.kind, h.article_id, h.who) for h in catalog.search("Ruiz span")} >= {
        ("quote", "bridge-a", "Ana Ruiz"),
        ("quote", "bridge-b", "Ana Ruiz"),
    }
    assert ("quote", "bridge-c") in {(h.kind, h.article_id) for h in catalog.search("city")}
    courier = {(h.kind, h.article_id) for h in catalog.search('"Daily Courier"')}
    assert courier == {("article", "bridge-a")}
