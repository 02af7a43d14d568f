import { useQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

export type Note = OkJson<"/api/v1/trajectories/{trajectory_id}/notes", "get">["items"][number];

export const noteKeys = {
  list: (trajectoryId: string) => ["trajectories", "detail", trajectoryId, "notes"] as const,
};

/** The notes this user may read (the server filters by visibility, consent and secrecy). */
export function useNotes(trajectoryId: string) {
  return useQuery({
    queryKey: noteKeys.list(trajectoryId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/notes", {
          params: { path: { trajectory_id: trajectoryId }, query: { sort: "-written_on", limit: 100 } },
        }),
      ),
  });
}
