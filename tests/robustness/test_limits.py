"""The per-document time budget: it stops slow Python work, reports the document, and nests."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from storyfuse import limits
from storyfuse.model import InputError


def _spin(seconds: float) -> None:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        pass


def test_budget_interrupts_slow_python_and_names_the_document() -> None:
    started = time.monotonic()
    with pytest.raises(limits.TimeBudgetExceeded) as caught, limits.deadline(0.2, "slow.txt"):
        _spin(5)
    assert time.monotonic() - started < 2
    assert isinstance(caught.value, InputError)  # the pipeline turns it into a Problem
    assert caught.value.path == "slow.txt"
    assert "0.2 s budget" in caught.value.reason


def test_budget_is_not_swallowed_by_a_broad_except() -> None:
    def stubborn() -> None:
        for _ in range(100):
            try:
                _spin(0.1)
            except Exception:  # noqa: BLE001, S112 - analysed code may do this
                continue

    with pytest.raises(limits.TimeBudgetExceeded), limits.deadline(0.2, "x"):
        stubborn()


def test_fast_block_leaves_no_alarm_behind() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with limits.deadline(5, "quick"):
        total = sum(range(1000))
    assert total == 499500
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_nested_budgets_restore_the_outer_one() -> None:
    with pytest.raises(limits.TimeBudgetExceeded) as caught, limits.deadline(0.5, "outer"):
        with limits.deadline(5, "inner"):
            _spin(0.05)
        _spin(5)  # the outer budget still holds after the inner block ended
    assert caught.value.path == "outer"


def test_other_exceptions_pass_through() -> None:
    with pytest.raises(ZeroDivisionError), limits.deadline(5, "x"):
        _ = 1 / 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_no_budget_outside_the_main_thread() -> None:
    seen: list[bool] = []

    def worker() -> None:
        seen.append(limits.budget_available())
        with limits.deadline(0.01, "t"):
            _spin(0.05)  # unbounded here, and no error from signal.signal in a thread
        seen.append(True)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [False, True]


def test_budget_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "7.5")
    assert limits.document_seconds() == 7.5
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "0")
    assert limits.document_seconds() == 0
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "soon")
    with pytest.raises(ValueError, match="STORYFUSE_DOCUMENT_SECONDS"):
        limits.document_seconds()
    monkeypatch.delenv("STORYFUSE_DOCUMENT_SECONDS")
    assert limits.document_seconds() == limits.DOCUMENT_SECONDS


def test_pipeline_skips_a_slow_document_and_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document that overruns the budget becomes one Problem; the rest is analysed."""
    from storyfuse import pipeline
    from storyfuse.model import Analysis, Document, Problem

    def fake_analyze(document: Document) -> Analysis:
        if document.id == "slow":
            _spin(10)  # stands in for a pathological input
        return Analysis(article=None)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "analyze_document", fake_analyze)
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "0.3")
    docs = [
        Document(id=i, path=f"{i}.txt", format="text", body="x", content_hash="0" * 64)
        for i in ("a", "slow", "b")
    ]
    started = time.monotonic()
    analyses, problems = pipeline.analyze_documents(docs)
    assert time.monotonic() - started < 3
    assert len(analyses) == 2
    assert problems == [Problem("slow.txt", problems[0].error)]
    assert "0.3 s budget" in problems[0].error


def test_size_limit_before_any_work() -> None:
    limits.check_size("ok.txt", "x" * 1000)
    with pytest.raises(InputError, match="limit for one article"):
        limits.check_size("huge.jsonl:1", "x" * (limits.MAX_DOCUMENT_CHARS + 1))
