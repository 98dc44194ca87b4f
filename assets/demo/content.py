# ruff: noqa: E501  (instruction prose reads better unbroken)
"""The demo's words: the P-200 / OP20 instruction document and the master data.

Steps are short imperatives in English, German and Spanish. Pictures are passed in by the
renderer (as media entries) so this file holds only content.
"""

from __future__ import annotations

import hashlib
from typing import Any

from kiosk.security import pin_problem

T = dict[str, str]


def t(en: str, de: str, es: str) -> T:
    return {"en": en, "de": de, "es": es}


GLOVES = {
    "level": "caution",
    "icon": "gloves",
    "text": t(
        "Wear cut-resistant gloves.", "Schnittschutzhandschuhe tragen.", "Use guantes anticorte."
    ),
}

COMPONENTS: list[dict[str, Any]] = [
    {
        "part": "MTR-200-075",
        "name": t("Motor 0.75 kW IE3 B14", "Motor 0,75 kW IE3 B14", "Motor 0,75 kW IE3 B14"),
        "quantity": 1,
        "tracking": "serial",
        "scan_pattern": r"^MTR75-(?P<serial>\d{8})$",
        "bin": "B-01",
    },
    {
        "part": "MS-200-16",
        "name": t("Mechanical seal 16 mm", "Gleitringdichtung 16 mm", "Sello mecánico 16 mm"),
        "quantity": 1,
        "tracking": "lot",
        "gtin": "04012345123456",
        "bin": "A-07",
    },
    {
        "part": "IMP-200-5B",
        "name": t(
            "Impeller, 5 blades, Ø142", "Laufrad, 5 Schaufeln, Ø142", "Rodete, 5 álabes, Ø142"
        ),
        "quantity": 1,
        "tracking": "lot",
        "scan_pattern": r"^IMP5B-L(?P<lot>\d{6})$",
        "bin": "A-03",
    },
    {
        "part": "VC-200",
        "name": t("Volute casing", "Spiralgehäuse", "Carcasa espiral"),
        "quantity": 1,
        "tracking": "serial",
        "scan_pattern": r"^P200-VC-(?P<serial>\d{6})$",
        "bin": "C-02",
    },
    {
        "part": "NUT-M12-A2",
        "name": t("Impeller nut M12", "Laufradmutter M12", "Tuerca del rodete M12"),
        "quantity": 1,
        "bin": "A-11",
    },
    {
        "part": "ORG-200-180",
        "name": t("O-ring 180×4 EPDM", "O-Ring 180×4 EPDM", "Junta tórica 180×4 EPDM"),
        "quantity": 1,
        "bin": "A-12",
    },
    {
        "part": "SCR-M10x35-8.8",
        "name": t(
            "Hex screw M10×35 8.8", "Sechskantschraube M10×35 8.8", "Tornillo hexagonal M10×35 8.8"
        ),
        "quantity": 4,
        "bin": "A-14",
    },
]


