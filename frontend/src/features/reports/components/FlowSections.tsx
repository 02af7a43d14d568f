import { useTranslation } from "react-i18next";

import type { IndicatorGroup } from "../api";
import { FlowChart } from "../charts/FlowChart";
import { DestinationsChart } from "../charts/DestinationsChart";
import { FunnelChart } from "../charts/FunnelChart";
import { useDefinitionText } from "../definitions";
import { drillTarget } from "../drill";
import { destinationRows, flowSeries, funnelRows, isPartial, type DestinationRow, type FlowPoint, type FunnelRow } from "../figures";
import type { TableSpec } from "../table";
import type { ReportFormat } from "../useReportFormat";
import { ChartPanel } from "./ChartPanel";
import { DrillCount } from "./DrillCount";

interface SectionProps {
  group: IndicatorGroup;
  format: ReportFormat;
  periodText: string;
  fileSuffix: string;
  busy: boolean;
}

export function FunnelSection({ group, format, periodText, fileSuffix, busy }: SectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const rows = funnelRows(group);
  const running = rows.reduce((sum, row) => sum + row.count, 0);
  const pastMax = group.effort.past_max_duration;
  const target = (row: FunnelRow) =>
    drillTarget(
      "in_phase",
      group.drill,
      t("dashboard.drill.title", { what: t("dashboard.what.inPhase", { phase: t(`phase.${row.phase}`), date: format.date(group.to) }), period: periodText }),
      row.count,
      { phase: row.phase },
    );
  const table: TableSpec = {
    caption: t("dashboard.funnel.title"),
    columns: [
      { key: "phase", label: t("phase.label"), kind: "text" },
      { key: "count", label: t("dashboard.funnel.count"), kind: "count" },
      { key: "share", label: t("dashboard.funnel.share"), kind: "share" },
    ],
    rows: rows.map((row) => {
      const one = target(row);
      return {
        key: row.phase,
        cells: { phase: t(`phase.${row.phase}`), count: row.count, share: running > 0 ? row.count / running : null },
        ...(one ? { drill: { count: one } } : {}),
      };
    }),
  };
  return (
    <ChartPanel
      title={t("dashboard.funnel.title")}
      intro={definition("flow.phase_funnel")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={running === 0 ? t("dashboard.funnel.empty", { date: format.date(group.to) }) : null}
      footer={
        <p className="report-panel__footer">
          {t("dashboard.funnel.running", { count: running })}{" "}
          <DrillCount
            target={drillTarget(
              "past_max_duration",
              group.drill,
              t("dashboard.drill.title", { what: t("dashboard.what.pastMax"), period: periodText }),
              pastMax.numerator,
            )}
          >
            {t("dashboard.kpi.nOfM", { n: format.count(pastMax.numerator), m: format.count(pastMax.denominator) })}
          </DrillCount>{" "}
          {t("dashboard.funnel.pastMax")}
        </p>
      }
    >
      <FunnelChart rows={rows} format={format} day={group.to} target={target} />
    </ChartPanel>
  );
}

export function DestinationsSection({ group, format, periodText, fileSuffix, busy }: SectionProps) {
  const { t } = useTranslation();
  const definition = useDefinitionText();
  const rows = destinationRows(group);
  const { flow } = group;
  const title = (what: string) => t("dashboard.drill.title", { what, period: periodText });
  const target = (row: DestinationRow) =>
    drillTarget(
      "exits_in_category",
      group.drill,
      title(t("dashboard.what.exitsIn", { category: t(`outflowCategory.${row.category}`) })),
      row.count,
      { category: row.category },
    );
  const table: TableSpec = {
    caption: t("dashboard.destinations.title"),
    columns: [
      { key: "category", label: t("dashboard.destinations.category"), kind: "text" },
      { key: "group", label: t("dashboard.destinations.groupColumn"), kind: "text" },
      { key: "count", label: t("dashboard.destinations.count"), kind: "count" },
    ],
    rows: rows.map((row) => {
      const one = target(row);
      return {
        key: row.category,
        cells: {
          category: t(`outflowCategory.${row.category}`),
          group: t(`dashboard.destinations.group.${row.group}`),
          count: row.count,
        },
        ...(one ? { drill: { count: one } } : {}),
      };
    }),
  };
  const summary = [
    { key: "exits", what: t("dashboard.what.exits"), indicator: "exits" as const, count: flow.exits.total },
    { key: "paid", what: t("dashboard.what.exitsPaid"), indicator: "exits_paid" as const, count: flow.doorstroom_rate.numerator },
    { key: "positive", what: t("dashboard.what.exitsPositive"), indicator: "exits_positive" as const, count: flow.positive_exit_rate.numerator },
    { key: "dropOut", what: t("dashboard.what.dropOut"), indicator: "exits_drop_out" as const, count: flow.drop_out_rate.numerator },
    { key: "backToCare", what: t("dashboard.what.backToCare"), indicator: "exits_back_to_care" as const, count: flow.back_to_care_rate.numerator },
    { key: "leftOut", what: t("dashboard.what.leftOut"), indicator: "exits_left_out" as const, count: flow.exits.left_out },
  ];
  return (
    <ChartPanel
      title={t("dashboard.destinations.title")}
      intro={definition("flow.exits")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      empty={flow.exits.total === 0 ? t("dashboard.destinations.empty") : null}
      footer={
        <dl className="drill-list">
          {summary.map((item) => (
            <div key={item.key} className="drill-list__item">
              <dt>{item.what}</dt>
              <dd>
                <DrillCount target={drillTarget(item.indicator, group.drill, title(item.what), item.count)}>{format.count(item.count)}</DrillCount>
              </dd>
            </div>
          ))}
        </dl>
      }
    >
      <DestinationsChart rows={rows} format={format} target={target} />
    </ChartPanel>
  );
}

interface FlowSectionProps extends Omit<SectionProps, "group" | "periodText"> {
  groups: readonly IndicatorGroup[];
  grouping: "month" | "quarter";
}

export function FlowSection({ groups, grouping, format, fileSuffix, busy }: FlowSectionProps) {
  const { t } = useTranslation();
  const points = flowSeries(groups);
  const title = (what: string, point: FlowPoint) => t("dashboard.drill.title", { what, period: format.period(point.key) });
  const target = (point: FlowPoint, series: "started" | "exits") =>
    series === "started"
      ? drillTarget("trajectories_started", point.drill, title(t("dashboard.what.started"), point), point.started)
      : drillTarget("exits", point.drill, title(t("dashboard.what.exits"), point), point.exits);
  const partial = points.some(isPartial);
  const table: TableSpec = {
    caption: t(`dashboard.flow.heading.${grouping}`),
    columns: [
      { key: "period", label: t("dashboard.flow.period"), kind: "text" },
      { key: "from", label: t("dashboard.from"), kind: "text" },
      { key: "to", label: t("dashboard.to"), kind: "text" },
      { key: "started", label: t("dashboard.flow.started"), kind: "count" },
      { key: "exits", label: t("dashboard.flow.exits"), kind: "count" },
    ],
    rows: points.map((point) => ({
      key: point.key,
      cells: { period: format.period(point.key), from: format.date(point.from, "short"), to: format.date(point.to, "short"), started: point.started, exits: point.exits },
      drill: Object.fromEntries(
        (["started", "exits"] as const).flatMap((series) => {
          const one = target(point, series);
          return one ? [[series, one]] : [];
        }),
      ),
    })),
  };
  return (
    <ChartPanel
      title={t(`dashboard.flow.heading.${grouping}`)}
      intro={t("dashboard.flow.intro")}
      table={table}
      fileSuffix={fileSuffix}
      busy={busy}
      wide
      empty={points.length === 0 ? t("dashboard.flow.empty") : null}
      footer={partial ? <p className="report-panel__footer muted">{t("dashboard.partialNote")}</p> : null}
    >
      <FlowChart points={points} format={format} target={target} />
    </ChartPanel>
  );
}
