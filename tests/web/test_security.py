"""Hostile article text stays text: escaped HTML, inert URLs, a strict CSP; writes need a token."""

import json
import time
from urllib.parse import quote

import lxml.html
import pytest
from tests.web.conftest import TestClient
from tests.web.evil import EVIL_ID, PAYLOADS, PWN, evil_corpus

from storyfuse.web import MemoryCatalog, create_app
from storyfuse.web.security import CSP, is_loopback

DANGEROUS_TAGS = ("iframe", "img", "svg", "object", "embed", "frame", "base", "meta[http-equiv]")


@pytest.fixture
def evil_client():
    return TestClient(create_app(MemoryCatalog(evil_corpus())))


def _pages(client):
    story_id = f"story-{PAYLOADS[0]}"
    urls = [
        "/",
        "/?q=" + quote("script"),
        "/?outlet=" + quote(PAYLOADS[3]),
        "/stories/" + quote(story_id, safe=""),
        "/articles/" + quote(EVIL_ID, safe=""),
        "/articles/plain",
        "/entities/" + quote(PAYLOADS[2], safe=""),
        "/entities/" + quote(PAYLOADS[1], safe=""),
        "/upload",
        "/stories/" + quote(PAYLOADS[1], safe=""),  # a 404 that echoes the id
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        yield url, response


def test_no_payload_becomes_markup_on_any_page(evil_client):
    seen_escaped = 0
    for url, response in _pages(evil_client):
        html = response.text
        assert PWN not in html.replace("&lt;", "<") or "<script>" + PWN not in html, url
        for payload in PAYLOADS[:6]:
            assert payload not in html, (url, payload)  # never printed raw
        seen_escaped += html.count("&lt;script&gt;")
        doc = lxml.html.fromstring(html)
        for script in doc.iter("script"):
            assert (script.get("src") or "").startswith("/static/"), (url, lxml.html.tostring(script))
            assert not (script.text or "").strip(), url
        for tag in DANGEROUS_TAGS:
            assert not doc.cssselect(tag), (url, tag)
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (url, name)
                if name in ("href", "src", "action", "formaction"):
                    scheme = value.strip().lower().split(":", 1)[0]
                    assert scheme not in ("javascript", "data", "vbscript"), (url, value)
                    assert not value.strip().startswith("//"), (url, value)
    assert seen_escaped > 10  # the payloads were shown, as text


def test_links_to_the_original_article_are_web_links_only(evil_client):
    doc = lxml.html.fromstring(evil_client.get("/articles/" + quote(EVIL_ID, safe="")).text)
    assert not [a for a in doc.cssselect("a") if a.text_content() == "original"]  # javascript: URL dropped
    doc = lxml.html.fromstring(evil_client.get("/articles/plain").text)
    (link,) = [a for a in doc.cssselect("a") if a.text_content() == "original"]
    assert link.get("href") == "https://example.org/plain"
    assert set(link.get("rel").split()) >= {"noopener", "noreferrer", "nofollow"}


def test_chart_data_is_an_inert_attribute_that_round_trips(evil_client):
    html = evil_client.get("/stories/" + quote(f"story-{PAYLOADS[0]}", safe="")).text
    doc = lxml.html.fromstring(html)
    specs = [json.loads(fig.get("data-spec")) for fig in doc.cssselect("figure.chart")]
    assert specs, "the figures chart is present"
    values = json.dumps(specs, ensure_ascii=False)
    assert PAYLOADS[1] in values  # the claimant reaches the chart as data, unchanged


def test_template_syntax_in_data_is_not_evaluated(evil_client):
    html = evil_client.get("/articles/" + quote(EVIL_ID, safe="")).text
    assert "{{ 7*7 }}" in html


def test_every_response_carries_a_strict_csp(evil_client):
    for url in ("/", "/stories/x", "/api/stories", "/openapi.json", "/static/app.css"):
        headers = evil_client.get(url).headers
        assert headers["content-security-policy"] == CSP, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    directives = dict(d.split(" ", 1) for d in CSP.split("; "))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert "unsafe" not in CSP


def test_the_api_returns_payloads_as_json_strings(evil_client):
    response = evil_client.get("/api/articles/" + quote(EVIL_ID, safe=""))
    assert response.headers["content-type"] == "application/json"
    assert response.json()["article"]["title"] == " ".join(PAYLOADS)


# --- writing --------------------------------------------------------------------------------


class RecordingCatalog(MemoryCatalog):
    """Stores what it is given without re-grouping (no models needed)."""

    def __init__(self, brief):
        super().__init__(brief)
        self.added = []

    def add(self, analyses):
        self.added.extend(analyses)
        return ["s-new"]

    def delete_article(self, article_id):
        return article_id == "bridge-c"


def _fake_analyse(items):
    from storyfuse.model import Analysis, Article, Problem

    done, failed = [], []
    for item in items:
        if isinstance(item, Problem):
            failed.append(item)
        else:
            article = Article(
                item.id, item.path, item.format, item.body, item.content_hash, outlet=item.outlet
            )
            done.append(Analysis(article))
    return done, failed


@pytest.fixture
def writable():
    from tests.web.records import corpus

    from storyfuse.web.uploads import UploadQueue

    catalog = RecordingCatalog(corpus())
    queue = UploadQueue(catalog.add, analyse=_fake_analyse)
    yield catalog, queue
    queue.close()


def _upload(client, **kwargs):
    files = [("files", ("note.txt", b"A short article. It has two sentences.", "text/plain"))]
    return client.post("/api/uploads", files=files, **kwargs)


def test_writes_need_the_token_when_the_server_has_one(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, token="s3cret", uploads=queue))
    assert _upload(client).status_code == 401
    assert _upload(client, headers={"X-Storyfuse-Token": "wrong"}).status_code == 401
    assert _upload(client, headers={"X-Storyfuse-Token": "s3cret"}).status_code == 202
    assert _upload(client, headers={"Authorization": "Bearer s3cret"}).status_code == 202
    form = client.post("/upload", files=[("files", ("a.txt", b"Text here. More text."))],
                       data={"token": "s3cret"}, follow_redirects=False)
    assert form.status_code == 303 and form.headers["location"].startswith("/uploads/")
    assert client.delete("/api/articles/bridge-c").status_code == 401
    assert client.delete("/api/articles/bridge-c", headers={"X-Storyfuse-Token": "s3cret"}).json() == {
        "deleted": "bridge-c"
    }
    page = lxml.html.fromstring(client.get("/upload").text)
    assert page.cssselect("input[name=token][type=password]")


