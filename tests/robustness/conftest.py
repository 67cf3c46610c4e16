"""Prints how many inputs the fuzz tests tried, per target, at the end of the run.

The totals are also kept in pytest's cache (``storyfuse/fuzz_counts``) and, when
``STORYFUSE_FUZZ_COUNTS=FILE`` is set, written to that JSON file.
"""

from __future__ import annotations

import json
import os

from tests.robustness.fuzzkit import FUZZ_COUNTS


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if not FUZZ_COUNTS:
        return
    total = sum(FUZZ_COUNTS.values())
    terminalreporter.section(f"fuzzing: {total} inputs tried")
    for target, count in sorted(FUZZ_COUNTS.items()):
        terminalreporter.write_line(f"{count:>8}  {target}")
    if getattr(config, "cache", None) is not None:
        config.cache.set("storyfuse/fuzz_counts", dict(FUZZ_COUNTS))
    out = os.environ.get("STORYFUSE_FUZZ_COUNTS")
    if out:
        summary = {"total": total, "by_target": dict(sorted(FUZZ_COUNTS.items()))}
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, indent=1)
