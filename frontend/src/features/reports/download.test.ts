import { describe, expect, it } from "vitest";

import { filenameFrom } from "./download";

describe("filenameFrom", () => {
  it("takes the API's file name from Content-Disposition", () => {
    expect(filenameFrom('attachment; filename="werkpad-indicatoren-2025-12-01-2026-11-24.csv"', "x.csv")).toBe(
      "werkpad-indicatoren-2025-12-01-2026-11-24.csv",
    );
    expect(filenameFrom("attachment; filename*=UTF-8''rapport%20co%C3%B6rdinator.pdf", "x.pdf")).toBe("rapport coördinator.pdf");
  });

  it("falls back when there is no header or no name", () => {
    expect(filenameFrom(null, "werkpad-indicatoren.xlsx")).toBe("werkpad-indicatoren.xlsx");
    expect(filenameFrom("attachment", "werkpad-indicatoren.xlsx")).toBe("werkpad-indicatoren.xlsx");
  });
});
