import { isApiError } from "../../api/problem";
import type { DuplicateCandidate } from "./api";

function isCandidate(value: unknown): value is DuplicateCandidate {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.id === "string" &&
    typeof candidate.first_name === "string" &&
    typeof candidate.last_name === "string" &&
    typeof candidate.birth_date === "string" &&
    Array.isArray(candidate.matched_on)
  );
}

/**
 * The candidates of a 409 "this person may already be registered" (the problem's `candidates`),
 * or null when the error is something else (e.g. an INSZ that is already taken).
 */
export function duplicateCandidates(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error) || error.status !== 409 || error.problem === null) return null;
  const candidates: unknown = (error.problem as unknown as Record<string, unknown>).candidates;
  if (!Array.isArray(candidates)) return null;
  const valid = candidates.filter(isCandidate);
  return valid.length > 0 ? valid : null;
}

interface DuplicateInput {
  first_name: string;
  last_name: string;
  birth_date: string | null;
  insz: string | null;
}

/** What to ask /participants/duplicates once enough is typed: a full name with a birth date, or an INSZ. */
export function duplicateQuery({ first_name, last_name, birth_date, insz }: DuplicateInput) {
  if (insz) return { insz };
  const first = first_name.trim();
  const last = last_name.trim();
  if (first === "" || last === "" || birth_date === null) return null;
  return { first_name: first, last_name: last, birth_date };
}
