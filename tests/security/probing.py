"""Send the rule table's probes and judge the answers: status, leaked text, lists, and that an
invisible object answers byte for byte like one that does not exist."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from app.core.concurrency import etag
from tests.security.routes import OK, AppRoute, Ctx, Probe, fill
from tests.security.world import CANARY, Caller, Case, World

CANARY_TEXT = re.compile(re.escape(CANARY) + r"-[0-9a-f]{10}", re.IGNORECASE)


def canaries_in(text: str, sent: str) -> set[str]:
    """Organisation B's marked strings in an answer, except those the caller sent itself."""
    return {m.lower() for m in CANARY_TEXT.findall(text)} - {
        m.lower() for m in CANARY_TEXT.findall(sent)
    }


# The figures the battery prints at the end of the run (tests/security/conftest.py).


@dataclass(frozen=True)
class Finding:
    kind: str  # "leak": more was shown than the rules allow; "wrong answer": anything else
    where: str
    caller: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.where} as {self.caller}: {self.detail}"


@dataclass
class Tally:
    probes: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def leaks(self) -> int:
        return sum(1 for f in self.findings if f.kind == "leak")

    def summary(self, title: str, unit: str = "probes") -> str:
        line = f"{title}: {self.probes:,} {unit}, {self.leaks:,} leaks"
        wrong = len(self.findings) - self.leaks
        return line + (f", {wrong:,} wrong answers" if wrong else "")

    def report(self, limit: int = 60) -> str:
        lines = [str(f) for f in self.findings[:limit]]
        if len(self.findings) > limit:
            lines.append(f"… and {len(self.findings) - limit} more")
        return "\n".join(lines)


def _expected_text(expected: int) -> str:
    return "2xx" if expected == OK else str(expected)


def _where(route: AppRoute, probe: Probe) -> str:
    return route.name + (f" [{probe.variant}]" if probe.variant else "")


def _excerpt(response: Response) -> str:
    return response.text[:160].replace("\n", " ")


@dataclass
class Sent:
    response: Response
    text: str  # everything the caller put in the request: echoes of it are no leak


