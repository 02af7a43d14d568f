"""The small statistics on top of SQL aggregates: rates, survival estimates and quantiles.

Everything here works on grouped counts the database returned (a frequency table), never on
one row per person. Fractions keep the arithmetic exact, so a median that sits exactly on a
boundary (S(t) = 0.5) is found the same way every time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

RATE_DIGITS = 4


def ratio(numerator: int | float, denominator: int | float) -> float | None:
    """numerator ÷ denominator rounded for display; None when there is nothing to divide by,
    so an empty group never reads as 0 %."""
    if not denominator:
        return None
    return round(numerator / denominator, RATE_DIGITS)


@dataclass(frozen=True)
class Survival:
    """Kaplan-Meier quantiles of a time until an event, with right-censoring."""

    median: int | None
    q1: int | None
    q3: int | None
    n: int
    events: int
    censored: int


def kaplan_meier(counts: Mapping[tuple[int, bool], int]) -> Survival:
    """``counts[(time, event)]`` = how many cases ended at ``time``, with the event or censored.

    S(t) = Π over event times tᵢ ≤ t of (1 - dᵢ/nᵢ), censored cases leaving the risk set after
    the events at their time. The p-quantile is the first time with S(t) ≤ 1 - p; it is None
    when the curve never gets that low (too few events yet)."""
    times = sorted({time for time, _ in counts})
    at_risk = sum(counts.values())
    events_total = sum(n for (_, event), n in counts.items() if event)
    survival = Fraction(1)
    quantiles: dict[Fraction, int | None] = {
        Fraction(3, 4): None,
        Fraction(1, 2): None,
        Fraction(1, 4): None,
    }
    for time in times:
        events = counts.get((time, True), 0)
        if events and at_risk:
            survival *= 1 - Fraction(events, at_risk)
            for level, found in quantiles.items():
                if found is None and survival <= level:
                    quantiles[level] = time
        at_risk -= events + counts.get((time, False), 0)
    n = sum(counts.values())
    return Survival(
        median=quantiles[Fraction(1, 2)],
        q1=quantiles[Fraction(3, 4)],
        q3=quantiles[Fraction(1, 4)],
        n=n,
        events=events_total,
        censored=n - events_total,
    )


@dataclass(frozen=True)
class Spread:
    """Median and quartiles of observed values (no censoring)."""

    median: Decimal | None
    q1: Decimal | None
    q3: Decimal | None
    n: int


def spread(frequencies: Iterable[tuple[Decimal, int]]) -> Spread:
    """Quartiles as the first value at which at least 25, 50 and 75 % of the cases are
    reached: the same rule as the survival quantiles, so every median in a report means the
    same thing."""
    table = sorted(frequencies)
    n = sum(count for _, count in table)
    found: dict[Fraction, Decimal | None] = {
        Fraction(1, 4): None,
        Fraction(1, 2): None,
        Fraction(3, 4): None,
    }
    seen = 0
    for value, count in table:
        seen += count
        for level, value_found in found.items():
            if value_found is None and Fraction(seen, n) >= level:
                found[level] = value
    return Spread(
        median=found[Fraction(1, 2)], q1=found[Fraction(1, 4)], q3=found[Fraction(3, 4)], n=n
    )


# IPS fidelity benchmarks for the quarterly competitive-employment rate.
IPS_BANDS: tuple[tuple[Fraction, str], ...] = (
    (Fraction(50, 100), "excellent"),
    (Fraction(41, 100), "average"),
    (Fraction(31, 100), "minimal"),
)


def ips_band(numerator: int, denominator: int) -> str | None:
    if not denominator:
        return None
    share = Fraction(numerator, denominator)
    for threshold, band in IPS_BANDS:
        if share >= threshold:
            return band
    return "below_minimal"
