"""Small hand-written articles for the grouping tests: two events and some unrelated news."""

from __future__ import annotations

import re

import pytest

from storyfuse.model import Analysis, Article, Entity

FLOOD = [
    (
        "flood-1",
        "2024-03-04",
        "Floods force 2,000 from homes in Harwick",
        (
            "The Tamber River burst its banks in Harwick on Sunday, forcing about 2,000 residents "
            "from their homes. Mayor Ellen Stroud said emergency shelters were opened at two schools "
            "and the Harwick fire service rescued dozens of people from flooded streets."
        ),
    ),
    (
        "flood-2",
        "2024-03-05",
        "Harwick counts the cost as Tamber River recedes",
        (
            "Residents of Harwick began returning home on Monday as the Tamber River receded after "
            "the weekend flood. Mayor Ellen Stroud said about 2,000 people had spent the night in "
            "shelters and that damage to homes and roads would take months to repair."
        ),
    ),
    (
        "flood-3",
        "2024-03-05",
        "Stroud asks for flood aid after Tamber River disaster",
        (
            "Harwick mayor Ellen Stroud asked the national government for emergency flood aid on "
            "Monday. The Tamber River flood drove 2,000 residents from their homes on Sunday and "
            "left streets in the town centre under a metre of water."
        ),
    ),
]

CHESS = [
    (
        "chess-1",
        "2024-03-04",
        "Okafor wins Valdora chess open",
        (
            "Grandmaster Tunde Okafor won the Valdora Open chess tournament on Sunday, beating "
            "Mira Lindqvist in the final round with the black pieces. Okafor finished on 7.5 points "
            "out of nine and takes home the first prize of 40,000 euros."
        ),
    ),
    (
        "chess-2",
        "2024-03-05",
        "Tunde Okafor takes Valdora title with final-round win",
        (
            "Tunde Okafor claimed the Valdora Open title after a final-round victory over Mira "
            "Lindqvist. The grandmaster scored 7.5 points from nine games at the Valdora chess "
            "tournament and collected the 40,000 euro first prize."
        ),
    ),
]

# The chess event again, in one-sentence reports (as in ECB+): few words to match on.
SHORT_CHESS = [
    (
        "chess-short-1",
        "2024-03-04",
        "",
        "Tunde Okafor won the Valdora Open on Sunday, beating Mira Lindqvist in the last round.",
    ),
    (
        "chess-short-2",
        "2024-03-05",
        "",
        "Grandmaster Okafor took the Valdora title and its first prize of 40,000 euros.",
    ),
]

# The same kind of event with another winner: every word alike but the names.
OTHER_WINNER = (
    "chess-other-winner",
    "2024-03-05",
    "",
    "Pavel Hruska took the Valdora Open title on Sunday after a last-round win over Mira Lindqvist.",
)

UNRELATED = (
    "bank-1",
    "2024-03-04",
    "Central bank of Ostland raises rates",
    (
        "The Ostland National Bank raised its main interest rate by a quarter point to 4.5 percent "
        "on Monday, citing persistent inflation in services. Governor Pieter Vos said further "
        "increases could not be ruled out."
    ),
)

NAMES = [
    ("Harwick", "GPE"),
    ("Tamber River", "LOC"),
    ("Ellen Stroud", "PERSON"),
    ("Stroud", "PERSON"),
    ("Tunde Okafor", "PERSON"),
    ("Okafor", "PERSON"),
    ("Mira Lindqvist", "PERSON"),
    ("Valdora", "GPE"),
    ("Valdora Open", "EVENT"),
    ("Ostland", "GPE"),
    ("Ostland National Bank", "ORG"),
    ("Pieter Vos", "PERSON"),
    ("Pavel Hruska", "PERSON"),
    ("Ivo Berg", "PERSON"),
    ("Hruska", "PERSON"),
    ("Halvor Co.", "ORG"),
    ("Brisco Holdings Inc.", "ORG"),
]


def make_analysis(article_id: str, published: str, title: str, text: str) -> Analysis:
    entities = tuple(
        Entity(text=name, label=label, start=m.start(), end=m.end())
        for name, label in NAMES
        for m in re.finditer(re.escape(name), text)
    )
    article = Article(
        id=article_id,
        path=f"{article_id}.txt",
        format="text",
        text=text,
        content_hash=article_id,
        title=title,
        published=published,
    )
    return Analysis(article=article, entities=entities)


@pytest.fixture(scope="session")
def flood() -> list[Analysis]:
    return [make_analysis(*row) for row in FLOOD]


@pytest.fixture(scope="session")
def chess() -> list[Analysis]:
    return [make_analysis(*row) for row in CHESS]


@pytest.fixture(scope="session")
def unrelated() -> Analysis:
    return make_analysis(*UNRELATED)


@pytest.fixture(scope="session")
def short_chess() -> list[Analysis]:
    return [make_analysis(*row) for row in SHORT_CHESS]


@pytest.fixture(scope="session")
def other_winner() -> Analysis:
    return make_analysis(*OTHER_WINNER)

