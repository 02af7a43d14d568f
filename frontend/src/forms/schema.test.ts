import { describe, expect, it } from "vitest";
import { z } from "zod";

import { todayIso } from "../i18n/format";
import { decodeMessage, encodeMessage } from "./messages";
import {
  apiBody,
  choice,
  choices,
  isValidInsz,
  optionalChoice,
  optionalDate,
  optionalEmail,
  optionalInsz,
  optionalNumber,
  optionalText,
  requiredDate,
  requiredNumber,
  requiredText,
} from "./schema";

const VISIBILITIES = ["team", "care_shared", "care_internal"] as const;

/** The messages of a failed parse, decoded to their i18n keys. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => decodeMessage(issue.message)?.key ?? issue.message);
}

describe("apiBody", () => {
  it("accepts a schema whose output fits the API's body", () => {
    const note = apiBody<"NoteCreate">()(
      z.object({ visibility: choice(VISIBILITIES), body: requiredText(20000), written_on: optionalDate() }),
    );
    expect(note.parse({ visibility: "care_shared", body: " Gesprek ", written_on: "" })).toEqual({
      visibility: "care_shared",
      body: "Gesprek",
      written_on: null,
    });
  });

  it("refuses, at compile time, a field the API does not know or a wrong type", () => {
    // @ts-expect-error: "title" is not a field of NoteCreate (the API forbids extra fields).
    apiBody<"NoteCreate">()(z.object({ visibility: choice(VISIBILITIES), body: requiredText(10), title: requiredText(5) }));
    // @ts-expect-error: "secret" is not a Visibility.
    apiBody<"NoteCreate">()(z.object({ visibility: choice(["team", "secret"] as const), body: requiredText(10) }));
    // @ts-expect-error: the body is required.
    apiBody<"NoteCreate">()(z.object({ visibility: choice(VISIBILITIES) }));
    expect(true).toBe(true);
  });
});

describe("field schemas", () => {
  it("text: trimmed, required, limited", () => {
    expect(problems(requiredText(5), "   ")).toEqual(["form.validation.required"]);
    expect(problems(requiredText(5), "zeslet")).toEqual(["form.validation.tooLong"]);
    expect(requiredText(5).parse(" kort ")).toBe("kort");
    expect(optionalText(5).parse("  ")).toBeNull();
  });

  it("dates: typed day first, limited to a period", () => {
    const today = todayIso();
    expect(requiredDate().parse("24/11/2026")).toBe("2026-11-24");
    expect(problems(requiredDate(), "")).toEqual(["form.validation.required"]);
    expect(problems(requiredDate(), "31/02/2026")).toEqual(["form.validation.date"]);
    expect(problems(requiredDate({ notAfter: today }), "01/01/2999")).toEqual(["form.validation.dateInFuture"]);
    expect(problems(requiredDate({ notAfter: "2026-01-31" }), "01/02/2026")).toEqual(["form.validation.dateAfter"]);
    expect(problems(requiredDate({ notBefore: "2026-01-31" }), "30/01/2026")).toEqual(["form.validation.dateBefore"]);
    expect(optionalDate().parse("")).toBeNull();
  });

  it("numbers: a comma or a dot, within a range", () => {
    const hours = requiredNumber({ min: 0, max: 40 });
    expect(hours.parse("2,5")).toBe(2.5);
    expect(problems(hours, "41")).toEqual(["form.validation.numberRange"]);
    expect(problems(hours, "twee")).toEqual(["form.validation.number"]);
    expect(problems(requiredNumber({ min: 1, max: 600, whole: true }), "1,5")).toEqual(["form.validation.wholeNumber"]);
    expect(optionalNumber({ min: 0, max: 40 }).parse(" ")).toBeNull();
  });

  it("choices: nothing chosen asks to choose; an optional one may stay empty", () => {
    expect(problems(choice(VISIBILITIES), "")).toEqual(["form.validation.choose"]);
    expect(choice(VISIBILITIES).parse("team")).toBe("team");
    expect(optionalChoice(VISIBILITIES).parse("")).toBeNull();
    expect(problems(choices(["work", "care"] as const, { min: 1 }), [])).toEqual(["form.validation.chooseAtLeastOne"]);
  });

  it("INSZ: eleven digits with the mod-97 check, before and after 2000", () => {
    expect(isValidInsz("85.07.30-033.28")).toBe(true);
    expect(isValidInsz("85073003329")).toBe(false);
    // Born 2001: the check is computed on "2" + the nine digits.
    const body = "010101001";
    const check = String(97 - (Number(`2${body}`) % 97)).padStart(2, "0");
    expect(isValidInsz(`${body}${check}`)).toBe(true);
    expect(optionalInsz().parse("85.07.30-033.28")).toBe("85073003328");
    expect(problems(optionalInsz(), "123")).toEqual(["form.validation.insz"]);
  });

  it("e-mail: optional, valid when given", () => {
    expect(optionalEmail().parse("")).toBeNull();
    expect(problems(optionalEmail(), "geen-adres")).toEqual(["form.validation.email"]);
  });
});

describe("messages", () => {
  it("carry their values through zod and back", () => {
    const text = encodeMessage("tooLong", { max: 1000 });
    expect(decodeMessage(text)).toEqual({ source: "form", key: "form.validation.tooLong", values: { max: "1000" } });
    expect(decodeMessage("is already registered")).toBeNull();
  });
});
