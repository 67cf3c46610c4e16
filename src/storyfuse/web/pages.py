"""The data of each page, shared by the HTML templates and the JSON API."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from typing import Any

from storyfuse.extract.numbers import amount
from storyfuse.render.view import (
    by_speaker,
    counted,
    date_label,
    label,
    language_note,
    shared_qualifier,
    written_by,
)
from storyfuse.web import charts
from storyfuse.web.catalog import Catalog, EntityView
from storyfuse.web.views import (
    Citation,
    article_blocks,
    cite,
    outlet_matrix,
    outlet_name,
    quote_columns,
    safe_url,
)


def _cites(citations: list[Citation]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": c.article_id,
            "n": c.n,
            "sentence": c.sentence,
            "fragment": c.fragment,
            "title": c.title,
        }
        for c in citations
    ]


def by_outlet(cites: list[dict[str, Any]], articles: dict[str, Any]) -> list[dict[str, Any]]:
    """Citations under the outlet of each article, outlets by name, then the articles whose
    outlet is unknown: "donga.com [4] · [1][2]", where one list after the names would read as
    all of them from donga.com."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for c in cites:
        article = articles.get(c["article_id"])
        groups.setdefault(outlet_name(article) if article else None, []).append(c)
    named = sorted((name, group) for name, group in groups.items() if name)
    unknown = [(None, groups[None])] if None in groups else []
    return [{"outlet": name, "cites": group} for name, group in named + unknown]


def source_meta(article: dict[str, Any], n: int | None = None) -> dict[str, Any]:
    meta = {
        "id": article["id"],
        "title": article.get("title"),
        "label": label(article),
        "outlet": article.get("outlet"),
        "outlet_name": outlet_name(article),
        "published": article.get("published"),
        "published_from": article.get("published_from"),
        "authors": article.get("authors") or [],
        "url": safe_url(article.get("url")),
        "language_note": language_note(article.get("language")),
    }
    if n is not None:
        meta["n"] = n
    return meta


def story_page(catalog: Catalog, story_id: str) -> dict[str, Any] | None:
    """The story's brief, with every cited text linked to its source sentences."""
    bundle = catalog.brief(story_id)
    if bundle is None:
        return None
    story = bundle["story"]
    articles = {a["id"]: a for a in bundle["articles"]}
    numbers = {aid: n for n, aid in enumerate(story["article_ids"], start=1)}

    def linked(item: dict[str, Any], text: str | None = None) -> dict[str, Any]:
        cited = text if text is not None else item.get("text", "")
        return {**item, "cites": _cites(cite(cited, item.get("sources") or (), articles, numbers))}

    duplicates = story.get("duplicates") or {}
    sources = [
        {
            **source_meta(articles[aid], numbers[aid]),
            "copy_of": duplicates.get(aid),
            "copy_of_n": numbers.get(duplicates.get(aid) or ""),
        }
        for aid in story["article_ids"]
        if aid in articles
    ]
    quotes = []
    for group in story.get("quotes") or ():
        variants = [linked(v) for v in group["variants"]]
        columns = quote_columns(group["variants"])
        for variant, pieces in zip(variants, columns):
            variant["pieces"] = [asdict(p) for p in pieces]
            variant["by_outlet"] = by_outlet(variant["cites"], articles)
        rendered_by = {a for v in variants for a in v["sources"]}
        quotes.append(
            {"speaker": group.get("speaker"), "variants": variants, "shared": len(rendered_by) > 1}
        )
    # utterances several articles render come first; they are where wordings can differ
    quotes.sort(key=lambda q: not q["shared"])
    figures = []
    for figure in story.get("figures") or ():
        first = (figure.get("texts") or [{}])[0].get("text", "")
        shown = linked(figure, first)
        # a range reads "10,000–12,000"; what is counted in the texts' words when known
        shown["amount"] = amount(figure["value"], figure.get("upper"), figure["unit"])
        shown["what"] = counted(figure)
        shown["date_label"] = date_label(figure.get("date"))
        shown["shared_qualifier"] = shared_qualifier(figure)
        shown["own_qualifiers"] = [
            {
                **q,
                # each source cited at the sentence it writes the figure in
                "cites": _cites(
                    [
                        c
                        for a in q["sources"]
                        for c in cite(written_by(figure, a), [a], articles, numbers)
                    ]
                ),
            }
            for q in figure.get("qualifiers") or ()
            if shown["shared_qualifier"] is None
        ]
        figures.append(shown)
    matrix = outlet_matrix(story.get("facts") or (), articles, numbers)
    return {
        "story": story,
        "sources": sources,
        "outlet_count": len({s["outlet_name"] for s in sources if s["outlet_name"]}),
        "summary": [linked(s) for s in story.get("summary") or ()],
        "conflicts": [
            {**c, "variants": [linked(v) for v in c["variants"]]} for c in story.get("conflicts") or ()
        ],
        "figures": figures,
        "quotes": quotes,
        # one heading per speaker, as in the reports: among the utterances several articles
        # render, and among the rest
        "quote_speakers": {
            "shared": by_speaker([q for q in quotes if q["shared"]]),
            "single": by_speaker([q for q in quotes if not q["shared"]]),
        },
        "timeline": [
            {**linked(t), "date_label": date_label(t["date"], t.get("end"))}
            for t in story.get("timeline") or ()
        ],
        "facts": [linked(f) for f in story.get("facts") or ()],
        "entities": story.get("entities") or [],
        "framing": [
            {**f, "n": numbers.get(f["article_id"]), "outlet": outlet_name(articles[f["article_id"]])}
            if f["article_id"] in articles
            else {**f, "n": None, "outlet": None}
            for f in story.get("framing") or ()
        ],
        "matrix": {
            "outlets": matrix.outlets,
            "rows": matrix.rows,
            "omissions": matrix.omissions,
        },
        "charts": {
            "figures": charts.figure_charts(story.get("figures") or ()),
            "timeline": charts.timeline_chart(story.get("timeline") or ()),
        },
    }


