"""complaints (pengaduan) and the local copy of the organisations' service-standard deadlines (reserved)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 20:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('org_deadlines',
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('org_code', sa.String(length=50), nullable=False),
    sa.Column('deadlines', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_org_deadlines'))
    )
    op.create_table('complaints',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('ticket', sa.String(length=20), nullable=False),
    sa.Column('follow_hash', sa.LargeBinary(), nullable=False),
    sa.Column('participant_id', sa.UUID(), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=True),
    sa.Column('contact', sa.String(length=120), nullable=True),
    sa.Column('service', sa.String(length=150), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('evidence', sa.LargeBinary(), nullable=True),
    sa.Column('evidence_type', sa.String(length=30), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verify_due', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verification_note', sa.Text(), server_default='', nullable=False),
    sa.Column('answer_due', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answer', sa.Text(), server_default='', nullable=False),
    sa.Column('follow_up', sa.Text(), server_default='', nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closing_note', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint("status IN ('received', 'verified', 'answered', 'closed')",
                       name=op.f('ck_complaints_complaint_status')),
    sa.CheckConstraint('NOT anonymous OR (name IS NULL AND contact IS NULL AND participant_id IS NULL)',
                       name=op.f('ck_complaints_anonymous_keeps_no_identity')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('follow_hash', name=op.f('uq_complaints_follow_hash')),
    sa.UniqueConstraint('ticket', name=op.f('uq_complaints_ticket'))
    )
    op.create_index('ix_complaints_org_submitted', 'complaints', ['org_id', 'submitted_at'], unique=False)
    op.create_index('ix_complaints_participant', 'complaints', ['participant_id'], unique=False)
    op.create_table('complaint_counters',
    sa.Column('year', sa.SmallInteger(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_complaint_counters'))
    )


def downgrade() -> None:
    op.drop_table('complaint_counters')
    op.drop_index('ix_complaints_participant', table_name='complaints')
    op.drop_index('ix_complaints_org_submitted', table_name='complaints')
    op.drop_table('complaints')
    op.drop_table('org_deadlines')
