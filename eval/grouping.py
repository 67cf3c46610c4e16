"""Story grouping quality: B-cubed precision / recall / F1, and the mixed-archive check.

    python -m eval.grouping           # scores with the default thresholds
    python -m eval.grouping --tune    # the threshold grid on the ECB+ training split

Data (``$STORYFUSE_DATA``, see eval/common.py):
  ecbplus/docs.jsonl     documents labelled by real-world event (subtopic) and topic; the
                         thresholds were chosen on its train split (tuned-on figures), dev is
                         held out from that (held-out figures)
  neus/val.source        each line one story told by three outlets (title + lead)
  article-extraction/    88 pages of other news, mixed with the five seed articles: the seeds
                         must form one story and no two pages about different events may share
                         one (SAME_EVENT_PAGES lists the pages that do report one event)

Every corpus goes through the same code as ``storyfuse``: ``group.group_inputs`` over ids,
texts, dates and spaCy entities (the full pipeline for the mixed archive).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from itertools import combinations
from unittest import mock

from eval.common import REPO, data_dir, neus_articles, print_table, write_results
from storyfuse.group import GroupConfig, GroupInput, features_of, group_features, group_inputs
from storyfuse.group.features import ArticleFeatures

SEEDS = REPO / "examples" / "seeds"

# The 88 pages are not all unrelated: they were collected over the same few days of November
# 2019, and some report the same event. These groups were annotated by reading the pages (every
# pair that any tried threshold put together was read; others may exist). A pair inside one
# group sharing a story is right; any other pair of pages sharing a story is an error.
SAME_EVENT_PAGES = (
    # a man pleads guilty to threatening to kill Rep. Ilhan Omar
    (
        "6ebac05f637ece8aa57c298a2a5e3a8047f546f855d0f29cc683cea60ce85c85",
        "7a457a4f71735c17b8b34fafc88835d225cf879b2d812311857a64cfc891eee9",
    ),
    # video of the rescue of a kidnapped 8-year-old in Fort Worth
    (
        "51d066b0602c9421d8d6410bc4b931700978409a3faa2a984e8fbde519ad7241",
        "2c46804d9db4a85e8f8d31128ce0e11d02f25c7120c2faa5ec0664c604a47717",
    ),
    # New York's attorney general investigates WeWork
    (
        "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85",
        "1ace8c85aaee21b9d4505eca506d50c4721c29db62848b567a9703bfe0583892",
    ),
    # South Dakota's "Meth. We're on it." campaign
    (
        "3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3",
        "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38",
        "776a1c046798b474e410f6edf3225d6a27fecd0de6aac22aef7b7f64fe87caaf",
    ),
    # water vapour plumes detected above Europa
    (
        "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
        "686bb170effe273eaff1c0f88e412172e8d972518a6d1454c896f52aafaa9643",
    ),
    # Myles Garrett's helmet swing at Mason Rudolph
    (
        "08f793762792bd252c75fb57544cdf506ffcc04785136cb87503f02364b82b56",
        "7ab16ade32386ece353b8d31fc3bb7e660189efd5bf3c8549aaba101ad3f5ef5",
    ),
    # Taylor Swift's dispute with Big Machine over playing her old songs at the American Music
    # Awards: a newsletter whose lead item is the dispute (18 November) and a report that it is
    # ending (19 November)
    (
        "55bb6340e3d7dd8632ba45179ae43c39f8ad0cfcecb4719e3b9cf6106ffb70a3",
        "70cb2d5bca75ab5a8f6bb378a38a52f882f6bda508de93b12502e74936d86ff2",
    ),
    # Apple's new 16-inch MacBook Pro in its launch week: the iFixit teardown's findings and a
    # review (the page on a 13-inch model expected in 2020 is another story)
    (
        "5fa5679de56c43edf70685762c2d1f2de296432ae53aa46e075b552fee17cab8",
        "65bf3048b500bbd84928d9122f99617ca898216b91add1d8b2ac09c670484a5c",
    ),
)


# What each reported split was to the thresholds: ECB+'s train topics chose them (``--tune``).
ROLE = {"train": "tuned on", "dev": "held out", "all": "both"}


def b_cubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed (Bagga & Baldwin 1998) over the items of ``gold``: per item, the share of its
    predicted cluster that shares its gold label (precision) and the share of its gold cluster
    found in its predicted cluster (recall), averaged over items."""
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        pred_members[predicted[item]].add(item)
        gold_members[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        both = len(pred_members[predicted[item]] & gold_members[gold[item]])
        precision += both / len(pred_members[predicted[item]])
        recall += both / len(gold_members[gold[item]])
    precision, recall = precision / len(gold), recall / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def with_entities(rows: Sequence[dict[str, str]]) -> list[GroupInput]:
    """GroupInputs with spaCy entities (the extract stage's recogniser), no other extraction."""
    from storyfuse.extract.nlp import entities_of, nlp

    docs = nlp().pipe([r["text"] for r in rows], batch_size=64)
    return [
        GroupInput(id=r["id"], text=r["text"], title=r.get("title"), entities=tuple(entities_of(d)))
        for r, d in zip(rows, docs, strict=True)
    ]


def assignment(features: Sequence[ArticleFeatures], config: GroupConfig) -> dict[str, str]:
    return {a: s.id for s in group_features(features, config) for a in s.article_ids}


def load_ecbplus() -> list[dict[str, str]]:
    path = data_dir("ecbplus") / "docs.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [
        {
            "id": r["doc_id"],
            "text": r["text"],
            "topic": r["topic"],
            "subtopic": r["subtopic"],
            "split": r["split"],
        }
        for r in rows
    ]


