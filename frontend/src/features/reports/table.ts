// Each chart's figures as a table: shown under "Toon als tabel" and downloaded as CSV. One
// description serves both, so the file has exactly what the screen shows.

import type { DrillTarget } from "./api";

/** text: as is; count: whole people; share: 0–1 shown as a percentage; number: a decimal figure. */
export type ColumnKind = "text" | "count" | "share" | "number";

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null;

export interface TableRow {
  key: string;
  cells: Readonly<Record<string, CellValue>>;
  /** Counts in this row that open as their trajectories, by column key. */
  drill?: Readonly<Record<string, DrillTarget>>;
}

export interface TableSpec {
  caption: string;
  /** The first column names the row (a row header). */
  columns: readonly Column[];
  rows: readonly TableRow[];
}

const BOM = "\uFEFF";

/** Belgian Excel: decimal comma, no thousands separator. */
function spreadsheetNumber(value: number, kind: ColumnKind): string {
  const number = kind === "share" ? Math.round(value * 1000) / 10 : value;
  return String(number).replace(".", ",");
}

/**
 * A text cell for a spreadsheet: quoted when it holds a separator, quote or line break, and
 * never read as a formula (a label starting with "=" or "+" stays text).
 */
function spreadsheetText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function headerLabel(column: Column, percentSuffix: string): string {
  return column.kind === "share" ? `${column.label} (${percentSuffix})` : column.label;
}

/**
 * The table as CSV that opens correctly in Belgian Excel, like the API's own export: UTF-8 with
 * BOM, ";" between cells, decimal comma, CRLF line ends. Shares are written in percent.
 */
export function tableToCsv(table: TableSpec, percentSuffix = "%"): string {
  const lines = [table.columns.map((column) => spreadsheetText(headerLabel(column, percentSuffix))).join(";")];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((column) => {
          const value = row.cells[column.key] ?? null;
          if (value === null) return "";
          if (typeof value === "number") return Number.isFinite(value) ? spreadsheetNumber(value, column.kind) : "";
          return spreadsheetText(value);
        })
        .join(";"),
    );
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** "In- en uitstroom" → "in-en-uitstroom", for file names. */
export function slug(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "grafiek"
  );
}
