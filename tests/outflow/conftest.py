"""The outflow tests use the same people and case files as the employment tests."""

from tests.employment.conftest import (
    auth,
    coach,
    elsewhere,
    employer,
    home,
    manager,
    mediator,
    outsider,
    participant,
    trajectory,
)

__all__ = [
    "auth",
    "coach",
    "elsewhere",
    "employer",
    "home",
    "manager",
    "mediator",
    "outsider",
    "participant",
    "trajectory",
]
