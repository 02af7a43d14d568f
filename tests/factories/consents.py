"""Consents and break-the-glass grants for tests, written straight to the database."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.access.models import BreakGlassGrant
from app.auth.models import User
from app.consents.models import Consent, ConsentMethod, GivenBy
from app.core.database import utcnow
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.trajectories.models import Trajectory


def give_consent(
    session: Session,
    participant: Participant,
    receiving: Organisation,
    *,
    work: bool = True,
    care: bool = False,
    **overrides: Any,
) -> Consent:
    values: dict[str, Any] = {
        "participant_id": participant.id,
        "receiving_organisation_id": receiving.id,
        "purpose": "Samenwerking in het mini-team",
        "covers_work": work,
        "covers_care": care,
        "given_on": date.today() - timedelta(days=30),
        "method": ConsentMethod.WRITTEN,
        "information_text_version": "2026-01",
        "given_by": GivenBy.SELF,
    }
    values.update(overrides)
    consent = Consent(**values)
    session.add(consent)
    session.commit()
    return consent


def grant_break_glass(
    session: Session, trajectory: Trajectory, user: User, *, minutes: int = 60
) -> BreakGlassGrant:
    now = utcnow()
    grant = BreakGlassGrant(
        trajectory_id=trajectory.id,
        user_id=user.id,
        organisation_id=user.organisation_id,
        reason="Crisis: de deelnemer is opgenomen, de huisarts vraagt info",
        started_at=now - timedelta(minutes=1),
        expires_at=now + timedelta(minutes=minutes),
    )
    session.add(grant)
    session.commit()
    return grant
