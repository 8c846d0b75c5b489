"""The extension's imports flow one way, down the layers; no cycle; no name shadows a library;
the export encoders reach no Sphinx, and the HTML pages never reach the export writer.

Read with ``ast`` from the source files, without importing anything (learnt from
sphinx-needs' ``tests/test_circular_imports.py``): imports inside functions count too,
since they run in the same process sooner or later.
"""

from __future__ import annotations

import ast
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "_ext" / "symposium"

#: lowest first: a package may import from itself and the packages before it
LAYERS = ("model", "environment", "exports", "rendering", "html_page", "cli")
#: what the data layer must never import: it runs without a build
NOT_IN_THE_DATA_LAYER = ("sphinx", "docutils")
#: the export writer and the encoders it brings: pages link to exports through exports.addresses
EXPORT_WRITER = ("symposium.exports.writer", "symposium.exports.ics", "symposium.exports.frab")
#: the modules of ``exports/`` that encode a format: they take the site (``site_view.ExportSite``)
#: and its words (``say``), and reach neither Sphinx nor docutils, by any chain of imports
ENCODERS = ("symposium.exports.ics", "symposium.exports.frab", "symposium.exports.citations",
            "symposium.exports.feed")
#: the module that writes the exports at ``build-finished``: no HTML page reaches it, by any chain
WRITER = "symposium.exports.writer"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path) -> list[tuple[str, int, bool]]:
    """(absolute module imported, line, at module level) of every import in a file."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            # `from . import x` and `from .pkg import module` name modules too
            candidates = [f"{target}.{alias.name}" for alias in node.names]
            modules = [c for c in candidates if _is_module(c, root)]
            found += [(m, node.lineno, id(node) in top_level) for m in modules or [target]]
    return found


def _is_module(name: str, root: Path) -> bool:
    if not name.startswith(root.name + "."):
        return False
    relative = Path(*name.split(".")[1:])
    return (root / relative).with_suffix(".py").is_file() or (root / relative / "__init__.py").is_file()


def layer_of(module: str) -> int | None:
    """The layer's index; ``None`` for the package's own ``__init__``/``__main__`` (the top)."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def layer_problems(root: Path) -> list[str]:
    """Every import that goes against the layers, as ``file:line: what``."""
    problems = []
    graph: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        where = path.relative_to(root.parent).as_posix()
        layer = layer_of(module)
        subpackage = module.split(".")[1] if module.count(".") else ""
        if module.count(".") == 1 and subpackage not in LAYERS and path.name not in {"__init__.py", "__main__.py"}:
            problems.append(f"{where}: a module outside the layers; expected it in one of {', '.join(LAYERS)}")
        for target, line, top in imports_of(path, root):
            if subpackage == "model" and target.split(".")[0] in NOT_IN_THE_DATA_LAYER:
                problems.append(f"{where}:{line}: the data layer imports {target}")
            if subpackage == "rendering" and target in EXPORT_WRITER:
                problems.append(f"{where}:{line}: rendering imports the export writer ({target})")
            if not target.startswith(root.name + ".") and target != root.name:
                continue
            if target == root.name and module != root.name:
                problems.append(f"{where}:{line}: imports the package root from a layer")
                continue
            target_layer = layer_of(target)
            if layer is not None and (target_layer is None or target_layer > layer):
                problems.append(f"{where}:{line}: {subpackage} imports {target}, a layer above it")
            if top:
                graph.setdefault(module, set()).add(target)
    problems += [f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph)]
    return problems + reach_problems(root)


def reach_problems(root: Path) -> list[str]:
    """The two rules that follow chains of imports (at any level, inside functions too): an
    encoder reaches no Sphinx or docutils, and no module of ``html_page/`` reaches the writer.
    The package's ``__init__`` files on the way are not followed, as for the layers."""
    graph: dict[str, list[str]] = {}
    files: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        files[module] = path.relative_to(root.parent).as_posix()
        graph[module] = [target for target, _, _ in imports_of(path, root)]
    problems = []
    for encoder in ENCODERS:
        for chain in chains(graph, encoder, lambda target: target.split(".")[0] in NOT_IN_THE_DATA_LAYER):
            problems.append(f"{files[encoder]}: an encoder reaches {chain[-1]}: {' -> '.join(chain)}")
    for module in sorted(m for m in graph if m.startswith(f"{root.name}.html_page.")):
        for chain in chains(graph, module, lambda target: target == WRITER):
            problems.append(f"{files[module]}: html_page reaches the export writer: {' -> '.join(chain)}")
    return problems


