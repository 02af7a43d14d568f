import { describe, expect, it } from "vitest";

import { adminSections, can, canOpenAdmin } from "./permissions";

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
