"""Recommend page: describe a task, watch the council vote, read the answer, share it."""

from __future__ import annotations

import streamlit as st


def page() -> None:
    """The form, the live vote and the recommendation; `?r=<id>` reopens a stored one."""
    st.title("Which LLM should I use?")
