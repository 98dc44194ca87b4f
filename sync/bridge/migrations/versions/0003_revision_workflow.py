"""The revision workflow: instruction revisions (draft, approved, obsolete) with their
signature, feedback answers, wrong PINs given to sign. Revisions published before this
migration are kept as approved, signed by the package file that published them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 00:30:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from sync.protocol.revisions import content_sha256
from sync.protocol.wire import canonical_json

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    revisions = op.create_table(
        "instruction_revisions",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("product", sa.Text(), nullable=False),
        sa.Column("operation", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("content_sha256", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), server_default="", nullable=False),
        sa.Column("author_name", sa.Text(), server_default="", nullable=False),
        sa.Column("authors", sa.Text(), server_default="[]", nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("published_at", sa.Text(), nullable=True),
        sa.Column("published_by", sa.Text(), nullable=True),
        sa.Column("obsoleted_at", sa.Text(), nullable=True),
        sa.Column("obsoleted_by", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
        sa.UniqueConstraint("document_id", "revision", name="uq_instruction_revisions_doc_rev"),
    )
    op.create_index(
        "ix_instruction_revisions_operation",
        "instruction_revisions",
        ["product", "operation"],
        unique=False,
    )
    feedback = sa.text("type = 'instruction.feedback'")
    op.create_index(
        "ix_events_feedback",
        "events",
        ["id"],
        unique=False,
        postgresql_where=feedback,
        sqlite_where=feedback,
    )
    op.create_table(
        "feedback_answers",
        sa.Column("event_key", Id, nullable=False),
        sa.Column("answered_in", sa.Text(), nullable=False),
        sa.Column("answered_by", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("event_key"),
    )
    op.create_table(
        "signing_failures",
        sa.Column("operator_id", sa.Text(), nullable=False),
        sa.Column("pin_hash_sha256", sa.Text(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("operator_id"),
    )
    # Revisions already published (kiosk-bridge instructions publish, the ERP import) stay
    # what the stations have: approved, signed by their package file.
    conn = op.get_bind()
    entities = sa.table(
        "entities",
        sa.column("entity", sa.Text),
        sa.column("id", sa.Text),
        sa.column("data", sa.Text),
        sa.column("deleted", sa.Boolean),
        sa.column("updated_at", sa.Text),
    )
    rows = conn.execute(
        sa.select(entities.c.id, entities.c.data, entities.c.updated_at).where(
            entities.c.entity == "instruction_revision", entities.c.deleted.is_(False)
        )
    ).all()
    for key, data, updated_at in rows:
        try:
            doc = json.loads(data).get("document") or {}
            status = str(doc.get("status") or "approved")
            signature = {
                "kind": "package",
                "by": str(doc.get("approved_by") or ""),
                "by_name": str(doc.get("approved_by") or ""),
                "meaning": "approved for production",
                "at": str(doc.get("approved_at") or updated_at),
                "content_sha256": content_sha256(doc),
            }
            values = {
                "key": key,
                "document_id": str(doc["id"]),
                "revision": int(doc["revision"]),
                "product": str(doc["product"]),
                "operation": str(doc["operation"]),
                "status": status if status in ("approved", "obsolete") else "approved",
                "document": canonical_json(doc),
                "content_sha256": signature["content_sha256"],
                "created_at": updated_at,
                "updated_at": updated_at,
                "signature": canonical_json(signature),
                "published_at": updated_at,
                "published_by": "",
            }
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # a row nobody can read stays out of the workflow (the log of old)
        conn.execute(revisions.insert().values(**values))


def downgrade() -> None:
    op.drop_table("signing_failures")
    op.drop_table("feedback_answers")
    op.drop_index("ix_events_feedback", table_name="events")
    op.drop_index("ix_instruction_revisions_operation", table_name="instruction_revisions")
    op.drop_table("instruction_revisions")
