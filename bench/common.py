"""Shared bits of the benchmarks: timing, peak memory, table printing, results JSON."""

from __future__ import annotations

import json
import os
import platform
import resource
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
REPO = RESULTS.parent.parent


def data_dir() -> Path:
    """The public evaluation data: ``$STORYFUSE_DATA``, else ``<repo>/../shared/data``."""
    return Path(os.environ.get("STORYFUSE_DATA", REPO.parent / "shared" / "data"))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed(out: dict[str, float]):
    start = time.perf_counter()
    yield
    out["seconds"] = time.perf_counter() - start
    out["peak_rss_mb"] = peak_rss_mb()


def print_table(title: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    def fmt(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.2f}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    cells = [[fmt(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    print(f"\n{title}")
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.rjust(w) if i else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths))))


def write_results(name: str, payload: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count()}, **payload}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return path


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


Stage = Callable[[], Any]
