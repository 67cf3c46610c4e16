"""ingest.read over every format and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
from pathlib import Path

import pytest

from storyfuse.ingest import read
from storyfuse.ingest.records import sha256
from storyfuse.model import Document, Problem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
TEXT = "Bridge reopens\n\nThe harbour bridge reopened on Thursday after eight months of repairs.\n"


def _read(*paths: Path | str) -> list[Document | Problem]:
    return list(read([str(p) for p in paths]))


def _only(items: list[Document | Problem]) -> Document | Problem:
    assert len(items) == 1, items
    return items[0]


def test_text_file_id_hash_and_body(tmp_path: Path) -> None:
    path = tmp_path / "bridge-story.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = _only(_read(path))
    assert isinstance(doc, Document)
    assert doc.id == "bridge-story"
    assert doc.format == "text"
    assert doc.content_hash == sha256(path.read_bytes())
    assert "eight months of repairs" in doc.body
    assert not doc.from_html


def test_html_file_body_and_metadata() -> None:
    doc = _only(_read(FIXTURES / "article.html"))
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.from_html
    assert "corroded steel cables" in doc.body
    assert "All rights reserved" not in doc.body  # the footer is not the article
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.outlet == "Coastal Courier"
    assert doc.authors == ("Mara Lindqvist",)
    assert (doc.published, doc.published_from) == ("2024-03-14", "metadata")


def test_jsonl_lines_and_a_truncated_line() -> None:
    items = _read(FIXTURES / "articles.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in docs] == ["a1", "a2", "a4"]
    assert len(problems) == 1
    assert problems[0].path.endswith("articles.jsonl:3")
    assert "line 3" in problems[0].error and "JSON" in problems[0].error
    a1, a2 = docs[0], docs[1]
    assert (a1.published, a1.published_from) == ("2024-02-01", "given")
    assert a1.authors == ("Ana Ruiz",) and a1.outlet == "Delta Post" and a1.title == "River rises"
    assert a2.from_html and "renovated next year" in a2.body and "<p>" not in a2.body
    assert a1.content_hash != a2.content_hash  # one hash per record, not per file


def test_jsonl_dates_that_name_no_day_are_reported_once_per_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "wire.jsonl"
    records = [
        {"id": "w1", "text": "The ferry ran again on Monday.", "published": "2024-05-06"},
        {"id": "w2", "text": "The ferry ran again on Monday.", "published": "sometime last spring"},
        {"id": "w3", "text": "The ferry ran again on Monday.", "date": "2024"},
        {"id": "w4", "text": "The ferry ran again on Monday."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="storyfuse"):
        docs = _read(path)
    dates = [d.published for d in docs if isinstance(d, Document)]
    assert dates == ["2024-05-06", None, None, None]
    notices = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(notices) == 1, notices
    assert notices[0].startswith(f"{path}: the dates given on 2 lines (line 2: ")
    assert '"sometime last spring"' in notices[0] and "not a day" in notices[0]
    caplog.clear()
    path.write_text(json.dumps(records[0]) + "\n" + json.dumps(records[3]) + "\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="storyfuse"):
        _read(path)
    assert not caplog.records  # a good date, or none given, is nothing to say


def test_jsonl_record_without_text(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "n1", "title": "no body"}\n[1, 2]\n', encoding="utf-8")
    problems = _read(path)
    assert all(isinstance(p, Problem) for p in problems) and len(problems) == 2
    assert "neither a 'text' nor an 'html'" in problems[0].error
    assert "not a JSON object" in problems[1].error


def test_feed_entries() -> None:
    items = _read(FIXTURES / "feed.rss")
    assert [type(i) for i in items] == [Document, Document]
    first = items[0]
    assert isinstance(first, Document)
    assert first.format == "feed" and first.outlet == "Valley Gazette"
    assert first.title == "Library extends opening hours"
    assert first.published == "2024-03-05"
    assert first.id == "feed-library-hours"
    assert "exam season" in first.body and "<p>" not in first.body


def test_feed_entry_date_from_updated_and_a_bad_date_said_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import warnings

    path = tmp_path / "a.atom"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Gazette</title>'
        "<entry><id>u1</id><title>Bridge reopens</title><updated>2024-04-02T08:00:00Z</updated>"
        "<content>The bridge reopened to traffic after repairs.</content></entry>"
        "<entry><id>u2</id><title>Market moves</title><published>not a date</published>"
        "<content>The market moves to the square in May.</content></entry></feed>",
        encoding="utf-8",
    )
    with warnings.catch_warnings(), caplog.at_level(logging.WARNING, logger="storyfuse"):
        warnings.simplefilter("error", DeprecationWarning)
        first, second = _read(path)
    assert isinstance(first, Document) and first.published == "2024-04-02"
    assert isinstance(second, Document) and second.published is None
    # the date that is none is said once, as for a JSONL file
    notices = [r.getMessage() for r in caplog.records]
    expected = (
        f'{path}: the date given on entry 2 ("not a date") is not a day; left out, so the '
        "article's own page or text dates it where it can"
    )
    assert notices == [expected]


def _warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_records(tmp_path: Path, name: str) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    other = html.replace("harbour bridge", "ferry terminal")
    _warc(
        tmp_path / name,
        [
            ("https://news.example/a/bridge.html", html),
            ("https://news.example/a/ferry.html", other),
        ],
    )
    items = _read(tmp_path / name)
    assert all(isinstance(i, Document) for i in items), items
    assert [i.id for i in items] == ["crawl-bridge", "crawl-ferry"]  # type: ignore[union-attr]
    assert items[0].format == "warc"  # type: ignore[union-attr]
    assert items[0].content_hash != items[1].content_hash  # type: ignore[union-attr]


def test_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode()))
    doc = _only(_read(path))
    assert isinstance(doc, Document) and doc.id == "story" and "harbour bridge" in doc.body


def test_folder_is_recursive_sorted_and_skips_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    items = _read(tmp_path)
    assert [i.path for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.txt")]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Caf\xe9 opens on the main square\n", "not valid UTF-8"),
        (b"\xff\xfe" + b"\x00\xd8", "UTF-16"),  # a BOM, then a lone surrogate
        ("\u200b\u200b\n\u00ad".encode(), "no visible text"),
    ],
)
def test_bad_text_files_are_problems(tmp_path: Path, content: bytes, needle: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    problem = _only(_read(path))
    assert isinstance(problem, Problem)
    assert problem.path == str(path)
    assert needle in problem.error


@pytest.mark.parametrize(
    ("encoding", "prefix"), [("utf-16", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-32", b"")]
)
def test_byte_order_marks_are_decoded(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(prefix + "Zürich café reopens — “quoted”".encode(encoding))
    doc = _only(_read(path))
    assert isinstance(doc, Document)
    assert doc.body == "Zürich café reopens — “quoted”"


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"').replace("Okafor", "Okaföre")
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1252"))
    doc = _only(_read(path))
    assert isinstance(doc, Document) and "Okaföre" in doc.body


def test_missing_path_and_unknown_extension(tmp_path: Path) -> None:
    unknown = tmp_path / "report.pdf"
    unknown.write_bytes(b"%PDF-1.4")
    items = _read(tmp_path / "missing.txt", unknown)
    assert [type(i) for i in items] == [Problem, Problem]
    assert "no such file" in items[0].error  # type: ignore[union-attr]
    assert "unknown file type" in items[1].error  # type: ignore[union-attr]


def test_broken_gzip_and_bad_warc_and_bad_feed(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(b"\x1f\x8bnot really gzip")
    (tmp_path / "b.warc").write_text("this is not a WARC archive\n")
    (tmp_path / "c.rss").write_text("<rss><channel><title>x</title></channel></rss>")
    items = _read(tmp_path)
    assert all(isinstance(i, Problem) for i in items), items
    assert "gzip" in items[0].error  # type: ignore[union-attr]
    assert "WARC" in items[1].error  # type: ignore[union-attr]
    assert "no feed entries" in items[2].error  # type: ignore[union-attr]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(TEXT)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the open fail as it would for a user
        import storyfuse.ingest

        def denied(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(storyfuse.ingest, "open", denied, raising=False)
    problem = _only(_read(path))
    assert isinstance(problem, Problem) and "permission denied" in problem.error


def test_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "2.txt").write_text(TEXT)
    items = _read(tmp_path)
    assert [type(i) for i in items] == [Problem, Document]


# Seven paragraphs of one article, on a page with a menu and a footer.
BRIDGE_PARAGRAPHS = [
    f"Paragraph {k} explains how the harbour bridge repairs went, what the engineers found "
    f"in the cables and why the council decided to close the bridge for so long."
    for k in range(7)
]


def _bridge_page(after: str = "") -> str:
    page = "<html><body><nav>Home</nav>" + "".join(f"<p>{p}</p>" for p in BRIDGE_PARAGRAPHS)
    return page + f"<footer>Subscribe to our newsletter</footer>{after}</body></html>"


def test_truncated_extraction_is_continued_from_the_page() -> None:
    from storyfuse.ingest.html import _continue_truncated

    paragraphs, html = BRIDGE_PARAGRAPHS, _bridge_page()
    extracted = "\n".join(paragraphs[:4])
    assert _continue_truncated(extracted, html, None).split("\n") == paragraphs
    # One more line after the extract is not enough to call it truncated.
    assert _continue_truncated("\n".join(paragraphs[:6]), html, None) == "\n".join(paragraphs[:6])


def test_a_card_of_links_inside_a_paragraph_is_not_its_text() -> None:
    from storyfuse.ingest.html import extract_html

    card = (
        '<span class="card"><span><img src="moss.jpg"><a href="/p/moss">Ada Lynn Moss</a>'
        '<a href="/a/1">Harbour bridge to close for repairs</a> '
        '<a href="/a/2">Council backs new ferry line</a><a href="/p/moss">MORE</a></span></span>'
    )
    lead = (
        f'<p>Gov. <a href="/p/moss">Ada Moss</a>{card} (D) is defending the decision to close '
        "the harbour bridge for eight months, saying the cables could not wait.</p>"
    )
    # a paragraph whose links are part of its sentence stays whole
    linked = (
        '<p>The plan follows reports by <a href="/r/1">the port authority</a>, '
        '<a href="/r/2">the city engineers</a> and <a href="/r/3">an outside firm</a> that '
        "found rust in the cables of the bridge.</p>"
    )
    page = "<html><body>" + lead + linked + "".join(f"<p>{p}</p>" for p in BRIDGE_PARAGRAPHS)
    body = extract_html(page + "</body></html>").body
    assert "Gov. Ada Moss (D) is defending the decision" in body
    assert "Ada Lynn Moss" not in body and "ferry" not in body and "MORE" not in body
    assert "reports by the port authority, the city engineers and an outside firm" in body
    kept = extract_html(page + "</body></html>", cards=False).body
    assert "Ada Lynn Moss" in kept


def test_a_two_letter_site_name_is_an_abbreviation() -> None:
    from storyfuse.ingest.html import extract_html

    meta = '<html><head><meta property="og:site_name" content="{}"></head><body>'
    body = "".join(f"<p>{p}</p>" for p in BRIDGE_PARAGRAPHS) + "</body></html>"
    assert extract_html(meta.format("nj") + body).sitename == "NJ"
    assert extract_html(meta.format("Vox") + body).sitename == "Vox"


@pytest.mark.parametrize(
    ("site", "title", "name", "headline"),
    [
        # a site name with its tagline, and before the headline
        (
            "Harbour Times | your local news",
            "Harbour Times | your local news: Council shuts the old bridge",
            "Harbour Times",
            "Council shuts the old bridge",
        ),
        # the site name after the headline
        ("Harbour Times", "Council shuts the old bridge - Harbour Times", "Harbour Times",
         "Council shuts the old bridge"),
        ("Harbour Times", "Council shuts the old bridge | Harbour Times", "Harbour Times",
         "Council shuts the old bridge"),
        # too little would be left, or the name is part of the headline
        ("Harbour Times", "Harbour Times: New owner", "Harbour Times", "Harbour Times: New owner"),
        ("Vox", "Vox Media sells its harbour", "Vox", "Vox Media sells its harbour"),
    ],
)
def test_a_title_loses_the_site_name_around_it(
    site: str, title: str, name: str, headline: str
) -> None:
    from storyfuse.ingest.html import extract_html

    head = (
        f'<html><head><meta property="og:site_name" content="{site}">'
        f'<meta property="og:title" content="{title}"></head><body>'
    )
    body = "".join(f"<p>{p}</p>" for p in BRIDGE_PARAGRAPHS) + "</body></html>"
    page = extract_html(head + body)
    assert (page.sitename, page.title) == (name, headline)


def test_a_page_without_prose_beyond_the_extract_is_not_classified(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Classifying a page's lines is half the cost of reading it; a page whose left-out text
    is too little prose to continue the extract skips it, with the same result."""
    from storyfuse.ingest import html as html_module

    paragraphs, page = BRIDGE_PARAGRAPHS, _bridge_page("<p>Share this story</p>")
    calls: list[int] = []
    classify = html_module.classify
    monkeypatch.setattr(
        html_module, "classify", lambda *a, **k: calls.append(1) or classify(*a, **k)
    )
    extracted = "\n".join(paragraphs)
    assert html_module._continue_truncated(extracted, page, None) == extracted
    assert calls == []
    # prose left out after the extract: the lines are classified
    assert html_module._continue_truncated("\n".join(paragraphs[:4]), page, None)
    assert calls == [1]


