"""clean.clean: clutter removal with reasons, and metadata completed from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfuse.clean import clean
from storyfuse.clean.metadata import infer_date, parse_date, without_closing_stop
from storyfuse.model import Document

FIXTURES = Path(__file__).parent.parent / "fixtures" / "clean"


def _doc(body: str, **kw: object) -> Document:
    fields: dict[str, object] = {
        "id": "t",
        "path": "t.txt",
        "format": "text",
        "body": body,
        "content_hash": "0" * 64,
    }
    fields.update(kw)
    return Document(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def page():
    return clean(_doc((FIXTURES / "pasted_page.txt").read_text(encoding="utf-8")))


def _reason(article, startswith: str) -> str:
    matches = [r.reason for r in article.removed if r.text.startswith(startswith)]
    assert matches, f"{startswith!r} was not removed"
    return matches[0]


def _council_body(label: str = "paragraph") -> str:
    """Four lines of one report on a harbour council's meeting."""
    return "\n".join(
        f"The harbour council met on Monday, {label} {k}, and the harbour deal was debated "
        "again by members who said the port could not wait for another year."
        for k in range(4)
    )


def test_article_paragraphs_are_kept_in_order(page) -> None:
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0].startswith("Ferry crews returned to work")
    assert any(p.startswith("Island councils had warned") for p in paragraphs)
    # The body continues after a newsletter box: that paragraph is part of the article.
    assert paragraphs[-1].startswith("The ferry operator said")
    assert len(paragraphs) == 5


@pytest.mark.parametrize(
    ("line", "reason_word"),
    [
        ("Skip to content", "furniture"),
        ("Advertisement", "furniture"),
        ("Sign up for our newsletter", "furniture"),
        ("0:00", "time"),
        ("Passengers queue at the north pier", "caption"),
        ("Lena Okafor is a transport reporter", "bio"),
        ("Stock markets close higher", "list of other items"),
        ("Weather service warns", "list of other items"),
        ("Bridge tolls to rise in April", "listed under"),
        ("Latest news", "listed under"),
        ("By Lena Okafor", "byline"),
        ("Posted March 14, 2024", "dateline"),
        ("© 2024 The Harbour Times", "furniture"),
    ],
)
def test_clutter_is_removed_with_a_reason(page, line: str, reason_word: str) -> None:
    assert reason_word in _reason(page, line)
    assert line not in page.text


def test_metadata_from_the_page(page) -> None:
    assert page.title == "Ferry strike ends after pay deal"
    assert page.authors == ("Lena Okafor", "Tomas Brandt")
    assert (page.published, page.published_from) == ("2024-03-14", "text")
    assert page.outlet == "The Harbour Times"


def test_given_metadata_wins_over_the_text() -> None:
    body = (FIXTURES / "pasted_page.txt").read_text(encoding="utf-8")
    article = clean(
        _doc(
            body,
            title="Given",
            published="2024-01-02",
            published_from="given",
            authors=("A Writer",),
            outlet="Given Outlet",
        )
    )
    assert (article.title, article.published, article.published_from) == (
        "Given",
        "2024-01-02",
        "given",
    )
    assert article.authors == ("A Writer",) and article.outlet == "Given Outlet"


def _prose(n: int) -> str:
    return "\n".join(
        f"Paragraph {k} of the council report says the new tram line will open in stages, "
        "and that the first stage will carry passengers between the station and the port."
        for k in range(n)
    )


@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("Updated on Oct. 25, 2024 at 10:14 a.m. ET", "2024-10-25"),
        ("Posted October. 26, 2024 07:51,", "2024-10-26"),
        ("by Ana Lee October 25, 2024 3:11 PM 1 min read", "2024-10-25"),
        ("Published 3 March 2023", "2023-03-03"),
    ],
)
def test_dateline_gives_the_date(dateline: str, expected: str) -> None:
    article = clean(_doc(f"Tram line opens\n{dateline}\n{_prose(4)}"))
    assert (article.published, article.published_from) == (expected, "text")


def test_posted_wins_over_updated() -> None:
    body = f"Tram line opens\nUpdated May 2, 2024\nPosted May 1, 2024\n{_prose(4)}"
    assert clean(_doc(body)).published == "2024-05-01"


def test_no_date_stays_none() -> None:
    article = clean(_doc(f"Tram line opens\n{_prose(4)}"))
    assert article.published is None and article.published_from is None


def test_inferred_only_when_dates_agree() -> None:
    assert (
        infer_date(["It opened on March 3, 2024.", "Work began on March 1, 2024."]) == "2024-03-03"
    )
    assert infer_date(["It opened on March 3, 2024."]) is None  # one date is not enough
    assert infer_date(["In May 2, 1990 it closed.", "On March 3, 2024 it opened."]) is None


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("By Jane Smith and Omar Haddad", ("Jane Smith", "Omar Haddad")),
        (
            "by Martina Rossi, Li Wei and Sam Okoro October 25, 2024",
            ("Martina Rossi", "Li Wei", "Sam Okoro"),
        ),
        ("By Jane Smith | 4 min read", ("Jane Smith",)),
    ],
)
def test_byline_authors(byline: str, authors: tuple[str, ...]) -> None:
    assert clean(_doc(f"Tram line opens\n{byline}\n{_prose(4)}")).authors == authors


