import { useTranslation } from "react-i18next";

import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import { RETENTION_PARTS, type RetentionPart, type RetentionRow } from "../figures";
import { useRovingFocus } from "../roving";
import { linearScale, stack } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame, Swatch } from "./ChartFrame";
import { Legend } from "./Legend";
import { PATTERNS, patternUrl, useSvgId, type PatternDef } from "./patterns";

const ROW = 84;
const BAR = 22;
const GAP = 22;

const FILL: Record<RetentionPart, { className: string; pattern?: PatternDef }> = {
  working: { className: "bar bar--primary" },
  not_working: { className: "bar bar--patterned bar--other", pattern: PATTERNS.notWorking },
  unknown: { className: "bar bar--patterned bar--unknown", pattern: PATTERNS.unknown },
  pending: { className: "bar bar--pending" },
};

interface RetentionChartProps {
  rows: readonly RetentionRow[];
  format: ReportFormat;
  target: (row: RetentionRow, part: RetentionPart) => DrillTarget | null;
}

/**
 * Follow-ups after a paid exit: known answers (working solid, not working hatched) as one bar,
 * and apart from it, after a gap, "unknown" (dotted) and "not due yet" (outline), which never
 * count as work.
 */
export function RetentionChart({ rows, format, target }: RetentionChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const id = useSvgId();
  const open = useOpenDrill();
  const total = (row: RetentionRow) => RETENTION_PARTS.reduce((sum, part) => sum + row.counts[part], 0);
  const max = Math.max(1, ...rows.map(total));
  const scale = linearScale(max, 0, frameWidth - GAP - 2);
  const partLabel = (part: RetentionPart, count: number) => t(`dashboard.retention.part.${part}`, { count });

  const layout = rows.map((row, index) => {
    const top = index * ROW;
    const known = stack(
      [
        { key: "working" as const, value: row.counts.working },
        { key: "not_working" as const, value: row.counts.not_working },
      ],
      1,
      scale,
    );
    const knownEnd = (known.at(-1)?.x ?? 1) + (known.at(-1)?.width ?? 0);
    // "Unknown" and "not due yet" always start after a gap and a dotted divider: never part of the rate.
    const apartStart = knownEnd + GAP;
    const apart = stack(
      [
        { key: "unknown" as const, value: row.counts.unknown },
        { key: "pending" as const, value: row.counts.pending },
      ],
      apartStart,
      scale,
    );
    return { row, top, knownEnd, apartStart, segments: [...known, ...apart].filter((segment) => segment.value > 0) };
  });
  const items = layout.flatMap((line) => line.segments.map((segment) => ({ line, segment, target: target(line.row, segment.key) })));
  const focusable = items.filter((item) => item.target !== null);
  const roving = useRovingFocus(focusable.length);

  const rowTitle = (row: RetentionRow) => t("dashboard.retention.rowTitle", { months: row.months });
  const rowSummary = (row: RetentionRow) =>
    RETENTION_PARTS.map((part) => `${format.count(row.counts[part])} ${partLabel(part, row.counts[part])}`).join(" · ");

  return (
    <>
      <ChartFrame
        width={frameWidth}
        height={rows.length * ROW}
        title={t("dashboard.retention.title")}
        description={rows
          .map((row) => `${rowTitle(row)}: ${t("dashboard.retention.rowShare", { share: format.share(row.rate.value) })}; ${rowSummary(row)}`)
          .join(". ")}
        interactive={focusable.length > 0}
        patternPrefix={id}
        patterns={[PATTERNS.notWorking, PATTERNS.unknown]}
        svgRef={roving.container}
        onKeyDown={roving.onKeyDown}
      >
        {layout.map(({ row, top, knownEnd, apartStart, segments }) => (
          <g key={row.months}>
            <text className="chart__group" x={0} y={top + 16} aria-hidden="true">
              {rowTitle(row)}
              <tspan className="chart__group-share" dx="10">
                {row.rate.value === null
                  ? t("dashboard.retention.noAnswers")
                  : t("dashboard.retention.rowShare", { share: format.share(row.rate.value) })}
              </tspan>
            </text>
            {segments.length === 0 && <rect className="chart__track" x={1} y={top + 26} width={frameWidth - 2} height={BAR} rx={3} />}
            {apartStart > knownEnd && segments.some((segment) => segment.key === "unknown" || segment.key === "pending") && (
              <line className="chart__divider" x1={(knownEnd + apartStart) / 2} x2={(knownEnd + apartStart) / 2} y1={top + 22} y2={top + 26 + BAR + 4} aria-hidden="true" />
            )}
            <text className="chart__note" x={0} y={top + 26 + BAR + 20} aria-hidden="true">
              {rowSummary(row)}
            </text>
            {segments.map((segment) => {
              const fill = FILL[segment.key];
              const item = items.find((candidate) => candidate.line.row === row && candidate.segment === segment);
              const drill = item?.target ?? null;
              const index = item ? focusable.indexOf(item) : -1;
              const label = `${rowTitle(row)}: ${format.count(segment.value)} ${partLabel(segment.key, segment.value)}`;
              const shape = (
                <>
                  <title>{label}</title>
                  <rect
                    className={fill.className}
                    x={segment.x}
                    y={top + 26}
                    width={Math.max(3, segment.width)}
                    height={BAR}
                    fill={fill.pattern ? patternUrl(id, fill.pattern) : undefined}
                  />
                  {segment.width >= 22 && (
                    <text
                      className={`chart__in-bar${segment.key === "working" ? " chart__in-bar--light" : ""}`}
                      x={segment.x + segment.width / 2}
                      y={top + 26 + BAR / 2}
                      dy="0.34em"
                      textAnchor="middle"
                      aria-hidden="true"
                    >
                      {format.count(segment.value)}
                    </text>
                  )}
                </>
              );
              return index >= 0 && drill ? (
                <g key={segment.key} className="chart__hit" aria-label={label} {...roving.itemProps(index, () => open(drill))}>
                  {shape}
                </g>
              ) : (
                <g key={segment.key} aria-hidden="true">
                  {shape}
                </g>
              );
            })}
          </g>
        ))}
      </ChartFrame>
      <Legend
        label={t("dashboard.legend")}
        items={RETENTION_PARTS.map((part) => ({
          key: part,
          swatch: <Swatch className={FILL[part].className} {...(FILL[part].pattern ? { pattern: FILL[part].pattern } : {})} />,
          label: t(`dashboard.retention.legend.${part}`),
        }))}
      />
    </>
  );
}
