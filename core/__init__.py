"""The lesson's mathematics and PyTorch code. Never imports streamlit."""
