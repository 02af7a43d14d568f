export type WaitMessage =
  | { key: "login.errors.tooManyAttemptsSeconds"; count: number }
  | { key: "login.errors.tooManyAttemptsMinutes"; count: number }
  | { key: "login.errors.tooManyAttempts"; count?: undefined };

/** Say how long to wait after a 429 the way a person would: seconds up to 90, then minutes. */
export function waitMessage(retryAfterSeconds: number | null): WaitMessage {
  if (retryAfterSeconds === null || retryAfterSeconds <= 0) return { key: "login.errors.tooManyAttempts" };
  if (retryAfterSeconds <= 90) return { key: "login.errors.tooManyAttemptsSeconds", count: retryAfterSeconds };
  return { key: "login.errors.tooManyAttemptsMinutes", count: Math.ceil(retryAfterSeconds / 60) };
}
