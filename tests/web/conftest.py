import warnings

import pytest
from tests.web.records import corpus

from storyfuse.web import MemoryCatalog, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx vs httpx2
    from fastapi.testclient import TestClient


@pytest.fixture
def catalog() -> MemoryCatalog:
    return MemoryCatalog(corpus())


@pytest.fixture
def client(catalog: MemoryCatalog) -> TestClient:
    return TestClient(create_app(catalog))
