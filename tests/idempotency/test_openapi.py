from __future__ import annotations

from fastapi import FastAPI


def test_every_authenticated_post_that_creates_declares_the_key_and_its_answers(
    app: FastAPI,
) -> None:
    creating = 0
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            declared = {
                p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"
            }
            if method == "post" and "201" in operation["responses"] and operation.get("security"):
                creating += 1
                parameter = declared.get("Idempotency-Key")
                assert parameter is not None, (method, path)
                assert parameter["required"] is False
                assert parameter["schema"]["maxLength"] == 255
                assert {"409", "422"} <= operation["responses"].keys(), (method, path)
                content = operation["responses"]["409"]["content"]
                assert list(content) == ["application/problem+json"]
            else:
                assert "Idempotency-Key" not in declared, (method, path)
    assert creating >= 20
