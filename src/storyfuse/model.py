"""The records that flow between stages.

Every stage takes and returns these frozen dataclasses; only ``render`` and ``store`` know
about JSON and SQL. Character offsets (``start``/``end``) always index ``Article.text``, the
cleaned body, as half-open ``[start, end)`` ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PublishedFrom = Literal["metadata", "text", "inferred", "given"]


class InputError(Exception):
    """An input that cannot be analysed. The message says which file and why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# The version of what the per-article stages (ingest, clean, extract) make of an input; the
# store records it with each article it stores. Bump it with every change that makes them give
# another Analysis for the same input (the text kept, a date, an entity, a quote, a claim, the
# words), so that `storyfuse ingest` can tell which stored articles an older storyfuse analysed
# and `--reanalyze` refreshes them. Changes to group, fuse and render need no bump: they work
# from the stored analyses each time.
ANALYSIS_VERSION = 109  # 2: claims say what they count; entity spans and list counts
# 3: spaCy 3.8.6 lemmas; the language of the text, and no English finders on another language
# 4: a paragraph starts a sentence, entities recognised before the parse, "according to" credits
# the clause it hangs on, no claimant through an adjunct (and the cleaning, names and quote
# changes made since 3)
# 5: a news archive's part labels cleaned away, quotes going on after an adverb or a run-on
# sentence, names compared without accents, no count after a model's name
# 6: a person's surname the model tags as a place no gazetteer knows is the person ("Kasich");
# "he" and "she" are not a person whose reported speech ("X said she ...") gives the other
# gender, and go on with the subject of a sentence's own clause (or its pronoun) before one it
# reports; a dateline run into a name ("CLEVELAND - Donald Trump", one ORG) is a place and the
# name
# 7: "seven were women" counts women; "the number of X" counts X only in its own clause; "shot
# three people ..., killing two" counts two people; a long sentence ending in a source written
# with a slash ("News/Post poll.") is no photo credit
# 8: a scaled decimal is the value as written: "8.3 million" is 8,300,000, not 8,300,000.000000001;
# a figure is not dated by what it counts from ("4,000 cases since March"); a person's name keeps
# a suffix written after a comma ("Donald Trump, Jr."), and a name's surname is the word before
# its suffix ("Pate" in "Stan Pate IV"); an outlet given as its own author is no author
# 9: a lede's dateline the parse makes the subject ("Washington (CNN) - Dr. Ada Moss told") is
# not the speaker, and no quote's content holds it; a person's name holds no number ("Ted Cruz 1"
# is "Ted Cruz", "COVID-19" no person); a name before a dash is not the speaker after it; "put"
# and "peg" claim a figure they put "at" ("Forbes put his net worth at $45 billion"), not one
# they put somewhere ("put $100 million into the fund", "puts the virus on track to kill 58,000");
# an author named twice, once with a middle initial, is one author; a site's address and a job
# ("AP Auto Writer") are no authors, and a note on the author gives the name; a place in
# capitals before a dateline's dash is a place ("DETROIT (AP) —" was ORG); an entity does not
# start with the possessive before it ("’s White House"); a name that qualifies a plural is not
# its speaker ("Clinton aides said" was Hillary Clinton's), nor is when it was said part of a
# speaker's name ("Trump this week")
# 10: a place, an office and a body's head word are that body ("the Los Angeles County District
# Attorney's Office" was a place, "Los Angeles County District")
# 11: abbreviated titles are one token and end no sentence before a name ("Former Army Sgt." |
# "Bowe Bergdahl will plead"); "Sens.", "Pres.", "Det.", "Cpl." are titles to the names index
# 12: a party before a full name is a title to the names index ("Republican Roy Moore" was a
# person's name)
# 13: a name ending in "Act" or "Amendment" is a law ("the American Rescue Plan Act" was ORG); a
# title alone is no entity ("Sens." before a no-break space was a person)
# 14: a named storm is an event ("Hurricane Harvey" was FAC, "Cyclone Idai" a person)
# 15: what forecasters expected is no count of them ("the 8.3 million economists polled had
# predicted")
# 16: a name after a kind of place is a place ("the border city of Ras al-Ayn" was a person)
# 17: a person's name runs on over a lower-case particle ("King Salman" | "bin Abdulaziz Al
# Saud"); a name before "news agency", "newspaper" ... is that outlet ("Tasnim" was a person)
# 18: a double prime after a letter closes a quotation ("Randolph “Tex″ Alles told" ran on)
# 19: a name ending in "Day" or "Week" is an event ("International Women's Day" was ORG); a
# body's name leaves a demonstrative out ("this White House")
# 20: a body's name leaves out a title's qualifier run into it ("Acting White House" in "Acting
# White House Chief of Staff Mick Mulvaney")
# 21: a number with a thousands group of other than three digits is none ("275,00" was 275 and
# 0); a percentage's claim says what it is a share of ("the jobless rate dropped to 3.5%")
# 22: none of what no one counts is no figure ("zero evidence", "zero tolerance")
# 23: every age of a list of ages is no count ("two girls, ages 13 and 15" gave 15 girls); a
# count of things the recogniser tagged a date is a count ("Between 10 and 15 people died")
# 24: an entity does not run over a sentence's end ("Washington, D.C." | "Mohammad Anwar died"
# had given the person "D.C. Mohammad Anwar")
# 25: "up to" after a verb that goes up is no bound ("ticking up to 49% of respondents")
# 26: a quoted name after a naming participle is no quote ("His book, called “Forward: ...”")
# 27: "VP" is the vice president's title ("VP" had been an organisation)
# 28: a prefix hyphened to a name is not part of it ("pro-Liz Cheney", "post-World War II")
# 29: what a share is of keeps a hyphened modifier ("full-time staff", not "time staff"); a share
# someone has is of nothing said ("the Trump campaign has 25 percent")
# 30: a name ending in Recession, Depression, Revolution or Olympics is an event ("the Great
# Recession" was FAC)
# 31: a name ending in a venue's word is a facility ("Talladega Superspeedway", "Trump Tower"
# were people)
# 32: two shares after "behind", "ahead", "trails", "leads" are each side's score, not a range
# ("Trump far behind Biden 38% to 55%" was a range); an online platform is a body ("posted to
# Twitter" was a person, "Facebook and YouTube" one work of art) and a disease no entity
# ("COVID-19" was a body); a quote's speaker is the person titled after the body the parse made
# the subject ("House Permanent Select Committee on Intelligence Chairman Adam B. Schiff said"
# was the committee's); a name whose head is a body's word is no role ("Justice Department" was
# a role like "the justice", apart from "Department of Justice"); "or more" after a number is
# its qualifier, not part of the thing ("800 or more active duty troops" counted "more active
# duty troops"); a body named after a person speaks for itself ("The Trump administration is
# planning to ..." was Trump's); a newspaper tagged a place or a building is a body ("the Miami
# Herald" was a facility); "Emeritus" after a title is part of it ("Professor Emeritus Alan
# Dershowitz" was the person "Emeritus Alan Dershowitz"); a state written as its abbreviation and in full is shown in full
# ("Calif." beside "California" listed "Calif"); a show's name in quote marks after a
# possessive or "on" is no quote, nor part of one ("told CNN’s “State of the Union.”" ended
# Granholm's quote)
# 33: a byline's outlet or handle after a comma is no part of the author ("Heidi M. Przybyla, USA
# TODAY"), and an export's "None" no author; "the company said", "the group wrote" speak for
# the body named before (the last one whose name ends in that word, else the last one that was
# a source), not "company"; a title the text repeats broken over two or three lines is left out
# of the body like one repeated on one line; a person run into what is theirs at a possessive is
# the person ("Donald Trump’s Speech"), a one-word owner before a full name is not ("Commentary’s
# Noah Rothman"), and "Swiss People’s Party" is a body; a title in quote marks after a kind of
# work is no quote ("said in May on the podcast “Here’s the Thing.”" ended Weiner's quote); a
# dateline with a horizontal bar or a day is no speaker ("WASHINGTON, Aug. 24 (UPI)" spoke); a
# town the model tags a person before "police" or "residents" is the place it is elsewhere in
# the article ("Sanford police officer Timothy Smith" made Sanford a person); the line after a
# bare photo credit is its caption when it reads like one ("POOL New/Reuters." | "... holds up
# the gun ..." had made an officer the speaker of Zimmerman's quote); "put" reports a figure only
# at a figure ("have put the issue of immigration at the center of this year's campaign" made
# Trump's promises the claimant of a 50-state poll); a note on the article's own author among its
# last lines is left out ("Aaron Kall is director of debate at the University of Michigan." was
# a summary sentence), and a line that reports speech is no author bio ("Jamal Simmons is a ...
# CNN contributor ... Simmons, an Obama supporter, said ..." was left out); a speaker owned by a
# pronoun is named by its owner ("Her campaign" is "Hillary Clinton’s campaign"); "the statement
# said", "the ad says" speak for who the sentences before say issued it ("the Holocaust Museum
# issued a statement", "Exxon Mobil contended in its letter"); a person's name run on over a
# title-case headline's words is the names the article writes alone ("Hillary Clinton Slams
# Donald Trump" is Hillary Clinton and Donald Trump); the person named in apposition to a role
# that names another is the speaker ("Carter’s press secretary, Peter Cook" is Peter Cook), and a
# named speaker is named without the outlet before them ("Gallup’s Jeffrey M. Jones"), also an
# outlet ending in s that the parse made a second subject ("Fox News’ Bret Baier said")
# 34: "the statement said" speaks for the subject of the verb it was said in ("the US military
# said in a statement" had left "statement" the speaker); a time after or before a span of time
# ("18 years after ... the September 11, 2001 attacks") dates no figure; "911 calls" is no count;
# a newspaper tagged a person is a body ("the Chronicle", "San Francisco Chronicle"), and no
# person however it speaks; a large city of two words or more tagged a person is a place ("Sioux
# Falls"); a sentence after a quote that opens with a named, described person and only says they
# said it gives the quote its speaker ("He Jianxiong, the former executive director ..., said at
# a Nov. 6 event"); a description in a compound of its own is no part of a speaker's name
# ("82-year-old Richard Viguerie")
# 35: a report or stance met in a circumstance is not the clause subject's ("Despite complaints
# that he is a quixotic crusader, Mr. Sanders ...", "..., with reports that as many as 50 people
# were killed" had given Sanders and "A strong earthquake" the words)
# 36: a storm written in lower case or by its name alone is the event; a U.S. state tagged a
# person is a place; a finding's or statement's author speaks and claims for it ("according to
# data compiled by Johns Hopkins University"); a person confirmed in office is no report; a
# sentence's root name with a participle misread is its subject for pronouns ("President Trump
# named Amy Coney Barrett ... he said"); a word or two left open where a text ends is no quote
# 37: a heading's common noun before a colon names no speaker ("New Price Drop: ..."); a relative
# clause on a predicate noun speaks for the named subject; "a person identified as X" is X; a
# clause cut off before its preposition's object is no report; adding a count is no report of
# it; a year describing a person or in a name dates no figure; a leader's surname before
# "administration" or "era" is a person
# 38: what a company or person is, capitalised first in a sentence, is no part of the name
# ("Drugmaker Merck"); a verb in a "that" clause reports no quote outside it; a courtesy title
# before a possessive gives the surname its gender; names after a noun for a person are
# people's, names ending in a body's word and names owning or qualifying a drugmaker's product
# or going on with "its" are organisations; figures: no claimant for a share of people
# speaking, no count in "The two traded barbs", "a four-star general", "H.R. 748", "the S&P
# 500 index", no bound in "an increase over the $1.1 trillion"; a verb of amount counts its
# subject ("claims totaled 419,000")
# 39: a clock time takes the day named just after it ("at 2 a.m. on Wednesday"); two inverted
# attributions in one sentence each attribute their own quote; an amount parsed as a report's
# subject gives way to the person in apposition; a colon speaker's phrase starts after a spaced
# dash, not a hyphen; figures: no count in "their own two feet", bare numbers of a change count
# what the verb changes ("cut its forces from 5,200 to 3,000"), a plural the tagger read as a
# verb is still counted; entities: two capitalised words after a title are a person ("Police
# Chief Carmen Best"), "X of <place>" is a person and a place, a name after a noun for a
# company is an organisation, a sentence-opening participle with its agent is no name
# 40: a plain text's first line the paragraph below tells again, or closed by an added stop,
# is its headline, and a headline over a lede cut before its full stop keeps the lede; a short
# sentence doing something to a thing says no one spoke the quote before it; a person owning
# the speaker is not the speaker ("Donald Trump's lawyer"); a surname is the senator's who is
# also a "front-runner"; a name after "actress" or a role in lower case ("councilwoman
# Shontel Brown") is a person's; a name split in two by the model is one; "Super Tuesday" is an
# event; "Economics" and "Analytics" end companies' names; the one-word owner of a person's
# full name is an organisation ("Politico’s Betsy Woodruff Swan")
# 41: a name that only qualifies a person is not the speaker ("an Obama adviser said", "a
# senior Obama administration official"); a date
# hung on a speaker's name is no part of it ("four years ago"); a headline's name and verb of
# speech before a colon name the speaker ("DeSantis fires back at Biden: ..."); a name followed
# by a role in apposition is a person's ("Nikki Haley, the former governor,"); a range's bottom
# written in full keeps its value ("between $582,029 and $1.56 million"); a time zone after a
# clock time is no entity ("1500 GMT")
# 42: "copyright", "jump to" and "By" in a headline make it no furniture nor byline ("... $8
# billion copyright dispute"); a wire's credit glued to the lede is set apart ("(CNN)President");
# the object of "prompting X to slam" is who slams; a year after a law's name dates no figure
# 43: a body that only repeats its headline is kept; a participle after a relative clause that
# says nothing goes with the main subject ("who show up, saying"); a pronoun speaker is no one
# the quote names; a statement owned by a name is the owner's; a title written as a name before
# a person's name is theirs ("Chief Justice of the United States John Roberts"); a description
# after "a" is no part of a speaker's name ("An irritated Biden"); a number in a name counts
# nothing ("Group of Seven"); a time across "and" is another figure's; an unplaced relative date
# of an undated article leaves its figure undated; "over" after a dispute is no bound; a toll's
# figure counts the toll; "Mayor de Blasio" and "Parliamentarian X" are titles; "Ambassador to
# Ukraine Marie Yovanovitch" is a place and a person; a party's letter in brackets is no entity
# 44: a date after an amount is when, not what it counts ("fell to 498,000 last week"); the level
# reached after "by" counts the subject; a percentage and a count are no range; a code of
# letters and digits is no person, place or people ("H-2B"); a sum of money says what it is
# ("net income", "revenue of"); a rate after a number is part of what it counts ("a share");
# of two times the nearer one as written dates a figure; a year in a clause describing
# something else dates none ("a firm founded in 2014"); a level past a bound counts the subject
# ("claims fell below one million"); a clause with its own subject joined to a verb of
# reporting is not what it reports ("The economy added ... and claims fell ..."); a day after
# its month is no range's bottom ("Sept. 30 to $747.8 million")
# 45: a stance the parse made a passive verb is its subject's ("Protesters were frustrated
# that ...", "Moss was convinced that ..." had no speaker or no quote); a closing mark typed
# where a quote opens opens it ("”Fear. I am afraid ...” ― a reader" was no quote); a
# parenthetical report keeps the opening clause the parse hung on its verb ("If this argument
# fails, Mr. Castañeda argues, there are ..." was no quote); "revised up to 728,000" is the
# level reached, not a ceiling; an average or a total a verb of change gives is a figure ("the
# four-week average rose to 723,750" gave none); a number glued to a modifier's hyphen is part
# of what is counted ("one-time rivals" had been "time rivals"); a share before an adjective
# is its degree ("90% effective", "72 percent white"; had been of nothing said); "according to
# show insiders" credits the insiders (the parse made "show" a verb); a change whose "to" the
# parse hung on the verb's particle counts its subject ("data was revised up to 728,000"); the
# size of a change written as a noun counts nothing ("fell to 3,734,000, a decrease of
# 16,000" had been 16,000 continuing claims); a sum a verb of change sets is what its object is
# ("The agency increased the cost of applications to $1,160" had been the agency's); "and a
# half" adds a half ("four-and-a-half acres" had been 4 "and"; "a dozen and a half" is 18,
# "one and a half million" 1.5 million); a vote's score ("5-to-4") is no count; no function
# word glued to a number is counted ("Three-in-five", "40-something"); a number of people who
# speak keeps its "of" phrase ("Two of the officers" had been "Two"); a sum above or over a
# noun bounds the noun right before it ("a 52% tax rate on incomes above $29,000": incomes); a
# common noun opening the sentence is written in lower case though tagged a name ("Worker")
# 46: a whole utterance without a verb is a quote ("“Absolutely not,” Moss said", "“Out!”"
# were none), and a speaker the parse hung on the quoted words is the speaker
# 47: words an article has through another source are the speaker's, via that source ("“…,”
# Sanders said, according to CNN" was CNN's); quotes give ``via``, ``via_start``, ``via_end``;
# a participle opening the next sentence attributes no quote ("“We conclude he did not.”
# Fearing more deaths, Gov. Tony Evers ..." was Evers's); a show's name the speaker told is no
# quote ("McEnany told "Fox & Friends."" ended her quote); a name after a state's abbreviation
# that ends a sentence the parser left whole is the name alone ("Washington, D.C. Mohammad
# Anwar died" gave the person "D.C. Mohammad Anwar"); a double quote inside a double quote,
# closed before the passage is, does not end it ("“... what he calls “hell” than ...” ― a
# reader" had ended at "hell" and lost its signature); a filler set off by commas reports
# nothing ("The bridge, you know, was never safe, Ada Moss said" was "you"'s); "Said Ellis:
# “…”" names Ellis the speaker (no speaker before), and "Said" is no part of the name; a name
# whose "tweeted" the parse made a participle speaks ("“…” Murphy, the head of Right to Rise
# USA, Tweeted on Friday" had no speaker); a run-in subhead before a colon naming no one is no
# speaker ("Little Relief for Refugees: The refugee crisis is ..." was a quote of "Little Relief")
# 48: what an organisation is, in lower case before its name, is no part of a speaker's name
# ("according to affiliate WTOP" gave "affiliate WTOP"); reported speech another source gives
# is the speaker's, via that source ("X said Y, according to the Post" was the Post's report);
# the shares of a lead are each contestant's ("Biden led Sanders with 59.5% to 35.8%" gave both
# to Sanders; "to Wells' 33 percent" was "percent of the vote"); a whole quote after a sentence
# telling what one person did is that person's ("Moss shook her head. “Not this winter.”" had
# no speaker); "AG" is a title; a wire's credit alone before a dash opens no sentence
# ("(Reuters) - New York state's attorney general sued ...")
# 49: a sentence that runs into a name with a slash and ends in a full stop is no photo credit
# ("..., according to the latest ABC News/Washington Post national tracking poll." had been
# removed as one, leaving an article of one sentence empty); a headline that uses "updated" with
# no date is no dateline, and one over 20 words closed by an archive's added stop is a title;
# a document from someone speaks for them ("a letter from Gabbard's lawyer reads"), and so does
# a court filing ("The lawsuit alleges" after "X filed a lawsuit"); "40-plus thousand new
# cases" is more than 40,000 (it had been 40 cases); what a page tells screen readers of a link
# ("Opens a New Window.", "(opens in a new tab)") is no part of the text; a pronoun the model
# tagged a name ("”“We", quote marks glued to it) is no entity; the second share of a lead whose
# rival the parse hangs on the first share is the rival's ("Clinton led Trump 47 percent to 39
# percent"); "the outlet said" (and "the broadcaster", "the tabloid", "the publication", "the
# website", "the channel") speaks for the body named before, as "the newspaper said" did
# 50: a pronoun that stands for a surname written after a courtesy title speaks as "Mrs. Clinton",
# not "Clinton", which beside Bill Clinton is either of two people; a reported clause keeps its
# closing "%"; figures: no claimant from a verb that adds a count, a plural name after a number
# is what it counts ("two Bradley Fighting Vehicles", "250,000 Iowans")
# 51: no sentence ends at "Dep." before a name ("Dep. Chief Joseph Morabito"); a share changed
# "month over month" or "year over year" is of what the verb is said of, not of the month;
# "Senators", "counsel" and "Officer" before a name are titles; "the agency said" speaks for
# no body before it whose name says it is another kind ("the Senate Judiciary Committee");
# figures: a tally written with "to" ("The vote was 285 to 120", "a 5 to 4 ruling", "the
# six-to-three decision"), the age someone died at and ages after "the ages of" are none;
# miles an hour are "mph"; a change in points or a
# comparative ("2% higher") leaves the share to what the verb is said of; "near", "approach",
# "hit", "cross" and "pass" say what their subject amounts to; "WHO" is a claimant; speakers:
# the person before an apposition set off by commas ("Raffensperger, a Republican, stated"), a
# statement "attributed to" someone is theirs, and a name closes the bracket it opens; a
# double mark after feet and inches ("5’4”") is no quote mark
# 52: a pronoun stands for no one whose first name or courtesy title gives the other gender,
# and a surname two people share grows to the full name of the pronoun's gender ("he" beside
# Bill and Hillary Clinton is Bill Clinton); "“…,” said X, who ..., Business Insider reported"
# is X's, through the outlet, and an organisation that "reported" is no person; "The Group of
# 7" keeps its number; a report joined to one with its own subject shares it before an outer
# report ("..., and vowed to ..., Fox News is told"); "began" and such quote verbs report none
# past a clause of its own; claiming lives is no statement; a wire's credit run into the
# subject ("(CNN) Israel announced") is no part of the speaker; figures: a list's item number
# ("1. Impeachment"), a stage's number ("phase three", "Category 4") and a rank after a split
# "No." count nothing, "14 co-sponsors" counts co-sponsors, and who confirms a nominee claims
# nothing, a year after a name ("Tokyo 2020") dates no figure; "110 mile-per-hour winds" is a
# speed of the winds; "A visibly emotional Judge Brett Kavanaugh" speaks as Judge Brett
# Kavanaugh; "O’ Rourke" is "O'Rourke"; a first line of up to 17 words is the headline
# 53: a straight double mark faces the way its place says (a passage whose opening mark was
# lost opens nothing, straight marks nest, a sentence opening with one inside a passage begins
# another); a capitalised word right after a quote speaks ("“…,” Scully tweeted"); a first
# name the parse made a modal ("reporter Will Steakin wrote"), a title made the subject ("Rep.
# Alexandria Ocasio-Cortez tweeted") and a past verb joined to a present clause ("pressed Biden
# on reports that he is considering ... and told him") are read as written; a bare quote verb
# in the passive reports nothing ("deserved to be fired “…”"), nor a participle after
# "before" past a quote a cue before it says ("claimed “…”, before suggesting"); names: "Team
# Obama" is no name of Obama, a set-apart or capitals-and-country dateline credits a wire, "Congressman" is
# "Rep.", an acronym after its long form's possessive names the owner and spells the end of a
# run it crosses ("Turkey and the Kurdish-led Syrian Democratic Forces (SDF)"), "X, who" and
# "X said he" make a person; entities: "Group of Seven" is one, the day after a name ("Google
# Tuesday"), a verb before it ("deemed George Floyd") and an employer run into it ("Washington
# Post's Eugene Robinson") are no part of it, "U.S.-Mexico" is no body; figures: "put" reports only at an "at", a
# preposition of a name or of an amount a clause defines is no bound ("under the $2 trillion
# CARES Act", "above the $8.04 that analysts expected"), "six-figure", "sub-zero" and "Nasdaq
# 100" count nothing, "two sheriff's deputies" counts deputies, who "has seen" a figure claims
# nothing, "a magnitude 7.1 earthquake" is of magnitude 7.1
# 54: a number before "Fahrenheit", "Celsius" or "°C" is a temperature, one before an
# earthquake its magnitude ("6.2 earthquake"), "nineteen-eighties" is no number, a time run
# into a share's noun ("Last year premiums") is no part of it, and of two times as near the
# one after dates a figure ("to $779 billion in 2018"); a country's name tagged a person is a
# place ("condemned Belarus"); "Bill and Melinda Gates" makes "Bill" Bill Gates, and a person's
# title before a name tagged an organisation makes it a person ("President Trump's campaign");
# a speaker's "of" phrase keeps a list of names ("The leaders of France, Germany, the US and
# UK"), and a name the parse set apart from its one-person role speaks ("the deputy chief of
# criminal investigations for Indianapolis police Craig McCartt said"); "the Kentucky
# Republican" is the one person whose party and state the story writes; a word in capitals
# for emphasis ("IMMEDIATELY") is no name, a plural's apostrophe ends an owner ("Fox News'
# Sean Hannity"); "3-D" counts nothing; a whole utterance after a sentence of an untagged
# surname tagged a person elsewhere is that person's, and "they" after people named together
# ("Bill and Melinda Gates said ... “…,” they wrote") is those people, who speak together; an
# opening curly mark after a word and before a space closes ('consequences,“ the Secretary said')
# 55: the date words a byline's reading leaves on a name ("Malcolm Owen Monday", "November")
# and a publishing system's account name ("admin") are no author; a participle opening a
# sentence is no part of the name after it ("Hosting Cook at Dreamforce"); "a year ago" is never
# counted back from a later year the text named; a text the identifier holds surely not English
# is in the language it gives most (Indonesian at 0.79, Malay at 0.21)
# a first name and a surname tagged a person alone elsewhere are the person ("Zach Parise’s")
# "its plans" makes no time to come unless it says what for, nor does "plane"
# a surname tagged a person elsewhere is a person where it is a subject, tagged or not ("Trump
# himself was delighted"), so that a pronoun after it can be theirs
# a place in capitals opening the article before a colon is its dateline, no speaker ("NEW DELHI:")
# a first name before a word tagged a person alone elsewhere is a person, not a place ("Kate York")
# a record in brackets after a name counts no more of the count before it ("the Huskies (4-7, 3-4)")
# a token without a letter the parse made a noun counts nothing (a table's "|")
# "China's ambassador to Britain Liu Xiaming" teaches the role, and "China's ambassador" is his
# names ending in "Productions", "Studios", "Pictures", "Entertainment" are companies'
# a handle run into a platform's name is no part of it ("Twitter @michaeldwall" is Twitter)
# a dash between a word and a number sets them apart ("20,000 votes—0.7 percent")
# a tweet speaks for whoever it is from, as a statement does ("a tweet from the sheriff's
# office said")
# a named person's workplace after the name is no part of a subjectless verb's speaker
# ("researcher Allan Liska at cybersecurity firm Recorded Future said")
# 56: a name never runs over a dash set off by spaces ("Deborah Jordan Reynolds - Santilli's
# girlfriend")
# a colon's clause is its person's, not a thing's subject inside it; a projection or a
# forecast by a firm is the firm's; an age, a relative clause and an outlet before an untagged
# name are no part of a speaker; a quote's tail with a participle names its speaker; "it"
# after "X wrote in the affidavit" is X; a first name labelled otherwise before a surname, a
# verb of saying run into a name, "X, the official news agency", names ending in "Center",
# "Media", "White House" or "PAC"; numbers hyphened to "-ed" adjectives count nothing; "the
# March on Washington" is no date
# 57: "beamed", "surmised", "exhorted", "fumed", "opined" and the like after a quote name its
# speaker; a title broken at its hyphen after the verb leaves the name to speak ("mused Blaze
# co-host Stu Burguiere" was "Blaze co"); "what" in a colon's clause is no speaker; a
# participle after a quote is the speaker's before it, not its object's ("“…,” referencing the
# large number of Cuban immigrants"); a party in the plural before a list of names is no part of
# the first ("Democrats Hillary Clinton, Bernie Sanders and Martin O'Malley"); "a 3,000-strong
# force" counts the force, not "strongs"; "an analysis of election data by Crowdpac" is
# Crowdpac's; "between now and Election Day" looks ahead; "it" after a body or a document spoke
# in the sentence before is that one ("the newspaper admitted. “…,” it added"); a digest's
# "“Headline,” by Outlet's Writer: “…”" is the writer's; nothing after a comma that follows a
# speaker's name is part of it, but in a list of names; a verb in the past after a clause
# reported with "would" is the reporter's ("said X would give ..., and called him “…”"); a
# verb that reports only with its preposition reports nothing in the passive without it; a
# number counts its noun past up to nine modifiers ("two low-profile former Republican National
# Committee data strategists"); an invisible mark of writing direction or a zero-width space is
# a token of its own, and no word before a quote mark ("\u202a”Sorry Sarah, ...”" opens a quote);
# "the conservative newspaper said" is the newspaper named before, as "the newspaper" is; an
# adverb opening a sentence before a comma is no name ("Nationally," was a person)
# 58: a sentence that only says whom the speaker told, or what they were asked, attributes the
# quote before it ("“…, who knows?” Trump told Britain’s ITV ... when asked how ..."); "Almost
# 650 18-hole golf courses" counts "18-hole golf courses"; a house number before a street is
# no count; "a 150,000-square-foot center" measures square feet; "by the time of the Nov. 8
# election" looks ahead; "75 percent of Republicans said" keeps who they are a part of; a web
# address is no entity, and a name run into one ends before it; "it read" after "sent a letter"
# is the letter; "Sanders’ was 695.49" counts no "sanders"
# 59: two backticks that open a quotation (``…'') are one token, a quote mark; "N.Y." and
# "N.J." are two states, no transliteration of one name; a line that is only a dateline is no
# headline, and "(AP)_" credits the wire; a country in a verb's slot is no one "she" stands for;
# "Replied X, “…”", "X said Y would fail. “…”", "a detective, speaking on condition of
# anonymity, said", "Australians for ... executive director X said", "sang", an unnamed
# speaker's "he said", an opening mark inside an open passage, "Corp.'s", a word quoted to
# speak of it; "the 30-share index"; "259 people, including 12 Americans, and ... 5,500" counts
# people; "Hewlett" of "Hewlett-Packard" is the company; a city tagged a people is a place;
# "the bombings claimed 217 lives" claims no figure; "“…,” the opinion read" after a quoted
# phrase, "A resolution “expresses ...”"; "the FBI's 10 Most Wanted List" counts nothing
# 60: a name ending in a legal form ("Ralston Purina Co.", "Montedison S.p.A.") or in "Air
# Lines" is no person; "6 3/8%" and "2½ percent" count their fractions; "down from $32.3
# million a year ago" dates only the figure compared with; "a $32-a-share offer" counts "a
# share"; "the Dallas oil and gas concern" is the company named before, and "the Menlo Park,
# Calif., company" keeps its commas; "Analysts had expected ..., and the stock was down 25
# cents" is no analysts' claim; "the people of tomorrow" is no date
# 61: "Sunday's Washington Post reported" is the Post; "X was quoted by AP as saying" is X's,
# through AP, with or without quote marks, and so is "AP quoted X as saying"; "the software
# giant", "the company in a statement" and "the company" further back than before stand for the
# company named; "high-five" and "pick-six" count nothing; "around 7 p.m." in an undated article
# is no count; a name the model ran into a headline's verb ends before it ("Obama Overturns")
# 62: a quote joined from parts (“A,” he said. “B.”) keeps each part's span (``Quote.parts``);
# "said the plan would give money ..., and called him" ends the report before "called"; "said in
# a statement that ..." reports the clause; "Ada Moss, a Vesna rabbi helping ..., said" names the
# speaker; "CORRECTION: ..." is no quote; 'said,“Look' is three tokens; "according to three
# sources who spoke to Fox News but were not authorized ..." reports the clause before it; "In a
# CNN poll released Monday, Clinton held a lead" is the poll's finding
# 63: "said during a news conference that ...", "told reporters at a rally that ..." report the
# clause; "“…,” X said in a statement issued an hour before ..." and "“…,” he said as some
# booed" report nothing more than the quotation; a bracket opened in what was reported closes in
# it ("on Thursday (local time)")
# 64: "had been scheduled", "as planned", a plan's noun after an opening date and "postponed
# until" place a weekday or a month; a word the model calls a place three times as often as a
# person is the place; an unnamed source keeps the phrase that says which ("a person with
# knowledge of the matter"); "it" after someone put out a statement speaks for them
# 65: what "had" been done "by" a weekday was done by one gone; a work's title after "perform"
# or "sing" is no quote; a headline's verb the model tagged a name ends a person's name
# ("Lindsay Lohan Checks Into Rehab"); "the last of which" speaks for a list's last item; a
# date given as digits alone ("20250311") is read; a verb after a comma with an object of its
# own reports that object, not the clause before
# 66: a share-price chip after a company's name is clutter; a title given in metadata loses an
# archive's closing stop; "its" after an untagged mention makes a one-word "person" a company;
# before a colon, the subject of an object parsed as a verb does not speak; where or when
# someone was asked is no content; "X asked Y at ..." after a question says who asked it
# 67: a label before a colon, parsed as a second subject, does not speak ("The state of play:
# X asked ..."); a relative clause set off by commas does not date a figure; the sentence before
# a colon is not what the verb after it says ("...: 47% say ...")
# 68: "the California Democrat" (a party's member for a state) speaks as the person just named;
# "The city's largest charity, Hope Harbor, said": the name in apposition speaks; "the
# Washington-based IMF" is the IMF; "four freshman Democratic lawmakers" counts lawmakers; "“…,”
# X groused" (laughed, teased, whispered, prefaced ...) names the speaker, and "“….” The members
# laughed." does not; "her son, filmmaker Charlie McDowell" is a man to "he" and "she"
# 69: "“…,” called CNN “fake news”" (a verb naming what its object is) gives CNN no quote; a
# signed share-price chip after a comma goes with its ticker ("Sanofi SNY, -0.90% gained"); a
# body's short form in brackets that the tagger takes into its name is no part of its key
# 70: a person named in the phrase of one who says something ("McConnell, who excoriated Trump,
# said ...") does not keep the quote after it from the one who says it
# 71: a person a party's member for a state owns is not the member ("the Arizona Republican's
# daughter, Meghan McCain" spoke as John McCain); "“…,” Matze's statement read." is Matze's;
# "continue" with an object reports no quote ("to continue their inquiry “into ...”"); "according
# to a report Wednesday" is the report's; "the company" is the body that owns a subject before
# when no body was a source ("Moderna’s vaccine was 95% effective, the company said"); a
# dateline of places parted by slashes is one ("BEIJING/HONG KONG (Reuters) - "); what a speaker
# is, opening the sentence, is no part of their name ("Drugmaker Pfizer said"); "His answer: “…”"
# is the words of the one "his" stands for; a shouted phrase opening with an adverb is no person
# ("IMMEDIATELY BEGIN BUYING"); a count the parse ran into a person's name counts the plural
# before it ("two of the five Republicans House Minority Leader Kevin McCarthy had tapped");
# "vent", "gripe", "seethe" report a quote ("“…,” the president vented on Twitter"); a whole
# quote after a body announced or said something is the body's
# 72: "35 percent of presumptive nominee Joe Biden's campaign" is a share of the campaign
# 73: a common noun's possessive is no part of the name it owns ("the department’s Bureau of
# Labor Statistics")
# 74: a bill named by its chamber and number is one law ("Senate Bill 8"; "Bill" was a person)
# 75: "more than the 8.3 million economists polled by Refinitiv had predicted" counts no
# economists where the parse made them no subject of the verb
# 76: a day after a name's possessive is no part of the name ("Trump’s July 25" was a body)
# 77: an adjective or adverb before a capitalised name is no part of it ("the earlier
# Democratic Party", "lesbian Americans")
# 78: "four minority, progressive Democratic congresswomen" counts congresswomen
# 79: "continuing the “Trump miracle”" (an object opening before the quote mark) reports no
# words
# 80: who released a finding is a source the body's noun may stand for ("The poll, released by
# the Public Policy Institute ... A survey by the organization in March found")
# 81: a name after a company's description is a company ("Drugmaker Pfizer" was a person)
# 82: a state's officer ("the Florida senator", "the former Massachusetts governor") speaks as the
# person the article titled so, else as the subject just named
# 83: a dateline with its month written out ("HAVANA, August 7 (Xinhua) --") is no title
# 84: a show's name after a plural's possessive is no quote ("ABC News' “This Week”")
# 85: a verb in the subject of the quote's clause reports nothing ("if those who oppose ... are
# worried about turning him over to “…”")
# 86: a show's name opening with a number is no quote ("CBS's “60 Minutes”")
# 87: a medium named after its kind speaks by its name ("The state news agency Xinhua said")
# 88: a company's name of two words or more without its legal form is no person's ("Sansui
# Electric" after "Sansui Electric Co.")
# 89: the speaker's phrase after an inverted verb, parsed as a clause it reports, speaks ("“…,”
# said Robin Maynard, half joking" gave "Robin Maynard, half joking" as the words)
# 90: a label ("Breaking:") or a thing about someone ("Another problem for Sanders:") before a
# colon does not speak; a thing from someone is theirs ("A lesson from Loretta Lynch:")
# 91: a report running on into a quote another of its verbs reports ends before that verb ("He
# says he respects Clinton and calls her “…”" lost "he respects Clinton")
# 92: "As X reported, ..." reports a sentence that quotes some of its words
# 93: "three taxes" counts taxes (the lemmatizer's "taxis")
# 94: a verb of saying closing its sentence after a comma reports all before it, however the
# parse hangs it ("..., but it is under pressure from imports, said its chief executive, X.")
# 95: the occasion of a saying before what it reports is no part of it ("said after the vote she
# would resign"), nor does it make the report a clause of time
# 96: a roll of names after a label and a colon is no quote ("Iowa: Tim Albrecht, Brad Anderson,")
# 97: what a quote was said of or said while is no second report (""…," she said about the plan")
# 98: a title after a part of a work is no quote ("on Tuesday's episode of “The ... Show,”")
# 99: a quote's own speaker and verb are no report of a later verb (""…?" she said, but ...")
# 100: "so" and "as much" after a verb of saying or thinking are what it reports ("Neither side
# would say so", "Mook said as much")
# 101: a reporting verb joined inside a "to" clause is a report of its own ("refuses to release
# her records or explain how ...")
# 102: a "that" clause the parse hangs on whom something was told is what was said ("told a
# meeting of island leaders that few people understood ...")
# 103: "what" before the speaker is no part of what was said ("amounting to what the senators
# said was favouritism": "was favouritism")
# 104: a relative clause on a description set beside a person's name speaks for the person
# ("Ann Lee, a nurse who said ...": Ann Lee, not "a nurse")
# 105: a relative clause joined to another speaks for the same name ("Roe, who sued last year,
# and who has said ...": Roe, not "who")
# 106: a report in a relative clause on a quote's speaker, between the quote's parts, is kept
# ("“A,” said Ann Lee, who said B. “C.”")
# 107: whom a verb was said to is no content of its own ("“Why?” she asked him", "emailed
# reporters on Monday")
# 108: a report within the words of a learned report by a verb of saying is part of it ("Flynn
# says Trump 'absolutely right' in saying ...")
# 109: an utterance made or issued is no content ("made the comments Friday", "issued a
# statement")
# The version of the brief fuse and render make of a story's analyses; the store caches each
# story's brief with it. Bump it with every change that makes them give another brief for the
# same analyses, so that a database's cached briefs are fused again when next asked for.
BRIEF_VERSION = 54  # 2: forecasts marked "expected" in the timeline and the figures
# 3: each article's language, a note on a source in another language, timeline day ranges
# 4: one article's credited and uncredited figures are not a conflict (and the fuse changes
# made since 3)
# 5: two parties of one article conflict only about one subject; roundings, differences and
# quoted names make no conflict
# 6: an article giving both figures does not disagree with itself, whoever else repeats one
# 7: sums of money answer one question only in near-paraphrases; "another 5.2 million" is a
# difference; an outlet's count of its sources is no conflict, nor a count of what could be
# done against one of what was; no who/where conflict when both sentences write both names
# 8: a name and the same name with a generational suffix, both in one article, are two people
# ("Donald Trump", "Donald Trump Jr."); a surname alone is then the one without the suffix; a
# statement whose most central wording is a headline is summarised in a member that reads alone
# 9: a dateline with a credit but no capitals ("Washington (CNN) - ", "(CNN) - ") is left out of
# the lede's sentence too; a conflict writes a range's top with its decimals ("2.5–3.5"); a
# name ending in a role word and a suffix is not that title and a name ("Martin Luther King
# Jr." was "Jr"); a story without a headline or a summary is titled by its first sentence
# 10: a conflict writes a value of a million or more with its scale word ("1.5 million") when
# the word gives it exactly
# 11: a party before a full name is a title ("Republican Roy Moore" is Roy Moore); a name written
# after "the" is no person ("the Federal Reserve")
# 12: a body named with its words in another order is that body ("House Oversight and Reform
# Committee" = "House Committee on Oversight and Reform", "Labor Department" = "Department of
# Labor")
# 13: what may have happened is no forecast on the timeline ("may have lost it in September")
# 14: a country's name before a body of its government is the same body ("US Department of
# Labor" = "Labor Department")
# 15: a headline's negation is no verb of its own ("Won’t Stand By" gave "n’t" and "not stand");
# a name written in capitals is shown as the story also writes it, a place in capitals alone as
# its gazetteer writes it ("WASHINGTON (AP) —" listed "WASHINGTON"); the date a record is
# measured since is no event ("the lowest jobless rate since December 1969" was on the timeline);
# a group named by party or nationality that speaks stays a group ("Georgia Republicans" was a
# person); two articles' shares of one thing in the same words are one figure, shown and charted
# with what they are of ("percent (jobless rate)"); a name in a headline is none of its verbs
# ("Trump to allow imports" gave "headline: trump"); a rank opening a body's name is no title
# ("Major League Baseball" was the person "League Baseball"); a count whose word the text glued
# to the number is shown in the plural ("a three-judge panel": 3 judges, not 3 judge); a
# surname written with an office the one full name of that surname does not hold is another
# person ("President Biden" was "first lady Jill Biden", and so was his quote); a name with a
# quoted nickname is the person named either way ("I. Lewis “Scooter” Libby" = "Scooter Libby"
# = "Lewis Libby"); a place written only as a state's abbreviation is shown as the state ("Ky."
# of "R-Ky." is Kentucky); counts for two months named are no conflict ("250,000 jobs in
# October" and "136,000 in September")
# 16: a headline in title case is read for its verbs in sentence case ("Kurds Accuse Turkey of
# Violating Truce" gave none), and a participle before a noun is none ("leaked Iran tapes"); a
# person who claims a figure is shown by name ("Texas’s Republican Gov. Greg Abbott" was shown
# so); a dateline the parser made a sentence of its own credits its wire service ("NEW YORK
# (AP) —" listed "New York (AP)", with AP as its short form); a date in a clause opened by
# "since" is no event ("the gains made since Trump was inaugurated on Jan. 20, 2017" put a
# stock fall of 2020 on the timeline at 2017-01-20); a headline's verb after its opening name is
# read as one ("Trump disbands business councils" gave no verb); a sum counted in the currency's
# own word reads in the plural ("a trillion-dollar package": "dollars", not "dollar")
# 17: a lede's dateline with a horizontal bar ("PHILADELPHIA ― ") or with the day before the
# wire's credit ("PHILADELPHIA, July 25 (UPI) — ") is left out of its sentence too; a summary
# sentence opens on no connective that leans on the sentence before ("So", "Not", "Such",
# "Instead", "Indeed" ...; "So far" and "Instead of" stand alone)
# 18: one remark of speakers one role describes is one quote ("a WeWork spokesperson" / "a
# company spokesperson", one rendering holding the other), shown under the speaker that names
# whose role it is
# 19: a value given as a floor and as a ceiling is two figures ("as many as 50" / "more than 50"
# had been one, qualified "up to / more than"), two variants of a conflict, and no support for
# each other in the facts and summary; a toll whose sentences name the same places answers one
# question (with no place after the verb), what was reported done is what was done ("were
# reported killed"), and the words of one outcome are one event ("killed 50", "left 49 dead");
# a conflict's question leaves out a relative pronoun ("that killed people" is "killed people")
# 20: a count's question says what the counted things underwent ("people killed", "left people
# dead", "was the price tag"); a usual nickname names the person of the full first name ("Joe
# Biden" is "Joseph R. Biden"); a place or storm tagged a person once keeps its label among the
# entities; a rendering of a quote that another from the same articles holds is dropped
# 21: a toll and a count of what people did answer two questions; a summary takes no sentence
# inside a quotation, no attribution of the quotation before it, no headline left in the text
# and none closed by "he added"; a person's name gives no framing word; a name ending in a
# company's word is an organisation
# 22: a time's possessive defines no short form ("Next year's cost-of-living adjustment, or
# COLA"); "U.S. Supreme Court" is the "Supreme Court"; a titled surname two full names share is
# the one holding that office; a one-word name tagged an organisation more is no person; a
# number's suffix is no headline verb; a peak and a count answer two questions
# 23: a figure keeps each qualifier with the sources that write it ("qualifiers"), and shows a
# qualifier as the whole figure's only when all its sources write it; an initial and a surname
# are the one first name of the story that initial starts ("F. McKenzie"); a state's postal
# code after a name is no short form of it ("Steve Cohen (TN)"); "Ga." is Georgia; names ending
# in "Therapeutics", "Biosciences", "Labs" are companies'
# 24: a storm is one entity however written ("Tropical Storm Harvey", "Hurricane Harvey",
# "Harvey"); a surname is the senator's who is also a "front-runner"; "Economics" ends a
# company's name
# 25: the purpose of a past act is dated with it, not as a forecast ("sought warrants to
# investigate his accounts in July 2017"); the first part of a hyphenated word is no headline
# verb ("neo-Nazis")
# 26: a count written as a gap to another ("$2 trillion away from") is no answer to how many
# 27: a negated source ("No Republicans voted") gives no name to the group it negates; the level
# a change started from ("increased from 6,121 in 2016 to 7,314") answers no count question
# 28: "D.C." is the "Washington" of "Washington, D.C."; a title opening a quotation teaches its
# role ("“Gov. Christie, ...”"); a role of a year names its holder ("the 2012 nominee"); an
# acronym may leave out a last word after "and" ("CDC"); a sum is shown with what it is and its
# rate ("dollars (net income)", "dollars a share")
# 29: a conflict's sum with cents is shown with both digits ("66.50", had been "66.5"); one
# sentence giving a value twice gives two figures ("3.5% in September ..., the lowest since
# December 1969, when it also logged in at 3.5%" had been one figure dated 1969-12); a
# contraction is no headline verb ("If She’s A ..." gave "headline: ’s")
# 30: a share no source credits joins the credited one that says in the same words what it is
# of ("about 10 percent (core security team)" was listed once with the Post, once with no one)
# 31: a quote's rendering says who its articles have it from ("(according to CNN)")
# 32: a noun for a person before the name ("actor Tom Hanks", "Rapper Kanye West"), a nickname
# in quote marks ("director Randolph “Tex” Alles") and "AG" ("AG Barr") leave one person of the
# story; the same words, word for word, of a described speaker and a named one are one quote of
# the named speaker ("pharmaceutical giant" and "Pfizer"); articles that all stop mid-sentence
# give a summary of their unfinished sentences, marked "…" (there was none); a one-word name
# tagged as often a person as an organisation is a person ("Trump" was listed an organisation);
# a lede's "(Reuters) - " is no part of its summary sentence; a fact is worded as a whole
# sentence where a member is one, and headlines alone are no fact
# 33: sentences that are only someone's words, whose speaker a fact cannot name, are no fact
# (“I’m not going to waste my time with a virtual debate., told after "Trump said"); a surname
# alone written beside the only full name, with a suffix, in one sentence is someone else
# ("after Trump and Donald Trump Jr. mocked the story" had made every "Trump" the son); the
# purpose of an act in the perfect is dated with it, not expected ("had taken steps to hide the
# details of his conversation in July 2017"); a summary sentence, fact or timeline event is
# shown without the signpost label an outlet opens it with ("Why it matters: ", "EXCLUSIVE — ");
# a fact whose every member stops mid-sentence ends "…", as a summary sentence does; a speaker
# or claimant written with a count ("Two Democrats") is no person, and names no group; "the New
# York Democrat" is a description, whose words said word for word by a named speaker are theirs;
# a sentence cut off inside brackets ("... Ron Wyden (D–Ore.") is unfinished; an owner in lower
# case is no part of a name ("her Justice Department"); a fact is worded by a sentence that reads
# alone where a member does ("That should be the Senate's response if ..." had been chosen)
# 34: a surname after a courtesy title is the person of the story with that surname whose first
# name does not give the other gender ("Mrs. Clinton" is Hillary Clinton, though "Clinton" alone
# is the story's "President Clinton", Bill Clinton), and a name of its own when that is no one
# or several
# 35: initials written apart are those written together ("H. R. McMaster" is "H.R. McMaster"); a
# name known by its middle name is the one full name of the story ending so ("Ray Roseberry" is
# "Floyd Ray Roseberry", "Wasserman Schultz" is "Debbie Wasserman Schultz"); "Senators",
# "counsel" and "Officer" before a name are titles; a sentence the parse split off after a colon
# within a paragraph is no summary sentence alone; "Donald Trump" of one article is not "Donald
# Trump Jr." of another that tells the two apart; an office of a body before a full name is a
# title ("Secretary of Veterans Affairs David Shulkin"); a hyphened surname tagged an
# organisation is the person of that name; a fact is worded by a member whose quotation marks
# pair up; a sentence ending at a title ("... as Sens.") is unfinished; "What happened:" and
# "Details:" are signpost labels
# 36: a count of one day ("3,865 deaths on Wednesday, the most in a single day") answers another
# question than a total; a lede's dateline in title case ("Washington — ", "Kansas City, Mo. —
# ") is left out of its sentence
# 37: an organisation written before "Secretary" or "Minister" ("Energy Minister Andrea
# Leadsom") is a piece of the title, no entity; a title-case dateline before a spaced hyphen
# ("Doha, Qatar - ") is left out of its lede; "Team Obama" is an organisation
# 38: a sum counted in its currency's word capitalised ("25 Billion Dollars") counts dollars; a
# magnitude is shown with what it is of ("magnitude (earthquake)"); a short form stands for the
# last words that spell it ("the Kurdish-led Syrian Democratic Forces (SDF)"), and a day after
# "on" starts no long form ("said on Wednesday its newly developed ... (ICBM)")
# 39: a count of a word English keeps in the singular stays so ("a 275-horsepower V6": 275
# horsepower)
# 40: a party after a chamber or a state, roles joined by a hyphen and "journalist" or
# "researcher" before a full name are titles ("House Republican Thomas Massie"), as is "Rep."
# before a surname that is a role word too ("Peter T. King"); "Democratic National Convention"
# keeps its name
# 41: a county's clerk, recorder, assessor, auditor, comptroller or coroner is a title before a
# name ("Maricopa County Recorder Helen Purcell"); a day a state held "as of" is no date of an
# event in conflicts ("As of Wednesday, Clinton had ..." a week apart); a square measure
# is shown in the plural ("square feet")
# 42: a name is shown without the backticks of an opening mark ("``Atomic Dog"); a dateline
# the sentences set apart from the lede ("WASHINGTON _") is no statement
# 43: a company's name without its legal form is the company ("Norton" of "Norton Co."), not
# its unit ("Montedison Acquisition N.V."), and is listed as an organisation; "Bayer AG" tagged
# a body is a company, not an attorney general's title
# 44: a city and the country or U.S. state it lies in are no two answers to "where"
# 45: a sentence between the parts of a joined quote is not inside the quotation
# 46: a role is one role whatever phrase says whose it is ("a spokesperson for the company");
# how many sources spoke is no figure ("two people familiar with the matter")
# 47: a count of the year so far and one of a month are no conflict; a summary sentence does not
# open on a part of what went before ("Most of them ...")
# 48: "May" before a day names the month, and two weeks named by the days they ended are two
# questions; a sentence with "them" or "him" among its first words is no summary sentence
# 49: a sentence whose own day is unknown is not placed at a date it names; a sentence opening
# on "The move", "The decision" and the like is no summary sentence; a part of a breakdown by
# kind ("two counts of murder and one of manslaughter") is no answer to how many in all
# 50: where a body is based is no part of its name ("Washington-based IMF"); "the Fund" is the
# one body of the story whose name "Fund" heads; a figure's claimant is shown by more than the
# kind of body it is ("IMF", not "Fund")
# 51: a sentence dated only by a thing its event is placed against ("ahead of the March 1
# contests", "after Tuesday's vote", "heading into Tuesday's primaries") is not on the timeline,
# nor at a date in a clause describing a thing ("whom Trump appointed in April 2017") where the
# report around it has a day that is unknown; two quotes of one speaker scoring just over the
# cut-off are one remark only if they share a run of four words; "Justice Department" is the
# body whose own name it is, not the one "the Biden's Justice Department" is shown as
# 52: a level "not seen since March 2020" is no event of that date; a lede's dateline of places
# parted by slashes is no part of its sentence ("NEW YORK/WASHINGTON — China's ByteDance ..."); a
# party's member before a surname is a title ("Republican Trump" is Donald Trump)
# 53: a law's name holds no title and no person ("National Defense Authorization Act" was
# "Authorization Act", a person)
# 54: a usual nickname beside the suffixed full name in one article is that person ("Joe Biden"
# and "Joseph R. Biden Jr.")

