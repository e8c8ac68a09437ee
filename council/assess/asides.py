"""The text the category reads: the task without the sentences that say nothing of it.

"Review this pull request that adds caching to the user profile endpoint. I need this done by
Friday afternoon." is a code review; read whole, the category head took the deadline for an
agent's errand (docs/classifier.md, "Asides that say nothing of the task"). A sentence is an
aside, and the category reads the text without it, when all of these hold:

- one of the families below names it: thanks or a greeting, a deadline, the author's role, a
  school or university assignment, the output's length or format, its audience or tone, who
  asked for it, where the result goes (English, German, French, Spanish);
- outside the family's words it has no word that says what to do ("summarise", "übersetze",
  "rédige", "calcula": ``_TASK``), so "For my school project, explain how volcanoes form." and
  "Thanks to the new policy, classify each request." keep the task;
- it is not a question, is short (at most ``MAX_WORDS`` words), is prose (no code characters)
  and lies in the reader's head (a pasted document's body is its content);

and only when a sentence that is kept says what to do (a ``_TASK`` word or a question): the
only task sentence is never cut, nor the whole text. The cut is for reading only: training,
the out-of-domain test and the low-confidence reasons keep the whole text; the difficulty
reads council.assess.difficulty_text's text, and this cut is made on that text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from council.assess.difficulty_text import SENTENCE

MAX_WORDS = 20

_DAYS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
         r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
         r"dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo")
_ROLES = (r"student|teacher|nurse|developer|engineer|accountant|manager|analyst|doctor|lawyer|"
          r"designer|writer|researcher|scientist|intern|freelancer|consultant|owner|founder|"
          r"beginner|marketer|recruiter|journalist|librarian|pharmacist|programmer|"
          r"administrator|assistant|clerk|officer|lecturer|professor|tutor|parent|pupil|"
          r"studentin|lehrer|lehrerin|schüler|schülerin|entwickler|entwicklerin|ingenieur|"
          r"ingenieurin|sachbearbeiter|sachbearbeiterin|buchhalter|buchhalterin|arzt|ärztin|"
          r"anwalt|anwältin|azubi|praktikant|praktikantin|étudiant|étudiante|enseignant|"
          r"enseignante|professeur|professeure|développeur|développeuse|ingénieure?|comptable|"
          r"infirmier|infirmière|médecin|avocat|avocate|stagiaire|estudiante|profesora?|"
          r"maestr[oa]|desarrollador|desarrolladora|ingenier[oa]|contador|contadora|contable|"
          r"enfermer[oa]|médic[oa]|abogad[oa]|becari[oa]")
# Each family: words that make a sentence an aside when nothing else in it says what to do.
_FAMILIES: dict[str, str] = {
    "thanks": r"\b(?:thanks|thank(?! (?:the|a|an|our|my|all|every|each|them|him|her)\b)|thx|"
              r"cheers|much appreciated|appreciated?|grateful|merci|danke|dankeschön|vielen dank|"
              r"gracias|grazie|obrigad[oa]|bedankt)\b",
    "greeting": r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|guten "
                r"(?:morgen|tag|abend)|bonjour|salut|hola|buen[oa]s(?: d[ií]as| tardes)?|ciao)"
                r"\b|\b(?:hope (?:you|this|that)|hoffe|j'espère|espero que)\b",
    "deadline": r"\b(?:deadline|due(?! to\b)|asap|urgent(?:ly)?|in a (?:hurry|rush)"
                r"|as soon as possible|the sooner the better|(?:by|before|until) (?:the )?"
                r"(?:tomorrow|tonight|today"
                rf"|next \w+|end of|eod|noon|midnight|{_DAYS})|dringend|eilig|frist\w*|bis "
                rf"(?:morgen|heute|ende|nächst\w+|spätestens|(?:{_DAYS})\w*)|urgente?"
                rf"|pour (?:demain|ce soir|aujourd'hui|{_DAYS})|(?:avant|d'ici) (?:demain|ce soir"
                rf"|la fin|{_DAYS})|para (?:mañana|hoy|esta (?:tarde|noche)|el (?:{_DAYS}))"
                rf"|antes de(?:l| la)? (?:mañana|fin|(?:{_DAYS})|próxim\w+)|lo antes posible"
                r"|cuanto antes)\b",
    "role": rf"^(?:i am|i'm|im|i work|as an?|ich bin|ich arbeite|je suis|je travaille|soy"
            rf"|trabajo)\b.*\b(?:{_ROLES})s?\b|^(?:i work (?:as|at|in|for)|ich arbeite (?:als|bei"
            r"|in)|je travaille (?:comme|chez|dans)|trabajo (?:como|en|de))\b",
    "school": r"\b(?:for|für|pour|para)\b[^.!?]{0,30}?\b(?:school|class|course|university|uni|"
              r"college|thesis|dissertation|seminar|schul\w*|studium|referat|uni\w*|fac|école|"
              r"exposé|cours|mémoire|colegio|escuela|clase|universidad|facultad)\b|\b(?:homework|"
              r"assignment|coursework|school project|hausaufgabe\w*|hausarbeit|schulprojekt|"
              r"devoirs?|tarea|trabajo de clase)\b",
    "length or format": r"\b(?:(?:under|below|within|at most|no more than|max(?:imum)?|less "
                        r"than|fewer than|up to) \d+ (?:words?|characters?|sentences?|lines?|"
                        r"pages?|bullets?)|short|brief|concise|succinct|plain text|markdown|"
                        r"bullet points?|kurz|knapp|bref|brève|courte?|corto|corta|breve|"
                        r"concis[eo]?|(?:return|give|send|output|provide|present|deliver|put|"
                        r"format) (?:me )?(?:the |your |it |them |this |everything )?"
                        r"(?:answer|result|output|response|reply|summary|text)?s? ?(?:as|in|"
                        r"into) (?:an? |one |plain )?(?:table|list|json|csv|markdown|text|bullets?"
                        r"|paragraphs?|sentences?|words?|string|email|format))\b",
    "audience or tone": r"\b(?:audience|readers?|reading this|tone|formal|informal|casual|"
                        r"friendly|polite|professional|non-technical|not technical|laypeople|"
                        r"style guide|publikum|leser\w*|förmlich|freundlich|lecteurs?|"
                        r"formel|familier|público|lectores|tono|cercano)\b",
    "who asked": r"\b(?:my|our) (?:\w+ )?(?:boss|manager|director|supervisor|lead|ceo|cto|"
                 r"client|customer|teacher|professor|colleague|team|department|head)s? "
                 r"(?:wants?|needs?|asked|asks|requested|requires?|told)\b|\b(?:i was|i've been"
                 r"|i have been|we were|we've been) asked\b|\bmein\w* (?:chef\w*|vorgesetzt\w*|"
                 r"kund\w*|lehrer\w*)|\bmon (?:chef|manager|patron|client|prof\w*)\b|\bmi "
                 r"(?:jef[ea]|cliente|profesor\w*)\b",
    "destination": r"\b(?:i'll|i will|we'll|we will|(?:i'm|i am|we're|we are) going to) "
                   r"(?:then )?(?:paste|post|put|drop|share|send|forward|upload|copy|add|use|"
                   r"publish|print|present|include)\b|\b(?:output|result|results|answer|"
                   r"summary|text|it|this|they|these) (?:will|would|is going to|are going to|"
                   r"gets?|goes|go) (?:be |then )?(?:pasted|posted|put|dropped|shared|sent|"
                   r"forwarded|uploaded|copied|added|used|published|printed|presented|included|"
                   r"read|into|to|on|in)\b|\b(?:wird|werden) (?:\w+ ){0,3}(?:verschickt|geteilt|"
                   r"gesendet|eingefügt|veröffentlicht|verwendet)\b|\b(?:sera|seront) (?:\w+ )?"
                   r"(?:envoyée?s?|partagée?s?|publiée?s?|utilisée?s?|collée?s?|imprimée?s?)"
                   r"(?=\W|$)|\bse (?:enviará|publicará|usará|compartirá)\b",
}
_FAMILY = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _FAMILIES.items()}
# Words that say what to do (the start of the word: "summaris" takes "summarise",
# "summarising"); any one outside a family's words keeps the sentence.
_TASK = re.compile(r"\b(?:" + "|".join(re.findall(r"\S+", """
summar translat extract classif categori tag label sort flag detect writ wrote draft
compos rewrit generat creat build built implement coding program debug fix refactor review
optimi design architect propos plan analy compar comput calculat solv prove explain answer find
list identif convert pars check verif validat reply replie respond tell describ suggest
recommend book schedul search scrap automat test deploy migrat clean normali merge count
estimat predict forecast evaluat assess grade rank match group cluster outline brainstorm edit
proofread correct simplif paraphras condens shorten expand pull give add send code assign copy
route transcrib annotat fill rate score highlight mark split combin filter select pick choose
decide determin recogni spot collect gather compil research investigat teach quiz
update modif improv polish refin reword rephras restructur adapt locali interpret transform
reformat rename delete remov replac insert prioriti triag derive plot visuali chart query fetch
download navigat click buy purchas remind draw sketch turn
zusammen schreib übersetz ordne extrahier klassifizier sortier analysier berechn erklär
beantwort erstell entwirf entwerf programmier korrigier prüf überprüf finde vergleich
formulier generier fasse liste beschreib optimier behebe implementier plane lös kategorisier
markier kopier zuordn weise fülle bewerte wähle entscheide bestimme sammle recherchier
aktualisier verbesser ändere umformulier zeichne filtere
rédig écri tradui traduir extrai extrair classe classifi trie trier triez résum expliqu corrig
analys calcul compar trouv génér crée créer créez conçoi concevoir propose proposer répond
lister vérifi identifi optimis implément programm décri reformul simplifi réécri copie
attribue assigne remplis évalue choisis décide détermine rassemble recherche amélior modifi
transform convertis dessine répartis
resum tradu extra clasific ordena analiz explic escrib redact encuentr busc diseñ
propon contest verific optimiz prepar genera\b generar copia asigna rellena evalúa elige
decide determina recopila investiga mejora modifica transforma conviert dibuja etiqueta marca
filtra selecciona agrupa
""")) + ")", re.IGNORECASE)
_TASK_PHRASE = re.compile(r"\b(?:go through|work out|figure out|come up with|look up|act as|"
                          r"pretend)\b", re.IGNORECASE)
# Words an aside is written with beside its family's words: function words, and the few
# nouns and verbs that point at the request itself ("the result", "our team", "I need");
# a word of three letters or fewer never counts.
_PLAIN = frozenset(re.findall(r"\S+", """
this that these those its you your yours they them their there here what which when where
while will would can could should shall may might must have has had been being does did done
from with about into onto over under than then very just also some such only even still again
ever please really quite much many more most much every each everything anything nothing
need needs needed want wants wanted ready make made keep kept whole thing things stuff result
results output answer response reply text team team's people someone everyone anyone
afterwards later soon first time once day days week weeks month morning afternoon evening
night tonight today tomorrow page doc document email mail message version ones little bit
fancy simple nice good great lot lots advance help having doing going get got hope well
ich mein meine meinen meiner unser unsere dein deine deinen eine einen einem einer ist sind
war bin bist habe haben wird werden für mit von zum zur bei bis und oder aber nicht kein keine
sehr auch nur noch bitte ihre ihnen brauche brauchen voraus hilfe antwort ergebnis alle
vielen viel das der die dem den des
les une des pour par avec sur dans mais pas plus très cet cette ces est sont suis ont sera
seront mon mes ton tes son ses notre nos votre vos leur toute tout tous toutes besoin beaucoup
aide résultat équipe mail courriel merci
los las les una unos unas del para por con sin pero muy más son soy eres está estoy era ser
mis tus sus nuestro nuestra este esta esto ese esa que nos muchas muchos mucho nada necesito
necesitamos gracias antemano ayuda resultado equipo
"""))
# the content words an aside may still hold ("a junior accountant at a small logistics firm")
MAX_CONTENT = 3
_LETTERS = re.compile(r"[^\W\d_]+")
# a number: a word problem's or a task's content ("Each school has sent 5 players")
_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"fifteen|twenty|thirty|forty|fifty|hundred|thousand|dozen|half|twice)\b",
                     re.IGNORECASE)
# code, markup, a table or a quotation: content, not an aside
_CODE = re.compile(r"[{}()\[\];=<>#`|\\\"“”«»$+^*]")
# a quotation mark (an apostrophe between letters is not one)
# (nor is one after a plural's s: "parents' questions")
_QUOTE = re.compile(r"[\"“”«»‘]|(?<![^\W\d_])['’]|(?<![sS])['’](?![^\W\d_])")


def _outside(at: int, spans: list[tuple[int, int]]) -> bool:
    return not any(a <= at < b for a, b in spans)


def _tasked(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a word outside `spans` says what to do."""
    return any(_outside(m.start(), spans)
               for m in (*_TASK.finditer(sentence), *_TASK_PHRASE.finditer(sentence)))


