import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";

import { ErrorMessage, Loading } from "../../components/StatusMessage";
import { useTrajectory } from "../../features/trajectories/api";
import { TRAJECTORY_PARAM } from "./context";

/** /trajecten/:id (links from lists that know only the trajectory) → that participant's dossier. */
export function TrajectoryRedirect() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const trajectory = useTrajectory(trajectoryId);
  if (trajectory.isPending) return <Loading>{t("dossier.loading")}</Loading>;
  if (trajectory.isError) {
    return <ErrorMessage title={t("dossier.error")} error={trajectory.error} onRetry={() => void trajectory.refetch()} />;
  }
  const target = `/deelnemers/${trajectory.data.participant_id}?${TRAJECTORY_PARAM}=${encodeURIComponent(trajectory.data.id)}`;
  return <Navigate to={target} replace />;
}
