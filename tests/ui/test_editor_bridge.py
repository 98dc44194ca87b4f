"""The editor with revisions kept on a real bridge (uvicorn on 127.0.0.1, a SQLite file):
build a revision from nothing, save it as a draft, have it signed by a second person (the
author's own signature refused first), publish it, and watch a real station pull it and run
a unit on it; operators' feedback comes back to the step. Then the demo package: change one
step, read the diff in the signing dialog, approve, publish."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain import StepKind
from sync.authoring_client import AuthoringClient
from sync.bridge.service import Bridge
from tests.helpers.authoring import DEMO, PEOPLE
from tests.sync.conftest import ServerThread

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@dataclass
class Live:
    bridge: Bridge
    server: ServerThread
    client: AuthoringClient

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    bridge = Bridge.open(f"sqlite:///{tmp_path / 'bridge.db'}", tmp_path / "bridge-data")
    bridge.import_records("operators", PEOPLE)
    bridge.import_records("products", [{"code": "P-900", "name": "Test pump"}])
    bridge.import_records(
        "stations", [{"id": "ST-01", "name": "Bench", "line": "L1", "operations": ["OP10"]}]
    )
    bridge.import_records(
        "work-orders",
        [{"number": "WO-900", "product": "P-900", "operation": "OP10", "quantity": 2}],
    )
    server = ServerThread(bridge)
    server.start()
    client = AuthoringClient(server.url, bridge.add_api_key("editor"), timeout=(2.0, 20.0))
    try:
        yield Live(bridge, server, client)
    finally:
        client.close()
        server.stop()
        bridge.close()


@pytest.fixture
def editor(qtbot: Any, live: Live) -> Iterator[Any]:
    from ui.editor import open_editor

    windows = []

    def make(package: Path | None, **kw: Any) -> Any:
        w = open_editor(package, bridge=live.client, **kw)
        qtbot.addWidget(w)
        w.resize(1600, 1000)
        w.show()
        windows.append(w)
        return w

    yield make
    from ui.i18n import Translations

    for w in windows:
        w.close()
    Translations(Path()).use("en")


def shot(widget: Any, name: str, tmp_path: Path) -> Path:
    """Render ``widget`` to a PNG (also into $KIOSK_EDITOR_SHOTS when set, to look at)."""
    folder = Path(os.environ.get("KIOSK_EDITOR_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    from ui.qt import QApplication

    for _ in range(3):  # let pending layout requests run, as a shown window does
        QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path


def fill_credentials(user: str, pin: str) -> None:
    """Answer the next credential dialog the way a person does."""
    from ui.qt import QApplication, QTimer

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "credential-dialog"
        dialog.fields.user.setText(user)  # type: ignore[attr-defined]
        dialog.fields.pin.setText(pin)  # type: ignore[attr-defined]
        dialog.accept()  # type: ignore[attr-defined]

    QTimer.singleShot(0, fill)


def sign(dialog: Any, user: str, pin: str) -> Any:
    dialog.fields.user.setText(user)
    dialog.fields.pin.setText(pin)
    return dialog.sign()


def station_pull(live: Live, root: Path) -> Any:
    from kiosk.store import open_store
    from sync.client import BridgeSession, SyncCoordinator

    store = open_store(root / "station.db")
    token = live.bridge.add_station("ST-01", "Bench")
    coordinator = SyncCoordinator(
        store,
        lambda: BridgeSession(live.url, "ST-01", token, timeout=(2.0, 10.0)),
        media_dir=root / "station-media",
        backoff_base_s=0.02,
        backoff_cap_s=0.5,
        interval_s=0.2,
    )
    coordinator.run_once()
    return store, coordinator


def test_from_nothing_to_a_unit_at_a_station(
    editor: Any, live: Live, qtbot: Any, tmp_path: Path
) -> None:
    from kiosk import autopilot
    from kiosk.authoring import next_draft
    from kiosk.engine import StationEngine
    from kiosk.store import masterdata as md
    from kiosk.store import queries

    w = editor(None, product="P-900", operation="OP10")
    actions = w.bridge_actions
    for kind in StepKind:
        if kind != StepKind.INSTRUCTION:
            w.add_step(kind)
    w.check()
    assert not w.errors, w.errors
    assert {s["kind"] for s in w.draft.document["steps"]} == {k.value for k in StepKind}
    key = "P-900-OP10@1"

    assert actions.approval_dialog() is None  # not on the bridge yet
    assert "Save the draft to the bridge first" in actions.message.text()

    fill_credentials("B-E01", "111111")
    info = actions.save_draft()
    assert info is not None and (info.key, info.status, info.author) == (key, "draft", "E-01")
    assert "is Draft, written by Erin Author" in actions.state.text()

    assert actions.publish() is None  # a draft is never published
    assert "A draft is never published" in actions.message.text()

    dialog = actions.approval_dialog()
    assert info.content_sha256 in dialog.findChild(type(actions.state), "approval-head").text()
    assert (
        "No revision of this operation was approved before"
        in dialog.findChild(type(actions.state), "approval-against").text()
    )
    assert sign(dialog, "E-01", "111111") is None
    assert "You wrote this revision" in dialog.message.text()
    dialog.show()
    shot(dialog, "editor-approval-refused", tmp_path)
    assert sign(dialog, "Q-01", "000000") is None
    assert "do not match anyone" in dialog.message.text()
    assert dialog.fields.pin.text() == ""  # a refused PIN is not kept
    signed = sign(dialog, "B-Q01", "222222")
    assert signed is not None and signed.approval.by == "Q-01"
    actions.signed(dialog)
    assert "Quinn Quality" in actions.state.text()
    assert w.draft.document["status"] == "approved"

    published = actions.publish()
    assert published is not None and published.published_at
    assert "the stations take it on their next pull" in actions.message.text()

    # A real station pulls it and runs a unit on it; its operator reports a problem.
    store, coordinator = station_pull(live, tmp_path)
    try:
        with store.read() as conn:
            current = md.current_revision(conn, "P-900", "OP10")
        assert current is not None and current.key == key
        engine = StationEngine(store)
        pilot = autopilot.default_operator(engine, autopilot.SimulatedInputs(random.Random(3), 0))
        steps = pilot.actions()
        assert next(a for a in steps if a == "start")
        unit = engine.unit
        assert unit is not None and unit.revision == key  # the unit pins the revision
        measure = next(s for s in w.draft.document["steps"] if s["kind"] == "measure")
        engine.report_problem("unclear", "Which side is measured?", step_id=measure["id"])

        # Meanwhile revision 2 is written, signed and published; the station pulls it.
        second = next_draft(w.draft.document)
        second["steps"][0]["title"]["en"] = "Read the work order first"
        rev2 = live.client.save_draft(second, w.draft.workdir / "media", "E-01", "111111")
        live.client.approve(rev2.key, rev2.content_sha256, "Q-01", "222222")
        live.client.publish(rev2.key, "Q-01", "222222")
        coordinator.run_once()
        with store.read() as conn:
            assert md.current_revision(conn, "P-900", "OP10").key == rev2.key  # type: ignore[union-attr]
            assert md.revision(conn, key).status.value == "obsolete"  # type: ignore[union-attr]
        # The unit started on revision 1 finishes on it.
        for _ in steps:
            pass
        with store.read() as conn:
            done = queries.unit(conn, unit.id)
        assert done is not None and done.state.value in ("completed", "scrapped")
        assert done.revision == key
        coordinator.run_once()
    finally:
        store.close()

    actions.refresh_feedback()
    index = w.draft.document["steps"].index(measure)
    w.steps.setCurrentRow(index + 1)
    panel = actions.panel
    assert panel.list.count() == 1
    text = panel.list.item(0).text()
    assert "Otto Operator (O-01)" in text and unit.serial in text and "Which side" in text
    assert "💬1" in w.steps.item(index + 1).text()

    # Answered in a new draft made from the newest revision (opened from the bridge):
    # revision 3, saved first, then marked.
    assert actions.open_key(rev2.key)
    assert "P-900-OP10@2 is Approved" in actions.state.text()
    w.make_next_draft()
    assert actions.save_draft() is not None  # the author is remembered for the session
    assert "Saving and publishing as B-E01" in actions.state.text()
    w.steps.setCurrentRow(index + 1)
    assert "on P-900-OP10@1, step measure" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    panel.answer_button.click()
    assert "Marked answered in P-900-OP10@3" in actions.message.text()
    w.steps.setCurrentRow(index + 1)
    assert "answered in P-900-OP10@3 by E-01" in panel.list.item(0).text()
    shot(w, "editor-feedback", tmp_path)


def test_demo_changed_diffed_approved_published(
    editor: Any, live: Live, qtbot: Any, tmp_path: Path
) -> None:
    live.bridge.publish_package(DEMO)  # revision 3 is at the stations
    doc = json.loads((DEMO / "package.json").read_text())["document"]
    old_key = f"{doc['id']}@{doc['revision']}"
    w = editor(None, revision=old_key)  # opened from the bridge
    actions = w.bridge_actions
    assert w.draft.document == doc | {"status": "approved"}
    assert "approved in the package file" in actions.state.text()

    # An approved revision is never changed on the bridge.
    w.draft.document["steps"][0]["title"]["en"] = "Changed in place"
    fill_credentials("E-01", "111111")
    assert actions.save_draft() is None
    assert "never changed" in actions.message.text()

    actions.open_key(old_key)
    w.make_next_draft()
    w.draft.document["steps"][1]["title"]["en"] = "Fit the impeller by hand"
    w.check()
    assert actions.save_draft() is not None  # E-01 remembered from the attempt above
    new_key = f"{doc['id']}@{doc['revision'] + 1}"

    dialog = actions.approval_dialog()
    assert (
        f"Changes against {old_key}"
        in dialog.findChild(type(actions.state), "approval-against").text()
    )
    changed = dialog.diff_view.diff.steps
    assert [(s.step_id, s.kinds) for s in changed] == [(doc["steps"][1]["id"], ("changed",))]
    dialog.show()
    shot(dialog, "editor-approval-diff", tmp_path)
    from kiosk.paths import assets_dir
    from ui.editor import i18n
    from ui.i18n import Translations

    assert Translations(assets_dir() / "i18n").use("de") and i18n.use("de")  # Qt's, editor's
    german = actions.approval_dialog()
    german.show()
    assert "für die Produktion freigegeben" in german.sign_button.text()
    shot(german, "editor-approval-diff-de", tmp_path)
    german.close()
    Translations(Path()).use("en")
    i18n.use("en")

    # Someone saves the draft again while the approver reads: the signature is refused.
    w.draft.document["steps"][1]["title"]["en"] = "Fit the impeller by hand, no tools"
    assert actions.save_draft() is not None
    assert sign(dialog, "Q-01", "222222") is None
    assert "changed on the bridge after you read it" in dialog.message.text()
    dialog = actions.approval_dialog()
    assert sign(dialog, "Q-01", "222222") is not None
    actions.signed(dialog)
    assert actions.publish() is not None

    listed = {r.key: r for r in live.client.revisions(product=doc["product"])}
    assert listed[old_key].status == "obsolete" and listed[old_key].obsoleted_by == new_key
    assert listed[new_key].status == "approved" and listed[new_key].approval.by == "Q-01"  # type: ignore[union-attr]

    # The open dialog lists both, with their signatures; rendered to look at.
    from ui.editor.bridge_view import OpenFromBridgeDialog

    chooser = OpenFromBridgeDialog(w, live.client)
    chooser.show()
    assert chooser.table.topLevelItemCount() == 2
    shot(chooser, "editor-open-from-bridge", tmp_path)

    # A bridge that refuses the editor's key says so where the person looks.
    stranger = AuthoringClient(live.url, "kb_not-a-key", timeout=(2.0, 5.0))
    refused = OpenFromBridgeDialog(w, stranger)
    assert "does not accept this editor's API key" in refused.message.text()
    assert refused.table.topLevelItemCount() == 0
    stranger.close()

    actions.sign_out()
    assert actions.author is None and "Saving and publishing as" not in actions.state.text()

    # The bridge goes down: a clear sentence in the bridge bar, nothing half done.
    live.server.stop()
    w.make_next_draft()
    fill_credentials("E-01", "111111")
    assert actions.save_draft() is None
    assert "The bridge cannot be reached" in actions.message.text()
    shot(w, "editor-bridge-down", tmp_path)


def _tr_literals(*modules: Path) -> set[str]:
    import ast

    found = set()
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr":
                arg = node.args[0]
                assert isinstance(arg, ast.Constant), f"{module}:{node.lineno}: tr of a variable"
                found.add(arg.value)
    return found


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_bridge_sentence_is_translated(qtbot: Any, language: str) -> None:
    import xml.etree.ElementTree as ET

    from kiosk.authoring import BridgeRefused
    from kiosk.paths import assets_dir
    from ui.editor.bridge_view import bridge_message
    from ui.i18n import Translations

    root = Path(__file__).resolve().parents[2] / "ui" / "editor"
    sources = _tr_literals(root / "bridge_view.py", root / "bridge_actions.py")
    tree = ET.parse(assets_dir() / "i18n" / f"kiosk_{language}.ts").getroot()
    context = next(c for c in tree.iter("context") if c.findtext("name") == "EditorBridge")
    done = {
        m.findtext("source"): m.findtext("translation")
        for m in context.iter("message")
        if m.findtext("translation")
    }
    assert sources - set(done) == set(), "untranslated"
    from ui.editor import i18n

    try:
        assert Translations(assets_dir() / "i18n").use(language) and i18n.use(language)
        text = bridge_message(BridgeRefused("author_cannot_approve", "…"))
        assert text.startswith(done[next(s for s in sources if s.startswith("You wrote"))])
    finally:
        Translations(Path()).use("en")
        i18n.use("en")