def build_document(
    pictures: dict[str, dict[str, Any]], video: dict[str, Any], drawing: dict[str, Any]
) -> dict[str, Any]:
    """The OP20 document; ``pictures`` maps scene name → media entry."""

    def pic(name: str) -> list[dict[str, Any]]:
        return [pictures[name]]

    steps: list[dict[str, Any]] = [
        {
            "id": "prepare",
            "kind": "instruction",
            "title": t("Prepare the workstation", "Arbeitsplatz vorbereiten", "Prepare el puesto"),
            "body": t(
                "1. Clean the bench and the fixture.\n2. Check the drawing **DWG-P200-OP20 rev C**.\n3. Keep the parts in the kit tray until each step asks for them.",
                "1. Werkbank und Vorrichtung reinigen.\n2. Zeichnung **DWG-P200-OP20 Rev. C** prüfen.\n3. Teile im Kommissionierkasten lassen, bis der Schritt sie verlangt.",
                "1. Limpie el banco y el útil.\n2. Revise el plano **DWG-P200-OP20 rev. C**.\n3. Deje las piezas en la bandeja hasta que el paso las pida.",
            ),
            "media": [*pic("prepare"), drawing],
        },
        {
            "id": "kit",
            "kind": "checklist",
            "title": t("Check the kit", "Bausatz prüfen", "Compruebe el kit"),
            "body": t(
                "Tick each compartment when the part is there and undamaged.",
                "Jedes Fach abhaken, wenn das Teil vorhanden und unbeschädigt ist.",
                "Marque cada compartimento si la pieza está y no tiene daños.",
            ),
            "media": pic("kit"),
            "spec": {
                "items": [
                    {"id": "motor", "text": t("(1) Motor", "(1) Motor", "(1) Motor")},
                    {
                        "id": "seal",
                        "text": t(
                            "(2) Mechanical seal", "(2) Gleitringdichtung", "(2) Sello mecánico"
                        ),
                    },
                    {"id": "impeller", "text": t("(3) Impeller", "(3) Laufrad", "(3) Rodete")},
                    {
                        "id": "fasteners",
                        "text": t(
                            "(4) Nut and 4 screws M10",
                            "(4) Mutter und 4 Schrauben M10",
                            "(4) Tuerca y 4 tornillos M10",
                        ),
                    },
                    {"id": "oring", "text": t("(5) O-ring", "(5) O-Ring", "(5) Junta tórica")},
                    {
                        "id": "casing",
                        "text": t("(6) Volute casing", "(6) Spiralgehäuse", "(6) Carcasa espiral"),
                    },
                ]
            },
        },
        {
            "id": "scan-motor",
            "kind": "scan",
            "title": t("Scan the motor", "Motor scannen", "Escanee el motor"),
            "body": t(
                "Scan the barcode on the motor's nameplate.",
                "Barcode auf dem Typenschild des Motors scannen.",
                "Escanee el código de barras de la placa del motor.",
            ),
            "media": pic("scan-motor"),
            "spec": {"part": "MTR-200-075"},
        },
        {
            "id": "mount-motor",
            "kind": "instruction",
            "title": t(
                "Put the motor in the fixture",
                "Motor in die Vorrichtung legen",
                "Coloque el motor en el útil",
            ),
            "body": t(
                "Lay the motor in the cradle, flange against the stop **(1)**, terminal box up.",
                "Motor in die Aufnahme legen, Flansch am Anschlag **(1)**, Klemmenkasten oben.",
                "Apoye el motor en la cuna, brida contra el tope **(1)**, caja de bornes arriba.",
            ),
            "warnings": [
                {
                    "level": "warning",
                    "icon": "heavy",
                    "text": t(
                        "18 kg: lift with the hoist.",
                        "18 kg: mit dem Hebezeug heben.",
                        "18 kg: levante con el polipasto.",
                    ),
                }
            ],
            "media": pic("mount-motor"),
        },
        {
            "id": "scan-seal",
            "kind": "scan",
            "title": t(
                "Scan the mechanical seal", "Gleitringdichtung scannen", "Escanee el sello mecánico"
            ),
            "body": t(
                "Scan the GS1 DataMatrix on the seal's box.",
                "GS1-DataMatrix auf dem Karton der Dichtung scannen.",
                "Escanee el GS1 DataMatrix de la caja del sello.",
            ),
            "media": pic("scan-seal"),
            "spec": {"part": "MS-200-16", "gtin": "04012345123456"},
        },
        {
            "id": "fit-seal",
            "kind": "instruction",
            "title": t(
                "Fit the mechanical seal", "Gleitringdichtung montieren", "Monte el sello mecánico"
            ),
            "body": t(
                "1. Wet the shaft with soapy water. No grease.\n2. Push the seal **(1)** onto the shaft until the seat touches the flange.\n3. Do not touch the sliding faces.",
                "1. Welle mit Seifenwasser benetzen. Kein Fett.\n2. Dichtung **(1)** bis zum Flansch auf die Welle schieben.\n3. Gleitflächen nicht berühren.",
                "1. Moje el eje con agua jabonosa. Sin grasa.\n2. Empuje el sello **(1)** por el eje hasta que el asiento toque la brida.\n3. No toque las caras de deslizamiento.",
            ),
            "warnings": [
                {
                    "level": "caution",
                    "icon": "info",
                    "text": t(
                        "Fingerprints on the seal faces cause leaks.",
                        "Fingerabdrücke auf den Gleitflächen führen zu Undichtigkeit.",
                        "Las huellas en las caras del sello causan fugas.",
                    ),
                }
            ],
            "media": pic("fit-seal"),
        },
        {
            "id": "scan-impeller",
            "kind": "scan",
            "title": t("Scan the impeller", "Laufrad scannen", "Escanee el rodete"),
            "body": t(
                "Scan the label on the impeller's bag.",
                "Etikett am Beutel des Laufrads scannen.",
                "Escanee la etiqueta de la bolsa del rodete.",
            ),
            "media": pic("scan-impeller"),
            "spec": {"part": "IMP-200-5B"},
        },
        {
            "id": "fit-impeller",
            "kind": "instruction",
            "title": t("Fit the impeller", "Laufrad montieren", "Monte el rodete"),
            "body": t(
                "1. Insert the key **(1)** in the keyway.\n2. Slide the impeller onto the shaft, eye facing out.\n3. Screw on the nut by hand.",
                "1. Passfeder **(1)** in die Nut legen.\n2. Laufrad auf die Welle schieben, Saugmund nach außen.\n3. Mutter von Hand aufschrauben.",
                "1. Coloque la chaveta **(1)** en el chavetero.\n2. Deslice el rodete en el eje, con el ojo hacia fuera.\n3. Enrosque la tuerca a mano.",
            ),
            "warnings": [
                {
                    "level": "caution",
                    "icon": "sharp",
                    "text": t(
                        "Sharp vane edges: wear gloves.",
                        "Scharfe Schaufelkanten: Handschuhe tragen.",
                        "Bordes de álabe cortantes: use guantes.",
                    ),
                }
            ],
            "media": pic("fit-impeller"),
        },
        {
            "id": "end-play",
            "kind": "measure",
            "title": t(
                "Measure the shaft end play",
                "Axialspiel der Welle messen",
                "Mida el juego axial del eje",
            ),
            "body": t(
                "1. Set the dial gauge on the shaft end and zero it.\n2. Push and pull the impeller along the axis.\n3. Enter the total travel.",
                "1. Messuhr am Wellenende ansetzen und nullen.\n2. Laufrad axial drücken und ziehen.\n3. Gesamtweg eingeben.",
                "1. Apoye el comparador en el extremo del eje y póngalo a cero.\n2. Empuje y tire del rodete en el eje.\n3. Introduzca el recorrido total.",
            ),
            "media": pic("end-play"),
            "spec": {
                "name": "shaft_end_play",
                "label": t("End play", "Axialspiel", "Juego axial"),
                "unit": "mm",
                "decimals": 2,
                "nominal": 0.12,
                "lower": 0.05,
                "upper": 0.20,
                "on_nok": ["retry", "rework", "scrap"],
                "max_retries": 2,
            },
        },
        {
            "id": "oring",
            "kind": "checklist",
            "title": t("Fit the O-ring", "O-Ring einlegen", "Coloque la junta tórica"),
            "media": pic("oring"),
            "spec": {
                "items": [
                    {
                        "id": "groove-clean",
                        "text": t(
                            "Groove clean and dry", "Nut sauber und trocken", "Ranura limpia y seca"
                        ),
                    },
                    {
                        "id": "ring-ok",
                        "text": t(
                            "O-ring without cuts", "O-Ring ohne Schnitte", "Junta sin cortes"
                        ),
                    },
                    {
                        "id": "seated",
                        "text": t(
                            "Seated all round, not twisted",
                            "Rundum eingelegt, nicht verdreht",
                            "Asentada en todo el contorno, sin torcer",
                        ),
                    },
                ]
            },
        },
        {
            "id": "scan-casing",
            "kind": "scan",
            "title": t("Scan the volute casing", "Spiralgehäuse scannen", "Escanee la carcasa"),
            "body": t(
                "Scan the plate on the casing.",
                "Schild am Gehäuse scannen.",
                "Escanee la placa de la carcasa.",
            ),
            "media": pic("scan-housing"),
            "spec": {"part": "VC-200"},
        },
        {
            "id": "fit-casing",
            "kind": "instruction",
            "title": t("Fit the volute casing", "Spiralgehäuse aufsetzen", "Monte la carcasa"),
            "body": t(
                "1. Slide the casing over the impeller.\n2. Turn it until the outlet points up, in line with the terminal box.\n3. Insert the 4 screws by hand.",
                "1. Gehäuse über das Laufrad schieben.\n2. Drehen, bis der Druckstutzen nach oben zeigt, fluchtend mit dem Klemmenkasten.\n3. Die 4 Schrauben von Hand eindrehen.",
                "1. Deslice la carcasa sobre el rodete.\n2. Gírela hasta que la salida apunte arriba, alineada con la caja de bornes.\n3. Enrosque los 4 tornillos a mano.",
            ),
            "warnings": [GLOVES],
            "media": pic("fit-housing"),
        },
        {
            "id": "torque-casing",
            "kind": "torque",
            "title": t(
                "Tighten the casing screws",
                "Gehäuseschrauben anziehen",
                "Apriete los tornillos de la carcasa",
            ),
            "body": t(
                "Tighten crosswise **1 → 2 → 3 → 4** with the nutrunner.",
                "Über Kreuz **1 → 2 → 3 → 4** mit dem Schrauber anziehen.",
                "Apriete en cruz **1 → 2 → 3 → 4** con el atornillador.",
            ),
            "media": [*pic("torque"), video],
            "spec": {
                "pset": 3,
                "count": 4,
                "torque_min": 24.0,
                "torque_max": 28.0,
                "angle_min": 20,
                "angle_max": 80,
                "max_retries": 2,
                "on_nok": ["retry", "rework", "override"],
            },
        },
        {
            "id": "leak-test",
            "kind": "pass_fail",
            "title": t("Leak test", "Dichtheitsprüfung", "Prueba de estanqueidad"),
            "body": t(
                "1. Fit the blanking plugs.\n2. Connect the air hose and press **Start** on the tester.\n3. Wait for the result (30 s at 6 bar).",
                "1. Blindstopfen setzen.\n2. Luftschlauch anschließen und am Prüfgerät **Start** drücken.\n3. Ergebnis abwarten (30 s bei 6 bar).",
                "1. Coloque los tapones ciegos.\n2. Conecte la manguera y pulse **Start** en el equipo.\n3. Espere el resultado (30 s a 6 bar).",
            ),
            "warnings": [
                {
                    "level": "warning",
                    "icon": "goggles",
                    "text": t(
                        "Pressurised air: wear safety glasses.",
                        "Druckluft: Schutzbrille tragen.",
                        "Aire a presión: use gafas de seguridad.",
                    ),
                }
            ],
            "media": pic("leak-test"),
            "spec": {
                "question": t(
                    "Does the tester show OK (pressure drop ≤ 20 mbar)?",
                    "Zeigt das Prüfgerät OK (Druckabfall ≤ 20 mbar)?",
                    "¿Indica el equipo OK (caída de presión ≤ 20 mbar)?",
                ),
                "on_nok": ["retry", "rework", "scrap"],
                "max_retries": 1,
            },
        },
        {
            "id": "final-inspection",
            "kind": "checklist",
            "title": t("Final inspection", "Endkontrolle", "Inspección final"),
            "media": pic("final-inspection"),
            "spec": {
                "items": [
                    {
                        "id": "nameplate",
                        "text": t(
                            "(1) Nameplate readable", "(1) Typenschild lesbar", "(1) Placa legible"
                        ),
                    },
                    {
                        "id": "screws",
                        "text": t(
                            "(2) 4 screws, torque marks",
                            "(2) 4 Schrauben, Drehmomentmarkierung",
                            "(2) 4 tornillos, marca de par",
                        ),
                    },
                    {
                        "id": "caps",
                        "text": t(
                            "(3) Port caps fitted",
                            "(3) Schutzkappen aufgesetzt",
                            "(3) Tapas de las bocas puestas",
                        ),
                    },
                    {
                        "id": "paint",
                        "text": t(
                            "(4) Paint undamaged", "(4) Lack unbeschädigt", "(4) Pintura sin daños"
                        ),
                    },
                ]
            },
        },
        {
            "id": "quality-release",
            "kind": "signoff",
            "title": t("Quality release", "Qualitätsfreigabe", "Liberación de calidad"),
            "body": t(
                "A quality inspector scans their badge to release the pump.",
                "Ein Prüfer der Qualitätssicherung scannt seinen Ausweis und gibt die Pumpe frei.",
                "Un inspector de calidad escanea su tarjeta para liberar la bomba.",
            ),
            "media": pic("signoff"),
            "spec": {
                "role": "quality",
                "meaning": t(
                    "Released for shipping", "Für den Versand freigegeben", "Liberada para envío"
                ),
                "independent": True,
            },
        },
    ]
    return {
        "id": "P200-OP20",
        "revision": 3,
        "status": "approved",
        "title": t(
            "P-200 pump: final assembly", "Pumpe P-200: Endmontage", "Bomba P-200: montaje final"
        ),
        "product": "P-200",
        "operation": "OP20",
        "target_cycle_s": 210,
        "default_language": "en",
        "languages": ["en", "de", "es"],
        "approved_by": "Aiko Tanaka",
        "approved_at": "2026-01-15T09:30:00Z",
        "change_note": "Rev 3: end play limits 0.05–0.20 mm; leak test at 6 bar.",
        "components": COMPONENTS,
        "steps": steps,
    }


