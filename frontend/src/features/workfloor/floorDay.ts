// The coach's daily list as a form: one draft mark per participant and half-day, prefilled from
// what is saved, sent as one POST with every marked half-day. Pure functions, tested in
// floorDay.test.ts.

import { normaliseFieldName, type Problem } from "../../api/problem";
import { HALF_DAYS, type AttendanceStatus, type HalfDay } from "../../api/enums";
import { parseDecimal } from "../../i18n/format";

export const MAX_HOURS_PER_HALF_DAY = 5;

export interface SavedMark {
  half_day: HalfDay;
  hours: number;
  status: AttendanceStatus;
  reason: string | null;
}

export interface FloorRow {
  placement_id: string;
  planned_hours_per_half_day: number | null;
  marks: readonly SavedMark[];
}

export interface DraftMark {
  status: AttendanceStatus | null;
  /** As typed ("2,5"); parsed when saving. */
  hours: string;
  reason: string;
}

export type Draft = Readonly<Record<string, DraftMark>>;

export function markKey(placementId: string, halfDay: HalfDay): string {
  return `${placementId}:${halfDay}`;
}

const EMPTY: DraftMark = { status: null, hours: "", reason: "" };

/** Hours shown in a field: "3", "2.5", "3.33" (two decimals at most, as the API stores them). */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** The plan's hours for one half-day, capped to what a half-day can hold; "" when unknown. */
export function plannedHoursText(planned: number | null): string {
  if (planned === null || !Number.isFinite(planned) || planned <= 0) return "";
  return hoursText(Math.min(planned, MAX_HOURS_PER_HALF_DAY));
}

function savedDraft(mark: SavedMark | undefined): DraftMark {
  if (!mark) return EMPTY;
  return { status: mark.status, hours: hoursText(mark.hours), reason: mark.reason ?? "" };
}

export function draftFromRows(rows: readonly FloorRow[]): Draft {
  const draft: Record<string, DraftMark> = {};
  for (const row of rows) {
    for (const halfDay of HALF_DAYS) {
      draft[markKey(row.placement_id, halfDay)] = savedDraft(row.marks.find((mark) => mark.half_day === halfDay));
    }
  }
  return draft;
}

export function draftMark(draft: Draft, key: string): DraftMark {
  return draft[key] ?? EMPTY;
}

/**
 * Choosing a status: "present" fills in the planned hours (unless hours were already typed for a
 * present mark); an absence sets the hours to 0.
 */
export function withStatus(draft: Draft, key: string, status: AttendanceStatus, planned: number | null): Draft {
  const current = draftMark(draft, key);
  let hours: string;
  if (status === "present") {
    const keepTyped = current.status === "present" && current.hours !== "";
    hours = keepTyped ? current.hours : plannedHoursText(planned);
  } else {
    hours = "0";
  }
  return { ...draft, [key]: { ...current, status, hours } };
}

export function withField(draft: Draft, key: string, field: "hours" | "reason", value: string): Draft {
  return { ...draft, [key]: { ...draftMark(draft, key), [field]: value } };
}

/** "Wie nog leeg is: aanwezig": fills only half-days nobody marked yet. */
export function markEmptyPresent(draft: Draft, rows: readonly FloorRow[]): Draft {
  let next = draft;
  for (const row of rows) {
    for (const halfDay of HALF_DAYS) {
      const key = markKey(row.placement_id, halfDay);
      if (draftMark(next, key).status === null) {
        next = withStatus(next, key, "present", row.planned_hours_per_half_day);
      }
    }
  }
  return next;
}

/** Hours a half-day mark may carry: 0 to 5, at most two decimals. Null when the text is not that. */
export function parseHours(text: string): number | null {
  const value = parseDecimal(text);
  if (value === null || value > MAX_HOURS_PER_HALF_DAY) return null;
  if (Math.round(value * 100) !== value * 100) return null;
  return value;
}

export interface FloorEntry {
  placement_id: string;
  half_day: HalfDay;
  status: AttendanceStatus;
  hours: number;
  reason: string | null;
}

export interface BuiltEntries {
  entries: FloorEntry[];
  /** Keys whose hours are not a valid number: nothing is sent while there are any. */
  invalid: string[];
}

/** Every marked half-day, in list order, ready for POST /work-floors/{id}/attendance. */
export function buildEntries(draft: Draft, rows: readonly FloorRow[]): BuiltEntries {
  const entries: FloorEntry[] = [];
  const invalid: string[] = [];
  for (const row of rows) {
    for (const halfDay of HALF_DAYS) {
      const key = markKey(row.placement_id, halfDay);
      const mark = draftMark(draft, key);
      if (mark.status === null) continue;
      const hours = parseHours(mark.hours === "" && mark.status !== "present" ? "0" : mark.hours);
      if (hours === null) {
        invalid.push(key);
        continue;
      }
      const reason = mark.reason.trim();
      entries.push({ placement_id: row.placement_id, half_day: halfDay, status: mark.status, hours, reason: reason || null });
    }
  }
  return { entries, invalid };
}

function sameMark(draft: DraftMark, saved: DraftMark): boolean {
  const hours = (text: string) => parseHours(text) ?? text;
  return (
    draft.status === saved.status && hours(draft.hours) === hours(saved.hours) && draft.reason.trim() === saved.reason.trim()
  );
}

/** How many half-days differ from what the server has. */
export function unsavedCount(draft: Draft, rows: readonly FloorRow[]): number {
  const saved = draftFromRows(rows);
  let count = 0;
  for (const [key, mark] of Object.entries(draft)) {
    if (!sameMark(mark, draftMark(saved, key))) count += 1;
  }
  return count;
}

export function markedCount(draft: Draft): number {
  return Object.values(draft).filter((mark) => mark.status !== null).length;
}

/**
 * A 422 names entries by position ("entries.3.placement_id"): point each message at the row
 * (mark key) it is about. Messages that name no entry come back under "".
 */
export function entryErrors(problem: Problem | null, entries: readonly FloorEntry[]): Record<string, string> {
  const byKey: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const match = /^entries\.(\d+)(?:\.|$)/.exec(normaliseFieldName(error.field));
    const entry = match ? entries[Number(match[1])] : undefined;
    const key = entry ? markKey(entry.placement_id, entry.half_day) : "";
    byKey[key] ??= error.message;
  }
  return byKey;
}
