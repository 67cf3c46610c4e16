"""Quotes and speakers: each attribution pattern on small texts of our own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfuse.extract.nlp import entities_of, parse
from storyfuse.extract.quotes import _Finder, find_quotes
from storyfuse.extract.quotes_marks import find_marked
from storyfuse.model import Quote


def quotes_of(text: str) -> list[Quote]:
    quotes = find_quotes(parse(text))
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        if q.cue_start is not None and q.cue_end is not None:
            # the cue's offsets point at one word of the cue
            assert text[q.cue_start : q.cue_end].lower() in (q.cue or "").lower().split()
    return quotes


def one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, f"{fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# --- quote marks ------------------------------------------------------------------------------


def test_marks_curly_straight_and_single_quotes_but_not_apostrophes() -> None:
    text = 'He said “yes” and "no" and ‘maybe’ — but the ministry’s plan isn\'t ‘done’.'
    found = [text[m.start : m.end] for m in find_marked(text)]
    assert found == ["yes", "no", "maybe", "done"]


def test_the_possessive_of_an_abbreviation_opens_no_quote() -> None:
    text = (
        "Lakeview Corp.'s newest ferry has flaws that could delay several harbour operators' "
        "plans, but the 'bugs' are small. The U.S.’s plan is ‘done’."
    )
    assert [text[m.start : m.end] for m in find_marked(text)] == ["bugs", "done"]


def test_a_double_prime_after_a_word_closes_a_quote_but_not_after_a_number() -> None:
    text = "Director Ada “Tex″ Moss spoke.\n\nThe “new″ panel is 15″ wide, she said."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["Tex", "new"]


def test_a_double_quote_inside_a_double_quote_does_not_end_it() -> None:
    text = "“I’d rather live in what he calls “hell” than see him win.” ― Ada Ruiz"
    assert [m.text_of(text) for m in find_marked(text)] == [
        "I’d rather live in what he calls “hell” than see him win."
    ]
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ada Ruiz"
    # with no second closing mark the inner one ends the passage; an opening mark after a
    # sentence's end starts a passage of its own, the closing mark before it lost
    text = "“A is done, “B is next,” she said."
    assert [m.text_of(text) for m in find_marked(text)] == ["A is done, “B is next,"]
    text = "“A is done. “B is next,” she said."
    assert [m.text_of(text) for m in find_marked(text)] == ["A is done.", "B is next,"]


def test_a_closing_mark_typed_where_a_quote_opens_opens_it() -> None:
    text = (
        "”Fear. I am afraid the harbour will close.” ― Ada Moss\n\n"
        "Doing so ”seemed an attempt at poisoning the vote,” she said.\n\n"
        "”First part of it.\n\n”Second part,” she said."
    )
    assert [m.text_of(text) for m in find_marked(text)] == [
        "Fear. I am afraid the harbour will close.",
        "seemed an attempt at poisoning the vote,",
        "First part of it.\nSecond part,",
    ]
    # a closing mark after a word or before a space still closes
    text = "The “new” plan, she said, is “done” now."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["new", "done"]


def test_an_opening_mark_typed_where_a_quote_closes_closes_it() -> None:
    text = "“It's unusual,“ said Ada Moss, a harbour lawyer. “It's a hard thing to do.”"
    assert [m.text_of(text) for m in find_marked(text)] == [
        "It's unusual,",
        "It's a hard thing to do.",
    ]
    (quote,) = quotes_of(text)  # one remark in two parts
    assert quote.speaker == "Ada Moss"


def test_marks_quote_running_over_paragraphs() -> None:
    text = "“First part of it.\n\n“Second part,” she said.\n\nNot quoted."
    marked = find_marked(text)
    assert len(marked) == 1
    assert marked[0].closed
    assert marked[0].text_of(text) == "First part of it.\nSecond part,"


def test_marks_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“Nobody closed this one.\n\nA plain paragraph."
    marked = find_marked(text)
    assert len(marked) == 1 and not marked[0].closed
    assert text[marked[0].start : marked[0].end] == "Nobody closed this one."


def test_a_word_or_two_left_open_where_a_text_is_cut_short_is_no_quotation() -> None:
    text = "“We will stay,” the campaign said in a statement. “Sen."
    assert [m.text_of(text) for m in find_marked(text)] == ["We will stay,"]
    q = one(quotes_of(text), "stay")
    assert q.text.rstrip(",") == "We will stay" and q.speaker == "the campaign"
    # three words or more are still what was said, cut short
    text = "“We will stay,” the campaign said. “Senator Moss will"
    assert [m.text_of(text) for m in find_marked(text)][-1] == "Senator Moss will"


# --- direct quotes ----------------------------------------------------------------------------


def test_x_said_after_the_quote_and_surname_grows_to_full_name() -> None:
    text = (
        "Mayor Helen Okafor opened the new bridge on Monday.\n\n"
        "“This bridge joins two halves of our city,” Okafor said."
    )
    q = one(quotes_of(text), "two halves")
    assert q.direct and q.speaker == "Helen Okafor" and q.cue == "said"
    assert text[q.speaker_start : q.speaker_end] == "Okafor"
    assert text[q.cue_start : q.cue_end] == "said" and q.cue_start > text.index("Okafor said")
    assert q.text == "This bridge joins two halves of our city,"


def test_said_x_inverted_with_apposition() -> None:
    text = "“We are proud of the workers,” said Tom Reyes, the city engineer."
    q = one(quotes_of(text), "proud of the workers")
    assert q.speaker == "Tom Reyes"
    assert text[q.speaker_start : q.speaker_end].startswith("Tom Reyes")


def test_x_said_colon_quote() -> None:
    q = one(quotes_of("Reyes said: “The steel came from three countries.”"), "steel")
    assert q.speaker == "Reyes" and q.direct and q.cue == "said"


def test_name_colon_quote() -> None:
    q = one(quotes_of("Okafor: “Traffic will fall by a third.”"), "Traffic")
    assert q.speaker == "Okafor" and q.cue == ":"


def test_a_headlines_name_and_verb_of_speech_before_a_colon_name_the_speaker() -> None:
    # the parse reads "Reyes slams" as a noun phrase and "Okafor" as its apposition
    text = "Reyes slams Okafor: 'He is a disaster' for the port.\n\nThe mayor spoke on Friday."
    assert [q.speaker for q in quotes_of(text) if q.direct] == ["Reyes"]
    text = (
        "Okafor fires back at Reyes: 'Every ship on this coast' is coming through his port.\n\n"
        "The mayor spoke on Friday."
    )
    assert [q.speaker for q in quotes_of(text) if q.direct] == ["Okafor"]
    # a pronoun and its verb name no one
    assert [q.speaker for q in quotes_of("This means: “We will win.”") if q.direct] == []


def test_split_quote_is_one_utterance() -> None:
    text = "“The river rose fast,” Dana Whitfield said. “We had no warning.”\n\nLater news."
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 1
    assert quotes[0].text == "The river rose fast … We had no warning."
    assert quotes[0].speaker == "Dana Whitfield"
    # each part's span, not the attribution between them
    assert [text[a:b] for a, b in quotes[0].spans()] == [
        "The river rose fast,",
        "We had no warning.",
    ]


def test_fragments_one_verb_governs_keep_their_own_spans() -> None:
    text = "The mayor called the plan “a mess” and “a waste of money.”"
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 1
    assert [text[a:b] for a, b in quotes[0].spans()] == ["a mess", "a waste of money."]


def test_pronoun_speaker_resolves_to_last_named_person() -> None:
    text = (
        "Governor Ana Lindqvist visited the flooded town.\n\n"
        "“We will rebuild every house,” she said."
    )
    q = one(quotes_of(text), "rebuild")
    assert q.speaker == "Ana Lindqvist"
    assert text[q.speaker_start : q.speaker_end] == "she"


def test_quote_paragraph_after_colon_intro_spanning_paragraphs() -> None:
    text = (
        "Pilar Montes said in a statement:\n\n"
        "“We opened on time. We stayed on budget.\n\n"
        "“And we kept our promise.”\n\nThe bridge cost $40 million."
    )
    q = one(quotes_of(text), "opened on time")
    assert q.speaker == "Pilar Montes"
    assert "kept our promise" in q.text and "“" not in q.text


def test_speaker_named_in_previous_sentence() -> None:
    text = (
        "“The dam held,” said Ivo Brandt, who runs the water board. "
        "“Without it the valley would be under water.”"
    )
    quotes = [q for q in quotes_of(text) if q.direct]
    assert [q.speaker for q in quotes] == ["Ivo Brandt"]
    assert "valley" in quotes[0].text


def test_a_whole_quote_after_what_one_person_did_is_that_persons() -> None:
    text = (
        "The mayor asked Ada Moss whether the harbour would close. Moss shook her head. "
        "“Not this winter. The boats need it.” The council adjourned. “We will meet again.”"
    )
    quotes = [q for q in quotes_of(text) if q.direct]
    # the person the sentence before tells of; no cue word
    q = one(quotes, "Not this winter")
    assert (q.speaker, q.cue) == ("Ada Moss", None)
    assert text[q.speaker_start : q.speaker_end] == "Moss"
    # the council is no person, and the two quotes are not one utterance
    assert [q.speaker for q in quotes if "meet again" in q.text] in ([], [None])
    # two people in the sentence before: whose words, it does not tell
    text = "Ivo Brandt handed Ada Moss the keys. “They are yours now, all of them.”"
    assert [q.speaker for q in quotes_of(text) if q.direct] in ([], [None])
    # nor does an aside in brackets
    text = (
        "“He was late again,” said Ivo Brandt, a neighbour. (Ada Moss laughed.) "
        "“He sleeps in every single day of the week.”"
    )
    assert [q.speaker for q in quotes_of(text) if "every single day" in q.text] in (
        [],
        [None],
        ["Ivo Brandt"],
    )


def test_a_person_the_speakers_own_phrase_names_leaves_the_next_quote_to_the_speaker() -> None:
    text = (
        "Senator Ada Moss, who criticised former President Ivo Brandt on the Senate floor, on "
        "Thursday said she would back Brandt if he wins the nomination. “There is a lot to "
        "happen between now and then.”"
    )
    q = one(quotes_of(text), "a lot to happen")
    assert (q.speaker, q.cue) == ("Senator Ada Moss", None)
    # named outside what she reports and her own phrase, another person may be the one quoted
    text = (
        "After meeting Senator Carl Benn, Ada Moss said she would stay on. “I have done a fine "
        "job.”"
    )
    assert [q.speaker for q in quotes_of(text) if "fine job" in q.text] in ([], [None])


def test_a_whole_quote_after_a_body_announced_something_is_the_bodys() -> None:
    text = (
        "The Norland Harbour Authority announced on Friday that it had hired Ada Moss and "
        "Harbex to rebuild the pier. “The pier will reopen to ferries and fishing boats by May.”"
    )
    q = one(quotes_of(text), "reopen to ferries")
    assert (q.speaker, q.cue) == ("The Norland Harbour Authority", None)
    # a body that did something else says nothing by it
    text = (
        "The Norland Harbour Authority hired Ada Moss on Friday to rebuild the pier. “The pier "
        "will reopen to ferries and fishing boats by May.”"
    )
    assert one(quotes_of(text), "reopen to ferries").speaker != "The Norland Harbour Authority"


def test_quote_paragraph_after_attributed_quote_paragraph() -> None:
    text = (
        "“Prices will keep rising,” the economist Lena Sato told the committee.\n\n"
        "“Wages will not keep up.”"
    )
    q = one(quotes_of(text), "Wages")
    assert q.speaker == "Lena Sato"


def test_a_person_who_owns_the_speaker_is_not_the_speaker() -> None:
    text = (
        "Ada Moss's lawyer said the case was closed. Keith Lamont Brandt's wife pleads for "
        "his life. The company's chief executive, Tom Reyes, said it would grow."
    )
    found = quotes_of(text)
    assert one(found, "case was closed").speaker == "Ada Moss's lawyer"
    assert one(found, "his life").speaker == "Keith Lamont Brandt's wife"
    assert one(found, "would grow").speaker == "Tom Reyes"


def test_his_answer_before_a_colon_is_the_answer_of_the_one_he_stands_for() -> None:
    text = (
        "Ada Moss spoke to the dock workers on Monday. Her message: “We will rebuild the pier, "
        "and we will do it by May.”"
    )
    assert one(quotes_of(text), "rebuild the pier").speaker == "Ada Moss"
    # with no one named for the pronoun, no one
    text = "Her message: “We will rebuild the pier, and we will do it by May.”"
    assert one(quotes_of(text), "rebuild the pier").speaker is None


def test_x_told_y_quote() -> None:
    text = "Rafael Ortiz told the newspaper: “I never saw the contract.”"
    q = one(quotes_of(text), "contract")
    assert q.speaker == "Rafael Ortiz" and q.cue == "told"


def test_scare_quotes_without_speaker_are_left_out() -> None:
    text = "The design follows the “open span” style that was popular in the 1990s."
    assert quotes_of(text) == []


def test_quoted_phrase_with_a_speaker_stays() -> None:
    text = "Marta Kovac called the ceremony “a costly show” and “a waste of money.”"
    q = one(quotes_of(text), "costly show")
    assert q.speaker == "Marta Kovac"
    assert "waste of money" in q.text  # the two fragments are one quotation


def test_single_curly_quotes_as_quote_marks() -> None:
    text = "‘We will appeal the ruling,’ Jonas Berg said."
    q = one(quotes_of(text), "appeal")
    assert q.speaker == "Jonas Berg" and q.direct


# --- indirect speech --------------------------------------------------------------------------


def test_according_to_x() -> None:
    text = "According to the transport ministry, about 40,000 cars will cross it every day."
    q = one(quotes_of(text), "40,000 cars")
    assert not q.direct and q.cue == "according to"
    assert q.speaker == "the transport ministry"
    assert "According" not in q.text


def test_a_number_of_people_keeps_its_of_phrase() -> None:
    text = "Two of the harbour pilots said the new pier would fail."
    assert one(quotes_of(text), "pier").speaker == "Two of the harbour pilots"


def test_according_to_a_noun_after_a_word_the_parse_made_a_verb() -> None:
    text = (
        "As a ferry boss on the harbour show, Ada Moss repeatedly demeaned her crews with "
        "cruel language, according to show insiders."
    )
    q = one(quotes_of(text), "Ada Moss repeatedly")
    assert q.cue == "according to" and q.speaker == "insiders"


def test_according_to_x_in_mid_sentence_credits_the_clause_it_hangs_on() -> None:
    # the words after the phrase are longer, but they describe the figure, they are not a report
    text = (
        "Toll revenue rose by 12 percent last year, according to the transport ministry, "
        "well above what the consultants had projected for the first three years of operation."
    )
    q = one(quotes_of(text), "Toll revenue")
    assert q.speaker == "the transport ministry" and q.cue == "according to"
    assert q.text == "Toll revenue rose by 12 percent last year"


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("data compiled by the Tarn Road Safety Archive", "the Tarn Road Safety Archive"),
        ("figures released by the health ministry on Monday", "the health ministry"),
        ("the most recent data available from the FBI", "the FBI"),
        ("data compiled over the weekend", "data"),
        ("figures from last year", "figures"),
    ],
)
def test_a_finding_is_credited_to_the_body_that_compiled_it(source: str, speaker: str) -> None:
    text = f"Road deaths rose to 40, according to {source}."
    q = one(quotes_of(text), "Road deaths")
    assert q.speaker == speaker
    # the mention is still the whole phrase
    assert text[q.speaker_start : q.speaker_end] == source


def test_x_told_y_that() -> None:
    text = "Nadia Petrov told reporters that the tolls would be dropped next year."
    q = one(quotes_of(text), "tolls")
    assert not q.direct and q.speaker == "Nadia Petrov" and q.cue == "told"
    assert q.text == "that the tolls would be dropped next year"


@pytest.mark.parametrize("verb", ["warned", "claimed", "added", "denied", "said"])
def test_reporting_verbs_with_clause(verb: str) -> None:
    text = f"The chief engineer {verb} that the repairs could cost more than expected."
    q = one(quotes_of(text), "repairs")
    assert not q.direct and q.speaker == "The chief engineer" and q.cue == verb


def test_said_the_without_that_and_postposed_attribution() -> None:
    text = "The economy will shrink this year, the central bank said on Friday."
    q = one(quotes_of(text), "economy")
    assert q.speaker == "the central bank" and not q.direct
    assert q.text == "The economy will shrink this year"


def test_indirect_quote_with_pronoun_speaker() -> None:
    text = "Senator Joan Avery spoke on Tuesday. She denied the bill was late."
    q = one(quotes_of(text), "bill")
    assert q.speaker == "Joan Avery"
    assert text[q.speaker_start : q.speaker_end] == "She"


def test_partial_quote_inside_reported_speech_is_one_quotation() -> None:
    text = "Karl Weiss argued that the plan was “dead on arrival” in its current form."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert not quotes[0].direct and "dead on arrival" in quotes[0].text


def test_no_quotes_in_plain_narration() -> None:
    assert quotes_of("The bridge opened on Monday. Thousands of cars crossed it.") == []


def test_pronoun_prefers_the_previous_subject_over_an_object() -> None:
    text = "Maria Lopez met Jonas Weber in Berlin on Monday. She said the talks had gone well."
    q = one(quotes_of(text), "talks")
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize(
    "then",
    [
        "The Oregon Democrat said she would step down.",
        "The Oregon Democrat, who denied the claim, said she would step down.",
        "The outspoken Oregon Democrat said she would step down.",
        "The Oregon Democrat spoke on Monday. “I will step down,” she said.",
    ],
)
def test_a_party_member_for_a_state_is_the_lawmaker_just_named(then: str) -> None:
    text = f"Rep. Lena Marsh met Tom Ulrich in Salem on Friday. {then}"
    q = one(quotes_of(text), "step down")
    assert q.speaker == "Lena Marsh"


@pytest.mark.parametrize(
    "then",
    [
        "The Oregon senator said she would step down.",
        "The former Oregon governor said she would step down.",
    ],
)
def test_a_state_officer_is_the_person_just_named(then: str) -> None:
    text = f"Sen. Lena Marsh, Oregon Democrat, met Tom Ulrich in Salem on Friday. {then}"
    assert one(quotes_of(text), "step down").speaker == "Lena Marsh"


def test_a_state_officer_is_the_one_the_article_titled_so() -> None:
    text = (
        "Mayor Tom Ulrich on Tuesday dismissed Oregon Gov. Lena Marsh as an ineffective leader. "
        "Ulrich went after Marsh hours after the Oregon governor said she would back Ivo Brandt."
    )
    assert one(quotes_of(text), "back Ivo Brandt").speaker == "Lena Marsh"


_A_PROGRAM = (
    "The governor's flagship housing effort, Operation Safe Harbor, promised that homes will be "
    "built."
)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The city's largest charity, Hope Harbor, said 300 families had asked for help.",
         "Hope Harbor"),
        (_A_PROGRAM, "Operation Safe Harbor"),
    ],
)  # fmt: skip
def test_a_name_set_off_after_a_describing_noun_names_the_speaker(
    sentence: str, speaker: str
) -> None:
    assert quotes_of(sentence)[0].speaker == speaker


@pytest.mark.parametrize(
    ("then", "speaker"),
    [
        ("The Oregon Democrat's daughter, Ada Marsh, said she was proud.", "Ada Marsh"),
        ("The Oregon Democrat's spokesman said she was proud.", "The Oregon Democrat's spokesman"),
    ],
)
def test_a_person_a_party_member_owns_is_not_the_member(then: str, speaker: str) -> None:
    text = f"Rep. Lena Marsh died on Friday. {then}"
    q = one(quotes_of(text), "proud")
    assert q.speaker == speaker


def test_one_of_a_partys_members_for_a_state_is_no_one_named_before() -> None:
    text = "Rep. Lena Marsh spoke at the dam. “We need a plan,” said a Nevada Democrat."
    q = one(quotes_of(text), "plan")
    assert q.speaker == "a Nevada Democrat"


@pytest.mark.parametrize(
    "kin",
    ["Lind’s son, filmmaker Jordan Vale,", "Jordan Vale, her son,", "her son Jordan Vale"],
)
def test_a_word_of_kin_beside_a_name_gives_its_gender(kin: str) -> None:
    text = (
        f"Ada Lind wrote songs for years. {kin} also remembers it as a trying time. “It was "
        "hard,” he said. “It sounds odd,” Vale said. The actress was not itching to do "
        "something else. “I had been somebody who really liked music,” she said."
    )
    assert one(quotes_of(text), "liked music").speaker == "Ada Lind"


@pytest.mark.parametrize(
    "quote",
    [
        "“Mr. Weber died from a low level of oxygen,” he said.",
        "He said: “Mr. Weber died from a low level of oxygen.”",
    ],
)
def test_a_pronoun_speaker_is_not_the_person_the_quote_speaks_of(quote: str) -> None:
    text = (
        "Dr. Tomas Brandt, a lung specialist, testified on Thursday. Jonas Weber died in May, "
        f"and his death set off protests. {quote}"
    )
    q = one(quotes_of(text), "low level")
    assert q.speaker == "Tomas Brandt"


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("Sunday's Norland Herald reported", "Norland Herald"),
        ("reports this morning's Tarnby Gazette", "Tarnby Gazette"),
        ("according to yesterday's Norland Times", "Norland Times"),
        ("Friday's ruling said", "Friday's ruling"),
    ],
)
def test_the_day_of_a_named_speakers_issue_is_no_part_of_its_name(said: str, speaker: str) -> None:
    text = f"The harbour will reopen in May, {said}."
    q = one(quotes_of(text), "reopen")
    assert q.speaker == speaker


def test_one_quoted_by_an_outlet_is_the_speaker_not_the_outlet() -> None:
    text = (
        "“The storm killed many people in the village,” the governor was quoted by the Tarnby "
        "Post as saying."
    )
    q = one(quotes_of(text), "storm killed")
    assert q.speaker == "the governor"


@pytest.mark.parametrize(
    "text",
    [
        "The Tarnby Post quoted the governor as saying that the storm killed many people.",
        "The storm killed many people, the Tarnby Post quoted the governor as saying.",
        "“The storm killed many people,” the Tarnby Post quoted the governor as saying.",
        "The storm killed many people, the governor was quoted by the Tarnby Post as saying.",
    ],
)
def test_an_outlet_that_quoted_someone_as_saying_passes_on_their_words(text: str) -> None:
    (q,) = quotes_of(text)
    assert "storm killed" in q.text
    assert q.speaker == "the governor"
    assert q.via is not None and q.via.lower() == "the tarnby post"
    assert text[q.via_start : q.via_end].lower() == "the tarnby post"


def test_being_quoted_as_saying_reports_a_clause_without_quote_marks() -> None:
    text = "The storm killed many people in the village, the governor was quoted as saying."
    q = one(quotes_of(text), "storm killed")
    assert q.speaker == "the governor"
    assert not q.direct


@pytest.mark.parametrize(
    ("owner", "speaker"),
    [("Lund's", "Ada Lund"), ("the council's", "the council's statement")],
)
def test_a_named_owners_statement_speaks_for_its_owner(owner: str, speaker: str) -> None:
    text = (
        "The port was closed, according to its director, Ada Lund. “This was a coordinated "
        f"attack on the harbour,” {owner} statement said."
    )
    q = one(quotes_of(text), "coordinated")
    assert q.speaker == speaker
    assert q.speaker_start is not None
    assert text[q.speaker_start : q.speaker_end].endswith("statement")


@pytest.mark.parametrize(
    ("document", "speaker"),
    [
        ("a letter from Lund's lawyer reads", "Lund's lawyer"),
        ("a statement from the Tarn council said", "the Tarn council"),
        ("a tweet from the Norland police department said", "the Norland police department"),
        ("a letter from last week said", "a letter"),
    ],
)
def test_a_document_from_someone_speaks_for_them(document: str, speaker: str) -> None:
    text = f"“This was a coordinated attack on the harbour,” {document}."
    q = one(quotes_of(text), "coordinated")
    assert q.speaker == speaker


@pytest.mark.parametrize("document", ["lawsuit", "petition", "complaint"])
def test_a_court_filing_speaks_for_whoever_filed_it(document: str) -> None:
    text = (
        f"The Tarn Harbour Union filed a {document} against the port authority on Monday. "
        f"The {document} alleges that the port broke its own safety rules."
    )
    q = one(quotes_of(text), "safety rules")
    assert q.speaker == "The Tarn Harbour Union"


@pytest.mark.parametrize(
    "title",
    ["Chief Justice of the Republic of Norland", "Chief Justice of the United States"],
)
def test_a_title_written_as_a_name_before_the_persons_name_is_theirs(title: str) -> None:
    text = f"{title} Maria Lopez said the court would hear the harbour case in May."
    q = one(quotes_of(text), "harbour case")
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize("described", ["An irritated", "A teary-eyed", "A visibly angry"])
def test_a_description_of_a_named_person_is_no_part_of_the_name(described: str) -> None:
    text = (
        f"Maria Lopez met the council on Monday. {described} Lopez then said, “The port will "
        "reopen by May.”"
    )
    q = one(quotes_of(text), "port will reopen")
    assert q.speaker == "Maria Lopez"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Drugmaker Halvorsen said Thursday it will seek approval in May.", "Halvorsen"),
        ("Filmmaker Ada Moss said Thursday she will shoot in May.", "Ada Moss"),
    ],
)
def test_what_a_speaker_is_opening_the_sentence_is_no_part_of_the_name(
    text: str, speaker: str
) -> None:
    assert one(quotes_of(text), "in May").speaker == speaker


def test_a_description_hung_on_the_title_before_a_name_is_no_part_of_the_name() -> None:
    text = (
        "A visibly emotional Judge Brett Kavanaugh abandoned his prepared script and said he "
        "was innocent."
    )
    assert one(quotes_of(text), "he was innocent").speaker == "Judge Brett Kavanaugh"


def test_a_person_confirmed_in_office_is_no_report() -> None:
    text = (
        "No nominee to the court has ever been confirmed by the Senate this close to an "
        "election, with more than 58 million ballots already cast."
    )
    assert quotes_of(text) == []
    assert quotes_of("Ada Moss was confirmed by the Senate on Monday.") == []
    q = one(quotes_of("The deaths were confirmed by the health ministry."), "deaths")
    assert q.speaker == "the health ministry"
    text = "Al-Muteiri was confirmed as one of the passengers by the minister, Sami al-Hamad."
    assert quotes_of(text)


def test_pronoun_finds_the_subject_the_parser_took_for_a_described_name() -> None:
    # the small model reads "named" as a participle describing "President Trump"
    text = (
        "President Trump named Amy Coney Barrett as his nominee for the Supreme Court Saturday "
        "evening with a live, televised reveal from the White House Rose Garden. “Today, it is "
        "my honor to nominate one of our nation’s most gifted legal minds,” he said."
    )
    q = one(quotes_of(text), "my honor")
    assert q.speaker is not None and q.speaker.endswith("Trump")


def test_timestamp_line_is_not_part_of_the_speaker() -> None:
    text = "4:40 p.m.\n\nSenator Lea Hart says she will stay in the race."
    q = one(quotes_of(text), "stay in the race")
    assert q.speaker is not None and "p.m" not in q.speaker
    assert "Lea Hart" in q.speaker


def test_quote_introduced_by_a_clause_ending_in_a_colon() -> None:
    text = "The election board was firm in its ruling: “Further appeals are pointless.”"
    q = one(quotes_of(text), "appeals")
    assert q.speaker is not None and "board" in q.speaker


def test_a_quotes_own_tail_with_a_participle_names_its_speaker() -> None:
    text = (
        "\"Well, yes. I am going to look at a lot of different people,\" Moss said. \"A "
        "mountain man?\" Lind repeated.\n\n\"I am not sure you know the actor is available, "
        "but we will see, right?\" Moss remarked, alluding to the actor's latest turn as a "
        "trapper."
    )
    quotes = quotes_of(text)
    assert one(quotes, "mountain").speaker == "Lind"
    assert one(quotes, "available").speaker == "Moss"
    assert "available" not in one(quotes, "mountain").text


def test_a_relative_clause_the_parse_hung_inside_the_speakers_phrase_is_no_part_of_it() -> None:
    text = (
        "\"It wasn't a convincing argument,\" said one councillor familiar with the discussion, "
        "who added that the harbour board seemed \"rattled\" by the rising opposition."
    )
    speaker = one(quotes_of(text), "convincing").speaker
    assert speaker == "one councillor familiar with the discussion"


def test_it_after_a_writer_wrote_in_a_document_speaks_for_the_writer() -> None:
    text = (
        "Officer Tarik Bujnowski interviewed a reporter for the Harbour Daily, who saw the "
        "incident. \"Moss grabbed her left arm,\" Bujnowski wrote in the affidavit. It "
        "continued: \"Probable cause exists to charge Ada Moss with battery.\""
    )
    assert one(quotes_of(text), "Probable").speaker == "Tarik Bujnowski"
    # ... also with a paragraph break between (the parse makes the break a sentence of its own)
    text = text.replace("affidavit. It", "affidavit.\n\nIt")
    assert one(quotes_of(text), "Probable").speaker == "Tarik Bujnowski"


def test_it_after_someone_put_out_a_statement_speaks_for_whoever_put_it_out() -> None:
    """Not for a body named before the statement ("Twitter"), which "it" would otherwise be; a
    pronoun issuer stays the pronoun when nothing resolves it."""
    text = (
        "Ada Moss posted a notice on Twitter on Monday. Now Varo Shipping has put out another "
        "statement, directly to the harbour board.\n\n"
        "“We have agreed to open the port to all ships,” it says."
    )
    assert one(quotes_of(text), "open the port").speaker == "Varo Shipping"
    text = text.replace("Now Varo Shipping has", "The firm denied it.\n\nNow they have")
    assert one(quotes_of(text), "open the port").speaker == "they"
    # not a statement that someone watches or reads
    text = (
        "Ada Moss posted a notice on Twitter on Monday. The Harbour Watch, which monitors "
        "shipping statements, agreed.\n\n“We have seen no ships,” it says."
    )
    assert one(quotes_of(text), "no ships").speaker == "The Harbour Watch"


def test_an_outlet_before_a_name_the_model_left_untagged_is_no_part_of_the_speaker() -> None:
    text = (
        "Critics are reveling in it. The Norland Republic’s Jeet Heer sees the piece as a "
        "return to the magazine’s founding “aristocratic conservatism,” which has more "
        "recently been “obscured by a populist mask.”"
    )
    assert one(quotes_of(text), "aristocratic").speaker == "Jeet Heer"


def test_an_age_after_a_speakers_name_is_no_part_of_it() -> None:
    """ "“...,” Khizr Khan, 66, said": the parse hung the age on the name as a number of it."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["“", "We", "see", "people", ",", "”", "Tarik", "Moss", ",", "66", ",", "said", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[False, True, True, False, False, True, True, False, True, False, True, False,
                False],
        pos=["PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PUNCT", "NUM",
             "PUNCT", "VERB", "PUNCT"],
        tags=["``", "PRP", "VBP", "NNS", ",", "''", "NNP", "NNP", ",", "CD", ",", "VBD", "."],
        lemmas=["“", "we", "see", "people", ",", "”", "Tarik", "Moss", ",", "66", ",", "say", "."],
        heads=[11, 2, 11, 2, 2, 7, 7, 11, 7, 7, 7, 11, 11],
        deps=["punct", "nsubj", "ccomp", "dobj", "punct", "punct", "compound", "nsubj", "punct",
              "nummod", "punct", "ROOT", "punct"],
        ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O", "O",
              "O"],
    )  # fmt: skip
    assert [q.speaker for q in find_quotes(doc)] == ["Tarik Moss"]


