import { describe, expect, it } from "vitest";

import { changedFields, ifMatch, rebase, staleChanges } from "./stale";

const FIELDS = ["description", "evaluation", "status", "tags"] as const;
const base = { description: "Op tijd komen", evaluation: "", status: "open", tags: ["a", "b"] };

describe("changedFields", () => {
  it("lists only what this person changed; the order of a list does not count", () => {
    const draft = { ...base, evaluation: "Lukt elke dag", tags: ["b", "a"] };
    expect(changedFields(FIELDS, base, draft)).toEqual(["evaluation"]);
  });

  it("compares a list of rows by their content", () => {
    const members = [
      { organisation_id: "a", partner_role: "work_care" },
      { organisation_id: "b", partner_role: "care" },
    ];
    const fields = ["members"] as const;
    const swapped = { members: [members[1], members[0]] };
    const otherRole = { members: [members[0], { organisation_id: "b", partner_role: "mediation" }] };
    expect(changedFields(fields, { members }, swapped)).toEqual([]);
    expect(changedFields(fields, { members }, otherRole)).toEqual(["members"]);
  });
});

describe("staleChanges", () => {
  it("tells apart mine, theirs and both", () => {
    const draft = { ...base, evaluation: "Lukt elke dag", status: "done" };
    const server = { ...base, description: "Op tijd komen, ook op maandag", status: "dropped" };
    expect(staleChanges(FIELDS, base, draft, server)).toEqual([
      { field: "description", kind: "theirs", mine: "Op tijd komen", server: "Op tijd komen, ook op maandag" },
      { field: "evaluation", kind: "mine", mine: "Lukt elke dag", server: "" },
      { field: "status", kind: "both", mine: "done", server: "dropped" },
    ]);
  });

  it("does not list a field both changed to the same value", () => {
    const draft = { ...base, status: "done" };
    expect(staleChanges(FIELDS, base, draft, draft)).toEqual([]);
  });
});

describe("rebase", () => {
  it("keeps what was typed and takes the stored value for everything else", () => {
    const draft = { ...base, evaluation: "Lukt elke dag" };
    const server = { ...base, description: "Nieuw", evaluation: "Iets anders", status: "done" };
    expect(rebase(FIELDS, base, draft, server)).toEqual({
      description: "Nieuw",
      evaluation: "Lukt elke dag",
      status: "done",
      tags: ["a", "b"],
    });
  });
});

describe("ifMatch", () => {
  it("quotes the version as an entity tag", () => {
    expect(ifMatch(3)).toEqual({ "if-match": '"3"' });
  });
});
