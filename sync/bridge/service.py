"""What the bridge does, without HTTP: the :class:`Bridge` facade over its concerns.

- :mod:`sync.bridge.registry`: stations, tokens, API keys, the hello;
- :mod:`sync.bridge.ingest`: pushes stored exactly once, events checked, refusals;
- :mod:`sync.bridge.projections`: units, genealogy, downtime from events;
- :mod:`sync.bridge.confirmations`: production confirmations and their feed;
- :mod:`sync.bridge.masterdata`: ERP records in, changes out to the stations;
- :mod:`sync.bridge.media`: media files and instruction packages;
- :mod:`sync.bridge.revisions`: the revision workflow (drafts, approval, feedback);
- :mod:`sync.bridge.queries`: as-built, recall, performance;
- :mod:`sync.bridge.base`: the state they share (database, data folder, epoch).

The FastAPI app (:mod:`sync.bridge.app`) and the CLI (:mod:`sync.bridge.cli`) are thin
layers over :class:`Bridge`; every public name this module offered before the split is
still importable from here.
"""

from __future__ import annotations

from pathlib import Path

from sync.bridge import db
from sync.bridge.base import (
    CLOCK_SKEW_LIMIT_S,
    EPOCH_FILE,
    BridgeBase,
    BridgeProblem,
    lenient,
    safe_json,
    sha256_text,
)
from sync.bridge.confirmations import (
    TORQUE_FIELDS,
    Confirmations,
    confirmation_id,
    cycle_stats,
    tightening,
)
from sync.bridge.ingest import Ingest
from sync.bridge.masterdata import (
    ACCEPT_LEGACY_PIN_HASHES,
    KIND_ALIASES,
    KINDS,
    MASTERDATA_FORMAT,
    MASTERDATA_VERSIONS,
    PIN_HASHER,
    BomIn,
    BomLine,
    MasterData,
    RoutingIn,
    RoutingStep,
    entity_id,
    kind_name,
    parse_csv,
    parse_import_file,
)
from sync.bridge.media import Media
from sync.bridge.projections import Projections
from sync.bridge.queries import Queries, as_built_record
from sync.bridge.registry import Registry
from sync.bridge.revisions import Revisions

__all__ = [
    "ACCEPT_LEGACY_PIN_HASHES",
    "CLOCK_SKEW_LIMIT_S",
    "EPOCH_FILE",
    "KINDS",
    "KIND_ALIASES",
    "MASTERDATA_FORMAT",
    "MASTERDATA_VERSIONS",
    "PIN_HASHER",
    "TORQUE_FIELDS",
    "BomIn",
    "BomLine",
    "Bridge",
    "BridgeBase",
    "BridgeProblem",
    "RoutingIn",
    "RoutingStep",
    "as_built_record",
    "confirmation_id",
    "cycle_stats",
    "entity_id",
    "kind_name",
    "lenient",
    "parse_csv",
    "parse_import_file",
    "safe_json",
    "sha256_text",
    "tightening",
]


class Bridge(Registry, Ingest, Projections, Confirmations, MasterData, Revisions, Media, Queries):
    """The bridge: one database (SQLite or PostgreSQL) and one data folder."""

    @classmethod
    def open(cls, url: str, data_dir: Path, *, pool_size: int = 10) -> Bridge:
        db.private_folder(data_dir)
        engine = db.make_engine(url, pool_size=pool_size)
        db.create_schema(engine)
        bridge = cls(engine, data_dir)
        bridge.check_epoch()
        return bridge
