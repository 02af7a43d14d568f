"""The OpenAPI schema is the SPA's contract: complete, and the committed copy is current."""

from __future__ import annotations

import json

from fastapi import FastAPI

from app.core.config import PROJECT_ROOT

COMMITTED = PROJECT_ROOT / "frontend" / "openapi.json"


def test_committed_schema_for_the_spa_is_current(app: FastAPI) -> None:
    current = json.loads(json.dumps(app.openapi(), sort_keys=True))
    committed = json.loads(COMMITTED.read_text())
    assert committed == current, "frontend/openapi.json is stale: run `make client`"


def test_every_error_answer_is_documented_as_problem_json(app: FastAPI) -> None:
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            if not path.endswith("/health"):
                assert "503" in responses, (method, path)
            if operation.get("security"):
                assert "401" in responses, (method, path)
            if "requestBody" in operation:
                assert {"400", "413", "415", "422"} <= responses.keys(), (method, path)
            for code, response in responses.items():
                if code[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"]


def test_write_operations_with_if_match_document_428_and_412(app: FastAPI) -> None:
    for path, operations in app.openapi()["paths"].items():
        patch = operations.get("patch")
        if patch:
            assert {"412", "428"} <= patch["responses"].keys(), path
