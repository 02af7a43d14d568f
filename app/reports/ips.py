"""IPS signals: caseload per specialist and employer contacts per specialist per week (the
competitive-employment rate and days to the first employer contact come from the flow and
cohort statements). Two statements; and the caseload per staff member, one more for its own
route (``staff_caseload_query``).

A specialist is a staff member with a *case manager work* membership on a trajectory in scope,
from an organisation the caller reports on: another organisation's staff and their contacts
never enter the caller's figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.orm import Session

from app.access import policies
from app.auth.models import User
from app.employment.models import EmployerContact
from app.organisations.models import Organisation
from app.reports.definitions import CASELOAD_LIMIT, CASELOAD_ROLES
from app.reports.frame import Bucket, Frame, GroupKey, group_key, in_trajectory_on
from app.reports.schemas import Caseload, WeeklyRate
from app.reports.stats import ratio
from app.trajectories.models import TeamMember, TeamRole


@dataclass
class IpsCounts:
    caseloads: list[int] = field(default_factory=list)
    specialists: int = 0
    contacts: int = 0


def fetch(session: Session, frame: Frame) -> dict[GroupKey, IpsCounts]:
    counts: dict[GroupKey, IpsCounts] = defaultdict(IpsCounts)
    for row in session.execute(_caseload_query(frame)):
        counts[group_key(row.key, row.category)].caseloads.append(row.n)
    for row in session.execute(_contacts_query(frame)):
        group = counts[group_key(row.key, row.category)]
        group.specialists, group.contacts = row.specialists, row.contacts
    return counts


def _specialist_memberships(frame: Frame) -> Any:
    facts, buckets = frame.facts(), frame.bucket_table()
    return (
        facts.join(buckets, true())
        .join(TeamMember, TeamMember.trajectory_id == facts.c.trajectory_id)
        .join(User, User.id == TeamMember.user_id)
    ), and_(
        TeamMember.team_role == TeamRole.CASE_MANAGER_WORK,
        policies.reportable_organisation(frame.principal, User.organisation_id),
        frame.floor_filter(facts.c.floor_id),
    )


def _caseload_query(frame: Frame) -> Any:
    """Per specialist, the trajectories in trajectory on the bucket's last day that they were
    on the team of that day (a membership's end date is the day it stopped)."""
    facts, buckets = frame.facts(), frame.bucket_table()
    category = frame.category(facts)
    source, specialist = _specialist_memberships(frame)
    return (
        select(
            buckets.c.key,
            category.label("category"),
            TeamMember.user_id,
            func.count(func.distinct(facts.c.trajectory_id)).label("n"),
        )
        .select_from(source)
        .where(
            specialist,
            TeamMember.from_date <= buckets.c.end,
            or_(TeamMember.to_date.is_(None), TeamMember.to_date > buckets.c.end),
            in_trajectory_on(facts, buckets.c.end),
        )
        .group_by(buckets.c.key, *frame.split(category), TeamMember.user_id)
    )


def staff_caseload_query(frame: Frame) -> Any:
    """Per staff member of an organisation the caller reports on, the trajectories in scope
    in trajectory on the period's last day on which they are case manager or coach that day:
    one grouped statement, highest first."""
    facts, end = frame.facts(), frame.end
    carried = func.count(func.distinct(facts.c.trajectory_id))
    return (
        select(
            User.id,
            User.name,
            User.role,
            Organisation.id.label("organisation_id"),
            Organisation.name.label("organisation_name"),
            carried.label("trajectories"),
        )
        .select_from(facts)
        .join(TeamMember, TeamMember.trajectory_id == facts.c.trajectory_id)
        .join(User, User.id == TeamMember.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(
            TeamMember.team_role.in_(CASELOAD_ROLES),
            policies.reportable_organisation(frame.principal, User.organisation_id),
            frame.floor_filter(facts.c.floor_id),
            TeamMember.from_date <= end,
            or_(TeamMember.to_date.is_(None), TeamMember.to_date > end),
            in_trajectory_on(facts, end),
        )
        .group_by(User.id, User.name, User.role, Organisation.id, Organisation.name)
        .order_by(carried.desc(), User.name, User.id)
    )


def _contacts_query(frame: Frame) -> Any:
    """Specialists on the team at some time in the bucket, and their employer contacts in it.

    Their memberships are gathered once (distinct per category, specialist and span) and only
    then set against the buckets: the same specialists per bucket as joining every
    membership with every bucket, without checking each membership once per bucket."""
    facts, buckets = frame.facts(), frame.bucket_table()
    membership = (
        select(
            frame.category(facts).label("category"),
            TeamMember.user_id,
            TeamMember.from_date,
            TeamMember.to_date,
        )
        .distinct()
        .select_from(
            facts.join(TeamMember, TeamMember.trajectory_id == facts.c.trajectory_id).join(
                User, User.id == TeamMember.user_id
            )
        )
        .where(
            TeamMember.team_role == TeamRole.CASE_MANAGER_WORK,
            policies.reportable_organisation(frame.principal, User.organisation_id),
            frame.floor_filter(facts.c.floor_id),
        )
        .subquery("specialist_memberships")
    )
    specialists = (
        select(
            buckets.c.key,
            buckets.c.start,
            buckets.c.end,
            membership.c.category,
            membership.c.user_id,
        )
        .distinct()
        .select_from(
            membership.join(
                buckets,
                and_(
                    membership.c.from_date <= buckets.c.end,
                    or_(membership.c.to_date.is_(None), membership.c.to_date > buckets.c.start),
                ),
            )
        )
        .subquery("specialists")
    )
    return (
        select(
            specialists.c.key,
            specialists.c.category,
            func.count(func.distinct(specialists.c.user_id)).label("specialists"),
            func.count(EmployerContact.id).label("contacts"),
        )
        .select_from(
            specialists.outerjoin(
                EmployerContact,
                and_(
                    EmployerContact.staff_id == specialists.c.user_id,
                    EmployerContact.contacted_on >= specialists.c.start,
                    EmployerContact.contacted_on <= specialists.c.end,
                ),
            )
        )
        .group_by(specialists.c.key, specialists.c.category)
    )


def caseload(counts: IpsCounts) -> Caseload:
    total, specialists = sum(counts.caseloads), len(counts.caseloads)
    return Caseload(
        numerator=total,
        denominator=specialists,
        value=ratio(total, specialists),
        max=max(counts.caseloads, default=0),
        over_limit=sum(n > CASELOAD_LIMIT for n in counts.caseloads),
    )


def contacts_per_week(counts: IpsCounts, bucket: Bucket) -> WeeklyRate:
    specialist_weeks = counts.specialists * bucket.days / 7
    return WeeklyRate(
        numerator=counts.contacts,
        denominator=round(specialist_weeks, 2),
        value=ratio(counts.contacts, specialist_weeks),
    )
