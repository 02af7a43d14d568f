import { can } from "../../features/auth/permissions";

interface Asker {
  role: string;
  bound_by_professional_secrecy: boolean;
  permissions: readonly string[];
}

/** Mirrors the API: only care staff bound by professional secrecy may ask for emergency access. */
export function mayBreakGlass(user: Asker): boolean {
  return user.bound_by_professional_secrecy && can(user, "trajectories:read");
}
