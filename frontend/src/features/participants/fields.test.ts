import { describe, expect, it } from "vitest";
import { z } from "zod";

import { changedFields } from "../../forms/stale";
import type { Participant } from "./api";
import {
  PARTICIPANT_FIELDS,
  WORK_FLOOR_FIELDS,
  editableFields,
  isParticipantField,
  languageOptions,
  participantFieldSchemas,
  participantValues,
  participantValueText,
  type ParticipantValues,
  type ValueWords,
} from "./fields";

const common = {
  id: "p1",
  organisation_id: "o1",
  first_name: "Fatima",
  last_name: "Benali",
  preferred_name: null,
  birth_date: "1990-03-04",
  phone: "0470 12 34 56",
  language: "ar",
  coach: null,
  current_trajectory: null,
  last_contact_on: null,
  overdue_follow_ups: 0,
  overdue_goals: 0,
  created_at: "2026-01-05T09:00:00Z",
  updated_at: "2026-01-05T09:00:00Z",
  version: 3,
};

const full = {
  ...common,
  view: "full",
  insz: "90030412319",
  email: "fatima@example.be",
  address: "Kerkstraat 1, 9000 Gent",
  referral_source: "vdab",
  target_groups: ["social"],
} as Participant;

const workFloor = { ...common, view: "work_floor" } as Participant;

const words: ValueWords = {
  date: (iso) => `date(${iso})`,
  languageName: (code) => `lang(${code})`,
  referralSource: (code) => `source(${code})`,
  targetGroup: (code) => `group(${code})`,
};

describe("participantValues", () => {
  it("shows the full record as the form holds it: dates day first, nothing as empty text", () => {
    expect(participantValues(full)).toEqual({
      first_name: "Fatima",
      last_name: "Benali",
      preferred_name: "",
      birth_date: "04/03/1990",
      insz: "90030412319",
      email: "fatima@example.be",
      phone: "0470 12 34 56",
      address: "Kerkstraat 1, 9000 Gent",
      language: "ar",
      referral_source: "vdab",
      target_groups: ["social"],
    });
  });

  it("leaves what the work floor's view does not hold empty", () => {
    const values = participantValues(workFloor);
    expect(values).toMatchObject({ first_name: "Fatima", birth_date: "04/03/1990", phone: "0470 12 34 56" });
    expect([values.insz, values.email, values.address, values.referral_source]).toEqual(["", "", "", ""]);
    expect(values.target_groups).toEqual([]);
  });
});

describe("editableFields", () => {
  it("offers a coach only the fields the work floor's view holds", () => {
    expect(editableFields(full)).toEqual(PARTICIPANT_FIELDS);
    expect(editableFields(workFloor)).toEqual(WORK_FLOOR_FIELDS);
    expect(editableFields(workFloor)).not.toContain("insz");
    expect(editableFields(workFloor)).not.toContain("address");
  });
});

describe("the PATCH body of a correction", () => {
  const schema = z.object(participantFieldSchemas("2026-11-24"));

  /** What useVersionedEdit sends: the parsed value of each field that differs from the record. */
  function body(participant: Participant, edits: Partial<ParticipantValues>) {
    const before = participantValues(participant);
    const typed = { ...before, ...edits };
    const parsed = schema.parse(typed);
    return Object.fromEntries(changedFields(editableFields(participant), before, typed).map((field) => [field, parsed[field]]));
  }

  it("holds only the changed fields, parsed for the API", () => {
    expect(body(full, { last_name: " Benali-Amrani ", address: "Veldstraat 2, 9000 Gent" })).toEqual({
      last_name: "Benali-Amrani",
      address: "Veldstraat 2, 9000 Gent",
    });
  });

  it("turns a cleared optional field into null and a typed date into ISO", () => {
    expect(body(full, { email: "", birth_date: "5/3/1990" })).toEqual({ email: null, birth_date: "1990-03-05" });
  });

  it("is empty when nothing changed, also for a coach whose hidden fields stay empty", () => {
    expect(body(full, {})).toEqual({});
    expect(body(workFloor, {})).toEqual({});
    expect(body(workFloor, { phone: "09 123 45 67" })).toEqual({ phone: "09 123 45 67" });
  });

  it("compares target groups as a set", () => {
    expect(body({ ...full, target_groups: ["social", "disability"] } as Participant, { target_groups: ["disability", "social"] })).toEqual({});
  });
});

describe("languageOptions", () => {
  it("puts a language we do not list first, so the select shows it", () => {
    expect(languageOptions("nl")[0]).toBe("nl");
    expect(languageOptions("ber")).toEqual(["ber", ...languageOptions("nl")]);
  });
});

describe("participantValueText", () => {
  it("shows stored dates, codes and lists in words", () => {
    expect(participantValueText("birth_date", "1990-03-04", words)).toBe("date(1990-03-04)");
    expect(participantValueText("referral_source", "vdab", words)).toBe("source(vdab)");
    expect(participantValueText("target_groups", "social, disability", words)).toBe("group(social), group(disability)");
    expect(participantValueText("target_groups", ["social"], words)).toBe("group(social)");
    expect(participantValueText("language", "ar", words)).toBe("lang(ar)");
    expect(participantValueText("address", "Kerkstraat 1", words)).toBe("Kerkstraat 1");
  });

  it("shows nothing as empty, and unknown codes or typed dates as they are", () => {
    expect(participantValueText("address", null, words)).toBe("");
    expect(participantValueText("target_groups", [], words)).toBe("");
    expect(participantValueText("referral_source", "", words)).toBe("");
    expect(participantValueText("referral_source", "pigeon", words)).toBe("pigeon");
    expect(participantValueText("birth_date", "04/03/1990", words)).toBe("04/03/1990");
  });
});

describe("isParticipantField", () => {
  it("knows the record's fields", () => {
    expect(isParticipantField("last_name")).toBe(true);
    expect(isParticipantField("version")).toBe(false);
  });
});
