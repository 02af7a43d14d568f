"""Every field error carries a stable, translatable ``code`` and the ``params`` its text needs."""

from __future__ import annotations

import ast
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.config import Settings
from app.core.schemas import LARGEST_INTEGER, WriteSchema
from app.core.validation import _BY_TYPE, code_for
from tests.clock import today
from tests.factories.organisations import make_organisation
from tests.factories.users import login, make_user, token_headers

APP = Path(__file__).resolve().parents[2] / "app"
I18N = APP.parent / "frontend" / "src" / "i18n"
ORGANISATIONS = "/api/v1/organisations"
PARTICIPANTS = "/api/v1/participants"
TRAJECTORIES = "/api/v1/trajectories"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


@pytest.fixture
def admin_headers(client: TestClient, session: Session) -> dict[str, str]:
    platform = make_organisation(session, name="Platform")
    admin = make_user(session, platform, role=Role.ADMIN, is_platform_admin=True)
    return login(client, admin)


@pytest.fixture
def mediator_headers(session: Session, settings: Settings) -> dict[str, str]:
    org = make_organisation(session, name="De Werkplaats")
    mediator = make_user(session, org, role=Role.MEDIATOR, bound_by_professional_secrecy=True)
    return token_headers(mediator, settings)


def errors_of(response: Any, status: int) -> dict[str, dict[str, Any]]:
    assert response.status_code == status, response.text
    errors: list[dict[str, Any]] = response.json()["errors"]
    for error in errors:
        assert SNAKE_CASE.match(error["code"]), error
        assert isinstance(error["message"], str) and error["message"]
    return {error["field"]: error for error in errors}


# --- Pydantic's errors -------------------------------------------------------------------


def test_pydantic_errors_become_codes_with_their_limits(
    client: TestClient, admin_headers: dict[str, str]
) -> None:
    response = client.post(
        ORGANISATIONS,
        json={"name": "x" * 201, "kind": "bakery", "role": "admin"},
        headers=admin_headers,
    )
    errors = errors_of(response, 422)
    assert errors["name"]["code"] == "too_long"
    assert errors["name"]["params"] == {"max": 200}
    assert errors["name"]["message"] == "String should have at most 200 characters"
    assert errors["kind"]["code"] == "not_allowed"
    assert "allowed" in errors["kind"]["params"]
    assert errors["role"]["code"] == "unknown_field"
    assert "params" not in errors["role"]


def test_a_missing_field_is_required(client: TestClient, admin_headers: dict[str, str]) -> None:
    errors = errors_of(client.post(ORGANISATIONS, json={}, headers=admin_headers), 422)
    assert errors["name"]["code"] == "required"
    assert errors["name"]["message"] == "Field required"


@pytest.mark.parametrize(
    ("value", "code", "params"),
    [
        ("Piet\x00er", "nul_character", None),
        ("Piet\ner", "single_line", None),
    ],
    ids=["nul", "line-break"],
)
def test_the_limits_of_every_request_body_have_codes(
    client: TestClient,
    mediator_headers: dict[str, str],
    value: str,
    code: str,
    params: dict[str, Any] | None,
) -> None:
    response = client.post(
        PARTICIPANTS,
        json={"first_name": value, "last_name": "Peeters", "birth_date": "1988-04-12"},
        headers=mediator_headers,
    )
    error = errors_of(response, 422)["first_name"]
    assert error["code"] == code
    assert error.get("params") == params


@pytest.mark.parametrize(
    ("birth_date", "code", "params"),
    [
        ("1988-02-30", "not_a_date", None),
        (19880412, "not_a_date", None),
        ("2150-01-01", "in_future", None),
        ("1850-01-01", "date_too_early", {"min": "1900-01-01"}),
    ],
    ids=["no-such-day", "number", "future", "too-early"],
)
def test_dates_have_codes(
    client: TestClient,
    mediator_headers: dict[str, str],
    birth_date: object,
    code: str,
    params: dict[str, Any] | None,
) -> None:
    response = client.post(
        PARTICIPANTS,
        json={"first_name": "Piet", "last_name": "Peeters", "birth_date": birth_date},
        headers=mediator_headers,
    )
    error = errors_of(response, 422)["birth_date"]
    assert error["code"] == code
    assert error.get("params") == params


