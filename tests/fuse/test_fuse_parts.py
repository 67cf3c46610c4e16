"""Small pieces of fuse, tested on their own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from storyfuse.fuse.conflicts import compatible
from storyfuse.fuse.names import Names, acronyms, same_party
from storyfuse.fuse.units import parse_day, precision
from storyfuse.model import Figure, Quote


def test_acronyms_a_name_spells_out_for_itself():
    assert acronyms("Ukraine's Defense Intelligence Directorate (HUR)") == {"HUR"}
    assert acronyms("the Ukrainian Defense Intelligence Directorate, or GUR") == {"GUR"}
    assert acronyms("HUR") == {"HUR"}
    assert acronyms("the Kremlin") == set()


def test_same_party_by_short_form_or_nearly_the_same_words():
    names = Names()
    assert same_party("Kestrel's Defence Intelligence Agency (KDIA)", "KDIA", names)
    assert same_party(
        "Ukrainian Defense Intelligence Directorate",
        "Ukraine's Defense Intelligence Directorate",
        names,
    )
    assert not same_party("the United States", "Dutch intelligence", names)
    assert not same_party("South Korea's spy agency", "Ukraine's military intelligence", names)
    assert not same_party("HUR", None, names)
    assert same_party(None, None, names)


def _figure(value: float, qualifier: str | None = None, upper: float | None = None) -> Figure:
    return Figure(
        value=value, unit="troop", claimant=None, sources=("a",), qualifier=qualifier, upper=upper
    )


def test_compatible_values_do_not_conflict():
    assert compatible(_figure(12000, "nearly"), _figure(12000))
    assert compatible(_figure(11500, "about"), _figure(12000))  # within 10% and approximate
    assert compatible(_figure(10000, upper=12000), _figure(11000))
    assert not compatible(_figure(3000), _figure(12000, "nearly"))
    assert not compatible(_figure(11500), _figure(12000))  # exact numbers must match


def test_an_amount_in_millions_or_more_may_be_a_rounding_of_a_more_precise_one():
    # "$26 million" for $26.5 million, "$1 trillion" for the $1.2 trillion bill
    assert compatible(_figure(26e6), _figure(26.5e6))
    assert compatible(_figure(1.2e12), _figure(1e12))
    assert compatible(_figure(2.3e12), _figure(2.25e12))
    # beyond half the last written digit, or with as many digits, they disagree
    assert not compatible(_figure(1e12), _figure(1.9e12))
    assert not compatible(_figure(26e6), _figure(27e6))
    assert not compatible(_figure(30e6), _figure(37e6))
    # counts below a million are written as counted
    assert not compatible(_figure(3000), _figure(2500))


def test_a_difference_answers_another_question_than_the_count():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Varnia has reported 21,000 more deaths from the fever this month.",
        "b": "Varnia has reported 846,655 deaths from the fever this month.",
        "c": "Varnia has reported 30,000 more deaths from the fever this month.",
    }
    story = text_story(texts)

    figure = counts(texts, "death")

    assert number_conflicts(story, [figure(21_000, "a"), figure(846_655, "b")]) == []
    # two differences of one period may disagree
    (conflict,) = number_conflicts(story, [figure(21_000, "a"), figure(30_000, "c")])
    assert len(conflict.variants) == 2

    # a count after "another" is a difference too
    texts = {
        "a": "More than 22 million Varnians have filed for jobless aid since the port closed.",
        "b": "Another 5.2 million Varnians filed for jobless aid last week since the port closed.",
        "c": "Some 5.2 million Varnians filed for jobless aid last week since the port closed.",
    }
    story, figure = text_story(texts), counts(texts, "varnian")
    assert number_conflicts(story, [figure(22e6, "a"), figure(5.2e6, "b")]) == []
    assert len(number_conflicts(story, [figure(22e6, "a"), figure(5.2e6, "c")])) == 1

    # and a gap to another count: "2,000 votes short of the majority"
    texts = {
        "a": "The Varnian plan won 9,000 votes in the harbour ballot, the council said on Monday.",
        "b": "The Varnian plan won 7,000 votes in the harbour ballot, 2,000 votes short of the "
        "majority, the council said on Monday.",
        "c": "The Varnian plan won 2,000 votes in the harbour ballot, the council said on Monday.",
    }
    story, figure = text_story(texts), counts(texts, "vote")
    assert number_conflicts(story, [figure(9_000, "a"), figure(2_000, "b")]) == []
    assert len(number_conflicts(story, [figure(9_000, "a"), figure(2_000, "c")])) == 1


def test_a_peak_answers_another_question_than_the_count():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Jobless claims in Varnia rose to 373,000 last week, after reaching a peak of "
        "904,000 in January.",
        "b": "Jobless claims in Varnia rose to 373,000 last week, the ministry said.",
        "c": "Jobless claims in Varnia rose to 380,000 last week, the ministry said.",
    }
    story, figure = text_story(texts), counts(texts, "claim")
    assert number_conflicts(story, [figure(904_000, "a"), figure(373_000, "b")]) == []
    # two counts of the same week still disagree
    assert len(number_conflicts(story, [figure(373_000, "b"), figure(380_000, "c")])) == 1


def test_a_part_of_a_breakdown_answers_another_question_than_the_total():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "The former Tarn mayor was convicted on all three counts against him on Tuesday.",
        "b": "The former Tarn mayor was convicted of two counts of fraud and one count of "
        "bribery on Tuesday.",
        "c": "The former Tarn mayor was convicted on two counts against him on Tuesday.",
    }
    story, figure = text_story(texts), counts(texts, "count")
    assert number_conflicts(story, [figure(3, "a"), figure(2, "b")]) == []
    # two totals still disagree
    assert len(number_conflicts(story, [figure(3, "a"), figure(2, "c")])) == 1


def test_a_count_of_one_day_answers_another_question_than_a_total():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Varnia has reported at least 40,000 deaths from the fever since the outbreak "
        "began.",
        "b": "Varnia has reported 3,865 deaths from the fever on Wednesday, the most reported "
        "in a single day since the outbreak began.",
        "c": "Varnia has reported at least 30,000 deaths from the fever since the outbreak "
        "began.",
    }
    story, figure = text_story(texts), counts(texts, "death")
    assert number_conflicts(story, [figure(40_000, "a"), figure(3_865, "b")]) == []
    # two totals still disagree
    assert len(number_conflicts(story, [figure(40_000, "a"), figure(30_000, "c")])) == 1


def test_the_level_a_change_started_from_answers_another_question_than_the_count():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "There were 7,314 harbour thefts last year, up from 7,120 in 2018, the highest "
        "number since 2008, according to the police report released on Monday.",
        "b": "The annual police reports show that harbour thefts have increased from 6,121 "
        "thefts in 2016 to 7,314 in 2019, a 19.49 percent increase.",
        "c": "There were 6,121 harbour thefts last year, the highest number since 2008, "
        "according to the port report released on Monday.",
    }
    story = text_story(texts)
    latest = text_figure(texts, "a", 7_314, "theft", "police report")
    earlier = text_figure(texts, "b", 6_121, "theft", "annual police reports", date="2016")
    assert number_conflicts(story, [latest, earlier]) == []
    # a count of the same year still disagrees
    other = text_figure(texts, "c", 6_121, "theft", "port")
    assert len(number_conflicts(story, [latest, other])) == 1


def test_how_many_sources_an_outlet_spoke_to_is_no_conflict():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "The harbour master closed the port, four port officials said.",
        "b": "The harbour master closed the port, three port officials told Varnia Radio.",
        "c": "The harbour master fired four port officials.",
        "d": "The harbour master fired three port officials.",
    }
    story, figure = text_story(texts), counts(texts, "official")
    assert number_conflicts(story, [figure(4, "a"), figure(3, "b")]) == []
    # officials the story is about may be counted differently
    assert len(number_conflicts(story, [figure(4, "c"), figure(3, "d")])) == 1


def test_how_many_sources_spoke_is_no_figure_but_what_they_counted_is():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "The port will cut 300 jobs, two people familiar with the plan said. "
        "Twelve senators said they would vote against the plan. "
        "Unionists, who hold a 54-person majority in the council, said they would fight it."
    )
    mention = "Unionists, who hold a 54-person majority in the council,"
    spec = {
        "id": "a",
        "text": text,
        "quotes": [["The port will cut 300 jobs", "two people familiar with the plan"],
                   ["they would vote against the plan", "Twelve senators"],
                   ["they would fight it", "Unionists"]],
        "claims": [("300", 300, "job", None, "two people familiar with the plan", None),
                   ("two", 2, "person", None, None, None),
                   ("Twelve", 12, "senator", None, None, None),
                   ("54", 54, "person", None, None, None)],
    }  # fmt: skip
    a = analysis(spec)
    spans = [("two people familiar with the plan", 0), ("Twelve senators", 1), (mention, 2)]
    quotes = tuple(
        replace(q, speaker_start=text.index(m), speaker_end=text.index(m) + len(m))
        for q, (m, _) in zip(a.quotes, spans, strict=True)
    )
    a = replace(a, quotes=quotes)
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": a}, lexical_embedder)
    # a count in a clause of the speaker's phrase is a figure: "a 54-person majority"
    assert sorted(f.value for f in figures(story, Names())) == [12.0, 54.0, 300.0]


def test_a_toll_that_the_sentences_place_alike_answers_one_question():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "At least 63 people were reported killed after an earthquake struck towns in Italy.",
        "b": (
            "A strong earthquake in central Italy reduced three towns to rubble as residents"
            " slept, with reports that as many as 50 people were killed."
        ),
        "c": "A powerful quake killed more than 50 people and flattened villages in Italy.",
        "d": "A powerful quake killed more than 50 people and flattened villages in Peru.",
        "e": "The storm killed 40 people.",
        "f": "The shooting at two mosques in New Zealand left 49 people dead.",
        "g": "A gunman's rampage on two New Zealand mosques killed 50 people.",
    }
    story = text_story(texts)

    def toll(aid: str, value: int, qualifier: str | None) -> Figure:
        return text_figure(texts, aid, value, "person", qualifier=qualifier)

    (conflict,) = number_conflicts(story, [toll("a", 63, "at least"), toll("b", 50, "up to")])
    assert [v.value for v in conflict.variants] == ["63 (at least)", "50 (up to)"]
    assert "killed" in conflict.about
    # the same value as a floor and as a ceiling are two answers
    tolls = [toll("a", 63, "at least"), toll("b", 50, "up to"), toll("c", 50, "more than")]
    (conflict,) = number_conflicts(story, tolls)
    assert len(conflict.variants) == 3
    # another place, or none, is another toll
    assert number_conflicts(story, [toll("b", 50, "up to"), toll("d", 63, None)]) == []
    assert number_conflicts(story, [toll("b", 50, "up to"), toll("e", 63, None)]) == []
    # the question leaves out a relative pronoun the parse may hang on the wrong noun
    from storyfuse.fuse.conflicts import count_phrase

    rampage = "Videos of a rampage on two New Zealand mosques that killed 50 people were removed."
    assert count_phrase(rampage, "person") == "killed people"
    # "left 49 people dead" and "killed 50 people" tell one outcome
    (conflict,) = number_conflicts(story, [toll("f", 49, None), toll("g", 50, None)])
    assert [v.value for v in conflict.variants] == ["49", "50"]


def test_a_toll_and_a_count_of_what_people_did_answer_two_questions():
    """Sentences alike in all but their verbs: the dead and the signatories are not one
    count, however much the rest of the sentences agree."""
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": (
            "Harbour leaders in Vesna, a city still reeling from the attack on the old ferry "
            "that left 11 people dead, have published an open letter to the governor."
        ),
        "b": (
            "More than 35,000 people have signed an open letter to the governor from harbour "
            "leaders in Vesna, the city of the attack on the old ferry."
        ),
        "c": (
            "Harbour leaders in Vesna, a city still reeling from the attack on the old ferry "
            "that killed 12 people, have published an open letter to the governor."
        ),
    }
    story = text_story(texts)
    figure = counts(texts, "person")
    assert number_conflicts(story, [figure(11, "a"), figure(35000, "b")]) == []
    # the dead against the dead still disagree
    (conflict,) = number_conflicts(story, [figure(11, "a"), figure(12, "c")])
    assert [v.value for v in conflict.variants] == ["11", "12"]


def test_a_count_of_what_could_be_done_is_no_answer_to_what_was_done():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.model import Cited

    texts = {
        "a": "The clinics vaccinated 1.3 million Varnians against the fever on Thursday.",
        "b": "The clinics could soon be vaccinating 1.5 million Varnians a day, the minister said.",
        "c": "The clinics vaccinated 1.5 million Varnians against the fever on Thursday.",
        "d": "The clinics will soon be vaccinating 1.3 million Varnians a day, the minister said.",
    }
    story, figure = text_story(texts), counts(texts, "varnian")
    assert number_conflicts(story, [figure(1.3e6, "a"), figure(1.5e6, "b")]) == []
    assert len(number_conflicts(story, [figure(1.3e6, "a"), figure(1.5e6, "c")])) == 1
    assert len(number_conflicts(story, [figure(1.3e6, "d"), figure(1.5e6, "b")])) == 1
    # a figure its sources give as done and as planned may answer either
    cited = (Cited(texts["a"], ("a",)), Cited(texts["d"], ("d",)))
    both = Figure(1.3e6, "varnian", None, ("a", "d"), texts=cited)
    assert len(number_conflicts(story, [both, figure(1.5e6, "b")])) == 1


def test_sums_of_money_need_near_paraphrases_to_answer_one_question():
    """A story gives sums of many things (a month's deficit and four months'); two counts of
    people in sentences as alike as these may disagree, two sums of money may not."""
    import numpy as np
    from tests.fuse.builders import analysis, text_figure

    from storyfuse.fuse.conflicts import SAME_MONEY_QUESTION, SAME_QUESTION, number_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    cosine = (SAME_QUESTION + SAME_MONEY_QUESTION) / 2

    def embedder(texts):  # every two different sentences at ``cosine``
        rows = np.zeros((len(texts), 2), dtype=np.float32)
        for i, text in enumerate(texts):
            rows[i] = (1.0, 0.0) if "January" in text else (cosine, (1 - cosine**2) ** 0.5)
        return rows

    for unit, a, b in (
        ("dollar", "The deficit was $163 billion in January.", "The deficit reached $736 billion."),
        ("person", "Some 163 people fled in January.", "In all, 736 people fled the floods."),
    ):
        texts = {"a": a, "b": b}
        analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
        story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, embedder)
        figures = [text_figure(texts, "a", 163, unit), text_figure(texts, "b", 736, unit)]
        assert len(number_conflicts(story, figures)) == (unit == "person"), unit


def test_a_name_both_sentences_write_is_not_swapped():
    """A headline in title case may leave a name untagged ("Biden To Pick"): the other
    sentence's name is then not the only one it gives."""
    from storyfuse.fuse.conflicts import _written

    headline = "Biden To Pick Connecticut Schools Chief Miguel Cardona As Education Secretary."
    assert _written(headline, "Joe Biden") and _written(headline, "Biden")
    assert not _written(headline, "Ada Moss")
    assert not _written("The bidens of the town.", "Joe Biden")  # a name keeps its capitals


def test_a_name_inside_quotation_marks_is_what_someone_said():
    from storyfuse.fuse.conflicts import _quoted

    said = "“We have sealed the port, and Ada Moss knows why,” Ivo Tamm said."
    assert _quoted(said, "Ada Moss") and not _quoted(said, "Ivo Tamm")
    assert not _quoted("Ada Moss sealed the port.", "Ada Moss")


