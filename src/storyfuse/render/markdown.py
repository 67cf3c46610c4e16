"""The brief as Markdown: readable in a terminal, a pull request or a notes app."""

from __future__ import annotations

from storyfuse.model import Brief
from storyfuse.render.view import build_view


def _md(text: str | None) -> str:
    """Article text is untrusted: keep it from turning into Markdown links, HTML or tables."""
    if not text:
        return ""
    out = " ".join(text.split())
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def _cites(cites: list[dict]) -> str:
    return "".join(f"[{c['n']}]" for c in cites)


def _via(variant: dict) -> str:
    """Who the articles have a quote from, when they say: " (according to CNN)"."""
    return f" (according to {_md(variant['via'])})" if variant.get("via") else ""


def _qualifier(figure: dict) -> str:
    """The qualifier all of a figure's sources write, else each with its sources: "at least [1]"."""
    if figure["shared_qualifier"]:
        return _md(figure["shared_qualifier"])
    return "; ".join(f"{_md(q['text'])} {_cites(q['cites'])}" for q in figure["own_qualifiers"])


def to_markdown(brief: Brief) -> str:
    data = build_view(brief)
    lines: list[str] = ["# storyfuse brief", ""]
    n_articles, n_stories = len(data["articles"]), len(data["stories"])
    lines.append(
        f"{n_articles} article{'s' if n_articles != 1 else ''}, "
        f"{n_stories} stor{'ies' if n_stories != 1 else 'y'}."
    )
    lines.append("")
    for story in data["stories"]:
        lines += [f"## {_md(story['title'])}", ""]
        lines.append("Sources:")
        for s in story["sources"]:
            published = s["published"]
            if published and s.get("published_from") not in (None, "metadata"):
                published += f" ({s['published_from']})"  # a date read from the text, or inferred
            byline = "by " + ", ".join(s["authors"]) if s.get("authors") else None
            meta = ", ".join(x for x in (s["outlet"], byline, published, s.get("language_note")) if x)
            copy = " (copy of " + story["duplicates"][s["id"]] + ")" if s["id"] in story["duplicates"] else ""
            lines.append(f"[{s['n']}] {_md(s['label'])}" + (f" — {_md(meta)}" if meta else "") + f" `{s['id']}`{copy}")
        lines.append("")
        if story["summary"]:
            lines += ["### Summary", ""]
            lines += [f"- {_md(c['text'])} {_cites(c['cites'])}" for c in story["summary"]]
            lines.append("")
        if story["conflicts"]:
            lines += ["### Where sources disagree", ""]
            for conflict in story["conflicts"]:
                lines.append(f"- **{_md(conflict['about'])}**")
                for v in conflict["variants"]:
                    lines.append(f"  - {_md(v['value'])}: “{_md(v['text'])}” {_cites(v['cites'])}")
            lines.append("")
        if story["figures"]:
            lines += ["### Figures", "", "| value | what | qualifier | claimant | date | sources |", "|---|---|---|---|---|---|"]
            for f in story["figures"]:
                when = f["date_label"] + (" (expected)" if f.get("expected") else "")
                lines.append(
                    f"| {_md(f['amount'])} | {_md(f['what'])} | {_qualifier(f)} | "
                    f"{_md(f['claimant']) or '—'} | {when} | {_cites(f['cites'])} |"
                )
            lines.append("")
        if story["quotes"]:
            lines += ["### Quotes", ""]
            if any(len(q["variants"]) > 1 for q in story["quotes"]):
                lines += ["Other outlets' renderings of a quote are indented beneath it.", ""]
            for person in story["speakers"]:
                lines.append(f"- **{_md(person['speaker']) or 'unattributed'}**")
                for q in person["quotes"]:
                    first, *others = q["variants"]
                    lines.append(f"  - “{_md(first['text'])}” {_cites(first['cites'])}{_via(first)}")
                    for v in others:
                        lines.append(f"    - “{_md(v['text'])}” {_cites(v['cites'])}{_via(v)}")
            lines.append("")
        if story["timeline"]:
            lines += ["### Timeline", ""]
            lines += [
                f"- **{t['date_label']}**{' (expected)' if t.get('expected') else ''} "
                f"{_md(t['text'])} {_cites(t['cites'])}"
                for t in story["timeline"]
            ]
            lines.append("")
        if story["facts"]:
            lines += ["### Facts by support", ""]
            for f in story["facts"]:
                lines.append(f"- ({f['support']}) {_md(f['text'])} {_cites(f['cites'])}")
            lines.append("")
        if story["entities"]:
            lines += ["### Entities", ""]
            lines.append(", ".join(f"{_md(e['name'])} ({e['label']}, {len(e['sources'])})" for e in story["entities"]))
            lines.append("")
        if story["framing"]:
            lines += ["### Framing", ""]
            numbers = {s["id"]: s["n"] for s in story["sources"]}
            for f in story["framing"]:
                cues = ", ".join(_md(c) for c in f["cues"])
                lines.append(f"- [{numbers.get(f['article_id'], '?')}] {_md(f['headline']) or '(no headline)'}" + (f" — {cues}" if cues else ""))
            lines.append("")
    if data["errors"]:
        lines += ["## Inputs not analysed", ""]
        lines += [f"- `{_md(e['path'])}`: {_md(e['error'])}" for e in data["errors"]]
        lines.append("")
    return "\n".join(lines)