def test_pydantic_types_and_contexts_map_to_codes_and_params() -> None:
    assert code_for({"type": "missing"}) == ("required", {})
    assert code_for({"type": "string_too_long", "ctx": {"max_length": 200}}) == (
        "too_long",
        {"max": 200},
    )
    assert code_for({"type": "greater_than_equal", "ctx": {"ge": 0}}) == ("too_small", {"min": 0})
    assert code_for({"type": "less_than_equal", "ctx": {"le": 40}}) == ("too_large", {"max": 40})
    assert code_for({"type": "string_too_short", "ctx": {"min_length": 1}}) == ("blank", {})
    assert code_for({"type": "string_too_short", "ctx": {"min_length": 8}}) == (
        "too_short",
        {"min": 8},
    )
    assert code_for({"type": "enum", "ctx": {"expected": "'paid', 'unpaid' or 'other'"}}) == (
        "not_allowed",
        {"allowed": "paid, unpaid, other"},
    )
    assert code_for({"type": "literal_error", "ctx": {"expected": "'json'"}}) == (
        "not_allowed",
        {"allowed": "json"},
    )
    assert code_for({"type": "date_from_datetime_parsing"}) == ("not_a_date", {})
    assert code_for({"type": "extra_forbidden"}) == ("unknown_field", {})
    assert code_for({"type": "value_error", "ctx": {"error": ValueError("x")}}) == ("invalid", {})
    assert code_for({"type": "something_pydantic_adds_later"}) == ("invalid", {})


class _Hours(WriteSchema):
    hours: int
    on: date | None = None


def test_the_storable_limits_of_write_schemas_have_codes_and_params() -> None:
    with pytest.raises(ValidationError) as raised:
        _Hours(hours=LARGEST_INTEGER + 1, on=date(1899, 12, 31))
    by_field = {str(e["loc"][0]): code_for(e) for e in raised.value.errors()}
    assert by_field == {
        "hours": ("out_of_range", {"min": -LARGEST_INTEGER, "max": LARGEST_INTEGER}),
        "on": ("date_out_of_range", {"min": "1900-01-01", "max": "2099-12-31"}),
    }


def test_malformed_json_is_invalid_json(client: TestClient, admin_headers: dict[str, str]) -> None:
    response = client.post(
        ORGANISATIONS,
        content=b'{"name": "half',
        headers={**admin_headers, "Content-Type": "application/json"},
    )
    assert errors_of(response, 400)["body"]["code"] == "invalid_json"


# --- the domain's rules ------------------------------------------------------------------


def test_a_duplicate_insz_is_already_registered(
    client: TestClient, mediator_headers: dict[str, str]
) -> None:
    person = {"first_name": "Piet", "last_name": "Peeters", "birth_date": "1985-07-30"}
    insz = "85073003328"
    created = client.post(PARTICIPANTS, json={**person, "insz": insz}, headers=mediator_headers)
    assert created.status_code == 201, created.text
    again = client.post(
        PARTICIPANTS,
        json={**person, "first_name": "Jan", "insz": insz, "confirm_not_duplicate": True},
        headers=mediator_headers,
    )
    error = errors_of(again, 409)["insz"]
    assert error == {
        "field": "insz",
        "message": "is already registered",
        "code": "already_registered",
    }


def test_a_wrong_insz_check_number_has_its_code(
    client: TestClient, mediator_headers: dict[str, str]
) -> None:
    response = client.post(
        PARTICIPANTS,
        json={
            "first_name": "P",
            "last_name": "P",
            "birth_date": "1985-07-30",
            "insz": "85073003329",
        },
        headers=mediator_headers,
    )
    assert errors_of(response, 422)["insz"]["code"] == "wrong_check_number"


def test_a_taken_kbo_number_is_already_in_use(
    client: TestClient, admin_headers: dict[str, str], session: Session
) -> None:
    make_organisation(session, name="Eerste", kbo_number="0412345614")
    body = {"name": "Dubbel", "kind": "work_care", "kbo_number": "0412.345.614"}
    errors = errors_of(client.post(ORGANISATIONS, json=body, headers=admin_headers), 409)
    assert errors["kbo_number"]["code"] == "already_in_use"


