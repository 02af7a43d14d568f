import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import { isPartial, type IpsQuarter } from "../figures";
import { useRovingFocus } from "../roving";
import { IPS_THRESHOLDS, isIpsBand, linearScale, shareAxis, slots, type IpsBand } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame } from "./ChartFrame";

const HEIGHT = 290;
const PAD = { top: 18, right: 104, bottom: 46, left: 48 };
/** More quarters than this and the chart shows the most recent ones (the table has all). */
export const IPS_CHART_QUARTERS = 12;

interface IpsChartProps {
  quarters: readonly IpsQuarter[];
  format: ReportFormat;
  target: (quarter: IpsQuarter) => DrillTarget | null;
}

/**
 * The quarterly competitive employment rate against the IPS norms: bands behind the bars, each
 * named at the right edge (31 % minimal, 41 % average, 50 % excellent).
 */
export function IpsChart({ quarters, format, target }: IpsChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const open = useOpenDrill();
  const shown = quarters.slice(-IPS_CHART_QUARTERS);
  const plotBottom = HEIGHT - PAD.bottom;
  const plotRight = frameWidth - PAD.right;
  const axis = shareAxis(
    shown.map((quarter) => quarter.rate.value),
    0.6,
  );
  const y = linearScale(axis.max, plotBottom, PAD.top);
  const layout = slots(shown.length, PAD.left, plotRight - PAD.left, 36, 0.62);
  const zones: { band: IpsBand; from: number; to: number }[] = [
    { band: "below_minimal", from: 0, to: IPS_THRESHOLDS[0]?.from ?? 0.31 },
    ...IPS_THRESHOLDS.map((threshold, index) => ({
      band: threshold.band,
      from: threshold.from,
      to: IPS_THRESHOLDS[index + 1]?.from ?? axis.max,
    })),
  ];
  const bounds = zones.filter((zone) => zone.from < axis.max);
  const bars = shown.map((quarter) => ({ quarter, target: target(quarter) }));
  const focusable = bars.filter((bar) => bar.target !== null && bar.quarter.rate.numerator > 0);
  const roving = useRovingFocus(focusable.length);

  return (
    <ChartFrame
      width={frameWidth}
      height={HEIGHT}
      title={t("dashboard.ips.title")}
      description={shown
        .map((quarter) =>
          t("dashboard.ips.bar", {
            period: format.period(quarter.key),
            share: format.share(quarter.rate.value),
            band: isIpsBand(quarter.band) ? t(`dashboard.ips.band.${quarter.band}`) : t("dashboard.ips.noBand"),
          }),
        )
        .join("; ")}
      interactive={focusable.length > 0}
      svgRef={roving.container}
      onKeyDown={roving.onKeyDown}
    >
      {bounds.map((zone) => {
        const top = y(Math.min(zone.to, axis.max));
        const bottom = y(zone.from);
        return (
          <g key={zone.band} aria-hidden="true">
            <rect className={`ips-zone ips-zone--${zone.band}`} x={PAD.left} y={top} width={plotRight - PAD.left} height={bottom - top} />
            {zone.from > 0 && <line className="ips-zone__line" x1={PAD.left} x2={plotRight + 4} y1={bottom} y2={bottom} />}
            {bottom - top >= 28 && (
              <text className="ips-zone__label" x={plotRight + 8} y={(top + bottom) / 2 - 7} dy="0.32em">
                {t(`dashboard.ips.zone.${zone.band}`)}
                <tspan className="ips-zone__range" x={plotRight + 8} dy="15">
                  {zone.from > 0
                    ? t("dashboard.ips.zoneFrom", { share: format.share(zone.from, 0) })
                    : t("dashboard.ips.zoneBelow", { share: format.share(zone.to, 0) })}
                </tspan>
              </text>
            )}
          </g>
        );
      })}
      {axis.ticks.map((tick) => (
        <text key={tick} className="chart__tick-label" x={PAD.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" aria-hidden="true">
          {format.share(tick)}
        </text>
      ))}
      <line className="chart__baseline" x1={PAD.left} x2={plotRight} y1={plotBottom} y2={plotBottom} aria-hidden="true" />
      {bars.map((bar, index) => {
        const value = bar.quarter.rate.value;
        const top = y(value ?? 0);
        const x = layout.x(index);
        const centre = x + layout.bar / 2;
        const label = t("dashboard.ips.barLabel", {
          period: format.period(bar.quarter.key),
          share: format.share(value),
          numerator: bar.quarter.rate.numerator,
          denominator: bar.quarter.rate.denominator,
        });
        const rovingIndex = focusable.indexOf(bar);
        const drill = bar.target;
        const shape = (
          <>
            <title>{label}</title>
            <rect className="bar bar--primary" x={x} y={top} width={layout.bar} height={Math.max(0, plotBottom - top)} />
            <text className="chart__value" x={centre} y={top - 5} textAnchor="middle" aria-hidden="true">
              {value === null ? "–" : format.share(value, 0)}
            </text>
          </>
        );
        return (
          <g key={bar.quarter.key}>
            <g className="chart__axis-label" aria-hidden="true">
              <text x={centre} y={plotBottom + 18} textAnchor="middle">
                {format.periodShort(bar.quarter.key)}
                {isPartial(bar.quarter) ? "*" : ""}
              </text>
              {(index === 0 || bar.quarter.key.endsWith("Q1")) && (
                <text className="chart__axis-year" x={centre} y={plotBottom + 36} textAnchor="middle">
                  {bar.quarter.key.slice(0, 4)}
                </text>
              )}
            </g>
            {rovingIndex >= 0 && drill ? (
              <g className="chart__hit" aria-label={label} {...roving.itemProps(rovingIndex, () => open(drill))}>
                {shape}
              </g>
            ) : (
              <g aria-hidden="true">{shape}</g>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
