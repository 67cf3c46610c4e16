"""The per-document time budget: it stops slow Python work, reports the document, and nests;
in the main thread by SIGALRM and cooperatively (``limits.check``) in every thread."""

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


def _spin_checking(seconds: float) -> None:
    """Slow Python work that calls ``limits.check()`` now and then, as the stages' loops do."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        limits.check()


def test_budget_holds_in_a_worker_thread_without_signals() -> None:
    outcome: list[object] = []

    def worker() -> None:
        assert not limits.budget_available()  # no SIGALRM here: the budget is cooperative
        started = time.monotonic()
        try:
            with limits.deadline(0.2, "threaded.txt"):
                _spin_checking(5)
        except limits.TimeBudgetExceeded as exc:
            outcome.append((exc.path, time.monotonic() - started))
        outcome.append(limits.remaining())  # no budget left behind in this thread

    before = signal.getsignal(signal.SIGALRM)
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=10)
    assert outcome and outcome[0][0] == "threaded.txt" and outcome[0][1] < 2, outcome
    assert outcome[1] is None
    assert signal.getsignal(signal.SIGALRM) is before


def test_thread_budgets_are_independent() -> None:
    """A short budget in one thread never stops the work of another thread."""
    results: dict[str, str] = {}

    def work(name: str, seconds: float, spin: float) -> None:
        try:
            with limits.deadline(seconds, name):
                _spin_checking(spin)
            results[name] = "finished"
        except limits.TimeBudgetExceeded:
            results[name] = "stopped"

    threads = [
        threading.Thread(target=work, args=("short", 0.1, 3)),
        threading.Thread(target=work, args=("long", 10, 0.5)),
        threading.Thread(target=work, args=("none", 0, 0.5)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert results == {"short": "stopped", "long": "finished", "none": "finished"}


def test_cooperative_check_nests_and_reports_the_outer_budget() -> None:
    def worker(out: list[str]) -> None:
        try:
            with limits.deadline(0.3, "outer"), limits.deadline(5, "inner"):
                _spin_checking(5)  # the outer budget runs out inside the inner block
        except limits.TimeBudgetExceeded as exc:
            out.append(exc.path)

    out: list[str] = []
    thread = threading.Thread(target=worker, args=(out,))
    thread.start()
    thread.join(timeout=10)
    assert out == ["outer"]


def test_check_without_a_budget_does_nothing() -> None:
    assert limits.remaining() is None
    limits.check()
    with limits.deadline(5, "x"):
        remaining = limits.remaining()
        assert remaining is not None and 4 < remaining <= 5
    assert limits.remaining() is None


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
    from storyfuse import clean, pipeline
    from storyfuse.model import Document, Problem

    real = clean.clean

    def slow_clean(document: Document):
        if document.id == "slow":
            _spin(10)  # stands in for a pathological input
        return real(document)

    body = "The bridge reopened on Thursday after repairs, the council said."
    docs = [
        Document(id=i, path=f"{i}.txt", format="text", body=body, content_hash=i * 64)
        for i in ("a", "slow", "b")
    ]
    pipeline.analyze_documents([docs[0], docs[2]])  # the models load outside the timed run
    monkeypatch.setattr(clean, "clean", slow_clean)
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "2")
    started = time.monotonic()
    analyses, problems = pipeline.analyze_documents(docs)
    assert time.monotonic() - started < 8
    assert [a.id for a in analyses] == ["a", "b"]
    assert problems == [Problem("slow.txt", problems[0].error)]
    assert "2 s budget" in problems[0].error


def test_size_limit_before_any_work() -> None:
    limits.check_size("ok.txt", "x" * 1000)
    with pytest.raises(InputError, match="limit for one article"):
        limits.check_size("huge.jsonl:1", "x" * (limits.MAX_DOCUMENT_CHARS + 1))


def test_slow_upload_in_the_worker_thread_becomes_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The web upload worker runs the real clean + extract in a thread: a document that is slow
    inside extract's sentence loop is stopped by its budget and reported by file name, and the
    other files of the batch are analysed."""
    from storyfuse import pipeline
    from storyfuse.extract import claims
    from storyfuse.model import Document
    from storyfuse.web.uploads import UploadQueue

    sentence = "The Slowtown council counted {n} new homes on Monday, officials said."
    slow_text = "Slowtown builds\n\n" + " ".join(sentence.format(n=10 + k) for k in range(40))
    quick = "Harbour bridge reopens\n\nThe harbour bridge in Portwell reopened on Monday, {} said."
    # Load the models in this thread first: the budget is per document, not for start-up.
    warm = Document(id="w", path="w.txt", format="text", body=quick.format("x"), content_hash="0")
    assert len(pipeline.analyze_documents([warm])[0]) == 1

    real = claims._sentence_claims

    def slow_sentence(sent, *args, **kwargs):
        if "Slowtown" in sent.text:
            time.sleep(0.25)  # stands in for a pathological sentence: 40 of them take 10 s
        return real(sent, *args, **kwargs)

    monkeypatch.setattr(claims, "_sentence_claims", slow_sentence)
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "1.5")
    stored: list[list[str]] = []
    queue = UploadQueue(store=lambda analyses: stored.append([a.id for a in analyses]) or [])
    try:
        started = time.monotonic()
        job = queue.submit(
            [
                ("a.txt", quick.format("the mayor").encode()),
                ("slow.txt", slow_text.encode()),
                ("b.txt", quick.format("a spokesman").encode()),
            ]
        )
        while not job.done and time.monotonic() - started < 60:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
    finally:
        queue.close()
    assert job.state == "done", job.message
    assert sorted(job.article_ids) == ["a", "b"]
    assert stored == [job.article_ids]
    assert len(job.errors) == 1 and job.errors[0]["path"] == "slow.txt", job.errors
    assert "s budget for one document" in job.errors[0]["error"]
    assert elapsed < 8, f"the slow document was not stopped in time ({elapsed:.1f} s)"


def test_batch_overrun_names_the_whole_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a batch, extraction runs in what cleaning left of a document's budget; an overrun
    still names the budget the user set, not that remainder."""
    from storyfuse import pipeline
    from storyfuse.extract import claims
    from storyfuse.model import Document, Problem

    sentence = "The Slowtown council counted {n} new homes on Monday, officials said."
    quick = "Harbour bridge reopens\n\nThe harbour bridge in Portwell reopened on Monday."
    bodies = {
        "a": quick,
        "slow": "Slowtown builds\n\n" + " ".join(sentence.format(n=10 + k) for k in range(40)),
        "b": quick.replace("Portwell", "Eastwick"),
    }
    docs = [
        Document(id=k, path=f"{k}.txt", format="text", body=v, content_hash=k * 64)
        for k, v in bodies.items()
    ]
    pipeline.analyze_batch([docs[0], docs[2]])  # the models load outside the budget
    real = claims._sentence_claims

    def slow_sentence(sent, *args, **kwargs):
        if "Slowtown" in sent.text:
            time.sleep(0.25)
        return real(sent, *args, **kwargs)

    monkeypatch.setattr(claims, "_sentence_claims", slow_sentence)
    monkeypatch.setenv("STORYFUSE_DOCUMENT_SECONDS", "1.5")
    outcomes = pipeline.analyze_batch(docs)
    assert [getattr(o, "id", None) for o in outcomes] == ["a", None, "b"]
    problem = outcomes[1]
    assert isinstance(problem, Problem) and problem.path == "slow.txt"
    assert "the 1.5 s budget" in problem.error, problem.error
