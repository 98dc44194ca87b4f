"""``kiosk-bridge`` commands against a SQLite bridge in tmp_path."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sync.bridge.cli import main
from sync.bridge.service import Bridge


def test_bridge_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    common = ["--data", str(tmp_path / "data")]
    assert main(["station", "add", "ST-07", "--name", "Pack", *common]) == 0
    token = capsys.readouterr().out.strip()
    assert len(token) > 30
    assert main(["apikey", "add", "sap", *common]) == 0
    key = capsys.readouterr().out.strip()
    assert key.startswith("kb_")

    orders = tmp_path / "work-orders-2026-11-24.csv"
    orders.write_text("number,product,operation,quantity\nWO-9,T-100,OP10,12\n")
    assert main(["erp", "import", str(orders), *common]) == 0
    assert json.loads(capsys.readouterr().out)["upserted"] == 1
    bad = tmp_path / "products.json"
    bad.write_text('{"kind": "products", "items": [{"code": "X"}]}')
    assert main(["erp", "import", str(bad), *common]) == 2
    assert "invalid_records" in capsys.readouterr().err

    package = tmp_path / "package"
    (package / "media").mkdir(parents=True)
    picture = b"\xff\xd8 picture"
    sha = hashlib.sha256(picture).hexdigest()
    (package / "media" / f"{sha}.jpg").write_bytes(picture)
    document = {
        "id": "WI-1",
        "revision": 3,
        "product": "T-100",
        "operation": "OP10",
        "steps": [{"id": "s1", "media": [{"sha256": sha, "file": f"media/{sha}.jpg"}]}],
    }
    (package / "package.json").write_text(
        json.dumps({"format": "kiosk-instructions", "format_version": 1, "document": document})
    )
    assert main(["instructions", "publish", str(package), *common]) == 0
    published = json.loads(capsys.readouterr().out)
    assert published["revisions"] == ["WI-1@3"] and published["media"] == [sha]

    assert main(["erp", "confirmations", "--since", "0", *common]) == 0
    assert capsys.readouterr().out == ""  # nothing produced yet

    bridge = Bridge.open(str(tmp_path / "data" / "bridge.db"), tmp_path / "data")
    try:
        assert bridge.station_for_token(token) == "ST-07"
        assert bridge.api_key_valid(key)
        assert bridge.get_record("work-orders", "WO-9") is not None
    finally:
        bridge.close()
