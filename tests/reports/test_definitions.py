"""GET /reports/definitions: the texts the exports print, in Dutch or English."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.reports.definitions import DEFINITIONS, DEFINITIONS_EN, LIST_DEFINITIONS
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user
from tests.reports.conftest import API, PROBLEM_JSON, Auth


@pytest.fixture
def headers(session: Session, auth: Auth) -> dict[str, str]:
    """Any signed-in staff member: the vocabulary is the same for everyone."""
    return auth(
        make_user(session, make_organisation(session, name="De Werkplaats"), role=Role.COACH)
    )


def test_the_definitions_are_the_exports_texts_in_dutch_by_default(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.get(f"{API}/definitions", headers=headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert [d["key"] for d in body] == [*DEFINITIONS, *LIST_DEFINITIONS]
    funnel = next(d for d in body if d["key"] == "flow.phase_funnel")
    assert funnel == {
        "key": "flow.phase_funnel",
        "title": "Deelnemers per fase",
        "definition": DEFINITIONS["flow.phase_funnel"].text,
    }
    assert next(d for d in body if d["key"] == "caseloads.per_staff_member")["title"] == (
        "Caseload per medewerker"
    )


def test_english_has_every_key_and_its_own_texts(
    client: TestClient, headers: dict[str, str]
) -> None:
    dutch_answer = client.get(f"{API}/definitions", params={"lang": "nl"}, headers=headers)
    dutch = {d["key"]: d for d in dutch_answer.json()}
    response = client.get(f"{API}/definitions", params={"lang": "en"}, headers=headers)

    assert response.status_code == 200, response.text
    english = {d["key"]: d for d in response.json()}
    assert english.keys() == dutch.keys()
    assert set(DEFINITIONS_EN) == set(DEFINITIONS)
    for key, definition in english.items():
        assert definition["title"] and definition["definition"], key
        assert definition["definition"] != dutch[key]["definition"], key
    assert english["flow.phase_funnel"]["title"] == "Participants per phase"


def test_without_a_token_the_answer_is_401(client: TestClient) -> None:
    assert client.get(f"{API}/definitions").status_code == 401


def test_an_unknown_language_is_a_422(client: TestClient, headers: dict[str, str]) -> None:
    response = client.get(f"{API}/definitions", params={"lang": "fr"}, headers=headers)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert {error["field"] for error in response.json()["errors"]} == {"lang"}
