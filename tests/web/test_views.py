from tests.web.records import corpus

from storyfuse.web.views import (
    article_blocks,
    best_sentence,
    outlet_matrix,
    quote_columns,
    safe_url,
    word_diff,
)


def _articles():
    from storyfuse.render.jsonout import to_dict

    return {a["id"]: a for a in to_dict(corpus())["articles"]}


def test_best_sentence_finds_the_copied_sentence_and_refuses_unrelated_text():
    article = _articles()["bridge-c"]
    assert best_sentence(article, "Engineers inspected it twice.") == 2
    assert best_sentence(article, "The city said the bridge reopens on Monday") == 1
    assert best_sentence(article, "Apple growers expect a record harvest") is None


def test_word_diff_marks_only_changed_words_and_ignores_punctuation_and_case():
    pieces = word_diff("We will rebuild every span of this bridge.", "we will rebuild each span of this bridge")
    changed = [p.text for p in pieces if p.changed]
    assert changed == ["each"]
    assert " ".join(p.text for p in pieces) == "we will rebuild each span of this bridge"


def test_quote_columns_diff_against_the_most_sourced_variant():
    variants = [
        {"text": "a b c", "sources": ["x"]},
        {"text": "a B d", "sources": ["y", "z"]},
    ]
    first, second = quote_columns(variants)
    assert [p.text for p in first if p.changed] == ["c"]
    assert not any(p.changed for p in second)


def test_outlet_matrix_shows_who_omits_a_fact():
    articles = _articles()
    facts = [{"text": "reopens Monday", "sources": ["bridge-a", "bridge-c"]}]
    matrix = outlet_matrix(facts, {k: articles[k] for k in ("bridge-a", "bridge-b", "bridge-c")})
    assert matrix.outlets == ["City Wire", "Daily Courier", "Evening Post"]
    assert matrix.rows[0]["cells"] == [True, True, False]
    assert matrix.omissions == {"City Wire": 0, "Daily Courier": 0, "Evening Post": 1}


def test_safe_url_keeps_web_links_only():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<b>x", "java\nscript:x",
                "vbscript:x", "//evil.example/x", "http://", "", None):
        assert safe_url(bad) is None, bad


def test_article_blocks_cover_the_text_exactly_and_mark_spans():
    article = _articles()["bridge-a"]
    blocks = article_blocks(article)
    assert "".join(s.text for b in blocks for s in b.segments) == article["text"]
    anchors = [b.anchor for b in blocks if b.anchor]
    assert anchors == [f"s{i}" for i in range(len(article["sentences"]))]
    quoted = "".join(s.text for b in blocks for s in b.segments if "quote" in s.classes)
    assert quoted == "We will rebuild every span of this bridge."
    claim = [s for b in blocks for s in b.segments if "claim" in s.classes]
    assert claim and claim[0].text == "40" and "according to Ana Ruiz" in claim[0].notes[0]
    assert any("ent-person" in s.classes for b in blocks for s in b.segments)
    anchored = {a: (b.anchor, s.text) for b in blocks for s in b.segments for a in s.anchors}
    assert anchored["q0"] == ("s1", "We will rebuild every span of this bridge.")
    assert anchored["c0"] == ("s1", "40")


def test_article_blocks_survive_overlapping_and_out_of_range_spans():
    text = "Alpha beta gamma. Delta epsilon."
    article = {
        "text": text,
        "sentences": [{"text": "Alpha beta gamma.", "span": [0, 17]}, {"text": "Delta epsilon.", "span": [18, 32]}],
        "quotes": [{"text": "beta gamma. Delta", "speaker": None, "span": [6, 23]}],
        "claims": [],
        "times": [{"text": "x", "value": None, "span": [25, 99]}],
        "entities": [{"text": "beta", "label": "ORG", "span": [6, 10]}, {"text": "bad", "label": "ORG", "span": [9, 3]}],
    }
    blocks = article_blocks(article)
    assert "".join(s.text for b in blocks for s in b.segments) == text
    beta = next(s for b in blocks for s in b.segments if s.text == "beta")
    assert set(beta.classes) >= {"quote", "ent", "ent-org"}


def test_highlight_marks_query_words_and_their_longer_forms():
    from storyfuse.web.views import highlight

    pieces = highlight("Troops moved; the troop left at night.", "troop night")
    assert [p.text for p in pieces if p.changed] == ["Troops", "troop", "night."]
    assert " ".join(p.text for p in pieces) == "Troops moved; the troop left at night."


def test_excerpt_centres_on_the_first_query_word_and_cuts_at_spaces():
    from storyfuse.web.catalog import excerpt

    text = " ".join(f"word{i}" for i in range(100)) + " needle " + " ".join(f"tail{i}" for i in range(100))
    cut = excerpt(text, "Needle", width=120)
    assert "needle" in cut and cut.startswith("…word") and cut.endswith("…")
    assert all(part.startswith(("word", "tail", "needle", "…")) for part in cut.split())


def test_an_untitled_source_is_named_by_its_opening_words():
    from storyfuse.web.pages import source_meta

    article = {"id": "a9", "title": None, "text": "Crews reopened the harbour bridge on Monday after repairs.",
               "sentences": [{"text": "Crews reopened the harbour bridge on Monday after repairs."}]}
    assert source_meta(article, 2)["label"] == "(untitled) “Crews reopened the harbour bridge on Monday after repairs.”"
    assert source_meta({**article, "title": "Bridge reopens"})["label"] == "Bridge reopens"
    # the lede's words, not the dateline set apart before them
    dated = {**article, "sentences": [{"text": "SALTMERE, Ostland (AP) _"}, *article["sentences"]]}
    assert source_meta(dated, 2)["label"] == source_meta(article, 2)["label"]
