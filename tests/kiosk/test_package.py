"""Instruction packages: what `kiosk validate` / `kiosk import` accept and how they refuse."""

from __future__ import annotations

import copy
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import package as pkg
from kiosk.domain import RevisionStatus, StepKind, Tracking
from kiosk.errors import PackageError, PackageProblem
from kiosk.package import (
    MAX_MEDIA_BYTES,
    LoadedPackage,
    load_package,
    media_entry,
    revision_from_document,
    write_package,
    zip_package,
)

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "package"

# Small but real signatures: the loader checks magic bytes, not full decodability.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) + b"\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64


def _t(en: str) -> dict[str, str]:
    return {"en": en, "de": f"{en} (de)"}


def small_document() -> tuple[dict[str, Any], dict[str, bytes]]:
    """A valid two-language document using every step kind, and its media by sha256."""
    picture = media_entry(JPEG, "image", "jpg", _t("Exploded view"))
    drawing = media_entry(PDF, "pdf", "pdf")
    video = media_entry(MP4, "video", "mp4")
    document: dict[str, Any] = {
        "id": "T-100-OP10",
        "revision": 2,
        "status": "approved",
        "title": _t("Test assembly"),
        "product": "T-100",
        "operation": "OP10",
        "target_cycle_s": 120,
        "default_language": "en",
        "languages": ["en", "de"],
        "components": [
            {
                "part": "MOT-1",
                "name": _t("Motor"),
                "tracking": "serial",
                "scan_pattern": r"^MOT-1-(?P<serial>\d{6})$",
                "bin": "A1",
            },
            {
                "part": "SEAL-7",
                "name": _t("Seal"),
                "tracking": "lot",
                "gtin": "04012345000016",
            },
        ],
        "steps": [
            {
                "id": "intro",
                "kind": "instruction",
                "title": _t("Prepare"),
                "body": _t("Wipe the **bench**."),
                "media": [picture, drawing],
                "warnings": [{"level": "caution", "icon": "gloves", "text": _t("Gloves")}],
            },
            {
                "id": "check",
                "kind": "checklist",
                "title": _t("Check parts"),
                "spec": {
                    "items": [{"id": "a", "text": _t("Housing")}, {"id": "b", "text": _t("Bolts")}]
                },
            },
            {"id": "motor", "kind": "scan", "title": _t("Scan motor"), "spec": {"part": "MOT-1"}},
            {"id": "seal", "kind": "scan", "title": _t("Scan seal"), "spec": {"part": "SEAL-7"}},
            {
                "id": "play",
                "kind": "measure",
                "title": _t("End play"),
                "spec": {
                    "name": "end_play",
                    "unit": "mm",
                    "decimals": 2,
                    "nominal": 0.1,
                    "lower": 0.05,
                    "upper": 0.15,
                },
            },
            {
                "id": "leak",
                "kind": "pass_fail",
                "title": _t("Leak test"),
                "spec": {"question": _t("Tight?"), "on_nok": ["retry", "scrap"], "max_retries": 1},
            },
            {
                "id": "bolts",
                "kind": "torque",
                "title": _t("Tighten bolts"),
                "media": [video],
                "spec": {
                    "pset": 3,
                    "count": 4,
                    "torque_min": 22,
                    "torque_max": 26,
                    "angle_min": 30,
                    "angle_max": 90,
                },
            },
            {
                "id": "release",
                "kind": "signoff",
                "title": _t("Release"),
                "spec": {"role": "quality", "meaning": _t("Released"), "independent": True},
            },
        ],
    }
    media = {m["sha256"]: data for m, data in ((picture, JPEG), (drawing, PDF), (video, MP4))}
    return document, media


@pytest.fixture
def package_dir(tmp_path: Path) -> Path:
    document, media = small_document()
    return write_package(tmp_path / "pkg", document, media)


def problems_of(path: Path) -> list[PackageProblem]:
    with pytest.raises(PackageError) as info:
        load_package(path)
    assert info.value.problems, "a PackageError must list its problems"
    return info.value.problems


def find(problems: list[PackageProblem], file: str, path: str, *words: str) -> PackageProblem:
    """The problem at (file, path) whose reason holds every word; fail with all problems."""
    for p in problems:
        if p.file == file and p.path == path and all(w in p.reason for w in words):
            return p
    raise AssertionError(
        f"no problem {file}:{path} {words}; got:\n" + "\n".join(map(str, problems))
    )


