import { describe, expect, it } from "vitest";

import {
  ApiError,
  errorKind,
  mapFieldErrors,
  normaliseFieldName,
  parseRetryAfter,
  type Problem,
} from "./problem";

const validation: Problem = {
  type: "https://werkpad.example/problems/validation",
  title: "Invalid values",
  status: 422,
  detail: "Invalid values",
  errors: [
    { field: "body.username", message: "is not an e-mail address" },
    { field: "password", message: "is required" },
    { field: "body.username", message: "second message is ignored" },
    { field: "body -> address -> city", message: "too long" },
    { field: "query.limit", message: "must be at most 200" },
  ],
};

describe("normaliseFieldName", () => {
  it("drops FastAPI location prefixes", () => {
    expect(normaliseFieldName("body.username")).toBe("username");
    expect(normaliseFieldName("query.limit")).toBe("limit");
    expect(normaliseFieldName("body -> address -> city")).toBe("address.city");
  });

  it("keeps plain and nested names", () => {
    expect(normaliseFieldName("date")).toBe("date");
    expect(normaliseFieldName("address.city")).toBe("address.city");
  });

  it("keeps a field that is literally called like a location", () => {
    expect(normaliseFieldName("body")).toBe("body");
  });
});

describe("mapFieldErrors", () => {
  it("puts the first message of each known field next to that field", () => {
    const mapped = mapFieldErrors(validation, ["username", "password", "address.city"]);
    expect(mapped.fields).toEqual({
      username: "is not an e-mail address",
      password: "is required",
      "address.city": "too long",
    });
  });

  it("collects messages for fields the form does not show", () => {
    const mapped = mapFieldErrors(validation, ["username", "password"]);
    expect(mapped.other).toEqual(["address.city: too long", "limit: must be at most 200"]);
  });

  it("copes with a problem without errors, or no problem at all", () => {
    expect(mapFieldErrors({ ...validation, errors: undefined }, ["username"])).toEqual({
      fields: {},
      other: [],
      otherErrors: [],
    });
    expect(mapFieldErrors(null, ["username"])).toEqual({ fields: {}, other: [], otherErrors: [] });
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-01T10:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 5 ", now)).toBe(5);
  });

  it("never asks to wait less than a second", () => {
    expect(parseRetryAfter("0", now)).toBe(1);
  });

  it("reads an HTTP date", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 10:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now)).toBe(1);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-3", now)).toBeNull();
  });
});

describe("ApiError", () => {
  it("keeps the problem body and the Retry-After header", () => {
    const response = new Response(null, { status: 429, headers: { "Retry-After": "42" } });
    const body = { type: "about:blank", title: "Too many requests", status: 429, detail: "Slow down" };
    const error = ApiError.fromResponse(response, body);
    expect(error.status).toBe(429);
    expect(error.problem?.detail).toBe("Slow down");
    expect(error.retryAfterSeconds).toBe(42);
    expect(errorKind(error)).toBe("rateLimited");
  });

  it("does not mistake a non-problem body for a problem", () => {
    const error = ApiError.fromResponse(new Response(null, { status: 502 }), "<html>Bad gateway</html>");
    expect(error.problem).toBeNull();
    expect(errorKind(error)).toBe("server");
  });

  it("classifies statuses into plain-language kinds", () => {
    const kinds = [0, 401, 403, 404, 409, 412, 422, 503].map((status) =>
      errorKind(new ApiError(status, null)),
    );
    expect(kinds).toEqual([
      "network",
      "notAuthenticated",
      "forbidden",
      "notFound",
      "conflict",
      "stale",
      "validation",
      "unavailable",
    ]);
    expect(errorKind(new Error("boom"))).toBe("unknown");
  });
});
