import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import { COHORT_MONTHS, type CohortPoint, type CohortSeries } from "../figures";
import { useRovingFocus } from "../roving";
import { linearScale, shareAxis } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame } from "./ChartFrame";
import { Legend } from "./Legend";
import { Marker } from "./Marker";
import { MARKERS } from "./patterns";

const HEIGHT = 290;
const PAD = { top: 20, right: 20, bottom: 46, left: 48 };
const DASHES = ["", "7 4", "2 4", "10 4 2 4", "4 2", "1 3"] as const;
const STYLES = 6;

function seriesStyle(index: number) {
  const style = index % STYLES;
  return { marker: MARKERS[style] ?? "circle", dash: DASHES[style] ?? "", tone: `series-${style}` };
}

function SeriesSwatch({ index }: { index: number }) {
  const style = seriesStyle(index);
  return (
    <svg className="swatch swatch--line" viewBox="0 0 32 16" aria-hidden="true" focusable="false">
      <line className={`line line--${style.tone}${index === 0 ? " line--main" : ""}`} x1="1" x2="31" y1="8" y2="8" strokeDasharray={style.dash || undefined} />
      <Marker shape={style.marker} x={16} y={8} size={4} className={`marker marker--${style.tone}`} />
    </svg>
  );
}

interface CohortChartProps {
  series: readonly CohortSeries[];
  format: ReportFormat;
  /** The legend's name for a cohort ("Alle gestarte trajecten", "K4 2025"). */
  seriesName: (series: CohortSeries) => string;
  target: (series: CohortSeries, point: CohortPoint) => DrillTarget | null;
}

/**
 * Share of each start cohort with paid work within 6, 12, 18 and 24 months. Every line starts at
 * 0 % at the start; a horizon that is not over for anyone in the cohort has no point.
 */
export function CohortChart({ series, format, seriesName, target }: CohortChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const open = useOpenDrill();
  const plotBottom = HEIGHT - PAD.bottom;
  const axis = shareAxis(series.flatMap((one) => one.points.map((point) => point.rate.value)), 0.2);
  const x = linearScale(24, PAD.left, frameWidth - PAD.right);
  const y = linearScale(axis.max, plotBottom, PAD.top);

  const points = series.flatMap((one, seriesIndex) =>
    one.points
      .filter((point) => point.rate.value !== null)
      .map((point) => ({ one, seriesIndex, point, target: target(one, point) })),
  );
  const focusable = points.filter((item) => item.target !== null && item.point.rate.numerator > 0);
  const roving = useRovingFocus(focusable.length);
  const pointLabel = (one: CohortSeries, point: CohortPoint) =>
    t("dashboard.cohorts.point", {
      cohort: seriesName(one),
      months: point.months,
      share: format.share(point.rate.value),
      numerator: point.rate.numerator,
      denominator: point.rate.denominator,
      censored: point.rate.censored,
    });

  return (
    <>
      <ChartFrame
        width={frameWidth}
        height={HEIGHT}
        title={t("dashboard.cohorts.title")}
        description={t("dashboard.cohorts.description")}
        interactive={focusable.length > 0}
        svgRef={roving.container}
        onKeyDown={roving.onKeyDown}
      >
        {axis.ticks.map((tick) => (
          <g key={tick} className="chart__tick" aria-hidden="true">
            <line x1={PAD.left} x2={frameWidth - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {format.share(tick)}
            </text>
          </g>
        ))}
        <g className="chart__axis-label" aria-hidden="true">
          {[0, ...COHORT_MONTHS].map((months) => (
            <text key={months} x={x(months)} y={plotBottom + 18} textAnchor="middle">
              {months}
            </text>
          ))}
          <text className="chart__axis-title" x={(PAD.left + frameWidth - PAD.right) / 2} y={plotBottom + 38} textAnchor="middle">
            {t("dashboard.cohorts.xAxis")}
          </text>
        </g>
        <line className="chart__baseline" x1={PAD.left} x2={frameWidth - PAD.right} y1={plotBottom} y2={plotBottom} aria-hidden="true" />
        {series.map((one, seriesIndex) => {
          const style = seriesStyle(seriesIndex);
          const path = [{ months: 0, value: 0 }, ...one.points.filter((point) => point.rate.value !== null).map((point) => ({ months: point.months, value: point.rate.value ?? 0 }))]
            .map((point, index) => `${index === 0 ? "M" : "L"}${x(point.months)},${y(point.value)}`)
            .join(" ");
          return (
            <path
              key={one.key}
              className={`line line--${style.tone}${seriesIndex === 0 ? " line--main" : ""}`}
              d={path}
              strokeDasharray={style.dash || undefined}
              aria-hidden="true"
            />
          );
        })}
        {points.map((item) => {
          const style = seriesStyle(item.seriesIndex);
          const cx = x(item.point.months);
          const cy = y(item.point.rate.value ?? 0);
          const label = pointLabel(item.one, item.point);
          const index = focusable.indexOf(item);
          const drill = item.target;
          const shape = (
            <>
              <title>{label}</title>
              <circle className="chart__hit-area" cx={cx} cy={cy} r={11} />
              <Marker shape={style.marker} x={cx} y={cy} size={item.seriesIndex === 0 ? 5.5 : 4.5} className={`marker marker--${style.tone}`} />
              {item.seriesIndex === 0 && (
                <text className="chart__value" x={cx + 9} y={cy + 4} textAnchor="start" aria-hidden="true">
                  {format.share(item.point.rate.value)}
                </text>
              )}
            </>
          );
          const key = `${item.one.key}-${item.point.months}`;
          return index >= 0 && drill ? (
            <g key={key} className="chart__hit" aria-label={label} {...roving.itemProps(index, () => open(drill))}>
              {shape}
            </g>
          ) : (
            <g key={key} aria-hidden="true">
              {shape}
            </g>
          );
        })}
      </ChartFrame>
      <Legend
        label={t("dashboard.legend")}
        items={series.map((one, index) => ({ key: one.key, swatch: <SeriesSwatch index={index} />, label: seriesName(one) }))}
      />
    </>
  );
}
