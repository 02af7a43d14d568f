// The partnership form: name, lead organisation (eindverantwoordelijke) and the members with
// their role in the partnership. Mirrors app/organisations/service._check_members, so the person
// hears about a doubled member or a lead outside the list before the server does.

import { z } from "zod";

import type { Schema } from "../../api/types";
import { apiBody, choice, requiredId } from "../../forms/schema";
import { encodeMessage, invalid } from "../../forms/messages";

type PartnerRole = Schema<"PartnerRole">;
type Exhaustive<L extends readonly PartnerRole[]> = Exclude<PartnerRole, L[number]> extends never ? L : never;
const list = <const L extends readonly PartnerRole[]>(values: Exhaustive<L>): L => values;

/** Werk-zorg, bemiddeling, zorg, empowerment: the four roles of a W² partnership. */
export const PARTNER_ROLES = list(["work_care", "mediation", "care", "empowerment"]);

export const MAX_MEMBERS = 100;

/** The check above reads only ids; it may run on a half-filled form whose shape is right. */
function hasMemberRows(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { members, lead_organisation_id: lead } = value as Record<string, unknown>;
  return (
    typeof lead === "string" &&
    Array.isArray(members) &&
    members.every((row) => typeof row === "object" && row !== null && typeof (row as Record<string, unknown>).organisation_id === "string")
  );
}

const member = z.object({ organisation_id: requiredId(), partner_role: choice(PARTNER_ROLES) });

export const partnershipSchema = apiBody<"PartnershipCreate">()(
  z
    .object({
      // Not requiredText: its "required" aborts the whole parse, and the member check below
      // should speak up while the name is still empty.
      name: z.string().trim().min(1, invalid("required")).max(200, invalid("tooLong", { max: 200 })),
      lead_organisation_id: requiredId(),
      members: z.array(member).min(1, invalid("chooseAtLeastOne")).max(MAX_MEMBERS, invalid("chooseAtMost", { max: MAX_MEMBERS })),
    })
    .superRefine(
      (values, ctx) => {
        const seen = new Set<string>();
        values.members.forEach((row, index) => {
          if (row.organisation_id === "") return;
          if (seen.has(row.organisation_id)) {
            ctx.addIssue({ code: "custom", path: ["members", index, "organisation_id"], message: encodeMessage("memberTwice") });
          }
          seen.add(row.organisation_id);
        });
        if (values.lead_organisation_id !== "" && !seen.has(values.lead_organisation_id)) {
          ctx.addIssue({ code: "custom", path: ["lead_organisation_id"], message: encodeMessage("leadNotMember") });
        }
      },
      // Also while other fields are still empty: a doubled member is worth hearing about at once.
      { when: (payload) => hasMemberRows(payload.value) },
    ),
);

export interface MemberValues {
  organisation_id: string;
  partner_role: string;
}

export interface PartnershipValues {
  name: string;
  lead_organisation_id: string;
  members: MemberValues[];
}

export const PARTNERSHIP_FIELDS = ["name", "lead_organisation_id", "members"] as const;

/** A stored partnership as the form's values (members in a stable order). */
export function partnershipValues(partnership: Schema<"PartnershipRead">): PartnershipValues {
  return {
    name: partnership.name,
    lead_organisation_id: partnership.lead_organisation_id,
    members: partnership.members.map((m) => ({ organisation_id: m.organisation_id, partner_role: m.partner_role })),
  };
}

/** A new partnership: the creator's organisation leads it, unless they administer the platform. */
export function newPartnershipValues(leadOrganisationId: string | null): PartnershipValues {
  return {
    name: "",
    lead_organisation_id: leadOrganisationId ?? "",
    members: [{ organisation_id: leadOrganisationId ?? "", partner_role: "" }],
  };
}

/** The lead organisation's name, taken from the member list (the API gives only its id). */
export function leadName(partnership: Schema<"PartnershipRead">): string | undefined {
  return partnership.members.find((m) => m.organisation_id === partnership.lead_organisation_id)?.organisation_name;
}
