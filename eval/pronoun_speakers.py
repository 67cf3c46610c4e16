"""Who a "he" or "she" speaker is: resolved speakers against hand-annotated referents
(eval/gold/speakers/, see GUIDELINES.md).

PolNeAR marks the source of each attribution as written, so when the source is a pronoun
("“...,” she said") ``eval.polnear_quotes`` scores the mention "she" and never the person it
stands for. The brief shows that person. The gold here gives, for PolNeAR attributions whose
source is "he" or "she", the person the pronoun refers to, read from the text.

For each gold pronoun, on the article's parse:

* *speaker*: the speaker storyfuse gives the quote whose speaker mention is that pronoun
  (``find_quotes``; the name the brief shows). A pronoun that is no quote's speaker mention is
  *not found* and counts as wrong;
* *resolver*: what ``extract.people.People.resolve`` gives the pronoun itself, found or not;
* baseline, in the same run: the last PERSON entity of the small spaCy model that ends before
  the pronoun.

A name is right when its surname is the referent's (accents, "Mr."/"Mrs." and other titles,
"Jr." and a possessive "'s" aside) and, when both name a first name, the first names agree too. A
referent of ``null`` (a person the text never names) is right only when no name is given.

Both files are scored apart: ``gold.jsonl`` (train articles) is the one rules may be chosen
on; ``heldout.jsonl`` (dev articles) is never tuned on.

    python -m eval.pronoun_speakers            # print the tables, write eval/results/
    python -m eval.pronoun_speakers --errors   # also list every wrong speaker
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from eval.common import data_dir, print_table, write_results
from storyfuse.extract.names import without_accents
from storyfuse.extract.nlp import parse_many
from storyfuse.extract.people import People
from storyfuse.extract.quotes import find_quotes

GOLD = REPO / "eval" / "gold" / "speakers" / "gold.jsonl"
HELDOUT = REPO / "eval" / "gold" / "speakers" / "heldout.jsonl"
# words before a name that are not part of it
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "president", "gen",
    "secretary", "former", "the",
}  # fmt: skip
SUFFIXES = {"jr", "sr", "ii", "iii"}  # after a surname: "Harry B. Harris Jr."
COLUMNS = ("system", "items", "found", "right", "accuracy")


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _words(name: str) -> list[str]:
    name = without_accents(name).replace("’", "'")
    name = name.removesuffix("'s")
    words = [w.strip(".,").lower() for w in name.split()]
    while words and words[0] in TITLES:
        words = words[1:]
    while words and words[-1] in SUFFIXES:
        words = words[:-1]
    return [w for w in words if w]


def same_person(predicted: str | None, referent: str | None) -> bool:
    """Whether a predicted speaker names the gold referent (see the module's docstring)."""
    if referent is None:
        return predicted is None or predicted.lower() in ("he", "she", "him", "her")
    if predicted is None:
        return False
    got, want = _words(predicted), _words(referent)
    if not got or got[-1] != want[-1]:
        return False
    return len(got) < 2 or len(want) < 2 or got[0] == want[0]


def _baseline(doc: Any, start: int) -> str | None:
    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= start]
    return before[-1].text if before else None


def run(path: Path, show_errors: bool = False) -> dict[str, Any]:
    items = load_gold(path)
    folder = data_dir("polnear")
    ids = sorted({it["doc_id"] for it in items})
    # doc_id "<split>/<file stem>": the text is <split>/text/<file stem>.txt
    texts = {i: (folder / (i.replace("/", "/text/", 1) + ".txt")).read_text("utf-8") for i in ids}
    started = time.process_time()
    docs = dict(zip(ids, parse_many([texts[i] for i in ids]), strict=True))
    quotes = {i: find_quotes(docs[i]) for i in ids}
    people = {i: People.of(docs[i]) for i in ids}
    seconds = time.process_time() - started

    counts = {name: {"found": 0, "right": 0} for name in ("speaker", "resolver", "baseline")}
    errors = []
    for it in items:
        i, start, end, referent = it["doc_id"], it["start"], it["end"], it["referent"]
        said = [
            q for q in quotes[i]
            if q.speaker_start is not None and q.speaker_start < end and start < (q.speaker_end or 0)
        ]  # fmt: skip
        answers = {
            "speaker": said[0].speaker if said else None,
            "resolver": people[i].resolve_at(start),
            "baseline": _baseline(docs[i], start),
        }
        found = {"speaker": bool(said), "resolver": True, "baseline": True}
        for name, answer in answers.items():
            counts[name]["found"] += int(found[name])
            counts[name]["right"] += int(found[name] and same_person(answer, referent))
        if not (said and same_person(answers["speaker"], referent)):
            errors.append({"doc_id": i, "start": start, "referent": referent, **answers})
    rows = [
        {"system": name, "items": len(items), **c, "accuracy": c["right"] / len(items)}
        for name, c in counts.items()
    ]
    print_table(rows, COLUMNS)
    if show_errors:
        for e in errors:
            print(f"  {e['doc_id']} @{e['start']}: {e['referent']!r} <- speaker {e['speaker']!r}")
    print(f"{len(items)} pronouns in {len(ids)} articles, {seconds:.1f} s CPU")
    return {
        "gold": str(path.relative_to(REPO)),
        "scores": {r["system"]: {k: v for k, v in r.items() if k != "system"} for r in rows},
        "errors": errors,
        "cpu_seconds": round(seconds, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every wrong speaker")
    args = parser.parse_args(argv)
    print(f"main set ({GOLD.name}: PolNeAR train articles; rules may be chosen on it)")
    results = run(GOLD, args.errors)
    print(f"\nheld-out set ({HELDOUT.name}: PolNeAR dev articles, never tuned on)")
    results["heldout"] = run(HELDOUT, args.errors)
    path = write_results("pronoun_speakers", results)
    print(f"\nwrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
