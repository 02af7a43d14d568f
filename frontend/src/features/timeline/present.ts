// The timeline API gives each record a short title and summary. Some are free text (a note's
// first line, a reason), others are codes ("placement → activation", "team", "regular_job") meant
// for a program. This decides, per kind, what the SPA shows and which codes it translates, so the
// Dutch screen never shows English codes. Tested in present.test.ts.

import { isPhase, isTrajectoryStatus } from "../../api/enums";
import type { TimelineItem, TimelineKind } from "./api";

export type Vocabulary = "phase" | "trajectoryStatus" | "visibility" | "teamRole" | "outflowCategory";

export type Part =
  | { kind: "text"; text: string }
  | { kind: "code"; vocabulary: Vocabulary; code: string }
  | { kind: "move"; vocabulary: "phase" | "trajectoryStatus"; from: string | null; to: string };

export interface TimelineParts {
  title: Part | null;
  summary: Part | null;
}

const VISIBILITIES = ["team", "care_shared", "care_internal"];
const TEAM_ROLES = ["case_manager_work", "case_manager_care", "coach", "other"];
const OUTFLOW_CATEGORIES = [
  "regular_job", "regular_job_supported", "self_employed", "temp_agency", "collective_maatwerk",
  "local_service_economy", "temporary_work_experience", "ibo", "training", "work_experience_internship",
  "ama_social_economy", "ama_welfare", "volunteering", "back_to_care", "drop_out", "moved", "deceased", "unknown",
];

const VALID: Record<Vocabulary, (code: string) => boolean> = {
  phase: isPhase,
  trajectoryStatus: isTrajectoryStatus,
  visibility: (code) => VISIBILITIES.includes(code),
  teamRole: (code) => TEAM_ROLES.includes(code),
  outflowCategory: (code) => OUTFLOW_CATEGORIES.includes(code),
};

function text(value: string | null): Part | null {
  const trimmed = value?.trim();
  return trimmed ? { kind: "text", text: trimmed } : null;
}

function code(vocabulary: Vocabulary, value: string | null): Part | null {
  return value && VALID[vocabulary](value) ? { kind: "code", vocabulary, code: value } : null;
}

/** "placement → activation" or "intake" (the opening row). */
function move(vocabulary: "phase" | "trajectoryStatus", value: string | null): Part | null {
  if (!value) return null;
  const [before, after] = value.split("→").map((part) => part.trim());
  if (after === undefined) return before && VALID[vocabulary](before) ? { kind: "move", vocabulary, from: null, to: before } : null;
  if (!before || !VALID[vocabulary](before) || !VALID[vocabulary](after)) return null;
  return { kind: "move", vocabulary, from: before, to: after };
}

type Presenter = (item: Pick<TimelineItem, "title" | "summary">) => TimelineParts;

// Title/summary kept as given only where the API puts free text there; codes are translated;
// summaries made of codes and English units ("12 h/week") are left out.
const PRESENTERS: Record<TimelineKind, Presenter> = {
  phase_change: (item) => ({ title: move("phase", item.title), summary: text(item.summary) }),
  status_change: (item) => ({ title: move("trajectoryStatus", item.title), summary: text(item.summary) }),
  placement: (item) => ({ title: text(item.title), summary: null }),
  progress_log: (item) => ({ title: text(item.title), summary: null }),
  goal: (item) => ({ title: text(item.title), summary: null }),
  activation_session: (item) => ({ title: null, summary: text(item.summary) }),
  note: (item) => ({ title: text(item.title), summary: code("visibility", item.summary) }),
  internship: () => ({ title: null, summary: null }),
  job: (item) => ({ title: text(item.title), summary: null }),
  employer_contact: (item) => ({ title: null, summary: text(item.summary) }),
  outflow: (item) => ({ title: code("outflowCategory", item.title), summary: text(item.summary) }),
  follow_up: (item) => ({ title: null, summary: text(item.summary) }),
  team_member_joined: (item) => ({ title: text(item.title), summary: code("teamRole", item.summary) }),
  team_member_left: (item) => ({ title: text(item.title), summary: code("teamRole", item.summary) }),
};

export function timelineParts(item: Pick<TimelineItem, "kind" | "title" | "summary">): TimelineParts {
  return PRESENTERS[item.kind](item);
}
