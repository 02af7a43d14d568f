from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status

from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version, etag, parse_if_match
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, IfMatch, Limit, SessionDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.trajectories import candidates, service
from app.trajectories.models import Trajectory
from app.trajectories.phases import Phase, Status
from app.trajectories.schemas import (
    CloseRequest,
    PauseRequest,
    PhaseChangeCreate,
    PhaseChangeRead,
    ResumeRequest,
    StartRequest,
    StatusChangeRead,
    TeamCandidateRead,
    TeamMemberCreate,
    TeamMemberRead,
    TrajectoryCreate,
    TrajectoryRead,
    TrajectoryUpdate,
)

router = APIRouter(prefix="/trajectories", tags=["trajectories"])

STATUS_ANSWERS = problems(403, 404, 409)
# Start, phase change, pause, resume: If-Match is optional (older clients send none), but
# when sent it is checked like on PATCH, so a person acting on a stale view gets a 412.
ACTION_ANSWERS = problems(403, 404, 409, 412)


def get_optional_if_match(
    _: CurrentPrincipal,
    if_match: Annotated[
        str | None,
        Header(
            description=(
                'Optional: the ETag of the version you acted on, e.g. "3". When given and '
                "stale, the answer is a 412 with the current version; nothing is changed."
            ),
            max_length=40,
        ),
    ] = None,
) -> int | None:
    # Depends on the caller: a request without a token is a 401 before a malformed header is a 400.
    if if_match is None or not if_match.strip():
        return None  # blank is "none sent", as parse_if_match reads it (428 where required)
    return parse_if_match(if_match)


OptionalIfMatch = Annotated[int | None, Depends(get_optional_if_match)]


def _read(
    session: SessionDep, response: Response, principal: Principal, trajectory: Trajectory
) -> TrajectoryRead:
    (view,) = service.view_of(session, principal, [trajectory])
    response.headers["ETag"] = etag(trajectory.version)
    return _as_read(view)


def _as_read(view: service.TrajectoryView) -> TrajectoryRead:
    return TrajectoryRead.model_validate(
        {
            **{
                c: getattr(view.trajectory, c)
                for c in TrajectoryRead.model_fields
                if hasattr(view.trajectory, c)
            },
            "flags": view.flags,
            "days_in_phase": view.days_in_phase,
            "allowed_phase_targets": view.allowed_phase_targets,
            "pause_reason": view.pause_reason,
        }
    )


