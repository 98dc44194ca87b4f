"""``kiosk-bridge`` commands against a SQLite bridge in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync.bridge.cli import main
from sync.bridge.service import Bridge

DEMO_PACKAGE = Path(__file__).resolve().parents[2] / "assets" / "demo" / "package"


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

    # A valid package: the demo's (the one validator refuses a half-written one, see
    # test_package_checks_agree).
    package = DEMO_PACKAGE
    doc = json.loads((package / "package.json").read_text(encoding="utf-8"))["document"]
    shas = sorted({m["sha256"] for s in doc["steps"] for m in s.get("media", ())})
    assert main(["instructions", "publish", str(package), *common]) == 0
    published = json.loads(capsys.readouterr().out)
    assert published["revisions"] == [f"{doc['id']}@{doc['revision']}"]
    assert sorted(published["media"]) == shas and shas

    assert main(["erp", "confirmations", "--since", "0", *common]) == 0
    assert capsys.readouterr().out == ""  # nothing produced yet

    bridge = Bridge.open(str(tmp_path / "data" / "bridge.db"), tmp_path / "data")
    try:
        assert bridge.station_for_token(token) == "ST-07"
        assert bridge.api_key_valid(key)
        assert bridge.get_record("work-orders", "WO-9") is not None
    finally:
        bridge.close()


def test_package_checks_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same broken package (limits swapped) gets the same messages from
    ``kiosk validate`` and from ``kiosk-bridge instructions publish``; nothing is stored."""
    import shutil

    from kiosk.cli import main as kiosk_main

    broken = tmp_path / "broken"
    shutil.copytree(DEMO_PACKAGE, broken)
    raw = json.loads((broken / "package.json").read_text(encoding="utf-8"))
    swapped = 0
    for step in raw["document"]["steps"]:
        spec = step.get("spec", {})
        for lo, hi in (("lower", "upper"), ("torque_min", "torque_max")):
            if isinstance(spec.get(lo), (int, float)) and isinstance(spec.get(hi), (int, float)):
                spec[lo], spec[hi] = spec[hi], spec[lo]
                swapped += 1
    assert swapped, "the demo package has limits to swap"
    (broken / "package.json").write_text(json.dumps(raw), encoding="utf-8")

    assert kiosk_main(["validate", str(broken)]) == 2
    kiosk_out = capsys.readouterr()
    common = ["--data", str(tmp_path / "data")]
    assert main(["instructions", "publish", str(broken), *common]) == 2
    bridge_err = capsys.readouterr().err

    def problems(text: str) -> list[str]:
        return sorted(
            line.strip() for line in text.splitlines() if line.strip().startswith("package.json:")
        )

    from_kiosk = problems(kiosk_out.out + kiosk_out.err)
    assert from_kiosk, kiosk_out
    assert len(from_kiosk) >= swapped
    assert problems(bridge_err) == from_kiosk
    bridge = Bridge.open(str(tmp_path / "data" / "bridge.db"), tmp_path / "data")
    try:
        assert (
            bridge.get_record(
                "instruction-revisions", f"{raw['document']['id']}@{raw['document']['revision']}"
            )
            is None
        )
        assert bridge.changes("ST-01", 0, 100).changes == []
    finally:
        bridge.close()


def test_instructions_list_shows_the_workflow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``kiosk-bridge instructions list``: status, author, signature (who, meaning, when,
    hash), publication and what replaced an obsolete revision; a draft package is refused."""
    from sync.protocol.revisions import ApprovalIn, Credential, DraftIn

    common = ["--data", str(tmp_path / "data")]
    assert main(["instructions", "publish", str(DEMO_PACKAGE), *common]) == 0
    capsys.readouterr()
    bridge = Bridge.open(str(tmp_path / "data" / "bridge.db"), tmp_path / "data")
    try:
        bridge.import_records(
            "operators",
            [
                {
                    "id": "E-1",
                    "badge": "E1",
                    "name": "Erin",
                    "roles": ["line_lead"],
                    "pin": "111111",
                },
                {
                    "id": "Q-1",
                    "badge": "Q1",
                    "name": "Quinn",
                    "roles": ["quality"],
                    "pin": "222222",
                },
            ],
        )
        doc = json.loads((DEMO_PACKAGE / "package.json").read_text())["document"]
        draft = doc | {"revision": doc["revision"] + 1, "change_note": "Rev 4: clearer"}
        saved = bridge.save_draft(
            DraftIn(document=draft, author=Credential(user="E1", pin="111111"))
        )
        bridge.approve(
            saved.key, ApprovalIn(user="Q1", pin="222222", content_sha256=saved.content_sha256)
        )
    finally:
        bridge.close()
    assert main(["instructions", "list", *common]) == 0
    new, old = capsys.readouterr().out.splitlines()
    assert new.startswith(f"{saved.key}  P-200 OP20  approved  by Erin; signed by Quinn")
    assert "(approved for production)" in new and saved.content_sha256[:16] in new
    assert "published" not in new  # signed, not yet released
    assert old.startswith(f"{doc['id']}@{doc['revision']}  P-200 OP20  approved")
    assert "approved in the package file by Aiko Tanaka; published" in old

    folder = tmp_path / "draft"
    folder.mkdir()
    pkg = json.loads((DEMO_PACKAGE / "package.json").read_text())
    pkg["document"] |= {"revision": 9, "status": "draft"}
    (folder / "package.json").write_text(json.dumps(pkg))
    (folder / "media").mkdir()
    for f in (DEMO_PACKAGE / "media").iterdir():
        (folder / "media" / f.name).write_bytes(f.read_bytes())
    assert main(["instructions", "publish", str(folder), *common]) == 2
    assert "draft_not_published" in capsys.readouterr().err
