"""Complete an article's metadata from its text: title, outlet, authors, publication date.

Metadata given by the input (JSONL fields, HTML metadata) always wins. What is missing is read
from the lines a page carries around its body: the headline, the byline, the dateline. A file of
one article whose path names a day ("2016/05/27/", "nyt_2016-05-27_...") and whose text states
no date is dated by its path, as metadata: archives file articles under their day. A date
that no line states is inferred from the explicit dates in the text only when they agree;
otherwise it stays None, because a wrong date misplaces every relative date in the article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import dateparser

from storyfuse.clean.clutter import APPENDED_STOP, Decision, dateline_alone, title_cased
from storyfuse.clean.lines import BYLINE, DATELINE_WORDS, UI_PHRASES, Line
from storyfuse.model import Document, PublishedFrom

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Dates that name their year: "Oct. 25, 2024", "October. 26, 2024", "25 October 2024",
# "2024-10-25", "10/25/2024".
FULL_DATE = re.compile(
    rf"\b({_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
# "Oct. 25", "October 25" (no year): the day as the text names it.
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})", re.IGNORECASE
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_PUBLISHED = re.compile(r"\b(posted|published|first published|released)\b", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|al|bin|del|la|le)){1,3}"
_NAME_LINE = re.compile(rf"^{_NAME}$")
_NAME_EMAIL = re.compile(rf"^({_NAME})\s*[,(|]?\s*[\w.+-]+@[\w-]+(\.[\w-]+)+\)?$")
_BYLINE_NAMES = re.compile(r"^(?:by|written by|words by)\s+(.+)$", re.IGNORECASE)
# "by Ann Lee and The Harbour Times news desk": an outlet's desk or staff named in a byline
_DESK = re.compile(
    r"(?:^|,\s*|\s+and\s+|\s*&\s*)"
    r"((?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})\s+"
    r"(?:news\s+desk|newsdesk|newsroom|desk|staff|wire\s+staff|staff\s+reporters?)\b"
)
# "Ann Lee alee@harbourtimes.example": the signature's mail domain names the outlet, unless it
# is a personal mailbox
_MAIL_DOMAIN = re.compile(r"[\w.+-]+@((?:[\w-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
WEBMAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "yahoo.com", "outlook.com", "hotmail.com", "live.com",
        "msn.com", "aol.com", "icloud.com", "me.com", "protonmail.com", "proton.me", "gmx.com",
        "gmx.de", "mail.ru", "yandex.ru", "yandex.com", "qq.com", "163.com", "naver.com",
        "hanmail.net",
    }
)  # fmt: skip
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*(?:-\s*(?:19|20)\d{2})?\s*)?,?\s*"
    r"([A-Z][\w&.'’ -]{1,60}?)(?:\.|,|\s+all rights|\s*$)",
    re.IGNORECASE,
)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
# Running-text paragraphs after which a bare date line is a heading in the body, not a dateline.
BODY_PARAGRAPHS = 2
# How many leading lines can hold a byline or dateline when the body search found none.
HEADER_LINES = 12
# A date string to its ISO date (``parse_date``, or a memo of it).
DateParser = Callable[[str], str | None]


@dataclass(frozen=True)
class Metadata:
    title: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None
    published_from: PublishedFrom | None


def complete(document: Document, decisions: Sequence[Decision]) -> Metadata:
    """Fill what the document's own metadata lacks from the page's lines."""
    lines = [d.line for d in decisions]
    header = _header(decisions)
    # a title given in metadata may end with the stop an archive added ("Why now?.")
    given = without_closing_stop(document.title) if document.title else None
    title = given or find_title(_before_body(decisions), lines)
    outlet = document.outlet or find_outlet(lines, title, document.url)
    authors = _distinct_authors(outlet, document.authors or find_authors(header, lines))
    if document.published:
        return Metadata(title, outlet, authors, document.published, document.published_from)
    body_lines = frozenset(d.line.index for d in decisions if d.kept)
    stated = find_dateline(header, _parse_full_date, body_lines)
    if stated:
        return Metadata(title, outlet, authors, stated, "text")
    # an archive that files each article under its day ("2016/05/27/", "nyt_2016-05-27_...")
    filed = date_in_path(document.path) if document.format in ONE_ARTICLE_FORMATS else None
    if filed:
        return Metadata(title, outlet, authors, filed, "metadata")
    body = [d.line.text for d in decisions if d.kept]
    page = [line.text for line in lines]
    inferred = infer_date(body, _parse_full_date) or infer_date_from_weekdays(
        body, page, _parse_full_date
    )
    return Metadata(title, outlet, authors, inferred, "inferred" if inferred else None)


# Formats whose file holds one article, so that a date in its path is that article's; a JSONL
# dump's or a WARC's date is when it was collected.
ONE_ARTICLE_FORMATS = frozenset({"text", "html"})
_PATH_DATE = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])"
)


def date_in_path(path: str) -> str | None:
    """The day a file's path names ("2016-05-27", "2016/05/27", "20160527"), the last one when
    several: the one nearest the file name. Not one after today."""
    found = None
    for m in _PATH_DATE.finditer(path.replace("\\", "/")):
        try:
            day = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:  # "2016-02-30"
            continue
        if day <= date.today():
            found = day
    return found.isoformat() if found else None


def _before_body(decisions: Sequence[Decision]) -> list[Line]:
    first_kept = next((k for k, d in enumerate(decisions) if d.kept), len(decisions))
    return [d.line for d in decisions[:first_kept]]


def _header(decisions: Sequence[Decision]) -> list[Line]:
    """The lines before the body (where headline, byline and dateline live), plus a few more."""
    first_kept = next((k for k, d in enumerate(decisions) if d.kept), len(decisions))
    end = max(first_kept, min(HEADER_LINES, len(decisions)))
    return [d.line for d in decisions[: end + 1]]


def find_title(header: Sequence[Line], lines: Sequence[Line] = ()) -> str | None:
    """The headline among the lines before the body.

    Candidates are lines of a few words that are not site furniture, byline, dateline or
    caption. A headline is often repeated on the page (page title and heading), sits just above
    the byline or dateline, and is one phrase without a closing full stop; the best-scoring
    candidate wins, the earliest on a tie.
    """
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.key] = counts.get(line.key, 0) + 1
    best: tuple[float, int] | None = None
    for k, line in enumerate(header):
        if not 3 <= line.n_words <= 30 or line.ui_hits or line.is_time_only:
            continue
        if BYLINE.match(line.text) or line.is_dateline:
            continue
        if FULL_DATE.search(line.text) or line.has_credit or dateline_alone(line.text.strip()):
            continue
        if (
            line.is_prose
            and line.n_words > 20
            and not (title_cased(line.text) or APPENDED_STOP.search(line.text))
        ):
            continue  # a long sentence, unless in headline style or closed as archives close one
        score = 0.0 if best is not None else 2.0  # the first candidate is the likeliest
        if counts.get(line.key, 0) > 1:
            score += 3
        after = header[k + 1 : k + 3]
        if any(BYLINE.match(n.text) or n.is_dateline for n in after):
            score += 2
        if not line.text.rstrip("\"'”’").endswith("."):
            score += 1
        if re.search(r"[.!?]\s+[A-Z]", line.text):
            score -= 2  # two sentences: a promo or a standfirst, not a headline
        if best is None or score > best[0]:
            best = (score, k)
    if best is None:
        return None
    text = header[best[1]].text.rstrip(" ;")  # "Headline;" above its standfirst
    parts = _TITLE_SEPARATOR.split(text)
    # "Headline | Outlet": keep the headline; an outlet's name is capitalised ("... donors -
    # against him." goes on with the headline)
    outlet = len(parts) == 2 and len(parts[1].split()) <= 5 and parts[1][:1].isupper()
    title = parts[0].strip() if outlet else text
    return without_closing_stop(title)


# Abbreviations whose full stop a headline keeps: "Apple buys a start-up, Inc."
_ABBREVIATED = frozenset({"inc", "co", "corp", "ltd", "jr", "sr", "st", "no", "vs", "etc", "bros"})


def without_closing_stop(title: str) -> str:
    """A headline as headlines are written, without the full stop some archives end it with
    ("Council shuts old bridge."), keeping an abbreviation's ("… in the U.S.", "… Inc.") and an
    ellipsis. A stop added after the headline's own closing mark goes ("Here's how..", "Why
    now?.", "... (to put it mildly).'.")."""
    if not title.endswith(".") or title.endswith("..."):
        return title
    if APPENDED_STOP.search(title):
        return title[:-1]
    last = title.split()[-1][:-1].strip("\"'”’)")
    if not last or "." in last or len(last) == 1 or last.lower() in _ABBREVIATED:
        return title
    return title[:-1]


