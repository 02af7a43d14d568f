import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS, useRefreshCaseFile } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";

export type Internship = OkJson<"/api/v1/trajectories/{trajectory_id}/internships", "get">["items"][number];
export type Job = OkJson<"/api/v1/participants/{participant_id}/jobs", "get">["items"][number];
export type Employer = OkJson<"/api/v1/employers", "get">["items"][number];
export type EmployerContact = OkJson<"/api/v1/trajectories/{trajectory_id}/employer-contacts", "get">["items"][number];

export const employmentKeys = {
  internships: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "internships"] as const,
  jobs: (participantId: string) => ["participants", "detail", participantId, "jobs"] as const,
  employers: ["employers", "all"] as const,
  contacts: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "employer-contacts"] as const,
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
    enabled: trajectoryId !== "",
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
    enabled: participantId !== "",
  });
}

const employersQuery = {
  queryKey: employmentKeys.employers,
  queryFn: () => unwrap(api.GET("/api/v1/employers", { params: { query: { limit: 200, sort: "name" } } })),
  staleTime: 5 * 60_000,
};

/** Employer names for the tables: one list call instead of one call per row. */
export function useEmployerNames() {
  return useQuery({
    ...employersQuery,
    select: (page) => new Map(page.items.map((employer) => [employer.id, employer.name])),
  });
}

/** The organisation's employers, by name, for the forms' select. */
export function useEmployers() {
  return useQuery({ ...employersQuery, select: (page) => page.items });
}

export function useEmployerContacts(trajectoryId: string) {
  return useQuery({
    queryKey: employmentKeys.contacts(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/employer-contacts", {
          params: { path: { trajectory_id: trajectoryId }, query: { limit: 100 } },
        }),
      ),
  });
}

// --- writes -----------------------------------------------------------------------------------

export function useAddInternship(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"InternshipCreate">) =>
      unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/internships", { params: { path: { trajectory_id: trajectoryId } }, body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function useAddJob(participantId: string, trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"JobCreate">) =>
      unwrap(api.POST("/api/v1/participants/{participant_id}/jobs", { params: { path: { participant_id: participantId } }, body })),
    onSuccess: () => Promise.all([refresh(trajectoryId), queryClient.invalidateQueries({ queryKey: employmentKeys.jobs(participantId) })]),
  });
}

export function useAddEmployerContact(trajectoryId: string) {
  const refresh = useRefreshCaseFile();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"EmployerContactCreate">) => unwrap(api.POST("/api/v1/employer-contacts", { body })),
    onSuccess: () => refresh(trajectoryId),
  });
}

export function useAddEmployer() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"EmployerCreate">) => unwrap(api.POST("/api/v1/employers", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: employmentKeys.employers }),
  });
}