def test_a_projection_or_a_forecast_speaks_for_the_firm_it_is_by() -> None:
    text = (
        "A projection by the consulting firm Tarnby Analytics, prepared for the harbour board, "
        "predicted that ferry fares would \"rise by a third within two years.\" A forecast by "
        "the Tarnby Institute found that traffic would \"double by the end of the decade.\""
    )
    quotes = quotes_of(text)
    assert one(quotes, "third").speaker == "Tarnby Analytics"
    assert one(quotes, "double").speaker == "the Tarnby Institute"


def test_an_analysis_of_data_by_a_firm_speaks_for_the_firm() -> None:
    text = (
        "Forty-three percent of all reported gifts to harbour candidates have come from women, "
        "according to an analysis of Harbour Election Commission data by Crowdpac, a political "
        "crowdfunding website, higher than any election cycle on record."
    )
    assert one(quotes_of(text), "Forty-three").speaker == "Crowdpac"


def test_a_person_whose_clause_ends_in_a_colon_speaks_not_a_things_subject_inside_it() -> None:
    text = (
        "Marta Lindqvist runs a radio show with Tom Harlan. And she is sure that keeping Harlan "
        "in jail will only make his voice louder: \"They are creating a monster, as far as I "
        "am concerned.\""
    )
    assert one(quotes_of(text), "monster").speaker == "Marta Lindqvist"


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # the clause's subject is not the speaker: the statement it credits is someone's
        ("The trouble starts when one reads how the panel scored this statement by Ada Moss:", "Ada Moss"),
        ("The harbour board was blunt in a response from its chair:", "chair"),
        # a speaker's own verb still speaks for her
        ("Ada Moss said in a statement from the harbour board:", "Ada Moss"),
        ("Ada Moss said in a statement from Tarnby:", "Ada Moss"),
    ],
)
def test_a_statement_credited_before_a_colon_is_its_authors(intro: str, speaker: str) -> None:
    text = f"{intro}\n\n“The ferry will not sail again this winter.”\n\nThe board met later."
    q = one(quotes_of(text), "ferry")
    assert q.speaker is not None and speaker in q.speaker


def test_postposed_organisation_with_acronym() -> None:
    text = (
        "The river port shipped nearly 3,000 tonnes of grain, including 400 tonnes of wheat, "
        "Norland's Harbour Control Authority (KMU) said on Monday."
    )
    q = one(quotes_of(text), "3,000 tonnes")
    assert not q.direct and q.cue == "said"
    assert text[q.speaker_start : q.speaker_end] == "Norland's Harbour Control Authority (KMU)"
    assert "Authority" not in q.text


def test_relative_pronoun_speaker_and_trailing_participle() -> None:
    text = (
        "This differs from remarks by the ministry spokeswoman Ilse Brandt, who denied the "
        "reports, calling them “false and overblown.”"
    )
    quotes = quotes_of(text)
    denied = one(quotes, "the reports")
    # the name as written, title included; names.py separates the title
    assert denied.speaker is not None and denied.speaker.endswith("Ilse Brandt")
    assert text[denied.speaker_start : denied.speaker_end] == "who"
    called = one(quotes, "overblown")
    assert called.speaker == denied.speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the relative clause hangs on a noun that describes the subject
        (
            (
                "Ada Moss opens the harbour and is a lawyer, writer and critic who has pledged "
                "to close the old piers."
            ),
            "Ada Moss",
        ),
        # but not on a name the subject describes
        ("The main critic is Ada Moss, who has pledged to close the old piers.", "Ada Moss"),
    ],
)
def test_a_relative_clause_on_a_predicate_noun_speaks_for_the_subject(
    text: str, speaker: str
) -> None:
    assert one(quotes_of(text), "the old piers").speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            (
                "Tomas Berg, a harbour master who has pledged to close the old piers, spoke on "
                "Monday."
            ),
            "Tomas Berg",
        ),
        (
            (
                "Ada Moss, a lawyer and a Democrat who has pledged to close the old piers, spoke "
                "on Monday."
            ),
            "Ada Moss",
        ),
    ],
)
def test_a_relative_clause_on_a_description_set_beside_a_name_speaks_for_the_name(
    text: str, speaker: str
) -> None:
    assert one(quotes_of(text), "the old piers").speaker == speaker


def test_a_relative_clause_on_a_plural_beside_names_does_not_pick_one_of_them() -> None:
    text = (
        "Its biggest backers include Ada Moss and Tomas Berg, wealthy harbour owners who have "
        "pledged to close the old piers."
    )
    assert one(quotes_of(text), "the old piers").speaker not in ("Ada Moss", "Tomas Berg")


def test_a_second_relative_clause_joined_to_the_first_speaks_for_the_same_name() -> None:
    text = (
        "Senator Ada Moss of Lindvik, who last year threatened to shut the harbour, and who has "
        "been hoping to close the old piers, went on the radio."
    )
    assert one(quotes_of(text), "the old piers").speaker == "Senator Ada Moss"


def test_a_relative_clause_joined_to_one_on_another_noun_is_not_that_nouns() -> None:
    # the parse joins "who hoped" to "that closed", a clause on "the plan"
    text = (
        "A mayor who approved the plan that closed the ferry and who hoped to close the old "
        "piers will instead hand her successor a port in debt."
    )
    assert one(quotes_of(text), "the old piers").speaker not in ("the plan", "the ferry")


def test_a_clause_cut_off_before_its_prepositions_object_is_not_reported() -> None:
    # the parse takes "after"'s object for the subject of "wrote", and all before it for
    # what was written
    text = (
        'The Vesna Wire will be sending 225 of their "Harbour Tears" mugs to the Herald for '
        "their staff following much outrage at the news outlet after Editor-in-Chief Ada Moss "
        "guest wrote Thursday's edition of Harbour, their daily newsletter."
    )
    assert [q for q in quotes_of(text) if "225 of their" in q.text] == []


def test_a_person_identified_as_someone_is_that_someone() -> None:
    text = (
        "A person identified as a senior harbour official criticised the mayor on Monday, "
        "saying the piers were unsafe."
    )
    assert one(quotes_of(text), "the piers were unsafe").speaker == "a senior harbour official"


def test_stance_adjective() -> None:
    text = "The union leader Omar Said was supportive of the new wage deal."
    q = one(quotes_of(text), "wage deal")
    assert not q.direct and q.cue == "supportive of"
    assert q.speaker is not None and q.speaker.endswith("Omar Said")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Harbour workers were frustrated that the port authority released only its summary.",
         "Harbour workers"),
        ("Moss was convinced that Lind would lose the harbour vote.", "Moss"),
        ("The dockers were disappointed that the council cut the harbour budget again.",
         "The dockers"),
    ],
)
def test_a_stance_the_parse_made_a_passive_verb_is_held_by_its_subject(
    sentence: str, speaker: str
) -> None:
    q = one(quotes_of(sentence), "that ")
    assert not q.direct and q.speaker is not None and q.speaker.endswith(speaker)


def test_a_passive_stance_with_an_agent_is_not_the_subjects() -> None:
    text = "Mayor Ken Obi was convinced by his aides that the harbour bridge will reopen in May."
    assert all(q.speaker != "Ken Obi" for q in quotes_of(text))


@pytest.mark.parametrize(
    ("sentence", "fragment", "cue"),
    [
        ("Judge Rosa Diaz urged lawmakers to pass the bill.", "to pass the bill", "urged"),
        ("Mayor Ken Obi called for a recount of the ballots.", "a recount", "called"),
        ("Councillor Ida Frey praised the volunteers.", "the volunteers", "praised"),
        ("Senator Eva Lind declined to comment on the audit.", "to comment", "declined"),
    ],
)
def test_stances_reported_by_verbs(sentence: str, fragment: str, cue: str) -> None:
    q = one(quotes_of(sentence), fragment)
    assert not q.direct and q.cue == cue and q.speaker is not None


def test_as_x_reported_clause() -> None:
    text = "As the Daily Ledger reported on Sunday, the ferry contract was never signed."
    q = one(quotes_of(text), "ferry contract")
    assert q.cue == "reported" and q.speaker == "the Daily Ledger"
    assert "reported" not in q.text


def test_name_in_apposition_to_a_role_names_the_speaker() -> None:
    text = (
        "The Norlandian minister of trade, Tomas Vrba, said on Friday that tariffs would rise.\n\n"
        "“We will see,” Vrba said."
    )
    quotes = quotes_of(text)
    assert one(quotes, "tariffs").speaker == "Tomas Vrba"
    assert one(quotes, "We will see").speaker == "Tomas Vrba"


def test_an_organisation_named_through_a_preposition_speaks_by_its_whole_name() -> None:
    text = (
        "The Bank of Norlandia said on Tuesday that inflation would fall next year.\n\n"
        "In 2016, the state's Department of Social Services reported that meth use had doubled.\n\n"
        "A spokesman for the ministry said that the talks would resume."
    )
    quotes = quotes_of(text)
    assert one(quotes, "inflation").speaker == "The Bank of Norlandia"
    assert one(quotes, "meth use").speaker == "the state's Department of Social Services"
    # a role's preposition stays when it says whose role it is (see the test of unnamed sources)
    assert one(quotes, "talks").speaker == "A spokesman for the ministry"


# --- attribution details measured on PolNeAR train ------------------------------------------


def test_marks_doubled_apostrophes_as_double_quotes() -> None:
    text = "''I was too young; I didn't realize,'' he said. ''Now I tell people, 'Love it.'''"
    found = [text[m.start : m.end] for m in find_marked(text)]
    assert found == ["I was too young; I didn't realize,", "Now I tell people, 'Love it.'"]


def test_doubled_apostrophe_quotes_are_attributed() -> None:
    text = (
        "''Revenues are up a little bit,'' said Ben Ekovich, a golf course broker. "
        "''Things are moving in the right direction.''"
    )
    q = one(quotes_of(text), "Revenues are up")
    assert q.direct and q.speaker == "Ben Ekovich"
    # the second quote continues the first utterance
    assert "right direction" in q.text


