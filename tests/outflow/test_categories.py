"""The outflow table of domain.md, kept as data: every row checked against the document."""

from __future__ import annotations

from datetime import date

import pytest

from app.employment.service import add_months
from app.outflow.categories import (
    CATEGORIES,
    COUNTED_CATEGORIES,
    FOLLOW_UP_MONTHS,
    IPS_COMPETITIVE_CATEGORIES,
    PAID_CATEGORIES,
    POSITIVE_CATEGORIES,
    Outcome,
    OutflowCategory,
    info,
)

C = OutflowCategory

# (code, paid?, IPS competitive?) exactly as the table in domain.md says.
DOMAIN_TABLE = [
    (C.REGULAR_JOB, "yes", True),
    (C.REGULAR_JOB_SUPPORTED, "yes", True),
    (C.SELF_EMPLOYED, "yes", True),
    (C.TEMP_AGENCY, "yes", True),
    (C.COLLECTIVE_MAATWERK, "yes", False),
    (C.LOCAL_SERVICE_ECONOMY, "yes", False),
    (C.TEMPORARY_WORK_EXPERIENCE, "yes", False),
    (C.IBO, "step", False),
    (C.TRAINING, "no (positive)", False),
    (C.WORK_EXPERIENCE_INTERNSHIP, "no (step)", False),
    (C.AMA_SOCIAL_ECONOMY, "no", False),
    (C.AMA_WELFARE, "no", False),
    (C.VOLUNTEERING, "no", False),
    (C.BACK_TO_CARE, "no", False),
    (C.DROP_OUT, "no", False),
    (C.MOVED, "left out of rates", None),
    (C.DECEASED, "left out of rates", None),
    (C.UNKNOWN, "left out of rates", None),
]


def test_every_category_code_has_exactly_one_row() -> None:
    assert set(CATEGORIES) == set(OutflowCategory)
    assert [row[0] for row in DOMAIN_TABLE] == list(OutflowCategory)


def test_the_18_codes_of_the_api_are_the_domain_table() -> None:
    assert [c.value for c in OutflowCategory] == [
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


@pytest.mark.parametrize(("code", "paid", "competitive"), DOMAIN_TABLE)
def test_category_matches_the_domain_table(code: C, paid: str, competitive: bool | None) -> None:
    row = info(code)

    assert row.paid is (paid == "yes")
    assert row.ips_competitive is competitive
    assert row.counted_in_rates is (paid != "left out of rates")


def test_funders_count_maatwerk_as_doorstroom_but_ips_does_not() -> None:
    assert C.COLLECTIVE_MAATWERK in PAID_CATEGORIES
    assert C.COLLECTIVE_MAATWERK not in IPS_COMPETITIVE_CATEGORIES


def test_ips_competitive_is_a_subset_of_paid() -> None:
    assert IPS_COMPETITIVE_CATEGORIES < PAID_CATEGORIES


def test_moved_deceased_and_unknown_are_left_out_of_rates() -> None:
    assert set(OutflowCategory) - COUNTED_CATEGORIES == {C.MOVED, C.DECEASED, C.UNKNOWN}


def test_positive_exits_are_paid_work_steps_and_training() -> None:
    assert PAID_CATEGORIES < POSITIVE_CATEGORIES
    assert {C.IBO, C.WORK_EXPERIENCE_INTERNSHIP, C.TRAINING} == (
        POSITIVE_CATEGORIES - PAID_CATEGORIES
    )
    assert info(C.IBO).outcome is Outcome.STEP
    assert info(C.TRAINING).outcome is Outcome.POSITIVE


def test_drop_out_and_back_to_care_are_neither_paid_nor_positive() -> None:
    for code in (C.DROP_OUT, C.BACK_TO_CARE, C.AMA_WELFARE, C.VOLUNTEERING):
        assert not info(code).paid
        assert not info(code).positive
        assert info(code).counted_in_rates


def test_only_paid_categories_require_a_job() -> None:
    assert {c for c, row in CATEGORIES.items() if row.requires_job} == PAID_CATEGORIES


def test_ibo_may_link_an_internship_but_a_paid_job_may_not() -> None:
    assert info(C.IBO).may_link_internship
    assert not info(C.REGULAR_JOB).may_link_internship


def test_every_category_has_a_dutch_label() -> None:
    assert all(row.label_nl for row in CATEGORIES.values())


def test_follow_ups_are_at_three_six_and_twelve_months() -> None:
    assert FOLLOW_UP_MONTHS == (3, 6, 12)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 15), 3, date(2025, 4, 15)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 3, 31), 12, date(2026, 3, 31)),
        (date(2025, 12, 1), 1, date(2026, 1, 1)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_months_last(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected
