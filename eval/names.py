"""Canonical names of a story against hand-annotated gold (eval/gold/names/, see GUIDELINES.md).

Each gold unit (one article, or a story of two or three articles about one event) goes through
the real pipeline: ``ingest.read`` of the text files, ``pipeline.analyze_batch`` (clean, parse,
extract), then ``fuse.units.story_articles`` over the unit's analyses and
``fuse.names.build_names``, as ``fuse.fuse`` does for a story. Every gold surface form is then
asked of the story's ``Names.canonical``. A form is *resolved* when the index knows it (the
canonical name it gives is one of the index's names); a form it does not know is kept apart, in
a cluster of its own.

Scores, over the gold forms of each unit (ambiguous forms left out), summed over units:

* pairwise precision / recall / F1: a pair of forms is *joined* when both are resolved to the
  same canonical name; precision is the share of joined pairs that gold puts in one entity,
  recall the share of gold same-entity pairs that are joined;
* B-cubed precision / recall / F1 over forms (Bagga & Baldwin 1998), averaged over all forms;
* the share of forms resolved at all;
* as diagnostics: recall over the gold pairs whose two forms are both resolved (so what the
  linking in ``extract/names.py`` misses, apart from forms the mentions never held), and the
  number of joined pairs across entity types (a person joined with a place).

The same scores are broken down by gold entity type (person / organisation / place), over the
forms of that type only.

Both gold files are scored, each in tables of its own: ``gold.jsonl``, the main set that rules
are chosen and tuned on, and ``heldout.jsonl``, annotated afterwards from other documents and
never tuned on, which shows how far what was tuned carries over. ``eval/results/names.json`` holds
the main set's results at its top level and the held-out set's under ``heldout``.

    python -m eval.names               # print the tables, write eval/results/names.json
    python -m eval.names --errors      # also list wrong joins, missed pairs, unresolved forms
    python -m eval.names --check-gold  # check that every form of both files occurs in its texts
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from eval.common import data_dir, prf, print_table, write_results
from storyfuse import ingest, pipeline
from storyfuse.fuse.names import Names, build_names
from storyfuse.fuse.units import story_articles
from storyfuse.model import Analysis, Document, Problem, Story

GOLD = REPO / "eval" / "gold" / "names" / "gold.jsonl"
# annotated afterwards, from other documents; scored apart and never used to choose rules
HELDOUT = REPO / "eval" / "gold" / "names" / "heldout.jsonl"
TYPES = ("person", "organisation", "place")
EXAMPLES = 40  # errors of each kind kept in the JSON


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def doc_text(doc: dict[str, str], _cache: dict[str, Any] = {}) -> str:  # noqa: B006
    if doc["source"] == "article-extraction":
        if "gt" not in _cache:
            path = data_dir("article-extraction") / "ground-truth.json"
            _cache["gt"] = json.loads(path.read_text())
        return str(_cache["gt"][doc["doc_id"]]["articleBody"])
    return doc_path(doc).read_text()


def doc_path(doc: dict[str, str]) -> Path:
    split, stem = doc["doc_id"].split("/", 1)
    return data_dir("polnear") / split / "text" / f"{stem}.txt"


def _spaced(text: str) -> str:
    return " ".join(text.split())


def check_gold(units: Sequence[dict[str, Any]]) -> int:
    problems = 0
    for unit in units:
        text = " ".join(_spaced(doc_text(d)) for d in unit["docs"])
        seen: dict[str, str] = {}
        for entity in unit["entities"]:
            if entity["type"] not in TYPES:
                print(f"{unit['unit']}: unknown type {entity['type']!r}")
                problems += 1
            for form in entity["forms"]:
                if _spaced(form) not in text:
                    print(f"{unit['unit']}: form not found: {form!r}")
                    problems += 1
                if form in seen:
                    print(
                        f"{unit['unit']}: {form!r} in two entities: {seen[form]}, {entity['name']}"
                    )
                    problems += 1
                seen[form] = entity["name"]
        for form in unit.get("ambiguous", ()):
            if form in seen:
                print(f"{unit['unit']}: ambiguous form {form!r} is also in {seen[form]}")
                problems += 1
    print(f"{problems} problem(s)")
    return 1 if problems else 0


# --- the system side ------------------------------------------------------------------------


def documents(unit: dict[str, Any], folder: Path) -> list[Document]:
    """The unit's texts read by ``ingest.read``: PolNeAR files as they are, article-extraction
    bodies written to text files first (one file per article)."""
    paths = []
    for i, doc in enumerate(unit["docs"]):
        if doc["source"] == "polnear":
            paths.append(str(doc_path(doc)))
        else:
            path = folder / f"{unit['unit']}-{i + 1}.txt"
            path.write_text(doc_text(doc))
            paths.append(str(path))
    items = list(ingest.read(paths))
    _fail_on([i for i in items if isinstance(i, Problem)], unit)
    return [i for i in items if isinstance(i, Document)]


def _fail_on(problems: Sequence[Problem], unit: dict[str, Any]) -> None:
    if problems:
        reasons = "; ".join(f"{p.path}: {p.reason}" for p in problems)
        raise RuntimeError(f"{unit['unit']}: {reasons}")


def _no_embedder(texts: Sequence[str]) -> Any:
    raise AssertionError("the name index needs no sentence vectors")


def story_names(unit: dict[str, Any], folder: Path) -> Names:
    """The unit's ``Names``, built from its analyses as ``fuse.fuse`` builds a story's."""
    outcomes = pipeline.analyze_batch(documents(unit, folder))
    _fail_on([o for o in outcomes if isinstance(o, Problem)], unit)
    analyses = {o.id: o for o in outcomes if isinstance(o, Analysis)}
    story = Story(id=unit["unit"], article_ids=tuple(analyses))
    return build_names(story_articles(story, analyses, _no_embedder))


def resolve(names: Names, form: str) -> str | None:
    """The canonical name of a form, or None when the story's index does not know it."""
    canonical = names.canonical(form)
    if canonical is None or names.index is None:
        return None
    return canonical if names.index.aliases(canonical) else None


