from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from app.core.dates import IsoDate
from app.core.deps import DEFAULT_LIMIT, CurrentPrincipal, Cursor, Limit, SessionDep, SettingsDep
from app.core.openapi import problems
from app.core.pagination import Page
from app.outflow.categories import OutflowCategory
from app.quotas import service as quotas
from app.reports import exports, funder, service
from app.reports.definitions import (
    Audience,
    DrillIndicator,
    ExportFormat,
    Funder,
    GroupBy,
    Language,
    ListFormat,
    TargetGroup,
)
from app.reports.frame import ReportFilters
from app.reports.schemas import (
    CaseloadReport,
    DefinitionRead,
    DrillRow,
    FunderReport,
    IndicatorReport,
)
from app.trajectories.phases import Phase

router = APIRouter(prefix="/reports", tags=["reports"])

SPREADSHEETS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            exports.XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            exports.PDF_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
        },
        "description": "JSON, or with format=csv|xlsx|pdf a file to download",
    }
}


def report_filters(
    period_from: Annotated[
        IsoDate | None,
        Query(alias="from", description="First day (default: 12 months before `to`)"),
    ] = None,
    period_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last day, not after today (default: today)")
    ] = None,
    organisation_id: uuid.UUID | None = None,
    work_floor_id: uuid.UUID | None = None,
    partnership_id: uuid.UUID | None = None,
    framework: Annotated[str | None, Query(max_length=40)] = None,
    staff_id: Annotated[
        uuid.UUID | None, Query(description="On the mini-team, or coach of a placement")
    ] = None,
    target_group: TargetGroup | None = None,
) -> ReportFilters:
    return ReportFilters(
        start=period_from,
        end=period_to,
        organisation_id=organisation_id,
        work_floor_id=work_floor_id,
        partnership_id=partnership_id,
        framework=framework,
        staff_id=staff_id,
        target_group=target_group,
    )


Filters = Annotated[ReportFilters, Depends(report_filters)]


@router.get(
    "/indicators",
    response_model=IndicatorReport,
    responses={**SPREADSHEETS, **problems(403, 404, 422, 429)},
    summary="Indicators over the trajectories you report on, per period or category",
)
def get_indicators(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    filters: Filters,
    group_by: GroupBy | None = None,
    format: ExportFormat = ExportFormat.JSON,
    audience: Annotated[
        Audience, Query(description="funder: cells of 1-4 people are suppressed in exports")
    ] = Audience.INTERNAL,
) -> Any:
    if format is not ExportFormat.JSON:
        quotas.take_export(session, principal, settings, kind="indicators")
    filters = replace(filters, group_by=group_by)
    report = service.indicator_report(session, principal, filters)
    if format is ExportFormat.JSON:
        return report
    return exports.indicator_file(report, format, audience)


@router.get(
    "/indicators/{indicator}/trajectories",
    response_model=Page[DrillRow],
    responses={
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                exports.XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            },
            "description": "A page as JSON, or with format=csv|xlsx every row as a file",
        },
        **problems(403, 404, 422, 429),
    },
    summary="The trajectories behind a count (same filters; initials where you may not "
    "open the case file)",
)
def drill_down(
    indicator: DrillIndicator,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    filters: Filters,
    phase: Annotated[
        Phase | None, Query(description="Required for in_phase: the funnel's bar (phase on `to`)")
    ] = None,
    category: Annotated[
        OutflowCategory | None,
        Query(description="Required for exits_in_category: the destination"),
    ] = None,
    sort: Annotated[
        str, Query(max_length=20, description="started_on, referred_on; '-' for descending")
    ] = "-started_on",
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: ListFormat = ListFormat.JSON,
) -> Any:
    choice = service.DrillChoice(phase=phase, category=category)
    if format is not ListFormat.JSON:
        choice.check(indicator)
        quotas.take_export(session, principal, settings, kind="drill-down")
        rows = service.drill_down_all(
            session, principal, filters, indicator, choice=choice, sort=sort
        )
        return exports.drill_file(indicator.value + choice.suffix, rows, format)
    result = service.drill_down(
        session,
        principal,
        filters,
        indicator,
        choice=choice,
        sort=sort,
        limit=limit,
        cursor=cursor,
    )
    return Page[DrillRow](
        items=result.rows, next_cursor=result.page.next_cursor, total=result.page.total
    )


@router.get(
    "/caseloads",
    response_model=CaseloadReport,
    responses=problems(403, 404, 422),
    summary="Running trajectories per staff member on the period's last day, highest first",
)
def get_caseloads(
    session: SessionDep, principal: CurrentPrincipal, filters: Filters
) -> CaseloadReport:
    """Every staff member of an organisation you report on with a running case manager (work
    or care) or coach membership on a trajectory in scope that is running on `to`; the same
    filters and scope as the indicators."""
    return service.staff_caseloads(session, principal, filters)


@router.get(
    "/definitions",
    response_model=list[DefinitionRead],
    summary="What every figure means, as the exports print it",
)
def get_definitions(
    _principal: CurrentPrincipal,
    lang: Annotated[Language, Query(description="nl (default) or en")] = Language.NL,
) -> list[DefinitionRead]:
    """The definitions of app/reports/definitions.py in one language: the indicator report's
    figures keyed `family.indicator` (in the exports' order), then the lists that are no
    figure of the export (`caseloads.per_staff_member`). The same for every signed-in
    caller; like every route but login and health, it needs a token."""
    return service.definitions(lang)


@router.get(
    "/funder",
    response_model=FunderReport,
    responses={
        200: {
            "content": {
                exports.XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
                exports.PDF_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            },
            "description": "JSON, or with format=xlsx|pdf the report the organisation signs",
        },
        **problems(403, 404, 422, 429),
    },
    summary="Funder reports of one organisation for one year",
)
def get_funder_report(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    year: Annotated[int, Query(ge=2000, le=2100)],
    organisation_id: uuid.UUID,
    funder_kind: Annotated[Funder, Query(alias="funder")] = Funder.ALL,
    format: ExportFormat = ExportFormat.JSON,
) -> Any:
    if format is not ExportFormat.JSON:
        quotas.take_export(session, principal, settings, kind="funder")
    report = funder.funder_report(
        session, principal, year=year, organisation_id=organisation_id, funder=funder_kind
    )
    if format is ExportFormat.JSON:
        return report
    return funder.funder_file(report, format)
