import { useState } from "react";
import { useTranslation } from "react-i18next";

import { WarningBadge } from "../../../components/Badges";
import { TableRegion } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useGoals, type Goal } from "../api";
import { orderGoals } from "../goals";
import { AddGoalDialog, EditGoalDialog } from "./GoalDialogs";

type Open = { kind: "add" } | { kind: "edit" | "complete"; goal: Goal } | null;

/** Goals, overdue ones first and marked in words ("Over tijd"), not by colour alone. */
export function GoalList({ trajectoryId, canWrite }: { trajectoryId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const goals = useGoals(trajectoryId);
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const show = (next: Open) => {
    setDone(null);
    setOpen(next);
  };
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
  };

  let body;
  if (goals.isPending) body = <Loading>{t("goals.loading")}</Loading>;
  else if (goals.isError) body = <ErrorMessage title={t("goals.error")} error={goals.error} onRetry={() => void goals.refetch()} />;
  else {
    const ordered = orderGoals(goals.data.items);
    body = ordered.length === 0 ? <EmptyState>{t("goals.empty")}</EmptyState> : (
      <GoalTable goals={ordered} canWrite={canWrite} onEdit={(goal) => show({ kind: "edit", goal })} onComplete={(goal) => show({ kind: "complete", goal })} />
    );
  }

  return (
    <section aria-labelledby="goals-heading" className="stack">
      <div className="section-head">
        <h2 id="goals-heading">{t("goals.heading")}</h2>
        {canWrite && (
          <button type="button" className="button button--primary" onClick={() => show({ kind: "add" })}>
            {t("goals.add.open")}
          </button>
        )}
      </div>
      <div role="status">{done && <p className="alert alert--success">{done}</p>}</div>
      {body}
      {open?.kind === "add" && <AddGoalDialog trajectoryId={trajectoryId} onClose={() => setOpen(null)} onDone={finish} />}
      {(open?.kind === "edit" || open?.kind === "complete") && (
        <EditGoalDialog goal={open.goal} completing={open.kind === "complete"} onClose={() => setOpen(null)} onDone={finish} />
      )}
    </section>
  );
}

interface GoalTableProps {
  goals: Goal[];
  canWrite: boolean;
  onEdit: (goal: Goal) => void;
  onComplete: (goal: Goal) => void;
}

function GoalTable({ goals, canWrite, onEdit, onComplete }: GoalTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const overdue = goals.filter((goal) => goal.overdue).length;
  return (
    <>
      {overdue > 0 && <p className="alert alert--warning">{t("goals.overdueSummary", { count: overdue })}</p>}
      <TableRegion caption={t("goals.caption")}>
        <thead>
          <tr>
            <th scope="col">{t("goals.description")}</th>
            <th scope="col">{t("goals.domain")}</th>
            <th scope="col">{t("goals.due")}</th>
            <th scope="col">{t("goals.status")}</th>
            {canWrite && (
              <th scope="col">
                <span className="visually-hidden">{t("goals.actions")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {goals.map((goal) => (
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
              {canWrite && (
                <td>
                  <div className="row-actions">
                    {goal.status === "open" && (
                      <button type="button" className="button button--secondary" onClick={() => onComplete(goal)}>
                        {t("goals.complete")}
                        <span className="visually-hidden">: {goal.description}</span>
                      </button>
                    )}
                    <button type="button" className="button button--ghost" onClick={() => onEdit(goal)}>
                      {t("goals.editOpen")}
                      <span className="visually-hidden">: {goal.description}</span>
                    </button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </>
  );
}
