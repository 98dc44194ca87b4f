"""The revision workflow on the bridge (SQLite and PostgreSQL): draft → approved → obsolete,
electronic signatures and their refusals, what the stations' pull sees, operators'
feedback; over HTTP with the editor's client."""

from __future__ import annotations

import copy
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.authoring import BridgeRefused
from kiosk.store.events import record
from sync.authoring_client import AuthoringClient
from sync.bridge.service import Bridge, BridgeProblem
from sync.protocol.revisions import ApprovalIn, Credential, DraftIn, content_sha256
from tests.helpers.authoring import DEMO, PEOPLE
from tests.sync.conftest import LiveBridge, Station, free_socket

AUTHOR = Credential(user="B-E01", pin="111111")


def demo_document() -> dict[str, Any]:
    return json.loads((DEMO / "package.json").read_text(encoding="utf-8"))["document"]


def with_media(bridge: Bridge) -> None:
    for f in sorted((DEMO / "media").iterdir()):
        bridge.add_draft_media(f.read_bytes(), sha256=f.name.split(".")[0], media_type="image/jpeg")


def refused(code: str, call: Any, *args: Any) -> BridgeProblem:
    with pytest.raises(BridgeProblem) as caught:
        call(*args)
    assert caught.value.code == code, caught.value.reason
    return caught.value


def station_revisions(bridge: Bridge) -> dict[str, str]:
    """What a station's pull sees: revision key → status (the last change per key)."""
    page = bridge.changes("ST-01", 0, 1000)
    return {
        c.id: c.data["document"]["status"]
        for c in page.changes
        if c.entity == "instruction_revision" and c.data
    }


@pytest.fixture
def bridge(bridge_db_url: str, tmp_path: Path) -> Any:
    b = Bridge.open(bridge_db_url, tmp_path / "data")
    b.import_records("operators", PEOPLE)
    yield b
    b.close()


def test_draft_approval_publish_and_obsolete(bridge: Bridge) -> None:
    published = bridge.publish_package(DEMO)  # revision 3, approved in its package file
    old_key = published["revisions"][0]
    doc = demo_document()
    draft = copy.deepcopy(doc)
    draft["revision"] = 4
    draft["steps"][0]["title"]["en"] = "Check the work order and the pump housing"
    with_media(bridge)

    saved = bridge.save_draft(DraftIn(document=draft, author=AUTHOR))
    key = saved.key
    assert (saved.status, saved.author, saved.author_name) == ("draft", "E-01", "Erin Author")
    assert saved.content_sha256 == content_sha256(draft)
    assert key not in station_revisions(bridge), "a draft reached the stations' pull"

    sign = ApprovalIn(user="B-Q01", pin="222222", content_sha256=saved.content_sha256)
    refused(
        "author_cannot_approve",
        bridge.approve,
        key,
        sign.model_copy(update={"user": "E-01", "pin": "111111"}),
    )
    refused(
        "not_approver",
        bridge.approve,
        key,
        sign.model_copy(update={"user": "O-01", "pin": "333333"}),
    )
    refused("wrong_pin", bridge.approve, key, sign.model_copy(update={"pin": "999999"}))
    refused("wrong_pin", bridge.approve, key, sign.model_copy(update={"user": "nobody"}))
    refused(
        "stale_content", bridge.approve, key, sign.model_copy(update={"content_sha256": "0" * 64})
    )
    refused("not_approved", bridge.publish_revision, key, AUTHOR)
    assert bridge.get_revision(key).status == "draft"  # type: ignore[union-attr]

    approved = bridge.approve(key, sign)
    sig = approved.signature
    assert approved.status == "approved" and sig is not None
    assert (sig.by, sig.by_name, sig.meaning, sig.kind) == (
        "Q-01",
        "Quinn Quality",
        "approved for production",
        "bridge",
    )
    assert sig.content_sha256 == saved.content_sha256 and sig.at
    assert key not in station_revisions(bridge), "approved is not yet released"
    refused("not_draft", bridge.approve, key, sign)

    # Never edited in place: a changed upload is refused, the same content is a no-op.
    changed = copy.deepcopy(draft)
    changed["steps"][0]["title"]["en"] = "Something else"
    refused("approved_is_final", bridge.save_draft, DraftIn(document=changed, author=AUTHOR))
    assert bridge.save_draft(DraftIn(document=draft, author=AUTHOR)).status == "approved"
    refused(
        "revision_too_low",
        bridge.save_draft,
        DraftIn(document=changed | {"revision": 2}, author=AUTHOR),
    )

    done = bridge.publish_revision(key, AUTHOR)
    assert done.published_at and done.published_by == "E-01"
    seen = station_revisions(bridge)
    assert seen == {old_key: "obsolete", key: "approved"}
    listed = {r.key: r for r in bridge.list_revisions(product=doc["product"])}
    assert listed[old_key].status == "obsolete" and listed[old_key].obsoleted_by == key
    assert listed[old_key].signature.kind == "package"  # type: ignore[union-attr]
    assert bridge.get_revision(key).document["approved_by"] == "Quinn Quality"  # type: ignore[union-attr]

    # A draft package file is never published the old way either; nothing is stored.
    tmp_draft = Path(bridge.data_dir) / "draft-pkg"
    shutil.copytree(DEMO, tmp_draft)
    pkg = json.loads((DEMO / "package.json").read_text())
    pkg["document"] |= {"revision": 5, "status": "draft"}
    (tmp_draft / "package.json").write_text(json.dumps(pkg))
    refused("draft_not_published", bridge.publish_package, tmp_draft)
    assert station_revisions(bridge) == seen


