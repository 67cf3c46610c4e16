"""`make bench`: every benchmark in turn (each prints its table and writes bench/results/*.json)."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"common", "run_all"}


def main() -> int:
    failed = []
    for module in sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name not in SKIP):
        importlib.import_module(f"bench.{module}")  # fail early on a broken import
        print(f"\n=== bench.{module}", flush=True)
        # each benchmark in its own process, so peak memory is its own
        if subprocess.call([sys.executable, "-m", f"bench.{module}"]) != 0:
            failed.append(module)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
