import { describe, expect, it } from "vitest";

import { slug, tableToCsv, type TableSpec } from "./table";

const table: TableSpec = {
  caption: "In- en uitstroom",
  columns: [
    { key: "period", label: "Periode", kind: "text" },
    { key: "started", label: "Gestart", kind: "count" },
    { key: "share", label: "Doorstroom", kind: "share" },
    { key: "average", label: "Gemiddelde", kind: "number" },
  ],
  rows: [
    { key: "a", cells: { period: "maart 2026", started: 12, share: 0.625, average: 5.6 } },
    { key: "b", cells: { period: 'Werk; "regulier"', started: 0, share: null, average: null } },
    { key: "c", cells: { period: "=HYPERLINK(1)", started: 1, share: 1, average: 20 } },
  ],
};

describe("tableToCsv", () => {
  const csv = tableToCsv(table);
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n");

  it("opens in Belgian Excel: BOM, semicolons, CRLF", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines[0]).toBe("Periode;Gestart;Doorstroom (%);Gemiddelde");
    expect(lines.at(-1)).toBe("");
  });

  it("writes shares in percent and decimals with a comma; empty for no value", () => {
    expect(lines[1]).toBe("maart 2026;12;62,5;5,6");
    expect(lines[2]?.endsWith(";0;;")).toBe(true);
  });

  it("quotes separators and quotes, and never lets a label become a formula", () => {
    expect(lines[2]?.startsWith('"Werk; ""regulier"""')).toBe(true);
    expect(lines[3]).toBe("'=HYPERLINK(1);1;100;20");
  });
});

describe("slug", () => {
  it("makes a file-name part without accents or spaces", () => {
    expect(slug("In- en uitstroom per maand")).toBe("in-en-uitstroom-per-maand");
    expect(slug("Coördinatie (IPS)")).toBe("coordinatie-ips");
    expect(slug("!!!")).toBe("grafiek");
  });
});
