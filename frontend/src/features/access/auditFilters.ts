import type { AuditQuery } from "./api";

/** The audit log's filters as they stand in the URL (Dutch names, like every page's). */
export interface AuditFilters {
  participant: string;
  from: string;
  to: string;
  outcome: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTCOMES = ["ok", "denied", "not_found", "invalid", "error"] as const;
type Outcome = (typeof OUTCOMES)[number];

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  return {
    participant: params.get("deelnemer")?.trim() ?? "",
    from: params.get("van") ?? "",
    to: params.get("tot") ?? "",
    outcome: params.get("uitkomst") ?? "",
  };
}

export function isParticipantId(text: string): boolean {
  return UUID.test(text);
}

/**
 * The API query for the filters. What cannot be a valid value (half a UUID, a typo in a date) is
 * left out rather than sent: the API would answer 422 for the whole list.
 */
export function auditQuery(filters: AuditFilters): AuditQuery {
  const query: AuditQuery = {};
  if (isParticipantId(filters.participant)) query.participant_id = filters.participant.toLowerCase();
  if (DATE.test(filters.from)) query.from = filters.from;
  if (DATE.test(filters.to)) query.to = filters.to;
  if ((OUTCOMES as readonly string[]).includes(filters.outcome)) query.outcome = filters.outcome as Outcome;
  return query;
}

export const AUDIT_OUTCOMES = OUTCOMES;
