"""Indicators and their drill-down (domain.md, "What managers need").

A report costs a fixed number of statements whatever the number of trajectories: the
parameter checks, the facts computed once into temporary tables for this report alone
(``Frame.materialised``: create, analyse, drop), one grouped statement per indicator family
query (flow, cohorts, jobs, IPS, effort) over them, and one for the group labels. Python only
turns grouped counts into rates, survival quantiles and the answer's shape
(app/reports/stats.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.access import policies
from app.access.policies import Principal
from app.access.service import initials
from app.core.errors import RuleViolation
from app.core.pagination import PageResult, paginate, parse_sort
from app.organisations.models import Framework, Organisation, WorkFloor
from app.outflow.categories import (
    COUNTED_CATEGORIES,
    IPS_COMPETITIVE_CATEGORIES,
    PAID_CATEGORIES,
    POSITIVE_CATEGORIES,
    OutflowCategory,
)
from app.outflow.models import Outflow
from app.participants.models import Participant
from app.reports import cohorts, effort, flow, ips, jobs, sql
from app.reports.definitions import (
    CASELOAD_LIMIT,
    TIME_GROUPS,
    DrillIndicator,
    GroupBy,
    Language,
    RetentionClass,
    definitions_in,
)
from app.reports.frame import (
    ALL,
    NO_FLOOR,
    Bucket,
    Frame,
    GroupKey,
    ReportFilters,
    in_trajectory_during,
    make_frame,
)
from app.reports.schemas import (
    CaseloadReport,
    DefinitionRead,
    DrillRow,
    Effort,
    IndicatorGroup,
    IndicatorReport,
    Ips,
    Rate,
    ReportFiltersRead,
    StaffCaseload,
)
from app.reports.stats import ips_band, ratio
from app.trajectories.models import Trajectory
from app.trajectories.phases import Phase

DRILL_SORTS = {"started_on": Trajectory.started_on, "referred_on": Trajectory.referred_on}


# --- indicators ---------------------------------------------------------------------------


def indicator_report(
    session: Session, principal: Principal, filters: ReportFilters
) -> IndicatorReport:
    frame = make_frame(session, principal, filters)
    with frame.materialised(session):
        flows = flow.fetch(session, frame)
        cohort_counts = cohorts.fetch(session, frame)
        job_counts = jobs.fetch(session, frame)
        ips_counts = ips.fetch(session, frame)
        effort_counts = effort.fetch(session, frame)
    keys = _group_keys(frame, [flows, cohort_counts, job_counts, ips_counts, effort_counts])
    labels = _category_labels(session, frame, [category for _, category in keys])
    buckets = {bucket.key: bucket for bucket in frame.buckets}
    groups = []
    for key in keys:
        bucket_key, category = key
        bucket = buckets[bucket_key]
        flow_counts = flows.get(key, flow.FlowCounts())
        cohort = cohort_counts.get(key, cohorts.CohortCounts())
        job = job_counts.get(key, jobs.JobCounts())
        signals = ips_counts.get(key, ips.IpsCounts())
        work = effort_counts.get(key, effort.EffortCounts())
        stock = flow_counts.stock
        name = bucket_key if frame.group_by in TIME_GROUPS else labels.get(category, category)
        groups.append(
            IndicatorGroup(
                key=bucket_key if category == ALL else category,
                label="Alle" if key == (ALL, ALL) else name,
                period_from=bucket.start,
                period_to=bucket.end,
                drill=_drill_params(frame, bucket, category),
                flow=flow.build(flow_counts),
                cohort=cohorts.build(cohort),
                retention=cohorts.build_retention(cohort),
                jobs=jobs.build(job),
                ips=Ips(
                    competitive_employment_rate=Rate(
                        numerator=stock.competitive,
                        denominator=stock.in_trajectory,
                        value=ratio(stock.competitive, stock.in_trajectory),
                    ),
                    competitive_employment_band=ips_band(stock.competitive, stock.in_trajectory),
                    caseload_per_specialist=ips.caseload(signals),
                    days_to_first_employer_contact=cohorts.duration(
                        cohort.survival[cohorts.EMPLOYER_CONTACT]
                    ),
                    employer_contact_within_30_days=cohorts.censored_rate(cohort.contact_within),
                    employer_contacts_per_specialist_week=ips.contacts_per_week(signals, bucket),
                ),
                effort=Effort(
                    funder_months=effort.funder_months(work),
                    attended_half_days=effort.half_days(work),
                    attended_hours_per_week=effort.hours_spread(work),
                    placements_12_hours_or_more=effort.at_least(work, 12),
                    placements_13_hours_or_more=effort.at_least(work, 13),
                    activation_sessions=work.sessions,
                    time_in_phase=effort.time_in_phase(work),
                    past_max_duration=Rate(
                        numerator=stock.past_maximum,
                        denominator=stock.with_maximum,
                        value=ratio(stock.past_maximum, stock.with_maximum),
                    ),
                ),
            )
        )
    if frame.group_by not in TIME_GROUPS and frame.group_by is not None:
        groups.sort(key=lambda group: (group.key == NO_FLOOR, group.label.casefold()))
    return IndicatorReport(
        period_from=frame.start,
        period_to=frame.end,
        computed_on=frame.today,
        group_by=frame.group_by,
        filters=_filters_read(filters),
        groups=groups,
    )


def _filters_read(filters: ReportFilters) -> ReportFiltersRead:
    return ReportFiltersRead(
        organisation_id=filters.organisation_id,
        work_floor_id=filters.work_floor_id,
        partnership_id=filters.partnership_id,
        framework=filters.framework,
        staff_id=filters.staff_id,
        target_group=filters.target_group,
    )


def _group_keys(frame: Frame, results: Sequence[dict[GroupKey, Any]]) -> list[GroupKey]:
    """Every period bucket, even an empty one; categories as far as any figure found them."""
    if frame.group_by is None or frame.group_by in TIME_GROUPS:
        return [(bucket.key, ALL) for bucket in frame.buckets]
    return sorted({key for result in results for key in result})


def _category_labels(session: Session, frame: Frame, categories: list[str]) -> dict[str, str]:
    if frame.group_by in (GroupBy.ORGANISATION, GroupBy.WORK_FLOOR):
        ids = [uuid.UUID(c) for c in categories if c not in (ALL, NO_FLOOR)]
    if frame.group_by is GroupBy.ORGANISATION:
        rows = session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(ids))
        )
        return {str(row.id): row.name for row in rows}
    if frame.group_by is GroupBy.WORK_FLOOR:
        rows = session.execute(
            select(WorkFloor.id, WorkFloor.name, Organisation.name.label("organisation"))
            .join(Organisation, Organisation.id == WorkFloor.organisation_id)
            .where(WorkFloor.id.in_(ids))
        )
        labels = {str(row.id): f"{row.name} ({row.organisation})" for row in rows}
        labels[NO_FLOOR] = "Zonder werkvloer"
        return labels
    if frame.group_by is GroupBy.FRAMEWORK:
        rows = session.execute(
            select(Framework.code, Framework.name_nl).where(Framework.code.in_(categories))
        )
        return {row.code: row.name_nl for row in rows}
    return {}


def _drill_params(frame: Frame, bucket: Bucket, category: str) -> dict[str, str] | None:
    """The filters that give exactly this group's counts when drilled into."""
    params = frame.filters.as_params()
    params["from"], params["to"] = bucket.start.isoformat(), bucket.end.isoformat()
    if frame.group_by is GroupBy.ORGANISATION:
        params["organisation_id"] = category
    elif frame.group_by is GroupBy.FRAMEWORK:
        params["framework"] = category
    elif frame.group_by is GroupBy.WORK_FLOOR:
        if category == NO_FLOOR:
            return None  # "never placed" is not a filter value
        params["work_floor_id"] = category
    return params


