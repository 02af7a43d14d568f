"""The phase machine (domain.md, "Phases and their moves"): pure, no database.

intake → placement → activation → internship → outflow, but not in a straight line: some moves
go back and need a reason; outflow is terminal (re-entry opens a new, linked trajectory).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Phase(StrEnum):
    INTAKE = "intake"
    PLACEMENT = "placement"
    ACTIVATION = "activation"
    INTERNSHIP = "internship"
    OUTFLOW = "outflow"


class Status(StrEnum):
    REFERRED = "referred"  # waiting list, before intake
    ACTIVE = "active"
    PAUSED = "paused"  # illness, crisis: reason and expected return
    CLOSED = "closed"


# to_phase → reason required?
MOVES: dict[Phase, dict[Phase, bool]] = {
    Phase.INTAKE: {Phase.PLACEMENT: False, Phase.ACTIVATION: False, Phase.OUTFLOW: False},
    Phase.PLACEMENT: {Phase.ACTIVATION: False, Phase.INTERNSHIP: False, Phase.OUTFLOW: False},
    Phase.ACTIVATION: {Phase.PLACEMENT: True, Phase.INTERNSHIP: False, Phase.OUTFLOW: False},
    Phase.INTERNSHIP: {Phase.PLACEMENT: True, Phase.ACTIVATION: True, Phase.OUTFLOW: False},
    Phase.OUTFLOW: {},
}

# to_status → the statuses it may be reached from (referred → active ⇄ paused → closed).
STATUS_MOVES: dict[Status, frozenset[Status]] = {
    Status.ACTIVE: frozenset({Status.REFERRED, Status.PAUSED}),
    Status.PAUSED: frozenset({Status.ACTIVE}),
    Status.CLOSED: frozenset({Status.REFERRED, Status.ACTIVE, Status.PAUSED}),
    Status.REFERRED: frozenset(),
}

# Days a phase normally lasts before it is flagged (team practice; adjust with the funders).
PHASE_NORM_DAYS: dict[Phase, int] = {
    Phase.INTAKE: 42,
    Phase.PLACEMENT: 365,
    Phase.ACTIVATION: 183,
    Phase.INTERNSHIP: 183,
}


class MoveRefused(Exception):
    """A move the machine does not allow; ``field`` names what is wrong."""

    def __init__(
        self,
        message: str,
        *,
        field: str,
        code: str,
        params: dict[str, str | int | float | bool] | None = None,
        allowed: list[Phase] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code  # the field error's code (app/core/errors.py)
        self.params = params or {}
        self.allowed = allowed or []


def allowed_targets(current: Phase) -> list[Phase]:
    return list(MOVES[current])


def needs_reason(current: Phase, target: Phase) -> bool:
    return MOVES[current].get(target, False)


@dataclass(frozen=True)
class MoveRequest:
    current: Phase
    target: Phase
    status: Status
    on: date
    started_on: date
    last_move_on: date | None
    today: date
    reason: str | None


def check_move(move: MoveRequest) -> None:
    """Raise MoveRefused unless the move is allowed exactly as domain.md describes."""
    if move.status in (Status.CLOSED, Status.REFERRED):
        raise MoveRefused(
            f"A {move.status.value} trajectory cannot change phase",
            field="status",
            code="wrong_status",
            params={"status": move.status.value},
        )
    if move.status is Status.PAUSED:
        raise MoveRefused(
            "Resume the trajectory before changing its phase", field="status", code="paused"
        )
    if move.target not in MOVES[move.current]:
        raise MoveRefused(
            f"Cannot move from {move.current.value} to {move.target.value}",
            field="to_phase",
            code="phase_move_not_allowed",
            params={"from": move.current.value, "to": move.target.value},
            allowed=allowed_targets(move.current),
        )
    if needs_reason(move.current, move.target) and not (move.reason and move.reason.strip()):
        raise MoveRefused("A move back needs a reason", field="reason", code="reason_required")
    check_event_date(
        move.on, started_on=move.started_on, last_event_on=move.last_move_on, today=move.today
    )


def check_event_date(
    on: date, *, started_on: date, last_event_on: date | None, today: date
) -> None:
    if on > today:
        raise MoveRefused("The date cannot be in the future", field="date", code="in_future")
    if on < started_on:
        raise MoveRefused(
            "The date cannot be before the trajectory started",
            field="date",
            code="before_trajectory_start",
            params={"date": started_on.isoformat()},
        )
    if last_event_on is not None and on < last_event_on:
        raise MoveRefused(
            "The date cannot be before the previous change",
            field="date",
            code="before_previous_change",
            params={"date": last_event_on.isoformat()},
        )


def replay(start: Phase, moves: list[tuple[Phase, Phase]]) -> Phase:
    """The phase that a history of (from, to) moves leads to; raises if a link is broken."""
    phase = start
    for from_phase, to_phase in moves:
        if from_phase is not phase or to_phase not in MOVES[from_phase]:
            raise ValueError(f"broken history at {from_phase} → {to_phase}")
        phase = to_phase
    return phase
