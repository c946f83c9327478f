"""The tables: documents and their revisions, owners, and the workshop boards with their change feed.

Typed SQLAlchemy 2 models. Times are UTC. Tokens are never stored, only their SHA-256 hashes
(:mod:`.tokens`). The Alembic migrations in ``migrations/versions`` create exactly these tables;
``tests/store/test_migrations.py`` checks that the two agree.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "Action", "Base", "Board", "BoardEvent", "Document", "Note", "Owner", "Participant", "Revision",
    "Vote", "VoteRound", "utcnow",
]

#: Constraint names fixed by convention, so migrations can name what they alter on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: DateTime(timezone=True)}


class Owner(Base):
    """A browser that keeps drafts: known by the hash of the token it holds, and its UI language."""

    __tablename__ = "owner"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    created: Mapped[datetime] = mapped_column(default=utcnow)
    seen: Mapped[datetime] = mapped_column(default=utcnow)


class Document(Base):
    """A blueprint being edited: its title, owner, current (head) revision and undo history."""

    __tablename__ = "document"

    #: The public id, unguessable (``secrets.token_urlsafe``): the link ``?draft=<id>`` opens it.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    #: The UI language chosen while editing it; None follows the blueprint's ``locale:``.
    locale: Mapped[str | None] = mapped_column(String(8))
    #: Where the first text came from (``example:hall-walk.zh.yaml``), to reuse an untouched copy.
    source: Mapped[str | None] = mapped_column(String(300))
    #: False until the text is first changed: an untouched copy is reused and cleaned up.
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    head_revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("revision.id", use_alter=True, ondelete="SET NULL"))
    #: The undo and redo stacks as JSON lists of patches (see :mod:`.history`).
    undo: Mapped[str] = mapped_column(Text, default="[]")
    redo: Mapped[str] = mapped_column(Text, default="[]")
    created: Mapped[datetime] = mapped_column(default=utcnow)
    updated: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class Revision(Base):
    """One text of a document, never changed once written."""

    __tablename__ = "revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    #: The revision this text was made on (the save's base); None for a document's first text.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("revision.id", ondelete="SET NULL"))
    #: For a merge: the saved text (kept as a revision of its own) that was merged onto the parent.
    merged_id: Mapped[int | None] = mapped_column(ForeignKey("revision.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200), default="")
    #: What made it: ``create``, ``editor``, ``table``, ``merge``, ``conflict``, ``restore``, ``undo``...
    message: Mapped[str] = mapped_column(String(200), default="")
    created: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_revision_document_id_id", "document_id", "id"),)


class Board(Base):
    """A live workshop on a document: the two link tokens, its state, the presenter and the timer."""

    __tablename__ = "board"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    facilitator_hash: Mapped[str] = mapped_column(String(64), unique=True)
    participant_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: ``open``, ``locked`` (no edits for now) or ``closed`` (read-only for good).
    state: Mapped[str] = mapped_column(String(16), default="open")
    presenter_step: Mapped[str | None] = mapped_column(String(200))
    timer_end: Mapped[datetime | None]
    timer_seconds: Mapped[int | None]
    created: Mapped[datetime] = mapped_column(default=utcnow)
    closed: Mapped[datetime | None]


class Participant(Base):
    """Someone who joined a board with a display name (no account): their token's hash."""

    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    board_id: Mapped[str] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    joined: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(default=utcnow)


class Note(Base):
    """A pain point, idea, question or positive pinned to a step or a phase of the board's blueprint."""

    __tablename__ = "note"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    board_id: Mapped[str] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    #: The step or phase id it is pinned to, and which of the two (``step`` / ``phase``).
    target: Mapped[str] = mapped_column(String(200))
    target_kind: Mapped[str] = mapped_column(String(8), default="step")
    #: ``pain``, ``idea``, ``question`` or ``positive``.
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    author: Mapped[str] = mapped_column(String(100), default="")
    created: Mapped[datetime] = mapped_column(default=utcnow)
    edited: Mapped[datetime | None]
    deleted: Mapped[datetime | None]


class VoteRound(Base):
    """A round of dot voting: what is voted on, dots per participant, and whether it is still open."""

    __tablename__ = "vote_round"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    board_id: Mapped[str] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    #: ``pain``, ``idea`` (notes of that kind) or ``step``.
    topic: Mapped[str] = mapped_column(String(16))
    dots: Mapped[int] = mapped_column(Integer, default=3)
    allow_stacking: Mapped[bool] = mapped_column(Boolean, default=False)
    opened: Mapped[datetime] = mapped_column(default=utcnow)
    closed: Mapped[datetime | None]


class Vote(Base):
    """The dots one participant put on one item in one round."""

    __tablename__ = "vote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("vote_round.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    #: A note id or a step id, as text.
    item: Mapped[str] = mapped_column(String(200))
    count: Mapped[int] = mapped_column(Integer, default=1)

    __table_args__ = (UniqueConstraint("round_id", "participant_id", "item", name="uq_vote_round_participant_item"),)


class Action(Base):
    """What the workshop decided to do: linked to an item, with an owner, a due date and a status."""

    __tablename__ = "action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    board_id: Mapped[str] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"), index=True)
    #: The step id or note id it came from.
    item: Mapped[str | None] = mapped_column(String(200))
    step: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[str | None] = mapped_column(String(10))  # ISO date
    #: ``open``, ``in_progress`` or ``done``.
    status: Mapped[str] = mapped_column(String(16), default="open")
    created: Mapped[datetime] = mapped_column(default=utcnow)
    updated: Mapped[datetime] = mapped_column(default=utcnow)


class BoardEvent(Base):
    """The change feed: one row per change on a board; a view polls the board's latest id."""

    __tablename__ = "board_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    board_id: Mapped[str] = mapped_column(ForeignKey("board.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    created: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (Index("ix_board_event_board_id_id", "board_id", "id"),)
