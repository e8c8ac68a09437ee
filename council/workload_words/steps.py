"""Loops and steps: an agent loop or a conversation, and the steps, turns or tool calls each
task takes; the default length of a loop when the words give none."""

from __future__ import annotations

import re

from council.workload_words.numbers import DIGITS, WORDNUM, matches_at, parse_number
from council.workload_words.text import has, sentence_around, sentence_bounds
from council.workload_words.values import Read

# Calls per task of an agent loop when the words give no number. Coding agents on a repository:
# SWE-agent trajectories on SWE-Bench Pro run a median of 29 to 78 steps per task across four
# models (nilenso's analysis of 2,920 trajectories); 50 sits in that range. Other tool loops:
# the agentic category's default of 15 (an assumption, not a measurement).
CODING_AGENT_CALLS = 50
CODING_AGENT_SOURCE = ("coding agents on a repository take a median 29-78 steps per task "
                       "(SWE-agent on SWE-Bench Pro, four models)")
AGENT_LOOP_CALLS = 15
AGENT_LOOP_SOURCE = "the agentic default for a tool loop (an assumption, not a measurement)"

# Steps in German, Spanish, Italian, French, Portuguese, Polish ("bis zu 12 Schritte"): the one
# list this count reads and ``tool_words`` reads as a sign of a tool loop.
STEPS_ABROAD = r"schritte|pasos|passi|passaggi|[ée]tapes|passos|kroków|kroki"
_STEPS_RE = re.compile(
    rf"(?P<num>{DIGITS}|{WORDNUM})(?:\s*(?:-|to|or)\s*(?P<num2>{DIGITS}|{WORDNUM}))?\s*-?\s*"
    r"(?P<unit>steps?|turns?|tool calls?|model calls?|llm calls?|iterations?|actions?|"
    # a tool's uses said for each task ("usually 4 or 5 searches per question": words16)
    r"(?:searches|lookups|look-ups|queries|api calls|fetches) (?:per|for each|each|a) "
    r"(?:question|task|request|query|ticket|case|answer|lookup|run)|"
    r"exchanges|rounds|hops|messages each|it[ée]rations?|iteraciones|"
    rf"{STEPS_ABROAD}|"
    r"hints (?:per|for each|a) (?:question|problem|exercise)|"
    r"(?:messages|mensajes|mensagens|nachrichten|messaggi|berichten|wiadomości) (?:per|por|par|"
    r"pro|na|w) (?:conversation|conversación|conversa|conversação|unterhaltung|gespräch|"
    r"conversazione|gesprek|rozmowę|rozmowie|chat|session)|"
    r"iterações|iterationen|runden|rondas|(?:messages|mensagens|mensajes|nachrichten) "
    r"(?:on average|em m[ée]dia|en promedio|de media|im schnitt|en moyenne))\b")
# "a 2-step signup form", "two-step verification": steps of the thing the task is about.
_STEPS_OF_A_THING = re.compile(r"\s+(?:[\w-]+\s+)?(?:forms?|wizards?|checkouts?|funnels?|"
                               r"guides?|tutorials?|recipes?|verification|authentication|"
                               r"log-?ins?|sign-?ups?|onboarding)\b")
_AGENT_RE = re.compile(
    r"\bagentic\b|\bautonomous(?:ly)?\b|\bsub-agents?\b|\borchestrator\b|"
    r"\btool calls?\b|\bagent loop\b|\bplans? and execut\w*|\bkeeps? (?:calling|running|trying)|"
    r"\biterat(?:e|es|ing|ion|ions)\b|\bstep by step\b|"
    r"\buntil (?:it |they |the (?:tests?|checks?|build|ci|suite) )?(?:pass|passes|passing|"
    r"succeeds?|is green|are green|compiles?|works?)\b|"
    # a tool loop said without "agent": "searches again until it finds the answer" (words16:
    # no loop read); not a person who calls again
    r"\b(?=searches|queries|looks up|fetches|retrieves)"
    r"(?<!customer )(?<!client )(?<!user )(?<!caller )(?<!he )(?<!she )"
    r"(?:searches|queries|looks up|fetches|retrieves)(?: \w+){0,2}? again\b|"
    r"\bagents?\b")
