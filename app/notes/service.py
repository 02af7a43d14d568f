"""Notes: stored with their visibility. Who may read which visibility is decided in
app/access (policies.visible_notes): the team, consent and secrecy rules."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version
from app.core.errors import Forbidden, NotFound
from app.core.pagination import PageResult, paginate, parse_sort
from app.notes.models import Note, Visibility
from app.notes.schemas import NoteCreate, NoteUpdate
from app.trajectories import service as trajectory_service

NOTE_SORTS = {"written_on": Note.written_on, "created_at": Note.created_at}


def list_notes(
    session: Session,
    principal: Principal,
    trajectory_id: uuid.UUID,
    *,
    visibility: Visibility | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    trajectory_service.get_trajectory_for(session, principal, trajectory_id, Action.NOTES_READ)
    statement = select(Note).where(
        Note.trajectory_id == trajectory_id, policies.visible_notes(principal)
    )
    if visibility:
        statement = statement.where(Note.visibility == visibility)
    audit.touch(session, object_type=Note.__tablename__, trajectory_id=trajectory_id)
    return paginate(
        session,
        statement,
        id_column=Note.id,
        sort=parse_sort(sort, NOTE_SORTS),
        limit=limit,
        cursor=cursor,
    )


def _require_may_write(principal: Principal, visibility: Visibility) -> None:
    if not policies.may_write_note(principal, visibility):
        raise Forbidden("Care notes are written only by staff bound by professional secrecy")


def add_note(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: NoteCreate
) -> Note:
    trajectory = trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.NOTES_WRITE
    )
    _require_may_write(principal, data.visibility)
    note = Note(
        trajectory_id=trajectory.id,
        author_id=principal.id,
        author_organisation_id=principal.organisation_id,
        visibility=data.visibility,
        written_on=data.written_on or date.today(),
        body=data.body,
    )
    session.add(note)
    session.flush()
    return note


def get_note(session: Session, principal: Principal, note_id: uuid.UUID) -> Note:
    policies.require_visible(principal, Action.NOTES_READ)
    note = session.scalar(select(Note).where(Note.id == note_id, policies.visible_notes(principal)))
    if note is None:
        raise NotFound("Note not found")
    audit.touch(
        session,
        object_type=Note.__tablename__,
        object_id=note.id,
        trajectory_id=note.trajectory_id,
    )
    return note


def update_note(
    session: Session, principal: Principal, note_id: uuid.UUID, data: NoteUpdate, *, version: int
) -> Note:
    note = get_note(session, principal, note_id)
    policies.require_note_author(principal, note.author_id)
    check_version(version, note.version)
    trajectory_service.refuse_edits_on_deidentified(session, note.trajectory_id)
    if data.visibility is not None:
        _require_may_write(principal, data.visibility)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(note, field, value)
    session.flush()
    return note


def delete_note(
    session: Session, principal: Principal, note_id: uuid.UUID, *, version: int
) -> None:
    note = get_note(session, principal, note_id)
    policies.require_note_author(principal, note.author_id)
    check_version(version, note.version)
    session.delete(note)
    session.flush()
