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