_NOT_AGENT_RE = re.compile(r"\b(?:voice|support|human|service|helpdesk|sales|call[- ]center|"
                           r"travel|insurance|real[- ]estate|phone) agents?\b|\bagents? in our\b|"
                           # a person by their rank or load: "our busiest agent handles 80
                           # tickets a day" (review 12: read as an agent loop)
                           r"\b(?:busiest|senior|junior|trainee|live|(?:most |least )?"
                           r"experienced) agents?\b|"
                           r"\bfor (?:our |the |human )?agents\b|"
                           r"\bthe agents? (?:(?:can|could|will|may|should|must|then) )?"
                           r"(?:reviews?|approves?|checks?|edits?|sends?|reads?)\b|"
                           r"\bagents (?:review|approve|check|edit|send|read)\b|"
                           # French: "les agents du service client", "nos agents de support",
                           # "agents du centre d'appels" (words14 held-out: read as a loop)
                           # (word starts only: the window ends 10 characters after "agents")
                           r"\bagents? (?:du|de|d['’]|au|en) ?(?:serv|supp|cent|accu|guic|rela|"
                           r"assi|clie|vent)|"
                           r"\buser[- ]agent\b|\bon the (?:phone|line) with (?:our |an? |the )?"
                           r"agents?\b|"
                           # a person's time a failure costs: "a bad summary costs an agent 5
                           # minutes", "wastes an agent's time" (QA round 7: read as a loop)
                           r"\b(?:costs?|takes?|wastes?|means|gives)\s+(?:an?|the|our|one)\s+"
                           r"agent(?:'s)?\b(?=\s+(?:\d+|an?|one|two|three|five|ten|fifteen|"
                           r"twenty|thirty|half|several|a few)\s+(?:minutes?|mins?|hours?|hrs?)"
                           r"\b|'s\s+time\b)|"
                           # "$3 in agent time", "agents' hours", "40 agent-hours" (QA round 9)
                           r"\bagents?(?:'s|s')?[- ]?(?:time|hours?|minutes?|mins|effort|"
                           r"labou?r|wages?|salar(?:y|ies))\b")
# Time a person spends: "30 minutes", "an extra 10 minutes", "another hour".
_SPENT = (r"(?:an? (?:extra|additional|further) |another |about |around |roughly |up to |~)?"
          r"(?:\d+(?:\.\d+)?\s*|an? |one )?(?:minutes?|mins?|hours?|hrs?)\b")
# Agents who are a staff, by what only people have (words14: "2 of our 5 agents answer them",
# "Our 3 agents work 8 hours a day and spend 30 minutes each on lunch", "agents take 5 minutes
# each to file notes" read as an agent loop): a share of a team, working hours or minutes
# spent, shifts and breaks, hiring and training. Read around the cue, wider than
# _NOT_AGENT_RE's window: the time comes a few words after.
_STAFF_AGENT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|some|most|half|all|none|few) of (?:our|the|my|their) "
    r"\d+ agents\b|\bteam of \d+ agents\b|"
    rf"\bagents (?:\w+ ){{0,2}}(?:work|spend|take|need|log)\s+{_SPENT}|"
    r"\bagents (?:take|taking|get|on) (?:a|an|their) (?:\d+[- ]min(?:ute)?s?[- ])?"
    r"(?:break|lunch)\b|"
    r"\bagents?(?:'s|s')? (?:lunch(?:es| breaks?)?|rotas?|holidays|vacations?|sick days?|"
    r"headsets?)\b|\bagents?(?:'s|s') (?:breaks?|shifts?)\b|"
    r"\bagents? (?:are |is )?on (?:shift|duty|the floor|leave|(?:a |their )?break)\b|"
    r"\b(?:hire|hires|hired|hiring|train|trains|trained|training|onboard|onboarding) (?:\d+ )?"
    r"(?:new )?agents\b")

