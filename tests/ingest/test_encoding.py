"""``--encoding``: inputs that are not UTF-8 and declare no charset, read in the encoding the
user names, and refused with a message that says how when none is named."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from storyfuse.cli import main
from storyfuse.ingest import read
from storyfuse.ingest.decode import known_encoding
from storyfuse.model import Document, Problem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"
# Windows-1252's typographic marks (0x92, 0x93, 0x94, 0x96) and a Latin-1 letter
TEXT = (
    "Harbour café reopens\n\n"
    "The mayor said the council’s “new budget” of $5 million – a first – was approved on "
    "Thursday after eight months of repairs to the harbour bridge.\n"
)


def _items(*paths: Path, encoding: str | None = None) -> list[Document | Problem]:
    return list(read([str(p) for p in paths], encoding=encoding))


def test_text_in_cp1252_is_refused_with_the_way_to_read_it(tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    (problem,) = _items(path)
    assert isinstance(problem, Problem)
    assert "not valid UTF-8" in problem.error and "--encoding" in problem.error


def test_text_in_cp1252_is_read_with_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    (doc,) = _items(path, encoding="cp1252")
    assert isinstance(doc, Document)
    assert doc.body == TEXT


def test_a_utf8_file_stays_utf8_when_an_encoding_is_named(tmp_path: Path) -> None:
    """The named encoding is for what is not UTF-8: a folder mixing the two reads both."""
    (tmp_path / "a.txt").write_bytes(TEXT.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXT.replace("Harbour", "Dock").encode("cp1252"))
    docs = _items(tmp_path, encoding="cp1252")
    assert [d.body for d in docs if isinstance(d, Document)] == [
        TEXT,
        TEXT.replace("Harbour", "Dock"),
    ]


def test_bytes_the_named_encoding_does_not_have_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Bridge reopens \x81 after repairs on Thursday, the mayor said.")
    (problem,) = _items(path, encoding="cp1252")
    assert isinstance(problem, Problem)
    assert "--encoding given" in problem.error and "cp1252" in problem.error


def test_a_page_that_declares_its_charset_keeps_it(tmp_path: Path) -> None:
    """A page's own ``<meta charset>`` wins over the encoding named for undeclared input."""
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="koi8-r"').replace("Okafor", "Окафор")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("koi8-r"))
    (doc,) = _items(path, encoding="cp1252")
    assert isinstance(doc, Document) and "Окафор" in doc.body


def test_an_undeclared_page_is_read_in_the_named_encoding(tmp_path: Path) -> None:
    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', "").replace("Okafor", "Okaföre")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    assert isinstance(_items(path)[0], Problem)
    (doc,) = _items(path, encoding="cp1252")
    assert isinstance(doc, Document) and "Okaföre" in doc.body


def test_jsonl_lines_in_the_named_encoding(tmp_path: Path) -> None:
    """Each line that is not UTF-8 is decoded in the named encoding (without one, a file whose
    start is not UTF-8 is refused whole, and past its start a bad line costs only itself)."""
    good = json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False).encode("utf-8")
    legacy = json.dumps({"id": "b", "text": TEXT}, ensure_ascii=False).encode("cp1252")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + b"\n" + legacy + b"\n")
    (refused,) = _items(path)
    assert isinstance(refused, Problem) and "--encoding" in refused.error
    named = _items(path, encoding="cp1252")
    assert [d.body for d in named if isinstance(d, Document)] == [TEXT, TEXT]


def test_a_warc_page_without_a_charset_is_read_in_the_named_encoding(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (FIXTURES / "article.html").read_text(encoding="utf-8")
    payload = html.replace('charset="utf-8"', "").replace("Okafor", "Okaföre").encode("cp1252")
    path = tmp_path / "crawl.warc"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/okafor",
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
            )
        )
    assert all(isinstance(i, Problem) for i in _items(path))
    (doc,) = _items(path, encoding="cp1252")
    assert isinstance(doc, Document) and "Okaföre" in doc.body


@pytest.mark.parametrize(
    ("name", "why"),
    [("klingon", "no such encoding"), ("rot13", "not a text encoding"), ("utf-16", "byte-order")],
)
def test_an_encoding_that_cannot_be_used_is_refused(name: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        known_encoding(name)


def test_known_encoding_gives_the_codec_name() -> None:
    assert known_encoding("Latin-1") == "iso8859-1"
    assert known_encoding("windows-1252") == "cp1252"


def test_cli_reads_with_encoding_and_refuses_a_bad_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "harbour.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert main(["analyze", str(path), "-f", "json"]) == 1
    assert "--encoding" in capsys.readouterr().err
    assert main(["analyze", str(path), "-f", "json", "--encoding", "cp1252"]) == 0
    brief = json.loads(capsys.readouterr().out)
    assert any("“new budget”" in s["text"] for a in brief["articles"] for s in a["sentences"])
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(path), "--encoding", "klingon"])
    assert exit_.value.code == 2
    assert "no such encoding" in capsys.readouterr().err
