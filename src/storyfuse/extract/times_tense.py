"""The tense around a time expression: whether its sentence speaks of the past or the future.

Weekdays and year-less dates are resolved towards the past or the future by it ("on Thursday"
in a Friday article is yesterday, "will meet on Thursday" next week).
"""

from __future__ import annotations

import re

_FUTURE_CUES = {
    "will", "'ll", "shall", "would", "upcoming", "scheduled", "slated", "due", "going",
    "intends", "soon",
}  # fmt: skip
_PAST_CUES = {"said", "was", "were", "had", "did", "ago", "told", "earlier", "since"}
# the present tense and the modals: a year-less date they speak of is the nearest one
_PRESENT_CUES = {"is", "are", "am", "can", "could", "may", "might", "must", "should"}
# past tenses that do not end in "-ed" ("Clinton went there in September"); only forms that are
# seldom another word ("left", "rose", "saw" and "led", as in "Republican-led", are not here)
_IRREGULAR_PAST = {
    "went", "came", "won", "took", "made", "gave", "got", "began", "ran", "met", "held",
    "fought", "brought", "thought", "bought", "sought", "knew", "grew", "threw", "drew",
    "wrote", "spoke", "broke", "chose", "drove", "fell", "struck", "stood", "sat", "kept",
    "sent", "spent", "built", "lost", "paid", "sold", "became", "flew", "forgot", "hung",
    "meant", "swore", "taught", "understood", "wore", "shot", "fled", "withdrew", "overtook",
    "underwent", "undertook", "felt", "heard", "found", "caught", "dealt", "froze", "stole",
    "slid", "spun", "sank", "sprang", "swept", "tore", "upheld", "withheld", "awoke", "arose",
}  # fmt: skip
_NOT_PAST = {"need", "seed", "feed", "speed", "bed", "red", "shed", "led", "indeed", "hundred"}
_PASSIVE = {"be", "been", "being", "is", "are", "am"}
_MODIFIER_WORDS = {"a", "an", "the", "still", "very", "most", "more", "less", "newly", "so"}
_REPORTING = {"said", "says", "told", "added", "according", "reported", "announced"}
_WORD_RE = re.compile(r"[A-Za-z'’]+")
_SENTENCE_END_RE = re.compile(r"(?:[a-z0-9)]{2}[.!?]|[.!?][\"”’]|[\"”’][.!?])\s+|\n")


_INTENT_RE = re.compile(
    r"(?:plan|expect|hop|intend|schedul|prepar|aim)(?:s|ned|ning|ed|ing|e|es)?$"
)


_PUT_OFF_RE = re.compile(r"(?:postpone|delay|extend|adjourn|defer|give|gave|given)(?:s|d|ed|red)?$")
_INVITED_RE = re.compile(r"(?:invit|urg)(?:e|es|ed|ing)$")
_NOT_VERBS = {"a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that"}


def _infinitive_after(words: list[str], i: int) -> bool:
    """Whether "to" and a verb follow within the four words after ``words[i]`` ("invited Ada
    Moss to meet"), not "to" and a noun ("invited Trump to a rally")."""
    for k in range(i + 1, min(i + 5, len(words) - 1)):
        if words[k].lower() == "to":
            nxt = words[k + 1]
            return nxt.islower() and nxt not in _NOT_VERBS
    return False


