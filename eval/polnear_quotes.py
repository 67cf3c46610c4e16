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
character. Words the extractor credits to a speaker through another source ("“…,” X said,
according to CNN": X's, via CNN) are compared by that source, since PolNeAR annotates only the
outer attribution. A matched pair whose prediction has no speaker counts as wrong. Gold attributions
without a source are reported separately (how often the prediction also has none).

Also reported: recall on two subsets of the gold — *quoted* (the content opens with a quote
mark) and *speech cue* (the cue is said / told / according to / added / wrote ...) — since
PolNeAR also annotates stances and intentions ("X refused to ...", "X supports Y") that are not
speech; and the same scores for textacy 0.13's ``direct_quotations`` as a baseline when textacy
is installed (it is in the ``dev`` extras). The dev split has 84 articles; a few were annotated
by more than one annotator and count once per annotation file (94).

The extractor's learned cues (``storyfuse/data/quote_cues.json``) are fitted on the train split
by ``eval/polnear_cues.py``, so its train figures are in-sample and optimistic; dev is the
reported figure. ``--split both`` prints the two side by side (the JSON keeps dev's layout, with
the train result under ``"train"``).

Usage: ``python eval/polnear_quotes.py [--split dev|train|both] [--limit N] [--no-baseline]
[--cache DIR] [--errors FILE]`` (``--cache`` keeps the parses, for fast reruns; the timings then
exclude parsing; ``--errors`` lists every missed content and false prediction, with how each
lies against the matched ones, for reading a split's errors by kind).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import string
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

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
    edge = string.punctuation + "“”‘’—–"
    while a < b and (text[a] in edge or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in edge or text[b - 1].isspace()):
        b -= 1
    return a, b


def match(text: str, preds: list[Quote], gold: list[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by shared characters (a joined quotation's by its parts, not
    the attribution between them): (pred index, gold index) pairs."""
    scored = []
    for i, q in enumerate(preds):
        for j, g in enumerate(gold):
            shared = sum(_shared(text, p, r) for p in q.spans() for r in g.content)
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


def errors(
    text: str, preds: list[Quote], gold: list[GoldAttribution], pairs: list[tuple[int, int]]
) -> list[dict[str, str]]:
    """Every gold content missed and every prediction left unmatched, each with how it lies
    against the rest: *inside* (a missed content wholly inside a prediction matched to another
    content: mostly a report nested in another's), *overlaps* (a missed content shares
    characters with a matched prediction; a false prediction, with a gold content) or *alone*
    (it shares none)."""
    matched_p = {i: j for i, j in pairs}
    matched_g = {j for _, j in pairs}

    def phrase(ranges: list[Range]) -> str:
        return " | ".join(text[a:b] for a, b in ranges).replace("\n", " ")

    rows = []
    for j, g in enumerate(gold):
        if j in matched_g:
            continue
        over = [
            preds[i]
            for i in matched_p
            if any(_shared(text, p, r) for p in preds[i].spans() for r in g.content)
        ]
        lo, hi = min(a for a, _ in g.content), max(b for _, b in g.content)
        where = "alone"
        if any(q.start <= lo and hi <= q.end for q in over):
            where = "inside"
        elif over:
            where = "overlaps"
        rows.append(
            {
                "error": "missed",
                "where": where,
                "cue": phrase(g.cue),
                "speaker": phrase(g.source),
                "content": phrase(g.content),
            }
        )
    for i, q in enumerate(preds):
        if i in matched_p:
            continue
        over_gold = any(_shared(text, p, r) for p in q.spans() for g in gold for r in g.content)
        rows.append(
            {
                "error": "false",
                "where": "overlaps" if over_gold else "alone",
                "cue": q.cue or "",
                "speaker": q.speaker or "",
                "content": phrase(list(q.spans())),
            }
        )
    return rows


def documents(split: str) -> list[tuple[str, Path, Path]]:
    """(article stem, text file, annotation file) of a split; an article annotated by several
    annotators appears once per annotation file."""
    root = data_dir("polnear") / split
    out = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        txt = root / "text" / f"{stem}.txt"
        if txt.exists():
            out.append((stem, txt, ann))
    return out


# Cues of plain reported speech, for the "speech cue" subset of the gold attributions.
SPEECH_CUES = frozenset(
    [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "telling",
        "added",
        "adds",
        "adding",
        "wrote",
        "writes",
        "stated",
    ]
)
QUOTE_MARKS = "“\"‘'"


def gold_kind(text: str, g: GoldAttribution) -> set[str]:
    """The subsets a gold attribution belongs to: quoted (its content opens with a quote mark),
    speech (its cue is said/told/according to/added/wrote ...)."""
    kinds = set()
    first = text[g.content[0][0] : g.content[0][1]].strip()
    if first[:1] in QUOTE_MARKS:
        kinds.add("quoted")
    cue = " ".join(text[a:b] for a, b in g.cue).lower().strip(" :,")
    if cue == "according to" or (cue.split() and cue.split()[-1] in SPEECH_CUES):
        kinds.add("speech")
    return kinds


def textacy_quotes(doc: Doc) -> list[Quote]:
    """textacy 0.13's ``direct_quotations`` as Quote records (the baseline); nothing for a
    document it refuses (unbalanced quote marks)."""
    from textacy.extract.triples import direct_quotations

    out: list[Quote] = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        # textacy gives up on a document with an odd number of quote marks
        return out
    for triple in triples:
        speaker = triple.speaker
        out.append(
            Quote(
                text=triple.content.text,
                speaker=" ".join(t.text for t in speaker) or None,
                start=triple.content.start_char,
                end=triple.content.end_char,
                speaker_start=speaker[0].idx if speaker else None,
                speaker_end=speaker[-1].idx + len(speaker[-1].text) if speaker else None,
            )
        )
    return out


class Tally:
    """Counts for one system over a split."""

    def __init__(self) -> None:
        self.pred = self.gold = self.match = 0
        self.spk_total = self.spk_exact = self.spk_overlap = 0
        self.nosrc_total = self.nosrc_none = 0
        self.direct_pred = self.direct_match = 0
        self.subset_gold: Counter[str] = Counter()
        self.subset_match: Counter[str] = Counter()

    def add(
        self, text: str, preds: list[Quote], gold: list[GoldAttribution]
    ) -> list[tuple[int, int]]:
        """Count one article; its matched (pred index, gold index) pairs."""
        pairs = match(text, preds, gold)
        self.pred += len(preds)
        self.gold += len(gold)
        self.match += len(pairs)
        self.direct_pred += sum(1 for q in preds if q.direct)
        matched_gold = {j for _, j in pairs}
        for j, g in enumerate(gold):
            for kind in gold_kind(text, g):
                self.subset_gold[kind] += 1
                self.subset_match[kind] += int(j in matched_gold)
        for i, j in pairs:
            q, g = preds[i], gold[j]
            self.direct_match += int(q.direct)
            if not g.source:
                self.nosrc_total += 1
                self.nosrc_none += int(q.speaker_start is None)
                continue
            self.spk_total += 1
            # words reported through another source ("“…,” X said, according to CNN") are
            # scored by that source: PolNeAR annotates the outer attribution
            start, end = (
                (q.via_start, q.via_end)
                if q.via_start is not None
                else (q.speaker_start, q.speaker_end)
            )
            if start is None or end is None:
                continue
            mention = _trim(text, (start, end))
            sources = [_trim(text, r) for r in g.source]
            gold_span = (min(a for a, _ in sources), max(b for _, b in sources))
            self.spk_exact += int(mention == gold_span)
            self.spk_overlap += int(any(_shared(text, mention, r) for r in sources))
        return pairs

    def result(self) -> dict:
        p, r, f1 = prf(self.match, self.pred - self.match, self.gold - self.match)
        return {
            "gold_contents": self.gold,
            "predicted": self.pred,
            "matched": self.match,
            "content_overlap": {"precision": p, "recall": r, "f1": f1},
            "speaker_accuracy": {
                "pairs_with_gold_source": self.spk_total,
                "exact": self.spk_exact / self.spk_total if self.spk_total else 0.0,
                "overlap": self.spk_overlap / self.spk_total if self.spk_total else 0.0,
            },
            "gold_without_source": {
                "matched": self.nosrc_total,
                "predicted_no_speaker": self.nosrc_none,
            },
            "direct_quotes": {
                "predicted": self.direct_pred,
                "matched": self.direct_match,
                "precision": self.direct_match / self.direct_pred if self.direct_pred else 0.0,
            },
            "recall_by_gold_subset": {
                kind: {
                    "gold": self.subset_gold[kind],
                    "recall": self.subset_match[kind] / self.subset_gold[kind],
                }
                for kind in sorted(self.subset_gold)
            },
        }


def parses(split: str, texts: list[str], cache: Path | None) -> tuple[list[Doc], bool]:
    """The parses of a split's texts, read from (or saved to) ``cache/<split>.spacy`` when a
    cache folder is given: reruns then skip the parser, which takes most of the time (the
    timings then leave parsing out). The second value says whether the texts were parsed."""
    from spacy.tokens import DocBin

    from storyfuse.extract.nlp import nlp

    path = cache / f"{split}.spacy" if cache is not None else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp().vocab))
        if [d.text for d in docs] == texts:
            return docs, False
    docs = [parse(t) for t in texts]
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs, True


def evaluate(
    split: str,
    limit: int | None = None,
    baseline: bool = False,
    cache: Path | None = None,
    error_rows: list[dict[str, str]] | None = None,
) -> dict:
    docs = documents(split)[:limit] if limit else documents(split)
    systems: dict[str, Callable[[Doc], list[Quote]]] = {"storyfuse": find_quotes}
    if baseline:
        systems["textacy-0.13 direct_quotations"] = textacy_quotes
    tallies = {name: Tally() for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    started = time.perf_counter()
    texts = [txt.read_text(encoding="utf-8") for _, txt, _ in docs]
    parsed_docs, parsed = parses(split, texts, cache)
    for (_, _, ann), text, doc in zip(docs, texts, parsed_docs, strict=True):
        gold = load_gold(ann)
        for name, finder in systems.items():
            t0 = time.perf_counter()
            preds = finder(doc)
            seconds[name] += time.perf_counter() - t0
            pairs = tallies[name].add(text, preds, gold)
            if error_rows is not None and name == "storyfuse":
                found = errors(text, preds, gold, pairs)
                error_rows.extend({"split": split, "article": ann.stem} | r for r in found)
    total = time.perf_counter() - started
    return {
        "split": split,
        "documents": len(docs),
        "matching": "one-to-one greedy by shared non-space characters; overlap = at least one",
        "systems": {name: tallies[name].result() for name in systems},
        "seconds": {"total_with_parsing" if parsed else "total_cached_parses": round(total, 1)}
        | {name: round(v, 1) for name, v in seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "both"])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--no-write", action="store_true", help="do not write the JSON result")
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip textacy's direct_quotations baseline"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder to keep the spaCy parses in (reused when the texts are unchanged)",
    )
    parser.add_argument(
        "--errors",
        type=Path,
        default=None,
        help="write every missed content and false prediction to this TSV file",
    )
    args = parser.parse_args()
    baseline = not args.no_baseline and importlib.util.find_spec("textacy") is not None
    splits = ["dev", "train"] if args.split == "both" else [args.split]
    rows: list[dict[str, str]] | None = [] if args.errors else None
    results = {
        split: evaluate(split, args.limit, baseline=baseline, cache=args.cache, error_rows=rows)
        for split in splits
    }
    if args.errors and rows is not None:
        write_errors(args.errors, rows)
        print(f"wrote {len(rows)} errors to {args.errors}")
    for split, res in results.items():
        label = " (in-sample for the learned cues)" if split == "train" else ""
        print(f"PolNeAR {split}: {res['documents']} annotated documents{label}")
        print_table(_rows(res))
        print(f"seconds: {res['seconds']}")
    if not args.no_write and "dev" in results and not args.limit:
        out = results["dev"] | ({"train": results["train"]} if "train" in results else {})
        print("wrote", write_results("polnear_quotes", out))


ERROR_COLUMNS = ("split", "article", "error", "where", "cue", "speaker", "content")


def write_errors(path: Path, rows: list[dict[str, str]]) -> None:
    """The errors as TSV, one a line, tabs and line breaks in the text made spaces."""
    lines = ["\t".join(ERROR_COLUMNS)]
    for row in rows:
        lines.append("\t".join(" ".join(row[c].split()) for c in ERROR_COLUMNS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _rows(res: dict) -> list[dict]:
    rows = []
    for name, sys_res in res["systems"].items():
        co, sa = sys_res["content_overlap"], sys_res["speaker_accuracy"]
        subsets = sys_res["recall_by_gold_subset"]
        rows.append(
            {
                "system": name,
                "P": co["precision"],
                "R": co["recall"],
                "F1": co["f1"],
                "speaker exact": sa["exact"],
                "speaker overlap": sa["overlap"],
                "R quoted": subsets.get("quoted", {}).get("recall", 0.0),
                "R speech cue": subsets.get("speech", {}).get("recall", 0.0),
            }
        )
    rows.append({"system": "goal (issue 3)", "F1": 0.85, "speaker exact": 0.86})
    return rows


if __name__ == "__main__":
    main()
