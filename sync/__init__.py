"""Sync between a station and the ERP bridge: the wire protocol, the station's client, the
reference bridge server (``sync.bridge``, installed with the ``[bridge]`` extra)."""
