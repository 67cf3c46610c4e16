"""Learned attribution cues (stances, wishes, findings) and speaker mention boundaries."""

from __future__ import annotations

import pytest

from storyfuse.extract import quotes as quotes_module
from storyfuse.extract.nlp import parse
from storyfuse.extract.quotes import find_quotes
from storyfuse.extract.quotes_cues import cue_model
from storyfuse.model import Quote


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(parse(text))


def mention(text: str, q: Quote) -> str | None:
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start : q.speaker_end]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Mayor Lena Ortiz supports the new stadium plan.", "the new stadium plan", "Mayor Lena Ortiz"),
        ("The governor favors a higher minimum wage for farm workers.", "a higher minimum wage for farm workers", "The governor"),
        ("A new poll found that most voters oppose the stadium plan.", "that most voters oppose the stadium plan", "A new poll"),
        ("Governor Tom Reyes believes the bridge will open in May.", "the bridge will open in May", "Governor Tom Reyes"),
        ("Governor Tom Reyes hopes to reopen the bridge before winter.", "to reopen the bridge before winter", "Governor Tom Reyes"),
    ],
)  # fmt: skip
def test_stances_wishes_and_findings_are_attributions(
    text: str, content: str, speaker: str
) -> None:
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [content]
    assert mention(text, quotes[0]) == speaker
    assert not quotes[0].direct


def test_noun_cue_with_a_possessive_speaker_names_the_speaker_without_its_ending() -> None:
    text = "Ortiz's criticism of the budget drew applause from the council."
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["the budget"]
    # the mention is the possessive as written, as PolNeAR marks it; the name has no ending
    assert mention(text, quotes[0]) == "Ortiz's"
    assert quotes[0].speaker == "Ortiz"
    assert quotes[0].cue == "criticism"


def test_words_that_report_nothing_give_no_attribution() -> None:
    assert quotes_of("The council repaired the old bridge on Tuesday.") == []
    assert quotes_of("The crew built a new school in the town.") == []
    assert quotes_of("Workers cleaned the school over the summer.") == []


def test_learned_cues_are_left_out_without_the_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Mayor Lena Ortiz supports the new stadium plan. She said the vote is on Friday."
    assert len(quotes_of(text)) == 2
    monkeypatch.setattr(quotes_module, "cue_model", lambda: None)
    assert [q.text for q in quotes_of(text)] == ["the vote is on Friday"]


def test_shipped_weights_have_a_threshold_between_zero_and_one() -> None:
    model = cue_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert "bias" in model.weights


# --- where a speaker mention ends -------------------------------------------------------------


def test_speaker_mention_leaves_out_when_it_spoke() -> None:
    text = "The Sanders campaign on Monday said it would appeal the ruling."
    q = quotes_of(text)[0]
    assert q.text == "it would appeal the ruling"
    assert mention(text, q) == "The Sanders campaign"


def test_speaker_mention_keeps_a_relative_clause_set_off_by_commas() -> None:
    text = "Ada Moss, who runs the gym downtown, said the fees would rise."
    q = quotes_of(text)[0]
    assert q.text == "the fees would rise"
    assert mention(text, q) == "Ada Moss, who runs the gym downtown"
    assert q.speaker == "Ada Moss"


def test_speaker_mention_ends_before_a_participle_clause_set_off_by_commas() -> None:
    text = "Ada Moss, standing outside the gym, said the fees would rise."
    q = quotes_of(text)[0]
    assert q.text == "the fees would rise"
    assert mention(text, q) == "Ada Moss"


def test_speaker_mention_leaves_out_a_focus_word() -> None:
    text = "Even the engineers said the bridge was unsafe."
    q = quotes_of(text)[0]
    assert mention(text, q) == "the engineers"


def test_named_speaker_after_said_is_not_reported_content() -> None:
    text = "“We will rebuild the school,” said Ada Moss, a lawyer for the parents."
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].direct
    assert quotes[0].speaker == "Ada Moss"


def test_speaker_mention_keeps_a_list_it_includes() -> None:
    text = "Several council members, including Ana Lindqvist, said the budget was too small."
    q = quotes_of(text)[0]
    assert q.text == "the budget was too small"
    assert mention(text, q) == "Several council members, including Ana Lindqvist"


