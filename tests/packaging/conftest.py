"""The packaging tests install and run the station as its own user (`nobody` under cage,
the package's system user): the folders they make must be readable by it. An earlier test
in the same process that made a station's private files leaves the umask at 077, so each
test here runs under the umask an installer runs with."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def installer_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
