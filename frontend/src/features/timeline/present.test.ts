import { describe, expect, it } from "vitest";

import { timelineParts } from "./present";

describe("timelineParts", () => {
  it("translates phase moves and keeps the reason", () => {
    expect(timelineParts({ kind: "phase_change", title: "internship → placement", summary: "Stage te zwaar" })).toEqual({
      title: { kind: "move", vocabulary: "phase", from: "internship", to: "placement" },
      summary: { kind: "text", text: "Stage te zwaar" },
    });
    expect(timelineParts({ kind: "phase_change", title: "intake", summary: null }).title).toEqual({
      kind: "move",
      vocabulary: "phase",
      from: null,
      to: "intake",
    });
  });

  it("reads status moves with the status vocabulary", () => {
    expect(timelineParts({ kind: "status_change", title: "active → paused", summary: null }).title).toEqual({
      kind: "move",
      vocabulary: "trajectoryStatus",
      from: "active",
      to: "paused",
    });
  });

  it("shows nothing rather than an unknown code", () => {
    expect(timelineParts({ kind: "phase_change", title: "intake → somewhere", summary: null }).title).toBeNull();
    expect(timelineParts({ kind: "outflow", title: "new_category", summary: null }).title).toBeNull();
    expect(timelineParts({ kind: "note", title: "Gesprek", summary: "secret_level" }).summary).toBeNull();
  });

  it("translates codes where the API puts them", () => {
    expect(timelineParts({ kind: "note", title: "Gesprek", summary: "care_shared" })).toEqual({
      title: { kind: "text", text: "Gesprek" },
      summary: { kind: "code", vocabulary: "visibility", code: "care_shared" },
    });
    expect(timelineParts({ kind: "outflow", title: "regular_job", summary: "Vaste job" }).title).toEqual({
      kind: "code",
      vocabulary: "outflowCategory",
      code: "regular_job",
    });
    expect(timelineParts({ kind: "team_member_joined", title: "Sofie Claes", summary: "coach" }).summary).toEqual({
      kind: "code",
      vocabulary: "teamRole",
      code: "coach",
    });
  });

  it("leaves out summaries made of codes and English units", () => {
    expect(timelineParts({ kind: "goal", title: "Op tijd komen", summary: "work · open · due 2026-11-19" }).summary).toBeNull();
    expect(timelineParts({ kind: "placement", title: "Fietsatelier", summary: "12 h/week" }).summary).toBeNull();
    expect(timelineParts({ kind: "internship", title: "ibo · Bakkerij", summary: "ongoing" })).toEqual({ title: null, summary: null });
  });

  it("drops blank text", () => {
    expect(timelineParts({ kind: "progress_log", title: "   ", summary: null }).title).toBeNull();
  });
});
