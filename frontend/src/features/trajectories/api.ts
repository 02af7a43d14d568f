import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTranslation } from "react-i18next";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type Trajectory = OkJson<"/api/v1/trajectories/{trajectory_id}", "get">;
export type PhaseChange = OkJson<"/api/v1/trajectories/{trajectory_id}/phase-changes", "get">[number];
export type StatusChange = OkJson<"/api/v1/trajectories/{trajectory_id}/status-changes", "get">[number];
export type TeamMember = OkJson<"/api/v1/trajectories/{trajectory_id}/team", "get">[number];
export type Framework = OkJson<"/api/v1/frameworks", "get">[number];
export type PhaseChangeCreate = Schema<"PhaseChangeCreate">;
export type PauseRequest = Schema<"PauseRequest">;
export type ResumeRequest = Schema<"ResumeRequest">;
export type StartRequest = Schema<"StartRequest">;

export const trajectoryKeys = {
  all: ["trajectories"] as const,
  detail: (id: string) => [...trajectoryKeys.all, "detail", id] as const,
  ofParticipant: (participantId: string) => [...trajectoryKeys.all, "ofParticipant", participantId] as const,
  phaseChanges: (id: string) => [...trajectoryKeys.detail(id), "phase-changes"] as const,
  statusChanges: (id: string) => [...trajectoryKeys.detail(id), "status-changes"] as const,
  team: (id: string) => [...trajectoryKeys.detail(id), "team"] as const,
  frameworks: ["frameworks"] as const,
};

const path = (trajectory_id: string) => ({ params: { path: { trajectory_id } } });

export function useTrajectory(id: string | null) {
  return useQuery({
    queryKey: trajectoryKeys.detail(id ?? ""),
    queryFn: () => unwrap(api.GET("/api/v1/trajectories/{trajectory_id}", path(id ?? ""))),
    enabled: id !== null,
  });
}

/** Every trajectory of one participant, newest referral first (for "an earlier trajectory"). */
export function useParticipantTrajectories(participantId: string) {
  return useQuery({
    queryKey: trajectoryKeys.ofParticipant(participantId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories", {
          params: { query: { participant_id: participantId, sort: "-referred_on", limit: 50 } },
        }),
      ),
    enabled: participantId !== "",
  });
}

export function usePhaseChanges(id: string) {
  return useQuery({
    queryKey: trajectoryKeys.phaseChanges(id),
    queryFn: () => unwrap(api.GET("/api/v1/trajectories/{trajectory_id}/phase-changes", path(id))),
  });
}

export function useStatusChanges(id: string) {
  return useQuery({
    queryKey: trajectoryKeys.statusChanges(id),
    queryFn: () => unwrap(api.GET("/api/v1/trajectories/{trajectory_id}/status-changes", path(id))),
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: trajectoryKeys.team(id),
    queryFn: () => unwrap(api.GET("/api/v1/trajectories/{trajectory_id}/team", path(id))),
  });
}

/** Reference data: changes with a release, not during a session. */
export function useFrameworks() {
  return useQuery({
    queryKey: trajectoryKeys.frameworks,
    queryFn: () => unwrap(api.GET("/api/v1/frameworks")),
    staleTime: Infinity,
  });
}

/** After a phase or status change the case file, its history and every list may show it. */
function useRefreshTrajectory(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trajectoryKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: trajectoryKeys.all, exact: false, refetchType: "none" }),
      queryClient.invalidateQueries({ queryKey: ["participants"], refetchType: "none" }),
      queryClient.invalidateQueries({ queryKey: ["timeline", id] }),
    ]);
}

/** The trajectory as stored now (after a 412, compared with the version a dialog was opened on). */
export function loadTrajectory(id: string): Promise<Trajectory> {
  return unwrap(api.GET("/api/v1/trajectories/{trajectory_id}", path(id)));
}

/**
 * The actions on a trajectory send `If-Match` with the version the person acted on; the API
 * answers 412 when someone else changed the trajectory since (useTrajectoryAction shows what).
 */
interface Versioned<B> {
  version: number;
  body: B;
}

export function useStart(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ version, body }: Versioned<StartRequest>) =>
      unwrap(
        api.POST("/api/v1/trajectories/{trajectory_id}/start", {
          params: { path: { trajectory_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useRecordPhaseChange(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ version, body }: Versioned<PhaseChangeCreate>) =>
      unwrap(
        api.POST("/api/v1/trajectories/{trajectory_id}/phase-changes", {
          params: { path: { trajectory_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function usePause(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ version, body }: Versioned<PauseRequest>) =>
      unwrap(
        api.POST("/api/v1/trajectories/{trajectory_id}/pause", {
          params: { path: { trajectory_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useResume(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ version, body }: Versioned<ResumeRequest>) =>
      unwrap(
        api.POST("/api/v1/trajectories/{trajectory_id}/resume", {
          params: { path: { trajectory_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

/** A framework's name in the current language; the code itself until the list has loaded. */
export function useFrameworkName(): (code: string) => string {
  const { i18n } = useTranslation();
  const frameworks = useFrameworks();
  const english = i18n.resolvedLanguage === "en";
  return (code) => {
    const framework = frameworks.data?.find((candidate) => candidate.code === code);
    if (!framework) return code;
    return english ? framework.name_en : framework.name_nl;
  };
}

export function useAddTeamMember(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"TeamMemberCreate">) => unwrap(api.POST("/api/v1/trajectories/{trajectory_id}/team", { ...path(id), body })),
    onSuccess: refresh,
  });
}

/** Ends a membership today (the history keeps it); If-Match guards against a change meanwhile. */
export function useEndTeamMember(id: string) {
  const refresh = useRefreshTrajectory(id);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (member: TeamMember) =>
      unwrap(
        api.DELETE("/api/v1/trajectories/{trajectory_id}/team/{member_id}", {
          params: { path: { trajectory_id: id, member_id: member.id }, header: ifMatch(member.version) },
        }),
      ),
    onSettled: refresh,
  });
}

export function useOpenTrajectory(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"TrajectoryCreate">) => unwrap(api.POST("/api/v1/trajectories", { body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trajectoryKeys.ofParticipant(participantId) }),
        queryClient.invalidateQueries({ queryKey: ["participants"] }),
      ]),
  });
}
