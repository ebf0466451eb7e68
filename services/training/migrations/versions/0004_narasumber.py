"""narasumber (trainers): registrations with their documents, the two-level decision, letter numbers,
letterheads, assignments to training modules; requests for a narasumber from outside bodies

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 20:00:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('narasumber',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('account_id', sa.UUID(), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('expertise', sa.String(length=200), nullable=False),
    sa.Column('education', sa.String(length=20), nullable=False),
    sa.Column('experience', sa.Text(), nullable=False),
    sa.Column('modules', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('recommendation', sa.String(length=10), nullable=True),
    sa.Column('recommendation_reason', sa.String(length=500), nullable=True),
    sa.Column('recommended_by', sa.UUID(), nullable=True),
    sa.Column('recommended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_reason', sa.String(length=500), nullable=True),
    sa.Column('decided_by', sa.UUID(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('letter_number', sa.String(length=60), nullable=True),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('submitted', 'recommended', 'approved', 'rejected')", name=op.f('ck_narasumber_status_known')),
    sa.CheckConstraint('decided_by IS NULL OR decided_by <> recommended_by', name=op.f('ck_narasumber_two_person_decision')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_narasumber')),
    sa.UniqueConstraint('account_id', 'org_id', name='uq_narasumber_account_org')
    )
    op.create_index(op.f('ix_narasumber_account_id'), 'narasumber', ['account_id'], unique=False)
    op.create_index('ix_narasumber_org_status', 'narasumber', ['org_id', 'status', 'submitted_at'], unique=False)
    op.create_table('narasumber_letter_counters',
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('org_id', 'kind', 'year', name=op.f('pk_narasumber_letter_counters'))
    )
    op.create_table('narasumber_offices',
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=150), nullable=False),
    sa.Column('parent', sa.String(length=150), server_default='', nullable=False),
    sa.Column('address', sa.String(length=250), server_default='', nullable=False),
    sa.Column('place', sa.String(length=60), server_default='', nullable=False),
    sa.Column('head_position', sa.String(length=150), server_default='', nullable=False),
    sa.Column('head_name', sa.String(length=100), server_default='', nullable=False),
    sa.Column('head_nip', sa.String(length=30), server_default='', nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('org_id', name=op.f('pk_narasumber_offices'))
    )
    op.create_table('narasumber_assignments',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('narasumber_id', sa.UUID(), nullable=False),
    sa.Column('training_id', sa.UUID(), nullable=False),
    sa.Column('module', sa.String(length=200), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('assigned_by', sa.UUID(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['narasumber_id'], ['narasumber.id'], name=op.f('fk_narasumber_assignments_narasumber_id_narasumber'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['training_id'], ['trainings.id'], name=op.f('fk_narasumber_assignments_training_id_trainings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_narasumber_assignments')),
    sa.UniqueConstraint('narasumber_id', 'training_id', 'module', 'day', name='uq_narasumber_assignment')
    )
    op.create_index(op.f('ix_narasumber_assignments_narasumber_id'), 'narasumber_assignments', ['narasumber_id'], unique=False)
    op.create_index(op.f('ix_narasumber_assignments_training_id'), 'narasumber_assignments', ['training_id'], unique=False)
    op.create_table('narasumber_files',
    sa.Column('narasumber_id', sa.UUID(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['narasumber_id'], ['narasumber.id'], name=op.f('fk_narasumber_files_narasumber_id_narasumber'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('narasumber_id', 'kind', 'n', name=op.f('pk_narasumber_files'))
    )
    op.create_table('narasumber_requests',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('body_name', sa.String(length=200), nullable=False),
    sa.Column('contact_name', sa.String(length=100), nullable=False),
    sa.Column('contact_email', sa.String(length=120), nullable=False),
    sa.Column('contact_phone', sa.String(length=20), nullable=False),
    sa.Column('letter_number', sa.String(length=100), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=200), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('audience', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('narasumber_id', sa.UUID(), nullable=True),
    sa.Column('decision_reason', sa.String(length=500), nullable=True),
    sa.Column('decided_by', sa.UUID(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answer_number', sa.String(length=60), nullable=True),
    sa.Column('letter_filename', sa.String(length=120), nullable=False),
    sa.Column('letter_data', sa.LargeBinary(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status <> 'approved' OR narasumber_id IS NOT NULL", name=op.f('ck_narasumber_requests_approved_names_narasumber')),
    sa.CheckConstraint("status IN ('submitted', 'approved', 'rejected')", name=op.f('ck_narasumber_requests_status_known')),
    sa.CheckConstraint('audience BETWEEN 1 AND 10000', name=op.f('ck_narasumber_requests_audience_range')),
    sa.ForeignKeyConstraint(['narasumber_id'], ['narasumber.id'], name=op.f('fk_narasumber_requests_narasumber_id_narasumber')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_narasumber_requests')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_narasumber_requests_token_hash'))
    )
    op.create_index('ix_narasumber_requests_org_status', 'narasumber_requests', ['org_id', 'status', 'submitted_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_narasumber_requests_org_status', table_name='narasumber_requests')
    op.drop_table('narasumber_requests')
    op.drop_table('narasumber_files')
    op.drop_index(op.f('ix_narasumber_assignments_training_id'), table_name='narasumber_assignments')
    op.drop_index(op.f('ix_narasumber_assignments_narasumber_id'), table_name='narasumber_assignments')
    op.drop_table('narasumber_assignments')
    op.drop_table('narasumber_offices')
    op.drop_table('narasumber_letter_counters')
    op.drop_index('ix_narasumber_org_status', table_name='narasumber')
    op.drop_index(op.f('ix_narasumber_account_id'), table_name='narasumber')
    op.drop_table('narasumber')
