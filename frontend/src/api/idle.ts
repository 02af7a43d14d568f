// A session ends after a while without anybody using it: a tablet on the work floor is shared,
// and the server's refresh token slides forward as long as a tab is open. Two minutes before the
// end a warning offers to stay signed in; at the end the session is closed on the server too.

import type { Timers } from "./session";

/** Minutes without input after which Werkpad signs out. */
export const IDLE_LIMIT_MS = 30 * 60_000;
/** The warning shows this long before the end. */
export const IDLE_WARNING_MS = 2 * 60_000;

export type IdlePhase = "off" | "active" | "warning" | "expired";

export interface IdleSnapshot {
  phase: IdlePhase;
  /** When the session ends without further input (ms since the epoch); 0 while off. */
  deadline: number;
}

export class IdleTimer {
  private snapshot: IdleSnapshot = { phase: "off", deadline: 0 };
  private warnTimer: unknown = null;
  private endTimer: unknown = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly timers: Timers,
    private readonly now: () => number = Date.now,
    private readonly limitMs: number = IDLE_LIMIT_MS,
    private readonly warningMs: number = IDLE_WARNING_MS,
  ) {}

  getSnapshot = (): IdleSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Signed in: start counting from now. */
  start(): void {
    this.restart();
  }

  /** Signed out: nothing to count. */
  stop(): void {
    this.clear();
    this.set({ phase: "off", deadline: 0 });
  }

  /**
   * Someone used the app. Ignored once the warning shows: staying signed in is then a choice
   * made with the warning's button, not a stray tap.
   */
  touch(): void {
    if (this.snapshot.phase === "active") this.restart();
  }

  /** "Aangemeld blijven": a full period from now. */
  extend(): void {
    if (this.snapshot.phase === "warning" || this.snapshot.phase === "active") this.restart();
  }

  private restart(): void {
    this.clear();
    const deadline = this.now() + this.limitMs;
    this.warnTimer = this.timers.setTimeout(() => {
      this.warnTimer = null;
      this.set({ phase: "warning", deadline });
    }, this.limitMs - this.warningMs);
    this.endTimer = this.timers.setTimeout(() => {
      this.endTimer = null;
      this.set({ phase: "expired", deadline });
    }, this.limitMs);
    this.set({ phase: "active", deadline });
  }

  private clear(): void {
    if (this.warnTimer !== null) this.timers.clearTimeout(this.warnTimer);
    if (this.endTimer !== null) this.timers.clearTimeout(this.endTimer);
    this.warnTimer = null;
    this.endTimer = null;
  }

  private set(next: IdleSnapshot): void {
    if (next.phase === this.snapshot.phase && next.deadline === this.snapshot.deadline) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** "1:45": minutes and seconds left, never below zero. */
export function remaining(deadline: number, now: number): { minutes: number; seconds: number } {
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return { minutes: Math.floor(left / 60), seconds: left % 60 };
}
