"""In- and outflow: who was in trajectory, who started, who left and where to (doorstroom in
both views), the phase funnel, and the IPS and maximum-duration counts that need the same
"in trajectory during the bucket" test. Three statements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from app.outflow.categories import (
    COUNTED_CATEGORIES,
    IPS_COMPETITIVE_CATEGORIES,
    PAID_CATEGORIES,
    POSITIVE_CATEGORIES,
    OutflowCategory,
)
from app.reports.frame import (
    Frame,
    GroupKey,
    count_where,
    group_key,
    in_trajectory_during,
    in_trajectory_on,
)
from app.reports.schemas import Exits, Flow, Rate
from app.reports.stats import ratio
from app.trajectories.models import PhaseChange
from app.trajectories.phases import Phase


@dataclass
class Stock:
    participants: int = 0
    started: int = 0
    in_trajectory: int = 0
    competitive: int = 0
    with_maximum: int = 0
    past_maximum: int = 0


@dataclass
class FlowCounts:
    stock: Stock = field(default_factory=Stock)
    exits: dict[OutflowCategory, int] = field(default_factory=dict)
    funnel: dict[Phase, int] = field(default_factory=dict)


def fetch(session: Session, frame: Frame) -> dict[GroupKey, FlowCounts]:
    counts: dict[GroupKey, FlowCounts] = defaultdict(FlowCounts)
    for row in session.execute(_stock_query(frame)):
        counts[group_key(row.key, row.category)].stock = Stock(
            participants=row.participants,
            started=row.started,
            in_trajectory=row.in_trajectory,
            competitive=row.competitive,
            with_maximum=row.with_maximum,
            past_maximum=row.past_maximum,
        )
    for row in session.execute(_exits_query(frame)):
        counts[group_key(row.key, row.category)].exits[OutflowCategory(row.outflow_category)] = (
            row.n
        )
    for row in session.execute(_funnel_query(frame)):
        if row.phase is not None:
            counts[group_key(row.key, row.category)].funnel[Phase(row.phase)] = row.n
    return counts


def _stock_query(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    spells = _competitive_spells(frame)
    during = in_trajectory_during(facts, buckets.c.start, buckets.c.end)
    at_end = in_trajectory_on(facts, buckets.c.end)
    return (
        select(
            buckets.c.key,
            category.label("category"),
            func.count(func.distinct(_when(during, facts.c.participant_id))).label("participants"),
            count_where(frame.within(facts.c.started_on)).label("started"),
            count_where(during).label("in_trajectory"),
            count_where(and_(during, spells.c.trajectory_id.is_not(None))).label("competitive"),
            count_where(and_(at_end, facts.c.max_reached_on.is_not(None))).label("with_maximum"),
            count_where(past_maximum_on(frame, buckets.c.end)).label("past_maximum"),
        )
        .select_from(
            facts.join(buckets, true()).outerjoin(
                spells,
                and_(
                    spells.c.key == buckets.c.key,
                    spells.c.trajectory_id == facts.c.trajectory_id,
                ),
            )
        )
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category))
    )


def _competitive_job_runs(frame: Frame, start: Any, end: Any) -> ColumnElement[bool]:
    jobs = frame.trajectory_jobs()
    return and_(
        jobs.c.competitive.is_(True),
        jobs.c.start_date <= end,
        or_(jobs.c.end_date.is_(None), jobs.c.end_date >= start),
    )


def competitively_employed(frame: Frame, start: date, end: date) -> ColumnElement[bool]:
    """In trajectory during the period and holding a competitive job on some day of it."""
    facts, jobs = frame.facts(), frame.trajectory_jobs()
    holders = select(jobs.c.trajectory_id).where(_competitive_job_runs(frame, start, end))
    return and_(in_trajectory_during(facts, start, end), facts.c.trajectory_id.in_(holders))


def _competitive_spells(frame: Frame) -> Any:
    """(bucket, trajectory) for every competitive job running in the bucket: joined, not
    probed per row, so the cost grows with the rows and not with rows x jobs."""
    buckets, jobs = frame.bucket_table(), frame.trajectory_jobs()
    return (
        select(buckets.c.key, jobs.c.trajectory_id)
        .distinct()
        .select_from(
            jobs.join(buckets, _competitive_job_runs(frame, buckets.c.start, buckets.c.end))
        )
        .subquery("competitive_spells")
    )


def past_maximum_on(frame: Frame, day: Any) -> ColumnElement[bool]:
    """In trajectory on ``day`` and beyond the framework's maximum duration by then."""
    facts = frame.facts()
    return and_(in_trajectory_on(facts, day), facts.c.max_reached_on < day)


