"""The class experiment: rooms, pseudonyms, validated submissions and the board's figures.

No Streamlit here: `store.Store` works on any SQLAlchemy engine (SQLite or PostgreSQL),
`submission.validate` turns what a page sends into a checked `Submission`, `board.summarize`
turns a room's rows into what the board draws. The pages only draw.
"""
