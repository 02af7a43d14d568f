from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.organisations.models import Organisation
from tests.factories.progress import make_competence_item
from tests.progress.support import API, Auth

DEFAULT_CODES = [
    "punctuality",
    "keeping_agreements",
    "following_instructions",
    "pace",
    "quality",
    "independence",
    "teamwork",
    "handling_feedback",
    "communicating_with_supervisor",
    "safety_and_hygiene",
    "stamina_in_hours",
    "flexibility",
]


def test_organisation_without_own_items_gets_the_twelve_default_items(
    client: TestClient, auth: Auth, coach: User
) -> None:
    response = client.get(f"{API}/competence-items", headers=auth(coach))

    assert response.status_code == 200
    items = response.json()
    assert [item["code"] for item in items] == DEFAULT_CODES
    assert items[0]["name_nl"] == "Stiptheid"
    assert items[8]["name_nl"] == "Communicatie met de begeleider"
    assert items[9]["name_nl"] == "Veiligheid en hygiëne"


def test_organisation_with_own_items_gets_only_its_own(
    client: TestClient, auth: Auth, session: Session, home: Organisation, coach: User
) -> None:
    make_competence_item(session, home, "hygiene_kitchen", sort_order=2)
    make_competence_item(session, home, "customer_contact", sort_order=1)

    response = client.get(f"{API}/competence-items", headers=auth(coach))

    assert [item["code"] for item in response.json()] == ["customer_contact", "hygiene_kitchen"]


def test_inactive_own_items_are_left_out(
    client: TestClient, auth: Auth, session: Session, home: Organisation, coach: User
) -> None:
    make_competence_item(session, home, "customer_contact")
    make_competence_item(session, home, "old_item", is_active=False)

    response = client.get(f"{API}/competence-items", headers=auth(coach))

    assert [item["code"] for item in response.json()] == ["customer_contact"]


def test_another_organisations_items_do_not_replace_the_defaults(
    client: TestClient, auth: Auth, session: Session, elsewhere: Organisation, coach: User
) -> None:
    make_competence_item(session, elsewhere, "customer_contact")

    response = client.get(f"{API}/competence-items", headers=auth(coach))

    assert [item["code"] for item in response.json()] == DEFAULT_CODES


def test_competence_items_need_a_login(client: TestClient) -> None:
    response = client.get(f"{API}/competence-items")

    assert response.status_code == 401
