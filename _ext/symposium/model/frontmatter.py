"""Read a page's YAML front-matter together with where each key and value stands.

The values are what MyST's own reader (``read_topmatter``) gives, so the site sees
exactly what MyST sees: the same block of lines, loaded with PyYAML's safe loader. The
block is parsed once, by libyaml where PyYAML has it, and the one node tree gives both
the values (built by the same safe constructor ``read_topmatter`` uses) and the
positions: for every path of keys and list indices, the 1-based line in the source file
and, for scalars, the text as written (PyYAML reads an unquoted ``10:50`` as the integer
650; the raw text lets the model read it as the time the contributor meant). A block
libyaml does not take goes to ``read_topmatter`` itself, which gives the verdict.

Nothing here knows about Sphinx.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from myst_parser.config.main import TopmatterReadError, read_topmatter
from myst_parser.parsers.directives import YAML_LOAD_ERRORS

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


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping: YAML keeps the last value without a word."""

    path: Path
    line: int
    first_line: int


@dataclass
class Frontmatter:
    data: dict[str, Any]
    positions: Positions
    duplicates: list[DuplicateKey] = field(default_factory=list)


class FrontmatterSyntaxError(ValueError):
    """The block is not YAML, or not a mapping; says why and at which line of the file."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


#: libyaml's parser where PyYAML has it: the same nodes and lines, several times faster
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_frontmatter(source: str) -> Frontmatter | None:
    """The front-matter of a MyST source, or ``None`` when it has none."""
    lines = source.splitlines()
    _check_fences(lines)
    if not lines or not lines[0].startswith("---"):
        return None  # as read_topmatter: front-matter opens on the first line
    block = _block(lines)
    _check_as_rendered(source)
    loaded = _load(block, _COMPOSER)
    if loaded is None:  # libyaml did not take it: MyST's reader decides
        try:
            data = read_topmatter(source)
        except TopmatterReadError as err:
            raise _syntax_error(block) from err
        if data is None:  # pragma: no cover - the block opens on the first line
            return None
        loaded = _load(block, yaml.SafeLoader) or (data, None)
    data, root = loaded
    if not isinstance(data, dict):
        raise _syntax_error(block)
    positions, duplicates = Positions(), []
    if root is not None:
        _walk(root, (), positions, duplicates)
    return Frontmatter(data=data, positions=positions, duplicates=duplicates)


def _load(block: str, loader_class: type) -> tuple[Any, yaml.Node | None] | None:
    """The values of ``block`` and its node tree, from one parse; ``None`` when it does not load."""
    loader = loader_class(block)
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    except (*YAML_LOAD_ERRORS, TypeError, OverflowError):
        return None
    finally:
        loader.dispose()


def _check_fences(lines: list[str]) -> None:
    """Front-matter that MyST would not see, or would read to the end of the page.

    MyST takes front-matter only from a ``---`` on the very first line: after a blank
    line, the block silently becomes a heading and the page loses its data.
    """
    if not lines:
        return
    if not lines[0].startswith("---"):
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and first > 0 and lines[first].rstrip() == "---":
            raise FrontmatterSyntaxError(
                f"the front-matter starts on line {first + 1}; expected its opening '---' on the very "
                "first line of the file (remove the blank lines above it), or MyST shows it as text",
                first + 1,
            )
        return
    if not any(line.startswith(("---", "...")) for line in lines[1:]):
        raise FrontmatterSyntaxError(
            "the front-matter has no closing '---'; expected a line '---' after its last key, "
            "before the page's heading",
            1,
        )


INDENTED_WITH_A_TAB = "the front-matter is indented with a tab; expected spaces (YAML does not allow tabs for indentation)"


def _names_a_tab(reason: str) -> bool:
    """Whether YAML's reason for stopping is a tab (it names the character as '\\t')."""
    return "'\\t'" in reason or "\t" in reason


