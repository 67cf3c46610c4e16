"""Requests a reader or a script may send that the pages must answer sensibly: out-of-range
numbers, bad parameters, HEAD, names with accented capitals."""

from __future__ import annotations

import pytest
from tests.web.conftest import TestClient
from tests.web.records import corpus

from storyfuse.web import create_app
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