def test_quote_continues_after_a_long_attribution() -> None:
    text = (
        "“The bank will need to be transformed,” said Lawrence H. Summers, a former Treasury "
        "secretary. “That does not make the bank less important.”"
    )
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Lawrence H. Summers" and "less important" in quotes[0].text


# an adverb or a conjunction before the quote leads on from the sentence before
_LEVY = (
    "“We were not very happy when the levy was first announced,” said Ada Moss, head of policy "
    "at the harbour council. {lead}“the whole council sees that it pays for the new piers.”"
)
# the parser takes the opening marks for the end of the sentence before, or for a sentence of
# their own; the full stop ends the attribution all the same
_RUN_ON = (
    "That ''is the thing that saved us,'' said Carole Taylor, the provincial minister of "
    "finance at the time the tax was introduced. ''If I had said, 'Give us the carbon tax and "
    "trust us,' I knew it would have been a failure.''"
)


@pytest.mark.parametrize(
    ("text", "speaker", "last_words"),
    [
        *(
            (_LEVY.format(lead=lead), "Ada Moss", "new piers")
            for lead in ("Now, ", "But ", "Instead, ")
        ),
        (_RUN_ON, "Carole Taylor", "a failure"),
    ],
)
def test_a_quote_after_its_attribution_s_sentence_continues_the_utterance(
    text: str, speaker: str, last_words: str
) -> None:
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 1, [q.text for q in quotes]
    assert quotes[0].speaker == speaker and last_words in quotes[0].text


def test_a_quoted_heading_after_a_quote_paragraph_is_not_its_continuation() -> None:
    text = (
        "“The coal fields are changing faster than anyone expected,” said Ada Moss, a "
        "lawyer for the miners.\n\n"
        "'All Bets Are Off.'\n\n"
        "The company plans to sell the carbon offsets to power plants in the region."
    )
    quotes = [q for q in quotes_of(text) if q.direct]
    assert [q.text for q in quotes] == [
        "The coal fields are changing faster than anyone expected,"
    ]


def test_third_quote_paragraph_continues_the_utterance() -> None:
    text = (
        "Calabrese told the paper he had received hundreds of emails.\n\n"
        "“I’m in disbelief,” he said. “I wish everyone could read them.”\n\n"
        "“Don’t wait until the election to find somewhere else to live!”\n\n"
        "Calabrese is also honest about the island's problems."
    )
    quotes = [q for q in quotes_of(text) if q.direct]
    assert len(quotes) == 1
    q = quotes[0]
    assert "Don’t wait" in q.text and text[q.speaker_start : q.speaker_end] == "he"


def test_quoted_words_closing_a_report_belong_to_it() -> None:
    text = 'Trump said he believes Afghanistan was "a terrible mistake," although he backs it.'
    quotes = quotes_of(text)
    assert [q.text for q in quotes if q.direct] == []
    assert one(quotes, "a terrible mistake").speaker == "Trump"


def test_report_that_quotes_its_last_words() -> None:
    text = (
        "Ana Lindqvist has revised her proposal several times. She said last month that her "
        "position on the tax has “gotten bigger.”"
    )
    q = one(quotes_of(text), "her position on the tax")
    assert not q.direct and text[q.speaker_start : q.speaker_end] == "She"
    assert q.end > text.index("bigger")


def test_coordinated_verb_shares_a_passive_subject() -> None:
    text = (
        "By the end of the day, Mr. Trump was forced into a rare moment of damage control and "
        "said that his words had been misconstrued."
    )
    q = one(quotes_of(text), "misconstrued")
    assert text[q.speaker_start : q.speaker_end] == "Mr. Trump"


