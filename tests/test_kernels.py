"""Warm kernels: notebooks run one after another in one kernel, and none sees another's variables."""

from __future__ import annotations

import os
import threading
import time

import nbformat
import papermill
import pytest
from jupyter_core.utils import run_sync

from sahyog import kernels, report


def notebook(path, *sources: str, parameters: str = "") -> str:
    """A small notebook at ``path`` whose code cells are ``sources`` (after a parameters cell, if given)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "language": "python", "display_name": "Python 3"}
    if parameters:
        nb.cells.append(nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}))
    nb.cells += [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(nb, path)
    return str(path)


def stdout(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.fixture(autouse=True)
def project_kernel():
    report._use_project_kernel()


def test_no_notebook_sees_the_variables_of_the_one_before(tmp_path):
    first = notebook(tmp_path / "a.ipynb", "import os\nsecret = 42\nprint('pid', os.getpid())")
    second = notebook(
        tmp_path / "b.ipynb",
        "import os\nprint('pid', os.getpid())",
        "assert 'secret' not in globals(), 'a variable leaked from the previous notebook'\n"
        "assert get_ipython().execution_count == 3, get_ipython().execution_count",
    )
    with kernels.WarmKernel("python3", report.KERNEL_ARGS) as kernel:
        a = kernel.execute(first, tmp_path / "a_out.ipynb", {})
        b = kernel.execute(second, tmp_path / "b_out.ipynb", {})
    assert stdout(a) == stdout(b), "both ran in the same kernel process"
    assert [c.execution_count for c in b.cells] == [1, 2], "counts start again at 1"


def test_parameters_are_injected_and_errors_are_papermills(tmp_path):
    failing = notebook(tmp_path / "f.ipynb", "raise ValueError(f'bad {n}')", parameters="n = 1")
    after = notebook(tmp_path / "g.ipynb", "print(n * 2)", parameters="n = 1")
    with kernels.WarmKernel("python3", report.KERNEL_ARGS) as kernel:
        with pytest.raises(papermill.PapermillExecutionError, match="bad 7"):
            kernel.execute(failing, tmp_path / "f_out.ipynb", {"n": 7})
        assert (tmp_path / "f_out.ipynb").is_file(), "the failed notebook is saved with its traceback"
        ok = kernel.execute(after, tmp_path / "g_out.ipynb", {"n": 21})  # the kernel is still usable
    assert stdout(ok) == "42\n"


@pytest.mark.parametrize("reaped", [True, False])
def test_a_kernel_that_died_is_replaced(tmp_path, reaped):
    """Whether or not its death was noticed before the next notebook (``reaped``), that notebook runs."""
    pid = notebook(tmp_path / "p.ipynb", "import os\nprint(os.getpid())")
    with kernels.WarmKernel("python3", report.KERNEL_ARGS) as kernel:
        before = stdout(kernel.execute(pid, tmp_path / "p1.ipynb", {}))
        os.kill(int(before), 9)
        deadline = time.monotonic() + 30
        while reaped and run_sync(kernel.km.is_alive)() and time.monotonic() < deadline:
            time.sleep(0.05)
        after = stdout(kernel.execute(pid, tmp_path / "p2.ipynb", {}))
    assert before != after


def test_pool_runs_every_item_once_with_one_kernel_per_worker(tmp_path):
    pid = notebook(tmp_path / "p.ipynb", "import os\nprint(os.getpid())")
    seen: list[tuple[str, int, str]] = []
    lock = threading.Lock()

    def work(i: int, kernel: kernels.WarmKernel) -> None:
        out = stdout(kernel.execute(pid, tmp_path / f"p{i}.ipynb", {}))
        with lock:
            seen.append((threading.current_thread().name, i, out))

    kernels.run_pool(range(6), work, 2, threading.Event(), "python3", report.KERNEL_ARGS)
    assert sorted(i for _, i, _ in seen) == list(range(6))
    by_thread = {}
    for name, _, out in seen:
        by_thread.setdefault(name, set()).add(out)
    assert all(len(pids) == 1 for pids in by_thread.values()), "one kernel per worker, kept"


def test_split_stream_outputs_are_merged():
    out = kernels.merge_streams(
        [
            {"output_type": "stream", "name": "stdout", "text": "a"},
            {"output_type": "stream", "name": "stdout", "text": "\n"},
            {"output_type": "display_data", "data": {}},
            {"output_type": "stream", "name": "stdout", "text": "b\n"},
            {"output_type": "stream", "name": "stderr", "text": "c\n"},
        ]
    )
    assert [o.get("text") for o in out] == ["a\n", None, "b\n", "c\n"]
