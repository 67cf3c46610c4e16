"""The ordered stages of storyfuse; the one place that wires them together.

    ingest -> clean -> extract -> group -> fuse -> render

Each stage is a module exposing one function over the records in ``model.py``:

    ingest.read(paths)            -> Documents (and Problems for inputs that cannot be read)
    clean.clean(document)         -> Article   (clutter removed, metadata completed)
    extract.extract(article)      -> Analysis  (sentences, entities, quotes, claims, times)
    group.group(analyses)         -> Stories
    fuse.fuse(story, analyses)    -> StoryBrief
    render.render(brief, format)  -> str       (json | md | html)

A failure on one document becomes a ``Problem`` naming the file and the reason; the rest of
the batch is still analysed.

The per-article stages run over batches of documents (``analyze_batch``): each document is
cleaned, spaCy parses the batch's texts together, then each article is extracted. ``analyze``
spreads the batches over worker processes when the input has several batches and the machine
more than one core (``engines.pool``), and has the workers read the folders' pages too; the
result is the same as in one process. A batch of tens of thousands of articles is grouped on
the workers as well, in runs of consecutive days stitched where they meet (``group.runs``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from storyfuse import clean, extract, fuse, group, ingest, limits
from storyfuse.extract import nlp
from storyfuse.group.runs import group_on_workers
from storyfuse.model import (
    Analysis,
    Article,
    Brief,
    Document,
    InputError,
    Problem,
    Story,
    reads_english,
)

if TYPE_CHECKING:
    from storyfuse.engines.pool import WorkerPool

log = logging.getLogger(__name__)

STAGES = ("ingest", "clean", "extract", "group", "fuse", "render")

# Documents analysed together: the batch spaCy parses at once, and one task of a worker pool.
BATCH_SIZE = nlp.PARSE_BATCH

Outcome = Analysis | Problem
T = TypeVar("T")


def clean_document(document: Document) -> Article:
    """Stage 2 for one document, with the checks around it. Raises InputError for unusable
    input (too large to be an article, no text left after cleaning)."""
    limits.check_size(document.path, document.body)
    article: Article = clean.clean(document)
    if not article.text.strip():
        raise InputError(document.path, "no article text left after removing page clutter")
    return article


def analyze_document(document: Document) -> Analysis:
    """The per-article stages for one document: clean, then extract."""
    return extract.extract(clean_document(document))


def _guarded(
    path: str, seconds: float, step: Callable[..., T], *args: object, whole: float | None = None
) -> T | Problem:
    """``step(*args)`` within a time budget; a failure becomes a Problem naming ``path``.
    ``whole``: the document's whole budget, when ``seconds`` is what is left of it."""
    try:
        # Size limits bound nearly every input; the time budget catches the rest.
        with limits.deadline(seconds, path, whole):
            return step(*args)
    except InputError as exc:
        return Problem(exc.path, exc.reason)
    except Exception as exc:  # one bad article must never take down the batch
        log.exception("analysis failed for %s", path)
        return Problem(path, f"analysis failed: {type(exc).__name__}: {exc}")


def analyze_documents(
    documents: Iterable[Document | Problem],
) -> tuple[list[Analysis], list[Problem]]:
    """Run the per-article stages over a stream, one document at a time (``analyze_document``),
    isolating each document's failures: for callers that report progress per document."""
    analyses: list[Analysis] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in documents:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        if item.id in seen:
            problems.append(Problem(item.path, f"duplicate article id {item.id!r}; skipped"))
            continue
        outcome = _guarded(item.path, limits.document_seconds(), analyze_document, item)
        if isinstance(outcome, Analysis):
            analyses.append(outcome)
            seen.add(item.id)
        else:
            problems.append(outcome)
    return analyses, problems


def analyze_batch(documents: Sequence[Document]) -> list[Outcome]:
    """Each document's Analysis, or the Problem that stopped it, in input order.

    Each document has its own time budget for cleaning plus extracting. The batch's parse
    gets one document's budget; if it fails or overruns, each article is parsed on its own,
    inside its own budget, so a slow document costs only itself.
    """
    budget = limits.document_seconds()
    cleaned: list[Article | Problem] = []
    left: list[float] = []  # what cleaning left of each document's budget
    for document in documents:
        started = time.monotonic()
        cleaned.append(_guarded(document.path, budget, clean_document, document))
        left.append(max(budget - (time.monotonic() - started), 1e-3) if budget else 0.0)

    articles = {
        i: a
        for i, a in enumerate(cleaned)
        if isinstance(a, Article) and len(a.text) <= nlp.MAX_CHARS and reads_english(a.language)
    }
    parses: dict[int, object] = {}
    if len(articles) > 1:
        docs = _guarded("<batch>", budget, nlp.parse_many, [a.text for a in articles.values()])
        if isinstance(docs, list):
            parses = dict(zip(articles, docs, strict=True))

    return [
        item
        if isinstance(item, Problem)
        else _guarded(item.path, left[i], extract.extract, item, parses.get(i), whole=budget)
        for i, item in enumerate(cleaned)
    ]


