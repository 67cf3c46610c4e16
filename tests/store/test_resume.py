"""An interrupted ``storyfuse ingest`` resumes where it stopped: the batches it committed are
not analysed again, and the result equals that of one uninterrupted run.

The equality of stories is checked, not promised in general: a resumed run rebuilds the story
index from the database, where an uninterrupted one keeps it in memory between batches, and
the two can weight terms differently until the next consolidation.
"""

from __future__ import annotations

from pathlib import Path

from tests.robustness.corpus import write_corpus
from tests.robustness.dbcheck import snapshot


def test_resumed_ingest_equals_an_uninterrupted_one(tmp_path: Path, monkeypatch) -> None:
    from storyfuse import cli, pipeline

    # the crash below is staged in this process's analysis, so no worker processes
    monkeypatch.setenv("STORYFUSE_WORKERS", "1")

    src = tmp_path / "articles"
    write_corpus(src, per_topic=17)  # 68 articles: batches of 32, 32 and 4
    assert cli.main(["ingest", str(src), "--db", f"sqlite:///{tmp_path / 'reference.db'}"]) == 0
    reference = snapshot(tmp_path / "reference.db")

    db = tmp_path / "resumed.db"
    real = pipeline.clean_document  # called once per document analysed
    calls = {"n": 0, "crash_at": 40}

    def counted(document):
        calls["n"] += 1
        if calls["n"] == calls["crash_at"]:
            raise KeyboardInterrupt("simulated crash in the second batch")
        return real(document)

    monkeypatch.setattr(pipeline, "clean_document", counted)
    assert cli.main(["ingest", str(src), "--db", f"sqlite:///{db}"]) == 130
    assert len(snapshot(db).articles) == 32  # the first batch, whole

    calls.update(n=0, crash_at=-1)
    assert cli.main(["ingest", str(src), "--db", f"sqlite:///{db}"]) == 0
    assert calls["n"] == 68 - 32  # the stored batch was not analysed again
    result = snapshot(db)
    assert result.integrity == "ok" and not result.problems, result.problems
    assert result.articles == reference.articles
    assert result.versions == reference.versions
    assert result.stories == reference.stories
    assert result.copies == reference.copies
