// Turning a placement's attendance rows into what the dossier shows: a grid of half-days per
// week and the hours worked per week (the growing *belastbaarheid*).

import type { AttendanceStatus, HalfDay } from "../../api/enums";
import { addDays, mondayOf } from "../../i18n/format";

export interface AttendanceLike {
  date: string;
  half_day: HalfDay;
  hours: number;
  status: AttendanceStatus;
}

/** The Mondays of the last `count` weeks, oldest first; the last one is this week's. */
export function lastMondays(today: string, count: number): string[] {
  const thisMonday = mondayOf(today);
  return Array.from({ length: count }, (_, index) => addDays(thisMonday, -7 * (count - 1 - index)));
}

export interface WeekTotal {
  monday: string;
  hours: number;
  present: number;
  absent: number;
}

/** Hours and half-days per week (a row counts in the week its date falls in). */
export function weeklyTotals(rows: readonly AttendanceLike[], mondays: readonly string[]): WeekTotal[] {
  const totals = new Map<string, WeekTotal>(mondays.map((monday) => [monday, { monday, hours: 0, present: 0, absent: 0 }]));
  for (const row of rows) {
    const week = totals.get(mondayOf(row.date));
    if (!week) continue;
    week.hours += row.hours;
    if (row.status === "present") week.present += 1;
    else week.absent += 1;
  }
  // Decimal hours (2.25 + 0.1 …) are summed as floats: round to what a person would write.
  return [...totals.values()].map((week) => ({ ...week, hours: Math.round(week.hours * 100) / 100 }));
}

export const WORKDAYS = 5;

export interface WeekGrid {
  monday: string;
  /** Monday … Friday, each with the morning and afternoon mark (null: nothing recorded). */
  days: { date: string; am: AttendanceStatus | null; pm: AttendanceStatus | null }[];
}

export function halfDayGrid(rows: readonly AttendanceLike[], mondays: readonly string[]): WeekGrid[] {
  const marks = new Map(rows.map((row) => [`${row.date}:${row.half_day}`, row.status]));
  return mondays.map((monday) => ({
    monday,
    days: Array.from({ length: WORKDAYS }, (_, offset) => {
      const date = addDays(monday, offset);
      return { date, am: marks.get(`${date}:am`) ?? null, pm: marks.get(`${date}:pm`) ?? null };
    }),
  }));
}

/** A round upper bound for the hours axis, with its gridlines (every 4, 5 or 10 hours). */
export function hoursAxis(values: readonly number[]): { max: number; ticks: number[] } {
  const highest = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  const step = highest > 40 ? 10 : highest > 20 ? 5 : 4;
  const max = Math.max(step * 2, Math.ceil(highest / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}
