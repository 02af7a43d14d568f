"""Effort and funding: funder months planned vs decided, attended half-days, attended hours per
week against the 12 h and 13 h thresholds, activation sessions per component and time in
phase (trajectories past their maximum come with the flow statement). Five statements.

Attendance and hours belong to a placement, so they are split by the placement's own work
floor; everything else by the trajectory's.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from app.funding.models import FunderMonth
from app.progress.models import ActivationSession, Attendance, AttendanceStatus, Placement
from app.reports import sql
from app.reports.cohorts import SurvivalCounts, duration
from app.reports.definitions import HOURS_THRESHOLDS
from app.reports.frame import Frame, GroupKey, count_where, group_key
from app.reports.schemas import Duration, FunderMonths, Rate, SessionCounts, Spread
from app.reports.stats import ratio, spread
from app.trajectories.models import PhaseChange
from app.trajectories.phases import Phase

PLANNED = "planned"


@dataclass
class EffortCounts:
    funder_months: dict[str, int] = field(default_factory=dict)
    half_days: int = 0
    attending_participants: int = 0
    hours_per_week: list[tuple[Decimal, int]] = field(default_factory=list)
    placements: int = 0
    at_least: dict[int, int] = field(default_factory=dict)
    sessions: dict[str, SessionCounts] = field(default_factory=dict)
    phases: dict[str, SurvivalCounts] = field(default_factory=dict)


def fetch(session: Session, frame: Frame) -> dict[GroupKey, EffortCounts]:
    counts: dict[GroupKey, EffortCounts] = defaultdict(EffortCounts)
    for row in session.execute(_funder_months_query(frame)):
        counts[group_key(row.key, row.category)].funder_months[row.kind] = int(row.n or 0)
    for row in session.execute(_half_days_query(frame)):
        group = counts[group_key(row.key, row.category)]
        group.half_days, group.attending_participants = row.half_days, row.participants
    for row in session.execute(_hours_query(frame)):
        group = counts[group_key(row.key, row.category)]
        group.hours_per_week.append((Decimal(row.tenths) / 10, row.n))
        group.placements += row.n
        for hours in HOURS_THRESHOLDS:
            group.at_least[hours] = group.at_least.get(hours, 0) + row._mapping[f"at_least_{hours}"]
    for row in session.execute(_sessions_query(frame)):
        counts[group_key(row.key, row.category)].sessions[row.component] = SessionCounts(
            sessions=row.sessions, minutes=row.minutes, trajectories=row.trajectories
        )
    for row in session.execute(_phases_query(frame)):
        table = counts[group_key(row.key, row.category)].phases.setdefault(row.phase, {})
        table[(row.days, bool(row.event))] = row.n
    return counts


def _funder_months_query(frame: Frame) -> Any:
    """Decisions per kind on months in the bucket, and the months each trajectory ran in it."""
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    decided = (
        select(
            buckets.c.key,
            category.label("category"),
            # Plain text: the union also carries "planned", which is no decision.
            type_coerce(FunderMonth.decision, String).label("kind"),
            func.count().label("n"),
        )
        .select_from(
            facts.join(FunderMonth, FunderMonth.trajectory_id == facts.c.trajectory_id).join(
                buckets,
                and_(
                    FunderMonth.month >= buckets.c.month_start, FunderMonth.month <= buckets.c.end
                ),
            )
        )
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category), FunderMonth.decision)
    )
    first = sql.greatest(facts.c.started_month, buckets.c.start_month)
    last = sql.least(facts.c.running_to_month, buckets.c.end_month)
    months = last - first + 1
    planned = (
        select(
            buckets.c.key,
            category.label("category"),
            literal_column(f"'{PLANNED}'", String).label("kind"),
            func.sum(case((months > 0, months), else_=0)).label("n"),
        )
        .select_from(facts.join(buckets, facts.c.started_on <= buckets.c.end))
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category))
    )
    return union_all(decided, planned)


def _placements_source(frame: Frame) -> Any:
    facts = frame.facts()
    return Placement.__table__.join(facts, facts.c.trajectory_id == Placement.trajectory_id)


def _half_days_query(frame: Frame) -> Any:
    """The bucket computed from the date, not joined: the attendance is reached from the
    trajectories in scope through its placement, never scanned once per bucket."""
    facts = frame.facts()
    category = frame.category(facts, Placement.work_floor_id)
    bucket = frame.bucket_of(Attendance.date)
    return (
        select(
            bucket.label("key"),
            category.label("category"),
            # count(*), not of the id: the join is inner, and the index then answers alone.
            func.count().label("half_days"),
            func.count(func.distinct(facts.c.participant_id)).label("participants"),
        )
        .select_from(
            _placements_source(frame).join(Attendance, Attendance.placement_id == Placement.id)
        )
        .where(
            Attendance.status == AttendanceStatus.PRESENT,
            frame.in_period(Attendance.date),
            frame.floor_filter(Placement.work_floor_id),
        )
        .group_by(*frame.bucket_split(bucket), *frame.split(category))
    )


def _hours_query(frame: Frame) -> Any:
    """Per placement running in the bucket: attended hours ÷ its weeks in the bucket, kept in
    whole cents and days so that "12 hours or more" is decided exactly."""
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts, Placement.work_floor_id)
    placement_end = func.coalesce(Placement.end_date, frame.today)
    overlap_start = sql.greatest(Placement.start_date, buckets.c.start)
    overlap_end = sql.least(placement_end, buckets.c.end)
    per_placement = (
        select(
            buckets.c.key,
            category.label("category"),
            (sql.days_between(overlap_start, overlap_end) + 1).label("days"),
            func.coalesce(func.sum(cast(func.round(Attendance.hours * 100), Integer)), 0).label(
                "cents"
            ),
        )
        .select_from(
            _placements_source(frame)
            .join(
                buckets,
                and_(Placement.start_date <= buckets.c.end, placement_end >= buckets.c.start),
            )
            .outerjoin(
                Attendance,
                and_(
                    Attendance.placement_id == Placement.id,
                    Attendance.status == AttendanceStatus.PRESENT,
                    Attendance.date >= overlap_start,
                    Attendance.date <= overlap_end,
                ),
            )
        )
        .where(frame.floor_filter(Placement.work_floor_id))
        .group_by(
            buckets.c.key,
            buckets.c.start,
            buckets.c.end,
            *frame.split(category),
            Placement.id,
            Placement.start_date,
            Placement.end_date,
        )
        .subquery("per_placement")
    )
    # Tenths of an hour per week, rounded down: cents x 7 ÷ (days x 10), in integers.
    rated = select(
        per_placement.c.key,
        per_placement.c.category,
        (per_placement.c.cents * 7 // (per_placement.c.days * 10)).label("tenths"),
        *(
            (per_placement.c.cents * 7 >= hours * 100 * per_placement.c.days).label(
                f"reaches_{hours}"
            )
            for hours in HOURS_THRESHOLDS
        ),
    ).subquery("rated")
    return select(
        rated.c.key,
        rated.c.category,
        rated.c.tenths,
        func.count().label("n"),
        *(
            count_where(rated.c[f"reaches_{hours}"].is_(True)).label(f"at_least_{hours}")
            for hours in HOURS_THRESHOLDS
        ),
    ).group_by(rated.c.key, rated.c.category, rated.c.tenths)


def _sessions_query(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    return (
        select(
            buckets.c.key,
            category.label("category"),
            ActivationSession.component,
            func.count().label("sessions"),
            func.sum(ActivationSession.minutes).label("minutes"),
            func.count(func.distinct(ActivationSession.trajectory_id)).label("trajectories"),
        )
        .select_from(
            facts.join(
                ActivationSession, ActivationSession.trajectory_id == facts.c.trajectory_id
            ).join(buckets, frame.within(ActivationSession.held_on))
        )
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category), ActivationSession.component)
    )


def _phases_query(frame: Frame) -> Any:
    """Phase stays begun in the bucket: until the next phase change, or censored at the
    trajectory's closing date or today."""
    facts, buckets = frame.facts(), frame.bucket_table()
    stays = (
        select(
            PhaseChange.trajectory_id,
            PhaseChange.to_phase,
            PhaseChange.on,
            func.lead(PhaseChange.on)
            .over(
                partition_by=PhaseChange.trajectory_id,
                order_by=(PhaseChange.on, PhaseChange.created_at, PhaseChange.id),
            )
            .label("left_on"),
        )
        .join(facts, facts.c.trajectory_id == PhaseChange.trajectory_id)
        # Only the stays begun in the period are measured, and the change after such a stay
        # is on the same day or later: the changes from the period's first day on are all
        # the window needs, read by the index on (trajectory, day).
        .where(PhaseChange.on >= frame.start)
        .subquery("stays")
    )
    measured = (
        select(
            buckets.c.key,
            frame.category(facts).label("category"),
            stays.c.to_phase.label("phase"),
            sql.days_between(
                stays.c.on, func.coalesce(stays.c.left_on, facts.c.closed_on, frame.today)
            ).label("days"),
            stays.c.left_on.is_not(None).label("event"),
        )
        .select_from(
            stays.join(facts, facts.c.trajectory_id == stays.c.trajectory_id).join(
                buckets, frame.within(stays.c.on)
            )
        )
        .where(stays.c.to_phase != Phase.OUTFLOW, frame.floor_filter(facts.c.floor_id))
        .subquery("measured")
    )
    return select(
        measured.c.key,
        measured.c.category,
        measured.c.phase,
        measured.c.days,
        measured.c.event,
        func.count().label("n"),
    ).group_by(
        measured.c.key, measured.c.category, measured.c.phase, measured.c.days, measured.c.event
    )


def _share(hits: int, total: int) -> Rate:
    return Rate(numerator=hits, denominator=total, value=ratio(hits, total))


def funder_months(counts: EffortCounts) -> FunderMonths:
    planned = counts.funder_months.get(PLANNED, 0)
    approved = counts.funder_months.get("approved", 0)
    return FunderMonths(
        planned=planned,
        approved=approved,
        rejected=counts.funder_months.get("rejected", 0),
        approved_share=_share(approved, planned),
    )


def hours_spread(counts: EffortCounts) -> Spread:
    result = spread(counts.hours_per_week)
    return Spread(unit="hours", median=result.median, q1=result.q1, q3=result.q3, n=result.n)


def time_in_phase(counts: EffortCounts) -> dict[str, Duration]:
    return {
        phase.value: duration(counts.phases.get(phase.value, {}))
        for phase in Phase
        if phase is not Phase.OUTFLOW
    }


def half_days(counts: EffortCounts) -> Rate:
    return _share(counts.half_days, counts.attending_participants)


def at_least(counts: EffortCounts, hours: int) -> Rate:
    return _share(counts.at_least.get(hours, 0), counts.placements)
