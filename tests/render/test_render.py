import json

import jsonschema
import pytest
from tests.helpers import load_schema

from storyfuse.model import (
    Analysis,
    Article,
    Brief,
    Cited,
    Conflict,
    Entity,
    Fact,
    Figure,
    Framing,
    Problem,
    Quote,
    QuoteGroup,
    Removed,
    Rendering,
    Sentence,
    StoryBrief,
    StoryEntity,
    TimelineEvent,
    Variant,
)
from storyfuse.render import render, to_dict

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _analysis(aid: str, text: str, title: str = "A headline") -> Analysis:
    article = Article(
        id=aid, path=f"{aid}.txt", format="text", text=text, content_hash="0" * 64,
        title=title, outlet="The Example Post", published="2031-03-04",
        published_from="text", removed=(Removed("Subscribe now", "call to action"),),
    )
    first = text.split(". ")[0] + "."
    return Analysis(
        article=article,
        sentences=(Sentence(0, len(first), first),),
        entities=(Entity("Ana Ruiz", "PERSON", 0, 8),),
        quotes=(Quote("We will rebuild", "Ana Ruiz", 10, 25),),
        times=(),
    )


def _brief(title: str = "Bridge reopens", quote: str = "We will rebuild") -> Brief:
    a = _analysis("a1", "Ana Ruiz said the bridge reopens on Monday. Crews worked all night.")
    b = _analysis("b2", "The bridge reopens Monday, mayor Ana Ruiz said. Traffic resumes.")
    story = StoryBrief(
        id="s1", title=title, article_ids=("a1", "b2"),
        summary=(Cited("Ana Ruiz said the bridge reopens on Monday.", ("a1", "b2")),),
        facts=(Fact("The bridge reopens on Monday.", ("a1", "b2")),),
        figures=(Figure(40.0, "crew", "Ana Ruiz", ("a1",), qualifier="about"),),
        conflicts=(Conflict("reopening date", (Variant("2031-03-06", "reopens Monday", ("a1",)), Variant("2031-03-07", "reopens Tuesday", ("b2",))), kind="date"),),
        quotes=(QuoteGroup("Ana Ruiz", (Rendering(quote, ("a1",)), Rendering("We shall rebuild", ("b2",)))),),
        timeline=(TimelineEvent("2031-03-06", "The bridge reopens.", ("a1", "b2")),),
        entities=(StoryEntity("Ana Ruiz", "PERSON", ("a1", "b2"), aliases=("Ruiz",)),),
        framing=(Framing("a1", "Bridge reopens", ("reopens",)),),
    )
    return Brief(articles=(a, b), stories=(story,), errors=(Problem("bad.bin", "binary file"),))


def test_json_validates_against_contract():
    data = json.loads(render(_brief(), "json"))
    jsonschema.validate(data, load_schema())
    assert data["stories"][0]["facts"][0]["support"] == 2
    assert data["errors"] == [{"path": "bad.bin", "error": "binary file"}]
    # canonical names from the story reach the article entities
    assert data["articles"][0]["entities"][0]["canonical"] == "Ana Ruiz"


def test_json_gives_a_joined_quotes_parts_and_none_for_one_part():
    from dataclasses import replace

    brief = _brief()
    a, b = brief.articles
    joined = Quote("Ana … Crews", "Ana Ruiz", 0, 50, parts=((0, 3), (44, 50)))
    brief = replace(brief, articles=(replace(a, quotes=(joined,)), b))
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, load_schema())
    assert data["articles"][0]["quotes"][0]["parts"] == [[0, 3], [44, 50]]
    assert "parts" not in data["articles"][1]["quotes"][0]


def test_empty_brief_is_valid_json():
    data = to_dict(Brief(articles=(), stories=()))
    jsonschema.validate(data, load_schema())
    assert data["stories"] == []


def test_html_is_self_contained_and_escaped():
    html = render(_brief(title=EVIL, quote=EVIL), "html")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    assert "http://" not in html and "https://" not in html  # nothing fetched
    assert 'name="viewport"' in html
    assert "Content-Security-Policy" in html


def test_html_citations_point_at_sentences():
    html = render(_brief(), "html")
    assert 'href="#a-a1-s0"' in html
    assert 'id="a-a1-s0"' in html