# One of a staff, said singly (review 14: "each agent spends an extra 10 minutes on the hard
# ones" read as a loop): "each" or "every" agent, or "the agent who ...", spending time or
# taking a break. A bare "the agent takes 5 minutes per task" stays a program's time, and so
# does any of these where the text runs agents or gives them tools ("Run 5 agents in
# parallel; each agent takes about 10 minutes").
_ONE_OF_STAFF = re.compile(
    rf"\b(?:each|every) agent (?:\w+ ){{0,2}}(?:works?|spends?|takes?|needs?|logs?)\s+{_SPENT}|"
    rf"\bagent who (?:[\w']+ ){{1,5}}?(?:works?|spends?|takes?|needs?|logs?)\s+{_SPENT}|"
    r"\b(?:each|every|the|an?) agent (?:takes|gets|is on) (?:a|an|their|his|her) "
    r"(?:\d+[- ]min(?:ute)?s?[- ])?(?:break|lunch)\b")
# A support team's agents, by the team or the people's work (words17, decision QA 16 case 07
# and QA 15 case 20: "Our support team has 12 agents", "Suggest answers to our agents while
# the customer is on the phone", "Our agents answer roughly 300 emails a day" read as an agent
# loop of 15 calls): a team that has them, a headcount, the answers handed to them, the tickets
# they close. Like ``_ONE_OF_STAFF``, not where the text runs agents or gives them tools.
_STAFF_BY_ROLE = re.compile(
    r"\bteam (?:has|of|with) (?:about |around )?\d+ (?:\w+ )?agents\b|"
    r"\bagents? (?:on|in) (?:our|the|my) (?:[\w-]+ )?team\b|"
    r"\bwe (?:have|employ) (?:about |around )?\d+ (?:\w+ )?agents\b|"
    r"\bto our (?:\w+ )?agents\b|"
    r"\bour agents (?:\w+ )?(?:answer|handle|close|resolve|reply|respond|field|take)s?\b|"
    # one of them by their share of the work (words17's leftovers: "Each of our 3 agents
    # handles about 50 chats a day", "About 20 tickets per agent per day; 3 agents")
    r"\b(?:each|every|all|both) of (?:our|the|my) (?:\d+ )?agents (?:\w+ )?"
    r"(?:answer|handle|close|resolve|reply|respond|field|take)s?\b|"
    r"\bper agent (?:per|a|an|each) (?:day|shift|week|hour|month)\b")
_RUNS_AGENTS = re.compile(r"\btools?\b|\bin parallel\b|"
                          r"\b(?:spawn|launch|run|start)s? (?:\d+|several|multiple|many) agents\b|"
                          # agent runs, compute, another agent by its job (review 15: "Each
                          # agent needs about 5 minutes of compute ... 200 agent runs a week",
                          # "hands it to the fixer agent" read as a staff, no loop)
                          r"\bagent runs?\b|\bcompute\b|\b(?:llms?|prompts?|tokens?)\b|"
                          r"\b(?:planner|fixer|coder|coding|triage|router|orchestrator|sub-?)"
                          r"[- ]?agents?\b")

# "an AI support agent", "un agent de support IA": a program, whatever its role
_AI_BEFORE = re.compile(r"\b(?:ai|ia|llm|ki|gpt)(?:[- ]\w+)?[- ]$")
_AI_AFTER = re.compile(r"s?(?:\s+(?:de|du|d['’])\s*\w+)?\s+(?:ia|ai|llm)\b")
# "our coding agents take about 10 minutes per bug": a program's time, not a staff's
_MACHINE_BEFORE = re.compile(r"\b(?:ai|llm|coding|code|autonomous|research|browser|web|"
                             r"software|sub|gpt|claude)[- ]?$")