def test_a_verb_coordinated_after_a_comma_is_not_reported_and_shares_its_subject() -> None:
    # The parse makes "watched" the clause that "said" reports.
    text = (
        "The ministry then closely watched the border crossings and, on March 3, said that in "
        "late February, it counted 40 trucks carrying grain to the port."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "The ministry"
    assert q.text.startswith("that in late February") or q.text.startswith("in late February")


def test_participle_after_a_preposition_takes_the_clause_subject() -> None:
    text = "After blasting the Drudge Report for its coverage, Glenn Beck doubled down on Monday."
    q = one(quotes_of(text), "Drudge Report")
    assert q.speaker == "Glenn Beck"


def test_short_quoted_question_with_its_attribution_is_a_quote() -> None:
    text = '"Is that all there is?" Trump said. "We need a new President -- FAST!"'
    q = one(quotes_of(text), "Is that all there is?")
    assert q.direct and q.speaker == "Trump" and "FAST" in q.text


def test_participle_belongs_to_the_main_clause_subject() -> None:
    text = (
        "Jeb Bush also attacked Donald Trump, with whom he clashed at Saturday's debate over "
        "eminent domain, calling him a “loser.”"
    )
    q = one(quotes_of(text), "loser")
    assert text[q.speaker_start : q.speaker_end] == "Jeb Bush"


def test_participle_after_an_inverted_attribution_goes_on_with_its_speaker() -> None:
    text = (
        "The government declined to comment on the report.\n\n"
        "Norland has sent nearly 3,000 engineers to Vesta, including 50 officers and two "
        "generals, said the Vestan Defense Intelligence Directorate, adding that the first "
        "engineers were seen on Tuesday."
    )
    q = one(quotes_of(text), "first engineers")
    assert text[q.speaker_start : q.speaker_end] == "the Vestan Defense Intelligence Directorate"


@pytest.mark.parametrize("name", ["Marco Benetti", "Alberto Zangrillo"])
def test_an_outlets_report_after_an_inverted_attribution_is_the_via(name: str) -> None:
    # the parse hangs the name after "said" on "reported": as its subject for one name, as
    # the subject of an apposition "Business Insider" for the other
    text = (
        "Two top doctors in Italy claim the coronavirus has virtually disappeared in their "
        "country. “The swabs that were performed over the last 10 days showed a viral load in "
        "quantitative terms that was absolutely infinitesimal compared to the ones carried out "
        f"a month or two months ago,” said {name}, who leads a hospital in Milan, Business "
        "Insider reported. “In reality, the virus clinically no longer exists in Italy,” he "
        "added."
    )
    quotes = quotes_of(text)
    swabs = one(quotes, "The swabs")
    assert (swabs.speaker, swabs.cue, swabs.via) == (name, "said", "Business Insider")
    assert not [q for q in quotes if "leads a hospital" in q.text]
    # an outlet tagged an organisation that "reported" is no person a "he" stands for
    assert one(quotes, "In reality").speaker == name


def test_a_report_joined_to_one_with_a_subject_shares_it_before_an_outer_report() -> None:
    # the parse hangs "said" on "is told" and "vowed" on "said": the vow is Moss's, not that
    # of the outlet that was told
    text = (
        "Moss said she is “truly honored and humbled” to earn the support of her colleagues, "
        "and vowed to “save our country” from the “radical Democrat Socialist agenda,” Fox "
        "News is told."
    )
    assert one(quotes_of(text), "save our country").speaker == "Moss"


def test_a_verb_that_reports_only_a_quote_reports_none_past_a_clause_of_its_own() -> None:
    # "began" introduces a quote only in its own clause ("he began: “…”")
    text = (
        "The extraordinary back-and-forth began hours earlier at a rally hosted by a charity, "
        "when Schumer ominously singled out the two judges: “I want to tell you, Gorsuch. You "
        "will pay the price.”"
    )
    assert one(quotes_of(text), "I want to tell you").speaker == "Schumer"
    assert one(quotes_of("Moss began: “We will build it.”"), "We will build").speaker == "Moss"


@pytest.mark.parametrize("credit", ["(CNN) ", "Washington (CNN) "])
def test_a_wires_credit_run_into_the_subject_is_no_part_of_the_speaker(credit: str) -> None:
    text = f"{credit}Israel announced Thursday it was barring the entry of two congresswomen."
    assert one(quotes_of(text), "barring the entry").speaker == "Israel"


def test_words_reported_through_another_source_are_the_speakers_via_it() -> None:
    text = (
        "“There has been a constant drip of declarations. When does it stop?” the judge said, "
        "according to the Post."
    )
    # the judge's words, which reach the reader through the Post
    q = one(quotes_of(text), "When does it stop?")
    assert (q.speaker, q.via) == ("the judge", "the Post")
    assert text[q.speaker_start : q.speaker_end] == "the judge"
    assert text[q.via_start : q.via_end] == "the Post"
    # with no one else named, the words are the Post's
    text = "According to the Post, “the vote is off.”"
    q = one(quotes_of(text), "the vote is off")
    assert (q.speaker, q.via) == ("the Post", None)
    # an "according to" content holding the quote is that quote's report, not a second one
    text = "“I want to run,” Ada Moss replied at the time, according to Brandt’s account."
    assert [(q.text, q.speaker, q.via) for q in quotes_of(text)] == [
        ("I want to run,", "Ada Moss", "Brandt’s account")
    ]
    # reported speech too: the senator's report, which the reader has through the Post
    text = "The senator told aides that the bill was dead, according to the Post."
    assert [(q.text, q.speaker, q.via) for q in quotes_of(text)] == [
        ("that the bill was dead", "The senator", "the Post")
    ]
    # what a poll shows stays the source's
    text = "Polls show that voters prefer the bill, according to the Post."
    assert [(q.speaker, q.via) for q in quotes_of(text)] == [("the Post", None)]
    # what the organisation is, written before its name, is no part of the name
    text = "“The road was closed,” a city spokesperson said, according to affiliate WKVA."
    q = one(quotes_of(text), "The road was closed")
    assert (q.speaker, q.via) == ("a city spokesperson", "WKVA")


def test_quote_inside_a_nested_report_is_credited_to_the_outer_source() -> None:
    text = (
        "Prosecutors say that he told one FBI agent, “I would do it again, all of it, because "
        "nobody was watching the servers.”"
    )
    q = one(quotes_of(text), "nobody was watching")
    assert text[q.speaker_start : q.speaker_end] == "Prosecutors"


def test_speaker_phrase_the_parse_left_without_a_role() -> None:
    text = (
        "On a major issue in their campaign, nearly two-thirds of Democratic primary voters "
        "said that Wall Street does more to hurt the American economy than to help it."
    )
    q = one(quotes_of(text), "Wall Street")
    assert text[q.speaker_start : q.speaker_end] == (
        "nearly two-thirds of Democratic primary voters"
    )


def test_floating_quantifier_is_not_part_of_the_speakers() -> None:
    text = "Jeb Bush and Ted Cruz both said that the plan would fail."
    q = one(quotes_of(text), "the plan would fail")
    assert text[q.speaker_start : q.speaker_end] == "Jeb Bush and Ted Cruz"


def test_long_relative_clause_is_left_out_of_the_mention() -> None:
    text = (
        "Ada Moss, who has run the small gym on Main Street for more than twenty years with "
        "her brother and two cousins, said the rent had doubled since March."
    )
    q = one(quotes_of(text), "the rent had doubled")
    assert text[q.speaker_start : q.speaker_end] == "Ada Moss"


def test_headline_colon_line_keeps_its_quoted_words() -> None:
    text = (
        "Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve As President Of The United "
        "States.’\n\nThe candidate spoke on Sunday."
    )
    q = one(quotes_of(text), "Not Fit To Serve")
    assert not q.direct and q.speaker == "Dr. Ben Carson"


def test_quote_signed_on_the_next_line() -> None:
    text = (
        "Some claims were checked.\n\n"
        '"I will look into it. I don\'t know the status, but I will look into it."\n\n'
        "- Hillary Clinton.\n\nClinton has been looking into it for a long time."
    )
    q = one(quotes_of(text), "I will look into it")
    assert q.speaker == "Hillary Clinton"


def test_quotes_signed_after_the_closing_mark_each_have_their_signer() -> None:
    # a collection of readers' words, one a line, each signed after a horizontal bar (U+2015)
    text = (
        "We asked readers what the closure means to them.\n\n"
        "“The bridge should stay open. It is all we have.” ― Ana Ruiz\n"
        "“They never asked us. Nobody here was asked.”\u00a0―\u00a0Tomas Berg.\n"
        "“We will drive an hour more every day. That is what this costs.” ― Ángel Holt\n\n"
        "The council meets again in June."
    )
    quotes = quotes_of(text)
    assert one(quotes, "bridge should stay open").speaker == "Ana Ruiz"
    assert one(quotes, "never asked us").speaker == "Tomas Berg"
    third = one(quotes, "drive an hour more")
    assert third.speaker == "Ángel Holt" and "bridge" not in third.text
    # a dash in the middle of a line is no signature
    q = one(quotes_of("“Ask the mayor ― she knows,” Ada Moss said."), "Ask the mayor")
    assert q.speaker == "Ada Moss"
    # nor a dash after the mark that no name follows
    text = "A reader wrote in.\n\n“We were never told. Not once in ten years.” ― anonymous\n"
    assert one(quotes_of(text), "never told").speaker != "anonymous"


_PIECES = [
    "He",
    "said",
    "Ada Moss",
    "that",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "''",
    "``",
    ":",
    ",",
    ".",
    "\n\n",
    "according to",
    "the minister",
    "told",
    "reporters",
    "it",
    "was",
    "late",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_mix_of_quote_marks_and_words_is_handled(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for q in quotes_of(text):  # offsets are checked inside quotes_of
        assert q.text.strip()


def test_transcript_lines_name_their_speaker_before_the_colon() -> None:
    text = (
        "Q: What will you build next?\n\nA: We will rebuild the harbor before the winter storms.\n"
    )
    quotes = find_quotes(parse(text))
    assert [(q.text, text[q.speaker_start : q.speaker_end]) for q in quotes] == [
        ("What will you build next", "Q"),
        ("We will rebuild the harbor before the winter storms", "A"),
    ]
    text = "Insiders: The harbor plan will pass in March.\n"
    (q,) = find_quotes(parse(text))
    assert q.text == "The harbor plan will pass in March" and q.speaker == "Insiders"
    # a label that names no one
    assert find_quotes(parse("Update: The coastal road is closed until Friday.\n")) == []


def test_an_interview_s_answers_are_the_interviewee_s_words() -> None:
    text = (
        "Harbour mayor Ada Brenn spoke to the Courier on Monday. Brenn was re-elected in May.\n"
        "Q: What will you do next for the harbour?\n"
        "A: We rebuild the piers first. That takes a year.\n"
        "Then the ferries come back, and I said so to the council.\n"
        "Q: And the cost?\n"
        "A: Nobody knows yet.\n"
    )
    quotes = find_quotes(parse(text))
    by_text = {q.text: q for q in quotes}
    first = by_text[
        "We rebuild the piers first. That takes a year.\n"
        "Then the ferries come back, and I said so to the council"
    ]
    assert first.speaker == "Ada Brenn" and first.direct
    assert text[first.speaker_start : first.speaker_end] == "A"  # the label is the mention
    assert by_text["Nobody knows yet"].speaker == "Ada Brenn"
    assert by_text["What will you do next for the harbour"].speaker == "Q"
    # "A:" lines without questions are no interview
    (q,) = find_quotes(parse("Ada Brenn spoke on Monday.\nA: We rebuild the piers first.\n"))
    assert q.speaker == "A" and not q.direct
    # nor is an explainer whose questions speak to no one: its answers are the outlet's
    explainer = (
        "Ada Brenn, the harbour mayor, faces an inquiry over the pier contract.\n"
        "Q: Did Ada Brenn break the rules?\n"
        "A: The inquiry will decide that by the end of the year.\n"
    )
    answers = [q for q in find_quotes(parse(explainer)) if q.text.startswith("The inquiry")]
    assert answers and all(q.speaker == "A" and not q.direct for q in answers)


def test_a_transcript_set_in_quote_marks_gives_each_line_to_its_speaker() -> None:
    """Each paragraph of the exchange opens with a quote mark and a label in capitals, and
    none closes: a transcript quoted whole, not one speech running over paragraphs."""
    text = (
        "Partial transcript as follows:\n\n"
        '"HARLOW: Will the harbour bridge open on Monday? And who pays for the repairs?\n\n'
        '"SEN. ADA MOSS: It opens on Monday. The port authority pays, as the “Tarn accord” says.\n\n'
        '"(CROSSTALK.)\n\n'
        '"HARLOW: If I may, senator, because we have little time. Will you vote for the levy?\n\n'
        '"SEN. ADA MOSS: I will not vote for the levy this year.'
    )
    assert [text[m.start : m.end] for m in find_marked(text)] == ["Tarn accord", "(CROSSTALK.)"]
    quotes = [q for q in find_quotes(parse(text)) if q.cue == ":"]
    assert [(q.speaker, q.text.split()[0]) for q in quotes] == [
        ("HARLOW", "Will"),
        ("SEN. ADA MOSS", "It"),
        ("HARLOW", "If"),
        ("SEN. ADA MOSS", "I"),
    ]


def test_participle_after_a_relative_clause_about_a_thing_goes_with_the_main_subject() -> None:
    text = (
        "Minister Ada Lund also mentioned Clause 12 of the accord, which describes duties of "
        "mutual defence, stating, “We have never questioned our duty.”"
    )
    q = one(quotes_of(text), "never questioned")
    assert q.speaker is not None and "Ada Lund" in q.speaker
    assert q.speaker_start is not None
    assert text[q.speaker_start : q.speaker_end] == "Minister Ada Lund"


def test_participle_after_a_relative_clause_about_a_person_keeps_the_relative() -> None:
    text = (
        "The senator praised Jo Pike, who describes herself as a moderate, adding, "
        "“She has earned the post.”"
    )
    q = one(quotes_of(text), "earned the post")
    assert q.speaker_start is not None
    assert text[q.speaker_start : q.speaker_end] in ("who", "The senator")


@pytest.mark.parametrize(
    "text",
    [
        (
            "Mayor Ada Lund on Friday warned any protesters who show up outside the hall, "
            "saying “it will be a much different scene this time.”"
        ),
        (
            "Mayor Ada Lund also praised the volunteers for what they post online, saying, "
            "“Some of you are extraordinary.”"
        ),
    ],
)
def test_participle_after_a_relative_clause_that_reports_nothing_is_the_main_subjects(
    text: str,
) -> None:
    """A verb of the report lists with nothing reported ("who show up", "what they post")
    does not make its clause the one a participle after it goes on with."""
    q = one(quotes_of(text), "extraordinary" if "extraordinary" in text else "scene")
    assert q.speaker is not None and "Ada Lund" in q.speaker


def test_speaker_in_apposition_to_an_opening_phrase() -> None:
    # the parse hangs "Reyes, chief of the port authority" on "Moss" and gives the verb no
    # subject
    text = "In a 2015 memo to Moss, Reyes, chief of the port authority, recounted a dispute he had."
    doc = parse(text)
    finder = _Finder(doc)
    verb = next(t for t in doc if t.text == "recounted")
    phrase = finder._phrase_before(verb)
    assert phrase is not None and phrase.text == "Reyes, chief of the port authority"


def test_cue_offsets_of_indirect_speech_and_according_to() -> None:
    text = (
        "The minister told reporters on Monday that the ferry would run again.\n\n"
        "According to the port authority, 300 ships were waiting."
    )
    quotes = quotes_of(text)
    told = one(quotes, "ferry would run")
    assert text[told.cue_start : told.cue_end] == "told"
    according = one(quotes, "300 ships")
    assert text[according.cue_start : according.cue_end] == "According"


@pytest.mark.parametrize(
    ("text", "speaker", "start", "end"),
    [
        (
            (
                "Mayor Ada Brandt told reporters on Monday that the bridge repairs \u201care finished. "
                "And I think we have to keep it that way.\u201d"
            ),
            "Mayor Ada Brandt",
            "that the bridge",
            "that way.\u201d",
        ),
        (
            ('Brandt accuses Moss of buying influence "in a pattern of favours stretching back '
            'decades."'),
            "Brandt",
            "Moss of buying",
            'back decades."',
        ),
    ],
)
def test_a_report_partly_quoted_is_one_content(text, speaker, start, end) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    q = quotes[0]
    assert q.speaker == speaker and not q.direct
    assert text[q.start :].startswith(start) and text[: q.end].endswith(end)


def test_two_things_one_cue_reports_stay_two() -> None:
    text = (
        "Ada Brandt said the budget was balanced, and she said \u201cthe schools will get more.\u201d "
        "Moss said taxes would rise. Later Moss said \u201cwe will see.\u201d"
    )
    assert len(quotes_of(text)) == 4


def test_a_second_report_the_parse_joins_to_the_reported_clause_is_its_own() -> None:
    text = "The union said 300 dockers had walked out and suggested that the port would close."
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue, q.text) for q in quotes] == [
        ("The union", "said", "300 dockers had walked out"),
        ("The union", "suggested", "that the port would close"),
    ]


def test_a_report_set_against_another_ends_where_the_other_begins() -> None:
    text = (
        "Two in three residents said rents in the old town were too high, while one in five "
        "said they planned to move."
    )
    first = quotes_of(text)[0]
    assert first.speaker == "Two in three residents"
    assert first.text == "rents in the old town were too high"


def test_a_report_conceded_against_another_ends_where_the_other_begins() -> None:
    text = (
        "Most sailors said the new pier was a success, though the harbour master said it had "
        "cost too much."
    )
    first, second = quotes_of(text)
    assert first.speaker == "Most sailors" and first.text == "the new pier was a success"
    assert second.speaker == "the harbour master" and second.text == "it had cost too much"


def test_a_relative_clause_that_reports_ends_the_content_and_is_its_own_report() -> None:
    text = "Mr. Okafor defended the ferry contract, which he said would pay for itself within a decade."
    first, second = quotes_of(text)
    assert first.cue == "defended" and first.text == "the ferry contract"
    assert second.cue == "said" and second.text == "would pay for itself within a decade"
    assert second.speaker is not None and "Okafor" in second.speaker
    # the relative pronoun parsed into the reported clause is not part of what was said
    text = "Mr. Okafor criticized the new stadium, which he said the city could not afford."
    first, second = quotes_of(text)
    assert first.text == "the new stadium"
    assert second.text == "the city could not afford"


def test_a_relative_clause_reporting_a_clause_the_parse_took_for_an_open_complement() -> None:
    # "helps" is parsed as the xcomp of "argued", its subject the relative pronoun
    text = (
        "Mr. Okafor praised the new timetable, which he argued helps islanders reach the "
        "mainland hospital."
    )
    first, second = quotes_of(text)
    assert first.cue == "praised" and first.text == "the new timetable"
    assert second.cue == "argued" and second.text == "helps islanders reach the mainland hospital"


def test_a_reporting_participle_after_a_closing_quote_mark_is_a_report_of_its_own() -> None:
    text = (
        "Mr. Okafor insisted that the ferry has “kept the islands alive,” claiming that it "
        "carries more passengers than ever."
    )
    quotes = quotes_of(text)
    assert not any("alive" in q.text and "passengers" in q.text for q in quotes)
    claim = one(quotes, "passengers")
    assert claim.cue == "claiming" and claim.text == "that it carries more passengers than ever"
    assert claim.speaker is not None and "Okafor" in claim.speaker


def test_a_parenthetical_report_ends_the_content_before_it_and_its_participle() -> None:
    text = (
        "She had waited her whole career for the bridge, Okafor explained, recalling the time "
        "the council first promised it to the islands."
    )
    first, second = quotes_of(text)
    assert first.cue == "explained" and first.text == "She had waited her whole career for the bridge"
    assert second.cue == "recalling"
    assert second.text == "the time the council first promised it to the islands"


def test_a_parenthetical_report_keeps_the_opening_clause_the_parse_hung_on_its_verb() -> None:
    text = (
        "If this argument fails to persuade, Mr. Castañeda argues, there are other tools in "
        "the toolbox."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Mr. Castañeda" and quote.cue == "argues"
    assert quote.text.startswith("If this argument fails") and quote.text.endswith("toolbox")


def test_a_contrasted_report_with_any_listed_verb_ends_the_content_wherever_it_hangs() -> None:
    # "warned of" (a verb with a prepositional object) on the "wasting" of the content
    text = (
        "Mr. Okafor accused the council of wasting money on the bridge while engineers warned "
        "of cracks in its pillars."
    )
    first, second = quotes_of(text)
    assert first.cue == "accused" and first.text == "the council of wasting money on the bridge"
    assert second.speaker == "engineers" and second.text == "cracks in its pillars"
    # "blame" (a verb with an object)
    text = "Residents said the ferry should keep running, though they blame the council for the delays."
    first, second = quotes_of(text)
    assert first.text == "the ferry should keep running"
    assert second.cue == "blame" and second.text == "the council for the delays"


def test_a_subject_parsed_as_the_reporting_verbs_object_stays_in_the_content() -> None:
    text = "About four out of 10 voters said life for the next generation would be worse."
    (q,) = quotes_of(text)
    assert q.text == "life for the next generation would be worse"


def test_a_share_of_people_speaks() -> None:
    text = "About three in 10 said they would stay home on polling day."
    (q,) = quotes_of(text)
    assert q.speaker == "About three in 10"
    assert text[q.speaker_start : q.speaker_end] == "About three in 10"


def test_a_heading_line_parsed_as_a_second_subject_is_not_the_speaker() -> None:
    text = (
        "The boats left at dawn.\n\nNorway\n\n"
        "On Monday, Hansen told reporters that he had counted 300 boats in the harbour."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Hansen" and text[q.speaker_start : q.speaker_end] == "Hansen"


def test_quote_marks_around_only_white_space_are_no_quote() -> None:
    assert quotes_of("He '' \n\n '' \u201d said") == []


def test_a_clause_ending_in_a_colon_does_not_make_its_subject_a_speaker_of_plain_text() -> None:
    text = (
        "The incentive to open new accounts was strong: branch workers received bonuses for "
        "every new account. Moss said on Tuesday that the lowest-paid workers earn $12 an hour."
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == ["Moss"]
    assert quotes[0].text.endswith("$12 an hour")
    # a name and a colon still introduce what that person says
    (q,) = quotes_of("Senator Ada Moss: the bill will pass before the summer recess.")
    assert q.speaker == "Senator Ada Moss" or q.speaker == "Ada Moss"


def test_a_heading_before_a_colon_names_no_speaker_after_it() -> None:
    # the parse hangs the product after the colon on the heading's noun, as an apposition
    text = (
        "I use it every day.\n\nNew Price Drop: Vesna Phone Series 3 64GB Smart Phone for "
        "$169.99 (Originally $200)\n\nGet the Vesna Phone Series 3 now."
    )
    assert [q.speaker for q in quotes_of(text) if "$169.99" in q.text] == []
    # ... nor when the model tags the heading's noun a person ("Drop")
    text = (
        "I use them every day.\n\nNew Price Drop: 2019 Vesna Pods 2 Wireless Earphones for "
        "$139 (Originally $159)\n\nGet them now."
    )
    assert [q.speaker for q in quotes_of(text) if "$139" in q.text] == []
    # a common noun before the colon that a name qualifies still speaks
    (q,) = quotes_of("White House aide: the bill will pass before the summer recess.")
    assert q.speaker == "White House aide"


def test_reported_speech_running_into_a_quotation_is_one_report() -> None:
    text = (
        "The Vesna governor said the council and the press are to blame for focusing on "
        "“a tweet here, a post there.” The vote is on Monday."
    )
    (quote,) = quotes_of(text)
    assert quote.text == (
        "the council and the press are to blame for focusing on “a tweet here, a post there.”"
    )
    assert not quote.direct and quote.speaker == "The Vesna governor"


def test_a_report_ending_in_a_quotation_keeps_its_closing_mark() -> None:
    for text, content in [
        (
            (
                "Mayor Ada Moss told reporters that the new harbour wall would “stop the floods.” "
                "Work starts in May."
            ),
            "that the new harbour wall would “stop the floods.”",
        ),
        (
            (
                "The chief engineer told them that the rules “are set. And we have to keep them.” "
                "Then she left."
            ),
            "that the rules “are set. And we have to keep them.”",
        ),
        (  # the plain-text rendering of double marks some archives give
            "The chief engineer told them that the rules ''are set.'' Then she left.",
            "that the rules ''are set.''",
        ),
    ]:
        assert [q.text for q in quotes_of(text)] == [content]


def test_a_parenthetical_attribution_in_a_report_that_quotes_some_words() -> None:
    text = (
        "The new ferry line, the harbour master said, had turned the old quay into "
        "“a building site with boats.” Work on the pier starts in May."
    )
    (quote,) = quotes_of(text)
    assert not quote.direct and quote.cue == "said"
    assert quote.speaker == "the harbour master"
    assert quote.text.startswith("The new ferry line")
    assert quote.text.endswith("“a building site with boats.”")
    # a quotation the attribution interrupts is still a direct quote of its own
    text = "“The new ferry line,” the harbour master said, “has turned the quay into a mess.”"
    quotes = quotes_of(text)
    assert quotes and all(q.direct for q in quotes)


def test_calling_for_someone_to_act_reports_the_for_clause() -> None:
    text = "After the storm, Mayor Ada Moss called for the harbour master to resign."
    (quote,) = quotes_of(text)
    assert quote.text == "the harbour master to resign"
    assert quote.speaker == "Mayor Ada Moss" and quote.cue == "called"
    # a "for" clause of purpose on a verb that reports nothing is no report
    assert quotes_of("The ferry waited for the harbour master to arrive.") == []


def test_a_second_report_between_the_parts_of_a_joined_quote_is_kept() -> None:
    text = (
        "“We will keep the ferry running all winter,” the mayor said, adding that the port "
        "would stay open. “Nobody will be left stranded on the island.”"
    )
    quotes = quotes_of(text)
    assert len(quotes) == 2
    joined = one(quotes, "ferry running")
    assert joined.direct and "Nobody will be left" in joined.text
    added = one(quotes, "port would stay open")
    assert not added.direct and added.cue == "adding" and added.speaker == "the mayor"
    assert added.text == "that the port would stay open"
    # what the quote's own verb governs between the parts ("as ...") is no second report
    text = (
        "“The old harbour will live on,” Spencer said, as a few sailors rowed past the gym. "
        "“His stories will live on here.”"
    )
    (quote,) = quotes_of(text)
    assert quote.direct and quote.speaker == "Spencer"


def test_a_report_in_a_relative_clause_on_the_speaker_between_the_parts_is_kept() -> None:
    text = (
        "“I have never sailed before, but I am going to sail this summer,” said Mara "
        "Lindqvist, 31, from Tromsø, who said the harbour board had ignored small boat owners. "
        "“It is supposed to be for everyone.”"
    )
    quotes = quotes_of(text)
    assert len(quotes) == 2
    joined = one(quotes, "never sailed")
    assert joined.direct and "supposed to be for everyone" in joined.text
    said = one(quotes, "harbour board")
    assert not said.direct and said.speaker == "Mara Lindqvist"
    assert said.text == "the harbour board had ignored small boat owners"
    # also the second of two joined clauses, on a description beside the name
    text = (
        "“We were out at dawn,” said Ada Moss, a harbour pilot who lost her boat in the storm "
        "but who said the board had ignored small boat owners. “Nobody came.”"
    )
    said = one(quotes_of(text), "small boat owners")
    assert not said.direct and said.speaker == "Ada Moss"


def test_a_stance_verb_taking_a_pronoun_for_what_was_proposed() -> None:
    text = "The council proposed a ferry tax in May. Harbour owners opposed it at once."
    quote = one(quotes_of(text), "it")
    assert quote.text == "it" and quote.cue == "opposed" and quote.speaker == "Harbour owners"
    # an object that names nothing said is still no content
    assert quotes_of("The mayor praised something in the harbour.") == []


def test_a_learned_cue_taking_a_pronoun_for_what_was_proposed() -> None:
    text = "The council proposed a ferry tax in May. The harbour union supported it."
    quote = one(quotes_of(text), "it")
    assert quote.text == "it" and quote.speaker == "The harbour union"
    assert quote.cue is not None and "supported" in quote.cue


def test_a_reporting_participle_after_the_reported_clause_is_a_report_of_its_own() -> None:
    text = (
        "The senator has said that the mayor and her allies are unfairly maligning his record, "
        "pointing to his high rating from the sailors' union."
    )
    quotes = quotes_of(text)
    said = one(quotes, "maligning")
    assert said.text == "that the mayor and her allies are unfairly maligning his record"
    pointing = one(quotes, "rating")
    assert pointing.speaker == "The senator" and pointing.cue is not None
    assert pointing.text == "his high rating from the sailors' union"
    # a participle of thought belongs to the reported clause
    text = "The senator said that voters stayed home, believing that the vote was already won."
    (quote,) = quotes_of(text)
    assert quote.text.endswith("already won")


def test_a_place_tagged_as_a_verb_does_not_hide_the_speaker_or_join_the_quote() -> None:
    """The tagger takes "Tulsa" for a verb here, and the parse hangs the quotation on it; the
    speaker is still the title and name before "said", without the quotation."""
    text = (
        "The county opened an inquiry into the crash.\n“We will find out what happened on that "
        "road,” Tulsa police Chief Ann Lee said Monday."
    )
    doc = parse(text)
    assert any(t.text == "Tulsa" and t.pos_ == "VERB" for t in doc)  # the premise
    (quote,) = find_quotes(doc)
    assert quote.speaker == "Tulsa police Chief Ann Lee"
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == "Tulsa police Chief Ann Lee"


def test_a_name_with_a_word_tagged_as_a_verb_is_still_the_phrase_before_said() -> None:
    """A parse that leaves "said" without a subject and tags "Tulsa" a verb (as the model does
    after some sentences): the phrase before the verb is the speaker all the same."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["“", "We", "will", "get", "answers", ",", "”", "Tulsa", "police", "Chief", "Ann",
             "Lee", "said", "Monday", "."]  # fmt: skip
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[False, True, True, True, False, False, True, True, True, True, True, True, True,
                False, False],
        pos=["PUNCT", "PRON", "AUX", "VERB", "NOUN", "PUNCT", "PUNCT", "VERB", "NOUN", "PROPN",
             "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        tags=["``", "PRP", "MD", "VB", "NNS", ",", "''", "VB", "NN", "NNP", "NNP", "NNP", "VBD",
              "NNP", "."],
        lemmas=[w.lower() for w in words[:12]] + ["say", "monday", "."],
        heads=[3, 3, 3, 3, 3, 3, 3, 3, 9, 7, 11, 9, 3, 12, 3],
        deps=["punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct", "dep", "compound",
              "dobj", "compound", "appos", "conj", "npadvmod", "punct"],
        ents=["O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O",
              "B-DATE", "O"],
    )  # fmt: skip
    (quote,) = find_quotes(doc)
    assert quote.speaker == "Tulsa police Chief Ann Lee"


def test_a_surname_the_model_tagged_a_verb_is_still_a_subject_a_pronoun_can_follow() -> None:
    """ "“…,” Trump shot back" with "Trump" untagged and read as a verb: a surname the
    document tags a person elsewhere is a person wherever it is a subject."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp
    from storyfuse.extract.people import People

    words = ["Ada", "Frost", "left", ".", "Frost", "slept", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "VERB", "VERB", "PUNCT"],
        tags=["NNP", "NNP", "VBD", ".", "VB", "VBD", "."],
        heads=[1, 2, 2, 2, 5, 5, 5],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"],
    )
    people = People.of(doc)
    assert [(p.name, p.subject, p.main) for p in people.persons] == [
        ("Ada Frost", True, True), ("Frost", True, True)
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (("OSLO: More than 40 ships were waiting to berth on Tuesday as dock workers walked "
         "off the job. The strike will last two days, the union said."), "the union"),
        (("NEW DELHI: Their dream shattered, nearly 150 people returned home on Wednesday. The "
         "aircraft landed at 6am, an airport official said."), "an airport official"),
    ],
)
def test_a_place_in_capitals_opening_the_article_before_a_colon_is_its_dateline(
    text: str, speaker: str
) -> None:
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_a_named_speakers_workplace_after_a_subjectless_verb_is_no_part_of_the_name() -> None:
    """ "..., researcher Allan Liska at cybersecurity firm Recorded Future said", the parse
    leaving "said" without a subject: the phrase before the verb speaks, up to the name."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["The", "offer", "failed", "us", ",", "researcher", "Ada", "Lind", "at", "security",
             "firm", "Norland", "Data", "said", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[True, True, True, False, True, True, True, True, True, True, True, True, True,
                False, False],
        pos=["DET", "NOUN", "VERB", "PRON", "PUNCT", "NOUN", "PROPN", "PROPN", "ADP", "NOUN",
             "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "PRP", ",", "NN", "NNP", "NNP", "IN", "NN", "NN", "NNP", "NNP",
              "VBD", "."],
        lemmas=["the", "offer", "fail", "we", ",", "researcher", "Ada", "Lind", "at", "security",
                "firm", "Norland", "Data", "say", "."],
        heads=[1, 2, 13, 2, 13, 7, 7, 2, 2, 10, 12, 12, 8, 13, 13],
        deps=["det", "nsubj", "ccomp", "dobj", "punct", "compound", "compound", "npadvmod",
              "prep", "compound", "compound", "compound", "pobj", "ROOT", "punct"],
        ents=["O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-ORG",
              "I-ORG", "O", "O"],
    )  # fmt: skip
    assert [q.speaker for q in find_quotes(doc)] == ["researcher Ada Lind"]


def test_a_name_the_parse_set_apart_from_its_role_speaks() -> None:
    """ "..., the deputy chief of criminal investigations for Indianapolis police Craig McCartt
    said": the parse made the role and the name two subjects of "said"; the name speaks."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["“", "The", "ferry", "was", "late", ",", "”", "the", "deputy", "chief", "of",
             "operations", "for", "Norland", "police", "Tomas", "Varga", "said", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[False, True, True, True, False, False, True, True, True, True, True, True, True,
                True, True, True, True, False, False],
        pos=["PUNCT", "DET", "NOUN", "AUX", "ADJ", "PUNCT", "PUNCT", "DET", "ADJ", "NOUN", "ADP",
             "NOUN", "ADP", "PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
        tags=["``", "DT", "NN", "VBD", "JJ", ",", "''", "DT", "JJ", "NN", "IN", "NNS", "IN",
              "NNP", "NN", "NNP", "NNP", "VBD", "."],
        lemmas=[w.lower() for w in words[:3]] + ["be"] + [w.lower() for w in words[4:17]]
        + ["say", "."],
        heads=[3, 2, 3, 17, 3, 3, 3, 9, 9, 17, 9, 10, 11, 16, 16, 16, 17, 17, 17],
        deps=["punct", "det", "nsubj", "ccomp", "acomp", "punct", "punct", "det", "amod",
              "nsubj", "prep", "pobj", "prep", "compound", "compound", "compound", "nsubj",
              "ROOT", "punct"],
        ents=["O"] * 13 + ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O"],
    )  # fmt: skip
    (quote,) = find_quotes(doc)
    assert quote.speaker is not None and quote.speaker.endswith("Tomas Varga")


def test_a_whole_utterance_after_a_sentence_of_an_untagged_surname_is_that_persons() -> None:
    """ "Trump invited reporters into the Oval Office ... “Three months ago, ...”": the model
    tags the surname nowhere in that sentence (a noun to the tagger), a person elsewhere."""
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["Ada", "Moss", "spoke", ".", "Moss", "waved", ".", "“", "We", "won", ".", "”"]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[True, True, False, True, True, False, True, False, True, False, False, False],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB",
             "PUNCT", "PUNCT"],
        tags=["NNP", "NNP", "VBD", ".", "NN", "VBD", ".", "``", "PRP", "VBD", ".", "''"],
        lemmas=["Ada", "Moss", "speak", ".", "moss", "wave", ".", "“", "we", "win", ".", "”"],
        heads=[1, 2, 2, 2, 5, 5, 5, 9, 9, 9, 9, 9],
        deps=["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj",
              "ROOT", "punct", "punct"],
        sent_starts=[True, False, False, False, True, False, False, True, False, False, False,
                     False],
        ents=["B-PERSON", "I-PERSON"] + ["O"] * 10,
    )  # fmt: skip
    (quote,) = find_quotes(doc)
    assert quote.text == "We won." and quote.speaker == "Ada Moss"


def test_people_named_together_speak_together() -> None:
    text = "Maria Holm and Tomas Varga told reporters the harbour would reopen."
    (quote,) = find_quotes(parse(text))
    assert quote.speaker == "Maria Holm and Tomas Varga"


def test_they_after_people_named_together_is_those_people() -> None:
    (quote,) = find_quotes(
        parse("Ada Moss and Tomas Varga met on Monday. “We will not stop,” they said.")
    )
    assert quote.speaker == "Ada Moss and Tomas Varga"
    # not officials, a group, nor people a sentence about something else came between
    for text in (
        "Harbour officials met on Monday. “We will not stop,” they said.",
        "Ada Moss and Tomas Varga met on Monday. The port was shut. “We will stay,” they said.",
    ):
        (quote,) = find_quotes(parse(text))
        assert quote.speaker == "they", text


def test_a_quoted_word_before_the_name_stays_in_the_speaker() -> None:
    text = "“We never planned a sequel,” the “Harbour Lights” actor told reporters on Friday."
    speakers = {q.speaker for q in find_quotes(parse(text))}
    assert any(s is not None and "Harbour Lights" in s for s in speakers), speakers


def test_a_pronoun_after_a_quotation_of_several_sentences_reads_from_where_it_opened() -> None:
    """"she" closes three quoted sentences; the narrative left off at the sentence before
    them, whose subject she is (not the person that sentence names last)."""
    text = (
        "Mayor Ana Ruiz criticized harbour master Tom Vale for closing the pier.\n“How long must "
        "the town wait? The pier has been shut for a year. This is simply unacceptable,” she said."
    )
    quote = next(q for q in find_quotes(parse(text)) if q.text.startswith("How long"))
    assert quote.speaker == "Ana Ruiz"


_BILL_VOTE = "Rep. Ann Lee (D-Ore.) voted against the harbour bill on Tuesday.\n"
_BILL_PASSED = "The harbour bill passed on Tuesday over the objections of Rep. Tom Vale (R-Ore.).\n"


@pytest.mark.parametrize(
    "text, speaker",
    [
        (_BILL_VOTE + "“It cuts too much from the schools,” she said.", "Ann Lee"),
        (_BILL_PASSED + "“It cuts too much from the schools,” he said.", "Tom Vale"),
    ],
)
def test_a_lawmakers_party_and_state_is_not_a_person(text: str, speaker: str) -> None:
    quote = next(q for q in find_quotes(parse(text)) if q.text.startswith("It cuts"))
    assert quote.speaker == speaker


def test_a_possessive_speaker_is_the_person_it_stands_for() -> None:
    text = "Senator Tom Vale spoke on Monday. His opposition to the new pier is well known."
    (quote,) = find_quotes(parse(text))
    assert quote.text == "the new pier"
    assert quote.speaker == "Tom Vale"  # not "His"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The former secretary of state said the treaty was a mistake.", "The former secretary of state"),
        ("Friends of Ana Ruiz said she would run again.", "Friends of Ana Ruiz"),
        ("Early results of the exit poll showed that most voters wanted change.",
         "Early results of the exit poll"),
        # a list of names in the "of" phrase, whole
        ("The leaders of Norland, Tarn and Vesna said the port would stay closed.",
         "The leaders of Norland, Tarn and Vesna"),
    ],
)  # fmt: skip
def test_a_role_keeps_the_of_phrase_that_completes_it(text: str, speaker: str) -> None:
    """"The former secretary", "Friends", "Early results" alone say little of who spoke; the
    friends of a person are not that person."""
    (quote,) = find_quotes(parse(text))
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("The bank will cut 2,000 jobs, a person with knowledge of the matter said.",
         "a person with knowledge of the matter"),
        ("Two people briefed on the plan said it would be announced on Monday.",
         "Two people briefed on the plan"),
        ("“The talks will resume,” a spokesman for the finance ministry said.",
         "a spokesman for the finance ministry"),
        # a person's name is left out: the brief's names would take the phrase for that person
        ("A spokesman for Ada Moss said she was resting.", "A spokesman"),
        # where it was said, or when, is no part of who said it
        ("Lawyers for the family in a court filing said the video was cut.",
         "Lawyers for the family"),
        ("Officials on Monday said the port would close.", "Officials"),
    ],
)  # fmt: skip
def test_an_unnamed_source_keeps_the_phrase_that_says_which(text: str, speaker: str) -> None:
    """"a person", "a spokesman" alone say nothing of who spoke; the phrase after them does."""
    (quote,) = find_quotes(parse(text))
    assert quote.speaker == speaker


