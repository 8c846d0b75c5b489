"""Read a page's YAML front-matter together with where each key and value stands.

The values come from MyST's own reader (``read_topmatter``), so the site sees exactly
what MyST sees. Positions come from composing the same YAML text: for every path of
keys and list indices we keep the 1-based line in the source file and, for scalars,
the text as written (PyYAML reads an unquoted ``10:50`` as the integer 650; the raw
text lets the model read it as the time the contributor meant).

Nothing here knows about Sphinx.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from myst_parser.config.main import TopmatterReadError, read_topmatter

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Spot:
    """Where a value stands: the line of its key (or list item) and its text as written."""

    line: int
    raw: str | None = None


@dataclass
class Positions:
    """Lines and raw texts of front-matter values, by path (``("talk", "start")``)."""

    spots: dict[Path, Spot] = field(default_factory=dict)
    #: the line of the opening ``---``; used for problems with the block as a whole
    first_line: int = 1

    def line(self, path: Path) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        while path:
            if path in self.spots:
                return self.spots[path].line
            path = path[:-1]
        return self.first_line

    def raw(self, path: Path) -> str | None:
        spot = self.spots.get(path)
        return spot.raw if spot else None


@dataclass
class Frontmatter:
    data: dict[str, Any]
    positions: Positions


class FrontmatterSyntaxError(ValueError):
    """The block is not YAML, or not a mapping; says why and at which line of the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def read_frontmatter(source: str) -> Frontmatter | None:
    """The front-matter of a MyST source, or ``None`` when it has none."""
    try:
        data = read_topmatter(source)
    except TopmatterReadError as err:
        raise _syntax_error(_block(source.splitlines())) from err
    if data is None:
        return None
    return Frontmatter(data=data, positions=_positions(_block(source.splitlines())))


def _block(lines: Iterable[str]) -> str:
    """The YAML text between the fences, as ``read_topmatter`` takes it."""
    it = iter(lines)
    next(it, None)
    body = []
    for line in it:
        if line.startswith(("---", "...")):
            break
        body.append(line.rstrip() + "\n")
    return "".join(body)


# YAML line 0 is the line after the opening fence, which is line 1 of the file.
_OFFSET = 2


def _syntax_error(text: str) -> FrontmatterSyntaxError:
    """Why MyST could not read the block, in YAML's own words where it has them."""
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + _OFFSET if mark else 1
        return FrontmatterSyntaxError(
            f"the front-matter is not valid YAML: {err.problem or err.context}; "
            "quote values that hold ': ', '#', '[' or '{'",
            line,
        )
    except yaml.YAMLError as err:
        return FrontmatterSyntaxError(f"the front-matter is not valid YAML: {err}", 1)
    return FrontmatterSyntaxError("the front-matter should be a mapping of keys such as 'talk:' or 'speaker:'", 1)


def _positions(text: str) -> Positions:
    positions = Positions()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:  # pragma: no cover - read_topmatter already accepted it
        return positions
    if root is not None:
        _walk(root, (), positions)
    return positions


def _walk(node: yaml.Node, path: Path, positions: Positions) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*path, key)
            raw = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            positions.spots[child] = Spot(key_node.start_mark.line + _OFFSET, raw)
            _walk(value_node, child, positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            raw = item.value if isinstance(item, yaml.ScalarNode) else None
            positions.spots[child] = Spot(item.start_mark.line + _OFFSET, raw)
            _walk(item, child, positions)