def rewrite(folder: Path, mutate: Any) -> Path:
    """Apply ``mutate(raw_package_json)`` to the package.json in ``folder``."""
    path = folder / "package.json"
    raw = json.loads(path.read_text())
    mutate(raw)
    path.write_text(json.dumps(raw))
    return folder


# ---------------------------------------------------------------------------------- accepted


def test_demo_package_validates() -> None:
    loaded = load_package(DEMO)
    assert loaded.warnings == []
    assert loaded.revision.key == "P200-OP20@3"


def test_valid_package_loads_into_the_domain_revision(package_dir: Path) -> None:
    loaded = load_package(package_dir)
    rev = loaded.revision
    assert rev.key == "T-100-OP10@2"
    assert rev.status is RevisionStatus.APPROVED
    assert {s.kind for s in rev.steps} == set(StepKind)
    assert rev.component("MOT-1") is not None
    assert rev.component("MOT-1").tracking is Tracking.SERIAL  # type: ignore[union-attr]
    assert rev.step("check").checklist[1].text["en"] == "Bolts"
    assert rev.step("bolts").spec["pset"] == 3
    assert rev.step("leak").max_retries == 1
    assert rev.steps[0].media[0].type == "image"
    assert rev.steps[0].warnings[0].icon == "gloves"
    assert rev.languages == ("en", "de")
    assert set(loaded.media) == {m.sha256 for s in rev.steps for m in s.media}
    assert loaded.document["id"] == "T-100-OP10"
    assert loaded.warnings == []


def test_revision_from_document_matches_the_loaded_revision(package_dir: Path) -> None:
    loaded = load_package(package_dir)
    assert revision_from_document(loaded.document) == loaded.revision


def test_package_json_path_is_accepted(package_dir: Path) -> None:
    assert load_package(package_dir / "package.json").revision.product == "T-100"


def test_zip_round_trip_including_a_zipped_folder(package_dir: Path, tmp_path: Path) -> None:
    flat = zip_package(package_dir, tmp_path / "flat.zip")
    loaded = load_package(flat)
    assert loaded.document == load_package(package_dir).document
    assert dict(loaded.iter_media()) == dict(load_package(package_dir).iter_media())
    # The same bytes every time: publishing twice must not look like a change.
    assert zip_package(package_dir, tmp_path / "again.zip").read_bytes() == flat.read_bytes()

    nested = tmp_path / "nested.zip"
    with zipfile.ZipFile(flat) as src, zipfile.ZipFile(nested, "w") as dst:
        for info in src.infolist():
            dst.writestr(f"T-100/{info.filename}", src.read(info))
    assert load_package(nested).revision.key == "T-100-OP10@2"


def test_copy_media_to_writes_verified_files_and_is_repeatable(
    package_dir: Path, tmp_path: Path
) -> None:
    loaded = load_package(zip_package(package_dir, tmp_path / "p.zip"))
    target = tmp_path / "station-media"
    first = loaded.copy_media_to(target)
    assert sorted(p.name for p in first) == sorted(
        f"{m.sha256}.{m.suffix}" for m in loaded.media.values()
    )
    assert loaded.copy_media_to(target) == first
    assert not [p for p in target.iterdir() if p.name.endswith(".tmp")]


def test_copy_media_to_refuses_a_file_changed_after_validation(
    package_dir: Path, tmp_path: Path
) -> None:
    loaded = load_package(package_dir)
    media = next(m for m in loaded.media.values() if m.type == "pdf")
    assert media.path is not None
    media.path.write_bytes(PDF + b"tampered")
    target = tmp_path / "station-media"
    with pytest.raises(PackageError, match="changed after validation"):
        loaded.copy_media_to(target)
    assert not (target / f"{media.sha256}.pdf").exists()


def test_unreferenced_media_and_missing_translations_are_warnings(package_dir: Path) -> None:
    (package_dir / "media" / ("ab" * 32 + ".jpg")).write_bytes(JPEG)
    rewrite(package_dir, lambda raw: raw["document"]["steps"][0]["title"].pop("de"))
    loaded = load_package(package_dir)
    find(loaded.warnings, "media/" + "ab" * 32 + ".jpg", "", "No step references")
    find(loaded.warnings, "package.json", "document.steps[0].title", "Not translated to de")


# ---------------------------------------------------------------------------------- refused


def test_unknown_format_version_says_which_versions_this_kiosk_reads(package_dir: Path) -> None:
    rewrite(package_dir, lambda raw: raw.update(format_version=2))
    (problem,) = problems_of(package_dir)
    assert (problem.file, problem.path) == ("package.json", "format_version")
    assert "reads format_version 1" in problem.reason and "has 2" in problem.reason


