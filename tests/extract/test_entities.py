"""Entities with labels: the small spaCy model plus the general fixes in ``entity_fixes``."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from storyfuse.extract.nlp import entities_of, entity_fixes, nlp, parse
from storyfuse.model import Entity


def labels(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in entities_of(parse(text))]


def fixed(words: list[str], ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The entities ``entity_fixes`` leaves of a hand-built Doc the model tagged ``ents``."""
    doc = Doc(nlp().vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return [(e.text, e.label_) for e in entity_fixes(doc).ents]


def test_pipeline_is_loaded_once_with_the_fixes_after_the_recogniser_and_the_parse() -> None:
    assert nlp() is nlp()
    names = nlp().pipe_names
    # the recogniser does not see the parser's sentence starts; the fixes read the parse
    assert names.index("ner") < names.index("paragraph_starts") < names.index("parser")
    assert names[-1] == "entity_fixes"


def test_acronym_after_a_described_body_is_an_org_everywhere() -> None:
    found = labels(
        "Moldova's border police (PGF) said 300 people crossed on Monday. "
        "PGF later raised the figure."
    )
    assert found.count(("PGF", "ORG")) == 2


def test_acronym_after_a_capitalised_name_labels_both() -> None:
    found = labels(
        "The Agency for Energy Regulation (ANRE) approved the tariff, and ANRE said prices "
        "would rise."
    )
    assert ("Agency for Energy Regulation", "ORG") in found
    assert found.count(("ANRE", "ORG")) == 2


def test_acronym_takes_the_label_of_a_place_it_abbreviates() -> None:
    found = labels("The United States (US) objected, and the US delegation left.")
    assert found.count(("US", "GPE")) == 2


def test_organisation_name_ending_in_a_place_is_one_org() -> None:
    found = labels("The Organization for Security and Co-operation in Europe (OSCE) sent monitors.")
    assert ("The Organization for Security and Co-operation in Europe", "ORG") in found
    assert ("OSCE", "ORG") in found


def test_oblast_and_region_names_are_gpe() -> None:
    found = labels("Shelling hit Vinnytsia Oblast overnight, and drones struck the Tver region.")
    assert ("Vinnytsia Oblast", "GPE") in found
    assert ("Tver region", "GPE") in found


def test_a_place_elsewhere_in_the_text_relabels_and_labels_bare_mentions() -> None:
    found = labels(
        "Drones struck Tver overnight. Officials in the Tver region said two people were hurt."
    )
    assert ("Tver", "GPE") in found


def test_weak_label_yields_to_a_place_label_in_the_same_document() -> None:
    # Built by hand so the test does not depend on what the statistical model predicts.
    vocab = nlp().vocab
    words = ["Talks", "in", "Ostrava", "region", "ended", ".", "Ostrava", "hosted", "them", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 2, 4, label="GPE"), Span(doc, 6, 7, label="PRODUCT")]
    fixed = entity_fixes(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [
        ("Ostrava region", "GPE"),
        ("Ostrava", "GPE"),
    ]


def test_a_country_or_capital_tagged_org_is_a_place() -> None:
    """ "according to Kyiv": a government named by its seat is a GPE; a club named after a city
    that is not a capital keeps ORG."""
    vocab = nlp().vocab
    words = ["Officials", "in", "Kyiv", "agreed", ",", "said", "Kyiv", "and", "Liverpool", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 6, 7, label="ORG"), Span(doc, 8, 9, label="ORG")]
    fixed = entity_fixes(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [("Kyiv", "GPE"), ("Liverpool", "ORG")]


def test_a_country_tagged_a_person_is_a_place() -> None:
    """ "Western countries have condemned Belarus" (PERSON): a country's name alone is the
    country, unless the document uses it in a person's name."""
    vocab = nlp().vocab
    words = ["Envoys", "condemned", "Moldova", ".", "Chad", "Lund", "met", "Chad", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [
        Span(doc, 2, 3, label="PERSON"),
        Span(doc, 4, 6, label="PERSON"),
        Span(doc, 7, 8, label="PERSON"),
    ]
    fixed = entity_fixes(doc)
    assert [(e.text, e.label_) for e in fixed.ents] == [
        ("Moldova", "GPE"),
        ("Chad Lund", "PERSON"),
        ("Chad", "PERSON"),
    ]
    # nor after a first name the model left untagged: "The list of Jim Jordan accusers"
    words = ["The", "Ada", "Jordan", "list", "grew", ".", "Jordan", "knew", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 6, 7, label="PERSON")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Ada Jordan", "PERSON"),  # the name in full, as the person tagged alone
        ("Jordan", "PERSON"),
    ]


def test_a_participle_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    """ "Hosting Cook at Dreamforce “is our dream,” Benioff said" had tagged "Hosting Cook",
    which took "Cook" from "Tim Cook"; a first name there stays ("Sterling Rowe")."""
    vocab = nlp().vocab
    words = ["Hosting", "Novak", "pleased", "Keller", ".", "Sterling", "Rowe", "came", "."]
    doc = Doc(vocab, words=words, sent_starts=[True, False, False, False, False,
                                               True, False, False, False])
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 4, label="PERSON"),
                Span(doc, 5, 7, label="PERSON")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Novak", "PERSON"), ("Keller", "PERSON"), ("Sterling Rowe", "PERSON")
    ]


def test_a_first_name_and_a_surname_tagged_alone_elsewhere_are_one_person() -> None:
    """ "Hours before Zach Parise’s two-goal performance" (untagged) ... "Parise said": the
    name in full is the person's; not inside a longer run of capitalised words."""
    vocab = nlp().vocab
    words = ["Before", "Zach", "Novak", "’s", "goal", ",", "Novak", "said", ".",
             "The", "New", "Zach", "Novak", "Fund", "grew", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 6, 7, label="PERSON")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Zach Novak", "PERSON"), ("Novak", "PERSON")
    ]
    # nor a team: a city that is a first name too, then a plural ("the Cleveland Browns")
    words = ["For", "the", "Cleveland", "Falcons", "’", "game", ",", "Falcons", "won", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 7, 8, label="PERSON")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("Falcons", "PERSON")]


def test_a_first_name_and_a_place_whose_word_is_a_person_alone_elsewhere_is_a_person() -> None:
    """ "co-writers Ada Lind and Kate York" (GPE) ... "York said": a first name before a word
    the model tags a person alone makes a person's name, where no place is so called."""
    text = (
        "The co-writers Ada Lind and Kate York came to the project with a similar appreciation. "
        "“It’s a totally different muscle,” York said."
    )
    assert ("Kate York", "PERSON") in [(e.text, e.label) for e in entities_of(parse(text))]


