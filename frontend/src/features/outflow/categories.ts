import { OUTFLOW_CATEGORIES } from "../../api/enums";
import type { Schema } from "../../api/types";

export type OutflowCategory = Schema<"OutflowCategory">;

// domain.md, "Outflow categories": which exits are paid work, which are a step through an
// internship or training, and which are left out of the rates. The API checks the same links.
const PAID: ReadonlySet<OutflowCategory> = new Set([
  "regular_job",
  "regular_job_supported",
  "self_employed",
  "temp_agency",
  "collective_maatwerk",
  "local_service_economy",
  "temporary_work_experience",
]);
const VIA_INTERNSHIP: ReadonlySet<OutflowCategory> = new Set(["ibo", "training", "work_experience_internship"]);
const OUTSIDE_RATES: ReadonlySet<OutflowCategory> = new Set(["moved", "deceased", "unknown"]);

export type OutflowGroup = "paid" | "unpaid" | "outside";

export function isPaid(category: OutflowCategory): boolean {
  return PAID.has(category);
}

/** A paid exit names the job; an exit through an internship or training names that internship. */
export function linkNeeded(category: OutflowCategory): "job" | "internship" | null {
  if (PAID.has(category)) return "job";
  if (VIA_INTERNSHIP.has(category)) return "internship";
  return null;
}

/** The categories in the form's three groups, in the domain's order. */
export function groupedCategories(): Record<OutflowGroup, OutflowCategory[]> {
  const groups: Record<OutflowGroup, OutflowCategory[]> = { paid: [], unpaid: [], outside: [] };
  for (const category of OUTFLOW_CATEGORIES) {
    groups[PAID.has(category) ? "paid" : OUTSIDE_RATES.has(category) ? "outside" : "unpaid"].push(category);
  }
  return groups;
}
