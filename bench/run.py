"""`make bench`: measure Werkpad at region scale and compare it with its two floors.

    .venv/bin/python -m bench.run [--db sqlite|postgresql] [--participants N] [--seconds S]

Builds (or reuses) the synthetic region, starts `werkpad serve` on 127.0.0.1 with one worker,
drives every scenario with wrk at each concurrency for a fixed time, and prints per scenario
the latency percentiles, requests per second, server CPU per request and peak RSS, with two
ratios measured in the same run: throughput ÷ the throughput of /health (framework floor)
and API latency ÷ the same SQL through the bare driver (database floor). The figures go to
bench/results/<date>-<db>.json; the Markdown table printed last is the README's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.engine import make_url

from app.all_models import metadata
from app.core.config import Settings
from app.core.database import make_engine
from app.core.security import create_access_token
from bench import load, scenarios
from bench.floor import database_floor_ms
from bench.scenarios import Scenario
from bench.server import ROOT, Server, rss_bytes, running_server, wait_until_idle

RESULTS = ROOT / "bench" / "results"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/werkpad_bench"
SLOW_REQUEST_SECONDS = 3.0
COUNTED_TABLES = ("participants", "trajectories", "attendances", "progress_logs", "notes")


def database_url(db: str, participants: int) -> str:
    if db == "postgresql":
        return os.environ.get("BENCH_DATABASE_URL", POSTGRES_URL)
    return f"sqlite:///{ROOT / 'var' / f'bench-{participants}.db'}"


def region_marker(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Path(f"{parsed.database}.region.json")
    return ROOT / "var" / f"bench-region-{parsed.database}.json"


def ensure_region(url: str, participants: int, seed: int, fresh: bool) -> dict[str, Any]:
    """Reuse the region if it has the asked size (its generation is written next to it)."""
    marker = region_marker(url)
    known = json.loads(marker.read_text()) if marker.exists() else None
    if not fresh and known and known["participants"] == participants and known["seed"] == seed:
        print(f"Reusing the region generated on {known['generated_on']} ({url})")
        return dict(known)
    command = [
        str(ROOT / ".venv/bin/werkpad"), "bench-data", "--participants", str(participants),
        "--seed", str(seed), "--database-url", url, "--replace",
    ]  # fmt: skip
    started = time.perf_counter()
    cpu_before = os.times()
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603
    cpu_after = os.times()
    region = {
        "participants": participants,
        "seed": seed,
        "generated_on": date.today().isoformat(),
        "generation_seconds": round(time.perf_counter() - started, 1),
        "generation_cpu_seconds": round(
            cpu_after.children_user + cpu_after.children_system
            - cpu_before.children_user - cpu_before.children_system, 1
        ),
    }  # fmt: skip
    marker.parent.mkdir(exist_ok=True)
    marker.write_text(json.dumps(region))
    return region


def token_for(scenario: Scenario, settings: Settings) -> str:
    return create_access_token(scenario.actor, settings).token if scenario.actor.int else ""


def row_count(engine: Engine, table: str) -> int:
    with engine.connect() as db:
        return int(
            db.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()
        )


def measure(
    scenario: Scenario,
    server: Server,
    engine: Engine,
    url: str,
    args: argparse.Namespace,
    settings: Settings,
) -> dict[str, Any]:
    token = token_for(scenario, settings)
    result: dict[str, Any] = {
        "key": scenario.key,
        "title": scenario.title,
        "actor_role": scenario.actor_role,
        "requests_in_mix": len(scenario.requests),
        "requests_per_operation": scenario.per_operation,
        "notes": scenario.notes,
        "runs": [],
    }
    if not scenario.requests:
        result["skipped"] = "no inputs found in the database"
        return result
    wait_until_idle(server.pid)
    if scenario.key != "health":
        result["database_floor"] = database_floor_ms(
            url, server.secret_key, token, scenario.requests,
            sample=min(len(scenario.requests), 4 * scenario.per_operation), repeats=args.repeats,
        )  # fmt: skip
    count = scenario.conflicts_expected
    probe_seconds = result.get("database_floor", {}).get("probe_ms", 0) / 1000
    if probe_seconds > SLOW_REQUEST_SECONDS:
        # Requests of seconds: a time-bounded run would end before its first answer, and
        # concurrent ones would only queue. Time a few, one after the other.
        times = 3 if probe_seconds < 10 else 1
        run = load.sequential(server, token, scenario.requests, count=times)
        result["runs"].append({**asdict(run), "per_second": run.per_second,
                               "cpu_ms_per_request": run.cpu_ms_per_request})  # fmt: skip
        result["notes"].append(f"slow: {times} request(s) one after the other, no wrk")
        print(f"  {scenario.key:<6} c=1   {times} request(s), p50 {run.latency_ms['p50']:.0f} ms")
        return result
    if args.warm_up:
        load.run(
            server, token, scenario.requests, concurrency=1, seconds=args.warm_up,
            count_conflicts=count,
        )  # fmt: skip
    writes = {"rows_added": 0, "successful_answers": 0, "lost": 0, "answered_after_the_run": 0,
              "audit_events_added": 0}  # fmt: skip
    for concurrency in args.concurrency:
        wait_until_idle(server.pid)
        before = row_count(engine, scenario.counted_table) if scenario.counted_table else 0
        events_before = row_count(engine, "audit_events")
        run = load.run(
            server, token, scenario.requests, concurrency=concurrency, seconds=args.seconds,
            count_conflicts=count,
        )  # fmt: skip
        result["runs"].append({**asdict(run), "per_second": run.per_second,
                               "cpu_ms_per_request": run.cpu_ms_per_request})  # fmt: skip
        print(
            f"  {scenario.key:<6} c={concurrency:<3} {run.per_second:8.1f} req/s  "
            f"p50 {run.latency_ms['p50']:7.2f}  p99 {run.latency_ms['p99']:7.2f} ms  "
            f"failed {run.failed}" + (f" (409: {run.conflicts})" if run.conflicts else ""),
            flush=True,
        )
        if scenario.counted_table:
            # wrk stops with up to `concurrency` requests in flight: the server still stores
            # them, but wrk never counts their answers. Every counted answer must be a row.
            wait_until_idle(server.pid)
            added = row_count(engine, scenario.counted_table) - before
            answered = run.requests - run.failed
            writes["rows_added"] += added
            writes["successful_answers"] += answered
            writes["lost"] += max(0, answered - added)
            writes["answered_after_the_run"] += max(0, added - answered)
            writes["audit_events_added"] += row_count(engine, "audit_events") - events_before
    if scenario.counted_table:
        result["writes"] = writes
    return result


def ratios(results: list[dict[str, Any]]) -> None:
    """Throughput ÷ /health throughput at the same concurrency, and mean API latency at
    concurrency 1 ÷ the database floor (both per request of the scenario's mix)."""
    health = {r["concurrency"]: r["per_second"] for r in results[0]["runs"]}
    for result in results[1:]:
        for run in result["runs"]:
            run["vs_framework_floor"] = run["per_second"] / health[run["concurrency"]]
            floor = result.get("database_floor", {}).get("floor_ms")
            if floor and run["concurrency"] == 1:
                run["vs_database_floor"] = run["latency_ms"]["mean"] / floor


def markdown(results: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    lines = [
        f"Werkpad {meta['commit'][:10]} on {meta['database']}, {meta['region']['participants']:,} "
        f"participants, {meta['machine']['cpus']} CPUs, {meta['date']} "
        f"({meta['seconds_per_run']:g} s per run, wrk, one server worker)",
        "",
        "| scenario | c | p50 ms | p95 ms | p99 ms | req/s | CPU ms/req | peak RSS MB "
        "| ÷ /health req/s | ÷ DB floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for run in result["runs"]:
            floor = run.get("vs_database_floor")
            framework = run.get("vs_framework_floor")
            if not run["requests"]:
                lines.append(
                    f"| {result['key']} | {run['concurrency']} | no answer within the run |"
                )
                continue
            lines.append(
                f"| {result['key']} | {run['concurrency']} | {run['latency_ms']['p50']:.1f} "
                f"| {run['latency_ms']['p95']:.1f} | {run['latency_ms']['p99']:.1f} "
                f"| {run['per_second']:.0f} | {run['cpu_ms_per_request']:.2f} "
                f"| {run['peak_rss_bytes'] / 2**20:.0f} "
                f"| {f'{framework:.0%}' if framework is not None else '—'} "
                f"| {f'{floor:.1f}×' if floor is not None else '—'} |"
            )
    lines.append("")
    for result in results[1:]:
        floor = result.get("database_floor")
        line = f"- {result['key']}: {result['title']}"
        if floor:
            line += (
                f"; DB floor {floor['floor_ms']:.2f} ms per request "
                f"({floor['statements_per_request']:.0f} statements)"
            )
        if "writes" in result:
            w = result["writes"]
            line += (
                f"; {w['rows_added']} rows and {w['audit_events_added']} audit events added, "
                f"{w['lost']} answered writes lost"
            )
        conflicts = sum(run["conflicts"] for run in result["runs"])
        if conflicts:
            line += f"; {conflicts} answers 409 (the same floor-day recorded twice at once)"
        lines.append(line + (f" ({'; '.join(result['notes'])})" if result["notes"] else ""))
    return "\n".join(lines)


def environment(url: str, engine: Engine) -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"],  # noqa: S607
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain"],  # noqa: S607
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.strip()
    with engine.connect() as db:
        database_version = (
            db.execute(text("SHOW server_version")).scalar_one()
            if engine.dialect.name == "postgresql"
            else sqlite3.sqlite_version
        )
    return {
        "commit": commit + ("-dirty" if dirty else ""),
        "versions": {
            "python": platform.python_version(),
            "database": f"{engine.dialect.name} {database_version}",
            **{
                p: version(p)
                for p in ("fastapi", "starlette", "uvicorn", "sqlalchemy", "pydantic", "psycopg")
            },
            "wrk": load.wrk_version(),
        },
        "machine": {
            "cpus": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(),
            "load_average_at_start": os.getloadavg(),
        },
    }


def main(argv: list[str] | None = None) -> int:
    # A plain `kill` ends the run through its cleanup too: the server and wrk stop with it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", choices=("sqlite", "postgresql"), default=os.environ.get("BENCH_DB", "sqlite")
    )
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=5, help="per scenario and concurrency")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--warm-up", type=int, default=1, help="seconds per scenario, untimed")
    parser.add_argument(
        "--repeats", type=int, default=20, help="replays per request for the DB floor"
    )
    parser.add_argument("--fresh", action="store_true", help="generate the region again")
    parser.add_argument("--out", type=Path, default=None, help="where the JSON goes")
    parser.add_argument("--database-url", default=None, help="instead of the --db default")
    parser.add_argument("--log", type=Path, default=ROOT / "var" / "bench-server.log")
    parser.add_argument("--only", nargs="+", default=None, help="scenario keys, e.g. E2 E5")
    args = parser.parse_args(argv)

    url = args.database_url or database_url(args.db, args.participants)
    region = ensure_region(url, args.participants, args.seed, args.fresh)
    engine = make_engine(url)
    today = date.today()
    coach = scenarios.busiest_coach(engine)
    plan = [
        scenarios.health(),
        scenarios.open_case_file(engine),
        scenarios.caseload(engine, coach),
        scenarios.floor_attendance(engine, coach, today),
        scenarios.progress_log_writes(engine, coach, today),
    ]
    if "/api/v1/reports/indicators" in _api_paths():
        plan.append(scenarios.indicators(engine, coach))
        plan.append(scenarios.list_export(engine, today))
    if args.only:
        plan = [s for s in plan if s.key == "health" or s.key in args.only]
    region["rows"] = {t: row_count(engine, t) for t in COUNTED_TABLES}
    meta = {"date": today.isoformat(), "database": args.db, "region": region,
            "seconds_per_run": args.seconds, "concurrency": args.concurrency,
            **environment(url, engine)}  # fmt: skip
    results = []
    with running_server(url, args.log) as server:
        settings = Settings(database_url=url, secret_key=server.secret_key, access_token_minutes=60)
        for scenario in plan:
            print(f"{scenario.key}: {scenario.title}", flush=True)
            results.append(measure(scenario, server, engine, url, args, settings))
        meta["server_peak_rss_bytes"] = rss_bytes(server.pid, "VmHWM")
    engine.dispose()
    ratios(results)
    meta["machine"]["load_average_at_end"] = os.getloadavg()
    only = "-" + "-".join(args.only) if args.only else ""
    out = args.out or RESULTS / f"{today.isoformat()}-{args.db}{only}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**meta, "scenarios": results}, indent=2, default=str) + "\n")
    print()
    print(markdown(results, meta))
    print(f"\nWritten to {out}")
    lost = [
        r
        for r in results
        if "writes" in r
        and (r["writes"]["lost"] or r["writes"]["audit_events_added"] != r["writes"]["rows_added"])
    ]
    failed = [
        r["key"] for r in results if any(run["failed"] > run["conflicts"] for run in r["runs"])
    ]
    if lost or failed:
        print(f"PROBLEM: lost writes in {[r['key'] for r in lost]}, failed requests in {failed}")
        return 1
    return 0


def _api_paths() -> set[str]:
    """The routes this version of the app has (scenarios on newer routes are left out)."""
    from app.main import create_app

    app = create_app(Settings(database_url="sqlite://", secret_key="x" * 40))
    return set(app.openapi()["paths"])


if __name__ == "__main__":
    sys.exit(main())
