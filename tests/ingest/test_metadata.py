"""What ingest records about an article besides its text: dates and their source, ids, encodings
declared by the container (HTTP header, XML declaration), field names of JSONL exports."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyfuse.ingest import read
from storyfuse.ingest.records import iso_date
from storyfuse.model import Document, Problem

PARAGRAPHS = [
    ("Dock workers at the Port of Rotterdam walked off the job on Tuesday, halting container "
     "traffic at Europe's largest port as talks over pay collapsed."),
    ("The FNV union said about 3,500 workers joined the strike, which is due to last 48 hours. "
     "Port authority spokesman Sander de Vries said 40 ships were waiting to berth."),
    ("Employers said the union's demand for a 14 percent raise over two years was unaffordable "
     "and offered 9 percent, according to a statement released by the employers' association."),
    ("The last major strike at the port, in 2019, lasted three days. Shipping lines including "
     "Maersk said they were rerouting some vessels to Antwerp and Hamburg."),
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def _read(*paths: Path | str) -> list[Document | Problem]:
    return list(read([str(p) for p in paths]))


def _doc(items: list[Document | Problem]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        "",  # the body names only a year ("in 2019")
        "<footer><p>© 2023 The Harbour Times. All rights reserved.</p></footer>",
    ],
)
def test_a_page_without_a_date_gets_none_not_the_first_of_january(
    tmp_path: Path, extra: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><body><article>{BODY}</article>{extra}</body></html>")
    doc = _doc(_read(path))
    assert (doc.published, doc.published_from) == (None, None)


def test_a_date_stated_only_in_the_page_text_is_marked_as_read_from_the_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><article><h1>Rotterdam dockers strike</h1>"
        f"<p>Published 11 March 2025</p>{BODY}</article></body></html>"
    )
    doc = _doc(_read(path))
    assert (doc.published, doc.published_from) == ("2025-03-11", "text")


def test_a_date_in_the_page_markup_is_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><meta property="article:published_time" content="2025-03-11T09:30:00+01:00">'
        f"</head><body><article>{BODY}</article></body></html>"
    )
    doc = _doc(_read(path))
    assert (doc.published, doc.published_from) == ("2025-03-11", "metadata")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-03-11T08:00:00Z", "2025-03-11"),
        ("Tue, 11 Mar 2025 08:00:00 GMT", "2025-03-11"),
        ("March 11, 2025", "2025-03-11"),
        ("11.03.2025", "2025-03-11"),  # dotted numeric dates are day first
        (1741680000, "2025-03-11"),  # Unix seconds
        (1741680000000, "2025-03-11"),  # Unix milliseconds
        ("1741680000", "2025-03-11"),
        # digits alone, as GDELT and many exports write a date with its time or not
        ("20250311", "2025-03-11"),
        ("20250311103000", "2025-03-11"),
        ("202503111030", "2025-03-11"),
        (20250311, "2025-03-11"),
        ("20251311", None),  # no thirteenth month
        ("99999999", None),
        # relative to the day the file is read, not to the day it was written: no date
        ("yesterday", None),
        ("2 hours ago", None),
        ("today", None),
        # no day named: no date to the day
        ("2025", None),
        ("March 2025", None),
        ("11 March", None),
        (True, None),
        (0, None),
    ],
)
def test_given_dates(given: object, expected: str | None) -> None:
    assert iso_date(given) == expected


def test_jsonl_relative_date_is_not_given_as_today(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "r1", "text": "The port reopened.", "published": "yesterday"}\n')
    doc = _doc(_read(path))
    assert (doc.published, doc.published_from) == (None, None)


# --- JSONL field names ---------------------------------------------------------------------


def test_jsonl_common_field_names_of_news_exports(tmp_path: Path) -> None:
    import json

    text = "\n\n".join(PARAGRAPHS)
    records = [
        {"id": "c1", "content": text, "headline": "Dockers strike", "source": "Beta Post",
         "date": "2025-03-11", "author": "Jan Vos"},
        {"id": "c2", "body": text, "pubDate": "Tue, 11 Mar 2025 08:00:00 GMT",
         "byline": "Ana Ruiz"},
        {"id": "c3", "maintext": text, "date_publish": "2025-03-11 08:00:00",
         "source_domain": "gamma.example", "authors": ["Kim Lee"]},
        {"id": "c4", "article": text, "site_name": "Delta", "datePublished": "2025-03-11",
         "link": "https://delta.example/strike"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    docs = [i for i in _read(path) if isinstance(i, Document)]
    assert [d.id for d in docs] == ["c1", "c2", "c3", "c4"]
    c1, c2, c3, c4 = docs
    assert (c1.title, c1.outlet, c1.authors) == ("Dockers strike", "Beta Post", ("Jan Vos",))
    assert (c1.published, c1.published_from) == ("2025-03-11", "given")
    assert c2.published == "2025-03-11" and c2.authors == ("Ana Ruiz",)
    assert (c3.outlet, c3.published, c3.authors) == ("gamma.example", "2025-03-11", ("Kim Lee",))
    assert (c4.outlet, c4.url) == ("Delta", "https://delta.example/strike")
    assert all("3,500 workers" in d.body for d in docs)


def test_jsonl_record_without_a_text_field_names_the_fields_it_has(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "headline": "Strike", "summary_html_v2": "..."}\n')
    (problem,) = _read(path)
    assert isinstance(problem, Problem)
    assert "headline" in problem.error and "summary_html_v2" in problem.error


def test_jsonl_text_that_is_no_string_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "x", "text": 5}\n{"content": {"en": "Strike"}}\n{"text": null, "html": [1]}\n'
    )
    number, mapping, listed = _read(path)
    assert isinstance(number, Problem) and "'text' is a number (5)" in number.error
    assert isinstance(mapping, Problem) and "'content' is an object" in mapping.error
    assert isinstance(listed, Problem) and "'html' is a list ([1])" in listed.error
    assert all("line" in p.error and "not a string" in p.error for p in (number, mapping, listed))


# --- encodings declared by the container -------------------------------------------------


def _warc(path: Path, records: list[tuple[str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, payload, ctype in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_record_in_the_charset_its_http_header_declares(tmp_path: Path, name: str) -> None:
    html = (
        "<html><body><article><h1>Grève à Rotterdam</h1>"
        "<p>Les dockers réclament 14 % d’augmentation.</p>" + BODY + "</article></body></html>"
    )
    _warc(
        tmp_path / name,
        [("https://fr.example/greve", html.encode("cp1252"), "text/html; charset=windows-1252")],
    )
    doc = _doc(_read(tmp_path / name))
    assert "réclament 14 % d’augmentation" in doc.body


def test_feed_in_the_encoding_its_xml_declaration_names(tmp_path: Path) -> None:
    path = tmp_path / "latin.rss"
    path.write_bytes(
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
            "<title>Café Nouvelles</title><item><title>Grève</title>"
            "<link>https://l.example/1</link>"
            f"<description>Grève générale. {PARAGRAPHS[0]}</description></item>"
            "</channel></rss>"
        ).encode("latin-1")
    )
    doc = _doc(_read(path))
    assert doc.outlet == "Café Nouvelles" and doc.title == "Grève"
    assert "Grève générale" in doc.body


def test_undeclared_legacy_encoding_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Grève générale à Rotterdam".encode("latin-1"))
    (problem,) = _read(path)
    assert isinstance(problem, Problem) and "UTF-8" in problem.error


# --- ids of the records of a feed or archive -----------------------------------------------


def _feed(links: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {link[-2:]}</title><link>{link}</link>"
        f"<description>Report number {link[-2:]}: {PARAGRAPHS[0]}</description></item>"
        for link in links
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'


def test_feed_record_ids_do_not_move_when_the_feed_gains_entries(tmp_path: Path) -> None:
    """Entries whose URLs end alike ("article.php?id=...") keep their ids when a newer entry
    is added on top, so re-reading a refreshed feed never gives one article another's id."""
    path = tmp_path / "news.rss"
    old = [f"https://old.example/article.php?id={n}" for n in (11, 12)]
    path.write_text(_feed(old))
    before = {d.url: d.id for d in _read(path) if isinstance(d, Document)}
    path.write_text(_feed(["https://old.example/article.php?id=13", *old]))
    after = {d.url: d.id for d in _read(path) if isinstance(d, Document)}
    assert len(set(after.values())) == 3
    assert all(after[url] == before[url] for url in old), (before, after)