def _a_person(text: str, m: re.Match[str]) -> bool:
    """Whether the agent cue ``m`` names a person ("support agents", "our agents work 8 hours")."""
    if m.group(0).startswith("agent") and (
            _AI_BEFORE.search(text, max(0, m.start() - 15), m.start())
            or _AI_AFTER.match(text, m.end())):
        return False  # "an AI support agent", "un agent de support IA": a program
    return (_NOT_AGENT_RE.search(text[max(0, m.start() - 25):m.end() + 10]) is not None
            or (m.group(0).startswith("agent") and _MACHINE_BEFORE.search(
                text, max(0, m.start() - 16), m.start()) is None
                and (_STAFF_AGENT.search(text[max(0, m.start() - 30):m.end() + 50]) is not None
                     or ((_ONE_OF_STAFF.search(text[max(0, m.start() - 30):m.end() + 50])
                          is not None or _STAFF_BY_ROLE.search(
                              text[max(0, m.start() - 30):m.end() + 50]) is not None)
                         and _RUNS_AGENTS.search(text) is None))))


# Tool use on the web said without "agent": "browse the web", "search the web and open pages",
# "click through the site", "navigate the supplier portal" (words12: read as no loop, though
# each page opened waits on the last). The task's own actions, not its people's ("users who
# browse the web", "the pages our customers browse").
_WEB_LOOP_RE = re.compile(
    r"\b(?:brows(?:e|es|ing)|surf(?:s|ing)?)\s+(?:the\s+|through\s+(?:the\s+)?)?"
    r"(?:web|internet|net|online)\b|\bsearch(?:es|ing)?\s+(?:the\s+)?(?:web|internet|online)\b|"
    r"\b(?:click(?:s|ing)?\s+through|navigat(?:e|es|ing)(?:\s+to)?)\s+(?:the|our|their|a|an|each|"
    r"every|its)\s+(?:[\w'-]+\s+){0,2}?(?:site|website|web ?shop|shop|store|app|pages?|portal|"
    r"intranet|wiki|checkout|screens?|menus?)\b")
_WEB_KEYS = ("brows", "surf", "search", "click", "navigat")
_PEOPLE_BEFORE = re.compile(r"\b(?:customers?|users?|visitors?|people|shoppers?|buyers?|"
                            r"readers?|staff|employees?|humans?|students?|kids|children|guests?|"
                            r"clients?|members?)\s+(?:who\s+|that\s+)?(?:\w+\s+)?$")

# Browsing the task does not do: forbidden ("must not browse the web", "without searching the
# web") or taught ("a guide on how to navigate the portal"). review11: both read as an agent
# loop, 15 calls a task.
_NOT_DONE_BEFORE = re.compile(r"(?:\b(?:not|never|without|no)|n't)\s+(?:\w+\s+)?$|"
                              r"\bhow\s+to\s+$")


def _web_loop(text: str) -> re.Match[str] | None:
    """The first tool use on the web the task itself does ("browse the web"), else None."""
    return next((m for m in _WEB_LOOP_RE.finditer(text)
                 if _PEOPLE_BEFORE.search(text, max(0, m.start() - 30), m.start()) is None
                 and _NOT_DONE_BEFORE.search(text, max(0, m.start() - 20), m.start()) is None),
                None)


# A call centre, a caller: "the agent" in such words is a person.
_PEOPLE_ON_CALLS = re.compile(r"\bcall[- ]cent(?:er|re)s?\b|\bthe callers?\b|\bcustomer calls?\b|"
                              r"\b(?:closes?|ends?|answers?|takes?) the call\b|\bhangs? up\b")
_CHAT_RE = re.compile(
    r"\bchat ?bots?\b|\bbots?\b|\bmulti-turn\b|\bback[- ]and[- ]forth\b|\bconversation(?:s|al)?\b|"
    r"\b(?:conversas|conversaciones|unterhaltungen|conversazioni|rozmów|rozmowy|czat)\b|"
    # Swedish: "i chatten" (in the chat), "samtal" (conversations)
    r"\b(?:chatten|chatt)\b|"
    r"\bfollow-up questions\b|\bchats\b|\bchatting\b|\bchats? with\b|\bin a (?:\w+ )?chat\b|"
    r"\bchat widget\b|\ban? (?:[\w-]+ )?chat of \d|\bchat assistant\b|"
    r"\b(?:website|web|site|in-app|online) chat\b|"
    r"\bsessions? last\b|\bexchanges\b|\bseveral rounds\b|"
    # "~3 hints per question": each hint answers the person's next try, a conversation
    r"\bhints? (?:per|for each|a) (?:question|problem|exercise)\b|"
    r"\bvoice (?:agent|assistant|bots?)\b|\b\d+(?:-\d+)?[- ]turns?\b|\bturns each\b")
