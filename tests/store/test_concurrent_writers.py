"""Two writers on one database at once (an ingest while the web server stores an upload; two
ingest processes): each write sees the other's commits, so stories stay whole and no revision is
lost. Each writer has its own ``Store``, as two processes would."""

from __future__ import annotations

import threading

from tests.robustness.dbcheck import snapshot
from tests.store.conftest import analysis

from storyfuse.store import Store

TOPICS = [
    ("Harbour bridge reopens in Portwell", "The Portwell harbour bridge reopened on {d}.",
     (("Portwell", "GPE"),)),
    ("Storm Ilse cuts power on the coast", "Storm Ilse cut power to homes in Skarholm on {d}.",
     (("Skarholm", "GPE"),)),
    ("Orra copper mine resumes work", "The Orra copper mine near Lake Orra resumed work on {d}.",
     (("Lake Orra", "LOC"),)),
]  # fmt: skip


def _articles(writer: str, n: int) -> list:
    out = []
    for i in range(n):
        title, text, names = TOPICS[i % len(TOPICS)]
        day = f"2024-03-{1 + i % 5:02d}"
        out.append(analysis(f"{writer}-{i:02d}", day, title, text.format(d=day), names))
    return out


COMMITS = 12  # per writer, one article each


def test_two_writers_at_once_keep_stories_whole(db_url: str) -> None:
    Store.open(db_url).close()  # the schema first: migrations are not what is tested here
    stores = [Store.open(db_url), Store.open(db_url)]
    errors: list[str] = []
    start = threading.Barrier(2)

    def write(store: Store, name: str) -> None:
        try:
            start.wait()
            for item in _articles(name, COMMITS):
                store.add_analyses([item])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(f"{name}: {type(exc).__name__}: {exc}")

    threads = [
        threading.Thread(target=write, args=(store, name))
        for store, name in zip(stores, ("one", "two"), strict=True)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    snap = snapshot(db_url)
    assert not snap.problems, snap.problems
    assert len(snap.articles) == 2 * COMMITS
    with stores[0] as store:
        assert store.revision() == 2 * COMMITS  # every commit counted once
        listed = sum(s.articles for s in store.stories())
        assert listed == 2 * COMMITS
    stores[1].close()
