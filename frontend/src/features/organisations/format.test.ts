import { describe, expect, it } from "vitest";

import { formatKboNumber } from "./format";

describe("formatKboNumber", () => {
  it("writes a 10-digit number the Belgian way", () => {
    expect(formatKboNumber("0123456789")).toBe("0123.456.789");
  });

  it("adds the leading zero of old 9-digit numbers and accepts dotted input", () => {
    expect(formatKboNumber("123456789")).toBe("0123.456.789");
    expect(formatKboNumber("0123.456.789")).toBe("0123.456.789");
  });

  it("shows anything else unchanged, and nothing for nothing", () => {
    expect(formatKboNumber("BE 12")).toBe("BE 12");
    expect(formatKboNumber(null)).toBe("");
    expect(formatKboNumber(undefined)).toBe("");
  });
});