def load_neus() -> list[dict[str, str]]:
    rows = []
    path = data_dir("neus") / "val.source"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        for m, (title, lead) in enumerate(neus_articles(line)):
            rows.append({"id": f"neus-{n}-{m}", "text": lead, "title": title, "story": str(n)})
    return rows


def score_ecbplus(config: GroupConfig) -> list[dict]:
    rows = load_ecbplus()
    inputs = with_entities(rows)
    features = {f.id: f for f in features_of(inputs)}
    out = []
    for split in ("train", "dev", "all"):
        chosen = [r for r in rows if split == "all" or r["split"] == split]
        started = time.perf_counter()
        predicted = assignment([features[r["id"]] for r in chosen], config)
        seconds = time.perf_counter() - started
        for level in ("subtopic", "topic"):
            gold = {r["id"]: r[level] for r in chosen}
            out.append(
                {
                    "corpus": "ecbplus",
                    "split": split,
                    "thresholds": ROLE[split],
                    "level": level,
                    "docs": len(chosen),
                    "gold clusters": len(set(gold.values())),
                    "predicted": len(set(predicted.values())),
                    **b_cubed(predicted, gold),
                    "seconds": round(seconds, 2),
                }
            )
    return out


def score_neus(config: GroupConfig) -> list[dict]:
    rows = load_neus()
    features = features_of(with_entities(rows))
    started = time.perf_counter()
    predicted = assignment(features, config)
    seconds = time.perf_counter() - started
    gold = {r["id"]: r["story"] for r in rows}
    return [
        {
            "corpus": "neus",
            "split": "val",
            "thresholds": "held out",
            "level": "story",
            "docs": len(rows),
            "gold clusters": len(set(gold.values())),
            "predicted": len(set(predicted.values())),
            **b_cubed(predicted, gold),
            "seconds": round(seconds, 2),
        }
    ]


