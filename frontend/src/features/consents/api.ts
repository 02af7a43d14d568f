import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { OWN_ERRORS } from "../../api/caseFile";
import { api, unwrap } from "../../api/client";
import type { OkJson, Schema } from "../../api/types";

export type Consent = OkJson<"/api/v1/participants/{participant_id}/consents", "get">[number];

export const consentKeys = {
  list: (participantId: string) => ["participants", "detail", participantId, "consents"] as const,
  organisations: ["organisations", "choices"] as const,
};

const participant = (participant_id: string) => ({ participant_id });

export function useConsents(participantId: string) {
  return useQuery({
    queryKey: consentKeys.list(participantId),
    queryFn: () => unwrap(api.GET("/api/v1/participants/{participant_id}/consents", { params: { path: participant(participantId) } })),
  });
}

/** Organisations a participant may let see their file (every staff member may list organisations). */
export function useReceivingOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: consentKeys.organisations,
    queryFn: () => unwrap(api.GET("/api/v1/organisations", { params: { query: { limit: 200, sort: "name" } } })),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** A consent changes who may read the whole case file: everything about the participant is reloaded. */
function useRefreshParticipant(participantId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["participants", "detail", participantId] }),
      queryClient.invalidateQueries({ queryKey: ["trajectories"] }),
    ]);
}

export function useRecordConsent(participantId: string) {
  const refresh = useRefreshParticipant(participantId);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: (body: Schema<"ConsentCreate">) =>
      unwrap(api.POST("/api/v1/participants/{participant_id}/consents", { params: { path: participant(participantId) }, body })),
    onSuccess: refresh,
  });
}

export function useWithdrawConsent(participantId: string) {
  const refresh = useRefreshParticipant(participantId);
  return useMutation({
    meta: OWN_ERRORS,
    mutationFn: ({ consentId, body }: { consentId: string; body: Schema<"ConsentWithdraw"> }) =>
      unwrap(
        api.POST("/api/v1/participants/{participant_id}/consents/{consent_id}/withdraw", {
          params: { path: { participant_id: participantId, consent_id: consentId } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}
