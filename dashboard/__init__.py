"""India–Japan defence relations dashboard: parser, store, aggregations and Streamlit pages."""

__version__ = "0.1.0"