@router.get("", response_model=Page[TrajectoryRead], responses=problems(403))
def list_trajectories(
    session: SessionDep,
    principal: CurrentPrincipal,
    participant_id: uuid.UUID | None = None,
    phase: Phase | None = None,
    status: Status | None = None,
    sort: Annotated[
        str,
        Query(max_length=20, description="referred_on, phase_since, created_at; '-' descending"),
    ] = "-referred_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[TrajectoryRead]:
    page = service.list_trajectories(
        session,
        principal,
        participant_id=participant_id,
        phase=phase,
        status=status,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    views = service.view_of(session, principal, page.rows)
    return Page[TrajectoryRead](
        items=[_as_read(v) for v in views], next_cursor=page.next_cursor, total=page.total
    )


@router.post(
    "",
    response_model=TrajectoryRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    summary="Open a trajectory (409 if one is open in this framework)",
)
def open_trajectory(
    data: TrajectoryCreate, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> TrajectoryRead:
    trajectory = service.open_trajectory(session, principal, data)
    response.headers["Location"] = f"/api/v1/trajectories/{trajectory.id}"
    return _read(session, response, principal, trajectory)


@router.get("/{trajectory_id}", response_model=TrajectoryRead, responses=problems(404))
def get_trajectory(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal, response: Response
) -> TrajectoryRead:
    return _read(
        session, response, principal, service.get_trajectory(session, principal, trajectory_id)
    )


@router.patch(
    "/{trajectory_id}",
    response_model=TrajectoryRead,
    responses=problems(403, 404, 409, 412, 428),
    summary="Change the pause reason or expected return of a paused trajectory",
)
def update_trajectory(
    trajectory_id: uuid.UUID,
    data: TrajectoryUpdate,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TrajectoryRead:
    trajectory = service.update_trajectory(session, principal, trajectory_id, data, version=version)
    return _read(session, response, principal, trajectory)


@router.get(
    "/{trajectory_id}/phase-changes",
    response_model=list[PhaseChangeRead],
    responses=problems(404),
)
def list_phase_changes(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[PhaseChangeRead]:
    history = service.phase_history(session, principal, trajectory_id)
    return [PhaseChangeRead.model_validate(c) for c in history]


@router.post(
    "/{trajectory_id}/phase-changes",
    response_model=PhaseChangeRead,
    status_code=status.HTTP_201_CREATED,
    responses=ACTION_ANSWERS,
    summary="Move to another phase (409 with allowed_targets when the machine forbids it)",
)
def record_phase_change(
    trajectory_id: uuid.UUID,
    data: PhaseChangeCreate,
    version: OptionalIfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> PhaseChangeRead:
    trajectory = service.get_trajectory_for(
        session, principal, trajectory_id, Action.TRAJECTORIES_MANAGE
    )
    if version is not None:
        check_version(version, trajectory.version)
    change = service.record_phase_change(
        session, principal, trajectory, to_phase=data.to_phase, on=data.date, reason=data.reason
    )
    return PhaseChangeRead.model_validate(change)


@router.get(
    "/{trajectory_id}/status-changes",
    response_model=list[StatusChangeRead],
    responses=problems(404),
)
def list_status_changes(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[StatusChangeRead]:
    return service.status_history(session, principal, trajectory_id)


@router.post(
    "/{trajectory_id}/start",
    response_model=TrajectoryRead,
    responses=ACTION_ANSWERS,
    summary="Start a referred trajectory (off the waiting list)",
)
def start(
    trajectory_id: uuid.UUID,
    data: StartRequest,
    version: OptionalIfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TrajectoryRead:
    trajectory = service.change_status(
        session, principal, trajectory_id, to_status=Status.ACTIVE, on=data.date, version=version
    )
    return _read(session, response, principal, trajectory)


@router.post(
    "/{trajectory_id}/pause",
    response_model=TrajectoryRead,
    responses=ACTION_ANSWERS,
    summary="Pause (illness, crisis) with a reason and an expected return",
)
def pause(
    trajectory_id: uuid.UUID,
    data: PauseRequest,
    version: OptionalIfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TrajectoryRead:
    trajectory = service.change_status(
        session,
        principal,
        trajectory_id,
        to_status=Status.PAUSED,
        on=data.date,
        reason=data.reason,
        expected_return_on=data.expected_return_on,
        version=version,
    )
    return _read(session, response, principal, trajectory)


@router.post(
    "/{trajectory_id}/resume",
    response_model=TrajectoryRead,
    responses=ACTION_ANSWERS,
    summary="Resume a paused trajectory",
)
def resume(
    trajectory_id: uuid.UUID,
    data: ResumeRequest,
    version: OptionalIfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TrajectoryRead:
    trajectory = service.change_status(
        session, principal, trajectory_id, to_status=Status.ACTIVE, on=data.date, version=version
    )
    return _read(session, response, principal, trajectory)


@router.post("/{trajectory_id}/close", response_model=TrajectoryRead, responses=STATUS_ANSWERS)
def close(
    trajectory_id: uuid.UUID,
    data: CloseRequest,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TrajectoryRead:
    trajectory = service.change_status(
        session, principal, trajectory_id, to_status=Status.CLOSED, on=data.date, reason=data.reason
    )
    return _read(session, response, principal, trajectory)


@router.get("/{trajectory_id}/team", response_model=list[TeamMemberRead], responses=problems(404))
def list_team(
    trajectory_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[TeamMemberRead]:
    return [
        TeamMemberRead.model_validate(m)
        for m in service.list_team(session, principal, trajectory_id)
    ]


@router.get(
    "/{trajectory_id}/team/candidates",
    response_model=list[TeamCandidateRead],
    responses=problems(403, 404),
    summary="Staff the caller may add to the mini-team (own and partner organisations)",
)
def list_team_candidates(
    trajectory_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    q: Annotated[
        str | None,
        Query(max_length=100, description="Part of the name; case and accents are ignored"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=candidates.MAX_CANDIDATES)] = 10,
) -> list[TeamCandidateRead]:
    found = candidates.team_candidates(session, principal, trajectory_id, q=q, limit=limit)
    return [TeamCandidateRead.model_validate(c) for c in found]


@router.post(
    "/{trajectory_id}/team",
    response_model=TeamMemberRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404, 409),
    summary="Add a staff member (of any organisation) to the mini-team",
)
def add_team_member(
    trajectory_id: uuid.UUID,
    data: TeamMemberCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> TeamMemberRead:
    member = service.add_team_member(session, principal, trajectory_id, data)
    response.headers["ETag"] = etag(member.version)
    return TeamMemberRead.model_validate(member)


@router.delete(
    "/{trajectory_id}/team/{member_id}",
    response_model=TeamMemberRead,
    responses=problems(403, 404, 409, 412, 428),
    summary="End a mini-team membership today (the history keeps it)",
)
def end_team_member(
    trajectory_id: uuid.UUID,
    member_id: uuid.UUID,
    version: IfMatch,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> TeamMemberRead:
    member = service.end_team_member(session, principal, trajectory_id, member_id, version=version)
    return TeamMemberRead.model_validate(member)
