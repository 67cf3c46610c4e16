"""Conflicts a reader is shown: the share that are real, on NeuS's stories.

Each NeuS line (``neus/train.source`` and ``neus/val.source``) is one story told by three
outlets. Every article goes through the pipeline (``analyze_all``), each story is fused with its
three articles, and every conflict of its brief is matched to the judgements in
``eval/gold/conflicts/judged.jsonl`` (see GUIDELINES.md there) by story, kind and values:

* *precision*: judged-real conflicts among the judged ones shown;
* *unjudged*: conflicts shown that no one has judged yet (listed with ``--unjudged``: read
  them and add their judgement before quoting a precision).

Recall is not measured: NeuS lists no disagreements, and a conflict shown is a claim that
outlets disagree, so what is measured is how often that claim holds.

    python -m eval.conflicts               # print the table, write eval/results/conflicts.json
    python -m eval.conflicts --unjudged    # also print each unjudged conflict with its sentences
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from eval.common import data_dir, neus_articles, print_table, write_results
from storyfuse.model import Conflict

GOLD = REPO / "eval" / "gold" / "conflicts" / "judged.jsonl"
SPLITS = ("val", "train")


def load_stories() -> dict[str, list[tuple[str | None, str]]]:
    """{"val-N" / "train-N": the story's articles as (headline, lead)}, from each split's
    source file."""
    stories: dict[str, list[tuple[str | None, str]]] = {}
    for split in SPLITS:
        path = data_dir("neus") / f"{split}.source"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            articles = neus_articles(line)
            if articles:
                stories[f"{split}-{n}"] = articles
    return stories


SCALES = {"million": Decimal(10**6), "billion": Decimal(10**9), "trillion": Decimal(10**12)}


def in_digits(shown: str) -> str:
    """A number as the judgements write it, all in digits: "30 million" is "30,000,000",
    "10–12 million" "10,000,000–12,000,000", "12,000" stays."""
    parts = [p.strip() for p in shown.split("–")]
    words = [p.split()[1] if len(p.split()) > 1 and p.split()[1] in SCALES else "" for p in parts]
    last = words[-1]
    out = []
    for part, word in zip(parts, words, strict=True):
        number = Decimal(part.split()[0].replace(",", ""))
        value = number * SCALES.get(word or last, Decimal(1)) if (word or last) else number
        out.append(f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}")
    return "–".join(out)


def values_of(conflict: Conflict) -> tuple[str, ...]:
    """The variants' values as the judgements write them: a number in digits, else all."""
    if conflict.kind == "number":
        return tuple(sorted(in_digits(v.value.split(" (")[0]) for v in conflict.variants))
    return tuple(sorted(v.value for v in conflict.variants))


def shown_conflicts(stories: dict[str, list[tuple[str | None, str]]]) -> list[dict]:
    from storyfuse.model import Document, Story
    from storyfuse.pipeline import analyze_all, fuse_stories

    documents = [
        Document(
            id=f"{story}-{m}",
            path=f"{story}-{m}.txt",
            format="text",
            body=text,
            title=title,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )
        for story, articles in stories.items()
        for m, (title, text) in enumerate(articles)
    ]
    analyses, problems = analyze_all(documents)
    for problem in problems:  # a story is fused with the articles that are left
        print(f"left out: {problem.path}: {problem.error}")
    members: dict[str, list[str]] = {}
    for analysis in analyses:
        members.setdefault(analysis.article.id.rsplit("-", 1)[0], []).append(analysis.article.id)
    briefs = fuse_stories(analyses, [Story(id=k, article_ids=tuple(v)) for k, v in members.items()])
    return [
        {
            "story": brief.id,
            "kind": conflict.kind,
            "values": list(values_of(conflict)),
            "about": conflict.about,
            "sentences": [v.text for v in conflict.variants],
        }
        for brief in briefs
        for conflict in brief.conflicts
    ]


def score(shown: Sequence[dict], judged: dict[tuple, dict]) -> dict:
    found = [judged.get((c["story"], c["kind"], tuple(c["values"]))) for c in shown]
    real = sum(1 for j in found if j and j["real"])
    false = sum(1 for j in found if j and not j["real"])
    return {
        "shown": len(shown),
        "judged": real + false,
        "real": real,
        "false": false,
        "unjudged": sum(1 for j in found if j is None),
        "precision": real / (real + false) if real + false else None,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unjudged", action="store_true", help="print each unjudged conflict")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    judged = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            judged[(item["story"], item["kind"], tuple(sorted(item["values"])))] = item
    stories = load_stories()
    started = time.perf_counter()
    shown = shown_conflicts(stories)
    seconds = time.perf_counter() - started

    row = {"stories": len(stories), **score(shown, judged), "seconds": round(seconds, 1)}
    print_table([row])
    unjudged = [c for c in shown if (c["story"], c["kind"], tuple(c["values"])) not in judged]
    if args.unjudged:
        for c in unjudged:
            print(f"\n{c['story']} {c['kind']} {c['values']}: {c['about']}")
            for sentence in c["sentences"]:
                print(f"  - {sentence}")
    path = write_results(
        "conflicts",
        {
            "task": "conflicts shown on NeuS (train and val): share judged real",
            "gold": str(GOLD.relative_to(REPO)),
            "scores": row,
            "shown": [
                {
                    **{k: c[k] for k in ("story", "kind", "values", "about")},
                    "real": (judged.get((c["story"], c["kind"], tuple(c["values"]))) or {}).get(
                        "real"
                    ),
                }
                for c in shown
            ],
        },
    )
    print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
