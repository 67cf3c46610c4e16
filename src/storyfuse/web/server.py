"""``storyfuse serve``: open the story database and run the web app with uvicorn."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from storyfuse.web.catalog import Catalog, MemoryCatalog
from storyfuse.web.security import is_loopback, new_token

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001


def open_catalog(db: str | None) -> Catalog:
    """The catalog behind a database URL or file; a ``.json`` file is a brief, served read-only."""
    if db and db.endswith(".json") and "://" not in db:
        path = Path(db)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{db}: cannot read the brief JSON ({exc})") from exc
        return MemoryCatalog.from_dict(data)
    from storyfuse.web.queries import StoreCatalog

    return StoreCatalog.open(db)


def resolve_token(host: str, token: str | None) -> tuple[str | None, bool]:
    """The token writes need, and whether it was generated (to be printed for the user)."""
    token = token or os.environ.get("STORYFUSE_TOKEN") or None
    if token is None and not is_loopback(host):
        return new_token(), True
    return token, False


def run(
    db: str | None = None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    max_upload_mb: float = 20.0,
) -> int:
    """Serve until interrupted. Off loopback, writing needs a token (generated if not given)."""
    import uvicorn

    from storyfuse.web.app import create_app

    token, generated = resolve_token(host, token)
    if generated:
        print(f"storyfuse: uploads and deletes need this token: {token}", file=sys.stderr)
    catalog = open_catalog(db)
    warm = getattr(catalog, "warm", None)
    if warm is not None:  # fuse the briefs not computed yet, newest stories first
        threading.Thread(target=warm, name="storyfuse-warm", daemon=True).start()
    app = create_app(catalog, token=token, max_upload_bytes=int(max_upload_mb * 1_000_000))
    shown = f"[{host}]" if ":" in host else host
    source = db or "storyfuse.db (in this folder)"
    print(f"storyfuse: serving {source} at http://{shown}:{port}/", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0
