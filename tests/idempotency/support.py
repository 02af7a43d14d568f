"""Helpers for the idempotency tests: request bodies, counts and the creating endpoints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.idempotency.models import IdempotencyKey
from app.notes.models import Note
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.progress.models import Goal
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.case_files import make_participant, make_trajectory

API = "/api/v1"
PARTICIPANTS = f"{API}/participants"


def participant_body(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "first_name": "Pieter",
        "last_name": "Van den Broeck",
        "birth_date": "1988-04-12",
        "target_groups": ["psychological"],
    }
    values.update(overrides)
    return values


def count(session: Session, model: type[Any]) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def stored_keys(session: Session) -> list[IdempotencyKey]:
    session.expire_all()
    return list(session.scalars(select(IdempotencyKey).order_by(IdempotencyKey.key)))


@dataclass(frozen=True)
class Creation:
    """A creating endpoint: the model it writes and how to arrange one request for it."""

    name: str
    model: type[Any]
    arrange: Callable[[Session, Organisation], tuple[str, dict[str, object]]]


def _participant(session: Session, org: Organisation) -> tuple[str, dict[str, object]]:
    return PARTICIPANTS, participant_body()


def _trajectory(session: Session, org: Organisation) -> tuple[str, dict[str, object]]:
    participant = make_participant(session, org)
    return f"{API}/trajectories", {
        "participant_id": str(participant.id),
        "framework_code": "ama_welfare",
        "referred_on": str(today() - timedelta(days=60)),
        "started_on": str(today() - timedelta(days=50)),
    }


def _case(session: Session, org: Organisation) -> Trajectory:
    return make_trajectory(session, make_participant(session, org))


def _note(session: Session, org: Organisation) -> tuple[str, dict[str, object]]:
    trajectory = _case(session, org)
    return f"{API}/trajectories/{trajectory.id}/notes", {
        "visibility": "team",
        "body": "Eerste dag op de werkvloer: vlot verlopen.",
    }


def _goal(session: Session, org: Organisation) -> tuple[str, dict[str, object]]:
    trajectory = _case(session, org)
    return f"{API}/trajectories/{trajectory.id}/goals", {
        "domain": "mobility",
        "description": "Zelfstandig met de bus naar de werkvloer",
        "due_on": str(today() + timedelta(days=30)),
    }


CREATIONS = [
    Creation("participant", Participant, _participant),
    Creation("trajectory", Trajectory, _trajectory),
    Creation("note", Note, _note),
    Creation("goal", Goal, _goal),
]