def test_markdown_escapes_links_and_html():
    md = render(_brief(title="[click](http://evil.example) <b>x</b>"), "md")
    assert "[click](" not in md
    assert "<b>" not in md
    assert "Where sources disagree" in md
    assert "| 40 | crew | about | Ana Ruiz |" in md


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown format"):
        render(_brief(), "pdf")


def test_untitled_article_is_named_by_its_opening_words():
    a = _analysis("a1", "Ana Ruiz said the bridge reopens on Monday after a long winter of repairs. Crews worked.", title="")
    b = _analysis("b2", "The bridge reopens Monday, mayor Ana Ruiz said. Traffic resumes.")
    story = StoryBrief(id="s1", title="Bridge reopens", article_ids=("a1", "b2"), summary=(), facts=(),
                       figures=(), conflicts=(), quotes=(), timeline=())
    brief = Brief(articles=(a, b), stories=(story,))
    md = render(brief, "md")
    assert "[1] (untitled) “Ana Ruiz said the bridge reopens on Monday after a long winter…”" in md
    assert "[2] A headline" in md
    html = render(brief, "html")
    assert "(untitled) “Ana Ruiz said" in html


def test_html_story_line_counts_in_the_singular_for_one():
    html = render(_brief(), "html")
    assert "2 articles" in html and "1 conflict ·" in html
    assert "1 figure ·" in html and "1 quote<" in html
    assert "1 statement aligned across articles" in html


def test_timeline_weeks_read_as_the_week_of_their_monday():
    from dataclasses import replace

    from storyfuse.render.view import date_label

    assert date_label("2024-W42") == "week of 2024-10-14"
    assert date_label("2021-W01") == "week of 2021-01-04"  # ISO week 1 starts in January here
    assert date_label("2024-W99") == "2024-W99"  # not a week: as written
    assert date_label("2024-10-24") == "2024-10-24" and date_label("2024-10") == "2024-10"
    brief = _brief()
    story = replace(
        brief.stories[0],
        timeline=(TimelineEvent("2031-W10", "Repairs start.", ("a1",)),),
    )
    brief = replace(brief, stories=(story,))
    assert "**week of 2031-03-03** Repairs start." in render(brief, "md")
    html = render(brief, "html")
    assert '<time datetime="2031-W10">week of 2031-03-03</time>' in html
    assert to_dict(brief)["stories"][0]["timeline"][0]["date"] == "2031-W10"  # JSON keeps ISO


def test_seasons_quarters_decades_and_parts_of_days_read_in_words():
    from dataclasses import replace

    from storyfuse.render.view import date_label

    assert date_label("2019-FA") == "autumn 2019" and date_label("2024-SU") == "summer 2024"
    assert date_label("2024-Q3") == "Q3 2024" and date_label("2024-H1") == "first half of 2024"
    assert date_label("2024-W42-WE") == "weekend of 2024-10-19"
    assert date_label("199") == "1990s"
    assert date_label("2024-10-24TMO") == "2024-10-24 morning"
    assert date_label("2024-10-24T15:00") == "2024-10-24 15:00"
    assert date_label(None) == "" and date_label("PAST_REF") == "PAST_REF"
    brief = _brief()
    story = replace(
        brief.stories[0], figures=(Figure(449000, "dollar", "the state", ("a1",), date="2019-FA"),)
    )
    brief = replace(brief, stories=(story,))
    assert "| the state | autumn 2019 |" in render(brief, "md")
    assert '<time datetime="2019-FA">autumn 2019</time>' in render(brief, "html")
    assert to_dict(brief)["stories"][0]["figures"][0]["date"] == "2019-FA"  # JSON keeps TIMEX3


def test_forecasts_are_marked_expected_in_every_format():
    from dataclasses import replace

    brief = _brief()
    story = replace(
        brief.stories[0],
        figures=(Figure(10000, "troop", "NIS", ("a1",), date="2031-12", expected=True),),
        timeline=(
            TimelineEvent("2031-03-05", "The bridge closed.", ("a1",)),
            TimelineEvent("2031-03-09", "The bridge is to reopen.", ("b2",), expected=True),
        ),
    )
    brief = replace(brief, stories=(story,))
    md = render(brief, "md")
    assert "- **2031-03-05** The bridge closed." in md
    assert "- **2031-03-09** (expected) The bridge is to reopen." in md
    assert "| NIS | 2031-12 (expected) |" in md
    html = render(brief, "html")
    assert html.count(">expected</span>") == 2 and html.count('<li class="expected">') == 1
    data = to_dict(brief)["stories"][0]
    assert [t["expected"] for t in data["timeline"]] == [False, True]
    assert data["figures"][0]["expected"] is True


