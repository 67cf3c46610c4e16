"""Small analysed articles and stories built by hand, for the web tests (no models needed)."""

from __future__ import annotations

import hashlib

from storyfuse.model import (
    Analysis,
    Article,
    Brief,
    Cited,
    Claim,
    Conflict,
    Entity,
    Fact,
    Figure,
    Framing,
    Quote,
    QuoteGroup,
    Removed,
    Rendering,
    Sentence,
    StoryBrief,
    StoryEntity,
    TimelineEvent,
    TimeMention,
    Variant,
)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences cut at '. ' (enough for hand-written fixtures)."""
    out, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        out.append(Sentence(start, end, text[start:end]))
        start = end + 1
    return tuple(out)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def analysis(
    aid: str,
    text: str,
    *,
    title: str,
    outlet: str,
    published: str,
    url: str | None = None,
    speaker: str = "Ana Ruiz",
    quote: str | None = None,
    direct: bool = True,  # the quote in quote marks, or reported speech
    claim: tuple[str, float, str, str | None] | None = None,  # number text, value, unit, claimant
    time: tuple[str, str] | None = None,
    removed: tuple[Removed, ...] = (),
) -> Analysis:
    article = Article(
        id=aid, path=f"{aid}.txt", format="text", text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(), title=title, outlet=outlet,
        published=published, published_from="metadata", url=url, removed=removed,
    )
    entities = []
    if speaker in text and speaker[:1].isupper() and not speaker.startswith("The "):
        entities.append(Entity(speaker, "PERSON", *span(text, speaker)))
    quotes = ()
    if quote:
        named = span(text, speaker) if speaker and speaker in text else (None, None)
        cue = span(text, "said") if "said" in text else (None, None)
        quotes = (
            Quote(
                quote, speaker, *span(text, quote), cue="said", direct=direct,
                speaker_start=named[0], speaker_end=named[1], cue_start=cue[0], cue_end=cue[1],
            ),
        )
    claims = ()
    if claim:
        number_text, value, unit, claimant = claim
        start, end = span(text, number_text)
        sentence = next(s for s in sentences(text) if s.start <= start < s.end)
        claims = (Claim(sentence.text, value, unit, start, end, claimant=claimant,
                        number_text=number_text),)
    times = ()
    if time:
        times = (TimeMention(time[0], time[1], *span(text, time[0])),)
    return Analysis(article, sentences(text), tuple(entities), quotes, claims, times)


BRIDGE_A = (
    "The Harbour Bridge reopens on Monday after repairs. Mayor Ana Ruiz said "
    "\u201cWe will rebuild every span of this bridge.\u201d Crews of 40 workers finished overnight."
)
BRIDGE_B = (
    "Traffic returns to the Harbour Bridge on Tuesday. Mayor Ana Ruiz said "
    "\u201cWe shall rebuild each span of the bridge.\u201d About 45 workers took part."
)
BRIDGE_C = (
    "Repairs to the Harbour Bridge are complete. The city said the bridge reopens on Monday. "
    "Engineers inspected it twice."
)
ORCHARD = (
    "Apple growers in the valley expect a record harvest this autumn. "
    "The growers' association said 1,200 tonnes would be picked."
)


def corpus() -> Brief:
    """Two stories: a bridge reopening told by three outlets (with a conflict), and an orchard."""
    a = analysis(
        "bridge-a", BRIDGE_A, title="Harbour Bridge reopens Monday", outlet="Daily Courier",
        published="2031-03-04", url="https://courier.example/bridge",
        quote="We will rebuild every span of this bridge.",
        claim=("40", 40.0, "worker", "Ana Ruiz"), time=("Monday", "2031-03-06"),
        removed=(Removed("Subscribe to our newsletter", "call to action"),),
    )
    b = analysis(
        "bridge-b", BRIDGE_B, title="Bridge traffic back on Tuesday", outlet="Evening Post",
        published="2031-03-05", quote="We shall rebuild each span of the bridge.",
        claim=("45", 45.0, "worker", None), time=("Tuesday", "2031-03-07"),
    )
    c = analysis(
        "bridge-c", BRIDGE_C, title="Harbour Bridge repairs done", outlet="City Wire",
        published="2031-03-05", speaker="The city",
        quote="the bridge reopens on Monday", direct=False,
    )
    d = analysis(
        "orchard", ORCHARD, title="Record apple harvest expected", outlet="Valley News",
        published="2031-09-01", speaker="Nobody",
        claim=("1,200", 1200.0, "tonne", "The growers' association"),
    )
    bridge = StoryBrief(
        id="s-bridge", title="Harbour Bridge reopens", article_ids=("bridge-a", "bridge-b", "bridge-c"),
        summary=(
            Cited("The Harbour Bridge reopens on Monday after repairs.", ("bridge-a",)),
            Cited("Engineers inspected it twice.", ("bridge-c",)),
        ),
        facts=(
            Fact("The bridge reopens on Monday.", ("bridge-a", "bridge-c")),
            Fact("Ana Ruiz promised to rebuild.", ("bridge-a", "bridge-b")),
        ),
        figures=(
            Figure(40.0, "worker", "Ana Ruiz", ("bridge-a",),
                   texts=(Cited("Crews of 40 workers finished overnight.", ("bridge-a",)),)),
            Figure(45.0, "worker", None, ("bridge-b",), qualifier="about",
                   texts=(Cited("About 45 workers took part.", ("bridge-b",)),)),
        ),
        conflicts=(
            Conflict("reopening date", (
                Variant("2031-03-06", "The Harbour Bridge reopens on Monday after repairs.",
                        ("bridge-a", "bridge-c")),
                Variant("2031-03-07", "Traffic returns to the Harbour Bridge on Tuesday.",
                        ("bridge-b",)),
            ), kind="date"),
        ),
        quotes=(
            QuoteGroup("Ana Ruiz", (
                Rendering("We will rebuild every span of this bridge.", ("bridge-a",)),
                Rendering("We shall rebuild each span of the bridge.", ("bridge-b",)),
            )),
        ),
        timeline=(
            TimelineEvent("2031-03-06", "The bridge reopens.", ("bridge-a", "bridge-c")),
            TimelineEvent("2031-03-07", "Traffic returns.", ("bridge-b",)),
        ),
        entities=(StoryEntity("Ana Ruiz", "PERSON", ("bridge-a", "bridge-b"), aliases=("Ruiz",)),),
        framing=(Framing("bridge-a", "Harbour Bridge reopens Monday", ("reopens",)),),
    )
    orchard = StoryBrief(
        id="s-orchard", title="Record apple harvest", article_ids=("orchard",),
        summary=(Cited("Apple growers in the valley expect a record harvest this autumn.", ("orchard",)),),
        figures=(Figure(1200.0, "tonne", "The growers' association", ("orchard",)),),
    )
    return Brief(articles=(a, b, c, d), stories=(bridge, orchard))
