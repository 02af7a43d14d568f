from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app.cli import cli
from app.core import config
from app.core.config import Settings
from app.core.dates import add_months
from app.notes.models import Note, Visibility
from app.organisations.models import Organisation
from app.participants.models import Participant, ParticipantChange
from app.progress.models import ProgressLog
from app.retention.service import ERASED_NAME, ERASED_TEXT
from app.trajectories.models import Trajectory
from tests.factories.case_files import make_participant
from tests.factories.organisations import make_organisation
from tests.retention.support import (
    EMAIL,
    FIRST,
    LAST,
    canary_hits,
    figures,
    make_canary,
    make_case_file,
    snapshot,
)

runner = CliRunner()
CLOSED_ON = date(2025, 3, 10)
LINE = re.compile(r"^\s+(\w+)\s+(\d+) months \(before ([\d-]+)\): (\d+) (\w+), (\d+) rows$")


def run_retention(today: date, *extra: str) -> dict[str, tuple[int, int]]:
    """`werkpad retention --today …`: per data class, (trajectories or participants, rows)."""
    result = runner.invoke(cli, ["retention", "--today", today.isoformat(), *extra])
    assert result.exit_code == 0, result.output
    counts = {}
    for line in result.output.splitlines()[1:]:
        found = LINE.match(line)
        assert found, line
        counts[found[1]] = (int(found[4]), int(found[6]))
    assert list(counts) == ["care", "contact", "work", "identity"]
    return counts


@pytest.fixture
def owner(session: Session) -> Organisation:
    return make_organisation(session, name="Werkplaats Eigenaar")


def record_history(session: Session) -> dict[str, tuple[str | None, str | None]]:
    session.expire_all()
    changes = session.scalars(select(ParticipantChange))
    return {change.field: (change.old_value, change.new_value) for change in changes}


def note_bodies(session: Session) -> dict[Visibility, str]:
    session.expire_all()
    return {note.visibility: note.body for note in session.scalars(select(Note))}


def test_each_class_goes_when_its_period_is_over(
    cli_env: str, session: Session, engine: Engine, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=CLOSED_ON)
    before = figures(session, case.participant.id)

    assert run_retention(date(2026, 3, 10)) == {
        "care": (0, 0),
        "contact": (0, 0),
        "work": (0, 0),
        "identity": (0, 0),
    }
    care = run_retention(date(2026, 3, 11))  # twelve months and a day after the closing
    assert care["care"][0] == 1 and care["care"][1] > 0
    assert care["contact"] == care["work"] == care["identity"] == (0, 0)
    bodies = note_bodies(session)
    assert bodies[Visibility.CARE_SHARED] == bodies[Visibility.CARE_INTERNAL] == ERASED_TEXT
    assert FIRST in bodies[Visibility.TEAM]
    assert FIRST in (session.scalar(select(ProgressLog.text)) or "")

    contact = run_retention(date(2027, 3, 11))
    assert contact["contact"] == (1, 2)  # the record, and the history of its e-mail address
    session.expire_all()
    participant = session.get(Participant, case.participant.id)
    assert participant is not None
    assert (participant.email, participant.phone, participant.address) == (None, None, None)
    assert participant.first_name == FIRST
    assert record_history(session) == {"email": (None, None), "last_name": (f"{LAST}-Oud", LAST)}

    rest = run_retention(date(2032, 3, 11))
    assert rest["work"][0] == 1 and rest["identity"][0] == 1
    assert canary_hits(engine) == set()
    assert figures(session, case.participant.id) == before
    trajectory = session.get(Trajectory, case.trajectory.id)
    assert trajectory is not None and trajectory.anonymised_at is not None
    assert participant.erased_at is None  # retention, not an erasure on request


def test_a_second_run_finds_nothing(cli_env: str, session: Session, owner: Organisation) -> None:
    make_case_file(session, owner, make_canary(session, owner), closed_on=CLOSED_ON)
    first = run_retention(date(2040, 1, 1))
    assert all(subjects == 1 for subjects, _ in first.values())

    again = run_retention(date(2040, 1, 1))

    assert set(again.values()) == {(0, 0)}


def test_a_dry_run_counts_the_same_and_changes_nothing(
    cli_env: str, session: Session, engine: Engine, owner: Organisation
) -> None:
    make_case_file(session, owner, make_canary(session, owner), closed_on=CLOSED_ON)
    stored = snapshot(engine)

    dry = run_retention(date(2040, 1, 1), "--dry-run")

    assert snapshot(engine) == stored
    assert run_retention(date(2040, 1, 1)) == dry
    assert snapshot(engine) != stored


def test_nothing_of_a_person_with_an_open_trajectory_goes(
    cli_env: str, session: Session, engine: Engine, owner: Organisation
) -> None:
    old = make_case_file(session, owner, make_canary(session, owner), closed_on=CLOSED_ON)
    # Their earlier trajectory is long closed, but they are back: contact and identity stay.
    make_case_file(session, owner, old.participant, closed_on=None)
    stored = canary_hits(engine)

    counts = run_retention(date(2040, 1, 1))

    assert counts["contact"] == counts["identity"] == (0, 0)
    assert counts["care"][0] == counts["work"][0] == 1  # the closed one only
    session.expire_all()
    participant = session.get(Participant, old.participant.id)
    assert participant is not None
    assert (participant.first_name, participant.email) == (FIRST, EMAIL)
    remaining = canary_hits(engine)
    assert ("notes", "body") in remaining
    assert remaining <= stored


def test_a_registration_without_trajectory_counts_from_its_creation(
    cli_env: str, session: Session, owner: Organisation
) -> None:
    participant = make_participant(session, owner, email="iemand@example.org")
    registered = participant.created_at.date()

    assert run_retention(add_months(registered, 24))["contact"] == (0, 0)
    assert run_retention(add_months(registered, 24) + timedelta(days=1))["contact"] == (1, 1)
    assert run_retention(add_months(registered, 85))["identity"] == (1, 1)
    session.expire_all()
    assert session.scalar(select(Participant.first_name)) == ERASED_NAME


def test_periods_come_from_the_environment(
    cli_env: str, session: Session, owner: Organisation, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_case_file(session, owner, make_canary(session, owner), closed_on=CLOSED_ON)
    monkeypatch.setenv("WERKPAD_RETENTION_CARE_MONTHS", "3")
    config.get_settings.cache_clear()

    counts = run_retention(date(2025, 6, 11))

    assert counts["care"][0] == 1


def test_identity_may_not_go_before_the_texts_that_name_the_person() -> None:
    with pytest.raises(ValidationError, match="RETENTION_IDENTITY_MONTHS"):
        Settings(secret_key="x" * 40, retention_work_months=120, retention_identity_months=84)