def test_an_outlet_given_as_its_own_author_is_no_author() -> None:
    page = f"Tram line opens\n{_prose(4)}"
    assert clean(_doc(page, outlet="City Post", authors=("City Post",))).authors == ()
    kept = clean(_doc(page, outlet="City Post", authors=("Jane Smith", "CITY POST")))
    assert kept.authors == ("Jane Smith",)
    # a wire agency credited on another outlet's page is its author
    assert clean(_doc(page, outlet="City Post", authors=("Reuters",))).authors == ("Reuters",)
    # the site's address, its dot dropped, is no author either
    kept = clean(_doc(page, outlet="Tarnby", authors=("Jane Smith", "Tarnby com")))
    assert kept.authors == ("Jane Smith",)


def test_a_bylines_outlet_handle_and_placeholder_are_no_author() -> None:
    page = f"Tram line opens\n{_prose(4)}"
    given = ("Jane Smith, CITY POST", "Omar Haddad, @ohaddad", "None", "@citypost")
    assert clean(_doc(page, outlet="City Post", authors=given)).authors == (
        "Jane Smith",
        "Omar Haddad",
    )
    # a name given "Last, First" keeps its comma
    kept = clean(_doc(page, outlet="City Post", authors=("Smith, Jane",)))
    assert kept.authors == ("Smith, Jane",)


def test_a_note_on_the_articles_own_author_at_its_end_is_left_out() -> None:
    note = "Jane Smith is director of the harbour studies programme at Tarnby University."
    page = f"{_prose(4)}\n{note}"
    article = clean(_doc(page, authors=("Jane Smith",)))
    assert note not in article.text
    assert {r.reason for r in article.removed if r.text == note} == {"author bio"}
    # the same line about someone else is the article's
    assert note in clean(_doc(page, authors=("Omar Haddad",))).text


def test_an_author_named_twice_is_one_author() -> None:
    page = f"Tram line opens\n{_prose(4)}"
    both = ("Troy Smith", "Troy L Smith", "Ana Smith", "Troy L. Smith")
    assert clean(_doc(page, outlet="City Post", authors=both)).authors == ("Troy Smith", "Ana Smith")
    # a job is no author
    jobs = ("Tom Krisher", "AP Auto Writer", "Senior Correspondents")
    assert clean(_doc(page, outlet="City Post", authors=jobs)).authors == ("Tom Krisher",)
    noted = ("Ana Berg is a reporter for City Post",)
    assert clean(_doc(page, outlet="City Post", authors=noted)).authors == ("Ana Berg",)


def test_parse_date_requires_a_full_date() -> None:
    assert parse_date("Oct. 25, 2024") == "2024-10-25"
    assert parse_date("October 2024") is None


@pytest.mark.parametrize("extracted", [False, True])
def test_a_title_broken_over_lines_is_left_out(extracted: bool) -> None:
    title = "Council shuts old bridge; ferry to run until May"
    body = f"Council shuts old bridge;\nferry to run until May.\n\n{_prose(4)}"
    article = clean(_doc(body, title=title, from_html=extracted))
    assert article.text.startswith(_prose(1).split(".")[0])
    assert {r.reason for r in article.removed if "ferry" in r.text} == {"headline (repeated title)"}


def test_a_caption_after_a_bare_photo_credit_is_left_out() -> None:
    caption = "Council member Ada Moss holds up a model of the new tram at the station."
    kept = "The council said the first stage of the tram line would carry passengers from May."
    after = (
        "Work on the second stage, to the airport, will start once the first is open, and the "
        "council expects it to take another two years."
    )
    body = f"{_prose(3)}\nPOOL New/Reuters.\n{caption}\n{kept}\n{after}"
    article = clean(_doc(body))
    assert caption not in article.text
    assert kept in article.text  # what follows the caption is text again


def test_repeated_headline_and_caption_copies() -> None:
    caption = "The new tram at the depot on Monday, March 4, 2024."
    body = (
        f"Tram line opens\nTram line opens\n{_prose(2)}\n{caption}\n"
        f"{caption} (Ana Lee/City Photos)\n{_prose(2)}"
    )
    article = clean(_doc(body))
    assert "depot on Monday" not in article.text
    reasons = {r.reason for r in article.removed if "depot" in r.text}
    assert reasons == {"photo caption or credit"}
    assert article.title == "Tram line opens"


