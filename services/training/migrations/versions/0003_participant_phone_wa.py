"""participants.phone_wa: the admin's "Hubungi via WhatsApp" link

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 18:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('participants', sa.Column('phone_wa', sa.String(length=20), nullable=True))


def downgrade() -> None:
    op.drop_column('participants', 'phone_wa')
