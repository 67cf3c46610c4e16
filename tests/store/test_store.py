from dataclasses import replace

from storyfuse.group import group
from storyfuse.store import Store


def memberships(store: Store) -> list[list[str]]:
    return sorted(sorted(store.story(s.id).article_ids) for s in store.stories())


def test_add_groups_articles_into_stories_with_counts(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        result = store.add_analyses([*flood, bank])
        assert sorted(result.added) == ["bank-1", "flood-1", "flood-2"]
        assert memberships(store) == [["bank-1"], ["flood-1", "flood-2"]]
        # the same grouping as the batch function
        assert {s.id for s in store.stories()} == {s.id for s in group([*flood, bank])}
        summary = next(s for s in store.stories() if s.articles == 2)
        assert summary.sources == 2
        assert summary.first_published == "2024-03-04"
        assert summary.last_published == "2024-03-05"
        assert summary.outlets == ("Harwick Herald", "Valley News")
        assert store.story_of("flood-2") == summary.id
        assert [a.id for a in store.articles(story_id=summary.id)] == ["flood-2", "flood-1"]


def test_adding_the_same_content_twice_changes_nothing(db_url, flood) -> None:
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        revision = store.revision()
        result = store.add_analyses(flood)
        assert result.added == () and result.updated == ()
        assert sorted(result.unchanged) == ["flood-1", "flood-2"]
        assert store.revision() == revision
        assert len(store.versions("flood-1")) == 1


def test_a_changed_file_is_a_new_version_and_the_old_one_is_kept(db_url, flood) -> None:
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        first = flood[0]
        changed = replace(
            first,
            article=replace(
                first.article,
                text=first.article.text + " Rain is expected to ease on Tuesday.",
                content_hash="hash-flood-1-v2",
            ),
        )
        result = store.add_analyses([changed])
        assert result.updated == ("flood-1",)
        assert [(v.version, v.content_hash) for v in store.versions("flood-1")] == [
            (1, "hash-flood-1"),
            (2, "hash-flood-1-v2"),
        ]
        stored = store.analyses(["flood-1"])["flood-1"]
        assert stored == changed
        assert memberships(store) == [["flood-1", "flood-2"]]


def test_an_unrelated_article_added_later_leaves_the_story_alone(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        story_id = store.stories()[0].id
        result = store.add_analyses([bank])
        assert story_id not in result.stories
        assert store.story(story_id).article_ids == ("flood-1", "flood-2")
        assert len(store.stories()) == 2


def test_reopening_rebuilds_the_index_and_new_articles_join(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses([flood[0], bank])
    with Store.open(db_url) as store:
        result = store.add_analyses([flood[1]])
        story_id = store.story_of("flood-1")
        assert result.stories == (story_id,)
        assert store.story(story_id).article_ids == ("flood-1", "flood-2")


def test_search_finds_articles_quotes_and_claims(db_url, flood, bank) -> None:
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])
        kinds = {(h.kind, h.article_id) for h in store.search("shelters")}
        assert ("quote", "flood-1") in kinds
        assert ("claim", "flood-2") in kinds
        assert ("article", "flood-1") in kinds
        assert all(h.article_id != "bank-1" for h in store.search("shelters"))
        hit = store.search("interest rate")[0]
        assert (hit.kind, hit.article_id) == ("article", "bank-1")
        assert hit.story_id == store.story_of("bank-1")
        assert store.search("") == []
        assert store.search('"unbalanced AND (') == []


def test_deleting_an_article_updates_its_story(db_url, flood) -> None:
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        assert store.delete_article("flood-2")
        assert not store.delete_article("no-such-article")
        assert memberships(store) == [["flood-1"]]
        assert store.search("receded") == []


def test_a_new_version_refreshes_its_storys_brief(db_url, flood) -> None:
    """The cached brief of a story is dropped when one of its articles gets a new version,
    even though the story's membership stays the same."""
    with Store.open(db_url) as store:
        store.add_analyses(flood)
        story_id = store.story_of("flood-1")
        old = store.brief_dict(story_id)
        assert "Floods force 2,000 from homes in Harwick" in [a["title"] for a in old["articles"]]
        changed = replace(
            flood[0],
            article=replace(flood[0].article, title="Harwick flood: 2,500 leave", content_hash="v2"),
        )
        result = store.add_analyses([changed])
        assert result.updated == ("flood-1",)
        assert store.story_of("flood-1") == story_id
        assert story_id in result.stories  # readers that cache by story learn it changed
        new = store.brief_dict(story_id)
        titles = [a["title"] for a in new["articles"]]
        assert "Harwick flood: 2,500 leave" in titles
        assert "Floods force 2,000 from homes in Harwick" not in titles


def test_search_takes_phrases_or_and_excluded_words(db_url, flood, bank) -> None:
    """The web search syntax of PostgreSQL's websearch_to_tsquery, on both databases."""
    with Store.open(db_url) as store:
        store.add_analyses([*flood, bank])

        def articles(q: str) -> set[str]:
            return {h.article_id for h in store.search(q)}

        # a quoted phrase: its words together, in order
        assert articles('"interest rate"') == {"bank-1"}
        assert articles('"rate interest"') == set()
        # OR: either side; it binds more loosely than the words around it
        assert articles("receded OR inflation") == {"flood-2", "bank-1"}
        assert articles("Harwick receded OR inflation") == {"flood-2", "bank-1"}
        assert articles("Harwick receded OR Sunday") == {"flood-1", "flood-2"}
        # a leading minus leaves out the passages (text, quote, claim) that have the word
        assert articles("Harwick -Sunday") == {"flood-2"}
        assert articles('Harwick -"Tamber River"') == set()
        # words alone are all required, as before
        assert articles("Stroud shelters") == {"flood-1", "flood-2"}
        assert articles("-Harwick") == set()  # nothing to look for but an exclusion


def korean_and_chinese() -> list:
    """A Korean report and a Chinese one, written without spaces inside words as those scripts
    are (a Korean word carries its particle: "류화영의" is "Ryu Hwa-young's")."""
    from tests.store.conftest import analysis

    return [
        analysis(
            "ko-1",
            "2024-03-05",
            "엘제이의 리벤지인가",
            "엘제이의 리벤지인가, 류화영의 피해자 코스프레인가. 시작은 엘제이의 폭로였다. "
            "Samsung의 광고도 나왔다.",
        ),
        analysis(
            "zh-1",
            "2024-03-05",
            "朝鲜军队抵达俄罗斯",
            "韩国国家情报院表示，朝鲜已向俄罗斯派遣约一万二千名士兵。",
        ),
    ]


def test_search_finds_words_inside_chinese_japanese_and_korean_text(db_url, flood) -> None:
    """Runs of CJK characters are one token to both databases' word tokenizers; the bigrams
    stored beside the text let a search find a word inside one."""
    with Store.open(db_url) as store:
        store.add_analyses([*flood, *korean_and_chinese()])

        def articles(q: str) -> set[str]:
            return {h.article_id for h in store.search(q)}

        assert articles("류화영") == {"ko-1"}  # inside "류화영의"
        assert articles("화영") == {"ko-1"}
        assert articles("영화류") == set()  # the same characters in another order
        assert articles("俄罗斯") == {"zh-1"}  # inside a sentence without spaces
        assert articles("情报院") == {"zh-1"}
        assert articles("俄罗斯 朝鲜") == {"zh-1"}
        assert articles("俄罗斯 류화영") == set()
        assert articles("俄罗斯 OR 류화영") == {"zh-1", "ko-1"}
        assert articles("Samsung의") == {"ko-1"}
        assert articles("Samsung") == {"ko-1"}
        assert articles("Harwick OR 俄罗斯 -士兵") == {"flood-1", "flood-2"}
        assert articles('"朝鲜军队"') == {"zh-1"}  # the title
        assert articles("receded") == {"flood-2"}  # other text as before
        hit = next(h for h in store.search("俄罗斯") if h.kind == "article")
        assert "俄罗斯" in hit.text  # the hit shows the text, not the bigrams
        assert store.delete_article("zh-1")
        assert articles("俄罗斯") == set()


def said_by_name() -> list:
    """The flood reports with their quote's speaker, a claimant and an article's authors; no
    passage names the speaker or claimant beside their words, and one speaker is written in
    Chinese."""
    from tests.store.conftest import flood_reports

    from storyfuse.model import Quote

    first, second = flood_reports()
    first = replace(
        first,
        quotes=(replace(first.quotes[0], speaker="Ellen Stroud"),),
        article=replace(first.article, authors=("Ines Okafor",)),
    )
    second = replace(
        second,
        quotes=(Quote(text="the levees held", speaker="王建国", start=0, end=1),),
        claims=(replace(second.claims[0], claimant="the county sheriff"),),
    )
    assert "sheriff" not in second.claims[0].text
    return [first, second]


def test_search_finds_what_a_name_said_and_wrote(db_url) -> None:
    """A quote is found by its speaker, a claim by its claimant, an article by its outlet and
    authors, though their text does not name them; the name and the words combine."""
    with Store.open(db_url) as store:
        store.add_analyses(said_by_name())

        def hits(q: str) -> set[tuple[str, str]]:
            return {(h.kind, h.article_id) for h in store.search(q)}

        assert ("quote", "flood-1") in hits("Stroud")
        assert hits("Stroud shelters") >= {("quote", "flood-1")}
        assert hits("Stroud levees") == set()
        assert hits("sheriff") == {("claim", "flood-2")}
        assert hits("Okafor") == {("article", "flood-1")}
        assert hits('"Valley News"') == {("article", "flood-2")}
        assert hits("建国") == {("quote", "flood-2")}
        quote = next(h for h in store.search("Stroud") if h.kind == "quote")
        assert quote.who == "Ellen Stroud" and "Stroud" not in quote.text