def test_a_range_of_days_reads_to_its_last_day():
    from dataclasses import replace

    from storyfuse.render.view import date_label

    assert date_label("2031-10-27", "2031-10-28") == "2031-10-27–28"
    assert date_label("2031-10-30", "2031-11-02") == "2031-10-30 – 2031-11-02"
    assert date_label("2031-10-27", "2031-10-27") == "2031-10-27"
    assert date_label("2031-10", "2031-10-28") == "2031-10"  # only a day starts a range
    brief = _brief()
    event = TimelineEvent("2031-03-06", "Crews work both days.", ("a1",), end="2031-03-07")
    brief = replace(brief, stories=(replace(brief.stories[0], timeline=(event,)),))
    assert "- **2031-03-06–07** Crews work both days." in render(brief, "md")
    assert '<time datetime="2031-03-06">2031-03-06–07</time>' in render(brief, "html")
    assert to_dict(brief)["stories"][0]["timeline"][0]["end"] == "2031-03-07"


def test_markdown_sources_say_where_a_date_came_from():
    md = render(_brief(), "md")
    # the fixture's dates were read from the text; a date from the page's metadata has no note
    assert "— The Example Post, 2031-03-04 (text) `a1`" in md
    from dataclasses import replace

    brief = _brief()
    articles = tuple(
        replace(a, article=replace(a.article, published_from="metadata")) for a in brief.articles
    )
    assert "— The Example Post, 2031-03-04 `a1`" in render(replace(brief, articles=articles), "md")


def test_html_sources_set_the_outlet_apart_from_the_title():
    html = render(_brief(), "html")
    assert "</a> <span class=\"muted\"> · The Example Post · 2031-03-04 (text)" in html


def test_sources_name_their_authors_in_markdown_and_html():
    from dataclasses import replace

    brief = _brief()
    first = replace(brief.articles[0].article, authors=("Ana Ruiz", "Lena <Okafor>"))
    brief = replace(brief, articles=(replace(brief.articles[0], article=first), brief.articles[1]))
    md = render(brief, "md")
    assert "— The Example Post, by Ana Ruiz, Lena \\<Okafor\\>, 2031-03-04 (text) `a1`" in md
    assert "— The Example Post, 2031-03-04 (text) `b2`" in md  # no byline, no "by"
    html = render(brief, "html")
    assert " · The Example Post · by Ana Ruiz, Lena &lt;Okafor&gt; · 2031-03-04 (text)" in html


def test_a_range_figure_keeps_its_top_in_json_markdown_and_html():
    from dataclasses import replace

    brief = _brief()
    ranged = Figure(
        9000.0, "resident", "Ana Ruiz", ("a1",), texts=(Cited("9,000 to 11,500 left.", ("a1",)),),
        upper=11500.0,
    )
    story = replace(brief.stories[0], figures=(ranged,))
    brief = replace(brief, stories=(story,))
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, load_schema())
    assert data["stories"][0]["figures"][0]["upper"] == 11500.0
    assert "| 9,000–11,500 | resident |" in render(brief, "md")
    assert "9,000–11,500</td>" in render(brief, "html")
    # a point figure reads as before, and its upper is null
    point = to_dict(_brief())["stories"][0]["figures"][0]
    assert point["upper"] is None
    assert "| 40 | crew | about |" in render(_brief(), "md")


