"""Warm kernels for the report site: one long-lived Jupyter kernel per worker runs notebook after notebook.

A new kernel per notebook cost most of a chapter's time (start the kernel, import pandas, matplotlib and
Sahyog, build the tables), four chapters per article. A :class:`WarmKernel` starts once and runs every
notebook its worker is given through papermill (an engine of ours, ``sahyog-warm``, registered with
papermill: its parameters, its error handling and its executed notebooks are papermill's own). Before each
notebook the kernel is reset: the user namespace is cleared (IPython's ``reset``, a new history session,
execution counts from 1 again) and open matplotlib figures are closed, so no chapter can see another's
variables; imported modules stay loaded, which is the point. A kernel that died is replaced by a new one
(the notebook it died in fails; one it died before runs on the new kernel).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

ENGINE = "sahyog-warm"
# Run silently (no execution count, no history, no output) in the kernel before every notebook. IPython's
# reset ends with a full gc.collect() (~0.1 s with pandas and matplotlib loaded): skipped, the collector's
# own passes free what the previous notebook left.
RESET_CODE = """\
def _sahyog_reset():
    import gc, sys
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    collect, gc.collect = gc.collect, lambda *_: 0
    try:
        get_ipython().reset(new_session=True)  # clears this function's name too
    finally:
        gc.collect = collect
_sahyog_reset()
"""


def merge_streams(outputs: list[Any]) -> list[Any]:
    """Consecutive stream outputs of one stream (stdout, stderr) as one, as a reader sees them.

    The kernel sends what a cell prints in pieces at its flush interval, so one ``print`` can arrive as
    two outputs (its text, then the newline) depending on timing; merged, the page does not depend on it.
    """
    out: list[Any] = []
    for o in outputs:
        last = out[-1] if out else None
        if (
            last is not None
            and o.get("output_type") == "stream" == last.get("output_type")
            and o.get("name") == last.get("name")
        ):
            last["text"] += o["text"]
        else:
            out.append(o)
    return out


class KernelResetError(RuntimeError):
    """The kernel could not be reset between notebooks."""


@cache
def _engine() -> str:
    """Register the warm-kernel engine with papermill (once per process) and return its name."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class WarmClient(PapermillNotebookClient):
        """papermill's notebook client on a kernel it does not own: reset the kernel before the notebook."""

        @contextmanager
        def setup_kernel(self, **kwargs: Any) -> Iterator[None]:
            with super().setup_kernel(**kwargs):
                try:
                    reply = self.wait_for_reply(self.kc.execute(RESET_CODE, silent=True, store_history=False))
                except Exception as exc:  # e.g. DeadKernelError: it died after the last notebook
                    raise KernelResetError(f"the kernel could not be reset: {exc}") from exc
                if not reply or reply["content"].get("status") != "ok":
                    raise KernelResetError("the kernel could not be reset before the notebook")
                yield

        def execute_cell(self, cell: Any, cell_index: int, *args: Any, **kwargs: Any) -> Any:
            cell = super().execute_cell(cell, cell_index, *args, **kwargs)
            cell.outputs = merge_streams(cell.get("outputs", []))
            return cell

    class WarmEngine(NBClientEngine):
        """papermill's nbclient engine on a :class:`WarmKernel` (``warm=``): its manager and its client."""

        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any) -> Any:
            kwargs.pop("input_path", None)
            warm = kwargs.pop("warm")
            client = WarmClient(
                nb_man,
                km=warm.manager(),
                kernel_name=kernel_name,
                log=logger,
                startup_timeout=kwargs.pop("start_timeout", 60),
                timeout=kwargs.pop("execution_timeout", None),
                log_output=kwargs.pop("log_output", False),
                stdout_file=kwargs.pop("stdout_file", None),
                stderr_file=kwargs.pop("stderr_file", None),
                **kwargs,
            )
            client.kc = warm.kc  # None at first: the client connects, and the connection is kept below
            try:
                return client.execute()
            finally:
                warm.kc = client.kc

    papermill_engines.register(ENGINE, WarmEngine)
    return ENGINE


