from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.auth.models import Role
from app.core.config import Settings
from app.idempotency.models import IdempotencyKey
from app.notes.models import Note
from app.organisations.models import Organisation
from app.participants.models import Participant
from app.retention.models import Erasure
from app.retention.service import ERASED_NAME, ERASED_TEXT, pseudonym_of
from app.trajectories.models import Trajectory
from tests.clock import today
from tests.factories.case_files import add_team_member, make_participant
from tests.factories.consents import give_consent
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.retention.support import (
    API,
    EMAIL,
    FIRST,
    INSZ,
    LAST,
    canary_hits,
    erasure_url,
    figures,
    make_canary,
    make_case_file,
)

REASON = {"reason": "Verzoek per brief van 20 november, dossier AVG-2026-014"}


def closed_on() -> date:
    return today() - timedelta(days=30)


@pytest.fixture
def owner(session: Session) -> Organisation:
    return make_organisation(session, name="Werkplaats Eigenaar")


def test_erasure_leaves_no_name_insz_or_email_in_any_table(
    client: TestClient, session: Session, engine: Engine, settings: Settings, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=closed_on())
    admin = make_user(session, owner, role=Role.ADMIN)
    before = canary_hits(engine)
    # Every kind of record the case file holds carried the person, so the scan can see them.
    assert {table for table, _ in before} >= {
        "participants",
        "notes",
        "progress_logs",
        "goals",
        "activation_sessions",
        "attendances",
        "placements",
        "phase_changes",
        "status_changes",
        "trajectories",
        "internships",
        "jobs",
        "outflows",
        "follow_ups",
        "employer_contacts",
        "funder_months",
        "break_glass_grants",
        "consents",
        "activity_permissions",
        "participant_changes",
    }

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 200, response.text
    assert canary_hits(engine) == set()
    body = response.json()
    assert body["participant_id"] == str(case.participant.id)
    assert body["trajectories"] == 1
    assert all(body["rows"][data_class] > 0 for data_class in ("care", "work", "contact"))
    session.expire_all()
    erased = session.get(Participant, case.participant.id)
    assert erased is not None
    assert (erased.first_name, erased.last_name) == (ERASED_NAME, pseudonym_of(erased.id))
    assert erased.birth_date == date(1993, 1, 1)
    assert erased.name_key == "gewist " + pseudonym_of(erased.id)
    assert erased.erased_at is not None
    assert {note.body for note in session.scalars(select(Note))} == {ERASED_TEXT}
    trajectory = session.get(Trajectory, case.trajectory.id)
    assert trajectory is not None and trajectory.anonymised_at is not None


def test_erasure_keeps_every_figure(
    client: TestClient, session: Session, settings: Settings, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=closed_on())
    admin = make_user(session, owner, role=Role.ADMIN)
    before = figures(session, case.participant.id)

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 200, response.text
    assert figures(session, case.participant.id) == before


def test_erasure_leaves_other_participants_alone(
    client: TestClient, session: Session, engine: Engine, settings: Settings, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=closed_on())
    other = make_canary(
        session, owner, first_name="Merel", last_name="Zwaluw", insz=None, email=None, phone=None
    )
    make_case_file(session, owner, other, closed_on=closed_on())
    admin = make_user(session, owner, role=Role.ADMIN)
    before = canary_hits(engine, ("Merel", "Zwaluw"))

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 200, response.text
    assert canary_hits(engine, ("Merel", "Zwaluw")) == before
    assert {("participants", "first_name"), ("notes", "body")} < before


def test_erasure_is_recorded_in_the_table_the_ledger_and_the_audit_trail(
    client: TestClient,
    session: Session,
    settings: Settings,
    owner: Organisation,
    ledger_path: Path,
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=closed_on())
    admin = make_user(session, owner, role=Role.ADMIN)

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 200, response.text
    erasure = session.scalars(select(Erasure)).one()
    assert (erasure.participant_id, erasure.requested_by) == (case.participant.id, admin.id)
    assert erasure.reason == REASON["reason"]
    (line,) = ledger_path.read_text().splitlines()
    assert json.loads(line) == {
        "erasure_id": str(erasure.id),
        "participant_id": str(case.participant.id),
        "organisation_id": str(owner.id),
        "requested_by": str(admin.id),
        "erased_at": erasure.requested_at.isoformat(),
    }
    event = session.scalars(select(AuditEvent).where(AuditEvent.user_id == admin.id)).one()
    assert event.participant_id == case.participant.id
    assert event.route == "/api/v1/participants/{participant_id}/erasure"
    assert event.status_code == 200


def test_a_participant_with_an_open_trajectory_is_not_erased(
    client: TestClient, session: Session, engine: Engine, settings: Settings, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=None)
    admin = make_user(session, owner, role=Role.ADMIN)

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 409
    assert "close them first" in response.json()["detail"]
    assert response.json()["open_trajectories"] == 1
    assert ("participants", "first_name") in canary_hits(engine)


def test_a_second_erasure_is_a_conflict(
    client: TestClient, session: Session, settings: Settings, owner: Organisation
) -> None:
    participant = make_canary(session, owner)
    headers = token_headers(make_user(session, owner, role=Role.ADMIN), settings)
    assert client.post(erasure_url(participant.id), json=REASON, headers=headers).status_code == 200

    again = client.post(erasure_url(participant.id), json=REASON, headers=headers)

    assert again.status_code == 409
    assert "was erased on" in again.json()["detail"]


