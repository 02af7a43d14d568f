import { describe, expect, it } from "vitest";

import { drillTarget } from "./drill";

describe("drillTarget", () => {
  const group = { from: "2026-01-01", to: "2026-06-30", organisation_id: "org-1" };

  it("opens a count with the group's own filters", () => {
    expect(drillTarget("exits", group, "Uitstroom", 4)).toEqual({ indicator: "exits", params: group, title: "Uitstroom", count: 4 });
  });

  it("adds the bar's phase or category to the filters, not to the group's", () => {
    const phase = drillTarget("in_phase", group, "Intake", 3, { phase: "intake" });
    expect(phase?.params).toEqual({ ...group, phase: "intake" });
    const category = drillTarget("exits_in_category", group, "Afgehaakt", 2, { category: "drop_out" });
    expect(category?.params).toEqual({ ...group, category: "drop_out" });
    expect(group).not.toHaveProperty("phase");
  });

  it("cannot open a group without drill parameters", () => {
    expect(drillTarget("in_phase", null, "Intake", 3, { phase: "intake" })).toBeNull();
  });
});
