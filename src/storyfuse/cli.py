"""The command line: parses arguments, calls the pipeline or the store, prints results.

Errors a user can act on become a one-line message and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import select
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyfuse.engines.base import Analysed
    from storyfuse.model import Analysis, Document, Problem
    from storyfuse.store import Store

FORMATS = ("json", "md", "html")


def _write(text: str, output: str | None) -> None:
    if output:
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _say(text: str) -> str:
    """One printable line: line breaks and control characters in a file name or a library's
    message must not break the one-line-per-problem report (nor drive the terminal)."""
    text = re.sub(r"\s*[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+\s*", " ", text)
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class _Notices(logging.Formatter):
    """storyfuse's own warnings read as its problem reports do ("storyfuse: FILE: ..."); other
    records (other libraries', and the progress notes --verbose shows) keep the level and the
    logger's name."""

    def format(self, record: logging.LogRecord) -> str:
        if record.name.startswith("storyfuse") and record.levelno == logging.WARNING:
            return f"storyfuse: {_say(record.getMessage())}"
        return super().format(record)


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(f"storyfuse: skipped {_say(problem.path)}: {_say(problem.error)}", file=sys.stderr)


def _report_languages(analyses: Sequence[Analysis]) -> None:
    """One line naming the articles in another language than English, which storyfuse keeps
    and groups but does not read for quotes, figures, dates or names."""
    from storyfuse.model import reads_english

    other = [a.article for a in analyses if not reads_english(a.article.language)]
    if not other:
        return
    shown = "; ".join(f"{_say(a.path)}: {a.language}" for a in other[:3])
    shown += "; ..." if len(other) > 3 else ""
    whose = "its" if len(other) == 1 else "their"
    print(
        f"storyfuse: {_count(len(other), 'article')} not in English ({shown}): kept and grouped "
        f"by {whose} sentences; quotes, figures, dates and names are read in English only",
        file=sys.stderr,
    )


def cmd_analyze(args: argparse.Namespace) -> int:
    from storyfuse import pipeline, render

    # A report that cannot be written is found before the analysis, not after it.
    for output in args.output or []:
        if Path(output).is_dir():
            raise IsADirectoryError(f"cannot write the report to {output}: it is a folder")
    bar = _progress_bar("storyfuse: analyze")

    def analysed(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    try:
        brief = pipeline.analyze(
            args.paths, encoding=args.encoding, outlet=args.outlet, progress=analysed
        )
    finally:
        bar.close()
    # One analysis, as many reports as asked for: each -o FILE in the format its suffix names
    # (.json, .md, .html), else in --format.
    for output in args.output or [None]:
        suffix = Path(output).suffix.lstrip(".").lower() if output else ""
        fmt = args.format or (suffix if suffix in FORMATS else "md")
        _write(render.render(brief, fmt), output)
    _report(brief.errors)
    _report_languages(brief.articles)
    if not brief.articles:
        print("storyfuse: no article could be analysed", file=sys.stderr)
        return 1
    return 0


def _progress_bar(label: str, total: int | None = None) -> Any:
    """How far a long run has got, on a terminal only (a log or a pipe gets the summary alone).

    No monitor thread, and a thread's lock, not tqdm's multiprocessing one: a thread running
    would make the worker pool start through a fork server (``pool._can_fork``), whose helper
    processes outlive a killed run and hold its output open."""
    import threading

    from tqdm import tqdm

    tqdm.monitor_interval = 0
    tqdm.set_lock(threading.RLock())
    return tqdm(
        total=total, unit=" articles", file=sys.stderr, disable=None, leave=False, desc=label,
        dynamic_ncols=True,
    )


def cmd_ingest(args: argparse.Namespace) -> int:
    from storyfuse import ingest
    from storyfuse.engines import get_engine
    from storyfuse.engines.base import BATCH_SIZE, batches, prepare
    from storyfuse.model import Document, reads_english

    if args.engine == "local" and not args.workers:
        from storyfuse.engines.pool import requested_workers

        requested_workers()  # a bad STORYFUSE_WORKERS is refused before the database is made
    if args.scheduler and args.engine != "dask":
        raise ValueError("--scheduler names a dask scheduler: give it with --engine dask")
    if args.workers and args.engine != "local":
        raise ValueError("--workers is for --engine local; a dask cluster has its own workers")
    options: dict[str, object] = {"scheduler": args.scheduler} if args.engine == "dask" else {}
    if args.engine == "local" and args.workers:
        options["workers"] = args.workers
    added: list[str] = []
    updated: list[str] = []
    unchanged: list[str] = []
    refreshed: list[str] = []
    older: list[str] = []  # unchanged, analysed by an older storyfuse, not refreshed
    changed: set[str] = set()
    own_ids: list[str] = []  # notes on the articles stored under an id of their own
    other_languages: list[Analysis] = []  # analysed now, not in English
    stored = 0
    interrupted = False
    with _open_store(args.db, retain_days=args.keep_days) as store:
        engine = get_engine(args.engine, **options)
        try:
            # a local pool's workers also read the pages (their HTML extraction)
            read_many = getattr(engine, "read_files", None)
            # the ids the store keeps: an article read from another file under a stored id
            # gets its own, so the stored articles are looked up (and skipped when unchanged)
            items = list(
                ingest.read(
                    args.paths, read_many=read_many, encoding=args.encoding, outlet=args.outlet
                )
            )
            identified = store.identify(items)
            read_as = {
                new.id: old
                for old, new in zip(items, identified, strict=True)
                if isinstance(new, Document) and new is not old
            }
            documents, problems = prepare(identified)
        except BaseException:
            engine.close()
            raise
        # A dask cluster or a local pool analyses several batches at once; each is still
        # committed on its own, in input order.
        window = getattr(engine, "workers", 1) if args.engine == "local" else 8
        progress = _progress_bar("storyfuse: ingest", total=len(documents))

        def commit(todo: list[list[Document]], started: Callable[[], Analysed]) -> None:
            """Store a window's analyses, batch by batch, once they are done."""
            nonlocal stored
            analyses, failed = started()
            problems.extend(failed)
            other_languages.extend(a for a in analyses if not reads_english(a.article.language))
            by_id = {a.id: a for a in analyses}
            for batch in todo:
                done = [by_id[d.id] for d in batch if d.id in by_id]
                if not done:
                    continue
                # repaired once, after the last batch (below), not after every few batches
                result = store.add_analyses(done, refresh=args.reanalyze, repair=False)
                for article_id in result.added:
                    # given its own id before analysis, or by the store (another writer
                    # stored the id meanwhile)
                    read = read_as.get(article_id)
                    if read is not None:
                        own_ids.append(f"{_say(read.path)} is {article_id!r}")
                    elif article_id in result.renamed:
                        path = by_id[result.renamed[article_id]].article.path
                        own_ids.append(f"{_say(path)} is {article_id!r}")
                added.extend(result.added)
                updated.extend(result.updated)
                unchanged.extend(result.unchanged)
                refreshed.extend(result.refreshed)
                changed.update(result.stories)
            stored += len(analyses)
            progress.update(sum(map(len, todo)))

        try:
            # Each batch is committed in its own transaction, so an interrupted ingest keeps
            # the batches it finished. The batches are cut from the whole input before the
            # stored articles are left out, so a restart commits the rest in the same batches
            # as an uninterrupted run would. The workers analyse the next window while this
            # process stores the one before (the store's writes and its grouping would
            # otherwise leave them idle).
            cut = list(batches(documents, BATCH_SIZE))
            pending: tuple[list[list[Document]], Callable[[], Analysed]] | None = None
            for first in range(0, len(cut), window):
                todo: list[list[Document]] = []
                for batch in cut[first : first + window]:
                    known = store.known_hashes([d.id for d in batch])
                    same = [d.id for d in batch if known.get(d.id) == d.content_hash]
                    # an unchanged file is analysed again only to refresh an older analysis
                    stale = set(store.outdated(same))
                    if args.reanalyze:
                        same = [x for x in same if x not in stale]
                    else:
                        older += [x for x in same if x in stale]
                    unchanged += same
                    progress.update(len(same))
                    todo.append([d for d in batch if d.id not in same])
                if not any(todo):
                    continue
                started = engine.start([d for batch in todo for d in batch])
                if pending is not None:
                    commit(*pending)
                pending = (todo, started)
            if pending is not None:
                commit(*pending)
            changed.update(store.repair_if_due())
        except KeyboardInterrupt:
            # The batches committed so far stay; say so, so the user knows a rerun continues.
            interrupted = True
        finally:
            progress.close()
            engine.close()
        now = {story.id for story in store.stories()}
        total = len(now)
        # a story changed by one batch may have been merged into another by a later one
        changed &= now
    _report(problems)
    _report_languages(other_languages)
    if own_ids:
        shown = "; ".join(own_ids[:3]) + ("; ..." if len(own_ids) > 3 else "")
        print(
            f"storyfuse: {_count(len(own_ids), 'article')} got an id of "
            f"{'its' if len(own_ids) == 1 else 'their'} own, as another file's article is "
            f"stored under the id read: {shown}",
            file=sys.stderr,
        )
    if older:
        print(
            f"storyfuse: {_count(len(older), 'article')} "
            f"{'was' if len(older) == 1 else 'were'} analysed by an older storyfuse; run again "
            f"with --reanalyze to refresh {'it' if len(older) == 1 else 'them'}",
            file=sys.stderr,
        )
    counts = f"added {len(added)}, updated {len(updated)}, unchanged {len(unchanged)}"
    if args.reanalyze:
        counts += f", refreshed {len(refreshed)}"
    print(
        f"{counts} articles; "
        f"{_count(len(changed), 'story', 'stories')} changed, {total} in all"
    )
    if interrupted:
        print(
            "storyfuse: interrupted; the articles counted above are stored, the rest are not: "
            "run the same command again to continue",
            file=sys.stderr,
        )
        return 130
    return 0 if stored or unchanged or not problems else 1


DEFAULT_DB = "sqlite:///storyfuse.db"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


class NoDatabase(Exception):
    """A database to read from does not exist (a mistyped path would otherwise create it)."""


def _missing_database(url: str) -> str | None:
    """The SQLite file ``url`` names when that file does not exist (else None).

    A URL that names no usable database is a ValueError (one line, exit code 2).
    """
    import sqlalchemy as sa

    from storyfuse.store.db import normalise_url

    try:
        parsed = sa.engine.make_url(normalise_url(url))
    except sa.exc.ArgumentError as exc:
        raise ValueError(f"cannot read the database URL {url!r}: {exc}") from exc
    except ValueError as exc:  # a port that is not a number
        raise ValueError(f"cannot read the database URL {url!r}: {exc}") from exc
    database = parsed.database or ""
    if (
        parsed.get_backend_name() == "sqlite"
        and database not in ("", ":memory:")
        and not database.startswith("file:")
        and not Path(database).exists()
    ):
        return database
    return None


def _require_database(url: str) -> None:
    """NoDatabase when ``url`` names a SQLite file that is not there (a mistyped path would
    otherwise be created)."""
    missing = _missing_database(url)
    if missing is not None:
        raise NoDatabase(
            f"no database at {missing}; `storyfuse ingest PATH --db {url}` creates one"
        )


def _open_store(url: str, *, existing: bool = False, retain_days: int | None = None) -> Store:
    """The store at ``url``; ``existing``: refuse to create a SQLite file that is not there.

    A URL that names no usable database is a ValueError (one line, exit code 2).
    """
    import sqlalchemy as sa

    from storyfuse.group import GroupConfig
    from storyfuse.store import Store
    from storyfuse.store.db import normalise_url

    if existing:
        _require_database(url)
    parsed = sa.engine.make_url(normalise_url(url))
    # A password in the URL is never printed.
    shown = url if parsed.password is None else parsed.render_as_string(hide_password=True)
    try:
        return Store.open(url, GroupConfig(retain_days=retain_days))
    except (sa.exc.ArgumentError, ImportError) as exc:  # no such dialect, or no driver for it
        raise ValueError(
            f"cannot use the database {shown!r} ({exc}); give a SQLite file or a "
            "postgresql:// URL"
        ) from exc
    except sa.exc.DatabaseError as exc:  # not a database file, or a damaged one
        raise OSError(f"cannot open database {shown}: {exc.orig or exc}") from exc
    except OSError as exc:
        raise OSError(str(exc).replace(url, shown)) from exc


def cmd_stories(args: argparse.Namespace) -> int:
    with _open_store(args.db, existing=True) as store:
        for s in store.stories(limit=args.limit):
            dates = " to ".join(dict.fromkeys(d for d in (s.first_published, s.last_published) if d))
            # copies (wire copy, syndication) are counted apart: they are not more outlets
            copies = s.articles - s.sources
            counts = _count(s.articles, "article") + (
                f" ({_count(copies, 'copy', 'copies')})" if copies else ""
            )
            # an outlet no article names is not counted as none
            counts += f", {_count(len(s.outlets), 'outlet')}" if s.outlets else ", outlet unknown"
            print(f"{s.id}\t{counts}\t{dates or '-'}\t{_say(s.title or '(untitled)')}")
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from storyfuse import render

    with _open_store(args.db, existing=True) as store:
        try:
            brief = store.brief(args.story_id)
        except KeyError as exc:
            now = store.moved(args.story_id)
            if now is None:
                print(f"storyfuse: {exc.args[0]}", file=sys.stderr)
                return 1
            print(
                f"storyfuse: story {args.story_id} is now part of story {now} (new articles "
                "regrouped it); showing that",
                file=sys.stderr,
            )
            brief = store.brief(now)
    _write(render.render(brief, args.format), args.output)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from storyfuse.web import server

    target = args.db or args.database
    if target is None:
        if _missing_database(DEFAULT_DB) is not None:
            print(
                "storyfuse: no database in this folder yet: starting a new one, storyfuse.db "
                "(add articles by upload in the browser, or with `storyfuse ingest PATH`)",
                file=sys.stderr,
            )
    elif not target.lower().endswith(".json"):  # a brief .json is served as it is
        _require_database(target)
    return server.run(
        target, host=args.host, port=args.port, token=args.token,
        max_upload_mb=args.max_upload_mb,
    )


def _at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return parse


def _encoding(name: str) -> str:
    from storyfuse.ingest.decode import known_encoding

    try:
        return known_encoding(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _outlet(name: str) -> str:
    from storyfuse.ingest import given_outlet

    try:
        return given_outlet(name)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


OUTLET_HELP = (
    "the outlet of the inputs whose metadata names none (a page's site name or a JSONL "
    "record's outlet wins), e.g. a folder of one outlet's text files: --outlet 'The Herald'"
)
ENCODING_HELP = (
    "what inputs that are not UTF-8 and declare no charset are written in, e.g. cp1252 "
    "(text saved by Windows tools) or latin-1; without it they are skipped with a message"
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storyfuse",
        description="Turn news articles into cited multi-source story briefs.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    analyze = sub.add_parser("analyze", help="analyse files or folders and print a brief")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help=".txt .html .jsonl .warc feeds")
    analyze.add_argument(
        "--format", "-f", choices=FORMATS, default=None,
        help="output format (default: from each FILE's suffix, else md)",
    )
    analyze.add_argument(
        "--output", "-o", metavar="FILE", action="append",
        help="write here instead of stdout; repeat for several reports from one analysis",
    )
    analyze.add_argument("--encoding", type=_encoding, metavar="NAME", help=ENCODING_HELP)
    analyze.add_argument("--outlet", type=_outlet, metavar="NAME", help=OUTLET_HELP)
    analyze.set_defaults(func=cmd_analyze)

    db_help = "database URL or SQLite file (default: sqlite:///storyfuse.db here)"
    ingest = sub.add_parser("ingest", help="add articles to a database and update its stories")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=".txt .html .jsonl .warc feeds")
    ingest.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=db_help)
    ingest.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where articles are analysed: this machine (default) or a dask cluster",
    )
    ingest.add_argument("--scheduler", metavar="ADDRESS", help="dask scheduler (else a local one)")
    ingest.add_argument(
        "--keep-days", type=_at_least(1), metavar="N", default=None,
        help="for archives larger than memory: hold in memory only the stories active in the "
        "N days before the newest article (older stories stay stored, as they are; an article "
        "dated before that starts a story of its own)",
    )
    ingest.add_argument(
        "--workers", type=_at_least(1), metavar="N", default=None,
        help="local engine: analyse with N worker processes (default: STORYFUSE_WORKERS, else "
        "one per usable core)",
    )
    ingest.add_argument(
        "--reanalyze", action="store_true",
        help="analyse again the unchanged files whose stored articles an older storyfuse "
        "analysed (ingest says how many there are)",
    )
    ingest.add_argument("--encoding", type=_encoding, metavar="NAME", help=ENCODING_HELP)
    ingest.add_argument("--outlet", type=_outlet, metavar="NAME", help=OUTLET_HELP)
    ingest.set_defaults(func=cmd_ingest)

    stories = sub.add_parser("stories", help="list the stories in a database")
    stories.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=db_help)
    stories.add_argument(
        "--limit", type=_at_least(0), metavar="N", default=None, help="at most this many"
    )
    stories.set_defaults(func=cmd_stories)

    brief = sub.add_parser("brief", help="print one story's brief from a database")
    brief.add_argument("story_id", metavar="STORY_ID", help="an id `storyfuse stories` lists")
    brief.add_argument("--db", default=DEFAULT_DB, metavar="URL", help=db_help)
    brief.add_argument("--format", "-f", choices=FORMATS, default="md", help="default: md")
    brief.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    brief.set_defaults(func=cmd_brief)

    serve = sub.add_parser("serve", help="browse, search and compare stories in a web browser")
    serve.add_argument("database", nargs="?", metavar="DB", help="same as --db")
    serve.add_argument("--db", metavar="URL", help="database URL or file, or a brief .json")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", "-p", type=int, default=8001)
    serve.add_argument("--token", help="needed for uploads and deletes (generated off loopback)")
    serve.add_argument("--max-upload-mb", type=float, default=20.0, help="per request (default 20)")
    serve.set_defaults(func=cmd_serve)
    return parser


