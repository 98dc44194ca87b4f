"""A small plant in a fresh Tryton database, over its JSON-RPC only (what IT would click in
the Tryton client): company, a waste location, products with lot settings, a BOM, a
routing with one step, a work center and employees.

Run alone: ``python -m tests.erp.seed URL DATABASE USER PASSWORD_FILE``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync.bridge.erp.tryton_rpc import TrytonRpc

PRODUCT = "P300"  # the assembly
MOTOR = "MTR-9"  # serial-tracked input (lot required on storage/production moves)
SEAL = "SEAL-4"  # lot-tracked input
SCREW = "SCR-M5"  # untracked bulk input, 4 per unit
OPERATION = "OP10"


@dataclass
class Plant:
    company: int
    warehouse: int
    production_location: int
    storage: int
    waste: int
    products: dict[str, int]
    bom: int
    routing: int
    work_center: int
    employees: dict[str, int]


def _one(rpc: TrytonRpc, model: str, domain: list[Any]) -> int:
    ids = rpc.call(f"model.{model}.search", domain, 0, 1, None)
    assert ids, (model, domain)
    return int(ids[0])


def seed(rpc: TrytonRpc) -> Plant:
    currency = rpc.create(
        "currency.currency", [{"name": "Euro", "code": "EUR", "symbol": "€", "digits": 2}]
    )[0]
    party = rpc.create("party.party", [{"name": "Pump Works"}])[0]
    company = rpc.create("company.company", [{"party": party, "currency": currency}])[0]
    user = int(rpc.call("model.res.user.search", [["login", "=", rpc.user]], 0, 1, None)[0])
    rpc.write("res.user", [user], {"companies": [["add", [company]]], "company": company})
    rpc.login()  # the session's context now carries the company
    unit = _one(rpc, "product.uom", [["symbol", "=", "u"]])
    warehouse = _one(rpc, "stock.location", [["type", "=", "warehouse"]])
    wh = rpc.read("stock.location", [warehouse], ["production_location", "storage_location"])[0]
    waste = _one(rpc, "stock.location", [["type", "=", "lost_found"]])
    rpc.write("stock.location", [warehouse], {"waste_locations": [["add", [waste]]]})

    def product(code: str, name: str, lot_required: list[str]) -> int:
        tid = rpc.create(
            "product.template",
            [
                {
                    "name": name,
                    "code": code,
                    "type": "goods",
                    "default_uom": unit,
                    "producible": code == PRODUCT,
                    "lot_required": lot_required,
                    "products": [["create", [{}]]],
                }
            ],
        )[0]
        return int(rpc.read("product.template", [tid], ["products"])[0]["products"][0])

    lot_places = ["storage", "production"]
    products = {
        PRODUCT: product(PRODUCT, "Pump P300", lot_places),
        MOTOR: product(MOTOR, "Motor 0.9 kW", lot_places),
        SEAL: product(SEAL, "Shaft seal", lot_places),
        SCREW: product(SCREW, "Screw M5x12", []),
    }
    bom = rpc.create(
        "production.bom",
        [
            {
                "name": "Pump P300",
                "inputs": [
                    [
                        "create",
                        [
                            {"product": products[MOTOR], "quantity": 1, "unit": unit},
                            {"product": products[SEAL], "quantity": 1, "unit": unit},
                            {"product": products[SCREW], "quantity": 4, "unit": unit},
                        ],
                    ]
                ],
                "outputs": [
                    ["create", [{"product": products[PRODUCT], "quantity": 1, "unit": unit}]]
                ],
            }
        ],
    )[0]
    operation = rpc.create("production.routing.operation", [{"name": OPERATION}])[0]
    routing = rpc.create(
        "production.routing",
        [
            {
                "name": "Pump assembly",
                "steps": [["create", [{"operation": operation, "sequence": 10}]]],
                "boms": [["add", [bom]]],
            }
        ],
    )[0]
    rpc.create(
        "product.product-production.bom",
        [{"product": products[PRODUCT], "bom": bom, "routing": routing, "sequence": 1}],
    )
    work_center = rpc.create(
        "production.work.center",
        [
            {
                "name": "Assembly line 1",
                "company": company,
                "warehouse": warehouse,
                "cost_method": "hour",
                "cost_price": "30",
            }
        ],
    )[0]
    employees = {}
    for code, name in (("E100", "Maria Keller"), ("E900", "Tom Lead")):
        p = rpc.create("party.party", [{"name": name, "code": code}])[0]
        employees[code] = rpc.create("company.employee", [{"party": p, "company": company}])[0]
    return Plant(
        company=company,
        warehouse=warehouse,
        production_location=int(wh["production_location"]),
        storage=int(wh["storage_location"]),
        waste=waste,
        products=products,
        bom=bom,
        routing=routing,
        work_center=work_center,
        employees=employees,
    )


def new_production(rpc: TrytonRpc, plant: Plant, quantity: int, *, planned: Any = None) -> int:
    """A production of the assembly with its BOM and routing, set to waiting (Tryton
    explodes the BOM into input/output moves and the routing into works)."""
    unit = _one(rpc, "product.uom", [["symbol", "=", "u"]])
    values: dict[str, Any] = {
        "product": plant.products[PRODUCT],
        "bom": plant.bom,
        "routing": plant.routing,
        "work_center": plant.work_center,
        "quantity": quantity,
        "unit": unit,
        "company": plant.company,
        "warehouse": plant.warehouse,
        "location": plant.production_location,
    }
    if planned is not None:
        values["planned_date"] = planned
        values["planned_start_date"] = planned
    pid = rpc.create("production", [values])[0]
    moves = []
    for code, per_unit in ((MOTOR, 1), (SEAL, 1), (SCREW, 4)):
        moves.append(
            {
                "product": plant.products[code],
                "quantity": per_unit * quantity,
                "unit": unit,
                "from_location": plant.storage,
                "to_location": plant.production_location,
                "company": plant.company,
            }
        )
    out = {
        "product": plant.products[PRODUCT],
        "quantity": quantity,
        "unit": unit,
        "from_location": plant.production_location,
        "to_location": plant.storage,
        "company": plant.company,
        "unit_price": "0",
        "currency": rpc.read("company.company", [plant.company], ["currency"])[0]["currency"],
    }
    rpc.write("production", [pid], {"inputs": [["create", moves]], "outputs": [["create", [out]]]})
    rpc.button("production", "wait", [pid])
    return pid


def main(argv: list[str]) -> int:
    url, database, user, password_file = argv
    rpc = TrytonRpc(url, database, user, Path(password_file).read_text().strip())
    plant = seed(rpc)
    pid = new_production(rpc, plant, 3)
    number = rpc.read("production", [pid], ["number"])[0]["number"]
    print(f"production {number} (id {pid}) waiting: 3 x {PRODUCT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