@pytest.mark.parametrize(
    "reason",
    [
        f"Vraag van {FIRST} zelf, per brief",
        f"Brief van mevrouw {LAST.lower()}",
        f"Rijksregister {INSZ[:6]}-{INSZ[6:9]}.{INSZ[9:]}",
        f"Mail van {EMAIL.upper()}",
    ],
)
def test_a_reason_that_names_the_person_is_refused(
    client: TestClient, session: Session, settings: Settings, owner: Organisation, reason: str
) -> None:
    participant = make_canary(session, owner)
    admin = make_user(session, owner, role=Role.ADMIN)

    response = client.post(
        erasure_url(participant.id), json={"reason": reason}, headers=token_headers(admin, settings)
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reason"


@pytest.mark.parametrize("body", [{}, {"reason": "kort"}, {"reason": "x" * 1001}])
def test_a_missing_or_unfit_reason_is_a_422(
    client: TestClient, session: Session, settings: Settings, owner: Organisation, body: dict
) -> None:
    participant = make_canary(session, owner)
    admin = make_user(session, owner, role=Role.ADMIN)

    response = client.post(
        erasure_url(participant.id), json=body, headers=token_headers(admin, settings)
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "reason"


@pytest.mark.parametrize("who", ["other_admin", "stranger", "platform_admin", "coach"])
def test_callers_who_cannot_see_the_participant_get_404(
    client: TestClient, session: Session, settings: Settings, owner: Organisation, who: str
) -> None:
    participant = make_canary(session, owner)
    elsewhere = make_organisation(session, name="Elders")
    callers = {
        "other_admin": make_user(session, elsewhere, role=Role.ADMIN),
        "stranger": make_user(session, elsewhere, role=Role.MEDIATOR),
        "platform_admin": make_user(session, elsewhere, role=Role.ADMIN, is_platform_admin=True),
        "coach": make_user(session, owner, role=Role.COACH),  # not placed, not on the team
    }

    response = client.post(
        erasure_url(participant.id), json=REASON, headers=token_headers(callers[who], settings)
    )

    assert response.status_code == 404
    missing = client.post(
        erasure_url(uuid.uuid4()),
        json=REASON,
        headers=token_headers(callers[who], settings),
    )
    assert missing.json()["detail"] == response.json()["detail"]


@pytest.mark.parametrize("role", [Role.MEDIATOR, Role.MANAGER, Role.COUNSELLOR])
def test_staff_who_see_the_participant_but_are_not_their_admin_get_403(
    client: TestClient, session: Session, settings: Settings, owner: Organisation, role: Role
) -> None:
    participant = make_canary(session, owner)
    staff = make_user(session, owner, role=role)

    response = client.post(
        erasure_url(participant.id), json=REASON, headers=token_headers(staff, settings)
    )

    assert response.status_code == 403


def test_a_team_member_of_another_organisation_gets_403(
    client: TestClient, session: Session, settings: Settings, owner: Organisation
) -> None:
    case = make_case_file(session, owner, make_canary(session, owner), closed_on=None)
    gtb = make_organisation(session, name="GTB")
    mediator = make_user(session, gtb, role=Role.MEDIATOR)
    add_team_member(session, case.trajectory, mediator)
    give_consent(session, case.participant, gtb)

    response = client.post(
        erasure_url(case.participant.id), json=REASON, headers=token_headers(mediator, settings)
    )

    assert response.status_code == 403


def test_stored_idempotent_answers_that_show_the_person_are_purged(
    client: TestClient, session: Session, engine: Engine, settings: Settings, owner: Organisation
) -> None:
    mediator = make_user(session, owner, role=Role.MEDIATOR)
    headers = token_headers(mediator, settings)
    registered = client.post(
        f"{API}/participants",
        json={"first_name": FIRST, "last_name": LAST, "birth_date": "1993-05-18"},
        headers={**headers, "Idempotency-Key": "register-canary"},
    )
    assert registered.status_code == 201, registered.text
    bystander = client.post(
        f"{API}/participants",
        json={"first_name": "Merel", "last_name": "Zwaluw", "birth_date": "1990-02-02"},
        headers={**headers, "Idempotency-Key": "register-bystander"},
    )
    assert bystander.status_code == 201, bystander.text
    assert ("idempotency_keys", "response_body") in canary_hits(engine)
    admin = make_user(session, owner, role=Role.ADMIN)

    response = client.post(
        erasure_url(registered.json()["id"]), json=REASON, headers=token_headers(admin, settings)
    )

    assert response.status_code == 200, response.text
    assert response.json()["stored_answers_purged"] == 1
    assert canary_hits(engine) == set()
    keys = session.scalars(select(IdempotencyKey.key).where(IdempotencyKey.user_id == mediator.id))
    assert set(keys) == {"register-bystander"}


def test_a_participant_registered_elsewhere_is_erased_by_that_organisation_only(
    client: TestClient, session: Session, settings: Settings, owner: Organisation
) -> None:
    """A trajectory of another organisation does not make its admin the controller."""
    participant = make_participant(session, owner)
    ggz = make_organisation(session, name="CGG")
    session.add(
        Trajectory(
            participant_id=participant.id,
            organisation_id=ggz.id,
            framework_code="ama_welfare",
            phase="intake",
            status="closed",
            referred_on=closed_on() - timedelta(days=10),
            closed_on=closed_on(),
            phase_since=closed_on() - timedelta(days=10),
        )
    )
    session.commit()
    ggz_admin = make_user(session, ggz, role=Role.ADMIN)

    response = client.post(
        erasure_url(participant.id), json=REASON, headers=token_headers(ggz_admin, settings)
    )

    assert response.status_code == 404
