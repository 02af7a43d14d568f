// The dashboard's filters live in the URL (`/rapportering?van=2026-01-01&tot=2026-06-30&werkvloer=…`),
// so a manager can bookmark or mail a view. Malformed values are dropped, and a period the API
// would refuse (end before start, end after today) is reported next to the field, not sent.

import { daysBetween, parseIsoDate, toIsoDate } from "../../i18n/format";
import type { ReportQuery } from "./api";

export interface DashboardFilters {
  from: string;
  to: string;
  organisationId: string | null;
  workFloorId: string | null;
  framework: string | null;
}

/** URL parameter names: Dutch, like the paths people see. */
export const DASHBOARD_PARAMS = {
  from: "van",
  to: "tot",
  organisationId: "organisatie",
  workFloorId: "werkvloer",
  framework: "kader",
} as const;

export type PeriodProblem = "order" | "future" | "tooLong";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9_]{1,40}$/;
const MAX_YEARS = 10;

function isoOrNull(value: string | null): string | null {
  return value !== null && parseIsoDate(value) ? value : null;
}

function addMonths(iso: string, months: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a date: ${iso}`);
  return toIsoDate(new Date(date.getFullYear(), date.getMonth() + months, 1));
}

function firstOfMonth(iso: string): string {
  return `${iso.slice(0, 8)}01`;
}

/** Twelve whole calendar months up to today: the current month so far and the eleven before. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addMonths(firstOfMonth(today), -11), to: today };
}

export function parseDashboardFilters(params: URLSearchParams, today: string): DashboardFilters {
  const period = defaultPeriod(today);
  const organisationId = params.get(DASHBOARD_PARAMS.organisationId);
  const workFloorId = params.get(DASHBOARD_PARAMS.workFloorId);
  const framework = params.get(DASHBOARD_PARAMS.framework);
  return {
    from: isoOrNull(params.get(DASHBOARD_PARAMS.from)) ?? period.from,
    to: isoOrNull(params.get(DASHBOARD_PARAMS.to)) ?? period.to,
    organisationId: organisationId && UUID.test(organisationId) ? organisationId : null,
    workFloorId: workFloorId && UUID.test(workFloorId) ? workFloorId : null,
    framework: framework && CODE.test(framework) ? framework : null,
  };
}

/** Why the API would refuse this period, or null when it is fine. */
export function periodProblem(filters: Pick<DashboardFilters, "from" | "to">, today: string): PeriodProblem | null {
  if (filters.to > today) return "future";
  if (filters.from > filters.to) return "order";
  if (daysBetween(filters.from, filters.to) > MAX_YEARS * 366) return "tooLong";
  return null;
}

/**
 * Write changes into a copy of `current`, leaving other parameters alone. A period equal to the
 * default is left out, so the plain dashboard stays `/rapportering`.
 */
export function withDashboardFilters(current: URLSearchParams, change: Partial<DashboardFilters>, today: string): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (name: string, value: string | null) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  const period = defaultPeriod(today);
  if (change.from !== undefined) set(DASHBOARD_PARAMS.from, change.from === period.from ? null : change.from);
  if (change.to !== undefined) set(DASHBOARD_PARAMS.to, change.to === period.to ? null : change.to);
  if (change.organisationId !== undefined) set(DASHBOARD_PARAMS.organisationId, change.organisationId);
  if (change.workFloorId !== undefined) set(DASHBOARD_PARAMS.workFloorId, change.workFloorId);
  if (change.framework !== undefined) set(DASHBOARD_PARAMS.framework, change.framework);
  return next;
}

export function hasNarrowingFilters(filters: DashboardFilters, today: string): boolean {
  const period = defaultPeriod(today);
  return Boolean(
    filters.organisationId || filters.workFloorId || filters.framework || filters.from !== period.from || filters.to !== period.to,
  );
}

/** The API's query parameters for these filters. */
export function reportQuery(filters: DashboardFilters): ReportQuery {
  const query: ReportQuery = { from: filters.from, to: filters.to };
  if (filters.organisationId) query.organisation_id = filters.organisationId;
  if (filters.workFloorId) query.work_floor_id = filters.workFloorId;
  if (filters.framework) query.framework = filters.framework;
  return query;
}

// --- quick choices for the period -----------------------------------------------------------

export const PERIOD_PRESETS = ["last12", "thisYear", "lastYear", "lastQuarter"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case "last12":
      return defaultPeriod(today);
    case "thisYear":
      return { from: `${year}-01-01`, to: today };
    case "lastYear":
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case "lastQuarter": {
      const quarterStart = `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
      const from = addMonths(quarterStart, -3);
      const to = toIsoDate(new Date(Number(quarterStart.slice(0, 4)), Number(quarterStart.slice(5, 7)) - 1, 0));
      return { from, to };
    }
  }
}

/** Which quick choice these dates are, or "custom". */
export function presetOf(filters: Pick<DashboardFilters, "from" | "to">, today: string): PeriodPreset | "custom" {
  for (const preset of PERIOD_PRESETS) {
    const period = presetPeriod(preset, today);
    if (period.from === filters.from && period.to === filters.to) return preset;
  }
  return "custom";
}

// --- how to slice the period -----------------------------------------------------------------

/** Whole calendar months touched by the period (January 15 – March 2 touches three). */
export function monthsTouched(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** In- and outflow per month up to two years, per quarter beyond (at most 40 bars either way). */
export function flowGrouping(from: string, to: string): "month" | "quarter" {
  return monthsTouched(from, to) <= 24 ? "month" : "quarter";
}

/** Start cohorts per quarter up to two years, per year beyond, so the curves stay readable. */
export function cohortGrouping(from: string, to: string): "quarter" | "year" {
  return monthsTouched(from, to) <= 24 ? "quarter" : "year";
}
