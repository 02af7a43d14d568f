import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

export type OrganisationPage = OkJson<"/api/v1/organisations", "get">;
export type Organisation = OrganisationPage["items"][number];
export type OrganisationKind = Organisation["kind"];

export const PAGE_SIZE = 25;

export const organisationKeys = {
  all: ["organisations"] as const,
  list: (q: string) => [...organisationKeys.all, "list", { q }] as const,
};

export function useOrganisationList(q: string) {
  return useInfiniteQuery({
    queryKey: organisationKeys.list(q),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations", {
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