def test_a_qualifier_only_some_sources_write_is_shown_with_those_sources():
    from dataclasses import replace

    brief = _brief()
    figure = Figure(
        3.0, "gunman", "Ahmad Rahimi", ("a1", "b2"), qualifier="at least",
        texts=(Cited("At least three gunmen stormed the hotel.", ("a1",)),
               Cited("Three gunmen stormed the hotel.", ("b2",))),
        qualifiers=(Cited("at least", ("a1",)),),
    )  # fmt: skip
    story = replace(brief.stories[0], figures=(figure,))
    brief = replace(brief, stories=(story,))
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, load_schema())
    assert data["stories"][0]["figures"][0]["qualifiers"] == [{"text": "at least", "sources": ["a1"]}]
    # not "at least" for both: the second source gives the number plain
    assert "| 3 | gunman | at least [1] | Ahmad Rahimi |" in render(brief, "md")
    html = render(brief, "html")
    assert '<td class="num">3 <span class="tag" title="written so by these sources only">at least <a' in html
    # written by every source, it reads as before
    every = replace(figure, qualifiers=(Cited("at least", ("a1", "b2")),))
    brief = replace(brief, stories=(replace(story, figures=(every,)),))
    assert "| 3 | gunman | at least | Ahmad Rahimi |" in render(brief, "md")
    assert '<td class="num">at least 3</td>' in render(brief, "html")


def test_a_figure_says_what_it_counts_in_the_texts_words():
    from dataclasses import replace

    brief = _brief()
    figure = Figure(
        5.0,
        "ground",
        "Ana Ruiz",
        ("a1",),
        texts=(Cited("Five coastal training grounds.", ("a1",)),),
        thing="coastal training grounds",
    )
    story = replace(brief.stories[0], figures=(figure,))
    brief = replace(brief, stories=(story,))
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, load_schema())
    assert data["stories"][0]["figures"][0]["thing"] == "coastal training grounds"
    assert "| 5 | coastal training grounds |" in render(brief, "md")
    assert "<td>coastal training grounds</td>" in render(brief, "html")
    # without the words (money, percentages, older analyses) the unit is shown, a currency in
    # the plural
    assert "| 40 | crew | about |" in render(_brief(), "md")
    money = Figure(137e6, "dollar", None, ("a1",), texts=(Cited("$137 million.", ("a1",)),))
    story = replace(brief.stories[0], figures=(money,))
    assert "| 137 million | dollars |" in render(replace(brief, stories=(story,)), "md")


def test_quotes_of_one_speaker_sit_under_one_heading_with_renderings_beneath():
    from dataclasses import replace

    brief = _brief()
    story = brief.stories[0]
    quotes = (
        story.quotes[0],
        QuoteGroup("Ben Roe", (Rendering("Traffic resumes soon", ("b2",)),)),
        QuoteGroup("Ana Ruiz", (Rendering("Crews worked all night", ("a1",)),)),
        QuoteGroup(None, (Rendering("Nobody saw it coming", ("a1",)),)),
        QuoteGroup("Ben Roe", (Rendering("The span held", ("b2",), via="the Herald"),)),
    )
    brief = replace(brief, stories=(replace(story, quotes=quotes),))
    md = render(brief, "md")
    section = md.split("### Quotes")[1].split("###")[0]
    lines = [line for line in section.splitlines() if line.strip().startswith("-")]
    assert lines == [
        "- **Ana Ruiz**",
        "  - “We will rebuild” [1]",
        "    - “We shall rebuild” [2]",
        "  - “Crews worked all night” [1]",
        "- **Ben Roe**",
        "  - “Traffic resumes soon” [2]",
        "  - “The span held” [2] (according to the Herald)",
        "- **unattributed**",
        "  - “Nobody saw it coming” [1]",
    ]
    html = render(brief, "html")
    assert html.count("<b>Ana Ruiz</b>") == 1 and "2 quotes" in html
    assert html.index("We shall rebuild") < html.index("Crews worked all night")
    assert 'class="rendering">“We shall rebuild”' in html
    assert "(according to the Herald)</span>" in html
    data = json.loads(render(brief, "json"))
    jsonschema.validate(data, load_schema())
    held = [q for q in data["stories"][0]["quotes"] if q["variants"][0]["text"] == "The span held"]
    assert held[0]["variants"][0]["via"] == "the Herald"