def test_cross_site_writes_are_refused_even_without_a_token(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue))
    assert _upload(client, headers={"Origin": "https://evil.example"}).status_code == 403
    assert _upload(client, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.delete("/api/articles/bridge-c", headers={"Origin": "null"}).status_code == 403
    assert _upload(client, headers={"Origin": "http://testserver"}).status_code == 202


def test_uploads_above_the_limit_get_a_clear_413(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue, max_upload_bytes=2_000))
    files = [("files", ("big.txt", b"word " * 1_000, "text/plain"))]
    response = client.post("/api/uploads", files=files)
    assert response.status_code == 413
    assert "limit is 0.002 MB" in response.json()["detail"]
    page = client.post("/upload", files=files)
    assert page.status_code == 413 and "Upload too large" in page.text

    def chunks():  # no Content-Length: counted while reading
        for _ in range(10):
            yield b"x" * 500

    streamed = client.post("/api/uploads", content=chunks(),
                           headers={"content-type": "multipart/form-data; boundary=b"})
    assert streamed.status_code == 413
    assert not catalog.added


def test_upload_is_processed_in_the_background_with_progress(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue))
    files = [
        ("files", ("one.txt", b"First article text. It is short.", "text/plain")),
        ("files", ("../../two.html", b"<html><body><p>Second article body, long enough.</p></body></html>", "text/html")),
    ]
    job = client.post("/api/uploads", files=files).json()
    assert job["files"] == ["one.txt", "two.html"]  # folders stripped from names
    for _ in range(100):
        job = client.get(f"/api/uploads/{job['id']}").json()
        if job["done"]:
            break
        time.sleep(0.05)
    assert job["state"] == "done", job
    assert job["story_ids"] == ["s-new"] and "one" in job["article_ids"]
    assert job["total"] == job["analysed"] + 0 and job["analysed"] >= 1
    assert next(a.id for a in catalog.added) == "one"


def _finished(client, job):
    for _ in range(100):
        job = client.get(f"/api/uploads/{job['id']}").json()
        if job["done"]:
            return job
        time.sleep(0.05)
    raise AssertionError(job)


def test_an_upload_names_the_encoding_of_files_that_are_not_utf8(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue))
    text = "The council’s “new budget” was approved on Thursday, the mayor said."
    files = [("files", ("budget.txt", text.encode("cp1252"), "text/plain"))]
    refused = _finished(client, client.post("/api/uploads", files=files).json())
    assert not refused["article_ids"] and "UTF-8" in refused["errors"][0]["error"]
    read = client.post("/api/uploads", files=files, data={"encoding": "cp1252"}).json()
    assert read["encoding"] == "cp1252"
    read = _finished(client, read)
    assert read["article_ids"] == ["budget"] and not read["errors"]
    assert any(a.article.text == text for a in catalog.added)
    bad = client.post("/api/uploads", files=files, data={"encoding": "klingon"})
    assert bad.status_code == 400 and "no such encoding" in bad.json()["detail"]
    page = lxml.html.fromstring(client.get("/upload").text)
    assert page.xpath("//form[@id='upload-form']//input[@name='encoding']")


def test_an_upload_names_the_outlet_of_files_that_name_none(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue))
    text = "The harbour bridge reopened on Thursday after eight months of repairs."
    files = [("files", ("bridge.txt", text.encode(), "text/plain"))]
    job = client.post("/api/uploads", files=files, data={"outlet": " The  Herald "}).json()
    assert job["outlet"] == "The Herald"
    assert _finished(client, job)["article_ids"] == ["bridge"]
    assert [a.article.outlet for a in catalog.added] == ["The Herald"]
    long = client.post("/api/uploads", files=files, data={"outlet": "x" * 500})
    assert long.status_code == 400 and "at most" in long.json()["detail"]
    page = lxml.html.fromstring(client.get("/upload").text)
    assert page.xpath("//form[@id='upload-form']//input[@name='outlet']")


def test_only_article_file_types_are_accepted(writable):
    catalog, queue = writable
    client = TestClient(create_app(catalog, uploads=queue))
    response = client.post("/api/uploads", files=[("files", ("run.sh", b"echo hi"))])
    assert response.status_code == 400 and ".txt" in response.json()["detail"]


def test_a_brief_json_is_served_read_only():
    from tests.web.records import corpus

    from storyfuse.render.jsonout import to_dict

    client = TestClient(create_app(MemoryCatalog.from_dict(to_dict(corpus()))))
    assert client.get("/stories/s-bridge").status_code == 200
    assert _upload(client).status_code == 405
    assert "Upload" not in [a.text_content() for a in lxml.html.fromstring(client.get("/").text).cssselect("nav a")]


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