def _stdout_closed() -> bool:
    """Whether standard output is a pipe whose reader has gone (poll reports an error on it);
    if so, it is pointed at /dev/null so that Python's flush at exit does not report the
    broken pipe again."""
    try:
        fd = sys.stdout.fileno()
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        closed = any(event & select.POLLERR for _, event in poller.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll() here, or no real stdout
        return False
    if closed:
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    return closed


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no model-loading reports
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    args = build_parser().parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level)
    # Some libraries (dask's distributed) set their own loggers to INFO: the terminal's
    # handler filters too, so their chatter does not bury the one-line problem reports.
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)
        handler.setFormatter(_Notices(logging.BASIC_FORMAT))
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError as exc:
        if not _stdout_closed():
            print(f"storyfuse: {_say(str(exc))}", file=sys.stderr)
            return 2
        return 141  # the reader went away ("storyfuse stories | head"): stop, as Unix tools do
    except NoDatabase as exc:
        print(f"storyfuse: {exc}", file=sys.stderr)
        return 1
    except (OSError, ValueError) as exc:
        print(f"storyfuse: {_say(str(exc))}", file=sys.stderr)
        return 2
    except Exception as exc:
        # A database failing part-way (a damaged file, a lost connection) is one line too.
        if not type(exc).__module__.startswith("sqlalchemy"):
            raise
        reason = getattr(exc, "orig", None) or exc
        print(f"storyfuse: database error: {_say(str(reason))}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
