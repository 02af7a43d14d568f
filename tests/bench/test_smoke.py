"""The synthetic region and the benchmark harness work (no timing is asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from typer.testing import CliRunner

from app.all_models import metadata
from app.auth.models import Role, User
from app.cli import cli, run_migrations
from app.core.database import make_engine
from app.notes.models import Note, Visibility
from app.outflow.categories import PAID_CATEGORIES
from app.outflow.models import FollowUp, Outflow
from app.synthetic import DatabaseNotEmpty, generate
from app.trajectories.models import PhaseChange, Trajectory
from app.trajectories.phases import Phase, replay

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 24)


def count(engine: Engine, table: str) -> int:
    with engine.connect() as db:
        return int(
            db.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()
        )


def test_a_small_region_fills_every_case_file_table_within_the_constraints(engine: Engine) -> None:
    report = generate(engine, participants=300, seed=7, today=TODAY)

    assert report.counts["participants"] == count(engine, "participants") == 300
    assert 300 <= report.counts["trajectories"] <= 420  # re-entries
    assert report.counts == {t: count(engine, t) for t in report.counts}
    empty = {
        t.name
        for t in metadata.sorted_tables
        if t.name not in report.counts and t.name != "frameworks"
    }
    # Only what no region holds before anyone logs in or asks for a change.
    assert empty <= {
        "audit_events", "idempotency_keys", "refresh_tokens", "login_attempts", "export_requests",
        "competence_items", "break_glass_grants", "participant_changes",
        *(t for t in empty if "erasure" in t),
    }  # fmt: skip
    with engine.connect() as db:
        if engine.dialect.name == "sqlite":
            assert db.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert db.execute(text("PRAGMA foreign_key_check")).all() == []
        roles = set(db.scalars(select(User.role).distinct()))
        secrecy = set(db.scalars(select(User.bound_by_professional_secrecy).distinct()))
        visibilities = set(db.scalars(select(Note.visibility).distinct()))
        phases = set(db.scalars(select(Trajectory.phase).distinct()))
        paid = db.scalars(select(Outflow.id).where(Outflow.category.in_(PAID_CATEGORIES))).all()
        paid_without_job = db.scalar(
            select(func.count())
            .select_from(Outflow)
            .where(Outflow.category.in_(PAID_CATEGORIES), Outflow.job_id.is_(None))
        )
        follow_ups = db.scalar(select(func.count()).select_from(FollowUp))
        histories: dict[object, list[tuple[Phase, Phase]]] = {}
        for trajectory_id, from_phase, to_phase in db.execute(
            select(PhaseChange.trajectory_id, PhaseChange.from_phase, PhaseChange.to_phase)
            .where(PhaseChange.from_phase.is_not(None))
            .order_by(PhaseChange.trajectory_id, PhaseChange.on, PhaseChange.created_at)
        ):
            assert from_phase is not None
            histories.setdefault(trajectory_id, []).append((from_phase, to_phase))
        current = {t: phase for t, phase in db.execute(select(Trajectory.id, Trajectory.phase))}
    assert roles == set(Role)
    assert secrecy == {True, False}
    assert visibilities == set(Visibility)
    assert phases == set(Phase)
    assert paid and paid_without_job == 0 and follow_ups == 3 * len(paid)
    # Every trajectory's phase is where its history of moves leads, by the phase machine.
    assert all(replay(Phase.INTAKE, histories.get(t, [])) is phase for t, phase in current.items())


def test_the_generator_refuses_a_database_that_holds_data(engine: Engine) -> None:
    generate(engine, participants=20, seed=1, today=TODAY)

    with pytest.raises(DatabaseNotEmpty) as refused:
        generate(engine, participants=20, seed=1, today=TODAY)
    assert "organisations" in refused.value.tables
    assert count(engine, "participants") == 20


def region_digest(path: Path, seed: int, *, separate_process: bool = False) -> list[object]:
    url = f"sqlite:///{path}"
    run_migrations(url)
    engine = make_engine(url)
    generate(engine, participants=40, seed=seed, today=TODAY, separate_process=separate_process)
    with engine.connect() as db:
        rows: list[object] = [
            tuple(row)
            for row in db.execute(
                text("SELECT id, first_name, last_name, birth_date FROM participants ORDER BY id")
            )
        ]
        for table in ("trajectories", "attendances", "progress_scores", "consents", "notes"):
            rows.append(db.execute(text(f"SELECT * FROM {table} ORDER BY id")).all())  # noqa: S608
    engine.dispose()
    return rows


def test_the_same_seed_and_day_give_the_same_region(tmp_path: Path) -> None:
    first = region_digest(tmp_path / "one.db", seed=5)
    assert first == region_digest(tmp_path / "two.db", seed=5)
    assert first != region_digest(tmp_path / "three.db", seed=6)


def test_a_region_built_in_a_second_process_is_the_same_region(tmp_path: Path) -> None:
    here = region_digest(tmp_path / "here.db", seed=3)
    there = region_digest(tmp_path / "there.db", seed=3, separate_process=True)

    assert here == there
    assert len(here[-1]) > 0  # type: ignore[arg-type]


def test_bench_data_refuses_a_filled_database_unless_told_to_replace_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    runner = CliRunner()
    arguments = ["bench-data", "--participants", "30", "--database-url", url]

    made = runner.invoke(cli, arguments)
    refused = runner.invoke(cli, arguments)
    replaced = runner.invoke(cli, [*arguments, "--seed", "2", "--replace"])

    assert made.exit_code == 0, made.output
    assert "participants" in made.output and "werkpad-bench" in made.output
    assert refused.exit_code == 1 and "--replace" in refused.output
    assert replaced.exit_code == 0, replaced.output
    engine = make_engine(url)
    assert count(engine, "participants") == 30
    engine.dispose()


def test_the_harness_measures_every_scenario_against_both_floors(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    command = [
        sys.executable, "-m", "bench.run", "--participants", "300", "--seconds", "1",
        "--concurrency", "1", "--warm-up", "0", "--repeats", "2", "--fresh",
        "--database-url", f"sqlite:///{tmp_path / 'bench.db'}", "--out", str(out),
        "--log", str(tmp_path / "server.log"),
    ]  # fmt: skip
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)

    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    result = json.loads(out.read_text())
    keys = [s["key"] for s in result["scenarios"]]
    assert keys[:5] == ["health", "E1", "E2", "E3", "E4"]
    assert result["region"]["participants"] == 300 and result["commit"]
    for scenario in result["scenarios"][1:]:
        if scenario["key"] == "E5":
            continue  # a report over 12 months may not answer within the second
        assert scenario["database_floor"]["floor_ms"] > 0
        first = scenario["runs"][0]
        assert first["requests"] > 0 and first["vs_framework_floor"] > 0
        assert first["vs_database_floor"] > 0
    writes = result["scenarios"][4]["writes"]
    assert writes["lost"] == 0 and writes["rows_added"] == writes["audit_events_added"] > 0
    assert "| E1 | 1 |" in finished.stdout