@pytest.mark.parametrize("authors", ["true", "5", '{"name": "x"}', '["Ana Ruiz", 7]'])
def test_jsonl_authors_of_any_type_cost_nothing(tmp_path: Path, authors: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "a1", "text": "The bridge reopened on Thursday."}\n'
        f'{{"id": "a2", "text": "The ferry resumed service.", "authors": {authors}}}\n'
        '{"id": "a3", "text": "The market moved indoors."}\n'
    )
    items = _read(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["a1", "a2", "a3"]
    assert items[1].authors in ((), ("Ana Ruiz",))  # type: ignore[union-attr]


def test_control_characters_in_html_cost_at_most_their_record(tmp_path: Path) -> None:
    page = (FIXTURES / "article.html").read_text(encoding="utf-8")
    broken = page.replace("</article>", "<p>end <script>x</script>\x04 more</p></article>")
    (tmp_path / "ctl.html").write_text(broken)
    _warc(
        tmp_path / "crawl.warc",
        [
            ("https://n.example/a", page),
            ("https://n.example/b", broken),
            ("https://n.example/c", page),
        ],
    )
    items = _read(tmp_path / "ctl.html", tmp_path / "crawl.warc")
    assert isinstance(items[0], Document) and "corroded steel" in items[0].body
    assert [i.id for i in items[1:] if isinstance(i, Document)] == ["crawl-a", "crawl-b", "crawl-c"]


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "story.txt").write_text(TEXT)
    items = _read(tmp_path)
    assert isinstance(items[0], Problem) and "not a regular file" in items[0].error
    assert isinstance(items[1], Document)


def test_url_on_the_command_line_goes_through_the_guarded_fetcher() -> None:
    # Loopback and private addresses are refused before any connection is made.
    items = _read("http://127.0.0.1:9/page.html") + _read("https://10.0.0.7/feed.xml")
    assert [type(i) for i in items] == [Problem, Problem]
    assert all("127.0.0.1" in i.path or "10.0.0.7" in i.path for i in items)
    assert all(i.error for i in items)  # type: ignore[union-attr]
