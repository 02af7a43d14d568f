import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";

import type { Problem } from "../../api/problem";
import { messageText } from "../../forms/messageText";
import { formatDate, formatNumber, localeFor } from "../../i18n/format";
import { resources } from "../../i18n";
import { loginFieldErrors, type LoginField } from "./loginErrors";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources, lng: "nl", fallbackLng: "nl", interpolation: { escapeValue: false } });
});

/** What the login form shows next to each field, as LoginForm does it (through useMessageText). */
function shown(problem: Problem): Partial<Record<LoginField, string | undefined>> {
  const locale = localeFor(i18n.language);
  const format = {
    date: (iso: string, style: "long") => formatDate(iso, locale, style),
    number: (value: number, maxFraction: number) => formatNumber(value, locale, maxFraction),
  };
  return Object.fromEntries(
    loginFieldErrors(problem).map(({ field, message }) => [field, messageText(message, { t: i18n.t, exists: (key) => i18n.exists(key) }, format)]),
  );
}

// As POST /api/v1/auth/login answers a form without username and password.
const bothMissing: Problem = {
  type: "urn:werkpad:problem:validation",
  title: "Invalid values",
  status: 422,
  detail: "Some fields are invalid",
  errors: [
    { field: "username", message: "Field required", code: "required" },
    { field: "password", message: "Field required", code: "required" },
  ],
};

describe("the login form's server field errors", () => {
  it("land on the e-mail field (the API's username) and the password field, in Dutch", async () => {
    await i18n.changeLanguage("nl");
    expect(shown(bothMissing)).toEqual({ email: "Dit veld is verplicht.", password: "Dit veld is verplicht." });
  });

  it("are in English when the language is English, with their params", async () => {
    await i18n.changeLanguage("en");
    const tooLong: Problem = {
      ...bothMissing,
      errors: [{ field: "body.username", message: "String should have at most 254 characters", code: "too_long", params: { max: 254 } }],
    };
    expect(shown(tooLong)).toEqual({ email: "At most 254 characters." });
    await i18n.changeLanguage("nl");
    expect(shown(tooLong)).toEqual({ email: "Maximaal 254 tekens." });
  });

  it("show the server's own words only for a code the SPA does not know", async () => {
    await i18n.changeLanguage("nl");
    const newer: Problem = { ...bothMissing, errors: [{ field: "password", message: "is something new", code: "a_code_from_a_newer_server" }] };
    expect(shown(newer)).toEqual({ password: "is something new" });
  });

  it("leave out errors about fields the form does not have", () => {
    const other: Problem = { ...bothMissing, errors: [{ field: "grant_type", message: "String should match pattern", code: "invalid_format" }] };
    expect(loginFieldErrors(other)).toEqual([]);
    expect(loginFieldErrors(null)).toEqual([]);
  });
});