# --- messages ------------------------------------------------------------------------------


def test_a_junk_warc_gets_a_short_readable_reason(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"\x01\x02junk\x1b[31m" * 300 + b"\n" + b"more junk\n" * 10)
    (problem,) = _read(path)
    assert isinstance(problem, Problem) and "WARC" in problem.error
    assert len(problem.error) < 200
    assert problem.error.isprintable()


def test_fetched_page_in_the_charset_its_http_header_declares(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import storyfuse.fetch

    html = f"<html><body><article><h1>Grève à Rotterdam</h1>{BODY}</article></body></html>"

    def fetch(url: str) -> storyfuse.fetch.Fetched:
        return storyfuse.fetch.Fetched(
            url=url, status=200, content_type="text/html; charset=ISO-8859-1",
            body=html.encode("latin-1"), address="192.0.2.1",
        )

    monkeypatch.setattr(storyfuse.fetch, "fetch", fetch)
    doc = _doc(_read("https://news.example/greve"))
    assert doc.title == "Grève à Rotterdam" and doc.url == "https://news.example/greve"


def test_jsonl_text_that_is_html_markup_is_read_as_text(tmp_path: Path) -> None:
    import json

    path = tmp_path / "cms.jsonl"
    path.write_text(json.dumps({"id": "w1", "content": BODY}) + "\n")
    doc = _doc(_read(path))
    assert "<p>" not in doc.body and "3,500 workers" in doc.body
    assert doc.body.count("\n") >= len(PARAGRAPHS) - 1  # one paragraph a line


def test_same_file_name_in_two_folders_is_two_articles(tmp_path: Path) -> None:
    """A mirrored site has an index.html in every folder: each is an article of its own."""
    for folder, words in (("port", "dockers strike"), ("rail", "train drivers strike")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(f"In Rotterdam, {words} over pay.\n")
    docs = _read(tmp_path)
    assert all(isinstance(d, Document) for d in docs), docs
    ids = [d.id for d in docs if isinstance(d, Document)]
    assert ids == ["index", "rail-index"]
    # the same file named twice is still one article (its second reading is a duplicate)
    again = _read(tmp_path / "port" / "index.txt", tmp_path / "port" / "index.txt")
    assert [d.id for d in again if isinstance(d, Document)] == ["index", "index"]


def _warc_statuses(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, html in pages:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                )
            )


NOT_FOUND = (
    "<html><body><main><h1>Sorry, we couldn't find that page</h1>"
    + "<p>The page you were looking for may have been moved, deleted, or possibly never "
    "existed. Try searching our archive of more than two million articles instead.</p>" * 3
    + "</main></body></html>"
)


def test_warc_error_and_redirect_responses_are_not_articles(tmp_path: Path) -> None:
    page = f"<html><body><article><h1>Dockers strike</h1>{BODY}</article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    _warc_statuses(
        path,
        [
            ("https://h.example/ok", "200 OK", page),
            ("https://h.example/gone", "404 Not Found", NOT_FOUND),
            ("https://h.example/old", "301 Moved Permanently", '<p>Moved <a href="/ok">here</a></p>'),
            ("https://h.example/err", "500 Internal Server Error", NOT_FOUND),
        ],
    )
    items = _read(path)
    assert [i.id for i in items if isinstance(i, Document)] == ["crawl-ok"], items
    assert not [i for i in items if isinstance(i, Problem)]


