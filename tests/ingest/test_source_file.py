"""ingest.source_file: the file (or URL) a document was read from, from its path and format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyfuse.ingest import read, source_file
from storyfuse.model import Document


@pytest.mark.parametrize(
    ("path", "fmt", "expected"),
    [
        ("/data/export.jsonl:12", "jsonl", "/data/export.jsonl"),
        ("/data/export.jsonl.gz:3", "jsonl", "/data/export.jsonl.gz"),
        ("/data/crawl.warc.gz#https://news.example/a#top", "warc", "/data/crawl.warc.gz"),
        ("/data/crawl.warc#4", "warc", "/data/crawl.warc"),
        ("/data/feed.xml#3", "feed", "/data/feed.xml"),
        ("https://news.example/feed#2", "feed", "https://news.example/feed"),
        ("https://news.example/story", "html", "https://news.example/story"),
        ("/data/notes#1.txt", "text", "/data/notes#1.txt"),
        ("/data/port/index.html", "html", "/data/port/index.html"),
    ],
)
def test_the_source_file_of_each_path_form(path: str, fmt: str, expected: str) -> None:
    assert source_file(path, fmt) == expected


def test_a_relative_path_is_made_absolute_so_one_file_is_one_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "port").mkdir()
    monkeypatch.chdir(tmp_path)
    assert source_file("port/index.html", "html") == os.path.realpath(tmp_path / "port/index.html")
    assert source_file("port/../port/export.jsonl:2", "jsonl") == source_file(
        str(tmp_path / "port" / "export.jsonl:7"), "jsonl"
    )


def test_every_record_of_a_file_has_that_file_as_its_source(tmp_path: Path) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text(
        '{"id": "1", "text": "The harbour bridge reopened on Thursday after repairs."}\n'
        '{"id": "2", "text": "The railway strike ended on Friday after a new offer."}\n'
    )
    docs = [d for d in read([str(export)]) if isinstance(d, Document)]
    assert len(docs) == 2
    assert {source_file(d.path, d.format) for d in docs} == {os.path.realpath(export)}

