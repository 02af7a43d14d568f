import { useTranslation } from "react-i18next";

import type { IndicatorGroup } from "../api";
import { CaseloadChart } from "../charts/CaseloadChart";
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
      intro={t("dashboard.ips.intro")}
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
  format: ReportFormat;
  fileSuffix: string;
  busy: boolean;
}

/**
 * The API gives the caseload per specialist as a summary (trajectories ÷ specialists, the
 * highest, how many above the norm), not per named staff member: that is what is drawn.
 */
export function CaseloadSection({ group, format, fileSuffix, busy }: CaseloadSectionProps) {
  const { t } = useTranslation();
  const caseload = group.ips.caseload_per_specialist;
  const contacts = group.ips.employer_contact_within_30_days;
  const table: TableSpec = {
    caption: t("dashboard.caseload.title"),
    columns: [
      { key: "figure", label: t("dashboard.caseload.figure"), kind: "text" },
      { key: "value", label: t("dashboard.caseload.value"), kind: "number" },
    ],
    rows: [
      { key: "specialists", cells: { figure: t("dashboard.caseload.specialists"), value: caseload.denominator } },
      { key: "trajectories", cells: { figure: t("dashboard.caseload.trajectories"), value: caseload.numerator } },
      { key: "average", cells: { figure: t("dashboard.caseload.average"), value: caseload.value } },
      { key: "max", cells: { figure: t("dashboard.caseload.max"), value: caseload.max } },
      { key: "over", cells: { figure: t("dashboard.caseload.over", { limit: 20 }), value: caseload.over_limit } },
      { key: "contact30", cells: { figure: t("dashboard.caseload.contact30"), value: contacts.value === null ? null : Math.round(contacts.value * 1000) / 10 } },
    ],
  };
  return (
    <ChartPanel
      title={t("dashboard.caseload.title")}
      intro={t("dashboard.caseload.intro", { date: format.date(group.to) })}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={caseload.denominator === 0 ? t("dashboard.caseload.empty") : null}
      footer={
        <>
          {caseload.denominator > 0 && (
            <p className="report-panel__footer">
              {t("dashboard.caseload.summary", {
                specialists: caseload.denominator,
                trajectories: caseload.numerator,
                over: caseload.over_limit,
              })}
            </p>
          )}
          <p className="report-panel__footer muted">{t("dashboard.caseload.perPersonNote")}</p>
        </>
      }
    >
      <CaseloadChart caseload={caseload} format={format} />
    </ChartPanel>
  );
}
