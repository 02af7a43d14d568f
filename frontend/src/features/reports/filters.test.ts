import { describe, expect, it } from "vitest";

import {
  cohortGrouping,
  defaultPeriod,
  flowGrouping,
  hasNarrowingFilters,
  monthsTouched,
  parseDashboardFilters,
  periodProblem,
  presetOf,
  presetPeriod,
  reportQuery,
  withDashboardFilters,
} from "./filters";

const TODAY = "2026-11-24";
const ORG = "483afb55-4f2b-405f-bf7d-59015eec8d4c";

describe("parseDashboardFilters", () => {
  it("defaults to twelve whole calendar months up to today", () => {
    expect(defaultPeriod(TODAY)).toEqual({ from: "2025-12-01", to: TODAY });
    expect(defaultPeriod("2026-01-31")).toEqual({ from: "2025-02-01", to: "2026-01-31" });
    const filters = parseDashboardFilters(new URLSearchParams(), TODAY);
    expect(filters).toEqual({ from: "2025-12-01", to: TODAY, organisationId: null, workFloorId: null, framework: null });
  });

  it("reads the Dutch parameters and drops malformed ones instead of sending them", () => {
    const params = new URLSearchParams({ van: "2026-02-30", tot: "2026-06-30", organisatie: "x'; drop", werkvloer: ORG, kader: "ips" });
    const filters = parseDashboardFilters(params, TODAY);
    expect(filters.from).toBe("2025-12-01");
    expect(filters.to).toBe("2026-06-30");
    expect(filters.organisationId).toBeNull();
    expect(filters.workFloorId).toBe(ORG);
    expect(filters.framework).toBe("ips");
  });
});

describe("periodProblem", () => {
  it("reports what the API would refuse", () => {
    expect(periodProblem({ from: "2026-05-01", to: "2026-01-01" }, TODAY)).toBe("order");
    expect(periodProblem({ from: "2026-01-01", to: "2026-12-31" }, TODAY)).toBe("future");
    expect(periodProblem({ from: "2010-01-01", to: "2026-01-01" }, TODAY)).toBe("tooLong");
    expect(periodProblem({ from: "2026-01-01", to: "2026-01-01" }, TODAY)).toBeNull();
  });
});

describe("withDashboardFilters", () => {
  it("writes changes to the URL, keeps other parameters and leaves the default period out", () => {
    const current = new URLSearchParams({ kader: "ips", other: "1" });
    const next = withDashboardFilters(current, { from: "2026-01-01", organisationId: ORG, framework: null }, TODAY);
    expect(next.toString()).toBe(`other=1&van=2026-01-01&organisatie=${ORG}`);
    const back = withDashboardFilters(next, { from: "2025-12-01", to: TODAY }, TODAY);
    expect(back.get("van")).toBeNull();
    expect(back.get("tot")).toBeNull();
  });

  it("removes a cleared date", () => {
    const next = withDashboardFilters(new URLSearchParams({ van: "2026-01-01" }), { from: "" }, TODAY);
    expect(next.has("van")).toBe(false);
  });
});

describe("hasNarrowingFilters and reportQuery", () => {
  it("sends only the filters that are set", () => {
    const filters = parseDashboardFilters(new URLSearchParams({ organisatie: ORG }), TODAY);
    expect(hasNarrowingFilters(filters, TODAY)).toBe(true);
    expect(reportQuery(filters)).toEqual({ from: "2025-12-01", to: TODAY, organisation_id: ORG });
    expect(hasNarrowingFilters(parseDashboardFilters(new URLSearchParams(), TODAY), TODAY)).toBe(false);
  });
});

describe("period presets", () => {
  it("computes calendar periods from today", () => {
    expect(presetPeriod("thisYear", TODAY)).toEqual({ from: "2026-01-01", to: TODAY });
    expect(presetPeriod("lastYear", TODAY)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(presetPeriod("lastQuarter", TODAY)).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(presetPeriod("lastQuarter", "2026-02-10")).toEqual({ from: "2025-10-01", to: "2025-12-31" });
  });

  it("recognises a preset in the dates, or calls them custom", () => {
    expect(presetOf(defaultPeriod(TODAY), TODAY)).toBe("last12");
    expect(presetOf({ from: "2025-01-01", to: "2025-12-31" }, TODAY)).toBe("lastYear");
    expect(presetOf({ from: "2025-01-02", to: "2025-12-31" }, TODAY)).toBe("custom");
  });
});

describe("how to slice the period", () => {
  it("counts the calendar months a period touches", () => {
    expect(monthsTouched("2025-12-01", "2026-11-24")).toBe(12);
    expect(monthsTouched("2026-01-15", "2026-03-02")).toBe(3);
  });

  it("shows months up to two years and quarters or years beyond", () => {
    expect(flowGrouping("2025-12-01", "2026-11-24")).toBe("month");
    expect(flowGrouping("2023-12-01", "2026-11-24")).toBe("quarter");
    expect(cohortGrouping("2024-12-01", "2026-11-24")).toBe("quarter");
    expect(cohortGrouping("2020-01-01", "2026-11-24")).toBe("year");
  });
});
