"""The day a test runs on, read once when the test starts.

The app reads ``date.today()`` on every request, so a test's dates must be taken when the test
runs, never when its module is imported: a full run takes long enough to cross midnight, and a
module constant would then disagree with the app for every test after it. ``today()`` is pinned
per test (tests/conftest.py) so that a test's own dates agree with each other from arrange to
assert; only a test that is itself running at midnight can still see the app's day move on,
so a test that would start in the last minutes of a day waits for the next one instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Longer than the slowest tests take here, setup included (the schemathesis and authorization
# batteries: 40-90 s on SQLite), so that none of them sees the app's day move on mid-test; the
# wait costs at most this much, once, in a run that crosses midnight.
MIDNIGHT_MARGIN = timedelta(minutes=2)

# Read through these names so tests/test_clock.py can stand in for the wall clock.
_now: Callable[[], datetime] = datetime.now
_sleep: Callable[[float], None] = time.sleep

_day: date | None = None


def today() -> date:
    """The day the current test started on (the app's ``date.today()`` at that moment)."""
    if _day is None:
        raise RuntimeError(
            "tests.clock.today() is read inside a test: a date taken at import time goes "
            "stale when the run crosses midnight"
        )
    return _day


@contextmanager
def day_of_this_test() -> Iterator[date]:
    """Pin ``today()`` for one test, first waiting out the day's last minutes."""
    global _day
    now = _now()
    to_midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time()) - now
    if to_midnight < MIDNIGHT_MARGIN:
        _sleep(to_midnight.total_seconds() + 0.05)
    previous, _day = _day, _now().date()
    try:
        yield _day
    finally:
        _day = previous


@dataclass(frozen=True)
class DaysFromToday:
    """A day in parametrize data: written down at collection, turned into a date in the test."""

    days: int

    def iso(self) -> str:
        return (today() + timedelta(days=self.days)).isoformat()


def with_days_resolved(values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with each ``DaysFromToday`` written as its ISO day."""
    return {
        key: value.iso() if isinstance(value, DaysFromToday) else value
        for key, value in values.items()
    }