def test_a_word_tagged_a_place_three_times_as_often_as_a_person_is_a_place() -> None:
    """ "came to Varnby from Iraq" (GPE) ... "Varnby became his home" (PERSON): a town the
    model calls a person once and a place three times is the place, when it is no one's name
    in the document; a person's surname stays the person's, and so does a word tagged a person
    as often as a third of the time."""
    vocab = nlp().vocab
    words = [
        "Varnby", "grew", ".", "In", "Varnby", ",", "Varnby", "and", "Varnby", ".",
        "Lukas", "Ostrel", "met", "Ostrel", ".", "Ostrel", ",", "Ostrel", "and", "Ostrel", ".",
    ]  # fmt: skip
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 0, 1, label="PERSON")] + [
        Span(doc, i, i + 1, label="GPE") for i in (4, 6, 8, 15, 17, 19)
    ] + [Span(doc, 10, 12, label="PERSON"), Span(doc, 13, 14, label="PERSON")]
    labels = [(e.text, e.label_) for e in entity_fixes(doc).ents]
    assert labels[0] == ("Varnby", "GPE")
    assert ("Lukas Ostrel", "PERSON") in labels
    assert labels[labels.index(("Lukas Ostrel", "PERSON")) + 1] == ("Ostrel", "PERSON")
    # two places against one person: the person stays
    words = ["Varnby", "grew", ".", "In", "Varnby", "and", "Varnby", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 4, 5, label="GPE"),
                Span(doc, 6, 7, label="GPE")]
    assert entity_fixes(doc).ents[0].label_ == "PERSON"


def test_a_surname_the_model_tags_as_a_place_twice_is_still_the_person() -> None:
    """Lone mentions tagged GPE do not outvote the person's full name when no gazetteer knows
    the word; a known place's lone mentions do ("Jordan" stays a country)."""
    vocab = nlp().vocab
    words = [
        "Tomas", "Brennvik", "won", ".", "Brennvik", "spoke", ".", "Brennvik", "left", ".",
        "Ada", "Jordan", "flew", "to", "Jordan", "and", "Jordan", ".",
    ]  # fmt: skip
    doc = Doc(vocab, words=words)
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 4, 5, label="GPE"),
        Span(doc, 7, 8, label="GPE"),
        Span(doc, 10, 12, label="PERSON"),
        Span(doc, 14, 15, label="GPE"),
        Span(doc, 16, 17, label="GPE"),
    ]
    labels = [(e.start, e.label_) for e in entity_fixes(doc).ents]
    people, places = [0, 4, 7, 10], [14, 16]
    assert labels == [(i, "PERSON") for i in people] + [(i, "GPE") for i in places]


def test_a_dateline_run_into_a_name_is_split_off() -> None:
    """ "CLEVELAND - Ada Moss spoke": the place before the spaced dash is a GPE and the name
    after it a person (the document has "Moss" as one); a common word after the dash is no
    entity; a hyphenated name ("AFL-CIO") is not a dateline."""
    vocab = nlp().vocab
    words = ["CLEVELAND", "-", "Ada", "Moss", "spoke", ".", "Moss", "left", "."]
    spaces = [True, True, True, True, False, True, True, False, False]
    pos = ["PROPN"] * 4 + ["VERB", "PUNCT", "PROPN", "VERB", "PUNCT"]
    doc = Doc(vocab, words=words, spaces=spaces, pos=pos)
    doc.ents = [Span(doc, 0, 4, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    labels = [(e.text, e.label_) for e in entity_fixes(doc).ents]
    assert labels == [("CLEVELAND", "GPE"), ("Ada Moss", "PERSON"), ("Moss", "PERSON")]
    words = ["NEW", "YORK", "-", "Presidential", "races", "are", "long", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "ADJ", "NOUN", "AUX", "ADJ", "PUNCT"]
    doc = Doc(vocab, words=words, pos=pos)
    doc.ents = [Span(doc, 0, 4, label="GPE")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("NEW YORK", "GPE")]
    words = ["AFL", "-", "CIO", "backs", "her", "."]
    doc = Doc(vocab, words=words, spaces=[False, False, True, True, False, False])
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("AFL-CIO", "ORG")]


def test_one_word_product_after_a_locative_preposition_is_a_place() -> None:
    vocab = nlp().vocab
    doc = Doc(vocab, words=["Troops", "massed", "near", "Ostrava", "."])
    doc.ents = [Span(doc, 3, 4, label="PRODUCT")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("Ostrava", "GPE")]


def test_surname_alone_is_the_person() -> None:
    found = labels("Mayor Ilse Brandtner spoke first. Later, Brandtner said the plan would pass.")
    assert ("Ilse Brandtner", "PERSON") in found
    assert ("Brandtner", "PERSON") in found


def test_dates_and_numbers_are_not_entities_and_canonical_is_left_empty() -> None:
    doc = parse("On Monday 300 protesters marched in Paris, police said.")
    assert {"DATE", "CARDINAL"} <= {e.label_ for e in doc.ents}  # the model does find them
    entities = entities_of(doc)
    assert all(isinstance(e, Entity) and e.canonical is None for e in entities)
    assert {e.label for e in entities}.isdisjoint({"DATE", "CARDINAL", "TIME", "QUANTITY"})
    assert ("Paris", "GPE") in [(e.text, e.label) for e in entities]


def test_dateline_agency_after_a_place_is_an_org() -> None:
    found = labels("LISBON (AFP) — Talks resumed in the capital.")
    assert ("AFP", "ORG") in found


def test_acronym_after_a_person_is_their_organisation() -> None:
    found = labels("Senator John Smith (NRA) spoke first.")
    assert ("John Smith", "PERSON") in found
    assert ("NRA", "ORG") in found


def test_an_entity_does_not_end_with_a_lower_case_function_word() -> None:
    vocab = nlp().vocab
    words = ["She", "wrote", "to", "The", "Norland", "Gazette", "that", "he", "erred", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 3, 7, label="ORG")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("The Norland Gazette", "ORG")
    ]


def test_a_list_of_names_after_in_with_two_known_places_is_a_list_of_places() -> None:
    text = (
        "The recruits are trained at camps in Ekaterinoslavka, Sergeevka, Ussuriysk and "
        "Ulan-Ude. Strikes spread in Gdansk, Szczecin and Elblag."
    )
    labels = {e.text: e.label_ for e in parse(text).ents}
    for place in ("Ekaterinoslavka", "Sergeevka", "Ussuriysk", "Ulan-Ude", "Gdansk", "Elblag"):
        assert labels.get(place) == "GPE", labels


def test_a_list_with_one_known_place_keeps_the_models_labels() -> None:
    # "Chelsea" is a town in GeoNames; one known place does not make "Arsenal" one
    labels = {e.text: e.label_ for e in parse("He played in Chelsea and Arsenal.").ents}
    assert labels.get("Arsenal") != "GPE"


def test_half_of_an_editors_insertion_is_no_entity() -> None:
    doc = Doc(nlp().vocab, words=["[", "W]e", "will", "stop", ",", "Ada", "Moss", "said", "."])
    doc.ents = [Span(doc, 1, 2, label="PERSON"), Span(doc, 5, 7, label="PERSON")]
    assert [e.text for e in entities_of(doc)] == ["Ada Moss"]


def test_a_suffix_after_a_comma_stays_with_the_name() -> None:
    # the model ends the name at the comma and calls "Jr." a person, or drops it
    found = labels("Copies of Robert Miller, Jr.'s book sold out, and so did Ada Moss, Jr.'s.")
    assert found == [("Robert Miller, Jr.", "PERSON"), ("Ada Moss, Jr.", "PERSON")]


