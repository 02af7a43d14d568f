"""tests/clock.py: each test reads the day when it starts, keeps it to the end, and never
starts in the last minutes of a day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests import clock
from tests.clock import DaysFromToday, day_of_this_test, today, with_days_resolved


class WallClock:
    """A wall clock the test moves by hand; sleeping moves it too."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.slept: list[float] = []

    def read(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def wall(monkeypatch: pytest.MonkeyPatch) -> WallClock:
    wall = WallClock(datetime(2026, 3, 31, 23, 50))
    monkeypatch.setattr(clock, "_now", wall.read)
    monkeypatch.setattr(clock, "_sleep", wall.sleep)
    return wall


def test_a_run_crossing_midnight_gives_each_test_the_day_it_started_on(wall: WallClock) -> None:
    with day_of_this_test():
        wall.now += timedelta(minutes=20)  # midnight passes while this test runs
        assert today() == date(2026, 3, 31)
        assert DaysFromToday(1).iso() == "2026-04-01"
    with day_of_this_test():  # the next test, after midnight
        assert today() == date(2026, 4, 1)
        assert with_days_resolved({"to": DaysFromToday(1), "limit": 5}) == {
            "to": "2026-04-02",
            "limit": 5,
        }


def test_a_test_starting_in_the_last_minutes_of_a_day_waits_for_the_next(wall: WallClock) -> None:
    wall.now = datetime(2026, 4, 1) - clock.MIDNIGHT_MARGIN + timedelta(seconds=1)
    with day_of_this_test() as day:
        assert day == today() == date(2026, 4, 1)
    assert wall.slept and sum(wall.slept) <= clock.MIDNIGHT_MARGIN.total_seconds() + 0.1


def test_a_test_starting_earlier_does_not_wait(wall: WallClock) -> None:
    wall.now = datetime(2026, 4, 1) - clock.MIDNIGHT_MARGIN - timedelta(seconds=1)
    with day_of_this_test() as day:
        assert day == date(2026, 3, 31)
    assert wall.slept == []


def test_the_day_cannot_be_read_outside_a_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "_day", None)
    with pytest.raises(RuntimeError, match="inside a test"):
        today()
