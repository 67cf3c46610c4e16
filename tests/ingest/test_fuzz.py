"""Every reader over arbitrary bytes and odd structures: a Document or a Problem, never a crash.

Run with ``-s`` to see how many inputs each format was tried with.
"""

from __future__ import annotations

import io
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyfuse import ingest
from storyfuse.ingest import read
from storyfuse.model import Document, Problem

TRIED: Counter[str] = Counter()
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _read_bytes(name: str, data: bytes) -> list[Document | Problem]:
    TRIED[name.split(".", 1)[1]] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        started = time.perf_counter()
        items = list(read([str(path)]))
        assert time.perf_counter() - started < 20
    assert items, "every input gives at least one Document or Problem"
    for item in items:
        assert isinstance(item, Document | Problem)
        if isinstance(item, Problem):
            assert item.path.startswith(str(path)) and item.error
        else:
            assert item.body.strip() and len(item.content_hash) == 64
    return items


@pytest.mark.parametrize("name", ["x.txt", "x.html", "x.jsonl", "x.warc", "x.rss", "x.txt.gz"])
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(name: str, data: bytes) -> None:
    _read_bytes(name, data)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@FUZZ
@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_in_any_bom_encoding(text: str, encoding: str) -> None:
    items = _read_bytes("x.txt", text.encode(encoding))
    if isinstance(items[0], Document):
        assert items[0].body.replace("\u200b", "").strip()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)


@settings(FUZZ, max_examples=15)
@given(
    records=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "id": _JSON,
                "text": _TEXT,
                "html": _TEXT,
                "title": _JSON,
                "url": _JSON,
                "published": _JSON
                | st.sampled_from(["31 February 2024", "2024-13-45", "yesterday"]),
                "authors": _JSON,
            },
        )
        | _JSON,
        min_size=1,
        max_size=4,
    )
)
def test_jsonl_records_of_any_shape(records: list[object]) -> None:
    lines = [json.dumps(r) for r in records]
    items = _read_bytes("x.jsonl", "\n".join(lines).encode())
    assert len(items) <= len(lines)  # one Document or Problem per non-blank line at most


_TAGS = st.sampled_from(["div", "p", "span", "article", "section", "table", "td", "b", "script"])


@settings(FUZZ, max_examples=15)
@given(depth=st.integers(1, 3000), tag=_TAGS, text=_TEXT)
def test_deeply_nested_html(depth: int, tag: str, text: str) -> None:
    html = f"<html><body>{f'<{tag}>' * depth}<p>{text}</p>{f'</{tag}>' * depth}</body></html>"
    _read_bytes("x.html", html.encode())


@FUZZ
@given(titles=st.lists(_TEXT, min_size=1, max_size=3), body=_TEXT)
def test_feed_entries_of_any_text(titles: list[str], body: str) -> None:
    from xml.sax.saxutils import escape

    items = "".join(
        f"<item><title>{escape(t)}</title><link>https://x.example/{k}</link>"
        f"<description>{escape(body)}</description></item>"
        for k, t in enumerate(titles)
    )
    _read_bytes("x.rss", f"<rss><channel><title>F</title>{items}</channel></rss>".encode())


@FUZZ
@given(payload=st.binary(max_size=500), ctype=st.sampled_from(["text/html", "text/plain"]))
def test_warc_records_of_any_payload(payload: bytes, ctype: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
    writer.write_record(
        writer.create_warc_record(
            "https://x.example/a", "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )
    _read_bytes("x.warc", out.getvalue())


def test_huge_single_line_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1_300_000)  # 6.5 MB on one line
    started = time.perf_counter()
    items = list(read([str(path)]))
    assert time.perf_counter() - started < 5
    assert len(items) == 1 and isinstance(items[0], Problem) and "too long" in items[0].error


def test_time_budget_turns_a_stalled_reader_into_a_problem(tmp_path, monkeypatch) -> None:
    def stalled(path: str, data: bytes, *, encoding: str | None = None):
        time.sleep(5)
        yield Problem(path, "never reached")

    monkeypatch.setitem(ingest.READERS, ".txt", stalled)
    monkeypatch.setattr(ingest, "SECONDS_PER_DOCUMENT", 0.2)
    (tmp_path / "slow.txt").write_text("text")
    (tmp_path / "fine.html").write_text("<p>x</p>")
    started = time.perf_counter()
    items = list(read([str(tmp_path)]))
    assert time.perf_counter() - started < 3
    slow = [i for i in items if i.path.endswith("slow.txt")]
    assert len(slow) == 1 and "longer than" in slow[0].error  # type: ignore[union-attr]
    assert any(i.path.endswith("fine.html") for i in items)  # the batch went on


def teardown_module() -> None:
    print(f"\nfuzzed inputs per format: {dict(TRIED)}; total {sum(TRIED.values())}")
