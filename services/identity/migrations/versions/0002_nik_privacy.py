"""nik privacy: no NIK fragments in clear, participant organisations, NIK access log

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 14:50:00

Existing rows need no computation: the masked NIK is derived by decrypting `nik_enc` when it is
shown, so dropping `nik_prefix` and `nik_last4` loses nothing. The organisations participants
applied to fill from training's EnrollmentSubmitted events (the consumer reads the topic from
the beginning on its first start).
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('participant_orgs',
    sa.Column('participant_id', sa.UUID(), nullable=False),
    sa.Column('org_id', sa.UUID(), nullable=False),
    sa.Column('first_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('participant_id', 'org_id', name=op.f('pk_participant_orgs'))
    )
    op.create_table('nik_access_log',
    sa.Column('id', sa.BigInteger(), autoincrement=True, nullable=False),
    sa.Column('admin_id', sa.UUID(), nullable=False),
    sa.Column('participant_id', sa.UUID(), nullable=False),
    sa.Column('fields', postgresql.ARRAY(sa.String(length=10)), nullable=False),
    sa.Column('request_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nik_access_log'))
    )
    op.create_index('ix_nik_access_log_participant_at', 'nik_access_log', ['participant_id', 'at'], unique=False)
    op.create_index('ix_nik_access_log_admin_at', 'nik_access_log', ['admin_id', 'at'], unique=False)
    op.create_index('ix_nik_access_log_at', 'nik_access_log', ['at'], unique=False)
    # the clear fragments that let a dump rebuild the NIK (M5)
    op.drop_column('participants', 'nik_prefix')
    op.drop_column('participants', 'nik_last4')


def downgrade() -> None:
    # Fragments cannot be restored without the PII keys: refill them with placeholders, which
    # the code of revision 0001 shows as a masked NIK of stars.
    op.add_column('participants', sa.Column('nik_last4', sa.String(length=4), server_default='****', nullable=False))
    op.add_column('participants', sa.Column('nik_prefix', sa.String(length=4), server_default='****', nullable=False))
    op.alter_column('participants', 'nik_last4', server_default=None)
    op.alter_column('participants', 'nik_prefix', server_default=None)
    op.drop_index('ix_nik_access_log_at', table_name='nik_access_log')
    op.drop_index('ix_nik_access_log_admin_at', table_name='nik_access_log')
    op.drop_index('ix_nik_access_log_participant_at', table_name='nik_access_log')
    op.drop_table('nik_access_log')
    op.drop_table('participant_orgs')
