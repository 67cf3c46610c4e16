"""Shared pieces of the fuzz tests: settings, the input counter, input builders.

``FUZZ`` is the hypothesis settings every fuzz test uses: modest by default so the suite stays
quick; ``STORYFUSE_FUZZ_EXAMPLES=N`` raises the number of inputs per test for a deeper search
(``bench/fuzz_long.py`` does). Each test calls ``fuzzed(target)`` once per input it tries; the
terminal summary (``conftest.py``) prints the totals.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("STORYFUSE_FUZZ_EXAMPLES", "30"))

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # time is bounded per input by the tests' own budgets, not hypothesis's
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
    print_blob=True,  # a failure prints the @reproduce_failure blob that replays it
    database=None,  # no example database written into the work tree
)

FUZZ_COUNTS: Counter[str] = Counter()


def fuzzed(target: str) -> None:
    """Record one input tried against ``target``."""
    FUZZ_COUNTS[target] += 1
