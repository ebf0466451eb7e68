"""post-training consultation threads; local copy of the organisations' service-standard deadlines

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 20:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'service_deadlines',
        sa.Column('org_id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('deadlines', postgresql.JSONB(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False))
    op.create_table(
        'consultation_settings',
        sa.Column('org_id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('review_required', sa.Boolean(), nullable=False, server_default=sa.text('false')),
        sa.Column('updated_by', postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False))
    op.create_table(
        'consultations',
        sa.Column('id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('org_id', postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column('training_id', postgresql.UUID(as_uuid=True), sa.ForeignKey('trainings.id'), nullable=False),
        sa.Column('enrollment_id', postgresql.UUID(as_uuid=True), sa.ForeignKey('enrollments.id'), nullable=False),
        sa.Column('participant_id', postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column('topic', sa.String(150), nullable=False),
        sa.Column('status', sa.String(20), nullable=False),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('first_answered_at', sa.DateTime(timezone=True)),
        sa.Column('closed_at', sa.DateTime(timezone=True)),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('waiting', 'answered', 'closed')", name='consultation_status_known'))
    op.create_index('ix_consultations_org', 'consultations', ['org_id', 'status', 'opened_at'])
    op.create_index('ix_consultations_participant', 'consultations', ['participant_id', 'opened_at'])
    op.create_index('ix_consultations_unanswered', 'consultations', ['org_id', 'due_at'],
                    postgresql_where=sa.text("first_answered_at IS NULL AND status <> 'closed'"))
    op.create_table(
        'consultation_messages',
        sa.Column('id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('consultation_id', postgresql.UUID(as_uuid=True),
                  sa.ForeignKey('consultations.id', ondelete='CASCADE'), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('author', sa.String(20), nullable=False),
        sa.Column('author_id', postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('state', sa.String(20), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('published_at', sa.DateTime(timezone=True)),
        sa.Column('reviewed_by', postgresql.UUID(as_uuid=True)),
        sa.Column('review_note', sa.String(500), nullable=False, server_default=''),
        sa.UniqueConstraint('consultation_id', 'seq', name='uq_consultation_message_seq'),
        sa.CheckConstraint("state IN ('published', 'draft', 'returned')", name='consultation_message_state_known'),
        sa.CheckConstraint("author IN ('participant', 'admin')", name='consultation_message_author_known'))
    op.create_table(
        'consultation_files',
        sa.Column('id', postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column('message_id', postgresql.UUID(as_uuid=True),
                  sa.ForeignKey('consultation_messages.id', ondelete='CASCADE'), nullable=False),
        sa.Column('consultation_id', postgresql.UUID(as_uuid=True),
                  sa.ForeignKey('consultations.id', ondelete='CASCADE'), nullable=False),
        sa.Column('filename', sa.String(120), nullable=False),
        sa.Column('content_type', sa.String(40), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('etag', sa.String(64), nullable=False))
    op.create_index('ix_consultation_files_message_id', 'consultation_files', ['message_id'])


def downgrade() -> None:
    op.drop_table('consultation_files')
    op.drop_table('consultation_messages')
    op.drop_table('consultations')
    op.drop_table('consultation_settings')
    op.drop_table('service_deadlines')
