import { describe, expect, it } from "vitest";

import { PHASES } from "../../api/enums";
import { MOVES, checkEventDate, checkPause, checkPhaseMove, needsReason, phaseMoveOptions, phaseSteps } from "./phases";

describe("the phase table (domain.md)", () => {
  it("allows exactly the moves of the table", () => {
    const allowed = Object.fromEntries(PHASES.map((from) => [from, Object.keys(MOVES[from]).sort()]));
    expect(allowed).toEqual({
      intake: ["activation", "outflow", "placement"],
      placement: ["activation", "internship", "outflow"],
      activation: ["internship", "outflow", "placement"],
      internship: ["activation", "outflow", "placement"],
      outflow: [],
    });
  });

  it("asks a reason only for the steps back", () => {
    expect(needsReason("activation", "placement")).toBe(true);
    expect(needsReason("internship", "placement")).toBe(true);
    expect(needsReason("internship", "activation")).toBe(true);
    expect(needsReason("placement", "activation")).toBe(false);
    expect(needsReason("intake", "outflow")).toBe(false);
    expect(needsReason("outflow", "intake")).toBe(false);
  });
});

describe("phaseMoveOptions", () => {
  it("offers the server's allowed targets in phase order, with the reason rule and the outflow route", () => {
    const options = phaseMoveOptions({ phase: "internship", status: "active", allowed_phase_targets: ["outflow", "placement", "activation"] });
    expect(options).toEqual([
      { target: "placement", reasonRequired: true, viaOutflow: false },
      { target: "activation", reasonRequired: true, viaOutflow: false },
      { target: "outflow", reasonRequired: false, viaOutflow: true },
    ]);
  });

  it("offers nothing when the server allows nothing (paused, referred, closed)", () => {
    expect(phaseMoveOptions({ phase: "placement", status: "paused", allowed_phase_targets: [] })).toEqual([]);
  });

  it("falls back on the table for an active trajectory when the server does not list targets", () => {
    expect(phaseMoveOptions({ phase: "intake", status: "active" }).map((o) => o.target)).toEqual(["placement", "activation", "outflow"]);
    expect(phaseMoveOptions({ phase: "intake", status: "paused", allowed_phase_targets: null })).toEqual([]);
  });
});

describe("checkPhaseMove", () => {
  const options = phaseMoveOptions({ phase: "activation", status: "active", allowed_phase_targets: ["placement", "internship", "outflow"] });
  const today = "2026-11-24";

  it("accepts a forward move without a reason, dated today", () => {
    expect(checkPhaseMove({ target: "internship", date: today, reason: "" }, options, today, "2026-05-28")).toEqual({});
  });

  it("asks for a target, and does not take outflow as a bare move", () => {
    expect(checkPhaseMove({ target: null, date: today, reason: "" }, options, today, null).to_phase).toBe("phaseDialog.chooseTarget");
    expect(checkPhaseMove({ target: "outflow", date: today, reason: "" }, options, today, null).to_phase).toBe("phaseDialog.chooseTarget");
    expect(checkPhaseMove({ target: "intake", date: today, reason: "" }, options, today, null).to_phase).toBe("phaseDialog.chooseTarget");
  });

  it("asks a reason for a step back; blanks do not count", () => {
    expect(checkPhaseMove({ target: "placement", date: today, reason: "   " }, options, today, null)).toEqual({ reason: "phaseDialog.reasonRequired" });
    expect(checkPhaseMove({ target: "placement", date: today, reason: "Terugval" }, options, today, null)).toEqual({});
  });

  it("refuses a missing date, a future date and one before the current phase began", () => {
    const check = (date: string) => checkPhaseMove({ target: "internship", date, reason: "" }, options, today, "2026-05-28").date;
    expect(check("")).toBe("phaseDialog.dateRequired");
    expect(check("2026-11-25")).toBe("phaseDialog.dateFuture");
    expect(check("2026-05-27")).toBe("phaseDialog.dateTooEarly");
    expect(check("2026-05-28")).toBeUndefined();
  });
});

describe("checkPause and checkEventDate", () => {
  const today = "2026-11-24";

  it("needs a reason and a date not in the future", () => {
    expect(checkPause({ date: today, reason: "Opname", expectedReturn: "" }, today)).toEqual({});
    expect(checkPause({ date: "2026-12-01", reason: " ", expectedReturn: "" }, today)).toEqual({
      date: "phaseDialog.dateFuture",
      reason: "pauseDialog.reasonRequired",
    });
  });

  it("puts the expected return after the start of the pause", () => {
    expect(checkPause({ date: today, reason: "Crisis", expectedReturn: "2026-11-01" }, today)).toEqual({
      expected_return_on: "pauseDialog.returnBeforeStart",
    });
    expect(checkPause({ date: today, reason: "Crisis", expectedReturn: "2027-01-05" }, today)).toEqual({});
  });

  it("checks a resume date", () => {
    expect(checkEventDate(today, today)).toBeNull();
    expect(checkEventDate("", today)).toBe("phaseDialog.dateRequired");
    expect(checkEventDate("2026-11-25", today)).toBe("phaseDialog.dateFuture");
  });
});

describe("phaseSteps", () => {
  it("marks passed, current and upcoming phases with the date each was entered", () => {
    const steps = phaseSteps(
      "activation",
      [
        { from_phase: "placement", to_phase: "activation", date: "2026-05-28" },
        { from_phase: null, to_phase: "intake", date: "2026-03-29" },
        { from_phase: "intake", to_phase: "placement", date: "2026-04-28" },
      ],
      "2026-03-29",
    );
    expect(steps.map((s) => [s.phase, s.state, s.enteredOn])).toEqual([
      ["intake", "done", "2026-03-29"],
      ["placement", "done", "2026-04-28"],
      ["activation", "current", "2026-05-28"],
      ["internship", "upcoming", null],
      ["outflow", "upcoming", null],
    ]);
  });

  it("shows a skipped phase and counts a phase entered twice", () => {
    const steps = phaseSteps(
      "placement",
      [
        { from_phase: "intake", to_phase: "activation", date: "2026-02-01" },
        { from_phase: "activation", to_phase: "internship", date: "2026-04-01" },
        { from_phase: "internship", to_phase: "activation", date: "2026-05-01" },
        { from_phase: "activation", to_phase: "placement", date: "2026-06-01" },
      ],
      "2026-01-10",
    );
    const byPhase = Object.fromEntries(steps.map((s) => [s.phase, s]));
    expect(byPhase.intake).toMatchObject({ state: "done", enteredOn: "2026-01-10", visits: 1 });
    expect(byPhase.placement).toMatchObject({ state: "current", enteredOn: "2026-06-01" });
    expect(byPhase.activation).toMatchObject({ state: "done", enteredOn: "2026-05-01", visits: 2 });
    expect(byPhase.outflow).toMatchObject({ state: "upcoming" });
  });

  it("marks phases before the current one that were never entered as skipped", () => {
    const steps = phaseSteps("activation", [{ from_phase: "intake", to_phase: "activation", date: "2026-02-01" }], "2026-01-10");
    expect(steps.find((s) => s.phase === "placement")?.state).toBe("skipped");
  });

  it("with no history yet, the current phase starts on the start date", () => {
    const steps = phaseSteps("intake", [], "2026-11-01");
    expect(steps[0]).toEqual({ phase: "intake", state: "current", enteredOn: "2026-11-01", visits: 1 });
    expect(steps.slice(1).every((s) => s.state === "upcoming")).toBe(true);
  });
});
