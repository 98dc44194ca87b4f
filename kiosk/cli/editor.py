"""``kiosk editor`` (the authoring window) and ``kiosk diff`` (what changed between two
revisions, as text or JSON)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("editor", help="the instruction authoring window")
    p.add_argument("package", type=Path, nargs="?", help="a package folder or .zip to open")
    p.add_argument("--product", default="PRODUCT", help="for a new package")
    p.add_argument("--operation", default="OP10", help="for a new package")
    p.add_argument("--bridge", metavar="URL", help="keep revisions on this bridge")
    p.add_argument(
        "--api-key-file",
        type=Path,
        metavar="F",
        help=f"the bridge API key (kiosk-bridge apikey add editor); else ${API_KEY_ENV}",
    )
    p.add_argument("--ca", type=Path, metavar="F", help="CA file for an https bridge")
    p.add_argument("--revision", metavar="ID@N", help="open this revision from the bridge")
    p.add_argument(
        "--language",
        choices=("en", "de", "es"),
        default=None,
        help="the window's language (default: the desktop's, else en)",
    )
    p.set_defaults(func=cmd_editor)
    p = sub.add_parser("diff", help="what changed between two revisions of a package")
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable")
    p.add_argument("--language", default="en", help="for step titles")
    p.set_defaults(func=cmd_diff)


API_KEY_ENV = "KIOSK_EDITOR_API_KEY"


def _bridge(args: argparse.Namespace) -> Any:
    """The editor's port to the bridge (sync.authoring_client), or None without --bridge."""
    if not args.bridge:
        if args.revision:
            raise SystemExit("kiosk editor: --revision needs --bridge URL")
        return None
    if args.api_key_file is not None:
        try:
            key = args.api_key_file.read_text(encoding="utf-8").strip()
        except OSError as err:
            raise SystemExit(f"kiosk editor: cannot read {args.api_key_file}: {err}") from err
    else:
        key = os.environ.get(API_KEY_ENV, "").strip()
    if not key:
        raise SystemExit(
            f"kiosk editor: --bridge needs an API key: --api-key-file F or ${API_KEY_ENV}"
        )
    from sync.authoring_client import AuthoringClient

    return AuthoringClient(args.bridge, key, ca_file=args.ca)


def cmd_editor(args: argparse.Namespace) -> int:
    from ui.app import display_problem
    from ui.editor import open_editor

    problem = display_problem("kiosk editor")
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from kiosk.errors import PackageError

    try:
        window = open_editor(
            args.package,
            product=args.product,
            operation=args.operation,
            bridge=_bridge(args),
            revision=args.revision,
            language=args.language,
        )
    except PackageError as err:
        print(f"kiosk editor: {err}", file=sys.stderr)
        return 2
    window.show()
    from ui.app import application

    return int(application().exec())


def cmd_diff(args: argparse.Namespace) -> int:
    from kiosk.authoring import Draft
    from kiosk.errors import PackageError
    from kiosk.revision_diff import diff_documents, render_text

    with tempfile.TemporaryDirectory(prefix="kiosk-diff-") as tmp:
        try:
            old = Draft.open(args.old, Path(tmp) / "old")
            new = Draft.open(args.new, Path(tmp) / "new")
        except PackageError as err:
            print(f"kiosk diff: {err}", file=sys.stderr)
            return 2
        diff = diff_documents(old.document, new.document)
    if args.json:
        print(json.dumps(dataclasses.asdict(diff), ensure_ascii=False, indent=2))
    else:
        print(render_text(diff, args.language))
    return 0
