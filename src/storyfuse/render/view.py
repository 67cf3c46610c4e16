"""What Markdown and HTML show: the JSON dict plus citation numbers and sentence anchors."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

import inflect
from rapidfuzz import fuzz

from storyfuse.clean.clutter import dateline_alone
from storyfuse.extract.numbers import MONEY_UNITS, RATE_WORDS, amount, is_share
from storyfuse.model import Brief, reads_english
from storyfuse.render.jsonout import to_dict


def _best_sentence(article: dict[str, Any], text: str) -> int | None:
    """Index of the article sentence a cited text comes from (None when nothing is close)."""
    best, best_score = None, 0.0
    for i, sentence in enumerate(article["sentences"]):
        score = fuzz.token_set_ratio(text, sentence["text"])
        if score > best_score:
            best, best_score = i, score
    return best if best_score >= 60 else None


def label(article: dict[str, Any], words: int = 12) -> str:
    """How a report names an article: its title, else its opening words marked as untitled."""
    if article.get("title"):
        return str(article["title"])
    texts = [s["text"] for s in article.get("sentences") or []] or [article.get("text") or ""]
    # the lede's words, not a dateline set apart from them ("CANBERRA, Australia (AP) _")
    while len(texts) > 1 and dateline_alone(texts[0].strip()):
        texts.pop(0)
    lead = texts[0].split()
    if not lead:
        return str(article["id"])
    opening = " ".join(lead[:words]) + ("…" if len(lead) > words else "")
    return f"(untitled) “{opening}”"


def language_note(language: str | None) -> str | None:
    """What a source line says of an article storyfuse does not read in English."""
    if reads_english(language):
        return None
    return f"in {language}: not read for quotes, figures, dates or names"


def build_view(brief: Brief) -> dict[str, Any]:
    data = to_dict(brief)
    articles = {a["id"]: a for a in data["articles"]}
    for article in data["articles"]:
        article["label"] = label(article)
        article["language_note"] = language_note(article.get("language"))
    for story in data["stories"]:
        numbers = {aid: n for n, aid in enumerate(story["article_ids"], start=1)}
        story["sources"] = [
            {"n": numbers[aid], **articles[aid]} for aid in story["article_ids"] if aid in articles
        ]

        def cite(text: str, sources: list[str], numbers: dict[str, int] = numbers) -> list[dict]:
            out = []
            for aid in sources:
                sentence = _best_sentence(articles[aid], text) if aid in articles else None
                anchor = f"a-{aid}" + (f"-s{sentence}" if sentence is not None else "")
                out.append({"id": aid, "n": numbers.get(aid, "?"), "anchor": anchor})
            # by source number, [2] before [10]; an id outside the story ("?") last
            return sorted(out, key=lambda c: (c["n"] == "?", c["n"] if c["n"] != "?" else 0))

        for item in story["summary"] + story["facts"] + story["timeline"]:
            item["cites"] = cite(item["text"], item["sources"])
        for event in story["timeline"]:
            event["date_label"] = date_label(event["date"], event.get("end"))
        for group in story["quotes"]:
            for variant in group["variants"]:
                variant["cites"] = cite(variant["text"], variant["sources"])
        story["speakers"] = by_speaker(story["quotes"])
        for conflict in story["conflicts"]:
            for variant in conflict["variants"]:
                variant["cites"] = cite(variant["text"], variant["sources"])
        for figure in story["figures"]:
            figure["amount"] = amount(figure["value"], figure.get("upper"), figure["unit"])
            figure["what"] = counted(figure)
            figure["date_label"] = date_label(figure.get("date"))
            figure["cites"] = cite(figure["texts"][0]["text"] if figure["texts"] else "", figure["sources"])
            figure["shared_qualifier"] = shared_qualifier(figure)
            # a qualifier some sources write and others do not, with the sources that write it
            figure["own_qualifiers"] = [
                {
                    "text": q["text"],
                    # each source cited at the sentence it writes the figure in
                    "cites": [
                        one for a in q["sources"] for one in cite(written_by(figure, a), [a])
                    ],
                }
                for q in figure.get("qualifiers") or ()
                if figure["shared_qualifier"] is None
            ]
    return data


def written_by(figure: Mapping[str, Any], source: str) -> str:
    """The text a source writes a figure in ("" when the figure holds none of its)."""
    return next((t["text"] for t in figure.get("texts") or () if source in t["sources"]), "")


def shared_qualifier(figure: Mapping[str, Any]) -> str | None:
    """The qualifier every source of a figure writes ("at least"); None when its sources
    differ, where "at least 3 gunmen" in one report and "three gunmen" in two would otherwise
    read as all three's floor. A figure stored without its qualifiers' sources keeps its one."""
    qualifiers = figure.get("qualifiers")
    if not qualifiers:
        return figure.get("qualifier")
    if len(qualifiers) == 1 and set(qualifiers[0]["sources"]) >= set(figure["sources"]):
        return str(qualifiers[0]["text"])
    return None


def counted(figure: Mapping[str, Any]) -> str:
    """What a figure counts, in its texts' words ("North Korean troops"), a share or a sum of
    money with what it is of ("percent (jobless rate)", "dollars (net income)"); without them,
    its unit, a currency in the plural ("dollars"). A count other than one is in the plural
    where the text glued the word to the number ("a three-judge panel": 3 judges; "a 10-point
    lead": 10 points); "percent" stays."""
    unit = figure["unit"]
    thing = figure.get("thing")
    if thing and (is_share(unit) or unit == "magnitude") and unit.split()[0] not in thing.lower():
        # what a share or a magnitude is of: "percent (jobless rate)", "magnitude (earthquake)"
        return f"{unit} ({thing})"
    if unit in MONEY_UNITS:
        currency = unit if unit in _SAME_IN_PLURAL else unit + "s"
        if thing and unit in thing.lower():
            # the currency's own word: "Canadian dollars"; "a trillion-dollar package" and
            # "25 Billion Dollars" count dollars
            return thing if thing.lower() not in (unit, currency) else currency
        if not thing:
            return currency
        # a rate after the sum: "dollars a share", "dollars a barrel (Brent crude)"
        what, _, rate = thing.rpartition(", ")
        if rate.split(" ", 1)[0] in RATE_WORDS:
            return f"{currency} {rate} ({what})" if what else f"{currency} {rate}"
        # what the money is: "dollars (net income)"
        return f"{currency} ({thing})"
    word = thing or unit
    # (a measure of two words hyphened as one: "a 5,125-square-foot space": square feet)
    if figure.get("value") != 1 and word.lower().replace("-", " ") == unit and _glued(word, figure):
        return _plural(unit)
    return word


def _glued(word: str, figure: Mapping[str, Any]) -> bool:
    """Whether the figure's text writes its word glued to the number by a hyphen, as English
    writes a count in the singular ("a three-judge panel", "a 10-point lead"); "40 crew" and
    "300 staff" are written so on purpose."""
    texts = figure.get("texts") or ()
    return word not in _NO_PLURAL and any(
        re.search(rf"\w[-–]{re.escape(word)}\b", t.get("text", ""), re.IGNORECASE) for t in texts
    )


_SAME_IN_PLURAL = frozenset({"yen", "yuan", "baht", "rand", "won"})
# ... and words English keeps in the singular, which the inflection library puts in the plural
# all the same ("horsepowers")
_NO_PLURAL = frozenset(
    {"percent", "per cent", "horsepower", "hp", "mph", "personnel", "police", "cattle", "staff",
     "software"}
)


@functools.cache
def _plural(noun: str) -> str:
    return str(_inflection().plural_noun(noun))


@functools.cache
def _inflection() -> inflect.engine:
    return inflect.engine()


def by_speaker(quotes: list[dict]) -> list[dict]:
    """The story's quotes under one heading per speaker, in the order of each speaker's first
    quote (the brief lists the most widely reported first); unattributed quotes last."""
    speakers: dict[str | None, list[dict]] = {}
    for group in quotes:
        speakers.setdefault(group.get("speaker") or None, []).append(group)
    named: list[dict[str, Any]] = [
        {"speaker": name, "quotes": groups} for name, groups in speakers.items() if name
    ]
    if None in speakers:
        named.append({"speaker": None, "quotes": speakers[None]})
    return named


_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})$")
_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|\d{2}:\d{2})$")
_PARTS = {
    "SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter",
    "Q1": "Q1", "Q2": "Q2", "Q3": "Q3", "Q4": "Q4",
    "H1": "first half of", "H2": "second half of",
    "MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
}  # fmt: skip


