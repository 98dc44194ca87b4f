"""Reason codes: what a scrap, rework, downtime, andon call or override is recorded with.

They are master data (the ``reason_code`` pull entity, contract 6), so the codes that go
into the record and the ERP are the plant's, never UI literals. A station that has
received none uses :data:`DEFAULT_REASON_CODES`, the demo plant's set.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.domain import localized


@dataclass(frozen=True)
class ReasonCode:
    kind: str  # scrap | rework | downtime | andon | override
    code: str
    label: Mapping[str, str]  # language → text; "en" always present

    def text(self, language: str) -> str:
        return localized(dict(self.label), language)

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> ReasonCode:
        return cls(str(doc["kind"]), str(doc["code"]), dict(doc["label"]))


def _r(kind: str, code: str, en: str, de: str, es: str) -> ReasonCode:
    return ReasonCode(kind, code, {"en": en, "de": de, "es": es})


DEFAULT_REASON_CODES: Sequence[ReasonCode] = (
    _r("andon", "material", "Material", "Material", "Material"),
    _r("andon", "quality", "Quality", "Qualität", "Calidad"),
    _r("andon", "maintenance", "Maintenance", "Instandhaltung", "Mantenimiento"),
    _r("andon", "help", "Help", "Hilfe", "Ayuda"),
    _r("downtime", "no_material", "No material", "Kein Material", "Sin material"),
    _r("downtime", "machine_fault", "Machine fault", "Maschinenstörung", "Avería de máquina"),
    _r("downtime", "break", "Break", "Pause", "Descanso"),
    _r(
        "downtime", "meeting", "Meeting / training", "Besprechung / Schulung", "Reunión / formación"
    ),
    _r("scrap", "damaged", "Damaged part", "Beschädigtes Teil", "Pieza dañada"),
    _r("scrap", "assembly_error", "Assembly error", "Montagefehler", "Error de montaje"),
    _r("scrap", "failed_test", "Failed test", "Prüfung nicht bestanden", "Prueba fallida"),
    _r("scrap", "other", "Other", "Sonstiges", "Otro"),
    _r("rework", "reassembled", "Reassembled", "Neu montiert", "Remontado"),
    _r("rework", "part_replaced", "Part replaced", "Teil ersetzt", "Pieza sustituida"),
    _r(
        "rework",
        "cleaned",
        "Cleaned and re-seated",
        "Gereinigt und neu eingesetzt",
        "Limpiado y reasentado",
    ),
    _r("rework", "other", "Other rework", "Andere Nacharbeit", "Otro retrabajo"),
    _r(
        "override",
        "within_drawing",
        "Within drawing tolerance",
        "Innerhalb der Zeichnungstoleranz",
        "Dentro de la tolerancia del plano",
    ),
    _r(
        "override",
        "engineering",
        "Engineering approval",
        "Freigabe durch die Technik",
        "Aprobación de ingeniería",
    ),
    _r("override", "retest_ok", "Retested OK", "Nachprüfung i. O.", "Reprobado OK"),
)


def reason_codes(stored: Sequence[Mapping[str, Any]], kind: str) -> list[ReasonCode]:
    """The station's reason codes of ``kind``: the stored master data if any of that kind
    came down, else the defaults."""
    mine = [ReasonCode.from_doc(d) for d in stored if d.get("kind") == kind]
    return mine or [r for r in DEFAULT_REASON_CODES if r.kind == kind]