def merge_outcomes(
    items: Iterable[Document | Problem], outcomes: dict[int, Outcome]
) -> tuple[list[Analysis], list[Problem]]:
    """Sort outcomes, in input order, into analyses and problems, as ``analyze_documents``
    does. ``outcomes`` maps ``id(document)`` to its outcome. A document whose id an earlier
    document was analysed under is a duplicate, whatever its own outcome."""
    analyses: list[Analysis] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id in seen:
            problems.append(Problem(item.path, f"duplicate article id {item.id!r}; skipped"))
        else:
            outcome = outcomes[id(item)]
            if isinstance(outcome, Analysis):
                analyses.append(outcome)
                seen.add(item.id)
            else:
                problems.append(outcome)
    return analyses, problems


def analyze_all(
    documents: Iterable[Document | Problem],
    workers: int | None = None,
    shared: WorkerPool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Analysis], list[Problem]]:
    """The per-article stages over a whole input in batches (``analyze_batch``), on ``workers``
    processes (default: ``STORYFUSE_WORKERS``, else the usable cores), or on the ``shared``
    pool; in this process when the input is one batch. The result is that of
    ``analyze_documents``. ``progress(analysed, total)`` is called as each batch is done."""
    from storyfuse.engines import pool

    items = list(documents)
    tasks = pool.batches([d for d in items if isinstance(d, Document)], BATCH_SIZE)
    total = sum(map(len, tasks))
    analysed = 0

    def done(k: int) -> None:
        nonlocal analysed
        analysed += len(tasks[k])
        if progress is not None:
            progress(analysed, total)

    workers = min(pool.worker_count() if workers is None else workers, len(tasks))
    if shared is not None and len(tasks) > 1:
        results = shared.map(analyze_batch, tasks, done)
    elif workers > 1 and shared is None:
        with pool.WorkerPool(workers) as workers_pool:
            results = workers_pool.map(analyze_batch, tasks, done)
    else:
        results = []
        for k, task in enumerate(tasks):
            results.append(analyze_batch(task))
            done(k)
    outcomes = {
        id(document): outcome
        for task, done in zip(tasks, results, strict=True)
        for document, outcome in zip(task, done, strict=True)
    }
    return merge_outcomes(items, outcomes)


def fuse_stories(analyses: Sequence[Analysis], stories: Sequence[Story] | None = None) -> list:
    """Group analysed articles into stories (unless ``stories`` are given) and fuse each into a
    brief."""
    by_id = {a.id: a for a in analyses}
    if stories is None:
        stories = group.group(analyses)
    return [fuse.fuse(story, by_id) for story in stories]


def analyze(
    paths: Sequence[str],
    workers: int | None = None,
    encoding: str | None = None,
    outlet: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Brief:
    """The whole chain over files and folders: what ``storyfuse analyze`` runs. With several
    workers, they also read the folders' pages (``ingest.read``'s ``read_many``); the workers
    start only when there is more than a batch to read or analyse. ``encoding``: what inputs
    that are not UTF-8 and declare no encoding are written in, ``outlet`` the outlet of those
    whose metadata names none (``ingest.read``); ``progress(analysed, total)`` is called as
    each batch of articles is analysed."""
    from storyfuse.engines import pool

    count = pool.worker_count() if workers is None else workers
    if count > 1:
        with pool.WorkerPool(count) as shared:
            documents = ingest.read(
                paths, read_many=shared.read_files, encoding=encoding, outlet=outlet
            )
            analyses, problems = analyze_all(documents, count, shared, progress)
            # a large batch is grouped on the workers too, in runs of consecutive days
            stories = group_on_workers(analyses, count, shared.map)
    else:
        documents = ingest.read(paths, encoding=encoding, outlet=outlet)
        analyses, problems = analyze_all(documents, count, progress=progress)
        stories = group.group(analyses)
    briefs = fuse_stories(analyses, stories)
    return Brief(articles=tuple(analyses), stories=tuple(briefs), errors=tuple(problems))
