// The caseload's filters live in the URL (`/deelnemers?q=an&fase=placement&status=active&mijn=1`),
// so a filtered list can be bookmarked, shared, and survives a reload or the back button.
// Unknown or malformed values are dropped rather than sent to the API (which would answer 422).

import { isPhase, isTrajectoryStatus, type Phase, type TrajectoryStatus } from "../../api/enums";

export interface CaseloadFilters {
  q: string;
  phase: Phase | null;
  status: TrajectoryStatus | null;
  /** Only participants whose mini-team includes me. */
  mine: boolean;
  /** Only participants with an overdue goal or follow-up. */
  overdue: boolean;
}

export const EMPTY_FILTERS: CaseloadFilters = { q: "", phase: null, status: null, mine: false, overdue: false };

/** URL parameter names: Dutch, like the paths people see. */
export const FILTER_PARAMS = { q: "q", phase: "fase", status: "status", mine: "mijn", overdue: "achterstand" } as const;

const MAX_Q = 100;

function flag(value: string | null): boolean {
  return value === "1" || value === "true" || value === "ja";
}

export function parseCaseloadFilters(params: URLSearchParams): CaseloadFilters {
  const phase = params.get(FILTER_PARAMS.phase);
  const status = params.get(FILTER_PARAMS.status);
  return {
    q: (params.get(FILTER_PARAMS.q) ?? "").trim().slice(0, MAX_Q),
    phase: isPhase(phase) ? phase : null,
    status: isTrajectoryStatus(status) ? status : null,
    mine: flag(params.get(FILTER_PARAMS.mine)),
    overdue: flag(params.get(FILTER_PARAMS.overdue)),
  };
}

/**
 * Write filters back into a copy of `current`, leaving other parameters alone and dropping empty
 * ones, so the plain list stays `/deelnemers`.
 */
export function withCaseloadFilters(current: URLSearchParams, filters: Partial<CaseloadFilters>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (name: string, value: string | null) => {
    if (value) next.set(name, value);
    else next.delete(name);
  };
  if (filters.q !== undefined) set(FILTER_PARAMS.q, filters.q.trim());
  if (filters.phase !== undefined) set(FILTER_PARAMS.phase, filters.phase);
  if (filters.status !== undefined) set(FILTER_PARAMS.status, filters.status);
  if (filters.mine !== undefined) set(FILTER_PARAMS.mine, filters.mine ? "1" : null);
  if (filters.overdue !== undefined) set(FILTER_PARAMS.overdue, filters.overdue ? "1" : null);
  return next;
}

export function hasActiveFilters(filters: CaseloadFilters): boolean {
  return Boolean(filters.q || filters.phase || filters.status || filters.mine || filters.overdue);
}

export interface CaseloadQuery {
  q?: string;
  phase?: Phase;
  status?: TrajectoryStatus;
  coach_id?: string;
  overdue?: boolean;
}

/** The API's query parameters for these filters; `me` is the signed-in user's id. */
export function caseloadQuery(filters: CaseloadFilters, me: string): CaseloadQuery {
  const query: CaseloadQuery = {};
  if (filters.q) query.q = filters.q;
  if (filters.phase) query.phase = filters.phase;
  if (filters.status) query.status = filters.status;
  if (filters.mine) query.coach_id = me;
  if (filters.overdue) query.overdue = true;
  return query;
}
