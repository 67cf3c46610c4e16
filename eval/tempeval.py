"""Time expressions against TempEval-3 (TBAQ-cleaned: AQUAINT and TimeBank).

For every TimeML document: the text of its <TEXT> element with the tags stripped (offsets kept),
the document creation time (the TIMEX3 with functionInDocument="CREATION_TIME") given to
``find_times`` as the publication date, and the gold TIMEX3s inside <TEXT> as the answer (the
creation time itself lies outside <TEXT> and is never scored). ``find_times`` runs with
``durations=True`` so that every TIMEX3 type (DATE, TIME, DURATION, SET) is scored.

Scores, as TempEval-3's official scorer defines them (counts pooled over all documents):
- strict span: a system span equals a gold span exactly (start and end);
- relaxed span: a system span overlaps a gold span (each matched at most once, in text order);
- value F1: a relaxed match whose normalised value equals the gold value counts as a true
  positive; precision = correct / system expressions, recall = correct / gold expressions.
  Before comparing, values are canonicalised only in notation: week numbers without their
  leading zero ("1998-W08" = "1998-W8"), as the gold writes both.
- value accuracy: correct values / relaxed matches (the share of found spans normalised right).
- lenient value F1 (reported beside, never instead): as value F1, but values that differ only in
  writing an unspecified part are equal: "1949-XX" = "1949", "1998-XX-XX" = "1998",
  "199X" = "199" (the gold writes years and decades both ways).
- type accuracy likewise for the TIMEX3 type.

These are in-sample figures: the rules were written while reading errors on both corpora (the
TempEval-3 training data); the TempEval-3 test set is held out and not scored here.

Run: ``python -m eval.tempeval`` (under a minute on two cores).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eval.common import data_dir, prf, print_table, write_results
from storyfuse.extract.times import find_times

# Published reference (TempEval-3 test set, HeidelTime-t): relaxed span F1 and value F1.
HEIDELTIME = {"relaxed_f1": 0.903, "value_f1": 0.776}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str
    type: str
    text: str


@dataclass(frozen=True)
class TimeDoc:
    name: str
    dct: str
    text: str
    gold: tuple[Timex, ...]


def _walk(element: ET.Element, parts: list[str], gold: list[Timex], offset: list[int]) -> None:
    """Append the element's text to ``parts``, recording TIMEX3 offsets, in document order."""
    start = offset[0]
    if element.text:
        parts.append(element.text)
        offset[0] += len(element.text)
    for child in element:
        _walk(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)
    if element.tag == "TIMEX3":
        text = "".join(parts)[start : offset[0]]
        gold.append(
            Timex(start, offset[0], element.get("value", ""), element.get("type", ""), text)
        )


def read_tml(path: Path) -> TimeDoc:
    root = ET.parse(path).getroot()
    dct = ""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")[:10]
            break
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[Timex] = []
    _walk(body, parts, gold, [0])
    # ElementTree has already turned entities into characters, so offsets index this text.
    return TimeDoc(path.stem, dct, "".join(parts), tuple(gold))


def canonical(value: str | None) -> str:
    if value is None:
        return ""
    return re.sub(r"-W0(\d)", r"-W\1", value)


def lenient(value: str | None) -> str:
    value = canonical(value)
    value = re.sub(r"(?:-XX)+$", "", value)
    return re.sub(r"^(\d{3})X$", r"\1", value)