# --- caseload per staff member and the definitions ------------------------------------------


def staff_caseloads(
    session: Session, principal: Principal, filters: ReportFilters
) -> CaseloadReport:
    """Who carries how many running trajectories on the period's last day: the same scope
    and filters as the indicators, one grouped statement."""
    frame = make_frame(session, principal, filters)
    staff = [
        StaffCaseload(
            staff_id=row.id,
            name=row.name,
            organisation_id=row.organisation_id,
            organisation_name=row.organisation_name,
            role=row.role,
            trajectories=row.trajectories,
        )
        for row in session.execute(ips.staff_caseload_query(frame))
    ]
    return CaseloadReport(
        period_from=frame.start,
        period_to=frame.end,
        computed_on=frame.today,
        limit=CASELOAD_LIMIT,
        filters=_filters_read(filters),
        staff=staff,
    )


def definitions(language: Language) -> list[DefinitionRead]:
    return [
        DefinitionRead(key=key, title=d.label, definition=d.text)
        for key, d in definitions_in(language).items()
    ]


# --- drill-down ---------------------------------------------------------------------------

_EXIT_CATEGORIES: dict[DrillIndicator, frozenset[OutflowCategory]] = {
    DrillIndicator.EXITS: frozenset(OutflowCategory),
    DrillIndicator.EXITS_PAID: PAID_CATEGORIES,
    DrillIndicator.EXITS_IPS_COMPETITIVE: IPS_COMPETITIVE_CATEGORIES,
    DrillIndicator.EXITS_POSITIVE: POSITIVE_CATEGORIES,
    DrillIndicator.EXITS_DROP_OUT: frozenset({OutflowCategory.DROP_OUT}),
    DrillIndicator.EXITS_BACK_TO_CARE: frozenset({OutflowCategory.BACK_TO_CARE}),
    DrillIndicator.EXITS_LEFT_OUT: frozenset(OutflowCategory) - COUNTED_CATEGORIES,
}