@pytest.mark.parametrize(
    "poll",
    [
        (
            "The mayor now leads her rival for the first time since May by a single point among "
            "likely voters in the city, according to the Varnia News/Harbour Post daily tracking "
            "poll."
        ),
        # under 25 words: the lower-case word leading into the names tells it from a credit
        (
            "The mayor now leads her rival by one point, according to the latest Varnia "
            "News/Harbour Post tracking poll."
        ),
    ],
)
def test_a_sentence_ending_in_a_source_with_a_slash_is_no_credit(poll: str) -> None:
    """A sentence that names a joint poll or a broadcast time ends like a credit ("... News/Post
    poll.", "... 6:30 p.m. ET/PT."), but with a full stop, running text leading into the names;
    a credit does not, even after a caption that ends in one."""
    caption = "The mayor greets supporters at the harbour on Monday night. Ana Lee/City Photos"
    closed = "The tram crosses the new bridge on its first run. Photo by Ana Lee/City Photos."
    body = f"{poll}\n{_prose(2)}\n{caption}\n{_prose(1)}\n{closed}\n{_prose(1)}"
    article = clean(_doc(body))
    assert "tracking poll." in article.text
    assert "greets supporters" not in article.text
    assert "new bridge" not in article.text


def test_html_body_is_only_trimmed() -> None:
    body = "Tram line opens\n" + _prose(3) + "\nShare this article\nShort line in the middle\n"
    body += "Paragraph 9 says the second stage depends on funding from the regional government."
    article = clean(_doc(body, format="html", from_html=True, title="Tram line opens"))
    assert article.text.count("Paragraph") == 4
    assert "Short line in the middle" in article.text  # the middle is the extractor's call
    assert [r.reason for r in article.removed] == ["headline (repeated title)"]


@pytest.mark.parametrize("extracted", [False, True])
def test_a_body_that_only_repeats_its_headline_is_kept(extracted: bool) -> None:
    """A brief whose one sentence is also its headline keeps that sentence as its body."""
    line = "The city council is suing the port authority over three new harbour fees."
    title = line if extracted else None
    article = clean(_doc(f"{line}\n\n{line}\n", title=title, from_html=extracted))
    assert article.text == line
    assert article.title is not None and article.title.startswith("The city council is suing")


def test_empty_and_clutter_only_bodies() -> None:
    assert clean(_doc("")).text == ""
    assert clean(_doc("Subscribe\nMenu\n0:00\n")).text == ""


def test_short_clean_text_keeps_its_sentences() -> None:
    body = (
        "Apple unveils new phone\n\nApple on Tuesday unveiled a new phone with a larger screen and "
        "a faster chip, the company said at an event in California.\n\n"
        "The phone goes on sale next week."
    )
    article = clean(_doc(body))
    assert article.text.endswith("The phone goes on sale next week.")
    assert article.title == "Apple unveils new phone"
    assert clean(_doc("Schools reopen after the storm.")).text == "Schools reopen after the storm."
    two = "The river rose two metres overnight.\n\nResidents were told to move cars uphill."
    assert clean(_doc(two)).text == two


_LEDE = (
    "The city council voted on Tuesday to close the old bridge to lorries from next month, after "
    "engineers found cracks in two of its supports, the council said in a statement."
)


def test_a_headline_written_as_a_sentence_above_the_body_is_the_title() -> None:
    # Some archives end every headline with a full stop; it then reads as a short sentence.
    article = clean(_doc(f"Council shuts old bridge to lorries.\n\n{_LEDE}\n\nMore follows."))
    assert article.title == "Council shuts old bridge to lorries"  # shown without the stop
    assert article.text.startswith("The city council voted")
    assert any(r.text == "Council shuts old bridge to lorries." for r in article.removed)
    # A headline closed by a semicolon above its standfirst.
    article = clean(_doc(f"Bridge closes to lorries;\nCracks found in supports.\n\n{_LEDE}"))
    assert article.title == "Bridge closes to lorries"
    assert article.text.startswith("Cracks found in supports.")
    # A headline over a standfirst of one sentence (too few function words to read as running
    # text), over the running text.
    headline = "Council may close the old bridge to lorries by the end of June."
    standfirst = "Plan would send heavy lorries through narrow medieval streets."
    article = clean(_doc(f"{headline}\n\n{standfirst}\n\n{_LEDE}\n\nMore follows."))
    assert article.title == headline.removesuffix(".")
    assert article.text.startswith(standfirst)
    # ... but two short sentences with nothing longer after them are a short text
    short = "Council shuts old bridge to lorries.\n\nEngineers found cracks.\n\nMore follows."
    assert clean(_doc(short)).title is None
    # a headline of 17 words (98.9 % of PolNeAR's headlines have 17 at most)
    long = (
        "Council shuts the harbour bridge to heavy lorries as three years of repair works "
        "begin, engineers say."
    )
    assert clean(_doc(f"{long}\n\n{_LEDE}\n\nMore follows.")).title == long.removesuffix(".")


