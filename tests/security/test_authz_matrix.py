"""Issue 4 / quality.md battery item 1: the authorization matrix, built from the app's own
route table. Every route, for every caller and relation of tests/security/world.py: the expected
status from tests/security/routes.py, no marked text of the file outside the caller's scope in
any answer, lists that agree with details, and invisible objects that answer exactly like
missing ones."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.figures import report
from tests.security.probing import Prober
from tests.security.routes import ROUTES, WRITE_METHODS, api_routes
from tests.security.world import World


def test_authorization_matrix(
    app: FastAPI, probe_client: TestClient, session: Session, security_world: World
) -> None:
    routes = api_routes(app)
    missing = [route.name for route in routes if route.key not in ROUTES]
    assert not missing, f"routes without an entry in tests/security/routes.py: {missing}"
    prober = Prober(probe_client, session, security_world)
    # Reads first, on the untouched world; writes after, state-changing ones on fresh targets.
    for route in sorted(routes, key=lambda r: r.method in WRITE_METHODS):
        for probe in ROUTES[route.key]:
            if probe.public is not None:
                prober.run_public(route, probe)
                continue
            for caller in security_world.callers:
                prober.run(route, probe, caller)
    figure = prober.tally.summary("authz matrix")
    report(figure)
    print(figure)
    assert not prober.tally.findings, f"{figure}\n{prober.tally.report()}"
    # The leak checks are not blind: every marked string of the file reached someone allowed.
    never_shown = {
        scope: [token for token in tokens if token not in prober.shown]
        for scope, tokens in security_world.cases["main"].tokens.items()
    }
    assert not any(never_shown.values()), f"marked strings nobody was shown: {never_shown}"


def test_without_a_token_every_route_answers_401(
    app: FastAPI, probe_client: TestClient, session: Session, security_world: World
) -> None:
    """quality.md battery item 3 asks for 401 whatever the token's fault; no token at all is
    the first case. The request is otherwise what a client would send, minus If-Match."""
    prober = Prober(probe_client, session, security_world)
    for route in api_routes(app):
        for probe in ROUTES[route.key]:
            if probe.public is None:
                prober.run_anonymous(route, probe)
    figure = prober.tally.summary("without a token")
    report(figure)
    print(figure)
    assert not prober.tally.findings, f"{figure}\n{prober.tally.report()}"
