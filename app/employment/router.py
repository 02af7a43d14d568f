from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.core.dates import IsoDate
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.core.schemas import SearchText
from app.employment import service
from app.employment.schemas import (
    EmployerContactCreate,
    EmployerContactRead,
    EmployerContactUpdate,
    EmployerCreate,
    EmployerRead,
    EmployerUpdate,
    InternshipCreate,
    InternshipRead,
    InternshipUpdate,
    JobCreate,
    JobRead,
    JobUpdate,
)

router = APIRouter(tags=["employment"])

EmployerSort = Annotated[
    str, Query(max_length=20, description="name or created_at; prefix '-' for descending")
]
ContactSort = Annotated[str, Query(max_length=20, description="contacted_on; '-' for descending")]
StartSort = Annotated[str, Query(max_length=20, description="start_date; '-' for descending")]


# --- employers ----------------------------------------------------------------------------


@router.get(
    "/employers",
    response_model=Page[EmployerRead],
    tags=["employers"],
    summary="Your organisation's employers",
)
def list_employers(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[SearchText | None, Query(description="Text in the name (accents ignored)")] = None,
    sort: EmployerSort = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[EmployerRead]:
    page = service.list_employers(session, principal, q=q, sort=sort, limit=limit, cursor=cursor)
    return page_of(EmployerRead, page)


@router.post(
    "/employers",
    response_model=EmployerRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 409),
    tags=["employers"],
)
def create_employer(
    data: EmployerCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> EmployerRead:
    employer = service.create_employer(session, principal, data)
    return created(response, EmployerRead, employer, f"/api/v1/employers/{employer.id}")


@router.get(
    "/employers/{employer_id}",
    response_model=EmployerRead,
    responses=problems(404),
    tags=["employers"],
)
def get_employer(
    employer_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> EmployerRead:
    return with_etag(response, EmployerRead, service.get_employer(session, principal, employer_id))


@router.patch(
    "/employers/{employer_id}",
    response_model=EmployerRead,
    responses=problems(403, 404, 409, 412, 428),
    tags=["employers"],
)
def update_employer(
    employer_id: uuid.UUID,
    data: EmployerUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> EmployerRead:
    employer = service.update_employer(session, principal, employer_id, data, version=version)
    return with_etag(response, EmployerRead, employer)


# --- employer contacts --------------------------------------------------------------------


@router.get(
    "/employer-contacts",
    response_model=Page[EmployerContactRead],
    tags=["employer contacts"],
    summary="Your organisation's employer contacts (IPS job development)",
)
def list_employer_contacts(
    session: SessionDep,
    principal: CurrentPrincipal,
    employer_id: uuid.UUID | None = None,
    staff_id: uuid.UUID | None = None,
    from_: Annotated[
        IsoDate | None, Query(alias="from", description="Contacted on or after")
    ] = None,
    to: Annotated[IsoDate | None, Query(description="Contacted on or before")] = None,
    sort: ContactSort = "-contacted_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[EmployerContactRead]:
    page = service.list_employer_contacts(
        session,
        principal,
        employer_id=employer_id,
        staff_id=staff_id,
        from_=from_,
        to=to,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(EmployerContactRead, page)


@router.post(
    "/employer-contacts",
    response_model=EmployerContactRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403),
    tags=["employer contacts"],
)
def create_employer_contact(
    data: EmployerContactCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> EmployerContactRead:
    contact = service.create_employer_contact(session, principal, data)
    return created(
        response, EmployerContactRead, contact, f"/api/v1/employer-contacts/{contact.id}"
    )


@router.get(
    "/employer-contacts/{contact_id}",
    response_model=EmployerContactRead,
    responses=problems(404),
    tags=["employer contacts"],
)
def get_employer_contact(
    contact_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> EmployerContactRead:
    contact = service.get_employer_contact(session, principal, contact_id)
    return with_etag(response, EmployerContactRead, contact)


@router.patch(
    "/employer-contacts/{contact_id}",
    response_model=EmployerContactRead,
    responses=problems(403, 404, 412, 428),
    tags=["employer contacts"],
)
def update_employer_contact(
    contact_id: uuid.UUID,
    data: EmployerContactUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> EmployerContactRead:
    contact = service.update_employer_contact(session, principal, contact_id, data, version=version)
    return with_etag(response, EmployerContactRead, contact)


@router.get(
    "/trajectories/{trajectory_id}/employer-contacts",
    response_model=Page[EmployerContactRead],
    responses=problems(404),
    tags=["employer contacts"],
    summary="Employer contacts about this trajectory's participant",
)
def list_trajectory_employer_contacts(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: ContactSort = "-contacted_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[EmployerContactRead]:
    page = service.list_trajectory_employer_contacts(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(EmployerContactRead, page)


# --- internships --------------------------------------------------------------------------


@router.get(
    "/trajectories/{trajectory_id}/internships",
    response_model=Page[InternshipRead],
    responses=problems(404),
    tags=["internships"],
)
def list_internships(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: StartSort = "-start_date",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[InternshipRead]:
    page = service.list_internships(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(InternshipRead, page)


@router.post(
    "/trajectories/{trajectory_id}/internships",
    response_model=InternshipRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
    tags=["internships"],
)
def create_internship(
    trajectory_id: uuid.UUID,
    data: InternshipCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> InternshipRead:
    internship = service.create_internship(session, principal, trajectory_id, data)
    return created(response, InternshipRead, internship, f"/api/v1/internships/{internship.id}")


@router.get(
    "/internships/{internship_id}",
    response_model=InternshipRead,
    responses=problems(404),
    tags=["internships"],
)
def get_internship(
    internship_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> InternshipRead:
    internship = service.get_internship(session, principal, internship_id)
    return with_etag(response, InternshipRead, internship)


@router.patch(
    "/internships/{internship_id}",
    response_model=InternshipRead,
    responses=problems(403, 404, 412, 428),
    tags=["internships"],
)
def update_internship(
    internship_id: uuid.UUID,
    data: InternshipUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> InternshipRead:
    internship = service.update_internship(session, principal, internship_id, data, version=version)
    return with_etag(response, InternshipRead, internship)


@router.delete(
    "/internships/{internship_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(400, 403, 404, 409, 412, 428),
    tags=["internships"],
    summary="Delete an internship recorded in error (409 while an outflow links it)",
)
def delete_internship(
    internship_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    service.delete_internship(session, principal, internship_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


# --- jobs ---------------------------------------------------------------------------------


@router.get(
    "/participants/{participant_id}/jobs",
    response_model=Page[JobRead],
    responses=problems(404),
    tags=["jobs"],
)
def list_jobs(
    participant_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: StartSort = "-start_date",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[JobRead]:
    page = service.list_jobs(
        session, principal, participant_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(JobRead, page)


@router.post(
    "/participants/{participant_id}/jobs",
    response_model=JobRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
    tags=["jobs"],
)
def create_job(
    participant_id: uuid.UUID,
    data: JobCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> JobRead:
    job = service.create_job(session, principal, participant_id, data)
    return created(response, JobRead, job, f"/api/v1/jobs/{job.id}")


@router.get("/jobs/{job_id}", response_model=JobRead, responses=problems(404), tags=["jobs"])
def get_job(
    job_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> JobRead:
    return with_etag(response, JobRead, service.get_job(session, principal, job_id))


@router.patch(
    "/jobs/{job_id}",
    response_model=JobRead,
    responses=problems(403, 404, 412, 428),
    tags=["jobs"],
)
def update_job(
    job_id: uuid.UUID,
    data: JobUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> JobRead:
    job = service.update_job(session, principal, job_id, data, version=version)
    return with_etag(response, JobRead, job)
