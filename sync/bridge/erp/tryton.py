"""Tryton as the ERP, over its JSON-RPC (:mod:`sync.bridge.erp.tryton_rpc`).

Down: products with a BOM (inputs, quantities; lot-tracked from the template's
``lot_required``, serials from ``serial_products``), routings' steps as operations,
productions in waiting/assigned/running as work orders, employees as operators (no PIN).

Up, per unit of a confirmation, in one Tryton transaction (``production.write``): its
output move with the unit's serial as lot (to the warehouse's waste location when
scrapped), its consumed components as input moves with their lots/serials, and a draft
work cycle on the routing step's work. A unit is booked iff an output move of the
production carries its serial as lot: that is the idempotency key, checked before each
write, so a crash between Tryton's commit and our checkpoint never books twice. Then,
idempotent by state: the production is run at its first unit, the pending cycle is run,
given its duration and done; once per round (:meth:`TrytonAdapter.finish`) the running
productions consume the round's new inputs (waiting/assigning/running them again, Tryton's
only way, which goes over all their moves: once per round, not per unit) and are set done
when their good outputs reach their quantity. Every lookup of a booking goes by domain (the
unit's serials, the moves not consumed yet), not by reading the production's moves.

Tryton consumes a production's planned inputs when it runs, and refuses lot-required moves
without a lot, so at the first unit the planned, lot-less moves of lot-required products
are replaced by what the station scanned, unit by unit.

Why one module of ~580 lines, not split: down and up share the Tryton model names, the
field mapping and the idempotency checks; split, the booking's invariant (a unit is booked
iff an output move carries its serial) would be spread over files.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sync.bridge.erp import feed
from sync.bridge.erp.base import (
    BookingAdapter,
    ErpRejected,
    PullReport,
)
from sync.bridge.erp.config import ErpConfig
from sync.bridge.erp.tryton_rpc import TrytonRpc
from sync.bridge.service import Bridge

log = logging.getLogger("sync.bridge.erp.tryton")

ACTIVE = ("waiting", "assigned", "running")
STATUS = {
    "waiting": "released",
    "assigned": "released",
    "running": "in_progress",
    "done": "completed",
    "cancelled": "cancelled",
    "draft": "on_hold",
    "request": "on_hold",
}


def _due(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, 23, 59, tzinfo=dt.UTC).isoformat()
    return None


class TrytonAdapter(BookingAdapter):
    name = "tryton"

    def __init__(self, config: ErpConfig, bridge: Bridge) -> None:
        self.config = config
        self.bridge = bridge
        self.rpc = TrytonRpc(
            config.url, config.database, config.user, config.password(), timeout_s=config.timeout_s
        )
        self._product_ids: dict[str, int] = {}
        self._product_info: dict[int, dict[str, Any]] = {}
        self._places: dict[tuple[int, int], tuple[int, int, list[int]]] = {}
        self._waste: list[int] | None = None
        self._works: dict[tuple[int, str], int | None] = {}  # (production, operation)
        self._required: dict[int, list[str]] = {}  # production → lot-required parts

    def close(self) -> None:
        self.rpc.close()

    def health(self) -> dict[str, Any]:
        self.rpc.login()
        return {"ok": True, "url": self.config.url, "database": self.config.database}

    # --- down ------------------------------------------------------------------------

    def _products(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """Code, name and lot settings of products (cached for one round of bookings)."""
        missing = sorted(set(ids) - set(self._product_info))
        if not missing:
            return {i: self._product_info[i] for i in ids}
        rows = self.rpc.read("product.product", missing, ["code", "rec_name", "template"])
        templates = {
            t["id"]: t
            for t in self.rpc.read(
                "product.template",
                sorted({r["template"] for r in rows}),
                ["name", "lot_required", "default_uom"],
            )
        }
        out = {}
        for r in rows:
            t = templates[r["template"]]
            out[r["id"]] = {
                "code": r["code"] or f"tryton-{r['id']}",
                "name": t["name"] or r["rec_name"],
                "lot_required": list(t["lot_required"] or []),
                "uom": t["default_uom"],
            }
            self._product_ids[out[r["id"]]["code"]] = r["id"]
        self._product_info.update(out)
        return {i: self._product_info[i] for i in ids}

    def _tracking(self, product: dict[str, Any]) -> str:
        if not product["lot_required"]:
            return "none"
        return "serial" if product["code"] in self.config.serial_products else "lot"

    def pull(self, memory: dict[str, Any]) -> PullReport:
        rpc = self.rpc
        report = PullReport()
        self._product_info.clear()  # lot settings and places are read afresh each pull
        self._places.clear()
        self._waste = None
        links = rpc.search_read(
            "product.product-production.bom",
            [],
            ["product", "bom", "routing", "sequence"],
            order=[["sequence", "ASC"], ["id", "ASC"]],
        )
        first: dict[int, dict[str, Any]] = {}
        for link in links:
            first.setdefault(link["product"], link)
        boms = {
            b["id"]: b
            for b in rpc.read(
                "production.bom", sorted({ln["bom"] for ln in first.values()}), ["inputs"]
            )
        }
        bom_inputs = {
            i["id"]: i
            for i in rpc.read(
                "production.bom.input",
                sorted({i for b in boms.values() for i in b["inputs"]}),
                ["product", "quantity"],
            )
        }
        routing_ids = sorted({ln["routing"] for ln in first.values() if ln["routing"]})
        step_rows = (
            rpc.search_read(
                "production.routing.step",
                [["routing", "in", routing_ids]],
                ["routing", "operation", "sequence"],
                order=[["sequence", "ASC"], ["id", "ASC"]],
            )
            if routing_ids
            else []
        )
        op_names = {
            o["id"]: o["name"]
            for o in (
                rpc.read(
                    "production.routing.operation",
                    sorted({s["operation"] for s in step_rows}),
                    ["name"],
                )
                if step_rows
                else []
            )
        }
        steps: dict[int, list[dict[str, Any]]] = {}
        for s in step_rows:
            steps.setdefault(s["routing"], []).append(
                {
                    "operation": op_names[s["operation"]],
                    "name": op_names[s["operation"]],
                    "sequence": s["sequence"] or 0,
                }
            )
        products = self._products(list(first) + [i["product"] for i in bom_inputs.values()])
        product_records, bom_records, routing_records = [], [], []
        for pid, link in first.items():
            p = products[pid]
            product_records.append({"code": p["code"], "name": p["name"]})
            bom_records.append(
                {
                    "product": p["code"],
                    "components": [
                        {
                            "part": products[bom_inputs[i]["product"]]["code"],
                            "quantity": bom_inputs[i]["quantity"],
                            "tracking": self._tracking(products[bom_inputs[i]["product"]]),
                        }
                        for i in boms[link["bom"]]["inputs"]
                    ],
                }
            )
            if link["routing"]:
                routing_records.append(
                    {"product": p["code"], "operations": steps.get(link["routing"], [])}
                )
        for kind, items in (
            ("products", product_records),
            ("boms", bom_records),
            ("routings", routing_records),
        ):
            if items:
                report.add(kind, feed.import_master_data(self.bridge, kind, items).upserted)

        # Employees as operators (no PIN comes from Tryton).
        employees = rpc.search_read("company.employee", [], ["party"])
        parties = {
            p["id"]: p
            for p in (
                rpc.read("party.party", sorted({e["party"] for e in employees}), ["name", "code"])
                if employees
                else []
            )
        }
        operators = []
        pins = self.config.pin_hashes()
        for e in employees:
            party = parties[e["party"]]
            code = party["code"] or f"E{e['id']}"
            operators.append(
                {
                    "id": code,
                    "badge": code,
                    "name": party["name"],
                    "roles": self.config.roles.get(code, ["operator"]),
                    "pin_hash": pins.get(code),
                }
            )
        if operators:
            report.add(
                "operators", feed.import_master_data(self.bridge, "operators", operators).upserted
            )

        # Productions: the active ones, and those we announced before (now done/cancelled).
        known = [int(i) for i in memory.get("productions", [])]
        domain: list[Any] = [["state", "in", list(ACTIVE)]]
        if known:
            domain = ["OR", domain[0], ["id", "in", known]]
        prods = rpc.search_read(
            "production",
            domain,
            [
                "number",
                "product",
                "quantity",
                "planned_date",
                "planned_start_date",
                "state",
                "routing",
            ],
        )
        self._products([p["product"] for p in prods if p["product"]])
        code_of = {v: k for k, v in self._product_ids.items()}
        orders = []
        for p in prods:
            if not p["product"] or not p["number"]:
                continue
            ops = steps.get(p["routing"], []) if p["routing"] else []
            if p["state"] == "running":
                self._advance_production(int(p["id"]))  # inputs a crash left unconsumed
            done, scrapped = self._counts(p)
            if (
                self.config.close_production
                and p["state"] == "running"
                and done >= (p["quantity"] or 0)
            ):
                # Booked to its quantity by a round that stopped before closing it.
                self._close_if_complete(str(p["number"]))
            orders.append(
                {
                    "number": p["number"],
                    "product": code_of[p["product"]],
                    "operation": ops[0]["operation"] if ops else "production",
                    "quantity": max(1, round(p["quantity"] or 0)),
                    "due": _due(p["planned_date"] or p["planned_start_date"]),
                    "priority": self.config.priority,
                    "status": STATUS.get(p["state"], "on_hold"),
                    "done": done,
                    "scrapped": scrapped,
                }
            )
        if orders:
            report.add(
                "work-orders", feed.import_master_data(self.bridge, "work-orders", orders).upserted
            )
        # Done/cancelled ones were announced just now; only the active ones are watched.
        report.memory = {"productions": sorted(p["id"] for p in prods if p["state"] in ACTIVE)}
        return report

    def _counts(self, production: dict[str, Any]) -> tuple[int, int]:
        """(good, scrapped) units booked on a production: two counts by domain, not a
        read of its outputs (which grow with every unit)."""
        waste = self._waste_locations()
        units: list[Any] = [
            ["production_output", "=", int(production["id"])],
            ["lot", "!=", None],
            ["state", "!=", "cancelled"],
        ]
        good = self.rpc.search_count("stock.move", [*units, ["to_location", "not in", waste]])
        scrap = self.rpc.search_count("stock.move", [*units, ["to_location", "in", waste]])
        return good, scrap

    def _waste_locations(self) -> list[int]:
        if self._waste is not None:
            return self._waste
        rows = self.rpc.search_read(
            "stock.location", [["type", "=", "lost_found"]], ["waste_warehouses"]
        )
        self._waste = [r["id"] for r in rows if r["waste_warehouses"]]
        return self._waste

    # --- up --------------------------------------------------------------------------

    def _places_of(self, warehouse: int, company: int) -> tuple[int, int, list[int]]:
        """(storage location, currency, waste locations) of a warehouse and company."""
        key = (warehouse, company)
        if key not in self._places:
            storage = self.rpc.read("stock.location", [warehouse], ["storage_location"])[0]
            currency = self.rpc.read("company.company", [company], ["currency"])[0]
            self._places[key] = (
                int(storage["storage_location"]),
                int(currency["currency"]),
                self._waste_locations(),
            )
        return self._places[key]

    def _production(self, number: str) -> dict[str, Any]:
        rows = self.rpc.search_read(
            "production",
            [["number", "=", number]],
            [
                "state",
                "quantity",
                "product",
                "works",
                "company",
                "warehouse",
                "location",
                "unit",
            ],
            limit=1,
        )
        if not rows:
            raise ErpRejected(f"Tryton has no production {number!r}")
        return rows[0]

    def _product_id(self, code: str) -> int:
        if code not in self._product_ids:
            rows = self.rpc.search_read("product.product", [["code", "=", code]], ["id"], limit=1)
            if not rows:
                raise ErpRejected(f"Tryton has no product with code {code!r}")
            self._product_ids[code] = int(rows[0]["id"])
        return self._product_ids[code]

    def _lot(self, number: str, product: int) -> int:
        """The lot ``number`` of ``product``, created if Tryton has none (a lot left by a
        crash before its move was written is simply reused)."""
        rows = self.rpc.search_read(
            "stock.lot", [["number", "=", number], ["product", "=", product]], ["id"], limit=1
        )
        if rows:
            return int(rows[0]["id"])
        return self.rpc.create("stock.lot", [{"number": number, "product": product}])[0]

    def _booked_serials(self, pid: int, serials: list[str]) -> set[str]:
        """Which of ``serials`` the production holds as output lots: a search by lot number
        (cost of the confirmation's units, not of the production's outputs so far)."""
        moves = self.rpc.search_read(
            "stock.move",
            [
                ["production_output", "=", pid],
                ["lot.number", "in", serials],
                ["state", "!=", "cancelled"],
            ],
            ["lot"],
        )
        if not moves:
            return set()
        lots = self.rpc.read("stock.lot", sorted({m["lot"] for m in moves}), ["number"])
        return {str(x["number"]) for x in lots}

    def _any_booked(self, pid: int) -> bool:
        return bool(
            self.rpc.search_read(
                "stock.move",
                [
                    ["production_output", "=", pid],
                    ["lot", "!=", None],
                    ["state", "!=", "cancelled"],
                ],
                ["id"],
                limit=1,
            )
        )

    def _lot_required(self, product_ids: list[int]) -> dict[int, bool]:
        return {pid: bool(p["lot_required"]) for pid, p in self._products(product_ids).items()}

    def _work(self, production: dict[str, Any], operation: str) -> int | None:
        key = (int(production["id"]), operation)
        if key not in self._works:
            self._works[key] = self._find_work(production, operation)
        return self._works[key]

    def _find_work(self, production: dict[str, Any], operation: str) -> int | None:
        if not production["works"]:
            return None
        works = self.rpc.read("production.work", production["works"], ["operation"])
        ops = {
            o["id"]: o["name"]
            for o in self.rpc.read(
                "production.routing.operation", sorted({w["operation"] for w in works}), ["name"]
            )
        }
        for w in works:
            if ops[w["operation"]] == operation:
                return int(w["id"])
        return int(works[0]["id"])

    def _replace_planned(self, production: dict[str, Any]) -> None:
        """First unit: the planned, lot-less moves of lot-required products get quantity 0
        (Tryton refuses to run a production with them; the station's scans replace them,
        unit by unit), as does the planned lot-less output (each unit brings its own). They
        stay on the production as the record of what it planned."""
        planned = self.rpc.read("production", [int(production["id"])], ["inputs", "outputs"])[0]
        moves = self.rpc.read(
            "stock.move",
            planned["inputs"] + planned["outputs"],
            ["product", "lot", "state", "quantity"],
        )
        required = self._lot_required([m["product"] for m in moves])
        zero = [
            m["id"]
            for m in moves
            if not m["lot"]
            and m["quantity"]
            and m["state"] in ("draft", "staging")
            and (required[m["product"]] or m["id"] in planned["outputs"])
        ]
        if zero:
            self.rpc.write("stock.move", zero, {"quantity": 0})

    def _required_parts(self, production: dict[str, Any]) -> list[str]:
        """The lot-required products this production planned (its own input moves, as
        Tryton created them: a BOM changed later does not change them). The products of
        its inputs, read once per production (the booked units' inputs bring the same
        products; the moves themselves grow with every unit)."""
        pid = int(production["id"])
        if pid not in self._required:
            products = self.rpc.search_read(
                "stock.move", [["production_input", "=", pid]], ["product"], limit=None
            )
            info = self._products(sorted({m["product"] for m in products}))
            self._required[pid] = sorted({p["code"] for p in info.values() if p["lot_required"]})
        return self._required[pid]

    def book(self, confirmation: dict[str, Any]) -> bool:
        rpc = self.rpc
        number = str(confirmation.get("work_order", ""))
        units = [u for u in confirmation.get("units", []) if u.get("serial")]
        if not units:
            return False
        prod = self._production(number)
        pid = int(prod["id"])
        booked = self._booked_serials(pid, [str(u["serial"]) for u in units])
        todo = [u for u in units if u["serial"] not in booked]
        if prod["state"] in ("cancelled", "done") and todo:
            raise ErpRejected(
                f"production {number} is {prod['state']} in Tryton: "
                f"{len(todo)} unit(s) ({', '.join(u['serial'] for u in todo[:5])}) not booked; "
                "reopen it in Tryton (or book them by hand) and they go through"
            )
        if prod["state"] in ("request", "draft"):
            raise ErpRejected(f"production {number} is still {prod['state']} in Tryton")
        if prod["state"] == "assigned" and todo:
            rpc.button("production", "wait", [pid])
            prod = self._production(number)
        if prod["state"] == "waiting" and not booked and not self._any_booked(pid):
            self._replace_planned(prod)
            prod = self._production(number)
        company = prod["company"]
        consumed: dict[str, list[dict[str, Any]]] = {}
        for g in confirmation.get("material_consumed", []):
            consumed.setdefault(str(g.get("serial")), []).append(g)
        required_parts = self._required_parts(prod)
        storage, currency, wasted = self._places_of(prod["warehouse"], company)
        work = self._work(prod, str(confirmation.get("operation", "")))
        last_booked = next((u for u in reversed(units) if u["serial"] in booked), None)
        if last_booked is not None and work is not None:
            self._finish_cycle(work, last_booked)
        for u in todo:
            serial = str(u["serial"])
            scrap = u.get("outcome") == "scrap"
            parts = consumed.get(serial, [])
            if not scrap:
                missing = [
                    p
                    for p in required_parts
                    if not any(
                        g.get("part") == p and (g.get("lot") or g.get("component_serial"))
                        for g in parts
                    )
                ]
                if missing:
                    raise ErpRejected(
                        f"unit {serial}: Tryton requires a lot for {', '.join(missing)} on "
                        f"production {number}, but none was scanned; book it by hand in Tryton"
                    )
            if scrap and not wasted:
                raise ErpRejected(
                    f"unit {serial} was scrapped but warehouse of production {number} has no "
                    "waste location in Tryton; set one (Warehouse > Waste Locations)"
                )
            inputs = []
            for g in parts:
                part_id = self._product_id(str(g.get("part")))
                lot_no = g.get("component_serial") or g.get("lot")
                values: dict[str, Any] = {
                    "product": part_id,
                    "quantity": 1,  # one scan: one piece, in the part's own unit
                    "unit": self._products([part_id])[part_id]["uom"],
                    "from_location": storage,
                    "to_location": prod["location"],
                    "company": company,
                }
                if lot_no:
                    values["lot"] = self._lot(str(lot_no), part_id)
                inputs.append(values)
            out = {
                "product": prod["product"],
                "quantity": 1,
                "unit": prod["unit"],
                "from_location": prod["location"],
                "to_location": wasted[0] if scrap else storage,
                "company": company,
                "lot": self._lot(serial, prod["product"]),
            }
            if not scrap:  # Tryton prices moves into storage only
                out |= {
                    "unit_price": {"__class__": "Decimal", "decimal": "0"},
                    "currency": currency,
                }
            changes: dict[str, Any] = {"outputs": [["create", [out]]]}
            if inputs:
                changes["inputs"] = [["create", inputs]]
            if work is not None:
                changes["works"] = [["write", [work], {"cycles": [["create", [{}]]]}]]
            rpc.write("production", [pid], changes)  # one transaction: the unit is booked
            log.info("Tryton %s: unit %s booked (%s)", number, serial, u.get("outcome"))
            self._advance_production(pid, consume=False)  # the first unit runs it
            if work is not None:
                self._finish_cycle(work, u)
        return bool(todo)

    def finish(self, work_orders: set[str]) -> None:
        """Once the round's units are all in: the productions consume their new inputs
        (one wait/assign/run for the round's units, not one per unit: Tryton's buttons go
        over every move of the production), then those whose quantity is booked are set
        done (a unit and a scrapped one pushed together are both booked first). Inputs
        left by a crash before this are consumed by the next pull."""
        for number in sorted(work_orders):
            self._advance_production(int(self._production(number)["id"]))
            if self.config.close_production:
                self._close_if_complete(number)

    def _advance_production(self, pid: int, *, consume: bool = True) -> None:
        """Run the production; new inputs of a running one are consumed by setting it to
        waiting, assigning and running it again, Tryton's only way (idempotent: each step
        checks the state). ``consume=False``: only start one not running yet."""
        rpc = self.rpc
        state = rpc.read("production", [pid], ["state"])[0]
        if state["state"] == "running":
            if not consume:
                return
            # only the inputs not consumed yet (a search by state, not a read of every
            # input the production consumed so far)
            pending = rpc.search_read(
                "stock.move",
                [["production_input", "=", pid], ["state", "in", ["draft", "assigned", "staging"]]],
                ["id"],
                limit=1,
            )
            if not pending:
                return
            rpc.button("production", "wait", [pid])
            state["state"] = "waiting"
        if state["state"] == "waiting":
            rpc.button("production", "assign_try", [pid])
            if rpc.read("production", [pid], ["state"])[0]["state"] == "waiting":
                rpc.button("production", "assign_force", [pid])
        if rpc.read("production", [pid], ["state"])[0]["state"] == "assigned":
            rpc.button("production", "run", [pid])

    def _finish_cycle(self, work: int, unit: dict[str, Any]) -> None:
        """The pending cycle (created draft with the unit's moves) is run, given the unit's
        time and done; each call checks the state, so a crash between them resumes. At most
        one is pending: each unit's cycle is finished before the next unit is written.
        (Tryton's own Start button creates running cycles: one left running on this work
        is finished here too, with this unit's time if it has none.)"""
        rpc = self.rpc
        cycles = rpc.search_read(
            "production.work.cycle",
            [["work", "=", work], ["state", "in", ["draft", "running"]]],
            ["state", "duration"],
            order=[["id", "ASC"]],
        )
        seconds = max(float(unit.get("cycle_time_s") or 0.0), 0.0)
        for c in cycles:
            cid = int(c["id"])
            if c["state"] == "draft":
                rpc.button("production.work.cycle", "run", [cid])
            if c["duration"] is None:
                rpc.write(
                    "production.work.cycle", [cid], {"duration": dt.timedelta(seconds=seconds)}
                )
            rpc.button("production.work.cycle", "do", [cid])

    def _close_if_complete(self, number: str) -> None:
        prod = self._production(number)
        if prod["state"] != "running":
            return
        good, _ = self._counts(prod)
        if good < (prod["quantity"] or 0):
            return
        try:
            self.rpc.button("production", "do", [int(prod["id"])])
        except ErpRejected as err:
            raise ErpRejected(
                f"production {number}: all units are booked but Tryton refuses to set it "
                f"done: {err}"
            ) from err
        log.info("Tryton %s: done (%s good units)", number, good)
