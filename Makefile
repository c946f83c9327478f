# The two commands: `make run` (start the app on an example) and `make test` (run the whole suite).
# Both create .venv when it is missing and install what they need, system packages included.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/hall-walk.zh.yaml
PORT ?= 8501
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: $(BIN)/python pyproject.toml requirements.txt
	$(PIP) -r requirements.txt -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(PIP) -e '.[app,test]'
	@touch $@

run: $(VENV)/.runtime
	@scripts/system-deps.sh
	$(BIN)/streamlit run app.py --server.headless=true --server.port=$(PORT) --browser.gatherUsageStats=false -- $(EXAMPLE)

test: $(VENV)/.test
	@scripts/system-deps.sh --browser
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python bench/load.py
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/app.py

clean:
	rm -rf $(VENV) build *.egg-info
