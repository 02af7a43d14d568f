import { useTranslation } from "react-i18next";

import { WarningBadge } from "../../../components/Badges";
import { TableRegion } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useGoals } from "../api";
import { orderGoals } from "../goals";

/** Goals, overdue ones first and marked in words ("Over tijd"), not by colour alone. */
export function GoalList({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const goals = useGoals(trajectoryId);

  if (goals.isPending) return <Loading>{t("goals.loading")}</Loading>;
  if (goals.isError) return <ErrorMessage title={t("goals.error")} error={goals.error} onRetry={() => void goals.refetch()} />;
  const ordered = orderGoals(goals.data.items);
  if (ordered.length === 0) return <EmptyState>{t("goals.empty")}</EmptyState>;
  const overdue = ordered.filter((goal) => goal.overdue).length;

  return (
    <section aria-labelledby="goals-heading" className="stack">
      <h2 id="goals-heading" className="visually-hidden">
        {t("goals.heading")}
      </h2>
      {overdue > 0 && <p className="alert alert--warning">{t("goals.overdueSummary", { count: overdue })}</p>}
      <TableRegion caption={t("goals.caption")}>
        <thead>
          <tr>
            <th scope="col">{t("goals.description")}</th>
            <th scope="col">{t("goals.domain")}</th>
            <th scope="col">{t("goals.due")}</th>
            <th scope="col">{t("goals.status")}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((goal) => (
            <tr key={goal.id} className={goal.overdue ? "table__row--warning" : goal.status === "open" ? undefined : "table__row--inactive"}>
              <th scope="row">
                {goal.description}
                {goal.evaluation && (
                  <span className="table__note">
                    {t("goals.evaluation")}: {goal.evaluation}
                  </span>
                )}
              </th>
              <td>{t(`goalDomain.${goal.domain}`)}</td>
              <td className="table__nowrap">{goal.due_on ? format.date(goal.due_on) : <span className="muted">{t("goals.noDue")}</span>}</td>
              <td>
                {goal.overdue ? <WarningBadge>{t("goals.overdue")}</WarningBadge> : t(`goalStatus.${goal.status}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </section>
  );
}
