"""Tests and nbval write only to temporary folders: notebooks run without ``output_dir`` default to
``$SAHYOG_REPORTS_DIR`` (see :func:`sahyog.paths.reports_dir`), set here before any kernel starts."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

if "SAHYOG_REPORTS_DIR" not in os.environ:
    _tmp = tempfile.mkdtemp(prefix="sahyog-test-reports-")
    os.environ["SAHYOG_REPORTS_DIR"] = _tmp
    atexit.register(shutil.rmtree, _tmp, True)

# The gazetteer cache (sahyog.cache) too: tests never write to the user's ~/.cache.
if "SAHYOG_CACHE_DIR" not in os.environ:
    _cache = tempfile.mkdtemp(prefix="sahyog-test-cache-")
    os.environ["SAHYOG_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)
