"""All the visible text of an HTML page or fragment, one block a line (what copy-paste gives)."""

from __future__ import annotations

import re

import html_text

_BLANKS = re.compile(r"\n\s*\n+")


def visible_text(html: str) -> str:
    """Visible text with one line per block element; scripts, styles and hidden parts dropped."""
    text = html_text.extract_text(html, guess_layout=True)
    return _BLANKS.sub("\n", text).strip()
