"""Build ``storyfuse/data/quote_filter.json``: the precision filter over found quotations.

Every quotation the extractor finds in the train split of PolNeAR (before the filter) is
labelled positive when the scoring of ``eval/polnear_quotes.py`` matches it to a gold content
(one-to-one, greedy by shared characters). A logistic regression (scikit-learn) over the binary
features of ``storyfuse.extract.quotes_filter.features`` is fitted; features seen in fewer than
``--min-count`` predictions are dropped. The extractor's learned cues are themselves fitted on
train, where they are right more often than on other text; so each article's predictions come
from cues refitted without it (``--cue-folds`` folds by article, with the settings of the
shipped cue model), and the filter learns how often a learned cue is right on unseen text. The
regularisation and the threshold are chosen on out-of-fold probabilities (five folds by
article): dropping a prediction raises F1 when it is right with probability below F1 / 2, so
each threshold is scored by dropping the out-of-fold predictions below it and rescoring train
exactly as ``eval/polnear_quotes.py`` does (the matching is redone, so a dropped duplicate can
free a gold content for another prediction); the curve is flat near its top, so the threshold
kept is half the best train F1 on it. Only train is read; dev stays the reported figure.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) ships no licence statement with its
annotations; the output holds only feature weights, no article or annotation text.

The train figures without the filter and with it (out of fold) go to
``eval/results/polnear_filter.json``; ``eval/polnear_quotes.py`` gives the dev figures of the
extractor with the filter.

Usage: ``python eval/polnear_filter.py [--cache DIR] [--min-count N] [--cue-folds N]
[--out FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from pathlib import Path
from unittest import mock

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GroupKFold
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from eval import polnear_cues
from eval.common import write_results
from eval.polnear_quotes import GoldAttribution, Tally, documents, load_gold, match, parses
from storyfuse.extract import quotes as quotes_module
from storyfuse.extract.quotes_cues import WEIGHTS_FILE as CUE_WEIGHTS_FILE
from storyfuse.extract.quotes_cues import CueModel, cue_model
from storyfuse.extract.quotes_filter import WEIGHTS_FILE, features
from storyfuse.model import Quote

OUT = Path(__file__).resolve().parent.parent / "src" / "storyfuse" / "data" / WEIGHTS_FILE
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.10, 0.61, 0.02))
ABOUT = (
    "Logistic-regression weights over storyfuse.extract.quotes_filter.features, fitted on the "
    "extractor's predictions on the train split of PolNeAR (Newell, Margolin and Ruths, LREC "
    "2018; https://github.com/networkdynamics/PolNeAR; no licence stated with the corpus) by "
    "eval/polnear_filter.py. Weights only: no article or annotation text."
)

Article = tuple[str, str, Doc, list[GoldAttribution], list[Quote]]


def unfiltered(doc: Doc) -> list[Quote]:
    """The extractor's quotations before the filter."""
    return quotes_module._Finder(doc).run()


def collect(split: str, cache: Path | None, cue_folds: int = 0) -> list[Article]:
    """(article, text, parse, gold, predictions before the filter) for every annotation file.

    With ``cue_folds``, each article's predictions come from an extractor whose learned cues
    were fitted without that article (``cue_folds`` folds by article), as they are on text the
    cue model never saw; otherwise from the shipped cue model."""
    docs = documents(split)
    texts = [txt.read_text(encoding="utf-8") for _, txt, _ in docs]
    parsed, _ = parses(split, texts, cache)
    stems = [stem for stem, _, _ in docs]
    golds = [load_gold(ann) for _, _, ann in docs]
    models = (
        fold_cue_models(stems, parsed, golds, cue_folds) if cue_folds else [cue_model()] * len(docs)
    )
    out = []
    for stem, text, doc, gold, model in zip(stems, texts, parsed, golds, models, strict=True):
        with mock.patch.object(quotes_module, "cue_model", lambda model=model: model):
            out.append((stem, text, doc, gold, unfiltered(doc)))
    return out


def fold_cue_models(
    stems: list[str], docs: list[Doc], golds: list[list[GoldAttribution]], folds: int
) -> list[CueModel | None]:
    """For each article, a cue model fitted as ``eval/polnear_cues.py`` fits the shipped one
    (its regularisation, feature count floor and threshold, read from the shipped file) on
    the candidates of the other folds' articles."""
    shipped = cue_model()
    if shipped is None:
        return [None] * len(docs)
    settings = json.loads(
        (resources.files("storyfuse") / "data" / CUE_WEIGHTS_FILE).read_text(encoding="utf-8")
    )["train"]
    rows, _ = polnear_cues.collect(list(zip(stems, docs, golds, strict=True)))
    models: list[CueModel | None] = [None] * len(docs)
    for _, test_idx in GroupKFold(n_splits=folds).split(stems, groups=stems):
        held_out = {stems[i] for i in test_idx}
        fold_rows = [r for r in rows if r[2] not in held_out]
        seen: dict[str, int] = {}
        for f, *_ in fold_rows:
            for name in f:
                seen[name] = seen.get(name, 0) + 1
        vec = DictVectorizer()
        x = vec.fit_transform(
            [
                {k: v for k, v in f.items() if seen[k] >= settings["min_count"]}
                for f, *_ in fold_rows
            ]
        )
        y = np.array([r[1] for r in fold_rows], dtype=int)
        fitted = LogisticRegression(C=settings["c"], max_iter=2000, fit_intercept=False).fit(x, y)
        model = CueModel(
            weights=dict(
                zip(vec.get_feature_names_out(), map(float, fitted.coef_[0]), strict=True)
            ),
            threshold=shipped.threshold,
        )
        for i in test_idx:
            models[i] = model
    return models


