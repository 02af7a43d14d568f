"""The figures the battery prints (quality.md: "each prints its figure"): tests append a line,
tests/conftest.py prints them all at the end of the run, also without ``-s``."""

from __future__ import annotations

FIGURES: list[str] = []


def report(line: str) -> None:
    FIGURES.append(line)
