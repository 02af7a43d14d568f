from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from app.core.middleware import query_keys


def test_the_access_log_names_query_parameters_but_never_their_values(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="werkpad.access"):
        client.get("/api/v1/participants?q=Janssens&limit=5")

    (line,) = [r.getMessage() for r in caplog.records if r.name == "werkpad.access"]
    assert line.startswith("GET /api/v1/participants?q=…&limit=… 401 ")
    assert "Janssens" not in caplog.text


@pytest.mark.parametrize(
    ("query", "logged"),
    [(b"", ""), (b"q=%C3%89lise", "?q=…"), (b"a=1&&b", "?a=…&b=…"), (b"fase=intake", "?fase=…")],
)
def test_query_keys(query: bytes, logged: str) -> None:
    assert query_keys(query) == logged
