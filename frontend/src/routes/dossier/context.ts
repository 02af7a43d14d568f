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

/** The tabs; `needs` names the permission without which the server would refuse the tab's data. */
export const DOSSIER_TABS = [
  { path: "aanwezigheid", key: "attendance" },
  { path: "voortgang", key: "progress" },
  { path: "doelen", key: "goals" },
  { path: "notities", key: "notes", needs: "notes:read" },
  { path: "stages-en-jobs", key: "employment" },
  { path: "uitstroom", key: "outflow" },
  // Who the person shares their file with tells what help they get: administration, not the floor's.
  { path: "toestemmingen", key: "consents", needs: "participants:read_full" },
  { path: "tijdlijn", key: "timeline" },
] as const;

export type DossierTabKey = (typeof DOSSIER_TABS)[number]["key"];

export const TRAJECTORY_PARAM = "traject";
