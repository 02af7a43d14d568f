from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.core.schemas import SearchText
from app.organisations import service
from app.organisations.models import OrganisationKind
from app.organisations.schemas import (
    FrameworkRead,
    OrganisationCreate,
    OrganisationRead,
    OrganisationUpdate,
    PartnershipCreate,
    PartnershipRead,
    PartnershipUpdate,
    WorkFloorCreate,
    WorkFloorRead,
    WorkFloorUpdate,
)

router = APIRouter(tags=["organisations"])

SortParam = Annotated[
    str, Query(max_length=20, description="name or created_at; prefix '-' for descending")
]


# --- organisations ------------------------------------------------------------------------


@router.get("/organisations", response_model=Page[OrganisationRead])
def list_organisations(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[SearchText | None, Query(description="Text in the name")] = None,
    kind: OrganisationKind | None = None,
    sort: SortParam = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[OrganisationRead]:
    page = service.list_organisations(
        session, principal, q=q, kind=kind, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(OrganisationRead, page)


@router.post(
    "/organisations",
    response_model=OrganisationRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 409),
)
def create_organisation(
    data: OrganisationCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> OrganisationRead:
    organisation = service.create_organisation(session, principal, data)
    return created(
        response, OrganisationRead, organisation, f"/api/v1/organisations/{organisation.id}"
    )


@router.get(
    "/organisations/{organisation_id}", response_model=OrganisationRead, responses=problems(404)
)
def get_organisation(
    organisation_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> OrganisationRead:
    organisation = service.get_organisation(session, principal, organisation_id)
    return with_etag(response, OrganisationRead, organisation)


@router.patch(
    "/organisations/{organisation_id}",
    response_model=OrganisationRead,
    responses=problems(403, 404, 409, 412, 428),
)
def update_organisation(
    organisation_id: uuid.UUID,
    data: OrganisationUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> OrganisationRead:
    organisation = service.update_organisation(
        session, principal, organisation_id, data, version=version
    )
    return with_etag(response, OrganisationRead, organisation)


# --- work floors --------------------------------------------------------------------------


@router.get(
    "/organisations/{organisation_id}/work-floors",
    response_model=Page[WorkFloorRead],
    responses=problems(404),
    tags=["work floors"],
)
def list_work_floors(
    organisation_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    include_inactive: bool = False,
    sort: SortParam = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[WorkFloorRead]:
    page = service.list_work_floors(
        session,
        principal,
        organisation_id,
        include_inactive=include_inactive,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(WorkFloorRead, page)


@router.post(
    "/organisations/{organisation_id}/work-floors",
    response_model=WorkFloorRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    tags=["work floors"],
)
def create_work_floor(
    organisation_id: uuid.UUID,
    data: WorkFloorCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> WorkFloorRead:
    floor = service.create_work_floor(session, principal, organisation_id, data)
    return created(response, WorkFloorRead, floor, f"/api/v1/work-floors/{floor.id}")


@router.get(
    "/work-floors/{work_floor_id}",
    response_model=WorkFloorRead,
    responses=problems(404),
    tags=["work floors"],
)
def get_work_floor(
    work_floor_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> WorkFloorRead:
    floor = service.get_work_floor(session, principal, work_floor_id)
    return with_etag(response, WorkFloorRead, floor)


@router.patch(
    "/work-floors/{work_floor_id}",
    response_model=WorkFloorRead,
    responses=problems(403, 404, 409, 412, 428),
    tags=["work floors"],
)
def update_work_floor(
    work_floor_id: uuid.UUID,
    data: WorkFloorUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> WorkFloorRead:
    floor = service.update_work_floor(session, principal, work_floor_id, data, version=version)
    return with_etag(response, WorkFloorRead, floor)


# --- partnerships -------------------------------------------------------------------------


@router.get("/partnerships", response_model=Page[PartnershipRead], tags=["partnerships"])
def list_partnerships(
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: SortParam = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[PartnershipRead]:
    page = service.list_partnerships(session, principal, sort=sort, limit=limit, cursor=cursor)
    return page_of(PartnershipRead, page)


@router.post(
    "/partnerships",
    response_model=PartnershipRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 409),
    tags=["partnerships"],
)
def create_partnership(
    data: PartnershipCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PartnershipRead:
    partnership = service.create_partnership(session, principal, data)
    return created(response, PartnershipRead, partnership, f"/api/v1/partnerships/{partnership.id}")


@router.get(
    "/partnerships/{partnership_id}",
    response_model=PartnershipRead,
    responses=problems(404),
    tags=["partnerships"],
)
def get_partnership(
    partnership_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PartnershipRead:
    partnership = service.get_partnership(session, principal, partnership_id)
    return with_etag(response, PartnershipRead, partnership)


@router.patch(
    "/partnerships/{partnership_id}",
    response_model=PartnershipRead,
    responses=problems(403, 404, 409, 412, 428),
    tags=["partnerships"],
)
def update_partnership(
    partnership_id: uuid.UUID,
    data: PartnershipUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> PartnershipRead:
    partnership = service.update_partnership(
        session, principal, partnership_id, data, version=version
    )
    return with_etag(response, PartnershipRead, partnership)


# --- frameworks ---------------------------------------------------------------------------


@router.get("/frameworks", response_model=list[FrameworkRead], tags=["frameworks"])
def list_frameworks(session: SessionDep, principal: CurrentPrincipal) -> list[FrameworkRead]:
    return [FrameworkRead.model_validate(f) for f in service.list_frameworks(session, principal)]