def test_other_json_is_not_taken_for_a_package(package_dir: Path) -> None:
    rewrite(package_dir, lambda raw: raw.update(format="something-else"))
    find(problems_of(package_dir), "package.json", "format", "not an instruction package")


def test_missing_media(package_dir: Path) -> None:
    loaded = load_package(package_dir)
    video = next(m for m in loaded.media.values() if m.type == "video")
    assert video.path is not None
    video.path.unlink()
    find(problems_of(package_dir), video.name, "document.steps[6].media[0].file", "missing")


def test_media_whose_hash_does_not_match(package_dir: Path) -> None:
    loaded = load_package(package_dir)
    picture = next(m for m in loaded.media.values() if m.type == "image")
    assert picture.path is not None
    picture.path.write_bytes(JPEG[:-2] + b"XX")
    find(problems_of(package_dir), picture.name, "", "sha256", "damaged or was replaced")


def test_media_content_not_matching_its_type(package_dir: Path) -> None:
    data = b"not a pdf at all"
    entry = media_entry(data, "pdf", "pdf")
    (package_dir / entry["file"]).write_bytes(data)
    rewrite(package_dir, lambda raw: raw["document"]["steps"][1].update(media=[entry]))
    find(problems_of(package_dir), entry["file"], "", "not a .pdf file")


def test_media_name_must_carry_its_hash(package_dir: Path) -> None:
    def mutate(raw: dict[str, Any]) -> None:
        raw["document"]["steps"][0]["media"][0]["sha256"] = "0" * 64

    rewrite(package_dir, mutate)
    find(problems_of(package_dir), "package.json", "document.steps[0].media[0].file", "sha256")


def test_scan_step_naming_an_unknown_bom_item(package_dir: Path) -> None:
    rewrite(package_dir, lambda raw: raw["document"]["steps"][2]["spec"].update(part="MOT-9"))
    p = find(problems_of(package_dir), "package.json", "document.steps[2].spec.part", "'MOT-9'")
    assert "MOT-1" in p.reason and "SEAL-7" in p.reason  # the known parts help fix it


def test_all_problems_are_collected_at_once(package_dir: Path) -> None:
    def mutate(raw: dict[str, Any]) -> None:
        steps = raw["document"]["steps"]
        steps[1]["id"] = "intro"  # duplicate id
        steps[4]["spec"].update(lower=0.2)  # lower > upper
        steps[6]["spec"].update(torque_min=30)  # min > max
        steps[7]["title"] = {"de": "Freigabe"}  # no default language
        raw["document"]["components"][0]["scan_pattern"] = "^MOT-(?P<serial>["  # bad regex
        raw["document"]["status"] = "final"  # schema
        del raw["document"]["steps"][5]["spec"]["question"]  # schema

    problems = problems_of(rewrite(package_dir, mutate))
    find(problems, "package.json", "document.steps[1].id", "'intro'", "earlier step")
    find(problems, "package.json", "document.steps[4].spec.lower", "above the upper limit")
    find(problems, "package.json", "document.steps[6].spec.torque_min", "above torque_max")
    find(problems, "package.json", "document.steps[7].title", "no 'en' version")
    find(problems, "package.json", "document.components[0].scan_pattern", "does not compile")
    find(problems, "package.json", "document.status", '"final" is not allowed', '"approved"')
    find(problems, "package.json", "document.steps[5].spec", "'question' is missing")
    assert len(problems) == 7, "\n".join(map(str, problems))


def test_nominal_outside_limits_and_bad_gtin(package_dir: Path) -> None:
    def mutate(raw: dict[str, Any]) -> None:
        raw["document"]["steps"][4]["spec"]["nominal"] = 0.3
        raw["document"]["components"][1]["gtin"] = "04012345000018"

    problems = problems_of(rewrite(package_dir, mutate))
    find(problems, "package.json", "document.steps[4].spec.nominal", "outside the limits")
    find(problems, "package.json", "document.components[1].gtin", "check digit")


def test_invalid_json_names_line_and_column(package_dir: Path) -> None:
    path = package_dir / "package.json"
    path.write_bytes(path.read_bytes()[:200])
    find(problems_of(package_dir), "package.json", "", "not valid JSON", "line")


