"""The reference ERP bridge: FastAPI + SQLAlchemy, SQLite by default, PostgreSQL by URL.

Imports nothing of ours but :mod:`sync.protocol` (checked by import-linter)."""
