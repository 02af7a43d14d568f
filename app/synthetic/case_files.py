"""Participants and everything in their case files, one participant at a time.

Each trajectory is first lived in full (referral, intake, the phases with their durations, a
pause, the outflow and the follow-up year) and then cut at today: what lies ahead is left out,
so the open trajectories show the phase, status, placements and team they would have today.
Referral dates are spread evenly over eight years, which keeps the region in a steady state:
about 6 % of participants are on a work floor on any day, 20 per floor.

Detail follows what a region really accumulates: attendance for the last year (≈1.5 million
half-days for 100,000 participants), progress logs every few weeks, goals, sessions, notes
of every visibility, consents for every member from another organisation, funder months.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.core.dates import add_months
from app.demo.people import SHORT_NAMES, email_of, insz_number, phone_number
from app.outflow.categories import CATEGORIES, PAID_CATEGORIES, OutflowCategory
from app.participants.names import name_key, sort_name
from app.synthetic.bulk import Row
from app.synthetic.context import Context
from app.synthetic.region import Organisation, Region, Staffer
from app.synthetic.vocabulary import (
    CONSENT_PURPOSE,
    EARLY_END_REASONS,
    FIRST_NAMES,
    FUNDER_REJECTION,
    GOAL_TEXTS,
    LANGUAGES,
    LOG_TEXTS,
    NOTE_TEXTS,
    OCCUPATIONS,
    OUTFLOW_REASONS,
    PAUSE_REASONS,
    PLACES,
    SESSION_REPORTS,
    STREETS,
    SURNAMES,
    WITHDRAWAL_REASONS,
)

STAMPS = ("created_at", "updated_at")
VERSIONED = (*STAMPS, "version")
HISTORY_DAYS = 8 * 365
ATTENDANCE_DAYS = 365
FUNDER_MONTHS_KEPT = 36
REENTRY_SHARE = 0.30
LEGACY_INTERNSHIPS_END = date(2023, 1, 1).toordinal()

FRAMEWORKS_WITH_FLOORS = [
    ("ama_welfare", 50), ("ama_social_economy", 25), ("activation_trajectory", 10),
    ("doorstroom_province", 10), ("other", 5),
]  # fmt: skip
FRAMEWORKS_WITHOUT_FLOORS = [
    ("doorstroom_province", 45),
    ("ips", 45),
    ("activation_trajectory", 10),
]
# Doorstroom in arbeidszorg is modest: about one in five closed trajectories ends in paid work.
OUTFLOW_MIX = [
    ("regular_job", 8), ("regular_job_supported", 5), ("temp_agency", 3), ("self_employed", 0.5),
    ("collective_maatwerk", 4), ("local_service_economy", 1), ("temporary_work_experience", 1.5),
    ("ibo", 3), ("work_experience_internship", 3), ("training", 4), ("ama_social_economy", 8),
    ("ama_welfare", 10), ("volunteering", 5), ("back_to_care", 14), ("drop_out", 16),
    ("moved", 4), ("deceased", 0.5), ("unknown", 4),
]  # fmt: skip
JOB_TERMS = {  # category → (contract type, support instrument)
    "regular_job": ("permanent", "none"),
    "regular_job_supported": ("fixed_term", "individual_maatwerk"),
    "temp_agency": ("temp_agency", "none"),
    "self_employed": ("self_employed", "none"),
    "collective_maatwerk": ("permanent", "collective_maatwerk"),
    "local_service_economy": ("fixed_term", "lde_legacy"),
    "temporary_work_experience": ("fixed_term", "twe_art60"),
}
LINKED_INTERNSHIP = {
    "ibo": "ibo",
    "training": "training",
    "work_experience_internship": "work_experience",
}
FOLLOW_UP_MIX = [
    ("same_job", 62),
    ("other_job", 10),
    ("not_working", 15),
    ("training", 3),
    ("unknown", 10),
]
ATTENDANCE_MIX = [("present", 87), ("absent_excused", 6), ("sick", 4.5), ("absent_unexcused", 2.5)]
# (weekday, half-day) in the order half-days are planned: whole days first, Wednesday last.
WEEK = [(wd, half) for wd in (0, 1, 3, 4, 2) for half in ("am", "pm")]
SCORE_OF = [1, 1, 2, 3, 4, 4]  # a level between 0 and 5, clipped to the scale 1-4


@dataclass
class Life:
    """One trajectory as it stands today."""

    id: str
    org: Organisation
    framework: str
    referred: int
    started: int | None
    closed: int | None
    phase: str
    phase_since: int
    status: str
    phases: list[tuple[str | None, str, int, str | None]]  # from, to, on, reason
    statuses: list[tuple[str | None, str, int, str | None, int | None]]
    segments: list[tuple[str, int, int | None]]  # phase, first day, last day (None: ongoing)
    pauses: list[tuple[int, int]]
    outflow: tuple[int, str] | None
    lead: Staffer
    team: list[Staffer] = field(default_factory=list)
    internship: tuple[str, str] | None = None  # id and type of the latest internship

    @property
    def last_day(self) -> int:
        return self.closed if self.closed is not None else 10**7


def _weighted(mix: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    total, running, cumulative = sum(w for _, w in mix), 0.0, []
    for _, weight in mix:
        running += weight
        cumulative.append(running / total)
    return [name for name, _ in mix], cumulative


class CaseFileBuilder:
    def __init__(
        self, ctx: Context, region: Region, competence_items: list[tuple[str, str, int]]
    ) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.region = region
        self.today = ctx.today
        self.items = competence_items
        self.floor_orgs = [o for o in region.organisations if o.floors]
        self.mediation = region.of_kind("mediation")
        self.care = region.of_kind("care")
        self.owners = self.floor_orgs * 17 + self.mediation * 5  # 85 % / 15 % of the files
        self.insz_seen: set[tuple[str, str]] = set()
        self.approved_months: dict[str, int] = {}
        self.attendance_from = self.today - ATTENDANCE_DAYS
        self.closing_days = {
            d
            for d in range(self.attendance_from, self.today + 1)
            if (md := date.fromordinal(d).timetuple()[1:3]) >= (12, 24) or md <= (1, 1)
        }
        self._mixes = {
            "floors": _weighted(FRAMEWORKS_WITH_FLOORS),  # type: ignore[arg-type]
            "no_floors": _weighted(FRAMEWORKS_WITHOUT_FLOORS),  # type: ignore[arg-type]
            "outflow": _weighted(OUTFLOW_MIX),
            "follow_up": _weighted(FOLLOW_UP_MIX),  # type: ignore[arg-type]
            "attendance": _weighted(ATTENDANCE_MIX),
        }
        self._names: dict[tuple[str, str], tuple[str, str]] = {}
        self._buffers()

    def _pick(self, mix: str) -> str:
        names, cumulative = self._mixes[mix]
        x = self.rng.random()
        for name, edge in zip(names, cumulative, strict=True):
            if x < edge:
                return name
        return names[-1]

    def _buffers(self) -> None:
        def rows(table: str, columns: str, stamps: tuple[str, ...] = VERSIONED) -> list[Row]:
            """The buffer of ``table``; its rows hold ``columns`` (space-separated), then
            ``stamps``."""
            return self.ctx.rows.buffer(table, (*columns.split(), *stamps))

        self.participants = rows(
            "participants",
            "id organisation_id first_name last_name preferred_name name_key sort_name birth_date "
            "insz email phone address language target_psychological target_disability "
            "target_social referral_source created_by",
        )
        self.benefits = rows(
            "benefit_statuses",
            "id participant_id kind valid_from valid_to",
            STAMPS,
        )
        self.permissions = rows(
            "activity_permissions",
            "id participant_id issued_by granted_on valid_until reference",
            STAMPS,
        )
        self.advices = rows("vdab_advices", "id participant_id advice advised_on", STAMPS)
        self.trajectories = rows(
            "trajectories",
            "id participant_id organisation_id framework_code phase status referred_on started_on "
            "closed_on phase_since pause_reason expected_return_on previous_trajectory_id "
            "created_by",
        )
        self.phase_changes = rows(
            "phase_changes",
            "id trajectory_id from_phase to_phase on by_user_id reason",
            STAMPS,
        )
        self.status_changes = rows(
            "status_changes",
            "id trajectory_id from_status to_status on by_user_id reason expected_return_on",
            STAMPS,
        )
        self.team_members = rows(
            "team_members",
            "id trajectory_id user_id team_role from_date to_date",
        )
        self.consents = rows(
            "consents",
            "id participant_id receiving_organisation_id purpose covers_work covers_care given_on "
            "method information_text_version given_by representative_name expires_on evidence "
            "recorded_by withdrawn_on withdrawn_by withdrawal_reason",
        )
        self.grants = rows(
            "break_glass_grants",
            "id trajectory_id user_id organisation_id reason started_at expires_at",
            STAMPS,
        )
        self.placements = rows(
            "placements",
            "id trajectory_id work_floor_id coach_id agreement_reference dimona_declared "
            "planned_hours_per_week planned_half_days_per_week start_date end_date "
            "capacity_override_reason created_by",
        )
        self.attendance = rows(
            "attendances",
            "id placement_id date half_day status hours reason recorded_by",
        )
        self.logs = rows("progress_logs", "id trajectory_id placement_id author_id logged_on text")
        self.scores = rows(
            "progress_scores",
            "id progress_log_id competence_item_id item_code sort_order score",
            (),
        )
        self.goals = rows(
            "goals",
            "id trajectory_id domain description owner_id due_on status evaluation created_by",
        )
        self.sessions = rows(
            "activation_sessions",
            "id trajectory_id component provider held_on minutes report created_by",
        )
        self.internships = rows(
            "internships",
            "id trajectory_id type employer_id mentor_name start_date end_date hours_per_week "
            "early_end_reason result created_by",
        )
        self.jobs = rows(
            "jobs",
            "id participant_id trajectory_id employer_id occupation start_date end_date "
            "end_reason contract_type hours_per_week gross_hourly_wage support_instrument "
            "disclosure created_by",
        )
        self.outflows = rows(
            "outflows",
            "id trajectory_id date category job_id internship_id reason recorded_by",
        )
        self.follow_ups = rows(
            "follow_ups",
            "id trajectory_id outflow_id months_after due_on contacted_on status hours_per_week "
            "source note recorded_by",
        )
        self.notes = rows(
            "notes",
            "id trajectory_id author_id author_organisation_id visibility written_on body",
        )
        self.contacts = rows(
            "employer_contacts",
            "id organisation_id employer_id staff_id contacted_on in_person purpose summary",
        )
        self.contact_links = rows("employer_contact_trajectories", "contact_id trajectory_id", ())
        self.funder_months = rows(
            "funder_months",
            "id trajectory_id month decision comment decided_by decided_at",
        )

    # --- one participant ----------------------------------------------------------------

    def participant(self) -> None:
        rng = self.rng
        org = rng.choice(self.owners)
        referred = self.today - rng.randint(0, HISTORY_DAYS)
        participant_id = self._person(org, referred)
        life = self._trajectory(participant_id, org, referred, previous=None)
        if life.closed is not None and rng.random() < REENTRY_SHARE:
            again = life.closed + rng.randint(30, 540)
            if again <= self.today:
                self._trajectory(participant_id, org, again, previous=life)

    def _person(self, org: Organisation, referred: int) -> str:
        ctx, rng = self.ctx, self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
        keys = self._names.get((first, last))
        if keys is None:
            keys = self._names[(first, last)] = (name_key(first, last), sort_name(first, last))
        birth = referred - rng.randint(18 * 365, 60 * 365)
        birth_day = date.fromordinal(birth)
        insz = None
        if rng.random() < 0.7:
            insz = insz_number(birth_day, rng.randint(1, 997))
            if (org.id, insz) in self.insz_seen:
                insz = None
            else:
                self.insz_seen.add((org.id, insz))
        groups = (rng.random() < 0.55, rng.random() < 0.3, rng.random() < 0.35)
        if not any(groups):
            groups = (False, False, True)
        postcode, place = rng.choice(PLACES)
        participant_id = ctx.new_id()
        recorder = rng.choice(org.of("mediator") or org.of("admin"))
        stamp = ctx.at(referred)
        self.participants.append(
            (
                participant_id, org.id, first, last,
                SHORT_NAMES.get(first) if rng.random() < 0.3 else None, keys[0], keys[1],
                ctx.day(birth), insz,
                email_of(first, last, rng.randint(1, 99)) if rng.random() < 0.55 else None,
                phone_number(rng) if rng.random() < 0.8 else None,
                f"{rng.choice(STREETS)} {rng.randint(1, 200)}, {postcode} {place}",
                rng.choice(LANGUAGES), int(groups[0]), int(groups[1]), int(groups[2]),
                rng.choice(("vdab", "gtb", "ocmw", "mental_health", "caw", "gp", "self")),
                recorder.id, stamp, stamp, 1,
            )
        )  # fmt: skip
        kind = "riziv_work_incapacitated" if groups[0] else rng.choice(("rva", "leefloon", "none"))
        since = referred - rng.randint(30, 2000)
        self.benefits.append(
            (ctx.new_id(), participant_id, kind, ctx.day(since), None, stamp, stamp)
        )
        if kind in ("riziv_work_incapacitated", "leefloon"):
            issuer = "advising_physician" if kind != "leefloon" else "ocmw"
            granted = referred - rng.randint(0, 40)
            self.permissions.append(
                (
                    ctx.new_id(), participant_id, issuer, ctx.day(granted),
                    ctx.day(granted + 730) if rng.random() < 0.5 else None,
                    f"TOEL-{rng.randint(10_000, 99_999)}", stamp, stamp,
                )
            )  # fmt: skip
        if rng.random() < 0.5:
            advice = (
                "arbeidszorg"
                if groups[0]
                else rng.choice(("ama_welfare", "nec", "ama_social_economy"))
            )
            self.advices.append(
                (
                    ctx.new_id(),
                    participant_id,
                    advice,
                    ctx.day(referred - rng.randint(0, 90)),
                    stamp,
                    stamp,
                )
            )
        return participant_id

    # --- one trajectory: lived in full, cut at today ------------------------------------

    def _trajectory(
        self, participant_id: str, org: Organisation, referred: int, previous: Life | None
    ) -> Life:
        life = self._live(org, referred)
        ctx = self.ctx
        self.trajectories.append(
            (
                life.id, participant_id, org.id, life.framework, life.phase, life.status,
                ctx.day(referred), _day(ctx, life.started), _day(ctx, life.closed),
                ctx.day(life.phase_since),
                life.statuses[-1][3] if life.status == "paused" else None,
                _day(ctx, life.pauses[-1][1]) if life.status == "paused" else None,
                previous.id if previous else None, life.lead.id, ctx.at(referred),
                ctx.at(min(self.today, life.phase_since)), 1,
            )
        )  # fmt: skip
        for from_phase, to_phase, on, reason in life.phases:
            stamp = ctx.at(on)
            self.phase_changes.append(
                (
                    ctx.new_id(),
                    life.id,
                    from_phase,
                    to_phase,
                    ctx.day(on),
                    life.lead.id,
                    reason,
                    stamp,
                    stamp,
                )
            )
        for from_status, to_status, on, reason, back in life.statuses:
            stamp = ctx.at(on)
            self.status_changes.append(
                (
                    ctx.new_id(), life.id, from_status, to_status, ctx.day(on), life.lead.id,
                    reason, _day(ctx, back), stamp, stamp,
                )
            )  # fmt: skip
        placements = self._placements(life)
        self._team(participant_id, life, placements)
        if life.started is not None:
            self._work(life, placements)
            self._goals(life)
            self._notes(life)
            self._outflow(participant_id, life)
            self._funder_months(participant_id, life)
        return life

    def _live(self, org: Organisation, referred: int) -> Life:
        rng, today = self.rng, self.today
        has_floors = bool(org.floors)
        framework = self._pick("floors" if has_floors else "no_floors")
        lead_pool = org.of("mediator") + (org.of("counsellor") if rng.random() < 0.3 else [])
        lead = rng.choice(lead_pool)
        phases: list[tuple[str | None, str, int, str | None]] = [(None, "intake", referred, None)]
        statuses: list[tuple[str | None, str, int, str | None, int | None]] = [
            (None, "referred", referred, None, None)
        ]
        start = referred + rng.randint(0, 45)
        segments: list[tuple[str, int, int | None]] = []
        pauses: list[tuple[int, int]] = []
        outflow: tuple[int, str] | None = None
        if rng.random() < 0.04:  # referred, never started
            closed = referred + rng.randint(20, 150)
            statuses.append(("referred", "closed", closed, "Niet gestart", None))
        else:
            statuses.append(("referred", "active", start, None, None))
            day = start + rng.randint(14, 56)
            path: list[tuple[str, int, str | None]]
            if has_floors:
                path = [("placement", rng.randint(60, 300), None)]
                if rng.random() < 0.35:
                    path.append(("activation", rng.randint(40, 200), None))
                    if rng.random() < 0.2:
                        path.append(("placement", rng.randint(60, 240), "Module te zwaar"))
                if rng.random() < 0.28:
                    path.append(("internship", rng.randint(30, 180), None))
                    if rng.random() < 0.15:
                        path.append(("placement", rng.randint(60, 200), "Stage vroeg gestopt"))
            else:
                path = [("activation", rng.randint(60, 300), None)]
                if rng.random() < 0.45:
                    path.append(("internship", rng.randint(30, 180), None))
            paused_in = rng.randrange(len(path)) if rng.random() < 0.12 else -1
            current = "intake"
            for n, (phase, length, reason) in enumerate(path):
                phases.append((current, phase, day, reason))
                if n == paused_in and phase != "internship":
                    pause_on = day + rng.randint(10, max(11, length - 10))
                    pause_days = rng.randint(20, 100)
                    pauses.append((pause_on, pause_on + pause_days))
                    length += pause_days
                segments.append((phase, day, day + length - 1))
                current, day = phase, day + length
            category = self._pick("outflow")
            if path[-1][0] == "internship" and rng.random() < 0.3:
                category = rng.choice(("regular_job", "ibo", "work_experience_internship"))
            phases.append((current, "outflow", day, None))
            outflow = (day, category)
            closed = day + (372 if category in PAID_CATEGORIES else 0)
            for pause_on, back_on in pauses:
                statuses.append(("active", "paused", pause_on, rng.choice(PAUSE_REASONS), back_on))
                statuses.append(("paused", "active", back_on, None, None))
            statuses.sort(key=lambda s: s[2])
            statuses.append(("active", "closed", closed, None, None))
        # Cut at today.
        phases = [p for p in phases if p[2] <= today]
        statuses = [s for s in statuses if s[2] <= today]
        status = statuses[-1][1]
        started = start if len(statuses) > 1 and statuses[1][1] == "active" else None
        phase_since = phases[-1][2]
        if phases[-1][1] == "intake" and started is not None:
            phase_since = started  # the intake runs from the start, not the referral
        kept = []
        for phase, first, last in segments:
            if first <= today:
                kept.append((phase, first, last if last is not None and last < today else None))
        return Life(
            id=self.ctx.new_id(),
            org=org,
            framework=framework,
            referred=referred,
            started=started,
            closed=statuses[-1][2] if status == "closed" else None,
            phase=phases[-1][1],
            phase_since=phase_since,
            status=status,
            phases=phases,
            statuses=statuses,
            segments=kept,
            pauses=[p for p in pauses if p[0] <= today],
            outflow=outflow if outflow and outflow[0] <= today else None,
            lead=lead,
        )

    # --- work floor: placements, attendance, logs, sessions, internships ---------------

    def _placements(self, life: Life) -> list[tuple[str, int, int | None, Staffer, int, float]]:
        """(id, first day, last day, coach, half-days a week, hours a half-day) per placement."""
        ctx, rng = self.ctx, self.rng
        result = []
        for phase, first, last in life.segments:
            if phase != "placement":
                continue
            floor = rng.choice(life.org.floors)
            coach = rng.choice(floor.coaches)
            half_days = rng.randint(2, 6)
            per_half = rng.choice((3.0, 3.5, 3.5, 4.0))
            placement_id = ctx.new_id()
            stamp = ctx.at(first)
            self.placements.append(
                (
                    placement_id, life.id, floor.id, coach.id, f"OVK-{rng.randint(1000, 99999)}",
                    1, half_days * per_half, half_days, ctx.day(first), _day(ctx, last), None,
                    life.lead.id, stamp, stamp, 1,
                )
            )  # fmt: skip
            result.append((placement_id, first, last, coach, half_days, per_half))
        return result

    def _work(
        self, life: Life, placements: list[tuple[str, int, int | None, Staffer, int, float]]
    ) -> None:
        rng, today = self.rng, self.today
        for placement in placements:
            self._attendance(life, *placement)
        for phase, first, last in life.segments:
            end = min(today, last if last is not None else today)
            day = first + rng.randint(7, 21)
            while day <= end:
                on_floor = next((p for p in placements if p[1] <= day <= (p[2] or today)), None)
                self._log(life, day, on_floor)
                day += rng.randint(56, 112)
            if phase == "activation":
                self._sessions(life, first, end)
            elif phase == "internship":
                self._internship(life, first, last)

    def _attendance(
        self,
        life: Life,
        placement_id: str,
        first: int,
        last: int | None,
        coach: Staffer,
        half_days: int,
        per_half: float,
    ) -> None:
        ctx, rng = self.ctx, self.rng
        start = max(first, self.attendance_from)
        end = min(last if last is not None else self.today - 1, self.today - 1)
        if start > end:
            return
        offset = rng.randrange(2)
        planned = WEEK[offset * 2 :] + WEEK[: offset * 2]
        by_weekday: dict[int, list[str]] = {}
        for weekday, half in planned[:half_days]:
            by_weekday.setdefault(weekday, []).append(half)
        names, edges = self._mixes["attendance"]
        present_edge = edges[0]
        append, new_id, day_text, at = self.attendance.append, ctx.new_id, ctx.day, ctx.at
        random, coach_id, closing, pauses = rng.random, coach.id, self.closing_days, life.pauses
        for day in range(start, end + 1):
            halves = by_weekday.get((day - 1) % 7)
            if halves is None or day in closing:
                continue
            if pauses and any(p0 <= day < p1 for p0, p1 in pauses):
                continue
            when, stamp = day_text(day), at(day)
            for half in halves:
                x = random()
                if x < present_edge:
                    status, hours, reason = "present", per_half if x > 0.05 else per_half - 1, None
                else:
                    status = names[1] if x < edges[1] else names[2] if x < edges[2] else names[3]
                    hours, reason = 0.0, "Verwittigd" if x < edges[1] else None
                append(
                    (
                        new_id(),
                        placement_id,
                        when,
                        half,
                        status,
                        hours,
                        reason,
                        coach_id,
                        stamp,
                        stamp,
                        1,
                    )
                )

    def _log(
        self,
        life: Life,
        day: int,
        on_floor: tuple[str, int, int | None, Staffer, int, float] | None,
    ) -> None:
        ctx, rng = self.ctx, self.rng
        log_id = ctx.new_id()
        author = on_floor[3] if on_floor else life.lead
        stamp = ctx.at(day)
        text = rng.choice(LOG_TEXTS) if rng.random() < 0.7 else None
        self.logs.append(
            (
                log_id,
                life.id,
                on_floor[0] if on_floor else None,
                author.id,
                ctx.day(day),
                text,
                stamp,
                stamp,
                1,
            )
        )
        # Scores grow with the months on the floor: mostly 1-2 at first, 3-4 after a year.
        level = 0.8 + min(2.2, (day - (life.started or day)) / 150)
        items, random, append, new_id = self.items, rng.random, self.scores.append, ctx.new_id
        first = rng.randrange(len(items))
        for n in range(2 + rng.randrange(3)):
            item_id, code, sort_order = items[(first + n) % len(items)]
            x = random()
            score = None if x < 0.08 else SCORE_OF[int(level + x * 1.6)]
            append((new_id(), log_id, item_id, code, sort_order, score))

    def _sessions(self, life: Life, first: int, end: int) -> None:
        ctx, rng = self.ctx, self.rng
        day = first + rng.randint(3, 10)
        while day <= end:
            component = rng.choice(("care", "empowerment", "job_search", "group_module"))
            stamp = ctx.at(day)
            self.sessions.append(
                (
                    ctx.new_id(), life.id, component, life.lead.name, ctx.day(day),
                    rng.choice((30, 45, 60, 60, 90, 120)),
                    rng.choice(SESSION_REPORTS) if rng.random() < 0.6 else None, life.lead.id,
                    stamp, stamp, 1,
                )
            )  # fmt: skip
            day += rng.randint(20, 45)

    def _internship(self, life: Life, first: int, last: int | None) -> None:
        ctx, rng = self.ctx, self.rng
        employers = life.org.employers
        outflow = life.outflow[1] if life.outflow else None
        linked = LINKED_INTERNSHIP.get(outflow or "")
        if linked is not None:
            kind = linked
        elif first < LEGACY_INTERNSHIPS_END:
            kind = rng.choice(("activation", "exploratory", "ibo", "external_work_floor"))
        else:
            kind = rng.choice(
                ("work_experience", "work_experience", "bis", "duo_day", "external_work_floor")
            )
        followed_by_move_back = any(p[0] == "internship" and p[3] for p in life.phases)
        if last is None:
            result, reason = "ongoing", None
        elif followed_by_move_back:
            result, reason = "ended_early", rng.choice(EARLY_END_REASONS)
        elif outflow in PAID_CATEGORIES:
            result, reason = "led_to_job", None
        else:
            result, reason = "completed", None
        internship_id = ctx.new_id()
        life.internship = (internship_id, kind)
        stamp = ctx.at(first)
        self.internships.append(
            (
                internship_id, life.id, kind, rng.choice(employers),
                f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", ctx.day(first),
                _day(ctx, last), rng.choice((12, 16, 19, 24, 30)), reason, result, life.lead.id,
                stamp, stamp, 1,
            )
        )  # fmt: skip
        self._employer_contact(life, first - rng.randint(5, 30), "job_search_for_participant")

    def _employer_contact(self, life: Life, day: int, purpose: str) -> None:
        ctx, rng = self.ctx, self.rng
        if day > self.today:
            return
        contact_id = ctx.new_id()
        stamp = ctx.at(day)
        self.contacts.append(
            (
                contact_id, life.org.id, rng.choice(life.org.employers), life.lead.id,
                ctx.day(day), int(rng.random() < 0.6), purpose, "Kennismaking en rondleiding",
                stamp, stamp, 1,
            )
        )  # fmt: skip
        self.contact_links.append((contact_id, life.id))

    # --- team and consents -------------------------------------------------------------

    def _team(
        self,
        participant_id: str,
        life: Life,
        placements: list[tuple[str, int, int | None, Staffer, int, float]],
    ) -> None:
        ctx, rng = self.ctx, self.rng
        end = life.closed
        members: list[tuple[Staffer, str, int, int | None]] = [
            (
                life.lead,
                "case_manager_work" if life.lead.role == "mediator" else "case_manager_care",
                life.referred,
                end,
            )
        ]
        coaches: dict[str, tuple[Staffer, int, int | None]] = {}
        for _id, first, last, coach, _half_days, _per_half in placements:
            known = coaches.get(coach.id)
            coaches[coach.id] = (coach, known[1] if known else first, last)
        for coach, first, last in coaches.values():
            members.append((coach, "coach", first, last if end is None else min(last or end, end)))
        if life.started is not None:
            if life.org.floors and rng.random() < 0.35:
                members.append(
                    self._partner(
                        participant_id, life, rng.choice(self.mediation), "mediator", False
                    )
                )
            if rng.random() < 0.22:
                members.append(
                    self._partner(participant_id, life, rng.choice(self.care), "counsellor", True)
                )
        for staffer, role, first, last in members:
            stamp = ctx.at(first)
            self.team_members.append(
                (
                    ctx.new_id(),
                    life.id,
                    staffer.id,
                    role,
                    ctx.day(first),
                    _day(ctx, last),
                    stamp,
                    stamp,
                    1,
                )
            )
            life.team.append(staffer)

    def _partner(
        self, participant_id: str, life: Life, org: Organisation, role: str, care: bool
    ) -> tuple[Staffer, str, int, int | None]:
        """A member from another organisation, with the participant's consent for it."""
        ctx, rng = self.ctx, self.rng
        staffer = rng.choice(org.of(role))
        started = life.started or life.referred
        joined = min(self.today, life.last_day, started + rng.randint(0, 60))
        given = joined - rng.randint(0, 14)
        left = life.closed
        withdrawn = None
        if rng.random() < 0.04:
            withdrawn = min(self.today, joined + rng.randint(20, 300))
            if left is None or withdrawn < left:
                left = withdrawn
            else:
                withdrawn = None
        if left is not None and left < joined:
            left = joined
        method = rng.choice(("written", "written", "digital", "verbal"))
        representative = rng.random() < 0.1
        stamp = ctx.at(given)
        self.consents.append(
            (
                ctx.new_id(), participant_id, org.id, CONSENT_PURPOSE, 1, int(care),
                ctx.day(given), method, "2025-01", "representative" if representative else "self",
                f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" if representative else None,
                ctx.day(given + 1095) if rng.random() < 0.25 else None,
                "Getuige: collega trajectbegeleider" if method == "verbal" else None,
                life.lead.id, _day(ctx, withdrawn), life.lead.id if withdrawn else None,
                rng.choice(WITHDRAWAL_REASONS) if withdrawn else None, stamp, stamp, 1,
            )
        )  # fmt: skip
        if care and rng.random() < 0.002:
            self._break_glass(life, org)
        return staffer, "case_manager_care" if care else "case_manager_work", joined, left

    def _break_glass(self, life: Life, org: Organisation) -> None:
        """An emergency look by a secrecy-bound counsellor of another care organisation,
        long expired (a few per region)."""
        ctx, rng = self.ctx, self.rng
        others = [o for o in self.care if o is not org and o.of("counsellor")]
        if not others or life.started is None:
            return
        holder = rng.choice(rng.choice(others).of("counsellor"))
        day = min(self.today - 1, life.started + rng.randint(1, 100))
        # An hour, as the service grants by default, outside office hours.
        started, expires = ctx.at_clock(day, "22:10:00"), ctx.at_clock(day, "23:10:00")
        self.grants.append(
            (
                ctx.new_id(), life.id, holder.id, holder.organisation.id,
                "Crisisoproep buiten de kantooruren, dossier nodig voor de opvang",
                started, expires, started, started,
            )
        )  # fmt: skip

    # --- goals, notes, outflow, funder months ----------------------------------------

    def _goals(self, life: Life) -> None:
        ctx, rng, today = self.ctx, self.rng, self.today
        assert life.started is not None
        for _ in range(rng.randint(1, 3)):
            created = min(today, life.last_day, life.started + rng.randint(0, 90))
            due = created + rng.randint(30, 200)
            x = rng.random()
            if life.closed is not None:
                status = "done" if x < 0.7 else "dropped"
            elif due < today:
                status = "done" if x < 0.55 else "dropped" if x < 0.7 else "open"
            else:
                status = "open"
            domain = rng.choice(tuple(GOAL_TEXTS))
            stamp = ctx.at(created)
            self.goals.append(
                (
                    ctx.new_id(), life.id, domain, GOAL_TEXTS[domain], life.lead.id,
                    ctx.day(due), status,
                    "Gehaald, besproken met het team" if status == "done" else None,
                    life.lead.id, stamp, stamp, 1,
                )
            )  # fmt: skip

    def _notes(self, life: Life) -> None:
        ctx, rng, today = self.ctx, self.rng, self.today
        assert life.started is not None
        last = min(today, life.last_day)
        secret = [s for s in life.team if s.secrecy and s.role != "coach"]
        for _ in range(rng.randint(1, 3) + (life.closed is None)):
            day = rng.randint(min(life.started, last), last)
            x = rng.random()
            if x < 0.16 and secret:
                visibility, author = "care_shared", rng.choice(secret)
            elif x < 0.28 and secret:
                visibility, author = "care_internal", rng.choice(secret)
            else:
                visibility, author = "team", rng.choice(life.team)
            stamp = ctx.at(day)
            self.notes.append(
                (
                    ctx.new_id(), life.id, author.id, author.organisation.id, visibility,
                    ctx.day(day), rng.choice(NOTE_TEXTS[visibility]), stamp, stamp, 1,
                )
            )  # fmt: skip

    def _outflow(self, participant_id: str, life: Life) -> None:
        if life.outflow is None:
            return
        ctx, rng, today = self.ctx, self.rng, self.today
        day, category = life.outflow
        stamp = ctx.at(day)
        job_id = None
        if category in PAID_CATEGORIES:
            job_id = ctx.new_id()
            contract, instrument = JOB_TERMS[category]
            ended = day + rng.randint(60, 500) if rng.random() < 0.2 else None
            ended = ended if ended is not None and ended <= today else None
            self.jobs.append(
                (
                    job_id, participant_id, life.id,
                    None if contract == "self_employed" else rng.choice(life.org.employers),
                    rng.choice(OCCUPATIONS), ctx.day(day), _day(ctx, ended),
                    "Contract niet verlengd" if ended else None, contract,
                    rng.choice((19, 24, 30, 38)), round(rng.uniform(14, 22), 2), instrument,
                    rng.choice(("disclosed", "not_disclosed", "partly", "unknown")),
                    life.lead.id, stamp, stamp, 1,
                )
            )  # fmt: skip
            self._employer_contact(life, day - rng.randint(3, 40), "job_development")
        internship = life.internship
        linked = (
            internship[0]
            if internship
            and CATEGORIES[OutflowCategory(category)].may_link_internship
            and LINKED_INTERNSHIP.get(category) == internship[1]
            else None
        )
        outflow_id = ctx.new_id()
        self.outflows.append(
            (
                outflow_id, life.id, ctx.day(day), category, job_id, linked,
                OUTFLOW_REASONS.get(category), life.lead.id, stamp, stamp, 1,
            )
        )  # fmt: skip
        if job_id is None:
            return
        outflow_day = date.fromordinal(day)
        for months in (3, 6, 12):
            due = add_months(outflow_day, months).toordinal()
            contacted = status = source = hours = None
            if due <= today and rng.random() < 0.88:
                contacted = min(today, due + rng.randint(-5, 25))
                status = self._pick("follow_up")
                source = (
                    None if status == "unknown" else rng.choice(("self_report", "employer", "vdab"))
                )
                hours = (
                    rng.choice((19, 24, 30, 38)) if status in ("same_job", "other_job") else None
                )
            stamp = ctx.at(min(today, contacted or day))
            self.follow_ups.append(
                (
                    ctx.new_id(), life.id, outflow_id, months, ctx.day(due), _day(ctx, contacted),
                    status, hours, source, "Telefonisch opgevolgd" if contacted else None,
                    life.lead.id if contacted else None, stamp, stamp, 1,
                )
            )  # fmt: skip

    def _funder_months(self, participant_id: str, life: Life) -> None:
        """The manager's decisions on a provincial doorstroom trajectory's months that are
        over, at most 24 approved per participant (the premium's cap)."""
        if life.framework != "doorstroom_province" or life.started is None:
            return
        ctx, rng = self.ctx, self.rng
        managers = life.org.of("manager")
        start = date.fromordinal(life.started).replace(day=1)
        end = date.fromordinal(min(self.today, life.last_day))
        this_month = date.fromordinal(self.today).replace(day=1)
        approved = self.approved_months.get(participant_id, 0)
        # Older months were decided before the region moved to Werkpad.
        month = max(start, add_months(this_month, -FUNDER_MONTHS_KEPT))
        while month <= end and month < this_month and approved < 24:
            decided = min(self.today - 1, add_months(month, 1).toordinal() + rng.randint(3, 25))
            rejected = rng.random() < 0.08
            stamp = ctx.at(decided)
            self.funder_months.append(
                (
                    ctx.new_id(), life.id, ctx.day(month.toordinal()),
                    "rejected" if rejected else "approved", FUNDER_REJECTION if rejected else None,
                    rng.choice(managers).id, stamp, stamp, stamp, 1,
                )
            )  # fmt: skip
            approved += not rejected
            month = add_months(month, 1)
        self.approved_months[participant_id] = approved


def _day(ctx: Context, ordinal: int | None) -> str | None:
    return None if ordinal is None else ctx.day(ordinal)
