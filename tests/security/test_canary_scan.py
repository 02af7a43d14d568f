"""Issue 4: organisation B's case file carries ``KANARIE-B-…`` in every free-text and name
field (participant, consents, trajectory, placement, attendance, logs, goals, sessions,
internship, job, employer and contact, outflow, follow-up, funder month, notes, competence
items, a break-the-glass reason). Every GET route is called by every user of the other
organisations, with path parameters pointing at B's objects (and, for routes without any, as
they are): not one answer may hold a canary or B's INSZ.

The same check runs inside the authorization matrix on every answer about A's file."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.figures import report
from tests.security.probing import Prober, canaries_in
from tests.security.routes import ROUTES, AppRoute, Probe, anyone, api_routes, constant
from tests.security.world import World

# Substring searches for the canary itself, beside the table's own queries (full strings).
SEARCHES = {
    ("GET", "/participants"): {"q": "kanarie"},
    ("GET", "/employers"): {"q": "kanarie"},
    ("GET", "/users"): {"q": "kanarie"},
    ("GET", "/organisations"): {"q": "kanarie"},
}


def test_canary_scan(
    app: FastAPI, probe_client: TestClient, session: Session, security_world: World
) -> None:
    prober = Prober(probe_client, session, security_world)
    b_file = security_world.cases["b"]
    users = {caller.user_id: caller for caller in security_world.callers}.values()
    reads: list[tuple[AppRoute, Probe]] = [
        (route, probe)
        for route in api_routes(app)
        if route.method == "GET"
        for probe in ROUTES[route.key]
        if probe.public is None
    ]
    for key, search in SEARCHES.items():
        searched = next(route for route in api_routes(app) if route.key == key)
        reads.append((searched, Probe(anyone, variant="canary search", query=constant(search))))
    responses = 0
    for caller in users:
        for route, probe in reads:
            # Routes without parameters: once as they are, and once more if the table's query
            # names the caller's own file (else it would be the same request).
            own_file = security_world.cases[caller.case_kind]
            aimed_at_own = not route.params and probe.query is not None
            for case in [b_file, own_file] if aimed_at_own else [b_file]:
                sent = prober.send(route, probe, case, caller.headers)
                responses += 1
                if sent.response.status_code >= 500:
                    prober.add("wrong answer", route.name, caller.label, "server error")
                prober.judge_canary(route.name, caller.label, sent)
    # The scan is not blind: B's own counsellor, reading the same routes, meets every canary.
    met: set[str] = set()
    for route, probe in reads:
        sent = prober.send(route, probe, b_file, security_world.b_insider)
        met |= canaries_in(sent.response.text, sent.text)
        if b_file.insz in sent.response.text and b_file.insz not in sent.text:
            met.add(b_file.insz)
    never_met = [t for tokens in b_file.tokens.values() for t in tokens if t.lower() not in met]
    assert not never_met, (
        f"B's own staff never read these, so the scan would miss them: {never_met}"
    )
    figure = f"canary scan: {responses:,} responses, {prober.tally.leaks:,} leaks"
    report(figure)
    print(figure)
    assert not prober.tally.findings, f"{figure}\n{prober.tally.report()}"
