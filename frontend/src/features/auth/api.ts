import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";

import { api, login, logout, session, unwrap } from "../../api/client";
import type { SessionSnapshot } from "../../api/session";
import type { OkJson } from "../../api/types";

export type Me = OkJson<"/api/v1/me", "get">;
export type Role = Me["role"];

export const authKeys = {
  me: ["me"] as const,
};

export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}

export function useMe() {
  const { status } = useSession();
  return useQuery({
    queryKey: authKeys.me,
    queryFn: () => unwrap(api.GET("/api/v1/me")),
    enabled: status === "signedIn",
    staleTime: 5 * 60_000,
  });
}

export interface Credentials {
  email: string;
  password: string;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // A 401 or 429 here is an answer for the form, not an expired session.
    meta: { handlesOwnErrors: true },
    mutationFn: ({ email, password }: Credentials) => login(email, password),
    onSuccess: () => {
      // Nothing cached from a previous user may show for this one.
      queryClient.clear();
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { handlesOwnErrors: true },
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
    },
  });
}
