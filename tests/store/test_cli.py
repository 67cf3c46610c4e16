import json
from pathlib import Path

from storyfuse.cli import main

ARTICLES = {
    "quake-1.txt": "Quake injures 14 in Pellora\n\nA magnitude 6.1 earthquake struck near the "
    "coastal city of Pellora on Tuesday, damaging dozens of buildings. Governor Ana Ruiz said "
    "14 people were injured and schools would stay closed while engineers inspect them.",
    "quake-2.txt": "Pellora schools checked after quake\n\nEngineers inspected schools in "
    "Pellora on Wednesday after Tuesday's magnitude 6.1 earthquake injured 14 people. Governor "
    "Ana Ruiz said most buildings were safe.",
}


def _news(tmp_path: Path) -> tuple[Path, str]:
    """A folder of the two articles, and the URL of a database to ingest them into."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder, f"sqlite:///{tmp_path / 'news.db'}"


def test_ingest_stories_and_brief_from_a_database(tmp_path: Path, capsys) -> None:
    folder, db = _news(tmp_path)
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert "added 2" in capsys.readouterr().out
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert "unchanged 2" in capsys.readouterr().out
    assert main(["stories", "--db", db]) == 0
    listing = capsys.readouterr().out.strip().splitlines()
    assert len(listing) == 1 and "2 articles" in listing[0]
    story_id = listing[0].split("\t")[0]
    assert main(["brief", story_id, "--db", db, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["stories"]] == [story_id]
    assert main(["brief", "no-such-story", "--db", db]) == 1
    assert "no story" in capsys.readouterr().err
    # a report that sorts first joins: the story is named after it, the old id still leads there
    (folder / "quake-0.txt").write_text(
        "Quake damages buildings in Pellora\n\nA magnitude 6.1 earthquake struck near the "
        "coastal city of Pellora on Tuesday. Governor Ana Ruiz said 14 people were injured.",
        encoding="utf-8",
    )
    assert main(["ingest", str(folder), "--db", db]) == 0
    capsys.readouterr()
    assert main(["brief", story_id, "--db", db, "--format", "json"]) == 0
    shown = capsys.readouterr()
    story = json.loads(shown.out)["stories"][0]
    assert story["id"] != story_id and story["article_ids"][0] == "quake-0"
    assert f"story {story_id} is now part of story {story['id']}" in shown.err


def test_ingest_with_worker_processes_equals_one_process(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    topics = [
        ("Flood closes the river bridge in Pellora\n\nThe river bridge in Pellora closed on Monday "
        "after floods, mayor Ana Ruiz said. About {n} homes lost power, officials said."),
        ("Varnik chess club wins national title\n\nThe Varnik chess club won the national team "
        "title on Saturday, captain Ivo Brandt said, after {n} games over three days."),
        ("Osterby bakery strike enters second week\n\nBakers at the Osterby plant stayed out for "
        "a second week, union leader Mara Quist said; {n} workers have joined the strike."),
    ]
    for i in range(40):  # two batches, analysed at once by two workers
        text = topics[i % len(topics)].format(n=100 + i)
        (folder / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    listings = []
    for name, extra in (("one", []), ("two", ["--workers", "2"])):
        db = f"sqlite:///{tmp_path / (name + '.db')}"
        assert main(["ingest", str(folder), "--db", db, *extra]) == 0
        assert "added 40" in capsys.readouterr().out
        assert main(["stories", "--db", db]) == 0
        listings.append(sorted(capsys.readouterr().out.splitlines()))
    assert listings[0] == listings[1] and len(listings[0]) == 3


def test_story_listing_counts_in_the_singular_for_one(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    name, text = next(iter(ARTICLES.items()))
    (folder / name).write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'one.db'}"
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert "1 story changed, 1 in all" in capsys.readouterr().out
    assert main(["stories", "--db", db]) == 0
    assert "\t1 article, outlet unknown\t" in capsys.readouterr().out  # the text names none


def test_a_reader_that_goes_away_ends_the_listing_quietly(tmp_path: Path, capsys, monkeypatch) -> None:
    """`storyfuse stories | head -1`: standard output is a pipe whose reader has closed. The
    command stops with 141, as a Unix tool killed by SIGPIPE does, and says nothing."""
    import os
    import sys

    folder, db = _news(tmp_path)
    assert main(["ingest", str(folder), "--db", db]) == 0
    capsys.readouterr()
    read_end, write_end = os.pipe()
    os.close(read_end)
    with open(write_end, "w", buffering=1, closefd=True) as pipe:
        monkeypatch.setattr(sys, "stdout", pipe)
        assert main(["stories", "--db", db]) == 141
        monkeypatch.undo()
    assert "Broken pipe" not in capsys.readouterr().err


def test_ingest_keeping_recent_stories_in_memory(tmp_path: Path, capsys) -> None:
    """``--keep-days`` changes what the index holds, not what is stored: the same stories."""
    folder, db = _news(tmp_path)
    assert main(["ingest", str(folder), "--db", db, "--keep-days", "3"]) == 0
    assert "added 2" in capsys.readouterr().out
    assert main(["stories", "--db", db]) == 0
    assert "2 articles" in capsys.readouterr().out


def test_ingest_counts_as_changed_only_stories_that_are_still_there(
    tmp_path: Path, capsys
) -> None:
    """A story is named after the report that sorts first: one that a later batch brings in
    renames the story, and the name the first batch gave it is no longer there to count."""
    later, first = tmp_path / "later", tmp_path / "first"
    for folder, names in ((later, [f"m{i:02d}" for i in range(32)]), (first, ["a00"])):
        folder.mkdir()
        for i, name in enumerate(names):
            text = (
                f"Flood closes the river bridge in Pellora\n\nThe river bridge in Pellora "
                f"closed on Monday after floods, mayor Ana Ruiz said. About {100 + i} homes "
                "lost power, officials said."
            )
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'flood.db'}"
    # the 32 reports of the first folder given fill the first batch
    assert main(["ingest", str(later), str(first), "--db", db]) == 0
    assert "added 33, updated 0, unchanged 0 articles; 1 story changed, 1 in all" in (
        capsys.readouterr().out
    )


def test_an_ingest_of_many_batches_repairs_its_stories_once_after_the_last(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """Each batch of a first ingest brings more than the share of new articles that calls for
    the periodic repair (a regrouping from scratch): it runs once, after the last batch."""
    from storyfuse.store import db

    calls = []
    real = db.repaired

    def counted(index):
        calls.append(len(index))
        return real(index)

    monkeypatch.setattr(db, "repaired", counted)
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(70):  # three batches of at most 32
        topic = ("river bridge in Pellora", "chess club of Varnik")[i % 2]
        (folder / f"{i:02d}.txt").write_text(
            f"News of the {topic}, report {i}\n\nThe {topic} was in the news on Monday, "
            f"mayor Ana Ruiz said of the {topic}. About {100 + i} people came.",
            encoding="utf-8",
        )
    db_url = f"sqlite:///{tmp_path / 'news.db'}"
    assert main(["ingest", str(folder), "--db", db_url, "--workers", "1"]) == 0
    assert "added 70" in capsys.readouterr().out
    assert calls == [70]
