"""product thumbnails (WebP copies of product photos for the gallery)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 18:35:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('product_thumbnails',
    sa.Column('product_id', sa.UUID(), nullable=False),
    sa.Column('n', sa.SmallInteger(), nullable=False),
    sa.Column('width', sa.SmallInteger(), nullable=False),
    sa.Column('source_etag', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_product_thumbnails_product_id_products')),
    sa.PrimaryKeyConstraint('product_id', 'n', 'width', name=op.f('pk_product_thumbnails'))
    )


def downgrade() -> None:
    op.drop_table('product_thumbnails')