def test_a_persons_name_holds_no_number() -> None:
    # a number after the name ends it: a ranked list, a delegate count
    found = labels("In the poll, Ted Cruz 1, John Kasich 2, Marco Rubio 3.")
    assert [t for t, label in found if label == "PERSON"] == [
        "Ted Cruz",
        "John Kasich",
        "Marco Rubio",
    ]
    # a word carrying a number is no one's name
    found = labels(
        "The national death toll puts COVID-19 on track to soon kill more than the 58,000 "
        "Americans who died during the Vietnam War."
    )
    assert not [t for t, label in found if label == "PERSON"]


def test_a_place_in_capitals_before_a_dateline_dash_is_a_place() -> None:
    found = labels("DETROIT (AP) — Michigan saved the senator's bid in 2016.")
    assert ("DETROIT", "GPE") in found and ("AP", "ORG") in found
    # an organisation set off by dashes opens no dateline
    assert ("NATO", "ORG") in labels("NATO — the alliance — met on Monday.")


def test_an_entity_does_not_start_with_the_possessive_before_it() -> None:
    found = labels(
        "After crushing losses on Super Tuesday, the Vermont democratic socialist’s White "
        "House bid is now counting on the Wolverine State."
    )
    assert not [t for t, _ in found if t.startswith(("’", "'"))]
    assert "White House" in [t for t, _ in found]


def test_a_place_then_an_office_ending_in_a_body_word_is_that_body() -> None:
    found = labels("The Marlow County District Attorney's Office said on Tuesday it would appeal.")
    assert ("Marlow County District Attorney's Office", "ORG") in found
    found = labels("A spokesman for the Marlow County Sheriff's Department declined to comment.")
    assert ("Marlow County Sheriff's Department", "ORG") in found
    # the place's own possessive is the place's: its body stays apart
    found = labels("Norland's Defence Ministry said the drills were over.")
    assert ("Norland's Defence Ministry", "ORG") not in found


def test_district_before_an_office_word_is_part_of_the_office() -> None:
    found = labels("Marlow County District Attorney Ada Brenn said the case was closed.")
    assert ("Marlow County District", "GPE") not in found
    assert ("Ada Brenn", "PERSON") in found


def test_a_persons_name_leaves_an_abbreviated_title_out() -> None:
    found = labels("Sens. Ada Moss and Ola Vik suggested that the bank could be broken up.")
    assert ("Ada Moss", "PERSON") in found


def test_an_act_or_an_amendment_is_a_law() -> None:
    found = labels("The Norland Harbour Safety Act passed 220-211, a test of the First Amendment.")
    assert ("The Norland Harbour Safety Act", "LAW") in found
    assert ("the First Amendment", "LAW") in found


def test_a_title_alone_is_no_entity() -> None:
    found = labels("Several leaders, including Sens.\u00a0Ada Moss (Ariz.) and Ola Vik, objected.")
    assert not [e for e in found if e[0] == "Sens."]


def test_a_named_storm_is_an_event() -> None:
    found = labels(
        "Tropical Storm Arlo flooded the coast a week after Hurricane Bettina, the National "
        "Hurricane Center said."
    )
    assert ("Tropical Storm Arlo", "EVENT") in found
    assert ("Hurricane Bettina", "EVENT") in found
    assert not [e for e in found if e[0].endswith("Hurricane Center") and e[1] == "EVENT"]


def test_a_day_with_a_name_of_its_own_is_an_event() -> None:
    found = labels(
        "Joe Biden romps in Super Tuesday presidential contests. Stores opened early on Black "
        "Friday. Good Monday morning."
    )
    assert ("Super Tuesday", "EVENT") in found  # "Super" had been a place
    assert ("Black Friday", "EVENT") in found
    assert not any(name.startswith("Good") for name, _ in found)


