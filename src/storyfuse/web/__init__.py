"""The storyfuse web app: ``storyfuse serve`` shows a story database in the browser.

Server-rendered pages (Jinja2, autoescaped) with a JSON twin of each under ``/api``, charts
through the vendored Vega-Lite, and a strict Content-Security-Policy. See ``app.create_app``.
"""

from storyfuse.web.app import create_app
from storyfuse.web.catalog import Catalog, MemoryCatalog, StoryQuery

__all__ = ["Catalog", "MemoryCatalog", "StoryQuery", "create_app"]
