// Small, pure helpers behind the dashboard's hand-written SVG charts: axes with round ticks,
// linear scales, bar slots, and figures written the way a Flemish manager reads them.

export interface Axis {
  max: number;
  ticks: number[];
}

/** 1, 2 or 5 times a power of ten: the smallest such step that needs at most `maxTicks` steps. */
export function niceStep(highest: number, maxTicks = 4): number {
  if (!(highest > 0) || !Number.isFinite(highest)) return 1;
  const rough = highest / maxTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= rough) return factor * power;
  }
  return 10 * power;
}

/** An axis for counts of people: whole-number ticks from 0, never fewer than 0–1. */
export function countAxis(values: readonly number[], maxTicks = 4): Axis {
  const highest = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  const step = Math.max(1, niceStep(highest, maxTicks));
  const max = Math.max(step, Math.ceil(highest / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(tick);
  return { max, ticks };
}

/**
 * An axis for shares (0–1) in steps of 5, 10 or 20 %, up to the next step above the highest value,
 * at least `floor` (the IPS chart keeps its 50 % band in view), at most 100 %.
 */
export function shareAxis(values: readonly (number | null)[], floor = 0.2): Axis {
  const highest = Math.max(floor, ...values.filter((value): value is number => value !== null && Number.isFinite(value)));
  const step = highest <= 0.2 ? 0.05 : highest <= 0.6 ? 0.1 : 0.2;
  // Rounded to whole percents first, so 0.30000000000000004 does not ask for one more step.
  const steps = Math.ceil(Math.round(highest * 1000) / 1000 / step - 1e-9);
  const max = Math.min(1, Math.round(steps * step * 100) / 100);
  const ticks: number[] = [];
  for (let index = 0; index * step <= max + 1e-9; index += 1) ticks.push(Math.round(index * step * 100) / 100);
  if ((ticks.at(-1) ?? 0) < max - 1e-9) ticks.push(max);
  return { max, ticks };
}

/** domain [0, max] → range [start, end]; values outside the domain are clamped. */
export function linearScale(max: number, start: number, end: number): (value: number) => number {
  return (value) => {
    if (!(max > 0)) return start;
    const clamped = Math.min(Math.max(value, 0), max);
    return start + ((end - start) * clamped) / max;
  };
}

export interface Slots {
  /** Width of each slot. */
  slot: number;
  /** Width of a bar (or of the bars side by side) inside a slot. */
  bar: number;
  /** Left edge of the bar in slot i. */
  x: (index: number) => number;
}

/** `count` equal slots over [left, left + width], bars centred in them, never wider than `maxBar`. */
export function slots(count: number, left: number, width: number, maxBar = 56, fill = 0.7): Slots {
  const slot = count > 0 ? width / count : width;
  const bar = Math.min(maxBar, slot * fill);
  return { slot, bar, x: (index) => left + slot * index + (slot - bar) / 2 };
}

export interface Segment<K extends string> {
  key: K;
  value: number;
  x: number;
  width: number;
}

/** Stack values left to right from `start`, each as wide as `scale` says (a stacked bar). */
export function stack<K extends string>(parts: readonly { key: K; value: number }[], start: number, scale: (value: number) => number): Segment<K>[] {
  const origin = scale(0);
  let x = start;
  return parts.map((part) => {
    const width = Math.max(0, scale(part.value) - origin);
    const segment = { key: part.key, value: part.value, x, width };
    x += width;
    return segment;
  });
}

// --- figures in words -------------------------------------------------------------------------

/** 0.625 → "62,5 %" (nl-BE) or "62.5%" (en-GB); null (0 ÷ 0) → "–". */
export function formatShare(value: number | null | undefined, locale: string, maxFraction = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: maxFraction }).format(value);
}

/** A share as a number of percent for spreadsheets: 0.625 → 62.5 (rounded to 0.1). */
export function sharePercent(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * 1000) / 10;
}

export type IpsBand = "below_minimal" | "minimal" | "average" | "excellent";

/** IPS fidelity norms for the quarterly competitive employment rate (domain.md). */
export const IPS_THRESHOLDS: readonly { band: IpsBand; from: number }[] = [
  { band: "minimal", from: 0.31 },
  { band: "average", from: 0.41 },
  { band: "excellent", from: 0.5 },
];

export function ipsBand(value: number | null): IpsBand | null {
  if (value === null || !Number.isFinite(value)) return null;
  let band: IpsBand = "below_minimal";
  for (const threshold of IPS_THRESHOLDS) if (value >= threshold.from) band = threshold.band;
  return band;
}

export function isIpsBand(value: unknown): value is IpsBand {
  return value === "below_minimal" || value === "minimal" || value === "average" || value === "excellent";
}

export type PeriodKey =
  | { kind: "month"; year: number; month: number }
  | { kind: "quarter"; year: number; quarter: number }
  | { kind: "year"; year: number };

/** The API's group keys for periods: "2026-03", "2026-Q1", "2026"; null for anything else. */
export function parsePeriodKey(key: string): PeriodKey | null {
  let match = /^(\d{4})-(\d{2})$/.exec(key);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year: Number(match[1]), month } : null;
  }
  match = /^(\d{4})-Q([1-4])$/.exec(key);
  if (match) return { kind: "quarter", year: Number(match[1]), quarter: Number(match[2]) };
  match = /^(\d{4})$/.exec(key);
  if (match) return { kind: "year", year: Number(match[1]) };
  return null;
}

/** "2026-03" → "mrt." / "Mar" (short month name); the key itself when it is no month. */
export function shortMonth(key: string, locale: string): string {
  const period = parsePeriodKey(key);
  if (period?.kind !== "month") return key;
  return new Intl.DateTimeFormat(locale, { month: "short" }).format(new Date(period.year, period.month - 1, 1)).replace(/\.$/, "");
}

/** "2026-03" → "maart 2026"; "2026-Q1" → "K1 2026" via `quarter`; "2026" stays. */
export function periodName(key: string, locale: string, quarter: (q: number, year: number) => string): string {
  const period = parsePeriodKey(key);
  if (!period) return key;
  if (period.kind === "month") {
    return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric" }).format(new Date(period.year, period.month - 1, 1));
  }
  if (period.kind === "quarter") return quarter(period.quarter, period.year);
  return String(period.year);
}
