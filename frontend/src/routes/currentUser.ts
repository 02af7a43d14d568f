import { useOutletContext } from "react-router";

import type { Me } from "../features/auth/api";

/** The signed-in user, for pages inside AppShell (which renders them only once /me is loaded). */
export function useCurrentUser(): Me {
  return useOutletContext<Me>();
}
