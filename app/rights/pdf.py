"""The participant's export as a document to hand to the person: Dutch, readable, complete
(the same content as the JSON export, laid out by topic)."""

from __future__ import annotations

from enum import Enum

from app.audit.models import AuditAction, AuditOutcome
from app.auth.models import Role
from app.consents.models import ConsentMethod, DataClass, GivenBy
from app.core.pdf import EMPTY_VALUE, PdfDocument, display
from app.employment.models import (
    ContactPurpose,
    ContractType,
    InternshipResult,
    InternshipType,
    SupportInstrument,
)
from app.funding.models import FunderDecision
from app.notes.models import Visibility
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUpSource, FollowUpStatus
from app.participants.models import (
    BenefitKind,
    PermissionIssuer,
    ReferralSource,
    VdabAdviceKind,
)
from app.progress.models import AttendanceStatus, GoalDomain, GoalStatus, HalfDay, SessionComponent
from app.rights.schemas import ParticipantExport, Staff, TrajectoryExport
from app.trajectories.models import TeamRole
from app.trajectories.phases import Phase, Status

# Dutch words for the codes a person meets in their file; codes not listed are shown as they
# are stored, with spaces for underscores.
LABELS: dict[type[Enum], dict[str, str]] = {
    Phase: {
        Phase.INTAKE: "intake",
        Phase.PLACEMENT: "werkvloer",
        Phase.ACTIVATION: "activeringsmodule",
        Phase.INTERNSHIP: "stage",
        Phase.OUTFLOW: "uitstroom",
    },
    Status: {
        Status.REFERRED: "aangemeld",
        Status.ACTIVE: "actief",
        Status.PAUSED: "gepauzeerd",
        Status.CLOSED: "afgesloten",
    },
    Visibility: {
        Visibility.TEAM: "mini-team",
        Visibility.CARE_SHARED: "gedeeld zorgteam (beroepsgeheim)",
        Visibility.CARE_INTERNAL: "intern zorg (beroepsgeheim, eigen organisatie)",
    },
    TeamRole: {
        TeamRole.CASE_MANAGER_WORK: "casemanager Werk",
        TeamRole.CASE_MANAGER_CARE: "casemanager Zorg",
        TeamRole.COACH: "werkvloerbegeleider",
        TeamRole.OTHER: "andere",
    },
    Role: {
        Role.COACH: "werkvloerbegeleider",
        Role.MEDIATOR: "trajectbegeleider",
        Role.COUNSELLOR: "GGZ-begeleider",
        Role.MANAGER: "coördinator",
        Role.ADMIN: "beheerder",
    },
    AuditAction: {
        AuditAction.READ: "bekeken",
        AuditAction.CREATE: "toegevoegd",
        AuditAction.UPDATE: "gewijzigd",
        AuditAction.DELETE: "verwijderd",
    },
    AuditOutcome: {
        AuditOutcome.OK: "gelukt",
        AuditOutcome.DENIED: "geweigerd",
        AuditOutcome.NOT_FOUND: "niet gevonden",
        AuditOutcome.INVALID: "ongeldig",
        AuditOutcome.ERROR: "fout",
    },
    AttendanceStatus: {
        AttendanceStatus.PRESENT: "aanwezig",
        AttendanceStatus.ABSENT_EXCUSED: "gewettigd afwezig",
        AttendanceStatus.ABSENT_UNEXCUSED: "ongewettigd afwezig",
        AttendanceStatus.SICK: "ziek",
    },
    HalfDay: {HalfDay.AM: "voormiddag", HalfDay.PM: "namiddag"},
    GoalStatus: {
        GoalStatus.OPEN: "open",
        GoalStatus.DONE: "bereikt",
        GoalStatus.DROPPED: "gestopt",
    },
    GoalDomain: {
        GoalDomain.WORK: "werk",
        GoalDomain.CARE: "zorg",
        GoalDomain.EMPOWERMENT: "empowerment",
        GoalDomain.INCOME: "inkomen",
        GoalDomain.TRAINING: "opleiding",
        GoalDomain.MOBILITY: "mobiliteit",
        GoalDomain.HOUSING: "wonen",
    },
    SessionComponent: {
        SessionComponent.CARE: "zorg",
        SessionComponent.EMPOWERMENT: "empowerment",
        SessionComponent.JOB_SEARCH: "zoeken naar werk",
        SessionComponent.GROUP_MODULE: "groepsmodule",
    },
    FunderDecision: {FunderDecision.APPROVED: "goedgekeurd", FunderDecision.REJECTED: "afgekeurd"},
    DataClass: {DataClass.WORK: "werk", DataClass.CARE: "zorg"},
    ConsentMethod: {
        ConsentMethod.WRITTEN: "schriftelijk",
        ConsentMethod.DIGITAL: "digitaal",
        ConsentMethod.VERBAL: "mondeling",
    },
    GivenBy: {GivenBy.SELF: "zelf", GivenBy.REPRESENTATIVE: "vertegenwoordiger"},
    BenefitKind: {
        BenefitKind.RVA: "werkloosheidsuitkering (RVA)",
        BenefitKind.RIZIV_WORK_INCAPACITATED: "arbeidsongeschikt (RIZIV)",
        BenefitKind.LEEFLOON: "leefloon",
        BenefitKind.IVT_IT: "IVT/IT",
        BenefitKind.NONE: "geen",
    },
    PermissionIssuer: {
        PermissionIssuer.ADVISING_PHYSICIAN: "adviserend arts",
        PermissionIssuer.OCMW: "OCMW",
        PermissionIssuer.VDAB: "VDAB",
    },
    ReferralSource: {
        ReferralSource.MENTAL_HEALTH: "geestelijke gezondheidszorg",
        ReferralSource.GP: "huisarts",
        ReferralSource.SELF: "zelf",
        ReferralSource.OTHER: "andere",
    },
    ContactPurpose: {
        ContactPurpose.JOB_DEVELOPMENT: "jobontwikkeling",
        ContactPurpose.JOB_SEARCH_FOR_PARTICIPANT: "werk zoeken voor de deelnemer",
        ContactPurpose.FOLLOW_UP: "opvolging",
        ContactPurpose.OTHER: "andere",
    },
    InternshipResult: {
        InternshipResult.ONGOING: "lopend",
        InternshipResult.COMPLETED: "afgerond",
        InternshipResult.ENDED_EARLY: "vroegtijdig gestopt",
        InternshipResult.LED_TO_JOB: "leidde tot werk",
    },
    FollowUpStatus: {
        FollowUpStatus.SAME_JOB: "zelfde job",
        FollowUpStatus.OTHER_JOB: "andere job",
        FollowUpStatus.NOT_WORKING: "werkt niet",
        FollowUpStatus.TRAINING: "opleiding",
        FollowUpStatus.UNKNOWN: "onbekend",
    },
    FollowUpSource: {
        FollowUpSource.SELF_REPORT: "zelf gemeld",
        FollowUpSource.EMPLOYER: "werkgever",
        FollowUpSource.VDAB: "VDAB",
    },
    VdabAdviceKind: {
        VdabAdviceKind.NEC: "normaal economisch circuit",
        VdabAdviceKind.COLLECTIVE_MAATWERK: "collectief maatwerk",
        VdabAdviceKind.AMA_SOCIAL_ECONOMY: "AMA in de sociale economie",
        VdabAdviceKind.ARBEIDSZORG: "arbeidszorg",
        VdabAdviceKind.AMA_WELFARE: "AMA welzijn",
        VdabAdviceKind.ACTIVATION_TRAJECTORY: "activeringstraject",
        VdabAdviceKind.NOT_REFERABLE: "niet toeleidbaar",
    },
    InternshipType: {
        InternshipType.WORK_EXPERIENCE: "werkervaringsstage",
        InternshipType.IBO: "IBO",
        InternshipType.TRAINING: "opleidingsstage",
        InternshipType.BIS: "beroepsinlevingsstage",
        InternshipType.DUO_DAY: "duodag",
        InternshipType.EXTERNAL_WORK_FLOOR: "stage op een externe werkvloer",
        InternshipType.ACTIVATION: "activeringsstage",
        InternshipType.EXPLORATORY: "beroepsverkennende stage",
    },
    ContractType: {
        ContractType.PERMANENT: "vast",
        ContractType.FIXED_TERM: "bepaalde duur",
        ContractType.TEMP_AGENCY: "interim",
        ContractType.SELF_EMPLOYED: "zelfstandige",
        ContractType.FLEXI: "flexijob",
        ContractType.OTHER: "andere",
    },
    SupportInstrument: {
        SupportInstrument.INDIVIDUAL_MAATWERK: "individueel maatwerk",
        SupportInstrument.COLLECTIVE_MAATWERK: "collectief maatwerk",
        SupportInstrument.VOP_LEGACY: "VOP",
        SupportInstrument.LDE_LEGACY: "lokale diensteneconomie",
        SupportInstrument.TWE_ART60: "tijdelijke werkervaring / art. 60",
        SupportInstrument.NONE: "geen",
    },
    OutflowCategory: {
        OutflowCategory.REGULAR_JOB: "reguliere job",
        OutflowCategory.REGULAR_JOB_SUPPORTED: "reguliere job met ondersteuning",
        OutflowCategory.SELF_EMPLOYED: "zelfstandige",
        OutflowCategory.TEMP_AGENCY: "interim",
        OutflowCategory.COLLECTIVE_MAATWERK: "maatwerkbedrijf",
        OutflowCategory.LOCAL_SERVICE_ECONOMY: "lokale diensteneconomie",
        OutflowCategory.TEMPORARY_WORK_EXPERIENCE: "tijdelijke werkervaring / art. 60",
        OutflowCategory.IBO: "IBO",
        OutflowCategory.TRAINING: "opleiding",
        OutflowCategory.WORK_EXPERIENCE_INTERNSHIP: "werkervaringsstage",
        OutflowCategory.AMA_SOCIAL_ECONOMY: "AMA in de sociale economie",
        OutflowCategory.AMA_WELFARE: "AMA welzijn",
        OutflowCategory.VOLUNTEERING: "vrijwilligerswerk",
        OutflowCategory.BACK_TO_CARE: "terug naar zorg",
        OutflowCategory.DROP_OUT: "afgehaakt",
        OutflowCategory.MOVED: "verhuisd",
        OutflowCategory.DECEASED: "overleden",
        OutflowCategory.UNKNOWN: "onbekend",
    },
}
# What a recorded read or change concerned, by table.
OBJECT_TYPES = {
    "participants": "persoonsgegevens",
    "trajectories": "traject",
    "notes": "notitie",
    "timeline": "tijdlijn",
    "consents": "toestemming",
    "placements": "plaatsing",
    "attendances": "aanwezigheid",
    "progress_logs": "voortgangsverslag",
    "goals": "doel",
    "activation_sessions": "activeringsbegeleiding",
    "internships": "stage",
    "jobs": "tewerkstelling",
    "employer_contacts": "werkgeverscontact",
    "outflows": "uitstroom",
    "follow_ups": "opvolging",
    "funder_months": "financieringsmaand",
    "team_members": "mini-team",
    "break_glass_grants": "noodtoegang",
}
TARGET_GROUPS = {
    "psychological": "psychische kwetsbaarheid",
    "disability": "handicap",
    "social": "sociale kwetsbaarheid",
}
SCORES = {1: "1 – nog niet", 2: "2 – met veel steun", 3: "3 – met wat steun", 4: "4 – zelfstandig"}


