import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { MIN_REFRESH_DELAY_MS, refreshDelayMs, Session, type TokenGrant } from "./session";

const grant = (token: string, expiresIn = 900): TokenGrant => ({
  access_token: token,
  token_type: "bearer",
  expires_in: expiresIn,
});

describe("refreshDelayMs", () => {
  it("refreshes a 15-minute token one minute before it expires", () => {
    expect(refreshDelayMs(900)).toBe(840_000);
  });

  it("refreshes a short-lived token at three quarters of its life", () => {
    expect(refreshDelayMs(60)).toBe(45_000);
    expect(refreshDelayMs(120)).toBe(90_000);
  });

  it("never hammers the server, whatever expires_in says", () => {
    expect(refreshDelayMs(2)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelayMs(0)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelayMs(-10)).toBe(MIN_REFRESH_DELAY_MS);
    expect(refreshDelayMs(Number.NaN)).toBe(MIN_REFRESH_DELAY_MS);
  });
});

describe("Session", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts unknown and is signed in after a successful silent refresh", async () => {
    const session = new Session(() => Promise.resolve(grant("a")));
    expect(session.getSnapshot().status).toBe("unknown");
    await expect(session.refresh()).resolves.toBe(true);
    expect(session.accessToken).toBe("a");
    expect(session.getSnapshot()).toEqual({ status: "signedIn", reason: null });
  });

  it("is signed out without a reason when there is no refresh cookie on first load", async () => {
    const session = new Session(() => Promise.resolve(null));
    await expect(session.refresh()).resolves.toBe(false);
    expect(session.accessToken).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: "signedOut", reason: null });
  });

  it("refreshes shortly before the token expires, and keeps doing so", async () => {
    const refresh = vi
      .fn<() => Promise<TokenGrant | null>>()
      .mockResolvedValueOnce(grant("b", 60))
      .mockResolvedValueOnce(grant("c", 60));
    const session = new Session(refresh);
    session.accept(grant("a", 900));

    await vi.advanceTimersByTimeAsync(839_999);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.accessToken).toBe("b");

    await vi.advanceTimersByTimeAsync(45_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(session.accessToken).toBe("c");
  });

  it("shares one refresh request between concurrent callers", async () => {
    let resolve: (value: TokenGrant) => void = () => undefined;
    const refresh = vi.fn(
      () =>
        new Promise<TokenGrant | null>((r) => {
          resolve = r;
        }),
    );
    const session = new Session(refresh);
    const first = session.refresh();
    const second = session.refresh();
    expect(refresh).toHaveBeenCalledTimes(1);
    resolve(grant("shared"));
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);

    // Once settled, a later refresh is a new request.
    const third = session.refresh();
    resolve(grant("next"));
    await third;
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it("ends the session as expired when a refresh is refused", async () => {
    const session = new Session(() => Promise.resolve(null));
    session.accept(grant("a"));
    await session.refresh();
    expect(session.accessToken).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: "signedOut", reason: "expired" });
  });

  it("keeps the token and retries later when the server cannot be reached", async () => {
    const refresh = vi
      .fn<() => Promise<TokenGrant | null>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(grant("b"));
    const session = new Session(refresh);
    session.accept(grant("a", 60));
    await vi.advanceTimersByTimeAsync(45_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.accessToken).toBe("a");
    expect(session.getSnapshot().status).toBe("signedIn");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(session.accessToken).toBe("b");
  });

  it("stops refreshing after sign-out and notifies listeners once per change", async () => {
    const refresh = vi.fn(() => Promise.resolve(grant("b")));
    const session = new Session(refresh);
    const listener = vi.fn();
    session.subscribe(listener);
    session.accept(grant("a"));
    session.accept(grant("a2"));
    session.end("loggedOut");
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(refresh).not.toHaveBeenCalled();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(session.getSnapshot()).toEqual({ status: "signedOut", reason: "loggedOut" });
  });

  it("stays signed out when a refresh under way is answered after the session ended", async () => {
    let resolve: (value: TokenGrant) => void = () => undefined;
    const session = new Session(
      () =>
        new Promise<TokenGrant | null>((r) => {
          resolve = r;
        }),
    );
    session.accept(grant("a"));
    const pending = session.refresh();
    session.end("expired");
    resolve(grant("late"));
    await expect(pending).resolves.toBe(false);
    await session.settled();
    expect(session.accessToken).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: "signedOut", reason: "expired" });
  });
});
