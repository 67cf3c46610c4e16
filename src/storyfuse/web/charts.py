"""Vega-Lite chart specs built with Altair; the page renders them with the vendored vega-embed.

Specs carry their data inline (``alt.Data(values=...)``): the browser never loads data from
anywhere but the page itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal

import altair as alt

from storyfuse.extract.numbers import is_share, written
from storyfuse.render.view import counted, shared_qualifier

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# few enough that each chart stays readable on a phone
MAX_UNITS = 6
# fill the page's width, keep the height the spec asks for
_FIT_X = alt.AutoSizeParams(type="fit-x", contains="padding")


def iso_day(value: str | None) -> str | None:
    """A full YYYY-MM-DD for a (possibly partial) ISO date; None for weeks, ranges, garbage."""
    match = _ISO.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return f"{year}-{month or '01'}-{day or '01'}"


def figure_charts(figures: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Dot plots of the things counted by more than one figure: value by claimant.

    A thing counted once has nothing to compare (the table shows it). Dot size is the number of
    sources; the axis starts at zero so that the distance between two claims reads as their ratio.
    """
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for f in figures:
        # shares of different things are not compared: "percent (jobless rate)", "percent
        # (inflation)"; counts of one unit are, whatever each outlet calls them
        compared = counted(f) if is_share(f["unit"]) else f["unit"]
        by_unit.setdefault(compared, []).append(
            {
                "claimant": f.get("claimant") or "unattributed",
                "value": f["value"],
                "label": " ".join(p for p in (shared_qualifier(f), written(f["value"])) if p),
                "sources": len(set(f.get("sources") or ())),
                "date": f.get("date") or "",
            }
        )
    compared = [(unit, rows) for unit, rows in by_unit.items() if len(rows) > 1]
    compared.sort(key=lambda kv: -sum(r["sources"] for r in kv[1]))
    charts = []
    for unit, rows in compared[:MAX_UNITS]:
        most = max(r["sources"] for r in rows)
        # Vega pads a domain after fixing its ends, so the padding (room for the dots at the
        # ends) put an axis of counts below zero, and "nice" rounded that to a negative tick
        # ("−2M"): counts get a domain from zero with the room on the right only
        scale = alt.Scale(zero=True, nice=True, padding=12)
        top = max(r["value"] for r in rows)
        if min(r["value"] for r in rows) >= 0:
            scale = alt.Scale(domain=[0, top * 1.06 if top > 0 else 1], zero=True, nice=True)
        chart = alt.Chart(
            alt.Data(values=rows), title=unit, width="container", height=alt.Step(30), autosize=_FIT_X
        ).mark_circle(opacity=0.85).encode(
            x=alt.X(
                "value:Q",
                title=None,
                scale=scale,
                # the ticks share one SI prefix, zero too ("0k"): zero reads as 0
                axis=alt.Axis(
                    format="~s", tickCount=6, labelOverlap=True,
                    labelExpr="datum.value === 0 ? '0' : datum.label",
                ),
            ),
            y=alt.Y("claimant:N", title=None, sort="-x", axis=alt.Axis(labelLimit=110)),
            size=alt.Size(
                "sources:Q", legend=None, scale=alt.Scale(domain=[0, max(most, 1)], range=[0, 420])
            ),
            color=alt.Color("claimant:N", legend=None),
            tooltip=[
                alt.Tooltip("claimant:N"),
                alt.Tooltip("label:N", title=unit),
                alt.Tooltip("sources:Q"),
                alt.Tooltip("date:N"),
            ],
        )
        charts.append(chart.to_dict())
    return charts


def timeline_chart(events: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Dated events on a time axis; dot size = number of sources, the text on hover; events
    not yet happened when reported (``expected``) are paler."""
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
                    "status": "expected" if e.get("expected") else "reported",
                }
            )
    if not rows:
        return None
    days = sorted(r["day"] for r in rows)
    span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
    # one tick per day, week, month or year: never a tick between two days
    interval: Literal["day", "week", "month", "year"] = (
        "day" if span <= 14 else "week" if span <= 120 else "month" if span <= 1100 else "year"
    )
    chart = (
        alt.Chart(alt.Data(values=rows), width="container", height=130, autosize=_FIT_X)
        .mark_circle()
        .encode(
            x=alt.X(
                "day:T",
                title=None,
                timeUnit="utcyearmonthdate",
                scale=alt.Scale(padding=14),
                axis=alt.Axis(
                    format="%Y-%m-%d" if interval in ("day", "week") else "%Y-%m",
                    tickCount=alt.TimeIntervalStep(interval=interval, step=1),
                    labelOverlap=True,
                ),
            ),
            y=alt.Y(
                "sources:Q",
                title="sources",
                scale=alt.Scale(zero=True, padding=8),
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            size=alt.Size("sources:Q", legend=None, scale=alt.Scale(range=[40, 300])),
            opacity=alt.Opacity(
                "status:N",
                legend=None,
                scale=alt.Scale(domain=["reported", "expected"], range=[0.8, 0.3]),
            ),
            tooltip=[
                alt.Tooltip("date:N"),
                alt.Tooltip("text:N"),
                alt.Tooltip("sources:Q"),
                alt.Tooltip("status:N"),
            ],
        )
    )
    return chart.to_dict()


def activity_chart(items: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Quotes and claims of one entity per day, or per month over more than two months (items
    carry ``date`` and ``kind``)."""
    days = [(d, item["kind"]) for item in items if (d := iso_day(item.get("date")))]
    if not days:
        return None
    first, last = min(d for d, _ in days), max(d for d, _ in days)
    monthly = (date.fromisoformat(last) - date.fromisoformat(first)).days > 62
    counts: Counter[tuple[str, str]] = Counter(
        ((d[:7] + "-01" if monthly else d), kind) for d, kind in days
    )
    rows = [{"month": m, "kind": k, "count": n} for (m, k), n in sorted(counts.items())]
    chart = (
        alt.Chart(alt.Data(values=rows), width="container", height=140, autosize=_FIT_X)
        .mark_bar()
        .encode(
            x=alt.X(
                "month:O",
                timeUnit="utcyearmonth" if monthly else "utcyearmonthdate",
                title=None,
                axis=alt.Axis(format="%Y-%m" if monthly else "%Y-%m-%d", labelAngle=0),
            ),
            y=alt.Y("sum(count):Q", title="items", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("kind:N", title=None),
            tooltip=[
                alt.Tooltip(
                    "month:T",
                    timeUnit="utcyearmonth" if monthly else "utcyearmonthdate",
                    title="month" if monthly else "day",
                ),
                alt.Tooltip("kind:N"),
                alt.Tooltip("sum(count):Q", title="items"),
            ],
        )
    )
    return chart.to_dict()