def test_nan_and_non_objects_are_refused(package_dir: Path) -> None:
    (package_dir / "package.json").write_text('{"format": NaN}')
    find(problems_of(package_dir), "package.json", "", "NaN")
    (package_dir / "package.json").write_text("[1, 2]")
    find(problems_of(package_dir), "package.json", "", "must be a JSON object")


def test_folder_without_package_json(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    find(problems_of(tmp_path / "empty"), "package.json", "", "no package.json")


def test_nonexistent_path(tmp_path: Path) -> None:
    find(problems_of(tmp_path / "nope.zip"), "nope.zip", "", "does not exist")


def test_truncated_zip(package_dir: Path, tmp_path: Path) -> None:
    data = zip_package(package_dir, tmp_path / "p.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(data[: len(data) // 2])
    find(problems_of(tmp_path / "cut.zip"), "cut.zip", "", "truncated or corrupt")


def test_corrupt_zip_member(package_dir: Path, tmp_path: Path) -> None:
    data = bytearray(zip_package(package_dir, tmp_path / "p.zip").read_bytes())
    # Flip bytes inside the first stored media member: the CRC check must catch it.
    at = data.index(b"\xff\xd8\xff\xe0") + 20
    data[at : at + 8] = b"\x00" * 8
    (tmp_path / "bad.zip").write_bytes(bytes(data))
    problems = problems_of(tmp_path / "bad.zip")
    assert any("corrupt" in p.reason or "sha256" in p.reason for p in problems), problems


def test_zip_slip_paths_are_refused(package_dir: Path, tmp_path: Path) -> None:
    evil = tmp_path / "evil.zip"
    shutil.copy(zip_package(package_dir, tmp_path / "p.zip"), evil)
    with zipfile.ZipFile(evil, "a") as zf:
        zf.writestr("../../etc/cron.d/x", b"boom")
        zf.writestr("/abs/path", b"boom")
    problems = problems_of(evil)
    find(problems, "evil.zip", "../../etc/cron.d/x", "zip-slip")
    find(problems, "evil.zip", "/abs/path", "zip-slip")


def test_absurd_sizes_are_refused(
    package_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zipped = zip_package(package_dir, tmp_path / "p.zip")
    monkeypatch.setattr(pkg._checks, "MAX_MEDIA_BYTES", 40)
    problems = problems_of(zipped)
    assert all("limit is 40" in p.reason for p in problems), problems
    assert {p.path for p in problems} >= {
        m["file"] for m in small_document()[0]["steps"][0]["media"]
    }
    monkeypatch.setattr(pkg._checks, "MAX_MEDIA_BYTES", MAX_MEDIA_BYTES)
    monkeypatch.setattr(pkg._checks, "MAX_ENTRIES", 2)
    find(problems_of(zipped), "p.zip", "", "entries; the limit is 2")


def test_problem_messages_are_sentences_with_a_next_action(package_dir: Path) -> None:
    rewrite(package_dir, lambda raw: raw["document"]["steps"][2]["spec"].update(part="X"))
    for p in problems_of(package_dir):
        assert p.reason.endswith("."), p
        assert str(p).startswith("package.json: document.steps[2].spec.part: ")


# ---------------------------------------------------------------------------------- fuzzing


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def fuzz_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A copy of the demo package whose package.json each example overwrites."""
    folder = tmp_path_factory.mktemp("fuzz") / "pkg"
    shutil.copytree(DEMO, folder)
    return folder, json.loads((folder / "package.json").read_text())


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_random_mutations_raise_nothing_but_package_error(
    fuzz_base: tuple[Path, dict[str, Any]], data: st.DataObject
) -> None:
    folder, original = fuzz_base
    raw = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(raw)))
        op = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if not path:
            raw = data.draw(json_values)
            continue
        parent = raw
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        if op == "replace":
            parent[key] = data.draw(json_values)
        elif op == "delete":
            del parent[key]
        elif isinstance(parent, list):
            parent.insert(key, copy.deepcopy(parent[key]))
        else:
            parent[key] = copy.deepcopy(parent)
        if not isinstance(raw, dict):
            break
    text = json.dumps(raw)
    if data.draw(st.booleans()):
        text = text[: data.draw(st.integers(0, len(text)))]
    (folder / "package.json").write_text(text)
    try:
        loaded = load_package(folder)
    except PackageError as err:
        assert all(isinstance(p, PackageProblem) and p.reason for p in err.problems)
    else:
        assert isinstance(loaded, LoadedPackage)
        assert revision_from_document(loaded.document) == loaded.revision
