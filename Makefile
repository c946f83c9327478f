# The two commands: `make run` (start the app on an example) and `make test` (run the whole suite).
# Both create .venv when it is missing and install what they need, system packages included.
#
# Python packages come from the lock files only, every one pinned exactly with its hashes:
#   requirements.lock       the package, its CLI and the app        (`make run`; requirements.txt
#                           includes it, for `pip install -r requirements.txt`)
#   requirements-test.lock  ... and the test tools                  (`make test`)
# pyproject.toml keeps the ranges users of the library get. After changing a dependency there:
#   make lock               re-resolve; pins that still fit are kept; commit the two lock files
#   make lock UPGRADE=1     move every pin to the newest version the ranges allow
#   make test-lowest        the lowest versions pyproject.toml declares, on the non-browser suite
# The locks are resolved by uv (pinned in the `lock` extra, so it comes from the lock too) for every
# platform and Python >= 3.11 at once; installing them needs only pip.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/hall-walk.zh.yaml
PORT ?= 8501
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# The package itself, against the locked setuptools: no download outside the lock.
PIP_SELF := $(PIP) --no-deps --no-build-isolation -e .
LOCKS := requirements.lock requirements-test.lock
LOWEST ?= .venv-lowest
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --generate-hashes --no-header \
	--python $(BIN)/python pyproject.toml requirements-build.in $(if $(UPGRADE),--upgrade)

.PHONY: run test test-lowest lock bench clean

$(BIN)/python:
	@PYTHON=$(PYTHON) scripts/system-deps.sh --venv
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: $(BIN)/python requirements.lock
	$(PIP) --require-hashes -r requirements.lock
	$(PIP_SELF)
	@touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.lock
	$(PIP) --require-hashes -r requirements-test.lock
	$(PIP_SELF)
	@touch $@

run: $(VENV)/.runtime
	@scripts/system-deps.sh
	$(BIN)/streamlit run app.py --server.headless=true --server.port=$(PORT) --browser.gatherUsageStats=false -- $(EXAMPLE)

# The third-party readers the interop tests run (bpmn-moddle, bpmnlint, mermaid), pinned by the
# lock file; installed once, so later runs need no network.
NODE_CHECKS := tests/node/node_modules/.installed

$(NODE_CHECKS): tests/node/package.json tests/node/package-lock.json
	@scripts/system-deps.sh --browser
	npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
	@touch $@

test: $(VENV)/.test $(NODE_CHECKS)
	@scripts/system-deps.sh --browser
	$(BIN)/python -m pytest

# uv as the test lock pins it, with its hashes (only its own lines: this works on a lock that has a
# merge conflict elsewhere); the very first lock takes the newest uv.
$(BIN)/uv: | $(BIN)/python
	if grep -q '^uv==' requirements-test.lock 2>/dev/null; then \
		awk '/^[^ #]/ {keep = /^uv==/} keep' requirements-test.lock > $(VENV)/uv.lock.txt && \
		$(PIP) --no-deps --require-hashes -r $(VENV)/uv.lock.txt; \
	else $(PIP) uv; fi

# The test lock first; the runtime lock is held to its pins so `make run` and `make test` agree.
# A merge conflict in a lock file: take either side (`git checkout --theirs requirements*.lock`),
# then `make lock`.
lock: $(BIN)/uv
	$(UV_COMPILE) --extra app --extra test --extra lock -o requirements-test.lock
	$(UV_COMPILE) --extra app -c requirements-test.lock -o requirements.lock

# A throwaway venv with the lowest direct versions pyproject.toml allows (transitive ones newest),
# then the YAML reader's tests on every later PyYAML in range (each bundles its own libyaml).
PYYAML_LATER ?= 6.0.2 6.0.3 6.0.4
test-lowest: $(VENV)/.test
	@scripts/system-deps.sh
	rm -rf $(LOWEST)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(LOWEST)
	$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct \
		-r requirements-build.in -e '.[app,test]'
	$(BIN)/uv pip list --python $(LOWEST)/bin/python
	$(LOWEST)/bin/python -m pytest -q --ignore=tests/browser
	for version in $(PYYAML_LATER); do \
		$(BIN)/uv pip install --quiet --python $(LOWEST)/bin/python pyyaml==$$version && \
		$(LOWEST)/bin/python -m pytest -q tests/test_safeyaml.py tests/test_bad_input.py || exit 1; \
	done

bench: $(VENV)/.test
	$(BIN)/python bench/load.py
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/scale.py sparse 10000 dense 2000   # the full table (to 10^5 steps): bench/scale.py
	$(BIN)/python bench/app.py
	$(BIN)/python bench/analysis.py

clean:
	rm -rf $(VENV) $(LOWEST) build *.egg-info
