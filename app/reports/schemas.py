"""The answers of /reports: every rate with numerator and denominator, every duration with
its median, quartiles, cases and censored cases."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from app.auth.models import Role
from app.outflow.categories import OutflowCategory
from app.reports.definitions import GroupBy, TargetGroup
from app.trajectories.phases import Phase, Status


class Rate(BaseModel):
    numerator: int
    denominator: int
    value: float | None = Field(description="numerator ÷ denominator; null when 0 ÷ 0")


class CensoredRate(Rate):
    censored: int = Field(description="Cases left out because their horizon is not over yet")


class RetentionRate(Rate):
    unknown: int = Field(description="Answered 'unknown' or due without a contact: never work")
    pending: int = Field(description="Not due yet")


class WeeklyRate(BaseModel):
    numerator: int
    denominator: float = Field(description="Specialist-weeks")
    value: float | None


class Duration(BaseModel):
    """A Kaplan-Meier estimate: quantiles are null while the curve has not come that far."""

    unit: str
    median: int | float | None
    q1: int | float | None
    q3: int | float | None
    n: int
    events: int
    censored: int


class Spread(BaseModel):
    unit: str
    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None
    n: int


class Exits(BaseModel):
    total: int
    counted: int = Field(description="Counted in rates: all but moved, deceased and unknown")
    left_out: int
    by_category: dict[OutflowCategory, int]


class Flow(BaseModel):
    participants_in_trajectory: int
    trajectories_started: int
    exits: Exits
    doorstroom_rate: Rate
    doorstroom_rate_ips: Rate
    positive_exit_rate: Rate
    drop_out_rate: Rate
    back_to_care_rate: Rate
    phase_funnel: dict[Phase, int]


class Cohort(BaseModel):
    time_to_paid_work: Duration
    paid_work_within: dict[str, CensoredRate] = Field(description="Keyed by months: 6 … 24")


class Jobs(BaseModel):
    jobs_started: int
    hours_per_week: Spread
    twenty_hours_or_more: Rate
    hourly_wage: Spread
    competitive_share: Rate
    longest_job_weeks: Duration


class Caseload(Rate):
    """Trajectory memberships ÷ specialists on the period's last day."""

    max: int
    over_limit: int = Field(description="Specialists with more than 20 trajectories")


class Ips(BaseModel):
    competitive_employment_rate: Rate
    competitive_employment_band: str | None
    caseload_per_specialist: Caseload
    days_to_first_employer_contact: Duration
    employer_contact_within_30_days: CensoredRate
    employer_contacts_per_specialist_week: WeeklyRate


class FunderMonths(BaseModel):
    planned: int
    approved: int
    rejected: int
    approved_share: Rate


class SessionCounts(BaseModel):
    sessions: int
    minutes: int
    trajectories: int


class Effort(BaseModel):
    funder_months: FunderMonths
    attended_half_days: Rate
    attended_hours_per_week: Spread
    placements_12_hours_or_more: Rate
    placements_13_hours_or_more: Rate
    activation_sessions: dict[str, SessionCounts]
    time_in_phase: dict[str, Duration]
    past_max_duration: Rate


class IndicatorGroup(BaseModel):
    key: str = Field(description="'all', a period (2024-03, 2024-Q1, 2024) or an id / code")
    label: str
    period_from: date = Field(alias="from")
    period_to: date = Field(alias="to")
    drill: dict[str, str] | None = Field(
        description="The query parameters that open this group's counts as trajectories"
    )
    flow: Flow
    cohort: Cohort
    retention: dict[str, RetentionRate] = Field(description="Keyed by months: 3, 6, 12")
    jobs: Jobs
    ips: Ips
    effort: Effort

    model_config = {"populate_by_name": True}


class ReportFiltersRead(BaseModel):
    organisation_id: uuid.UUID | None
    work_floor_id: uuid.UUID | None
    partnership_id: uuid.UUID | None
    framework: str | None
    staff_id: uuid.UUID | None
    target_group: TargetGroup | None


class IndicatorReport(BaseModel):
    period_from: date = Field(alias="from")
    period_to: date = Field(alias="to")
    computed_on: date = Field(description="'Today' for censoring and open durations")
    group_by: GroupBy | None
    filters: ReportFiltersRead
    groups: list[IndicatorGroup]

    model_config = {"populate_by_name": True}


class StaffCaseload(BaseModel):
    staff_id: uuid.UUID
    name: str
    organisation_id: uuid.UUID
    organisation_name: str
    role: Role = Field(description="The staff member's role in their organisation")
    trajectories: int = Field(description="Running trajectories they are case manager or coach of")


class CaseloadReport(BaseModel):
    """The caseload per staff member on the period's last day, highest first."""

    period_from: date = Field(alias="from")
    period_to: date = Field(alias="to")
    computed_on: date
    limit: int = Field(description="The IPS norm: at most this many trajectories each")
    filters: ReportFiltersRead
    staff: list[StaffCaseload]

    model_config = {"populate_by_name": True}


class DefinitionRead(BaseModel):
    key: str = Field(description="'family.indicator' as in the indicator report and exports")
    title: str
    definition: str


class DrillRow(BaseModel):
    """A trajectory behind a count. Names only where you may open the case file."""

    trajectory_id: uuid.UUID
    participant_id: uuid.UUID | None = Field(description="Null when you see initials only")
    participant_name: str
    name_visible: bool
    organisation_id: uuid.UUID
    organisation_name: str
    framework_code: str
    work_floor_id: uuid.UUID | None
    phase: Phase
    status: Status
    started_on: date | None
    ended_on: date | None
    outflow_date: date | None
    outflow_category: OutflowCategory | None
    paid_work_on: date | None


class FunderOrganisation(BaseModel):
    id: uuid.UUID
    name: str
    kbo_number: str | None
    ama_recognition_number: str | None


class PremiumRow(BaseModel):
    work_floor_id: uuid.UUID | None
    work_floor: str
    participants: int
    approved_months: int
    premium_months: int = Field(description="Approved months within each person's first 24")


class MonthlyRow(BaseModel):
    work_floor_id: uuid.UUID | None
    work_floor: str
    participants: int
    months: dict[str, int] = Field(description="Keyed YYYY-MM")
    total: int


class FunderReport(BaseModel):
    organisation: FunderOrganisation
    year: int
    period_from: date = Field(alias="from")
    period_to: date = Field(alias="to")
    computed_on: date
    funder: str
    premium: list[PremiumRow] | None = Field(
        description="Provincial doorstroom effort premium, per work floor"
    )
    half_days: list[MonthlyRow] | None = Field(description="Attended half-days per month")
    agreements: list[MonthlyRow] | None = Field(description="Active AMA agreements per month")
    definitions: dict[str, str]

    model_config = {"populate_by_name": True}
