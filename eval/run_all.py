"""`make eval`: every evaluation in turn; each prints precision/recall/F1 and writes eval/results/."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOT_EVALUATIONS = {"common", "run_all", "polnear_cues"}  # polnear_cues builds a model


def main() -> int:
    modules = sorted(
        m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name not in NOT_EVALUATIONS
    )
    failed = []
    for module in modules:
        print(f"\n=== eval.{module}", flush=True)
        if subprocess.call([sys.executable, "-m", f"eval.{module}"]) != 0:
            failed.append(module)
    print(f"\n{len(modules) - len(failed)} of {len(modules)} evaluations ran; results in {HERE / 'results'}")
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
