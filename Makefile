# Sahyog: `make report` builds the example's reports, `make test` runs every test.
# Both create the virtual environment (.venv) and install everything on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# The kernel "python3" must be this venv's Python, whatever kernels the user has registered.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter
export MPLBACKEND := Agg

.PHONY: setup report test lint lab bench clean strip

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Sahyog)" >/dev/null
	touch $@

report: setup
	$(PY) -m sahyog report seeds/ --out reports/

lint: setup
	$(BIN)/ruff check lib tests notebooks benchmarks

test: setup lint
	$(PY) -m pytest tests
	$(PY) -m pytest --nbval-lax -p no:cacheprovider notebooks

lab: setup
	$(BIN)/jupyter lab notebooks/

bench: setup
	$(PY) benchmarks/tokenize_quality.py
	$(PY) benchmarks/throughput.py

strip: setup
	$(BIN)/nbstripout --keep-id notebooks/*.ipynb

clean:
	rm -rf reports/*/ reports/index.html .pytest_cache
