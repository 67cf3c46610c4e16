"""Vega-Lite specs built with Altair: valid against the schema, and showing what they should."""

import altair as alt
import pytest

from storyfuse.web import charts


def _valid(spec: dict) -> dict:
    alt.Chart.from_dict(spec)  # raises on a spec the Vega-Lite schema rejects
    return spec


def test_figures_are_charted_only_where_there_is_something_to_compare():
    figures = [
        {"value": 12000, "unit": "troop", "claimant": "HUR", "sources": ["a", "b"]},
        {"value": 3000, "unit": "troop", "claimant": None, "sources": ["c"], "qualifier": "about"},
        {"value": 500, "unit": "officer", "claimant": "HUR", "sources": ["a"]},
    ]
    (spec,) = charts.figure_charts(figures)
    _valid(spec)
    assert spec["title"] == "troop"
    rows = spec["data"]["values"]
    assert {(r["claimant"], r["value"], r["sources"]) for r in rows} == {
        ("HUR", 12000, 2),
        ("unattributed", 3000, 1),
    }
    assert spec["encoding"]["x"]["scale"]["zero"] is True


def test_a_dot_is_labelled_with_a_qualifier_only_when_all_its_sources_write_it():
    figures = [
        {"value": 12000, "unit": "troop", "claimant": "HUR", "sources": ["a", "b"],
         "qualifier": "about", "qualifiers": [{"text": "about", "sources": ["a"]}]},
        {"value": 3000, "unit": "troop", "claimant": None, "sources": ["c"], "qualifier": "about",
         "qualifiers": [{"text": "about", "sources": ["c"]}]},
    ]  # fmt: skip
    (spec,) = charts.figure_charts(figures)
    assert {r["label"] for r in spec["data"]["values"]} == {"12,000", "about 3,000"}


@pytest.mark.parametrize(
    ("dates", "interval"),
    [(["2024-10-22", "2024-10-27"], "day"), (["2024-06-19", "2024-12"], "month"), (["2019", "2024-01-02"], "year")],
)
def test_timeline_ticks_never_fall_between_days(dates, interval):
    events = [{"date": d, "text": "x", "sources": ["a"]} for d in dates]
    spec = _valid(charts.timeline_chart(events))
    assert spec["encoding"]["x"]["axis"]["tickCount"]["interval"] == interval


def test_timeline_skips_dates_it_cannot_place():
    assert charts.timeline_chart([{"date": "2024-W42", "text": "x", "sources": ["a"]}]) is None
    assert charts.iso_day("2024-10") == "2024-10-01" and charts.iso_day("soon") is None


def test_activity_is_daily_over_a_short_span_and_monthly_over_a_long_one():
    short = _valid(charts.activity_chart([{"date": "2024-10-25", "kind": "quote"}, {"date": "2024-10-26", "kind": "claim"}]))
    assert short["encoding"]["x"]["timeUnit"] == "utcyearmonthdate"
    long = _valid(charts.activity_chart([{"date": "2024-01-25", "kind": "quote"}, {"date": "2024-10-26", "kind": "quote"}]))
    assert long["encoding"]["x"]["timeUnit"] == "utcyearmonth"
    assert charts.activity_chart([{"date": None, "kind": "quote"}]) is None


def test_a_forecast_on_the_timeline_is_paler_than_a_reported_event():
    events = [
        {"date": "2024-10-23", "text": "arrived", "sources": ["a"]},
        {"date": "2024-12", "text": "expected by December", "sources": ["b"], "expected": True},
    ]
    spec = _valid(charts.timeline_chart(events))
    assert [r["status"] for r in spec["data"]["values"]] == ["reported", "expected"]
    scale = spec["encoding"]["opacity"]["scale"]
    reported, expected = (scale["range"][scale["domain"].index(k)] for k in ("reported", "expected"))
    assert expected < reported


def test_shares_of_different_things_are_not_charted_together():
    def share(value: float, thing: str, claimant: str | None, source: str) -> dict:
        return {
            "value": value, "unit": "percent", "thing": thing, "claimant": claimant,
            "sources": [source],
        }  # fmt: skip

    figures = [
        share(3.5, "jobless rate", None, "a"),
        share(3.7, "jobless rate", "BLS", "b"),
        share(12, "increase", None, "c"),
    ]
    (spec,) = charts.figure_charts(figures)
    _valid(spec)
    assert spec["title"] == "percent (jobless rate)"
    assert sorted(r["value"] for r in spec["data"]["values"]) == [3.5, 3.7]