def test_iso_values_and_their_precision():
    assert parse_day("2024-06-19") == date(2024, 6, 19)
    assert parse_day("2024-10") == date(2024, 10, 1)
    assert parse_day("2024-W43") == date(2024, 10, 21)
    assert parse_day("PXD") is None
    assert [precision(v) for v in ("2024-06-19", "2024-W43", "2024-10", "2024", "P3D")] == [
        "day",
        "week",
        "month",
        "year",
        None,
    ]


def test_a_story_of_one_short_untitled_article_still_gets_a_brief():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse import fuse
    from storyfuse.model import Story

    lone = analysis({"id": "lone", "text": "Rain fell.", "title": None})
    brief = fuse(Story(id="s", article_ids=("lone",)), {"lone": lone}, embedder=lexical_embedder)
    assert brief.title == "Rain fell."  # no headline and nothing to summarise: what it says
    assert brief.facts == () and brief.summary == () and brief.conflicts == ()
    assert [f.article_id for f in brief.framing] == ["lone"]


def test_a_story_naming_an_article_that_was_not_analysed_is_an_error():
    import pytest

    from storyfuse.fuse import fuse
    from storyfuse.model import Story

    with pytest.raises(KeyError, match="not analysed"):
        fuse(Story(id="s", article_ids=("ghost",)), {})


