import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";

import { mapFieldErrors, type Problem } from "../api/problem";
import { formatDate, formatNumber, localeFor } from "../i18n/format";
import { resources } from "../i18n";
import { messageText, type MessageFormat } from "./messageText";
import { decodeMessage, encodeMessage, encodeServerError } from "./messages";

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources, lng: "nl", fallbackLng: "nl", interpolation: { escapeValue: false } });
});

function formatFor(language: string): MessageFormat {
  const locale = localeFor(language);
  return {
    date: (iso, style) => formatDate(iso, locale, style),
    number: (value, maxFraction) => formatNumber(value, locale, maxFraction),
  };
}

/** What a form shows for a message, in the current language. */
function shown(text: string | undefined): string | undefined {
  return messageText(text, { t: i18n.t, exists: (key) => i18n.exists(key) }, formatFor(i18n.language));
}

const problem: Problem = {
  type: "urn:werkpad:problem:validation",
  title: "Invalid values",
  status: 422,
  detail: "Some fields are invalid",
  errors: [
    { field: "first_name", message: "Field required", code: "required" },
    { field: "last_name", message: "String should have at most 200 characters", code: "too_long", params: { max: 200 } },
    { field: "insz", message: "is already registered", code: "already_registered" },
    { field: "date", message: "The date cannot be before the trajectory started", code: "before_trajectory_start", params: { date: "2026-03-02" } },
    { field: "notes", message: "is something new", code: "a_code_from_a_newer_server" },
    { field: "body.legacy", message: "has no code at all" },
    { field: "kind", message: "Input should be 'a' or 'b'", code: "not_allowed", params: { allowed: "a, b" } },
  ],
};

describe("server field errors", () => {
  it("keep their code, params and English message through the form", () => {
    const text = encodeServerError({ field: "name", message: "String should have at most 200 characters", code: "too_long", params: { max: 200 } });
    expect(decodeMessage(text)).toEqual({
      source: "server",
      key: "serverErrors.too_long",
      values: { max: "200" },
      fallback: "String should have at most 200 characters",
    });
  });

  it("are translated into Dutch by code, with their params", async () => {
    await i18n.changeLanguage("nl");
    const mapped = mapFieldErrors(problem, ["first_name", "last_name", "insz", "date", "notes", "legacy"], encodeServerError);
    expect(shown(mapped.fields.first_name)).toBe("Dit veld is verplicht.");
    expect(shown(mapped.fields.last_name)).toBe("Maximaal 200 tekens.");
    expect(shown(mapped.fields.insz)).toBe("Dit rijksregisternummer is al geregistreerd.");
    expect(shown(mapped.fields.date)).toBe("Deze datum ligt vóór het begin van het traject (2 maart 2026).");
  });

  it("fall back to the server's message only for a code the SPA does not know", () => {
    const mapped = mapFieldErrors(problem, ["notes", "legacy"], encodeServerError);
    expect(shown(mapped.fields.notes)).toBe("is something new");
    expect(shown(mapped.fields.legacy)).toBe("has no code at all");
  });

  it("follow a language switch", async () => {
    const mapped = mapFieldErrors(problem, ["last_name", "date"], encodeServerError);
    await i18n.changeLanguage("en");
    expect(shown(mapped.fields.last_name)).toBe("At most 200 characters.");
    expect(shown(mapped.fields.date)).toBe("This date lies before the trajectory began (2 March 2026).");
    await i18n.changeLanguage("nl");
    expect(shown(mapped.fields.last_name)).toBe("Maximaal 200 tekens.");
  });

  it("for fields the form does not show are kept with their codes", () => {
    const mapped = mapFieldErrors(problem, ["first_name"], encodeServerError);
    const kind = mapped.otherErrors.find((error) => error.field === "kind");
    expect(kind?.code).toBe("not_allowed");
    expect(shown(encodeServerError(kind ?? { field: "", message: "" }))).toBe("Deze keuze is niet toegelaten.");
  });

  it("leave the form's own messages and plain text alone", () => {
    expect(shown(encodeMessage("tooLong", { max: 1000 }))).toBe("Hoogstens 1.000 tekens.");
    expect(shown("gewoon een tekst")).toBe("gewoon een tekst");
    expect(shown(undefined)).toBeUndefined();
  });

  it("a bad code is never used as a key", () => {
    expect(encodeServerError({ field: "x", message: "raw", code: "Not A Code" })).toBe("raw");
    expect(encodeServerError({ field: "x", message: "raw" })).toBe("raw");
  });

  it("every code has a text in both languages", () => {
    const nl = Object.keys(resources.nl.translation.serverErrors);
    expect(nl.length).toBeGreaterThan(90);
    expect(Object.keys(resources.en.translation.serverErrors).sort()).toEqual([...nl].sort());
  });
});
