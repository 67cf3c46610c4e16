"""The pages and their JSON twins over a small hand-built catalog: real HTML, parsed."""

import warnings
from dataclasses import replace

import jsonschema
import lxml.html
from tests.helpers import load_schema
from tests.web.records import corpus

from storyfuse.model import Cited, Figure, QuoteGroup, Rendering
from storyfuse.web import MemoryCatalog, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx vs httpx2
    from fastapi.testclient import TestClient


def _doc(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def test_stories_page_lists_newest_first_with_counts(client):
    doc = _doc(client.get("/"))
    titles = [a.text_content() for a in doc.cssselect(".story-title")]
    assert titles == ["Record apple harvest", "Harbour Bridge reopens"]
    meta = doc.cssselect(".story-row")[1].cssselect(".story-meta")[0].text_content()
    assert "3 articles" in meta and "3 outlets" in meta and "1 conflict" in meta
    assert "2031-03-04 – 2031-03-05" in meta


def test_filters_by_outlet_entity_and_date(client):
    def titles(**params):
        rows = client.get("/api/stories", params=params).json()["stories"]
        return [r["title"] for r in rows]

    assert titles(outlet="Evening Post") == ["Harbour Bridge reopens"]
    assert titles(entity="ana ruiz") == ["Harbour Bridge reopens"]
    assert titles(since="2031-06-01") == ["Record apple harvest"]
    assert titles(until="2031-03-04") == ["Harbour Bridge reopens"]
    assert titles(outlet="Nobody's Paper") == []


def test_search_finds_a_quote_and_links_to_its_sentence(client):
    doc = _doc(client.get("/", params={"q": "shall rebuild"}))
    hits = doc.cssselect(".hit-quote a")
    assert hits and hits[0].get("href") == "/articles/bridge-b#q0"
    article = _doc(client.get("/articles/bridge-b"))
    anchor = article.get_element_by_id("q0")
    assert anchor.getparent().get("id") == "s1"  # the sentence that gets highlighted
    assert [a.text_content() for a in doc.cssselect(".story-title")] == ["Harbour Bridge reopens"]
    api = client.get("/api/search", params={"q": "tonnes"}).json()
    assert {h["kind"] for h in api["hits"]} == {"claim", "article"}


def test_reported_speech_is_not_shown_in_quote_marks(client):
    doc = _doc(client.get("/", params={"q": "reopens"}))
    reported = [h for h in doc.cssselect(".hit-quote") if "reopens on Monday" in h.text_content()]
    assert reported, [h.text_content() for h in doc.cssselect(".hit")]
    assert reported[0].cssselect(".kind")[0].text_content() == "reported"
    assert "“" not in reported[0].cssselect("a")[0].text_content()
    quoted = _doc(client.get("/", params={"q": "shall rebuild"})).cssselect(".hit-quote")[0]
    assert quoted.cssselect(".kind")[0].text_content() == "quote"
    assert quoted.cssselect("a")[0].text_content().startswith("“")
    api = client.get("/api/search", params={"q": "reopens"}).json()
    assert [h["direct"] for h in api["hits"] if h["kind"] == "quote"] == [False]
    entity = _doc(client.get("/entities/The city"))
    item = entity.cssselect(".item-quote")[0]
    assert "indirect" in item.text_content() and "“" not in item.cssselect("a")[0].text_content()


def test_story_page_cites_source_sentences_and_shows_conflicts_first(client):
    doc = _doc(client.get("/stories/s-bridge"))
    sections = [s.get("id") for s in doc.cssselect("article.story > section")]
    assert sections[0] == "conflicts" and sections[1] == "summary"
    cites = [a.get("href") for a in doc.cssselect("#summary a.cite")]
    assert cites == ["/articles/bridge-a#s0", "/articles/bridge-c#s2"]
    # figures: a table and a chart spec for the browser
    rows = doc.cssselect("table.figures tbody tr")
    assert len(rows) == 2 and "about 45" in rows[1].text_content()
    charts = doc.cssselect("#figures figure.chart")
    assert charts and '"worker"' in charts[0].get("data-spec")
    assert doc.cssselect("#timeline figure.chart")


def test_story_page_puts_quote_variants_side_by_side_with_differences_marked(client):
    doc = _doc(client.get("/stories/s-bridge"))
    variants = doc.cssselect(".quote-group .variant")
    assert len(variants) == 2
    marked = [[m.text_content() for m in v.cssselect("mark.diff")] for v in variants]
    assert marked[0] == ["will", "every", "this"] or marked[1] == ["shall", "each", "the"]
    assert "Evening Post" in variants[1].cssselect("footer")[0].text_content()


def test_story_page_lists_a_speakers_quotes_under_one_heading():
    """Quotes are grouped by speaker, as in the reports: the utterances several articles render
    first, then the rest, each speaker named once in each."""
    brief = corpus()
    bridge = brief.stories[0]
    more = (
        QuoteGroup("Ana Ruiz", (Rendering("Crews worked through the night.", ("bridge-a",)),)),
        QuoteGroup("The city", (Rendering("the bridge reopens on Monday", ("bridge-c",)),)),
        QuoteGroup("Ana Ruiz", (Rendering("Nobody was hurt.", ("bridge-b",)),)),
    )
    stories = (replace(bridge, quotes=bridge.quotes + more), *brief.stories[1:])
    client = TestClient(create_app(MemoryCatalog(replace(brief, stories=stories))))
    doc = _doc(client.get("/stories/s-bridge"))
    shared = doc.cssselect("#quotes > .speaker-quotes")
    assert [h.text_content().split("·")[0].strip() for h in doc.cssselect("#quotes > .speaker-quotes h3")] == ["Ana Ruiz"]
    assert len(shared[0].cssselect(".quote-group")) == 1
    assert "2 renderings" in shared[0].cssselect(".quote-group")[0].text_content()
    singles = doc.cssselect("details.single-quotes .speaker-quotes")
    headings = [s.cssselect("h3")[0].text_content() for s in singles]
    assert [h.split("·")[0].strip() for h in headings] == ["Ana Ruiz", "The city"]
    assert "2 quotes" in headings[0]
    assert len(singles[0].cssselect(".quote-group")) == 2


def _without_outlet(brief, article_id: str):
    """The brief with one article's outlet (and the address it could be read from) unknown."""
    articles = tuple(
        replace(a, article=replace(a.article, outlet=None, url=None))
        if a.article.id == article_id
        else a
        for a in brief.articles
    )
    return replace(brief, articles=articles)


def test_quote_variant_footer_names_outlets_and_cites_each_source_once():
    """A source without a known outlet is cited by its number alone, not by a "[n]" label too."""
    brief = _without_outlet(corpus(), "bridge-b")
    client = TestClient(create_app(MemoryCatalog(brief)))
    doc = _doc(client.get("/stories/s-bridge"))
    footers = [v.cssselect("footer")[0] for v in doc.cssselect(".quote-group .variant")]
    assert footers[0].text_content().split() == ["Daily", "Courier", "[1]"]
    assert footers[1].text_content().strip() == "[2]"
    assert [a.get("href").split("#")[0] for a in footers[1].cssselect("a.cite")] == ["/articles/bridge-b"]


def test_quote_variant_footer_puts_each_citation_under_its_own_outlet():
    """One variant rendered by an outlet with a name and one without: the name stands before
    its own citation only, not before the whole list."""
    brief = _without_outlet(corpus(), "bridge-b")
    bridge = brief.stories[0]
    both = QuoteGroup(
        "Ana Ruiz",
        (Rendering("We will rebuild every span of this bridge.", ("bridge-b", "bridge-a")),),
    )
    stories = (replace(bridge, quotes=(both,)), *brief.stories[1:])
    client = TestClient(create_app(MemoryCatalog(replace(brief, stories=stories))))
    doc = _doc(client.get("/stories/s-bridge"))
    footer = doc.cssselect(".quote-group .variant footer")[0]
    assert " ".join(footer.text_content().split()) == "Daily Courier [1] · [2]"


def test_story_page_shows_a_sum_with_cents_with_both_digits():
    brief = corpus()
    bridge = brief.stories[0]
    toll = Figure(
        2.5, "dollar", "Ana Ruiz", ("bridge-a",), thing="toll",
        texts=(Cited("The toll stays at $2.50.", ("bridge-a",)),),
    )
    stories = (replace(bridge, figures=(toll,)), *brief.stories[1:])
    client = TestClient(create_app(MemoryCatalog(replace(brief, stories=stories))))
    doc = _doc(client.get("/stories/s-bridge"))
    (row,) = [r for r in doc.cssselect("tr") if "toll" in r.text_content()]
    assert row.cssselect("td.num")[0].text_content().strip() == "2.50"


def test_story_page_shows_who_omits_what(client):
    doc = _doc(client.get("/stories/s-bridge"))
    header = [th.text_content() for th in doc.cssselect("table.matrix th.outlet")]
    assert header == ["City Wire", "Daily Courier", "Evening Post"]
    first = doc.cssselect("table.matrix tbody tr")[0]
    assert [td.get("class") for td in first.cssselect("td.cell")] == ["cell has", "cell has", "cell omits"]


def test_article_page_marks_sentences_spans_and_folds_clutter(client):
    doc = _doc(client.get("/articles/bridge-a"))
    assert doc.get_element_by_id("s1").text_content().startswith("Mayor Ana Ruiz said")
    assert doc.cssselect(".article-text .quote")[0].text_content() == "We will rebuild every span of this bridge."
    assert doc.cssselect(".article-text .speaker")[0].text_content() == "Ana Ruiz"
    assert doc.cssselect(".article-text .cue")[0].text_content() == "said"
    assert doc.cssselect(".article-text .cue")[0].get("title") == "cue · said"
    assert doc.cssselect(".article-text .claim")[0].text_content() == "40"
    assert doc.cssselect(".article-text .time")[0].get("title") == "date · 2031-03-06"
    removed = doc.cssselect("details.removed")[0]
    assert removed.get("open") is None
    assert "call to action" in removed.text_content() and "Subscribe" in removed.text_content()
    assert doc.cssselect(".crumbs a")[0].get("href") == "/stories/s-bridge"


def test_entity_page_lists_quotes_and_claims_over_time(client):
    doc = _doc(client.get("/entities/Ana Ruiz"))
    items = doc.cssselect("ol.entity-items li")
    assert [i.get("class") for i in items] == ["item-quote", "item-claim", "item-quote"]
    assert items[0].cssselect("a")[0].get("href") == "/articles/bridge-a#q0"
    assert items[1].cssselect("a")[0].get("href") == "/articles/bridge-a#c0"
    assert client.get("/entities/Nobody%20Known").status_code == 404


def test_every_page_has_a_json_twin_and_the_story_follows_the_contract(client):
    schema = load_schema()
    story = client.get("/api/stories/s-bridge").json()
    validator = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/story"})
    validator.validate(story["story"])
    assert story["summary"][0]["cites"][0] == {
        "article_id": "bridge-a", "n": 1, "sentence": 0, "fragment": "s0",
        "title": "Harbour Bridge reopens Monday",
    }
    article = client.get("/api/articles/bridge-a").json()
    jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/article"}).validate(article["article"])
    assert article["story"] == {"id": "s-bridge", "title": "Harbour Bridge reopens"}
    entity = client.get("/api/entities/Ana Ruiz").json()
    assert entity["stories"] == [{"id": "s-bridge", "title": "Harbour Bridge reopens"}]
    assert client.get("/api/stories/nope").json() == {"detail": "no story 'nope'"}


def test_openapi_documents_the_api_and_docs_pages_are_off(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
                 "/api/entities/{name}", "/api/search", "/api/uploads", "/api/uploads/{job_id}"):
        assert path in spec["paths"], path
    assert "multipart/form-data" in spec["paths"]["/api/uploads"]["post"]["requestBody"]["content"]
    assert not any(p.startswith("/stories") for p in spec["paths"])  # HTML pages stay out
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_missing_pages_are_404_html(client):
    response = client.get("/stories/does-not-exist")
    assert response.status_code == 404
    assert "no story" in lxml.html.fromstring(response.text).cssselect("p.error")[0].text_content()


def test_openapi_examples_have_the_shape_of_real_answers(client):
    spec = client.get("/openapi.json").json()

    def documented(path, method="get", status="200"):
        return spec["paths"][path][method]["responses"][status]["content"]["application/json"]["example"]

    real = {
        "/api/stories": client.get("/api/stories").json(),
        "/api/stories/{story_id}": client.get("/api/stories/s-bridge").json(),
        "/api/articles/{article_id}": client.get("/api/articles/bridge-a").json(),
        "/api/entities/{name}": client.get("/api/entities/Ana Ruiz").json(),
        "/api/search": client.get("/api/search", params={"q": "rebuild"}).json(),
    }
    for path, answer in real.items():
        example = documented(path)
        assert set(example) <= set(answer), path
        for key, value in example.items():
            if isinstance(value, list) and value and isinstance(value[0], dict) and answer[key]:
                assert set(value[0]) <= set(answer[key][0]), (path, key)


def test_stories_list_shows_conflicts_once_the_brief_is_computed():
    """Filling in a brief leaves the database's revision as it is; the list page that said
    "conflicts: …" must not be served again once the count is known."""
    class Pending(MemoryCatalog):
        computed = False

        def stories(self, query):
            rows, total = super().stories(query)
            if not self.computed:
                rows = [replace(r, conflicts=None) for r in rows]
            return rows, total

    catalog = Pending(corpus())
    client = TestClient(create_app(catalog))
    first = _doc(client.get("/")).cssselect(".story-row")[1].text_content()
    assert "conflicts: …" in first
    catalog.computed = True  # the brief was fused in the background; same version
    again = _doc(client.get("/")).cssselect(".story-row")[1].text_content()
    assert "1 conflict" in again
    assert _doc(client.get("/")).cssselect(".story-row")[1].text_content() == again


def test_story_page_figures_show_ranges_and_what_is_counted_in_the_texts_words():
    brief = corpus()
    story = brief.stories[0]
    first, *rest = story.figures
    ranged = replace(first, upper=first.value + 40, thing="striking dock workers")
    client = TestClient(
        create_app(MemoryCatalog(replace(brief, stories=(replace(story, figures=(ranged, *rest)),))))
    )
    doc = _doc(client.get(f"/stories/{story.id}"))
    cells = [td.text_content().strip() for td in doc.cssselect("table.figures tbody tr")[0]]
    assert cells[0].endswith(f"{first.value + 40:,.0f}") and "–" in cells[0]
    assert cells[1] == "striking dock workers"


def test_story_page_shows_a_qualifier_with_the_sources_that_write_it():
    brief = corpus()
    story = brief.stories[0]
    first, *rest = story.figures
    both = replace(
        first, sources=("bridge-a", "bridge-b"), qualifier="at least",
        qualifiers=(Cited("at least", ("bridge-a",)),),
    )  # fmt: skip
    client = TestClient(
        create_app(MemoryCatalog(replace(brief, stories=(replace(story, figures=(both, *rest)),))))
    )
    doc = _doc(client.get(f"/stories/{story.id}"))
    cell = doc.cssselect("table.figures tbody tr")[0][0]
    # the number plain, then the qualifier with the one source that writes it, linked to the
    # sentence that source writes the figure in ("Crews of 40 workers finished overnight.")
    assert cell.text_content().split() == ["40", "at", "least", "[1]"]
    (link,) = cell.cssselect("span a")
    assert link.text_content() == "[1]" and "#s" in link.get("href")


def test_an_entity_shown_with_its_short_forms_gathers_what_articles_write():
    """A brief names a body with its short forms ("Ostland Security Bureau (OSB)"); its link
    finds the quotes and claims the articles give "the OSB"."""
    from tests.web.records import analysis

    from storyfuse.model import Brief

    text = "The Ostland Security Bureau met. The OSB said 12 drones flew. It said \u201cwe are ready.\u201d"
    one = analysis(
        "osb", text, title="Drones over Ostland", outlet="Wire", published="2031-01-01",
        speaker="The OSB", quote="we are ready.", claim=("12", 12.0, "drone", "The OSB"),
    )  # fmt: skip
    text = "Ostland Security Bureau said \u201cthe skies are calm.\u201d"
    two = analysis(
        "osb-2", text, title="Calm skies", outlet="Post", published="2031-01-02",
        speaker="Ostland Security Bureau", quote="the skies are calm.",
    )  # fmt: skip
    catalog = MemoryCatalog(Brief(articles=(one,), stories=()))
    client = TestClient(create_app(catalog))
    page = client.get("/api/entities/Ostland Security Bureau (OSB)")
    assert page.status_code == 200, page.text
    assert page.json()["name"] == "Ostland Security Bureau (OSB)"
    assert sorted(i["kind"] for i in page.json()["items"]) == ["claim", "quote"]
    assert client.get("/api/entities/Ostland Security Bureau (XYZ)").status_code == 404
    # a brief shows a name without its article
    text = "Rates will stay, the Harbour Board said on Monday."
    board = analysis(
        "board", text, title="Rates", outlet="Post", published="2031-01-03",
        speaker="the Harbour Board", quote="Rates will stay", direct=False,
    )  # fmt: skip
    client = TestClient(create_app(MemoryCatalog(Brief(articles=(board,), stories=()))))
    assert [i["article_id"] for i in client.get("/api/entities/Harbour Board").json()["items"]] == [
        "board"
    ]
    # the long name as written and the short form: one page, oldest first
    client = TestClient(create_app(MemoryCatalog(Brief(articles=(one, two), stories=()))))
    items = client.get("/api/entities/Ostland Security Bureau (OSB)").json()["items"]
    assert [i["article_id"] for i in items] == ["osb", "osb", "osb-2"]
    assert {(i["article_id"], i["kind"]) for i in items} == {
        ("osb", "claim"), ("osb", "quote"), ("osb-2", "quote"),
    }  # fmt: skip


def test_a_source_in_another_language_says_it_was_not_read_for_quotes_or_figures():
    brief = corpus()
    articles = tuple(
        replace(a, article=replace(a.article, language="de")) if a.id == "bridge-b" else a
        for a in brief.articles
    )
    client = TestClient(create_app(MemoryCatalog(replace(brief, articles=articles))))
    story_id = brief.stories[0].id
    doc = _doc(client.get(f"/stories/{story_id}"))
    notes = [li.text_content() for li in doc.cssselect("ol.source-list li")]
    flagged = [n for n in notes if "in de: not read for quotes, figures, dates or names" in n]
    assert len(flagged) == 1 and "Evening Post" in flagged[0]
    article = _doc(client.get("/articles/bridge-b")).text_content()
    assert "in de: not read for quotes, figures, dates or names" in article
    other = _doc(client.get("/articles/bridge-a")).text_content()
    assert "not read for" not in other


def test_search_finds_what_a_name_said_and_wrote(catalog):
    """Without a database too: a quote or claim is found by its speaker or claimant, an
    article by its outlet."""
    by_ruiz = {(h.kind, h.article_id) for h in catalog.search("Ruiz")}
    assert {("quote", "bridge-a"), ("quote", "bridge-b"), ("claim", "bridge-a")} <= by_ruiz
    assert ("quote", "bridge-c") in {(h.kind, h.article_id) for h in catalog.search("city")}
    assert {(h.kind, h.article_id) for h in catalog.search("daily courier")} == {
        ("article", "bridge-a")
    }