# --- scoring --------------------------------------------------------------------------------


def gold_forms(unit: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Each scored form -> (entity name, type)."""
    ambiguous = set(unit.get("ambiguous", ()))
    return {
        form: (entity["name"], entity["type"])
        for entity in unit["entities"]
        for form in entity["forms"]
        if form not in ambiguous
    }


class Tally:
    """Pairwise and B-cubed counts over forms, added up unit by unit."""

    def __init__(self) -> None:
        self.joined = self.joined_right = self.gold_pairs = 0
        self.gold_pairs_resolved = self.joined_resolved = 0
        self.cross_type = 0
        self.forms = self.resolved = 0
        self.b3_precision = self.b3_recall = 0.0

    def add(
        self,
        forms: dict[str, tuple[str, str]],
        system: dict[str, str | None],
        errors: dict[str, list[Any]] | None = None,
        unit_id: str = "",
    ) -> None:
        # an unresolved form is a cluster of its own
        label: dict[str, str] = {f: system[f] or f"\0{f}" for f in forms}
        for a, b in combinations(sorted(forms), 2):
            same_gold = forms[a][0] == forms[b][0]
            same_system = label[a] == label[b]
            both_resolved = system[a] is not None and system[b] is not None
            self.gold_pairs += same_gold
            self.joined += same_system
            self.joined_right += same_gold and same_system
            if same_gold and both_resolved:
                self.gold_pairs_resolved += 1
                self.joined_resolved += same_system
            if same_system and forms[a][1] != forms[b][1]:
                self.cross_type += 1
            if errors is not None and same_system and not same_gold:
                errors["wrong_joins"].append(
                    {
                        "unit": unit_id,
                        "forms": [a, b],
                        "gold": [forms[a][0], forms[b][0]],
                        "system": system[a],
                    }
                )
            if errors is not None and same_gold and not same_system:
                errors["missed"].append(
                    {
                        "unit": unit_id,
                        "forms": [a, b],
                        "gold": forms[a][0],
                        "system": [system[a], system[b]],
                    }
                )
        by_gold: dict[str, set[str]] = defaultdict(set)
        by_system: dict[str, set[str]] = defaultdict(set)
        for f, (entity, _) in forms.items():
            by_gold[entity].add(f)
            by_system[label[f]].add(f)
        for f, (entity, _) in forms.items():
            both = len(by_gold[entity] & by_system[label[f]])
            self.b3_precision += both / len(by_system[label[f]])
            self.b3_recall += both / len(by_gold[entity])
            self.forms += 1
            self.resolved += system[f] is not None
            if errors is not None and system[f] is None:
                errors["unresolved"].append({"unit": unit_id, "form": f, "gold": entity})

    def row(self, name: str) -> dict[str, Any]:
        precision, recall, f1 = prf(
            self.joined_right, self.joined - self.joined_right, self.gold_pairs - self.joined_right
        )
        b3p = self.b3_precision / self.forms if self.forms else 0.0
        b3r = self.b3_recall / self.forms if self.forms else 0.0
        b3f = 2 * b3p * b3r / (b3p + b3r) if b3p + b3r else 0.0
        linked = (
            self.joined_resolved / self.gold_pairs_resolved if self.gold_pairs_resolved else 0.0
        )
        return {
            "subset": name,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "b3_precision": b3p,
            "b3_recall": b3r,
            "b3_f1": b3f,
            "resolved": self.resolved / self.forms if self.forms else 0.0,
            "recall_resolved": linked,
            "forms": self.forms,
            "gold_pairs": self.gold_pairs,
            "joined_pairs": self.joined,
            "wrong_pairs": self.joined - self.joined_right,
            "cross_type_pairs": self.cross_type,
        }


COLUMNS = [
    "subset",
    "precision",
    "recall",
    "f1",
    "b3_precision",
    "b3_recall",
    "b3_f1",
    "resolved",
    "recall_resolved",
    "forms",
    "gold_pairs",
    "wrong_pairs",
]


def score(
    units: Sequence[dict[str, Any]], systems: dict[str, dict[str, str | None]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, list[Any]]]:
    """Rows overall and by type, one row per unit, and the errors."""
    overall = Tally()
    by_type = {t: Tally() for t in TYPES}
    per_unit = []
    errors: dict[str, list[Any]] = {"wrong_joins": [], "missed": [], "unresolved": []}
    for unit in units:
        forms = gold_forms(unit)
        system = systems[unit["unit"]]
        overall.add(forms, system, errors, unit["unit"])
        one = Tally()
        one.add(forms, system)
        per_unit.append({**one.row(unit["unit"]), "articles": len(unit["docs"])})
        for t in TYPES:
            by_type[t].add({f: g for f, g in forms.items() if g[1] == t}, system)
    rows = [overall.row("all")] + [by_type[t].row(t) for t in TYPES]
    stories = Tally()
    singles = Tally()
    for unit in units:
        (stories if len(unit["docs"]) > 1 else singles).add(gold_forms(unit), systems[unit["unit"]])
    rows += [stories.row("stories (2-3 articles)"), singles.row("single articles")]
    return rows, per_unit, errors


def _show_errors(errors: dict[str, list[Any]]) -> None:
    print("\nwrong joins (pairs the index puts under one name, gold keeps apart):")
    for e in errors["wrong_joins"]:
        print(
            f"  {e['unit'][:34]:34} {e['forms'][0]!r} + {e['forms'][1]!r} -> {e['system']!r}"
            f"  (gold: {e['gold'][0]} / {e['gold'][1]})"
        )
    print("\nmissed pairs, both forms resolved (the index keeps apart what gold joins):")
    for e in errors["missed"]:
        if None not in e["system"]:
            print(
                f"  {e['unit'][:34]:34} {e['forms'][0]!r} -> {e['system'][0]!r} | "
                f"{e['forms'][1]!r} -> {e['system'][1]!r}  (gold: {e['gold']})"
            )
    print("\nunresolved forms (not known to the story's index):")
    for e in errors["unresolved"]:
        print(f"  {e['unit'][:34]:34} {e['form']!r}  (gold: {e['gold']})")


def run(path: Path, folder: Path, show_errors: bool = False) -> dict[str, Any]:
    """Score the units of one gold file: print its tables, return its results."""
    units = load_gold(path)
    started = time.process_time()
    systems: dict[str, dict[str, str | None]] = {}
    for unit in units:
        names = story_names(unit, folder)
        systems[unit["unit"]] = {f: resolve(names, f) for f in gold_forms(unit)}
    seconds = time.process_time() - started

    rows, per_unit, errors = score(units, systems)
    print_table(rows, COLUMNS)
    print()
    print_table(
        per_unit,
        [
            "subset",
            "articles",
            "precision",
            "recall",
            "f1",
            "b3_f1",
            "resolved",
            "forms",
            "wrong_pairs",
        ],
    )
    if show_errors:
        _show_errors(errors)
    articles = sum(len(u["docs"]) for u in units)
    print(f"\n{len(units)} units, {articles} articles, {seconds:.1f} s CPU")
    return {
        "gold": str(path.relative_to(REPO)),
        "units": len(units),
        "articles": articles,
        "scores": {r["subset"]: {k: v for k, v in r.items() if k != "subset"} for r in rows},
        "per_unit": {r["subset"]: {k: v for k, v in r.items() if k != "subset"} for r in per_unit},
        "errors": {
            "counts": {
                **{k: len(v) for k, v in errors.items()},
                "missed_both_resolved": sum(None not in e["system"] for e in errors["missed"]),
            },
            "wrong_joins": errors["wrong_joins"][:EXAMPLES],
            "missed_both_resolved": [e for e in errors["missed"] if None not in e["system"]][
                :EXAMPLES
            ],
            "unresolved": errors["unresolved"][:EXAMPLES],
        },
        "cpu_seconds": round(seconds, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-gold", action="store_true", help="check the gold forms only")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    if args.check_gold:
        return check_gold(load_gold() + load_gold(HELDOUT))

    with tempfile.TemporaryDirectory() as tmp:
        print(f"main set ({GOLD.name}: rules are chosen and tuned on its errors)")
        results = run(GOLD, Path(tmp), args.errors)
        print(f"\nheld-out set ({HELDOUT.name}: annotated afterwards, never tuned on)")
        results["heldout"] = run(HELDOUT, Path(tmp), args.errors)
    path = write_results("names", results)
    print(f"\nwrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
