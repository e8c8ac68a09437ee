"""LLM Council web app: navigation only. Run with `streamlit run app.py`."""

from __future__ import annotations

import streamlit as st

from council.ui import state


def main() -> None:
    """Route to the Recommend, Catalog, History and Usage pages."""
    st.set_page_config(page_title="LLM Council", page_icon=":material/balance:", layout="wide")
    state.warm_up()  # whichever page opens first, the classifier loads in the background
    state.wait_for_imports()  # never import alongside the warm-up thread (module-lock deadlock)
    from council.ui.pages import catalog, history, recommend, usage
    page = st.navigation([
        st.Page(recommend.page, title="Recommend", icon=":material/lightbulb:",
                url_path="recommend", default=True),
        st.Page(catalog.page, title="Catalog", icon=":material/table_view:", url_path="catalog"),
        st.Page(history.page, title="History", icon=":material/history:", url_path="history"),
        st.Page(usage.page, title="Usage", icon=":material/receipt_long:", url_path="usage"),
    ])
    page.run()


if __name__ == "__main__":
    main()
