from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import Role, User
from app.core.config import Settings
from app.core.database import utcnow
from app.idempotency import service
from app.idempotency.models import IdempotencyKey, KeyState
from app.organisations.models import Organisation
from app.participants import service as participant_service
from app.participants.models import Participant
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers
from tests.idempotency.support import (
    CREATIONS,
    PARTICIPANTS,
    Creation,
    count,
    participant_body,
    stored_keys,
)

KEY = "3f2c9a6e-6d1b-4c55-9a0e-2b7f1c8d4e21"


def with_key(headers: dict[str, str], key: str = KEY) -> dict[str, str]:
    return {**headers, "Idempotency-Key": key}


def field_errors(response: Any) -> set[str]:
    return {error["field"] for error in response.json()["errors"]}


@pytest.mark.parametrize("creation", CREATIONS, ids=lambda c: c.name)
def test_a_retry_gets_the_first_answer_byte_for_byte_and_writes_nothing_more(
    client: TestClient,
    session: Session,
    org: Organisation,
    headers: dict[str, str],
    creation: Creation,
) -> None:
    url, body = creation.arrange(session, org)
    before = count(session, creation.model)

    first = client.post(url, json=body, headers=with_key(headers))
    second = client.post(url, json=body, headers=with_key(headers))

    assert first.status_code == 201, first.text
    assert "idempotent-replayed" not in first.headers
    assert second.status_code == 201
    assert second.headers["idempotent-replayed"] == "true"
    assert second.content == first.content
    for header in ("location", "etag", "content-type"):
        assert second.headers[header] == first.headers[header]
    assert count(session, creation.model) == before + 1
    [stored] = stored_keys(session)
    assert stored.state is KeyState.COMPLETED
    assert stored.response_status == 201


def test_a_replay_still_gets_the_security_headers(
    client: TestClient, headers: dict[str, str]
) -> None:
    client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    replay = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert replay.headers["idempotent-replayed"] == "true"
    assert replay.headers["cache-control"] == "no-store"
    assert replay.headers["x-content-type-options"] == "nosniff"


