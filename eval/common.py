"""Helpers shared by the evaluation scripts: where the data is, scoring, reporting."""

from __future__ import annotations

import json
import os
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS_DIR = REPO / "eval" / "results"


def data_dir(name: str | None = None) -> Path:
    """The public evaluation data (``$STORYFUSE_DATA`` or ``<repo>/../shared/data``).

    With ``name``, the folder of one data set; raises FileNotFoundError with a hint if missing.
    """
    root = Path(os.environ.get("STORYFUSE_DATA", REPO.parent / "shared" / "data"))
    path = root / name if name else root
    if not path.exists():
        raise FileNotFoundError(
            f"evaluation data not found at {path}; set STORYFUSE_DATA to the folder that holds it"
        )
    return path


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where a denominator is empty."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def f1_from(precision: float, recall: float) -> float:
    """F1 from a precision and a recall (e.g. means over documents)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def print_table(rows: Sequence[Mapping[str, Any]], columns: Iterable[str] | None = None) -> str:
    """Print rows (dicts) as an aligned text table and return it; floats get four decimals."""
    if not rows:
        print("(no rows)")
        return "(no rows)"
    cols = list(columns) if columns is not None else list(rows[0].keys())
    cells = [[_cell(row.get(c, "")) for c in cols] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines.append("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
    table = "\n".join(lines)
    print(table)
    return table


def write_results(name: str, results: Mapping[str, Any]) -> Path:
    """Write ``eval/results/<name>.json`` (sorted keys, stable output) and return its path."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return path


# --- NeuS -------------------------------------------------------------------------------------
# Each line of ``neus/*.source`` is one story told by three outlets, written
# "TITLE=> headline ARTICLE=> lead [SEP] TITLE=> ...".

_NEUS_PART = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.DOTALL)


def neus_part(text: str) -> tuple[str, str] | None:
    """One NeuS article's headline and lead as written ("TITLE=> ... ARTICLE=> ..."), or None
    when the text has no such markers."""
    match = _NEUS_PART.match(text)
    return (match[1], match[2]) if match else None


def neus_articles(line: str) -> list[tuple[str | None, str]]:
    """One NeuS line's articles as (headline, lead): what a feed or an export would give as an
    article's title and text, without NeuS's own markers."""
    out: list[tuple[str | None, str]] = []
    for part in line.split(" [SEP] "):
        part = part.strip()
        if not part:
            continue
        parts = neus_part(part)
        out.append((parts[0] or None, parts[1]) if parts else (None, part))
    return out


# --- the article-extraction benchmark's metric -------------------------------------------------
# Scrapinghub's article-extraction-benchmark (evaluate.py): 4-token shingles (tokens are \w+ runs,
# case kept), multiset overlap per page, tp/fp/fn normalised per page so long pages weigh no more;
# precision and recall are means over pages (pages with tp+fp == 0 are left out of the precision
# mean, pages with tp+fn == 0 out of the recall mean); F1 from the two means.

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def shingle_tp_fp_fn(true: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page, exactly as the benchmark computes them."""
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def benchmark_scores(pages: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision, mean recall and F1 over pages' normalised (tp, fp, fn)."""
    precisions = [_page_precision(*x) for x in pages if x[0] + x[1] > 0]
    recalls = [_page_recall(*x) for x in pages if x[0] + x[2] > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    return {"precision": precision, "recall": recall, "f1": f1_from(precision, recall)}


def score_body_extractors(
    systems: Mapping[str, Callable[[Any], str]],
    pages: Sequence[tuple[str, Any, str]],
    show: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Each system over (page id, its input, true body) pages: one row of benchmark scores each.

    Per-page tp/fp/fn of the systems named in ``show`` go to stderr.
    """
    import sys
    import time

    shown = set(show)
    rows = []
    for name, system in systems.items():
        started = time.perf_counter()
        scores = []
        for page_id, given, truth in pages:
            score = shingle_tp_fp_fn(truth, system(given))
            scores.append(score)
            if name in shown:
                tp, fp, fn = score
                print(f"{name[:20]:20} {page_id[:12]} tp={tp:.3f} fp={fp:.3f} fn={fn:.3f}",
                      file=sys.stderr)
        rows.append(
            {
                "system": name,
                **benchmark_scores(scores),
                "pages": len(pages),
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    print_table(rows, ["system", "precision", "recall", "f1", "pages", "seconds"])
    return rows
