import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import { isPartial, type FlowPoint } from "../figures";
import { useRovingFocus } from "../roving";
import { countAxis, linearScale, slots } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame, Swatch } from "./ChartFrame";
import { Legend } from "./Legend";
import { PATTERNS, patternUrl, useSvgId } from "./patterns";

const HEIGHT = 300;
const PAD = { top: 24, right: 12, bottom: 56, left: 44 };
const GAP = 3;

export type FlowSeriesKey = "started" | "exits";

interface FlowChartProps {
  points: readonly FlowPoint[];
  format: ReportFormat;
  target: (point: FlowPoint, series: FlowSeriesKey) => DrillTarget | null;
}

/** Trajectories started (solid) and exits (hatched) per month or quarter, side by side. */
export function FlowChart({ points, format, target }: FlowChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(960);
  const id = useSvgId();
  const open = useOpenDrill();
  const plotW = frameWidth - PAD.left - PAD.right;
  const base = HEIGHT - PAD.bottom;
  const axis = countAxis(points.flatMap((point) => [point.started, point.exits]));
  const y = linearScale(axis.max, base, PAD.top);
  const layout = slots(points.length, PAD.left, plotW, 64, 0.74);
  const barW = (layout.bar - GAP) / 2;
  const showValues = barW >= 12;

  const bars = points.flatMap((point, index) =>
    (["started", "exits"] as const).map((series, side) => ({
      point,
      series,
      index,
      x: layout.x(index) + side * (barW + GAP),
      value: series === "started" ? point.started : point.exits,
      target: target(point, series),
    })),
  );
  const focusable = bars.filter((bar) => bar.target !== null && bar.value > 0);
  const roving = useRovingFocus(focusable.length);
  const seriesLabel = (series: FlowSeriesKey) => (series === "started" ? t("dashboard.flow.started") : t("dashboard.flow.exits"));

  return (
    <>
      <ChartFrame
        width={frameWidth}
        height={HEIGHT}
        title={t("dashboard.flow.title")}
        description={t("dashboard.flow.description")}
        interactive={focusable.length > 0}
        patternPrefix={id}
        patterns={[PATTERNS.exits]}
        svgRef={roving.container}
        onKeyDown={roving.onKeyDown}
        className="chart--wide"
      >
        {axis.ticks.map((tick) => (
          <g key={tick} className="chart__tick" aria-hidden="true">
            <line x1={PAD.left} x2={frameWidth - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {format.count(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) => {
          const centre = layout.x(index) + layout.bar / 2;
          const showYear = index === 0 || /-(01|Q1)$/.test(point.key);
          return (
            <g key={point.key} className="chart__axis-label" aria-hidden="true">
              <text x={centre} y={base + 18} textAnchor="middle">
                {format.periodShort(point.key)}
                {isPartial(point) ? "*" : ""}
              </text>
              {showYear && (
                <text className="chart__axis-year" x={centre} y={base + 36} textAnchor="middle">
                  {point.key.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
        {bars.map((bar) => {
          const top = y(bar.value);
          const label = t("dashboard.flow.bar", {
            series: seriesLabel(bar.series),
            period: format.period(bar.point.key),
            count: bar.value,
          });
          const rovingIndex = focusable.indexOf(bar);
          const drill = bar.target;
          const shape = (
            <>
              <title>{label}</title>
              <rect
                className={bar.series === "started" ? "bar bar--primary" : "bar bar--patterned bar--exit"}
                x={bar.x}
                y={top}
                width={barW}
                height={Math.max(0, base - top)}
                fill={bar.series === "exits" ? patternUrl(id, PATTERNS.exits) : undefined}
              />
              {showValues && (
                <text className={`chart__value${bar.value === 0 ? " chart__value--zero" : ""}`} x={bar.x + barW / 2} y={top - 5} textAnchor="middle" aria-hidden="true">
                  {format.count(bar.value)}
                </text>
              )}
            </>
          );
          return rovingIndex >= 0 && drill ? (
            <g key={`${bar.point.key}-${bar.series}`} className="chart__hit" aria-label={label} {...roving.itemProps(rovingIndex, () => open(drill))}>
              {shape}
            </g>
          ) : (
            <g key={`${bar.point.key}-${bar.series}`} aria-hidden="true">
              {shape}
            </g>
          );
        })}
        <line className="chart__baseline" x1={PAD.left} x2={frameWidth - PAD.right} y1={base} y2={base} aria-hidden="true" />
      </ChartFrame>
      <Legend
        label={t("dashboard.legend")}
        items={[
          { key: "started", swatch: <Swatch className="bar bar--primary" />, label: t("dashboard.flow.started") },
          { key: "exits", swatch: <Swatch className="bar bar--patterned bar--exit" pattern={PATTERNS.exits} />, label: t("dashboard.flow.exits") },
        ]}
      />
    </>
  );
}
