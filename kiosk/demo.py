"""The demo station's data: the demo instruction package and master data from assets/demo.

Due dates in ``masterdata.json`` are offsets from now (``due_in_hours``) so the work queue
always looks current.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.domain import InstructionRevision
from kiosk.package import load_package
from kiosk.paths import assets_dir
from kiosk.store import Store
from kiosk.store.events import rfc3339, utc_now
from kiosk.store.masterdata import apply_change, get_meta, import_package, set_meta


def demo_dir() -> Path:
    return assets_dir() / "demo"


def masterdata_records(path: Path, now: datetime) -> list[tuple[str, str, dict[str, Any]]]:
    """(entity, id, data) for every record of a master-data file."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    records: list[tuple[str, str, dict[str, Any]]] = []
    if "station" in doc:
        records.append(("station", doc["station"]["id"], doc["station"]))
    for p in doc.get("products", []):
        records.append(("product", p["code"], p))
    for o in doc.get("operators", []):
        records.append(("operator", o["id"], o))
    for raw in doc.get("work_orders", []):
        w = dict(raw)
        hours = w.pop("due_in_hours", None)
        if hours is not None:
            w["due"] = rfc3339(now + timedelta(hours=float(hours)))
        records.append(("work_order", w["number"], w))
    return records


def seed_demo(store: Store, media_dir: Path, now: datetime | None = None) -> InstructionRevision:
    """Load the demo package and master data into ``store`` (once; later calls are no-ops
    apart from returning the revision)."""
    now = now or utc_now()
    loaded = load_package(demo_dir() / "package")
    with store.read() as conn:
        seeded = get_meta(conn, "demo_seeded")
    rev = import_package(store, loaded, media_dir)
    if seeded:
        return rev
    records = masterdata_records(demo_dir() / "masterdata.json", now)
    with store.write() as conn:
        for entity, id_, data in records:
            apply_change(conn, entity, "upsert", id_, data)
        # Demo work orders start part-done so the queue shows progress bars.
        set_meta(conn, "demo_seeded", rfc3339(now))
    return rev


def demo_badges() -> list[tuple[str, str]]:
    """(button caption, badge) for every person in the demo master data, so the demo panel
    can log in (or sign off as) anyone without a real badge."""
    doc = json.loads((demo_dir() / "masterdata.json").read_text(encoding="utf-8"))
    out = []
    for o in doc.get("operators", []):
        first = str(o.get("name", o["badge"])).split()[0]
        roles = [r for r in o.get("roles", []) if r != "operator"]
        role = {"line_lead": "lead", "quality": "QA"}.get(roles[0], roles[0]) if roles else ""
        out.append(
            (f"{first} ({role}) {o['badge']}" if role else f"{first} {o['badge']}", o["badge"])
        )
    return out
