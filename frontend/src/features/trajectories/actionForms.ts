// The forms of the actions on a trajectory (start, phase change, pause, resume): what each
// accepts, checked as the person types with the same rules the server applies (domain.md:
// dated, never in the future, never before the previous change; a step back needs a reason).

import { z } from "zod";

import { PHASES } from "../../api/enums";
import { encodeMessage, invalid } from "../../forms/messages";
import { apiBody, choice, optionalDate, optionalText, requiredDate } from "../../forms/schema";
import { staleChanges, type StaleRow } from "../../forms/stale";
import type { Phase, PhaseMoveOption } from "./phases";

export interface DateWindow {
  /** Today: no action is dated in the future. */
  today: string;
  /** The first day allowed: the previous change (ISO). */
  earliest: string;
}

function later(a: string, b: string | null | undefined): string {
  return b !== null && b !== undefined && b > a ? b : a;
}

/**
 * The first day a status change (start, pause, resume) may carry: not before the referral, the
 * current phase's start, or the last status change (when the history has loaded).
 */
export function earliestStatusDate(
  trajectory: { referred_on: string; phase_since: string },
  statusChanges: readonly { date: string }[] = [],
): string {
  return statusChanges.reduce((first, change) => later(first, change.date), later(trajectory.referred_on, trajectory.phase_since));
}

/** A dated status change: start (off the waiting list) and resume have nothing else. */
export function datedSchema({ today, earliest }: DateWindow) {
  return apiBody<"StartRequest">()(z.object({ date: requiredDate({ notAfter: today, notBefore: earliest }) }));
}

export function pauseSchema({ today, earliest }: DateWindow) {
  return apiBody<"PauseRequest">()(
    z
      .object({
        date: requiredDate({ notAfter: today, notBefore: earliest }),
        reason: z
          .string()
          .trim()
          .min(1, { ...invalid("pauseReason"), abort: true })
          .max(1000, invalid("tooLong", { max: 1000 })),
        expected_return_on: optionalDate(),
      })
      .superRefine((values, ctx) => {
        if (values.expected_return_on !== null && values.date !== "" && values.expected_return_on < values.date) {
          ctx.addIssue({ code: "custom", path: ["expected_return_on"], message: encodeMessage("returnBeforePause") });
        }
      }),
  );
}

/**
 * A phase move: only the targets offered (the server's allowed ones, outflow excepted: that is
 * recorded with its category), not before the current phase began, a reason for a step back.
 */
export function phaseChangeSchema({ today, earliest }: DateWindow, options: readonly PhaseMoveOption[]) {
  const choosable = options.filter((option) => !option.viaOutflow);
  return apiBody<"PhaseChangeCreate">()(
    z
      .object({
        to_phase: choice(PHASES).refine((target) => choosable.some((option) => option.target === target), invalid("choose")),
        date: requiredDate({ notAfter: today, notBefore: earliest }),
        reason: optionalText(1000),
      })
      .superRefine((values, ctx) => {
        if (reasonRequired(options, values.to_phase) && values.reason === null) {
          ctx.addIssue({ code: "custom", path: ["reason"], message: encodeMessage("stepBackReason") });
        }
      }),
  );
}

/** Whether moving to `target` (a form value: perhaps "" or a phase) asks for a reason. */
export function reasonRequired(options: readonly PhaseMoveOption[], target: string): boolean {
  return options.some((option) => option.target === (target as Phase) && option.reasonRequired);
}

// --- someone else changed the trajectory meanwhile --------------------------------------------

/** What the summary shows of a trajectory, and so what a person acted on. */
export const TRAJECTORY_FIELDS = ["status", "phase", "phase_since", "started_on", "pause_reason", "expected_return_on", "closed_on"] as const;
export type TrajectoryField = (typeof TRAJECTORY_FIELDS)[number];

type TrajectoryFacts = Readonly<Record<TrajectoryField, unknown>>;

/**
 * What differs between the trajectory the dialog was opened on and the stored one, as rows for
 * the stale notice: every difference is someone else's ("theirs"); what was typed stays in the form.
 */
export function trajectoryChanges(opened: TrajectoryFacts, stored: TrajectoryFacts): StaleRow<TrajectoryField>[] {
  return staleChanges(TRAJECTORY_FIELDS, opened, opened, stored);
}
