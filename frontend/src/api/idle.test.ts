import { describe, expect, it } from "vitest";

import { IDLE_LIMIT_MS, IDLE_WARNING_MS, IdleTimer, remaining } from "./idle";
import type { Timers } from "./session";

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const id = next++;
      pending.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => pending.delete(id as number),
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { timers, now: () => now, advance, pending };
}

describe("IdleTimer", () => {
  it("warns two minutes before the end and expires at the end", () => {
    const time = fakeTime();
    const idle = new IdleTimer(time.timers, time.now);
    idle.start();
    expect(idle.getSnapshot()).toEqual({ phase: "active", deadline: IDLE_LIMIT_MS });
    time.advance(IDLE_LIMIT_MS - IDLE_WARNING_MS - 1);
    expect(idle.getSnapshot().phase).toBe("active");
    time.advance(1);
    expect(idle.getSnapshot().phase).toBe("warning");
    time.advance(IDLE_WARNING_MS);
    expect(idle.getSnapshot().phase).toBe("expired");
  });

  it("counts again from any input while active", () => {
    const time = fakeTime();
    const idle = new IdleTimer(time.timers, time.now);
    idle.start();
    time.advance(20 * 60_000);
    idle.touch();
    time.advance(20 * 60_000);
    expect(idle.getSnapshot()).toEqual({ phase: "active", deadline: 20 * 60_000 + IDLE_LIMIT_MS });
  });

  it("once warned, only the explicit choice extends", () => {
    const time = fakeTime();
    const idle = new IdleTimer(time.timers, time.now);
    idle.start();
    time.advance(IDLE_LIMIT_MS - IDLE_WARNING_MS);
    idle.touch();
    expect(idle.getSnapshot().phase).toBe("warning");
    idle.extend();
    expect(idle.getSnapshot().phase).toBe("active");
    time.advance(IDLE_LIMIT_MS - 1);
    expect(idle.getSnapshot().phase).toBe("warning");
  });

  it("stops counting when signed out, and leaves no timer behind", () => {
    const time = fakeTime();
    const idle = new IdleTimer(time.timers, time.now);
    idle.start();
    idle.stop();
    expect(idle.getSnapshot()).toEqual({ phase: "off", deadline: 0 });
    expect(time.pending.size).toBe(0);
    idle.touch();
    expect(idle.getSnapshot().phase).toBe("off");
  });

  it("tells its listeners about every change of phase", () => {
    const time = fakeTime();
    const idle = new IdleTimer(time.timers, time.now);
    const seen: string[] = [];
    idle.subscribe(() => seen.push(idle.getSnapshot().phase));
    idle.start();
    time.advance(IDLE_LIMIT_MS);
    expect(seen).toEqual(["active", "warning", "expired"]);
  });
});

describe("remaining", () => {
  it("rounds up to whole seconds and stops at zero", () => {
    expect(remaining(120_000, 14_500)).toEqual({ minutes: 1, seconds: 46 });
    expect(remaining(1000, 5000)).toEqual({ minutes: 0, seconds: 0 });
  });
});
