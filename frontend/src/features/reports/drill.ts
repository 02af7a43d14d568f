import { createContext, useContext } from "react";

import type { DrillTarget } from "./api";

/** Opens the list of trajectories behind a count; provided once by the dashboard page. */
export const DrillContext = createContext<((target: DrillTarget) => void) | null>(null);

export function useOpenDrill(): (target: DrillTarget) => void {
  const open = useContext(DrillContext);
  if (!open) throw new Error("useOpenDrill outside a DrillProvider");
  return open;
}

/** A count's drill-down, or null when its group cannot be opened (no drill parameters). */
export function drillTarget(
  indicator: DrillTarget["indicator"],
  params: Readonly<Record<string, string>> | null,
  title: string,
  count: number,
): DrillTarget | null {
  return params ? { indicator, params, title, count } : null;
}
