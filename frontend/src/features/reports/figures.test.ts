import { describe, expect, it } from "vitest";

import type { IndicatorGroup } from "./api";
import {
  cohortSeries,
  destinationRows,
  destinationTotals,
  flowSeries,
  funnelRows,
  ipsQuarters,
  isEmptyReport,
  isPartial,
  paidWorkWithinIndicator,
  retentionIndicator,
  retentionRows,
} from "./figures";

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
const duration = { unit: "days", median: null, q1: null, q3: null, n: 0, events: 0, censored: 0 };
const spread = { unit: "hours", median: null, q1: null, q3: null, n: 0 };

/** A whole indicator group as the API answers it, with the parts a test sets. */
function group(key: string, from: string, to: string, parts: Partial<IndicatorGroup> = {}): IndicatorGroup {
  return {
    key,
    label: key,
    from,
    to,
    drill: { from, to },
    flow: {
      participants_in_trajectory: 0,
      trajectories_started: 0,
      exits: { total: 0, counted: 0, left_out: 0, by_category: {} },
      doorstroom_rate: rate(0, 0),
      doorstroom_rate_ips: rate(0, 0),
      positive_exit_rate: rate(0, 0),
      drop_out_rate: rate(0, 0),
      back_to_care_rate: rate(0, 0),
      phase_funnel: {},
    },
    cohort: {
      time_to_paid_work: duration,
      paid_work_within: {
        "6": { ...rate(0, 0), censored: 0 },
        "12": { ...rate(0, 0), censored: 0 },
        "18": { ...rate(0, 0), censored: 0 },
        "24": { ...rate(0, 0), censored: 0 },
      },
    },
    retention: {},
    jobs: {
      jobs_started: 0,
      hours_per_week: spread,
      twenty_hours_or_more: rate(0, 0),
      hourly_wage: spread,
      competitive_share: rate(0, 0),
      longest_job_weeks: duration,
    },
    ips: {
      competitive_employment_rate: rate(0, 0),
      competitive_employment_band: null,
      caseload_per_specialist: { ...rate(0, 0), max: 0, over_limit: 0 },
      days_to_first_employer_contact: duration,
      employer_contact_within_30_days: { ...rate(0, 0), censored: 0 },
      employer_contacts_per_specialist_week: rate(0, 0),
    },
    effort: {
      funder_months: { planned: 0, approved: 0, rejected: 0, approved_share: rate(0, 0) },
      attended_half_days: rate(0, 0),
      attended_hours_per_week: spread,
      placements_12_hours_or_more: rate(0, 0),
      placements_13_hours_or_more: rate(0, 0),
      activation_sessions: {},
      time_in_phase: {},
      past_max_duration: rate(0, 0),
    },
    ...parts,
  };
}

const ALL = group("all", "2025-12-01", "2026-11-24");

describe("funnelRows", () => {
  it("lists every phase in the usual order, missing phases as 0", () => {
    const g = group("all", "2025-12-01", "2026-11-24", { flow: { ...ALL.flow, phase_funnel: { placement: 9, intake: 5 } } });
    expect(funnelRows(g)).toEqual([
      { phase: "intake", count: 5 },
      { phase: "placement", count: 9 },
      { phase: "activation", count: 0 },
      { phase: "internship", count: 0 },
      { phase: "outflow", count: 0 },
    ]);
  });
});

describe("flowSeries and isPartial", () => {
  it("takes started and exits per bucket, with the bucket's drill parameters", () => {
    const month = group("2026-01", "2026-01-01", "2026-01-31", {
      flow: { ...ALL.flow, trajectories_started: 2, exits: { total: 1, counted: 1, left_out: 0, by_category: {} } },
    });
    expect(flowSeries([month])).toEqual([
      { key: "2026-01", from: "2026-01-01", to: "2026-01-31", started: 2, exits: 1, drill: { from: "2026-01-01", to: "2026-01-31" } },
    ]);
  });

  it("marks buckets the period only partly covers", () => {
    expect(isPartial({ key: "2026-11", from: "2026-11-01", to: "2026-11-24" })).toBe(true);
    expect(isPartial({ key: "2026-02", from: "2026-02-01", to: "2026-02-28" })).toBe(false);
    expect(isPartial({ key: "2025-Q4", from: "2025-10-01", to: "2025-12-31" })).toBe(false);
    expect(isPartial({ key: "2025-Q4", from: "2025-12-01", to: "2025-12-31" })).toBe(true);
    expect(isPartial({ key: "2025", from: "2025-01-01", to: "2025-12-31" })).toBe(false);
    expect(isPartial({ key: "all", from: "2025-01-01", to: "2025-03-31" })).toBe(false);
  });
});

