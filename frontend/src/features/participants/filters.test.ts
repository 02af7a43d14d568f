import { describe, expect, it } from "vitest";

import { EMPTY_FILTERS, caseloadQuery, hasActiveFilters, parseCaseloadFilters, withCaseloadFilters } from "./filters";

const parse = (query: string) => parseCaseloadFilters(new URLSearchParams(query));

describe("parseCaseloadFilters", () => {
  it("reads every filter from the URL", () => {
    expect(parse("q=%20Benali%20&fase=activation&status=paused&mijn=1&achterstand=1")).toEqual({
      q: "Benali",
      phase: "activation",
      status: "paused",
      mine: true,
      overdue: true,
    });
  });

  it("drops unknown values instead of sending them to the API", () => {
    expect(parse("fase=stage&status=open&mijn=misschien")).toEqual(EMPTY_FILTERS);
  });

  it("has no filters on the plain list", () => {
    expect(parse("")).toEqual(EMPTY_FILTERS);
    expect(hasActiveFilters(parse(""))).toBe(false);
    expect(hasActiveFilters(parse("mijn=1"))).toBe(true);
  });

  it("caps the search term at the API's 100 characters", () => {
    expect(parse(`q=${"a".repeat(150)}`).q).toHaveLength(100);
  });
});

describe("withCaseloadFilters", () => {
  it("writes filters and removes empty ones, keeping other parameters", () => {
    const next = withCaseloadFilters(new URLSearchParams("q=an&x=1&fase=intake"), { phase: null, mine: true, status: "active" });
    expect(next.toString()).toBe("q=an&x=1&status=active&mijn=1");
  });

  it("round-trips through the URL", () => {
    const filters = { q: "De Wilde", phase: "placement", status: "active", mine: false, overdue: true } as const;
    expect(parseCaseloadFilters(withCaseloadFilters(new URLSearchParams(), filters))).toEqual(filters);
  });
});

describe("caseloadQuery", () => {
  it("turns 'mine' into the signed-in user's id", () => {
    expect(caseloadQuery({ ...EMPTY_FILTERS, mine: true, phase: "intake" }, "u-1")).toEqual({ coach_id: "u-1", phase: "intake" });
  });

  it("asks for overdue participants only when that filter is on", () => {
    expect(caseloadQuery({ ...EMPTY_FILTERS, overdue: true, q: "an" }, "u-1")).toEqual({ overdue: true, q: "an" });
  });

  it("sends nothing for the plain list", () => {
    expect(caseloadQuery(EMPTY_FILTERS, "u-1")).toEqual({});
  });
});
