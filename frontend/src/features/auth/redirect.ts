/** Query parameter on /login that remembers where the user was going. */
export const NEXT_PARAM = "next";

/**
 * Only same-site paths are followed after login: "/beheer/gebruikers?q=an" yes,
 * "https://evil.example", "//evil.example" or "/\\evil.example" no (open-redirect guard).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  for (let i = 0; i < next.length; i += 1) {
    const code = next.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return "/"; // control characters: never a real path
  }
  if (next === "/login" || next.startsWith("/login?") || next.startsWith("/login/")) return "/";
  return next;
}

export function loginPath(next: string): string {
  const safe = safeNextPath(next);
  return safe === "/" ? "/login" : `/login?${NEXT_PARAM}=${encodeURIComponent(safe)}`;
}