def test_phase_moves_refused_by_the_machine_carry_codes_and_params(
    client: TestClient, mediator_headers: dict[str, str]
) -> None:
    own = client.post(
        PARTICIPANTS,
        json={"first_name": "Piet", "last_name": "Peeters", "birth_date": "1988-04-12"},
        headers=mediator_headers,
    ).json()
    started_on = today() - timedelta(days=50)
    trajectory = client.post(
        TRAJECTORIES,
        json={
            "participant_id": own["id"],
            "framework_code": "ama_welfare",
            "referred_on": str(today() - timedelta(days=60)),
            "started_on": str(started_on),
        },
        headers=mediator_headers,
    )
    assert trajectory.status_code == 201, trajectory.text
    moves = f"{TRAJECTORIES}/{trajectory.json()['id']}/phase-changes"

    not_allowed = client.post(
        moves, json={"to_phase": "internship", "date": str(today())}, headers=mediator_headers
    )
    error = errors_of(not_allowed, 409)["to_phase"]
    assert error["code"] == "phase_move_not_allowed"
    assert error["params"]["to"] == "internship"

    too_early = client.post(
        moves,
        json={"to_phase": "placement", "date": str(started_on - timedelta(days=1))},
        headers=mediator_headers,
    )
    error = errors_of(too_early, 422)["date"]
    assert error["code"] == "before_trajectory_start"
    assert error["params"] == {"date": started_on.isoformat()}

    future = client.post(
        moves,
        json={"to_phase": "placement", "date": str(today() + timedelta(days=1))},
        headers=mediator_headers,
    )
    assert errors_of(future, 422)["date"]["code"] == "in_future"


def test_an_unknown_sort_names_the_allowed_fields(
    client: TestClient, mediator_headers: dict[str, str]
) -> None:
    response = client.get(PARTICIPANTS, params={"sort": "shoe_size"}, headers=mediator_headers)
    error = errors_of(response, 422)["sort"]
    assert error["code"] == "unknown_sort"
    assert error["params"] == {"allowed": "birth_date, created_at, name"}


# --- every site names a code -------------------------------------------------------------


def _calls(name: str) -> list[tuple[Path, ast.Call]]:
    found = []
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            callee = node.func
            called = (
                callee.id
                if isinstance(callee, ast.Name)
                else f"{ast.unparse(callee.value)}.{callee.attr}"
                if isinstance(callee, ast.Attribute)
                else ""
            )
            if called == name:
                found.append((path, node))
    return found


def test_every_field_error_in_the_app_names_a_code() -> None:
    sites = _calls("FieldError")
    assert len(sites) > 60
    for path, call in sites:
        has_code = len(call.args) >= 3 or any(k.arg == "code" for k in call.keywords)
        assert has_code, f"{path}:{call.lineno} builds a FieldError without a code"


def test_every_rule_violation_on_a_field_names_a_code() -> None:
    sites = _calls("RuleViolation.on") + _calls("MoveRefused")
    assert len(sites) > 20
    for path, call in sites:
        assert any(k.arg == "code" for k in call.keywords), (
            f"{path}:{call.lineno} refuses a field without a code"
        )


def test_the_problem_schema_documents_code_and_params(client: TestClient) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    field_error = schemas["ProblemFieldError"]
    assert set(field_error["required"]) == {"field", "message", "code"}
    assert "params" in field_error["properties"]
    assert "code" in field_error["properties"]["code"]["description"].lower()


def _codes_named_in_app() -> set[str]:
    codes: set[str] = {code for code, _ in _BY_TYPE.values()}
    codes |= {"not_allowed", "blank", "invalid", "invalid_email"}
    for _, call in _calls("FieldError"):
        if len(call.args) >= 3:
            third = call.args[2]
            options = [third.body, third.orelse] if isinstance(third, ast.IfExp) else [third]
            codes |= {o.value for o in options if isinstance(o, ast.Constant)}
    for name in ("RuleViolation.on", "MoveRefused", "CodedValueError"):
        for _, call in _calls(name):
            codes |= {
                k.value.value
                for k in call.keywords
                if k.arg == "code" and isinstance(k.value, ast.Constant)
            }
    return codes


def test_every_code_is_snake_case_and_translated_in_the_spa() -> None:
    codes = _codes_named_in_app()
    assert len(codes) > 90
    assert all(SNAKE_CASE.match(code) for code in codes), sorted(codes)
    for language in ("nl", "en"):
        texts = json.loads((I18N / f"{language}.json").read_text(encoding="utf-8"))
        missing = codes - texts["serverErrors"].keys()
        assert not missing, f"{language}.json lacks serverErrors for {sorted(missing)}"
