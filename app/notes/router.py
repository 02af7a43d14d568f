from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.notes import service
from app.notes.models import Visibility
from app.notes.schemas import NoteCreate, NoteRead, NoteUpdate

router = APIRouter(tags=["notes"])


@router.get(
    "/trajectories/{trajectory_id}/notes",
    response_model=Page[NoteRead],
    responses=problems(403, 404),
)
def list_notes(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    visibility: Visibility | None = None,
    sort: Annotated[
        str, Query(max_length=20, description="written_on, created_at; '-' for descending")
    ] = "-written_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[NoteRead]:
    page = service.list_notes(
        session,
        principal,
        trajectory_id,
        visibility=visibility,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(NoteRead, page)


@router.post(
    "/trajectories/{trajectory_id}/notes",
    response_model=NoteRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
)
def add_note(
    trajectory_id: uuid.UUID,
    data: NoteCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> NoteRead:
    note = service.add_note(session, principal, trajectory_id, data)
    return created(response, NoteRead, note, f"/api/v1/notes/{note.id}")


@router.get("/notes/{note_id}", response_model=NoteRead, responses=problems(404))
def get_note(
    note_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> NoteRead:
    return with_etag(response, NoteRead, service.get_note(session, principal, note_id))


@router.patch("/notes/{note_id}", response_model=NoteRead, responses=problems(403, 404, 412, 428))
def update_note(
    note_id: uuid.UUID,
    data: NoteUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> NoteRead:
    note = service.update_note(session, principal, note_id, data, version=version)
    return with_etag(response, NoteRead, note)


@router.delete(
    "/notes/{note_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(403, 404, 412, 428),
)
def delete_note(
    note_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    service.delete_note(session, principal, note_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