def test_cosines_are_exactly_symmetric_so_a_pair_ties():
    from storyfuse.fuse.facts import Alignment
    from storyfuse.fuse.units import cosines

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(40, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = cosines(vectors)
    assert (similarity == similarity.T).all()
    assert (np.diag(similarity) == 1.0).all()
    assert np.allclose(similarity, vectors @ vectors.T, atol=1e-5)
    # each member of a pair is as close to the other as the other is to it: the tie goes to
    # the earlier one, whatever the rounding of the matrix product (which, used as it came, gave
    # the later one for 54 of these 780 pairs)
    alignment = Alignment(units=[], similarity=similarity, groups=[])
    pairs = [(i, j) for i in range(40) for j in range(i + 1, 40)]
    assert [alignment.representative([i, j]) for i, j in pairs] == [i for i, _ in pairs]


def test_timeline_prefers_a_sentence_that_names_its_actor() -> None:
    from storyfuse.fuse.units import leans_on_context as _leans_on_context

    assert _leans_on_context("On Friday, he told state television the decision was sovereign.")
    assert _leans_on_context("They signed the treaty on June 19.")
    assert not _leans_on_context("On Friday, the president told state television it was sovereign.")
    assert not _leans_on_context("Theresa May said on Friday that talks would go on.")
    # nor a sentence a pronoun is said to have said
    assert _leans_on_context("Both sides were closer to a trade deal than ever, he added.")
    assert _leans_on_context("The deal is done, she said on Tuesday.")
    assert not _leans_on_context("The deal is done, Ada Moss said on Tuesday.")


def test_a_summary_sentence_must_hold_its_whole_quotation() -> None:
    from storyfuse.fuse.units import unbalanced_quotes

    assert unbalanced_quotes("In a statement, the mayor said: “The bridge will reopen in May.")
    assert unbalanced_quotes("It will cost more than planned,” the mayor added on Friday.")
    assert unbalanced_quotes('The mayor said: "The bridge will reopen in May.')
    assert not unbalanced_quotes("The mayor said: “The bridge will reopen in May.”")
    assert not unbalanced_quotes('The mayor called the plan "a first step" on Friday.')
    assert not unbalanced_quotes("The bridge will reopen in May, the mayor said.")


def test_a_summary_sentence_does_not_open_on_what_went_before() -> None:
    from storyfuse.fuse.summary import _DANGLING

    for text in (
        "So the mayor's deputy is out campaigning with the council's chief.",
        "Not the mayor; she keeps on doing what she was doing before.",
        "Such a vote would be quickly rejected by the council's majority.",
        "Instead, the council voted to keep the bridge shut until May.",
        "Most of them -- but not all -- keep to what the mayor set out in May.",
        "None of those was built before the flood.",
    ):
        assert _DANGLING.match(text), text
    for text in (
        "So far, the council has spent 3 million crowns on the bridge.",
        "Not only the bridge but the ferry will be shut until May.",
        "Instead of a bridge, the council will build a tunnel under the harbour.",
        "Sophie Lind, the mayor, opened the bridge on Monday.",
        "Most of the council's members voted to keep the bridge shut.",
        "Someone threw them a rope from the bridge.",
    ):
        assert not _DANGLING.match(text), text


def test_entities_leave_out_a_title_word_tagged_as_a_name():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Norland Defense Secretary Ada Moss visited Vesna on Monday. "
        "The Defense Ministry of Norland said the visit went well."
    )
    one = analysis(
        {
            "id": "a",
            "text": text,
            "entities": [
                ("Defense", "ORG"),
                ("Ada Moss", "PERSON"),
                ("Vesna", "GPE"),
                ("Defense Ministry of Norland", "ORG"),
            ],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    names = [e.name for e in entities(story, build_names(story))]
    assert "Defense" not in names
    assert {"Ada Moss", "Vesna", "Defense Ministry of Norland"} <= set(names)


def test_a_team_named_after_a_person_is_an_organisation():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = "Team Moss lives in a world of fiction. Ada Moss signed the deal."
    one = analysis(
        {"id": "a", "text": text, "entities": [("Team Moss", "PERSON"), ("Ada Moss", "PERSON")]}
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    found = {e.name: e.label for e in entities(story, build_names(story))}
    assert found["Team Moss"] == "ORG"
    assert found["Ada Moss"] == "PERSON"


def test_entities_leave_out_the_office_written_before_a_secretary_or_minister():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Norland Energy Minister Ola Brenn met Homeland Security Secretary Ada Moss. "
        "Homeland Security said the talks went well. Vesna Secretary of State Tor Lund came."
    )
    one = analysis(
        {
            "id": "a",
            "text": text,
            "entities": [
                ("Energy", "ORG"),
                ("Homeland Security", "ORG"),
                ("Ola Brenn", "PERSON"),
                ("Ada Moss", "PERSON"),
                ("Vesna", "GPE"),
            ],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    found = {e.name for e in entities(story, build_names(story))}
    assert "Energy" not in found
    assert "Homeland Security" in found  # the department named on its own is kept
    assert {"Ola Brenn", "Ada Moss", "Vesna"} <= found  # a country before a title is kept


def test_a_speaker_written_with_a_descriptor_before_the_name_is_that_person():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    said = "We will reopen the bridge by May and not a day later"
    specs = [
        ("a", f'"{said}," Ada Moss said on Monday.', said, "Ada Moss"),
        (
            "b",
            f'The board\'s chief planner Ada Moss said: "{said}."',
            said,
            "board's chief planner Ada Moss",
        ),
        ("c", f'Chief planner Ada Moss said: "{said}."', said, "Chief planner Ada Moss"),
    ]
    analyses = {
        aid: analysis(
            {"id": aid, "text": text, "entities": [("Ada Moss", "PERSON")], "quotes": [(q, who)]}
        )
        for aid, text, q, who in specs
    }
    story = story_articles(Story(id="s", article_ids=("a", "b", "c")), analyses, lexical_embedder)
    names = build_names(story)
    assert names.canonical("board's chief planner Ada Moss") == "Ada Moss"
    assert names.canonical("Chief planner Ada Moss") == "Ada Moss"
    groups = quotes(story, names)
    assert [(g.speaker, g.variants[0].sources) for g in groups] == [("Ada Moss", ("a", "b", "c"))]
    # a capitalised word before the name may be part of it ("Anna Ada Moss"), not a descriptor
    assert names.canonical("Anna Ada Moss") != "Ada Moss"
    # ... but a title is no name: "Norland's Republican Gov. Ada Moss", "Governor Ada Moss"
    assert names.canonical("Norland’s Republican Gov. Ada Moss") == "Ada Moss"
    assert names.canonical("Governor Ada Moss") == "Ada Moss"


def test_sentences_that_share_only_a_year_and_give_different_figures_are_not_one_fact():
    from tests.fuse.builders import analysis

    from storyfuse.fuse.facts import align
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def same_vector(texts):  # every sentence alike: only the numbers keep them apart
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    texts = {
        "a": "The Arden bridge, built in 1962, collapsed on May 4 after a week of heavy rain.",
        "b": "The Arden bridge, built in 1962, carried about 9,000 cars on an ordinary day.",
        "c": "The Arden bridge, opened in 1962, fell into the river on May 4 after heavy rain.",
    }
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, same_vector)
    alignment = align(story, build_names(story))
    groups = [sorted(alignment.units[k].article_id for k in g) for g in alignment.groups]
    # the year is background both give; the day and the traffic count are two statements
    assert ["a", "c"] in groups
    assert ["b"] in groups


def test_a_value_as_a_floor_is_no_support_for_the_same_value_as_a_ceiling():
    from tests.fuse.builders import analysis

    from storyfuse.fuse.facts import align
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def same_vector(texts):  # every sentence alike: only the figures keep them apart
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    specs = {
        "a": ("The quake killed more than 50 people in the hill towns.", "more than 50", "more than"),
        "b": ("As many as 50 people were killed by the quake in the hill towns.", "As many as 50", "up to"),
        "c": ("At least 50 people were killed by the quake in the hill towns.", "At least 50", "at least"),
    }  # fmt: skip
    analyses = {
        k: analysis({"id": k, "text": t, "claims": [(n, 50, "person", q, None, None)]})
        for k, (t, n, q) in specs.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, same_vector)
    alignment = align(story, build_names(story))
    groups = [sorted(alignment.units[k].article_id for k in g) for g in alignment.groups]
    assert ["a", "c"] in groups
    assert ["b"] in groups


def test_a_timeline_item_is_not_cited_to_an_article_giving_another_count_that_day():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Rescuers pulled 40 people from the flooded river at Hollin on June 3, the agency said.",
        "b": "Rescuers pulled 55 people from the flooded river at Hollin on June 3, the agency said.",
        "c": "The agency said rescuers pulled 40 people from the flooded river at Hollin on June 3.",
    }
    analyses = {
        k: analysis(
            {"id": k, "text": t, "published": "2031-06-04", "times": [("June 3", "2031-06-03")]}
        )
        for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    items = sorted((e.sources, e.text) for e in timeline(story))
    assert [sources for sources, _ in items] == [("a", "c"), ("b",)]
    assert "55 people" in items[1][1]


def test_a_date_given_as_the_night_or_morning_of_a_day_dates_the_verb():
    from storyfuse.fuse.events import event_phrase

    for sentence in (
        "The fire started on the night of May 2, the brigade said.",
        "The fire started in the early hours of May 2, the brigade said.",
        "The fire started on the morning of May 2.",
    ):
        start = sentence.index("May 2")
        words = event_phrase(sentence, start, start + len("May 2"))
        assert (words.head, words.verbal) == ("start", True), sentence
        assert "fire" in words.thing
    # a dated noun that is not a time of day stays the thing dated
    sentence = "The fire of May 2 destroyed the mill."
    start = sentence.index("May 2")
    assert event_phrase(sentence, start, start + 5).head == "fire"


def test_a_dated_sentence_that_continues_the_one_before_is_judged_with_it():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Inspectors closed the Marren harbour quay after crane cables snapped during loading.\n"
        "Harbour inspector Lina Dorr said the crane cables on the Marren quay had frayed badly.\n"
        "She said it first happened on June 3 at the north end.",
        "b": "The Marren harbour quay stays closed while inspectors check every crane cable.\n"
        "Crane cables snapped on the Marren quay during loading, harbour inspectors said.",
    }
    analyses = {
        k: analysis(
            {
                "id": k,
                "text": t,
                "published": "2031-06-05",
                "times": [("June 3", "2031-06-03")] if k == "a" else [],
            }
        )
        for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    assert [e.text for e in timeline(story)] == [
        "She said it first happened on June 3 at the north end."
    ]


def test_a_sentence_goes_on_the_timeline_at_the_date_of_what_it_reports():
    """ "claimed in mid-October ... the June 18 defense pact": the claims are the event, the
    pact's date describes a thing the sentence names, however precise it is."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Norland and Tarnby both claimed in mid-October that Vessia had moved troops to the "
        "border, likely as a result of the June 18 mutual defense pact."
    )
    item = analysis(
        {
            "id": "a",
            "text": text,
            "published": "2031-10-25",
            "times": [("mid-October", "2031-10"), ("June 18", "2031-06-18")],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    assert [(e.date, e.text) for e in timeline(story)] == [("2031-10", text)]


def test_a_sentence_whose_own_day_is_unknown_is_not_placed_at_a_date_it_names():
    """ "signed a treaty on Saturday, ending the long dispute over the March 3, 2029 floods" in
    an undated article: the signing's day is unknown, and the floods' date is not it. A
    sentence that names the dated thing alone stays at its date, and in a dated article the
    Saturday is a day."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    treaty = (
        "The Tarn council signed a water treaty with Vessia on Saturday, ending the long "
        "dispute over the March 3, 2029 floods."
    )
    floods = "The March 3, 2029 floods ruined the Tarn harvest."
    cases = [
        (treaty, None, [("Saturday", None), ("March 3, 2029", "2029-03-03")], []),
        (floods, None, [("March 3, 2029", "2029-03-03")], ["2029-03-03"]),
        (
            treaty,
            "2031-05-12",
            [("Saturday", "2031-05-10"), ("March 3, 2029", "2029-03-03")],
            ["2031-05-10"],
        ),
    ]
    for text, published, times, dated in cases:
        item = analysis({"id": "a", "text": text, "published": published, "times": times})
        story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
        assert [e.date for e in timeline(story)] == dated, text


def test_a_date_in_a_clause_describing_a_thing_is_not_the_day_of_the_report_around_it():
    """ "confirmed on Monday that Ada Moss, whom the board appointed in April 2029, would
    leave" in an undated article: Monday is unknown, and the appointment's date describes Moss,
    not her leaving. Without a day of its own the sentence stays at the appointment's date."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    leaving = (
        "On Monday, the harbour board confirmed that Ada Moss, whom the board appointed as "
        "harbour master in April 2029, would be leaving her post."
    )
    appointed = "The board appointed Ada Moss as harbour master in April 2029."
    cases = [
        (leaving, [("Monday", None), ("April 2029", "2029-04")], []),
        (appointed, [("April 2029", "2029-04")], ["2029-04"]),
    ]
    for text, times, dated in cases:
        item = analysis({"id": "a", "text": text, "published": None, "times": times})
        story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
        assert [e.date for e in timeline(story)] == dated, text


def test_a_sentence_placed_against_a_dated_thing_is_not_placed_at_its_date():
    """ "ahead of the March 1 vote", "after Tuesday's vote", "heading into Tuesday's
    primaries", "compared with the October debate": the sentence's event is not on the date of
    the thing it names. Named as where the event happened ("at Tuesday's vote"), it stays."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    cases = [
        ("Ahead of the March 1 vote, Ada Moss sharpened her attacks.", "March 1", "2031-03-01"),
        ("Moss gained ground after Tuesday's vote in Tarn.", "Tuesday", "2031-03-04"),
        ("Moss led by 40 delegates heading into Tuesday's primaries.", "Tuesday", "2031-03-04"),
        ("Fewer people watched compared with the October debate.", "October", "2030-10"),
        ("Ada Moss spoke at Tuesday's rally in Tarn.", "Tuesday", "2031-03-04"),
    ]
    placed = []
    for text, mention, value in cases:
        item = analysis(
            {"id": "a", "text": text, "published": "2031-03-06", "times": [(mention, value)]}
        )
        story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
        placed.extend(e.text for e in timeline(story))
    assert placed == ["Ada Moss spoke at Tuesday's rally in Tarn."]


def test_what_had_not_happened_when_reported_is_marked_expected():
    """A date after the article's own publication date is a forecast ("will be deployed on
    Oct. 27", "by December"); it stays on the timeline, marked, and is not a date conflict
    with what another article reports as done. In an undated article, the verb tells."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.conflicts import date_conflicts
    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": (
            "The first Vessian units will be deployed to the Tarn front on Oct. 27.",
            "2031-10-25",
            [("Oct. 27", "2031-10-27")],
        ),
        "b": (
            "The first Vessian units were deployed to the Tarn front on Oct. 23.",
            "2031-10-26",
            [("Oct. 23", "2031-10-23")],
        ),
        "c": (
            "The Vessian delegation will meet the Tarn council on Nov. 3.",
            None,
            [("Nov. 3", "2031-11-03")],
        ),
    }
    analyses = {
        k: analysis({"id": k, "text": t, "published": day, "times": times})
        for k, (t, day, times) in specs.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    assert [(e.date, e.expected) for e in timeline(story)] == [
        ("2031-10-23", False),
        ("2031-10-27", True),
        ("2031-11-03", True),
    ]
    assert date_conflicts(story) == []


def test_the_purpose_of_a_past_act_is_no_forecast():
    """An infinitive of purpose under a past verb is dated with that act; a verb's infinitive
    complement ("agreed to meet") and a future act's purpose stay planned."""
    from storyfuse.fuse.events import event_phrase

    cases = {
        "Tarn police sought warrants to search the mill's ledgers in July 2031.": False,
        "The envoy flew to Vessia to meet the council on Feb. 27.": False,
        "The mayor denied that he had taken steps to hide the ledgers in July 2031.": False,
        "The mayor has taken steps to hide the ledgers in July 2031.": False,
        "The envoy agreed to meet the council on Feb. 27.": True,
        "The envoy will fly to Vessia to meet the council on Feb. 27.": True,
    }
    for sentence, planned in cases.items():
        date = "July 2031" if "July" in sentence else "Feb. 27"
        start = sentence.index(date)
        assert event_phrase(sentence, start, start + len(date)).planned is planned, sentence


def test_what_may_have_happened_is_no_forecast():
    """ "may have lost it in September 2014" in an undated article: a modal before the perfect
    speaks of the past."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": ("The Tarn envoy may have lost the ledger in September 2031.", "2031-09"),
        "b": ("The Tarn envoy could lose the ledger in November 2031.", "2031-11"),
    }
    analyses = {
        k: analysis(
            {"id": k, "text": t, "published": None, "times": [(t.split(" in ")[1][:-1], v)]}
        )
        for k, (t, v) in specs.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    assert [(e.date, e.expected) for e in timeline(story)] == [
        ("2031-09", False),
        ("2031-11", True),
    ]


def test_a_timeline_item_keeps_the_last_day_of_its_range():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = "Crews closed the Tarn road on Oct. 27-28 for repairs, the council said."
    item = analysis(
        {"id": "a", "text": text, "published": "2031-10-30", "times": [("Oct. 27-28", "2031-10-27")]}
    )
    item = replace(item, times=tuple(replace(t, end_value="2031-10-28") for t in item.times))
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    assert [(e.date, e.end, e.expected) for e in timeline(story)] == [
        ("2031-10-27", "2031-10-28", False)
    ]


def test_a_figure_dated_after_its_articles_publication_is_a_forecast():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import Names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Vessia is expected to send some 10,000 troops by December, including 3,000 sent "
        "this month, the agency said."
    )
    item = analysis(
        {
            "id": "a",
            "text": text,
            "published": "2031-10-25",
            "claims": [
                ("10,000", 10000, "troop", "some", "the agency", "2031-12"),
                ("3,000", 3000, "troop", None, "the agency", "2031-10"),
            ],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    found = {f.value: (f.date, f.expected) for f in figures(story, Names())}
    assert found == {10000: ("2031-12", True), 3000: ("2031-10", False)}


def test_a_forecast_figure_does_not_answer_the_question_a_count_does():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Vessia has sent 12,000 troops to Norland, the agency said.",
        "b": "Vessia has sent 20,000 troops to Norland, the agency said.",
    }
    story = text_story(texts)
    count = text_figure(texts, "a", 12_000, "troop", "agency", date="2031-10-28")
    other = text_figure(texts, "b", 20_000, "troop", "agency", date="2031-10-30")
    assert len(number_conflicts(story, [count, other])) == 1
    assert number_conflicts(story, [count, replace(other, expected=True)]) == []


def test_days_given_as_a_list_are_not_one_event_dated_differently():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.conflicts import date_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": (
            "Crews closed the Tarn road on Monday and Tuesday, the council said.",
            [("Monday", "2031-06-02"), ("Tuesday", "2031-06-03")],
        ),
        "b": (
            "Crews closed the Tarn road on Monday and Wednesday, the council said.",
            [("Monday", "2031-06-02"), ("Wednesday", "2031-06-04")],
        ),
        "c": (
            "The Tarn road was closed by crews on Monday, the council said.",
            [("Monday", "2031-06-02")],
        ),
        "d": (
            "The Tarn road was closed by crews on Thursday, the council said.",
            [("Thursday", "2031-06-05")],
        ),
    }
    analyses = {
        k: analysis({"id": k, "text": t, "published": "2031-06-06", "times": times})
        for k, (t, times) in specs.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    found = date_conflicts(story)
    values = [sorted(v.value for v in c.variants) for c in found]
    # Tuesday and Wednesday are further days of a list, not another date for Monday's closure
    assert ["2031-06-03", "2031-06-04"] not in values
    assert not any("2031-06-03" in v or "2031-06-04" in v for v in values)


def test_event_and_count_phrases_keep_the_spacing_of_the_sentence():
    from storyfuse.fuse.conflicts import count_phrase
    from storyfuse.fuse.events import event_phrase

    sentence = "Crews reopened the city's main bridge on May 2."
    start = sentence.index("May 2")
    words = event_phrase(sentence, start, start + 5)
    assert words.phrase == "Crews reopened the city's main bridge"
    assert count_phrase("The city's crews have cleared 40 roads since Monday.", "road") == (
        "The city's crews have cleared roads"
    )


def test_a_count_question_names_a_long_subject_by_its_head_and_leaves_out_the_count():
    from storyfuse.fuse.conflicts import count_phrase

    sentence = (
        "Phone lines failed on Friday when three undersea cables between Italy and Egypt in "
        "the Mediterranean Sea were damaged."
    )
    # not "three undersea cables between Italy and were damaged"
    assert count_phrase(sentence, "cable") == "undersea cables were damaged"
    sentence = "The regional health authority of the northern province has counted 40 deaths."
    assert count_phrase(sentence, "death") == "The regional health authority has counted deaths"


def test_a_count_question_says_what_the_things_counted_underwent():
    """The question of a count hung on a preposition is what the counted things underwent, not
    the clause's verb ("ended people"); a state they were left in, an expletive subject and what
    a sum of money is belong to the question."""
    from storyfuse.fuse.conflicts import count_phrase

    sentence = (
        "A violent holiday weekend ended with at least 150 people killed in more than 400 "
        "shootings across the state, according to data compiled by a monitor."
    )
    assert count_phrase(sentence, "person") == "people killed across the state"
    assert count_phrase("The storm left 12 people dead in the valley.", "person") == (
        "The storm left people dead in the valley"
    )
    assert count_phrase("There were 300 deaths on Monday.", "death") == "There were deaths"
    sentence = "The government announced $13 billion in aid to the island."
    assert count_phrase(sentence, "dollar") == "The government announced aid to the island"
    # an amount as the subject is asked by what it is said to be, without its sign
    sentence = "The senator made clear that $1.5 trillion was the price tag he would accept."
    assert count_phrase(sentence, "dollar") == "was the price tag he would accept"


def test_an_amount_of_money_is_asked_as_what_its_sentence_says_was_done_with_it():
    """ "$108 million" is counted by its sign, not by a word "dollar" the sentence never writes,
    and the question leaves the amount out; a duration or a number after "in" is no place."""
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import count_phrase, number_conflicts

    sentence = "Masked robbers stole $108 million from the Varo jewellery store in Ostra on Friday."
    assert count_phrase(sentence, "dollar") == "Masked robbers stole from the Varo jewellery store"
    sentence = "The gang stole €40 million in less than 15 minutes, in one of the biggest heists."
    assert count_phrase(sentence, "euro") == "The gang stole"
    # "jewels worth $9 million" hangs the amount on no verb: the next sentence is read
    texts = {
        "a": "Masked robbers stole jewels worth $108 million from the Varo store, police said.",
        "b": "Masked robbers stole $137 million from the Varo store, police in Ostra said.",
    }
    story = text_story(texts)
    figures = [
        text_figure(texts, "a", 108e6, "dollar", "police", date="2031-05-02"),
        text_figure(texts, "b", 137e6, "dollar", "police in Ostra", date="2031-05-02"),
    ]
    (conflict,) = number_conflicts(story, figures)
    assert conflict.about == "how much (dollar): Masked robbers stole from the Varo store"


def test_a_fact_is_worded_as_what_all_its_sources_state():
    from tests.fuse.builders import analysis

    from storyfuse.fuse.facts import align, facts
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def union_central(texts):  # all alike, and the union's sentence the closest to the others
        rows = [
            (1.0, 1.0) if "union" in t else (1.0, 0.6) if "owner said" in t else (0.6, 1.0)
            for t in texts
        ]
        out = np.array(rows, dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    union = (
        "Twenty-two workers are trapped in the Dunmore pit, the union said, "
        "two more than the owner's count of 20."
    )
    specs = [
        {
            "id": "a",
            "text": "The owner said 20 workers are trapped in the Dunmore pit.",
            "claims": [("20", 20, "worker", None, "owner", None)],
        },
        {
            "id": "b",
            "text": union,
            "claims": [
                ("Twenty-two", 22, "worker", None, "union", None),
                ("two", 2, "worker", None, "union", None),
                ("20", 20, "count", None, "owner", None),
            ],
        },
        {
            "id": "c",
            "text": "Rescuers are trying to reach 20 workers trapped in the Dunmore pit.",
            "claims": [("20", 20, "worker", None, None, None)],
        },
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b", "c")), analyses, union_central)
    found = facts(story, align(story, build_names(story)))
    assert len(found) == 1 and found[0].sources == ("a", "b", "c")
    # the union's 22 is stated by one article: the fact its three sources share is the 20
    assert "Twenty-two" not in found[0].text


def test_a_fact_is_worded_by_a_sentence_that_reads_alone():
    """ "That means ..." opens on the sentence before it; another outlet's wording of the same
    statement that reads alone words the fact, though it comes later."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.facts import align, facts
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    leaning = "That means the council will close the old Saltmere bridge to lorries from Monday."
    alone = "The council will close the old Saltmere bridge to lorries from Monday, Moss said."
    specs = [{"id": "a", "text": leaning}, {"id": "b", "text": alone}]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    found = facts(story, align(story, build_names(story)))
    assert [(f.text, f.sources) for f in found] == [(alone, ("a", "b"))]


def test_a_fact_is_worded_by_a_sentence_whose_quote_marks_pair_up():
    """An outlet that left out a quotation's opening mark gives words that read as its own;
    the outlet that marks them words the fact."""
    from dataclasses import replace

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.facts import align, facts
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    said = "We will close the old Saltmere bridge to lorries from Monday until the spring."
    told = "Ada Moss spoke to the harbour board of Saltmere on Monday."
    specs = [
        {"id": "a", "text": f"{told}\n{said}”"},
        {"id": "b", "text": f"{told}\n“{said}”", "quotes": [[said, "Ada Moss"]]},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    quote = analyses["b"].quotes[0]
    analyses["b"] = replace(analyses["b"], quotes=(replace(quote, speaker_start=0, speaker_end=8),))
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    found = facts(story, align(story, build_names(story)))
    quoted = [f.text for f in found if "bridge" in f.text]
    assert quoted == [f"“{said}” [Ada Moss]"]


def test_a_fact_is_worded_as_a_whole_sentence_and_is_no_headline():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.facts import align, facts
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    cut = "Harbour crews reopened the Saltmere bridge to traffic on Monday after weeks of"
    whole = "Harbour crews reopened the Saltmere bridge to traffic on Monday after weeks of repairs."
    name = "Harbour Board Chairman Ada Moss (D-Tarn.)"
    # two leads stop mid-sentence, and two name one person last
    specs = [
        {"id": "a", "text": f"{whole}\n{name}"},
        {"id": "b", "text": f"{cut}\n{name}"},
        {"id": "c", "text": cut},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b", "c")), analyses, lexical_embedder)
    found = facts(story, align(story, build_names(story)))
    # a whole sentence words the fact its three sources state, not the one cut off; the name
    # two leads stop at is no statement
    assert [(f.text, f.sources) for f in found] == [(whole, ("a", "b", "c"))]
    # a lead cut off inside brackets ("... Ada Moss (D-Tarn.") stops mid-sentence too
    from storyfuse.fuse.units import finished

    assert not finished("The bridge was backed by Ada Moss (D-Tarn.")
    assert finished("The bridge was backed by Ada Moss (D-Tarn.).")
    # ... and so does one cut off at the title before a name; an abbreviation may end one
    assert not finished("Both seats will be up for grabs on Tuesday as Sens.")
    assert finished("The bridge was built in the U.S.")
    # where every member stops mid-sentence, the fact is shown cut off
    specs = [{"id": "a", "text": cut}, {"id": "b", "text": cut.replace("Harbour", "Port")}]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    found = facts(story, align(story, build_names(story)))
    assert [f.text for f in found] == [f"{cut}…"]
    bracket = f"{whole[:-1]}, said Ada Moss (D-Tarn."
    specs = [{"id": "a", "text": bracket}, {"id": "b", "text": bracket.replace("Harbour", "Port")}]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    found = facts(story, align(story, build_names(story)))
    assert [f.text for f in found] == [f"{bracket}…"]


def test_entities_leave_out_a_bare_organisation_word_tagged_as_a_name():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "The Tarn River Flood Agency said 40 homes were empty.\n"
        "Agency director Ola Brenn said crews were on the river.\n"
        "The agency said more rain was expected."
    )
    one = analysis(
        {
            "id": "a",
            "text": text,
            "entities": [
                ("Tarn River Flood Agency", "ORG"),
                ("Agency", "ORG"),
                ("Ola Brenn", "PERSON"),
            ],
            "claims": [("40", 40, "home", None, "agency", None)],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    names = [e.name for e in entities(story, build_names(story))]
    assert "Agency" not in names and "agency" not in names
    assert {"Tarn River Flood Agency", "Ola Brenn"} <= set(names)
    # a name in a script without letter case is still a name
    other = analysis(
        {"id": "b", "text": "北京 said 40 homes were empty.", "entities": [("北京", "GPE")]}
    )
    story = story_articles(Story(id="s", article_ids=("b",)), {"b": other}, lexical_embedder)
    assert [e.name for e in entities(story, build_names(story))] == ["北京"]


def test_a_number_conflict_gives_each_value_once_with_all_who_give_it():
    from tests.fuse.builders import text_story

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.model import Cited

    texts = {
        "a": "Data of up to 1.2 million patients of the Kelby trust may have been stolen, the trust said.",
        "b": "Data of up to 1.5 million patients of the Kelby trust may have been stolen, Ivo Brant said.",
        "c": "Data of up to 1.5 million patients of the Kelby trust may have been stolen, the cyber office said.",
    }
    story = text_story(texts)
    figures = [
        Figure(
            1_200_000.0,
            "patient",
            "trust",
            ("a",),
            qualifier="up to",
            texts=(Cited(texts["a"], ("a",)),),
        ),
        Figure(
            1_500_000.0,
            "patient",
            "Ivo Brant",
            ("b",),
            qualifier="up to",
            texts=(Cited(texts["b"], ("b",)),),
        ),
        Figure(
            1_500_000.0,
            "patient",
            "cyber office",
            ("c",),
            qualifier="up to",
            date="2031-05-02",
            texts=(Cited(texts["c"], ("c",)),),
        ),
    ]
    (conflict,) = number_conflicts(story, figures)
    assert [v.sources for v in conflict.variants] == [("a",), ("b", "c")]
    assert conflict.variants[1].value == "1.5 million (up to; Ivo Brant / cyber office; 2031-05-02)"


def test_counts_of_one_action_on_one_place_answer_one_question_however_the_sentences_differ():
    """ "Vessia has sent 12,000 troops to Norland, the ministry said" and "Tarn's defence minister
    said his intelligence service had confirmed that at least 1,500 Vessian troops had been sent
    to Norland": the same verb and place, whatever else the sentences say. "will send" is a
    plan, not the same question; a count without a place is left to the sentences' likeness."""
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Vessia has sent 12,000 troops to Norland, including 300 officers, the Norland defence ministry said.",
        "b": "Tarn's defence minister Ada Moss said on Friday that her intelligence service had confirmed that at least 15,000 Vessian troops had been sent to Norland.",
        "c": "Officials in Ostra warned that Vessia will send 40,000 troops to Norland by spring.",
        "d": "Drones hit a depot and 9 troops died, according to a field report from the front.",
    }
    story = text_story(texts)

    def figure(value: float, claimant: str, aid: str, qualifier: str | None = None) -> Figure:
        return text_figure(texts, aid, value, "troop", claimant, qualifier=qualifier, date="2031-05-02")

    figures = [
        figure(12_000, "Norland defence ministry", "a"),
        figure(15_000, "Ada Moss", "b", "at least"),
        figure(40_000, "Ostra officials", "c"),
        figure(9, "field report", "d"),
    ]
    (conflict,) = number_conflicts(story, figures)
    assert [v.sources for v in conflict.variants] == [("a",), ("b",)]
    assert conflict.about.startswith("how many (troop)")


def test_a_bound_holds_the_values_within_it_and_two_bounds_of_one_kind_differ():
    from storyfuse.fuse.conflicts import compatible

    def figure(value: float, qualifier: str | None = None) -> Figure:
        return Figure(value, "troop", None, ("a",), qualifier=qualifier)

    assert compatible(figure(1_500, "at least"), figure(12_000))
    assert compatible(figure(12_000), figure(1_500, "more than"))
    assert compatible(figure(20_000, "up to"), figure(12_000, "nearly / about"))
    assert not compatible(figure(1_500, "at least"), figure(1_000, "up to"))
    assert not compatible(figure(15_000, "at least"), figure(12_000))
    assert not compatible(figure(1_200_000, "up to"), figure(1_500_000, "up to"))


def test_a_figure_its_own_claimant_reports_as_changed_is_an_update_not_a_conflict():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Minister Ines Dahl said aid for the flooded Tarn families would be 5 million crowns.",
        "b": "Minister Ines Dahl said aid for the flooded Tarn families would be raised to 8 million crowns.",
        "c": "Minister Ines Dahl's deputy Per Alm said aid for the flooded Tarn families would be raised to 9 million crowns.",
    }
    story = text_story(texts)

    def figure(value: float, claimant: str, aid: str) -> Figure:
        return text_figure(texts, aid, value, "crown", claimant)

    # the minister's 5 million raised to 8 million: one party's figure, changed, and said so
    assert (
        number_conflicts(story, [figure(5e6, "Ines Dahl", "a"), figure(8e6, "Ines Dahl", "b")])
        == []
    )
    # another party's different figure is still a disagreement, however it is worded
    (conflict,) = number_conflicts(
        story, [figure(5e6, "Ines Dahl", "a"), figure(9e6, "Per Alm", "c")]
    )
    assert [v.sources for v in conflict.variants] == [("a",), ("c",)]


def test_a_figure_says_what_it_counts_as_most_of_its_sources_word_it():
    from storyfuse.fuse.figures import Sourced, to_figure
    from storyfuse.model import Claim

    def claim(thing: str | None) -> Claim:
        return Claim(
            text="The navy said 4,000 marines landed.",
            value=4000.0,
            unit="marine",
            start=14,
            end=19,
            thing=thing,
        )

    group = [
        Sourced("a", claim("Varnish marines")),
        Sourced("b", claim("marines")),
        Sourced("c", claim("Varnish marines")),
        Sourced("d", claim(None)),
    ]
    figure = to_figure(group, Names(), ["a", "b", "c", "d"])
    assert (figure.unit, figure.thing) == ("marine", "Varnish marines")
    # claims without the words (analyses made before they were kept) leave it unset
    assert to_figure([Sourced("d", claim(None))], Names(), ["d"]).thing is None


def test_a_wire_credit_in_a_dateline_defines_no_short_form():
    from storyfuse.fuse.names import definitions_in

    found = definitions_in(
        [
            "PORT ARDEN (AP) — The Harbour Safety Board (HSB) closed the quay on Monday.",
            "Vell, Ostland (NPA) -- The board met again.",
            # no dash: a name the credit cannot stand for, and a capital after it
            "Port Tarnby (NPA) Mayor Ana Lindqvist shut the quay.",
            # ... a name it spells, or lower case after it, is defined
            "Port Arden Authority (PAA) Chair Jo Sims resigned.",
            "The Norland Press Agency (NPA) said so.",
        ]
    )
    assert found == {
        "HSB": {"Harbour Safety Board"},
        "PAA": {"Port Arden Authority"},
        "NPA": {"Norland Press Agency"},
    }


def test_a_count_of_dockworkers_answers_the_question_a_count_of_workers_does():
    from tests.fuse.builders import analysis, lexical_embedder, text_figure

    from storyfuse.fuse.conflicts import figure_texts, number_conflicts, same_thing
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Claim, Story

    texts = {
        "a": "The union said 3,400 dockworkers walked off the job at the port of Sarnia on Monday.",
        "b": "The port company said 2,100 workers walked off the job at the port of Sarnia on Monday.",
    }
    units = {"a": ("dockworker", 3400.0, "3,400"), "b": ("worker", 2100.0, "2,100")}
    analyses = {}
    for k, t in texts.items():
        unit, value, number = units[k]
        start = t.index(number)
        claim = Claim(t, value, unit, start, start + len(number), number_text=number)
        analyses[k] = replace(analysis({"id": k, "text": t}), claims=(claim,))
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    assert len(figure_texts(story)) == 2  # both are compared, so both are embedded ahead

    def figure(aid: str, claimant: str) -> Figure:
        unit, value, _ = units[aid]
        return text_figure(texts, aid, value, unit, claimant)

    (conflict,) = number_conflicts(story, [figure("a", "union"), figure("b", "port company")])
    assert [v.sources for v in conflict.variants] == [("a",), ("b",)]
    assert conflict.about.startswith("how many (worker)")
    # a closed compound and its head are one thing; measures with a prefix, and words that
    # merely end alike, are not
    assert same_thing("dockworker", "worker") and same_thing("worker", "steelworker")
    assert same_thing("troop", "troop")
    assert not same_thing("kilometer", "meter") and not same_thing("milligram", "gram")
    assert not same_thing("woman", "man") and not same_thing("grandchild", "child")


def test_a_claimant_written_as_the_kind_of_body_is_the_body_the_article_named():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": {
            "text": "The Ostland Monetary Fund met on Monday. The fund said 40 banks had failed.",
            "entities": [("Ostland Monetary Fund", "ORG")],
            "claims": [("40", 40, "bank", None, "The fund", None)],
        },
        "b": {
            "text": "The Ostland Monetary Fund said 40 banks failed, in a report on Monday.",
            "entities": [("Ostland Monetary Fund", "ORG")],
            "claims": [("40", 40, "bank", None, "The Ostland Monetary Fund", None)],
        },
        # two funds named before: "the fund" stays as written
        "c": {
            "text": "The Vesna Pension Fund and the Tarn Relief Fund met. The fund said 7 banks were sound.",
            "entities": [("Vesna Pension Fund", "ORG"), ("Tarn Relief Fund", "ORG")],
            "claims": [("7", 7, "bank", None, "the fund", None)],
        },
    }
    analyses = {k: analysis({"id": k, **spec}) for k, spec in specs.items()}
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    found = {f.value: f for f in figures(story, build_names(story))}
    assert found[40.0].claimant == "Ostland Monetary Fund"
    assert set(found[40.0].sources) == {"a", "b"}  # one party: one figure with two sources
    assert found[7.0].claimant == "fund"


