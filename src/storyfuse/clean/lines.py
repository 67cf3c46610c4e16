"""What one line of pasted page text looks like: the shape features the clutter rules use.

Each feature is a general property of web-page text (how long a line is, whether it reads as a
sentence, whether it is made of function words like running prose, whether it is a bare time or
a photo credit, whether it is a common piece of site furniture). None names a site.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property

import ftfy
import justext

# Share of function words from which a line reads as prose (jusText's calibration of its lists).
PROSE_DENSITY = 0.30
PROSE_DENSITY_LONG = 0.22

_SENTENCE_START = re.compile(r"""^["'“‘(]?[A-Z0-9À-Ý]""")
_FULL_STOP = re.compile(r"""[.!?]["'”’)]?$""")
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
# The lower-case words that may lead into a credit at the end of a caption.
_CREDIT_LEADS = frozenset({"by", "via", "courtesy"})
CREDIT_WORDS = re.compile(
    r"\b(photo(graph)?s?|image|picture|illustration|file photo|handout|credit|courtesy"
    r"|via getty|screenshot|pictured|seen here|shown here|above|left|right)\b",
    re.IGNORECASE,
)
# Common site furniture, in many sites' wording. One signal among several: a long sentence that
# happens to contain "subscribe" is still prose. "Copyright" counts opening a line or before a
# year, "jump to" not before a figure: headlines write "copyright dispute", "jump to $4 million".
UI_PHRASES = re.compile(
    r"\b(skip to (main )?(content|navigation)|jump to(?! [$£€]?\d)|go to (contents|content|top)"
    r"|back to top"
    r"|subscri(be|bed|bes|bing|ption|ptions|ber|bers)|newsletters?|sign (up|in|out)|signed up"
    r"|create (an )?account|my account|e-?mail address|enter your e-?mail|required field"
    r"|indicates required|advertisement|advertising|sponsored content|partner content"
    r"|cookies?|privacy (policy|notice|settings)|terms (of|and) (use|service|conditions)"
    r"|all rights reserved|^copyright|copyright (\(c\)|\d{4})"
    r"|share (this|on|via)|follow us|follow (him|her|them|\w+) on"
    r"|read more|read next|continue reading|see more|view (all|more|comments)|show (more|less)"
    r"|load more|related (stories|articles|posts|content|coverage|topics|news|links)"
    r"|most (read|popular|viewed|shared)|top stories|editors'? picks"
    r"|you (may|might) (also )?like|leave a (comment|reply)|(previous|next) (post|article|story)"
    r"|click here|tap here|download (the|our) app|get the app|this audio|audio version"
    r"|javascript|pre-?order|buy now|shop now|learn more|open in app|edit post"
    r"|report (an? )?(error|typo|correction)|suggest a correction|contact us|about us"
    r"|help center|site ?map|thank you for (signing up|subscribing|reading)"
    r"|confirmation e-?mail|support (our|independent) journalism|filed under|share it with"
    r"|may be reached at|like this (story|article))\b"
    r"|©",
    re.IGNORECASE,
)
# Single words of site furniture: a signal only on a line of very few words ("Share", "Menu").
UI_WORDS = re.compile(
    r"\b(share|tweet|email|print|menu|search|close|home|login|log ?in|log ?out|register"
    r"|comments?|reply|replies|recommended|trending|related|advertisement|advertise|sponsored"
    r"|facebook|twitter|instagram|linkedin|youtube|tiktok|reddit|flipboard|whatsapp|pinterest"
    r"|rss|play|pause|listen|watch|loading|toggle|more|next|previous|back|top|donate|contribute"
    r"|careers|accessibility|subscribe|tags?|topics?|categories|archives?)\b",
    re.IGNORECASE,
)
# The case-insensitive patterns above, case-sensitive over lower-case text: on ASCII text the
# same matches, found about four times faster.
_LOWER_CASE = {pattern: re.compile(pattern.pattern) for pattern in (UI_PHRASES, UI_WORDS)}


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many times a case-insensitive pattern of words matches in a text."""
    if text.isascii():
        return len(_LOWER_CASE[pattern].findall(text.lower()))
    return len(pattern.findall(text))


# Words that start a byline or a dateline line.
BYLINE = re.compile(r"^\s*(?i:by|written by|words by|reporting by|author:?)\s+[A-Z]")
DATELINE_WORDS = re.compile(
    r"\b(posted|published|updated|modified|last updated|first published)\b", re.IGNORECASE
)
# A time, a year, a day and month, a month's name or abbreviation (not "mayor", "decided"), or
# a day said in words.
HAS_DATE_OR_TIME = re.compile(
    r"\b(\d{1,2}:\d{2}|(19|20)\d{2}|\d{1,2}/\d{1,2}"
    r"|(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?)\b"
    r"|today\b|yesterday\b|ago\b)",
    re.IGNORECASE,
)
# A name, then what the person is ("is a", "is the", "is senior media editor") or does ("covers",
# "writes"), then a word of the trade: "Ada Moss is a reporter for ...". Not a name doing
# something in the story: "Ada Moss is pushing fellow senators", "Moss was speaking to a
# reporter".
_BIO_WORK = (
    r"(journalist|reporter|writer|editor|correspondent|columnist|contributor|producer"
    r"|covers|covering|author of|fellow)"
)
BIO = re.compile(
    r"^[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\s+"
    r"((is|was|has been)\s+(also\s+|now\s+|currently\s+)?((a|an|the)\b.{0,120}\b"
    + _BIO_WORK
    + r"|((?![\w-]*ing\b)[\w-]+\s+){0,3}"
    + _BIO_WORK
    + r")|(covers|writes|reports)\b.{0,120}\b"
    + _BIO_WORK
    + r")\b",
)

# The words a title in title case leaves in lower case (Chicago style).
TITLE_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "in", "on", "at",
        "to", "by", "up", "as", "with", "from", "into", "over", "per", "via", "vs",
    }
)  # fmt: skip


@cache
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's function-word lists, one per language (the signal of running prose)."""
    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


