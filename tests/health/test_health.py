from __future__ import annotations

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.conftest import TEST_SECRET

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/werkpad"


def test_health_needs_no_login(client: TestClient) -> None:
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_ready_when_the_database_answers(client: TestClient) -> None:
    assert client.get("/api/v1/ready").status_code == 200


def test_unreachable_database_gives_503_problem_on_ready_and_data_routes() -> None:
    app = create_app(Settings(database_url=UNREACHABLE, secret_key=TEST_SECRET))
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/api/v1/health").status_code == 200
        for response in (
            client.get("/api/v1/ready"),
            client.post("/api/v1/auth/login", data={"username": "a@b.c", "password": "x" * 12}),
        ):
            assert response.status_code == 503
            assert response.headers["content-type"] == "application/problem+json"
            assert response.headers["retry-after"]
            assert "127.0.0.1" not in response.text
    app.state.engine.dispose()
