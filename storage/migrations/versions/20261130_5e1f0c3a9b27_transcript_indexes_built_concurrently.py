"""The transcript's indexes for the per-person limit and the retention purge, built without stalling
a running replica: on PostgreSQL CONCURRENTLY, outside a transaction, so turns go on reading and
writing the transcript while they are built (a plain CREATE INDEX blocks every write to the table
for as long as the build takes). Databases that got them from 847d10d27815 before it stopped
building them keep theirs; an index a crashed concurrent build left invalid is built again.

Revision ID: 5e1f0c3a9b27
Revises: 847d10d27815
Create Date: 2026-11-30 18:05:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5e1f0c3a9b27'
down_revision: Union[str, Sequence[str], None] = '847d10d27815'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLE = "transcript_messages"
INDEXES = (
    ("ix_transcript_messages_author_created", ["author_person_id", "created_at"]),
    ("ix_transcript_messages_created_at", ["created_at"]),
)


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "postgresql":  # SQLite: one process, nobody to stall
        for name, columns in INDEXES:
            op.create_index(name, TABLE, columns, unique=False, if_not_exists=True)
        return
    with op.get_context().autocommit_block():
        for name, columns in INDEXES:
            if _invalid(name):
                op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
            op.create_index(name, TABLE, columns, unique=False, postgresql_concurrently=True, if_not_exists=True)


def _invalid(name: str) -> bool:
    """An index a concurrent build that failed half-way left behind: present, but not used."""
    query = sa.text(
        "SELECT NOT i.indisvalid FROM pg_index AS i JOIN pg_class AS c ON c.oid = i.indexrelid "
        "WHERE c.relname = :name AND c.relnamespace = current_schema()::regnamespace"
    )
    return bool(op.get_bind().execute(query, {"name": name}).scalar())


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name != "postgresql":
        for name, _ in INDEXES:
            op.drop_index(name, table_name=TABLE, if_exists=True)
        return
    with op.get_context().autocommit_block():
        for name, _ in INDEXES:
            op.drop_index(name, table_name=TABLE, postgresql_concurrently=True, if_exists=True)
