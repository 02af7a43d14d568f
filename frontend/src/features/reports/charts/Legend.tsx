import type { ReactNode } from "react";

export interface LegendItem {
  key: string;
  swatch: ReactNode;
  label: string;
}

/** The key to a chart's fills, in words next to the same pattern as in the chart. */
export function Legend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key} className="chart-legend__item">
          {item.swatch}
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
