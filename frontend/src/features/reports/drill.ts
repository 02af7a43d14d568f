import { createContext, useContext } from "react";

import type { DrillTarget } from "./api";

/** Opens the list of trajectories behind a count; provided once by the dashboard page. */
export const DrillContext = createContext<((target: DrillTarget) => void) | null>(null);

export function useOpenDrill(): (target: DrillTarget) => void {
  const open = useContext(DrillContext);
  if (!open) throw new Error("useOpenDrill outside a DrillProvider");
  return open;
}

/**
 * A count's drill-down, or null when its group cannot be opened (no drill parameters). `choice`
 * names the bar of a split count: `{ phase }` for in_phase, `{ category }` for exits_in_category.
 */
export function drillTarget(
  indicator: DrillTarget["indicator"],
  params: Readonly<Record<string, string>> | null,
  title: string,
  count: number,
  choice: Readonly<Record<string, string>> = {},
): DrillTarget | null {
  return params ? { indicator, params: { ...params, ...choice }, title, count } : null;
}
