from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.participants import service as participant_service
from app.participants.models import Participant
from tests.idempotency.support import PARTICIPANTS, count, participant_body, stored_keys

THREADS = 10


def test_ten_simultaneous_retries_create_exactly_one_participant(
    client: TestClient,
    session: Session,
    headers: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A slow route keeps the first request in progress while the others arrive.
    create = participant_service.create_participant

    def slow_create(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return create(*args, **kwargs)

    monkeypatch.setattr(participant_service, "create_participant", slow_create)
    start = threading.Barrier(THREADS)
    request_headers = {**headers, "Idempotency-Key": "same-key-for-all"}

    def post(_: int) -> Any:
        start.wait()
        return client.post(PARTICIPANTS, json=participant_body(), headers=request_headers)

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        responses = list(pool.map(post, range(THREADS)))

    originals = [
        r for r in responses if r.status_code == 201 and "idempotent-replayed" not in r.headers
    ]
    assert len(originals) == 1, [r.status_code for r in responses]
    for response in responses:
        if response.status_code == 201:
            assert response.content == originals[0].content
        else:
            assert response.status_code == 409, response.text
            assert response.headers["content-type"] == "application/problem+json"
    assert count(session, Participant) == 1
    assert len(stored_keys(session)) == 1

    later = client.post(PARTICIPANTS, json=participant_body(), headers=request_headers)
    assert later.headers["idempotent-replayed"] == "true"
    assert later.content == originals[0].content


def test_simultaneous_requests_with_different_keys_all_create(
    client: TestClient, session: Session, headers: dict[str, str]
) -> None:
    start = threading.Barrier(THREADS)

    def post(n: int) -> Any:
        start.wait()
        body = participant_body(first_name=f"Deelnemer{n}", birth_date=f"1990-01-{n + 1:02d}")
        return client.post(PARTICIPANTS, json=body, headers={**headers, "Idempotency-Key": f"k{n}"})

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        responses = list(pool.map(post, range(THREADS)))

    assert [r.status_code for r in responses] == [201] * THREADS
    assert count(session, Participant) == THREADS
    assert len(stored_keys(session)) == THREADS
