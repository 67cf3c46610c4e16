"""The pipeline benchmark's corpus: copies of plain-text and HTML articles, each one distinct."""

from __future__ import annotations

import gzip
from pathlib import Path

from bench.pipeline import make_corpus

from storyfuse import ingest
from storyfuse.model import Document

PAGE = (
    "<html><head><title>Harbour bridge reopens</title></head><body><article>"
    "<h1>Harbour bridge reopens</h1><p>The harbour bridge reopened on Monday after repairs "
    "that took three months, the city said.</p></article></body></html>"
)


def test_copies_of_texts_and_pages_are_distinct_documents(tmp_path: Path) -> None:
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    out.mkdir()
    (source / "a.txt").write_text("Harbour bridge reopens\n\nThe bridge reopened.\n", "utf-8")
    (source / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    make_corpus(out, 5, source)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["00000_a.txt", "00001_b.html", "00002_a.txt", "00003_b.html", "00004_a.txt"]
    documents = [d for d in ingest.read([str(out)]) if isinstance(d, Document)]
    assert len(documents) == 5
    assert len({d.id for d in documents}) == 5
    assert len({d.content_hash for d in documents}) == 5
    assert all("bridge reopened" in d.body for d in documents)