@cache
def stoplist_languages() -> dict[str, tuple[str, ...]]:
    """For each function word, the languages whose list holds it."""
    languages: dict[str, list[str]] = {}
    for name, stoplist in stoplists().items():
        for word in stoplist:
            languages.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in languages.items()}


def choose_stoplist(words: list[str]) -> frozenset[str]:
    """The function-word list of the page's language: the list that covers most of its words."""
    lists = stoplists()
    # One pass over the page's words, not one per list: ~100 lists.
    hits: Counter[str] = Counter()
    languages = stoplist_languages()
    for word, n in Counter(w.lower() for w in words).items():
        for name in languages.get(word, ()):
            hits[name] += n
    best, best_hits = lists["English"], hits["English"]
    for name, stoplist in lists.items():
        if hits[name] > best_hits:
            best, best_hits = stoplist, hits[name]
    return best


# What a screen reader is told of a link, copied with the page's text: "... to the Federal
# Reserve Opens a New Window. board", "(opens in a new tab)".
_LINK_NOTE = re.compile(
    r" (?:Opens a New (?:Window|Tab)\.?|\((?:[Ll]ink )?[Oo]pens in (?:a )?new (?:window|tab)\))"
    r"(?= |$)",
    re.MULTILINE,
)


def without_link_notes(text: str) -> str:
    """The text without what pages tell screen readers of their links ("Opens a New Window.")."""
    return _LINK_NOTE.sub("", text)


# A share-price chip that financial pages put after a company's name, copied with the text:
# "Moderna Inc. MRNA 16.13% said ...", "Apple Inc. AAPL -0.45%" (the ticker and the day's
# change): after a legal form only, so "the Fed's GDP 2.15% forecast" stays.
_TICKER_CHIP = re.compile(
    r"(\b(?:Inc|Corp|Co|Cos|Ltd|plc|PLC|LLC|SE|AG|NV|N\.V|SA|S\.A)\.?)"
    r" [A-Z]{1,5}(?:\.[A-Z])? [+\u2212-]?\d{1,3}\.\d{2}%(?=[\s,;:.)]|$)"
)


# Or set off by a comma, the change always signed: "shares of Sanofi SNY, -0.90% gained", "the
# energy sector XLE, +1.35%" (the ticker goes with it).
_SIGNED_TICKER_CHIP = re.compile(
    r" [A-Z]{1,5}(?:\.[A-Z])?, [+\u2212-]\d{1,3}\.\d{2}%(?=[\s,;:.)]|$)"
)


def without_ticker_chips(text: str) -> str:
    """The text without the share-price chips financial pages put after company names."""
    if "%" not in text:
        return text
    return _SIGNED_TICKER_CHIP.sub("", _TICKER_CHIP.sub(r"\1", text))


# A left single quotation mark between two letters: an apostrophe typed with the wrong mark.
_MISTYPED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])‘(?=[^\W\d_])")


def repair_apostrophes(text: str) -> str:
    """ "don‘t" and "Pyongyang‘s" with the apostrophe as ’, so the parser reads a negation and a
    possessive and the quote finder does not open a quote there. One character for one, so
    offsets into the text do not move. (An ʻokina typed as ‘, "Hawai‘i", becomes ’ too.)"""
    return _MISTYPED_APOSTROPHE.sub("’", text) if "‘" in text else text


