"""Trajectories: opening, the phase machine, pause/resume/close, the mini-team."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.errors import NotFound
from app.trajectories.models import Trajectory


def get_trajectory(session: Session, principal: Principal, trajectory_id: uuid.UUID) -> Trajectory:
    """The trajectory if the caller may see it; otherwise exactly like an absent one."""
    trajectory = session.scalar(
        select(Trajectory).where(
            Trajectory.id == trajectory_id, policies.visible_trajectories(principal)
        )
    )
    if trajectory is None:
        raise NotFound("Trajectory not found")
    return trajectory


def get_trajectory_for(
    session: Session, principal: Principal, trajectory_id: uuid.UUID, action: Action
) -> Trajectory:
    """A visible trajectory the caller may also act on (403 when visible but not allowed)."""
    trajectory = get_trajectory(session, principal, trajectory_id)
    policies.require(principal, action)
    return trajectory
