import { useId, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { ChartWidthContext, useMeasuredWidth } from "../chartWidth";
import { saveText } from "../download";
import { slug, tableToCsv, type TableSpec } from "../table";
import { ReportTable } from "./ReportTable";

interface ChartPanelProps {
  title: string;
  /** What the figure means, in a sentence. */
  intro: string;
  table: TableSpec;
  /** Period of the figures, for the file name ("2025-12-01-2026-11-24"). */
  fileSuffix: string;
  /** Spans both columns of the dashboard. */
  wide?: boolean;
  /** Shown instead of the chart when there is nothing to draw (the table still works). */
  empty?: string | null;
  /** Updating after a filter change: the old figures stay, dimmed. */
  busy?: boolean;
  children: ReactNode;
  /** Under the chart or table: notes, counts that open their trajectories. */
  footer?: ReactNode;
}

/** One dashboard figure: heading, meaning, chart or table ("Toon als tabel") and a CSV of its data. */
export function ChartPanel({ title, intro, table, fileSuffix, wide = false, empty = null, busy = false, children, footer }: ChartPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const [bodyRef, bodyWidth] = useMeasuredWidth<HTMLDivElement>();
  return (
    <section className={`report-panel${wide ? " report-panel--wide" : ""}${busy ? " report-panel--busy" : ""}`} aria-labelledby={headingId} aria-busy={busy}>
      <div className="report-panel__head">
        <h2 id={headingId} className="report-panel__title">
          {title}
        </h2>
        <div className="report-panel__actions">
          <button type="button" className="button button--secondary button--small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {t("dashboard.showTable")}
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => saveText(tableToCsv(table), `werkpad-${slug(title)}-${fileSuffix}.csv`)}
          >
            {t("dashboard.downloadCsv")}
            <span className="visually-hidden">{t("dashboard.downloadOf", { what: title })}</span>
          </button>
        </div>
      </div>
      <p className="report-panel__intro">{intro}</p>
      <div ref={bodyRef} className="report-panel__body">
        {asTable ? (
          <ReportTable table={table} />
        ) : empty ? (
          <p className="report-panel__empty">{empty}</p>
        ) : (
          <ChartWidthContext.Provider value={bodyWidth}>{children}</ChartWidthContext.Provider>
        )}
      </div>
      {footer}
    </section>
  );
}
