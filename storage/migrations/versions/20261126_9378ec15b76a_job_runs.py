"""Job runs: a scheduled job claims its run, so replicas sharing the job store run it once.

Revision ID: 9378ec15b76a
Revises: 766594314604
Create Date: 2026-11-26 13:19:35.529924

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9378ec15b76a'
down_revision: Union[str, Sequence[str], None] = '766594314604'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('job_runs',
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_job_runs'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('job_runs')