@dataclass(frozen=True)
class DrillChoice:
    """Which bar of a split count: the phase of ``in_phase``, the category of
    ``exits_in_category``."""

    phase: Phase | None = None
    category: OutflowCategory | None = None

    def check(self, indicator: DrillIndicator) -> None:
        """Each is required by its own indicator and refused by every other one."""
        for name, value, owner in (
            ("phase", self.phase, DrillIndicator.IN_PHASE),
            ("category", self.category, DrillIndicator.EXITS_IN_CATEGORY),
        ):
            if indicator is owner and value is None:
                raise RuleViolation.on(
                    name,
                    f"is required for {owner.value}",
                    code="required_for",
                    params={"condition": owner.value},
                )
            if indicator is not owner and value is not None:
                raise RuleViolation.on(
                    name,
                    f"is only for {owner.value}",
                    code="not_for",
                    params={"condition": indicator.value},
                )

    @property
    def suffix(self) -> str:
        """For file names: exits_in_category_drop_out."""
        chosen = self.phase or self.category
        return f"_{chosen.value}" if chosen is not None else ""


def _drill_condition(
    frame: Frame, indicator: DrillIndicator, choice: DrillChoice
) -> ColumnElement[bool]:
    """The trajectories behind a count: the same conditions the count's statement uses, over
    the whole period as one bucket."""
    facts, start, end = frame.facts(), frame.start, frame.end
    if indicator is DrillIndicator.IN_PHASE and choice.phase is not None:
        return flow.in_phase_on(frame, end, choice.phase)
    if indicator is DrillIndicator.EXITS_IN_CATEGORY and choice.category is not None:
        return and_(
            facts.c.outflow_date >= start,
            facts.c.outflow_date <= end,
            facts.c.outflow_category == choice.category,
        )
    started = and_(facts.c.started_on >= start, facts.c.started_on <= end)
    left = and_(facts.c.outflow_date >= start, facts.c.outflow_date <= end)
    if indicator in _EXIT_CATEGORIES:
        return and_(left, facts.c.outflow_category.in_(_EXIT_CATEGORIES[indicator]))
    if indicator is DrillIndicator.PARTICIPANTS_IN_TRAJECTORY:
        return in_trajectory_during(facts, start, end)
    if indicator is DrillIndicator.TRAJECTORIES_STARTED:
        return started
    if indicator is DrillIndicator.REACHED_PAID_WORK:
        return and_(started, facts.c.paid_work_on.is_not(None))
    if indicator.value.startswith("paid_work_within_"):
        horizon = int(indicator.value.split("_")[3])
        reached = sql.add_months(facts.c.started_on, horizon)
        return and_(started, reached <= frame.today, facts.c.paid_work_on <= reached)
    if indicator.value.startswith("retention_"):
        _, follow_up, cls = indicator.value.split("_", 2)
        return and_(left, facts.c[f"retention_{follow_up}"] == RetentionClass(cls).value)
    if indicator is DrillIndicator.COMPETITIVE_EMPLOYMENT:
        return flow.competitively_employed(frame, start, end)
    if indicator is DrillIndicator.PAST_MAX_DURATION:
        return flow.past_maximum_on(frame, end)
    return false()


