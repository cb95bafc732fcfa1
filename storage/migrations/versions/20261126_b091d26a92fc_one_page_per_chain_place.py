"""One page per place in the page chain: replicas resuming or a doubled timeout page once.

Revision ID: b091d26a92fc
Revises: 4d2d1f5029dd
Create Date: 2026-11-26 13:37:37.525282

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b091d26a92fc'
down_revision: Union[str, Sequence[str], None] = '4d2d1f5029dd'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_pages_ticket_id_chain_index'), ['ticket_id', 'chain_index'])



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_pages_ticket_id_chain_index'), type_='unique')

