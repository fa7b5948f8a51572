"""Every shipped tool, however many there are: a cell in every comparison dimension, and
(every tool but Docker, the engine the Compose keys are not about) a column in the
portability matrix, its own or through the tool it implements. Parametrized over the shipped
pack, so each tool that lands is checked without editing this file."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from orchexplorer.loader import load_pack
from orchexplorer.model import Pack, Tool
from orchexplorer.portability import key_cell, key_tools

SHIPPED = load_pack()  # conftest has pointed every cache and setting into a temp dir
TOOLS = SHIPPED.ordered_tools
#: The tool with no column in the Compose key matrix: the engine itself, not a target.
NO_KEY_COLUMN = {"docker"}


def _ids(tool: Tool) -> str:
    return tool.id


@pytest.fixture(scope="module")
def pack() -> Pack:
    return SHIPPED


@pytest.mark.parametrize("tool", TOOLS, ids=_ids)
def test_a_cell_in_every_comparison_dimension(pack: Pack, tool: Tool) -> None:
    missing = [dim.id for dim in pack.dimensions if tool.id not in dim.cells]
    assert not missing, f"{tool.id} has no cell in the dimensions {missing}"


@pytest.mark.parametrize("tool", [t for t in TOOLS if t.id not in NO_KEY_COLUMN], ids=_ids)
def test_a_column_in_the_portability_matrix(pack: Pack, tool: Tool) -> None:
    assert tool.id in key_tools(pack), f"{tool.id} has no column in compose_keys"
    # and the column says something: at least one key has a cell, its own or inherited
    assert any(key_cell(pack, key, tool.id)[0] is not None for key in pack.compose_keys)


@pytest.mark.parametrize("tool", [t for t in TOOLS if t.implements is not None], ids=_ids)
def test_an_implementing_tool_names_a_shipped_tool_with_a_column(pack: Pack, tool: Tool) -> None:
    target = pack.tool(tool.implements or "")
    assert target is not None and target.implements is None
    assert target.id in key_tools(pack)


def test_the_sidebar_order_is_fixed_by_the_orders(pack: Pack) -> None:
    orders = [t.order for t in TOOLS]
    assert len(set(orders)) == len(orders), "two shipped tools share an order"
    assert orders == sorted(orders)
    assert TOOLS[0].id == "docker"


def test_a_row_lists_its_tools_in_sidebar_order_whatever_the_file_s_order() -> None:
    from orchexplorer.portability import row_cells

    pack = load_pack()
    rank = {tool_id: n for n, tool_id in enumerate(pack.tool_ids)}
    rows: list[Mapping[str, object]] = [k.support for k in pack.compose_keys]
    rows += [c.commands for c in pack.commands]
    for row in rows:
        shown = [tool_id for tool_id, _cell, _source in row_cells(pack, row)]
        assert shown == sorted(shown, key=rank.__getitem__)
