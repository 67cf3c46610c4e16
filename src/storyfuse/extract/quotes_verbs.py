"""The verbs (and a few adjectives) that report what someone said, wrote, holds or wants.

``storyfuse.extract.quotes`` reads a verb as a cue when its lemma is listed here for the kind of
complement it has in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Reporting verbs, by the kind of complement that carries what was said. Chosen from PolNeAR's
# train split (eval/polnear_quotes.py): a verb and complement kind are kept when annotators
# marked the verb as an attribution cue, with the complement in its content, in roughly 45% or
# more of its occurrences outside quote marks (adding a group below half the current F1 would
# lower F1), plus the common reporting verbs. "think", "believe", "expect", "want" and "plan"
# sit just under that line and are kept as the stances news reports most.
#
# ... governing a clause: "X said (that) ...", "..., X warned", "polls show ..."
CLAUSE_VERBS = _words(
    """
    say tell add note claim deny warn argue explain insist state declare announce write
    tweet post report suggest acknowledge admit confirm reply respond recall predict
    promise vow pledge contend assert allege maintain stress emphasize emphasise caution
    complain concede conclude observe reveal disclose estimate testify ask believe think
    expect hope fear worry know agree find show indicate signal hint speculate suspect
    doubt imply boast brag joke quip lament mention remark repeat reiterate retort
    proclaim charge affirm assure inform remind reassure recommend propose demand urge
    rule learn discover realize realise recognize recognise wonder question project
    forecast reckon counter threaten swear guarantee bet clarify continue point
    acknowledge blog email comment answer mock describe envision cite express offer
    order discuss convince read guess highlight demonstrate imagine
    """
)
# Of those, the plain verbs of saying: a report through another source ("X said Y, according to
# the Post") is X's when one of these says it (not what a poll shows or a book tells)
RELAYED_VERBS = _words(
    """
    say tell add state announce claim insist argue explain warn deny acknowledge admit note
    report reply respond tweet confirm
    """
)
# ... governing a "to" clause: "X vowed to ...", "X urged Y to ...", "X declined to comment"
TO_VERBS = _words(
    """
    decline refuse vow promise pledge threaten urge ask call expect agree argue seek
    push plan want tell offer vote prefer demand warn claim seem appear say hope report
    propose mention plot advocate order show look like aim challenge press consider
    """
)
# ... whose object is who was spoken to: "Renteria told reporters", "Todd asked the mogul".
ADDRESSEE_VERBS = _words(
    """
    tell ask inform remind assure reassure warn urge answer brief caution advise email
    """
)
# ... with an object that is what was said or judged: "X praised Y", "X cited the poll"
OBJECT_VERBS = _words(
    """
    cite describe criticize criticise express accuse praise denounce endorse question
    dismiss blame mock blast slam recount tout rebut portray mention announce defend
    propose call repeat echo acknowledge recall reject highlight condemn applaud hail
    attack oppose predict demand recommend confirm lambaste ridicule decry deride chide
    scold fault commend post voice argue promise report point emphasize note quote
    stress reiterate prefer declare outline email list recite order unveil reference
    envision assail deem state lament repudiate articulate underplay disclose detail
    eviscerate revile liken foresee dispute attribute show urge discuss issue publish
    invoke explain reveal fear credit satirize suggest relish refuse remember request
    signal assert title rebuke decline clarify characterize justify label rename taunt
    renounce utter bash spotlight veto tweet deny warn
    """
)
# Adjectives that report a stance: "X is supportive of Y", "X was eager to ...".
STANCE_ADJECTIVES = _words(
    """
    supportive hostile eager enamored proud confident angry worried hopeful skeptical sure
    critical opposed pleased reluctant outspoken impressed surprised convinced adamant
    optimistic pessimistic concerned quick correct frustrated disappointed alarmed
    outraged relieved satisfied dismayed troubled
    """
)
# ... that take "so" or "as much" for a clause said before: "Neither side would say so", "He
# doesn't think so", "Top strategists acknowledged as much" (what PolNeAR marks as the content).
PRO_CLAUSE_VERBS = _words(
    """
    say tell think believe hope expect suspect guess acknowledge admit concede suggest imply
    hint indicate signal confirm write state declare predict claim
    """
)
# ... with a preposition introducing what was said: "X called for ...", "X referred to ..."
PREP_VERBS = {
    "call": {"for", "on"},
    "refer": {"to"},
    "point": {"to"},
    "argue": {"against", "for"},
    "criticize": {"as", "for"},
    "criticise": {"for"},
    "accuse": {"of"},
    "blame": {"for", "on"},
    "write": {"about"},
    "talk": {"about", "of"},
    "speak": {"about", "against", "of"},
    "complain": {"about", "of"},
    "warn": {"about", "against", "of"},
    "ask": {"about", "for"},
    "comment": {"on"},
    "boast": {"about", "of"},
    "brag": {"about"},
    "joke": {"about"},
    "advocate": {"for"},
    "push": {"against", "for"},
    "praise": {"as", "for"},
    "respond": {"by", "to"},
    "express": {"about"},
    "worry": {"about"},
    "endorse": {"for"},
    "wonder": {"about"},
    "rail": {"against"},
    "allude": {"to"},
    "pounce": {"on"},
    "dwell": {"on"},
    "revel": {"in"},
    "liken": {"to"},
    "remark": {"on"},
    "rip": {"into"},
    "denounce": {"as", "for"},
    "condemn": {"for"},
    "slam": {"for"},
    "blast": {"for"},
    "assail": {"for"},
    "testify": {"about"},
    "see": {"as"},
    "portray": {"as"},
    "cast": {"as"},
    "view": {"as"},
    "vote": {"against"},
    "agree": {"on", "with"},
    "cite": {"as"},
    "charge": {"with"},
    "identify": {"as"},
    "dismiss": {"as"},
    "offer": {"to"},
    "support": {"for"},
    "nominate": {"to"},
    "hope": {"for"},
    "distance": {"from"},
    "count": {"as"},
    "spar": {"on"},
    "vouch": {"for"},
    "hint": {"at"},
    "decide": {"against"},
    "defend": {"as"},
    "balk": {"at"},
    "side": {"with"},
    "lash": {"at"},
    "caution": {"against"},
    "disagree": {"with"},
    "thank": {"for"},
    "tell": {"about"},
    "describe": {"as"},
}
SPEECH_VERBS = CLAUSE_VERBS | TO_VERBS | OBJECT_VERBS | frozenset(PREP_VERBS)

# Verbs that report nothing but a direct quote itself; they take no clause ("he began: “…”").
BARE_QUOTE_VERBS = (
    _words(
        "cite answer begin interject interrupt shoot fire snap read conclude quote yell shout "
        "scream exclaim exhort fume muse beam bark gush scoff sniff opine surmise crack sing "
        "laugh chuckle sigh grouse tease marvel reason thunder whisper preface riff vent gripe "
        "seethe"
    )
    - SPEECH_VERBS
)
# Verbs that introduce a direct quote (“…,” he said; X said: “…”; X called it “…”).
QUOTE_VERBS = SPEECH_VERBS | BARE_QUOTE_VERBS

# Relative pronouns: a subject or speaker that stands for a noun before it ("the treaty, which").
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def claims_lives(verb: Token) -> bool:
    """ "claim" of a toll, not of a statement: "COVID-19 continued ..., claiming a record of
    almost 4,000 American lives", "the crash claimed the lives of 12"."""
    return verb.lemma_.lower() == "claim" and any(
        t.lemma_.lower() in {"life", "lives", "victim"}
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in c.subtree
    )
