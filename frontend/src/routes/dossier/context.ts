import { useOutletContext } from "react-router";

import type { Me } from "../../features/auth/api";
import type { Participant } from "../../features/participants/api";
import type { Trajectory } from "../../features/trajectories/api";

export interface DossierContext {
  me: Me;
  participant: Participant;
  /** The trajectory being looked at (the current one unless ?traject= picks another). */
  trajectory: Trajectory;
}

/** For the dossier's tabs, which DossierLayout renders only once participant and trajectory are loaded. */
export function useDossier(): DossierContext {
  return useOutletContext<DossierContext>();
}

export const DOSSIER_TABS = [
  { path: "aanwezigheid", key: "attendance" },
  { path: "voortgang", key: "progress" },
  { path: "doelen", key: "goals" },
  { path: "notities", key: "notes" },
  { path: "stages-en-jobs", key: "employment" },
  { path: "uitstroom", key: "outflow" },
  { path: "tijdlijn", key: "timeline" },
] as const;

export type DossierTabKey = (typeof DOSSIER_TABS)[number]["key"];

export const TRAJECTORY_PARAM = "traject";