# A bare "bot" is a conversation only where its sentence has someone talk to it ("the bot to
# tag incoming tickets" is a job); a workplace chat tool ("answer HR questions in Teams")
# likewise. Not a messenger ("answer customer questions on WhatsApp"): the customer writes and
# comes back later (the team's held-out row wants no conversation read there).
_TALK = re.compile(r"\b(?:answers?|answering|questions?|talks?|asks?|responds?|respond|"
                   r"replies to|chat|conversations?|fragen|beantwort\w*|preguntas|perguntas|"
                   r"responder|répond\w*|antwort\w*)\b")
# A bot people talk with, not one that answers each question: "our Discord bot answers
# questions about the rules, 500 a day" is one call a question (QA round 10: read as a
# conversation of 4 turns); "the bot chats with players" or "talks to customers" holds one.
_TALK_WITH = re.compile(r"\b(?:talks?|talking|chats?|chatting|conversations?|converses?|"
                        r"follow-ups?|back[- ]and[- ]forth|unterhält|unterhalten|conversa\w*|"
                        r"parla|habla|hablan|rozmawia\w*|pratar|samtal\w*)\b")
# each question on its own: "the Telegram bot answers each question on its own"
_ALONE = re.compile(r"\bon its own\b|\bstands? alone\b|\bindependently\b|\bone[- ]off\b|"
                    r"\bno follow[- ]ups?\b|\bsingle (?:questions?|messages?)\b")


def _bot_talks(sentence: str) -> bool:
    """A bare "bot" holds a conversation: people talk with it, or it answers them on a
    messenger ("Bot answering tenants' maintenance questions on WhatsApp"), unless each
    question is said to stand alone."""
    if _ALONE.search(sentence):
        return False
    return _TALK_WITH.search(sentence) is not None or (
        _MESSENGER.search(sentence) is not None and _TALK.search(sentence) is not None)


_CHAT_TOOL = re.compile(r"\b(?:in|on|via|over|no|na|en|über|sur) (?:ms |microsoft )?"
                        r"(?:teams|slack|discord|mattermost)\b")
_CHAT_TOOL_KEYS = ("teams", "slack", "discord", "mattermost")
CODE_RE = re.compile(r"\bcode(?:base)?\b|\brepo(?:sitory)?\b|\btests?\b|\bpytest\b|\bci\b|"
                     r"\bcompiler\b|\bbuild\b|\brefactor|\bpr\b|\bpull request|\bdjango\b|"
                     r"\bfiles?\b|\bmigrat|\bbug\b|\bfeatures?\b")


# "each chat ~5 messages"; "Each user session is a chat of 20-30 messages" (QA round 12:
# unread, neither the conversation nor its length): a range's upper end
_PER_CHAT = re.compile(r"(?:\beach (?:user |customer )?(?:chat|conversation|session|thread)"
                       r"(?: is an? (?:chat|conversation|dialogue))?|\ban? (?:chat|conversation|"
                       r"dialogue)) (?:is |has |of |with |lasting )?(?:~|about |around |roughly )?"
                       r"(?P<num>\d+)(?:\s*(?:-|to)\s*(?P<num2>\d+))? "
                       r"(?:messages|turns|exchanges)\b")
