"""The whole chain through the CLI, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
from tests.e2e.conftest import REPO, SEEDS
from tests.helpers import load_schema


def _story_of(brief: dict, article_id: str) -> dict:
    return next(s for s in brief["stories"] if article_id in s["article_ids"])


def test_seeds_brief_validates_against_the_contract(seeds_brief):
    jsonschema.validate(seeds_brief, load_schema())
    ids = {a["id"] for a in seeds_brief["articles"]}
    assert ids == {p.stem for p in SEEDS.glob("*.txt")}
    assert seeds_brief["errors"] == []


def test_bad_inputs_are_reported_and_the_rest_is_analysed(mixed_brief):
    jsonschema.validate(mixed_brief, load_schema())
    # a JSONL line's problem names the file and the line: "truncated.jsonl:2"
    errors = {e["path"].rsplit("/", 1)[-1].split(":")[0]: e["error"] for e in mixed_brief["errors"]}
    for name in ("empty.txt", "binary.txt", "invalid_utf8.txt", "truncated.jsonl"):
        assert name in errors, f"{name} not reported: {errors}"
        assert errors[name].strip(), name
    ids = {a["id"] for a in mixed_brief["articles"]}
    assert "jsonl-ok" in ids  # the good line of the truncated JSONL file
    assert {p.stem for p in SEEDS.glob("*.txt")} <= ids
    assert "unrelated_orchard" in ids


def test_an_unrelated_article_is_its_own_story_and_changes_nothing(seeds_brief, mixed_brief):
    seed_ids = sorted(p.stem for p in SEEDS.glob("*.txt"))
    alone = _story_of(seeds_brief, seed_ids[0])
    mixed = _story_of(mixed_brief, seed_ids[0])
    assert sorted(alone["article_ids"]) == seed_ids
    assert "unrelated_orchard" not in mixed["article_ids"]
    assert "jsonl-ok" not in mixed["article_ids"]
    assert mixed == alone


def test_markdown_and_html_from_the_console_script(tmp_path):
    script = REPO / ".venv" / "bin" / "storyfuse"
    exe = [str(script)] if script.exists() else [sys.executable, "-m", "storyfuse"]
    html = tmp_path / "brief.html"
    result = subprocess.run(
        [*exe, "analyze", str(SEEDS / "003_9794646b25902125.txt"), "--format", "html", "-o", str(html)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "<script" not in page


def test_a_given_date_that_is_no_date_is_one_line_on_stderr(tmp_path):
    script = REPO / ".venv" / "bin" / "storyfuse"
    exe = [str(script)] if script.exists() else [sys.executable, "-m", "storyfuse"]
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "f1", "title": "Ferry returns", "published": "last spring",
                    "text": "The island ferry ran again on Monday after a month in dock."}) + "\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [*exe, "analyze", str(feed), "--format", "json"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "not a day" in line]
    expected = (f'storyfuse: {feed}: the date given on line 1 ("last spring") is not a day; '
                "left out, so the article's own page or text dates it where it can")
    assert said == [expected], result.stderr
    assert json.loads(result.stdout)["articles"][0]["published"] is None


def test_missing_path_is_a_one_line_error(tmp_path, capsys):
    from storyfuse.cli import main

    code = main(["analyze", str(tmp_path / "nope.txt"), "--format", "json"])
    captured = capsys.readouterr()
    assert code != 0
    assert "nope.txt" in captured.err
    assert "Traceback" not in captured.err
    json.loads(captured.out)  # still a valid (empty) brief on stdout


def test_one_analysis_writes_several_reports_by_suffix(tmp_path):
    from storyfuse.cli import main

    outputs = [tmp_path / "b.json", tmp_path / "b.md", tmp_path / "b.html"]
    args = ["analyze", str(SEEDS / "003_9794646b25902125.txt")]
    for out in outputs:
        args += ["-o", str(out)]
    assert main(args) == 0
    json.loads(outputs[0].read_text(encoding="utf-8"))
    assert outputs[1].read_text(encoding="utf-8").startswith("# storyfuse brief")
    assert outputs[2].read_text(encoding="utf-8").startswith("<!doctype html>")


def test_seeds_ingested_in_two_runs_form_the_story_of_one_run(tmp_path, capsys):
    """A database fed two articles and then three holds the stories that one run of all five
    gives: its consolidation groups a small archive again from scratch, so the story does not
    depend on the order the articles came in (grouped online only, the undated fifth report
    stayed a story of its own)."""
    import shutil

    from storyfuse.cli import main

    seeds = sorted(SEEDS.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, files in ((first, seeds[:2]), (second, seeds[2:])):
        folder.mkdir()
        for path in files:
            shutil.copy(path, folder / path.name)
    db = f"sqlite:///{tmp_path / 'news.db'}"
    assert main(["ingest", str(first), "--db", db]) == 0
    assert main(["ingest", str(second), "--db", db]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 1 and "\t5 articles," in listing[0], listing
