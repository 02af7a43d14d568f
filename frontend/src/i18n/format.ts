// Dates and numbers the way a Flemish reader expects them (nl-BE), or British English.
// API dates are calendar dates ("2026-11-24") without a time zone: they are read and written as
// local dates, never through `new Date("2026-11-24")` (which is UTC midnight and can shift a day).

import type { Language } from "./index";

const LOCALES: Record<Language, string> = { nl: "nl-BE", en: "en-GB" };

export function localeFor(language: string | undefined): string {
  return language === "en" ? LOCALES.en : LOCALES.nl;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-24" → a local Date at midnight, or null for anything that is not a real date. */
export function parseIsoDate(value: string | null | undefined): Date | null {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date;
}

/** A local Date → "2026-11-24". */
export function toIsoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, "0");
  const day = String(date.getDate()).padStart(2, "0");
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Today on this device's calendar (not UTC's). */
export function todayIso(now: Date = new Date()): string {
  return toIsoDate(now);
}

export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a date: ${iso}`);
  date.setDate(date.getDate() + days);
  return toIsoDate(date);
}

/** The Monday of the ISO week that holds this date. */
export function mondayOf(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a date: ${iso}`);
  const offset = (date.getDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setDate(date.getDate() - offset);
  return toIsoDate(date);
}

/** Whole days from `from` to `to` (negative when `to` is earlier); DST-safe. */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new RangeError(`not a date: ${from} / ${to}`);
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export type DateStyle = "short" | "medium" | "long" | "weekday" | "dayMonth" | "weekdayShort" | "weekdayOnly";

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: "2-digit", month: "2-digit", year: "numeric" }, // 24/11/2026
  medium: { day: "numeric", month: "short", year: "numeric" }, // 24 nov 2026
  long: { day: "numeric", month: "long", year: "numeric" }, // 24 november 2026
  weekday: { weekday: "long", day: "numeric", month: "long", year: "numeric" }, // dinsdag 24 november 2026
  dayMonth: { day: "numeric", month: "short" }, // 24 nov
  weekdayShort: { weekday: "short", day: "numeric" }, // di 24
  weekdayOnly: { weekday: "short" }, // di
};

/** A calendar date for people; what cannot be read is shown as given. */
export function formatDate(iso: string | null | undefined, locale: string, style: DateStyle = "medium"): string {
  if (!iso) return "";
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, DATE_OPTIONS[style]).format(date);
}

/** An instant (ISO 8601 with time zone) as a local date and time. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** 12.5 → "12,5" in nl-BE; at most `maxFraction` decimals, no trailing zeros. */
export function formatNumber(value: number | null | undefined, locale: string, maxFraction = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFraction }).format(value);
}

/** A decimal string from the API ("14.85") as money: "€ 14,85". */
export function formatEuro(value: string | number | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === "") return "";
  const amount = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(amount)) return String(value);
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(amount);
}

/**
 * What a person types in an hours field ("2,5", "2.5", " 3 ") → a number, or null when it is not
 * one. Belgian keyboards give a comma; browsers' number inputs may give a dot.
 */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}
