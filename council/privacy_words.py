"""A condition on where the data goes that the catalog cannot check, said in the words:
"the data must stay in the EU", "the provider must not train on our data", "it has to be
self-hosted" (decision QA 15: each was answered as if unsaid, the pick from any provider).

The catalog records no provider's region, data terms or whether a model's weights can be run
at home, so no model is excluded for them; the answer says the condition was read and not
checked, and what to check, never silence. English, German, French and Spanish.
Read in the first TASK_HEAD characters (``council.task_head``), where the task is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.task_head import TASK_HEAD

# the EU or Europe as where data must stay: "must stay in the EU", "EU-only hosting",
# "dürfen die EU nicht verlassen", "doivent rester en Europe", "no pueden salir de la UE"
_EU = (r"(?:the\s+)?(?:EU|E\.U\.|European\s+Union|Europe|UE|Europa|l['’]UE|la\s+UE|der\s+EU|"
       # a country ("no patient data may leave Germany": decision QA 17's held-out h6)
       r"Germany|Deutschland|France|Switzerland|der\s+Schweiz|Austria|Österreich|Spain|"
       r"España|Italy|Italia|the\s+Netherlands|the\s+UK|the\s+United\s+Kingdom|Canada|"
       r"Australia|Japan|India|the\s+US|the\s+United\s+States|the\s+country)")
_STAY = (r"(?:stays?|staying|remains?|kept|keep|hosted|stored|processed|leaves?|leave|leaving|"
         r"bleib\w*|verlass\w*|rester|restent|reste|quitter|sortir|quedar\w*|salir|"
         r"permanecer)")
_RESIDENCY = re.compile(
    rf"\b{_STAY}\b[^.;:!?\n]{{0,20}}?\b(?:in(?:side|nerhalb)?|within|en|dans|dentro\s+de|"
    rf"de)?\s*{_EU}\b|"
    rf"\b{_EU}\b[^.;!?\n]{{0,12}}?\b(?:nicht\s+verlassen|only|-only|only\s+hosting|data\s+"
    r"residency|residency|hosting\s+only)\b|"
    r"\bdata\s+residency\b|\bGDPR[- ]compliant\s+hosting\b", re.IGNORECASE)
# what must stay there is data, said in the clause ("We stay in Europe for the summer" is none)
_DATA = re.compile(r"\b(?:data|daten|donn[ée]es|datos|dados|records?|files?|documents?|"
                   r"information|informations|información|prompts?|everything|nothing|"
                   r"residency|-only|only)\b", re.IGNORECASE)
# no training on what the user sends: "must not train on our data", "no training on our
# data", "nicht zum Training", "pas d'entraînement sur nos données", "sin entrenar con"
_NO_TRAINING = re.compile(
    r"\b(?:(?:must|may|can|should|will)\s*(?:not|n['’]t)\s+(?:be\s+)?(?:used\s+(?:for|to)\s+)?"
    r"train(?:ing|ed)?|no\s+training|never\s+(?:be\s+)?(?:used\s+(?:for|to)\s+)?train\w*|"
    r"not\s+(?:be\s+)?used\s+(?:for|to)\s+train\w*|nicht\s+(?:zum|für(?:s)?)\s+Training|"
    r"kein(?:e|en)?\s+Training|pas\s+(?:d['’])?(?:entra[iî]nement|pour\s+entra[iî]ner)|"
    r"ne\s+(?:doit|doivent)\s+pas\s+servir\s+[àa]\s+entra[iî]ner|sin\s+entrenar|"
    r"no\s+(?:se\s+)?(?:pueden?\s+|debe[n]?\s+)?(?:usar\s+para\s+)?entrenar)\b"
    r"[^.;!?\n]{0,40}?\b(?:data|daten|données|datos|prompts?|inputs?|documents?|on\s+(?:it|"
    r"them))\b", re.IGNORECASE)
# run on the user's own machines: "self-hosted", "on-prem", "nothing may leave our own
# servers", "no data may leave our VPC", "auf eigenen Servern", "sur nos propres serveurs",
# "en nuestros servidores"
_OWN_SERVERS = re.compile(
    r"\b(?:self[- ]hosted|self[- ]host(?:ing)?|on[- ]prem(?:ise|ises)?|air[- ]gapped|"
    r"(?:our|my)\s+own\s+(?:servers?|hardware|infrastructure|data\s*cent(?:er|re)|cloud)|"
    # "no data may leave our VPC", "inside our private network" (decision QA 17: nothing said)
    r"(?:our|my)\s+(?:own\s+)?(?:VPC|virtual\s+private\s+cloud|private\s+network|"
    r"internal\s+network)|"
    r"(?:auf\s+)?(?:unseren\s+)?eigenen\s+Servern|(?:sur\s+)?nos\s+propres\s+serveurs|"
    r"(?:en\s+)?nuestros\s+(?:propios\s+)?servidores)\b", re.IGNORECASE)
# asked, in the clause: a modal or "required" ("the data must stay in the EU", "it has to be
# self-hosted", "dürfen ... nicht verlassen"); a prompt that asks about a database's "strict EU
# data residency" or "self-hosted Postgres on a VPS" sets none (two rows of the blind files)
_ASKED = re.compile(r"\b(?:must|has\s+to|have\s+to|needs?(?:\s+to)?|may|can(?:not|['’]t)?|"
                    r"should|shall|required|requires?|mandatory|only|d[üu]rfen|darf|m[üu]ssen|"
                    r"muss|doi(?:t|vent)|deben?|pueden?|tienen\s+que|tiene\s+que|"
                    r"il\s+faut|obligatoire|obligatorio)\b", re.IGNORECASE)
# a condition asked of the answer's model, not a topic ("write a blog post about on-prem vs
# cloud", "summarise our GDPR policy on EU data residency"): a topic word before it
_TOPIC = re.compile(r"\b(?:about|on\s+the\s+topic|policy|policies|article|blog|post|essay|"
                    r"explain\w*|compare\w*|vs\.?|versus)\b[^.;!?\n]{0,40}$", re.IGNORECASE)

_WHAT = {
    "residency": "the catalog does not record where a provider processes or stores data, so "
                 "no model was excluded for it; before you use the pick, check that its "
                 "provider offers that region (a data zone or endpoint there) in its terms",
    "no_training": "the catalog does not record a provider's data terms, so no model was "
                   "excluded for it; check that the pick's provider does not train on API "
                   "data (most paid APIs say so in their terms; free tiers often do not)",
    "self_hosted": "the catalog does not record which models' weights you can run yourself, "
                   "so no model was excluded for it and the prices are a provider's; a "
                   "self-hosted model costs your hardware, not these per-token prices",
}


@dataclass(frozen=True)
class PrivacyRead:
    """A condition on the data the words set, and the words that set it."""

    kind: str  # "residency", "no_training" or "self_hosted"
    words: str


def read_privacy(text: str) -> tuple[PrivacyRead, ...]:
    """The data conditions the task's words set, each kind once, in the order said."""
    head = (text or "")[:TASK_HEAD]
    found: list[tuple[int, PrivacyRead]] = []
    for kind, pattern in (("residency", _RESIDENCY), ("no_training", _NO_TRAINING),
                          ("self_hosted", _OWN_SERVERS)):
        for m in pattern.finditer(head):
            start = head.rfind(".", 0, m.start()) + 1
            if _TOPIC.search(head, start, m.start()):
                continue
            clause = max(head.rfind(c, 0, m.start()) for c in ".;:!?\n") + 1
            ends = [i for i in (head.find(c, m.end()) for c in ".;:!?\n") if i >= 0]
            end = min(ends, default=len(head))
            if not _ASKED.search(head, clause, end) or head[end:end + 1] == "?" \
                    or (kind == "residency" and not _DATA.search(head, clause, m.end())):
                continue
            found.append((m.start(), PrivacyRead(kind, m.group(0).strip())))
            break
    return tuple(read for _, read in sorted(found, key=lambda f: f[0]))


def privacy_note(read: PrivacyRead) -> str:
    """The answer's note for one condition: read, not checked, and what to check."""
    return f"Your words '{read.words}' set a condition on your data: {_WHAT[read.kind]}."
