// The phase machine as the SPA needs it (domain.md, "Phases and their moves").
// The server decides: the trajectory's `allowed_phase_targets` says which moves it accepts now.
// It does not say which of them need a reason, so that one column of the table is mirrored here
// (app/trajectories/phases.py MOVES); a mismatch only costs a 422 the dialog shows next to the field.

import { PHASES, type Phase, type TrajectoryStatus } from "../../api/enums";

export type { Phase, TrajectoryStatus };

/** from → to → reason required? (outflow is terminal: re-entry opens a new trajectory). */
export const MOVES: Readonly<Record<Phase, Partial<Record<Phase, boolean>>>> = {
  intake: { placement: false, activation: false, outflow: false },
  placement: { activation: false, internship: false, outflow: false },
  activation: { placement: true, internship: false, outflow: false },
  internship: { placement: true, activation: true, outflow: false },
  outflow: {},
};

/** Moving back (stage → werkvloer, …) needs a reason; moving on does not. */
export function needsReason(from: Phase, to: Phase): boolean {
  return MOVES[from][to] === true;
}

export interface PhaseMoveOption {
  target: Phase;
  reasonRequired: boolean;
  /** Outflow is recorded with its category and date (PUT /outflow), not as a bare phase move. */
  viaOutflow: boolean;
}

/**
 * The moves to offer in the dialog, in the usual phase order. Only the server's allowed targets
 * (empty while the trajectory is paused, referred or closed); when a server answer lacks them,
 * the mirrored table for an active trajectory.
 */
export function phaseMoveOptions(trajectory: {
  phase: Phase;
  status: TrajectoryStatus;
  allowed_phase_targets?: readonly Phase[] | null;
}): PhaseMoveOption[] {
  const allowed =
    trajectory.allowed_phase_targets ??
    (trajectory.status === "active" ? (Object.keys(MOVES[trajectory.phase]) as Phase[]) : []);
  return PHASES.filter((phase) => allowed.includes(phase)).map((target) => ({
    target,
    reasonRequired: needsReason(trajectory.phase, target),
    viaOutflow: target === "outflow",
  }));
}

export type StepState = "done" | "current" | "upcoming" | "skipped";

export interface PhaseStep {
  phase: Phase;
  state: StepState;
  /** The last day this phase was entered (null: never). */
  enteredOn: string | null;
  /** How often the trajectory entered this phase (moves back count again). */
  visits: number;
}

export interface PhaseChangeLike {
  from_phase: Phase | null;
  to_phase: Phase;
  date: string;
}

/**
 * The stepper: the five phases in their usual order, each marked as passed, current, still ahead
 * or skipped (a later phase was reached without it), with the date it was last entered.
 * `history` is the phase-change list in any order; `startedOn` dates the first phase when the
 * history has no opening row.
 */
export function phaseSteps(current: Phase, history: readonly PhaseChangeLike[], startedOn: string | null): PhaseStep[] {
  const ordered = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const entered = new Map<Phase, { on: string | null; visits: number }>();
  const enter = (phase: Phase, on: string | null) => {
    const seen = entered.get(phase);
    entered.set(phase, { on, visits: (seen?.visits ?? 0) + 1 });
  };
  const first = ordered[0];
  const startPhase: Phase = first?.from_phase ?? (first ? first.to_phase : current);
  if (!first || first.from_phase !== null) enter(startPhase, startedOn);
  for (const change of ordered) enter(change.to_phase, change.date);

  const currentIndex = PHASES.indexOf(current);
  return PHASES.map((phase, index) => {
    const seen = entered.get(phase);
    let state: StepState;
    if (phase === current) state = "current";
    else if (seen) state = "done";
    else if (index < currentIndex) state = "skipped";
    else state = "upcoming";
    return { phase, state, enteredOn: seen?.on ?? null, visits: seen?.visits ?? 0 };
  });
}
