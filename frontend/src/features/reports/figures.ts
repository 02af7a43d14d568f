// From the API's indicator report to what each chart draws. Pure: the charts and the tables under
// them are built from the same rows, so the two can never disagree.

import { OUTFLOW_CATEGORIES, PHASES, type Phase } from "../../api/enums";
import { groupedCategories, type OutflowCategory, type OutflowGroup } from "../outflow/categories";
import type { CensoredRate, DrillIndicator, IndicatorGroup, Rate, RetentionRate } from "./api";

export const COHORT_MONTHS = [6, 12, 18, 24] as const;
export type CohortMonths = (typeof COHORT_MONTHS)[number];
export const RETENTION_MONTHS = [3, 6, 12] as const;
export type RetentionMonths = (typeof RETENTION_MONTHS)[number];

/** The group's drill parameters, or null when the group cannot be opened (e.g. "no work floor"). */
export type DrillParams = Readonly<Record<string, string>> | null;

// --- funnel ---------------------------------------------------------------------------------

export interface FunnelRow {
  phase: Phase;
  count: number;
}

/** Trajectories running on the period's last day, per phase, in the phases' usual order. */
export function funnelRows(group: IndicatorGroup): FunnelRow[] {
  const funnel: Record<string, number | undefined> = group.flow.phase_funnel;
  return PHASES.map((phase) => ({ phase, count: funnel[phase] ?? 0 }));
}

// --- in- and outflow per period -------------------------------------------------------------

export interface FlowPoint {
  key: string;
  from: string;
  to: string;
  started: number;
  exits: number;
  drill: DrillParams;
}

export function flowSeries(groups: readonly IndicatorGroup[]): FlowPoint[] {
  return groups.map((group) => ({
    key: group.key,
    from: group.from,
    to: group.to,
    started: group.flow.trajectories_started,
    exits: group.flow.exits.total,
    drill: group.drill,
  }));
}

/** A bucket that does not cover its whole month/quarter/year (the period starts or ends inside it). */
export function isPartial(point: { key: string; from: string; to: string }): boolean {
  const year = Number(point.key.slice(0, 4));
  const month = /^\d{4}-(\d{2})$/.exec(point.key);
  const quarter = /^\d{4}-Q([1-4])$/.exec(point.key);
  let first: Date;
  let last: Date;
  if (month) {
    first = new Date(year, Number(month[1]) - 1, 1);
    last = new Date(year, Number(month[1]), 0);
  } else if (quarter) {
    const q = Number(quarter[1]);
    first = new Date(year, (q - 1) * 3, 1);
    last = new Date(year, q * 3, 0);
  } else if (/^\d{4}$/.test(point.key)) {
    first = new Date(year, 0, 1);
    last = new Date(year, 11, 31);
  } else {
    return false;
  }
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  return point.from !== iso(first) || point.to !== iso(last);
}

// --- outflow destinations -------------------------------------------------------------------

export interface DestinationRow {
  category: OutflowCategory;
  group: OutflowGroup;
  count: number;
}

const GROUP_ORDER: readonly OutflowGroup[] = ["paid", "unpaid", "outside"];

/** Every category, grouped (paid work, other destinations, not counted) and largest first. */
export function destinationRows(group: IndicatorGroup): DestinationRow[] {
  const counts: Record<string, number | undefined> = group.flow.exits.by_category;
  const grouped = groupedCategories();
  const order = new Map(OUTFLOW_CATEGORIES.map((category, index) => [category, index]));
  return GROUP_ORDER.flatMap((outflowGroup) =>
    grouped[outflowGroup]
      .map((category) => ({ category, group: outflowGroup, count: counts[category] ?? 0 }))
      .sort((a, b) => b.count - a.count || (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0)),
  );
}

export function destinationTotals(rows: readonly DestinationRow[]): Record<OutflowGroup, number> {
  const totals: Record<OutflowGroup, number> = { paid: 0, unpaid: 0, outside: 0 };
  for (const row of rows) totals[row.group] += row.count;
  return totals;
}