def test_a_wire_credit_glued_to_the_lede_is_set_apart() -> None:
    lede = "Tarnby (NPA)Mayor Ana Lindqvist shut the old bridge to lorries on Monday, she said."
    article = clean(_doc(f"Council shuts old bridge to lorries.\n\n{lede}\n\n{_LEDE}"))
    assert article.text.startswith("Tarnby (NPA) Mayor Ana Lindqvist shut")
    # a bracket glued to a word in lower case, or holding more than a credit, is left alone
    kept = "The plan (PDF)was filed. The Mayor (Ana Lindqvist)Said no."
    assert kept in clean(_doc(f"{kept}\n\n{_LEDE}")).text


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Council shuts old bridge.", "Council shuts old bridge"),
        ("Council shuts bridge to U.S.", "Council shuts bridge to U.S."),
        ("Bridge sold to Harbour Holdings Inc.", "Bridge sold to Harbour Holdings Inc."),
        ("Bridge to close...", "Bridge to close..."),
        ("Bridge to close. Here's why..", "Bridge to close. Here's why."),
        ("Is the ferry next?.", "Is the ferry next?"),
        ("Mayor: 'Not while I am mayor.'.", "Mayor: 'Not while I am mayor.'"),
        ("Council shuts 'old bridge.'", "Council shuts 'old bridge.'"),
        ("Council shuts old bridge", "Council shuts old bridge"),
    ],
)
def test_a_headline_is_shown_without_a_closing_full_stop(title: str, shown: str) -> None:
    assert without_closing_stop(title) == shown


def test_a_title_given_in_metadata_is_shown_without_an_archives_closing_stop() -> None:
    for given, shown in (
        ("Is the ferry next?.", "Is the ferry next?"),
        ("Council shuts old bridge.", "Council shuts old bridge"),
        ("Bridge sold to Harbour Holdings Inc.", "Bridge sold to Harbour Holdings Inc."),
    ):
        article = clean(_doc(f"{_LEDE}\n\nMore follows.", title=given, format="jsonl"))
        assert article.title == shown


@pytest.mark.parametrize(
    "first",
    [
        "WASHINGTON (AP) — The council shut the bridge.",  # a lede under its dateline
        "The bridge is shut. Again.",  # two sentences
        # a long first sentence the paragraph below does not tell again
        (
            "Drivers of heavy goods vehicles face a forty-mile detour through the hills for the "
            "whole of this summer."
        ),
    ],
)
def test_a_short_opening_paragraph_stays_in_the_body(first: str) -> None:
    article = clean(_doc(f"{first}\n\n{_LEDE}"))
    assert article.title is None
    assert article.text.startswith(first)


@pytest.mark.parametrize(
    "headline",
    [
        # told again, at length, by the paragraph below it
        "Council votes to close the old bridge to heavy lorries next month after finding cracks.",
        "Old bridge shut to lorries. Engineers found cracks in the supports, the council said.",
        # a full stop added after the headline's own closing mark
        "Council shuts the bridge. Is the ferry next?.",
        "Mayor: lorries will 'never again' cross it (not while I am mayor).'.",
        # words that are page furniture elsewhere: "Jump to navigation", "Copyright 2024 ..."
        "Court rules for council in $8 million copyright dispute over bridge designs.",
        "Bridge repair costs jump to $4 million as engineers find cracks.",
        # "By" and a word in lower case opens no byline
        "By narrowest of margins, council votes to shut old bridge to lorries.",
        # "updated" with no date or time is no dateline
        "Council shuts old bridge to lorries; mayor updated on the cracks overnight.",
        # over 20 words, but closed by a stop an archive added after the headline's own
        (
            "Council feared the cracks would close the old bridge for good. Now its engineers "
            "say it can open to lorries again by spring.."
        ),
    ],
)
def test_a_headline_ending_in_a_stop_is_the_title(headline: str) -> None:
    article = clean(_doc(f"{headline}\n\n{_LEDE}\n\nMore follows."))
    assert article.title == without_closing_stop(headline)
    assert article.text.startswith("The city council voted")


def test_a_headline_over_a_lede_cut_off_before_its_full_stop_is_the_title() -> None:
    # archives that keep only the first lines of an article cut the lede mid-sentence; it then
    # reads as no prose, and the headline above it had been taken for the whole body
    lede = _LEDE.removesuffix(", the council said in a statement.")
    article = clean(_doc(f"Council shuts old bridge to lorries after finding cracks.\n\n{lede}"))
    assert article.title == "Council shuts old bridge to lorries after finding cracks"
    assert article.text == lede
    # no prose at all under a headline in title case
    article = clean(_doc("Council Shuts Old Bridge To Lorries.\n\nEngineers find cracks"))
    assert article.title == "Council Shuts Old Bridge To Lorries"
    assert article.text == "Engineers find cracks"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Copyright 2024 Harbour Gazette. All rights reserved.", "site furniture"),
        ("Copyright Harbour Gazette", "site furniture"),
        ("Jump to navigation", "site furniture"),
        ("By Ada Moss", "byline"),
        ("BY ADA MOSS", "byline"),
    ],
)
def test_furniture_and_bylines_in_their_own_words_are_still_removed(line: str, reason: str) -> None:
    article = clean(_doc(f"Council shuts old bridge to lorries.\n\n{line}\n\n{_LEDE}"))
    assert article.text.startswith("The city council voted")
    assert _reason(article, line).startswith(reason)


