import { VISIBILITIES } from "../../api/enums";
import type { Visibility } from "./api";

interface Writer {
  role: string;
  bound_by_professional_secrecy: boolean;
}

/**
 * The visibilities this person may write (mirrors the API's rule): health information only by
 * staff bound by professional secrecy, and never by a work-floor coach.
 */
export function writableVisibilities(writer: Writer): readonly Visibility[] {
  return writer.bound_by_professional_secrecy && writer.role !== "coach" ? VISIBILITIES : ["team"];
}

export function isCareNote(visibility: Visibility): boolean {
  return visibility !== "team";
}