def test_the_day_written_after_a_name_is_no_part_of_it() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import _trimmed, nlp

    # "President-elect Donald Trump Saturday, saying ...": the model runs the day into the name
    words = ["Lawmakers", "met", "Ada", "Moss", "Saturday", "and", "Harbex", "Tuesday", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    assert [t.text for t in (_trimmed(e) for e in doc.ents) if t is not None] == [
        "Ada Moss",
        "Harbex",
    ]


def test_a_word_in_capitals_for_emphasis_is_no_name() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import _trimmed, nlp

    # "our great people IMMEDIATELY", "a FALSE & terrible statement" (ORG); acronyms stay, and
    # so do words that are nouns too ("SALT")
    words = ["Pay", "IMMEDIATELY", ",", "not", "a", "FALSE", "&", "cruel", "NATO", "SALT", "plan",
             "or", "XLV", "."]
    ents = ["O", "B-ORG", "O", "O", "O", "B-ORG", "I-ORG", "O", "B-ORG", "B-ORG", "O", "O",
            "B-ORG", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    kept = [t.text for t in (_trimmed(e) for e in doc.ents) if t is not None]
    assert kept == ["NATO", "SALT", "XLV"]  # nor a Roman number, an adjective to WordNet
    # a place or a people written in capitals stays: "FLINT, Mich. (AP)", "SYRIAN forces"
    words = ["FLINT", ",", "Mich.", ":", "SYRIAN", "forces", "left", "."]
    ents = ["B-GPE", "O", "B-GPE", "O", "B-NORP", "O", "O", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    kept = [t.text for t in (_trimmed(e) for e in doc.ents) if t is not None]
    assert kept == ["FLINT", "Mich.", "SYRIAN"]
    # a shouted phrase opening with such a word is no person; a name in capitals is one
    words = ["WE", "WILL", "IMMEDIATELY", "BEGIN", "BUYING", "FROM", "ADA", "MOSS", "!"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    kept = [t.text for t in (_trimmed(e) for e in doc.ents) if t is not None]
    assert kept == ["ADA MOSS"]


def test_a_verb_run_into_a_name_is_no_part_of_it() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import _trimmed, nlp

    # "The examiner deemed George Floyd's cause of death a homicide": "deemed George Floyd"
    words = ["The", "examiner", "deemed", "Ada", "Moss", "'s", "death", "a", "homicide", "."]
    pos = ["DET", "NOUN", "VERB", "PROPN", "PROPN", "PART", "NOUN", "DET", "NOUN", "PUNCT"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(nlp().vocab, words=words, pos=pos, ents=ents)
    (ent,) = doc.ents
    trimmed = _trimmed(ent)
    assert trimmed is not None and trimmed.text == "Ada Moss"
    # a name's own particle in lower case stays: "de Varga"
    words = ["Mayor", "de", "Varga", "spoke", "."]
    pos = ["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    doc = Doc(nlp().vocab, words=words, pos=pos, ents=["O", "B-PERSON", "I-PERSON", "O", "O"])
    (ent,) = doc.ents
    assert _trimmed(ent) == ent


def test_an_employer_run_into_the_name_of_its_person_gives_the_person() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import _owner_apart, nlp

    words = ["He", "cited", "Harbour", "Post", "'s", "Eugene", "Lund", "and", "Vesna", "People",
             "'s", "Party", "."]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG",
            "I-ORG", "I-ORG", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    found = [(e.text, e.label_) for e in map(_owner_apart, doc.ents)]
    assert found == [("Eugene Lund", "PERSON"), ("Vesna People 's Party", "ORG")]


def test_a_plurals_apostrophe_parts_an_owner_from_its_person() -> None:
    from spacy.tokens import Doc

    from storyfuse.extract.nlp import _owner_apart, _trimmed, nlp

    # "Fox News' Sean Hannity" (ORG) is Sean Hannity; "Fox News'" (ORG) is Fox News
    words = ["He", "told", "Harbour", "News", "'", "Ada", "Moss", "and", "Tarn", "Times", "'",
             "staff", "."]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG",
            "I-ORG", "O", "O"]
    doc = Doc(nlp().vocab, words=words, ents=ents)
    found = [_owner_apart(t) for t in (_trimmed(e) for e in doc.ents) if t is not None]
    assert [(e.text, e.label_) for e in found] == [("Ada Moss", "PERSON"), ("Tarn Times", "ORG")]


def test_two_places_joined_by_a_hyphen_are_no_body() -> None:
    found = labels(
        "Migrants gathered at the U.S.-Mexico border on Monday. Crews drove to Winston-Salem."
    )
    assert not any(name == "U.S.-Mexico" for name, _ in found)
    assert any(name == "Winston-Salem" for name, _ in found)  # a place of its own


def test_a_group_of_countries_named_by_its_number_keeps_the_number() -> None:
    found = labels(
        "Norland should be readmitted to the Group of Seven industrialized nations. Leaders of "
        "the Group of 20 met in Vesna."
    )
    assert ("Group of Seven", "ORG") in found  # "Group" alone had been the organisation
    assert ("Group of 20", "ORG") in found
    assert not any(name == "Group" for name, _ in found)


def test_a_storm_written_in_lower_case_or_by_its_name_alone_is_the_event() -> None:
    found = labels(
        "The hurricane center said tropical storm Arlo spared the port overnight. Residents "
        "braced as Arlo moved east."
    )
    assert ("tropical storm Arlo", "EVENT") in found
    assert ("Arlo", "EVENT") in found


def test_a_name_after_a_kind_of_place_is_a_place() -> None:
    found = labels("Shelling was heard in the border city of Ras Vela and in the town Sari Kano.")
    assert ("Ras Vela", "GPE") in found
    assert ("Sari Kano", "GPE") in found


def test_a_name_split_at_a_particle_is_one_name() -> None:
    found = labels("The envoy will meet King Tarek bin Abdulhadi Al Vessi on Monday.")
    assert not [e for e in found if e[0].startswith("bin ")]


def test_a_name_before_a_news_agency_is_the_agency() -> None:
    found = labels("It was confirmed, according to the semi-official Tasnor news agency.")
    assert ("Tasnor", "ORG") in found


def test_a_day_is_an_event_and_a_body_leaves_a_demonstrative_out() -> None:
    vocab = nlp().vocab
    words = ["On", "Norland", "Harbour", "Day", ",", "this", "Harbour", "Council", "met", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 1, 4, label="ORG"), Span(doc, 5, 8, label="ORG")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Norland Harbour Day", "EVENT"),
        ("Harbour Council", "ORG"),
    ]
    # a date keeps it: "this week" is the date as written
    doc = Doc(vocab, words=["They", "met", "this", "week", "."])
    doc.ents = [Span(doc, 2, 4, label="DATE")]
    assert [e.text for e in entity_fixes(doc).ents] == ["this week"]


def test_a_titles_qualifier_is_not_part_of_the_body_it_was_run_into() -> None:
    """ "incoming Acting White House Chief of Staff": the model ran "Acting" into the body's
    name. Built by hand so the test does not depend on what the model predicts."""
    vocab = nlp().vocab
    words = ["the", "incoming", "Acting", "Harbour", "House", "Chief", "of", "Staff", "said", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 2, 5, label="ORG")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("Harbour House", "ORG")]


def test_an_entity_does_not_run_over_a_sentence_end() -> None:
    """The recogniser works before the parser: it ran "Tarnby, D.C." | "Ada Moss died" into one
    person. A start the parser puts inside a title-case headline does not cut an entity."""
    vocab = nlp().vocab
    words = ["It", "hit", "Tarnby", ",", "D.C.", "Ada", "Moss", "died", ".", "Ask", "Old", "Tom"]
    starts = [True, False, False, False, False, True, False, False, False, True, False, True]
    doc = Doc(vocab, words=words, sent_starts=starts)
    doc.ents = [Span(doc, 4, 7, label="PERSON"), Span(doc, 9, 12, label="PERSON")]
    found = [(e.text, e.label_) for e in entity_fixes(doc).ents]
    assert ("Ada Moss", "PERSON") in found
    assert ("Ask Old Tom", "PERSON") in found


def test_a_prefix_hyphened_to_a_name_is_left_out_but_a_names_particle_is_not() -> None:
    vocab = nlp().vocab
    words = ["The", "pro", "-", "Ada", "Moss", "camp", "met", "al", "-", "Tarnaq", "."]
    spaces = [True, False, False, True, True, True, True, False, False, False, False]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 1, 5, label="PERSON"), Span(doc, 7, 10, label="ORG")]
    found = [(e.text, e.label_) for e in entity_fixes(doc).ents]
    assert found == [("Ada Moss", "PERSON"), ("al-Tarnaq", "ORG")]


def test_a_recession_or_a_revolution_is_an_event() -> None:
    vocab = nlp().vocab
    doc = Doc(vocab, words=["After", "the", "Great", "Tarn", "Recession", ",", "jobs", "fell", "."])
    doc.ents = [Span(doc, 1, 5, label="FAC")]
    assert [(e.label_) for e in entity_fixes(doc).ents] == ["EVENT"]


def test_a_name_ending_in_a_venues_word_is_a_facility_not_a_person() -> None:
    vocab = nlp().vocab
    words = ["They", "raced", "at", "Tarnby", "Superspeedway", "and", "Ada", "Moss", "won", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 6, 8, label="PERSON")]
    found = [(e.text, e.label_) for e in entity_fixes(doc).ents]
    assert found == [("Tarnby Superspeedway", "FAC"), ("Ada Moss", "PERSON")]