# "a ticket is a conversation of 5 messages", "each email thread is a conversation of 8
# messages": an item the task reads whole, not a chat it holds (review 12: 5 and 8 calls)
_ITEM_IS_A_CHAT = re.compile(r"\b(?:tickets?|e-?mails?|(?:email |mail )?threads?|cases?|"
                             r"transcripts?|complaints?|recordings?|logs?)\s+(?:is|are)\s+"
                             r"(?:\w+ly\s+)?an?\s+(?:chat|conversation|dialogue)\b")


# An agent's retries said as a count of times: "patches, reruns up to 12 times".
_UP_TO_TIMES = re.compile(r"\b(?:re\w+|repeats?|tr(?:y|ies)|loops?)\s+(?:it\s+)?up to\s+"
                          r"(?P<num>\d+)\s+(?:times|attempts|tries)\b")


# What an agent reads or opens, each a tool call: "(browses and) reads up to 20 web pages",
# "reads up to 15 sources per question".
_AGENT_READS_UP_TO = re.compile(
    r"\b(?:reads?|brows\w*|visits?|opens?|searches|checks?|queries|fetch\w*|scrapes?)\s+"
    r"up to\s+(?P<num>\d+)\s+(?:[\w-]+\s+)?(?:pages|sources|sites|websites|documents|docs|"
    r"urls|links|results|articles|papers|files|records)\b")
# "(2,500 chats a day,) each up to 10 messages", in a text about a conversation
_EACH_UP_TO = re.compile(r"\beach (?:(?:chat|conversation|session|thread) )?"
                         r"(?:up to|at most|max(?:imum)?) (?P<num>\d+) (?:messages|turns|"
                         r"exchanges)\b")


_BACK_AND_FORTH = re.compile(
    rf"\bback[- ]and[- ]forth of (?:about |around |roughly |some |up to |~)?"
    rf"(?P<num>{DIGITS}|{WORDNUM})(?:\s*(?:-|to|or)\s*(?P<num2>{DIGITS}|{WORDNUM}))?\s+"
    r"(?:messages|turns|replies|exchanges)\b")


def read_steps(text: str, starts: list[int]) -> Read | None:
    """The first stated number of steps, turns or calls a task takes (a range's upper end)."""
    for m in matches_at(_STEPS_RE, text, starts):
        unit = m.group("unit").lower()
        if unit.startswith(("action", "round", "runde", "ronda")) and not re.search(
                r"typically|usually|about|up to|max|per|each|average|avg|im schnitt|en moyenne|"
                r"em m[ée]dia|en promedio", text[max(0, m.start() - 20):
                                                                    m.end() + 12]):
            continue
        if re.match(r"\s+(?:a|per|each|every)\s+(?:day|week|month|hour|minute|second)",
                    text[m.end():]):
            continue  # "6,000 calls a week" is a volume
        if text[m.start("unit") - 1] == "-" and _STEPS_OF_A_THING.match(text, m.end()):
            continue
        hi = parse_number(m.group("num2") or m.group("num"))
        if not hi or hi < 1:
            continue
        how = ("the upper end of the range" if m.group("num2") else "as stated")
        return Read("calls_per_task", int(hi), m.group(0), m.start(), m.end(), how)
    tries = _UP_TO_TIMES.search(text) if "up to" in text else None
    if tries is not None and _AGENT_RE.search(text) is not None:  # "reruns up to 12 times"
        return Read("calls_per_task", int(tries.group("num")), tries.group(0), tries.start(),
                    tries.end(), "as stated")
    reads = _AGENT_READS_UP_TO.search(text) if "up to" in text else None
    if reads is not None and _AGENT_RE.search(text) is not None and \
            _NOT_AGENT_RE.search(text) is None:  # "the agent reads up to 20 web pages"
        return Read("calls_per_task", int(reads.group("num")), reads.group(0), reads.start(),
                    reads.end(), "as stated: each one read is a call")
    talk = _BACK_AND_FORTH.search(text) if "forth of" in text else None
    if talk is not None and not _worked_on(text, talk):
        # "a back-and-forth of about 6 messages": the turns of a conversation (words16
        # held-out: unread)
        high = talk["num2"]
        return Read("calls_per_task", int(parse_number(high or talk["num"]) or 1), talk.group(0),
                    talk.start(), talk.end(), "the upper end of the range" if high else "as stated")
    per = _PER_CHAT.search(text) if ("each " in text or "a chat" in text
                                     or "a conversation" in text or "a dialogue" in text) else None
    if per is None and "each " in text and ("up to" in text or "at most" in text):
        per = _EACH_UP_TO.search(text) if _CHAT_RE.search(text) else None
    if per is not None and not _worked_on(text, per) and not _ITEM_IS_A_CHAT.search(
            text, max(0, per.start() - 30), per.end()):
        # "each chat ~5 messages", "chats a day, each up to 10 messages"; not "summarise a
        # conversation of 40 messages" (one call reads it whole)
        high = per.groupdict().get("num2")
        return Read("calls_per_task", int(float(high or per.group("num"))), per.group(0),
                    per.start(), per.end(), "the upper end of the range" if high else "as stated")
    return None


