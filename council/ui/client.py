"""Who is on the other end of a page: the browser session and the client address, the keys
of the abuse limits (feedback per session, sign-in attempts per client)."""

from __future__ import annotations

import streamlit as st


def session_id() -> str | None:
    """This browser session's id (None outside a Streamlit script run)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def client_address() -> str:
    """The client's IP address, or "local" when Streamlit has none (localhost, tests).

    It can be spoofed behind a careless proxy, so it is one key of a limit, never the only one.
    """
    try:
        return st.context.ip_address or "local"
    except (AttributeError, RuntimeError):
        return "local"
