"""What one line of pasted page text looks like: the shape features the clutter rules use.

Each feature is a general property of web-page text (how long a line is, whether it reads as a
sentence, whether it is made of function words like running prose, whether it is a bare time or
a photo credit, whether it is a common piece of site furniture). None names a site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
# Sentence end, optionally followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
# A bare time, duration or player read-out: "0:00", "8:06 AM", "1 min read", "3:45 / 10:12".
TIME_ONLY = re.compile(
    r"^\(?(\d{1,2}:\d{2}(:\d{2})?\s*([ap]\.?m\.?)?|\d+\s*(min|mins|minutes?|sec|seconds?)"
    r"(\s+(read|listen|watch|ago))?|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2})\)?"
    r"(\s*\(updated:?\s*\))?$",
    re.IGNORECASE,
)
# A trailing photo credit: "... Jane Doe/Agency", "(Jane Doe/Agency)", "Photo: Agency".
CREDIT_TAIL = re.compile(
    r"(\(\s*[^()]{2,60}/[^()]{2,60}\)\s*$"
    r"|\b[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w.'’&-]*(\s+[\w.'’&-]+){0,5}\s*$"
    r"|\b(photo|image|picture|photograph|illustration|video|graphic)s?\s*"
    r"(credit|courtesy|by)?\s*[:|]\s*\S.{0,60}$)",
    re.IGNORECASE,
)
CREDIT_WORDS = re.compile(
    r"\b(photo(graph)?s?|image|picture|illustration|file photo|handout|credit|courtesy"
    r"|via getty|screenshot|pictured|seen here|shown here|above|left|right)\b",
    re.IGNORECASE,
)
# Common site furniture, in many sites' wording. One signal among several: a long sentence that
# happens to contain "subscribe" is still prose.
UI_PHRASES = re.compile(
    r"\b(skip to (main )?(content|navigation)|jump to|go to (contents|content|top)|back to top"
    r"|subscribe|subscription|subscriber|newsletters?|sign (up|in|out)|log ?in|log ?out|register"
    r"|create (an )?account|my account|e-?mail address|enter your e-?mail|required field"
    r"|indicates required|advertisement|advertising|advertise|sponsored|promoted|partner content"
    r"|cookies?|privacy (policy|notice|settings)|terms (of|and) (use|service|conditions)"
    r"|all rights reserved|copyright|©|share (this|on|via|the)|share\b|tweet|pin it|whatsapp"
    r"|facebook|twitter|instagram|linkedin|youtube|tiktok|reddit|flipboard|rss"
    r"|follow us|follow (him|her|them|\w+) on|read more|read next|continue reading|see more"
    r"|view (all|more|comments)|show (more|less)|load more|more (news|stories|from)"
    r"|related (stories|articles|posts|content|coverage|topics|news|links)|recommended|most "
    r"(read|popular|viewed|shared)|trending|top stories|editors'? picks|you (may|might) (also )?"
    r"like|comments?|leave a (comment|reply)|click here|tap here|download (the|our) app"
    r"|get the app|listen (to|now)|this audio|audio (is|version)|play(er)?\b|watch( now|:)"
    r"|loading|please enable javascript|pre-?order|buy now|shop now|learn more|print|toggle"
    r"|menu|search|close|open in app|edit post|report (an? )?(error|typo|correction)"
    r"|suggest a correction|contact us|about us|careers|help center|site ?map|accessibility"
    r"|thank you for (signing up|subscribing|reading)|successfully subscribed|confirmation e-?mail"
    r"|support (our|independent) journalism|donate|contribute)\b",
    re.IGNORECASE,
)
# Words that start a byline or a dateline line.
BYLINE = re.compile(r"^\s*(by|written by|words by|reporting by|author:?)\s+[A-Z]", re.IGNORECASE)
DATELINE_WORDS = re.compile(
    r"\b(posted|published|updated|modified|last updated|first published)\b", re.IGNORECASE
)
BIO = re.compile(
    r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s+(is|was|has been|covers|writes|reports)\b.{0,120}"
    r"\b(journalist|reporter|writer|editor|correspondent|columnist|contributor|producer"
    r"|covers|covering|author of|fellow)\b",
)


def normalise(text: str) -> str:
    """A comparison key for a line: case, accents, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", text).lower()
    return " ".join(WORD.findall(text))


@dataclass(frozen=True)
class Line:
    """One non-empty line of the input, with the features the clutter rules read."""

    index: int
    text: str

    @cached_property
    def words(self) -> list[str]:
        return WORD.findall(self.text)

    @property
    def n_words(self) -> int:
        return len(self.words)

    @cached_property
    def stopword_density(self) -> float:
        if not self.words:
            return 0.0
        return sum(w.lower() in ENGLISH_STOP_WORDS for w in self.words) / len(self.words)

    @cached_property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))

    @cached_property
    def capitalised_ratio(self) -> float:
        """Share of words written with a capital: high in headlines, menus and name lists."""
        if not self.words:
            return 0.0
        return sum(w[0].isupper() for w in self.words) / len(self.words)

    @cached_property
    def is_prose(self) -> bool:
        """Reads like running text: several words, many of them function words, punctuated."""
        n = self.n_words
        if n >= 30 and self.stopword_density >= 0.2:
            return True
        return n >= 8 and self.stopword_density >= 0.28 and (self.ends_sentence or n >= 20)

    @cached_property
    def is_time_only(self) -> bool:
        return bool(TIME_ONLY.match(self.text.strip()))

    @cached_property
    def ui_hits(self) -> int:
        return len(UI_PHRASES.findall(self.text))

    @cached_property
    def has_credit(self) -> bool:
        return bool(CREDIT_TAIL.search(self.text))

    @cached_property
    def key(self) -> str:
        return normalise(self.text)


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of a text, stripped, with their positions."""
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = " ".join(raw.split())
        if stripped:
            lines.append(Line(len(lines), stripped))
    return lines
