import { describe, expect, it } from "vitest";

import { adminSections, can, canOpenAdmin, navigationFor } from "./permissions";

const coach = {
  permissions: ["organisations:read", "work_floors:read", "partnerships:read", "frameworks:read"],
};
const manager = { permissions: [...coach.permissions, "users:read"] };
const admin = {
  permissions: [...manager.permissions, "users:manage", "work_floors:manage", "organisations:update"],
};

describe("permissions", () => {
  it("checks a single permission, and nothing for an unknown user", () => {
    expect(can(coach, "organisations:read")).toBe(true);
    expect(can(coach, "users:read")).toBe(false);
    expect(can(undefined, "organisations:read")).toBe(false);
  });

  it("shows Beheer only to people who can manage something", () => {
    expect(canOpenAdmin(coach)).toBe(false);
    expect(canOpenAdmin(manager)).toBe(false);
    expect(canOpenAdmin(admin)).toBe(true);
    expect(canOpenAdmin(undefined)).toBe(false);
  });

  it("opens only the sections the user may read", () => {
    expect(adminSections(admin)).toEqual({ organisations: true, users: true });
    expect(adminSections({ permissions: ["users:manage", "users:read"] })).toEqual({
      organisations: false,
      users: true,
    });
    expect(adminSections(coach)).toEqual({ organisations: false, users: false });
  });
});

describe("navigationFor", () => {
  const caseWork = ["participants:read", "progress:write", "work_floors:read", "trajectories:read"];
  const user = (role: string, kind: string, permissions: string[]) => ({ role, organisation: { kind }, permissions });

  it("puts the work floor first for a coach", () => {
    expect(navigationFor(user("coach", "work_care", caseWork))).toEqual(["floor", "start", "caseload"]);
  });

  it("gives a mediator at GTB the caseload but no work floor", () => {
    expect(navigationFor(user("mediator", "mediation", [...caseWork, "trajectories:manage"]))).toEqual(["start", "caseload"]);
  });

  it("gives staff of a work-care provider the floor after the caseload", () => {
    expect(navigationFor(user("mediator", "work_care", caseWork))).toEqual(["start", "caseload", "floor"]);
  });

  it("shows a manager the caseload, not the floor they cannot record", () => {
    expect(navigationFor(user("manager", "work_care", ["participants:read", "work_floors:read", "users:read"]))).toEqual(["start", "caseload"]);
  });

  it("shows an administrator Beheer and no case files", () => {
    expect(navigationFor(user("admin", "work_care", admin.permissions))).toEqual(["start", "admin"]);
    expect(navigationFor(undefined)).toEqual([]);
  });
});