# The fields of the person's record, as "Persoonsgegevens" names them.
RECORD_FIELDS = {
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "preferred_name": "Roepnaam",
    "birth_date": "Geboortedatum",
    "insz": "Rijksregisternummer (INSZ)",
    "email": "E-mail",
    "phone": "Telefoon",
    "address": "Adres",
    "language": "Taal",
    "target_groups": "Doelgroep",
    "referral_source": "Aangemeld via",
}


def label(value: object) -> str:
    if isinstance(value, Enum):
        words = LABELS.get(type(value), {})
        return words.get(value.value, str(value.value).replace("_", " "))
    if isinstance(value, list):
        return ", ".join(label(item) for item in value) or EMPTY_VALUE
    return display(value)


def _role(stored: str) -> str:
    try:
        return label(Role(stored))
    except ValueError:  # a role that no longer exists: show what was recorded
        return stored


def _with_reason(day: object, reason: str | None) -> str | None:
    """A date with why, e.g. when something ended; nothing when there is no date."""
    if day is None:
        return None
    return f"{display(day)}: {reason}" if reason else display(day)


def _who(staff: Staff | None) -> str:
    if staff is None:
        return EMPTY_VALUE
    name = staff.name or "(account verwijderd)"
    return f"{name} ({staff.organisation})" if staff.organisation else name