def test_a_claimant_is_shown_by_more_than_the_kind_of_body_it_is():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": {
            "text": "The Ostland Monetary Fund (OMF) met. In its report, the Fund said 40 banks failed.",
            "entities": [("Ostland Monetary Fund", "ORG"), ("OMF", "ORG"), ("Fund", "ORG")],
            "claims": [("40", 40, "bank", None, "the Fund", None)],
        },
        "b": {
            "text": "The Oslo-based OMF said 40 banks failed, in a report on Monday.",
            "entities": [("OMF", "ORG")],
            "claims": [("40", 40, "bank", None, "The Oslo-based OMF", None)],
        },
    }
    analyses = {k: analysis({"id": k, **spec}) for k, spec in specs.items()}
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    (figure,) = figures(story, build_names(story))
    assert set(figure.sources) == {"a", "b"}
    assert figure.claimant == "Ostland Monetary Fund (OMF)"


def test_we_in_an_articles_own_voice_is_its_outlet_and_you_is_nobody():
    import dataclasses

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = "In our test we measured 2,890 megabytes a second.\nYou get 16 cores with it."
    item = analysis(
        {
            "id": "a",
            "text": text,
            "claims": [
                ("2,890", 2890, "megabyte", None, "we", None),
                ("16", 16, "core", None, "you", None),
            ],
        }
    )
    item = dataclasses.replace(
        item, article=dataclasses.replace(item.article, outlet="Harbour Tech")
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    found = {f.value: f.claimant for f in figures(story, build_names(story))}
    assert found == {2890.0: "Harbour Tech", 16.0: None}


def test_a_claimant_described_by_place_and_words_is_the_body_the_story_named():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = {
        "a": {
            "text": "Ostland's National Security Bureau said 200 drones were seen on Monday.",
            "entities": [("Ostland's National Security Bureau", "ORG")],
            "claims": [("200", 200, "drone", None, "Ostland's National Security Bureau", None)],
        },
        # another outlet never names the bureau: the place and "security" say which it is
        "b": {
            "text": "Ostland's top security agency said that 200 drones were seen.",
            "entities": [("Ostland", "GPE")],
            "claims": [("200", 200, "drone", None, "Ostland's top security agency", None)],
        },
        # another country's agency is not Ostland's
        "c": {
            "text": "Westland's top security agency said 9 drones were seen.",
            "entities": [("Westland", "GPE")],
            "claims": [("9", 9, "drone", None, "Westland's top security agency", None)],
        },
        # without a place, only a body the article itself named before
        "d": {
            "text": "The Vesna Harbour Service met. The harbour agency said 12 ships were late.",
            "entities": [("Vesna Harbour Service", "ORG")],
            "claims": [("12", 12, "ship", None, "the harbour agency", None)],
        },
    }
    analyses = {k: analysis({"id": k, **spec}) for k, spec in specs.items()}
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    found = {f.value: f for f in figures(story, build_names(story))}
    assert found[200.0].claimant == "Ostland's National Security Bureau"
    assert set(found[200.0].sources) == {"a", "b"}
    assert found[9.0].claimant == "Westland's top security agency"
    assert found[12.0].claimant == "Vesna Harbour Service"


def test_a_person_claimant_is_shown_by_name_without_the_titles_written_before_it():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.figures import figures
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    claimant = "Norland's Republican Gov. Ada Moss"
    spec = {
        "id": "a",
        "text": f"{claimant} said 300 schools would reopen. Ada Moss spoke on Monday.",
        "entities": [("Ada Moss", "PERSON"), ("Ada Moss", "PERSON")],
        "claims": [("300", 300, "school", None, claimant, None)],
    }
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": analysis(spec)}, lexical_embedder)
    (figure,) = figures(story, build_names(story))
    assert figure.claimant == "Ada Moss"


def test_described_body_reads_the_description_as_written():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names, described_body
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "The Ostland Monetary Fund and the U.S. Security Bureau met. The fund said 4 banks "
        "failed. The U.S.'s top security agency said 31 drones flew."
    )
    one = analysis(
        {
            "id": "a",
            "text": text,
            "entities": [("Ostland Monetary Fund", "ORG"), ("U.S. Security Bureau", "ORG")],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    names = build_names(story)

    def body(written: str) -> str | None:
        return described_body(written, one, len(text), names, story)

    # a sentence's capital does not hide the description
    assert body("The fund") == body("the fund") == "Ostland Monetary Fund"
    # no company was named before: "the company" stays as written
    assert body("the company") is None
    # "U.S." has no word long enough to find the place by
    assert body("The U.S.'s top security agency") is None
    assert body("Ostland's monetary fund") == "Ostland Monetary Fund"
    assert body("Westland's monetary fund") is None


def test_the_company_is_the_one_company_the_article_named_by_its_legal_form():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names, described_body
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def body(text: str, entities: list[tuple[str, str]]) -> str | None:
        one = analysis({"id": "a", "text": text, "entities": entities})
        story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
        return described_body("the company", one, len(text), build_names(story), story)

    said = "Vesna Freight Corp. met the union. The company said 40 trucks were idle."
    assert body(said, [("Vesna Freight Corp.", "ORG"), ("union", "ORG")]) == "Vesna Freight Corp"
    # two companies: which one is meant is not known
    two = "Vesna Freight Corp. met Tarn Rail Ltd. The company said 40 trucks were idle."
    assert body(two, [("Vesna Freight Corp.", "ORG"), ("Tarn Rail Ltd", "ORG")]) is None


def test_a_speaker_written_as_the_kind_of_body_is_the_body_the_article_named():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    said = "The border will stay closed to all freight until the spring thaw"
    text = f"Ostland's Transport Ministry met on Monday. “{said},” the ministry said."
    spec = {
        "id": "a",
        "text": text,
        "entities": [("Ostland's Transport Ministry", "ORG")],
        "quotes": [(said, "the ministry")],
    }
    story = story_articles(
        Story(id="s", article_ids=("a",)), {"a": analysis(spec)}, lexical_embedder
    )
    (group,) = quotes(story, build_names(story))
    assert group.speaker == "Ostland's Transport Ministry"


def test_an_entity_takes_the_label_of_the_mentions_written_as_its_name():
    """A country named mostly through its nationality ("Rwandan troops") is a place."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Rwandan troops crossed into Congo. Rwandan officers led them. "
        "Rwanda denies it. Another Rwandan unit moved."
    )
    people = [("Rwandan", "NORP")] * 3
    one = analysis(
        {"id": "a", "text": text, "entities": [*people, ("Rwanda", "GPE"), ("Congo", "GPE")]}
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    found = {e.name: e for e in entities(story, build_names(story))}
    assert found["Rwanda"].label == "GPE"
    assert "Rwandan" in found["Rwanda"].aliases
    # with no mention written as the name, the commonest label stays
    alone = analysis({"id": "b", "text": "Rwandan troops moved.", "entities": people[:1]})
    story = story_articles(Story(id="s", article_ids=("b",)), {"b": alone}, lexical_embedder)
    assert [e.label for e in entities(story, build_names(story))] == ["NORP"]


def test_a_negated_source_gives_no_name_to_the_group_it_negates():
    """"No Republicans voted for it" is no Republican's attribution, and "No Republicans" is no
    name for the Republicans the story lists."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = "Senate Republicans blocked the harbour bill. No Republicans voted for the bill."
    one = analysis(
        {
            "id": "a",
            "text": text,
            "entities": [("Republicans", "NORP")],
            "quotes": [("the bill.", "No Republicans")],
        }
    )
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    assert [e.name for e in entities(story, build_names(story))] == ["Republicans"]


def test_a_tie_among_the_mentions_written_as_the_name_goes_to_the_label_of_more_mentions():
    """"Norvik" tagged a person once and an organisation once, "NORVIK" an organisation."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "The report was first published by Norvik on Monday.",
        "b": "The panel will vote on Tuesday, according to Norvik.",
        "c": "The guidance was obtained by NORVIK on Monday.",
    }
    tagged = {"a": "PERSON", "b": "ORG", "c": "ORG"}
    written = {"a": "Norvik", "b": "Norvik", "c": "NORVIK"}
    analyses = {
        k: analysis({"id": k, "text": t, "entities": [(written[k], tagged[k])]})
        for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    labels = {e.name: e.label for e in entities(story, build_names(story))}
    assert labels == {"Norvik": "ORG"}


def test_a_place_tagged_a_person_once_stays_a_place():
    """One mention tagged a person makes the name a person's in the story's name index; the
    place its other mentions are tagged stays its label, unless the name reads as a person's
    and no gazetteer knows it."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def shown(name: str, label: str) -> list[tuple[str, str]]:
        """The story's entities when one article tags ``name`` a person and another twice
        ``label``."""
        a = analysis({"id": "a", "text": f"Rain hit {name}.", "entities": [(name, "PERSON")]})
        b = analysis(
            {"id": "b", "text": f"{name} left. {name} is back.", "entities": [(name, label)] * 2}
        )
        story = story_articles(
            Story(id="s", article_ids=("a", "b")), {"a": a, "b": b}, lexical_embedder
        )
        names = build_names(story)
        assert names.is_person(name)
        return [(e.name, e.label) for e in entities(story, names)]

    assert shown("Tarnia", "GPE") == [("Tarnia", "GPE")]
    assert shown("Morgan Vesna", "GPE") == [("Morgan Vesna", "PERSON")]


def test_a_short_form_alone_is_shown_as_the_storys_name_for_the_body():
    """A bare short form is shown as the entities list names the body, however each outlet
    spelled it out."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    long_a, long_b = "Ostland’s National Security Bureau", "Ostlandic National Security Bureau"
    specs = {
        "a": {"text": f"{long_a} (NSB) said 5 drones were seen.", "entities": [(long_a, "ORG")]},
        "b": {
            "text": f"The {long_b} (NSB) met. The NSB said 7 ships sank.",
            "entities": [(long_b, "ORG"), ("NSB", "ORG")],
        },
    }
    analyses = {k: analysis({"id": k, **spec}) for k, spec in specs.items()}
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    names = build_names(story)
    assert names.canonical("NSB").endswith("(NSB)")
    assert names.display("NSB") == names.canonical("NSB")


def test_a_quotation_of_several_sentences_is_one_unit():
    from dataclasses import replace

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Sentence, Story

    text = (
        "Mayor Ada Moss spoke on Monday. She said: “The dam is safe. The river is low. "
        "We will open the gates.” Crews stood by.\n"
        "“The water is rising.\n"
        "It is over,” a farmer said. He left. "
        '"Roads are shut. Schools are closed," the police said.\n'
        "The mayor said: “Crews are ready.\n"
        "“The gates open at noon.” She left."
    )
    said = [
        "Mayor Ada Moss spoke on Monday.", "She said: “The dam is safe.", "The river is low.",
        "We will open the gates.”", "Crews stood by.", "“The water is rising.",
        "It is over,” a farmer said.", "He left.", '"Roads are shut.',
        'Schools are closed," the police said.', "The mayor said: “Crews are ready.",
        "“The gates open at noon.”", "She left.",
    ]  # fmt: skip
    sentences = []
    for sentence in said:  # as the sentence splitter cuts them
        start = text.index(sentence, sentences[-1].end if sentences else 0)
        sentences.append(Sentence(start=start, end=start + len(sentence), text=sentence))
    one = replace(analysis({"id": "a", "text": text}), sentences=tuple(sentences))
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    assert [u.text for u in story.units] == [
        "Mayor Ada Moss spoke on Monday.",
        "She said: “The dam is safe. The river is low. We will open the gates.”",
        "Crews stood by.",
        # a paragraph that does not open with a quote mark ends the quotation
        "“The water is rising.",
        "It is over,” a farmer said.",
        "He left.",
        '"Roads are shut. Schools are closed," the police said.',
        # one that does continues it
        "The mayor said: “Crews are ready. “The gates open at noon.”",
        "She left.",
    ]
    assert [u.index for u in story.units] == list(range(9))


def test_an_entity_is_shown_with_every_short_form_the_story_gives_it():
    """The entities list and the quotes name a body as the figures do: "... (GUR/HUR)", not
    "... (HUR)"."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    ukr = "Ostland's Defense Intelligence Directorate"
    said = "The convoy crossed the border before dawn on Monday"
    specs = {
        "a": {
            "text": f"{ukr} (HUR) said so. “{said},” HUR said.",
            "entities": [(ukr, "ORG"), ("HUR", "ORG")],
            "quotes": [(said, "HUR")],
        },
        "b": {
            "text": "Troops moved, said the Ostlandic Defense Intelligence Directorate, or GUR.",
            "entities": [("Ostlandic Defense Intelligence Directorate", "ORG")],
        },
    }
    analyses = {k: analysis({"id": k, **spec}) for k, spec in specs.items()}
    story = story_articles(Story(id="s", article_ids=tuple(specs)), analyses, lexical_embedder)
    names = [e.name for e in entities(story, build_names(story)) if "Directorate" in e.name]
    assert len(names) == 1 and names[0].endswith("(GUR/HUR)"), names
    # and so does the quotes section
    (group,) = quotes(story, build_names(story))
    assert group.speaker == names[0]


def test_one_article_listing_counts_of_one_party_or_of_at_most_one_does_not_disagree_with_itself():
    from tests.fuse.builders import text_story

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.model import Cited

    texts = {
        "a": (
            "Ines Dahl said 33,000 young workers are jobless in Tarn. "
            "In Varnish 51,000 young workers are jobless, Ines Dahl said."
        ),
        "b": "Per Alm said 20,000 young workers are jobless in Tarn.",
    }
    story = text_story(texts)
    first, second = texts["a"].split(". ")

    def figure(value: float, claimant: str | None, aid: str, text: str) -> Figure:
        return Figure(value, "worker", claimant, (aid,), texts=(Cited(text, (aid,)),))

    tarn = figure(33_000, "Ines Dahl", "a", first + ".")
    varnish = figure(51_000, "Ines Dahl", "a", second)
    assert number_conflicts(story, [tarn, varnish]) == []
    # nor when the article names no party for either count
    unnamed = [replace(tarn, claimant=None), replace(varnish, claimant=None)]
    assert number_conflicts(story, unnamed) == []
    # nor when it credits only one of them
    assert number_conflicts(story, [tarn, replace(varnish, claimant=None)]) == []
    # two parties it names may disagree within it
    berg = figure(51_000, "Oskar Berg", "a", "Oskar Berg said 51,000 young workers are jobless in Tarn.")
    (within,) = number_conflicts(story, [tarn, berg])
    assert len(within.variants) == 2
    # another article's figure still answers the question differently
    (conflict,) = number_conflicts(story, [tarn, varnish, figure(20_000, "Per Alm", "b", texts["b"])])
    assert any(v.value.startswith("20,000 (Per Alm") for v in conflict.variants)
    # other outlets repeating one of the article's counts do not make it disagree with itself
    repeated = replace(varnish, sources=("a", "b"))
    assert number_conflicts(story, [tarn, repeated]) == []


def test_two_parties_of_one_article_disagree_only_about_one_subject():
    from tests.fuse.builders import text_story

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.model import Cited

    lines = [
        "Ada Moss's campaign says it raised more than $21 million in January.",
        "Rival Ivo Tamm's campaign says it raised roughly $15 million in January.",
        (
            "Forty-three percent of all contributions to the harbour candidates have come from "
            "women, according to Crowdpac."
        ),
        (
            "Nearly 60 percent of Ada Moss's contributions have come from women, according to "
            "the Harbour Ledger."
        ),
        "Ostland has sent nearly 12,000 troops to Varnia, HUR said.",
        "Ostland has sent 3,000 troops to Varnia, the United States said.",
        "At least 12 people were killed in the blast at the port, the police said.",
        "At least 15 people were killed in the blast at the port, the hospital said.",
    ]
    story = text_story({"a": " ".join(lines)})

    def figure(value: float, unit: str, claimant: str, line: int) -> Figure:
        return Figure(value, unit, claimant, ("a",), texts=(Cited(lines[line], ("a",)),))

    # each campaign says what it raised: two subjects, two questions
    raised = [figure(21e6, "dollar", "Ada Moss", 0), figure(15e6, "dollar", "Ivo Tamm", 1)]
    assert number_conflicts(story, raised) == []
    # a share of all contributions and a share of one candidate's
    shares = [figure(43, "percent", "Crowdpac", 2), figure(60, "percent", "Harbour Ledger", 3)]
    assert number_conflicts(story, shares) == []
    # two parties counting what one subject did disagree, in one article too
    troops = [figure(12_000, "troop", "HUR", 4), figure(3_000, "troop", "United States", 5)]
    (conflict,) = number_conflicts(story, troops)
    assert len(conflict.variants) == 2
    # "people" count persons: the counted people are the subject in both
    dead = [figure(12, "person", "police", 6), figure(15, "person", "hospital", 7)]
    (conflict,) = number_conflicts(story, dead)
    assert len(conflict.variants) == 2


def test_two_articles_giving_one_share_are_one_figure_only_as_one_statement():
    from storyfuse.fuse.figures import Sourced, group_claims
    from storyfuse.model import Claim

    def claim(value: float, unit: str) -> Claim:
        return Claim(text=f"{value:g} {unit}", value=value, unit=unit, start=0, end=5)

    # the same count of the same thing from two articles is one figure ...
    troops = [Sourced("a", claim(12_000, "troop")), Sourced("b", claim(12_000, "troop"))]
    assert len(group_claims(troops, Names())) == 1
    # ... but two articles' "44 percent" may be two polls, unless their sentences are one statement
    shares = [Sourced("a", claim(44, "percent")), Sourced("b", claim(44, "percent"))]
    assert len(group_claims(shares, Names())) == 2
    aligned = [replace(s, statement=3) for s in shares]
    assert len(group_claims(aligned, Names())) == 1
    # within one article a share repeated is the same figure
    again = [Sourced("a", claim(44, "percent")), Sourced("a", claim(44, "percent"))]
    assert len(group_claims(again, Names())) == 1
    # or both say what it is a share of in the same words
    rate = [replace(s, claim=replace(s.claim, thing="Jobless rate")) for s in shares]
    assert len(group_claims(rate, Names())) == 1
    other = [rate[0], replace(shares[1], claim=replace(shares[1].claim, thing="inflation"))]
    assert len(group_claims(other, Names())) == 2


def test_a_share_no_source_credits_joins_the_credited_one_of_the_same_thing():
    from storyfuse.fuse.figures import Sourced, group_claims
    from storyfuse.model import Claim

    def share(article: str, thing: str | None, claimant: str | None = None) -> Sourced:
        claim = Claim(text="about 10%", value=10, unit="percent", start=0, end=9)
        return Sourced(article, replace(claim, thing=thing, claimant=claimant))

    credited = share("a", "core security team", "Washington Post")
    # "about 10% of its core security team", the Post reported / with no one named
    assert len(group_claims([credited, share("b", "Core security team")], Names())) == 1
    # a share of something else, or of nothing said, may be another figure
    assert len(group_claims([credited, share("b", "budget")], Names())) == 2
    assert len(group_claims([credited, share("b", None)], Names())) == 2


def test_one_sentence_giving_a_value_twice_gives_two_figures():
    from storyfuse.fuse.figures import Sourced, group_claims
    from storyfuse.model import Claim

    text = (
        "The harbour toll fell to 3.5% in September, the lowest since December 1969, when it "
        "also stood at 3.5%."
    )
    now = Claim(text=text, value=3.5, unit="percent", start=26, end=30, thing="harbour toll")
    then = Claim(text=text, value=3.5, unit="percent", start=98, end=102, date="1969-12")
    assert len(group_claims([Sourced("a", now), Sourced("a", then)], Names())) == 2
    # the same value in two sentences of one article is one figure, as before
    again = replace(then, text="The toll is 3.5%.", start=120, end=124, date=None)
    assert len(group_claims([Sourced("a", now), Sourced("a", again)], Names())) == 1


def test_a_value_given_as_a_floor_and_as_a_ceiling_is_two_figures():
    from storyfuse.fuse.figures import Sourced, group_claims
    from storyfuse.model import Claim

    def said(article: str, qualifier: str | None) -> Sourced:
        claim = Claim(text="50 people", value=50, unit="person", start=0, end=9)
        return Sourced(article, replace(claim, qualifier=qualifier))

    # "as many as 50" and "more than 50" say different things, even through a plain "50"
    # that could join either
    groups = group_claims([said("a", "up to"), said("b", None), said("c", "more than")], Names())
    assert sorted(len(g) for g in groups) == [1, 2]
    assert not any({"up to", "more than"} <= {s.claim.qualifier for s in g} for g in groups)
    # an approximate value joins a bound, and two bounds of one side are one figure
    assert len(group_claims([said("a", "about"), said("b", "more than")], Names())) == 1
    assert len(group_claims([said("a", "nearly"), said("b", "up to")], Names())) == 1


def test_shares_answer_one_question_only_in_near_paraphrases():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Ada Moss leads Per Alm by 46 points in the Tarn harbour poll, the poll found.",
        "b": "Per Alm leads Ada Moss by 44 points in the Tarn ferry poll, the survey found.",
    }
    story = text_story(texts)

    def figure(value: float, unit: str, aid: str) -> Figure:
        return text_figure(texts, aid, value, unit)

    # counted things in sentences this alike would be one question ...
    assert len(number_conflicts(story, [figure(46, "voter", "a"), figure(44, "voter", "b")])) == 1
    # ... shares of different polls are not
    assert number_conflicts(story, [figure(46, "point", "a"), figure(44, "point", "b")]) == []


def test_a_count_answers_a_question_only_when_it_asks_what_every_answer_asks():
    """A like B and B like C does not make A and C one question (no chaining)."""
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    words = "anchor bridge candle dolphin engine falcon garden harbor island jungle kettle lantern"
    w = words.split()
    texts = {
        "a": " ".join(["100 troops"] + w[0:8]) + ".",
        "b": " ".join(["200 troops"] + w[2:10]) + ".",
        "c": " ".join(["300 troops"] + w[4:12]) + ".",
    }
    story = text_story(texts)

    figure = counts(texts, "troop")

    (conflict,) = number_conflicts(story, [figure(100, "a"), figure(200, "b"), figure(300, "c")])
    assert [v.sources for v in conflict.variants] == [("a",), ("b",)]


def test_the_ledes_dateline_is_not_part_of_its_sentence():
    from tests.fuse.builders import analysis, lexical_embedder, text_story

    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "TARNBY, Norland (AP) — The harbour bridge reopened on Monday.\nCrews left.",
        "b": "NATO members met on Monday.\nTARNBY — Crews left.",
    }
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    first = {u.article_id: u for u in story.units if u.index == 0}
    assert first["a"].text == "The harbour bridge reopened on Monday."
    unit = first["a"]
    assert texts["a"][unit.start : unit.end] == unit.text  # citations still point at it
    # only a lede opens with a dateline; capitals in other sentences stay
    assert first["b"].text == "NATO members met on Monday."
    assert any(u.text == "TARNBY — Crews left." for u in story.units)

    # places parted by slashes, with or without a credit or a day
    texts = {
        "a": "TARNBY/NORLAND CITY — The harbour bridge reopened on Monday.\nCrews left.",
        "b": "TARNBY/VESSA (Reuters) - The harbour bridge reopened on Monday.\nCrews left.",
        "c": "TARNBY/VESSA, March 3 (UPI) — The harbour bridge reopened on Monday.\nCrews left.",
    }
    first = {u.article_id: u.text for u in text_story(texts).units if u.index == 0}
    assert set(first.values()) == {"The harbour bridge reopened on Monday."}

    # a place in title case before a dash, not a name or a heading
    texts = {
        "a": "Kansas City, Mo. — The harbour bridge reopened on Monday.\nCrews left.",
        "b": "Boston — The harbour bridge reopened on Monday.\nCrews left.",
        "c": "Ana Lindqvist — The harbour bridge reopened on Monday.\nCrews left.",
        "d": "Boston, Massachusetts - The harbour bridge reopened on Monday.\nCrews left.",
        "e": "Ana Lindqvist - The harbour bridge reopened on Monday.\nCrews left.",
    }
    first = {u.article_id: u.text for u in text_story(texts).units if u.index == 0}
    assert first["a"] == first["b"] == first["d"] == "The harbour bridge reopened on Monday."
    assert first["c"].startswith("Ana Lindqvist —")
    assert first["e"].startswith("Ana Lindqvist -")

    # a place in capitalised words, or none, before the wire's credit
    texts = {
        "a": "Tarnby (CNN) - The harbour bridge reopened on Monday.\nCrews left.",
        "b": "(CNN Business) - Shares in the bridge operator rose on Monday.\nCrews left.",
        "c": "Ana Lindqvist (D) - Norland's senator - voted on Monday.\nCrews left.",
        "d": "(CNN)Crews reopened the harbour bridge on Monday.\nCrews left.",
        "e": "Port Tarnby (CNN) Crews reopened the harbour bridge on Monday.\nCrews left.",
        "f": "Norland Harbour Authority (NHA) Chair Ana Lindqvist spoke.\nCrews left.",
        "g": "(Reuters) - The harbour bridge reopened on Monday.\nCrews left.",
    }
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    first = {u.article_id: u.text for u in story.units if u.index == 0}
    assert first["a"] == "The harbour bridge reopened on Monday."
    assert first["b"] == "Shares in the bridge operator rose on Monday."
    assert first["d"] == "Crews reopened the harbour bridge on Monday."  # the dash left out
    assert first["e"] == "Crews reopened the harbour bridge on Monday."  # a space for the dash
    assert first["g"] == "The harbour bridge reopened on Monday."  # a credit alone, in one word
    # ... but a short form of the words before it is no credit
    assert first["f"].startswith("Norland Harbour Authority (NHA) Chair")
    # a one-letter party after a name is no wire credit
    assert first["c"].startswith("Ana Lindqvist (D)")

    # a dateline set apart from its lede, its dash an underscore as the wires of the 1990s wrote
    texts = {
        "a": "TARNBY _\n\nThe harbour bridge reopened on Monday.\nCrews left.",
        "b": "TARNBY, Norland (AP) --\n\nThe harbour bridge reopened on Monday.\nCrews left.",
    }
    first = {u.article_id: u.text for u in text_story(texts).units if u.index == 0}
    assert first == {k: "The harbour bridge reopened on Monday." for k in texts}

    # a horizontal bar for the dash, and the day between the place and the credit
    texts = {
        "a": "TARNBY ― The harbour bridge reopened on Monday.\nCrews left.",
        "b": "TARNBY, July 25 (UPI) — The harbour bridge reopened on Monday.\nCrews left.",
    }
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    first = {u.article_id: u.text for u in story.units if u.index == 0}
    assert first == {k: "The harbour bridge reopened on Monday." for k in texts}


