"""Words10: misreadings left by review 8 and round 9, each fixed by a rule (rows:
tests/data/workload_phrases_review8.jsonl and workload_phrases_words10.jsonl)."""

from __future__ import annotations

import pytest

from council.workload_words import read_workload


def _languages(text: str) -> tuple[str, ...] | None:
    r = read_workload(text).languages
    return None if r is None else r.value  # type: ignore[return-value]


@pytest.mark.parametrize(("text", "language"), [
    # kana: Japanese (the small words were romaji only)
    ("毎晩1万件のログを要約してください。", "Japanese"),
    ("毎朝300件のメールを分類してください。", "Japanese"),
    # Chinese characters with no kana: Chinese; Hangul: Korean
    ("每周大约处理800份合同，每份平均15页。", "Chinese"),
    ("매일 약 500건의 고객 문의를 분류해 주세요.", "Korean"),
    # short French and German: too few small words, their workload words tell the language
    ("Une fois par semaine, on classe environ 300 tickets.", "French"),
    ("Verträge zusammenfassen: 300 € pro Monat.", "German"),
    ("Deux fois par jour, l'équipe exporte environ 400 tickets à classer par priorité.",
     "French"),
])
def test_the_language_a_short_or_other_script_text_is_written_in(text: str,
                                                                 language: str) -> None:
    assert _languages(text) == (language,)


@pytest.mark.parametrize("text", [
    # English with a French or German word in it stays unread
    "Tag the environ variables in our 300 config files every week",
    "We get about 300 tickets a week; pro tip: tag them by product.",
    # a script shared by several languages is not guessed
    "Суммируйте 300 тикетов в день.",
    # a few kanji in an English text are not Chinese
    "Summarise the 漢字 glossary once a week for our team in Leeds.",
])
def test_no_language_guessed_from_too_little(text: str) -> None:
    assert _languages(text) is None