def test_a_warc_cut_short_keeps_its_records_and_says_so_without_a_traceback(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = f"<html><body><article><h1>Dockers strike</h1>{BODY}</article></body></html>"
    whole = tmp_path / "whole.warc.gz"
    _warc_statuses(
        whole, [(f"https://h.example/p{n}", "200 OK", page.replace("Dockers", f"Dockers {n}"))
                for n in range(4)],
    )
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = _read(cut)
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in docs] == ["cut-p0", "cut-p1", "cut-p2"]
    assert len(problems) == 1 and problems[0].path == str(cut)
    assert "cut short" in problems[0].error and "record 4: 3 HTML pages were read" in problems[0].error
    assert not [r for r in caplog.records if r.exc_info]


def test_feed_date_is_the_day_the_outlet_states_not_the_day_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "ny.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>NY Wire</title><item>'
        "<title>Late vote</title><link>https://ny.example/late-vote</link>"
        "<pubDate>Tue, 11 Mar 2025 23:30:00 -0500</pubDate>"
        f"<description>{PARAGRAPHS[0]}</description></item></channel></rss>"
    )
    doc = _doc(_read(path))
    assert (doc.published, doc.published_from) == ("2025-03-11", "metadata")


# --- folders -------------------------------------------------------------------------------


def test_a_linked_folder_is_read_and_a_link_loop_ends(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "2024").mkdir(parents=True)
    (archive / "2024" / "old.txt").write_text("The old bridge closed for repairs in 2024.\n")
    work = tmp_path / "work"
    work.mkdir()
    (work / "new.txt").write_text("The bridge reopened on Thursday.\n")
    (work / "2024").symlink_to(archive / "2024", target_is_directory=True)
    (work / "loop").symlink_to(work, target_is_directory=True)
    ids = [d.id for d in _read(work) if isinstance(d, Document)]
    assert sorted(ids) == ["new", "old"]


def test_a_folder_that_cannot_be_listed_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    (tmp_path / "ok.txt").write_text("The bridge reopened on Thursday.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("Not readable.\n")
    scandir = os.scandir

    def guarded(path: object = ".") -> object:
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded)
    items = _read(tmp_path)
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in items if isinstance(d, Document)] == ["ok"]
    assert len(problems) == 1 and problems[0].path == str(locked)
    assert "permission denied" in problems[0].error


