import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, QueryOf, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";
import type { CaseloadQuery } from "./filters";

export type ParticipantPage = OkJson<"/api/v1/participants", "get">;
export type ParticipantListItem = ParticipantPage["items"][number];
export type Participant = OkJson<"/api/v1/participants/{participant_id}", "get">;
export type ParticipantChange = Schema<"ParticipantChangeRead">;

export const PAGE_SIZE = 50;

export const participantKeys = {
  all: ["participants"] as const,
  list: (query: CaseloadQuery) => [...participantKeys.all, "list", query] as const,
  detail: (id: string) => [...participantKeys.all, "detail", id] as const,
  changes: (id: string) => [...participantKeys.all, "changes", id] as const,
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

export function loadParticipant(id: string): Promise<Participant> {
  return unwrap(api.GET("/api/v1/participants/{participant_id}", { params: { path: { participant_id: id } } }));
}

export function useParticipant(id: string) {
  return useQuery({ queryKey: participantKeys.detail(id), queryFn: () => loadParticipant(id) });
}

// --- correcting someone's record ----------------------------------------------------------------

/** PATCH with If-Match: only the fields this person changed; the server keeps what they held before. */
export function useUpdateParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: Schema<"ParticipantUpdate"> }) =>
      unwrap(api.PATCH("/api/v1/participants/{participant_id}", { params: { path: { participant_id: id }, header: ifMatch(version) }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(participantKeys.detail(saved.id), saved);
      // The caseload shows the name too; the history has a new row.
      return queryClient.invalidateQueries({ queryKey: participantKeys.all });
    },
  });
}

/** What each correction changed, newest first (only for those who read the full record). */
export function useParticipantChanges(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: participantKeys.changes(id),
    queryFn: () => unwrap(api.GET("/api/v1/participants/{participant_id}/changes", { params: { path: { participant_id: id } } })),
    enabled,
  });
}

// --- registering someone ------------------------------------------------------------------------

export type DuplicateCandidate = Schema<"DuplicateCandidate">;
export type DuplicateQuery = QueryOf<"/api/v1/participants/duplicates", "get">;

/** Likely duplicates among the people this user may see, checked while the form is filled in. */
export function useDuplicateCandidates(query: DuplicateQuery | null) {
  return useQuery({
    queryKey: [...participantKeys.all, "duplicates", query] as const,
    queryFn: () => unwrap(api.GET("/api/v1/participants/duplicates", { params: { query: query ?? {} } })),
    enabled: query !== null,
    staleTime: 30_000,
    meta: { handlesOwnErrors: true },
  });
}

export function useCreateParticipant() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { handlesOwnErrors: true },
    mutationFn: (body: Schema<"ParticipantCreate">) => unwrap(api.POST("/api/v1/participants", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: participantKeys.all }),
  });
}
