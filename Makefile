# Two commands: `make run` (set up and start the app) and `make test` (set up and run every test).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | sha1sum | cut -c1-12)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test setup init lint bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Modules are compiled when first imported, not at install (an image may set
# PYTHONDONTWRITEBYTECODE, which would then recompile them in every process): the install skips
# ~19,000 modules, and the ~8,500 that the app and the tests import are compiled once.
unexport PYTHONDONTWRITEBYTECODE

# torch through pip, which takes the CPU build lying on this disk (uv would fetch a CUDA build);
# then uv installs the rest in parallel with torch already satisfied: the same versions as pip.
# Both installs took 17 s, against 200 s for pip compiling at install, under the same load
# (the first import then compiles the modules in use: 31 s once). pip when uv cannot be had.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q --no-compile torch==2.13.0
	($(BIN)/pip install -q uv && $(BIN)/uv pip install -q --python $(BIN)/python -e '.[dev]') \
		|| $(BIN)/pip install -q --no-compile -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

init: setup
	$(BIN)/council init

run: init
	$(BIN)/council serve

lint: setup
	$(BIN)/ruff check .

test: setup
	bash .ci/ensure_chromium.sh
	$(BIN)/ruff check .
	$(BIN)/council init
	# two workers on two cores: one thread each (numpy's BLAS and scikit-learn's OpenMP start one
	# per core, four busy threads on two cores; a routing subset ran 216 s so, 110 s with one)
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 --dist loadgroup --durations=15

bench: setup
	$(BIN)/python bench/recommend.py
	$(BIN)/python bench/classifier.py

clean:
	rm -rf var test-artifacts
