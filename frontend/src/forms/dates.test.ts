import { describe, expect, it } from "vitest";

import { formatDayFirstDate, parseDayFirstDate } from "./dates";

const today = new Date(2026, 10, 24);

describe("parseDayFirstDate", () => {
  it.each([
    ["24/11/2026", "2026-11-24"],
    ["24-11-2026", "2026-11-24"],
    ["24.11.2026", "2026-11-24"],
    [" 1/2/2026 ", "2026-02-01"],
    ["2026-11-24", "2026-11-24"],
    ["29/02/2028", "2028-02-29"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseDayFirstDate(text, today)).toBe(iso);
  });

  it("reads two-digit years as at most ten years ahead, else the previous century", () => {
    expect(parseDayFirstDate("24/11/26", today)).toBe("2026-11-24");
    expect(parseDayFirstDate("1/1/36", today)).toBe("2036-01-01");
    expect(parseDayFirstDate("1/1/37", today)).toBe("1937-01-01");
    expect(parseDayFirstDate("30/07/85", today)).toBe("1985-07-30");
  });

  it.each(["", "24/13/2026", "31/04/2026", "29/02/2026", "2026-02-30", "24/11", "24/11/202", "morgen", "11/24/2026"])(
    "refuses %j",
    (text) => {
      expect(parseDayFirstDate(text, today)).toBeNull();
    },
  );
});

describe("formatDayFirstDate", () => {
  it("shows an API date the way the form reads it", () => {
    expect(formatDayFirstDate("2026-02-01")).toBe("01/02/2026");
    expect(parseDayFirstDate(formatDayFirstDate("2026-02-01"))).toBe("2026-02-01");
  });

  it("shows nothing for no date or a broken one", () => {
    expect(formatDayFirstDate(null)).toBe("");
    expect(formatDayFirstDate("2026-13-01")).toBe("");
  });
});