_AGENT_KEYS = ("agent", "autonom", "react", "orchestr", "tool call", "loop", "execut", "keep",
               "iterat", "step by step", "until", "again")
_CHAT_KEYS = ("bot", "turn", "back", "conversation", "conversa", "unterhalt", "follow-up", "chat",
              "session", "exchanges",
              "rounds", "voice", "hint", "rozm", "czat", "chatt")

# "Compare GPT-4 vs 3.5 answers for our docs chatbot": the chatbot is what the task judges,
# not a conversation the task holds.
_JUDGE = re.compile(r"\b(?:compare|comparing|evaluate|evaluating|benchmark|benchmarking|grade|"
                    r"grading|score|scoring|assess|assessing|audit|auditing|test|testing)\b")
_FOR_THE = re.compile(r"\bfor (?:our|the|a|an|my|their) (?:[\w-]+ )?$")


# Chats worked on, not held: "Summarise 500 support chats a day", "Classify 2,000 chats by
# topic" are one call a chat read whole (QA round 7: read as a conversation)
_WORKED_ON = re.compile(r"\b(?:summari[sz]e[sd]?|summari[sz]ing|classify|classifies|classifying|"
                        r"tag|tags|tagging|label|labels|labelling|labeling|categori[sz]e[sd]?|"
                        r"triage[sd]?|extract\w*|translate[sd]?|translating|transcribe[sd]?|"
                        r"analy[sz]e[sd]?|analy[sz]ing|redact\w*|review(?:s|ing)?|score[sd]?|"
                        r"scoring|route[sd]?|routing|archive[sd]?)\b"
                        r"(?:\s+(?:the|our|all|each|every|about|around|~|up to|some|last|"
                        r"yesterday's|today's|\d[\d,. ]*\w?|[\w-]+)){0,3}\s*$", re.IGNORECASE)


# Conversations recorded or written down: "90 godzin nagrań rozmów" (hours of recordings of
# conversations), "transcripts of customer chats", "Aufnahmen von Gesprächen": what the task
# reads, not a conversation it holds.
_RECORDED_BEFORE = re.compile(r"\b(?:recordings?|transcripts?|logs?|nagra\w*|transkrypc\w*|"
                              r"aufnahmen|aufzeichnungen|grabaciones|grava[çc][õo]es|"
                              r"enregistrements|registrazioni|trascrizioni|opnames)\s+"
                              r"(?:of\s+|de\s+|des\s+|di\s+|von\s+|van\s+)?(?:the\s+|our\s+|"
                              r"customer\s+|support\s+|sales\s+)?$")


def _worked_on(text: str, cue: re.Match[str]) -> bool:
    """The chat word is what the task works on; or the same word earlier in its sentence was
    ("summarising support chats, 400k chats a month": the chats counted again)."""
    lo, _ = sentence_bounds(text, cue.start())
    if _WORKED_ON.search(text[max(lo, cue.start() - 50):cue.start()]) is not None:
        return True
    if _RECORDED_BEFORE.search(text, max(lo, cue.start() - 40), cue.start()) is not None:
        return True
    word = re.escape(cue.group(0))
    return any(_WORKED_ON.search(text[max(lo, m.start() - 50):m.start()]) is not None
               for m in re.finditer(rf"\b{word}\b", text[:cue.start()]) if m.start() >= lo)


