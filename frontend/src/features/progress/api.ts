import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

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

export function useWorkFloor(id: string | null) {
  return useQuery({
    queryKey: progressKeys.workFloor(id ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/work-floors/{work_floor_id}", { params: { path: { work_floor_id: id ?? "" } } })),
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}
