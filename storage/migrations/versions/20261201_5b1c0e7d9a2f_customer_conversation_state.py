"""The customer conversation's typed state and reply language, per conversation; botbuilder's
dialog state (bot_state) goes, nothing reads it any more (issue 10).

Revision ID: 5b1c0e7d9a2f
Revises: f3a3350bd9c3
Create Date: 2026-12-01 09:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5b1c0e7d9a2f'
down_revision: Union[str, Sequence[str], None] = 'f3a3350bd9c3'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('customer_state', sa.JSON(), nullable=True))
    op.drop_table('bot_state')


def downgrade() -> None:
    """Downgrade schema."""
    op.create_table('bot_state',
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_bot_state'))
    )
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('customer_state')
        batch_op.drop_column('language')
