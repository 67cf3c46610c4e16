"""HTML pages to article text and metadata, through trafilatura.

The extraction settings are chosen by ``eval/html_extraction.py`` on the article-extraction
benchmark: comments are left out (the benchmark's bodies never include reader comments) and
trafilatura's precision mode is used, with its own fallbacks (readability, jusText) on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

# trafilatura logs every page it finds too short; that is expected, not news.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# Pages this large are not news articles; parsing them would only stall the batch.
MAX_HTML_CHARS = 20_000_000


@dataclass(frozen=True)
class HtmlArticle:
    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def extract_html(html: str | bytes, url: str | None = None, *, tuned: bool = True) -> HtmlArticle:
    """The article body and metadata of one HTML page ('' when no article text is found).

    ``tuned=False`` gives trafilatura's default extraction (kept as the evaluation baseline).
    """
    if tuned:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, favor_precision=True, with_metadata=True
        )
    else:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return HtmlArticle(body="", url=url)
    body = doc.text or ""
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return HtmlArticle(
        body=body,
        title=doc.title or None,
        authors=authors,
        date=doc.date or None,
        sitename=doc.sitename or None,
        url=doc.url or url,
        language=doc.language or None,
    )
