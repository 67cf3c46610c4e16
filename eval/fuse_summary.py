"""The fuse stage's extractive summary on NeuS (same story from three outlets + a neutral summary).

Each validation cluster (title and lead of three outlets' articles) goes through the fuse stage's
sentence alignment and summary, with the real sentence model; the summary, cut to as many
sentences as the editor's neutral summary has, is scored with ROUGE (rouge-score, stemmed) against
that summary. Baselines: the lead (first sentences of the first article) and the first sentence
of each article. Also reported: how many summary sentences are stated by more than one article
(and so cite several sources).

    python -m eval.fuse_summary [--limit N]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import time

import pysbd
from rouge_score import rouge_scorer

from eval.common import data_dir, neus_part, print_table, write_results
from storyfuse.fuse import default_embedder
from storyfuse.fuse.facts import align
from storyfuse.fuse.names import Names
from storyfuse.fuse.summary import summary
from storyfuse.fuse.units import story_articles
from storyfuse.model import Analysis, Article, Sentence, Story

_SEGMENTER = pysbd.Segmenter(language="en", clean=False, char_span=True)


def _analysis(aid: str, raw: str) -> Analysis:
    parts = neus_part(raw.strip())
    title, text = parts if parts else (None, raw.strip())
    sentences = tuple(
        Sentence(start=s.start, end=s.start + len(s.sent.rstrip()), text=s.sent.strip())
        for s in _SEGMENTER.segment(text)
        if s.sent.strip()
    )
    article = Article(
        id=aid,
        path=aid,
        format="text",
        text=text,
        title=title,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    return Analysis(article=article, sentences=sentences)


def _reference(raw: str) -> str:
    parts = neus_part(raw.strip())
    return parts[1] if parts else raw.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="clusters to score (default 100)")
    args = parser.parse_args()
    folder = data_dir("neus")
    sources = (folder / "val.source").read_text(encoding="utf-8").splitlines()[: args.limit]
    targets = (folder / "val.target").read_text(encoding="utf-8").splitlines()[: args.limit]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems: dict[str, list[dict]] = {"fuse summary": [], "lead": [], "first of each": []}
    multi_source: list[float] = []
    started = time.time()
    for n, (source, target) in enumerate(zip(sources, targets, strict=True)):
        analyses = {
            f"c{n}a{i}": _analysis(f"c{n}a{i}", raw)
            for i, raw in enumerate(source.split(" [SEP] "))
        }
        reference = _reference(target)
        k = max(1, len(_SEGMENTER.segment(reference)))
        story = story_articles(
            Story(id=f"c{n}", article_ids=tuple(analyses)), analyses, default_embedder
        )
        cited = summary(story, align(story, Names()), max_sentences=k, min_sentences=k)
        first = next(iter(analyses.values()))
        outputs = {
            "fuse summary": " ".join(c.text for c in cited),
            "lead": " ".join(s.text for s in first.sentences[:k]),
            "first of each": " ".join(
                a.sentences[0].text for a in analyses.values() if a.sentences
            ),
        }
        for name, text in outputs.items():
            systems[name].append(scorer.score(reference, text))
        if cited:
            multi_source.append(sum(len(c.sources) > 1 for c in cited) / len(cited))
    rows = []
    for name, scores in systems.items():
        row: dict = {"system": name}
        for metric in ("rouge1", "rouge2", "rougeL"):
            row[f"{metric} P"] = statistics.mean(s[metric].precision for s in scores)
            row[f"{metric} R"] = statistics.mean(s[metric].recall for s in scores)
            row[f"{metric} F1"] = statistics.mean(s[metric].fmeasure for s in scores)
        rows.append(row)
    print_table(rows, ["system", "rouge1 P", "rouge1 R", "rouge1 F1", "rouge2 F1", "rougeL F1"])
    share = statistics.mean(multi_source) if multi_source else 0.0
    print(f"summary sentences stated by more than one article: {share:.3f}")
    print(f"{len(sources)} clusters in {time.time() - started:.0f} s")
    write_results(
        "fuse_summary",
        {
            "data": f"NeuS val (first {len(sources)} clusters)",
            "clusters": len(sources),
            "systems": rows,
            "multi_source_sentence_share": share,
            "published_reference": "NeuS test split: LexRank R1/R2/RL 40.3/17.4/25.6 (simplified ROUGE)",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
