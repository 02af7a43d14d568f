// Enumerations of the API as runtime values (the generated schema only has their types).
// `satisfies` + the exhaustiveness check make a new value in openapi.json a compile error here.

import type { Schema } from "./types";

export type Phase = Schema<"Phase">;
export type TrajectoryStatus = Schema<"Status">;
export type AttendanceStatus = Schema<"AttendanceStatus">;
export type HalfDay = Schema<"HalfDay">;

type Exhaustive<T extends string, L extends readonly T[]> = Exclude<T, L[number]> extends never ? L : never;

function list<T extends string>() {
  return <const L extends readonly T[]>(values: Exhaustive<T, L>): L => values;
}

/** The usual order, for the stepper: intake → werkvloer → activering → stage → uitstroom. */
export const PHASES = list<Phase>()(["intake", "placement", "activation", "internship", "outflow"]);
export const TRAJECTORY_STATUSES = list<TrajectoryStatus>()(["referred", "active", "paused", "closed"]);
/** In the order a coach meets them on the floor. */
export const ATTENDANCE_STATUSES = list<AttendanceStatus>()(["present", "sick", "absent_excused", "absent_unexcused"]);
export const HALF_DAYS = list<HalfDay>()(["am", "pm"]);

function member<T extends string>(values: readonly T[]) {
  return (value: unknown): value is T => typeof value === "string" && (values as readonly string[]).includes(value);
}

export const isPhase = member<Phase>(PHASES);
export const isTrajectoryStatus = member<TrajectoryStatus>(TRAJECTORY_STATUSES);
export const isAttendanceStatus = member<AttendanceStatus>(ATTENDANCE_STATUSES);
