"""The brief for one story of five articles: cold and warm time, per fuse step.

    python -m bench.brief [--repeat 3] [--no-cold] [--groups seeds polnear-taxes] [--threads 1]

A brief is what a reader waits for once articles are in: group the story's articles, fuse the
story (``storyfuse.fuse``), render it as JSON, Markdown and HTML. Timed here for stories of five
articles: the bundled seeds, and PolNeAR news articles of one topic and week from different
outlets (``$STORYFUSE_DATA/polnear``, skipped when absent). Articles are analysed first and not
timed.

    cold      the first brief in a fresh process: every model (sentence encoder, static model,
              spaCy, sentiment lexicon) loads inside it
    warm      models loaded, articles analysed, nothing of the story computed before
    warm +1   the story's first four articles were in an earlier brief, the fifth is new (a story
              that just gained an article)
    repeat    the same brief again (every article seen before)

Each fuse step is timed with what it calls; ``encoder`` is the sentence encoder's share (MiniLM on
ONNX Runtime, or torch where no ONNX model could be made; its ``texts encoded`` how many texts
reached it) and ``spaCy`` the parser's, wherever they were called. Steps are timed in wall and in
CPU seconds (a second table): on a machine shared with other work the CPU figures compare runs
better. Warm figures are medians of ``--repeat`` runs. The goal: a warm brief under 2 s on the
2-core reference machine. The load average is recorded, since other work on the machine slows
every figure.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.common import data_dir, peak_rss_mb, print_table, write_results

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "seeds"
GOAL_SECONDS = 2.0
# five articles of one topic and week from different outlets (PolNeAR's development split)
POLNEAR = {
    "polnear-taxes": (
        "nyt_2016-09-30_keep-the-returns-trump-just-give.txt",
        "breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-.txt",
        "nyt_2016-10-04_in-avoiding-tax-trump-is-merely-.txt",
        "politico_2016-10-04_trump-not-walking-the-walk-on-hi.txt",
        "west-journal_2016-10-04_railing-against-trump-sanders-vo.txt",
    ),
    "polnear-debate": (
        "usa-today_2016-09-23_ready-for-trump-vs-clinton-his-p.txt",
        "usa-today_2016-09-23_trump-questions-the-fairness-of-.txt",
        "politico_2016-09-25_poll-clinton-and-trump-in-dead-h.txt",
        "west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod.txt",
        "wash-post_2016-09-29_the-real-trump-showed-up-at-deba.txt",
    ),
    "polnear-health": (
        "breitbart_2016-09-12_stealth-over-health-hillary-clin.txt",
        "politico_2016-09-12_former-dnc-chairman-calls-for-cl.txt",
        "west-journal_2016-09-14_clinton-hid-past-health-problems.txt",
        "breitbart_2016-09-15_pat-caddell-democrat-voters-worr.txt",
        "politico_2016-09-15_trump-s-favorite-tv-doctor-has-a.txt",
    ),
}
# the parts of fuse timed one by one (names in the ``storyfuse.fuse`` package); a step that
# calls another (conflicts calls the timeline's event finder) includes it
STEPS = (
    "story_articles",
    "prepare",
    "build_names",
    "align",
    "summary",
    "figures",
    "title",
    "facts",
    "conflicts",
    "quotes",
    "timeline",
    "entities",
    "framing",
)
FORMATS = ("json", "md", "html")


def groups() -> dict[str, list[str]]:
    out = {"seeds": [str(SEEDS)]}
    folder = data_dir() / "polnear" / "dev" / "text"
    for name, files in POLNEAR.items():
        paths = [folder / f for f in files]
        if all(p.exists() for p in paths):
            out[name] = [str(p) for p in paths]
    return out


class Clock:
    """Wall and CPU seconds per fuse step, and the encoder's share, for one brief at a time."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}
        self.texts = 0
        self._depth = 0

    def reset(self) -> None:
        self.seconds = {}
        self.cpu_seconds = {}
        self.texts = 0

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
            spent = time.process_time() - cpu
            self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + spent

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            # only the outermost step counts: a step called from another is part of that one
            if self._depth:
                return function(*args, **kwargs)
            self._depth += 1
            try:
                with self.timing(name):
                    return function(*args, **kwargs)
            finally:
                self._depth -= 1

        return timed

    def wrap_pipe(self, pipe: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        """spaCy's ``Language.pipe``, timed while it parses (not while its caller reads)."""

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            docs = pipe(*args, **kwargs)
            while True:
                with self.timing("spaCy"):
                    doc = next(docs, None)
                if doc is None:
                    return
                yield doc

        return timed

    def wrap_encoder(self, function: Callable[[list[str]], Any]) -> Callable[[list[str]], Any]:
        def timed(texts: list[str]) -> Any:
            self.texts += len(texts)
            with self.timing("encoder"):
                return function(texts)

        return timed


def install(clock: Clock) -> None:
    """Time every fuse step and the sentence encoder (by wrapping them where fuse looks them up)."""
    from storyfuse import embed
    from storyfuse.extract.nlp import nlp

    package = importlib.import_module("storyfuse.fuse")
    for name in STEPS:
        if hasattr(package, name):
            setattr(package, name, clock.wrap(name, getattr(package, name)))
    embed.MODELS["minilm"] = clock.wrap_encoder(embed.MODELS["minilm"])
    pipeline = nlp()
    pipeline.pipe = clock.wrap_pipe(pipeline.pipe)  # type: ignore[method-assign]


def forget_story_work() -> None:
    """Drop what fuse keeps between briefs, so that the next brief computes everything again."""
    importlib.import_module("storyfuse.fuse").clear_caches()


def analyse(paths: Sequence[str]) -> list[Any]:
    from storyfuse import ingest, pipeline

    analyses, problems = pipeline.analyze_documents(ingest.read(list(paths)))
    if problems:
        raise SystemExit(f"could not analyse: {[(p.path, p.error) for p in problems]}")
    return analyses


def brief(analyses: Sequence[Any], clock: Clock, story_id: str) -> dict[str, Any]:
    """One brief, timed: group, fuse (per step), render (per format)."""
    from storyfuse import fuse, group, render
    from storyfuse.model import Brief, Story

    clock.reset()
    cpu, start = time.process_time(), time.perf_counter()
    with clock.timing("group"):
        stories = group.group(analyses)
    # the five articles as one story, as grouping makes it for the seeds
    ids = tuple(a.id for a in analyses)
    story = next((s for s in stories if set(s.article_ids) == set(ids)), None)
    story = story or Story(id=story_id, article_ids=ids)
    with clock.timing("fuse"):
        fused = fuse.fuse(story, {a.id: a for a in analyses})
    for fmt in FORMATS:
        with clock.timing(f"render {fmt}"):
            render.render(Brief(articles=tuple(analyses), stories=(fused,)), fmt)
    return {
        "seconds": time.perf_counter() - start,
        "cpu_seconds": time.process_time() - cpu,
        "steps": dict(clock.seconds),
        "steps_cpu": dict(clock.cpu_seconds),
        "texts_encoded": clock.texts,
        "stories_grouped": len(stories),
        "sentences": sum(len(a.sentences) for a in analyses),
        "chars": sum(len(a.article.text) for a in analyses),
    }


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(min(runs, key=lambda r: abs(r["seconds"] - statistics.median(x["seconds"] for x in runs))))
    out["seconds_all"] = [round(r["seconds"], 3) for r in runs]
    return out


def warm(name: str, paths: Sequence[str], repeat: int, clock: Clock) -> dict[str, dict[str, Any]]:
    analyses = analyse(paths)
    fresh, plus_one, again = [], [], []
    for _ in range(repeat):
        forget_story_work()
        fresh.append(brief(analyses, clock, name))
        again.append(brief(analyses, clock, name))
        # the story as it was before its last article came in, then with it
        forget_story_work()
        brief(analyses[:-1], clock, name)
        plus_one.append(brief(analyses, clock, name))
    return {
        "warm": median_run(fresh),
        "warm +1": median_run(plus_one),
        "repeat": median_run(again),
    }


def cold(name: str, paths: Sequence[str], threads: int | None) -> dict[str, Any]:
    """The first brief of a fresh process (run as a child process)."""
    command = [sys.executable, "-m", "bench.brief", "--cold-child", name, "--paths", *paths]
    if threads:
        command += ["--threads", str(threads)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode != 0:
        raise SystemExit(f"cold run of {name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cold_child(name: str, paths: Sequence[str]) -> None:
    clock = Clock()
    install(clock)
    analyses = analyse(paths)  # loads spaCy: part of analysis, not of the brief
    result = brief(analyses, clock, name)
    print(json.dumps(result))


def encoder_backend() -> str:
    """Which runtime encodes MiniLM, and on how many threads."""
    from storyfuse import embed

    if embed.BACKEND == "onnx" and embed._onnx_minilm() is not None:
        return f"onnxruntime, {embed.THREADS or os.cpu_count()} threads"
    import torch

    return f"torch, {torch.get_num_threads()} threads"


def rows_for(
    results: dict[str, dict[str, dict[str, Any]]], steps: str = "steps"
) -> list[dict[str, Any]]:
    columns = ["group", "fuse", *STEPS, "encoder", "spaCy", *(f"render {f}" for f in FORMATS)]
    rows = []
    for group_name, by_kind in results.items():
        for kind, run in by_kind.items():
            row: dict[str, Any] = {"story": group_name, "kind": kind, "total s": run["seconds"]}
            row["cpu s"] = run["cpu_seconds"]
            for column in columns:
                if column in run.get(steps, {}):
                    row[column] = run[steps][column]
            row["texts encoded"] = run["texts_encoded"]
            rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-cold", action="store_true")
    parser.add_argument("--groups", nargs="*")
    parser.add_argument("--threads", type=int, help="the encoder's threads (default: one per core)")
    parser.add_argument("--cold-child", help=argparse.SUPPRESS)
    parser.add_argument("--paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.threads:
        import torch

        from storyfuse import embed

        torch.set_num_threads(args.threads)
        embed.THREADS = args.threads
    if args.cold_child:
        cold_child(args.cold_child, args.paths or [])
        return

    chosen = {k: v for k, v in groups().items() if not args.groups or k in args.groups}
    load_before = os.getloadavg()
    results: dict[str, dict[str, dict[str, Any]]] = {}
    if not args.no_cold:
        for name, paths in chosen.items():
            results[name] = {"cold": cold(name, paths, args.threads)}
    clock = Clock()
    install(clock)
    # load every model once, on a story of its own, before anything warm is timed
    first = next(iter(chosen.values()))
    brief(analyse(first), clock, "warm-up")
    for name, paths in chosen.items():
        results.setdefault(name, {}).update(warm(name, paths, args.repeat, clock))
    load_after = os.getloadavg()

    rows = rows_for(results)
    steps = [c for c in ("group", "fuse", *STEPS, "encoder", "spaCy", *(f"render {f}" for f in FORMATS))
             if any(c in r for r in rows)]
    print_table(
        "brief for one story of five articles (seconds; steps include what they call)",
        rows,
        ["story", "kind", "total s", "cpu s", *steps, "texts encoded"],
    )
    print_table(
        "the same, CPU seconds of each step (all threads of the process)",
        rows_for(results, "steps_cpu"),
        ["story", "kind", "total s", "cpu s", *steps, "texts encoded"],
    )
    warm_seconds = {name: r["warm"]["seconds"] for name, r in results.items()}
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
          f"(1 min) on {os.cpu_count()} cores, encoder: {encoder_backend()}; "
          f"goal: warm < {GOAL_SECONDS} s")
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    write_results(
        "brief",
        {
            "goal_seconds": GOAL_SECONDS,
            "encoder": encoder_backend(),
            "load_average": {"before": load_before, "after": load_after},
            "stories": results,
            "warm_seconds": warm_seconds,
            "warm_under_goal": all(s < GOAL_SECONDS for s in warm_seconds.values()),
            "peak_rss_mb": peak_rss_mb(),
        },
    )


if __name__ == "__main__":
    main()
