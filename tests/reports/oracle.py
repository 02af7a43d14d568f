"""An independent computation of every indicator, for comparison with /reports/indicators.

Written from the definitions (domain.md, app/reports/definitions.py's texts), not from the
SQL: it reads whole tables with plain ``SELECT *`` and works person by person in Python. It
shares no code with app/reports; the outflow category table and the thresholds are copied
from domain.md on purpose, so a wrong constant there shows up as a difference here.
"""

from __future__ import annotations

import calendar
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.all_models import metadata

# domain.md, "Outflow categories"
PAID = {
    "regular_job",
    "regular_job_supported",
    "self_employed",
    "temp_agency",
    "collective_maatwerk",
    "local_service_economy",
    "temporary_work_experience",
}
IPS_COMPETITIVE = {"regular_job", "regular_job_supported", "self_employed", "temp_agency"}
STEP_OR_TRAINING = {"ibo", "work_experience_internship", "training"}
LEFT_OUT = {"moved", "deceased", "unknown"}
ALL_CATEGORIES = [
    "regular_job",
    "regular_job_supported",
    "self_employed",
    "temp_agency",
    "collective_maatwerk",
    "local_service_economy",
    "temporary_work_experience",
    "ibo",
    "training",
    "work_experience_internship",
    "ama_social_economy",
    "ama_welfare",
    "volunteering",
    "back_to_care",
    "drop_out",
    "moved",
    "deceased",
    "unknown",
]
COMPETITIVE_INSTRUMENTS = {"none", "individual_maatwerk", "vop_legacy"}
PHASES = ["intake", "placement", "activation", "internship", "outflow"]
COMPONENTS = ["care", "empowerment", "job_search", "group_module"]

TABLES = [
    "organisations",
    "partnerships",
    "partnership_members",
    "work_floors",
    "users",
    "participants",
    "frameworks",
    "trajectories",
    "phase_changes",
    "team_members",
    "placements",
    "attendances",
    "activation_sessions",
    "employer_contacts",
    "employer_contact_trajectories",
    "jobs",
    "outflows",
    "follow_ups",
    "funder_months",
]


def load(session: Session) -> dict[str, list[dict[str, Any]]]:
    """Every table the indicators read, whole."""
    return {
        name: [dict(row._mapping) for row in session.execute(select(metadata.tables[name]))]
        for name in TABLES
    }


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_number(day: date) -> int:
    return day.year * 12 + day.month - 1


def share(numerator: int, denominator: int | float) -> float | None:
    return None if not denominator else round(numerator / denominator, 4)


def rate(numerator: int, denominator: int) -> dict[str, Any]:
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": share(numerator, denominator),
    }


def km(cases: list[tuple[int, bool]], unit: str = "days", per: int = 1) -> dict[str, Any]:
    """Kaplan-Meier written out case by case: at each time with events, S *= (1 - d/n)."""
    survival = Fraction(1)
    found: dict[str, int | None] = {"q1": None, "median": None, "q3": None}
    levels = {"q1": Fraction(3, 4), "median": Fraction(1, 2), "q3": Fraction(1, 4)}
    for time in sorted({t for t, _ in cases}):
        at_risk = sum(1 for t, _ in cases if t >= time)
        died = sum(1 for t, event in cases if t == time and event)
        if died:
            survival *= 1 - Fraction(died, at_risk)
            for name, level in levels.items():
                if found[name] is None and survival <= level:
                    found[name] = time
    events = sum(1 for _, event in cases if event)

    def scaled(value: int | None) -> Any:
        if value is None or per == 1:
            return value
        return round(value / per, 1)

    return {
        "unit": unit,
        "median": scaled(found["median"]),
        "q1": scaled(found["q1"]),
        "q3": scaled(found["q3"]),
        "n": len(cases),
        "events": events,
        "censored": len(cases) - events,
    }


