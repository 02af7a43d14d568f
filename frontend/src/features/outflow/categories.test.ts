import { describe, expect, it } from "vitest";

import { groupedCategories, isPaid, linkNeeded } from "./categories";

describe("outflow categories", () => {
  it("a paid exit needs its job, a step through an internship needs that internship", () => {
    expect(linkNeeded("regular_job")).toBe("job");
    expect(linkNeeded("collective_maatwerk")).toBe("job");
    expect(linkNeeded("ibo")).toBe("internship");
    expect(linkNeeded("work_experience_internship")).toBe("internship");
    expect(linkNeeded("back_to_care")).toBeNull();
  });

  it("counts maatwerk as paid (the Flemish view)", () => {
    expect(isPaid("collective_maatwerk")).toBe(true);
    expect(isPaid("volunteering")).toBe(false);
  });

  it("puts every category in exactly one group", () => {
    const groups = groupedCategories();
    expect(groups.paid).toHaveLength(7);
    expect(groups.outside).toEqual(["moved", "deceased", "unknown"]);
    expect(groups.paid.length + groups.unpaid.length + groups.outside.length).toBe(18);
  });
});
