"""Stage 6, render: a Brief as JSON (the contract), Markdown or a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable

from storyfuse.model import Brief
from storyfuse.render.html import to_html
from storyfuse.render.jsonout import to_dict, to_json
from storyfuse.render.markdown import to_markdown

RENDERERS: dict[str, Callable[[Brief], str]] = {
    "json": to_json,
    "md": to_markdown,
    "html": to_html,
}


def render(brief: Brief, format: str = "json") -> str:
    try:
        renderer = RENDERERS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(RENDERERS)}") from None
    return renderer(brief)


__all__ = ["RENDERERS", "render", "to_dict", "to_json"]
