"""All the visible text of an HTML page or fragment, one block a line (what copy-paste gives)."""

from __future__ import annotations

import re

import html_text

_BLANKS = re.compile(r"\n\s*\n+")
# Characters XML (and so lxml) refuses; they carry no text.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def visible_text(html: str) -> str:
    """Visible text with one line per block element; scripts, styles and hidden parts dropped."""
    text = html_text.extract_text(_NOT_XML.sub("", html), guess_layout=True)
    return _BLANKS.sub("\n", text).strip()