# The language storyfuse reads quotes, figures, dates and names in (``clean.language``).
ENGLISH = "en"


def reads_english(language: str | None) -> bool:
    """Whether the English finders apply to an article: English, or a language nobody could
    tell (too short a text, no declared language)."""
    return language is None or language == ENGLISH


@dataclass(frozen=True)
class Problem:
    """One input that could not be read or analysed; the rest of the batch goes on."""

    path: str
    error: str


# --- ingest ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One input article as read, before cleaning.

    ``body`` is the article text: for HTML, what the HTML extractor kept; for plain text, the
    file as given. ``raw`` keeps the original bytes' SHA-256 so any result can be traced and
    recomputed. Metadata fields are None when the input does not say.
    """

    id: str
    path: str
    format: str  # "text" | "html" | "jsonl" | "warc" | "feed"
    body: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO date
    published_from: PublishedFrom | None = None
    url: str | None = None
    language: str | None = None
    from_html: bool = False  # body already extracted from HTML (clean only lightly)


# --- clean ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Removed:
    """A piece of page clutter taken out of the text, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """A cleaned article with its metadata: the unit every later stage works on."""

    id: str
    path: str
    format: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    published_from: PublishedFrom | None = None
    url: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()


# --- extract --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, ...
    start: int
    end: int
    canonical: str | None = None


