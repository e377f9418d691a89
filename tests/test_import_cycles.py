"""Imports point one way: no module of the package reaches itself again through its imports.

The graph is read from the source with `ast`, not from an interpreter, so every arrow counts
whether or not it runs at import time. What is an arrow:

- `import gridkeeper.a.b` and `from gridkeeper.a import b` where `b` is a submodule: an arrow
  to `gridkeeper.a.b`; `from gridkeeper.a import name` where `name` is not a submodule: an
  arrow to `gridkeeper.a` (its `__init__`). Relative imports are resolved the same way.
- Imports at the top of a module, inside functions and methods, inside `try:` and any other
  block: all of them (a deferred import hides a cycle, it does not remove it).
- Imports under `if TYPE_CHECKING:` count too. They never run, but they are arrows all the
  same for whoever reads the code and for the type checker, and a cycle written that way is
  one the next runtime import closes. (The cycles this test was written for were two of them.)

Importing `gridkeeper.a.b` also runs `gridkeeper/a/__init__.py`; that is not counted as an
arrow to `gridkeeper.a`, or a package's `__init__` importing its own submodules (as most do)
would be a cycle with every sibling import. So an `__init__` may import its submodules as long
as they do not import the package (`from gridkeeper.a import name`) back.

Imports of modules outside the package are ignored; so are modules loaded by a name in a string
(importlib.import_module) or by path (Alembic's scripts, which are in the graph but which
nothing imports).
"""

from __future__ import annotations

import ast
from pathlib import Path

import gridkeeper

PACKAGE = Path(gridkeeper.__file__).resolve().parent
ROOT = PACKAGE.name

# Arrows allowed to close a cycle: none. A cycle found is a defect to fix, not to list here.
ALLOWED: set[tuple[str, str]] = set()


def _module_names(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every .py file under the package (a package by its `__init__`)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _is_package(name: str, modules: dict[str, Path]) -> bool:
    return modules[name].name == "__init__.py"


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    """The absolute name that `from <level dots><target> import ...` in `module` refers to."""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]  # a module's relative imports start from its package
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([target] if target else []))


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """`name` if it is a module of the package; else the nearest package above it that is (a
    module named that has gone still means its package ran); None outside the package."""
    while name not in modules:
        if "." not in name:
            return None
        name = name.rsplit(".", 1)[0]
    return name


def _imports(module: str, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `module` imports (every import statement in the file)."""
    tree = ast.parse(modules[module].read_text(encoding="utf-8"), filename=str(modules[module]))
    found: set[str] = set()
    for node in ast.walk(tree):  # every statement at any depth: functions, TYPE_CHECKING, try
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == ROOT or alias.name.startswith(ROOT + "."):
                    target = _known(alias.name, modules)
                    if target:
                        found.add(target)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve_relative(module, _is_package(module, modules), node.level, node.module)
            else:
                base = node.module or ""
            if not (base == ROOT or base.startswith(ROOT + ".")):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                if sub in modules:  # `from gridkeeper.a import b`, b a submodule
                    found.add(sub)
                else:  # a name defined in (or re-exported by) `base`
                    target = _known(base, modules)
                    if target:
                        found.add(target)
    found.discard(module)  # a package's `from gridkeeper.a import x` within its own __init__
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    modules = _module_names(package)
    return {name: _imports(name, modules) for name in modules}


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path a -> b -> ... -> a) through each strongly connected component of
    more than one module (Tarjan's algorithm, iterative: the package is deep enough)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
    return [_a_cycle_in(component, graph) for component in sorted(components)]


def _a_cycle_in(component: list[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest path from the component's first module back to itself (breadth first)."""
    members = set(component)
    start = component[0]
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node] & members):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start] if node != start else [start, start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle in the component {component}")  # cannot happen


def _without_allowed(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    return {m: {t for t in targets if (m, t) not in ALLOWED} for m, targets in graph.items()}


def test_the_graph_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The probe: top-level, relative, submodule-by-from, inside a function, under
    TYPE_CHECKING; a package importing its own submodules is no cycle; a real one is found."""
    pkg = tmp_path / ROOT
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "from gridkeeper.sub import leaf\n",
        "sub/__init__.py": "from gridkeeper.sub.leaf import THING\nfrom . import other\n",
        "sub/leaf.py": "import os\nTHING = 1\n",
        "sub/other.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .leaf import THING\n"
                         "def f():\n    import gridkeeper.top\n"),
        "top.py": "from gridkeeper import sub\nfrom gridkeeper.sub import THING\n",
    }
    for name, source in files.items():
        (pkg / name).write_text(source, encoding="utf-8")
    graph = import_graph(pkg)
    assert graph == {
        "gridkeeper": {"gridkeeper.sub.leaf"},
        "gridkeeper.sub": {"gridkeeper.sub.leaf", "gridkeeper.sub.other"},
        "gridkeeper.sub.leaf": set(),
        "gridkeeper.sub.other": {"gridkeeper.sub.leaf", "gridkeeper.top"},
        "gridkeeper.top": {"gridkeeper.sub"},
    }
    assert find_cycles(graph) == [["gridkeeper.sub", "gridkeeper.sub.other", "gridkeeper.top", "gridkeeper.sub"]]
    del graph["gridkeeper.sub.other"]
    graph["gridkeeper.sub"].discard("gridkeeper.sub.other")
    assert find_cycles(graph) == []


def test_the_package_has_no_import_cycle() -> None:
    """One cycle is named per knot of modules that reach each other; untie it and run again."""
    cycles = find_cycles(_without_allowed(import_graph()))
    assert cycles == [], "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)
