import { describe, expect, it } from "vitest";

import { leadName, newPartnershipValues, partnershipSchema, partnershipValues } from "./partnershipForm";

const stored = {
  id: "p1",
  name: "W² Gent",
  lead_organisation_id: "a",
  members: [
    { organisation_id: "a", organisation_name: "De Werkplaats vzw", partner_role: "work_care" as const },
    { organisation_id: "b", organisation_name: "GTB Oost-Vlaanderen", partner_role: "mediation" as const },
  ],
  version: 3,
  created_at: "2026-01-05T09:00:00Z",
};

function messages(values: unknown): Record<string, string> {
  const result = partnershipSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("partnership form", () => {
  it("turns a stored partnership into the form's values and back into the API's body", () => {
    const values = partnershipValues(stored);
    expect(values).toEqual({
      name: "W² Gent",
      lead_organisation_id: "a",
      members: [
        { organisation_id: "a", partner_role: "work_care" },
        { organisation_id: "b", partner_role: "mediation" },
      ],
    });
    expect(partnershipSchema.parse({ ...values, name: "  W² Gent  " }).name).toBe("W² Gent");
  });

  it("refuses an organisation listed twice, on the second row", () => {
    const values = partnershipValues(stored);
    values.members.push({ organisation_id: "b", partner_role: "care" });
    expect(messages(values)).toEqual({ "members.2.organisation_id": "form.validation.memberTwice" });
  });

  it("names a doubled member while other fields are still empty", () => {
    const found = messages({ name: "", lead_organisation_id: "", members: [{ organisation_id: "a", partner_role: "" }, { organisation_id: "a", partner_role: "" }] });
    expect(found["members.1.organisation_id"]).toBe("form.validation.memberTwice");
    expect(found.name).toBe("form.validation.required");
  });

  it("asks for the lead organisation among the members", () => {
    expect(messages({ ...partnershipValues(stored), lead_organisation_id: "c" })).toEqual({
      lead_organisation_id: "form.validation.leadNotMember",
    });
  });

  it("asks to choose a role and an organisation for every row, and at least one member", () => {
    const values = { name: "Nieuw", lead_organisation_id: "a", members: [{ organisation_id: "a", partner_role: "" }, { organisation_id: "", partner_role: "care" }] };
    const found = messages(values);
    expect(found["members.0.partner_role"]).toBe("form.validation.choose");
    expect(found["members.1.organisation_id"]).toBe("form.validation.choose");
    expect(messages({ name: "Nieuw", lead_organisation_id: "a", members: [] }).members).toBe("form.validation.chooseAtLeastOne");
  });

  it("starts a new partnership with the creator's organisation as lead and first member", () => {
    expect(newPartnershipValues("a")).toEqual({ name: "", lead_organisation_id: "a", members: [{ organisation_id: "a", partner_role: "" }] });
    expect(newPartnershipValues(null).lead_organisation_id).toBe("");
  });

  it("names the lead organisation from the member list", () => {
    expect(leadName(stored)).toBe("De Werkplaats vzw");
    expect(leadName({ ...stored, lead_organisation_id: "z" })).toBeUndefined();
  });
});
