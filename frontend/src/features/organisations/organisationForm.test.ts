import { describe, expect, it } from "vitest";

import type { Organisation, WorkFloor } from "./api";
import { canCreateOrganisation, canEditOrganisation, canManageWorkFloors, organisationValues, workFloorValues } from "./organisationForm";

const OWN = "org-1";
const admin = { permissions: ["organisations:update", "work_floors:manage"], is_platform_admin: false, organisation: { id: OWN } };
const platform = { permissions: ["organisations:update", "organisations:create", "work_floors:manage"], is_platform_admin: true, organisation: { id: "p" } };
const coach = { permissions: ["organisations:read"], is_platform_admin: false, organisation: { id: OWN } };

describe("organisation permissions", () => {
  it("lets an organisation admin edit and manage floors of their own organisation only", () => {
    expect(canEditOrganisation(admin, OWN)).toBe(true);
    expect(canEditOrganisation(admin, "other")).toBe(false);
    expect(canManageWorkFloors(admin, OWN)).toBe(true);
    expect(canManageWorkFloors(admin, "other")).toBe(false);
    expect(canCreateOrganisation(admin)).toBe(false);
  });

  it("lets a platform admin do it everywhere, and add organisations", () => {
    expect(canEditOrganisation(platform, "other")).toBe(true);
    expect(canManageWorkFloors(platform, "other")).toBe(true);
    expect(canCreateOrganisation(platform)).toBe(true);
  });

  it("offers nothing without the permission", () => {
    expect(canEditOrganisation(coach, OWN)).toBe(false);
    expect(canManageWorkFloors(coach, OWN)).toBe(false);
    expect(canEditOrganisation(undefined, OWN)).toBe(false);
  });
});

describe("form values", () => {
  it("turns empty fields into empty text", () => {
    const organisation = { name: "X", kind: "care", kbo_number: null, ama_recognition_number: null, province: null } as Organisation;
    expect(organisationValues(organisation)).toEqual({ name: "X", kind: "care", kbo_number: "", ama_recognition_number: "", province: "" });
  });

  it("shows a capacity as text", () => {
    const floor = { name: "Atelier", activity: null, address: "Straat 1", capacity: 8 } as WorkFloor;
    expect(workFloorValues(floor)).toEqual({ name: "Atelier", activity: "", address: "Straat 1", capacity: "8" });
  });
});
