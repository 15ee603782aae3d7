"""sahyog.files: atomic writes and folder swaps never leave half a result or lose the earlier one."""

from __future__ import annotations

import pytest

from sahyog import files


def test_write_text_atomic_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "index.html"
    files.write_text_atomic(target, "पहला")
    files.write_text_atomic(target, "दूसरा")
    assert target.read_text(encoding="utf-8") == "दूसरा"
    assert [p.name for p in target.parent.iterdir()] == ["index.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_failed_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old", encoding="utf-8")

    def explode(fh):
        fh.write("half a ")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        files.write_atomic(target, explode)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_replace_dir_swaps_and_removes_the_old(tmp_path):
    final = tmp_path / "report"
    final.mkdir()
    (final / "old.html").write_text("old")
    staged = files.make_staging_dir(final)
    assert staged.parent == tmp_path and staged.name.startswith(".report.tmp-")
    (staged / "new.html").write_text("new")
    files.replace_dir(staged, final)
    assert [p.name for p in final.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_failed_swap_restores_the_earlier_folder(tmp_path):
    final = tmp_path / "report"
    final.mkdir()
    (final / "old.html").write_text("old")
    missing = tmp_path / ".report.tmp-gone"  # the staged folder vanished: the rename fails
    with pytest.raises(FileNotFoundError):
        files.replace_dir(missing, final)
    assert (final / "old.html").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report"]
