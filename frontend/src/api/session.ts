// The access token lives in this module's memory only — never in localStorage or sessionStorage —
// so a script injected into the page cannot lift it from storage, and closing the tab ends it.
// The long-lived refresh token is an HttpOnly cookie the browser sends to /api/v1/auth only.

export interface TokenGrant {
  access_token: string;
  token_type: string;
  /** Lifetime of the access token in seconds. */
  expires_in: number;
}

/** What a refresh call answered: a new grant, or `null` when the server says "not signed in". */
export type RefreshCall = () => Promise<TokenGrant | null>;

export type SessionStatus = "unknown" | "signedIn" | "signedOut";

/** Why the session ended, so the login page can say so. */
export type SignOutReason = "expired" | "loggedOut" | null;

export interface SessionSnapshot {
  status: SessionStatus;
  reason: SignOutReason;
}

export interface Timers {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export const browserTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Refresh this long before the token runs out (at most), so a slow request never carries a dead token. */
export const REFRESH_MARGIN_MS = 60_000;
/** Never schedule refreshes closer together than this, whatever the server says. */
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * When to refresh an access token that lives `expiresInSeconds`: a minute before it runs out,
 * or at three quarters of its life when it is short-lived, and never sooner than 5 s.
 */
export function refreshDelayMs(expiresInSeconds: number): number {
  if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) return MIN_REFRESH_DELAY_MS;
  const lifetime = expiresInSeconds * 1000;
  const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 4);
  return Math.max(MIN_REFRESH_DELAY_MS, Math.floor(lifetime - margin));
}

export class Session {
  private token: string | null = null;
  private snapshot: SessionSnapshot = { status: "unknown", reason: null };
  private timer: unknown = null;
  private inFlight: Promise<boolean> | null = null;
  /** Counts sign-outs, so a refresh answered after one cannot sign the tab back in. */
  private endings = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly refreshCall: RefreshCall,
    private readonly timers: Timers = browserTimers,
  ) {}

  get accessToken(): string | null {
    return this.token;
  }

  /** For React's useSyncExternalStore: the same object until something changes. */
  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keep a fresh grant (from login or refresh) and schedule the next refresh. */
  accept(grant: TokenGrant): void {
    this.token = grant.access_token;
    this.schedule(refreshDelayMs(grant.expires_in));
    this.setSnapshot({ status: "signedIn", reason: null });
  }

  /** Forget the token (the cookie is the server's business: see logout). */
  end(reason: SignOutReason): void {
    this.endings += 1;
    this.token = null;
    this.cancelTimer();
    this.setSnapshot({ status: "signedOut", reason });
  }

  /**
   * Ask for a new access token with the refresh cookie. Concurrent callers share one request:
   * the server rotates the refresh token, and presenting the old one twice would look like
   * token theft and revoke the whole family. Resolves true when a new token was obtained.
   */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.runRefresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Resolves once no refresh is under way (at once when none is). */
  async settled(): Promise<void> {
    await this.inFlight;
  }

  private async runRefresh(): Promise<boolean> {
    const wasSignedIn = this.snapshot.status === "signedIn";
    const endings = this.endings;
    let grant: TokenGrant | null;
    try {
      grant = await this.refreshCall();
    } catch {
      if (this.endings !== endings) return false;
      // No answer (offline, server restarting): keep what we have and try again a little later;
      // on first load there is nothing to keep, so show the login page.
      if (this.token === null) this.end(null);
      else this.schedule(MIN_REFRESH_DELAY_MS * 6);
      return false;
    }
    // Signed out while the request was under way (idle end, logout): that decision stands.
    if (this.endings !== endings) return false;
    if (grant === null) {
      this.end(wasSignedIn ? "expired" : null);
      return false;
    }
    this.accept(grant);
    return true;
  }

  private schedule(delay: number): void {
    this.cancelTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private setSnapshot(next: SessionSnapshot): void {
    if (next.status === this.snapshot.status && next.reason === this.snapshot.reason) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
