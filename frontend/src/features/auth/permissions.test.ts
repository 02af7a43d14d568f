import { describe, expect, it } from "vitest";

import { adminSections, can, canChangeActive, canEditUser, canManagePartnership, canOpenAdmin, navigationFor } from "./permissions";

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
    expect(adminSections(admin)).toEqual({
      organisations: true,
      users: true,
      partnerships: true,
      competenceItems: true,
      audit: false,
    });
    expect(adminSections({ permissions: [...admin.permissions, "audit:read"] }).audit).toBe(true);
    expect(adminSections({ permissions: ["users:manage", "users:read"] })).toEqual({
      organisations: false,
      users: true,
      partnerships: false,
      competenceItems: true,
      audit: false,
    });
    expect(adminSections(coach)).toEqual({
      organisations: false,
      users: false,
      partnerships: false,
      competenceItems: false,
      audit: false,
    });
  });
});

describe("managing accounts and partnerships", () => {
  const own = { id: "org-a" };
  const orgAdmin = { id: "me", is_platform_admin: false, organisation: own, permissions: ["users:manage", "partnerships:manage"] };
  const platformAdmin = { ...orgAdmin, is_platform_admin: true, organisation: { id: "platform" } };
  const colleague = { id: "u1", organisation_id: "org-a", is_platform_admin: false };
  const stranger = { id: "u2", organisation_id: "org-b", is_platform_admin: false };

  it("lets an organisation admin edit only their own organisation's accounts", () => {
    expect(canEditUser(orgAdmin, colleague)).toBe(true);
    expect(canEditUser(orgAdmin, stranger)).toBe(false);
    expect(canEditUser(orgAdmin, { ...colleague, is_platform_admin: true })).toBe(false);
    expect(canEditUser({ ...orgAdmin, permissions: ["users:read"] }, colleague)).toBe(false);
    expect(canEditUser(undefined, colleague)).toBe(false);
  });

  it("lets a platform admin edit every account, a platform admin's too", () => {
    expect(canEditUser(platformAdmin, stranger)).toBe(true);
    expect(canEditUser(platformAdmin, { ...stranger, is_platform_admin: true })).toBe(true);
  });

  it("offers no deactivation of one's own account", () => {
    expect(canChangeActive(orgAdmin, colleague)).toBe(true);
    expect(canChangeActive(orgAdmin, { ...colleague, id: "me" })).toBe(false);
  });

  it("lets only the lead organisation or a platform admin change a partnership", () => {
    expect(canManagePartnership(orgAdmin, "org-a")).toBe(true);
    expect(canManagePartnership(orgAdmin, "org-b")).toBe(false);
    expect(canManagePartnership(platformAdmin, "org-b")).toBe(true);
    expect(canManagePartnership({ ...orgAdmin, permissions: [] }, "org-a")).toBe(false);
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

  it("shows a manager the caseload and the partnership, not the floor they cannot record", () => {
    expect(navigationFor(user("manager", "work_care", ["participants:read", "work_floors:read", "users:read"]))).toEqual(["start", "caseload"]);
    expect(navigationFor(user("manager", "work_care", ["participants:read", "trajectories:read", "users:read"]))).toEqual([
      "start",
      "caseload",
      "partnership",
    ]);
  });

  it("shows an administrator Beheer and no case files", () => {
    expect(navigationFor(user("admin", "work_care", admin.permissions))).toEqual(["start", "admin"]);
    expect(navigationFor(undefined)).toEqual([]);
  });
});
