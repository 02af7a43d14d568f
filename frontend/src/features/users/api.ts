import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type UserPage = OkJson<"/api/v1/users", "get">;
export type User = UserPage["items"][number];

export const PAGE_SIZE = 25;

export const userKeys = {
  all: ["users"] as const,
  list: (q: string) => [...userKeys.all, "list", { q }] as const,
};

export function useUserList(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/users", {
          params: {
            query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined, q: q || undefined },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export type UserUpdate = Schema<"UserUpdate">;

export function loadUser(userId: string): Promise<User> {
  return unwrap(api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: userId } } }));
}

/** PATCH with If-Match; deactivating ends the account's sessions on the server. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UserUpdate }) =>
      unwrap(api.PATCH("/api/v1/users/{user_id}", { params: { path: { user_id: id }, header: ifMatch(version) }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
