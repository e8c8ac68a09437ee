"""Cheap checks on a description that the embedding cannot be trusted to notice.

Each check returns a reason in plain words, or None. They read the raw text (no encoder, no
fitted numbers), so they cost microseconds and say why the reading is doubtful:
- another language: MiniLM was trained on English; other languages read poorly;
- code pasted with no words about what to do with it;
- no words at all (only a number, punctuation or emoji);
- a very long text, of which the classifier reads only the head and tail.
"""

from __future__ import annotations

import re
import unicodedata

from council.workload_words.scripts import script_language

# A text is called "language X" when it has at least MIN_HITS of X's small words (the one
# vocabulary, ``council.workload_words.languages.SMALL_WORDS``) and more than of English's.
MIN_HITS = 2
# Share of letters outside the Latin script above which a text is read as another script.
MAX_OTHER_SCRIPT = 0.3
# A line is prose when it has at least this many words, nearly all plain words.
PROSE_WORDS = 4
# Text longer than this is flagged: the classifier reads ~1,000 characters of it.
LONG_TEXT_CHARS = 8_000
NO_WORDS = "no words to read"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CODE_LINE = re.compile(
    r"(^\s*(def|class|import|from|return|if|for|while|elif|else|try|except|func|fn|let|const|"
    r"var|public|private|static|#include|using|package|SELECT|select|print|console\.)\b)"
    r"|^\s*[\w.\[\]]+\s*=\s*\S|[;{}]\s*$|^\s*[}\])]|=>|==|!=|\+=|::|->|\w\(.*\)\s*:?\s*$|^\s*#|^\s*//|^\s*@\w+")


# A line that opens with a keyword is code even when words follow ("return not found").
_CODE_START = re.compile(
    r"\s*(def|class|import|from|return|if|for|while|elif|else|try|except|func|fn|let|const|"
    r"var|public|private|static|using|package|SELECT|select|print|with|async|await|raise|"
    r"assert|lambda|not|and|or|in|is|yield|del|pass|global)\b")


def script_of(ch: str) -> str:
    """'latin', 'other' (any other script) for a letter."""
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "other"
    return "latin" if name.startswith("LATIN") else "other"


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|\'[^\']{12,}\'')


def instruction_part(text: str) -> str:
    """Where the request itself is: the first line of at least three words, quotes removed
    (so "Translate to French: 'Le chat...'" is read as English)."""
    unquoted = _QUOTED.sub(" ", text[:4000])
    for line in unquoted.splitlines():
        if len(line.split()) >= 3:
            return line
    return unquoted


def language_guess(text: str) -> str | None:
    """The language of the request when it is clearly not English, else None."""
    text = instruction_part(text)
    letters = [ch for ch in text if ch.isalpha()]
    if letters:
        other = sum(1 for ch in letters if script_of(ch) == "other") / len(letters)
        if other > MAX_OTHER_SCRIPT:
            # the workload reader's one rule: kana is Japanese, Hangul Korean, Han Chinese
            return script_language(text) or "a non-Latin script"
    from council.workload_words.languages import head_language, written_in

    lower = text.lower()
    # by how often its small words come, else by which of them its head has (the workload
    # reader's two guesses): a text either reads as written in another language is not English
    return written_in(_WORD.findall(lower), MIN_HITS) or head_language(lower)


def is_code_line(line: str) -> bool:
    """A line that looks like code (a keyword, an assignment, a brace, a call...)."""
    return _CODE_LINE.search(line) is not None


def _is_word(token: str) -> bool:
    return _WORD.fullmatch(token.strip(".,:;!?'\"()")) is not None


def is_prose(line: str) -> bool:
    """A line of words: several plain words and little else, or an instruction that opens
    with three plain words and carries a formula ("Solve for x in 3x + 10 = 5(x - 2)")."""
    tokens = line.split()
    if len(tokens) < PROSE_WORDS:
        return False
    wordy = sum(1 for t in tokens if _is_word(t))
    if not _CODE_LINE.search(line):
        return wordy / len(tokens) >= 0.7
    opens_with_words = all(_is_word(t) for t in tokens[:3]) and not _CODE_START.match(line)
    return opens_with_words and wordy / len(tokens) >= 0.4


def is_bare_code(text: str) -> bool:
    """Code with no line of prose saying what to do with it."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return False
    code = sum(1 for ln in lines if is_code_line(ln))
    return code / len(lines) >= 0.5 and not any(is_prose(ln) for ln in lines)


def input_flags(text: str) -> list[str]:
    """Reasons to doubt the reading of `text`, in plain words (empty when none apply)."""
    reasons: list[str] = []
    stripped = text.strip()
    letters = (ch for ch in stripped if ch.isalpha())
    if next(letters, None) is None or next(letters, None) is None:  # fewer than 2 letters
        reasons.append(f"{NO_WORDS}: only numbers, symbols or emoji")
        return reasons
    language = language_guess(stripped)
    if language is not None:
        # The second (e5) reading is multilingual, but the first reading, the difficulty and
        # the training rows are English: only a re-read category is read in the text's language.
        reasons.append(f"written in {language}, not English: the first category reading and "
                       "the difficulty are English-trained, so they may be off")
    if is_bare_code(stripped[:4000]):
        reasons.append("the description is code with no words saying what to do with it "
                       "(fix, explain, review, extend?)")
    if len(stripped) > LONG_TEXT_CHARS:
        reasons.append(f"a long text ({len(stripped):,} characters): the classifier read the "
                       "first and last ~1,000 characters only")
    return reasons
