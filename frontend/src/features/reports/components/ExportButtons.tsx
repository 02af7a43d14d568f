import { useState } from "react";
import { useTranslation } from "react-i18next";

import { errorKind } from "../../../api/problem";
import { downloadIndicators, type ExportFormat, type ReportQuery } from "../api";
import { saveFile } from "../download";

const FORMATS: readonly ExportFormat[] = ["csv", "xlsx", "pdf"];

/**
 * Every indicator for the current filters as the API exports it: CSV for Belgian Excel, XLSX with
 * a sheet of definitions, PDF to read. The files come with the same scope as the screen.
 */
export function ExportButtons({ query }: { query: ReportQuery | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [message, setMessage] = useState<{ kind: "done" | "error"; text: string } | null>(null);

  const download = async (format: ExportFormat) => {
    if (!query || busy) return;
    setBusy(format);
    setMessage(null);
    try {
      const file = await downloadIndicators(query, format, null);
      saveFile(file.blob, file.filename);
      setMessage({ kind: "done", text: t("dashboard.export.done", { name: file.filename }) });
    } catch (error) {
      setMessage({ kind: "error", text: `${t("dashboard.export.error")} ${t(`errors.${errorKind(error)}`)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-export">
      <p className="report-export__label" id="report-export-label">
        {t("dashboard.export.label")}
      </p>
      <div className="report-export__buttons" role="group" aria-labelledby="report-export-label">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small"
            aria-disabled={query === null || busy !== null}
            onClick={() => void download(format)}
          >
            {busy === format ? t("dashboard.export.busy") : t(`dashboard.export.${format}`)}
          </button>
        ))}
      </div>
      <p className={`report-export__status${message?.kind === "error" ? " report-export__status--error" : ""}`} role="status">
        {message?.text}
      </p>
    </div>
  );
}