def participant_pdf(export: ParticipantExport) -> bytes:
    person = export.participant
    doc = PdfDocument(
        title="Inzage in je dossier bij Werkpad",
        subtitle=f"{person.first_name} {person.last_name}, geboren op {display(person.birth_date)}",
        generated_at=export.generated_at,
        author=person.organisation,
    )
    doc.muted(
        "Dit overzicht bevat alle gegevens die in Werkpad over jou bewaard worden, in elk "
        "traject en bij elke organisatie, ook alle notities, en wie je dossier bekeek."
    )
    doc.key_values(
        [
            ("Verantwoordelijke organisatie", person.organisation),
            ("Opgemaakt door", _who(export.generated_by)),
            ("Opgemaakt op", export.generated_at),
        ]
    )
    _personal_data(doc, export)
    _consents_and_jobs(doc, export)
    for trajectory in export.trajectories:
        _trajectory(doc, trajectory)
    doc.section("Wie heeft mijn dossier bekeken")
    doc.table(
        ["Wanneer", "Wie", "Organisatie", "Functie", "Handeling", "Wat", "Resultaat"],
        [
            [
                look.occurred_at,
                look.user_name or "(account verwijderd)",
                look.organisation_name,
                _role(look.user_role),
                label(look.action)
                + (f" (noodtoegang: {look.break_glass_reason})" if look.break_glass_reason else ""),
                OBJECT_TYPES.get(look.object_type or "", look.object_type),
                label(look.outcome),
            ]
            for look in export.file_looks
        ],
        widths=[1.3, 1.3, 1.4, 1.4, 1.2, 1.3, 1.2],
        empty="Nog niemand heeft je dossier bekeken.",
    )
    return doc.to_bytes()