def quartiles(values: list[Decimal], unit: str) -> dict[str, Any]:
    """The first value at which 25/50/75 % of the sorted values are reached."""
    values = sorted(values)
    n = len(values)

    def at(level: Fraction) -> Decimal | None:
        for index, value in enumerate(values, start=1):
            if Fraction(index, n) >= level:
                return value
        return None

    return {
        "unit": unit,
        "median": at(Fraction(1, 2)),
        "q1": at(Fraction(1, 4)),
        "q3": at(Fraction(3, 4)),
        "n": n,
    }


@dataclass(frozen=True)
class Caller:
    user_id: uuid.UUID
    role: str
    organisation_id: uuid.UUID


@dataclass(frozen=True)
class Bucket:
    key: str
    start: date
    end: date


def buckets(start: date, end: date, group_by: str | None) -> list[Bucket]:
    if group_by not in ("month", "quarter", "year"):
        return [Bucket("all", start, end)]
    result = []
    day = start
    while day <= end:
        if group_by == "month":
            key, nxt = f"{day:%Y-%m}", add_months(day.replace(day=1), 1)
        elif group_by == "quarter":
            q = (day.month - 1) // 3
            key, nxt = f"{day.year}-Q{q + 1}", add_months(date(day.year, q * 3 + 1, 1), 3)
        else:
            key, nxt = str(day.year), date(day.year + 1, 1, 1)
        last = min(end, nxt - timedelta(days=1))
        result.append(Bucket(key, day, last))
        day = nxt
    return result