def test_a_span_of_days_is_no_date_of_one_event():
    """ "conducted May 13-22" and "released May 25": the span's first day is no date of the
    poll to set against another; the same sentences with one day each are a conflict."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.conflicts import date_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    def story_of(first: str, *when: str) -> object:
        specs = {
            "a": (f"The Tarn harbour poll was conducted on {first}.", [(first, *when)]),
            "b": ("The Tarn harbour poll was conducted on May 25.", [("May 25", "2031-05-25")]),
        }
        analyses = {
            k: analysis({"id": k, "text": t, "published": "2031-05-27", "times": times})
            for k, (t, times) in specs.items()
        }
        return story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)

    assert len(date_conflicts(story_of("May 13", "2031-05-13"))) == 1
    assert date_conflicts(story_of("May 13-22", "2031-05-13", "2031-05-22")) == []


def test_a_count_written_as_the_size_of_another_thing_answers_no_how_many():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "The Tarn harbour survey covered 50 ports of the coast.",
        "b": "The Tarn harbour survey covered 48 ports of the coast.",
        "c": "The Tarn harbour 50-port survey covered the coast.",
    }
    story = text_story(texts)

    figure = counts(texts, "port")

    assert len(number_conflicts(story, [figure(50, "a"), figure(48, "b")])) == 1
    assert number_conflicts(story, [figure(50, "c"), figure(48, "b")]) == []


def test_a_speaker_that_names_nobody_is_no_speaker():
    """Two articles' "they" are not one person: their remarks join only as near-identical
    wordings, like any unattributed quote, and no group is headed "they" or "A" (the answer
    label of an interview transcript)."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import story_quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = [
        {
            "id": "a",
            "text": "Dock workers met on Monday. “The harbour will stay closed all week,” they said.",
            "quotes": [["The harbour will stay closed all week", "they"]],
        },
        {
            "id": "b",
            "text": "A: Nobody has told us when the cranes will be repaired. Q: Will you strike?",
            "quotes": [["Nobody has told us when the cranes will be repaired.", "A"]],
        },
        {
            "id": "c",
            "text": "“We will reopen the harbour on Friday,” Ada Moss said.",
            "quotes": [["We will reopen the harbour on Friday", "Ada Moss"]],
        },
        {
            # a possessive the article did not resolve: "Its" is nobody's name
            "id": "d",
            "text": "“Night fishing stays banned until the spring,” its statement read.",
            "quotes": [["Night fishing stays banned until the spring", "its"]],
        },
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    ids = ("a", "b", "c", "d")
    story = story_articles(Story(id="s", article_ids=ids), analyses, lexical_embedder)
    said = story_quotes(story, build_names(story))
    assert [s.speaker for s in said] == [None, None, "Ada Moss", None]