def test_five_wrong_pins_lock_signing(bridge: Bridge) -> None:
    with_media(bridge)
    draft = demo_document() | {"status": "draft"}
    saved = bridge.save_draft(DraftIn(document=draft, author=AUTHOR))
    wrong = ApprovalIn(user="Q-01", pin="000000", content_sha256=saved.content_sha256)
    for _ in range(5):
        refused("wrong_pin", bridge.approve, saved.key, wrong)
    locked = refused(
        "pin_locked", bridge.approve, saved.key, wrong.model_copy(update={"pin": "222222"})
    )
    assert "Quinn Quality" in locked.reason
    # A new PIN imported for the person unlocks signing.
    bridge.import_records("operators", [PEOPLE[1] | {"pin": "444444"}])
    assert (
        bridge.approve(saved.key, wrong.model_copy(update={"pin": "444444"})).status == "approved"
    )


def test_over_http_with_feedback_from_a_station(
    live_bridge: LiveBridge, station: Station, tmp_path: Path
) -> None:
    bridge = live_bridge.bridge
    bridge.import_records("operators", PEOPLE)
    client = AuthoringClient(live_bridge.url, live_bridge.api_key)
    draft = demo_document() | {"status": "draft"}
    info = client.save_draft(draft, DEMO / "media", "B-E01", "111111")
    assert info.status == "draft"
    assert info.content_sha256 == client.content_hash(draft)
    with pytest.raises(BridgeRefused) as caught:
        client.approve(info.key, info.content_sha256, "E-01", "111111")
    assert caught.value.code == "author_cannot_approve" and caught.value.status == 403
    with pytest.raises(BridgeRefused) as caught:
        client.publish(info.key, "E-01", "111111")
    assert caught.value.code == "not_approved"
    signed = client.approve(info.key, info.content_sha256, "Q-01", "222222")
    assert signed.approval is not None and signed.approval.by == "Q-01"
    client.publish(info.key, "Q-01", "222222")

    # The station pulls the approved revision and its media, then reports a problem.
    coordinator = station.coordinator(live_bridge.url)
    coordinator.run_once()
    from kiosk.store import masterdata as md

    with station.store.read() as conn:
        current = md.current_revision(conn, draft["product"], draft["operation"])
    assert current is not None and current.key == info.key
    with station.store.write() as conn:
        record(
            conn,
            "instruction.feedback",
            {
                "revision": info.key,
                "step_id": draft["steps"][1]["id"],
                "category": "picture",
                "text": "The picture shows the old housing",
                "unit_id": "U-1",
                "serial": "SN-0001",
            },
            operator_id="O-01",
            occurred_at=datetime.now(UTC),
        )
    coordinator.run_once()
    items = client.feedback(draft["id"])
    assert [(i.step_id, i.operator, i.unit, i.station) for i in items] == [
        (draft["steps"][1]["id"], "Otto Operator (O-01)", "SN-0001", "ST-01")
    ]
    assert client.revisions(product=draft["product"])[0].open_feedback == 1

    # Answered in the next revision (saved as a draft first); the answer is recorded.
    nxt = draft | {"revision": draft["revision"] + 1}
    with pytest.raises(BridgeRefused) as caught:
        client.answer(items[0].id, nxt["id"] + "@99", "E-01", "111111")
    assert caught.value.code == "unknown_revision"
    answer_in = client.save_draft(nxt, DEMO / "media", "E-01", "111111").key
    done = client.answer(items[0].id, answer_in, "E-01", "111111", "new picture")
    assert (done.answered_in, done.answered_by) == (answer_in, "E-01")

    # Opening a revision from the bridge brings its media, checked by hash.
    document, opened = client.open_revision(info.key, tmp_path / "opened" / "media")
    assert opened.status == "approved" and document["status"] == "approved"
    assert {p.name for p in (tmp_path / "opened" / "media").iterdir()} <= {
        p.name for p in (DEMO / "media").iterdir()
    }
    client.close()


