import { describe, expect, it } from "vitest";

import {
  buildEntries,
  draftFromRows,
  entryErrors,
  markEmptyPresent,
  markKey,
  markedCount,
  parseHours,
  plannedHoursText,
  unsavedCount,
  withField,
  withStatus,
  type FloorRow,
} from "./floorDay";

const rows: FloorRow[] = [
  { placement_id: "p1", planned_hours_per_half_day: 3, marks: [] },
  {
    placement_id: "p2",
    planned_hours_per_half_day: 10 / 3,
    marks: [{ half_day: "am", hours: 2.5, status: "present", reason: null }],
  },
  { placement_id: "p3", planned_hours_per_half_day: null, marks: [] },
];

describe("the draft of a floor day", () => {
  it("starts from what is saved; the rest is empty", () => {
    const draft = draftFromRows(rows);
    expect(draft[markKey("p2", "am")]).toEqual({ status: "present", hours: "2.5", reason: "" });
    expect(draft[markKey("p1", "pm")]).toEqual({ status: null, hours: "", reason: "" });
    expect(markedCount(draft)).toBe(1);
    expect(unsavedCount(draft, rows)).toBe(0);
  });

  it("fills in the planned hours when marked present, capped and rounded as the API stores them", () => {
    expect(plannedHoursText(3)).toBe("3");
    expect(plannedHoursText(10 / 3)).toBe("3.33");
    expect(plannedHoursText(8)).toBe("5");
    expect(plannedHoursText(null)).toBe("");
    expect(plannedHoursText(0)).toBe("");
    const draft = withStatus(draftFromRows(rows), markKey("p2", "pm"), "present", 10 / 3);
    expect(draft[markKey("p2", "pm")]?.hours).toBe("3.33");
  });

  it("sets 0 hours for an absence and keeps typed hours when staying present", () => {
    const key = markKey("p1", "am");
    let draft = withStatus(draftFromRows(rows), key, "present", 3);
    draft = withField(draft, key, "hours", "2,5");
    expect(withStatus(draft, key, "present", 3)[key]?.hours).toBe("2,5");
    draft = withStatus(draft, key, "sick", 3);
    expect(draft[key]).toEqual({ status: "sick", hours: "0", reason: "" });
    expect(withStatus(draft, key, "present", 3)[key]?.hours).toBe("3");
  });

  it("marks only the empty half-days present", () => {
    const start = withStatus(draftFromRows(rows), markKey("p1", "am"), "sick", 3);
    const draft = markEmptyPresent(start, rows);
    expect(draft[markKey("p1", "am")]?.status).toBe("sick");
    expect(draft[markKey("p1", "pm")]).toEqual({ status: "present", hours: "3", reason: "" });
    expect(draft[markKey("p2", "am")]?.hours).toBe("2.5");
    expect(draft[markKey("p3", "am")]).toEqual({ status: "present", hours: "", reason: "" });
    expect(markedCount(draft)).toBe(6);
    expect(unsavedCount(draft, rows)).toBe(5);
  });
});

describe("parseHours", () => {
  it("accepts 0 to 5 hours with at most two decimals", () => {
    expect(parseHours("0")).toBe(0);
    expect(parseHours("2,5")).toBe(2.5);
    expect(parseHours("3.33")).toBe(3.33);
    expect(parseHours("5")).toBe(5);
    for (const bad of ["5.5", "3.333", "", "-1", "twee"]) expect(parseHours(bad), bad).toBeNull();
  });
});

describe("buildEntries", () => {
  it("sends every marked half-day, in list order, with null for an empty reason", () => {
    let draft = withStatus(draftFromRows(rows), markKey("p1", "pm"), "absent_excused", 3);
    draft = withField(draft, markKey("p1", "pm"), "reason", "  dokter ");
    draft = withStatus(draft, markKey("p1", "am"), "present", 3);
    expect(buildEntries(draft, rows)).toEqual({
      entries: [
        { placement_id: "p1", half_day: "am", status: "present", hours: 3, reason: null },
        { placement_id: "p1", half_day: "pm", status: "absent_excused", hours: 0, reason: "dokter" },
        { placement_id: "p2", half_day: "am", status: "present", hours: 2.5, reason: null },
      ],
      invalid: [],
    });
  });

  it("holds back everything when some hours are not valid, and says which", () => {
    let draft = withStatus(draftFromRows(rows), markKey("p3", "am"), "present", null);
    draft = withStatus(draft, markKey("p1", "am"), "present", 3);
    draft = withField(draft, markKey("p1", "am"), "hours", "7");
    expect(buildEntries(draft, rows).invalid).toEqual([markKey("p1", "am"), markKey("p3", "am")]);
  });
});

describe("entryErrors", () => {
  it("points each 'entries.N' message at its row and keeps the others apart", () => {
    const entries = [
      { placement_id: "p1", half_day: "am" as const, status: "present" as const, hours: 3, reason: null },
      { placement_id: "p2", half_day: "pm" as const, status: "sick" as const, hours: 0, reason: null },
    ];
    const problem = {
      type: "t",
      title: "Invalid",
      status: 422,
      detail: "",
      errors: [
        { field: "body.entries.1.placement_id", message: "is not a placement on this work floor on that date" },
        { field: "date", message: "cannot be in the future" },
      ],
    };
    expect(entryErrors(problem, entries)).toEqual({
      [markKey("p2", "pm")]: "is not a placement on this work floor on that date",
      "": "cannot be in the future",
    });
    expect(entryErrors(null, entries)).toEqual({});
  });
});
