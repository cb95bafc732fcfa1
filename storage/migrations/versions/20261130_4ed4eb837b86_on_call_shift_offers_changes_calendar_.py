"""On call: shift offers, the audit trail of schedule changes, calendar-feed tokens, and how an override came about.

Revision ID: 4ed4eb837b86
Revises: c59398e9a5b6
Create Date: 2026-11-30 14:13:52.031226

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4ed4eb837b86'
down_revision: Union[str, Sequence[str], None] = 'c59398e9a5b6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('calendar_feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('object_id', sa.String(length=64), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_calendar_feeds_token_sha256'))
    )
    with op.batch_alter_table('calendar_feeds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_calendar_feeds_object_id'), ['object_id'], unique=False)

    op.create_table('shift_offers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('offered_by_object_id', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('taken_by_object_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shift_offers'))
    )
    op.create_table('on_call_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('from_object_id', sa.String(length=64), nullable=True),
    sa.Column('to_object_id', sa.String(length=64), nullable=True),
    sa.Column('by_object_id', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['offer_id'], ['shift_offers.id'], name=op.f('fk_on_call_changes_offer_id_shift_offers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_on_call_changes'))
    )
    with op.batch_alter_table('on_call_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_on_call_changes_created_at'), ['created_at'], unique=False)

    with op.batch_alter_table('on_call_overrides', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), server_default='override', nullable=False))



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('on_call_overrides', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('on_call_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_on_call_changes_created_at'))

    op.drop_table('on_call_changes')
    op.drop_table('shift_offers')
    with op.batch_alter_table('calendar_feeds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calendar_feeds_object_id'))

    op.drop_table('calendar_feeds')