def test_speaker_mention_keeps_an_approximate_share() -> None:
    text = "Almost half said the bridge should be closed."
    assert mention(text, quotes_of(text)[0]) == "Almost half"
    text = "Two in three said they would vote for the levy again."
    q = quotes_of(text)[0]
    assert q.text == "they would vote for the levy again"
    assert mention(text, q) == "Two in three"


def test_speaker_mention_starts_after_a_dateline_with_a_hyphen() -> None:
    text = "SALEM, Ore. - Governor Ana Lindqvist said the bridge would reopen in May."
    q = quotes_of(text)[0]
    assert mention(text, q) == "Governor Ana Lindqvist"
    assert q.speaker == "Governor Ana Lindqvist"


def test_the_ledes_dateline_is_not_the_speaker_the_name_after_its_dash_is() -> None:
    # the parse makes the dateline the subject, with the name as its apposition or as a
    # second subject
    text = (
        "Tarnby (CNN) - Dr. Ana Lindqvist, the city's top engineer, told lawmakers Tuesday that "
        'the bridge will reopen, saying, "we are going to be doing more repairs, not less."'
    )
    assert [q.speaker for q in quotes_of(text)] == ["Dr. Ana Lindqvist"] * 2
    text = (
        "TARNBY (AP) — Ana Lindqvist, the city's top engineer, told lawmakers on Tuesday that "
        "the bridge will reopen in May."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Ana Lindqvist"]
    # a name set off by dashes is no dateline
    text = "Ana Lindqvist — a teacher — told lawmakers on Tuesday that the bridge would reopen."
    assert [q.speaker for q in quotes_of(text)] == ["Ana Lindqvist"]
    # a subject in capitals that opens a sentence without a dash is the speaker
    text = "NATO, the alliance, told lawmakers on Tuesday that the bridge will reopen in May."
    assert [q.speaker for q in quotes_of(text)] == ["NATO"]


def test_no_content_holds_the_ledes_dateline() -> None:
    # the parse makes the dateline a second subject of "tried", whose clause is a candidate
    text = (
        "BUENA PARK, Calif. - Rallying hundreds of service workers who are struggling to get by, "
        "Ana Lindqvist tried here last week to empathize with their frustrations and promised "
        "to deliver change."
    )
    contents = [content for _, content in candidates_of(text, "tried")]
    assert contents[-1].startswith("Ana Lindqvist tried here last week to empathize")
    assert not any("BUENA" in content for content in contents)


def test_speaker_after_a_quote_whatever_the_parse_made_of_it() -> None:
    # the parse gives "said" the quote's own subject ("one") and the name as a second one
    text = "“He voted against all of them. Every single one,” said Lindqvist. “It was not close.”"
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].speaker == "Lindqvist"
    assert "not close" in quotes[0].text
    # a speaker described by age, which the parse tags as a date
    text = "“The mayor has always been a strong leader,” said the 46-year-old."
    assert mention(text, quotes_of(text)[0]) == "the 46-year-old"
    # a no-break space between the quote and the verb
    text = "“We are ready for the storm,”\u00a0added Ana Lindqvist."
    assert quotes_of(text)[0].speaker == "Ana Lindqvist"


def test_a_verb_tagged_as_a_noun_keeps_its_subject_as_the_speaker() -> None:
    # the tagger sometimes reads "show" / "estimates" as plural nouns heading the sentence
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import nlp

    words = ["Audit", "files", "show", "that", "four", "accounts", "searched", "the", "data", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[True] * 8 + [False, False],
        pos=["PROPN", "NOUN", "NOUN", "SCONJ", "NUM", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        tags=["NNP", "NNS", "NN", "IN", "CD", "NNS", "VBD", "DT", "NN", "."],
        deps=[
            "compound",
            "nsubj",
            "ROOT",
            "mark",
            "nummod",
            "nsubj",
            "ccomp",
            "det",
            "dobj",
            "punct",
        ],
        heads=[1, 2, 2, 6, 5, 6, 2, 8, 6, 2],
    )
    finder = quotes_module._Finder(doc)
    candidates = finder._cue_candidates(doc[2])
    assert candidates
    assert all(c.speaker is not None and c.speaker.text == "files" for c in candidates)
    assert finder._mention_span(candidates[0].speaker).text == "Audit files"


def test_reporting_word_tagged_as_a_noun_after_a_quote() -> None:
    text = "“If the council wants a new bridge, it should pay for one,” the editorial read."
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].direct
    assert mention(text, quotes[0]) == "the editorial"
    text = "“We will stop the tax increase and protect the schools,” a voice in the ad states."
    assert mention(text, quotes_of(text)[0]) == "a voice in the ad"
    # a noun that reports nothing leaves the quote without a speaker
    text = "“We will stop the tax increase and protect the schools,” a line in the ad."
    assert quotes_of(text)[0].speaker is None


