"""Every placeholder kind is declared once (``environment/placeholder_nodes.PLACEHOLDER_KINDS``) and
rendered once (``rendering/placeholders.RENDERERS``): the tables name the same kinds."""

from __future__ import annotations

from symposium.environment import placeholder_nodes
from symposium.environment.directives import placeholder_directive
from symposium.environment.markdown_pages import LISTING_DIRECTIVES, listing_directives
from symposium.environment.placeholder_nodes import KIND_OF_NODE, PLACEHOLDER_KINDS, SymposiumPlaceholder
from symposium.rendering.placeholders import RENDERERS, TOOLBAR_HOLDERS


def _node_classes() -> set[type]:
    """The placeholder nodes that are not a base of others."""
    found, waiting = set(), [SymposiumPlaceholder]
    while waiting:
        subclasses = waiting.pop().__subclasses__()
        waiting += subclasses
        found |= {cls for cls in subclasses if not cls.__subclasses__()}
    return found


def test_each_kind_has_one_name_one_node_and_one_renderer():
    names = [kind.name for kind in PLACEHOLDER_KINDS]
    assert len(set(names)) == len(names)
    assert set(RENDERERS) == set(names)
    assert TOOLBAR_HOLDERS.issubset(names)
    assert len(KIND_OF_NODE) == len(PLACEHOLDER_KINDS)
    assert set(KIND_OF_NODE) == _node_classes()
    assert all(cls.__module__ == placeholder_nodes.__name__ for cls in _node_classes())


def test_the_directives_are_made_from_the_table():
    for kind in PLACEHOLDER_KINDS:
        if kind.options is None:
            continue
        directive = placeholder_directive(kind)
        assert directive.__name__ == "".join(part.title() for part in kind.name.split("-")) + "Directive"
        assert directive.node_class is kind.node
        assert set(directive.option_spec) == set(kind.options.spec)


def test_symposium_check_reads_every_directive_with_options():
    with_options = {kind.name for kind in PLACEHOLDER_KINDS if kind.options and kind.options.spec}
    assert set(LISTING_DIRECTIVES) == with_options
    page = "\n".join(f"```{{{name}}}\n:room: Hall A\n```\n" for name in sorted(with_options))
    assert {directive.name for directive in listing_directives(page)} == with_options
    assert all(directive.options == {"room": "Hall A"} for directive in listing_directives(page))


def test_the_options_give_the_nodes_attributes():
    kinds = {kind.name: kind for kind in PLACEHOLDER_KINDS}
    assert kinds["program-table"].options.attributes({"day": " 2026-06-02 ", "room": "Hall  A"}) == {
        "day": "2026-06-02", "room": "Hall A", "track": "", "session": ""}
    assert kinds["speaker-list"].options.attributes({"only": "ada grace", "contact": None}) == {
        "only": ["ada", "grace"], "contact": True}
    assert kinds["program-downloads"].options.attributes({}) == {}
