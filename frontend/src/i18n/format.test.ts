import { describe, expect, it } from "vitest";

import {
  addDays,
  daysBetween,
  formatDate,
  formatEuro,
  formatNumber,
  localeFor,
  mondayOf,
  parseDecimal,
  parseIsoDate,
  toIsoDate,
  todayIso,
} from "./format";

describe("calendar dates", () => {
  it("reads an API date as a local date and writes it back unchanged", () => {
    const date = parseIsoDate("2026-03-29");
    expect(date?.getFullYear()).toBe(2026);
    expect(date?.getMonth()).toBe(2);
    expect(date?.getDate()).toBe(29);
    expect(date && toIsoDate(date)).toBe("2026-03-29");
  });

  it("refuses what is not a real date", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "24/11/2026", "", "2026-1-1"]) expect(parseIsoDate(bad), bad).toBeNull();
    expect(parseIsoDate(null)).toBeNull();
  });

  it("takes today from the device's calendar, not from UTC", () => {
    expect(todayIso(new Date(2026, 10, 24, 0, 30))).toBe("2026-11-24");
    expect(todayIso(new Date(2026, 10, 24, 23, 59))).toBe("2026-11-24");
  });

  it("adds days across months, years and the summer-time change", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(() => addDays("nope", 1)).toThrow(RangeError);
  });

  it("counts whole days between two dates, also over a DST change", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-11-24", "2026-11-20")).toBe(-4);
  });

  it("finds the Monday of a week (Sunday belongs to the week before)", () => {
    expect(mondayOf("2026-11-24")).toBe("2026-11-23"); // Tuesday
    expect(mondayOf("2026-11-23")).toBe("2026-11-23"); // Monday
    expect(mondayOf("2026-11-29")).toBe("2026-11-23"); // Sunday
  });
});

describe("formatting for people", () => {
  it("uses nl-BE for Dutch and en-GB for English", () => {
    expect(localeFor("nl")).toBe("nl-BE");
    expect(localeFor("en")).toBe("en-GB");
    expect(localeFor(undefined)).toBe("nl-BE");
  });

  it("writes dates the Flemish way", () => {
    expect(formatDate("2026-11-24", "nl-BE", "short")).toBe("24/11/2026");
    expect(formatDate("2026-11-24", "nl-BE", "long")).toBe("24 november 2026");
    expect(formatDate("2026-11-24", "nl-BE", "weekday")).toBe("dinsdag 24 november 2026");
    expect(formatDate("2026-11-24", "en-GB", "long")).toBe("24 November 2026");
  });

  it("shows an unreadable date as given and nothing for nothing", () => {
    expect(formatDate("soon", "nl-BE")).toBe("soon");
    expect(formatDate(null, "nl-BE")).toBe("");
  });

  it("writes numbers with a decimal comma in Dutch", () => {
    expect(formatNumber(12.5, "nl-BE")).toBe("12,5");
    expect(formatNumber(3.333, "nl-BE", 2)).toBe("3,33");
    expect(formatNumber(12.5, "en-GB")).toBe("12.5");
    expect(formatNumber(null, "nl-BE")).toBe("");
    expect(formatNumber(Number.NaN, "nl-BE")).toBe("");
  });

  it("writes a wage as euro", () => {
    expect(formatEuro("14.85", "nl-BE")).toMatch(/^€\s14,85$/);
    expect(formatEuro(null, "nl-BE")).toBe("");
    expect(formatEuro("n/a", "nl-BE")).toBe("n/a");
  });

  it("reads hours typed with a comma or a dot", () => {
    expect(parseDecimal("2,5")).toBe(2.5);
    expect(parseDecimal(" 3 ")).toBe(3);
    expect(parseDecimal("2.75")).toBe(2.75);
    for (const bad of ["", "-1", "2,5,1", "drie", "1e2"]) expect(parseDecimal(bad), bad).toBeNull();
  });
});
