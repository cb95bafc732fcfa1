"""Issue 11: earlier versions of edited messages, edit/delete marks; stored Azure AD ids lower-cased, as
the edge and the config now spell them. (The transcript indexes for the per-person limit and the
retention purge are built concurrently by 5e1f0c3a9b27.)

Safe while another replica serves (issue 14): the ids are lower-cased first, outside the schema
change's transaction, so it never holds people's rows while it waits for the transcript; then the
transcript's strongest lock is taken first (adding the columns, a change of the catalogue only),
waiting at most `lock_timeout` for it instead of queueing every turn behind it, and the new table
with its key to the transcript follows under that lock. Taken the other way round (the key first),
a turn that read the transcript and then writes to it deadlocks with the migration.

Revision ID: 847d10d27815
Revises: acadbc30694a
Create Date: 2026-11-30 14:14:20.115471

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '847d10d27815'
down_revision: Union[str, Sequence[str], None] = 'acadbc30694a'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# How long the schema change waits for the transcript's lock behind a running turn; past it the
# migration fails (and is retried) rather than stall every turn queued behind it.
LOCK_TIMEOUT = "500ms"


def upgrade() -> None:
    """Upgrade schema."""
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        with op.get_context().autocommit_block():  # each statement its own short transaction
            _lower_case_ids()
        op.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
    with op.batch_alter_table('transcript_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('edited_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True))

    op.create_table('transcript_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('replaced_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['message_id'], ['transcript_messages.id'], name=op.f('fk_transcript_revisions_message_id_transcript_messages'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transcript_revisions'))
    )
    with op.batch_alter_table('transcript_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transcript_revisions_message_id'), ['message_id'], unique=False)
    if not postgresql:
        _lower_case_ids()


def _lower_case_ids() -> None:
    """Ids stored before normalisation in another case; a row whose lower-case twin exists is left alone."""
    for table, column in (("organisations", "tenant_id"), ("people", "aad_object_id")):
        op.execute(
            f"UPDATE {table} SET {column} = lower({column}) WHERE {column} <> lower({column}) AND NOT EXISTS "
            f"(SELECT 1 FROM {table} AS other WHERE lower(other.{column}) = lower({table}.{column}) "
            f"AND other.id <> {table}.id)"
        )
    for table, column in (("pages", "staff_object_id"), ("on_call_overrides", "staff_object_id"),
                          ("on_call_overrides", "created_by_object_id")):
        op.execute(f"UPDATE {table} SET {column} = lower({column}) WHERE {column} <> lower({column})")


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('transcript_messages', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('edited_at')

    with op.batch_alter_table('transcript_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transcript_revisions_message_id'))

    op.drop_table('transcript_revisions')
