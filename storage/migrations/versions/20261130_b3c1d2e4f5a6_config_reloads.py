"""Config reloads: a replica that reloaded the operator config records it, so the others follow.

A new table only: safe while another replica serves.

Revision ID: b3c1d2e4f5a6
Revises: 5e1f0c3a9b27
Create Date: 2026-11-30 19:10:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b3c1d2e4f5a6'
down_revision: Union[str, Sequence[str], None] = '5e1f0c3a9b27'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('config_reloads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('requested_by', sa.String(length=64), nullable=False),
    sa.Column('reloaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_config_reloads'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('config_reloads')
