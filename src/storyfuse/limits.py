"""A time budget per document, the second line of defence against inputs that stall a batch.

The first line is size limits, checked before any work starts: ingest refuses files and HTML
pages above a size (``ingest.MAX_FILE_BYTES``, ``ingest.html.MAX_HTML_CHARS``), the pipeline
refuses a document body over ``MAX_DOCUMENT_CHARS`` before cleaning it (``check_size``), and
extract refuses texts longer than ``extract.nlp.MAX_CHARS``. Those bound the work for nearly
every input.

``deadline`` adds a wall-clock budget on top, for the inputs that are small but slow (a
pathological regular expression, a parser that goes quadratic). It works in two ways at once:

- **Cooperatively, in every thread.** The budget is kept in a context variable (so each thread,
  and each task of a thread pool, has its own), and ``check()`` raises once it has run out.
  The stages call ``check()`` at their boundaries and once per line, sentence or candidate in
  their loops (clean's line loops, extract's sentence loops), so a slow document is stopped
  within one step of those loops wherever it runs: the web server's upload worker thread
  included.
- **By ``SIGALRM``, in the main thread of a POSIX process**, as a backstop that also stops
  slow Python code between two ``check()`` calls.

Neither can cut a single long C call short (one regular-expression match, a spaCy Cython loop
over a long text): a signal handler runs between bytecodes, and a ``check()`` only after the
call returns. The budget therefore bounds slow Python-level work and reports the document that
overran, which is why the size limits come first. A worker that must be killable at any
instruction should run documents in a subprocess (the distributed engines do).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
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
    """Whether ``deadline`` can also enforce a budget by ``SIGALRM`` here (POSIX, main thread).

    The cooperative budget (``check``) works in every thread whatever this says.
    """
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@dataclass(frozen=True)
class _Budget:
    expires: float  # time.monotonic() at which it runs out
    token: object  # names the ``deadline`` block that owns it


# The budgets in force in this thread (or task), outermost first. A context variable, so every
# thread starts with none and a budget set in one thread never stops another.
_BUDGETS: ContextVar[tuple[_Budget, ...]] = ContextVar("storyfuse_budgets", default=())


def check() -> None:
    """Stop the current document if its time budget has run out; cheap enough for any loop.

    Raises (through the enclosing ``deadline`` block, which turns it into
    ``TimeBudgetExceeded``) when a budget set by ``deadline`` in this thread has expired; does
    nothing when no budget is set.
    """
    budgets = _BUDGETS.get()
    if not budgets:
        return
    now = time.monotonic()
    for budget in budgets:  # outermost first: the one that ran out first is reported
        if now >= budget.expires:
            raise _Expired(budget.token)


def remaining() -> float | None:
    """Seconds left of the tightest budget in force in this thread; None without a budget."""
    budgets = _BUDGETS.get()
    if not budgets:
        return None
    return max(0.0, min(b.expires for b in budgets) - time.monotonic())


@contextmanager
def deadline(
    seconds: float | None, path: str = "<document>", whole: float | None = None
) -> Iterator[None]:
    """Raise ``TimeBudgetExceeded(path, whole or seconds)`` if the block runs longer than
    ``seconds``. ``whole`` is the document's whole budget when ``seconds`` is what an earlier
    step left of it: the error names the budget the user set, not the remainder.

    ``None`` or ``0`` means no budget. In every thread the budget is enforced at each
    ``check()`` in the block; in the main thread of a POSIX process ``SIGALRM`` enforces it
    between those too (see the module docstring). Nested budgets work: the inner one is
    enforced, the outer one still holds inside it, and an outer one that ran out during the
    inner block stops the work as soon as that block ends.
    """
    if not seconds or seconds <= 0:
        yield
        return

    token = object()
    context = _BUDGETS.set((*_BUDGETS.get(), _Budget(time.monotonic() + seconds, token)))
    try:
        with _alarm(seconds, token):
            yield
    except _Expired as exc:
        if exc.token is not token:
            raise
        raise TimeBudgetExceeded(path, whole or seconds) from None
    finally:
        _BUDGETS.reset(context)


@contextmanager
def _alarm(seconds: float, token: object) -> Iterator[None]:
    """The ``SIGALRM`` backstop of one ``deadline`` block; nothing outside the main thread."""
    if not budget_available():
        yield
        return

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise _Expired(token)

    previous_handler = signal.signal(signal.SIGALRM, _expired)
    outer_remaining, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
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
    """Raised by ``check`` and the alarm handler. A BaseException so a broad
    ``except Exception`` in the analysed code cannot swallow it and carry on past the budget."""

    def __init__(self, token: object) -> None:
        super().__init__("time budget exceeded")
        self.token = token
