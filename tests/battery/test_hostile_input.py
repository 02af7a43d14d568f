"""quality.md battery item 2: a hostile input corpus on every write route.

For every POST/PUT/PATCH route with a body (from the app's own route table, with the valid
bodies of tests/security/routes.py), a caller the rules allow sends the valid body with one
value replaced by something hostile: NUL bytes, lone surrogates, right-to-left overrides,
emoji, 10**30, a 1 MB string, the years 1 and 9999; and the whole body as deeply nested JSON,
invalid UTF-8 or under a wrong content type. Judged:

- never a 5xx;
- a rejection leaves the database as it was (every table but the request's own bookkeeping);
- a 1 MB string is never stored, and neither is a date outside 1900-2099.

Each run writes its answers to ``var/battery/hostile-<database>.json``;
``tests/battery/hostile_compare.py`` (run by ``make test`` after both databases) fails when
SQLite and PostgreSQL answered any probe differently.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.core.concurrency import etag
from tests.battery.server import ROOT
from tests.figures import report
from tests.security.routes import ROUTES, AppRoute, Ctx, Probe, api_routes, fill
from tests.security.test_mass_assignment import allowed_caller, fingerprint
from tests.security.world import Caller, Case, World

RESULTS = ROOT / "var" / "battery"
MEGABYTE_TEXT = "x" * 1_000_000

TEXT_ATTACKS: dict[str, str] = {
    "NUL": "voor\x00na",
    "lone surrogate": "\ud800",
    "RTL override": "\u202egnp.exe\u202c",
    "emoji": "👩🏽‍🔧 werkt 🚀",
    "1 MB": MEGABYTE_TEXT,
}
NUMBER_ATTACKS: dict[str, Any] = {"10**30": 10**30, "-10**30": -(10**30)}
DATE_ATTACKS = {"year 1": "0001-01-01", "year 9999": "9999-12-31"}
DATETIME_ATTACKS = {"year 1": "0001-01-01T00:00:00Z", "year 9999": "9999-12-31T23:59:59Z"}
# Values that must never be stored, whatever the field.
NEVER_STORED = {"NUL", "lone surrogate", "1 MB", "10**30", "-10**30", "year 1", "year 9999"}


@dataclass(frozen=True)
class Leaf:
    """One value in a request body: where it sits and what the schema says it holds."""

    path: tuple[str | int, ...]
    kind: str  # text, number, date, datetime


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while True:
        if "$ref" in schema:
            schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in schema or "oneOf" in schema:
            branches = schema.get("anyOf") or schema["oneOf"]
            schema = next((b for b in branches if b.get("type") != "null"), branches[0])
        elif "allOf" in schema and len(schema["allOf"]) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def leaves(
    schema: dict[str, Any], defs: dict[str, Any], body: Any, path: tuple[str | int, ...] = ()
) -> Iterator[Leaf]:
    """Every scalar the body schema declares, at the place the valid body has it (or could)."""
    schema = _resolve(schema, defs)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        for name, sub in schema.get("properties", {}).items():
            yield from leaves(
                sub, defs, body.get(name) if isinstance(body, dict) else None, (*path, name)
            )
    elif kind == "array":
        # Into the first element the valid body holds (a floor day's entries), or a new one.
        first = body[0] if isinstance(body, list) and body else None
        yield from leaves(schema.get("items", {}), defs, first, (*path, 0))
    elif kind in ("integer", "number"):
        yield Leaf(path, "number")
    elif kind == "string" or "enum" in schema:
        fmt = schema.get("format")
        yield Leaf(path, {"date": "date", "date-time": "datetime"}.get(fmt or "", "text"))


def replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of ``body`` with ``value`` at ``path`` (creating what the path needs)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(body) if isinstance(body, list) else []
        inner = items[0] if items else {}
        return [replaced(inner, rest, value), *items[1:]]
    copy = dict(body) if isinstance(body, dict) else {}
    copy[head] = replaced(copy.get(head), rest, value)
    return copy


def attacks_on(leaf: Leaf) -> dict[str, Any]:
    found: dict[str, Any] = dict(TEXT_ATTACKS)
    if leaf.kind == "number":
        found = {**NUMBER_ATTACKS, "emoji": TEXT_ATTACKS["emoji"]}
    elif leaf.kind == "date":
        found = {**DATE_ATTACKS, "NUL": TEXT_ATTACKS["NUL"]}
    elif leaf.kind == "datetime":
        found = {**DATETIME_ATTACKS, "NUL": TEXT_ATTACKS["NUL"]}
    return found


@dataclass(frozen=True)
class Sending:
    name: str  # e.g. "note_text=NUL" or "body=nested"
    content: bytes
    content_type: str
    never_stored: bool


def json_bytes(body: Any) -> bytes:
    # ensure_ascii keeps a lone surrogate as the \ud800 escape a hostile client would send.
    return json.dumps(body, ensure_ascii=True).encode()


def sendings(route: AppRoute, valid: Any, form: bool) -> Iterator[Sending]:
    schema = route.body_schema.model_json_schema(ref_template="#/$defs/{model}")
    defs = schema.get("$defs", {})
    for leaf in leaves(schema, defs, valid):
        where = ".".join(str(p) for p in leaf.path)
        for attack, value in attacks_on(leaf).items():
            body = replaced(valid, leaf.path, value)
            if form:
                if len(leaf.path) != 1:
                    continue
                content = "&".join(
                    f"{k}={_form_value(v)}" for k, v in body.items() if v is not None
                ).encode("utf-8", "surrogatepass")
                yield Sending(
                    f"{where}={attack}",
                    content,
                    "application/x-www-form-urlencoded",
                    attack in NEVER_STORED,
                )
            else:
                yield Sending(
                    f"{where}={attack}",
                    json_bytes(body),
                    "application/json",
                    attack in NEVER_STORED,
                )
    depth = 100_000
    yield Sending("body=nested", b'{"a":' * depth + b"1" + b"}" * depth, "application/json", True)
    yield Sending("body=invalid UTF-8", b'{"name": "\xff\xfe"}', "application/json", True)
    yield Sending("body=text/plain", json_bytes(valid), "text/plain", True)
    yield Sending("body=XML", b"<note>hallo</note>", "application/xml", True)
    if not form:
        yield Sending("body=form", b"a=1&b=2", "application/x-www-form-urlencoded", True)


def _form_value(value: Any) -> str:
    from urllib.parse import quote

    return quote(str(value).encode("utf-8", "surrogatepass"), safe="")


@dataclass
class Finding:
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.where}: {self.detail}"


def send(
    client: TestClient,
    session: Session,
    world: World,
    route: AppRoute,
    probe: Probe,
    case: Case,
    caller: Caller,
    sending: Sending,
) -> Response:
    session.commit()
    ctx = Ctx(session, world, case)
    headers = {**caller.headers, "Content-Type": sending.content_type}
    if probe.if_match:
        headers["If-Match"] = etag(probe.if_match(ctx))
    query = probe.query(ctx) if probe.query else None
    session.commit()
    url = fill(route.template, case, probe)
    return client.request(route.method, url, params=query, headers=headers, content=sending.content)


def test_hostile_input_corpus(
    app: FastAPI,
    probe_client: TestClient,
    session: Session,
    engine: Engine,
    security_world: World,
) -> None:
    findings: list[Finding] = []
    answers: dict[str, int] = {}
    routes = 0
    for route in api_routes(app):
        if route.method not in ("POST", "PUT", "PATCH") or route.body_schema is None:
            continue
        routes += 1
        for probe in ROUTES[route.key]:
            assert probe.body is not None, f"{route.name} has a body but no body in the table"
            caller = allowed_caller(security_world, probe)
            case = security_world.cases[caller.case_kind]
            valid = probe.body(Ctx(session, security_world, case))
            session.commit()
            before = fingerprint(engine)
            for sending in sendings(route, valid, probe.form):
                where = f"{route.name}{f' [{probe.variant}]' if probe.variant else ''} " + (
                    sending.name
                )
                answer = send(
                    probe_client, session, security_world, route, probe, case, caller, sending
                )
                answers[where] = answer.status_code
                after = fingerprint(engine)
                if answer.status_code >= 500:
                    findings.append(Finding(where, f"{answer.status_code}: {answer.text[:200]}"))
                if answer.is_success and sending.never_stored:
                    findings.append(Finding(where, f"accepted ({answer.status_code})"))
                elif not answer.is_success and after != before:
                    findings.append(
                        Finding(where, f"{answer.status_code}, but the database changed")
                    )
                before = after
    database = engine.dialect.name
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"hostile-{database}.json").write_text(json.dumps(answers, indent=0, sort_keys=True))
    server_errors = sum(1 for status in answers.values() if status >= 500)
    figure = (
        f"hostile input ({database}): {len(answers):,} probes on {routes} write routes, "
        f"{server_errors} × 5xx, {len(findings)} findings"
    )
    report(figure)
    print(figure)
    assert not findings, figure + "\n" + "\n".join(str(f) for f in findings[:80])
