"""A time budget per input, so one pathological file cannot stall a batch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from storyfuse.model import InputError

# Reading one article (or one record of an archive) never takes near this long on real input.
SECONDS_PER_DOCUMENT = 60.0


@contextmanager
def time_budget(seconds: float, path: str) -> Iterator[None]:
    """Raise InputError for ``path`` if the block runs longer than ``seconds``.

    Uses a POSIX interval timer, which only the main thread can set; elsewhere (a worker
    thread) the block runs unbounded rather than failing.
    """
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise InputError(path, f"reading took longer than {seconds:g} s; skipped")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
