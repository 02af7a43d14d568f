import { useQueryClient } from "@tanstack/react-query";

/** Errors of a form's request go to the form (next to the fields), not to the global handler. */
export const OWN_ERRORS = { handlesOwnErrors: true } as const;

/**
 * After any write in a case file: the trajectory and everything under it, its timeline, and
 * (lazily) the caseload lists, whose "last contact" and counts may have moved.
 * Query keys of case-file records all start with ["trajectories", "detail", id].
 */
export function useRefreshCaseFile() {
  const queryClient = useQueryClient();
  return (trajectoryId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["trajectories", "detail", trajectoryId] }),
      queryClient.invalidateQueries({ queryKey: ["timeline", trajectoryId] }),
      queryClient.invalidateQueries({ queryKey: ["participants"], refetchType: "none" }),
    ]);
}
