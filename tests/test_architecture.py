"""The package's shape: modules import only downward (no cycles), and the README lists the record's keys."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sahyog import record
from sahyog.paths import PACKAGE_DIR, REPO_ROOT

# Layers from the bottom: a module may import modules of its own layer or below, never above.
LAYERS = [
    {"__init__", "errors", "paths", "files", "params", "cache"},
    {"text"},
    {"lexicon", "matching", "settings", "cues"},
    {
        "sectors",
        "agreements",
        "talks",
        "entities",
        "actors",
        "sentence_index",
        "outcomes",
        "cooperation",
    },  # annotators (entities: a subpackage)
    {"pipeline", "bundle"},  # the annotators as one ordered list of components
    {"record"},
    {"dates", "events", "event_leaders"},  # events: one occasion x one category, from the record's agreement mentions
    {"extract"},
    {
        "tables",
        "charts",
        "present",
        "site",
        "corpus_events",
        "corpus_view",
        "plover",
    },  # present: the record for people; site: HTML
    {"report", "kernels", "streaming", "corpus", "cli", "__main__"},
]
LEVEL = {name: n for n, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_DIR).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" and len(rel.parts) > 1 else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Sahyog modules imported anywhere in a file (function-level and TYPE_CHECKING imports too)."""
    package = _module_name(path).split(".")[:-1] if path.name != "__init__.py" else _module_name(path).split(".")
    if path.name == "__init__.py" and path.parent == PACKAGE_DIR:
        package = []
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                mod = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "sahyog":
                mod = node.module.split(".")[1:]
            else:
                continue
            if node.module is None or (not mod):
                out.update(".".join([*mod, a.name]) for a in node.names)
            else:
                out.add(".".join(mod))
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".", 1)[1] for a in node.names if a.name.startswith("sahyog."))
    return out


def _graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE_DIR.rglob("*.py")]
    names = {_module_name(p) for p in files}
    graph = {}
    for p in files:
        deps = set()
        for imp in _imports(p):
            while imp and imp not in names:  # `from .entities import find_entities` -> the module imported
                imp = imp.rpartition(".")[0]
            if imp and imp != _module_name(p):
                deps.add(imp)
        graph[_module_name(p)] = deps
    return graph


def _level(module: str) -> int:
    top = module.split(".")[0]
    assert top in LEVEL, f"module {module} is in no layer of this test: add it to LAYERS"
    return LEVEL[top]


def test_every_module_imports_only_its_layer_or_below() -> None:
    graph = _graph()
    assert {"text", "lexicon", "matching", "record", "extract"} <= set(graph)
    upward = [(m, d) for m, deps in graph.items() for d in deps if _level(d) > _level(m)]
    assert upward == [], f"upward imports: {upward}"


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, node, dep]))
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_the_graph_sees_relative_and_package_imports() -> None:
    graph = _graph()
    assert "text" in graph["sectors"] and "matching" in graph["sectors"]
    assert {"sectors", "pipeline", "record"} <= graph["extract"]
    assert {"sectors", "agreements", "cooperation"} <= graph["pipeline"]


def _readme_keys() -> list[tuple[str, set[str]]]:
    """(key, keys listed in the parentheses after it) for each top-level key in the README's paragraph."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    para = readme[readme.index("Each JSON object has these keys") : readme.index("Offsets are character offsets")]
    para = para.split(":", 1)[1]
    out = []
    for m in re.finditer(r"`(\w+)`\s*(\(([^()]*)\))?", para):
        if m.start() and para[: m.start()].count("(") > para[: m.start()].count(")"):
            continue  # inside another key's parentheses
        out.append((m.group(1), set(re.findall(r"`(\w+)`", m.group(3) or ""))))
    return out


def test_readme_lists_the_record_keys() -> None:
    listed = _readme_keys()
    assert [k for k, _ in listed] == list(record.RECORD_KEYS)
    for key, inner in listed:
        nested = {k for (outer, _), keys in record.NESTED_KEYS.items() if outer == key for k in keys}
        assert inner == set(record.ITEM_KEYS.get(key, ())) | nested, key


def test_readme_lists_every_module_in_layer_order() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How the code is organised") :]
    section = section[: section.index("\n## ")]
    listed = re.findall(r"^\| [a-z]+ \| `(\w+)/?` \|", section, flags=re.M)
    modules = {p.stem if p.parent == PACKAGE_DIR else p.parent.name for p in PACKAGE_DIR.rglob("*.py")}
    assert set(listed) == modules - {"__init__", "__main__"}
    assert [_level(m) for m in listed] == sorted(_level(m) for m in listed), "README order is not the layer order"
    for sub in (PACKAGE_DIR / "entities").glob("*.py"):
        assert sub.stem == "__init__" or f"`{sub.stem}`" in section, f"entities/{sub.stem} missing from README"
