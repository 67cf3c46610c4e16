"""Quotes and speakers against PolNeAR's attribution annotations.

PolNeAR (``$STORYFUSE_DATA/polnear``) annotates every attribution in 924 US news articles as
BRAT standoff: ``T`` spans typed Source / Cue / Content (a span may have several fragments,
``a b;c d``) and ``E`` lines linking one attribution's parts. Each article is parsed with the
pipeline's spaCy model and passed to ``storyfuse.extract.quotes.find_quotes`` — the code path
``storyfuse analyze`` runs.

Matching rule (contents): a predicted quote and a gold content *overlap* when their character
ranges share at least one non-space character (gold fragments count separately; the predicted
range is ``[start, end)``). Pairs are matched one-to-one, greedily by the number of shared
characters, largest first. Precision = matched predictions / predictions, recall = matched gold
contents / gold contents, F1 their harmonic mean, micro-averaged over the split.

Speaker accuracy is measured on the matched pairs whose gold attribution has a Source span:
*exact* when the predicted speaker mention (``speaker_start``/``speaker_end``) equals the gold
source span after trimming whitespace and edge punctuation; *overlap* when the two share a
character. A matched pair whose prediction has no speaker counts as wrong. Gold attributions
without a source are reported separately (how often the prediction also has none).

Usage: ``python eval/polnear_quotes.py [--split dev|train] [--limit N]``.
"""

from __future__ import annotations

import argparse
import os
import string
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from eval.common import data_dir, prf, print_table, write_results
from storyfuse.extract.nlp import parse
from storyfuse.extract.quotes import find_quotes
from storyfuse.model import Quote

Range = tuple[int, int]


@dataclass
class GoldAttribution:
    content: list[Range]
    source: list[Range] = field(default_factory=list)
    cue: list[Range] = field(default_factory=list)


def _ranges(spec: str) -> list[Range]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_gold(ann: Path) -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file (those with a content span)."""
    spans: dict[str, tuple[str, list[Range]]] = {}
    events: list[dict[str, list[str]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, spec = parts[1].split(" ", 1)
            spans[parts[0]] = (kind, _ranges(spec))
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, list[str]] = {}
            for arg in parts[1].split():
                role, ref = arg.split(":", 1)
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    gold = []
    for roles in events:

        def collect(role: str, roles: dict[str, list[str]] = roles) -> list[Range]:
            return [r for ref in roles.get(role, []) if ref in spans for r in spans[ref][1]]

        content = collect("Content")
        if content:
            gold.append(GoldAttribution(content, collect("Source"), collect("Cue")))
    return gold


def _shared(text: str, a: Range, b: Range) -> int:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return sum(1 for ch in text[lo:hi] if not ch.isspace()) if hi > lo else 0


def _trim(text: str, r: Range) -> Range:
    a, b = r
    edge = string.punctuation + "“”‘’—– \n\t"
    while a < b and text[a] in edge:
        a += 1
    while b > a and text[b - 1] in edge:
        b -= 1
    return a, b


def match(text: str, preds: list[Quote], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by shared characters: (pred index, gold index) pairs."""
    scored = []
    for i, q in enumerate(preds):
        for j, g in enumerate(gold):
            shared = sum(_shared(text, (q.start, q.end), r) for r in g.content)
            if shared:
                scored.append((shared, i, j))
    scored.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in scored:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def documents(split: str) -> list[tuple[str, Path, Path]]:
    root = data_dir("polnear") / split
    out = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        txt = root / "text" / f"{stem}.txt"
        if txt.exists():
            out.append((stem, txt, ann))
    return out


def evaluate(split: str, limit: int | None = None) -> dict:
    docs = documents(split)[:limit] if limit else documents(split)
    n_pred = n_gold = n_match = 0
    spk_total = spk_exact = spk_overlap = 0
    nosrc_total = nosrc_none = 0
    direct = {"pred": 0, "match": 0}
    started = time.perf_counter()
    for _, txt, ann in docs:
        text = txt.read_text(encoding="utf-8")
        gold = load_gold(ann)
        preds = find_quotes(parse(text))
        pairs = match(text, preds, gold)
        n_pred += len(preds)
        n_gold += len(gold)
        n_match += len(pairs)
        direct["pred"] += sum(1 for q in preds if q.direct)
        for i, j in pairs:
            q, g = preds[i], gold[j]
            direct["match"] += int(q.direct)
            if not g.source:
                nosrc_total += 1
                nosrc_none += int(q.speaker_start is None)
                continue
            spk_total += 1
            if q.speaker_start is None or q.speaker_end is None:
                continue
            mention = _trim(text, (q.speaker_start, q.speaker_end))
            sources = [_trim(text, r) for r in g.source]
            gold_span = (min(a for a, _ in sources), max(b for _, b in sources))
            spk_exact += int(mention == gold_span)
            spk_overlap += int(any(_shared(text, mention, r) for r in sources))
    seconds = time.perf_counter() - started
    p, r, f1 = prf(n_match, n_pred - n_match, n_gold - n_match)
    return {
        "split": split,
        "documents": len(docs),
        "gold_contents": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "content_overlap": {"precision": p, "recall": r, "f1": f1},
        "speaker_accuracy": {
            "pairs_with_gold_source": spk_total,
            "exact": spk_exact / spk_total if spk_total else 0.0,
            "overlap": spk_overlap / spk_total if spk_total else 0.0,
        },
        "gold_without_source": {
            "matched": nosrc_total,
            "predicted_no_speaker": nosrc_none,
        },
        "direct_quotes": {
            "predicted": direct["pred"],
            "matched": direct["match"],
            "precision": direct["match"] / direct["pred"] if direct["pred"] else 0.0,
        },
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--no-write", action="store_true", help="do not write the JSON result")
    args = parser.parse_args()
    res = evaluate(args.split, args.limit)
    co, sa = res["content_overlap"], res["speaker_accuracy"]
    print_table(
        [
            {"metric": "content overlap precision", "value": co["precision"]},
            {"metric": "content overlap recall", "value": co["recall"]},
            {"metric": "content overlap F1", "value": co["f1"], "goal": 0.85},
            {"metric": "speaker accuracy (exact span)", "value": sa["exact"], "goal": 0.86},
            {"metric": "speaker accuracy (overlap)", "value": sa["overlap"], "goal": 0.86},
            {"metric": "direct-quote precision", "value": res["direct_quotes"]["precision"]},
        ],
        ["metric", "value", "goal"],
    )
    print(
        f"{res['documents']} documents, {res['gold_contents']} gold contents, "
        f"{res['predicted']} predicted, {res['matched']} matched, {res['seconds']} s"
    )
    if not args.no_write and args.split == "dev" and not args.limit:
        print("wrote", write_results("polnear_quotes", res))


if __name__ == "__main__":
    main()
