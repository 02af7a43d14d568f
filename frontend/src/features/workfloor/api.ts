import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";

export type WorkFloor = OkJson<"/api/v1/organisations/{organisation_id}/work-floors", "get">["items"][number];
export type FloorDay = OkJson<"/api/v1/work-floors/{work_floor_id}/attendance", "get">;
export type FloorDayRow = FloorDay["items"][number];
export type FloorDayWrite = Schema<"FloorDayWrite">;

export const floorKeys = {
  floors: (organisationId: string) => ["organisations", organisationId, "work-floors"] as const,
  day: (floorId: string, date: string) => ["floor-day", floorId, date] as const,
};

/** The active work floors of the user's organisation (a coach works on those). */
export function useOrganisationFloors(organisationId: string) {
  return useQuery({
    queryKey: floorKeys.floors(organisationId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/organisations/{organisation_id}/work-floors", {
          params: { path: { organisation_id: organisationId }, query: { limit: 200, sort: "name" } },
        }),
      ),
    staleTime: 5 * 60_000,
  });
}

export function useFloorDay(floorId: string | null, date: string) {
  return useQuery({
    queryKey: floorKeys.day(floorId ?? "", date),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/work-floors/{work_floor_id}/attendance", {
          params: { path: { work_floor_id: floorId ?? "" }, query: { date } },
        }),
      ),
    enabled: floorId !== null,
    // The draft is built from this answer: do not swap it underneath a coach who is typing.
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSaveFloorDay(floorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { handlesOwnErrors: true },
    mutationFn: (body: FloorDayWrite) =>
      unwrap(api.POST("/api/v1/work-floors/{work_floor_id}/attendance", { params: { path: { work_floor_id: floorId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(floorKeys.day(floorId, saved.date), saved);
      // Each participant's attendance tab shows these marks too.
      void queryClient.invalidateQueries({ queryKey: ["attendance"] });
    },
  });
}
