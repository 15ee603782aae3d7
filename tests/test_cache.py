"""The gazetteer cache: the same tables as a fresh build, one file per key, rebuilt when unreadable, off on request."""

from __future__ import annotations

import pickle

from sahyog import cache
from sahyog.entities import gazetteer


def test_cached_value_is_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("SAHYOG_CACHE_DIR", str(tmp_path))
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"a": [1, 2], "b": frozenset({"x"})}

    assert cache.cached("thing", build) == {"a": [1, 2], "b": frozenset({"x"})}
    assert cache.cached("thing", build) == {"a": [1, 2], "b": frozenset({"x"})}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("thing-*.pickle"))) == 1


def test_unreadable_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SAHYOG_CACHE_DIR", str(tmp_path))
    cache.cached("thing", lambda: 1)
    (path,) = tmp_path.glob("thing-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cache.cached("thing", lambda: 2) == 2
    assert pickle.loads(path.read_bytes()) == 2


def test_empty_cache_dir_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SAHYOG_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert cache.cached("thing", lambda: 3) == 3
    assert not list(tmp_path.iterdir())


def _fields(t: gazetteer._Tables) -> dict:
    """The tables as plain data (matchers as their dicts), in order, for comparison."""
    out = {k: v for k, v in vars(t).items() if not k.endswith("_matcher")}
    for k in ("exact_matcher", "loose_matcher"):
        m = getattr(t, k)
        out[k] = (list(m.phrases.items()), list(m.longest.items()))
    out["exact"], out["loose"] = list(t.exact.items()), list(t.loose.items())
    return out


def test_gazetteer_from_the_cache_is_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SAHYOG_CACHE_DIR", str(tmp_path))
    built = gazetteer._build_tables()
    cache.cached("gazetteer-test", gazetteer._build_tables)
    read = cache.cached("gazetteer-test", lambda: None)
    assert read is not None, "read from the cache file"
    assert _fields(read) == _fields(built)