describe("destinationRows", () => {
  it("groups exits into paid work, other destinations and not counted, largest first", () => {
    const g = group("all", "2025-12-01", "2026-11-24", {
      flow: {
        ...ALL.flow,
        exits: { total: 7, counted: 6, left_out: 1, by_category: { temp_agency: 1, regular_job: 3, drop_out: 2, moved: 1 } },
      },
    });
    const rows = destinationRows(g);
    expect(rows.slice(0, 2)).toEqual([
      { category: "regular_job", group: "paid", count: 3 },
      { category: "temp_agency", group: "paid", count: 1 },
    ]);
    expect(rows.find((row) => row.category === "drop_out")).toEqual({ category: "drop_out", group: "unpaid", count: 2 });
    expect(rows.filter((row) => row.group === "outside").map((row) => row.category)).toEqual(["moved", "deceased", "unknown"]);
    expect(destinationTotals(rows)).toEqual({ paid: 4, unpaid: 2, outside: 1 });
    expect(rows).toHaveLength(18);
  });
});

describe("cohortSeries", () => {
  it("draws the whole period first and leaves out cohorts with no horizon behind them", () => {
    const within = (six: [number, number, number]) => ({
      ...ALL.cohort,
      paid_work_within: {
        "6": { ...rate(six[0], six[1]), censored: six[2] },
        "12": { ...rate(0, 0), censored: 4 },
        "18": { ...rate(0, 0), censored: 4 },
        "24": { ...rate(0, 0), censored: 4 },
      },
    });
    const overall = group("all", "2025-12-01", "2026-11-24", { cohort: within([2, 8, 0]) });
    const old = group("2025-Q4", "2025-12-01", "2025-12-31", { cohort: within([2, 8, 0]) });
    const young = group("2026-Q4", "2026-10-01", "2026-11-24", { cohort: within([0, 0, 4]) });
    const series = cohortSeries(overall, [old, young]);
    expect(series.map((one) => one.key)).toEqual(["all", "2025-Q4"]);
    expect(series[1]?.points.map((point) => [point.months, point.rate.value])).toEqual([
      [6, 0.25],
      [12, null],
      [18, null],
      [24, null],
    ]);
    expect(paidWorkWithinIndicator(12)).toBe("paid_work_within_12_months");
  });
});

describe("retentionRows", () => {
  it("keeps unknown and not-yet-due apart from the known answers", () => {
    const g = group("all", "2025-12-01", "2026-11-24", {
      retention: { "3": { numerator: 2, denominator: 3, value: 2 / 3, unknown: 1, pending: 2 } },
    });
    const [three, six] = retentionRows(g);
    expect(three).toEqual({
      months: 3,
      rate: { numerator: 2, denominator: 3, value: 2 / 3 },
      counts: { working: 2, not_working: 1, unknown: 1, pending: 2 },
    });
    expect(six?.counts).toEqual({ working: 0, not_working: 0, unknown: 0, pending: 0 });
    expect(retentionIndicator(6, "not_working")).toBe("retention_6_not_working");
  });
});

describe("ipsQuarters and isEmptyReport", () => {
  it("takes each quarter's competitive employment rate and band", () => {
    const quarter = group("2026-Q2", "2026-04-01", "2026-06-30", {
      ips: { ...ALL.ips, competitive_employment_rate: rate(1, 24), competitive_employment_band: "below_minimal" },
    });
    expect(ipsQuarters([quarter])[0]).toMatchObject({ key: "2026-Q2", rate: { numerator: 1, denominator: 24 }, band: "below_minimal" });
  });

  it("calls a period empty only when nothing ran, started or ended", () => {
    expect(isEmptyReport(ALL)).toBe(true);
    expect(isEmptyReport(group("all", "2025-12-01", "2026-11-24", { flow: { ...ALL.flow, participants_in_trajectory: 1 } }))).toBe(false);
  });
});
