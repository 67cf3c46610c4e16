import hashlib

import pytest

from storyfuse.engines import analyze_and_group, get_engine
from storyfuse.model import Document, Problem

TEXTS = {
    "quake-1": "A magnitude 6.1 earthquake struck near the coastal city of Pellora on Tuesday, "
    "damaging dozens of buildings. Governor Ana Ruiz said 14 people were injured and schools "
    "would stay closed while engineers inspect them.",
    "quake-2": "Engineers inspected schools in Pellora on Wednesday after Tuesday's magnitude "
    "6.1 earthquake injured 14 people. Governor Ana Ruiz said most buildings were safe.",
    "vote-1": "Lawmakers in Drenmark approved a new budget on Tuesday by 88 votes to 71 after a "
    "long debate. Finance minister Jonas Berg said the plan cuts the deficit by a third.",
}


def documents() -> list[Document | Problem]:
    docs: list[Document | Problem] = [
        Document(
            id=article_id,
            path=f"{article_id}.txt",
            format="text",
            body=text,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            published="2024-05-15" if article_id == "quake-2" else "2024-05-14",
            published_from="given",
        )
        for article_id, text in TEXTS.items()
    ]
    docs.append(Problem("broken.txt", "not valid UTF-8"))
    docs.append(Document(id="quake-1", path="again.txt", format="text", body="x", content_hash="h"))
    docs.append(Document(id="empty", path="empty.txt", format="text", body=" \n", content_hash="e"))
    return docs


@pytest.fixture(scope="module")
def local_result():
    return analyze_and_group(documents(), get_engine("local"))


def test_local_engine_analyses_groups_and_reports_problems(local_result) -> None:
    analyses, problems, stories = local_result
    assert [a.id for a in analyses] == ["quake-1", "quake-2", "vote-1"]
    assert {p.path for p in problems} == {"broken.txt", "again.txt", "empty.txt"}
    assert sorted(sorted(s.article_ids) for s in stories) == [["quake-1", "quake-2"], ["vote-1"]]


def test_dask_cluster_of_two_workers_gives_the_single_process_result(local_result) -> None:
    engine = get_engine("dask", workers=2, processes=False, batch_size=1)
    try:
        assert len(engine.client.scheduler_info()["workers"]) == 2
        result = analyze_and_group(documents(), engine)
    finally:
        engine.close()
    assert result == local_result


def test_grouping_in_runs_on_the_workers_gives_the_one_pass_stories(local_result) -> None:
    """Two runs (one per day here: the quake crosses the cut), grouped on two dask workers and
    on two local worker processes, then stitched: the stories of one pass in one process."""
    from storyfuse.engines import LocalEngine

    analyses, _, stories = local_result
    dask = get_engine("dask", workers=2, processes=False)
    try:
        assert dask.group(analyses, runs=2) == stories
    finally:
        dask.close()
    with LocalEngine(workers=2) as local:
        assert local.group(analyses, runs=2) == stories
        assert local._pool is not None  # the runs went to the workers


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("spark")


def test_dask_workers_read_the_pages_as_this_process_does(tmp_path, monkeypatch) -> None:
    """A cluster reached by its address (as a remote one is) reads the HTML pages on its
    workers when they see the files; the documents equal those read here, relative paths as
    given included, and a page in the encoding ``--encoding`` names is read in it there."""
    import shutil
    from pathlib import Path

    from dask.distributed import LocalCluster, get_task_stream

    from storyfuse import ingest
    from storyfuse.engines import dask_engine

    page = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "article.html"
    (tmp_path / "pages").mkdir()
    for n in range(5):
        shutil.copy(page, tmp_path / "pages" / f"p{n}.html")
    (tmp_path / "pages" / "notes.txt").write_text("A short note on the pages.\n")
    legacy = page.read_text(encoding="utf-8").replace('charset="utf-8"', "")
    (tmp_path / "pages" / "p5.html").write_bytes(legacy.replace("Okafor", "Okaföre").encode("cp1252"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(dask_engine, "READ_CHUNK", 2)
    alone = list(ingest.read(["pages"]))
    alone_cp1252 = list(ingest.read(["pages"], encoding="cp1252"))
    with LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        engine = get_engine("dask", scheduler=cluster.scheduler_address)
        try:
            with get_task_stream(engine.client) as tasks:
                read = list(ingest.read(["pages"], read_many=engine.read_files))
            read_cp1252 = list(
                ingest.read(["pages"], read_many=engine.read_files, encoding="cp1252")
            )
            # a file no worker can find (this process cannot either) is read here
            missing = engine.read_files(["gone/a.html", "gone/b.html", "gone/c.html"])
        finally:
            engine.close()
    assert read == alone
    assert read_cp1252 == alone_cp1252
    assert isinstance(read[-1], Problem) and "Okaföre" in read_cp1252[-1].body  # type: ignore[union-attr]
    assert [d.path for d in read][:2] == ["pages/notes.txt", "pages/p0.html"]
    assert sum(t["key"].startswith("read_at") for t in tasks.data) == 3  # 6 pages, chunks of 2
    assert [type(items[0]).__name__ for items in missing] == ["Problem"] * 3
