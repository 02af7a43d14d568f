import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PhaseBadge } from "../../../components/Badges";
import { LoadMore, TableRegion } from "../../../components/DataTable";
import { Dialog } from "../../../components/Dialog";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { useDrillRows, type DrillRow, type DrillTarget } from "../api";

interface DrillDialogProps {
  target: DrillTarget | null;
  onClose: () => void;
  frameworkName: (code: string) => string;
  /** Work floor names the dashboard already knows, by id. */
  floorName: (id: string) => string | null;
}

function Name({ row }: { row: DrillRow }) {
  const { t } = useTranslation();
  // Names exactly as the API gives them: initials where the caller may not open the file.
  if (row.name_visible && row.participant_id) {
    return (
      <Link to={`/deelnemers/${row.participant_id}`} className="table__link">
        {row.participant_name}
      </Link>
    );
  }
  return (
    <>
      {row.participant_name}
      <span className="table__note">{t("dashboard.drill.initialsOnly")}</span>
    </>
  );
}

function Rows({ target, frameworkName, floorName }: Omit<DrillDialogProps, "onClose" | "target"> & { target: DrillTarget }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useDrillRows(target);
  if (list.isPending) return <Loading>{t("dashboard.drill.loading")}</Loading>;
  if (list.isError && !list.isFetchNextPageError) {
    return <ErrorMessage title={t("dashboard.drill.error")} error={list.error} onRetry={() => void list.refetch()} />;
  }
  const rows = list.data.pages.flatMap((page) => page.items);
  const total = list.data.pages.at(-1)?.total ?? 0;
  if (rows.length === 0) return <EmptyState>{t("dashboard.drill.empty")}</EmptyState>;
  const dash = <span className="muted">–</span>;
  return (
    <>
      <div className="drill-table">
        <TableRegion caption={target.title}>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.drill.participant")}</th>
              <th scope="col">{t("dashboard.drill.organisation")}</th>
              <th scope="col">{t("dashboard.drill.phase")}</th>
              <th scope="col">{t("dashboard.drill.started")}</th>
              <th scope="col">{t("dashboard.drill.ended")}</th>
              <th scope="col">{t("dashboard.drill.outflow")}</th>
              <th scope="col">{t("dashboard.drill.paidWork")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const floor = row.work_floor_id ? floorName(row.work_floor_id) : null;
              return (
                <tr key={row.trajectory_id}>
                  <th scope="row">
                    <Name row={row} />
                  </th>
                  <td>
                    {row.organisation_name}
                    <span className="table__note">
                      {frameworkName(row.framework_code)}
                      {floor ? ` · ${floor}` : ""}
                    </span>
                  </td>
                  <td>
                    <PhaseBadge phase={row.phase} />
                    <span className="table__note">{t(`trajectoryStatus.${row.status}`)}</span>
                  </td>
                  <td className="table__nowrap">{row.started_on ? format.date(row.started_on) : dash}</td>
                  <td className="table__nowrap">{row.ended_on ? format.date(row.ended_on) : dash}</td>
                  <td>
                    {row.outflow_category ? (
                      <>
                        {t(`outflowCategory.${row.outflow_category}`)}
                        {row.outflow_date && <span className="table__note">{format.date(row.outflow_date)}</span>}
                      </>
                    ) : (
                      dash
                    )}
                  </td>
                  <td className="table__nowrap">{row.paid_work_on ? format.date(row.paid_work_on) : dash}</td>
                </tr>
              );
            })}
          </tbody>
        </TableRegion>
      </div>
      {list.isFetchNextPageError && <ErrorMessage title={t("dashboard.drill.error")} error={list.error} />}
      <LoadMore
        shown={rows.length}
        total={total}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
      />
    </>
  );
}

/** The trajectories behind a count, with the same filters and scope as the figure. */
export function DrillDialog({ target, onClose, frameworkName, floorName }: DrillDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={target !== null}
      title={target?.title ?? ""}
      description={target ? t("dashboard.drill.description", { count: target.count }) : undefined}
      onClose={onClose}
      wide
    >
      {target && <Rows target={target} frameworkName={frameworkName} floorName={floorName} />}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