def find_authors(header: Sequence[Line], lines: Sequence[Line]) -> tuple[str, ...]:
    """Authors from a byline ("By A and B"), a name beside the dateline, or "Name email"."""
    for line in header:
        match = _BYLINE_NAMES.match(line.text)
        if match:
            names = _split_names(match.group(1))
            if names:
                return names
    for k, line in enumerate(header):
        if _NAME_LINE.match(line.text) and not line.ui_hits and line.n_words <= 4:
            near = header[max(0, k - 2) : k + 3]
            repeated = sum(other.text == line.text for other in lines) > 1
            if repeated or any(DATELINE_WORDS.search(n.text) for n in near if n is not line):
                return (line.text,)
    for line in lines[-HEADER_LINES:]:
        match = _NAME_EMAIL.match(line.text)
        if match:
            return (match.group(1),)
    return ()


def _distinct_authors(outlet: str | None, authors: tuple[str, ...]) -> tuple[str, ...]:
    """The authors, each once, but the outlet itself, which a site's metadata may give as the
    author of its own pages ("LinkNaija" by "LinkNaija", "Cleveland com" on Cleveland's).
    A name written again with a middle initial is the same author ("Troy Smith", "Troy L
    Smith"): the first form stays. An author's job after the name, split off the byline ("By
    Tom Krisher, AP Auto Writer"), is no author, and one read from a note on the author is the
    name ("Phil Helsel is a reporter for ...").

    A byline's parts after a comma that are the outlet or a social-media handle go ("Heidi M.
    Przybyla, USA TODAY", "Doug Stanglin, @dstanglin"); other comma parts stay, since a name
    may be given "Last, First". A placeholder an export writes for a missing value ("None",
    "null", "N/A", "nan") is no author."""
    site = re.sub(r"\W", "", outlet.casefold()) if outlet else None

    def the_outlet(words: list[str]) -> bool:
        if not site:
            return False
        return "".join(words) in (site, *(site + tld for tld in _SITE_ENDINGS))

    out: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for author in authors:
        author = _BIO.split(author, maxsplit=1)[0]
        parts = [p.strip() for p in author.split(",")]
        author = ", ".join(
            p
            for k, p in enumerate(parts)
            if k == 0 or not (_HANDLE.fullmatch(p) or the_outlet(_words(p)))
        )
        words = _words(author)
        if not words or (out and words[-1] in _JOBS):
            continue  # the job after the name it is the job of
        if the_outlet(words) or _HANDLE.fullmatch(author) or author.casefold() in _PLACEHOLDERS:
            continue
        key = tuple(w for k, w in enumerate(words) if len(w) > 1 or k in (0, len(words) - 1))
        if key not in seen:
            seen.add(key)
            out.append(author)
    return tuple(out)


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", "", text.casefold()).split()