def rows_of(articles: list[Article]) -> tuple[list[dict[str, int]], np.ndarray, list[str]]:
    """Features, labels (matched to a gold content) and article of every prediction."""
    feats: list[dict[str, int]] = []
    labels: list[int] = []
    groups: list[str] = []
    for stem, text, doc, gold, preds in articles:
        matched = {i for i, _ in match(text, preds, gold)}
        for i, names in enumerate(features(doc, preds)):
            feats.append(dict.fromkeys(names, 1))
            labels.append(int(i in matched))
            groups.append(stem)
    return feats, np.array(labels, dtype=int), groups


def score(articles: list[Article], keep: list[np.ndarray]) -> dict:
    """The scores of ``eval/polnear_quotes.py`` with each article's kept predictions."""
    tally = Tally()
    for (_, text, _, gold, preds), mask in zip(articles, keep, strict=True):
        tally.add(text, [q for q, k in zip(preds, mask, strict=True) if k], gold)
    res = tally.result()
    return {
        "predicted": res["predicted"],
        "matched": res["matched"],
        "precision": round(res["content_overlap"]["precision"], 4),
        "recall": round(res["content_overlap"]["recall"], 4),
        "f1": round(res["content_overlap"]["f1"], 4),
        "speaker_exact": round(res["speaker_accuracy"]["exact"], 4),
    }


def choose_threshold(
    articles: list[Article], probs: np.ndarray
) -> tuple[dict, dict, dict[str, float]]:
    """The train scores with nothing dropped, those at the chosen threshold, and the train F1
    at every threshold of a grid when the predictions below it (out-of-fold probabilities)
    are dropped. The curve is flat near its top (its peak moves with any change to the
    extractor), so the threshold is the rule's own: half the best F1 on the curve."""
    sizes = [len(a[4]) for a in articles]
    bounds = np.cumsum([0, *sizes])
    parts = [probs[bounds[k] : bounds[k + 1]] for k in range(len(articles))]

    def at(th: float) -> dict:
        return {"threshold": th} | score(articles, [p >= th for p in parts])

    before = score(articles, [np.ones(n, dtype=bool) for n in sizes])
    curve = {f"{th:.2f}": at(th)["f1"] for th in THRESHOLDS}
    chosen = at(round(max(curve.values()) / 2, 3))
    return before, chosen, curve


def weights_document(
    names: list[str], coefs: np.ndarray, intercept: float, threshold: float, summary: dict
) -> dict:
    """The JSON the run-time filter reads: ``weights`` (feature name -> weight, the intercept
    folded into ``bias``), ``threshold`` and a ``train`` summary."""
    weights = {n: round(float(w), 4) for n, w in zip(names, coefs, strict=True) if abs(w) >= 1e-3}
    weights["bias"] = round(weights.get("bias", 0.0) + float(intercept), 4)
    return {
        "about": ABOUT,
        "threshold": threshold,
        "train": summary,
        "weights": dict(sorted(weights.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="folder of the spaCy parses")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--cue-folds",
        type=int,
        default=5,
        help="refit the learned cues in this many folds by article (0: use the shipped cues)",
    )
    args = parser.parse_args()

    articles = collect("train", args.cache, args.cue_folds)
    feats, labels, groups = rows_of(articles)
    seen: dict[str, int] = {}
    for f in feats:
        for name in f:
            seen[name] = seen.get(name, 0) + 1
    kept = {name for name, n in seen.items() if n >= args.min_count}
    vec = DictVectorizer()
    x = vec.fit_transform([{k: v for k, v in f.items() if k in kept} for f in feats])
    folds = list(GroupKFold(n_splits=5).split(x, labels, groups))

    def model(c: float) -> LogisticRegression:
        return LogisticRegression(C=c, max_iter=5000)

    best_c, best_loss, oof = C_GRID[0], float("inf"), np.zeros(len(labels))
    for c in C_GRID:
        probs = np.zeros(len(labels))
        for train_idx, test_idx in folds:
            fitted = model(c).fit(x[train_idx], labels[train_idx])
            probs[test_idx] = fitted.predict_proba(x[test_idx])[:, 1]
        loss = log_loss(labels, probs)
        print(f"C={c}: out-of-fold log loss {loss:.4f}")
        if loss < best_loss:
            best_c, best_loss, oof = c, loss, probs
    before, chosen, curve = choose_threshold(articles, oof)
    final = model(best_c).fit(x, labels)
    summary = {
        "predictions": len(labels),
        "right": int(labels.sum()),
        "c": best_c,
        "min_count": args.min_count,
        "cue_folds": args.cue_folds,
        "out_of_fold_log_loss": round(best_loss, 4),
        "without_filter": before,
        "out_of_fold_at_threshold": chosen,
        "out_of_fold_f1_by_threshold": curve,
    }
    doc = weights_document(
        list(vec.get_feature_names_out()),
        final.coef_[0],
        float(final.intercept_[0]),
        chosen["threshold"],
        summary,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    written = write_results("polnear_filter", summary | {"weights_file": args.out.name})
    print(
        f"{len(labels)} predictions, {int(labels.sum())} right; train without the filter "
        f"P {before['precision']:.4f} R {before['recall']:.4f} F1 {before['f1']:.4f}; "
        f"threshold {chosen['threshold']} (out of fold) P {chosen['precision']:.4f} "
        f"R {chosen['recall']:.4f} F1 {chosen['f1']:.4f} speaker exact "
        f"{chosen['speaker_exact']:.4f}; {len(doc['weights'])} weights -> {args.out}"
    )
    print("wrote", written)


if __name__ == "__main__":
    main()
