"""HTML pages to article text and metadata, through trafilatura.

The extraction settings are chosen by ``eval/html_extraction.py`` on the article-extraction
benchmark: comments are left out (the benchmark's bodies never include reader comments) and
trafilatura's precision mode is used, with its own fallbacks (readability, jusText) on.

Before extraction, cards of links nested inside a paragraph are taken out of the page
(``_drop_link_cards``): a name in the text that opens, on hover, a card with the person's photo,
full name and latest headlines ("Gov. Kristi Noem<card>Kristi Lynn Noem / South Dakota governor
doubles down ... / MORE</card> (R) is defending ..."). trafilatura keeps such a card's text in
the paragraph, glued to the words around it.

One more fallback follows: precision mode sometimes stops part-way through a long article split
into several containers. The page's visible text, cleaned as plain text, shows where the body
runs; when it continues past the extracted text with several more paragraphs of prose, those
paragraphs are appended.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

# trafilatura's downloader looks for SOCKS proxy support on import and warns that PySocks is
# missing; storyfuse never downloads through trafilatura, so the warning says nothing here.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="SOCKS support in urllib3")
    import trafilatura
    import trafilatura.settings
    from trafilatura.utils import load_html
from lxml.html import HtmlElement

from storyfuse.clean.clutter import classify
from storyfuse.clean.lines import split_lines
from storyfuse.ingest.visible import visible_text

log = logging.getLogger(__name__)

# trafilatura logs every page it finds too short; that is expected, not news.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

# A continuation is taken only when it is this substantial: a few lines could be a teaser.
CONTINUATION_PARAGRAPHS = 3
CONTINUATION_WORDS = 60

# Pages this large are not news articles; parsing them would only stall the batch.
MAX_HTML_CHARS = 20_000_000
# A card of links inside a paragraph: at least this many links, making up this share of its text.
CARD_LINKS = 3
CARD_LINK_SHARE = 0.8
_CARD_TAGS = ("span", "div", "ul", "aside", "section", "figure")


@dataclass(frozen=True)
class HtmlArticle:
    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    # "metadata": the page's markup states it (meta tags, JSON-LD, <time>, the URL);
    # "text": a date written in the page's text
    date_from: Literal["metadata", "text"] | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


def extract_html(
    html: str | bytes,
    url: str | None = None,
    *,
    tuned: bool = True,
    continuation: bool = True,
    cards: bool = True,
) -> HtmlArticle:
    """The article body and metadata of one HTML page ('' when no article text is found).

    ``tuned=False`` gives trafilatura's default extraction (kept as the evaluation baseline);
    ``continuation=False`` leaves out the truncation fallback, ``cards=False`` the removal of
    link cards.
    """
    # The date from the page's markup only: htmldate's search of the whole text falls back to a
    # bare year ("© 2023", "in 2019") given as 1 January; it runs below, on its own.
    markup_dates: dict[str, Any] = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    if tuned:
        page = load_html(html)
        if page is None:
            return HtmlArticle(body="", url=url)
        if cards:
            _drop_link_cards(page)
        doc = trafilatura.bare_extraction(
            page, url=url, include_comments=False, favor_precision=True, with_metadata=True,
            date_extraction_params=markup_dates,
        )
    else:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, date_extraction_params=markup_dates
        )
    if not isinstance(doc, trafilatura.settings.Document):  # None: no article found
        return HtmlArticle(body="", url=url)
    body = doc.text or ""
    if tuned and continuation and body:
        try:
            body = _continue_truncated(body, html, doc.title)
        except Exception:  # a fallback must never cost the page its extraction
            log.info(
                "continuing a truncated extraction failed for %s", url or "a page", exc_info=True
            )
    authors = _byline_names(doc.author)
    found = doc.date or None
    date_from: Literal["metadata", "text"] | None = "metadata" if found else None
    if found is None:
        found = _date_in_text(html, url, markup_dates["max_date"])
        date_from = "text" if found else None
    return HtmlArticle(
        body=body,
        title=_without_site(doc.title, doc.sitename) or None,
        authors=authors,
        date=found,
        date_from=date_from,
        sitename=_site_name(doc.sitename),
        url=doc.url or url,
        language=doc.language or None,
    )


_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|:\s+")

# What trafilatura's reading of a byline leaves of the date written after the names ("By Mike
# Wuerthele and Malcolm Owen<br>Monday, November 18, 2019": "Malcolm Owen Monday", "November"):
# a weekday or "Published" ends no name; a month ends none alone ("Theresa May" keeps hers).
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_BYLINE_DATE_WORD = re.compile(rf"\s+(?:{_WEEKDAY}|published|updated|posted)\s*$", re.IGNORECASE)
_MONTH_OR_DAY = re.compile(
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    rf"|december|{_WEEKDAY})",
    re.IGNORECASE,
)
# A publishing system's account name standing where an author's would ("Admin", "jdadmin").
_PLACEHOLDER_AUTHOR = re.compile(r"\w*admin(?:istrator)?|webmaster", re.IGNORECASE)


def _byline_names(author: str | None) -> tuple[str, ...]:
    """The authors trafilatura gives (";"-separated), less the date words its byline reading
    leaves on them and the account names of a publishing system."""
    names: list[str] = []
    for name in (author or "").split(";"):
        name = name.strip()
        while (trimmed := _BYLINE_DATE_WORD.sub("", name)) != name:
            name = trimmed.strip()
        if name and not _MONTH_OR_DAY.fullmatch(name) and not _PLACEHOLDER_AUTHOR.fullmatch(name):
            names.append(name)
    return tuple(dict.fromkeys(names))


def _site_name(name: str | None) -> str | None:
    """The page's site name; one of two letters is an abbreviation whatever case the page
    or trafilatura gives it ("nj", made "Nj": "NJ"); a name followed by its tagline is the name
    ("LinkNaija | Nigeria's popular news platform": "LinkNaija")."""
    if name and len(name) == 2 and name.isalpha():
        return name.upper()
    if name:
        parts = _SITE_SEPARATOR.split(name, maxsplit=1)
        tagline = parts[1].split() if len(parts) == 2 else []
        if len(parts[0].split()) <= 4 and len(tagline) >= 2 and any(w.islower() for w in tagline):
            return parts[0].strip()
    return name or None


def _without_site(title: str | None, site: str | None) -> str | None:
    """A title without the site name some pages put before or after it ("LinkNaija | Nigeria's
    popular news platform: Nollywood Actress ...", "... - Remember 80/90 - Memorabilia anni
    80/90"), when a headline of three words or more is left."""
    if not title or not site:
        return title
    for name in dict.fromkeys((site.strip(), _site_name(site) or "")):
        if not name:
            continue
        if title.lower().startswith(name.lower()):
            rest = title[len(name) :]
            match = _SITE_SEPARATOR.match(rest)
            if match and len(rest[match.end() :].split()) >= 3:
                return rest[match.end() :].strip()
        if title.lower().endswith(name.lower()):
            rest = title[: len(title) - len(name)]
            match = re.search(r"\s+[|–—-]\s*$", rest)
            if match and len(rest[: match.start()].split()) >= 3:
                return rest[: match.start()].strip()
    return title


def _is_link_card(element: HtmlElement) -> bool:
    links = [" ".join(a.text_content().split()) for a in element.iter("a")]
    if len(links) < CARD_LINKS:
        return False
    text = " ".join(element.text_content().split())
    return bool(text) and sum(map(len, links)) >= CARD_LINK_SHARE * len(text)


def _drop_link_cards(page: HtmlElement) -> None:
    """Take out of each paragraph the innermost elements that are cards of links (at least
    ``CARD_LINKS`` links, ``CARD_LINK_SHARE`` of their text), keeping the text after them."""
    cards = []
    for paragraph in page.iter("p"):
        found = [
            e for e in paragraph.iter(*_CARD_TAGS) if e is not paragraph and _is_link_card(e)
        ]
        inner = set(found)
        # the innermost: an outer element also holds the paragraph's own link to the card
        for card in (e for e in found if not any(d in inner for d in e.iterdescendants())):
            # with the wrappers that hold nothing else
            while (up := card.getparent()) is not None and up is not paragraph and not (
                (up.text or "").strip()
                or (card.tail or "").strip()
                or any(c is not card for c in up)
            ):
                card = up
            cards.append(card)
    for card in cards:
        card.drop_tree()  # its tail (the text after it) stays in the paragraph


def _date_in_text(html: str | bytes, url: str | None, max_date: str) -> str | None:
    """A publication date written in the page's text ("Published 11 March 2025"), or None.

    htmldate's search of the text ends with dates it cannot know to the day: a year alone, or a
    year and month, given as the first of the month. The first of a month is therefore never
    taken from the text (a real one is lost to a missing date, never turned into a wrong one).
    """
    import htmldate

    try:
        found = htmldate.find_date(
            html, url=url, original_date=True, extensive_search=True, max_date=max_date
        )
    except Exception:  # the date is a bonus; a failure must not cost the page
        log.info("searching the text for a date failed for %s", url or "a page", exc_info=True)
        return None
    if not isinstance(found, str) or found.endswith("-01"):
        return None
    return found


def _continue_truncated(body: str, html: str | bytes, title: str | None) -> str:
    """Append the prose paragraphs that run on, in the page, right after the extracted text."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    extracted = {line.key for line in split_lines(body)}
    lines = split_lines(visible_text(html))
    # A continuation is prose the extraction left out; a page without enough of it is done
    # without classifying its lines, the costly part (half of reading a page).
    spare = [line for line in lines if line.key not in extracted and line.is_prose]
    if (
        len(spare) < CONTINUATION_PARAGRAPHS
        or sum(len(line.text.split()) for line in spare) < CONTINUATION_WORDS
        or sum(line.key in extracted for line in lines) < CONTINUATION_PARAGRAPHS
    ):
        return body
    kept = [d.line for d in classify(lines, title=title) if d.kept]
    positions = [k for k, line in enumerate(kept) if line.key in extracted]
    if len(positions) < CONTINUATION_PARAGRAPHS:
        return body
    after = []
    for line in kept[max(positions) + 1 :]:
        if line.key in extracted or not line.is_prose:
            break
        after.append(line.text)
    words = sum(len(text.split()) for text in after)
    if len(after) < CONTINUATION_PARAGRAPHS or words < CONTINUATION_WORDS:
        return body
    return body + "\n" + "\n".join(after)