class Oracle:
    def __init__(self, raw: dict[str, list[dict[str, Any]]], today: date) -> None:
        self.raw = raw
        self.today = today
        self.by_id = {
            name: {row["id"]: row for row in rows if "id" in row} for name, rows in raw.items()
        }
        self.outflow_of = {o["trajectory_id"]: o for o in raw["outflows"]}
        self.placements_of: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
        for p in raw["placements"]:
            self.placements_of[p["trajectory_id"]].append(p)
        self.changes_of: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
        for c in raw["phase_changes"]:
            self.changes_of[c["trajectory_id"]].append(c)
        self.max_months = {f["code"]: f["max_months"] for f in raw["frameworks"]}

    # --- per trajectory -----------------------------------------------------------------

    def floor(self, t: dict[str, Any]) -> uuid.UUID | None:
        placed = [p for p in self.placements_of[t["id"]] if p["start_date"] <= self.today]
        if not placed:
            return None
        return max(placed, key=lambda p: (p["start_date"], p["id"]))["work_floor_id"]

    def ended(self, t: dict[str, Any]) -> date | None:
        outflow = self.outflow_of.get(t["id"])
        candidates = [d for d in (outflow and outflow["date"], t["closed_on"]) if d is not None]
        return min(candidates) if candidates else None

    def jobs(self, t: dict[str, Any]) -> list[dict[str, Any]]:
        outflow = self.outflow_of.get(t["id"])
        linked_job = outflow["job_id"] if outflow else None
        return [
            j
            for j in self.raw["jobs"]
            if (j["trajectory_id"] == t["id"] or j["id"] == linked_job)
            and t["started_on"] <= j["start_date"] <= self.today
        ]

    def paid_work_on(self, t: dict[str, Any]) -> date | None:
        dates = [j["start_date"] for j in self.jobs(t)]
        outflow = self.outflow_of.get(t["id"])
        if (
            outflow
            and outflow["category"] in PAID
            and t["started_on"] <= outflow["date"] <= self.today
        ):
            dates.append(outflow["date"])
        return min(dates) if dates else None

    def first_contact(self, t: dict[str, Any]) -> date | None:
        contacts = self.by_id["employer_contacts"]
        dates = [
            contacts[link["contact_id"]]["contacted_on"]
            for link in self.raw["employer_contact_trajectories"]
            if link["trajectory_id"] == t["id"]
        ]
        dates = [d for d in dates if t["started_on"] <= d <= self.today]
        return min(dates) if dates else None

    def retention_class(self, t: dict[str, Any], months: int) -> str | None:
        outflow = self.outflow_of.get(t["id"])
        if outflow is None or outflow["category"] not in PAID:
            return None
        follow_ups = [
            f
            for f in self.raw["follow_ups"]
            if f["outflow_id"] == outflow["id"] and f["months_after"] == months
        ]
        if not follow_ups:
            return None
        f = max(follow_ups, key=lambda f: (f["due_on"], f["id"]))
        if f["status"] in ("same_job", "other_job"):
            return "working"
        if f["status"] in ("not_working", "training"):
            return "not_working"
        if f["status"] == "unknown" or f["due_on"] <= self.today:
            return "unknown"
        return "pending"

    def in_trajectory(self, t: dict[str, Any], start: date, end: date) -> bool:
        ended = self.ended(t)
        return t["started_on"] <= end and (ended is None or ended >= start)

    # --- scope --------------------------------------------------------------------------

    def report_organisations(self, caller: Caller) -> set[uuid.UUID]:
        orgs = {caller.organisation_id}
        if caller.role == "manager":
            led = {
                p["id"]
                for p in self.raw["partnerships"]
                if p["lead_organisation_id"] == caller.organisation_id
            }
            orgs |= {
                m["organisation_id"]
                for m in self.raw["partnership_members"]
                if m["partnership_id"] in led
            }
        return orgs

    def reportable(self, caller: Caller, t: dict[str, Any]) -> bool:
        if caller.role == "manager":
            return t["organisation_id"] in self.report_organisations(caller)
        if caller.role == "coach":
            floors = self.by_id["work_floors"]
            return t["organisation_id"] == caller.organisation_id and any(
                floors[p["work_floor_id"]]["organisation_id"] == caller.organisation_id
                and p["start_date"] <= self.today
                for p in self.placements_of[t["id"]]
            )
        raise NotImplementedError(caller.role)

    # --- the report ---------------------------------------------------------------------

    def in_scope(
        self,
        caller: Caller,
        *,
        organisation_id: uuid.UUID | None = None,
        work_floor_id: uuid.UUID | None = None,
        framework: str | None = None,
        staff_id: uuid.UUID | None = None,
        target_group: str | None = None,
        partnership_id: uuid.UUID | None = None,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The started trajectories the caller reports on that match the filters but the work
        floor, and those of them on the floor (the floor of their latest placement)."""
        participants = self.by_id["participants"]
        members = self.raw["partnership_members"]

        def matches(t: dict[str, Any]) -> bool:
            if t["started_on"] is None or not self.reportable(caller, t):
                return False
            if organisation_id and t["organisation_id"] != organisation_id:
                return False
            if partnership_id and t["organisation_id"] not in {
                m["organisation_id"] for m in members if m["partnership_id"] == partnership_id
            }:
                return False
            if framework and t["framework_code"] != framework:
                return False
            if staff_id and not (
                any(
                    m["user_id"] == staff_id and m["trajectory_id"] == t["id"]
                    for m in self.raw["team_members"]
                )
                or any(p["coach_id"] == staff_id for p in self.placements_of[t["id"]])
            ):
                return False
            return not (
                target_group and not participants[t["participant_id"]][f"target_{target_group}"]
            )

        scope = [t for t in self.raw["trajectories"] if matches(t)]
        on_floor = [t for t in scope if work_floor_id is None or self.floor(t) == work_floor_id]
        return scope, on_floor

    def phase_on(self, t: dict[str, Any], day: date) -> str | None:
        changes = [c for c in self.changes_of[t["id"]] if c["on"] <= day]
        if not changes:
            return None
        return str(max(changes, key=lambda c: (c["on"], c["created_at"], c["id"]))["to_phase"])

    def in_phase(
        self, caller: Caller, *, start: date, end: date, phase: str, **filters: Any
    ) -> set[uuid.UUID]:
        """The trajectories behind one bar of the funnel."""
        _, on_floor = self.in_scope(caller, **filters)
        return {
            t["id"]
            for t in on_floor
            if self.in_trajectory(t, end, end) and self.phase_on(t, end) == phase
        }

    def exits_in_category(
        self, caller: Caller, *, start: date, end: date, category: str, **filters: Any
    ) -> set[uuid.UUID]:
        _, on_floor = self.in_scope(caller, **filters)
        found = set()
        for t in on_floor:
            outflow = self.outflow_of.get(t["id"])
            if outflow and outflow["category"] == category and start <= outflow["date"] <= end:
                found.add(t["id"])
        return found

    def staff_caseloads(
        self, caller: Caller, *, start: date, end: date, **filters: Any
    ) -> list[dict[str, Any]]:
        """Per staff member of an organisation the caller reports on: the running trajectories
        on ``end`` on which they are case manager (work, care) or coach that day."""
        _, on_floor = self.in_scope(caller, **filters)
        running = {t["id"] for t in on_floor if self.in_trajectory(t, end, end)}
        orgs = self.report_organisations(caller)
        users, organisations = self.by_id["users"], self.by_id["organisations"]
        carried: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for m in self.raw["team_members"]:
            user = users[m["user_id"]]
            if (
                m["trajectory_id"] in running
                and m["team_role"] in ("case_manager_work", "case_manager_care", "coach")
                and user["organisation_id"] in orgs
                and m["from_date"] <= end
                and (m["to_date"] is None or m["to_date"] > end)
            ):
                carried[user["id"]].add(m["trajectory_id"])
        rows = [
            {
                "staff_id": str(user_id),
                "name": users[user_id]["name"],
                "organisation_id": str(users[user_id]["organisation_id"]),
                "organisation_name": organisations[users[user_id]["organisation_id"]]["name"],
                "role": str(users[user_id]["role"]),
                "trajectories": len(ids),
            }
            for user_id, ids in carried.items()
        ]
        return sorted(rows, key=lambda r: (-r["trajectories"], r["name"], r["staff_id"]))

    def report(
        self,
        caller: Caller,
        *,
        start: date,
        end: date,
        group_by: str | None = None,
        organisation_id: uuid.UUID | None = None,
        work_floor_id: uuid.UUID | None = None,
        framework: str | None = None,
        staff_id: uuid.UUID | None = None,
        target_group: str | None = None,
        partnership_id: uuid.UUID | None = None,
    ) -> dict[str, dict[str, Any]]:
        scope, on_floor = self.in_scope(
            caller,
            organisation_id=organisation_id,
            work_floor_id=work_floor_id,
            framework=framework,
            staff_id=staff_id,
            target_group=target_group,
            partnership_id=partnership_id,
        )
        floor_ok: Callable[[uuid.UUID | None], bool] = lambda floor: (  # noqa: E731
            work_floor_id is None or floor == work_floor_id
        )

        def category(t: dict[str, Any], floor: Any = "trajectory") -> str:
            if group_by == "organisation":
                return str(t["organisation_id"])
            if group_by == "framework":
                return t["framework_code"]
            if group_by == "work_floor":
                value = self.floor(t) if floor == "trajectory" else floor
                return "none" if value is None else str(value)
            return "all"

        periods = buckets(start, end, group_by)
        placements_in_scope = [
            (t, p)
            for t in scope
            for p in self.placements_of[t["id"]]
            if floor_ok(p["work_floor_id"])
        ]
        if group_by in ("organisation", "framework", "work_floor"):
            categories = {category(t) for t in on_floor}
            whole = periods[0]
            for t, p in placements_in_scope:
                if p["start_date"] <= whole.end and (p["end_date"] or self.today) >= whole.start:
                    categories.add(category(t, p["work_floor_id"]))
            for t, p, a in self.attendance(placements_in_scope):
                if whole.start <= a["date"] <= whole.end:
                    categories.add(category(t, p["work_floor_id"]))
            keys = [(whole, c) for c in sorted(categories)]
        else:
            keys = [(b, "all") for b in periods]
        result = {}
        for bucket, cat in keys:
            group = [t for t in on_floor if category(t) == cat]
            placements = [
                (t, p) for t, p in placements_in_scope if category(t, p["work_floor_id"]) == cat
            ]
            result[cat if cat != "all" else bucket.key] = self.group(
                caller, bucket, group, placements, str(bucket.start), str(bucket.end)
            )
        return result

    def present_marks(self, placement: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            a
            for a in self.raw["attendances"]
            if a["placement_id"] == placement["id"] and a["status"] == "present"
        ]

    def attendance(
        self, placements: list[tuple[dict[str, Any], dict[str, Any]]]
    ) -> Iterable[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
        for t, p in placements:
            for a in self.present_marks(p):
                yield t, p, a

    def group(
        self,
        caller: Caller,
        b: Bucket,
        group: list[dict[str, Any]],
        placements: list[tuple[dict[str, Any], dict[str, Any]]],
        start: str,
        end: str,
    ) -> dict[str, Any]:
        return {
            "from": start,
            "to": end,
            "flow": self.flow(b, group),
            "cohort": self.cohort(b, group),
            "retention": self.retention(b, group),
            "jobs": self.job_measures(b, group),
            "ips": self.ips(caller, b, group),
            "effort": self.effort(b, group, placements),
        }

    def flow(self, b: Bucket, group: list[dict[str, Any]]) -> dict[str, Any]:
        exits: dict[str, int] = dict.fromkeys(ALL_CATEGORIES, 0)
        for t in group:
            outflow = self.outflow_of.get(t["id"])
            if outflow and b.start <= outflow["date"] <= b.end:
                exits[outflow["category"]] += 1
        counted = sum(n for c, n in exits.items() if c not in LEFT_OUT)

        def of(categories: set[str]) -> dict[str, Any]:
            return rate(sum(exits[c] for c in categories), counted)

        funnel = dict.fromkeys(PHASES, 0)
        for t in group:
            if self.in_trajectory(t, b.end, b.end):
                changes = [c for c in self.changes_of[t["id"]] if c["on"] <= b.end]
                if changes:
                    last = max(changes, key=lambda c: (c["on"], c["created_at"], c["id"]))
                    funnel[last["to_phase"]] += 1
        return {
            "participants_in_trajectory": len(
                {t["participant_id"] for t in group if self.in_trajectory(t, b.start, b.end)}
            ),
            "trajectories_started": sum(1 for t in group if b.start <= t["started_on"] <= b.end),
            "exits": {
                "total": sum(exits.values()),
                "counted": counted,
                "left_out": sum(exits[c] for c in LEFT_OUT),
                "by_category": exits,
            },
            "doorstroom_rate": of(PAID),
            "doorstroom_rate_ips": of(IPS_COMPETITIVE),
            "positive_exit_rate": of(PAID | STEP_OR_TRAINING),
            "drop_out_rate": of({"drop_out"}),
            "back_to_care_rate": of({"back_to_care"}),
            "phase_funnel": funnel,
        }

    def cohort(self, b: Bucket, group: list[dict[str, Any]]) -> dict[str, Any]:
        cohort = [t for t in group if b.start <= t["started_on"] <= b.end]
        cases = []
        for t in cohort:
            paid = self.paid_work_on(t)
            cases.append((((paid or self.today) - t["started_on"]).days, paid is not None))
        within: dict[str, Any] = {}
        for months in (6, 12, 18, 24):
            observable = hits = 0
            for t in cohort:
                reached = add_months(t["started_on"], months)
                if reached <= self.today:
                    observable += 1
                    paid = self.paid_work_on(t)
                    hits += paid is not None and paid <= reached
            within[str(months)] = {**rate(hits, observable), "censored": len(cohort) - observable}
        return {"time_to_paid_work": km(cases), "paid_work_within": within}

    def retention(self, b: Bucket, group: list[dict[str, Any]]) -> dict[str, Any]:
        result = {}
        for months in (3, 6, 12):
            classes: dict[str, int] = defaultdict(int)
            for t in group:
                outflow = self.outflow_of.get(t["id"])
                if outflow and b.start <= outflow["date"] <= b.end:
                    cls = self.retention_class(t, months)
                    if cls:
                        classes[cls] += 1
            known = classes["working"] + classes["not_working"]
            result[str(months)] = {
                **rate(classes["working"], known),
                "unknown": classes["unknown"],
                "pending": classes["pending"],
            }
        return result

    def job_measures(self, b: Bucket, group: list[dict[str, Any]]) -> dict[str, Any]:
        jobs = {
            j["id"]: j for t in group for j in self.jobs(t) if b.start <= j["start_date"] <= b.end
        }
        hours = [j["hours_per_week"] for j in jobs.values() if j["hours_per_week"] is not None]
        wages = [
            j["gross_hourly_wage"] for j in jobs.values() if j["gross_hourly_wage"] is not None
        ]
        competitive = sum(
            1 for j in jobs.values() if j["support_instrument"] in COMPETITIVE_INSTRUMENTS
        )
        longest: dict[uuid.UUID, tuple[int, bool]] = {}
        for j in jobs.values():
            ended = j["end_date"] is not None and j["end_date"] <= self.today
            days = ((j["end_date"] if ended else self.today) - j["start_date"]).days
            candidate = (days, not ended)
            if j["participant_id"] not in longest or candidate > longest[j["participant_id"]]:
                longest[j["participant_id"]] = candidate
        return {
            "jobs_started": len(jobs),
            "hours_per_week": quartiles(hours, "hours"),
            "twenty_hours_or_more": rate(sum(1 for h in hours if h >= 20), len(hours)),
            "hourly_wage": quartiles(wages, "euro"),
            "competitive_share": rate(competitive, len(jobs)),
            "longest_job_weeks": km(
                [(days, not ongoing) for days, ongoing in longest.values()], "weeks", 7
            ),
        }

    def ips(self, caller: Caller, b: Bucket, group: list[dict[str, Any]]) -> dict[str, Any]:
        during = [t for t in group if self.in_trajectory(t, b.start, b.end)]
        employed = [
            t
            for t in during
            if any(
                j["support_instrument"] in COMPETITIVE_INSTRUMENTS
                and j["start_date"] <= b.end
                and (j["end_date"] is None or j["end_date"] >= b.start)
                for j in self.jobs(t)
            )
        ]
        n, d = len(employed), len(during)
        band = None
        if d:
            value = Fraction(n, d)
            band = (
                "excellent"
                if value >= Fraction(1, 2)
                else "average"
                if value >= Fraction(41, 100)
                else "minimal"
                if value >= Fraction(31, 100)
                else "below_minimal"
            )
        orgs = self.report_organisations(caller)
        users = self.by_id["users"]
        ids = {t["id"] for t in group}
        specialist_memberships = [
            m
            for m in self.raw["team_members"]
            if m["trajectory_id"] in ids
            and m["team_role"] == "case_manager_work"
            and users[m["user_id"]]["organisation_id"] in orgs
        ]
        trajectories = {t["id"]: t for t in group}
        caseloads: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for m in specialist_memberships:
            runs = m["from_date"] <= b.end and (m["to_date"] is None or m["to_date"] > b.end)
            if runs and self.in_trajectory(trajectories[m["trajectory_id"]], b.end, b.end):
                caseloads[m["user_id"]].add(m["trajectory_id"])
        sizes = [len(s) for s in caseloads.values()]
        specialists = {
            m["user_id"]
            for m in specialist_memberships
            if m["from_date"] <= b.end and (m["to_date"] is None or m["to_date"] > b.start)
        }
        contacts = sum(
            1
            for c in self.raw["employer_contacts"]
            if c["staff_id"] in specialists and b.start <= c["contacted_on"] <= b.end
        )
        weeks = len(specialists) * ((b.end - b.start).days + 1) / 7
        cohort = [t for t in group if b.start <= t["started_on"] <= b.end]
        cases, observable, hits = [], 0, 0
        for t in cohort:
            first = self.first_contact(t)
            cases.append((((first or self.today) - t["started_on"]).days, first is not None))
            if (self.today - t["started_on"]).days >= 30:
                observable += 1
                hits += first is not None and (first - t["started_on"]).days <= 30
        return {
            "competitive_employment_rate": rate(n, d),
            "competitive_employment_band": band,
            "caseload_per_specialist": {
                **rate(sum(sizes), len(sizes)),
                "max": max(sizes, default=0),
                "over_limit": sum(1 for s in sizes if s > 20),
            },
            "days_to_first_employer_contact": km(cases),
            "employer_contact_within_30_days": {
                **rate(hits, observable),
                "censored": len(cohort) - observable,
            },
            "employer_contacts_per_specialist_week": {
                "numerator": contacts,
                "denominator": round(weeks, 2),
                "value": share(contacts, weeks),
            },
        }

    def effort(
        self,
        b: Bucket,
        group: list[dict[str, Any]],
        placements: list[tuple[dict[str, Any], dict[str, Any]]],
    ) -> dict[str, Any]:
        ids = {t["id"] for t in group}
        decided = [
            f
            for f in self.raw["funder_months"]
            if f["trajectory_id"] in ids and b.start.replace(day=1) <= f["month"] <= b.end
        ]
        planned = 0
        for t in group:
            if t["started_on"] > b.end:
                continue
            first = max(month_number(t["started_on"]), month_number(b.start))
            last = min(month_number(self.ended(t) or self.today), month_number(b.end))
            planned += max(0, last - first + 1)
        approved = sum(1 for f in decided if f["decision"] == "approved")
        present = [
            (t, p, a) for t, p, a in self.attendance(placements) if b.start <= a["date"] <= b.end
        ]
        tenths, reaches = [], {12: 0, 13: 0}
        for _, p in placements:
            p_end = p["end_date"] or self.today
            if not (p["start_date"] <= b.end and p_end >= b.start):
                continue
            first, last = max(p["start_date"], b.start), min(p_end, b.end)
            days = (last - first).days + 1
            cents = sum(
                int((Decimal(a["hours"]) * 100).to_integral_value())
                for a in self.present_marks(p)
                if first <= a["date"] <= last
            )
            tenths.append(Decimal(cents * 7 // (days * 10)) / 10)
            for hours in reaches:
                reaches[hours] += cents * 7 >= hours * 100 * days
        sessions = {}
        for component in COMPONENTS:
            held = [
                s
                for s in self.raw["activation_sessions"]
                if s["trajectory_id"] in ids
                and s["component"] == component
                and b.start <= s["held_on"] <= b.end
            ]
            if held:
                sessions[component] = {
                    "sessions": len(held),
                    "minutes": sum(s["minutes"] for s in held),
                    "trajectories": len({s["trajectory_id"] for s in held}),
                }
        phases: dict[str, list[tuple[int, bool]]] = {p: [] for p in PHASES[:-1]}
        for t in group:
            changes = sorted(
                self.changes_of[t["id"]], key=lambda c: (c["on"], c["created_at"], c["id"])
            )
            for index, change in enumerate(changes):
                if change["to_phase"] == "outflow" or not b.start <= change["on"] <= b.end:
                    continue
                left = changes[index + 1]["on"] if index + 1 < len(changes) else None
                until = left or t["closed_on"] or self.today
                phases[change["to_phase"]].append(((until - change["on"]).days, left is not None))
        at_end = [t for t in group if self.in_trajectory(t, b.end, b.end)]
        with_max = [t for t in at_end if self.max_months[t["framework_code"]]]
        past = [
            t
            for t in with_max
            if add_months(t["started_on"], self.max_months[t["framework_code"]]) < b.end
        ]
        return {
            "funder_months": {
                "planned": planned,
                "approved": approved,
                "rejected": len(decided) - approved,
                "approved_share": rate(approved, planned),
            },
            "attended_half_days": rate(
                len(present), len({t["participant_id"] for t, _, _ in present})
            ),
            "attended_hours_per_week": quartiles(tenths, "hours"),
            "placements_12_hours_or_more": rate(reaches[12], len(tenths)),
            "placements_13_hours_or_more": rate(reaches[13], len(tenths)),
            "activation_sessions": sessions,
            "time_in_phase": {phase: km(cases) for phase, cases in phases.items()},
            "past_max_duration": rate(len(past), len(with_max)),
        }
