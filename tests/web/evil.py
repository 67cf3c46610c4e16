"""A corpus whose every text field is a script-injection attempt."""

from __future__ import annotations

from tests.web.records import analysis

from storyfuse.model import (
    Brief,
    Cited,
    Conflict,
    Fact,
    Figure,
    Framing,
    QuoteGroup,
    Removed,
    Rendering,
    StoryBrief,
    StoryEntity,
    TimelineEvent,
    Variant,
)

PWN = "window.__pwned=1"
PAYLOADS = (
    f"<script>{PWN}</script>",
    f'"><script>{PWN}</script>',
    f"'><img src=x onerror={PWN}>",
    f"</script><script>{PWN}</script>",
    f"<svg onload={PWN}>",
    f'<a href="javascript:{PWN}">click</a>',
    "{{ 7*7 }}",
    "\u2028</textarea><iframe src=//evil.example/></iframe>",
)
P = " ".join(PAYLOADS)
EVIL_ID = "evil\"'<b>x</b>&amp;"
EVIL_URL = f"javascript:{PWN}"


def evil_corpus() -> Brief:
    text = (
        f"Headline {P}. Minister {PAYLOADS[2]} said \u201c{PAYLOADS[0]} is true {PAYLOADS[4]}.\u201d "
        f"The ministry said 300 {PAYLOADS[1]} were counted. It happened on Friday."
    )
    a = analysis(
        EVIL_ID, text, title=P, outlet=PAYLOADS[3], published="2032-01-02", url=EVIL_URL,
        speaker=PAYLOADS[2], quote=f"{PAYLOADS[0]} is true {PAYLOADS[4]}.",
        claim=("300", 300.0, PAYLOADS[5], PAYLOADS[1]), time=("Friday", "2032-01-01"),
        removed=(Removed(P, PAYLOADS[6]),),
    )
    b = analysis(
        "plain", "A plain article about the same event. Nothing else happened.",
        title="Plain", outlet="data:text/html,<script>alert(1)</script>", published="2032-01-03",
        url="https://example.org/plain", speaker="Nobody",
    )
    story = StoryBrief(
        id=f"story-{PAYLOADS[0]}", title=P, article_ids=(EVIL_ID, "plain"),
        summary=(Cited(f"Headline {P}.", (EVIL_ID,)),),
        facts=(Fact(P, (EVIL_ID,)),),
        figures=(Figure(300.0, PAYLOADS[5], PAYLOADS[1], (EVIL_ID,), qualifier=PAYLOADS[4],
                        date=PAYLOADS[6], texts=(Cited(P, (EVIL_ID,)),)),),
        conflicts=(Conflict(P, (Variant(PAYLOADS[0], P, (EVIL_ID,)), Variant(PAYLOADS[3], P, ("plain",))),
                            kind=PAYLOADS[2]),),
        quotes=(QuoteGroup(PAYLOADS[2], (Rendering(P, (EVIL_ID,)), Rendering(PAYLOADS[4], ("plain",)))),),
        timeline=(TimelineEvent("2032-01-01", P, (EVIL_ID,)), TimelineEvent(PAYLOADS[3], P, ("plain",))),
        entities=(StoryEntity(PAYLOADS[2], PAYLOADS[5], (EVIL_ID,), aliases=(PAYLOADS[0],)),),
        framing=(Framing(EVIL_ID, P, (PAYLOADS[1],)),),
    )
    return Brief(articles=(a, b), stories=(story,))