def test_without_the_header_every_post_creates(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    body = participant_body(confirm_not_duplicate=True)
    assert client.post(PARTICIPANTS, json=body, headers=headers).status_code == 201
    assert client.post(PARTICIPANTS, json=body, headers=headers).status_code == 201
    assert count(session, Participant) == 2
    assert stored_keys(session) == []


def test_the_same_key_with_another_body_is_422_on_the_key(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    other = client.post(
        PARTICIPANTS, json=participant_body(first_name="Anna"), headers=with_key(headers)
    )

    assert other.status_code == 422
    assert other.headers["content-type"] == "application/problem+json"
    assert field_errors(other) == {"Idempotency-Key"}
    assert count(session, Participant) == 1


def test_the_same_key_on_another_path_or_query_is_422(
    client: TestClient, headers: dict[str, str]
) -> None:
    client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    with_query = client.post(
        f"{PARTICIPANTS}?x=1", json=participant_body(), headers=with_key(headers)
    )
    other_path = client.post(
        "/api/v1/organisations", json={"name": "X", "kind": "work_care"}, headers=with_key(headers)
    )

    assert with_query.status_code == 422
    assert field_errors(with_query) == {"Idempotency-Key"}
    assert other_path.status_code == 422
    assert field_errors(other_path) == {"Idempotency-Key"}


def test_two_users_with_the_same_key_are_independent(
    client: TestClient,
    session: Session,
    headers: dict[str, str],
    settings: Settings,
) -> None:
    stranger = make_user(session, make_organisation(session), role=Role.MEDIATOR)
    mine = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    theirs = client.post(
        PARTICIPANTS,
        json=participant_body(),
        headers=with_key(token_headers(stranger, settings)),
    )

    assert theirs.status_code == 201, theirs.text
    assert "idempotent-replayed" not in theirs.headers
    assert theirs.json()["id"] != mine.json()["id"]
    assert count(session, Participant) == 2
    assert len(stored_keys(session)) == 2


def test_a_refused_first_attempt_frees_the_key_for_the_corrected_request(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    refused = client.post(
        PARTICIPANTS, json=participant_body(birth_date="not a date"), headers=with_key(headers)
    )
    assert refused.status_code == 422
    assert field_errors(refused) == {"birth_date"}
    assert stored_keys(session) == []

    corrected = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert corrected.status_code == 201, corrected.text
    assert "idempotent-replayed" not in corrected.headers
    assert count(session, Participant) == 1


def test_a_conflict_answer_is_not_stored_either(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    client.post(PARTICIPANTS, json=participant_body(), headers=headers)

    duplicate = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))
    confirmed = client.post(
        PARTICIPANTS, json=participant_body(confirm_not_duplicate=True), headers=with_key(headers)
    )

    assert duplicate.status_code == 409
    assert confirmed.status_code == 201
    assert count(session, Participant) == 2


def test_a_crashing_route_frees_the_key(
    app: Any,
    session: Session,
    headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("bug")

    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        with monkeypatch.context() as patch:
            patch.setattr(participant_service, "create_participant", crash)
            failed = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))
        assert failed.status_code == 500
        assert stored_keys(session) == []

        retried = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert retried.status_code == 201
    assert count(session, Participant) == 1


def test_a_key_still_in_progress_is_409_and_nothing_is_written(
    client: TestClient, session: Session, counsellor: User, headers: dict[str, str]
) -> None:
    # As left behind by a process that died after the route committed: 409 until it expires.
    body = json.dumps(participant_body()).encode()
    now = utcnow()
    session.add(
        IdempotencyKey(
            user_id=counsellor.id,
            key=KEY,
            fingerprint=service.fingerprint(
                method="POST", path=PARTICIPANTS, query_string=b"", body=body
            ),
            state=KeyState.IN_PROGRESS,
            created_at=now,
            expires_at=now + service.KEY_LIFETIME,
        )
    )
    session.commit()

    response = client.post(
        PARTICIPANTS,
        content=body,
        headers={**with_key(headers), "Content-Type": "application/json"},
    )

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    assert "in progress" in response.json()["detail"]
    assert count(session, Participant) == 0


def test_the_loser_of_a_race_is_answered_from_the_winners_row(
    client: TestClient,
    session: Session,
    headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))
    # The loser read "no such key" just before the winner inserted it.
    original_find = service._find
    calls = 0

    def find_before_the_winner(*args: Any, **kwargs: Any) -> IdempotencyKey | None:
        nonlocal calls
        calls += 1
        return None if calls == 1 else original_find(*args, **kwargs)

    monkeypatch.setattr(service, "_find", find_before_the_winner)

    loser = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert calls == 2
    assert loser.status_code == 201
    assert loser.headers["idempotent-replayed"] == "true"
    assert loser.content == first.content
    assert count(session, Participant) == 1


@pytest.mark.parametrize(
    "key",
    [
        "",
        "k" * 256,
        "has space",
        "tab\there",
        "cl\u00e9".encode("latin-1"),
        "\u20ac".encode(),
    ],
    ids=["empty", "too-long", "space", "tab", "latin-1", "utf-8"],
)
def test_a_malformed_key_is_422_on_the_key_and_nothing_is_written(
    client: TestClient, session: Session, headers: dict[str, str], key: str | bytes
) -> None:
    response = client.post(
        PARTICIPANTS, json=participant_body(), headers={**headers, "Idempotency-Key": key}
    )

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert field_errors(response) == {"Idempotency-Key"}
    assert count(session, Participant) == 0
    assert stored_keys(session) == []


def test_the_key_may_be_sent_only_once(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    response = client.post(
        PARTICIPANTS,
        json=participant_body(),
        headers=[*headers.items(), ("Idempotency-Key", "a"), ("Idempotency-Key", "b")],
    )

    assert response.status_code == 422
    assert field_errors(response) == {"Idempotency-Key"}
    assert count(session, Participant) == 0


@pytest.mark.parametrize("key", ["k", "~" * 255, "!#$%&'*+-.^_`|~09AZaz"])
def test_keys_of_1_to_255_visible_characters_are_accepted(
    client: TestClient, headers: dict[str, str], key: str
) -> None:
    response = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers, key))
    assert response.status_code == 201, response.text


