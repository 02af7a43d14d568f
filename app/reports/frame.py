"""The frame every report query shares: checked parameters, the period's buckets, and one row
of facts per trajectory in scope, from which each indicator family aggregates in SQL.

The facts are a CTE, or, for a report that runs many statements over them, computed once into
a temporary table for the length of the report (``Frame.materialised``): never held in Python,
and never kept beyond the request, so no write can make them stale. Each family joins them
with the buckets on the date that places its records in a period (an outflow date, a start
date …) and groups by bucket and category.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    CTE,
    Column,
    ColumnElement,
    Date,
    Executable,
    FromClause,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    text,
    union,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.schema import DropTable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement, TextClause
from sqlalchemy.sql.visitors import InternalTraversal

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.auth.models import User
from app.core.dates import add_months as add_calendar_months
from app.core.errors import NotFound, RuleViolation
from app.employment.models import (
    COMPETITIVE_INSTRUMENTS,
    EmployerContact,
    EmployerContactTrajectory,
    Job,
)
from app.organisations.models import (
    Framework,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.outflow.categories import PAID_CATEGORIES
from app.outflow.models import FollowUp, FollowUpStatus, Outflow
from app.participants.models import Participant
from app.progress.models import Placement
from app.reports import sql
from app.reports.definitions import (
    MAX_PERIOD_YEARS,
    RETENTION_MONTHS,
    TIME_GROUPS,
    GroupBy,
    RetentionClass,
    TargetGroup,
)
from app.trajectories.models import TeamMember, Trajectory

ALL = "all"  # the key of the one bucket or category when nothing splits them
NO_FLOOR = "none"  # the category of trajectories never placed on a work floor
FAR_FUTURE = date(9999, 12, 31)  # stands in for "no date" where SQL needs a comparable value

GroupKey = tuple[str, str]  # (bucket, category)


def category_key(value: object) -> str:
    """A category as the answer names it: an id, a framework code, or "none" (no floor)."""
    return NO_FLOOR if value is None else str(value)


def group_key(bucket: object, category: object) -> GroupKey:
    return str(bucket), category_key(category)


@dataclass(frozen=True)
class ReportFilters:
    """The query parameters, as given (checked by ``check``)."""

    start: date | None = None
    end: date | None = None
    organisation_id: uuid.UUID | None = None
    work_floor_id: uuid.UUID | None = None
    partnership_id: uuid.UUID | None = None
    framework: str | None = None
    staff_id: uuid.UUID | None = None
    target_group: TargetGroup | None = None
    group_by: GroupBy | None = None

    def as_params(self) -> dict[str, str]:
        """The filters as query parameters (for the drill-down links of a group)."""
        values = {
            "from": self.start,
            "to": self.end,
            "organisation_id": self.organisation_id,
            "work_floor_id": self.work_floor_id,
            "partnership_id": self.partnership_id,
            "framework": self.framework,
            "staff_id": self.staff_id,
            "target_group": self.target_group,
        }
        return {name: str(value) for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class Bucket:
    key: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _today() -> date:
    return date.today()


def _period(filters: ReportFilters, today: date) -> tuple[date, date]:
    end = filters.end or today
    start = filters.start or add_calendar_months(end, -12) + timedelta(days=1)
    if end > today:
        raise RuleViolation.on(
            "to", "cannot be in the future: figures stop at today", code="in_future"
        )
    if start > end:
        raise RuleViolation.on(
            "to", "cannot be before from", code="before_field", params={"other": "from"}
        )
    if add_calendar_months(start, 12 * MAX_PERIOD_YEARS) <= end:
        raise RuleViolation.on(
            "to",
            f"the period is at most {MAX_PERIOD_YEARS} years",
            code="period_too_long",
            params={"years": MAX_PERIOD_YEARS},
        )
    return start, end


def _month_number(day: date) -> int:
    """``sql.month_index`` in Python: year x 12 + month - 1."""
    return day.year * 12 + day.month - 1


def _bucket_key(day: date, group_by: GroupBy) -> tuple[str, date]:
    """The bucket holding ``day`` and the first day after it."""
    if group_by is GroupBy.MONTH:
        first = day.replace(day=1)
        return f"{day.year:04d}-{day.month:02d}", add_calendar_months(first, 1)
    if group_by is GroupBy.QUARTER:
        quarter = (day.month - 1) // 3
        first = date(day.year, quarter * 3 + 1, 1)
        return f"{day.year:04d}-Q{quarter + 1}", add_calendar_months(first, 3)
    return f"{day.year:04d}", date(day.year + 1, 1, 1)


def buckets_for(start: date, end: date, group_by: GroupBy | None) -> list[Bucket]:
    """Calendar months, quarters or years cut to the period; one bucket without a time split."""
    if group_by not in TIME_GROUPS:
        return [Bucket(ALL, start, end)]
    assert group_by is not None
    buckets = []
    day = start
    while day <= end:
        key, following = _bucket_key(day, group_by)
        last = min(end, following - timedelta(days=1))
        buckets.append(Bucket(key, day, last))
        day = following
    return buckets


def _require_in_scope(session: Session, principal: Principal, filters: ReportFilters) -> None:
    """Every id given must name something the caller reports on: otherwise 404, exactly as if
    it did not exist (never an empty figure that looks real)."""
    if filters.organisation_id is not None and not session.scalar(
        select(literal(True)).where(
            policies.reportable_organisation(principal, literal(filters.organisation_id))
        )
    ):
        raise NotFound("Organisation not found")
    if filters.work_floor_id is not None and not session.scalar(
        select(WorkFloor.id).where(
            WorkFloor.id == filters.work_floor_id,
            policies.reportable_organisation(principal, WorkFloor.organisation_id),
        )
    ):
        raise NotFound("Work floor not found")
    if filters.partnership_id is not None and not session.scalar(
        select(Partnership.id).where(
            Partnership.id == filters.partnership_id,
            or_(
                Partnership.lead_organisation_id == principal.organisation_id,
                exists(
                    select(PartnershipMember.id).where(
                        PartnershipMember.partnership_id == Partnership.id,
                        PartnershipMember.organisation_id == principal.organisation_id,
                    )
                ),
            ),
        )
    ):
        raise NotFound("Partnership not found")
    if filters.staff_id is not None and not session.scalar(
        select(User.id).where(
            User.id == filters.staff_id,
            policies.reportable_organisation(principal, User.organisation_id),
        )
    ):
        raise NotFound("Staff member not found")
    if filters.framework is not None and session.get(Framework, filters.framework) is None:
        raise RuleViolation.on("framework", "is not a framework code", code="unknown_framework")


@dataclass
class Frame:
    """Checked parameters and the shared SQL pieces of one report."""

    principal: Principal
    filters: ReportFilters
    start: date
    end: date
    today: date
    buckets: list[Bucket]
    # A condition on the trajectory alone that every row a statement asks for meets (a
    # drill-down's list): the facts are then computed for those trajectories only. A
    # trajectory's facts come from its own records alone, so its row is the same either way.
    narrowing: ColumnElement[bool] | None = None
    _ctes: dict[str, FromClause] = field(default_factory=dict)
    _buckets: CTE | None = None

    @property
    def group_by(self) -> GroupBy | None:
        return self.filters.group_by

    # --- which trajectories -----------------------------------------------------------

    def trajectory_scope(self) -> ColumnElement[bool]:
        """Reportable and matching every filter but the work floor (a filter on ``Trajectory``;
        the floor is matched per family: see ``floor_filter``)."""
        f = self.filters
        conditions = [policies.reportable_trajectories(self.principal)]
        if self.narrowing is not None:
            conditions.append(self.narrowing)
        if f.organisation_id is not None:
            conditions.append(Trajectory.organisation_id == f.organisation_id)
        if f.partnership_id is not None:
            conditions.append(
                Trajectory.organisation_id.in_(
                    select(PartnershipMember.organisation_id).where(
                        PartnershipMember.partnership_id == f.partnership_id
                    )
                )
            )
        if f.framework is not None:
            conditions.append(Trajectory.framework_code == f.framework)
        if f.staff_id is not None:
            conditions.append(
                or_(
                    exists(
                        select(TeamMember.id).where(
                            TeamMember.trajectory_id == Trajectory.id,
                            TeamMember.user_id == f.staff_id,
                        )
                    ),
                    exists(
                        select(Placement.id).where(
                            Placement.trajectory_id == Trajectory.id,
                            Placement.coach_id == f.staff_id,
                        )
                    ),
                )
            )
        if f.target_group is not None:
            flag = getattr(Participant, f"target_{f.target_group.value}")
            conditions.append(
                Trajectory.participant_id.in_(select(Participant.id).where(flag.is_(True)))
            )
        return and_(*conditions)

    def floor_filter(self, floor: Any) -> ColumnElement[bool]:
        if self.filters.work_floor_id is None:
            return literal(True)
        return floor == self.filters.work_floor_id  # type: ignore[no-any-return]

    def category(self, facts: FromClause, floor: Any = None) -> ColumnElement[Any]:
        """What splits the groups: the organisation, the work floor (the record's own floor
        when it has one, else the trajectory's), the framework, or nothing."""
        if self.group_by is GroupBy.ORGANISATION:
            return facts.c.organisation_id
        if self.group_by is GroupBy.FRAMEWORK:
            return facts.c.framework_code
        if self.group_by is GroupBy.WORK_FLOOR:
            return floor if floor is not None else facts.c.floor_id
        # Inline, not a bound parameter: PostgreSQL must see the SELECT and GROUP BY
        # expressions as the same one.
        return literal_column(f"'{ALL}'", String)

    def within(self, day: Any) -> ColumnElement[bool]:
        """A dated record in the bucket (a join condition with ``bucket_table``): its key
        computed from the date, so the database joins by equality."""
        in_period = and_(day >= self.start, day <= self.end)
        if self.group_by not in TIME_GROUPS:
            return in_period  # one bucket: the period
        assert self.group_by is not None
        return and_(
            self.bucket_table().c.key == sql.bucket_key(day, self.group_by.value), in_period
        )

    def bucket_of(self, day: Any) -> ColumnElement[Any]:
        """The key of the bucket holding a dated record in the period (with ``in_period``):
        the same key as ``within`` joins on, computed without a join, for records so many
        that the database should reach them from the trajectories and not bucket by bucket."""
        if self.group_by not in TIME_GROUPS:
            return literal_column(f"'{ALL}'", String)
        assert self.group_by is not None
        return sql.bucket_key(day, self.group_by.value)

    def in_period(self, day: Any) -> ColumnElement[bool]:
        return and_(day >= self.start, day <= self.end)

    def bucket_split(self, key: ColumnElement[Any]) -> list[ColumnElement[Any]]:
        """``bucket_of`` for GROUP BY: nothing when it is the constant."""
        return [key] if self.group_by in TIME_GROUPS else []

    def split(self, category: ColumnElement[Any]) -> list[ColumnElement[Any]]:
        """The category for GROUP BY: nothing when it is the constant (PostgreSQL refuses a
        constant there)."""
        splits = (GroupBy.ORGANISATION, GroupBy.FRAMEWORK, GroupBy.WORK_FLOOR)
        return [category] if self.group_by in splits else []

    # --- shared CTEs --------------------------------------------------------------------

    def bucket_table(self) -> CTE:
        if self._buckets is None:
            rows = [
                select(
                    literal(b.key, String).label("key"),
                    literal(b.start, Date).label("start"),
                    literal(b.end, Date).label("end"),
                    literal(b.start.replace(day=1), Date).label("month_start"),
                    # As sql.month_index numbers them, so the facts' months compare directly.
                    literal(_month_number(b.start), Integer).label("start_month"),
                    literal(_month_number(b.end), Integer).label("end_month"),
                )
                for b in self.buckets
            ]
            table = rows[0] if len(rows) == 1 else union_all(*rows)
            self._buckets = table.cte("buckets")
        return self._buckets

    def trajectory_jobs(self) -> FromClause:
        """The trajectories' jobs: recorded for the trajectory or linked by its outflow, begun
        on or after its start and not after today."""
        if "trajectory_jobs" not in self._ctes:
            self._ctes["trajectory_jobs"] = self._trajectory_jobs_query().cte("trajectory_jobs")
        return self._ctes["trajectory_jobs"]

    def _trajectory_jobs_query(self) -> Any:
        # Reached from the trajectories in scope by their ids (jobs recorded for them, and
        # the jobs their outflows link), two equi-joins in a UNION: an OR join cannot use an
        # index, and a union of every job and every outflow costs the whole region.
        scoped = (
            select(Trajectory.id, Trajectory.started_on)
            .where(self.trajectory_scope())
            .cte("job_trajectories")
        )

        def jobs_of(source: Any) -> Any:
            return select(
                scoped.c.id.label("trajectory_id"),
                Job.id.label("job_id"),
                Job.participant_id,
                Job.start_date,
                Job.end_date,
                Job.hours_per_week,
                Job.gross_hourly_wage,
                Job.support_instrument.in_(COMPETITIVE_INSTRUMENTS).label("competitive"),
            ).select_from(source)

        begun = and_(Job.start_date >= scoped.c.started_on, Job.start_date <= self.today)
        recorded = jobs_of(scoped.join(Job, Job.trajectory_id == scoped.c.id)).where(begun)
        linked = jobs_of(
            scoped.join(Outflow, Outflow.trajectory_id == scoped.c.id).join(
                Job, Job.id == Outflow.job_id
            )
        ).where(begun)
        return union(recorded, linked)

    def facts(self) -> FromClause:
        """One row per started trajectory in scope with the dates every family needs."""
        if "facts" not in self._ctes:
            self._ctes["facts"] = self._facts_query().cte("facts")
        return self._ctes["facts"]

    @contextmanager
    def materialised(self, session: Session) -> Iterator[None]:
        """The trajectories' jobs and the facts computed once, into temporary tables that every
        statement of the report reads, instead of a CTE recomputed by each of them.

        They live in the report's own transaction and are dropped when it ends, so they are
        exactly as fresh as the CTE they replace (nothing is cached across requests). Five
        statements: create the two, analyse them, and at the end drop the two."""
        if _MATERIALISED.intersection(self._ctes):
            yield  # already materialised (or read as a CTE): nothing to add
            return
        created: list[Table] = []
        try:
            for name, build in (
                ("trajectory_jobs", self._trajectory_jobs_query),
                ("facts", self._facts_query),
            ):
                # Built in this order: the facts' first job reads the jobs' table.
                query = build()
                table = _temporary_table(f"report_{name}", query)
                session.execute(_CreateTemporaryTableAs(table, query))
                created.append(table)
                self._ctes[name] = table
            # Their sizes and spreads, for the planner: without them SQLite takes the facts
            # for a big table and scans the larger tables joined to them instead.
            session.execute(_analyze(session, created))
            yield
        except BaseException:
            # PostgreSQL refuses any statement in a failed transaction, whose rollback drops
            # the tables anyway; SQLite keeps a temporary table made outside a transaction.
            if session.get_bind().dialect.name == "sqlite":
                _drop(session, created)
            raise
        else:
            _drop(session, created)
        finally:
            for name in _MATERIALISED:
                self._ctes.pop(name, None)

    def _scoped(self) -> Any:
        """The trajectories in scope, decided once per statement (a CTE the facts' grouped
        subqueries join) rather than once in each of them."""
        return (
            select(Trajectory.id, Trajectory.started_on)
            .where(self.trajectory_scope())
            .cte("scoped_trajectories")
        )

    def _facts_query(self) -> Any:
        """Joins to grouped subqueries, never a subquery per row: the cost grows with the
        rows, and PostgreSQL's planner sees a plan it can estimate."""
        today = self.today
        jobs = self.trajectory_jobs()
        first_job = (
            select(jobs.c.trajectory_id, func.min(jobs.c.start_date).label("on"))
            .group_by(jobs.c.trajectory_id)
            .subquery("first_job")
        )
        scoped = self._scoped()
        first_contact = self._first_employer_contacts(scoped)
        floors = self._latest_floors(scoped)
        classes = self._follow_up_classes(scoped)
        far = literal(FAR_FUTURE, Date)
        paid_outflow_on = case(
            (
                and_(
                    Outflow.category.in_(PAID_CATEGORIES),
                    Outflow.date >= Trajectory.started_on,
                    Outflow.date <= today,
                ),
                Outflow.date,
            ),
            else_=null(),
        )
        earliest_paid = sql.least(
            func.coalesce(first_job.c.on, far), func.coalesce(paid_outflow_on, far)
        )
        ended_on = case(
            (
                and_(Outflow.date.is_not(None), Trajectory.closed_on.is_not(None)),
                sql.least(Outflow.date, Trajectory.closed_on),
            ),
            else_=func.coalesce(Outflow.date, Trajectory.closed_on),
        )
        retention = [
            case(
                (Outflow.category.in_(PAID_CATEGORIES), classes.c[f"retention_{months}"]),
                else_=null(),
            ).label(f"retention_{months}")
            for months in RETENTION_MONTHS
        ]
        return (
            select(
                Trajectory.id.label("trajectory_id"),
                Trajectory.participant_id,
                Trajectory.organisation_id,
                Trajectory.framework_code,
                floors.c.work_floor_id.label("floor_id"),
                Trajectory.started_on,
                Trajectory.closed_on,
                Outflow.date.label("outflow_date"),
                Outflow.category.label("outflow_category"),
                ended_on.label("ended_on"),
                func.nullif(earliest_paid, far).label("paid_work_on"),
                # The months it ran (sql.month_index), once per trajectory and not per bucket.
                sql.month_index(Trajectory.started_on).label("started_month"),
                sql.month_index(func.coalesce(ended_on, today)).label("running_to_month"),
                first_contact.c.on.label("first_contact_on"),
                case(
                    (
                        Framework.max_months.is_not(None),
                        sql.add_months(Trajectory.started_on, Framework.max_months),
                    ),
                    else_=null(),
                ).label("max_reached_on"),
                *retention,
            )
            .select_from(Trajectory)
            .join(Framework, Framework.code == Trajectory.framework_code)
            .outerjoin(Outflow, Outflow.trajectory_id == Trajectory.id)
            .outerjoin(first_job, first_job.c.trajectory_id == Trajectory.id)
            .outerjoin(first_contact, first_contact.c.trajectory_id == Trajectory.id)
            .outerjoin(floors, floors.c.trajectory_id == Trajectory.id)
            .outerjoin(classes, classes.c.outflow_id == Outflow.id)
            .where(self.trajectory_scope(), Trajectory.started_on.is_not(None))
        )

    def _first_employer_contacts(self, scoped: Any) -> Any:
        """Per trajectory, the first employer contact about it from its start to today."""
        return (
            select(
                EmployerContactTrajectory.trajectory_id,
                func.min(EmployerContact.contacted_on).label("on"),
            )
            .join(EmployerContact, EmployerContact.id == EmployerContactTrajectory.contact_id)
            .join(scoped, scoped.c.id == EmployerContactTrajectory.trajectory_id)
            .where(
                EmployerContact.contacted_on >= scoped.c.started_on,
                EmployerContact.contacted_on <= self.today,
            )
            .group_by(EmployerContactTrajectory.trajectory_id)
            .subquery("first_contact")
        )

    def _latest_floors(self, scoped: Any) -> Any:
        """Per trajectory, the floor of its most recent placement begun by today."""
        ranked = (
            select(
                Placement.trajectory_id,
                Placement.work_floor_id,
                func.row_number()
                .over(
                    partition_by=Placement.trajectory_id,
                    order_by=(Placement.start_date.desc(), Placement.id.desc()),
                )
                .label("rank"),
            )
            .where(
                Placement.start_date <= self.today, Placement.trajectory_id.in_(select(scoped.c.id))
            )
            .subquery("ranked_placements")
        )
        # Grouped (one row per trajectory anyway): SQLite then indexes the subquery for the
        # join instead of scanning it once per trajectory.
        return (
            select(ranked.c.trajectory_id, ranked.c.work_floor_id)
            .where(ranked.c.rank == 1)
            .group_by(ranked.c.trajectory_id, ranked.c.work_floor_id)
            .subquery("latest_floor")
        )

    def _follow_up_classes(self, scoped: Any) -> Any:
        """Per outflow, the retention class of its scheduled follow-up after 3, 6 and 12
        months (the latest due when there are several)."""
        working = [FollowUpStatus.SAME_JOB, FollowUpStatus.OTHER_JOB]
        not_working = [FollowUpStatus.NOT_WORKING, FollowUpStatus.TRAINING]
        classified = case(
            (FollowUp.status.in_(working), literal(RetentionClass.WORKING.value)),
            (FollowUp.status.in_(not_working), literal(RetentionClass.NOT_WORKING.value)),
            (FollowUp.status == FollowUpStatus.UNKNOWN, literal(RetentionClass.UNKNOWN.value)),
            (FollowUp.due_on <= self.today, literal(RetentionClass.UNKNOWN.value)),
            else_=literal(RetentionClass.PENDING.value),
        )
        ranked = (
            select(
                FollowUp.outflow_id,
                FollowUp.months_after,
                classified.label("class"),
                func.row_number()
                .over(
                    partition_by=(FollowUp.outflow_id, FollowUp.months_after),
                    order_by=(FollowUp.due_on.desc(), FollowUp.id.desc()),
                )
                .label("rank"),
            )
            .where(
                FollowUp.months_after.in_(RETENTION_MONTHS),
                FollowUp.trajectory_id.in_(select(scoped.c.id)),
            )
            .subquery("ranked_follow_ups")
        )
        return (
            select(
                ranked.c.outflow_id,
                *(
                    func.max(case((ranked.c.months_after == months, ranked.c["class"]))).label(
                        f"retention_{months}"
                    )
                    for months in RETENTION_MONTHS
                ),
            )
            .where(ranked.c.rank == 1)
            .group_by(ranked.c.outflow_id)
            .subquery("follow_up_classes")
        )


_MATERIALISED = frozenset({"trajectory_jobs", "facts"})


def _temporary_table(name: str, query: Any) -> Table:
    """A table with the query's columns and their SQL types, so that results read from it
    convert exactly as the query's own would."""
    columns = tuple((column.name, column.type) for column in query.selected_columns)
    key = (name, tuple((column, repr(sql_type)) for column, sql_type in columns))
    if key not in _TEMPORARY_TABLES:
        _TEMPORARY_TABLES[key] = Table(
            name,
            MetaData(),
            *(Column(column, sql_type) for column, sql_type in columns),
            prefixes=["TEMPORARY"],
        )
    return _TEMPORARY_TABLES[key]


# One Table object per shape, kept for the process: a Table is part of the cache key of
# every statement that reads it, so a new one per report would compile every statement anew.
_TEMPORARY_TABLES: dict[tuple[str, tuple[tuple[str, str], ...]], Table] = {}


class _CreateTemporaryTableAs(Executable, ClauseElement):
    """CREATE TEMPORARY TABLE … AS SELECT with the select's bound parameters (SQLAlchemy's
    own ``CreateTableAs`` renders them as literals)."""

    inherit_cache = True
    _traverse_internals = [
        ("table", InternalTraversal.dp_clauseelement),
        ("query", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, table: Table, query: Any) -> None:
        self.table = table
        self.query = query


@compiles(_CreateTemporaryTableAs)
def _create_temporary_table_as(
    element: _CreateTemporaryTableAs, compiler: SQLCompiler, **kw: Any
) -> str:
    name = compiler.preparer.format_table(element.table)
    return f"CREATE TEMPORARY TABLE {name} AS {compiler.process(element.query, **kw)}"


def _analyze(session: Session, tables: list[Table]) -> TextClause:
    if session.get_bind().dialect.name == "sqlite":
        return text("ANALYZE temp")  # the temporary schema: just these tables
    return text(f"ANALYZE {', '.join(table.name for table in tables)}")


def _drop(session: Session, tables: list[Table]) -> None:
    for table in reversed(tables):
        session.execute(DropTable(table))


def make_frame(session: Session, principal: Principal, filters: ReportFilters) -> Frame:
    policies.require(principal, Action.REPORTS_READ)
    today = _today()
    start, end = _period(filters, today)
    _require_in_scope(session, principal, filters)
    return Frame(
        principal=principal,
        filters=filters,
        start=start,
        end=end,
        today=today,
        buckets=buckets_for(start, end, filters.group_by),
    )


# --- SQL building blocks shared by the families -------------------------------------------


def in_trajectory_during(facts: FromClause, start: Any, end: Any) -> ColumnElement[bool]:
    """In trajectory on at least one day from ``start`` to ``end``."""
    return and_(
        facts.c.started_on <= end, or_(facts.c.ended_on.is_(None), facts.c.ended_on >= start)
    )


def in_trajectory_on(facts: FromClause, day: Any) -> ColumnElement[bool]:
    return in_trajectory_during(facts, day, day)


def count_where(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
