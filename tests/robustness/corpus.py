"""A small synthetic news corpus for the crash, idempotence and concurrency tests.

Four unrelated events, each told by several outlets in their own words, so an ingest produces
several stories of several articles. Deterministic: the same call writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path

TOPICS = [
    {
        "title": "Harbour bridge reopens after {n} months of repairs",
        "lead": "The harbour bridge in Portwell reopened to traffic on {day}, {n} months after "
        "engineers found corroded steel cables, city officials said.",
        "body": [
            "Mayor Elena Marsh said the repairs cost about {m} million euros.",
            '"The bridge is safe and it is open," Marsh told reporters at the north ramp.',
            "Some {k},000 vehicles crossed the bridge each day before it closed in March.",
            "Ferry operators had added extra crossings while the bridge was shut.",
        ],
    },
    {
        "title": "Copper mine near Lake Orra resumes work after safety review",
        "lead": "The Orra copper mine resumed production on {day} after a {n}-week safety review "
        "ordered by the regional mining inspectorate, its operator said.",
        "body": [
            "About {k}00 miners returned to work, according to the operator, Orra Metals.",
            '"We have fixed every issue the inspectors raised," chief executive Dana Holt said.',
            "The inspectorate had found faulty ventilation in two shafts in September.",
            "Output should reach {m}0 percent of capacity by December, the company said.",
        ],
    },
    {
        "title": "Storm Ilse cuts power to {k}0,000 homes along the coast",
        "lead": "Storm Ilse brought winds of up to {n}0 kilometres an hour to the western coast "
        "on {day}, cutting power to about {k}0,000 homes, the grid operator said.",
        "body": [
            "Crews restored electricity to most households within {m} hours.",
            '"This was the strongest storm of the season," forecaster Jonas Vik said.',
            "Schools in three coastal districts stayed closed on Friday.",
            "The coast guard rescued two sailors whose boat capsized near Skarholm.",
        ],
    },
    {
        "title": "City council approves {n} kilometres of new cycle lanes",
        "lead": "The Valmora city council approved {n} kilometres of new protected cycle lanes "
        "on {day}, Mayor Lena Fischer said after the vote.",
        "body": [
            '"This is the biggest expansion in a decade," Fischer said.',
            "Construction starts in March and should cost about {m} million euros.",
            "Cyclist groups welcomed the plan, while shop owners on Main Street objected.",
            "The council voted {k}1 to 9 in favour after a four-hour debate.",
        ],
    },
]
OUTLETS = ["Coastal Courier", "Daily Ledger", "Morning Post", "Evening Star", "City Wire"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]


def article(topic: int, variant: int) -> str:
    t = TOPICS[topic]
    values = {"n": 3 + variant % 3, "m": 2 + variant % 4, "k": 4 + variant % 5, "day": DAYS[topic]}
    body = t["body"][variant % 4 :] + t["body"][: variant % 4]  # each outlet in its own order
    lines = [
        t["title"].format(**values),
        f"By staff of the {OUTLETS[variant % len(OUTLETS)]}",
        f"Published 2024-11-{4 + topic:02d}",
        "",
        t["lead"].format(**values),
        "",
        *(line.format(**values) + "\n" for line in body),
    ]
    return "\n".join(lines)


def write_corpus(folder: Path, per_topic: int = 6) -> list[Path]:
    """Write ``4 * per_topic`` articles as .txt files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for topic in range(len(TOPICS)):
        for variant in range(per_topic):
            path = folder / f"t{topic}-v{variant:02d}.txt"
            path.write_text(article(topic, variant), encoding="utf-8")
            paths.append(path)
    return paths
