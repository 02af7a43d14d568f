import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";
import type { CaseloadQuery } from "./filters";

export type ParticipantPage = OkJson<"/api/v1/participants", "get">;
export type ParticipantListItem = ParticipantPage["items"][number];
export type Participant = OkJson<"/api/v1/participants/{participant_id}", "get">;

export const PAGE_SIZE = 50;

export const participantKeys = {
  all: ["participants"] as const,
  list: (query: CaseloadQuery) => [...participantKeys.all, "list", query] as const,
  detail: (id: string) => [...participantKeys.all, "detail", id] as const,
};

export function useCaseload(query: CaseloadQuery) {
  return useInfiniteQuery({
    queryKey: participantKeys.list(query),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/participants", {
          params: { query: { ...query, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useParticipant(id: string) {
  return useQuery({
    queryKey: participantKeys.detail(id),
    queryFn: () => unwrap(api.GET("/api/v1/participants/{participant_id}", { params: { path: { participant_id: id } } })),
  });
}
