from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.consents import service
from app.consents.schemas import ConsentCreate, ConsentRead, ConsentWithdraw
from app.core.deps import CurrentPrincipal, SessionDep
from app.core.openapi import problems
from app.core.responses import created, with_etag

router = APIRouter(prefix="/participants/{participant_id}/consents", tags=["consents"])


@router.get(
    "",
    response_model=list[ConsentRead],
    responses=problems(403, 404),
    summary="Every consent the participant gave, withdrawn and expired ones included",
)
def list_consents(
    participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ConsentRead]:
    consents = service.list_consents(session, principal, participant_id)
    return [ConsentRead.model_validate(c) for c in consents]


@router.post(
    "",
    response_model=ConsentRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(403, 404),
)
def record_consent(
    participant_id: uuid.UUID,
    data: ConsentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ConsentRead:
    consent = service.record_consent(session, principal, participant_id, data)
    return created(
        response,
        ConsentRead,
        consent,
        f"/api/v1/participants/{participant_id}/consents/{consent.id}",
    )


@router.get("/{consent_id}", response_model=ConsentRead, responses=problems(403, 404))
def get_consent(
    participant_id: uuid.UUID,
    consent_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ConsentRead:
    consent = service.get_consent(session, principal, participant_id, consent_id)
    return with_etag(response, ConsentRead, consent)


@router.post(
    "/{consent_id}/withdraw",
    response_model=ConsentRead,
    responses=problems(403, 404, 409),
    summary="Withdraw a consent: access it gave ends at once; the history stays",
)
def withdraw_consent(
    participant_id: uuid.UUID,
    consent_id: uuid.UUID,
    data: ConsentWithdraw,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
) -> ConsentRead:
    consent = service.withdraw_consent(session, principal, participant_id, consent_id, data)
    return with_etag(response, ConsentRead, consent)