# A social-media handle given in a byline.
_HANDLE = re.compile(r"@\w+")
# What data exports write where a value is missing.
_PLACEHOLDERS = frozenset({"none", "null", "nan", "n/a", "na", "unknown"})
# Where a note on the author turns from the name to the job: "Phil Helsel is a reporter".
_BIO = re.compile(r"\s+(?:is|was)\s+(?:an?|the)\s+")
# The last word of a job a byline gives after the name ("AP Auto Writer").
_JOBS = frozenset(
    f"{job}{s}"
    for job in ("writer", "reporter", "correspondent", "editor", "columnist", "contributor")
    for s in ("", "s")
)
# How a site's address ends, its dots dropped ("cleveland.com" as "Cleveland com").
_SITE_ENDINGS = ("com", "net", "org", "couk")


def _split_names(text: str) -> tuple[str, ...]:
    # The byline often runs on into the date and reading time: cut at the first digit.
    text = re.split(r"\d|\||•|·", text)[0]
    text = FULL_DATE.sub("", text)
    text = re.sub(rf"\b{_MONTH}\.?\s*$", "", text, flags=re.IGNORECASE).strip(" ,;-–—")
    names = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", text):
        part = part.strip()
        if re.fullmatch(_NAME, part) and not UI_PHRASES.search(part):
            names.append(part)
    return tuple(names)


def find_dateline(
    header: Sequence[Line],
    parse: DateParser | None = None,
    body: frozenset[int] = frozenset(),
) -> str | None:
    """The date a header line states: "Posted ..." first, then "Updated ...", then a byline
    date or a bare date line above the body's second paragraph (``body``: the indexes of the
    lines kept as the body)."""
    parse = parse or parse_date
    published, updated, other = None, None, None
    paragraphs = 0  # paragraphs of the body above the line
    for line in header:
        if line.index in body and line.is_prose:
            paragraphs += 1
        match = FULL_DATE.search(line.text)
        if not match:
            continue
        if line.is_prose:
            continue  # a sentence that mentions a date ("published on March 3"), not a dateline
        value = parse(match.group(0))
        if value is None:
            continue
        if _PUBLISHED.search(line.text):
            published = value
            break  # the first "Posted" date is the answer
        elif DATELINE_WORDS.search(line.text):
            updated = updated or value
        elif BYLINE.match(line.text) or (
            _mostly_date(line.text, match.group(0)) and paragraphs < BODY_PARAGRAPHS
        ):
            # A byline's date or a bare date line; a caption's date is when a photo was taken,
            # and a date line below the body's first paragraphs heads a part of it ("Oct. 31,
            # 2012: the hug", in a look back over years).
            other = other or value
    return published or updated or other


