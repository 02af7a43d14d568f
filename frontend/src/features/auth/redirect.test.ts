import { describe, expect, it } from "vitest";

import { loginPath, safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it("follows paths inside the app, with their query string", () => {
    expect(safeNextPath("/beheer/gebruikers?q=an")).toBe("/beheer/gebruikers?q=an");
    expect(safeNextPath("/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "beheer", "/\tx"]) {
      expect(safeNextPath(bad), bad).toBe("/");
    }
  });

  it("does not send the user back to the login page", () => {
    expect(safeNextPath("/login?next=%2Fbeheer")).toBe("/");
  });

  it("falls back to the start page when nothing was asked", () => {
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("")).toBe("/");
  });
});

describe("loginPath", () => {
  it("keeps the intended path in the query string", () => {
    expect(loginPath("/beheer/organisaties?q=werk")).toBe("/login?next=%2Fbeheer%2Forganisaties%3Fq%3Dwerk");
    expect(loginPath("/")).toBe("/login");
  });
});