def _personal_data(doc: PdfDocument, export: ParticipantExport) -> None:
    person = export.participant
    doc.section("Persoonsgegevens")
    doc.key_values(
        [
            ("Voornaam", person.first_name),
            ("Achternaam", person.last_name),
            ("Roepnaam", person.preferred_name),
            ("Geboortedatum", person.birth_date),
            ("Rijksregisternummer (INSZ)", person.insz),
            ("E-mail", person.email),
            ("Telefoon", person.phone),
            ("Adres", person.address),
            ("Taal", person.language),
            ("Doelgroep", ", ".join(TARGET_GROUPS[g.value] for g in person.target_groups)),
            ("Aangemeld via", label(person.referral_source)),
            ("Ingeschreven door", _who(person.registered_by)),
            ("Ingeschreven op", person.created_at),
            ("Laatst gewijzigd op", person.updated_at),
        ]
    )
    if export.erasure is not None:
        doc.subsection("Gewist op verzoek")
        doc.key_values(
            [
                ("Op", export.erasure.requested_at),
                ("Door", _who(export.erasure.requested_by)),
                ("Verzoek", export.erasure.reason),
            ]
        )
    doc.subsection("Uitkeringen")
    doc.table(
        ["Soort", "Van", "Tot"],
        [[label(b.kind), b.valid_from, b.valid_to] for b in export.benefit_statuses],
    )
    doc.subsection("Toelatingen")
    doc.table(
        ["Uitgereikt door", "Toegekend op", "Geldig tot", "Referentie"],
        [
            [label(p.issued_by), p.granted_on, p.valid_until, p.reference]
            for p in export.activity_permissions
        ],
    )
    doc.subsection("VDAB-adviezen")
    doc.table(["Advies", "Datum"], [[label(a.advice), a.advised_on] for a in export.vdab_advices])
    doc.subsection("Rechtzettingen")
    doc.table(
        ["Wanneer", "Gegeven", "Was", "Werd", "Door"],
        [
            [
                change.changed_at,
                RECORD_FIELDS.get(change.field, change.field),
                change.old_value,
                change.new_value,
                _who(change.changed_by_staff),
            ]
            for change in export.record_changes
        ],
    )


