from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from app.core.dates import IsoDate
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.core.responses import created, page_of, with_etag
from app.progress import service
from app.progress.models import GoalStatus
from app.progress.schemas import (
    ActivationSessionCreate,
    ActivationSessionRead,
    ActivationSessionUpdate,
    AttendanceRead,
    AttendanceUpdate,
    AttendanceWrite,
    CompetenceItemCreate,
    CompetenceItemRead,
    CompetenceItemUpdate,
    FloorDayRead,
    FloorDayWrite,
    GoalCreate,
    GoalRead,
    GoalUpdate,
    PlacementCreate,
    PlacementRead,
    PlacementUpdate,
    ProgressLogCreate,
    ProgressLogRead,
    ProgressLogUpdate,
)

router = APIRouter()


def _sort(fields: str) -> Any:
    return Query(max_length=20, description=f"{fields}; prefix '-' for descending")


# --- placements ---------------------------------------------------------------------------


@router.get(
    "/trajectories/{trajectory_id}/placements",
    response_model=Page[PlacementRead],
    responses=problems(404),
    tags=["placements"],
)
def list_placements(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: Annotated[str, _sort("start_date")] = "-start_date",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[PlacementRead]:
    page = service.list_placements(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(PlacementRead, page)


@router.post(
    "/trajectories/{trajectory_id}/placements",
    response_model=PlacementRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    tags=["placements"],
)
def create_placement(
    trajectory_id: uuid.UUID,
    data: PlacementCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> PlacementRead:
    """409 when the work floor is full on the start date (unless capacity_override_reason) or
    when the trajectory is closed."""
    placement = service.create_placement(session, principal, trajectory_id, data)
    return created(response, PlacementRead, placement, f"/api/v1/placements/{placement.id}")


@router.get(
    "/placements/{placement_id}",
    response_model=PlacementRead,
    responses=problems(404),
    tags=["placements"],
)
def get_placement(
    placement_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> PlacementRead:
    placement = service.get_placement(session, principal, placement_id)
    return with_etag(response, PlacementRead, placement)


@router.patch(
    "/placements/{placement_id}",
    response_model=PlacementRead,
    responses=problems(403, 404, 409, 412, 428),
    tags=["placements"],
)
def update_placement(
    placement_id: uuid.UUID,
    data: PlacementUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> PlacementRead:
    placement = service.update_placement(session, principal, placement_id, data, version=version)
    return with_etag(response, PlacementRead, placement)


# --- attendance ---------------------------------------------------------------------------


@router.get(
    "/placements/{placement_id}/attendance",
    response_model=Page[AttendanceRead],
    responses=problems(404),
    tags=["attendance"],
)
def list_attendance(
    placement_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    from_date: Annotated[IsoDate | None, Query(alias="from", description="First date")] = None,
    to_date: Annotated[IsoDate | None, Query(alias="to", description="Last date")] = None,
    sort: Annotated[str, _sort("date")] = "date",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[AttendanceRead]:
    page = service.list_attendance(
        session,
        principal,
        placement_id,
        from_date=from_date,
        to_date=to_date,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(AttendanceRead, page)


@router.post(
    "/placements/{placement_id}/attendance",
    response_model=AttendanceRead,
    responses=problems(403, 404, 409),
    tags=["attendance"],
)
def record_attendance(
    placement_id: uuid.UUID,
    data: AttendanceWrite,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> AttendanceRead:
    """Upsert the mark for one date and half-day: sending the same mark again changes nothing."""
    mark = service.record_attendance(session, principal, placement_id, data)
    return with_etag(response, AttendanceRead, mark)


@router.get(
    "/attendance/{attendance_id}",
    response_model=AttendanceRead,
    responses=problems(404),
    tags=["attendance"],
)
def get_attendance(
    attendance_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> AttendanceRead:
    mark = service.get_attendance(session, principal, attendance_id)
    return with_etag(response, AttendanceRead, mark)


@router.patch(
    "/attendance/{attendance_id}",
    response_model=AttendanceRead,
    responses=problems(400, 403, 404, 412, 428),
    tags=["attendance"],
)
def update_attendance(
    attendance_id: uuid.UUID,
    data: AttendanceUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> AttendanceRead:
    """Correct the status, hours or reason of one mark (its date and half-day stay)."""
    mark = service.update_attendance(session, principal, attendance_id, data, version=version)
    return with_etag(response, AttendanceRead, mark)


@router.delete(
    "/attendance/{attendance_id}",
    responses=problems(400, 403, 404, 412, 428),
    tags=["attendance"],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_attendance(
    attendance_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> None:
    service.delete_attendance(session, principal, attendance_id, version=version)


@router.get(
    "/work-floors/{work_floor_id}/attendance",
    response_model=FloorDayRead,
    responses=problems(404),
    tags=["attendance"],
)
def floor_day(
    work_floor_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    date: Annotated[IsoDate | None, Query(description="The day; today if left out")] = None,
) -> FloorDayRead:
    """The coach's daily list: placements active on the floor that day, with their marks."""
    day = service.floor_day(session, principal, work_floor_id, day=date or dt.date.today())
    return FloorDayRead.model_validate(day)


@router.post(
    "/work-floors/{work_floor_id}/attendance",
    response_model=FloorDayRead,
    responses=problems(403, 404, 409),
    tags=["attendance"],
)
def record_floor_day(
    work_floor_id: uuid.UUID, data: FloorDayWrite, session: SessionDep, principal: CurrentPrincipal
) -> FloorDayRead:
    """Record a whole floor's day at once (idempotent); all entries are written or none."""
    day = service.record_floor_day(session, principal, work_floor_id, data)
    return FloorDayRead.model_validate(day)


# --- competence items and progress logs ---------------------------------------------------


@router.get("/competence-items", response_model=list[CompetenceItemRead], tags=["progress logs"])
def list_competence_items(
    session: SessionDep,
    principal: CurrentPrincipal,
    include_inactive: Annotated[
        bool, Query(description="Also the deactivated items (for Beheer)")
    ] = False,
) -> list[CompetenceItemRead]:
    """Your organisation's own items if it has any, else the default set."""
    items = service.list_competence_items(session, principal, include_inactive=include_inactive)
    return [CompetenceItemRead.model_validate(item) for item in items]


@router.post(
    "/competence-items",
    response_model=CompetenceItemRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    tags=["progress logs"],
    summary="Add a competence item (admins; the first own item copies the default set)",
)
def create_competence_item(
    data: CompetenceItemCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> CompetenceItemRead:
    item = service.create_competence_item(session, principal, data)
    return created(response, CompetenceItemRead, item, f"/api/v1/competence-items/{item.id}")


@router.patch(
    "/competence-items/{competence_item_id}",
    response_model=CompetenceItemRead,
    responses=problems(403, 404, 412, 428),
    tags=["progress logs"],
    summary="Rename, reorder or (de)activate a competence item; never deleted",
)
def update_competence_item(
    competence_item_id: uuid.UUID,
    data: CompetenceItemUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> CompetenceItemRead:
    item = service.update_competence_item(
        session, principal, competence_item_id, data, version=version
    )
    return with_etag(response, CompetenceItemRead, item)


@router.get(
    "/trajectories/{trajectory_id}/progress-logs",
    response_model=Page[ProgressLogRead],
    responses=problems(404),
    tags=["progress logs"],
)
def list_progress_logs(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: Annotated[str, _sort("logged_on")] = "-logged_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ProgressLogRead]:
    page = service.list_progress_logs(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(ProgressLogRead, page)


@router.post(
    "/trajectories/{trajectory_id}/progress-logs",
    response_model=ProgressLogRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
    tags=["progress logs"],
)
def create_progress_log(
    trajectory_id: uuid.UUID,
    data: ProgressLogCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ProgressLogRead:
    log = service.create_progress_log(session, principal, trajectory_id, data)
    return created(response, ProgressLogRead, log, f"/api/v1/progress-logs/{log.id}")


@router.get(
    "/progress-logs/{log_id}",
    response_model=ProgressLogRead,
    responses=problems(404),
    tags=["progress logs"],
)
def get_progress_log(
    log_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> ProgressLogRead:
    log = service.get_progress_log(session, principal, log_id)
    return with_etag(response, ProgressLogRead, log)


@router.patch(
    "/progress-logs/{log_id}",
    response_model=ProgressLogRead,
    responses=problems(403, 404, 412, 428),
    tags=["progress logs"],
)
def update_progress_log(
    log_id: uuid.UUID,
    data: ProgressLogUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ProgressLogRead:
    log = service.update_progress_log(session, principal, log_id, data, version=version)
    return with_etag(response, ProgressLogRead, log)


@router.delete(
    "/progress-logs/{log_id}",
    responses=problems(400, 403, 404, 412, 428),
    tags=["progress logs"],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_progress_log(
    log_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> None:
    service.delete_progress_log(session, principal, log_id, version=version)


# --- goals --------------------------------------------------------------------------------


@router.get(
    "/trajectories/{trajectory_id}/goals",
    response_model=Page[GoalRead],
    responses=problems(404),
    tags=["goals"],
)
def list_goals(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    goal_status: Annotated[GoalStatus | None, Query(alias="status")] = None,
    overdue: Annotated[
        bool | None, Query(description="true: open and due before today; false: the others")
    ] = None,
    sort: Annotated[str, _sort("created_at")] = "created_at",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[GoalRead]:
    page = service.list_goals(
        session,
        principal,
        trajectory_id,
        status=goal_status,
        overdue=overdue,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return page_of(GoalRead, page)


@router.post(
    "/trajectories/{trajectory_id}/goals",
    response_model=GoalRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
    tags=["goals"],
)
def create_goal(
    trajectory_id: uuid.UUID,
    data: GoalCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> GoalRead:
    goal = service.create_goal(session, principal, trajectory_id, data)
    return created(response, GoalRead, goal, f"/api/v1/goals/{goal.id}")


@router.get("/goals/{goal_id}", response_model=GoalRead, responses=problems(404), tags=["goals"])
def get_goal(
    goal_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> GoalRead:
    goal = service.get_goal(session, principal, goal_id)
    return with_etag(response, GoalRead, goal)


@router.patch(
    "/goals/{goal_id}",
    response_model=GoalRead,
    responses=problems(403, 404, 412, 428),
    tags=["goals"],
)
def update_goal(
    goal_id: uuid.UUID,
    data: GoalUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> GoalRead:
    goal = service.update_goal(session, principal, goal_id, data, version=version)
    return with_etag(response, GoalRead, goal)


@router.delete(
    "/goals/{goal_id}",
    responses=problems(400, 403, 404, 412, 428),
    tags=["goals"],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_goal(
    goal_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> None:
    service.delete_goal(session, principal, goal_id, version=version)


# --- activation sessions ------------------------------------------------------------------


@router.get(
    "/trajectories/{trajectory_id}/activation-sessions",
    response_model=Page[ActivationSessionRead],
    responses=problems(404),
    tags=["activation sessions"],
)
def list_activation_sessions(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    sort: Annotated[str, _sort("held_on")] = "-held_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[ActivationSessionRead]:
    page = service.list_activation_sessions(
        session, principal, trajectory_id, sort=sort, limit=limit, cursor=cursor
    )
    return page_of(ActivationSessionRead, page)


@router.post(
    "/trajectories/{trajectory_id}/activation-sessions",
    response_model=ActivationSessionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
    tags=["activation sessions"],
)
def create_activation_session(
    trajectory_id: uuid.UUID,
    data: ActivationSessionCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ActivationSessionRead:
    record = service.create_activation_session(session, principal, trajectory_id, data)
    return created(
        response, ActivationSessionRead, record, f"/api/v1/activation-sessions/{record.id}"
    )


@router.get(
    "/activation-sessions/{session_id}",
    response_model=ActivationSessionRead,
    responses=problems(404),
    tags=["activation sessions"],
)
def get_activation_session(
    session_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> ActivationSessionRead:
    record = service.get_activation_session(session, principal, session_id)
    return with_etag(response, ActivationSessionRead, record)


@router.patch(
    "/activation-sessions/{session_id}",
    response_model=ActivationSessionRead,
    responses=problems(403, 404, 412, 428),
    tags=["activation sessions"],
)
def update_activation_session(
    session_id: uuid.UUID,
    data: ActivationSessionUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ActivationSessionRead:
    record = service.update_activation_session(
        session, principal, session_id, data, version=version
    )
    return with_etag(response, ActivationSessionRead, record)


@router.delete(
    "/activation-sessions/{session_id}",
    responses=problems(400, 403, 404, 412, 428),
    tags=["activation sessions"],
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
)
def delete_activation_session(
    session_id: uuid.UUID, version: IfMatch, session: SessionDep, principal: CurrentPrincipal
) -> None:
    service.delete_activation_session(session, principal, session_id, version=version)
