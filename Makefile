# The README's two commands: `make run` (set up, then serve the app) and `make test`
# (set up, then run every test, browser tests included). `make bench` prints figures.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test bench lint setup setup-test data browser postgres clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.app: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.test: requirements-dev.txt $(VENV)/.app
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV)/.app data
setup-test: $(VENV)/.test data browser postgres

data:
	@sh scripts/apt-install.sh dataset-fashion-mnist

browser:
	@sh scripts/apt-install.sh chromium fonts-wqy-microhei fonts-noto-color-emoji

# The class experiment's PostgreSQL test starts a throwaway server of its own.
postgres:
	@sh scripts/apt-install.sh postgresql

run: setup
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT)

lint: $(VENV)/.test
	$(BIN)/ruff check .

# D2L_REQUIRE_DATA=1 turns a skipped real-data or browser test into a failure.
# FASHION_MNIST_DOWNLOAD=0: tests never reach for the internet.
test: setup-test lint
	D2L_REQUIRE_DATA=1 FASHION_MNIST_DOWNLOAD=0 $(BIN)/python -m pytest

bench: setup-test
	FASHION_MNIST_DOWNLOAD=0 $(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
