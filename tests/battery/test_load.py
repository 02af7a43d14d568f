"""Battery items 9 and 11: mixed traffic from a second process against a real server, then the
server's log read back. 0 errors, records created = 201s acknowledged, memory growth printed,
and no password, token or personal data in the log.

`make soak` runs the same with WERKPAD_LOAD_SECONDS=1800."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.auth.models import Role
from app.core.config import Settings
from app.notes.models import Note
from app.progress.models import ProgressLog
from tests.battery.server import ROOT, ServerProcess
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.organisations import make_organisation, make_work_floor
from tests.factories.progress import make_placement, restore_default_competence_items
from tests.factories.users import PASSWORD, make_user
from tests.figures import report

SECONDS = float(os.environ.get("WERKPAD_LOAD_SECONDS", "15"))
CANARY = "Kanarievogel"
CANARY_INSZ = "85030412345"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def _plan(session: Session) -> dict[str, Any]:
    restore_default_competence_items(session)
    home = make_organisation(session)
    floor = make_work_floor(session, home)
    users = {role: make_user(session, home, role=role) for role in Role if role is not Role.ADMIN}
    trajectories, placements = [], []
    for n in range(6):
        participant = make_participant(
            session, home, first_name=f"{CANARY}{n}", insz=CANARY_INSZ if n == 0 else None
        )
        trajectory = make_trajectory(session, participant, home)
        add_team_member(session, trajectory, users[Role.MEDIATOR])
        trajectories.append(str(trajectory.id))
        placements.append(str(make_placement(session, trajectory, floor).id))
    return {
        "logins": {
            role.value: {"email": users[role].email, "password": PASSWORD}
            for role in (Role.COACH, Role.MEDIATOR, Role.MANAGER)
        },
        "trajectory_ids": trajectories,
        "floor_id": str(floor.id),
        "placement_ids": placements[:4],
        "search": CANARY,
    }


def _emails(plan: dict[str, Any]) -> list[str]:
    return [login["email"] for login in plan["logins"].values()]


def count(session: Session, model: Any) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_mixed_traffic_from_a_second_process_gives_no_errors_and_loses_nothing(
    database_url: str, session: Session, settings: Settings, tmp_path: Path
) -> None:
    plan = _plan(session)
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    server = ServerProcess(database_url, tmp_path / "server.log")
    server.start()
    assert server.process is not None
    samples: list[int] = []
    done = threading.Event()

    def sample_memory() -> None:
        assert server.process is not None
        while not done.wait(0.5):
            samples.append(rss_kib(server.process.pid))

    sampler = threading.Thread(target=sample_memory)
    try:
        started_rss = rss_kib(server.process.pid)
        sampler.start()
        started = time.monotonic()
        load = [sys.executable, "-m", "tests.battery.load", "--base-url", server.base_url]
        subprocess.run(
            [
                *load,
                "--plan",
                str(tmp_path / "plan.json"),
                "--seconds",
                str(SECONDS),
                "--out",
                str(tmp_path / "result.json"),
            ],
            cwd=ROOT,
            check=True,
            timeout=SECONDS + 120,
        )
        elapsed = time.monotonic() - started
    finally:
        done.set()
        if sampler.is_alive():
            sampler.join()
        server.stop()

    result = json.loads((tmp_path / "result.json").read_text())
    requests = sum(result["statuses"].values())
    created = {kind: len(ids) for kind, ids in result["created"].items()}
    assert result["failures"] == []
    assert requests > 0
    assert count(session, ProgressLog) == created.get("progress_logs", 0)
    assert count(session, Note) == created.get("notes", 0)

    log = (tmp_path / "server.log").read_text()
    assert "werkpad.access" in log  # the log was really captured
    leaks = {
        secret: log.count(secret)
        for secret in (PASSWORD, CANARY, CANARY_INSZ, "eyJ", "Bearer", *_emails(plan))
    }
    assert sum(leaks.values()) == 0, leaks
    # Logins spike (argon2 takes 64 MiB per hash, freed after): growth counts after warm-up.
    assert len(samples) >= 10
    warm, end, peak = samples[len(samples) // 3], samples[-1], max(samples)
    growth_mib = (end - warm) / 1024
    assert growth_mib < 64, samples
    report(
        f"load: {requests} requests in {elapsed:.0f} s ({requests / elapsed:.0f}/s), 0 errors; "
        f"created {created} = 201s acknowledged; server RSS {started_rss // 1024} MiB at "
        f"start, {peak // 1024} MiB peak (logins), {end // 1024} MiB at the end, growth after "
        f"warm-up {growth_mib:.1f} MiB"
    )
    report(f"log hygiene: {len(log.splitlines())} log lines, 0 passwords, tokens or personal data")