@pytest.mark.parametrize(
    "headline",
    [
        # headline style: nearly every word capitalised, whatever its length or sentences
        "Council Shuts Old Bridge. Is The Ferry Next?",
        (
            "Mayor Moss: 'We Will Not Let Lorries Wreck The Bridge That Our Grandparents Built "
            "With Their Own Hands.'"
        ),
    ],
)
def test_a_headline_in_title_case_above_the_body_is_the_title(headline: str) -> None:
    # above a lede of fewer than twice its words, which a headline in sentence case needs
    lede = "The city council voted to close the old bridge to lorries from next month."
    article = clean(_doc(f"{headline}\n\n{lede}\n\n{_LEDE}"))
    assert article.title == headline.removesuffix(".")
    assert article.text.startswith("The city council voted to close")


def test_a_headline_over_a_label_or_a_dateline_lede_is_the_title() -> None:
    # a label between headline and text ("ABSTRACT.") goes with the headline
    lede = "The city council voted to close the old bridge to lorries from next month."
    headline = "Council closes the old bridge to lorries after finding cracks."
    page = f"{headline}\n\nABSTRACT.\n\n{lede}\n\nFULL TEXT.\n\n{_LEDE}"
    article = clean(_doc(page))
    assert article.title == "Council closes the old bridge to lorries after finding cracks"
    assert article.text.startswith("The city council voted")
    # two short sentences above a lede that opens with its dateline are its headline
    dated = "SALTMERE, Ost. - The city council voted to close the old bridge to lorries."
    article = clean(_doc(f"Bridge shuts. Again.\n\n{dated}\n\n{_LEDE}"))
    assert article.title == "Bridge shuts. Again"
    assert article.text.startswith("SALTMERE, Ost. - ")
    # a long headline over a lede whose dateline gives the day and the wire
    headline = "As the old bridge turns 70, a look at where it fits into the harbour's plans."
    dated = "SALTMERE, Aug. 19 (UPI) — The city council voted to close the old bridge."
    article = clean(_doc(f"{headline}\n\n{dated}\n\n{_LEDE}"))
    assert article.title == headline.removesuffix(".")
    assert article.text.startswith("SALTMERE, Aug. 19 (UPI) — ")


@pytest.mark.parametrize(
    "dateline",
    ["SALTMERE, Ostland (AP) --", "SALTMERE, Ostland (AP) _", "SALTMERE, September 7 (Wire) --"],
)
def test_a_dateline_on_a_line_of_its_own_is_no_title(dateline: str) -> None:
    # a wire's dateline above its lede, the dash written as two hyphens or, as the wires of the
    # 1990s wrote it, an underscore; the day with its month written out
    article = clean(_doc(f"{dateline}\n\n{_LEDE}\n\nMore follows."))
    assert article.title is None
    assert "The city council voted on Tuesday" in article.text


def test_a_headline_keeps_what_follows_a_dash_unless_it_names_an_outlet() -> None:
    article = clean(_doc(f"Council shuts old bridge - and pays a price\n\n{_LEDE}"))
    assert article.title == "Council shuts old bridge - and pays a price"
    article = clean(_doc(f"Council shuts old bridge | Harbour Times\n\n{_LEDE}"))
    assert (article.title, article.outlet) == ("Council shuts old bridge", "Harbour Times")


def test_a_date_line_inside_the_body_is_a_heading_not_the_dateline() -> None:
    # a look back over years heads each part with its date
    body = (
        f"Bridge closures over the years\n\n{_LEDE}\n\n"
        "Engineers had warned for years that the supports would not last, and the council had "
        "twice put off the repairs to balance its budget.\n\n"
        "March 3, 2019 The first warning\n\n"
        "An inspection found rust in the north supports and asked for repairs within five years."
    )
    assert clean(_doc(body)).published is None
    # the same line above the body is its date
    first = body.replace("March 3, 2019 The first warning\n\n", "")
    dated = first.replace("\n\n", "\n\nMarch 3, 2019\n\n", 1)
    assert (clean(_doc(dated)).published, clean(_doc(dated)).published_from) == ("2019-03-03", "text")