def test_a_broken_link_says_so(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "moved-away.txt")
    (problem,) = _read(tmp_path)
    assert isinstance(problem, Problem)
    assert "link" in problem.error and "moved-away.txt" in problem.error


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Jan Vos", ("Jan Vos",)),
        ("By Jan Vos and Ana Ruiz", ("Jan Vos", "Ana Ruiz")),
        ("by Jan Vos & Ana Ruiz; Kim Lee", ("Jan Vos", "Ana Ruiz", "Kim Lee")),
        ("Vos, Jan", ("Vos, Jan",)),  # a comma may be "last, first": left whole
        (["By Jan Vos", {"name": "Ana Ruiz"}], ("Jan Vos", "Ana Ruiz")),
        ("Byron Jones", ("Byron Jones",)),
    ],
)
def test_jsonl_bylines_are_split_into_authors(
    tmp_path: Path, given: object, expected: tuple[str, ...]
) -> None:
    import json

    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "b", "text": "The port reopened.", "byline": given}) + "\n")
    assert _doc(_read(path)).authors == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # the date written under the names is no part of them
        (('By <a href="#">Hanna Vos and Pieter Bakker</a><br><span>Tuesday, March 11, 2025, '
          "04:05 pm CET</span>"), ("Hanna Vos", "Pieter Bakker")),
        ("By Theresa May", ("Theresa May",)),  # a month ends a name where it is one
        ("By admin", ()),  # a publishing system's account, no author
    ],
)
def test_html_byline_names_only_the_authors(
    tmp_path: Path, byline: str, expected: tuple[str, ...]
) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><article><h1>Rotterdam dockers strike</h1>"
        f'<p class="byline">{byline}</p>{BODY}</article></body></html>'
    )
    assert _doc(_read(path)).authors == expected


def test_a_pretty_printed_json_file_is_one_problem_not_one_per_line(tmp_path: Path) -> None:
    import json

    records = [{"id": f"p{n}", "text": "The port reopened."} for n in range(30)]
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps(records, indent=2))
    (problem,) = _read(path)
    assert isinstance(problem, Problem) and problem.path == str(path)
    assert "one article" in problem.error and "per line" in problem.error


def test_a_json_array_on_one_line_says_what_is_expected(tmp_path: Path) -> None:
    import json

    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps([{"id": "p1", "text": "The port reopened."}]) + "\n")
    (problem,) = _read(path)
    assert isinstance(problem, Problem) and "array" in problem.error
    assert "one article" in problem.error


def test_a_reader_failure_is_a_problem_without_a_traceback_on_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The CLI shows warnings and errors; a traceback is for --verbose (INFO) only."""
    import logging

    import storyfuse.ingest.readers

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser bug")

    monkeypatch.setattr(storyfuse.ingest.readers, "extract_html", broken)
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{BODY}</body></html>")
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text('{"id": "h1", "html": "<p>The port reopened.</p>"}\n')
    caplog.set_level(logging.WARNING)
    items = _read(page, jsonl)
    assert [type(i) for i in items] == [Problem, Problem]
    assert all("parser bug" in i.error for i in items)  # type: ignore[union-attr]
    assert not [r for r in caplog.records if r.exc_info and r.levelno >= logging.WARNING]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["a.txt", "a.jsonl"])
def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / name
    path.write_bytes('{"id": "a", "text": "The port reopened on Tuesday."}\n'.encode(encoding))
    (problem,) = _read(path)
    assert isinstance(problem, Problem) and "UTF-16" in problem.error


def test_a_warc_page_in_a_compression_that_cannot_be_undone_says_so(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, coding, body in [
            ("https://b.example/zstd-page", "zstd", b"\x28\xb5\x2f\xfd" + bytes(range(200))),
            ("https://b.example/plain-page", "identity",
             f"<html><body><article>{BODY}</article></body></html>".encode()),
        ]:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", coding)],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                          http_headers=headers)
            )
    problem, doc = _read(path)
    assert isinstance(problem, Problem) and problem.path.endswith("#https://b.example/zstd-page")
    assert "compressed with zstd" in problem.error
    assert isinstance(doc, Document) and "3,500 workers" in doc.body


def test_a_storyfuse_report_in_the_input_folder_is_not_read_as_an_article(tmp_path: Path) -> None:
    """`analyze folder -o folder/brief.html`, run twice: the second run read the first brief as
    an article, so the brief cited itself."""
    from storyfuse.model import Brief
    from storyfuse.render import render

    (tmp_path / "brief.html").write_text(render(Brief((), ()), "html"), encoding="utf-8")
    (tmp_path / "story.html").write_text(f"<html><body><article>{BODY}</article></body></html>")
    report, doc = _read(tmp_path)
    assert isinstance(report, Problem) and report.path.endswith("brief.html")
    assert "storyfuse report" in report.error
    assert isinstance(doc, Document) and doc.id == "story"