def _cue(words: list[str], i: int) -> str | None:
    """The tense a word signals in its place, or None. ``words`` keep their case."""
    word, before = words[i].lower(), words[i - 1].lower() if i > 0 else ""
    two_before = [w.lower() for w in words[max(0, i - 2) : i]]
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    # the past perfect of an arrangement is what had been arranged before: "it had been due to
    # expire Friday evening", "had been scheduled to expire at midnight Friday"
    past_perfect = before == "had" or two_before == ["had", "been"]
    # "as planned", "as previously scheduled", "as expected": what was arranged or foreseen,
    # which the clause's own verb dates ("began as previously planned Saturday night")
    as_arranged = before == "as" or (two_before[:1] == ["as"] and before.endswith("ly"))
    if as_arranged and _INTENT_RE.match(word):
        return None
    if word.endswith(("'ll", "’ll")) or word in ("won't", "won’t"):
        return "future"  # "he'll be very competitive in November", "won't vote until June"
    if word in ("next", "coming") and after not in ("to", "door", "off"):
        return "future"  # not "coming off a strong debate Thursday night"
    if word in ("soon", "early") and before == "as":  # "as early as Tuesday"
        return "future"
    if word == "now" and after in ("and", "until", "till", "through"):
        return "future"  # "between now and Election Day", whatever the tense of the report
    if (
        _INTENT_RE.match(word)
        and word not in ("plane", "planes")
        and (after == "to" or word.startswith(("plan", "schedul")))
        # after "the", "its" ...: a noun, of what is to come only when it says what for ("his
        # plans for a Monday appearance"), or an adjective ("a planned rally on Saturday");
        # not "unveiled its plans at its Monday show", "changed her schedule to be there"
        and (before not in _NOT_VERBS or after == "for" or word.endswith("ed"))
    ):
        return "past" if past_perfect else "future"  # "planned to leave on Thursday"
    if word in ("set", "poised", "likely") and after == "to":  # "set to resume Monday"
        return "future"
    if word in ("by", "until"):
        # a deadline only right before the date: "by December", "by the time of the Nov. 8
        # election"; not "asked by a reporter on"
        rest = [w.lower() for w in words[i + 1 :]]
        deadline = rest in ([], ["the", "time", "of"], ["the", "time", "of", "the"])
        if deadline and word == "until":
            # a date something is put off or given until is to come ("postponed until Tuesday",
            # "extended its deadline until 9 a.m. Tuesday", "has given them until Friday")
            put_off = any(_PUT_OFF_RE.match(w.lower()) for w in words[max(0, i - 4) : i])
            return "future" if put_off else None
        if deadline and word == "by" and _done_before(words, i):
            return "past"  # "members had filed compliance reports by Wednesday"
        return "future" if deadline and word == "by" else None
    if word in _FUTURE_CUES:
        return "past" if before in ("was", "were", "had") or past_perfect else "future"
    if word in _PAST_CUES:
        return "past"
    # "would be paid in January" is no past, nor "if he won the election on Nov. 8"
    if word in _IRREGULAR_PAST and before not in _PASSIVE and "if" not in two_before:
        return "past"
    if word in _PRESENT_CUES:
        # "is to resume trading Tuesday": what is arranged; "if he is the nominee in November":
        # a condition in the present tense speaks of what is to come
        if after == "to" and word in ("is", "are", "am"):
            return "future"
        conditional = {"if", "unless"} & {w.lower() for w in words[max(0, i - 3) : i]}
        return "future" if conditional else "present"
    # "released" is past, but not in "will be released": the auxiliary further left decides.
    # A capitalised word before another ("United States") is a name, not a verb ("Asked by");
    # after an article or adverb it is an adjective ("a still unspecified date"); "-eed" words
    # are mostly not past tenses ("succeed", "need").
    name = words[i][0].isupper() and i + 1 < len(words) and words[i + 1][0].isupper()
    if (
        word.endswith("ed")
        and not name
        and (not word.endswith("eed") or word in ("agreed", "freed", "guaranteed"))
        and word not in _NOT_PAST
        and before not in _PASSIVE | _MODIFIER_WORDS
    ):
        return "past"
    return None


def _done_before(words: list[str], i: int) -> bool:
    """Whether the six words before ``words[i]`` hold a past perfect, "had" and a participle:
    what had been done by a date was done by a date gone ("had filed their reports by
    Wednesday", "had been paid by Friday"), where what one had to do, had been told to do or had
    until then may still be to come ("had to file by Friday", "had been told to leave by")."""
    window = [w.lower() for w in words[max(0, i - 6) : i]]
    for k, w in enumerate(window[:-1]):
        if w == "had" and "to" not in window[k:]:
            verb = window[k + 1]
            participle = verb.endswith("ed") and verb not in _NOT_PAST
            if participle or verb in _IRREGULAR_PAST or verb in ("been", "done"):
                return True
    return False


