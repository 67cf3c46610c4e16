"""Storing at scale: articles per second as a store grows, window after window.

    python -m bench.store_writes               # 20,000 articles into a new SQLite file
    python -m bench.store_writes --n 5000 --db postgresql://localhost/bench

The synthetic articles of ``bench.grouping`` (NeuS and ECB+ events over one year, with spaCy's
entities) are stored as analyses in date order, in windows of 32, as a run of small ingests
or uploads commits them: the article rows, the search rows, the online grouping and the
stories it changed, with the periodic repairs (every 5 % of growth; one ``storyfuse ingest``
of many windows repairs once, after its last). The time of each segment of the
archive is printed; a store whose cost per window grew with its size would show a falling
rate. Baseline in the same run: the same articles through the story index alone, with the same
repairs, no database.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import peak_rss_mb, print_table, rate, write_results

WINDOW = 32
SEGMENTS = 5


def analyses(n: int) -> list:
    from bench.grouping import load_pool, synthetic
    from storyfuse.model import Analysis, Article

    items, _ = synthetic(n, load_pool())
    items.sort(key=lambda g: (g.published, g.id))
    return [
        Analysis(
            article=Article(
                id=g.id,
                path=f"/archive/{g.id}.txt",
                format="text",
                text=g.text,
                content_hash=f"h-{g.id}",
                title=g.title,
                published=g.published,
            ),
            entities=g.entities,
        )
        for g in items
    ]


def index_alone(items: list) -> float:
    """Seconds for the grouping alone: the store's index, repairs and all."""
    from storyfuse.group import StoryIndex, features_of
    from storyfuse.store.db import repair_due, repaired

    started = time.perf_counter()
    index = StoryIndex()
    pending = 0
    for k in range(0, len(items), WINDOW):
        features = features_of(items[k : k + WINDOW])
        index.observe(features)
        for f in features:
            index.add(f)
        pending += len(features)
        if repair_due(pending, index):
            index = repaired(index)
            pending = 0
        index.changes()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--db", default=None, help="database URL (default: a new SQLite file)")
    parser.add_argument(
        "--keep-days",
        type=int,
        default=None,
        help="hold only the stories of the last N days in memory (GroupConfig.retain_days)",
    )
    args = parser.parse_args(argv)

    from storyfuse.group import GroupConfig
    from storyfuse.store.db import Store, normalise_url

    items = analyses(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        rows = []
        segment = -(-len(items) // SEGMENTS)
        with Store.open(url, GroupConfig(retain_days=args.keep_days)) as store:
            total = 0.0
            for s in range(0, len(items), segment):
                part = items[s : s + segment]
                started = time.perf_counter()
                for k in range(0, len(part), WINDOW):
                    store.add_analyses(part[k : k + WINDOW])
                seconds = time.perf_counter() - started
                total += seconds
                rows.append(
                    {
                        "articles stored": f"{s:,} -> {s + len(part):,}",
                        "seconds": seconds,
                        "articles/s": rate(len(part), seconds),
                        "ms per window": 1000 * seconds / -(-len(part) // WINDOW),
                    }
                )
            stories = len(store.stories())
            held = len(store._index) if store._index is not None else 0
        store_peak = peak_rss_mb()  # before the baseline, which holds every article
    alone = index_alone(items)
    rows.append(
        {
            "articles stored": f"all {len(items):,}, store",
            "seconds": total,
            "articles/s": rate(len(items), total),
        }
    )
    rows.append(
        {
            "articles stored": f"all {len(items):,}, index alone (baseline)",
            "seconds": alone,
            "articles/s": rate(len(items), alone),
        }
    )
    print_table(
        f"Storing {len(items):,} analysed articles in windows of {WINDOW} "
        f"({normalise_url(url).split(':', 1)[0]}; {stories:,} stories)",
        rows,
        ["articles stored", "seconds", "articles/s", "ms per window"],
    )
    first, last = rows[0]["articles/s"], rows[SEGMENTS - 1]["articles/s"]
    print(
        f"last segment's rate / first's: {last / first:.2f}; peak RSS while storing "
        f"{store_peak:,.0f} MB, articles held in memory at the end {held:,}"
    )
    dialect = normalise_url(url).split(":", 1)[0].split("+", 1)[0]
    name = "store_writes" if dialect == "sqlite" else f"store_writes-{dialect}"
    write_results(
        name + (f"-keep{args.keep_days}" if args.keep_days else ""),
        {
            "n": len(items),
            "window": WINDOW,
            "database": dialect,
            "keep_days": args.keep_days,
            "stories": stories,
            "segments": rows[:-2],
            "store_seconds": total,
            "index_alone_seconds": alone,
            "last_over_first_rate": last / first,
            "peak_rss_mb": peak_rss_mb(),
            "peak_rss_mb_storing": store_peak,
            "articles_held_at_end": held,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
