"""A link to a story whose id regrouping replaced leads to the story that now holds the article
the old id was named after, on the page (with a line saying so) and in the JSON API."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.store.conftest import earlier_flood_report, flood_reports
from tests.web.conftest import TestClient

from storyfuse.web import MemoryCatalog, create_app
from storyfuse.web.queries import StoreCatalog


def test_an_old_story_link_is_redirected_to_the_story_now_holding_it(db_url):
    catalog = StoreCatalog.open(db_url)
    try:
        catalog.add(flood_reports())
        old = catalog.story_of("flood-1")
        client = TestClient(create_app(catalog))
        assert client.get(f"/stories/{old}").status_code == 200
        catalog.add([earlier_flood_report()])
        new = catalog.story_of("flood-1")
        assert new != old

        page = client.get(f"/stories/{old}", follow_redirects=False)
        assert page.status_code == 307
        target = urlsplit(page.headers["location"])
        assert target.path == f"/stories/{new}" and parse_qs(target.query) == {"from": [old]}
        shown = client.get(f"/stories/{old}")
        assert shown.status_code == 200 and f"named story {old}" in shown.text
        # the plain page, and a "from" that names no replaced id, say nothing of it
        assert "named story" not in client.get(f"/stories/{new}").text
        assert "named story" not in client.get(f"/stories/{new}?from=s123").text
        assert "named story" not in client.get(f"/stories/{new}?from={new}").text

        api = client.get(f"/api/stories/{old}", follow_redirects=False)
        assert api.status_code == 307 and api.headers["location"] == f"/api/stories/{new}"
        assert client.get(f"/api/stories/{old}").json()["story"]["id"] == new
        # an id that never was a story is still not found
        assert client.get("/stories/s000000000000").status_code == 404
        assert client.get("/api/stories/s000000000000").status_code == 404
    finally:
        catalog.close()


def test_the_in_memory_catalog_follows_replaced_ids_too():
    from storyfuse.group import story_id_of

    catalog = MemoryCatalog.from_dict(
        {
            "stories": [{"id": "s-now", "article_ids": ["flood-1", "flood-2"]}],
            "articles": [],
        }
    )
    assert catalog.moved(story_id_of("flood-2")) == "s-now"
    assert catalog.moved("s-now") is None and catalog.moved("s000000000000") is None
