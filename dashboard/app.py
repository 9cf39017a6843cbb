"""The Streamlit app: page config, the first start, the view and the navigation; the pages live in
dashboard/pages/. `streamlit run app.py` (a checkout) and `python -m dashboard app` (an installed
package) both run main()."""

from __future__ import annotations

import os

import streamlit as st

from dashboard import auth, labels, sample, store
from dashboard.pages import common, sidebar, state


def main() -> None:
    st.set_page_config(page_title="India–Japan defence relations", page_icon="🤝", layout="wide", initial_sidebar_state=400)
    path = store.db_path()
    if (not path.exists() or path.stat().st_size == 0) and not os.environ.get("DASHBOARD_DB"):
        # a fresh clone: build the bundled sample corpus, visibly, once (other tabs wait for that build)
        with st.status("First start: building the database from the bundled sample articles in data/sample/ …", expanded=True) as status:
            summary = sample.ensure(path)
            done = f"{summary.new} articles stored in {path.name}" if summary else f"{path.name} was built by another tab"
            status.update(label=f"Sample database ready: {done}.", state="complete", expanded=False)
    hi = bool(state.load()["hi"])
    pages = {
        key: st.Page(str(file), title=labels.t(key, hi, labels.MENU), icon=icon, url_path=url or None, default=not url)
        for key, (file, url, icon) in state.PAGES.items()
    }
    auth.gate()  # with a login configured (.streamlit/secrets.toml), nothing shows before signing in
    # the menu is ours (sidebar.menu): its links carry the view and follow the Hindi toggle
    page = st.navigation(list(pages.values()), position="hidden")
    key = next((k for k, p in pages.items() if p.url_path == page.url_path), "overview")
    st.session_state["_page"] = key
    state.write_url()
    sidebar.menu(st.sidebar, hi)
    try:
        page.run()
    except Exception as exc:  # st.stop, st.rerun and page switches are not Exceptions: they pass through
        common.page_failed(exc, key)


if __name__ == "__main__":
    main()
