"""A budget said with no period ("Our budget is $500.") or for a whole project: unread, said so."""

from __future__ import annotations

import re

from council.money_words.limits import INCOME_AFTER, NOT_OURS, THIRD_PARTY
from council.money_words.periods import SPRINT_AFTER

# A budget said with no period ("Our budget is $500.", "Budget cap EUR 40,000.", "we have $20
# total"): not read, since a budget here is a month's, but said, so it is not dropped without
# a word. Only the user's own budget: not "within a budget of $100" (a shopper's), "your
# budget of $200" (a role-play's) or "a budget of $160 million" (a film's).
_NO_PERIOD_CUE = re.compile(
    r"(?:\b(?:our|my|the|total|overall|project) budget|^(?:budget|presupuesto|orçamento|"
    r"budżet))\b(?: cap| limit| ceiling)?"
    r"(?: is| of|:)?(?: only| about| around| roughly)?\s*$|"
    r"\b(?:we|i) can (?:only )?afford (?:about |around |up to )?$|"
    r"\b(?:we|i) (?:can|could) spend (?:about |around |up to |at most |no more than )?$|"
    r"\b(?:we|i) (?:only |still )?have (?:about |around |roughly )?$|"
    # "予算は50万円です", "预算是5000元", "예산은 100만 원입니다" (decision QA 17: unread)
    r"(?:予算は|预算(?:是|为|為)?|예산은)\s*(?:約|およそ|大约|약)?\s*$", re.IGNORECASE)
# "we have $20 total" is a budget; "we have $20 coupons" is not
_HAVE_AFTER = re.compile(r"^\s*(?:total|in total|all in|altogether|left|to spend|overall)?"
                         r"\s*(?:[.;,!?]|$)", re.IGNORECASE)
# "$0.02 per request": a budget for something else than a month, not a month's left unsaid
# ("a" and "an" are words: "100 € au total" is no price per unit, QA round 9)
_PER_UNIT_AFTER = re.compile(r"^\s*(?:(?:per|a|an|each|every)\s+|/\s*)\w", re.IGNORECASE)


# "$3k for the whole migration", "€1,000 for the entire project": a sum for a whole project,
# not a month's (decision QA 13: unread, in silence)
_PROJECT_AFTER = re.compile(r"^\s*(?:for|over|across)\s+(?:the|our|this)\s+(?:(?:whole|entire|"
                            r"full|complete)\s+(?:[\w-]+\s+){0,2}?(?:project|migration|job|"
                            r"rollout|launch|pilot|engagement|contract|programme|program|"
                            r"clean-?up|backfill|effort|thing)|project|migration|pilot|"
                            r"rollout|backfill)\b", re.IGNORECASE)


# "budget for the whole data-cleanup project: €1,000": the project named before the amount
_PROJECT_BEFORE = re.compile(r"\bbudget\s+(?:for|of)\s+(?:the|our|this)\s+(?:(?:whole|entire|full|"
                             r"complete)\s+)?(?:[\w-]+\s+){0,2}?(?:project|migration|pilot|"
                             r"rollout|backfill|clean-?up)\s*(?:is|of|:|=)?\s*$", re.IGNORECASE)


def no_period(clause: str, m: re.Match[str], unread: list[str]) -> None:
    after = clause[m.end():]
    project = _PROJECT_AFTER.match(after) or _PROJECT_BEFORE.search(clause[:m.start()])
    if project is not None and not NOT_OURS.search(clause[:m.start()]) \
            and not THIRD_PARTY.search(clause[:m.start()]):
        said = (m.group(0) + project.group(0) if project.re is _PROJECT_AFTER
                else project.group(0) + m.group(0)).strip()
        unread.append(f"'{said}' was not read as a budget: a sum for the whole project, not a "
                      "month's; give the monthly budget in the form, or say the project's "
                      "months")
        return
    cue = _NO_PERIOD_CUE.search(clause[:m.start()])
    sprint = SPRINT_AFTER.match(after)
    if cue is not None and sprint is not None:  # "the budget is $300 per sprint"
        said = (m.group(0) + sprint.group(0)).strip()
        unread.append(f"'{said}' was not read as a budget: the words give no sprint length; "
                      "say how long a sprint is ('two-week sprints') or give the monthly "
                      "budget in the form")
        return
    if cue is None or INCOME_AFTER.match(after) or _PER_UNIT_AFTER.match(after):
        return
    if "have" in cue.group(0).lower() and not _HAVE_AFTER.match(after):
        return
    said = m.group(0).strip()
    unread.append(f"'{said}' was not read as a budget: the words give no period, and a budget "
                  f"here is a month's; say '{said} a month' or give your own monthly budget "
                  "instead")
