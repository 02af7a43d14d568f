"""Drive the server with wrk (Debian's package): one thread, N keep-alive connections, for a
fixed time, cycling through a scenario's requests. wrk is written in C and needs a fraction
of a core, so on a two-core machine the server keeps the other core to itself."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.server import PeakRss, Server, cpu_seconds

DRIVER = Path(__file__).with_name("driver.lua")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: str | None = None


@dataclass(frozen=True)
class RunResult:
    concurrency: int
    seconds: float
    requests: int
    failed: int  # non-2xx/3xx answers, timeouts, socket errors
    conflicts: int  # of which 409s (counted only where asked)
    latency_ms: dict[str, float]
    server_cpu_seconds: float
    peak_rss_bytes: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_seconds / self.requests if self.requests else 0.0


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is not installed: `apt-get install wrk` (make bench does it)")
    return found


def wrk_version() -> str:
    answer = subprocess.run([wrk_path(), "--version"], capture_output=True, text=True)  # noqa: S603
    return (answer.stdout or answer.stderr).splitlines()[0].split(" [")[0]


def _lua_table(requests: list[Request]) -> str:
    def text(value: str) -> str:
        if "]==]" in value:
            raise ValueError("a request holds the Lua string terminator")
        return f"[==[{value}]==]"

    rows = ",\n".join(
        f"{{{text(r.method)}, {text(r.path)}, {text(r.body) if r.body is not None else 'nil'}}}"
        for r in requests
    )
    return "return {\n" + rows + "\n}\n"


def run(
    server: Server,
    token: str,
    requests: list[Request],
    *,
    concurrency: int,
    seconds: int,
    count_conflicts: bool = False,
) -> RunResult:
    with tempfile.TemporaryDirectory(prefix="werkpad-bench-") as folder:
        planned = Path(folder) / "requests.lua"
        planned.write_text(_lua_table(requests))
        env = {**os.environ, "BENCH_TOKEN": token, "BENCH_REQUESTS": str(planned)}
        if count_conflicts:
            env["BENCH_COUNT_CONFLICTS"] = "1"
        command = [
            wrk_path(), "-t1", f"-c{concurrency}", f"-d{seconds}s", "--timeout", "120s",
            "-s", str(DRIVER), server.base_url,
        ]  # fmt: skip
        cpu_before = cpu_seconds(server.pid)
        with PeakRss(server.pid) as rss:
            answer = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        cpu = cpu_seconds(server.pid) - cpu_before
    line = next((x for x in answer.stdout.splitlines() if x.startswith("BENCH-JSON ")), None)
    if answer.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({answer.returncode}):\n{answer.stdout}\n{answer.stderr}")
    figures = json.loads(line.removeprefix("BENCH-JSON "))
    latency = {k: v / 1000 for k, v in figures["latency_us"].items()}
    return RunResult(
        concurrency=concurrency,
        seconds=figures["duration_us"] / 1e6,
        requests=figures["requests"],
        failed=sum(figures["errors"].values()),
        conflicts=figures["conflicts"],
        latency_ms=latency,
        server_cpu_seconds=cpu,
        peak_rss_bytes=rss.peak,
    )


def sequential(server: Server, token: str, requests: list[Request], *, count: int) -> RunResult:
    """For requests that take seconds: ``count`` of them one after the other, timed here
    (a time-bounded wrk run would end before the first answer)."""
    timings, failed = [], 0
    cpu_before = cpu_seconds(server.pid)
    started = time.perf_counter()
    with PeakRss(server.pid) as rss:
        for n in range(count):
            request = requests[n % len(requests)]
            sent = urllib.request.Request(  # noqa: S310 - our own server on 127.0.0.1
                server.base_url + request.path,
                data=request.body.encode() if request.body is not None else None,
                method=request.method,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            before = time.perf_counter()
            try:
                with urllib.request.urlopen(sent, timeout=600) as answer:  # noqa: S310
                    answer.read()
            except OSError:
                failed += 1
            timings.append(1000 * (time.perf_counter() - before))
    elapsed = time.perf_counter() - started
    ordered = sorted(timings)

    def percentile(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    return RunResult(
        concurrency=1,
        seconds=elapsed,
        requests=count,
        failed=failed,
        conflicts=0,
        latency_ms={
            "mean": statistics.fmean(timings),
            "p50": percentile(50),
            "p95": percentile(95),
            "p99": percentile(99),
            "max": ordered[-1],
        },
        server_cpu_seconds=cpu_seconds(server.pid) - cpu_before,
        peak_rss_bytes=rss.peak,
    )
