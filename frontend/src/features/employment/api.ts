import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

export type Internship = OkJson<"/api/v1/trajectories/{trajectory_id}/internships", "get">["items"][number];
export type Job = OkJson<"/api/v1/participants/{participant_id}/jobs", "get">["items"][number];
export type Employer = OkJson<"/api/v1/employers", "get">["items"][number];

export const employmentKeys = {
  internships: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "internships"] as const,
  jobs: (participantId: string) => ["participants", "detail", participantId, "jobs"] as const,
  employers: ["employers", "all"] as const,
};

export function useInternships(trajectoryId: string) {
  return useQuery({
    queryKey: employmentKeys.internships(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/internships", {
          params: { path: { trajectory_id: trajectoryId }, query: { limit: 100 } },
        }),
      ),
  });
}

export function useJobs(participantId: string) {
  return useQuery({
    queryKey: employmentKeys.jobs(participantId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/participants/{participant_id}/jobs", {
          params: { path: { participant_id: participantId }, query: { limit: 100 } },
        }),
      ),
  });
}

/** Employer names for the tables: one list call instead of one call per row. */
export function useEmployerNames() {
  return useQuery({
    queryKey: employmentKeys.employers,
    queryFn: () => unwrap(api.GET("/api/v1/employers", { params: { query: { limit: 200 } } })),
    select: (page) => new Map(page.items.map((employer) => [employer.id, employer.name])),
    staleTime: 5 * 60_000,
  });
}
