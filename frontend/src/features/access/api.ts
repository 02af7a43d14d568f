import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/problem";
import type { OkJson, QueryOf, Schema } from "../../api/types";

export type AccessExplanation = OkJson<"/api/v1/trajectories/{trajectory_id}/access", "get">;
export type AccessGround = AccessExplanation["grounds"][number];
export type TrajectorySummary = OkJson<"/api/v1/trajectories/{trajectory_id}/summary", "get">;
export type AuditEvent = OkJson<"/api/v1/audit-events", "get">["items"][number];
export type AuditQuery = QueryOf<"/api/v1/audit-events", "get">;
export type SummaryQuery = QueryOf<"/api/v1/trajectory-summaries", "get">;
export type BreakGlassGrant = Schema<"BreakGlassGrantRead">;

export const accessKeys = {
  explanation: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "access"] as const,
  summary: (trajectoryId: string) => ["trajectory-summaries", "detail", trajectoryId] as const,
  summaries: (query: SummaryQuery) => ["trajectory-summaries", "list", query] as const,
  audit: (query: AuditQuery) => ["audit-events", query] as const,
  grants: ["break-glass-grants"] as const,
};

const path = (trajectory_id: string) => ({ params: { path: { trajectory_id } } });

/** "Why can I see this?": the rules that open this trajectory to the caller. */
export function useAccessExplanation(trajectoryId: string, enabled: boolean) {
  return useQuery({
    queryKey: accessKeys.explanation(trajectoryId),
    queryFn: () => unwrap(api.GET("/api/v1/trajectories/{trajectory_id}/access", path(trajectoryId))),
    enabled,
  });
}

/** Initials, phase and dates: null when even that is out of reach (the API answers 404). */
export function useTrajectorySummary(trajectoryId: string, enabled: boolean) {
  return useQuery({
    queryKey: accessKeys.summary(trajectoryId),
    queryFn: async (): Promise<TrajectorySummary | null> => {
      try {
        return await unwrap(api.GET("/api/v1/trajectories/{trajectory_id}/summary", path(trajectoryId)));
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useTrajectorySummaries(query: SummaryQuery) {
  return useInfiniteQuery({
    queryKey: accessKeys.summaries(query),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/trajectory-summaries", { params: { query: { ...query, limit: 50, cursor: pageParam ?? undefined } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Emergency access: everything about trajectories is fetched again afterwards. */
export function useBreakTheGlass(trajectoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"BreakGlassCreate">) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/break-the-glass", { ...path(trajectoryId), body })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useEndGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (grantId: string) =>
      unwrap(api.POST("/api/v1/break-glass-grants/{grant_id}/end", { params: { path: { grant_id: grantId } } })),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useAuditEvents(query: AuditQuery, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: accessKeys.audit(query),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/audit-events", { params: { query: { ...query, limit: 50, cursor: pageParam ?? undefined } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}
