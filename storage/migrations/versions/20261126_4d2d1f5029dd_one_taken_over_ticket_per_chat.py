"""One taken-over ticket per customer chat: a partial unique index, so two staff cannot both hold it.

Revision ID: 4d2d1f5029dd
Revises: 9378ec15b76a
Create Date: 2026-11-26 13:27:51.214486

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '4d2d1f5029dd'
down_revision: Union[str, Sequence[str], None] = '9378ec15b76a'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Before this index, two staff could take over two tickets of one chat: keep the newest held.
    op.execute(
        "UPDATE tickets SET holder_id = NULL, "
        "status = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END "
        "WHERE status = 'taken_over' AND id NOT IN ("
        "SELECT newest FROM (SELECT MAX(id) AS newest FROM tickets WHERE status = 'taken_over' "
        "GROUP BY conversation_id) AS held)"
    )
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.create_index('uq_tickets_one_taken_over_per_conversation', ['conversation_id'], unique=True, sqlite_where=sa.text("status = 'taken_over'"), postgresql_where=sa.text("status = 'taken_over'"))



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('uq_tickets_one_taken_over_per_conversation', sqlite_where=sa.text("status = 'taken_over'"), postgresql_where=sa.text("status = 'taken_over'"))

