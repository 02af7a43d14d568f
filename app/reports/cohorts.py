"""Start cohorts and follow-up: time to paid work and to the first employer contact
(Kaplan-Meier), the share in paid work within 6/12/18/24 months (right-censored), and
retention at 3/6/12 months with unknown apart. Three statements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, and_, func, literal_column, select, union_all
from sqlalchemy.orm import Session

from app.reports import sql
from app.reports.definitions import (
    COHORT_MONTHS,
    EMPLOYER_CONTACT_DAYS,
    RETENTION_MONTHS,
    RetentionClass,
)
from app.reports.frame import Frame, GroupKey, count_where, group_key
from app.reports.schemas import CensoredRate, Cohort, Duration, RetentionRate
from app.reports.stats import kaplan_meier, ratio

PAID_WORK = "paid_work"
EMPLOYER_CONTACT = "employer_contact"

SurvivalCounts = dict[tuple[int, bool], int]


@dataclass
class Horizon:
    hits: int = 0
    observable: int = 0
    censored: int = 0


@dataclass
class CohortCounts:
    survival: dict[str, SurvivalCounts] = field(
        default_factory=lambda: {PAID_WORK: {}, EMPLOYER_CONTACT: {}}
    )
    paid_work_within: dict[int, Horizon] = field(default_factory=dict)
    contact_within: Horizon = field(default_factory=Horizon)
    retention: dict[int, dict[RetentionClass, int]] = field(default_factory=dict)


def fetch(session: Session, frame: Frame) -> dict[GroupKey, CohortCounts]:
    counts: dict[GroupKey, CohortCounts] = defaultdict(CohortCounts)
    for row in session.execute(_survival_query(frame)):
        table = counts[group_key(row.key, row.category)].survival[row.kind]
        table[(row.days, bool(row.event))] = row.n
    for row in session.execute(_horizon_query(frame)):
        cohort = counts[group_key(row.key, row.category)]
        for months in COHORT_MONTHS:
            cohort.paid_work_within[months] = Horizon(
                hits=row._mapping[f"hits_{months}"],
                observable=row._mapping[f"observable_{months}"],
                censored=row.cohort - row._mapping[f"observable_{months}"],
            )
        cohort.contact_within = Horizon(
            hits=row.contact_hits,
            observable=row.contact_observable,
            censored=row.cohort - row.contact_observable,
        )
    for row in session.execute(_retention_query(frame)):
        cohort = counts[group_key(row.key, row.category)]
        for months in RETENTION_MONTHS:
            cohort.retention[months] = {
                cls: row._mapping[f"r{months}_{cls.value}"] for cls in RetentionClass
            }
    return counts


def _survival_query(frame: Frame) -> Any:
    """Per cohort, how many reached the event after how many days, and how many are censored
    (no event yet) after how many days: a frequency table, not one row per trajectory."""
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    parts = []
    for kind, event_on in (
        (PAID_WORK, facts.c.paid_work_on),
        (EMPLOYER_CONTACT, facts.c.first_contact_on),
    ):
        cases = (
            select(
                literal_column(f"'{kind}'", String).label("kind"),
                buckets.c.key,
                category.label("category"),
                sql.days_between(facts.c.started_on, func.coalesce(event_on, frame.today)).label(
                    "days"
                ),
                event_on.is_not(None).label("event"),
            )
            .select_from(facts.join(buckets, frame.within(facts.c.started_on)))
            .where(frame.floor_filter(facts.c.floor_id))
            .subquery(f"{kind}_cases")
        )
        parts.append(
            select(
                cases.c.kind,
                cases.c.key,
                cases.c.category,
                cases.c.days,
                cases.c.event,
                func.count().label("n"),
            ).group_by(cases.c.kind, cases.c.key, cases.c.category, cases.c.days, cases.c.event)
        )
    return union_all(*parts)


def _horizon_query(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    today = frame.today
    columns = []
    for months in COHORT_MONTHS:
        reached = sql.add_months(facts.c.started_on, months)
        observable = reached <= today
        columns += [
            count_where(and_(observable, facts.c.paid_work_on <= reached)).label(f"hits_{months}"),
            count_where(observable).label(f"observable_{months}"),
        ]
    contact_observable = sql.days_between(facts.c.started_on, today) >= EMPLOYER_CONTACT_DAYS
    contact_in_time = (
        sql.days_between(facts.c.started_on, facts.c.first_contact_on) <= EMPLOYER_CONTACT_DAYS
    )
    return (
        select(
            buckets.c.key,
            category.label("category"),
            func.count().label("cohort"),
            *columns,
            count_where(
                and_(contact_observable, facts.c.first_contact_on.is_not(None), contact_in_time)
            ).label("contact_hits"),
            count_where(contact_observable).label("contact_observable"),
        )
        .select_from(facts.join(buckets, frame.within(facts.c.started_on)))
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category))
    )


def _retention_query(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    columns = [
        count_where(facts.c[f"retention_{months}"] == cls.value).label(f"r{months}_{cls.value}")
        for months in RETENTION_MONTHS
        for cls in RetentionClass
    ]
    return (
        select(buckets.c.key, category.label("category"), *columns)
        .select_from(facts.join(buckets, frame.within(facts.c.outflow_date)))
        .where(frame.floor_filter(facts.c.floor_id))
        .group_by(buckets.c.key, *frame.split(category))
    )


def duration(counts: SurvivalCounts, unit: str = "days", per: int = 1) -> Duration:
    estimate = kaplan_meier(counts)

    def scaled(days: int | None) -> int | float | None:
        if days is None:
            return None
        return days if per == 1 else round(days / per, 1)

    return Duration(
        unit=unit,
        median=scaled(estimate.median),
        q1=scaled(estimate.q1),
        q3=scaled(estimate.q3),
        n=estimate.n,
        events=estimate.events,
        censored=estimate.censored,
    )


def censored_rate(horizon: Horizon) -> CensoredRate:
    return CensoredRate(
        numerator=horizon.hits,
        denominator=horizon.observable,
        value=ratio(horizon.hits, horizon.observable),
        censored=horizon.censored,
    )


def build(counts: CohortCounts) -> Cohort:
    return Cohort(
        time_to_paid_work=duration(counts.survival[PAID_WORK]),
        paid_work_within={
            str(months): censored_rate(counts.paid_work_within.get(months, Horizon()))
            for months in COHORT_MONTHS
        },
    )


def build_retention(counts: CohortCounts) -> dict[str, RetentionRate]:
    rates = {}
    for months in RETENTION_MONTHS:
        classes = counts.retention.get(months, {})
        working = classes.get(RetentionClass.WORKING, 0)
        known = working + classes.get(RetentionClass.NOT_WORKING, 0)
        rates[str(months)] = RetentionRate(
            numerator=working,
            denominator=known,
            value=ratio(working, known),
            unknown=classes.get(RetentionClass.UNKNOWN, 0),
            pending=classes.get(RetentionClass.PENDING, 0),
        )
    return rates
