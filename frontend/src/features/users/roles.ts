import type { Schema } from "../../api/types";

type Role = Schema<"Role">;
type Exhaustive<L extends readonly Role[]> = Exclude<Role, L[number]> extends never ? L : never;

function list<const L extends readonly Role[]>(values: Exhaustive<L>): L {
  return values;
}

/** The staff roles in the order an admin reads them; a new role in openapi.json is a compile error here. */
export const ROLES = list(["coach", "mediator", "counsellor", "manager", "admin"]);
