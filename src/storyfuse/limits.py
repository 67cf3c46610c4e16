"""A time budget per document, the second line of defence against inputs that stall a batch.

The first line is size limits, checked before any work starts: ingest refuses files and HTML
pages above a size (``ingest.MAX_FILE_BYTES``, ``ingest.html.MAX_HTML_CHARS``), the pipeline
refuses a document body over ``MAX_DOCUMENT_CHARS`` before cleaning it (``check_size``), and
extract refuses texts longer than ``extract.nlp.MAX_CHARS``. Those bound the work for nearly
every input.

``deadline`` adds a wall-clock budget on top, for the inputs that are small but slow (a
pathological regular expression, a parser that goes quadratic). It uses ``SIGALRM``, so it only
works in the main thread of a POSIX process; elsewhere it does nothing and the size limits are
the only bound. A Python signal handler runs between bytecodes: code that stays inside one C
call (a regular expression match, a spaCy Cython loop over a long text) is interrupted only when
that call returns. The budget therefore bounds slow Python-level work and reports the document
that overran; it cannot cut a single runaway C call short, which is why the size limits come
first. A worker that must be killable at any instruction should run documents in a subprocess
(the distributed engines do).
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from storyfuse.model import InputError

# Seconds one document may take through clean + extract. Generous: a long article takes about a
# second; the first document of a process also pays for loading the spaCy model (~3-10 s).
DOCUMENT_SECONDS = 60.0


def document_seconds() -> float:
    """The per-document budget: ``STORYFUSE_DOCUMENT_SECONDS`` if set (0 turns it off)."""
    value = os.environ.get("STORYFUSE_DOCUMENT_SECONDS")
    if value is None or not value.strip():
        return DOCUMENT_SECONDS
    try:
        return max(0.0, float(value))
    except ValueError as exc:
        raise ValueError(
            f"STORYFUSE_DOCUMENT_SECONDS must be a number of seconds, not {value!r}"
        ) from exc


# Characters of one document's body that clean + extract will take on. The extractor refuses
# cleaned texts over ``extract.nlp.MAX_CHARS`` (500,000); a body four times that is no news
# article, and cleaning it first would cost seconds per megabyte for nothing. Multi-article
# files (JSONL, WARC, feeds) can hold one huge record, so this is checked per document.
MAX_DOCUMENT_CHARS = 2_000_000


def check_size(path: str, body: str) -> None:
    """Refuse a document body too large to be an article, before any work is spent on it."""
    if len(body) > MAX_DOCUMENT_CHARS:
        raise InputError(
            path,
            f"article text is {len(body):,} characters, over the {MAX_DOCUMENT_CHARS:,} "
            "limit for one article; split the file or remove what is not article text",
        )


class TimeBudgetExceeded(InputError):
    """A document took longer than its time budget; it is skipped, the batch goes on."""

    def __init__(self, path: str, seconds: float) -> None:
        super().__init__(
            path,
            f"took longer than the {seconds:g} s budget for one document and was skipped "
            "(raise STORYFUSE_DOCUMENT_SECONDS for unusually long articles)",
        )
        self.seconds = seconds


def budget_available() -> bool:
    """Whether ``deadline`` can enforce a budget here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None, path: str = "<document>") -> Iterator[None]:
    """Raise ``TimeBudgetExceeded(path, seconds)`` if the block runs longer than ``seconds``.

    ``None`` or ``0`` means no budget. Outside the main thread, or without ``SIGALRM``, the
    block runs unbounded (see the module docstring). Nested budgets work: the inner one is
    enforced, and the outer timer is restored (less the time spent) when the inner one ends.
    """
    if not seconds or seconds <= 0 or not budget_available():
        yield
        return

    token = object()

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise _Expired(token)

    previous_handler = signal.signal(signal.SIGALRM, _expired)
    outer_remaining, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Expired as exc:
        if exc.token is not token:
            raise
        raise TimeBudgetExceeded(path, seconds) from None
    finally:
        try:
            left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        except _Expired:  # the alarm fired just as the block finished: it did finish
            left = 0.0
        signal.signal(signal.SIGALRM, previous_handler)
        if outer_remaining:
            spent = seconds - left
            # An outer budget already used up fires at once rather than being forgotten.
            signal.setitimer(signal.ITIMER_REAL, max(outer_remaining - spent, 1e-3))


class _Expired(BaseException):
    """Raised by the alarm handler. A BaseException so a broad ``except Exception`` in the
    analysed code cannot swallow it and carry on past the budget."""

    def __init__(self, token: object) -> None:
        super().__init__("time budget exceeded")
        self.token = token
