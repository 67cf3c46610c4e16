"""The command line as a user meets it: mistakes in arguments, databases and inputs give one
clear line on stderr and a meaningful exit code, never a traceback or silent loss."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyfuse.cli import main
from storyfuse.model import Problem


def test_listing_a_database_that_does_not_exist_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo.db"
    for args in (["stories", "--db", str(missing)],
                 ["brief", "s123", "--db", f"sqlite:///{missing}"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert "typo.db" in err and "no database" in err
        assert len(err.strip().splitlines()) == 1
    assert not missing.exists()


@pytest.mark.parametrize("url", ["foo://bar", "mysql://u@h/db", "postgresql://u@h:notaport/db"])
def test_a_database_url_that_cannot_be_used_is_one_line(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["stories", "--db", url])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("storyfuse: ") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "x.txt", "--workers", "-3"],
        ["ingest", "x.txt", "--workers", "0"],
        ["ingest", "x.txt", "--keep-days", "0"],
        ["stories", "--limit", "-1"],
    ],
)
def test_impossible_counts_are_refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert "must be" in capsys.readouterr().err


def test_an_untitled_story_is_listed_as_untitled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyfuse.store import Store, StorySummary

    db = tmp_path / "news.db"
    Store.open(str(db)).close()
    untitled = StorySummary(
        id="s1", title=None, articles=1, sources=1,
        first_published="2025-03-11", last_published="2025-03-11", outlets=(),
    )
    monkeypatch.setattr(Store, "stories", lambda self, limit=None, offset=0: [untitled])
    assert main(["stories", "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.endswith("(untitled)") and "None" not in line


def test_each_skipped_input_is_one_printable_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyfuse import pipeline
    from storyfuse.model import Brief

    problems = [
        Problem("in/odd\nname\x1b[2J.txt", "could not be read (ValueError: bad\nthing)"),
        Problem("in/b.txt", "the file is empty"),
    ]
    monkeypatch.setattr(
        pipeline,
        "analyze",
        lambda paths, encoding=None, outlet=None, progress=None: Brief(articles=(), stories=(), errors=tuple(problems)),
    )
    assert main(["analyze", "in", "-f", "json"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3, lines  # two skipped inputs, then "no article could be analysed"
    assert all(line.isprintable() for line in lines)
    assert "odd" in lines[0] and "bad" in lines[0] and "b.txt" in lines[1]


def test_an_output_that_is_a_folder_is_refused_before_the_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyfuse import pipeline

    def analyze(paths: list[str]) -> None:
        raise AssertionError("analysed although the report could not be written")

    monkeypatch.setattr(pipeline, "analyze", analyze)
    assert main(["analyze", "in", "-o", str(tmp_path / "a.md"), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "folder" in err


def test_an_interrupted_ingest_says_what_it_stored_and_the_same_command_continues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyfuse.engines
    from storyfuse.engines.base import BATCH_SIZE

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(BATCH_SIZE + 3):
        (folder / f"a{n:03d}.txt").write_text(
            f"The council of town number {n} approved its budget on Tuesday after a long "
            "debate, the mayor said.\n"
        )
    real = storyfuse.engines.get_engine

    def interrupted_engine(name: str = "local", **options: object) -> object:
        engine = real(name, **options)
        calls = {"n": 0}
        start = engine.start

        def start_then_stop(documents: list) -> object:
            calls["n"] += 1
            if calls["n"] > 1:  # Ctrl-C while the second batch is analysed

                def interrupted() -> object:
                    raise KeyboardInterrupt

                return interrupted
            return start(documents)

        engine.start = start_then_stop  # type: ignore[method-assign]
        return engine

    monkeypatch.setattr(storyfuse.engines, "get_engine", interrupted_engine)
    monkeypatch.setenv("STORYFUSE_WORKERS", "1")  # one batch per call: the second is stopped
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(folder), "--db", db]) == 130
    captured = capsys.readouterr()
    assert f"added {BATCH_SIZE}" in captured.out + captured.err
    assert "interrupted" in captured.err
    monkeypatch.setattr(storyfuse.engines, "get_engine", real)
    assert main(["ingest", str(folder), "--db", db]) == 0
    assert f"added 3, updated 0, unchanged {BATCH_SIZE}" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"hello, this is an article\n", b"SQLite format 3\x00" + b"\x07" * 5000])
@pytest.mark.parametrize("command", ["stories", "ingest"])
def test_a_file_that_is_not_a_database_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, command: str
) -> None:
    db = tmp_path / "brief.json"
    db.write_bytes(content)
    article = tmp_path / "a.txt"
    article.write_text("The council approved its budget on Tuesday.\n")
    args = ["stories", "--db", str(db)] if command == "stories" else [
        "ingest", str(article), "--db", str(db)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("storyfuse: ") and "brief.json" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert db.read_bytes() == content  # left as it was


def test_a_multi_line_message_is_one_line_without_escaped_tabs(
    capsys: pytest.CaptureFixture[str]
) -> None:
    from storyfuse.cli import _say

    assert _say("connection refused\n\tIs the server running?") == (
        "connection refused Is the server running?"
    )


def test_a_database_password_is_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", "postgresql://reporter:s3cret@127.0.0.1:1/news"]) == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and "reporter" in err
    # a password written URL-encoded ("s3cr%40t" for "s3cr@t") is hidden too
    assert main(["stories", "--db", "postgresql://reporter:s3cr%40t@127.0.0.1:1/news"]) == 2
    err = capsys.readouterr().err
    assert "s3cr" not in err and "reporter" in err


def test_libraries_that_set_their_own_log_level_stay_quiet_without_verbose(
    tmp_path: Path,
) -> None:
    """dask's distributed sets its loggers to INFO: 30 lines of cluster chatter buried the
    one-line problem reports of `ingest --engine dask`."""
    import subprocess
    import sys

    code = (
        "import logging, sys\n"
        "from storyfuse.cli import main\n"
        "main(sys.argv[1:])\n"
        "chatty = logging.getLogger('distributed.scheduler')\n"
        "chatty.setLevel(logging.INFO)\n"
        "chatty.info('cluster chatter')\n"
        "chatty.warning('a real warning')\n"
    )
    db = str(tmp_path / "x.db")
    for verbose, shown in (([], False), (["-v"], True)):
        done = subprocess.run(
            [sys.executable, "-c", code, *verbose, "stories", "--db", db],
            capture_output=True, text=True, timeout=120, check=False,
        )
        assert ("cluster chatter" in done.stderr) is shown, done.stderr
        assert "a real warning" in done.stderr


@pytest.mark.parametrize(
    "options",
    [["--scheduler", "tcp://10.0.0.5:8786"], ["--engine", "dask", "--workers", "4"]],
)
def test_engine_options_of_the_other_engine_are_refused_not_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    db = tmp_path / "x.db"
    assert main(["ingest", str(tmp_path), "--db", str(db), *options]) == 2
    assert "--engine" in capsys.readouterr().err
    assert not db.exists()


def test_another_file_under_a_stored_id_is_kept_as_an_article_of_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two folders' index.txt ingested one after the other share the id "index": the second
    is stored beside the first under an id of its own, which is said; ingesting either again
    changes nothing, and an edited file is an update of its own article."""
    from storyfuse.store import Store

    texts = {"a": "The harbour bridge reopened on Thursday after repairs.",
             "b": "The railway strike ended on Friday after a new pay offer."}
    for folder, text in texts.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text + "\n")
    db = str(tmp_path / "news.db")
    first, second = str(tmp_path / "a" / "index.txt"), str(tmp_path / "b" / "index.txt")
    assert main(["ingest", first, "--db", db]) == 0
    capsys.readouterr()
    assert main(["ingest", second, "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "added 1, updated 0" in out and "1 article got an id of its own" in err
    with Store.open(db) as store:
        texts_by_id = {i: a.article.text for i, a in store.analyses(
            [r.id for r in store.articles()]).items()}
    assert len(texts_by_id) == 2 and texts_by_id["index"].startswith("The harbour bridge")
    for path in (first, second, tmp_path):
        assert main(["ingest", str(path), "--db", db]) == 0
        out, err = capsys.readouterr()
        assert "added 0, updated 0" in out and "id of its own" not in err, (path, out, err)
    (tmp_path / "b" / "index.txt").write_text("The railway strike ended on Friday.\n")
    assert main(["ingest", second, "--db", db]) == 0
    assert "added 0, updated 1, unchanged 0" in capsys.readouterr().out
    with Store.open(db) as store:
        assert len(store.articles()) == 2
        assert store.analyses(["index"])["index"].article.text.startswith("The harbour bridge")


def test_two_exports_numbering_from_one_are_all_ingested_in_one_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = {
        "may.jsonl": ["The harbour bridge in Velmont reopened on Thursday after repairs.",
                      "Train drivers in Velmont ended their strike on Friday."],
        "june.jsonl": ["The Velmont city council approved a new budget on Monday.",
                       "Velmont's museum opened a new wing on Tuesday."],
    }
    for name, texts in rows.items():
        (tmp_path / name).write_text("".join(
            json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts, start=1)))
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "added 4" in out and "duplicate" not in err
    assert main(["ingest", str(tmp_path), "--db", db]) == 0
    assert "added 0, updated 0, unchanged 4" in capsys.readouterr().out


def test_articles_analysed_by_an_older_storyfuse_are_refreshed_with_reanalyze(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unchanged file is not analysed again, so an article an older storyfuse analysed
    keeps its old results: ingest says so, and --reanalyze analyses it again."""
    import sqlalchemy as sa

    from storyfuse import model
    from storyfuse.store import Store

    (tmp_path / "bridge.txt").write_text(
        "The harbour bridge in Velmont reopened on Thursday after eight months of repairs.\n"
    )
    (tmp_path / "strike.txt").write_text(
        "Train drivers in Velmont ended their strike on Friday after a new pay offer.\n"
    )
    db = str(tmp_path / "news.db")
    monkeypatch.setattr(model, "ANALYSIS_VERSION", model.ANALYSIS_VERSION - 1)
    assert main(["ingest", str(tmp_path / "bridge.txt"), "--db", db]) == 0
    monkeypatch.undo()
    with Store.open(db) as store, store.engine.begin() as conn:  # what the older one made
        conn.execute(sa.text("UPDATE articles SET title = 'Old title' WHERE id = 'bridge'"))
    assert main(["ingest", str(tmp_path / "strike.txt"), "--db", db]) == 0
    capsys.readouterr()

    assert main(["ingest", str(tmp_path), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "added 0, updated 0, unchanged 2" in out
    assert (
        "1 article was analysed by an older storyfuse; run again with --reanalyze to refresh it"
        in err
    )
    with Store.open(db) as store:
        assert [a.title for a in store.articles() if a.id == "bridge"] == ["Old title"]

    assert main(["ingest", str(tmp_path), "--db", db, "--reanalyze"]) == 0
    out, err = capsys.readouterr()
    assert "added 0, updated 0, unchanged 1, refreshed 1" in out and "older" not in err
    with Store.open(db) as store:
        assert [a.title for a in store.articles() if a.id == "bridge"] != ["Old title"]
        assert store.outdated(["bridge", "strike"]) == []
        assert len(store.versions("bridge")) == 1

    assert main(["ingest", str(tmp_path), "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "unchanged 2" in out and "older" not in err


def test_an_id_another_writer_stored_meanwhile_is_still_kept_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store decides the ids when it writes: an article another process stored under the
    same id after this ingest looked (here: ids not looked up at all) is still kept apart."""
    from storyfuse.store import Store

    for folder, text in (("a", "The harbour bridge reopened on Thursday after repairs."),
                         ("b", "The railway strike ended on Friday after a new pay offer.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(text + "\n")
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(tmp_path / "a" / "index.txt"), "--db", db]) == 0
    monkeypatch.setattr(Store, "identify", lambda self, items: list(items))
    second = str(tmp_path / "b" / "index.txt")
    assert main(["ingest", second, "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "added 1, updated 0" in out.splitlines()[-1]
    assert "1 article got an id of its own" in err and second in err


def test_serving_a_database_file_that_does_not_exist_says_so_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyfuse.web.server

    served: list[str | None] = []
    monkeypatch.setattr(storyfuse.web.server, "run", lambda db, **_: served.append(db) or 0)
    missing = tmp_path / "typo.db"
    for args in (["serve", str(missing)], ["serve", "--db", f"sqlite:///{missing}"]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert "typo.db" in err and "no database" in err
    assert not missing.exists() and served == []
    # An existing database, and the default one of the working folder, are served.
    existing = tmp_path / "news.db"
    from storyfuse.store import Store

    Store.open(str(existing)).close()
    monkeypatch.chdir(tmp_path)
    assert main(["serve", str(existing)]) == 0
    assert main(["serve"]) == 0
    assert served == [str(existing), None]
    assert "new" in capsys.readouterr().err  # the default database is about to be created


def test_a_bad_worker_count_in_the_environment_creates_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYFUSE_WORKERS", "abc")
    db = tmp_path / "new.db"
    assert main(["ingest", str(tmp_path), "--db", str(db)]) == 2
    assert "STORYFUSE_WORKERS" in capsys.readouterr().err
    assert not db.exists()


def test_the_story_list_counts_copies_and_outlets_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyfuse.store import Store, StorySummary

    db = tmp_path / "news.db"
    Store.open(str(db)).close()
    story = StorySummary(
        id="s1", title="Harbour bridge reopens", articles=4, sources=3,
        first_published="2025-03-11", last_published="2025-03-12",
        outlets=("The Harbour Gazette", "Valley Post"),
    )
    monkeypatch.setattr(Store, "stories", lambda self, limit=None, offset=0: [story])
    assert main(["stories", "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip()
    assert "\t4 articles (1 copy), 2 outlets\t" in line
    story = replace(story, outlets=())
    assert main(["stories", "--db", str(db)]) == 0
    assert "\t4 articles (1 copy), outlet unknown\t" in capsys.readouterr().out


GERMAN = (
    "Der Stadtrat von Harwick teilte am Freitag mit, dass die Brücke über den Tamber bis zum "
    "Winter geschlossen bleibt. Nach Angaben der Verwaltung seien mindestens 1.500 Pendler "
    "betroffen, sagte Bürgermeisterin Ana Ruiz am Donnerstag."
)
ENGLISH = (
    "The Harwick council said on Friday that the bridge over the Tamber will stay closed until "
    "winter. At least 1,500 commuters are affected, Mayor Ana Ruiz said on Thursday."
)


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_an_article_in_another_language_is_named_on_stderr(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brucke.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "bridge.txt").write_text(ENGLISH, encoding="utf-8")
    args = [command, str(folder)]
    args += ["-o", str(tmp_path / "b.md")] if command == "analyze" else ["--db", str(tmp_path / "s.db")]
    assert main(args) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "not in English" in line]
    expected = (
        f"storyfuse: 1 article not in English ({folder / 'brucke.txt'}: de): kept and grouped by "
        "its sentences; quotes, figures, dates and names are read in English only"
    )
    assert lines == [expected]


def test_ingest_starts_the_next_batches_before_storing_the_last(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workers analyse the next window while the store writes and groups the one before,
    and every batch is still stored, in input order."""
    import storyfuse.engines
    from storyfuse.engines.base import BATCH_SIZE
    from storyfuse.store import Store

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(2 * BATCH_SIZE + 3):
        (folder / f"a{n:03d}.txt").write_text(
            f"The council of town number {n} approved its budget on Tuesday after a long "
            "debate, the mayor said.\n"
        )
    events: list[str] = []
    real = storyfuse.engines.get_engine

    def recording_engine(name: str = "local", **options: object) -> object:
        engine = real(name, **options)
        start = engine.start

        def recorded(documents: list) -> object:
            events.append(f"start {documents[0].id}")
            return start(documents)

        engine.start = recorded  # type: ignore[method-assign]
        return engine

    add = Store.add_analyses

    def recorded_add(self: Store, analyses: list, **options: object) -> object:
        events.append(f"store {analyses[0].id}")
        return add(self, analyses, **options)

    monkeypatch.setattr(storyfuse.engines, "get_engine", recording_engine)
    monkeypatch.setattr(Store, "add_analyses", recorded_add)
    monkeypatch.setenv("STORYFUSE_WORKERS", "1")  # one batch a window
    assert main(["ingest", str(folder), "--db", str(tmp_path / "news.db")]) == 0
    assert f"added {2 * BATCH_SIZE + 3}," in capsys.readouterr().out
    first, second, third = "a000", f"a{BATCH_SIZE:03d}", f"a{2 * BATCH_SIZE:03d}"
    assert events == [
        f"start {first}", f"start {second}", f"store {first}",
        f"start {third}", f"store {second}", f"store {third}",
    ]  # fmt: skip


def test_ingest_shows_how_far_it_has_got_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys
    import threading

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    texts = ["The harbour bridge in Velmont reopened on Thursday after repairs.",
             "Train drivers in Velmont ended their strike on Friday.",
             "The Velmont city council approved a new budget on Monday."]
    (tmp_path / "news.jsonl").write_text(
        "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts, start=1)))
    db = str(tmp_path / "news.db")
    threads = threading.active_count()
    # a log or a pipe gets the summary alone
    assert main(["ingest", str(tmp_path / "news.jsonl"), "--db", db, "--workers", "1"]) == 0
    assert capsys.readouterr().err == ""
    # and no thread of the progress bar is left: a thread running makes the worker pool start
    # through a fork server, whose helpers outlive a killed ingest (tests/robustness)
    assert threading.active_count() == threads
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    other = str(tmp_path / "other.db")
    assert main(["ingest", str(tmp_path / "news.jsonl"), "--db", other, "--workers", "1"]) == 0
    shown = terminal.getvalue()
    assert "storyfuse: ingest" in shown and "/3 " in shown and "articles/s" in shown


def test_analyze_shows_how_far_it_has_got_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    texts = ["The harbour bridge in Velmont reopened on Thursday after repairs.",
             "Train drivers in Velmont ended their strike on Friday."]
    (tmp_path / "news.jsonl").write_text(
        "".join(json.dumps({"id": n, "text": t}) + "\n" for n, t in enumerate(texts, start=1)))
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = tmp_path / "brief.md"
    assert main(["analyze", str(tmp_path / "news.jsonl"), "-o", str(out)]) == 0
    assert "storyfuse: analyze" in terminal.getvalue() and out.read_text().startswith("#")
