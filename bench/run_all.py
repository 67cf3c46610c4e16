"""`make bench`: every benchmark in turn (each prints its table and writes bench/results/*.json)."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

from bench.common import data_dir

HERE = Path(__file__).resolve().parent
SKIP = {"common", "run_all"}
DATA = data_dir()
# Further runs of a benchmark. The pipeline's on the seeds repeats five articles, whose words
# its caches (spaCy's vocabulary, the lemmatizer's) soon know; it also runs on 500 distinct
# news articles (PolNeAR's texts) and on the 88 real HTML pages (repeated).
CORPORA = {
    "pipeline-polnear": DATA / "polnear" / "train" / "text",
    "pipeline-html": DATA / "article-extraction" / "html",
}
EXTRA_RUNS = {
    "pipeline": [
        ["--corpus", str(folder), "--name", name]
        for name, folder in CORPORA.items()
        if folder.is_dir()
    ]
}


def main() -> int:
    failed = []
    for module in sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name not in SKIP):
        importlib.import_module(f"bench.{module}")  # fail early on a broken import
        print(f"\n=== bench.{module}", flush=True)
        # each benchmark in its own process, so peak memory is its own
        if subprocess.call([sys.executable, "-m", f"bench.{module}"]) != 0:
            failed.append(module)
        for extra in EXTRA_RUNS.get(module, []):
            print(f"\n=== bench.{module} {' '.join(extra)}", flush=True)
            if subprocess.call([sys.executable, "-m", f"bench.{module}", *extra]) != 0:
                failed.append(f"{module} {' '.join(extra)}")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