# Who a "he" or "she" before a direct quotation is.
PRONOUN_SPEAKERS = [
    pytest.param(
        "Ada Brenn met Tomas Varga at the harbour on Monday. Mr. Varga praised the plan.\n"
        "“We will build it this year,” she said.\n",
        "Ada Brenn",
        id="a man the article titles Mr. is not a she",
    ),
    pytest.param(
        "Maria Lund wrote the harbour book. Mrs. Lund died in May. Her son John Lund spoke on "
        "Monday.\n“The book was her life,” he said.\n",
        "John Lund",
        id="a surname two people share says nothing of either",
    ),
    pytest.param(
        "Ada Brenn met reporters on Monday. Tomas Varga said he would vote for the plan.\n"
        "Tomas Varga spoke next.\n“We will build it this year,” she said.\n",
        "Ada Brenn",
        id="reported speech makes Varga a man, though he was the last subject",
    ),
    pytest.param(
        "Ada Brenn met reporters on Monday. The plan passed.\n"
        "Tomas Varga spoke next.\n“We will build it this year,” she said.\n",
        "Ada Brenn",
        id="a first name makes Varga a man",
    ),
    pytest.param(
        "Ada Brenn met reporters on Monday. The plan passed.\n"
        "Pat Varga spoke next.\n“We will build it this year,” she said.\n",
        "Pat Varga",
        id="without either the last subject is taken",
    ),
    pytest.param(
        "Tomas Varga told reporters on Monday that Ola Vik had signed the harbour deal.\n"
        "“It is a good day for the town,” he said.\n",
        "Tomas Varga",
        id="the sentence's own subject before the subject of what it reports",
    ),
    pytest.param(
        "Tomas Varga met reporters on Monday. Ola Vik signed the harbour deal.\n"
        "“It is a good day for the town,” he said.\n",
        "Ola Vik",
        id="with no reported clause the last subject",
    ),
    pytest.param(
        "Tomas Varga spoke at the harbour on Monday. He was angry. He said Ola Vik had let the "
        "town down.\n“We will not wait for the board,” he added.\n",
        "Tomas Varga",
        id="a pronoun subject carries a person out of reach on",
    ),
    pytest.param(
        "Tomas Varga spoke at the harbour on Monday. He said Ola Vik had let the town down.\n"
        "“We were patient. We asked twice. Nobody came.”\n"
        "“We will not wait for the board,” he added.\n",
        "Tomas Varga",
        id="sentences wholly inside quote marks do not move that pronoun out of reach",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_SPEAKERS)
def test_who_a_pronoun_speaker_is(text: str, speaker: str) -> None:
    said = [q for q in find_quotes(parse(text)) if q.direct]
    assert said[-1].speaker == speaker  # the last quotation's, the one the pronoun attributes


def test_a_quoted_name_after_a_naming_participle_is_no_quote() -> None:
    text = (
        'Her book, titled "Notes on the Harbour of Tarnby," is about moving past an '
        '"era of quiet failure," according to its publisher.'
    )
    assert not [q for q in quotes_of(text) if q.text.startswith("Notes on the Harbour")]
    # what someone called something is theirs
    (quote,) = quotes_of('Mayor Ada Moss passed what she called the "saddest day of the year."')
    assert quote.text == "saddest day of the year."


def test_a_person_titled_after_the_body_the_parse_made_the_subject_is_the_speaker() -> None:
    # the parse makes "Board" the subject and Tove Lindqvist the object of "on"
    text = (
        "“The bridge will stay shut until the inspectors are done,” Norland Harbour Safety "
        "Board on Bridges Chairwoman Tove Lindqvist said."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Tove Lindqvist"
    # ... but an aide to a titled person is the aide
    text = "“We are not done,” a top aide to President Ada Moss said on Monday."
    (quote,) = quotes_of(text)
    assert quote.speaker != "Ada Moss"


def test_a_body_named_after_a_person_speaks_for_itself() -> None:
    text = (
        "Ada Moss toured the port on Monday. The Moss campaign said on Tuesday that the "
        "port would reopen by May."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker is not None
    assert quote.speaker.lower().endswith("moss campaign")


def test_a_body_named_by_its_kind_speaks_for_the_body_named_before() -> None:
    # "the group": the body that was the subject, not the station it told something
    text = (
        "The Tarnby Harbour Trust did not want to comment, telling Norland Radio that the "
        "trust is focused on the port. “We are looking ahead,” the group said."
    )
    assert one(quotes_of(text), "looking ahead").speaker == "The Tarnby Harbour Trust"
    # "the union": the body whose name ends in that word, however near another body is
    text = (
        "The Norland Dockers Union called the strike. Harbour Logistics said it would talk. "
        "“We will not go back before May,” the union said."
    )
    assert one(quotes_of(text), "go back").speaker == "The Norland Dockers Union"
    # "the outlet": the news outlet that reported it
    text = (
        "Harbour Radio reported on Monday that the mayor had resigned. “She left on Friday,” "
        "the outlet said."
    )
    assert one(quotes_of(text), "left on Friday").speaker == "Harbour Radio"
    # a company with what it does and where it is: the company named before
    text = (
        "Brisco Freight Inc. reported a drop in profit on Monday. “We will have to tighten our "
        "belts,” the Menlo Park, Calif., freight company said."
    )
    assert one(quotes_of(text), "tighten").speaker == "Brisco Freight Inc."
    # two paragraphs on, the one body the article has named, which was a source (of two, none)
    second = " Its rival, Tarnby Bank, said it had not."
    for rival, speaker in (("", "Norland Telecom"), (second, "the company")):
        text = (
            f"Norland Telecom said on Monday that it had fixed the fault in its software.{rival}"
            "\n\nThe repair, which took a week, ended a gap that had left two thousand "
            "computers idle.\n\n“We have fixed the fault for all of our customers,” the "
            "company said."
        )
        assert one(quotes_of(text), "for all of our").speaker == speaker
    # with no body a source before, the one that owns a subject; not past one that is
    text = "Norland Telecom’s new router was nearly twice as fast, the company said Monday."
    assert quotes_of(text)[0].speaker == "Norland Telecom"
    text = (
        "Harbour Radio reported on Monday that Norland Telecom’s router was slow. “It drops "
        "every call made after dark,” the outlet said."
    )
    assert one(quotes_of(text), "drops every call").speaker == "Harbour Radio"
    # ... or by what it is a giant of
    text = (
        "Norland Telecom fixed the fault on Monday. “We have fixed the fault for all of our "
        "customers,” the software giant said."
    )
    assert one(quotes_of(text), "for all of our").speaker == "Norland Telecom"
    # the parse may hang where the body said it on its noun
    text = (
        "Norland Telecom fixed the fault on Monday. “We have fixed the fault for all of our "
        "customers,” said the company in a statement."
    )
    assert one(quotes_of(text), "for all of our").speaker == "Norland Telecom"
    # a kind with other words to it is no body named before
    text = (
        "The Norland Dockers Union called the strike. “We will not go back before May,” a "
        "group of dockers said."
    )
    speaker = one(quotes_of(text), "go back").speaker
    assert speaker is not None and "Union" not in speaker
    # a body whose name says it is another kind is not the one named by its kind
    text = (
        "The Tarnby Harbour Committee criticised the Port Authority of Norland over its "
        "inspections. “We found no fault in the cranes,” the agency said."
    )
    assert one(quotes_of(text), "no fault").speaker == "the agency"
    # who released a finding is a source, and a survey's date hung on its author's noun
    text = (
        "Ada Moss and Ivo Brandt are locked in a tight race in Tarnia, a new poll has found. The "
        "poll, released on Wednesday night by the Harbor Policy Institute, showed Moss leading "
        "Brandt, 46 percent to 44 percent. A survey by the organization in March found Moss "
        "with a lead of 48 percent to 41 percent over Brandt."
    )
    assert one(quotes_of(text), "48 percent").speaker == "the Harbor Policy Institute"


def test_a_document_speaks_for_whoever_issued_it() -> None:
    text = (
        "“There will be an orderly handover of the harbour on Friday,” according to a statement "
        "attributed to Ada Moss and released by the harbour board."
    )
    assert one(quotes_of(text), "orderly handover").speaker == "Ada Moss"
    text = (
        "The Tarnby Museum issued a statement on Monday. “We welcome the refugees and will "
        "open our doors to them,” the statement said."
    )
    assert one(quotes_of(text), "welcome").speaker == "The Tarnby Museum"
    text = (
        "Norland Oil said in its letter that the report was unfair. “The reporters ignored "
        "our figures on the spill,” the letter said."
    )
    assert one(quotes_of(text), "ignored").speaker == "Norland Oil"
    # the subject that said something in the statement
    text = (
        "Two dockers were hurt at the port, the Tarnby Harbour Trust said in a statement on "
        "Monday. “The cause of the fall is under investigation,” the statement said."
    )
    assert one(quotes_of(text), "under investigation").speaker == "the Tarnby Harbour Trust"
    # a document no one is said to have issued speaks for itself
    text = (
        "A statement was posted online on Monday. “We welcome the refugees and will open "
        "our doors to them,” the statement said."
    )
    assert one(quotes_of(text), "welcome").speaker == "the statement"


def test_a_long_sentence_that_only_says_who_spoke_attributes_the_quote_before() -> None:
    text = (
        "“Why should we wait for the board?” Ada Moss, the director of the Tarnby port "
        "authority, said at a Monday meeting in Saltmere."
    )
    assert one(quotes_of(text), "Why should").speaker == "Ada Moss"
    # a sentence reporting something else of a person speaks for no quote before it
    text = (
        "“Why should we wait for the board?” Ada Moss endorsed and has campaigned for the "
        "harbour plan at a Monday meeting in Saltmere."
    )
    assert one(quotes_of(text), "Why should").speaker != "Ada Moss"


def test_a_clause_joined_to_a_reported_one_is_reported_by_the_same_speaker() -> None:
    text = (
        'Ada Moss said this was a "fatal miscalculation" and that Tom Lund has learned his '
        'lesson: "They are fortified for a longer fight if they need to be in one."'
    )
    assert one(quotes_of(text), "fortified").speaker == "Ada Moss"
    text = (
        "Ada Moss said on Sunday that she is glad the ferry is running and looks forward to "
        "“seeing it back on the water all summer long.”"
    )
    assert one(quotes_of(text), "all summer").speaker == "Ada Moss"


def test_a_person_a_room_is_named_after_is_no_one_a_pronoun_stands_for() -> None:
    text = (
        "Speaking to reporters in the harbour office Tom Ward Lund briefing room on Sunday, the "
        "mayor framed the vote as a moment when the town needed to come together. He called on "
        'residents not to "give into fear or turn against each other."'
    )
    assert one(quotes_of(text), "give into fear").speaker != "Tom Ward Lund"


def test_a_person_a_thing_does_something_to_before_a_colon_speaks() -> None:
    text = (
        "The timing of the surge does not surprise harbour pollster Tom Lund: “Historically, "
        "lesser-known candidates beating establishment candidates in early contests have seen "
        "the biggest boost.”"
    )
    assert one(quotes_of(text), "Historically").speaker.endswith("pollster Tom Lund")


def test_a_towns_state_parsed_as_a_second_subject_does_not_speak() -> None:
    text = (
        "Tuesday at Lakeview University in Berea, OH, after winning Ohio in the Republican "
        "primary, Gov.\u00a0Tom Lund (R-OH), said, “I’m getting ready to rent a covered wagon.”"
    )
    assert one(quotes_of(text), "covered wagon").speaker.endswith("Tom Lund")


def test_a_clause_joined_by_and_is_no_report_of_the_clause_before() -> None:
    text = (
        "The seven ferry workers from Norland have lived in this harbour town for three months, "
        "and though they speak barely a word of English, their smiles said a lot."
    )
    assert all("have lived" not in q.text for q in quotes_of(text))


def test_a_person_named_right_before_a_verb_of_saying_without_a_subject_speaks() -> None:
    text = (
        "Tom Lund reminds me of Abraham Lincoln saying that \"You can fool some of the people all "
        "of the time, and all of the people some of the time, but you can't fool all of the "
        'people all of the time."'
    )
    assert one(quotes_of(text), "fool some").speaker == "Abraham Lincoln"
    text = (
        "Last month, she released a web ad compiling some of Lund's most inflammatory "
        "statements, followed by a clip of Ben Roe saying he will support the harbour plan."
    )
    assert one(quotes_of(text), "harbour plan").speaker == "Ben Roe"


def test_there_is_no_one_who_speaks() -> None:
    text = (
        "In contrast, Lund said, there seem to be more dockers \"who think, rightly or wrongly, "
        "that the new port is going to fail, so they stay as far away as possible.\""
    )
    assert one(quotes_of(text), "rightly or wrongly").speaker == "Lund"


def test_a_paragraph_announcing_a_question_gives_the_next_paragraphs_quote() -> None:
    text = (
        "“We are going to build a wall,” Lund added. He then had a question for the crowd."
        "\n\n“Who’s going to pay for it?”\n\n“Norland!” the audience screamed back."
    )
    assert one(quotes_of(text), "pay for it").speaker == "Lund"


def test_it_read_after_a_document_sent_is_the_document() -> None:
    text = (
        "A coalition of nearly 40 harbour groups sent a letter this week urging the council to "
        'pass a measure. "The fact that it is already almost July and the council has failed to '
        'act would seem to reflect an appalling indifference," it read.'
    )
    assert one(quotes_of(text), "appalling").speaker == "the letter"


def test_a_part_of_a_group_speaks_with_the_group_named() -> None:
    text = (
        "In a Lakeview Courier poll, 75 percent of residents said “the harbour board” cannot be "
        "trusted. Half of the voters said they would stay home. Most of the dockers said they "
        "wanted the port open."
    )
    quotes = quotes_of(text)
    assert one(quotes, "harbour board").speaker == "75 percent of residents"
    assert one(quotes, "stay home").speaker == "Half of the voters"
    assert one(quotes, "port open").speaker == "Most of the dockers"


def test_a_long_sentence_telling_someone_attributes_the_quote_before() -> None:
    # the question mark closes the quote's sentence, so the attribution is a sentence of its own
    text = (
        "“We may not get a very good harbour out of this, who knows?” Ada Moss told the "
        "Lakeview Courier in an interview aired on Monday."
    )
    assert one(quotes_of(text), "who knows").speaker == "Ada Moss"



def test_a_question_put_to_the_speaker_leaves_the_sentence_an_attribution() -> None:
    text = (
        "“We may not get a very good harbour out of this, who knows?” Ada Moss told the "
        "Lakeview Courier in an interview aired on Monday when asked how the vote would go."
    )
    assert one(quotes_of(text), "who knows").speaker == "Ada Moss"


def test_a_short_sentence_doing_something_to_a_thing_speaks_for_no_quote_before_it() -> None:
    text = (
        "The mayor continued to talk about the weather. “I want to see the port open.” "
        "Moss pressed the question."
    )
    assert one(quotes_of(text), "port open").speaker != "Moss"
    # ... but one whose object is who was spoken to does
    text = "“I want to see the port open.” Moss told reporters."
    assert one(quotes_of(text), "port open").speaker == "Moss"


def test_a_description_written_before_a_name_is_no_part_of_it() -> None:
    text = (
        "“The port will reopen by May,” said 82-year-old Ada Moss, the pioneer of the harbour "
        "trust. Many Republicans said the plan would fail."
    )
    found = quotes_of(text)
    assert one(found, "reopen").speaker == "Ada Moss"
    assert one(found, "would fail").speaker == "Many Republicans"  # how many is no description


def test_the_person_apposed_to_a_role_that_names_another_is_the_speaker() -> None:
    text = (
        "“The port will reopen by May,” Mayor Ada Moss’s chief of staff, Ben Roe, told "
        "reporters on Monday."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ben Roe"


def test_a_named_speaker_is_named_without_the_outlet_they_write_for() -> None:
    (quote,) = quotes_of("“The port will reopen by May,” the Herald’s Jane Smith said.")
    assert quote.speaker == "Jane Smith"
    # an owner ending in s, its apostrophe read as punctuation
    (quote,) = quotes_of("Reuters’ Ada Lindqvist said the port would reopen by May.")
    assert quote.speaker == "Ada Lindqvist"


def test_the_sentence_before_a_colon_is_not_what_comes_after_it_says() -> None:
    """ "There is less agreement ...: 47% say ...": the parse hung the clause before the colon
    on the verb after it; what they say is what the colon opens."""
    agreement = (
        "There is less agreement when it comes to harbour fees: 47% say the council should "
        "cut them."
    )
    for text, said in (
        (agreement, "the council should cut them"),
        (
            "It is on harbour fees that the fishermen lean left: 42% say they're too high.",
            "they're too high",
        ),
    ):
        contents = [text[q.start : q.end] for q in quotes_of(text)]
        assert contents == [said], contents
    # a colon after the cue opens what is said
    text = "Marta Lindqvist said the harbour would close: the council has run out of money."
    assert len(quotes_of(text)) == 2


def test_a_label_before_a_colon_is_no_speaker() -> None:
    """ "The state of play: X asked ..." (a news site's section label): the parse made the label
    a second subject of the verb; the person after the colon speaks."""
    for name in ("Timothy Halvorsen", "Timothy Lindqvist"):
        text = (
            f"The state of play: {name} asked Ostrand to delete the posts because Varga "
            '"has taken something that does not belong him — the memory of my dead wife."'
        )
        speakers = {q.speaker for q in quotes_of(text)}
        assert speakers == {name}, speakers


def test_a_speakers_words_keep_the_space_between_them() -> None:
    # a no-break space is a token of its own; the words on either side stay apart
    (quote,) = quotes_of("“We will stay open,” the\u00a0Tarnby harbour master said on Monday.")
    assert quote.speaker == "the Tarnby harbour master"


def test_a_speaker_owned_by_a_pronoun_is_named_by_its_owner() -> None:
    text = (
        "Ada Moss ran the port for a decade. Her campaign said on Monday that the port would "
        "reopen by May."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ada Moss’s campaign"
    assert text[quote.speaker_start : quote.speaker_end] == "Her campaign"  # as written


def test_a_shows_name_in_quote_marks_is_no_part_of_a_quote() -> None:
    text = (
        "“The bridge has to reopen soon, and we are not there yet,” Ada Moss told Norland "
        "Radio’s “Morning in Tarnby.”"
    )
    (quote,) = quotes_of(text)
    assert "Morning in Tarnby" not in quote.text
    text = 'Ada Moss said on "Tarnby Tonight" that the bridge would reopen by May.'
    (quote,) = quotes_of(text)
    assert quote.text.startswith("that the bridge")
    # ... after a plural's possessive, its apostrophe alone
    text = (
        'Ada Moss, speaking on Harbour News\' "This Morning," said the vote gives the city "a '
        'legal basis for closing the bridge." The talks went on.'
    )
    (quote,) = quotes_of(text)
    assert quote.text == "a legal basis for closing the bridge."
    # ... and after the kind of work it is
    text = (
        "“Running the port, that’s my job,” Ada Moss said in May on the podcast “Here’s the "
        "Harbour.”"
    )
    (quote,) = quotes_of(text)
    assert "Harbour" not in quote.text
    # ... and as whom the speaker told, with "&" among its words
    text = '"He took that post down," Ada Moss told "Tarnby & Friends."'
    assert [q.text for q in quotes_of(text)] == ["He took that post down,"]
    text = "“The plan is dead,” Ada Moss told “Harbour News Sunday.”"
    assert [q.text for q in quotes_of(text)] == ["The plan is dead,"]
    # ... a title opening with a number
    text = "“The bridge is safe,” Ada Moss said on Norland TV’s “60 Minutes.” “We reopen in May.”"
    (quote,) = quotes_of(text)
    assert "Minutes" not in quote.text
    # what someone told a body in words of their own is still a quote
    text = "Ada Moss told the board: “We Will Rebuild.”"
    assert [q.text for q in quotes_of(text)] == ["We Will Rebuild."]


def test_a_verb_in_the_subject_of_the_quotes_clause_reports_nothing() -> None:
    # "those who oppose ..." is the subject of the clause the quote ends; the mayor said it
    text = (
        "Mayor Ann Kole said that if those who oppose closing the bridge are worried about "
        "handing it over to “what is considered the port’s land, then our council is willing to "
        "sell it for a dollar to the harbour board.” The vote is next week."
    )
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.cue) == ("Mayor Ann Kole", "said")
    # what a copula's subject says is ("The danger he sees is “…”") stays theirs
    text = (
        "The greatest danger Tom Reyes sees for the port is “a bridge that nobody crosses at "
        "all.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tom Reyes"]


def test_a_medium_named_after_its_kind_speaks_by_its_name() -> None:
    text = (
        "The state news agency Norpress said the blast “was the work of criminals who want to "
        "sow fear in the city.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Norpress"]
    # the kind's owner and the kind written as an adverb, and the verb after another one
    text = (
        "The Harbour Party daily Tarnby Gazette ran an editorial on Monday and said the bridge "
        "“has become a symbol of everything the old council got wrong in ten years.”"
    )
    assert [q.speaker for q in quotes_of(text)] == ["Tarnby Gazette"]
    # "Daily" in a name stays
    text = "The Norland Daily News said the bridge “will stay shut until the spring thaw.”"
    assert [q.speaker for q in quotes_of(text)] == ["The Norland Daily News"]


def test_the_speakers_phrase_after_an_inverted_verb_is_no_report() -> None:
    # the parse makes "Ola Brekke, half joking" a clause "said" reports, with no subject
    text = (
        "“I am better with my hands than I am with my head,” said Ola Brekke, half joking. He "
        "has worked at the port for 24 years."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Ola Brekke", "said")]
    # ... and "ranking" the head of a clause whose object is the speaker
    text = (
        "“The vote on the bridge was a farce from the very start,\" said Harbour ranking "
        'Democrat Ola Brekke (D-Tarn.). "We will appeal it."'
    )
    (quote,) = quotes_of(text)
    assert quote.speaker is not None and quote.speaker.endswith("Ola Brekke")
    assert quote.text.endswith("We will appeal it.")
    # what an inverted verb reports with a subject of its own stays what was said
    text = "Ada Moss, who ran the port for years, said the bridge would reopen in May."
    (quote,) = quotes_of(text)
    assert (quote.speaker, quote.text) == ("Ada Moss", "the bridge would reopen in May")


def test_a_label_or_a_thing_about_someone_before_a_colon_does_not_speak() -> None:
    text = "Breaking: Ada Moss Just Got A Big Win In The Harbour Race\n\nThe mayor won."
    assert [q.speaker for q in quotes_of(text)] == []
    text = (
        "The mayor won.\n\nAnother problem for Ada Moss: There are roughly 1,000 more voters "
        "in the north of the city than in the south, and they lean to her rival."
    )
    assert [q.speaker for q in quotes_of(text) if q.cue == ":"] == []
    # what comes from someone is theirs
    text = (
        "A lesson from Ada Moss: 'Be the voice that people hear.'\n\nAs a young lawyer, "
        "Ada Moss said she was asked to speak."
    )
    assert quotes_of(text)[0].speaker == "Ada Moss"


def test_a_report_running_on_into_a_quote_another_verb_reports_ends_before_that_verb() -> None:
    text = (
        "The port reopened.\n\nAda Moss says she respects the mayor and calls him “a careful "
        "and honest man with a long record of service in the harbour.”"
    )
    assert [(q.text, q.cue) for q in quotes_of(text)] == [
        ("she respects the mayor", "says"),
        ("a careful and honest man with a long record of service in the harbour.", "calls"),
    ]


def test_as_someone_reported_reports_a_sentence_that_quotes_some_of_its_words() -> None:
    text = (
        "The port reopened. As the Harbour Times reported, the mayor “gave between $1,001 and "
        "$5,000” to the port fund last year."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "the Harbour Times"
    assert quote.text.startswith("the mayor “gave between")


def test_a_works_title_after_a_verb_of_performing_it_is_no_quote() -> None:
    text = (
        "The band closed its show in Tarnby, bringing out Ada Moss during an encore to perform "
        "“Harbour Lights Again.” The band is touring."
    )
    assert quotes_of(text) == []
    assert quotes_of("Ada Moss sang “Harbour Lights Again” at the close of the show.") == []
    # words sung in a sentence of their own, and "play" as a word of what was said, still are
    text = "The crowd sang “we will not go home tonight, not without the bridge,” Moss said."
    assert [q.speaker for q in quotes_of(text)] == ["Moss"]
    (quote,) = quotes_of("“We will play every night,” Ada Moss said.")
    assert quote.text == "We will play every night,"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            (
                "A strong earthquake in central Italy reduced three towns to rubble early Wednesday,"
                " with reports that as many as 50 people were killed."
            ),
            "as many as 50 people",
            None,
        ),
        (
            (
                "Despite complaints that he is a quixotic crusader, Mr. Sanders has found ways to"
                " press his agenda."
            ),
            "quixotic crusader",
            None,
        ),
        # an owner still leads to the subject, and a stance met "with" is the subject's
        (
            (
                "Despite his dislike for the establishment, Cruz is increasingly trying to win its"
                " support."
            ),
            "the establishment",
            "Cruz",
        ),
        (
            "Trump stirred controversy with an assertion that the migrants were criminals.",
            "migrants were criminals",
            "Trump",
        ),
    ],
)
def test_a_report_or_stance_met_in_a_circumstance_is_not_the_subjects(
    text: str, fragment: str, speaker: str | None
) -> None:
    candidates = _Finder(parse(text)).run()
    assert one(candidates, fragment).speaker == speaker


def test_a_verb_in_a_that_clause_reports_no_quote_outside_its_clause() -> None:
    text = (
        "House Judiciary Committee Chairman Jerry Nadel said he was ready to subpoena former "
        "Trump national security adviser John Bolt over the Ukraine military aid affair. "
        '"I think it’s likely, yes," that the committee’s investigation would continue and '
        'that a subpoena for Bolt is "likely," the New York Democrat told reporters on '
        "Wednesday."
    )
    quotes = quotes_of(text)
    said = one(quotes, "I think it’s likely")
    assert text[said.speaker_start : said.speaker_end] == "the New York Democrat"
    assert said.speaker == "Jerry Nadel"  # the lawmaker just named
    assert all(q.speaker != "the committee’s investigation" for q in quotes)


def test_a_courtesy_title_with_a_possessive_still_gives_the_surname_its_gender() -> None:
    text = (
        "Ada Moss Announces She Will Vote to Acquit Tamm.\n\nThe Maine senator became the "
        "latest Republican to condemn President Tamm’s conduct but argue it did not warrant "
        "his removal. She said that Mr. Tamm’s call to the governor was “improper.”"
    )
    assert one(quotes_of(text), "Tamm’s call").speaker == "Ada Moss"


def test_a_first_name_gives_a_full_names_gender_to_the_pronoun_that_stands_for_it() -> None:
    # the woman is the last person named, but "He" is the man named before her
    text = (
        "Derek Wakeman, a minister of the church, told reporters that Marion Dale was a "
        "regular at its services. He said her family asked for privacy."
    )
    assert one(quotes_of(text), "her family").speaker == "Derek Wakeman"
    # a surname that two people of the article share gives no gender
    shared = (
        "Derek Wakeman met his sister Marion Wakeman on Monday. She said the talks had gone "
        "well."
    )
    assert one(quotes_of(shared), "the talks").speaker == "Marion Wakeman"
    # a courtesy title gives its surname's mention a gender, and a surname two people share
    # grows to the full name of the pronoun's gender
    titled = (
        "Ivy Sollen sued Bo Sollen. Ada Moss met Mr. Sollen on Monday, and Mr. Sollen spoke "
        "first. She said the house was sold."
    )
    assert one(quotes_of(titled), "the house").speaker == "Ada Moss"
    grown = "Bill Lamar and Hana Lamar arrived. Lamar spoke first. He said the race was close."
    assert one(quotes_of(grown), "the race").speaker == "Bill Lamar"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Group of 7 wealthy nations on Friday pledged to send aid.",
            "The Group of 7 wealthy nations",
        ),
        ("The Group of 20 said on Friday that it would help.", "The Group of 20"),
    ],
)
def test_a_group_named_by_its_number_keeps_the_number_in_its_name(text: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_two_inverted_attributions_in_one_sentence_each_attribute_their_own_quote() -> None:
    # the parse hangs "said Smith" on "said Jones" as what Jones said
    quotes = quotes_of('"We will win," said Smith; "We will not," said Jones.')
    assert [(q.text, q.speaker, q.direct) for q in quotes] == [
        ("We will win,", "Smith", True),
        ("We will not,", "Jones", True),
    ]
    # a report that names its own speaker in the usual order stays inside the outer one
    nested = one(quotes_of("Smith said the war was over, Jones said."), "the war")
    assert nested.speaker == "Jones"


def test_an_amount_set_off_before_the_speaker_is_not_the_speaker() -> None:
    # the parse makes "half" the subject and the commander its apposition
    text = (
        "The United States will withdraw over 2,000 troops from Iraq this month, roughly half "
        "of its troop presence, the top U.S. commander in the Middle East said Wednesday."
    )
    quote = one(quotes_of(text), "withdraw")
    assert quote.speaker == "the top U.S. commander"


def test_a_hyphen_inside_a_word_does_not_open_a_colon_speakers_phrase() -> None:
    # "expletive-laden": the phrase after the hyphen is no speaker; the headline's name before
    # its verb is
    quote = one(
        quotes_of(
            "Trump fires up CPAC with expletive-laden description of Mueller probe: 'They're "
            "trying to take you out with bulls---'."
        ),
        "trying",
    )
    assert quote.speaker == "Trump"
    # a spaced dash still does: "HEADLINE - Jane Roe: ..."
    spaced = one(quotes_of("Senate vote - Jane Roe: “We will not back down.”"), "back down")
    assert spaced.speaker == "Jane Roe"


def test_who_is_brought_to_say_something_says_it() -> None:
    # the object of "prompting", "urging" says what the verb after "to" reports
    text = (
        "Mayor Ana Lindqvist rebuked the council on Monday, prompting the harbour board to "
        "accuse her of bias."
    )
    assert one(quotes_of(text), "her of bias").speaker == "the harbour board"
    # ... but what is used to say something does not say it
    text = "Mayor Ana Lindqvist used her speech on Monday to accuse the harbour board of bias."
    (accused,) = [q for q in quotes_of(text) if q.text == "the harbour board of bias"]
    assert accused.speaker is not None and "Ana Lindqvist" in accused.speaker


def test_a_whole_utterance_without_a_verb_is_a_quote() -> None:
    # it opens its sentence and closes with its own punctuation: no quoted phrase
    said = one(quotes_of("“Absolutely not. Absolutely not,” Moss said on Tuesday."), "Absolutely")
    assert (said.text, said.speaker) == ("Absolutely not. Absolutely not,", "Moss")
    shouted = one(quotes_of("“Perpetual motion!” Ada Brandt shouted."), "motion")
    assert shouted.speaker == "Ada Brandt"
    # a quoted phrase inside a sentence stays a phrase
    text = "Ada Brandt said the “perpetual motion” plan stalled on Tuesday."
    assert [q.text for q in quotes_of(text)] == ["the “perpetual motion” plan stalled on Tuesday"]


def test_a_speaker_the_parse_hung_on_the_quote_is_the_speaker() -> None:
    # the parse makes the quoted words the subject of "said" and the name their apposition
    text = "“Great manager, great manager this guy,” Ada Moss, the club's owner, said on Sunday."
    quote = one(quotes_of(text), "manager")
    assert (quote.text, quote.speaker) == ("Great manager, great manager this guy,", "Ada Moss")


def test_a_participle_opening_the_next_sentence_is_no_attribution_of_a_quote() -> None:
    text = (
        "“The question is not whether the mayor acted wisely; it is whether she acted "
        "lawfully,” the ruling read. “We conclude she did not.” Fearing more floods, Mayor Ada "
        "Moss reissued the order."
    )
    quote = one(quotes_of(text), "We conclude")
    assert quote.speaker == "the ruling"
    assert not any(q.speaker == "Ada Moss" and "conclude" in q.text for q in quotes_of(text))


def test_a_filler_reports_nothing() -> None:
    text = "The bridge, you know, was never safe, Ada Moss said on Monday."
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [
        ("The bridge, you know, was never safe", "Ada Moss")
    ]
    text = (
        "MOSS: Well, the question really should be why the council and its chair, you know, "
        "invited a rival to the hearing."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "MOSS"


def test_a_verb_of_saying_before_the_speaker_and_a_colon_names_the_speaker() -> None:
    for text, speaker in (
        ("Said Moss: “We are not going anywhere.”", "Moss"),
        ("Added Ada Moss: “We are not going anywhere.”", "Ada Moss"),
    ):
        quote = one(quotes_of(text), "anywhere")
        assert quote.speaker == speaker
        assert text[quote.speaker_start : quote.speaker_end] == speaker
    # the verb is no part of the name
    assert ("Moss", "PERSON") in [
        (e.text, e.label) for e in entities_of(parse("Said Moss: “We are not going anywhere.”"))
    ]
    # nor where the model read it as a name's first word
    text = "Stone was speaking on the radio.\n\nStated Stone:\n\n“I think the stakes are so high.”"
    assert one(quotes_of(text), "stakes").speaker == "Stone"


def test_a_name_whose_saying_the_parse_made_a_participle_speaks() -> None:
    text = (
        "“Not us but can’t argue with it!” Ada Moss, the head of Harbour First USA, Tweeted on "
        "Friday with an image of the banner."
    )
    assert one(quotes_of(text), "argue").speaker == "Ada Moss"
    # a participle with its agent says nothing of the name before it
    text = "The photo, tweeted by Ada Moss, showed the bridge."
    assert not any(q.cue == "tweeted" for q in quotes_of(text))


def test_a_run_in_subhead_before_a_colon_is_no_speaker() -> None:
    text = (
        "Little Relief for Harbours: The silting of the port is precisely the sort of issue the "
        "board was made to tackle."
    )
    assert quotes_of(text) == []
    # a titled name before the colon still speaks
    text = "Secretary of State Ada Moss: “We will not stand by.”"
    assert one(quotes_of(text), "stand by").speaker == "Secretary of State Ada Moss"


def test_a_participle_in_ing_is_no_name_s_reduced_saying() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    # "Moss, the mayor, saying it failed": the parse's clause of the name, as "tweeted" is, but
    # a participle in -ing is read as one, not as the name's saying
    words = ["Moss", ",", "the", "mayor", ",", "VERB", "it", "failed", "."]
    for verb, tag, lemma, speaks in (
        ("saying", "VBG", "say", False),
        ("tweeted", "VBN", "tweet", True),
    ):
        doc = Doc(
            nlp().vocab,
            words=[verb if w == "VERB" else w for w in words],
            heads=[0, 0, 3, 0, 0, 0, 7, 5, 0],
            deps=["ROOT", "punct", "det", "appos", "punct", "acl", "nsubj", "ccomp", "punct"],
            tags=["NNP", ",", "DT", "NN", ",", tag, "PRP", "VBD", "."],
            lemmas=["Moss", ",", "the", "mayor", ",", lemma, "it", "fail", "."],
            ents=["B-PERSON"] + ["O"] * 8,
            sent_starts=[True] + [False] * 8,
        )
        assert (_Finder(doc)._reduced_speaker(doc[5]) is not None) == speaks


def test_a_title_the_parse_made_the_subject_gives_way_to_the_name_after_it() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    # "Rep. Ada Moss tweeted a message": the parse may make the title the subject and the name
    # its apposition
    doc = Doc(
        nlp().vocab,
        words=["Rep.", "Ada", "Moss", "tweeted", "a", "message", "."],
        heads=[3, 2, 0, 3, 5, 3, 3],
        deps=["nsubj", "compound", "appos", "ROOT", "det", "dobj", "punct"],
        tags=["NNP", "NNP", "NNP", "VBD", "DT", "NN", "."],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Rep.", "Ada", "Moss", "tweet", "a", "message", "."],
        sent_starts=[True] + [False] * 6,
    )
    subject = _Finder(doc)._subject_of(doc[3])
    assert subject is not None and subject.text == "Moss"


def test_a_pronoun_for_a_surname_after_a_courtesy_title_keeps_the_title() -> None:
    """Two people of one surname: "she" is "Mrs. Lund", not "Lund", which would be either."""
    text = (
        "Mrs. Lund told voters on Sunday that Mr. Lund would be “in charge of the economy.” "
        "On a swing this month, she said he had “got to come out of retirement.”"
    )
    assert one(quotes_of(text), "got to come out").speaker == "Mrs. Lund"
    # a full name needs no title
    plain = "Ada Lund spoke on Sunday. Later she said she had “got to come out of retirement.”"
    assert one(quotes_of(plain), "got to come out").speaker == "Ada Lund"


def test_a_reported_clause_keeps_the_percent_sign_it_ends_with() -> None:
    assert [q.text for q in quotes_of("Unemployment fell 5%, Ada Moss said.")] == [
        "Unemployment fell 5%"
    ]
    assert [q.text for q in quotes_of("Ada Moss said unemployment fell 5%.")] == [
        "unemployment fell 5%"
    ]


def test_a_speaker_named_before_an_apposition_set_off_by_commas_is_the_person() -> None:
    # the parse may hang the apposition on the quotation and leave the verb without a subject
    text = (
        "Per Lund spoke on Thursday. “He is absolutely right. There is a severe disconnect "
        "between this council and the harbour,” Lund, a top Moss surrogate, said Thursday "
        "morning on Harbour Radio."
    )
    assert one(quotes_of(text), "absolutely right").speaker == "Per Lund"


def test_a_speaker_name_closes_the_bracket_it_opens() -> None:
    text = (
        "The World Health Organization (WHO) is reporting a 10 percent global decline in new "
        "virus cases and deaths."
    )
    assert one(quotes_of(text), "global decline").speaker == "The World Health Organization (WHO)"


def test_the_inches_of_a_height_are_no_quote_mark() -> None:
    text = (
        "Moss called Lund a “loser.” “Lund is a 5’4” mass of dead energy who does not want to "
        "debate,” Moss said."
    )
    assert one(quotes_of(text), "dead energy").text.startswith("Lund is a 5’4” mass")
    assert one(quotes_of(text), "dead energy").speaker == "Moss"
    text = "“Lund is a 5’4” mass of dead energy,” Moss said. Lund is 6'2\" tall."
    assert [text[m.start : m.end] for m in find_marked(text)] == [
        "Lund is a 5’4” mass of dead energy,"
    ]


def test_a_name_after_the_quote_speaks_though_the_tagger_made_it_an_adverb() -> None:
    # "Hartly" ends in "-ly": the tagger calls it an adverb of "tweeted"
    quotes = quotes_of("“We will not wait for the council,” Hartly tweeted on Monday.")
    assert one(quotes, "We will not wait").speaker == "Hartly"
    # a word after the quote that is no name is still no speaker
    quotes = quotes_of("“We will not wait for the council,” quickly tweeted the mayor.")
    assert one(quotes, "We will not wait").speaker != "quickly"


def test_a_first_name_the_parse_made_a_modal_stays_in_the_speakers_name() -> None:
    # "Will" read as the modal: the role and the surname had been two subjects of "wrote"
    quote = one(
        quotes_of('"We will wait here," city council member Will Brandt wrote on Twitter.'),
        "We will wait",
    )
    assert quote.speaker == "Will Brandt"
    assert quote.cue == "wrote"
    # a modal of the verb itself stays in the cue
    quote = one(quotes_of("“We will wait here,” the mayor will say on Monday."), "We will wait")
    assert quote.cue == "will say"


def test_marks_a_straight_mark_after_a_word_and_before_a_space_only_closes() -> None:
    # the opening mark was lost ('looking at that," Trump said'): nothing opens at the closer
    text = 'Trump spoke on Monday. We will be looking at that," Trump said. He left at noon.'
    assert find_marked(text) == []
    # straight marks nest as curly ones do: the inner quote's closer is not the passage's
    text = 'He tweeted, "Reporting that the man shouted "Stop now!" as he ran." Then he left.'
    found = [text[m.start : m.end] for m in find_marked(text)]
    assert found == ['Reporting that the man shouted "Stop now!" as he ran.']
    # a straight mark opening a sentence inside a passage a straight mark opened: the
    # passage's closing mark was lost, and a second passage begins
    text = 'He said that "the people will try to use it. "How do you feel?" Moss asked.'
    found = [text[m.start : m.end] for m in find_marked(text)]
    assert found == ["the people will try to use it.", "How do you feel?"]
    # as does one opening with two backticks, where a text's paragraphs were run together
    text = (
        "Replied Ben Roe, ``We haven't really read the statement. ``We believe that her words "
        "cannot distract the harbour from the facts.'' The ferries sailed."
    )
    quote = one(quotes_of(text), "We believe")
    assert quote.speaker == "Ben Roe"
    assert quote.text.startswith("We haven't really read the statement.")
    assert "``" not in quote.text
    # toggling marks still pair where their place says nothing ('"yes"/"no"')
    text = 'She said "yes"/"no" answers were fine.'
    assert [text[m.start : m.end] for m in find_marked(text)] == ["yes", "no"]


def test_a_past_verb_the_parse_joined_to_a_present_clause_shares_the_outer_subject() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    # "Moss pressed Lund on reports that he is considering Brenn and told him so": the parse
    # hung "told" on "is considering", in the reports' clause; the one who pressed told him
    def subject_of_told(aux: str) -> str:
        doc = Doc(
            nlp().vocab,
            words=["Ada", "Moss", "pressed", "Lund", "on", "reports", "that", "he", aux,
                   "considering", "Brenn", "and", "told", "him", "so", "."],
            heads=[1, 2, 2, 2, 2, 4, 9, 9, 9, 5, 9, 9, 9, 12, 12, 2],
            deps=["compound", "nsubj", "ROOT", "dobj", "prep", "pobj", "mark", "nsubj", "aux",
                  "acl", "dobj", "cc", "conj", "dative", "advmod", "punct"],
            tags=["NNP", "NNP", "VBD", "NNP", "IN", "NNS", "IN", "PRP", "VBZ", "VBG", "NNP",
                  "CC", "VBD", "PRP", "RB", "."],
            pos=["PROPN", "PROPN", "VERB", "PROPN", "ADP", "NOUN", "SCONJ", "PRON", "AUX",
                 "VERB", "PROPN", "CCONJ", "VERB", "PRON", "ADV", "PUNCT"],
            sent_starts=[True] + [False] * 15,
        )
        subject = _Finder(doc)._subject_of(doc[12])
        assert subject is not None
        return subject.text

    assert subject_of_told("is") == "Moss"
    # in the past, the two verbs of the clause may share its subject
    assert subject_of_told("was") == "he"


def test_a_bare_quote_verb_in_the_passive_reports_nothing() -> None:
    # "to be fired" is done to the man, and the words he is called are no speaker
    text = (
        "Moss lashed out at Lund on Monday, calling him a “weak slime ball” who deserved to be "
        "fired “for the terrible job he did.”"
    )
    quotes = quotes_of(text)
    assert all(q.cue != "to be fired" for q in quotes)
    assert all("slime" not in (q.speaker or "") for q in quotes)


def test_a_participle_after_before_past_the_quote_is_the_next_thing_said() -> None:
    text = (
        "Ada Moss was accused of racism on Monday. She claimed the women \"originally came from "
        'countries whose governments are a complete and total catastrophe", before suggesting '
        'they "go back".'
    )
    quotes = quotes_of(text)
    first = one(quotes, "originally came")
    assert (first.speaker, first.cue) == ("Ada Moss", "claimed")
    assert "go back" not in first.text
    # the one who claimed suggests: the quoted verb's subject does not
    assert one(quotes, "go back").speaker == "Ada Moss"


def test_verbs_that_only_report_a_quote_name_its_speaker_after_it() -> None:
    # "beamed", "surmised", "exhorted", "fumed", "opined": no clause, only the quote before them
    cheer = (
        'Then came the loudest cheer: "It is time we had a nurse running this town," exhorted '
        "the mayor's guest, actress Ada Moss."
    )
    cracked = (
        "During their first debate, Ada Moss cracked, ''I'm a sailor, but I'm a sailor who likes "
        "to get things done.''"
    )
    cases = [
        ("“This is fantastic!” beamed Ada Moss of Lakeview, who had climbed onto a chair.",
         "This is fantastic", "Ada Moss"),
        ('"People are afraid of wasting their votes," he surmised. "I see the ads all the time."',
         "wasting their votes", "he"),
        (cheer, "nurse running", "Ada Moss"),
        ("“We should have voted on the only bill with support from both sides,” Lund fumed.",
         "only bill", "Lund"),
        ('"Owners should leave their boats at home," opined the Lakeview Courier.',
         "boats at home", "the Lakeview Courier"),
        (cracked, "likes to get", "Ada Moss"),
    ]
    for text, fragment, speaker in cases:
        assert one(quotes_of(text), fragment).speaker == speaker, text


@pytest.mark.parametrize(
    "verb",
    [
        "laughed", "chuckled", "sighed", "groused", "teased", "whispered", "reasoned", "vented",
        "griped", "seethed",
    ],
)  # fmt: skip
def test_a_manner_of_saying_after_a_quote_names_its_speaker(verb: str) -> None:
    text = f"“The bridge will open on time,” Ada Moss {verb}."
    assert one(quotes_of(text), "bridge will open").speaker == "Ada Moss"


def test_those_who_laugh_after_a_quote_did_not_say_it() -> None:
    text = (
        "“My people had it done,” Mr. Moss recounted in a meeting. “And I said, ‘I want more.’ "
        "They said, ‘It is simple.’” The board members gathered around Mr. Moss laughed."
    )
    assert one(quotes_of(text), "I want more").speaker != "The board members"
    text = "“We open on time. We stay on budget.” The board members beamed."
    assert one(quotes_of(text), "on budget").speaker is None


def test_a_verb_that_prefaces_a_quote_names_its_speaker() -> None:
    text = "“By the way, I walked here,” Ada Moss prefaced her remarks to reporters."
    assert one(quotes_of(text), "walked here").speaker == "Ada Moss"


def test_a_title_broken_at_its_hyphen_after_the_verb_leaves_the_name_to_speak() -> None:
    # the parse makes "co" and "-" the verb's subject and object, and the name another object
    text = "“Imagine Ada Moss on the same stage,” mused Blaze co-host Leo Brandt."
    speaker = one(quotes_of(text), "same stage").speaker
    assert speaker is not None and speaker.endswith("Leo Brandt")


def test_what_inside_the_clause_a_colon_ends_does_not_speak() -> None:
    text = (
        "Ada Moss has since apologized for what happened: “I should have used two accounts. "
        "Not doing so was a mistake.”\n\n"
        "Tom Lund broke down exactly what was wrong with the plan to the Lakeview Courier: "
        "“It was late. Secondly, it was far too costly.”"
    )
    quotes = quotes_of(text)
    assert one(quotes, "two accounts").speaker == "Ada Moss"
    assert one(quotes, "too costly").speaker == "Tom Lund"
    # "which" stands for the noun before it, and that speaks
    text = (
        "Ada Moss saw the reaction and doubled down on the slogan. She proceeded to share the "
        "hashtag #HarbourOn and onharbour.com, the website for the initiative, which contains "
        "the following statement: “Lakeview has a problem. Let us work together.”"
    )
    assert one(quotes_of(text), "Let us work").speaker == "the initiative"


def test_a_participle_after_a_quote_is_the_speaker_before_it_not_its_object() -> None:
    text = (
        "When Lund suggested that Cuba would sue the U.S. for reneging on the deal, Ada Moss "
        "fired back forcefully: “If they sue us in a court in Miami, they’re going to lose,” "
        "referencing the large number of Cuban immigrants in the region."
    )
    quotes = quotes_of(text)
    assert one(quotes, "going to lose").speaker == "Ada Moss"
    assert all("immigrants" not in (q.speaker or "") for q in quotes)


def test_a_party_before_a_list_of_names_is_no_part_of_the_first() -> None:
    text = (
        "During a town hall event broadcast by CNN, Democrats Hillary Clinton, Bernie Sanders, "
        "and Martin O'Malley offered Iowa voters different approaches to the presidency."
    )
    assert one(quotes_of(text), "approaches").speaker == "Hillary Clinton"


def test_it_after_a_body_spoke_in_the_sentence_before_is_that_body() -> None:
    text = (
        "The newspaper urged Ada Moss to decide on a basis other than the Electoral College.\n\n"
        "“The state has few electoral votes,” the newspaper admitted.\n\n"
        "“But its crisis should be a call to conscience,” it added."
    )
    assert one(quotes_of(text), "call to conscience").speaker == "the newspaper"
    # with no body speaking in the sentence before, "it" is still the last body named
    text = (
        "Ada Moss praised the Lakeview Harbour Trust on Monday.\n\n"
        "“We will restore the pier,” it said."
    )
    assert one(quotes_of(text), "restore the pier").speaker == "the Lakeview Harbour Trust"


def test_a_digests_writer_after_by_before_the_colon_speaks_its_excerpt() -> None:
    text = (
        'NOW OPEN—"Pop-up art show strives to confront harbour gentrification," by The '
        "Lakeview Courier's Ada Moss: \"Curators of a pop-up art show on the harbour are "
        'determined to confront the fears of the area."\n\n'
        "BROADWAY BEAT—\"Tom Lund is leaving ‘Neverland,'\" by Times' Ben Roe: \"Tom Lund, the "
        "star of the show, is leaving the musical next month.\""
    )
    quotes = quotes_of(text)
    assert one(quotes, "Curators").speaker == "Ada Moss"
    assert one(quotes, "next month").speaker == "Ben Roe"


def test_nothing_after_a_comma_that_follows_the_name_is_part_of_it() -> None:
    text = (
        '"It goes by age," said Mattie Lund, 66, a retired ferry worker who lives in Lakeview, '
        "about 25 miles south of Norbury."
    )
    assert one(quotes_of(text), "by age").speaker == "Mattie Lund"


def test_a_list_of_names_the_parse_chained_with_commas_stays_whole() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    # "Singers Ada Moss, Kerry Lund, Amy Brenn and Tom Roe went on air to applaud the plan."
    doc = Doc(
        nlp().vocab,
        words=["Singers", "Ada", "Moss", ",", "Kerry", "Lund", ",", "Amy", "Brenn", "and", "Tom",
               "Roe", "went", "on", "air", "to", "applaud", "the", "plan", "."],
        heads=[2, 2, 12, 2, 5, 2, 5, 8, 5, 8, 11, 8, 12, 12, 13, 16, 12, 18, 16, 12],
        deps=["compound", "compound", "nsubj", "punct", "compound", "npadvmod", "punct",
              "compound", "appos", "cc", "compound", "conj", "ROOT", "prep", "pobj", "aux",
              "advcl", "det", "dobj", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "PROPN", "PROPN",
             "CCONJ", "PROPN", "PROPN", "VERB", "ADP", "NOUN", "PART", "VERB", "DET", "NOUN",
             "PUNCT"],
        tags=["NNPS", "NNP", "NNP", ",", "NNP", "NNP", ",", "NNP", "NNP", "CC", "NNP", "NNP",
              "VBD", "IN", "NN", "TO", "VB", "DT", "NN", "."],
        ents=["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON",
              "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
        sent_starts=[True] + [False] * 19,
    )  # fmt: skip
    speaker = _Finder(doc)._name_of(doc[2])
    assert "Tom Roe" in speaker


def test_a_past_verb_after_a_clause_reported_with_would_is_the_reporters() -> None:
    text = (
        "Sen. Ada Moss (R-Ky.) said Lund's harbour plan would give money to foreign shipowners, "
        'and called him "the leading proponent for letting ships stay in the harbour illegally '
        'for years."'
    )
    quotes = quotes_of(text)
    assert one(quotes, "leading proponent").speaker == "Sen. Ada Moss"
    # ... and ends what the reporter said, which the quotation had swallowed
    said = one(quotes, "harbour plan")
    assert said.text == "Lund's harbour plan would give money to foreign shipowners"
    assert said.speaker == "Sen. Ada Moss"


def test_a_past_verb_after_a_clause_reported_with_would_ends_the_report() -> None:
    text = "Ada Moss said the new piers would open in May, and left the hall before the vote."
    assert [q.text for q in quotes_of(text)] == ["the new piers would open in May"]


def test_a_clause_the_parse_hangs_on_the_noun_after_in_is_what_was_said() -> None:
    # the parse makes "carrying" a clause on "statement" (and on "series" in the second)
    text = "Ada Moss said in a statement that the truck was carrying arms."
    (q,) = quotes_of(text)
    assert q.text == "that the truck was carrying arms" and q.speaker == "Ada Moss"
    text = (
        "Ada Moss, the mayor of Vesna, said in one of a series of messages that the truck was "
        "carrying arms."
    )
    (q,) = quotes_of(text)
    assert q.text == "that the truck was carrying arms" and q.speaker == "Ada Moss"
    # a relative clause on the noun is no report
    assert quotes_of("Ada Moss said in a statement that the council issued.") == []


def test_a_clause_the_parse_hangs_on_the_noun_of_a_setting_is_what_was_said() -> None:
    # the parse makes "fail" a clause on "rally": where it was said, not what
    (q,) = quotes_of("Ada Moss told reporters at a rally that the harbour plan would fail.")
    assert q.text == "that the harbour plan would fail" and q.speaker == "Ada Moss"
    # a clause that tells what a noun holds is that noun's ("claims that ...")
    assert quotes_of("Ada Moss spoke at length on claims that the harbour plan would fail.") == []


def test_a_clause_without_subject_after_a_quotations_verb_is_no_report() -> None:
    # the parse gives "said" a second clause, "issued" (and "relocated"), beside the quotation
    texts = [
        (
            "“The harbour plan reinforces every fear the town has,” spokesman Jo Roe said in a "
            "statement issued a half-hour before the council's vote was set to begin."
        ),
        (
            "“We will tax you when those boats come,” Ada Moss said in May of the shipbuilder "
            "Lund Corp., whose parent company Vesna Holdings Corp. relocated 1,400 jobs to Ostrava."
        ),
    ]
    for text in texts:
        (q,) = quotes_of(text)
        assert q.direct and q.text.startswith(("The harbour", "We will"))


def test_a_clause_of_when_it_was_said_is_no_report() -> None:
    # the parse makes "booed" a clause "said" reports
    (q,) = quotes_of("\"He didn't report the loans,\" he said as some wearing Moss shirts booed.")
    assert q.direct and q.text == "He didn't report the loans,"


def test_a_bracket_opened_in_what_was_reported_closes_in_it() -> None:
    text = (
        "Mayor Ada Moss, for the first time, addressed the closure of the Vesna harbour on "
        "Thursday (local time), stating it is up to the council how to run the port."
    )
    texts = [q.text for q in quotes_of(text)]
    assert "the closure of the Vesna harbour on Thursday (local time)" in texts


def test_a_speakers_phrase_the_parse_makes_a_clause_is_the_speaker_not_what_was_said() -> None:
    # the parse makes "rabbi" a verb, "Ada Moss ... rabbi ..." a clause "said" reports, and
    # gives "said" no subject
    text = (
        "Ada Moss, a Vesna, Ore., rabbi helping to organize the boycott, said she and other "
        "rabbis were alarmed about the harbour plan."
    )
    (q,) = quotes_of(text)
    assert q.speaker == "Ada Moss"
    assert q.text == "she and other rabbis were alarmed about the harbour plan"
    # a name opening the clause, without a comma after it ("offered" the clause "says" reports)
    text = (
        "Moss jokingly offered the man a job as harbour master, then says she'll welcome "
        "advice from anyone who wants to talk."
    )
    said = one(quotes_of(text), "welcome advice")
    assert said.speaker == "Moss" and said.cue == "says"
    # what is said before a postposed speaker stays what was said
    text = (
        "He also had a voice in decisions about major investments in Vesna, said a former "
        "spokesman for the harbour board, Ivo Brandt, who also ran as a candidate in the new "
        "bloc Lund helped form."
    )
    assert one(quotes_of(text), "had a voice").cue == "said"


def test_an_outlets_correction_is_no_ones_quote() -> None:
    text = (
        "The harbour will stay shut until May, Ada Moss said.\n\n"
        "CORRECTION: An earlier version of this story incorrectly said that the harbour "
        "would open in March, and quoted Ivo Brandt as saying it would.\n\n"
        "Correction: Due to an editing error, the mayor's name was misspelt."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ada Moss"]
    # an editor's note may retell what others said
    text = (
        "Editor's note: An article on Monday reported that the piers were unsafe. On Friday, "
        "the harbour master, Ivo Brandt, said that the piers were sound."
    )
    assert "Ivo Brandt" in [q.speaker for q in quotes_of(text)]


def test_what_follows_a_source_and_tells_of_it_is_not_what_it_said() -> None:
    # the parse joins "were not authorized" to the sentence's verb and hangs "according to" on
    # it, so the content had been the source's own predicate
    text = (
        "Now the FBI is looking into whether Lund was guilty of public corruption while mayor "
        "of Vesna, according to three intelligence sources who spoke to Fox News but were not "
        "authorized to speak on the record."
    )
    q = one(quotes_of(text), "guilty of public corruption")
    assert q.cue == "according to" and q.speaker == "three intelligence sources"
    assert q.text.startswith("Now the FBI is looking into whether Lund")
    assert not any("authorized" in q.text for q in quotes_of(text))


def test_what_a_poll_found_is_the_polls_by_its_in() -> None:
    text = (
        "In a Courier poll released in January, Ada Moss held a 24-point lead over Ivo Brandt "
        "among harbour workers."
    )
    (q,) = quotes_of(text)
    assert q.cue == "in" and q.speaker == "a Courier poll"
    assert text[q.speaker_start : q.speaker_end] == "a Courier poll released in January"
    assert q.text.startswith("Ada Moss held a 24-point lead")
    text = "In the Harbour Institute's average of polls, Moss leads Brandt by 9 points."
    assert [q.speaker for q in quotes_of(text)] == ["the Harbour Institute's average of polls"]
    # the "in" of the verb's object
    text = "Ada Moss had a 10 percentage-point lead in a Vesna Courier poll."
    (q,) = quotes_of(text)
    assert q.speaker == "a Vesna Courier poll"
    assert q.text == "Ada Moss had a 10 percentage-point lead"
    # a verb of the sentence that reports is the attribution; a stay in hospital is no poll
    text = "In a poll released Monday, 60 percent said they would vote for Moss."
    assert [q.cue for q in quotes_of(text)] == ["said"]
    assert quotes_of("In a hospital in Vesna, Moss recovered from the fall.") == []


def test_a_verb_that_reports_only_with_its_preposition_reports_nothing_in_the_passive() -> None:
    text = (
        '"To see the number of cases that could change with this judge is stunning," since so '
        "many of the most important cases were decided by 5-to-4 votes, said Ada Moss, who "
        "teaches law at Lakeview University."
    )
    assert one(quotes_of(text), "stunning").speaker == "Ada Moss"


def test_an_invisible_direction_mark_before_a_quote_mark_lets_the_quote_open() -> None:
    # a pasted comment keeps U+202A before its opening mark (typed as a closing one)
    text = (
        "Moss's post resonated with readers.\n\n"
        "\u202a”Sorry Ada, you should have said it louder!!” posted Tom Lund.\n\n"
        "\u202a”The harbour is ours and always will be,” wrote Ben Roe."
    )
    quotes = quotes_of(text)
    assert one(quotes, "louder").speaker == "Tom Lund"
    assert one(quotes, "harbour is ours").speaker == "Ben Roe"


def test_the_body_a_described_body_noun_stands_for_speaks() -> None:
    text = (
        "The Lakeview Courier endorsed Ada Moss on Sunday. The conservative newspaper said "
        '"she has earned a second term in the harbour office."'
    )
    assert one(quotes_of(text), "second term").speaker == "The Lakeview Courier"
    # a noun before the body's noun names another kind of body than the one named before
    text = (
        "Ada Moss spoke to the Lakeview Police Union on Sunday. The Harbour State is one of 45 "
        'states with open ports. The police union also said it wanted "a ban on night ferries."'
    )
    assert one(quotes_of(text), "night ferries").speaker == "The police union"


def test_a_body_tagged_in_the_first_words_of_a_longer_name_is_not_the_one_described() -> None:
    # the model tags "House" alone, not "House Freedom Caucus"
    text = (
        "The conservative House Freedom Caucus is pressing Tom Lund to try to unseat Ada Moss as "
        "speaker, a sign of growing strains after Moss rejected two of the House Minority "
        "Leader’s choices for the ferry inquiry. In a letter Friday, the far-right group asked "
        "Lund to bring a motion by July 31 “to end Ada Moss’s long rule over the chamber.”"
    )
    assert one(quotes_of(text), "long rule").speaker != "House"


def test_two_backticks_open_a_quotation_that_goes_on_after_its_attribution() -> None:
    # the plain text of older archives opens a quotation with two backticks (``…'')
    text = (
        "Moss said she had brought some keepsakes from Lakeview to the harbour library.\n\n"
        "``It helped us to win,'' Moss said. ``For the people of Lakeview, the tide turns "
        "today.''"
    )
    quote = one(quotes_of(text), "tide turns")
    assert quote.speaker == "Moss"
    assert "It helped us to win" in quote.text


def test_a_country_in_the_slot_of_a_verb_of_saying_is_no_one_a_pronoun_stands_for() -> None:
    # "continue" reports a quote ("“…,” she continued") and only goes on in "would continue to"
    text = (
        "The ferries were brought back by Harbour Minister Ada Moss.\n\n"
        "Moss, echoing the mayor, said the United States would \"continue to be present in the "
        'harbour, wherever we have ships to defend."\n\n'
        '"We will do all we can to protect our crews and our ships around the world," she said.'
    )
    assert one(quotes_of(text), "protect our crews").speaker == "Ada Moss"


def test_a_verb_in_a_clause_of_condition_leaves_the_quote_to_the_one_who_states_it() -> None:
    text = (
        "Moss said that if those who oppose the ferry are worried about turning the harbour over "
        "to “what is considered Norland territory, then our port office is willing to give up "
        "its claim to the pier.”"
    )
    assert one(quotes_of(text), "Norland territory").speaker == "Moss"


def test_a_verb_of_saying_opening_the_sentence_before_a_name_and_a_comma_names_the_speaker() -> None:
    text = (
        "Moss called the ferry crews the real owners of the harbour. Replied State Department "
        "deputy spokesman Ben Roe, “We haven't really analyzed the statement in detail but it "
        "appears to be just another example of her rhetoric.”"
    )
    assert one(quotes_of(text), "analyzed the statement").speaker == "Ben Roe"


def test_a_quote_after_a_report_of_another_person_goes_on_with_the_reporter() -> None:
    text = (
        "The council met on Monday. Ada Moss said Ben Roe would fail. “It has no money behind it "
        "and no one to run it.”"
    )
    assert one(quotes_of(text), "no money").speaker == "Ada Moss"
    # a person the sentence tells of, not one it reports of, may be the speaker
    text = "The council met on Monday. Ada Moss met Ben Roe. “It has no money behind it.”"
    assert one(quotes_of(text), "no money").speaker is None


def test_a_person_titled_at_the_end_of_a_body_s_broken_name_speaks() -> None:
    text = (
        "Monarchists hope to win the vote. “The phony war has finished and the real campaign "
        "has clearly begun,” Australians for a Constitutional Monarchy executive director Ada "
        "Moss said."
    )
    assert one(quotes_of(text), "phony war").speaker == "Ada Moss"


def test_a_word_set_in_quote_marks_to_speak_of_it_after_a_quote_continues_no_quote() -> None:
    text = (
        '"I\'m not saying everything is fine, but we have completed the transition," Ada Moss, '
        'the chairman, said in an interview. "Transition" is a reference to the five-year '
        "restructuring of the ferry company."
    )
    quote = one(quotes_of(text), "completed the transition")
    assert quote.speaker == "Ada Moss"
    assert "Transition" not in quote.text
    # a short utterance after a quote goes on with it
    text = '"Will the ferries run?" Ben Roe asked Ada Moss. "Yes." She left.'
    assert [q.text for q in quotes_of(text) if "Yes" in q.text]


def test_a_quote_after_a_sentence_a_person_s_aside_reports_is_that_person_s() -> None:
    text = (
        "But this caution, Ms. Moss says, is creating problems for some ferry lines. \"It's harder "
        'to sell tickets when the storms come in. No one has big fleets and no one wants to take '
        'big risks."'
    )
    assert one(quotes_of(text), "harder to sell").speaker == "Ms. Moss"


def test_a_participle_s_phrase_set_off_by_commas_parts_no_speaker_from_the_verb() -> None:
    text = (
        "The men came into the ferry office around 7:15 p.m., officers said. “It looks as though "
        "they panicked,” a detective, speaking on condition of anonymity, said of the men."
    )
    assert one(quotes_of(text), "panicked").speaker == "a detective"


def test_the_words_a_singer_sings_are_the_singer_s() -> None:
    text = (
        "Thousands rallied in a seaside plaza on Friday night. “Lakeview, the harbour awaits you "
        "... with kisses,” a country music band sang."
    )
    assert one(quotes_of(text), "awaits you").speaker == "a country music band"


def test_he_after_a_quote_of_an_unnamed_speaker_speaks_on_for_that_speaker() -> None:
    text = (
        "Crews searched the harbour on Friday, witnesses said.\n\n"
        "“It was definitely a wave,” said a port official in Lakeview, who refused to identify "
        "himself. “You can see a huge gap behind the pier,” he said."
    )
    assert one(quotes_of(text), "huge gap").speaker == "a port official in Lakeview"
    # a person named between them may be the one "he" stands for
    text = (
        "“It was definitely a wave,” said a port official. Ben Roe, a diver, arrived later. "
        "“You can see a huge gap behind the pier,” he said."
    )
    assert one(quotes_of(text), "huge gap").speaker == "Ben Roe"


def test_the_first_name_of_a_hyphened_company_alone_is_the_company() -> None:
    text = (
        '"Bugs like this are just a normal part of product development," said Ada Moss, director '
        "of Hewlett-Packard Co.'s advanced systems development. Hewlett announced last week that "
        'it planned to ship a computer. "These bugs don\'t affect our schedule at all," she said.'
    )
    assert one(quotes_of(text), "schedule").speaker == "Ada Moss"


def test_a_quoted_phrase_then_the_document_it_is_read_from_is_the_document_s() -> None:
    text = (
        "But the port's decision to deny the ferry a hearing was “within the outside border of "
        "reasonable choices,” the opinion read. “The court neither approves nor disapproves the "
        "decision.”"
    )
    quote = one(quotes_of(text), "outside border")
    assert quote.speaker == "the opinion"
    assert "neither approves" in quote.text
    # a noun that only looks like a verb of saying ends no quoted phrase's sentence
    text = "He hopes to pick up delegates in “all the rest of the states.”"
    assert all(q.speaker != "the rest of the" for q in quotes_of(text))


def test_continuing_a_thing_reports_no_words() -> None:
    text = (
        "The council passed a motion on Tuesday. It directs harbour boards to continue their "
        "inquiry “into whether the old pier can be saved at a reasonable cost to the town.”"
    )
    assert one(quotes_of(text), "old pier").speaker != "harbour boards"
    text = "“We will not stop,” Ada Moss continued. “The pier stays.”"
    assert one(quotes_of(text), "not stop").speaker == "Ada Moss"
    # a quoted name the object's phrase opens before
    text = (
        "Depending on who is making the case, Tarnia's special Senate election Tuesday is about "
        "either continuing the \"Moss miracle\" in Harbor City or allowing \"decency\" to "
        "prevail back home."
    )
    assert all("election" not in q.speaker for q in quotes_of(text))


def test_a_named_owners_statement_read_after_a_quote_is_the_owners() -> None:
    text = (
        "The harbour closed, according to its director Ada Moss. “This was a coordinated "
        "attack by the shipping lines,” Moss's statement read."
    )
    assert one(quotes_of(text), "coordinated attack").speaker == "Ada Moss"


def test_a_quote_opening_with_its_verb_after_a_document_is_the_document_s() -> None:
    text = (
        "The harbour council met on Monday. A resolution, unanimously adopted, “expresses its "
        "deep sorrow and condolences to the families of the victims.”"
    )
    assert one(quotes_of(text), "deep sorrow").speaker == "A resolution"
    # a person before such a quote is no document: the writer's phrase about them
    text = "The harbour council met on Monday. Ada Moss “has never once told the truth to us.”"
    assert all(q.speaker != "Ada Moss" for q in quotes_of(text) if "truth" in q.text)


def test_the_last_of_a_list_is_the_lists_last_item() -> None:
    """ "Tarnia, Velmar and Ostland, the last of which reported ...": the speaker is Ostland;
    "the first of which" the list's first; with no list before the comma the words stay."""
    text = "That includes Tarnia, Velmar and Ostland, the last of which reported 15,300 new cases."
    assert [q.speaker for q in quotes_of(text)] == ["Ostland"]
    text = "The votes went to Tarnia, Velmar and Ostland, the first of which said it would appeal."
    assert [q.speaker for q in quotes_of(text)] == ["Tarnia"]
    text = "The port hired two firms, the last of which said it would start in May."
    assert [q.speaker for q in quotes_of(text)] == ["the last"]


def test_a_verb_after_a_comma_with_an_object_of_its_own_reports_that_object() -> None:
    """ "Tarnia and Ostland, the last of which reported a record 15,300 new cases": not a
    report of the clause before the comma ("“…,” the mayor told reporters" still is)."""
    text = (
        "That includes Tarnia, Velmar and Ostland, the last of which reported a shattering "
        "15,300 new cases on Sunday."
    )
    (quote,) = quotes_of(text)
    assert quote.speaker == "Ostland" and quote.text.startswith("a shattering 15,300 new cases")
    (quote,) = quotes_of("The bridge will reopen in May, the mayor told reporters.")
    assert (quote.speaker, quote.text) == ("the mayor", "The bridge will reopen in May")


def test_the_subject_of_an_object_misread_as_a_verb_before_a_colon_does_not_speak() -> None:
    # the parse makes "picks" a verb, the object of "singled out", with "Court" its subject
    text = (
        "The row began hours earlier at a pro-choice rally hosted by the Harbour Trust, when "
        "Lund ominously singled out President Moss's two Supreme Court picks: “I want to tell "
        "you, Tom. You will pay the price.”"
    )
    assert one(quotes_of(text), "pay the price").speaker == "Lund"


def test_where_or_when_someone_was_asked_is_not_what_was_asked() -> None:
    # "at" and "during" after a verb whose listed prepositions they are not: a setting
    assert quotes_of("Tom Lund asked Ada Moss at the end of the news conference.") == []
    asked = one(quotes_of("Tom Lund asked Ada Moss about the harbour fees."), "harbour fees")
    assert asked.speaker == "Tom Lund"


def test_a_sentence_saying_who_asked_whom_where_attributes_the_question_before_it() -> None:
    text = (
        "The two leaders met in Velmont for the summit. “Why are you so sure he will change?” "
        "The harbour paper's chief correspondent, Tom Lund, asked Ada Moss at the end of the "
        "news conference."
    )
    assert one(quotes_of(text), "so sure").speaker == "Tom Lund"
    # asked about something, the sentence reports a question of its own
    text = "“Why are you so sure?” Tom Lund asked Ada Moss about the fees at the meeting."
    assert one(quotes_of(text), "the fees").speaker == "Tom Lund"


def test_a_verb_that_names_what_its_object_is_does_not_give_the_object_a_quote() -> None:
    # "called CNN “...”": the object is what is named, not someone speaking after the verb
    text = "He called HarbourFeed a “failing pile of garbage,” called CNN “fake news” and left."
    quotes = quotes_of(text)
    assert all(q.speaker != "CNN" for q in quotes)
    assert one(quotes, "pile of garbage").speaker == "He"


def test_a_verb_of_saying_closing_its_sentence_after_a_comma_reports_all_before() -> None:
    # the parse joins "said" to the clause before it and gives it no clause to report
    text = (
        "In nearby Tarvik, the big Norland steel mill is holding on, but it is under heavy "
        "pressure from cheap imports, said the company's chief executive, Ada R. Moss."
    )
    q = one(quotes_of(text), "the big Norland steel mill")
    assert q.speaker == "Ada R. Moss"
    assert q.text.startswith("In nearby Tarvik") and q.text.endswith("cheap imports")
    # the parse takes the clause's subject for the verb's: the speaker is the one after it
    text = (
        'The rejection of the pact signals "the start of the end" for the union, said Ivo '
        "Tamm, founder of the right-wing Norland Party for Freedom."
    )
    q = one(quotes_of(text), "The rejection of the pact")
    assert q.speaker == "Ivo Tamm" and q.text.endswith("for the union")
    # a sentence that only sets the scene for what follows reports nothing
    assert not quotes_of("After a long pause, she said. Then she left.")


def test_the_occasion_of_a_saying_before_what_it_reports_is_no_part_of_it() -> None:
    # the parse hangs "after the convention" on the reported clause, then takes it for a
    # clause of time
    text = "Ivo Tamm said after the summit he would not sign the pact if it were changed."
    q = one(quotes_of(text), "would not sign")
    assert q.speaker == "Ivo Tamm"
    assert q.text == "he would not sign the pact if it were changed"
    # or hangs it on the clause it reports
    q = one(quotes_of("Ada Moss said after the vote she would resign."), "resign")
    assert q.text == "she would resign"
    # a date may be what is said: it stays
    q = one(quotes_of("Ada Moss said in 2020 the port would close."), "port")
    assert q.text.startswith("in 2020") or q.text == "the port would close"


def test_a_roll_of_names_after_a_label_and_colon_is_no_quote() -> None:
    text = (
        "These are the members of the panel, not all of whom took part in this survey:\n\n"
        "Iowa: Ada Moss, Ivo Tamm, Karin Holm, Nils Berg, Tom Vesna, Lars Dahl, Eva Lind, "
        "Ole Brand, Ed Lund Jr., Mia Sand, Per Roos.\n\n"
        "Ohio: Taxes will rise, and Ada Moss, Ivo Tamm and Tom Vesna know it.\n"
    )
    found = {(q.speaker, q.text[:10]) for q in _Finder(parse(text), None).run()}
    assert ("Ohio", "Taxes will") in found
    assert not any(speaker == "Iowa" for speaker, _ in found)


def test_what_a_quote_was_said_of_is_no_second_report() -> None:
    said_of = {
        '"Why would anyone vote for that?" Ada Moss said about the mayor\'s plan to close '
        "the port.": "the mayor",
        '"You will have to ask the harbour master," Ivo Tamm said, another jab at the '
        "council.": "another jab",
        '"We were asked this before," Karin Holm said answering a question at a meeting in '
        "Bergen.": "a question",
    }
    for text, topic in said_of.items():
        quotes = quotes_of(text)
        assert len(quotes) == 1, [q.text for q in quotes]
        assert not any(topic in q.text for q in quotes)
    # a clause after it, or a report of its own, stays
    text = '"It is over," Nils Berg said of the plan, and he said the port would close.'
    assert one(quotes_of(text), "port").text == "the port would close"
    text = '"It is over," Nils Berg said, adding that the port would close.'
    assert one(quotes_of(text), "port").cue == "adding"


def test_a_report_inside_a_headlines_report_is_part_of_it() -> None:
    # "says" takes an object here, not a clause: the learned cues read it, the verb lists don't
    quotes = quotes_of("Moss says Tamm 'absolutely right' in saying the port will close.")
    assert [(q.speaker, q.cue) for q in quotes] == [("Moss", "says")]
    assert quotes[0].text.endswith("the port will close")


def test_an_utterance_made_or_issued_is_no_content() -> None:
    for text in (
        "Ada Moss made the comments on Friday during a visit to the port.",
        "The harbour council issued a statement.",
    ):
        assert quotes_of(text) == []
    # what was claimed, or what the comments did, stays
    text = "Ada Moss made the claim that the port would close."
    assert one(quotes_of(text), "port").text == "the claim that the port would close"
    text = "Ada Moss made comments disparaging the council."
    assert one(quotes_of(text), "council").text == "comments disparaging the council"


def test_whom_a_quote_was_said_to_is_no_second_report() -> None:
    for text, listener in {
        "“But why?” the reporter Ada Moss asked him.": "him",
        "“Did you know?” Ivo Tamm asked the harbour mogul on Tuesday.": "mogul",
        "Karin Holm emailed reporters on Monday.": "reporters",
    }.items():
        quotes = quotes_of(text)
        assert not any(listener in q.text for q in quotes), [q.text for q in quotes]
    # what was asked about, or what they were urged to do, stays
    text = "“Will it close?” Nils Berg asked the mayor about the port."
    assert one(quotes_of(text), "port").text == "the port"
    text = "Nils Berg urged them to close the port."
    assert one(quotes_of(text), "port").text == "them to close the port"


def test_a_title_after_a_part_of_a_work_is_no_quote() -> None:
    for text in (
        (
            "On Monday’s episode of “The Harbour Hour Morning Show,” the mayor said she wanted "
            "to reopen the pier."
        ),
        "In the first episode of “Harbour Lights,” the mayor said the pier would reopen.",
    ):
        quotes = quotes_of(text)
        assert [q.speaker for q in quotes] == ["the mayor"]
        assert "Harbour" not in quotes[0].text


def test_a_quotes_own_attribution_is_no_report_of_a_later_verb() -> None:
    text = (
        "“You winning?” she said, but Tom was drifting off again, and as the mayor went on, "
        "Ada said yes."
    )
    quotes = quotes_of(text)
    assert [(q.speaker, q.text) for q in quotes] == [("she", "You winning?")]


def test_so_and_as_much_stand_for_what_was_said() -> None:
    reports = {
        "The harbour master had warned of the storm. Ada Moss said as much in an interview on "
        "Friday.": ("Ada Moss", "as much"),
        "Will the pier reopen this year? Neither side would say so.": ("Neither side", "so"),
        "The ferry will run late, but Ivo Tamm does not think so.": ("Ivo Tamm", "so"),
        "Port officials acknowledged as much in a letter to the council.": (
            "Port officials",
            "as much",
        ),
    }
    for text, (speaker, content) in reports.items():
        quote = one(quotes_of(text), content)
        assert (quote.speaker, quote.text) == (speaker, content)
    # a degree or an amount is none
    for text in (
        "Nils Berg said so far the council had not paid.",
        "Nils Berg said as much as 40 percent of the budget was wasted.",
    ):
        texts = [q.text for q in quotes_of(text)]
        assert len(texts) == 1 and texts[0] not in ("so", "as much"), texts


def test_a_report_joined_inside_a_to_clause_is_its_own() -> None:
    text = (
        "Ada Moss demands answers from the mayor, yet refuses to release her own tax records or "
        "explain how her husband became a citizen."
    )
    quotes = quotes_of(text)
    assert one(quotes, "tax").text == "to release her own tax records"
    assert (one(quotes, "husband").cue, one(quotes, "husband").speaker) == ("explain", "Ada Moss")
    # a verb joined to a "to" clause of a verb that reports nothing stays in it
    text = "Ivo Tamm seemed taken aback and mentioned that the ferry had been sold."
    assert [q.cue for q in quotes_of(text)] == ["mentioned"]


def test_a_clause_the_parse_hangs_on_whom_it_was_told_is_what_was_said() -> None:
    text = (
        "In Bergen last month, she told a gathering of North Sea fishing leaders that few people "
        "grasped the danger of the storms better than crews from their coast."
    )
    quote = one(quotes_of(text), "danger")
    assert (quote.cue, quote.speaker) == ("told", "she")
    assert quote.text.startswith("that few people grasped")


def test_what_before_the_speaker_leaves_the_rest_as_what_was_said() -> None:
    reports = {
        "The council redrew the wards, amounting to what the auditors said was plain "
        "favouritism.": ("the auditors", "said", "was plain favouritism"),
        "The gap between what Ada Moss says her harbour plan would do and its cost has grown.": (
            "Ada Moss",
            "says",
            "her harbour plan would do",
        ),
    }
    for text, (speaker, cue, content) in reports.items():
        quotes = quotes_of(text)
        assert [(q.speaker, q.cue, q.text) for q in quotes] == [(speaker, cue, content)]
