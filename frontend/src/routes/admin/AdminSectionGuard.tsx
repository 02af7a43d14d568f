import type { ReactNode } from "react";
import { Navigate } from "react-router";

import { adminSections, type AdminSections } from "../../features/auth/permissions";
import { useCurrentUser } from "../currentUser";

/** A section the user may not read sends them back to /beheer, which picks one they may. */
export function AdminSectionGuard({ section, children }: { section: keyof AdminSections; children: ReactNode }) {
  const me = useCurrentUser();
  if (!adminSections(me)[section]) return <Navigate to="/beheer" replace />;
  return children;
}