def chains(graph: dict[str, list[str]], start: str, wanted) -> list[list[str]]:
    """The shortest chain of imports from ``start`` to each module ``wanted`` says yes to,
    following the package's own modules (breadth first)."""
    found, seen, queue = [], {start}, [[start]]
    while queue:
        chain = queue.pop(0)
        for target in graph.get(chain[-1], ()):
            if target in seen:
                continue
            seen.add(target)
            if wanted(target):
                found.append([*chain, target])
            elif target in graph:
                queue.append([*chain, target])
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected set of modules that import each other at module level."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append([*stack[stack.index(target):], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_imports_flow_down_the_layers_without_a_cycle():
    assert layer_problems(PACKAGE) == []


def test_every_layer_exists_and_the_package_has_nothing_else_at_its_top():
    assert sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()) == sorted(LAYERS)
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]


#: a module longer than this does more than one job (issue 26): split it by what its parts are
LONGEST_MODULE = 600


def test_no_module_is_longer_than_one_job():
    lengths = {path.relative_to(PACKAGE).as_posix(): len(path.read_text("utf-8").splitlines())
               for path in PACKAGE.rglob("*.py")}
    assert {name: lines for name, lines in lengths.items() if lines > LONGEST_MODULE} == {}


def test_no_module_shadows_a_library_module():
    libraries = set(sys.stdlib_module_names) | set(packages_distributions())
    names = {path.stem for path in PACKAGE.rglob("*.py")} | {p.name for p in PACKAGE.iterdir() if p.is_dir()}
    assert sorted(names & libraries) == []


@pytest.mark.parametrize(("module", "line", "expected"), [
    ("model/entities.py", "from docutils import nodes", "the data layer imports docutils"),
    ("model/times.py", "import sphinx.util", "the data layer imports sphinx.util"),
    ("rendering/page_headers.py", "from ..exports.writer import write_exports",
     "rendering imports the export writer (symposium.exports.writer)"),
    ("environment/store.py", "from ..rendering.page_context import PageContext",
     "environment imports symposium.rendering.page_context, a layer above it"),
    ("model/times.py", "    from ..cli import check", "model imports symposium.cli.check, a layer above it"),
    ("exports/writer.py", "from .. import setup", "imports the package root from a layer"),
    ("model/names.py", "from .entities import Speaker", "import cycle: symposium.model."),
    ("exports/frab.py", "from ..environment.translations import _",
     "an encoder reaches sphinx.locale: symposium.exports.frab -> symposium.environment.translations -> sphinx.locale"),
    ("exports/site_view.py", "    from docutils import nodes",  # by another module, inside a function
     "an encoder reaches docutils: symposium.exports.ics -> symposium.exports.site_view -> docutils"),
    ("html_page/sitemap.py", "from ..exports.writer import write_exports",
     "html_page reaches the export writer: symposium.html_page.sitemap -> symposium.exports.writer"),
    ("exports/addresses.py", "    from .writer import write_exports",  # through the addresses the pages use
     "html_page reaches the export writer: symposium.html_page.jsonld -> symposium.exports.addresses"),
])
def test_a_wrong_import_is_found(tmp_path, module, line, expected):
    """The checker itself: each kind of wrong import, added to a copy of the package, is reported."""
    import shutil

    root = tmp_path / "symposium"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__", "static", "templates"))
    path = root / module
    text = path.read_text("utf-8")
    if line.startswith("    "):  # inside a function
        text += f"\n\ndef late():\n{line}\n"
    else:
        marker = "from __future__ import annotations\n"
        text = text.replace(marker, marker + line + "\n", 1)
    path.write_text(text, "utf-8")
    problems = layer_problems(root)
    assert any(expected in problem for problem in problems), problems
