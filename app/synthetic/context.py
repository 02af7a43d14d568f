"""What every part of the generator shares: the seeded random source, ids, dates as stored."""

from __future__ import annotations

import random
from datetime import date

from app.synthetic.bulk import RowBuffers, timestamp_suffix

_VERSION_4 = 0x4000 << 64 | 0x8000 << 48
_VERSION_MASK = ~(0xF000 << 64 | 0xC000 << 48) & ((1 << 128) - 1)


class Context:
    """One seeded ``random.Random`` drives everything, in a fixed order: the same seed and
    the same ``today`` give the same region, ids included."""

    def __init__(self, rows: RowBuffers, *, seed: int, today: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        self.rows = rows
        self.today = today.toordinal()
        self._bits = self.rng.getrandbits
        # Every date the region needs (birth dates to the follow-ups ahead) as text, once.
        self._first_day = self.today - 100 * 366
        self._iso = [
            date.fromordinal(d).isoformat() for d in range(self._first_day, self.today + 3 * 366)
        ]
        suffix = self._suffix = timestamp_suffix(rows.dialect)
        # Office hours, so "recorded at" sorts the way a working day does.
        self._times = [
            f" {8 + n % 10:02d}:{self.rng.randrange(60):02d}:{self.rng.randrange(60):02d}."
            f"{self.rng.randrange(1_000_000):06d}{suffix}"
            for n in range(1024)
        ]

    def new_id(self) -> str:
        """A random (version 4) UUID as SQLAlchemy stores it: 32 hex digits."""
        return "%032x" % (self._bits(128) & _VERSION_MASK | _VERSION_4)

    def day(self, ordinal: int) -> str:
        return self._iso[ordinal - self._first_day]

    def at(self, ordinal: int) -> str:
        """A timestamp during office hours on that day, as stored."""
        return self._iso[ordinal - self._first_day] + self._times[self._bits(10)]

    def at_clock(self, ordinal: int, clock: str) -> str:
        """A timestamp at ``clock`` ("HH:MM:SS") on that day, as stored."""
        return f"{self.day(ordinal)} {clock}.000000{self._suffix}"