def fixed_of(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The entities ``entity_fixes`` makes of a parse of ``words`` tagged with ``spans``
    (start, end, label): each one's text and label."""
    doc = Doc(nlp().vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return [(e.text, e.label_) for e in entity_fixes(doc).ents]


def test_an_online_platform_is_a_body_and_a_disease_no_entity() -> None:
    words = ["Ada", "Moss", "posted", "to", "Twitter", "and", "Facebook", "and", "YouTube"]
    words += ["about", "COVID-19", "."]
    spans = [(0, 2, "PERSON"), (4, 5, "PERSON"), (6, 9, "WORK_OF_ART"), (10, 11, "ORG")]
    found = fixed_of(words, spans)
    assert found == [
        ("Ada Moss", "PERSON"),
        ("Twitter", "ORG"),
        ("Facebook", "ORG"),
        ("YouTube", "ORG"),
    ]


def test_a_time_zone_after_a_clock_time_is_no_entity() -> None:
    words = ["at", "11", "a.m.", "(", "1500", "GMT", ")", "in", "Hartford", ",", "CT", "."]
    found = fixed_of(words, [(5, 6, "ORG"), (8, 9, "GPE"), (10, 11, "ORG")])
    # the state's postal code after a place name stays
    assert found == [("Hartford", "GPE"), ("CT", "ORG")]


def test_a_newspaper_tagged_a_place_or_a_building_is_a_body() -> None:
    words = ["The", "Tarnby", "Herald", "and", "Tarnby", "Harbour", "reported", "it", "."]
    found = fixed_of(words, [(1, 3, "FAC"), (4, 6, "FAC")])
    assert found == [("Tarnby Herald", "ORG"), ("Tarnby Harbour", "FAC")]


def test_a_newspaper_tagged_a_person_is_a_body() -> None:
    words = ["The", "Tarnby", "Chronicle", "and", "the", "Norland", "Tribune", "said", ","]
    words += ["the", "Chronicle", "said", ".", "Ada", "Post", "wrote", "."]
    spans = [(1, 3, "ORG"), (5, 7, "PERSON"), (10, 11, "PERSON"), (13, 15, "PERSON")]
    assert fixed_of(words, spans) == [
        ("Tarnby Chronicle", "ORG"),
        ("Norland Tribune", "ORG"),
        ("Chronicle", "ORG"),  # the newspaper the article names
        ("Ada Post", "PERSON"),  # "Post" is a surname too
    ]
    # a lone "Chronicle" with no newspaper of that name in the article stays as tagged
    assert fixed_of(["Chronicle", "said", "so", "."], [(0, 1, "PERSON")]) == [
        ("Chronicle", "PERSON")
    ]


def test_a_large_city_of_two_words_tagged_a_person_is_a_place() -> None:
    words = ["The", "Argus", "Leader", "of", "Sioux", "Falls", "quoted", "Ada", "Moss", "."]
    spans = [(1, 3, "ORG"), (4, 6, "PERSON"), (7, 9, "PERSON")]
    assert fixed_of(words, spans) == [
        ("Argus Leader", "ORG"),
        ("Sioux Falls", "GPE"),
        ("Ada Moss", "PERSON"),
    ]


def test_a_person_is_cut_from_what_is_theirs_at_a_possessive() -> None:
    words = ["Tarnby", "’s", "Ada", "Moss", "read", "Ben", "Roe", "’s", "Speech", "to"]
    words += ["Norland", "People", "’s", "Party", "members", "."]
    found = fixed_of(words, [(0, 4, "PERSON"), (5, 9, "PERSON"), (10, 14, "PERSON")])
    assert found == [
        ("Ada Moss", "PERSON"),
        ("Ben Roe", "PERSON"),
        ("Norland People ’s Party", "ORG"),
    ]


def test_a_town_before_its_police_is_the_town_it_is_elsewhere() -> None:
    words = ["Tarnby", "police", "officer", "Ada", "Moss", "spoke", "in", "Tarnby", "."]
    words += ["Obama", "aides", "met", "in", "Obama", "."]
    spans = [(0, 1, "PERSON"), (3, 5, "PERSON"), (7, 8, "GPE"), (9, 10, "PERSON"), (13, 14, "GPE")]
    found = fixed_of(words, spans)
    assert found[0] == ("Tarnby", "GPE")
    assert ("Obama", "PERSON") in found  # before another noun, a name stays a name


def test_a_headline_run_over_two_names_the_text_writes_alone_is_those_names() -> None:
    words = ["Ada", "Moss", "Slams", "Ben", "Roe", "On", "Ports", "\n\n", "Ada", "Moss"]
    words += ["and", "Ben", "Roe", "met", "Ivo", "Tamm", "Sr.", "and", "Ivo", "Tamm", "."]
    spans = [(0, 5, "PERSON"), (8, 10, "PERSON"), (11, 13, "PERSON"), (14, 17, "PERSON")]
    found = [text for text, _ in fixed_of(words, [*spans, (18, 20, "PERSON")])]
    assert found[:2] == ["Ada Moss", "Ben Roe"]
    assert "Ivo Tamm Sr." in found  # a father is not his son


def test_a_leaders_surname_before_their_administration_or_era_is_a_person() -> None:
    found = labels(
        "Judge Ada Moss, a Trump appointee, ruled on Monday that the rule of the Trump era "
        "must go."
    )
    assert found.count(("Trump", "PERSON")) == 2
    # a company's campaign is the company's
    assert ("Google", "ORG") in labels("The Google campaign ran ads on Monday.")


def test_what_a_company_or_person_is_at_a_sentences_start_is_no_part_of_the_name() -> None:
    assert ("Norvik", "ORG") in labels("Chipmaker Norvik said revenue rose.")
    assert ("Ada Moss", "PERSON") in labels("Rapper Ada Moss said he was running.")
    # a name's own first word stays: only words that say what one is are cut
    found = labels("Norvik Pharma said on Friday that sales rose.")
    assert "Norvik Pharma" in [text for text, _ in found]


def test_a_name_qualifying_a_drugmakers_product_is_an_organisation() -> None:
    # the model tags both names a person
    assert ("Moderna", "ORG") in labels("The Moderna shot was approved.")
    found = labels("It bought doses of the Pfizer-BioNTech coronavirus vaccine on Monday.")
    assert ("Pfizer", "ORG") in found
    found = labels("Evidence that Moderna's vaccine is effective in teens came on Monday.")
    assert ("Moderna", "ORG") in found


def test_a_name_after_a_noun_for_a_person_is_that_persons() -> None:
    # the model tags both an organisation
    found = labels(
        "Yanez was acquitted in the shooting death of black motorist Philando Castile. "
        "Castile was shot five times."
    )
    assert found.count(("Castile", "PERSON")) == 1
    assert ("Philando Castile", "PERSON") in found
    # a company's partner stays a company
    found = labels("The company and its partner Ridgeback Biotherapeutics said so.")
    assert ("Ridgeback Biotherapeutics", "ORG") in found
    # the parse hangs the noun and the name both on the word after the name
    found = labels(
        "President Trump called porn actress Stormy Daniels “Horseface” in a tweet Tuesday. "
        "A judge dismissed adult film actress Stormy Daniels’s defamation lawsuit."
    )
    assert found.count(("Stormy Daniels", "PERSON")) == 2
    # a role in lower case describes a person as well
    found = labels("Nina Turner and Cuyahoga County councilwoman Shontel Brown shook hands.")
    assert ("Shontel Brown", "PERSON") in found
    # ... and so does a role in apposition after the name (the model tags it an organisation)
    found = labels(
        "Nikki Haley, the former governor of South Carolina, said she would run. "
        "Goldman Sachs, the investment bank, said it would not."
    )
    assert ("Nikki Haley", "PERSON") in found
    assert ("Goldman Sachs", "ORG") in found


def test_a_persons_name_the_model_split_in_two_is_one_name() -> None:
    # the model tags "Betsy Woodruff" and "Swan" apart
    found = labels(
        "The report was first released to the Associated Press, but Politico’s Betsy Woodruff "
        "Swan noted that there was just “moderate confidence” in the claim."
    )
    assert ("Betsy Woodruff Swan", "PERSON") in found
    # a title is no part of the name after it, and names run into one another in a headline
    assert not _rejoined(["Charlotte", "Mayor"], ["Jennifer", "Roberts"])
    assert _rejoined(["Keith"], ["Lamont", "Scott"])


def test_a_one_word_person_owning_a_persons_full_name_is_an_employer() -> None:
    found = labels(
        "The report was first released to the Associated Press, but Politico’s Betsy Woodruff "
        "Swan noted that there was just “moderate confidence” in the claim. Hillary Clinton "
        "spoke. Clinton's Robby Mook said so."
    )
    assert ("Politico", "ORG") in found  # the model tags it a person
    assert ("Clinton", "PERSON") in found  # the surname of a person named in full


def _rejoined(a: list[str], b: list[str]) -> bool:
    from spacy.tokens import Doc, Span

    from storyfuse.extract.nlp import _rejoined_names, nlp

    words = [*a, *b, "spoke", "."]
    doc = Doc(nlp().vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    ents = [
        Span(doc, 0, len(a), label="PERSON"),
        Span(doc, len(a), len(a) + len(b), label="PERSON"),
    ]
    return bool(_rejoined_names(doc, ents))


def test_a_name_ending_in_a_bodys_word_is_no_persons() -> None:
    text = (
        "After the hourlong rally, protesters took to the streets. Saint Paul Police escorted "
        "the crowd, which they estimated to be about 2,000 people."
    )
    assert ("Saint Paul Police", "ORG") in labels(text)


@pytest.mark.parametrize(
    "name",
    ["Brennan Center", "Asawitri Media", "Reagan Coalition", "Harbour PAC", "Tarn Lines"],
)
def test_a_name_ending_in_a_centre_media_or_coalition_is_no_persons(name: str) -> None:
    # the model tagged each a person in the news ("a fellow at the Brennan Center")
    words = ["Ada", "Moss", ",", "a", "fellow", "at", "the", *name.split(), ",", "spoke", "."]
    assert fixed(words, [(0, 2, "PERSON"), (7, 9, "PERSON")]) == [
        ("Ada Moss", "PERSON"),
        (name, "ORG"),
    ]


@pytest.mark.parametrize("form", ["Co.", "Corp.", "PLC", "Cos.", "S.p.A."])
def test_a_name_ending_in_a_legal_form_is_no_persons(form: str) -> None:
    # "Ralston Purina Co. reported a 47% decline" (PERSON)
    words = ["Halvor", "Brisco", form, "reported", "a", "decline", "."]
    assert fixed(words, [(0, 3, "PERSON")]) == [(f"Halvor Brisco {form}", "ORG")]


def test_a_companys_name_without_its_legal_form_is_no_persons() -> None:
    # "Sansui Electric Co." ... "Sansui Electric" (PERSON)
    words = ["Norvik", "Electric", "Co.", "fell", ".", "Norvik", "Electric", "is", "weak", "."]
    assert fixed(words, [(0, 3, "ORG"), (5, 7, "PERSON")]) == [
        ("Norvik Electric Co.", "ORG"),
        ("Norvik Electric", "ORG"),
    ]
    # a founder's name the company bears stays a person's
    words = ["Ada", "Brisco", "Co.", "fell", ".", "Ada", "Brisco", "is", "sad", "."]
    assert fixed(words, [(0, 3, "ORG"), (5, 7, "PERSON")]) == [
        ("Ada Brisco Co.", "ORG"),
        ("Ada Brisco", "PERSON"),
    ]
    # ... and so does a surname alone ("Mr. Bloomberg's company, Bloomberg L.P.")
    words = ["Norvik", "Co.", "fell", ".", "Norvik", "is", "sad", "."]
    assert fixed(words, [(0, 2, "ORG"), (4, 5, "PERSON")]) == [
        ("Norvik Co.", "ORG"),
        ("Norvik", "PERSON"),
    ]


def test_a_first_name_and_a_surname_tagged_a_person_alone_are_a_person_whatever_the_label() -> None:
    # "Carly Fiorina" (ORG) ... "Fiorina said"; "Kate York" (GPE) ... "York said"
    words = ["Marta", "Varga", "ran", ".", "Varga", "said", "no", "."]
    assert fixed(words, [(0, 2, "ORG"), (4, 5, "PERSON")]) == [
        ("Marta Varga", "PERSON"),
        ("Varga", "PERSON"),
    ]


def test_a_presidents_white_house_is_no_person() -> None:
    words = ["Ada", "Moss", "served", "in", "the", "Varga", "White", "House", "."]
    assert fixed(words, [(0, 2, "PERSON"), (5, 8, "PERSON")]) == [
        ("Ada Moss", "PERSON"),
        ("Varga White House", "ORG"),
    ]


def test_a_person_set_off_by_an_agency_or_a_firm_after_it_is_a_body() -> None:
    # "Xinhua, the official Chinese news agency, wrote": the model tagged a person
    words = ["Norpress", ",", "the", "official", "news", "agency", ",", "wrote", "."]
    doc = Doc(
        nlp().vocab,
        words=words,
        spaces=[False, True, True, True, True, False, True, False, False],
        pos=["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT"],
        heads=[7, 0, 5, 5, 5, 0, 0, 7, 7],
        deps=["nsubj", "punct", "det", "amod", "compound", "appos", "punct", "ROOT", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("Norpress", "ORG")]
    # a person a description of a person follows stays one
    words[3:6] = ["senior", "news", "editor"]
    doc = Doc(
        nlp().vocab,
        words=words,
        pos=["PROPN", "PUNCT", "DET", "ADJ", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT"],
        heads=[7, 0, 5, 5, 5, 0, 0, 7, 7],
        deps=["nsubj", "punct", "det", "amod", "compound", "appos", "punct", "ROOT", "punct"],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [("Norpress", "PERSON")]


def test_a_first_name_the_model_labelled_otherwise_before_a_surname_is_the_persons() -> None:
    # "Ivanka" (PRODUCT) | "Trump" (PERSON): one name; "Democrat" (NORP) | "Lind" stay apart
    words = ["As", "Marta", "Moss", "spoke", ",", "Democrat", "Lind", "left", "."]
    ents = [(1, 2, "PRODUCT"), (2, 3, "PERSON"), (5, 6, "NORP"), (6, 7, "PERSON")]
    assert fixed(words, ents) == [
        ("Marta Moss", "PERSON"),
        ("Democrat", "NORP"),
        ("Lind", "PERSON"),
    ]


def test_a_name_run_into_the_verb_of_saying_after_it_ends_before_the_verb() -> None:
    # "“…,” Trump told Business Insider" (WORK_OF_ART); "Moss Says He Will Run" in a headline
    words = ["Ada", "Moss", "spoke", ".", "“", "Yes", ",", "”", "Moss", "told", "Harbour", "Daily"]
    doc = Doc(
        nlp().vocab,
        words=words,
        tags=["NNP", "NNP", "VBD", ".", "``", "UH", ",", "''", "NNP", "VBD", "NNP", "NNP"],
        lemmas=["Ada", "Moss", "speak", ".", "“", "yes", ",", "”", "Moss", "tell", "Harbour",
                "Daily"],
    )  # fmt: skip
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 8, 12, label="WORK_OF_ART")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Ada Moss", "PERSON"),
        ("Moss", "PERSON"),
    ]


@pytest.mark.parametrize(
    ("words", "tags", "label", "kept"),
    [
        # "Ada Moss Overturns Harbour Rule": a finite verb ends the name
        (["Ada", "Moss", "Overturns", "Harbour", "Rule"], ["NNP", "NNP", "VBZ", "NNP", "NN"],
         "PERSON", "Ada Moss"),
        # "Moss Would Close Port": a modal before more words does too
        (["Moss", "Would", "Close", "Port"], ["NN", "MD", "VB", "NNP"], "ORG", "Moss"),
        # a modal that ends the name is a surname: "George Will"
        (["Ada", "Will"], ["NNP", "MD"], "PERSON", "Ada Will"),
        # no name before the verb: not cut to "That" (the name after it is found)
        (["That", "’s", "Ada", "Moss"], ["DT", "VBZ", "NNP", "NNP"], "PERSON", "Ada Moss"),
        # a verb in -s tagged a name, with a preposition after it: "... Checks Into Rehab"
        (["Ada", "Moss", "Checks", "Into", "Rehab"], ["NNP", "NNP", "NNP", "IN", "NNP"],
         "PERSON", "Ada Moss"),
        (["Ada", "Moss", "Heads", "Out"], ["NNP", "NNP", "NNP", "RP"], "PERSON", "Ada Moss"),
        # a surname that is such a word stays, at the name's end or with no preposition after
        (["Garth", "Brooks"], ["NNP", "NNP"], "PERSON", "Garth Brooks"),
        (["Ada", "Marks", "Tour"], ["NNP", "NNP", "NNP"], "PERSON", "Ada Marks Tour"),
    ],
)  # fmt: skip
def test_a_name_run_into_a_headlines_verb_ends_before_the_verb(
    words: list[str], tags: list[str], label: str, kept: str
) -> None:
    doc = Doc(nlp().vocab, words=words, tags=tags, lemmas=[w.lower() for w in words])
    doc.ents = [Span(doc, 0, len(words), label=label)]
    assert [e.text for e in entity_fixes(doc).ents] == [kept]


def test_a_one_word_person_that_its_goes_on_from_is_a_company() -> None:
    # the model tags both mentions a person
    found = labels(
        "Moderna says its COVID-19 vaccine is 96% effective in teens. Moderna claims vaccine "
        "96% effective."
    )
    assert found.count(("Moderna", "ORG")) == 2
    # "its" after another name is that name's; a full name keeps its surname a person
    assert ("Ada Moss", "PERSON") in labels("Ada Moss said its plan had failed. Moss left.")
    assert ("Moss", "PERSON") in labels("Ada Moss said its plan had failed. Moss left.")


def test_two_capitalised_words_after_a_title_are_a_persons_name() -> None:
    # the model leaves "Carmen" untagged, and "Best" (a town in the Netherlands) a place
    found = labels(
        "Seattle's Police Chief Carmen Best is stepping down. The cuts were opposed by Mayor "
        "Jenny Durkan and Best."
    )
    assert ("Carmen Best", "PERSON") in found
    assert ("Best", "PERSON") in found and ("Best", "GPE") not in found
    # a title that opens the text
    assert ("Carmen Best", "PERSON") in labels("Chief Carmen Best quits as cuts loom.")
    # a headline in title case is no such name: "For" is capitalised there
    assert ("Legislative Candidates", "PERSON") not in labels(
        "Bernie Sanders Is Fundraising For State Legislative Candidates"
    )


def test_a_persons_name_and_the_place_they_are_of_are_two_entities() -> None:
    found = labels("The man was identified as Darren Osborne of Cardiff, Wales, police said.")
    assert ("Darren Osborne", "PERSON") in found and ("Cardiff", "GPE") in found
    assert not any(" of " in name for name, _ in found)


def test_a_country_after_a_role_and_the_person_named_after_it_are_two_entities() -> None:
    found = labels("Former U.S. Ambassador to Ukraine Marie Yovanovitch will testify Friday.")
    assert ("Ukraine", "GPE") in found and ("Marie Yovanovitch", "PERSON") in found
    # a place's own body or building after "to" stays whole
    found = labels("He was taken to Bethesda Naval Hospital. She went to Texas Tech University.")
    assert not any(label == "PERSON" for _, label in found)


def test_a_partys_letter_in_brackets_is_no_entity() -> None:
    found = labels("Biden beat Sen. Bernie Sanders (I., Vt.) in Illinois on Tuesday.")
    assert ("Bernie Sanders", "PERSON") in found
    assert not any(name.rstrip(".") == "I" for name, _ in found)


def test_a_code_of_letters_and_digits_is_no_person_place_or_people() -> None:
    found = labels("Employers filed petitions for H-2B visas in Texas. The B-52 landed in Guam.")
    assert not any(name == "H-2B" for name, _ in found)
    assert ("Texas", "GPE") in found and ("Guam", "GPE") in found


def test_a_participle_opening_a_sentence_with_its_agent_is_no_name() -> None:
    found = labels(
        "Stung by criticism from within their own ranks, House Democrats rushed Tuesday to "
        "alter their border crisis spending bill."
    )
    assert not any(name == "Stung" for name, _ in found)
    assert ("House", "ORG") in found


def test_a_name_ending_in_a_drug_or_lab_companys_word_is_no_person() -> None:
    found = labels(
        "Feinstein and her husband sold between $1.5 million and $6 million in stock in "
        "California biotech company Allogene Therapeutics."
    )
    assert ("Allogene Therapeutics", "ORG") in found


def test_a_name_ending_in_a_studio_or_production_companys_word_is_no_person() -> None:
    """ "Dick Clark Productions" (PERSON): the model reads the founder's name in it."""
    vocab = nlp().vocab
    for last in ("Productions", "Studios", "Pictures", "Entertainment"):
        words = ["Ada", "Lind", last, "declined", "."]
        doc = Doc(vocab, words=words)
        doc.ents = [Span(doc, 0, 3, label="PERSON")]
        assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
            (f"Ada Lind {last}", "ORG")
        ]


def test_a_handle_run_into_a_platforms_name_is_no_part_of_it() -> None:
    """ "Follow him on Twitter @adalind" (one PERSON) is Twitter; a handle alone stays."""
    vocab = nlp().vocab
    words = ["Follow", "her", "on", "Twitter", "@adalind", "and", "@tarnbynews", "."]
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    assert [(e.text, e.label_) for e in entity_fixes(doc).ents] == [
        ("Twitter", "ORG"), ("@tarnbynews", "ORG")
    ]


def test_a_name_after_a_noun_for_a_company_is_no_person() -> None:
    found = labels("A new survey from consulting firm Merritt Hawkins finds that doctors agree.")
    assert ("Merritt Hawkins", "ORG") in found


def test_a_name_after_a_state_abbreviation_that_ends_a_sentence_is_the_name_alone() -> None:
    from storyfuse.extract.nlp import _within_sentence

    # "... in Washington, D.C. Ada Moss died.": the parser left one sentence, and the
    # recogniser ran the place's abbreviation into the name
    words = ["He", "lived", "in", "Washington", ",", "D.C.", "Ada", "Moss", "died", "."]
    doc = Doc(nlp().vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    person = Span(doc, 5, 8, label="PERSON")
    kept = _within_sentence(person)
    assert kept is not None and (kept.text, kept.label_) == ("Ada Moss", "PERSON")
    # a person's initials are no state ("J.R. Ada Moss"), nor is a name without the comma
    initials = Doc(nlp().vocab, words=["Her", "son", ",", "J.R.", "Ada", "Moss", "spoke"])
    assert _within_sentence(Span(initials, 3, 6, label="PERSON")).text == "J.R. Ada Moss"
    plain = Doc(nlp().vocab, words=["In", "D.C.", "Ada", "Moss", "spoke"])
    assert _within_sentence(Span(plain, 1, 4, label="PERSON")).text == "D.C. Ada Moss"


def test_a_name_runs_over_no_dash_set_off_by_spaces() -> None:
    from storyfuse.extract.nlp import _within_dashes

    # "Marta Lindqvist - Harlan's girlfriend - told ...": the recogniser ran the name over the
    # dash into the next one
    words = ["Marta", "Lindqvist", "-", "Harlan", "'s", "girlfriend", "told", "us"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "VERB", "PRON"]
    doc = Doc(nlp().vocab, words=words, pos=pos)
    kept = _within_dashes(Span(doc, 0, 4, label="PERSON"))
    assert kept is not None and (kept.text, kept.label_) == ("Marta Lindqvist", "PERSON")
    # of two parts as long, the one with a proper noun: "than Mr. Trump - 60 percent"
    words = ["than", "Trump", "-", "60", "percent", "said"]
    pos = ["ADP", "PROPN", "PUNCT", "NUM", "NOUN", "VERB"]
    doc = Doc(nlp().vocab, words=words, pos=pos)
    assert _within_dashes(Span(doc, 1, 4, label="PERSON")).text == "Trump"
    # a double name's hyphen is part of it, and a date range keeps its dash
    words = ["Ada", "Reynolds", "-", "Moss", "and", "Dec.", "3", "–", "Dec.", "7"]
    spaces = [True, False, False, True, True, True, True, True, True, False]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "NUM", "PUNCT", "PROPN", "NUM"]
    doc = Doc(nlp().vocab, words=words, spaces=spaces, pos=pos)
    assert _within_dashes(Span(doc, 0, 4, label="PERSON")).text == "Ada Reynolds-Moss"
    assert _within_dashes(Span(doc, 5, 10, label="DATE")).text == "Dec. 3 – Dec. 7"


def test_a_pronoun_tagged_as_a_name_is_no_entity() -> None:
    """Quote marks glued to a pronoun ("wages.”“We have ...") can make the model tag it a person;
    "US" and "U.S." stay the country."""
    words = ["”“We", "have", "a", "deal", "in", "the", "U.S.", "and", "US", ",", "Moss", "said"]
    doc = Doc(nlp().vocab, words=words)
    doc.ents = [
        Span(doc, 0, 1, label="PERSON"),
        Span(doc, 6, 7, label="GPE"),
        Span(doc, 8, 9, label="GPE"),
        Span(doc, 10, 11, label="PERSON"),
    ]
    assert [e.text for e in entities_of(doc)] == ["U.S.", "US", "Moss"]


def test_an_adverb_opening_the_sentence_before_a_comma_is_no_name() -> None:
    words = ["Nationally", ",", "Ada", "Moss", "leads", "by", "four", "points", "."]
    assert fixed(words, [(0, 1, "PERSON"), (2, 4, "PERSON")]) == [("Ada Moss", "PERSON")]
    # an adjective too may be a surname: "Stark, the mayor, said no."
    words = ["Stark", ",", "the", "mayor", ",", "said", "no", "."]
    assert fixed(words, [(0, 1, "PERSON")]) == [("Stark", "PERSON")]


def test_a_web_address_names_no_one_and_ends_a_name_run_into_it() -> None:
    words = ["Read", "Ada", "Moss", ":", "http://bit.ly/1Tnr3QM", "and", "http://bit.ly/9Xk2"]
    found = fixed(words, [(1, 5, "PERSON"), (6, 7, "ORG")])
    assert found == [("Ada Moss", "PERSON")]
    # a site's name is a name
    assert fixed(["Read", "Lakeview.com", "now"], [(1, 2, "ORG")]) == [("Lakeview.com", "ORG")]


def test_a_city_tagged_a_people_is_a_place_but_not_a_surname_or_a_stance() -> None:
    words = ["His", "car", "was", "seen", "in", "the", "suburban", "Amherst", "neighborhood"]
    words += ["near", "anti", "-", "Castro", "families", "."]
    assert fixed(words, [(7, 8, "NORP"), (12, 13, "NORP")]) == [
        ("Amherst", "GPE"),
        ("Castro", "NORP"),
    ]
    words = ["Fidel", "Castro", "spoke", ".", "Castro", "families", "cheered", "."]
    assert fixed(words, [(0, 2, "PERSON"), (4, 5, "NORP")])[1] != ("Castro", "GPE")


def test_a_one_word_person_is_a_company_when_its_goes_on_from_an_untagged_mention() -> None:
    # the model leaves the first "Pfizer" untagged and calls the second a person
    found = labels(
        "Pfizer says its Covid-19 vaccine is safe and fully effective in teenagers. \"This is "
        "the news we hoped to hear,\" said Dr. Tom Lund. Lund was not involved in the Pfizer "
        "research."
    )
    assert ("Pfizer", "ORG") in found and ("Pfizer", "PERSON") not in found


def test_a_common_nouns_possessive_is_no_part_of_the_name_it_owns() -> None:
    # the model runs "the department’s" into the body's name
    found = labels(
        "Arrivals rose by 9,000 for the month, according to the department’s Bureau of Harbor "
        "Statistics."
    )
    assert ("Bureau of Harbor Statistics", "ORG") in found
    # a name's possessive is left as the model tagged it
    found = labels("Ada Moss’s Harbor Party won the vote in Tarnby.")
    assert ("Ada Moss’s Harbor Party", "ORG") in found


def test_a_bill_named_by_its_chamber_and_number_is_one_law() -> None:
    # the model tags the chamber a body and "Bill" a person
    found = labels("The Tarnia law, also known as Senate Bill 8, bans boats after six weeks.")
    assert ("Senate Bill 8", "LAW") in found
    assert ("Bill", "PERSON") not in found and ("Senate", "ORG") not in found
    # the chamber alone stays a body
    assert ("Senate", "ORG") in labels("The Senate passed the bill 52-48 in Tarnia.")


def test_a_day_after_a_names_possessive_is_no_part_of_the_name() -> None:
    # the model tags "Moss’s July 25" a body
    found = labels(
        "President Ada Moss spoke on Monday. Aides listened in on Moss’s July 25 call with the "
        "president of Tarnia."
    )
    assert ("Moss", "PERSON") in found
    assert not any("July" in name for name, _ in found)


def test_an_adjective_before_a_capitalised_name_is_no_part_of_it() -> None:
    assert ("Harbor Party", "ORG") in labels("Members of the earlier Harbor Party left in 2010.")
    # an ordinal is part of the name
    assert ("36th Street", "FAC") in labels("The shop on 36th Street closed.")


def test_a_name_after_a_companys_description_is_a_company() -> None:
    # the model tags the company a person; "Drugmaker" says what it is
    assert labels("Drugmaker Vesta said Monday its pill works.") == [("Vesta", "ORG")]
    # a person's description leaves a person
    assert ("Ada Moss", "PERSON") in labels("Rapper Ada Moss said Monday she would tour Tarnia.")
