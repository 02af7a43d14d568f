"""Notes: stored with their visibility. Who may read which visibility is decided in
app/access (today: organisation staff with note permissions; issue 4 adds the team,
consent and secrecy rules)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version
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
    statement = select(Note).where(Note.trajectory_id == trajectory_id)
    if visibility:
        statement = statement.where(Note.visibility == visibility)
    return paginate(
        session,
        statement,
        id_column=Note.id,
        sort=parse_sort(sort, NOTE_SORTS),
        limit=limit,
        cursor=cursor,
    )


def add_note(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, data: NoteCreate
) -> Note:
    trajectory = trajectory_service.get_trajectory_for(
        session, principal, trajectory_id, Action.NOTES_WRITE
    )
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
    note, _ = trajectory_service.get_trajectory_record(
        session, principal, Note, note_id, label="Note"
    )
    return note


def update_note(
    session: Session, principal: Principal, note_id: uuid.UUID, data: NoteUpdate, *, version: int
) -> Note:
    note = get_note(session, principal, note_id)
    policies.require_note_author(principal, note.author_id)
    check_version(version, note.version)
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