class WarmKernel:
    """One kernel kept alive across notebooks (use it from one thread: its sockets belong to that thread's loop).

    ``with WarmKernel(...) as k: k.execute(...)``; the kernel starts with the first notebook and is shut
    down when the block ends.
    """

    def __init__(self, kernel_name: str = "python3", extra_arguments: Sequence[str] = ()) -> None:
        self.kernel_name = kernel_name
        self.extra_arguments = list(extra_arguments)
        self.km: Any = None
        self.kc: Any = None  # one connection to the kernel, kept (connecting costs ~0.2 s: an IOPub flush)
        self.notebooks = 0

    def __enter__(self) -> WarmKernel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def manager(self) -> Any:
        """The kernel manager, a new one if there is none yet or its kernel died."""
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        if self.km is not None and self.km.has_kernel and not run_sync(self.km.is_alive)():
            self.shutdown()
        if self.km is None:
            self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        return self.km

    def execute(self, notebook: Path, output: Path, parameters: Mapping[str, Any]) -> Any:
        """Run ``notebook`` with papermill in this kernel and write it to ``output``; return the executed notebook.

        The executed notebook is written once, at the end (papermill's default saves it after every cell).
        """
        import papermill

        run = partial(
            papermill.execute_notebook,
            str(notebook),
            str(output),
            parameters=dict(parameters),
            engine_name=_engine(),
            request_save_on_cell_execute=False,
            kernel_name=self.kernel_name,
            progress_bar=False,
            extra_arguments=self.extra_arguments,
            warm=self,
        )
        self.notebooks += 1
        try:
            return run()
        except KernelResetError:  # no cell of this notebook ran: once more, on a new kernel
            self.shutdown()
            return run()

    def shutdown(self) -> None:
        """Stop the kernel (if it runs) and forget it."""
        from jupyter_core.utils import run_sync

        km, kc, self.km, self.kc = self.km, self.kc, None, None
        if kc is not None:
            kc.stop_channels()
        if km is None or not km.has_kernel:
            return
        try:
            run_sync(km.shutdown_kernel)(now=False)
        except Exception:  # already gone, or it will not answer: make sure it is gone
            with contextlib.suppress(Exception):
                run_sync(km.shutdown_kernel)(now=True)


class _Items:
    """Items handed out one at a time to worker threads, none once ``stop`` is set."""

    def __init__(self, items: Iterable[Any], stop: threading.Event) -> None:
        self._items, self._stop, self._lock = iter(items), stop, threading.Lock()

    def __iter__(self) -> Iterator[Any]:
        while True:
            with self._lock:
                if self._stop.is_set():
                    return
                item = next(self._items, _END)
            if item is _END:
                return
            yield item


_END = object()


def run_pool(
    items: Iterable[T],
    work: Callable[[T, WarmKernel], None],
    workers: int,
    stop: threading.Event,
    kernel_name: str = "python3",
    extra_arguments: Sequence[str] = (),
) -> None:
    """``work(item, kernel)`` for every item, on ``workers`` threads with a warm kernel each.

    No item is taken once ``stop`` is set. A Ctrl-C in the caller sets ``stop``, waits for the threads to
    finish their current item and stop their kernels, and is raised again.
    """
    queue = _Items(items, stop)
    done = [threading.Event() for _ in range(workers)]

    def worker(finished: threading.Event) -> None:
        try:
            with WarmKernel(kernel_name, extra_arguments) as kernel:
                for item in queue:
                    work(item, kernel)
        finally:
            finished.set()

    # Waiting on events, not Thread.join: a join that Ctrl-C interrupts can return early afterwards
    # (CPython 3.11), and the process would end while a worker is still removing its staging folder.
    try:
        for i, finished in enumerate(done):
            threading.Thread(target=worker, args=(finished,), name=f"sahyog-kernel-{i}", daemon=True).start()
        for finished in done:
            while not finished.wait(timeout=0.2):  # short waits: a Ctrl-C reaches the main thread at once
                pass
    except KeyboardInterrupt:
        stop.set()
        for finished in done:
            finished.wait()
        raise
