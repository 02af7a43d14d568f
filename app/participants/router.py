from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.orm import Session

from app.access.policies import Principal
from app.core.concurrency import etag
from app.core.dates import IsoDate
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.responses import created
from app.core.schemas import SearchText
from app.participants import service
from app.participants.models import ActivityPermission, BenefitStatus, Participant, VdabAdvice
from app.participants.schemas import (
    ActivityPermissionCreate,
    ActivityPermissionRead,
    BenefitStatusCreate,
    BenefitStatusRead,
    DuplicateCandidate,
    Insz,
    ParticipantChangeRead,
    ParticipantCreate,
    ParticipantDetail,
    ParticipantListItem,
    ParticipantPage,
    ParticipantRead,
    ParticipantUpdate,
    ParticipantView,
    VdabAdviceCreate,
    VdabAdviceRead,
    WorkFloorParticipantListItem,
    WorkFloorParticipantRead,
)
from app.trajectories.phases import Phase, Status

router = APIRouter(prefix="/participants", tags=["participants"])

SHAPED_BY_ROLE = (
    "The shape depends on your role (`view`): coaches get the work floor's view, without "
    "INSZ, address, e-mail, target groups or referral source; others get it in full."
)
LIST_ITEMS: dict[ParticipantView, type[ParticipantListItem | WorkFloorParticipantListItem]] = {
    ParticipantView.FULL: ParticipantListItem,
    ParticipantView.WORK_FLOOR: WorkFloorParticipantListItem,
}
DETAILS: dict[ParticipantView, type[ParticipantRead | WorkFloorParticipantRead]] = {
    ParticipantView.FULL: ParticipantRead,
    ParticipantView.WORK_FLOOR: WorkFloorParticipantRead,
}


def _detail(
    session: Session, principal: Principal, participant: Participant
) -> ParticipantRead | WorkFloorParticipantRead:
    caseload = service.caseload_of(session, principal, [participant.id])
    schema = DETAILS[service.participant_view(principal)]
    return schema.of(participant, caseload.get(participant.id))


