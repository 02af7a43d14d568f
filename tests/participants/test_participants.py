from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import Organisation
from app.participants.models import Participant
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

PARTICIPANTS = "/api/v1/participants"
VALID_INSZ = "85073003328"  # 85.07.30-033.28


@pytest.fixture
def org(session: Session) -> Organisation:
    return make_organisation(session, name="De Werkplaats")


@pytest.fixture
def mediator(session: Session, org: Organisation) -> User:
    return make_user(session, org, role=Role.MEDIATOR, bound_by_professional_secrecy=True)


@pytest.fixture
def headers(mediator: User, settings: Settings) -> dict[str, str]:
    return token_headers(mediator, settings)


def body(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "first_name": "Pieter",
        "last_name": "Van den Broeck",
        "birth_date": "1988-04-12",
        "target_groups": ["psychological"],
    }
    values.update(overrides)
    return values


def count(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Participant)) or 0


def test_registering_a_participant_answers_201_with_location_and_etag(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post(PARTICIPANTS, json=body(insz="85.07.30-033.28"), headers=headers)
    assert response.status_code == 201, response.text
    assert response.headers["etag"] == '"1"'
    created = response.json()
    assert created["insz"] == VALID_INSZ
    assert created["target_groups"] == ["psychological"]
    fetched = client.get(response.headers["location"], headers=headers)
    assert fetched.json()["last_name"] == "Van den Broeck"


def test_a_wrong_insz_check_number_is_422_on_insz(
    client: TestClient, headers: dict[str, str], session: Session
) -> None:
    response = client.post(PARTICIPANTS, json=body(insz="85073003329"), headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "insz"
    assert count(session) == 0


def test_insz_of_someone_born_after_2000_validates(
    client: TestClient, headers: dict[str, str]
) -> None:
    base = "050101123"
    check = 97 - int("2" + base) % 97
    response = client.post(
        PARTICIPANTS, json=body(birth_date="2005-01-01", insz=f"{base}{check:02d}"), headers=headers
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("birth_date", "2999-01-01"),
        ("birth_date", "1850-01-01"),
        ("first_name", ""),
        ("first_name", "x" * 101),
        ("email", "not-an-email"),
        ("phone", "call me"),
        ("target_groups", ["martian"]),
        ("referral_source", "oracle"),
        ("organisation_id", "00000000-0000-0000-0000-000000000000"),
        ("created_by", "00000000-0000-0000-0000-000000000000"),
    ],
)
def test_bad_values_are_422_naming_the_field_and_nothing_is_written(
    client: TestClient, headers: dict[str, str], session: Session, field: str, value: object
) -> None:
    response = client.post(PARTICIPANTS, json=body(**{field: value}), headers=headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].startswith(field)
    assert count(session) == 0


def test_same_name_and_birth_date_ignoring_case_accents_and_particles_is_a_likely_duplicate(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    existing = make_participant(
        session, org, first_name="Piëter", last_name="vandenbroeck", birth_date=date(1988, 4, 12)
    )
    # "Van den Broeck" folds to "broeck"; "vandenbroeck" does not: check a real variant.
    make_participant(
        session, org, first_name="PIETER", last_name="van den broeck", birth_date=date(1988, 4, 12)
    )
    response = client.post(PARTICIPANTS, json=body(), headers=headers)
    assert response.status_code == 409
    candidates = response.json()["candidates"]
    assert [c["matched_on"] for c in candidates] == [["name_and_birth_date"]]
    assert candidates[0]["id"] != str(existing.id)
    confirmed = client.post(PARTICIPANTS, json=body(confirm_not_duplicate=True), headers=headers)
    assert confirmed.status_code == 201


def test_duplicates_endpoint_finds_by_insz_and_by_name(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    make_participant(
        session,
        org,
        first_name="Zoë",
        last_name="De Smet",
        birth_date=date(1990, 5, 5),
        insz=VALID_INSZ,
    )
    by_insz = client.get(f"{PARTICIPANTS}/duplicates", params={"insz": VALID_INSZ}, headers=headers)
    assert by_insz.json()[0]["matched_on"] == ["insz"]
    by_name = client.get(
        f"{PARTICIPANTS}/duplicates",
        params={"name": "zoe smet", "birth_date": "1990-05-05"},
        headers=headers,
    )
    assert by_name.json()[0]["matched_on"] == ["name_and_birth_date"]


def test_same_insz_twice_in_one_organisation_is_409(
    client: TestClient, headers: dict[str, str]
) -> None:
    assert client.post(PARTICIPANTS, json=body(insz=VALID_INSZ), headers=headers).status_code == 201
    again = client.post(
        PARTICIPANTS,
        json=body(first_name="Other", insz=VALID_INSZ, confirm_not_duplicate=True),
        headers=headers,
    )
    assert again.status_code == 409
    assert again.json()["errors"][0]["field"] == "insz"


def test_lists_never_show_the_insz_or_contact_details(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    make_participant(session, org, insz=VALID_INSZ, email="a@b.be", phone="0470123456")
    item = client.get(PARTICIPANTS, headers=headers).json()["items"][0]
    assert "insz" not in item and "email" not in item and "phone" not in item


def test_caseload_shows_the_current_trajectory_and_filters_by_phase(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    from app.trajectories.phases import Phase

    a = make_participant(session, org, first_name="Anna", last_name="Aerts")
    b = make_participant(session, org, first_name="Bram", last_name="Bauwens")
    make_trajectory(session, a, phase=Phase.PLACEMENT)
    make_trajectory(session, b, phase=Phase.ACTIVATION)
    listed = client.get(PARTICIPANTS, params={"phase": "placement"}, headers=headers).json()
    assert [i["first_name"] for i in listed["items"]] == ["Anna"]
    assert listed["items"][0]["current_trajectory"]["phase"] == "placement"
    assert (
        client.get(PARTICIPANTS, params={"phase": "nonsense"}, headers=headers).status_code == 422
    )
    assert (
        client.get(PARTICIPANTS, params={"framework": "nope"}, headers=headers).status_code == 422
    )


def test_name_search_ignores_accents_case_order_and_particles(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    make_participant(session, org, first_name="Zoë", last_name="Van den Broeck")
    make_participant(session, org, first_name="Jan", last_name="Peeters")
    for q in ("zoe", "BROECK zoë", "van den broeck"):
        names = [
            i["first_name"]
            for i in client.get(PARTICIPANTS, params={"q": q}, headers=headers).json()["items"]
        ]
        assert names == ["Zoë"], q


def test_participants_of_another_organisation_are_404(
    client: TestClient, headers: dict[str, str], session: Session
) -> None:
    other = make_organisation(session)
    stranger = make_participant(session, other)
    assert client.get(f"{PARTICIPANTS}/{stranger.id}", headers=headers).status_code == 404
    missing = client.get(f"{PARTICIPANTS}/00000000-0000-0000-0000-000000000000", headers=headers)
    assert missing.json() == client.get(f"{PARTICIPANTS}/{stranger.id}", headers=headers).json()
    assert client.get(PARTICIPANTS, headers=headers).json()["total"] == 0


def test_platform_admin_sees_no_case_files(
    client: TestClient, session: Session, org: Organisation, settings: Settings
) -> None:
    admin = make_user(session, org, role=Role.ADMIN, is_platform_admin=True)
    make_participant(session, org)
    response = client.get(PARTICIPANTS, headers=token_headers(admin, settings))
    assert response.status_code == 403
    assert "Voornaam" not in response.text


def test_patch_needs_if_match_and_refuses_a_stale_version(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    participant = make_participant(session, org)
    url = f"{PARTICIPANTS}/{participant.id}"
    assert client.patch(url, json={"preferred_name": "Pit"}, headers=headers).status_code == 428
    ok = client.patch(url, json={"preferred_name": "Pit"}, headers={**headers, "If-Match": '"1"'})
    assert ok.status_code == 200 and ok.headers["etag"] == '"2"'
    stale = client.patch(url, json={"preferred_name": "P"}, headers={**headers, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 2


def test_delete_is_refused_for_someone_with_a_trajectory(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    kept = make_participant(session, org)
    make_trajectory(session, kept)
    gone = make_participant(session, org)
    if_match = {**headers, "If-Match": '"1"'}
    assert client.delete(f"{PARTICIPANTS}/{kept.id}", headers=if_match).status_code == 409
    assert client.delete(f"{PARTICIPANTS}/{gone.id}", headers=if_match).status_code == 204
    assert client.get(f"{PARTICIPANTS}/{gone.id}", headers=headers).status_code == 404


def test_benefits_permissions_and_advice_are_dated_histories(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation
) -> None:
    participant = make_participant(session, org)
    base = f"{PARTICIPANTS}/{participant.id}"
    assert (
        client.post(
            f"{base}/benefit-statuses",
            json={"kind": "leefloon", "valid_from": "2025-01-01"},
            headers=headers,
        ).status_code
        == 201
    )
    wrong_order = client.post(
        f"{base}/benefit-statuses",
        json={"kind": "rva", "valid_from": "2025-02-01", "valid_to": "2025-01-01"},
        headers=headers,
    )
    assert wrong_order.status_code == 422
    assert wrong_order.json()["errors"][0]["field"] == "valid_to"
    assert (
        client.post(
            f"{base}/activity-permissions",
            json={"issued_by": "ocmw", "granted_on": "2025-01-15", "reference": "OCMW-2025-12"},
            headers=headers,
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"{base}/vdab-advices",
            json={"advice": "arbeidszorg", "advised_on": "2024-12-01"},
            headers=headers,
        ).status_code
        == 201
    )
    assert [b["kind"] for b in client.get(f"{base}/benefit-statuses", headers=headers).json()] == [
        "leefloon"
    ]
    assert len(client.get(f"{base}/vdab-advices", headers=headers).json()) == 1


def test_caseload_costs_the_same_number_of_statements_for_5_and_50_participants(
    client: TestClient, headers: dict[str, str], session: Session, org: Organisation, app: object
) -> None:
    from sqlalchemy import event

    engine = app.state.engine  # type: ignore[attr-defined]
    statements: list[str] = []

    def count_statement(*args: object) -> None:
        statements.append(str(args[2]))

    def statements_for_list() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count_statement)
        try:
            assert (
                client.get(PARTICIPANTS, params={"limit": 50}, headers=headers).status_code == 200
            )
        finally:
            event.remove(engine, "before_cursor_execute", count_statement)
        return len(statements)

    for _ in range(5):
        make_trajectory(session, make_participant(session, org))
    small = statements_for_list()
    for _ in range(45):
        make_trajectory(session, make_participant(session, org))
    assert statements_for_list() == small
