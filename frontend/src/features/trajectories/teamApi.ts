import { keepPreviousData, useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";
import { trajectoryKeys } from "./api";

export type TeamCandidate = OkJson<"/api/v1/trajectories/{trajectory_id}/team/candidates", "get">[number];

/** How many people one lookup shows (the API allows at most 20). */
export const CANDIDATE_LIMIT = 10;

/**
 * Staff the caller may add to this trajectory's mini-team: the owning organisation and its
 * partners, active people only, searched by name (case and accents ignored). Only callers who
 * may manage the team get an answer (403 otherwise), so ask only when the add dialog is open.
 */
export function useTeamCandidateSearch(trajectoryId: string, q: string, enabled: boolean) {
  const term = q.trim();
  return useQuery({
    queryKey: [...trajectoryKeys.team(trajectoryId), "candidates", term] as const,
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/team/candidates", {
          params: { path: { trajectory_id: trajectoryId }, query: { limit: CANDIDATE_LIMIT, ...(term ? { q: term } : {}) } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
