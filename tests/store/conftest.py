"""A fresh database per test, on SQLite and on PostgreSQL, and small analysed articles."""

from __future__ import annotations

import pytest

from storyfuse.model import Analysis, Article, Claim, Entity, Quote


def migrate_to(store, revision: str) -> None:
    """Take ``store``'s database back (or on) to schema ``revision`` with Alembic, as a
    database made by an older storyfuse would be."""
    from alembic import command
    from alembic.config import Config

    from storyfuse.store.db import MIGRATIONS

    with store.engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if revision < current:
            command.downgrade(cfg, revision)
        else:
            command.upgrade(cfg, revision)


def analysis(
    article_id: str,
    published: str,
    title: str,
    text: str,
    names: tuple[tuple[str, str], ...] = (),
    content_hash: str | None = None,
    outlet: str | None = None,
) -> Analysis:
    entities = tuple(
        Entity(text=name, label=label, start=text.find(name), end=text.find(name) + len(name))
        for name, label in names
        if name in text
    )
    quotes = tuple(
        Quote(text=part.split("\u201d")[0], speaker=None, start=0, end=1)
        for part in text.split("\u201c")[1:]
    )
    claims = tuple(
        Claim(text=sentence.strip(), value=2000.0, unit="resident", start=0, end=1)
        for sentence in text.split(".")
        if "2,000" in sentence
    )
    article = Article(
        id=article_id,
        path=f"/news/{article_id}.txt",
        format="text",
        text=text,
        content_hash=content_hash or f"hash-{article_id}",
        title=title,
        outlet=outlet,
        published=published,
    )
    return Analysis(article=article, entities=entities, quotes=quotes, claims=claims)


FLOOD_NAMES = (("Harwick", "GPE"), ("Tamber River", "LOC"), ("Ellen Stroud", "PERSON"))


@pytest.fixture
def flood() -> list[Analysis]:
    return flood_reports()


def flood_reports() -> list[Analysis]:
    """Two outlets' reports of one flood."""
    return [
        analysis(
            "flood-1",
            "2024-03-04",
            "Floods force 2,000 from homes in Harwick",
            "The Tamber River burst its banks in Harwick on Sunday, forcing 2,000 residents from "
            "their homes. \u201cWe have opened shelters at two schools,\u201d Mayor Ellen Stroud "
            "said.",
            FLOOD_NAMES,
            outlet="Harwick Herald",
        ),
        analysis(
            "flood-2",
            "2024-03-05",
            "Harwick counts the cost as Tamber River recedes",
            "Residents of Harwick began returning home on Monday as the Tamber River receded "
            "after the weekend flood. Mayor Ellen Stroud said 2,000 people spent the night in "
            "shelters.",
            FLOOD_NAMES,
            outlet="Valley News",
        ),
    ]


def earlier_flood_report() -> Analysis:
    """A third report of the flood, dated before the others: it becomes the story's first."""
    return analysis(
        "flood-0",
        "2024-03-03",
        "Tamber River rises toward Harwick homes",
        "The Tamber River rose toward homes in Harwick on Saturday as Mayor Ellen Stroud "
        "warned that 2,000 residents could be forced from their homes.",
        FLOOD_NAMES,
        outlet="River Post",
    )


@pytest.fixture
def bank() -> Analysis:
    return analysis(
        "bank-1",
        "2024-03-04",
        "Central bank of Ostland raises rates",
        "The Ostland National Bank raised its main interest rate by a quarter point on Monday, "
        "citing persistent inflation. Governor Pieter Vos said further increases were possible.",
        (("Ostland National Bank", "ORG"), ("Pieter Vos", "PERSON")),
        outlet="Valley News",
    )
