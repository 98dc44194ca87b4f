"""Tests of the wire protocol, the station sync client and the reference bridge."""
