"""Streamlit entry point: page config and navigation only; every page lives in dashboard/pages/."""

import streamlit as st

from dashboard.parse import parse_article

st.set_page_config(page_title="India–Japan defence relations", page_icon="🇮🇳", layout="wide")
st.title("India–Japan defence relations")
st.caption("Paste an article (Hindi, English or both) to see what the parser reads from it.")
text = st.text_area("Article text", height=300, key="text")
if text.strip():
    art = parse_article(text)
    st.json(art.to_dict())
