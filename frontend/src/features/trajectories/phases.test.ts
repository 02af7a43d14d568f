import { describe, expect, it } from "vitest";

import { PHASES } from "../../api/enums";
import { MOVES, needsReason, phaseMoveOptions, phaseSteps } from "./phases";

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
