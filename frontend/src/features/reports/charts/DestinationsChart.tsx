import { useTranslation } from "react-i18next";

import type { OutflowGroup } from "../../outflow/categories";
import type { DrillTarget } from "../api";
import { useOpenDrill } from "../drill";
import { destinationTotals, type DestinationRow } from "../figures";
import { useRovingFocus } from "../roving";
import { linearScale } from "../scale";
import { useChartWidth } from "../chartWidth";
import type { ReportFormat } from "../useReportFormat";
import { ChartFrame, Swatch } from "./ChartFrame";
import { Legend } from "./Legend";
import { PATTERNS, patternUrl, useSvgId, type PatternDef } from "./patterns";

const HEAD = 28;
const ROW = 26;
const BAR = 16;
const LABEL_W = 276;
const COUNT_W = 32;

const GROUPS: readonly OutflowGroup[] = ["paid", "unpaid", "outside"];

const FILL: Record<OutflowGroup, { className: string; pattern?: PatternDef }> = {
  paid: { className: "bar bar--primary" },
  unpaid: { className: "bar bar--patterned bar--other", pattern: PATTERNS.other },
  outside: { className: "bar bar--patterned bar--unknown", pattern: PATTERNS.outside },
};

interface Section {
  group: OutflowGroup;
  rows: DestinationRow[];
}

/** Top of each heading and bar row, one under the other. */
function stackSections(sections: readonly Section[]) {
  let y = 0;
  const stacked = sections.map((section) => {
    const head = y;
    y += HEAD;
    const items = section.rows.map((row) => {
      const top = y;
      y += ROW;
      return { row, top };
    });
    y += 6;
    return { ...section, head, items };
  });
  return { sections: stacked, height: Math.max(y, 40) };
}

interface DestinationsChartProps {
  rows: readonly DestinationRow[];
  format: ReportFormat;
  /** The trajectories behind a bar (exits_in_category), or null when the group cannot be opened. */
  target: (row: DestinationRow) => DrillTarget | null;
}

/**
 * Exits in the period per destination, under three headings: paid work (solid), other
 * destinations (hatched), not counted in rates (dotted). Categories with no exits are only in
 * the table. Each bar opens the trajectories behind it (one Tab stop, arrows between bars).
 */
export function DestinationsChart({ rows, format, target }: DestinationsChartProps) {
  const { t } = useTranslation();
  const frameWidth = useChartWidth(480);
  const id = useSvgId();
  const open = useOpenDrill();
  const totals = destinationTotals(rows);
  const shown = GROUPS.map((group) => ({ group, rows: rows.filter((row) => row.group === group && row.count > 0) })).filter(
    (section) => section.rows.length > 0,
  );
  const max = Math.max(1, ...rows.map((row) => row.count));
  const width = linearScale(max, 0, frameWidth - LABEL_W - COUNT_W);

  const { sections: layout, height } = stackSections(shown);
  // In reading order: the bars as laid out, those that can be opened.
  const bars = layout.flatMap((section) => section.items.map(({ row }) => ({ row, target: target(row) })));
  const focusable = bars.filter((bar) => bar.target !== null);
  const roving = useRovingFocus(focusable.length);
  const description = shown
    .map((section) =>
      t("dashboard.destinations.groupLine", {
        group: t(`dashboard.destinations.group.${section.group}`),
        count: totals[section.group],
        list: section.rows.map((row) => `${t(`outflowCategory.${row.category}`)} ${format.count(row.count)}`).join(", "),
      }),
    )
    .join(". ");

  return (
    <>
      <ChartFrame
        width={frameWidth}
        height={height}
        title={t("dashboard.destinations.title")}
        description={description}
        patternPrefix={id}
        patterns={[PATTERNS.other, PATTERNS.outside]}
        interactive={focusable.length > 0}
        svgRef={roving.container}
        onKeyDown={roving.onKeyDown}
      >
        {layout.map((section) => (
          <g key={section.group}>
            <text className="chart__group" x={0} y={section.head + 18}>
              {t("dashboard.destinations.groupHead", {
                group: t(`dashboard.destinations.group.${section.group}`),
                count: totals[section.group],
              })}
            </text>
            {section.items.map(({ row, top }) => {
              const fill = FILL[row.group];
              const label = `${t(`outflowCategory.${row.category}`)}: ${format.count(row.count)}`;
              const bar = bars.find((one) => one.row === row);
              const rovingIndex = bar ? focusable.indexOf(bar) : -1;
              const drill = bar?.target ?? null;
              const hit = rovingIndex >= 0 && drill ? { className: "chart__hit", "aria-label": label, ...roving.itemProps(rovingIndex, () => open(drill)) } : { "aria-hidden": true as const };
              return (
                <g key={row.category} {...hit}>
                  <title>{label}</title>
                  <text className="chart__label chart__label--small" x={0} y={top + ROW / 2} dy="0.32em">
                    {t(`outflowCategory.${row.category}`)}
                  </text>
                  <rect
                    className={fill.className}
                    x={LABEL_W}
                    y={top + (ROW - BAR) / 2}
                    width={Math.max(3, width(row.count))}
                    height={BAR}
                    rx={2}
                    fill={fill.pattern ? patternUrl(id, fill.pattern) : undefined}
                  />
                  <text className="chart__value" x={LABEL_W + Math.max(3, width(row.count)) + 6} y={top + ROW / 2} dy="0.32em">
                    {format.count(row.count)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </ChartFrame>
      <Legend
        label={t("dashboard.legend")}
        items={GROUPS.map((group) => ({
          key: group,
          swatch: <Swatch className={FILL[group].className} {...(FILL[group].pattern ? { pattern: FILL[group].pattern } : {})} />,
          label: t(`dashboard.destinations.group.${group}`),
        }))}
      />
    </>
  );
}
