"""Mixed, realistic traffic against a running Werkpad, from its own process (battery item 9).

    python -m tests.battery.load --base-url URL --plan plan.json --seconds 20 --out result.json

The plan names logins per role and the objects they work on. Coaches read and record their
floor's day, mediators search, open case files and write progress logs and notes, managers
read lists. The result counts every answer by status and lists the ids of what was created,
so the caller can check that records created = 201s acknowledged.
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

API = "/api/v1"


@dataclass
class Tally:
    statuses: Counter[str] = field(default_factory=Counter)
    created: dict[str, list[str]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, label: str, response: httpx.Response, kind: str | None = None) -> None:
        with self.lock:
            self.statuses[str(response.status_code)] += 1
            if response.status_code >= 400:
                self.failures.append(f"{label}: {response.status_code} {response.text[:300]}")
            elif kind is not None and response.status_code == 201:
                self.created.setdefault(kind, []).append(response.json()["id"])


def _login(client: httpx.Client, login: dict[str, str], tally: Tally) -> None:
    response = client.post(
        f"{API}/auth/login", data={"username": login["email"], "password": login["password"]}
    )
    tally.note("login", response)
    client.headers["Authorization"] = f"Bearer {response.json()['access_token']}"


def _coach(
    client: httpx.Client, plan: dict[str, Any], rng: random.Random, tally: Tally, lane: int
) -> None:
    # One coach per day, as on a real floor: two recording the same day at once get a 409.
    day = (date.today() - timedelta(days=2 * rng.randint(1, 10) + lane % 2)).isoformat()
    floor = f"{API}/work-floors/{plan['floor_id']}/attendance"
    tally.note("floor day", client.get(floor, params={"date": day}))
    marks = [("present", 3), ("present", 2.5), ("sick", 0), ("absent_excused", 0)]
    entries = [
        {"placement_id": p, "half_day": half, "status": status, "hours": hours}
        for p in plan["placement_ids"]
        for half in ("am", "pm")
        for status, hours in [rng.choice(marks)]
    ]
    tally.note("record floor day", client.post(floor, json={"date": day, "entries": entries}))


def _mediator(
    client: httpx.Client, plan: dict[str, Any], rng: random.Random, tally: Tally, lane: int
) -> None:
    trajectory = rng.choice(plan["trajectory_ids"])
    tally.note("search", client.get(f"{API}/participants", params={"q": plan["search"]}))
    tally.note("trajectory", client.get(f"{API}/trajectories/{trajectory}"))
    tally.note("timeline", client.get(f"{API}/trajectories/{trajectory}/timeline"))
    if rng.random() < 0.5:
        body = {"logged_on": date.today().isoformat(), "text": "Vlot gewerkt vandaag."}
        response = client.post(f"{API}/trajectories/{trajectory}/progress-logs", json=body)
        tally.note("progress log", response, kind="progress_logs")
    else:
        body = {"visibility": "team", "body": "Afspraak met de werkgever bevestigd."}
        response = client.post(f"{API}/trajectories/{trajectory}/notes", json=body)
        tally.note("note", response, kind="notes")


def _manager(
    client: httpx.Client, plan: dict[str, Any], rng: random.Random, tally: Tally, lane: int
) -> None:
    tally.note("caseload", client.get(f"{API}/participants", params={"limit": 50}))
    tally.note("trajectories", client.get(f"{API}/trajectories", params={"limit": 50}))


ROLES = {"coach": _coach, "mediator": _mediator, "manager": _manager}


def run(base_url: str, plan: dict[str, Any], seconds: float, clients_per_role: int) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds

    def worker(role: str, lane: int) -> None:
        rng = random.Random(lane)
        with httpx.Client(base_url=base_url, timeout=30) as client:
            _login(client, plan["logins"][role], tally)
            while time.monotonic() < deadline:
                try:
                    ROLES[role](client, plan, rng, tally, lane)
                except httpx.HTTPError as exc:
                    with tally.lock:
                        tally.failures.append(f"{role}: {type(exc).__name__} {exc}")

    threads = [
        threading.Thread(target=worker, args=(role, lane))
        for role in ROLES
        for lane in range(clients_per_role)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients-per-role", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    tally = run(
        args.base_url, json.loads(args.plan.read_text()), args.seconds, args.clients_per_role
    )
    args.out.write_text(
        json.dumps(
            {"statuses": tally.statuses, "created": tally.created, "failures": tally.failures}
        )
    )


if __name__ == "__main__":
    main()
