from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.organisations.models import WorkFloor


def test_foreign_keys_are_enforced(session: Session) -> None:
    session.add(WorkFloor(organisation_id=uuid.uuid4(), name="Nergens", capacity=1))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_writes_ahead_to_a_log(engine: Engine) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # Readers do not block the writer, and foreign keys are on for every connection.
            assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        else:
            assert connection.scalar(text("SHOW wal_level")) in {"replica", "logical"}
