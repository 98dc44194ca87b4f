"""The core commands as IT and line leads run them: real subprocesses, real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk import __version__
from kiosk.paths import assets_dir

DEMO = assets_dir() / "demo" / "package"


def kiosk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_version() -> None:
    out = kiosk("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"kiosk {__version__}"


def test_validate_the_demo_package() -> None:
    out = kiosk("validate", str(DEMO))
    assert out.returncode == 0, out.stderr
    assert "valid" in out.stdout and "P200-OP20@3" in out.stdout


def test_validate_a_broken_package_names_file_path_and_reason(tmp_path: Path) -> None:
    broken = tmp_path / "pkg"
    shutil.copytree(DEMO, broken)
    doc = json.loads((broken / "package.json").read_text())
    doc["document"]["steps"][8]["spec"]["lower"] = 5
    media = sorted((broken / "media").iterdir())[0]
    media.write_bytes(media.read_bytes()[:100])
    (broken / "package.json").write_text(json.dumps(doc))
    out = kiosk("validate", str(broken), "--json")
    assert out.returncode == 2
    problems = json.loads(out.stdout)["problems"]
    assert any(p["path"].startswith("document.steps[8].spec") for p in problems)
    assert any(p["file"] == f"media/{media.name}" and "sha256" in p["reason"] for p in problems)
    human = kiosk("validate", str(broken))
    assert human.returncode == 2 and "INVALID" in human.stderr


def test_import_is_all_or_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "pkg"
    shutil.copytree(DEMO, broken)
    (broken / "package.json").write_text('{"format": "kiosk-instructions", "format_versi')
    out = kiosk("import", str(broken))
    assert out.returncode == 2 and "nothing imported" in out.stderr
    ok = kiosk("import", str(DEMO))
    assert ok.returncode == 0, ok.stderr
    assert "imported P200-OP20@3" in ok.stdout
    check = kiosk("db", "check")
    report = json.loads(check.stdout)
    assert check.returncode == 0 and report["ok"] and report["integrity"] == "ok"


def test_autopilot_prints_a_json_summary() -> None:
    out = kiosk("autopilot", "--units", "5", "--seed", "2")
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["units"] == 5 and summary["completed"] + summary["scrapped"] == 5
    assert summary["events"] > 50
    bad = kiosk("autopilot", "--units", "0")
    assert bad.returncode == 2 and "at least 1" in bad.stderr


def test_db_check_and_backup(tmp_path: Path) -> None:
    assert kiosk("db", "check").returncode == 1  # no database yet: says so
    assert kiosk("import", str(DEMO)).returncode == 0
    out = kiosk("db", "backup", str(tmp_path / "b" / "station-copy.db"))
    assert out.returncode == 0 and (tmp_path / "b" / "station-copy.db").exists()
    data = Path(os.environ["KIOSK_DATA_DIR"]) / "station.db"
    data.write_bytes(b"garbage" * 1000)
    out = kiosk("db", "check")
    assert out.returncode == 1 and "damaged" in out.stderr
