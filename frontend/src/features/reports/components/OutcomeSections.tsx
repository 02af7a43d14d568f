import { useTranslation } from "react-i18next";

import type { IndicatorGroup } from "../api";
import { CohortChart } from "../charts/CohortChart";
import { RetentionChart } from "../charts/RetentionChart";
import { useDefinitionText } from "../definitions";
import { drillTarget } from "../drill";
import {
  RETENTION_PARTS,
  cohortSeries,
  cohortTableSeries,
  paidWorkWithinIndicator,
  retentionIndicator,
  retentionRows,
  type CohortPoint,
  type CohortSeries,
  type RetentionPart,
  type RetentionRow,
} from "../figures";
import type { Column, TableSpec } from "../table";
import type { ReportFormat } from "../useReportFormat";
import { ChartPanel } from "./ChartPanel";

interface CohortSectionProps {
  overall: IndicatorGroup;
  cohorts: readonly IndicatorGroup[];
  format: ReportFormat;
  fileSuffix: string;
  busy: boolean;
}

export function CohortSection({ overall, cohorts, format, fileSuffix, busy }: CohortSectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const nameOf = (series: CohortSeries) =>
    series.key === "all" ? t("dashboard.cohorts.all") : t("dashboard.cohorts.cohort", { period: format.period(series.key, series.label) });
  const target = (series: CohortSeries, point: CohortPoint) =>
    drillTarget(
      paidWorkWithinIndicator(point.months),
      series.drill,
      t("dashboard.drill.title", {
        what: t("dashboard.what.paidWorkWithin", { months: point.months }),
        period: series.key === "all" ? format.range(overall.from, overall.to) : format.period(series.key, series.label),
      }),
      point.rate.numerator,
    );
  const drawn = cohortSeries(overall, cohorts);
  const all = cohortTableSeries(overall, cohorts);
  // One row per cohort and horizon: narrow enough for a tablet, and easy to filter in Excel.
  const columns: Column[] = [
    { key: "cohort", label: t("dashboard.cohorts.cohortColumn"), kind: "text" },
    { key: "months", label: t("dashboard.cohorts.monthsColumn"), kind: "count" },
    { key: "share", label: t("dashboard.cohorts.shareColumn"), kind: "share" },
    { key: "found", label: t("dashboard.cohorts.foundColumn"), kind: "count" },
    { key: "eligible", label: t("dashboard.cohorts.eligibleColumn"), kind: "count" },
    { key: "censored", label: t("dashboard.cohorts.censoredColumn"), kind: "count" },
  ];
  const table: TableSpec = {
    caption: t("dashboard.cohorts.title"),
    columns,
    rows: all.flatMap((series) =>
      series.points.map((point) => {
        const one = target(series, point);
        return {
          key: `${series.key}-${point.months}`,
          cells: {
            cohort: nameOf(series),
            months: point.months,
            share: point.rate.value,
            found: point.rate.numerator,
            eligible: point.rate.denominator,
            censored: point.rate.censored,
          },
          ...(one ? { drill: { found: one } } : {}),
        };
      }),
    ),
  };
  return (
    <ChartPanel
      title={t("dashboard.cohorts.title")}
      intro={definition("cohort.paid_work_within")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={drawn.length === 0 ? t("dashboard.cohorts.empty") : null}
    >
      <CohortChart series={drawn} format={format} seriesName={nameOf} target={target} />
    </ChartPanel>
  );
}

interface RetentionSectionProps {
  group: IndicatorGroup;
  format: ReportFormat;
  periodText: string;
  fileSuffix: string;
  busy: boolean;
}

export function RetentionSection({ group, format, periodText, fileSuffix, busy }: RetentionSectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const rows = retentionRows(group);
  const target = (row: RetentionRow, part: RetentionPart) =>
    drillTarget(
      retentionIndicator(row.months, part),
      group.drill,
      t("dashboard.drill.title", { what: t(`dashboard.what.retention.${part}`, { months: row.months }), period: periodText }),
      row.counts[part],
    );
  const table: TableSpec = {
    caption: t("dashboard.retention.title"),
    columns: [
      { key: "moment", label: t("dashboard.retention.moment"), kind: "text" },
      { key: "share", label: t("dashboard.retention.share"), kind: "share" },
      ...RETENTION_PARTS.map((part) => ({ key: part, label: t(`dashboard.retention.legend.${part}`), kind: "count" as const })),
    ],
    rows: rows.map((row) => ({
      key: String(row.months),
      cells: {
        moment: t("dashboard.retention.rowTitle", { months: row.months }),
        share: row.rate.value,
        ...row.counts,
      },
      drill: Object.fromEntries(
        RETENTION_PARTS.flatMap((part) => {
          const one = target(row, part);
          return one ? [[part, one]] : [];
        }),
      ),
    })),
  };
  const nothing = rows.every((row) => RETENTION_PARTS.every((part) => row.counts[part] === 0));
  return (
    <ChartPanel
      title={t("dashboard.retention.title")}
      intro={definition("retention.3")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={nothing ? t("dashboard.retention.empty") : null}
    >
      <RetentionChart rows={rows} format={format} target={target} />
    </ChartPanel>
  );
}
