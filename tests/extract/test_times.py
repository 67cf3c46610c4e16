"""Time expressions and their values, normalised against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfuse.extract.times import find_times
from storyfuse.model import TimeMention

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "times"
FRIDAY = "2024-10-25"  # a Friday in ISO week 43


def values(
    text: str, published: str | None = FRIDAY, **kwargs: bool
) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_times(text, published, **kwargs)]


def only(text: str, published: str | None = FRIDAY) -> TimeMention:
    mentions = find_times(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_article_fixture() -> None:
    text = (FIXTURES / "harbour_strike.txt").read_text()
    found = values(text)
    expected = [
        ("Thursday", "2024-10-24"),
        ("Wednesday night", "2024-10-23"),
        ("2014", "2014"),
        ("yesterday", "2024-10-24"),
        ("today", "2024-10-25"),
        ("December", "2024-12"),
        ("last week", "2024-W42"),
        ("Oct. 24", "2024-10-24"),
        ("Oct. 27-28", "2024-10-27"),
        ("Monday", "2024-10-28"),
        ("Earlier this year", "2024"),
        ("June 19", "2024-06-19"),
        ("August", "2024-08"),
        ("early October", "2024-10"),
        ("Oct, 18, 2024", "2024-10-18"),
        ("last month", "2024-09"),
        ("This week", "2024-W43"),
    ]
    for pair in expected:
        assert pair in found
    # "2,000 vessels" is a count, not the year 2000
    assert not any(value == "2000" for _, value in found)
    for mention in find_times(text, FRIDAY):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # News uses the most recent past weekday ...
        ("The minister resigned on Thursday.", "2024-10-24"),
        ("Fighting resumed on Monday, officials said.", "2024-10-21"),
        ("Talks ended on Friday.", "2024-10-25"),  # the publication day itself
        # ... unless the sentence speaks of the future.
        ("The court will rule on Tuesday.", "2024-10-29"),
        ("The report will be released on Wednesday.", "2024-10-30"),
        ("The delegation is scheduled to arrive on Sunday.", "2024-10-27"),
        ("The team planned to leave on Saturday.", "2024-10-26"),
        ("Voters go to the polls next Thursday.", "2024-10-31"),
        ("The summit opened last Friday.", "2024-10-18"),
        # "by" marks a deadline only right before the date
        ("Asked by reporters on Thursday, the minister declined to comment.", "2024-10-24"),
        ("Bids must arrive by Monday.", "2024-10-28"),
        ("Wednesday's ruling will be appealed.", "2024-10-23"),
        # a weekday naming a thing: the clause that holds it says whether it has happened
        ("The challenger will probably use Monday's debate to attack him.", "2024-10-28"),
        ("The ad will air during Sunday's final of the cup.", "2024-10-27"),
        ("A source familiar with the planning for Thursday's meeting spoke.", "2024-10-31"),
        ("The lawyers said they would look for ways around Wednesday's ruling.", "2024-10-23"),
        ("It was no surprise that soon after Sunday's attack he tweeted.", "2024-10-20"),
        ("The mayor criticised Monday's decision.", "2024-10-21"),
        # a plan as a noun is to come only where it says what for; a plane is no plan
        ("The band unveiled its plans at its Monday night show.", "2024-10-21"),
        ("He revamped his plans for a Monday appearance.", "2024-10-28"),
        ("She noted a planned rally on Saturday.", "2024-10-26"),
        ("She spoke to reporters aboard her plane on Tuesday.", "2024-10-22"),
        # a contracted "will" speaks of the future, with either apostrophe
        ("“We’ll be meeting on Tuesday in Lyon,” she said.", "2024-10-29"),
        ("He'll decide on Wednesday.", "2024-10-30"),
        ("Voters won't decide the race on Tuesday alone.", "2024-10-29"),
        # a sentence ending in a closing quote mark and a stop ends there: the "schedule" of
        # the one before is not this one's plan
        (
            'The report cited "cost increases and schedule delays". Monday\'s vote came next.',
            "2024-10-21",
        ),
        # a sentence that opens with its day dates its verb, a report's too, not the plan
        # the report is about
        ("On Thursday, the minister told reporters the port would reopen.", "2024-10-24"),
        ("The port will reopen on Thursday, the minister told reporters.", "2024-10-31"),
    ],
)
def test_weekdays_relative_to_publication(sentence: str, value: str) -> None:
    mention = only(sentence)
    assert mention.value == value


@pytest.mark.parametrize(
    ("sentence", "published", "text", "value"),
    [
        ("Prices rose sharply last week.", FRIDAY, "last week", "2024-W42"),
        ("Exports grew this week.", FRIDAY, "this week", "2024-W43"),
        ("Output fell last month.", FRIDAY, "last month", "2024-09"),
        ("The plant closed earlier this year.", FRIDAY, "earlier this year", "2024"),
        ("The bill passed yesterday.", FRIDAY, "yesterday", "2024-10-24"),
        ("The vote is today.", FRIDAY, "today", "2024-10-25"),
        ("The deal was signed on June 19.", FRIDAY, "June 19", "2024-06-19"),
        ("Troops crossed the border on Aug. 6.", FRIDAY, "Aug. 6", "2024-08-06"),
        ("The strike began on Oct. 24.", FRIDAY, "Oct. 24", "2024-10-24"),
        ("The decree is dated Oct, 18, 2024.", FRIDAY, "Oct, 18, 2024", "2024-10-18"),
        ("The census was taken in August.", FRIDAY, "August", "2024-08"),
        ("A plan is due by December.", FRIDAY, "December", "2024-12"),
        ("The 2014 coup split the army.", FRIDAY, "2014", "2014"),
        ("Growth slowed in the 1990s.", FRIDAY, "the 1990s", "199"),
        ("Earnings fell in the third quarter.", FRIDAY, "the third quarter", "2024-Q3"),
        # Years left out across a year boundary: the nearest such day.
        ("The fire started on December 30.", "2025-01-03", "December 30", "2024-12-30"),
        ("Polls open on January 2.", "2024-12-30", "January 2", "2025-01-02"),
        # A month further away is read as the past unless the tense says otherwise.
        ("Shipments stopped in November.", "2024-03-10", "November", "2023-11"),
        ("The law will take effect in November.", "2024-03-10", "November", "2024-11"),
        ("He said he’ll be competitive in November.", "2024-03-10", "November", "2024-11"),
        # what someone comes off is behind them
        ("Lund is coming off a strong debate Thursday night.", FRIDAY, "Thursday night", "2024-10-24"),
        # a deadline put as "by the time of"
        (
            "The inquiry could drag on and not be over by the time of the Nov. 8 vote.",
            "2024-04-15",
            "Nov. 8",
            "2024-11-08",
        ),
    ],
)
def test_values(sentence: str, published: str, text: str, value: str) -> None:
    assert (text, value) in values(sentence, published)


def test_a_months_name_that_opens_an_events_name_is_no_date() -> None:
    text = (
        "She marched in the March on Harbourtown and gave to the March of Pennies; the "
        "March 3 vote and the May meeting went ahead."
    )
    assert [(t.text, t.value) for t in find_times(text, "2016-02-11")] == [
        ("March 3", "2016-03-03"),
        ("May", "2015-05"),
    ]


def test_early_month_keeps_month_value_with_modifier() -> None:
    mention = only("Inflation has eased since early October.")
    assert (mention.text, mention.value, mention.mod) == ("early October", "2024-10", "START")
    assert only("Rain returned in late June.").mod == "END"


@pytest.mark.parametrize(
    "sentence", ["Talks are set for Oct. 27-28.", "Talks are set for October 27–28."]
)
def test_ranges_value_the_first_day_and_keep_the_last(sentence: str) -> None:
    mention = only(sentence)
    assert (mention.value, mention.end_value) == ("2024-10-27", "2024-10-28")


def test_without_publication_date_only_absolute_expressions_get_values() -> None:
    found = dict(values("On Thursday, a week after the March 3, 2021 vote, he left.", None))
    assert found["Thursday"] is None
    assert found["March 3, 2021"] == "2021-03-03"
    assert dict(values("In May 2019 and in 2015 it rained.", None)) == {
        "May 2019": "2019-05",
        "2015": "2015",
    }


def test_durations_and_sets_only_on_request() -> None:
    sentence = "The siege lasted three weeks and shelling continued daily."
    assert values(sentence) == []
    found = {m.text: (m.value, m.kind) for m in find_times(sentence, FRIDAY, durations=True)}
    assert found == {"three weeks": ("P3W", "DURATION"), "daily": ("P1D", "SET")}
    assert dict(values("It took 2 1/2 years.", FRIDAY, durations=True)) == {"2 1/2 years": "P2Y6M"}


def test_vague_references() -> None:
    found = dict(values("Prices are now higher than in the past, and may rise in the future."))
    assert found == {"now": "PRESENT_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May met the delegation.",  # a surname, not a month
        "About 2,000 troops and 1,500 tanks took part.",  # counts, not years
        "He said the march would go ahead.",  # the verb
        "She watched High Noon again.",  # a title
    ],
)
def test_things_that_are_not_times(sentence: str) -> None:
    assert values(sentence) == []


def test_references_back_to_the_time_last_named() -> None:
    text = (
        "The plant opened in March 2019. Later that year it doubled output. "
        "The blast came on Tuesday. The next day, crews returned at 6 a.m."
    )
    found = dict(values(text))
    assert found["Later that year"] == "2019"
    assert found["The next day"] == "2024-10-23"  # Tuesday 22 October, plus one day
    assert found["6 a.m."] == "2024-10-23T06:00"  # the day last named, not the publication day
    # with nothing named before, a reference back has no value
    assert dict(values("The following year, it closed."))["The following year"] is None


def test_a_clock_time_takes_the_day_named_after_it() -> None:
    # published Friday 25 October 2024
    assert values("The fire broke out at 2 a.m. on Wednesday, police said.") == [
        ("2 a.m. on Wednesday", "2024-10-23T02:00")
    ]
    found = values("The talks ended on Oct. 1. At 2 a.m., Oct. 3, the strike began.")
    assert found[1] == ("2 a.m.", "2024-10-03T02:00")  # not the day last named
    found = values("The talks ended on Oct. 1. At 2 a.m. the next day the strike began.")
    assert found[1:] == [("2 a.m.", "2024-10-02T02:00"), ("the next day", "2024-10-02")]


def test_a_year_earlier_compares_with_the_period_in_focus() -> None:
    text = (
        "Profit rose 8% in the third quarter from a year earlier. "
        "Sales were flat against the year-ago quarter."
    )
    found = dict(values(text, "2024-10-25"))
    assert found["the third quarter"] == "2024-Q3"
    assert found["a year earlier"] == "2023-Q3"
    assert found["the year-ago quarter"] == "2023-Q3"
    # with nothing in focus, a year before the publication year
    assert dict(values("Output doubled from a year earlier."))["a year earlier"] == "2023"
    # "a year ago" counts back from the publication, never from a plan named for later
    text = "The agency plans a landing in 2028. A year ago, it picked three firms."
    assert dict(values(text, "2024-10-25"))["A year ago"] == "2023"
    text = "Sales rose in the third quarter, up from $4 billion a year ago."
    assert dict(values(text, "2024-10-25"))["a year ago"] == "2023-Q3"


def test_impossible_or_huge_dates_are_kept_without_a_value() -> None:
    found = dict(values("It formed 1000000 years ago; the vote is on Feb. 30.", "2024-03-01"))
    assert found == {"1000000 years ago": None, "Feb. 30": None}


@pytest.mark.parametrize(
    ("sentence", "published", "first", "last"),
    [
        ("Talks run Oct. 31-Nov. 2.", FRIDAY, "2024-10-31", "2024-11-02"),
        ("Offices close December 30–January 2.", "2024-12-20", "2024-12-30", "2025-01-02"),
        ("The fair runs June 3 to 5, 2025.", None, "2025-06-03", "2025-06-05"),
    ],
)
def test_ranges_across_months_and_years(
    sentence: str, published: str | None, first: str, last: str
) -> None:
    mention = only(sentence, published)
    assert (mention.value, mention.end_value) == (first, last)


def test_rules_tried_only_at_word_starts_match_as_their_own_scan() -> None:
    """``find_times`` tries the rules that match only at word starts where one of them matches;
    each gives what its own scan of the text gives, and no rule matches an empty string (which
    that would skip). "per Tuesday" inside "Super Tuesday" is found by the "set" rule, whose
    second branch has no word-start check."""
    from re import _parser as re_parser  # type: ignore[attr-defined]

    from storyfuse.extract.times import _RULES, _matches, _word_starts

    text = (
        "Right Before ‘Super Tuesday 2’ the senator said on Oct. 24, 2024, two days ago, that "
        "every Monday and the '90s, mid-October and this year's end were fine; 5:30 p.m. daily "
        "and in the past few weeks, the 1990s, nineteen ninety-nine, Q3 and 2024-10-24 too."
    )
    starts = [m.start() for m in _word_starts().finditer(text)]
    for rule in _RULES:
        assert re_parser.parse(rule.pattern.pattern).getwidth()[0] > 0, rule.name
        own = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in _matches(rule, text, starts)] == own, rule.name
    assert {r.name for r in _RULES if not r.starts_words} >= {"set"}


def test_a_sentence_opening_with_its_day_takes_the_tense_of_a_verb_after_a_long_subject() -> None:
    sentence = (
        "On Tuesday, the Harwick and District Association of Independent Harbour Pilots plans "
        "to hold a news conference."
    )
    assert only(sentence).value == "2024-10-29"  # the Tuesday after Friday's article
    assert only(sentence.replace("plans to hold", "held")).value == "2024-10-22"


THURSDAY = "2031-06-12"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a past tense that does not end in "-ed"
        ("Ada Moss became the party's nominee on Tuesday.", "2031-06-10"),
        ("Ada Moss went to Saltmere in September.", "2030-09"),
        # the present tense speaks of the nearest month, a sentence without a tense of the past
        ("Democrats are favoured to win the Senate in November.", "2031-11"),
        ("The harbour was closed in November.", "2030-11"),
        ("The first storm in November.", "2030-11"),
        # but only where nothing else tells the tense
        ("By the time the count is over on Monday, we will have visited every town.", "2031-06-16"),
        ("Shares in Varo are to resume trading in Ostra on Tuesday.", "2031-06-17"),
        # a condition in the present tense speaks of what is to come, not of the nearest month
        ("Moss can take the seat if she is the nominee in February.", "2032-02"),
        ("Moss is the favourite to take the seat in February.", "2031-02"),
        # what someone is invited or urged to do is to come; being invited to a place is not
        ("Moss has invited the pilots to meet with her on Tuesday.", "2031-06-17"),
        ("Moss urged them to vote Tuesday.", "2031-06-17"),
        ("Moss invited the pilots to a rally in February.", "2031-02"),
        # a past in a condition is no past
        ("Asked how ties would fare if he won the election on Nov. 4, Moss laughed.", "2031-11-04"),
        # a participle after "be" is no past either
        ("The bonus would be paid on a date in January.", "2032-01"),
        # what had been arranged is past, what is arranged to come
        ("The offer had been due to expire on Friday evening.", "2031-06-06"),
        ("The vote had been scheduled for Tuesday, but it was called off.", "2031-06-10"),
        ("The vote is scheduled for Tuesday.", "2031-06-17"),
        # "as planned" tells of the arrangement; the verb dates what happened
        ("The ferries sailed as previously planned on Saturday night.", "2031-06-07"),
        ("The ferries will sail as planned on Saturday.", "2031-06-14"),
        # after a date that opens the sentence, a plan's noun or adjective dates nothing
        ("On Friday, as Moss set aside plans for a hastily planned tour, it ended.", "2031-06-06"),
        ("On Friday, Moss has a speech scheduled before the council.", "2031-06-13"),
        # a date something is put off or given until is to come
        ("The council postponed until Tuesday any vote on the harbour.", "2031-06-17"),
        ("The port gave the pilots until 9 a.m. Tuesday to sign.", "2031-06-17T09:00"),
        ("The talks went on until Tuesday.", "2031-06-10"),
        # what had been done by a date was done by one gone; what had to be done may be to come
        ("Six of the pilots had signed the contract by Tuesday.", "2031-06-10"),
        ("The fees had been paid by Tuesday, the port said.", "2031-06-10"),
        ("The pilots had to sign the contract by Tuesday.", "2031-06-17"),
        ("The pilots had been told to sign by Tuesday.", "2031-06-17"),
    ],
)
def test_the_tense_of_the_sentence_places_a_weekday_or_a_month(sentence: str, value: str) -> None:
    assert only(sentence, THURSDAY).value == value


def test_a_number_like_a_year_decades_ahead_is_no_year() -> None:
    # a score or a count, unless a preposition of time places it ("by 2071")
    assert values("The laptop earned a total score of 2072 in the benchmark.", THURSDAY) == []
    assert values("A poll of 2091 registered voters was released.", THURSDAY) == []
    assert values("The city wants clean buses by 2071.", THURSDAY) == [("2071", "2071")]
    assert values("The 1968 Olympics were held in Mexico City.", THURSDAY) == [("1968", "1968")]


def test_between_now_and_a_date_looks_ahead_whatever_the_tense_of_the_report() -> None:
    text = "He added that the mayor's support could fall between now and Election Day."
    assert values(text, "2016-08-10")[-1] == ("Election Day", "2016-11-08")
    text = "He added that the mayor's support had held until Election Day."
    assert only(text, "2016-08-10").value == "2015-11-03"


def test_the_future_in_general_is_no_date() -> None:
    assert values("We chose the people of tomorrow, he said.") == []
    assert values("Designers showed the ferries of tomorrow.") == []
    # control: a day, and a day's event
    assert values("The start of tomorrow's race was delayed.") == [("tomorrow", "2024-10-26")]
    assert values("The ferry sails tomorrow.") == [("tomorrow", "2024-10-26")]
