import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { formatDayFirstDate } from "../../forms/dates";
import { decodeMessage } from "../../forms/messages";
import { todayIso } from "../../i18n/format";
import { datedSchema, earliestStatusDate, pauseSchema, phaseChangeSchema, reasonRequired, trajectoryChanges } from "./actionForms";
import { phaseMoveOptions } from "./phases";

const window = { today: "2026-11-24", earliest: "2026-10-01" };

/** The problems of a failed parse as field → i18n key (with its values). */
function problems(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => {
      const decoded = decodeMessage(issue.message);
      const values = decoded && Object.keys(decoded.values).length > 0 ? `|${JSON.stringify(decoded.values)}` : "";
      return [issue.path.join("."), decoded ? `${decoded.key}${values}` : issue.message];
    }),
  );
}

describe("earliestStatusDate", () => {
  it("is the latest of referral, phase start and the last status change", () => {
    const trajectory = { referred_on: "2026-01-10", phase_since: "2026-03-01" };
    expect(earliestStatusDate(trajectory)).toBe("2026-03-01");
    expect(earliestStatusDate(trajectory, [{ date: "2026-01-10" }, { date: "2026-05-02" }])).toBe("2026-05-02");
    expect(earliestStatusDate({ referred_on: "2026-04-01", phase_since: "2026-04-01" }, [])).toBe("2026-04-01");
  });
});

describe("datedSchema (start, resume)", () => {
  it("turns a typed day into the API's date", () => {
    expect(datedSchema(window).parse({ date: "24/11/2026" })).toEqual({ date: "2026-11-24" });
  });

  it("refuses a day in the future, before the previous change, or no day", () => {
    const today = todayIso();
    const tomorrow = new Date(`${today}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const future = { date: formatDayFirstDate(tomorrow.toISOString().slice(0, 10)) };
    expect(problems(datedSchema({ today, earliest: "2026-01-01" }), future)).toEqual({ date: "form.validation.dateInFuture" });
    expect(problems(datedSchema({ today: "2026-11-20", earliest: "2026-10-01" }), { date: "21/11/2026" })).toEqual({
      date: 'form.validation.dateAfter|{"date":"2026-11-20"}',
    });
    expect(problems(datedSchema(window), { date: "30/09/2026" })).toEqual({ date: 'form.validation.dateBefore|{"date":"2026-10-01"}' });
    expect(problems(datedSchema(window), { date: "" })).toEqual({ date: "form.validation.required" });
    expect(problems(datedSchema(window), { date: "31/02/2026" })).toEqual({ date: "form.validation.date" });
  });
});

describe("pauseSchema", () => {
  it("asks a reason and accepts an expected return from the pause on", () => {
    expect(pauseSchema(window).parse({ date: "01/11/2026", reason: "  Ziekte ", expected_return_on: "" })).toEqual({
      date: "2026-11-01",
      reason: "Ziekte",
      expected_return_on: null,
    });
    expect(pauseSchema(window).parse({ date: "01/11/2026", reason: "Crisis", expected_return_on: "01/02/2027" }).expected_return_on).toBe(
      "2027-02-01",
    );
  });

  it("says what is wrong next to each field", () => {
    expect(problems(pauseSchema(window), { date: "01/11/2026", reason: "   ", expected_return_on: "" })).toEqual({
      reason: "form.validation.pauseReason",
    });
    expect(problems(pauseSchema(window), { date: "10/11/2026", reason: "Ziekte", expected_return_on: "09/11/2026" })).toEqual({
      expected_return_on: "form.validation.returnBeforePause",
    });
    expect(problems(pauseSchema(window), { date: "10/11/2026", reason: "x".repeat(1001), expected_return_on: "" })).toEqual({
      reason: 'form.validation.tooLong|{"max":"1000"}',
    });
  });
});

describe("phaseChangeSchema", () => {
  const activation = phaseMoveOptions({ phase: "activation", status: "active", allowed_phase_targets: ["placement", "internship", "outflow"] });

  it("accepts a move forward without a reason", () => {
    expect(phaseChangeSchema(window, activation).parse({ to_phase: "internship", date: "24/11/2026", reason: "" })).toEqual({
      to_phase: "internship",
      date: "2026-11-24",
      reason: null,
    });
  });

  it("asks a reason for a step back", () => {
    expect(reasonRequired(activation, "placement")).toBe(true);
    expect(reasonRequired(activation, "internship")).toBe(false);
    expect(reasonRequired(activation, "")).toBe(false);
    expect(problems(phaseChangeSchema(window, activation), { to_phase: "placement", date: "24/11/2026", reason: " " })).toEqual({
      reason: "form.validation.stepBackReason",
    });
    expect(phaseChangeSchema(window, activation).parse({ to_phase: "placement", date: "24/11/2026", reason: "Te zwaar" }).reason).toBe("Te zwaar");
  });

  it("offers only the allowed targets, and never outflow (recorded with its category)", () => {
    expect(problems(phaseChangeSchema(window, activation), { to_phase: "", date: "24/11/2026", reason: "" })).toEqual({ to_phase: "form.validation.choose" });
    expect(problems(phaseChangeSchema(window, activation), { to_phase: "intake", date: "24/11/2026", reason: "" })).toEqual({ to_phase: "form.validation.choose" });
    expect(problems(phaseChangeSchema(window, activation), { to_phase: "outflow", date: "24/11/2026", reason: "" })).toEqual({ to_phase: "form.validation.choose" });
    const paused = phaseMoveOptions({ phase: "activation", status: "paused", allowed_phase_targets: [] });
    expect(problems(phaseChangeSchema(window, paused), { to_phase: "internship", date: "24/11/2026", reason: "" })).toEqual({ to_phase: "form.validation.choose" });
  });

  it("dates the move from the current phase's start to today", () => {
    expect(problems(phaseChangeSchema(window, activation), { to_phase: "internship", date: "30/09/2026", reason: "" })).toEqual({
      date: 'form.validation.dateBefore|{"date":"2026-10-01"}',
    });
  });
});

describe("trajectoryChanges", () => {
  const opened = {
    status: "active",
    phase: "activation",
    phase_since: "2026-10-01",
    started_on: "2026-01-10",
    pause_reason: null,
    expected_return_on: null,
    closed_on: null,
  };

  it("lists what someone else changed, as theirs", () => {
    const stored = { ...opened, status: "paused", pause_reason: "Ziekte", expected_return_on: "2026-12-01" };
    expect(trajectoryChanges(opened, stored)).toEqual([
      { field: "status", kind: "theirs", mine: "active", server: "paused" },
      { field: "pause_reason", kind: "theirs", mine: null, server: "Ziekte" },
      { field: "expected_return_on", kind: "theirs", mine: null, server: "2026-12-01" },
    ]);
  });

  it("is empty when only the version moved on", () => {
    expect(trajectoryChanges(opened, { ...opened })).toEqual([]);
  });
});