def date_label(value: str | None, end: str | None = None) -> str:
    """A TIMEX3 date value as a reader reads it: an ISO week ("2024-W42") as the week of its
    Monday ("week of 2024-10-14"), its weekend from the Saturday; a season, quarter or half
    year in words ("autumn 2019", "Q3 2024"); a decade ("199": "1990s"); a part of a day
    ("2024-10-24 morning"); a range of days to its last day ("2024-10-27–28", "2024-10-30 –
    2024-11-02"); other values (2024-10-24, 2024-10, 2024) as they are."""
    value = value or ""
    if end and end != value and len(value) == len(end) == 10:
        return f"{value}–{end[8:]}" if end[:7] == value[:7] else f"{value} – {end}"
    week = _WEEK.match(value)
    if week:
        weekend = bool(week[3])
        try:
            day = dt.date.fromisocalendar(int(week[1]), int(week[2]), 6 if weekend else 1)
        except ValueError:
            return value
        return f"{'weekend' if weekend else 'week'} of {day.isoformat()}"
    if part := _PART.match(value):
        return f"{_PARTS[part[2]]} {part[1]}"
    if decade := _DECADE.match(value):
        return f"{decade[1]}0s"
    if moment := _TIME_OF_DAY.match(value):
        return f"{moment[1]} {_PARTS.get(moment[2], moment[2])}"
    return value