def test_participle_with_its_agent_names_the_speaker() -> None:
    text = "As reported by the Valley Herald, the council approved the new levy in March."
    q = quotes_of(text)[0]
    assert q.text == "the council approved the new levy in March"
    assert mention(text, q) == "the Valley Herald"
    # without an agent the subject of the sentence was asked, it did not ask
    text = "Asked about the levy, Lindqvist said the council would vote in March."
    asked = one_with(quotes_of(text), "the levy")
    assert asked.speaker is None


def one_with(quotes: list[Quote], text: str) -> Quote:
    found = [q for q in quotes if q.text == text]
    assert len(found) == 1
    return found[0]


# --- candidate kinds beyond a word's complements -----------------------------------------------


def candidates_of(text: str, word: str) -> list[tuple[str, str]]:
    """(kind, content) of the learned-cue candidates of the first ``word`` in ``text``."""
    doc = parse(text)
    finder = quotes_module._Finder(doc)
    token = next(t for t in doc if t.text == word)
    return [(c.kind, c.content.text) for c in finder._cue_candidates(token)]


@pytest.mark.parametrize(
    ("text", "word", "kind", "content"),
    [
        # what something is called
        ("Members of a group called Future45 met on Monday.", "called", "name", "Future45"),
        # how something seems: the whole clause, cue included, is the content
        ("Voters seemed unmoved by the new advertisement.", "seemed", "appearance", "Voters seemed unmoved by the new advertisement"),
        # an adverb that reports hearsay qualifies its clause
        ("The mayor reportedly plans to resign next month.", "reportedly", "adverb", "The mayor reportedly plans to resign next month"),
        # the name before a noun of stance
        ("Tom Reyes is a Clinton supporter.", "supporter", "noun-name", "Clinton"),
        # whose view the rest of the sentence is
        ("In Professor Ada Lind's view, the plan would fail.", "view", "frame-noun:in", "the plan would fail"),
        ("For 40 percent of voters, taxes are the top issue.", "For", "source-prep:for", "taxes are the top issue"),
    ],
)  # fmt: skip
def test_candidates_beyond_complements(text: str, word: str, kind: str, content: str) -> None:
    assert (kind, content) in candidates_of(text, word)


def test_an_adverb_that_reports_nothing_is_no_attribution() -> None:
    assert candidates_of("The bridge opened soon after the storm.", "soon") == []
    assert ("adverb", "The bridge opened quickly after the storm") in candidates_of(
        "The bridge opened quickly after the storm.", "quickly"
    )
    assert quotes_of("The bridge opened quickly after the storm.") == []


def test_a_view_named_with_a_possessive_is_an_attribution() -> None:
    text = "In Professor Ada Lind's view, the harbor plan would fail."
    q = one_with(quotes_of(text), "the harbor plan would fail")
    assert q.cue == "view"
    assert mention(text, q) == "Professor Ada Lind's"


def test_context_features_name_the_word_a_cue_hangs_on() -> None:
    from storyfuse.extract.quotes_cues import features

    doc = parse("Editor Jo Pike tended to favor the harbor plan.")
    finder = quotes_module._Finder(doc)
    favor = next(t for t in doc if t.text == "favor")
    (candidate,) = [c for c in finder._cue_candidates(favor) if c.kind == "object"]
    names = features(candidate)
    assert "governor=tend" in names
    assert "group|own-verb=object|False" in names