def _consents_and_jobs(doc: PdfDocument, export: ParticipantExport) -> None:
    doc.section("Toestemmingen")
    doc.table(
        ["Aan", "Doel", "Gegevens", "Gegeven", "Vervalt", "Ingetrokken"],
        [
            [
                c.receiving_organisation_name,
                c.purpose,
                label(c.data_classes),
                f"{display(c.given_on)}, {label(c.method)}, door {label(c.given_by)}"
                + (f" ({c.representative_name})" if c.representative_name else ""),
                c.expires_on,
                _with_reason(c.withdrawn_on, c.withdrawal_reason),
            ]
            for c in export.consents
        ],
        widths=[1.3, 1.9, 1.1, 1.6, 1.1, 1.4],
    )
    doc.section("Tewerkstellingen")
    doc.table(
        ["Beroep", "Werkgever", "Van", "Tot", "Contract", "u/week", "Ondersteuning"],
        [
            [
                job.occupation,
                job.employer,
                job.start_date,
                _with_reason(job.end_date, job.end_reason),
                label(job.contract_type),
                job.hours_per_week,
                label(job.support_instrument),
            ]
            for job in export.jobs
        ],
        widths=[1.4, 1.4, 1.1, 1.3, 1.1, 0.8, 1.5],
    )


def _trajectory(doc: PdfDocument, trajectory: TrajectoryExport) -> None:
    doc.section(f"Traject {trajectory.framework} bij {trajectory.organisation}")
    doc.key_values(
        [
            ("Organisatie", trajectory.organisation),
            ("Kader", trajectory.framework),
            ("Fase", label(trajectory.phase)),
            ("Status", label(trajectory.status)),
            ("Aangemeld op", trajectory.referred_on),
            ("Gestart op", trajectory.started_on),
            ("Afgesloten op", trajectory.closed_on),
            ("In deze fase sinds", trajectory.phase_since),
        ]
    )
    doc.subsection("Fasen")
    doc.table(
        ["Datum", "Van", "Naar", "Door", "Reden"],
        [
            [c.date, label(c.from_phase), label(c.to_phase), _who(c.by), c.reason]
            for c in trajectory.phase_changes
        ],
        widths=[1, 1.1, 1.1, 1.8, 2.5],
    )
    doc.subsection("Status")
    doc.table(
        ["Datum", "Van", "Naar", "Door", "Reden"],
        [
            [c.date, label(c.from_status), label(c.to_status), _who(c.by), c.reason]
            for c in trajectory.status_changes
        ],
        widths=[1, 1.1, 1.1, 1.8, 2.5],
    )
    doc.subsection("Pauzes")
    doc.table(
        ["Van", "Tot", "Reden", "Verwachte terugkeer"],
        [[p.from_date, p.until, p.reason, p.expected_return_on] for p in trajectory.pauses],
        widths=[1, 1, 3, 1.3],
    )
    doc.subsection("Mini-team")
    doc.table(
        ["Naam", "Organisatie", "Rol", "Van", "Tot"],
        [
            [m.user_name, m.organisation_name, label(m.team_role), m.from_date, m.to_date]
            for m in trajectory.team
        ],
        widths=[1.6, 1.8, 1.5, 1, 1],
    )
    _work_floor(doc, trajectory)
    _progress(doc, trajectory)
    _employment(doc, trajectory)
    _notes(doc, trajectory)


def _work_floor(doc: PdfDocument, trajectory: TrajectoryExport) -> None:
    doc.subsection("Plaatsingen")
    doc.table(
        ["Werkvloer", "Van", "Tot", "u/week", "Halve dagen", "Begeleider", "Overeenkomst"],
        [
            [
                p.work_floor,
                p.start_date,
                p.end_date,
                p.planned_hours_per_week,
                p.planned_half_days_per_week,
                _who(p.coach),
                p.agreement_reference,
            ]
            for p in trajectory.placements
        ],
        widths=[1.4, 1.1, 1.1, 0.8, 0.9, 1.5, 1.5],
    )
    doc.subsection("Aanwezigheden")
    doc.table(
        ["Werkvloer", "Datum", "Dagdeel", "Status", "Uren", "Reden"],
        [
            [
                p.work_floor,
                mark.date,
                label(mark.half_day),
                label(mark.status),
                mark.hours,
                mark.reason,
            ]
            for p in trajectory.placements
            for mark in p.attendance
        ],
        widths=[1.5, 1, 1, 1.3, 0.6, 2],
    )


