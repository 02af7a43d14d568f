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
  /** Samenwerkingsverbanden: everyone in Beheer reads them; managing is per partnership. */
  partnerships: boolean;
  /** The competence items progress logs score (read-only for now). */
  competenceItems: boolean;
  /** Who read or changed which file (audit:read). */
  audit: boolean;
}

export function adminSections(user: HasPermissions | undefined): AdminSections {
  const open = canOpenAdmin(user);
  return {
    organisations: open && can(user, "organisations:read"),
    users: open && can(user, "users:read"),
    partnerships: open && can(user, "partnerships:read"),
    // GET /competence-items answers every signed-in user.
    competenceItems: open,
    audit: open && can(user, "audit:read"),
  };
}

interface Manager extends HasPermissions {
  id: string;
  is_platform_admin: boolean;
  organisation: { id: string };
}

/**
 * Who may change a staff account (mirrors app/auth/service.update_user): users:manage in the
 * account's organisation, and only platform admins touch a platform admin's account.
 */
export function canEditUser(me: Manager | undefined, user: { organisation_id: string; is_platform_admin: boolean }): boolean {
  if (!me || !can(me, "users:manage")) return false;
  if (me.is_platform_admin) return true;
  return !user.is_platform_admin && user.organisation_id === me.organisation.id;
}

/** Nobody deactivates themselves (the server answers 409): the row offers no button for it. */
export function canChangeActive(me: Manager | undefined, user: { id: string; organisation_id: string; is_platform_admin: boolean }): boolean {
  return canEditUser(me, user) && me?.id !== user.id;
}

/** Only the lead organisation (eindverantwoordelijke) or a platform admin shapes a partnership. */
export function canManagePartnership(me: Manager | undefined, leadOrganisationId: string): boolean {
  if (!me || !can(me, "partnerships:manage")) return false;
  return me.is_platform_admin || me.organisation.id === leadOrganisationId;
}

export type NavEntry = "start" | "caseload" | "floor" | "partnership" | "admin";

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
  // Managers follow their partnerships' trajectories (partners' ones as a summary only).
  if (user.role === "manager" && can(user, "trajectories:read")) entries.push("partnership");
  if (canOpenAdmin(user)) entries.push("admin");
  return entries;
}