def _demo_pin_hash(badge: str, pin: str) -> str:
    # Demo only: a salt derived from the badge keeps masterdata.json stable across rebuilds.
    # Real operators' PINs get a random salt (hash_pin). Same argon2id cost as hash_pin.
    from argon2 import DEFAULT_HASH_LENGTH, PasswordHasher, Type
    from argon2.low_level import hash_secret

    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    cost = PasswordHasher()
    return hash_secret(
        pin.encode(),
        hashlib.sha256(f"demo-salt/{badge}".encode()).digest()[:16],
        time_cost=cost.time_cost,
        memory_cost=cost.memory_cost,
        parallelism=cost.parallelism,
        hash_len=DEFAULT_HASH_LENGTH,
        type=Type.ID,
    ).decode("ascii")


OPERATORS = [
    # id, badge, name, language, roles, certifications, pin (badge digits + 01)
    ("op-maria", "B1001", "Maria Garcia", "es", ["operator"], [("OP20", "2027-12-31")], "100101"),
    ("op-jonas", "B1002", "Jonas Becker", "de", ["operator"], [("OP20", "2026-06-30")], "100201"),
    ("op-priya", "B1003", "Priya Nair", "en", ["operator"], [], "100301"),
    ("ll-tom", "B2001", "Tom Walker", "en", ["line_lead", "operator"], [("OP20", None)], "200101"),
    ("qa-aiko", "B3001", "Aiko Tanaka", "en", ["quality"], [], "300101"),
]