def normalise(text: str) -> str:
    """A comparison key for a line: case, accents, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKD", text).lower()
    return " ".join(WORD.findall(text))


@dataclass(frozen=True)
class Line:
    """One non-empty line of the input, with the features the clutter rules read."""

    index: int
    text: str
    stopwords: frozenset[str] = field(
        default_factory=lambda: stoplists()["English"], repr=False, compare=False
    )

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
        return sum(w.lower() in self.stopwords for w in self.words) / len(self.words)

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
        if n >= 30 and self.stopword_density >= PROSE_DENSITY_LONG:
            return True
        return n >= 8 and self.stopword_density >= PROSE_DENSITY and (self.ends_sentence or n >= 20)

    @cached_property
    def is_sentence(self) -> bool:
        """A short complete sentence: capitalised start, a few function words, a full stop."""
        return (
            self.n_words >= 4
            and bool(_SENTENCE_START.match(self.text))
            and bool(_FULL_STOP.search(self.text))
            and self.stopword_density >= 0.2
        )

    @cached_property
    def is_dateline(self) -> bool:
        """A line that says when the page was posted or updated ("Updated: Nov. 19, 2019 10:07
        AM", "Published 3 hours ago", a bare "Updated"), not one that uses such a word in a
        sentence ("... Biden updated on situation overnight.")."""
        return bool(DATELINE_WORDS.search(self.text)) and (
            self.n_words <= 3 or bool(HAS_DATE_OR_TIME.search(self.text))
        )

    @cached_property
    def is_time_only(self) -> bool:
        return bool(TIME_ONLY.match(self.text.strip()))

    @cached_property
    def ui_hits(self) -> int:
        hits = _count(UI_PHRASES, self.text)
        if self.n_words <= 4:
            hits += _count(UI_WORDS, self.text)
        return hits

    @cached_property
    def has_credit(self) -> bool:
        # Every form of credit holds a "/", ":" or "|"; the search runs only on such lines (a
        # tenth of a page's lines), the others cannot match.
        text = self.text
        if not ("/" in text or ":" in text or "|" in text):
            return False
        tail = CREDIT_TAIL.search(text)
        if not tail:
            return False
        # A line of running text may end like a credit, but with a full stop: "..., according
        # to the ABC News/Washington Post daily tracking poll.", "... at 6:30 p.m. ET/PT." A
        # credit ends without one ("Evan Vucci/AP") or in parentheses, and no word of running
        # text leads into it (but "by": "Photo by Jim Lo Scalzo/EPA."). Dots of an ellipsis
        # end no sentence ("... klik Join/Gabung....").
        end = text.rstrip()
        if not (self.is_prose and end.endswith(".") and not end.endswith("..")):
            return True
        before = text[: tail.start()].split()
        led_into = bool(before) and before[-1].islower() and before[-1] not in _CREDIT_LEADS
        return not (led_into or self.n_words >= 25)

    @cached_property
    def key(self) -> str:
        return normalise(self.text)


# ftfy's repairs of text decoded with the wrong encoding somewhere upstream ("PeÃ±a" for
# "Peña"; archives that also decomposed the accents write "A" + U+0303 + "±"), with the text
# composed (NFC); nothing else of what ftfy can change (quotes stay curly, ligatures, widths,
# line breaks, HTML entities and control characters are left as they are).
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization="NFC",
    explain=False,
)


def repair_mojibake(text: str) -> str:
    """The text with its mojibake repaired (see ``_REPAIR``); the same text when it has none.

    ``ftfy.fix_text`` repairs a text line by line; a line of ASCII without a terminal escape
    (the one thing ``_REPAIR`` changes in ASCII) has nothing to repair and is not handed to it.
    Most lines of an English article are such lines."""
    if text.isascii() and "\x1b" not in text:
        return text
    out = []
    for line in _LINE_ENDS.split(text):  # the lines ftfy reads one by one: up to each "\n"
        if line.isascii() and "\x1b" not in line:
            out.append(line)
        else:
            out.append(ftfy.fix_text(line, _REPAIR))
    return "".join(out)


_LINE_ENDS = re.compile(r"(?<=\n)")

# The letters of a wire's or a network's credit in brackets, in capitals: "(CNN)", "(AP)". The
# same credit is set apart where a page glued it to the lede (``unglue_credit``) and read as a
# dateline where it stands without a dash (``clutter.dateline_length``).
CREDIT_LETTERS = r"[A-Z]{2,10}"
# Such a credit glued to the word that opens the lede: "Washington (CNN)President Donald Trump
# signed ...", as pages copied without the space that styling had put there give it.
_GLUED_CREDIT = re.compile(rf"(\({CREDIT_LETTERS}\))(?=[A-Z][a-z])")


def unglue_credit(text: str) -> str:
    """The text with a space put back between a credit in brackets and the word glued to it
    ("(CNN)President" -> "(CNN) President")."""
    return _GLUED_CREDIT.sub(r"\1 ", text) if ")" in text else text


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of a text, stripped, with their positions and the page's stoplist."""
    texts = [
        " ".join(raw.split()) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    texts = [t for t in texts if t]
    stopwords = choose_stoplist(WORD.findall(" ".join(texts)[:200_000]))
    return [Line(k, t, stopwords) for k, t in enumerate(texts)]