def test_a_bridge_that_is_down() -> None:
    sock = free_socket()
    port = sock.getsockname()[1]
    sock.close()
    client = AuthoringClient(f"http://127.0.0.1:{port}", "key", timeout=(0.5, 1.0))
    with pytest.raises(BridgeRefused) as caught:
        client.revisions()
    assert caught.value.code == "bridge_down" and str(port) in caught.value.reason


def test_a_draft_video_larger_than_a_request_body(live_bridge: LiveBridge) -> None:
    """A draft's media may exceed the 8 MiB body limit of every other request (streamed to
    disk); the limit still holds elsewhere, and a file that hashes otherwise is refused."""
    import hashlib
    import os

    import httpx

    content = os.urandom(9 * 1024 * 1024)
    sha = hashlib.sha256(content).hexdigest()
    headers = {"X-API-Key": live_bridge.api_key, "Content-Type": "video/mp4"}
    url = f"{live_bridge.url}/api/v1/authoring/media"
    stored = httpx.put(f"{url}/{sha}", content=content, headers=headers, timeout=30)
    assert stored.status_code == 200 and stored.json() == {"sha256": sha, "size": len(content)}
    assert live_bridge.bridge.media_path(sha).read_bytes() == content
    wrong = httpx.put(f"{url}/{'0' * 64}", content=content, headers=headers, timeout=30)
    assert wrong.status_code == 422 and wrong.json()["code"] == "hash_mismatch"
    elsewhere = httpx.put(
        f"{live_bridge.url}/api/v1/erp/media/{sha}", content=content, headers=headers, timeout=30
    )
    assert elsewhere.status_code == 413
    assert sha not in station_revisions(live_bridge.bridge)  # nothing offered to stations
    assert live_bridge.bridge.changes("ST-01", 0, 100).changes == []


def test_two_approvers_at_once_sign_once(bridge: Bridge) -> None:
    """Two approvers press Sign at the same moment: one signature is recorded, the other is
    told the revision is already signed (never two signatures, never a 5xx)."""
    from concurrent.futures import ThreadPoolExecutor

    bridge.import_records(
        "operators",
        [
            {
                "id": "Q-02",
                "badge": "B-Q02",
                "name": "Rae Quality",
                "roles": ["quality"],
                "pin": "555555",
            }
        ],
    )
    with_media(bridge)
    saved = bridge.save_draft(
        DraftIn(document=demo_document() | {"status": "draft"}, author=AUTHOR)
    )

    def sign(user: str, pin: str) -> str:
        try:
            body = ApprovalIn(user=user, pin=pin, content_sha256=saved.content_sha256)
            return f"signed:{bridge.approve(saved.key, body).signature.by}"  # type: ignore[union-attr]
        except BridgeProblem as err:
            return err.code

    with ThreadPoolExecutor(2) as pool:
        results = sorted(pool.map(sign, ["Q-01", "Q-02"], ["222222", "555555"]))
    assert results[0] == "not_draft" and results[1].startswith("signed:"), results
    signer = results[1].split(":", 1)[1]
    assert bridge.get_revision(saved.key).signature.by == signer  # type: ignore[union-attr]