_RUNNING_ON_THE_LAST_DAY = frozenset({DrillIndicator.IN_PHASE, DrillIndicator.PAST_MAX_DURATION})
_RUNNING_IN_THE_PERIOD = frozenset(
    {DrillIndicator.PARTICIPANTS_IN_TRAJECTORY, DrillIndicator.COMPETITIVE_EMPLOYMENT}
)
_STARTED_IN_THE_PERIOD = frozenset(
    {
        DrillIndicator.TRAJECTORIES_STARTED,
        DrillIndicator.REACHED_PAID_WORK,
        DrillIndicator.PAID_WORK_WITHIN_6_MONTHS,
        DrillIndicator.PAID_WORK_WITHIN_12_MONTHS,
        DrillIndicator.PAID_WORK_WITHIN_18_MONTHS,
        DrillIndicator.PAID_WORK_WITHIN_24_MONTHS,
    }
)


def _drill_narrowing(frame: Frame, indicator: DrillIndicator) -> ColumnElement[bool] | None:
    """What ``_drill_condition`` implies about the trajectory row itself, so that the facts
    are computed for the candidates only and not for every trajectory in scope.

    Each is necessary, never sufficient: the facts' end (the outflow or the closing date,
    whichever is earlier) is on or before the closing date, so "in trajectory from ``day``"
    needs an open trajectory or one closed on or after ``day``; the exits and retention need
    the trajectory's one outflow in the period."""
    start, end = frame.start, frame.end

    def running(since: date) -> ColumnElement[bool]:
        return and_(
            Trajectory.started_on <= end,
            or_(Trajectory.closed_on.is_(None), Trajectory.closed_on >= since),
        )

    if indicator in _RUNNING_IN_THE_PERIOD:
        return running(start)
    if indicator in _RUNNING_ON_THE_LAST_DAY:
        return running(end)
    if indicator in _STARTED_IN_THE_PERIOD:
        return and_(Trajectory.started_on >= start, Trajectory.started_on <= end)
    if (
        indicator in _EXIT_CATEGORIES
        or indicator is DrillIndicator.EXITS_IN_CATEGORY
        or (indicator.value.startswith("retention_"))
    ):
        return Trajectory.id.in_(
            select(Outflow.trajectory_id).where(Outflow.date >= start, Outflow.date <= end)
        )
    return None


@dataclass(frozen=True)
class DrillPage:
    page: PageResult
    rows: list[DrillRow]


def drill_down(
    session: Session,
    principal: Principal,
    filters: ReportFilters,
    indicator: DrillIndicator,
    *,
    choice: DrillChoice,
    sort: str,
    limit: int,
    cursor: str | None,
) -> DrillPage:
    choice.check(indicator)
    frame = make_frame(session, principal, filters)
    frame.narrowing = _drill_narrowing(frame, indicator)
    facts = frame.facts()
    behind = select(facts.c.trajectory_id).where(
        _drill_condition(frame, indicator, choice), frame.floor_filter(facts.c.floor_id)
    )
    page = paginate(
        session,
        select(Trajectory).where(Trajectory.id.in_(behind)),
        id_column=Trajectory.id,
        sort=parse_sort(sort, DRILL_SORTS),
        limit=limit,
        cursor=cursor,
    )
    rows = _drill_rows(session, frame, [t.id for t in page.rows])
    audit.touch_many(
        session,
        object_type=Trajectory.__tablename__,
        participant_ids=[t.participant_id for t in page.rows],
    )
    return DrillPage(page, rows)


