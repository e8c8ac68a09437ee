"""Bad input (issue 17): another language, bare code, only a number or emoji, a 20,000-character
contract. Each gets a reading flagged low confidence with a reason, never a crash.

The checks themselves are plain functions (fast, no encoder); the last tests run them through
the session's fixture classifier.
"""

from __future__ import annotations

import math

import pytest

from council.assess.classifier import LocalClassifier
from council.assess.council import combine
from council.assess.input_flags import input_flags, is_bare_code, language_guess

CONTRACT = ("MASTER SERVICES AGREEMENT. This Agreement is entered into by and between the "
            "Supplier and the Customer. 1. Definitions. \"Services\" means the services set out "
            "in each Statement of Work. 2. Term. This Agreement commences on the Effective "
            "Date and continues until terminated. ") * 74
assert 20_000 <= len(CONTRACT) <= 21_000

BAD = {
    "German": "Bitte fasse dieses Protokoll der Vorstandssitzung in fünf Punkten zusammen.",
    "French": "Traduis ce paragraphe en anglais, en gardant un ton formel.",
    "Japanese": "この会議の議事録を三行で要約してください。",
    "Russian": "Найди ошибку в этом коде и объясни её.",
    "bare Python": "def add(a, b):\n    total = a + b\n    return totl\n",
    "bare SQL": "SELECT name, SUM(amount) FROM orders GROUP BY name HAVING SUM(amount) > 100;",
    "a one-liner": "x = [i for i in range(10) if i % 2]",
    "a return with words": "return not found or missing(key)",
    "a number": "42",
    "a decimal": "3.14159",
    "an emoji": "🚀",
    "emojis": "🙂🔥🚀",
    "a contract": CONTRACT,
}
FINE = [
    "Summarise this email thread into three bullet points for my manager",
    "classify 10k support tickets nightly",
    "Fix bugs in f.\n\ndef f(x):\n    return x + 1",
    "why does this print None? def add(a,b): a+b",
    'Translate to French: "Le chat est sur la table, et le chien dort dans le jardin."',
    "Translate the following into German:\n\nThe parcel will ship within two days.",
    "Write a SQL query for the top 10 customers by spend in 2024",
    "Solve for x in the equation 3x + 10 = 5(x - 2)",
    "Compute the derivative of f(x) = x^2 * sin(x)",
    "hello",
]


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_flagged_with_a_reason(name: str) -> None:
    reasons = input_flags(BAD[name])
    assert reasons, name
    assert all(len(r) > 20 for r in reasons)


@pytest.mark.parametrize("text", FINE)
def test_ordinary_descriptions_are_not_flagged(text: str) -> None:
    assert input_flags(text) == []


def test_reasons_say_what_is_wrong() -> None:
    assert "German" in input_flags(BAD["German"])[0]
    assert "written in Japanese" in input_flags(BAD["Japanese"])[0]
    assert "written in Chinese" in input_flags("用中文总结这次会议的纪要")[0]  # no kana
    assert "code" in input_flags(BAD["bare Python"])[0]
    assert "only numbers" in input_flags(BAD["a number"])[0]
    assert "20," in input_flags(BAD["a contract"])[0]


def test_language_reads_the_request_not_the_quoted_text() -> None:
    assert language_guess('Translate into English: "Nous avons bien reçu votre lettre."') is None
    assert language_guess("Übersetze bitte diesen Text ins Englische") == "German"


def test_code_with_an_instruction_is_not_bare() -> None:
    assert is_bare_code("def f():\n    return 1")
    assert not is_bare_code("Explain what this function does:\ndef f():\n    return 1")


@pytest.mark.slow
@pytest.mark.xdist_group("classifier")
@pytest.mark.parametrize("name", list(BAD))
def test_classifier_reads_bad_input_with_low_confidence(classifier: LocalClassifier,
                                                        name: str) -> None:
    (pred,) = classifier.predict([BAD[name]])
    assert pred.low_confidence, (name, pred.reason)
    assert "low confidence:" in pred.reason
    assert math.isclose(sum(pred.category_p.values()), 1.0, abs_tol=1e-9)
    assert 1.0 <= pred.difficulty <= 5.0
    vote = classifier.vote(BAD[name])
    assert vote.weight < 1.0 and vote.ok and vote.unsure
    # the classifier alone is the council: its doubt is the verdict's (QA found it dropped)
    assert combine([vote]).low_confidence, name


@pytest.mark.parametrize("text, language", [
    ("Streszczaj 1 200 umów miesięcznie, każda po 10 stron, na jedną stronę.", "Polish"),
    ("Riassumi le recensioni dei clienti ogni settimana", "Italian"),
])
def test_languages_the_workload_reader_knows_are_flagged(text: str, language: str) -> None:
    """The QA round: a Polish description got no "written in" doubt (input_flags knew seven
    languages' small words, the workload reader more); now either guess flags it."""
    flags = input_flags(text)
    assert flags and flags[0].startswith(f"written in {language}, not English")


@pytest.mark.parametrize(("text", "language"), [
    # the flag's own word lists called these French, none, Portuguese, Portuguese, French and
    # Portuguese; the one vocabulary (council.workload_words.languages.SMALL_WORDS) reads them
    ("Escribe un cuento corto sobre gatos en la playa.", "Spanish"),
    ("Napisz krótki wiersz o kocie, który mieszka w lesie i lubi spać na dachu.", "Polish"),
    ("Dziennie spływa do nas do 700 zgłoszeń, każde trzeba przypisać do działu.", "Polish"),
    ("Ogni mese archiviamo 1.200 fatture e vogliamo estrarre importo, scadenza e fornitore.",
     "Italian"),
    ("Toda sexta-feira recebemos uns 80 relatórios de vendas de 5 páginas cada.", "Portuguese"),
    ("If a class has 3 times as many girls as they do boys, how many boys?", None),
])
def test_the_flag_and_the_workload_reader_share_one_vocabulary(text: str,
                                                               language: str | None) -> None:
    assert language_guess(text) == language


@pytest.mark.parametrize(("text", "language"), [
    ("每周大约处理800份合同，请帮我总结每份合同的要点。", "Chinese"),
    ("매주 약 800건의 계약서를 요약해 주세요.", "Korean"),
    ("毎晩1万件のログを要約してください。", "Japanese"),
    ("Переведи этот текст на английский язык, пожалуйста.", "a non-Latin script"),
])
def test_the_flag_names_the_language_its_script_says(text: str, language: str) -> None:
    """One rule with the workload reader (council.workload_words.scripts): Chinese and Korean
    were both "a non-Latin script" to the flag while the reader named them; Cyrillic is
    written in several languages, so it stays unnamed."""
    assert language_guess(text) == language
    assert input_flags(text)[0].startswith(f"written in {language}, not English")
