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
            published="2024-05-14",
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


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("spark")