@router.get(
    "",
    response_model=ParticipantPage,
    responses=problems(403),
    summary="The caseload: participants you may see, with their current trajectory",
    description=SHAPED_BY_ROLE,
)
def list_participants(
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[
        SearchText | None, Query(description="Words in the name (accents ignored)")
    ] = None,
    phase: Phase | None = None,
    status: Status | None = None,
    framework: Annotated[str | None, Query(max_length=40)] = None,
    coach_id: Annotated[
        uuid.UUID | None, Query(description="On this staff member's mini-team today")
    ] = None,
    overdue: Annotated[
        bool | None,
        Query(
            description=(
                "true: the current trajectory has an open goal due before today or a "
                "follow-up past its date with no contact recorded; false: everyone else"
            )
        ),
    ] = None,
    sort: Annotated[
        str, Query(max_length=20, description="name, birth_date, created_at; '-' for descending")
    ] = "name",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> ParticipantPage:
    result = service.list_participants(
        session,
        principal,
        q=q,
        phase=phase,
        status=status,
        framework=framework,
        coach_id=coach_id,
        overdue=overdue,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    schema = LIST_ITEMS[service.participant_view(principal)]
    return ParticipantPage(
        items=[schema.of(p, result.caseload.get(p.id)) for p in result.page.rows],
        next_cursor=result.page.next_cursor,
        total=result.page.total,
    )


@router.get(
    "/duplicates",
    response_model=list[DuplicateCandidate],
    responses=problems(403),
    summary="Likely duplicates, to check before registering someone",
    description="Searching by INSZ needs the full view of participants (coaches get 403).",
)
def find_duplicates(
    session: SessionDep,
    principal: CurrentPrincipal,
    name: Annotated[SearchText | None, Query(description="Full name")] = None,
    first_name: Annotated[SearchText | None, Query()] = None,
    last_name: Annotated[SearchText | None, Query()] = None,
    birth_date: Annotated[IsoDate | None, Query()] = None,
    insz: Annotated[Insz | None, Query()] = None,
) -> list[DuplicateCandidate]:
    found = service.find_duplicates(
        session,
        principal,
        first_name=first_name,
        last_name=last_name,
        name=name,
        birth_date=birth_date,
        insz=insz,
    )
    return [
        DuplicateCandidate(
            id=p.id,
            first_name=p.first_name,
            last_name=p.last_name,
            birth_date=p.birth_date,
            matched_on=matched,
        )
        for p, matched in found
    ]


@router.post(
    "",
    response_model=ParticipantDetail,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 409),
    summary="Register a participant (409 with candidates when a duplicate is likely)",
    description=SHAPED_BY_ROLE,
)
def create_participant(
    data: ParticipantCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> ParticipantRead | WorkFloorParticipantRead:
    participant = service.create_participant(session, principal, data)
    schema = DETAILS[service.participant_view(principal)]
    return created(response, schema, participant, f"/api/v1/participants/{participant.id}")


@router.get(
    "/{participant_id}",
    response_model=ParticipantDetail,
    responses=problems(404),
    description=SHAPED_BY_ROLE,
)
def get_participant(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> ParticipantRead | WorkFloorParticipantRead:
    participant = service.get_participant(session, principal, participant_id)
    response.headers["ETag"] = etag(participant.version)
    return _detail(session, principal, participant)


@router.patch(
    "/{participant_id}",
    response_model=ParticipantDetail,
    responses=problems(403, 404, 409, 412, 428),
    description=SHAPED_BY_ROLE,
)
def update_participant(
    participant_id: uuid.UUID,
    data: ParticipantUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ParticipantRead | WorkFloorParticipantRead:
    participant = service.update_participant(
        session, principal, participant_id, data, version=version
    )
    response.headers["ETag"] = etag(participant.version)
    return _detail(session, principal, participant)


@router.delete(
    "/{participant_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(403, 404, 409, 412, 428),
    summary="Undo a registration made in error (not for someone with a trajectory)",
)
def delete_participant(
    participant_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    service.delete_participant(session, principal, participant_id, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{participant_id}/changes",
    response_model=list[ParticipantChangeRead],
    responses=problems(403, 404),
    summary="What each edit changed in the participant's record, newest first",
)
def list_participant_changes(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ParticipantChangeRead]:
    changes = service.list_changes(session, principal, participant_id)
    return [ParticipantChangeRead.of(change, name) for change, name in changes]


@router.get(
    "/{participant_id}/benefit-statuses",
    response_model=list[BenefitStatusRead],
    responses=problems(403, 404),
)
def list_benefit_statuses(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[BenefitStatusRead]:
    facts = service.list_facts(session, principal, participant_id, BenefitStatus)
    return [BenefitStatusRead.model_validate(f) for f in facts]


@router.post(
    "/{participant_id}/benefit-statuses",
    response_model=BenefitStatusRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
)
def add_benefit_status(
    participant_id: uuid.UUID,
    data: BenefitStatusCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> BenefitStatusRead:
    fact = service.add_fact(session, principal, participant_id, BenefitStatus, data)
    return BenefitStatusRead.model_validate(fact)


@router.get(
    "/{participant_id}/activity-permissions",
    response_model=list[ActivityPermissionRead],
    responses=problems(403, 404),
)
def list_activity_permissions(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ActivityPermissionRead]:
    facts = service.list_facts(session, principal, participant_id, ActivityPermission)
    return [ActivityPermissionRead.model_validate(f) for f in facts]


@router.post(
    "/{participant_id}/activity-permissions",
    response_model=ActivityPermissionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
)
def add_activity_permission(
    participant_id: uuid.UUID,
    data: ActivityPermissionCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ActivityPermissionRead:
    fact = service.add_fact(session, principal, participant_id, ActivityPermission, data)
    return ActivityPermissionRead.model_validate(fact)


@router.get(
    "/{participant_id}/vdab-advices",
    response_model=list[VdabAdviceRead],
    responses=problems(403, 404),
)
def list_vdab_advices(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[VdabAdviceRead]:
    facts = service.list_facts(session, principal, participant_id, VdabAdvice)
    return [VdabAdviceRead.model_validate(f) for f in facts]


@router.post(
    "/{participant_id}/vdab-advices",
    response_model=VdabAdviceRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
)
def add_vdab_advice(
    participant_id: uuid.UUID,
    data: VdabAdviceCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> VdabAdviceRead:
    fact = service.add_fact(session, principal, participant_id, VdabAdvice, data)
    return VdabAdviceRead.model_validate(fact)
