import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";
import { ifMatch } from "../../forms/stale";

export type OrganisationPage = OkJson<"/api/v1/organisations", "get">;
export type Organisation = OrganisationPage["items"][number];
export type OrganisationKind = Organisation["kind"];

export const PAGE_SIZE = 25;

export const organisationKeys = {
  all: ["organisations"] as const,
  list: (q: string) => [...organisationKeys.all, "list", { q }] as const,
  choices: () => [...organisationKeys.all, "choices"] as const,
};

export function useOrganisationList(q: string) {
  return useInfiniteQuery({
    queryKey: organisationKeys.list(q),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations", {
          params: {
            query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined, q: q || undefined },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every organisation, by name, for a select (the platform holds tens, not thousands). */
export function useOrganisationChoices() {
  return useQuery({
    queryKey: organisationKeys.choices(),
    queryFn: async () =>
      (await unwrap(api.GET("/api/v1/organisations", { params: { query: { limit: 200 } } }))).items,
    staleTime: 5 * 60_000,
  });
}

// --- partnerships (samenwerkingsverbanden) ----------------------------------------------------

export type PartnershipPage = OkJson<"/api/v1/partnerships", "get">;
export type Partnership = PartnershipPage["items"][number];
export type PartnerRole = Schema<"PartnerRole">;
export type PartnershipCreate = Schema<"PartnershipCreate">;
export type PartnershipUpdate = Schema<"PartnershipUpdate">;

export const partnershipKeys = {
  all: ["partnerships"] as const,
  list: () => [...partnershipKeys.all, "list"] as const,
};

export function usePartnershipList() {
  return useInfiniteQuery({
    queryKey: partnershipKeys.list(),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/api/v1/partnerships", { params: { query: { limit: PAGE_SIZE, cursor: pageParam ?? undefined } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function loadPartnership(partnershipId: string): Promise<Partnership> {
  return unwrap(api.GET("/api/v1/partnerships/{partnership_id}", { params: { path: { partnership_id: partnershipId } } }));
}

export function useCreatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: PartnershipCreate) => unwrap(api.POST("/api/v1/partnerships", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
}

export function useUpdatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: PartnershipUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/partnerships/{partnership_id}", {
          params: { path: { partnership_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnershipKeys.all }),
  });
}

// --- organisations: create and edit ------------------------------------------------------------

export type OrganisationCreate = Schema<"OrganisationCreate">;
export type OrganisationUpdate = Schema<"OrganisationUpdate">;

export function loadOrganisation(organisationId: string): Promise<Organisation> {
  return unwrap(api.GET("/api/v1/organisations/{organisation_id}", { params: { path: { organisation_id: organisationId } } }));
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: OrganisationCreate) => unwrap(api.POST("/api/v1/organisations", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: OrganisationUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/organisations/{organisation_id}", {
          params: { path: { organisation_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

// --- work floors (werkvloeren) -------------------------------------------------------------------

export type WorkFloor = Schema<"WorkFloorRead">;
export type WorkFloorCreate = Schema<"WorkFloorCreate">;
export type WorkFloorUpdate = Schema<"WorkFloorUpdate">;

export const workFloorKeys = {
  all: ["work-floors"] as const,
  list: (organisationId: string) => [...workFloorKeys.all, "list", { organisationId }] as const,
};

/** An organisation's work floors, inactive ones included (an organisation has a handful). */
export function useWorkFloorList(organisationId: string) {
  return useInfiniteQuery({
    queryKey: workFloorKeys.list(organisationId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET("/api/v1/organisations/{organisation_id}/work-floors", {
          params: {
            path: { organisation_id: organisationId },
            query: { include_inactive: true, sort: "name", limit: PAGE_SIZE, cursor: pageParam ?? undefined },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function loadWorkFloor(workFloorId: string): Promise<WorkFloor> {
  return unwrap(api.GET("/api/v1/work-floors/{work_floor_id}", { params: { path: { work_floor_id: workFloorId } } }));
}

export function useCreateWorkFloor(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: WorkFloorCreate) =>
      unwrap(api.POST("/api/v1/organisations/{organisation_id}/work-floors", { params: { path: { organisation_id: organisationId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workFloorKeys.all }),
  });
}

export function useUpdateWorkFloor() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ id, version, body }: { id: string; version: number; body: WorkFloorUpdate }) =>
      unwrap(
        api.PATCH("/api/v1/work-floors/{work_floor_id}", {
          params: { path: { work_floor_id: id }, header: ifMatch(version) },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workFloorKeys.all }),
  });
}
