"""`make bench`: every benchmark in turn (each prints its table and writes bench/results/*.json)."""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"common", "run_all"}
PAGES = (
    Path(os.environ.get("STORYFUSE_DATA", HERE.parent.parent / "shared" / "data"))
    / "article-extraction"
    / "html"
)
# Further runs of a benchmark: the pipeline on real HTML pages as well as on the seeds.
EXTRA_RUNS = {"pipeline": [["--corpus", str(PAGES)]] if PAGES.is_dir() else []}


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
