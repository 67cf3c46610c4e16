"""The brief as one self-contained HTML file: no scripts, no CDN, every article text escaped."""

from __future__ import annotations

from typing import Any

import jinja2

from storyfuse.extract.numbers import written
from storyfuse.model import Brief
from storyfuse.render.view import build_view

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("storyfuse.render", "templates"),
    autoescape=True,  # article text is hostile input
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["number"] = written


def _segments(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The clean text cut at sentence boundaries, so citations can point at one sentence."""
    text, pos, out = article["text"], 0, []
    for i, sentence in enumerate(article["sentences"]):
        start, end = sentence["span"]
        if start < pos:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "anchor": None})
        out.append({"text": text[start:end], "anchor": f"a-{article['id']}-s{i}"})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "anchor": None})
    return out


def to_html(brief: Brief) -> str:
    data = build_view(brief)
    for article in data["articles"]:
        article["segments"] = _segments(article)
    return _env.get_template("report.html").render(data=data)
