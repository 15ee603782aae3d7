# Sahyog: `make report` builds the example's reports, `make test` runs every test.
# Both create the virtual environment (.venv) and install everything on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
# The kernel "python3" must be this venv's Python, whatever kernels the user has registered.
export JUPYTER_PATH := $(CURDIR)/$(VENV)/share/jupyter

.PHONY: setup report test lint lab lab-check kernel bench clean strip browser

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Sahyog)" >/dev/null
	-git rev-parse --git-dir >/dev/null 2>&1 && $(BIN)/nbstripout --install && git config filter.nbstripout.required false
	touch $@

report: setup
	$(PY) -m sahyog report seeds/ --out reports/

lint: setup
	$(BIN)/ruff check lib tests notebooks benchmarks conftest.py
	$(BIN)/ruff format --check lib tests notebooks benchmarks conftest.py

# Tests and nbval write only to temporary folders (conftest.py sets SAHYOG_REPORTS_DIR), never to reports/.
test: setup lint browser
	$(PY) -m pytest --nbval-lax tests notebooks

# Headless Chromium for the browser tests (Debian's package; needs root). It waits for apt's lock if
# another install holds it; if it cannot install, it says why in one line and the tests are skipped
# with that reason.
browser:
	@sh scripts/install-chromium.sh $(VENV)/browser-skip-reason.txt $(VENV)/apt-chromium.log

# The printed URL opens the first chapter; the file browser shows the whole repository (notebooks/, seeds/).
lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/notebooks/01_tokenise.ipynb \
	  $(if $(filter 0,$(shell id -u)),--allow-root)

# Every notebook run in JupyterLab in headless Chromium (Run All, saved, checked; a bad parameter stops
# at the parameter check): a few minutes; not part of `make test`.
lab-check: setup browser
	$(PY) scripts/lab_run_all.py

# Only for a JupyterLab installed outside this project: register the venv as kernel "sahyog".
kernel: setup
	$(PY) -m ipykernel install --user --name sahyog --display-name "Python (Sahyog)"

bench: setup
	$(PY) benchmarks/tokenize_quality.py
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/evaluate.py

strip: setup
	$(BIN)/nbstripout --keep-id notebooks/*.ipynb

clean:
	rm -rf reports/*/ reports/index.html .pytest_cache