def test_a_quoted_title_is_no_utterance():
    """ "The Art of the Deal" and "Good Morning Harbour Town" are names in quote marks; a remark
    in ordinary case, or one that ends a sentence, is something said."""
    from storyfuse.fuse.quotes import is_title

    assert is_title("The Art of the Deal")
    assert is_title("Good Morning Harbour Town")
    assert not is_title("We will reopen the harbour on Friday")
    assert not is_title("Nobody Told Us Anything.")
    assert not is_title("It's not new in Harbour Town")
    assert not is_title("The Harbour Will Stay Closed For Weeks And The Workers Will Not Be Paid")


def test_a_summary_does_not_give_the_same_figures_twice():
    """Two alike sentences of one article that give the same amount say one thing: the summary
    takes one of them; a sentence with other figures, or none, is still taken."""
    import dataclasses

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.facts import align
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.summary import summary
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Masked robbers stole jewels worth $137 million from the Varo store in Ostra on Friday.\n"
        "The robbers stole the jewels worth $137 million from the store, the prosecutor said.\n"
        "The gang of four men escaped through the back door with rings, necklaces and watches.\n"
        "Police in Ostra said the robbers had spent less than fifteen minutes inside the store.\n"
        "The Varo family, which has owned the jewellery store since 1921, offered a reward.\n"
    )
    claim = ("$137 million", 137e6, "dollar", None, None, None)
    item = analysis({"id": "a", "text": text, "claims": [claim]})
    # the builder reads a claim at its first place; the second sentence gives it too
    second = text.index("$137 million", text.index("\n"))
    again = dataclasses.replace(item.claims[0], start=second, end=second + 12)
    item = dataclasses.replace(item, claims=(*item.claims, again))
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    chosen = [c.text for c in summary(story, align(story, build_names(story)))]
    assert sum("$137 million" in t for t in chosen) == 1
    assert any("four men" in t for t in chosen)


def test_an_object_pronoun_among_the_first_words_keeps_a_sentence_out_of_the_summary():
    """ "Tarn matched them dollar for dollar with its own": "them" stands for what the sentence
    before named; later in a sentence it mostly stands for a noun of its own."""
    from tests.fuse.builders import text_story

    from storyfuse.fuse.summary import usable

    story = text_story(
        {
            "a": "Norland put new duties on steel from Tarn worth four billion crowns.\n"
            "Tarn matched them dollar for dollar with duties of its own on Monday.\n"
            "The mayor assured him that the Velmont bridge would reopen in May.\n"
            "Harbour workers kept the old cranes and repaired them over the winter months.\n",
        }
    )
    assert [usable(u, story) for u in story.units] == [True, False, False, True]


def test_an_act_named_by_a_bare_noun_keeps_a_sentence_out_of_the_summary():
    """ "The move comes as ...": what move the sentence before told; "The decision by the Tarn
    court ..." says whose, and a sentence naming the act in full stands alone."""
    from tests.fuse.builders import text_story

    from storyfuse.fuse.summary import usable

    story = text_story(
        {
            "a": "The Tarn council voted to close the old harbour to cargo ships on Monday.\n"
            "The move comes as record numbers of ferries crowd the harbour in summer.\n"
            "The decision is the latest in a series of rulings against the harbour board.\n"
            "The decision by the Tarn court ends a ten-year dispute over the harbour.\n"
            "The statement of the harbour board said the ferries would keep sailing.\n",
        }
    )
    assert [usable(u, story) for u in story.units] == [True, False, False, True, True]


def test_a_headline_left_in_the_text_is_no_summary_sentence():
    from tests.fuse.builders import text_story

    from storyfuse.fuse.summary import usable

    story = text_story(
        {
            "a": "Spies Keep Intelligence From Ada Moss on Leak Concerns.\n"
            "Sensitive intelligence is being withheld from Governor Ada Moss by officials.\n",
        }
    )
    assert [usable(u, story) for u in story.units] == [False, True]


