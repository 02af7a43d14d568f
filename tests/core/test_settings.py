from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.core import config
from app.core.config import Settings


@pytest.mark.parametrize("secret", ["", "changeme", "short-secret", "a" * 64])
def test_production_refuses_a_missing_or_weak_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(env="production", secret_key=secret)


def test_production_accepts_a_strong_secret() -> None:
    strong = "Zq3-vT9x_Lm2PwR8kY4nB7cD1eF6gH0jK5sU"
    assert Settings(env="production", secret_key=strong).secret_key == strong


def test_dev_generates_a_private_secret_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(config, "VAR_DIR", tmp_path)
    first = Settings(env="dev", secret_key="").secret_key
    second = Settings(env="dev", secret_key="").secret_key
    assert first == second
    assert len(first) >= 32
    mode = stat.S_IMODE(os.stat(tmp_path / "dev-secret-key").st_mode)
    assert mode == 0o600


def test_wildcard_cors_origin_is_refused() -> None:
    with pytest.raises(ValidationError, match="CORS"):
        Settings(cors_origins=["*"], secret_key="x" * 40)


def test_cors_origins_read_from_a_comma_separated_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WERKPAD_CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("WERKPAD_SECRET_KEY", "x" * 40)
    assert Settings().cors_origins == ["https://a.example", "https://b.example"]


def test_default_database_is_the_sqlite_file_under_var(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WERKPAD_DATABASE_URL", raising=False)
    url = Settings(secret_key="x" * 40).database_url
    assert url.startswith("sqlite:///") and url.endswith("var/werkpad.db")
