"""Key bindings whose descriptions follow the app's language."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

from orchexplorer.i18n import Lang


def apply_bindings(node: DOMNode, bindings: Iterable[BindingType]) -> None:
    """Give `node` its class bindings plus `bindings` (which win on the same key).

    Textual builds a node's bindings once from the class's BINDINGS; descriptions are fixed
    then. To show the footer and help in the current language, the node's map is rebuilt
    from the class map and freshly described bindings whenever the language changes.
    """
    base = type(node)._merged_bindings
    keys = {k: list(v) for k, v in (base.key_to_bindings.items() if base else [])}
    for binding in Binding.make_bindings(bindings):
        keys[binding.key] = [binding]
    node._bindings = BindingsMap.from_keys(keys)
    node.refresh_bindings()


class Localized:
    """A node whose texts depend on the language: `relabel(lang)` redraws them."""

    def relabel(self, lang: Lang) -> None:  # pragma: no cover - interface
        raise NotImplementedError
