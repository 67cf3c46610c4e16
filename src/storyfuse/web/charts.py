"""Vega-Lite chart specs built with Altair; the page renders them with the vendored vega-embed.

Specs carry their data inline (``alt.Data(values=...)``): the browser never loads data from
anywhere but the page itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# few enough that each chart stays readable on a phone
MAX_UNITS = 6


def iso_day(value: str | None) -> str | None:
    """A full YYYY-MM-DD for a (possibly partial) ISO date; None for weeks, ranges, garbage."""
    match = _ISO.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def figure_charts(figures: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One dot plot per thing counted: value by claimant, dot size = number of sources."""
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for f in figures:
        by_unit.setdefault(f["unit"], []).append(
            {
                "claimant": f.get("claimant") or "unattributed",
                "value": f["value"],
                "label": " ".join(p for p in (f.get("qualifier"), _number(f["value"])) if p),
                "sources": len(set(f.get("sources") or ())),
                "date": f.get("date") or "",
            }
        )
    ranked = sorted(by_unit.items(), key=lambda kv: -sum(r["sources"] for r in kv[1]))
    charts = []
    for unit, rows in ranked[:MAX_UNITS]:
        chart = (
            alt.Chart(alt.Data(values=rows), title=unit, width="container", height=alt.Step(26))
            .mark_circle(opacity=0.85)
            .encode(
                x=alt.X("value:Q", title=unit, scale=alt.Scale(zero=False, nice=True)),
                y=alt.Y("claimant:N", title=None, sort="-x"),
                size=alt.Size("sources:Q", title="sources", scale=alt.Scale(range=[60, 400])),
                color=alt.Color("claimant:N", legend=None),
                tooltip=[
                    alt.Tooltip("claimant:N"),
                    alt.Tooltip("label:N", title=unit),
                    alt.Tooltip("sources:Q"),
                    alt.Tooltip("date:N"),
                ],
            )
        )
        charts.append(chart.to_dict())
    return charts


def timeline_chart(events: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Dated events on a time axis; dot size = number of sources, the text on hover."""
    rows = []
    for e in events:
        day = iso_day(e.get("date"))
        if day:
            text = e.get("text") or ""
            rows.append(
                {
                    "day": day,
                    "date": e["date"],
                    "text": text if len(text) <= 140 else text[:139] + "…",
                    "sources": len(set(e.get("sources") or ())),
                }
            )
    if not rows:
        return None
    chart = (
        alt.Chart(alt.Data(values=rows), width="container", height=120)
        .mark_circle(opacity=0.8)
        .encode(
            x=alt.X("day:T", title=None, timeUnit="utcyearmonthdate"),
            y=alt.Y("sources:Q", title="sources", scale=alt.Scale(zero=True)),
            size=alt.Size("sources:Q", legend=None, scale=alt.Scale(range=[40, 300])),
            tooltip=[alt.Tooltip("date:N"), alt.Tooltip("text:N"), alt.Tooltip("sources:Q")],
        )
    )
    return chart.to_dict()


def activity_chart(items: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Quotes and claims of one entity per month (items carry ``date`` and ``kind``)."""
    counts: Counter[tuple[str, str]] = Counter()
    for item in items:
        day = iso_day(item.get("date"))
        if day:
            counts[(day[:7] + "-01", item["kind"])] += 1
    if not counts:
        return None
    rows = [{"month": m, "kind": k, "count": n} for (m, k), n in sorted(counts.items())]
    chart = (
        alt.Chart(alt.Data(values=rows), width="container", height=140)
        .mark_bar()
        .encode(
            x=alt.X("month:T", timeUnit="utcyearmonth", title=None),
            y=alt.Y("sum(count):Q", title="items"),
            color=alt.Color("kind:N", title=None),
            tooltip=[
                alt.Tooltip("month:T", timeUnit="utcyearmonth", title="month"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("sum(count):Q", title="items"),
            ],
        )
    )
    return chart.to_dict()
