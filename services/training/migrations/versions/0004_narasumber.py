"""narasumber (trainers), their reviews and assignments; requests for a narasumber (reserved, filled by the narasumber work)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 20:00:00
"""
import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
