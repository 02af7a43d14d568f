import { describe, expect, it, vi } from "vitest";

import { createAuthFetch } from "./authFetch";
import { Session, type TokenGrant } from "./session";

const BASE = "http://werkpad.test";
const grant = (token: string): TokenGrant => ({
  access_token: token,
  token_type: "bearer",
  expires_in: 900,
});

function recorder(statuses: number[]) {
  const seen: { url: string; auth: string | null; body: string }[] = [];
  const fetchImpl = vi.fn(async (request: Request) => {
    seen.push({
      url: new URL(request.url).pathname,
      auth: request.headers.get("Authorization"),
      body: await request.text(),
    });
    return new Response(null, { status: statuses.shift() ?? 200 });
  });
  return { seen, fetchImpl };
}

describe("createAuthFetch", () => {
  it("sends the in-memory access token as a bearer token", async () => {
    const session = new Session(() => Promise.resolve(null));
    session.accept(grant("tok-1"));
    const { seen, fetchImpl } = recorder([200]);
    await createAuthFetch(session, fetchImpl)(new Request(`${BASE}/api/v1/me`));
    expect(seen).toEqual([{ url: "/api/v1/me", auth: "Bearer tok-1", body: "" }]);
    session.end(null);
  });

  it("sends no Authorization header when signed out", async () => {
    const session = new Session(() => Promise.resolve(null));
    const { seen, fetchImpl } = recorder([200]);
    await createAuthFetch(session, fetchImpl)(new Request(`${BASE}/api/v1/health`));
    expect(seen[0]?.auth).toBeNull();
  });

  it("refreshes once on 401 and replays the request, body included, with the new token", async () => {
    const session = new Session(() => Promise.resolve(grant("tok-2")));
    session.accept(grant("tok-1"));
    const { seen, fetchImpl } = recorder([401, 201]);
    const response = await createAuthFetch(session, fetchImpl)(
      new Request(`${BASE}/api/v1/organisations`, { method: "POST", body: '{"name":"X"}' }),
    );
    expect(response.status).toBe(201);
    expect(seen).toEqual([
      { url: "/api/v1/organisations", auth: "Bearer tok-1", body: '{"name":"X"}' },
      { url: "/api/v1/organisations", auth: "Bearer tok-2", body: '{"name":"X"}' },
    ]);
    session.end(null);
  });

  it("gives the 401 back when the refresh is refused, and does not loop", async () => {
    const refresh = vi.fn(() => Promise.resolve(null));
    const session = new Session(refresh);
    session.accept(grant("tok-1"));
    const { seen, fetchImpl } = recorder([401, 401]);
    const response = await createAuthFetch(session, fetchImpl)(new Request(`${BASE}/api/v1/me`));
    expect(response.status).toBe(401);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
    expect(session.getSnapshot()).toEqual({ status: "signedOut", reason: "expired" });
  });

  it("never tries to refresh after a 401 from the auth endpoints themselves", async () => {
    const refresh = vi.fn(() => Promise.resolve(grant("tok-2")));
    const session = new Session(refresh);
    const { fetchImpl } = recorder([401]);
    const response = await createAuthFetch(session, fetchImpl)(
      new Request(`${BASE}/api/v1/auth/login`, { method: "POST", body: "username=a&password=b" }),
    );
    expect(response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
  });
});
