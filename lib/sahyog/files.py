"""Writing without ever leaving half a file or losing an earlier result.

Every file Sahyog writes is written beside its target and renamed into place; every output folder
(a report, a corpus run) is built beside its target and swapped in only when complete. Temporary
names carry the writer's process id (``.NAME.tmp-PID-…``), so the next run can remove what a killed
run left behind. Output folders Sahyog creates hold a marker file (:data:`MARKER`); Sahyog refuses to
write into an existing folder without one, so a user's own folder is never overwritten by mistake.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .errors import InputError

MARKER = ".sahyog-output"
# Folders that count as empty when adopting one as an output folder (a placeholder in a checkout).
_PLACEHOLDERS = frozenset({".gitkeep", ".keep", ".DS_Store"})
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?:tmp|old)-(?P<pid>\d+)-[^/]*$")


def _temp_prefix(name: str, kind: str = "tmp") -> str:
    return f".{name}.{kind}-{os.getpid()}-"


def write_atomic(path: str | Path, write: Callable[[IO[str]], object], mode: int = 0o644) -> Path:
    """Write a text file through ``write(fh)`` into a temp file beside ``path``, then rename it over."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=_temp_prefix(p.name))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
        os.chmod(tmp, mode)  # mkstemp makes it private; results are for sharing
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def write_text_atomic(path: str | Path, text: str) -> Path:
    """:func:`write_atomic` for a string."""
    return write_atomic(path, lambda fh: fh.write(text))


def make_staging_dir(final: Path) -> Path:
    """A new, empty, shareable folder beside ``final`` to build it in (hidden: ``.NAME.tmp-PID-…``)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=_temp_prefix(final.name), dir=final.parent))
    tmp.chmod(0o755)
    return tmp


def replace_dir(staged: Path, final: Path) -> None:
    """Put the finished ``staged`` folder at ``final``; an earlier ``final`` is removed only once the new
    one is in place, and restored if the swap fails."""
    if not final.exists():
        staged.rename(final)
        return
    old = final.with_name(f"{_temp_prefix(final.name, 'old')}{uuid.uuid4().hex[:8]}")
    final.rename(old)
    try:
        staged.rename(final)
    except BaseException:
        old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def remove_stale(folder: Path, name: str | None = None) -> list[Path]:
    """Remove the temporary files and folders (``.NAME.tmp-PID-…``, ``.NAME.old-PID-…``) in ``folder``
    whose writing process is gone (a killed run); ``name`` limits it to one target. Returns them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        m = _TEMP_NAME.match(e.name)
        if not m or (name is not None and m["name"] != name) or _pid_alive(int(m["pid"])):
            continue
        path = Path(e.path)
        if e.is_dir(follow_symlinks=False):
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def is_empty_folder(folder: Path) -> bool:
    """True if ``folder`` holds nothing but placeholders such as ``.gitkeep``."""
    return all(e.name in _PLACEHOLDERS for e in os.scandir(folder))


def check_output_dir(
    folder: Path, kind: str, force: bool = False, legacy: Callable[[Path], bool] | None = None
) -> None:
    """Refuse ``folder`` as an output folder of ``kind`` (``report``, ``corpus``) unless Sahyog owns it.

    Owned: missing, empty, holding Sahyog's marker of this ``kind``, or (``legacy``) written by an earlier
    Sahyog version. Any other existing folder (the user's) is an :class:`InputError` unless ``force`` adopts
    it; a folder of another kind (a report site given to ``corpus --report`` or to ``extract --out``) is one
    even with ``force``: two commands' outputs in one folder would break both (an output written before the
    marker existed cannot be told from the user's folder: ``force`` adopts it). A path that is a file is an
    :class:`InputError` too.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "exists and is a file, not a folder")
    check_writable(folder)
    found = marker_kind(folder)
    if found is not None and found != kind:
        raise InputError(
            folder,
            f"is a Sahyog {found} output, not {_a(kind)} output; choose another folder"
            " (--force adopts a folder of your own, never another command's output)",
        )
    if not folder.is_dir() or force or (folder / MARKER).exists() or is_empty_folder(folder):
        return
    if legacy is None or not legacy(folder):
        raise InputError(
            folder,
            f"folder exists and is not a Sahyog {kind} output (no {MARKER} marker);"
            " choose another folder, or add --force to write into it",
        )


def _a(word: str) -> str:
    """``word`` with its indefinite article (``a report``, ``an extract``)."""
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def check_writable(folder: Path) -> None:
    """Refuse an output folder that cannot be created or written, before any work starts: the nearest
    existing folder on its path must be a folder this process may write into."""
    existing = Path(os.path.abspath(folder))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(folder, f"cannot create the folder: {existing} is a file")
    if not os.access(existing, os.W_OK | os.X_OK):
        where = "folder is not writable" if existing == Path(os.path.abspath(folder)) else f"{existing} is not writable"
        raise InputError(folder, f"cannot write here: {where}")


def marker_text(kind: str) -> str:
    """The content of the marker file of an output folder of ``kind``."""
    return json.dumps({"kind": kind}) + "\n"


def marker_kind(folder: Path) -> str | None:
    """The kind of output (``report``, ``corpus`` ...) ``folder``'s marker names; None without a marker or with an
    unreadable one (an earlier version's): one command's output is never taken for another's and replaced."""
    try:
        kind = json.loads((folder / MARKER).read_text(encoding="utf-8")).get("kind")
    except (OSError, ValueError, AttributeError):
        return None
    return kind if isinstance(kind, str) else None


def first_missing(folder: Path) -> Path | None:
    """The outermost folder of ``folder``'s path that does not exist yet (what creating it would make), or None."""
    missing = None
    for p in [folder.absolute(), *folder.absolute().parents]:
        if p.exists():
            return missing
        missing = p
    return missing


def release_output_dir(folder: Path, made: Path) -> None:
    """Undo :func:`claim_output_dir` on a folder a run made (``made``: the outermost folder it created, see
    :func:`first_missing`) and wrote nothing else into: the marker, then each empty folder up to ``made``."""
    (folder / MARKER).unlink(missing_ok=True)
    made = made.absolute()
    for p in [folder.absolute(), *folder.absolute().parents]:
        if not p.is_relative_to(made) or any(p.iterdir()):
            break
        p.rmdir()


def claim_output_dir(
    folder: Path, kind: str, force: bool = False, legacy: Callable[[Path], bool] | None = None
) -> None:
    """:func:`check_output_dir`, then create ``folder`` if needed and write the marker into it.

    A folder that cannot be created or written is an :class:`InputError` naming it.
    """
    check_output_dir(folder, kind, force, legacy)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(folder / MARKER, marker_text(kind))  # also proves the folder is writable
    except OSError as exc:
        raise InputError(folder, f"cannot write here ({exc.strerror or exc})") from None