def _plan_of_a_phrase(words: list[str], i: int) -> bool:
    """Whether a word of intent is a noun followed by "for" ("vacation plans for the trip") or
    an adjective after an article or an adverb ("the hastily planned trip", "a planned
    rally")."""
    word, after = words[i].lower(), words[i + 1].lower() if i + 1 < len(words) else ""
    before = words[i - 1].lower() if i > 0 else ""
    if word in ("plan", "plans") and after == "for":
        return True
    return word.endswith("ed") and (before in _NOT_VERBS or before.endswith("ly"))


def _words_before(text: str, start: int) -> list[str]:
    """The words of the sentence before ``start``."""
    left_window = text[max(0, start - 200) : start]
    cut = [m.end() for m in _SENTENCE_END_RE.finditer(left_window)]
    return _WORD_RE.findall(left_window[cut[-1] :] if cut else left_window)


def _cue_before(
    words: list[str], passed_over: frozenset[str] = frozenset()
) -> tuple[str | None, bool]:
    """The tense of the nearest past or future cue among the sixteen words before the
    expression, and whether a present-tense cue was passed on the way."""
    present = False
    for i in range(len(words) - 1, max(-1, len(words) - 17), -1):
        if words[i].lower() in passed_over:
            continue
        if _INVITED_RE.match(words[i].lower()) and _infinitive_after(words, i):
            # "has invited Donald Trump to meet ... on Thursday", "urged them to vote Tuesday":
            # what someone is asked to do is to come
            return "future", present
        cue = _cue(words, i)
        if cue == "present":
            present = True
        elif cue:
            return cue, present
    return None, present


def tense_before(text: str, start: int) -> str | None:
    """'past' / 'future' from the nearest tense cue before the expression in its sentence: the
    tense of the clause that holds a dated noun ("will use Monday's encounter"), where the words
    after it belong to the noun's own clause ("Monday's ruling will be appealed"). "would" and
    "soon" are passed over: reported speech puts "would" before what has happened ("they said
    they would look for ways to get around Wednesday's ruling"), and "soon" right before the
    noun places one thing after another ("soon after Sunday's massacre")."""
    return _cue_before(_words_before(text, start), frozenset({"would", "soon"}))[0]


def tense_around(text: str, start: int, end: int) -> str | None:
    """'past' / 'future' / 'present' from the nearest tense cue in the expression's sentence, or
    None.

    News reports mostly what has happened, so callers treat None as the past; only a cue such
    as "will", "next" or "scheduled" turns a weekday or a year-less date towards the future, and
    the present tense ("is", "can") a year-less date towards the nearest one.
    """
    words = _words_before(text, start)
    right_window = text[end : end + 160]
    stop = _SENTENCE_END_RE.search(right_window)
    right = right_window[: stop.start() + 2] if stop else right_window
    # the present tense counts only where nothing else does: "is over on Monday, we will have"
    cue, present = _cue_before(words)
    if cue:
        return cue
    # a sentence that opens with its date ("On Thursday, Ada Moss told ...") dates its main
    # verb, a report's verb too
    opening = len(words) <= 2
    # twelve words: a sentence that opens with its date may name a long subject before the
    # verb ("On Tuesday, the National Abortion Rights Action League plans to hold ...")
    words = _WORD_RE.findall(right)[:12]
    for i, word in enumerate(words):
        if word.lower() in ("by", "next") or (word.lower() in _REPORTING and not opening):
            # after the expression these begin another phrase ("Friday by the river"), or
            # date the report rather than the event ("in early March, an official said")
            continue
        if _INTENT_RE.match(word.lower()) and _plan_of_a_phrase(words, i):
            # after the date, a plan dates it as a verb ("On Tuesday, the league plans to hold
            # ...", "On Friday, Moss has a speech scheduled"), not as the noun or adjective of a
            # phrase of its own ("On Friday, when Moss set aside her vacation plans for the
            # hastily planned trip, ...")
            continue
        cue = _cue(words, i)
        if cue == "present":
            present = True
        elif cue:
            return cue
    return "present" if present else None
