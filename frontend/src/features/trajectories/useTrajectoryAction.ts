import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { isApiError } from "../../api/problem";
import type { StaleRow } from "../../forms/stale";
import { trajectoryChanges, type TrajectoryField } from "./actionForms";
import { loadTrajectory, trajectoryKeys, type Trajectory } from "./api";

/**
 * An action on a trajectory (start, phase change, pause, resume) is meant for the trajectory as
 * the person saw it. The request carries `If-Match` with that version and the server refuses a
 * stale one (412) before anything changes: the dialog then keeps what was typed, shows what
 * changed, and "Opnieuw toepassen" acts on the new version.
 */
export function useTrajectoryAction(trajectory: Trajectory) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState(trajectory);
  const [changed, setChanged] = useState<StaleRow<TrajectoryField>[] | null>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);

  /** After a 412: load the stored trajectory; true when it is a later version (the notice then shows what changed). */
  const movedOn = async (): Promise<boolean> => {
    let stored: Trajectory;
    try {
      stored = await loadTrajectory(base.id);
    } catch (error) {
      setReloadError(error);
      throw error;
    }
    setReloadError(null);
    if (stored.version === base.version) return false;
    setChanged(trajectoryChanges(base, stored));
    setBase(stored);
    // The case file behind the dialog shows the new version too (and its history, for the dates).
    queryClient.setQueryData(trajectoryKeys.detail(stored.id), stored);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trajectoryKeys.phaseChanges(stored.id) }),
      queryClient.invalidateQueries({ queryKey: trajectoryKeys.statusChanges(stored.id) }),
    ]);
    return true;
  };

  /** Sends on the version the person acted on; null when the server found it out of date. */
  const run = async <R>(send: (version: number) => Promise<R>): Promise<R | null> => {
    try {
      const result = await send(base.version);
      setChanged(null);
      return result;
    } catch (error) {
      if (isApiError(error) && error.status === 412 && (await movedOn())) return null;
      throw error;
    }
  };

  return { base, changed, reloadError, run, dismiss: () => setChanged(null) };
}
