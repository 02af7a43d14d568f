import { useTranslation } from "react-i18next";

import type { Schema } from "../../../api/types";
import { linearScale, niceStep } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame } from "./ChartFrame";

const HEIGHT = 132;
const PAD = { left: 8, right: 16 };
const LIMIT = 20;

interface CaseloadChartProps {
  caseload: Schema<"Caseload">;
  format: ReportFormat;
}

/**
 * Trajectories per employment specialist on the period's last day against the IPS norm of 20: the
 * average as a bar, the busiest specialist as a marker, the norm as a dashed line.
 */
export function CaseloadChart({ caseload, format }: CaseloadChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const average = caseload.value ?? 0;
  const step = niceStep(Math.max(LIMIT + 5, caseload.max), 5);
  const max = Math.ceil(Math.max(LIMIT + 5, caseload.max + 1) / step) * step;
  const x = linearScale(max, PAD.left, frameWidth - PAD.right);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  const barTop = 34;
  const barH = 26;

  return (
    <ChartFrame
      width={frameWidth}
      height={HEIGHT}
      title={t("dashboard.caseload.title")}
      description={t("dashboard.caseload.description", {
        average: format.number(caseload.value, 1),
        max: caseload.max,
        limit: LIMIT,
        over: caseload.over_limit,
      })}
    >
      <rect className="chart__track" x={x(0)} y={barTop} width={x(max) - x(0)} height={barH} rx={3} />
      <rect className="ips-zone ips-zone--below_minimal" x={x(LIMIT)} y={barTop} width={x(max) - x(LIMIT)} height={barH} />
      {caseload.value !== null && <rect className="bar bar--primary" x={x(0)} y={barTop + 5} width={Math.max(2, x(average) - x(0))} height={barH - 10} rx={2} />}
      <line className="limit-line" x1={x(LIMIT)} x2={x(LIMIT)} y1={barTop - 14} y2={barTop + barH + 6} />
      <text className="chart__note" x={x(LIMIT) + 5} y={barTop - 6}>
        {t("dashboard.caseload.limit", { limit: LIMIT })}
      </text>
      {caseload.denominator > 0 && (
        <g>
          <path className="marker marker--series-1" d={`M${x(caseload.max)},${barTop + barH + 2} l6,10 h-12 Z`} />
          <text className="chart__note" x={x(caseload.max)} y={barTop + barH + 26} textAnchor={x(caseload.max) > frameWidth - 120 ? "end" : "middle"}>
            {t("dashboard.caseload.maxLabel", { max: caseload.max })}
          </text>
        </g>
      )}
      {caseload.value !== null && (
        <text className="chart__value" x={x(0) + 2} y={barTop - 6}>
          {t("dashboard.caseload.averageLabel", { average: format.number(caseload.value, 1) })}
        </text>
      )}
      {ticks.map((tick) => (
        <text key={tick} className="chart__tick-label" x={x(tick)} y={HEIGHT - 4} textAnchor="middle">
          {tick}
        </text>
      ))}
    </ChartFrame>
  );
}
