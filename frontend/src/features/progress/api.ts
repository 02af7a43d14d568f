import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS, useRefreshCaseFile } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type Placement = OkJson<"/api/v1/trajectories/{trajectory_id}/placements", "get">["items"][number];
export type Attendance = OkJson<"/api/v1/placements/{placement_id}/attendance", "get">["items"][number];
export type ProgressLog = OkJson<"/api/v1/trajectories/{trajectory_id}/progress-logs", "get">["items"][number];
export type Goal = OkJson<"/api/v1/trajectories/{trajectory_id}/goals", "get">["items"][number];
export type CompetenceItem = OkJson<"/api/v1/competence-items", "get">[number];
export type WorkFloor = OkJson<"/api/v1/work-floors/{work_floor_id}", "get">;

export const progressKeys = {
  placements: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "placements"] as const,
  attendance: (placementId: string, from: string, to: string) => ["attendance", placementId, { from, to }] as const,
  logs: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "progress-logs"] as const,
  goals: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "goals"] as const,
  sessions: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "activation-sessions"] as const,
  competenceItems: ["competence-items"] as const,
  workFloor: (id: string) => ["work-floors", id] as const,
};

const trajectory = (trajectory_id: string) => ({ trajectory_id });

export function usePlacements(trajectoryId: string) {
  return useQuery({
    queryKey: progressKeys.placements(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/placements", {
          params: { path: trajectory(trajectoryId), query: { sort: "-start_date", limit: 50 } },
        }),
      ),
  });
}

/** A placement's marks between two dates (≤ 200 rows: 20 weeks of two half-days a day). */
export function useAttendance(placementId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: progressKeys.attendance(placementId ?? "", from, to),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/placements/{placement_id}/attendance", {
          params: { path: { placement_id: placementId ?? "" }, query: { from, to, limit: 200 } },
        }),
      ),
    enabled: placementId !== null,
  });
}

export function useProgressLogs(trajectoryId: string) {
  return useQuery({
    queryKey: progressKeys.logs(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/progress-logs", {
          params: { path: trajectory(trajectoryId), query: { sort: "-logged_on", limit: 20 } },
        }),
      ),
  });
}

export function useGoals(trajectoryId: string) {
  return useQuery({
    queryKey: progressKeys.goals(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/goals", {
          params: { path: trajectory(trajectoryId), query: { limit: 200 } },
        }),
      ),
  });
}

export function useCompetenceItems() {
  return useQuery({
    queryKey: progressKeys.competenceItems,
    queryFn: () => unwrap(api.GET("/api/v1/competence-items")),
    staleTime: Infinity,
  });
}

// --- Beheer: the competence items, deactivated ones included ----------------------------------

export type CompetenceItemCreate = Schema<"CompetenceItemCreate">;
export type CompetenceItemUpdate = Schema<"CompetenceItemUpdate">;

const competenceItemsForAdmin = [...progressKeys.competenceItems, "with-inactive"] as const;

function loadCompetenceItemsForAdmin() {
  return unwrap(api.GET("/api/v1/competence-items", { params: { query: { include_inactive: true } } }));
}

/** Beheer's list: the same set the progress logs score, with the deactivated items. */
export function useCompetenceItemsForAdmin() {
  return useQuery({ queryKey: competenceItemsForAdmin, queryFn: loadCompetenceItemsForAdmin });
}

/** One item as stored now (after a 412); the list is short, so it is read whole. */
export async function loadCompetenceItem(id: string): Promise<CompetenceItem> {
  const found = (await loadCompetenceItemsForAdmin()).find((item) => item.id === id);
  if (!found) throw new Error(`competence item ${id} is no longer listed`);
  return found;
}

/** Every list of items (Beheer's and the progress logs') shows the change. */
function useRefreshCompetenceItems() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: progressKeys.competenceItems });
}

export function useCreateCompetenceItem() {
  const refresh = useRefreshCompetenceItems();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: CompetenceItemCreate) => unwrap(api.POST("/api/v1/competence-items", { body })),
    onSuccess: refresh,
  });
}

/** PATCH with If-Match: rename, reorder, deactivate or reactivate (never delete: scores point at it). */
export function useUpdateCompetenceItem() {
  const refresh = useRefreshCompetenceItems();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: CompetenceItemUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/competence-items/{competence_item_id}", {
          params: { path: { competence_item_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useWorkFloor(id: string | null) {
  return useQuery({
    queryKey: progressKeys.workFloor(id ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/work-floors/{work_floor_id}", { params: { path: { work_floor_id: id ?? "" } } })),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

// --- writes -----------------------------------------------------------------------------------

export type GoalCreate = Schema<"GoalCreate">;
export type GoalUpdate = Schema<"GoalUpdate">;
export type ProgressLogCreate = Schema<"ProgressLogCreate">;
export type ActivationSessionCreate = Schema<"ActivationSessionCreate">;
export type ActivationSession = OkJson<"/api/v1/trajectories/{trajectory_id}/activation-sessions", "get">["items"][number];

export function useAddGoal(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: GoalCreate) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/goals", { params: { path: trajectory(trajectoryId) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function loadGoal(goalId: string): Promise<Goal> {
  return unwrap(api.GET("/api/v1/goals/{goal_id}", { params: { path: { goal_id: goalId } } }));
}

export function useUpdateGoal(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: GoalUpdate }) =>
      unwrap(api.PATCH("/api/v1/goals/{goal_id}", { params: { path: { goal_id: id }, header: ifMatch(version) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function useAddProgressLog(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: ProgressLogCreate) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/progress-logs", { params: { path: trajectory(trajectoryId) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function useActivationSessions(trajectoryId: string) {
  return useQuery({
    queryKey: progressKeys.sessions(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/activation-sessions", {
          params: { path: trajectory(trajectoryId), query: { limit: 100 } },
        }),
      ),
  });
}

export function useAddActivationSession(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: ActivationSessionCreate) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/activation-sessions", { params: { path: trajectory(trajectoryId) }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}