def article_page(catalog: Catalog, article_id: str) -> dict[str, Any] | None:
    article = catalog.article(article_id)
    if article is None:
        return None
    story_id = catalog.story_of(article_id)
    title = catalog.story_titles([story_id]).get(story_id) if story_id else None
    return {
        "article": article,
        "meta": source_meta(article),
        "story": {"id": story_id, "title": title} if story_id else None,
        "blocks": article_blocks(article),
        "counts": {
            k: len(article.get(k) or ()) for k in ("quotes", "claims", "times", "entities", "removed")
        },
    }


# A name shown with its short forms: "Ukrainian Defense Intelligence Directorate (GUR/HUR)".
_WITH_SHORT_FORMS = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[A-Z]{2,10}(?:/[A-Z]{2,10})*)\)$")


def entity_names(name: str) -> list[str]:
    """The names an entity page looks up: the name, and for a name shown with its short forms
    (as a brief shows a body: "National Intelligence Service (NIS)") the long name and each
    short form; each also with "the", as articles write them."""
    found = _WITH_SHORT_FORMS.match(name.strip())
    names = [name] if found is None else [name, found["long"], *found["short"].split("/")]
    # a brief shows names without their article; articles write "the United Nations"
    return [*names, *(f"the {n}" for n in names if not n.lower().startswith("the "))]


def _merged(name: str, views: list[EntityView]) -> EntityView:
    items = {(i.kind, i.article_id, i.fragment): i for v in views for i in v.items}
    mentions = {m["article_id"]: m for v in views for m in v.mentions}
    return EntityView(
        name=name,
        labels=sorted({label for v in views for label in v.labels}),
        items=sorted(items.values(), key=lambda i: (i.date or "9999", i.article_id)),
        mentions=sorted(
            mentions.values(), key=lambda m: (m.get("published") or "9999", m["article_id"])
        ),
    )


def entity_page(catalog: Catalog, name: str) -> dict[str, Any] | None:
    views = [v for v in map(catalog.entity, entity_names(name)) if v is not None]
    if not views:
        return None
    # the page is the name asked for, whichever of its forms the articles use
    view = replace(views[0], name=name) if len(views) == 1 else _merged(name, views)
    data = view.as_dict()
    story_ids = sorted({i.story_id for i in view.items if i.story_id} | {
        m["story_id"] for m in view.mentions if m.get("story_id")
    })
    titles = catalog.story_titles(story_ids)
    data["stories"] = [{"id": sid, "title": titles[sid]} for sid in story_ids if sid in titles]
    data["chart"] = charts.activity_chart([i.as_dict() for i in view.items])
    return data
