"""Recording and withdrawing consents. Whether a consent opens a file is decided in
app/access (policies.consent_covers), on every request."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.consents.models import Consent, DataClass, GivenBy
from app.consents.schemas import ConsentCreate, ConsentWithdraw
from app.core.errors import Conflict, NotFound, RuleViolation
from app.organisations.models import Organisation
from app.participants import service as participant_service
from app.participants.models import Participant


def _administration_of(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> Participant:
    """Consents are the file's administration: to whom the person lets us speak tells what
    help they get (a consent for a CGG says they are in mental-health care). Coaches, who see
    the work-floor view of a person, do not see them (participants:read_full)."""
    return participant_service.get_participant_for(
        session, principal, participant_id, Action.PARTICIPANTS_READ_FULL
    )


def list_consents(
    session: Session, principal: Principal, participant_id: uuid.UUID
) -> Sequence[Consent]:
    _administration_of(session, principal, participant_id)
    return session.scalars(
        select(Consent)
        .where(Consent.participant_id == participant_id)
        .order_by(Consent.given_on.desc(), Consent.created_at.desc(), Consent.id)
    ).all()


def get_consent(
    session: Session, principal: Principal, participant_id: uuid.UUID, consent_id: uuid.UUID
) -> Consent:
    _administration_of(session, principal, participant_id)
    consent = session.scalar(
        select(Consent).where(Consent.id == consent_id, Consent.participant_id == participant_id)
    )
    if consent is None:
        raise NotFound("Consent not found")
    return consent


def record_consent(
    session: Session, principal: Principal, participant_id: uuid.UUID, data: ConsentCreate
) -> Consent:
    participant = _administration_of(session, principal, participant_id)
    policies.require(principal, Action.PARTICIPANTS_WRITE)
    participant_service.refuse_if_erased(participant)
    if session.get(Organisation, data.receiving_organisation_id) is None:
        raise RuleViolation.on(
            "receiving_organisation_id", "is not a known organisation", code="unknown_organisation"
        )
    if data.given_by is GivenBy.REPRESENTATIVE and not data.representative_name:
        raise RuleViolation.on(
            "representative_name",
            "is required when given_by is representative",
            code="representative_required",
        )
    consent = Consent(
        participant_id=participant.id,
        receiving_organisation_id=data.receiving_organisation_id,
        purpose=data.purpose,
        covers_work=DataClass.WORK in data.data_classes,
        covers_care=DataClass.CARE in data.data_classes,
        given_on=data.given_on,
        method=data.method,
        information_text_version=data.information_text_version,
        given_by=data.given_by,
        representative_name=data.representative_name,
        expires_on=data.expires_on,
        evidence=data.evidence,
        recorded_by=principal.id,
    )
    session.add(consent)
    session.flush()
    return consent


def withdraw_consent(
    session: Session,
    principal: Principal,
    participant_id: uuid.UUID,
    consent_id: uuid.UUID,
    data: ConsentWithdraw,
) -> Consent:
    """Withdrawal needs no If-Match: a participant's 'no' must never fail on a stale version."""
    consent = get_consent(session, principal, participant_id, consent_id)
    policies.require(principal, Action.PARTICIPANTS_WRITE)
    if consent.withdrawn_on is not None:
        raise Conflict(f"This consent was already withdrawn on {consent.withdrawn_on.isoformat()}")
    withdrawn_on = data.withdrawn_on or date.today()
    if withdrawn_on < consent.given_on:
        raise RuleViolation.on(
            "withdrawn_on", "cannot be before the consent was given", code="before_consent_given"
        )
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_by = principal.id
    consent.withdrawal_reason = data.reason
    session.flush()
    return consent
