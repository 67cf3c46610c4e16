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


def test_ingest_stories_and_brief_from_a_database(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'news.db'}"
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
