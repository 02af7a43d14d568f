from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.employment.models import Employer
from app.organisations.models import Organisation
from tests.employment.conftest import PROBLEM_JSON, Auth, error_fields, if_match
from tests.factories.employment import make_employer
from tests.factories.users import make_user

EMPLOYERS = "/api/v1/employers"


def employer_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Employer)) or 0


def test_mediator_registers_an_employer_for_own_organisation(
    client: TestClient, auth: Auth, mediator: User, home: Organisation
) -> None:
    response = client.post(
        EMPLOYERS,
        json={
            "name": "Bakkerij Zoë",
            "kbo_number": "0123.456.749",
            "sector": "Voeding",
            "municipality": "Gent",
            "contact_name": "An Peeters",
            "contact_email": "an@bakkerij-zoe.be",
            "contact_phone": "09 123 45 67",
        },
        headers=auth(mediator),
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert body["organisation_id"] == str(home.id)
    assert body["kbo_number"] == "0123456749"
    assert response.headers["Location"] == f"{EMPLOYERS}/{body['id']}"
    assert response.headers["ETag"] == f'"{body["version"]}"'


def test_organisation_comes_from_the_caller_never_from_the_body(
    client: TestClient, auth: Auth, mediator: User, elsewhere: Organisation
) -> None:
    response = client.post(
        EMPLOYERS,
        json={"name": "Garage", "organisation_id": str(elsewhere.id)},
        headers=auth(mediator),
    )

    assert response.status_code == 422
    assert "organisation_id" in error_fields(response)


def test_wrong_kbo_check_number_is_422_on_kbo_number(
    client: TestClient, auth: Auth, mediator: User, session: Session
) -> None:
    response = client.post(
        EMPLOYERS, json={"name": "Garage", "kbo_number": "0123.456.748"}, headers=auth(mediator)
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert error_fields(response) == {"kbo_number"}
    assert employer_count(session) == 0


def test_same_kbo_number_twice_in_one_organisation_is_409(
    client: TestClient, auth: Auth, mediator: User, session: Session, home: Organisation
) -> None:
    make_employer(session, home, kbo_number="0123456749")

    response = client.post(
        EMPLOYERS, json={"name": "Dubbel", "kbo_number": "0123456749"}, headers=auth(mediator)
    )

    assert response.status_code == 409
    assert error_fields(response) == {"kbo_number"}


def test_two_organisations_may_each_register_the_same_employer(
    client: TestClient, auth: Auth, mediator: User, session: Session, elsewhere: Organisation
) -> None:
    make_employer(session, elsewhere, kbo_number="0123456749")

    response = client.post(
        EMPLOYERS, json={"name": "Zelfde", "kbo_number": "0123456749"}, headers=auth(mediator)
    )

    assert response.status_code == 201


def test_list_shows_only_own_organisations_employers_searched_without_accents(
    client: TestClient,
    auth: Auth,
    mediator: User,
    session: Session,
    home: Organisation,
    elsewhere: Organisation,
) -> None:
    make_employer(session, home, name="Bakkerij Zoë")
    make_employer(session, home, name="Garage Noël")
    make_employer(session, elsewhere, name="Bakkerij Elders")

    everything = client.get(EMPLOYERS, headers=auth(mediator))
    searched = client.get(EMPLOYERS, params={"q": "ZOE"}, headers=auth(mediator))

    assert [e["name"] for e in everything.json()["items"]] == ["Bakkerij Zoë", "Garage Noël"]
    assert everything.json()["total"] == 2
    assert [e["name"] for e in searched.json()["items"]] == ["Bakkerij Zoë"]


def test_employer_list_pages_with_a_cursor(
    client: TestClient, auth: Auth, mediator: User, session: Session, home: Organisation
) -> None:
    for name in ("A", "B", "C"):
        make_employer(session, home, name=name)

    first = client.get(EMPLOYERS, params={"limit": 2}, headers=auth(mediator)).json()
    second = client.get(
        EMPLOYERS, params={"limit": 2, "cursor": first["next_cursor"]}, headers=auth(mediator)
    ).json()

    assert [e["name"] for e in first["items"] + second["items"]] == ["A", "B", "C"]
    assert second["next_cursor"] is None


def test_unknown_sort_field_is_422(client: TestClient, auth: Auth, mediator: User) -> None:
    response = client.get(EMPLOYERS, params={"sort": "kbo_number"}, headers=auth(mediator))

    assert response.status_code == 422
    assert error_fields(response) == {"sort"}


def test_another_organisations_employer_is_404(
    client: TestClient, auth: Auth, outsider: User, employer: Employer
) -> None:
    url = f"{EMPLOYERS}/{employer.id}"

    read = client.get(url, headers=auth(outsider))
    patch = client.patch(url, json={"name": "X"}, headers={**auth(outsider), **if_match(1)})

    assert (read.status_code, patch.status_code) == (404, 404)


def test_manager_reads_employers_but_may_not_change_them(
    client: TestClient, auth: Auth, manager: User, employer: Employer
) -> None:
    url = f"{EMPLOYERS}/{employer.id}"
    read = client.get(url, headers=auth(manager))

    patch = client.patch(url, json={"name": "X"}, headers={**auth(manager), **if_match(read)})
    post = client.post(EMPLOYERS, json={"name": "Nieuw"}, headers=auth(manager))

    assert read.status_code == 200
    assert (patch.status_code, post.status_code) == (403, 403)


def test_organisation_admin_is_no_case_worker_and_gets_403_on_create(
    client: TestClient, auth: Auth, session: Session, home: Organisation
) -> None:
    admin = make_user(session, home, role=Role.ADMIN)

    response = client.post(EMPLOYERS, json={"name": "Nieuw"}, headers=auth(admin))

    assert response.status_code == 403


def test_patch_changes_fields_and_moves_the_version(
    client: TestClient, auth: Auth, mediator: User, employer: Employer
) -> None:
    url = f"{EMPLOYERS}/{employer.id}"
    read = client.get(url, headers=auth(mediator))

    response = client.patch(
        url,
        json={"sector": "Horeca", "contact_phone": None},
        headers={**auth(mediator), **if_match(read)},
    )

    assert response.status_code == 200, response.text
    assert response.json()["sector"] == "Horeca"
    assert response.json()["version"] == read.json()["version"] + 1
    assert response.headers["ETag"] == f'"{response.json()["version"]}"'


def test_patch_cannot_empty_the_name(
    client: TestClient, auth: Auth, mediator: User, employer: Employer
) -> None:
    response = client.patch(
        f"{EMPLOYERS}/{employer.id}",
        json={"name": None},
        headers={**auth(mediator), **if_match(employer.version)},
    )

    assert response.status_code == 422
    assert error_fields(response) == {"name"}


def test_patch_without_if_match_is_428_and_with_a_stale_one_412(
    client: TestClient, auth: Auth, mediator: User, employer: Employer
) -> None:
    url = f"{EMPLOYERS}/{employer.id}"

    missing = client.patch(url, json={"sector": "Bouw"}, headers=auth(mediator))
    stale = client.patch(
        url, json={"sector": "Bouw"}, headers={**auth(mediator), **if_match(employer.version + 5)}
    )

    assert missing.status_code == 428
    assert stale.status_code == 412
    assert stale.json()["current_version"] == employer.version
