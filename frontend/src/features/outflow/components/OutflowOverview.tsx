import { useTranslation } from "react-i18next";

import { TableRegion, YesNo } from "../../../components/DataTable";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useFollowUps, useOutflow } from "../api";

function FollowUps({ trajectoryId }: { trajectoryId: string }) {
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
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

export function OutflowOverview({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const outflow = useOutflow(trajectoryId);

  return (
    <div className="stack">
      <section aria-labelledby="outflow-heading" className="stack">
        <h2 id="outflow-heading">{t("outflow.heading")}</h2>
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
        <h2 id="follow-ups-heading">{t("outflow.followUps")}</h2>
        <FollowUps trajectoryId={trajectoryId} />
      </section>
    </div>
  );
}
