"""The outflow categories of domain.md as data: read by the outflow rules and by the reports.

Flemish funders count every paid category as doorstroom (a move into a maatwerkbedrijf too);
IPS counts only competitive employment. Reports show both, so each category carries both flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OutflowCategory(StrEnum):
    REGULAR_JOB = "regular_job"
    REGULAR_JOB_SUPPORTED = "regular_job_supported"
    SELF_EMPLOYED = "self_employed"
    TEMP_AGENCY = "temp_agency"
    COLLECTIVE_MAATWERK = "collective_maatwerk"
    LOCAL_SERVICE_ECONOMY = "local_service_economy"
    TEMPORARY_WORK_EXPERIENCE = "temporary_work_experience"
    IBO = "ibo"
    TRAINING = "training"
    WORK_EXPERIENCE_INTERNSHIP = "work_experience_internship"
    AMA_SOCIAL_ECONOMY = "ama_social_economy"
    AMA_WELFARE = "ama_welfare"
    VOLUNTEERING = "volunteering"
    BACK_TO_CARE = "back_to_care"
    DROP_OUT = "drop_out"
    MOVED = "moved"
    DECEASED = "deceased"
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    """The "paid?" column of domain.md."""

    PAID = "paid"  # yes
    STEP = "step"  # a step toward paid work (ibo, work-experience internship)
    POSITIVE = "positive"  # not paid, but a positive exit (training)
    NOT_PAID = "not_paid"  # no
    LEFT_OUT = "left_out"  # left out of every rate (moved, deceased, unknown)


@dataclass(frozen=True)
class CategoryInfo:
    code: OutflowCategory
    outcome: Outcome
    ips_competitive: bool | None  # None: the category is left out of rates altogether
    label_nl: str
    may_link_internship: bool = False

    @property
    def paid(self) -> bool:
        return self.outcome is Outcome.PAID

    @property
    def counted_in_rates(self) -> bool:
        return self.outcome is not Outcome.LEFT_OUT

    @property
    def positive(self) -> bool:
        """Counted in the positive-exit rate: paid work, a step toward it, or training."""
        return self.outcome in (Outcome.PAID, Outcome.STEP, Outcome.POSITIVE)

    @property
    def requires_job(self) -> bool:
        # A paid exit is only credible with the job it went to; follow-ups are about that job.
        return self.paid


C, Out = OutflowCategory, Outcome

CATEGORIES: dict[OutflowCategory, CategoryInfo] = {
    info.code: info
    for info in (
        CategoryInfo(C.REGULAR_JOB, Out.PAID, True, "Reguliere job"),
        CategoryInfo(C.REGULAR_JOB_SUPPORTED, Out.PAID, True, "Reguliere job met ondersteuning"),
        CategoryInfo(C.SELF_EMPLOYED, Out.PAID, True, "Zelfstandige"),
        CategoryInfo(C.TEMP_AGENCY, Out.PAID, True, "Interim"),
        CategoryInfo(C.COLLECTIVE_MAATWERK, Out.PAID, False, "Collectief maatwerk"),
        CategoryInfo(C.LOCAL_SERVICE_ECONOMY, Out.PAID, False, "Lokale diensteneconomie"),
        CategoryInfo(C.TEMPORARY_WORK_EXPERIENCE, Out.PAID, False, "Tijdelijke werkervaring"),
        CategoryInfo(C.IBO, Out.STEP, False, "IBO", may_link_internship=True),
        CategoryInfo(C.TRAINING, Out.POSITIVE, False, "Opleiding", may_link_internship=True),
        CategoryInfo(
            C.WORK_EXPERIENCE_INTERNSHIP,
            Out.STEP,
            False,
            "Werkervaringsstage",
            may_link_internship=True,
        ),
        CategoryInfo(C.AMA_SOCIAL_ECONOMY, Out.NOT_PAID, False, "AMA in de sociale economie"),
        CategoryInfo(C.AMA_WELFARE, Out.NOT_PAID, False, "AMA welzijn"),
        CategoryInfo(C.VOLUNTEERING, Out.NOT_PAID, False, "Vrijwilligerswerk"),
        CategoryInfo(C.BACK_TO_CARE, Out.NOT_PAID, False, "Terug naar zorg"),
        CategoryInfo(C.DROP_OUT, Out.NOT_PAID, False, "Afgehaakt"),
        CategoryInfo(C.MOVED, Out.LEFT_OUT, None, "Verhuisd"),
        CategoryInfo(C.DECEASED, Out.LEFT_OUT, None, "Overleden"),
        CategoryInfo(C.UNKNOWN, Out.LEFT_OUT, None, "Onbekend"),
    )
}


def info(category: OutflowCategory) -> CategoryInfo:
    return CATEGORIES[category]


PAID_CATEGORIES = frozenset(c for c, i in CATEGORIES.items() if i.paid)
IPS_COMPETITIVE_CATEGORIES = frozenset(c for c, i in CATEGORIES.items() if i.ips_competitive)
COUNTED_CATEGORIES = frozenset(c for c, i in CATEGORIES.items() if i.counted_in_rates)
POSITIVE_CATEGORIES = frozenset(c for c, i in CATEGORIES.items() if i.positive)

# Follow-ups after a paid outflow (nazorg), in months after the outflow date.
FOLLOW_UP_MONTHS = (3, 6, 12)
