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

// Choices offered by the forms, in the order a person reads them.
export const VISIBILITIES = list<Schema<"Visibility">>()(["team", "care_shared", "care_internal"]);
export const GOAL_DOMAINS = list<Schema<"GoalDomain">>()(["work", "care", "empowerment", "income", "training", "mobility", "housing"]);
export const GOAL_STATUSES = list<Schema<"GoalStatus">>()(["open", "done", "dropped"]);
export const SESSION_COMPONENTS = list<Schema<"SessionComponent">>()(["care", "empowerment", "job_search", "group_module"]);
/** Current internship types; `activation` and `exploratory` exist only for internships before 2023. */
export const INTERNSHIP_TYPES = list<Schema<"InternshipType">>()([
  "work_experience",
  "ibo",
  "training",
  "bis",
  "duo_day",
  "external_work_floor",
  "activation",
  "exploratory",
]);
export const INTERNSHIP_RESULTS = list<Schema<"InternshipResult">>()(["ongoing", "completed", "ended_early", "led_to_job"]);
export const CONTRACT_TYPES = list<Schema<"ContractType">>()(["permanent", "fixed_term", "temp_agency", "self_employed", "flexi", "other"]);
export const SUPPORT_INSTRUMENTS = list<Schema<"SupportInstrument">>()([
  "none",
  "individual_maatwerk",
  "collective_maatwerk",
  "twe_art60",
  "vop_legacy",
  "lde_legacy",
]);
export const DISCLOSURES = list<Schema<"Disclosure">>()(["unknown", "disclosed", "partly", "not_disclosed"]);
export const CONTACT_PURPOSES = list<Schema<"ContactPurpose">>()(["job_development", "job_search_for_participant", "follow_up", "other"]);
export const OUTFLOW_CATEGORIES = list<Schema<"OutflowCategory">>()([
  "regular_job",
  "regular_job_supported",
  "self_employed",
  "temp_agency",
  "collective_maatwerk",
  "local_service_economy",
  "temporary_work_experience",
  "ibo",
  "training",
  "work_experience_internship",
  "ama_social_economy",
  "ama_welfare",
  "volunteering",
  "back_to_care",
  "drop_out",
  "moved",
  "deceased",
  "unknown",
]);
export const FOLLOW_UP_STATUSES = list<Schema<"FollowUpStatus">>()(["same_job", "other_job", "not_working", "training", "unknown"]);
export const FOLLOW_UP_SOURCES = list<Schema<"FollowUpSource">>()(["self_report", "employer", "vdab"]);
export const TEAM_ROLES = list<Schema<"TeamRole">>()(["case_manager_work", "case_manager_care", "coach", "other"]);
export const DATA_CLASSES = list<Schema<"DataClass">>()(["work", "care"]);
export const GIVEN_BY = list<Schema<"GivenBy">>()(["self", "representative"]);
export const CONSENT_METHODS = list<Schema<"ConsentMethod">>()(["written", "digital", "verbal"]);
export const TARGET_GROUPS = list<Schema<"TargetGroup">>()(["psychological", "disability", "social"]);
export const REFERRAL_SOURCES = list<Schema<"ReferralSource">>()(["vdab", "gtb", "ocmw", "mental_health", "caw", "gp", "self", "other"]);
