"""Run every notebook in JupyterLab in headless Chromium, as a reader would: open it (it must not show
as modified), Run All Cells from the Run menu, save, and check the saved copy: every code cell ran,
no error, every chart link resolves to a PNG. Also a copy of 01 with ``top_n = 0`` must stop at the
parameter check with its one line. Copies live in ``notebooks/zz_lab_*.ipynb`` and are removed after.

    .venv/bin/python scripts/lab_run_all.py [OUT_DIR]     # screenshots and results.json in OUT_DIR

Needs Chromium (``make browser``); takes a few minutes (a JupyterLab server, a Dask cluster for 05).
"""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parents[1]
PORT, DBG, TOKEN = 18890, 19222, "sahyog-lab-check"
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="sahyog-lab-"))
OUT.mkdir(parents=True, exist_ok=True)
WORKSPACES = tempfile.mkdtemp(prefix="sahyog-lab-ws-")  # JupyterLab's workspace files, removed at the end


class CDP:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60)
        self.n = 0

    def call(self, method, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.n:
                return msg.get("result", msg.get("error"))

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        return r.get("result", {}).get("value")

    def click(self, selector_js):
        rect = self.js(
            f"(() => {{ const e = {selector_js}; if (!e) return null;"
            " const r = e.getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2]; })()"
        )
        if not rect:
            return False
        x, y = rect
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
            time.sleep(0.2)
        return True

    def shot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))


def find(label, cls):
    return f"[...document.querySelectorAll('.{cls}')].find(e => e.textContent.trim() === {json.dumps(label)})"


def wait(pred, timeout, step=1.0):
    t0 = time.time()
    while time.time() - t0 < timeout:
        if pred():
            return True
        time.sleep(step)
    return False


def run_one(cdp, name):
    url = f"http://127.0.0.1:{PORT}/lab/tree/notebooks/{name}?token={TOKEN}"
    cdp.call("Page.navigate", url=url)
    ok = wait(lambda: cdp.js("document.querySelectorAll('.jp-Notebook .jp-Cell').length") or 0, 90)
    time.sleep(6)  # kernel start
    dirty_on_open = cdp.js("!!document.querySelector('.jp-mod-dirty')")
    assert ok, "notebook did not open"
    assert cdp.click(find("Run", "lm-MenuBar-itemLabel")), "no Run menu"
    time.sleep(1)
    assert cdp.click(find("Run All Cells", "lm-Menu-itemLabel")), "no Run All Cells"
    time.sleep(3)
    # done when the kernel is idle and nothing is queued ([*])
    idle = wait(
        lambda: cdp.js(
            "(() => { const s = document.querySelector('.jp-Notebook-ExecutionIndicator');"
            " const busy = [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'));"
            " return !busy && !!document.querySelector('.jp-Notebook')"
            " && (!s || s.getAttribute('data-status') !== 'busy'); })()"
        ),
        600,
        2,
    )
    time.sleep(3)
    cdp.shot(OUT / f"{name}.png")
    # save (File > Save Notebook)
    cdp.click(find("File", "lm-MenuBar-itemLabel"))
    time.sleep(1)
    cdp.click(find("Save Notebook", "lm-Menu-itemLabel"))
    time.sleep(4)
    return dirty_on_open, idle