def mixed_archive() -> dict:
    """The 88 unrelated pages (through ingest, clean and extract) plus the five seeds."""
    from storyfuse import ingest, pipeline

    folder = data_dir("article-extraction")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted((folder / "html").glob("*.html.gz"))
    # What is measured here must not depend on the machine's load, so the wall-clock budget per
    # document is off (the size limits still apply).
    with mock.patch.dict(os.environ, {"STORYFUSE_DOCUMENT_SECONDS": "0"}):
        analyses, problems = pipeline.analyze_documents(
            ingest.read([str(p) for p in pages] + [str(SEEDS)])
        )
    analysed = {a.id for a in analyses}
    # A page the pipeline could not use is grouped from its true body instead, so that every
    # page is in the test; the count is reported.
    fallback_rows = []
    for page in pages:
        page_id = page.name.split(".")[0]
        if page_id not in analysed and page_id in truth:
            body = truth[page_id].get("articleBody") or ""
            fallback_rows.append({"id": page_id, "text": body})
    items: list = list(analyses) + with_entities(fallback_rows)
    stories = group_inputs(items)
    seeds = {p.stem for p in SEEDS.iterdir() if p.is_file()}
    story_of = {a: s.id for s in stories for a in s.article_ids}
    seed_stories = {story_of.get(s) for s in seeds}
    page_ids = [i.id for i in items]
    unrelated = [p for p in page_ids if p not in seeds]
    same_event = {frozenset(pair) for g in SAME_EVENT_PAGES for pair in combinations(g, 2)}
    together = [(a, b) for a, b in combinations(sorted(unrelated), 2) if story_of[a] == story_of[b]]
    shared = [pair for pair in together if frozenset(pair) not in same_event]
    found = [pair for pair in together if frozenset(pair) in same_event]
    seeds_with_page = sorted(p for p in unrelated if story_of[p] in seed_stories)
    return {
        "pages": len(pages),
        "pages analysed by the pipeline": len(
            [p for p in pages if p.name.split(".")[0] in analysed]
        ),
        "pages grouped from their true body": len(fallback_rows),
        "problems": [f"{p.path}: {p.error}" for p in problems],
        "seeds": len(seeds),
        "seed stories": len(seed_stories),
        "seeds in one story": len(seed_stories) == 1 and None not in seed_stories,
        "pages joined to the seed story": seeds_with_page,
        "different-event page pairs sharing a story": [list(p) for p in shared],
        "same-event page pairs (annotated)": len(same_event),
        "same-event page pairs sharing a story": len(found),
        "stories": len(stories),
        "pass": len(seed_stories) == 1
        and None not in seed_stories
        and not shared
        and not seeds_with_page,
    }


def tune() -> None:
    """The grids the defaults were chosen from: ECB+ train split, subtopic level. The first
    varies the thresholds (other settings at their defaults); the second, at the default
    thresholds, the length gain of short leads and the rule that keeps stories named for
    different participants apart. A setting was kept only if the mixed archive (the default
    run) still passed."""
    rows = [r for r in load_ecbplus() if r["split"] == "train"]
    features = features_of(with_entities(rows))
    gold = {r["id"]: r["subtopic"] for r in rows}

    def scored(config: GroupConfig, **shown: float) -> dict:
        return {**shown, **b_cubed(assignment(features, config), gold)}

    thresholds = []
    for weight in (0.2, 0.3, 0.4):
        for join in (0.32, 0.38, 0.43, 0.46):
            for merge_share in (0.85, 1.0):
                merge = round(join * merge_share, 3)
                config = GroupConfig(
                    embedding_weight=weight,
                    join_threshold=join,
                    merge_threshold=merge,
                    split_threshold=round(join / 2, 3),
                )
                thresholds.append(scored(config, embedding_weight=weight, join=join, merge=merge))
    thresholds.sort(key=lambda r: -r["f1"])
    print_table(thresholds[:12])

    gains = [(0, 1.0)] + [(p, g) for p in (25, 30, 35, 40) for g in (1.3, 1.6)]
    names = [(10**6, 0.34)] + [(n, share) for n in (2, 3, 4, 5) for share in (0.25, 0.34, 0.5)]
    rules = []
    for pivot, gain in gains:  # pivot 0: no length gain for short leads
        for min_articles, share in names:  # 10**6 articles: no story is kept apart by names
            config = GroupConfig(
                length_pivot=pivot,
                max_length_gain=gain,
                names_min_articles=min_articles,
                names_share=share,
            )
            rules.append(
                scored(
                    config,
                    length_pivot=pivot,
                    max_length_gain=gain,
                    names_min_articles=min_articles,
                    names_share=share,
                )
            )
    rules.sort(key=lambda r: -r["f1"])
    print()
    print_table(rules[:12])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tune", action="store_true", help="print the threshold grid")
    parser.add_argument("--skip-mix", action="store_true", help="leave out the mixed archive")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.tune:
        tune()
        return 0
    config = GroupConfig()
    scores = score_ecbplus(config) + score_neus(config)
    print("B-cubed, story grouping")
    print_table(
        scores,
        [
            "corpus",
            "split",
            "thresholds",
            "level",
            "docs",
            "gold clusters",
            "predicted",
            "precision",
            "recall",
            "f1",
            "seconds",
        ],
    )
    results: dict = {"config": config.__dict__, "b_cubed": scores}
    if not args.skip_mix:
        mix = mixed_archive()
        print("\nMixed archive: 88 unrelated pages + 5 seeds")
        for key, value in mix.items():
            if key != "problems":
                shown = len(value) if key.startswith("different-event") else value
                print(f"  {key}: {shown}")
        results["mixed_archive"] = mix
    path = write_results("grouping", results)
    print(f"\nwrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