def test_an_archive_path_that_names_a_day_dates_its_article() -> None:
    text = f"Council shuts old bridge\n\n{_LEDE}"
    for path in ("news/2016/05/27/bridge.txt", "gazette_2016-05-27_bridge.txt"):
        article = clean(_doc(text, path=path))
        assert (article.published, article.published_from) == ("2016-05-27", "metadata")
    # a date the text states wins over the folder it is filed in
    dated = clean(_doc(text.replace("\n\n", "\n\nMay 26, 2016\n\n", 1), path="2016/05/27/a.txt"))
    assert (dated.published, dated.published_from) == ("2016-05-26", "text")
    # a dump's date is when it was collected, not when each of its articles was published
    assert clean(_doc(text, path="dump-2016-05-27.jsonl:3", format="jsonl")).published is None
    assert clean(_doc(text, path="news/bridge-0d46122928b6f468.txt")).published is None


def test_date_inferred_from_named_weekdays() -> None:
    from storyfuse.clean.metadata import infer_date_from_weekdays

    body = [
        "The minister spoke on Thursday, March 7, at the port.",
        "On Friday the union answered; its March 8 statement was short.",
        "Talks resume on March 12.",
    ]
    page = ["Photo taken on March 1, 2024."]
    # March 7 2024 was a Thursday and March 8 a Friday; March 12 is a future date, not named.
    assert infer_date_from_weekdays(body, page) == "2024-03-08"
    assert infer_date_from_weekdays(body, []) is None  # no year anywhere on the page
    assert infer_date_from_weekdays(body[:1], page) is None  # one date alone is not enough
    wrong_days = ["On Monday, March 7, it rained.", "On Tuesday, March 8, it snowed."]
    assert infer_date_from_weekdays(wrong_days, page) is None


def test_weekday_inference_reaches_the_article() -> None:
    body = (
        "Port strike talks\nThe image shows the port on March 1, 2024. (Ana Lee/City Photos)\n"
        + "The minister spoke on Thursday at the port, where she met the union leaders who had "
        "called the strike, and said that the government would not intervene in the talks.\n"
        + "In a March 7 speech she repeated the offer, and on Friday the union answered with a "
        "statement saying that its members would decide by the end of the month.\n"
        + "The union's March 8 statement was short and said only that the talks would go on."
    )
    article = clean(_doc(body))
    assert (article.published, article.published_from) == ("2024-03-08", "inferred")


def test_an_unrelated_section_after_the_article_is_cut() -> None:
    article = "\n".join(
        f"The harbour bridge repairs, paragraph {k}: engineers replaced corroded bridge cables, "
        "the council said, and the bridge will reopen to harbour traffic after the repairs."
        for k in range(6)
    )
    other = (
        "Elsewhere\n"
        "A violinist from Vienna won the international music competition in Tokyo on Sunday, "
        "playing a sonata that the jury praised for its rare tone and daring tempo."
    )
    result = clean(_doc(f"{article}\n{other}"))
    assert "violinist" not in result.text
    assert "something else" in _reason(result, "A violinist")
    assert result.text.count("harbour bridge repairs") == 6


def test_a_date_in_a_short_sentence_is_not_a_dateline() -> None:
    body = f"Tram line opens\nThe vote is on November 5, 2024.\n{_prose(4)}"
    assert clean(_doc(body)).published is None
    body = f"Tram line opens\nOctober 25, 2024 3:11 PM\n{_prose(4)}"
    assert clean(_doc(body)).published == "2024-10-25"


def test_a_sentence_mentioning_publication_is_not_a_dateline() -> None:
    body = (
        "The audit, which was published on March 3, 2024, found that the tram budget had grown "
        f"by a third since the plans were first drawn up.\n{_prose(4)}"
    )
    assert clean(_doc(body)).published_from != "text"


def _outlet(lines: list[str], url: str | None = None) -> str | None:
    from storyfuse.clean.lines import Line
    from storyfuse.clean.metadata import find_outlet

    return find_outlet([Line(i, text) for i, text in enumerate(lines)], None, url)


def test_outlet_from_a_desk_in_the_byline() -> None:
    assert (
        _outlet(["Ferry strike ends", "by Lena Okafor and The Harbour Times news desk March 4, 2024"])
        == "The Harbour Times"
    )
    assert _outlet(["Ferry strike ends", "By Coast Wire staff"]) == "Coast Wire"
    # a byline of people only names no outlet
    assert _outlet(["Ferry strike ends", "By Lena Okafor and Tomas Brandt"]) is None


def test_outlet_from_the_signature_mail_domain_unless_personal() -> None:
    body = ["Ferry strike ends", "The strike ended on Monday after talks."]
    assert _outlet([*body, "Lena Okafor lokafor@harbourtimes.example"]) == "harbourtimes.example"
    assert _outlet([*body, "Lena Okafor lena.okafor@gmail.com"]) is None
    # the page's own address comes first
    assert (
        _outlet([*body, "Lena Okafor lokafor@harbourtimes.example"], "https://www.coast.example/a")
        == "coast.example"
    )


