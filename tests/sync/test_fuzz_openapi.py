"""The bridge's API fuzzed from its own OpenAPI document (schemathesis): never a 5xx.

Runs against the real uvicorn server and a real database (SQLite and PostgreSQL). Each
operation gets positive and negative (schema-violating) cases; the station path parameter
is pinned to the registered station so generated pushes get past authentication and reach
the database. (Schemathesis' own pytest plugin does not load under pytest 9 here, so the
hypothesis loop is driven directly.)"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from tests.sync.conftest import LiveBridge

EXAMPLES = 20  # per operation and mode: ~20 operations × 2 modes; seconds per database


@pytest.mark.timeout(180)
def test_no_server_errors(live_bridge: LiveBridge) -> None:
    token = live_bridge.bridge.add_station("ST-01")
    headers = {"Authorization": f"Bearer {token}", "X-API-Key": live_bridge.api_key}
    schema = schemathesis.openapi.from_url(f"{live_bridge.url}/openapi.json")
    operations = [r.ok() for r in schema.get_all_operations()]
    assert len(operations) >= 15
    calls: list[int] = []
    failures: list[str] = []

    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
                database=None,
            )
            def run(case: Any) -> None:
                if case.path_parameters and "station" in case.path_parameters:
                    case.path_parameters["station"] = "ST-01"
                response = case.call(base_url=live_bridge.url, headers=headers, timeout=10)
                calls.append(response.status_code)
                if response.status_code >= 500:
                    failures.append(
                        f"{case.method} {case.formatted_path} → {response.status_code}: "
                        f"{response.text[:300]}"
                    )
                    case.validate_response(response, checks=[not_a_server_error])

            try:
                run()
            except Unsatisfiable:
                continue  # nothing to negate (an operation without parameters or body)
            except Exception as err:
                failures.append(f"{operation.label} ({mode.value}): {err}"[:800])
    assert not failures, "\n".join(failures)
    assert len(calls) > 100
    assert any(200 <= c < 300 for c in calls) and any(400 <= c < 500 for c in calls)
