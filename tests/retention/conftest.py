from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import config
from app.core.config import Settings
from tests.conftest import TEST_SECRET


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger" / "erasure-ledger.jsonl"


@pytest.fixture
def settings(database_url: str, tmp_path: Path, ledger_path: Path) -> Settings:
    return Settings(
        database_url=database_url,
        secret_key=TEST_SECRET,
        frontend_dist=tmp_path / "no-dist",
        erasure_ledger_path=ledger_path,
    )


@pytest.fixture
def cli_env(database_url: str, ledger_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The `werkpad` command sees the test database and the test's ledger."""
    monkeypatch.setenv("WERKPAD_DATABASE_URL", database_url)
    monkeypatch.setenv("WERKPAD_SECRET_KEY", TEST_SECRET)
    monkeypatch.setenv("WERKPAD_ERASURE_LEDGER_PATH", str(ledger_path))
    config.get_settings.cache_clear()
    yield database_url
    config.get_settings.cache_clear()
