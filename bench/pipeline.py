"""Articles per second per stage, and peak memory, on the bundled seeds repeated to N articles.

    python -m bench.pipeline [--n 500]

The baseline row, run in the same process, is spaCy's parser alone over the same texts: the
floor under the extract stage.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.common import peak_rss_mb, print_table, rate, write_results

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def make_corpus(folder: Path, n: int) -> None:
    """The seeds copied to n files; each copy gets a distinct first line so ids and hashes differ."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        (folder / f"{i:05d}_{seed.stem}.txt").write_text(text + f"\n\nCopy {i}.\n", encoding="utf-8")


def run(n: int) -> dict:
    from storyfuse import clean, extract, fuse, group, ingest, render
    from storyfuse.extract.nlp import nlp
    from storyfuse.model import Brief, Document

    nlp()  # model load is start-up, not per-article work
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), n)

        t = time.perf_counter()
        documents = [d for d in ingest.read([tmp]) if isinstance(d, Document)]
        rows.append({"stage": "ingest", "articles": len(documents), "seconds": time.perf_counter() - t})

        t = time.perf_counter()
        articles = [clean.clean(d) for d in documents]
        rows.append({"stage": "clean", "articles": len(articles), "seconds": time.perf_counter() - t})

        t = time.perf_counter()
        list(nlp().pipe(a.text for a in articles))
        rows.append({"stage": "baseline: spaCy parse alone", "articles": len(articles), "seconds": time.perf_counter() - t})

        t = time.perf_counter()
        analyses = [extract.extract(a) for a in articles]
        rows.append({"stage": "extract", "articles": len(analyses), "seconds": time.perf_counter() - t})

        t = time.perf_counter()
        stories = group.group(analyses)
        rows.append({"stage": "group", "articles": len(analyses), "seconds": time.perf_counter() - t})

        # Fuse one story per seed-sized cluster: a 500-copy story is not what fusion is for.
        by_id = {a.id: a for a in analyses}
        t = time.perf_counter()
        five = [replace(s, article_ids=s.article_ids[:5]) for s in stories]
        briefs = [fuse.fuse(s, by_id) for s in five]
        rows.append({"stage": "fuse (5 articles per story)", "articles": sum(len(s.article_ids) for s in five), "seconds": time.perf_counter() - t})

        t = time.perf_counter()
        render.render(Brief(articles=tuple(analyses), stories=tuple(briefs)), "json")
        rows.append({"stage": "render json", "articles": len(analyses), "seconds": time.perf_counter() - t})

    for row in rows:
        row["articles_per_s"] = rate(row["articles"], row["seconds"])
    per_article = [r for r in rows if r["stage"] in ("ingest", "clean", "extract", "group")]
    total = sum(r["seconds"] for r in per_article)
    rows.append({"stage": "ingest+clean+extract+group", "articles": n, "seconds": total, "articles_per_s": rate(n, total)})
    return {"n": n, "stages": rows, "peak_rss_mb": peak_rss_mb()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()
    result = run(args.n)
    print_table(f"pipeline on the seeds repeated to {args.n} articles", result["stages"], ["stage", "articles", "seconds", "articles_per_s"])
    print(f"peak RSS: {result['peak_rss_mb']:.0f} MB")
    write_results("pipeline", result)


if __name__ == "__main__":
    main()