def test_a_stance_noun_after_be_takes_the_subject_as_its_speaker() -> None:
    text = "Senator Ana Lindqvist was an early backer of the harbor plan."
    q = one_with(quotes_of(text), "the harbor plan")
    assert q.cue == "backer"
    assert mention(text, q) == "Senator Ana Lindqvist"


# --- whose stance a learned cue reports -------------------------------------------------------


def candidate_speakers(text: str, word: str) -> dict[str, str | None]:
    """Kind -> speaker mention of the learned-cue candidates of the first ``word`` in ``text``."""
    doc = parse(text)
    finder = quotes_module._Finder(doc)
    token = next(t for t in doc if t.text == word)
    return {
        c.kind: finder._speaker_mention(c).text if c.speaker is not None else None
        for c in finder._cue_candidates(token)
    }


@pytest.mark.parametrize(
    ("text", "word", "kind", "speaker"),
    [
        # how someone seems: the subject holds the stance
        ("Voters seemed unmoved by the new advertisement.", "seemed", "appearance", "Voters"),
        # an adverb of hearsay: the subject of the verb it qualifies
        ("Mayor Ada Brandt reportedly plans to resign in June.", "reportedly", "adverb", "Mayor Ada Brandt"),
        # a participle that modifies a noun speaks for that noun, and the mention ends before it
        ("The firm gave $2 million to a committee backing Governor Lena Ortiz.", "backing", "object", "a committee"),
        ("Outside groups supporting Governor Lena Ortiz spent heavily on radio.", "supporting", "object", "Outside groups"),
    ],
)  # fmt: skip
def test_learned_cue_speakers(text: str, word: str, kind: str, speaker: str) -> None:
    assert candidate_speakers(text, word).get(kind) == speaker


def test_a_name_before_a_dash_is_not_the_speaker_after_it() -> None:
    text = (
        "Mrs. Clinton is seen as far more capable of dealing with racial tensions than Mr. Trump "
        "- 60 percent of voters said Mrs. Clinton would be better at handling the issue."
    )
    assert {q.speaker for q in quotes_of(text)} == {"60 percent of voters"}
    # a pair of dashes inside the phrase sets nothing off (and its owner is not the speaker)
    text = (
        "Hillary Clinton spoke on Monday. Mrs. Clinton's cautious - and increasingly scripted - "
        "approach to the press seems to be alienating the voters she would need."
    )
    speakers = {q.speaker for q in quotes_of(text)}
    assert speakers == {"Mrs. Clinton's cautious - and increasingly scripted - approach"}


def test_a_name_qualifying_a_plural_is_not_the_speaker() -> None:
    text = "Bill Clinton spoke. Clinton defenders argue that this was the best anyone could do."
    assert [q.speaker for q in quotes_of(text)] == ["Clinton defenders"]
    # when they said it is not part of who they are
    text = "Bill Clinton spoke. Clinton defenders today argue that this was the best one could do."
    assert [q.speaker for q in quotes_of(text)] == ["Clinton defenders"]
    # a person in the phrase is its speaker still: "the economist Lena Sato"
    text = "The economist, Lena Sato, argued that rates would fall."
    assert [q.speaker for q in quotes_of(text)] == ["Lena Sato"]


def test_when_a_speaker_held_a_role_is_not_part_of_the_name() -> None:
    text = (
        "“It may not be the best use of your time,” said Brett O’Donnell, chief strategist for "
        "Tom Reyes’s campaign four years ago, when he toured the state."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Brett O’Donnell"]


def test_a_name_qualifying_a_person_is_not_the_speaker() -> None:
    text = "Barack Obama spoke. An Obama adviser said the plan would fail."
    assert [q.speaker for q in quotes_of(text)] == ["An Obama adviser"]
    # ... also through the body the person works in
    text = "Barack Obama spoke. A senior Obama administration official said the plan would fail."
    assert [q.speaker for q in quotes_of(text)] == ["A senior Obama administration official"]
    # a document of his is his: "a Trump statement"
    text = "Donald Trump spoke. A Trump statement said the plan would fail."
    assert [q.speaker for q in quotes_of(text)] == ["Donald Trump"]