# The ids a list export reads per statement: far below every driver's limit on parameters.
EXPORT_BATCH = 2_000


def drill_down_all(
    session: Session,
    principal: Principal,
    filters: ReportFilters,
    indicator: DrillIndicator,
    *,
    choice: DrillChoice,
    sort: str,
) -> Iterator[DrillRow]:
    """Every trajectory behind a count, for a file: the same scope and names as the pages,
    read in batches so a region-wide list never sits in memory as ORM objects."""
    choice.check(indicator)
    frame = make_frame(session, principal, filters)
    frame.narrowing = _drill_narrowing(frame, indicator)
    key = parse_sort(sort, DRILL_SORTS)
    order = (
        (key.column.desc(), Trajectory.id.desc()) if key.descending else (key.column, Trajectory.id)
    )
    # The facts once for the whole file: as a CTE, every batch below would compute them
    # again for every trajectory in scope.
    with frame.materialised(session):
        facts = frame.facts()
        behind = select(facts.c.trajectory_id).where(
            _drill_condition(frame, indicator, choice), frame.floor_filter(facts.c.floor_id)
        )
        ids_and_people = session.execute(
            select(Trajectory.id, Trajectory.participant_id)
            .where(Trajectory.id.in_(behind))
            .order_by(*order)
        ).all()
        audit.touch_many(
            session,
            object_type=Trajectory.__tablename__,
            participant_ids=[participant_id for _, participant_id in ids_and_people],
        )
        ids = [trajectory_id for trajectory_id, _ in ids_and_people]
        for start in range(0, len(ids), EXPORT_BATCH):
            yield from _drill_rows(session, frame, ids[start : start + EXPORT_BATCH])


def _drill_rows(session: Session, frame: Frame, ids: list[uuid.UUID]) -> list[DrillRow]:
    """One statement for the page: names where the caller may open the file, else initials."""
    if not ids:
        return []
    facts = frame.facts()
    visible = case((policies.visible_trajectories(frame.principal), True), else_=False)
    found = session.execute(
        # Columns, not the Trajectory entity: a 10,000-row file would build (and track) as
        # many ORM objects only to read seven attributes of each.
        select(
            Trajectory.id,
            Trajectory.participant_id,
            Trajectory.organisation_id,
            Trajectory.framework_code,
            Trajectory.phase,
            Trajectory.status,
            Trajectory.started_on,
            Participant.first_name,
            Participant.last_name,
            Organisation.name.label("organisation_name"),
            facts.c.floor_id,
            facts.c.ended_on,
            facts.c.outflow_date,
            facts.c.outflow_category,
            facts.c.paid_work_on,
            visible.label("visible"),
        )
        .join(facts, facts.c.trajectory_id == Trajectory.id)
        .join(Participant, Participant.id == Trajectory.participant_id)
        .join(Organisation, Organisation.id == Trajectory.organisation_id)
        .where(Trajectory.id.in_(ids))
    ).all()
    by_id = {row.id: row for row in found}
    rows = []
    for trajectory_id in ids:
        row = by_id[trajectory_id]
        shown = bool(row.visible)
        rows.append(
            DrillRow(
                trajectory_id=row.id,
                participant_id=row.participant_id if shown else None,
                participant_name=(
                    f"{row.first_name} {row.last_name}"
                    if shown
                    else initials(row.first_name, row.last_name)
                ),
                name_visible=shown,
                organisation_id=row.organisation_id,
                organisation_name=row.organisation_name,
                framework_code=row.framework_code,
                work_floor_id=row.floor_id,
                phase=row.phase,
                status=row.status,
                started_on=row.started_on,
                ended_on=row.ended_on,
                outflow_date=row.outflow_date,
                outflow_category=row.outflow_category,
                paid_work_on=row.paid_work_on,
            )
        )
    return rows