def score(docs: list[TimeDoc]) -> tuple[dict[str, float | int], Counter[str], list[str]]:
    counts: Counter[str] = Counter()
    errors: list[str] = []
    by_type: Counter[str] = Counter()
    for doc in docs:
        system = find_times(doc.text, doc.dct or None, durations=True)
        counts["gold"] += len(doc.gold)
        counts["system"] += len(system)
        gold_spans = {(g.start, g.end) for g in doc.gold}
        counts["strict"] += sum((m.start, m.end) in gold_spans for m in system)
        used: set[int] = set()
        matched_gold: set[int] = set()
        for mention in system:
            for i, gold in enumerate(doc.gold):
                if i in used or not (mention.start < gold.end and gold.start < mention.end):
                    continue
                used.add(i)
                matched_gold.add(i)
                counts["relaxed"] += 1
                by_type[f"{gold.type}:gold_matched"] += 1
                if mention.kind == gold.type:
                    counts["type"] += 1
                if lenient(mention.value) == lenient(gold.value):
                    counts["value_lenient"] += 1
                if canonical(mention.value) == canonical(gold.value):
                    counts["value"] += 1
                    by_type[f"{gold.type}:value"] += 1
                else:
                    errors.append(
                        f"VALUE {doc.name} dct={doc.dct} {gold.text!r} gold={gold.value} "
                        f"sys={mention.value} ({mention.text!r})"
                    )
                break
            else:
                errors.append(f"FP {doc.name} {mention.text!r} sys={mention.value}")
        for i, gold in enumerate(doc.gold):
            by_type[f"{gold.type}:gold"] += 1
            if i not in matched_gold:
                left = doc.text[max(0, gold.start - 30) : gold.start].replace("\n", " ")
                errors.append(f"FN {doc.name} {gold.type} {gold.text!r} {gold.value} <- {left!r}")
    n_sys, n_gold = counts["system"], counts["gold"]
    result: dict[str, float | int] = {"documents": len(docs), "gold": n_gold, "system": n_sys}
    for name in ("strict", "relaxed", "value", "value_lenient"):
        precision, recall, f1 = prf(counts[name], n_sys - counts[name], n_gold - counts[name])
        result[f"{name}_p"], result[f"{name}_r"], result[f"{name}_f1"] = precision, recall, f1
    result["value_accuracy"] = counts["value"] / counts["relaxed"] if counts["relaxed"] else 0.0
    result["type_accuracy"] = counts["type"] / counts["relaxed"] if counts["relaxed"] else 0.0
    return result, by_type, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per corpus")
    parser.add_argument("--corpus", choices=["AQUAINT", "TimeBank"], action="append")
    args = parser.parse_args(argv)
    root = data_dir("tempeval3") / "TBAQ-cleaned"
    began = time.perf_counter()
    rows = []
    results: dict[str, object] = {
        "data": "TempEval-3 TBAQ-cleaned (training data: AQUAINT 73 docs, TimeBank 183 docs)",
        "metric": "TempEval-3 scorer definitions: strict/relaxed span P/R/F1; value F1 = relaxed "
        "match with equal normalised value over system and gold counts",
        "reference": {"HeidelTime (TE3 test)": HEIDELTIME},
        "setting": "find_times(text, DCT, durations=True); spans from <TEXT> only",
        "caveat": "in-sample: the rules were written while reading errors on both corpora "
        "(TempEval-3 training data); the TempEval-3 test set is held out and not scored here, "
        "so expect lower figures on unseen text",
    }
    for corpus in args.corpus or ["AQUAINT", "TimeBank"]:
        docs = [read_tml(path) for path in sorted((root / corpus).glob("*.tml"))]
        result, by_type, errors = score(docs)
        per_type = {
            kind: {
                "gold": by_type[f"{kind}:gold"],
                "relaxed_recall": by_type[f"{kind}:gold_matched"] / by_type[f"{kind}:gold"]
                if by_type[f"{kind}:gold"]
                else 0.0,
                "value_recall": by_type[f"{kind}:value"] / by_type[f"{kind}:gold"]
                if by_type[f"{kind}:gold"]
                else 0.0,
            }
            for kind in ("DATE", "TIME", "DURATION", "SET")
        }
        results[corpus] = {**result, "by_type": per_type}
        rows.append({"corpus": corpus, **result})
        if args.errors:
            for line in errors[: args.errors]:
                print(line, file=sys.stderr)
    rows.append({"corpus": "HeidelTime (TE3 test)", "relaxed_f1": 0.903, "value_f1": 0.776})
    print_table(
        rows,
        [
            "corpus",
            "documents",
            "gold",
            "system",
            "strict_p",
            "strict_r",
            "strict_f1",
            "relaxed_p",
            "relaxed_r",
            "relaxed_f1",
            "value_p",
            "value_r",
            "value_f1",
            "value_accuracy",
            "value_lenient_f1",
        ],
    )
    results["seconds"] = round(time.perf_counter() - began, 1)
    if not args.corpus:
        print(f"wrote {write_results('tempeval', results)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