def plain_sentence(sentence: str) -> bool:
    """Whether a sentence could be an aside at all, in any language: not empty, not a question,
    no code characters, at most MAX_WORDS words."""
    s = sentence.strip()
    return bool(s) and not s.endswith("?") and not _CODE.search(s) \
        and len(_LETTERS.findall(s)) <= MAX_WORDS


def first_sentences(text: str) -> list[re.Match[str]]:
    """The sentences of the first paragraph (what follows a line break is often the pasted
    input, which is content)."""
    body = text.lstrip()
    end = len(text) - len(body) + (body.find("\n") if "\n" in body else len(body))
    return list(SENTENCE.finditer(text, 0, end))


def unquoted(text: str, sentence: re.Match[str]) -> bool:
    """Whether a sentence has no quotation mark and stands outside a quotation."""
    return not _QUOTE.search(sentence.group(0)) \
        and len(_QUOTE.findall(text, 0, sentence.start())) % 2 == 0


def without(text: str, cut: list[re.Match[str]]) -> str:
    """`text` less the sentences `cut` (spaces closed up)."""
    parts, at = [], 0
    for m in cut:
        parts.append(text[at:m.start()])
        at = m.end()
    parts.append(text[at:])
    out = re.sub(r"[ \t]{2,}", " ", "".join(parts)).strip()
    return out or text


