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
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from storyfuse import clean, extract, fuse, group, ingest, limits
from storyfuse.model import Analysis, Article, Brief, Document, InputError, Problem

log = logging.getLogger(__name__)

STAGES = ("ingest", "clean", "extract", "group", "fuse", "render")


def analyze_document(document: Document) -> Analysis:
    """The per-article stages: clean, then extract. Raises InputError for unusable input."""
    limits.check_size(document.path, document.body)
    article: Article = clean.clean(document)
    if not article.text.strip():
        raise InputError(document.path, "no article text left after removing page clutter")
    return extract.extract(article)


def analyze_documents(
    documents: Iterable[Document | Problem],
) -> tuple[list[Analysis], list[Problem]]:
    """Run the per-article stages over a stream, isolating each document's failures."""
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
        try:
            # Size limits bound nearly every input; the time budget catches the rest.
            with limits.deadline(limits.document_seconds(), item.path):
                analysis = analyze_document(item)
            analyses.append(analysis)
            seen.add(item.id)
        except InputError as exc:
            problems.append(Problem(exc.path, exc.reason))
        except Exception as exc:  # one bad article must never take down the batch
            log.exception("analysis failed for %s", item.path)
            problems.append(Problem(item.path, f"analysis failed: {type(exc).__name__}: {exc}"))
    return analyses, problems


def fuse_stories(analyses: Sequence[Analysis]) -> list:
    """Group analysed articles into stories and fuse each into a brief."""
    by_id = {a.id: a for a in analyses}
    return [fuse.fuse(story, by_id) for story in group.group(analyses)]


def analyze(paths: Sequence[str]) -> Brief:
    """The whole chain over files and folders: what ``storyfuse analyze`` runs."""
    analyses, problems = analyze_documents(ingest.read(paths))
    stories = fuse_stories(analyses)
    return Brief(articles=tuple(analyses), stories=tuple(stories), errors=tuple(problems))
