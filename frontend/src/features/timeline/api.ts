import { useInfiniteQuery } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson } from "../../api/types";

export type TimelinePage = OkJson<"/api/v1/trajectories/{trajectory_id}/timeline", "get">;
export type TimelineItem = TimelinePage["items"][number];
export type TimelineKind = TimelineItem["kind"];

export const timelineKeys = {
  list: (trajectoryId: string) => ["timeline", trajectoryId] as const,
};

export function useTimeline(trajectoryId: string) {
  return useInfiniteQuery({
    queryKey: timelineKeys.list(trajectoryId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/trajectories/{trajectory_id}/timeline", {
          params: { path: { trajectory_id: trajectoryId }, query: { limit: 30, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
