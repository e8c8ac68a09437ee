"""Catalog page: browse, compare, price history, editor sign-in, edits and the audit log."""

from __future__ import annotations

import streamlit as st


def page() -> None:
    """Browse and curate the model catalog."""
    st.title("Catalog")
