import { useTranslation } from "react-i18next";

import type { StaffCaseload } from "../api";
import { linearScale, niceStep } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame, Swatch } from "./ChartFrame";
import { Legend } from "./Legend";
import { PATTERNS, patternUrl, useSvgId } from "./patterns";

const HEAD = 26;
const ROW = 34;
const BAR = 18;
const LABEL_W = 188;
const COUNT_W = 40;
const AXIS = 24;
/** More staff than this and the chart shows the busiest; the table has everyone. */
export const CASELOAD_CHART_STAFF = 25;

interface CaseloadChartProps {
  staff: readonly StaffCaseload[];
  /** The IPS norm (20), as the API gives it. */
  limit: number;
  format: ReportFormat;
}

/**
 * Running trajectories per staff member on the period's last day, highest first, against the IPS
 * norm: a bar per person, the norm as a dashed line, the area beyond it shaded. A caseload above
 * the norm is also hatched, so it does not rest on colour alone.
 */
export function CaseloadChart({ staff, limit, format }: CaseloadChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const id = useSvgId();
  const shown = staff.slice(0, CASELOAD_CHART_STAFF);
  const highest = Math.max(0, ...shown.map((row) => row.trajectories));
  const step = niceStep(Math.max(limit + 5, highest), 5);
  const max = Math.ceil(Math.max(limit + 5, highest + 1) / step) * step;
  const plotLeft = LABEL_W;
  const plotRight = frameWidth - COUNT_W;
  const x = linearScale(max, plotLeft, plotRight);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  const plotBottom = HEAD + shown.length * ROW;
  const height = plotBottom + AXIS;
  const over = PATTERNS.other;

  return (
    <>
      <ChartFrame
        width={frameWidth}
        height={height}
        title={t("dashboard.caseload.chartTitle")}
        description={shown
          .map((row) => t("dashboard.caseload.bar", { name: row.name, organisation: row.organisation_name, count: row.trajectories }))
          .join("; ")}
        patternPrefix={id}
        patterns={[over]}
      >
        <rect className="ips-zone ips-zone--below_minimal" x={x(limit)} y={HEAD - 6} width={x(max) - x(limit)} height={plotBottom - HEAD + 6} />
        {shown.map((row, index) => {
          const top = HEAD + index * ROW;
          const above = row.trajectories > limit;
          const width = Math.max(row.trajectories > 0 ? 3 : 0, x(row.trajectories) - x(0));
          return (
            <g key={row.staff_id}>
              <text className="chart__label chart__label--small" x={0} y={top + ROW / 2 - 6} dy="0.32em">
                {row.name}
              </text>
              <text className="chart__tick-label" x={0} y={top + ROW / 2 + 9} dy="0.32em">
                {row.organisation_name}
              </text>
              <rect
                className={above ? "bar bar--patterned bar--other" : "bar bar--primary"}
                x={x(0)}
                y={top + (ROW - BAR) / 2}
                width={width}
                height={BAR}
                rx={2}
                fill={above ? patternUrl(id, over) : undefined}
              />
              <text className="chart__value" x={x(row.trajectories) + 6} y={top + ROW / 2} dy="0.32em">
                {format.count(row.trajectories)}
              </text>
            </g>
          );
        })}
        <line className="limit-line" x1={x(limit)} x2={x(limit)} y1={HEAD - 10} y2={plotBottom} />
        <text className="chart__note" x={x(limit) + 5} y={HEAD - 12}>
          {t("dashboard.caseload.limit", { limit })}
        </text>
        <line className="chart__baseline" x1={x(0)} x2={x(0)} y1={HEAD - 6} y2={plotBottom} />
        {ticks.map((tick) => (
          <text key={tick} className="chart__tick-label" x={x(tick)} y={height - 6} textAnchor="middle" aria-hidden="true">
            {tick}
          </text>
        ))}
      </ChartFrame>
      <Legend
        label={t("dashboard.legend")}
        items={[
          { key: "within", swatch: <Swatch className="bar bar--primary" />, label: t("dashboard.caseload.legend.within", { limit }) },
          {
            key: "over",
            swatch: <Swatch className="bar bar--patterned bar--other" pattern={over} />,
            label: t("dashboard.caseload.legend.over", { limit }),
          },
        ]}
      />
    </>
  );
}
