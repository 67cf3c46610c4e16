"""JSONL and WARC archives are read record by record: the first record comes before the file is
read through, a bad line late in a file costs only that line, and limits hold per record."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest

from storyfuse import ingest
from storyfuse.ingest import readers
from storyfuse.model import Document, Problem

TEXT = "The harbour bridge reopened on Thursday after eight months of repairs, the council said."


class CountingReader(io.BytesIO):
    """A file object that remembers how far it has been read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        out = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return out

    def readline(self, size: int | None = -1) -> bytes:
        out = super().readline(size)
        self.furthest = max(self.furthest, self.tell())
        return out


def _lines(n: int) -> list[bytes]:
    return [json.dumps({"id": f"a{i}", "text": f"{TEXT} ({i})"}).encode() for i in range(n)]


def test_jsonl_first_record_arrives_before_the_file_is_read_through() -> None:
    data = b"\n".join(_lines(20_000)) + b"\n"  # about 2 MB
    fh = CountingReader(data)
    items = readers.read_jsonl_stream("big.jsonl", fh)
    first = next(items)
    assert isinstance(first, Document) and first.id == "a0"
    assert fh.furthest <= readers.HEAD_BYTES + 4096 < len(data) // 10
    assert sum(1 for _ in items) == 19_999


def test_a_bad_line_late_in_a_jsonl_file_costs_only_that_line(tmp_path: Path) -> None:
    lines = _lines(3_000)  # the bad line is far past the checked start of the file
    assert len(b"\n".join(lines[:2_500])) > readers.HEAD_BYTES
    lines[2_500] = b'{"id": "bad", "text": "caf\xe9 au lait"}'  # Latin-1, not UTF-8
    lines[2_600] = b'{"id": "cut", "text": "unfinished'
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    items = list(ingest.read([str(path)]))
    problems = {p.path: p.error for p in items if isinstance(p, Problem)}
    assert problems.keys() == {f"{path}:2501", f"{path}:2601"}, problems
    assert "not valid UTF-8" in problems[f"{path}:2501"]
    assert "not valid JSON" in problems[f"{path}:2601"]
    documents = [d for d in items if isinstance(d, Document)]
    assert len(documents) == 2_998 and documents[-1].id == "a2999"
    # The content hash is that of the line's bytes, as when the file was read whole, so
    # re-ingesting an archive stored before finds its articles unchanged.
    assert documents[0].content_hash == hashlib.sha256(lines[0] + b"\r").hexdigest()


def test_small_jsonl_file_level_problems_stand_alone(tmp_path: Path) -> None:
    cases = {
        "empty.jsonl": b"  \n\n",
        "latin1.jsonl": b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n',
        "binary.jsonl": b'{"id": "a"}\x00\x00\n',
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert [type(i) for i in ingest.read([str(tmp_path / name)])] == [Problem], name


def test_utf8_bom_and_utf16_jsonl(tmp_path: Path) -> None:
    text = "\n".join(line.decode() for line in _lines(3)) + "\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "wide.jsonl").write_bytes(text.encode("utf-16"))
    for name in ("bom.jsonl", "wide.jsonl"):
        items = list(ingest.read([str(tmp_path / name)]))
        assert [d.id for d in items if isinstance(d, Document)] == ["a0", "a1", "a2"], items


def test_overlong_jsonl_line_is_skipped_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1_000)
    long_line = json.dumps({"id": "long", "text": "word " * 2_000}).encode()
    data = b"\n".join([_lines(1)[0], long_line, _lines(3)[2]])
    items = list(readers.read_jsonl("x.jsonl", data))
    assert [type(i) for i in items] == [Document, Problem, Document]
    assert items[1].path == "x.jsonl:2" and "limit" in items[1].error


def test_gzipped_jsonl_is_streamed_within_its_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "archive.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"\n".join(_lines(2_000)) + b"\n")
    items = list(ingest.read([str(path)]))
    assert len(items) == 2_000 and all(isinstance(i, Document) for i in items)
    monkeypatch.setattr(ingest, "MAX_ARCHIVE_BYTES", 100_000)  # a bomb, as far as it is told
    items = list(ingest.read([str(path)]))
    assert isinstance(items[-1], Problem) and "decompresses to more than" in items[-1].error
    assert 0 < sum(isinstance(i, Document) for i in items) < 2_000


def _warc_bytes(pages: int, gzip_records: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    for i in range(pages):
        html = f"<html><body><article><h1>Story {i}</h1>" + f"<p>{TEXT}</p>" * 8
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/s{i}.html",
                "response",
                payload=io.BytesIO((html + "</article></body></html>").encode()),
                http_headers=headers,
            )
        )
    return out.getvalue()


@pytest.mark.parametrize("gzip_records", [False, True])
def test_warc_first_record_arrives_before_the_archive_is_read_through(gzip_records: bool) -> None:
    data = _warc_bytes(300, gzip_records)
    fh = CountingReader(data)
    items = readers.read_warc_stream("crawl.warc", fh)
    first = next(items)
    assert isinstance(first, Document) and first.url == "https://news.example/s0.html"
    assert fh.furthest < len(data) // 4
    assert sum(1 for _ in items) == 299


def test_oversized_warc_record_costs_that_record(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 500)
    items = list(readers.read_warc("crawl.warc", _warc_bytes(3)))
    assert [type(i) for i in items] == [Problem] * 3
    assert all("too large" in i.error for i in items)
