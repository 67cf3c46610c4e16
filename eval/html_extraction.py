"""HTML article extraction on the article-extraction benchmark (development half).

Scores, in one run and with the benchmark's own shingle metric:

- trafilatura with its default settings (the published baseline);
- trafilatura with the settings storyfuse uses (no comments, precision mode);
- the whole storyfuse HTML path: those settings with cards of links taken out of paragraphs
  first, the fallback for truncated extractions (continuation from the page's cleaned visible
  text), then the clean stage's light trimming.

    python -m eval.html_extraction [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Callable

from eval.common import data_dir, score_body_extractors, write_results
from storyfuse.clean import clean
from storyfuse.ingest.html import extract_html
from storyfuse.model import Document

NAME = "html_extraction"


def load_pages(limit: int | None = None) -> list[tuple[str, bytes, str, str | None]]:
    """(id, raw HTML bytes, true body, url) for each page."""
    folder = data_dir("article-extraction")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            (page_id, raw, truth[page_id].get("articleBody", ""), truth[page_id].get("url"))
        )
    return pages


def trafilatura_default(html: bytes, url: str | None) -> str:
    return extract_html(html, url, tuned=False).body


def trafilatura_tuned(html: bytes, url: str | None) -> str:
    return extract_html(html, url, continuation=False, cards=False).body


def storyfuse_path(html: bytes, url: str | None) -> str:
    """What the pipeline does: ingest's extraction, then clean (which trims an HTML body)."""
    page = extract_html(html, url)
    document = Document(
        id="page",
        path="page.html",
        format="html",
        body=page.body,
        content_hash="",
        title=page.title,
        url=url,
        from_html=True,
    )
    return clean(document).text


SYSTEMS: dict[str, Callable[[bytes, str | None], str]] = {
    "trafilatura (defaults)": trafilatura_default,
    "trafilatura (no comments, precision)": trafilatura_tuned,
    "storyfuse HTML path": storyfuse_path,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--show", action="store_true", help="print each page's scores")
    args = parser.parse_args(argv)

    pages = [(page_id, (html, url), truth) for page_id, html, truth, url in load_pages(args.limit)]
    systems = {name: (lambda given, f=f: f(*given)) for name, f in SYSTEMS.items()}
    rows = score_body_extractors(systems, pages, show=SYSTEMS if args.show else ())
    path = write_results(
        NAME,
        {
            "task": "HTML article body extraction",
            "data": "article-extraction (development half)",
            "metric": "benchmark shingle P/R/F1 (4-grams, per-page normalised, macro means)",
            "goal_f1": 0.97,
            "published_full_benchmark": {
                "trafilatura 2.0.0": 0.958,
                "best (rs_trafilatura)": 0.970,
            },
            "systems": rows,
        },
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
