"""Article identity: an id read from another file never replaces the stored article.

Ids come from file names and JSONL record ids, so a second folder's index.html or a second
export numbering its records from 1 brings an id already stored from another file. Such an
article gets a distinct id of its own (the id and a short hash of its file); re-adding either
file changes nothing, and the same file edited is still a new version of its article.
"""

from __future__ import annotations

from dataclasses import replace

from tests.store.conftest import analysis

from storyfuse.model import Analysis, Document, Problem
from storyfuse.store import Store

HARBOUR = "The harbour bridge in Velmont reopened on Thursday after eight months of repairs."
RAIL = "Train drivers in Velmont ended their strike on Friday after a new pay offer."


def _from(path: str, fmt: str, article_id: str, text: str, content_hash: str) -> Analysis:
    a = analysis(article_id, "2024-05-02", text.split(" on ")[0], text, content_hash=content_hash)
    return replace(a, article=replace(a.article, path=path, format=fmt))


def _doc(path: str, fmt: str, doc_id: str, content_hash: str) -> Document:
    return Document(id=doc_id, path=path, format=fmt, body="text", content_hash=content_hash)


def test_another_file_under_a_stored_id_is_kept_beside_it(db_url: str) -> None:
    first = _from("/site/port/index.html", "html", "index", HARBOUR, "h-port")
    second = _from("/site/rail/index.html", "html", "index", RAIL, "h-rail")
    with Store.open(db_url) as store:
        store.add_analyses([first])
        result = store.add_analyses([second])
        assert result.updated == () and len(result.added) == 1
        new_id = result.added[0]
        assert new_id != "index" and new_id.startswith("index-")
        assert result.renamed == {new_id: "index"}
        # the first file's article is untouched, the second is stored under its own id
        assert store.analyses(["index"])["index"] == first
        assert store.analyses([new_id])[new_id].article.text == RAIL
        assert len(store.versions("index")) == 1
        # adding either file again changes nothing
        revision = store.revision()
        assert store.add_analyses([second]).unchanged == (new_id,)
        assert store.add_analyses([first]).unchanged == ("index",)
        assert store.revision() == revision
        # the second file edited is a new version of its own article
        edited = replace(second, article=replace(second.article, content_hash="h-rail-2"))
        result = store.add_analyses([edited])
        assert result.updated == (new_id,) and result.renamed == {new_id: "index"}
        assert [v.content_hash for v in store.versions(new_id)] == ["h-rail", "h-rail-2"]
        assert store.analyses(["index"])["index"] == first


def test_the_distinct_id_does_not_depend_on_the_order_of_runs(db_url: str, tmp_path) -> None:
    """The distinct id comes from the file alone: the same two files give the same ids in
    another database whichever order they are added in (first come keeps the plain id)."""
    first = _from("/site/port/index.html", "html", "index", HARBOUR, "h-port")
    second = _from("/site/rail/index.html", "html", "index", RAIL, "h-rail")
    with Store.open(db_url) as store:
        one = store.add_analyses([first, second])  # one batch
    assert one.added[0] == "index" and one.added[1].startswith("index-")
    with Store.open(f"sqlite:///{tmp_path / 'other.db'}") as other:
        other.add_analyses([first])
        assert other.add_analyses([second]).added == (one.added[1],)


def test_the_same_file_edited_is_still_an_update(db_url: str) -> None:
    first = _from("/site/port/index.html", "html", "index", HARBOUR, "h-port")
    with Store.open(db_url) as store:
        store.add_analyses([first])
        edited = replace(first, article=replace(first.article, content_hash="h-port-2"))
        result = store.add_analyses([edited])
        assert result.updated == ("index",) and result.renamed == {}


def test_a_file_moved_with_its_content_unchanged_stays_the_same_article(db_url: str) -> None:
    first = _from("/site/port/index.html", "html", "index", HARBOUR, "h-port")
    moved = replace(first, article=replace(first.article, path="/archive/port/index.html"))
    with Store.open(db_url) as store:
        store.add_analyses([first])
        result = store.add_analyses([moved])
        assert result.unchanged == ("index",) and result.added == ()
        assert [a.id for a in store.articles()] == ["index"]