WORK_ORDERS = [
    # number, quantity, due in hours, priority, status, done, scrapped
    ("WO-10452", 120, 6, 1, "in_progress", 37, 1),
    ("WO-10453", 40, 20, 2, "released", 0, 0),
    ("WO-10455", 5, 3, 1, "released", 0, 0),
    ("WO-10460", 60, 44, 3, "in_progress", 12, 0),
    ("WO-10461", 25, 70, 4, "released", 0, 0),
]


def MASTERDATA(product_picture: str) -> dict[str, Any]:
    """masterdata.json: the same entity shapes the ERP bridge sends (see docs)."""
    return {
        "format": "kiosk-masterdata",
        "format_version": 1,
        "station": {
            "id": "ST-03",
            "name": "Final assembly",
            "line": "Line 2",
            "operations": ["OP20"],
        },
        "products": [
            {
                "code": "P-200",
                "name": "Centrifugal pump P-200",
                "description": "Close-coupled end-suction pump, 0.75 kW, Ø142 impeller",
                "picture": product_picture,
            }
        ],
        "operators": [
            {
                "id": oid,
                "badge": badge,
                "name": name,
                "language": lang,
                "roles": roles,
                "certifications": [{"operation": op, "expires": exp} for op, exp in certs],
                "pin_hash": _demo_pin_hash(badge, pin),
                "active": True,
            }
            for oid, badge, name, lang, roles, certs, pin in OPERATORS
        ],
        "work_orders": [
            {
                "number": number,
                "product": "P-200",
                "operation": "OP20",
                "quantity": qty,
                "due_in_hours": due,
                "priority": prio,
                "status": status,
                "done": done,
                "scrapped": scrapped,
                "station": "ST-03",
            }
            for number, qty, due, prio, status, done, scrapped in WORK_ORDERS
        ],
    }
