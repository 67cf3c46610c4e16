"""An extractive summary in which every sentence cites all the articles that state it.

Candidates are the aligned statements of ``facts`` (one per group, in its most central wording
that can stand alone as a summary sentence), so a sentence's sources are every article that says
it, not only the one it was taken from.
Scores: TextRank (PageRank over the cosine graph of the candidates, networkx) times a bonus for
support (statements several articles make) and for coming early in the articles (the news
lead). Sentences are then picked by maximal marginal relevance so that no two say the same, and
shown in the order the articles tell them (mean position).

Left out as candidates, because out of their article they mislead or say nothing: questions,
sentences that open with a pronoun or a connective or end in a pronoun's "he said" (whose
reference is lost), sentences that carry a quotation with no speaker named in the sentence or
lie inside one, the attribution of the quotation before it ("Trump said of Joe Biden."),
headlines left in the text (title case: "Spies Keep Intelligence From Donald Trump on Leak
Concerns."), and sentences too short or too long.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np

from storyfuse.clean.clutter import title_cased
from storyfuse.fuse.units import (
    StoryArticles,
    Unit,
    finished,
    leans_on_context,
    source_order,
    stops_mid_sentence,
    unattributed_quotation,
    unbalanced_quotes,
    without_label,
)
from storyfuse.model import Cited

if TYPE_CHECKING:  # facts asks ``usable`` which sentences a summary can take
    from storyfuse.fuse.facts import Alignment

MAX_SENTENCES = 7
MIN_SENTENCES = 5
MIN_WORDS, MAX_WORDS = 8, 60
MMR_LAMBDA = 0.7
REDUNDANT = 0.8
# two sentences that give the same figures are one statement from this likeness on
SAME_FIGURES = 0.5
_DANGLING = re.compile(
    r"^(he|she|it|they|this|that|these|those|his|her|its|their|there|but|and|also|however|"
    r"meanwhile|still|yet|then|so(?! far)|not(?! only)|instead(?! of)|thus|therefore|"
    r"otherwise|nor|or|plus|moreover|besides|nevertheless|nonetheless|indeed|again|anyway|"
    r"after all|even so|in fact|in turn|such|"
    # "Most of them -- but not all -- adhere ...": a part of what the sentence before named
    r"(?:most|some|many|all|none|each|both|either|neither|one|several|few|half|any) of "
    r"(?:them|these|those|it)\b)\b",
    re.IGNORECASE,
)

# "them" or "him" among a sentence's first words stands for someone the sentence before named:
# "China matched them dollar for dollar", "Mr. Netanyahu assured him it was done ..."
_EARLY_OBJECT = re.compile(r"^(?:\S+\s+){1,4}(?:them|him)\b", re.IGNORECASE)


# "The move comes as ...", "The statement came after ...", "The decision is the latest ...": an
# act named by a bare noun stands for one the sentence before told ("The decision by the 2nd
# Circuit ..." says whose)
_THE_ACT = re.compile(
    r"^The (?:move|decision|statement|announcement|comments|remarks|development) "
    r"(?!(?:of|by|from|to|in|on|for|at|with|over|against|toward|towards|about|after|before|"
    r"under|into|among|between|that|which|who|and|or)\b)[a-z]"
)


def usable(unit: Unit, story: StoryArticles, cut_off: bool = False) -> bool:
    """Whether a sentence can stand alone in the summary; ``cut_off``: also the unfinished last
    sentence of an article that stops mid-sentence (a feed's excerpt, a truncated lead)."""
    text = without_label(unit.text)
    n = len(text.split())
    if n < MIN_WORDS or n > MAX_WORDS or "?" in text or text.endswith(":"):
        return False
    if not text[0].isupper():
        return False
    if not finished(text) and not (cut_off and stops_mid_sentence(unit, story)):
        return False
    if _DANGLING.match(text) or _EARLY_OBJECT.match(text) or _THE_ACT.match(text):
        return False
    if leans_on_context(text):
        return False
    if unbalanced_quotes(text):
        return False
    if title_cased(text):
        return False  # a headline the text repeats: a label, not a sentence of the story
    if _attributes_what_went_before(unit, story) or _goes_on_from_a_colon(unit, story):
        return False
    return not unattributed_quotation(unit, story)


# Words of a sentence ending in a colon from which the parse split the next sentence off: more
# than a label's ("EXCLUSIVE:", "Rubio:", "Q:")
COLON_LEAD_WORDS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _goes_on_from_a_colon(unit: Unit, story: StoryArticles) -> bool:
    """Whether a sentence goes on from the one before it in its paragraph, which ends in a colon
    ("Powell delivered a message to his fellow policymakers on Tuesday:" | "Faced with a
    once-in-a-century pandemic ..., go big."): read alone, it loses what it is said of."""
    analysis = story.analysis_of(unit.article_id)
    if analysis is None:
        return False
    text = analysis.article.text
    before = text[text.rfind("\n", 0, unit.start) + 1 : unit.start].rstrip()
    lead = _SENTENCE_END.split(before)[-1]  # the sentence before, not the whole paragraph
    return lead.endswith(":") and len(lead.split()) > COLON_LEAD_WORDS


def _attributes_what_went_before(unit: Unit, story: StoryArticles) -> bool:
    """Whether a sentence is the attribution of a quotation the sentence before it holds ("“This
    guy has been taking your dignity away,”″ | Trump said of Joe Biden."): read alone, it
    says that someone said something, not what. So is the attribution between the parts of one
    (“What right does he have?” | X said at a news conference. | “I am the father.”)."""
    analysis = story.analysis_of(unit.article_id)
    return analysis is not None and any(
        q.cue_start is not None
        and unit.start <= q.cue_start < unit.end
        and any(end <= unit.start for _, end in q.spans())
        and not any(start < unit.end and unit.start < end for start, end in q.spans())
        for q in analysis.quotes
    )


def summary(
    story: StoryArticles,
    alignment: Alignment,
    *,
    max_sentences: int = MAX_SENTENCES,
    min_sentences: int = MIN_SENTENCES,
) -> list[Cited]:
    candidates = _candidates(story, alignment)
    if not candidates:
        # articles that each stop mid-sentence (feed excerpts): their unfinished sentences,
        # shown as cut off, rather than no summary
        candidates = _candidates(story, alignment, cut_off=True)
    if not candidates:
        return []
    reps = [rep for rep, _ in candidates]
    sim = alignment.similarity[np.ix_(reps, reps)]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(reps)))
    for i in range(len(reps)):
        for j in range(i + 1, len(reps)):
            if sim[i, j] > 0:
                graph.add_edge(i, j, weight=float(sim[i, j]))
    rank = (
        nx.pagerank(graph, weight="weight")
        if graph.number_of_edges()
        else {i: 1.0 for i in range(len(reps))}
    )
    n_articles = max(1, len(story.analyses))
    score = np.zeros(len(reps))
    position = np.zeros(len(reps))
    for k, (rep, group) in enumerate(candidates):
        support = len({alignment.units[g].article_id for g in group})
        position[k] = float(np.mean([alignment.units[g].position for g in group]))
        score[k] = rank[k] * (1 + (support - 1) / n_articles) * (1.3 - 0.3 * position[k])
    score = score / score.max()

    stated = [alignment.stated[rep] if alignment.stated else frozenset() for rep in reps]

    def same_figures(k: int, c: int) -> bool:
        """Two sentences that give the same figures and are alike say one thing twice ("Robbers
        stole $137 million in jewels from the store", "The thieves stole $137 million in
        jewels, the prosecutor's office said")."""
        return bool(stated[k]) and stated[k] == stated[c] and float(sim[k, c]) >= SAME_FIGURES

    chosen: list[int] = []
    while len(chosen) < min(max_sentences, len(reps)):
        best, best_value = None, -np.inf
        for k in range(len(reps)):
            if k in chosen:
                continue
            overlap = max((float(sim[k, c]) for c in chosen), default=0.0)
            if overlap >= REDUNDANT or any(same_figures(k, c) for c in chosen):
                continue
            value = MMR_LAMBDA * score[k] - (1 - MMR_LAMBDA) * overlap
            if value > best_value:
                best, best_value = k, value
        if best is None:
            break
        # past the minimum, stop when what is left matters little
        if len(chosen) >= min_sentences and score[best] < 0.35:
            break
        chosen.append(best)
    chosen.sort(key=lambda k: position[k])
    out = []
    for k in chosen:
        rep, group = candidates[k]
        sources = source_order([alignment.units[g].article_id for g in group], story.ids)
        text = without_label(alignment.units[rep].text)
        out.append(Cited(text=text if finished(text) else f"{text}…", sources=sources))
    return out


def _candidates(
    story: StoryArticles, alignment: Alignment, cut_off: bool = False
) -> list[tuple[int, list[int]]]:
    """Each statement in the wording of its most central member that reads well alone: a group
    whose central member is a headline ("FBI Documents Show State Department Fought
    Classification of Clinton Emails") also holds the lead sentence saying it."""
    out = []
    for group in alignment.groups:
        members = [g for g in group if usable(alignment.units[g], story, cut_off)]
        if members:
            out.append((alignment.representative(members), group))
    return out
