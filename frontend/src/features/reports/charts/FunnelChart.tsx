import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import type { FunnelRow } from "../figures";
import { useRovingFocus } from "../roving";
import { linearScale } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame } from "./ChartFrame";

const ROW = 44;
const BAR = 30;
const LABEL_W = 112;
const COUNT_W = 48;

interface FunnelChartProps {
  rows: readonly FunnelRow[];
  format: ReportFormat;
  /** The day the funnel describes (the period's last day). */
  day: string;
  /** The trajectories behind a bar (in_phase), or null when the group cannot be opened. */
  target: (row: FunnelRow) => DrillTarget | null;
}

/**
 * Running trajectories per phase on one day, intake to outflow, as centred bars (a funnel). A bar
 * with trajectories opens them: one Tab stop, arrows between bars, Enter opens.
 */
export function FunnelChart({ rows, format, day, target }: FunnelChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const open = useOpenDrill();
  const bars = rows.map((row) => ({ row, target: row.count > 0 ? target(row) : null }));
  const focusable = bars.filter((bar) => bar.target !== null);
  const roving = useRovingFocus(focusable.length);
  const height = rows.length * ROW + 8;
  const left = LABEL_W;
  const right = frameWidth - COUNT_W;
  const centre = (left + right) / 2;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const width = linearScale(max, 0, right - left);
  const description = rows.map((row) => t("dashboard.funnel.bar", { phase: t(`phase.${row.phase}`), count: row.count })).join(", ");

  return (
    <ChartFrame
      width={frameWidth}
      height={height}
      title={t("dashboard.funnel.chartTitle", { date: format.date(day) })}
      description={description}
      interactive={focusable.length > 0}
      svgRef={roving.container}
      onKeyDown={roving.onKeyDown}
    >
      {bars.map((bar, index) => {
        const { row } = bar;
        const top = 4 + index * ROW + (ROW - BAR) / 2;
        const w = Math.max(row.count > 0 ? 3 : 0, width(row.count));
        const label = t("dashboard.funnel.bar", { phase: t(`phase.${row.phase}`), count: row.count });
        const shape = (
          <>
            <title>{label}</title>
            <text className="chart__label" x={0} y={top + BAR / 2} dy="0.32em">
              {t(`phase.${row.phase}`)}
            </text>
            <rect className="chart__track" x={left} y={top} width={right - left} height={BAR} rx={4} />
            <rect className={`bar bar--phase bar--phase-${index}`} x={centre - w / 2} y={top} width={w} height={BAR} rx={4} />
            <text className="chart__value chart__value--large" x={frameWidth} y={top + BAR / 2} dy="0.32em" textAnchor="end">
              {format.count(row.count)}
            </text>
          </>
        );
        const rovingIndex = focusable.indexOf(bar);
        const drill = bar.target;
        return rovingIndex >= 0 && drill ? (
          <g key={row.phase} className="chart__hit" aria-label={label} {...roving.itemProps(rovingIndex, () => open(drill))}>
            {shape}
          </g>
        ) : (
          <g key={row.phase} aria-hidden="true">
            {shape}
          </g>
        );
      })}
    </ChartFrame>
  );
}
