"""The hourly rate of a person the words name as the one who redoes a failed answer.

"When the summary is wrong a lawyer redoes it, which takes about 20 minutes": 20 minutes of
a lawyer, not of the category's default reader. Each rate is the US median hourly wage of
the occupation in the BLS Occupational Outlook Handbook (the year of its figure given, the
latest the handbook page showed when read), divided by ``WAGE_SHARE`` for the employer's
cost per hour worked, as the category defaults are (``council.failure_cost``). A role not in
the table keeps the category's rate; the answer names whichever it used.
"""

from __future__ import annotations

import re

from council.failure_cost import DEVELOPER, WAGE_SHARE, Rate


def _rate(who: str, occupation: str, wage: float, year: int) -> Rate:
    return Rate(who, round(wage / WAGE_SHARE),
                f"BLS {year} median, {occupation}, ${wage:.2f}/h, / {WAGE_SHARE} for "
                "employer costs")


LAWYER = _rate("a lawyer", "lawyers", 65.26, 2022)
PARALEGAL = _rate("a paralegal", "paralegals and legal assistants", 29.31, 2023)
NURSE = _rate("a registered nurse", "registered nurses", 39.05, 2022)
TRANSLATOR = _rate("a translator", "interpreters and translators", 27.45, 2023)
ADJUSTER = _rate("a claims adjuster", "claims adjusters, appraisers, examiners and "
                 "investigators", 36.07, 2023)
ACCOUNTANT = _rate("an accountant", "accountants and auditors", 38.41, 2023)
SUPPORT_AGENT = _rate("a customer service representative", "customer service representatives",
                      15.53, 2016)
HR_SPECIALIST = _rate("an HR specialist", "human resources specialists", 30.52, 2020)
# The handbook gives this one a year, May 2021's median $61,600 / 2,080 hours = $29.62 an hour;
# read on a third-party copy of the handbook page, not on bls.gov itself, and older than the
# other rates: an estimate, and the answer says so.
SALES_REP = _rate("a sales representative", "sales representatives, wholesale and "
                  "manufacturing, except technical and scientific products ($61,600 a year / "
                  "2,080 h, read on a third-party copy of the handbook page: an estimate)",
                  29.62, 2021)
MEDICAL_CODER = _rate("a medical coder", "medical records and health information "
                      "specialists", 21.20, 2020)

# The words for each role, singular or plural, in English and as Italian, Spanish, French,
# German, Portuguese and Polish name it ("un traducteur", "ein Anwalt"); the first named wins.
_ROLES: tuple[tuple[str, Rate], ...] = (
    (r"lawyers?|attorneys?|solicitors?|(?:in-house )?counsel|avvocat[oaie]|abogad[oa]s?|"
     r"avocate?s?|anw[aä]lt\w*|rechtsanw[aä]lt\w*|advogad[oa]s?|prawni\w*|adwokat\w*", LAWYER),
    (r"paralegals?|legal assistants?", PARALEGAL),
    (r"(?:registered )?nurses?|RNs?|infermier[ea]|infermieri|enfermer[oa]s?|infirmi[eè]re?s?|"
     r"pflegekr[aä]ft\w*|enfermeir[oa]s?|piel[eę]gniar\w*", NURSE),
    (r"translators?|interpreters?|tradutt(?:ore|rice|ori)|traductor(?:a|es)?|"
     r"tradu(?:cteur|ctrice)s?|[üu]bersetzer\w*|tradutor(?:a|es)?|t[łl]umacz\w*", TRANSLATOR),
    (r"(?:claims? )?adjusters?|claims? (?:examiners?|handlers?)", ADJUSTER),
    (r"accountants?|auditors?|contabil[ei]|commercialist[aie]|contador(?:a|es)?|"
     r"comptables?|buchhalter\w*|contadores|ksi[eę]gow\w*", ACCOUNTANT),
    (r"medical coders?|medical coding specialists?|medical records specialists?|"
     r"coding specialists?", MEDICAL_CODER),
    # "HR" only in capitals: "hr" is an hour ("$300/hr")
    (r"(?-i:HR)(?: (?:staff|team|people|specialists?|generalists?|reps?|partners?))?|"
     r"human resources(?: (?:staff|team|specialists?))?|recruiters?", HR_SPECIALIST),
    (r"(?:software )?(?:developers?|engineers?)|programmers?|sviluppator[ei]|"
     r"desarrollador(?:a|es)?|d[ée]veloppeu(?:r|se)s?|entwickler\w*|desenvolvedor(?:a|es)?|"
     r"programist\w*", DEVELOPER),
    # "a sales rep", "our account executives", "an SDR", "Vertriebsmitarbeiter", "un commercial"
    (r"sales ?(?:reps?|representatives?|people|persons?|staff|team|managers?|"
     r"associates?|executives?)|salespe(?:rson|ople)|salesm[ae]n|saleswom[ae]n|"
     r"account (?:executives?|managers?)|(?-i:AEs?|SDRs?|BDRs?)|business development reps?|"
     r"vertriebs\w*|verkäufer\w*|(?:un |une |les |nos |notre )commerci(?:al|aux|ale|ales)|"
     r"vendedor(?:a|es|as)?|venditor[ei]|commerciali|säljar\w*|handlow\w*|przedstawiciel\w* "
     r"handlow\w*", SALES_REP),
    (r"(?:customer )?(?:support|service|care|call[- ]cent(?:er|re)|help ?desk|service desk) "
     r"(?:agents?|reps?|representatives?|staff)|CSRs?", SUPPORT_AGENT),
)
_ROLE_RE = re.compile("|".join(f"(?P<r{i}>\\b(?:{words})\\b)" for i, (words, _) in
                               enumerate(_ROLES)), re.IGNORECASE)


def role_rate(words: str) -> tuple[Rate, str] | None:
    """The rate of the first role ``words`` name, and the words that named it; None if none."""
    m = _ROLE_RE.search(words)
    if m is None or m.lastgroup is None:
        return None
    return _ROLES[int(m.lastgroup[1:])][1], m.group(0)


# An agent that is a program ("the AI agent", "our coding agent"): its minutes are run time,
# not a wage. Any other agent who loses minutes to a failure ("a failure costs an agent 5
# minutes") is a person answering customers, at the customer service representative's rate.
AI_AGENT = re.compile(r"\b(?:ai|llm|coding|autonomous|software)[- ]agents?\b", re.IGNORECASE)
_AGENT = re.compile(r"\bagents?\b", re.IGNORECASE)


def agent_rate(words: str) -> tuple[Rate, str] | None:
    """The rate of an agent ``words`` name who is a person (none is a program), and the word."""
    m = _AGENT.search(words)
    if m is None or AI_AGENT.search(words):
        return None
    return SUPPORT_AGENT, m.group(0)
