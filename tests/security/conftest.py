from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from tests.security.world import World, build_world


@pytest.fixture
def security_world(session: Session, settings: Settings) -> World:
    return build_world(session, settings)


@pytest.fixture
def probe_client(app: FastAPI) -> Iterator[TestClient]:
    """Like tests/conftest.py's client, but a server error is an answer to judge (500), not
    an exception that stops the battery at the first one."""
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as client:
        yield client
