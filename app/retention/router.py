from __future__ import annotations

import uuid

from fastapi import APIRouter

from app.core.deps import CurrentPrincipal, SessionDep, SettingsDep
from app.core.openapi import problems
from app.retention import service
from app.retention.schemas import ErasedRows, ErasureCreate, ErasureRead

router = APIRouter(prefix="/participants/{participant_id}/erasure", tags=["participants"])


@router.post(
    "",
    response_model=ErasureRead,
    responses=problems(403, 404, 409),
    summary="Erase a participant on their request (AVG art. 17): de-identify everything now",
    description=(
        "Admins of the organisation that registered the participant only. Every trajectory "
        "must be closed (409 otherwise). Names, identifiers, contact details and free texts "
        "are overwritten; dates, codes and numbers stay, so reports keep their figures. The "
        "erasure is also written to a ledger outside the database and re-applied after a "
        "restore from backup."
    ),
)
def erase_participant(
    participant_id: uuid.UUID,
    data: ErasureCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
) -> ErasureRead:
    result = service.erase_on_request(
        session,
        principal,
        participant_id,
        reason=data.reason,
        ledger_path=settings.erasure_ledger_path,
    )
    return ErasureRead(
        erasure_id=result.erasure_id,
        participant_id=result.participant_id,
        erased_at=result.erased_at,
        trajectories=result.trajectories,
        rows=ErasedRows(**{data_class.value: n for data_class, n in result.rows.items()}),
        stored_answers_purged=result.stored_answers_purged,
    )
