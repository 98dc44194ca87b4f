"""Simulated devices: a pty scanner, an Open Protocol controller on a loopback TCP port,
and the tightening model they and the virtual torque tool share."""

from hardware.simulators.tightening import DEFAULT_PSETS, NokPattern, Pset, TighteningSimulator

__all__ = ["DEFAULT_PSETS", "NokPattern", "Pset", "TighteningSimulator"]
