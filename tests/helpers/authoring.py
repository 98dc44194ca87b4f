"""The people of the authoring tests (a line lead who writes, a quality approver, an
operator certified for OP10) and the demo package they work on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "package"

PEOPLE: list[dict[str, Any]] = [
    {
        "id": "E-01",
        "badge": "B-E01",
        "name": "Erin Author",
        "roles": ["line_lead"],
        "pin": "111111",
    },
    {
        "id": "Q-01",
        "badge": "B-Q01",
        "name": "Quinn Quality",
        "roles": ["quality"],
        "pin": "222222",
    },
    {
        "id": "O-01",
        "badge": "B-O01",
        "name": "Otto Operator",
        "roles": ["operator"],
        "pin": "333333",
        "certifications": [{"operation": "OP10", "expires": None}],
    },
]