def _mostly_date(text: str, date_text: str) -> bool:
    """A line that is a date and little else ("October 25, 2024 3:11 PM", "Tue 5 March 2024")."""
    rest = text.replace(date_text, " ")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 3 and not rest.rstrip().endswith(".")


def infer_date(body: Sequence[str], parse: DateParser | None = None) -> str | None:
    """The latest explicit full date of the text, when another one backs it up.

    Articles report recent events; their latest dated event is usually the day of publication
    or shortly before. One isolated date is not enough to say so.
    """
    parse = parse or parse_date
    found: list[date] = []
    for text in body:
        for match in FULL_DATE.finditer(text):
            value = parse(match.group(0))
            if value:
                found.append(date.fromisoformat(value))
    if len(found) < 2:
        return None
    latest = max(found)
    support = sum(0 <= (latest - d).days <= 31 for d in found)
    return latest.isoformat() if support >= 2 else None


def infer_date_from_weekdays(
    body: Sequence[str], page: Sequence[str], parse: DateParser | None = None
) -> str | None:
    """The latest date the text both names ("Oct. 25") and calls by its weekday ("on Friday").

    News refers to the past week's days by weekday name, so a text that says "on Friday" and
    "Oct. 25", when Oct. 25 was a Friday, was written on or shortly after that day. The year
    comes from a full date elsewhere on the page (a caption, a footer). Taken only when two
    such dates within a week agree; a single one could be a coincidence.
    """
    parse = parse or parse_date
    joined = " ".join(body)
    weekdays = {_WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(joined)}
    month_days = list(_MONTH_DAY.finditer(joined))
    if not weekdays or len(month_days) < 2:
        return None  # no two dates can agree: nothing to parse
    years = [
        int(value[:4])
        for text in page
        for match in FULL_DATE.finditer(text)
        if (value := parse(match.group(0)))
    ]
    if not years:
        return None
    year = max(years)
    named: set[date] = set()
    for match in month_days:
        value = parse(f"{match.group(1)} {match.group(2)}, {year}")
        if value:
            named.add(date.fromisoformat(value))
    matching = sorted(d for d in named if d.weekday() in weekdays)
    if len(matching) < 2:
        return None
    latest = matching[-1]
    support = sum(0 <= (latest - d).days <= 7 for d in matching)
    return latest.isoformat() if support >= 2 else None


def parse_date(text: str) -> str | None:
    """An ISO date from a date string, through dateparser."""
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", text)  # "October. 26" and "Oct. 25"
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "MDY"},
    )
    return parsed.date().isoformat() if parsed else None


# A page names the same dates in its header, its body and its captions, and articles of the
# same days name the same dates: each is parsed once per process. Only for strings that name a
# day, month and year (FULL_DATE matches, "Oct 25, 2024"), whose date does not depend on the day
# it is parsed ("yesterday" would).
_parse_full_date = functools.lru_cache(maxsize=4096)(parse_date)


def find_outlet(lines: Sequence[Line], title: str | None, url: str | None) -> str | None:
    """The outlet from a copyright line, a "Headline | Outlet" title line, a desk in the byline
    ("by Ann Lee and The Harbour Times news desk"), the URL's host, or the mail domain of the
    author's signature ("Ann Lee alee@harbourtimes.example")."""
    for line in reversed(lines[-HEADER_LINES:]):
        match = _COPYRIGHT.search(line.text)
        if match and line.n_words <= 20:
            name = match.group(1).strip(" .,")
            if 1 <= len(name.split()) <= 6:
                return name
    for line in lines[:3]:
        parts = _TITLE_SEPARATOR.split(line.text)
        if len(parts) == 2 and title and parts[0].strip() == title and len(parts[1].split()) <= 5:
            return parts[1].strip()
    for line in lines[:HEADER_LINES]:
        byline = _BYLINE_NAMES.match(line.text)
        if byline:
            desk = _DESK.search(byline.group(1))
            if desk:
                return desk.group(1).strip()
    if url:
        host = urlsplit(url).netloc.lower()
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    for line in lines[-HEADER_LINES:]:
        if _NAME_EMAIL.match(line.text):
            mail = _MAIL_DOMAIN.search(line.text)
            if mail and mail.group(1).lower() not in WEBMAIL:
                return mail.group(1).lower()
    return None