def test_an_expired_key_is_ignored_and_replaced(
    client: TestClient, session: Session, counsellor: User, headers: dict[str, str]
) -> None:
    long_ago = utcnow() - timedelta(hours=25)
    session.add(
        IdempotencyKey(
            user_id=counsellor.id,
            key=KEY,
            fingerprint="0" * 64,  # another request: would be a 422 if still valid
            state=KeyState.COMPLETED,
            response_status=201,
            response_headers=[["content-type", "application/json"]],
            response_body=b'{"old": true}',
            created_at=long_ago,
            expires_at=long_ago + service.KEY_LIFETIME,
        )
    )
    session.commit()

    response = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert response.status_code == 201, response.text
    assert "idempotent-replayed" not in response.headers
    assert count(session, Participant) == 1
    [stored] = stored_keys(session)
    assert stored.fingerprint != "0" * 64
    assert stored.expires_at > utcnow() + timedelta(hours=23)


def test_expired_keys_are_swept_a_bounded_number_at_a_time(
    client: TestClient,
    session: Session,
    counsellor: User,
    headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(service, "SWEEP_LIMIT", 2)
    long_ago = utcnow() - timedelta(days=3)
    for n in range(5):
        session.add(
            IdempotencyKey(
                user_id=counsellor.id,
                key=f"old-{n}",
                fingerprint="0" * 64,
                state=KeyState.IN_PROGRESS,
                created_at=long_ago + timedelta(minutes=n),
                expires_at=long_ago + timedelta(minutes=n) + service.KEY_LIFETIME,
            )
        )
    session.commit()

    client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers, "new"))

    assert [k.key for k in stored_keys(session)] == ["new", "old-2", "old-3", "old-4"]


def test_without_a_token_the_route_answers_401_as_usual(
    client: TestClient, session: Session, settings: Settings
) -> None:
    for headers in (
        {},
        {"Authorization": "Bearer not-a-token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ):
        response = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert stored_keys(session) == []


def test_a_deactivated_account_gets_401_not_a_replay(
    client: TestClient, session: Session, counsellor: User, headers: dict[str, str]
) -> None:
    client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))
    counsellor.is_active = False
    session.commit()

    response = client.post(PARTICIPANTS, json=participant_body(), headers=with_key(headers))

    assert response.status_code == 401
    assert "idempotent-replayed" not in response.headers


def test_gets_and_patches_are_left_alone(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    created = client.post(PARTICIPANTS, json=participant_body(), headers=headers).json()
    url = f"{PARTICIPANTS}/{created['id']}"

    reads = [client.get(url, headers=with_key(headers)) for _ in range(2)]
    patch = {"preferred_name": "Piet"}
    first = client.patch(url, json=patch, headers={**with_key(headers), "If-Match": '"1"'})
    again = client.patch(url, json=patch, headers={**with_key(headers), "If-Match": '"1"'})

    assert [r.status_code for r in reads] == [200, 200]
    assert all("idempotent-replayed" not in r.headers for r in [*reads, first, again])
    assert first.status_code == 200, first.text
    assert again.status_code == 412  # evaluated again, not replayed
    assert stored_keys(session) == []


def test_login_is_not_covered(client: TestClient, session: Session, counsellor: User) -> None:
    form = {"username": counsellor.email, "password": "correct horse battery staple"}
    for _ in range(2):
        response = client.post("/api/v1/auth/login", data=form, headers={"Idempotency-Key": KEY})
        assert response.status_code == 200
        assert "idempotent-replayed" not in response.headers
    assert stored_keys(session) == []


def test_the_body_limit_and_media_type_checks_answer_first(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    too_large = client.post(
        PARTICIPANTS,
        content=b"{" + b" " * (1024 * 1024) + b"}",
        headers={**with_key(headers), "Content-Type": "application/json"},
    )
    as_text = client.post(
        PARTICIPANTS,
        content=b"first_name=Pieter",
        headers={**with_key(headers), "Content-Type": "text/plain"},
    )

    assert too_large.status_code == 413
    assert as_text.status_code == 415
    assert stored_keys(session) == []
