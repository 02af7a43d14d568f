import { useId } from "react";

export interface Bar {
  key: string;
  /** Under the bar, e.g. "17 nov". */
  label: string;
  value: number;
  /** Read by screen readers and shown as a tooltip, e.g. "Week van 17 nov: 12 uur". */
  description: string;
}

interface BarChartProps {
  title: string;
  description: string;
  bars: readonly Bar[];
  ticks: readonly number[];
  max: number;
  /** A dotted reference line (the plan), or null. */
  target: number | null;
  formatValue: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 16, right: 12, bottom: 36, left: 40 };

/**
 * A small SVG bar chart: no library, no inline styles (the CSP forbids them), colours from CSS.
 * Values are printed on the bars, so the chart does not depend on colour or on reading the axis.
 */
export function BarChart({ title, description, bars, ticks, max, target, formatValue }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + plotH - (max > 0 ? (Math.min(value, max) / max) * plotH : 0);
  const slot = bars.length > 0 ? plotW / bars.length : plotW;
  const barW = Math.min(48, slot * 0.6);

  return (
    <figure className="bar-chart">
    <svg
      className="bar-chart__svg"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      preserveAspectRatio="xMidYMid meet"
    >
      <title id={titleId}>{title}</title>
      {ticks.map((tick) => (
        <g key={tick} className="bar-chart__tick">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
          <text x={PAD.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatValue(tick)}
          </text>
        </g>
      ))}
      {bars.map((bar, index) => {
        const x = PAD.left + slot * index + (slot - barW) / 2;
        const top = y(bar.value);
        return (
          <g key={bar.key} className="bar-chart__bar">
            <title>{bar.description}</title>
            <rect x={x} y={top} width={barW} height={Math.max(0, PAD.top + plotH - top)} rx={3} />
            <text className="bar-chart__value" x={x + barW / 2} y={top - 4} textAnchor="middle">
              {formatValue(bar.value)}
            </text>
            <text className="bar-chart__label" x={x + barW / 2} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">
              {bar.label}
            </text>
          </g>
        );
      })}
      {target !== null && target > 0 && (
        <line className="bar-chart__target" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(target)} y2={y(target)} />
      )}
    </svg>
    <figcaption id={descId} className="bar-chart__caption">
      {description}
    </figcaption>
    </figure>
  );
}
