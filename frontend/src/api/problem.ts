// RFC 9457 problem details, as every Werkpad error is answered, and what the SPA makes of them.

/** A simple value a field error's text needs, e.g. `{ max: 200 }` for `too_long`. */
export type FieldProblemParam = string | number | boolean;

export interface FieldProblem {
  field: string;
  /** English, for people reading the API; the SPA shows the translation of `code`. */
  message: string;
  /** Stable snake_case code (app/core/errors.py), translated as `serverErrors.<code>`. */
  code?: string;
  params?: Record<string, FieldProblemParam>;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.status === "number" && typeof candidate.title === "string";
}

/** An HTTP answer that was not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Seconds to wait, from a `Retry-After` header (429, 503). */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static fromResponse(response: Response, body: unknown, now: number = Date.now()): ApiError {
    const problem = isProblem(body) ? body : null;
    return new ApiError(
      response.status,
      problem,
      parseRetryAfter(response.headers.get("Retry-After"), now),
    );
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(0, null);
    error.cause = cause;
    return error;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * `Retry-After` is either a number of seconds or an HTTP date (RFC 9110 §10.2.3).
 * Returns whole seconds (at least 1), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number.parseInt(trimmed, 10));
  if (!/[a-z]/i.test(trimmed)) return null; // e.g. "-3": neither seconds nor a date
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(1, Math.ceil((at - now) / 1000));
}

// FastAPI-style locations ("body.email", "query.limit", "body -> email") name the same field
// as the form does ("email"); nested fields keep their path ("address.city").
const LOCATION_PREFIXES = ["body", "query", "path", "header", "cookie", "form"];

export function normaliseFieldName(field: string): string {
  const parts = field
    .split(/\s*->\s*|\./)
    .map((part) => part.trim())
    .filter((part) => part !== "");
  while (parts.length > 1 && LOCATION_PREFIXES.includes(parts[0] ?? "")) parts.shift();
  return parts.join(".");
}

export interface MappedProblem {
  /** The first message for each field the form knows, keyed by the form's field name. */
  fields: Record<string, string>;
  /** Messages for fields the form does not show: displayed above the form. */
  other: string[];
  /** The same errors as `other`, with their field names normalised, for a later translation. */
  otherErrors: FieldProblem[];
}

/**
 * Spread a problem's `errors` over a form's fields, so each message lands next to its input.
 * `describe` turns an error into the text a form keeps (by default the server's message; the
 * forms pass one that keeps the code and params, see forms/messages.ts).
 */
export function mapFieldErrors(
  problem: Problem | null,
  formFields: readonly string[],
  describe: (error: FieldProblem) => string = (error) => error.message,
): MappedProblem {
  const mapped: MappedProblem = { fields: {}, other: [], otherErrors: [] };
  for (const error of problem?.errors ?? []) {
    const name = normaliseFieldName(error.field);
    if (formFields.includes(name)) {
      mapped.fields[name] ??= describe(error);
    } else {
      const text = describe(error);
      mapped.other.push(name ? `${name}: ${text}` : text);
      mapped.otherErrors.push({ ...error, field: name });
    }
  }
  return mapped;
}

/** The i18n key (under `errors.`) that says in plain words what went wrong. */
export type ErrorKind =
  | "network"
  | "badRequest"
  | "notAuthenticated"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "stale"
  | "validation"
  | "rateLimited"
  | "unavailable"
  | "server"
  | "unknown";

export function errorKind(error: unknown): ErrorKind {
  if (!isApiError(error)) return "unknown";
  switch (error.status) {
    case 0:
      return "network";
    case 400:
    case 413:
    case 415:
      return "badRequest";
    case 401:
      return "notAuthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "notFound";
    case 409:
      return "conflict";
    case 412:
    case 428:
      return "stale";
    case 422:
      return "validation";
    case 429:
      return "rateLimited";
    case 503:
      return "unavailable";
    default:
      return error.status >= 500 ? "server" : "unknown";
  }
}
