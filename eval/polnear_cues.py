"""Build ``storyfuse/data/quote_cues.json``: the learned attribution cues, from PolNeAR train.

Every candidate of ``storyfuse.extract.quotes`` (a word outside quote marks with a complement
that could be reported content, and that the verb lists did not already take) in the train
split is labelled positive when a gold attribution's cue covers the word and its content shares
a character with the candidate's complement. A logistic regression (scikit-learn) over the
binary features of ``storyfuse.extract.quotes_cues.features`` is fitted; features seen in
fewer than ``--min-count`` candidates are dropped. The decision threshold is chosen on
out-of-fold probabilities (five folds by article): adding an attribution raises F1 when it is
right with probability above F1 / 2, so the threshold is the one that maximises the F1 the
whole extractor would reach on train, estimated from the verb lists' own train counts plus the
out-of-fold candidates that pass it. Only train is read; dev stays the reported figure.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) ships no licence statement with its
annotations; the output holds only feature weights, no article or annotation text.

The estimated F1 leaves out the quote filter applied after the learned cues, and its curve is
flat over a wide range of thresholds; ``--threshold`` fixes the threshold instead (the shipped
weights use 0.4: on train, the whole extractor with its filter reaches a higher F1 there than at
the estimate's argmax, with the estimate within 0.0003 of its best).

Usage: ``python eval/polnear_cues.py [--cache DIR] [--min-count N] [--c C] [--threshold T]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from eval.polnear_quotes import GoldAttribution, documents, load_gold, match
from storyfuse.extract import quotes as quotes_module
from storyfuse.extract.nlp import nlp, parse
from storyfuse.extract.quotes_cues import WEIGHTS_FILE, Candidate, features
from storyfuse.model import Quote

OUT = Path(__file__).resolve().parent.parent / "src" / "storyfuse" / "data" / WEIGHTS_FILE


class _ListsOnly(quotes_module._Finder):
    """The extractor with the verb lists only; keeps what they found for the candidates."""

    found: list[Quote]
    listed: set[int]

    def _learned_quotes(self, found: list[Quote], listed: set[int]) -> list[Quote]:
        self.found, self.listed = found, listed
        return []


def parsed(split: str, cache: Path | None) -> list[tuple[str, Doc, list[GoldAttribution]]]:
    docs = documents(split)
    cached = cache / f"{split}.spacy" if cache else None
    if cached is not None and cached.exists():
        parses = list(DocBin().from_disk(cached).get_docs(nlp().vocab))
    else:
        parses = [parse(txt.read_text(encoding="utf-8")) for _, txt, _ in docs]
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=parses).to_disk(cached)
    return [(stem, doc, load_gold(ann)) for (stem, _, ann), doc in zip(docs, parses, strict=True)]


def _label(c: Candidate, gold: list[GoldAttribution]) -> bool:
    idx = c.cue.idx
    lo, hi = c.content.start_char, c.content.end_char
    for g in gold:
        if any(a <= idx < b for a, b in g.cue) and any(
            min(hi, b) > max(lo, a) for a, b in g.content
        ):
            return True
    return False


def collect(data: list[tuple[str, Doc, list[GoldAttribution]]]) -> tuple[list, dict]:
    """Candidates (features, label, article, cue token) and the verb lists' train counts."""
    rows = []
    counts = {"predicted": 0, "matched": 0, "gold": 0}
    for stem, doc, gold in data:
        finder = _ListsOnly(doc)
        preds = finder.run()
        counts["predicted"] += len(preds)
        counts["gold"] += len(gold)
        pairs = match(doc.text, preds, gold)
        counts["matched"] += len(pairs)
        matched = {j for _, j in pairs}
        open_gold = [g for j, g in enumerate(gold) if j not in matched]
        taken = [(q.start, q.end) for q in finder.found]
        for t in doc:
            if t.i in finder.listed or any(a <= t.idx < b for a, b in taken):
                continue
            for c in finder._cue_candidates(t):
                rows.append(
                    (
                        {f: 1 for f in features(c)},
                        _label(c, open_gold),
                        f"{stem}",
                        (id(doc), t.i),
                    )
                )
    return rows, counts


