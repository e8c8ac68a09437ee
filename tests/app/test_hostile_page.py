"""The pages as a hostile visitor and a careless operator would use them (issue 15).

Rows 1-9 and 12 through AppTest; a hypothesis property test throws random bytes, Markdown
and HTML at the form's text fields, the share id and the feedback note. The oracle parses
every Markdown element of the page as CommonMark and finds no link, image or HTML, and the
source carries no bare autolink or Streamlit colour directive.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from council import store
from council.db import open_db
from council.present import rated_models
from council.ui import state
from tests.app.conftest import EDITOR, no_exception, page_app, seen
from tests.recs import make_rec
from tests.voters.fake_providers import FakeProviders

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_ACTIVE = {"link_open", "image", "html_inline", "html_block", "autolink"}
_BARE = re.compile(r"(?<!\\)(?:://|www\.|[A-Za-z0-9]@[A-Za-z0-9]|:[a-z]+\[|:material/)")
HOSTILE = ("[Sign in again](http://evil.example/login) ![x](http://evil.example/px.png) "
           ":red[**CRITICAL**] <img src=x onerror=alert(1)> www.evil.example a@evil.example "
           "<https://evil.example> $x^2$")


def _markdown_texts(at) -> list[str]:
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "title",
             "subheader", "header", "exception")
    texts = []
    for kind in kinds:
        texts += [str(e.value) for e in getattr(at, kind)]
        texts += [str(e.value) for e in getattr(at.sidebar, kind)]
    for table in at.table:  # st.table renders each cell as Markdown too
        texts += [str(cell) for cell in table.value.to_numpy().ravel()]
    return texts


def assert_inert(at) -> None:
    """No exception, and nothing on the page can render as a link, an image or HTML."""
    no_exception(at)
    for text in _markdown_texts(at):
        tokens = _PARSER.parse(text)
        kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
        assert not kinds & _ACTIVE, (kinds & _ACTIVE, text)
        own = re.match(r":(green|red)\[[✓✗] ", text)  # the app's own vote-line marker
        assert not _BARE.search(text[own.end():] if own else text), text


def _saved(home: Path) -> str:
    db = open_db(home / "council.db")
    return store.save_recommendation(db, make_rec("Tag support tickets"))


# ---------------------------------------------------------------- rows 4 and 5


@pytest.mark.parametrize("share_id", ["[Sign in again](http://evil.example/login)",
                                      "![x](http://evil.example/px.png)", HOSTILE])
def test_a_share_id_is_echoed_as_text(council_home: Path, share_id: str) -> None:
    at = page_app("recommend", query={"r": share_id}).run()
    assert_inert(at)
    errors = " ".join(seen(e.value) for e in at.error)
    assert "is not a share id" in errors and share_id[:30] in errors


def test_a_feedback_note_is_shown_as_text(council_home: Path) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    at.text_input(key="fb_note").input(HOSTILE)
    at.button(key="FormSubmitter:feedback_form-Send feedback").click()
    at.run()
    assert any("Thanks" in s.value for s in at.success)
    at = page_app("recommend", query={"r": share_id}).run()  # what everyone else sees
    assert_inert(at)
    assert any(HOSTILE[:40] in seen(c.value) for c in at.caption)


# ---------------------------------------------------------------- row 1 through the page


def _proxy_voter(home: Path, monkeypatch, fake: FakeProviders, key: str) -> None:
    """One OpenAI-compatible voter on the fake provider, its key in TEAM_PROXY_KEY."""
    voters = home / "voters.toml"
    voters.write_text(f'[[voter]]\nname = "proxy"\nkind = "openai"\nmodel = "gpt-6-luna"\n'
                      f'base_url = "{fake.url}/v1"\nkey_env = "TEAM_PROXY_KEY"\n')
    monkeypatch.setenv("COUNCIL_VOTERS", str(voters))
    monkeypatch.setenv("TEAM_PROXY_KEY", key)


def test_an_echoed_key_shows_nowhere_on_the_page(council_home: Path, monkeypatch) -> None:
    fake = FakeProviders().start()
    fake.script.echo_key = True
    key = "team-proxy-key-" + "Q8w1Zr" * 6
    try:
        _proxy_voter(council_home, monkeypatch, fake, key)
        at = page_app("recommend", timeout=300).run()
        at.text_area(key="description").input("Translate product descriptions into German")
        at.button(key="FormSubmitter:task_form-Recommend").click()
        at.run()
    finally:
        fake.stop()
    assert_inert(at)
    shown = (" ".join(_markdown_texts(at)) + " ".join(d.value.to_csv() for d in at.dataframe)
             + " ".join(t.value.to_csv() for t in at.table))
    assert "HTTP 401" in seen(shown)  # the failed vote is shown, its key is not
    assert key[:12] not in seen(shown) and key[-12:] not in seen(shown)


# ---------------------------------------------------------------- rows 2 and 3 in the app


@pytest.mark.parametrize("text", [
    '[[voters]]\nname = "claude"\nkind = "anthropic"\nmodel = "m"\nkey_env = "K"\n',
    '[[voter]]\nname = "claude"\nkind = "anthropic"\nmodel = "m"\nkey_env = "K"\ntemp = 1\n',
    None,  # COUNCIL_VOTERS names a file that is not there
])
def test_a_broken_voters_file_never_blocks_a_visitor(council_home: Path, monkeypatch,
                                                     caplog, text: str | None) -> None:
    path = council_home / "voters.toml"
    if text is not None:
        path.write_text(text)
    monkeypatch.setenv("COUNCIL_VOTERS", str(path))
    caplog.set_level(logging.ERROR, logger="council.voters")
    at = page_app("recommend", timeout=300).run()
    at.text_area(key="description").input("Translate product descriptions into German")
    at.button(key="FormSubmitter:task_form-Recommend").click()
    at.run()
    no_exception(at)
    assert not at.error, [e.value for e in at.error]
    assert any(c.value.startswith("Model id: ") for c in at.caption)
    captions = " ".join(seen(c.value) for c in at.caption)
    assert "LLM voters are off: the voters file is invalid" in captions
    assert "no API keys" not in captions and str(path) not in captions
    assert "LLM voters are off" in caplog.text and str(path) in caplog.text


# ---------------------------------------------------------------- row 6 on the page


def test_feedback_past_the_limit_gets_a_message(council_home: Path, monkeypatch) -> None:
    monkeypatch.setattr(store, "FEEDBACK_PER_SESSION_PER_HOUR", 2)
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    rec = store.load_recommendation(open_db(council_home / "council.db"), share_id).rec
    assert at.selectbox(key="fb_model").options == rated_models(rec)  # the answer's
    for _ in range(3):
        at.button(key="FormSubmitter:feedback_form-Send feedback").click()
        at.run()
    no_exception(at)
    assert any("Slow down" in e.value for e in at.error), [e.value for e in at.error]
    assert len(store.load_recommendation(open_db(council_home / "council.db"),
                                         share_id).feedback) == 2


# ---------------------------------------------------------------- row 12


def test_edit_these_assumptions_logs_no_warning(council_home: Path) -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    handler = Keep(level=logging.WARNING)
    watched = logging.getLogger("streamlit.elements.lib.policies")
    watched.addHandler(handler)
    try:
        at.button(key="edit_assumptions").click()
        at.run()
    finally:
        watched.removeHandler(handler)
    no_exception(at)
    assert at.segmented_control(key="quality").value == "standard"
    assert not records, [r.getMessage() for r in records]


# ---------------------------------------------------------------- rows 7, 8, 9 on the page


def _signed_in(at):
    at.sidebar.text_input(key="sign_in_name").input(EDITOR[0])
    at.sidebar.text_input(key="sign_in_password").input(EDITOR[1])
    at.sidebar.button(key="FormSubmitter:sign_in-Sign in").click()
    return at.run()


@pytest.fixture()
def fresh_guard():
    state.sign_in_guard.clear()
    yield
    state.sign_in_guard.clear()


def test_catalog_edits_with_bad_values_get_a_message(council_home: Path, fresh_guard) -> None:
    at = _signed_in(page_app("catalog").run())
    for field, value, named in (("other (dotted path)", "NaN", "nan is not a number"),
                                ("other (dotted path)", "Infinity", "inf is not a number"),
                                ("other (dotted path)", "-3", "must not be negative")):
        at.selectbox(key="edit_field").set_value(field)
        at.run()
        at.text_input(key="edit_path").input("prices.0.input")
        at.run()
        at.text_input(key="edit_value").input(value)
        at.text_input(key="edit_reason").input("probe")
        at.button(key="FormSubmitter:edit_form-Save change").click()
        at.run()
        no_exception(at)
        assert any(named in seen(e.value) for e in at.error), [e.value for e in at.error]
    at.text_input(key="edit_path").input("provider")
    at.run()
    at.text_input(key="edit_value").input("openai2")
    at.text_input(key="edit_reason").input("probe")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    assert any("is not a known provider" in seen(e.value) for e in at.error)
    assert not any("Saved as audit entry" in s.value for s in at.success)


def test_revert_with_an_empty_reason_is_refused(council_home: Path, fresh_guard) -> None:
    at = _signed_in(page_app("catalog").run())
    at.selectbox(key="edit_field").set_value("notes")
    at.run()
    at.text_input(key="edit_value").input("checked")
    at.text_input(key="edit_reason").input("note")
    at.button(key="FormSubmitter:edit_form-Save change").click()
    at.run()
    assert any("Saved as audit entry" in s.value for s in at.success)
    at.button(key="FormSubmitter:revert_form-Revert").click()
    at.run()
    no_exception(at)
    assert any("(reason)" in seen(e.value) for e in at.error), [e.value for e in at.error]
    assert not any("Reverted #" in s.value for s in at.success)


def test_guessing_passwords_on_the_page_backs_off(council_home: Path, fresh_guard) -> None:
    at = page_app("catalog").run()
    for _ in range(6):
        at.sidebar.text_input(key="sign_in_name").input(EDITOR[0])
        at.sidebar.text_input(key="sign_in_password").input("guess")
        at.sidebar.button(key="FormSubmitter:sign_in-Sign in").click()
        at.run()
    at = _signed_in(at)
    no_exception(at)
    assert any("Slow down" in e.value for e in at.sidebar.error)
    assert not at.sidebar.success


# ---------------------------------------------------------------- property test

_TOKENS = ["[a](http://evil.example)", "![i](http://evil.example/p.png)", ":red[**x**]",
           "<script>alert(1)</script>", "<img src=x>", "**b**", "`c`", "# h", "> q", "- l",
           "www.evil.example", "a@evil.example", "<http://evil.example>", "$x$", "|t|t|",
           ":material/home:", "\\", "\n\n    code", "&lt;", "\x00", "‮"]
# Random text or bytes around at least one piece of Markdown/HTML, so every example probes.
_TEXT = st.tuples(
    st.one_of(st.text(max_size=60),
              st.binary(max_size=40).map(lambda b: b.decode("utf-8", "replace"))),
    st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=5),
).map(lambda parts: " ".join([parts[0], *parts[1]]))


def _few(n: int) -> settings:
    return settings(max_examples=n, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@_few(8)
@given(share_id=_TEXT)
def test_property_any_share_id_is_inert(council_home: Path, share_id: str) -> None:
    assert_inert(page_app("recommend", query={"r": share_id}).run())


@_few(4)
@given(note=_TEXT)
def test_property_any_feedback_note_is_inert(council_home: Path, note: str) -> None:
    share_id = _saved(council_home)
    at = page_app("recommend", query={"r": share_id}).run()
    at.text_input(key="fb_note").input(note)
    at.button(key="FormSubmitter:feedback_form-Send feedback").click()
    assert_inert(at.run())
    assert_inert(page_app("recommend", query={"r": share_id}).run())  # as others see it


@_few(5)
@given(description=_TEXT, sample=_TEXT)
def test_property_any_form_text_is_inert(council_home: Path, description: str,
                                         sample: str) -> None:
    at = page_app("recommend", timeout=300).run()
    at.text_area(key="sample_text").input(sample)
    at.button(key="count_tokens").click()
    at.run()
    at.text_area(key="description").input(description)
    at.button(key="FormSubmitter:task_form-Recommend").click()
    assert_inert(at.run())


def test_a_key_pasted_in_the_description_never_reaches_a_voter(council_home: Path,
                                                                monkeypatch) -> None:
    """QA round 15: "... My key: sk-proj-..." was shown as [redacted] with no word, and the
    whole text, key and all, went to every LLM voter. Now it is taken out before the council
    reads the task, and the page says so."""
    fake = FakeProviders().start()
    pasted = "sk-proj-" + "AbCdEf1234567890GhIj" * 3
    try:
        _proxy_voter(council_home, monkeypatch, fake, "team-proxy-key-" + "Q8w1Zr" * 6)
        at = page_app("recommend", timeout=300).run()
        at.text_area(key="description").input(
            f"Classify tweets about our brand as positive or negative. My key: {pasted}")
        at.button(key="FormSubmitter:task_form-Recommend").click()
        at.run()
    finally:
        fake.stop()
    no_exception(at)
    assert fake.requests, "the voter was never asked"
    assert not [r for r in fake.requests if pasted[:16] in str(r)]
    assert any("looks like an API key" in w.value for w in at.warning), \
        [w.value for w in at.warning]
