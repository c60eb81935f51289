"""Streamlit-side helpers shared by the pages: translations, URL state, sidebar, data, charts."""