def choose_threshold(
    probs: np.ndarray, labels: np.ndarray, tokens: list, counts: dict, fixed: float | None = None
) -> dict:
    """The threshold maximising the estimated train F1: the best candidate per word, added to
    the verb lists' own counts; or the ``fixed`` one, with its estimate."""
    best_of: dict = {}
    for k, tok in enumerate(tokens):
        if tok not in best_of or probs[k] > probs[best_of[tok]]:
            best_of[tok] = k
    idx = np.array(sorted(best_of.values()))
    p, y = probs[idx], labels[idx]
    results = []
    for th in np.arange(0.2, 0.9, 0.025):
        sel = p >= th
        tp, n = int(y[sel].sum()), int(sel.sum())
        matched = counts["matched"] + tp
        predicted = counts["predicted"] + n
        precision = matched / predicted
        recall = matched / counts["gold"]
        f1 = 2 * precision * recall / (precision + recall)
        results.append({"threshold": round(float(th), 3), "added": n, "right": tp, "f1": f1})

    # the F1 curve is flat near its top: the best threshold by the mean F1 of it and its two
    # neighbours, so that a refit does not jump between near-equal thresholds
    def smoothed(k: int) -> float:
        near = results[max(0, k - 1) : k + 2]
        return sum(r["f1"] for r in near) / len(near)

    if fixed is not None:
        return min(results, key=lambda r: abs(r["threshold"] - fixed))

    return results[max(range(len(results)), key=smoothed)]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="keep parsed train docs here")
    parser.add_argument("--min-count", type=int, default=6)
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        help="use this decision threshold instead of the one chosen on the estimated F1 "
        "(whose curve is flat across a wide range)",
    )
    args = parser.parse_args()

    data = parsed("train", args.cache)
    rows, counts = collect(data)
    feats = [r[0] for r in rows]
    labels = np.array([r[1] for r in rows], dtype=int)
    groups = [r[2] for r in rows]
    tokens = [r[3] for r in rows]
    seen: dict[str, int] = {}
    for f in feats:
        for name in f:
            seen[name] = seen.get(name, 0) + 1
    kept = {name for name, n in seen.items() if n >= args.min_count}
    feats = [{k: v for k, v in f.items() if k in kept} for f in feats]
    vec = DictVectorizer()
    x = vec.fit_transform(feats)

    def model() -> LogisticRegression:
        return LogisticRegression(C=args.c, max_iter=2000, fit_intercept=False)

    oof = np.zeros(len(rows))
    for train_idx, test_idx in GroupKFold(n_splits=5).split(x, labels, groups):
        oof[test_idx] = (
            model().fit(x[train_idx], labels[train_idx]).predict_proba(x[test_idx])[:, 1]
        )
    chosen = choose_threshold(oof, labels, tokens, counts, args.threshold)
    final = model().fit(x, labels)
    weights = {
        name: round(float(w), 3)
        for name, w in zip(vec.get_feature_names_out(), final.coef_[0], strict=True)
        if abs(w) >= 0.01
    }
    out = {
        "about": (
            "Logistic-regression weights over storyfuse.extract.quotes_cues.features, fitted on "
            "the train split of PolNeAR (Newell, Margolin and Ruths, LREC 2018; "
            "https://github.com/networkdynamics/PolNeAR; no licence stated with the corpus) by "
            "eval/polnear_cues.py. Weights only: no article or annotation text."
        ),
        "threshold": chosen["threshold"],
        "train": {
            "candidates": len(rows),
            "positive": int(labels.sum()),
            "verb_lists": counts,
            "out_of_fold_at_threshold": chosen,
            "threshold_fixed": args.threshold is not None,
            "c": args.c,
            "min_count": args.min_count,
        },
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} candidates, {int(labels.sum())} positive; threshold {chosen['threshold']}"
        f" adds {chosen['added']} ({chosen['right']} right) for an estimated train F1 "
        f"{chosen['f1']:.3f}; {len(weights)} weights -> {args.out}"
    )


if __name__ == "__main__":
    main()
