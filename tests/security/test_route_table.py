"""The rule table covers the app's own route table, and nothing else (except announced
routes): a new route without an entry fails here, by name."""

from __future__ import annotations

from fastapi import FastAPI

from tests.security.routes import API_PREFIX, PENDING, ROUTES, api_routes


def test_every_route_of_the_app_has_an_entry(app: FastAPI) -> None:
    missing = [route.name for route in api_routes(app) if route.key not in ROUTES]
    assert not missing, "routes without an entry in tests/security/routes.py:\n" + "\n".join(
        missing
    )


def test_every_entry_matches_a_route_or_is_announced(app: FastAPI) -> None:
    served = {route.key for route in api_routes(app)}
    stale = [
        f"{method} {API_PREFIX}{path}"
        for method, path in ROUTES
        if (method, path) not in served and (method, path) not in PENDING
    ]
    assert not stale, "entries that match no route (remove them or list them in PENDING):\n" + (
        "\n".join(stale)
    )


def test_announced_routes_still_have_an_entry() -> None:
    assert ROUTES.keys() >= PENDING