// --- cohorts ----------------------------------------------------------------------------------

export interface CohortPoint {
  months: CohortMonths;
  rate: CensoredRate;
}

export interface CohortSeries {
  key: string;
  label: string;
  drill: DrillParams;
  points: CohortPoint[];
}

function cohortPoints(group: IndicatorGroup): CohortPoint[] {
  const within: Record<string, CensoredRate | undefined> = group.cohort.paid_work_within;
  return COHORT_MONTHS.map((months) => ({
    months,
    rate: within[String(months)] ?? { numerator: 0, denominator: 0, value: null, censored: 0 },
  }));
}

/**
 * One curve per start cohort that has at least one horizon behind it (a figure), plus the whole
 * period's start cohort first. Cohorts whose every horizon is still open are left out: they are
 * in the table with their censored counts.
 */
export function cohortSeries(overall: IndicatorGroup, cohorts: readonly IndicatorGroup[]): CohortSeries[] {
  const series = [overall, ...cohorts].map((group) => ({
    key: group.key,
    label: group.label,
    drill: group.drill,
    points: cohortPoints(group),
  }));
  return series.filter((one) => one.points.some((point) => point.rate.value !== null));
}

export function cohortTableSeries(overall: IndicatorGroup, cohorts: readonly IndicatorGroup[]): CohortSeries[] {
  return [overall, ...cohorts].map((group) => ({ key: group.key, label: group.label, drill: group.drill, points: cohortPoints(group) }));
}

export function paidWorkWithinIndicator(months: CohortMonths): DrillIndicator {
  return `paid_work_within_${months}_months`;
}

// --- retention --------------------------------------------------------------------------------

export type RetentionPart = "working" | "not_working" | "unknown" | "pending";
export const RETENTION_PARTS: readonly RetentionPart[] = ["working", "not_working", "unknown", "pending"];

export interface RetentionRow {
  months: RetentionMonths;
  rate: Rate;
  counts: Record<RetentionPart, number>;
}

/**
 * Follow-ups 3, 6 and 12 months after a paid exit. "Working" over the answers that are known;
 * "unknown" (answered so, or overdue without contact) and "not due yet" stay apart and never
 * count as work.
 */
export function retentionRows(group: IndicatorGroup): RetentionRow[] {
  const retention: Record<string, RetentionRate | undefined> = group.retention;
  return RETENTION_MONTHS.map((months) => {
    const rate = retention[String(months)] ?? { numerator: 0, denominator: 0, value: null, unknown: 0, pending: 0 };
    return {
      months,
      rate: { numerator: rate.numerator, denominator: rate.denominator, value: rate.value },
      counts: {
        working: rate.numerator,
        not_working: Math.max(0, rate.denominator - rate.numerator),
        unknown: rate.unknown,
        pending: rate.pending,
      },
    };
  });
}

export function retentionIndicator(months: RetentionMonths, part: RetentionPart): DrillIndicator {
  return `retention_${months}_${part}`;
}

// --- IPS ---------------------------------------------------------------------------------------

export interface IpsQuarter {
  key: string;
  from: string;
  to: string;
  rate: Rate;
  band: string | null;
  drill: DrillParams;
}

export function ipsQuarters(groups: readonly IndicatorGroup[]): IpsQuarter[] {
  return groups.map((group) => ({
    key: group.key,
    from: group.from,
    to: group.to,
    rate: group.ips.competitive_employment_rate,
    band: group.ips.competitive_employment_band,
    drill: group.drill,
  }));
}

// --- is there anything to show ------------------------------------------------------------------

/** No trajectory ran, started or ended in the period: the charts would only draw zeros. */
export function isEmptyReport(group: IndicatorGroup): boolean {
  return group.flow.participants_in_trajectory === 0 && group.flow.trajectories_started === 0 && group.flow.exits.total === 0;
}
