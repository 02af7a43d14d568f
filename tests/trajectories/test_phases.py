"""The phase machine alone: the table of domain.md, dates, reasons, and replay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.trajectories.phases import (
    MOVES,
    STATUS_MOVES,
    MoveRefused,
    MoveRequest,
    Phase,
    Status,
    allowed_targets,
    check_move,
    replay,
)

TODAY = date(2026, 6, 1)
START = date(2026, 1, 1)

# domain.md, "Phases and their moves": (from, to) → reason required
TABLE = {
    (Phase.INTAKE, Phase.PLACEMENT): False,
    (Phase.INTAKE, Phase.ACTIVATION): False,
    (Phase.INTAKE, Phase.OUTFLOW): False,
    (Phase.PLACEMENT, Phase.ACTIVATION): False,
    (Phase.PLACEMENT, Phase.INTERNSHIP): False,
    (Phase.PLACEMENT, Phase.OUTFLOW): False,
    (Phase.ACTIVATION, Phase.PLACEMENT): True,
    (Phase.ACTIVATION, Phase.INTERNSHIP): False,
    (Phase.ACTIVATION, Phase.OUTFLOW): False,
    (Phase.INTERNSHIP, Phase.PLACEMENT): True,
    (Phase.INTERNSHIP, Phase.ACTIVATION): True,
    (Phase.INTERNSHIP, Phase.OUTFLOW): False,
}


def move(current: Phase, target: Phase, **overrides: object) -> MoveRequest:
    values: dict[str, object] = {
        "current": current,
        "target": target,
        "status": Status.ACTIVE,
        "on": TODAY,
        "started_on": START,
        "last_move_on": START,
        "today": TODAY,
        "reason": None,
    }
    values.update(overrides)
    return MoveRequest(**values)  # type: ignore[arg-type]


def test_the_machine_is_exactly_the_table_of_the_domain() -> None:
    encoded = {(a, b): reason for a, targets in MOVES.items() for b, reason in targets.items()}
    assert encoded == TABLE


@pytest.mark.parametrize(("current", "target"), [k for k, v in TABLE.items() if not v])
def test_forward_moves_need_no_reason(current: Phase, target: Phase) -> None:
    check_move(move(current, target))


@pytest.mark.parametrize(("current", "target"), [k for k, v in TABLE.items() if v])
def test_moves_back_need_a_reason(current: Phase, target: Phase) -> None:
    with pytest.raises(MoveRefused) as refused:
        check_move(move(current, target, reason="  "))
    assert refused.value.field == "reason"
    check_move(move(current, target, reason="Terugval na crisis"))


@pytest.mark.parametrize(
    ("current", "target"),
    [(a, b) for a in Phase for b in Phase if (a, b) not in TABLE],
)
def test_moves_outside_the_table_are_refused_with_the_allowed_targets(
    current: Phase, target: Phase
) -> None:
    with pytest.raises(MoveRefused) as refused:
        check_move(move(current, target, reason="why not"))
    assert refused.value.field == "to_phase"
    assert refused.value.allowed == allowed_targets(current)


def test_outflow_is_terminal() -> None:
    assert allowed_targets(Phase.OUTFLOW) == []


@pytest.mark.parametrize(
    ("on", "last"),
    [
        (TODAY + timedelta(days=1), START),  # future
        (START - timedelta(days=1), None),  # before the start
        (date(2026, 3, 1), date(2026, 3, 2)),  # before the previous move
    ],
)
def test_dates_are_never_future_before_start_or_before_the_last_move(
    on: date, last: date | None
) -> None:
    with pytest.raises(MoveRefused) as refused:
        check_move(move(Phase.INTAKE, Phase.PLACEMENT, on=on, last_move_on=last))
    assert refused.value.field == "date"


def test_backdating_within_the_trajectory_is_allowed() -> None:
    check_move(move(Phase.INTAKE, Phase.PLACEMENT, on=date(2026, 2, 1)))


@pytest.mark.parametrize("status", [Status.PAUSED, Status.CLOSED, Status.REFERRED])
def test_only_an_active_trajectory_changes_phase(status: Status) -> None:
    with pytest.raises(MoveRefused) as refused:
        check_move(move(Phase.INTAKE, Phase.PLACEMENT, status=status))
    assert refused.value.field == "status"


# --- property: random play always replays to the current state ----------------------------

actions = st.lists(
    st.tuples(
        st.sampled_from(["move", "pause", "resume", "close"]),
        st.sampled_from(list(Phase)),
        st.integers(min_value=0, max_value=20),
        st.booleans(),
    ),
    max_size=40,
)


@settings(max_examples=300)
@given(actions)
def test_random_play_replays_to_the_current_phase_and_status(
    plays: list[tuple[str, Phase, int, bool]],
) -> None:
    phase, status, day = Phase.INTAKE, Status.ACTIVE, START
    phase_history: list[tuple[Phase, Phase]] = []
    status_history: list[tuple[Status, Status]] = []
    for action, target, step, with_reason in plays:
        on = day + timedelta(days=step)
        if on > TODAY:
            continue
        if action == "move":
            try:
                check_move(
                    MoveRequest(
                        current=phase,
                        target=target,
                        status=status,
                        on=on,
                        started_on=START,
                        last_move_on=day,
                        today=TODAY,
                        reason="reden" if with_reason else None,
                    )
                )
            except MoveRefused:
                continue
            phase_history.append((phase, target))
            phase, day = target, on
        else:
            to_status = {"pause": Status.PAUSED, "resume": Status.ACTIVE, "close": Status.CLOSED}[
                action
            ]
            if status not in STATUS_MOVES[to_status]:
                continue
            status_history.append((status, to_status))
            status, day = to_status, on
    assert replay(Phase.INTAKE, phase_history) == phase
    replayed_status = Status.ACTIVE
    for from_status, to_status in status_history:
        assert from_status == replayed_status
        replayed_status = to_status
    assert replayed_status == status
