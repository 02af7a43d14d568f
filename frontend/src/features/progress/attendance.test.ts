import { describe, expect, it } from "vitest";

import { halfDayGrid, hoursAxis, lastMondays, weeklyTotals, type AttendanceLike } from "./attendance";
import { orderGoals } from "./goals";

const row = (date: string, half_day: "am" | "pm", hours: number, status: AttendanceLike["status"] = "present"): AttendanceLike => ({
  date,
  half_day,
  hours,
  status,
});

describe("lastMondays", () => {
  it("lists the Mondays of the last weeks, oldest first, ending with this week", () => {
    expect(lastMondays("2026-11-26", 3)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });
});

describe("weeklyTotals", () => {
  it("adds hours and counts half-days per week, including empty weeks", () => {
    const rows = [
      row("2026-11-16", "am", 3),
      row("2026-11-16", "pm", 2.25),
      row("2026-11-18", "am", 0, "sick"),
      row("2026-11-24", "am", 3.1),
      row("2026-11-24", "pm", 0.2),
    ];
    expect(weeklyTotals(rows, ["2026-11-09", "2026-11-16", "2026-11-23"])).toEqual([
      { monday: "2026-11-09", hours: 0, present: 0, absent: 0 },
      { monday: "2026-11-16", hours: 5.25, present: 2, absent: 1 },
      { monday: "2026-11-23", hours: 3.3, present: 2, absent: 0 },
    ]);
  });

  it("ignores rows outside the weeks asked for", () => {
    expect(weeklyTotals([row("2026-10-01", "am", 4)], ["2026-11-23"])).toEqual([{ monday: "2026-11-23", hours: 0, present: 0, absent: 0 }]);
  });
});

describe("halfDayGrid", () => {
  it("puts each mark on its weekday and half-day; nothing recorded is null", () => {
    const [week] = halfDayGrid([row("2026-11-24", "pm", 3), row("2026-11-27", "am", 0, "absent_excused")], ["2026-11-23"]);
    expect(week?.days).toEqual([
      { date: "2026-11-23", am: null, pm: null },
      { date: "2026-11-24", am: null, pm: "present" },
      { date: "2026-11-25", am: null, pm: null },
      { date: "2026-11-26", am: null, pm: null },
      { date: "2026-11-27", am: "absent_excused", pm: null },
    ]);
  });
});

describe("hoursAxis", () => {
  it("rounds the top up to a step of 4 hours for part-time weeks", () => {
    expect(hoursAxis([6.75, 11.25, 14])).toEqual({ max: 16, ticks: [0, 4, 8, 12, 16] });
  });

  it("keeps a minimum height when there is little or nothing", () => {
    expect(hoursAxis([0])).toEqual({ max: 8, ticks: [0, 4, 8] });
    expect(hoursAxis([])).toEqual({ max: 8, ticks: [0, 4, 8] });
  });

  it("uses bigger steps for full-time weeks", () => {
    expect(hoursAxis([38])).toEqual({ max: 40, ticks: [0, 5, 10, 15, 20, 25, 30, 35, 40] });
    expect(hoursAxis([45]).max).toBe(50);
  });
});

describe("orderGoals", () => {
  const goal = (id: string, status: "open" | "done" | "dropped", due_on: string | null, overdue = false) => ({
    id,
    status,
    due_on,
    overdue,
    created_at: `2026-01-0${id.length}T00:00:00Z`,
  });

  it("puts overdue goals first, then open ones by due date, undated last, then closed ones", () => {
    const ordered = orderGoals([
      goal("done", "done", "2026-01-01"),
      goal("undated", "open", null),
      goal("later", "open", "2026-12-24"),
      goal("late", "open", "2026-11-01", true),
      goal("soon", "open", "2026-11-30"),
      goal("dropped", "dropped", null),
    ]);
    expect(ordered.map((g) => g.id)).toEqual(["late", "soon", "later", "undated", "done", "dropped"]);
  });
});
