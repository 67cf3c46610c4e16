"""What an engine does, and the in-process one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from storyfuse import pipeline
from storyfuse.model import Analysis, Document, Problem

BATCH_SIZE = 32


class Engine(Protocol):
    def analyze(
        self, documents: Iterable[Document | Problem]
    ) -> tuple[list[Analysis], list[Problem]]:
        """Clean and extract every document; failures become Problems, input order is kept."""

    def close(self) -> None: ...


def prepare(
    documents: Iterable[Document | Problem],
) -> tuple[list[Document], list[Problem]]:
    """Split read problems from documents and drop repeated ids (the first one wins), so that
    batches can be analysed independently and still agree with one sequential pass."""
    kept: list[Document] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for item in documents:
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id in seen:
            problems.append(Problem(item.path, f"duplicate article id {item.id!r}; skipped"))
        else:
            seen.add(item.id)
            kept.append(item)
    return kept, problems


def batches(documents: list[Document], size: int) -> Iterator[list[Document]]:
    for start in range(0, len(documents), size):
        yield documents[start : start + size]


class LocalEngine:
    """Everything in this process."""

    def __init__(self, batch_size: int = BATCH_SIZE) -> None:
        self.batch_size = batch_size

    def analyze(
        self, documents: Iterable[Document | Problem]
    ) -> tuple[list[Analysis], list[Problem]]:
        kept, problems = prepare(documents)
        analyses: list[Analysis] = []
        for batch in batches(kept, self.batch_size):
            done, failed = pipeline.analyze_documents(batch)
            analyses += done
            problems += failed
        return analyses, problems

    def close(self) -> None:
        pass
