import { useMutation, useQuery } from "@tanstack/react-query";

import { OWN_ERRORS, useRefreshCaseFile } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import { isApiError } from "../../api/problem";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type Outflow = OkJson<"/api/v1/trajectories/{trajectory_id}/outflow", "get">;
export type FollowUp = OkJson<"/api/v1/trajectories/{trajectory_id}/follow-ups", "get">["items"][number];

export const outflowKeys = {
  outflow: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "outflow"] as const,
  followUps: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "follow-ups"] as const,
};

/** The trajectory's outflow, or null while there is none (the API answers 404 then). */
export function useOutflow(trajectoryId: string) {
  return useQuery({
    queryKey: outflowKeys.outflow(trajectoryId),
    queryFn: async (): Promise<Outflow | null> => {
      try {
        return await unwrap(
          api.GET("/api/v1/trajectories/{trajectory_id}/outflow", { params: { path: { trajectory_id: trajectoryId } } }),
        );
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useFollowUps(trajectoryId: string) {
  return useQuery({
    queryKey: outflowKeys.followUps(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/follow-ups", {
          params: { path: { trajectory_id: trajectoryId }, query: { limit: 50 } },
        }),
      ),
  });
}

/** Records the outflow (the trajectory moves to "uitstroom"; paid exits get their follow-ups). */
export function useRecordOutflow(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"OutflowWrite">) =>
      unwrap(api.PUT("/api/v1/trajectories/{trajectory_id}/outflow", { params: { path: { trajectory_id: trajectoryId }, header: {} }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function loadFollowUp(id: string): Promise<FollowUp> {
  return unwrap(api.GET("/api/v1/follow-ups/{follow_up_id}", { params: { path: { follow_up_id: id } } }));
}

export function useUpdateFollowUp(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: Schema<"FollowUpUpdate"> }) =>
      unwrap(api.PATCH("/api/v1/follow-ups/{follow_up_id}", { params: { path: { follow_up_id: id }, header: ifMatch(version) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}
