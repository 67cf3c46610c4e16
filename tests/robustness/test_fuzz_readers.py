"""Every reader under bad input: each file gives Documents or clear Problems, never an exception.

Hypothesis builds the inputs (raw bytes, text in several encodings, HTML trees, JSONL records,
WARC archives, RSS/Atom feeds, each also truncated at a random point); named cases cover the
inputs an archive really contains (empty, binary, invalid UTF-8, UTF-16 with and without BOM,
deeply nested HTML, a gzip bomb). The properties checked for every input:

- reading returns (never raises) and finishes within a bounded time;
- every item is a Document or a Problem; a Problem names the file and says what is wrong;
- a Document has an id, a SHA-256 content hash, and a body without the invisible characters
  (zero-width space, word joiner, BOM, soft hyphen) that would split words for the extractors.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from tests.robustness.fuzzkit import FUZZ, fuzzed

from storyfuse.ingest import read
from storyfuse.model import Document, Problem

INVISIBLE = "\u200b\u2060\ufeff\u00ad"
EXTENSIONS = [".txt", ".html", ".htm", ".jsonl", ".warc", ".warc.gz", ".xml", ".rss", ".atom"]
EXTENSIONS += [".txt.gz", ".html.gz", ".jsonl.gz"]
# Seconds one small fuzzed file may take to read; generous for a loaded machine.
READ_SECONDS = 10.0

# Words of several scripts, and the characters that trip up text handling.
WORDS = st.sampled_from(
    [
        "bridge", "Kyiv", "Київ", "Москва", "東京", "北京市", "العربية", "עברית", "हिन्दी",
        "ελληνικά", "Ærøskøbing", "naïve", "straße", "İstanbul", "ﬁnance", "e\u0301te\u0301",
        "👍🏽", "🇺🇦", "1,5 million", "10 000", "12,000", "3.5%", "31 February", "2024-02-30",
        "Oct. 27-28", "'", '"', "“", "”", "«", "»", "‹", "›", "said", "—", "…", "\u200b",
        "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2028", "\u2029", "\t", "\r\n", "\r",
        "\n", "\x0c", "&amp;", "<", ">", "&", "\\", "\x85", "\ud7ff", "\U0010fffd",
    ]
)  # fmt: skip
PROSE = st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=12)), max_size=60).map(" ".join)


def _read_file(tmp_path: Path, name: str, data: bytes) -> tuple[Path, list[Document | Problem]]:
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    items = list(read([str(path)]))
    took = time.monotonic() - started
    assert took < READ_SECONDS, f"reading {name} ({len(data)} bytes) took {took:.1f} s"
    return path, items


def _check(path: Path, items: list[Document | Problem]) -> None:
    assert items, f"{path}: reading gave neither a Document nor a Problem"
    for item in items:
        if isinstance(item, Problem):
            assert item.path.startswith(str(path)), item
            assert isinstance(item.error, str) and item.error.strip(), item
            assert "Traceback" not in item.error
        else:
            assert isinstance(item, Document), item
            assert item.id and isinstance(item.id, str)
            assert len(item.content_hash) == 64
            assert int(item.content_hash, 16) >= 0
            assert item.path.startswith(str(path))
            assert not any(c in item.body for c in INVISIBLE), repr(item.body[:200])
            assert "\r" not in item.body


# --- any bytes, any extension ---------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=4096), ext=st.sampled_from(EXTENSIONS))
@example(data=b"", ext=".txt")
@example(data=b"\x00" * 64, ext=".html")
@example(data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ext=".txt")
@example(data=b"\xff\xfe", ext=".jsonl")
@example(data=b"\x1f\x8b\x08\x00", ext=".txt.gz")
@example(data=b"WARC/1.0\r\n\r\n", ext=".warc")
def test_any_bytes_under_any_name(tmp_path_factory, data: bytes, ext: str) -> None:
    fuzzed(f"read: random bytes ({ext})")
    path, items = _read_file(tmp_path_factory.mktemp("b"), f"input{ext}", data)
    _check(path, items)


# --- text in many encodings -----------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"]


@FUZZ
@given(text=PROSE, encoding=st.sampled_from(ENCODINGS), ext=st.sampled_from([".txt", ".html"]))
@example(text="Bridge reopens after repairs. " * 3, encoding="utf-16-le", ext=".txt")
@example(text="Ярослав сказав: «Ми тримаємося».", encoding="utf-16", ext=".txt")
def test_text_in_any_encoding(tmp_path_factory, text: str, encoding: str, ext: str) -> None:
    fuzzed(f"read: encoded text ({ext})")
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    path, items = _read_file(tmp_path_factory.mktemp("t"), f"story{ext}", data)
    _check(path, items)
    if ext == ".txt" and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        # Unambiguous encodings (UTF-8, or a BOM saying which) are read exactly.
        visible = "".join(c for c in text if c not in INVISIBLE and not c.isspace())
        [item] = items
        if isinstance(item, Document):
            body = "".join(c for c in item.body if not c.isspace())
            assert body == visible
        else:
            # Refused only as empty or as binary (control characters), never as mis-encoded.
            assert "empty" in item.error or "control" in item.error or "binary" in item.error


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    text = "Міст знову відкрили в четвер, повідомила мерія.\nThe bridge reopened on Thursday.\n"
    for bom_encoding in ("utf-16", "utf-32"):
        _path, items = _read_file(tmp_path, f"{bom_encoding}.txt", text.encode(bom_encoding))
        [doc] = items
        assert isinstance(doc, Document), doc
        assert doc.body.strip() == text.strip()
    fuzzed("read: named cases")


def test_utf16_without_bom_is_a_clear_problem(tmp_path: Path) -> None:
    text = "The bridge reopened on Thursday after eight months of repairs.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        _path, items = _read_file(tmp_path, f"{encoding}.txt", text.encode(encoding))
        [problem] = items
        assert isinstance(problem, Problem)
        assert "binary" in problem.error or "UTF-8" in problem.error
    fuzzed("read: named cases")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        (b"The bridge \xff\xfe reopened", "not valid UTF-8"),
        (b"caf\xe9 au lait and more words here", "not valid UTF-8"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "binary"),
        (codecs.BOM_UTF8 + b"\xc3\x28 broken after a BOM", "UTF-8"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "UTF-16"),  # lone surrogate after a BOM
    ],
)
def test_named_bad_text(tmp_path: Path, data: bytes, words: str) -> None:
    fuzzed("read: named cases")
    _path, items = _read_file(tmp_path, "bad.txt", data)
    [problem] = items
    assert isinstance(problem, Problem), problem
    assert words in problem.error, problem.error


def test_zero_width_and_bom_are_dropped(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    text = "\ufeffThe bri\u200bdge re\u00adopened on Thurs\u2060day.\n"
    _, [doc] = _read_file(tmp_path, "zw.txt", text.encode("utf-8"))
    assert isinstance(doc, Document)
    assert doc.body.strip() == "The bridge reopened on Thursday."


def test_batch_goes_on_past_bad_files(tmp_path: Path) -> None:
    """One folder mixing every kind of bad file with one good one: only the good one is read."""
    fuzzed("read: named cases")
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.html").write_bytes(bytes(range(256)))
    (tmp_path / "c-latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "d-truncated.jsonl").write_bytes(b'{"id": "x", "text": "unfinished')
    (tmp_path / "e-bad.warc").write_bytes(b"WARC/1.0\r\nnonsense")
    (tmp_path / "f-bad.rss").write_bytes(b"<rss><channel><item><title>")
    (tmp_path / "g-bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    (tmp_path / "h-good.txt").write_text("The bridge reopened on Thursday.\n", encoding="utf-8")
    items = list(read([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [d.id for d in docs] == ["h-good"]
    assert len(problems) == 7
    assert len({p.path.split("#")[0].split(":")[0] for p in problems}) == 7


# --- HTML ------------------------------------------------------------------------------------

TAGS = st.sampled_from(
    ["div", "p", "span", "article", "section", "h1", "a", "b", "table", "tr", "td", "ul", "li",
     "script", "style", "iframe", "svg", "math", "template", "noscript", "body", "html", "meta",
     "br", "img", "form", "textarea", "title", "xmp", "plaintext"]
)  # fmt: skip
ATTRS = st.sampled_from(
    ["", ' class="article"', ' id="x"', ' style="display:none"', ' hidden', ' lang="uk"',
     ' charset="utf-8"', ' href="javascript:alert(1)"', ' onload="alert(1)"', ' dir="rtl"',
     " data-x='<p>'", ' class="comments"']
)  # fmt: skip
LEAF = st.one_of(
    PROSE.map(lambda s: s.replace("<", "&lt;")),
    st.sampled_from(
        ["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "&#0;", "&#xD800;", "&#1114112;",
         "&nbsp;", "&unknown;", "</", "<p", "<<>>", "\x00", '<meta charset="utf-16">',
         '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">']
    ),
)  # fmt: skip


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(TAGS, ATTRS, st.lists(children, max_size=5), st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")
    )


HTML = st.recursive(LEAF, _element, max_leaves=40)


@FUZZ
@given(html=HTML, ext=st.sampled_from([".html", ".htm", ".html.gz"]), cut=st.floats(0.1, 1.0))
def test_html_trees(tmp_path_factory, html: str, ext: str, cut: float) -> None:
    fuzzed("read: generated HTML")
    data = html.encode("utf-8", "surrogatepass")
    data = data[: max(1, int(len(data) * cut))]
    if ext.endswith(".gz"):
        data = gzip.compress(data)
    path, items = _read_file(tmp_path_factory.mktemp("h"), f"page{ext}", data)
    _check(path, items)
    assert len(items) == 1


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deeply_nested_html(tmp_path: Path, depth: int) -> None:
    fuzzed("read: named cases")
    article = (
        "<p>The bridge reopened on Thursday after eight months of repairs, the council said.</p>"
    )
    html = "<html><body>" + "<div>" * depth + article * 5 + "</div>" * depth + "</body></html>"
    path, items = _read_file(tmp_path, "nested.html", html.encode())
    _check(path, items)
    assert len(items) == 1


def test_unclosed_nesting(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    html = "<html><body>" + "<div><span><b><i>" * 20_000 + "The bridge reopened. " * 50
    path, items = _read_file(tmp_path, "unclosed.html", html.encode())
    _check(path, items)


# --- JSONL -------------------------------------------------------------------------------------

JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | PROSE,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(PROSE, st.integers(), st.none(), JSON_VALUE),
        "text": st.one_of(PROSE, JSON_VALUE),
        "html": st.one_of(HTML, JSON_VALUE),
        "title": st.one_of(PROSE, JSON_VALUE),
        "url": st.one_of(st.just("https://news.example/a/b.html"), PROSE, JSON_VALUE),
        "outlet": st.one_of(PROSE, JSON_VALUE),
        "published": st.one_of(
            st.sampled_from(["2024-02-31", "31 February 2024", "2024-13-01", "yesterday",
                             "0000-00-00", "99999-01-01", "2024-10-26T10:00:00Z", "", "1e400"]),
            JSON_VALUE,
        ),
        "authors": st.one_of(PROSE, st.lists(JSON_VALUE, max_size=3), JSON_VALUE),
    },
)  # fmt: skip


@FUZZ
@given(
    lines=st.lists(
        st.one_of(
            RECORD.map(lambda r: json.dumps(r, ensure_ascii=False)),
            JSON_VALUE.map(json.dumps),
            st.text(max_size=40),
        ),
        min_size=1,
        max_size=6,
    ),
    newline=st.sampled_from(["\n", "\r\n"]),
    cut=st.one_of(st.none(), st.integers(min_value=1)),
)
# an id of one line separator once gave a Document with an empty id
@example(lines=['{"id": "\u2028", "html": "<div><p>bridge<div>"}'], newline="\n", cut=None)
@example(lines=['{"text": "\u200b"}', '{"id": " ", "text": "Ferry"}'], newline="\n", cut=None)
def test_jsonl_records(tmp_path_factory, lines: list[str], newline: str, cut: int | None) -> None:
    fuzzed("read: generated JSONL")
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    if cut is not None and data:
        data = data[: cut % len(data) + 1]
    path, items = _read_file(tmp_path_factory.mktemp("j"), "batch.jsonl", data)
    _check(path, items)
    whole_file = [i for i in items if isinstance(i, Problem) and i.path == str(path)]
    if whole_file:
        assert len(items) == 1  # a file-level problem (empty, binary, not UTF-8) stands alone
        return
    # Otherwise each non-blank line gives exactly one item, named by its line number, and a
    # line holding an object with a "text" string with visible characters is always a Document.
    text = data.decode("utf-8-sig")
    numbered = {n: line for n, line in enumerate(text.split("\n"), start=1) if line.strip()}
    by_line = {int(i.path.rsplit(":", 1)[1]): i for i in items}
    assert sorted(by_line) == sorted(numbered)
    for number, line in numbered.items():
        try:
            record = json.loads(line)
        except ValueError:
            assert isinstance(by_line[number], Problem)
            continue
        text_given = isinstance(record, dict) and isinstance(record.get("text"), str)
        visible = text_given and record["text"].translate(str.maketrans("", "", INVISIBLE)).strip()
        if visible:
            assert isinstance(by_line[number], Document), by_line[number]


@pytest.mark.parametrize("authors", ["true", "5", "1.5"])
def test_jsonl_scalar_authors_cost_one_line(tmp_path: Path, authors: str) -> None:
    fuzzed("read: named cases")
    lines = [
        '{"id": "a1", "text": "The bridge reopened on Thursday."}',
        f'{{"id": "a2", "text": "The ferry resumed service.", "authors": {authors}}}',
        '{"id": "a3", "text": "The market moved indoors."}',
    ]
    _path, items = _read_file(tmp_path, "batch.jsonl", "\n".join(lines).encode())
    ids = [i.id for i in items if isinstance(i, Document)]
    assert "a1" in ids and "a3" in ids  # the lines after a bad one are still read


# --- WARC ------------------------------------------------------------------------------------


def _warc_bytes(records: list[tuple[str, str, str, bytes]], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for rec_type, url, ctype, payload in records:
        http_headers = None
        if rec_type == "response":
            http_headers = StatusAndHeaders(
                "200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1"
            )
        record = writer.create_warc_record(
            url, rec_type, payload=io.BytesIO(payload), http_headers=http_headers,
            warc_content_type=None if rec_type == "response" else ctype,
        )  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


WARC_RECORD = st.tuples(
    st.sampled_from(["response", "resource", "metadata"]),
    st.one_of(
        st.sampled_from(["https://news.example/2024/10/bridge.html", "https://news.example/",
                         "https://news.example/a/b/", "urn:x", "https://ünï.example/ä?q=1"]),
        st.text(alphabet="abc:/.?#%", max_size=20),
    ),
    st.sampled_from(["text/html; charset=utf-8", "text/html", "TEXT/HTML; charset=latin-1",
                     "application/pdf", "text/plain", "text/html; charset=bogus"]),
    st.one_of(HTML.map(lambda h: h.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
)  # fmt: skip


@FUZZ
@given(
    records=st.lists(WARC_RECORD, min_size=1, max_size=4),
    compress=st.booleans(),
    cut=st.one_of(st.none(), st.floats(0.05, 0.99)),
)
def test_warc_archives(tmp_path_factory, records, compress: bool, cut: float | None) -> None:
    fuzzed("read: generated WARC")
    data = _warc_bytes(records, compress)
    if cut is not None:
        data = data[: max(1, int(len(data) * cut))]
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path, items = _read_file(tmp_path_factory.mktemp("w"), name, data)
    _check(path, items)
    if cut is None:
        ids = [i.id for i in items if isinstance(i, Document)]
        assert len(ids) == len(set(ids)), ids  # records never share an id


# --- RSS / Atom --------------------------------------------------------------------------------


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ENTRY = st.tuples(
    PROSE,
    st.one_of(PROSE.map(_xml_escape), HTML.map(lambda h: f"<![CDATA[{h.replace(']]>', '')}]]>")),
    st.sampled_from(["Tue, 05 Mar 2024 08:00:00 GMT", "Fri, 31 Feb 2024 08:00:00 GMT",
                     "2024-10-26T10:00:00Z", "yesterday", "", "Mon, 99 Foo 0000 99:99:99"]),
    st.sampled_from(["https://news.example/a/1", "", "javascript:alert(1)", "not a url",
                     "https://news.example/a/1"]),
)  # fmt: skip


def _feed(kind: str, title: str, entries: list[tuple[str, str, str, str]]) -> str:
    if kind == "rss":
        items = "".join(
            f"<item><title>{_xml_escape(t)}</title><link>{_xml_escape(link)}</link>"
            f"<pubDate>{d}</pubDate><description>{body}</description></item>"
            for t, body, d, link in entries
        )
        return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{_xml_escape(title)}</title>{items}</channel></rss>'
    items = "".join(
        f'<entry><title>{_xml_escape(t)}</title><link href="{_xml_escape(link)}"/>'
        f"<updated>{d}</updated><id>{_xml_escape(link) or 'x'}</id>"
        f'<content type="html">{_xml_escape(body)}</content></entry>'
        for t, body, d, link in entries
    )
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{_xml_escape(title)}</title>{items}</feed>'


@FUZZ
@given(
    kind=st.sampled_from(["rss", "atom"]),
    title=PROSE,
    entries=st.lists(ENTRY, max_size=4),
    cut=st.one_of(st.none(), st.floats(0.05, 0.99)),
    ext=st.sampled_from([".rss", ".atom", ".xml"]),
)
def test_feeds(
    tmp_path_factory, kind: str, title: str, entries, cut: float | None, ext: str
) -> None:
    fuzzed("read: generated feeds")
    data = _feed(kind, title, entries).encode("utf-8", "surrogatepass")
    if cut is not None:
        data = data[: max(1, int(len(data) * cut))]
    path, items = _read_file(tmp_path_factory.mktemp("f"), f"feed{ext}", data)
    _check(path, items)
    ids = [i.id for i in items if isinstance(i, Document)]
    assert len(ids) == len(set(ids)), ids


def test_feed_entity_expansion_is_not_followed(tmp_path: Path) -> None:
    """XML entity tricks (billion laughs, external entities) neither hang nor read local files."""
    fuzzed("read: named cases")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lollollollollollollollollollol">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + ']><rss version="2.0"><channel><title>t</title><item><title>&i;</title>'
        "<description>The bridge reopened.</description></item></channel></rss>"
    )
    external = (
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        "<description>&xxe; The bridge reopened.</description></item></channel></rss>"
    )
    for name, xml in (("laughs.rss", laughs), ("xxe.rss", external)):
        path, items = _read_file(tmp_path, name, xml.encode())
        _check(path, items)
        for item in items:
            if isinstance(item, Document):
                assert "root:" not in item.body
                assert len(item.body) < 100_000
                assert len(item.title or "") < 100_000


# --- size limits -------------------------------------------------------------------------------


def test_gzip_bomb_refused(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as fh:
        chunk = b"A" * 1_000_000
        for _ in range(60):  # 60 MB of text in a file of about 60 kB
            fh.write(chunk)
    _, [problem] = _read_file(tmp_path, "bomb.txt.gz", path.read_bytes())
    assert isinstance(problem, Problem) and "MB" in problem.error


_PARA = (
    "<p>The harbour bridge reopened to traffic on Thursday morning after eight months of "
    "repairs, the council said in a statement.</p>"
)
# A control character (tolerated by decoding: a few are allowed) right after an element the
# HTML cleaner drops (script, style, comment, processing instruction).
_CONTROL_PAGE = (
    "<html><body><article><h1>Bridge reopens</h1>"
    + _PARA * 6
    + "<p>end <script>x</script>\x04 more</p></article></body></html>"
)


def test_control_character_after_script_in_html(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    _, [item] = _read_file(tmp_path, "ctl.html", _CONTROL_PAGE.encode())
    assert isinstance(item, Document), item


def test_control_character_costs_one_warc_record(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    clean = _CONTROL_PAGE.replace("\x04", "")
    records = [
        ("response", f"https://news.example/{name}", "text/html", page.encode())
        for name, page in (("a", clean), ("b", _CONTROL_PAGE), ("c", clean))
    ]
    _, items = _read_file(tmp_path, "crawl.warc", _warc_bytes(records, compress=False))
    ids = [i.id for i in items if isinstance(i, Document)]
    assert ids == ["crawl-a", "crawl-c"] or ids == ["crawl-a", "crawl-b", "crawl-c"], items


def test_malformed_link_costs_one_feed_entry(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    entries = [
        ("One", "The library will open until nine in the evening.", "", "http://[news.example/a"),
        ("Two", "The farmers market moves into the old depot hall.", "", "https://news.example/b"),
    ]
    _, items = _read_file(tmp_path, "feed.rss", _feed("rss", "T", entries).encode())
    assert any(isinstance(i, Document) and i.title == "Two" for i in items), items


def test_malformed_target_uri_costs_one_warc_record(tmp_path: Path) -> None:
    fuzzed("read: named cases")
    page = _CONTROL_PAGE.replace("\x04", "").encode()
    records = [
        ("response", url, "text/html", page)
        for url in ("https://news.example/a", "http://[news.example/b", "https://news.example/c")
    ]
    _, items = _read_file(tmp_path, "crawl.warc", _warc_bytes(records, compress=False))
    assert "crawl-c" in [i.id for i in items if isinstance(i, Document)], items
