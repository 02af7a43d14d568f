// A participant's record as a form: the fields registering someone and correcting their record
// share (zod pieces, starting values, which fields a role may see), and how the history of
// corrections shows a stored value. Pure, so it is unit-tested.

import { z } from "zod";

import { REFERRAL_SOURCES, TARGET_GROUPS } from "../../api/enums";
import type { Schema } from "../../api/types";
import { formatDayFirstDate } from "../../forms/dates";
import { choices, optionalChoice, optionalEmail, optionalInsz, optionalPhone, optionalText, requiredDate, requiredText } from "../../forms/schema";
import type { Participant } from "./api";

/** Languages offered first; their names come from the browser (Intl), in the reader's language. */
export const LANGUAGES = ["nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "ru", "uk", "es", "so", "ti", "prs", "ps"] as const;

/** The languages to offer, with the person's own first when it is not one of ours. */
export function languageOptions(current: string): string[] {
  return current === "" || (LANGUAGES as readonly string[]).includes(current) ? [...LANGUAGES] : [current, ...LANGUAGES];
}

/** The fields of someone's record, as the API names them (ParticipantCreate / ParticipantUpdate). */
export const PARTICIPANT_FIELDS = [
  "first_name",
  "last_name",
  "preferred_name",
  "birth_date",
  "insz",
  "email",
  "phone",
  "address",
  "language",
  "referral_source",
  "target_groups",
] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

/** What the work floor's view (coaches) holds: no INSZ, address, e-mail, target groups or referral source. */
export const WORK_FLOOR_FIELDS = ["first_name", "last_name", "preferred_name", "birth_date", "phone", "language"] as const satisfies readonly ParticipantField[];

/** The fields a person may correct: only those they can read. */
export function editableFields(participant: Pick<Participant, "view">): readonly ParticipantField[] {
  return participant.view === "full" ? PARTICIPANT_FIELDS : WORK_FLOOR_FIELDS;
}

/** Each field's check, from what is typed to what the API takes. */
export function participantFieldSchemas(today: string) {
  return {
    first_name: requiredText(100),
    last_name: requiredText(100),
    preferred_name: optionalText(100),
    birth_date: requiredDate({ notAfter: today, notBefore: "1900-01-01" }),
    insz: optionalInsz(),
    email: optionalEmail(),
    phone: optionalPhone(),
    address: optionalText(300),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
    referral_source: optionalChoice(REFERRAL_SOURCES),
    target_groups: choices(TARGET_GROUPS, { max: 3 }),
  };
}

export type ParticipantValues = Record<Exclude<ParticipantField, "target_groups">, string> & { target_groups: string[] };

export const EMPTY_PARTICIPANT: ParticipantValues = {
  first_name: "",
  last_name: "",
  preferred_name: "",
  birth_date: "",
  insz: "",
  email: "",
  phone: "",
  address: "",
  language: "nl",
  referral_source: "",
  target_groups: [],
};

/** The record as the form shows it: dates as dd/mm/jjjj, nothing as "". Fields outside one's view stay empty. */
export function participantValues(participant: Participant): ParticipantValues {
  const common = {
    ...EMPTY_PARTICIPANT,
    first_name: participant.first_name,
    last_name: participant.last_name,
    preferred_name: participant.preferred_name ?? "",
    birth_date: formatDayFirstDate(participant.birth_date),
    phone: participant.phone ?? "",
    language: participant.language,
  };
  if (participant.view !== "full") return common;
  return {
    ...common,
    insz: participant.insz ?? "",
    email: participant.email ?? "",
    address: participant.address ?? "",
    referral_source: participant.referral_source ?? "",
    target_groups: [...participant.target_groups],
  };
}

export function isParticipantField(field: string): field is ParticipantField {
  return isOneOf(PARTICIPANT_FIELDS, field);
}

type ReferralSource = Schema<"ReferralSource">;
type TargetGroup = Schema<"TargetGroup">;

export interface ValueWords {
  /** An ISO day as a date in the reader's language. */
  date: (iso: string) => string;
  /** A language code as its name. */
  languageName: (code: string) => string;
  referralSource: (code: ReferralSource) => string;
  targetGroup: (code: TargetGroup) => string;
}

function plainText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/**
 * A value as the history (and the 412 notice) shows it: the history stores text (ISO dates, codes,
 * lists joined with ", "); the form holds what was typed. Codes become words; "" for nothing.
 */
export function participantValueText(field: string, value: unknown, words: ValueWords): string {
  const list = (Array.isArray(value) ? value.map(plainText) : plainText(value).split(",")).map((item) => item.trim()).filter(Boolean);
  const text = Array.isArray(value) ? list.join(", ") : plainText(value);
  if (text === "") return "";
  switch (field) {
    case "birth_date":
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? words.date(text) : text;
    case "referral_source":
      return isOneOf(REFERRAL_SOURCES, text) ? words.referralSource(text) : text;
    case "target_groups":
      return list.map((group) => (isOneOf(TARGET_GROUPS, group) ? words.targetGroup(group) : group)).join(", ");
    case "language":
      return words.languageName(text);
    default:
      return text;
  }
}

function isOneOf<T extends string>(values: readonly T[], text: string): text is T {
  return (values as readonly string[]).includes(text);
}
