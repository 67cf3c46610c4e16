"""Numeric claims against hand-annotated gold (eval/gold/claims/, see GUIDELINES.md there).

Runs the real extraction path on each annotated article: ``storyfuse.extract.nlp.parse``,
``find_quotes`` and ``find_times`` (when those modules are present), then ``find_claims``.

Scores, over all claims of all articles (micro-averaged):

* precision / recall / F1 of (value, unit): a predicted claim matches a gold claim of the same
  article when the values are equal (relative tolerance 1e-6; for ranges the lower bound) and
  the units are the same lemma or in one equivalence group of ``UNIT_EQUIVALENTS``. Each gold
  claim matches at most one prediction; among candidates, the one nearest the gold number's
  position in the text wins, so repeated figures pair up mention by mention;
* value-only F1 (units ignored), as a diagnostic of where errors come from;
* on matched claims: qualifier accuracy (exact, with "none" a value of its own) and claimant
  accuracy: both none, or both named and ``rapidfuzz.fuzz.token_set_ratio`` >= 80 after
  lowercasing and removing articles and possessive "'s" (so "Ed Alvarez" matches "Interim BART
  Police Chief Ed Alvarez"). Claimant accuracy is also given for attributed gold claims alone.

    python -m eval.claims               # print the table, write eval/results/claims.json
    python -m eval.claims --check-gold  # check that every gold snippet is found in its text
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

try:
    from eval.common import data_dir, prf, print_table, write_results
except ImportError:  # pragma: no cover - eval/common.py is optional
    data_dir = prf = print_table = write_results = None  # type: ignore[assignment]

from storyfuse.extract.claims import find_claims
from storyfuse.extract.nlp import parse
from storyfuse.model import Claim, Quote, TimeMention

GOLD = REPO / "eval" / "gold" / "claims" / "gold.jsonl"
# Annotated after the rules were developed on GOLD; scored separately, never tuned on.
HELDOUT = REPO / "eval" / "gold" / "claims" / "heldout.jsonl"

# Units that name the same thing counted. Kept small on purpose: spelling and symbol variants,
# plus the few synonyms news uses interchangeably for the same count.
UNIT_EQUIVALENTS = [
    {"percent", "%", "per cent", "pct", "percentage"},
    {"point", "percentage point", "pt"},
    {"person", "people"},
    {"troop", "soldier"},
    {"dollar", "usd", "$"},
    {"pound", "£", "gbp"},
    {"euro", "€", "eur"},
    {"rupee", "rs", "inr"},
    {"organisation", "organization"},
    {"kilometre", "kilometer", "km"},
]
CLAIMANT_THRESHOLD = 80
STAGE_FAILURES: list[str] = []
_STOP = {"the", "a", "an", "'s", "’s"}


def _data(name: str) -> Path:
    if data_dir is not None:
        return data_dir(name)
    root = Path(os.environ.get("STORYFUSE_DATA", REPO.parent / "shared" / "data"))
    return root / name


def same_unit(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return a == b or any(a in group and b in group for group in UNIT_EQUIVALENTS)


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _norm_source(text: str) -> str:
    text = re.sub(r"[’']s\b", " ", text.lower())
    words = re.findall(r"[\w&/-]+", text)
    return " ".join(w for w in words if w not in _STOP)


def same_claimant(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _norm_source(gold), _norm_source(pred)
    if not g or not p:
        return g == p
    return fuzz.token_set_ratio(g, p) >= CLAIMANT_THRESHOLD


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def article_text(record: dict[str, Any], _cache: dict[str, Any] = {}) -> str:  # noqa: B006
    if record["source"] == "article-extraction":
        if "gt" not in _cache:
            path = _data("article-extraction") / "ground-truth.json"
            _cache["gt"] = json.loads(path.read_text())
        return str(_cache["gt"][record["doc_id"]]["articleBody"])
    path = _data("polnear") / "dev" / "text" / f"{record['doc_id']}.txt"
    return path.read_text()


def gold_position(text: str, claim: dict[str, Any]) -> int:
    """Where the gold number sits in the text (its snippet, then the number inside it)."""
    at = text.find(claim["sentence"])
    if at < 0:
        return -1
    inner = claim["sentence"].lower().find(claim["number_text"].lower())
    return at + max(inner, 0)


def extract(text: str, published: str | None) -> list[Claim]:
    """The real path: parse, quotes and times when their modules exist, then claims."""
    doc = parse(text)
    quotes: Sequence[Quote] = []
    times: Sequence[TimeMention] = []
    try:
        from storyfuse.extract.quotes import find_quotes
    except ImportError:
        find_quotes = None  # type: ignore[assignment]
    try:
        from storyfuse.extract.times import find_times
    except ImportError:
        find_times = None  # type: ignore[assignment]
    # The quote and time finders are other stages' work; a failure there is counted and the
    # claims are still scored without them, so one broken stage does not hide the others.
    if find_quotes is not None:
        try:
            quotes = find_quotes(doc)
        except Exception as exc:  # noqa: BLE001
            STAGE_FAILURES.append(f"find_quotes: {type(exc).__name__}: {exc}")
    if find_times is not None:
        try:
            times = find_times(text, published)
        except Exception as exc:  # noqa: BLE001
            STAGE_FAILURES.append(f"find_times: {type(exc).__name__}: {exc}")
    return find_claims(doc, quotes=quotes, times=times, published=published)


@dataclass
class Match:
    gold: dict[str, Any]
    pred: Claim


def match(
    text: str, gold: list[dict[str, Any]], pred: list[Claim], *, units: bool = True
) -> tuple[list[Match], list[dict[str, Any]], list[Claim]]:
    free = list(range(len(pred)))
    matches: list[Match] = []
    missed: list[dict[str, Any]] = []
    for g in gold:
        pos = gold_position(text, g)
        candidates = [
            k
            for k in free
            if same_value(pred[k].value, g["value"])
            and (not units or same_unit(pred[k].unit, g["unit"]))
        ]
        if not candidates:
            missed.append(g)
            continue
        best = min(candidates, key=lambda k: abs(pred[k].start - pos))
        free.remove(best)
        matches.append(Match(g, pred[best]))
    return matches, missed, [pred[k] for k in free]


def check_gold() -> int:
    problems = 0
    for record in load_gold() + load_gold(HELDOUT):
        text = article_text(record)
        for claim in record["claims"]:
            if claim["sentence"] not in text:
                print(f"{record['doc_id']}: snippet not found: {claim['sentence']!r}")
                problems += 1
    print(f"{problems} problem(s)")
    return 1 if problems else 0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    if prf is not None:
        return prf(tp, fp, fn)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(path: Path = GOLD) -> dict[str, Any]:
    records = load_gold(path)
    STAGE_FAILURES.clear()
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[dict[str, Any]] = []
    started = time.perf_counter()
    for record in records:
        text = article_text(record)
        pred = extract(text, record.get("published"))
        matches, missed, extra = match(text, record["claims"], pred)
        value_matches, _, _ = match(text, record["claims"], pred, units=False)
        for group in ("all", record["source"]):
            t = totals[group]
            t["gold"] += len(record["claims"])
            t["pred"] += len(pred)
            t["tp"] += len(matches)
            t["value_tp"] += len(value_matches)
            t["qualifier_ok"] += sum(m.gold["qualifier"] == m.pred.qualifier for m in matches)
            t["claimant_ok"] += sum(
                same_claimant(m.gold["claimant"], m.pred.claimant) for m in matches
            )
            attributed = [m for m in matches if m.gold["claimant"] is not None]
            t["attributed"] += len(attributed)
            t["attributed_ok"] += sum(
                same_claimant(m.gold["claimant"], m.pred.claimant) for m in attributed
            )
        for g in missed:
            errors.append(
                {
                    "doc": record["doc_id"][:40],
                    "kind": "missed",
                    "number": g["number_text"],
                    "unit": g["unit"],
                }
            )
        for c in extra:
            errors.append(
                {
                    "doc": record["doc_id"][:40],
                    "kind": "extra",
                    "number": c.number_text,
                    "unit": c.unit,
                }
            )
        for m in matches:
            if m.gold["qualifier"] != m.pred.qualifier:
                errors.append(
                    {
                        "doc": record["doc_id"][:40],
                        "kind": "qualifier",
                        "number": m.gold["number_text"],
                        "gold": m.gold["qualifier"],
                        "pred": m.pred.qualifier,
                    }
                )
            if not same_claimant(m.gold["claimant"], m.pred.claimant):
                errors.append(
                    {
                        "doc": record["doc_id"][:40],
                        "kind": "claimant",
                        "number": m.gold["number_text"],
                        "gold": m.gold["claimant"],
                        "pred": m.pred.claimant,
                    }
                )
    seconds = time.perf_counter() - started
    rows = []
    scores: dict[str, Any] = {}
    for group in ("all", "article-extraction", "polnear"):
        t = totals[group]
        p, r, f = _prf(t["tp"], t["pred"] - t["tp"], t["gold"] - t["tp"])
        _, _, vf = _prf(t["value_tp"], t["pred"] - t["value_tp"], t["gold"] - t["value_tp"])
        row = {
            "set": group,
            "gold": t["gold"],
            "pred": t["pred"],
            "P": p,
            "R": r,
            "F1": f,
            "value_F1": vf,
            "qualifier_acc": t["qualifier_ok"] / t["tp"] if t["tp"] else 0.0,
            "claimant_acc": t["claimant_ok"] / t["tp"] if t["tp"] else 0.0,
            "claimant_acc_attributed": t["attributed_ok"] / t["attributed"]
            if t["attributed"]
            else 0.0,
        }
        rows.append(row)
        scores[group] = {k: v for k, v in row.items() if k != "set"}
    if STAGE_FAILURES:
        print(
            f"{len(STAGE_FAILURES)} article(s) scored without quotes or times:",
            *STAGE_FAILURES,
            sep="\n  ",
        )
    if print_table is not None:
        print_table(rows)
    else:  # pragma: no cover
        for row in rows:
            print(row)
    return {
        "gold": str(path.relative_to(REPO)),
        "articles": len(records),
        "scores": scores,
        "seconds": round(seconds, 1),
        "stage_failures": STAGE_FAILURES,
        "errors": errors,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-gold", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print every error")
    args = parser.parse_args(argv)
    if args.check_gold:
        return check_gold()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    print(f"development set ({GOLD.name}: the rules were refined on its errors)")
    development = run(GOLD)
    print(f"\nheld-out set ({HELDOUT.name}: annotated afterwards, never tuned on)")
    heldout = run(HELDOUT)
    results = {
        "task": "numeric claims: (value, unit) P/R/F1, qualifier and claimant accuracy on matches",
        "goals": {"F1": 0.85, "claimant_acc": 0.80},
        "unit_equivalents": [sorted(g) for g in UNIT_EQUIVALENTS],
        "claimant_match": f"rapidfuzz token_set_ratio >= {CLAIMANT_THRESHOLD} "
        "(articles and 's removed)",
        "development": development,
        "heldout": heldout,
    }
    if args.errors:
        for e in development["errors"] + heldout["errors"]:
            print(e)
    if write_results is not None:
        path = write_results("claims", results)
    else:  # pragma: no cover
        path = REPO / "eval" / "results" / "claims.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
