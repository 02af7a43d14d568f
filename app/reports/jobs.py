"""Job measures over the jobs that began in the period: hours, the ≥ 20 h share, the hourly
wage, the competitive share and the weeks in each person's longest job. Two statements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CTE,
    Numeric,
    String,
    and_,
    case,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from app.reports import sql
from app.reports.cohorts import SurvivalCounts, duration
from app.reports.definitions import JOB_HOURS_THRESHOLD
from app.reports.frame import Frame, GroupKey, group_key
from app.reports.schemas import Jobs, Rate, Spread
from app.reports.stats import ratio, spread

HOURS, WAGE, ALL_JOBS, COMPETITIVE = "hours", "wage", "jobs", "competitive"


@dataclass
class JobCounts:
    jobs: int = 0
    competitive: int = 0
    hours: list[tuple[Decimal, int]] = field(default_factory=list)
    wages: list[tuple[Decimal, int]] = field(default_factory=list)
    longest: SurvivalCounts = field(default_factory=dict)


def fetch(session: Session, frame: Frame) -> dict[GroupKey, JobCounts]:
    counts: dict[GroupKey, JobCounts] = defaultdict(JobCounts)
    found = _jobs_in_buckets(frame)
    for row in session.execute(_values_query(found)):
        group = counts[group_key(row.key, row.category)]
        if row.measure == HOURS:
            group.hours.append((Decimal(row.value), row.n))
        elif row.measure == WAGE:
            group.wages.append((Decimal(row.value), row.n))
        elif row.measure == ALL_JOBS:
            group.jobs = row.n
        else:
            group.competitive = row.n
    for row in session.execute(_longest_query(frame, found)):
        counts[group_key(row.key, row.category)].longest[(row.days, not row.ongoing)] = row.n
    return counts


def _jobs_in_buckets(frame: Frame) -> CTE:
    """Each job once per group, even when two trajectories in the group claim it."""
    facts, buckets, jobs = frame.facts(), frame.bucket_table(), frame.trajectory_jobs()
    return (
        select(
            buckets.c.key,
            frame.category(facts).label("category"),
            jobs.c.job_id,
            jobs.c.participant_id,
            jobs.c.start_date,
            jobs.c.end_date,
            jobs.c.hours_per_week,
            jobs.c.gross_hourly_wage,
            jobs.c.competitive,
        )
        .distinct()
        .select_from(
            jobs.join(facts, facts.c.trajectory_id == jobs.c.trajectory_id).join(
                buckets, frame.within(jobs.c.start_date)
            )
        )
        .where(frame.floor_filter(facts.c.floor_id))
        .cte("bucket_jobs")
    )


def _values_query(found: CTE) -> Any:
    def measure(name: str, value: Any, *conditions: Any) -> Any:
        # PostgreSQL refuses a constant (the NULL of the plain counts) in GROUP BY.
        by_value = [value] if value is not None else []
        return (
            select(
                found.c.key,
                found.c.category,
                literal_column(f"'{name}'", String).label("measure"),
                type_coerce(value if value is not None else null(), Numeric(7, 2)).label("value"),
                func.count().label("n"),
            )
            .where(*conditions)
            .group_by(found.c.key, found.c.category, *by_value)
        )

    return union_all(
        measure(HOURS, found.c.hours_per_week, found.c.hours_per_week.is_not(None)),
        measure(WAGE, found.c.gross_hourly_wage, found.c.gross_hourly_wage.is_not(None)),
        measure(ALL_JOBS, None),
        measure(COMPETITIVE, None, found.c.competitive.is_(True)),
    )


def _longest_query(frame: Frame, found: CTE) -> Any:
    today = frame.today
    ended = and_(found.c.end_date.is_not(None), found.c.end_date <= today)
    durations = select(
        found.c.key,
        found.c.category,
        found.c.participant_id,
        sql.days_between(found.c.start_date, case((ended, found.c.end_date), else_=today)).label(
            "days"
        ),
        or_(found.c.end_date.is_(None), found.c.end_date > today).label("ongoing"),
    ).subquery("job_durations")
    ranked = select(
        durations,
        func.row_number()
        .over(
            partition_by=(durations.c.key, durations.c.category, durations.c.participant_id),
            order_by=(durations.c.days.desc(), durations.c.ongoing.desc()),
        )
        .label("rank"),
    ).subquery("ranked_jobs")
    return (
        select(
            ranked.c.key,
            ranked.c.category,
            ranked.c.days,
            ranked.c.ongoing,
            func.count().label("n"),
        )
        .where(ranked.c.rank == 1)
        .group_by(ranked.c.key, ranked.c.category, ranked.c.days, ranked.c.ongoing)
    )


def _spread(values: list[tuple[Decimal, int]], unit: str) -> Spread:
    result = spread(values)
    return Spread(unit=unit, median=result.median, q1=result.q1, q3=result.q3, n=result.n)


def build(counts: JobCounts) -> Jobs:
    with_hours = sum(n for _, n in counts.hours)
    long_enough = sum(n for hours, n in counts.hours if hours >= JOB_HOURS_THRESHOLD)
    return Jobs(
        jobs_started=counts.jobs,
        hours_per_week=_spread(counts.hours, "hours"),
        twenty_hours_or_more=Rate(
            numerator=long_enough, denominator=with_hours, value=ratio(long_enough, with_hours)
        ),
        hourly_wage=_spread(counts.wages, "euro"),
        competitive_share=Rate(
            numerator=counts.competitive,
            denominator=counts.jobs,
            value=ratio(counts.competitive, counts.jobs),
        ),
        longest_job_weeks=duration(counts.longest, unit="weeks", per=7),
    )