def _aside(sentence: str) -> bool:
    """Whether one sentence says nothing of the task (see the module docstring)."""
    s = sentence.strip()
    if not plain_sentence(s):
        return False
    spans = [m.span() for f in _FAMILY.values() for m in f.finditer(s)]
    if not spans or _tasked(s, spans):
        return False
    if any(_outside(m.start(), spans) for m in _NUMBER.finditer(s)):
        return False
    content = [m.group(0) for m in _LETTERS.finditer(s) if _outside(m.start(), spans)
               and len(m.group(0)) > 3 and m.group(0).lower() not in _PLAIN]
    return len(content) <= MAX_CONTENT


def _says_what_to_do(sentence: str) -> bool:
    s = sentence.strip()
    return s.endswith("?") or _tasked(s, [])


@lru_cache(maxsize=512)
def without_asides(text: str) -> str:
    """`text` without its aside sentences (see the module docstring); `text` itself when
    nothing is left out."""
    sentences = first_sentences(text)
    if len(sentences) < 2:
        return text
    cut = [m for m in sentences if _aside(m.group(0)) and unquoted(text, m)]
    if not cut:
        return text
    kept = [m.group(0) for m in sentences if m not in cut]
    # the kept text must say what to do, and not be a word problem whose numbers are its
    # content ("Each school has sent a coach for each team. ... 5 players ...")
    numbered = sum(1 for k in kept if _NUMBER.search(k))
    if not any(_says_what_to_do(k) for k in kept) or numbered >= 2 \
            or (numbered == 1 and any(k.strip().endswith("?") for k in kept)):
        return text
    return without(text, cut)
