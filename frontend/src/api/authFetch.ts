import type { Session } from "./session";

type Fetch = (request: Request) => Promise<Response>;

const AUTH_PATH = "/api/v1/auth/";

function isAuthEndpoint(request: Request): boolean {
  return new URL(request.url).pathname.startsWith(AUTH_PATH);
}

function withBearer(request: Request, token: string | null): Request {
  if (token === null) return request;
  const authorised = new Request(request);
  authorised.headers.set("Authorization", `Bearer ${token}`);
  return authorised;
}

/**
 * fetch with the in-memory access token. A 401 on an API call gets exactly one more chance:
 * refresh the token (shared with any other caller doing the same) and replay the request.
 * If that fails too, the 401 goes back to the caller; main.tsx then sends the user to /login.
 */
export function createAuthFetch(session: Session, fetchImpl: Fetch): Fetch {
  return async (request) => {
    const replay = request.clone();
    const response = await fetchImpl(withBearer(request, session.accessToken));
    if (response.status !== 401 || isAuthEndpoint(request)) return response;
    const refreshed = await session.refresh();
    if (!refreshed) return response;
    return fetchImpl(withBearer(replay, session.accessToken));
  };
}
