"""``kiosk-bridge``: serve the bridge, register stations and API keys, exchange ERP data.

Every command takes ``--db URL`` (default: ``DATA/bridge.db``, SQLite) and ``--data DIR``
(media, ERP inbox/outbox; default ``./bridge-data``), also from ``KIOSK_BRIDGE_DB`` and
``KIOSK_BRIDGE_DATA``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sync.bridge import workers
from sync.bridge.app import ENV_DATA, ENV_DB, ENV_POLL, ENV_POOL
from sync.bridge.erp.base import ErpError
from sync.bridge.erp.config import load_erp_config, make_adapter
from sync.bridge.erp.runner import ErpRunner
from sync.bridge.service import Bridge, BridgeProblem


def _open(args: argparse.Namespace) -> Bridge:
    data = Path(args.data)
    data.mkdir(parents=True, exist_ok=True)
    return Bridge.open(args.db or str(data / "bridge.db"), data)


def _erp_runner(args: argparse.Namespace, bridge: Bridge) -> ErpRunner:
    config = load_erp_config(Path(args.erp_config))
    return ErpRunner(bridge, make_adapter(config, bridge), retry_s=config.retry_interval_s)


def _serve(args: argparse.Namespace) -> int:
    import threading

    import uvicorn

    erp: tuple[ErpRunner, threading.Thread, threading.Event] | None = None
    data = Path(args.data).resolve()
    data.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_DB] = args.db or str(data / "bridge.db")
    os.environ[ENV_DATA] = str(data)
    os.environ[ENV_POLL] = str(args.poll)
    os.environ[ENV_POOL] = str(args.pool_size)
    # Create the schema once before the workers start.
    Bridge.open(os.environ[ENV_DB], data).close()
    if args.erp_config:
        # One ERP loop per bridge, beside the HTTP workers (they share the database).
        config = load_erp_config(Path(args.erp_config))
        bridge = Bridge.open(os.environ[ENV_DB], data)
        runner = ErpRunner(bridge, make_adapter(config, bridge), retry_s=config.retry_interval_s)
        stop = threading.Event()
        thread = threading.Thread(
            target=runner.run,
            args=(config.interval_s, stop, config.pull_interval_s),
            name="bridge-erp",
            daemon=True,
        )
        thread.start()
        erp = (runner, thread, stop)
    try:
        _run_uvicorn(args, uvicorn)
    finally:
        if erp is not None:
            erp[2].set()
            erp[1].join(timeout=30)
            erp[0].adapter.close()
            erp[0].bridge.close()
    return 0


_APP = "sync.bridge.app:app_from_env"


def _run_uvicorn(args: argparse.Namespace, uvicorn: Any) -> None:
    options: dict[str, Any] = {
        "factory": True,
        "host": args.host,
        "port": args.port,
        "workers": args.workers,
        "log_level": args.log_level,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        # Open live streams of the web view must not hold a restart up.
        "timeout_graceful_shutdown": 5,
        # Longer than a station's push interval: a station keeps its connection.
        "timeout_keep_alive": args.keep_alive,
    }
    if args.workers > 1 and workers.spread_supported():
        # One listening socket per worker (sync/bridge/workers.py), not uvicorn's shared one.
        workers.serve_spread(uvicorn.Config(_APP, **options))
    else:
        uvicorn.run(_APP, **options)


def _station_add(args: argparse.Namespace) -> int:
    bridge = _open(args)
    token = bridge.add_station(args.id, args.name or "")
    if args.token_file:
        path = Path(args.token_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(token + "\n")
        print(f"station {args.id}: token written to {path}", file=sys.stderr)
    else:
        print(token)
        print(f"station {args.id}: keep this token; it is not shown again.", file=sys.stderr)
    return 0


def _apikey_add(args: argparse.Namespace) -> int:
    print(_open(args).add_api_key(args.name))
    print(f"API key {args.name}: keep it; it is not shown again.", file=sys.stderr)
    return 0


def _user_add(args: argparse.Namespace) -> int:
    """A supervisor or quality login for the web view; the password comes from stdin (a
    terminal asks twice, without echo), never from the command line."""
    from sync.bridge.web.auth import UserProblem, add_user
    from sync.bridge.web.tables import create_schema

    if sys.stdin.isatty():
        import getpass

        password = getpass.getpass(f"password for {args.name}: ")
        if getpass.getpass("again: ") != password:
            print("kiosk-bridge: the passwords differ; nothing was changed", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    bridge = _open(args)
    create_schema(bridge.engine)
    try:
        add_user(bridge.engine, args.name, args.role, password)
    except UserProblem as err:
        print(f"kiosk-bridge: {err}; nothing was changed", file=sys.stderr)
        return 2
    print(f"user {args.name} ({args.role}) can sign in at the bridge's web page", file=sys.stderr)
    return 0


def _erp_import(args: argparse.Namespace) -> int:
    bridge = _open(args)
    for file in args.files:
        for result in bridge.import_file(Path(file)):
            print(json.dumps({"file": file} | result.model_dump()))
    return 0


def _publish(args: argparse.Namespace) -> int:
    print(json.dumps(_open(args).publish_package(Path(args.package))))
    return 0


def _list_revisions(args: argparse.Namespace) -> int:
    """One line per revision: key, status, who wrote it, who signed what and when."""
    revisions = _open(args).list_revisions(
        product=args.product, operation=args.operation, status=args.status
    )
    if args.json:
        for rev in revisions:
            print(json.dumps(rev.model_dump(mode="json")))
        return 0
    for rev in revisions:
        sig = rev.signature
        signed = (
            f"signed by {sig.by_name or sig.by} ({sig.meaning}) at {sig.at}, "
            f"content {sig.content_sha256[:16]}"
            if sig is not None and sig.kind == "bridge"
            else f"approved in the package file by {sig.by or '?'}"
            if sig is not None
            else f"content {rev.content_sha256[:16]}, not signed"
        )
        extra = ""
        if rev.published_at:
            extra += f"; published {rev.published_at}"
        if rev.obsoleted_by:
            extra += f"; replaced by {rev.obsoleted_by}"
        if rev.open_feedback:
            extra += f"; {rev.open_feedback} open feedback"
        print(
            f"{rev.key}  {rev.product} {rev.operation}  {rev.status}  "
            f"{'by ' + (rev.author_name or rev.author) if rev.author else 'from a package file'}"
            f"; {signed}{extra}"
        )
    return 0


def _confirmations(args: argparse.Namespace) -> int:
    bridge = _open(args)
    if args.outbox:
        print(json.dumps({"written": bridge.write_outbox(Path(args.outbox))}))
        return 0
    since = args.since
    while True:
        page = bridge.confirmations(since, args.limit)
        for c in page.confirmations:
            print(json.dumps(c.model_dump(mode="json")))
        since = page.next_cursor
        if not page.has_more or args.once:
            break
    print(json.dumps({"next_cursor": since}), file=sys.stderr)
    return 0


def _erp_status(args: argparse.Namespace) -> int:
    bridge = _open(args)
    runner = _erp_runner(args, bridge)
    try:
        status = runner.status()
    finally:
        runner.adapter.close()
    if args.json:
        print(json.dumps(status, indent=2))
        return 0
    reach = "reachable" if status["reachable"] else "NOT reachable"
    print(f"ERP adapter:  {status['adapter']} ({reach})")
    if not status["reachable"]:
        print(f"              {status['health'].get('message', '')}")
    print(f"last pulled:  {status['last_pulled_at'] or 'never'}")
    print(f"last pushed:  {status['last_pushed_at'] or 'never'}")
    if status["backlog"] is None:
        print("backlog:      kept by the ERP (it reads GET /api/v1/erp/confirmations itself)")
    else:
        print(
            f"backlog:      {status['backlog']} confirmation(s) "
            f"({status['new']} new, {len(status['waiting'])} refused by the ERP)"
        )
    for w in status["waiting"]:
        print(f"  waiting {w['id']} (cursor {w['cursor']}, {w['attempts']} tries): {w['message']}")
    print(f"last error:   {status['last_error'] or 'none'}")
    return 0


def _erp_sync(args: argparse.Namespace) -> int:
    bridge = _open(args)
    runner = _erp_runner(args, bridge)
    try:
        if args.once:
            out = runner.round(pull=not args.push_only)
            print(json.dumps(out))
            return 1 if "error" in out else 0
        import threading

        config = load_erp_config(Path(args.erp_config))
        stop = threading.Event()
        try:
            runner.run(config.interval_s, stop, config.pull_interval_s)
        except KeyboardInterrupt:
            stop.set()
        return 0
    finally:
        runner.adapter.close()
        bridge.close()


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", default=os.environ.get(ENV_DB, ""), help="database URL (default: SQLite in DATA)"
    )
    common.add_argument(
        "--data", default=os.environ.get(ENV_DATA, "bridge-data"), help="data folder"
    )
    parser = argparse.ArgumentParser(prog="kiosk-bridge", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", parents=[common], help="run the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1, help="processes (PostgreSQL: many)")
    serve.add_argument(
        "--pool-size",
        type=int,
        default=5,
        help="database connections per worker, as many again at peaks (PostgreSQL: keep "
        "workers × 2 × this under the server's max_connections)",
    )
    serve.add_argument(
        "--poll", type=float, default=5.0, help="inbox/outbox folder poll interval, s (0: off)"
    )
    serve.add_argument(
        "--keep-alive",
        type=float,
        default=15.0,
        help="seconds an idle connection stays open (longer than the stations' push interval)",
    )
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument(
        "--config",
        "--erp-config",
        dest="erp_config",
        metavar="FILE",
        help="bridge config TOML with an [erp] table: run that ERP adapter beside the API",
    )
    serve.set_defaults(func=_serve)

    station = sub.add_parser("station", help="station registry").add_subparsers(metavar="ACTION")
    add = station.add_parser("add", parents=[common], help="register a station, print its token")
    add.add_argument("id")
    add.add_argument("--name")
    add.add_argument("--token-file", help="write the token here (mode 600) instead of stdout")
    add.set_defaults(func=_station_add)

    apikey = sub.add_parser("apikey", help="ERP API keys").add_subparsers(metavar="ACTION")
    key = apikey.add_parser("add", parents=[common], help="create an API key, print it")
    key.add_argument("name")
    key.set_defaults(func=_apikey_add)

    user = sub.add_parser("user", help="web view logins").add_subparsers(metavar="ACTION")
    uadd = user.add_parser(
        "add", parents=[common], help="add a supervisor/quality login (password on stdin)"
    )
    uadd.add_argument("name")
    uadd.add_argument("--role", required=True, choices=["supervisor", "quality"])
    uadd.set_defaults(func=_user_add)

    erp = sub.add_parser("erp", help="ERP data in and out").add_subparsers(metavar="ACTION")
    imp = erp.add_parser("import", parents=[common], help="import JSON/CSV files")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(func=_erp_import)
    conf = erp.add_parser(
        "confirmations", parents=[common], help="print confirmations (JSON lines)"
    )
    conf.add_argument("--since", type=int, default=0, metavar="CURSOR")
    conf.add_argument("--limit", type=int, default=500)
    conf.add_argument("--once", action="store_true", help="one page only")
    conf.add_argument("--outbox", metavar="DIR", help="write new ones as files into DIR")
    conf.set_defaults(func=_confirmations)
    erp_cfg = argparse.ArgumentParser(add_help=False)
    erp_cfg.add_argument(
        "--config",
        "--erp-config",
        dest="erp_config",
        metavar="FILE",
        required=True,
        help="bridge config TOML with an [erp] table",
    )
    st = erp.add_parser(
        "status", parents=[common, erp_cfg], help="last pulled, last pushed, backlog, last error"
    )
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_erp_status)
    sy = erp.add_parser(
        "sync", parents=[common, erp_cfg], help="run the ERP adapter (pull and push) in a loop"
    )
    sy.add_argument("--once", action="store_true", help="one round, print what it did")
    sy.add_argument("--push-only", action="store_true", help="with --once: do not pull")
    sy.set_defaults(func=_erp_sync)

    ins = sub.add_parser("instructions", help="instruction packages").add_subparsers(
        metavar="ACTION"
    )
    pub = ins.add_parser(
        "publish", parents=[common], help="publish an instruction package (folder or .zip)"
    )
    pub.add_argument("package")
    pub.set_defaults(func=_publish)
    lst = ins.add_parser(
        "list", parents=[common], help="revisions on the bridge: status, author, signature"
    )
    lst.add_argument("--product")
    lst.add_argument("--operation")
    lst.add_argument("--status", choices=["draft", "approved", "obsolete"])
    lst.add_argument("--json", action="store_true", help="one JSON object per line")
    lst.set_defaults(func=_list_revisions)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except BridgeProblem as err:
        print(f"kiosk-bridge: {err.reason} ({err.code})", file=sys.stderr)
        if isinstance(err.detail, list) and all(isinstance(d, str) for d in err.detail):
            for line in err.detail:  # file: json.path: reason
                print(f"  {line}", file=sys.stderr)
        elif err.detail:
            print(json.dumps(err.detail, indent=2), file=sys.stderr)
        return 2
    except ErpError as err:
        print(f"kiosk-bridge: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
