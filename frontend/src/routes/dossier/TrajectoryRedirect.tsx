import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";

import { isApiError } from "../../api/problem";
import { ErrorMessage, Loading } from "../../components/StatusMessage";
import { useTrajectorySummary } from "../../features/access/api";
import { DossierNotFound } from "../../features/access/components/DossierNotFound";
import { SummaryView } from "../../features/access/components/SummaryView";
import { useFrameworkName, useTrajectory } from "../../features/trajectories/api";
import { useCurrentUser } from "../currentUser";
import { mayBreakGlass } from "./access";
import { TRAJECTORY_PARAM } from "./context";

/**
 * /trajecten/:id (links from lists that know only the trajectory): the participant's dossier when
 * you may see it, the summary when your organisation is a partner, else "not found" — with
 * emergency access offered to secrecy-bound care staff.
 */
export function TrajectoryRedirect() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { trajectoryId = "" } = useParams();
  const trajectory = useTrajectory(trajectoryId);
  const hidden = isApiError(trajectory.error) && trajectory.error.status === 404;
  const summary = useTrajectorySummary(trajectoryId, hidden);
  const frameworkName = useFrameworkName();

  if (trajectory.isPending || (hidden && summary.isPending)) return <Loading>{t("dossier.loading")}</Loading>;
  if (hidden && summary.isSuccess) {
    if (summary.data) return <SummaryView summary={summary.data} frameworkName={frameworkName} />;
    return <DossierNotFound trajectoryId={trajectoryId} mayBreakGlass={mayBreakGlass(me)} />;
  }
  if (trajectory.isError || summary.isError) {
    const error = trajectory.isError && !hidden ? trajectory.error : summary.error;
    return <ErrorMessage title={t("dossier.error")} error={error} onRetry={() => void trajectory.refetch()} />;
  }
  const target = `/deelnemers/${trajectory.data.participant_id}?${TRAJECTORY_PARAM}=${encodeURIComponent(trajectory.data.id)}`;
  return <Navigate to={target} replace />;
}
