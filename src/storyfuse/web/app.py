"""The web app: server-rendered pages over a story catalog, and the same data as JSON under /api.

``create_app(catalog)`` builds the ASGI app; ``storyfuse serve`` runs it with uvicorn.
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
import markupsafe
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyfuse.extract.numbers import written
from storyfuse.ingest import OUTLET_CHARS, given_outlet
from storyfuse.ingest.decode import known_encoding
from storyfuse.web import examples, pages
from storyfuse.web.catalog import Catalog, StoryQuery
from storyfuse.web.examples import example
from storyfuse.web.security import TOKEN_HEADER, BodyLimit, SecurityHeaders, same_origin, token_ok
from storyfuse.web.uploads import ACCEPTED, UploadQueue
from storyfuse.web.views import highlight

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_MAX_UPLOAD = 20_000_000
PAGE_SIZE = 50
MAX_FILES_PER_UPLOAD = 200
# the furthest a list can be paged: beyond any real archive, within every database's integers
MAX_OFFSET = 1_000_000_000
# a date filter: YYYY, YYYY-MM or YYYY-MM-DD (dates compare as text); blank filters nothing
ISO_DATE = r"^\s*(\d{4}(-\d{2}(-\d{2})?)?)?\s*$"
# the longest search: a long quotation pasted whole fits; thousands of words cost the database
# seconds of CPU per request
MAX_QUERY = 1000
SEARCH_HITS = 30  # matches a search page shows at first; "more" adds this many again
MAX_SEARCH_HITS = 500


def _number(value: Any) -> str:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    return written(v)


def _json_attr(value: Any) -> markupsafe.Markup:
    """JSON for a data-* attribute: escaped like any text, so quotes and <, > cannot break out."""
    return markupsafe.escape(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


class StoryMoved(Exception):
    """A story id that regrouping replaced: ``now`` holds the article it was named after."""

    def __init__(self, old: str, now: str) -> None:
        super().__init__(old, now)
        self.old, self.now = old, now


def _path(*parts: str) -> str:
    """A URL path with each part percent-encoded (ids and names come from the data)."""
    return "/" + "/".join(quote(p, safe="") for p in parts)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # article text, titles, names and URLs are all hostile input
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = _number
    env.filters["json_attr"] = _json_attr
    env.globals["path"] = _path
    env.globals["highlight"] = highlight
    return env


class HeadAsGet:
    """Answers HEAD as GET would, without the body: same status and headers (the length of the
    body that GET sends), for link checkers and ``curl -I``. FastAPI routes declared with
    ``@app.get`` answer HEAD with a 405 otherwise."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class _Warmer:
    """Fuses, in one background thread, the briefs a page found not computed yet.

    ``storyfuse ingest`` run while the server is up stores new stories without their brief;
    ``storyfuse serve`` fuses the missing ones only when it starts, so the list would go on
    saying their conflicts are being computed until someone opened each story.
    """

    def __init__(self, warm: Callable[[list[str]], Any]) -> None:
        self._warm = warm
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._failed: set[str] = set()  # not tried again on every listing; opening one retries
        self._thread: threading.Thread | None = None

    def request(self, story_ids: Iterable[str]) -> None:
        with self._lock:
            self._pending.update(set(story_ids) - self._failed)
            if self._pending and self._thread is None:
                self._thread = threading.Thread(target=self._run, name="storyfuse-warm", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                ids = sorted(self._pending)
                self._pending.clear()
                if not ids:
                    self._thread = None
                    return
            for story_id in ids:  # one at a time: a story that fails does not stop the rest
                try:
                    self._warm([story_id])
                except Exception:  # the story page fuses it when asked; the server goes on
                    log.exception("fusing the brief of %s failed", story_id)
                    with self._lock:
                        self._failed.add(story_id)


class _PageCache:
    """Computed story pages, keyed by the catalog's version: reading a story is the hot path."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def peek(self, key: tuple[str, str]) -> Any | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def get(
        self,
        key: tuple[str, str],
        build: Callable[[], Any],
        keep: Callable[[Any], bool] | None = None,
    ) -> Any:
        """The value kept for ``key``, else ``build()``'s, kept unless ``keep`` says no."""
        found = self.peek(key)
        if found is not None:
            return found
        value = build()
        if keep is not None and not keep(value):
            return value
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def create_app(
    catalog: Catalog,
    *,
    token: str | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
    uploads: UploadQueue | None = None,
) -> FastAPI:
    """The app over ``catalog``. With a ``token``, writing needs it (header, bearer or form)."""
    own_queue = uploads is None and catalog.writable
    queue = uploads or (
        UploadQueue(catalog.add, identify=getattr(catalog, "identify", None)) if own_queue else None
    )

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if own_queue and queue is not None:  # a queue passed in is its owner's to close
            queue.close()

    app = FastAPI(
        lifespan=lifespan,
        title="storyfuse",
        summary="Stories from many news articles: what is known, who says so, where sources disagree.",
        version="1",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the OpenAPI document is enough
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    env = _environment()
    cache = _PageCache()
    html_cache = _PageCache(size=256)
    warm = getattr(catalog, "warm", None)
    warmer = _Warmer(warm) if warm is not None else None
    app.state.catalog = catalog
    app.state.uploads = queue
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("title", None)
        html = env.get_template(template).render(
            request=request,
            writable=catalog.writable,
            token_required=token is not None,
            accepted=ACCEPTED,
            max_query=MAX_QUERY,
            max_outlet=OUTLET_CHARS,
            max_upload_mb=max_upload_bytes / 1_000_000,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    def story_data(story_id: str) -> dict[str, Any]:
        data = cache.get((catalog.version(), story_id), lambda: pages.story_page(catalog, story_id))
        if data is None:
            now = catalog.moved(story_id)
            if now is not None:
                raise StoryMoved(story_id, now)
            raise HTTPException(404, f"no story {story_id!r}")
        return data

    def article_data(article_id: str) -> dict[str, Any]:
        data = pages.article_page(catalog, article_id)
        if data is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return data

    def entity_data(name: str) -> dict[str, Any]:
        data = pages.entity_page(catalog, name)
        if data is None:
            raise HTTPException(404, f"no quote, claim or mention of {name!r}")
        return data

    def check_write(request: Request, form_token: str | None = None) -> None:
        if not catalog.writable or queue is None:
            raise HTTPException(405, "this server is read-only")
        if not same_origin(request):
            raise HTTPException(403, "cross-site requests cannot change the database")
        if not token_ok(request, token, form_token):
            raise HTTPException(
                401, "this server needs its token to change the database: send it as the "
                "X-Storyfuse-Token header or the form's token field"
            )

    async def read_upload(request: Request) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
        """The uploaded files, and the options of their reading (``encoding``, ``outlet``)."""
        header_auth = "authorization" in request.headers or TOKEN_HEADER in request.headers
        if token is None or header_auth:
            check_write(request)  # before reading the body
        form = await request.form(max_files=MAX_FILES_PER_UPLOAD, max_fields=20)
        if token is not None and not header_auth:
            form_token = form.get("token")
            check_write(request, form_token if isinstance(form_token, str) else None)
        files = []
        for item in form.getlist("files"):
            if isinstance(item, StarletteUploadFile) and item.filename:
                files.append((item.filename, await item.read()))
        if not files:
            raise HTTPException(400, "no file received: send one or more files in the 'files' field")
        named = form.get("encoding")
        encoding = named.strip() if isinstance(named, str) and named.strip() else None
        if encoding is not None:
            try:
                encoding = known_encoding(encoding)
            except ValueError as exc:
                raise HTTPException(400, f"encoding: {exc}") from None
        given = form.get("outlet")
        outlet = None
        if isinstance(given, str) and given.strip():
            try:
                outlet = given_outlet(given)
            except ValueError as exc:
                raise HTTPException(400, f"outlet: {exc}") from None
        options = {"encoding": encoding, "outlet": outlet}
        return files, {k: v for k, v in options.items() if v is not None}

    # --- errors -----------------------------------------------------------------------------

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": detail}, status_code=exc.status_code)
        return render(request, "error.html", status=exc.status_code, title="Error",
                      status_code=exc.status_code, detail=detail)

    @app.exception_handler(StoryMoved)
    async def story_moved(request: Request, exc: StoryMoved) -> Response:
        # temporary: the old id comes back if its article is again the story's first
        if request.url.path.startswith("/api/"):
            return RedirectResponse(_path("api", "stories", exc.now), status_code=307)
        target = _path("stories", exc.now) + "?" + urlencode({"from": exc.old})
        return RedirectResponse(target, status_code=307)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        # the API answers FastAPI's JSON list of errors; a page says it on the error page
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        detail = "; ".join(
            f"{error['loc'][-1]}: {error['msg']}" if error.get("loc") else str(error["msg"])
            for error in exc.errors()
        )
        return render(request, "error.html", status=422, title="Error", status_code=422,
                      detail=detail)

    # --- pages ------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request,
        q: str | None = Query(None, max_length=MAX_QUERY),
        outlet: str | None = None,
        entity: str | None = None,
        since: str | None = Query(None, pattern=ISO_DATE),
        until: str | None = Query(None, pattern=ISO_DATE),
        page: int = Query(1, ge=1, le=MAX_OFFSET // PAGE_SIZE),
        hits: int = Query(SEARCH_HITS, ge=1, le=MAX_SEARCH_HITS),
    ) -> HTMLResponse:
        # a box left blank or holding only spaces filters nothing
        q, entity, since, until = (
            (v or "").strip() or None for v in (q, entity, since, until)
        )
        query = StoryQuery(
            q=q, outlet=outlet or None, entity=entity, since=since,
            until=until, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
        )

        def build() -> tuple[bytes, bool]:
            rows, total = catalog.stories(query)
            # one match more than shown tells whether there are more
            found = catalog.search(q, limit=hits + 1) if q else []
            params = {k: v for k, v in request.query_params.items() if k != "page" and v}
            more = urlencode({**params, "page": page + 1}) if page * PAGE_SIZE < total else None
            back = urlencode({**params, "page": page - 1}) if page > 1 else None
            first = (page - 1) * PAGE_SIZE + 1
            shown = (first, first + len(rows) - 1) if rows and total > PAGE_SIZE else None
            more_hits = None
            if len(found) > hits and hits < MAX_SEARCH_HITS:
                wider = min(hits + SEARCH_HITS, MAX_SEARCH_HITS)
                more_hits = "/?" + urlencode(
                    {**{k: v for k, v in params.items() if k != "hits"}, "hits": wider}
                )
            body = bytes(render(
                request, "stories.html", title="Search: " + q if q else None, rows=rows,
                total=total, hits=found[:hits], hits_cut=len(found) > hits, more_hits=more_hits,
                query=query, outlets=catalog.outlets(), page=page, more=more, back=back,
                shown=shown, first_page="/?" + urlencode(params) if params else "/",
            ).body)
            unfused = [r.id for r in rows if r.conflicts is None]
            if unfused and warmer is not None:
                warmer.request(unfused)
            return body, bool(unfused)

        # The same list or search, until the database changes, is the same page; one with a
        # story whose brief is still being computed is not kept, since filling in a brief does
        # not change the database's revision and the page would keep saying "conflicts: …".
        key = (catalog.version(), "?" + str(sorted(request.query_params.multi_items())))
        body, _ = html_cache.get(key, build, keep=lambda page: not page[1])
        return HTMLResponse(body)

    @app.get("/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def story_html(
        request: Request,
        story_id: str,
        moved_from: str | None = Query(None, alias="from", max_length=200),
    ) -> HTMLResponse:
        # The most read page: its HTML is kept until the database changes and served from the
        # event loop; only building it (reading, maybe fusing the brief) goes to a thread.
        # Arriving from a replaced id adds a line saying so (checked: the link is not trusted).
        if moved_from and await run_in_threadpool(catalog.moved, moved_from) != story_id:
            moved_from = None
        # the revision is cached for a second; a path holds no "?", so no story id looks alike
        key = (catalog.version(), story_id + (f"?from={moved_from}" if moved_from else ""))
        body = html_cache.peek(key)
        if body is None:

            def build() -> bytes:
                data = story_data(story_id)
                title = data["story"]["title"]
                page = render(request, "story.html", title=title, moved_from=moved_from, **data)
                return bytes(page.body)

            body = await run_in_threadpool(html_cache.get, key, build)
        return HTMLResponse(body)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_html(request: Request, article_id: str) -> HTMLResponse:
        data = article_data(article_id)
        return render(request, "article.html", title=data["meta"]["label"], **data)

    @app.post("/articles/{article_id:path}/delete", include_in_schema=False)
    async def article_delete_form(request: Request, article_id: str) -> Response:
        form = await request.form(max_files=0, max_fields=5)
        form_token = form.get("token")
        check_write(request, form_token if isinstance(form_token, str) else None)
        if not catalog.delete_article(article_id):
            raise HTTPException(404, f"no article {article_id!r}")
        return RedirectResponse("/", status_code=303)

    @app.get("/entities/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_html(request: Request, name: str) -> HTMLResponse:
        data = entity_data(name)
        return render(request, "entity.html", title=name, **data)

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_html(request: Request) -> HTMLResponse:
        return render(request, "upload.html", title="Upload", job=None)

    @app.post("/upload", include_in_schema=False)
    async def upload_form(request: Request) -> Response:
        assert queue is not None
        files, options = await read_upload(request)
        try:
            job = queue.submit(files, **options)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return RedirectResponse(_path("uploads", job.id), status_code=303)

    def job_data(job_id: str) -> dict[str, Any]:
        job = queue.get(job_id) if queue else None
        if job is None:
            raise HTTPException(404, f"no upload {job_id!r}")
        data = job.as_dict()
        titles = catalog.story_titles(job.story_ids) if job.story_ids else {}
        data["stories"] = [{"id": sid, "title": titles.get(sid, sid)} for sid in job.story_ids]
        return data

    @app.get("/uploads/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def upload_status_html(request: Request, job_id: str) -> HTMLResponse:
        return render(request, "upload.html", title="Upload", job=job_data(job_id))

    # --- JSON API ---------------------------------------------------------------------------

    @app.get("/api/stories", tags=["stories"], responses=example(examples.STORIES))
    def api_stories(
        q: str | None = Query(
            None, max_length=MAX_QUERY, description="full-text search over articles, quotes, claims"
        ),
        outlet: str | None = Query(None, description="only stories with an article from this outlet"),
        entity: str | None = Query(None, description="only stories naming this entity"),
        since: str | None = Query(
            None, pattern=ISO_DATE, description="ISO date: stories with an article on or after"
        ),
        until: str | None = Query(
            None, pattern=ISO_DATE, description="ISO date: stories with an article on or before"
        ),
        limit: int = Query(PAGE_SIZE, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """Stories, newest first, with article and outlet counts, date range and conflicts."""
        since, until = ((v or "").strip() or None for v in (since, until))
        query = StoryQuery(q=q, outlet=outlet, entity=entity, since=since, until=until,
                           limit=limit, offset=offset)
        rows, total = catalog.stories(query)
        return {"total": total, "limit": limit, "offset": offset,
                "stories": [r.as_dict() for r in rows]}

    @app.get("/api/stories/{story_id:path}", tags=["stories"], responses=example(examples.STORY))
    def api_story(story_id: str) -> dict[str, Any]:
        """One story: its brief (``story``, as in brief.schema.json), sources, and each cited
        text's links to source sentences (``cites``: article id and sentence index)."""
        data = story_data(story_id)
        return {k: v for k, v in data.items() if k != "charts"} | {"charts": data["charts"]}

    @app.get("/api/articles/{article_id:path}", tags=["articles"], responses=example(examples.ARTICLE))
    def api_article(article_id: str) -> dict[str, Any]:
        """One article as in brief.schema.json (clean text, removed clutter with reasons, spans of
        quotes, claims, times and entities) and the story it belongs to."""
        data = article_data(article_id)
        return {"article": data["article"], "story": data["story"]}

    @app.delete("/api/articles/{article_id:path}", tags=["articles"])
    def api_article_delete(request: Request, article_id: str) -> dict[str, Any]:
        """Remove one article; its story is regrouped. Needs the token when the server has one."""
        check_write(request)
        if not catalog.delete_article(article_id):
            raise HTTPException(404, f"no article {article_id!r}")
        return {"deleted": article_id}

    @app.get("/api/entities/{name:path}", tags=["entities"], responses=example(examples.ENTITY))
    def api_entity(name: str) -> dict[str, Any]:
        """A speaker, claimant or named entity: their quotes and claims across stories, oldest
        first, and the articles that name them."""
        return entity_data(name)

    @app.get("/api/search", tags=["search"], responses=example(examples.SEARCH))
    def api_search(
        q: str = Query(..., min_length=1, max_length=MAX_QUERY, description="words to find"),
        limit: int = Query(50, ge=1, le=500),
    ) -> dict[str, Any]:
        """Full-text search: matching quotes, claims and articles."""
        return {"q": q, "hits": [h.as_dict() for h in catalog.search(q, limit=limit)]}

    @app.get("/api/outlets", tags=["stories"])
    def api_outlets() -> dict[str, Any]:
        return {"outlets": catalog.outlets()}

    upload_body = {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {
                            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                            "token": {"type": "string", "description": "the server's token, if any"},
                            "encoding": {
                                "type": "string",
                                "description": "what files that are not UTF-8 and declare no "
                                "charset are written in, e.g. cp1252 (else they are skipped)",
                            },
                            "outlet": {
                                "type": "string",
                                "description": "the outlet of the files whose metadata names "
                                "none (a page's site name wins)",
                            },
                        },
                    }
                }
            },
        }
    }

    @app.post(
        "/api/uploads", tags=["uploads"], status_code=202, openapi_extra=upload_body,
        responses=example({**examples.UPLOAD, "state": "queued", "done": False}, 202),
    )
    async def api_upload(request: Request) -> dict[str, Any]:
        """Queue files (multipart field ``files``: .txt, .html, .jsonl; optional ``encoding``
        for files that are not UTF-8 and declare no charset, and ``outlet`` for those whose
        metadata names none) for analysis; poll
        ``/api/uploads/{id}`` for progress. Needs the token when the server has one."""
        assert queue is not None or not catalog.writable
        found, options = await read_upload(request)
        try:
            job = queue.submit(found, **options)  # type: ignore[union-attr]
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        return job.as_dict()

    @app.get("/api/uploads/{job_id}", tags=["uploads"], responses=example(examples.UPLOAD))
    def api_upload_status(job_id: str) -> dict[str, Any]:
        """Progress of one upload: state, documents analysed of total, stories touched (id and
        title), errors."""
        return job_data(job_id)

    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # outermost: every response carries the headers
    return app
