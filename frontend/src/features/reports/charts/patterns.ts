import { useId } from "react";

export type PatternKind = "hatch" | "dots" | "cross";
/** Colour families from app.css (`.pattern--exit` …); the pattern itself carries the meaning. */
export type PatternTone = "exit" | "other" | "unknown" | "muted";

export interface PatternDef {
  name: string;
  kind: PatternKind;
  tone: PatternTone;
}

/** The fills the dashboard uses, so a legend swatch and its chart always match. */
export const PATTERNS = {
  exits: { name: "exits", kind: "hatch", tone: "exit" },
  other: { name: "other", kind: "hatch", tone: "other" },
  notWorking: { name: "not-working", kind: "hatch", tone: "other" },
  outside: { name: "outside", kind: "dots", tone: "unknown" },
  unknown: { name: "unknown", kind: "dots", tone: "unknown" },
} as const satisfies Record<string, PatternDef>;

/** A DOM id that is safe inside `url(#…)`. */
export function useSvgId(): string {
  return `c${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export function patternUrl(prefix: string, pattern: PatternDef): string {
  return `url(#${prefix}-${pattern.name})`;
}

/** Point shapes for line charts, so lines are told apart without colour. */
export const MARKERS = ["circle", "square", "triangle", "diamond", "cross", "triangleDown"] as const;
export type MarkerShape = (typeof MARKERS)[number];
