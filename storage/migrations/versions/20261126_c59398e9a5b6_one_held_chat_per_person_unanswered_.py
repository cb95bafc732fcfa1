"""One held chat per staff member; when an emergency's paging began and when it ran out unanswered.

Revision ID: c59398e9a5b6
Revises: b091d26a92fc
Create Date: 2026-11-26 14:04:31.963246

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'c59398e9a5b6'
down_revision: Union[str, Sequence[str], None] = 'b091d26a92fc'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Before this index, one person could hold two chats after two quick clicks: keep the newest.
    op.execute(
        "UPDATE tickets SET holder_id = NULL, "
        "status = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END "
        "WHERE status = 'taken_over' AND id NOT IN ("
        "SELECT newest FROM (SELECT MAX(id) AS newest FROM tickets WHERE status = 'taken_over' "
        "GROUP BY holder_id) AS held)"
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('paging_started_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('unanswered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('uq_tickets_one_taken_over_per_holder', ['holder_id'], unique=True, sqlite_where=sa.text("status = 'taken_over'"), postgresql_where=sa.text("status = 'taken_over'"))



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('uq_tickets_one_taken_over_per_holder', sqlite_where=sa.text("status = 'taken_over'"), postgresql_where=sa.text("status = 'taken_over'"))
        batch_op.drop_column('unanswered_at')
        batch_op.drop_column('paging_started_at')

