// Dates typed the Belgian way. People write "24/11/2026", "24-11-26" or "24.11.2026"; the API
// wants "2026-11-24". A text field (not <input type="date">) keeps the day-month order the same
// in every browser, whatever its own language, and lets screen readers read what was typed.

import { parseIsoDate, toIsoDate } from "../i18n/format";

const DAY_FIRST = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Two-digit years: "26" is 2026 when that is not more than ten years ahead, else 1926 ("85" → 1985),
 * which fits both appointments and birth dates.
 */
function fullYear(text: string, today: Date): number {
  const year = Number(text);
  if (text.length === 4) return year;
  const century = Math.floor(today.getFullYear() / 100) * 100;
  return century + year > today.getFullYear() + 10 ? century - 100 + year : century + year;
}

/** What a person typed → "YYYY-MM-DD", or null when it is no real calendar date. */
export function parseDayFirstDate(text: string, today: Date = new Date()): string | null {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) return parseIsoDate(trimmed) ? trimmed : null;
  const match = DAY_FIRST.exec(trimmed);
  if (!match) return null;
  const [, day = "", month = "", year = ""] = match;
  const date = new Date(fullYear(year, today), Number(month) - 1, Number(day));
  if (date.getDate() !== Number(day) || date.getMonth() !== Number(month) - 1) return null;
  return toIsoDate(date);
}

/** "2026-11-24" → "24/11/2026", the form's way of showing a date; "" for none. */
export function formatDayFirstDate(iso: string | null | undefined): string {
  const date = parseIsoDate(iso);
  if (!date) return "";
  const day = String(date.getDate()).padStart(2, "0");
  const month = String(date.getMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${date.getFullYear()}`;
}