#: characters that make the block read differently here and in MyST's renderer: a tab, which
#: libyaml takes where PyYAML does not, and the line breaks that only str.splitlines() knows
_READ_DIFFERENTLY = frozenset("\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _check_as_rendered(source: str) -> None:
    """What MyST's renderer cannot read, though libyaml (which reads the block here) can.

    MyST renders the page's front-matter with PyYAML's own scanner, from the lines as written
    (split at newlines only): a tab after a value, after a colon or before a comment, or a
    control character, stops it, and the page loses its front-matter with only MyST's
    "Malformed YAML" at line 1. Such a block goes to that scanner here too, and its verdict
    is one located problem.
    """
    lines = source.split("\n")[1:]
    end = next((i for i, line in enumerate(lines) if line.startswith(("---", "..."))), len(lines))
    raw = [line + "\n" for line in lines[:end]]
    text = "".join(raw)
    if not _READ_DIFFERENTLY.intersection(text):
        return
    try:
        for _ in yaml.scan(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        if mark is None or not _names_a_tab(err.problem or ""):
            return  # not a tab: the reader below says what it is
        if not raw[mark.line][: mark.column].strip():
            raise FrontmatterSyntaxError(INDENTED_WITH_A_TAB, mark.line + _OFFSET) from None
        raise FrontmatterSyntaxError(
            f"the front-matter has a tab at character {mark.column + 1} of this line, where YAML does not allow "
            "one (MyST cannot read the block); expected spaces",
            mark.line + _OFFSET,
        ) from None
    except yaml.reader.ReaderError as err:
        line = text.count("\n", 0, err.position)
        column = err.position - (text.rfind("\n", 0, err.position) + 1)
        raise FrontmatterSyntaxError(
            f"the front-matter holds the control character U+{err.character:04X} at character {column + 1} of "
            "this line, which YAML does not allow (MyST cannot read the block); expected plain text",
            line + _OFFSET,
        ) from None


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
        reason = err.problem or err.context or ""
        if _names_a_tab(reason):
            return FrontmatterSyntaxError(INDENTED_WITH_A_TAB, line)
        return FrontmatterSyntaxError(f"the front-matter is not valid YAML: {reason}; {_advice(text, mark)}", line)
    except yaml.YAMLError as err:
        return FrontmatterSyntaxError(f"the front-matter is not valid YAML: {err}", 1)
    except (ValueError, TypeError, OverflowError) as err:
        # a value YAML recognises but cannot build, such as the date 2025-11-31
        node = _unbuildable(yaml.compose(text, Loader=yaml.SafeLoader))
        shown = f" {node.value!r}" if node is not None else ""
        return FrontmatterSyntaxError(
            f"the front-matter holds a value YAML cannot read:{shown} ({err}); expected a real date or "
            "time, or the value in quotes if it is text",
            node.start_mark.line + _OFFSET if node is not None else 1,
        )
    return FrontmatterSyntaxError("the front-matter should be a mapping of keys such as 'talk:' or 'speaker:'", 1)


def _advice(text: str, mark: yaml.Mark | None) -> str:
    """What would fix the line YAML stopped at: its indentation, when it does not line up with the
    key above it (and that key opens no block); else quoting a value that holds YAML's signs."""
    lines = text.splitlines()
    if mark is not None and 0 < mark.line < len(lines):
        here = lines[mark.line]
        above = next((line for line in reversed(lines[: mark.line]) if line.strip()), "")
        indent, above_indent = len(here) - len(here.lstrip(" ")), len(above) - len(above.lstrip(" "))
        value = here.split(": ", 1)[1] if ": " in here else ""
        if indent != above_indent and not above.rstrip().endswith(":") and ": " not in value:
            def spaces(n: int) -> str:
                return f"{n} space{'s' if n != 1 else ''}"

            return (f"this line is indented by {spaces(indent)} and the key above it by {spaces(above_indent)}: the "
                    f"keys of one block line up; expected {spaces(above_indent)}")
    return "quote values that hold ': ', '#', '[' or '{'"


def _unbuildable(node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The first scalar whose value YAML's constructor fails to build."""
    if isinstance(node, yaml.ScalarNode):
        try:
            _construct(node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else (
        [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
    return next((found for child in children if (found := _unbuildable(child)) is not None), None)


def _walk(node: yaml.Node, path: Path, positions: Positions, duplicates: list[DuplicateKey]) -> None:
    if isinstance(node, yaml.MappingNode):
        first_lines: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = _key(key_node)
            child = (*path, key)
            line = key_node.start_mark.line + _OFFSET
            if key in first_lines:
                duplicates.append(DuplicateKey(child, line, first_lines[key]))
            first_lines.setdefault(key, line)
            positions.spots[child] = Spot(line, _raw(value_node))
            _walk(value_node, child, positions, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*path, index)
            positions.spots[child] = Spot(item.start_mark.line + _OFFSET, _raw(item))
            _walk(item, child, positions, duplicates)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _construct(node: yaml.ScalarNode) -> object:
    """One scalar's value. The constructor keeps every node it built until told to forget:
    without this, a build would hold every front-matter key of every page to its end."""
    try:
        return _CONSTRUCTOR.construct_object(node)
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()


def _key(node: yaml.Node) -> object:
    """A key as the loaded data has it (``1:`` is the number 1), so paths match the data."""
    if isinstance(node, yaml.ScalarNode):
        try:
            return _construct(node)
        except yaml.YAMLError:
            return node.value
    return f"<{node.id}>"  # a mapping or list as a key: unhashable, and never a key we read


def _raw(node: yaml.Node) -> str | None:
    """A scalar's text as written; ``None`` for an empty or ``null`` value and for collections."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null":
        return None
    return node.value
