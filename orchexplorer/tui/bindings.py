"""Key bindings whose descriptions follow the app's language, and the screens that list the
app-wide keys first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import ActiveBinding, Binding, BindingsMap, BindingType
from textual.dom import DOMNode
from textual.screen import Screen


def apply_bindings(node: DOMNode, bindings: Iterable[BindingType]) -> None:
    """Give `node` `bindings`, in place of its own on the same keys.

    Textual builds a node's bindings once from the class's BINDINGS; descriptions are fixed
    then. To show the footer and help in the current language, the node's map is rebuilt
    with freshly described bindings whenever the language changes. The node keeps its other
    bindings, those of its class and any Textual added (the app's command palette key), in
    their order; `bindings` bind the same keys on every call.
    """
    keys = {k: list(v) for k, v in node._bindings.key_to_bindings.items()}
    for binding in Binding.make_bindings(bindings):
        keys[binding.key] = [binding]
    node._bindings = BindingsMap.from_keys(keys)
    node.refresh_bindings()


class AppScreen(Screen[None]):
    """A full screen of the app (not a dialog): the app-wide keys of `OrchExplorerApp`
    (quit, help, search, guide, language) work on it, and its footer and `?` list them
    together, in the app's order, before the screen's own keys (`APP_KEYS_FIRST`) or after
    them.

    `APP_ACTIONS_OFF`: app-wide actions turned off on this screen (`guide` on the guide):
    their keys do nothing here (`OrchExplorerApp.check_action`) and are not listed.
    """

    APP_KEYS_FIRST: ClassVar[bool] = True
    APP_ACTIONS_OFF: ClassVar[frozenset[str]] = frozenset()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        app = self.app
        own = {key: active for key, active in bindings.items() if active.node is not app}
        shared = {
            key: active
            for key, active in bindings.items()
            if active.node is app and active.binding.action not in self.APP_ACTIONS_OFF
        }
        return shared | own if self.APP_KEYS_FIRST else own | shared
