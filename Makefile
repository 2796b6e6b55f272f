# Two commands for a fresh machine: `make run` (set up, open the app) and `make test` (set up, pass the tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint setup clean bench screenshots i18n bundle bundle-smoke fuzz mutation mutation-save mutation-sample

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/policy-reader gui

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench scripts
	$(BIN)/ruff format --check reader tests bench scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

# The desktop app (one folder) for this OS, from build.spec; then a frozen smoke test.
bundle-smoke: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[build]"
	PY=$(BIN)/python bash scripts/bundle_smoke.sh

bundle: bundle-smoke

# Importers on mutated files for FUZZ_SECONDS (crashes are saved for regression tests).
FUZZ_SECONDS ?= 120
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz_importers.py $(FUZZ_SECONDS)

# Mutation testing of the core's logic (targets, search, annotations, importers) with mutmut: each mutant is run
# against the core tests that reach its function. Re-runs only redo what changed. Kill rate and survivors:
# docs/testing.md. A full run takes longer than a working day on 2 cores: the verdicts reached so far are kept in
# docs/mutation/results.json.gz (restored before a run; `make mutation-save` after one, or after stopping it), and
# mutmut reruns only the functions that changed since.
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	$(BIN)/python scripts/mutation_results.py restore
	$(BIN)/mutmut run --max-children 2
	$(BIN)/python scripts/mutation_results.py save
	$(BIN)/python scripts/mutation_report.py

mutation-save: $(STAMP)
	$(BIN)/python scripts/mutation_results.py save

# The same on a seeded uniform sample of MUTANTS per package (an estimate with its margin, in under an hour).
MUTANTS ?= 300
mutation-sample: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	$(BIN)/mutmut run --max-children 2 "reader.annotations.anchor.x_context__mutmut_1"  # (re)generate the mutants
	$(BIN)/python scripts/mutation_sample.py --per-package $(MUTANTS) > mutants/sample.txt
	$(BIN)/mutmut run --max-children 2 $$(cat mutants/sample.txt)
	$(BIN)/python scripts/mutation_report.py --sample mutants/sample.txt

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshot.py docs/img

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache mutants

# Refresh the translation source from the UI code, then compile it (edit the .ts with Qt Linguist).
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate reader/ui/*.py reader/ui/*/*.py -source-language zh_CN -target-language en -ts resources/i18n/policy_reader_en.ts
	$(BIN)/python scripts/carry_translations.py resources/i18n/policy_reader_en.ts
	$(BIN)/pyside6-lupdate reader/ui/*.py reader/ui/*/*.py -source-language zh_CN -target-language en -ts resources/i18n/policy_reader_en.ts
	$(BIN)/pyside6-lrelease resources/i18n/policy_reader_en.ts -qm resources/i18n/policy_reader_en.qm
