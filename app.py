"""Streamlit entry point: page config, first-start sample database, navigation. Pages live in dashboard/pages/."""

import os

import streamlit as st

from dashboard import auth, sample, store

st.set_page_config(page_title="India–Japan defence relations", page_icon="🤝", layout="wide", initial_sidebar_state="expanded")

path = store.db_path()
if (not path.exists() or path.stat().st_size == 0) and not os.environ.get("DASHBOARD_DB"):
    # a fresh clone: build the bundled sample corpus, visibly, once (other tabs wait for that build)
    with st.status("First start: building the database from the bundled sample articles in data/sample/ …", expanded=True) as status:
        summary = sample.ensure(path)
        done = f"{summary.new} articles stored in {path.name}" if summary else f"{path.name} was built by another tab"
        status.update(label=f"Sample database ready: {done}.", state="complete", expanded=False)

pages = [
    st.Page("dashboard/pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("dashboard/pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("dashboard/pages/areas.py", title="Cooperation areas", icon=":material/grid_on:"),
    st.Page("dashboard/pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("dashboard/pages/map.py", title="Map", icon=":material/map:"),
    st.Page("dashboard/pages/meetings.py", title="Who met whom", icon=":material/groups:"),
    st.Page("dashboard/pages/briefing.py", title="Briefing", icon=":material/slideshow:"),
    st.Page("dashboard/pages/review.py", title="Review", icon=":material/rate_review:"),
    st.Page("dashboard/pages/ingest.py", title="Ingest", icon=":material/upload_file:"),
    st.Page("dashboard/pages/sources.py", title="Sources", icon=":material/rss_feed:"),
]
auth.gate()  # with a login configured (.streamlit/secrets.toml), nothing shows before signing in
st.navigation(pages).run()
