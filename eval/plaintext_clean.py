"""Plain-text clutter removal on the article-extraction benchmark pages.

Each page is rendered to all of its visible text, one block a line (what copying a web page
gives; html-text, the benchmark's "all visible text" system), and that text alone goes through
storyfuse's plain-text cleaner: no HTML is used. Scored with the benchmark's shingle metric.

    python -m eval.plaintext_clean [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json

from eval.common import data_dir, score_body_extractors, write_results
from storyfuse.clean import clean_text
from storyfuse.ingest.visible import visible_text

NAME = "plaintext_clean"


def load_pages(limit: int | None = None) -> list[tuple[str, str, str]]:
    """(id, visible text, true body) for each page of the benchmark's development half."""
    folder = data_dir("article-extraction")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        pages.append((page_id, visible_text(html), truth[page_id].get("articleBody", "")))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--show", action="store_true", help="print each page's F1")
    args = parser.parse_args(argv)

    pages = load_pages(args.limit)
    systems = {"all visible text (html-text)": lambda text: text, "storyfuse clean": clean_text}
    rows = score_body_extractors(systems, pages, show=["storyfuse clean"] if args.show else ())
    path = write_results(
        NAME,
        {
            "task": "plain-text clutter removal (visible text of each page, no HTML)",
            "data": "article-extraction (development half)",
            "metric": "benchmark shingle P/R/F1 (4-grams, per-page normalised, macro means)",
            "goal_f1": 0.90,
            "systems": rows,
        },
    )
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