def main():
    names = []
    for nb in sorted((ROOT / "notebooks").glob("0[1-5]_*.ipynb")):
        copy = ROOT / "notebooks" / f"zz_lab_{nb.name}"
        shutil.copy(nb, copy)
        names.append(copy.name)
    bad = json.loads((ROOT / "notebooks" / "01_tokenise.ipynb").read_text(encoding="utf-8"))
    for cell in bad["cells"]:
        if "parameters" in cell["metadata"].get("tags", []):
            cell["source"] = [line.replace("top_n: int = 20", "top_n: int = 0") for line in cell["source"]]
    (ROOT / "notebooks" / "zz_lab_bad_top_n.ipynb").write_text(json.dumps(bad, ensure_ascii=False, indent=1))
    names.append("zz_lab_bad_top_n.ipynb")
    env = {**os.environ, "JUPYTER_PATH": str(ROOT / ".venv/share/jupyter")}
    env.pop("SAHYOG_REPORTS_DIR", None)
    lab = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/jupyter"),
            "lab",
            "--no-browser",
            f"--port={PORT}",
            f"--ServerApp.root_dir={ROOT}",
            f"--IdentityProvider.token={TOKEN}",
            "--allow-root",
            "--ServerApp.ip=127.0.0.1",
            f"--LabApp.workspaces_dir={WORKSPACES}",  # leave the user's workspace alone
        ],
        stdout=open(OUT / "lab.log", "w"),  # noqa: SIM115 (open for the server's lifetime)
        stderr=subprocess.STDOUT,
        env=env,
    )
    prof = tempfile.mkdtemp()
    chrome = subprocess.Popen(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={prof}",
            f"--remote-debugging-port={DBG}",
            "--window-size=1400,2200",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = {}
    try:
        wait(lambda: _get(f"http://127.0.0.1:{PORT}/api/status?token={TOKEN}"), 120, 2)
        wait(lambda: _get(f"http://127.0.0.1:{DBG}/json"), 60, 1)
        pages = json.loads(_get(f"http://127.0.0.1:{DBG}/json"))
        page = next(p for p in pages if p["type"] == "page")
        cdp = CDP(page["webSocketDebuggerUrl"])
        cdp.call("Page.enable")
        for name in names:
            dirty, idle = run_one(cdp, name)
            saved = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
            code = [c for c in saved["cells"] if c["cell_type"] == "code"]
            errors = [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
            unrun = [i for i, c in enumerate(code) if c.get("execution_count") is None]
            links = []
            for c in code:
                for o in c.get("outputs", []):
                    html = "".join(o.get("data", {}).get("text/html", ""))
                    links += [h.split('"')[0] for h in html.split('<a href="')[1:] if ".png" in h.split('"')[0]]
            missing = [h for h in links if not (ROOT / "notebooks" / h).resolve().is_file()]
            results[name] = dict(
                dirty_on_open=dirty,
                idle=idle,
                code_cells=len(code),
                unrun=unrun,
                errors=[(e["ename"], e["evalue"][:200]) for e in errors],
                png_links=len(links),
                missing_links=missing,
            )
            print(name, results[name], flush=True)
    finally:
        chrome.terminate()
        lab.terminate()
        lab.wait(timeout=30)
        for name in names:
            (ROOT / "notebooks" / name).unlink(missing_ok=True)
        shutil.rmtree(ROOT / "notebooks" / ".ipynb_checkpoints", ignore_errors=True)
        shutil.rmtree(prof, ignore_errors=True)
        shutil.rmtree(WORKSPACES, ignore_errors=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    good = [r for n, r in results.items() if "bad" not in n]
    ok = len(good) == len(names) - 1 and all(
        not r["dirty_on_open"] and r["idle"] and not r["unrun"] and not r["errors"] and not r["missing_links"]
        for r in good
    )
    ok = ok and stopped_at_the_check(results.get("zz_lab_bad_top_n.ipynb", {}))
    print(f"{'all good' if ok else 'FAILED'}; screenshots and results.json in {OUT}")
    return 0 if ok else 1


def stopped_at_the_check(run):
    """The bad-parameter copy: its first error is the parameter check's one line, and no later cell did anything.
    Run All sends every cell at once and ipykernel aborts only those already queued, so a cell that arrives late
    may still run: it then fails for want of the earlier cells' names (a NameError), which is allowed."""
    errors = run.get("errors") or []
    ran_after_check = run.get("code_cells", 0) - len(run.get("unrun", [])) - 2  # the parameters cell and the check
    return (
        errors[:1] == [("ParameterError", "parameter top_n: must be ≥ 1, got 0")]
        and all(name == "NameError" for name, _ in errors[1:])
        and ran_after_check == len(errors) - 1
    )


def _get(url):
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode()
    except Exception:
        return None


if __name__ == "__main__":
    sys.exit(main())
