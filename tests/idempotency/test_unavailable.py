from __future__ import annotations

import uuid

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.core.security import create_access_token
from app.main import create_app
from tests.conftest import TEST_SECRET
from tests.idempotency.support import PARTICIPANTS, participant_body

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/werkpad"


def test_an_unreachable_database_is_the_usual_503_problem() -> None:
    settings = Settings(database_url=UNREACHABLE, secret_key=TEST_SECRET)
    app = create_app(settings)
    token = create_access_token(uuid.uuid4(), settings).token
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "k-1"}
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post(PARTICIPANTS, json=participant_body(), headers=headers)
    app.state.engine.dispose()

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    assert response.json() == {
        "type": "urn:werkpad:problem:unavailable",
        "title": "Service unavailable",
        "status": 503,
        "detail": "The database is not reachable; try again shortly",
    }
