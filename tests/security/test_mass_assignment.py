"""quality.md battery item 1, companion: no write schema lets a caller set fields the server
owns. For every POST/PUT/PATCH route with a JSON body (from the app's own route table), a
caller the rules allow (a non-admin wherever one is allowed) sends a valid body plus one of
those fields: 422 naming the field, and nothing in the database changed."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from app.all_models import metadata
from app.auth.models import Role
from app.core.schemas import WriteSchema
from tests.figures import report
from tests.security.probing import Prober
from tests.security.routes import OK, ROUTES, Ctx, Probe, api_routes, constant
from tests.security.world import Caller, World

SERVER_OWNED = (
    "organisation_id",
    "role",
    "version",
    "created_by",
    "id",
    "author_id",
    "author_organisation_id",
    "participant_id",
)
# Rows the request itself may add whatever its answer: its audit event, the sign-in ledger.
BOOKKEEPING = {"audit_events", "idempotency_keys", "login_attempts", "refresh_tokens"}


def fingerprint(engine: Engine) -> str:
    digest = hashlib.sha256()
    existing = set(inspect(engine).get_table_names())
    with engine.connect() as connection:
        for table in metadata.sorted_tables:
            if table.name in BOOKKEEPING or table.name not in existing:
                continue
            rows = connection.execute(select(table).order_by(*table.primary_key.columns))
            digest.update(table.name.encode())
            for row in rows:
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def is_admin(caller: Caller) -> bool:
    return caller.role is Role.ADMIN or caller.principal.is_platform_admin


def allowed_caller(world: World, probe: Probe) -> Caller:
    """A caller who may make this write: a non-admin if any may (quality.md), else an admin;
    for a write nobody can complete here (erasure of an open file), one who gets that far."""

    def expected(caller: Caller) -> int:
        return probe.expect(caller, world.cases[caller.case_kind])

    ranked = sorted(
        world.callers,
        key=lambda c: (expected(c) != OK, expected(c) in (403, 404), is_admin(c)),
    )
    return ranked[0]


def injected(field: str, caller: Caller, world: World) -> Any:
    return {
        "organisation_id": str(world.bystander.id),
        "role": Role.ADMIN.value,
        "version": 99,
        "created_by": str(caller.user_id),
        "id": str(uuid.uuid4()),
        "author_id": str(caller.user_id),
        "author_organisation_id": str(world.bystander.id),
        "participant_id": str(world.cases["main"].participant_id),
    }[field]


def test_every_write_schema_forbids_unknown_fields(app: FastAPI) -> None:
    lenient = [
        f"{route.name}: {route.body_schema.__name__}"
        for route in api_routes(app)
        if route.body_schema is not None and not issubclass(route.body_schema, WriteSchema)
    ]
    assert not lenient, "write bodies that are not WriteSchema (extra fields ignored):\n" + (
        "\n".join(lenient)
    )


def test_server_owned_fields_cannot_be_set(
    app: FastAPI,
    probe_client: TestClient,
    session: Session,
    engine: Engine,
    security_world: World,
) -> None:
    prober = Prober(probe_client, session, security_world)
    probes = accepted = 0
    admin_only: list[str] = []
    for route in api_routes(app):
        if route.method not in ("POST", "PUT", "PATCH") or route.body_schema is None:
            continue  # no JSON body (a DELETE, ending a grant, the sign-in form)
        fields = set(route.body_schema.model_fields)
        for probe in ROUTES[route.key]:
            assert probe.body is not None, f"{route.name} has a body but no body in the table"
            caller = allowed_caller(security_world, probe)
            if is_admin(caller):
                admin_only.append(route.name)
            case = security_world.cases[caller.case_kind]
            valid = probe.body(Ctx(session, security_world, case))
            session.commit()
            before = fingerprint(engine)
            for field in SERVER_OWNED:
                if field in fields:
                    continue  # a real field here (the participant a trajectory opens for)
                body = {**valid, field: injected(field, caller, security_world)}
                body_probe = Probe(
                    probe.expect,
                    params=probe.params,
                    query=probe.query,
                    if_match=probe.if_match,
                    body=constant(body),
                )
                sent = prober.send(route, body_probe, case, caller.headers)
                probes += 1
                answer = sent.response
                named = answer.status_code == 422 and any(
                    e.get("field") == field for e in answer.json().get("errors", [])
                )
                if not named:
                    accepted += 1
                    prober.add(
                        "leak",
                        f"{route.name} + {field}",
                        caller.label,
                        f"expected 422 naming {field}, got {answer.status_code}: "
                        f"{answer.text[:160]!r}",
                    )
            if fingerprint(engine) != before:
                prober.add("leak", route.name, caller.label, "the database changed")
    figure = f"mass assignment: {probes:,} probes, {accepted:,} accepted"
    report(figure)
    print(figure)
    print("write routes only admins may use:", ", ".join(sorted(set(admin_only))))
    assert not prober.tally.findings, f"{figure}\n{prober.tally.report()}"
