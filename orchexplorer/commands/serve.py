"""`orchexplorer serve`: the same explorer in a web browser, through textual-serve.

Each browser tab that connects gets its own `orchexplorer` process, driven by Textual's web
driver over a local web socket; closing the tab ends that process. textual-serve is an
optional extra (`pip install 'orchexplorer[web]'`), imported only when serving, through
`orchexplorer.tui.serve`.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from orchexplorer.commands import CommandError, Context, clean
from orchexplorer.i18n import Lang, t

NAME = "serve"
HELP = "serve the explorer to a web browser (needs the 'web' extra)"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}: this machine only)",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--public",
        action="store_true",
        help="allow a --host that other machines can reach: anyone who reaches the port "
        "can use the explorer (it only reads the pack; no login)",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use to reach the server, when it is not http://HOST:PORT "
        "(for example behind a proxy, or with --host 0.0.0.0)",
    )


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(ctx: Context) -> str:
    """The shell command textual-serve runs for each browser session: this Python, this
    package, the chosen language and pack. `exec` so the app is the session's process."""
    argv = [sys.executable, "-m", "orchexplorer", "--lang", ctx.lang]
    if ctx.content is not None:
        argv += ["--content", str(Path(ctx.content).resolve())]
    return "exec " + shlex.join(argv)


def _check_port(host: str, port: int, lang: Lang) -> None:
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), port))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise CommandError(
            t("serve_cannot_listen", lang, host=clean(host), port=port, reason=clean(reason)),
            code=1,
        ) from None


def run(args: argparse.Namespace, ctx: Context) -> int:
    lang = ctx.lang
    host = str(args.host).strip()
    if not 1 <= args.port <= 65535:
        raise CommandError(t("serve_bad_port", lang, value=args.port))
    if not host or (not is_loopback(host) and not args.public):
        raise CommandError(t("serve_needs_public", lang, host=clean(host)))
    try:
        from orchexplorer.tui.serve import make_server
    except ImportError as exc:
        if not (exc.name or "").startswith("textual_serve"):
            raise  # not the missing extra: a real fault
        raise CommandError(t("serve_missing_extra", lang), code=1) from None
    ctx.pack()  # a pack that does not validate is not served: exit 1 with its errors
    _check_port(host, args.port, lang)
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    url = (args.public_url or f"http://{shown}:{args.port}").rstrip("/")
    server = make_server(app_command(ctx), host.strip("[]"), args.port, url)
    ctx.write(t("serve_listening", lang, url=url + "/"))
    if not is_loopback(host):
        ctx.write(t("serve_exposed", lang))
    ctx.stdout.flush()
    server.serve()
    return 0
