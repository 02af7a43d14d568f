import { useTranslation } from "react-i18next";

import type { FunnelRow } from "../figures";
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
}

/** Running trajectories per phase on one day, intake to outflow, as centred bars (a funnel). */
export function FunnelChart({ rows, format, day }: FunnelChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const height = rows.length * ROW + 8;
  const left = LABEL_W;
  const right = frameWidth - COUNT_W;
  const centre = (left + right) / 2;
  const max = Math.max(1, ...rows.map((row) => row.count));
  const width = linearScale(max, 0, right - left);
  const description = rows.map((row) => t("dashboard.funnel.bar", { phase: t(`phase.${row.phase}`), count: row.count })).join(", ");

  return (
    <ChartFrame width={frameWidth} height={height} title={t("dashboard.funnel.chartTitle", { date: format.date(day) })} description={description}>
      {rows.map((row, index) => {
        const top = 4 + index * ROW + (ROW - BAR) / 2;
        const w = Math.max(row.count > 0 ? 3 : 0, width(row.count));
        return (
          <g key={row.phase}>
            <text className="chart__label" x={0} y={top + BAR / 2} dy="0.32em">
              {t(`phase.${row.phase}`)}
            </text>
            <rect className="chart__track" x={left} y={top} width={right - left} height={BAR} rx={4} />
            <rect className={`bar bar--phase bar--phase-${index}`} x={centre - w / 2} y={top} width={w} height={BAR} rx={4} />
            <text className="chart__value chart__value--large" x={frameWidth} y={top + BAR / 2} dy="0.32em" textAnchor="end">
              {format.count(row.count)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
