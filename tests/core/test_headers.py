from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


def assert_security_headers(headers: object) -> None:
    csp = headers["content-security-policy"]  # type: ignore[index]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"  # type: ignore[index]
    assert headers["referrer-policy"] == "no-referrer"  # type: ignore[index]


def test_api_answers_carry_security_headers_and_no_store(client: TestClient) -> None:
    for response in (
        client.get("/api/v1/health"),
        client.get("/api/v1/me"),
        client.get("/api/v1/nope"),
    ):
        assert_security_headers(response.headers)
        assert response.headers["cache-control"] == "no-store"


def test_spa_is_served_with_index_fallback_and_security_headers(
    settings: Settings, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Werkpad</title>")
    (dist / "assets" / "app-123.js").write_text("console.log('hi')")
    app = create_app(settings.model_copy(update={"frontend_dist": dist}))
    with TestClient(app) as client:
        index = client.get("/")
        assert index.status_code == 200
        assert "Werkpad" in index.text
        assert_security_headers(index.headers)
        deep_link = client.get("/beheer/gebruikers")
        assert deep_link.status_code == 200
        assert deep_link.text == index.text
        asset = client.get("/assets/app-123.js")
        assert "immutable" in asset.headers["cache-control"]
        assert client.get("/../../etc/passwd").text == index.text
        assert client.get("/api/v1/unknown").status_code == 404
    app.state.engine.dispose()


def test_cors_is_closed_by_default(client: TestClient) -> None:
    response = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers


def test_configured_origin_gets_cors_and_others_do_not(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://app.example"]}))
    with TestClient(app) as client:
        allowed = client.get("/api/v1/health", headers={"Origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        foreign = client.get("/api/v1/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in foreign.headers
    app.state.engine.dispose()


def test_api_docs_work_without_a_cdn_or_inline_script(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    assert "<script>" not in page.text  # every script has a same-origin src
    assert "cdn" not in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/api/v1/docs/init.js").status_code == 200
    assert client.get("/api/v1/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/v1/docs/assets/../../etc/passwd").status_code == 404
