"""Load on the web app: 50 concurrent clients over loopback against `storyfuse serve`'s app.

The database holds the five seed articles (through the real pipeline) and a few thousand
synthetic articles: analyses built directly (no spaCy) in clusters of one made-up event each, and
stored through the store like any other, so grouping and the tables are real. The server runs in
its own process (uvicorn, one worker); the clients are aiohttp tasks in this one.

For each page kind: requests per second, p50/p99 latency and errors, bounded in count and time.
Story pages are measured warm: their briefs are fused before the clock starts (fusing is a
one-off per story, measured by the pipeline benchmarks). Searches are measured cold: a few
hundred distinct queries (words of stored titles), each asked once (a repeated query would be
served from the server's page cache until the database changes). Goal: 0 errors, p99 < 200 ms
for a story page.

    python -m bench.web_load [--articles 3000] [--clients 50] [--requests 3000] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import aiohttp

from bench.common import print_table, write_results
from storyfuse.model import (
    Analysis,
    Article,
    Claim,
    Entity,
    Quote,
    Sentence,
    TimeMention,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"

# made-up words, so synthetic events are told apart by their vocabulary alone
_SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "pe", "dan", "li", "mor", "ga", "ze", "tu", "fal", "ren", "bi", "os"]
_FILLER = ["officials said on {day} that the situation around {place} remained tense", "Residents described the {thing} as unexpected", "Local reporters counted {n} {unit} near the {thing}", "The {org} did not respond to a request for comment", "Analysts expect further developments in {place} over the coming days", ""]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _word(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts))


def _event(rng: random.Random, k: int) -> dict[str, Any]:
    day = 1 + k % 28
    month = 1 + (k // 28) % 12
    return {
        "person": f"{_word(rng).title()} {_word(rng).title()}",
        "place": _word(rng).title(),
        "org": f"{_word(rng).title()} Council",
        "thing": _word(rng, 2),
        "unit": rng.choice(["resident", "vehicle", "worker", "house", "boat"]),
        "n": rng.choice([40, 120, 300, 1200, 5000]),
        "date": f"2030-{month:02d}-{day:02d}",
        "quote": " ".join(_word(rng, 2) for _ in range(9)),
    }


def synthetic_analysis(rng: random.Random, event: dict[str, Any], k: int, j: int) -> Analysis:
    """One article about ``event``: sentences, a quote, a claim, a date and entities, with spans."""
    parts: list[str] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    quotes: list[Quote] = []
    claims: list[Claim] = []
    times: list[TimeMention] = []
    pos = 0

    def add(sentence: str) -> int:
        nonlocal pos
        start = pos
        parts.append(sentence)
        sentences.append(Sentence(start, start + len(sentence), sentence))
        pos += len(sentence) + 1
        return start

    def mark(start: int, sentence: str, text: str) -> tuple[int, int]:
        at = start + sentence.index(text)
        return at, at + len(text)

    outlet = f"Outlet {j % 7}"
    n = event["n"] + rng.choice([0, 0, 10, -10])
    weekday = _WEEKDAYS[(k + j) % 5]
    opening = f"{event['person']} of the {event['org']} said the {event['thing']} in {event['place']} was serious."
    start = add(opening)
    entities.append(Entity(event["person"], "PERSON", *mark(start, opening, event["person"])))
    entities.append(Entity(event["org"], "ORG", *mark(start, opening, event["org"])))
    entities.append(Entity(event["place"], "GPE", *mark(start, opening, event["place"])))
    said = f"\u201c{event['quote']},\u201d {event['person']} told reporters."
    start = add(said)
    quotes.append(Quote(event["quote"] + ",", event["person"], *mark(start, said, event["quote"] + ","), cue="told"))
    counted = f"The {event['org']} said {n:,} {event['unit']}s were affected on {weekday}."
    start = add(counted)
    claims.append(
        Claim(counted, float(n), event["unit"], *mark(start, counted, f"{n:,}"),
              claimant=event["org"], date=event["date"], number_text=f"{n:,}")
    )
    times.append(TimeMention(weekday, event["date"], *mark(start, counted, weekday)))
    for template in rng.sample(_FILLER, 4):
        if template.strip():
            add(template.strip().format(day=weekday, **event).capitalize() + ".")
    text = " ".join(parts)
    aid = f"syn-{k:05d}-{j}"
    article = Article(
        id=aid, path=f"synthetic/{aid}.txt", format="text", text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        title=f"{event['thing'].title()} in {event['place']}: {event['person']} speaks",
        outlet=outlet, published=event["date"], published_from="given",
    )
    return Analysis(article, tuple(sentences), tuple(entities), tuple(quotes), tuple(claims), tuple(times))


def build_database(url: str, articles: int, warm: int, seed: int = 7) -> dict[str, Any]:
    """Seeds through the real pipeline, synthetic events through the store; some briefs fused."""
    from storyfuse import ingest, pipeline
    from storyfuse.web.queries import StoreCatalog

    rng = random.Random(seed)
    catalog = StoreCatalog.open(url)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    analyses, _ = pipeline.analyze_documents(ingest.read([str(SEEDS)]))
    timings["seeds_analysed_s"] = time.perf_counter() - t
    t = time.perf_counter()
    catalog.store.add_analyses(analyses)
    events = max(1, articles // 5)
    batch: list[Analysis] = []
    made = 0
    for k in range(events):
        event = _event(rng, k)
        for j in range(rng.choice([3, 4, 5, 6, 7])):
            if made >= articles:
                break
            batch.append(synthetic_analysis(rng, event, k, j))
            made += 1
        if len(batch) >= 500:
            catalog.store.add_analyses(batch)
            batch = []
    if batch:
        catalog.store.add_analyses(batch)
    timings["stored_s"] = time.perf_counter() - t
    stories = catalog.store.stories()
    t = time.perf_counter()
    sample = story_sample(catalog, warm)
    catalog.warm(sample)
    timings["briefs_fused_s"] = time.perf_counter() - t
    catalog.close()
    return {"articles": made + len(analyses), "stories": len(stories), "sample": sample, **timings}


def story_sample(catalog: Any, n: int) -> list[str]:
    """The stories the story-page load runs over: the seeds' stories and the newest others."""
    seeds = [catalog.store.story_of(p.stem) for p in sorted(SEEDS.iterdir()) if p.is_file()]
    sample = list(dict.fromkeys(s for s in seeds if s))
    for story in catalog.store.stories(limit=n):
        if len(sample) >= n:
            break
        if story.id not in sample:
            sample.append(story.id)
    return sample


