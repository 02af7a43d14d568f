"""The hostile-input corpus must answer the same on SQLite and PostgreSQL (quality.md battery
item 2). Each pytest run writes its answers (tests/battery/test_hostile_input.py); ``make test``
runs this after both and fails on any probe answered differently, or missing on one side."""

from __future__ import annotations

import json
import sys

from tests.battery.test_hostile_input import RESULTS


def main() -> int:
    answers = {}
    for database in ("sqlite", "postgresql"):
        path = RESULTS / f"hostile-{database}.json"
        if not path.exists():
            print(f"hostile input: no answers from {database} ({path}): run pytest on it first")
            return 1
        answers[database] = json.loads(path.read_text())
    sqlite, postgres = answers["sqlite"], answers["postgresql"]
    differing = sorted(
        probe
        for probe in sqlite.keys() | postgres.keys()
        if sqlite.get(probe) != postgres.get(probe)
    )
    print(
        f"hostile input: {len(sqlite):,} probes on SQLite, {len(postgres):,} on PostgreSQL, "
        f"{len(differing)} answered differently"
    )
    for probe in differing[:50]:
        print(f"  {probe}: SQLite {sqlite.get(probe)}, PostgreSQL {postgres.get(probe)}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
