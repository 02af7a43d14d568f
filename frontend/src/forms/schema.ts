// Form schemas: zod parses what a form holds (text, as typed) into the body the API takes.
// `apiBody<"NoteCreate">()(schema)` checks at compile time that the parsed body fits the generated
// OpenAPI type and names no field the API does not know (its write schemas forbid extra fields).

import { z } from "zod";

import type { components } from "../api/schema";
import { parseDecimal, todayIso } from "../i18n/format";
import { parseDayFirstDate } from "./dates";
import { encodeMessage, invalid } from "./messages";

type Schemas = components["schemas"];

type NoExtraKeys<Out, Body> = [Exclude<keyof Out, keyof Body>] extends [never] ? unknown : never;

/** A form schema whose output is a valid `components["schemas"][N]`, and nothing more. */
export function apiBody<N extends keyof Schemas>() {
  return <S extends z.ZodType<Schemas[N], Record<string, unknown>>>(schema: S & NoExtraKeys<z.output<S>, Schemas[N]>): S =>
    schema;
}

// --- text -----------------------------------------------------------------------------------

/** Required text: trimmed, at least one character (or `min`), at most `max`. */
export function requiredText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(1, { ...invalid("required"), abort: true })
    .min(min, invalid("tooShort", { min }))
    .max(max, invalid("tooLong", { max }));
}

/** Optional text: empty becomes null (the API's "not given"). */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, invalid("tooLong", { max }))
    .transform((text) => (text === "" ? null : text));
}

// --- dates ------------------------------------------------------------------------------------

export interface DateLimits {
  /** Not after this ISO date (e.g. today: no future dates). */
  notAfter?: string | undefined;
  /** Not before this ISO date (e.g. the trajectory's start). */
  notBefore?: string | undefined;
}

function checkDate(text: string, ctx: z.RefinementCtx, limits: DateLimits): string {
  const iso = parseDayFirstDate(text);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: encodeMessage("date") });
    return "";
  }
  if (limits.notAfter !== undefined && iso > limits.notAfter) {
    const today = limits.notAfter === todayIso();
    ctx.addIssue({ code: "custom", message: today ? encodeMessage("dateInFuture") : encodeMessage("dateAfter", { date: limits.notAfter }) });
  }
  if (limits.notBefore !== undefined && iso < limits.notBefore) {
    ctx.addIssue({ code: "custom", message: encodeMessage("dateBefore", { date: limits.notBefore }) });
  }
  return iso;
}

/** A required date typed as dd/mm/jjjj → "YYYY-MM-DD". */
export function requiredDate(limits: DateLimits = {}) {
  return z
    .string()
    .trim()
    .min(1, { ...invalid("required"), abort: true })
    .transform((text, ctx) => checkDate(text, ctx, limits));
}

/** An optional date: empty becomes null. */
export function optionalDate(limits: DateLimits = {}) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => (text === "" ? null : checkDate(text, ctx, limits)));
}

// --- numbers ----------------------------------------------------------------------------------

interface NumberLimits {
  min: number;
  max: number;
  /** Whole numbers only (minutes, scores). */
  whole?: boolean;
}

function checkNumber(text: string, ctx: z.RefinementCtx, { min, max, whole = false }: NumberLimits): number {
  const value = parseDecimal(text);
  if (value === null || (whole && !Number.isInteger(value))) {
    ctx.addIssue({ code: "custom", message: encodeMessage(whole ? "wholeNumber" : "number") });
    return 0;
  }
  if (value < min || value > max) ctx.addIssue({ code: "custom", message: encodeMessage("numberRange", { min, max }) });
  return value;
}

/** A number typed with a comma or a dot ("2,5"). */
export function requiredNumber(limits: NumberLimits) {
  return z
    .string()
    .trim()
    .min(1, { ...invalid("required"), abort: true })
    .transform((text, ctx) => checkNumber(text, ctx, limits));
}

export function optionalNumber(limits: NumberLimits) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => (text === "" ? null : checkNumber(text, ctx, limits)));
}

// --- choices ----------------------------------------------------------------------------------

/** One of the API's values, chosen on purpose: nothing is pre-selected, "" asks to choose. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.enum(values, invalid("choose")));
}

/** An optional choice: "" becomes null. */
export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().pipe(z.union([z.literal("").transform(() => null), z.enum(values, invalid("choose"))]));
}

/** Several of the API's values (checkboxes). */
export function choices<const T extends readonly [string, ...string[]]>(values: T, { min = 0, max = values.length } = {}) {
  return z
    .array(z.string())
    .min(min, invalid("chooseAtLeastOne"))
    .max(max, invalid("chooseAtMost", { max }))
    .pipe(z.array(z.enum(values)));
}

/** A reference to another record by id (a select); "" means none was chosen. */
export function requiredId() {
  return z.string().min(1, invalid("choose"));
}

export function optionalId() {
  return z.string().transform((id) => (id === "" ? null : id));
}

// --- people -----------------------------------------------------------------------------------

/** Belgian national register number: 11 digits with a mod-97 check (born from 2000: "2" before). */
export function isValidInsz(text: string): boolean {
  const digits = text.replace(/[\s.-]/g, "");
  if (!/^\d{11}$/.test(digits)) return false;
  const check = Number(digits.slice(9));
  const body = digits.slice(0, 9);
  return check === 97 - (Number(body) % 97) || check === 97 - (Number(`2${body}`) % 97);
}

export function optionalInsz() {
  return z
    .string()
    .trim()
    .refine((text) => text === "" || isValidInsz(text), invalid("insz"))
    .transform((text) => (text === "" ? null : text.replace(/[\s.-]/g, "")));
}

export function optionalEmail() {
  return z
    .string()
    .trim()
    .max(254, invalid("tooLong", { max: 254 }))
    .refine((text) => text === "" || z.email().safeParse(text).success, invalid("email"))
    .transform((text) => (text === "" ? null : text));
}

const PHONE = /^[0-9+()/. -]{6,40}$/;

export function optionalPhone() {
  return z
    .string()
    .trim()
    .refine((text) => text === "" || PHONE.test(text), invalid("phone"))
    .transform((text) => (text === "" ? null : text));
}

// --- rules across fields ------------------------------------------------------------------------

/** For `.superRefine`: an end date, when given, is not before the start date. */
export function endNotBeforeStart<K extends string, E extends string>(start: K, end: E) {
  return (values: Record<K, string | null> & Record<E, string | null>, ctx: z.RefinementCtx) => {
    const from: string | null = values[start];
    const to: string | null = values[end];
    if (from !== null && to !== null && to < from) ctx.addIssue({ code: "custom", path: [end], message: encodeMessage("endBeforeStart") });
  };
}

/** Ja/nee as two radio buttons: nothing chosen asks to choose. */
export function yesNo() {
  return z
    .string()
    .pipe(z.enum(["yes", "no"], invalid("choose")))
    .transform((answer) => answer === "yes");
}
