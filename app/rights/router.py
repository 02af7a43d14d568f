from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.core.deps import CurrentPrincipal, SessionDep, SettingsDep
from app.core.openapi import problems
from app.quotas import service as quotas
from app.rights import service
from app.rights.pdf import participant_pdf
from app.rights.schemas import ParticipantExport, ParticipantExportFormat

router = APIRouter(prefix="/participants", tags=["rights"])
PDF = "application/pdf"


@router.get(
    "/{participant_id}/export",
    response_model=ParticipantExport,
    responses={
        200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}},
        **problems(403, 404, 422, 429),
    },
    summary="Everything Werkpad holds about one person, for the person (admins of the "
    "organisation that registered them)",
)
def export_participant(
    participant_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    format_: Annotated[
        ParticipantExportFormat,
        Query(alias="format", description="json, or pdf: a readable document in Dutch"),
    ] = ParticipantExportFormat.JSON,
) -> ParticipantExport | Response:
    quotas.take_export(session, principal, settings, kind="participant")
    export = service.export_participant(session, principal, participant_id)
    if format_ is ParticipantExportFormat.JSON:
        return export
    filename = f"werkpad-export-{export.generated_at.date().isoformat()}.pdf"
    return Response(
        content=participant_pdf(export),
        media_type=PDF,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
