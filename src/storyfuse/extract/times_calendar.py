"""Calendar arithmetic for time expressions: dateparser on a detected span, and the choices
a year-less or relative expression needs (which year, which week, which unit)."""

from __future__ import annotations

import datetime as dt
import functools

from dateparser.date import DateDataParser  # type: ignore[import-untyped]

from storyfuse.extract.numbers import parse_number

UNIT_CODES = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
VAGUE_NUMBERS = {"several", "few", "a few", "many", "some", "numerous", "a number of"}


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=8192)
def parse_span(span: str, base: dt.date | None) -> tuple[dt.date, str] | None:
    """dateparser on one span: (date, period) where period is day / week / month / year."""
    data = _parser(base).get_date_data(span)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def pick_year(month: int, day: int | None, anchor: dt.date, tense: str | None) -> int:
    """The year of a year-less date.

    A day within three months of the publication date, or a month within two, is taken as the
    nearest one ("December 30" in a January article is last December; "by December" in October
    is this December). Further away the tense decides, and news, which mostly reports the past,
    defaults to the past: "in June" in an October article is this June, "in November" in a
    March article last November. A sentence in the present tense ("Democrats are favoured to
    win in November", in June) speaks of the nearest one.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            when = dt.date(year, month, day or 1)
        except ValueError:  # 29 February in a common year
            continue
        if day is None:
            # Months compare as months: "October" in an October article is this October.
            offset = year * 12 + month - (anchor.year * 12 + anchor.month)
        else:
            offset = (when - anchor).days
        candidates.append((offset, year))
    if not candidates:
        raise ValueError(f"no day {day} in month {month}")
    nearest = min(candidates, key=lambda c: (abs(c[0]), -c[1]))
    if abs(nearest[0]) <= (92 if day is not None else 2):
        return nearest[1]
    if tense == "future":
        return min((c for c in candidates if c[0] >= 0), default=nearest)[1]
    if tense == "past" or (day is None and tense is None):
        return max((c for c in candidates if c[0] <= 0), default=nearest)[1]
    return nearest[1]  # "present": "Democrats are favoured to win in November"


def weekday_date(weekday: int, anchor: dt.date, rel: str | None, tense: str | None) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel == "last":
        return anchor - dt.timedelta(days=back or 7)
    if rel == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if rel == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    # News reports the most recent such day, unless the sentence speaks of the future.
    if tense == "future":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def number_of(word: str) -> float | None:
    word = word.strip().lower()
    if word in ("a", "an", "one"):
        return 1
    if word == "a couple of":
        return 2
    if word in VAGUE_NUMBERS:
        return None
    try:
        return float(word)
    except ValueError:
        parsed = parse_number(word)
        return float(parsed) if parsed is not None else None


def duration_value(amount: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    code = UNIT_CODES.get(unit, "D")
    if code == "DE":
        return f"P{_fmt(amount * 10)}Y" if amount is not None else "PXE"
    if code == "CE":
        return f"P{_fmt(amount * 100)}Y" if amount is not None else "PXC"
    if code == "WE":
        return f"P{_fmt(amount * 2)}D" if amount is not None else "PXD"
    if code == "FN":
        return f"P{_fmt(amount * 2)}W" if amount is not None else "PXW"
    number = _fmt(amount) if amount is not None else "X"
    if amount is not None and not float(amount).is_integer():
        # "2 1/2 years" is P2Y6M: TIMEX3 writes a fraction in the next smaller unit
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M")}
        if code in smaller and unit not in ("minute", "second"):
            factor, small = smaller[code]
            whole, rest = int(amount), round((amount - int(amount)) * factor)
            if unit == "hour":
                return f"PT{whole}H{rest}M"
            if code == "D":
                return f"P{whole}DT{rest}H"
            return f"P{whole}{code}{rest}{small}"
    if unit in ("hour", "minute", "second"):
        return f"PT{number}{code}"
    return f"P{number}{code}"


def _fmt(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def shifted(anchor: dt.date, unit: str, amount: int) -> str:
    """The anchor moved by ``amount`` units, at that unit's granularity."""
    unit = unit.lower().rstrip("s")
    if unit in ("day", "night"):
        return (anchor + dt.timedelta(days=amount)).isoformat()
    if unit == "week":
        return iso_week(anchor + dt.timedelta(weeks=amount))
    if unit == "weekend":
        return iso_week(anchor + dt.timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        year, month = add_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + amount
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(anchor.year // 10 + amount)
    if unit in ("century", "centurie"):
        return str(anchor.year // 100 + amount)
    return str(anchor.year + amount)


def season(name: str, anchor: dt.date, amount: int) -> str:
    code = SEASONS[name.lower()]
    season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[code]
    year = anchor.year
    if amount < 0 and season_month >= anchor.month:
        year -= 1
    elif amount > 0 and season_month <= anchor.month:
        year += 1
    return f"{year}-{code}"


def is_valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
