import { describe, expect, it } from "vitest";

import { auditQuery, parseAuditFilters } from "./auditFilters";

const ID = "0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("audit filters", () => {
  it("reads the URL's Dutch names into an API query", () => {
    const filters = parseAuditFilters(new URLSearchParams(`deelnemer=${ID}&van=2026-11-01&tot=2026-11-24&uitkomst=denied`));
    expect(auditQuery(filters)).toEqual({ participant_id: ID, from: "2026-11-01", to: "2026-11-24", outcome: "denied" });
  });

  it("leaves out what the API would refuse, instead of failing the whole list", () => {
    const filters = parseAuditFilters(new URLSearchParams("deelnemer=0b6f3a4e&van=1/11/2026&uitkomst=maybe"));
    expect(auditQuery(filters)).toEqual({});
  });
});