def test_citations_of_a_story_with_ten_sources_or_more_go_in_number_order():
    analyses = tuple(_analysis(f"a{i}", f"The bridge reopens, report {i} said.") for i in range(12))
    ids = tuple(a.id for a in analyses)
    cited = ("a11", "a1", "a9", "a10")  # [12], [2], [10], [11]
    story = StoryBrief(
        id="s1", title="Bridge reopens", article_ids=ids,
        summary=(Cited("The bridge reopens.", cited),),
        facts=(), figures=(), conflicts=(), quotes=(), timeline=(), entities=(), framing=(),
    )  # fmt: skip
    md = render(Brief(articles=analyses, stories=(story,)), "md")
    assert "- The bridge reopens. [2][10][11][12]" in md
    html = render(Brief(articles=analyses, stories=(story,)), "html")
    assert html.index(">[10]<") < html.index(">[11]<") < html.index(">[12]<")


def test_what_a_figure_counts_is_read_one_way_for_the_report_and_the_web_page():
    from storyfuse.render.view import counted

    assert counted({"unit": "troop", "thing": "North Korean troops"}) == "North Korean troops"
    assert counted({"unit": "dollar", "thing": None}) == "dollars"
    # "a trillion-dollar package": the currency's word is its unit, in the plural
    assert counted({"unit": "dollar", "thing": "dollar", "value": 1e12}) == "dollars"
    # "25 Billion Dollars": the currency's word, capitalised, is no name of what is counted
    assert counted({"unit": "dollar", "thing": "Dollars", "value": 2.5e10}) == "dollars"
    # what a sum is, beside its currency: "1,400 stimulus checks" would read as a count
    assert counted({"unit": "dollar", "thing": "stimulus checks"}) == "dollars (stimulus checks)"
    assert counted({"unit": "dollar", "thing": "Canadian dollars"}) == "Canadian dollars"
    # a rate written after the sum
    assert counted({"unit": "dollar", "thing": "a share"}) == "dollars a share"
    assert counted({"unit": "dollar", "thing": "Brent crude, a barrel"}) == (
        "dollars a barrel (Brent crude)"
    )
    assert counted({"unit": "yen"}) == "yen"
    assert counted({"unit": "percent"}) == "percent"


def test_a_sum_with_cents_is_shown_with_both_digits():
    from storyfuse.extract.numbers import amount

    assert amount(66.5, unit="dollar") == "66.50"
    assert amount(1234.5, unit="dollar") == "1,234.50"
    # whole sums, sums in eighths, millions, ranges and other figures as the number reads
    assert amount(27.0, unit="dollar") == "27"
    assert amount(4.375, unit="dollar") == "4.375"
    assert amount(1_500_000.0, unit="dollar") == "1.5 million"
    assert amount(1.5, 2.5, unit="dollar") == "1.5–2.5"
    assert amount(3.5, unit="percent") == "3.5"
    assert amount(66.5) == "66.5"


def test_a_share_is_shown_with_what_it_is_a_share_of():
    from storyfuse.render.view import counted

    assert counted({"unit": "percent", "thing": "jobless rate"}) == "percent (jobless rate)"
    # a thing that already names the unit is shown as it is
    assert counted({"unit": "point", "thing": "percentage points"}) == "percentage points"
    # a magnitude, likewise: "a 6.2 earthquake" is no count of earthquakes
    assert counted({"unit": "magnitude", "thing": "earthquake"}) == "magnitude (earthquake)"


def test_a_count_is_shown_in_the_plural_where_the_text_wrote_the_singular():
    from storyfuse.render.view import counted

    def figure(unit: str, thing: str | None, value: float, text: str) -> dict:
        return {"unit": unit, "thing": thing, "value": value, "texts": [{"text": text}]}

    assert counted(figure("judge", "judge", 3, "A three-judge panel ruled.")) == "judges"
    assert counted(figure("man", "man", 2, "It was a two-man race.")) == "men"
    assert counted(figure("point", None, 10, "She has a 10-point lead.")) == "points"
    assert counted(figure("point", None, 1, "She has a 1-point lead.")) == "point"
    # a count written in the singular on purpose stays so
    assert counted(figure("crew", "crew", 40, "The ship had 40 crew.")) == "crew"
    # a word English does not put in the plural stays so
    assert counted(figure("horsepower", "horsepower", 275, "a 275-horsepower V6")) == "horsepower"
    # a measure of two words hyphened as one
    text = "a 5,125-square-foot space"
    assert counted(figure("square foot", "square-foot", 5125, text)) == "square feet"