def test_an_apostrophe_typed_as_an_opening_quote_mark_is_repaired() -> None:
    body = (
        "The council doesn‘t deny the port‘s plan, and the mayor called it ‘a fair deal’.\n\n"
        "Residents said the ferry ‘will run’ in May, 2‘000 of them signed."
    )
    article = clean(_doc(body, title="Council doesn‘t deny plan"))
    assert article.title == "Council doesn’t deny plan"
    assert "doesn’t deny the port’s plan" in article.text
    # real quote marks, and one between a digit and a digit, stay as written
    assert "‘a fair deal’" in article.text and "‘will run’" in article.text
    assert "2‘000" in article.text


def test_mojibake_is_repaired_and_nothing_else_changes() -> None:
    """Text that was decoded with the wrong encoding upstream ("PeÃ±a" for "Peña"), also with
    its accents decomposed, reads right again; curly quotes, dashes and entities stay."""
    garbled = "The president, Enrique PeÃ±a Nieto, met Jorge CastaA\u0303±eda."
    body = f"{garbled}\n\n“We will talk again,” he said — &amp; left.\n\n{_LEDE}"
    article = clean(_doc(body, title="Trump meets PeÃ±a Nieto"))
    assert "Enrique Peña Nieto, met Jorge Castañeda." in article.text
    assert "“We will talk again,” he said — &amp; left." in article.text
    assert article.title == "Trump meets Peña Nieto"


def test_mojibake_repair_reads_lines_as_ftfy_does() -> None:
    """``repair_mojibake`` hands ftfy only the lines that are not plain ASCII (or hold a
    terminal escape, which the repair removes): the result is ftfy's on the whole text."""
    import random

    import ftfy

    from storyfuse.clean.lines import _REPAIR, repair_mojibake

    pieces = ["The mayor said.", "PeÃ±a", "CastaA\u0303±eda", "“quoted”", "\x1b[31mred\x1b[0m",
              "plain", "\u2028", "\r", "\r\n", "\n", "\n\n", " ", "café", "Ã©"]  # fmt: skip
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert repair_mojibake(text) == ftfy.fix_text(text, _REPAIR), repr(text)
    assert repair_mojibake("ok\n\x1b[31mred\x1b[0m\n") == "ok\nred\n"


def test_page_furniture_is_counted_alike_in_any_case() -> None:
    """The furniture patterns are matched case-sensitively on lower-cased ASCII lines: they
    must be written in lower case, and count what the case-insensitive patterns count."""
    import random

    from storyfuse.clean.lines import UI_PHRASES, UI_WORDS, _count

    for pattern in (UI_PHRASES, UI_WORDS):
        assert pattern.pattern == pattern.pattern.lower()
    words = ["Subscribe", "NEWSLETTER", "Sign Up", "read more", "Share", "Menu", "the", "İnstagram",
             "ſhare", "Cookies", "©", "Follow Ada on", "said", "E-mail address"]  # fmt: skip
    rng = random.Random(9)
    for _ in range(500):
        line = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        for pattern in (UI_PHRASES, UI_WORDS):
            assert _count(pattern, line) == len(pattern.findall(line)), line


def test_the_last_section_of_an_article_written_in_sections_is_kept() -> None:
    sections = {
        "Harbour bridge": "The harbour bridge repairs went on, engineers replacing corroded "
        "cables while the council counted the cost of the bridge closure.",
        "Ferry service": "The ferry service doubled its crossings while the harbour bridge "
        "stayed shut, and the council paid for the extra harbour crossings.",
        "Night markets": "Traders at the night markets said the harbour closure cost the "
        "council's markets a third of their takings over the repairs.",
        "A violinist": "A violinist from Vienna played a sonata on the quay on Sunday, and the "
        "jury of a music competition in Tokyo praised its rare tone and daring tempo.",
    }
    text = "\n".join(f"{head}\n{body} {body}" for head, body in sections.items())
    result = clean(_doc(text))
    assert "violinist from Vienna" in result.text
    assert result.text.count("harbour") >= 6


@pytest.mark.parametrize(
    ("line", "bio"),
    [
        ("Ada Moss is a Harbour-based reporter for the Saltmere Courier.", True),
        ("Ivo Tamm is senior media editor at the Saltmere Courier.", True),
        ("Ivo Tamm is the harbour columnist for the Courier. Follow him @ivotamm.", True),
        ("Ivo Tamm is pushing fellow council members to reject the harbour deal.", False),
        ("Tamm was speaking to a reporter from the Courier at the quay on Monday.", False),
        ("The port authority has been under a court order since a reporter sued it.", False),
        (
            (
                "Ivo Tamm is a council member and a Courier contributor who sat on the harbour "
                "board. Tamm said he saw the deal change his own ward's mind."
            ),
            False,
        ),
    ],
)
def test_an_author_bio_says_what_the_author_is_not_what_a_person_does(
    line: str, bio: bool
) -> None:
    body = _council_body()
    result = clean(_doc(f"{body}\n{line}\n{_council_body('section')}"))
    assert (line in result.text) is not bio


