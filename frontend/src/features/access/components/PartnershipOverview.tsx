import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { isPhase, isTrajectoryStatus, PHASES, TRAJECTORY_STATUSES } from "../../../api/enums";
import { PhaseBadge, StatusBadge } from "../../../components/Badges";
import { LoadMore, TableRegion } from "../../../components/DataTable";
import { SelectField } from "../../../components/Fields";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useUpdateSearchParams, withParam } from "../../../components/useUpdateSearchParams";
import { useTrajectorySummaries, type SummaryQuery } from "../api";

interface PartnershipOverviewProps {
  frameworkName: (code: string) => string;
  ownOrganisationId: string;
}

/** Trajectories of the partnership: the own organisation's in full, the partners' as a summary. */
export function PartnershipOverview({ frameworkName, ownOrganisationId }: PartnershipOverviewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const updateParams = useUpdateSearchParams();
  const phase = params.get("fase");
  const status = params.get("status");
  const query: SummaryQuery = { phase: isPhase(phase) ? phase : undefined, status: isTrajectoryStatus(status) ? status : undefined };
  const list = useTrajectorySummaries(query);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const setFilter = (name: string, value: string) => updateParams((current) => withParam(current, name, value));

  return (
    <div className="stack">
      <div className="panel toolbar toolbar--inline" role="search" aria-label={t("partnership.filtersLabel")}>
        <SelectField label={t("caseload.phase")} value={isPhase(phase) ? phase : ""} onChange={(event) => setFilter("fase", event.target.value)}>
          <option value="">{t("caseload.any")}</option>
          {PHASES.map((value) => (
            <option key={value} value={value}>
              {t(`phase.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("caseload.status")} value={isTrajectoryStatus(status) ? status : ""} onChange={(event) => setFilter("status", event.target.value)}>
          <option value="">{t("caseload.any")}</option>
          {TRAJECTORY_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`trajectoryStatus.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {list.isPending ? (
        <Loading>{t("partnership.loading")}</Loading>
      ) : list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage title={t("partnership.error")} error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t("partnership.empty")}</EmptyState>
      ) : (
        <>
          <TableRegion caption={t("partnership.caption")}>
            <thead>
              <tr>
                <th scope="col">{t("partnership.initials")}</th>
                <th scope="col">{t("partnership.framework")}</th>
                <th scope="col">{t("caseload.phase")}</th>
                <th scope="col">{t("caseload.status")}</th>
                <th scope="col">{t("partnership.whose")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((summary) => (
                <tr key={summary.id}>
                  <th scope="row">
                    <Link to={`/trajecten/${summary.id}`} className="table__link">
                      {summary.participant_initials}
                    </Link>
                  </th>
                  <td>
                    {frameworkName(summary.framework_code)}
                    <span className="table__note">{t("summaryView.since", { date: format.date(summary.referred_on) })}</span>
                  </td>
                  <td>
                    <PhaseBadge phase={summary.phase} />
                  </td>
                  <td>
                    <StatusBadge status={summary.status} />
                  </td>
                  <td>{summary.organisation_id === ownOrganisationId ? t("partnership.own") : t("partnership.partner")}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
          <LoadMore shown={items.length} total={total} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
        </>
      )}
    </div>
  );
}
