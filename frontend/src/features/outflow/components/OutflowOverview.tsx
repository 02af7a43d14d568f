import { useTranslation } from "react-i18next";

import { TableRegion, YesNo } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { SectionHead } from "../../../components/SectionHead";
import { useDialogs } from "../../../components/useDialogs";
import { useFollowUps, useOutflow, type FollowUp } from "../api";
import { FollowUpDialog, OutflowDialog, type LinkOption } from "./OutflowDialogs";

function FollowUps({ trajectoryId, onResult }: { trajectoryId: string; onResult: ((followUp: FollowUp) => void) | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const followUps = useFollowUps(trajectoryId);

  if (followUps.isPending) return <Loading>{t("outflow.loading")}</Loading>;
  if (followUps.isError) {
    return <ErrorMessage title={t("outflow.error")} error={followUps.error} onRetry={() => void followUps.refetch()} />;
  }
  if (followUps.data.items.length === 0) return <EmptyState>{t("outflow.noFollowUps")}</EmptyState>;
  return (
    <TableRegion caption={t("outflow.caption")}>
      <thead>
        <tr>
          <th scope="col">{t("outflow.moment")}</th>
          <th scope="col">{t("outflow.contacted")}</th>
          <th scope="col">{t("outflow.status")}</th>
          <th scope="col">{t("outflow.hours")}</th>
          <th scope="col">{t("outflow.source")}</th>
          {onResult && (
            <th scope="col">
              <span className="visually-hidden">{t("goals.actions")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {followUps.data.items.map((followUp) => (
          <tr key={followUp.id}>
            <th scope="row" className="table__nowrap">
              {format.date(followUp.due_on)}
              {followUp.months_after !== null && (
                <span className="table__note">{t("outflow.monthsAfter", { count: followUp.months_after })}</span>
              )}
            </th>
            <td className="table__nowrap">
              {followUp.contacted_on ? format.date(followUp.contacted_on) : <span className="muted">{t("outflow.notYet")}</span>}
            </td>
            <td>
              {followUp.status ? t(`followUpStatus.${followUp.status}`) : ""}
              {followUp.note && <span className="table__note">{followUp.note}</span>}
            </td>
            <td className="table__number">{format.number(followUp.hours_per_week)}</td>
            <td>{followUp.source ? t(`followUpSource.${followUp.source}`) : ""}</td>
            {onResult && (
              <td>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t("outflow.result.openLabel", { date: format.date(followUp.due_on, "long") })}
                  onClick={() => onResult(followUp)}
                >
                  {t("outflow.result.open")}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

type OutflowDialogKind = { kind: "outflow" } | { kind: "result"; followUp: FollowUp };

interface OutflowOverviewProps {
  trajectoryId: string;
  /** May record the outflow (trajectories:manage) while the trajectory is open and not yet out. */
  canRecord: boolean;
  /** May fill in follow-up results (employment:write). */
  canFollowUp: boolean;
  /** The day the current phase began. */
  earliest: string;
  jobs: readonly LinkOption[];
  internships: readonly LinkOption[];
}

export function OutflowOverview({ trajectoryId, canRecord, canFollowUp, earliest, jobs, internships }: OutflowOverviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const outflow = useOutflow(trajectoryId);
  const dialogs = useDialogs<OutflowDialogKind>();

  return (
    <div className="stack stack--sections">
      <section aria-labelledby="outflow-heading" className="stack">
        <SectionHead id="outflow-heading" title={t("outflow.heading")} message={dialogs.message}>
          {canRecord && outflow.data === null && (
            <button type="button" className="button button--primary" onClick={() => dialogs.show({ kind: "outflow" })}>
              {t("outflow.record.open")}
            </button>
          )}
        </SectionHead>
        {outflow.isPending ? (
          <Loading>{t("outflow.loading")}</Loading>
        ) : outflow.isError ? (
          <ErrorMessage title={t("outflow.error")} error={outflow.error} onRetry={() => void outflow.refetch()} />
        ) : outflow.data === null ? (
          <EmptyState>{t("outflow.none")}</EmptyState>
        ) : (
          <dl className="details card">
            <div>
              <dt>{t("outflow.date")}</dt>
              <dd>{format.date(outflow.data.date, "long")}</dd>
            </div>
            <div>
              <dt>{t("outflow.category")}</dt>
              <dd>{t(`outflowCategory.${outflow.data.category}`)}</dd>
            </div>
            <div>
              <dt>{t("outflow.paid")}</dt>
              <dd>
                <YesNo value={outflow.data.paid} />
              </dd>
            </div>
            <div>
              <dt>{t("outflow.countedInRates")}</dt>
              <dd>
                <YesNo value={outflow.data.counted_in_rates} />
              </dd>
            </div>
            {outflow.data.reason && (
              <div>
                <dt>{t("outflow.reason")}</dt>
                <dd>{outflow.data.reason}</dd>
              </div>
            )}
          </dl>
        )}
      </section>
      <section aria-labelledby="follow-ups-heading" className="stack">
        <SectionHead id="follow-ups-heading" title={t("outflow.followUps")} />
        <FollowUps trajectoryId={trajectoryId} onResult={canFollowUp ? (followUp) => dialogs.show({ kind: "result", followUp }) : null} />
      </section>
      {dialogs.open?.kind === "outflow" && (
        <OutflowDialog
          trajectoryId={trajectoryId}
          earliest={earliest}
          jobs={jobs}
          internships={internships}
          onClose={dialogs.close}
          onDone={dialogs.finish}
        />
      )}
      {dialogs.open?.kind === "result" && <FollowUpDialog followUp={dialogs.open.followUp} onClose={dialogs.close} onDone={dialogs.finish} />}
    </div>
  );
}
