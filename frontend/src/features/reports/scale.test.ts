import { describe, expect, it } from "vitest";

import {
  countAxis,
  formatShare,
  ipsBand,
  linearScale,
  niceStep,
  parsePeriodKey,
  periodName,
  shareAxis,
  sharePercent,
  shortMonth,
  slots,
  stack,
} from "./scale";

describe("niceStep", () => {
  it("picks 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(4)).toBe(1);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(18)).toBe(5);
    expect(niceStep(37)).toBe(10);
    expect(niceStep(180)).toBe(50);
  });

  it("falls back to 1 for nothing to show", () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("countAxis", () => {
  it("runs from 0 to a round number at or above the highest count", () => {
    expect(countAxis([3, 7, 5])).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis([2, 1])).toEqual({ max: 2, ticks: [0, 1, 2] });
  });

  it("never has fractional ticks for people and shows 0–1 when all counts are zero", () => {
    expect(countAxis([0, 0])).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis([1]).ticks.every(Number.isInteger)).toBe(true);
  });

  it("ignores values that are not numbers", () => {
    expect(countAxis([Number.NaN, 4]).max).toBe(4);
  });
});

describe("shareAxis", () => {
  it("keeps the floor in view (the IPS chart needs its 50 % band)", () => {
    const axis = shareAxis([0.04, 0.08], 0.6);
    expect(axis.max).toBe(0.6);
    expect(axis.ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
  });

  it("uses 5 % steps for small shares and stops at 100 %", () => {
    expect(shareAxis([0.12], 0.1)).toEqual({ max: 0.15, ticks: [0, 0.05, 0.1, 0.15] });
    expect(shareAxis([1], 0.2)).toEqual({ max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it("does not add a step for floating-point noise", () => {
    expect(shareAxis([0.30000000000000004], 0.2).max).toBe(0.3);
  });

  it("treats 0 ÷ 0 (null) as no value", () => {
    expect(shareAxis([null, null], 0.2).max).toBe(0.2);
  });
});

describe("linearScale", () => {
  it("maps 0…max onto the range, also reversed (SVG y grows downwards)", () => {
    const y = linearScale(10, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(y(10)).toBe(0);
  });

  it("clamps values outside the domain and survives an empty domain", () => {
    const x = linearScale(4, 0, 100);
    expect(x(8)).toBe(100);
    expect(x(-1)).toBe(0);
    expect(linearScale(0, 10, 90)(3)).toBe(10);
  });
});

describe("slots", () => {
  it("centres bars in equal slots and caps their width", () => {
    const layout = slots(4, 40, 400, 56, 0.5);
    expect(layout.slot).toBe(100);
    expect(layout.bar).toBe(50);
    expect(layout.x(0)).toBe(65);
    expect(layout.x(3)).toBe(365);
    expect(slots(2, 0, 400, 56).bar).toBe(56);
  });
});

describe("stack", () => {
  it("puts segments end to end", () => {
    const scale = linearScale(10, 0, 100);
    const segments = stack(
      [
        { key: "working", value: 2 },
        { key: "not_working", value: 3 },
      ],
      5,
      scale,
    );
    expect(segments).toEqual([
      { key: "working", value: 2, x: 5, width: 20 },
      { key: "not_working", value: 3, x: 25, width: 30 },
    ]);
  });
});

describe("formatShare", () => {
  it("writes percentages the Flemish way, and a dash for 0 ÷ 0", () => {
    expect(formatShare(0.625, "nl-BE").replace(/\s/g, " ")).toMatch(/^62,5 ?%$/);
    expect(formatShare(0.375, "en-GB")).toBe("37.5%");
    expect(formatShare(null, "nl-BE")).toBe("–");
  });

  it("gives spreadsheets percent numbers rounded to 0.1", () => {
    expect(sharePercent(0.2105)).toBe(21.1);
    expect(sharePercent(null)).toBeNull();
  });
});

describe("ipsBand", () => {
  it("follows the 31 / 41 / 50 % norms, thresholds included", () => {
    expect(ipsBand(0.3099)).toBe("below_minimal");
    expect(ipsBand(0.31)).toBe("minimal");
    expect(ipsBand(0.4)).toBe("minimal");
    expect(ipsBand(0.41)).toBe("average");
    expect(ipsBand(0.5)).toBe("excellent");
    expect(ipsBand(null)).toBeNull();
  });
});

describe("period keys", () => {
  it("reads the API's month, quarter and year keys and nothing else", () => {
    expect(parsePeriodKey("2026-03")).toEqual({ kind: "month", year: 2026, month: 3 });
    expect(parsePeriodKey("2026-Q4")).toEqual({ kind: "quarter", year: 2026, quarter: 4 });
    expect(parsePeriodKey("2026")).toEqual({ kind: "year", year: 2026 });
    expect(parsePeriodKey("2026-13")).toBeNull();
    expect(parsePeriodKey("c46816cf-ab37-4dcc-8da5-e63a46612f12")).toBeNull();
  });

  it("names periods in the reader's language", () => {
    const quarter = (q: number, year: number) => `K${q} ${year}`;
    expect(periodName("2026-03", "nl-BE", quarter)).toBe("maart 2026");
    expect(periodName("2026-03", "en-GB", quarter)).toBe("March 2026");
    expect(periodName("2026-Q1", "nl-BE", quarter)).toBe("K1 2026");
    expect(shortMonth("2026-03", "en-GB")).toBe("Mar");
    expect(shortMonth("2026-Q1", "en-GB")).toBe("2026-Q1");
  });
});
