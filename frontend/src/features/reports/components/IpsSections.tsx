import { useTranslation } from "react-i18next";

import { ErrorMessage, Loading } from "../../../components/StatusMessage";
import type { CaseloadReport, IndicatorGroup } from "../api";
import { CASELOAD_CHART_STAFF, CaseloadChart } from "../charts/CaseloadChart";
import { useDefinitionText } from "../definitions";
import { IPS_CHART_QUARTERS, IpsChart } from "../charts/IpsChart";
import { drillTarget } from "../drill";
import { ipsQuarters, isPartial, type IpsQuarter } from "../figures";
import { isIpsBand } from "../scale";
import type { TableSpec } from "../table";
import type { ReportFormat } from "../useReportFormat";
import { ChartPanel } from "./ChartPanel";
import { DrillCount } from "./DrillCount";

interface IpsSectionProps {
  overall: IndicatorGroup;
  quarters: readonly IndicatorGroup[];
  format: ReportFormat;
  periodText: string;
  fileSuffix: string;
  busy: boolean;
}

export function IpsSection({ overall, quarters, format, periodText, fileSuffix, busy }: IpsSectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const rows = ipsQuarters(quarters);
  const bandName = (band: string | null) => (isIpsBand(band) ? t(`dashboard.ips.band.${band}`) : t("dashboard.ips.noBand"));
  const target = (quarter: IpsQuarter) =>
    drillTarget(
      "competitive_employment",
      quarter.drill,
      t("dashboard.drill.title", { what: t("dashboard.what.competitive"), period: format.period(quarter.key) }),
      quarter.rate.numerator,
    );
  const rate = overall.ips.competitive_employment_rate;
  const table: TableSpec = {
    caption: t("dashboard.ips.title"),
    columns: [
      { key: "quarter", label: t("dashboard.ips.quarter"), kind: "text" },
      { key: "share", label: t("dashboard.ips.share"), kind: "share" },
      { key: "working", label: t("dashboard.ips.working"), kind: "count" },
      { key: "inTrajectory", label: t("dashboard.ips.inTrajectory"), kind: "count" },
      { key: "band", label: t("dashboard.ips.bandColumn"), kind: "text" },
    ],
    rows: rows.map((quarter) => {
      const one = target(quarter);
      return {
        key: quarter.key,
        cells: {
          quarter: `${format.period(quarter.key)}${isPartial(quarter) ? "*" : ""}`,
          share: quarter.rate.value,
          working: quarter.rate.numerator,
          inTrajectory: quarter.rate.denominator,
          band: bandName(quarter.band),
        },
        ...(one ? { drill: { working: one } } : {}),
      };
    }),
  };
  return (
    <ChartPanel
      title={t("dashboard.ips.title")}
      intro={definition("ips.competitive_employment_rate")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={rows.every((quarter) => quarter.rate.denominator === 0) ? t("dashboard.ips.empty") : null}
      footer={
        <>
          <p className="report-panel__footer">
            {t("dashboard.ips.period", { share: format.share(rate.value), band: bandName(overall.ips.competitive_employment_band) })}{" "}
            <DrillCount
              target={drillTarget(
                "competitive_employment",
                overall.drill,
                t("dashboard.drill.title", { what: t("dashboard.what.competitive"), period: periodText }),
                rate.numerator,
              )}
            >
              {t("dashboard.kpi.nOfM", { n: format.count(rate.numerator), m: format.count(rate.denominator) })}
            </DrillCount>
          </p>
          {rows.length > IPS_CHART_QUARTERS && <p className="report-panel__footer muted">{t("dashboard.ips.recent", { count: IPS_CHART_QUARTERS })}</p>}
          {rows.some(isPartial) && <p className="report-panel__footer muted">{t("dashboard.partialNote")}</p>}
        </>
      }
    >
      <IpsChart quarters={rows} format={format} target={target} />
    </ChartPanel>
  );
}

interface CaseloadSectionProps {
  group: IndicatorGroup;
  /** The caseload per staff member (GET /reports/caseloads) with the same filters. */
  caseloads: { data: CaseloadReport | undefined; isError: boolean; error: unknown; refetch: () => unknown };
  format: ReportFormat;
  fileSuffix: string;
  busy: boolean;
}

/**
 * Per staff member the running trajectories they are case manager or coach of on the period's
 * last day, against the IPS norm; under it the employment specialists' summary from the
 * indicators (average, highest, how many above the norm).
 */
export function CaseloadSection({ group, caseloads, format, fileSuffix, busy }: CaseloadSectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const caseload = group.ips.caseload_per_specialist;
  const report = caseloads.data;
  const staff = report?.staff ?? [];
  const limit = report?.limit ?? 20;
  const title = t("dashboard.caseload.title");
  const table: TableSpec = {
    caption: title,
    columns: [
      // The count right after the name: in a half-width panel the last columns scroll away.
      { key: "name", label: t("dashboard.caseload.name"), kind: "text" },
      { key: "trajectories", label: t("dashboard.caseload.trajectories"), kind: "count" },
      { key: "organisation", label: t("dashboard.caseload.organisation"), kind: "text" },
      { key: "role", label: t("dashboard.caseload.role"), kind: "text" },
    ],
    rows: staff.map((row) => ({
      key: row.staff_id,
      cells: { name: row.name, organisation: row.organisation_name, role: t(`role.${row.role}`), trajectories: row.trajectories },
    })),
  };
  if (!report) {
    return (
      <section className="report-panel" aria-label={title}>
        <h2 className="report-panel__title">{title}</h2>
        {caseloads.isError ? (
          <ErrorMessage title={t("dashboard.error")} error={caseloads.error} onRetry={() => void caseloads.refetch()} />
        ) : (
          <Loading>{t("dashboard.loading")}</Loading>
        )}
      </section>
    );
  }
  const over = staff.filter((row) => row.trajectories > limit).length;
  return (
    <ChartPanel
      title={title}
      intro={definition("caseloads.per_staff_member")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={staff.length === 0 ? t("dashboard.caseload.empty") : null}
      footer={
        <>
          {staff.length > 0 && (
            <p className="report-panel__footer">{t("dashboard.caseload.staffSummary", { count: staff.length, date: format.date(report.to), over, limit })}</p>
          )}
          {caseload.denominator > 0 && (
            <p className="report-panel__footer">
              {t("dashboard.caseload.summary", {
                specialists: caseload.denominator,
                trajectories: caseload.numerator,
                average: format.number(caseload.value, 1),
                max: caseload.max,
                over: caseload.over_limit,
              })}
            </p>
          )}
          {staff.length > CASELOAD_CHART_STAFF && <p className="report-panel__footer muted">{t("dashboard.caseload.busiest", { count: CASELOAD_CHART_STAFF })}</p>}
        </>
      }
    >
      <CaseloadChart staff={staff} limit={limit} format={format} />
    </ChartPanel>
  );
}