def test_two_exports_numbering_from_one_keep_all_their_records(db_url: str) -> None:
    may = [
        _from("/exports/may.jsonl:1", "jsonl", "1", HARBOUR, "may-1"),
        _from("/exports/may.jsonl:2", "jsonl", "2", RAIL, "may-2"),
    ]
    june = [
        _from("/exports/june.jsonl:1", "jsonl", "1", RAIL + " Services resume.", "june-1"),
        _from("/exports/june.jsonl:2", "jsonl", "2", HARBOUR + " Tolls rise.", "june-2"),
    ]
    with Store.open(db_url) as store:
        store.add_analyses(may)
        result = store.add_analyses(june)
        assert len(result.added) == 2 and result.updated == ()
        assert len(store.articles()) == 4
        assert store.add_analyses(june).unchanged == result.added
        assert store.add_analyses(may).unchanged == ("1", "2")


def test_identify_gives_documents_the_ids_the_store_will_keep(db_url: str) -> None:
    """Before analysis: a document from another file under a stored id gets its distinct id,
    in the same batch as across batches; one from the stored article's own file keeps it."""
    with Store.open(db_url) as store:
        store.add_analyses([_from("/exports/may.jsonl:1", "jsonl", "1", HARBOUR, "may-1")])
        problem = Problem("/exports/bad.jsonl:3", "line 3 is not valid JSON")
        items = [
            _doc("/exports/may.jsonl:1", "jsonl", "1", "may-1b"),  # the same record edited
            problem,
            _doc("/exports/june.jsonl:1", "jsonl", "1", "june-1"),  # another export's "1"
            _doc("/exports/june.jsonl:2", "jsonl", "2", "june-2"),
            _doc("/exports/july.jsonl:2", "jsonl", "2", "july-2"),  # collides in the batch
            _doc("/exports/july.jsonl:7", "jsonl", "1", "may-1b"),  # same content as may's
        ]
        out = store.identify(items)
        assert out[1] is problem
        ids = [d.id for d in out if isinstance(d, Document)]
        assert ids[0] == "1" and ids[2] == "2" and ids[4] == "1"
        assert ids[1].startswith("1-") and ids[3].startswith("2-")
        assert len(set(ids[:4])) == 4
        # what identify gave is what add_analyses keeps
        done = [
            _from(d.path, d.format, d.id, HARBOUR, d.content_hash)
            for d in out[2:5]
            if isinstance(d, Document)
        ]
        assert sorted(store.add_analyses(done).added) == sorted(ids[1:4])


def test_a_one_article_file_keeps_its_article_whatever_id_it_is_read_under(
    db_url: str,
) -> None:
    """ingest.read names the second of two same-named files after its folder ("rail-index")
    when both are read in one run: the file's stored article is still found by its file."""
    rail = _from("/site/rail/index.html", "html", "index", RAIL, "h-rail")
    with Store.open(db_url) as store:
        store.add_analyses([rail])
        renamed = replace(rail, article=replace(rail.article, id="rail-index"))
        assert store.add_analyses([renamed]).unchanged == ("index",)
        doc = _doc("/site/rail/index.html", "html", "rail-index", "h-rail")
        assert [d.id for d in store.identify([doc]) if isinstance(d, Document)] == ["index"]


def test_the_store_knows_the_one_article_formats_of_ingest() -> None:
    from storyfuse import ingest
    from storyfuse.store import db

    assert set(db.ONE_ARTICLE_FORMATS) == ingest.ONE_ARTICLE_FORMATS


def test_articles_stored_before_sources_were_kept_are_told_apart_by_their_path(
    db_url: str,
) -> None:
    """A database of the schema before sources were kept is migrated with its articles; their
    source comes from their path, so the rules hold for them too."""
    from tests.store.conftest import migrate_to

    first = _from("/site/port/index.html", "html", "index", HARBOUR, "h-port")
    with Store.open(db_url) as store:
        store.add_analyses([first])
        migrate_to(store, "0002")
    with Store.open(db_url) as store:
        assert store.analyses(["index"])["index"] == first
        other = _from("/site/rail/index.html", "html", "index", RAIL, "h-rail")
        assert store.add_analyses([other]).added[0].startswith("index-")
        edited = replace(first, article=replace(first.article, content_hash="h-port-2"))
        assert store.add_analyses([edited]).updated == ("index",)
