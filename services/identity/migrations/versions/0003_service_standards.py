"""Standar Pelayanan per organisation (reserved)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 20:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('service_standards',
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('services', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('deadlines', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organisations.id'],
                            name=op.f('fk_service_standards_org_id_organisations')),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_service_standards'))
    )


def downgrade() -> None:
    op.drop_table('service_standards')
