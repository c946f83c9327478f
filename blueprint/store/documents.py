"""Documents and their revisions: create, read, save without lost updates, undo, list, restore.

Every save names the revision it was made on (its base). In one write transaction the document's
head is compared with the base and set to the new revision (a conditional ``UPDATE ... WHERE
head = :base``, after ``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's writers queue at ``BEGIN
IMMEDIATE``). A save on an older base is merged three-way with the head (:mod:`.merge`): a clean
merge becomes the new head, a conflict leaves the head alone and returns both sides. Either way
the saved text is kept as a revision of its own, so nothing typed is lost.

A document belongs to the browser whose owner token made it (only the token's hash is stored);
its id is unguessable, so its link can be shared. The owner's Recent list, the reuse of an
untouched copy of an example, the per-owner quota and the expiry of untouched copies live here.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from ..words import locales
from .database import Database
from .history import Stacks
from .merge import Conflict, MergeResult, merge3
from .models import Document, Owner, Revision, utcnow
from .settings import Settings
from .tokens import digest, looks_like_token, new_id

__all__ = ["DocumentStore", "Draft", "DraftInfo", "QuotaExceeded", "RevisionInfo", "SaveResult", "storable"]

_RETRIES = 20
_EXPIRY_EVERY_SECONDS = 3600


def storable(text: str) -> str:
    """``text`` as every database can hold it: NUL (which PostgreSQL refuses in text, and YAML in
    a file) becomes U+FFFD, visible where it was.

    >>> storable("a\\x00b")
    'a\\ufffdb'
    """
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


class QuotaExceeded(Exception):
    """The owner keeps as many drafts as allowed, none of them an untouched copy to make room."""

    def __init__(self, limit: int):
        super().__init__(f"this browser already keeps {limit} drafts: delete some first")
        self.limit = limit


def _seconds(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    if moment.tzinfo is None:  # SQLite hands times back without their zone: they are UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


@dataclass
class Draft:
    """A document as one view holds it: the head revision's text and what the page shows of it."""

    id: str
    text: str
    #: The head revision this text is; a save names it as its base.
    revision: int
    title: str = ""
    locale: str | None = None
    source: str | None = None
    edited: bool = False
    owner_hash: str | None = None
    can_undo: bool = False
    can_redo: bool = False
    created: float = 0.0
    updated: float = 0.0

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """One line of the Recent list: the draft's id, title, text (for its step count) and time."""

    id: str
    title: str
    text: str
    updated: float
    edited: bool

    @property
    def name(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One revision: who made it, when, on which base, and (when asked for) its text."""

    id: int
    document_id: str
    parent_id: int | None
    merged_id: int | None
    author: str
    message: str
    created: float
    size: int
    is_head: bool
    text: str | None = None


@dataclass(frozen=True)
class SaveResult:
    """What a save did.

    ``status`` is ``saved`` (appended on the head), ``merged`` (merged with changes saved since the
    base), ``unchanged`` (nothing to save), ``conflict`` (the head is left alone; ``merge`` holds
    the conflicts and ``mine`` the revision keeping the saved text) or ``missing`` (no such document).
    ``draft`` is the document as it is now (None when missing).
    """

    status: Literal["saved", "merged", "unchanged", "conflict", "missing"]
    draft: Draft | None
    merge: MergeResult | None = None
    base: int | None = None
    mine: int | None = None
    base_text: str | None = None
    mine_text: str | None = None
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status in ("saved", "merged", "unchanged")


class _Moved(Exception):
    """The head moved between reading it and setting it: do the save again."""


class DocumentStore:
    """The documents of one database.

    Args:
        database: From :func:`blueprint.store.open_database`.
        settings: Quota, expiry and history limits; from the environment when omitted.
    """

    def __init__(self, database: Database, settings: Settings | None = None):
        self.database = database
        self.settings = settings or Settings.from_env()
        self._expired_at = time.monotonic()

    # -- reading ----------------------------------------------------------------------------------

    def get(self, document_id: object) -> Draft | None:
        """The document with its head text, or None when the id is not valid or not known."""
        if not looks_like_token(document_id):
            return None
        with self.database.read() as session:
            document = session.get(Document, document_id)
            if document is None:
                return None
            head = session.get(Revision, document.head_revision_id) if document.head_revision_id else None
            return _draft(document, head)

    def head(self, document_id: str) -> int | None:
        """The head revision's id (one indexed read: what a page polls to see another tab's save)."""
        if not looks_like_token(document_id):
            return None
        with self.database.read() as session:
            return session.scalar(select(Document.head_revision_id).where(Document.id == document_id))

    def owns(self, document_id: str, owner_token: str | None) -> bool:
        with self.database.read() as session:
            found = session.scalar(select(Document.owner_hash).where(Document.id == document_id))
        return bool(owner_token) and found == digest(owner_token)

    def recent(self, owner_token: str | None, limit: int = 10) -> list[DraftInfo]:
        """The owner's drafts, most recently changed first (nobody else's, ever)."""
        if not owner_token:
            return []
        with self.database.read() as session:
            rows = session.execute(
                select(Document.id, Document.title, Revision.text, Document.updated, Document.edited)
                .join(Revision, Revision.id == Document.head_revision_id)
                .where(Document.owner_hash == digest(owner_token))
                .order_by(Document.updated.desc(), Document.id).limit(limit)
            ).all()
        return [DraftInfo(row.id, row.title, row.text, _seconds(row.updated), row.edited) for row in rows]

    def untouched_copy(self, owner_token: str | None, source: str) -> Draft | None:
        """The owner's copy of ``source`` (an example, a template) that was never changed, if any."""
        if not owner_token:
            return None
        with self.database.read() as session:
            found = session.scalar(
                select(Document.id).where(Document.owner_hash == digest(owner_token), Document.source == source,
                                          Document.edited.is_(False))
                .order_by(Document.updated.desc()).limit(1))
        return self.get(found) if found else None

    def revisions(self, document_id: str, limit: int = 100) -> list[RevisionInfo]:
        """The document's revisions, newest first (texts left out)."""
        with self.database.read() as session:
            head = session.scalar(select(Document.head_revision_id).where(Document.id == document_id))
            rows = session.execute(
                select(Revision.id, Revision.document_id, Revision.parent_id, Revision.merged_id, Revision.author,
                       Revision.message, Revision.created, func.length(Revision.text).label("size"))
                .where(Revision.document_id == document_id).order_by(Revision.id.desc()).limit(limit)
            ).all()
        return [RevisionInfo(row.id, row.document_id, row.parent_id, row.merged_id, row.author, row.message,
                             _seconds(row.created), row.size or 0, row.id == head) for row in rows]

    def revision(self, document_id: str, revision_id: int) -> RevisionInfo | None:
        """One revision of the document, with its text (None when it is not one of the document's)."""
        with self.database.read() as session:
            found = session.get(Revision, revision_id)
            if found is None or found.document_id != document_id:
                return None
            head = session.scalar(select(Document.head_revision_id).where(Document.id == document_id))
            return RevisionInfo(found.id, found.document_id, found.parent_id, found.merged_id, found.author,
                                found.message, _seconds(found.created), len(found.text), found.id == head,
                                found.text)

    def compare(self, document_id: str, old: int, new: int, context: int = 3) -> list[str]:
        """The unified diff from revision ``old`` to revision ``new`` of the document (lines)."""
        before, after = self.revision(document_id, old), self.revision(document_id, new)
        if before is None or after is None:
            raise KeyError(f"no such revisions of {document_id}: {old}, {new}")
        return list(difflib.unified_diff(before.text.splitlines(keepends=True), after.text.splitlines(keepends=True),
                                         f"revision {old}", f"revision {new}", n=context))

    def compare_meaning(self, document_id: str, old: int, new: int) -> dict | None:
        """The semantic difference (:func:`blueprint.analysis.diff.diff`: steps added, removed,
        renamed, moved, changed, flows, findings...) from revision ``old`` to ``new``; None when
        either text does not load as a blueprint."""
        from ..analysis.diff import diff
        from ..errors import BlueprintError
        from ..loader import loads

        before, after = self.revision(document_id, old), self.revision(document_id, new)
        if before is None or after is None:
            raise KeyError(f"no such revisions of {document_id}: {old}, {new}")
        try:
            return diff(loads(before.text), loads(after.text), findings=False)
        except (BlueprintError, RecursionError, ValueError):
            return None

    # -- writing ----------------------------------------------------------------------------------

    def create(self, text: str, *, owner: str | None = None, title: str = "", locale: str | None = None,
               source: str | None = None, author: str = "") -> Draft:
        """A new document holding ``text``, owned by the browser holding ``owner``.

        Raises :class:`QuotaExceeded` when the owner keeps the allowed number of drafts and none
        is an untouched copy that could make room.
        """
        owner_hash = digest(owner) if owner else None
        text = storable(text)
        if time.monotonic() - self._expired_at > _EXPIRY_EVERY_SECONDS:
            # A server that runs for weeks cleans up as it goes, not only when it starts.
            self._expired_at = time.monotonic()
            self.expire_untouched()
        now = utcnow()
        with self.database.write() as session:
            if owner_hash is not None:
                self._make_room(session, owner_hash)
                if session.get(Owner, owner_hash) is None:
                    session.add(Owner(token_hash=owner_hash, created=now, seen=now))
            document = Document(id=new_id(), owner_hash=owner_hash, title=title[:500],
                                locale=locale if locale in locales() else None, source=source, edited=False,
                                undo="[]", redo="[]", created=now, updated=now)
            session.add(document)
            session.flush()
            revision = Revision(document_id=document.id, parent_id=None, text=text, author=author,
                                message="create", created=now)
            session.add(revision)
            session.flush()
            document.head_revision_id = revision.id
            return _draft(document, revision)

    def _make_room(self, session: Session, owner_hash: str) -> None:
        limit = self.settings.drafts_per_owner
        count = session.scalar(select(func.count()).select_from(Document).where(Document.owner_hash == owner_hash))
        if count < limit:
            return
        spare = session.scalars(
            select(Document.id).where(Document.owner_hash == owner_hash, Document.edited.is_(False))
            .order_by(Document.updated).limit(count - limit + 1)).all()
        if count - len(spare) >= limit:
            raise QuotaExceeded(limit)
        self._delete(session, list(spare))

    def save(self, document_id: str, base_revision: int | None, text: str, author: str = "",
             source: str = "edit") -> SaveResult:
        """Save ``text``, made on ``base_revision``; never overwrites a revision saved since.

        On the head: appended. On an older base: merged with what was saved since, or, when both
        changed the same place differently, a ``conflict`` result (the head stays).
        """
        text = storable(text)
        for _attempt in range(_RETRIES):
            try:
                return self._save_once(document_id, base_revision, text, author, source)
            except _Moved:
                continue
        raise RuntimeError(f"document {document_id}: the head kept moving during {_RETRIES} tries to save")

    def _locked(self, session: Session, document_id: str) -> Document | None:
        if not looks_like_token(document_id):
            return None
        return session.scalars(select(Document).where(Document.id == document_id).with_for_update()).first()

    def _save_once(self, document_id: str, base_revision: int | None, text: str, author: str,
                   source: str) -> SaveResult:
        with self.database.write() as session:
            document = self._locked(session, document_id)
            if document is None:
                return SaveResult("missing", None)
            head = session.get(Revision, document.head_revision_id)
            if base_revision == document.head_revision_id:
                if text == head.text:
                    return SaveResult("unchanged", _draft(document, head))
                new = self._append(session, document, head, text, author, source, base=base_revision)
                return SaveResult("saved", _draft(document, new))
            base = session.get(Revision, base_revision) if base_revision is not None else None
            if base is not None and base.document_id != document.id:
                base = None
            base_text = base.text if base is not None else ""
            if text == head.text:
                return SaveResult("unchanged", _draft(document, head), base=base_revision)
            # Keep the saved text whatever happens next: a revision off the head, on its own base.
            mine = Revision(document_id=document.id, parent_id=base.id if base else None, text=text,
                            author=author, message=source, created=utcnow())
            session.add(mine)
            session.flush()
            merged = merge3(base_text, text, head.text)
            if not merged.clean:
                return SaveResult("conflict", _draft(document, head), merged, base_revision, mine.id, base_text,
                                  text, merged.conflicts)
            new = self._append(session, document, head, merged.text, author, "merge", base=head.id,
                               merged_from=mine.id)
            return SaveResult("merged", _draft(document, new), merged, base_revision, mine.id)

    def _append(self, session: Session, document: Document, head: Revision, text: str, author: str,
                source: str, *, base: int | None, merged_from: int | None = None, stacks: Stacks | None = None
                ) -> Revision:
        """A new head revision with ``text``, its undo step recorded, set only if the head is still ``head``."""
        now = utcnow()
        revision = Revision(document_id=document.id, parent_id=head.id, merged_id=merged_from, text=text,
                            author=author, message=source, created=now)
        session.add(revision)
        session.flush()
        if stacks is None:
            stacks = self._stacks(document)
            stacks.record(head.text, text, source=source, when=time.time())
        undo, redo = stacks.to_json()
        moved = session.execute(
            update(Document).where(Document.id == document.id, Document.head_revision_id == head.id)
            .values(head_revision_id=revision.id, undo=undo, redo=redo, edited=True, updated=now)
            .execution_options(synchronize_session=False))
        if moved.rowcount != 1:
            raise _Moved()
        document.head_revision_id, document.undo, document.redo = revision.id, undo, redo
        document.edited, document.updated = True, now
        self._prune(session, document.id)
        return revision

    def _stacks(self, document: Document) -> Stacks:
        return Stacks.from_json(document.undo, document.redo)

    def _prune(self, session: Session, document_id: str) -> None:
        keep = self.settings.revisions_per_draft
        oldest_kept = session.scalar(
            select(Revision.id).where(Revision.document_id == document_id)
            .order_by(Revision.id.desc()).offset(keep - 1).limit(1))
        if oldest_kept is not None:
            session.execute(delete(Revision).where(Revision.document_id == document_id, Revision.id < oldest_kept)
                            .execution_options(synchronize_session=False))

    def undo(self, document_id: str, author: str = "") -> SaveResult:
        """Step the head back one change (whoever made it); ``unchanged`` when there is nothing to undo."""
        return self._step(document_id, author, "undo")

    def redo(self, document_id: str, author: str = "") -> SaveResult:
        return self._step(document_id, author, "redo")

    def _step(self, document_id: str, author: str, way: Literal["undo", "redo"]) -> SaveResult:
        with self.database.write() as session:
            document = self._locked(session, document_id)
            if document is None:
                return SaveResult("missing", None)
            head = session.get(Revision, document.head_revision_id)
            stacks = self._stacks(document)
            text = stacks.undo(head.text) if way == "undo" else stacks.redo(head.text)
            if text is None:
                return SaveResult("unchanged", _draft(document, head))
            new = self._append(session, document, head, text, author, way, base=head.id, stacks=stacks)
            return SaveResult("saved", _draft(document, new))

    def restore(self, document_id: str, revision_id: int, author: str = "") -> SaveResult:
        """Make an earlier revision's text the head again (as a new revision; history stays)."""
        found = self.revision(document_id, revision_id)
        if found is None:
            return SaveResult("missing", None)
        for _attempt in range(_RETRIES):
            current = self.head(document_id)
            result = self.save(document_id, current, found.text, author, "restore")
            if result.status != "conflict":
                return result
        raise RuntimeError(f"document {document_id}: could not restore revision {revision_id}")

    def update(self, document_id: str, *, title: str | None = None, locale: str | None | bool = False) -> None:
        """Rename the document and/or set its UI language (``locale=None`` follows the blueprint)."""
        values: dict = {}
        if title is not None:
            values["title"] = title[:500]
        if locale is not False:
            values["locale"] = locale if locale in locales() else None
        if not values:
            return
        with self.database.write() as session:
            session.execute(update(Document).where(Document.id == document_id).values(**values, updated=utcnow())
                            .execution_options(synchronize_session=False))

    def claim(self, document_id: str, owner_token: str) -> bool:
        """Give a document that has no owner (a draft imported from the old files) to this browser."""
        with self.database.write() as session:
            done = session.execute(update(Document).where(Document.id == document_id, Document.owner_hash.is_(None))
                                   .values(owner_hash=digest(owner_token))
                                   .execution_options(synchronize_session=False))
            return done.rowcount == 1

    def delete(self, document_id: str, owner_token: str | None = None) -> bool:
        """Delete the document and its revisions; with ``owner_token``, only if that browser owns it."""
        with self.database.write() as session:
            query = select(Document.id).where(Document.id == document_id)
            if owner_token is not None:
                query = query.where(Document.owner_hash == digest(owner_token))
            found = session.scalars(query).all()
            self._delete(session, list(found))
            return bool(found)

    def _delete(self, session: Session, ids: Sequence[str]) -> None:
        if not ids:
            return
        session.execute(update(Document).where(Document.id.in_(ids)).values(head_revision_id=None)
                        .execution_options(synchronize_session=False))
        session.execute(delete(Revision).where(Revision.document_id.in_(ids)).execution_options(synchronize_session=False))
        session.execute(delete(Document).where(Document.id.in_(ids)).execution_options(synchronize_session=False))

    def expire_untouched(self, now: datetime | None = None) -> int:
        """Delete copies nobody changed for ``untouched_days`` (boards keep theirs); returns how many."""
        from .models import Board

        cutoff = (now or utcnow()) - timedelta(days=self.settings.untouched_days)
        with self.database.write() as session:
            ids = session.scalars(
                select(Document.id).where(Document.edited.is_(False), Document.updated < cutoff,
                                          ~Document.id.in_(select(Board.document_id)))).all()
            self._delete(session, list(ids))
            return len(ids)

    def import_draft(self, document_id: str, text: str, *, title: str, locale: str | None, undo: str, redo: str,
                     created: float, updated: float) -> bool:
        """Store a draft from the old file store under its own id (so its links keep working).

        False when a document of that id is already there (the import ran before).
        """
        text = storable(text)
        created_at = datetime.fromtimestamp(created or updated or time.time(), timezone.utc)
        updated_at = datetime.fromtimestamp(updated or created or time.time(), timezone.utc)
        with self.database.write() as session:
            if session.get(Document, document_id) is not None:
                return False
            document = Document(id=document_id, owner_hash=None, title=title[:500],
                                locale=locale if locale in locales() else None, source=None, edited=True,
                                undo=undo, redo=redo, created=created_at, updated=updated_at)
            session.add(document)
            session.flush()
            revision = Revision(document_id=document_id, parent_id=None, text=text, author="",
                                message="import", created=updated_at)
            session.add(revision)
            session.flush()
            document.head_revision_id = revision.id
            return True


def _draft(document: Document, head: Revision | None) -> Draft:
    stacks = Stacks.from_json(document.undo, document.redo)
    return Draft(
        id=document.id, text=head.text if head is not None else "", revision=head.id if head is not None else 0,
        title=document.title, locale=document.locale, source=document.source, edited=document.edited,
        owner_hash=document.owner_hash, can_undo=bool(stacks.undo_entries), can_redo=bool(stacks.redo_entries),
        created=_seconds(document.created), updated=_seconds(document.updated),
    )