def _when(condition: Any, value: Any) -> Any:
    return case((condition, value))


def _exits_query(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    return (
        select(
            buckets.c.key,
            category.label("category"),
            facts.c.outflow_category,
            func.count().label("n"),
        )
        .select_from(facts.join(buckets, frame.within(facts.c.outflow_date)))
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category), facts.c.outflow_category)
    )


def _funnel_query(frame: Frame) -> Any:
    """The phase on the bucket's last day of those in trajectory then: the phase change whose
    stay (until the next change, in the order on, created_at, id) holds that day. A join, not a
    subquery per trajectory and bucket; those without a change by then have no phase and are
    left out, as before."""
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
        # Only those still in trajectory on some bucket's last day.
        .where(in_trajectory_during(facts, frame.buckets[0].end, frame.end))
        .subquery("stays")
    )
    on_last_day = (
        select(
            buckets.c.key,
            frame.category(facts).label("category"),
            stays.c.to_phase.label("phase"),
        )
        .select_from(
            facts.join(buckets, true()).join(
                stays,
                and_(
                    stays.c.trajectory_id == facts.c.trajectory_id,
                    stays.c.on <= buckets.c.end,
                    or_(stays.c.left_on.is_(None), stays.c.left_on > buckets.c.end),
                ),
            )
        )
        .where(in_trajectory_on(facts, buckets.c.end), frame.floor_filter(facts.c.floor_id))
        .subquery("on_last_day")
    )
    return select(
        on_last_day.c.key, on_last_day.c.category, on_last_day.c.phase, func.count().label("n")
    ).group_by(on_last_day.c.key, on_last_day.c.category, on_last_day.c.phase)


def in_phase_on(frame: Frame, day: Any, phase: Phase) -> ColumnElement[bool]:
    """In trajectory on ``day`` and in ``phase`` then: the funnel's rule for one bar (the
    latest phase change on or before the day, in the order on, created_at, id)."""
    facts = frame.facts()
    ranked = (
        select(
            PhaseChange.trajectory_id,
            PhaseChange.to_phase,
            func.row_number()
            .over(
                partition_by=PhaseChange.trajectory_id,
                order_by=(
                    PhaseChange.on.desc(),
                    PhaseChange.created_at.desc(),
                    PhaseChange.id.desc(),
                ),
            )
            .label("rank"),
        )
        .where(PhaseChange.on <= day)
        .subquery("latest_changes")
    )
    in_phase = select(ranked.c.trajectory_id).where(ranked.c.rank == 1, ranked.c.to_phase == phase)
    return and_(in_trajectory_on(facts, day), facts.c.trajectory_id.in_(in_phase))


def _rate(exits: dict[OutflowCategory, int], numerator: frozenset[OutflowCategory]) -> Rate:
    counted = sum(n for category, n in exits.items() if category in COUNTED_CATEGORIES)
    hits = sum(n for category, n in exits.items() if category in numerator)
    return Rate(numerator=hits, denominator=counted, value=ratio(hits, counted))


def build(counts: FlowCounts) -> Flow:
    exits = counts.exits
    total = sum(exits.values())
    counted = sum(n for category, n in exits.items() if category in COUNTED_CATEGORIES)
    return Flow(
        participants_in_trajectory=counts.stock.participants,
        trajectories_started=counts.stock.started,
        exits=Exits(
            total=total,
            counted=counted,
            left_out=total - counted,
            by_category={category: exits.get(category, 0) for category in OutflowCategory},
        ),
        doorstroom_rate=_rate(exits, PAID_CATEGORIES),
        doorstroom_rate_ips=_rate(exits, IPS_COMPETITIVE_CATEGORIES),
        positive_exit_rate=_rate(exits, POSITIVE_CATEGORIES),
        drop_out_rate=_rate(exits, frozenset({OutflowCategory.DROP_OUT})),
        back_to_care_rate=_rate(exits, frozenset({OutflowCategory.BACK_TO_CARE})),
        phase_funnel={phase: counts.funnel.get(phase, 0) for phase in Phase},
    )
