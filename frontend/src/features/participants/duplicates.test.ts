import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/problem";
import { duplicateCandidates, duplicateQuery } from "./duplicates";

const candidate = { id: "p1", first_name: "Fatima", last_name: "Benali", birth_date: "1990-03-04", matched_on: ["name_and_birth_date"] };

describe("duplicateCandidates", () => {
  it("reads the candidates of a 409", () => {
    const error = new ApiError(409, { type: "conflict", title: "Conflict", status: 409, detail: "may exist", candidates: [candidate] } as never);
    expect(duplicateCandidates(error)).toEqual([candidate]);
  });

  it("is null for a 409 without candidates (an INSZ already taken) and for other errors", () => {
    const taken = new ApiError(409, { type: "conflict", title: "Conflict", status: 409, detail: "taken", errors: [{ field: "insz", message: "is already registered" }] });
    expect(duplicateCandidates(taken)).toBeNull();
    expect(duplicateCandidates(new ApiError(422, null))).toBeNull();
    expect(duplicateCandidates(new Error("boom"))).toBeNull();
  });
});

describe("duplicateQuery", () => {
  it("asks by INSZ when one is given, else by full name and birth date", () => {
    expect(duplicateQuery({ first_name: "", last_name: "", birth_date: null, insz: "85073003328" })).toEqual({ insz: "85073003328" });
    expect(duplicateQuery({ first_name: " Fatima ", last_name: "Benali", birth_date: "1990-03-04", insz: null })).toEqual({
      first_name: "Fatima",
      last_name: "Benali",
      birth_date: "1990-03-04",
    });
  });

  it("waits until a name and a birth date are there", () => {
    expect(duplicateQuery({ first_name: "Fatima", last_name: "", birth_date: "1990-03-04", insz: null })).toBeNull();
    expect(duplicateQuery({ first_name: "Fatima", last_name: "Benali", birth_date: null, insz: null })).toBeNull();
  });
});
