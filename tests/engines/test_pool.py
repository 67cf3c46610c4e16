"""The per-article stages in batches and on worker processes give what one process gives,
one document at a time."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from storyfuse import pipeline
from storyfuse.engines import get_engine
from storyfuse.engines.base import LocalEngine
from storyfuse.engines.pool import WorkerPool, worker_count
from storyfuse.extract import nlp
from storyfuse.model import Document, Problem

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _document(doc_id: str, body: str, path: str | None = None) -> Document:
    return Document(
        id=doc_id,
        path=path or f"{doc_id}.txt",
        format="text",
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )


@pytest.fixture(scope="module")
def items() -> list[Document | Problem]:
    """Real articles, with the awkward cases between them: a read problem, an empty document
    (a Problem from clean), a repeated id after a success and a repeated id after a failure."""
    seeds = [_document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    out: list[Document | Problem] = [seeds[0], Problem("broken.txt", "not valid UTF-8"), seeds[1]]
    out.append(_document("blank", " \n \n", "blank.txt"))
    out += [seeds[2], _document(seeds[0].id, "Another text under a used id.", "again.txt")]
    out += [seeds[3], _document("blank", seeds[4].body, "blank-again.txt"), seeds[4]]
    return out


@pytest.fixture(scope="module")
def one_at_a_time(items):
    return pipeline.analyze_documents(items)


@pytest.fixture()
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # several batches from a few documents: 7 documents in batches of 2
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)


def test_the_reference_result_has_every_kind_of_outcome(one_at_a_time) -> None:
    analyses, problems = one_at_a_time
    assert [a.id for a in analyses][:2] == ["000_dc1cff9249af5a37", "001_00bf7ecf887a8f67"]
    assert "blank" in [a.id for a in analyses]  # a repeated id whose first copy failed
    assert [p.path for p in problems] == ["broken.txt", "blank.txt", "again.txt"]
    assert all(a.sentences and a.entities for a in analyses)


def test_batches_in_this_process_equal_one_at_a_time(items, one_at_a_time, small_batches) -> None:
    assert pipeline.analyze_all(items, workers=1) == one_at_a_time


def test_two_worker_processes_equal_one_process(items, one_at_a_time, small_batches) -> None:
    assert pipeline.analyze_all(items, workers=2) == one_at_a_time


@pytest.mark.parametrize("workers", [1, 2])
def test_progress_is_told_as_each_batch_is_analysed(items, small_batches, workers) -> None:
    told: list[tuple[int, int]] = []
    pipeline.analyze_all(items, workers=workers, progress=lambda n, total: told.append((n, total)))
    documents = sum(isinstance(d, Document) for d in items)  # 8, in batches of 2
    assert told == [(n, documents) for n in range(2, documents + 1, 2)]


def test_a_failed_batch_parse_falls_back_to_one_parse_per_article(
    items, one_at_a_time, small_batches, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(texts):
        raise MemoryError("stands in for a batch that cannot be parsed together")

    monkeypatch.setattr(nlp, "parse_many", broken)
    assert pipeline.analyze_all(items, workers=1) == one_at_a_time


def test_local_engine_with_workers_equals_the_single_process_engine(items, small_batches) -> None:
    single = get_engine("local")
    pooled = get_engine("local", workers=2)
    try:
        assert pooled.analyze(items) == single.analyze(items)
        assert pooled.analyze(items[:3]) == single.analyze(items[:3])  # the pool is reused
    finally:
        pooled.close()
        single.close()


def test_worker_errors_reach_the_caller() -> None:
    with WorkerPool(2) as pool, pytest.raises(ZeroDivisionError):
        pool.map(_invert, [1, 0])


def test_forked_pool_keeps_the_models_out_of_the_collector_while_it_runs(tmp_path: Path) -> None:
    """Frozen objects are not examined by the garbage collector, so the forked workers do not
    copy the pages of the models they share; closing the pool gives them back. Run in a fresh
    process: the pool forks only where no other thread runs."""
    import subprocess
    import sys

    script = tmp_path / "freeze.py"
    script.write_text(
        "import gc\n"
        "from storyfuse.engines.pool import WorkerPool\n"
        "before = gc.get_freeze_count()\n"
        "with WorkerPool(2) as pool:\n"
        "    assert pool.map(abs, [-1, 2]) == [1, 2]\n"
        "    during = gc.get_freeze_count()\n"
        "print(before, during, gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    before, during, after = map(int, done.stdout.split())
    assert before == 0 and after == 0
    assert during > 10_000  # the models' objects, not a handful


def _invert(x: int) -> float:
    return 1 / x


def test_worker_count_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYFUSE_WORKERS", "3")
    assert worker_count() == 3
    monkeypatch.setenv("STORYFUSE_WORKERS", "two")
    with pytest.raises(ValueError, match="STORYFUSE_WORKERS"):
        worker_count()
    monkeypatch.delenv("STORYFUSE_WORKERS")
    assert worker_count() >= 1
    assert LocalEngine().workers == worker_count()  # ingest uses the cores, as analyze does
    monkeypatch.setenv("STORYFUSE_WORKERS", "2")
    assert LocalEngine().workers == 2


def test_no_more_workers_by_default_than_the_free_memory_holds(monkeypatch) -> None:
    import psutil

    from storyfuse.engines import pool

    class Memory:
        def __init__(self, available: int) -> None:
            self.available = available

    monkeypatch.delenv("STORYFUSE_WORKERS", raising=False)
    monkeypatch.setattr(pool, "usable_cpus", lambda: 16)
    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory(3 * pool.WORKER_MEMORY + 1))
    assert worker_count() == 3
    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory(pool.WORKER_MEMORY // 2))
    assert worker_count() == 1  # always one, in this process
    monkeypatch.setattr(psutil, "virtual_memory", lambda: Memory(100 * pool.WORKER_MEMORY))
    assert worker_count() == 16
    monkeypatch.setenv("STORYFUSE_WORKERS", "6")  # asked for: the user's number
    assert worker_count() == 6


def _worker_pid(_task: int) -> int:
    import os
    import time

    time.sleep(0.2)  # long enough that both workers take a task
    return os.getpid()


def test_workers_end_when_the_process_that_started_them_is_killed(tmp_path: Path) -> None:
    """kill -9 of an ingest must not leave its workers waiting for batches, each holding a
    model (and the killed command's output pipes) for good."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "start_pool.py"
    script.write_text(
        "import sys, time\n"
        "from storyfuse.engines.pool import WorkerPool\n"
        "from tests.engines.test_pool import _worker_pid\n"
        "pool = WorkerPool(2)\n"
        "print(*sorted(set(pool.map(_worker_pid, range(6)))), flush=True)\n"
        "time.sleep(600)\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(Path.cwd()), str(Path.cwd() / "src")]))
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    pids: list[int] = []
    try:
        assert proc.stdout is not None
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert pids and all(_alive(p) for p in pids)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        ends = time.monotonic() + 20
        while time.monotonic() < ends and any(_alive(p) for p in pids):
            time.sleep(0.05)
        assert not any(_alive(p) for p in pids), "workers outlived the killed process"
    finally:
        proc.kill()
        for pid in pids:  # when the test fails, leave no worker behind
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_pages_read_on_the_workers_equal_pages_read_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ingest.read`` with the pool's ``read_files`` (for HTML pages) gives what it gives
    alone: the same documents and problems, in the same order, and the same own ids for two
    files of one name in different folders; an archive between the pages is still read here,
    record by record, and so are the text files. So with ``--encoding``: a page in cp1252
    that declares no charset is read on the workers in it."""
    import shutil

    from storyfuse import ingest
    from storyfuse.engines import pool as pool_module

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / "a" / seed.name)
    for name in ("p1", "p2", "p3", "p4", "page"):
        shutil.copy(fixtures / "ingest" / "article.html", folder / "a" / f"{name}.html")
    shutil.copy(fixtures / "ingest" / "article.html", folder / "b" / "page.html")  # same name
    shutil.copy(fixtures / "ingest" / "articles.jsonl", folder / "a" / "m-archive.jsonl")
    shutil.copy(fixtures / "e2e" / "binary.txt", folder / "b" / "binary.txt")
    shutil.copy(fixtures / "e2e" / "empty.txt", folder / "b" / "empty.txt")
    page = (fixtures / "ingest" / "article.html").read_text(encoding="utf-8")
    legacy = page.replace('charset="utf-8"', "").replace("Okafor", "Okaföre")
    (folder / "a" / "p5.html").write_bytes(legacy.encode("cp1252"))
    monkeypatch.setattr(pool_module, "READ_CHUNK", 2)  # several chunks from a few files

    alone = list(ingest.read([str(folder)]))
    alone_cp1252 = list(ingest.read([str(folder)], encoding="cp1252"))
    with WorkerPool(2) as pool:
        calls: list[int] = []

        def counted(paths: list[str], encoding: str | None = None) -> list[list]:
            calls.append(len(paths))
            return pool.read_files(paths, encoding)

        shared = list(ingest.read([str(folder)], read_many=counted))
        shared_cp1252 = list(ingest.read([str(folder)], read_many=counted, encoding="cp1252"))
        # files named one after another (a shell's pages/*.html), a missing one among them
        named = [str(p) for p in sorted((folder / "a").iterdir())]
        named += [str(tmp_path / "missing.txt"), str(folder / "b" / "page.html")]
        named_alone = list(ingest.read(named))
        calls_before = len(calls)
        named_shared = list(ingest.read(named, read_many=counted))
    assert shared == alone
    assert shared_cp1252 == alone_cp1252
    assert any(isinstance(p, Problem) and p.path.endswith("p5.html") for p in shared)
    assert any(isinstance(d, Document) and "Okaföre" in d.body for d in shared_cp1252)
    assert calls and max(calls) > pool_module.READ_CHUNK  # the pages went to the workers
    assert named_shared == named_alone
    assert len(calls) > calls_before
    assert any(isinstance(p, Problem) and "missing.txt" in p.path for p in named_alone)
    ids = [d.id for d in alone if isinstance(d, Document)]
    assert "page" in ids and "b-page" in ids
    assert any(isinstance(p, Problem) and "binary.txt" in p.path for p in alone)


def test_analyze_on_workers_equals_one_process(
    tmp_path: Path, small_batches, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``storyfuse analyze``'s chain with the workers reading and analysing equals one
    process's."""
    import shutil

    from storyfuse.engines import pool as pool_module

    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / seed.name)
    monkeypatch.setattr(pool_module, "READ_CHUNK", 2)
    one = pipeline.analyze([str(tmp_path)], workers=1)
    two = pipeline.analyze([str(tmp_path)], workers=2)
    assert two.articles == one.articles
    assert [s.id for s in two.stories] == [s.id for s in one.stories]


def test_the_warm_up_sample_reaches_every_finder() -> None:
    from storyfuse.engines.pool import warm_up
    from storyfuse.model import Analysis

    outcomes = warm_up()
    assert [type(o) for o in outcomes] == [Analysis, Analysis]
    text, page = outcomes
    assert page.article.published == "2024-03-04" and page.article.title
    for analysis in outcomes:
        assert analysis.quotes and analysis.claims and analysis.times and analysis.entities
    # the page's clutter goes in cleaning, as the text's does
    assert text.article.removed and "newsletter" not in page.article.text
