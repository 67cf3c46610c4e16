# Two entry points on a fresh machine: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install demo test eval bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# the CPU build on local disk; an unpinned torch would pull a multi-GB CUDA build
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m storyfuse.setup_models
	touch $(STAMP)

install: $(STAMP)

demo: install
	mkdir -p out
	$(BIN)/storyfuse analyze examples/seeds -o out/brief.html -o out/brief.md -o out/brief.json
	@echo "report: $(CURDIR)/out/brief.html (also out/brief.md, out/brief.json)"

test: install
	$(BIN)/python -m pytest -q

eval: install
	$(BIN)/python -m eval.run_all

bench: install
	$(BIN)/python -m bench.run_all

lint: install
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy src/storyfuse

clean:
	rm -rf $(VENV) out .pytest_cache
