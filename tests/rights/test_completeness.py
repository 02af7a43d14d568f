"""Nothing about the person is left out: every table that holds rows about a participant is in
the export. A table added later without an export section fails here."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import Row, Table, or_, select
from sqlalchemy.orm import Session

from app.all_models import metadata
from tests.access.conftest import World
from tests.rights.support import export_url

# Tables about a participant that the export does not copy row by row, and why.
NOT_EXPORTED = {
    # The trail's own rows (hashes, addresses, chain positions) are the platform's evidence;
    # the person gets what they say: who looked and did what, as file_looks (audit service).
    "audit_events",
}
PERSONAL_COLUMNS = ("participant_id", "trajectory_id")


def personal_tables() -> list[Table]:
    """Tables with a participant_id or trajectory_id column, and the tables that hang off
    those by a foreign key (attendance through its placement, scores through their log)."""
    found: dict[str, Table] = {}
    for table in metadata.sorted_tables:  # a referenced table comes before its referrers
        direct = any(name in table.c for name in PERSONAL_COLUMNS)
        through = any(
            fk.column.table.name in found and fk.column.table is not table
            for fk in table.foreign_keys
        )
        if direct or through:
            found[table.name] = table
    return list(found.values())


def rows_about(session: Session, participant_id: uuid.UUID) -> dict[str, list[Row[Any]]]:
    trajectories = metadata.tables["trajectories"]
    on_file = select(trajectories.c.id).where(trajectories.c.participant_id == participant_id)
    found: dict[str, list[Row[Any]]] = {}
    for table in personal_tables():
        conditions = []
        if "participant_id" in table.c:
            conditions.append(table.c.participant_id == participant_id)
        if "trajectory_id" in table.c:
            conditions.append(table.c.trajectory_id.in_(on_file))
        for fk in table.foreign_keys:
            referenced = fk.column.table
            if referenced.name in found and referenced is not table:
                keys = {row._mapping[fk.column] for row in found[referenced.name]}
                conditions.append(fk.parent.in_(keys))
        found[table.name] = list(session.execute(select(table).where(or_(*conditions))).all())
    return found


def strings_in(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def test_every_row_about_the_participant_is_in_the_export(
    client: TestClient, session: Session, full_world: World, admin_headers: dict[str, str]
) -> None:
    response = client.get(export_url(full_world.participant), headers=admin_headers)
    assert response.status_code == 200, response.text
    exported = set(strings_in(response.json()))
    found = rows_about(session, full_world.participant.id)

    assert found.keys() >= NOT_EXPORTED, "an exclusion names a table that holds no personal data"
    checked = 0
    for name, rows in found.items():
        if name in NOT_EXPORTED:
            continue
        assert rows, f"{name}: the test world has no row here; add one in tests/rights/support.py"
        key = metadata.tables[name].primary_key.columns
        for row in rows:
            values = [str(row._mapping[column]) for column in key]
            assert set(values) <= exported, f"{name} {values} is missing from the export"
            checked += 1
    print(f"participant export: {len(found) - len(NOT_EXPORTED)} tables, {checked} rows, all in")
    assert {"notes", "attendances", "progress_scores", "break_glass_grants"} <= found.keys()
