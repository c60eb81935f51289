# The README's two commands: `make run` (set up, then serve the app) and `make test`
# (set up, then run every test, browser tests included). `make bench` prints figures.
# The first of python3.11, 3.12, 3.13 on the PATH (3.11 is what the app is tested with).
PYTHON ?= $(or $(firstword $(foreach v,3.11 3.12 3.13,$(shell command -v python$(v) 2>/dev/null))),\
              $(error none of python3.11, python3.12, python3.13 is on the PATH))
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run dev cluster test bench lint setup setup-test data browser postgres balancer clean python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# requirements.txt names PyTorch's CPU index for hosts (Community Cloud, laptops). Here that
# index may be unreachable, and pip would retry it for every package: its lines are left out,
# and the pins are installed from the indexes pip is configured with.
$(VENV)/.app: requirements.txt | $(BIN)/python
	grep -v -e '^--extra-index-url' -e '^--index-url' -e '^--find-links' requirements.txt > $(VENV)/requirements-local.txt
	$(BIN)/pip install -q -r $(VENV)/requirements-local.txt
	touch $@

$(VENV)/.test: requirements-dev.txt $(VENV)/.app
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV)/.app data
setup-test: $(VENV)/.test data browser postgres balancer

data:
	@sh scripts/apt-install.sh dataset-fashion-mnist

browser:
	@sh scripts/apt-install.sh chromium fonts-wqy-microhei fonts-noto-color-emoji

# The class experiment's PostgreSQL test starts a throwaway server of its own.
postgres:
	@sh scripts/apt-install.sh postgresql

# Several replicas behind a load balancer (deploy/, tests/test_deploy_replicas.py).
balancer:
	@sh scripts/apt-install.sh haproxy

run: setup
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT)

# For editing the app: rerun on every save (the config turns the file watcher off for speed).
dev: setup
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) \
		--server.fileWatcherType auto --server.runOnSave true

# Several replicas of the app behind HAProxy, with PostgreSQL for the class experiment, until
# Ctrl-C: `make cluster REPLICAS=8 LISTEN=0.0.0.0:8500` (README, Hosting: several replicas).
REPLICAS ?= 2
LISTEN ?= 127.0.0.1:8500
cluster: setup postgres balancer
	$(BIN)/python deploy/cluster.py up $(REPLICAS) --listen $(LISTEN)

lint: $(VENV)/.test
	$(BIN)/ruff check .

# D2L_REQUIRE_DATA=1 turns a skipped real-data or browser test into a failure.
# FASHION_MNIST_DOWNLOAD=0: tests never reach for the internet. -n auto: pytest-xdist's workers
# (tests/conftest.py says how many), a file's tests in one worker (its server, its browser).
test: setup-test lint
	D2L_REQUIRE_DATA=1 FASHION_MNIST_DOWNLOAD=0 $(BIN)/python -m pytest -n auto --dist loadfile

# The long checks first (pytest -m long: minutes each, e.g. the websocket hall's client on a
# live server), then every bench's figures.
bench: setup-test
	D2L_REQUIRE_DATA=1 FASHION_MNIST_DOWNLOAD=0 $(BIN)/python -m pytest -m long
	FASHION_MNIST_DOWNLOAD=0 $(BIN)/python scripts/bench.py

python:
	@echo $(PYTHON)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