@dataclass(frozen=True)
class Quote:
    """A direct ("...") or indirect (X said that ...) quotation with its speaker."""

    text: str
    speaker: str | None
    start: int
    end: int
    direct: bool = True
    cue: str | None = None  # the reporting verb or phrase: said, told, according to
    speaker_start: int | None = None
    speaker_end: int | None = None
    # the cue's head word in the text ("said", "according"); None for quote marks alone
    cue_start: int | None = None
    cue_end: int | None = None
    # who the article has the words from when it did not hear them itself: "“…,” Sanders
    # said, according to CNN" is Sanders's, via CNN
    via: str | None = None
    via_start: int | None = None
    via_end: int | None = None
    # the quoted parts' [start, end) when one utterance is quoted in several (“A,” he said.
    # “B.”): ``start``/``end`` span them and the attribution between; empty for one part
    parts: tuple[tuple[int, int], ...] = ()

    def spans(self) -> tuple[tuple[int, int], ...]:
        """Where the quoted words are: each part, or ``start``/``end`` for one."""
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True)
class TimeMention:
    """A time expression and its normalised ISO value (YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www)."""

    text: str
    value: str | None
    start: int
    end: int
    kind: str = "DATE"  # TIMEX3 type: DATE | TIME | DURATION (value P3D, PXY) | SET
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN ...
    end_value: str | None = None  # last day of a range ("Oct. 27-28" -> 2024-10-28)