def reuse(url: str, warm: int) -> dict[str, Any]:
    """What ``build_database`` reports, for a database an earlier run built (and kept)."""
    from storyfuse.web.queries import StoreCatalog

    catalog = StoreCatalog.open(url)
    stories = catalog.store.stories()
    sample = story_sample(catalog, warm)
    catalog.warm(sample)  # normally done already
    articles = len(catalog.store.articles())
    catalog.close()
    return {"articles": articles, "stories": len(stories), "sample": sample}


def query_words(url: str, n: int = 600, seed: int = 11) -> list[str]:
    """Distinct search queries: words of stored titles (so each finds something), shuffled."""
    from storyfuse.store import Store

    with Store.open(url) as store:
        titles = [a.title or "" for a in store.articles()]
    words = sorted({w.strip(":,'‘’") for t in titles for w in t.split() if len(w) > 4})
    random.Random(seed).shuffle(words)
    return words[:n]


def start_server(url: str, port: int) -> subprocess.Popen:
    code = (
        "import uvicorn\n"
        "from storyfuse.web import create_app\n"
        "from storyfuse.web.queries import StoreCatalog\n"
        f"uvicorn.run(create_app(StoreCatalog.open({url!r})), host='127.0.0.1', port={port},"
        " log_level='warning', access_log=False)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "HF_HUB_OFFLINE": "1"})


async def wait_fused(base: str, paths: list[str], timeout: float = 600) -> float:
    """Seconds until the list pages ``paths`` no longer show a story whose brief the server is
    still fusing in the background (a listing sets that going): what is measured after is a
    server that has caught up, not its background work."""
    started = time.monotonic()
    async with aiohttp.ClientSession(base) as session:
        while time.monotonic() - started < timeout:
            pending = False
            for path in paths:
                async with session.get(path) as response:
                    pending = pending or "the brief is being computed" in await response.text()
            if not pending:
                return time.monotonic() - started
            await asyncio.sleep(1.0)
    raise RuntimeError(f"the listed stories were still being fused after {timeout:.0f} s")


async def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession(base) as session:
        while True:
            if proc.poll() is not None:
                raise RuntimeError("the server exited")
            try:
                async with session.get("/api/outlets") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            await asyncio.sleep(0.3)


async def load(base: str, paths: list[str], clients: int, requests: int, seconds: float) -> dict:
    """``clients`` tasks request ``paths`` round-robin until ``requests`` are done or time is up.

    The client is aiohttp: it costs a small fraction of the server's CPU per request (httpx costs
    about as much as the server, and on two cores the client would then be what is measured).
    """
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(requests))
    deadline = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=30)

    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as session:

        async def worker() -> None:
            for i in counter:
                if time.monotonic() > deadline:
                    return
                start = time.perf_counter()
                try:
                    async with session.get(paths[i % len(paths)]) as response:
                        await response.read()
                        if response.status != 200:
                            key = str(response.status)
                            errors[key] = errors.get(key, 0) + 1
                except (aiohttp.ClientError, TimeoutError) as exc:
                    errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                latencies.append(time.perf_counter() - start)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000, help="synthetic articles")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000, help="per page kind")
    parser.add_argument("--seconds", type=float, default=60, help="time limit per page kind")
    # The list pages measured (the first three) show the 150 newest stories; a list page with a
    # story whose brief is missing sets the server fusing it in the background, which would be
    # measured instead of serving. So those briefs are fused first, as on a server that has
    # caught up with its last ingest.
    parser.add_argument(
        "--warm", type=int, default=150, help="stories whose briefs are fused (newest first)"
    )
    parser.add_argument("--keep", metavar="FILE", help="build the database here and keep it; reuse it if it exists")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    with tempfile.TemporaryDirectory(prefix="storyfuse-web-load-") as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "stories.db"
        url = f"sqlite:///{path}"
        t = time.perf_counter()
        if path.exists():
            built = reuse(url, args.warm)
        else:
            built = build_database(url, args.articles, args.warm)
        print(
            f"database: {built['articles']} articles, {built['stories']} stories "
            f"({time.perf_counter() - t:.0f} s to build; briefs of {len(built['sample'])} fused)",
            flush=True,
        )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        base = f"http://127.0.0.1:{port}"
        proc = start_server(url, port)
        try:
            asyncio.run(wait_ready(base, proc))
            words = query_words(url)
            pages = {
                "story": [f"/stories/{sid}" for sid in built["sample"]],
                "search": [f"/?q={quote_plus(w)}" for w in words],
                "stories": ["/", "/?page=2", "/?page=3"],
                "api_story": [f"/api/stories/{sid}" for sid in built["sample"]],
            }
            # warm-up: story pages once each (their first view renders them); searches not
            for name in ("story", "api_story", "stories"):
                paths = pages[name]
                asyncio.run(load(base, paths, clients=4, requests=len(paths), seconds=120))
            caught_up = asyncio.run(wait_fused(base, pages["stories"]))
            print(f"  the listed stories' briefs were fused after {caught_up:.0f} s", flush=True)
            rows = []
            for name, paths in pages.items():
                count = min(args.requests, len(paths)) if name == "search" else args.requests
                result = asyncio.run(load(base, paths, args.clients, count, args.seconds))
                rows.append({"page": name, **result})
                print(f"  {name}: {result['rps']:.0f} req/s, p99 {result['p99_ms']:.0f} ms", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)

    print_table(
        f"web load: {args.clients} concurrent clients, {built['articles']} articles",
        rows,
        ["page", "requests", "rps", "p50_ms", "p99_ms", "errors"],
    )
    story = next(r for r in rows if r["page"] == "story")
    goal = story["errors"] == 0 and story["p99_ms"] < 200
    print(f"goal (story page: 0 errors, p99 < 200 ms): {'met' if goal else 'NOT met'}")
    write_results(
        "web_load",
        {"clients": args.clients, "distinct_search_queries": len(pages["search"]),
         "database": {k: v for k, v in built.items() if k != "sample"},
         "pages": rows, "goal_met": goal},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
