# Two commands for a fresh machine with Python 3.11+ and make: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test lint deploy bench eval clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'
	@test -x $(BIN)/pip || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); } || { rm -rf $(VENV); echo "could not create $(VENV): on Debian/Ubuntu, install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(DEV_ADDR)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

lint: $(STAMP)
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

deploy: $(STAMP)
	$(BIN)/python scripts/deploy

bench: $(STAMP)  # N = 10, 100, 400, 1000 stories; pass options with BENCH_ARGS='--sizes 10,100 --repeat 3'
	$(BIN)/python scripts/bench $(BENCH_ARGS)

eval: $(STAMP)  # extraction quality: the hand-labelled stories, then the real-article corpus beside the project
	$(BIN)/python scripts/evaluate.py
	$(BIN)/python scripts/corpus_eval.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