@dataclass(frozen=True)
class Claim:
    """A numeric claim: a quantity of something, attributed to someone, as of a date."""

    text: str  # the sentence
    value: float
    unit: str  # what is counted, singular lemma: troop, officer, dollar, percent
    start: int  # the number's span in the article text
    end: int
    qualifier: str | None = None  # nearly, about, at least, up to ...
    claimant: str | None = None
    date: str | None = None
    number_text: str = ""
    upper: float | None = None  # for ranges: "10,000 to 12,000"
    # what is counted as the text words it: "North Korean troops", "meters of toilet paper";
    # None for money and percentages, whose unit says it all
    thing: str | None = None


@dataclass(frozen=True)
class Word:
    """A content word of an article (noun, adjective or adverb), as its parse tagged it."""

    lemma: str  # lower-case
    text: str  # lower-case, as written
    pos: str  # NOUN | ADJ | ADV


@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeMention, ...] = ()
    # content words in text order (what framing compares); empty in analyses made before they
    # were kept, whose words framing tags again
    words: tuple[Word, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id


# --- group ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """Articles about one real-world event. ``duplicates`` maps a copy to the article it copies."""

    id: str
    article_ids: tuple[str, ...]
    duplicates: dict[str, str] = field(default_factory=dict)


# --- fuse -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """A sentence of text with the articles that support it."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Fact:
    text: str
    sources: tuple[str, ...]
    variants: tuple[Cited, ...] = ()  # each article's wording

    @property
    def support(self) -> int:
        return len(set(self.sources))


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    claimant: str | None
    sources: tuple[str, ...]
    qualifier: str | None = None
    date: str | None = None
    texts: tuple[Cited, ...] = ()
    upper: float | None = None  # the top of a range ("10,000 to 12,000")
    # each qualifier with the articles that write it: "at least" in one, none in the others
    qualifiers: tuple[Cited, ...] = ()
    thing: str | None = None  # what is counted, as most of its sources word it ("Varnish marines")
    # a forecast: every source dates the count after its own publication ("by December")
    expected: bool = False


@dataclass(frozen=True)
class Variant:
    value: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    about: str
    variants: tuple[Variant, ...]
    kind: str = "other"  # date | number | who | where | other


@dataclass(frozen=True)
class Rendering(Cited):
    """One wording of an utterance and the articles that give it; ``via``: who they have it
    from, when they did not hear it themselves ("according to CNN")."""

    via: str | None = None


@dataclass(frozen=True)
class QuoteGroup:
    """One utterance, with each outlet's rendering of it."""

    speaker: str | None
    variants: tuple[Rendering, ...]


@dataclass(frozen=True)
class TimelineEvent:
    date: str
    text: str
    sources: tuple[str, ...]
    # not yet happened when reported: every source dates it after its own publication
    expected: bool = False
    end: str | None = None  # the last day of a range of days ("Oct. 27-28": 2024-10-28)


@dataclass(frozen=True)
class StoryEntity:
    name: str
    label: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framing:
    article_id: str
    headline: str | None
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryBrief:
    id: str
    title: str
    article_ids: tuple[str, ...]
    summary: tuple[Cited, ...] = ()
    facts: tuple[Fact, ...] = ()
    figures: tuple[Figure, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[StoryEntity, ...] = ()
    framing: tuple[Framing, ...] = ()
    duplicates: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Brief:
    """The whole result of one analysis: what ``render`` turns into JSON, Markdown or HTML."""

    articles: tuple[Analysis, ...]
    stories: tuple[StoryBrief, ...]
    errors: tuple[Problem, ...] = ()
