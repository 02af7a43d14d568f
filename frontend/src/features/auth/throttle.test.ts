import { describe, expect, it } from "vitest";

import { waitMessage } from "./throttle";

describe("waitMessage", () => {
  it("counts short waits in seconds", () => {
    expect(waitMessage(1)).toEqual({ key: "login.errors.tooManyAttemptsSeconds", count: 1 });
    expect(waitMessage(90)).toEqual({ key: "login.errors.tooManyAttemptsSeconds", count: 90 });
  });

  it("counts longer waits in whole minutes, rounded up", () => {
    expect(waitMessage(91)).toEqual({ key: "login.errors.tooManyAttemptsMinutes", count: 2 });
    expect(waitMessage(900)).toEqual({ key: "login.errors.tooManyAttemptsMinutes", count: 15 });
  });

  it("says 'later' when the server gave no wait time", () => {
    expect(waitMessage(null)).toEqual({ key: "login.errors.tooManyAttempts" });
  });
});
