"""A translation's output follows its input, once per target language.

New-user walk, QA round 10: "Translate our app's UI strings (about 2,000 strings, ~8 words
each) into French, German and Japanese, once." read 11 tokens of input a string, yet priced
the category's 1,700 tokens of output (and 2.3x that of reasoning) for each: $237.70 for the
job on gemini-4-argon, a translation of 8 words priced as 1,300 words of prose.
"""

from __future__ import annotations

from council.task import parse_task
from council.workload import build_workload
from council.workload_words.languages import target_count, translation_targets
from tests.recs import make_rec

STRINGS = ("Translate our app's UI strings (about 2,000 strings, ~8 words each) into French, "
           "German and Japanese, once.")


def _output(text: str, **spec: object) -> tuple[int, str]:
    w = build_workload(parse_task(description=text, **spec), "translation", 3.0)
    why = next(a.why for a in w.assumptions if a.name == "output_tokens")
    return w.output_tokens, why


def test_the_output_is_the_input_once_per_target_language() -> None:
    tokens, why = _output(STRINGS)
    assert tokens == 11 * 3, why  # 8 words = 11 tokens, into three languages
    assert "once per target language: 11 x 3 (French, German, Japanese)" in why
    assert "an estimate" in why
    # the language after "from" is the source, not a target
    tokens, why = _output("Translate 300 product pages of about 500 words from English into "
                          "German.")
    assert tokens == 665 and "x 1 (German)" in why
    assert _output(STRINGS, input_tokens=400)[0] == 1200  # the user's own input size


def test_no_input_size_keeps_the_category_default() -> None:
    tokens, why = _output("Translate product pages into German and Japanese")
    assert tokens == 1700 and why.startswith("typical answer length")


def test_the_bill_of_the_ui_strings_follows() -> None:
    rec = make_rec(STRINGS, category="translation", difficulty=3.3)
    assert rec.recommended.cost.per_month < 20, rec.recommended.cost.per_month


def test_a_language_before_into_is_the_source_not_a_target() -> None:
    """Review 10: "Translate ... German product pages ... into English" was priced as two
    translations (German and English), as was "Spanish ... emails ... to English"; the
    language a translation comes from is said before "into" or "to" as often as after
    "from"."""
    tokens, why = _output("Translate 300 German product pages of about 500 words into English.")
    assert tokens == 665 and "x 1 (English)" in why, why
    tokens, why = _output("Translate 300 Spanish support emails of about 200 words each to "
                          "English.")
    assert tokens == 266 and "x 1 (English)" in why, why
    # a language named after the clause ends is no target either
    assert translation_targets("Translate each page into Spanish; they are written in "
                               "English.") == ("Spanish",)
    # Swedish and Polish directions
    assert translation_targets("Översätt 300 produktsidor från svenska till engelska och "
                               "tyska.") == ("English", "German")
    assert translation_targets("Tłumaczenie umów z polskiego na niemiecki") == ("German",)


def test_a_count_of_target_languages_multiplies_like_named_ones() -> None:
    """QA round 10 leftover: "Translate the help centre into 12 languages" priced one
    target language; a count said as a number (or a word) multiplies the output too."""
    tokens, why = _output("Translate the help centre into 12 languages: 400 articles of about "
                          "800 words each.")
    assert tokens == 1064 * 12, why
    assert "x 12 ('12 languages')" in why, why
    tokens, why = _output("Translate our 300 FAQ answers of about 150 words each into twelve "
                          "other languages.")
    assert tokens == 200 * 12, why
    # named languages still win, and a count with no "into" is no target count
    assert _output("Translate 300 product pages of about 500 words from English into "
                   "German.")[0] == 665
    tokens, why = _output("We support 12 languages; translate our emails of about 150 words "
                          "into German.")
    assert tokens == 200 and "x 1 (German)" in why, why


def test_a_count_of_target_languages_said_in_other_languages() -> None:
    """Session 10's leftover: only English counts were read ("into 12 languages"); "in 12
    Sprachen", "en 12 langues", "a 8 idiomas", "para 6 idiomas" and "till 5 andra språk"
    count a translation's targets the same way."""
    for text, n in [("Übersetze unser Hilfe-Center in 12 Sprachen", 12),
                    ("Traduire le centre d'aide en 12 langues", 12),
                    ("Traducir las fichas de producto a 8 idiomas", 8),
                    ("Traduzir as páginas do site para 6 idiomas", 6),
                    ("Översätt hjälpcentret till 5 andra språk", 5)]:
        read = target_count(text)
        assert read is not None and read.value == n, text
        assert _output(text, input_tokens=400)[0] == 400 * n, text
    # a count with no word of direction says no translation's targets
    assert target_count("Wir unterstützen 12 Sprachen") is None
    assert target_count("Nous prenons en charge 12 langues") is None