def _progress(doc: PdfDocument, trajectory: TrajectoryExport) -> None:
    doc.subsection("Voortgangsverslagen")
    if not trajectory.progress_logs:
        doc.muted("Geen gegevens.")
    for log in trajectory.progress_logs:
        doc.muted(f"{display(log.logged_on)} · {_who(log.author)}")
        if log.scores:
            doc.table(
                ["Competentie", "Score"],
                [
                    [s.item_name or s.item_code, SCORES.get(s.score or 0, "niet geobserveerd")]
                    for s in log.scores
                ],
                widths=[2, 1.5],
            )
        if log.text:
            doc.text(log.text)
    doc.subsection("Doelen")
    doc.table(
        ["Domein", "Doel", "Trekker", "Uiterlijk", "Status", "Evaluatie"],
        [
            [
                label(g.domain),
                g.description,
                _who(g.owner),
                g.due_on,
                label(g.status),
                g.evaluation,
            ]
            for g in trajectory.goals
        ],
        widths=[0.9, 1.8, 1.6, 1.1, 0.8, 1.8],
    )
    doc.subsection("Activeringsbegeleiding")
    doc.table(
        ["Datum", "Onderdeel", "Aanbieder", "Minuten", "Verslag"],
        [
            [s.held_on, label(s.component), s.provider, s.minutes, s.report]
            for s in trajectory.activation_sessions
        ],
        widths=[1, 1.2, 1.2, 0.9, 3.2],
    )


def _employment(doc: PdfDocument, trajectory: TrajectoryExport) -> None:
    doc.subsection("Stages")
    doc.table(
        ["Soort", "Werkgever", "Mentor", "Van", "Tot", "u/week", "Resultaat"],
        [
            [
                label(i.type),
                i.employer,
                i.mentor_name,
                i.start_date,
                i.end_date,
                i.hours_per_week,
                label(i.result) + (f": {i.early_end_reason}" if i.early_end_reason else ""),
            ]
            for i in trajectory.internships
        ],
        widths=[1.6, 1.2, 1.0, 1.1, 1.1, 0.8, 1.4],
    )
    doc.subsection("Contacten met werkgevers")
    doc.table(
        ["Datum", "Werkgever", "Door", "Fysiek", "Doel", "Samenvatting"],
        [
            [
                c.contacted_on,
                c.employer,
                _who(c.staff),
                c.in_person,
                label(c.purpose),
                c.summary,
            ]
            for c in trajectory.employer_contacts
        ],
        widths=[1.1, 1.3, 1.4, 0.9, 1.4, 2.3],
    )
    doc.subsection("Uitstroom")
    outflow = trajectory.outflow
    if outflow is None:
        doc.muted("Geen gegevens.")
    else:
        doc.key_values(
            [
                ("Datum", outflow.date),
                ("Categorie", label(outflow.category)),
                ("Betaald werk", outflow.paid),
                ("Reden", outflow.reason),
            ]
        )
    doc.subsection("Opvolging")
    doc.table(
        ["Gepland op", "Contact op", "Situatie", "u/week", "Bron", "Notitie"],
        [
            [
                f.due_on,
                f.contacted_on,
                label(f.status),
                f.hours_per_week,
                label(f.source),
                f.note,
            ]
            for f in trajectory.follow_ups
        ],
        widths=[1, 1, 1.1, 0.8, 1, 2.5],
    )
    doc.subsection("Financieringsmaanden")
    doc.table(
        ["Maand", "Beslissing", "Toelichting", "Door", "Op"],
        [
            [m.month, label(m.decision), m.comment, _who(m.decided_by), m.decided_at]
            for m in trajectory.funder_months
        ],
        widths=[0.8, 1, 2.5, 1.7, 1.3],
    )


def _notes(doc: PdfDocument, trajectory: TrajectoryExport) -> None:
    doc.subsection("Notities")
    if not trajectory.notes:
        doc.muted("Geen gegevens.")
    for note in trajectory.notes:
        doc.muted(
            f"{display(note.written_on)} · {_who(note.author)} · "
            f"zichtbaar voor: {label(note.visibility)}"
        )
        doc.text(note.body)
    doc.subsection("Noodtoegang (break-the-glass)")
    doc.table(
        ["Wie", "Reden", "Van", "Tot"],
        [
            [_who(g.holder), g.reason, g.started_at, g.expires_at]
            for g in trajectory.break_glass_grants
        ],
        widths=[1.6, 3, 1.2, 1.2],
    )
