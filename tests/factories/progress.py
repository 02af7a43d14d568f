"""Placements, attendance, competence items, logs, goals and sessions, straight to the database."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.organisations.models import Organisation, WorkFloor
from app.progress.models import (
    ActivationSession,
    Attendance,
    AttendanceStatus,
    CompetenceItem,
    Goal,
    GoalDomain,
    HalfDay,
    Placement,
    ProgressLog,
    SessionComponent,
    default_competence_item_rows,
)
from app.trajectories.models import Trajectory

_counter = itertools.count(1)


def restore_default_competence_items(session: Session) -> None:
    """Put back the default set the migration seeds: the harness empties every table."""
    if session.scalar(select(CompetenceItem.id).where(CompetenceItem.organisation_id.is_(None))):
        return
    session.execute(insert(CompetenceItem), default_competence_item_rows())
    session.commit()


def make_competence_item(
    session: Session, organisation: Organisation, code: str, **overrides: Any
) -> CompetenceItem:
    values: dict[str, Any] = {
        "organisation_id": organisation.id,
        "code": code,
        "name_nl": code.capitalize(),
        "name_en": code.capitalize(),
        "sort_order": next(_counter),
    }
    values.update(overrides)
    item = CompetenceItem(**values)
    session.add(item)
    session.commit()
    return item


def make_placement(
    session: Session, trajectory: Trajectory, floor: WorkFloor, **overrides: Any
) -> Placement:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "work_floor_id": floor.id,
        "planned_hours_per_week": Decimal("12"),
        "planned_half_days_per_week": 4,
        "start_date": trajectory.referred_on,
    }
    values.update(overrides)
    placement = Placement(**values)
    session.add(placement)
    session.commit()
    return placement


def make_attendance(
    session: Session,
    placement: Placement,
    *,
    on: date | None = None,
    half_day: HalfDay = HalfDay.AM,
    **overrides: Any,
) -> Attendance:
    values: dict[str, Any] = {
        "placement_id": placement.id,
        "date": on or date.today() - timedelta(days=1),
        "half_day": half_day,
        "status": AttendanceStatus.PRESENT,
        "hours": Decimal("3"),
    }
    values.update(overrides)
    mark = Attendance(**values)
    session.add(mark)
    session.commit()
    return mark


def make_progress_log(
    session: Session, trajectory: Trajectory, author_id: Any, **overrides: Any
) -> ProgressLog:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "author_id": author_id,
        "logged_on": date.today(),
        "text": f"Verslag {next(_counter)}",
        "scores": [],
    }
    values.update(overrides)
    log = ProgressLog(**values)
    session.add(log)
    session.commit()
    return log


def make_goal(session: Session, trajectory: Trajectory, **overrides: Any) -> Goal:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "domain": GoalDomain.WORK,
        "description": f"Doel {next(_counter)}",
    }
    values.update(overrides)
    goal = Goal(**values)
    session.add(goal)
    session.commit()
    return goal


def make_activation_session(
    session: Session, trajectory: Trajectory, **overrides: Any
) -> ActivationSession:
    values: dict[str, Any] = {
        "trajectory_id": trajectory.id,
        "component": SessionComponent.EMPOWERMENT,
        "provider": "CAW",
        "held_on": date.today(),
        "minutes": 60,
    }
    values.update(overrides)
    record = ActivationSession(**values)
    session.add(record)
    session.commit()
    return record