class Prober:
    def __init__(self, client: TestClient, session: Session, world: World) -> None:
        self.client = client
        self.session = session
        self.world = world
        self.tally = Tally()
        # The answer for unknown ids, per route, variant and kind of caller (role, secrecy,
        # platform): it cannot depend on anything else, and asking once saves half the run.
        self._unknown: dict[tuple[Any, ...], tuple[int, bytes]] = {}
        # Marked strings some allowed caller was shown: a string never shown to anyone would
        # make its leak check blind (a field the API does not return, a cut excerpt).
        self.shown: set[str] = set()

    # --- sending ------------------------------------------------------------------------------

    def send(self, route: AppRoute, probe: Probe, case: Case, headers: dict[str, str]) -> Sent:
        # Commit around the factories: they must read what the app committed last (SQLite
        # keeps a snapshot per read transaction), and the app must see what they wrote.
        self.session.commit()
        ctx = Ctx(self.session, self.world, case)
        url = fill(route.template, case, probe)
        query = probe.query(ctx) if probe.query else None
        body = probe.body(ctx) if probe.body else None
        headers = dict(headers)
        if probe.if_match:
            headers["If-Match"] = etag(probe.if_match(ctx))
        self.session.commit()
        payload: dict[str, Any] = {}
        if body is not None:
            payload["data" if probe.form else "json"] = body
        response = self.client.request(route.method, url, params=query, headers=headers, **payload)
        return Sent(response, url + json.dumps(query) + json.dumps(body))

    def target(self, probe: Probe, case: Case, expected: int) -> Case:
        if probe.fresh and (probe.fresh_always or expected == OK):
            return probe.fresh(Ctx(self.session, self.world, case))
        return case

    # --- the three kinds of probe ----------------------------------------------------------

    def run(self, route: AppRoute, probe: Probe, caller: Caller) -> None:
        where = _where(route, probe)
        case = self.world.cases[caller.case_kind]
        expected = probe.expect(caller, case)
        case = self.target(probe, case, expected)
        sent = self.send(route, probe, case, caller.headers)
        self.tally.probes += 1
        self.judge_status(where, caller.label, expected, sent.response)
        self.judge_canary(where, caller.label, sent)
        if not (probe.whole_file_for and probe.whole_file_for(caller, case)):
            self.judge_text(where, caller, case, sent)
        if sent.response.is_success:
            self.judge_lists(where, caller, case, probe, sent.response)
        if expected == 404 and sent.response.status_code == 404:
            status, content = self.unknown(route, probe, case, caller)
            if (status, content) != (404, sent.response.content):
                self.add(
                    "leak",
                    where,
                    caller.label,
                    "the 404 differs from the answer for an unknown id: "
                    f"{_excerpt(sent.response)!r} vs {status} {content[:160]!r}",
                )

    def unknown(
        self, route: AppRoute, probe: Probe, case: Case, caller: Caller
    ) -> tuple[int, bytes]:
        p = caller.principal
        key = (
            route.key,
            probe.variant,
            p.role,
            p.bound_by_professional_secrecy,
            p.is_platform_admin,
        )
        if key not in self._unknown:
            response = self.send(route, probe, case.phantom(), caller.headers).response
            self._unknown[key] = (response.status_code, response.content)
        return self._unknown[key]

    def run_public(self, route: AppRoute, probe: Probe) -> None:
        assert probe.public is not None
        sent = self.send(route, probe, self.world.cases["main"], {})
        self.tally.probes += 1
        self.judge_status(route.name, "anonymous", probe.public, sent.response)

    def run_anonymous(self, route: AppRoute, probe: Probe) -> None:
        """Without a token every other route answers 401, whatever else the request lacks
        (here: the If-Match a signed-in client would send)."""
        bare = dataclasses.replace(probe, if_match=None)
        sent = self.send(route, bare, self.world.cases["main"], {})
        self.tally.probes += 1
        self.judge_status(_where(route, probe), "anonymous", 401, sent.response)

    # --- judging --------------------------------------------------------------------------

    def add(self, kind: str, where: str, caller: str, detail: str) -> None:
        self.tally.findings.append(Finding(kind, where, caller, detail))

    def judge_status(self, where: str, caller: str, expected: int, response: Response) -> None:
        got = response.status_code
        if got == expected or (expected == OK and response.is_success):
            return
        # More than allowed, or telling an outsider that the object exists (403 for a 404).
        shown = (response.is_success and expected != OK) or (expected == 404 and got == 403)
        self.add(
            "leak" if shown else "wrong answer",
            where,
            caller,
            f"expected {_expected_text(expected)}, got {got}: {_excerpt(response)!r}",
        )

    def judge_canary(self, where: str, caller: str, sent: Sent) -> bool:
        """Nobody here has any relation to organisation B's file: none of it, anywhere."""
        body = sent.response.text
        found = canaries_in(body, sent.text)
        insz = self.world.cases["b"].insz
        if insz in body and insz not in sent.text:
            found.add(insz)
        for text in sorted(found):
            self.add("leak", where, caller, f"answer holds organisation B's {text!r}")
        return not found

    def judge_text(self, where: str, caller: Caller, case: Case, sent: Sent) -> None:
        body = sent.response.text
        for scope, tokens in case.tokens.items():
            if caller.may_read(scope):
                self.shown.update(token for token in tokens if token in body)
                continue
            for token in tokens:
                if token in body and token not in sent.text:
                    self.add("leak", where, caller.label, f"answer holds {scope} text {token!r}")

    def judge_lists(
        self, where: str, caller: Caller, case: Case, probe: Probe, response: Response
    ) -> None:
        for identify, should_list in probe.listed:
            listed = str(identify(case)) in response.text
            if listed != should_list(caller, case):
                self.add(
                    "leak" if listed else "wrong answer",
                    where,
                    caller.label,
                    f"{'lists' if listed else 'does not list'} {identify(case)}",
                )
