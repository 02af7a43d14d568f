"""What every figure means: the parameters, the drillable counts and the definitions that the
exports print next to the figures (domain.md, "What managers need").

One vocabulary used throughout:

- **in scope**: a trajectory the caller may report on (app/access/policies.py,
  ``reportable_trajectories``) that matches the filters;
- **in trajectory** on a day: started on or before it, and not yet ended, where a trajectory
  ends on the earlier of its outflow date and its closing date. Pauses do not stop the clock;
- **the trajectory's work floor**: the floor of its most recent placement (by start date);
  attendance and hours are counted on the floor of their own placement;
- **the trajectory's jobs**: jobs recorded for it, or linked by its outflow, that started on or
  after its start and not after today; **paid work** is reached on the earliest such job start
  or on the date of a paid outflow, whichever comes first;
- a **start cohort** is the trajectories that started in the period (or in the bucket);
- **specialists**: staff with a running *case manager work* membership on a trajectory in
  scope, from an organisation the caller reports on;
- a **staff caseload**: the trajectories in scope, in trajectory on the period's last day, on
  which a staff member of an organisation the caller reports on has a running *case manager*
  (work or care) or *coach* membership that day.

``DEFINITIONS`` (Dutch, as the exports print them) and ``DEFINITIONS_EN`` hold the same keys;
``LIST_DEFINITIONS`` explains the lists that are no figure of the export (the caseload per
staff member). ``GET /reports/definitions?lang=nl|en`` serves both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.trajectories.models import TeamRole


class GroupBy(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ORGANISATION = "organisation"
    WORK_FLOOR = "work_floor"
    FRAMEWORK = "framework"


TIME_GROUPS = frozenset({GroupBy.MONTH, GroupBy.QUARTER, GroupBy.YEAR})


class TargetGroup(StrEnum):
    PSYCHOLOGICAL = "psychological"
    DISABILITY = "disability"
    SOCIAL = "social"


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"


class ListFormat(StrEnum):
    """A drill-down list: one page as JSON, or every row as a file."""

    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class Audience(StrEnum):
    INTERNAL = "internal"
    FUNDER = "funder"  # cells of 1-4 people are suppressed


class Funder(StrEnum):
    PROVINCE = "province"  # the provincial doorstroom effort premium
    AMA = "ama"  # attended half-days and active AMA agreements per month
    ALL = "all"


# Cohort horizons (VDAB's format) and follow-up moments (nazorg), in months.
COHORT_MONTHS = (6, 12, 18, 24)
RETENTION_MONTHS = (3, 6, 12)
EMPLOYER_CONTACT_DAYS = 30
CASELOAD_LIMIT = 20  # IPS: at most 20 participants per specialist
# The memberships that make a trajectory part of a staff member's caseload.
CASELOAD_ROLES = (TeamRole.CASE_MANAGER_WORK, TeamRole.CASE_MANAGER_CARE, TeamRole.COACH)
HOURS_THRESHOLDS = (12, 13)  # AMA in the social economy; arbeidszorg advice
JOB_HOURS_THRESHOLD = 20
FUNDER_CAP_MONTHS = 24  # approved doorstroom months per person (provincial premium)
AMA_FRAMEWORKS = ("ama_social_economy", "ama_welfare")
MAX_PERIOD_YEARS = 10


class RetentionClass(StrEnum):
    WORKING = "working"  # same_job, other_job
    NOT_WORKING = "not_working"  # not_working, training
    UNKNOWN = "unknown"  # answered unknown, or due without a contact
    PENDING = "pending"  # not due yet


class DrillIndicator(StrEnum):
    """The counts that open as the list of trajectories behind them."""

    PARTICIPANTS_IN_TRAJECTORY = "participants_in_trajectory"
    TRAJECTORIES_STARTED = "trajectories_started"
    EXITS = "exits"
    EXITS_PAID = "exits_paid"
    EXITS_IPS_COMPETITIVE = "exits_ips_competitive"
    EXITS_POSITIVE = "exits_positive"
    EXITS_DROP_OUT = "exits_drop_out"
    EXITS_BACK_TO_CARE = "exits_back_to_care"
    EXITS_LEFT_OUT = "exits_left_out"
    REACHED_PAID_WORK = "reached_paid_work"
    PAID_WORK_WITHIN_6_MONTHS = "paid_work_within_6_months"
    PAID_WORK_WITHIN_12_MONTHS = "paid_work_within_12_months"
    PAID_WORK_WITHIN_18_MONTHS = "paid_work_within_18_months"
    PAID_WORK_WITHIN_24_MONTHS = "paid_work_within_24_months"
    RETENTION_3_WORKING = "retention_3_working"
    RETENTION_3_NOT_WORKING = "retention_3_not_working"
    RETENTION_3_UNKNOWN = "retention_3_unknown"
    RETENTION_3_PENDING = "retention_3_pending"
    RETENTION_6_WORKING = "retention_6_working"
    RETENTION_6_NOT_WORKING = "retention_6_not_working"
    RETENTION_6_UNKNOWN = "retention_6_unknown"
    RETENTION_6_PENDING = "retention_6_pending"
    RETENTION_12_WORKING = "retention_12_working"
    RETENTION_12_NOT_WORKING = "retention_12_not_working"
    RETENTION_12_UNKNOWN = "retention_12_unknown"
    RETENTION_12_PENDING = "retention_12_pending"
    COMPETITIVE_EMPLOYMENT = "competitive_employment"
    PAST_MAX_DURATION = "past_max_duration"
    # One bar of the funnel (needs ``phase``) or of the destinations (needs ``category``).
    IN_PHASE = "in_phase"
    EXITS_IN_CATEGORY = "exits_in_category"


class Language(StrEnum):
    NL = "nl"
    EN = "en"


@dataclass(frozen=True)
class Definition:
    label: str  # Dutch, as the exports and the dashboard show it
    text: str


D = Definition

# Keyed "family.indicator" like the JSON answer; the exports print them in this order.
DEFINITIONS: dict[str, Definition] = {
    "flow.participants_in_trajectory": D(
        "Deelnemers in traject",
        "Verschillende deelnemers met een traject dat op minstens één dag van de periode liep "
        "(gestart en nog niet beëindigd door uitstroom of afsluiting).",
    ),
    "flow.trajectories_started": D(
        "Gestarte trajecten", "Trajecten waarvan de startdatum in de periode valt."
    ),
    "flow.exits": D(
        "Uitstroom",
        "Trajecten met een uitstroomdatum in de periode, per categorie. 'Meegeteld' laat "
        "verhuisd, overleden en onbekend weg; die staan apart als 'niet meegeteld'.",
    ),
    "flow.doorstroom_rate": D(
        "Doorstroom (Vlaamse definitie)",
        "Uitstroom naar betaald werk (ook collectief maatwerk, LDE en tijdelijke werkervaring) "
        "÷ alle meegetelde uitstroom in de periode.",
    ),
    "flow.doorstroom_rate_ips": D(
        "Doorstroom (IPS: enkel competitief werk)",
        "Uitstroom naar werk op de reguliere arbeidsmarkt (regulier, met individueel maatwerk, "
        "zelfstandige, interim) ÷ alle meegetelde uitstroom in de periode.",
    ),
    "flow.positive_exit_rate": D(
        "Positieve uitstroom",
        "Uitstroom naar betaald werk, een stap naar werk (IBO, werkervaringsstage) of "
        "opleiding ÷ alle meegetelde uitstroom.",
    ),
    "flow.drop_out_rate": D("Afhakers", "Uitstroom 'afgehaakt' ÷ alle meegetelde uitstroom."),
    "flow.back_to_care_rate": D(
        "Terug naar zorg", "Uitstroom 'terug naar zorg' ÷ alle meegetelde uitstroom."
    ),
    "flow.phase_funnel": D(
        "Deelnemers per fase",
        "Trajecten die op de laatste dag van de periode liepen, per fase op die dag.",
    ),
    "cohort.time_to_paid_work": D(
        "Dagen tot betaald werk",
        "Van de trajecten gestart in de periode: mediaan en kwartielen van het aantal dagen van "
        "start tot de eerste betaalde job (of betaalde uitstroom), geschat met Kaplan-Meier. "
        "Wie (nog) geen betaald werk heeft, telt als gecensureerd op vandaag.",
    ),
    "cohort.paid_work_within": D(
        "Werk binnen 6/12/18/24 maanden",
        "Van de trajecten gestart in de periode: het aandeel met betaald werk binnen 6, 12, 18 "
        "en 24 kalendermaanden na de start. Trajecten waarvoor die termijn nog niet voorbij is, "
        "tellen niet mee in de noemer en staan apart als gecensureerd.",
    ),
    "retention.3": D(
        "Aan het werk na 3 maanden",
        "Na een betaalde uitstroom in de periode: opvolging na 3 maanden met 'zelfde job' of "
        "'andere job' ÷ opvolgingen met een gekend antwoord. 'Onbekend' (zo geantwoord, of "
        "vervallen zonder contact) en 'nog niet vervallen' staan apart en tellen nooit als werk.",
    ),
    "retention.6": D("Aan het werk na 6 maanden", "Zoals na 3 maanden, voor de opvolging na 6."),
    "retention.12": D("Aan het werk na 12 maanden", "Zoals na 3 maanden, voor de opvolging na 12."),
    "jobs.jobs_started": D(
        "Gestarte jobs", "Jobs van trajecten in scope die in de periode begonnen."
    ),
    "jobs.hours_per_week": D(
        "Uren per week", "Mediaan en kwartielen van de contracturen per week van die jobs."
    ),
    "jobs.twenty_hours_or_more": D(
        "Jobs van 20 uur of meer", "Jobs met minstens 20 uur per week ÷ jobs met gekende uren."
    ),
    "jobs.hourly_wage": D(
        "Bruto uurloon", "Mediaan en kwartielen van het bruto uurloon (euro) van die jobs."
    ),
    "jobs.competitive_share": D(
        "Competitieve jobs",
        "Jobs op de reguliere arbeidsmarkt (geen collectief maatwerk, LDE of art. 60) ÷ alle "
        "gestarte jobs.",
    ),
    "jobs.longest_job_weeks": D(
        "Weken in langste job",
        "Per deelnemer de langste van zijn in de periode gestarte jobs; mediaan en kwartielen "
        "in weken (Kaplan-Meier: lopende jobs zijn gecensureerd op vandaag).",
    ),
    "ips.competitive_employment_rate": D(
        "Competitieve tewerkstelling (IPS)",
        "Trajecten in traject tijdens de periode met een competitieve job die in de periode "
        "liep ÷ alle trajecten in traject tijdens de periode. IPS-normen per kwartaal: 31 % "
        "minimaal, 41 % gemiddeld, 50 % excellent.",
    ),
    "ips.competitive_employment_band": D(
        "IPS-niveau", "below_minimal, minimal, average of excellent volgens de IPS-normen."
    ),
    "ips.caseload_per_specialist": D(
        "Caseload per arbeidsspecialist",
        "Op de laatste dag van de periode: lopende trajecten per casemanager Werk (gemiddelde, "
        "maximum en het aantal specialisten boven de IPS-norm van 20).",
    ),
    "ips.days_to_first_employer_contact": D(
        "Dagen tot eerste werkgeverscontact",
        "Van de trajecten gestart in de periode: dagen van start tot het eerste "
        "werkgeverscontact over de deelnemer (Kaplan-Meier, zonder contact gecensureerd op "
        "vandaag).",
    ),
    "ips.employer_contact_within_30_days": D(
        "Werkgeverscontact binnen 30 dagen",
        "Van de trajecten gestart in de periode: het aandeel met een werkgeverscontact binnen "
        "30 dagen (IPS-norm); trajecten jonger dan 30 dagen zijn gecensureerd.",
    ),
    "ips.employer_contacts_per_specialist_week": D(
        "Werkgeverscontacten per specialist per week",
        "Werkgeverscontacten van de specialisten in de periode ÷ (specialisten x weken).",
    ),
    "effort.funder_months": D(
        "Doorstroombegeleidingsmaanden",
        "Gepland: kalendermaanden in de periode waarin het traject liep. Goedgekeurd en "
        "afgekeurd: beslissingen van de verantwoordelijke over maanden in de periode.",
    ),
    "effort.attended_half_days": D(
        "Aanwezige halve dagen per deelnemer",
        "Halve dagen met aanwezigheid 'aanwezig' in de periode ÷ deelnemers met minstens één.",
    ),
    "effort.attended_hours_per_week": D(
        "Aanwezige uren per week",
        "Per plaatsing die in de periode liep: aanwezige uren ÷ weken van de plaatsing in de "
        "periode (afgerond naar beneden op 0,1 uur); mediaan en kwartielen.",
    ),
    "effort.placements_12_hours_or_more": D(
        "Plaatsingen van 12 uur of meer per week",
        "Plaatsingen met gemiddeld minstens 12 aanwezige uren per week (norm AMA in de sociale "
        "economie) ÷ plaatsingen die in de periode liepen.",
    ),
    "effort.placements_13_hours_or_more": D(
        "Plaatsingen van 13 uur of meer per week",
        "Zoals 12 uur, met de grens van 13 uur (advies arbeidszorg).",
    ),
    "effort.activation_sessions": D(
        "Activeringsbegeleiding per component",
        "Sessies, minuten en trajecten met een sessie in de periode, per component.",
    ),
    "effort.time_in_phase": D(
        "Dagen in fase",
        "Fases die in de periode begonnen: dagen tot de volgende faseovergang (Kaplan-Meier; een "
        "lopende fase is gecensureerd op de afsluiting of op vandaag).",
    ),
    "effort.past_max_duration": D(
        "Trajecten over hun maximumduur",
        "Op de laatste dag van de periode lopende trajecten waarvan het kader een maximumduur "
        "heeft en die langer lopen dan die duur ÷ alle zulke lopende trajecten.",
    ),
}

# The same definitions in English, key for key (tests/reports/test_definitions.py checks it).
DEFINITIONS_EN: dict[str, Definition] = {
    "flow.participants_in_trajectory": D(
        "Participants in trajectory",
        "Distinct participants with a trajectory that ran on at least one day of the period "
        "(started and not yet ended by outflow or closing).",
    ),
    "flow.trajectories_started": D(
        "Trajectories started", "Trajectories whose start date falls in the period."
    ),
    "flow.exits": D(
        "Outflow",
        "Trajectories with an outflow date in the period, per category. 'Counted' leaves out "
        "moved, deceased and unknown; those are shown apart as 'not counted'.",
    ),
    "flow.doorstroom_rate": D(
        "Doorstroom (Flemish definition)",
        "Outflow to paid work (including collective maatwerk, LDE and temporary work "
        "experience) ÷ all counted outflow in the period.",
    ),
    "flow.doorstroom_rate_ips": D(
        "Doorstroom (IPS: competitive work only)",
        "Outflow to work on the regular labour market (regular, with individual maatwerk, "
        "self-employed, temp agency) ÷ all counted outflow in the period.",
    ),
    "flow.positive_exit_rate": D(
        "Positive outflow",
        "Outflow to paid work, a step towards work (IBO, work experience internship) or "
        "training ÷ all counted outflow.",
    ),
    "flow.drop_out_rate": D("Drop-outs", "Outflow 'dropped out' ÷ all counted outflow."),
    "flow.back_to_care_rate": D("Back to care", "Outflow 'back to care' ÷ all counted outflow."),
    "flow.phase_funnel": D(
        "Participants per phase",
        "Trajectories running on the last day of the period, per phase on that day.",
    ),
    "cohort.time_to_paid_work": D(
        "Days to paid work",
        "Of the trajectories started in the period: median and quartiles of the days from the "
        "start to the first paid job (or paid outflow), estimated with Kaplan-Meier. Those "
        "without paid work (yet) count as censored today.",
    ),
    "cohort.paid_work_within": D(
        "Work within 6/12/18/24 months",
        "Of the trajectories started in the period: the share with paid work within 6, 12, 18 "
        "and 24 calendar months of the start. Trajectories whose term is not over yet are left "
        "out of the denominator and shown apart as censored.",
    ),
    "retention.3": D(
        "Working after 3 months",
        "After a paid outflow in the period: follow-ups after 3 months answered 'same job' or "
        "'other job' ÷ follow-ups with a known answer. 'Unknown' (answered so, or due without "
        "a contact) and 'not due yet' are shown apart and never count as work.",
    ),
    "retention.6": D("Working after 6 months", "As after 3 months, for the follow-up after 6."),
    "retention.12": D("Working after 12 months", "As after 3 months, for the follow-up after 12."),
    "jobs.jobs_started": D("Jobs started", "Jobs of trajectories in scope begun in the period."),
    "jobs.hours_per_week": D(
        "Hours per week", "Median and quartiles of the contract hours per week of those jobs."
    ),
    "jobs.twenty_hours_or_more": D(
        "Jobs of 20 hours or more", "Jobs of at least 20 hours a week ÷ jobs with known hours."
    ),
    "jobs.hourly_wage": D(
        "Gross hourly wage", "Median and quartiles of the gross hourly wage (euro) of those jobs."
    ),
    "jobs.competitive_share": D(
        "Competitive jobs",
        "Jobs on the regular labour market (no collective maatwerk, LDE or art. 60) ÷ all jobs "
        "started.",
    ),
    "jobs.longest_job_weeks": D(
        "Weeks in the longest job",
        "Per participant the longest of their jobs begun in the period; median and quartiles "
        "in weeks (Kaplan-Meier: running jobs are censored today).",
    ),
    "ips.competitive_employment_rate": D(
        "Competitive employment (IPS)",
        "Trajectories in trajectory during the period with a competitive job that ran in the "
        "period ÷ all trajectories in trajectory during the period. IPS norms per quarter: "
        "31 % minimal, 41 % average, 50 % excellent.",
    ),
    "ips.competitive_employment_band": D(
        "IPS level", "below_minimal, minimal, average or excellent by the IPS norms."
    ),
    "ips.caseload_per_specialist": D(
        "Caseload per employment specialist",
        "On the last day of the period: running trajectories per case manager work (average, "
        "maximum and the number of specialists above the IPS norm of 20).",
    ),
    "ips.days_to_first_employer_contact": D(
        "Days to first employer contact",
        "Of the trajectories started in the period: days from the start to the first employer "
        "contact about the participant (Kaplan-Meier, censored today without a contact).",
    ),
    "ips.employer_contact_within_30_days": D(
        "Employer contact within 30 days",
        "Of the trajectories started in the period: the share with an employer contact within "
        "30 days (IPS norm); trajectories younger than 30 days are censored.",
    ),
    "ips.employer_contacts_per_specialist_week": D(
        "Employer contacts per specialist per week",
        "Employer contacts of the specialists in the period ÷ (specialists x weeks).",
    ),
    "effort.funder_months": D(
        "Doorstroom support months",
        "Planned: calendar months in the period in which the trajectory ran. Approved and "
        "rejected: the responsible party's decisions on months in the period.",
    ),
    "effort.attended_half_days": D(
        "Attended half-days per participant",
        "Half-days marked 'present' in the period ÷ participants with at least one.",
    ),
    "effort.attended_hours_per_week": D(
        "Attended hours per week",
        "Per placement that ran in the period: attended hours ÷ weeks of the placement in the "
        "period (rounded down to 0.1 hour); median and quartiles.",
    ),
    "effort.placements_12_hours_or_more": D(
        "Placements of 12 hours or more per week",
        "Placements with on average at least 12 attended hours a week (the AMA norm in the "
        "social economy) ÷ placements that ran in the period.",
    ),
    "effort.placements_13_hours_or_more": D(
        "Placements of 13 hours or more per week",
        "As for 12 hours, with the limit of 13 hours (arbeidszorg advice).",
    ),
    "effort.activation_sessions": D(
        "Activation support per component",
        "Sessions, minutes and trajectories with a session in the period, per component.",
    ),
    "effort.time_in_phase": D(
        "Days in phase",
        "Phases begun in the period: days to the next phase change (Kaplan-Meier; a running "
        "phase is censored at the closing or today).",
    ),
    "effort.past_max_duration": D(
        "Trajectories past their maximum duration",
        "Trajectories running on the last day of the period whose framework has a maximum "
        "duration and that run longer than it ÷ all such running trajectories.",
    ),
}

# Lists that are no figure of the exports: (Dutch, English).
LIST_DEFINITIONS: dict[str, tuple[Definition, Definition]] = {
    "caseloads.per_staff_member": (
        D(
            "Caseload per medewerker",
            "Op de laatste dag van de periode: per medewerker de lopende trajecten in scope "
            "waarop hij of zij die dag casemanager (werk of zorg) of coach is, gesorteerd van "
            "hoog naar laag. Enkel medewerkers van organisaties waarover je rapporteert; de "
            "IPS-norm is hoogstens 20.",
        ),
        D(
            "Caseload per staff member",
            "On the last day of the period: per staff member the running trajectories in scope "
            "on which they are case manager (work or care) or coach that day, highest first. "
            "Only staff of organisations you report on; the IPS norm is at most 20.",
        ),
    ),
}


def definitions_in(language: Language) -> dict[str, Definition]:
    """Every definition, the exports' figures first, in one language."""
    figures = DEFINITIONS if language is Language.NL else DEFINITIONS_EN
    lists = {
        key: pair[0 if language is Language.NL else 1] for key, pair in LIST_DEFINITIONS.items()
    }
    return {**figures, **lists}
