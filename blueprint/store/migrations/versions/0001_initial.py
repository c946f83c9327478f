"""Documents, revisions, owners and workshop boards: the first tables.

Revision ID: 0001
Revises:
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # document.head_revision_id and revision.document_id point at each other: the first of the two
    # foreign keys is added once both tables exist (SQLite, which cannot add one later, accepts a
    # key to a table not yet made).
    sqlite = op.get_bind().dialect.name == "sqlite"
    head_key = [sa.ForeignKeyConstraint(['head_revision_id'], ['revision.id'], ondelete='SET NULL',
                                        name=op.f('fk_document_head_revision_id_revision'))] if sqlite else []
    op.create_table('document',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('owner_hash', sa.String(length=64), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('edited', sa.Boolean(), nullable=False),
    sa.Column('head_revision_id', sa.Integer(), nullable=True),
    sa.Column('undo', sa.Text(), nullable=False),
    sa.Column('redo', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    *head_key,
    )
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_owner_hash'), ['owner_hash'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_updated'), ['updated'], unique=False)

    op.create_table('owner',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('locale', sa.String(length=8), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_owner'))
    )
    op.create_table('board',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('facilitator_hash', sa.String(length=64), nullable=False),
    sa.Column('participant_hash', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('presenter_step', sa.String(length=200), nullable=True),
    sa.Column('timer_end', sa.DateTime(timezone=True), nullable=True),
    sa.Column('timer_seconds', sa.Integer(), nullable=True),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_board_document_id_document'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board')),
    sa.UniqueConstraint('facilitator_hash', name=op.f('uq_board_facilitator_hash')),
    sa.UniqueConstraint('participant_hash', name=op.f('uq_board_participant_hash'))
    )
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_board_document_id'), ['document_id'], unique=False)

    op.create_table('revision',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('merged_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('message', sa.String(length=200), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_revision_document_id_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['merged_id'], ['revision.id'], name=op.f('fk_revision_merged_id_revision'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['parent_id'], ['revision.id'], name=op.f('fk_revision_parent_id_revision'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revision'))
    )
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.create_index('ix_revision_document_id_id', ['document_id', 'id'], unique=False)
    if not sqlite:
        op.create_foreign_key(op.f('fk_document_head_revision_id_revision'), 'document', 'revision',
                              ['head_revision_id'], ['id'], ondelete='SET NULL')

    op.create_table('action',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('board_id', sa.String(length=64), nullable=False),
    sa.Column('item', sa.String(length=200), nullable=True),
    sa.Column('step', sa.String(length=200), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('due', sa.String(length=10), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_action_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_board_id'), ['board_id'], unique=False)

    op.create_table('board_event',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('board_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_board_event_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_board_event'))
    )
    with op.batch_alter_table('board_event', schema=None) as batch_op:
        batch_op.create_index('ix_board_event_board_id_id', ['board_id', 'id'], unique=False)

    op.create_table('participant',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('board_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('joined', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_participant_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participant')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_participant_token_hash'))
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_board_id'), ['board_id'], unique=False)

    op.create_table('vote_round',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('board_id', sa.String(length=64), nullable=False),
    sa.Column('topic', sa.String(length=16), nullable=False),
    sa.Column('dots', sa.Integer(), nullable=False),
    sa.Column('allow_stacking', sa.Boolean(), nullable=False),
    sa.Column('opened', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_vote_round_board_id_board'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote_round'))
    )
    with op.batch_alter_table('vote_round', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_round_board_id'), ['board_id'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('board_id', sa.String(length=64), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('target_kind', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('edited', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deleted', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['board_id'], ['board.id'], name=op.f('fk_note_board_id_board'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_note_participant_id_participant'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_board_id'), ['board_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('round_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=200), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], name=op.f('fk_vote_participant_id_participant'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['round_id'], ['vote_round.id'], name=op.f('fk_vote_round_id_vote_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote')),
    sa.UniqueConstraint('round_id', 'participant_id', 'item', name='uq_vote_round_participant_item')
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f('fk_document_head_revision_id_revision'), 'document', type_='foreignkey')
        op.drop_table('vote')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_board_id'))

    op.drop_table('note')
    with op.batch_alter_table('vote_round', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_round_board_id'))

    op.drop_table('vote_round')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_board_id'))

    op.drop_table('participant')
    with op.batch_alter_table('board_event', schema=None) as batch_op:
        batch_op.drop_index('ix_board_event_board_id_id')

    op.drop_table('board_event')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_board_id'))

    op.drop_table('action')
    with op.batch_alter_table('revision', schema=None) as batch_op:
        batch_op.drop_index('ix_revision_document_id_id')

    op.drop_table('revision')
    with op.batch_alter_table('board', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_board_document_id'))

    op.drop_table('board')
    op.drop_table('owner')
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_updated'))
        batch_op.drop_index(batch_op.f('ix_document_owner_hash'))

    op.drop_table('document')
