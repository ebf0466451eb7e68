"""participants.phone_wa (the admin's "Hubungi via WhatsApp" link); the pending-applications index

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 18:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('participants', sa.Column('phone_wa', sa.String(length=20), nullable=True))
    op.create_index('ix_enrollments_pending', 'enrollments', ['submitted_at'], unique=False,
                    postgresql_where=sa.text("status IN ('submitted', 'waitlisted')"))


def downgrade() -> None:
    op.drop_index('ix_enrollments_pending', table_name='enrollments',
                  postgresql_where=sa.text("status IN ('submitted', 'waitlisted')"))
    op.drop_column('participants', 'phone_wa')
