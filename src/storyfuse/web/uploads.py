"""Uploaded files, analysed one batch at a time in a background thread, with progress.

The request that receives the files only saves them and queues a job; a single worker thread
runs the pipeline (models are loaded once, and two batches never compete for the two cores), and
``/api/uploads/{id}`` reports how far it got.

Each document gets the pipeline's time budget here too (``storyfuse.limits``; ``SIGALRM`` is not
available in this thread, so the budget is the cooperative one the stages check in their loops):
a document that overruns it becomes an error naming its file, and the rest of the batch goes on.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from storyfuse.model import Analysis, Document, Problem

log = logging.getLogger(__name__)

ACCEPTED = (".txt", ".text", ".html", ".htm", ".jsonl")
MAX_JOBS_KEPT = 200


@dataclass
class Job:
    id: str
    files: list[str]
    encoding: str | None = None  # of the files that are not UTF-8 and declare none
    outlet: str | None = None  # of the files whose metadata names none
    state: str = "queued"  # queued | reading | analysing | grouping | done | failed
    analysed: int = 0
    total: int | None = None  # documents found, once reading is done
    story_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    message: str = ""
    created: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def done(self) -> bool:
        return self.state in ("done", "failed")

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["done"] = self.done
        return data


def safe_filename(name: str) -> str:
    """A plain file name for an uploaded file: no folders, no hidden files, a known extension.

    Raises ValueError with a message for the user when the file type is not accepted.
    """
    base = Path(name.replace("\\", "/")).name.strip()
    base = "".join(ch if ch.isalnum() or ch in "._- " else "_" for ch in base).lstrip(". ")
    if not base.lower().endswith(ACCEPTED):
        raise ValueError(f"{name!r}: only {', '.join(ACCEPTED)} files can be analysed")
    return base[-120:]


Analyse = Callable[[Iterable[Document | Problem]], tuple[list[Analysis], list[Problem]]]
Store = Callable[[Sequence[Analysis]], list[str]]
# gives each document the id the store will keep it under (``Store.identify``)
Identify = Callable[[Iterable[Document | Problem]], list[Document | Problem]]


class UploadQueue:
    """Saves uploaded batches to a private folder and analyses them one at a time."""

    def __init__(
        self, store: Store, analyse: Analyse | None = None, identify: Identify | None = None
    ) -> None:
        self._store = store
        self._analyse = analyse
        self._identify = identify
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyfuse-upload")
        # made at the first upload; removed by close(), or when the queue is dropped or the
        # interpreter exits, whichever comes first
        self._root: Path | None = None
        self._remove_root: weakref.finalize | None = None

    def _folder(self) -> Path:
        with self._lock:
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="storyfuse-uploads-"))
                self._remove_root = weakref.finalize(
                    self, shutil.rmtree, self._root, ignore_errors=True
                )
            return self._root

    def submit(
        self,
        files: Sequence[tuple[str, bytes]],
        encoding: str | None = None,
        outlet: str | None = None,
    ) -> Job:
        """Queue a batch of (file name, content) pairs; returns the job at once. ``encoding``:
        what those that are not UTF-8 and declare no charset are written in; ``outlet``: the
        outlet of those whose metadata names none (``ingest.read``)."""
        job_id = uuid.uuid4().hex[:16]
        folder = self._folder() / job_id
        folder.mkdir()
        names = []
        for name, content in files:
            target = folder / safe_filename(name)
            stem, suffix, k = target.stem, target.suffix, 1
            while target.exists():  # two files of the same name in one batch
                k += 1
                target = folder / f"{stem}-{k}{suffix}"
            target.write_bytes(content)
            names.append(target.name)
        job = Job(id=job_id, files=names, encoding=encoding, outlet=outlet)
        with self._lock:
            self._jobs[job_id] = job
            self._forget_old()
        self._pool.submit(self._run, job, folder)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _forget_old(self) -> None:
        finished = sorted((j for j in self._jobs.values() if j.done), key=lambda j: j.created)
        for job in finished[: max(0, len(self._jobs) - MAX_JOBS_KEPT)]:
            del self._jobs[job.id]

    def _run(self, job: Job, folder: Path) -> None:
        try:
            from storyfuse import ingest

            analyse = self._analyse
            if analyse is None:
                from storyfuse import pipeline

                analyse = pipeline.analyze_documents
            job.state = "reading"
            paths = [str(folder / name) for name in job.files]
            items = list(ingest.read(paths, encoding=job.encoding, outlet=job.outlet))
            if self._identify is not None:  # an id another file's article has gets its own
                items = self._identify(items)
            job.total = sum(1 for i in items if not isinstance(i, Problem))
            job.state = "analysing"
            analyses: list[Analysis] = []
            problems: list[Problem] = []
            seen: set[str] = set()
            for item in items:  # one at a time, so progress can be reported
                if isinstance(item, Document) and item.id in seen:
                    problems.append(Problem(item.path, f"duplicate article id {item.id!r}; skipped"))
                    job.analysed += 1
                    continue
                done, failed = analyse([item])
                seen.update(a.id for a in done)
                analyses.extend(done)
                problems.extend(failed)
                if not isinstance(item, Problem):
                    job.analysed += 1
            job.errors = [{"path": Path(p.path).name, "error": p.error} for p in problems]
            job.article_ids = [a.id for a in analyses]
            if analyses:
                job.state = "grouping"
                job.story_ids = self._store(analyses)
            job.state = "done"
            job.message = f"{len(analyses)} article(s) analysed, {len(problems)} skipped"
        except Exception as exc:  # the job reports it; the server goes on
            log.exception("upload %s failed", job.id)
            job.state = "failed"
            job.message = f"{type(exc).__name__}: {exc}"
        finally:
            job.finished = time.time()
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self._remove_root is not None:
            self._remove_root()  # runs once, whoever calls it first
