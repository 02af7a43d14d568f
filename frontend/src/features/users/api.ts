import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

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
