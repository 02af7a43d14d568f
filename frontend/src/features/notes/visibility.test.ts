import { describe, expect, it } from "vitest";

import { isCareNote, writableVisibilities } from "./visibility";

describe("writableVisibilities", () => {
  it("offers care notes to secrecy-bound counsellors and mediators", () => {
    expect(writableVisibilities({ role: "counsellor", bound_by_professional_secrecy: true })).toEqual(["team", "care_shared", "care_internal"]);
    expect(writableVisibilities({ role: "mediator", bound_by_professional_secrecy: true })).toHaveLength(3);
  });

  it("offers only team notes to anyone not bound by secrecy, and to every coach", () => {
    expect(writableVisibilities({ role: "counsellor", bound_by_professional_secrecy: false })).toEqual(["team"]);
    expect(writableVisibilities({ role: "coach", bound_by_professional_secrecy: true })).toEqual(["team"]);
  });
});

describe("isCareNote", () => {
  it("marks both care visibilities", () => {
    expect(isCareNote("team")).toBe(false);
    expect(isCareNote("care_shared")).toBe(true);
    expect(isCareNote("care_internal")).toBe(true);
  });
});