def test_a_live_blog_keeps_its_entries_from_the_first() -> None:
    updates = {
        "11:20 p.m.": "Ada Brenn has won the harbour council vote in the north ward, her "
        "third ward of the night, and the harbour deal now looks likely to pass.",
        "11:15 p.m.": "Ivo Tamm has conceded the south ward to Ada Brenn, saying the harbour "
        "council vote showed that voters wanted the deal signed this year.",
        "10:40 p.m.": "Turnout in the harbour council vote reached a record in the east ward, "
        "where the deal to rebuild the piers divided the ward's voters.",
        "10:20 p.m.": "Polls have closed in the harbour council vote. Ada Brenn and Ivo Tamm "
        "spent the last day of the campaign arguing over the harbour deal.",
        "9:50 p.m.": "The harbour council vote ends at ten, and Ada Brenn said she expected "
        "the north and east wards to decide whether the deal goes ahead.",
        "9:30 p.m.": "Voters in the west ward queued at the harbour school to vote on the "
        "council and, with it, on the deal that would rebuild the old piers.",
    }
    # the latest entries short, the earlier ones in a few paragraphs each
    entries = "\n".join(
        f"{time}\n{text}\n{text.replace('harbour', 'city')}\n"
        + (f"{text.replace('deal', 'plan')}\n{text.replace('vote', 'election')}\n" if k > 1 else "")
        + "___"
        for k, (time, text) in enumerate(updates.items())
    )
    result = clean(_doc(f"The Latest: Brenn wins harbour vote\n{entries}"))
    for text in updates.values():
        assert text in result.text


def test_an_editor_s_note_is_no_part_of_the_report() -> None:
    body = _council_body()
    note = (
        "Editor’s note: The Courier regularly reports on the harbour deal, which its owner "
        "opposes, and has 1.6 million readers in the region."
    )
    result = clean(_doc(f"{body}\n{note}"))
    assert "Editor’s note" not in result.text and "1.6 million" not in result.text
    assert "editor's note" in _reason(result, "Editor’s note")


def test_an_archive_export_s_part_labels_are_no_part_of_the_text() -> None:
    summary = (
        "The harbour council's vote on the pier deal was put off again, for the third time "
        "this year, after members asked for the port's accounts."
    )
    paragraphs = _council_body().split("\n")
    text = "\n\n".join(
        ["Harbour vote put off again", "ABSTRACT.", summary, "FULL TEXT.", *paragraphs]
    )
    result = clean(_doc(text))
    assert "ABSTRACT" not in result.text and "FULL TEXT" not in result.text
    assert "archive's label" in _reason(result, "FULL TEXT")
    assert all(p in result.text for p in paragraphs)
    # the words as a line of the article itself stay
    inside = "\n\n".join(
        [*paragraphs[:2], "Abstract art fills the harbour's new hall.", *paragraphs[2:]]
    )
    assert "Abstract art fills" in clean(_doc(inside)).text


def test_what_a_page_tells_screen_readers_of_a_link_is_no_part_of_the_text() -> None:
    body = (
        "The mayor named Ada Moss to the Harbour Board Opens a New Window. on Monday, and "
        "the council approved the choice the same evening, according to the minutes (opens in "
        "a new tab) of the meeting. The harbour opens a new window onto the bay in May.\n"
        f"{_prose(2)}"
    )
    article = clean(_doc(body))
    assert "Harbour Board on Monday" in article.text
    assert "the minutes of the meeting" in article.text
    assert "opens a new window onto the bay" in article.text  # a sentence's own words stay


def test_a_share_price_chip_after_a_companys_name_is_no_part_of_the_text() -> None:
    body = (
        "Harbourline Inc. HBL 16.13% said it will on Monday ask regulators to approve its "
        "ferry, and Tarn Marine Corp. TMC -0.45%, its partner, agreed. Tarn's GDP 2.15% "
        "forecast stands, and the harbour's share rose 2.25% on Friday.\n"
        f"{_prose(2)}"
    )
    article = clean(_doc(body))
    assert "Harbourline Inc. said it will" in article.text
    assert "Tarn Marine Corp., its partner" in article.text
    assert "GDP 2.15% forecast" in article.text and "rose 2.25% on Friday" in article.text


def test_a_signed_share_price_chip_set_off_by_a_comma_goes_with_its_ticker() -> None:
    body = (
        "U.S. listed shares of Harbourline HBL, -0.90% gained 0.8% in premarket trading after "
        "it said the city will pay for the ferry it builds with Tarn Marine TMC, +0.22%. "
        "Output rose, +2.5% by one count, and GDP, 2.15% by another.\n"
        f"{_prose(2)}"
    )
    article = clean(_doc(body))
    assert "shares of Harbourline gained 0.8%" in article.text
    assert "builds with Tarn Marine." in article.text
    assert "Output rose, +2.5% by one count, and GDP, 2.15% by another." in article.text