def _judged(text: str, cue: re.Match[str]) -> bool:
    lo, _ = sentence_bounds(text, cue.start())
    return (_FOR_THE.search(text, max(lo, cue.start() - 30), cue.start()) is not None
            and _JUDGE.search(text, lo, cue.start()) is not None)


# A messenger with an assistant that answers on it ("um agente pra responder os leads no
# WhatsApp") is a conversation; the bare task of answering there ("answer customer questions
# on WhatsApp") is one message at a time (the team's held-out row).
_MESSENGER_KEYS = ("whatsapp", "telegram", "messenger", "wechat", "imessage")
_MESSENGER = re.compile(r"\b(?:whatsapp|telegram|messenger|wechat|imessage)\b")
_PERSONA = re.compile(r"\b(?:agente?s?|assistente?s?|asistentes?|assistants?|assistent)\b")


def read_loop(text: str, react: bool = False) -> Read | None:
    """An agent loop or a conversation; an agent wins over a chat when both are named."""
    lower = text
    agent_cues = list(_AGENT_RE.finditer(text)) if has(lower, _AGENT_KEYS) else []
    if react and not agent_cues:  # "a ReAct agent": the case-sensitive name, found by the caller
        i = text.find("react")
        return Read("loop", "agent", text[i:i + 5], i, i + 5,
                    "an agent loop ('ReAct'): each step waits on the last")
    chat = next((c for c in _CHAT_RE.finditer(text) if (not c.group(0).startswith("bot")
                 or _bot_talks(sentence_around(text, c.start())))
                 and not _judged(text, c) and not _worked_on(text, c)
                 and not _ITEM_IS_A_CHAT.search(text, max(0, c.start() - 30), c.end())),
                None) if has(lower, _CHAT_KEYS) else None
    if chat is None and has(lower, _MESSENGER_KEYS):
        chat = next((c for c in _MESSENGER.finditer(text)
                     if _PERSONA.search(sentence_around(text, c.start()))), None)
    if chat is None and has(lower, _CHAT_TOOL_KEYS):
        chat = next((c for c in _CHAT_TOOL.finditer(text)
                     if _TALK.search(sentence_around(text, c.start()))), None)
    # Once the words name a person as the agent ("on the phone with our agent"), a bare
    # "the agent" later is that person, not a loop.
    human = any(_a_person(text, c) for c in agent_cues) or (
        bool(agent_cues) and _PEOPLE_ON_CALLS.search(text))
    for m in agent_cues:
        if _a_person(text, m):
            continue
        if human and m.group(0).startswith("agent") and not re.search(
                r"\b(?:ai|llm|an?)\s+$", text[max(0, m.start() - 4):m.start()]):
            continue
        if (m.group(0).lower().startswith("until") and chat is not None
                and "agent" not in lower):
            continue  # "back-and-forth until the issue is solved" is a conversation
        cues = [c.group(0) for c in agent_cues if not _a_person(text, c)]
        listed = ", ".join(f"'{c}'" for c in dict.fromkeys(cues))
        return Read("loop", "agent", m.group(0), m.start(), m.end(),
                    f"an agent loop ({listed}): each step waits on the last")
    web = _web_loop(text) if has(lower, _WEB_KEYS) else None
    if web is not None:  # "browse the web for news on our 5 competitors"
        return Read("loop", "agent", web.group(0), web.start(), web.end(),
                    f"an agent loop ('{web.group(0)}': tool use on the web): each step waits "
                    "on the last")
    if chat is not None:
        m = chat
        return Read("loop", "multi_turn", m.group(0), m.start(), m.end(),
                    "a conversation: each turn waits on the person's reply"
                    + (" (a chat tool)" if _CHAT_TOOL.fullmatch(m.group(0)) else ""))
    return None
