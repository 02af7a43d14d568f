import createClient from "openapi-fetch";

import { createAuthFetch } from "./authFetch";
import { ApiError } from "./problem";
import type { paths } from "./schema";
import { IdleTimer } from "./idle";
import { browserTimers, Session, type TokenGrant } from "./session";

/** The same origin serves the SPA and the API (vite proxies /api in development). */
const baseUrl = window.location.origin;

// Only for the auth endpoints: no bearer token and no refresh-and-replay.
const plainApi = createClient<paths>({ baseUrl, credentials: "same-origin" });

/**
 * POST /auth/refresh with the HttpOnly cookie. A 401 means "not signed in" (null);
 * any other failure throws, so a flaky network does not sign anybody out.
 */
async function callRefresh(): Promise<TokenGrant | null> {
  const { data, error, response } = await plainApi.POST("/api/v1/auth/refresh", {
    credentials: "same-origin",
  });
  if (response.status === 401) return null;
  if (data === undefined) throw ApiError.fromResponse(response, error);
  return data;
}

/**
 * Tabs of one browser share the refresh cookie, and the server treats a rotated refresh token
 * presented twice as theft (it revokes the family). So tabs take turns: the second tab's request
 * goes out after the first tab's answer has stored the new cookie.
 */
async function refreshOneTabAtATime(): Promise<TokenGrant | null> {
  if (typeof navigator === "undefined" || !("locks" in navigator)) return callRefresh();
  let grant: TokenGrant | null = null;
  await navigator.locks.request("werkpad-auth-refresh", async () => {
    grant = await callRefresh();
  });
  return grant;
}

export const session = new Session(refreshOneTabAtATime);

/** Counts the minutes without input while someone is signed in (see idle.ts). */
export const idle = new IdleTimer(browserTimers);
session.subscribe(() => {
  const signedIn = session.getSnapshot().status === "signedIn";
  if (signedIn && idle.getSnapshot().phase === "off") idle.start();
  if (!signedIn) idle.stop();
});

export const api = createClient<paths>({
  baseUrl,
  credentials: "same-origin",
  fetch: createAuthFetch(session, (request) => globalThis.fetch(request)),
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Turn openapi-fetch's `{data, error, response}` into data or a thrown ApiError, which is what
 * TanStack Query expects. Network failures become ApiError with status 0.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw ApiError.network(cause);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}

export async function login(email: string, password: string): Promise<void> {
  const grant = await unwrap(
    plainApi.POST("/api/v1/auth/login", {
      body: { username: email, password, scope: "" },
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  session.accept(grant);
}

async function revokeRefreshCookie(token: string | null): Promise<void> {
  await plainApi.POST("/api/v1/auth/logout", {
    credentials: "same-origin",
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

/**
 * Nobody used the app for too long. The screen is cleared at once (the session ends here first,
 * whatever the network does), then the refresh cookie is revoked so the next person at this tablet
 * cannot slide back in. The login page brings the person back where they were.
 */
export async function endIdleSession(): Promise<void> {
  const token = session.accessToken;
  session.end("expired");
  // A refresh under way rotates the cookie; revoke after it, so the revocation sees the newest.
  await session.settled();
  await revokeRefreshCookie(token);
}

export async function logout(): Promise<void> {
  try {
    await revokeRefreshCookie(session.accessToken);
  } finally {
    // Whatever the server said, this tab forgets the token.
    session.end("loggedOut");
  }
}