def test_a_signpost_label_is_no_part_of_a_summary_sentence_or_a_fact():
    """ "Why it matters: ..." and "EXCLUSIVE — ..." open a sentence in an outlet's house style:
    the summary and the facts show the sentence without them; one that then opens on what went
    before ("Why it matters: It is ...") is no summary sentence. "Context: the" is no label."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse import fuse
    from storyfuse.fuse.units import without_label
    from storyfuse.model import Story

    told = "Tarnby on Sunday elected the harbour engineer Ada Moss as its mayor by a wide margin."
    specs = [
        {
            "id": "a",
            "title": "Tarnby elects Ada Moss",
            "text": f"Driving the news: {told}\nWhy it matters: It is the first time an "
            "engineer has run the harbour town of Tarnby.",
        },
        {"id": "b", "title": "Ada Moss to be Tarnby mayor", "text": f"EXCLUSIVE — {told}"},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    brief = fuse(Story(id="s", article_ids=("a", "b")), analyses, embedder=lexical_embedder)
    assert [c.text for c in brief.summary] == [told]
    assert [f.text for f in brief.facts] == [told]
    assert without_label("Context: the harbour was shut.") == "Context: the harbour was shut."
    assert without_label("What happened: The harbour was shut.") == "The harbour was shut."
    assert without_label("Details: It costs more.") == "It costs more."


def test_articles_that_stop_mid_sentence_give_their_sentences_shown_as_cut_off():
    """Feed excerpts that each stop mid-sentence still give a summary, each sentence marked as
    cut off; a finished sentence, where there is one, is chosen before them."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse import fuse
    from storyfuse.model import Story

    cut_a = "Tarnby on Sunday elected the harbour engineer Ada Moss as its mayor, ending"
    cut_b = "The harbour town of Tarnby has chosen Ada Moss, an engineer, as its new mayor in"
    specs = [
        {"id": "a", "title": "Tarnby elects Ada Moss", "text": cut_a},
        {"id": "b", "title": "Ada Moss to be Tarnby mayor", "text": cut_b},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    brief = fuse(Story(id="s", article_ids=("a", "b")), analyses, embedder=lexical_embedder)
    assert [c.text for c in brief.summary] == [f"{cut_a}…", f"{cut_b}…"]
    done = "Ada Moss won the vote for mayor of Tarnby by a wide margin on Sunday."
    analyses["b"] = analysis({"id": "b", "title": "Ada Moss wins", "text": done})
    brief = fuse(Story(id="s", article_ids=("a", "b")), analyses, embedder=lexical_embedder)
    assert [c.text for c in brief.summary] == [done]


def test_the_attribution_of_the_quotation_before_it_is_no_summary_sentence():
    from dataclasses import replace

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.summary import usable
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    quoted = "This man has been taking your harbour away from you and your families,"
    text = (
        "The governor spoke to the dockworkers of Vesna on Friday afternoon at the quay.\n"
        f"“{quoted}”\n"
        "Ada Moss said of her rival in the race for governor on Friday.\n"
    )
    built = analysis({"id": "a", "text": text, "quotes": [[quoted, "Ada Moss"]]})
    cue = text.index("said")
    built = replace(built, quotes=(replace(built.quotes[0], cue_start=cue, cue_end=cue + 4),))
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": built}, lexical_embedder)
    assert [usable(u, story) for u in story.units] == [True, False, False]


def test_the_attribution_between_the_parts_of_a_quotation_is_no_summary_sentence():
    from tests.fuse.builders import joined_quote_story

    from storyfuse.fuse.summary import usable

    first = "What right does that man have over my harbour and my own family?"
    second = "I am the only one who speaks for the dockworkers of this harbour."
    text = (
        "The governor spoke to the dockworkers of Vesna on Friday afternoon at the quay.\n"
        f"“{first}”\n"
        "Ada Moss said at a news conference in her home town of Vesna on Friday.\n"
        f"“{second}”\n"
    )
    story = joined_quote_story(text, first, second, "Ada Moss", cue="said")
    usable_of = {u.text[:6]: usable(u, story) for u in story.units}
    assert usable_of["Ada Mo"] is False
    assert usable_of["The go"] is True


def test_a_sentence_split_off_after_a_colon_is_no_summary_sentence_alone():
    """The parse may end a sentence at a colon within a paragraph ("... a message on Tuesday:"
    | "With the storm ..., stay in port."): the second part, read alone, loses what it is said
    of. After a label ("EXCLUSIVE:") the sentence stands alone."""
    import re
    from dataclasses import replace
    from itertools import pairwise

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.summary import usable
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Sentence, Story

    text = (
        "The harbour master gave the pilots of Tarnby a message on Tuesday: With the storm "
        "this close to the coast, stay in port.\n"
        "EXCLUSIVE: The harbour of Tarnby will stay shut for the rest of the week, officials "
        "said.\n"
    )
    cuts = [m.end() for m in re.finditer(r": ", text)]
    bounds = sorted({0, *cuts, text.index("\n") + 1, len(text)})
    sentences = tuple(
        Sentence(start=a, end=b, text=text[a:b].strip()) for a, b in pairwise(bounds)
    )
    built = replace(analysis({"id": "a", "text": text}), sentences=sentences)
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": built}, lexical_embedder)
    assert [(u.text.split()[0], usable(u, story)) for u in story.units] == [
        ("The", False),
        ("With", False),
        ("EXCLUSIVE:", False),
        ("The", True),
    ]


def test_a_statement_whose_central_wording_is_a_headline_is_summarised_in_a_full_sentence():
    """The wording of a statement closest to the others may be a headline no summary takes
    (no full stop); the statement is then said in its other articles' sentence, with all its
    sources, not left out."""
    from tests.fuse.builders import text_story

    from storyfuse.fuse.facts import align
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.summary import summary

    headline = "Agencies fought over classifying the Clinton emails, documents show"
    story = text_story(
        {
            "a": f"{headline}\nThe report runs to more than three hundred pages of notes.\n",
            "b": "Documents show that agencies fought over classifying the Clinton emails last "
            "year.\nThe State Department asked for fewer markings on the messages in question.\n",
            "c": "Agencies fought hard over classifying the Clinton emails, the documents show."
            "\nCongressional Republicans called for hearings on the newly released notes.\n",
        }
    )
    alignment = align(story, build_names(story))
    (group,) = [g for g in alignment.groups if len(g) == 3]
    assert alignment.units[alignment.representative(group)].text == headline
    said = [c for c in summary(story, alignment) if "fought" in c.text]
    assert len(said) == 1 and said[0].text != headline
    assert said[0].sources == ("a", "b", "c")



def _quote_groups(specs: list[dict]) -> list:
    """The quote groups of a story made of the articles ``specs`` describe."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    analyses = {s["id"]: analysis(s) for s in specs}
    ids = tuple(s["id"] for s in specs)
    story = story_articles(Story(id="s", article_ids=ids), analyses, lexical_embedder)
    return quotes(story, build_names(story))

def test_two_remarks_of_one_article_are_two_quotes_however_alike():
    """An expert quoted twice in one article on one subject said two things; the same expert's
    remark in another article joins the remark it renders."""
    first = "Harbour tolls will rise for every ship that docks in Saltmere next year"
    second = "Harbour tolls will rise for every cargo ship that docks in Saltmere next spring"
    specs = [
        {
            "id": "a",
            "text": f"“{first},” Ada Moss said.\n“{second},” Ada Moss added.",
            "quotes": [[first, "Ada Moss"], [second, "Ada Moss"]],
        },
        {
            "id": "b",
            "text": f"“{first},” said Ada Moss.",
            "quotes": [[first, "Ada Moss"]],
        },
    ]
    groups = _quote_groups(specs)
    assert sorted(len(g.variants) for g in groups) == [1, 1]
    assert sorted(g.variants[0].sources for g in groups) == [("a",), ("a", "b")]


def test_two_remarks_on_one_theme_scoring_just_over_the_cut_off_are_two_quotes():
    """Just over the same-speaker cut-off, two renderings are one remark only when they share
    a run of words; higher, the score alone says so."""
    from storyfuse.fuse.quotes import Said, _joinable
    from storyfuse.model import Quote

    def said(aid: str, text: str) -> Said:
        return Said(aid, Quote(text=text, speaker="Ada Moss", start=0, end=len(text)), text,
                    "Ada Moss")

    tolls = said("a", "Harbour tolls will rise for every ship that docks in Saltmere")
    ferries = said("b", "We expect the new ferries to carry twice as many people by May")
    rendering = said("b", "The tolls will rise for every ship, cargo or passenger")
    assert not _joinable(tolls, ferries, 0.62)
    assert _joinable(tolls, rendering, 0.62)  # "will rise for every"
    assert _joinable(tolls, ferries, 0.7)
    assert not _joinable(tolls, ferries, 0.55)


def test_a_pull_quote_of_a_remark_the_article_quotes_in_full_is_no_other_rendering():
    """A headline or pull quote that the article's full quotation holds word for word is one
    rendering, not "another outlet's"; another article's shorter rendering stays one."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    part = "It is not a popular position to take"
    full = f"{part}. But consistency matters to the voters who sent me here"
    specs = [
        {
            "id": "a",
            "text": f"Moss: '{part}'.\n“{full},” Ada Moss said.",
            "quotes": [[part, "Ada Moss"], [full, "Ada Moss"]],
        },
        {"id": "b", "text": f"“{part},” said Ada Moss.", "quotes": [[part, "Ada Moss"]]},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    (group,) = quotes(story, build_names(story))
    assert [(v.text, v.sources) for v in group.variants] == [(part, ("a", "b")), (full, ("a",))]
    one = {k: v for k, v in analyses.items() if k == "a"}
    story = story_articles(Story(id="s", article_ids=("a",)), one, lexical_embedder)
    (group,) = quotes(story, build_names(story))
    assert [(v.text, v.sources) for v in group.variants] == [(full, ("a",))]


def test_a_rendering_says_who_its_articles_have_it_from():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.quotes import quotes
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    full = "We will rebuild every span of this bridge"
    short = "We will rebuild every span of the bridge by March"
    specs = [
        {
            "id": "a",
            "text": f"“{full},” Ada Moss said, according to the Herald.",
            "quotes": [[full, "Ada Moss"]],
        },
        {"id": "b", "text": f"“{short},” said Ada Moss.", "quotes": [[short, "Ada Moss"]]},
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    heard = analyses["a"].quotes[0]
    analyses["a"] = replace(analyses["a"], quotes=(replace(heard, via="the Herald"),))
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    (group,) = quotes(story, build_names(story))
    assert group.speaker == "Ada Moss"
    assert {v.text: v.via for v in group.variants} == {full: "the Herald", short: None}


@pytest.mark.parametrize(
    ("speaker", "role"),
    [
        ("a spokesperson for the company", "spokesperson"),
        ("a Tarnby spokesperson", "spokesperson"),
        ("Two people briefed on the plan", "people"),
        ("An official speaking on condition of anonymity", "official"),
        # a participle before the noun describes it
        ("a retired teacher", "teacher"),
        ("the acting director", "director"),
        ("Ada Moss", "Moss"),
    ],
)
def test_the_word_of_a_role_is_the_one_before_the_phrase_that_says_whose(
    speaker: str, role: str
) -> None:
    from storyfuse.fuse.quotes import _role_word

    assert _role_word(speaker) == role


# One article of each case says a remark two named people both say ("Tolls will rise ...").
_TOLLS = "Tolls will rise for every ship that docks in Saltmere next spring"
_SAID = "We received an inquiry from the harbour board and are cooperating"
_HEARD = "we have received an inquiry from the harbour board and are cooperating"
_FILING = "This filing is an important step in our effort to keep the harbour open all winter"


@pytest.mark.parametrize(
    ("a", "b", "joined"),
    [
        # "A Tarnby spokesperson" and "a company spokesperson" quoted nearly word for word
        # alike are one speaker's one remark
        (
            {
                "id": "a",
                "text": f"“{_SAID},” a Tarnby spokesperson said.",
                "quotes": [[_SAID, "Tarnby spokesperson"]],
            },
            {
                "id": "b",
                "text": f"A company spokesperson said: “{_HEARD}.” “{_TOLLS},” said a city "
                "spokesperson.",
                "quotes": [[_HEARD, "company spokesperson"], [_TOLLS, "city spokesperson"]],
            },
            [("Tarnby spokesperson", [("a",), ("b",)])],
        ),
        # ... and so are "a spokesperson for the company", the phrase after the role saying
        # whose, and "a Tarnby spokesperson"
        (
            {
                "id": "a",
                "text": f"“{_SAID},” a Tarnby spokesperson said.",
                "quotes": [[_SAID, "Tarnby spokesperson"]],
            },
            {
                "id": "b",
                "text": f"A spokesperson for the company said: “{_HEARD}.” “{_TOLLS},” said a "
                "spokesperson for the city.",
                "quotes": [
                    [_HEARD, "spokesperson for the company"],
                    [_TOLLS, "spokesperson for the city"],
                ],
            },
            [("Tarnby spokesperson", [("a",), ("b",)])],
        ),
        # "the shipping giant" quoted word for word as another outlet quotes Tarnby Lines is
        # Tarnby Lines
        (
            {
                "id": "a",
                "text": f"“{_FILING}.” Tarnby Lines said.",
                "quotes": [[_FILING, "Tarnby Lines"]],
            },
            {
                "id": "b",
                "text": f"“{_FILING},” the shipping giant said. “{_TOLLS},” a city official said.",
                "quotes": [[_FILING, "shipping giant"], [_TOLLS, "city official"]],
            },
            [("Tarnby Lines", [("a", "b")])],
        ),
        # "the Tarn Democrat" describes a party's member as "the shipping giant" a company
        (
            {
                "id": "a",
                "text": f"“{_FILING}.” Ada Moss said.",
                "quotes": [[_FILING, "Ada Moss"]],
            },
            {
                "id": "b",
                "text": f"“{_FILING},” the Tarn Democrat said. “{_TOLLS},” a city official said.",
                "quotes": [[_FILING, "Tarn Democrat"], [_TOLLS, "city official"]],
            },
            [("Ada Moss", [("a", "b")])],
        ),
    ],
)
def test_one_remark_of_a_speaker_described_and_named_is_one_quote(
    a: dict, b: dict, joined: list
) -> None:
    """One remark quoted with its speaker described by one role in two ways, or described in
    one article and named in another, is one quote; two spokespeople's different remarks stay
    apart, and so do two named people's identical words, and a description's words that two
    named people say."""
    c = {
        "id": "c",
        "text": f"“{_TOLLS},” Ada Moss said. “{_TOLLS},” Ben Roe said.",
        "quotes": [[_TOLLS, "Ada Moss"], [_TOLLS, "Ben Roe"]],
    }
    groups = _quote_groups([a, b, c])
    found = [g for g in groups if len({x for v in g.variants for x in v.sources}) > 1]
    assert [(g.speaker, [v.sources for v in g.variants]) for g in found] == joined
    assert len(groups) == 4


def test_a_surname_two_people_of_the_story_share_is_the_one_its_article_names_in_full():
    """The story names Ada and Ben Moss, so "Moss" alone is nobody in particular; in an
    article that names only Ada Moss in full, its "Moss" is Ada Moss."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    specs = [
        {
            "id": "a",
            "text": "Ada Moss won the Saltmere vote on Tuesday. Moss thanked the harbour workers.",
            "entities": [("Ada Moss", "PERSON"), ("Moss", "PERSON"), ("Saltmere", "GPE")],
        },
        {
            "id": "b",
            "text": "Ada Moss and her brother Ben Moss spoke in Saltmere. Moss said little.",
            "entities": [
                ("Ada Moss", "PERSON"),
                ("Ben Moss", "PERSON"),
                ("Moss", "PERSON"),
                ("Saltmere", "GPE"),
            ],
        },
    ]
    analyses = {s["id"]: analysis(s) for s in specs}
    story = story_articles(Story(id="s", article_ids=("a", "b")), analyses, lexical_embedder)
    found = {e.name: e.sources for e in entities(story, build_names(story))}
    assert found["Ada Moss"] == ("a", "b")
    assert found["Moss"] == ("b",)  # in b, either of two


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ('the "Harbour Watch" host', "Harbour Watch host"),
        ('Harbour Watch" host', "Harbour Watch host"),
        ("the Saltmere Port Authority's", "Saltmere Port Authority"),
        ("O’Malley", "O’Malley"),
        ("“Ada Moss”", "Ada Moss"),
        ("Washington, D.C.", "Washington, D.C."),
        ("the U.S.,", "U.S."),
        ("Ada Moss Jr.", "Ada Moss Jr."),
        ("Saltmere Co.", "Saltmere Co."),
        ("Ada Moss.", "Ada Moss"),
        ("Ada D.", "Ada D"),
        ("the ``Harbour Dog''", "Harbour Dog"),
        ("the ``Harbour Watch'' host", "Harbour Watch host"),
        ("the Oslo-based NRC", "NRC"),
    ],
)
def test_a_name_is_shown_without_a_quote_mark_left_alone(written: str, shown: str) -> None:
    from storyfuse.fuse.names import tidy

    assert tidy(written) == shown
    assert tidy(tidy(written)) == shown


def _quote_of(
    text: str, content: str, mention: str, name: str, after: int = 0, direct: bool = False
) -> Quote:
    """A quote of ``content`` by ``name``, whose speaker is the first ``mention`` from ``after``."""
    from storyfuse.model import Quote

    start = text.index(content)
    at = text.index(mention, after)
    return Quote(
        text=content, speaker=name, start=start, end=start + len(content), direct=direct,
        speaker_start=at, speaker_end=at + len(mention),
    )  # fmt: skip


def test_a_sentence_shown_alone_names_the_speaker_its_pronoun_stands_for() -> None:
    from tests.fuse.builders import text_story

    from storyfuse.fuse.names import speaker_named

    text = (
        "Mayor Ana Ruiz visited the harbour on Monday.\n"
        "On Friday,  he told the council the bridge would reopen in May.\n"
        "Ruiz said she would not resign."
    )
    story = text_story({"a": text})
    analysis = story.analyses[0]
    told = _quote_of(
        text, "the bridge would reopen in May", "he", "Ana Ruiz", text.index("On Friday")
    )
    resign = _quote_of(text, "she would not resign", "Ruiz", "Ana Ruiz", text.index("Ruiz said"))
    story.analyses[0] = replace(analysis, quotes=(told, resign))
    units = {u.index: u for u in story.units if u.article_id == "a"}
    assert speaker_named(units[1], story) == (
        "On Friday, he [Ana Ruiz] told the council the bridge would reopen in May."
    )
    assert speaker_named(units[2], story) == units[2].text  # named in the sentence already
    assert speaker_named(units[0], story) == units[0].text  # no quote
    # a pronoun the finder could not resolve, or resolved to a surname alone, stays as it is
    for unresolved in ("he", "Ruiz"):
        story.analyses[0] = replace(analysis, quotes=(replace(told, speaker=unresolved),))
        assert speaker_named(units[1], story) == units[1].text


def test_only_the_pronoun_a_sentence_opens_with_gets_a_name() -> None:
    from tests.fuse.builders import text_story

    from storyfuse.fuse.names import speaker_named

    text = (
        "She’ll present the plan to the council on Friday, the mayor’s office said.\n"
        "The nominee insists that he wants to release the harbour accounts soon."
    )
    story = text_story({"a": text})
    present = _quote_of(text, "present the plan to the council on Friday", "She", "Ana Ruiz")
    wants = _quote_of(text, "to release the harbour accounts soon", "he", "Tom Vale")
    story.analyses[0] = replace(story.analyses[0], quotes=(present, wants))
    first, second = sorted((u for u in story.units if u.article_id == "a"), key=lambda u: u.index)
    assert speaker_named(first, story).startswith("She’ll [Ana Ruiz] present the plan")
    # "he" here stands for the nominee the sentence names: no name is added
    assert speaker_named(second, story) == second.text


def test_a_quotation_shown_alone_names_its_speaker() -> None:
    from tests.fuse.builders import text_story

    from storyfuse.fuse.names import speaker_named

    text = (
        "Mayor Ana Ruiz spoke to reporters at the harbour on Monday.\n"
        "“The pier has been shut for a year. This is simply unacceptable,” she said.\n"
        "“We will open it by the summer.”"
    )
    story = text_story({"a": text})
    shut = _quote_of(
        text, "The pier has been shut for a year. This is simply unacceptable,", "she",
        "Ana Ruiz", after=60, direct=True,
    )  # fmt: skip
    summer = _quote_of(text, "We will open it by the summer.", "Ana Ruiz", "Ana Ruiz", direct=True)
    story.analyses[0] = replace(story.analyses[0], quotes=(shut, summer))
    units = sorted((u for u in story.units if u.article_id == "a"), key=lambda u: u.index)
    assert speaker_named(units[1], story).endswith("unacceptable,” she [Ana Ruiz] said.")
    assert speaker_named(units[2], story) == "“We will open it by the summer.” [Ana Ruiz]"


def test_an_interview_s_lines_are_no_statements_of_the_outlet():
    """An answer credited to the interviewee by its "A:" label, read alone, would be the
    outlet's words; the interviewer's question is no statement at all."""
    from dataclasses import replace

    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.units import is_statement, story_articles, unattributed_quotation
    from storyfuse.model import Story

    text = (
        "Ada Brenn spoke to the Courier about the harbour on Monday afternoon.\n"
        "Q: What comes next for the harbour and its old piers?\n"
        "A: We rebuild the piers first, and that takes a whole year.\n"
        "Brenn: the ferries will come back to the harbour in spring.\n"
    )
    spec = {
        "id": "a",
        "text": text,
        "quotes": [
            ["What comes next for the harbour and its old piers", "Q"],
            ["We rebuild the piers first, and that takes a whole year.", "Ada Brenn"],
            ["the ferries will come back to the harbour in spring", "Brenn"],
        ],
    }
    built = analysis(spec)
    built = replace(built, quotes=tuple(replace(q, cue=":") for q in built.quotes))
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": built}, lexical_embedder)
    unattributed = {u.text[:6]: unattributed_quotation(u, story) for u in story.units}
    assert unattributed == {"Ada Br": False, "Q: Wha": True, "A: We ": True, "Brenn:": False}
    statements = {u.text[:6]: is_statement(u.text) for u in story.units}
    assert statements["Q: Wha"] is False and statements["A: We "] is True


def test_a_sentence_inside_a_quotation_is_the_speakers_not_the_outlets():
    """The middle sentence of a quotation has no marks of its own (nor has the last sentence
    of a lead cut off before the closing mark), yet read alone it is the speaker's words."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.units import story_articles, unattributed_quotation
    from storyfuse.model import Story

    quoted = "Come and see them.\nBring the whole family to the water.\nIt is your harbour now,"
    text = (
        "The mayor opened the new harbour piers in Vesna on Monday afternoon.\n"
        f"“{quoted}” Ada Brenn said to the crowd on the quay.\n"
    )
    spec = {"id": "a", "text": text, "quotes": [[quoted, "Ada Brenn"]]}
    built = {"a": analysis(spec)}
    story = story_articles(Story(id="s", article_ids=("a",)), built, lexical_embedder)
    unattributed = {u.text[:6]: unattributed_quotation(u, story) for u in story.units}
    assert unattributed == {"The ma": False, "“Come ": True, "Bring ": True, "It is ": False}


def test_a_sentence_between_the_parts_of_a_quotation_is_not_inside_it():
    """“A,” she said. (A sentence of the writer's.) “B.” is one quotation of two parts; the
    writer's sentence between them is no one's quoted words."""
    from tests.fuse.builders import joined_quote_story

    from storyfuse.fuse.units import unattributed_quotation

    text = (
        "The mayor opened the new harbour piers in Vesna on Monday afternoon.\n"
        "“Come and see them,” Ada Brenn said to the crowd.\n"
        "The band on the quay played for a long time after that.\n"
        "“Bring the whole family to the water.”\n"
    )
    first, second = "Come and see them,", "Bring the whole family to the water."
    story = joined_quote_story(text, first, second, "Ada Brenn")
    unattributed = {u.text[:6]: unattributed_quotation(u, story) for u in story.units}
    assert unattributed["The ba"] is False
    assert unattributed["“Bring"] is True


def test_a_conflict_writes_a_range_with_the_decimals_of_both_ends():
    from tests.fuse.builders import counts, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Varnia exported 2.5 to 3.5 tonnes of gold last year, the ministry said.",
        "b": "Varnia exported 1.2 tonnes of gold last year, the central bank said.",
    }
    story = text_story(texts)
    figure = counts(texts, "tonne")
    ranged = replace(figure(2.5, "a"), upper=3.5)
    (conflict,) = number_conflicts(story, [ranged, figure(1.2, "b")])
    assert {v.value.split(" (")[0] for v in conflict.variants} == {"2.5–3.5", "1.2"}


@pytest.mark.parametrize(
    ("text", "times", "dated"),
    [
        # undated, as many pages are: only the wording tells the record's date from the event's
        (
            "The jobless rate fell to 3.1%, the lowest rate since December 2009.",
            [("December 2009", "2009-12")],
            [],
        ),
        (
            "It was the first time since June 2016 that the Tarn bank cut rates.",
            [("June 2016", "2016-06")],
            [],
        ),
        (
            "Deaths fell to about 330 a day, figures not seen since March 2030.",
            [("March 2030", "2030-03")],
            [],
        ),
        # what has gone on since a date began on that date
        (
            "The Vessian envoy has been detained since Oct. 3.",
            [("Oct. 3", "2031-10-03")],
            ["2031-10-03"],
        ),
        (
            "The Vessian envoy has not been seen since Oct. 3.",
            [("Oct. 3", "2031-10-03")],
            ["2031-10-03"],
        ),
        # a clause opened by "since" dates what the sentence measures from, not its news
        (
            "Tarn shares sank, wiping out gains made since Ada Moss took office on Jan. 20, 2029.",
            [("Jan. 20, 2029", "2029-01-20")],
            [],
        ),
        (
            "Bread prices have doubled since the strike began in February 2030.",
            [("February 2030", "2030-02")],
            [],
        ),
    ],
)
def test_the_date_a_record_is_measured_since_is_no_event(text, times, dated) -> None:
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.timeline import timeline
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    item = analysis({"id": "a", "text": text, "published": None, "times": times})
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": item}, lexical_embedder)
    assert [e.date for e in timeline(story)] == dated


def test_a_group_named_by_party_that_speaks_is_no_person():
    """A speaker becomes a person in the entities list though the tagger took it for a body;
    not a group named by party or nationality ("Georgia Republicans will decide")."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        'Tarn Republicans said "we will vote no." The Republicans met. '
        'Ruud Mertens said "it is over." Mertens left.'
    )
    spec = {
        "id": "a",
        "text": text,
        "entities": [("Republicans", "NORP"), ("Mertens", "ORG")],
        "quotes": [("we will vote no.", "Tarn Republicans"), ("it is over.", "Ruud Mertens")],
    }
    one = analysis(spec)
    story = story_articles(Story(id="s", article_ids=("a",)), {"a": one}, lexical_embedder)
    labels = {e.name: e.label for e in entities(story, build_names(story))}
    assert labels["Ruud Mertens"] == "PERSON"
    assert labels["Tarn Republicans"] == "NORP"


def test_a_company_the_tagger_calls_a_person_or_a_product_is_an_organisation():
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Halden Pharma moved $1 billion abroad, Tarnby Economics estimates.",
        "b": "Halden Pharma sold the painkiller for years, the court papers show.",
    }
    tagged = {"a": "PERSON", "b": "PRODUCT"}
    built = {
        k: analysis(
            {
                "id": k,
                "text": t,
                "entities": [("Halden Pharma", tagged[k])]
                + ([("Tarnby Economics", "PERSON")] if "Tarnby" in t else []),
            }
        )
        for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), built, lexical_embedder)
    labels = {e.name: e.label for e in entities(story, build_names(story))}
    assert labels["Halden Pharma"] == "ORG"
    assert labels["Tarnby Economics"] == "ORG"  # a forecaster: "Oxford Economics"


def test_a_company_named_without_its_legal_form_is_listed_as_an_organisation():
    """ "Jorvik Corp." once, then "Jorvik" (tagged a place) five times: one company."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    text = (
        "Jorvik Corp. agreed to pay $4 million for Halvor Imports Inc. Jorvik was quoted at 87 "
        "cents. Jorvik distributes equipment. Jorvik holds 40% of Halvor."
    )
    built = {
        "a": analysis(
            {
                "id": "a",
                "text": text,
                "entities": [("Jorvik Corp.", "ORG"), ("Halvor Imports Inc.", "ORG")]
                + [("Jorvik", "GPE")] * 3,
            }
        )
    }
    story = story_articles(Story(id="s", article_ids=("a",)), built, lexical_embedder)
    found = {e.name: e.label for e in entities(story, build_names(story))}
    assert found == {"Jorvik": "ORG", "Halvor Imports Inc": "ORG"}


def test_a_surname_kept_apart_from_the_one_full_name_is_not_that_person_in_its_article():
    """ "President Moss" beside "first lady Ada Moss": in the article naming her, the
    president's mentions stay his."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    a = analysis(
        {
            "id": "a",
            "text": "President Moss spoke on Monday. Moss and Vik, with first lady Ada Moss, left.",
            "entities": [("Moss", "PERSON"), ("Ada Moss", "PERSON")],
        }
    )
    b = analysis({"id": "b", "text": "President Moss said no.", "entities": [("Moss", "PERSON")]})
    pair = Story(id="s", article_ids=("a", "b"))
    story = story_articles(pair, {"a": a, "b": b}, lexical_embedder)
    found = {e.name: e.sources for e in entities(story, build_names(story))}
    assert found["Moss"] == ("a", "b")
    assert found["Ada Moss"] == ("a",)


def test_counts_for_two_months_named_are_no_conflict():
    """ "250,000 jobs in October" and "136,000 jobs in September", in undated articles the
    grouping put together: two months' counts, however alike the sentences read."""
    from tests.fuse.builders import analysis, counts, lexical_embedder

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Tarn employers added 250,000 jobs in October, the harbour office said.",
        "b": "Tarn employers added 136,000 jobs in September, the harbour office said.",
        "c": "Tarn employers added 180,000 jobs in October, the harbour office said.",
    }
    month = {"a": "October", "b": "September", "c": "October"}
    analyses = {
        k: analysis({"id": k, "text": t, "times": [(month[k], None)]}) for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    figure = counts(texts, "job")
    assert number_conflicts(story, [figure(250_000, "a"), figure(136_000, "b")]) == []
    (conflict,) = number_conflicts(story, [figure(250_000, "a"), figure(180_000, "c")])
    assert len(conflict.variants) == 2


def test_counts_for_a_day_in_may_and_one_in_another_month_are_no_conflict():
    """ "the week ended May 8th" names May ("may" alone is too often the verb to count): two
    weeks' counts of undated articles the grouping put together are no conflict."""
    from tests.fuse.builders import analysis, counts, lexical_embedder

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "New Tarn jobless claims fell to 473,000 for the week ended May 8th, data showed.",
        "b": "New Tarn jobless claims fell to 881,000 for the week ended Aug. 29, data showed.",
    }
    day = {"a": "May 8th", "b": "Aug. 29"}
    analyses = {
        k: analysis({"id": k, "text": t, "times": [(day[k], None)]}) for k, t in texts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    figure = counts(texts, "claim")
    assert number_conflicts(story, [figure(473_000, "a"), figure(881_000, "b")]) == []


def test_counts_for_two_weeks_each_named_by_the_day_it_ended_are_no_conflict():
    """ "in the week ended May 1" and "in the week ended May 8": weekly statistics name the
    week they count by its last day, and two weeks are two questions, however close; two
    counts of one week still answer one."""
    from tests.fuse.builders import analysis, counts, lexical_embedder

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Tarn jobless claims fell to 498,000 in the week ended May 1, the office said.",
        "b": "Tarn jobless claims fell to 473,000 in the week ended May 8th, the office said.",
        "c": "Tarn jobless claims fell to 478,000 in the week ending May 8, the office said.",
    }
    analyses = {k: analysis({"id": k, "text": t}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    figure = counts(texts, "claim")
    assert number_conflicts(story, [figure(498_000, "a"), figure(473_000, "b")]) == []
    (conflict,) = number_conflicts(story, [figure(473_000, "b"), figure(478_000, "c")])
    assert len(conflict.variants) == 2


def test_a_count_of_the_year_so_far_and_one_of_a_month_are_no_conflict():
    """ "more than a million arrests so far this year" and "about 200,000 arrests in July": a
    year's count so far and a month's answer two questions; two counts of the year so far, or
    of one month, still answer one."""
    from tests.fuse.builders import analysis, counts, lexical_embedder

    from storyfuse.fuse.conflicts import number_conflicts
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    texts = {
        "a": "Harbour police made 40,000 arrests at the Tarn crossing so far this year.",
        "b": "Harbour police made 9,000 arrests at the Tarn crossing in July.",
        "c": "Harbour police made 52,000 arrests at the Tarn crossing so far this year.",
        "d": "Harbour police made 12,000 arrests at the Tarn crossing in July.",
    }
    times = {"a": [], "b": [("July", None)], "c": [], "d": [("July", None)]}
    analyses = {k: analysis({"id": k, "text": t, "times": times[k]}) for k, t in texts.items()}
    story = story_articles(Story(id="s", article_ids=tuple(texts)), analyses, lexical_embedder)
    figure = counts(texts, "arrest")
    assert number_conflicts(story, [figure(40_000, "a"), figure(9_000, "b")]) == []
    (so_far,) = number_conflicts(story, [figure(40_000, "a"), figure(52_000, "c")])
    (july,) = number_conflicts(story, [figure(9_000, "b"), figure(12_000, "d")])
    assert len(so_far.variants) == len(july.variants) == 2


def test_a_storm_is_one_entity_whatever_its_kind_and_under_its_name_alone():
    """A storm upgraded as it goes ("Tropical Storm Idris", "Hurricane Idris") and named alone
    where an article never gives its kind ("Idris", which the tagger may take for a person)."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse.entities import entities
    from storyfuse.fuse.names import build_names
    from storyfuse.fuse.units import story_articles
    from storyfuse.model import Story

    parts = {
        "a": ("Hurricane Idris flooded Saltmere on Sunday.", [("Hurricane Idris", "EVENT")]),
        "b": ("Tropical Storm Idris reached the coast.", [("Tropical Storm Idris", "EVENT")]),
        "c": ("Idris dropped two feet of rain on Saltmere.", [("Idris", "PERSON")]),
        "d": ("Hurricane Idris closed the port.", [("Hurricane Idris", "EVENT")]),
    }
    analyses = {
        key: analysis({"id": key, "text": text, "entities": ents})
        for key, (text, ents) in parts.items()
    }
    story = story_articles(Story(id="s", article_ids=tuple(parts)), analyses, lexical_embedder)
    names = build_names(story)
    found = entities(story, names)
    storms = [e for e in found if "Idris" in e.name]
    assert [(e.name, e.label, len(e.sources)) for e in storms] == [("Hurricane Idris", "EVENT", 4)]
    assert {"Idris", "Tropical Storm Idris"} <= set(storms[0].aliases)
    assert names.canonical("Idris") == "Hurricane Idris"


def test_a_conflicting_sum_with_cents_is_shown_with_both_digits():
    from tests.fuse.builders import text_figure, text_story

    from storyfuse.fuse.conflicts import number_conflicts

    texts = {
        "a": "Varnia Steel's shares closed at $66.50 in harbour trading on Monday.",
        "b": "Varnia Steel's shares closed at $64 in harbour trading on Monday.",
    }
    story = text_story(texts)
    figures = [
        text_figure(texts, aid, value, "dollar", thing="shares")
        for aid, value in (("a", 66.5), ("b", 64.0))
    ]
    (conflict,) = number_conflicts(story, figures)
    assert sorted(v.value for v in conflict.variants) == ["64", "66.50"]


@pytest.mark.parametrize(("other", "conflict"), [("Greece", False), ("Madrid", True)])
def test_a_city_and_the_country_it_is_in_are_no_two_answers_to_where(other: str, conflict: bool):
    """Two outlets that put one attack in Athens and in Greece do not disagree; Athens and
    Madrid do."""
    from tests.fuse.builders import analysis, lexical_embedder

    from storyfuse.fuse import fuse
    from storyfuse.model import Story

    said = "A fire bomb attack on a bank in {} killed three people on Wednesday."
    analyses = {
        k: analysis({"id": k, "text": said.format(place), "entities": [(place, "GPE")]})
        for k, place in (("a", "Athens"), ("b", other))
    }
    brief = fuse(Story(id="s", article_ids=("a", "b")), analyses, embedder=lexical_embedder)
    where = [c for c in brief.conflicts if c.kind == "where"]
    assert len(where) == conflict
