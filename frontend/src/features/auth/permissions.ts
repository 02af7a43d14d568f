// Which parts of the SPA to show. The server decides what is allowed; this only hides
// controls it would refuse (a coach never sees "Beheer").

export const ADMIN_PERMISSIONS = [
  "users:manage",
  "organisations:create",
  "organisations:update",
  "work_floors:manage",
  "partnerships:manage",
] as const;

export interface HasPermissions {
  permissions: readonly string[];
}

export function can(user: HasPermissions | undefined, permission: string): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/** The "Beheer" section is for people who manage something, not for everyone who may read. */
export function canOpenAdmin(user: HasPermissions | undefined): boolean {
  return ADMIN_PERMISSIONS.some((permission) => can(user, permission));
}

export interface AdminSections {
  organisations: boolean;
  users: boolean;
}

export function adminSections(user: HasPermissions | undefined): AdminSections {
  const open = canOpenAdmin(user);
  return {
    organisations: open && can(user, "organisations:read"),
    users: open && can(user, "users:read"),
  };
}

export type NavEntry = "start" | "caseload" | "floor" | "admin";

interface NavUser extends HasPermissions {
  role: string;
  organisation: { kind: string };
}

// Organisations with work floors of their own (arbeidszorg/AMA providers, maatwerkbedrijven).
const FLOOR_ORGANISATIONS = ["work_care", "maatwerkbedrijf"];

/**
 * The main menu, in the order the role needs it: a work-floor coach starts the day on the floor,
 * so "Werkvloer" comes first; others start from their participants.
 */
export function navigationFor(user: NavUser | undefined): NavEntry[] {
  if (!user) return [];
  const caseload = can(user, "participants:read");
  const floor =
    can(user, "progress:write") &&
    can(user, "work_floors:read") &&
    (user.role === "coach" || FLOOR_ORGANISATIONS.includes(user.organisation.kind));
  const entries: NavEntry[] = [];
  if (user.role === "coach" && floor) entries.push("floor");
  entries.push("start");
  if (caseload) entries.push("caseload");
  if (user.role !== "coach" && floor) entries.push("floor");
  if (canOpenAdmin(user)) entries.push("admin");
  return entries;
}
