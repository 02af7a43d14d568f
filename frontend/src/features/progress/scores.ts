import type { Schema } from "../../api/types";

/** A score as the form holds it: "" not filled in, "1"–"4", or "x" for "not observed". */
export type ScoreChoice = "" | "1" | "2" | "3" | "4" | "x";
export const SCORE_CHOICES = ["1", "2", "3", "4", "x"] as const;

/**
 * The form's scores → the API's list. Items left empty are not sent (the log simply has no
 * score for them); "not observed" is sent as null, so the log says it was looked at.
 */
export function scoresForApi(choices: Readonly<Record<string, string | undefined>>): Schema<"ScoreWrite">[] {
  return Object.entries(choices)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([item_code, choice]) => ({ item_code, score: choice === "x" ? null : Number(choice) }));
}
