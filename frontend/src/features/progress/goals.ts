import type { Schema } from "../../api/types";

type GoalStatus = Schema<"GoalStatus">;

export interface GoalLike {
  status: GoalStatus;
  due_on: string | null;
  overdue: boolean;
  created_at: string;
}

const STATUS_ORDER: Record<GoalStatus, number> = { open: 0, done: 1, dropped: 2 };

/** Overdue first, then open goals by due date (undated last), then achieved and dropped ones. */
export function orderGoals<G extends GoalLike>(goals: readonly G[]): G[] {
  return [...goals].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.status !== b.status) return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (a.due_on !== b.due_on) {
      if (a.due_on === null) return 1;
      if (b.due_on === null) return -1;
      return a.due_on < b.due_on ? -1 : 1;
    }
    return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
  });
}
